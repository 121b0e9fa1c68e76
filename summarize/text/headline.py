"""Which line of a release's head can be its headline.

A headline is the sender's own sentence-like title. A kicker ("COMMUNIQUÉ DE PRESSE"), a date or
a dateline, a link, a quote or a section label in brackets never is; a line that opens with a
kicker and goes on ("CP - La pêche aux filets…") is a headline only when the release shows no
better one, and then without its kicker. Patterns live in ``data/headlines.txt``.
"""

from __future__ import annotations

import re
from functools import cache

from ..resources import furniture_patterns, sections
from .dates import DATE_RE, ISO_DATE_RE, MONTH_YEAR_RE, date_re_en
from .tokens import is_stop_word

HEADLINE = "headline"
KICKER_LED = "kicker_led"
NOT_HEADLINE = "not_headline"
_LONGEST_HEADLINE_CHARS = 400
_LONGEST_SENDER_WORDS = 4  # "Communiqué des Gilets jaunes du Magny" names a sender, not news
_SEPARATED = re.compile(r"[-–—:|\])]\s*$")  # a kicker that a mark parts from the words after it


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {kind: re.compile("|".join(f"(?:{p})" for p in lines), re.IGNORECASE) for kind, lines in sections("headlines.txt").items() if lines}


def headline_verdict(line: str) -> str:
    """HEADLINE, KICKER_LED (a kicker, then words) or NOT_HEADLINE for one stripped line."""
    text = line.strip().strip("*_ ")
    if len(text) > _LONGEST_HEADLINE_CHARS:
        return NOT_HEADLINE  # a paragraph (and the patterns' ".*" must never run over a megabyte line)
    if not text or not any(ch.isalpha() for ch in text) or len(text.split()) < 2:
        return NOT_HEADLINE  # a single word is a label ("Date", "Lieu", "Contact"), not a headline
    if text[:1] in ",;.:)]}!?":
        return NOT_HEADLINE  # ",CON CONFÉDÉRATION …": a scrap (a logo's letters, a line's wrapped end), no headline opens so
    if text.endswith(":"):
        return NOT_HEADLINE  # "Adressé à :", "Nos questions :": a label that leads into what follows
    if "|" in text and _is_byline(text):
        return NOT_HEADLINE  # "Admin | April 1, 2025": a post's author and date
    patterns = _patterns()
    if patterns[NOT_HEADLINE].fullmatch(text) or patterns[NOT_HEADLINE].fullmatch(text.lstrip("-–—•·|> ")):
        return NOT_HEADLINE
    lead = patterns[KICKER_LED].match(text)
    rest = text[lead.end():] if lead else ""
    if lead and _SEPARATED.search(lead.group()) and len(rest.split()) >= 2:
        return KICKER_LED  # "CP - La pêche…", "Press release — …": a kicker, a mark, then words
    if furniture_patterns()["header"].fullmatch(text):
        return NOT_HEADLINE  # "COMMUNIQUÉ DE PRESSE", "Pour diffusion immédiate"
    if lead and len(rest.split()) > _LONGEST_SENDER_WORDS:
        return KICKER_LED  # "Communiqué du Conseil des ministres du mercredi 14 août 2024"
    if lead:
        return NOT_HEADLINE  # "Communiqué de Fouras Demain": the kicker and its sender's name
    return HEADLINE


def _is_byline(text: str) -> bool:
    author, _, when = text.rpartition("|")
    when = when.strip(" .")
    return (len(author.split()) <= _LONGEST_BYLINE_WORDS and bool(when)
            and any(pattern.fullmatch(when) for pattern in (DATE_RE, date_re_en())))


_LONGEST_BYLINE_WORDS = 3


def ends_dangling(line: str) -> bool:
    """A line that stops on an article, a preposition or a conjunction: a headline cut by a line break."""
    pattern = _patterns().get("dangling_end")
    return bool(pattern and len(line) <= _LONGEST_HEADLINE_CHARS and pattern.fullmatch(line.strip()))


def without_kicker(line: str) -> str:
    """The words after a leading kicker ("CP - La pêche…" -> "La pêche…"); the line itself when the
    kicker runs into them ("Communiqué du Conseil des ministres" stays whole)."""
    text = line.strip()
    lead = _patterns()[KICKER_LED].match(text)
    if not lead or not _SEPARATED.search(lead.group()):
        return text
    rest = text[lead.end():].strip()
    return rest if len(rest.split()) >= 2 else text


_TRAILING_TAGS = re.compile(r"(?:\s*[-–—|:]\s*|\s+)(?:#[^\W\d_][\w-]*\s*)+$")
_TRAILING_LINK = re.compile(r"\s*(?:[:–—|-]\s*|\(\s*)(?:https?://|www\.)\S+\s*\)?\s*$")


_SHORTEST_DATED_HEADLINE_WORDS = 4
_TRAILING_DATE = re.compile(r"\s*(?:[|–—]|\s--?|\()\s*(?:le\s+)?(?P<date>[^|–—()]{4,40}?)\s*\)?\s*$", re.IGNORECASE)


def _without_trailing_tags(line: str) -> str:
    """"Zigzag 2020 - #annulations", "Zigzag 2020 #festival #annulations": the site's tags after the
    headline go; a hashtag the headline's own words lead to ("… décident de #changerlesrègles",
    after "de") is part of it and stays."""
    tags = _TRAILING_TAGS.search(line)
    if tags is None:
        return line
    before = line[:tags.start()].split()
    behind_a_mark = line[tags.start():].lstrip().startswith(("-", "–", "—", "|", ":"))
    led_to = bool(before) and (is_stop_word(before[-1]) or is_stop_word(before[-1], "en"))  # "décident de #…", "to #…"
    return line if led_to and not behind_a_mark else line[:tags.start()]


_SEPARATED_PART = re.compile(r"\s+[-–—|/]\s+")


def _latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(1 for c in letters if c < "\u0250" or "\u1e00" <= c <= "\u1eff") / len(letters) if letters else 1.0


def _without_translation(line: str) -> str:
    """"CCAF manifestations Paris, Marseille, Lyon 14 et 15 septembre - CCAF միջոցառումներ Փարիզում …": the
    headline in the release's Latin script and its translation in another script after a dash or a bar:
    the first only."""
    parts = _SEPARATED_PART.split(line)
    if len(parts) < 2 or _latin_share(parts[0]) < 0.9:
        return line
    kept = [parts[0]]
    for part in parts[1:]:
        if _latin_share(part) < 0.5:
            break
        kept.append(part)
    return line if len(kept) == len(parts) else line[:line.index(parts[len(kept)])].rstrip(" -–—|/")


def without_trailing_link(line: str) -> str:
    """A headline followed by its site ("Lancement de la Fédération Agile : http://…"), by a date
    behind a bar or a dash ("Sélectionnés pour le festival | MAI 2019", "… -- 2016-01-07") or by its
    translation in another script: the words only."""
    stripped = _without_trailing_tags(_TRAILING_LINK.sub("", _without_translation(line)))
    dated = _TRAILING_DATE.search(stripped)
    if dated and any(p.fullmatch(dated.group("date")) for p in (DATE_RE, MONTH_YEAR_RE, ISO_DATE_RE)) \
            and len(stripped[:dated.start()].split()) >= _SHORTEST_DATED_HEADLINE_WORDS and not _patterns()[NOT_HEADLINE].fullmatch(line.strip()):
        stripped = stripped[:dated.start()]  # but "Louhans (Saône-et-Loire) – 28 février 2025" is a dateline
    return stripped if len(stripped.split()) >= 2 else line
