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
from ...text.dates import ISO_DATE_RE
from ...text.headline import HEADLINE, NOT_HEADLINE, headline_verdict
from ..decoding import RawText, decode, normalize_text

_HEADING = re.compile(r"<h(?P<level>[1-6])\b[^>]{0,500}>(?P<text>.{0,2000}?)</h(?P=level)\s*>", re.IGNORECASE | re.DOTALL)
_HEADING_TAG = re.compile(r"<(/?)h[1-6]\b", re.IGNORECASE)
_INLINE_QUOTE = re.compile(r"<(/?)q\b[^>]{0,500}>", re.IGNORECASE)  # <q>: the browser prints quotation marks, inline
# The source of a page in Debian's Website Meta Language (.wml): "<define-tag pagetitle>…</define-tag>"
# macros carry the title and date, lines opening with "#" are the preprocessor's directives and comments.
_WML_MACRO = re.compile(r"<define-tag\s+(?P<name>[\w-]{1,40})\s*>(?P<value>.{0,2000}?)</define-tag\s*>", re.IGNORECASE | re.DOTALL)
_WML_DIRECTIVE = re.compile(r"^#.*$", re.MULTILINE)
_LONGEST_HEADING_WORDS = 30
_TAG = re.compile(r"<[^>]{0,2000}>")
_MAIN_REGION = re.compile(r"<(main|article)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_DATE_ATTRIBUTE = re.compile(r"<(?:html|article|body)\b[^>]{0,2000}?\b[\w-]*date[\w-]*\s*=\s*[\"'](?P<date>(?:19|20)\d\d-\d\d-\d\d)", re.IGNORECASE)


def read_html(data: bytes, name: str) -> RawText:
    return html_to_text(decode(data, name).text, name)


def html_to_text(html: str, name: str) -> RawText:
    """Main text of an HTML document (also used for the HTML part of an e-mail)."""
    import trafilatura

    html, macros = _without_wml(html)
    html = _INLINE_QUOTE.sub(lambda m: "”" if m.group(1) else "“", html)
    found = list(_HEADING.finditer(html))
    headings = [(int(m.group("level")), _text_of(m.group("text"))) for m in found]
    first_level = [(m.start(), text) for m, (level, text) in zip(found, headings, strict=True) if level == 1 and text]
    # trafilatura drops most headings (a second <h1> too): as paragraphs they survive, and are marked as headings again below
    document = trafilatura.bare_extraction(
        _HEADING_TAG.sub(r"<\1p", html), with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not any(ch.isalpha() for ch in text):
        raise InputError(f"{name}: no main text found in this HTML page")
    # a heading's text is compared without spaces: "<a>Name</a>, more" is "Name , more" once tags are gone
    # a paragraph set in a heading tag (a lead in <h3>) stays prose
    marks = {_spaceless(heading): "#" * min(level, 2) for level, heading in reversed(headings)
             if heading and len(heading.split()) <= _LONGEST_HEADING_WORDS}  # the first level a text has wins
    text = "\n".join(f"{marks[_spaceless(line)]} {line}" if _spaceless(line) in marks else line for line in text.split("\n"))
    headline = macros.get("title") or _main_headline(html, first_level) or next((text for _, text in first_level), None)
    if headline and headline_verdict(headline) == NOT_HEADLINE:  # the <h1> is the site's section ("LES ACTUS")
        headline = _page_title_headline(html, getattr(document, "sitename", None)) or headline
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
    if "date" in macros:
        metadata["date"] = macros["date"]
    if headline:
        metadata["title"] = headline
    return RawText(text=normalize_text(text), encoding="utf-8", metadata=metadata, headline=normalize_text(title).strip() or None)


def _without_wml(html: str) -> tuple[str, dict[str, str]]:
    """A .wml source as the HTML it renders, and the title and date its macros state."""
    if "<define-tag" not in html[:20000] and not html.lstrip().startswith("#use wml"):
        return html, {}
    found: dict[str, str] = {}
    for macro in _WML_MACRO.finditer(html):
        key, value = macro.group("name").lower(), _text_of(_INLINE_QUOTE.sub("", macro.group("value")))
        if key.endswith("title") and value:
            found.setdefault("title", value)
        elif key.endswith("date") and ISO_DATE_RE.fullmatch(value):
            found.setdefault("date", value)
    return _WML_DIRECTIVE.sub("", _WML_MACRO.sub("", html)), found


def _main_headline(html: str, first_level: list[tuple[int, str]]) -> str | None:
    """The first <h1> (its position and text) inside the page's <main> or <article>: a site that sets
    its name in an <h1> of its banner ("<h1 class=site-title>") puts the release's own headline there."""
    regions = [m.span() for m in _MAIN_REGION.finditer(html)] if first_level else []
    return next((text for position, text in first_level if any(start <= position < end for start, end in regions)), None)


_PAGE_TITLE = re.compile(r"<meta\s+(?:property|name)=[\"'](?:og|twitter):title[\"']\s+content=[\"'](?P<meta>[^\"']{1,500})[\"']"
                         r"|<title\b[^>]{0,200}>(?P<title>[^<]{1,500})</title>", re.IGNORECASE)
_SHORTEST_PAGE_TITLE_WORDS = 4  # "CAPRI Communiqués", "Fonds du Val": the site's name and section, no headline
_TITLE_PARTS = re.compile(r"\s+[-–—|]\s+")


def _page_title_headline(html: str, site_name: str | None) -> str | None:
    """The release's headline from the page's own title ("Aide du Fonds … - Communiqué de presse du
    27 septembre 2023 - Fonds Arménien de France"): its first part that reads as a headline, the
    kind of document, the date and the site's name aside."""
    found = _PAGE_TITLE.search(html[:200_000])
    if found is None:
        return None
    site = (site_name or "").casefold()
    for part in _TITLE_PARTS.split(_text_of(found.group("meta") or found.group("title"))):
        if part.casefold() != site and len(part.split()) >= _SHORTEST_PAGE_TITLE_WORDS and headline_verdict(part) == HEADLINE:
            return part
    return None


def _spaceless(text: str) -> str:
    return "".join(text.split())


def _text_of(fragment: str) -> str:
    return " ".join(html_entities.unescape(_TAG.sub(" ", fragment)).split())
