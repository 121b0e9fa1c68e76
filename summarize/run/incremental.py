"""Incremental runs with --output-dir: skip the inputs whose result files are still current.

A small JSON manifest in the output folder remembers, for each input it wrote, the input's size
and modification time and the result files made from it (with their own size and time). The
next run with the same options and the same version skips an input when all of that still
holds; anything else (a changed or touched input, a result deleted or replaced, other options,
another version, a manifest that cannot be read) means the input is redone. Imported only
with -o, so the single-file path never loads it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .batch import Input, Options, replace_atomically

MANIFEST = ".summarize.manifest.json"  # hidden: never read back as an input, nor listed among results
MANIFEST_VERSION = 1

Stamp = tuple[int, int]  # (size in bytes, modification time in ns)


def stamp(path: str | os.PathLike[str]) -> Stamp | None:
    """What tells a changed file from an unchanged one without reading it; None when it is gone."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def fingerprint(options: Options, fmt: str, version: str) -> str:
    """One string for everything that shapes a result file: options, format and version. Whether
    copies are looked for is left out: it follows the number of inputs of a run (a folder, the same
    folder watched), and a result's summary does not depend on it."""
    shaping = {key: value for key, value in asdict(options).items() if key not in ("dedup", "dedup_attachments")}
    described = json.dumps({"options": shaping, "format": fmt, "version": version}, sort_keys=True)
    return hashlib.sha256(described.encode("utf-8")).hexdigest()[:32]


@dataclass
class Entry:
    """What one input left in the output folder last time."""

    input: Stamp
    results: dict[str, Stamp]  # result file, relative to the output folder -> its stamp after writing
    index: list[dict[str, Any]] = field(default_factory=list)  # its rows of the HTML index, {"row", "page"} (-f html only)


class Manifest:
    """The output folder's memory of earlier runs (in memory only when `out_dir` is None: --watch to stdout)."""

    def __init__(self, out_dir: Path | None, key: str, entries: dict[str, Entry] | None = None) -> None:
        self.out_dir = out_dir
        self.key = key
        self.entries: dict[str, Entry] = entries or {}
        self.changed = False

    @classmethod
    def load(cls, out_dir: Path, key: str) -> Manifest:
        """The manifest of out_dir when it was made with the same fingerprint; else an empty one."""
        try:
            data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
            if data.get("manifest") != MANIFEST_VERSION or data.get("fingerprint") != key:
                return cls(out_dir, key)
            entries = {source: Entry(tuple(e["input"]), {name: tuple(s) for name, s in e["results"].items()}, e.get("index", []))
                       for source, e in data["inputs"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return cls(out_dir, key)  # absent, unreadable or from another layout: everything is redone
        return cls(out_dir, key, entries)  # type: ignore[arg-type]

    def split(self, inputs: list[Input], target: Callable[[Input], Path | None]) -> tuple[list[tuple[Input, Stamp | None]], list[Input]]:
        """(inputs to summarize with their stamp taken now, inputs still up to date). Inputs that
        share a result file (two `x.txt` in different folders) are always redone, in order, so the
        file ends as it would without the manifest: the last one wins."""
        claims: Counter[str] = Counter()
        for item in inputs:
            names = {self._relative(path) for path in [target(item)] if path is not None}
            names.update(self.entries.get(key_of(item), Entry((0, 0), {})).results)
            claims.update(names)
        todo: list[tuple[Input, Stamp | None]] = []
        current: list[Input] = []
        for item in inputs:
            now = stamp(item.source) if item.source != "-" and not item.error else None
            entry = self.entries.get(key_of(item))
            shared = entry is not None and any(claims[name] > 1 for name in entry.results)
            if now is not None and entry is not None and not shared and self._fresh(entry, now):
                current.append(item)
            else:
                todo.append((item, now))
        return todo, current

    def _fresh(self, entry: Entry, now: Stamp) -> bool:
        if entry.input != now:
            return False
        if self.out_dir is None:
            return True
        for name, recorded in entry.results.items():
            found = stamp(self.out_dir / name)
            if found != recorded or found[1] < now[1]:  # deleted, replaced, or older than its input
                return False
        return True

    def record(self, item: Input, input_stamp: Stamp | None, results: Iterable[Path], index: list[dict[str, Any]]) -> None:
        """Remember an input whose every result was written; an input that failed is forgotten (redone next time)."""
        if input_stamp is None:
            return
        written: dict[str, Stamp] = {}
        for path in results:
            found = stamp(path)
            if found is None:
                return
            written[self._relative(path)] = found
        self.entries[key_of(item)] = Entry(input_stamp, written, index)
        self.changed = True

    def forget(self, item: Input) -> None:
        if self.entries.pop(key_of(item), None) is not None:
            self.changed = True

    def index_rows(self, item: Input) -> list[dict[str, Any]]:
        entry = self.entries.get(key_of(item))
        return entry.index if entry else []

    def save(self) -> None:
        """Write the manifest whole (temporary file, then rename), only when something changed."""
        if self.out_dir is None or not self.changed:
            return
        data = {"manifest": MANIFEST_VERSION, "fingerprint": self.key,
                "inputs": {source: asdict(entry) for source, entry in sorted(self.entries.items())}}
        text = json.dumps(data, ensure_ascii=False, indent=1)

        def write(temp: str) -> None:
            with open(temp, "w", encoding="utf-8") as stream:
                stream.write(text)

        replace_atomically(self.out_dir / MANIFEST, write)
        self.changed = False

    def _relative(self, path: Path) -> str:
        if self.out_dir is None:
            return os.fspath(path)
        return path.relative_to(self.out_dir).as_posix()


def key_of(item: Input) -> str:
    """Inputs are known by their absolute path: the same file named from another folder is the same input."""
    return "-" if item.source == "-" else os.path.abspath(item.source)


@dataclass
class Plan:
    """One run's decision: what is redone, what is kept, and the bookkeeping as results come back."""

    manifest: Manifest
    todo: list[tuple[Input, Stamp | None]]
    current: list[Input]  # up to date: not summarized again
    order: list[Input]  # every input, as given (the HTML index lists them in this order)
    stamps: dict[str, Stamp | None] = field(default_factory=dict)

    def finished(self, item: Input, written: list[Path], rows: list[dict[str, Any]], ok: bool) -> None:
        """An input's last result is out: remember it when all went well, forget it otherwise."""
        if ok:
            self.manifest.record(item, self.stamps.get(key_of(item)), written, rows)
        else:
            self.manifest.forget(item)


def make_plan(manifest: Manifest, inputs: list[Input], target: Callable[[Input], Path | None], force: bool = False,
              order: list[Input] | None = None) -> Plan:
    """Split the inputs against the manifest (--force: redo them all); `order` lists every input
    the HTML index shows (default: these)."""
    if force:
        todo = [(item, stamp(item.source) if item.source != "-" and not item.error else None) for item in inputs]
        current: list[Input] = []
    else:
        todo, current = manifest.split(inputs, target)
    return Plan(manifest, todo, current, inputs if order is None else order, {key_of(item): now for item, now in todo})
