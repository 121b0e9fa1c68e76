"""People named in an English release, with their role when the text gives it.

The forms of English news: "…," said Jane Doe, chief executive officer of Acme.; "Jane Doe, CEO of
Acme, said …"; "– Jean-Noé Landry, Executive Director of Open North" under a quote; a role before
the name ("City Councilor Leland Cheung", "producer Jason Hackner"); a title ("Professor Helen
Achebe", "Dr. Ana Ruiz"). A role counts when one of its first words is in ``data/roles_en.txt``.
Lists and signatures name people without a verb: an attribution after a quote or opening a line
("” Fatima Hassan, Health Justice Initiative, South Africa.", "— Tyler McMullen, CTO at Fastly",
"Fisheries: Adam Wolfenden, Campaigner, Pacific Network on Globalisation"), and a byline ("Written by
Inge Wallin"); the body such a line names is given to the organisations stage (`attributions`).
Precision first: a capitalised pair that is a company, a place or a month is no person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..resources import sentence_verbs
from .organisations_en import EMPLOYER_AT as _EMPLOYER_AT
from .organisations_en import is_place, is_role, lexicon
from .organisations_en import role_words as _roles

_UPPER = "A-ZÀ-ÖØ-Ý"
_LOWER = "a-zà-öø-ÿ"
_WORD = rf"(?:Mc|Mac|O['’]|La|Le|De|Di|Da|Du)?[{_UPPER}][{_LOWER}]+(?:[-'’][{_UPPER}]?[{_LOWER}]+)*"  # "McMullen", "O'Brien", "LaBruno", "Okonjo-Iweala"
_PARTICLE = r"(?:van|von|de|der|den|da|di|del|du|la|le|bin|al|St\.)"
_PERSON = rf"{_WORD}(?:\s+[{_UPPER}]\.)?(?:\s+{_PARTICLE})?\s+{_WORD}(?:\s+(?:Jr\.|Sr\.|II|III))?"
PERSON = _PERSON  # a person's name as English writes it (for the quotes' speakers)
_TITLE = r"(?:(?:Professor|Prof\.|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Sir|Dame|Rev\.|Sen\.|Rep\.|Gov\.)\s+)"
_ROLE_TEXT = r"[^,;!?\"“”()\n]{2,140}?"
_SPEECH = r"(?:said|says|added|adds|explained|explains|noted|notes|commented|comments|stated|states|remarked|announced|told|according\s+to)"
_END = r"(?=\s*(?:[,;!?\"”)]|\.(?:\s|$)|$|\s+(?:said|says|added|explained|noted|told|who|and\s+[a-z])\b))"

_AFTER_SPEECH = re.compile(rf"\b{_SPEECH}\s+{_TITLE}?(?P<name>{_PERSON})(?:,\s+(?P<role>{_ROLE_TEXT}){_END})?")
# "explained co-founder Timothy Lewis", "said chief executive Ana Ruiz": a role in lower case between the verb and the name
_SPEECH_ROLE_NAME = re.compile(rf"\b{_SPEECH}\s+(?:the\s+|its\s+|our\s+)?(?P<role>(?:[a-z][\w-]*\s+){{1,3}})(?P<name>{_PERSON})")
_THREE_PART = rf"{_WORD}(?:\s+{_WORD})?(?:\s+[{_UPPER}]\.)?(?:\s+{_PARTICLE})?\s+{_WORD}"  # "Sharon Bradford Franklin"
_NAME_COMMA_ROLE = re.compile(rf"(?<![\w.])(?P<title>{_TITLE})?(?P<name>{_THREE_PART}),\s+(?P<role>{_ROLE_TEXT}){_END}")
# "Jane Doe said", "Jane Doe, who founded the firm in 2019, said": a name that speaks
_NAME_SAID = re.compile(rf"(?<![\w'’-]){_TITLE}?(?P<name>{_PERSON})(?:,[^,;\"“”]{{3,120}},)?\s+{_SPEECH}\b")
# "KFormula has a new maintainer: Alfredo Beaumont", "Contact person: Jane Doe"
_ROLE_COLON = re.compile(rf"\b(?P<role>[\w-]+)\s*:\s+{_TITLE}?(?P<name>{_PERSON}){_END}")
_TITLED = re.compile(rf"\b(?P<title>Professor|Prof\.|Dr\.?)\s+(?P<name>{_PERSON})")


@cache
def _not_names() -> frozenset[str]:
    """Words that open or close a capitalised pair without making it a person's name."""
    lex = lexicon()
    months = "january february march april may june july august september october november december".split()
    days = "monday tuesday wednesday thursday friday saturday sunday".split()
    return frozenset(w.lower() for w in lex.not_first | lex.heads | {s.rstrip(".") for s in lex.suffixes}) | frozenset(months + days)


