"""Record corpora (JSONL, CSV, Parquet): one record = one release.

The client plans partitions from file sizes and Parquet footers only; the workers read them,
so a corpus never passes through the client. A partition is the unit of work everywhere: a
local process pool and a Dask cluster run the same `run_partition`, so they give the same
results. Nothing here imports Dask; pyarrow is imported only for Parquet, fsspec only for URLs.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import os
import sys
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import InputError
from .batch import Options, display_path, replace_atomically, submit, summarize_raw

RECORD_KINDS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}
DEFAULT_PARTITION_SIZE = 1024 * 1024  # bytes of input per task: about 400 releases, a few seconds of work (short tail)
PART_PATTERN = "part-*.parquet"
JOB_FILE = ".summarize.job.json"  # which job the part files of a folder belong to (hidden: Parquet readers skip it)
DASK_EXTRA = "pip install 'summarize-communiques[dask]'"


@dataclass(frozen=True)
class Fields:
    """Which record fields hold the release, its id and its headline."""

    text: str = "text"
    id: str = "id"
    title: str = "title"


@dataclass(frozen=True)
class Partition:
    """A slice of one corpus file that one task reads: small enough to send to any worker."""

    index: int  # order in the job; names the part file
    url: str  # absolute local path or fsspec URL: what a worker opens
    kind: str  # jsonl | csv | parquet
    compressed: bool = False  # .gz: read whole, never split
    start: int = 0  # first byte (jsonl) or first row of the row group (parquet)
    stop: int | None = None  # end byte (jsonl) or end row (parquet); None: to the end
    row_group: int | None = None
    first_row: int = 1  # number of the first record's line (jsonl), record (csv) or row (parquet), from 1
    records: int | None = None  # known once planned (parquet) or scanned (text formats)
    name: str = ""  # the file as the user named it: what results and messages show

    @property
    def origin(self) -> str:
        return display_path(self.name or self.url)


@dataclass
class PartitionOutcome:
    """What a task sends back: the results themselves, or only counts when it wrote a part file."""

    index: int
    records: int
    errors: list[str] = field(default_factory=list)
    results: list[dict[str, Any]] | None = None
    part: str | None = None
    lost: bool = False  # the task itself failed: none of its records was summarized
    signatures: list[tuple[str, str | None, bytes | None]] = field(default_factory=list)  # (source, id, signature) with -o and dedup


# --- finding and planning -------------------------------------------------------------------

def is_url(path: str) -> bool:
    return "://" in path


def kind_of(name: str) -> tuple[str, bool] | None:
    """(kind, compressed) from a file name, or None when it is not a record corpus."""
    lower = name.lower()
    compressed = lower.endswith(".gz")
    stem = lower[:-3] if compressed else lower
    kind = RECORD_KINDS.get(os.path.splitext(stem)[1])
    if kind is None or (compressed and kind == "parquet"):
        return None
    return kind, compressed


def filesystem(url: str):
    """The fsspec filesystem for a URL, with a message naming the package a protocol needs."""
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise InputError(f"{url}: reading URLs needs fsspec ({DASK_EXTRA})") from None
    try:
        return url_to_fs(url)
    except ImportError as exc:
        raise InputError(f"{url}: this protocol needs a package that is not installed ({exc})") from None
    except (ValueError, OSError) as exc:
        raise InputError(f"{url}: {exc}") from None


def list_files(paths: Iterable[str]) -> list[str]:
    """Every corpus file named: files as given, folders and URL globs expanded (sorted)."""
    from .batch import walk_files

    found: list[str] = []
    for path in paths:
        if is_url(path):
            found.extend(_list_url(path))
        elif os.path.isdir(path):
            files = [os.fspath(p) for p in walk_files(Path(path)) if kind_of(p.name)]
            if not files:
                raise InputError(f"{display_path(path)}: no JSONL, CSV or Parquet file in this folder")
            found.extend(files)
        elif not os.path.exists(path):
            raise InputError(f"{display_path(path)}: no such file or folder")
        elif not kind_of(path):
            raise InputError(f"{display_path(path)}: not a record corpus (expected .jsonl, .csv or .parquet, optionally .gz)")
        else:
            found.append(path)
    return found


def _list_url(url: str) -> list[str]:
    fs, path = filesystem(url)
    protocol = url.split("://", 1)[0]
    try:
        if any(c in path for c in "*?["):
            names = sorted(fs.glob(path))
        elif fs.isdir(path):
            names = sorted(fs.find(path))
        elif fs.exists(path):
            names = [path]
        else:
            raise InputError(f"{url}: no such file or folder")
    except OSError as exc:
        raise InputError(f"{url}: {exc}") from None
    files = [f"{protocol}://{name}" for name in names if kind_of(name)]
    if not files:
        raise InputError(f"{url}: no JSONL, CSV or Parquet file there")
    return files


def plan(paths: Iterable[str], partition_size: int = DEFAULT_PARTITION_SIZE) -> list[Partition]:
    """Partitions of every corpus file, in input order: byte ranges of JSONL, row ranges of
    Parquet row groups (from the footer), whole CSV and compressed files."""
    partitions: list[Partition] = []
    for url in list_files(paths):
        kind, compressed = kind_of(url)  # type: ignore[misc]
        located = url if is_url(url) else os.path.abspath(url)
        base = Partition(index=0, url=located, kind=kind, compressed=compressed, name=url)
        if kind == "parquet":
            pieces = _parquet_pieces(base, partition_size)
        elif kind == "jsonl" and not compressed:
            size = _size(url)
            pieces = [replace(base, start=s, stop=min(s + partition_size, size)) for s in range(0, size, partition_size)]
        else:
            pieces = [base]
        first = len(partitions)
        partitions.extend([replace(p, index=first + i) for i, p in enumerate(pieces)])
    return partitions


def _size(url: str) -> int:
    try:
        if is_url(url):
            fs, path = filesystem(url)
            return int(fs.size(path))
        return os.path.getsize(url)
    except OSError as exc:
        raise InputError(f"{display_path(url)}: {exc.strerror or exc}") from None


def _parquet_pieces(base: Partition, partition_size: int) -> list[Partition]:
    """Row groups, split into row ranges of about partition_size bytes of uncompressed data."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(f"{base.origin}: Parquet needs pyarrow ({DASK_EXTRA})") from None
    try:
        with _open(base.url) as handle:
            metadata = pq.ParquetFile(handle).metadata
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        raise InputError(f"{base.origin}: not a readable Parquet file ({exc})") from None
    pieces: list[Partition] = []
    first_row = 1
    for group in range(metadata.num_row_groups):
        meta = metadata.row_group(group)
        rows = meta.num_rows
        per_row = max(1, meta.total_byte_size // max(1, rows))
        step = max(1, partition_size // per_row)
        for start in range(0, rows, step):
            stop = min(rows, start + step)
            pieces.append(replace(base, row_group=group, start=start, stop=stop, first_row=first_row + start, records=stop - start))
        first_row += rows
    return pieces


def _open(url: str) -> BinaryIO:
    if is_url(url):
        fs, path = filesystem(url)
        return fs.open(path, "rb")
    return open(url, "rb")


# --- scanning (text formats): line numbers and record counts ---------------------------------

@dataclass(frozen=True)
class Scan:
    records: int
    newlines: int  # b"\n" in the partition's byte range (jsonl): numbers the next partition's lines
    skipped: int  # newlines before the first line that starts in the range (0 or 1)


def scan_partition(partition: Partition) -> Scan:
    """Count what a text partition holds, in one read; run by the workers before the job."""
    try:
        if partition.kind == "csv":
            return Scan(sum(1 for _ in _csv_rows(partition)), 0, 0)
        stop = partition.stop if partition.stop is not None else sys.maxsize
        records = newlines = skipped = 0
        for position, line, own in _jsonl_lines(partition, with_partial=True):
            records += bool(own and line.strip())
            skipped += not own
            newlines += line.endswith(b"\n") and position + len(line) <= stop
        return Scan(records, 0 if partition.compressed else newlines, skipped)
    except (OSError, ValueError, EOFError, csv.Error):
        return Scan(1, 0, 0)  # the task will report the unreadable partition as one error record


def number_partitions(partitions: list[Partition], scans: list[Scan]) -> list[Partition]:
    """Give text partitions their first line number and record count from the scans."""
    numbered: list[Partition] = []
    newlines_before: dict[str, int] = {}
    for partition, scan in zip(partitions, scans, strict=True):
        if partition.kind == "parquet":
            numbered.append(partition)
            continue
        before = newlines_before.get(partition.url, 0)
        numbered.append(replace(partition, first_row=before + scan.skipped + 1, records=scan.records))
        newlines_before[partition.url] = before + scan.newlines
    return numbered


def _at_line_start(handle: BinaryIO, position: int) -> bool:
    handle.seek(position - 1)
    return handle.read(1) == b"\n"


# --- reading records --------------------------------------------------------------------------

def _jsonl_lines(partition: Partition, with_partial: bool = False) -> Iterator[tuple[int, bytes, bool]]:
    """(byte offset, line, starts in the range) for each line starting in the partition's range;
    with_partial, first the end of the line the previous partition started (not its own)."""
    with _open(partition.url) as raw:
        if partition.compressed:
            handle: BinaryIO = gzip.GzipFile(fileobj=raw)  # type: ignore[assignment]
            position, stop = 0, sys.maxsize
        else:
            handle, position = raw, partition.start
            stop = partition.stop if partition.stop is not None else sys.maxsize
            handle.seek(position)
            if position > 0 and not _at_line_start(handle, position):
                partial = handle.readline()
                if with_partial:
                    yield position, partial, False
                position += len(partial)
        while position < stop:
            line = handle.readline()
            if not line:
                break
            yield position, line, True
            position += len(line)


def _csv_rows(partition: Partition) -> Iterator[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with _open(partition.url) as raw:
        binary = gzip.GzipFile(fileobj=raw) if partition.compressed else raw
        text = io.TextIOWrapper(binary, encoding="utf-8-sig", errors="replace", newline="")
        yield from csv.DictReader(text)


def _parquet_rows(partition: Partition, fields: Fields) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    with _open(partition.url) as handle:
        parquet = pq.ParquetFile(handle)
        wanted = [name for name in (fields.text, fields.id, fields.title) if name in parquet.schema_arrow.names]
        table = parquet.read_row_group(partition.row_group or 0, columns=wanted)
        stop = partition.stop if partition.stop is not None else table.num_rows
        yield from table.slice(partition.start, stop - partition.start).to_pylist()


def read_records(partition: Partition, fields: Fields) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line or row number, record) for each record of a partition; a record that cannot be
    parsed comes as its error message, and the reading goes on."""
    if partition.kind == "parquet":
        for offset, record in enumerate(_parquet_rows(partition, fields)):
            yield partition.first_row + offset, record
    elif partition.kind == "csv":
        for offset, record in enumerate(_csv_rows(partition)):
            yield partition.first_row + offset, record
    else:
        for offset, (_, line, _) in enumerate(_jsonl_lines(partition)):
            if line.strip():
                yield partition.first_row + offset, _parse_json_line(line)


def _parse_json_line(line: bytes) -> dict[str, Any] | str:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return "not valid JSON"
    return record if isinstance(record, dict) else "not a JSON object"


# --- summarizing -----------------------------------------------------------------------------

def summarize_record(record: dict[str, Any] | str, number: int, origin: str, options: Options, fields: Fields) -> dict[str, Any]:
    """The contract's JSON object for one record, with its "id"; a bad record gives its error object."""
    if isinstance(record, str):
        return {"source": f"{origin}#{number}", "id": str(number), "error": f"{origin}: line {number}: {record}"}
    record_id = _identifier(record.get(fields.id), number)
    source = f"{origin}#{record_id}"
    try:
        raw = _record_text(record, fields, source, options.max_size)
    except InputError as exc:
        return {"source": source, "id": record_id, "error": str(exc)}
    title = record.get(fields.title)
    if isinstance(title, str) and title.strip():
        raw = replace(raw, headline=title.strip())
    result = summarize_raw(replace(raw, attachments=[]), source, options)
    return {"source": source, "id": record_id, **{k: v for k, v in result.items() if k != "source"}}


def _identifier(value: Any, number: int) -> str:
    """The record's id as text; its line or row number when it has none."""
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return str(number)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _record_text(record: dict[str, Any], fields: Fields, source: str, max_size: int):
    from ..read.reading import read_bytes

    value = record.get(fields.text)
    if value is None:
        raise InputError(f"{source}: no {fields.text!r} field (see --text-field)")
    if isinstance(value, str):
        data = value.encode("utf-8", "replace")
    elif isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)  # a binary column: a PDF, a Word file or encoded text, read like a file
    else:
        raise InputError(f"{source}: field {fields.text!r} holds a {type(value).__name__}, not text")
    if len(data) > max_size:
        raise InputError(f"{source}: record too large (see --max-size)")
    return read_bytes(data, source)


def summarize_partition(records: Iterable[dict[str, Any]], options: Options | None = None, fields: Fields | None = None,
                        origin: str = "") -> list[dict[str, Any]]:
    """Library entry for pipelines that already hold records (a Dask Bag partition, a list of dicts):
    one result object per record, in order, errors included. `origin` prefixes each source."""
    options = options or Options()
    fields = fields or Fields()
    return [summarize_record(record, number, origin, options, fields) for number, record in enumerate(records, 1)]


def run_partition(partition: Partition, options: Options, fields: Fields, out_dir: str | None = None,
                  run_id: str = "") -> PartitionOutcome:
    """One task: read a partition, summarize each record, then return the results or write them
    as one Parquet part file (whole or absent) and return only counts and error messages."""
    origin = partition.origin
    try:
        results = [summarize_record(record, number, origin, options, fields)
                   for number, record in read_records(partition, fields)]
    except (OSError, ValueError, EOFError, csv.Error) as exc:
        where = f" (bytes {partition.start}-{partition.stop})" if partition.kind == "jsonl" and partition.stop else ""
        results = [{"source": f"{origin}#part-{partition.index}", "id": None,
                    "error": f"{origin}{where}: cannot be read ({_reason(exc)})"}]
    errors = [result["error"] for result in results if "error" in result]
    if out_dir is None:
        return PartitionOutcome(partition.index, len(results), errors, results=results)
    signatures = _signatures(results) if options.dedup else []
    part = write_part(results, out_dir, partition.index, run_id) if results else None
    return PartitionOutcome(partition.index, len(results), errors, part=part, signatures=signatures)


def _signatures(results: list[dict[str, Any]]) -> list[tuple[str, str | None, bytes | None]]:
    """What the client needs to find duplicates among records written to part files: 512 bytes a record."""
    from .dedup import SIGNATURE_KEY

    return [(r["source"], r.get("id"), r.pop(SIGNATURE_KEY, None)) for r in results if "error" not in r]


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


# --- Parquet output ----------------------------------------------------------------------------

def parquet_schema():
    import pyarrow as pa

    text, texts, count = pa.string(), pa.list_(pa.string()), pa.int64()
    return pa.schema([
        ("id", text), ("source", text), ("language", text), ("title", text), ("summary", texts), ("topics", texts),
        ("facts", text), ("sentences", count), ("words", count), ("summary_words", count), ("warnings", texts), ("error", text),
    ])


def flat_row(result: dict[str, Any]) -> dict[str, Any]:
    """A result object as one table row (facts as JSON text, stats as columns)."""
    stats = result.get("stats") or {}
    facts = result.get("facts")
    return {
        "id": result.get("id"), "source": result.get("source"), "language": result.get("language"),
        "title": result.get("title"), "summary": result.get("summary"), "topics": result.get("topics"),
        "facts": json.dumps(facts, ensure_ascii=False) if facts is not None else None,
        "sentences": stats.get("sentences"), "words": stats.get("words"), "summary_words": stats.get("summary_words"),
        "warnings": result.get("warnings"), "error": result.get("error"),
    }


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


def write_part(results: list[dict[str, Any]], out_dir: str, index: int, run_id: str = "") -> str:
    """Write a part file whole or not at all: a hidden temporary file renamed into place locally;
    on an object store a single upload, which is atomic there."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([flat_row(r) for r in results], schema=parquet_schema())
    name = part_name(index)
    if is_url(out_dir):
        fs, root = filesystem(out_dir)
        target = f"{root.rstrip('/')}/{name}"
        with fs.open(target, "wb") as handle:
            pq.write_table(table, handle)
        return f"{out_dir.rstrip('/')}/{name}"
    target = Path(out_dir) / name
    replace_atomically(target, lambda temp: pq.write_table(table, temp), prefix=f".{name}.{run_id or uuid.uuid4().hex}.")
    return str(target)


def existing_parts(out_dir: str) -> list[str]:
    """Part files already in an output folder (a job never mixes its parts with an earlier one's)."""
    if is_url(out_dir):
        fs, root = filesystem(out_dir)
        try:
            return sorted(fs.glob(f"{root.rstrip('/')}/{PART_PATTERN}"))
        except OSError:
            return []
    return sorted(str(p) for p in Path(out_dir).glob(PART_PATTERN)) if os.path.isdir(out_dir) else []


def remove_temporary_parts(out_dir: str, run_id: str = "*") -> None:
    """Temporary files of this run (or of any run: "*") left by a worker killed while writing, and
    the duplicate groups' temporary file of a client killed before it finished (run/dedup.py)."""
    if is_url(out_dir) or not os.path.isdir(out_dir):
        return
    leftovers = list(Path(out_dir).glob(f".part-*.{run_id}.*tmp"))
    if run_id == "*":
        leftovers += Path(out_dir).glob(".groups-*.tmp")
    for leftover in leftovers:
        try:
            leftover.unlink()
        except OSError:
            pass


# --- resuming: the same job into the same folder keeps the parts already written ---------------------

def job_key(partitions: list[Partition], options: Options, fields: Fields, version: str) -> str:
    """What makes two runs the same job: the planned partitions (files as named, byte and row
    ranges), each local file's size and time, the options, the fields and the version. Two runs
    with the same key cut the corpus the same way, so part N holds the same records in both."""
    files = {p.url: _file_stamp(p.url) for p in partitions}
    described = json.dumps({"partitions": [asdict(p) for p in partitions], "files": files, "options": asdict(options),
                            "fields": asdict(fields), "version": version}, sort_keys=True)
    return hashlib.sha256(described.encode("utf-8")).hexdigest()[:32]


def _file_stamp(url: str) -> list[int] | None:
    if is_url(url):
        return None  # an object's size is in the plan already; its time is not always known
    try:
        status = os.stat(url)
    except OSError:
        return None
    return [status.st_size, status.st_mtime_ns]


def read_job(out_dir: str) -> str | None:
    """The key of the job whose parts the folder holds, or None (no job file, or unreadable)."""
    try:
        if is_url(out_dir):
            fs, root = filesystem(out_dir)
            with fs.open(f"{root.rstrip('/')}/{JOB_FILE}", "rb") as handle:
                data = json.loads(handle.read())
        else:
            data = json.loads((Path(out_dir) / JOB_FILE).read_text(encoding="utf-8"))
        return str(data["job"])
    except (OSError, ValueError, KeyError, TypeError, InputError):
        return None


def write_job(out_dir: str, key: str) -> None:
    """Say which job the folder's parts belong to, before the first part is written (whole, like a part)."""
    text = json.dumps({"job": key}) + "\n"
    if is_url(out_dir):
        fs, root = filesystem(out_dir)
        with fs.open(f"{root.rstrip('/')}/{JOB_FILE}", "wb") as handle:
            handle.write(text.encode("utf-8"))
        return
    target = Path(out_dir) / JOB_FILE

    def write(temp: str) -> None:
        with open(temp, "w", encoding="utf-8") as stream:
            stream.write(text)

    replace_atomically(target, write)


def written_parts(out_dir: str) -> dict[int, str]:
    """Part files already in the folder, by partition index, as paths or URLs a worker can open."""
    found: dict[int, str] = {}
    for path in existing_parts(out_dir):
        name = path.rsplit("/", 1)[-1]
        try:
            index = int(name.removeprefix("part-").removesuffix(".parquet"))
        except ValueError:
            continue
        found[index] = f"{out_dir.rstrip('/')}/{name}" if is_url(out_dir) else path
    return found


def check_part(url: str, expected: int | None) -> tuple[int, int] | None:
    """(records, error records) of a part file already written, or None when it cannot be read or
    does not hold its partition's number of records: then the partition is done again."""
    import pyarrow.parquet as pq

    try:
        with _open(url) as handle:
            errors = pq.read_table(handle, columns=["error"]).column("error")
    except (OSError, ValueError, KeyError):
        return None
    rows = len(errors)
    if expected is not None and rows != expected:
        return None
    return rows, rows - errors.null_count


@dataclass
class Kept:
    """Parts of an earlier run of the same job that are kept: whole, with the right count."""

    indices: set[int] = field(default_factory=set)
    records: int = 0
    errors: int = 0


def kept_parts(job: Job, out_dir: str, executor: Any, window: int, check: Callable[[], None] = lambda: None) -> Kept:
    """Check the parts already written (on the workers: they can read the output folder)."""
    from .batch import in_order

    expected = {p.index: p.records for p in job.partitions}
    submissions = ((index, submit(executor, check_part, url, expected[index]))
                   for index, url in sorted(written_parts(out_dir).items()) if index in expected)
    kept = Kept()
    for index, counts in in_order(submissions, window, check):
        if isinstance(counts, tuple):
            kept.indices.add(index)
            kept.records += counts[0]
            kept.errors += counts[1]
    return kept


# --- a job: plan on the client, scan and summarize on the workers ----------------------------------

@dataclass
class Job:
    partitions: list[Partition]
    records: int  # total, for progress
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex)


def prepare(paths: Iterable[str], executor: Any, window: int, partition_size: int = DEFAULT_PARTITION_SIZE,
            check: Callable[[], None] = lambda: None, partitions: list[Partition] | None = None) -> Job:
    """Plan the partitions (unless given), then let the workers count the records of text partitions
    (which also numbers their lines): the client only ever sees file sizes, footers and counts."""
    from .batch import in_order

    partitions = plan(paths, partition_size) if partitions is None else partitions
    submissions = ((p, submit(executor, scan_partition, p)) for p in partitions if p.kind != "parquet")
    scans = {p.index: scan if isinstance(scan, Scan) else Scan(1, 0, 0) for p, scan in in_order(submissions, window, check)}
    numbered = number_partitions(partitions, [scans.get(p.index, Scan(0, 0, 0)) for p in partitions])
    return Job(numbered, sum(p.records or 0 for p in numbered))


def outcomes(job: Job, options: Options, fields: Fields, executor: Any, window: int, out_dir: str | None = None,
             check: Callable[[], None] = lambda: None, skip: set[int] = frozenset()) -> Iterator[PartitionOutcome]:  # type: ignore[assignment]
    """Each partition's outcome in input order, at most `window` partitions in flight; the
    partitions in `skip` (parts kept from an earlier run) are not run."""
    from .batch import in_order

    submissions = ((p, submit(executor, run_partition, p, options, fields, out_dir, job.run_id))
                   for p in job.partitions if p.index not in skip)
    for partition, outcome in in_order(submissions, window, check):
        if isinstance(outcome, PartitionOutcome):
            yield outcome
            continue
        origin = partition.origin
        message = f"{origin}: partition {partition.index} failed ({type(outcome).__name__}: {outcome})"
        error = {"source": f"{origin}#part-{partition.index}", "id": None, "error": message}
        yield PartitionOutcome(partition.index, partition.records or 1, [message], results=None if out_dir else [error], lost=True)
