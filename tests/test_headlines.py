"""The release's own headline as title: never a kicker, a date, a dateline, a credit or a contact line.

Each case is written for a kind of release, with senders and wording that appear nowhere in the
development set, so that a rule written for one sender would fail here."""

from __future__ import annotations

from summarize import summarize_text

BODY = ("La communauté de communes du Val de Saône ouvre le 3 mars un réseau de douze bornes de recharge "
        "pour vélos électriques, installées dans les gares et les mairies de ses huit villages.\n\n"
        "Le projet a coûté 84 000 euros, dont la moitié est prise en charge par la région, et les bornes "
        "seront gratuites pendant la première année.\n\n"
        "La collectivité compte sur ce réseau pour doubler en deux ans le nombre de trajets quotidiens à vélo.\n")
HEADLINE = "Le Val de Saône ouvre douze bornes de recharge pour vélos électriques"


def title_of(text: str, known: str | None = None) -> tuple[str | None, str | None]:
    result = summarize_text(text, title=known)
    return result.title, result.title_source


def test_a_kicker_given_as_the_format_title_gives_way_to_the_headline():
    text = f"# Communiqué de presse\n\n{HEADLINE}\n\n{BODY}"
    assert title_of(text, "Communiqué de presse") == (HEADLINE, "heading")


def test_a_date_or_a_dateline_is_never_the_title():
    for opening in ("# Le 12 Février 2019", "# 3 et 4 mars 2025", "## — 28 février 2025", "- 3 mars 2025",
                    "Dijon, le 28 février 2025", "Louhans (Saône-et-Loire) – 28 février 2025",
                    "# February 28, 2025", "Chalon, ST — February 2025"):
        title, source = title_of(f"{opening}\n\n## {HEADLINE}\n\n{BODY}")
        assert title == HEADLINE, opening
        assert source == "heading"


def test_a_kicker_led_front_matter_title_gives_way_to_the_texts_own_headline():
    markdown = (f"---\ntitle: CP - BORNES VÉLO DU VAL DE SAÔNE\n---\n# {HEADLINE}\n\n{BODY}").encode()
    raw = read_text_bytes(markdown, "bornes.md")
    assert summarize_text(raw.text, title=raw.headline).title == HEADLINE


def test_a_front_matter_title_that_names_the_kind_of_statement_gives_way_to_the_headline():
    """"Appel du Conseil syndical de …" says what the document is and who sends it; the headline is the text's."""
    for label in ("Appel du Conseil syndical de la Fédération des transports", "Déclaration commune des maires du Val de Saône",
                  "Open letter of the cycling associations"):
        markdown = (f"---\ntitle: {label}\n---\n### {HEADLINE}\n\n{BODY}").encode()
        raw = read_text_bytes(markdown, "appel.md")
        assert summarize_text(raw.text, title=raw.headline).title == HEADLINE, label


def test_the_senders_name_set_as_a_heading_above_the_headline_is_letterhead():
    """A PDF or page that sets the sender's name ("Association …", "Comité de soutien à …") as a heading
    above the kicker or under it, then the headline: the name is letterhead, not the title."""
    for head in ("## Association des Amis du Val\n\n# Communiqué de presse\n\nDate : 3 mars 2025",
                 "# Communiqué de presse\n\n## Comité de soutien aux cyclistes du Val",
                 "## Collectif Vélo Saône\n\nDijon, le 3 mars 2025"):
        title, source = title_of(f"{head}\n\n## {HEADLINE}\n\n{BODY}", "Communiqué de presse")
        assert (title, source) == (HEADLINE, "heading"), head


def test_an_english_senders_name_over_the_headline_is_letterhead_too():
    body = ("The Riverside Cycling Club opens twelve charging points for electric bikes in the village halls on March 3. "
            "The network cost 84,000 dollars, half of it paid by the county.\n\n"
            "The club hopes to double the number of daily bike trips within two years.\n")
    headline = "Riverside opens twelve charging points for electric bikes"
    for sender in ("Riverside Cycling Association", "The Friends' Support Committee"):
        result = summarize_text(f"# Press release\n\n## {sender}\n\n## {headline}\n\n{body}", title="Press release")
        assert result.title == headline, sender
    result = summarize_text(f"# {headline} as the Town Council\n\n{body}")
    assert result.title == f"{headline} as the Town Council"


