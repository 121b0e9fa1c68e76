"""The library entry point: text -> Summary (title, verbatim summary, topics, facts, stats)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from .rank.ranking import DEFAULT_ALGORITHM, Ranking, Sentence
from .rank.selection import choose, pushed_down_reasons, quotation_pieces, sentence_budget
from .read.decoding import fold_ligatures
from .text.language import resolve_language
from .text.reflow import grammar_title
from .text.sentences import split_sentences
from .text.structure import EXPLICIT_HEADING_RE, Structure, parse_structure, without_repeated_headline
from .text.tokens import content_stems, stems_of_words, words

if TYPE_CHECKING:
    from .grammar.tagging import Token

DERIVED_TITLE_WORDS = 14
WHOLE_DERIVED_TITLE_WORDS = 40  # a whole sentence reads as a title; one cut with "…" an editor cannot use (blind verdicts, sets 20-26)


@dataclass
class Stats:
    sentences: int
    words: int
    summary_words: int


@dataclass
class ScoredSentence:
    index: int
    text: str
    score: float
    rank: int
    selected: bool
    reasons: list[str] = field(default_factory=list)  # why the selection pushed it down, where it did


@dataclass
class Summary:
    """The result for one input; ``to_dict()`` is the JSON object of the contract."""

    source: str
    language: str
    title: str | None
    summary: list[str]
    topics: list[str]
    facts: dict[str, Any]
    stats: Stats
    algorithm: str = DEFAULT_ALGORITHM
    title_source: str | None = None
    scores: list[ScoredSentence] | None = None
    warnings: list[str] = field(default_factory=list)
    document: list[dict[str, Any]] | None = None  # the whole release in reading order, for renderers that show it
    body_text: str = field(default="", repr=False)  # the body sentences after furniture removal: what duplicates are judged on

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "source": self.source,
            "language": self.language,
            "title": self.title,
            "summary": self.summary,
            "topics": self.topics,
            "facts": self.facts,
            "stats": asdict(self.stats),
            "algorithm": self.algorithm,
            "title_source": self.title_source,
        }
        if self.scores is not None:
            data["scores"] = [asdict(s) for s in self.scores]
        if self.warnings:
            data["warnings"] = self.warnings
        if self.document is not None:
            data["document"] = self.document
        return data


HEADLINE_REPEAT_PARAGRAPHS = 3  # a lead that repeats the headline ("Press statement: <headline> …") opens the body


def build_sentences(structure: Structure, language: str) -> list[Sentence]:
    """Candidate sentences of the body: headings excluded, paragraphs numbered."""
    out: list[Sentence] = []
    for paragraph_number, paragraph in enumerate(structure.body):
        body_text = paragraph.text
        if paragraph_number < HEADLINE_REPEAT_PARAGRAPHS:
            body_text = without_repeated_headline(body_text, structure.title, language)
        for position, text in enumerate(split_sentences(body_text, language)):
            tokens = words(text)
            out.append(Sentence(
                index=len(out), text=text, paragraph=paragraph_number, position_in_paragraph=position,
                kind=paragraph.kind, stems=stems_of_words(tokens, language), word_count=len(tokens),
            ))
    return out


def clean_title(title: str | None) -> str | None:
    """A known title as one line of words: no line breaks, escapes or surrounding markup."""
    if not title:
        return None
    title = " ".join(title.replace("\\n", " ").split()).strip(" #*_")
    return title or None


def derive_title(first_sentence: str) -> str:
    """A display title for a release without one: its first sentence, whole when it is short enough to
    read as a headline (a cut title reads as a defect), else its opening words."""
    tokens = first_sentence.split()
    if len(tokens) <= WHOLE_DERIVED_TITLE_WORDS:
        return first_sentence.rstrip(" .")
    cut = " ".join(tokens[:DERIVED_TITLE_WORDS]).rstrip(" ,;:–-")
    return cut + "…"


# Topics and organisations read a document's first 2,000 sentences (a release has under 200; a
# 1 MB document about 6,000): tagging is the costliest stage, and a 100,000-line file must not
# take minutes or hold every tagged sentence in memory.
GRAMMAR_SENTENCE_LIMIT = 2000


@dataclass
class Prepared:
    """A document as the rank stage sees it: language, structure, candidate sentences and title."""

    language: str
    warning: str | None
    structure: Structure
    candidates: list[Sentence]
    title: str | None
    title_source: str | None
    title_stems: list[str]


def prepare(text: str, language: str = "auto", title: str | None = None) -> Prepared:
    """Everything before ranking: language, structure, candidates, the title and its stems (what
    the ranker compares sentences with: a headline of the release, never a derived one)."""
    text = fold_ligatures(text)  # "ﬁ" is "fi" for every stage, whoever decoded the text
    lang, warning = resolve_language(language, text)
    known_title = clean_title(title)
    structure = parse_structure(text, known_title, lang)
    candidates = build_sentences(structure, lang)
    doc_title = structure.title
    title_in_text = not known_title or doc_title != known_title or any(kind == "title" for kind, _ in structure.removed)
    title_source = ("heading" if title_in_text else "metadata") if doc_title else None
    if doc_title is None and candidates:
        doc_title, title_source = derive_title(candidates[0].text), "first_sentence"
    title_stems = content_stems(doc_title, lang) if title_source in ("heading", "metadata") and doc_title else []
    return Prepared(lang, warning, structure, candidates, doc_title, title_source, title_stems)


def summarize_text(
    text: str,
    sentences: int = 3,
    topics: int = 5,
    *,
    algorithm: str = DEFAULT_ALGORITHM,
    language: str = "auto",
    words_budget: int | None = None,
    ratio: float | None = None,
    explain: bool = False,
    source: str = "-",
    title: str | None = None,
    document: bool = False,
) -> Summary:
    """Summarize one document. `title` is the headline its format marks (front matter, <h1>, PDF
    title block); with `document`, the result also holds the whole release in reading order:
    body sentences with their selection, furniture with its kind (what the HTML page shows)."""
    from .extract.facts import extract_facts
    from .extract.topics import extract_topics
    from .grammar.chunking import SentenceTags

    if sentences < 0 or topics < 0:
        raise ValueError("sentences and topics must be >= 0")
    prepared = prepare(text, language, title)
    lang, warning, structure, candidates = prepared.language, prepared.warning, prepared.structure, prepared.candidates
    doc_title, title_source, title_stems = prepared.title, prepared.title_source, prepared.title_stems
    shown = frozenset({0}) if title_source == "first_sentence" and doc_title and not doc_title.endswith("…") else frozenset()
    tags = SentenceTags(lang)  # every sentence tagged once, for the bullets, topics and facts alike
    verbless = verbless_sentences(candidates, tags) if lang == "fr" else frozenset()
    ranking = choose(candidates, sentences, sentence_budget(candidates, words_budget, ratio),
                      algorithm, title_stems, lang, shown, verbless)  # a whole derived title is its sentence: not a bullet again
    chosen = [candidates[i].text for i in ranking.selected]
    texts = [s.text for s in candidates]
    grammar_title_ = grammar_title(doc_title, texts, lang) if doc_title else None  # a headline in capitals, in the text's case
    headline_text = [grammar_title_] if title_source == "heading" and grammar_title_ else []  # the headline is text of the release too
    read = texts[:GRAMMAR_SENTENCE_LIMIT]
    facts = extract_facts(structure, texts, tags, GRAMMAR_SENTENCE_LIMIT, lang)
    topic_list = extract_topics(headline_text + read, grammar_title_ if title_source != "first_sentence" else None, topics, lang, tags,
                                *listed_names(facts)) if topics else []
    stats = Stats(
        sentences=len(candidates),
        words=sum(s.word_count for s in candidates),
        summary_words=sum(candidates[i].word_count for i in ranking.selected),
    )
    scores = None
    if explain:
        order = sorted(range(len(candidates)), key=lambda i: (-ranking.scores[i], i))
        rank_of = {i: r + 1 for r, i in enumerate(order)}
        selected = set(ranking.selected)
        quoted = quotation_pieces(candidates)
        scores = [ScoredSentence(i, s.text, round(ranking.scores[i], 4), rank_of[i], i in selected,
                                 pushed_down_reasons(candidates, i, ranking, len(chosen), lang, verbless, quoted))
                  for i, s in enumerate(candidates)]
    return Summary(
        source=source, language=lang, title=doc_title, summary=chosen, topics=topic_list, facts=facts,
        stats=stats, algorithm=algorithm, title_source=title_source, scores=scores,
        warnings=[warning] if warning else [],
        document=document_blocks(structure, candidates, ranking) if document else None,
        body_text="\n".join(texts),
    )


# A sentence of prose this short without a verb is a slogan or a date ("D'un côté les arbres, et de l'autre du
# béton.", "Le 7 Juillet 2007 (7/7/7)…"); one that goes on from the one before without a verb of its own is an
# aside ("Et temporairement … par un passage au sein des Allées."): no news to quote alone. (Longer prose keeps
# its sentences: there a verbless one is mostly a verb the tagger missed, "RunOrg offre … aux associations".)
SHORT_PROSE_WORDS = 9
_GOES_ON = re.compile(r"(?:Et|Mais|Or|Car|Puis|Donc|And|But)\b")


def verbless_sentences(candidates: list[Sentence], tags: Callable[[str], Sequence[Token]]) -> frozenset[int]:
    """The list items (of the sentences the grammar stage reads) without a verb of their own ("Les
    bénévoles … pour la préparation du déménagement.", "9h45 - 10h45 : Table ronde …"): no sentence to
    quote alone; so are a short line of prose and one that goes on from the one before without a verb
    (SHORT_PROSE_WORDS). Longer prose keeps its sentences: there a verbless one is mostly a verb the
    tagger missed ("L'équipement ouvre au public…"). Their tags serve the topics and facts after."""
    from .grammar.verbs import has_finite_verb

    return frozenset(s.index for s in candidates[:GRAMMAR_SENTENCE_LIMIT]
                     if (s.kind == "bullet" or s.word_count <= SHORT_PROSE_WORDS or _GOES_ON.match(s.text))
                     and not has_finite_verb(tags(s.text)))


def listed_names(facts: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The organisations (names and expansions) and the people the key facts already list: a topic
    that repeats a body, or cuts a name up, takes a slot from what the release is about."""
    bodies = [org[key] for org in facts.get("organisations", []) for key in ("name", "expansion") if org.get(key)]
    return bodies, [person["name"] for person in facts.get("people", [])]


def document_blocks(structure: Structure, candidates: list[Sentence], ranking: Ranking) -> list[dict[str, Any]]:
    """The release in reading order: furniture with its kind, headings, and body paragraphs as their
    sentences with the score and selection the ranking gave them (nothing is recomputed by a renderer)."""
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in candidates:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    body_number = {id(paragraph): number for number, paragraph in enumerate(structure.body)}  # as build_sentences numbers them
    selected = set(ranking.selected)
    blocks: list[dict[str, Any]] = []
    for kind, item in structure.sequence:
        if kind != "paragraph":
            marked = EXPLICIT_HEADING_RE.match(item)  # "## Contacts": the readers' heading mark is not the sender's text
            blocks.append({"kind": "title" if kind == "title" else "furniture", "label": kind, "text": marked.group("text") if marked else item})
            continue
        paragraph = structure.paragraphs[int(item)]
        if paragraph.kind == "heading":
            blocks.append({"kind": "heading", "text": paragraph.text})
            continue
        sentences = by_paragraph.get(body_number[id(paragraph)], [])
        blocks.append({"kind": paragraph.kind, "sentences": [
            {"index": s.index, "text": s.text, "selected": s.index in selected, "score": round(ranking.scores[s.index], 4)}
            for s in sentences]})
    return blocks
