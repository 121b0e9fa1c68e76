"""Organisations named in an English release (the French stage is ``organisations.py``).

Found by what they are, on the English tagger's tokens, with the words of ``data/organisations_en.txt``:
- a company with its legal form ("Harbor Robotics Inc.", "Banco Meridional S.A."), given without it;
- a run of capitalised names that holds a head word ("University of Northbridge", "National Science
  Foundation", "Cambridge City Council") or follows a cue noun ("the startup Lumio");
- an acronym with the long name its initials spell ("Independent Electricity System Operator (IESO)"),
  one entry; an acronym alone when the text treats it as a body ("join SEIU");
- the names of a list a cue noun opens ("members include GoDaddy, IBM, Intel and Joyent"), and the
  employer a person's role ends with ("chief executive officer of Harbor Robotics").
A headline in title case capitalises every word: only legal forms and acronyms are read there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..resources import sections, word_list
from ..text.reflow import is_title_case

if TYPE_CHECKING:
    from ..grammar.tagging import Token

_CONNECTORS = frozenset({"of", "for", "on", "and", "&", "de", "du", "des", "la"})
_NAME_TAGS = frozenset({"PROPN", "NOUN", "ADJ", "X", "NUM", "PROPN+PART", "NOUN+PART"})
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
_BODY_BEFORE = frozenset({"the", "at", "with", "by", "from", "join", "joined", "joins", "joining", "of", "and"})
_TICKER_BEFORE = re.compile(r"(?i)(?:nasdaq|nyse|tsx|lse|asx|otc|euronext|ticker|symbol)\W{0,6}$")
MAX_NAME_WORDS = 8
_LONGEST_HEADLINE_WORDS = 25
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Lexicon:
    heads: frozenset[str]
    suffixes: frozenset[str]
    cues: frozenset[str]
    not_first: frozenset[str]
    not_bodies: frozenset[str]
    list_cues: frozenset[str]
    list_openers: tuple[str, ...]
    subject_verbs: frozenset[str]


@cache
def lexicon() -> Lexicon:
    groups = sections("organisations_en.txt")
    return Lexicon(
        heads=frozenset(w.lower() for w in groups.get("heads", [])),
        suffixes=frozenset(groups.get("suffixes", [])),
        cues=frozenset(groups.get("cues", [])),
        not_first=frozenset(groups.get("not_first", [])),
        not_bodies=frozenset(groups.get("not_organisations", [])) | word_list("acronyms_ignore.txt"),
        list_cues=frozenset(groups.get("list_cues", [])),
        list_openers=tuple(groups.get("list_openers", [])),
        subject_verbs=frozenset(groups.get("subject_verbs", [])),
    )


@cache
def role_words() -> frozenset[str]:
    """The role words of ``data/roles_en.txt`` ("chief", "director", "councilor")."""
    return frozenset(w.lower() for w in word_list("roles_en.txt"))


@cache
def is_place(name: str) -> bool:
    """A country, region or city of ``data/places_en.txt`` ("South Africa", "Geneva"): no body, no person."""
    return name.strip(" .").removeprefix("the ") in word_list("places_en.txt")


_NOT_ROLE_START = frozenset({"along", "with", "and", "or", "who", "which", "that", "as", "in", "on", "at", "to", "from", "by", "when",
                             "after", "before", "while", "but", "if", "where"})
_SPEECH = re.compile(r"\b(?:said|says|added|explained|noted|commented|stated|told|announced)\b")


def is_role(role: str) -> bool:
    """A role: one of its first four words is a role word ("chief executive officer of Acme",
    "the lead author of the study"), and it holds no verb of speech."""
    words = re.findall(r"[\w-]+", role.lower())
    roles = role_words()
    if words and words[0] in _NOT_ROLE_START:
        return False  # "along with Board Members Jane Nitze": what follows a name, not its role
    if words[:2] == ["one", "of"]:  # "one of the core Jupyter developers": a role in the plural, among the first six words
        return any(w.endswith("s") and w[:-1] in roles for w in words[2:6]) and not _SPEECH.search(role)
    return any(w in roles or ("-" in w and any(part in roles for part in w.split("-"))) for w in words[:4]) \
        and not _SPEECH.search(role)


def _capitalised(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() or (len(text) > 1 and text[:1].islower() and any(c.isupper() for c in text[1:]) and text[:1].isalpha())


_LOCATED = ("-based", "-headquartered")  # "Ohio-based Lakemark": where a body is, before its name


def _is_name_token(token: Token) -> bool:
    return _capitalised(token) and (token.tag in _NAME_TAGS or bool(_ACRONYM.fullmatch(token.text))) and not token.text.endswith(_LOCATED)


def _runs(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Runs of capitalised names, with "of", "for", "and", "&" between two of them ("Centre for Ocean
    Science"); "and" joins only inside a name that has an "of" or "for" ("Ministry of Trade and Industry")."""
    out = []
    i = 0
    while i < len(tokens):
        if not _is_name_token(tokens[i]):
            i += 1
            continue
        j = i + 1
        linked = False
        while j < len(tokens):
            if _is_name_token(tokens[j]):
                j += 1
                continue
            word = tokens[j].text.lower()
            following = j + 2 if word in ("of", "for") and j + 2 < len(tokens) and tokens[j + 1].text == "the" else j + 1
            if word in _CONNECTORS and following < len(tokens) and _is_name_token(tokens[following]) \
                    and (word not in ("and", "&") or linked):
                linked = linked or word in ("of", "for")
                j = following + 1
                continue
            break
        out.append((i, j))
        i = j
    return out


