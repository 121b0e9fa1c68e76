"""Furniture that generalises: cover notes, greetings and signatures, pointers, markup and glued
sentences, written for kinds of release (senders and wording appear nowhere in the development set)."""

from __future__ import annotations

from summarize import split_sentences, summarize_text
from summarize.read.reading import read_bytes

HEADLINE = "La médiathèque de Morteau ouvre le dimanche à partir du 6 avril"
NEWS = [
    "La médiathèque municipale de Morteau ouvrira ses portes le dimanche de 14 heures à 18 heures à partir du 6 avril.",
    "Cette ouverture, financée pour moitié par l'État, permettra d'accueillir 400 lecteurs de plus chaque semaine.",
    "Deux agents seront recrutés pour assurer ces nouveaux horaires pendant toute l'année.",
]
POINTERS = [
    "Pour plus d'informations, rendez-vous sur le site de la ville.",
    "Le programme des animations et les horaires détaillés sont accessibles sur www.morteau-exemple.fr.",
    "Retrouvez toute l'actualité de la médiathèque sur notre page.",
]


def release_body() -> str:
    return "\n\n".join([NEWS[0], POINTERS[0], NEWS[1], POINTERS[1], NEWS[2], POINTERS[2]])


def test_a_greeting_a_cover_note_and_a_signature_are_not_the_release():
    text = ("Bonjour,\n\nVeuillez trouver ci-dessous notre communiqué de presse.\n\n" + HEADLINE + "\n\n" + release_body()
            + "\n\nCordialement,\nClaire Vuillemin\nService communication\n")
    result = summarize_text(text, sentences=4)
    assert result.title == HEADLINE
    assert result.summary == NEWS


def test_pointers_of_every_wording_are_never_bullets_while_enough_news_remains():
    result = summarize_text(HEADLINE + "\n\n" + release_body(), sentences=3)
    assert result.summary == NEWS
    # inside a paragraph, a pointer is a candidate sentence, pushed below the news (and --explain says why)
    text = HEADLINE + "\n\n" + f"{NEWS[0]}\n\n{NEWS[1]} {POINTERS[1]}\n\n{NEWS[2]}\n"
    explained = summarize_text(text, sentences=3, explain=True)
    assert explained.summary == NEWS
    reasons = {s.text: s.reasons for s in explained.scores}
    assert any("pointer" in r for r in reasons[POINTERS[1]])


def test_an_email_without_a_declared_charset_keeps_its_accents_and_its_own_headline():
    message = ("From: Claire <c@morteau-exemple.fr>\nTo: redaction@journal-exemple.fr\nSubject: CP mediatheque\n"
               "Date: Mon, 3 Mar 2025 10:00:00 +0100\n\nBonjour,\n\nVeuillez trouver ci-dessous notre communiqué.\n\n"
               + HEADLINE + "\n\n" + release_body() + "\n\nCordialement,\nClaire\n").encode("utf-8")
    raw = read_bytes(message, "cp.eml")
    assert "\ufffd" not in raw.text and "médiathèque" in raw.text
    result = summarize_text(raw.text, title=raw.headline)
    assert result.title == HEADLINE
    assert result.summary == NEWS


def test_sentences_glued_after_a_full_stop_split_and_numbered_items_keep_their_number():
    assert split_sentences("Les résultats sont bons.La direction est satisfaite.") == [
        "Les résultats sont bons.", "La direction est satisfaite."]
    assert split_sentences("1. Déposer le dossier en mairie. 2. Attendre la réponse du service.") == [
        "1. Déposer le dossier en mairie.", "2. Attendre la réponse du service."]


def test_html_comments_in_markdown_never_reach_a_bullet():
    markdown = ("---\ntitle: " + HEADLINE + "\n---\n<!--StartFragment-->\n\n<!--EndFragment-->" + NEWS[0] + "\n\n"
                + NEWS[1] + "\n\n" + NEWS[2] + "\n").encode()
    raw = read_bytes(markdown, "cp.md")
    result = summarize_text(raw.text, title=raw.headline)
    assert result.summary == NEWS


def test_inline_markup_of_a_plain_text_release_never_reaches_a_bullet():
    """A Markdown or reStructuredText source saved as .txt: links keep their words, bold marks go."""
    text = (HEADLINE + "\n\n" + "La médiathèque municipale de Morteau ouvrira ses portes le **dimanche** de 14 heures à 18 heures, "
            "selon [le calendrier voté](https://morteau-exemple.fr/conseil.pdf) en conseil municipal.\n\n"
            "Les horaires détaillés figurent dans `la délibération du conseil <https://morteau-exemple.fr/delib>`_ du 3 février.\n\n"
            + NEWS[1] + "\n")
    bullets = summarize_text(text, sentences=3).summary
    assert bullets[0] == ("La médiathèque municipale de Morteau ouvrira ses portes le dimanche de 14 heures à 18 heures, "
                          "selon le calendrier voté en conseil municipal.")
    assert not any(mark in b for b in bullets for mark in ("**", "](", ">`_", "`"))


