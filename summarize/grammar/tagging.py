"""Part-of-speech stage: French tokens with their universal tag (UPOS) and lemma, offline.

A greedy averaged perceptron (weights as JSON in ``data/tagger_fr.json``, trained on UD
French-GSD by ``benchmarks/train_tagger.py``; card in ``data/tagger_fr.md``). Frequent words that
always carry one tag skip the model. Contractions are one token with a joined tag ("du" is
ADP+DET), as they are written. Lemmas come from the forms seen in training, then suffix rules
learnt from them. Pure Python: loads in ~20 ms, tags ~300,000 tokens a second (the scores of all
tags are one packed integer, see FIELD_BITS).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Container
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from ..resources import json_data, listed, sorted_list
from ..text.tokens import normalize_word

MODEL_FILE = "tagger_fr.json"
LEMMAS_FILE = "lemmas_fr.json"
WORD_SCORES_KEPT = 50_000  # summed word features kept per process (~20 MB); forgotten all at once past it
T = TypeVar("T")

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

@dataclass(slots=True)
class Token:
    """One token (not frozen: a frozen dataclass is three times slower to build, and a document
    builds one per word; nothing changes a token after tagging)."""

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


def word_features(w: str, shape_: str, first: bool, names: Container[str]) -> list[str]:
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
             names: Container[str] = frozenset()) -> list[str]:
    """The perceptron's features for word i; shared by training and tagging so they never drift."""
    return word_features(lowers[i], shapes[i], i == 0, names) + context_features(lowers, shapes, i, prev, prev2)


# Scores of all tags are packed in one integer, FIELD_BITS bits per tag, so that adding a feature's
# weights to every tag is one (C-level) integer addition instead of a Python loop over tags. Each
# field holds WEIGHT_BIAS + weight per feature added, which stays positive and below 2**FIELD_BITS
# (weights are at most 1,945 x 100 in absolute value, at most 18 features per token: under 2**19,
# and 2**24 once shifted by INDEX_BITS); the bias is the same for every tag, so the best tag is unchanged.
FIELD_BITS = 32
WEIGHT_BIAS = 1 << 14
INDEX_BITS = 5  # up to 32 tags
INDEX_MASK = (1 << INDEX_BITS) - 1
_FIELDS = array("I")
assert _FIELDS.itemsize * 8 == FIELD_BITS


