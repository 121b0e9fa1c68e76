"""French and English dates as written -> ISO 8601, shared by the dateline parser and the facts stage."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fév": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
    "septembre": 9, "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
    "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
}
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_PATTERN = (
    r"(?:(?P<weekday>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
    r"(?P<day>\d{1,2}|1er)\s+(?P<month>" + _MONTH_ALT + r")\.?(?:\s+(?P<year>(?:19|20)\d{2}))?"
    r"|(?P<nday>\d{1,2})[/.-](?P<nmonth>\d{1,2})[/.-](?P<nyear>(?:19|20)\d{2})"
)
# The lookaheads name the letters a match can open with: the engine then skips most positions at
# once (twice as fast on news text, same matches).
DATE_RE = re.compile(r"(?=[\dlmjvsd])\b(?:" + DATE_PATTERN + r")\b", re.IGNORECASE)
ISO_DATE_RE = re.compile(r"(?:19|20)\d\d-\d\d-\d\d")  # "2016-01-07", as front matter and page macros write it
# "en septembre 2027": a month of a year, ISO 8601 "2027-09" (full month names only: "mars" is common)
MONTH_YEAR_RE = re.compile(
    r"(?=[jfmasond])\b(?P<month>janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\s+(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)


def month_year_iso(match: re.Match[str]) -> str:
    return f"{int(match.group('year')):04d}-{MONTHS[match.group('month').lower()]:02d}"


def to_iso(match: re.Match[str], default_year: int | None = None) -> str | None:
    """ISO date of a DATE_RE match; None when the year is unknown or the date impossible."""
    groups = match.groupdict()
    try:
        if groups.get("nday"):
            return dt.date(int(groups["nyear"]), int(groups["nmonth"]), int(groups["nday"])).isoformat()
        day = 1 if groups["day"].lower() == "1er" else int(groups["day"])
        month = MONTHS[groups["month"].lower()]
        year = int(groups["year"]) if groups.get("year") else default_year
        if year is None:
            return None
        return dt.date(year, month, day).isoformat()
    except (ValueError, KeyError, TypeError):
        return None


def parse_date(text: str, default_year: int | None = None) -> str | None:
    match = DATE_RE.search(text)
    return to_iso(match, default_year) if match else None


def resolve_weekday(weekday: str, reference_iso: str) -> str:
    """The given weekday in the week ending on the reference date ("ce lundi" in a release
    dated Wednesday is two days before)."""
    reference = dt.date.fromisoformat(reference_iso)
    delta = (reference.weekday() - WEEKDAYS[weekday.lower()]) % 7
    return (reference - dt.timedelta(days=delta)).isoformat()


# English dates: "Nov. 30, 2016", "March 3rd", "Tuesday, 1 July 2025", "the 16th of May", "2016-11-30".
MONTHS_EN = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS_EN = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_MONTH_EN_ALT = "|".join(sorted(MONTHS_EN, key=len, reverse=True))
_ORDINAL = r"(?:st|nd|rd|th)?"
_WEEKDAY_EN = r"(?:(?P<eweekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?:the\s+)?)?"
DATE_PATTERN_EN = (
    _WEEKDAY_EN + r"(?:"
    r"(?=(?-i:[A-Z]))(?P<emonth>" + _MONTH_EN_ALT + r")\.?\s+(?P<eday>\d{1,2})" + _ORDINAL + r"\b(?:,?\s+(?P<eyear>(?:19|20)\d{2}))?"
    r"|(?P<dday>\d{1,2})" + _ORDINAL + r"\s+(?:of\s+)?(?=(?-i:[A-Z]))(?P<dmonth>" + _MONTH_EN_ALT + r")\b\.?(?:,?\s+(?P<dyear>(?:19|20)\d{2}))?"
    r"|(?P<iyear>(?:19|20)\d{2})-(?P<imonth>\d{2})-(?P<iday>\d{2})"
    r")"
)
# "May" alone is a verb: a month-day date needs its day right after, and a month its capital; a
# lone "the 16th" is read by `ordinal_day_iso` against the release date. Compiled on first use: a
# French release never pays for them.


@cache
def date_re_en() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + DATE_PATTERN_EN + r")\b", re.IGNORECASE)


@cache
def month_year_re_en() -> re.Pattern[str]:
    return re.compile(
        r"\b(?P<month>january|february|march|april|june|july|august|september|october|november|december)\s+(?:of\s+)?(?P<year>(?:19|20)\d{2})\b",
        re.IGNORECASE,
    )


@cache
def ordinal_day_re_en() -> re.Pattern[str]:
    return re.compile(r"\b(?:on\s+)?the\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:" + _MONTH_EN_ALT + r")\b)"
                      r"(?!\s+(?:century|anniversary|edition|annual|year|time|floor|place|birthday))", re.IGNORECASE)


def to_iso_en(match: re.Match[str], default_year: int | None = None) -> str | None:
    """ISO date of a `date_re_en()` match; None when the year is unknown or the date impossible."""
    groups = match.groupdict()
    try:
        if groups.get("iyear"):
            return dt.date(int(groups["iyear"]), int(groups["imonth"]), int(groups["iday"])).isoformat()
        if groups.get("emonth"):
            month, day, year = groups["emonth"], groups["eday"], groups.get("eyear")
        else:
            month, day, year = groups["dmonth"], groups["dday"], groups.get("dyear")
        year_number = int(year) if year else default_year
        if year_number is None:
            return None
        return dt.date(year_number, MONTHS_EN[month.lower()], int(day)).isoformat()
    except (ValueError, KeyError, TypeError):
        return None


def month_year_iso_en(match: re.Match[str]) -> str:
    return f"{int(match.group('year')):04d}-{MONTHS_EN[match.group('month').lower()]:02d}"


def ordinal_day_iso(day: str, reference_iso: str) -> str | None:
    """"on the 16th" in a release dated 2021-05-10: the 16th of the reference month, or of the next
    month when that day has already passed (a release announces what is coming)."""
    reference = dt.date.fromisoformat(reference_iso)
    try:
        candidate = reference.replace(day=int(day))
        if candidate < reference - dt.timedelta(days=7):
            month = reference.month % 12 + 1
            candidate = candidate.replace(year=reference.year + (month == 1), month=month)
        return candidate.isoformat()
    except ValueError:
        return None




def resolve_weekday_en(weekday: str, reference_iso: str) -> str:
    """"on Monday" in a release dated Wednesday: the Monday of that week (as `resolve_weekday`)."""
    reference = dt.date.fromisoformat(reference_iso)
    delta = (reference.weekday() - WEEKDAYS_EN[weekday.lower()]) % 7
    return (reference - dt.timedelta(days=delta)).isoformat()


def ends_with_date(text: str) -> bool:
    """"… – Parution janvier 2023", "Strasbourg – 20 Mai 2014", "…, 12 mars 2024": a line that closes
    on a date (a credit, a dateline), past closing dots, dashes and brackets."""
    tail = text.rstrip(" .)–—-")[-40:]
    return any(m.end() == len(tail) for pattern in (DATE_RE, MONTH_YEAR_RE) for m in pattern.finditer(tail))
