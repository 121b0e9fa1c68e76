"""English datelines: where and when a release was sent, as wires and newsrooms write it.

"AUSTIN, TX., Nov. 30, 2016 /PRNewswire/ --", "NEW YORK, March 3, 2020 (GLOBE NEWSWIRE) --",
"SAN FRANCISCO--(BUSINESS WIRE)--", "LONDON (Reuters) -", "Cambridge, MA –", "(Miami, FL)", "March 3, 2020 —",
"May 6, 2021 (SEATTLE) –", "San Ramon, CA (Newsworthy.ai) Friday Mar 15, 2024 @ 9:00 AM Central —",
"(Sept. 7, 2011) –", "[New York, NY – November 21, 2011] –".
The wires' marks and the state codes live in ``data/furniture_en.txt`` ([wire], [region]); this
module is imported only for English releases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..resources import dateline_parts, word_list
from .dates import DATE_PATTERN_EN, date_re_en, to_iso_en

_DATE = "(?i:" + re.sub(r"\(\?P<\w+>", "(?:", DATE_PATTERN_EN) + ")"
_WORD = r"[A-Z0-9][\w'’.&]*(?:-[\w'’.]+)*"
_ONE_PLACE = rf"{_WORD}(?: (?:{_WORD}|of|upon|on|de|la|du|el|al)){{0,5}}"
_PLACE = rf"(?P<placeN>{_ONE_PLACE}(?:,\s*{_ONE_PLACE}){{0,3}})"
_DASH = r"(?:-{1,3}|[–—])"
# the hour a release is sent or embargoed to: "17h30 CET", "10:00 a.m. ET", "9 am (EST)"
_TIME = (r"(?:\d{1,2}(?:[:.h]\d{2}\s*(?:(?i:[ap]\.?\s?m)\b\.?)?|\s*(?i:[ap]\.?\s?m)\b\.?)"
         r"(?:\s*\(?[A-Z]{2,4}\)?(?![\w])|\s+(?:Eastern|Central|Mountain|Pacific)(?:\s+Time)?\b)?)")  # "9:00 AM Central"
_LONGEST_PLACE_PART_WORDS = 5


@dataclass(frozen=True)
class EnglishDateline:
    text: str
    place: str | None  # the city (a wire's event name and state code left out)
    date: str | None
    iso: str | None
    end: int  # where the body resumes in the line


@cache
def _dateline_re() -> re.Pattern[str]:
    marks = dateline_parts("en")["wire"]
    label = rf"(?:(?i:{dateline_parts('en')['label']})\s*[:.]?\s+(?:(?i:at\s+)?{_TIME},?\s+)?)"

    def wire(n: int) -> str:
        return rf"(?P<wire{n}>\s*(?i:{marks}))"

    def place(n: int) -> str:
        return _PLACE.replace("<placeN>", f"<place{n}>")

    return re.compile(
        r"^(?:"
        rf"{label}?(?P<date4>{_DATE})(?:,?\s+(?i:at\s+)?{_TIME})?(?:\s*\(\s*{place(6)}\s*\))?{wire(4)}?"  # March 3, 2020 —, May 6, 2021 (SEATTLE) –
        rf"|{place(1)}(?:\s*(?:,\s*|\(\s*|\s{_DASH}\s*)|(?P<bare1>\s+))(?P<date1>{_DATE})\s*\)?{wire(1)}?"  # AUSTIN, TX., Nov. 30, 2016 /PRNewswire/
        rf"|{place(2)}{wire(2)}(?:\s*{_DASH}?\s*(?P<date2>{_DATE})(?:,?\s+(?:(?i:at)\s+|@\s*)?{_TIME})?)?"  # LONDON (Reuters), SAN FRANCISCO--(BUSINESS WIRE)
        rf"|{place(3)}(?=\s*{_DASH}\s+\S)"  # Cambridge, MA – (checked: a state code or a place in capitals)
        rf"|[\[(]\s*(?:{place(7)}\s*(?:,\s*|{_DASH}\s*))?(?P<date7>{_DATE})\s*[\])]"  # (Sept. 7, 2011) –, [New York, NY – November 21, 2011] –
        rf"|\(\s*{place(5)}\s*\)"  # (Miami, FL) Loving Day celebrates… (checked as the branch before the last)
        r")"
        rf"(?:\s*{_DASH}+\s*|\s*[:|]\s+|\s*,\s+(?=[A-Z])|(?<=\))\s+(?=[A-Z])|\.?\s*$)"
    )


@cache
def _region_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{dateline_parts('en')['region']})\.?")


def _groups(match: re.Match[str]) -> tuple[str | None, str | None, str | None, str | None]:
    """(place, date, wire, bare) of whichever branch matched (each branch numbers its groups); `bare`:
    only a space between the place and the date ("MOUNTAIN VIEW, California November 12, 2019 --")."""
    values: dict[str, str | None] = {"place": None, "date": None, "wire": None, "bare": None}
    for name, value in match.groupdict().items():
        if value is not None:
            values[name.rstrip("0123456789")] = value
    return values["place"], values["date"], values["wire"], values["bare"]


def match_dateline(line: str) -> EnglishDateline | None:
    """The dateline a line opens with, or None. A place without a date or a wire counts only when it
    is a city with its state code ("Cambridge, MA –"), a city in capitals ("WASHINGTON —"), a city in
    capitals with a region of ``data/places_en.txt`` ("HALIFAX, Nova Scotia —") or one place of that list
    alone ("Wisconsin –")."""
    return _wire_dateline(line) or _bracketed_place(line)


def _wire_dateline(line: str) -> EnglishDateline | None:
    match = _dateline_re().match(line)
    if not match:
        return None
    place, date_text, wire, bare = _groups(match)
    parts = [part.strip() for part in place.split(",")] if place else []
    if any(len(part.split()) > _LONGEST_PLACE_PART_WORDS for part in parts):
        return None
    if bare and len(parts) < 2:
        return None  # "Acme Robotics March 3, 2020 —", "FOR IMMEDIATE RELEASE 15 MAY 2019": a city and its state only
    region = _region_re()
    if place and not date_text and not wire:
        capitals = place.isupper() and len(place.split()) <= 3 and len(parts) == 1
        places = word_list("places_en.txt")
        known = len(parts) >= 2 and parts[0].isupper() and parts[-1] in places  # "HALIFAX, Nova Scotia —"
        lone_place = len(parts) == 1 and parts[0] in places  # "Wisconsin – Advocates have launched…"
        if not (capitals or known or lone_place or (len(parts) >= 2 and region.fullmatch(parts[-1]))):
            return None
    city = next((part for part in parts if not region.fullmatch(part) and not re.search(r"\d", part)), None)
    date_match = date_re_en().search(date_text) if date_text else None
    return EnglishDateline(
        text=match.group().strip(" -–—:|/,"),
        place=city,
        date=date_match.group() if date_match else None,
        iso=to_iso_en(date_match) if date_match else None,
        end=match.end(),
    )


_BRACKETED_PLACE = re.compile(rf"\(\s*(?P<place>[A-Z][^()\d]{{1,60}}?)\s*\)\s*{_DASH}+\s*(?=[A-Z“\"])")


def _bracketed_place(line: str) -> EnglishDateline | None:
    """"(Dallas, Texas) – The county's offices …": a city and its region in parentheses, then a dash."""
    match = _BRACKETED_PLACE.match(line)
    if not match:
        return None
    parts = [part.strip() for part in match.group("place").split(",")]
    if not 2 <= len(parts) <= 3 or any(len(part.split()) > _LONGEST_PLACE_PART_WORDS for part in parts):
        return None
    if not (_region_re().fullmatch(parts[-1]) or parts[-1] in word_list("places_en.txt")):
        return None
    return EnglishDateline(text=match.group().strip(" -–—"), place=parts[0], date=None, iso=None, end=match.end())