def is_person(name: str) -> bool:
    words = [w for w in name.split() if w[:1].isupper() and not re.fullmatch(r"[A-Z]\.", w)]  # "James A. Baker": "A." is an initial
    return len(words) >= 2 and not any(w.lower().rstrip(".,") in _not_names() for w in words) \
        and not (_is_role_word(words[0]) or _is_role_word(words[-1]))  # "Management Officer" is a role's end


_ROLE_BEFORE = re.compile(r"((?:[\w'’-]+\s+(?:and\s+)?){0,3}([\w'’-]+))\s+$")  # "Assistant State’s Attorney": a possessive is one word
# "Secretary of Energy Raymond Castillo", "Undersecretary of Prevention and Health Promotion Hugo López"
_ROLE_OF_BODY = re.compile(r"\b([A-Z][\w-]+)\s+of\s+(?:the\s+)?[A-Z][\w-]+(?:\s+(?:and\s+|&\s+)?[A-Z][\w-]+){0,3}\s+$")
_NOT_ROLE_OPENING = frozenset({"and", "the", "a", "an", "by", "of", "with", "from", "to", "said", "says", "as", "for"})


def _is_role_word(word: str) -> bool:
    """A role word, or a compound of one ("Director-General", "co-creator")."""
    lower = word.lower()
    return lower in _roles() or ("-" in lower and any(part in _roles() for part in lower.split("-")))


def _role_before(sentence: str, start: int) -> str | None:
    """"City Councilor Leland Cheung", "Recording artist and theatrical producer Jason Hackner": the
    role words right before the name, without the words before them that are no part of it."""
    before = sentence[max(0, start - 80):start]
    of_body = _ROLE_OF_BODY.search(before)
    if of_body and _is_role_word(of_body.group(1)):
        return of_body.group().strip()  # "Secretary of Energy Raymond Castillo"
    match = _ROLE_BEFORE.search(before)
    if not match or not _is_role_word(match.group(2)) or match.group(2).lower() in ("member", "board", "general"):
        return None
    words = match.group(1).split()
    kept: list[str] = []
    for word in reversed(words):  # from the role word back: roles, capitalised words, a modifier before a role
        lower = word.lower()
        if _is_role_word(word) or (word[:1].isupper() and kept and kept[0][:1].isupper()) or (
                kept and lower not in _NOT_ROLE_OPENING and kept[0].lower() in _roles() and not lower.endswith("ed")):
            kept.insert(0, word)
        elif lower == "and" and kept and kept[0].lower() in _roles():
            kept.insert(0, word)
        else:
            break
    while kept and kept[0].lower() == "and":
        kept.pop(0)
    return " ".join(kept) or None


# "Board Members Jane Nitze and Ed Felten", "co-founders Ana Ruiz, Li Wei and Sam Roe": a plural role, then its people
_ROLE_LIST = re.compile(rf"\b(?P<role>[\w-]+s)\s+(?P<names>{_PERSON}(?:\s*,\s*{_PERSON})*,?\s+and\s+{_PERSON})")
# a list item opening on its people and their body: "Chelsea Douglas from Plotly discusses…", "Kyle Kelley and Ash Wilson from Rackspace demonstrate…"
_NAMES_FROM_BODY = re.compile(rf"^[\W\d]*(?P<names>{_PERSON}(?:\s+and\s+{_PERSON})?)\s+(?:from|of|at)\s+(?:the\s+)?(?P<body>[{_UPPER}][^,;:()]*)")
_ANY_PERSON = re.compile(rf"(?<![\w'’-])(?=(?P<name>{_PERSON})(?![\w'’-]))")
_IS_ROLE = re.compile(rf"(?P<name>{_PERSON}),?\s+(?:is|was|has\s+been|had\s+been|who\s+(?:is|was|has\s+been)|(?:who\s+)?(?:served|serves|will\s+serve)\s+as)"
                      rf"\s+(?:a|an|the)\s+(?P<role>{_ROLE_TEXT}){_END}")  # "Patricia Wald, who served as a Board Member"


