"""The default ranker on releases (issue 13): it keeps a long lead, never gives a sentence that
points back without its antecedent, is deterministic, verbatim and in order, and says why a
sentence was pushed down."""

from __future__ import annotations

from summarize import summarize_text
from summarize.rank.ranking import SelectionParams, Sentence, opens_with_anaphora, select

from .conftest import assert_verbatim_in_order

TITLE = "La métropole de Lyon lance un réseau de 40 stations de vélos cargo en libre-service"
LEAD = ("La métropole de Lyon a lancé ce lundi 3 mars, à Villeurbanne, le premier réseau français de vélos cargo "
        "en libre-service, avec 40 stations et 400 vélos à assistance électrique répartis dans neuf communes, "
        "un service ouvert à tous les habitants dès 1 euro la demi-heure et financé à hauteur de 12 millions d’euros.")
BODY = [
    "Les vélos peuvent transporter deux enfants ou 80 kilos de courses.",
    "Elle précise que les stations seront ouvertes jour et nuit.",
    "Les stations sont installées près des écoles et des marchés.",
    "Un abonnement annuel coûte 60 euros.",
    "Le service sera évalué au bout d’un an par un comité d’usagers.",
    "Les communes voisines pourront demander de nouvelles stations.",
]


def release() -> str:
    return f"COMMUNIQUÉ DE PRESSE\n\n{TITLE}\n\nLyon, le 3 mars 2025\n\n{LEAD}\n\n" + "\n".join(BODY) + "\n"


def test_a_long_lead_is_kept():
    assert len(LEAD.split()) > 2 * max(len(s.split()) for s in BODY)
    for count in (1, 2, 3):
        result = summarize_text(release(), sentences=count)
        assert result.summary[0] == LEAD, count


def test_a_sentence_that_points_back_is_not_chosen_alone():
    assert opens_with_anaphora("Elle précise que les stations seront ouvertes.")
    assert opens_with_anaphora("Ce dernier a confirmé la date.") and opens_with_anaphora("Y sont attendus 300 élus.")
    assert not opens_with_anaphora("Il y a 40 stations.") and not opens_with_anaphora("Le service ouvre lundi.")
    texts = ["La ville ouvre une crèche.", "Elle accueillera 60 enfants dès lundi.", "Le quartier attendait ce service."]
    sentences = [Sentence(i, t, i, 0, stems=[str(i)], word_count=len(t.split())) for i, t in enumerate(texts)]
    scores = [0.1, 0.9, 0.5]  # the pronoun sentence scores best
    standalone = SelectionParams(standalone=True)
    assert select(sentences, scores, 1, standalone) == [2]
    assert select(sentences, scores, 2, standalone) == [0, 2]  # "Elle" waits for "La ville", which is not chosen first
    assert select(sentences, scores, 1) == [1]  # without the rule it would be chosen alone
    for count in range(1, len(BODY) + 2):
        result = summarize_text(release(), sentences=count)
        for sentence in result.summary:
            if opens_with_anaphora(sentence):
                everything = [LEAD, *BODY]
                before = everything[everything.index(sentence) - 1]
                assert before in result.summary, (count, sentence)


def test_deterministic_verbatim_and_in_order(samples):
    for path in samples:
        text = path.read_text(encoding="utf-8", errors="replace")
        first = summarize_text(text, sentences=3)
        assert summarize_text(text, sentences=3).summary == first.summary
        assert_verbatim_in_order(first.summary, text)


def test_explain_gives_the_reason_a_sentence_was_pushed_down():
    result = summarize_text(release(), sentences=1, explain=True)
    by_text = {s.text: s for s in result.scores}
    pointing = by_text[BODY[1]]
    assert not pointing.selected and any(r.startswith("anaphora") for r in pointing.reasons)
    assert by_text[LEAD].selected
    three = summarize_text(release(), sentences=3, explain=True)
    data = three.to_dict()["scores"]
    assert all("reasons" in s for s in data)


def test_a_sentence_that_holds_a_chosen_one_whole_is_no_second_bullet():
    """A release that says its lead again in the body with a list added ("Avec X, les utilisateurs …" /
    "Grâce à X, les utilisateurs … de type factures, …, pour …"): the longer one says the chosen one again."""
    lead = ("Avec Cozy Store, les utilisateurs connectent en un clic leur cloud à plus de cent services en ligne "
            "afin d'importer automatiquement leurs données et de simplifier leur vie numérique.")
    longer = ("Grâce à Cozy Store, les utilisateurs connectent en un clic leur cloud à plus de cent services en ligne "
              "afin d'importer automatiquement leurs données, factures, relevés bancaires, contrats d'assurance, playlists, "
              "historiques de santé et fiches de paie, et de simplifier leur vie numérique.")
    other = "Les développeurs peuvent proposer leurs propres connecteurs dans la boutique dès le mois prochain."
    texts = [lead, longer, other]
    stems = [set(summarize_text(t, sentences=1, topics=0).body_text.lower().replace(",", " ").replace(".", " ").split()) for t in texts]
    sentences = [Sentence(i, t, i, 0, stems=sorted(s), word_count=len(t.split())) for i, (t, s) in enumerate(zip(texts, stems, strict=True))]
    params = SelectionParams(redundancy=0.2, standalone=True)
    assert select(sentences, [0.9, 0.8, 0.1], 2, params) == [0, 2]


def test_two_long_sentences_that_share_half_their_words_are_not_both_bullets():
    """"… le groupe s'est lancé dans un Marathon de l'open data en octobre : chaque jour, un nouveau jeu de
    données …" and "Depuis le 1er octobre, le groupe s'est lancé dans un Marathon … chaque jour un jeu de
    données …" say one thing twice, in other words than a repeat."""
    words = [f"mot{i}" for i in range(30)]
    first = Sentence(0, "Première phrase.", 0, 0, stems=words[:16], word_count=20)
    second = Sentence(1, "Deuxième phrase.", 1, 0, stems=words[5:23], word_count=22)  # 11 of 23 shared
    third = Sentence(2, "Troisième phrase.", 2, 0, stems=["autre", "chose", "dite"], word_count=12)
    params = SelectionParams(redundancy=0.2, standalone=True)
    assert select([first, second, third], [0.9, 0.8, 0.1], 2, params) == [0, 2]
