"""Duplicates across the inputs of one run: the same release received as a PDF, an e-mail, a web
page, re-wrapped, re-sent with a greeting or with a corrected figure.

Workers sign the body text the summary is computed from (after furniture removal, so letterhead,
"À propos", contacts and navigation do not count): its 5-word shingles of normalised words, as a
MinHash of 128 values. Two releases are the same when the estimated Jaccard similarity of their
shingles reaches THRESHOLD (chosen with `benchmarks/duplicates.py`). The client matches each
signature against the first member of every group found so far through LSH bands kept in a
temporary SQLite file, so its memory does not grow with the run (see docs/scaling.md).

The MinHash is datasketch 2.0's default scheme ("affine32": SHA-1 of each shingle, MurmurHash3's
finaliser, then a * h + b modulo 2^32 with odd a, drawn by NumPy's RandomState with seed 1),
written here with NumPy, which is already a dependency: datasketch would add SciPy and import it
with the package. The benchmark checks that both give the same values. Imported only for runs of
more than one input.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

SIGNATURE_KEY = "_signature"  # travels from the worker to the client inside the result dict, never printed
SHINGLE = 5  # words per shingle: long enough that two releases of one sender share few, short enough that a typo costs few
PERMUTATIONS = 128
ROWS = 4  # MinHash values per LSH band: 32 bands find a pair at J = 0.5 with probability 0.87, at J = 0.6 with 0.99
BANDS = PERMUTATIONS // ROWS
THRESHOLD = 0.5  # estimated Jaccard similarity from which two releases are one (benchmarks/duplicates.py)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Match:
    """Where a release stands in its run: its group and, for a copy, the source of the first one."""

    group: str
    duplicate_of: str | None


class _Marks(dict):
    """str.translate table that deletes combining marks, filled as characters are met (a test per
    character of every release, in Python, was a tenth of the signature's time)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_WITHOUT_MARKS = _Marks()


def normalised_words(text: str) -> list[str]:
    """Words without case, accents or punctuation: what survives a PDF, an HTML page and re-typing."""
    return _WORD.findall(unicodedata.normalize("NFKD", text.casefold()).translate(_WITHOUT_MARKS))


def shingles(words: list[str], size: int = SHINGLE) -> set[str]:
    """Every run of `size` consecutive words (the whole text when it is shorter)."""
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return set(map(" ".join, zip(*(words[i:] for i in range(size)), strict=False)))  # the runs words[i:i + size], without slicing


@cache
def _permutations():
    """datasketch 2.0's "affine32" permutations h -> a * h + b mod 2^32, a odd (a bijection)."""
    import numpy as np

    generator = np.random.RandomState(1)
    a = generator.randint(0, 1 << 31, PERMUTATIONS, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, PERMUTATIONS, dtype=np.uint32)
    return a, b


def _premix(values):
    """MurmurHash3's 32-bit finaliser, applied once before the permutations (as datasketch does)."""
    import numpy as np

    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def signature(text: str) -> bytes | None:
    """The MinHash of a body text: PERMUTATIONS unsigned 32-bit values (512 bytes), or None without words."""
    import numpy as np

    grams = shingles(normalised_words(text))
    if not grams:
        return None
    first_words = b"".join([hashlib.sha1(g.encode("utf-8")).digest()[:4] for g in grams])  # little-endian uint32 each
    hashes = np.frombuffer(first_words, dtype="<u4").astype(np.uint32).reshape(-1, 1)
    a, b = _permutations()
    values = _premix(hashes) * a + b  # uint32 arithmetic: the wrap-around is the modulo 2^32
    return values.min(axis=0).astype("<u4").tobytes()


def similarity(first: bytes, second: bytes) -> float:
    """Estimated Jaccard similarity of two signatures' shingle sets: the share of equal values."""
    import numpy as np

    return float(np.mean(np.frombuffer(first, dtype="<u4") == np.frombuffer(second, dtype="<u4")))


def group_id(first: bytes | None, source: str) -> str:
    """A stable id for a group: from the first member's signature (its content), or its source when it has no words."""
    return hashlib.sha1(first if first is not None else source.encode("utf-8", "replace")).hexdigest()[:16]


def band_keys(value: bytes) -> list[int]:
    """One signed 64-bit key per LSH band, from its ROWS values and its number: two releases that
    share one are compared. (Not a cryptographic hash: a collision only costs one comparison.)"""
    import numpy as np

    rows = np.frombuffer(value, dtype="<u4").astype(np.uint64).reshape(BANDS, ROWS)
    with np.errstate(over="ignore"):
        keys = np.arange(BANDS, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        for column in range(ROWS):
            keys = (keys ^ rows[:, column]) * np.uint64(0xBF58476D1CE4E5B9)
            keys ^= keys >> np.uint64(31)
    return keys.view(np.int64).tolist()


class Matcher:
    """Groups signatures in arrival order. Only the first member of a group is kept (its signature,
    source and group id, about 600 bytes), with its band keys; both live in a private temporary
    SQLite database on disk with a bounded page cache, so memory stays flat however long the run."""

    CACHE_KIB = 64 * 1024  # the bound on the index in memory (measured: docs/scaling.md)

    def __init__(self, threshold: float = THRESHOLD) -> None:
        import sqlite3

        self.threshold = threshold
        self._db = sqlite3.connect("")  # "": a private file SQLite deletes on close
        self._db.executescript(
            f"PRAGMA cache_size=-{self.CACHE_KIB}; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE firsts (id INTEGER PRIMARY KEY, signature BLOB, source TEXT, grp TEXT);"
            "CREATE TABLE bands (key INTEGER, first INTEGER, PRIMARY KEY (key, first)) WITHOUT ROWID;")
        self._lookup = f"SELECT DISTINCT first FROM bands WHERE key IN ({', '.join('?' * BANDS)})"

    def match(self, source: str, value: bytes | None) -> Match:
        """The group of this release: a copy's first member's when one is similar enough, else a new one."""
        if value is None:
            return Match(group_id(None, source), None)
        keys = band_keys(value)
        candidates = {row[0] for row in self._db.execute(self._lookup, keys)}  # one indexed query for the 32 bands
        best: tuple[float, int] | None = None
        for first in sorted(candidates):
            other = self._db.execute("SELECT signature FROM firsts WHERE id = ?", (first,)).fetchone()[0]
            score = similarity(value, other)
            if score >= self.threshold and (best is None or score > best[0]):
                best = (score, first)
        if best is not None:
            group, first_source = self._db.execute("SELECT grp, source FROM firsts WHERE id = ?", (best[1],)).fetchone()
            return Match(group, first_source)
        group = group_id(value, source)
        cursor = self._db.execute("INSERT INTO firsts (signature, source, grp) VALUES (?, ?, ?)", (value, source, group))
        self._db.executemany("INSERT OR IGNORE INTO bands VALUES (?, ?)", [(k, cursor.lastrowid) for k in keys])
        return Match(group, None)

    def close(self) -> None:
        self._db.close()


def mark(results: Iterable[tuple[Any, dict[str, Any]]], matcher: Matcher | None = None) -> Iterator[tuple[Any, dict[str, Any]]]:
    """The same (input, result) pairs, each result with its "group" and "duplicate_of" and without
    the signature the worker attached. Error records pass unchanged."""
    own = matcher is None
    matcher = matcher or Matcher()
    try:
        for item, result in results:
            if "error" not in result:
                found = matcher.match(result["source"], result.pop(SIGNATURE_KEY, None))
                result["group"], result["duplicate_of"] = found.group, found.duplicate_of
            result.pop(SIGNATURE_KEY, None)
            yield item, result
    finally:
        if own:
            matcher.close()
        close = getattr(results, "close", None)
        if close is not None:
            close()  # closing the marked stream stops the batch behind it (its pool) at once


def session_marker(matcher: Matcher) -> Callable[[Any, dict[str, Any]], dict[str, Any]]:
    """The per-result hook of `--watch`: each result marked against every release the session has
    seen; a file that changed is a new version of itself, not its own copy."""
    def marked(item: Any, result: dict[str, Any]) -> dict[str, Any]:
        source = result["source"]
        result = next(mark([(item, result)], matcher))[1]
        if result.get("duplicate_of") == source:
            result["duplicate_of"] = None
        return result

    return marked


class GroupsFile:
    """`_groups.jsonl` beside the part files of `--records -o`: one line a record, {"id", "source",
    "group", "duplicate_of"}, in input order. Written as the parts come in to a hidden temporary
    file (memory stays flat), renamed into place (or uploaded) once the job is complete: whole or
    absent, like a part."""

    NAME = "_groups.jsonl"  # "_": Parquet readers (pyarrow, Dask) skip it when they read the folder as a dataset

    def __init__(self, out_dir: str) -> None:
        import tempfile

        self.out_dir = out_dir
        self.remote = "://" in out_dir
        if not self.remote:
            os.makedirs(out_dir, exist_ok=True)
        self.matcher = Matcher()
        self.duplicates = 0
        handle, self._temp = tempfile.mkstemp(prefix=".groups-", suffix=".tmp", dir=None if self.remote else out_dir)
        self._stream = os.fdopen(handle, "w", encoding="utf-8")

    def add(self, signatures: Iterable[tuple[str, str | None, bytes | None]]) -> None:
        for source, record_id, value in signatures:
            found = self.matcher.match(source, value)
            self.duplicates += found.duplicate_of is not None
            line = {"id": record_id, "source": source, "group": found.group, "duplicate_of": found.duplicate_of}
            self._stream.write(json.dumps(line, ensure_ascii=False) + "\n")

    def finish(self) -> str:
        """Put the file in place; return where it is."""
        self._stream.close()
        self.matcher.close()
        try:
            if not self.remote:
                target = os.path.join(self.out_dir, self.NAME)
                os.replace(self._temp, target)
                return target
            from fsspec.core import url_to_fs  # an object store: one upload, atomic there

            fs, root = url_to_fs(self.out_dir)
            fs.put_file(self._temp, f"{root.rstrip('/')}/{self.NAME}")
            return f"{self.out_dir.rstrip('/')}/{self.NAME}"
        finally:
            self.discard()

    def discard(self) -> None:
        """An interrupted or failed job leaves no groups file and no temporary one."""
        self._stream.close()
        self.matcher.close()
        try:
            os.unlink(self._temp)
        except OSError:
            pass
