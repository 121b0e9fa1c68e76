"""Rank stage: score sentences and pick a budget of them, always verbatim and in document order.

The default ranker ("pyramid") is a linear scorer over cheap features (position in the
inverted pyramid, length, centrality, similarity to the title, quotes, figures) whose weights
are learnt on OrangeSum train by ``benchmarks/train_ranker.py`` and shipped as JSON. All
features are linear in document length; redundancy is controlled by MMR at selection.
"""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..resources import json_data, sections, word_list
from .candidate import Sentence

__all__ = ["ALGORITHMS", "DEFAULT_ALGORITHM", "Ranking", "Sentence", "SelectionParams", "adjusted_scores", "rank", "score", "select"]

DEFAULT_ALGORITHM = "pyramid"
OWN_ALGORITHMS = ("pyramid", "lead")
SUMY_ALGORITHMS = ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "edmundson", "reduction")
ALGORITHMS = OWN_ALGORITHMS + SUMY_ALGORITHMS


@dataclass(frozen=True)
class SelectionParams:
    """How a ranker's scores become a selection; learnt with the pyramid weights.

    ``length_penalty`` grows with each extra sentence asked for: ROUGE and readers both prefer
    a 3-sentence summary of crisp sentences to three of the longest ones.
    """

    redundancy: float = 0.0
    length_penalty: float = 0.0
    standalone: bool = False  # never choose an opener that points back ("Elle…") without the sentence before it
    lead_exempt: int = 0  # the first N sentences (the lead, often long) are spared the length penalty
    headline_emphasis: float = 1.0  # weight of the similarity to the headline, relative to the learnt one


NO_ADJUSTMENT = SelectionParams()


@dataclass
class Ranking:
    scores: list[float]  # the scores the selection used (length-adjusted for the budget)
    selected: list[int]  # indices into the sentence list, in document order
    params: SelectionParams | None = None  # how the selection adjusted the scores


FEATURES = (
    "first", "second", "third", "inverse_position", "relative_position", "paragraph_first", "log_length",
    "log_length_squared", "short", "long", "centrality", "title_similarity", "quote", "digits", "question", "bullet",
    "lead_paragraph", "anaphora", "entity_density", "date",
)
_DATE_MENTION = re.compile(  # the lookahead: letters a mention opens with, so most positions fail at once
    r"(?=[\dlmjvsda])(?:\b(?:\d{1,2}|1er)\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b"
    r"|\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|aujourd'hui|aujourd’hui)\b)",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"(?=[A-ZÀ-Ý])(?<=[\s(«“\"'’])[A-ZÀ-Ý][\w'’-]+")  # lookahead first: most positions fail at once


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
        has_digit = any(map(str.isdigit, text))  # most sentences have none: their first 400 characters are not counted
        entities = len(_CAPITALISED.findall(text)) + (sum(map(str.isdigit, text[:400])) if has_digit else 0) / 2
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
            1.0 if is_quote(text) else 0.0,
            1.0 if has_digit else 0.0,
            1.0 if text.rstrip(" »\"”").endswith("?") else 0.0,
            1.0 if s.kind == "bullet" else 0.0,
            1.0 if s.paragraph == 0 else 0.0,
            1.0 if opens_with_anaphora(text) else 0.0,
            entities / (s.word_count or 1),
            1.0 if _DATE_MENTION.search(text) else 0.0,
        ])
    return rows


NEWS_FEATURES = ("announce", "now", "background", "call_to_action", "figures", "lead_similarity", "title_coverage",
                 "paragraph_position")
_NUMBER = re.compile(r"\d+(?:[.,  ]\d+)*")
_YEAR = re.compile(r"(?:19|20)\d\d")


@lru_cache(maxsize=4)
def news_markers(language: str) -> dict[str, re.Pattern[str]]:
    """One pattern per section of data/news_<language>.txt (French for a language without a list)."""
    try:
        lists = sections(f"news_{language}.txt")
    except (FileNotFoundError, OSError):
        lists = sections("news_fr.txt")
    patterns = {}
    for name, entries in lists.items():
        parts = []
        for entry in sorted(entries, key=len, reverse=True):
            stem = entry.rstrip("*")
            body = r"\s+".join(re.escape(w).replace("'", "['’]") for w in stem.split())
            parts.append(body + (r"\w*" if entry.endswith("*") else r"(?!\w)"))
        patterns[name] = re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.IGNORECASE)
    return patterns


