"""Build summarize/data/idf_fr.tsv: document frequencies of word stems in OrangeSum train.

Topic ranking needs to know which words are common in French news; this table (stems seen in
at least MIN_DF of the 21,401 training articles) is that knowledge, as plain JSON.

    python benchmarks/build_idf.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import ROOT, read_jsonl  # noqa: E402

from summarize.text.tokens import content_stems  # noqa: E402

MIN_DF = 3


def main() -> None:
    df: Counter[str] = Counter()
    documents = 0
    for row in read_jsonl("orangesum-train.jsonl.gz"):
        documents += 1
        df.update(set(content_stems(row["title"] + " " + row["article"])))
    kept = {stem: count for stem, count in sorted(df.items()) if count >= MIN_DF}
    header = [
        "# Document frequencies of Snowball stems in OrangeSum train (CC BY-SA 4.0, Kamal Eddine, Tixier,"
        " Vazirgiannis, BARThez, EMNLP 2021); built by benchmarks/build_idf.py. Sorted: looked up by binary search.",
        f"# documents: {documents}",
        f"# min_df: {MIN_DF}",
    ]
    out = ROOT / "summarize" / "data" / "idf_fr.tsv"
    out.write_text("\n".join(header + [f"{stem}\t{count}" for stem, count in kept.items()]) + "\n", encoding="utf-8")
    print(f"{documents} documents, {len(kept)} stems kept, {out.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
