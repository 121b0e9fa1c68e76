"""Batch stage: find the inputs, summarize them (in worker processes), write result files.

Results stream back in input order through a bounded window of futures, so memory stays
bounded whatever the number of files; one bad file yields an error record, never a stop.
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import InputError
from ..read.reading import DEFAULT_MAX_SIZE, RawText

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

T = TypeVar("T")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_TOO_BIG = "input too large or too deeply nested to process"


@dataclass(frozen=True)
class Options:
    sentences: int = 3
    topics: int = 5
    algorithm: str = "pyramid"
    language: str = "auto"
    words: int | None = None
    ratio: float | None = None
    explain: bool = False
    max_size: int = DEFAULT_MAX_SIZE
    document: bool = False  # keep the whole release in reading order (the HTML page shows it)
    dedup: bool = False  # attach the duplicate signature of the body (run/dedup.py) for the client to match
    dedup_attachments: bool = False  # one input alone: match an e-mail's body and attachments among themselves


@dataclass(frozen=True)
class Input:
    """One thing to summarize: a path or '-', and its path relative to the folder it came from."""

    source: str
    relative: str
    error: str | None = None
    shown: str | None = None  # the path as the user gave it, when `source` was made absolute for a remote worker

    def remote(self) -> Input:
        """The same input, readable from a worker whose working folder is not ours."""
        if self.source == "-" or os.path.isabs(self.source):
            return self
        return Input(os.path.abspath(self.source), self.relative, self.error, self.source)


def display_path(path: str | os.PathLike[str]) -> str:
    """A printable path even when the file name is not valid UTF-8."""
    return os.fsdecode(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def iter_inputs(paths: list[str], globs: tuple[str, ...] = (), excludes: tuple[str, ...] = (),
                skip_dirs: tuple[Path, ...] = ()) -> Iterator[Input]:
    """Every input named on the command line, folders expanded (recursive, sorted, no hidden)."""
    for path in paths:
        if path == "-":
            yield Input("-", "stdin")
            continue
        if os.path.isdir(path):
            found = False
            for file_path in walk_files(Path(path), skip_dirs):
                rel = file_path.relative_to(path).as_posix()
                if not chosen(file_path, rel, globs, excludes):
                    continue
                found = True
                yield Input(os.fspath(file_path), rel)
            if not found:
                yield Input(path, Path(path).name, error=f"{display_path(path)}: no supported text file in this folder")
        else:
            yield Input(path, Path(path).name)


def chosen(file_path: Path, rel: str, globs: tuple[str, ...] = (), excludes: tuple[str, ...] = ()) -> bool:
    """Whether a file found in a folder is an input: it matches --glob (or has a supported
    extension) and no --exclude."""
    from ..read.readers import SUPPORTED_EXTENSIONS

    name = file_path.name
    if globs and not any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(rel, g) for g in globs):
        return False
    if not globs and file_path.suffix.lower() not in SUPPORTED_EXTENSIONS:
        return False
    return not any(fnmatch.fnmatch(name, e) or fnmatch.fnmatch(rel, e) for e in excludes)


def walk_files(root: Path, skip_dirs: tuple[Path, ...] = ()) -> Iterator[Path]:
    """Regular files below root, sorted; hidden entries, symlinked folders and special files skipped."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: os.fsencode(e.name))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                sub = Path(entry.path)
                if any(_same(sub, skip) for skip in skip_dirs):
                    continue
                yield from walk_files(sub, skip_dirs)
            elif entry.is_file(follow_symlinks=True) and stat.S_ISREG(os.stat(entry.path).st_mode):
                yield Path(entry.path)
        except OSError:
            continue  # vanished or unreadable entry, or a symlink loop: skipped


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def summarize_input(item: Input, options: Options, stdin_data: bytes | None = None) -> list[dict[str, Any]]:
    """The JSON objects for one input (an e-mail adds one per attachment), or its error record.

    Never raises for bad input: every failure becomes {"source", "error"}."""
    from ..read.reading import read_bytes, read_text

    source = "-" if item.source == "-" else display_path(item.shown or item.source)
    if item.error:
        return [{"source": source, "error": item.error}]
    try:
        if item.source == "-" and len(stdin_data or b"") > options.max_size:
            raise InputError("stdin: input too large (see --max-size)")
        raw = read_bytes(stdin_data or b"", "stdin") if item.source == "-" else read_text(item.source, options.max_size)
    except InputError as exc:
        return [{"source": source, "error": _clean_message(str(exc), item.source, source)}]
    except (RecursionError, MemoryError):
        return [{"source": source, "error": _TOO_BIG}]
    marking = bool(raw.attachments) and options.dedup_attachments and not options.dedup
    if marking:
        options = replace(options, dedup=True)  # the release often comes twice: in the body and as the attached PDF
    results = [summarize_raw(raw, source, options)] if raw.text.strip() else []
    for name, attachment in raw.attachments:
        part_source = f"{source}#{display_path(name)}"
        if isinstance(attachment, str):
            result = {"source": part_source, "error": _clean_message(attachment, item.source, source)}
        else:
            result = summarize_raw(attachment, part_source, options)
        result["attachment"] = display_path(name)
        results.append(result)
    if marking:
        from .dedup import mark

        results = [result for _, result in mark((None, r) for r in results)]
    return results


