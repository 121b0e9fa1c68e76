"""Real releases as published (../shared/real/): defects a journalist would reject, and news found.

Runs the *installed* `summarize` command on every file of the development set (originals,
`pdf/`, `wrapped/`), as a new user would, and counts per document:

- fragment: a bullet that starts in lower case, ends without terminal punctuation or has
  fewer than 5 words;
- boilerplate: a bullet that is a dateline, a banner, holds a URL or an e-mail address,
  "plus d'informations", "pour en savoir plus", "renseignements", "consultez", or a contact line;
- foreign: an English bullet in a French release;
- heading: a bullet that repeats the headline or is set in capitals;
- title: the `title` differs from the headline as published (normalised, similarity < 0.85).

- furniture: a bullet that holds a line the gold marks as furniture (kicker, dateline, contact,
  notice, call to action);
- title: for a release without a headline of its own (gold `title` null), a title that claims
  to be the headline (`title_source` "heading" or "metadata") instead of saying there is none.

A document is clean when it has none. News found: a gold `news_sentences` entry is found when
80 % of its words are in one bullet of a 3-sentence summary; counted for the default, LEAD-3
and sumy's LexRank in the same run.

The development set is split by publisher (releases that share a repository or a sender's name
in the file name are one publisher) into half A, tuned on, and half B, only measured; the table
gives both, so that a rule written for one sender shows as a gain on one half only. `--set` reads
another folder of the same layout (a held-out set: files, `gold.jsonl`).

English releases get their own table (the checks of issue 25), each judged against its gold:
the headline as title; no bullet that holds a wire dateline ("BOSTON, Sept. 14, 2023 /PRNewswire/
--", "(Reuters) -"), a contact, a link or a gold furniture line; no fragment; the release date
(`facts.date`, none when the gold has none); the share of the gold's organisations and people
found (a found name equals a gold name or holds it, and the other way round for names of two words
or more), and the share of the names given that are in the gold; no kicker, lone verb or number
among the topics. `--language en` runs the English releases alone.

    python benchmarks/real_releases.py [--real DIR | --set DIR] [--half A|B] [--language fr|en] [--show]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, markdown_table  # noqa: E402

REAL_DIR = Path(os.environ.get("SUMMARIZE_REAL_DIR", ROOT.parent / "shared" / "real"))
SYSTEMS = {"default": [], "LEAD-3": ["-a", "lead"], "LexRank": ["-a", "lexrank"]}

_WORD = re.compile(r"\w+")
_TERMINAL = re.compile(r"[.!?…»\"”)]$")
_DATELINE = re.compile(r"^[A-ZÀ-Ý][\w' -]{1,40},\s*(?:le\s+)?\d{1,2}(?:er)?\s+\w+\s+\d{4}\.?$", re.IGNORECASE)
_BANNER = re.compile(r"^(?:\w ){4,}\w|^communiqué(?: de presse)?\b", re.IGNORECASE)
_POINTER = re.compile(
    r"https?://|www\.|[\w.+-]+@[\w-]+\.\w+|\b[\w-]+\.(?:fr|com|org|eu|net)\b/|plus d.informations?|pour en savoir plus|"
    r"\brenseignements\b|\bconsultez\b|\bcontacts? (?:presse|médias?)\b|\bt[ée]l\s*[.:]|\+33|\b0\d(?:[ .]?\d\d){4}\b",
    re.IGNORECASE,
)
_EN = frozenset("the and of to is in that for with was are this by from has have were which be".split())
_FR = frozenset("le la les des du et est une dans pour qui que sur au aux par avec ce cette sont été".split())


def documents(real: Path, names: set[str] | None = None) -> list[Path]:
    files = sorted(p for p in real.glob("*.orig.*"))
    files += sorted((real / "pdf").glob("*.pdf")) + sorted((real / "wrapped").glob("*.txt"))
    files += sorted((real / "files").glob("*.orig.*"))  # a held-out set's layout
    if names:  # a folder of releases named as its gold names them (tests/releases_en)
        files += sorted(p for p in real.iterdir() if p.name in names and p not in files)
    return files


def publishers(real: Path, names: list[str]) -> dict[str, str]:
    """Each file's publisher: files that share a manifest repository or the sender's slug of their
    name (`NNN-sender-…`) are one publisher; a derived file (`pdf/`, `wrapped/`) goes with the
    original of its number."""
    repo_of: dict[str, str] = {}
    manifest = real / "MANIFEST.tsv"
    if manifest.exists():
        for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
            cells = line.split("\t")
            if len(cells) > 1:
                repo_of[cells[0].split("-")[0]] = cells[1]
    parent = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for name in names:
        number, slug = name.split("-")[0], name.split("-")[1]
        keys = [f"slug:{slug}"] + ([f"repo:{repo_of[number]}"] if number in repo_of else [])
        for key in keys:
            parent[find(key)] = find(f"number:{number}")
    return {name: find(f"number:{name.split('-')[0]}") for name in names}


def split_halves(publisher_of: dict[str, str], language_of: dict[str, str]) -> dict[str, str]:
    """Half A or B for each file: within each language, publishers, largest first, go to the half
    with fewer files (ties by a hash of the publisher), so both halves mix senders, formats and sizes."""
    import hashlib

    sizes: dict[str, int] = defaultdict(int)
    for publisher in publisher_of.values():
        sizes[publisher] += 1
    language = {publisher_of[name]: language_of[name] for name in publisher_of}
    order = sorted(sizes, key=lambda p: (-sizes[p], hashlib.sha1(p.encode()).hexdigest()))
    half_of, counts = {}, defaultdict(int)
    for publisher in order:
        lang = language[publisher]
        half = "A" if counts[("A", lang)] <= counts[("B", lang)] else "B"
        half_of[publisher] = half
        counts[(half, lang)] += sizes[publisher]
    return {name: half_of[publisher] for name, publisher in publisher_of.items()}


def earlier_set(entry: dict) -> bool:
    """A release of the set the earlier issues were done on (101-120 and their PDF and e-mail forms).
    The entries added with the unseen-senders issue (201-286) carry `furniture`; the tests keep to the
    earlier set and this benchmark tracks the rest."""
    return "furniture" not in entry


def kind_of(path: Path) -> str:
    if path.parent.name == "pdf":
        return "PDF"
    if path.parent.name == "wrapped":
        return "wrapped e-mail"
    return {".md": "Markdown", ".xhtml": "XHTML"}.get(path.suffix, path.suffix)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower().replace("’", "'")
    return " ".join(_WORD.findall(text))


def is_fragment(bullet: str, first: bool = False) -> bool:
    """Starts in lower case, has fewer than 5 words, or ends without final punctuation, except for the
    first bullet of 8 words or more (a standfirst in bold or a teaser has no full stop)."""
    unfinished = not _TERMINAL.search(bullet.rstrip()) and not (first and len(_WORD.findall(bullet)) >= 8)
    return bullet[:1].islower() or unfinished or len(_WORD.findall(bullet)) < 5


def is_boilerplate(bullet: str) -> bool:
    return bool(_DATELINE.match(bullet.strip()) or _BANNER.match(bullet.strip()) or _POINTER.search(bullet))


def is_heading(bullet: str, title: str) -> bool:
    """A heading in the summary: the headline repeated, or a line in capitals."""
    letters = [ch for ch in bullet if ch.isalpha()]
    shouted = len(letters) >= 8 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)
    return shouted or title_ok(bullet, title)


def is_foreign(bullet: str, language: str) -> bool:
    tokens = _WORD.findall(bullet.lower())
    en, fr = sum(t in _EN for t in tokens), sum(t in _FR for t in tokens)
    return language == "fr" and en >= 2 and en > fr


def title_ok(title: str | None, gold: str | None) -> bool:
    if gold is None:  # no headline of its own: nothing may claim to be it
        return False
    return SequenceMatcher(None, normalise(title or ""), normalise(gold)).ratio() >= 0.85


def title_right(result: dict, gold: str | None) -> bool:
    """The release's headline as title; for a release without one, a title that does not claim to be it."""
    if gold is None:
        return result.get("title_source") not in ("heading", "metadata")
    return title_ok(result.get("title"), gold)


