"""Blind packets for an editor's verdict: for each release, three outputs under shuffled letters.

The three systems, each as a title and three bullets:
- this project's default command on the original file;
- LEAD-3 on text from standard tools (pdftotext for PDF, trafilatura for HTML, the Markdown
  source without its front matter, the OpenDocument's paragraphs, the text file itself): the
  first non-empty line as title, the first three sentences after it as bullets;
- sumy's LexRank on that same text (through this project's `-a lexrank`, which runs sumy's
  algorithm on the project's offline tokenizer: sumy's own needs NLTK data downloaded).

Writes, for a folder of releases (`files/`, as the held-out sets keep them), `packets.md` (what
the editor reads: the release's text from the standard tools, then options A, B, C) and
`key.json` (which letter is which system; the editor never opens it). The editor's answers are
scored by `--score answers.json`.

    python benchmarks/editor_packets.py SET_DIR OUT_DIR [--seed 7]
    python benchmarks/editor_packets.py SET_DIR OUT_DIR --score answers.json
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

SYSTEMS = ("summarize", "LEAD-3", "LexRank")
_SENTENCE = re.compile(r"(?<=[.!?…»])\s+(?=[«\"“A-ZÀ-Ý0-9])")


def standard_text(path: Path) -> str:
    """The release's text as a standard tool gives it, without this project's reading."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=False).stdout
    data = path.read_bytes()
    if suffix in (".html", ".htm", ".xhtml", ".wml", ".php"):  # a page served by PHP is HTML with code blocks
        import trafilatura

        return trafilatura.extract(data.decode("utf-8", "replace"), include_comments=False) or ""
    if suffix in (".odt",):
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("content.xml").decode("utf-8")
        xml = re.sub(r"</text:(?:p|h)>", "\n", xml)
        return re.sub(r"<[^>]+>", "", xml)
    text = data.decode("utf-8", "replace")
    if text.startswith(("---", "+++")):
        marker = text[:3]
        end = text.find("\n" + marker, 3)
        text = text[end + 4:] if end > 0 else text
    return text


def lead3(text: str) -> tuple[str, list[str]]:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        return "", []
    title, rest = lines[0], " ".join(lines[1:])
    return title, [s.strip() for s in _SENTENCE.split(rest) if s.strip()][:3]


def run_summarize(path: Path, extra: list[str]) -> tuple[str, list[str]]:
    command = shutil.which("summarize") or str(Path(sys.executable).with_name("summarize"))
    proc = subprocess.run([command, str(path), "-f", "json", "-n", "3", *extra], capture_output=True, text=True, check=False)
    try:
        result = json.loads(proc.stdout)
    except json.JSONDecodeError:
        return "(failed)", []
    return result.get("title") or "", result.get("summary", [])


def build(set_dir: Path, out: Path, seed: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    key, parts = {}, ["# Blind packets\n"]
    for path in sorted((set_dir / "files").glob("*.orig.*")):
        text = standard_text(path)
        plain = out / f"{path.stem}.standard.txt"
        plain.write_text(text, encoding="utf-8")
        outputs = {"summarize": run_summarize(path, []), "LEAD-3": lead3(text), "LexRank": run_summarize(plain, ["-a", "lexrank"])}
        letters = list(SYSTEMS)
        rng.shuffle(letters)
        key[path.name] = dict(zip("ABC", letters, strict=True))
        parts.append(f"\n## {path.name}\n\n### The release (text from standard tools)\n\n{text.strip()[:6000]}\n")
        for letter, system in zip("ABC", letters, strict=True):
            title, bullets = outputs[system]
            parts.append(f"\n### Option {letter}\n\nTitle: {title}\n" + "".join(f"- {b}\n" for b in bullets))
    (out / "packets.md").write_text("".join(parts), encoding="utf-8")
    (out / "key.json").write_text(json.dumps(key, indent=1), encoding="utf-8")


def score(out: Path, answers_file: Path) -> None:
    """answers.json: {file: {"ranking": ["B", "A", "C"], "news": {"A": 0-3, ...}, "unusable": {"A": n, ...}}}."""
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    answers = json.loads(answers_file.read_text(encoding="utf-8"))
    firsts = dict.fromkeys(SYSTEMS, 0)
    news = dict.fromkeys(SYSTEMS, 0)
    unusable = dict.fromkeys(SYSTEMS, 0)
    lines = dict.fromkeys(SYSTEMS, 0)
    for name, answer in answers.items():
        letters = key[name]
        firsts[letters[answer["ranking"][0]]] += 1
        for letter, system in letters.items():
            news[system] += answer["news"].get(letter, 0)
            unusable[system] += answer["unusable"].get(letter, 0)
            lines[system] += 4  # a title and three bullets
    count = len(answers)
    print(f"{count} releases judged blind\n")
    print("| system | ranked first | news (of 3, mean) | unusable lines |")
    print("|---|---|---|---|")
    for system in SYSTEMS:
        print(f"| {system} | {firsts[system]}/{count} | {news[system] / max(1, count):.2f} | {unusable[system]}/{lines[system]} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set_dir", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--score", type=Path, help="the editor's answers.json")
    args = parser.parse_args()
    if args.score:
        score(args.out, args.score)
    else:
        build(args.set_dir, args.out, args.seed)


if __name__ == "__main__":
    main()