def summarize_raw(raw: RawText, source: str, options: Options) -> dict[str, Any]:
    from ..pipeline import summarize_text

    try:
        summary = summarize_text(
            raw.text, options.sentences, options.topics, algorithm=options.algorithm, language=options.language,
            words_budget=options.words, ratio=options.ratio, explain=options.explain, source=source,
            title=raw.headline, document=options.document,
        )
    except (RecursionError, MemoryError):
        return {"source": source, "error": _TOO_BIG}
    result = summary.to_dict()
    if options.dedup:
        from .dedup import SIGNATURE_KEY, signature

        result[SIGNATURE_KEY] = signature(summary.body_text)
    if raw.metadata:
        result["metadata"] = dict(raw.metadata)
        dated_line = (result["facts"].get("dateline") or {}).get("iso")  # a dateline with a place only ("BELLEVUE, Wash. —") dates nothing
        if not dated_line and _ISO_DATE.match(raw.metadata.get("date", "")):
            result["facts"]["date"] = raw.metadata["date"][:10]  # the date the format states is the release's, not a date of its body
        if raw.metadata.get("format") == "markdown" and raw.metadata.get("sitename"):
            _add_sender(result["facts"], raw.metadata["sitename"])
    if raw.warnings:
        result["warnings"] = result.get("warnings", []) + raw.warnings
    return result


def _add_sender(facts: dict[str, Any], site_name: str) -> None:
    """The site a scraped release comes from, named after its headline and spelt by its address
    ("… – Droit Au Logement" on droitaulogement.org), is its sender: an organisation of the release."""
    organisations = facts.setdefault("organisations", [])
    lowered = site_name.lower()
    if not any(lowered in (org["name"] + " " + (org.get("expansion") or "")).lower() for org in organisations):
        organisations.append({"name": site_name, "expansion": None})


def _clean_message(message: str, raw_source: str, shown_source: str) -> str:
    """Error messages name the input as the user sees it (non-UTF-8 names made printable)."""
    if raw_source == "-":
        return message
    return message.replace(raw_source, shown_source) if raw_source in message else message


def _worker(args: tuple[list[Input], Options]) -> list[list[dict[str, Any]]]:
    chunk, options = args
    return [summarize_input(item, options) for item in chunk]


CHUNK = 8  # inputs a worker takes at a time: fewer round trips, still a short wait for the first result
# Chunks submitted ahead per worker. Results are taken in input order, so a slow chunk holds the
# window: with 3 a worker could run dry behind it (1,500 articles, -j 2: ~6 % slower than with 8).
CHUNKS_IN_FLIGHT_PER_JOB = 8