def holds_furniture(bullet: str, furniture: list[str]) -> bool:
    """A bullet that carries a line the gold marks as furniture: it opens with it (a dateline, a
    kicker), closes with it (a signature, a pointer) or is mostly it. A short furniture line
    (a sender's name, a city) inside a sentence is the sentence's own words, not a leak."""
    text = normalise(bullet)
    for line in furniture:
        key = normalise(line)
        words = len(key.split())
        if not key or words < 2 or key not in text:
            continue
        if len(key) >= 0.6 * len(text) or (words >= 3 and text.startswith(key)) or (words >= 4 and text.endswith(key)):
            return True
    return False


def found(gold_sentence: str, bullets: list[str]) -> bool:
    gold_words = _WORD.findall(gold_sentence.lower())
    if not gold_words:
        return False
    for bullet in bullets:
        have = set(_WORD.findall(bullet.lower()))
        if sum(w in have for w in gold_words) >= 0.8 * len(gold_words):
            return True
    return False


_WIRE = re.compile(r"/\s*PR\s*Newswire|BUSINESS WIRE|/Business Wire/|GLOBE NEWSWIRE|/CNW/|\((?:Reuters|AP|AFP)\)|ACCESSWIRE", re.IGNORECASE)
_MONTH_EN = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_EN_DATELINE = re.compile(
    rf"^(?:[A-Z][\w.'’-]*(?:[ ,]+[A-Z0-9][\w.'’-]*){{0,6}},?\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    rf"(?:{_MONTH_EN}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH_EN}\s+\d{{4}})\s*(?:--|[-–—:])", re.IGNORECASE)
