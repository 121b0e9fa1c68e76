"""Duplicate benchmark (issue 26): is the same release recognised across formats and small edits,
and are different releases, even of one sender, kept apart?

Pairs, each read and cleaned by the pipeline as a run would (reader, furniture removal, body
sentences), then signed and matched by `summarize.run.dedup`:

- duplicates from `../shared/real/`: every original against its `pdf/` and `wrapped/` versions
  (laid out by a press office, hard-wrapped e-mail), and five synthetic variants of every
  original's text: re-wrapped at 60 columns, re-sent with a greeting above it, one figure changed,
  one typo, the text as a web page with a navigation bar, a breadcrumb and a footer;
- duplicates from OrangeSum validation: the same five variants of the first N articles;
- not duplicates: every pair of two different originals of `../shared/real/` (same sender —
  same letterhead, same "À propos" — counted apart), their laid-out PDFs against each other, and
  OrangeSum pairs of the same day that share the most content words (same day, same topic).

Precision and recall at the chosen threshold, a sweep of thresholds, and the cost per release:
the signature (worker side) and the match against an index of every release (client side).
With datasketch installed (`[bench]` extra), the signatures are compared with datasketch's.

    python benchmarks/duplicates.py [--orangesum 200]
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
import textwrap
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, markdown_table, read_jsonl  # noqa: E402

from summarize.pipeline import prepare  # noqa: E402
from summarize.read.reading import read_bytes, read_text  # noqa: E402
from summarize.run import dedup  # noqa: E402

REAL = ROOT.parent / "shared" / "real"
GREETING = "Bonjour,\n\nVeuillez trouver ci-dessous notre communiqué.\n\n"
SAME_SENDER = {"dinsic": "dinum"}  # the directorate changed its name in 2019: one sender
NAVIGATION = ("<header><nav><ul><li><a href='/'>Accueil</a></li><li><a href='/actualites'>Actualités</a></li>"
              "<li><a href='/presse'>Espace presse</a></li><li><a href='/contact'>Nous contacter</a></li></ul></nav>"
              "<p class='breadcrumb'><a href='/'>Accueil</a> &gt; <a href='/presse'>Presse</a> &gt; Communiqués</p></header>")
FOOTER = ("<footer><ul><li><a href='/mentions'>Mentions légales</a></li><li><a href='/cookies'>Gestion des cookies</a></li>"
          "<li><a href='/plan'>Plan du site</a></li></ul><p>© 2024 Tous droits réservés</p></footer>")


@dataclass
class Document:
    name: str
    body: str
    signature: bytes | None
    seconds: float  # signing only


def body_of(raw) -> str:
    """The body text the summary is computed from: what a worker signs."""
    prepared = prepare(raw.text, "auto", raw.headline)
    return "\n".join(s.text for s in prepared.candidates)


def document(name: str, raw) -> Document:
    body = body_of(raw)
    started = time.perf_counter()
    value = dedup.signature(body)
    return Document(name, body, value, time.perf_counter() - started)


# --- synthetic variants of a release's plain text ---------------------------------------------------

def rewrap(text: str, width: int = 60) -> str:
    return "\n\n".join("\n".join(textwrap.wrap(p, width)) if not p.startswith(("#", "- ")) else p for p in text.split("\n\n"))


def change_figure(text: str, rng: random.Random) -> str | None:
    numbers = list(re.finditer(r"(?<![\d.,])\d{2,}(?![\d.,])", text))
    if not numbers:
        return None
    found = rng.choice(numbers)
    return text[:found.start()] + str(int(found.group()) + 1) + text[found.end():]


def typo(text: str, rng: random.Random) -> str | None:
    candidates = [m for m in re.finditer(r"\b[a-zéèàç]{7,}\b", text)]
    if not candidates:
        return None
    found = rng.choice(candidates[len(candidates) // 3:] or candidates)
    word = found.group()
    i = rng.randrange(1, len(word) - 2)
    swapped = word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return text[:found.start()] + swapped + text[found.end():]


def as_web_page(text: str) -> str:
    from html import escape

    lines = [line for line in text.split("\n\n") if line.strip()]
    title, rest = (lines[0].lstrip("# "), lines[1:]) if lines else ("", [])
    body = "".join(f"<h2>{escape(line[3:])}</h2>" if line.startswith("## ") else f"<p>{escape(line)}</p>" for line in rest)
    return (f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>{escape(title)} | Espace presse</title></head>"
            f"<body>{NAVIGATION}<main><article><h1>{escape(title)}</h1>{body}</article></main>"
            f"<aside><h3>À lire aussi</h3><ul><li><a href='/a'>Nos précédents communiqués</a></li></ul></aside>{FOOTER}</body></html>")


def plain_shape(raw) -> str:
    """The release as the pipeline parsed it, furniture included, one paragraph a block: what the
    variants re-format (a hard-wrapped original is re-wrapped from its paragraphs, not its lines)."""
    structure = prepare(raw.text, "auto", raw.headline).structure
    blocks = [f"# {structure.title}"] if structure.title and not any(k == "title" for k, _ in structure.sequence) else []
    for kind, item in structure.sequence:
        if kind != "paragraph":
            blocks.append(f"# {item}" if kind == "title" else str(item))
            continue
        paragraph = structure.paragraphs[int(item)]
        blocks.append({"heading": "## ", "bullet": "- "}.get(paragraph.kind, "") + paragraph.text)
    return "\n\n".join(blocks)


def variants(name: str, text: str, rng: random.Random) -> list[tuple[str, bytes]]:
    """(kind, file bytes) of the five synthetic copies of a release in its plain shape."""
    out = [("rewrapped", rewrap(text).encode()), ("greeting", (GREETING + text).encode())]
    for kind, changed in (("figure", change_figure(text, rng)), ("typo", typo(text, rng))):
        if changed is not None and changed != text:
            out.append((kind, changed.encode()))
    out.append(("web page", as_web_page(text).encode()))
    return out


# --- the pairs ----------------------------------------------------------------------------------------

def sender(path: Path) -> str:
    word = path.name.split("-")[1]
    return SAME_SENDER.get(word, word)


def real_pairs(rng: random.Random) -> tuple[list[tuple[str, Document, Document]], list[tuple[str, Document, Document]], list[Document]]:
    originals = sorted(p for p in REAL.glob("*.orig.*"))
    docs = {p.name.split(".")[0]: document(p.name, read_text(str(p))) for p in originals}
    positives, negatives = [], []
    copies = [("pdf layout", p) for p in sorted((REAL / "pdf").glob("*.pdf"))] + [("e-mail wrapped", p) for p in sorted((REAL / "wrapped").glob("*.txt"))]
    laid_out = {}
    for kind, path in copies:
        stem = path.name.split(".")[0]
        copy = document(path.name, read_text(str(path)))
        laid_out.setdefault(kind, []).append((stem, copy))
        positives.append((f"real: {kind}", docs[stem], copy))
    for path in originals:
        raw = read_text(str(path))
        for kind, data in variants(path.name, plain_shape(raw), rng):
            suffix = ".html" if kind == "web page" else ".txt"
            positives.append((f"real: {kind}", docs[path.name.split(".")[0]], document(path.name + suffix, read_bytes(data, path.name + suffix))))
    for a, b in itertools.combinations(originals, 2):
        kind = "real: same sender" if sender(a) == sender(b) else "real: other sender"
        negatives.append((kind, docs[a.name.split(".")[0]], docs[b.name.split(".")[0]]))
    for kind, items in laid_out.items():
        for (_, a), (_, b) in itertools.combinations(items, 2):
            negatives.append((f"real: same sender, {kind}", a, b))
    return positives, negatives, list(docs.values())


def content_words(text: str) -> Counter:
    return Counter(w for w in dedup.normalised_words(text) if len(w) > 4)


def cosine(a: Counter, b: Counter) -> float:
    shared = sum(a[w] * b[w] for w in a.keys() & b.keys())
    norm = (sum(v * v for v in a.values()) * sum(v * v for v in b.values())) ** 0.5
    return shared / norm if norm else 0.0


def orangesum_pairs(limit: int, rng: random.Random) -> tuple[list, list, list[Document]]:
    articles = list(read_jsonl("orangesum-valid.jsonl"))
    positives = []
    docs: dict[str, Document] = {}

    def doc_of(article) -> Document:
        if article["id"] not in docs:
            text = f"{article['title']}\n\n{article['article']}"
            docs[article["id"]] = document(article["id"], read_bytes(text.encode(), f"{article['id']}.txt"))
        return docs[article["id"]]

    for article in articles[:limit]:
        text = plain_shape(read_bytes(f"{article['title']}\n\n{article['article']}".encode(), f"{article['id']}.txt"))
        for kind, data in variants(article["id"], text, rng):
            suffix = ".html" if kind == "web page" else ".txt"
            positives.append((f"OrangeSum: {kind}", doc_of(article), document(article["id"] + suffix, read_bytes(data, article["id"] + suffix))))
    by_day: dict[str, list] = {}
    for article in articles:
        by_day.setdefault(article.get("date") or "", []).append(article)
    scored = []
    words = {a["id"]: content_words(a["title"] + " " + a["article"]) for a in articles}
    for day, items in by_day.items():
        if not day:
            continue
        for a, b in itertools.combinations(items, 2):
            scored.append((cosine(words[a["id"]], words[b["id"]]), a, b))
    scored.sort(key=lambda t: -t[0])
    negatives, versions = [], []
    for _, a, b in scored[:limit]:
        pair = (doc_of(a), doc_of(b))
        if longest_shared_run(pair[0].body, pair[1].body) >= DISPATCH_RUN:
            versions.append(("OrangeSum: same day, one dispatch rewritten (not counted)", *pair))
        else:
            negatives.append(("OrangeSum: same day, same topic", *pair))
    return positives, negatives, versions, list(docs.values())


DISPATCH_RUN = 40  # words copied verbatim: two articles sharing a passage this long are versions of one agency dispatch


def longest_shared_run(first: str, second: str) -> int:
    """The longest run of normalised words that two texts share verbatim (dynamic programming)."""
    a, b = dedup.normalised_words(first), dedup.normalised_words(second)
    best, previous = 0, [0] * (len(b) + 1)
    for word in a:
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, 1):
            if word == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


# --- measuring ----------------------------------------------------------------------------------------

def judged(first: Document, second: Document, threshold: float) -> bool:
    """What a run of these two inputs says: is the second a copy of the first?"""
    matcher = dedup.Matcher(threshold)
    try:
        matcher.match(first.name, first.signature)
        return matcher.match(second.name + "#copy", second.signature).duplicate_of == first.name
    finally:
        matcher.close()


def scores(positives, negatives, threshold: float) -> tuple[float, float, int, int]:
    true_pos = sum(judged(a, b, threshold) for _, a, b in positives)
    false_pos = sum(judged(a, b, threshold) for _, a, b in negatives)
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    return precision, true_pos / len(positives), len(positives) - true_pos, false_pos


def exact_jaccard(a: Document, b: Document) -> float:
    sa, sb = dedup.shingles(dedup.normalised_words(a.body)), dedup.shingles(dedup.normalised_words(b.body))
    return len(sa & sb) / len(sa | sb) if sa | sb else 0.0


def matching_cost(docs: list[Document]) -> float:
    """Seconds per release to match every signature against an index of all releases before it."""
    matcher = dedup.Matcher()
    started = time.perf_counter()
    for number, doc in enumerate(docs):
        matcher.match(f"{doc.name}#{number}", doc.signature)
    elapsed = time.perf_counter() - started
    matcher.close()
    return elapsed / len(docs)


def scale_cost(limit: int) -> str:
    """Signature and match per release over the OrangeSum training articles (their text as is, no
    pipeline): the client's cost and memory as the index grows."""
    import resource

    texts = [f"{a['title']}\n{a['article']}" for a in read_jsonl("orangesum-train.jsonl.gz", limit)]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    values = [dedup.signature(t) for t in texts]
    signing = (time.perf_counter() - started) / len(texts)
    matcher = dedup.Matcher()
    started = time.perf_counter()
    copies = sum(matcher.match(f"train#{i}", v).duplicate_of is not None for i, v in enumerate(values))
    matching = (time.perf_counter() - started) / len(texts)
    pages = matcher._db.execute("PRAGMA page_count").fetchone()[0] * matcher._db.execute("PRAGMA page_size").fetchone()[0]
    matcher.close()
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    return (f"{len(texts)} OrangeSum training articles: signature {signing * 1000:.2f} ms, match {matching * 1000:.2f} ms per release "
            f"against an index growing to {len(texts) - copies} first members ({pages / 2**20:.0f} MB on disk, "
            f"peak memory +{grown:.0f} MB with every text and signature held by this script); {copies} found as copies")


