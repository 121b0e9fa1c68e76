"""Duplicates across the inputs of one run (issue 26): the same release received as a text file, a
web page and a re-sent, re-wrapped e-mail body is one release; other releases keep their own group."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from html import escape
from pathlib import Path

import pytest

from summarize.run import dedup

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real"
GREETING = "Bonjour,\n\nVeuillez trouver ci-dessous notre communiqué.\n\n"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "summarize", *args], capture_output=True, text=True, timeout=300, check=False)


def paragraphs(text: str) -> list[str]:
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]


def web_page(text: str) -> str:
    """The release as a press-room page: a navigation bar, a breadcrumb, the text, a footer."""
    blocks = paragraphs(text)
    return ("<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>Espace presse</title></head><body>"
            "<header><nav><ul><li><a href='/'>Accueil</a></li><li><a href='/groupe'>Le groupe</a></li>"
            "<li><a href='/presse'>Presse</a></li><li><a href='/contact'>Contact</a></li></ul></nav>"
            "<p><a href='/'>Accueil</a> &gt; <a href='/presse'>Presse</a> &gt; Communiqués</p></header><main><article>"
            + "".join(f"<p>{escape(b)}</p>" for b in blocks)
            + "</article></main><footer><a href='/mentions'>Mentions légales</a> · <a href='/cookies'>Cookies</a>"
              " · © Tous droits réservés</footer></body></html>")


def resent(text: str) -> str:
    """Forwarded again: a greeting above it, every paragraph hard-wrapped at 60 columns."""
    return GREETING + "\n\n".join("\n".join(textwrap.wrap(b, 60)) for b in paragraphs(text)) + "\n"


@pytest.fixture
def pile(samples, tmp_path) -> Path:
    """Three copies of the Veltis release (cp1252 text, web page, re-sent e-mail text) and two other releases."""
    veltis = next(p for p in samples if p.name.startswith("veltis"))
    text = veltis.read_bytes().decode("cp1252")
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "1-veltis.txt").write_bytes(veltis.read_bytes())
    (folder / "2-veltis-page.html").write_text(web_page(text), encoding="utf-8")
    (folder / "3-veltis-renvoi.txt").write_text(resent(text), encoding="utf-8")
    for other in ("metropole", "ong"):
        source = next(p for p in samples if p.name.startswith(other))
        (folder / f"4-{source.name}").write_bytes(source.read_bytes())
    return folder


def results_of(*args: str) -> list[dict]:
    proc = run(*args, "-f", "jsonl", "-j", "2")
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def test_three_copies_share_one_group_and_the_other_releases_have_their_own(pile):
    results = results_of(str(pile))
    by_name = {Path(r["source"]).name: r for r in results}
    first = by_name["1-veltis.txt"]
    assert first["duplicate_of"] is None
    for copy in ("2-veltis-page.html", "3-veltis-renvoi.txt"):
        assert by_name[copy]["group"] == first["group"], copy
        assert by_name[copy]["duplicate_of"] == first["source"], copy
    others = [r for name, r in by_name.items() if name.startswith("4-")]
    assert len(others) == 2 and all(r["duplicate_of"] is None for r in others)
    assert len({first["group"], *(r["group"] for r in others)}) == 3
    assert not any(key.startswith("_") for r in results for key in r), "the signature never leaves the run"


def test_the_group_id_comes_from_the_content_not_the_order_or_the_name(pile, tmp_path):
    before = {Path(r["source"]).name: r["group"] for r in results_of(str(pile))}
    renamed = tmp_path / "other"
    renamed.mkdir()
    (renamed / "a-autre.txt").write_bytes((pile / "4-ong-eau-vive-senegal.txt").read_bytes())
    (renamed / "b-veltis.txt").write_bytes((pile / "1-veltis.txt").read_bytes())
    after = {Path(r["source"]).name: r["group"] for r in results_of(str(renamed))}
    assert after["b-veltis.txt"] == before["1-veltis.txt"]
    assert after["a-autre.txt"] == before["4-ong-eau-vive-senegal.txt"]


def test_text_output_names_the_first_copy_instead_of_repeating_the_summary(pile):
    proc = run(str(pile), "-f", "text")
    assert proc.returncode == 0, proc.stderr
    blocks = proc.stdout.split("==> ")
    copy = next(b for b in blocks if b.startswith(f"{pile / '3-veltis-renvoi.txt'} <=="))
    assert f"même communiqué que {pile / '1-veltis.txt'}" in copy
    assert "Résumé" not in copy and "Repères" not in copy
    assert sum("Résumé :" in b for b in blocks) == 3


def test_no_dedup_gives_every_input_its_own_entry(pile):
    results = results_of(str(pile), "--no-dedup")
    assert len(results) == 5
    assert all("group" not in r and "duplicate_of" not in r for r in results)
    proc = run(str(pile), "-f", "text", "--no-dedup")
    assert "même communiqué" not in proc.stdout and proc.stdout.count("Résumé :") == 5


def test_an_english_copy_says_same_release_as(tmp_path):
    original = REAL / "281-nodejs-foundation-nodejs-platform-continues-to-grow.orig.md"
    if not original.exists():
        pytest.skip("../shared/real is not here")
    (tmp_path / "a.md").write_bytes(original.read_bytes())
    (tmp_path / "b.txt").write_text(resent(original.read_text(encoding="utf-8")).replace(GREETING, "Hello,\n\nPlease find our release below.\n\n"),
                                    encoding="utf-8")
    proc = run(str(tmp_path / "a.md"), str(tmp_path / "b.txt"), "-f", "text")
    assert proc.returncode == 0, proc.stderr
    assert f"same release as {tmp_path / 'a.md'}" in proc.stdout


def test_a_pdf_laid_out_by_the_press_office_and_a_wrapped_e_mail_are_copies_of_their_originals(tmp_path):
    pairs = [(REAL / "101-dinum-demarches-simplifiees-6-mois.orig.md", REAL / "pdf" / "101-dinum-demarches-simplifiees-6-mois.letterhead.pdf"),
             (REAL / "116-fsfe-commission-europeenne-verrouillage-2013.orig.xhtml",
              REAL / "wrapped" / "116-fsfe-commission-europeenne-verrouillage-2013.wrapped72.txt")]
    if not all(p.exists() for pair in pairs for p in pair):
        pytest.skip("../shared/real is not here")
    results = results_of(*(str(p) for pair in pairs for p in pair))
    assert [r["duplicate_of"] for r in results] == [None, str(pairs[0][0]), None, str(pairs[1][0])]


def test_two_releases_of_one_sender_with_the_same_letterhead_are_not_copies():
    letterhead = sorted((REAL / "pdf").glob("*.letterhead.pdf")) if (REAL / "pdf").is_dir() else []
    wrapped = sorted((REAL / "wrapped").glob("*.txt")) if (REAL / "wrapped").is_dir() else []
    if len(letterhead) < 2 or len(wrapped) < 2:
        pytest.skip("../shared/real is not here")
    results = results_of(*map(str, letterhead + wrapped))  # one directorate's letterhead; one foundation's "À propos"
    assert all(r["duplicate_of"] is None for r in results)
    assert len({r["group"] for r in results}) == len(results)


def test_signature_ignores_case_accents_punctuation_and_line_breaks():
    text = "Le Groupe publie ses résultats annuels, en hausse de 12 % sur un an, portés par quatre entrepôts."
    other = "LE GROUPE PUBLIE SES RESULTATS\nannuels en hausse de 12 %  sur un an — portes par quatre entrepots !"
    assert dedup.signature(text) == dedup.signature(other)
    assert dedup.signature("") is None and dedup.signature(" — … ") is None


def test_a_corrected_figure_or_a_typo_keeps_the_release_and_another_text_does_not(samples):
    text = next(p for p in samples if p.name.startswith("veltis")).read_bytes().decode("cp1252")
    base = dedup.signature(text)
    corrected = dedup.signature(text.replace("1,42 milliard", "1,43 milliard"))
    typo = dedup.signature(text.replace("logistique", "logsitique"))
    other = dedup.signature(next(p for p in samples if p.name.startswith("metropole")).read_text(encoding="utf-8", errors="replace"))
    assert dedup.similarity(base, corrected) >= dedup.THRESHOLD
    assert dedup.similarity(base, typo) >= dedup.THRESHOLD
    assert dedup.similarity(base, other) < dedup.THRESHOLD


def test_the_matcher_keeps_only_first_members_as_fixed_size_signatures(samples):
    matcher = dedup.Matcher()
    try:
        texts = [p.read_bytes().decode("utf-8", "replace") for p in samples]
        found = [matcher.match(f"copy{n}-{i}", dedup.signature(t)) for n in range(3) for i, t in enumerate(texts)]
        assert [m.duplicate_of for m in found[: len(texts)]] == [None] * len(texts)
        assert [m.duplicate_of for m in found[len(texts):]] == [f"copy0-{i}" for i in range(len(texts))] * 2
        rows = matcher._db.execute("SELECT COUNT(*), MAX(LENGTH(signature)) FROM firsts").fetchone()
        assert rows == (len(texts), dedup.PERMUTATIONS * 4)
        assert matcher._db.execute("SELECT COUNT(*) FROM bands").fetchone()[0] <= len(texts) * dedup.BANDS
        assert matcher.match("empty", None).duplicate_of is None
    finally:
        matcher.close()


def test_the_dedup_module_is_not_imported_for_one_file(samples):
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "summarize", str(samples[0]), "-f", "json"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "summarize.run" in imported or "summarize.run.batch" in imported  # the probe sees the package's modules
    assert not {"summarize.run.dedup", "sqlite3", "summarize.render.overview"} & imported


# --- the HTML digest ---------------------------------------------------------------------------------

def digest_of(*args: str):
    from tests.test_html import parse

    proc = run(*args, "-f", "html")
    assert proc.returncode == 0, proc.stderr
    return proc.stdout, parse(proc.stdout)


def test_the_digest_shows_a_release_received_three_times_once_with_the_other_copies(pile):
    html, page = digest_of(str(pile))
    assert len([1 for tag, _ in page.tags if tag == "article"]) == 3
    text = "".join(page.all_text)
    headline = "Groupe Veltis : chiffre d’affaires en hausse de 12 %"
    assert sum(headline in h for h in page.text_by_tag["h2"]) == 1  # one section
    assert sum(headline in a for a in page.text_by_tag["a"]) == 1  # one contents line
    also = [line for line in html.split('<span class="also">')[1:]]
    assert len(also) == 2  # under its contents line and under its section heading
    for block in also:
        shown = block.split("</span>")[0]
        assert "reçu aussi :" in shown and "2-veltis-page.html" in shown and "3-veltis-renvoi.txt" in shown
        assert "1-veltis.txt" not in shown
    assert "1</strong> communiqués" not in text
    assert "3 communiqués · 2 reçus en double" in " ".join(text.split())


def test_no_dedup_lists_the_three_copies_as_three_releases(pile):
    html, page = digest_of(str(pile), "--no-dedup")
    assert len([1 for tag, _ in page.tags if tag == "article"]) == 5
    assert "reçu aussi" not in html
    assert "5 communiqués · 0 reçus en double" in " ".join("".join(page.all_text).split())


def test_the_overview_links_recurring_organisations_and_counts_releases_per_day(tmp_path):
    names = ["113-fsfe-ftf-guide-juridique-2009.orig.xhtml", "114-fsfe-brevets-novell-concurrence-2011.orig.xhtml",
             "115-fsfe-pdfreaders-2286-sites-publicite.orig.xhtml", "wrapped/115-fsfe-pdfreaders-2286-sites-publicite.wrapped72.txt"]
    if not all((REAL / n).exists() for n in names):
        pytest.skip("../shared/real is not here")
    results = results_of(*(str(REAL / n) for n in names))
    html, page = digest_of(*(str(REAL / n) for n in names))
    overview = html.split('<section class="overview"', 1)[1].split("</section>", 1)[0]
    # FSFE is named by the three distinct releases (the copy does not count twice), each linked to its section
    fsfe = next(item for item in overview.split("<li>") if item.startswith("FSFE "))
    assert [int(x) for x in __import__("re").findall(r'href="#r(\d+)"', fsfe)] == [1, 2, 3]
    ids = {attrs.get("id") for tag, attrs in page.tags if tag == "article"}
    assert {"r1", "r2", "r3"} <= ids and "r4" not in ids
    dates = [r["facts"].get("date") or "" for r in results if not r["duplicate_of"]]
    days = [d for d in dates if len(d) == 10]  # a month alone ("2009-02") is no day
    assert days
    assert [a["role"] for tag, a in page.tags if tag == "svg"] == ["img"]
    assert page.remote == []  # no script, no remote reference: still self-contained
    for day in days:
        assert f"<title>{day} : 1</title>" in overview
    assert overview.count("<rect ") == len(set(days))
    if len(days) < len(dates):
        assert f"sans date : {len(dates) - len(days)}" in overview


def test_a_browser_draws_the_overview_chart_of_the_pile(pile, tmp_path):
    from tests.test_html import chromium, headless, parse

    browser = chromium()
    digest = tmp_path / "digest.html"
    digest.write_text(run(str(pile), "-f", "html").stdout, encoding="utf-8")
    dom = headless(browser, tmp_path, "--dump-dom", digest.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    rendered = parse(dom.stdout)
    assert [a.get("class") for tag, a in rendered.tags if tag == "section"] == ["overview"]
    assert len([1 for tag, _ in rendered.tags if tag == "rect"]) >= 1
    shot = tmp_path / "top.png"
    done = headless(browser, tmp_path, f"--screenshot={shot}", "--window-size=900,900", digest.as_uri())
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    image = pytest.importorskip("PIL.Image").open(shot).convert("RGB")
    bar = sum(1 for pixel in (image.get_flattened_data() if hasattr(image, "get_flattened_data") else image.getdata()) if pixel == (0x3A, 0x7B, 0xD5))
    assert bar > 22 * 40, "the bars of the chart are painted at the top of the page"


# --- records ---------------------------------------------------------------------------------------------

@pytest.fixture
def corpus(samples, tmp_path) -> Path:
    """Six sample releases as JSONL records, with the Veltis release again (re-sent) and the Nantes one again (a typo)."""
    texts = {p.stem: p.read_bytes().decode("utf-8") if not p.name.startswith("veltis") else p.read_bytes().decode("cp1252") for p in samples}
    records = [{"id": name, "text": text} for name, text in texts.items()]
    nantes = next(k for k in texts if k.startswith("metropole"))
    records.append({"id": "veltis-again", "text": resent(texts["veltis-resultats-annuels-2024"])})
    records.append({"id": "nantes-again", "text": texts[nantes].replace("tramway", "tramawy", 1)})
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_records_copies_are_found_across_partitions(corpus):
    proc = run("--records", str(corpus), "-f", "jsonl", "-j", "2", "--partition-size", "4k")
    assert proc.returncode == 0, proc.stderr
    results = {r["id"]: r for r in map(json.loads, proc.stdout.splitlines())}
    assert results["veltis-again"]["duplicate_of"] == f"{corpus}#veltis-resultats-annuels-2024"
    assert results["veltis-again"]["group"] == results["veltis-resultats-annuels-2024"]["group"]
    nantes = next(k for k in results if k.startswith("metropole"))
    assert results["nantes-again"]["duplicate_of"] == f"{corpus}#{nantes}"
    assert sum(r["duplicate_of"] is None for r in results.values()) == len(results) - 2
    assert len({r["group"] for r in results.values()}) == len(results) - 2


def test_records_written_to_parts_get_a_groups_file_beside_them(corpus, tmp_path):
    pytest.importorskip("pyarrow")
    out = tmp_path / "parts"
    proc = run("--records", str(corpus), "-o", str(out), "-j", "2", "--partition-size", "4k")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in (out / "_groups.jsonl").read_text(encoding="utf-8").splitlines()]
    ids = [json.loads(line)["id"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ids
    copies = {line["id"]: line["duplicate_of"] for line in lines if line["duplicate_of"]}
    assert set(copies) == {"veltis-again", "nantes-again"}
    assert "2 duplicates" in proc.stderr
    assert [p.name for p in out.iterdir() if p.name.startswith(".") and p.name != ".summarize.job.json"] == []  # no temporary file left
    import pyarrow.parquet as pq

    columns = pq.read_table(out).column_names
    assert "_signature" not in columns and len(pq.read_table(out)) == len(ids)


# --- one e-mail: the release in the body and attached ------------------------------------------------

def test_an_e_mail_alone_that_carries_its_release_twice_shows_it_once(tmp_path):
    from email.message import EmailMessage

    body_file = REAL / "101-dinum-demarches-simplifiees-6-mois.orig.md"
    pdf = REAL / "pdf" / "101-dinum-demarches-simplifiees-6-mois.letterhead.pdf"
    other = REAL / "pdf" / "104-dinsic-assises-identite-numerique-2018.letterhead.pdf"
    if not all(p.exists() for p in (body_file, pdf, other)):
        pytest.skip("../shared/real is not here")
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "presse@example.org", "desk@example.org", "Communiqué"
    message.set_content(GREETING + body_file.read_text(encoding="utf-8").split("---", 2)[2])
    for attached in (pdf, other):
        message.add_attachment(attached.read_bytes(), maintype="application", subtype="pdf", filename=attached.name)
    mail = tmp_path / "envoi.eml"
    mail.write_bytes(bytes(message))
    results = results_of(str(mail))
    assert [r.get("attachment") for r in results] == [None, pdf.name, other.name]
    assert [r["duplicate_of"] for r in results] == [None, str(mail), None]
    assert results[1]["group"] == results[0]["group"] != results[2]["group"]
    assert f"même communiqué que {mail}" in run(str(mail), "-f", "text").stdout
    assert all("group" not in r for r in results_of(str(mail), "--no-dedup"))