_EN_PLACE_DASH = re.compile(r"^[A-Z][A-Za-z .]{1,30},\s*[A-Z]{2}\.?\s*[-–—]\s")  # "Cambridge, MA – On Monday"
_EN_CONTACT = re.compile(r"\b(?:media|press|investor)\s+(?:contacts?|inquiries|relations)\b|\bfor more information\b|\bvisit\s+(?:www\.|https?://)",
                         re.IGNORECASE)
_KICKER_TOPIC = re.compile(r"(?i)^(?:(?:press|news|media)\s+(?:release|advisory|statement)s?|for\s+immediate\s+release|embargoed?.*)$")
_NUMBER_TOPIC = re.compile(r"^[\d.,%$€£ -]+$|\bv?\d+\.\d+(?:\.\d+)*\b")
_VERBS = frozenset(
    "announce announces announced launch launches launched release releases released raise raises raised grow grows continue "
    "continues say says said unveil unveils unveiled expand expands expanded open opens opened win wins won join joins joined "
    "partner partners partnered pledge pledges pledged award awards awarded commission commissions commissioned acquire acquires "
    "acquired introduce introduces introduced report reports reported celebrate celebrates pass passes passed back backs find finds "
    "found recover recovers recovered honor honors honoring support supports supporting call calls calling".split())


def english_bullet_defect(bullet: str, furniture: list[str]) -> str | None:
    """What a bullet of an English release must not hold: a wire dateline, a contact or link, furniture."""
    text = bullet.strip()
    if _WIRE.search(text) or _EN_DATELINE.match(text) or _EN_PLACE_DASH.match(text):
        return "dateline"
    if _POINTER.search(text) or _EN_CONTACT.search(text):
        return "contact"
    if holds_furniture(text, furniture):
        return "furniture"
    return None


def topic_defect(topic: str, title: str | None) -> str | None:
    """A kicker, a lone verb (or a phrase that runs into the headline's verb: "Harbor Robotics
    Raises" out of "Harbor Robotics Raises $40 Million…") or a number as a topic."""
    words = topic.split()
    if _KICKER_TOPIC.match(topic):
        return "kicker"
    if _NUMBER_TOPIC.search(topic):
        return "number"
    if len(words) == 1 and words[0].lower() in _VERBS:
        return "verb"
    after = re.search(re.escape(topic) + r"\s+(\S+)", title or "")
    if words and words[-1].lower() in _VERBS and after and not after.group(1)[:1].isupper():
        return "verb"
    return None


def name_matches(found: str, gold: str) -> bool:
    a, b = normalise(found), normalise(gold)
    if not a or not b:
        return False
    return a == b or f" {b} " in f" {a} " or (len(a.split()) >= 2 and f" {a} " in f" {b} ")


