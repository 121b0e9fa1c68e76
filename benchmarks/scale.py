"""Past one machine (issue 15): a local pool against a Dask cluster on the same records.

Records are OrangeSum train articles (21,401) written as a Parquet dataset; each run is the
real command (`summarize --records … -o DIR`) in a fresh process, against a fresh local
cluster (`dask scheduler` + `dask worker --nworkers N --nthreads 1`, loopback) for the cluster
runs. Measured: wall time of the command, records/s, the client's peak RSS and the largest
worker's peak RSS (VmHWM polled from /proc), and whether the part files hold the same rows as
the local pool's. Then the train set repeated to 200,000 records on the 2-worker cluster, to show
that the client's memory does not grow with the corpus (its RSS is sampled along the run).

    python benchmarks/scale.py [--records 21401] [--big 200000] [--workers 1,2] [--skip-big]

Needs the [dask] and [bench] extras. A full run takes about 30 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import markdown_table, read_jsonl  # noqa: E402

ROW_GROUP = 2_000  # rows per Parquet row group in the generated corpus (about 5 MB of text)


def write_corpus(path: Path, limit: int | None, repeat_to: int | None = None) -> int:
    """OrangeSum train as Parquet (id, title, text); repeated with suffixed ids up to repeat_to."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    articles = [{"id": r["id"], "title": r["title"], "text": r["article"]} for r in read_jsonl("orangesum-train.jsonl.gz", limit)]
    total = repeat_to or len(articles)
    schema = pa.schema([("id", pa.string()), ("title", pa.string()), ("text", pa.string())])
    with pq.ParquetWriter(path, schema) as writer:
        for start in range(0, total, ROW_GROUP):
            rows = []
            for n in range(start, min(total, start + ROW_GROUP)):
                article = articles[n % len(articles)]
                rows.append({**article, "id": f"{article['id']}-{n // len(articles)}" if repeat_to else article["id"]})
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return total


# --- memory of a process tree -------------------------------------------------------------------

def _status(pid: int, key: str) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(key):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                found.extend(int(c) for c in handle.read().split())
    except OSError:
        pass
    return found


def descendants(pid: int) -> list[int]:
    out, todo = [], _children(pid)
    while todo:
        child = todo.pop()
        out.append(child)
        todo.extend(_children(child))
    return out


@dataclass
class Sampler:
    """Peak RSS (VmHWM) of a client process and of the worker processes, polled until stopped."""

    client: int
    workers_root: int | None = None  # the `dask worker` process; None: the client's own children
    client_peak: int = 0
    worker_peaks: dict[int, int] = field(default_factory=dict)
    client_trace: list[tuple[float, int]] = field(default_factory=list)  # (seconds, RSS)
    _stop: threading.Event = field(default_factory=threading.Event)

    def start(self) -> Sampler:
        self._started = time.monotonic()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(0.25):
            self.client_peak = max(self.client_peak, _status(self.client, "VmHWM:"))
            self.client_trace.append((time.monotonic() - self._started, _status(self.client, "VmRSS:")))
            root = self.workers_root if self.workers_root is not None else self.client
            for pid in descendants(root):
                self.worker_peaks[pid] = max(self.worker_peaks.get(pid, 0), _status(pid, "VmHWM:"))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def worker_peak(self) -> int:
        return max(self.worker_peaks.values(), default=0)


# --- a cluster on this machine ------------------------------------------------------------------

class LocalDask:
    """`dask scheduler` and `dask worker` as separate processes, as on a real cluster."""

    def __init__(self, workers: int, profiler: bool = True):
        self.workers = workers
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.address = f"tcp://127.0.0.1:{self.port}"
        dask = str(Path(sys.executable).with_name("dask"))
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        self.scheduler = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(self.port),
                                           "--no-dashboard"], **quiet)
        env = {**os.environ, **({} if profiler else {"DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False"})}
        self.worker = subprocess.Popen([dask, "worker", self.address, "--nworkers", str(workers), "--nthreads", "1",
                                        "--no-dashboard", "--memory-limit", "0"], env=env, **quiet)
        self._wait_for_workers()

    def _wait_for_workers(self) -> None:
        from distributed import Client

        deadline = time.monotonic() + 120
        while True:
            try:
                with Client(self.address, timeout=5, set_as_default=False) as client:
                    client.wait_for_workers(self.workers, timeout=120)
                    client.run(lambda: __import__("summarize.run.records"))  # the import is not part of the job
                    return
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)

    def close(self) -> None:
        for process in (self.worker, self.scheduler):
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


@dataclass
class Run:
    name: str
    workers: int
    records: int
    seconds: float
    client_peak: int
    worker_peak: int
    trace: list[tuple[float, int]]
    output: Path

    @property
    def rate(self) -> float:
        return self.records / self.seconds