def _text(sentence: str, tokens: Sequence[Token], start: int, end: int) -> str:
    return sentence[tokens[start].start:tokens[end - 1].end]


def _trim(tokens: Sequence[Token], start: int, end: int, lex: Lexicon) -> tuple[int, int]:
    """Without the words that open a run but belong to no name ("The", "Today"), nor a role before
    the body it names ("President and CEO of Maple Grid Energy")."""
    while start < end and (tokens[start].text in lex.not_first or tokens[start].text.lower() in _CONNECTORS):
        start += 1
    of = next((k for k in range(start, end) if tokens[k].text.lower() in ("of", "at")), None)
    if of is not None and of > start and is_role(" ".join(t.text for t in tokens[start:of])):
        start = of + 1
    while end > start and tokens[end - 1].text.lower() in _CONNECTORS:
        end -= 1
    return start, end


def _strip_suffix(name: str, lex: Lexicon) -> str:
    words = name.split()
    while len(words) > 1 and (words[-1] in lex.suffixes or words[-1].rstrip(",") in lex.suffixes):
        words.pop()
    return " ".join(words).rstrip(" ,")


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper() or w[:1].isdigit())


def _spells(expansion: str, acronym: str) -> bool:
    words = [w for w in re.findall(r"[\w'’-]+", expansion) if w.lower() not in ("of", "for", "the", "and", "on", "in", "de", "&")]
    initials = _initials(words).upper()
    letters = "".join(c for c in acronym if c.isalpha())
    return bool(letters) and (initials == letters or initials.replace("-", "") == letters)


_PERSON_TAIL = re.compile(r"\s(?P<name>[A-Z][a-z]+(?:\s[A-Z]\.?)?\s[A-Z][\w'’-]*|[A-Z][a-z]+\s[A-Z])$")


def _without_person_after_role(name: str) -> str:
    """"Riverside County Superior Court Judge Jayne C" -> "Riverside County Superior Court": a run of capitals
    that goes on past the body into a role and a person's name; "" when no body is left before the role
    ("Brooklyn District Attorney Eric Gonzalez": the role and the person, no body)."""
    tail = _PERSON_TAIL.search(name)
    if tail is None:
        return name
    words = name[:tail.start()].split()
    roles = role_words()
    at = next((i for i in range(len(words) - 1, -1, -1) if words[i].lower() in roles), None)
    if at is None or at < len(words) - 3:
        return name  # no role right before the name: "Friends of Rural Reading", "Acme Robotics"
    body = words[:at]
    while body and body[-1].lower() not in lexicon().heads and len(body) > 1 and body[-1][:1].isupper():
        body = body[:-1]  # "Brooklyn District" of "Brooklyn District Attorney": the role's own words
    return " ".join(body) if body and body[-1].lower() in lexicon().heads else ""