@dataclass(frozen=True)
class Attribution:
    """A person named without a verb, with the role and the body the line gives."""

    name: str
    role: str | None
    body: str | None


# a signature's name may have three or four parts ("Rahmat Maulana Sidik", "Jin Jie Jay Poh"); a space alone
# parts it from a role that follows on the next line ("— Manu Ignatius" / "CEO, Subnero")
_SIGNED_PERSON = rf"{_WORD}(?:\s+{_WORD}){{0,2}}(?:\s+[{_UPPER}]\.)?(?:\s+{_PARTICLE})?\s+{_WORD}"
_ATTRIBUTION_START = re.compile(rf"\s*(?:[-–—]{{1,2}}\s*)?{_TITLE}?(?P<name>{_SIGNED_PERSON})\s*(?P<sep>[,;|]|\s[-–—]\s|(?<=\w)\s+(?=[A-Z]))\s*")
_SEGMENT_SEP = re.compile(r"\s*(?:[,;|]|\s[-–—]\s)\s*")
_POINTER = re.compile(r"@|https?://|www\.|\.(?:com|org|net|us|edu)\b")
_BODY_WORD = re.compile(r"(?:[A-Z0-9][\w.&'’/-]*|[a-z]+[A-Z][\w-]*|of|for|on|in|the|and|&|at|de|du|des|la|le|y|e|to)$")
_SMALL = frozenset({"of", "for", "on", "in", "the", "and", "&", "at", "de", "du", "des", "la", "le", "y", "e", "to"})
_QUOTE_CLOSE = re.compile(r"[”\"](?=\s|$)|[”\"][.,]")


def _starts(sentence: str) -> list[int]:
    """Where an attribution may open: the sentence's start, after a closing quote, after a list
    item's topic ("Fisheries subsidies outcomes: Adam Wolfenden, …")."""
    starts = [0] + [m.end() for m in _QUOTE_CLOSE.finditer(sentence)]
    colon = sentence.find(": ")
    if 0 < colon < 100 and not any(q in sentence[:colon] for q in "“”\""):
        starts.append(colon + 2)
    return starts


def _without_full_stop(text: str) -> str:
    """The text without its final full stop, an abbreviation's kept ("Abahlali Movement S.A.")."""
    text = text.strip()
    return text if re.search(r"\b[A-Z]\.$", text) else text.rstrip(".").strip()


def _body_of(segment: str) -> str | None:
    """The body a segment names, when it is one: capitalised words and small words only, without a
    place, a parenthesis or a trailing description ("Our World Is Not for Sale global network")."""
    segment = _without_full_stop(re.sub(r"\s*\([^)]*\)", "", segment))
    words = segment.split()
    while words and words[-1][:1].islower():
        words.pop()
    while words and (words[0].lower() in _SMALL or words[0].endswith("-based")):
        words.pop(0)
    if not words or not all(_BODY_WORD.match(w) for w in words) or sum(w[:1].isupper() for w in words) == 0:
        return None
    body = " ".join(words)
    return None if is_place(body) or len(words) > 10 else body


def _attribution_at(sentence: str, start: int) -> Attribution | None:
    match = _ATTRIBUTION_START.match(sentence, start)
    if not match:
        return None
    words = match.group("name").split()
    cut = next((i for i in range(2, len(words)) if is_role(" ".join(words[i:]))), len(words))
    name = " ".join(words[:cut])  # "— Jane Doe Chief Executive, Acme": the role is no part of the name
    if not is_person(name) or is_place(name):
        return None
    rest = (" ".join(words[cut:]) + ", " if cut < len(words) else "") + _without_full_stop(sentence[match.end():])
    if match.group("sep").isspace() and not is_role(rest.split(",")[0]):
        return None  # "Jane Doe Acme": a space parts a name from a role only
    words = re.findall(r"[\w'’]+", rest)
    if not rest or len(words) > 30 or any(q in rest for q in "“”\"") or any(w in sentence_verbs("en") for w in words):
        return None  # a verb in lower case: a sentence, not a signature ("Is" in "Our World Is Not for Sale" is a name's)
    read = _role_and_body(rest)
    return Attribution(name, *read) if read else None


