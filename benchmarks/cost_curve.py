"""Cost curve of one long document (issue 27): whole-process wall time and peak memory at 250 KB,
500 KB, 1 MB and 2 MB, to show whether the cost grows with the text or faster.

Documents are OrangeSum validation articles joined by blank lines (as `scaling.py` and
`speed.py` build them); each size runs `summarize FILE -f json` (summary, topics and facts) in a
fresh process, the sizes taking turns in every round, median of the rounds. The last columns
divide by the size: a linear cost keeps them flat. Run it with the Python of a regular install.

    python benchmarks/cost_curve.py [--runs 3] [--pure]

With `--pure`, each size also runs with SUMMARIZE_PURE=1 (the pure-Python modules of a compiled
install, issue 27) in the same rounds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import markdown_table, read_jsonl  # noqa: E402
from scaling import build_document  # noqa: E402
from speed import BIN, PURE, measure  # noqa: E402

SIZES = {"250 KB": 250_000, "500 KB": 500_000, "1 MB": 1_000_000, "2 MB": 2_000_000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pure", action="store_true", help="also run each size with SUMMARIZE_PURE=1, taking turns")
    args = parser.parse_args()
    import os

    articles = [row["article"] for row in read_jsonl("orangesum-valid.jsonl")]
    with tempfile.TemporaryDirectory() as tmp_name:
        paths = {}
        for label, size in SIZES.items():
            paths[label] = Path(tmp_name) / f"{size}.txt"
            paths[label].write_text(build_document(size, articles), encoding="utf-8")
        env = {**os.environ, "HOME": tmp_name}
        variants = [([], "")] + ([(PURE, " (pure)")] if args.pure else [])
        runs: dict[tuple[str, str], list[tuple[float, float]]] = {(label, name): [] for label in SIZES for _, name in variants}
        for _ in range(args.runs):
            for label, path in paths.items():
                for prefix, name in variants:
                    runs[label, name].append(measure([*prefix, str(BIN / "summarize"), str(path), "-f", "json"], env))
        rows = []
        for label, path in paths.items():
            for _, name in variants:
                megabytes = path.stat().st_size / 1e6
                wall = statistics.median(r[0] for r in runs[label, name])
                peak = max(r[1] for r in runs[label, name])
                rows.append([label + name, f"{megabytes * 1000:.0f} KB", f"{wall:.2f}", f"{peak:.0f}",
                             f"{wall / megabytes:.2f}", f"{peak / megabytes:.0f}"])
    print(f"\nOne long document, `summarize FILE -f json`, median of {args.runs} rounds (sizes taking turns)\n")
    print(markdown_table(["document", "bytes", "wall s", "peak RSS MB", "s per MB", "MB RSS per MB"], rows))


if __name__ == "__main__":
    main()
