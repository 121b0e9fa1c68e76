"""English releases that name people and bodies without a verb: signatures under quotes, lists of
speakers and signatories, roles in parentheses, bylines; and date lines with a label.

The two releases read here (`tests/releases_en/library-coalition-open-letter.txt`,
`harbour-forum-speakers.txt`) and the sentences below are invented for these tests; the
expectations are what a reader of each lists, written before the code was run on them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize import summarize_text
from summarize.extract.organisations_en import lexicon, listed_bodies
from summarize.extract.people_en import attributions, bylines, find_people
from summarize.text.datelines_en import match_dateline

RELEASES = Path(__file__).resolve().parent / "releases_en"


def facts(name: str) -> dict:
    return summarize_text((RELEASES / f"{name}.txt").read_text(encoding="utf-8")).to_dict()["facts"]


def names(found: dict, key: str) -> list[str]:
    return [entry["name"] for entry in found.get(key, [])]


@pytest.mark.parametrize(("line", "iso"), [
    ("DATELINE March 29, 2006", "2006-03-29"),
    ("Date: 3 March 2020", "2020-03-03"),
    ("Published on June 2, 2025", "2025-06-02"),
    ("Release date: 12 June 2023.", "2023-06-12"),
    ("Embargoed until 00:01 GMT, Tuesday 5 March 2024", "2024-03-05"),
    ("EMBARGOED UNTIL 10 a.m. EST, March 3, 2020", "2020-03-03"),
    ("November 26, 2021, 17h30 CET", "2021-11-26"),
])
def test_a_date_line_with_a_label_or_an_hour_is_the_release_date(line, iso):
    found = match_dateline(line)
    assert found is not None and found.iso == iso and found.end >= len(line.rstrip(". "))


def test_a_city_and_its_region_with_only_a_space_before_the_date_and_what_is_no_dateline():
    found = match_dateline("MOUNTAIN VIEW, California November 12, 2019 -- The Alliance is a new community.")
    assert (found.place, found.iso) == ("MOUNTAIN VIEW", "2019-11-12")
    assert match_dateline("Acme Robotics March 3, 2020 — the company said") is None  # a company is no place
    assert match_dateline("FOR IMMEDIATE RELEASE 15 MAY 2019") is None  # a kicker is no place (the kicker reader takes the date)
    assert match_dateline("March 3, 2020, 10 companies signed the pledge.") is None  # "10" is no hour
    assert match_dateline("Published March 3, 2020, the report found gaps.") is None
    assert match_dateline("HALIFAX, Nova Scotia — The forum opens.").place == "HALIFAX"
    assert match_dateline("Dalhousie, Coastal — The forum opens.") is None  # neither capitals nor a known region


@pytest.mark.parametrize(("sentence", "name", "role", "body"), [
    ("“It was avoidable.” Leah Moss, War on Want, UK.", "Leah Moss", "War on Want", "War on Want"),
    ("— Tyler Brook, CTO at Fastlane", "Tyler Brook", "CTO at Fastlane", "Fastlane"),
    ("Fisheries subsidies: Adam Wolf, Campaigner, Pacific Network on Globalisation (PANG), Pacific Islands",
     "Adam Wolf", "Campaigner, Pacific Network on Globalisation (PANG)", "Pacific Network on Globalisation"),
    ("“Medicine is no business.\" Sbu Zulu | President, Abahlali Movement S.A.", "Sbu Zulu", "President, Abahlali Movement S.A.",
     "Abahlali Movement S.A."),
    ("— Jin Jie Jay Poh Vice President and Head of Unmanned Systems, ST Marine", "Jin Jie Jay Poh",
     "Vice President and Head of Unmanned Systems, ST Marine", "ST Marine"),
    ("Panelists: James A. Baker (General Counsel, Federal Bureau of Investigation)", "James A. Baker",
     "General Counsel, Federal Bureau of Investigation", "Federal Bureau of Investigation"),
    ("Opening remarks (David Mills, Board Chairman)", "David Mills", "Board Chairman", None),
])
def test_a_signature_names_a_person_with_a_role_and_a_body(sentence, name, role, body):
    assert attributions([sentence]) == [type(attributions([sentence])[0])(name, role, body)]


@pytest.mark.parametrize("sentence", [
    "Jane Doe, John Roe, and Ann Poe attended the meeting.",  # a list of people, not one person's line
    "David Okafor, managing partner at Northgate, said the firm would invest.",  # a sentence with its verb
    "South Africa, Botswana, and most countries have been calling for the waiver.",
    "Harbor Robotics, Boston",
    "Jane Doe (USA) won the race.",  # a parenthesis that holds no role
])
def test_sentences_and_places_are_no_signatures(sentence):
    assert attributions([sentence]) == []


def test_bylines_lists_after_a_plural_role_and_a_role_before_a_colon():
    assert bylines(["Press Release: Written by Inge Wall."]) == ["Inge Wall"]
    assert bylines(["Announcement: Written by Boris Rempt, Cyril Berg & Inge Wall"]) == ["Boris Rempt", "Cyril Berg", "Inge Wall"]
    people = find_people(["Chairman Adam Klein, along with Board Members Jane Nitze and Ed Felt, released a statement."])
    assert {p["name"]: p["role"] for p in people} == {"Adam Klein": "Chairman", "Jane Nitze": None, "Ed Felt": None}
    assert find_people(["KFormula has a new maintainer: Alfredo Beau."]) == [{"name": "Alfredo Beau", "role": None}]
    people = find_people(["Please contact Ms. Susan Reid, Chief Management Officer, at 202-555-0100."])
    assert people == [{"name": "Susan Reid", "role": "Chief Management Officer"}]  # "Management Officer" is no person


def test_the_bodies_of_a_list_a_cue_noun_or_a_passive_verb_opens_or_closes():
    lex = lexicon()
    signers = ("Signers of today's statement include Public Services International (PSI), People's Health Movement, Oxfam, "
               "Partners in Health, Focus on the Global South, World Federation of Public Health Associations and others.")
    assert listed_bodies(signers, lex) == ["Public Services International", "People's Health Movement", "Oxfam", "Partners in Health",
                                           "Focus on the Global South", "World Federation of Public Health Associations"]
    sponsors = ("Support has been provided by Mandrel (which sponsors developer Lauren Mont), Trollhaven (which sponsors "
                "developer David Fair), theKompany.com, OpenOffice Polska which employs Jarek Stan and more.")
    assert listed_bodies(sponsors, lex) == ["Mandrel", "Trollhaven", "theKompany.com", "OpenOffice Polska"]
    assert listed_bodies("Mozilla, Fastlane, Intel, and Red Hat are founding members.", lex) == ["Mozilla", "Fastlane", "Intel", "Red Hat"]
    dash = "The minister met leaders of tenant groups – Shelter North, Renters United, Homefront, and Keyline."
    assert listed_bodies(dash, lex) == ["Shelter North", "Renters United", "Homefront", "Keyline"]
    assert listed_bodies("Several groups — some new, some old — signed the letter.", lex) == []
    assert listed_bodies("In Paris, Lyon and Nice, members are happy.", lex) == []  # places, and no list after the cue
    assert listed_bodies("Our partners are delighted with the results.", lex) == []


def test_an_open_letter_names_its_signatories_quoted_people_and_authors():
    letter = facts("library-coalition-open-letter")
    assert letter["date"] == "2024-03-05"  # "Embargoed until 00:01 GMT, Tuesday 5 March 2024"
    orgs = {o["name"]: o["expansion"] for o in letter["organisations"]}
    assert {"Office of Communications", "Friends of Rural Reading", "Open Shelves Trust", "Partners in Literacy",
            "Voices for the Book", "Readers Without Borders"} <= set(orgs)
    assert orgs["LAN"] == "Library Access Network"
    assert orgs["BFAINS"] == "Books For All Is Not a Slogan"  # spelled by the capitals before it, whatever their tags
    assert not {"Leeds", "Poland", "London", "United Kingdom", "Rural Reading", "Priya Raman"} & set(orgs)
    roles = {p["name"]: p["role"] for p in letter["people"]}
    assert roles["Priya Raman"] == "director of the Library Access Network"
    assert roles["Tomasz Nowak"] == "Friends of Rural Reading"  # '” Tomasz Nowak, Friends of Rural Reading, Poland.'
    assert roles["Grace Oduya"] == "Chair, Open Shelves Trust"  # '– Grace Oduya | Chair, Open Shelves Trust'
    assert {"Helen Marsh", "Daniel Ortiz"} <= set(roles)  # "Written by Helen Marsh and Daniel Ortiz."


def test_a_speakers_list_names_each_speaker_and_the_body_beside_them():
    forum = facts("harbour-forum-speakers")
    assert forum["date"] == "2025-06-02"  # "Published on June 2, 2025"
    assert forum["dateline"]["place"] == "HALIFAX"  # "HALIFAX, Nova Scotia —" opening the body
    roles = {p["name"]: p["role"] for p in forum["people"]}
    assert roles["Amina Diallo"] == "Executive Director, Harbour Cities Forum"
    assert roles["Carlos Mendes"] == "Senior Economist, Atlantic Housing Bank"  # "…, Canada": the place is no part of it
    assert roles["Wen Li"] == "Professor of Geography, Dalhousie Coastal Institute"  # "Dr. Wen Li (Professor of …)"
    assert roles["Rosa Whitfield"] == "Organizer, Northend Tenants Union"
    assert {"Julia Brandt", "Kofi Mensah", "Peter Nakamura"} <= set(roles)
    assert not any(name.startswith(("Senior", "Executive", "Board")) for name in roles)
    orgs = set(names(forum, "organisations"))
    assert {"Harbour Cities Forum", "Atlantic Housing Bank", "Dalhousie Coastal Institute", "Northend Tenants Union"} <= orgs
    assert not {"Canada", "Nova Scotia", "Halifax", "Board Members", "Speakers"} & orgs


def test_three_part_names_roles_that_stop_where_they_end_and_served_as():
    people = find_people(["For details contact Maria Luisa Ortega, Executive Director — 202-555-0142."])
    assert people == [{"name": "Maria Luisa Ortega", "role": "Executive Director"}]
    people = find_people(["The board mourns Ruth Calder, who served as a Board Member from 2012 to 2017."])
    assert people == [{"name": "Ruth Calder", "role": "Board Member"}]
    people = find_people(["The plan was presented by Secretary Tom Avery, head of the agency."])
    assert people == [{"name": "Tom Avery", "role": "head of the agency"}]  # the title is no part of the name


def test_a_company_introduced_by_where_it_is_based():
    text = ("Modems for the deep sea\n\nSingapore-headquartered Seabright and Ohio-based Lakemark have joined forces to "
            "build a new acoustic modem for research fleets.\n")
    orgs = [o["name"] for o in summarize_text(text, language="en").to_dict()["facts"]["organisations"]]
    assert {"Seabright", "Lakemark"} <= set(orgs)
    assert not {"Singapore", "Ohio"} & set(orgs)


def test_people_named_with_an_appositive_role_a_role_in_parentheses_or_their_body():
    """"Name, one of the … developers,", "Name (pioneer of …)", a list item "Name from Body …" and a
    contact block's name alone on its line: each names a person (and the list item a body)."""
    text = ("# Tidewater Code Week Announces Its Speakers\n\n"
            "Norfolk, VA – March 3, 2025 – The organisers of Tidewater Code Week, including Priya Raman (open data pioneer) "
            "and Tomas Kettle (inventor of the Wavelet editor), today announced the speakers of the April meeting.\n\n"
            "* Odile Marchetti, one of the core Harbourline maintainers, discusses where the project is headed.\n"
            "* Ravi Okafor from Quayside Analytics explores the new charting library.\n"
            "* Mina Soto and Eli Grant from Brightwater Labs demonstrate how to run notebooks on a laptop cluster.\n\n"
            "The meeting is free and open to everyone who registers before March 30.\n\n"
            "For further information, please contact:\nJonah Whitfield\nTidewater Code Week\n")
    found = summarize_text(text).to_dict()["facts"]
    people = names(found, "people")
    for person in ("Priya Raman", "Tomas Kettle", "Odile Marchetti", "Ravi Okafor", "Mina Soto", "Eli Grant", "Jonah Whitfield"):
        assert person in people
    assert {"Quayside Analytics", "Brightwater Labs"} <= set(names(found, "organisations"))
    roles = {p["name"]: p["role"] for p in found["people"]}
    assert roles["Priya Raman"] == "open data pioneer"
    assert roles["Odile Marchetti"] == "one of the core Harbourline maintainers"
    assert not any(p.startswith(("For ", "Tidewater")) for p in people)