class _Found:
    """Names in order of first mention; an acronym's entry carries its long name."""

    def __init__(self) -> None:
        self.entries: dict[str, dict] = {}

    def add(self, name: str, expansion: str | None = None) -> None:
        name = _without_person_after_role(name.strip(" ,.;:"))
        if len(name) < 2 or name in lexicon().not_bodies:
            return
        entry = self.entries.setdefault(name, {"name": name, "expansion": expansion})
        entry["expansion"] = entry["expansion"] or expansion


def find_organisations(sentences: Sequence[str], people: Sequence[dict], tags: Callable[[str], Sequence[Token]],
                       affiliations: Sequence[str] = ()) -> list[dict]:
    """[{"name", "expansion"}] in order of first mention, as the French stage gives them;
    `affiliations`: the bodies that signatures and list items name beside a person (people_en)."""
    lex = lexicon()
    person_words = frozenset(w for p in people for w in p["name"].split())
    found = _Found()
    for body in affiliations:
        found.add(_strip_suffix(body, lex))
    for sentence in sentences:
        tokens = tags(sentence)
        headline = is_title_case(sentence)
        runs = _runs(tokens)
        for start, end in runs:
            name = _body_name(sentence, tokens, start, end, lex, person_words, headline)
            if name:
                found.add(name)
        _acronyms(sentence, tokens, runs, found, lex, headline)
        _listed(sentence, tokens, runs, found, lex)
        if not headline or len(sentence.split()) > _LONGEST_HEADLINE_WORDS:  # a long list is capitalised too
            for item in listed_bodies(sentence, lex, person_words):
                found.add(_strip_suffix(item, lex))
    text = " ".join(sentences)
    for person in people:
        role = person.get("role") or ""
        employer = _EMPLOYER.search(role) if is_role(role) else None  # "Friends of Rural Reading" is a body, not a role
        if employer and text.count(employer.group("name")) >= 2:  # named again: a body ("Secretary of Energy" names none)
            found.add(_strip_suffix(employer.group("name"), lex))
        at = EMPLOYER_AT.search(role)
        if at:  # "CTO at Fastly": "at" and "with" name an employer ("of" may name a field: "Secretary of Energy")
            found.add(_strip_suffix(at.group("name"), lex))
    names = {p["name"] for p in people}
    return [e for e in _without_parts(list(found.entries.values())) if e["name"] not in names]  # a person is no body


def _body_name(sentence: str, tokens: Sequence[Token], start: int, end: int, lex: Lexicon,
               person_words: frozenset[str], headline: bool) -> str | None:
    """The name a run of capitalised words gives when it names a body: a legal form after it, a
    head word in it, a cue noun before it, or what it does; None for a person or a plain run."""
    start, end = _trim(tokens, start, end, lex)
    if start >= end or end - start > MAX_NAME_WORDS:
        return None
    owner = next((k for k in range(start, end - 1) if re.search(r"\w['’]s$", tokens[k].text)), None)
    if owner is not None:  # "WTO’s Ministerial Conference": the body is the owner's, named on its own
        start = owner + 1
    name = _POSSESSIVE.sub("", _text(sentence, tokens, start, end))  # "World Trade Organization’s 12th Ministerial"
    words = [_POSSESSIVE.sub("", t.text) for t in tokens[start:end]]
    if all(w in person_words for w in words if w[:1].isupper()):
        return None  # a person's name
    last = words[-1].lower()
    if last not in lex.heads and (last in role_words() or last.removesuffix("s") in role_words()):
        return None  # "Program Manager", "Current Board Members": a role, not a body
    if words[-1] in lex.suffixes and len(words) > 1:
        return _strip_suffix(name, lex)  # "Harbor Robotics Inc."
    following = tokens[end].text if end < len(tokens) else ""
    if following in lex.suffixes or (following == "," and end + 1 < len(tokens) and tokens[end + 1].text in lex.suffixes):
        return name
    if headline:
        return None  # a title-case headline capitalises every word: only legal forms and acronyms count there
    if _subject_of_business(tokens, start, end, lex):
        return name
    heads = [w.lower() for w in words[1:] if w[:1].isupper()]
    if end - start > 2 and tokens[start + 1].text.lower() in ("of", "for"):
        heads.append(words[0].lower())  # "University of Northbridge", "Centre for Ocean Science"
    cue = start > 0 and (tokens[start - 1].text in lex.cues or tokens[start - 1].text.endswith(_LOCATED))  # "US-based Popoto"
    return name if cue or any(h in lex.heads for h in heads) else None


