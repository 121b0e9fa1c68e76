"""ROUGE benchmark on OrangeSum validation (see ../shared/bench/README.md for the protocol).

The system gets the article only; the summary (sentences joined by a space) is compared with
the reference abstract: ROUGE-1/2/L F1 x 100 with rouge-score and a lower-case \\w+ tokenizer,
no stemming. Budgets of 1, 2 and 3 sentences; LEAD-k, every sumy algorithm and the default.

    python benchmarks/rouge.py [--limit N] [--algorithms pyramid,lead,...]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import markdown_table, read_jsonl  # noqa: E402

from summarize.pipeline import build_sentences  # noqa: E402
from summarize.rank.ranking import ALGORITHMS, rank  # noqa: E402
from summarize.text.structure import parse_structure  # noqa: E402

BUDGETS = (1, 2, 3)


class WordTokenizer:
    """rouge-score's default tokenizer deletes accented letters; this one keeps them."""

    def tokenize(self, text: str) -> list[str]:
        return re.findall(r"\w+", text.lower())


def summaries_for(args: tuple[str, list[str]]) -> dict[str, dict[int, str]]:
    """{algorithm: {k: summary}} for one article."""
    article, algorithms = args
    sentences = build_sentences(parse_structure(article), "fr")
    out: dict[str, dict[int, str]] = {}
    for algorithm in algorithms:
        out[algorithm] = {}
        for k in BUDGETS:
            ranking = rank(sentences, k, algorithm)
            out[algorithm][k] = " ".join(sentences[i].text for i in ranking.selected)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N validation articles only")
    parser.add_argument("--algorithms", default=",".join(ALGORITHMS))
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    from rouge_score import rouge_scorer

    algorithms = args.algorithms.split(",")
    rows = list(read_jsonl("orangesum-valid.jsonl", args.limit))
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False, tokenizer=WordTokenizer())
    started = time.time()
    with Pool(args.jobs) as pool:
        outputs = pool.map(summaries_for, [(r["article"], algorithms) for r in rows], chunksize=20)
    totals = {(a, k): [0.0, 0.0, 0.0] for a in algorithms for k in BUDGETS}
    for row, output in zip(rows, outputs, strict=False):
        for algorithm in algorithms:
            for k in BUDGETS:
                scores = scorer.score(row["abstract"], output[algorithm][k])
                acc = totals[(algorithm, k)]
                acc[0] += scores["rouge1"].fmeasure
                acc[1] += scores["rouge2"].fmeasure
                acc[2] += scores["rougeL"].fmeasure
    n = len(rows)
    print(f"\nOrangeSum validation, {n} articles, ROUGE F1 x 100 (R-1 / R-2 / R-L), {time.time() - started:.0f} s\n")
    table = []
    for algorithm in algorithms:
        label = {"lead": "LEAD-k", "pyramid": "pyramid (default)"}.get(algorithm, f"sumy {algorithm}")
        cells = []
        for k in BUDGETS:
            r1, r2, rl = (100 * v / n for v in totals[(algorithm, k)])
            cells.append(f"{r1:.1f} / {r2:.1f} / {rl:.1f}")
        table.append([label, *cells])
    print(markdown_table(["system", "k = 1", "k = 2", "k = 3"], table))


if __name__ == "__main__":
    main()