class Interrupts:
    """Ctrl-C as a request, not an exception: the first one sets a flag that the batch checks at
    safe points (between results, while waiting for a worker), so an interrupt can never land
    half-way through writing a file or be lost in a thread; a second one stops at once.
    Install it from the main thread only."""

    def __init__(self) -> None:
        import threading

        self.requested = threading.Event()
        self.forced = False  # a second Ctrl-C: raised wherever the program was, maybe inside an input
        self._previous = None

    def __enter__(self) -> Interrupts:
        import signal

        self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        import signal

        signal.signal(signal.SIGINT, self._previous)

    def _handle(self, signum: int, frame: object) -> None:
        if self.requested.is_set():
            self.forced = True
            raise KeyboardInterrupt  # a second Ctrl-C: the user will not wait
        self.requested.set()

    def check(self) -> None:
        """Raise KeyboardInterrupt here, at a safe point, if Ctrl-C was pressed."""
        if self.requested.is_set():
            raise KeyboardInterrupt


WAIT_SLICE = 0.1  # seconds between two looks at the interrupt flag while a worker computes


def run(inputs: Iterator[Input], options: Options, jobs: int, stdin_data: bytes | None = None,
        interrupts: Interrupts | None = None, executor: Executor | None = None) -> Iterator[tuple[Input, dict[str, Any]]]:
    """(input, result) pairs in input order; in a pool of `jobs` processes when that can help, or
    on the given executor (a Dask cluster's). Without `interrupts` (library use), Ctrl-C is a
    plain KeyboardInterrupt."""
    items = iter(inputs)
    first = list(_take(items, 2))
    check = interrupts.check if interrupts else _never
    if executor is None and (jobs <= 1 or len(first) < 2):
        for item in (*first, *items):
            check()
            for result in summarize_input(item, options, stdin_data):
                yield item, result
        return
    own = executor is None
    if own:
        _preload(options)
    pool = executor or local_executor(jobs)

    def submissions() -> Iterator[tuple[list[Input], Future]]:
        pending: list[Input] = []
        for item in (*first, *items):
            if item.source == "-":  # stdin is read by this process, in its place in the order
                if pending:
                    yield pending, submit(pool, _worker, (pending, options))
                    pending = []
                yield [item], done_future([summarize_input(item, options, stdin_data)])
            else:
                pending.append(item if own else item.remote())
                if len(pending) == CHUNK:
                    yield pending, submit(pool, _worker, (pending, options))
                    pending = []
        if pending:
            yield pending, submit(pool, _worker, (pending, options))

    try:
        for chunk, outcome in in_order(submissions(), jobs * CHUNKS_IN_FLIGHT_PER_JOB, check):
            results = outcome if not isinstance(outcome, BaseException) else [_lost(item, outcome) for item in chunk]
            for item, item_results in zip(chunk, results, strict=True):
                for result in item_results:
                    yield item, result
    finally:
        if own:
            pool.shutdown(wait=True, cancel_futures=True)


def _lost(item: Input, exc: BaseException) -> list[dict[str, Any]]:
    """A chunk whose task failed outside the pipeline (a worker that kept dying): one error each."""
    return [{"source": display_path(item.source), "error": f"{display_path(item.source)}: task failed ({type(exc).__name__}: {exc})"}]


def _preload(options: Options) -> None:
    """Import and load here, before the workers are forked, what each of them would otherwise do on
    its own: the stages' modules, the tagger's weights, NumPy for the signatures (which this process
    needs anyway to match them). The forked workers share it; the single-file path never comes here."""
    from .. import pipeline  # noqa: F401
    from ..extract import facts, organisations, topics  # noqa: F401
    from ..grammar import chunking, tagging  # noqa: F401

    tagging.model()
    if options.dedup:
        import numpy  # noqa: F401


