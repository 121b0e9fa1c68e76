"""Extractive summaries, key topics and key facts for French press releases, offline.

    from summarize import read_text, summarize_text, split_sentences
    result = summarize_text(text, sentences=3, topics=5)
    result.to_dict()
    document = read_text("communique.pdf")   # any supported format -> text and metadata
    summarize_partition(records)             # records (dicts) -> result objects, for Dask bags
    summarize_dataframe(frame)               # a Dask DataFrame -> one row per record (needs [dask])
"""

from __future__ import annotations

from typing import Any

from . import _build

_build.choose_modules()  # the compiled modules when installed and current, else their sources (issue 27)

from .pipeline import Summary, summarize_text  # noqa: E402
from .read.reading import read_text  # noqa: E402
from .text.sentences import split_sentences  # noqa: E402

__version__ = "0.1.0"
__all__ = ["Summary", "__version__", "read_text", "split_sentences", "summarize_dataframe", "summarize_partition", "summarize_text"]

# The record and cluster entry points are imported on first use: one file never pays for them.
_LAZY = {"summarize_partition": "summarize.run.records", "summarize_dataframe": "summarize.run.cluster"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'summarize' has no attribute {name!r}")
