"""Selection: the summary's sentences out of the ranker's scores, by sentence count or word budget.

A summary bullet must stand on its own, so incomplete sentences go below complete ones before
selecting, and --explain says what pushed a sentence down.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from ..resources import furniture_patterns, word_list
from ..text.dates import ends_with_date
from ..text.reflow import is_title_case
from ..text.structure import EMAIL_RE, URL_RE
from .ranking import NO_ADJUSTMENT, Ranking, Sentence, adjusted_scores, feature_weight, is_complete, is_quote, opens_with_anaphora, score, select

_FIRST_WORD = re.compile(r"[^\s«“\"'‘(]\S*")  # past opening quotes and brackets


def sentence_budget(sentences: list[Sentence], max_words: int | None, ratio: float | None) -> int | None:
    """Words allowed by --words or --ratio (None: the sentence count decides)."""
    if max_words is not None:
        return max_words
    if ratio is not None:
        return max(1, math.ceil(ratio * sum(s.word_count for s in sentences)))
    return None


def choose(sentences: list[Sentence], count: int, word_budget: int | None, algorithm: str,
            title_stems: list[str], language: str, shown: frozenset[int] = frozenset(),
            verbless: frozenset[int] = frozenset()) -> Ranking:
    """Score once, then select by sentence count or by the largest selection within the word budget.
    `shown`: sentences the output already shows whole elsewhere (a title derived from the first one),
    a bullet only when the release has no other sentence. `verbless`: sentences the grammar stage found no verb in."""
    scores, params = score(sentences, algorithm, title_stems, language)
    scores = demote_incomplete(sentences, scores, language, shown, verbless)
    if shown and len(sentences) > len(shown):
        count = min(count, len(sentences) - len(shown))  # fewer bullets rather than the title said again
    if word_budget is not None:
        best_count = 1
        for k in range(2, min(len(sentences), 60) + 1):
            if sum(sentences[i].word_count for i in select(sentences, scores, k, params)) > word_budget:
                break
            best_count = k
        count = best_count
    return Ranking(adjusted_scores(sentences, scores, count, params), select(sentences, scores, count, params), params)


STANDFIRST_MIN_WORDS = 8


def is_standfirst(sentences: list[Sentence], index: int) -> bool:
    """The first body paragraph when it is one sentence of some length, right under the headline: a
    standfirst or teaser (often in bold, without a final full stop) is the lead, not a fragment; an
    English sub-headline ("Council Resolution Calls on Universities to Remain Neutral") is set in
    title case, which no sentence is."""
    if index != 0 or not sentences:
        return False
    first = sentences[0]
    alone = len(sentences) == 1 or sentences[1].paragraph != first.paragraph
    return (alone and first.kind == "text" and first.word_count >= STANDFIRST_MIN_WORDS and not first.text.rstrip().endswith((":", ";", ","))
            and not is_title_case(first.text)  # a sub-headline in title case is a heading, not a lead
            and not ends_with_date(first.text))  # "… Édition Lugdivine – Parution janvier 2023": a credit line


def is_pointer(sentence: str, language: str = "fr") -> bool:
    """A sentence that only says where to read more ("Le programme est accessible sur le site…",
    "Pour plus d'informations, …": the [pointer] patterns of data/furniture_fr.txt), or that holds a
    link or an e-mail address."""
    pattern = furniture_patterns(language).get("pointer")
    if (("://" in sentence or "www." in sentence.lower()) and URL_RE.search(sentence)) or ("@" in sentence and EMAIL_RE.search(sentence)):
        return True  # a bullet quotes the sender's words, not an address to type (the literal tests spare most searches)
    return bool(pattern and pattern.fullmatch(sentence.strip()))


# A bullet sign inside a "sentence": list items a layout ran together ("… sortie 19 • En train : gare de …").
_RUN_TOGETHER_ITEMS = re.compile(r"\S\s+[•▪■◆➢►]\s+\S")


def is_question(sentence: str) -> bool:
    """"La boulangerie du coin est-elle encore ouverte ?": a teaser or a rhetorical question, never
    the news (none of the 522 news sentences readers marked in the real releases is a question)."""
    return sentence.rstrip(" »”\"'").endswith("?")


_OPENING_QUOTES = "«“„"
_QUOTE_MARKS = re.compile(r'[«»“”„"]')


def _quote_marks(sentence: str) -> Iterator[tuple[int, bool]]:
    """(position, opens) of each quote mark; a straight quote opens after a space, a bracket or a dash."""
    for mark in _QUOTE_MARKS.finditer(sentence):
        char, at = mark.group(), mark.start()
        yield at, char in _OPENING_QUOTES or (char == '"' and (at == 0 or sentence[at - 1].isspace() or sentence[at - 1] in "([–—-"))


def is_bare_quotation(sentence: str) -> bool:
    """A sentence that is a quotation and nothing else ("“As more businesses discover …, they'll realize
    …”" after "“…,” said Jordan Hubbard"): quoted alone, no reader knows who speaks. None of the 929 news
    sentences readers marked in the real and held-out releases is one; each names its speaker."""
    text = sentence.strip()
    marks = list(_quote_marks(text))
    if len(marks) < 2 or marks[0] != (0, True) or marks[-1][0] != len(text) - 1 or marks[-1][1]:
        return False
    depth = 0
    for at, opening in marks:
        depth += 1 if opening else -1
        if depth == 0 and at != len(text) - 1:
            return False  # "« … », déclare-t-elle. « … »": the speaker between two quotations
    return depth == 0


def leaves_a_quote_open(sentence: str) -> bool:
    """A piece of a quotation that goes on in another sentence: a sentence that opens on a quote mark
    it does not close ("« Le rapport de la ville prétend que … par an."), or that closes one it did not
    open ("… ses principaux développeurs.»"). Unattributed and cut, it is no line to quote alone (3 of
    the 600 news sentences readers marked are). Opened after its attribution and left open ('District
    Attorney Gonzalez said, “This defendant … purposes.' before 'We will now …”'), it is cut too: a blind
    editor marked one unusable, and 1 of the 988 news sentences readers marked is one. A straight quote
    opens after a space."""
    depth = 0
    for _, opening in _quote_marks(sentence):
        depth += 1 if opening else -1
        if depth < 0:
            return True
    return depth > 0


_CUT_END = re.compile(r"([^\W\d_]+['’]?)(\s*)(?:…|\.\.\.)\s*\]?$")
_BRACKETED_CUT = re.compile(r"\[\s*(?:…|\.\.\.|&hellip;)\s*\]\s*$")


def is_cut_excerpt(sentence: str) -> bool:
    """"… has been charged with murder following the …", "… charged with one count …", "… [...]": a teaser of
    another page, cut by the site (a space before its ellipsis, or a word no phrase ends with); the
    release's own sentences glue their ellipsis to a word ("Et ce n'est pas fini…")."""
    if _BRACKETED_CUT.search(sentence):
        return True
    end = _CUT_END.search(sentence)
    if end is None:
        return False
    return bool(end.group(2)) or end.group(1).lower() in word_list("run_on_words.txt")


def _quote_balance(sentence: str) -> int:
    """Quote marks opened minus closed in a sentence."""
    return sum(1 if opening else -1 for _, opening in _quote_marks(sentence))


def quotation_pieces(sentences: list[Sentence]) -> frozenset[int]:
    """The sentences of a quotation that an earlier sentence of their paragraph opened and a later one
    closes ("“It is now up to lawmakers … / By making the public's information …, we will save … / Prop 42
    also …”"): no quote mark and no speaker of their own, they read as the sender's words when quoted
    alone. A quotation its attribution opens ("Selon le réseau, « les déchets … / Le convoi arrivera… »")
    is reported speech; a paragraph whose marks never balance is left alone (a typo, not a quotation).
    One pass over the sentences, paragraph by paragraph."""
    out: set[int] = set()
    start = 0
    while start < len(sentences):
        end = start
        while end < len(sentences) and sentences[end].paragraph == sentences[start].paragraph:
            end += 1
        group = sentences[start:end]
        balances = [_quote_balance(s.text) for s in group]
        if len(group) >= 3 and sum(balances) == 0:
            depth, opener = 0, None
            for s, balance in zip(group, balances, strict=True):
                if depth > 0 and balance == 0 and opener is not None and not _QUOTE_MARKS.search(s.text):
                    out.add(s.index)
                if depth == 0 and balance > 0:
                    first_mark = _QUOTE_MARKS.search(s.text)
                    opener = s if first_mark is not None and not s.text[:first_mark.start()].strip(" –—-") else None
                depth += balance
        start = end
    return frozenset(out)


def opens_in_lower_case(sentence: str) -> bool:
    """A "sentence" whose first word is in lower case ("vernissage jeudi 15 septembre de 18h …"): the
    rest of a line cut from its start, or lines of practical details run together, never a sentence.
    A brand that keeps its own capitals ("iPhone", "eBay") opens sentences too."""
    first = _FIRST_WORD.search(sentence)
    if first is None:
        return False
    word = first.group()
    return word[:1].islower() and word[1:] == word[1:].lower()


_NAME_PARTICLES = frozenset({"de", "du", "des", "d'", "d’", "van", "von", "der", "den", "la", "le", "di", "da", "dos", "y", "al", "el", "bin", "ben"})
_LIST_SEPARATORS = re.compile(r"\s*(?:,|;|\s&\s|\set\s|\sand\s)\s*")
MIN_NAMES_IN_LIST = 4


def is_name_list(sentence: str) -> bool:
    """A "sentence" that is only names in a row ("Dove Allouche, Lonnie van Brummelen & Siebren de Haan,
    Mel O'Callaghan, …, Jordan Wolfson."): the line-up of a show or the signatories of a letter, no news."""
    if sentence.count(",") + sentence.count(";") + sentence.count("&") + sentence.count(" et ") + sentence.count(" and ") < MIN_NAMES_IN_LIST - 1:
        return False  # too few separators for MIN_NAMES_IN_LIST items: no split of the sentence
    items = [item for item in _LIST_SEPARATORS.split(sentence.strip().rstrip(".;:!…")) if item]
    if len(items) < MIN_NAMES_IN_LIST:
        return False
    return all(word[:1].isupper() or word.lower() in _NAME_PARTICLES for item in items for word in item.split())


def is_kicker(sentence: str, language: str = "fr") -> bool:
    """A sentence that only names the kind of document ("Communiqué de presse.", "Déclaration de
    Thierry Kuhn, président d'Emmaüs France."): the [header] patterns, read in the text."""
    pattern = furniture_patterns(language).get("header")
    return len(sentence) < 200 and bool(pattern and pattern.fullmatch(sentence.strip()))


def demotion(sentences: list[Sentence], index: int, language: str = "fr", verbless: frozenset[int] = frozenset(),
             quoted: frozenset[int] | None = None) -> str | None:
    """Why a sentence cannot stand alone as a bullet, in the words --explain shows (None when it can):
    the one test that `demote_incomplete` applies and `pushed_down_reasons` reports."""
    text = sentences[index].text
    if not is_complete(text) and not is_standfirst(sentences, index):
        return "incomplete (no final punctuation)"
    if is_pointer(text, language):
        return "pointer (only says where to read more)"
    if is_question(text):
        return "question (asks, does not tell)"
    if leaves_a_quote_open(text) or index in (quoted if quoted is not None else quotation_pieces(sentences)):
        return "piece of a quotation (a quote mark left open or closed alone)"
    if is_bare_quotation(text):
        return "quotation without its speaker"
    if is_cut_excerpt(text):
        return "cut excerpt (stops on '…' in the middle of a phrase)"
    if _RUN_TOGETHER_ITEMS.search(text):
        return "list items run together (a bullet sign inside it)"
    if is_kicker(text, language):
        return "kicker (only names the kind of document)"
    if opens_in_lower_case(text):
        return "fragment (opens in lower case)"
    if is_name_list(text):
        return "list of names"
    if index in verbless and not is_standfirst(sentences, index):  # a standfirst may be a phrase ("Douze bornes … des villages")
        return "fragment (no verb)"
    if sentences[index].word_count < SHORTEST_BULLET_WORDS and not is_standfirst(sentences, index):
        return "fragment (too short to stand alone)"
    return None


SHORTEST_BULLET_WORDS = 5  # "Be a hero !", "Merci à tous !": a cry or a slogan, no news to quote alone


def demote_incomplete(sentences: list[Sentence], scores: list[float], language: str = "fr",
                      shown: frozenset[int] = frozenset(), verbless: frozenset[int] = frozenset()) -> list[float]:
    """Incomplete sentences (a list's lead-in, a bullet without a verb), pointers and the sentences
    shown elsewhere go below every complete one: a summary bullet must stand on its own, and when too
    few are complete for the summary the incomplete ones only fill the places left."""
    quoted = quotation_pieces(sentences)  # once for the document, not once a sentence
    complete = [s.index not in shown and demotion(sentences, s.index, language, verbless, quoted) is None for s in sentences]
    if not scores or all(complete) or (not any(complete) and not shown):
        return scores  # when too few are complete, the complete ones still come first
    drop = max(scores) - min(scores) + 1.0
    # a sentence the title already shows whole comes after every other one: a bullet again only when nothing is left
    return [x if ok else x - (2 * drop if s.index in shown else drop) for x, ok, s in zip(scores, complete, sentences, strict=True)]


def pushed_down_reasons(sentences: list[Sentence], index: int, ranking: Ranking, count: int, language: str = "fr",
                        verbless: frozenset[int] = frozenset(), quoted: frozenset[int] | None = None) -> list[str]:
    """What lowered a sentence's chances, in the words --explain shows: length, anaphora, quote, incomplete."""
    sentence, params = sentences[index], ranking.params or NO_ADJUSTMENT
    reasons = []
    exempt = index < params.lead_exempt
    length = 0.0 if exempt else params.length_penalty * max(count - 1, 0) * math.log1p(sentence.word_count)
    if length >= 0.05:
        reasons.append(f"length -{length:.2f} ({sentence.word_count} words)")
    if params.standalone and opens_with_anaphora(sentence.text) and index - 1 not in ranking.selected:
        reasons.append("anaphora (opens on a word that points back; the sentence before is not chosen)")
    if is_quote(sentence.text) and feature_weight("quote") < 0:
        reasons.append("quote")
    demoted = demotion(sentences, index, language, verbless, quoted)
    if demoted:
        reasons.append(demoted)
    return reasons