def test_a_headline_cut_after_an_article_or_a_preposition_goes_on_on_the_next_line():
    for first, second in (("Le Val de Saône ouvre douze bornes de recharge pour les", "vélos électriques de ses huit villages"),
                          ("Riverside opens twelve charging points in the", "Village Halls of the Upper Valley"),
                          ("Riverside Opened Twelve Charging Points but", "Left the Upper Valley Without One"),  # a conjunction too
                          ("Le Val de Saône ouvre douze bornes de recharge mais", "Oublie les Villages du Plateau")):
        text = f"{first}\n{second}\n\n{BODY}"
        assert title_of(text)[0] == f"{first} {second}", first


def test_a_senders_name_followed_by_the_kind_of_document_is_no_headline():
    for label in ("Collectif Vélo Saône : Communiqué de presse", "Val de Saône — Press release"):
        title, source = title_of(f"# Vélo\n\n## {label}\n\n## {HEADLINE}\n\n{BODY}", "Vélo")
        assert (title, source) == (HEADLINE, "heading"), label


def test_a_body_that_names_its_sender_in_the_headline_keeps_it():
    headline = "Association des Amis du Val : douze bornes de recharge pour vélos"
    assert title_of(f"# {headline}\n\n{BODY}")[0] == headline


def test_a_date_behind_a_bar_or_a_dash_is_cut_off_the_title():
    for dated in (f"{HEADLINE} | MARS 2025", f"{HEADLINE} – 3 mars 2025", f"{HEADLINE} (03/03/2025)"):
        assert title_of(f"# {dated}\n\n{BODY}", dated)[0] == HEADLINE, dated


def test_a_short_site_label_gives_way_to_a_headline_that_opens_the_text():
    markdown = (f"---\ntitle: Mobilité douce\n---\n# {HEADLINE}\n\n{BODY}").encode()
    raw = read_text_bytes(markdown, "label.md")
    assert summarize_text(raw.text, title=raw.headline).title == HEADLINE


def test_a_kicker_led_line_is_the_title_without_its_kicker_when_nothing_better_shows():
    assert title_of(f"[Communiqué] {HEADLINE}\n\n{BODY}")[0] == HEADLINE
    assert title_of(f"Press release — {HEADLINE}\n\n{BODY}")[0] == HEADLINE


def test_a_headline_set_on_two_lines_in_capitals_is_whole():
    text = "## DÉLIBÉRATIONS DU CONSEIL COMMUNAUTAIRE\n## DU JEUDI 27 FÉVRIER 2025\n\n" + BODY
    assert title_of(text)[0] == "DÉLIBÉRATIONS DU CONSEIL COMMUNAUTAIRE DU JEUDI 27 FÉVRIER 2025"


def test_a_sub_heading_that_starts_with_a_linking_word_is_not_glued_to_the_title():
    text = f"{HEADLINE}\n\nPour diffusion immédiate -- 2025-02-28\n\n{BODY}"
    assert title_of(text)[0] == HEADLINE


def test_credit_contact_and_link_lines_are_never_the_title():
    for opening in ("Jeanne Morel – CC-BY-SA 4.0", "Service communication - Paul Vernet paul.vernet@valdesaone-exemple.fr",
                    "https://valdesaone-exemple.fr/mobilite"):
        assert title_of(f"{opening}\n\n{HEADLINE}\n\n{BODY}")[0] == HEADLINE, opening


def test_a_release_without_a_headline_says_so_instead_of_promoting_its_kicker():
    title, source = title_of(f"COMMUNIQUÉ DE PRESSE\n\n{BODY}")
    assert source == "first_sentence"
    assert not title.lower().startswith("communiqué")


