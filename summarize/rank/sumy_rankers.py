"""sumy's algorithms run offline through the project's own tokenizer, stemmer and stop words.

sumy's own ``Tokenizer("french")`` needs NLTK's punkt data, which a fresh machine lacks, so
we hand sumy a document it never has to tokenize: sentences are ours, words are ours.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..resources import stop_words
from ..text.tokens import stem, words
from .candidate import Sentence

_SUMMARIZERS = {
    "lexrank": ("sumy.summarizers.lex_rank", "LexRankSummarizer"),
    "textrank": ("sumy.summarizers.text_rank", "TextRankSummarizer"),
    "lsa": ("sumy.summarizers.lsa", "LsaSummarizer"),
    "luhn": ("sumy.summarizers.luhn", "LuhnSummarizer"),
    "kl": ("sumy.summarizers.kl", "KLSummarizer"),
    "sumbasic": ("sumy.summarizers.sum_basic", "SumBasicSummarizer"),
    "edmundson": ("sumy.summarizers.edmundson", "EdmundsonSummarizer"),
    "reduction": ("sumy.summarizers.reduction", "ReductionSummarizer"),
}


class OfflineTokenizer:
    """The tokenizer interface sumy expects (language, to_sentences, to_words)."""

    def __init__(self, language: str):
        self.language = "french" if language == "fr" else "english"
        self._code = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        from ..text.sentences import split_sentences

        return tuple(split_sentences(paragraph, self._code))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in words(sentence) if any(ch.isalpha() for ch in w))


def _sorted_dictionary(summarizer):
    """sumy's LSA numbers its matrix rows in a frozenset's order, which changes with Python's hash seed
    from one run to the next, and the SVD then breaks ties differently: rows in sorted order make the
    same text give the same summary every time."""
    def create_dictionary(document) -> dict[str, int]:
        normalized = map(summarizer.normalize_word, document.words)
        unique = sorted({summarizer.stem_word(w) for w in normalized if w not in summarizer._stop_words})
        return {w: i for i, w in enumerate(unique)}

    return create_dictionary


def sumy_scores(algorithm: str, sentences: Sequence[Sentence], language: str,
                title_stems: Sequence[str] = ()) -> list[float]:
    """A score per sentence from sumy's own rating (higher is better)."""
    import importlib

    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    module_name, class_name = _SUMMARIZERS[algorithm]
    summarizer_class = getattr(importlib.import_module(module_name), class_name)
    lang = language if language in ("fr", "en") else "fr"
    summarizer = summarizer_class(lambda word: stem(word, lang))
    stops = stop_words(lang)
    if hasattr(summarizer, "stop_words"):
        summarizer.stop_words = stops
    if algorithm == "lsa":
        summarizer._create_dictionary = _sorted_dictionary(summarizer)
    if algorithm == "edmundson":
        summarizer.null_words = stops
        summarizer.bonus_words = list(title_stems) or ["important"]
        summarizer.stigma_words = ["lire", "aussi"]

    tokenizer = OfflineTokenizer(lang)
    objects = [SumySentence(s.text, tokenizer) for s in sentences]
    by_paragraph: dict[int, list[SumySentence]] = {}
    for s, obj in zip(sentences, objects, strict=False):
        by_paragraph.setdefault(s.paragraph, []).append(obj)
    document = ObjectDocumentModel([Paragraph(group) for group in by_paragraph.values()])

    ranked: list = []

    def keep_all(infos):  # sumy passes (sentence, order, rating) sorted best first
        ranked.extend(infos)
        return infos

    summarizer(document, keep_all)
    scores = [0.0] * len(sentences)
    n = len(ranked)
    for position, info in enumerate(ranked):
        scores[info.order] = float(n - position)  # rank-based: sumy ratings are not comparable
    return scores
