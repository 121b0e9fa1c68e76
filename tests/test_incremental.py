"""Incremental runs with -o (issue 26): a second run rewrites nothing, a changed input only its
result, --force everything; deleted results, other options and shared result names."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

MANIFEST = ".summarize.manifest.json"


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "summarize", *args], capture_output=True, text=True, timeout=300)


def identities(folder: Path) -> dict[str, tuple[int, int]]:
    """Each result file's inode and modification time: a rewrite (temporary file renamed) changes both."""
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


@pytest.fixture
def inbox(samples, tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for sample in samples:
        shutil.copy(sample, folder / sample.name)
    return folder


def test_second_run_rewrites_nothing_a_changed_input_only_its_result_force_all(inbox, tmp_path):
    out = tmp_path / "out"
    first = cli(str(inbox), "-o", str(out), "-f", "json")
    assert first.returncode == 0, first.stderr
    before = identities(out)
    assert len(before) == len(list(inbox.iterdir())) and (out / MANIFEST).is_file()

    second = cli(str(inbox), "-o", str(out), "-f", "json")
    assert second.returncode == 0 and f"{len(before)} up to date, 0 summarized" in second.stderr
    assert identities(out) == before

    changed = inbox / "metropole-nantes-tramway.txt"  # the date moves: a corrected release
    assert "septembre 2027" in json.loads((out / f"{changed.stem}.summary.json").read_text(encoding="utf-8"))["title"]
    changed.write_bytes(changed.read_bytes().replace(b"septembre 2027", "décembre 2028".encode()))
    third = cli(str(inbox), "-o", str(out), "-f", "json")
    assert third.returncode == 0 and f"{len(before) - 1} up to date, 1 summarized" in third.stderr
    after = identities(out)
    redone = {name for name in before if after[name] != before[name]}
    assert redone == {f"{changed.stem}.summary.json"}
    assert "décembre 2028" in json.loads((out / f"{changed.stem}.summary.json").read_text(encoding="utf-8"))["title"]

    forced = cli(str(inbox), "-o", str(out), "-f", "json", "--force")
    assert forced.returncode == 0 and "up to date" not in forced.stderr
    assert all(identities(out)[name] != after[name] for name in after)


def test_deleted_result_touched_input_and_other_options_are_redone(inbox, tmp_path):
    out = tmp_path / "out"
    assert cli(str(inbox), "-o", str(out)).returncode == 0
    results = sorted(p for p in out.iterdir() if not p.name.startswith("."))
    results[0].unlink()
    again = cli(str(inbox), "-o", str(out))
    assert results[0].is_file() and f"{len(results) - 1} up to date, 1 summarized" in again.stderr

    touched = sorted(inbox.iterdir())[2]
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 5_000_000_000))  # same text, newer file
    assert "1 summarized" in cli(str(inbox), "-o", str(out)).stderr

    before = identities(out)
    other = cli(str(inbox), "-o", str(out), "-n", "1")
    assert other.returncode == 0 and "up to date" not in other.stderr
    assert all(identities(out)[name] != before[name] for name in before)


def test_a_replaced_result_file_is_redone(inbox, tmp_path):
    out = tmp_path / "out"
    assert cli(str(inbox), "-o", str(out), "-f", "json").returncode == 0
    victim = sorted(p for p in out.iterdir() if not p.name.startswith("."))[0]
    victim.write_text("{}", encoding="utf-8")
    again = cli(str(inbox), "-o", str(out), "-f", "json")
    assert "1 summarized" in again.stderr and json.loads(victim.read_text(encoding="utf-8"))["summary"]


def test_inputs_sharing_a_result_name_keep_the_last_one_wins_rule(samples, tmp_path):
    first, second = tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt"
    for path, sample in ((first, samples[0]), (second, samples[1])):
        path.parent.mkdir()
        shutil.copy(sample, path)
    out = tmp_path / "out"
    assert cli(str(first), str(second), "-o", str(out), "-f", "json").returncode == 0
    with first.open("a", encoding="utf-8") as stream:
        stream.write("\nUne phrase ajoutée au premier fichier pour le changer.\n")
    assert cli(str(first), str(second), "-o", str(out), "-f", "json").returncode == 0
    assert json.loads((out / "x.summary.json").read_text(encoding="utf-8"))["source"] == str(second)


def test_a_failed_input_is_tried_again_and_fails_again(inbox, tmp_path):
    (inbox / "vide.txt").write_text("   \n", encoding="utf-8")
    out = tmp_path / "out"
    first = cli(str(inbox), "-o", str(out))
    second = cli(str(inbox), "-o", str(out))
    assert first.returncode == second.returncode == 1
    assert "vide.txt" in second.stderr and "1 failed" in second.stderr and "up to date" in second.stderr


def test_an_unreadable_manifest_means_everything_is_redone(inbox, tmp_path):
    out = tmp_path / "out"
    assert cli(str(inbox), "-o", str(out)).returncode == 0
    (out / MANIFEST).write_text('{"manifest": 1, "fingerprint": ', encoding="utf-8")
    again = cli(str(inbox), "-o", str(out))
    assert again.returncode == 0 and "up to date" not in again.stderr and "Traceback" not in again.stderr
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["inputs"]  # written whole again
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_html_index_still_lists_the_inputs_that_were_skipped(inbox, tmp_path):
    out = tmp_path / "out"
    assert cli(str(inbox), "-o", str(out), "-f", "html").returncode == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    changed = sorted(inbox.iterdir())[0]
    with changed.open("a", encoding="utf-8") as stream:
        stream.write("\nUne phrase ajoutée pour changer ce communiqué.\n")
    again = cli(str(inbox), "-o", str(out), "-f", "html")
    assert "1 summarized" in again.stderr
    for sample in inbox.iterdir():
        assert f'href="{sample.stem}.summary.html"' in index
        assert f'href="{sample.stem}.summary.html"' in (out / "index.html").read_text(encoding="utf-8")


def test_force_without_an_output_folder_is_a_usage_error(samples):
    run = cli(str(samples[0]), "--force")
    assert run.returncode == 2 and "--force needs --output-dir" in run.stderr


def test_the_manifest_code_is_not_imported_for_a_single_file(samples):
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "summarize", str(samples[0]), "-f", "json"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0
    imported = {line.split("|")[-1].strip() for line in run.stderr.splitlines() if "|" in line}
    assert "summarize.run.batch" in imported  # the check sees our modules
    assert "summarize.run.incremental" not in imported and "watchfiles" not in imported and "summarize.run.watch" not in imported