def test_markdown_whose_body_is_raw_html_keeps_its_front_matter_title():
    html_body = "".join(f"<p>{p}</p>\n" for p in BODY.split("\n\n") if p.strip())
    markdown = (f"---\nlayout: post\ntitle: \"{HEADLINE}\"\n---\n<h1>Le 12 Février 2019</h1>\n<div>\n{html_body}</div>\n"
                "<p><strong>Contact</strong> : <em>presse</em></p><ul><li>a</li><li>b</li></ul>\n").encode()
    raw = read_text_bytes(markdown, "raw-html.md")
    assert raw.headline == HEADLINE
    assert summarize_text(raw.text, title=raw.headline).title == HEADLINE


def read_text_bytes(data: bytes, name: str):
    from summarize.read.reading import read_bytes

    return read_bytes(data, name)


def test_a_kicker_that_only_names_its_sender_is_no_headline():
    title, source = title_of(f"Communiqué de l'Union des Commerçants\n\n{BODY}")
    assert source == "first_sentence"
    title, source = title_of(f"# Communiqués officiels de l'UCV\n\n## {HEADLINE}\n\n{BODY}", "Communiqués officiels de l'UCV")
    assert (title, source) == (HEADLINE, "heading")  # a plural kicker too


def test_an_underlined_heading_and_its_fields_are_not_an_end_mark():
    """reStructuredText and setext Markdown underline the title ("####", "===="): the rule is no
    "###" end mark, and the field lines under the title (":date: …") are metadata, not body."""
    for rule in ("#" * len(HEADLINE), "=" * len(HEADLINE), "-" * 12):
        text = f"{HEADLINE}\n{rule}\n\n:date: 2025-02-28\n:author: Service communication\n\n{BODY}"
        result = summarize_text(text)
        assert result.title == HEADLINE, rule
        assert len(result.summary) == 3 and all(":" not in s[:8] for s in result.summary), rule


def test_a_dateline_opening_the_paragraph_after_the_standfirst_is_cut_off():
    standfirst = "Douze bornes gratuites pendant un an dans les gares et les mairies du territoire."
    text = f"{HEADLINE}\n\n{standfirst}\n\nLouhans, SL - 28 février 2025 - {BODY}"
    result = summarize_text(text, sentences=4)
    assert result.facts["dateline"]["place"].startswith("Louhans")
    assert not any(s.startswith("Louhans") for s in result.summary)


def test_a_dateline_with_en_date_du_gives_the_date_and_leaves_the_lead():
    """"WELLAND, En date du 04 juillet 2023, SOFIFRAN a …": a Canadian association's dateline wording."""
    text = f"{HEADLINE}\n\nLOUHANS, En date du 28 février 2025, {BODY}"
    result = summarize_text(text, sentences=3)
    assert result.facts["date"] == "2025-02-28" and result.facts["dateline"]["place"] == "LOUHANS"
    assert not any(s.startswith(("LOUHANS", "En date")) for s in result.summary)


def test_a_bold_standfirst_under_the_headline_is_the_lead_even_without_a_full_stop():
    standfirst = "Douze bornes gratuites pendant un an dans les gares et les mairies des huit villages"
    markdown = (f"# {HEADLINE}\n\n**{standfirst}**\n\n{BODY}").encode()
    raw = read_text_bytes(markdown, "chapeau.md")
    result = summarize_text(raw.text, title=raw.headline, sentences=3, explain=True)
    assert result.summary[0] == standfirst
    assert not result.scores[0].reasons or "incomplete" not in " ".join(result.scores[0].reasons)
    # a short label or a lead-in announcing a list is no standfirst
    for opening in ("**Chiffres clés**", "**Trois mesures sont prévues :**"):
        raw = read_text_bytes((f"# {HEADLINE}\n\n{opening}\n\n{BODY}").encode(), "label.md")
        assert summarize_text(raw.text, title=raw.headline).summary[0] != opening.strip("*")


