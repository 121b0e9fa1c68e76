"""Organisations named in a release: long names, acronyms with their expansion, companies.

Found by what they are, on tagged tokens (``chunking.tagged``):
- a long name headed by an institution noun ("ministère de l'Agriculture", "Fédération française
  de handball", "Caisse des dépôts et consignations"), capitalised, or qualified as an
  institution ("direction interministérielle du numérique");
- a run of capitalised names that contains an institution noun ("Free Software Foundation
  Europe", "Nantes Métropole") or follows a noun that introduces one ("l'ONG Eau Vive
  Solidarité", "la start-up Lumio"), or that a person works for ("présidente de Lumio");
- an acronym, linked to the long name its initials spell before or after it; an acronym without
  one only when the text treats it as a body ("la FSFE", "du SAMU"). Technologies, concepts, job
  titles (``data/acronyms_ignore.txt``), tickers and surnames in capitals are not organisations.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..grammar.tagging import Token, is_common_word, known_names
from ..grammar.verbs import has_finite_verb, is_present_verb
from ..resources import sections, word_list
from ..text.tokens import is_stop_word, normalize_word

_ACRONYM = re.compile(r"^[A-ZÀ-ÖØ-Ý][A-ZÀ-ÖØ-Ý0-9&]{1,9}(?:-[A-ZÀ-ÖØ-Ý0-9]{2,9})*$")
_LINKS = frozenset({"de", "d'", "d’", "du", "des", "pour"})
_DETERMINERS = frozenset({"la", "l'", "l’", "le", "les"})
_BODY_ARTICLES = frozenset({"la", "le", "l'", "l’", "du", "au", "les", "des", "aux"})
_TICKER_CONTEXT = re.compile(r"(?i)(?:euronext|nasdaq|nyse|isin|mnémo\w*|ticker|bourse|code)\W{0,12}$")
MAX_NAME_TOKENS = 24


@dataclass(frozen=True)
class Lexicon:
    heads: frozenset[str]
    of_name: frozenset[str]
    generic: frozenset[str]
    qualifiers: frozenset[str]
    cues: frozenset[str]
    subject_verbs: frozenset[str]
    agent_cues: frozenset[str]
    meetings: frozenset[str]
    texts: frozenset[str]
    purposes: frozenset[str]
    legal_forms: frozenset[str]

    def is_head(self, word: str) -> bool:
        return word in self.heads or (word[-1:] in "sx" and word[:-1] in self.heads)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    groups = sections("organisations_fr.txt")
    return Lexicon(*(frozenset(groups.get(key, ())) for key in ("heads", "of_name", "generic", "qualifiers", "cues", "subject_verbs", "agent_cues",
                                                                  "meetings", "texts", "purposes", "legal_forms")))


def _lower(token: Token) -> str:
    return normalize_word(token.text)


def _is_capitalised_name(token: Token) -> bool:
    """A word written as a name: a capital first ("Veltis"), or capitals inside a word that opens in lower
    case ("openSUSE", "iMédia"), as brands write themselves."""
    text = token.text
    if token.tag not in ("PROPN", "NOUN", "X", "ADJ") or not text[:1].isalpha():
        return False
    return text[:1].isupper() or _camel_case(text)


def _camel_case(text: str) -> bool:
    """"openSUSE", "iMédia", "eBay": a brand's word, lower case first and capitals inside (the tagger, which
    has never seen it, may call it an adjective)."""
    return len(text) > 3 and text[:1].islower() and any(c.isupper() for c in text[1:]) and text.isalpha()


def _complement(tokens: Sequence[Token], j: int) -> int | None:
    """End of "de la Culture", "des dépôts", "pour l'investissement" starting at j, or None."""
    if j >= len(tokens) or _lower(tokens[j]) not in _LINKS:
        return None
    k = j + 1
    if k < len(tokens) and _lower(tokens[k]) in _DETERMINERS:
        k += 1
    determined = k > j + 1 or _lower(tokens[j]) in ("du", "des")
    noun_tags = ("NOUN", "PROPN", "X", "ADJ") if determined else ("NOUN", "PROPN", "X")  # "du numérique": a noun here
    if k >= len(tokens) or tokens[k].tag not in noun_tags or not tokens[k].text[:1].isalnum():
        return None
    noun = tokens[k].text
    k += 1
    while k < len(tokens) and (tokens[k].tag in ("ADJ", "PROPN") or (tokens[k].tag == "NOUN" and tokens[k].text[:1].isupper())):
        if _verb_read_as_adjective(noun, tokens[k]):
            break
        k += 1
    return k


def _verb_read_as_adjective(noun: str | None, token: Token) -> bool:
    """"Académie des sciences souhaite faire…", "la Cour de cassation affirme…": a verb the tagger
    took for an adjective of the name, which ends there. It is one of the verbs that follow a body
    as its subject, any present-tense form of a known verb (grammar/verbs.py), or a lower-case
    singular "adjective" after a plural noun (it agrees with nothing)."""
    if token.tag != "ADJ":
        return False
    if _lower(token) in lexicon().subject_verbs or is_present_verb(token.text):
        return True
    word = token.text
    return noun is not None and noun[-1:].lower() in ("s", "x") and word[:1].islower() and word[-1:].lower() not in ("s", "x")


def _modifiers_end(tokens: Sequence[Token], j: int) -> int:
    """Adjectives and names after a head, "et" between two adjectives ("géographique et forestière")."""
    while j < len(tokens):
        token = tokens[j]
        if _verb_read_as_adjective(tokens[j - 1].text if tokens[j - 1].tag in ("NOUN", "ADJ") else None, token):
            break
        if (token.tag == "ADJ" or _is_capitalised_name(token)) and token.text[:1].isalpha():
            j += 1
        elif (token.text == "et" and j + 1 < len(tokens) and tokens[j - 1].tag == "ADJ" and tokens[j + 1].tag == "ADJ"
              and not is_present_verb(tokens[j + 1].text)):  # "…européenne et rappelle": the verb of the sentence
            j += 2
        else:
            break
    return j


def _long_name_end(tokens: Sequence[Token], i: int) -> int:
    """Extend a name from its head: adjectives, names, complements, coordinated complements. A
    list after a comma counts only when it closes with "et" ("…, de la consommation et de la
    répression des fraudes"), so "Foundation Europe, des centaines de partisans" stops at the comma."""
    j = _modifiers_end(tokens, i + 1)
    pending = None  # end of a comma-listed complement not yet closed by "et"
    while j - i < MAX_NAME_TOKENS:
        end = _complement(tokens, j)
        if end is not None:
            j = _modifiers_end(tokens, end)
            continue
        if j + 1 < len(tokens) and tokens[j].text == "et":
            end = _complement(tokens, j + 1)
            if (end is None and tokens[j + 1].tag == "NOUN" and tokens[j + 1].text[:1].isalpha()
                    and _lower(tokens[j + 1]) not in word_list("roles_fr.txt")  # "…de Fribourg et coordinateur du groupe": a person's role
                    and not is_present_verb(tokens[j + 1].text)):  # "la Commission européenne et rappelle…": the verb
                end = j + 2  # "Caisse des dépôts et consignations"
            if end is not None:
                j, pending = _modifiers_end(tokens, end), None
                continue
        if j + 1 < len(tokens) and tokens[j].text == ",":
            end = _complement(tokens, j + 1)
            if end is not None:
                pending = pending if pending is not None else j
                j = _modifiers_end(tokens, end)
                continue
        break
    return pending if pending is not None else j


def _has_capital_after(tokens: Sequence[Token], start: int, end: int) -> bool:
    return any(t.text[:1].isupper() for t in tokens[start + 1:end])


def long_names(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Spans of names headed by an institution noun."""
    lex = lexicon()
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.tag not in ("NOUN", "PROPN", "X") and not token.text[:1].isupper():
            i += 1
            continue
        lower = _lower(token)
        if not lex.is_head(lower):
            i += 1
            continue
        end = _long_name_end(tokens, i)
        if end - i >= 2 and _is_institution(tokens, i, end, lex):
            start = i
            if token.text.isupper() and lower in lex.cues and _is_capitalised_name(tokens[i + 1]):
                start = i + 1  # "l'ONG Eau Vive Solidarité": the name is what follows
            else:
                while start > 0 and token.text[:1].isupper() and _is_capitalised_name(tokens[start - 1]) and tokens[start - 1].tag != "ADJ":
                    start -= 1  # "Free Software Foundation", "Nantes Métropole"
            spans.append((start, end))
            i = end
        else:
            i += 1
    return spans


def _is_institution(tokens: Sequence[Token], i: int, end: int, lex: Lexicon) -> bool:
    """Whether head i and what follows name a body rather than a thing ("le service de l'État")."""
    head = tokens[i]
    lower = _lower(head)
    singular = lower[:-1] if lower[-1:] in "sx" and lower not in lex.heads else lower
    following = tokens[i + 1]
    qualified = _lower(following) in lex.qualifiers
    if following.text == "et" and i + 2 < end and _lower(tokens[i + 2]) in _LINKS:
        return False  # "(ministre de la) Ville et du Logement": a head coordinated with a complement is a complement itself
    if (i == 0 and not head.text.isupper() and not qualified and not _has_capital_after(tokens, i, end)
            and not any(_lower(t) in _LINKS for t in tokens[i + 1:end])):
        return False  # "Réseaux sociaux : …", "Organisation logistique : …": a noun and its adjective, capitalised by the
        # sentence, not by a name ("Cour de cassation : …", "Institut de radioprotection … : …" are named by a complement)
    if head.text[:1].isupper():
        if singular in lex.generic:  # "Service hydrographique…", "Groupe Veltis", "Assemblée des départements de France"
            if _lower(following) in lex.meetings:
                return False  # "Assemblée générale annuelle": a meeting
            described = [t.text for t in tokens[i + 1:end] if t.text.isalpha() and not is_stop_word(t.text)]
            if head.text.isupper() and not qualified and len(described) == 1 and is_common_word(described[0]):
                return False  # "SERVICE DE PRESSE", "BUREAU COMMUNICATION": in capitals a case names nothing, and one common
                # word says what the office does ("COLLECTIF DES SYNDICATS DE PRATICIENS HOSPITALIERS" names a body)
            return (following.text[:1].isupper() or (following.text[:1].isalpha() and not is_stop_word(following.text))
                    or _has_capital_after(tokens, i, end))
        return True
    if qualified and end - i >= 3:
        return True  # "direction interministérielle du numérique", not "service interministériel"
    if end + 2 < len(tokens) and tokens[end].text == "(" and tokens[end + 1].text[:1].isupper() and tokens[end + 2].text == ")":
        return True  # "l'association de l'économie numérique (Acsel)": named by its short name
    if singular in lex.of_name and _is_capitalised_name(following) and following.tag != "ADJ":
        return True  # "l'université Cheikh Anta Diop", "le fonds Aquitaine Innovation"
    if singular in lex.of_name and _lower(following) in ("de", "d'", "du", "des"):
        k = i + 2 if _lower(tokens[i + 2]) not in _DETERMINERS else i + 3
        return k < end and tokens[k].text[:1].isupper()
    return False


def _name_run(tokens: Sequence[Token], i: int) -> int:
    j = i
    while j < len(tokens) and _is_capitalised_name(tokens[j]) and (tokens[j].tag != "ADJ" or _camel_case(tokens[j].text)) or (
            j > i and j < len(tokens) and tokens[j].tag == "ADJ" and tokens[j].text[:1].isupper()):
        j += 1
    return j


_LINKING_DE = frozenset({"de", "des", "du", "d'", "d’"})


def _name_segments(tokens: Sequence[Token], i: int) -> list[tuple[int, int]]:
    """The capitalised runs from i that "de", "des", "du" (with "la", "l'") join: "Classement" "des"
    "Associations", "Concours" "du" "Classement" "des" "Associations"."""
    segments = [(i, _name_run(tokens, i))]
    while True:
        j = segments[-1][1]
        if j >= len(tokens) or _lower(tokens[j]) not in _LINKING_DE:
            return segments
        k = j + 1
        if k < len(tokens) and _lower(tokens[k]) in _DETERMINERS and tokens[k].text[:1].islower():
            k += 1  # "de la", "de l'"
        if k >= len(tokens) or not (_is_capitalised_name(tokens[k]) and tokens[k].tag != "ADJ"):
            return segments
        segments.append((k, _name_run(tokens, k)))


def _bridged_name(tokens: Sequence[Token], segments: list[tuple[int, int]], lex: Lexicon) -> tuple[int, int] | None:
    """"Classement des Associations", "Maison des Associations": an institution word in a later
    segment names a body with the segment before it (a kind of thing or place "of the associations"),
    and with what follows ("… de Rennes"); before that, the words name something the body does
    ("Plateforme de Vote du Classement des Associations", "Concours du Classement des Associations")."""
    for h in range(1, len(segments)):
        if any(lex.is_head(_lower(t)) for t in tokens[segments[h][0]:segments[h][1]]):
            start = segments[h - 1][0]
            opens_sentence = start == 0 or not tokens[start - 1].text[:1].isalnum() and tokens[start - 1].text not in (",", "(")
            before = tokens[start:segments[h - 1][1]]
            if (opens_sentence or _lower(before[0]) in word_list("name_contexts_fr.txt")
                    or any(_lower(t) in word_list("roles_fr.txt") or t.text.isupper() for t in before)):
                return None  # "Dissolution du Comité" (a capital any first word has), "Hôtel de Ville", "Prix des
            return start, segments[-1][1]  # Associations" (a place, a prize), "Président du Conseil" (a role), "API d'Orange" (an acronym)
    return None


def named_bodies(tokens: Sequence[Token], people: frozenset[str]) -> list[tuple[int, int]]:
    """Capitalised runs that are organisations: with an institution word in them, or introduced
    by a noun such as "société", "ONG", "start-up"."""
    lex = lexicon()
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if _article_led_name_after_cue(tokens, i, lex):  # "le collectif Au Carrefour de la Liberté", "l'association La Cimade"
            end = _name_segments(tokens, i + 1)[-1][1]  # after a cue the name runs through its links ("… de la Liberté")
            if " ".join(t.text for t in tokens[i:end]) not in people:
                spans.append((i, end))
            i = end
            continue
        camel = _camel_case(tokens[i].text)
        if not (tokens[i].text[:1].isupper() or camel) or not _is_capitalised_name(tokens[i]) or (tokens[i].tag == "ADJ" and not camel):
            i += 1
            continue
        segments = _name_segments(tokens, i)
        end = segments[0][1]
        bridged = _bridged_name(tokens, segments, lex) if len(segments) > 1 else None
        if bridged is not None and (i == 0 or _lower(tokens[i - 1]) not in lex.cues):
            if " ".join(t.text for t in tokens[bridged[0]:bridged[1]]) not in people:
                spans.append(bridged)
            i = bridged[1]
            continue
        if end - i >= 2 and tokens[end - 1].text in lex.legal_forms:
            spans.append((i, end))  # "Tell Markets SPA": a company, with its legal form
            i = end
            continue
        text = " ".join(t.text for t in tokens[i:end])
        words = [_lower(t) for t in tokens[i:end]]
        cue = (i > 0 and _lower(tokens[i - 1]) in lex.cues and tokens[i - 1].text[:1].islower() or _acts_as_agent(tokens, i, end, lex)
               or _subject_of_news(tokens, i, end, lex) or _defined_as_body(tokens, i, end, lex))
        inner_head = end - i >= 2 and any(w in lex.heads for w in words[1:])
        first_of_sentence = i == 0 or not tokens[i - 1].text[:1].isalnum() and tokens[i - 1].text not in (",", "(")
        if (cue or inner_head) and text not in people and not (first_of_sentence and not cue and end - i < 2):
            spans.append((i, end))
        i = max(end, i + 1)
    return spans


_NAME_ARTICLES = frozenset({"Au", "Aux", "La", "Le", "Les", "L'", "L’", "Du", "Des", "À"})


def _article_led_name_after_cue(tokens: Sequence[Token], i: int, lex: Lexicon) -> bool:
    """A name that opens with its own capitalised article right after a cue noun ("le collectif Au
    Carrefour de la Liberté", "l'association Les Amis du Val"): the article is the name's first word."""
    return (0 < i < len(tokens) - 1 and tokens[i].text in _NAME_ARTICLES and _lower(tokens[i - 1]) in lex.cues
            and tokens[i - 1].text[:1].islower() and tokens[i + 1].text[:1].isupper() and _is_capitalised_name(tokens[i + 1]))


@lru_cache(maxsize=1)
def _known_bodies() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The bodies French news names most often (``data/bodies_fr.txt``, built from OrangeSum by
    ``benchmarks/build_bodies.py``) by their first token, longest first: "Google", "Organisation
    mondiale de la santé", "SNCF" are bodies wherever a release names them, without a cue."""
    from ..grammar.tagging import tokenize

    index: dict[str, list[tuple[str, ...]]] = {}
    ignore = word_list("acronyms_ignore.txt")  # the list was read off a tagger's entities: "AG" is a meeting
    for name in word_list("bodies_fr.txt"):
        if name in ignore:
            continue
        words = tuple(name[a:b] for a, b in tokenize(name))
        if words:
            index.setdefault(words[0], []).append(words)
    return {first: tuple(sorted(names, key=len, reverse=True)) for first, names in index.items()}


def known_bodies(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Spans of the tokens that spell a known body, the longest at each place; a name that goes on
    with more capitalised words ("Google Maps") is another thing, not that body."""
    known = _known_bodies()
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        for words in known.get(tokens[i].text, ()):
            end = i + len(words)
            if end <= len(tokens) and all(tokens[i + k].text == w for k, w in enumerate(words)) and not (
                    end < len(tokens) and tokens[end].text[:1].isupper() and tokens[end].text[:1].isalpha()):
                spans.append((i, end))
                i = end - 1
                break
        i += 1
    return spans


def _acts_as_agent(tokens: Sequence[Token], i: int, end: int, lex: Lexicon) -> bool:
    """"Organisé par Tarsus France", "en partenariat avec Oslandia": a capitalised name after an
    agent cue (``[agent_cues]``) is a body, unless a first name opens it or it is a place."""
    label = i
    while label > 0 and tokens[label - 1].text in (":", "*", "**", "_"):  # "Mis en œuvre par :** Excellence Foundation"
        label -= 1
    if label == 0 or tokens[label - 1].text.lower() not in _agent_cue_ends(lex.agent_cues):
        return False  # most names follow no cue: one look at the word before them
    before = " ".join(t.text.lower() for t in tokens[max(0, label - 5):label]).replace("' ", "'").replace("’ ", "’")
    if not any(before.endswith(cue) and (len(before) == len(cue) or before[-len(cue) - 1] == " ") for cue in lex.agent_cues):
        return False
    return not _person_or_place([t.text for t in tokens[i:end]])


def _subject_of_news(tokens: Sequence[Token], i: int, end: int, lex: Lexicon) -> bool:
    """"French Tech Alsace annonce la tenue…", ", Breizh Cyclo lance…": a capitalised name of two words
    or more that opens its sentence or clause and does what bodies do ([subject_verbs]) is a body,
    unless a first name opens it or it is a place (the English finder reads names the same way)."""
    start = i - 1 if i > 0 and _lower(tokens[i - 1]) in _INDEFINITE and tokens[i - 1].text[:1].isupper() else i  # "Le GDG Nantes est fier"
    opens_clause = start == 0 or tokens[start - 1].text == ","
    if not opens_clause or end - i < 2 or end >= len(tokens):
        return False
    verb = end
    if _lower(tokens[end]) == "et" and end + 1 < len(tokens) and _is_capitalised_name(tokens[end + 1]):
        verb = _name_run(tokens, end + 1)  # "OpenStreetMap Belgique et Mapillary s'associent…"
    if verb >= len(tokens) or not _does_what_bodies_do(tokens, verb, lex):
        return False
    return not _person_or_place([t.text for t in tokens[i:end]])


_REFLEXIVE = frozenset({"s'", "s’", "se"})


@lru_cache(maxsize=1)
def _subject_words(section: str) -> frozenset[str]:
    """[reflexive_verbs] ("s'associent"), [proud] ("est fière de") of data/organisations_fr.txt."""
    return frozenset(sections("organisations_fr.txt").get(section, ()))


def _does_what_bodies_do(tokens: Sequence[Token], j: int, lex: Lexicon) -> bool:
    """The words after a name at its clause's start: a verb of [subject_verbs] ("annonce", "rejoint"), a
    reflexive one ("s'associent", "se mobilise"), or pride ("est fier de", "sont heureux d'annoncer")."""
    word = _lower(tokens[j])
    if word in lex.subject_verbs:
        return True
    following = _lower(tokens[j + 1]) if j + 1 < len(tokens) else ""
    if word in _REFLEXIVE:
        return following in _subject_words("reflexive_verbs") or following in lex.subject_verbs
    return word in ("est", "sont") and following in _subject_words("proud")


_COPULAS = frozenset({"est", "était"})
_INDEFINITE = frozenset({"un", "une", "l'", "l’", "le", "la"})


def _defined_as_body(tokens: Sequence[Token], i: int, end: int, lex: Lexicon) -> bool:
    """"Exodus Privacy a pour but…", "Alsace Digitale est un organisme qui…", "Rhénatic, pôle de
    compétences…": a capitalised name that opens its sentence or clause and is defined there as a
    body ([purposes], a noun of [cues] or [heads] after "est un(e)" or in apposition) is one, unless
    a first name opens it or it is a place. The sentence that says what a body is names it bare."""
    if not (i == 0 or tokens[i - 1].text in (",", ":", "(")) or end >= len(tokens):
        return False
    after = [_lower(t) for t in tokens[end:end + 6]]
    if after[0] == "a" and len(after) > 2 and after[1] == "pour":
        defined = after[2] in lex.purposes
    else:
        if after[0] in _COPULAS:
            j = 1
            while j < len(after) and tokens[end + j].tag == "ADV":
                j += 1
            if j >= len(after) or after[j] not in _INDEFINITE:
                return False
            j += 1
        elif after[0] == ",":
            j = 1 + (len(after) > 1 and after[1] in _INDEFINITE)
        else:
            return False
        while j < len(after) and tokens[end + j].tag == "ADJ":
            j += 1
        defined = any(after[k] in lex.cues or lex.is_head(after[k]) for k in range(j, min(j + 2, len(after))))  # "une jeune start-up"
    words = [t.text for t in tokens[i:end]]
    return defined and not _person_or_place(words) and not (len(words) == 1 and is_common_word(words[0]))


_SHORTEST_NAME_LIST = 3
_LONGEST_LISTED_NAME_WORDS = 10
_TRAILING_ACRONYM = re.compile(r"\s*\([^()]{1,15}\)\s*$")


def _has_a_name_list(sentence: str) -> bool:
    return sentence.count(";") >= _SHORTEST_NAME_LIST - 1


def _semicolon_listed_bodies(sentence: str, person_names: frozenset[str]) -> list[str]:
    """A list of bodies set one a line and closed by semicolons, as releases list their signatories or
    supporters ("Ami(e)s de la Terre Canada; Ecojustice; Environmental Defence; Équiterre;"): a sentence
    (its callers check it has no verb) of three items or more, each a capitalised name of a few words (two
    spellings parted by a slash are two names). People and places stay out."""
    if not _has_a_name_list(sentence):
        return []
    items = [item.strip(" .;*_") for item in sentence.split(";")]
    items[0] = items[0].rsplit(":", 1)[-1].strip(" *_")  # "Organismes offrant leur appui : Ami(e)s de la Terre Canada"
    names = [part.strip() for item in items if item for part in re.split(r"\s+[/|]\s+", item)]
    if len(names) < _SHORTEST_NAME_LIST or not all(n[:1].isupper() and len(n.split()) <= _LONGEST_LISTED_NAME_WORDS for n in names):
        return []  # not a list of names: a sentence that only uses semicolons
    out = []
    for name in names:
        name = _TRAILING_ACRONYM.sub("", name)  # "Centre québécois du droit de l'environnement (CQDE)": the acronym is read apart
        words = name.split()
        if words and name not in person_names and not _person_or_place(words) and not (len(words) == 1 and is_common_word(name)):
            out.append(name)
    return out


def _line_listed_bodies(sentences: Sequence[str], tags: Callable[[str], Sequence[Token]], person_names: frozenset[str]) -> list[str]:
    """The same list when each name is a sentence of its own (a plain-text or hard-wrapped release keeps
    its lines): a run of sentences that end with a semicolon, and the one after them."""
    out: list[str] = []
    run: list[str] = []
    for sentence in [*sentences, ""]:
        if sentence.rstrip().endswith(";"):
            run.append(sentence)
            continue
        if len(run) >= _SHORTEST_NAME_LIST - 1 and not any(has_finite_verb(tags(item)) for item in run):
            last = [sentence] if sentence and len(sentence.split()) <= _LONGEST_LISTED_NAME_WORDS and not has_finite_verb(tags(sentence)) else []
            out += _semicolon_listed_bodies(" ".join([*run, *last]), person_names)
        run = []
    return out


def _person_or_place(words: list[str]) -> bool:
    """A capitalised run that a first name opens ("Jean Dupont") or that is a place: no body's name."""
    return normalize_word(words[0]) in word_list("given_names_fr.txt") or " ".join(words).lower() in _places()


@lru_cache(maxsize=1)
def _agent_cue_ends(cues: frozenset[str]) -> frozenset[str]:
    return frozenset(cue.split()[-1] for cue in cues)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    return frozenset(p.lower() for p in word_list("places_fr.txt"))


def _initials_match(words: list[str], acronym: str) -> bool:
    """Whether the words' initials spell the acronym. In "DGSN-DGST" the parts share a prefix the
    text may write once ("directeur général de la Sûreté nationale et de la Surveillance du
    territoire"), so every shared length is tried."""
    parts = acronym.split("-")
    shared = 0
    while len(parts) > 1 and all(shared < len(p) and p[shared] == parts[0][shared] for p in parts):
        shared += 1
    content = [w for w in words if w[:1].isalpha() and w[-1:] not in "'’" and normalize_word(w) not in _ARTICLES]
    for common in range(shared, -1, -1) if len(parts) > 1 else (0,):
        letters = [_fold(c) for c in parts[0] if c.isalpha()]
        for part in parts[1:]:
            letters += [_fold(c) for c in part[common:] if c.isalpha()]
        for kept in ([w for w in content if not is_stop_word(w)], content):  # "pour" is in SGPI, not in AFD
            initials = [_fold(w[0]) for w in kept]
            if letters and initials[: len(letters)] == letters and len(initials) <= len(letters) + 1:
                return True
    return False


@lru_cache(maxsize=512)
def _fold(letter: str) -> str:
    """"é" -> "e": INSEE's E is "études"."""
    return unicodedata.normalize("NFD", letter.lower())[0]


_ARTICLES = frozenset({"le", "la", "les", "l'", "un", "une", "des", "du", "et", "de", "d'"})


def _expansion_before(text: str, tokens: Sequence[Token], i: int, acronym: str) -> str | None:
    """"Agence française de développement (AFD)": the shortest tail of the clause before whose
    initials spell the acronym."""
    start = i - 1 if i > 0 and tokens[i - 1].text == "(" else i
    floor = start
    while floor > 0 and tokens[floor - 1].text not in ".;:!?()«»[]" and start - floor < 4 * len(acronym) + 6:
        floor -= 1
    initial = _fold(acronym[0])
    for first in range(start - 1, floor - 1, -1):
        opening = tokens[first].text
        if opening[:1].isalpha() and opening[-1:] not in "'’" and _fold(opening[0]) != initial:
            continue  # its initial would open the spelling and is not the acronym's first letter
        words = [t.text for t in tokens[first:start] if t.text[:1].isalnum()]
        if words and _lower(tokens[first]) not in _DETERMINERS and not is_stop_word(tokens[first].text) and _initials_match(words, acronym):
            return _span_text(text, tokens, first, start)
    return None


def _spelt_name_before(text: str, tokens: Sequence[Token], i: int, acronym: str) -> str | None:
    """"Extinction Rebellion (XR)": two to four capitalised words just before an acronym in parentheses
    that is made of their letters in order: a proper name and the short form its bearer chose."""
    if i == 0 or tokens[i - 1].text != "(" or i + 1 >= len(tokens) or tokens[i + 1].text != ")":
        return None
    start = i - 1
    first = _capitalised_run_start(tokens, start)
    if first is None:
        return None
    words = [t.text for t in tokens[first:start]]
    if not _letters_in_order(words, acronym) or _person_or_place(words) or all(w.lower() in _places() for w in words):
        return None
    return _span_text(text, tokens, first, start)


_LONGEST_SPELT_RUN = 4


def _capitalised_run_start(tokens: Sequence[Token], start: int) -> int | None:
    """Where the run of two to four capitalised words just before `start` begins (None when shorter)."""
    first = start
    while first > 0 and start - first < _LONGEST_SPELT_RUN and tokens[first - 1].text[:1].isupper() and tokens[first - 1].text.isalpha():
        first -= 1
    return first if start - first >= 2 else None


def _letters_in_order(words: list[str], acronym: str) -> bool:
    """"Extinction Rebellion (XR)": an acronym made of the name's letters, not only its initials; each
    word gives at least one letter, the first word the first one, in order."""
    letters = [_fold(c) for c in acronym if c.isalpha()]
    if len(letters) < 2 or len(letters) < len(words):
        return False
    position = 0
    for index, word in enumerate(words):
        limit = len(letters) - (len(words) - index - 1)  # leave a letter for each word after this one
        before = position
        for letter in word:
            if position < limit and _fold(letter) == letters[position]:
                position += 1
        if position == before:
            return False
    return position == len(letters)


def _expansion_after(text: str, tokens: Sequence[Token], i: int, acronym: str) -> str | None:
    """"ANSSI (Agence nationale de la sécurité des systèmes d'information)", and as a list of members
    or a glossary writes it: "SNBH – Syndicat national des biologistes des hôpitaux"."""
    if i + 2 < len(tokens) and tokens[i + 1].text in ("–", "—", ":"):
        stop = next((k for k in range(i + 2, min(len(tokens), i + 4 * len(acronym) + 8)) if tokens[k].text in ",;.()–—:"), None)
        end = stop if stop is not None else min(len(tokens), i + 4 * len(acronym) + 8)
        for last in range(i + 3, end + 1):  # the shortest run of words whose initials spell it: the verb after is no part
            words = [t.text for t in tokens[i + 2:last] if t.text[:1].isalnum()]
            if words and words[0][:1].isupper() and _initials_match(words, acronym):
                return _span_text(text, tokens, i + 2, last)
        return None
    if i + 1 >= len(tokens) or tokens[i + 1].text != "(":
        return None
    close = next((k for k in range(i + 2, min(len(tokens), i + 4 * len(acronym) + 8)) if tokens[k].text == ")"), None)
    if close is None:
        return None
    words = [t.text for t in tokens[i + 2:close] if t.text[:1].isalnum()]
    return _span_text(text, tokens, i + 2, close) if words and _initials_match(words, acronym) else None


def _span_text(text: str, tokens: Sequence[Token], start: int, end: int) -> str:
    return text[tokens[start].start:tokens[end - 1].end]


def _is_surname(tokens: Sequence[Token], i: int) -> bool:
    """"Marie DUPONT", "DUPONT Marie": a name in capitals beside a first name."""
    before = tokens[i - 1] if i > 0 else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return any(t is not None and t.text[:1].isupper() and t.text[1:2].islower() and t.tag == "PROPN" for t in (before, after))


def _in_label(tokens: Sequence[Token], i: int) -> bool:
    """"LE LIVRABLE : À l'issue de ces échanges, …", "CONTEXTE ET OBJECTIFS : …": words in capitals
    that open a sentence and end on a colon label the paragraph, as a heading would: no body, unless
    the words after the colon spell it out (the caller checks)."""
    end = i
    while end < len(tokens) and end - i < 4 and tokens[end].text != ":":
        end += 1
    if end == len(tokens) or tokens[end].text != ":":
        return False
    return all(not t.text.isalpha() or t.text.isupper() for t in tokens[:end]) and any(t.text.isalpha() and len(t.text) > 3 for t in tokens[:end])


@dataclass(frozen=True)
class Acronym:
    word: str
    expansion: str | None  # the long name its initials spell, when that names a body
    body: bool  # written as a body is ("la FSFE", "du SAMU")
    thing: bool  # spelled out as something that is not a body ("intelligence artificielle (IA)")


def acronyms(tokens: Sequence[Token], text: str) -> list[Acronym]:
    """Each acronym of a sentence, with what the sentence says about it."""
    ignore = word_list("acronyms_ignore.txt")
    legal_forms = lexicon().legal_forms  # "SPA" of "Tell Markets SPA": part of a company's name, no body
    out = []
    for i, token in enumerate(tokens):
        word = token.text
        if not word[:1].isupper() or not _ACRONYM.match(word) or word in ignore or word in legal_forms \
                or re.fullmatch(r"[IVXLCDM]+", word) or sum(c.isupper() for c in word) < 2:
            continue
        if _TICKER_CONTEXT.search(text[max(0, token.start - 30):token.start]) or _is_surname(tokens, i):
            continue
        expansion = _expansion_before(text, tokens, i, word) or _expansion_after(text, tokens, i, word)
        if expansion is None and _in_label(tokens, i):
            continue  # "LE LIVRABLE : …"; "FPC : Fédération des producteurs de comté" spells itself out
        if expansion is None and (spelt := _spelt_name_before(text, tokens, i, word)):
            out.append(Acronym(word, spelt, True, False))  # a name and its own short form: a body's way of naming itself
            continue
        if expansion and not _names_a_body(expansion) and _speaks_after(tokens, i):
            out.append(Acronym(word, expansion, True, False))  # "Prevent Cancer Now (PCN) demandent…", "Victimes … (VPQ) est fière…"
        elif expansion and not _names_a_body(expansion):
            out.append(Acronym(word, None, False, True))  # "intelligence artificielle (IA)", "Base Adresse Nationale (BAN)"
        else:
            out.append(Acronym(word, expansion, i > 0 and _lower(tokens[i - 1]) in _BODY_ARTICLES, False))
    return out


def _speaks_after(tokens: Sequence[Token], i: int) -> bool:
    """A spelt-out acronym in parentheses followed by what bodies do ("… (PCN) demandent", "… (VPQ) est
    fière d'annoncer"): whatever its words, the name is a body's, not a thing's."""
    j = i + 2  # past the closing parenthesis
    return i + 1 < len(tokens) and tokens[i + 1].text == ")" and j < len(tokens) and _does_what_bodies_do(tokens, j, lexicon())


def find_organisations(sentences: Sequence[str], people: Sequence[dict],
                       tags: Callable[[str], Sequence[Token]] | None = None) -> list[dict]:
    """[{"name", "expansion"}] in order of first mention; an acronym and its long name are one entry.
    `tags` gives a sentence's tagged tokens (a document's shared `chunking.SentenceTags`)."""
    if tags is None:
        from ..grammar.chunking import SentenceTags

        tags = SentenceTags()
    person_names = frozenset(p["name"] for p in people)
    employers = _employers(people)
    found: dict[str, dict] = {}
    bodies: dict[str, None] = {}  # in order of mention: of two spellings of one length, the first written wins
    expansions: set[str] = set()
    seen_acronyms: dict[str, bool] = {}
    things: set[str] = set()
    for sentence in sentences:
        tokens = tags(sentence)
        names = long_names(tokens)
        for start, end in names:
            short = _short_name_after(tokens, end)
            if short:  # "direction … de l'État (DINSIC)": the name the text gives it, whatever its letters
                long_form = _span_text(sentence, tokens, start, end)
                expansions.add(long_form.lower())
                found.setdefault(short, {"name": short, "expansion": long_form})
        for acronym in acronyms(tokens, sentence):
            word, expansion = acronym.word, acronym.expansion
            if acronym.thing:
                things.add(word)
            if expansion and _led_by_role(expansion):
                found.setdefault(word, {"name": word, "expansion": None})  # "directeur général de … (DGSN)": a body, but
                expansions.add(expansion.lower())                           # the words before it are its head's title
            elif expansion:
                expansions.add(expansion.lower())
                entry = found.setdefault(word, {"name": word, "expansion": expansion})
                entry["expansion"] = entry["expansion"] or expansion
            seen_acronyms[word] = seen_acronyms.get(word, False) or acronym.body
        spans = names + named_bodies(tokens, person_names) + known_bodies(tokens)
        for start, end in spans + _listed_with(tokens, spans):
            bodies.setdefault(_span_text(sentence, tokens, start, end))
        if _has_a_name_list(sentence) and not has_finite_verb(tokens):
            for name in _semicolon_listed_bodies(sentence, person_names):
                bodies.setdefault(name)
    for name in _line_listed_bodies(sentences, tags, person_names):
        bodies.setdefault(name)
    for word, body in seen_acronyms.items():
        if body and word not in found and word not in things:
            found[word] = {"name": word, "expansion": None}
    expansion_keys = [_name_key(e) for e in expansions]
    for name in sorted(bodies, key=len, reverse=True):
        key = _name_key(name)
        if any(key in e for e in expansion_keys) or any(key in _name_key(n["name"]) for n in found.values()):
            continue  # "Cour de justice de l’Union européenne" after "… de l'Union européenne": one body, two apostrophes
        found[name] = {"name": name, "expansion": None}
    for name in employers + _affiliations(sentences, [p["name"] for p in people]):
        key = _name_key(name)
        if not any(key in _name_key(n["name"]) or (n["expansion"] and key in _name_key(n["expansion"])) for n in found.values()):
            found[name] = {"name": name, "expansion": None}
    text = " ".join(sentences)
    lowered = text.lower()
    kept = [org for org in found.values() if not _not_a_name(org, person_names, text, lowered)]
    return sorted(kept, key=lambda o: _first_position(text, o))


def _name_key(name: str) -> str:
    """A name as compared with another: case and the typographic apostrophe aside."""
    return name.lower().replace("’", "'")


_TITLED = re.compile(r"^(?:(?:l[ea]|les)\s+)?(?:Dr|Pr|M|Mme|Mlle|Me|Mgr)\.?\s", re.IGNORECASE)


def _not_a_name(org: dict, person_names: frozenset[str], text: str, lowered: str) -> bool:
    """What the finders let through that an editor would not index as a body: a plural description
    ("directions régionales des affaires culturelles", "organisations nationales existantes"), a
    person ("le Dr David Johnson"), or a word in capitals for emphasis or a command that the same
    release also writes in lower case ("ANALYSE" and "analyse"), none of them expanded. `lowered`: the
    text in lower case, once for all the names."""
    if org["expansion"]:
        return False
    name = org["name"]
    first = name.split()[0]
    if first.islower() and first[-1:] in "sx" and lexicon().is_head(first) and first not in lexicon().heads:
        return True
    if " " in name and normalize_word(first) in lexicon().texts:
        return True  # "Accord de Paris", "Traité de Lisbonne": a text that bodies signed, not a body
    if _TITLED.match(name) or any(person in name for person in person_names):
        return True
    if " " in name or not name.isupper() or not name.isalpha():
        return False
    if name.isascii() and text.count(name) == lowered.count(name.lower()):
        return False  # every spelling of it is in capitals: no search of the whole text (a 1 MB file names hundreds)
    return any(not m.group().isupper() for m in re.finditer(rf"(?<![\w./@]){re.escape(name)}(?![\w/@]|\.\w)", text, re.IGNORECASE))  # not in a link


def _led_by_role(expansion: str) -> bool:
    """An expansion that opens with a person's role ("directeur général de la Sûreté nationale"):
    the acronym names the body that person heads, not the role."""
    words = re.findall(r"[^\W\d_]+", expansion.lower())
    return bool(words) and words[0] in word_list("roles_fr.txt")


def _names_a_body(expansion: str) -> bool:
    """An institution word in it, or a role that heads one ("directeur général de la Sûreté
    nationale … (DGSN-DGST)"); "intelligence artificielle" names a thing."""
    words = re.findall(r"[^\W\d_]+", expansion.lower())
    return any(lexicon().is_head(w) for w in words) or (bool(words) and words[0] in word_list("roles_fr.txt"))


def _listed_with(tokens: Sequence[Token], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names in one enumeration with an organisation are organisations too ("l'Association des
    maires de France, France urbaine, OpenDataFrance, Déclic et les Interconnectés")."""
    known = sorted(spans)
    out: list[tuple[int, int]] = []
    for _, end in known:
        j = end
        while j + 1 < len(tokens) and tokens[j].text in (",", "et"):
            k = j + 1
            if k < len(tokens) and tokens[k].text in ("les", "la", "le", "l'", "l’"):
                k += 1
            item_end = k
            while item_end < len(tokens) and tokens[item_end].text[:1].isupper() and tokens[item_end].text[:1].isalpha():
                item_end += 1
                while item_end < len(tokens) and tokens[item_end].tag == "ADJ" and tokens[item_end].text[:1].islower():
                    item_end += 1  # "France urbaine"
            if item_end == k or any(a <= k < b for a, b in known):
                break
            if item_end < len(tokens) and tokens[item_end].text not in (",", "et", ".", ";", ")", ":"):
                break  # not an enumeration item: the name goes on with other words
            out.append((j + 1 if tokens[j + 1].text in ("les", "la", "le") else k, item_end))
            j = item_end
    return out


def _short_name_after(tokens: Sequence[Token], end: int) -> str | None:
    """"(DINSIC)", "(Acsel)" right after a long name."""
    if end + 2 < len(tokens) and tokens[end].text == "(" and tokens[end + 2].text == ")":
        word = tokens[end + 1].text
        if len(word) > 1 and word[:1].isupper() and word[:1].isalpha() and word not in word_list("acronyms_ignore.txt"):
            return word
    return None


def _first_position(text: str, org: dict) -> int:
    positions = [text.find(v) for v in (org["name"], org["expansion"]) if v and text.find(v) >= 0]
    return min(positions, default=len(text))


_AFFILIATION_LINK = re.compile(r"\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|de\s+|d['’]\s*)")
_AFFILIATED_NAME = re.compile(  # capitalised words, "du"/"de la" inside: "Wikimédia France", "Quadrature du Net"
    r"(?P<name>[A-ZÀ-Ý][\w&’']*(?:[.-][\w&’']+)*(?:\s+(?:(?:du|de|des|de\s+la|d['’])\s*)?[A-ZÀ-Ý][\w&’']*(?:[.-][\w&’']+)*)*)")


def _affiliations(sentences: Sequence[str], person_names: Sequence[str]) -> list[str]:
    """"Paul Rouget de Mozilla", "Jérémie Zimmermann de la Quadrature du Net": the capitalised name
    right after a person's full name, joined by "de", is the body that person speaks for (a place
    is not: "Jean Martin de Toulouse"). Each "de" is looked at once, with the words before it: the
    cost grows with the text, not with the text times the people it names."""
    names = {person for person in person_names if " " in person}
    if not names:
        return []
    longest = max(len(person.split()) for person in names)
    out: list[str] = []
    for sentence in sentences:
        for link in _AFFILIATION_LINK.finditer(sentence):
            before = sentence[:link.start()].rsplit(None, longest)[-longest:]
            if not any(" ".join(before[-size:]).lstrip("(«“\"'‘[") in names for size in range(2, len(before) + 1)):
                continue
            named = _AFFILIATED_NAME.match(sentence, link.end())
            if not named:
                continue
            name = named.group("name")
            if _person_or_place(name.split()) or name in out:
                continue
            out.append(name)
    return out


def _employers(people: Sequence[dict]) -> list[str]:
    """"présidente de Lumio": the capitalised name a role ends with, when news does not know it
    as a place or person."""
    out = []
    names = known_names()
    for person in people:
        match = re.search(r"\b(?:de|du|d['’]|chez)\s*(?P<name>[A-ZÀ-Ý][\w&-]+(?:\s+[A-ZÀ-Ý][\w&-]+)*)$", person.get("role") or "")
        name = match.group("name") if match else ""
        if name and name.lower() not in names and name not in out and (" " in name or not is_common_word(name)):
            out.append(name)  # not a lone common word ("responsable du Pôle"): the rest of the body's name is missing
    return out