@dataclass
class TaggerModel:
    """Weights are stored one string per feature ("3:52 7:-10": tag index, weight x 100) and
    parsed when a feature is first met: loading stays under 10 ms, which the cold start needs."""

    tags: list[str]
    tag_of_word: dict[str, str]
    weights: dict[str, str]
    lemmas: dict[str, str] | None = None  # None: read from LEMMAS_FILE when first asked (no stage needs them)
    lemma_rules: dict[str, dict[str, list]] | None = None  # tag -> word ending -> [letters to strip, letters to add]
    names: Container[str] | None = None  # words news capitalises (None: French news, names_fr.txt)
    lemmas_file: str = LEMMAS_FILE
    capitalised_verbs_are_names: bool = True  # French: "Grand Est"; not English, whose headlines capitalise verbs
    _rows: dict[str, int] = field(default_factory=dict, repr=False)
    _tag_pairs: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)  # the two tags before
    _forms: dict[str, list] = field(default_factory=dict, repr=False)  # word as written -> `_form`
    _padding: tuple[list, list] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        count = len(self.tags)
        self._bias = sum(WEIGHT_BIAS << (FIELD_BITS * i) for i in range(count))
        self._packed_bytes = FIELD_BITS // 8 * count
        # Each field's low INDEX_BITS, once the scores are shifted, say which tag it is (the first
        # tag the highest, as list.index would break a tie): the largest field is then the answer.
        self._indices = sum((count - 1 - i) << (FIELD_BITS * i) for i in range(count))
        self._tag_by_index_bits = list(reversed(self.tags))

    def _row(self, feature: str) -> int:
        """A feature's weights for every tag as one packed integer (0: unknown feature), parsed once.
        Only the model's own features are kept (at most its ~23,000): remembering the misses too
        ("w+ <every new word>") grew a worker by 400 MB over 200,000 releases."""
        row = self._rows.get(feature)
        if row is None:
            encoded = self.weights.get(feature)
            if not encoded:
                return 0
            row = self._bias
            for cell in encoded.split():
                index, weight = cell.split(":")
                row += int(weight) << (FIELD_BITS * int(index))
            self._rows[feature] = row
        return row

    def _best(self, scores: int) -> str:
        fields = memoryview(((scores << INDEX_BITS) + self._indices).to_bytes(self._packed_bytes, "little")).cast("I")
        return self._tag_by_index_bits[max(fields) & INDEX_MASK]  # the fields read in place: no array built

    def _form(self, word: str) -> list:
        """What a word form brings wherever it stands, summed once per form and kept: [lower-case
        form, its fixed tag or None, its own features' weights inside a sentence, the same at a
        sentence start (None until needed), its weights as the word before, as the word after,
        and as the second word after another]. The features of `word_features` are spelt out
        (a new form is met every other sentence: their list cost more than their sum)."""
        lower = word.lower().replace("’", "'")  # normalize_word, inline
        shape_ = shape(word)
        fixed = self._fixed_tag(word, lower)
        parse = self._row
        tail3 = lower[-3:]
        if fixed is not None:
            own = 0
        else:
            names = known_names() if self.names is None else self.names
            own = (parse("b") + parse("w " + lower) + parse("s1 " + lower[-1:]) + parse("s2 " + lower[-2:])
                   + parse("s3 " + tail3) + parse("s4 " + lower[-4:]) + parse("p2 " + lower[:2]) + parse("sh " + shape_)
                   + parse(("nm 1" if lower in names else "nm 0") + shape_))
        form = [lower, fixed, own, None, parse("w- " + lower) + parse("s- " + tail3),
                parse("w+ " + lower) + parse("s+ " + tail3) + parse("sh+ " + shape_), parse("w++ " + lower)]
        return _keep(self._forms, word, form, WORD_SCORES_KEPT)

    def _fixed_tag(self, word: str, lower: str) -> str | None:
        """The tag a word always takes, but for a French verb's form written as a name ("Grand Est", "Europe
        de l'Est": "est" is always the verb, "Est" never is): the model reads those from their context."""
        fixed = self.tag_of_word.get(lower)
        if fixed in _VERB_TAGS and self.capitalised_verbs_are_names and len(word) > 1 and word[:1].isupper() and word[1:].islower():
            return None
        return fixed

    def _first_scores(self, word: str, form: list) -> int:
        """A form's own weights as a sentence's first word (its shape feature says so), kept in the form."""
        names = known_names() if self.names is None else self.names
        form[3] = sum(map(self._row, word_features(form[0], shape(word), True, names)))
        return form[3]

    def _edges(self) -> tuple[list, list]:
        """The padding forms: "<s>" as the word before the first, "</s>" (shape "end") after the last."""
        if self._padding is None:
            parse = self._row
            start = ["<s>", None, 0, 0, parse("w- <s>") + parse("s- <s>"), 0, 0]
            end = ["</s>", None, 0, 0, 0, parse("w+ </s>") + parse("s+ /s>") + parse("sh+ end"), parse("w++ </s>")]
            self._padding = (start, end)
        return self._padding

    def tag(self, words: list[str]) -> list[str]:
        """Greedy tagging. The features of `features` are spelt out here and summed per word form
        (its own, and its weights as a neighbour), then per pair of tags: the sums are exact integer
        additions, so the order does not change a score; tests/test_grammar.py checks that both
        give the same tags."""
        forms = self._forms
        start, end = self._edges()
        padded = [start, *[forms.get(w) or self._form(w) for w in words], end, end]  # padded[i + 1] is word i
        best, rows, parse, pairs = self._best, self._rows, self._row, self._tag_pairs
        out: list[str] = []
        prev, prev2 = "<s>", "<s>"
        for i in range(len(words)):
            form = padded[i + 1]
            tag = form[1]
            if tag is None:
                scores = form[2] if i else (form[3] if form[3] is not None else self._first_scores(words[0], form))
                scores += padded[i][4] + padded[i + 2][5] + padded[i + 3][6]
                key2 = (prev2, prev)
                context = pairs.get(key2)
                if context is None:
                    context = pairs[key2] = parse("t " + prev) + parse("tt " + prev2 + " " + prev)
                feature = "tw " + prev + " " + form[0]
                row = rows.get(feature)
                tag = best(scores + context + (parse(feature) if row is None else row))
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
            tag = self._fixed_tag(words[i], lower)
            if tag is None:
                scores = [0] * len(self.tags)
                for feature in features(words, lowers, shapes, i, prev, prev2, known_names() if self.names is None else self.names):
                    for cell in self.weights.get(feature, "").split():
                        index, weight = cell.split(":")
                        scores[int(index)] += int(weight)
                tag = self.tags[scores.index(max(scores))]
            out.append(tag)
            prev2, prev = prev, tag
        return out

    def lemma(self, word: str, tag: str) -> str:
        if self.lemmas is None or self.lemma_rules is None:
            tables = json_data(self.lemmas_file)
            self.lemmas, self.lemma_rules = tables["lemmas"], tables["lemma_rules"]
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