def index_growth(count: int) -> str:
    """The client's index as it grows to `count` distinct releases (random signatures: no copy, the
    worst case for its size): resident memory and time per match for each 100,000."""
    import numpy as np

    def rss() -> float:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024

    generator = np.random.default_rng(26)
    matcher = dedup.Matcher()
    rows, started, before = [], time.perf_counter(), rss()
    for number in range(count):
        matcher.match(f"s{number}", generator.integers(0, 2**32, dedup.PERMUTATIONS, dtype=np.uint32).astype("<u4").tobytes())
        if (number + 1) % 100_000 == 0:
            now = time.perf_counter()
            pages = matcher._db.execute("PRAGMA page_count").fetchone()[0] * matcher._db.execute("PRAGMA page_size").fetchone()[0]
            rows.append((f"{number + 1:,}", f"{(now - started) / 100_000 * 1000:.2f}", f"{rss():.0f} (+{rss() - before:.0f})", f"{pages / 2**20:.0f}"))
            started = now
    matcher.close()
    return markdown_table(("distinct releases", "ms per match (last 100,000)", "process RSS MB", "index on disk MB"), rows)


def datasketch_check(docs: list[Document]) -> str:
    try:
        from datasketch import MinHash
    except ImportError:
        return "datasketch not installed: not compared"
    import numpy as np

    same = sum(doc.signature is None for doc in docs)  # no words: nothing to compare
    started = time.perf_counter()
    for doc in docs:
        minhash = MinHash(num_perm=dedup.PERMUTATIONS, seed=1)
        grams = dedup.shingles(dedup.normalised_words(doc.body))
        minhash.update_batch([g.encode("utf-8") for g in grams])
        same += doc.signature is not None and np.asarray(minhash.hashvalues, dtype="<u4").tobytes() == doc.signature
    elapsed = (time.perf_counter() - started) / len(docs)
    return f"datasketch {_version('datasketch')} MinHash: same 128 values for {same}/{len(docs)} releases, {elapsed * 1000:.2f} ms per release"


