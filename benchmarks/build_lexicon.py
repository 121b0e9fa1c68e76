"""Build summarize/data/lexicon_fr.txt: French word forms seen at least MIN_COUNT times in OrangeSum train.

Re-flowing hard-wrapped text must decide whether "trans-" + "port" is "transport" (a word
split by the layout) or "brevets-privilèges" (a real compound): the joined form is mended
only when it is a word. This list (lower-case letter-only forms, CC BY-SA 4.0 like its
source) is that knowledge, as plain text.

    python benchmarks/build_lexicon.py
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, read_jsonl  # noqa: E402

MIN_COUNT = 3
_LETTERS = re.compile(r"[^\W\d_]+")


def main() -> None:
    counts: Counter[str] = Counter()
    for row in read_jsonl("orangesum-train.jsonl.gz"):
        text = " ".join((row["title"], row["article"], row["abstract"]))
        counts.update(word.lower() for word in _LETTERS.findall(text))
    forms = sorted(word for word, seen in counts.items() if seen >= MIN_COUNT and len(word) > 1)
    header = (
        "# French word forms seen at least 3 times in OrangeSum train (CC BY-SA 4.0, Kamal Eddine et al.),\n"
        "# built by benchmarks/build_lexicon.py; used to mend words hyphenated at line ends.\n"
    )
    out = ROOT / "summarize" / "data" / "lexicon_fr.txt"
    out.write_text(header + "\n".join(forms) + "\n", encoding="utf-8")
    print(f"{len(forms)} forms -> {out}")


if __name__ == "__main__":
    main()
