"""The modules of the optional compiled build type-check as mypyc needs (issue 27).

setup.py falls back to the pure-Python install when mypyc refuses a module, silently for the user: a
type error in one of the compiled modules would quietly cost every install its compiled speed. This
runs mypy with setup.py's own flags on the same module list, so that such an error fails here."""

from __future__ import annotations

import subprocess
import sys

import pytest

from summarize import _build

from .conftest import ROOT


def test_the_compiled_modules_type_check_as_mypyc_needs():
    pytest.importorskip("mypy", reason="mypy is not installed (it comes with the [test] extra)")
    files = [str(ROOT / (name.replace(".", "/") + ".py")) for name in _build.COMPILED]
    done = subprocess.run([sys.executable, "-m", "mypy", "--ignore-missing-imports", "--follow-imports=silent", "--no-incremental",
                           *files], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:]
