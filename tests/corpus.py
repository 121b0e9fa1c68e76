"""Record corpora for the records and cluster tests, built from the project's own samples.

Each record is a window of a sample's paragraphs, so every record is a different release
with real furniture (headers, datelines, contacts) and none is written for the test.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# Records that must come back as error objects, with the reason the user sees.
BAD_RECORDS = {
    "empty": ({"id": "empty", "text": "   "}, "empty"),
    "no-text": ({"id": "no-text", "body": "Le texte est dans un autre champ."}, "no 'text' field"),
    "binary": ({"id": "binary", "text": "\x00\x01\x02binaire" * 50}, "binary"),
    "number": ({"id": "number", "text": 42}, "not text"),
}


def releases(count: int) -> list[dict[str, str]]:
    """`count` distinct releases: windows of sample paragraphs, some with a title field."""
    from summarize import read_text

    paragraphs = [[p for p in read_text(str(path)).text.split("\n") if p.strip()] for path in sorted(SAMPLES.glob("*.txt"))]
    records = []
    for n in range(count):
        lines = paragraphs[n % len(paragraphs)]
        start = (n // len(paragraphs)) % max(1, len(lines) - 3)
        length = 3 + n % 7
        record = {"id": f"r{n:04d}", "text": "\n".join(lines[start:start + length])}
        if n % 3 == 0:  # the sample's headline (its first line of four words or more: not the kicker)
            record["title"] = next(line for line in lines if len(line.split()) >= 4)
        records.append(record)
    return records


def with_bad_records(records: list[dict]) -> list[dict]:
    """The same records with every kind of bad record spread among them."""
    mixed = list(records)
    for offset, (record, _) in enumerate(BAD_RECORDS.values()):
        mixed.insert(min(len(mixed), 7 + offset * 11), record)
    return mixed


def write_jsonl(path: Path, records: list[dict], extra_lines: dict[int, str] | None = None) -> Path:
    """One object a line; extra_lines puts raw lines (blank, broken JSON) before record n."""
    with path.open("w", encoding="utf-8") as stream:
        for n, record in enumerate(records):
            if extra_lines and n in extra_lines:
                stream.write(extra_lines[n] + "\n")
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def write_csv(path: Path, records: list[dict]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, ["id", "title", "text"], extrasaction="ignore")
        writer.writeheader()
        for record in records:
            writer.writerow({k: v for k, v in record.items() if isinstance(v, str)})
    return path


def write_parquet(path: Path, records: list[dict], row_group_size: int = 64) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {name: [r.get(name) for r in records] for name in ("id", "title", "text")}
    pq.write_table(pa.table(columns), path, row_group_size=row_group_size)
    return path


def read_jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def without_source(results: list[dict]) -> list[dict]:
    """Results compared across input formats: the source names the file (so does "duplicate_of",
    before its record id), the rest must agree."""
    return [{k: (v.rpartition("#")[2] if k == "duplicate_of" and v else v) for k, v in r.items() if k != "source"} for r in results]