def test_html_entities_of_markdown_are_characters_in_bullets():
    markdown = ("---\ntitle: " + HEADLINE + "\n---\n<p>La médiathèque de Morteau et l&#8217;association «&nbsp;Lire &amp; Dire&nbsp;» "
                "ouvriront le dimanche de 14 heures à 18 heures à partir du 6 avril.</p>\n\n" + NEWS[1] + "\n\n" + NEWS[2] + "\n").encode()
    raw = read_bytes(markdown, "cp.md")
    first = summarize_text(raw.text, title=raw.headline).summary[0]
    assert first.startswith("La médiathèque de Morteau et l’association « Lire & Dire » ouvriront")
    assert "&" not in first.replace("Lire & Dire", "")


def test_a_forwarding_note_and_a_lone_slogan_are_not_bullets():
    """A site that forwards another sender's release opens with a note pointing to it; a short
    exclamation standing alone under the headline is a slogan, not a sentence to quote."""
    text = ("Le club des lecteurs relaie l'annonce de la ville. Retrouvez ci-dessous le communiqué de la mairie.\n\n"
            + HEADLINE + "\n\nEnfin le dimanche à la médiathèque !\n\n" + "\n\n".join(NEWS) + "\n")
    result = summarize_text(text, sentences=4)
    assert result.title == HEADLINE
    assert result.summary == NEWS


def test_a_sentence_sending_to_a_link_is_no_bullet_and_ainsi_que_needs_the_sentence_before():
    """"… et à lire sur ce lien les mots de …", "Cliquez ici pour …" send the reader elsewhere; "Ainsi que
    le lien de …" continues a sentence it does not hold."""
    from summarize.rank.ranking import opens_with_anaphora

    links = ["Je vous invite à parcourir le programme et à lire sur ce lien les mots de la directrice de la médiathèque.",
             "Cliquez ici pour découvrir les horaires détaillés de chaque salle de lecture."]
    text = HEADLINE + "\n\n" + "\n\n".join([NEWS[0], links[0], NEWS[1], links[1], NEWS[2]]) + "\n"
    assert summarize_text(text, sentences=3).summary == NEWS
    assert opens_with_anaphora("Ainsi que le lien vers la page des horaires et un lien descriptif de l'équipe.")


def test_what_follows_the_senders_sign_off_is_the_sites_not_the_releases():
    promo = ("Ville dynamique du Haut-Doubs, Morteau offre un cadre de vie exceptionnel, avec ses écoles, ses commerces "
             "de proximité et son marché hebdomadaire, à découvrir toute l'année.")
    for sign_off in ("Votre équipe municipale", "L'équipe de la médiathèque"):
        text = HEADLINE + "\n\n" + "\n\n".join(NEWS) + f"\n\n{sign_off}\n\n{promo}\n"
        assert summarize_text(text, sentences=4).summary == NEWS, sign_off


def test_complete_sentences_come_before_list_items_even_when_too_few_are_complete():
    items = ("- la médiathèque ouvre le dimanche à partir du 6 avril de 14 heures à 18 heures\n"
             "- la médiathèque de Morteau ouvre aussi le mercredi jusqu'à 20 heures\n")
    text = (HEADLINE + "\n\n" + NEWS[0] + "\n\nLes nouveaux horaires de la médiathèque de Morteau seront les suivants :\n\n"
            + items + "\n" + NEWS[2] + "\n")
    summary = summarize_text(text, sentences=3).summary
    assert summary[0] == NEWS[0] and NEWS[2] in summary  # the two complete sentences, then one list item
    assert not any(bullet.endswith(":") for bullet in summary)


def test_a_kicker_that_names_who_speaks_and_a_paragraph_printed_twice_give_no_bullet():
    """"Déclaration de <nom>, <rôle>." opens a statement as a kicker would; a page that prints its
    first paragraph twice (a copy of a web page) must not give the same bullet twice."""
    lead = ("Révoltée par l'inertie du département face à la fermeture de trois collèges ruraux, l'association a décidé, "
            "à l'issue de la réunion de lundi, de quitter le comité de concertation.")
    others = ["Le département refuse depuis deux ans de publier l'étude sur les temps de transport des élèves.",
              "L'association demande un moratoire sur les fermetures et une réunion publique dans chaque canton."]
    text = ("Collèges ruraux : l'association quitte la concertation\n\n"
            f"Déclaration de Marie Lefort, présidente de l'association Parents du Haut-Doubs. {lead}\n\n{lead}\n\n"
            + "\n\n".join(others) + "\n")
    result = summarize_text(text, sentences=3)
    assert result.summary == [lead, *others]


