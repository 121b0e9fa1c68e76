"""Watch a folder (--watch): tell when a file that appeared or changed is completely written.

The operating system's notifications come through `watchfiles` (imported only here, only for
--watch). A notification says a file changed, not that its writer is done: a file is handed on
once its size and modification time have stayed the same for `settle` seconds, looked at twice
at least, with no notification in between. Writers that save under a temporary or hidden name
and rename at the end (browsers, rsync, most mail clients) are seen once, whole, at the rename.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .batch import Input, chosen, walk_files

WATCH_EXTRA = "pip install 'summarize-communiques[watch]'"
SETTLE = 2.0  # seconds a file must stay unchanged before it is read
WAKE_MS = 250  # how often the watcher looks at files still settling when no notification comes

Stamp = tuple[int, int]
ResultHook = Callable[[Input, dict[str, Any]], dict[str, Any]]


def keep(item: Input, result: dict[str, Any]) -> dict[str, Any]:
    """The default per-result hook: the result as it is. A duplicate matcher (issue 26) replaces it
    to mark a release already seen ("group", "duplicate_of") before the result is written."""
    return result


@dataclass
class Settling:
    """A file that changed and is not read yet."""

    stamp: Stamp | None
    since: float  # when its stamp (or a notification) last changed, in time.monotonic()
    looks: int = 0  # looks since then


class Inbox:
    """The files of a watched folder waiting to be complete."""

    def __init__(self, folder: Path, select: Callable[[Path], Input | None], settle: float = SETTLE,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.folder = folder
        self.select = select
        self.settle = settle
        self.clock = clock
        self.pending: dict[Path, Settling] = {}

    def existing(self, skip_dirs: tuple[Path, ...] = ()) -> None:
        """What is already in the folder: a file untouched for `settle` seconds is ready at once."""
        now, wall = self.clock(), time.time()
        for path in walk_files(self.folder, skip_dirs):
            found = _stamp(path)
            if found is not None and self.select(path) is not None:
                age = max(0.0, wall - found[1] / 1e9)
                self.pending[path] = Settling(found, now - age, looks=1)

    def changed(self, paths: Iterator[Path]) -> None:
        """Notifications: each of these files starts settling again."""
        now = self.clock()
        for path in paths:
            if self.select(path) is not None:
                self.pending[path] = Settling(_stamp(path), now)

    def ready(self) -> list[Input]:
        """The files whose stamp has not moved for `settle` seconds, in path order; gone files are dropped."""
        now = self.clock()
        done: list[Input] = []
        for path, state in list(self.pending.items()):
            found = _stamp(path)
            if found is None:
                del self.pending[path]
            elif found != state.stamp:
                self.pending[path] = Settling(found, now)
            else:
                state.looks += 1
                if state.looks >= 2 and now - state.since >= self.settle:
                    del self.pending[path]
                    item = self.select(path)
                    if item is not None:
                        done.append(item)
        return sorted(done, key=lambda item: os.fsencode(item.source))


def selector(folder: Path, globs: tuple[str, ...], excludes: tuple[str, ...], skip_dirs: tuple[Path, ...]) -> Callable[[Path], Input | None]:
    """The rule folders follow in a batch (hidden entries skipped, supported files or --glob,
    --exclude, the output folder left out), as a function of one path."""
    root = folder.resolve()
    skipped = tuple(d.resolve() for d in skip_dirs)

    def select(path: Path) -> Input | None:
        try:
            resolved = path.resolve()
            relative = resolved.relative_to(root)
        except (OSError, ValueError):
            return None
        if any(part.startswith(".") for part in relative.parts) or any(resolved.is_relative_to(d) for d in skipped):
            return None
        if not path.is_file() or not chosen(path, relative.as_posix(), globs, excludes):
            return None
        return Input(os.fspath(path), relative.as_posix())

    return select


def batches(inbox: Inbox, stop: Any, skip_dirs: tuple[Path, ...] = ()) -> Iterator[list[Input]]:
    """Lists of complete files: first what is already there (possibly an empty list: the watcher
    is running from then on), then what appears or changes, until `stop` (a threading.Event) is
    set. Raises ImportError when watchfiles is not installed."""
    import watchfiles

    notifications = watchfiles.watch(inbox.folder, watch_filter=None, stop_event=stop, rust_timeout=WAKE_MS,
                                     yield_on_timeout=True, raise_interrupt=True, debounce=400)
    first = True
    for changes in notifications:  # the watcher is running from here: nothing dropped now is missed
        if first:
            inbox.existing(skip_dirs)
        inbox.changed(Path(path) for change, path in changes if change != watchfiles.Change.deleted)
        ready = inbox.ready()
        if ready or first:
            yield ready
        first = False


def _stamp(path: Path) -> Stamp | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns
