"""Key topics are readable bullets (issue 5): the text's own casing, elisions never a topic of
their own, no stop word at either edge, acronyms and figures kept, no near-duplicates."""

from __future__ import annotations

from summarize import summarize_text
from summarize.extract.topics import extract_topics
from summarize.read.reading import read_text
from summarize.text.tokens import is_stop_word, stem, words

RELEASE = [
    "L’Union européenne (UE) lance un plan de 5 milliards d’euros contre la COVID-19.",
    "L’entreprise Medivax fournira les vaccins ; l’entreprise a déjà livré l’Italie.",
    "Les entreprises européennes du secteur de l’IA et de la 5G seront associées au plan.",
    "Selon Ursula von der Leyen, la présidente de la Commission européenne, « la COVID-19 reste une menace ».",
    "La Commission européenne publiera le calendrier du plan en mars ; la Commission évaluera les vaccins.",
    "Medivax produira les vaccins contre la COVID-19 dans ses usines de Lyon.",
]


def topics(count: int = 10) -> list[str]:
    return extract_topics(RELEASE, "Plan européen contre la COVID-19 : la Commission choisit Medivax", count)


def test_acronyms_and_codes_with_digits_are_kept():
    found = topics()
    assert "COVID-19" in found
    assert any(t in found for t in ("UE", "IA", "5G"))


def test_casing_is_the_text_s_own():
    found = topics()
    assert "Medivax" in found
    assert any(t.startswith("Commission européenne") for t in found)
    assert all(t != t.upper() or len(t) <= 8 or "-" in t for t in found)  # no shouting


def test_elided_forms_never_make_their_own_topic():
    found = topics()
    assert not any(t.lower().startswith(("l’", "l'", "d’", "d'")) for t in found)
    assert "entreprise" in found  # "l’entreprise" counted as "entreprise", one bullet for the word and its plural
    assert sum(1 for t in found if stem(words(t)[0].lower()) == stem("entreprise")) == 1


def test_no_stop_word_at_either_edge():
    for topic in topics():
        tokens = words(topic)
        assert tokens and not is_stop_word(tokens[0]) and not is_stop_word(tokens[-1])


def test_no_near_duplicates():
    found = topics()
    stems = [tuple(stem(w.lower()) for w in words(t)) for t in found]
    for i, a in enumerate(stems):
        for b in stems[i + 1:]:
            assert not (set(a) <= set(b) or set(b) <= set(a)), (a, b)  # singular/plural, phrase and its head


def test_topics_of_every_sample_are_clean(samples):
    for path in samples:
        raw = read_text(str(path))
        from summarize import summarize_text

        found = summarize_text(raw.text, topics=8).topics
        assert len(found) == 8 and len({t.lower() for t in found}) == 8
        for topic in found:
            assert topic == topic.strip() and "  " not in topic
            assert not topic.endswith((",", ".", ";", ":")) and not topic.startswith(("«", "(", "-"))


def test_a_word_list_searched_as_text_agrees_with_its_set():
    """Topics look a few words up in the 53,000-word lexicon without building its set: same answers."""
    from summarize.resources import listed, word_list

    lexicon = word_list("lexicon_fr.txt")
    assert all(listed("lexicon_fr.txt", word) for word in sorted(lexicon)[::50])
    for word in ("", "qwzx", "aa\nab", "# french", sorted(lexicon)[10][:-1] + "§"):
        assert listed("lexicon_fr.txt", word) == (word in lexicon)


def test_sorted_lists_answer_alike_by_binary_search_and_once_parsed(monkeypatch):
    """A single release looks words up in the big sorted lists (names, lexicon, stem frequencies) by
    binary search in their text; past LOOKUPS_BEFORE_TABLE a batch parses them. Both must agree on
    every entry and on words that are not listed."""
    from summarize import resources

    monkeypatch.setattr(resources, "LOOKUPS_BEFORE_TABLE", 10**9)
    for name in ("names_fr.txt", "lexicon_fr.txt", "idf_fr.tsv"):
        searched = resources.SortedList(name)
        table = searched._parse()
        assert len(table) > 10_000
        absent = [key + "x" for key in list(table)[::50]] + ["", "#", "a b", "zzzzzzz", "\t", "é", '"']
        for key in list(table) + absent:
            assert searched.get(key) == table.get(key), (name, key)
    monkeypatch.setattr(resources, "LOOKUPS_BEFORE_TABLE", 3)
    switching = resources.SortedList("idf_fr.tsv")
    assert [switching.get(key) for key in ("gouvern", "zzzz", "gouvern", "pakistan", "zzzz")] == [
        table.get(key) for key in ("gouvern", "zzzz", "gouvern", "pakistan", "zzzz")]
    assert switching.table is not None


