"""Part-of-speech stage: French tokens with their universal tag (UPOS) and lemma, offline.

A greedy averaged perceptron (weights as JSON in ``data/tagger_fr.json``, trained on UD
French-GSD by ``benchmarks/train_tagger.py``; card in ``data/tagger_fr.md``). Frequent words that
always carry one tag skip the model. Contractions are one token with a joined tag ("du" is
ADP+DET), as they are written. Lemmas come from the forms seen in training, then suffix rules
learnt from them. Pure Python: loads in ~20 ms, tags ~100,000 tokens a second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .resources import json_data, word_list
from .tokens import normalize_word

MODEL_FILE = "tagger_fr.json"
WORD_SCORES_KEPT = 50_000  # summed word features kept per process (~20 MB); forgotten all at once past it

# Tokens as UD French writes them: an elided article or pronoun apart ("l'", "qu'"), words with
# inner hyphens, dots or apostrophes whole ("aujourd'hui", "a-t-il", "demarches-simplifiees.fr",
# "FRANCE.NUM"), numbers with their separators ("1 200,5"), a number with letters whole ("2ème",
# "1er", "5G", as UD writes them), each punctuation mark alone.
_TOKEN = re.compile(
    r"(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’](?=[^\W\d_])"
    r"|\d+(?:[  ]\d{3})+(?:,\d+)?(?![\d])|\d+(?:[.,]\d+)*(?![^\W\d_])"
    r"|[^\W_]+(?:[-'’.&][^\W_]+)*"
    r"|[^\w\s]",
    re.IGNORECASE,
)

@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    tag: str

    @property
    def lemma(self) -> str:
        """Computed when asked: topics and organisations never need it, so tagging does not pay for it."""
        return model().lemma(self.text, self.tag)


def tokenize(text: str) -> list[tuple[int, int]]:
    """Character spans of the tagger's tokens."""
    return [m.span() for m in _TOKEN.finditer(text)]


_DIGIT = re.compile(r"\d")


def shape(word: str) -> str:
    """A coarse written shape: what a capital, a digit or a hyphen says about an unknown word."""
    if _DIGIT.search(word):
        return "digit"
    if word.isupper() and len(word) > 1:
        return "upper"
    if word[:1].isupper():
        return "cap"
    if "-" in word:
        return "hyph"
    if not word[:1].isalpha():
        return "punct"
    return "lower"


def word_features(w: str, shape_: str, first: bool, names: frozenset[str]) -> list[str]:
    """Features of the word alone (cached per word form when tagging)."""
    return [
        "b",
        "w " + w,
        "s1 " + w[-1:],
        "s2 " + w[-2:],
        "s3 " + w[-3:],
        "s4 " + w[-4:],
        "p2 " + w[:2],
        "sh " + shape_ + (" 0" if first else ""),
        "nm " + ("1" if w in names else "0") + shape_,  # news writes it with a capital (data/names_fr.txt)
    ]


def context_features(lowers: list[str], shapes: list[str], i: int, prev: str, prev2: str) -> list[str]:
    """Features of the neighbours and of the tags already given."""
    w = lowers[i]
    before = lowers[i - 1] if i > 0 else "<s>"
    after = lowers[i + 1] if i + 1 < len(lowers) else "</s>"
    after2 = lowers[i + 2] if i + 2 < len(lowers) else "</s>"
    return [
        "t " + prev,
        "tt " + prev2 + " " + prev,
        "tw " + prev + " " + w,
        "w- " + before,
        "w+ " + after,
        "w++ " + after2,
        "s+ " + after[-3:],
        "s- " + before[-3:],
        "sh+ " + (shapes[i + 1] if i + 1 < len(shapes) else "end"),
    ]


def features(words: list[str], lowers: list[str], shapes: list[str], i: int, prev: str, prev2: str,
             names: frozenset[str] = frozenset()) -> list[str]:
    """The perceptron's features for word i; shared by training and tagging so they never drift."""
    return word_features(lowers[i], shapes[i], i == 0, names) + context_features(lowers, shapes, i, prev, prev2)