def _subject_of_business(tokens: Sequence[Token], start: int, end: int, lex: Lexicon) -> bool:
    """"Trigano recorded sales…", "Ethelo plans to expand…", "Acme today announced…": a name that
    opens its sentence or clause and does what companies and bodies do ([subject_verbs])."""
    opens_clause = start == 0 or tokens[start - 1].text == ","  # "In a context marked by …, Trigano recorded sales"
    if not opens_clause or end >= len(tokens) or not all(t.tag in ("PROPN", "X") for t in tokens[start:end]):
        return False
    following = tokens[end].text.lower()
    if following == "today" and end + 1 < len(tokens):
        following = tokens[end + 1].text.lower()
    return following in lex.subject_verbs


# "CTO at Fastly", "Senior Researcher with the Ottawa-based Canadian Centre for Policy Alternatives": a
# role's employer after "at" or "with", named outright (people_en reads signatures with it too)
EMPLOYER_AT = re.compile(r"\b(?:at|with)\s+(?:the\s+)?(?:[A-Z][\w]*-based\s+)?"
                         r"(?P<name>[A-Z][\w.&'’-]*(?:\s+(?:(?:of|for|on|&)\s+(?:the\s+)?)?[A-Z][\w.&'’-]*){0,6})")
# "chief executive officer of Harbor Robotics", "managing partner at Northgate Capital Partners"
_EMPLOYER = re.compile(r"\b(?:of|at|for|with)\s+(?:the\s+)?(?P<name>[A-Z][\w.&'’-]*(?:\s+(?:of\s+|for\s+|&\s+)?[A-Z][\w.&'’-]*){0,5})\s*$")


def _acronyms(sentence: str, tokens: Sequence[Token], runs: list[tuple[int, int]], found: _Found, lex: Lexicon,
              headline: bool) -> None:
    """"Long Name (ACR)" and "ACR (Long Name)": one entry; a lone acronym when written as a body is
    (`headline`: the sentence is a title-case headline, where every word is capitalised)."""
    run_ending = {e: (s, e) for s, e in runs}
    run_starting = {s: (s, e) for s, e in runs}
    for i, token in enumerate(tokens):
        word = token.text
        if not _ACRONYM.fullmatch(word) or sum(c.isupper() for c in word) < 2 or word in lex.not_bodies:
            continue
        if _TICKER_BEFORE.search(sentence[max(0, token.start - 12):token.start]) or headline and len(word) > 5:
            continue
        before = run_ending.get(i - 1) if i > 0 and tokens[i - 1].text == "(" else None
        if before is not None:
            s, e = _trim(tokens, *before, lex)
            expansion = _text(sentence, tokens, s, e) if s < e else ""
            if expansion and _spells(expansion, word):
                found.add(word, expansion)
                continue
        spelled = _spelled_before(sentence[:token.start], word) if i > 0 and tokens[i - 1].text == "(" else None
        if spelled:  # "Our World Is Not for Sale (OWINFS)": the words before spell it, whatever their tags
            found.add(word, spelled)
            continue
        if i + 1 < len(tokens) and tokens[i + 1].text == "(":
            after = run_starting.get(i + 2)
            after = after if after is not None and after[1] < len(tokens) and tokens[after[1]].text == ")" else None
            if after is not None and _spells(_text(sentence, tokens, *after), word):
                found.add(word, _text(sentence, tokens, *after))
                continue
        if word in found.entries or (i > 0 and tokens[i - 1].text.lower() in _BODY_BEFORE and len(word) >= 3 and not word.isdigit()
                                     and not _shouted_word(word)):
            if not headline:
                found.add(word)


