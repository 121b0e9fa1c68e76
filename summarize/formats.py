"""Format readers beyond plain text, chosen by extension and by content; imported lazily."""

from __future__ import annotations

from collections.abc import Callable

from .reading import RawText

TEXT_EXTENSIONS = frozenset({".txt", ".text", ".md", ".markdown"})
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS

Reader = Callable[[bytes, str], RawText]


def reader_for(source: str, data: bytes) -> Reader | None:
    """The reader for a non-plain-text input, or None for plain text."""
    del source, data  # plain text only for now; HTML, PDF, DOCX, e-mail readers plug in here
    return None
