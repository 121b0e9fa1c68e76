"""Scaling of the default pipeline with document length (issue 4).

Documents of about 2 KB, 20 KB, 200 KB and 1 MB are built by concatenating OrangeSum
validation articles (blank line between articles). Each size runs in a fresh process that
reports the time of `summarize_text` (whole pipeline: structure, sentences, ranking, topics,
facts), the time of the ranking stage alone, and the process's peak resident memory.

    python benchmarks/scaling.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, markdown_table, read_jsonl  # noqa: E402

SIZES = {"2 KB": 2_000, "20 KB": 20_000, "200 KB": 200_000, "1 MB": 1_000_000}

PROBE = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from summarize.pipeline import build_sentences, summarize_text
from summarize.rank.ranking import rank
from summarize.text.structure import parse_structure
text = open(sys.argv[1], encoding="utf-8").read()
started = time.perf_counter()
result = summarize_text(text)
total = time.perf_counter() - started
sentences = build_sentences(parse_structure(text), "fr")
started = time.perf_counter()
rank(sentences, 3)
ranking = time.perf_counter() - started
print(json.dumps({"total": total, "rank": ranking, "sentences": len(sentences),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def build_document(size: int, articles: list[str]) -> str:
    parts, length = [], 0
    for article in articles:
        if length >= size:
            break
        parts.append(article)
        length += len(article.encode("utf-8")) + 2
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles = [row["article"] for row in read_jsonl("orangesum-valid.jsonl")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, size in SIZES.items():
            path = Path(tmp) / f"{size}.txt"
            path.write_text(build_document(size, articles), encoding="utf-8")
            runs = []
            for _ in range(args.repeat):
                out = subprocess.run([sys.executable, "-c", PROBE, str(path), str(ROOT)],
                                     capture_output=True, text=True, check=True)
                runs.append(json.loads(out.stdout))
            rows.append([
                label, f"{path.stat().st_size / 1000:.0f} KB", runs[0]["sentences"],
                f"{statistics.median(r['rank'] for r in runs):.3f}",
                f"{statistics.median(r['total'] for r in runs):.3f}",
                f"{statistics.median(r['peak_mb'] for r in runs):.0f}",
            ])
            print(rows[-1], file=sys.stderr)
    print(f"\nmedian of {args.repeat} fresh processes per size\n")
    print(markdown_table(["document", "bytes", "sentences", "ranking s", "whole pipeline s", "peak RSS MB"], rows))


if __name__ == "__main__":
    main()
