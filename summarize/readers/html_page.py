"""HTML pages: the main text by trafilatura (the reference extractor for French news pages),
without navigation, cookie banners, footers or scripts; the page title and date as metadata.

lxml's HTML parser never resolves external entities or fetches anything, and the input is
already bounded by --max-size, so a hostile page costs at most one bounded parse.
"""

from __future__ import annotations

from ..decoding import RawText, decode, normalize_text
from ..errors import InputError


def read_html(data: bytes, name: str) -> RawText:
    return html_to_text(decode(data, name).text, name)


def html_to_text(html: str, name: str) -> RawText:
    """Main text of an HTML document (also used for the HTML part of an e-mail)."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True, include_images=False, include_links=False,
    )
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not any(ch.isalpha() for ch in text):
        raise InputError(f"{name}: no main text found in this HTML page")
    title = (getattr(document, "title", None) or "").strip()
    if title and title not in text[: len(title) + 300]:
        text = f"{title}\n\n{text}"
    metadata = {"format": "html"}
    for key in ("title", "date", "author", "sitename", "url"):
        value = getattr(document, key, None)
        if value:
            metadata[key] = " ".join(str(value).split())
    return RawText(text=normalize_text(text), encoding="utf-8", metadata=metadata)
