"""Cheap language identification: French or English by function-word counts."""

from __future__ import annotations

import re
from functools import lru_cache

_LETTERS = re.compile(r"[^\W\d_]+")  # plain letter runs: enough to count function words
_SAMPLE_CHARS = 3000

# Words frequent in one language and rare in the other (stop lists overlap on "a", "on"...).
_MARKERS = {
    "fr": frozenset("le la les des du et est une dans pour qui que sur au aux par avec ce cette sont été".split()),
    "en": frozenset("the and of to is in that for with was are this by from has have were which be".split()),
}


def detect_language(text: str) -> tuple[str, float]:
    """('fr' | 'en' | 'unknown', confidence in [0, 1]) from the first few thousand characters."""
    return _detect_sample(text[:_SAMPLE_CHARS])


@lru_cache(maxsize=64)
def _detect_sample(sample: str) -> tuple[str, float]:
    """Cached: the document and its first paragraph are often the same text (a one-paragraph article)."""
    tokens = _LETTERS.findall(sample.lower())
    if not tokens:
        return "unknown", 0.0
    counts = {lang: sum(map(markers.__contains__, tokens)) for lang, markers in _MARKERS.items()}
    best = max(counts, key=counts.get)
    share = counts[best] / len(tokens)
    if counts[best] < 2 or share < 0.04:
        return "unknown", share
    other = sum(v for k, v in counts.items() if k != best)
    return best, counts[best] / (counts[best] + other)


def resolve_language(requested: str, text: str) -> tuple[str, str | None]:
    """The language to process with, and a warning when auto-detection found neither."""
    if requested in ("fr", "en"):
        return requested, None
    detected, _ = detect_language(text)
    if detected == "unknown":
        return "fr", "language not recognised as French or English; processing as French"
    return detected, None

