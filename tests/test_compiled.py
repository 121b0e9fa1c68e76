"""The optional compiled build (issue 27) gives byte for byte the output of the pure-Python modules.

Where setup.py compiled the hot modules with mypyc (summarize/_build.py lists them), the CLI is run
twice on the same inputs: once as installed, once with SUMMARIZE_PURE=1, which loads the modules'
.py sources instead. Inputs: the project's samples, ../shared/samples, ../shared/real/, the English
releases of the tests and 300 OrangeSum articles (../shared/bench/). Outputs: the JSON lines of the
batch (summary, topics, facts, duplicate groups), the text, Markdown and HTML pages, --explain, the
other rankers (not LSA: sumy's SVD breaks its ties differently from one run to the next, in either
build), -k 0 and a word budget. Skipped where the compiled build is not installed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from summarize import _build

from .conftest import BENCH, ROOT, SAMPLES

ARTICLES = 300
SHARED = ROOT.parent / "shared"
_ELAPSED = re.compile(rb"in [0-9.]+ s")

pytestmark = pytest.mark.skipif(not _build.compiled_installed() or bool(os.environ.get("SUMMARIZE_PURE")),
                                reason="no compiled build installed (pure-Python install)")


def _run(args: list[str], pure: bool, cwd: Path) -> bytes:
    env = {key: value for key, value in os.environ.items() if key != "SUMMARIZE_PURE"}
    if pure:
        env["SUMMARIZE_PURE"] = "1"
    done = subprocess.run([sys.executable, "-m", "summarize", *args], capture_output=True, env=env, cwd=cwd, timeout=600)
    assert done.returncode in (0, 1), done.stderr.decode(errors="replace")[-2000:]  # 1: an input of shared/real refused
    stderr = _ELAPSED.sub(b"in <time>", done.stderr)  # the batch's closing line gives its wall time
    return done.stdout + b"\n--- stderr, exit %d ---\n" % done.returncode + stderr


def _which(pure: bool) -> bool:
    env = {key: value for key, value in os.environ.items() if key != "SUMMARIZE_PURE"}
    if pure:
        env["SUMMARIZE_PURE"] = "1"
    probe = "import summarize, summarize._build as b, summarize.extract.topics as t; print(b.running_compiled(), t.__file__)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True).stdout.split()
    return out[0] == "True" and not out[1].endswith(".py")


def test_both_builds_are_what_they_say() -> None:
    assert _which(pure=False), "the compiled modules are installed but not the ones imported"
    assert not _which(pure=True), "SUMMARIZE_PURE=1 still imports a compiled module"


def test_compiled_and_pure_outputs_are_byte_identical(tmp_path: Path) -> None:
    articles = tmp_path / "orangesum"
    articles.mkdir()
    source = BENCH / "orangesum-valid.jsonl"
    if source.exists():
        with source.open(encoding="utf-8") as stream:
            for index, line in zip(range(ARTICLES), stream, strict=False):
                (articles / f"{index:05d}.txt").write_text(json.loads(line)["article"], encoding="utf-8")
    folders = [str(SAMPLES), str(ROOT / "tests" / "releases_en")]
    folders += [str(SHARED / name) for name in ("samples", "real") if (SHARED / name).is_dir()]
    pages = folders[:1] + folders[2:]  # the English releases are in the batch already
    one = str(sorted(SAMPLES.glob("*.txt"))[0])
    runs = [
        [*folders, str(articles), "-f", "jsonl", "-j", "2"],
        [*pages, "-f", "text", "-j", "2"],
        [*pages, "-f", "markdown", "-j", "2"],
        [str(SAMPLES), "-f", "html", "-j", "2"],
        [str(SAMPLES), "-f", "jsonl", "--explain", "-k", "0"],
        [str(SAMPLES), "-f", "jsonl", "-w", "60"],
        *[[str(SAMPLES), "-f", "jsonl", "-a", algorithm] for algorithm in ("lead", "lexrank", "textrank", "luhn", "kl")],
        [one, "-f", "json", "--explain"],
    ]
    for args in runs:
        compiled, pure = _run(args, False, tmp_path), _run(args, True, tmp_path)
        assert compiled.count(b"\n") > 5, args
        if compiled != pure:
            ours, theirs = compiled.splitlines() + [b"<end>"], pure.splitlines() + [b"<end>"]
            first = next(i for i, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b)
            pytest.fail(f"{' '.join(args[-4:])}: line {first} differs:\ncompiled {ours[first][:300]!r}\npure     {theirs[first][:300]!r}")
