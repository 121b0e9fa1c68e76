"""The English parts of the facts stage: dates as English writes them, people and organisations.

`facts.extract_facts` calls these for an English release; places, figures, contacts and the
dateline are read as for French. Imported only for English releases.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..text.dates import WEEKDAYS_EN, date_re_en, month_year_iso_en, month_year_re_en, ordinal_day_iso, ordinal_day_re_en, to_iso_en
from ..text.structure import Structure

if TYPE_CHECKING:
    from ..grammar.tagging import Token

_WEEKDAY = re.compile(r"\b(?:on|this|last|next)\s+(?P<day>" + "|".join(WEEKDAYS_EN) + r")\b", re.IGNORECASE)


def dates(body: str, structure: Structure) -> list[dict]:
    """Every date of the body once, in order: full dates (the dateline's year when one has none),
    months of a year, and, against the release date, "on the 16th" and "on Monday"."""
    reference = structure.dateline.iso if structure.dateline else None
    default_year = int(reference[:4]) if reference else None
    out: list[dict] = []
    seen: set[str] = set()
    spans: list[tuple[int, int]] = []

    def add(text: str, iso: str | None) -> None:
        if iso and iso not in seen:
            seen.add(iso)
            out.append({"text": text, "iso": iso})

    for match in date_re_en().finditer(body):
        spans.append(match.span())
        add(match.group(), to_iso_en(match, default_year))
    for match in month_year_re_en().finditer(body):
        if not any(a <= match.start() < b for a, b in spans):
            add(match.group(), month_year_iso_en(match))
    if reference:
        for match in ordinal_day_re_en().finditer(body):
            if not any(a <= match.start("day") < b for a, b in spans):
                add(match.group().strip(), ordinal_day_iso(match.group("day"), reference))
        from ..text.dates import resolve_weekday_en

        for match in _WEEKDAY.finditer(body):
            if not any(a <= match.start("day") < b for a, b in spans):
                add(match.group(), resolve_weekday_en(match.group("day"), reference))
    return out


def _contact_name_re() -> re.Pattern[str]:
    from .people_en import PERSON

    return re.compile(rf"(?:(?:media|press)\s+contacts?\s*:?\s*)?(?P<name>{PERSON})\s*(?:\(|,|[-–—|]|$)", re.IGNORECASE)


class _Lazy:
    """The contact-name pattern, compiled on first use (people_en is imported only then)."""

    def match(self, text: str) -> re.Match[str] | None:
        return _contact_name_re().match(text)


_CONTACT_NAME = _Lazy()


def people(sentences: Sequence[str], structure: Structure) -> list[dict]:
    """People with their roles, and the people the contact block names."""
    from .people_en import find_people

    found = find_people(sentences)
    known = {p["name"] for p in found}
    for contact in structure.contacts:
        named = _CONTACT_NAME.match(contact.text)  # "Jonathan Huskey (SEIU)", "Tom Hughes, Communications Manager"
        name = contact.name or (named.group("name") if named else None)
        if name and name not in known and len(name.split()) in (2, 3) and not any(w.lower() in ("media", "press", "office", "relations") for w in name.split()):
            found.append({"name": name, "role": None})
            known.add(name)
    return found


def organisations(named_in: Sequence[str], found_people: list[dict], tags: Callable[[str], Sequence[Token]]) -> list[dict]:
    from .organisations_en import find_organisations

    return find_organisations(named_in, found_people, tags)


_QUOTE = re.compile(r"[“\"](?P<quote>[^“”\"]{15,600}?)[”\"]")
_SPEECH = r"(?:said|says|added|adds|explained|noted|commented|stated|remarked)"


def quotes(body: str, found_people: list[dict]) -> list[dict]:
    """Quoted words of four words or more, with their speaker: '"…," said Jane Doe', '"…" – Jane Doe',
    'Jane Doe said: "…"', or the one person named with "he"/"she said" right after."""
    from .people_en import PERSON

    names = [p["name"] for p in found_people]
    out = []
    for match in _QUOTE.finditer(body):
        quote = match.group("quote").strip().rstrip(",")
        if len(quote.split()) < 4:
            continue
        after = body[match.end():match.end() + 160]
        before = body[max(0, match.start() - 160):match.start()]
        speaker = None
        named = re.match(rf"\s*[,.]?\s*(?:{_SPEECH}\s+(?:(?:Professor|Prof\.|Dr\.?|Mr\.?|Ms\.?|Mrs\.?)\s+)?|[-–—]\s*)(?P<name>{PERSON})", after) \
            or re.match(rf"\s*[,.]?\s*(?P<name>{PERSON})\s+{_SPEECH}\b", after) \
            or re.search(rf"(?P<name>{PERSON})(?:,[^,“\"]{{0,120}},)?\s+{_SPEECH}\s*:?\s*$", before)
        if named:
            speaker = next((n for n in names if named.group("name") in n or n in named.group("name")), named.group("name"))
        out.append({"quote": quote, "speaker": speaker})
    return out
