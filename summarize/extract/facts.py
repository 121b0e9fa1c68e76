"""Facts stage: the 5W a journalist looks for (dates, places, people, organisations, figures,
quotes, contacts). Rule-based and precision-first: a wrong fact is worse than a missing one."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..resources import sorted_list, word_list
from ..text.dates import DATE_RE, MONTH_YEAR_RE, month_year_iso, resolve_weekday, to_iso
from ..text.reflow import grammar_title
from ..text.structure import Structure

if TYPE_CHECKING:
    from ..grammar.tagging import Token

_UPPER = "A-ZÀ-ÖØ-Ý"
_NAME_WORD = rf"[{_UPPER}][a-zà-öø-ÿ'’]+(?:-[{_UPPER}][a-zà-öø-ÿ]+)?"
_PERSON = rf"(?:{_NAME_WORD}|[{_UPPER}]\.(?:-[{_UPPER}]\.)?)\s+(?:(?:de|du|d'|Le|La|El|Ben|Ould|van|von)\s?)?{_NAME_WORD}(?:\s+[{_UPPER}]{{2,}}\b)?"
_CIVIL = r"(?:M\.|Mme|Mlle|MM\.|Dr\.?|Pr\.?|Me|Mgr)"

# Lookaheads at the start of the patterns below name the characters a match opens with: the engine
# then skips most positions at once (same matches, about twice as fast). The two role patterns are
# texts with a {roles} slot, compiled once the role list is read.
_PERSON_WITH_ROLE_AFTER = (
    rf"(?=[{_UPPER}])(?P<name>(?:{_CIVIL}\s+)?{_PERSON}),\s+(?P<role>(?:l[ea]\s+|l['’])?(?i:{{roles}})\b[^,;.:!?()«»\"]{{0,90}}?)"
    r"(?=[,;.:!?)]|\s+(?:a|ont|est|était|sera)\b|\s*$)"
)
_ROLE_THEN_PERSON = rf"(?=[Ll])(?P<role>\b(?:[Ll]e|[Ll]a|[Ll]['’])\s*(?:{{roles}})\b[^,;.:!?«»\"]{{0,110}}?),\s+(?P<name>{_PERSON}),"
_CIVIL_PERSON = re.compile(rf"(?=[MDP])\b{_CIVIL}\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD})?)")
_QUOTE = re.compile(r"«\s*(?P<quote>[^«»]{15,600}?)\s*»")
_SPEECH_VERBS = (
    r"(?:a|ont|avait)?\s*(?:déclaré|affirmé|souligné|indiqué|expliqué|ajouté|précisé|estimé|assuré|rappelé|martelé|insisté"
    r"|confié|commenté|annoncé|salué|résumé|déclare|affirme|souligne|indique|explique|ajoute|précise|estime|assure|rappelle"
    r"|commente|annonce|salue|résume|se\s+réjouit|s'est\s+réjoui(?:e)?|se\s+félicite)"
)
_FIGURE = re.compile(
    r"(?=\d)(?<![\w,.])(?P<number>\d{1,3}(?:[  .]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
    r"(?:\s?(?P<unit>%|€|M€|Md€|k€|\$|euros?\b|millions?|milliards?|Mds?|M\b|km²?|m²|hectares?|ha\b|tonnes?|t\b|MW|GW|kWh|MWh|GWh))?"
    r"(?:\s+(?P<of>d['’]euros|de\s+dollars|d['’]habitants|de\s+[a-zà-ÿ]+s|d['’][a-zà-ÿ]+s|[a-zà-ÿ]{4,}s\b))?",
)
_SCALE_UNITS = frozenset({"million", "millions", "milliard", "milliards", "Md", "Mds", "M"})
_NOT_COUNTED = re.compile(  # words after a number that are not what it counts
    r"(?i)janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|heures?|ans?"
)
_YEAR = re.compile(r"^(?:19|20)\d{2}$")


def extract_facts(structure: Structure, sentences: Sequence[str], tags: Callable[[str], Sequence[Token]] | None = None,
                  tagged_limit: int | None = None, language: str = "fr") -> dict:
    """A JSON-ready dict of facts; keys with nothing found are left out. `tags` gives a sentence's
    tagged tokens (a document's shared `chunking.SentenceTags`); organisations are looked for in
    the first `tagged_limit` sentences. An English release has its dates, people and organisations
    read the English way (``facts_en.py``)."""
    english = _english_facts() if language == "en" else None
    body = " ".join(sentences)
    facts: dict = {}
    if structure.header:
        facts["header"] = structure.header
    if structure.dateline:
        facts["dateline"] = structure.dateline.to_dict()
    dates = english.dates(body, structure) if english else _dates(body, structure)
    if dates:
        facts["dates"] = dates
    main_date = structure.dateline.iso if structure.dateline and structure.dateline.iso else None
    if english and not main_date:
        main_date = english.header_date(structure)  # "Prepared by Aubrey Moore, May 23, 2021" above the headline
    if main_date or (dates and not english):  # English: the release's date is its dateline's, a date of the body is an event's
        facts["date"] = main_date or dates[0]["iso"]
    places = _places(body, structure)
    if places:
        facts["places"] = places
        facts["place"] = places[0]
    if english:
        people = english.people(sentences, structure)
    else:
        elsewhere = [line for kind, line in structure.removed if kind in _NAMING_FURNITURE] + ([structure.about] if structure.about else [])
        people = _people(sentences, "|".join(sorted(word_list("roles_fr.txt"), key=len, reverse=True)), elsewhere)
    if people:
        facts["people"] = people
    from .organisations import find_organisations

    signed = [line for kind, line in structure.removed if kind in _SENDER_FURNITURE]
    headline = [grammar_title(structure.title, sentences, language)] if structure.title else []
    labelled = [p.text for p in structure.paragraphs  # "Mis en œuvre par : …", not a heading in capitals ("[PAGE 2 : L'INTENTION]")
                if p.kind == "heading" and " : " in p.text and not p.text.isupper()]
    named_in = headline + list(sentences[:tagged_limit]) + ([structure.about] if structure.about else []) + signed + labelled
    if english:
        if tags is None:
            from ..grammar.chunking import SentenceTags

            tags = SentenceTags("en")
        organisations = english.organisations(named_in, people, tags, structure)
    else:
        organisations = find_organisations(named_in, people, tags)  # the headline and "À propos" name bodies too
    if organisations:
        facts["organisations"] = organisations
    figures = english.figures(body) if english else _figures(body)
    if figures:
        facts["figures"] = figures
    quotes = english.quotes(body, people) if english else _quotes(body, people)
    if quotes:
        facts["quotes"] = quotes
    if structure.contacts:
        facts["contacts"] = [c.to_dict() for c in structure.contacts]
    if structure.about:
        facts["about"] = structure.about[:600]
    return facts


def _english_facts() -> Any:
    """The English facts module, imported on first use (a function-local `import … as` does not
    bind its name when mypyc compiles this module)."""
    from . import facts_en

    return facts_en


def _dates(body: str, structure: Structure) -> list[dict]:
    reference = structure.dateline.iso if structure.dateline else None
    default_year = int(reference[:4]) if reference else None
    out, seen, spans = [], set(), []
    for match in DATE_RE.finditer(body):
        spans.append(match.span())
        iso = to_iso(match, default_year)
        if iso is None:
            continue
        if iso not in seen:
            seen.add(iso)
            out.append({"text": match.group(), "iso": iso})
    for match in MONTH_YEAR_RE.finditer(body):
        if any(a <= match.start() < b for a, b in spans):
            continue  # the month of a full date already read
        iso = month_year_iso(match)
        if iso not in seen:
            seen.add(iso)
            out.append({"text": match.group(), "iso": iso})
    if reference:
        for match in re.finditer(r"\b(?:ce|cette|le)\s+(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b", body, re.IGNORECASE):
            if any(a <= match.start(1) < b for a, b in spans):
                continue  # part of a full date already read
            iso = resolve_weekday(match.group(1), reference)
            if iso not in seen:
                seen.add(iso)
                out.append({"text": match.group(), "iso": iso})
    return out


def _places(body: str, structure: Structure) -> list[str]:
    gazetteer = word_list("places_fr.txt")
    found: list[str] = []
    if structure.dateline and structure.dateline.place:
        found.append(structure.dateline.place.title() if structure.dateline.place.isupper() else structure.dateline.place)
    for match in re.finditer(rf"(?=[{_UPPER}])\b{_NAME_WORD}(?:[ -](?:(?:de|du|des|sur|en|la|le)[ -])?{_NAME_WORD})*", body):
        name = match.group()
        candidates = [name] + name.split()
        for cand in candidates:
            if cand in gazetteer and cand not in found:
                found.append(cand)
                break
    return found


_SURNAME = rf"(?:[{_UPPER}][a-zà-öø-ÿ'’]+(?:-[{_UPPER}][a-zà-öø-ÿ]+)?|[{_UPPER}]{{2,}}(?:-[{_UPPER}]{{2,}})?)"
_GIVEN_THEN_SURNAME = re.compile(
    r"(?:(?<![\w'’-])|(?<=\b[dlDL]['’])|(?<=\bqu['’]))"  # after a space, or after an elided "d'", "l'", "qu'"
    rf"(?P<name>(?P<given>[{_UPPER}][a-zà-öø-ÿ]+(?:-[{_UPPER}][a-zà-öø-ÿ]+)?)\s+"
    rf"(?:(?:de|du|d'|d’|van|von|van der|de la|Le|La|Ben|El)\s?)?{_SURNAME}(?:\s+{_SURNAME})?)(?![\w'’-])")


def _named_people(texts: Sequence[str]) -> list[str]:
    """People named by a first name and a surname ("Christelle Gigault", "Sylvie MARCILLY"), where
    no role or title says so: the first name (a compound's first part) is a known one (data/given_names_fr.txt)
    and the word before is not a street, a school or a prize (data/name_contexts_fr.txt)."""
    given_names = sorted_list("given_names_fr.txt")
    contexts = word_list("name_contexts_fr.txt")
    roles = word_list("roles_fr.txt")
    found: list[str] = []
    for text in texts:
        for match in _GIVEN_THEN_SURNAME.finditer(text):
            if match.group("given").split("-")[0].lower() not in given_names:
                continue  # "Marie-Claire": a compound's first part says it is a first name ("claire" is a word too)
            before = text[:match.start()].split()
            previous = before[-1].strip("«(\"'’") if before else ""
            if previous.lower() in contexts or (previous[:1].isupper() and not previous.endswith((",", ":", "."))):
                continue  # "rue Victor Hugo"; "Fondation Jean Jaurès", "Université Paul Sabatier"
            name = _without_trailing_role(" ".join(match.group("name").split()), roles)
            if name not in found:
                found.append(name)
    return found


def _without_trailing_role(name: str, roles: frozenset[str]) -> str:
    """"Laurent Trousselle Président" (a signature or contact line: "Laurent Trousselle Président de
    l'Association …"): a role noun capitalised after the surname is no second surname."""
    given, *rest = name.split()
    while len(rest) > 1 and rest[-1].lower() in roles:
        rest.pop()
    return " ".join([given, *rest])


_SENDER_FURNITURE = frozenset({"letterhead", "attribution"})  # furniture lines that name the sender
_NAMING_FURNITURE = frozenset({"contact", "end", "tail", "about", "attribution"})  # furniture lines that name people


def _people(sentences: Sequence[str], roles: str, elsewhere: Sequence[str] = ()) -> list[dict]:
    """People with their role, read sentence by sentence so a role never runs into the next
    sentence's subject; then people named without a role, in the body and in `elsewhere` (the
    "À propos", contact and signature lines)."""
    people: dict[str, dict] = {}
    body = " ".join(sentences)
    patterns = (re.compile(_PERSON_WITH_ROLE_AFTER.replace("{roles}", roles)),
                re.compile(_ROLE_THEN_PERSON.replace("{roles}", roles)))
    with_comma = [sentence for sentence in [*sentences, *elsewhere] if "," in sentence]  # both patterns need one; a signature
    # or contact line names its person with a role too ("Tara Martin, Fondatrice et Directrice générale de …")
    for match in (m for pattern in patterns for sentence in with_comma for m in pattern.finditer(sentence)):
        name = re.sub(rf"^{_CIVIL}\s+", "", match.group("name")).strip()
        role = re.sub(r"^(?:[Ll][ea]\s+|[Ll]['’])", "", " ".join(match.group("role").split()).strip(" ,"))
        if name not in people:
            people[name] = {"name": name, "role": role}
    for match in _CIVIL_PERSON.finditer(body):
        name = match.group("name")
        if not any(name in known for known in people):
            people.setdefault(name, {"name": name, "role": None})
    lowered = [known.lower() for known in people]  # kept beside `people`: lowering every known name for
    for name in _named_people([*sentences, *elsewhere]):  # every new one was most of this loop on long texts
        lower = name.lower()
        if not any(lower in known or known in lower for known in lowered):
            people[name] = {"name": name, "role": None}
            lowered.append(lower)
    return list(people.values())


def _figures(body: str) -> list[dict]:
    """Numbers with a unit or a counted noun: "184 millions d'euros", "30 %", "19 stations"."""
    out, seen = [], set()
    for match in _FIGURE.finditer(body):
        number, unit, of = match.group("number"), match.group("unit"), match.group("of")
        if of and (_NOT_COUNTED.fullmatch(of.split()[-1].split("'")[-1].split("’")[-1]) or (unit in _SCALE_UNITS and not re.match(r"d(?:e\s|['’])", of))):
            of = None  # "95 millions apportés": a participle, not what is counted
        if not unit and not of:
            continue
        if _YEAR.match(number) and not unit:
            continue
        before = body[max(0, match.start() - 12):match.start()]
        if re.search(r"(?:n°|article|art\.|\d[/.-])\s*$", before, re.IGNORECASE):
            continue
        end = match.end("of") if of else match.end("unit")
        text = " ".join(body[match.start():end].split())
        if text not in seen:
            seen.add(text)
            counts = re.sub(r"^(?:de\s+|d['’])", "", of) if of else None
            out.append({"text": text, "unit": unit or None, "counts": counts})
    return out[:20]


def _quotes(body: str, people: list[dict]) -> list[dict]:
    out = []
    names = [p["name"] for p in people]
    roles = {p["name"]: p["role"] for p in people if p.get("role")}
    for match in _QUOTE.finditer(body):
        quote = match.group("quote").strip()
        if len(quote.split()) < 4:
            continue
        after = body[match.end():match.end() + 160]
        before = body[max(0, match.start() - 200):match.start()]
        speaker = _speaker(after, before, names) or _speaker_by_role(after, roles)
        out.append({"quote": quote, "speaker": speaker})
    return out


# What follows a closing quote before the speaker: «…», a déclaré / » souligne
_QUOTE_THEN_VERB = rf"\s*[,.!?]?\s*(?:»\s*)?,?\s*{_SPEECH_VERBS}"


def _speaker_by_role(after: str, roles: dict[str, str]) -> str | None:
    """« … » a déclaré le sélectionneur: the one person whose role starts with that noun."""
    match = re.match(rf"{_QUOTE_THEN_VERB}\s+(?:l[ea]\s+|l['’])(?P<noun>[\w-]+)", after)
    if not match:
        return None
    noun = match.group("noun").lower()
    holders = [name for name, role in roles.items() if role.lower().split()[0].startswith(noun)]
    return holders[0] if len(holders) == 1 else None


def _speaker(after: str, before: str, names: list[str]) -> str | None:
    verb_then_name = re.match(rf"{_QUOTE_THEN_VERB}\s+(?:-t-|t-)?(?:{_CIVIL}\s+)?(?P<name>{_PERSON})", after)
    if verb_then_name:
        return verb_then_name.group("name")
    if re.match(rf"\s*[,.!?]?\s*,?\s*(?:a-t-(?:il|elle)|{_SPEECH_VERBS}-(?:t-)?(?:il|elle))", after):
        return next((n for n in reversed(names) if n in before), None)
    name_then_verb = re.search(rf"(?:{_CIVIL}\s+)?(?P<name>{_PERSON})(?:,[^,«]{{0,120}},)?\s+{_SPEECH_VERBS}?\s*:\s*$", before)
    if name_then_verb:
        return name_then_verb.group("name")
    selon = re.search(rf"[Ss]elon\s+(?:{_CIVIL}\s+)?(?P<name>{_PERSON})", before[-120:] + after[:60])
    if selon:
        return selon.group("name")
    return None
