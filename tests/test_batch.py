"""Folders at scale: walking, filtering, ordering, output files, interruption (issue 6)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.run.batch import iter_inputs

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args))


def checksums(folder: Path) -> dict[str, str]:
    return {os.fsdecode(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.fixture
def tree(samples, tmp_path) -> Path:
    """in/ b.txt, a.md, notes.csv, .hidden.txt, .git/x.txt, sub/c.txt, sub/deeper/d.text"""
    root = tmp_path / "in"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    shutil.copy(samples[0], root / "b.txt")
    shutil.copy(samples[1], root / "a.md")
    (root / "notes.csv").write_text("a,b\n1,2\n")
    shutil.copy(samples[2], root / ".hidden.txt")
    shutil.copy(samples[2], root / ".git" / "x.txt")
    shutil.copy(samples[3], root / "sub" / "c.txt")
    shutil.copy(samples[4], root / "sub" / "deeper" / "d.text")
    return root


def relatives(root: Path, *args: tuple[str, ...]) -> list[str]:
    return [i.relative for i in iter_inputs([str(root)], *args)]


def test_recursive_sorted_hidden_skipped_supported_only(tree):
    assert relatives(tree) == ["a.md", "b.txt", "sub/c.txt", "sub/deeper/d.text"]


def test_glob_and_exclude(tree):
    assert relatives(tree, ("*.txt",)) == ["b.txt", "sub/c.txt"]
    assert relatives(tree, (), ("sub/*",)) == ["a.md", "b.txt"]
    assert relatives(tree, ("*.csv",)) == ["notes.csv"]
    result = invoke(str(tree), "--exclude", "*.md", "--exclude", "sub/deeper/*", "-f", "jsonl", "-j", "1")
    assert result.exit_code == 0
    assert [json.loads(line)["source"].split("in/")[-1] for line in result.stdout.splitlines()] == ["b.txt", "sub/c.txt"]


def test_symlink_loop_and_links_do_not_hang_or_repeat(tree):
    (tree / "sub" / "loop").symlink_to(tree, target_is_directory=True)
    (tree / "dangling.txt").symlink_to(tree / "missing.txt")
    (tree / "alias.txt").symlink_to(tree / "b.txt")
    found = relatives(tree)
    assert found == ["a.md", "alias.txt", "b.txt", "sub/c.txt", "sub/deeper/d.text"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_in_a_folder_is_skipped_without_blocking(tree):
    os.mkfifo(tree / "pipe.txt")
    proc = subprocess.run([sys.executable, "-m", "summarize", str(tree), "-f", "jsonl"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    sources = [json.loads(line)["source"] for line in proc.stdout.splitlines()]
    assert len(sources) == 4 and not any("pipe" in s for s in sources)


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
def test_file_names_that_are_not_utf8(tree, samples):
    raw_name = os.path.join(os.fsencode(tree), b"communiqu\xe9.txt")
    with open(raw_name, "wb") as handle:
        handle.write(samples[5].read_bytes())
    proc = subprocess.run([sys.executable, "-m", "summarize", str(tree), "-f", "jsonl", "-j", "2"],
                          capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert len(records) == 5
    odd = [r for r in records if "communiqu" in r["source"]]
    assert odd and odd[0]["summary"] and "\ufffd" in odd[0]["source"]


def test_parallel_output_is_in_input_order_and_equal_to_serial(tree):
    serial = invoke(str(tree), "-f", "jsonl", "-j", "1")
    parallel = invoke(str(tree), "-f", "jsonl", "-j", "2")
    assert serial.exit_code == parallel.exit_code == 0
    assert serial.stdout == parallel.stdout
    assert "4 summarized, 0 failed" in parallel.stderr


def test_mixed_folder_in_parallel_exit_code_and_report(tree):
    (tree / "empty.txt").write_bytes(b"")
    (tree / "binary.txt").write_bytes(bytes(range(256)) * 8)
    result = invoke(str(tree), "-f", "jsonl", "-j", "2")
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"].split("in/")[-1] for r in records] == ["a.md", "b.txt", "binary.txt", "empty.txt", "sub/c.txt", "sub/deeper/d.text"]
    assert sum("error" in r for r in records) == 2
    assert "4 summarized, 2 failed" in result.stderr


def test_output_dir_inside_the_input_folder_is_not_read_back(tree):
    before = checksums(tree)
    out = tree / "résumés"
    for _ in range(2):  # a second run must not summarize the first run's results
        result = invoke(str(tree), "-o", str(out), "-f", "markdown")
        assert result.exit_code == 0, result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.name != ".summarize.manifest.json") == [
        "a.summary.md", "b.summary.md", "sub", "sub/c.summary.md", "sub/deeper", "sub/deeper/d.summary.md"]
    assert {k: v for k, v in checksums(tree).items() if not k.startswith("résumés")} == before
    assert not list(out.rglob(".summarize-*"))  # no temporary file left behind


def test_output_never_overwrites_an_input(tmp_path, samples):
    out, other = tmp_path / "out", tmp_path / "other"
    out.mkdir()
    other.mkdir()
    shutil.copy(samples[0], other / "x.txt")
    victim = out / "x.summary.txt"
    victim.write_text("an input the user gave, not ours\n")
    result = invoke(str(other / "x.txt"), str(victim), "-o", str(out), "-f", "text", "-j", "1")
    assert result.exit_code == 1
    assert "refusing to overwrite an input" in result.stderr
    assert victim.read_text() == "an input the user gave, not ours\n"


def test_output_dir_that_is_a_file_is_refused(tmp_path, samples):
    target = tmp_path / "file"
    target.write_text("x")
    assert invoke(str(samples[0]), "-o", str(target)).exit_code == 2


def test_ctrl_c_stops_promptly_with_130_and_no_partial_files(tmp_path, samples):
    folder = tmp_path / "many"
    folder.mkdir()
    text = samples[0].read_bytes()
    for i in range(3000):
        (folder / f"{i:05d}.txt").write_bytes(text)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "summarize", str(folder), "-o", str(out), "-j", "2", "-f", "json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.exists() and any(not p.name.startswith(".") for p in out.iterdir())):
        time.sleep(0.05)  # a finished result, not the manifest or a result still being written (hidden names)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert b"Traceback" not in stderr and b"interrupted" in stderr
    written = [p for p in out.iterdir() if p.name != ".summarize.manifest.json"]
    assert 0 < len(written) < 3000
    assert not [p for p in written if p.name.startswith(".summarize-")]
    for path in written:
        assert json.loads(path.read_text(encoding="utf-8"))["summary"]
    remembered = json.loads((out / ".summarize.manifest.json").read_text(encoding="utf-8"))["inputs"]  # whole, and only done inputs
    assert 0 < len(remembered) <= len(written)


def test_rich_batch_ends_with_a_table_of_every_file(tree):
    (tree / "empty.txt").write_bytes(b"")
    result = invoke(str(tree), "-f", "rich", "-j", "1")
    assert result.exit_code == 1
    table = result.stdout.split("Lot / Batch")[-1]
    for name in ("a.md", "b.txt", "empty.txt", "c.txt", "d.text"):
        assert name in table
    assert table.count("ok") >= 4 and "empty" in table


def test_progress_bar_only_on_a_terminal(tree, samples):
    """A transient Rich bar on stderr when stderr is a terminal; never in a pipe or a log file."""
    import pty

    for i in range(6):
        shutil.copy(samples[i % len(samples)], tree / f"extra{i}.txt")
    piped = subprocess.run([sys.executable, "-m", "summarize", str(tree), "-f", "jsonl"], capture_output=True, timeout=120)
    assert b"\xe2\x94\x81" not in piped.stderr and b"10 summarized, 0 failed" in piped.stderr  # no bar glyph (U+2501)

    controller, terminal = pty.openpty()
    seen = bytearray()

    def drain() -> None:  # a terminal must be read while the command writes, or the command blocks
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:
                return
            if not chunk:
                return
            seen.extend(chunk)

    import threading

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    proc = subprocess.Popen([sys.executable, "-m", "summarize", str(tree), "-f", "jsonl", "-j", "1"],
                            stdout=subprocess.PIPE, stderr=terminal, env={**os.environ, "COLUMNS": "100", "TERM": "xterm"})
    os.close(terminal)
    stdout, _ = proc.communicate(timeout=120)
    reader.join(timeout=10)
    os.close(controller)
    assert proc.returncode == 0 and len(stdout.splitlines()) == 10
    assert b"\xe2\x94\x81" in seen or b"10/10" in seen  # the bar was drawn
    assert b"10 summarized, 0 failed" in seen
