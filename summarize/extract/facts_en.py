"""The English parts of the facts stage: dates as English writes them, people and organisations.

`facts.extract_facts` calls these for an English release; places, figures, contacts and the
dateline are read as for French. Imported only for English releases.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from itertools import chain, takewhile
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


def header_date(structure: Structure) -> str | None:
    """The date of the release's head when it has no dateline: a kicker or a byline above the
    headline that gives a full date ("Prepared by Jane Doe, May 23, 2021", "Press release – 4 June 2024"), or a
    contact line above the headline that a letterhead's two columns ran into it ("July 8, 2019 Contact: …")."""
    above = takewhile(lambda entry: entry[0] not in ("title", "paragraph"), structure.sequence)
    for kind, line in chain(above, (entry for entry in structure.removed if entry[0] == "header")):
        if kind in ("header", "contact"):
            match = date_re_en().search(line)
            iso = to_iso_en(match, None) if match else None
            if iso:
                return iso
    return None


_CONTACT_LABEL = re.compile(r"^(?i:(?:media\s+|press\s+)?contacts?)\s*:\s*")


@cache
def _contact_name_re() -> re.Pattern[str]:
    """"Jonathan Huskey (SEIU)", "Tom Hughes, Communications Manager": the name a contact block opens with."""
    from .people_en import PERSON

    return re.compile(rf"(?:(?:(?:media|press)\s+)?contacts?\s*:?\s*)?(?P<name>{PERSON})\s*(?:\(|,|[-–—|]|$)", re.IGNORECASE)


def people(sentences: Sequence[str], structure: Structure) -> list[dict]:
    """People with their roles, and the people the contact block names."""
    from .people_en import PERSON, attributions, bylines, find_people, is_person

    found = find_people(sentences)
    known = {p["name"] for p in found}
    signed = _signed_lines(structure)
    credits = [line for kind, line in structure.removed if kind in ("about", "legal", "end", "tail")]  # "Written by Inge Wallin."
    for name, role in [(a.name, a.role) for a in attributions(signed)] + [(name, None) for name in bylines(credits)]:
        if name not in known:
            found.append({"name": name, "role": role})
            known.add(name)
    # a contact block's own line that is a person's name alone ("For further information, please contact:" / "Kunal Ghosh")
    contact_lines = [(name, line) for kind, line in structure.removed
                     if kind == "contact" and (name := _CONTACT_LABEL.sub("", line.strip())) and re.fullmatch(PERSON, name) and is_person(name)]
    for contact_name, text in [(c.name, c.text) for c in structure.contacts] + contact_lines:
        named = _contact_name_re().match(text)
        name = contact_name or (named.group("name") if named else None)
        if name and name not in known and len(name.split()) in (2, 3) and not any(w.lower() in ("media", "press", "office", "relations") for w in name.split()):
            found.append({"name": name, "role": None})
            known.add(name)
    return found


def _signed_lines(structure: Structure) -> list[str]:
    """Lines outside the sentences that name a person with a role: attributions set aside ("— Manu
    Ignatius CEO, Subnero") and short lines read as headings ("James A. Baker (General Counsel, Federal
    Bureau of Investigation)" in a list of panellists)."""
    return [line for kind, line in structure.removed if kind == "attribution"] + list(structure.headings)


def organisations(named_in: Sequence[str], found_people: list[dict], tags: Callable[[str], Sequence[Token]],
                  structure: Structure | None = None) -> list[dict]:
    """Bodies named in the text, and those a signature, a list item or a panellist's line gives beside a person."""
    from .organisations_en import find_organisations
    from .people_en import affiliations, attributions

    lines = list(named_in) + (list(structure.headings) if structure else [])
    bodies = [a.body for a in attributions(lines) if a.body] + affiliations(named_in)
    return find_organisations(named_in, found_people, tags, bodies)


_QUOTE = re.compile(r"[“\"](?P<quote>[^“”\"]{15,600}?)[”\"]")
_SPEECH = r"(?:said|says|added|adds|explained|noted|commented|stated|remarked)"