def local_executor(jobs: int) -> Executor:
    """A pool of forked worker processes that leave Ctrl-C to this one."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker)


def in_order(submissions: Iterator[tuple[T, Future]], window: int, check: Callable[[], None] = lambda: None
             ) -> Iterator[tuple[T, Any]]:
    """(tag, result) in submission order, at most `window` tasks in flight, so memory stays bounded
    whatever the number of tasks. A task that raised gives its exception as the result; the
    interrupt check runs while waiting. Tasks still queued are cancelled when the caller stops."""
    window = max(1, window)
    queue: deque[tuple[T, Future]] = deque()
    try:
        for submission in submissions:
            queue.append(submission)
            while len(queue) >= window:
                tag, future = queue.popleft()
                yield tag, _outcome(future, check)
        while queue:
            tag, future = queue.popleft()
            yield tag, _outcome(future, check)
    finally:
        for _, future in queue:
            future.cancel()


def _outcome(future: Future, check: Callable[[], None]) -> Any:
    from concurrent.futures import wait

    while not wait([future], timeout=WAIT_SLICE).done:
        check()
    check()
    try:
        return future.result()
    except KeyboardInterrupt:
        raise
    except Exception as exc:  # a lost worker, a task the cluster gave up on: the caller reports it
        return exc


class InlineExecutor:
    """Runs each task at submission, in this process: the one-worker case of any executor."""

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        from concurrent.futures import Future

        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except Exception as exc:
            future.set_exception(exc)
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        return None


def submit(executor: Any, fn: Callable[..., Any], *args: Any) -> Future:
    """executor.submit, except that a pool that cannot take tasks any more (a worker process was
    killed: BrokenProcessPool) gives a failed future, which the batch reports, instead of a crash."""
    from concurrent.futures import Future

    try:
        return executor.submit(fn, *args)
    except (RuntimeError, OSError) as exc:  # BrokenExecutor is a RuntimeError
        future: Future = Future()
        future.set_exception(exc)
        return future


def done_future(value: Any) -> Future:
    from concurrent.futures import Future

    future: Future = Future()
    future.set_result(value)
    return future


def _never() -> None:
    return None


# A worker builds hundreds of thousands of short-lived objects per hundred releases (tokens, tags,
# phrases) on top of the tagger's tables; with CPython's default first threshold (700) the cyclic
# collector ran often enough to cost ~5 % of a batch (1,500 OrangeSum articles, alternating runs).
# Nothing here depends on when cycles are freed; the memory a larger threshold holds is small.
WORKER_GC_THRESHOLD = (50_000, 20, 100)


def _start_worker() -> None:
    """Workers leave Ctrl-C to the main process, which stops the pool and reports once; and they
    collect cycles less often (WORKER_GC_THRESHOLD)."""
    import gc
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.set_threshold(*WORKER_GC_THRESHOLD)


def _take(iterator: Iterator[Input], count: int) -> Iterator[Input]:
    for _ in range(count):
        try:
            yield next(iterator)
        except StopIteration:
            return


def output_path(out_dir: Path, item: Input, fmt: str, part: str | None = None) -> Path:
    """Where --output-dir puts the result of an input (or of one of its attachments): mirrored,
    never outside out_dir."""
    from ..render import EXTENSIONS

    relative = Path(item.relative)
    parts = [p for p in relative.parts if p not in ("", ".", "..") and not p.startswith("/")]
    if not parts:
        parts = ["stdin"]
    name = Path(*parts)
    attachment = f"#{part.replace('/', '_').replace(os.sep, '_')}" if part else ""  # message#rapport.pdf
    target = out_dir / name.parent / f"{name.stem}{attachment}.summary.{EXTENSIONS[fmt]}"
    if not target.resolve().is_relative_to(out_dir.resolve()):
        raise InputError(f"{item.relative}: unsafe output path")
    return target


def write_atomic(target: Path, content: str, protected: set[Path]) -> None:
    """Write through a temporary file and rename, so a result file is whole or absent."""
    if target.resolve() in protected:
        raise InputError(f"{target}: refusing to overwrite an input file")

    def write(temp: str) -> None:
        with open(temp, "w", encoding="utf-8") as stream:
            stream.write(content)

    replace_atomically(target, write)


def replace_atomically(target: Path, write: Callable[[str], None], prefix: str = ".summarize-") -> None:
    """Let `write` fill a hidden temporary file next to target, then rename it into place: a reader
    (or a crash) never sees half a file; a failed write leaves nothing behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # only when writing files: 2 ms of the cold start otherwise

    handle, temp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
    os.close(handle)
    try:
        write(temp)
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