def english_row(entry: dict, result: dict) -> tuple[list[object], dict[str, int]]:
    """The English checks of one release: the table's cells and the counts behind the totals."""
    bullets = result.get("summary", [])
    bad = [d for d in (english_bullet_defect(b, entry.get("furniture", [])) for b in bullets) if d]
    fragments = sum(is_fragment(b, first=i == 0) for i, b in enumerate(bullets))
    facts = result.get("facts", {})
    date_ok = facts.get("date") == entry.get("date")
    given = [o["name"] for o in facts.get("organisations", [])]
    given += [o["expansion"] for o in facts.get("organisations", []) if o.get("expansion")]
    given += [p["name"] for p in facts.get("people", [])]
    gold = list(entry.get("organisations", [])) + list(entry.get("people", []))
    found = sum(any(name_matches(g, want) for g in given) for want in gold)
    entries = [[o["name"], o.get("expansion") or ""] for o in facts.get("organisations", [])]
    entries += [[p["name"]] for p in facts.get("people", [])]
    names_given = [forms[0] for forms in entries]
    right = sum(any(name_matches(form, want) for form in forms for want in gold) for forms in entries)
    topics = [t for t in result.get("topics", []) if topic_defect(t, result.get("title"))]
    title = title_right(result, entry["title"])
    counts = {"title": title, "bullets": not bad, "fragments": not fragments, "date": date_ok, "found": found, "gold": len(gold),
              "right": right, "given": len(names_given), "topics": not topics}
    cells = ["yes" if title else f"no ({(result.get('title') or '')[:40]!r})",
             "yes" if not bad else f"no ({', '.join(sorted(set(bad)))})", "yes" if not fragments else f"no ({fragments})",
             "yes" if date_ok else f"no ({facts.get('date')} vs {entry.get('date')})",
             f"{found}/{len(gold)}", f"{right}/{len(names_given)}", "yes" if not topics else f"no ({'; '.join(topics)[:40]})"]
    return cells, counts


def print_english(rows: list[tuple[str, list[object], dict[str, int]]]) -> None:
    if not rows:
        return
    print("\nEnglish releases (issue 25): title, bullets without dateline/contact/furniture, no fragment, release date, "
          "organisations+people found (recall) and right (precision), topics without kicker/verb/number:\n")
    table = [(name[:44], *cells) for name, cells, _ in rows]
    total = {key: sum(c[key] for _, _, c in rows) for key in rows[0][2]}
    n = len(rows)
    table.append(("all", f"{total['title']}/{n}", f"{total['bullets']}/{n}", f"{total['fragments']}/{n}", f"{total['date']}/{n}",
                  f"{total['found']}/{total['gold']} ({100 * total['found'] / max(1, total['gold']):.0f} %)",
                  f"{total['right']}/{total['given']} ({100 * total['right'] / max(1, total['given']):.0f} %)", f"{total['topics']}/{n}"))
    print(markdown_table(["release", "headline as title", "bullets clean", "no fragment", "date", "names found", "names right",
                          "topics clean"], table))


