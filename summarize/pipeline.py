"""The library entry point: text -> Summary (title, verbatim summary, topics, facts, stats)."""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from .decoding import fold_ligatures
from .language import resolve_language
from .ranking import (
    DEFAULT_ALGORITHM,
    NO_ADJUSTMENT,
    Ranking,
    Sentence,
    adjusted_scores,
    feature_weight,
    is_quote,
    opens_with_anaphora,
    score,
    select,
)
from .sentences import split_sentences
from .structure import Structure, parse_structure
from .tokens import content_stems, stems_of_words, words

DERIVED_TITLE_WORDS = 14
_COMPLETE_END = re.compile(r"[.!?…»\"”)]$")


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


def build_sentences(structure: Structure, language: str) -> list[Sentence]:
    """Candidate sentences of the body: headings excluded, paragraphs numbered."""
    out: list[Sentence] = []
    for paragraph_number, paragraph in enumerate(structure.body):
        for position, text in enumerate(split_sentences(paragraph.text, language)):
            tokens = words(text)
            out.append(Sentence(
                index=len(out), text=text, paragraph=paragraph_number, position_in_paragraph=position,
                kind=paragraph.kind, stems=stems_of_words(tokens, language), word_count=len(tokens),
            ))
    return out


def sentence_budget(sentences: list[Sentence], max_words: int | None, ratio: float | None) -> int | None:
    """Words allowed by --words or --ratio (None: the sentence count decides)."""
    if max_words is not None:
        return max_words
    if ratio is not None:
        return max(1, math.ceil(ratio * sum(s.word_count for s in sentences)))
    return None


def _choose(sentences: list[Sentence], count: int, word_budget: int | None, algorithm: str,
            title_stems: list[str], language: str) -> Ranking:
    """Score once, then select by sentence count or by the largest selection within the word budget."""
    scores, params = score(sentences, algorithm, title_stems, language)
    scores = demote_incomplete(sentences, scores, count)
    if word_budget is not None:
        best_count = 1
        for k in range(2, min(len(sentences), 60) + 1):
            if sum(sentences[i].word_count for i in select(sentences, scores, k, params)) > word_budget:
                break
            best_count = k
        count = best_count
    return Ranking(adjusted_scores(sentences, scores, count, params), select(sentences, scores, count, params), params)


def is_complete(sentence: str) -> bool:
    """A sentence a reader can quote alone: it ends with final punctuation, not with ":" announcing a list."""
    return bool(_COMPLETE_END.search(sentence.rstrip()))


def demote_incomplete(sentences: list[Sentence], scores: list[float], count: int) -> list[float]:
    """Incomplete sentences (a list's lead-in, a bullet without a verb) go below every complete one,
    as long as enough complete ones remain: a summary bullet must stand on its own."""
    complete = [is_complete(s.text) for s in sentences]
    if not scores or all(complete) or sum(complete) < min(count, len(sentences)):
        return scores
    drop = max(scores) - min(scores) + 1.0
    return [x if ok else x - drop for x, ok in zip(scores, complete, strict=True)]


def pushed_down_reasons(sentences: list[Sentence], index: int, ranking: Ranking, count: int) -> list[str]:
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
    if not is_complete(sentence.text):
        reasons.append("incomplete (no final punctuation)")
    return reasons


def clean_title(title: str | None) -> str | None:
    """A known title as one line of words: no line breaks, escapes or surrounding markup."""
    if not title:
        return None
    title = " ".join(title.replace("\\n", " ").split()).strip(" #*_")
    return title or None


def derive_title(first_sentence: str) -> str:
    """A display title for a release without one: the opening words of its first sentence."""
    tokens = first_sentence.split()
    if len(tokens) <= DERIVED_TITLE_WORDS:
        return first_sentence.rstrip(" .")
    cut = " ".join(tokens[:DERIVED_TITLE_WORDS]).rstrip(" ,;:–-")
    return cut + "…"


# Topics and organisations read a document's first 2,000 sentences (a release has under 200; a
# 1 MB document about 6,000): tagging is the costliest stage, and a 100,000-line file must not
# take minutes or hold every tagged sentence in memory.
GRAMMAR_SENTENCE_LIMIT = 2000


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
    from .chunking import SentenceTags
    from .facts import extract_facts
    from .topics import extract_topics

    if sentences < 0 or topics < 0:
        raise ValueError("sentences and topics must be >= 0")
    text = fold_ligatures(text)  # "ﬁ" is "fi" for every stage, whoever decoded the text
    lang, warning = resolve_language(language, text)
    known_title = clean_title(title)
    structure = parse_structure(text, known_title, lang)
    candidates = build_sentences(structure, lang)
    doc_title = structure.title
    title_in_text = not known_title or any(kind == "title" for kind, _ in structure.removed)
    title_source = ("heading" if title_in_text else "metadata") if doc_title else None
    if doc_title is None and candidates:
        doc_title, title_source = derive_title(candidates[0].text), "first_sentence"
    title_stems = content_stems(doc_title, lang) if title_source in ("heading", "metadata") and doc_title else []
    ranking = _choose(candidates, sentences, sentence_budget(candidates, words_budget, ratio),
                      algorithm, title_stems, lang)
    chosen = [candidates[i].text for i in ranking.selected]
    texts = [s.text for s in candidates]
    headline_text = [doc_title] if title_source == "heading" and doc_title else []  # the headline is text of the release too
    tags = SentenceTags()  # every sentence tagged once, for topics and facts alike
    read = texts[:GRAMMAR_SENTENCE_LIMIT]
    topic_list = extract_topics(headline_text + read, doc_title if title_source != "first_sentence" else None, topics, lang, tags) if topics else []
    facts = extract_facts(structure, texts, tags, GRAMMAR_SENTENCE_LIMIT)
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
        scores = [ScoredSentence(i, s.text, round(ranking.scores[i], 4), rank_of[i], i in selected,
                                 pushed_down_reasons(candidates, i, ranking, len(chosen)))
                  for i, s in enumerate(candidates)]
    return Summary(
        source=source, language=lang, title=doc_title, summary=chosen, topics=topic_list, facts=facts,
        stats=stats, algorithm=algorithm, title_source=title_source, scores=scores,
        warnings=[warning] if warning else [],
        document=document_blocks(structure, candidates, ranking) if document else None,
    )


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
            blocks.append({"kind": "title" if kind == "title" else "furniture", "label": kind, "text": item})
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
