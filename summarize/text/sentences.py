"""Sentence stage: French-aware sentence splitting, offline and rule-based.

A candidate boundary is terminal punctuation (. ! ? … ...) with the closing quotes and
brackets that belong to it. It is a boundary when what follows starts a sentence (a capital,
a digit, an opening quote or bracket) and what precedes is not an abbreviation, an initial
or a number that continues. Line breaks always end a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from ..resources import Abbreviations, abbreviations, stop_words

_TERMINAL = re.compile(
    r"(?:\.{2,}|…|[.!?]+)"  # the punctuation itself, "?!" and "..." included
    r"(?:[ ]?[»”›)\]]|[\"’'](?=\s|$))*"  # closing quotes and brackets that belong to it
)
_URL_OR_EMAIL = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}"
    r"|(?<![\w.-])[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.(?:fr|com|org|net|gouv|ma|be|ch|ca|eu|io|info)\b(?:/\S*)?",
    re.IGNORECASE,
)
_MAY_HOLD_ADDRESS = re.compile(r"@|://|www\.|\.(?:fr|com|org|net|gouv|ma|be|ch|ca|eu|io|info)\b", re.IGNORECASE)  # cheap pre-check
_OPENERS = "«“\"'([‘„-–—•"
_INITIALS = re.compile(r"[A-ZÀ-Ý]h?(?:\.-?[A-ZÀ-Ý]h?)*")  # A, Ch, J.-P, J.A, S.N.C.F (not DTLS)
_ROMAN_OR_NUMBER = re.compile(r"(?:\d+|[IVXLC]+)(?:er|e|ème|re)?")
_WORD_BEFORE = re.compile(r"([^\s(«\"“\[]+)$")
_ELLIPSIS_IN_BRACKETS = re.compile(r"[(\[]\s?$")
_LOOKBEHIND = 80  # characters before a full stop that can hold the word it ends
_NON_SPACE = re.compile(r"\S")  # \s is str.isspace in Unicode patterns
_NEXT_WORD = re.compile(r"[\w'’-]+")


def split_sentences(text: str, language: str = "fr") -> list[str]:
    """Split text into sentences; each is a stripped, verbatim slice of one line of the input."""
    sentences: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if line:
            sentences.extend(line[start:end].strip() for start, end in sentence_spans(line, language))
    return [s for s in sentences if s]


def sentence_spans(line: str, language: str = "fr") -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one line."""
    protected = [m.span() for m in _URL_OR_EMAIL.finditer(line)] if _MAY_HOLD_ADDRESS.search(line) else []
    protected_starts = [a for a, _ in protected]
    rules = _rules(language)
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _TERMINAL.finditer(line):
        p_start, p_end = match.span()
        if _inside(protected, protected_starts, p_start):
            continue  # a dot inside a URL or an e-mail address
        if line.startswith(' "', p_end) and line.count('"', start, p_start) % 2:
            p_end += 2  # a straight closing quote after a space: « ... ! " Les »
        if _is_boundary(line, p_start, p_end, match.group(), rules) and not _inside_brackets(line, start, p_start, p_end):
            if line[start:p_end].strip():
                spans.append((start, p_end))
            start = p_end
    if line[start:].strip():
        spans.append((start, len(line)))
    return _with_list_numbers(line, spans)


BRACKET_REACH = 120  # how far a closing bracket may come after a full stop inside it


def _inside_brackets(line: str, start: int, p_start: int, p_end: int) -> bool:
    """A full stop inside brackets the sentence opened and closes soon after ("(alem. « juristes
    critiques »)", "(voir p. 12 et s. Les annexes)"): the sentence goes on past the bracket."""
    if line.count("(", start, p_start) <= line.count(")", start, p_start):
        return False
    close = line.find(")", p_end, p_end + BRACKET_REACH)
    return close >= 0 and "(" not in line[p_end:close] and not _TERMINAL.search(line, p_end, close)


_LIST_NUMBER = re.compile(r"\(?(?:\d{1,3}|[a-zA-Z]|[ivx]{1,4})[.)]")