def test_pieces_of_links_are_never_topics():
    text = ("La médiathèque de Morteau ouvre le dimanche.\n\nLe programme est sur http://morteau-exemple.fr/programme "
            "et sur https://www.morteau-exemple.fr/agenda, avec les horaires http://morteau-exemple.fr/horaires.\n\n"
            "Les inscriptions se font à l'accueil de la médiathèque ou par courriel à accueil@morteau-exemple.fr.\n")
    topics = extract_topics(text.split("\n\n"), "La médiathèque de Morteau ouvre le dimanche", 8)
    assert topics and not any(t.lower() in {"http", "https", "www", "com", "fr"} or "://" in t or "@" in t for t in topics)


def test_a_headline_in_capitals_is_read_in_the_texts_case():
    """Capitals set for emphasis make every word look like a name: the headline is read in the case its
    words have in the text, so no topic or organisation is a shouted common word."""
    text = ("ARRÊTONS LE MASSACRE DU JARDIN DES PLANTES DE SÈTE\n\n"
            "Le collectif « Bancs publics » s'oppose au projet de parking souterrain sous le jardin des plantes de Sète. "
            "La mairie de Sète veut abattre quarante platanes centenaires pour construire trois cents places. "
            "Le collectif a réuni 5 000 signatures contre ce massacre et saisit le tribunal administratif.")
    result = summarize_text(text, topics=6)
    shouted = [t for t in result.topics if any(len(w) > 3 and w.isupper() for w in t.split())]
    assert not shouted, result.topics
    assert not [o["name"] for o in result.facts.get("organisations", []) if o["name"].isupper()]
    assert any("Sète" in t or "jardin des plantes" in t for t in result.topics), result.topics


def test_a_name_and_the_verb_it_is_the_subject_of_is_no_topic():
    text = ("La CPU réagit à la proposition de médiation sur la réforme du décret\n\n"
            "Le Conseil de la CPU réagit à la proposition de médiation. "
            "La CPU exprime de fortes réserves sur la nature de la médiation proposée.")
    topics_ = summarize_text(text, topics=8).topics
    assert not [t for t in topics_ if t.split()[-1] in ("exprime", "réagit")], topics_
    assert "réforme du décret" in topics_


def test_inclusive_writing_is_one_subject_with_its_first_form_and_no_pronoun_topic():
    """"étudiant.e.s", "étudiant·e·s" and "étudiants" are one subject; "tout.e.s" is a pronoun."""
    assert stem("étudiant.e.s") == stem("étudiant·e·s") == stem("étudiants") == stem("étudiant")
    assert stem("citoyen·ne·s") == stem("citoyens") and stem("acteur·rice·s") == stem("acteurs")
    assert is_stop_word("tout.e.s")
    text = ("Les étudiant.e.s de Nanterre ont été évacué.e.s par la police ce matin. Les étudiants dénoncent la décision "
            "du président. Tou·te·s appellent à une assemblée générale. Les étudiant·e·s mobilisé·e·s tiendront une "
            "conférence de presse demain, avec le soutien des personnels de l'université.")
    topics = summarize_text(text, topics=5).topics
    assert sum(stem(t.split()[0]) == stem("étudiant") for t in topics) == 1, topics
    assert not any(t.lower().startswith("tou") for t in topics), topics