def _role_and_body(rest: str) -> tuple[str | None, str | None] | None:
    """The role and the body of a signature's segments ("Research and Advocacy Director, Amnesty
    International, UK"): roles, then the first body; a place or a second body ends it. None when the
    segments are a list of people or do not open with a role or a capital."""
    segments = [_without_full_stop(seg) for seg in _SEGMENT_SEP.split(rest) if _without_full_stop(seg)]
    listed = any(seg.startswith(("and ", "or ")) and re.match(_PERSON, seg.split(" ", 1)[1]) for seg in segments)
    if not segments or not (is_role(segments[0]) or segments[0][:1].isupper()) or listed:
        return None  # "Jane Doe, John Roe, and Ann Poe attended": a list of names, not one person's line
    if sum(bool(re.fullmatch(_PERSON, seg)) and is_person(seg) and not is_place(seg) for seg in segments) >= 2:
        return None  # "Jane Doe, John Roe, Ann Poe": a list of people, not one person's line
    role_parts: list[str] = []
    body = None
    for segment in segments:
        if _POINTER.search(segment):
            continue
        employer = _EMPLOYER_AT.search(segment)
        if is_role(segment) or employer:
            role_parts.append(segment)
            body = body or (employer.group("name") if employer else None)
            continue
        named = _body_of(segment) if body is None else None
        if named is None:
            break  # a place, or a second body: the line's end
        body = named
        role_parts.append(segment)
    return ", ".join(role_parts) or None, body


# "James A. Baker (General Counsel, Federal Bureau of Investigation)": a role in parentheses after a name
_NAME_PAREN_ROLE = re.compile(rf"(?<![\w'’-]){_TITLE}?(?P<name>{_SIGNED_PERSON})\s*\((?P<inner>[^()]{{3,200}})\)")
_PARENS = re.compile(r"\((?P<inner>[^()]{5,200})\)")


def _in_parentheses(sentence: str) -> list[Attribution]:
    """"Name (Role, Body)" and "(Name, Role)": a name and its role, one inside parentheses."""
    out = []
    for match in _NAME_PAREN_ROLE.finditer(sentence):
        inner = match.group("inner")
        if is_role(inner.split(",")[0]) and not any(w in sentence_verbs("en") for w in re.findall(r"[\w'’]+", inner)):
            words = match.group("name").split()
            name = next((" ".join(words[i:]) for i in range(len(words) - 1) if is_person(" ".join(words[i:]))), None)
            read = _role_and_body(inner)
            if name and read and not is_place(name):
                out.append(Attribution(name, *read))
    for match in _PARENS.finditer(sentence):
        found = _attribution_at(match.group("inner"), 0)  # "Introductory Remarks (David Medine, PCLOB Chairman)"
        if found and found.role and is_role(found.role.split(",")[0]):
            out.append(found)
    return out


_CAPITALISED_RUN = re.compile(r"[A-Z][\w.&'’-]*(?:\s+(?:(?:of|for|and|&|the|de)\s+)?[A-Z][\w.&'’-]*)*")


def affiliations(sentences: Sequence[str]) -> list[str]:
    """The bodies a list item names beside its people ("Laurent Gautier from Novartis explores…")."""
    out = []
    for sentence in sentences:
        match = _NAMES_FROM_BODY.match(sentence)
        if match and any(is_person(name) for name in re.findall(_PERSON, match.group("names"))):
            run = _CAPITALISED_RUN.match(match.group("body"))  # "Rackspace demonstrate how to set up JupyterHub": the name ends at the verb
            body = _body_of(run.group()) if run else None
            if body:
                out.append(body)
    return out


def attributions(sentences: Sequence[str]) -> list[Attribution]:
    """The people named by a quote's attribution, a list item or a role in parentheses, in order ("”
    Leah Sullivan, War on Want, UK.", "— Luke Wagner, Distinguished Engineer at Mozilla", "Julian Ku
    (Professor of Law, Hofstra University)")."""
    out = []
    for sentence in sentences:
        for start in _starts(sentence):
            found = _attribution_at(sentence, start)
            if found:
                out.append(found)
                break
        out += _in_parentheses(sentence)
    return out


_NAMES = rf"{_PERSON}(?:\s*(?:,|&|\band\b)\s*{_PERSON})*"
# "Press Release: Written by Inge Wallin.", "Announcement: Written by A, B & C", "By Jane Doe" alone on its line
_BYLINE = re.compile(rf"(?:\b(?:[Ww]ritten|[Cc]ompiled|[Ee]dited|[Pp]repared|[Rr]eported|[Aa]uthored)\s+by|^(?:By|BY|Authors?:))"
                     rf"\s+(?P<names>{_NAMES})(?=\s*(?:[.,;)]|$))")