def _shouted_word(word: str) -> bool:
    """A common word set in capitals ("the SAME TIME", "(The INTERNET)"), not an acronym."""
    from ..grammar.tagging import model

    return model("en").tag_of_word.get(word.lower(), "PROPN") != "PROPN"


_SPELLING_WORD = re.compile(r"[A-Z][\w'’&-]*|of|for|the|and|on|in|de|&|to|a|is|not")


def _spelled_before(before: str, acronym: str) -> str | None:
    """The capitalised words right before "(ACR" whose initials spell it, small words counted or not
    ("Our World Is Not for Sale (OWINFS)", "Pacific Network on Globalisation (PANG)")."""
    words = before.rstrip(" (").split()
    letters = "".join(c for c in acronym if c.isalpha()).upper()
    for size in range(2, min(len(words), MAX_NAME_WORDS + 2) + 1):
        span = words[-size:]
        if not span[0][:1].isupper() or not all(_SPELLING_WORD.fullmatch(w) for w in span):
            continue
        every = "".join(w[0] for w in span).upper()
        capitals = "".join(w[0] for w in span if w[:1].isupper()).upper()
        if letters in (every, capitals):
            return " ".join(span)
    return None


def _listed(sentence: str, tokens: Sequence[Token], runs: list[tuple[int, int]], found: _Found, lex: Lexicon) -> None:
    """The names of a list opened by a cue noun ("members include A, B and C", "partners: A, B")."""
    run_at = {s: (s, e) for s, e in runs}
    for i, token in enumerate(tokens[:-1]):
        if token.text.lower() not in lex.list_cues:
            continue
        j = i + 1
        introduced = tokens[j].text.lower() in ("include", "includes", "including", "are", "such", ":")
        if introduced:
            j += 1 + (tokens[j].text.lower() == "such" and j + 1 < len(tokens) and tokens[j + 1].text == "as")
        items = []
        while j < len(tokens):
            run = run_at.get(j)
            if run is None and items and tokens[j].text.isalnum() and j + 1 < len(tokens) and tokens[j + 1].text in (",", "and"):
                run = (j, j + 1)  # "npm": a name its owners write in lower case, between two others
            if run is None or run[1] - run[0] > 4:
                break
            items.append(_text(sentence, tokens, *run))
            j = run[1]
            if j < len(tokens) and tokens[j].text == "(":  # "StrongLoop (an IBM company)"
                close = next((k for k in range(j, min(len(tokens), j + 8)) if tokens[k].text == ")"), None)
                j = close + 1 if close is not None else j
            if j < len(tokens) and tokens[j].text in (",", "and", "&", ";"):
                j += 1
                if j < len(tokens) and tokens[j].text == "and":
                    j += 1
                continue
            break
        if len(items) >= (2 if introduced else 3):  # "Platinum members GoDaddy, IBM, Intel…": a list of three at least
            for item in items:
                found.add(_strip_suffix(item, lex))


_SMALL_WORDS = frozenset({"of", "for", "on", "in", "the", "and", "&", "at", "de", "du", "des", "la", "le", "y", "e", "to"})
_NAME_WORD = re.compile(r"(?:[A-Z0-9][\w.&'’/-]*|[a-z]+[A-Z][\w.-]*|[a-z][\w-]*\.(?:com|org|net|io))$")  # "theKompany.com"
_LIST_END = re.compile(r"\s*(?:[;:.!?](?:\s|$)|\b(?:and|&)\s+(?:others|more|many\s+more)\b|\b(?:among\s+others|etc)\b|\bas\s+well\s+as\b)")


@cache
def _list_intro_re() -> re.Pattern[str]:
    """A cue noun and its verb ("Signers of today's statement include", "partners are:"), a cue noun
    and a colon or a dash ("advocacy groups – A, B and C"), or a passive verb whose agents follow
    ("support has been provided by")."""
    cues = "|".join(sorted(map(re.escape, lexicon().list_cues), key=len, reverse=True))
    openers = "|".join(sorted((o.replace(" ", r"\s+") for o in lexicon().list_openers), key=len, reverse=True))
    return re.compile(rf"(?i:\b(?:{cues})\b(?:\s+(?:of|for|in|from|at|to)\s+[^,;:“”\"]{{0,60}}?)?\s*(?:(?:include|includes|included|including|are|were)\s*:?|:)"
                      rf"|(?<![:;]\s)\b(?:{cues})\s*(?::|\s[–—]|\s-)|\b(?:{openers}))\s+")