def _named_after_role(after: str, names: list[str]) -> str | None:
    """'"…," says Criminal District Attorney Jane Roe': the person found in the release whose name follows
    the speech verb and the role set before it (the role's capitals are not a name)."""
    speech = re.match(rf"\s*[,.]?\s*{_SPEECH}\s+", after)
    if not speech:
        return None
    window = re.split(r"[.;“\"]", after[speech.end():speech.end() + 100], maxsplit=1)[0]
    placed = [(window.find(name), name) for name in names if name in window]
    whole = [(at, name) for at, name in placed if not re.match(r"\s+[A-Z]", window[at + len(name):])]  # not a role's first words
    return min(whole)[1] if whole else None


def quotes(body: str, found_people: list[dict]) -> list[dict]:
    """Quoted words of four words or more, with their speaker: '"…," said Jane Doe', '"…" – Jane Doe',
    'Jane Doe said: "…"', or the one person named with "he"/"she said" right after."""
    names = [p["name"] for p in found_people]
    out = []
    for match in _QUOTE.finditer(body):
        quote = match.group("quote").strip().rstrip(",")
        if len(quote.split()) < 4:
            continue
        after = body[match.end():match.end() + 160]
        before = body[max(0, match.start() - 160):match.start()]
        speaker = _named_after_role(after, names)
        named = None if speaker else _named_by_speech(after, before)
        if named:
            speaker = next((n for n in names if named.group("name") in n or n in named.group("name")), named.group("name"))
        out.append({"quote": quote, "speaker": speaker})
    return out


def _named_by_speech(after: str, before: str) -> re.Match[str] | None:
    """'"…," said Jane Doe', '"…" – Jane Doe', 'Jane Doe said: "…"'."""
    from .people_en import PERSON

    return (re.match(rf"\s*[,.]?\s*(?:{_SPEECH}\s+(?:(?:Professor|Prof\.|Dr\.?|Mr\.?|Ms\.?|Mrs\.?)\s+)?|[-–—]\s*)(?P<name>{PERSON})", after)
            or re.match(rf"\s*[,.]?\s*(?P<name>{PERSON})\s+{_SPEECH}\b", after)
            or re.search(rf"(?P<name>{PERSON})(?:,[^,“\"]{{0,120}},)?\s+{_SPEECH}\s*:?\s*$", before))


# "$40 million", "€2.3 billion", "£15 million", "40 percent", "250-megawatt", "1,800 miles",
# "300,000 small businesses": a number with a currency, a scale, a unit or the plural noun it counts
_FIGURE = re.compile(
    r"(?<![\w.,$€£])(?P<currency>US\$|C\$|A\$|[$€£¥])?\s?(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,.]\d)"
    r"(?:\s?(?P<scale>million|billion|trillion|bn|[mM])\b)?"
    r"(?:[\s-]?(?P<unit>%|percent\b|per\s+cent\b|megawatts?\b|gigawatts?\b|MW\b|GW\b|kWh\b|MWh\b|GWh\b|miles?\b|km\b|"
    r"kilomet(?:er|re)s?\b|tonnes?\b|tons?\b|hectares?\b|acres?\b|square\s+(?:feet|metres|meters)\b))?"
    r"(?:\s+(?P<counts>(?:[a-z]+\s)?[a-z]{3,}s)\b)?"
)
_NOT_COUNTED = frozenset("years months weeks days hours minutes times percent cents was has is this".split())


def figures(body: str) -> list[dict]:
    """Numbers with a currency, a scale, a unit or a counted noun, as the French stage gives them."""
    out, seen = [], set()
    for match in _FIGURE.finditer(body):
        currency, number, scale, unit, counts = (match.group(k) for k in ("currency", "number", "scale", "unit", "counts"))
        if counts and (counts.split()[-1] in _NOT_COUNTED or counts.split()[0] in ("and", "or", "of", "to", "in", "the")):
            counts = None
        if not (currency or scale or unit or counts):
            continue
        if re.fullmatch(r"(?:19|20)\d{2}", number) and not (currency or unit):
            continue  # a year
        end = match.end("counts") if counts else max(match.end(k) for k in ("number", "scale", "unit") if match.group(k))
        text = " ".join(body[match.start():end].split()).strip()
        if text not in seen:
            seen.add(text)
            out.append({"text": text, "unit": currency or unit or None, "counts": counts})
    return out[:20]
