"""Metadata headers of Markdown and plain-text releases: YAML, TOML (Hugo), "key=value" + "~~~~~~" (JBake), Pelican/MultiMarkdown."""

from __future__ import annotations

import sys

import pytest

from summarize import read_text, summarize_text

from .conftest import summarize_file

TITLE = "La métropole de Lyon lance son plan vélo 2025"
LEAD = "La métropole de Lyon investit 200 millions d'euros pour doubler son réseau de pistes cyclables d'ici à 2030."
BODY = [
    "Le plan prévoit 250 kilomètres de voies nouvelles, dont la moitié seront séparées de la circulation automobile.",
    "Les travaux commenceront au printemps dans les communes de Villeurbanne, Vénissieux et Bron, où les trajets "
    "domicile-travail à vélo ont augmenté de 40 % en trois ans.",
    "Un comité d'usagers sera consulté chaque trimestre sur l'avancement des chantiers et les priorités de l'année suivante.",
]
TEXT = "\n\n".join(BODY) + "\n"
HIDDEN = ("published", "mobilité", "bandeau-velo.jpg", "Service presse", "post")

TOML = f'+++\ntitle = "{TITLE}"\ndate = 2025-03-12T09:30:00+01:00\ndescription = "{LEAD}"\ntags = ["mobilité", "vélo"]\ndraft = false\n' \
       'image = "bandeau-velo.jpg"\n+++\n\n'
JBAKE = f"title={TITLE}\ndate=2025-03-12\ntype=post\ntags=mobilité, vélo\nstatus=published\nsummary={LEAD}\n~~~~~~\n\n"
PELICAN = f"Title: {TITLE}\nDate: 2025-03-12 09:30\nCategory: mobilité\nAuthors: Service presse\nImage: bandeau-velo.jpg\nSummary: {LEAD}\n\n"
MULTIMARKDOWN = (f"Title: {TITLE}\nAuthor: Service presse\nDate: 2025-03-12\nKeywords: mobilité, vélo\n"
                 f"Description: {LEAD[:50]}\n    {LEAD[50:].strip()}\n\n")
YAML = f"---\ntitle: {TITLE}\ndate: 2025-03-12\nchapeau: \"{LEAD}\"\ntags: [mobilité]\nimage: bandeau-velo.jpg\n---\n\n"
HEADERS = {"toml": TOML, "jbake": JBAKE, "pelican": PELICAN, "multimarkdown": MULTIMARKDOWN, "yaml": YAML}