def test_a_lead_printed_again_with_a_name_spelt_out_gives_one_bullet():
    """A page that prints its lead twice, once with the full name of a company ("… Tele2 …" and
    "… Tele2 Sverige AB …") or with other quotes: the second says the first again, never a second bullet."""
    lead = ("L'arrêt Loirecom rendu ce jeudi 9 mars par la cour d'appel de Nantes constitue une avancée pour les "
            "associations de riverains contre l'extension du port de commerce.")
    again = ("L’arrêt Loirecom Logistique SAS rendu ce jeudi 9 mars par la cour d’appel de Nantes constitue une avancée "
             "pour les associations de riverains contre l’extension du port de commerce.")
    others = ["La cour juge que l'étude d'impact ne mesurait pas le bruit des grues la nuit.",
              "Les travaux sont suspendus jusqu'à une nouvelle enquête publique."]
    text = ("Port de Nantes : la cour suspend l'extension\n\n" + lead + "\n\n" + again + "\n\n" + "\n\n".join(others) + "\n")
    summary = summarize_text(text, sentences=3).summary
    assert (lead in summary) != (again in summary), summary
    assert len(summary) == 3


def test_a_line_that_opens_in_lower_case_is_no_bullet_but_a_brand_opens_a_sentence():
    """Practical details run together on a cover ("vernissage jeudi 15 septembre de 18h à 21h …") or the
    tail of a line cut from its start open in lower case: never a bullet while sentences remain."""
    from summarize.rank.selection import opens_in_lower_case

    news = ["Après une résidence de deux mois, la plasticienne Inès Marchal investit la chapelle du lycée avec cinq installations.",
            "Ses œuvres, faites de verre et de cordes tendues, interrogent la mesure de l'espace et du corps.",
            "L'exposition sera ensuite présentée au centre d'art de Vitré au printemps 2026."]
    text = ("Inès Marchal à la chapelle du lycée\n\n"
            "vernissage jeudi 15 septembre de 18h à 21h en partenariat avec la Fondation Lebrun exposition du 16 septembre "
            "au 12 novembre ouverture du mercredi au samedi de 14h à 19h.\n\n" + "\n\n".join(news) + "\n")
    assert summarize_text(text, sentences=3).summary == news
    assert not opens_in_lower_case("iPhone 17 : Apple ouvre les précommandes vendredi.")
    assert not opens_in_lower_case("« Nous agissons », dit-elle.")
    assert opens_in_lower_case("et les abonnés voyageront sans supplément.")


def test_a_sentence_that_is_only_a_list_of_names_is_no_bullet():
    """A show's line-up or a letter's signatories ("Anne Roux, Karl van Dijk & Lea de Vries, …") name no
    news: the list ranks below every sentence, and --explain says why."""
    from summarize.rank.selection import is_name_list

    names = ("Anne Roux, Karl van Dijk & Lea de Vries, Mel O'Brien, Paolo Conti, Ines Garcia, Tom Weber, Sara Lind, "
             "Jonas Berg, Eva Moreau, Hugo Lenz et Clara Nilsson.")
    news = ["Le centre d'art de Vitré présente du 3 mars au 30 juin une exposition collective consacrée au verre.",
            "Huit artistes y montrent des œuvres produites pendant une résidence de deux mois dans les ateliers de la ville.",
            "Le centre accueillera aussi des ateliers pour les écoles de l'agglomération chaque mercredi."]
    text = "Le verre en partage\n\n" + news[0] + "\n\n" + names + "\n\n" + news[1] + " " + news[2] + "\n"
    result = summarize_text(text, sentences=3, explain=True)
    assert result.summary == news
    listed = next(s for s in result.scores if s.text == names)
    assert "list of names" in listed.reasons and listed.rank == len(result.scores)
    assert is_name_list("Anticor, ATTAC France, CCFD-Terre Solidaire, CFDT Journalistes, CGT Ingénieurs.")
    assert not is_name_list("Paris, Lyon, Marseille et Lille accueillent le festival.")


