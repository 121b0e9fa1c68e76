"""Coverage-guided fuzzing of reading, structure detection and the whole pipeline (atheris).

Any input must give text or an InputError; anything else (an exception, a hang caught by
-timeout, memory beyond -rss_limit_mb) is a crash that libFuzzer reports with the input.

    python tests/fuzz/fuzz_read.py CORPUS_DIR -max_total_time=60
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["summarize"]):
    from summarize.errors import InputError
    from summarize.pipeline import summarize_text
    from summarize.read.reading import read_bytes
    from summarize.text.structure import parse_structure

NAMES = ("fuzz.txt", "fuzz.html", "fuzz.md", "fuzz.eml", "fuzz.pdf", "fuzz.docx")


def one_input(data: bytes) -> None:
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    try:
        raw = read_bytes(data[1:], name)
    except InputError:
        return
    parse_structure(raw.text)
    summarize_text(raw.text, sentences=2, topics=3)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
