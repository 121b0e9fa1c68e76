"""Run the atheris fuzz harness for a bounded time in CI (issue 8).

Seeds are the samples and small documents of every format; libFuzzer mutates them for
FUZZ_SECONDS (default 20) under a memory limit and a per-input timeout. Where atheris
is not installable, the byte-level properties in test_properties.py cover the same code.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HARNESS = Path(__file__).parent / "fuzz" / "fuzz_read.py"


def seed_corpus(folder: Path, samples: list[Path]) -> None:
    folder.mkdir()
    for index, sample in enumerate(samples):
        (folder / f"sample{index}").write_bytes(bytes([0]) + sample.read_bytes())
    seeds = {
        "html": bytes([1]) + b"<!DOCTYPE html><html><body><article><h1>Titre</h1><p>Le ministre a annonce 20 millions d'euros.</p></article></body></html>",
        "md": bytes([2]) + b"# Titre\n\n**Gras** et [lien](https://x.fr).\n\n- point\n",
        "eml": bytes([3]) + b"From: a@b.fr\nTo: c@d.fr\nSubject: Essai\n\nLe ministre a annonce un plan. Il sera presente lundi.\n",
        "pdf": bytes([4]) + b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF",
        "docx": bytes([5]) + b"PK\x03\x04",
    }
    for name, data in seeds.items():
        (folder / name).write_bytes(data)


def test_fuzz_harness_runs_without_crash_for_a_bounded_time(tmp_path, samples):
    pytest.importorskip("atheris")
    corpus = tmp_path / "corpus"
    seed_corpus(corpus, samples)
    seconds = int(os.environ.get("FUZZ_SECONDS", "20"))
    proc = subprocess.run(
        [sys.executable, str(HARNESS), str(corpus), f"-max_total_time={seconds}", "-timeout=20", "-rss_limit_mb=2048",
         "-max_len=20000", f"-artifact_prefix={tmp_path}/"],
        capture_output=True, text=True, timeout=seconds + 120,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert "Done" in proc.stderr