def test_the_sources_and_notes_of_a_release_are_not_its_body():
    """Under "Contact presse", a "Sources" or "Notes" section lists what the release cites, in
    sentences or not: none of it is a bullet, and its dates and quotes are not the release's."""
    body = ("La coopérative Terres du Lot ouvre le 4 avril une halle de producteurs à Cahors, la première du département.\n\n"
            "Vingt-deux fermes y vendront chaque semaine leurs légumes, leurs fromages et leur pain, sans intermédiaire.\n\n"
            "La halle a coûté 380 000 euros, financés pour moitié par la région et pour moitié par les coopérateurs.\n\n")
    for heading in ("## Sources", "Notes :"):
        text = (body + "Contact presse : Lucie Marty, 05 65 00 00 00\n\n" + heading + "\n\n"
                "- Article de La Dépêche, édition du 12 mars 2024 : « Une halle pour les producteurs du Lot »\n\n"
                "(1) Le rapport de la chambre d'agriculture, publié le 2 février 2023, est disponible en ligne.\n")
        result = summarize_text(text, language="fr", sentences=5)
        assert not any("Dépêche" in s or "chambre d'agriculture" in s for s in result.summary)
        assert "2023-02-02" not in [d["iso"] for d in result.facts.get("dates", [])]


def test_a_teaser_question_is_no_bullet_while_statements_remain():
    """"Votre boulangerie est-elle encore ouverte ?": a release that opens on questions to its reader
    tells the news in the sentences after them."""
    questions = "La boulangerie du coin est-elle encore ouverte ? Mon marché a-t-il lieu ce samedi ?"
    text = HEADLINE + "\n\n" + questions + "\n\n" + "\n\n".join(NEWS) + "\n"
    assert summarize_text(text, sentences=3).summary == NEWS


def test_list_items_a_layout_ran_together_are_no_bullet():
    """"Depuis Dijon : A39, sortie 5 • En train : gare de Dole": practical items joined by their
    bullet signs into one "sentence", never a bullet while sentences remain."""
    directions = "Depuis Dijon : autoroute A39, sortie 5 puis suivre le fléchage • En train : gare de Dole (ligne TER)."
    text = HEADLINE + "\n\n" + "\n\n".join(NEWS) + "\n\n" + directions + "\n\nLa médiathèque remercie ses bénévoles.\n"
    assert directions not in summarize_text(text, sentences=4).summary


def test_a_courtesy_to_the_reader_and_a_cry_are_no_bullets():
    """"N'hésitez pas à vous rapprocher de nous si …", "Thank you for your continued support of …" invite or
    thank the reader; "Be a hero !" is a cry: none is news to quote alone."""
    from summarize.rank.selection import is_pointer

    assert is_pointer("N’hésitez pas à vous rapprocher de nous si votre droit à la grève n’est pas respecté.")
    assert is_pointer("N'hésitez pas à nous contacter pour toute question.")
    assert is_pointer("Merci pour votre soutien et votre fidélité depuis dix ans.")
    assert is_pointer("Thank you for your continued support of the project as we explore this new avenue.", "en")
    assert not is_pointer("Le syndicat appelle à la grève le 1er octobre dans toutes les agences.")
    assert is_pointer("Today Ana Ruiz, founder of the Riverside cooperative, released the following statement.", "en")
    assert is_pointer("La présidente du collectif a fait la déclaration suivante :")
    assert not is_pointer("The following towns signed the charter on Monday.", "en")
    text = ("Le club de Rezé organise son tournoi annuel les 19 et 20 octobre au gymnase municipal.\n\n"
            "Plus de 400 joueurs de douze clubs de la région sont attendus sur les deux jours.\n\nBe a hero !\n\n"
            "Les inscriptions des équipes sont ouvertes jusqu'au 30 septembre auprès du secrétariat du club.\n")
    assert "Be a hero !" not in summarize_text(text).summary


def test_a_sentence_that_only_points_at_what_follows_it_is_no_bullet():
    from summarize.rank.selection import is_pointer

    assert is_pointer("Le message original étant en anglais, notre président l'a traduit en français ci-dessous : "
                      "(vous pourrez retrouver le message original à la suite de la traduction)")
    assert is_pointer("Le programme complet de la journée figure ci-après :")
    assert not is_pointer("Les horaires, détaillés ci-dessous, changent à partir du 4 mars.")


