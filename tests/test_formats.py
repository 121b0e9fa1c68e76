"""Real-world inputs (issue 7): HTML, PDF, DOCX, e-mail and Markdown give the same summary as
the .txt release they were made from. Every fixture is generated here from a sample."""

from __future__ import annotations

import json
import re
import textwrap
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize import summarize_text
from summarize.cli import app
from summarize.errors import InputError
from summarize.read.readers.markdown import markdown_to_text
from summarize.read.readers.pdf import pdf_pages_to_text
from summarize.read.reading import read_text

SAMPLE = "metropole-nantes-tramway.txt"
runner = CliRunner()


def blocks(samples) -> list[tuple[str, str]]:
    """(kind, text) of the sample: header, title, heading, bullet, paragraph."""
    path = next(p for p in samples if p.name == SAMPLE)
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = [("header", lines[0]), ("title", lines[1])]
    for line in lines[2:]:
        if line.startswith("•"):
            out.append(("bullet", line.lstrip("• ")))
        elif len(line) < 60 and not re.search(r"[.:!?]$", line) and "@" not in line and not re.match(r"^[\d+]", line):
            out.append(("heading", line))
        else:
            out.append(("paragraph", line))
    return out


@pytest.fixture
def reference(samples) -> list[str]:
    path = next(p for p in samples if p.name == SAMPLE)
    return summarize_text(read_text(str(path)).text).summary


def make_html(samples) -> str:
    body = []
    for kind, text in blocks(samples):
        tag = {"title": "h1", "heading": "h2", "bullet": "li"}.get(kind, "p")
        body.append(f"<{tag}>{text}</{tag}>")
    return ("<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>Ligne 6 | Nantes Métropole</title>"
            "<meta property='article:published_time' content='2025-03-12'><script>var secret = 'script text';</script></head><body>"
            "<nav><a href='/'>Accueil</a> <a href='/presse'>Espace presse</a> <a href='/agenda'>Agenda des projets</a></nav>"
            "<div class='cookie-banner'>Nous utilisons des cookies pour mesurer l’audience. Accepter ou refuser les cookies.</div>"
            f"<main><article>{''.join(body)}</article></main>"
            "<footer>© Nantes Métropole – Mentions légales – Plan du site – Accessibilité</footer>"
            "<script>document.write('more script')</script></body></html>")


def make_pdf(samples, path: Path) -> None:
    from fpdf import FPDF

    class Release(FPDF):
        def header(self):
            self.set_font("helvetica", size=8)
            self.cell(0, 5, "Nantes Métropole – Direction de la communication", new_x="LMARGIN", new_y="NEXT")

        def footer(self):
            self.set_y(-12)
            self.set_font("helvetica", size=8)
            self.cell(0, 5, f"Page {self.page_no()}/{{nb}}", align="C")

    pdf = Release()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_title("Ligne 6 du tramway")
    pdf.add_page()
    for index, (kind, text) in enumerate(blocks(samples)):
        if index == 6:
            pdf.add_page()  # a page break inside the release
        pdf.set_font("helvetica", style="B" if kind in ("title", "heading") else "", size=11)
        pdf.multi_cell(0, 6, ("- " if kind == "bullet" else "") + text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(path))


