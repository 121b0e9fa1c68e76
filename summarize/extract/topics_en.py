"""English key topics: noun phrases read on the English tagger's tags (``data/tagger_en.json``).

An English noun phrase puts its head last: adjectives and nouns before a noun ("municipal budget
consultation tool", "participatory governance"), a run of proper nouns kept whole ("Citizen
Budget", "Node.js Foundation"), optionally with one complement in "of" ("trilogy of original
musical dramedies"). Its shorter phrases are the ones that keep the head ("consultation tool").
Never a lone verb, a number, a version number or a kicker: a figure is no topic, and a token with
digits counts only as a code that holds letters ("COVID-19", "Euro 6d"). Scoring and de-duplication
are the topic stage's (``topics.py``); this module only counts the candidates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from ..resources import furniture_patterns, sections
from ..text.reflow import is_title_case
from ..text.tokens import word_profile

if TYPE_CHECKING:
    from ..grammar.tagging import Token

MAX_PHRASE_WORDS = 4
_MODIFIER_TAGS = frozenset({"ADJ", "NOUN", "PROPN"})
_HEAD_TAGS = frozenset({"NOUN", "PROPN"})
_SENTENCE_OPENING_MARKS = frozenset('.!?:"“')
_CODE = re.compile(r"(?=.*[^\W\d_])(?=.*\d)[\w.+-]+")  # letters and digits: "COVID-19", "5G", "6d"
_VERSION = re.compile(r"v?\d+(?:\.\d+)+[a-z]?|\d+(?:st|nd|rd|th)", re.IGNORECASE)


@cache
def generic_words() -> frozenset[str]:
    """Nouns that are never a subject on their own (``data/topics_en.txt``, [generic])."""
    return frozenset(w.lower() for w in sections("topics_en.txt").get("generic", []))


def _is_word(token: Token) -> bool:
    text = token.text
    if not text[:1].isalnum() or _VERSION.fullmatch(text):
        return False
    return not any(ch.isdigit() for ch in text) or bool(_CODE.fullmatch(text))


def _lower(token: Token) -> str:
    return token.text.lower().rstrip(".")


def _can_modify(token: Token) -> bool:
    return token.tag in _MODIFIER_TAGS and _is_word(token)


def _is_ticker(tokens: Sequence[Token], i: int) -> bool:
    """"(NASDAQ: TDWL)", "(TSX: MGE)": a share's symbol, not a subject."""
    return i >= 3 and tokens[i - 1].text == ":" and tokens[i - 2].text.isupper() and tokens[i - 3].text == "("


_WORD_RE = re.compile(r"[^\W\d_][\w'’.&-]*")


def names_in(sentences: Sequence[str]) -> frozenset[str]:
    """Words the text capitalises inside a sentence (names, whatever their place in a headline)."""
    out = set()
    for sentence in sentences:
        if is_title_case(sentence):
            continue  # a headline capitalises every word
        for match in _WORD_RE.finditer(sentence):
            word = match.group()
            if match.start() > 0 and word[:1].isupper() and not word.isupper() and sentence[:match.start()].rstrip()[-1:] not in ".!?:\"“":
                out.add(word)
    return frozenset(out)


def sentence_tokens(text: str, tags: Callable[[str], Sequence[Token]], names: frozenset[str]) -> Sequence[Token]:
    """The tagged tokens of a sentence; a headline in title case ("Harbor Robotics Raises $40 Million
    to Expand…") or in capitals is tagged with its words in lower case, but for the names the body
    capitalises too, so that the tagger tells "Raises" the verb from "Harbor Robotics" the name; the
    tokens keep the words as written."""
    if not is_title_case(text):
        return tags(text)
    lowered = _WORD_RE.sub(lambda m: m.group() if m.group() in names else m.group().lower(), text)
    if len(lowered) != len(text):
        return tags(text)
    from ..grammar.tagging import Token as Tagged

    tagged = tags(lowered)
    out = []
    for i, token in enumerate(tagged):
        tag = token.tag
        written = text[token.start:token.end]
        after_name = i > 0 and text[tagged[i - 1].start:tagged[i - 1].end] in names
        to_follows = i + 1 < len(tagged) and tagged[i + 1].text == "to"
        if tag == "NOUN" and written not in names and after_name and (written.endswith("s") or to_follows):
            tag = "VERB"  # "Acme Raises…", "Acme and Beta Partner to…": the headline's verb after its subject's name
        out.append(Tagged(written, token.start, token.end, tag))
    return out


