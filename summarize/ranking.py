"""Rank stage: score sentences and pick a budget of them, always verbatim and in document order.

The default ranker ("pyramid") is a linear scorer over cheap features (position in the
inverted pyramid, length, centrality, similarity to the title, quotes, figures) whose weights
are learnt on OrangeSum train by ``benchmarks/train_ranker.py`` and shipped as JSON. All
features are linear in document length; redundancy is controlled by MMR at selection.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .candidate import Sentence
from .resources import json_data

__all__ = ["ALGORITHMS", "DEFAULT_ALGORITHM", "Ranking", "Sentence", "SelectionParams", "adjusted_scores", "rank", "score", "select"]

DEFAULT_ALGORITHM = "pyramid"
OWN_ALGORITHMS = ("pyramid", "lead")
SUMY_ALGORITHMS = ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "edmundson", "reduction")
ALGORITHMS = OWN_ALGORITHMS + SUMY_ALGORITHMS


@dataclass
class Ranking:
    scores: list[float]  # the scores the selection used (length-adjusted for the budget)
    selected: list[int]  # indices into the sentence list, in document order


@dataclass(frozen=True)
class SelectionParams:
    """How a ranker's scores become a selection; learnt with the pyramid weights.

    ``length_penalty`` grows with each extra sentence asked for: ROUGE and readers both prefer
    a 3-sentence summary of crisp sentences to three of the longest ones.
    """

    redundancy: float = 0.0
    length_penalty: float = 0.0


NO_ADJUSTMENT = SelectionParams()


FEATURES = (
    "first", "second", "third", "inverse_position", "relative_position", "paragraph_first", "log_length",
    "log_length_squared", "short", "long", "centrality", "title_similarity", "quote", "digits", "question", "bullet",
)


def sentence_features(sentences: Sequence[Sentence], title_stems: Sequence[str] = ()) -> list[list[float]]:
    """One feature vector per sentence, in FEATURES order; linear in document length."""
    doc_counts: Counter[str] = Counter()
    for s in sentences:
        doc_counts.update(set(s.stems))
    title_set = set(title_stems)
    n = len(sentences)
    rows = []
    for i, s in enumerate(sentences):
        unique = set(s.stems)
        # centrality: how many other sentences share this sentence's words, length-normalised
        shared = sum(doc_counts[w] - 1 for w in unique)
        centrality = shared / (math.sqrt(len(unique) or 1) * max(n - 1, 1)) if n > 1 else 0.0
        title_sim = len(unique & title_set) / math.sqrt(len(unique) * len(title_set)) if unique and title_set else 0.0
        text = s.text
        log_length = math.log1p(s.word_count)
        rows.append([
            1.0 if i == 0 else 0.0,
            1.0 if i == 1 else 0.0,
            1.0 if i == 2 else 0.0,
            1.0 / (1 + i),
            i / n,
            1.0 if s.position_in_paragraph == 0 else 0.0,
            log_length,
            log_length * log_length,
            1.0 if s.word_count < 8 else 0.0,
            1.0 if s.word_count > 45 else 0.0,
            centrality,
            title_sim,
            1.0 if ("«" in text or text.startswith(('"', "“"))) else 0.0,
            1.0 if any(ch.isdigit() for ch in text) else 0.0,
            1.0 if text.rstrip(" »\"”").endswith("?") else 0.0,
            1.0 if s.kind == "bullet" else 0.0,
        ])
    return rows


@lru_cache(maxsize=1)
def _model() -> tuple[list[float], float, SelectionParams]:
    """Coefficients on raw features and an intercept: standardisation folded in once."""
    model = json_data("ranker_fr.json")
    coefficients = [model["weights"][name] / model["scale"][name] for name in FEATURES]
    intercept = model["bias"] - sum(c * model["mean"][name] for c, name in zip(coefficients, FEATURES, strict=True))
    params = SelectionParams(model.get("redundancy", 0.0), model.get("length_penalty", 0.0))
    return coefficients, intercept, params


def pyramid_scores(sentences: Sequence[Sentence], title_stems: Sequence[str] = ()) -> list[float]:
    coefficients, intercept, _ = _model()
    return [intercept + sum(c * x for c, x in zip(coefficients, row, strict=True))
            for row in sentence_features(sentences, title_stems)]


def lead_scores(sentences: Sequence[Sentence]) -> list[float]:
    n = len(sentences)
    return [float(n - i) for i in range(n)]


def adjusted_scores(sentences: Sequence[Sentence], scores: Sequence[float], count: int,
                    params: SelectionParams = NO_ADJUSTMENT) -> list[float]:
    """Scores as the selection of `count` sentences sees them (length penalty applied)."""
    penalty = params.length_penalty * max(count - 1, 0)
    if not penalty:
        return list(scores)
    return [x - penalty * math.log1p(s.word_count) for x, s in zip(scores, sentences, strict=True)]


def select(sentences: Sequence[Sentence], scores: Sequence[float], count: int,
           params: SelectionParams = NO_ADJUSTMENT) -> list[int]:
    """Best `count` sentences by adjusted score with an MMR penalty for overlap; document order."""
    count = max(0, min(count, len(sentences)))
    scores = adjusted_scores(sentences, scores, count, params)
    redundancy = params.redundancy
    order = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
    if redundancy <= 0 or count <= 1:
        return sorted(order[:count])
    chosen: list[int] = []
    chosen_sets: list[set[str]] = []
    candidates = order[: max(count * 8, 20)]  # the tail cannot win: keeps selection O(n)
    while len(chosen) < count and candidates:
        def mmr(i: int) -> float:
            stems = set(sentences[i].stems)
            overlap = max((len(stems & c) / (len(stems) or 1) for c in chosen_sets), default=0.0)
            return scores[i] - redundancy * overlap

        best = max(candidates, key=lambda i: (mmr(i), -i))
        candidates.remove(best)
        chosen.append(best)
        chosen_sets.append(set(sentences[best].stems))
    return sorted(chosen)


def score(sentences: Sequence[Sentence], algorithm: str = DEFAULT_ALGORITHM,
          title_stems: Sequence[str] = (), language: str = "fr") -> tuple[list[float], SelectionParams]:
    """A score per sentence and the selection parameters that go with the algorithm."""
    if not sentences:
        return [], NO_ADJUSTMENT
    if algorithm == "pyramid":
        return pyramid_scores(sentences, title_stems), _model()[2]
    if algorithm == "lead":
        return lead_scores(sentences), NO_ADJUSTMENT
    if algorithm in SUMY_ALGORITHMS:
        from .sumy_rankers import sumy_scores

        return sumy_scores(algorithm, sentences, language, title_stems), NO_ADJUSTMENT
    raise ValueError(f"unknown algorithm {algorithm!r}; choose from {', '.join(ALGORITHMS)}")


def rank(sentences: Sequence[Sentence], count: int, algorithm: str = DEFAULT_ALGORITHM,
         title_stems: Sequence[str] = (), language: str = "fr") -> Ranking:
    """Scores of every sentence and the selection of `count` of them."""
    scores, params = score(sentences, algorithm, title_stems, language)
    return Ranking(adjusted_scores(sentences, scores, count, params), select(sentences, scores, count, params))
