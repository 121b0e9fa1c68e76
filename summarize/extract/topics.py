"""Topics stage: key phrases in the text's own casing, ranked by salience, without near-duplicates.

Candidates are runs of content words (no stop word at either edge, never across punctuation);
scores combine frequency, rarity in French news (document frequencies shipped in
``data/idf_fr.tsv``), first position and presence in the title; entities (capitalised runs,
acronyms, figures such as COVID-19) are kept whole.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..resources import sorted_list, word_list
from ..text.structure import EMAIL_RE, URL_RE
from ..text.tokens import word_profile, word_spans

if TYPE_CHECKING:
    from ..grammar.tagging import Token

MAX_PHRASE_WORDS = 3
_JOINER = re.compile(r"^[ -]?$")  # what may stand between two words of one phrase
_ELIDED_DE = re.compile(r"^ d['’]$", re.IGNORECASE)  # "chiffre d'affaires", "main d'œuvre": one phrase
_APOSTROPHE = re.compile(r"['’]")
_SENTENCE_OPENING_MARKS = frozenset('.!?:«"')


@dataclass
class _Candidate:
    key: tuple[str, ...]
    forms: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    count: int = 0
    first: int = 10**9
    in_title: bool = False
    capitalised: int = 0
    named: int = 0
    determined: int = 0  # times it came after an article, a preposition, an adjective or a number, as a noun does


IDF_FILE = "idf_fr.tsv"  # "stem<TAB>document frequency", sorted; the number of documents in its header


@lru_cache(maxsize=1)
def _documents() -> int:
    counts = [line.split(":")[1] for line in sorted_list(IDF_FILE).header if line.startswith("# documents:")]
    return int(counts[0]) if counts else 1


@lru_cache(maxsize=65536)
def _idf(stem_: str) -> float:
    frequency = sorted_list(IDF_FILE).get(stem_)
    return math.log((_documents() + 1) / (int(frequency or 0) + 1)) + 1.0


def _previous_char(text: str, position: int) -> str:
    """The last non-space character before `position` ("" at the start)."""
    position -= 1
    while position >= 0 and text[position].isspace():
        position -= 1
    return text[position] if position >= 0 else ""


_RunWord = tuple[str, int, bool, str]  # (word as written, offset, sentence-initial, stem)


def _runs(text: str, language: str) -> list[list[_RunWord]]:
    """Runs of content words: [(word, offset, sentence_initial)], split at stop words and punctuation."""
    generic = word_list("generic_fr.txt")
    runs: list[list[_RunWord]] = []
    current: list[_RunWord] = []
    previous_end: int | None = None
    for index, (start, end) in enumerate(word_spans(text)):
        word = text[start:end]
        gap = text[previous_end:start] if previous_end is not None else ""
        joined = previous_end is not None and (bool(_ELIDED_DE.match(gap)) or (
            bool(_JOINER.match(gap)) and not _APOSTROPHE.search(text, previous_end - 1, start + 1)))
        if not joined and current:
            runs.append(current)
            current = []
        previous_end = end
        norm, stop, stem_ = word_profile(word, language)
        if stop or norm in generic or norm.isdigit():
            if current:
                runs.append(current)
            current = []
            continue
        sentence_initial = index == 0 or _previous_char(text, start) in _SENTENCE_OPENING_MARKS
        current.append((word, start, sentence_initial, stem_))
    if current:
        runs.append(current)
    return runs


# Pieces of a link or an address read as words ("http", "www", "com", "https://…"): never a subject.
_LINK_PIECE = re.compile(r"(?i)^(?:https?|www|ftp|mailto|html?|php|pdf|com|org|net|fr)$|://|@|\bwww\.")
# An address in a sentence ("https://…", "lumera.co/ks/", "2015.haum.org", an e-mail): its pieces
# ("ks", "bd", "haum.org") are where to read more, never a subject. A bare two-label name stays:
# "demarches-simplifiees.fr", "Node.js" name a service or a product.
_ADDRESS = re.compile("|".join((URL_RE.pattern, EMAIL_RE.pattern,  # the structure stage's link and e-mail patterns
                                 r"(?<![\w.-])[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[a-z]{2,6}/\S*",
                                 r"(?<![\w.-])(?:[\w-]{1,63}\.){2,8}[a-z]{2,6}(?![\w.-])")),  # bounded: linear on a 2 MB word
                      re.IGNORECASE)


# What a sentence without "/" or "@" must hold for _ADDRESS to match in it: "www." or two dots in a
# dotted name (most sentences with two dots have them in figures and initials: "2.600", "M. Dupont.").
_MAYBE_DOTTED_NAME = re.compile(r"www\.|[\w-]\.[\w-]+\.[a-z]", re.IGNORECASE)


def _without_addresses(text: str) -> str:
    if "/" in text or "@" in text or (text.count(".") > 1 and _MAYBE_DOTTED_NAME.search(text)):
        return _ADDRESS.sub(" ; ", text)
    return text


def extract_topics(sentences: Sequence[str], title: str | None, count: int, language: str = "fr",
                   tags: Callable[[str], Sequence[Token]] | None = None, bodies: Sequence[str] = (),
                   people: Sequence[str] = ()) -> list[str]:
    """The `count` best key phrases, most salient first, as written in the text. `tags` gives a
    sentence's tagged tokens (a document's shared `chunking.SentenceTags`); `bodies` and `people` are
    the names the key facts list, never repeated (bodies) or cut up (both) as topics."""
    if count <= 0:
        return []
    if tags is None:
        from ..grammar.chunking import SentenceTags

        tags = SentenceTags(language if language == "en" else "fr")
    candidates: dict[tuple[str, ...], _Candidate] = {}
    texts = [_without_addresses(text) for text in ([title] if title else []) + list(sentences)]
    position = 0
    if language == "en":
        from .topics_en import count_noun_phrases, names_in, sentence_tokens

        english_names = names_in(sentences)  # the words the text capitalises inside sentences
    for number, text in enumerate(texts):
        is_title = bool(title) and number == 0
        if language == "fr":
            _count_noun_phrases(tags(text), text, position, is_title, candidates)
        elif language == "en":
            count_noun_phrases(sentence_tokens(text, tags, english_names), text, position, is_title, candidates, _Candidate)
        else:
            for run in _runs(text, language):
                _count_phrases(run, text, position, is_title, candidates)
        if not is_title:
            position += len(text) + 1
    total_length = max(position, 1)
    modifiers = {key[0] for key, cand in candidates.items() if _is_lone_modifier(cand)} if language == "fr" else set()
    scores = {key: _score(cand, total_length) for key, cand in candidates.items()
              if cand.count and not _capitalised_by_position(cand) and not _is_link_piece(cand)
              and key[0] not in modifiers  # "respectueuse de la vie privée": headed by an adjective
              and not (language == "fr" and _holds_subject_verb(cand))}
    _drop_listed_names(candidates, scores, bodies, people, language)
    _prefer_whole_entities(candidates, scores)
    scored = sorted(((s, candidates[k]) for k, s in scores.items()), key=lambda pair: (-pair[0], pair[1].first))
    by_first_stem = _phrases_by_first_stem(candidates, scores)
    return _deduplicate((_as_subject(c, by_first_stem, scores) for _, c in scored), count)  # lazy: stops at `count`


_TAGS_BEFORE_A_NOUN = frozenset({"DET", "ADP", "ADP+DET", "ADJ"})  # an article, a preposition, "nouvelles étapes"


def _is_lone_modifier(cand: _Candidate) -> bool:
    """One lower-case word never met after an article, a preposition, an adjective or a number ("…open-source, simple et
    respectueuse de la vie privée", "partout"): an adjective or an adverb the tagger called a noun;
    a subject of its own is named with its article somewhere ("la sécheresse", "de la sécheresse")."""
    return (len(cand.key) == 1 and not cand.determined and not cand.capitalised
            and any(form.islower() for form in cand.forms))  # "Ecoplanning", "ADEME" only at a sentence start stay


def _count_noun_phrases(tokens: Sequence[Token], text: str, position: int, is_title: bool,
                        candidates: dict[tuple[str, ...], _Candidate]) -> None:
    """Count the noun phrases of one sentence: each core, its shorter cores and, with its
    complement, the whole phrase ("ligne", "ligne 6", "ligne 6 du tramway")."""
    from ..grammar.chunking import noun_phrases

    generic = word_list("generic_fr.txt")
    for phrase in noun_phrases(tokens):
        start = phrase.start
        head = word_profile(tokens[start].text, "fr")[0]
        if head in generic and not phrase.is_name:
            continue
        ends = (*phrase.modifier_ends, phrase.core_end) + ((phrase.end,) if phrase.end > phrase.core_end else ())
        sentence_initial = start == 0 or tokens[start - 1].text in _SENTENCE_OPENING_MARKS
        determined = start > 0 and (tokens[start - 1].tag in _TAGS_BEFORE_A_NOUN or tokens[start - 1].text[:1].isdigit())  # "350 postes", "5e édition"
        first_offset = tokens[start].start
        stems: list[str] = []
        upper: list[bool] = []
        j = start
        for end in ends:  # increasing: each phrase extends the one before by its next words
            while j < end:
                token = tokens[j]
                norm, stop, stem_ = word_profile(token.text, "fr")
                if not stop and token.text[:1].isalnum():
                    stems.append(stem_)
                    upper.append(token.text[:1].isupper())
                j += 1
            if not stems or len(stems) > MAX_PHRASE_WORDS + 1:
                continue
            key = tuple(stems)
            cand = candidates.get(key)
            if cand is None:
                cand = candidates[key] = _Candidate(key)
            cand.forms[text[first_offset:tokens[end - 1].end]] += 1
            if is_title:
                cand.in_title = True
            else:
                cand.count += 1
                if position + first_offset < cand.first:
                    cand.first = position + first_offset
            if (upper[0] and not sentence_initial) if len(stems) == 1 else all(upper):
                cand.capitalised += 1
            if len(stems) > 1 and upper[0] and not sentence_initial:
                cand.named += 1
            if determined:
                cand.determined += 1


def _count_phrases(run: list[_RunWord], text: str, position: int, is_title: bool,
                   candidates: dict[tuple[str, ...], _Candidate]) -> None:
    """Count every phrase of 1 to MAX_PHRASE_WORDS words of one run (hot: flat lists, no closures)."""
    stems = [w[3] for w in run]
    starts = [w[1] for w in run]
    ends = [w[1] + len(w[0]) for w in run]
    upper = [w[0][:1].isupper() for w in run]
    named_start = [u and not w[2] for u, w in zip(upper, run, strict=True)]  # capitalised, not sentence-initial
    length = len(run)
    for size in range(1, MAX_PHRASE_WORDS + 1):
        for i in range(length - size + 1):
            j = i + size
            key = tuple(stems[i:j])
            cand = candidates.get(key)
            if cand is None:
                cand = candidates[key] = _Candidate(key)
            cand.forms[text[starts[i]:ends[j - 1]]] += 1
            if is_title:
                cand.in_title = True
            else:
                cand.count += 1
                if position + starts[i] < cand.first:
                    cand.first = position + starts[i]
            if named_start[i] if size == 1 else all(upper[i:j]):
                cand.capitalised += 1
            if size > 1 and named_start[i]:
                cand.named += 1  # a name with its adjective: "Commission européenne"


# Weights measured on the Wikinews dev half (benchmarks/keyphrases.py); readers' keyphrases
# favour words the article repeats, early, over rare capitalised names met once.
FREQUENCY_WEIGHT = 2.0
EARLY_WEIGHT = 2.5
LENGTH_WEIGHT = {1: 1.0, 2: 1.3, 3: 1.0}
TITLE_WEIGHT = 5.0
SINGLE_USE_PHRASE_WEIGHT = 0.6


def _capitalised_by_position(cand: _Candidate) -> bool:
    """A one-word "name" only ever capitalised at a sentence start, that news writes in lower case
    ("Prenez", "Football"): a common word the tagger took for a proper noun."""
    if len(cand.key) != 1 or cand.capitalised or not all(form[:1].isupper() for form in cand.forms):
        return False
    form = next(iter(cand.forms))
    if form.isupper():
        return False
    from ..grammar.tagging import is_common_word

    return is_common_word(form)


_BEFORE_A_NOUN = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’", "à", "au", "aux", "en", "pour", "sur", "par", "un", "une"})


def _holds_subject_verb(cand: _Candidate) -> bool:
    """"PURUSI SADIKI appelle", "CPU réagit", "loupe met fin": words and the verb they are the subject
    of, which the tagger read as a noun phrase (the verbs of data/organisations_fr.txt [subject_verbs])."""
    from .organisations import lexicon  # imported for every release's facts already

    verbs = lexicon().subject_verbs
    words = _display_form(cand).lower().split()
    return any(word in verbs and words[i] not in _BEFORE_A_NOUN  # first, it is a noun: "la demande de…", "le fait de…";
               for i, word in enumerate(words[1:]))          # after "de", "la", "des": a noun ("plateforme de vote")


def _score(cand: _Candidate, total_length: int) -> float:
    rarity = sum(map(_idf, cand.key)) / len(cand.key)
    frequency = 1.0 + FREQUENCY_WEIGHT * math.log(cand.count)
    early = 1.0 + EARLY_WEIGHT * (1.0 - min(cand.first / total_length, 1.0))
    length = LENGTH_WEIGHT.get(len(cand.key), 0.8)
    title = TITLE_WEIGHT if cand.in_title else 1.0
    single_use = SINGLE_USE_PHRASE_WEIGHT if len(cand.key) > 1 and cand.count < 2 and not cand.in_title else 1.0
    return rarity * frequency * early * length * title * single_use


def _name_keys(names: Sequence[str], language: str) -> list[tuple[str, ...]]:
    keys = []
    for name in names:
        key = tuple(profile[2] for start, end in word_spans(name) if not (profile := word_profile(name[start:end], language))[1])
        if key:
            keys.append(key)
    return keys


def _has_capital(form: str) -> bool:
    return any(word[:1].isupper() for word in form.split())


def _drop_listed_names(candidates: dict[tuple[str, ...], _Candidate], scores: dict[tuple[str, ...], float],
                       bodies: Sequence[str], people: Sequence[str], language: str) -> None:
    """Forget a phrase that is a listed body (the organisations field shows it), and a capitalised
    piece of a listed body or person ("Fédération" of "Fédération française de handball", "Doctors"
    of "Doctors for Extinction Rebellion", "association Drupal" of "association Drupal France et
    Francophonie"). A person's whole name stays a topic: news keyphrases
    name people (Wikinews FR), where release gold leaves them to the people list."""
    whole = _name_keys(bodies, language)
    pieces = whole + _name_keys(people, language)
    holding: dict[str, set[int]] = defaultdict(set)  # stem -> the pieces that hold it: a key is checked
    for number, name in enumerate(pieces):          # against those only (all pieces made a 1 MB file quadratic)
        for stem_ in name:
            holding[stem_].add(number)
    for key in list(scores):
        if key in whole:
            del scores[key]
            continue
        within = set.intersection(*(holding.get(stem_, set()) for stem_ in key))  # the pieces holding every stem
        if (any(key != pieces[number] for number in within) and _has_capital(_display_form(candidates[key]))
                and not _named_on_its_own(key, candidates, [pieces[number] for number in within])):
            del scores[key]


ON_ITS_OWN_SHARE = 3  # a piece of a name used alone this many times as often as the name is a subject of its own
ON_ITS_OWN_MIN = 4


def _named_on_its_own(key: tuple[str, ...], candidates: dict[tuple[str, ...], _Candidate],
                      names: Sequence[tuple[str, ...]]) -> bool:
    """"PostgreSQL" of "PostgreSQL Global Development Group", written alone far more often than the body's
    name: the product the release is about, not the sender's name cut up. A common word ("Fédération" of
    "Fédération française de handball", the body's name shortened) never counts so."""
    cand = candidates[key]
    if len(key) != 1 or cand.count < ON_ITS_OWN_MIN or any(_common_word(form) for form in cand.forms):
        return False
    whole = max((candidates[name].count for name in names if name in candidates and name != key), default=0)
    return cand.count >= ON_ITS_OWN_SHARE * max(whole, 1)


def _common_word(form: str) -> bool:
    """A word of the language's lexicon, also when its capital dropped its accent ("Elevage" for "élevage")."""
    from ..text.reflow import lexicon

    word = form.lower()
    return word in lexicon() or word in _capital_unaccented()


@lru_cache(maxsize=1)
def _capital_unaccented() -> frozenset[str]:
    """The lexicon's words that open on an accented letter, that letter without its accent ("etat", "elevage"):
    a few thousand, where folding every word of the lexicon took a tenth of a second at the first call."""
    from ..text.reflow import lexicon

    return frozenset(unicodedata.normalize("NFD", word[0])[0] + word[1:] for word in lexicon() if not word[:1].isascii())


def _prefer_whole_entities(candidates: dict[tuple[str, ...], _Candidate], scores: dict[tuple[str, ...], float]) -> None:
    """"Antonis Samaras" rather than "Antonis" and "Samaras", "Eau Vive Solidarité" rather than
    "Eau Vive" and "Vive Solidarité", "Commission européenne" rather than "Commission": a
    capitalised phrase (or a name and its adjective, met twice) that accounts for most uses of
    its parts takes their score, and the parts alone lose theirs."""
    for key, cand in candidates.items():
        if len(key) < 2 or key not in scores:
            continue
        entity = cand.capitalised >= max(1, cand.count // 2)
        named = cand.count >= 2 and cand.named >= max(2, cand.count // 2)
        if not (entity or named):
            continue
        parts = [key[i:j] for i in range(len(key)) for j in range(i + 1, len(key) + 1)
                 if j - i < len(key) and key[i:j] in scores]
        dominated = [p for p in parts if cand.count >= 0.5 * candidates[p].count]
        if dominated:
            scores[key] = max(scores[key], max(scores[p] for p in dominated) * 1.05)
            for p in dominated:
                scores[p] *= 0.5


def _is_link_piece(cand: _Candidate) -> bool:
    """Whether the form a candidate is shown in is a piece of a link; that form is one of its forms,
    so when none is, the display form is not computed (most candidates)."""
    return any(_LINK_PIECE.search(form) for form in cand.forms) and _LINK_PIECE.search(_display_form(cand)) is not None


def _display_form(cand: _Candidate) -> str:
    forms = sorted(cand.forms.items(), key=lambda kv: (-kv[1], kv[0]))
    best = forms[0][0]
    lower = [f for f, _ in forms if f[:1].islower()]
    if best[:1].isupper() and lower and not best.isupper() and cand.capitalised < cand.count:
        return lower[0]
    return best


# A lone common noun stands for the phrase it heads when the release mostly writes that phrase:
# "logiciels libres" for "logiciels", "fichiers volumineux" for "fichiers" (an editor indexes the
# phrase; blind verdicts of issue 24 marked lone nouns as noise). Only then: a noun the release
# uses alone stays, as news keyphrases are often such words (Wikinews FR F1@10 39.2 with this
# share; replacing every lone noun by a phrase it heads gave 31.5).
PHRASE_SHARE = 0.5


def _phrases_by_first_stem(candidates: dict[tuple[str, ...], _Candidate],
                           scores: dict[tuple[str, ...], float]) -> dict[str, list[_Candidate]]:
    """The scored phrases of two words or more under their first stem, in the candidates' order:
    what `_as_subject` looks through, without a pass over every candidate for each noun."""
    index: dict[str, list[_Candidate]] = defaultdict(list)
    for key, cand in candidates.items():
        if len(key) > 1 and key in scores:
            index[key[0]].append(cand)
    return index


def _as_subject(cand: _Candidate, by_first_stem: dict[str, list[_Candidate]],
                scores: dict[tuple[str, ...], float]) -> _Candidate:
    if len(cand.key) > 1 or cand.capitalised or any(form[:1].isupper() or not form.isalpha() for form in cand.forms):
        return cand  # a phrase, a name, a code, an acronym
    usual = [c for c in by_first_stem.get(cand.key[0], ()) if c.count >= max(2, PHRASE_SHARE * cand.count)]
    return max(usual, key=lambda c: (c.count, scores[c.key], -c.first)) if usual else cand


def _singular(stem_: str) -> str:
    """"feux" -> "feu", "jeux" -> "jeu", "sites-web" -> "site-web": Snowball leaves the plural in -x its
    own stem and stems only the last part of a compound, and one subject must not come twice in a list."""
    if "-" in stem_:
        *parts, last = stem_.split("-")
        stem_ = "-".join([part[:-1] if len(part) > 3 and part[-1:] in ("s", "x") else part for part in parts] + [last])
    return stem_[:-1] if stem_.endswith(("eux", "aux", "oux")) and len(stem_) > 3 else stem_


def _deduplicate(ranked: Iterable[_Candidate], count: int) -> list[str]:
    """Drop a phrase whose stems are contained in, contain, or share two words with a chosen one."""
    chosen: list[_Candidate] = []
    chosen_keys: list[set[str]] = []
    for cand in ranked:
        keys = {_singular(stem_) for stem_ in cand.key}
        if any(keys <= other or other <= keys or len(keys & other) >= 2 for other in chosen_keys):
            continue  # contained, containing, or overlapping: "ONG Eau Vive" after "Eau Vive Solidarité"
        chosen.append(cand)
        chosen_keys.append(keys)
        if len(chosen) == count:
            break
    return [_display_form(c) for c in chosen]
