"""OpenDocument text (.odt, .fodt): fixtures written here with zipfile from XML strings."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from summarize import read_text, summarize_text
from summarize.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
REAL_ODT = ROOT.parent / "shared" / "real" / "207-toulibre-capitole-du-libre-2011.orig.odt"

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"')

TITLE = "La Région Occitanie ouvre trois lycées neufs à la rentrée 2025"
LEAD = ("La Région Occitanie a inauguré ce lundi trois lycées construits en deux ans à Montpellier, "
        "Toulouse et Nîmes, pour un investissement total de 180 millions d'euros.")
SECOND = ("Ces établissements accueilleront 4 500 élèves dès septembre et seront chauffés par géothermie, "
          "une première pour des bâtiments scolaires de cette taille dans la région.")
THIRD = ("La présidente de la Région a rappelé que la hausse du nombre de lycéens atteindra 20 000 élèves "
         "d'ici à 2030 et que quatre autres chantiers commenceront l'an prochain.")

BODY = (
    '<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Illustration"/></text:sequence-decls>'
    f'<text:p text:style-name="P1">{TITLE}</text:p>'
    '<text:p text:style-name="Text_20_body">Montpellier, le 1<text:span text:style-name="T1">er</text:span> septembre 2025'
    f'<text:s/>–<text:s text:c="3"/>{LEAD}</text:p>'
    '<text:h text:style-name="Heading_20_1" text:outline-level="1">Des bâtiments<text:line-break/>sobres en énergie</text:h>'
    '<text:p text:style-name="Text_20_body"><text:span text:style-name="T1">Ces</text:span><text:s/>établissements<text:tab/>accueilleront '
    '4 500 élèves dès septembre et seront chauffés par géothermie,<text:line-break/>une première pour des bâtiments scolaires de cette taille '
    'dans la région.<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
    '<text:note-body><text:p>Note de bas de page oubliée.</text:p></text:note-body></text:note>'
    '<office:annotation><dc:creator>Relecteur</dc:creator><text:p>Commentaire interne à retirer.</text:p></office:annotation></text:p>'
    '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>Phrase supprimée par le relecteur.</text:p>'
    '</text:deletion></text:changed-region></text:tracked-changes>'
    '<text:list text:style-name="L1">'
    '<text:list-item><text:p text:style-name="P2">Lycée Georges-Frêche à Montpellier</text:p></text:list-item>'
    '<text:list-item><text:p text:style-name="P2">Lycée Olympe-de-Gouges à Toulouse</text:p>'
    '<text:list><text:list-item><text:p text:style-name="P2">section internationale</text:p></text:list-item></text:list></text:list-item>'
    '</text:list>'
    '<table:table table:name="Effectifs">'
    '<table:table-row><table:table-cell><text:p>Ville</text:p></table:table-cell><table:table-cell><text:p>Élèves</text:p></table:table-cell></table:table-row>'
    '<table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Nîmes</text:p></table:table-cell><table:covered-table-cell/>'
    '</table:table-row>'
    '<table:table-row><table:table-cell><text:p>Toulouse</text:p></table:table-cell>'
    '<table:table-cell><text:p>1 600</text:p></table:table-cell></table:table-row>'
    '</table:table>'
    f'<text:p text:style-name="Text_20_body">{THIRD}</text:p>'
    '<text:h text:style-name="Heading_20_1" text:outline-level="1">Contact presse</text:h>'
    '<text:p text:style-name="Text_20_body"><text:tab/>Claire Dumas<text:line-break/><text:tab/>claire.dumas@laregion.fr<text:line-break/>'
    '<text:tab/>04 67 22 80 00</text:p>'
)


def content_xml(body: str = BODY, prolog: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<office:document-content {NS} office:version="1.2">'
            '<office:automatic-styles>'
            '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>'
            '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Text_20_body" style:list-style-name="L1"/>'
            '<style:style style:name="T1" style:family="text"/>'
            f'</office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>')


META = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {NS} office:version="1.2"><office:meta>'
        '<meta:creation-date>2025-08-28T09:12:40.123</meta:creation-date><dc:date>2025-09-01T08:00:00</dc:date>'
        '<dc:title>Trois lycées neufs en Occitanie</dc:title></office:meta></office:document-meta>')
STYLES = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS}><office:styles>'
          '<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"/>'
          '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading"/>'
          '</office:styles></office:document-styles>')


def write_odt(path: Path, content: str | None = None, meta: str | None = META, mimetype: str = "application/vnd.oasis.opendocument.text") -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype)  # stored first and uncompressed, as LibreOffice does
        archive.writestr("content.xml", content if content is not None else content_xml())
        archive.writestr("styles.xml", STYLES)
        if meta is not None:
            archive.writestr("meta.xml", meta)
        archive.writestr("META-INF/manifest.xml", f'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                         f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/></manifest:manifest>')
    return path


def lines_of(raw) -> list[str]:
    return [line for line in raw.text.split("\n") if line]


def test_odt_title_headings_paragraphs_lists_tables(tmp_path):
    raw = read_text(str(write_odt(tmp_path / "communique.odt")))
    lines = lines_of(raw)
    assert raw.headline == TITLE
    assert lines[0] == f"# {TITLE}"
    assert lines[1] == f"Montpellier, le 1er septembre 2025 – {LEAD}"  # text:s and spans: one space each, never glued
    assert "## Des bâtiments – sobres en énergie" in lines
    assert SECOND in lines  # a tab and a line break inside a sentence are spaces
    assert lines[lines.index("- Lycée Georges-Frêche à Montpellier") + 1:][:2] == ["- Lycée Olympe-de-Gouges à Toulouse", "- section internationale"]
    assert "Ville – Élèves" in lines and "Nîmes" in lines and "Toulouse – 1 600" in lines
    assert THIRD in lines
    assert lines[-3:] == ["Claire Dumas", "claire.dumas@laregion.fr", "04 67 22 80 00"]  # an address keeps its lines
    for hidden in ("Note de bas de page", "Commentaire interne", "Relecteur", "Phrase supprimée"):
        assert hidden not in raw.text


def test_odt_metadata_from_meta_xml(tmp_path):
    raw = read_text(str(write_odt(tmp_path / "communique.odt")))
    assert raw.metadata == {"format": "odt", "title": "Trois lycées neufs en Occitanie", "date": "2025-08-28"}
    raw = read_text(str(write_odt(tmp_path / "sans-meta.odt", meta=None)))
    assert raw.metadata == {"format": "odt"}


def test_odt_summary_reads_like_a_release(tmp_path):
    raw = read_text(str(write_odt(tmp_path / "communique.odt")))
    result = summarize_text(raw.text, sentences=2, title=raw.headline)
    assert result.title == TITLE
    assert result.summary[0] == LEAD
    assert not any("Claire Dumas" in s or "Ville" in s for s in result.summary)


def test_odt_is_told_from_docx_by_content_not_extension(tmp_path):
    raw = read_text(str(write_odt(tmp_path / "communique.docx")))  # misnamed: still read as OpenDocument
    assert raw.metadata["format"] == "odt" and raw.headline == TITLE
    path = write_odt(tmp_path / "piece-jointe.bin")
    assert read_text(str(path)).metadata["format"] == "odt"


def test_docx_named_odt_is_still_read_as_word(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph(LEAD)
    path = tmp_path / "communique.odt"
    document.save(str(path))
    raw = read_text(str(path))
    assert raw.metadata["format"] == "docx" and raw.headline == TITLE


def test_a_heading_that_opens_the_document_is_its_title(tmp_path):
    body = (f'<text:h text:outline-level="1">{TITLE}</text:h><text:p>{LEAD}</text:p>'
            f'<text:h text:outline-level="2">Le calendrier</text:h><text:p>{SECOND}</text:p>')
    raw = read_text(str(write_odt(tmp_path / "c.odt", content_xml(body))))
    assert raw.headline == TITLE
    assert lines_of(raw) == [f"# {TITLE}", LEAD, "## Le calendrier", SECOND]
    body = f'<text:h text:outline-level="2">Le calendrier</text:h><text:p>{LEAD}</text:p><text:h text:outline-level="1">Les chantiers</text:h>'
    raw = read_text(str(write_odt(tmp_path / "d.odt", content_xml(body))))
    assert raw.headline is None and lines_of(raw)[0] == "## Le calendrier"  # a sub-heading above a section is not the title


def test_other_opendocument_kinds_and_other_zips_get_a_clear_message(tmp_path):
    sheet = write_odt(tmp_path / "budget.odt", mimetype="application/vnd.oasis.opendocument.spreadsheet")
    with pytest.raises(InputError, match=r"spreadsheet \(\.ods\), not a text document"):
        read_text(str(sheet))
    other = tmp_path / "archive.odt"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("notes.txt", "bonjour")
    with pytest.raises(InputError, match=r"not a Word \(\.docx\) or OpenDocument text \(\.odt\) document"):
        read_text(str(other))


def test_odt_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.odt"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        with archive.open("content.xml", "w") as entry:
            chunk = b" " * 2**20
            for _ in range(120):
                entry.write(chunk)
    assert path.stat().st_size < 2**20
    with pytest.raises(InputError, match="zip bomb"):
        read_text(str(path))


@pytest.mark.parametrize("prolog, reference", [
    ('<!DOCTYPE office:document-content [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>', "&b;"),  # billion laughs
    ('<!DOCTYPE office:document-content [<!ENTITY secret SYSTEM "file:///etc/hostname">]>', "&secret;"),  # external entity
    ('<!DOCTYPE office:document-content>', ""),
])
def test_odt_entities_are_never_resolved(tmp_path, prolog, reference):
    body = f"<text:p>{TITLE}</text:p><text:p>{LEAD} {reference}</text:p>"
    path = write_odt(tmp_path / "entites.odt", content_xml(body, prolog))
    with pytest.raises(InputError, match="declares a DTD or entities"):
        read_text(str(path))
    path = write_odt(tmp_path / "entites-meta.odt", meta=META.replace("?>", "?>" + prolog.replace("office:document-content", "office:document-meta"), 1))
    with pytest.raises(InputError, match="declares a DTD or entities"):
        read_text(str(path))


def test_damaged_odt_gets_a_message_not_a_traceback(tmp_path):
    path = write_odt(tmp_path / "casse.odt", content_xml().replace("</office:text>", "", 1))
    with pytest.raises(InputError, match="damaged OpenDocument"):
        read_text(str(path))
    truncated = tmp_path / "tronque.odt"
    truncated.write_bytes(write_odt(tmp_path / "entier.odt").read_bytes()[:300])
    with pytest.raises(InputError):
        read_text(str(truncated))


def test_flat_fodt_reads_like_the_odt(tmp_path):
    flat = (f'<?xml version="1.0" encoding="UTF-8"?><office:document {NS} office:version="1.2" '
            'office:mimetype="application/vnd.oasis.opendocument.text">'
            '<office:meta><dc:title>Trois lycées neufs en Occitanie</dc:title><meta:creation-date>2025-08-28T09:12:40</meta:creation-date></office:meta>'
            + STYLES.split("<office:document-styles", 1)[1].split(">", 1)[1].replace("</office:document-styles>", "")
            + content_xml().split("<office:document-content", 1)[1].split(">", 1)[1].replace("</office:document-content>", "")
            + "</office:document>")
    for name in ("communique.fodt", "communique.xml"):
        path = tmp_path / name
        path.write_text(flat, encoding="utf-8")
        raw = read_text(str(path))
        assert raw.headline == TITLE and f"Montpellier, le 1er septembre 2025 – {LEAD}" in raw.text
        assert raw.metadata == {"format": "odt", "title": "Trois lycées neufs en Occitanie", "date": "2025-08-28"}
    path.write_text(flat.replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]>'), encoding="utf-8")
    with pytest.raises(InputError, match="DTD or entities"):
        read_text(str(path))


def test_odt_files_are_found_in_a_folder(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    write_odt(folder / "communique.odt")
    proc = subprocess.run([sys.executable, "-m", "summarize", str(folder), "-f", "jsonl"], capture_output=True, text=True, check=False, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    (record,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert record["title"] == TITLE and record["metadata"]["format"] == "odt"


@pytest.mark.skipif(not REAL_ODT.exists(), reason="../shared/real is not here")
def test_real_libreoffice_release():
    raw = read_text(str(REAL_ODT))
    assert raw.headline == "Capitole du Libre 2011"
    assert raw.metadata == {"format": "odt", "date": "2011-09-19"}
    result = summarize_text(raw.text, sentences=2, title=raw.headline)
    assert result.title == "Capitole du Libre 2011"
    assert result.summary[0].startswith("Les associations Toulibre et Ubuntu-fr organisent le samedi 26 et dimanche 27 novembre 2011")
    assert "thomas.petazzoni@enix.org" in raw.text.split("\n")  # the contact block keeps its lines