_OBJECT_TAGS = frozenset({"DET", "NUM", "SYM", "PRON"})


def _missed_verb(tokens: Sequence[Token], i: int) -> bool:
    """"Kestrel Trust pledges £15 million": a lower-case "noun" in -s right after a name and before
    its object is the sentence's verb."""
    token = tokens[i]
    return (token.tag == "NOUN" and token.text[:1].islower() and token.text.endswith("s") and i > 0
            and tokens[i - 1].tag == "PROPN" and i + 1 < len(tokens) and tokens[i + 1].tag in _OBJECT_TAGS)


def phrases(tokens: Sequence[Token]) -> list[tuple[int, int, int]]:
    """(start, head_end, end) of each maximal noun phrase: [start, head_end) the pre-modified head,
    [start, end) with its "of" complement (end == head_end without one)."""
    out: list[tuple[int, int, int]] = []
    i = 0
    while i < len(tokens):
        if not _can_modify(tokens[i]) or _is_ticker(tokens, i):
            i += 1
            continue
        j = i
        while j < len(tokens) and _can_modify(tokens[j]) and not _is_ticker(tokens, j) and not _missed_verb(tokens, j):
            j += 1
        if j == i:
            i += 1
            continue
        head = j
        while head > i and (tokens[head - 1].tag not in _HEAD_TAGS or _lower(tokens[head - 1]) in generic_words()):
            head -= 1  # the phrase ends on its last noun ("new releases" yes, "releases available" no; "Acme Inc" is Acme)
        if head == i:
            i = j
            continue
        end = head
        if head == j and j + 1 < len(tokens) and tokens[j].text.lower() == "of":
            k = j + 1
            while k < len(tokens) and _can_modify(tokens[k]):
                k += 1
            while k > j + 1 and tokens[k - 1].tag not in _HEAD_TAGS:
                k -= 1
            if k > j + 1:
                end = k
        out.append((i, head, end))
        i = j
    return out


def count_noun_phrases(tokens: Sequence[Token], text: str, position: int, is_title: bool,
                       candidates: dict[tuple[str, ...], Any], new_candidate: Callable[[tuple[str, ...]], Any]) -> None:
    """Count one sentence's noun phrases into the topic stage's candidates (made by `new_candidate`,
    the stage's own class): the whole phrase, the shorter ones that keep its head and, with its
    complement, the phrase with it."""
    kicker = furniture_patterns("en").get("header")
    for start, head_end, end in phrases(tokens):
        names = all(t.tag == "PROPN" or t.text[:1].isupper() for t in tokens[start:head_end])  # a name is kept whole
        # the shorter phrases keep the head: a start more than twice the longest phrase before it
        # gives too many words anyway (and a run of thousands of tokens must not cost its square)
        starts = [start] if names else list(range(max(start, head_end - 2 * MAX_PHRASE_WORDS), head_end))
        spans = [(s, head_end) for s in starts] + ([(start, end)] if end > head_end else [])
        for first, last in spans:
            words = [word_profile(t.text, "en") for t in tokens[first:last]]
            stems = tuple(stem for norm, stop, stem in words if not stop)
            if not stems or len(stems) > MAX_PHRASE_WORDS:
                continue
            if len(stems) == 1 and words[-1][0] in generic_words():
                continue
            form = text[tokens[first].start:tokens[last - 1].end]
            if kicker is not None and kicker.fullmatch(form):
                continue  # "Press Release", "News Release"
            sentence_initial = first == 0 or tokens[first - 1].text in _SENTENCE_OPENING_MARKS
            if (sentence_initial and tokens[first].tag != "PROPN" and form[:1].isupper() and not form[:2].isupper()
                    and not any(t.text[:1].isupper() for t in tokens[first + 1:last])):
                form = form[:1].lower() + form[1:]  # "Reefs where…": a common noun, written at a sentence start
            cand = candidates.get(stems)
            if cand is None:
                cand = candidates[stems] = new_candidate(stems)
            cand.forms[form] += 1
            if is_title:
                cand.in_title = True
            else:
                cand.count += 1
                cand.first = min(cand.first, position + tokens[first].start)
            upper = [t.text[:1].isupper() for t in tokens[first:last] if t.text[:1].isalnum()]
            if all(upper) and not (sentence_initial and len(upper) == 1):
                cand.capitalised += 1
            if len(stems) > 1 and upper[0] and not sentence_initial:
                cand.named += 1
