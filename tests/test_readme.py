"""The README's example outputs are the command's real output, so that they cannot go stale.

Each example in README.md is a code block right after a marker line
`<!-- example: COMMAND [| first N lines] [| cut at W] -->`; the block must equal the command's
stdout (run from the repository root, `summarize` being this checkout's command), reduced to its
first N lines, each cut at W characters where the marker says so. After a deliberate change of
output, `python tests/test_readme.py --write` rewrites the blocks from the command; the test
never writes.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
_MARKER = re.compile(r"^<!-- example: (?P<spec>.+?) -->\n```[a-z]*\n(?P<block>.*?)```$", re.MULTILINE | re.DOTALL)


def examples(text: str) -> list[re.Match[str]]:
    return list(_MARKER.finditer(text))


def parse(spec: str) -> tuple[str, int | None, int | None]:
    command, lines, width = spec, None, None
    parts = [p.strip() for p in spec.split(" | ")]
    command = parts[0]
    rest = []
    for part in parts[1:]:
        if m := re.fullmatch(r"first (\d+) lines", part):
            lines = int(m.group(1))
        elif m := re.fullmatch(r"cut at (\d+)", part):
            width = int(m.group(1))
        else:
            rest.append(part)
    if rest:  # a shell pipe that belongs to the command ("cat x | summarize …")
        command = " | ".join([command, *rest])
    return command, lines, width


def expected_block(spec: str) -> str:
    command, lines, width = parse(spec)
    runner = f"{shlex.quote(sys.executable)} -m summarize"
    shell = re.sub(r"(?<![\w/.-])summarize(?= )", runner, command)
    proc = subprocess.run(["bash", "-c", shell], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, (command, proc.stderr[-1000:])
    out = proc.stdout.splitlines()
    if lines is not None:
        out = out[:lines]
    if width is not None:
        out = [line[:width] for line in out]
    return "\n".join(out) + "\n"


def _needs_shared(spec: str) -> bool:
    return "../shared/" in spec


@pytest.mark.parametrize("index", range(len(examples(README.read_text(encoding="utf-8")))))
def test_readme_example_is_the_real_output(index):
    match = examples(README.read_text(encoding="utf-8"))[index]
    spec = match.group("spec")
    if _needs_shared(spec) and not (ROOT.parent / "shared").is_dir():
        pytest.skip("../shared is not here")
    assert match.group("block") == expected_block(spec), f"README example is stale: {spec} (python tests/test_readme.py --write)"


def test_the_readme_has_its_examples():
    assert len(examples(README.read_text(encoding="utf-8"))) >= 4


def write() -> None:
    text = README.read_text(encoding="utf-8")
    for match in reversed(examples(text)):
        start, end = match.span("block")
        text = text[:start] + expected_block(match.group("spec")) + text[end:]
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__" and "--write" in sys.argv:
    write()