def bylines(sentences: Sequence[str]) -> list[str]:
    """The authors a byline names."""
    out = []
    for sentence in sentences:
        for match in _BYLINE.finditer(sentence.strip()):
            out += [name for name in re.findall(rf"{_PERSON}", match.group("names"))]
    return out


# what follows a role without being part of it: "Executive Director — 202-296-4129", "Board Member from 2012-2017"
_ROLE_TAIL = re.compile(r"\s+[—–]\s+|\s+(?:from|since|until|between)\s+\d|:\s*$")


def find_people(sentences: Sequence[str]) -> list[dict]:
    """[{"name", "role"}] in order of first mention (role None when the text gives none)."""
    people: dict[str, dict] = {}

    def add(name: str, role: str | None) -> None:
        name = " ".join(name.split())
        if not is_person(name):
            return
        role = " ".join(_ROLE_TAIL.split(role)[0].split()).strip(" ,.:") if role else None
        entry = people.setdefault(name, {"name": name, "role": None})
        entry["role"] = entry["role"] or role

    for sentence in sentences:
        for attribution in attributions([sentence]):
            add(attribution.name, attribution.role)
        for name in bylines([sentence]):
            add(name, None)
        for match in _AFTER_SPEECH.finditer(sentence):
            role = match.group("role")
            add(match.group("name"), role if role and is_role(role) else _role_before(sentence, match.start("name")))
        for match in _SPEECH_ROLE_NAME.finditer(sentence):
            role = match.group("role").strip()
            if _is_role_word(role.split()[-1]):
                add(match.group("name"), role)
        for match in _NAME_COMMA_ROLE.finditer(sentence):
            if is_role(match.group("role")):
                name = match.group("name")  # "Secretary Jane Doe, …": a role word opening three parts is no name's
                add(name if is_person(name) else " ".join(name.split()[-2:]), match.group("role"))
        for match in _ROLE_LIST.finditer(sentence):
            if _is_role_word(match.group("role")[:-1]):
                for name in re.findall(_PERSON, match.group("names")):
                    add(name, None)
        for match in _ROLE_COLON.finditer(sentence):
            if _is_role_word(match.group("role")):
                add(match.group("name"), None)
        for match in _NAMES_FROM_BODY.finditer(sentence):
            for name in re.findall(_PERSON, match.group("names")):
                if not is_place(name):
                    add(name, None)
        for match in _TITLED.finditer(sentence):
            add(match.group("name"), None)
        for match in _NAME_SAID.finditer(sentence):
            add(match.group("name"), None)
        for match in _IS_ROLE.finditer(sentence):
            if is_role(match.group("role")):
                add(match.group("name"), match.group("role"))
        for match in _ANY_PERSON.finditer(sentence):  # every start: "Secretary of Energy Raymond Castillo" holds "Energy Raymond" too
            name = match.group("name")
            if re.match(r"\s+[A-Z][a-z]", sentence[match.start() + len(name):]):
                continue  # "… Attorney Regional Organized Crime Task Force": the words of a longer name, a body's
            role = _role_before(sentence, match.start())
            if role and (name in people or role[:1].isupper() or _followed_by_verb(sentence, match.start() + len(name))
                         or _AGENT_BEFORE.search(sentence[:match.start()].removesuffix(role + " "))):
                add(name, role)
    text = " ".join(sentences)
    return [p for p in people.values() if not _overlaps(p["name"], people, text)]


# "created by artist Kip Fulbeck", "with producer Jason Hackner": a role after "by" or "with" names the person who acts
_AGENT_BEFORE = re.compile(r"\b(?:by|with|featuring|including)\s+(?:the\s+)?$")


def _overlaps(name: str, people: dict[str, dict], text: str) -> bool:
    """"Health Promotion Hugo" beside "Hugo López-Gatell": a pair whose last word opens another
    person's name, written together in the text, is the end of a role and a first name."""
    last = name.split()[-1]
    return any(other != name and other.split()[0] == last and f"{name.rsplit(' ', 1)[0]} {other}" in text for other in people)


def _followed_by_verb(sentence: str, end: int) -> bool:
    """"… producer Jason Hackner has released": the name is the subject of what follows."""
    return bool(re.match(r"\s+(?:has|have|had|is|was|will|would|said|says|[a-z]+ed|[a-z]+s)\b", sentence[end:]))