def test_a_noun_that_is_also_a_verb_stays_in_its_phrase_after_de():
    """"plateforme de vote": "vote" is a verb too, but after "de" it is the noun of the complement, so
    the phrase is a topic (the subject-verb check is for "CPU réagit", a name and its verb)."""
    text = ("La mairie de Quimperlé ouvre lundi sa plateforme de vote pour le budget participatif. "
            "Sur la plateforme de vote, chaque habitant pourra choisir trois projets parmi les quarante proposés. "
            "La plateforme de vote restera ouverte jusqu'au 30 juin, et les résultats seront publiés en juillet.")
    assert "plateforme de vote" in summarize_text(text, language="fr").topics


def test_a_plural_in_x_is_not_a_second_topic():
    """"feu" and "feux": one subject, listed once."""
    text = ("Les pompiers de l'Hérault ont maîtrisé le feu de Lodève après trois jours de lutte. "
            "Le feu a parcouru 600 hectares de garrigue, et deux autres feux restent surveillés près de Clermont. "
            "Les feux de l'été ont déjà brûlé plus de 2 000 hectares dans le département, selon la préfecture.")
    topics = [t.lower() for t in summarize_text(text, language="fr").topics]
    assert not ("feu" in topics and "feux" in topics)


def test_an_adjective_the_tagger_called_a_noun_is_no_topic_alone_or_with_its_complement():
    """"…open-source, simple et respectueuse de la vie privée": the tagger reads both as nouns there;
    a lower-case word never met after an article, a preposition, an adjective or a number is a
    modifier, not a subject, while a subject named with its article ("la sécheresse") stays."""
    text = ("## Lectio CE : la preuve de lecture open-source, simple et respectueuse de la vie privée\n\n"
            "Avec Lectio CE, la confirmation de lecture devient enfin un geste traçable et auto-hébergeable. "
            "Les associations doivent prouver que leurs membres ont lu la charte. La sécheresse des procédures de "
            "signature électronique décourage les associations, et Lectio répond à la sécheresse de ces outils.")
    topics = summarize_text(text, topics=8, language="fr").topics
    assert not any(t.split()[0].lower() in ("simple", "respectueuse") for t in topics), topics
    assert "sécheresse" in topics, topics


def test_a_compound_in_the_plural_is_not_a_second_topic():
    """"sites-web" and "site-web": the stemmer stems only a compound's last part; one subject, listed once."""
    text = ("L'agence Verdure crée des sites-web écologiques pour les associations de la région. Chaque site-web "
            "est hébergé sur des serveurs alimentés en énergie renouvelable. Les sites-web de l'agence pèsent en "
            "moyenne quatre fois moins que ceux du marché, et chaque site-web livré donne lieu à la plantation d'un arbre.")
    topics = [t.lower() for t in summarize_text(text, language="fr", topics=8).topics]
    assert sum(t.replace("sites-web", "site-web") == "site-web" for t in topics) <= 1, topics


def test_a_product_named_after_its_project_is_a_topic_though_the_sender_s_name_holds_it():
    """"PostgreSQL" alone, far more often than "PostgreSQL Global Development Group" (the sender): the product
    the release is about, a topic; "Fédération" of "Fédération française de handball" stays out (a common word)."""
    from summarize import summarize_text

    text = ("# Quartzdb 5 est publiée\n\nLe Quartzdb Global Development Group annonce la sortie de Quartzdb 5, "
            "la nouvelle version du moteur de bases de données libre.\n\nQuartzdb 5 accélère les requêtes sur les gros "
            "volumes et Quartzdb gère désormais les index partiels.\n\nLes utilisateurs de Quartzdb peuvent migrer sans "
            "arrêt de service, et Quartzdb reste distribué sous licence libre.\n\nLa communauté Quartzdb compte plus de "
            "mille contributeurs, selon le Quartzdb Global Development Group.\n")
    topics = summarize_text(text).topics
    assert any(t.startswith("Quartzdb") and "Group" not in t for t in topics), topics
    text = ("# La Fédération française de handball ouvre ses stages d'été\n\nLa Fédération française de handball ouvre "
            "les inscriptions à ses stages d'été pour les jeunes de 12 à 16 ans.\n\nLa Fédération organise douze stages "
            "dans six régions. La Fédération prend en charge la moitié du prix. La Fédération recrute aussi des "
            "encadrants. La Fédération publie le programme en ligne.\n")
    assert "Fédération" not in summarize_text(text).topics