_VERB_TAGS = frozenset({"AUX", "VERB"})


def _keep(cache: dict, key: object, value: T, limit: int) -> T:
    """Store in a per-process table that is emptied when it passes `limit` entries: a worker tags
    millions of releases, and unbounded tables grew one by 400 MB over 200,000."""
    if len(cache) > limit:
        cache.clear()
    cache[key] = value
    return value


def known_names() -> Container[str]:
    """Lower-case words French news capitalises inside a sentence (names of all kinds), looked up
    in the sorted list until a batch makes it worth parsing (see resources.SortedList)."""
    return sorted_list("names_fr.txt")


def is_common_word(word: str) -> bool:
    """A word French news writes in lower case (a form of data/lexicon_fr.txt that is no name):
    capitalised at a sentence start ("Ensuite", "Football"), the tagger may still read it as a name."""
    lower = word.lower()
    return lower not in known_names() and listed("lexicon_fr.txt", lower)


@lru_cache(maxsize=2)
def model(language: str = "fr") -> TaggerModel:
    """The tagger of a language: French (``tagger_fr.json``) or English (``tagger_en.json``, UD
    English-EWT, read only when an English release is tagged)."""
    if language == "en":
        data = json_data("tagger_en.json")
        return TaggerModel(data["tags"], data["tag_of_word"], data["weights"], names=frozenset(), lemmas_file="lemmas_en.json",
                           capitalised_verbs_are_names=False)
    data = json_data(MODEL_FILE)
    return TaggerModel(data["tags"], data["tag_of_word"], data["weights"])


# English tokens as UD English-EWT writes them: a possessive or a contraction stays with its word
# ("Ethelo's", "don't": EWT's multi-word tokens, one token with a joined tag, as in French).
_TOKEN_EN = re.compile(
    r"\d+(?:,\d{3})+(?:\.\d+)?(?![\d])|\d+(?:[.,]\d+)*(?![^\W\d_])"
    r"|[^\W_]+(?:[-'’.&][^\W_]+)*"
    r"|[^\w\s]",
)


def tag_text(text: str, language: str = "fr") -> list[Token]:
    """Tokens of one sentence (or any short text) with tag and lemma."""
    spans = tokenize(text) if language != "en" else [m.span() for m in _TOKEN_EN.finditer(text)]
    words = [text[a:b] for a, b in spans]
    tagger = model(language)
    tags = tagger.tag(words)
    return [Token(w, a, b, t) for w, (a, b), t in zip(words, spans, tags, strict=True)]
