"""The library API on the samples and the user's example: verbatim, ordered, furniture-free."""

import json

import pytest

from summarize import summarize_text
from summarize.read.reading import read_text

from .conftest import assert_verbatim_in_order

FURNITURE = ("Lire aussi", "À propos", "###", "FIN", "Contact", "@", "Suivez-nous", "COMMUNIQUÉ", "Avertissement", "Télécharger")


def test_user_example(user_example):
    text = read_text(str(user_example)).text
    result = summarize_text(text)
    assert len(result.summary) == 3
    assert_verbatim_in_order(result.summary, user_example.read_text(encoding="utf-8"))
    for sentence in result.summary:
        assert "Lire aussi" not in sentence
        assert "Perspectives de coopération renforcée" not in sentence
    assert result.facts["date"] == "2025-01-20"
    assert result.facts["place"] == "Rabat"
    assert result.title and result.title.startswith("Le directeur général")
    people = {p["name"]: p["role"] for p in result.facts["people"]}
    assert "Abdellatif Hammouchi" in people and "directeur général" in people["Abdellatif Hammouchi"]


def test_user_example_read_also_and_heading_are_not_sentences(user_example):
    from summarize.pipeline import build_sentences
    from summarize.text.structure import parse_structure

    doc = parse_structure(read_text(str(user_example)).text)
    texts = [s.text for s in build_sentences(doc, "fr")]
    assert not any("Lire aussi" in t for t in texts)
    assert not any("Perspectives de coopération renforcée" in t for t in texts)
    assert any(t.startswith("Cette rencontre bilatérale a également permis") for t in texts)


def test_every_sample_gives_a_clean_summary(samples):
    assert len(samples) >= 6
    for path in samples:
        raw = read_text(str(path))
        result = summarize_text(raw.text, sentences=3)
        assert len(result.summary) == 3, path
        assert_verbatim_in_order(result.summary, raw.text)
        for sentence in result.summary:
            assert not any(f in sentence for f in FURNITURE), (path.name, sentence)
        assert result.title and result.title_source == "heading", path
        assert result.facts.get("contacts"), path
        assert result.topics and all(t.strip() for t in result.topics)


def test_cp1252_and_crlf_samples_are_read(samples):
    names = {p.name: p for p in samples}
    cp1252 = names["veltis-resultats-annuels-2024.txt"].read_bytes()
    with pytest.raises(UnicodeDecodeError):
        cp1252.decode("utf-8")
    assert "chiffre d’affaires" in read_text(str(names["veltis-resultats-annuels-2024.txt"])).text
    crlf = names["ministere-agriculture-secheresse.txt"].read_bytes()
    assert b"\r\n" in crlf
    assert "\r" not in read_text(str(names["ministere-agriculture-secheresse.txt"])).text


def test_to_dict_matches_the_contract_schema(samples):
    result = summarize_text(read_text(str(samples[0])).text).to_dict()
    for key in ("source", "language", "title", "summary", "topics", "facts", "stats"):
        assert key in result
    assert set(result["stats"]) >= {"sentences", "words", "summary_words"}
    json.dumps(result)


def test_determinism(samples):
    text = read_text(str(samples[1])).text
    assert summarize_text(text).to_dict() == summarize_text(text).to_dict()


def test_sentence_count_and_word_budget(samples):
    text = read_text(str(samples[2])).text
    for n in (1, 2, 5):
        assert len(summarize_text(text, sentences=n).summary) == n
    short = summarize_text(text, words_budget=40)
    assert short.stats.summary_words <= 40 or len(short.summary) == 1
    longer = summarize_text(text, ratio=0.5)
    assert longer.stats.summary_words <= 0.5 * longer.stats.words + 1
    assert len(longer.summary) > len(short.summary)


def test_topics_zero_and_more(samples):
    text = read_text(str(samples[0])).text
    assert summarize_text(text, topics=0).topics == []
    assert len(summarize_text(text, topics=8).topics) == 8