def test_an_english_sub_headline_in_title_case_is_a_heading_not_a_standfirst():
    """A sub-headline set in title case under the headline has no full stop either, but no sentence
    capitalises every long word: it is not the lead and never a bullet."""
    sub = "Harbour Trust Calls on Councils to Fund Reading Rooms in Every District Library"
    body = ("Portland, ME – On Tuesday, the Harbour Reading Trust pledged 2 million dollars to reopen eleven reading rooms "
            "closed since 2020 in the county's district libraries.\n\nThe first three rooms will open in March, with "
            "evening hours for students and shift workers.\n\nThe trust expects the remaining rooms to open before the end of 2026.\n")
    raw = read_text_bytes(f"# Harbour Trust Pledges $2 Million to Reopen Library Reading Rooms\n\n**{sub}**\n\n{body}".encode(), "sub.md")
    result = summarize_text(raw.text, title=raw.headline, sentences=3)
    assert sub not in result.summary
    assert result.summary[0].startswith("On Tuesday, the Harbour Reading Trust pledged")


def test_a_credit_line_closing_on_a_date_under_the_headline_is_no_standfirst():
    """"Un ouvrage de … Éditions du Port – Parution mars 2025" under a book's title: no full stop, but a
    line that closes on a date is a credit or a dateline, not the lead."""
    credit = "Un ouvrage de Claire Vasseur et Paul Ender avec les conseils de Léa Morin Éditions du Port – Parution mars 2025"
    text = f"# {HEADLINE}\n\n{credit}\n\n{BODY}"
    result = summarize_text(text, title=HEADLINE, sentences=3)
    assert credit not in result.summary
    assert result.summary[0].startswith("La communauté de communes du Val de Saône ouvre")


def test_a_headline_closing_on_a_quoted_name_under_the_senders_heading_is_the_title():
    """Kicker, the sender's name as a heading, then "Verdict de l'enquête « Port-Neuf »" (no full stop
    inside the quote marks: a title, not a sentence) and the dateline."""
    text = ("# Communiqué de presse\n## Collectif de défense du marais Saint-Roch\nVerdict de l'enquête « Port-Neuf »\n"
            "## Rochefort, le 3 mars 2025\n" + BODY)
    assert title_of(text, "Communiqué de presse") == ("Verdict de l'enquête « Port-Neuf »", "heading")


def test_a_titles_site_tags_a_scrap_or_a_signature_are_never_the_headline():
    """"Fête des vendanges 2025 - #annulations" keeps its words, not the site's tag; a line opening on
    punctuation (a logo's letters: ",CON …") and a title of address with a name ("Dr P. MARCEAU") are
    no headlines."""
    assert title_of(f"# Fête des vendanges 2025 - #annulations #agenda\n\n{BODY}")[0] == "Fête des vendanges 2025"
    # a hashtag the headline's own words lead to is part of it
    assert title_of(f"# Les clubs de rugby du Tarn s'engagent pour #plusdesport\n\n{BODY}")[0] == \
        "Les clubs de rugby du Tarn s'engagent pour #plusdesport"
    for line in (",CON UNION DES VIGNERONS DU JURA", "Dr P. MARCEAU", "Mme Léa Vernier"):
        assert title_of(f"{line}\n\n{HEADLINE}\n\n{BODY}") == (HEADLINE, "heading")


def test_a_sidebar_of_member_bodies_read_before_the_kicker_stays_out_of_the_summary():
    """A PDF's left column lists the federation's members (an acronym, its name, its delegate) and
    comes out before the "COMMUNIQUÉ" kicker and the release's prose: none of it is a bullet."""
    members = []
    for acronym, name, person in (("SVJ", "Syndicat des vignerons du Jura", "Dr A. Morel"), ("FPC", "Fédération des producteurs de comté", "Dr B. Roux"),
                                  ("UAJ", "Union des apiculteurs du Jura", "Dr C. Petit"), ("SEJ", "Syndicat des éleveurs jurassiens", "Dr D. Faure"),
                                  ("CAJ", "Collectif des artisans du Jura", "Dr E. Blanc")):
        members += [f"Président ª {acronym} : {name} avec ses délégués des cantons du Haut-Jura et du Revermont", person]
    text = "\n".join(["# FÉDÉRATION AGRICOLE DU JURA", *members, "Le 3 mars 2025", "## COMMUNIQUÉ", BODY.replace("\n\n", "\n")])
    result = summarize_text(text, sentences=3)
    assert not any("ª" in bullet or bullet.startswith(("Président", "Dr ")) for bullet in result.summary)
    lead = "La communauté de communes du Val de Saône"  # the lead, as the title (a whole first sentence) or the first bullet
    assert result.title.startswith(lead) or result.summary[0].startswith(lead)


