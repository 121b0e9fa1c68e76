"""HTML pages: the main text by trafilatura (the reference extractor for French news pages),
without navigation, cookie banners, footers or scripts; the page's <h1> as headline, its
sub-headings kept as "## " lines (so "À propos" and contact sections stay sections), and the
page date as metadata only when the page states it (no guessing from years in the text).

lxml's HTML parser never resolves external entities or fetches anything, and the input is
already bounded by --max-size, so a hostile page costs at most one bounded parse.
"""

from __future__ import annotations

import html as html_entities
import re

from ...errors import InputError
from ..decoding import RawText, decode, normalize_text

_HEADING = re.compile(r"<h(?P<level>[1-6])\b[^>]{0,500}>(?P<text>.{0,2000}?)</h(?P=level)\s*>", re.IGNORECASE | re.DOTALL)
_SUB_HEADING_TAG = re.compile(r"<(/?)h[2-6]\b", re.IGNORECASE)
_TAG = re.compile(r"<[^>]{0,2000}>")
_DATE_ATTRIBUTE = re.compile(r"<(?:html|article|body)\b[^>]{0,2000}?\b[\w-]*date[\w-]*\s*=\s*[\"'](?P<date>(?:19|20)\d\d-\d\d-\d\d)", re.IGNORECASE)


def read_html(data: bytes, name: str) -> RawText:
    return html_to_text(decode(data, name).text, name)


def html_to_text(html: str, name: str) -> RawText:
    """Main text of an HTML document (also used for the HTML part of an e-mail)."""
    import trafilatura

    headings = [(int(m.group("level")), _text_of(m.group("text"))) for m in _HEADING.finditer(html)]
    # trafilatura drops most <h2>…<h6>: as paragraphs they survive, and are marked as headings again below
    document = trafilatura.bare_extraction(
        _SUB_HEADING_TAG.sub(r"<\1p", html), with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not any(ch.isalpha() for ch in text):
        raise InputError(f"{name}: no main text found in this HTML page")
    sub_headings = {heading for level, heading in headings if level > 1 and heading}
    text = "\n".join(f"## {line}" if line.strip() in sub_headings else line for line in text.split("\n"))
    headline = next((heading for level, heading in headings if level == 1 and heading), None)
    title = headline or (getattr(document, "title", None) or "").strip()
    if title and title not in text[: len(title) + 300]:
        text = f"# {title}\n\n{text}"
    metadata = {"format": "html"}
    for key in ("title", "date", "author", "sitename", "url"):
        value = getattr(document, key, None)
        if value:
            metadata[key] = " ".join(str(value).split())
    stated = _DATE_ATTRIBUTE.search(html[:5000])
    if "date" not in metadata and stated:
        metadata["date"] = stated.group("date")
    if headline:
        metadata["title"] = headline
    return RawText(text=normalize_text(text), encoding="utf-8", metadata=metadata, headline=normalize_text(title).strip() or None)


def _text_of(fragment: str) -> str:
    return " ".join(html_entities.unescape(_TAG.sub(" ", fragment)).split())