@pytest.mark.parametrize("algorithm", ["pyramid", "lead", "lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "edmundson", "reduction"])
def test_every_algorithm_runs_offline_and_stays_verbatim(algorithm, samples):
    raw = read_text(str(samples[3]))
    result = summarize_text(raw.text, sentences=2, algorithm=algorithm)
    assert len(result.summary) == 2
    assert_verbatim_in_order(result.summary, raw.text)


def test_lead_takes_the_first_body_sentences(samples):
    raw = read_text(str(samples[3]))
    from summarize.pipeline import build_sentences
    from summarize.text.structure import parse_structure

    first = [s.text for s in build_sentences(parse_structure(raw.text), "fr")][:2]
    assert summarize_text(raw.text, sentences=2, algorithm="lead").summary == first


def test_explain_scores_every_sentence(samples):
    result = summarize_text(read_text(str(samples[0])).text, explain=True)
    assert len(result.scores) == result.stats.sentences
    assert sorted(s.rank for s in result.scores) == list(range(1, len(result.scores) + 1))
    chosen = [s.text for s in result.scores if s.selected]
    assert chosen == result.summary
    assert min(s.score for s in result.scores if s.selected) >= sorted((s.score for s in result.scores), reverse=True)[5]


def test_english_is_detected():
    text = ("The company announced record results for the year. Revenue grew by 12 percent to 1.4 billion euros. "
            "The board will propose a higher dividend to the shareholders at the annual meeting in May.")
    result = summarize_text(text, sentences=1)
    assert result.language == "en"
    assert len(result.summary) == 1 and result.summary[0] in text


def test_length_penalty_only_applies_when_more_sentences_are_asked():
    from summarize.rank.ranking import SelectionParams, Sentence, select

    long_text = " ".join(["mot"] * 60)
    sentences = [Sentence(0, long_text, 0, 0, stems=["a"], word_count=60),
                 Sentence(1, "Une phrase courte ici.", 1, 0, stems=["b"], word_count=4),
                 Sentence(2, "Une autre phrase brève.", 2, 0, stems=["c"], word_count=4)]
    scores = [1.0, 0.98, 0.97]
    params = SelectionParams(redundancy=0.0, length_penalty=0.05)
    assert select(sentences, scores, 1, params) == [0]
    assert select(sentences, scores, 2, params) == [1, 2]
    assert select(sentences, scores, 2) == [0, 1]


def test_shipped_ranker_model_is_plain_json_with_a_card():
    import json
    from importlib.resources import files

    from summarize.rank.ranking import FEATURES

    model = json.loads(files("summarize").joinpath("data/ranker_fr.json").read_text(encoding="utf-8"))
    assert set(model["weights"]) == set(FEATURES)
    for profile in ("headline", "no_headline"):
        redundancy, length_penalty, standalone, lead_exempt, emphasis = model["selection"][profile]
        assert 0 <= length_penalty < 1 and 0 <= redundancy < 1 and standalone in (True, False) and lead_exempt >= 0 and emphasis > 0
    card = files("summarize").joinpath("data/ranker_fr.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in card and "OrangeSum" in card and "development set" in card


def test_library_reads_any_format_then_summarizes(samples):
    from summarize import read_text as library_read_text

    document = library_read_text(str(next(p for p in samples if p.name.startswith("veltis"))))  # cp1252 on disk
    assert document.encoding == "cp1252" and "chiffre d’affaires" in document.text
    assert summarize_text(document.text, sentences=1).summary[0] in document.text


def test_a_release_without_a_headline_does_not_show_its_first_sentence_twice():
    """Without a headline the title is the first sentence, whole when it is short: the bullets then
    begin with the next news, not with the title again (an editor counts the repeat unusable)."""
    first = "Plusieurs messages ont semé la confusion sur le prêt d'ordinateurs par l'association Clic Solidaire."
    others = ["L'association prête depuis mars des ordinateurs reconditionnés aux familles envoyées par les services sociaux.",
              "Chaque ordinateur est prêté pour un an contre une adhésion d'un euro, et reste la propriété de l'association.",
              "Les logiciels installés sont tous des logiciels libres, mis à jour par les bénévoles chaque trimestre."]
    result = summarize_text(" ".join([first, *others]), sentences=3)
    assert result.title_source == "first_sentence" and result.title == first.rstrip(".")
    assert result.summary == others
    # a long first sentence (30 words) is the whole title too, never cut with "…", and it stays out of
    # the bullets while anything else is left, even sentences that are weak bullets (a question)
    long_first = ("Le collectif du Val s'interroge sur la capacité du quartier des Prés, au bord de la Saône, à accueillir "
                  "le vaste projet de construction de six immeubles de logements sur l'ancienne zone humide.")
    rest = ["Quid des transports, du stationnement et des égouts pour cinq cents habitants de plus ?",
            "Le collectif demande une étude d'impact avant le vote du conseil municipal en mars."]
    result = summarize_text(" ".join([long_first, *rest]), sentences=3)
    assert result.title == long_first.rstrip(".") and result.title_source == "first_sentence"
    assert long_first not in result.summary and result.summary


def test_a_list_item_without_a_verb_is_no_bullet():
    """A thanks list's item ("Les bénévoles … pour la préparation du déménagement …") ends with a full
    stop but has no verb: a bullet quotes sentences, so it only fills a place nothing else can."""
    text = ("La commune de Saint-Aubin inaugure samedi sa nouvelle médiathèque, après deux ans de travaux.\n\n"
            "Le bâtiment accueille 20 000 ouvrages et un espace numérique ouvert à tous.\n\nLe maire remercie :\n\n"
            "* Les bénévoles de l'association des lecteurs de Saint-Aubin pour la préparation du déménagement des "
            "collections de la nouvelle médiathèque.\n* Les agents municipaux de la médiathèque pour leur engagement.\n\n"
            "La médiathèque sera ouverte du mardi au samedi, avec des horaires élargis le mercredi.\n")
    result = summarize_text(text, sentences=2, explain=True)  # the first sentence is the title: two complete ones are left
    assert not any(bullet.startswith("Les bénévoles") for bullet in result.summary), result.summary
    assert result.title == "La commune de Saint-Aubin inaugure samedi sa nouvelle médiathèque, après deux ans de travaux"
    reasons = {s.text[:14]: s.reasons for s in result.scores}
    assert "fragment (no verb)" in reasons["Les bénévoles "] and "fragment (no verb)" not in reasons["Le bâtiment ac"]


def test_a_short_slogan_or_date_without_a_verb_is_no_bullet_but_a_long_sentence_keeps_its_place():
    """"D'un côté les arbres, et de l'autre du béton." closes a paragraph of prose: no news to quote alone.
    A long sentence whose verb the tagger may miss stays a sentence."""
    text = ("Le collectif du Val dénonce le projet de construction de six immeubles sur la zone humide de Chennevières.\n\n"
            "Les riverains ont réuni 800 signatures contre le projet en deux semaines. "
            "D’un côté les arbres, et de l’autre du béton.\n\n"
            "Le collectif demande à la mairie une étude d'impact avant toute décision du conseil municipal.\n\n"
            "Une réunion publique est prévue le 12 mars à la salle des fêtes.\n")
    result = summarize_text(text, explain=True)
    assert "D’un côté les arbres, et de l’autre du béton." not in result.summary
    reasons = {s.text[:14]: s.reasons for s in result.scores}
    assert "fragment (no verb)" in reasons["D’un côté les "] and "fragment (no verb)" not in reasons["Une réunion pu"]


def test_a_sentence_in_the_middle_of_a_quotation_is_a_piece_of_it_unless_the_attribution_opened_it():
    """"“It is now up to lawmakers … By making …, we will save … Prop 42 also …”": the middle sentence has
    neither quote mark nor speaker. "Selon le réseau, « les déchets … Le convoi partira … »" is reported speech."""
    quoted = ("The county voted the open data law on Tuesday after two years of debate.\n\n"
              "“It is now up to the towns to publish their data. By making the records public by default, we will save "
              "the county millions of dollars every year. The law also gives citizens a right to ask for any dataset.”\n\n"
              "The first datasets will be published in March on the county's portal.\n")
    result = summarize_text(quoted, language="en", explain=True)
    reasons = {s.text[:12]: s.reasons for s in result.scores}
    assert any("piece of a quotation" in r for r in reasons["By making th"])
    reported = ("Le réseau a alerté la préfecture mardi soir.\n\n"
                "Selon le réseau, « les déchets partiront dimanche du port de Cherbourg. Le convoi arrivera lundi à la gare "
                "de Valognes avant de rejoindre Bâle dans la nuit. Les riverains n'ont pas été prévenus ».\n\n"
                "Le collectif demande l'arrêt des transports de déchets par le rail.\n")
    result = summarize_text(reported, explain=True)
    reasons = {s.text[:12]: s.reasons for s in result.scores}
    assert not any("piece of a quotation" in r for r in reasons["Le convoi ar"])


def test_a_piece_of_a_quotation_is_no_bullet():
    """A quotation over several sentences gives pieces with a quote mark left open or closed alone:
    unattributed and cut, no line to quote; the sentences around them are."""
    from summarize.rank.selection import leaves_a_quote_open

    assert leaves_a_quote_open("« Le rapport de la ville prétend que la migration coûterait 3 millions par an.")
    assert leaves_a_quote_open("Nous sommes fiers d’accueillir deux figures incontournables du logiciel libre.»")
    assert not leaves_a_quote_open("Selon la maire, « le projet avance » et le collectif salue un \"Non au projet”.")
    # opened after its attribution and left open, the quotation is cut as well (a blind editor's verdict):
    assert leaves_a_quote_open("Selon le collectif, \"les déchets reviendront en Suisse la semaine prochaine par la France.")
    assert leaves_a_quote_open("Le procureur a déclaré : « Ce prévenu devait protéger ces fonds, mais il les a détournés.")
    text = ("# Morteau rouvre sa piscine\n\nLa ville de Morteau inaugure sa piscine rénovée après dix-huit mois de travaux.\n\n"
            "« Ce bassin attendu depuis vingt ans accueillera enfin les scolaires de tout le canton et les clubs de la région. "
            "Nous en sommes très fiers », déclare la maire.\n\n"
            "Le chantier a coûté 6 millions d'euros, financés pour moitié par la région.\n\n"
            "L'équipement ouvre au public le 4 septembre, avec des créneaux réservés aux familles le week-end.\n")
    bullets = summarize_text(text, sentences=3).summary
    assert not any(b.startswith("« Ce bassin") or b.startswith("Nous en sommes") for b in bullets), bullets


def test_a_quotation_standing_alone_without_its_speaker_is_no_bullet():
    """"“As more towns discover …, they'll realize …”" after "“…,” said Jane Roe": a sentence that is a
    quotation and nothing else names no speaker; one that names its speaker stays a bullet."""
    from summarize.rank.selection import is_bare_quotation

    assert is_bare_quotation("« Nous sommes fiers de ce nouveau bassin, attendu depuis vingt ans. »")
    assert not is_bare_quotation("« Nous sommes fiers de ce bassin », déclare la maire.")
    assert not is_bare_quotation("« Nous sommes fiers », déclare la maire. « Très fiers. »")
    text = ("# Riverside joins the open cities network\n\nThe Riverside council joined the open cities network on Tuesday, "
            "the first town of the county to do so.\n\n\"We're very pleased to join the network,\" said Jane Roe, the mayor "
            "of Riverside. \"As more towns discover the free tools the network shares, they will realize that contributing "
            "is in their best interest.\"\n\nThe town will publish its budget data on the network's portal in March.\n")
    bullets = summarize_text(text, sentences=3, language="en").summary
    assert not any(b.startswith("\"As more towns") for b in bullets), bullets
    assert any("said Jane Roe" in b for b in bullets), bullets


def test_an_item_numbered_with_a_slash_loses_its_number():
    """"1/ Réaliser des économies : …", "2/ Préserver la biodiversité : …" (a list numbered as in a letter): list
    items, whose number never opens a bullet."""
    text = ("# La commune éteint son éclairage la nuit\n\nLe conseil municipal a voté l'extinction de l'éclairage public "
            "de minuit à six heures à partir du 1er juin.\n\nLe projet poursuit deux objectifs :\n\n"
            "1/ Réaliser des économies budgétaires : l'extinction générerait entre 30 et 50 % d'économie sur la facture.\n\n"
            "2/ Préserver la biodiversité : la lumière artificielle perturbe les oiseaux et les insectes nocturnes.\n")
    bullets = summarize_text(text, sentences=3).summary
    assert not any(b.startswith(("1/", "2/")) for b in bullets), bullets


def test_a_sentence_that_sends_to_another_document_or_presents_this_one_is_a_pointer():
    from summarize.rank.selection import is_pointer

    assert is_pointer("Référez-vous à la note de version complète pour de plus amples informations, ou téléchargez le logiciel.")
    assert is_pointer("Reportez-vous au règlement du concours pour connaître les conditions.")
    assert is_pointer("Voici la première lettre d'information communiquée par voie électronique.")
    assert not is_pointer("Voici enfin venu le temps des travaux : la piscine rouvrira en septembre.")
    assert not is_pointer("La commune se réfère à la loi de 2015 pour justifier sa décision.")


def test_a_teaser_of_another_page_cut_by_the_site_is_no_bullet():
    """The "related posts" of a saved page: excerpts the site cut with a spaced ellipsis or on a word no phrase
    ends with; a sentence of the release that ends on its own ellipsis is a sentence."""
    from summarize.rank.selection import is_cut_excerpt

    assert is_cut_excerpt("The District Attorney announced today that a man has been charged with murder following the …")
    assert is_cut_excerpt("Le maire a annoncé que les travaux de la piscine commenceront en [...]")
    assert is_cut_excerpt("The county announced today that a resident who is currently charged with one count …")
    assert not is_cut_excerpt("Et ce n'est pas fini…")
    text = ("# The county library opens on Sundays\n\nThe county library will open its five branches on Sundays from July 6, "
            "from 10 am to 5 pm.\n\nSix librarians will be hired to staff the Sunday shifts, the county said.\n\n"
            "The new hours follow a survey in which two thirds of residents asked for weekend opening.\n\n"
            "The Sunday opening will cost the county 240,000 dollars a year.\n\n"
            "Related posts\n\nThe District Attorney announced today that a man from the county has been charged with "
            "murder following the …\n\nThe county announced today that its new budget gives more money to the parks of "
            "the county and …\n")
    bullets = summarize_text(text, sentences=3, language="en").summary
    assert not any(b.endswith("…") for b in bullets), bullets

