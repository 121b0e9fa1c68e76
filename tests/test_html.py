"""HTML output (issue 16): a self-contained page per release, a digest for several, pages and an
index with -o. The output is parsed here; a real browser renders it when Chromium is present."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ("COMMUNIQUÉ DE PRESSE\n\nLa ville teste <script>alert('x')</script> un titre piégé\n\n"
           "Paris, le 3 juin 2025 – La ville de Paris publie aujourd’hui un rapport <img src=x onerror=alert(1)> "
           "sur la qualité de l’air dans les écoles maternelles de la capitale.\n"
           "Le rapport couvre 300 écoles et recommande de nouveaux capteurs dans chaque classe d’ici 2026.\n"
           "Les parents pourront consulter les mesures en ligne dès la rentrée de septembre prochain.\n\n"
           "Contact presse : Marie Curie, marie.curie@paris-exemple.fr, 01 23 45 67 89\n")


class Page(HTMLParser):
    """Collects what the tests check: tags, attributes, text by tag, <mark> contents, remote references."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.stack: list[str] = []
        self.marks: list[str] = []
        self.text_by_tag: dict[str, list[str]] = {}
        self.all_text: list[str] = []
        self.remote: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag not in ("meta", "br", "link", "img", "input"):
            self.stack.append(tag)
        if tag == "mark":
            self.marks.append("")
        for name in ("src", "href", "action", "data"):
            value = attributes.get(name) or ""
            if value.startswith(("http:", "https:", "//")):
                self.remote.append(value)
        if tag in ("script", "link", "iframe", "object", "embed"):
            self.remote.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        self.all_text.append(data)
        if "mark" in self.stack and self.marks:
            self.marks[-1] += data
        if self.stack:
            self.text_by_tag.setdefault(self.stack[-1], []).append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "summarize", *args], input=stdin, capture_output=True, text=True, timeout=120, check=False)


