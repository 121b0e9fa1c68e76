"""Reading, normalisation, tokens, stop words and press-release structure."""

import pytest

from summarize.errors import InputError
from summarize.read.reading import decode, normalize_text
from summarize.text.structure import parse_structure
from summarize.text.tokens import content_stems, is_stop_word, words

FRENCH = "Le ministère annonce un plan d’urgence pour les éleveurs touchés par la sécheresse."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_decoding_of_common_encodings(encoding):
    raw = decode(FRENCH.encode(encoding))
    assert raw.text == FRENCH


def test_crlf_nbsp_soft_hyphen_zero_width_are_normalised():
    text = "Titre\r\nUne ligne\u00a0: 30\u202f% de plus, ré\u00adsultat\u200b net.\rFin"
    assert normalize_text(text) == "Titre\nUne ligne : 30 % de plus, résultat net.\nFin"


def test_mojibake_is_repaired():
    assert normalize_text("Le ministÃ¨re de lâ€™Agriculture a rÃ©agi.") == "Le ministère de l’Agriculture a réagi."


def test_decomposed_accents_become_nfc():
    assert normalize_text("e\u0301le\u0300ve") == "élève"


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"),
    (b"   \n\t \n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
    (bytes(range(256)) * 4, "binary"),
    (b"12345 678 -- 90 %%", "no letters"),
])
def test_refusals(data, message):
    with pytest.raises(InputError, match=message):
        decode(data)


def test_elisions_split_and_typographic_apostrophes():
    assert words("L’entreprise d'État qu’il lorsqu'elle jusqu’ici") == ["entreprise", "État", "il", "elle", "ici"]


def test_compounds_numbers_acronyms_kept():
    assert words("Le COVID-19, la 5G et l'UE, a-t-il dit.") == ["Le", "COVID-19", "la", "5G", "et", "UE", "a-t-il", "dit"]


def test_stop_words_are_right_where_sumy_is_wrong():
    for word in ("de", "un", "une", "à", "être", "a-t-il"):
        assert is_stop_word(word)
    for word in ("état", "valeur", "ministère"):
        assert not is_stop_word(word)


def test_content_stems_use_snowball():
    assert content_stems("les éleveurs nationaux") == ["éleveur", "national"]


def test_snowball_agrees_with_nltk_on_common_words():
    nltk_snowball = pytest.importorskip("nltk.stem.snowball")
    stemmer = nltk_snowball.FrenchStemmer()
    from summarize.text.tokens import stem

    vocabulary = words(open(__file__.replace("test_text_layer.py", "../samples/ong-eau-vive-senegal.txt"), encoding="utf-8").read())
    disagreements = [w for w in vocabulary if stem(w.lower()) != stemmer.stem(w.lower())]
    assert len(disagreements) <= len(vocabulary) * 0.01, disagreements


RELEASE = """COMMUNIQUÉ DE PRESSE

La ville de Rennes ouvre trois nouvelles crèches

Rennes, le 5 mai 2025 – La ville de Rennes ouvrira trois crèches en septembre. Elles accueilleront 120 enfants.

Un effort sans précédent
Le budget atteint 9 millions d’euros. « C’est une priorité », a déclaré Mme Anne Leroux, adjointe à la petite enfance.
Lire aussi : Rennes agrandit ses écoles
À lire aussi : les chiffres de la rentrée
Suivez-nous sur Twitter : @rennes
https://www.rennes-exemple.fr/creches
Tous droits réservés.

- FIN -

À propos de la ville de Rennes
Rennes compte 225 000 habitants.

Contact presse
Paul Durand
paul.durand@rennes-exemple.fr
02 99 00 00 00
"""


def test_structure_keeps_metadata_and_drops_furniture():
    doc = parse_structure(RELEASE)
    assert doc.header == "COMMUNIQUÉ DE PRESSE"
    assert doc.title == "La ville de Rennes ouvre trois nouvelles crèches"
    assert doc.dateline.place == "Rennes" and doc.dateline.iso == "2025-05-05"
    assert doc.headings == ["Un effort sans précédent"]
    body = " ".join(p.text for p in doc.body)
    assert body.startswith("La ville de Rennes ouvrira")
    for furniture in ("Lire aussi", "À lire aussi", "Suivez-nous", "https://", "Tous droits", "FIN", "À propos", "225 000", "Paul Durand"):
        assert furniture not in body
    assert doc.contacts[0].name == "Paul Durand"
    assert doc.contacts[0].email == "paul.durand@rennes-exemple.fr"
    assert doc.contacts[0].phone == "02 99 00 00 00"
    assert doc.about == "Rennes compte 225 000 habitants."