@cache
def _list_before_re() -> re.Pattern[str]:
    """A list before its cue noun: "Mozilla, Fastly, Intel, and Red Hat are founding members"."""
    cues = "|".join(sorted(map(re.escape, lexicon().list_cues), key=len, reverse=True))
    return re.compile(rf"^(?P<items>[^.;:“”\"]{{3,400}}?)\s+(?:are|were|as|become|became)\s+"
                      rf"(?:(?:the|its|our|their|[a-z-]+)\s+){{0,2}}(?i:{cues})\b")


def _list_item(text: str, lex: Lexicon, person_words: frozenset[str]) -> tuple[str | None, bool]:
    """The body an item of a list names, and whether the list goes on after it: capitalised words and
    small words ("Partners in Health", "Focus on the Global South"), without a parenthesis; the item
    ends where the text stops being a name ("OpenOffice Polska which employs …" ends the list)."""
    words = re.sub(r"\s*\([^)]*\)", "", text).split()
    while words and words[0].lower() in ("and", "the", "&"):
        words.pop(0)
    kept = []
    for word in words:
        if _NAME_WORD.match(word) or (kept and word in _SMALL_WORDS):
            kept.append(word)
        else:
            break
    while kept and kept[-1] in _SMALL_WORDS:
        kept.pop()
    goes_on = len(kept) == len(words)
    if not kept or len(kept) > MAX_NAME_WORDS or kept[0] in lex.not_first:
        return None, goes_on
    name = " ".join(kept).rstrip(".,")
    if is_place(name) or all(w in person_words for w in kept):
        return None, goes_on
    return name, goes_on


def _list_items(text: str, lex: Lexicon, person_words: frozenset[str]) -> list[str]:
    end = _LIST_END.search(text)
    text = text[:end.start()] if end else text
    parts = [p for p in re.split(r"\s*,\s*", re.sub(r"\([^)]*\)", "", text)) if p.strip()]
    if len(parts) >= 2 and re.search(r"\s(?:and|&)\s", parts[-1]):  # "A, B and C": the last pair
        parts[-1:] = re.split(r"\s+(?:and|&)\s+", parts[-1], maxsplit=1)
    items = []
    for part in parts:
        name, goes_on = _list_item(part, lex, person_words)
        if name:
            items.append(name)
        if not goes_on or not name:
            break
    return items


def listed_bodies(sentence: str, lex: Lexicon, person_words: frozenset[str] = frozenset()) -> list[str]:
    """The bodies of a list a cue noun or a passive verb opens ("Signers include Oxfam, Amnesty
    International, Partners in Health and others", "provided by MandrakeSoft (…), Trolltech (…)"),
    or that a cue noun closes ("Mozilla, Fastly, Intel, and Red Hat are founding members"): two at least."""
    out = []
    for match in _list_intro_re().finditer(sentence):
        items = _list_items(sentence[match.end():], lex, person_words)
        if len(items) >= 2:
            out += items
    before = _list_before_re().match(sentence)
    if before:
        items = _list_items(before.group("items"), lex, person_words)
        if len(items) >= 2 and len(items) == len(re.findall(r",", before.group("items"))) + 1:
            out += items
    return out


def _without_parts(entries: list[dict]) -> list[dict]:
    """"Harbor Robotics" and "Harbor Robotics Inc" are one: a name that is the start of a longer one
    found too is left out, as is one that is the long name of an acronym entry."""
    expansions = {e["expansion"] for e in entries if e["expansion"]}
    names = [e["name"] for e in entries]
    out = []
    for entry in entries:
        name = entry["name"]
        if name in expansions:
            continue
        if any(other != name and other.startswith(name + " ") and other.split()[-1] in lexicon().suffixes for other in names):
            continue
        out.append(entry)
    return out
