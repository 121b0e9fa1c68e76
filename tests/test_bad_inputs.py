"""The bad-input suite (issue 8): generated files that a real inbox produces, each run through
the installed command next to a good release, under a memory limit.

For each case: the documented exit code, a clear message, no traceback, the good file still
summarized, and every input byte-identical afterwards. Folder cases (symlink loop, FIFO,
non-UTF-8 names, output dir equal to an input, Ctrl-C, mixed folder) are in test_batch.py,
the DOCX zip bomb and the HTML external entity in test_formats.py, `| head -1` in test_cli.py.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

MEMORY_LIMIT = 2 * 1024**3  # address space of the child: a leak or a blow-up fails the case
HANG_GUARD = 180  # seconds; every case takes a few seconds at most


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "summarize", *args], capture_output=True, timeout=HANG_GUARD,
                          preexec_fn=_limit_memory, cwd=cwd)


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


TEXT = "Le ministère de l’Agriculture annonce un plan d’urgence de 120 millions d’euros pour les éleveurs."


def long_lines() -> bytes:
    return "\n".join(f"Ligne {i} : le conseil a voté la mesure numéro {i}." for i in range(100_000)).encode()


CASES = {
    # name: (bytes, expected exit code, expected message or None when summarized)
    "empty": (b"", 1, "empty input"),
    "whitespace": (b"  \n\t \r\n  ", 1, "empty input"),
    "binary": (bytes(range(256)) * 64, 1, "binary"),
    "nul-bytes": (b"\x00\x01\x02 ELF \x00" * 500, 1, "binary"),
    "stray-nul-in-text": (TEXT.encode()[:30] + b"\x00" + TEXT.encode()[30:], 0, None),
    "invalid-utf8": (TEXT.encode() + b" \xff\xfe caf\xe9 " + TEXT.encode(), 0, None),
    "latin1": (TEXT.replace("’", "'").encode("latin-1"), 0, None),
    "utf16-bom": (TEXT.encode("utf-16"), 0, None),
    "utf16-le-no-bom": (TEXT.encode("utf-16-le"), 0, None),
    "only-punctuation": (b"... --- !!! ??? 123 456", 1, "no letters"),
    "50mb-single-line": (b"a" * (50 * 1024 * 1024), 1, "too large"),
    "100000-lines": (long_lines(), 0, None),
    "2mb-word": (b"Le debut. " + b"x" * (2 * 1024 * 1024) + b" fin.", 0, None),
    "pathological-hyphens": (b"a-" * 100_000, 0, None),
    "pathological-addresses": (b"a@b.fr " * 30_000, 0, None),
    "fake-pdf": (b"%PDF-1.7\n" + b"\x00garbage" * 100, 1, "PDF"),
    "fake-docx": (b"PK\x03\x04" + b"\x00" * 200, 1, "zip"),
    "legacy-doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, 1, ".docx"),
    "broken-html": (b"<!DOCTYPE html><html><body><div><p>" * 2000, 1, "no main text"),
    "broken-email": (b"From: a@b.fr\nTo: c@d.fr\nSubject: rien\nContent-Type: multipart/mixed; boundary=x\n\n--x\n", 1, "no text"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_next_to_a_good_release(case, tmp_path, samples):
    content, code, message = CASES[case]
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / f"{case}.txt").write_bytes(content)
    good = folder / "good.txt"
    good.write_bytes(samples[0].read_bytes())
    before = digest(folder)
    proc = run_cli(str(folder), "-f", "jsonl", "-j", "2")
    stderr = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr[-3000:]
    assert proc.returncode == code, stderr[-3000:]
    records = {Path(r["source"]).name: r for r in map(json.loads, proc.stdout.decode().splitlines())}
    assert records["good.txt"]["summary"], "the good release must still be summarized"
    bad = records[f"{case}.txt"]
    if message is None:
        assert "error" not in bad and bad["summary"]
    else:
        assert message in bad["error"] and message in stderr
    assert digest(folder) == before, "an input was modified"


def test_single_bad_file_exit_code_and_message(tmp_path):
    path = tmp_path / "vide.txt"
    path.write_bytes(b"")
    proc = run_cli(str(path))
    assert proc.returncode == 1 and b"vide.txt: empty input" in proc.stderr and not proc.stdout.strip(b"\n").startswith(b"Traceback")


def test_file_removed_mid_batch_is_reported_and_the_rest_goes_on(tmp_path, samples):
    from summarize.run.batch import Options, iter_inputs, run

    for index, sample in enumerate(samples[:3]):
        (tmp_path / f"{index}.txt").write_bytes(sample.read_bytes())
    inputs = list(iter_inputs([str(tmp_path)]))
    (tmp_path / "1.txt").unlink()  # gone between listing and reading
    results = [result for _, result in run(iter(inputs), Options(), jobs=2)]
    assert [("error" in r) for r in results] == [False, True, False]
    assert "no such file" in results[1]["error"]


def test_unreadable_file_is_reported(tmp_path, samples):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = tmp_path / "secret.txt"
    path.write_bytes(samples[0].read_bytes())
    path.chmod(0)
    proc = run_cli(str(path))
    assert proc.returncode == 1 and b"cannot read" in proc.stderr


def test_no_pickle_no_eval_no_network_in_the_package():
    """Static guard: nothing in summarize/ loads pickles, evaluates input or opens sockets, except
    cluster.py, whose one job is to reach the Dask scheduler the user names with --scheduler (it
    is imported only then: test_records.py::test_record_tools_are_not_imported_for_a_single_file)."""
    package = Path(__file__).resolve().parent.parent / "summarize"
    forbidden = ("import pickle", "pickle.load", "eval(", "exec(", "import socket", "urllib.request", "http.client",
                 "import requests", "fetch_url", "nltk.download", "marshal.load", "shelve", "yaml.load(")
    for path in package.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for needle in forbidden:
            if path.name == "cluster.py" and needle == "import socket":
                continue
            assert needle not in source, f"{needle!r} in {path.name}"
        if path.name != "cluster.py":
            assert "from distributed" not in source and "import distributed" not in source, path.name
    data_files = [p.suffix for p in (package / "data").iterdir()]
    assert set(data_files) <= {".txt", ".tsv", ".json", ".md"}  # text only


def test_no_network_access_while_reading_every_format(tmp_path, samples, monkeypatch):
    """Runtime guard: any socket opened while reading and summarizing fails the test."""
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    from summarize import summarize_text
    from summarize.read.reading import read_bytes

    page = ("<!DOCTYPE html><html><head><link rel='stylesheet' href='https://cdn.example.com/a.css'>"
            "<script src='https://tracker.example.com/t.js'></script></head><body><article><h1>Titre du communiqué</h1>"
            f"<p>{TEXT} Le plan sera présenté lundi aux organisations professionnelles.</p>"
            "<img src='https://images.example.com/x.png'></article></body></html>").encode()
    for data, name in ((page, "page.html"), (samples[0].read_bytes(), "a.txt")):
        summarize_text(read_bytes(data, name).text)
