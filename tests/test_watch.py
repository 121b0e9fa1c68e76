"""--watch on a real folder (issue 26): what is there, then a release dropped in two chunks is read
once, whole; Ctrl-C stops with 130 and leaves no temporary file; JSON lines on stdout without -o."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("watchfiles")

ROOT = Path(__file__).resolve().parent.parent
DEADLINE = 60  # seconds: generous, the machine is shared
MANIFEST = ".summarize.manifest.json"


class Watcher:
    """The watcher in its own process; its stderr lines arrive on a queue and its stdout in a list,
    both read by threads, so waiting for a line never blocks the test and a full pipe never blocks it."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "summarize", "--watch", *args], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, encoding="utf-8")
        self.lines: queue.Queue = queue.Queue()
        self.stdout: list[str] = []
        self.readers = [threading.Thread(target=lambda: [self.lines.put(line) for line in self.proc.stderr], daemon=True),
                        threading.Thread(target=lambda: self.stdout.extend(self.proc.stdout), daemon=True)]
        for reader in self.readers:
            reader.start()

    def stop(self) -> tuple[str, int]:
        """Ctrl-C, then the whole of stdout and the exit code."""
        self.proc.send_signal(signal.SIGINT)
        code = self.proc.wait(timeout=DEADLINE)
        for reader in self.readers:
            reader.join(timeout=DEADLINE)
        return "".join(self.stdout), code


def start(*args: str) -> tuple[Watcher, queue.Queue]:
    watcher = Watcher(*args)
    return watcher, watcher.lines


def wait_for_line(lines: queue.Queue, text: str, seen: list[str]) -> str:
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            continue
        seen.append(line)
        if text in line:
            return line
    raise AssertionError(f"no {text!r} on stderr within {DEADLINE} s: {seen}")


def wait_for_file(path: Path) -> None:
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline and not path.exists():
        time.sleep(0.1)
    assert path.exists(), f"{path.name} did not appear within {DEADLINE} s"


