"""The command line: parse options, call the library, render. Nothing else lives here."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from . import __version__
from .rank.ranking import ALGORITHMS, DEFAULT_ALGORITHM
from .read.reading import DEFAULT_MAX_SIZE
from .render import FORMATS

if TYPE_CHECKING:
    from .run.batch import Input, Interrupts
    from .run.incremental import Plan

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 0, 1, 2, 130, 141

app = typer.Typer(add_completion=False, help="Résumé extractif, thèmes clés et repères de communiqués de presse (français d'abord), hors ligne.")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"summarize {__version__}")
        raise typer.Exit()


def _usage_error(message: str) -> None:
    typer.echo(f"summarize: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


def _parse_size(text: str, option: str = "--max-size") -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    value = text.strip().lower().rstrip("b")
    factor = units.get(value[-1:], 1)
    if value[-1:] in units:
        value = value[:-1]
    try:
        size = int(float(value) * factor)
    except ValueError:
        _usage_error(f"invalid {option} {text!r} (examples: 500k, 20M)")
    if size <= 0:
        _usage_error(f"{option} must be positive")
    return size


@app.command()
def main(
    paths: Optional[list[str]] = typer.Argument(None, help="Files, folders, or - for stdin (default: stdin when piped)."),
    sentences: int = typer.Option(3, "--sentences", "-n", min=0, help="Sentences in the summary."),
    topics: int = typer.Option(5, "--topics", "-k", min=0, help="Key-topic bullets (0 turns topics off)."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="rich | text | markdown | json | jsonl | html (default: rich on a terminal, else text)."),
    algorithm: str = typer.Option(DEFAULT_ALGORITHM, "--algorithm", "-a", help=f"Ranker: {', '.join(ALGORITHMS)}."),
    language: str = typer.Option("auto", "--language", "-l", help="fr | en | auto."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes for batches (default: CPUs)."),
    output_dir: Optional[str] = typer.Option(None, "--output-dir", "-o",
                                             help="One result file per input under this folder (--records: Parquet parts; URLs too)."),
    words: Optional[int] = typer.Option(None, "--words", "-w", min=1, help="Summary length in words instead of sentences."),
    ratio: Optional[float] = typer.Option(None, "--ratio", "-r", min=0.0, max=1.0, help="Summary length as a share of the document's words."),
    explain: bool = typer.Option(False, "--explain", help="Show every sentence with its score and rank."),
    max_size: str = typer.Option("20M", "--max-size", help="Refuse inputs larger than this (e.g. 500k, 20M)."),
    glob: Optional[list[str]] = typer.Option(None, "--glob", help="In folders, only files matching this pattern (repeatable)."),
    exclude: Optional[list[str]] = typer.Option(None, "--exclude", help="In folders, skip files matching this pattern (repeatable)."),
    records: bool = typer.Option(False, "--records", help="Each PATH is a record corpus (JSONL, CSV, Parquet, folders, URLs): one record = one release."),
    text_field: str = typer.Option("text", "--text-field", help="With --records: the field holding the release."),
    id_field: str = typer.Option("id", "--id-field", help="With --records: the record's id (its line or row number when absent)."),
    title_field: str = typer.Option("title", "--title-field", help="With --records: the headline, used when present."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", envvar="SUMMARIZE_SCHEDULER",
                                            help="Run on this Dask cluster (tcp://host:8786) instead of local processes."),
    partition_size: str = typer.Option("1M", "--partition-size", help="With --records: input bytes per task (e.g. 1M, 64M)."),
    force: bool = typer.Option(False, "--force", help="With -o: redo every input, even those whose results are up to date."),
    watch: Optional[str] = typer.Option(None, "--watch", metavar="DIR",
                                        help="Summarize the folder's files, then each one that appears or changes, once written (Ctrl-C stops)."),
    settle: float = typer.Option(2.0, "--settle", min=0.0, help="With --watch: seconds a file must stay unchanged before it is read."),
    no_dedup: bool = typer.Option(False, "--no-dedup", help="Treat every input as its own release, even when the same text arrived twice."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """Summarize French press releases: files, folders, or stdin."""
    from .run.batch import Options, iter_inputs, run

    if fmt is not None and fmt not in FORMATS:
        _usage_error(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    if algorithm not in ALGORITHMS:
        _usage_error(f"unknown algorithm {algorithm!r}; choose from {', '.join(ALGORITHMS)}")
    if language not in ("fr", "en", "auto"):
        _usage_error(f"unknown language {language!r}; choose from fr, en, auto")
    if words is not None and ratio is not None:
        _usage_error("--words and --ratio cannot be combined; choose one")
    size_limit = _parse_size(max_size) if max_size != "20M" else DEFAULT_MAX_SIZE
    paths = list(paths or [])
    if watch is not None and (records or paths):
        _usage_error("--watch takes one folder as its value: give no other PATH, and no --records")
    options = Options(sentences=sentences, topics=topics, algorithm=algorithm, language=language,
                      words=words, ratio=ratio, explain=explain, max_size=size_limit, document=fmt == "html")
    if watch is not None:
        raise typer.Exit(_watch(watch, replace(options, dedup=not no_dedup), fmt, output_dir, jobs, tuple(glob or ()),
                                tuple(exclude or ()), settle, force))
    if records:
        from .run.records import Fields

        options = replace(options, dedup=not no_dedup)
        fields = Fields(text=text_field, id=id_field, title=title_field)
        raise typer.Exit(_run_records(paths, options, fields, fmt, output_dir, jobs, scheduler,
                                      _parse_size(partition_size, "--partition-size"), force))
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            _usage_error("no input: give a file or folder, or pipe text on stdin (see --help)")
        paths = ["-"]
    if paths.count("-") > 1:
        _usage_error("stdin ('-') can be read only once")
    if output_dir is not None and "://" in output_dir:
        _usage_error("--output-dir must be a local folder (URLs are for --records)")
    out_dir = Path(output_dir).resolve() if output_dir else None
    if out_dir is not None:
        for path in paths:
            if path != "-" and os.path.isdir(path) and Path(path).resolve() == out_dir:
                _usage_error(f"--output-dir {output_dir} is an input folder; choose another folder")
        if out_dir.exists() and not out_dir.is_dir():
            _usage_error(f"--output-dir {output_dir} exists and is not a folder")

    if force and out_dir is None:
        _usage_error("--force needs --output-dir (without it nothing is skipped)")

    stdin_data = sys.stdin.buffer.read(size_limit + 1) if "-" in paths else None
    fmt = fmt or ("rich" if sys.stdout.isatty() else "text")
    inputs = list(iter_inputs(paths, tuple(glob or ()), tuple(exclude or ()), (out_dir,) if out_dir else ()))
    # One input has no copy to find, unless it is an e-mail whose attachment repeats its body (matched by the worker).
    options = replace(options, dedup=not no_dedup and len(inputs) > 1, dedup_attachments=not no_dedup)
    from .run.batch import Interrupts

    plan = _incremental_plan(inputs, options, fmt, out_dir, force) if out_dir is not None else None
    todo = [item for item, _ in plan.todo] if plan else inputs
    cluster = _connect(scheduler) if scheduler else None
    try:
        with Interrupts() as interrupts:
            workers = cluster.threads if cluster else jobs or os.cpu_count() or 1
            results = run(iter(todo), options, workers, stdin_data, interrupts, cluster.executor if cluster else None)
            if options.dedup:
                from .run.dedup import mark

                results = mark(results)
            total = len(inputs)
            single = total == 1 and not os.path.isdir(inputs[0].source) if inputs else True
            protected = {Path(i.source).resolve() for i in inputs if i.source != "-"}
            code = _emit(results, len(todo), single, fmt, out_dir, protected, interrupts, plan=plan)
            results.close()  # stop the pool here, while Ctrl-C is still a request
    finally:
        if cluster:
            cluster.close()
    raise typer.Exit(code)


def _watch(folder: str, options, fmt: str | None, output_dir: str | None, jobs: int | None, globs: tuple[str, ...],
           excludes: tuple[str, ...], settle: float, force: bool) -> int:
    """--watch: what the folder holds, then every file that appears or changes once it is
    complete, as result files under -o or JSON lines on stdout, until Ctrl-C (exit 130)."""
    root = Path(folder)
    if not root.is_dir():
        _usage_error(f"--watch {folder}: no such folder")
    out_dir = Path(output_dir).resolve() if output_dir else None
    if out_dir is not None and (out_dir == root.resolve() or (out_dir.exists() and not out_dir.is_dir())):
        _usage_error(f"--output-dir {output_dir} is the watched folder or not a folder; choose another folder")
    fmt = fmt or ("text" if out_dir is not None else "jsonl")
    if out_dir is None and fmt in ("json", "html"):
        _usage_error(f"--watch without -o writes a stream: -f {fmt} needs -o (or use -f jsonl)")
    if force and out_dir is None:
        _usage_error("--force needs --output-dir (without it nothing is skipped)")
    try:
        import watchfiles  # noqa: F401  (only for --watch)
    except ImportError:
        from .run.watch import WATCH_EXTRA

        typer.echo(f"summarize: --watch needs watchfiles ({WATCH_EXTRA})", err=True)
        return EXIT_FAILED
    from .run.batch import Interrupts, iter_inputs, run
    from .run.incremental import Manifest, fingerprint, key_of, make_plan
    from .run.watch import Inbox, batches, keep, selector

    on_result, matcher = keep, None
    if options.dedup:  # a release already seen in this session (another file, or the same sent twice) is marked
        from .run.dedup import Matcher, session_marker

        matcher = Matcher()
        on_result = session_marker(matcher)
    key = fingerprint(options, fmt, __version__)
    manifest = Manifest.load(out_dir, key) if out_dir is not None else Manifest(None, key)
    skip = (out_dir,) if out_dir is not None else ()
    inbox = Inbox(root, selector(root, globs, excludes, skip), settle)
    workers = jobs or os.cpu_count() or 1
    first = True
    announced: set[str] = set()
    with Interrupts() as interrupts:
        try:
            for ready in batches(inbox, interrupts.requested, skip):
                if first:
                    typer.echo(f"summarize: watching {folder} (Ctrl-C stops)", err=True)
                order = list(iter_inputs([folder], globs, excludes, skip)) if fmt == "html" and out_dir is not None else ready
                plan = make_plan(manifest, ready, lambda item: _target(out_dir, item, fmt), force and first, order)
                todo = [item for item, _ in plan.todo]
                unannounced = [item for item in plan.current if key_of(item) not in announced]  # say once what is up to date
                announced.update(key_of(item) for item in ready)
                if todo or unannounced:
                    results = run(iter(todo), options, workers, None, interrupts)
                    annotated = ((item, on_result(item, result)) for item, result in results)
                    protected = {Path(item.source).resolve() for item in ready}
                    code = _emit(annotated, len(todo), False, fmt, out_dir, protected, interrupts, plan=plan, always_report=True)
                    results.close()
                    if code in (EXIT_INTERRUPTED, EXIT_BROKEN_PIPE):
                        return code
                first = False
        except KeyboardInterrupt:  # a second Ctrl-C while waiting
            pass
    if matcher is not None:
        matcher.close()
    typer.echo("summarize: interrupted", err=True)
    return EXIT_INTERRUPTED


def _target(out_dir: Path | None, item: Input, fmt: str) -> Path | None:
    """The main result file of an input under -o (None without -o, or for an unsafe name)."""
    from .errors import InputError
    from .run.batch import output_path

    if out_dir is None:
        return None
    try:
        return output_path(out_dir, item, fmt)
    except InputError:
        return None


def _incremental_plan(inputs: list[Input], options, fmt: str, out_dir: Path, force: bool) -> Plan:
    """With -o: which inputs still have current result files (skipped), which are redone."""
    from .run.incremental import Manifest, fingerprint, make_plan

    manifest = Manifest.load(out_dir, fingerprint(options, fmt, __version__))
    return make_plan(manifest, inputs, lambda item: _target(out_dir, item, fmt), force)


def _connect(address: str):
    """A Dask cluster, or exit 1 with the reason (an unreachable scheduler is not a traceback)."""
    import logging

    from .errors import InputError
    from .run.cluster import connect

    logging.getLogger("distributed").setLevel(logging.ERROR)  # no "event loop was unresponsive" notes among results
    try:
        return connect(address)
    except InputError as exc:
        typer.echo(f"summarize: {exc}", err=True)
        raise typer.Exit(EXIT_FAILED) from None


def _run_records(paths: list[str], options, fields, fmt: str | None, output_dir: str | None, jobs: int | None,
                 scheduler: str | None, partition_size: int, force: bool = False) -> int:
    """--records: plan partitions here, let the workers (local processes or a Dask cluster) read
    and summarize them; results stream back in order, or go to Parquet part files under -o. The
    same job into the same folder resumes: the parts already written are kept."""
    import importlib.util

    from .errors import InputError
    from .run import records as corpus
    from .run.batch import InlineExecutor, Input, Interrupts, local_executor

    if not paths or "-" in paths:
        _usage_error("--records needs corpus files, folders or URLs (stdin is not read as records)")
    if output_dir is not None and fmt is not None:
        _usage_error("with --records, -o writes Parquet part files; -f applies to stdout only")
    if output_dir is not None and importlib.util.find_spec("pyarrow") is None:
        typer.echo(f"summarize: -o with --records writes Parquet, which needs pyarrow ({corpus.DASK_EXTRA})", err=True)
        return EXIT_FAILED
    out_dir = output_dir.removeprefix("file://") if output_dir is not None else None
    if out_dir is not None and not corpus.is_url(out_dir):
        out_dir = str(Path(out_dir).resolve())
        if os.path.exists(out_dir) and not os.path.isdir(out_dir):
            _usage_error(f"--output-dir {output_dir} exists and is not a folder")
    partitions, resume = None, False
    if out_dir is not None:
        try:
            partitions = corpus.plan(paths, partition_size)
            key = corpus.job_key(partitions, options, fields, __version__)
            parts = corpus.existing_parts(out_dir)
            recorded = corpus.read_job(out_dir) if parts else None
            if parts and recorded != key:
                _usage_error(f"--output-dir {output_dir} already holds part files of another job (other inputs, options or "
                             "version); choose an empty folder (the same command again resumes its own job)")
            resume = bool(parts) and not force
            if recorded != key:
                corpus.write_job(out_dir, key)
        except InputError as exc:
            typer.echo(f"summarize: {exc}", err=True)
            return EXIT_FAILED
        except OSError as exc:
            typer.echo(f"summarize: {output_dir}: {exc.strerror or exc}", err=True)
            return EXIT_FAILED
    fmt = fmt or ("rich" if sys.stdout.isatty() else "text")
    cluster = _connect(scheduler) if scheduler else None
    workers = cluster.threads if cluster else jobs or os.cpu_count() or 1
    executor = cluster.executor if cluster else (local_executor(workers) if workers > 1 else InlineExecutor())
    window = cluster.window if cluster else 2 * workers
    job = None
    try:
        with Interrupts() as interrupts:
            try:
                job = corpus.prepare(paths, executor, window, partition_size, interrupts.check, partitions)
            except InputError as exc:
                typer.echo(f"summarize: {exc}", err=True)
                return EXIT_FAILED
            kept = corpus.kept_parts(job, out_dir, executor, window, interrupts.check) if resume else corpus.Kept()
            if resume:
                corpus.remove_temporary_parts(out_dir)  # left by a run killed while a worker was writing
            if kept.indices:
                typer.echo(f"summarize: resuming: {len(kept.indices)} part files of an earlier run kept ({kept.records} records)", err=True)
            outcomes = corpus.outcomes(job, options, fields, executor, window, out_dir, interrupts.check, kept.indices)
            if out_dir is not None:
                code = _emit_parts(outcomes, job.records, out_dir, interrupts, kept, options.dedup)
            else:
                results = ((Input(r["source"], r["source"]), r) for outcome in outcomes for r in outcome.results or [])
                if options.dedup:
                    from .run.dedup import mark

                    results = mark(results)
                code = _emit(results, job.records, False, fmt, None, set(), interrupts, "records")
            outcomes.close()
    except KeyboardInterrupt:  # while planning
        typer.echo("summarize: interrupted", err=True)
        return EXIT_INTERRUPTED
    finally:
        if cluster:
            cluster.close()
        else:
            executor.shutdown(wait=True, cancel_futures=True)
        if out_dir is not None and job is not None:
            corpus.remove_temporary_parts(out_dir, job.run_id)
    return code


def _emit_parts(outcomes, total: int, out_dir: str, interrupts: Interrupts, kept, dedup: bool = False) -> int:
    """Report the part files the workers wrote: errors and progress on stderr, nothing on stdout.
    Kept parts of an earlier run count in the exit code as if this run had written them; with dedup,
    match the signatures the workers sent back into _groups.jsonl (the records of this run only
    when parts were kept: their signatures are not stored with them)."""
    started = time.monotonic()
    done = failed = parts = 0
    progress = _progress(total) if sys.stderr.isatty() else None
    if progress and kept.records:
        progress[0].update(progress[1], advance=kept.records)
    if dedup:
        from .run.dedup import GroupsFile

        groups = GroupsFile(out_dir)
        if kept.indices:
            typer.echo("summarize: duplicates are matched among the records summarized in this run only "
                       "(--force redoes the job and matches them all)", err=True)
    try:
        for outcome in outcomes:
            interrupts.check()
            if dedup:
                groups.add(outcome.signatures)
            done += outcome.records
            failed += outcome.records if outcome.lost else len(outcome.errors)
            parts += outcome.part is not None
            if progress:
                progress[0].update(progress[1], advance=outcome.records)
            for error in outcome.errors:
                _report(f"summarize: {error}", progress)
    except KeyboardInterrupt:
        if progress:
            progress[0].stop()
        if dedup:
            groups.discard()
        typer.echo(f"summarize: interrupted after {kept.records + done} of {total} records", err=True)
        return EXIT_INTERRUPTED
    except BaseException:
        if dedup:
            groups.discard()
        raise
    if progress:
        progress[0].stop()
    elapsed = time.monotonic() - started
    up = f"{kept.records} up to date, " if kept.indices else ""
    written = f"; {groups.finish()} ({groups.duplicates} duplicates)" if dedup else ""
    typer.echo(f"summarize: {up}{done - failed} summarized, {failed} failed in {elapsed:.1f} s; "
               f"{parts + len(kept.indices)} part files in {out_dir}{written}", err=True)
    return EXIT_FAILED if failed or kept.errors else EXIT_OK


def _emit(results: Iterator[tuple[Input, dict]], total: int, single: bool, fmt: str, out_dir: Path | None,
          protected: set[Path], interrupts: Interrupts | None = None, unit: str = "inputs", plan: Plan | None = None,
          always_report: bool = False) -> int:
    """Print or write each result as it arrives; return the exit code. With a plan (-o, --watch),
    each input is recorded once its last result is out, so the next run can skip it."""
    from .errors import InputError
    from .render.plain import to_json_document, to_json_line, to_markdown, to_text
    from .run.batch import output_path, write_atomic

    failed = done = 0
    collected: list[dict] = []
    pages: dict[str, str] = {}  # source -> page written under --output-dir (for the HTML index)
    started = time.monotonic()
    console = _console() if fmt == "rich" and out_dir is None else None
    progress = _progress(total) if total > 2 and sys.stderr.isatty() else None
    book = _Book(plan)
    try:
        previous_item = None
        for item, result in results:
            if item is not previous_item:
                if interrupts:
                    interrupts.check()  # between two inputs: nothing is half-written and the last input is whole
                if progress and previous_item is not None:
                    progress[0].update(progress[1], advance=1)
                book.next(item)
            done += 1
            previous_item = item
            if "error" in result:
                failed += 1
                book.ok = False
                _report(f"summarize: {result['error']}", progress)
            for warning in result.get("warnings", []):
                _report(f"summarize: {result['source']}: {warning}", progress)
            if out_dir is not None:
                if "error" not in result:
                    try:
                        from .render.formats import render_one  # only with -o: a file body in any format

                        target = output_path(out_dir, item, fmt, result.get("attachment"))
                        write_atomic(target, render_one(result, fmt), protected)
                        pages[result["source"]] = target.relative_to(out_dir).as_posix()
                        book.written.append(target)
                    except (InputError, OSError) as exc:
                        failed += 1
                        book.ok = False
                        _report(f"summarize: {exc}", progress)
                if fmt == "html":
                    row = _headline_only(result)
                    collected.append(row)
                    book.rows.append({"row": row, "page": pages.get(result["source"])})
                continue
            if fmt in ("json", "html"):
                collected.append(result)
            elif fmt == "jsonl":
                _write(to_json_line(result))
            elif fmt == "markdown":
                _write(("\n" if done > 1 else "") + to_markdown(result))
            elif fmt == "text":
                _write(("\n" if done > 1 else "") + to_text(result, header=total > 1 or always_report))
            else:
                console.print(_rich(result))
                if total > 1:
                    collected.append(result)
        book.next(None)
        if progress:
            progress[0].stop()
        if fmt == "json" and out_dir is None:
            _write(to_json_document(collected, single))
        if fmt == "html":
            from .render.html import to_html_digest, to_html_page

            if out_dir is not None:
                if plan is not None:
                    collected, pages = book.index()
                _write_if_changed(out_dir / "index.html", to_html_digest(collected, links=pages), protected)
            else:
                _write(to_html_page(collected[0]) if single and len(collected) == 1 else to_html_digest(collected))
        if fmt == "rich" and console is not None and total > 1:
            from .render.terminal import rich_batch_table

            console.print(rich_batch_table(collected))
        sys.stdout.flush()
    except BrokenPipeError:
        book.save()
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        if interrupts and not interrupts.forced:
            book.next(None)  # a Ctrl-C honoured between two inputs: the input whose results are out is whole
        book.save()  # the inputs finished before Ctrl-C are skipped next time
        if progress:
            progress[0].stop()
        typer.echo(f"summarize: interrupted after {done} of {total} {unit}", err=True)
        return EXIT_INTERRUPTED
    book.save()
    if total > 1 or out_dir is not None or always_report:
        elapsed = time.monotonic() - started
        kept = f"{len(plan.current)} up to date, " if plan is not None and plan.current else ""
        typer.echo(f"summarize: {kept}{done - failed} summarized, {failed} failed in {elapsed:.1f} s", err=True)
    return EXIT_FAILED if failed else EXIT_OK


class _Book:
    """The plan's bookkeeping for the input whose results are coming out (nothing without a plan)."""

    def __init__(self, plan: Plan | None) -> None:
        self.plan = plan
        self.item: Input | None = None
        self.written: list[Path] = []
        self.rows: list[dict] = []
        self.ok = True
        self.index_rows: dict[str, list[dict]] = {}

    def next(self, item: Input | None) -> None:
        """Close the previous input (all its results are out) and open `item`."""
        if self.plan is not None and self.item is not None:
            from .run.incremental import key_of

            self.plan.finished(self.item, self.written, self.rows, self.ok)
            self.index_rows[key_of(self.item)] = self.rows
        self.item, self.written, self.rows, self.ok = item, [], [], True

    def index(self) -> tuple[list[dict], dict[str, str]]:
        """The HTML index of every input in order: this run's rows, and the kept inputs' from the manifest."""
        from .run.incremental import key_of

        assert self.plan is not None
        collected: list[dict] = []
        pages: dict[str, str] = {}
        for item in self.plan.order:
            key = key_of(item)
            for entry in self.index_rows[key] if key in self.index_rows else self.plan.manifest.index_rows(item):
                collected.append(entry["row"])
                if entry.get("page"):
                    pages[entry["row"]["source"]] = entry["page"]
        return collected, pages

    def save(self) -> None:
        if self.plan is not None:
            self.plan.manifest.save()