def _version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orangesum", type=int, default=200, help="OrangeSum articles varied, and same-day pairs")
    parser.add_argument("--seed", type=int, default=26)
    parser.add_argument("--index", type=int, default=300_000, help="distinct random signatures for the index growth table (0: skip)")
    parser.add_argument("--scale", type=int, default=21401, help="OrangeSum training articles for the cost at scale")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if not REAL.is_dir():
        raise SystemExit(f"real releases not found: {REAL}")
    real_pos, real_neg, real_docs = real_pairs(rng)
    os_pos, os_neg, versions, os_docs = orangesum_pairs(args.orangesum, rng)
    positives, negatives = real_pos + os_pos, real_neg + os_neg

    rows = []
    for kind in sorted({k for k, _, _ in positives} | {k for k, _, _ in negatives} | {k for k, _, _ in versions}):
        pos = [p for p in positives if p[0] == kind]
        neg = [n for n in negatives + versions if n[0] == kind]
        pairs = pos or neg
        found = sum(judged(a, b, dedup.THRESHOLD) for _, a, b in pairs)
        jaccards = sorted(exact_jaccard(a, b) for _, a, b in pairs)
        truth = "same" if pos else "—" if "not counted" in kind else "different"
        rows.append((kind, truth, len(pairs), f"{found}", f"{jaccards[0]:.2f}", f"{jaccards[len(jaccards) // 2]:.2f}", f"{jaccards[-1]:.2f}"))
    print(f"{len(positives)} duplicate pairs, {len(negatives)} pairs of different releases "
          f"({len(versions)} same-day pairs sharing a {DISPATCH_RUN}-word passage set apart); threshold {dedup.THRESHOLD}\n")
    print(markdown_table(("pairs", "truth", "n", "judged duplicates", "min J", "median J", "max J"), rows))
    print()
    sweep = []
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        precision, recall, missed, wrong = scores(positives, negatives, threshold)
        sweep.append((f"{threshold:.1f}", f"{precision:.1%}", f"{recall:.1%}", missed, wrong))
    print(markdown_table(("threshold", "precision", "recall", "missed copies", "false duplicates"), sweep))
    print()
    all_docs = real_docs + os_docs + [b for _, _, b in positives]
    sign_ms = sum(d.seconds for d in all_docs) / len(all_docs) * 1000
    words = sum(len(d.body.split()) for d in all_docs) / len(all_docs)
    print(f"cost per release ({len(all_docs)} releases, {words:.0f} body words on average): "
          f"signature {sign_ms:.2f} ms (worker), match {matching_cost(all_docs) * 1000:.2f} ms (client, index of every release)")
    print(datasketch_check(all_docs))
    print(scale_cost(args.scale))
    if args.index:
        print()
        print(index_growth(args.index))


if __name__ == "__main__":
    main()