def test_a_byline_with_a_date_above_the_headline_dates_a_release_without_dateline():
    text = ("# PRESS RELEASE\n\nPrepared by Lena Forsyth, April 14, 2022\n\n"
            "## Volunteer divers count twice as many seahorses in the harbour as in 2019.\n\n"
            "The survey, carried out over six weekends, found 412 seahorses along the northern breakwater. "
            "The divers will repeat the count in the autumn.\n")
    found = summarize_text(text).to_dict()["facts"]
    assert found["date"] == "2022-04-14"


def test_a_place_in_parentheses_opening_the_lead_is_a_dateline():
    """"(Miami, FL) Loving Day celebrates …": the city and its state code in parentheses, as some US
    releases open; the sentence starts after it."""
    found = match_dateline("(Portland, ME) Harbour Days celebrates the city's fishing fleet on July 11.")
    assert found and found.place == "Portland" and found.text == "(Portland, ME)"
    assert match_dateline("(The study) Shows that reading rooms matter.") is None
    result = summarize_text("# Harbour Days Return\n\n(Portland, ME) Harbour Days celebrates the city's fishing fleet on "
                            "July 11, 2025, with a parade of 40 boats.\n\nThe festival is free and open to all.\n")
    assert result.summary[0].startswith("Harbour Days celebrates")


