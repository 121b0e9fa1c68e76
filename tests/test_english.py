"""English releases: wire datelines, kickers, English furniture, dates, names and topics.

The releases of `tests/releases_en/` are written for these tests in the forms wires and news
offices send (see its README); the expectations below are what a reader of each file lists.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summarize import summarize_text
from summarize.text.datelines_en import match_dateline
from summarize.text.dates import date_re_en, ordinal_day_iso, to_iso_en

RELEASES = Path(__file__).resolve().parent / "releases_en"


def release(name: str) -> str:
    return (RELEASES / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "iso"), [
    ("Nov. 30, 2016", "2016-11-30"),
    ("Sept. 14, 2023", "2023-09-14"),
    ("March 3rd, 2020", "2020-03-03"),
    ("Tuesday, 1 July 2025", "2025-07-01"),
    ("the 16th of May 2021", "2021-05-16"),
    ("15 MAY 2019", "2019-05-15"),
    ("January 13, 2014", "2014-01-13"),
    ("2016-11-30", "2016-11-30"),
])
def test_english_dates_in_every_order_and_abbreviation(text, iso):
    match = date_re_en().search(text)
    assert match is not None and to_iso_en(match) == iso


def test_a_date_without_its_year_takes_the_release_year_and_may_the_verb_is_no_month():
    match = date_re_en().search("The service will be available from March 3rd to customers.")
    assert to_iso_en(match, 2024) == "2024-03-03"
    assert to_iso_en(match) is None  # no year known: no date rather than a wrong one
    assert date_re_en().search("Results may 5 times exceed the forecast.") is None


def test_a_lone_ordinal_day_is_read_against_the_release_date():
    assert ordinal_day_iso("16", "2024-07-01") == "2024-07-16"
    assert ordinal_day_iso("3", "2024-07-20") == "2024-08-03"  # already past: the next month's


@pytest.mark.parametrize(("line", "place", "iso", "rest"), [
    ("NODE.JS INTERACTIVE 2016, AUSTIN, TX., Nov. 30, 2016 — The Node.js Foundation said", "AUSTIN", "2016-11-30", "The Node.js"),
    ("SAN JOSE, Calif., March 3, 2020 /PRNewswire/ -- Acme Inc. today announced", "SAN JOSE", "2020-03-03", "Acme Inc."),
    ("NEW YORK, March 3, 2020 (GLOBE NEWSWIRE) -- Acme", "NEW YORK", "2020-03-03", "Acme"),
    ("SAN FRANCISCO--(BUSINESS WIRE)--Acme Corp. (NYSE: ACME) today", "SAN FRANCISCO", None, "Acme Corp."),
    ("LONDON (Reuters) - Britain said on Monday", "LONDON", None, "Britain"),
    ("WASHINGTON (AP) — The Senate voted", "WASHINGTON", None, "The Senate"),
    ("Cambridge, MA – On Monday, the council passed", "Cambridge", None, "On Monday"),
    ("Espoo, Finland - October 5, 2017: A new method", "Espoo", "2017-10-05", "A new"),
    ("March 3, 2020 — Acme today announced", None, "2020-03-03", "Acme today"),
    ("TORONTO, Sept. 4, 2019 /CNW/ - Acme", "TORONTO", "2019-09-04", "Acme"),
    ("San Ramon, CA (Newsworthy.ai) Friday Mar 15, 2024 @ 9:00 AM Central — RChilli proudly announces", "San Ramon",
     "2024-03-15", "RChilli"),
    ("DENVER, CO (PRWeb) Tuesday June 4, 2024 at 10:30 AM Mountain Time — Acme", "DENVER", "2024-06-04", "Acme"),
    ("(Oct. 4, 2015)  – Emerging from a pool of towns, Acme", None, "2015-10-04", "Emerging"),
    ("[Boston, MA – March 2, 2015] –  Greenway, a new platform", "Boston", "2015-03-02", "Greenway"),
    ("Portland, OR —3 March 2020— The Riverside Project announced", "Portland", "2020-03-03", "The Riverside"),
])
def test_wire_datelines_give_the_place_and_the_date(line, place, iso, rest):
    found = match_dateline(line)
    assert found is not None
    assert (found.place, found.iso) == (place, iso)
    assert line[found.end:].startswith(rest)


@pytest.mark.parametrize("line", [
    "Ethelo and Open North – are excited to announce",
    "On March 3, 2020, Acme said it would",
    "Acme Inc. — the leader in widgets",
    "Jane Doe, CEO – said the company",
])
def test_sentences_that_open_with_names_are_no_datelines(line):
    assert match_dateline(line) is None


def test_a_wire_release_keeps_its_headline_and_its_furniture_out_of_the_bullets():
    result = summarize_text(release("harbor-robotics-series-b"), sentences=5).to_dict()
    assert result["title"] == "Harbor Robotics Raises $40 Million to Expand Warehouse Automation Platform"
    assert result["facts"]["date"] == "2023-09-14"
    assert result["facts"]["place"] == "Boston"
    assert any(b.startswith("Harbor Robotics Inc., a developer of autonomous picking systems") for b in result["summary"])
    for bullet in result["summary"]:
        assert not re.search(r"BOSTON|PRNewswire|SOURCE|forward-looking|press@|visit www", bullet), bullet
    assert result["facts"]["contacts"][0]["email"] == "press@harbor-robotics.example"


def test_business_wire_globe_newswire_and_a_news_office_release():
    tidewell = summarize_text(release("tidewell-payments-partnership"), sentences=5).to_dict()
    assert tidewell["facts"]["place"] == "San Francisco"
    assert tidewell["summary"][0].startswith("Tidewell Software Corp. (NASDAQ: TDWL)")
    assert not any("trademark" in b or "BUSINESS WIRE" in b for b in tidewell["summary"])
    maple = summarize_text(release("maple-grid-energy-storage"), sentences=5).to_dict()
    assert (maple["facts"]["date"], maple["facts"]["place"]) == ("2022-11-30", "Toronto")
    assert not any("GLOBE NEWSWIRE" in b or "forward-looking" in b.lower() for b in maple["summary"])
    coral = summarize_text(release("northbridge-university-coral-study"), sentences=5).to_dict()
    assert coral["title"] == "Northbridge researchers find coral reefs recover faster where fishing is limited"
    assert coral["facts"]["header"] == "NEWS RELEASE"
    assert coral["facts"]["date"] == "2024-07-01"  # "1 July 2024 —" at the head of the first paragraph
    assert coral["summary"][0].startswith("Coral reefs in marine protected areas")
    assert not any(b.startswith(("1 July", "ENDS")) for b in coral["summary"])


def test_a_kicker_set_on_the_dateline_line_is_kept_apart_from_the_date():
    text = ("Citizen Budget joins Ethelo\n\nFOR IMMEDIATE RELEASE\n15 MAY 2019\n\n"
            "Ethelo and Open North are excited to announce the acquisition by Ethelo of the Citizen Budget tool, "
            "used by over 100 Canadian municipalities.\n\nThe tool will stay free for cities during the transition.\n")
    result = summarize_text(text, language="en").to_dict()
    assert result["facts"]["date"] == "2019-05-15"
    assert result["facts"]["header"] == "FOR IMMEDIATE RELEASE"
    assert result["summary"][0].startswith("Ethelo and Open North")


def _names(result: dict, key: str) -> list[str]:
    return [entry["name"] for entry in result["facts"].get(key, [])]


def test_people_with_their_roles_in_the_forms_of_english_news():
    harbor = summarize_text(release("harbor-robotics-series-b")).to_dict()
    roles = {p["name"]: p["role"] for p in harbor["facts"]["people"]}
    assert roles["Maria Chen"] == "chief executive officer of Harbor Robotics"  # '…," said Maria Chen, chief executive officer of …'
    assert roles["David Okafor"] == "managing partner at Northgate Capital Partners"  # 'David Okafor, managing partner at …, said'
    assert "Laura Mills" in roles  # the media contact
    coral = summarize_text(release("northbridge-university-coral-study")).to_dict()
    assert _names(coral, "people") == ["Helen Achebe"]  # "said Professor Helen Achebe, lead author of the study…"
    text = ("Council backs adjunct faculty\n\nThe resolution was introduced by City Councilor Leland Cheung and was "
            "supported by all voting members of the council on Monday evening.\n")
    people = summarize_text(text, language="en").to_dict()["facts"]["people"]
    assert people == [{"name": "Leland Cheung", "role": "City Councilor"}]
    text = ("Orchard Labs opens a second plant\n\nOmar Haddad, who founded the firm in 2019, said the plant would "
            "employ 60 people. Orchard Labs said the site was chosen for its rail link.\n")
    people = summarize_text(text, language="en").to_dict()["facts"]["people"]
    assert people == [{"name": "Omar Haddad", "role": None}]  # a company that "said" is no person


def test_organisations_companies_bodies_acronyms_and_lists():
    harbor = summarize_text(release("harbor-robotics-series-b")).to_dict()
    assert {"Harbor Robotics", "Northgate Capital Partners", "Lakeview Ventures", "Massachusetts Clean Energy Center"} <= set(_names(harbor, "organisations"))
    assert not {"Maria Chen", "David Okafor", "Boston"} & set(_names(harbor, "organisations"))
    maple = summarize_text(release("maple-grid-energy-storage")).to_dict()
    orgs = {o["name"]: o["expansion"] for o in maple["facts"]["organisations"]}
    assert orgs["IESO"] == "Independent Electricity System Operator"  # the acronym and its long name: one entry
    assert {"Maple Grid Energy", "Canada Infrastructure Bank", "Northern Pension Fund"} <= set(orgs)
    assert not any(name.startswith(("CEO", "President")) for name in orgs)  # a role is no part of the name
    coral = summarize_text(release("northbridge-university-coral-study")).to_dict()
    assert {"University of Northbridge", "Centre for Ocean Science", "National Science Foundation",
            "Pacific Reef Conservation Fund"} <= set(_names(coral, "organisations"))
    listed = summarize_text("Consortium grows\n\nThe consortium is made up of companies including Platinum members "
                            "Acme, Globex, Initech and Umbrella. Silver members include Hooli, Vandelay Industries and "
                            "Stark (a Wayne company).\n", language="en").to_dict()
    assert {"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay Industries", "Stark"} <= set(_names(listed, "organisations"))


def test_a_long_sentence_that_opens_with_a_name_is_no_quote_attribution():
    tidewell = summarize_text(release("tidewell-payments-partnership"), sentences=10).to_dict()
    assert any(b.startswith("The Brazilian Central Bank (BCB) reported") for b in tidewell["summary"])
    assert {"name": "BCB", "expansion": "Brazilian Central Bank"} in tidewell["facts"]["organisations"]


def test_english_topics_are_noun_phrases_never_kickers_verbs_or_numbers():
    for name in ("harbor-robotics-series-b", "tidewell-payments-partnership", "maple-grid-energy-storage",
                 "northbridge-university-coral-study"):
        topics = summarize_text(release(name), topics=8).to_dict()["topics"]
        assert len(topics) == 8
        for topic in topics:
            assert not re.fullmatch(r"(?i)(?:press|news)\s+release|[\d.,$%-]+|v?\d+(?:\.\d+)+", topic), (name, topic)
            assert topic.split()[-1] not in ("Raises", "Commissions", "Partner", "announced", "said"), (name, topic)
    harbor = summarize_text(release("harbor-robotics-series-b")).to_dict()["topics"]
    assert harbor[0] == "Warehouse Automation Platform"  # the headline's verb "Raises" left out
    assert "Harbor Robotics" not in harbor  # the company is in the organisations list, not repeated as a topic


FRENCH_WORDS = re.compile(r"Résumé|Thèmes|Repères|Statistiques|Personnes|Citations|Contact presse|Revue des communiqués|"
                          r"Sommaire|Texte intégral|écarté|Échecs|\brang\b|\bphrase\b|«|»|\w :")


def test_an_english_release_has_english_labels_in_every_format():
    import subprocess
    import sys

    files = [str(RELEASES / f"{name}.txt") for name in ("harbor-robotics-series-b", "maple-grid-energy-storage")]
    command = [sys.executable, "-m", "summarize"]
    outputs = {
        fmt: subprocess.run([*command, "-f", fmt, *extra, files[0]], capture_output=True, text=True, check=True).stdout
        for fmt, extra in (("text", ["--explain"]), ("markdown", ["--explain"]), ("html", []))
    }
    outputs["digest"] = subprocess.run([*command, "-f", "html", *files], capture_output=True, text=True, check=True).stdout
    for fmt, out in outputs.items():
        assert not FRENCH_WORDS.search(out.replace("SOURCE :", "")), (fmt, FRENCH_WORDS.search(out))
    assert "Key facts" in outputs["text"] and "- *People*: Maria Chen (chief executive officer of Harbor Robotics)" in outputs["markdown"]
    assert '<html lang="en">' in outputs["digest"] and "Press release digest" in outputs["digest"]
    assert "“Warehouses are short of workers" in outputs["text"]  # an English quote between English marks


def test_a_company_named_by_what_it_does_and_the_boilerplate_under_the_end_mark():
    text = ("Adjunct instructors win council support\n\nPRESS RELEASE\nJanuary 13, 2014\n\n"
            "Cambridge, MA – On Monday, the city council passed a resolution supporting the adjunct instructors "
            "of the area's colleges in their effort to form a union.\n\n"
            "In a difficult year for the sector, Brightwell recorded a rise in enrolment of 12 percent.\n\n"
            "###\n\nAdjunct Action is a project of the Service Employees International Union (SEIU), the nation's "
            "largest and fastest growing union of workers in higher education and health care.\n")
    result = summarize_text(text, language="en").to_dict()
    facts = result["facts"]
    assert (facts["date"], facts["place"]) == ("2014-01-13", "Cambridge")
    assert result["summary"][0].startswith("On Monday, the city council passed")  # "Cambridge, MA –" is the dateline's
    orgs = {o["name"]: o["expansion"] for o in facts["organisations"]}
    assert orgs.get("Brightwell", "missing") is None  # "…, Brightwell recorded a rise": a body, by what it does
    assert orgs.get("SEIU") == "Service Employees International Union"  # read in the boilerplate after "###"
    assert not any("Adjunct Action is a project" in b for b in result["summary"])


def test_english_figures_with_their_currency_unit_or_counted_noun():
    figures = [f["text"] for f in summarize_text(release("harbor-robotics-series-b")).to_dict()["facts"]["figures"]]
    assert figures == ["$40 million", "120 distribution centers"]  # not the year 2019, not "Series B"
    grid = [f["text"] for f in summarize_text(release("grid-agency-transmission-grants")).to_dict()["facts"]["figures"]]
    assert {"$120 million", "1,800 miles", "20 percent"} <= set(grid)


def test_captions_feed_footers_and_link_pointers_are_never_bullets():
    """A photo caption that closes on its credit, a blog feed's "The post … appeared first on …" and a
    sentence that sends the reader to "this link" are furniture, whoever sends the release."""
    news = ["Physicians at Harbor Valley Hospital are proud to announce that their stroke unit has been awarded the Gold Seal "
            "by the Joint Commission for the third year in a row.",
            "The unit treated 1,200 patients last year and cut its door-to-needle time to 31 minutes.",
            "The hospital will open a second stroke unit in its north campus in the spring of 2026."]
    text = ("Harbor Valley Hospital’s Stroke Unit Receives Gold Seal\n\n" + news[0] + "\n\n"
            "Harbor Valley Hospital’s stroke unit team receives the Gold Seal award (Photo Credit: Dana Reyes, Harbor Valley Hospital)\n\n"
            + news[1] + " Users of portal 2.1 can book a visit via the instructions at this link.\n\n" + news[2] + "\n\n"
            "The post Harbor Valley Hospital’s Stroke Unit Receives Gold Seal appeared first on citybiz.\n")
    result = summarize_text(text, sentences=3)
    assert result.summary == news


def test_a_headline_that_opens_with_a_brand_in_its_own_capitals_is_title_case():
    from summarize.text.reflow import is_title_case

    assert is_title_case("openSUSE Leap 42.1 Becomes First Hybrid Distribution")
    assert is_title_case("iPhone Maker Opens First Store in Lagos")
    assert not is_title_case("The openSUSE project released Leap 42.1 today for all users.")


def test_a_headline_under_the_media_contact_block_and_over_a_credit_line_is_the_title():
    """"Media Contact:" and its lines, then the headline in capitals, then a picture's credit, then
    the body: the credit does not keep the contact block open over the headline."""
    text = ("Embargoed until May 5 at 9AM\nMedia Contact:\nDana Reyes, Northwind Communications press@harbor-lights.example\n"
            "HARBOR LIGHTS FESTIVAL RETURNS IN 2024 WITH A FLEET OF FLOATING STAGES\n"
            "Photo Credit: Mara Lind/Studio North\n"
            "May 1, 2024 (Duluth, Minnesota) -- The Harbor Lights Festival returns this summer with twelve floating stages "
            "moored along the waterfront, the organisers announced on Wednesday. More than 40 bands will play over three "
            "weekends, and every concert will be free for residents of the county.\n")
    result = summarize_text(text)
    assert result.title == "HARBOR LIGHTS FESTIVAL RETURNS IN 2024 WITH A FLEET OF FLOATING STAGES", result.title
    assert not any("Credit" in bullet for bullet in result.summary)


def test_a_place_dateline_then_a_date_dateline_are_one_dateline():
    """"Austin, TX-- Monday, May 4, 2015 -- …": the city of the first and the date of the second."""
    result = summarize_text("# Riverside picks its first fellows\n\nAustin, TX-- Monday, May 4, 2015 -- The Riverside Fund "
                            "is pleased to announce that the city of Austin is a finalist in its fellowship program. "
                            "The fellows will spend eleven months building web tools for the city's residents.\n", language="en")
    assert result.summary[0].startswith("The Riverside Fund"), result.summary
    assert (result.facts.get("place"), result.facts.get("date")) == ("Austin", "2015-05-04"), result.facts


def test_a_text_layer_pasted_from_a_pdf_gives_its_headline_its_date_and_whole_sentences():
    """A release as a PDF's text layer pastes into an e-mail: a date and the contact label run together on
    the first line (two columns of the letterhead), the contact's role, body and phone under it, the headline
    after "For Immediate Release:" and wrapped, the body wrapped at about 100 columns with a header, a list in
    the Symbol font's bullets and a note marked "**". None of the furniture is a title or a bullet, the
    wrapped sentences are whole, and the date on the first line is the release's date."""
    result = summarize_text(release("marlow-library-reading-passport"), language="en")
    assert result.title == ("Marlow County Public Library and the Marlow County Schools Launch a Spring Reading "
                            "Passport for Every Student")
    assert result.summary[0].startswith("The Marlow County Public Library and the Marlow County Schools are launching")
    for bullet in result.summary:
        assert bullet[-1] in ".!?”\"", bullet  # no sentence cut at a line end
        assert "**" not in bullet and "(Marlow, Ohio)" not in bullet and "\uf0b7" not in bullet, bullet
    assert result.facts["date"] == "2024-03-04"
    assert result.facts["dateline"]["place"] == "Marlow"
    assert [c["name"] for c in result.facts["contacts"]] == ["Dana Whitfield"]
    assert result.facts["quotes"][0]["speaker"] == "Helen Okafor"
    people = [p["name"] for p in result.facts["people"]]
    assert "Public Information Officer" not in people


def test_a_city_and_its_state_in_parentheses_before_a_dash_is_a_dateline():
    found = match_dateline("(Marlow, Ohio) – The Marlow County Public Library is launching …")
    assert found is not None and found.place == "Marlow" and found.text == "(Marlow, Ohio)"
    assert match_dateline("(Acme Robotics, Inc.) – The company said …") is None
    assert match_dateline("(Photo: Jane Doe, Reuters) – The mayor …") is None
