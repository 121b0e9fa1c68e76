"""The PDF reader on PDFium: words, columns, headline and folding rebuilt from character boxes, and
its refusals (encrypted, broken, scanned) and limits (pages, handles, cold start)."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from summarize import summarize_text
from summarize.errors import InputError
from summarize.read.readers import pdf as pdf_reader
from summarize.read.readers.pdf import read_pdf

HEADLINE = "La métropole ouvre une nouvelle ligne de bus express vers l’aéroport"
LEFT = ("La métropole ouvrira le 2 septembre une ligne de bus express entre la gare centrale et l’aéroport, "
        "avec un départ toutes les dix minutes aux heures de pointe et un trajet de vingt-cinq minutes.")
RIGHT = ("Les billets seront vendus au tarif unique de trois euros, valable une heure sur tout le réseau, "
         "et les abonnés mensuels voyageront sans supplément sur cette nouvelle ligne.")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEJAVU_BOLD = DEJAVU.with_name("DejaVuSans-Bold.ttf")


def _pdf():
    from fpdf import FPDF

    document = FPDF(format="A4")
    document.core_fonts_encoding = "windows-1252"
    document.add_page()
    return document


def _write(document, *rows) -> None:
    """Lines of a page, each (style, size, text[, "multi" | "centred"]): a cell a line, or a wrapped paragraph."""
    for style, size, text, *how in rows:
        document.set_font("helvetica", style=style, size=size)
        if how == ["multi"]:
            document.multi_cell(170, size / 2, text, new_x="LMARGIN", new_y="NEXT")
        else:
            document.cell(0, size * 0.6, text, align="C" if how == ["centred"] else "L", new_x="LMARGIN", new_y="NEXT")


def test_words_placed_one_by_one_without_space_characters_are_not_glued():
    document = _pdf()
    document.set_font("helvetica", size=11)
    x, y = 20.0, 40.0
    for word in LEFT.split():
        width = document.get_string_width(word)
        if x + width > 190:
            x, y = 20.0, y + 6
        document.text(x, y, word)  # no space character anywhere: only the gaps tell the words apart
        x += width + 1.2
    text = read_pdf(bytes(document.output()), "mots.pdf").text
    assert " ".join(LEFT.split()) in " ".join(text.split())


def test_two_columns_with_a_narrow_gutter_are_read_one_after_the_other():
    document = _pdf()
    document.set_font("helvetica", style="B", size=18)
    document.multi_cell(170, 8, HEADLINE, new_x="LMARGIN", new_y="NEXT")
    document.ln(4)
    document.set_font("helvetica", size=10)
    top = document.get_y()
    width = (document.w - 2 * document.l_margin - 4) / 2  # a 4 mm gutter: about 1.1 em at 10 pt
    for column, paragraph in enumerate((LEFT, RIGHT)):
        document.set_xy(document.l_margin + column * (width + 4), top)
        document.multi_cell(width, 5, paragraph, align="J", new_x="LEFT", new_y="NEXT")
    raw = read_pdf(bytes(document.output()), "colonnes.pdf")
    assert raw.headline == HEADLINE
    lines = raw.text.split("\n")
    assert lines[0] == f"# {HEADLINE}"
    assert LEFT in lines and RIGHT in lines, raw.text
    assert lines.index(LEFT) < lines.index(RIGHT)


def test_a_number_inside_a_justified_line_is_not_taken_for_a_page_number():
    lines = [pdf_reader.Line(0.0, 0.0, 10.0, False, "la ligne ouvrira le", 0, 100.0, 7),
             pdf_reader.Line(130.0, 0.0, 10.0, False, "2", 0, 136.0, 7),
             pdf_reader.Line(0.0, -12.0, 10.0, False, "3", 0, 6.0, 8)]
    per_row = Counter(line.row for line in lines)
    assert not pdf_reader._page_number(lines[1], per_row)
    assert pdf_reader._page_number(lines[2], per_row)


@pytest.mark.skipif(not DEJAVU.is_file(), reason="needs a Unicode TrueType font")
def test_zero_width_spaces_soft_hyphens_and_ligatures_are_folded():
    document = _pdf()
    document.add_font("dejavu", fname=str(DEJAVU))
    document.set_font("dejavu", size=11)
    sentence = "L’o\ufb03ce a \ufb01nancé les tra\u00advaux de la gare\u200b centrale et des quais du réseau urbain."
    document.multi_cell(0, 6, sentence, new_x="LMARGIN", new_y="NEXT")
    document.multi_cell(0, 6, "Le chantier sera terminé à la fin de l’année prochaine, selon le calendrier prévu par la ville.")
    text = read_pdf(bytes(document.output()), "ligatures.pdf").text
    assert "L’office a financé les travaux de la gare centrale" in text, text
    assert not any(ch in text for ch in "\u200b\u00ad\ufb01\ufb03")


def test_encrypted_pdf_is_refused_clearly():
    document = _pdf()
    document.set_font("helvetica", size=11)
    document.cell(0, 10, LEFT[:80])
    document.set_encryption(owner_password="owner", user_password="secret")
    with pytest.raises(InputError, match="password-protected"):
        read_pdf(bytes(document.output()), "secret.pdf")


@pytest.mark.parametrize("data", [b"%PDF-1.7\n" + b"\x00garbage" * 100, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", b"%PDF-"],
                         ids=["garbage", "no-pages", "header-only"])
def test_broken_pdf_is_refused_clearly(data):
    with pytest.raises(InputError, match="PDF"):
        read_pdf(data, "casse.pdf")


def test_pages_after_the_limit_are_left_with_a_warning(monkeypatch):
    document = _pdf()
    document.set_font("helvetica", size=11)
    for page in range(3):
        if page:
            document.add_page()
        document.multi_cell(0, 6, f"Page {page + 1}. {LEFT}")
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 2)
    raw = read_pdf(bytes(document.output()), "long.pdf")
    assert raw.metadata["pages"] == "3"
    assert raw.warnings == ["only the first 2 of 3 pages were read"]


def test_pdfium_handles_are_closed(monkeypatch):
    import pypdfium2 as pdfium

    opened, closed = [], []
    original_init, original_close = pdfium.PdfDocument.__init__, pdfium.PdfDocument.close

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        opened.append(self)

    def close(self, *args, **kwargs):
        closed.append(self)
        return original_close(self, *args, **kwargs)

    monkeypatch.setattr(pdfium.PdfDocument, "__init__", init)
    monkeypatch.setattr(pdfium.PdfDocument, "close", close)
    document = _pdf()
    document.set_font("helvetica", size=11)
    document.multi_cell(0, 6, LEFT)
    read_pdf(bytes(document.output()), "a.pdf")
    with pytest.raises(InputError):
        read_pdf(bytes(document.output())[:400], "b.pdf")
    assert opened and all(doc in closed for doc in opened)


def test_plain_text_does_not_import_pypdfium2(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(LEFT + "\n", encoding="utf-8")
    code = ("import sys; from summarize import read_text; read_text(sys.argv[1]); "
            "assert 'pypdfium2' not in sys.modules and 'pypdf' not in sys.modules")
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)


def test_unmapped_ligature_glyphs_are_mended_into_words():
    """Fonts whose ToUnicode map gives a ligature glyph a control code ("di\\x1fusion"): the mark
    becomes the ligature that makes a French word, never a space that splits the word."""
    from summarize.read.readers.pdf import _UNMAPPED, _UNMAPPED_CODES, mend_unmapped

    assert "\x1f" in _UNMAPPED_CODES and "\x1f".isspace()  # why the code is read before the space test
    cases = {"di#usion": "diffusion", "e#cace": "efficace", "con#ance": "confiance", "re#et": "reflet",
             "«e#cacité»,": "«efficacité»,", "#abc": "abc"}
    for marked, word in cases.items():
        assert mend_unmapped(marked.replace("#", _UNMAPPED)) == word


def test_a_centred_bold_sub_heading_wrapped_on_two_lines_is_one_line_of_text():
    """A sub-headline set in bold and centred, wrapped mid-phrase ("… le projet de parking" / "impliquant
    la destruction …"), is one piece: never a heading line followed by a fragment of a sentence."""
    document = _pdf()
    document.set_font("helvetica", style="B", size=18)
    document.multi_cell(170, 8, HEADLINE, align="C", new_x="LMARGIN", new_y="NEXT")
    document.ln(4)
    document.set_font("helvetica", style="B", size=12)
    document.multi_cell(150, 6, "Les associations d'usagers en lutte contre la suppression des arrêts de quartier "
                        "impliquant la fermeture de trois lignes de nuit.", align="C", new_x="LMARGIN", new_y="NEXT")
    document.ln(4)
    document.set_font("helvetica", size=10)
    document.multi_cell(170, 5, LEFT, new_x="LMARGIN", new_y="NEXT")
    lines = read_pdf(bytes(document.output()), "centre.pdf").text.split("\n")
    assert any(line.startswith("Les associations d'usagers") and line.endswith("trois lignes de nuit.") for line in lines), lines


def test_a_sentence_set_on_spaced_out_centred_lines_is_one_paragraph_and_a_crossing_band_is_read():
    """A cover page centres its lead sentence on lines set far apart ("… organise du" / "3 au 5 juin
    2025" / "une fête …"), and a list of names on full centred lines: each is one sentence, never a
    bullet cut at a line end. A column band with nothing on one side is read without error."""
    document = _pdf()
    document.set_font("helvetica", size=11)
    lines = ["L'Office de tourisme du pays de Vannes organise du", "3 au 5 juin 2025",
             "une fête de la mer avec les associations du port :"]
    for line in lines:
        document.cell(0, 6, line, align="C", new_x="LMARGIN", new_y="NEXT")
        document.ln(8)
    names = ("Anne Le Goff, Pierre Madec, Yann Kervella, Soazig Le Bihan, Erwan Tanguy, Gwenola Riou, Morgane Le Roux, "
             "Ronan Guillou, Maëlle Jaffré, Tristan Cadiou, Nolwenn Prigent et Loïc Hamon.")
    document.multi_cell(150, 6, names, align="C", new_x="LMARGIN", new_y="NEXT")
    document.ln(6)
    document.multi_cell(0, 6, LEFT, new_x="LMARGIN", new_y="NEXT")
    text = read_pdf(bytes(document.output()), "fete.pdf").text
    assert " ".join(lines) in text, text
    assert names in text, text

    out: list = []
    pdf_reader._order([], out, [0], depth=1)  # a band's side with no line on it (two set-9 PDFs failed here)
    assert out == []


@pytest.mark.skipif(not DEJAVU_BOLD.is_file(), reason="needs a bold TrueType font")
def test_a_headline_in_bold_capitals_centred_on_two_spaced_lines_is_one_title():
    """A letterhead-less release sets its headline in body-size bold capitals, centred on two lines
    farther apart than the body's lines, under a kicker set farther still: one headline, no kicker."""
    document = _pdf()
    document.add_font("dejavu", "B", fname=str(DEJAVU_BOLD))
    document.set_font("dejavu", "B", 11)
    document.cell(0, 6, "COMMUNIQUE DE PRESSE", align="C", new_x="LMARGIN", new_y="NEXT")
    document.ln(18)
    document.cell(0, 6, "LA LIGUE DE VOILE OBTIENT UNE SUBVENTION DE LA REGION", align="C", new_x="LMARGIN", new_y="NEXT")
    document.ln(2)
    document.cell(0, 6, "POUR SON ECOLE DE NAVIGATION", align="C", new_x="LMARGIN", new_y="NEXT")
    document.ln(6)
    document.set_font("helvetica", size=11)
    document.multi_cell(0, 5, LEFT + " " + RIGHT, new_x="LMARGIN", new_y="NEXT")
    text = read_pdf(bytes(document.output()), "voile.pdf").text
    assert "LA LIGUE DE VOILE OBTIENT UNE SUBVENTION DE LA REGION POUR SON ECOLE DE NAVIGATION" in text, text
    assert "PRESSE LA LIGUE" not in text, text


def _cover_headline(lines: list[str], name: str) -> str | None:
    """The headline read from a page with `lines` in 14 pt above a 10 pt body."""
    document = _pdf()
    document.set_font("helvetica", size=14)
    for line in lines:
        document.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    document.ln(8)
    document.set_font("helvetica", size=10)
    document.multi_cell(0, 5, LEFT + " " + RIGHT, new_x="LMARGIN", new_y="NEXT")
    return read_pdf(bytes(document.output()), name).headline


def test_the_dates_and_venue_set_in_the_headlines_size_are_not_the_headline():
    """A gallery's cover sets the show's title, then its dates, venue and contact, all in one size:
    the headline is the title; a headline whose phrase runs on to a number keeps it."""
    assert _cover_headline(["marine leclerc / lignes de partage", "3 mars > 28 avril 2024 / Vernissage le 2 mars (de 18h à 21h)",
                            "Galerie du Quai / 12 quai des Chartrons / 33000 Bordeaux",
                            "Visites sur rendez-vous : contact@galeriequai.fr"], "galerie.pdf") == "marine leclerc / lignes de partage"
    assert (_cover_headline(["Le chiffre d'affaires de la coopérative progresse de", "12 % au premier semestre 2024"], "semestre.pdf")
            == "Le chiffre d'affaires de la coopérative progresse de 12 % au premier semestre 2024")


def test_a_logo_set_large_under_the_text_is_not_the_headline():
    """A venue prints its name in huge type at the foot of the cover, under the release: the headline
    is the title set above the text, and without one there is no headline, never the logo."""
    def cover(title: str | None) -> str | None:
        document = _pdf()
        if title:
            document.set_font("helvetica", size=18)
            document.cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
        document.set_font("helvetica", size=11)
        document.multi_cell(0, 5, LEFT + " " + RIGHT + " " + LEFT, new_x="LMARGIN", new_y="NEXT")
        document.set_xy(20, 250)
        document.set_font("helvetica", size=48)
        document.cell(0, 20, "La Halle 9")
        return read_pdf(bytes(document.output()), "logo.pdf").headline

    assert cover("Une ligne express vers l'aéroport dès septembre") == "Une ligne express vers l'aéroport dès septembre"
    assert cover(None) is None


def test_a_headline_repeated_as_every_pages_running_header_is_still_the_title():
    """A word processor's page header that holds the kicker and the headline, on every page: the
    running lines go from the other pages, not from the first, where they are the release's head."""
    from fpdf import FPDF

    class WithHeader(FPDF):
        def header(self) -> None:
            self.set_font("helvetica", size=10)
            self.cell(0, 6, "Communiqué de presse - 12/05/2024", align="C", new_x="LMARGIN", new_y="NEXT")
            self.set_font("helvetica", style="B", size=16)
            self.cell(0, 12, "Oui à une ligne de bus express vers l’aéroport !", align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(6)

    document = WithHeader(format="A4")
    document.core_fonts_encoding = "windows-1252"
    document.set_font("helvetica", size=11)
    for _ in range(2):
        document.add_page()
        document.set_font("helvetica", size=11)
        for paragraph in (LEFT, RIGHT) * 4:
            document.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            document.ln(3)
    result = summarize_text(read_pdf(bytes(document.output()), "bus.pdf").text)
    assert result.title == "Oui à une ligne de bus express vers l’aéroport !"
    assert result.title_source == "heading"
    assert not any("Communiqué" in bullet for bullet in result.summary)


def test_a_dateline_line_under_a_bold_heading_is_neither_the_headline_nor_glued_to_it():
    """"Événement – Lancement officiel de …" in bold over "Strasbourg – 20 mai 2014": the place and date
    is the dateline (a line of its own), and the label before the dash is a kicker."""
    document = _pdf()
    document.set_font("helvetica", style="B", size=11)
    document.cell(0, 6, "Événement – Lancement officiel de la candidature Numérique Rhin", new_x="LMARGIN", new_y="NEXT")
    document.cell(0, 6, "Strasbourg – 20 mai 2014", new_x="LMARGIN", new_y="NEXT")
    document.ln(4)
    document.set_font("helvetica", size=11)
    for paragraph in (LEFT, RIGHT):
        document.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        document.ln(3)
    result = summarize_text(read_pdf(bytes(document.output()), "candidature.pdf").text)
    assert result.title == "Lancement officiel de la candidature Numérique Rhin", result.title
    assert result.facts.get("date") == "2014-05-20"


def test_the_kind_of_document_set_largest_gives_way_to_the_headline_under_it():
    """"Communiqué de presse" in 18 pt over the headline in 16 pt (a prefecture's template): the kicker is
    the largest text on the page, the headline the largest after it; a letter-style dateline ending on a
    comma ("Saint-Malo, le 12 mars 2020,") is a dateline, not the first sentence."""
    document = _pdf()
    _write(document, ("B", 18, "Communiqué de presse"), ("", 11, "Saint-Malo, le 12 mars 2020,"),
           ("B", 16, HEADLINE, "multi"), ("", 11, f"{LEFT} {RIGHT}", "multi"))
    raw = read_pdf(bytes(document.output()), "cp.pdf")
    assert raw.headline == HEADLINE
    result = summarize_text(raw.text, title=raw.headline)
    assert result.title == HEADLINE and result.summary[0].startswith("La métropole ouvrira"), (result.title, result.summary)
    assert result.facts.get("date") == "2020-03-12"


def test_a_justified_column_beside_a_column_of_centred_lines_is_read_whole_before_it():
    """A bulletin's middle column justified, its right-hand column of short centred lines: the lines of the
    two columns share rows but no start, so the gutter is found where the justified lines end."""
    document = _pdf()
    document.set_font("helvetica", style="B", size=18)
    document.multi_cell(170, 8, HEADLINE, new_x="LMARGIN", new_y="NEXT")
    document.ln(4)
    top = document.get_y()
    document.set_font("helvetica", size=10)
    document.set_xy(20, top)
    document.multi_cell(95, 5, LEFT + " " + RIGHT, align="J", new_x="LEFT", new_y="NEXT")
    side = ["Gare centrale", "Quai numéro 4", "Départ toutes les dix minutes", "Aéroport, terminal 2",
            "Arrivée en vingt-cinq minutes", "Tarif unique trois euros"]
    document.set_xy(122, top)
    for line in side:
        document.set_x(122)
        document.cell(68, 5, line, align="C", new_x="LEFT", new_y="NEXT")
    text = read_pdf(bytes(document.output()), "bulletin.pdf").text
    joined = " ".join(text.split())
    assert LEFT + " " + RIGHT in joined, text
    for line in side:
        assert line in text.split("\n") or line in joined, text
    assert joined.index(RIGHT) < joined.index("Gare centrale")


def test_a_raised_ordinal_ending_goes_back_on_its_number():
    """'1er', '6ème' with the ending set smaller and raised (a text object of its own for PDFium): the line
    reads '1er niveau', not '1 niveau' with 'er' on a line of its own."""
    document = _pdf()
    document.set_font("helvetica", size=11)
    y = 40.0
    before, after = "Les hôpitaux de 1", " niveau accueillent désormais les patients du département."
    document.text(20, y, before)
    x = 20 + document.get_string_width(before)
    document.set_font("helvetica", size=7)
    ending = document.get_string_width("er")
    document.set_font("helvetica", size=11)
    document.text(x + 0.2 + ending, y, after)
    document.text(20, y + 6, "Les hôpitaux de second niveau restent en réserve pour les cas les plus graves.")
    document.set_font("helvetica", size=7)
    document.text(x + 0.2, y - 1.6, "er")  # drawn last, as a word processor adds a raised ending: out of the line's order
    text = read_pdf(bytes(document.output()), "ordinal.pdf").text
    assert "Les hôpitaux de 1er niveau accueillent" in text, text
    assert "\ner\n" not in f"\n{text}\n"


def test_a_bold_headline_that_ends_on_an_exclamation_in_the_body_s_size_is_the_title_not_its_sender():
    """All in the body's size: the kicker, the sender's name in bold capitals, then the headline in bold, a
    quoted question and its answer ending on "!": the headline is the title, the sender's name is letterhead,
    and the lead is a bullet."""
    document = _pdf()
    lead = ("Le collectif a remis lundi au maire une pétition de 1 200 signatures qui demande l'ouverture de la "
            "médiathèque municipale le dimanche après-midi.")
    _write(document, ("B", 10, "COMMUNIQUÉ"), ("", 10, "Pour diffusion immédiate"),
           ("B", 10, "COLLECTIF POUR UNE MÉDIATHÈQUE OUVERTE LE DIMANCHE (CMOD)", "centred"),
           ("B", 10, "« Qui lit le dimanche ? » Plus de mille habitants de la commune ont déjà répondu !", "centred"),
           ("", 10, lead + " La médiathèque est aujourd'hui fermée du samedi soir au mardi matin. Le maire a promis une "
            "réponse avant l'été, après une étude du coût des heures d'ouverture.", "multi"))
    raw = read_pdf(bytes(document.output()), "cmod.pdf")
    result = summarize_text(raw.text, title=raw.headline)
    assert result.title == "« Qui lit le dimanche ? » Plus de mille habitants de la commune ont déjà répondu !"
    assert result.summary[0] == lead, result.summary
