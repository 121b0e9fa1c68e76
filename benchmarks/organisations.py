"""Organisations: precision and recall of `facts.organisations` on the real releases' gold.

Runs the library on every file of ../shared/real/ that `gold.jsonl` annotates. Each reported
organisation gives its name and, when found, its expansion, as separate entries (the gold lists
long names and acronyms separately). A reported entry matches a gold one when they are equal
after normalising case, apostrophes and spaces, or when one of them has two or more words and
contains the other. Precision = reported entries matching some gold entry; recall = gold
entries matched by some reported entry; both micro-averaged over all files.

    python benchmarks/organisations.py [--show]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, markdown_table  # noqa: E402

REAL_DIR = Path(os.environ.get("SUMMARIZE_REAL_DIR", ROOT.parent / "shared" / "real"))


def normalise(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").replace("' ", "'").split())


def matches(reported: str, gold: str) -> bool:
    a, b = normalise(reported), normalise(gold)
    if a == b:
        return True
    longer, shorter = (a, b) if len(a) >= len(b) else (b, a)
    return len(longer.split()) >= 2 and re.search(rf"(?<!\w){re.escape(shorter)}(?!\w)", longer) is not None


def reported_names(facts: dict) -> list[str]:
    names: list[str] = []
    for org in facts.get("organisations", []):
        for key in ("name", "expansion"):
            if org.get(key) and org[key] not in names:
                names.append(org[key])
    return names


def locate(name: str) -> Path | None:
    for folder in (REAL_DIR, REAL_DIR / "pdf", REAL_DIR / "wrapped"):
        if (folder / name).exists():
            return folder / name
    return None


def score(show: bool) -> dict[str, tuple[int, int, int, int]]:
    from summarize import read_text, summarize_text
    from summarize.errors import InputError

    totals: dict[str, list[int]] = {}
    for line in (REAL_DIR / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        path = locate(gold["file"])
        if path is None:
            continue
        try:
            raw = read_text(str(path))
        except InputError:  # a format not read yet: nothing found, every gold name missed
            names = []
        else:
            names = reported_names(summarize_text(raw.text, title=raw.headline).facts)
        right = [n for n in names if any(matches(n, g) for g in gold["organisations"])]
        found = [g for g in gold["organisations"] if any(matches(n, g) for n in names)]
        kind = "original" if ".orig." in path.name else "pdf/wrapped"
        for key in (kind, "all", "earlier" if "furniture" not in gold else "added"):
            t = totals.setdefault(key, [0, 0, 0, 0])
            t[0] += len(right)
            t[1] += len(names)
            t[2] += len(found)
            t[3] += len(gold["organisations"])
        if show:
            print(f"== {path.name}")
            print("  wrong:  ", [n for n in names if n not in right])
            print("  missed: ", [g for g in gold["organisations"] if g not in found])
    return {k: tuple(v) for k, v in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="print wrong and missed names per file")
    args = parser.parse_args()
    totals = score(args.show)
    rows = []
    for key, (right, reported, found, gold) in totals.items():
        precision = 100.0 * right / reported if reported else 0.0
        recall = 100.0 * found / gold if gold else 0.0
        rows.append([key, f"{right}/{reported}", f"{precision:.1f}", f"{found}/{gold}", f"{recall:.1f}"])
    print(markdown_table(["files", "right/reported", "precision %", "found/gold", "recall %"], rows))


if __name__ == "__main__":
    main()
