"""Loading of the linguistic data files shipped in ``summarize/data`` (text and JSON only)."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# The data folder beside this module. Not importlib.resources: it imports tempfile, shutil, bz2,
# lzma and random (~10 ms of a 0.25 s cold start), and the package is always installed as files.
DATA_DIR = Path(__file__).resolve().parent / "data"


def _data_text(name: str) -> str:
    return (DATA_DIR / name).read_text(encoding="utf-8")


def _is_comment(line: str) -> bool:
    """"# ..." or a lone "#" ("#Hashtag" is an entry)."""
    return line[:1] == "#" and (len(line) == 1 or line[1].isspace())


def _lines(name: str) -> list[str]:
    stripped = (line.strip() for line in _data_text(name).splitlines())
    return [line for line in stripped if line and not _is_comment(line)]


def sections(name: str) -> dict[str, list[str]]:
    """Parse a ``[section]``-grouped list file into {section: [lines]}."""
    sections: dict[str, list[str]] = {}
    current = ""
    for line in _lines(name):
        if line.startswith("[") and line.endswith("]") and re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return sections


@cache
def stop_words(language: str) -> frozenset[str]:
    """Function words of the language, lower-case."""
    return frozenset(_lines(f"stopwords_{language}.txt"))


@dataclass(frozen=True)
class Abbreviations:
    titles: frozenset[str]
    before_number: frozenset[str]
    ambiguous: frozenset[str]


@cache
def abbreviations(language: str) -> Abbreviations:
    groups = sections(f"abbreviations_{language}.txt")
    return Abbreviations(
        titles=frozenset(groups.get("titles", [])),
        before_number=frozenset(w.lower() for w in groups.get("before_number", [])),
        ambiguous=frozenset(w.lower() for w in groups.get("ambiguous", [])),
    )


@cache
def furniture_patterns() -> dict[str, re.Pattern[str]]:
    """One compiled alternation per furniture kind (header, read_also, end, about, ...)."""
    return {
        kind: re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
        for kind, patterns in sections("furniture_fr.txt").items()
        if patterns
    }


@cache
def word_list(name: str) -> frozenset[str]:
    """A plain one-entry-a-line list from the data folder."""
    return frozenset(_lines(name))


@cache
def _listing(name: str) -> str:
    return "\n" + _data_text(name).replace("\r\n", "\n") + "\n"


# Lookups in one list after which its set is built: a single release makes a few lookups, where
# scanning the text beats building a 53,000-word set (~20x); a batch makes thousands.
LOOKUPS_BEFORE_SET = 200
_lookups: Counter[str] = Counter()


def listed(name: str, word: str) -> bool:
    """Whether a one-entry-a-line list holds a word: by scanning its text for the first lookups
    (cold start), then in its set (each scan of a big list costs ~0.2 ms)."""
    if not word or "\n" in word:
        return False
    if _lookups[name] >= LOOKUPS_BEFORE_SET:
        return word in word_list(name)
    _lookups[name] += 1
    return f"\n{word}\n" in _listing(name)


@cache
def data_text(name: str) -> str:
    """A data file's text, read once."""
    return _data_text(name)


@cache
def json_data(name: str) -> dict:
    return json.loads(_data_text(name))