@pytest.mark.parametrize(("line", "place", "iso"), [
    ("Rabat, le 20 janvier 2025 – Le ministre a parlé.", "Rabat", "2025-01-20"),
    ("PARIS (3 mars 2025) - La société annonce.", "PARIS", "2025-03-03"),
    ("Lyon, 12/03/2025 : Le groupe publie.", "Lyon", "2025-03-12"),
    ("Saint-Denis, le 1er février 2025 – La commune annonce.", "Saint-Denis", "2025-02-01"),
])
def test_datelines(line, place, iso):
    doc = parse_structure(line)
    assert doc.dateline.place == place and doc.dateline.iso == iso
    assert doc.paragraphs[0].text[0].isupper() and "2025" not in doc.paragraphs[0].text


def test_bullets_lose_their_marker():
    doc = parse_structure("Titre du communiqué\nLe plan comprend :\n- une aide directe aux éleveurs concernés ;\n• un report des cotisations.")
    bullets = [p.text for p in doc.paragraphs if p.kind == "bullet"]
    assert bullets == ["une aide directe aux éleveurs concernés ;", "un report des cotisations."]


def test_a_soft_hyphen_standing_alone_between_words_is_a_dash_not_nothing():
    """Some fonts print the dash of "Strasbourg ­ 20 mai" as U+00AD between spaces: removed as an
    invisible hyphenation point, it glued the kicker to the headline and the place to its date."""
    from summarize.read.decoding import normalize_text

    assert normalize_text("Strasbourg \u00ad 20 mai 2014") == "Strasbourg – 20 mai 2014"
    assert normalize_text("candi\u00addature") == "candidature"


def test_a_pasted_text_layer_wrapped_only_in_places_is_joined_there_and_nowhere_else():
    """A header of short lines, prose wrapped at about ninety columns, a list: the text as a whole is no
    wrapper's (most lines are not near one width), yet its sentences that go on in lower case, on a word no
    phrase ends with, or past the width are one paragraph again; the header's lines and the list stay apart."""
    from summarize.text.reflow import reflow

    text = "\n".join([
        "Mairie de Saint-Aubin-sur-Loire",
        "Service communication",
        "04 70 00 00 00",
        "La commune de Saint-Aubin-sur-Loire ouvrira le 2 septembre une nouvelle médiathèque dans l'ancienne",
        "gare, avec un espace jeunesse, une salle de jeux vidéo et un atelier de réparation ouvert le samedi.",
        "Les travaux, financés pour moitié par le département et par la région, ont duré dix-huit mois et",
        "ont coûté 2,4 millions d'euros, soit un peu moins que le budget voté par le conseil municipal en",
        "2023. La médiathèque emploiera six agents, dont deux recrutés cette année pour l'accueil des scolaires",
        "et des associations du canton. Les horaires d'ouverture seront élargis au mardi soir et au dimanche",
        "matin pendant les vacances scolaires.",
        "• Ouverture le 2 septembre à 10 heures",
        "• Inscription gratuite pour les moins de 18 ans",
    ])
    lines = reflow(text).split("\n")
    assert lines[:3] == ["Mairie de Saint-Aubin-sur-Loire", "Service communication", "04 70 00 00 00"]
    assert lines[3].startswith("La commune") and lines[3].endswith("ouvert le samedi.")
    assert any(line.startswith("Les travaux") and "en 2023. La médiathèque emploiera" in line
               and line.endswith("pendant les vacances scolaires.") for line in lines), lines
    assert lines[-2:] == ["• Ouverture le 2 septembre à 10 heures", "• Inscription gratuite pour les moins de 18 ans"]


def test_symbol_font_bullets_and_a_lone_bold_mark_leave_no_trace_in_the_text():
    """"\uf0b7 Item" (the Symbol font's bullet, kept by text copied from a PDF or Word) is a list item, and
    "**Join us …" (a note mark, no closing pair) loses its asterisks; a bold pair still reads as its words."""
    from summarize.read.decoding import fold_ligatures

    text = fold_ligatures("Le club ouvre ses inscriptions.\n\uf0b7 Les cours reprennent le 4 septembre.\n"
                          "**Rendez-vous au forum des associations le 7 septembre.\n**Entrée libre** pour tous les visiteurs du forum.")
    doc = parse_structure(text, language="fr")
    kinds = {p.text: p.kind for p in doc.paragraphs}
    assert kinds.get("Les cours reprennent le 4 septembre.") == "bullet", kinds
    assert "Rendez-vous au forum des associations le 7 septembre." in kinds, kinds
    assert "Entrée libre pour tous les visiteurs du forum." in kinds, kinds


def test_figures_a_saved_page_set_on_lines_of_their_own_go_back_into_their_sentence():
    """"more than" / "100" / "agencies across" / "28" / "states took part": a page's text saved with its
    emphasised figures on lines of their own; a figure alone between lines that go on stays apart (a table)."""
    from summarize.text.reflow import reflow

    text = ("As part of the campaign, more than\n100\nlibraries across\n28\nstates opened on Sundays in May.\n"
            "Budget\n2024\n2025\n")
    lines = reflow(text).split("\n")
    assert lines[0] == "As part of the campaign, more than 100 libraries across 28 states opened on Sundays in May."
    assert lines[1:4] == ["Budget", "2024", "2025"]
