"""Resuming an interrupted --records -o run (issue 26), local processes: the client killed, Ctrl-C,
a worker process killed. The same command again keeps the parts already written, writes the
others, and every record is in the parts exactly once; another job into the folder is refused.
The cluster's case is in test_cluster.py."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from .corpus import releases, with_bad_records, write_jsonl

pytest.importorskip("pyarrow")
pytestmark = pytest.mark.slow


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "summarize", *args], capture_output=True, text=True, timeout=600)


def start_and_stop_after_first_part(args: list[str], out: Path, stop: Callable[[subprocess.Popen], None]) -> subprocess.Popen:
    """Run the command, wait (generously) for its first part file, then stop it the given way."""
    proc = subprocess.Popen([sys.executable, "-m", "summarize", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None and not list(out.glob("part-*.parquet")):
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be interrupted: make the corpus bigger"
    assert list(out.glob("part-*.parquet")), "no part file within the deadline"
    stop(proc)
    proc.stderr_text = proc.communicate(timeout=180)[1].decode()
    return proc


def part_ids(out: Path) -> list[str]:
    import pyarrow.parquet as pq

    return pq.read_table(out).column("id").to_pylist()  # part files in name order: the corpus order


def part_inodes(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_ino for p in out.glob("part-*.parquet")}


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.extend(int(c) for c in (task / "children").read_text().split())
    return found


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    records = with_bad_records(releases(900))
    return write_jsonl(tmp_path_factory.mktemp("resume") / "releases.jsonl", records), records


def resumed(corpus, out: Path, stop: Callable[[subprocess.Popen], None]) -> tuple[subprocess.Popen, subprocess.CompletedProcess]:
    path, records = corpus
    args = ["--records", str(path), "-o", str(out), "--partition-size", "8k", "-j", "2"]
    first = start_and_stop_after_first_part(args, out, stop)
    kept = part_inodes(out)
    again = cli(*args)
    assert again.returncode == 1, again.stderr[-3000:]  # the bad records are reported, kept or redone
    assert "Traceback" not in first.stderr_text + again.stderr
    assert part_ids(out) == [r["id"] for r in records]  # every record once, none missing, in order
    assert {name: inode for name, inode in part_inodes(out).items() if name in kept} == kept  # kept parts not rewritten
    assert not [p.name for p in out.iterdir() if p.name.endswith("tmp")]  # no temporary file of either run
    return first, again


def test_a_killed_client_and_its_workers_are_resumed(corpus, tmp_path):
    _, again = resumed(corpus, tmp_path / "out", lambda proc: os.killpg(proc.pid, signal.SIGKILL))
    assert "resuming:" in again.stderr and "up to date" in again.stderr


def test_ctrl_c_then_the_same_command_finishes_the_job(corpus, tmp_path):
    first, again = resumed(corpus, tmp_path / "out", lambda proc: proc.send_signal(signal.SIGINT))
    assert first.returncode == 130 and "interrupted after" in first.stderr_text
    assert "resuming:" in again.stderr


def test_a_killed_worker_process_fails_its_partitions_then_they_are_redone(corpus, tmp_path):
    def kill_a_worker(proc: subprocess.Popen) -> None:
        deadline = time.monotonic() + 60
        while not children(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(children(proc.pid)[0], signal.SIGKILL)

    first, _ = resumed(corpus, tmp_path / "out", kill_a_worker)
    assert first.returncode == 1 and "failed (BrokenProcessPool" in first.stderr_text


def test_another_job_into_an_interrupted_folder_is_refused(corpus, tmp_path):
    path = tmp_path / "releases.jsonl"
    path.write_bytes(corpus[0].read_bytes())
    out = tmp_path / "out"
    args = ["--records", str(path), "-o", str(out), "--partition-size", "8k", "-j", "2"]
    start_and_stop_after_first_part(args, out, lambda proc: os.killpg(proc.pid, signal.SIGKILL))
    before = part_inodes(out)
    for other in (["-n", "1"], ["--title-field", "headline"]):  # other options
        refused = cli(*args, *other)
        assert refused.returncode == 2 and "already holds part files of another job" in refused.stderr
    with path.open("ab") as stream:  # the corpus grew since: its partitions are not the same any more
        stream.write(b'{"id": "new", "text": "Une ligne de plus dans le corpus."}\n')
    refused = cli(*args)
    assert refused.returncode == 2 and "another job" in refused.stderr
    assert part_inodes(out) == before
