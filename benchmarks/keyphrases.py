"""Key-topic benchmark on French Wikinews (see ../shared/bench/README.md for the protocol).

The system gets `text`; its top k topics (k = 5, 10) are compared with the gold keyphrases:
lower-case, ’ -> ', tokens split on non-word characters, each stemmed with NLTK's French
Snowball stemmer, exact match of the stemmed phrase, duplicates dropped before the cut.

    python benchmarks/keyphrases.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import markdown_table, read_jsonl  # noqa: E402

from summarize import summarize_text  # noqa: E402

_stemmer = None


def normalise(phrase: str) -> str:
    global _stemmer
    if _stemmer is None:
        from nltk.stem.snowball import FrenchStemmer

        _stemmer = FrenchStemmer()
    tokens = re.split(r"\W+", phrase.lower().replace("’", "'"))
    return " ".join(_stemmer.stem(t) for t in tokens if t)


def prf(predicted: list[str], gold: list[str], k: int) -> tuple[float, float, float]:
    seen, top = set(), []
    for phrase in predicted:
        key = normalise(phrase)
        if key and key not in seen:
            seen.add(key)
            top.append(key)
    top = top[:k]
    gold_set = {normalise(g) for g in gold}
    hits = sum(1 for p in top if p in gold_set)
    p = hits / len(top) if top else 0.0
    r = hits / len(gold_set) if gold_set else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ours(text: str, k: int) -> list[str]:
    return summarize_text(text, sentences=1, topics=k).topics


def first_phrases(text: str, k: int) -> list[str]:
    """Baseline: the first content-word phrases of the text, in order of appearance."""
    from summarize.extract.topics import _runs

    out = []
    for line in text.splitlines():
        for run in _runs(line, "fr"):
            out.append(line[run[0][1]: run[-1][1] + len(run[-1][0])])
    return out


def yake_topics(text: str, k: int) -> list[str]:
    import yake

    extractor = yake.KeywordExtractor(lan="fr", n=3, top=k * 2)
    return [kw for kw, _ in extractor.extract_keywords(text)]


def main() -> None:
    rows = list(read_jsonl("wikinews-fr-dev.jsonl"))
    systems = {"summarize": ours, "first phrases": first_phrases}
    try:
        import yake  # noqa: F401

        systems["YAKE"] = yake_topics
    except ImportError:
        pass
    table = []
    for name, system in systems.items():
        cells = []
        for k in (5, 10):
            sums = [0.0, 0.0, 0.0]
            for row in rows:
                for i, v in enumerate(prf(system(row["text"], k), row["keyphrases"], k)):
                    sums[i] += v
            cells += [100 * s / len(rows) for s in sums]
        table.append([name, *cells])
    print(f"\nWikinews FR dev, {len(rows)} documents, precision / recall / F1 x 100\n")
    print(markdown_table(["system", "P@5", "R@5", "F1@5", "P@10", "R@10", "F1@10"], table))


if __name__ == "__main__":
    main()