def run_command(name: str, corpus: Path, records: int, out: Path, workers: int, cluster: LocalDask | None,
                partition_size: str) -> Run:
    args = [sys.executable, "-m", "summarize", "--records", str(corpus), "-o", str(out), "--partition-size", partition_size]
    args += ["--scheduler", cluster.address] if cluster else ["-j", str(workers)]
    started = time.monotonic()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = Sampler(process.pid, cluster.worker.pid if cluster else None).start()
    _, stderr = process.communicate()
    seconds = time.monotonic() - started
    sampler.stop()
    if process.returncode not in (0, 1):
        raise SystemExit(f"{name} failed ({process.returncode}): {stderr.decode()[-2000:]}")
    print(f"  {name}: {seconds:.1f} s, {records / seconds:.1f} records/s", file=sys.stderr)
    return Run(name, workers, records, seconds, sampler.client_peak, sampler.worker_peak, sampler.client_trace, out)


def same_rows(a: Path, b: Path) -> bool:
    import pyarrow.parquet as pq

    return pq.read_table(a).to_pylist() == pq.read_table(b).to_pylist()


def mb(value: int) -> str:
    return f"{value / 2**20:.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=None, help="train articles to use (default: all 21,401)")
    parser.add_argument("--big", type=int, default=200_000, help="records of the client-memory run")
    parser.add_argument("--workers", default="1,2", help="worker counts of the curve")
    parser.add_argument("--partition-size", default="1M")
    parser.add_argument("--skip-big", action="store_true", help="no 200,000-record run")
    parser.add_argument("--skip-curve", action="store_true", help="only the 200,000-record run")
    parser.add_argument("--no-profiler-run", action="store_true",
                        help="skip the extra run with Dask's statistical profiler off on the workers")
    options = parser.parse_args()
    counts = [int(n) for n in options.workers.split(",")]

    work = Path(tempfile.mkdtemp(prefix="summarize-scale-"))
    try:
        corpus = work / "train.parquet"
        records = write_corpus(corpus, options.records)
        print(f"corpus: {records} records, {corpus.stat().st_size / 2**20:.0f} MB Parquet", file=sys.stderr)
        runs: list[Run] = []
        for workers in [] if options.skip_curve else counts:
            runs.append(run_command(f"local pool of {workers}", corpus, records, work / f"local{workers}", workers, None,
                                    options.partition_size))
            cluster = LocalDask(workers)
            try:
                runs.append(run_command(f"Dask cluster, {workers} worker{'s' * (workers > 1)}", corpus, records,
                                        work / f"dask{workers}", workers, cluster, options.partition_size))
            finally:
                cluster.close()
        if runs and not options.no_profiler_run:
            workers = max(counts)
            cluster = LocalDask(workers, profiler=False)
            try:
                runs.append(run_command(f"Dask cluster, {workers} workers, profiler off", corpus, records,
                                        work / "dask-noprofile", workers, cluster, options.partition_size))
            finally:
                cluster.close()
        if runs:
            print_throughput(runs)
        if not options.skip_big:
            big = work / "big.parquet"
            total = write_corpus(big, options.records, options.big)
            workers = max(counts)
            cluster = LocalDask(workers)
            try:
                big_run = run_command(f"Dask cluster, {workers} workers, {total} records", big, total, work / "big", workers,
                                      cluster, options.partition_size)
            finally:
                cluster.close()
            small = [r for r in runs if r.name.startswith("Dask") and r.workers == workers]
            print_memory(small + [big_run])
    finally:
        shutil.rmtree(work, ignore_errors=True)


def print_throughput(runs: list[Run]) -> None:
    rows = []
    for run in runs:
        local = next(r for r in runs if r.workers == run.workers and r.name.startswith("local"))
        overhead = f"{100 * (run.seconds / local.seconds - 1):+.1f} %" if run is not local else "—"
        same = "—" if run is local else ("yes" if same_rows(run.output, local.output) else "**no**")
        rows.append([run.name, run.records, f"{run.seconds:.1f}", f"{run.rate:.1f}", f"{run.rate / run.workers:.1f}", overhead,
                     same, mb(run.client_peak), mb(run.worker_peak) if run.worker_peak else "— (the client works)"])
    print(markdown_table(["run", "records", "wall s", "records/s", "records/s per worker", "time vs local pool",
                          "same rows as local", "client peak RSS", "largest worker peak RSS"], rows))


def print_memory(runs: list[Run]) -> None:
    print()
    rows = [[run.name, run.records, f"{run.seconds:.1f}", f"{run.rate:.1f}", mb(run.client_peak), mb(run.worker_peak),
             " / ".join(mb(rss) for rss in _quartiles(run.trace))] for run in runs]
    print(markdown_table(["run", "records", "wall s", "records/s", "client peak RSS", "largest worker peak RSS",
                          "client RSS at 25 / 50 / 75 / 100 % of the run"], rows))


def _quartiles(trace: list[tuple[float, int]]) -> list[int]:
    trace = [(t, rss) for t, rss in trace if rss]
    if not trace:
        return []
    end = trace[-1][0]
    picks = []
    for share in (0.25, 0.5, 0.75, 1.0):
        picks.append(next((rss for t, rss in trace if t >= share * end and rss), trace[-1][1]))
    return picks


if __name__ == "__main__":
    main()
