"""A candidate summary sentence: the unit every ranker scores (below ``ranking`` and ``sumy_rankers``)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Sentence:
    """A candidate summary sentence: verbatim text plus what the rankers need."""

    index: int
    text: str
    paragraph: int
    position_in_paragraph: int
    kind: str = "text"
    stems: list[str] = field(default_factory=list)
    word_count: int = 0