def test_a_sidebar_of_practical_details_and_a_contact_line_are_not_the_headline():
    """An event release laid out with a sidebar ("Date" / its value, "Lieu" / an address) and a contact
    line above the headline set in capitals over two lines."""
    text = ("## Date\n12 & 13 avril 2025\n## Lieu\nSalle des fêtes\n14 rue des Tanneurs 25500 Morteau\n## Public\n"
            "Familles et curieux de tous âges\n# Communiqué de presse\nAgence Horizon - Léa Vernier lea.vernier@horizon-exemple.fr\n"
            "SALON DU LIVRE DE MORTEAU :\nLA 12E ÉDITION ACCUEILLE 80 AUTEURS !\n"
            "Morteau le 2 mars 2025 – Le salon du livre de Morteau réunira les 12 et 13 avril quatre-vingts auteurs "
            "et une trentaine d'éditeurs de la région.\n\nL'entrée sera gratuite pour la première fois depuis sa création.\n")
    result = summarize_text(text, sentences=2)
    assert result.title == "SALON DU LIVRE DE MORTEAU : LA 12E ÉDITION ACCUEILLE 80 AUTEURS !"
    assert result.summary[0].startswith("Le salon du livre de Morteau réunira")
    assert result.facts["dateline"]["place"] == "Morteau"


def test_a_sentence_that_names_a_date_is_no_dateline():
    text = (f"{HEADLINE}\n\nLe président du syndicat a annoncé le 3 mars 2025 – devant les élus réunis – la fin des travaux. "
            "Les bornes seront mises en service dans la foulée.\n")
    result = summarize_text(text, sentences=2)
    assert result.facts.get("dateline") is None
    assert result.summary[0].startswith("Le président du syndicat a annoncé le 3 mars 2025")


def test_a_date_opening_a_sentence_before_a_comma_is_no_dateline():
    """"Le samedi 8 mars 2025, la communauté…" and "Mardi 4 mars, le syndicat…" open sentences: the date stays in them."""
    for opening in ("Le samedi 8 mars 2025, la communauté de communes", "Mardi 4 mars, la communauté de communes",
                    "La communauté de communes, samedi 8 mars, a choisi de"):
        text = f"{HEADLINE}\n\n{opening} inaugure douze bornes de recharge pour vélos électriques dans ses villages.\n\n{BODY}"
        result = summarize_text(text, sentences=4)  # every sentence, in the order of the text
        assert result.facts.get("dateline") is None, opening
        assert result.summary[0].startswith(f"{opening} inaugure"), opening


def test_a_dateline_with_a_place_before_a_comma_is_still_cut_off():
    text = f"{HEADLINE}\n\nDijon, le 8 mars 2025, La communauté de communes inaugure douze bornes de recharge dans ses villages.\n\n{BODY}"
    result = summarize_text(text, sentences=4)
    assert result.facts["dateline"]["place"] == "Dijon"
    assert result.summary[0].startswith("La communauté de communes inaugure")


def test_the_headline_repeated_in_bold_under_itself_is_not_a_bullet():
    markdown = (f"---\ntitle: Mobilité\n---\n# **{HEADLINE}**\n\n**{HEADLINE}**\n\n{BODY}").encode()
    raw = read_text_bytes(markdown, "repeat.md")
    result = summarize_text(raw.text, title=raw.headline)
    assert result.title == HEADLINE
    assert HEADLINE not in result.summary


def test_a_title_derived_from_the_first_sentence_is_whole_when_it_reads_as_a_headline():
    short = "La mairie de Louhans ferme sa piscine pour travaux du 3 au 28 mars."
    result = summarize_text(f"COMMUNIQUÉ\n\n{short} {BODY}")
    assert (result.title, result.title_source) == (short.rstrip("."), "first_sentence")
    whole = summarize_text(f"COMMUNIQUÉ\n\n{BODY}")  # 31 words: a sentence reads as a title, a cut one does not
    assert whole.title == BODY.split(".")[0] and whole.title_source == "first_sentence"
    very_long = ("La communauté de communes du Val de Saône, qui regroupe huit villages et deux gares, ouvre le 3 mars "
                 "un réseau de douze bornes de recharge pour vélos électriques, installées dans les gares, les mairies, "
                 "les écoles et les salles des fêtes de ses villages.")
    long_first = summarize_text(f"COMMUNIQUÉ\n\n{very_long}\n\n{BODY}")
    assert long_first.title.endswith("…") and len(long_first.title.split()) <= 15


