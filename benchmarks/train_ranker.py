"""Train the `pyramid` ranker's linear weights on OrangeSum train (never on validation).

Each sentence's target is its ROUGE-1 + ROUGE-2 F1 against the article's abstract; a ridge
regression on standardised features (summarize.ranking.FEATURES) predicts it. The selection
parameters (MMR redundancy weight, per-extra-sentence length penalty) are then chosen on the
last 2,000 training articles, held out from the fit, by mean ROUGE-1 + ROUGE-2 + ROUGE-L at
k = 1, 2, 3 (the benchmark's scorer). Validation is never read.
Writes summarize/data/ranker_fr.json (plain JSON, no pickle). Needs numpy and rouge-score.

    python benchmarks/train_ranker.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from itertools import product
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import ROOT, read_jsonl  # noqa: E402

from summarize.pipeline import build_sentences  # noqa: E402
from summarize.ranking import FEATURES, SelectionParams, select, sentence_features  # noqa: E402
from summarize.structure import parse_structure  # noqa: E402

HELD_OUT = 2000
RIDGE = 1.0
REDUNDANCY_GRID = (0.0, 0.1, 0.2)
LENGTH_PENALTY_GRID = (0.0, 0.03, 0.05, 0.06, 0.07, 0.08, 0.1)
BUDGETS = (1, 2, 3)


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def f1(candidate: list[str], reference: list[str], n: int) -> float:
    cand = Counter(zip(*[candidate[i:] for i in range(n)], strict=False))
    ref = Counter(zip(*[reference[i:] for i in range(n)], strict=False))
    overlap = sum((cand & ref).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(cand.values()), overlap / sum(ref.values())
    return 2 * p * r / (p + r)


def rouge12(candidate: str, reference: str) -> float:
    c, r = tokens(candidate), tokens(reference)
    return f1(c, r, 1) + f1(c, r, 2)


def document(row: dict) -> tuple[list[list[float]], list[float], list, str]:
    sentences = build_sentences(parse_structure(row["article"]), "fr")
    features = sentence_features(sentences)
    targets = [rouge12(s.text, row["abstract"]) for s in sentences]
    return features, targets, sentences, row["abstract"]


def held_out_score(args: tuple[list, SelectionParams]) -> float:
    """Mean of R-1 + R-2 + R-L F1 over k = 1, 2, 3 on held-out training articles (scores precomputed)."""
    from rouge import WordTokenizer
    from rouge_score import rouge_scorer

    docs, params = args
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False, tokenizer=WordTokenizer())
    total = 0.0
    for scores, sentences, abstract in docs:
        for k in BUDGETS:
            chosen = select(sentences, scores, k, params) if sentences else []
            result = scorer.score(abstract, " ".join(sentences[i].text for i in chosen))
            total += sum(result[name].fmeasure for name in ("rouge1", "rouge2", "rougeL"))
    return total / (len(docs) * len(BUDGETS))


def main() -> None:
    import numpy as np

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    rows = list(read_jsonl("orangesum-train.jsonl.gz", args.limit))
    with Pool(2) as pool:
        docs = pool.map(document, rows, chunksize=50)
    fit_docs, held_docs = docs[:-HELD_OUT], docs[-HELD_OUT:]
    x = np.array([f for d in fit_docs for f in d[0]], dtype=float)
    y = np.array([t for d in fit_docs for t in d[1]], dtype=float)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    a = z.T @ z + RIDGE * np.eye(z.shape[1])
    weights = np.linalg.solve(a, z.T @ (y - y.mean()))
    bias = float(y.mean())

    scored = [(list(((np.array(features) - mean) / scale) @ weights + bias) if sentences else [], sentences, abstract)
              for features, _, sentences, abstract in held_docs]
    grid_points = list(product(REDUNDANCY_GRID, LENGTH_PENALTY_GRID))
    with Pool(2) as pool:
        grid_scores = pool.map(held_out_score, [(scored, SelectionParams(r, lp)) for r, lp in grid_points])
    grid = dict(zip(grid_points, grid_scores, strict=True))
    redundancy, length_penalty = max(grid, key=grid.get)
    model = {
        "about": "Linear sentence scorer of the pyramid ranker, trained by benchmarks/train_ranker.py "
                 "on OrangeSum train (CC BY-SA 4.0, Kamal Eddine, Tixier, Vazirgiannis, BARThez, EMNLP 2021).",
        "training_articles": len(fit_docs),
        "held_out_articles": len(held_docs),
        "held_out_mean_rouge_by_redundancy_and_length_penalty": {f"{r} {lp}": round(v, 4) for (r, lp), v in grid.items()},
        "weights": {name: round(float(w), 6) for name, w in zip(FEATURES, weights, strict=False)},
        "mean": {name: round(float(m), 6) for name, m in zip(FEATURES, mean, strict=False)},
        "scale": {name: round(float(s), 6) for name, s in zip(FEATURES, scale, strict=False)},
        "bias": round(bias, 6),
        "redundancy": redundancy,
        "length_penalty": length_penalty,
    }
    out = ROOT / "summarize" / "data" / "ranker_fr.json"
    out.write_text(json.dumps(model, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({k: model[k] for k in ("training_articles", "redundancy", "length_penalty", "weights")}, indent=1))


if __name__ == "__main__":
    main()