def read(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_text(str(path))


@pytest.mark.parametrize("suffix", [".md", ".txt"])
@pytest.mark.parametrize("kind", sorted(HEADERS))
def test_header_gives_headline_lead_and_nothing_else(tmp_path, kind, suffix):
    raw = read(tmp_path, f"communique{suffix}", HEADERS[kind] + TEXT)
    assert raw.headline == TITLE
    assert raw.metadata["title"] == TITLE and raw.metadata["date"] == "2025-03-12"
    for hidden in HIDDEN:
        assert hidden not in raw.text, (kind, hidden)
    assert "=" not in raw.text and "+++" not in raw.text and "~~~" not in raw.text
    result = summarize_text(raw.text, sentences=3, title=raw.headline)
    assert result.title == TITLE
    assert result.summary[0] == LEAD  # the lead is the release's first paragraph
    assert BODY[0] in result.summary


def test_jbake_header_no_longer_empties_a_markdown_summary(tmp_path):
    """"~~~~~~" opens a code fence in Markdown: the header's closing rule swallowed the whole release."""
    raw = read(tmp_path, "communique.md", JBAKE.replace(f"summary={LEAD}\n", "") + TEXT)
    result = summarize_text(raw.text, sentences=2, title=raw.headline)
    assert result.title == TITLE and result.summary == BODY[:2]


def test_broken_toml_and_python_3_10_read_the_key_value_lines(tmp_path, monkeypatch):
    broken = TOML.replace("draft = false", "draft = = ?")
    raw = read(tmp_path, "casse.md", broken + TEXT)
    assert raw.headline == TITLE and raw.text.split("\n\n")[1] == LEAD and "draft" not in raw.text
    monkeypatch.setitem(sys.modules, "tomllib", None)  # "import tomllib" fails as on Python 3.10
    raw = read(tmp_path, "py310.md", TOML + TEXT)
    assert raw.headline == TITLE and raw.metadata["date"] == "2025-03-12" and "bandeau" not in raw.text


def test_plain_text_lines_that_only_look_like_a_header_stay_text(tmp_path):
    """In a .txt, "Objet : …" or "Lieu: …" lines are the release's own words unless a title or a closing rule marks a header."""
    page = "Objet: inauguration du plan vélo\nDate: 12 mars 2025\n\n" + TEXT
    raw = read(tmp_path, "courrier.txt", page)
    assert raw.headline is None and raw.text.startswith("Objet: inauguration du plan vélo")
    page = "Prix=12 euros le ticket\n\n" + TEXT
    assert read(tmp_path, "prix.txt", page).text.startswith("Prix=12 euros")
    assert read(tmp_path, "formule.txt", "x = 3 dans l'équation.\n" + TEXT).text.startswith("x = 3")


def test_a_cms_field_file_gives_its_title_date_lead_and_body_only(tmp_path):
    """Lektor's contents.lr: "key: value" fields separated by "---" lines, values over several lines,
    the release in a Markdown "body" field; a kicker before a repeat of the headline is no sentence,
    and a note's mark glued to a word ("travaux[1]") is no part of it."""
    cut = LEAD.index(" ", 50)
    wrapped_lead = f"_**Communiqué de presse :**_ {TITLE}\n{LEAD[:cut]}\n{LEAD[cut:].strip()}"
    page = (f"title: {TITLE}\n---\ntype: post\n---\ntags:\n\nmobilité\nvélo\n---\npub_date: 2025-03-12\n---\n"
            f"img: /bandeau-velo.jpg\n---\ndescription: {wrapped_lead}\n---\n"
            f"body: {BODY[0]}\n\n{BODY[1].replace('où', 'où[1]', 1)}\n\n{BODY[2]}\n")
    for suffix in (".lr", ".txt"):
        raw = read(tmp_path, f"contents{suffix}", page)
        assert raw.headline == TITLE and raw.metadata["date"] == "2025-03-12"
        for hidden in ("post", "pub_date", "bandeau-velo.jpg", "**", "---", "[1]"):
            assert hidden not in raw.text, (suffix, hidden)
        result = summarize_text(raw.text, sentences=3, title=raw.headline)
        assert result.title == TITLE
        assert result.summary[0] == LEAD and not any(TITLE in s for s in result.summary)
    assert read(tmp_path, "notes.txt", "Objet: réunion\n---\nLe comité se réunit.\n---\nFin.\n").headline is None


def test_a_converted_pages_notes_attributes_stray_marks_and_plain_lists_never_reach_a_bullet(tmp_path):
    """Markdown converted from a web page or a Word file (pandoc): a note's mark as a link to the page's
    anchor with its attributes ("[\\[1\\]](#_ftn1){#_ftnref1}"), the note itself at the foot, emphasis
    whose closing mark follows a space, "--" and "o" list items, a hard line break "\\"; and a title with
    the site's name that the page's address spells and a hashtag tag before it."""
    text = ("---\ntitle: \"#LOGEMENT – Le Sénat adopte la loi, une loi « anti pauvres » : – Réseau Habitat Solidaire\"\n"
            "url: https://www.reseauhabitatsolidaire.org/2018/07/loi-senat/\n---\n"
            "*La loi supprime la trêve hivernale pour les occupants sans titre *\n\n"
            "Le Sénat a adopté aujourd'hui[\\[1\\]](#_ftn1){#_ftnref1}, jeudi 26 juillet, la loi sur le logement. "
            "Elle a été élaborée en toute opacité[\\[2\\]](#_ftn2){#_ftnref2} par le gouvernement.\n\n"
            "Les mesures adoptées par le Sénat :\n\n"
            "-- Article 58 : Pénalisation des occupants sans titre, passibles d'un an de prison\\\n"
            "-- Article 46 : Entorses à la loi sur les logements sociaux :\\\n"
            "o Les villes pourront mutualiser leurs logements sociaux dans l'intercommunalité\n\n"
            "[\\[1\\]](#_ftnref1){#_ftn1}Les votes étaient les suivants : gauche contre, centre pour.\n")
    raw = read(tmp_path, "loi.md", text)
    assert raw.headline == "Le Sénat adopte la loi, une loi « anti pauvres »"
    body = raw.text
    assert "[1]" not in body and "{#" not in body and "*" not in body and "\\" not in body
    assert "Les votes étaient" not in body
    assert "- Article 58 : Pénalisation des occupants sans titre, passibles d'un an de prison\n- Article 46" in body
    assert "\n- Les villes pourront mutualiser" in body
    bullets = summarize_text(body, sentences=3, title=raw.headline).summary
    assert "Le Sénat a adopté aujourd'hui, jeudi 26 juillet, la loi sur le logement." in bullets
    assert not any(mark in bullet for bullet in bullets for mark in ("*", "[", "{", "\\"))
    # the site's name cut from the title is the sender: an organisation of the command's output
    from summarize.run.batch import Input, Options, summarize_input

    path = str(tmp_path / "loi.md")
    result = summarize_input(Input(path, "loi.md"), Options())[0]
    assert result["metadata"]["sitename"] == "Réseau Habitat Solidaire"
    assert {"name": "Réseau Habitat Solidaire", "expansion": None} in result["facts"]["organisations"]


def test_the_date_the_header_states_is_the_release_date_not_a_date_of_its_body(tmp_path):
    """A body that recalls an earlier month ("depuis mars 2020") does not date the release: the
    header's date does, unless a dateline gives one."""
    from summarize.run.batch import Input, Options, summarize_input

    body = ("Les associations constatent depuis mars 2020 une hausse des demandes d'aide alimentaire dans le département.\n\n"
            + TEXT)
    path = tmp_path / "aide.md"
    path.write_text(YAML + body, encoding="utf-8")
    assert summarize_input(Input(str(path), "aide.md"), Options())[0]["facts"]["date"] == "2025-03-12"
    dated = tmp_path / "aide-datee.md"
    dated.write_text(YAML + "Lyon, le 10 mars 2025 –\n\n" + body, encoding="utf-8")
    assert summarize_input(Input(str(dated), "aide-datee.md"), Options())[0]["facts"]["date"] == "2025-03-10"


def test_a_wordpress_export_keeps_its_line_breaks(tmp_path):
    """A post exported from WordPress (jekyll-import keeps `wordpress_id`): each line is a block, as WordPress
    shows it, so the kicker, the bold headline and the dated lead are not one paragraph."""
    text = ("---\nlayout: page\ntitle: 'Release: Riverside picks Austin'\nwordpress_id: 8448\n"
            "date: 2015-05-06 11:01:04.000000000 +00:00\n---\nNEWS RELEASE FOR IMMEDIATE RELEASE\n"
            "<strong>The Riverside Fund brings its fellows to Austin and Tulsa\n</strong>\n"
            "(May 4, 2015)  – Emerging from a pool of twenty towns, Austin and Tulsa have been selected to receive a year "
            "of technical help from the fund's fellows.\n\nThe fellows will spend eleven months building web tools for both cities.\n")
    result = summarize_file(tmp_path / "2015-05-06-release.md", text, language="en")
    assert any(line.startswith("Emerging from a pool") for line in result.summary), result.summary  # its dateline cut off
    assert not any("RELEASE" in line or ("Tulsa" in line and "Emerging" in line and "brings" in line) for line in result.summary)
    assert result.facts.get("date") == "2015-05-04"


def test_a_bold_line_under_the_bodys_kicker_is_the_headline_over_the_sites_page_title(tmp_path):
    """The site titled the page "Tulsa 2015 Finalist Announcement"; the release itself opens with its kicker and
    its headline in bold: that headline is the title. A bold line with no kicker above it stays a lead."""
    lead = ("The Riverside Fund is pleased to announce that the City of Tulsa is a finalist in its national "
            "fellowship program. Fellows will spend eleven months building web tools for the city.\n")
    result = summarize_file(tmp_path / "finalist.md", "---\ntitle: Tulsa 2015 Finalist Announcement\n---\n<strong>FOR IMMEDIATE "
                            "RELEASE:</strong>\n\n<strong>City of Tulsa Chosen as Riverside Fund Finalist; Fellows Needed</strong>\n\n" + lead,
                            language="en")
    assert result.title == "City of Tulsa Chosen as Riverside Fund Finalist; Fellows Needed", result.title
    result = summarize_file(tmp_path / "fellows.md", "---\ntitle: Tulsa picks its fellows\n---\n**The city chose six fellows among "
                            "ninety applicants**\n\n" + lead, language="en")
    assert result.title == "Tulsa picks its fellows"