def test_a_long_headline_without_a_blank_line_under_it_and_a_date_above_it():
    """A PDF's text layer gives lines without blank lines: a long headline stands right above the
    prose, with a kicker, a contact line and a date (in English here) above it."""
    headline = ("La communauté de communes du Val de Saône ouvre douze bornes de recharge pour vélos électriques "
                "dans ses gares et ses mairies")
    text = ("# PRESS RELEASE\nPrepared by Léa Vernier (lea.vernier@valdesaone-exemple.fr)\nFebruary 27, 2025\n"
            + headline + "\n" + BODY.replace("\n\n", "\n"))
    result = summarize_text(text)
    assert (result.title, result.title_source) == (headline, "heading")
    assert not any("2025" == s[-4:] for s in result.summary)


def test_a_heading_whose_only_change_is_a_trailing_link_cut_does_not_break_the_reading():
    """Found by the fuzzer: a first heading ending in a link, nothing set aside before it. Cutting
    the link changed the line without joining a next one; the structure stage then relabelled an
    entry that did not exist (IndexError)."""
    text = "# Ti" + "X" * 60 + "ien](https://x.ras** et [lienc(https://x.fr).\nj- point\n"
    result = summarize_text(text).to_dict()
    assert result["title"] and "https://x.fr" not in result["title"]


def test_a_date_the_release_speaks_as_of_is_a_dateline_not_the_headline():
    """"Au 3 mars 2026" on a line of its own, under the kicker: the date of an update, never a title."""
    result = summarize_text(f"COMMUNIQUÉ DE PRESSE\n\nAu 3 mars 2026\n\n{HEADLINE}\n\n{BODY}", language="fr")
    assert result.title == HEADLINE
    assert result.facts.get("date") == "2026-03-03"
    assert not any("Au 3 mars" in s for s in result.summary)


def test_a_format_title_that_is_the_kicker_its_sender_and_a_date_is_no_headline():
    """"Communiqué du Val de Saône -- 2026-03-03" as the page's title: kicker, sender and date, no news."""
    title, source = title_of(BODY, known="Communiqué du Val de Saône -- 2026-03-03")
    assert source == "first_sentence" and not title.startswith("Communiqué")


def test_a_numbered_or_two_language_kicker_before_the_headline_is_cut_off():
    for kicker in ("1. Communiqué de presse : ", "PRESS RELEASE / COMMUNIQUÉ DE PRESSE: "):
        assert title_of(BODY, f"{kicker}{HEADLINE}")[0] == HEADLINE, kicker


def test_a_design_or_photo_credit_line_is_never_the_title():
    for opening in ("Design Credit: Studio Lumen/Atelier Nord", "Crédits photos : Ville de Louhans"):
        assert title_of(f"# {opening}\n\n{BODY}")[0] != opening, opening


def test_a_headline_that_opens_on_a_quoted_name_is_a_headline_but_a_quote_is_not():
    quoted = "« Vélo Val de Saône » : douze bornes de recharge dans les villages"
    assert title_of(f"# Communiqué de presse\n\n# {quoted}\n\n{BODY}")[0] == quoted
    from summarize.text.headline import NOT_HEADLINE, headline_verdict

    assert headline_verdict("« Nous sommes fiers de ce réseau de bornes »") == NOT_HEADLINE
    assert headline_verdict("« Nous sommes fiers », déclare la présidente") == NOT_HEADLINE


