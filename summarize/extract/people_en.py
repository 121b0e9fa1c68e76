"""People named in an English release, with their role when the text gives it.

The forms of English news: "…," said Jane Doe, chief executive officer of Acme.; "Jane Doe, CEO of
Acme, said …"; "– Jean-Noé Landry, Executive Director of Open North" under a quote; a role before
the name ("City Councilor Leland Cheung", "producer Jason Hackner"); a title ("Professor Helen
Achebe", "Dr. Ana Ruiz"). A role counts when one of its first words is in ``data/roles_en.txt``.
Precision first: a capitalised pair that is a company, a place or a month is no person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .organisations_en import is_role, lexicon
from .organisations_en import role_words as _roles

_UPPER = "A-ZÀ-ÖØ-Ý"
_LOWER = "a-zà-öø-ÿ"
_WORD = rf"[{_UPPER}][{_LOWER}]+(?:[-'’][{_UPPER}]?[{_LOWER}]+)*"
_PARTICLE = r"(?:van|von|de|der|den|da|di|del|du|la|le|bin|al|St\.)"
_PERSON = rf"{_WORD}(?:\s+[{_UPPER}]\.)?(?:\s+{_PARTICLE})?\s+{_WORD}(?:\s+(?:Jr\.|Sr\.|II|III))?"
PERSON = _PERSON  # a person's name as English writes it (for the quotes' speakers)
_TITLE = r"(?:(?:Professor|Prof\.|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Sir|Dame|Rev\.|Sen\.|Rep\.|Gov\.)\s+)"
_ROLE_TEXT = r"[^,;!?\"“”()\n]{2,140}?"
_SPEECH = r"(?:said|says|added|adds|explained|explains|noted|notes|commented|comments|stated|states|remarked|announced|told|according\s+to)"
_END = r"(?=\s*(?:[,;!?\"”)]|\.(?:\s|$)|$|\s+(?:said|says|added|explained|noted|told|who|and\s+[a-z])\b))"

_AFTER_SPEECH = re.compile(rf"\b{_SPEECH}\s+{_TITLE}?(?P<name>{_PERSON})(?:,\s+(?P<role>{_ROLE_TEXT}){_END})?")
_NAME_COMMA_ROLE = re.compile(rf"(?<![\w.])(?P<title>{_TITLE})?(?P<name>{_PERSON}),\s+(?P<role>{_ROLE_TEXT}){_END}")
# "Jane Doe said", "Jane Doe, who founded the firm in 2019, said": a name that speaks
_NAME_SAID = re.compile(rf"(?<![\w'’-]){_TITLE}?(?P<name>{_PERSON})(?:,[^,;\"“”]{{3,120}},)?\s+{_SPEECH}\b")
_TITLED = re.compile(rf"\b(?P<title>Professor|Prof\.|Dr\.?)\s+(?P<name>{_PERSON})")


@cache
def _not_names() -> frozenset[str]:
    """Words that open or close a capitalised pair without making it a person's name."""
    lex = lexicon()
    months = "january february march april may june july august september october november december".split()
    days = "monday tuesday wednesday thursday friday saturday sunday".split()
    return frozenset(w.lower() for w in lex.not_first | lex.heads | {s.rstrip(".") for s in lex.suffixes}) | frozenset(months + days)


def _is_person(name: str) -> bool:
    words = [w for w in name.split() if w[:1].isupper()]
    return len(words) >= 2 and not any(w.lower().rstrip(".,") in _not_names() for w in words)


_ROLE_BEFORE = re.compile(r"((?:[\w-]+\s+(?:and\s+)?){0,3}([\w-]+))\s+$")
_ROLE_OF_BODY = re.compile(r"\b([A-Z][\w-]+)\s+of\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+$")
_NOT_ROLE_OPENING = frozenset({"and", "the", "a", "an", "by", "of", "with", "from", "to", "said", "says", "as", "for"})


def _role_before(sentence: str, start: int) -> str | None:
    """"City Councilor Leland Cheung", "Recording artist and theatrical producer Jason Hackner": the
    role words right before the name, without the words before them that are no part of it."""
    before = sentence[max(0, start - 80):start]
    of_body = _ROLE_OF_BODY.search(before)
    if of_body and of_body.group(1).lower() in _roles():
        return of_body.group().strip()  # "Secretary of Energy Raymond Castillo"
    match = _ROLE_BEFORE.search(before)
    if not match or match.group(2).lower() not in _roles() or match.group(2).lower() in ("member", "board", "general"):
        return None
    words = match.group(1).split()
    kept: list[str] = []
    for word in reversed(words):  # from the role word back: roles, capitalised words, a modifier before a role
        lower = word.lower()
        if lower in _roles() or (word[:1].isupper() and kept and kept[0][:1].isupper()) or (
                kept and lower not in _NOT_ROLE_OPENING and kept[0].lower() in _roles() and not lower.endswith("ed")):
            kept.insert(0, word)
        elif lower == "and" and kept and kept[0].lower() in _roles():
            kept.insert(0, word)
        else:
            break
    while kept and kept[0].lower() == "and":
        kept.pop(0)
    return " ".join(kept) or None


_ANY_PERSON = re.compile(rf"(?<![\w'’-])(?=(?P<name>{_PERSON})(?![\w'’-]))")
_IS_ROLE = re.compile(rf"(?P<name>{_PERSON}),?\s+(?:is|was|has\s+been|had\s+been|who\s+is|, who\s+is)\s+(?:a|an|the)\s+(?P<role>{_ROLE_TEXT}){_END}")


def find_people(sentences: Sequence[str]) -> list[dict]:
    """[{"name", "role"}] in order of first mention (role None when the text gives none)."""
    people: dict[str, dict] = {}

    def add(name: str, role: str | None) -> None:
        name = " ".join(name.split())
        if not _is_person(name):
            return
        role = " ".join(role.split()).strip(" ,.") if role else None
        entry = people.setdefault(name, {"name": name, "role": None})
        entry["role"] = entry["role"] or role

    for sentence in sentences:
        for match in _AFTER_SPEECH.finditer(sentence):
            role = match.group("role")
            add(match.group("name"), role if role and is_role(role) else _role_before(sentence, match.start("name")))
        for match in _NAME_COMMA_ROLE.finditer(sentence):
            if is_role(match.group("role")):
                add(match.group("name"), match.group("role"))
        for match in _TITLED.finditer(sentence):
            add(match.group("name"), None)
        for match in _NAME_SAID.finditer(sentence):
            add(match.group("name"), None)
        for match in _IS_ROLE.finditer(sentence):
            if is_role(match.group("role")):
                add(match.group("name"), match.group("role"))
        for match in _ANY_PERSON.finditer(sentence):  # every start: "Secretary of Energy Raymond Castillo" holds "Energy Raymond" too
            name = match.group("name")
            role = _role_before(sentence, match.start())
            if role and (name in people or role[:1].isupper() or _followed_by_verb(sentence, match.start() + len(name))):
                add(name, role)
    return list(people.values())


def _followed_by_verb(sentence: str, end: int) -> bool:
    """"… producer Jason Hackner has released": the name is the subject of what follows."""
    return bool(re.match(r"\s+(?:has|have|had|is|was|will|would|said|says|[a-z]+ed|[a-z]+s)\b", sentence[end:]))
