"""Optional compiled build of the hot modules (issue 27).

When mypy (a build requirement) and a C compiler are there, the modules of COMPILED are compiled
by mypyc from the same sources; the .py files are installed beside them as the fallback. Without a
compiler, or when compiling fails, or with SUMMARIZE_PURE=1 set at build time, the install is the
pure-Python package, silently (a note on the build log only). At run time SUMMARIZE_PURE=1 loads
the pure modules even where the compiled ones are installed (see summarize/_pure.py).
"""

from __future__ import annotations

import os
import runpy
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The module list lives in the package (summarize/_build.py), which reads it again at run time.
COMPILED = [name.replace(".", "/") + ".py" for name in runpy.run_path(os.path.join("summarize", "_build.py"))["COMPILED"]]


def _note(message: str) -> None:
    print(f"summarize: {message}; installing the pure-Python modules", file=sys.stderr)


class OptionalBuildExt(build_ext):
    """build_ext whose failure (no compiler, a compiler error) leaves the pure-Python install."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # CompileError, LinkError, PlatformError, a missing compiler (OSError)
            _note(f"the compiled build failed ({exc})")
            for ext in self.extensions:  # all or nothing: compiled modules only work together
                for path in (self.get_ext_fullpath(ext.name), os.path.join(self.build_lib, self.get_ext_filename(ext.name))):
                    if os.path.exists(path):
                        os.remove(path)
            self.extensions = []



def ext_modules() -> list:
    if os.environ.get("SUMMARIZE_PURE"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _note("mypyc is not available")
        return []
    try:
        return mypycify(["--ignore-missing-imports", "--follow-imports=silent", *COMPILED], opt_level="3", group_name="summarize")
    except BaseException as exc:  # mypy's type errors end in SystemExit
        _note(f"mypyc could not translate the modules ({exc})")
        return []


setup(ext_modules=ext_modules(), cmdclass={"build_ext": OptionalBuildExt})