def news_features(sentences: Sequence[Sentence], title_stems: Sequence[str] = (), language: str = "fr") -> list[list[float]]:
    """What a release sentence does, in NEWS_FEATURES order: names an action or an event (announce),
    dates it now (now), gives background or calls the reader to act, gives figures other than years,
    repeats the lead sentence and the headline, and where it stands in its paragraph."""
    markers = news_markers(language)
    title_set = set(title_stems)
    lead = set(sentences[0].stems) if sentences else set()
    rows = []
    for i, s in enumerate(sentences):
        text = s.text[:1000]
        unique = set(s.stems)
        figures = sum(1 for m in _NUMBER.findall(text) if not _YEAR.fullmatch(m))
        lead_sim = len(unique & lead) / math.sqrt(len(unique) * len(lead)) if i and unique and lead else 0.0
        rows.append([
            min(len(markers["announce"].findall(text)), 3) / 3,
            1.0 if markers["now"].search(text) else 0.0,
            1.0 if markers["background"].search(text) else 0.0,
            1.0 if markers["action"].search(text) else 0.0,
            min(figures, 3) / 3,
            lead_sim,
            len(unique & title_set) / len(title_set) if title_set else 0.0,
            1.0 / (1 + s.position_in_paragraph),
        ])
    return rows


def is_quote(text: str) -> bool:
    """A sentence that quotes someone (or names something in guillemets): the "quote" feature."""
    return "«" in text or text.startswith(('"', "“"))


def opens_with_anaphora(text: str) -> bool:
    """A sentence whose first words point back ("Elle précise…", "Ce dernier…", "Y sont…")."""
    head = _OPENING_WORDS.match(text.lstrip("«“\"' —–-"))
    if not head:
        return False
    first = head.group(1).lower().replace("’", "'")
    two = " ".join(head.group(0).lower().split()[:2]).replace("’", "'")
    openers = anaphoric_openers()
    if two in _IMPERSONAL or (first in _DEMONSTRATIVES and two.split()[-1] in _TIME_WORDS):
        return False  # "Il y a…", "Ce lundi…", "Cette année…" point nowhere
    return two in openers or first in openers


_IMPERSONAL = frozenset({"il y", "il faut", "il s'agit", "il convient"})
_DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces"})
_TIME_WORDS = frozenset(
    "lundi mardi mercredi jeudi vendredi samedi dimanche matin soir midi jour jours week-end semaine semaines mois "
    "année années an printemps été automne hiver trimestre semestre saison".split()
)
_OPENING_WORDS = re.compile(r"([^\W\d_]+(?:-[^\W\d_]+)?)(?:[ ,]+[^\W\d_]+)?")


@lru_cache(maxsize=1)
def anaphoric_openers() -> frozenset[str]:
    return word_list("anaphora_fr.txt")


@lru_cache(maxsize=1)
def _model() -> tuple[list[float], float, dict[str, SelectionParams]]:
    """Coefficients on raw features, an intercept (standardisation folded in once) and the two
    selection profiles: with a headline (a release as it arrives) and without (the text alone)."""
    model = json_data("ranker_fr.json")
    coefficients = [model["weights"][name] / model["scale"][name] for name in FEATURES]
    intercept = model["bias"] - sum(c * model["mean"][name] for c, name in zip(coefficients, FEATURES, strict=True))
    profiles = {name: SelectionParams(*values) for name, values in model["selection"].items()}
    return coefficients, intercept, profiles


@lru_cache(maxsize=1)
def _release_model() -> tuple[list[float], float] | None:
    """The release correction: coefficients on raw NEWS_FEATURES and an intercept, in units of the
    OrangeSum score it is added to (fitted on release gold by benchmarks/train_ranker.py); None
    when the model has none."""
    release = json_data("ranker_fr.json").get("release")
    if not release:
        return None
    coefficients = [release["weights"][name] / release["scale"][name] for name in NEWS_FEATURES]
    intercept = release["bias"] - sum(c * release["mean"][name] for c, name in zip(coefficients, NEWS_FEATURES, strict=True))
    return coefficients, intercept


def feature_weight(name: str) -> float:
    """The pyramid model's weight of one feature (per unit of the raw feature)."""
    return _model()[0][FEATURES.index(name)]


def pyramid_scores(sentences: Sequence[Sentence], title_stems: Sequence[str] = (), headline_emphasis: float = 1.0,
                   language: str = "fr") -> list[float]:
    """The OrangeSum score of each sentence plus, for a release with its headline (the "headline"
    profile) and when the model has one, the release correction. Text without a headline keeps the
    OrangeSum score alone: on news articles the correction costs ROUGE (see the model card)."""
    coefficients, intercept, _ = _model()
    if headline_emphasis != 1.0:
        coefficients = list(coefficients)
        coefficients[_TITLE] *= headline_emphasis
    scores = [intercept + sum(map(operator.mul, coefficients, row)) for row in sentence_features(sentences, title_stems)]
    release = _release_model() if title_stems else None
    if release is None:
        return scores
    weights, bias = release
    return [x + bias + sum(map(operator.mul, weights, row))
            for x, row in zip(scores, news_features(sentences, title_stems, language), strict=True)]


_TITLE = FEATURES.index("title_similarity")


def lead_scores(sentences: Sequence[Sentence]) -> list[float]:
    n = len(sentences)
    return [float(n - i) for i in range(n)]