def test_a_site_notice_above_a_pages_headline_is_no_bullet_but_a_lead_above_a_heading_is():
    """A web page prints a notice above every headline ("Le 1er juillet, l'Agence est devenue l'Office…
    Pour de plus amples renseignements, consultez la page…"): above the page's <h1> it is furniture.
    A front matter's lead set above the heading ("description: …") sends nowhere: it stays the lead."""
    notice = ("Le 1er juillet, l’Agence régionale de l’eau est devenue l’Office de l’eau du Jura. Pour de plus amples "
              "renseignements, consultez la page d’information sur la réforme.")
    html = (f"<html><body><main><div class='alert'><p>{notice}</p></div><h1>{HEADLINE}</h1><p>{BODY}</p>"
            "</main></body></html>").encode()
    raw = read_text_bytes(html, "page.html")
    result = summarize_text(raw.text, title=raw.headline, sentences=3)
    assert result.title == HEADLINE and not any("Agence régionale" in bullet for bullet in result.summary), result.summary
    lead = "Les habitants pourront recharger gratuitement leur vélo pendant un an, annonce la présidente de la communauté."
    raw = read_text_bytes(f"---\ntitle: {HEADLINE}\ndescription: \"{lead}\"\n---\n\n# {HEADLINE}\n\n{BODY}\n".encode(), "post.md")
    assert lead in summarize_text(raw.text, title=raw.headline, sentences=3).summary


def test_the_kind_of_document_in_several_languages_or_a_language_label_is_no_headline():
    """A letterhead that names the kind of document in three languages ("premsa | prensa | press"), or a
    heading that only says which language follows ("Version FR"), stands where the headline would."""
    for label in ("premsa | prensa | press", "Communiqué de presse / Pressemitteilung", "Version FR", "English version"):
        title, source = title_of(f"## {label}\n\n## {HEADLINE}\n\n{BODY}")
        assert (title, source) == (HEADLINE, "heading"), label
        title, source = title_of(f"## {label}\n\n{BODY}")
        assert source == "first_sentence", label


def test_a_senders_name_over_the_first_sentence_is_letterhead_of_a_release_without_headline():
    for sender in ("Fondation des Amis du Val", "Riverside Cycling Foundation"):
        title, source = title_of(f"{sender}\n{BODY}")
        assert source == "first_sentence" and title.startswith("La communauté de communes"), sender


def test_a_note_that_a_translation_follows_is_no_headline():
    for label in ("ENGLISH VERSION BELOW", "Version anglaise ci-dessous"):
        title, source = title_of(f"## {label}\n\n{BODY}")
        assert source == "first_sentence", label


def test_a_short_name_in_capitals_over_a_contact_line_is_letterhead():
    """A PDF that opens on the sender's name in capitals, its contact and a date, then the release's
    first sentence: the name is letterhead, and the release has no headline of its own."""
    text = "LES AMIS DU VAL\nCONTACT: Léa Vernier\nPHONE: 03 85 00 00 00\nMarch 3, 2025\n" + BODY.replace("\n\n", "\n")
    title, source = title_of(text)
    assert source == "first_sentence" and title.startswith("La communauté de communes")
    title, source = title_of(f"LES AMIS DU VAL OUVRENT DOUZE BORNES\n\n{BODY}")  # a headline in capitals stays one
    assert source == "heading"


def test_a_dateline_of_a_city_in_capitals_without_date_is_furniture_in_french_too():
    """"SHERBROOKE, Québec - L'association …", "LIÈGE, BE L'association …": a foreign newsroom's dateline
    without its date opens the first paragraph; the place is kept, the sentence starts after it."""
    for dateline in ("SHERBROOKE, Québec - ", "LIÈGE, BE "):
        result = summarize_text(f"# {HEADLINE}\n\n{dateline}{BODY}")
        assert result.summary[0].startswith("La communauté de communes"), result.summary
        assert result.facts.get("place") in ("Sherbrooke", "Liège"), result.facts


def test_an_immediate_release_kicker_without_accent_is_no_part_of_the_headline():
    """"POUR PUBLICATION IMMEDIATE" (capitals lose their accents) over the headline in capitals."""
    text = f"POUR PUBLICATION IMMEDIATE\n\n{HEADLINE.upper()}\n\n{BODY}"
    assert title_of(text)[0] == HEADLINE.upper()


