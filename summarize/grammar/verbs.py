"""French verbs the tagger reads as adjectives: "Le Réseau haut-normand espère que…", "l'université
de Fribourg viole…", "le gouvernement du Canada conçoit et offre…". After a name the tagger often
takes the verb of the sentence for one more adjective of it; a name or a topic must end there.

A lower-case form is a present-tense verb when one of the endings of data/conjugation_fr.txt
[present] turns it into an infinitive the lexicon holds (data/lexicon_fr.txt: the word forms of
French news), and it is not an adjective: no adverb in -ment made from it is known ("grave",
"gravement"; "violent", "violemment"). Regular morphology, so it holds for verbs no list names.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from ..resources import listed, sections

if TYPE_CHECKING:
    from .tagging import Token

LEXICON = "lexicon_fr.txt"
MIN_STEM_LETTERS = 3
_STEM_CONSONANTS = "bcdfghjklmnpqrstvwxzç"


@cache
def _endings() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    groups = sections("conjugation_fr.txt")
    def pairs(name: str) -> tuple[tuple[str, str], ...]:
        return tuple((line.split()[0], line.split()[1]) for line in groups.get(name, []))
    return pairs("present"), pairs("adverb")


def _infinitives(stem: str, ending: str) -> list[str]:
    """The infinitives a present-tense stem can come from: "espèr" -> "espérer" (è of the present,
    é of the infinitive), "appell" -> "appeler", "jett" -> "jeter" (a doubled consonant), "conç" -> "concevoir"."""
    if stem.endswith("ç") and ending.startswith("e"):
        stem = stem[:-1] + "c"  # "conç-oit" -> "concevoir"
    out = [stem + ending]
    accent = stem.rfind("è")
    if accent >= 0:
        out.append(stem[:accent] + "é" + stem[accent + 1:] + ending)
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] in "lt":
        out.append(stem[:-1] + ending)
    return out


def _opens_on_e_acute(stem: str) -> bool:
    """"précéd": a stem whose last vowel is é takes è in the present ("précèdent"), so "précédent" is no present form."""
    tail = stem.rstrip(_STEM_CONSONANTS)
    return len(tail) < len(stem) and tail.endswith("é")


@cache
def is_present_verb(word: str) -> bool:
    """Whether a lower-case word is a third-person present form of a known verb and no adjective."""
    if not word.islower() or not word.isalpha():
        return False
    present, adverb = _endings()
    if any(word.endswith(ending) and listed(LEXICON, word[: len(word) - len(ending)] + made) for ending, made in adverb):
        return False
    for ending, infinitive in present:
        stem = word[: len(word) - len(ending)]
        if not word.endswith(ending) or len(stem) < MIN_STEM_LETTERS:
            continue
        if infinitive == "er" and _opens_on_e_acute(stem):
            continue
        if any(listed(LEXICON, form) for form in _infinitives(stem, infinitive)):
            return True
    return False


_NON_FINITE = ("ant", "er", "ir", "oir", "re")  # a present participle or an infinitive: no verb of its own


def has_finite_verb(tokens: Sequence[Token]) -> bool:
    """Whether a tagged sentence has a verb that can carry it: an auxiliary, a verb the tagger saw
    that is no infinitive or present participle, or a present form it read as a noun or adjective.
    A line without one ("Les enseignants de l'école pour la préparation de la reprise.", "9h45 :
    Table ronde « … »") is a list item or a programme line, not a sentence to quote alone."""
    for token in tokens:
        if token.tag == "AUX":
            return True
        if token.tag.startswith("VERB") and not token.text.lower().endswith(_NON_FINITE):
            return True
        if token.tag in ("NOUN", "ADJ", "VERB") and is_present_verb(token.text):
            return True
    return False