def adjusted_scores(sentences: Sequence[Sentence], scores: Sequence[float], count: int,
                    params: SelectionParams = NO_ADJUSTMENT) -> list[float]:
    """Scores as the selection of `count` sentences sees them (length penalty applied)."""
    penalty = params.length_penalty * max(count - 1, 0)
    if not penalty:
        return list(scores)
    exempt = params.lead_exempt
    return [x - (penalty * math.log1p(s.word_count) if i >= exempt else 0.0)
            for i, (x, s) in enumerate(zip(scores, sentences, strict=True))]


def repeats(sentences: Sequence[Sentence]) -> set[int]:
    """Sentences that say an earlier one again word for word (a page that prints its lead twice, a
    quote set apart and repeated in the text): never a second bullet."""
    seen: set[str] = set()
    out: set[int] = set()
    for i, sentence in enumerate(sentences):
        key = " ".join(sentence.text.split()).casefold()
        if key in seen:
            out.add(i)
        seen.add(key)
    return out


_COMPLETE_END = re.compile(r"[.!?…»\"”)]$")


def is_complete(sentence: str) -> bool:
    """A sentence a reader can quote alone: it ends with final punctuation, not with ":" announcing a list."""
    return bool(_COMPLETE_END.search(sentence.rstrip()))


NEAR_REPEAT = 0.8  # a complete sentence whose content words are this much a chosen one's says it again (a lead printed
# twice with one name spelt out, the standfirst repeated in the body): a bullet only when nothing else is left
ALIKE_STEMS = 12  # two sentences of so many content words or more …
ALIKE_SHARE = 0.45  # … that share this much of them (shared / all, either's words) say one thing twice
HELD_WHOLE_STEMS = 12  # a chosen sentence of so many content words, found whole in a longer one, is said again by it


def select(sentences: Sequence[Sentence], scores: Sequence[float], count: int,
           params: SelectionParams = NO_ADJUSTMENT) -> list[int]:
    """Best `count` sentences by adjusted score with an MMR penalty for overlap; document order.

    With `params.standalone`, a sentence that opens on a word pointing back is taken only once
    the sentence before it is taken (or when nothing else is left): a bullet must stand alone."""
    count = max(0, min(count, len(sentences)))
    scores = adjusted_scores(sentences, scores, count, params)
    redundancy = params.redundancy
    repeated = repeats(sentences)
    order = sorted((i for i in range(len(sentences)) if i not in repeated), key=lambda i: (-scores[i], i))
    count = min(count, len(order))
    if (redundancy <= 0 and not params.standalone) or count < 1:
        return sorted(order[:count])
    candidates = order[: max(count * 8, 20)]  # the tail cannot win: keeps selection O(n)
    pointing = {i for i in candidates if params.standalone and i > 0 and opens_with_anaphora(sentences[i].text)}
    chosen: list[int] = []
    chosen_sets: list[set[str]] = []
    stem_sets = {i: set(sentences[i].stems) for i in candidates}  # built once, not once a pick
    complete = {i for i in candidates if is_complete(sentences[i].text)}  # an item a lead-in announced may restate the lead
    while len(chosen) < count and candidates:
        def preference(i: int) -> tuple[bool, bool, float, int]:
            stems = stem_sets[i]
            overlap = max((len(stems & c) / (len(stems) or 1) for c in chosen_sets), default=0.0)
            # a sentence that holds a chosen one whole, and says more ("Avec X, les utilisateurs …" /
            # "Grâce à X, les utilisateurs de ce cloud … de type factures, …"), says it again too
            holds = max((len(stems & c) / len(c) for c in chosen_sets if len(c) >= HELD_WHOLE_STEMS), default=0.0)
            # two long sentences that share half their content words say one thing twice ("… s'est lancé dans un
            # Marathon de l'open data … chaque jour, un nouveau jeu de données …" / "Depuis le 1er octobre, … s'est lancé …")
            alike = max((len(stems & c) / len(stems | c) for c in chosen_sets
                         if len(c) >= ALIKE_STEMS and len(stems) >= ALIKE_STEMS), default=0.0)
            alone = i in pointing and (i - 1) not in chosen
            new = max(overlap, holds) < NEAR_REPEAT and alike < ALIKE_SHARE
            return (new or i not in complete, not alone, scores[i] - redundancy * overlap, -i)

        best = max(candidates, key=preference)
        candidates.remove(best)
        chosen.append(best)
        chosen_sets.append(stem_sets[best])
    return sorted(chosen)


def score(sentences: Sequence[Sentence], algorithm: str = DEFAULT_ALGORITHM,
          title_stems: Sequence[str] = (), language: str = "fr") -> tuple[list[float], SelectionParams]:
    """A score per sentence and the selection parameters that go with the algorithm."""
    if not sentences:
        return [], NO_ADJUSTMENT
    if algorithm == "pyramid":
        params = _model()[2]["headline" if title_stems else "no_headline"]
        return pyramid_scores(sentences, title_stems, params.headline_emphasis, language), params
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