def one_shot(path: Path) -> dict:
    run = subprocess.run([sys.executable, "-m", "summarize", str(path), "-f", "json"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def halves(path: Path) -> tuple[bytes, bytes]:
    """A release cut at a line break in its middle: the second half holds the press contact."""
    data = path.read_bytes()
    cut = data.index(b"\n", len(data) // 2) + 1
    return data[:cut], data[cut:]


def test_a_release_written_in_two_chunks_is_read_once_whole_and_ctrl_c_exits_130(samples, tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    already = samples[0]
    shutil.copy(already, inbox / already.name)
    release = ROOT / "samples" / "federation-handball-euro.txt"
    first, second = halves(release)
    assert b"j.perrin@ffhandball-exemple.fr" in second and b"j.perrin@" not in first

    proc, lines = start(str(inbox), "-o", str(out), "-f", "json", "--settle", "5")
    seen: list[str] = []
    try:
        wait_for_line(lines, "watching", seen)
        wait_for_file(out / f"{already.stem}.summary.json")  # what was there before
        wait_for_line(lines, "1 summarized", seen)
        with (inbox / "nouveau.txt").open("wb") as stream:  # a writer that pauses half-way
            stream.write(first)
            stream.flush()
            os.fsync(stream.fileno())
            time.sleep(0.5)
            stream.write(second)
        wait_for_file(out / "nouveau.summary.json")
        wait_for_line(lines, "1 summarized", seen)
    finally:
        _, code = proc.stop()
    result = json.loads((out / "nouveau.summary.json").read_text(encoding="utf-8"))
    whole = one_shot(inbox / "nouveau.txt")
    assert "j.perrin@ffhandball-exemple.fr" in json.dumps(result["facts"])  # from the second chunk
    marks = ("source", "group", "duplicate_of")  # the dropped file is a copy of the one already there
    assert {k: v for k, v in result.items() if k not in marks} == {k: v for k, v in whole.items() if k not in marks}
    assert code == 130
    while not lines.empty():
        seen.append(lines.get())
    assert sum("summarized" in line for line in seen) == 2, seen  # the half-written file was never read
    assert "Traceback" not in "".join(seen) and any("interrupted" in line for line in seen)
    leftovers = [p.name for p in out.rglob("*") if p.name.startswith(".") and p.name != MANIFEST or p.name.endswith(".tmp")]
    assert leftovers == []
    assert len(json.loads((out / MANIFEST).read_text(encoding="utf-8"))["inputs"]) == 2


def test_without_output_folder_results_are_json_lines_and_a_change_is_summarized_again(samples, tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    proc, lines = start(str(inbox), "--settle", "0.5")
    seen: list[str] = []
    try:
        wait_for_line(lines, "watching", seen)
        staged = tmp_path / "staged.txt"
        shutil.copy(samples[1], staged)
        os.replace(staged, inbox / "sub" / "a.txt")  # a writer that renames into place
        (inbox / ".cache.txt").write_text("un fichier caché n'est pas lu", encoding="utf-8")
        (inbox / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
        wait_for_line(lines, "1 summarized", seen)
        changed = (inbox / "sub" / "a.txt").read_bytes().replace(b"2025", b"2031")
        (inbox / "sub" / "a.txt").write_bytes(changed)
        wait_for_line(lines, "1 summarized", seen)
    finally:
        stdout, code = proc.stop()
    results = [json.loads(line) for line in stdout.splitlines()]
    assert code == 130
    assert [r["source"] for r in results] == [str(inbox / "sub" / "a.txt")] * 2
    assert results[0] != results[1] and "2031" in json.dumps(results[1]) and "2031" not in json.dumps(results[0])


def test_a_restarted_watcher_skips_what_is_up_to_date(samples, tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    for sample in samples[:3]:
        shutil.copy(sample, inbox / sample.name)
    assert subprocess.run([sys.executable, "-m", "summarize", str(inbox), "-o", str(out)], capture_output=True, timeout=120).returncode == 0
    before = {p.name: p.stat().st_ino for p in out.iterdir()}
    proc, lines = start(str(inbox), "-o", str(out))
    seen: list[str] = []
    try:
        wait_for_line(lines, "3 up to date, 0 summarized", seen)
    finally:
        _, code = proc.stop()
    assert code == 130 and {p.name: p.stat().st_ino for p in out.iterdir()} == before


def test_watch_usage_errors_and_a_missing_watchfiles(samples, tmp_path):
    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "summarize", *args], capture_output=True, text=True, timeout=60)

    for args in (["--watch", str(tmp_path / "missing")], ["--watch", str(tmp_path), str(samples[0])],
                 ["--watch", str(tmp_path), "-f", "json"], ["--watch", str(tmp_path), "-o", str(tmp_path)]):
        run = cli(*args)
        assert run.returncode == 2 and run.stderr.startswith("summarize: ") and "Traceback" not in run.stderr, (args, run.stderr)
    code = ("import sys; sys.modules['watchfiles'] = None\n"
            f"sys.argv = ['summarize', '--watch', {str(tmp_path)!r}]\n"
            "from summarize.cli import run; run()")
    missing = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert missing.returncode == 1 and missing.stderr.strip() == (
        "summarize: --watch needs watchfiles (pip install 'summarize-communiques[watch]')")


def test_a_release_sent_again_into_the_watched_folder_is_marked_as_a_copy(samples, tmp_path):
    """The same release re-sent later (a greeting above it, re-wrapped) is "duplicate_of" the first
    file the watcher saw; another release has its own group; a changed file is not its own copy."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    first = inbox / "a.txt"
    shutil.copy(samples[0], first)
    proc, lines = start(str(inbox), "--settle", "0.5")
    seen: list[str] = []
    try:
        wait_for_line(lines, "1 summarized", seen)
        text = samples[0].read_text(encoding="utf-8")
        rewrapped = "\n\n".join(textwrap.fill(" ".join(p.split()), 60) for p in text.split("\n\n"))
        staged = tmp_path / "staged.txt"
        staged.write_text("Bonjour,\n\nVeuillez trouver ci-dessous notre communiqué.\n\n" + rewrapped, encoding="utf-8")
        os.replace(staged, inbox / "b.txt")
        wait_for_line(lines, "1 summarized", seen)
        shutil.copy(samples[1], staged)
        os.replace(staged, inbox / "c.txt")
        wait_for_line(lines, "1 summarized", seen)
        first.write_bytes(first.read_bytes().replace(b"2025", b"2031"))
        wait_for_line(lines, "1 summarized", seen)
    finally:
        stdout, code = proc.stop()
    results = [json.loads(line) for line in stdout.splitlines()]
    assert code == 130 and [Path(r["source"]).name for r in results] == ["a.txt", "b.txt", "c.txt", "a.txt"]
    a, b, c, a_again = results
    assert a["duplicate_of"] is None and b["duplicate_of"] == a["source"] and b["group"] == a["group"]
    assert c["duplicate_of"] is None and c["group"] != a["group"]
    assert a_again["duplicate_of"] is None  # a new version of the same file, not a copy of itself
