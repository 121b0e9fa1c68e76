"""French sentence splitting: every phenomenon of issue 3, on our own sentences."""

import pytest

from summarize import split_sentences

CASES = [
    ("M. Dupont et Mme Martin sont arrivés. Ils ont parlé.", ["M. Dupont et Mme Martin sont arrivés.", "Ils ont parlé."]),
    ("MM. Durand et Petit, avec Mlle Roy et le Dr. Morel, ont signé. Le Pr. Lenoir aussi.",
     ["MM. Durand et Petit, avec Mlle Roy et le Dr. Morel, ont signé.", "Le Pr. Lenoir aussi."]),
    ("Me Bernard plaide pour Mgr. Lefèvre. La séance reprend.", ["Me Bernard plaide pour Mgr. Lefèvre.", "La séance reprend."]),
    ("J.-P. Martin et A. Hammouchi se sont rencontrés. Ils ont signé.",
     ["J.-P. Martin et A. Hammouchi se sont rencontrés.", "Ils ont signé."]),
    ("La réunion du 20 janv. 2025 a été reportée au 3 févr. 2025. Elle aura lieu en sept.",
     ["La réunion du 20 janv. 2025 a été reportée au 3 févr. 2025.", "Elle aura lieu en sept."]),
    ("Le contrat a été signé en déc. Le chantier commence.", ["Le contrat a été signé en déc.", "Le chantier commence."]),
    ("Voir l'art. L. 1233-3 du code du travail, p. 45 du rapport. Le décret n° 2025-12 suit.",
     ["Voir l'art. L. 1233-3 du code du travail, p. 45 du rapport.", "Le décret n° 2025-12 suit."]),
    ("Des fruits, des légumes, etc. sont vendus. Le marché ferme tard, etc. Les clients partent.",
     ["Des fruits, des légumes, etc. sont vendus.", "Le marché ferme tard, etc.", "Les clients partent."]),
    ("Il faut compter env. 3 heures (cf. tableau). La ville fut fondée en 52 av. J.-C. Elle prospéra.",
     ["Il faut compter env. 3 heures (cf. tableau).", "La ville fut fondée en 52 av. J.-C.", "Elle prospéra."]),
    ("Veltis S.A. publie ses comptes. La S.N.C.F. recrute. Les trains roulent.",
     ["Veltis S.A. publie ses comptes.", "La S.N.C.F. recrute.", "Les trains roulent."]),
    ("La hausse atteint 1.5 point, soit 3,5 % et 1,2 Md€. Le taux reste stable.",
     ["La hausse atteint 1.5 point, soit 3,5 % et 1,2 Md€.", "Le taux reste stable."]),
    ("Le lancement a eu lieu à 7h44. La conférence débute à 10 h 30. Fin.",
     ["Le lancement a eu lieu à 7h44.", "La conférence débute à 10 h 30.", "Fin."]),
    ("Écrivez à contact@exemple.fr. Consultez www.exemple.fr/presse. Merci.",
     ["Écrivez à contact@exemple.fr.", "Consultez www.exemple.fr/presse.", "Merci."]),
    ("Il hésita… Puis il partit... Vraiment ?! Oui.", ["Il hésita…", "Puis il partit...", "Vraiment ?!", "Oui."]),
    ("« Nous sommes prêts ! » a-t-il déclaré. La foule applaudit.", ["« Nous sommes prêts ! » a-t-il déclaré.", "La foule applaudit."]),
    ("« C'est une victoire. » Le maire a ensuite quitté la salle.", ["« C'est une victoire. »", "Le maire a ensuite quitté la salle."]),
    ("« Quelle journée ! », s'exclame-t-elle. Elle sourit.", ["« Quelle journée ! », s'exclame-t-elle.", "Elle sourit."]),
    ("Le bilan est lourd pour le foyer domestique.Consternant, le maire réagit. En 2024.La suite viendra.",
     ["Le bilan est lourd pour le foyer domestique.", "Consternant, le maire réagit.", "En 2024.", "La suite viendra."]),
    ("Le texte a été voté (il entrera en vigueur en mars.) Les députés ont applaudi.",
     ["Le texte a été voté (il entrera en vigueur en mars.)", "Les députés ont applaudi."]),
    ("Le 1er prix revient à Lyon. Le château date du XVIe s. et reste ouvert.",
     ["Le 1er prix revient à Lyon.", "Le château date du XVIe s. et reste ouvert."]),
    ("Il a dit : « Nous reviendrons (…) avec des propositions ». Puis il est parti.",
     ["Il a dit : « Nous reviendrons (…) avec des propositions ».", "Puis il est parti."]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_french_phenomena(text, expected):
    assert split_sentences(text) == expected


def test_line_breaks_always_end_a_sentence():
    text = "Perspectives de coopération renforcée\nCette rencontre a permis d'avancer.\n\nLire aussi : un autre article"
    assert split_sentences(text) == [
        "Perspectives de coopération renforcée",
        "Cette rencontre a permis d'avancer.",
        "Lire aussi : un autre article",
    ]


def test_sentences_are_verbatim_slices():
    text = "Le groupe publie ses résultats. Le chiffre d’affaires atteint 1,42 milliard d’euros !  Fin."
    for sentence in split_sentences(text):
        assert sentence in text


def test_empty_and_blank_text():
    assert split_sentences("") == []
    assert split_sentences("   \n\n ") == []


def test_words_are_the_tokens_of_word_spans():
    """`words` (ranking) and `word_spans` (phrases with their offsets) tokenise alike."""
    from summarize.text.tokens import word_spans, words

    texts = ["L'entreprise qu'il dirige, aujourd'hui, a-t-elle l’accord d’Orange ? COVID-19, 1 200,5 €.",
             "jusqu'à l'ONU : l'l'x d'' ' ’ qu’", "Pas d'élision ici 42 fois — FRANCE.NUM"]
    for text in texts:
        assert words(text) == [text[a:b] for a, b in word_spans(text)], text


def test_an_english_title_abbreviation_in_french_text_is_no_sentence_end():
    text = "C'est cette fois le président Mr. Balaudé qui a appelé la police. Les étudiants ont été évacués."
    assert split_sentences(text) == ["C'est cette fois le président Mr. Balaudé qui a appelé la police.", "Les étudiants ont été évacués."]


def test_a_sentence_a_page_broke_into_two_paragraphs_is_one_bullet():
    """"… dans le cadre du budget participatif" / "312 habitants ont voté …": the second paragraph ends the
    sentence the first left open, so the bullet is whole."""
    from summarize import summarize_text

    text = ("Le parc des Glycines rénové grâce au budget participatif\n\n"
            "Après six mois de concertation avec les associations de quartier et les conseils citoyens de la ville dans le cadre du budget participatif\n\n"
            "312 habitants ont voté pour la rénovation du parc des Glycines, qui rouvrira en septembre.\n\n"
            "Les travaux commenceront le 2 mai et coûteront 480 000 euros, financés par la ville et la métropole.\n")
    summary = summarize_text(text, language="fr").summary
    assert any(s.startswith("Après six mois") and s.endswith("en septembre.") for s in summary)


def test_a_full_stop_inside_brackets_closed_soon_after_does_not_end_the_sentence():
    """"(alem. « juristes critiques »)", "(app. LREM)": an abbreviation inside brackets; the
    sentence goes on past the closing bracket, while a bracket that closes a sentence still does."""
    text = ("Selon Lena Vogt, coordinatrice du groupe kritische Juristen (alem. « juristes critiques »), l'université "
            "filtre le réseau. Le député Paul Roche (app. LREM) a déposé une question écrite. Une phrase (entre parenthèses). "
            "Une autre.")
    assert split_sentences(text) == [
        "Selon Lena Vogt, coordinatrice du groupe kritische Juristen (alem. « juristes critiques »), l'université filtre le réseau.",
        "Le député Paul Roche (app. LREM) a déposé une question écrite.",
        "Une phrase (entre parenthèses).",
        "Une autre.",
    ]
