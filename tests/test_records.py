"""Record corpora (--records): JSONL, CSV and Parquet in, results or Parquet parts out, local pool.

The Dask cluster runs the same partitions; its tests are in test_cluster.py.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.run.batch import InlineExecutor, Options
from summarize.run.records import Fields, outcomes, plan, prepare, read_records, summarize_partition

from .corpus import BAD_RECORDS, read_jsonl, releases, with_bad_records, without_source, write_csv, write_jsonl, write_parquet


def cli(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "summarize", *args], capture_output=True, text=True, timeout=300, cwd=cwd)


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return releases(60)


def test_every_format_gives_the_same_results(tmp_path, records):
    jsonl = write_jsonl(tmp_path / "corpus.jsonl", records)
    csv_file = write_csv(tmp_path / "corpus.csv", records)
    parquet = write_parquet(tmp_path / "corpus.parquet", records, row_group_size=16)
    outputs = {}
    for path in (jsonl, csv_file, parquet):
        run = cli("--records", str(path), "-f", "jsonl", "--partition-size", "8k")
        assert run.returncode == 0, run.stderr
        outputs[path.suffix] = read_jsonl(run.stdout)
    assert [r["id"] for r in outputs[".jsonl"]] == [r["id"] for r in records]
    assert without_source(outputs[".csv"]) == without_source(outputs[".jsonl"]) == without_source(outputs[".parquet"])
    first = outputs[".parquet"][0]
    assert first["source"] == f"{parquet}#r0000" and first["summary"] and first["title"] == records[0]["title"]
    texts = {r["id"]: r["text"] for r in records}
    for result in outputs[".jsonl"]:
        for sentence in result["summary"]:  # extractive: verbatim from the record's own text
            assert " ".join(sentence.split()) in " ".join(texts[result["id"]].split())


def test_results_do_not_depend_on_partitioning_or_workers(tmp_path, records):
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records)
    whole = cli("--records", str(corpus), "-f", "jsonl", "-j", "1")
    split = cli("--records", str(corpus), "-f", "jsonl", "-j", "2", "--partition-size", "3k")
    assert whole.returncode == split.returncode == 0
    assert whole.stdout == split.stdout and len(read_jsonl(whole.stdout)) == len(records)


def test_bad_records_give_error_objects_and_the_job_goes_on(tmp_path, records):
    corpus = write_jsonl(tmp_path / "corpus.jsonl", with_bad_records(records[:30]), extra_lines={3: "", 12: "{pas du json", 20: "[1, 2]"})
    run = cli("--records", str(corpus), "-f", "jsonl", "--partition-size", "2k")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    results = read_jsonl(run.stdout)
    assert len(results) == 30 + len(BAD_RECORDS) + 2  # the blank line is no record
    errors = {r["id"]: r["error"] for r in results if "error" in r}
    for name, (_, reason) in BAD_RECORDS.items():
        assert reason in errors[name]
    line_errors = sorted(e for e in errors.values() if ": line " in e)
    assert len(line_errors) == 2 and "not valid JSON" in " ".join(line_errors) and "not a JSON object" in " ".join(line_errors)
    assert sum("error" not in r for r in results) == 30
    assert "30 summarized, 6 failed" in run.stderr


def test_records_without_id_are_named_by_their_line(tmp_path, records):
    no_ids = [{k: v for k, v in r.items() if k != "id"} for r in records[:25]]
    corpus = write_jsonl(tmp_path / "noid.jsonl", no_ids, extra_lines={5: "", 9: ""})
    run = cli("--records", str(corpus), "-f", "jsonl", "--partition-size", "1k")
    lines = corpus.read_text(encoding="utf-8").split("\n")
    for result in read_jsonl(run.stdout):
        text = " ".join(json.loads(lines[int(result["id"]) - 1])["text"].split())
        assert result["summary"] and all(" ".join(s.split()) in text for s in result["summary"])
        assert result["source"].endswith(f"noid.jsonl#{result['id']}")
    assert [r["id"] for r in read_jsonl(run.stdout)][4:8] == ["5", "7", "8", "9"]


@settings(max_examples=25, deadline=None)
@given(sizes=st.lists(st.integers(min_value=0, max_value=300), min_size=1, max_size=40), block=st.integers(min_value=1, max_value=700))
def test_byte_range_partitions_read_every_line_once(tmp_path_factory, sizes, block):
    """Whatever the partition size, each record is read by exactly one partition, with its own line number."""
    folder = tmp_path_factory.mktemp("ranges")
    lines = [json.dumps({"n": n, "text": "é" * size}) if size % 7 else "" for n, size in enumerate(sizes)]
    path = folder / "c.jsonl"
    path.write_text("\n".join(lines) + ("\n" if block % 2 else ""), encoding="utf-8")
    job = prepare([str(path)], InlineExecutor(), 4, block)
    seen = [(number, record["n"]) for p in job.partitions for number, record in read_records(p, Fields())]
    expected = [(n + 1, n) for n, line in enumerate(lines) if line]
    assert seen == expected and job.records == len(expected)


def test_parquet_parts_hold_every_record_once_with_the_contract_columns(tmp_path, records):
    import pyarrow.parquet as pq

    corpus = write_parquet(tmp_path / "corpus.parquet", records[:40], row_group_size=10)
    out = tmp_path / "out"
    run = cli("--records", str(corpus), "-o", str(out), "--partition-size", "4k")
    assert run.returncode == 0, run.stderr
    parts = sorted(p.name for p in out.iterdir() if p.name not in (".summarize.job.json", "_groups.jsonl"))  # the job; the duplicate groups (issue 26)
    assert parts and all(p.startswith("part-") and p.endswith(".parquet") for p in parts)
    assert (out / "_groups.jsonl").is_file()
    table = pq.read_table(out)
    assert table.schema.names == ["id", "source", "language", "title", "summary", "topics", "facts", "sentences", "words",
                                  "summary_words", "warnings", "error"]
    assert str(table.schema.field("summary").type) == "list<element: string>"
    assert str(table.schema.field("sentences").type) == "int64"
    rows = table.to_pylist()
    assert [r["id"] for r in rows] == [r["id"] for r in records[:40]]
    local = read_jsonl(cli("--records", str(corpus), "-f", "jsonl").stdout)
    for row, result in zip(rows, local, strict=True):
        assert row["summary"] == result["summary"] and row["topics"] == result["topics"]
        assert json.loads(row["facts"]) == result["facts"] and row["words"] == result["stats"]["words"]
    written = {p.name: p.stat().st_ino for p in out.glob("part-*")}
    again = cli("--records", str(corpus), "-o", str(out), "--partition-size", "4k")  # the same job: nothing left to do
    assert again.returncode == 0 and "40 up to date, 0 summarized" in again.stderr, again.stderr
    assert {p.name: p.stat().st_ino for p in out.glob("part-*")} == written
    for other in (["--partition-size", "4k", "-n", "1"], []):  # other options, another partitioning: never mixed
        refused = cli("--records", str(corpus), "-o", str(out), *other)
        assert refused.returncode == 2 and "already holds part files of another job" in refused.stderr
    assert {p.name: p.stat().st_ino for p in out.glob("part-*")} == written


def test_folders_gzip_and_file_urls(tmp_path, records):
    folder = tmp_path / "dump"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", records[:10])
    with gzip.open(folder / "b.jsonl.gz", "wt", encoding="utf-8") as stream:
        stream.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records[10:20])
    (folder / "notes.txt").write_text("pas un corpus", encoding="utf-8")
    by_folder = cli("--records", str(folder), "-f", "jsonl")
    by_url = cli("--records", f"file://{folder}/*.jsonl*", "-f", "jsonl")
    assert by_folder.returncode == by_url.returncode == 0
    assert [r["id"] for r in read_jsonl(by_folder.stdout)] == [r["id"] for r in records[:20]]
    assert without_source(read_jsonl(by_url.stdout)) == without_source(read_jsonl(by_folder.stdout))


def test_usage_errors_are_clear(tmp_path, records):
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records[:3])
    checks = [
        (["--records", str(tmp_path / "missing.jsonl")], 1, "no such file"),
        (["--records", str(tmp_path)], 0, ""),
        (["--records", str(corpus), "-o", str(tmp_path / "o"), "-f", "json"], 2, "-o writes Parquet"),
        (["--records", "-"], 2, "stdin"),
        (["--records", str(corpus), "--partition-size", "huge"], 2, "--partition-size"),
        (["--records", "s3x://bucket/x.parquet"], 1, "s3x://"),
    ]
    (tmp_path / "other.txt").write_text("x", encoding="utf-8")
    checks.append((["--records", str(tmp_path / "other.txt")], 1, "not a record corpus"))
    for args, code, message in checks:
        run = cli(*args, "-f", "jsonl") if "-f" not in args else cli(*args)
        assert run.returncode == code, (args, run.stderr)
        assert message in run.stderr and "Traceback" not in run.stderr


def test_relative_paths_are_shown_as_given(tmp_path, records):
    write_jsonl(tmp_path / "corpus.jsonl", records[:2])
    run = cli("--records", "corpus.jsonl", "-f", "jsonl", cwd=tmp_path)
    assert [r["source"] for r in read_jsonl(run.stdout)] == ["corpus.jsonl#r0000", "corpus.jsonl#r0001"]


def test_summarize_partition_is_the_library_entry(records):
    results = summarize_partition(records[:5] + [{"id": "x"}], Options(sentences=2), Fields(), origin="dump")
    assert [r["id"] for r in results] == ["r0000", "r0001", "r0002", "r0003", "r0004", "x"]
    assert all(len(r["summary"]) <= 2 for r in results[:5]) and "error" in results[5]
    assert results[0]["source"] == "dump#r0000"


def test_local_outcomes_match_summarize_partition(tmp_path, records):
    corpus = write_jsonl(tmp_path / "c.jsonl", records[:12])
    job = prepare([str(corpus)], InlineExecutor(), 2, 2_000)
    streamed = [r for o in outcomes(job, Options(), Fields(), InlineExecutor(), 2) for r in o.results]
    assert len(job.partitions) > 1
    assert without_source(streamed) == without_source(summarize_partition(records[:12]))


def test_record_tools_are_not_imported_for_a_single_file(samples):
    """The single-file path never imports Dask, distributed, pyarrow or fsspec (cold start unchanged)."""
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "summarize", str(samples[0]), "-f", "json"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0
    imported = {line.split("|")[-1].strip().split(".")[0] for line in run.stderr.splitlines() if line.startswith("import time:")}
    assert "summarize" in imported
    assert not imported & {"dask", "distributed", "pyarrow", "fsspec", "pandas"}


def test_plan_reads_only_sizes_and_footers(tmp_path, records):
    parquet = write_parquet(tmp_path / "c.parquet", records, row_group_size=20)
    partitions = plan([str(parquet)], 2_000)
    assert sum(p.records for p in partitions) == len(records)
    assert {p.row_group for p in partitions} == {0, 1, 2}
    assert [p.index for p in partitions] == list(range(len(partitions)))


def test_results_do_not_depend_on_the_process(tmp_path, records):
    """Workers are other processes (Dask's are not forks of the client): string hashing differs
    between them, and no result may depend on it (two spellings of one organisation once did)."""
    spelled_twice = {"id": "twice", "text": "Les chercheurs de l'université de Tel-Aviv publient une étude. "
                     "L'Université de Tel-Aviv et le Conseil constitutionnel en débattent. "
                     "Le Conseil Constitutionnel rendra son avis en mars."}
    corpus = write_jsonl(tmp_path / "c.jsonl", [spelled_twice, *records[:20]])
    outputs = set()
    for seed in ("1", "2", "3", "4"):
        run = subprocess.run([sys.executable, "-m", "summarize", "--records", str(corpus), "-f", "jsonl", "-j", "1"],
                             capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONHASHSEED": seed})
        assert run.returncode == 0, run.stderr
        outputs.add(run.stdout)
    assert len(outputs) == 1