def run(command: str, files: list[Path], extra: list[str]) -> dict[str, dict]:
    proc = subprocess.run([command, *map(str, files), "-f", "jsonl", "-n", "3", "-j", "2", *extra],
                          capture_output=True, text=True, check=False)
    results = {}
    for line in proc.stdout.splitlines():
        obj = json.loads(line)
        results[Path(obj["source"]).name] = obj
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", type=Path, default=REAL_DIR)
    parser.add_argument("--set", type=Path, help="a held-out folder (files/, gold.jsonl): measured whole, no halves")
    parser.add_argument("--half", choices=("A", "B"), help="only this half of the publisher split")
    parser.add_argument("--show", action="store_true", help="print each document's defects and bullets")
    parser.add_argument("--language", choices=("fr", "en"), help="only the releases of this language")
    parser.add_argument("--command", default=shutil.which("summarize") or str(Path(sys.executable).with_name("summarize")))
    args = parser.parse_args()
    if args.set:
        args.real = args.set
    if not args.real.is_dir():
        raise SystemExit(f"real releases not found: {args.real} (set SUMMARIZE_REAL_DIR)")
    gold = {json.loads(line)["file"]: json.loads(line) for line in (args.real / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}
    files = [p for p in documents(args.real, set(gold)) if p.name in gold]
    if args.language:
        files = [p for p in files if gold[p.name].get("language", "fr") == args.language]
    if args.set:
        half_of = {p.name: "held-out" for p in files}
    else:
        half_of = split_halves(publishers(args.real, [p.name for p in files]), {p.name: gold[p.name].get("language", "fr") for p in files})
    if args.half:
        files = [p for p in files if half_of[p.name] == args.half]
    outputs = {name: run(args.command, files, extra) for name, extra in SYSTEMS.items()}

    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    per_half: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    defect_totals: dict[str, int] = defaultdict(int)
    news = {name: [0, 0] for name in SYSTEMS}
    news_half: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    english: list[tuple[str, list[object], dict[str, int]]] = []
    for path in files:
        entry = gold[path.name]
        result = outputs["default"].get(path.name, {"error": "no output"})
        if entry.get("language") == "en":
            english.append((path.name, *english_row(entry, result)))
        bullets = result.get("summary", [])
        defects: dict[str, list[str]] = defaultdict(list)
        if "error" in result:
            defects["error"].append(result["error"])
        if not bullets:
            defects["empty"].append("no summary")
        for position, bullet in enumerate(bullets):
            if is_fragment(bullet, first=position == 0):
                defects["fragment"].append(bullet)
            if is_boilerplate(bullet):
                defects["boilerplate"].append(bullet)
            if is_foreign(bullet, entry.get("language", "fr")):
                defects["foreign"].append(bullet)
            if is_heading(bullet, entry["title"]):
                defects["heading"].append(bullet)
            # a gold news sentence is never furniture, even when a furniture line (a signature) opens it too
            if holds_furniture(bullet, entry.get("furniture", [])) and not any(
                    found(sentence, [bullet]) for sentence in entry.get("news_sentences", [])):
                defects["furniture"].append(bullet)
        if "error" not in result and not title_right(result, entry["title"]):
            defects["title"].append(f"{result.get('title')!r} ({result.get('title_source')}; gold: {entry['title']!r})")
        kind = kind_of(path)
        per_kind[kind][1] += 1
        per_kind[kind][0] += not defects
        group = f"{half_of[path.name]} {entry.get('language', 'fr')}"
        per_half[group][1] += 1
        per_half[group][0] += not defects
        for name in defects:
            defect_totals[name] += 1
        for system in SYSTEMS:
            system_bullets = outputs[system].get(path.name, {}).get("summary", [])
            for sentence in entry.get("news_sentences", []):
                hit = found(sentence, system_bullets)
                news[system][0] += hit
                news[system][1] += 1
                news_half[(group, system)][0] += hit
                news_half[(group, system)][1] += 1
        if args.show:
            status = "clean" if not defects else ", ".join(f"{k} {len(v)}" for k, v in defects.items())
            print(f"\n## {path.name} [{half_of[path.name]}]: {status}\n   title: {result.get('title')!r}")
            for bullet in bullets:
                print(f"   - {bullet}")
            for name, items in defects.items():
                for item in items:
                    print(f"   [{name}] {item[:160]}")
            for sentence in entry.get("news_sentences", []):  # which system finds each news sentence a reader marked
                finders = [system for system in SYSTEMS if found(sentence, outputs[system].get(path.name, {}).get("summary", []))]
                print(f"   [news: {', '.join(finders) or 'none'}] {sentence[:140]}")

    rows = [(kind, f"{clean}/{total}", f"{100 * clean / total:.0f} %") for kind, (clean, total) in sorted(per_kind.items())]
    clean_all = sum(c for c, _ in per_kind.values())
    rows.append(("all", f"{clean_all}/{len(files)}", f"{100 * clean_all / len(files):.0f} %"))
    print("\nClean outputs (no fragment, boilerplate, heading, foreign bullet or wrong title):\n")
    print(markdown_table(["format", "clean", "rate"], rows))
    print("\nBy half of the publisher split (A tuned on, B only measured) and language:\n")
    half_rows = []
    for group, (clean, total) in sorted(per_half.items()):
        shares = [f"{100 * news_half[(group, system)][0] / max(1, news_half[(group, system)][1]):.0f} %" for system in SYSTEMS]
        half_rows.append((group, f"{clean}/{total}", f"{100 * clean / total:.0f} %", *shares))
    print(markdown_table(["half, language", "clean", "rate", *(f"news {name}" for name in SYSTEMS)], half_rows))
    print("\nDocuments with each defect: " + (", ".join(f"{k} {v}" for k, v in sorted(defect_totals.items())) or "none"))
    print("\nNews sentences found in a 3-sentence summary (80 % of a gold sentence's words in one bullet):\n")
    print(markdown_table(["system", "found", "share"],
                         [(name, f"{hit}/{total}", f"{100 * hit / max(1, total):.0f} %") for name, (hit, total) in news.items()]))
    print_english(english)


if __name__ == "__main__":
    main()
