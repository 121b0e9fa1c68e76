"""Loading of the linguistic data files shipped in ``summarize/data`` (text and JSON only)."""

from __future__ import annotations

import json
import re
from contextvars import ContextVar
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


# The language whose furniture the structure stage is reading: set by `text.structure.parse_structure`
# for the release at hand, so that every helper it calls (headline checks, the tail's parsing) reads the
# same patterns without a parameter threaded through each of them. French unless told.
FURNITURE_LANGUAGE: ContextVar[str] = ContextVar("furniture_language", default="fr")


def furniture_patterns(language: str | None = None) -> dict[str, re.Pattern[str]]:
    """One compiled alternation per furniture kind (header, read_also, end, about, ...) of the
    language (default: the release the structure stage is reading)."""
    return _furniture_patterns(language or FURNITURE_LANGUAGE.get())


DATELINE_PARTS = ("wire", "region", "label", "verbs")  # sections of furniture_en.txt that are no line kinds (dateline parts, verbs)


@cache
def dateline_parts(language: str) -> dict[str, str]:
    """{"wire": …, "region": …, "label": …} alternations of a language's dateline parts ("" when it has none)."""
    if language != "en":
        return {part: "" for part in DATELINE_PARTS}
    groups = sections("furniture_en.txt")
    return {part: "|".join(f"(?:{p})" for p in groups.get(part, [])) for part in DATELINE_PARTS}


@cache
def sentence_verbs(language: str) -> frozenset[str]:
    """Words that make "Name, words" a sentence in the language beyond the French ones (English: [verbs])."""
    return frozenset(sections("furniture_en.txt").get("verbs", [])) if language == "en" else frozenset()


@cache
def _furniture_patterns(language: str) -> dict[str, re.Pattern[str]]:
    """French: ``furniture_fr.txt``. English: the French file's lines (kickers and end marks already in
    both languages) and ``furniture_en.txt``'s, kind by kind; the English file is read only for English."""
    groups = sections("furniture_fr.txt")
    if language == "en":
        english = {kind: lines for kind, lines in sections("furniture_en.txt").items() if kind not in DATELINE_PARTS}
        groups = {kind: groups.get(kind, []) + english.get(kind, []) for kind in dict.fromkeys([*groups, *english])}
    return {
        kind: re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
        for kind, patterns in groups.items()
        if patterns
    }


@cache
def word_list(name: str) -> frozenset[str]:
    """A plain one-entry-a-line list from the data folder."""
    return frozenset(_lines(name))


# Lookups in one sorted list after which it is parsed into a table: a release makes a few hundred
# (~10 us each by binary search), where parsing 10,000 to 53,000 lines costs 4 to 15 ms of a
# 0.2 s cold start; a batch makes millions.
LOOKUPS_BEFORE_TABLE = 1000


class SortedList:
    """A data file of lines sorted by their first field ("key" or "key<TAB>value"; "#" comment lines
    first), looked up by binary search in its bytes until enough lookups pay for a dict."""

    def __init__(self, name: str) -> None:
        self.data = (DATA_DIR / name).read_bytes().replace(b"\r\n", b"\n")
        self.start = 0
        while self.start < len(self.data):  # the header: comment lines, as `_lines` reads them
            end = self.data.find(b"\n", self.start)
            end = len(self.data) if end < 0 else end
            if not _is_comment(self.data[self.start:end].decode("utf-8").strip()):
                break
            self.start = end + 1
        self.lookups = 0
        self.table: dict[str, str] | None = None

    @property
    def header(self) -> list[str]:
        return self.data[: self.start].decode("utf-8").splitlines()

    def get(self, key: str) -> str | None:
        """The value on the key's line ("" for a plain list), or None when the key is not listed."""
        if self.table is None:
            self.lookups += 1
            if self.lookups <= LOOKUPS_BEFORE_TABLE:
                return self._search(key.encode("utf-8")) if key and "\n" not in key else None
            self.table = self._parse()
        return self.table.get(key)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def _search(self, key: bytes) -> str | None:
        data, low, high = self.data, self.start, len(self.data)  # low: a line start; high: a line start or the end
        while low < high:
            middle = (low + high) // 2
            line_start = max(data.rfind(b"\n", low, middle) + 1, low)
            line_end = data.find(b"\n", line_start)
            if line_end < 0:
                line_end = len(data)
            tab = data.find(b"\t", line_start, line_end)
            field = data[line_start: tab if tab >= 0 else line_end].rstrip()
            if field == key:
                return data[tab + 1:line_end].decode("utf-8").strip() if tab >= 0 else ""
            if field < key:
                low = line_end + 1
            else:
                high = line_start
        return None

    def _parse(self) -> dict[str, str]:
        table = {}
        for line in self.data[self.start:].decode("utf-8").splitlines():
            key, _, value = line.partition("\t")
            if key.strip():
                table[key.strip()] = value.strip()
        return table


@cache
def sorted_list(name: str) -> SortedList:
    return SortedList(name)


def listed(name: str, word: str) -> bool:
    """Whether a sorted one-entry-a-line list holds a word (a few lookups cost no parsing)."""
    return word in sorted_list(name)


@cache
def json_data(name: str) -> dict:
    return json.loads(_data_text(name))
