"""Noun phrases from tagged tokens: what a key topic or an organisation's name can be.

A phrase is a *core* — a noun with the nouns, numbers and adjectives that follow it ("résultat
net", "coopération sécuritaire bilatérale", "ligne 6"), or a run of proper nouns kept whole
("Eau Vive Solidarité") — optionally with one complement in "de" ("ligne 6 du tramway",
"chiffre d'affaires"). Never a lone verb, adjective or adverb: every phrase has a noun head.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .tagging import Token, tag_text
from .verbs import is_present_verb

COMPLEMENT_MARKERS = frozenset({"de", "d'", "d’", "du", "des"})
COMPLEMENT_DETERMINERS = frozenset({"la", "l'", "l’", "les", "le"})
_NAME_TAGS = frozenset({"PROPN", "X"})
_HEAD_TAGS = _NAME_TAGS | {"NOUN"}
MAX_CORE_MODIFIERS = 3


@dataclass(slots=True)
class NounPhrase:
    """Token indexes: [start, core_end) is the noun and its modifiers, [start, end) the phrase with
    its complement (end == core_end without one); `modifier_ends` are the shorter cores
    ("coopération", "coopération sécuritaire") a longer one contains."""

    start: int
    core_end: int
    end: int
    modifier_ends: tuple[int, ...]
    is_name: bool


def _is_word(token: Token) -> bool:
    return token.text[:1].isalnum()


_INFINITIVE_ENDINGS = ("er", "ir", "oir", "re")
_BEFORE_INFINITIVE = frozenset({"de", "d'", "d’", "à", "pour", "sans", "afin"})


def _is_head(token: Token, previous: Token | None = None, following: Token | None = None) -> bool:
    if token.tag == "NOUN":
        if not _is_word(token):
            return False
        if previous is not None and token.text[:1].islower():
            if previous.tag == "PROPN":
                return False  # a lower-case "noun" right after a name is mostly a missed verb ("Lumio lance Lexa")
            if (previous.text.lower() in _BEFORE_INFINITIVE and token.text.endswith(_INFINITIVE_ENDINGS)
                    and following is not None and (following.tag in ("DET", "CCONJ", "ADP") or following.text == "et")):
                return False  # "chargé de concevoir et mettre en œuvre": an infinitive with its object
        return True
    if token.tag in _NAME_TAGS:
        return token.text[:1].isupper() or (_is_word(token) and not token.text.isdigit() and len(token.text) > 2)
    return _is_code(token)


def _is_code(token: Token) -> bool:
    """"COVID-19", "5G", "A320", "demarches-simplifiees.fr": codes and site names are names,
    whatever the tagger said."""
    text = token.text
    if "." in text and _DOTTED_NAME.fullmatch(text):
        return True
    if text.islower():
        return False  # no capital: most words end here, before the search for a digit
    return _DIGIT.search(text) is not None and any(c.isupper() for c in text)  # an upper-case letter is a letter


_DOTTED_NAME = re.compile(r"[^\W_][\w-]*(?:\.[^\W\d_][\w-]*)+")
_DIGIT = re.compile(r"\d")


def _core(tokens: Sequence[Token], i: int) -> tuple[int, tuple[int, ...], bool] | None:
    """End of the core starting at i, the ends of its shorter cores, and whether it is a name."""
    n = len(tokens)
    if i >= n or not _is_head(tokens[i], tokens[i - 1] if i > 0 else None, tokens[i + 1] if i + 1 < n else None):
        return None
    j = i + 1
    is_name = tokens[i].tag in _NAME_TAGS or _is_code(tokens[i])
    if is_name:
        j = _name_end(tokens, i)
    ends: list[int] = []
    nouns = 1
    head_capitalised = tokens[i].text[:1].isupper()
    while j < n and len(ends) < MAX_CORE_MODIFIERS:
        token = tokens[j]
        if token.tag == "ADJ" and token.text[:1].isalnum():  # _is_word, inline
            if token.text.islower() and head_capitalised and is_present_verb(token.text):
                break  # "le Canada conçoit…", "le Réseau haut-normand espère que…": the verb, not an adjective
        elif token.tag == "NUM" and token.text.isdigit() and len(token.text) < 4 and not is_name:
            pass  # "ligne 6", not "janvier 2025"
        elif token.tag == "NOUN" and nouns < 2 and j == i + 1 and _is_word(token) and (token.text[:1].isupper() == tokens[i].text[:1].isupper()):
            nouns += 1  # "open data", "Nantes Métropole"
        elif token.tag in _NAME_TAGS and _is_head(token) and not is_name and tokens[j - 1].tag == "NOUN":
            pass  # "programme France Relance"
        else:
            break
        ends.append(j)
        j += 1
    shorter = tuple([i + 1 if not is_name else _name_end(tokens, i)] + [e + 1 for e in ends[:-1]]) if ends else ()
    return j, tuple(e for e in shorter if e < j), is_name


NAME_PARTICLES = frozenset({"von", "van", "der", "den", "da", "di", "del", "della", "ben", "bin", "ibn", "el", "al"})


def _name_end(tokens: Sequence[Token], i: int) -> int:
    """End of a run of names, particles inside it ("Ursula von der Leyen")."""
    j = i + 1
    while j < len(tokens):
        k = j
        while k < len(tokens) and tokens[k].text in NAME_PARTICLES:
            k += 1
        if k < len(tokens) and tokens[k].tag in _NAME_TAGS and tokens[k].text[:1].isupper():
            j = k + 1
        else:
            break
    return j


def noun_phrases(tokens: Sequence[Token]) -> list[NounPhrase]:
    """Every noun phrase, in text order; a complement's own core is a phrase of its own too."""
    phrases: list[NounPhrase] = []
    i = 0
    n = len(tokens)
    while i < n:
        token = tokens[i]
        if token.tag not in _HEAD_TAGS and ((token.text.islower() and "." not in token.text) or not _is_code(token)):
            i += 1  # most tokens: no phrase can start here (the test `_core` would make first; a lower-case
            continue  # word without a dot is never a code, which spares the call)
        core = _core(tokens, i)
        if core is None:
            i += 1
            continue
        core_end, shorter, is_name = core
        end = core_end
        if core_end < n and tokens[core_end].text.lower() in COMPLEMENT_MARKERS:
            k = core_end + 1
            if k < n and tokens[k].text.lower() in COMPLEMENT_DETERMINERS and tokens[core_end].text.lower() in ("de", "d'", "d’"):
                k += 1
            complement = _core(tokens, k)
            if complement is not None:
                end = complement[0]
        phrases.append(NounPhrase(i, core_end, end, shorter, is_name))
        i = core_end
    return phrases


@lru_cache(maxsize=4096)
def tagged(text: str) -> tuple[Token, ...]:
    """Tagged tokens of one sentence (cached for ad-hoc calls; a document uses `SentenceTags`)."""
    return tuple(tag_text(text))


class SentenceTags:
    """The tags of one document's sentences, computed once for the topic and the facts stages
    however long the document is (an LRU cache would tag a 100,000-line file twice)."""

    def __init__(self, language: str = "fr") -> None:
        self._memo: dict[str, tuple[Token, ...]] = {}
        self.language = language  # the tagger: French, or English for an English release

    def __call__(self, text: str) -> tuple[Token, ...]:
        tokens = self._memo.get(text)
        if tokens is None:
            tokens = self._memo[text] = tuple(tag_text(text, self.language))
        return tokens
