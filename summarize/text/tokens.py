"""Token stage: French word tokens, elisions, stop words and Snowball stems."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat
from typing import Any

from ..resources import stop_words

# A word: letters/digits, with inner hyphens or apostrophes (COVID-19, a-t-il, aujourd'hui).
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_ELISION = re.compile(r"^(?:l|d|qu|j|n|s|c|m|t|jusqu|lorsqu|puisqu|quoiqu|presqu)['’](?=[^\W\d_])", re.IGNORECASE)


def words(text: str) -> list[str]:
    """Word tokens as written, elided articles and pronouns split off (l'entreprise -> entreprise).
    The same tokens as `word_spans`, without the spans (a third of the time: ranking needs no offsets)."""
    found = _WORD.findall(text)
    if "'" not in text and "’" not in text:
        return found
    return [word for word in map(_without_elisions, found) if word]


def _without_elisions(token: str) -> str:
    """"l'entreprise" -> "entreprise", "qu'l'x" -> "x"; "aujourd'hui" stays whole."""
    while "'" in token or "’" in token:
        elided = _ELISION.match(token)
        if not elided:
            break
        token = token[elided.end():]
    return token


@lru_cache(maxsize=8192)
def word_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of `words(text)` in `text`, for phrase extraction with original casing.

    Cached because ranking and topics both tokenise every sentence of a document."""
    spans: list[tuple[int, int]] = []
    for match in _WORD.finditer(text):
        end = match.end()
        word = _without_elisions(match.group())
        if word:
            spans.append((end - len(word), end))
    return tuple(spans)


def normalize_word(word: str) -> str:
    """Lower-case with typographic apostrophes folded, for matching and counting only."""
    return word.lower().replace("’", "'")


@lru_cache(maxsize=1)
def _stemmers() -> dict[str, Any]:
    import snowballstemmer

    return {"fr": snowballstemmer.stemmer("french"), "en": snowballstemmer.stemmer("english")}


# French inclusive writing: "étudiant.e.s", "mobilisé·e·s", "citoyen·ne·s", "acteur·rice·s" are the word's forms
_INCLUSIVE_ENDING = re.compile(r"(?<=\w)[.·•‧](?:e|ne|le|te|se|re|euse|rice|ice)(?:[.·•‧]?s)?$")


@lru_cache(maxsize=200_000)
def stem(word: str, language: str = "fr") -> str:
    """Snowball stem of a normalised word (same algorithm as NLTK's SnowballStemmer); a word in
    inclusive writing has the stem of its first form ("étudiant.e.s" that of "étudiant")."""
    stemmer = _stemmers().get(language) or _stemmers()["fr"]
    return stemmer.stemWord(_first_form(normalize_word(word)))


def _first_form(norm: str) -> str:
    """A normalised word without its inclusive-writing ending ("tout.e.s" -> "tout")."""
    if "." in norm or "·" in norm or "•" in norm or "‧" in norm:
        return _INCLUSIVE_ENDING.sub("", norm)
    return norm


def is_stop_word(word: str, language: str = "fr") -> bool:
    """Stop word, or a hyphenated run of them ("a-t-il", "est-ce")."""
    return is_normalized_stop_word(normalize_word(word), language)


def is_normalized_stop_word(norm: str, language: str = "fr") -> bool:
    """`is_stop_word` for a word already through `normalize_word` (hot loops)."""
    stops = stop_words(language if language in ("fr", "en") else "fr")
    norm = _first_form(norm)
    return norm in stops or ("-" in norm and all(part in stops for part in norm.split("-")))


def content_stems(text: str, language: str = "fr") -> list[str]:
    """Stems of the non-stop words of a text: the unit of every similarity we compute."""
    return stems_of_words(words(text), language)


def stems_of_words(tokens: list[str], language: str = "fr") -> list[str]:
    """`content_stems` for text already split into words."""
    return [stem_ for _, stop, stem_ in map(word_profile, tokens, repeat(language)) if not stop]


@lru_cache(maxsize=100_000)
def word_profile(word: str, language: str = "fr") -> tuple[str, bool, str]:
    """(normalised form, whether it carries no content, stem) of a word as written; cached
    because a document repeats its words and every stage asks the same three questions."""
    norm = normalize_word(word)
    stop = is_normalized_stop_word(norm, language) or (len(norm) < 2 and not norm.isdigit())
    return norm, stop, stem(norm, language)