def test_names_after_a_speech_verb_and_a_role_a_by_role_a_contact_label_and_sponsor_lists():
    text = ("# Harbour Days Return to Portland\n\nContact: Marisol Okafor\n\n"
            "Portland, ME – June 2, 2025 – Harbour Days returns on July 11 with a parade of 40 boats.\n\n"
            "“The fleet is the heart of the city,” explained co-founder Ravi Lindqvist. The poster was drawn by artist "
            "Tomas Kettle. The panel will be moderated by Ana Brightwell, a licensed family therapist.\n\n"
            "Event sponsors include: The Harbour Trust, Quayside Analytics, and Brightwater Labs.\n\n"
            "The festival has the support and sponsorship of Tidewell Payments, Maple Grid and Northbridge Foods.\n")
    found = summarize_text(text).to_dict()["facts"]
    people = {p["name"]: p["role"] for p in found["people"]}
    assert people.get("Ravi Lindqvist") == "co-founder" and people.get("Tomas Kettle") == "artist"
    assert "Ana Brightwell" in people and "Marisol Okafor" in people
    assert {"Harbour Trust", "Quayside Analytics", "Brightwater Labs", "Tidewell Payments", "Maple Grid", "Northbridge Foods"} \
        <= set(names(found, "organisations"))


def test_a_contact_block_over_a_capitals_headline_on_three_lines():
    """An American release's head: "FOR IMMEDIATE RELEASE", contact lines that give their values, then
    the headline in capitals over three lines, the middle one a single word."""
    text = ("FOR IMMEDIATE RELEASE\nContact: Marisol Okafor\nPhone: 207-555-0143\nEmail: press@harbourdays.example\n"
            "Website: www.harbourdays.example\nHARBOUR DAYS: BOATS IN PORTLAND\nCELEBRATES\nTHE CITY'S FISHING FLEET\n"
            "(Portland, ME) Harbour Days celebrates the city's fishing fleet on July 11, 2025, with a parade of 40 boats.\n"
            "The festival is free and open to all.\n")
    result = summarize_text(text)
    assert result.title == "HARBOUR DAYS: BOATS IN PORTLAND CELEBRATES THE CITY'S FISHING FLEET"
    assert result.summary[0].startswith("Harbour Days celebrates")
    assert "Marisol Okafor" in names(result.to_dict()["facts"], "people")


