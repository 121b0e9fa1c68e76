"""Build summarize/data/names_fr.txt: words French news writes with a capital inside a sentence.

From OrangeSum train (CC BY-SA 4.0): a letter-only form seen at least 3 times after the first word
of a sentence, capitalised in at least 90 % of those uses, is a name ("Macron", "Microsoft",
"Rabat"); a form written in lower case there is a common word even when a sentence or a
headline capitalises it ("Prenez", "Football"). The tagger and the organisation finder read it.

    python benchmarks/build_names.py
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, read_jsonl  # noqa: E402

OUT = ROOT / "summarize" / "data" / "names_fr.txt"
_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]+(?![\w'’-])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:«»\"]\s*)$")


def main() -> None:
    upper: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for row in read_jsonl("orangesum-train.jsonl.gz"):
        text = row["article"]
        for match in _WORD.finditer(text):
            word = match.group()
            if len(word) < 2 or word.isupper() or _SENTENCE_START.search(text[max(0, match.start() - 3):match.start()]):
                continue
            (upper if word[0].isupper() else lower)[word.lower()] += 1
    names = sorted(w for w, n in upper.items() if n + lower[w] >= 3 and n >= 0.9 * (n + lower[w]))
    header = [
        "# Words French news writes with a capital inside a sentence (90 %+ of 3+ uses), lower-case:",
        "# names of people, places, organisations, products. From OrangeSum train (CC BY-SA 4.0,",
        "# Kamal Eddine et al.), built by benchmarks/build_names.py.",
    ]
    OUT.write_text("\n".join(header + names) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {OUT}")


if __name__ == "__main__":
    main()