def test_a_saved_page_s_title_with_the_site_name_gives_way_to_the_headline_it_prints():
    """A text saved from a web page: its first line the page's <title> ("<headline> | <site>"), then
    "Skip to main content", a kicker and the headline alone: the headline is the title, the site's name and
    the accessibility link are no part of the output."""
    text = ("HARBOUR COUNCIL AND PORT AUTHORITY OPEN FIRST NIGHT FERRY BETWEEN THE TWO BANKS AFTER BRIDGE CLOSURE | Harbour Council\nSkip to main content\n"
            "Press Release\nHARBOUR COUNCIL AND PORT AUTHORITY OPEN FIRST NIGHT FERRY BETWEEN THE TWO BANKS AFTER BRIDGE CLOSURE\n"
            "The Harbour Council today opened a night ferry between the two banks of the river, running every "
            "thirty minutes from 11 pm to 5 am.\nThe service is free for residents holding a council card and costs "
            "two pounds for visitors.\nThe ferry replaces the night bus that was withdrawn when the bridge closed "
            "for repairs last spring.\n")
    result = summarize_text(text, language="en")
    assert result.title == "HARBOUR COUNCIL AND PORT AUTHORITY OPEN FIRST NIGHT FERRY BETWEEN THE TWO BANKS AFTER BRIDGE CLOSURE"
    assert result.title_source == "heading"
    assert not any("Skip to" in bullet or "| Harbour" in bullet for bullet in result.summary), result.summary


def test_a_saved_page_s_menu_is_no_contact_block_and_its_title_keeps_a_wrapped_headline():
    """"HOME / GET HELP / CONTACT US / ABOUT": a site's menu saved with the page, not a contact section that
    would swallow the kicker, the date and the headline under it; the page's title "<headline> - <site>"
    gives way to the headline printed below it over two lines."""
    text = ("Riverside Library Extends Opening Hours on Sundays Across All Five Branches - Riverside County Library\n"
            "HOME\nEVENTS\nCONTACT US\nABOUT\nSkip to content\nFOR IMMEDIATE RELEASE\nMonday, June 2, 2025\n"
            "Riverside Library Extends Opening Hours on Sundays\nAcross All Five Branches\n"
            "The Riverside County Library today announced that its five branches will open from 10 am to 5 pm on "
            "Sundays from July 6.\nThe new hours follow a survey in which two thirds of residents asked for weekend "
            "opening.\nSix librarians will be hired to staff the Sunday shifts.\n")
    result = summarize_text(text, language="en")
    assert result.title == "Riverside Library Extends Opening Hours on Sundays Across All Five Branches"
    assert result.summary[0].startswith("The Riverside County Library today announced")
    assert result.facts.get("date") == "2025-06-02", result.facts


def test_a_signature_of_initials_under_each_text_is_no_topic_and_no_sentence():
    text = ("# Le collectif désigne sa tête de liste\n\nLe collectif citoyen a désigné dimanche sa tête de liste pour "
            "les élections municipales de mars, à l'issue d'un vote de ses adhérents.\n\nT.M.\n\n"
            "La liste présentera son programme sur le budget municipal et les services publics le 12 janvier.\n\nJ.-P. D.\n")
    result = summarize_text(text)
    assert not any(topic in ("T.M", "T.M.", "J.-P. D.") for topic in result.topics), result.topics
    assert not any(b in ("T.M.", "J.-P. D.") for b in result.summary), result.summary


def test_an_about_section_with_its_address_and_sub_headings_of_its_own_stays_out_of_the_summary():
    """"About Acme Clinics – https://…" (the heading, the sender's address, a PDF's next line run into it) and
    a sub-heading of the About ("OUR LEGACY: …") over prose that names the sender again: all the About's,
    none a bullet, however well its sentences score."""
    body = ("# Acme Clinics Opens a Children's Heart Unit in Leeds\n\n"
            "Acme Clinics today opened a children's heart unit in Leeds, with twelve beds and two operating theatres.\n\n"
            "The unit will treat 600 children a year who now travel to London for surgery.\n\n"
            "Families will be housed free of charge in a house next to the hospital.\n\n")
    glued = body + ("About Acme Clinics – https://acme-clinics.example.org/ OUR LEGACY: CARING FOR CHILDREN FOR 40 YEARS\n\n"
                    "Acme Clinics has a network of 40 hospitals and treats children from 60 countries every year.\n")
    headed = body + ("## About Acme Clinics\n\nAcme Clinics runs 40 hospitals across the country.\n\n"
                     "## Our legacy of forty years\n\nAcme Clinics has treated children from 60 countries since 1985, "
                     "with 2,000 doctors and nurses in its hospitals.\n")
    for text in (glued, headed):
        result = summarize_text(text, sentences=5, language="en")  # room for more than the body's three sentences
        assert not any("60 countries" in b or "40 hospitals" in b for b in result.summary), result.summary