def test_a_date_with_its_city_in_parentheses_and_a_lone_known_place_are_datelines():
    """"May 6, 2021 (SEATTLE) – Through its partners…" and "Wisconsin – Advocates have launched…": where and
    when, as US newsrooms write it; the first sentence starts after the dash. A name that is no place is kept."""
    found = match_dateline("June 2, 2025 (PORTLAND) – Harbour Days returns on July 11 with a parade of 40 boats.")
    assert found and found.place == "PORTLAND" and found.iso == "2025-06-02"
    found = match_dateline("Oregon – Volunteers have opened a new shelter in Bend.")
    assert found and found.place == "Oregon"
    assert match_dateline("Harbour Days – a festival of boats – returns.") is None
    result = summarize_text("# Volunteers Open a Shelter in Bend\n\nOregon – Volunteers have opened a new shelter in Bend "
                            "for 40 families.\n\nThe shelter is open every night from October to March.\n")
    assert result.summary[0].startswith("Volunteers have opened")


def test_names_with_an_inner_capital_roles_with_a_possessive_and_words_of_a_body_s_name():
    """"Lisa LaBruno" is whole; "Assistant State’s Attorney" is a role (its possessive one word); "Regional
    Organized" in "the State’s Attorney Regional Organized Crime Task Force" is the start of a body's name."""
    sentences = ["“Retail theft hurts every neighbourhood,” said Lisa LaBruno, senior vice president of the Retail Council.",
                 "In partnership with the State’s Attorney Regional Organized Crime Task Force, the office led the effort.",
                 "“We followed the money,” Assistant State’s Attorney David Williams said."]
    people = {p["name"]: p["role"] for p in find_people(sentences)}
    assert "Lisa LaBruno" in people, people
    assert people.get("David Williams") == "Assistant State’s Attorney", people
    assert not any(name.startswith("Regional") for name in people), people


def test_a_run_of_capitals_that_goes_on_into_a_role_and_a_person_gives_the_body_alone():
    """"… before Riverside County Superior Court Judge Jayne C. Lee": the court is the body, the judge a person;
    "Brooklyn District Attorney Eric Gonzalez" names a role and a person, no body at all."""
    text = ("# County Settles With Retailer Over Waste Disposal\n\n"
            "Brooklyn District Attorney Eric Gonzalez today announced a settlement with a retailer over the disposal of "
            "hazardous waste at its stores.\n\nThe settlement was approved on Friday by Riverside County Superior Court "
            "Judge Jayne C. Lee, who ordered the retailer to pay $1.5 million.\n\n"
            "The retailer will also hire an auditor to inspect its stores every year.\n")
    result = summarize_text(text, language="en")
    names = [o["name"] for o in result.facts.get("organisations", [])]
    assert "Riverside County Superior Court" in names, names
    assert not any("Gonzalez" in n or "Jayne" in n for n in names), names