def test_single_page_is_complete_self_contained_and_marks_each_summary_sentence(samples):
    path = next(p for p in samples if p.name.startswith("startup"))
    proc = run(str(path), "-f", "html", "-n", "3")
    assert proc.returncode == 0, proc.stderr
    page = parse(proc.stdout)
    assert proc.stdout.startswith("<!DOCTYPE html>")
    html_tag = next(attrs for tag, attrs in page.tags if tag == "html")
    assert html_tag["lang"] == "fr"
    csp = next(attrs for tag, attrs in page.tags if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp["content"] and "script-src" not in csp["content"]
    assert page.remote == [], "no remote resource and no script"
    result = json.loads(run(str(path), "-f", "json", "-n", "3").stdout)
    assert page.marks == result["summary"], "one <mark> per summary sentence, in order, with its exact text"
    full_text = "".join(page.all_text)
    for sentence in result["summary"]:
        assert full_text.count(sentence) == 2  # once in the summary list, once highlighted in the full text
    assert result["title"] in page.text_by_tag["h1"]
    furniture = [attrs for tag, attrs in page.tags if tag == "p" and attrs.get("class") == "furniture"]
    assert furniture, "the furniture set aside is shown, dimmed and labelled"
    assert "COMMUNIQUÉ DE PRESSE" in full_text and "Bordeaux, le 9 octobre 2025" in full_text


def test_hostile_release_text_is_shown_as_text():
    proc = run("-", "-f", "html", stdin=HOSTILE)
    assert proc.returncode == 0, proc.stderr
    page = parse(proc.stdout)
    assert not any(tag in ("script", "img") for tag, _ in page.tags)
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
    assert "<script>alert('x')</script>" in "".join(page.all_text)
    assert "&lt;img src=x onerror=alert(1)&gt;" in proc.stdout


def test_digest_lists_every_title_and_every_failure(samples, tmp_path):
    missing = tmp_path / "absent.txt"
    proc = run(*map(str, samples), str(missing), "-f", "html")
    assert proc.returncode == 1
    page = parse(proc.stdout)
    text = "".join(page.all_text)
    results = [json.loads(line) for line in run(*map(str, samples), "-f", "jsonl").stdout.splitlines()]
    for result in results:
        assert result["title"] in text and result["summary"][0] in text
        anchor_targets = {attrs.get("href") for tag, attrs in page.tags if tag == "a"}
        assert any(href and href.startswith("#r") for href in anchor_targets)
    assert "absent.txt" in text and "no such file" in text
    assert len([1 for tag, attrs in page.tags if tag == "article"]) == len(samples) + 1
    assert page.marks and page.remote == []


def test_output_dir_writes_a_page_per_input_and_an_index(samples, tmp_path):
    out = tmp_path / "out"
    proc = run(str(ROOT / "samples"), "-f", "html", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    pages = sorted(p.name for p in out.glob("*.summary.html"))
    assert pages == sorted(f"{p.stem}.summary.html" for p in samples)
    index = parse((out / "index.html").read_text(encoding="utf-8"))
    links = sorted({attrs["href"] for tag, attrs in index.tags if tag == "a"})  # the contents and the overview's references
    assert links == pages
    for name in pages:
        assert parse((out / name).read_text(encoding="utf-8")).marks


def test_explain_shows_a_bar_and_rank_per_sentence(samples):
    path = next(p for p in samples if p.name.startswith("metropole"))
    page = parse(run(str(path), "-f", "html", "--explain").stdout)
    meters = [attrs for tag, attrs in page.tags if tag == "meter"]
    result = json.loads(run(str(path), "-f", "json", "--explain").stdout)
    assert len(meters) == len(result["scores"])
    assert all(0 <= float(m["value"]) <= 1 for m in meters)


def test_the_html_renderer_is_not_imported_for_other_formats(samples):
    code = ("import sys, json; from summarize.cli import run; sys.argv = ['summarize', sys.argv[1], '-f', 'json'];\n"
            "try:\n    run()\nexcept SystemExit:\n    pass\nprint('summarize.render.html' in sys.modules, file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code, str(samples[0])], capture_output=True, text=True, timeout=60, check=False)
    assert proc.stderr.strip().endswith("False")


# --- A real browser --------------------------------------------------------------------------------

def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not found:
        pytest.skip("Chromium is not installed (Debian package 'chromium'; .ci/run installs it when it can)")
    return found


def headless(browser: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True, text=True, timeout=120, check=False)


def test_a_browser_renders_the_digest_dom_and_a_screenshot(samples, tmp_path):
    browser = chromium()
    digest = tmp_path / "digest.html"
    digest.write_text(run(*map(str, samples), "-f", "html").stdout, encoding="utf-8")
    dom = headless(browser, tmp_path, "--dump-dom", digest.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    rendered = parse(dom.stdout)
    assert len([1 for tag, _ in rendered.tags if tag == "article"]) == len(samples)
    assert len(rendered.marks) >= len(samples)
    shot = tmp_path / "digest.png"
    done = headless(browser, tmp_path, f"--screenshot={shot}", "--window-size=390,1200", digest.as_uri())
    assert done.returncode == 0 and shot.exists() and shot.stat().st_size > 5000, done.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_every_coloured_rule_meets_wcag_aa_contrast():
    """Each CSS rule that sets a text colour on a background (or on the white page) reaches 4.5:1."""
    import re

    from summarize.render.html import STYLE

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    checked = 0
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", STYLE):
        colour = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", body)
        if not colour or "@media print" in selector:
            continue
        background = re.search(r"background:\s*(#[0-9a-fA-F]{6})", body)
        light, dark = sorted((luminance(colour.group(1)), luminance(background.group(1) if background else "#ffffff")), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 4.5, selector.strip()
        checked += 1
    assert checked >= 8


def test_printing_gives_one_release_a_page_without_furniture(samples, tmp_path):
    browser = chromium()
    import pypdfium2 as pdfium

    digest = tmp_path / "digest.html"
    digest.write_text(run(*map(str, samples[:3]), "-f", "html").stdout, encoding="utf-8")
    pdf = tmp_path / "digest.pdf"
    done = headless(browser, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", digest.as_uri())
    assert done.returncode == 0 and pdf.exists(), done.stderr[-2000:]
    document = pdfium.PdfDocument(str(pdf))
    try:
        pages = []
        for page in document:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        document.close()
    titles = [json.loads(line)["title"] for line in run(*map(str, samples[:3]), "-f", "jsonl").stdout.splitlines()]
    heads = [" ".join(text.split()[:40]) for text in pages]  # the top of each page (the digest heading may precede)
    starts = [next(i for i, head in enumerate(heads) if " ".join(title.split()[:6]) in head) for title in titles]
    assert len(set(starts)) == len(titles), "each release starts its own page"
    assert not any("COMMUNIQUÉ DE PRESSE" in text for text in pages), "furniture is not printed"