def make_docx(samples, path: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = "Ligne 6 du tramway"
    for kind, text in blocks(samples):
        if kind == "title":
            document.add_heading(text, level=0)
        elif kind == "heading":
            document.add_heading(text, level=1)
        elif kind == "bullet":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    document.save(str(path))


def _marked_up(samples, title, heading, bullet: str, link: str) -> list[str]:
    """The sample's blocks in a lightweight markup: `title` and `heading` format those lines, `bullet`
    opens list items, `link` marks up the name "Nantes Métropole" in paragraphs wrapped at 60 columns."""
    out = []
    for kind, text in blocks(samples):
        if kind == "title":
            out.append(title(text))
        elif kind == "heading":
            out.append(heading(text))
        elif kind == "bullet":
            out.append(f"{bullet}{text}")
        else:
            out.append(textwrap.fill(text.replace("Nantes Métropole", link), 60) + "\n")
    return out


def make_markdown(samples) -> str:
    return "\n".join(_marked_up(samples, lambda text: f"# {text}\n", lambda text: f"## {text}\n", "* ", "**Nantes Métropole**"))


def make_rst(samples) -> str:
    """The sample as reStructuredText: an over- and underlined title, underlined sections, "* " items,
    named links ("`le site`_" with its target at the end), a comment and a code block."""
    body = _marked_up(samples, lambda text: f"{'=' * len(text)}\n{text}\n{'=' * len(text)}\n",
                      lambda text: f"{text}\n{'-' * len(text)}\n", "* ", "`Nantes Métropole`_")
    return "\n".join([".. communiqué : ne pas diffuser avant le 12 mars\n", *body,
                      "\n::\n\n    print('code')\n\n.. _Nantes Métropole: https://metropole.nantes.fr\n"])


def _message(subject: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Presse Nantes Métropole <presse@nantesmetropole-exemple.fr>"
    message["To"] = "redaction@journal-exemple.fr"
    message["Subject"] = subject
    message["Date"] = "Wed, 12 Mar 2025 09:30:00 +0100"
    return message


def make_email(samples, attachments: dict[str, bytes] | None = None) -> bytes:
    path = next(p for p in samples if p.name == SAMPLE)
    message = _message(blocks(samples)[1][1])
    body = path.read_text(encoding="utf-8")
    message.set_content(body + "\nCordialement,\nHélène Moreau\n02 40 99 00 00\n\n"
                        "Le 11 mars 2025, Jean Dupont a écrit :\n> Pouvez-vous m’envoyer le communiqué ?\n> Merci\n")
    for name, data in (attachments or {}).items():
        maintype, subtype = ("application", "pdf") if name.endswith(".pdf") else (
            "application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return bytes(message)


def make_odt(samples, path: Path) -> None:
    """The sample as LibreOffice saves it: a Title paragraph, Heading 1 headings, list items, body paragraphs."""
    import zipfile
    from xml.sax.saxutils import escape

    from .test_odt import NS, STYLES

    parts = []
    for kind, text in blocks(samples):
        if kind == "title":
            parts.append(f'<text:p text:style-name="Title">{escape(text)}</text:p>')
        elif kind == "heading":
            parts.append(f'<text:h text:style-name="Heading_20_1" text:outline-level="1">{escape(text)}</text:h>')
        elif kind == "bullet":
            parts.append(f'<text:list><text:list-item><text:p>{escape(text)}</text:p></text:list-item></text:list>')
        else:
            parts.append(f'<text:p text:style-name="Text_20_body">{escape(text)}</text:p>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} office:version="1.2">'
               f'<office:body><office:text>{"".join(parts)}</office:text></office:body></office:document-content>')
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
        archive.writestr("styles.xml", STYLES)


def make_email_with_cover_note(samples) -> bytes:
    """The release pasted into an e-mail under a greeting and a one-line cover note, and signed."""
    path = next(p for p in samples if p.name == SAMPLE)
    message = _message("CP tramway")
    message.set_content("Bonjour,\n\nVeuillez trouver ci-dessous notre communiqué de presse.\n\n" + path.read_text(encoding="utf-8")
                        + "\nBien cordialement,\nHélène Moreau\nService presse\n")
    return bytes(message)


def summary_of(path: Path) -> dict:
    result = runner.invoke(app, [str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_html_page_gives_the_txt_summary_without_page_furniture(samples, reference, tmp_path):
    path = tmp_path / "communique.html"
    path.write_text(make_html(samples), encoding="utf-8")
    raw = read_text(str(path))
    for furniture in ("Accueil", "cookies", "Mentions légales", "script text", "more script"):
        assert furniture not in raw.text
    data = summary_of(path)
    assert data["summary"] == reference
    assert data["metadata"]["format"] == "html" and data["metadata"]["date"] == "2025-03-12"
    assert data["title"].startswith("Nantes Métropole : la ligne 6")


def test_txt_file_that_is_html_is_detected_by_content(samples, reference, tmp_path):
    path = tmp_path / "page-enregistree.txt"
    path.write_text(make_html(samples), encoding="utf-8")
    assert summary_of(path)["summary"] == reference


def test_pdf_gives_the_txt_summary_without_headers_footers_page_numbers(samples, reference, tmp_path):
    path = tmp_path / "communique.pdf"
    make_pdf(samples, path)
    raw = read_text(str(path))
    assert "Page 1/2" not in raw.text and "Direction de la communication –" not in raw.text.split("\n")[0]
    assert raw.metadata["pages"] == "2"
    data = summary_of(path)
    assert data["summary"] == reference
    assert data["metadata"]["format"] == "pdf"


def test_pdf_line_ends_are_mended():
    pages = ["Le projet de trans-\nport collectif sera présenté par le vice-\nprésident de la métropole lors de la\nséance.",
             "Page 2/2"]
    text = pdf_pages_to_text(pages)
    assert "transport collectif" in text and "vice-président" in text
    assert "lors de la séance." in text and "Page 2/2" not in text


def test_scanned_pdf_without_text_layer_gets_a_clear_error(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 150, style="F")  # an image of a page, no text
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    result = runner.invoke(app, [str(path)])
    assert result.exit_code == 1 and "no text layer" in result.stderr and "Traceback" not in result.output


def test_docx_gives_the_txt_summary_with_headings(samples, reference, tmp_path):
    path = tmp_path / "communique.docx"
    make_docx(samples, path)
    data = summary_of(path)
    assert data["summary"] == reference
    assert data["title"].startswith("Nantes Métropole : la ligne 6") and data["title_source"] == "heading"


def test_docx_zip_bomb_is_refused_quickly(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as entry:
            chunk = b"\0" * 2**20
            for _ in range(120):
                entry.write(chunk)
    assert path.stat().st_size < 2**20
    with pytest.raises(InputError, match="zip bomb"):
        read_text(str(path))


def test_zip_that_is_not_a_docx_is_refused(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "bonjour")
    with pytest.raises(InputError, match="not a Word"):
        read_text(str(path))


def test_markdown_markup_never_reaches_the_summary(samples, reference, tmp_path):
    path = tmp_path / "communique.md"
    path.write_text(make_markdown(samples), encoding="utf-8")
    data = summary_of(path)
    assert data["summary"] == reference
    assert not any(mark in " ".join(data["summary"] + data["topics"]) for mark in ("**", "##", "* "))
    assert data["title"].startswith("Nantes Métropole : la ligne 6")


def test_markdown_conversion_keeps_words_and_drops_markup():
    text, title = markdown_to_text("---\ntitle: Essai\n---\n# Titre\n\nUn [lien](https://x.fr) et `code`,\n"
                                   "**gras** et *italique*.\n\n```\nprint('non')\n```\n![logo](l.png)\n")
    assert title == "Essai"
    assert "Un lien et code, gras et italique." in text and "print" not in text and "https" not in text


def test_restructuredtext_gives_the_txt_summary_without_its_markup(samples, reference, tmp_path):
    """A .rst release (Pelican and Sphinx sites): docutils reads it; its title is the headline, and no
    link mark, target, comment or code block reaches the text."""
    path = tmp_path / "communique.rst"
    path.write_text(make_rst(samples), encoding="utf-8")
    data = summary_of(path)
    assert data["summary"] == reference
    assert data["title"].startswith("Nantes Métropole : la ligne 6") and data["title_source"] == "heading"
    shown = " ".join([data["title"], *data["summary"], *data["topics"]])
    assert not any(mark in shown for mark in ("`", "_ ", "print", "https", "diffuser avant"))
    assert data["metadata"]["format"] == "rst"


def test_a_pelican_rst_post_takes_its_title_and_date_from_its_header(tmp_path):
    path = tmp_path / "sortie.rst"
    path.write_text("Title: La communauté Inkscape annonce la version 0.48\nDate: 2010-08-23\n\n"
                    "Après 9 mois de développement, Inkscape 0.48 est disponible. Référez-vous à la\n"
                    "`note de version`_ pour en savoir plus.\n\n.. _note de version: http://wiki.example.org/048\n",
                    encoding="utf-8")
    data = summary_of(path)
    assert data["title"] == "La communauté Inkscape annonce la version 0.48"
    assert data["facts"]["date"] == "2010-08-23"
    assert "`" not in " ".join(data["summary"]) and "wiki.example" not in json.dumps(data["summary"])


def test_email_body_without_signature_or_quoted_reply(samples, reference, tmp_path):
    path = tmp_path / "message.eml"
    path.write_bytes(make_email(samples))
    raw = read_text(str(path))
    assert "Pouvez-vous" not in raw.text and "a écrit" not in raw.text and "Cordialement" not in raw.text
    data = summary_of(path)
    assert data["summary"] == reference
    assert data["metadata"]["format"] == "email" and data["title"].startswith("Nantes Métropole")


def test_email_attachments_are_summarized_as_their_own_documents(samples, reference, tmp_path):
    make_pdf(samples, tmp_path / "c.pdf")
    make_docx(samples, tmp_path / "c.docx")
    path = tmp_path / "message.eml"
    path.write_bytes(make_email(samples, {"communique.pdf": (tmp_path / "c.pdf").read_bytes(),
                                          "communique.docx": (tmp_path / "c.docx").read_bytes()}))
    result = runner.invoke(app, [str(path), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"].rsplit("/", 1)[-1] for r in records] == ["message.eml", "message.eml#communique.pdf", "message.eml#communique.docx"]
    assert all(r["summary"] == reference for r in records)
    assert [r.get("attachment") for r in records] == [None, "communique.pdf", "communique.docx"]
    out = tmp_path / "out"
    assert runner.invoke(app, [str(path), "-o", str(out), "-f", "json"]).exit_code == 0
    assert sorted(p.name for p in out.iterdir() if p.name != ".summarize.manifest.json") == [
        "message#communique.docx.summary.json", "message#communique.pdf.summary.json", "message.summary.json"]


def test_html_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("CONTENU-SECRET-A-NE-JAMAIS-LIRE")
    page = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
            "<html><body><article><h1>Un titre de communiqué assez long pour être gardé</h1>"
            "<p>Le conseil a approuvé le projet de ligne de tramway qui desservira dix-neuf stations &xxe; au total.</p>"
            "<p>Le chantier commencera en janvier et la mise en service est prévue pour septembre prochain.</p>"
            "</article></body></html>")
    path = tmp_path / "xxe.html"
    path.write_text(page, encoding="utf-8")
    result = runner.invoke(app, [str(path), "-f", "json"])
    assert "CONTENU-SECRET" not in result.output


def test_a_folder_mixing_every_format_in_one_run(samples, reference, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_bytes(next(p for p in samples if p.name == SAMPLE).read_bytes())
    (folder / "b.html").write_text(make_html(samples), encoding="utf-8")
    make_pdf(samples, folder / "c.pdf")
    make_docx(samples, folder / "d.docx")
    (folder / "e.md").write_text(make_markdown(samples), encoding="utf-8")
    (folder / "f.eml").write_bytes(make_email(samples, {"g.pdf": (folder / "c.pdf").read_bytes()}))
    make_odt(samples, folder / "h.odt")
    (folder / "i.eml").write_bytes(make_email_with_cover_note(samples))
    (folder / "z.pdf").write_bytes(b"%PDF-1.4\n garbage")
    result = runner.invoke(app, [str(folder), "-f", "jsonl", "-j", "2"])
    assert result.exit_code == 1  # the broken PDF, reported, and the others done
    records = [json.loads(line) for line in result.stdout.splitlines()]
    names = [r["source"].rsplit("/", 1)[-1] for r in records]
    assert names == ["a.txt", "b.html", "c.pdf", "d.docx", "e.md", "f.eml", "f.eml#g.pdf", "h.odt", "i.eml", "z.pdf"]
    assert all(r["summary"] == reference for r in records[:-1]), [r["source"] for r in records[:-1] if r["summary"] != reference]
    title = blocks(samples)[1][1]
    assert all(r["title"] == title for r in records[:-1]), [(r["source"], r["title"]) for r in records[:-1] if r["title"] != title]
    assert "error" in records[-1] and "PDF" in records[-1]["error"]


PAGE_BODY = ("<p>La médiathèque de Saint-Brieuc ouvre le <q>Labo</q>, un atelier de fabrication numérique, "
             "avec deux imprimantes 3D et une découpeuse laser, le samedi 14 juin.</p>\n"
             "<p>L'atelier sera ouvert trois après-midi par semaine, gratuitement, aux adhérents de plus de 12 ans.</p>\n"
             "<p>Une médiatrice formée accompagnera les premiers projets des habitants pendant tout l'été.</p>\n")


def test_an_html_kicker_heading_gives_way_to_the_second_heading_and_q_is_inline(tmp_path):
    """A page whose first <h1> is the kicker and whose headline is a second <h1> (a link and a bold word
    inside it); <q> is an inline quotation, never a line break in the middle of a sentence."""
    path = tmp_path / "cp.html"
    path.write_text("<html><body><h1>Communiqué de presse</h1><h3>— 2 juin 2025</h3>"
                    "<h1><a href='/labo'><b>Le Labo</b></a>, un atelier de fabrication ouvre à la médiathèque</h1>\n"
                    + PAGE_BODY + "</body></html>", encoding="utf-8")
    data = summary_of(path)
    assert data["title"] == "Le Labo, un atelier de fabrication ouvre à la médiathèque"
    assert data["summary"][0].startswith("La médiathèque de Saint-Brieuc ouvre le “Labo”, un atelier de fabrication numérique")


def test_a_wml_page_source_gives_its_macro_title_and_date_and_no_directive(tmp_path):
    """The source of a page in Website Meta Language: title and date in <define-tag> macros, '#'
    lines are the preprocessor's directives and comments, never text."""
    path = tmp_path / "20250602.wml"
    path.write_text("# Status: published\n<define-tag pagetitle>La médiathèque ouvre le <q>Labo</q></define-tag>\n"
                    "<define-tag release_date>2025-06-02</define-tag>\n#use wml::site::news\n"
                    "# Translators: keep the links\n\n" + PAGE_BODY, encoding="utf-8")
    data = summary_of(path)
    assert data["title"] == "La médiathèque ouvre le Labo"
    assert data["metadata"]["date"] == "2025-06-02"
    text = " ".join(data["summary"])
    assert "Status" not in text and "wml" not in text and "Translators" not in text


def test_a_one_word_site_name_as_page_title_is_no_label_over_the_headline(tmp_path):
    """<title>LGM</title> and the headline in an <h2>: the site's name is set aside, the <h2> is the
    title (a one-word line over a heading is otherwise read as a sidebar label and its value)."""
    path = tmp_path / "press.html"
    path.write_text("<html><head><title>Médiathèque</title></head><body><div class='header'><h2>Le Labo, un atelier de "
                    "fabrication numérique, ouvre à Saint-Brieuc</h2></div>\n" + PAGE_BODY + "</body></html>", encoding="utf-8")
    data = summary_of(path)
    assert data["title"] == "Le Labo, un atelier de fabrication numérique, ouvre à Saint-Brieuc"
    assert data["title_source"] == "heading"


def test_the_site_name_in_a_banner_h1_gives_way_to_the_article_h1_after_its_kicker(tmp_path):
    """A site that sets its name in an <h1> of its banner and the release's "Communiqué : …" headline
    in the <h1> of its <article>, a "Adressé à :" label and a list under it: the headline is the
    article's, without its kicker; neither the banner, the label nor a list item is the title."""
    path = tmp_path / "communique.html"
    path.write_text("<html><body><header><h1 class='site-title'>ENSEMBLE POUR LA VALLÉE DU LOT</h1></header>"
                    "<main><article><h1>Communiqué : La médiathèque ouvre un atelier de fabrication numérique</h1>"
                    "<h2>Adressé à :</h2><ul><li>Les habitants</li><li>Les médias</li></ul>\n"
                    + PAGE_BODY + "</article></main></body></html>", encoding="utf-8")
    data = summary_of(path)
    assert data["title"] == "La médiathèque ouvre un atelier de fabrication numérique"


def page_summary(tmp_path: Path, head: str, body: str) -> dict:
    """The JSON summary of an HTML page made of these <head> and <body> contents."""
    path = tmp_path / "page.html"
    path.write_text(f"<html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")
    return summary_of(path)


def test_a_dateline_that_names_only_a_place_leaves_the_page_date_as_the_release_date(tmp_path):
    """'BELLEVUE, Wash. —' dates nothing: the date the page states (article:published_time) is the release's."""
    body = ("British Columbia stopped changing its clocks in March, and Alberta stopped in May after a long debate. "
            "A new citizens' campaign would stop the clock changes in the state now, using authority federal law already gives. "
            "The group behind the campaign registered as a state nonprofit this month and starts collecting signatures.")
    data = page_summary(tmp_path, "<title>Washington keeps changing its clocks</title>"
                                  '<meta property="article:published_time" content="2026-08-14T00:00:00-07:00">',
                        "<article><h1>Washington Will Be the Last One Still Changing Its Clocks</h1>"
                        f"<p><strong>BELLEVUE, Wash.</strong> — {body}</p><p>{body}</p></article>")
    assert data["facts"]["dateline"]["iso"] is None
    assert data["facts"]["date"] == "2026-08-14"


def test_a_sites_section_label_in_the_h1_gives_way_to_the_pages_own_title(tmp_path):
    """A site that sets its section ("LES ACTUS") as every page's <h1> names the release in <title>,
    with the kind of document, its date and the site's name: the headline is the part that reads as one."""
    body = ("Le fonds a mis en place un programme d'aide d'urgence pour les familles réfugiées arrivées cette semaine. "
            "Les premières distributions de repas et de kits d'hygiène ont commencé lundi dans trois villes. "
            "Un appel aux dons est lancé pour financer l'hébergement des familles pendant l'hiver.")
    data = page_summary(tmp_path, "<title>Aide d'urgence aux familles réfugiées - Communiqué de presse du 27 septembre 2023 - Fonds du Val</title>"
                                  '<meta property="og:site_name" content="Fonds du Val">',
                        f'<h1 id="banner-title">LES ACTUS</h1><article><p>{body}</p><p>{body}</p></article>')
    assert data["title"] == "Aide d'urgence aux familles réfugiées"