@dataclass
class TaggerModel:
    """Weights are stored one string per feature ("3:52 7:-10": tag index, weight x 100) and
    parsed when a feature is first met: loading stays under 10 ms, which the cold start needs."""

    tags: list[str]
    tag_of_word: dict[str, str]
    weights: dict[str, str]
    lemmas: dict[str, str]
    lemma_rules: dict[str, dict[str, list]]  # tag -> word ending -> [letters to strip, letters to add]
    _rows: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict, repr=False)
    _word_scores: dict[tuple[str, str, bool], list[int]] = field(default_factory=dict, repr=False)

    def _row(self, feature: str) -> tuple[tuple[int, int], ...]:
        """A feature's weights, parsed once. Only features the model knows are kept: caching the
        misses too ("w+ <every new word>") grew a worker by 400 MB over 200,000 releases."""
        row = self._rows.get(feature)
        if row is None:
            encoded = self.weights.get(feature)
            if not encoded:
                return ()
            row = tuple((int(i), int(w)) for i, w in (cell.split(":") for cell in encoded.split()))
            self._rows[feature] = row
        return row

    def _scores_of_word(self, lower: str, shape_: str, first: bool, names: frozenset[str]) -> list[int]:
        key = (lower, shape_, first)
        scores = self._word_scores.get(key)
        if scores is None:
            if len(self._word_scores) > WORD_SCORES_KEPT:
                self._word_scores.clear()
            scores = [0] * len(self.tags)
            for feature in word_features(lower, shape_, first, names):
                for index, weight in self._row(feature):
                    scores[index] += weight
            self._word_scores[key] = scores
        return scores

    def tag(self, words: list[str]) -> list[str]:
        """Greedy tagging. The context features of `context_features` are spelt out inline here
        (a quarter faster); tests/test_grammar.py checks that both give the same tags."""
        lowers = [normalize_word(w) for w in words]
        names = known_names()
        shapes = [shape(w) for w in words]
        padded = ["<s>", *lowers, "</s>", "</s>"]  # padded[i + 1] is word i
        shapes_after = [*shapes[1:], "end"]
        tags, dictionary, rows, parse, known = self.tags, self.tag_of_word, self._rows, self._row, self._word_scores
        out: list[str] = []
        prev, prev2 = "<s>", "<s>"
        for i, lower in enumerate(lowers):
            tag = dictionary.get(lower)
            if tag is None:
                base = known.get((lower, shapes[i], i == 0))
                scores = list(base if base is not None else self._scores_of_word(lower, shapes[i], i == 0, names))
                before, after = padded[i], padded[i + 2]
                for feature in ("t " + prev, "tt " + prev2 + " " + prev, "tw " + prev + " " + lower, "w- " + before,
                                "w+ " + after, "w++ " + padded[i + 3], "s+ " + after[-3:], "s- " + before[-3:],
                                "sh+ " + shapes_after[i]):
                    row = rows.get(feature)
                    for index, weight in parse(feature) if row is None else row:
                        scores[index] += weight
                tag = tags[scores.index(max(scores))]
            out.append(tag)
            prev2, prev = prev, tag
        return out

    def tag_by_features(self, words: list[str]) -> list[str]:
        """The same tagging through `features`, as training computes them: the reference `tag` must match."""
        lowers = [normalize_word(w) for w in words]
        shapes = [shape(w) for w in words]
        out: list[str] = []
        prev, prev2 = "<s>", "<s>"
        for i, lower in enumerate(lowers):
            tag = self.tag_of_word.get(lower)
            if tag is None:
                scores = [0] * len(self.tags)
                for feature in features(words, lowers, shapes, i, prev, prev2, known_names()):
                    for index, weight in self._row(feature):
                        scores[index] += weight
                tag = self.tags[scores.index(max(scores))]
            out.append(tag)
            prev2, prev = prev, tag
        return out

    def lemma(self, word: str, tag: str) -> str:
        lower = normalize_word(word)
        known = self.lemmas.get(lower + " " + tag)
        if known is not None:
            return known
        if tag == "PROPN":
            return word
        rules = self.lemma_rules.get(tag)
        if rules:
            for size in range(min(5, len(lower) - 1), 0, -1):
                rule = rules.get(lower[-size:])
                if rule is not None:
                    return lower[: len(lower) - rule[0]] + rule[1]
        return lower


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    """Lower-case words French news capitalises inside a sentence (names of all kinds)."""
    return word_list("names_fr.txt")


@lru_cache(maxsize=1)
def model() -> TaggerModel:
    data = json_data(MODEL_FILE)
    return TaggerModel(data["tags"], data["tag_of_word"], data["weights"], data["lemmas"], data["lemma_rules"])


def tag_text(text: str) -> list[Token]:
    """Tokens of one sentence (or any short text) with tag and lemma."""
    spans = tokenize(text)
    words = [text[a:b] for a, b in spans]
    tagger = model()
    tags = tagger.tag(words)
    return [Token(w, a, b, t) for w, (a, b), t in zip(words, spans, tags, strict=True)]
