"""Extractive summaries, key topics and key facts for French press releases, offline.

    from summarize import read_text, summarize_text, split_sentences
    result = summarize_text(text, sentences=3, topics=5)
    result.to_dict()
    document = read_text("communique.pdf")   # any supported format -> text and metadata
"""

from .pipeline import Summary, summarize_text
from .reading import read_text
from .sentences import split_sentences

__version__ = "0.1.0"
__all__ = ["Summary", "__version__", "read_text", "split_sentences", "summarize_text"]