def _with_list_numbers(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A numbered item's number ("1.", "b)") goes with its text, never a sentence of its own."""
    if len(spans) < 2:
        return spans
    out: list[tuple[int, int]] = []
    carry = None
    for start, end in spans:
        if carry is not None:
            start, carry = carry, None
        if _LIST_NUMBER.fullmatch(line[start:end].strip()):
            carry = start
            continue
        out.append((start, end))
    if carry is not None:
        out.append((carry, spans[-1][1]))
    return out


def _inside(spans: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    """Whether position falls strictly inside one of the sorted, disjoint spans (binary search)."""
    index = bisect_left(starts, position) - 1
    return index >= 0 and spans[index][0] < position < spans[index][1] - 1


class _Rules:
    def __init__(self, abbrevs: Abbreviations, openers: frozenset[str]):
        self.abbrevs = abbrevs
        self.openers = openers  # capitalised function words that typically open a sentence


@cache
def _rules(language: str) -> _Rules:
    lang = language if language in ("fr", "en") else "fr"
    openers = frozenset(w.capitalize() for w in stop_words(lang) if w.isalpha() and len(w) > 1)
    return _Rules(abbreviations(lang), openers)


def _is_boundary(line: str, p_start: int, p_end: int, punct: str, rules: _Rules) -> bool:
    following = _NON_SPACE.search(line, p_end)  # not a copy of the rest: a one-line megabyte stays linear
    if following is None:
        return True
    glued = following.start() == p_end
    nxt = line[following.start():following.start() + 2]  # what the tests below read of the rest
    first = nxt[0]
    before = line[max(0, p_start - _LOOKBEHIND):p_start]  # bounded: keeps long lines linear
    if glued:
        return _is_glued_boundary(before, nxt)
    if first.islower() or first in ",;:)]»”%":
        return False  # attribution after a quote, "etc. en", lower-case continuation
    if punct.startswith(("…", "..")) and _ELLIPSIS_IN_BRACKETS.search(before):
        return False  # "(…)" or "[...]" marks a cut inside a quotation
    if not (first.isupper() or first.isdigit() or first in _OPENERS):
        return False
    if punct != ".":
        return True
    word_match = _WORD_BEFORE.search(before)
    if not word_match:
        return True
    word = word_match.group(1)
    next_word = _NEXT_WORD.match(line, following.start())
    next_token = next_word.group() if next_word else first
    return not _abbreviation_continues(word, next_token, rules)


def _is_glued_boundary(before: str, nxt: str) -> bool:
    """"domestique.Consternant" or "2024.La": scraped paragraphs glued without a space."""
    if len(nxt) < 2 or not (nxt[0].isupper() and nxt[1].islower()):
        return False
    word = _WORD_BEFORE.search(before)
    if not word:
        return False
    token = word.group(1)
    tail = re.search(r"[^\W\d_]{2,}$|\d{2,}$", token)
    return bool(tail) and not re.search(r"[A-Z]\.[A-Za-z]*$", token) and "." not in token[-4:]


def _abbreviation_continues(word: str, next_token: str, rules: _Rules) -> bool:
    """True when the period after `word` is an abbreviation's, so the sentence goes on."""
    bare = re.sub(r"^\w{1,5}['’](?=\w)", "", word.rstrip("."))  # l'art. -> art
    lower = bare.lower()
    abbrevs = rules.abbrevs
    if bare in abbrevs.titles:
        return True
    if next_token[0].isdigit():
        # n° 5, p. 45, janv. 2025, art. L. 1233-3
        return lower in abbrevs.before_number or lower.endswith("n°") or (len(bare) == 1 and bare.isupper())
    opens_sentence = next_token in rules.openers
    if lower in abbrevs.ambiguous or lower in abbrevs.before_number:
        return not opens_sentence
    if _INITIALS.fullmatch(bare) and not _ROMAN_OR_NUMBER.fullmatch(bare):
        return not opens_sentence  # A. Hammouchi, J.-P. Martin, S.N.C.F. ; not "la S.A. Le"
    if len(bare) == 1 and bare.isalpha():
        return not opens_sentence  # single-letter abbreviations: p., s., t., v.
    return False
