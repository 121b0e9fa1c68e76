from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
USER_EXAMPLE = ROOT.parent / "shared" / "samples" / "dgsn-pakistan-2025-01-20.txt"
BENCH = ROOT.parent / "shared" / "bench"


@pytest.fixture
def samples() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


@pytest.fixture
def user_example() -> Path:
    if not USER_EXAMPLE.exists():
        pytest.skip("../shared/samples is not here")
    return USER_EXAMPLE


def normalized(text: str) -> str:
    """Whitespace-folded text, for verbatim checks (the reader folds NBSP and line ends)."""
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u202f", " ").split())


def assert_verbatim_in_order(summary: list[str], source_text: str) -> None:
    haystack = normalized(source_text)
    position = 0
    for sentence in summary:
        found = haystack.find(normalized(sentence), position)
        assert found >= 0, f"not verbatim or not in order: {sentence!r}"
        position = found + 1


def summarize_file(path: Path, content: str, **options):
    """Write a release to `path`, read it as the CLI would (format, headline) and summarize it."""
    from summarize import read_text, summarize_text

    path.write_text(content, encoding="utf-8")
    raw = read_text(str(path))
    return summarize_text(raw.text, title=raw.headline, **options)
