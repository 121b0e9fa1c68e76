"""Build summarize/data/given_names_fr.txt: first names, as French news writes people's names.

From OrangeSum train (CC BY-SA 4.0): a capitalised letter-only form (the parts of a hyphenated one
counted with the whole's uses: "Jean-Louis" gives "jean" and "louis") that, inside sentences, is followed by another
capitalised word in at least 85 % of its 5+ uses and preceded by one in at most 10 %, and that is
rarely written in lower case: "Emmanuel Macron", "Christelle Gigault". Words of the shipped
French lexicon, stopword and place lists, and forms that UD English-EWT (CC BY-SA 4.0) tags as
other than a proper noun more often than not, are left out ("Hong", "North"). The people finder
reads it.

    python benchmarks/build_given_names.py
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, read_jsonl  # noqa: E402

OUT = ROOT / "summarize" / "data" / "given_names_fr.txt"
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\S")
_OPENING = frozenset('.!?:«»"')
_PLACE_LEADS = frozenset({"saint", "sainte", "san", "santa", "las", "los", "el", "al", "port", "mont", "fort",
                          "mme", "mmes", "mlle", "mr", "mrs", "ms", "dr", "pr", "me", "mgr", "sir", "lord", "lady"})  # titles
_PARTICLES = frozenset({"de", "du", "d", "von", "van", "der", "da", "di", "dos", "del", "ben", "bin", "el", "al"})


def _common_words() -> set[str]:
    """Words that are something else than a first name: the French lexicon and place list the tool
    ships, and the forms UD English-EWT tags as anything but a proper noun ("north", "little")."""
    data = ROOT / "summarize" / "data"
    words = {line.strip().lower() for name in ("places_fr.txt", "stopwords_fr.txt", "stopwords_en.txt")
             for line in (data / name).read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}
    for place in list(words):
        words.update(place.split())
    words.update(_PLACE_LEADS)
    proper: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for row in read_jsonl("ud-english-ewt-train.conllu.jsonl.gz"):
        for token in row["tokens"]:
            if "upos" in token:  # multiword-token lines carry no tag
                (proper if token["upos"] == "PROPN" else other)[token["form"].lower()] += 1
    words.update(w for w, n in other.items() if n > proper[w])
    return words


def main() -> None:
    total: Counter[str] = Counter()
    before_name: Counter[str] = Counter()
    after_name: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for row in read_jsonl("orangesum-train.jsonl.gz"):
        tokens = _TOKEN.findall(row["article"])
        for i, token in enumerate(tokens):
            if not token[0].isalpha():
                continue
            if token[0].islower():
                lower[token.lower()] += 1
                continue
            if i == 0 or tokens[i - 1] in _OPENING or token.isupper() or len(token) < 2:
                continue
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            if following in _PARTICLES and i + 2 < len(tokens):
                following = tokens[i + 2]  # "Amélie de Montchalin"
            for key in token.lower().split("-"):  # "Jean-Louis": both parts, as the whole is used
                total[key] += 1
                if following[:1].isupper() and following[:1].isalpha():
                    before_name[key] += 1
                if tokens[i - 1][:1].isupper() and tokens[i - 1][:1].isalpha():
                    after_name[key] += 1
    not_names = _common_words()
    names = sorted(w for w, n in total.items() if w not in not_names
                   and n >= 3 and before_name[w] >= 0.7 * n and after_name[w] <= 0.5 * n and lower[w] <= 0.5 * n
                   and "-" not in w and len(w) > 2)
    header = [
        "# First names: capitalised words French news writes before another name (70 %+ of 3+ uses,",
        "# after one in half of them or less, in lower case half as often or less). From OrangeSum train (CC BY-SA 4.0,",
        "# Kamal Eddine et al.), built by benchmarks/build_given_names.py.",
    ]
    OUT.write_text("\n".join(header + names) + "\n", encoding="utf-8")
    print(f"{len(names)} given names -> {OUT}")


if __name__ == "__main__":
    main()
