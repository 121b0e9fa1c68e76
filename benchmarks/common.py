"""Shared helpers of the benchmark scripts: locating ../shared/bench and printing tables."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = Path(os.environ.get("SUMMARIZE_BENCH_DIR", ROOT.parent / "shared" / "bench"))


def bench_file(name: str) -> Path:
    path = BENCH_DIR / name
    if not path.exists():
        raise SystemExit(f"benchmark data not found: {path} (set SUMMARIZE_BENCH_DIR)")
    return path


def read_jsonl(name: str, limit: int | None = None) -> Iterator[dict]:
    path = bench_file(name)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for index, line in enumerate(handle):
            if limit is not None and index >= limit:
                break
            yield json.loads(line)


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    def cell(value: object) -> str:
        return f"{value:.1f}" if isinstance(value, float) else str(value)

    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)
