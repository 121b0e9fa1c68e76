"""Train the `pyramid` ranker's linear weights on OrangeSum train (never on validation).

Each sentence's target is its ROUGE-1 + ROUGE-2 F1 against the article's abstract; a ridge
regression on standardised features (summarize.rank.ranking.FEATURES, the title similarity computed
with each article's own headline) predicts it. The selection parameters (MMR redundancy weight,
per-extra-sentence length penalty, penalty for an anaphoric opener chosen without its antecedent)
are then chosen on the last 2,000 training articles, held out from the fit, by mean ROUGE-1 +
ROUGE-2 + ROUGE-L at k = 1, 2, 3 (the benchmark's scorer). Validation is never read.

Half of the articles are fitted with their headline and half without ("title dropout"), so the
weights use a headline when there is one and do not depend on it when there is none. Two
selection profiles are stored: "no_headline" (the text alone, as the ROUGE benchmark gives it),
chosen on the held-out articles by ROUGE; "headline" (a release with its headline, the
product's case), chosen among HEADLINE_CANDIDATES by news found on the development releases
(../shared/real): that pick is the only choice made on them, and the model card says so.
Release correction: a second fit, on top of the OrangeSum scorer, learns from the news sentences
a careful reader marked in real releases (../shared/real/gold.jsonl, half A of the publisher split
of benchmarks/real_releases.py only; half B and the held-out set are measured, never fitted). A
logistic regression (L2, RELEASE_L2) predicts "news sentence" from the OrangeSum score and the
release features (summarize.rank.ranking.NEWS_FEATURES); divided by the score's coefficient it is
a correction in the score's own units, so the selection profiles keep their meaning. It is
applied with the "headline" profile only (a release with its headline; fitted on those): on
OrangeSum text alone it costs 2 points of ROUGE-1, so the "no_headline" scores stay as they were.
Writes summarize/data/ranker_fr.json (plain JSON, no pickle). Needs numpy and rouge-score.

    python benchmarks/train_ranker.py [--limit N]           # the shipped model, from scratch
    python benchmarks/train_ranker.py --release-only [--half B] [--dry-run]
        # refit the release correction on the shipped OrangeSum weights (seconds); --half B is
        # the swap check (fit on B, measure on A); --dry-run prints the news found, writes nothing
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
from summarize.rank.ranking import FEATURES, NEWS_FEATURES, SelectionParams, news_features, select, sentence_features  # noqa: E402
from summarize.text.structure import parse_structure  # noqa: E402
from summarize.text.tokens import content_stems  # noqa: E402

HELD_OUT = 2000
RIDGE = 1.0
REDUNDANCY_GRID = (0.0, 0.1, 0.2)
LENGTH_PENALTY_GRID = (0.0, 0.03, 0.05, 0.07)
# Selection profiles offered to the development releases for a release with its headline:
# (redundancy, length penalty, standalone sentences only, lead sentences spared the length penalty,
# headline emphasis). The first is the held-out ROUGE optimum with headlines; the others lower the
# length penalty, which punishes the long lead sentence that carries a release's news, and weigh
# the headline more: a release's headline is written to state its news, a news site's is often a
# teaser, and title dropout halves the learnt weight.
HEADLINE_CANDIDATES = ("rouge-optimum", (0.2, 0.03, True, 0, 1.0), (0.2, 0.03, True, 3, 1.0), (0.2, 0.03, True, 3, 3.0), (0.1, 0.0, True, 0, 3.0))
LEAD_EXEMPT_GRID = (0,)
RELEASE_L2 = 10.0
RELEASE_HALF = "A"
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


def document(indexed: tuple[int, dict]) -> tuple[list[list[float]], list[float], list, str, list[list[float]]]:
    """Features for the fit (with the headline on every other article), targets, sentences, abstract,
    and the features with the headline (for the held-out "headline" profile)."""
    index, row = indexed
    sentences = build_sentences(parse_structure(row["article"]), "fr")
    with_title = sentence_features(sentences, content_stems(row.get("title") or "", "fr"))
    features = with_title if index % 2 == 0 else sentence_features(sentences)
    targets = [rouge12(s.text, row["abstract"]) for s in sentences]
    return features, targets, sentences, row["abstract"], with_title


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


def fit(fit_docs: list):
    """Ridge weights on standardised features."""
    import numpy as np

    x = np.array([f for d in fit_docs for f in d[0]], dtype=float)
    y = np.array([t for d in fit_docs for t in d[1]], dtype=float)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    weights = np.linalg.solve(z.T @ z + RIDGE * np.eye(z.shape[1]), z.T @ (y - y.mean()))
    return weights, mean, scale, float(y.mean())


def grid_search(scored: list, points: list[tuple]) -> dict[tuple, float]:
    with Pool(2) as pool:
        values = pool.map(held_out_score, [(scored, SelectionParams(*point)) for point in points])
    return dict(zip(points, values, strict=True))


def news_found(model: dict) -> tuple[int, int]:
    """News sentences of ../shared/real found by this model in 3-sentence summaries (in process)."""
    from real_releases import REAL_DIR, documents, found

    import summarize.rank.ranking as ranking
    from summarize import summarize_text
    from summarize.read.reading import read_text

    coefficients = [model["weights"][n] / model["scale"][n] for n in FEATURES]
    intercept = model["bias"] - sum(c * model["mean"][n] for c, n in zip(coefficients, FEATURES, strict=True))
    profiles = {name: SelectionParams(*values) for name, values in model["selection"].items()}
    original, original_release = ranking._model, ranking._release_model
    ranking._model = lambda: (coefficients, intercept, profiles)
    ranking._release_model = lambda: release_coefficients(model)
    try:
        gold = {json.loads(line)["file"]: json.loads(line) for line in (REAL_DIR / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}
        hit = total = 0
        for path in documents(REAL_DIR):
            if path.name not in gold:
                continue
            raw = read_text(str(path))
            summary = summarize_text(raw.text, 3, 0, title=raw.headline).summary
            for sentence in gold[path.name]["news_sentences"]:
                hit += found(sentence, summary)
                total += 1
    finally:
        ranking._model, ranking._release_model = original, original_release
    return hit, total


def release_coefficients(model: dict) -> tuple[list[float], float] | None:
    """The release correction of a model dict as ranking._release_model gives it (None: none)."""
    release = model.get("release")
    if not release:
        return None
    coefficients = [release["weights"][n] / release["scale"][n] for n in NEWS_FEATURES]
    return coefficients, release["bias"] - sum(c * release["mean"][n] for c, n in zip(coefficients, NEWS_FEATURES, strict=True))


def release_documents() -> list[dict]:
    """Every development release with a headline, with its half, OrangeSum scores (no correction),
    release features and news labels (a candidate that holds a gold news sentence, as
    real_releases.found counts it)."""
    from real_releases import REAL_DIR, documents, found, publishers, split_halves

    import summarize.rank.ranking as ranking
    from summarize.pipeline import prepare
    from summarize.read.reading import read_text

    gold = {json.loads(line)["file"]: json.loads(line) for line in (REAL_DIR / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}
    files = [p for p in documents(REAL_DIR) if p.name in gold]
    half_of = split_halves(publishers(REAL_DIR, [p.name for p in files]), {p.name: gold[p.name].get("language", "fr") for p in files})
    original = ranking._release_model
    ranking._release_model = lambda: None
    out = []
    try:
        for path in files:
            raw = read_text(str(path))
            doc = prepare(raw.text, "auto", raw.headline)
            if not doc.candidates or not doc.title_stems:
                continue  # the correction applies with a headline only: fit where it applies
            scores, _ = ranking.score(doc.candidates, "pyramid", doc.title_stems, doc.language)
            features = news_features(doc.candidates, doc.title_stems, doc.language)
            news = [any(found(g, [s.text]) for g in gold[path.name]["news_sentences"]) for s in doc.candidates]
            out.append({"file": path.name, "half": half_of[path.name], "scores": scores, "features": features, "news": news})
    finally:
        ranking._release_model = original
    return out


def fit_release(docs: list[dict], half: str, l2: float = RELEASE_L2) -> dict:
    """Logistic regression of "news sentence" on [OrangeSum score, NEWS_FEATURES] over the files of
    one half (standardised; Newton's method, deterministic), returned as a correction in units of
    the OrangeSum score: weights, mean and scale per NEWS_FEATURES name and a bias."""
    import numpy as np

    train = [d for d in docs if d["half"] == half]
    x = np.array([[score, *row] for d in train for score, row in zip(d["scores"], d["features"], strict=True)], dtype=float)
    y = np.array([float(v) for d in train for v in d["news"]])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    penalty = l2 * np.eye(z.shape[1])
    penalty[-1, -1] = 0.0  # the intercept is not shrunk
    w = np.zeros(z.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-z @ w))
        step = np.linalg.solve(z.T @ (z * (p * (1 - p))[:, None]) + penalty, z.T @ (p - y) + penalty @ w)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    per_score = w[0] / scale[0]  # logit per unit of OrangeSum score
    if per_score <= 0:
        raise SystemExit("release fit: the OrangeSum score does not predict news; refusing to ship")
    # logit / per_score = score + correction: the score's own terms cancel out of the correction
    weights = w[1:-1] / per_score
    bias = (w[-1] - w[0] * mean[0] / scale[0]) / per_score
    return {
        "about": f"Correction added to the OrangeSum score, fitted on the news sentences of half {half} of "
                 "../shared/real (benchmarks/real_releases.py split), logistic regression, L2 = " + f"{l2:g}.",
        "half": half,
        "files": len(train),
        "sentences": int(len(y)),
        "news_sentences": int(y.sum()),
        "l2": l2,
        "logit_per_score_unit": round(float(per_score), 6),
        "weights": {n: round(float(v), 6) for n, v in zip(NEWS_FEATURES, weights, strict=True)},
        "mean": {n: round(float(m), 6) for n, m in zip(NEWS_FEATURES, mean[1:], strict=True)},
        "scale": {n: round(float(s), 6) for n, s in zip(NEWS_FEATURES, scale[1:], strict=True)},
        "bias": round(float(bias), 6),
    }


def main() -> None:
    import numpy as np

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--release-only", action="store_true", help="refit only the release correction on the shipped weights")
    parser.add_argument("--half", choices=("A", "B"), default=RELEASE_HALF, help="half of the publisher split the correction is fitted on")
    args = parser.parse_args()
    out = ROOT / "summarize" / "data" / "ranker_fr.json"
    if args.release_only:
        model = json.loads(out.read_text(encoding="utf-8"))
        model.pop("release", None)
        write_release(model, args.half, out)
        return
    rows = list(read_jsonl("orangesum-train.jsonl.gz", args.limit))
    with Pool(2) as pool:
        docs = pool.map(document, list(enumerate(rows)), chunksize=50)
    fit_docs, held_docs = docs[:-HELD_OUT], docs[-HELD_OUT:]
    weights, mean, scale, bias = fit(fit_docs)

    def scored(features_of, emphasis: float = 1.0) -> list:
        w = weights.copy()
        w[FEATURES.index("title_similarity")] *= emphasis
        return [(list(((np.array(features_of(d)) - mean) / scale) @ w + bias) if d[2] else [], d[2], d[3]) for d in held_docs]

    plain = scored(lambda d: sentence_features(d[2]))  # the text alone, as the ROUGE benchmark gives it
    grid = grid_search(plain, list(product(REDUNDANCY_GRID, LENGTH_PENALTY_GRID, (True,), LEAD_EXEMPT_GRID, (1.0,))))
    no_headline = max(grid, key=grid.get)
    titled = scored(lambda d: d[4])
    titled_grid = grid_search(titled, list(product(REDUNDANCY_GRID, LENGTH_PENALTY_GRID, (True,), LEAD_EXEMPT_GRID, (1.0,))))
    candidates = [max(titled_grid, key=titled_grid.get) if c == "rouge-optimum" else c for c in HEADLINE_CANDIDATES]
    for candidate in candidates:
        if candidate not in titled_grid:
            titled_grid.update(grid_search(scored(lambda d: d[4], candidate[4]), [candidate]))
    model = {
        "about": "Linear sentence scorer of the pyramid ranker, trained by benchmarks/train_ranker.py "
                 "on OrangeSum train (CC BY-SA 4.0, Kamal Eddine, Tixier, Vazirgiannis, BARThez, EMNLP 2021).",
        "training_articles": len(fit_docs),
        "held_out_articles": len(held_docs),
        "selection_fields": ["redundancy", "length_penalty", "standalone", "lead_exempt", "headline_emphasis"],
        "held_out_mean_rouge_without_headline": {" ".join(map(str, p)): round(v, 4) for p, v in grid.items()},
        "held_out_mean_rouge_with_headline": {" ".join(map(str, p)): round(v, 4) for p, v in titled_grid.items()},
        "weights": {n: round(float(w), 6) for n, w in zip(FEATURES, weights, strict=True)},
        "mean": {n: round(float(m), 6) for n, m in zip(FEATURES, mean, strict=True)},
        "scale": {n: round(float(s), 6) for n, s in zip(FEATURES, scale, strict=True)},
        "bias": round(bias, 6),
    }
    print(f"no headline: {no_headline}, held-out ROUGE {grid[no_headline]:.4f}", flush=True)
    news = {}
    for candidate in candidates:
        model["selection"] = {"no_headline": list(no_headline), "headline": list(candidate)}
        news[candidate] = news_found(model)
        print(f"headline {candidate}: held-out ROUGE with headline {titled_grid[candidate]:.4f}, "
              f"news found on ../shared/real {news[candidate][0]}/{news[candidate][1]}", flush=True)
    chosen = max(candidates, key=lambda c: (news[c][0], titled_grid[c]))
    model["selection"] = {"no_headline": list(no_headline), "headline": list(chosen)}
    model["headline_profiles_compared_on_development_set"] = [
        {"selection": list(c), "held_out_mean_rouge_with_headline": round(titled_grid[c], 4), "news_found": f"{news[c][0]}/{news[c][1]}"}
        for c in candidates]
    out.write_text(json.dumps(model, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote headline profile {chosen} to {out}")
    write_release(model, args.half, out)


def write_release(model: dict, half: str, out: Path) -> None:
    """Fit the release correction on top of `model` (already written to `out`, no correction) and
    write the model with it."""
    import summarize.rank.ranking as ranking

    out.write_text(json.dumps(model, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    ranking._model.cache_clear()
    ranking._release_model.cache_clear()
    docs = release_documents()
    model["release"] = fit_release(docs, half)
    out.write_text(json.dumps(model, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote the release correction fitted on half {half} ({model['release']['files']} files, "
          f"{model['release']['news_sentences']} news sentences): {model['release']['weights']}")


if __name__ == "__main__":
    main()