def _write_if_changed(target: Path, content: str, protected: set[Path]) -> None:
    """The HTML index is written again only when it would differ (a run that redid nothing rewrites nothing)."""
    from .run.batch import write_atomic

    try:
        if target.read_text(encoding="utf-8") == content:
            return
    except (OSError, UnicodeDecodeError):
        pass
    write_atomic(target, content, protected)


def _report(message: str, progress) -> None:
    """A message on stderr; above the progress bar while one is shown, never through it."""
    if progress:
        progress[0].console.print(message, markup=False, highlight=False, emoji=False, soft_wrap=True)
    else:
        typer.echo(message, err=True)


def _headline_only(result: dict) -> dict:
    """What the HTML index needs of a result already written to its own page."""
    return {k: v for k, v in result.items() if k not in ("document", "scores")}


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _silence_stdout() -> None:
    """After a closed pipe (`| head -1`), make the interpreter's final flush a no-op."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


def _console():
    from rich.console import Console

    return Console(soft_wrap=False)


def _rich(result):
    from .render.terminal import rich_panel

    return rich_panel(result)


def _progress(total: int):
    """A transient bar on stderr (only called when stderr is a terminal)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    # Results written to stdout pass above the bar only when stdout is that same terminal;
    # redirected to a file (`> out.jsonl`), they must go to the file, untouched.
    progress = Progress(TextColumn("summarize"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        transient=True, console=Console(stderr=True), redirect_stdout=sys.stdout.isatty())
    task = progress.add_task("batch", total=total)
    progress.start()
    return progress, task


def run() -> None:
    """Console-script entry point: Typer app with SIGPIPE and Ctrl-C handled quietly."""
    stdout_before = _stdout_identity()
    try:
        app(prog_name="summarize")
    except SystemExit as exc:
        # A closed stdout during --help or --version ends in exit 1: Click wraps stdout in its
        # PacifyFlushWrapper, Rich points file descriptor 1 at /dev/null. The exit-code table says 141
        # for every path, help included.
        if exc.code == EXIT_FAILED and (type(sys.stdout).__name__ == "PacifyFlushWrapper" or _stdout_identity() != stdout_before):
            sys.exit(EXIT_BROKEN_PIPE)
        raise
    except KeyboardInterrupt:
        typer.echo("summarize: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_BROKEN_PIPE)


def _stdout_identity() -> tuple[int, int] | None:
    """What file descriptor 1 is (device, inode), to see whether a library swapped it out."""
    try:
        status = os.fstat(1)
    except OSError:
        return None
    return status.st_dev, status.st_ino