def test_a_translation_of_the_headline_in_another_script_is_cut_off():
    known = f"{HEADLINE} - Долина Соны открывает двенадцать зарядных станций"
    assert title_of(f"# {known}\n\n{BODY}")[0] == HEADLINE
    assert title_of(f"# {HEADLINE} - Val de Saône\n\n{BODY}")[0] == f"{HEADLINE} - Val de Saône"  # same script: kept


def test_a_cms_label_before_a_posts_title_is_a_kicker():
    assert title_of(BODY, f"Release: {HEADLINE}")[0] == HEADLINE


def test_a_template_line_is_markup_never_a_title_or_a_bullet():
    """A wiki's template ("{{ Page à traduire }}"), a site generator's tag ("{% include gallery … %}"), the links
    to a page's other languages ("[[:en:…|EN]] / [[:de:…|DE]]"): markup a reader never sees as text."""
    text = ("{{ Page à traduire }}\n" + HEADLINE + "\n\n[[:en:Bornes|EN]] / [[:de:Ladestationen|DE]]\n\n" + BODY
            + '\n{% include gallery id="bornes" caption="Les bornes de la gare" %}\n')
    result = summarize_text(text)
    assert result.title == HEADLINE
    assert not any("{" in line or "[[" in line for line in result.summary), result.summary


def test_a_headline_opening_on_a_quoted_name_and_its_apposition_is_a_headline():
    """"« Bornes vertes », un réseau de douze bornes …": a quoted name then an apposition, not someone's words
    ("« Nous sommes fiers », déclare la maire." stays a quotation)."""
    from summarize.text.headline import HEADLINE as VERDICT
    from summarize.text.headline import NOT_HEADLINE, headline_verdict

    headline = "« Bornes vertes », un réseau de douze bornes de recharge pour les vélos du Val de Saône."
    assert headline_verdict(headline) == VERDICT
    assert headline_verdict("« Nous sommes fiers », déclare la maire.") == NOT_HEADLINE
    assert title_of(f"## {headline}\n\n{BODY}")[0] == headline


def test_the_kind_of_document_and_its_senders_name_is_no_headline():
    """A site's page title "Communiqué DRAC Bourgogne" or "Press release Acme Robotics": the kicker and the
    sender, without a preposition; the body's own headline is the title."""
    for known in ("Communiqué DRAC Bourgogne", "Communiqué de presse Val de Saône", "Press release Acme Robotics"):
        assert title_of(f"## {HEADLINE}\n\n{BODY}", known)[0] == HEADLINE, known


def test_a_post_s_byline_of_author_and_date_is_no_headline():
    from summarize.text.headline import HEADLINE, NOT_HEADLINE, headline_verdict

    assert headline_verdict("Admin | April 1, 2025") == NOT_HEADLINE
    assert headline_verdict("Service presse | 12 mars 2024") == NOT_HEADLINE
    assert headline_verdict("La ville rouvre sa piscine | 12 mars 2024") == HEADLINE


def test_a_first_line_that_says_the_front_matter_s_title_and_more_is_the_headline():
    """The front matter's title a short form ("Brocante du 1er mai 2016"), the text opening on the fuller
    headline in bold ("Annulation de la brocante du 1er mai 2016 sur le boulevard de la Plaine"): the news
    is in the fuller one, which is the title and no bullet."""
    text = ("---\ntitle: Fête de quartier du 14 juin\ndate: 2025-05-02\n---\n"
            "**Report de la fête de quartier du 14 juin au parc des Tilleuls**\n\n"
            "Le comité des fêtes a décidé de reporter la fête de quartier prévue le 14 juin au parc des Tilleuls, "
            "en raison des travaux de voirie qui ferment l'accès au parc.\n\n"
            "La fête aura lieu le 28 juin, avec le même programme et les mêmes exposants.\n\n"
            "Les inscriptions déjà reçues restent valables pour la nouvelle date.\n")
    from summarize.read.reading import read_bytes

    raw = read_bytes(text.encode("utf-8"), "fete.md")
    result = summarize_text(raw.text, title=raw.headline)
    assert result.title == "Report de la fête de quartier du 14 juin au parc des Tilleuls"
    assert not any(b.startswith("Report de la fête") for b in result.summary), result.summary
