"""PDF: the text layer by pypdf, re-flowed into paragraphs, with running headers, footers and
page numbers dropped and words hyphenated at line ends mended. A PDF without a text layer
(a scan) gets a clear error: OCR is out of scope and would need a model download."""

from __future__ import annotations

import re
from collections import Counter
from io import BytesIO

from ..decoding import RawText, normalize_text
from ..errors import InputError

MAX_PAGES = 300  # a press release is 1-5 pages; a 1,000-page report is not what we summarize
MIN_LETTERS_PER_PAGE = 40  # below this on average, the PDF is a scan (images of text)
FULL_LINE_SHARE = 0.8  # a line this close to the page's usual width continues on the next line

_PAGE_NUMBER = re.compile(r"(?i)^\s*(?:page\s*)?[-–—]?\s*\d{1,4}\s*(?:(?:/|sur|of)\s*\d{1,4})?\s*[-–—]?\s*$")
_HYPHENATED_END = re.compile(r"(\w+)-$")
_COMPOUND = re.compile(r"\w+-\w+")
_SENTENCE_END = re.compile(r"[.!?:»”…)]$")


def read_pdf(data: bytes, name: str) -> RawText:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes are not the user's business

    try:
        reader = PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{name}: the PDF is password-protected")
        pages = reader.pages
        count = len(pages)
        texts = [pages[i].extract_text() or "" for i in range(min(count, MAX_PAGES))]
    except PdfReadError as exc:
        raise InputError(f"{name}: damaged or unreadable PDF ({exc})") from None
    letters = sum(ch.isalpha() for text in texts for ch in text)
    if letters < MIN_LETTERS_PER_PAGE * max(1, len(texts)) and letters < 400:
        raise InputError(f"{name}: the PDF has no text layer (a scanned image?); run OCR on it first")
    text = pdf_pages_to_text(texts)
    metadata = {"format": "pdf", "pages": str(count)}
    info = _document_info(reader)
    metadata.update(info)
    raw = RawText(text=normalize_text(text), encoding="utf-8", metadata=metadata)
    if count > MAX_PAGES:
        raw.warnings.append(f"only the first {MAX_PAGES} of {count} pages were read")
    return raw


def _document_info(reader) -> dict[str, str]:
    try:
        info = reader.metadata
    except Exception:  # a broken info dictionary must not cost the text
        return {}
    if not info:
        return {}
    out = {}
    if info.title and info.title.strip():
        out["title"] = " ".join(info.title.split())
    try:
        if info.creation_date:
            out["date"] = info.creation_date.date().isoformat()
    except (ValueError, TypeError):
        pass
    return out


def pdf_pages_to_text(pages: list[str]) -> str:
    """Pages of extracted lines -> paragraphs one a line; furniture of the page layout removed."""
    page_lines = [[line.strip() for line in page.split("\n")] for page in pages]
    page_lines = [[line for line in lines if line] for lines in page_lines]
    running = _running_lines(page_lines)
    compounds = {m.group().lower() for page in pages for m in _COMPOUND.finditer(page)}
    paragraphs: list[str] = []
    for lines in page_lines:
        lines = [line for line in lines if line not in running and not _PAGE_NUMBER.match(line)]
        if not lines:
            continue
        usual_width = sorted(len(line) for line in lines)[int(0.9 * (len(lines) - 1))]
        current = ""
        for line in lines:
            current = _join(current, line, compounds) if current else line
            if len(line) < FULL_LINE_SHARE * usual_width or (_SENTENCE_END.search(line) and len(line) < 0.95 * usual_width):
                paragraphs.append(current)
                current = ""
        if current:
            paragraphs.append(current)
    return "\n".join(_mend_across_pages(paragraphs, compounds)) + "\n"


def _running_lines(page_lines: list[list[str]]) -> set[str]:
    """Lines repeated at the top or bottom of most pages: running headers and footers."""
    if len(page_lines) < 2:
        return set()
    edges: Counter[str] = Counter()
    for lines in page_lines:
        edges.update(set(lines[:2] + lines[-2:]))
    needed = max(2, (len(page_lines) + 1) // 2)
    return {line for line, seen in edges.items() if seen >= needed and len(line) < 120}


def _join(current: str, line: str, compounds: set[str]) -> str:
    """Join a wrapped line: "trans-" + "port" -> "transport", but "vice-" + "président" keeps its
    hyphen (a known compound prefix, or the compound written whole elsewhere in the document)."""
    hyphen = _HYPHENATED_END.search(current)
    if hyphen and line[:1].islower():
        prefix = hyphen.group(1).lower()
        next_word = re.match(r"\w+", line)
        if prefix in _HYPHEN_PREFIXES or (next_word and f"{prefix}-{next_word.group().lower()}" in compounds):
            return current + line
        return current[:-1] + line
    return f"{current} {line}"


# Prefixes that keep their hyphen when a compound is split at it (vice-président, après-midi…).
_HYPHEN_PREFIXES = frozenset({
    "vice", "ex", "après", "avant", "arrière", "demi", "semi", "mi", "non", "quasi", "sous", "sans", "sur", "co",
    "anti", "extra", "grand", "grands", "grande", "franco", "euro", "néo", "post", "pré", "pro", "auto", "bien",
    "peut", "est", "a", "dit", "là", "celle", "celui", "ceux", "elle", "lui", "moi", "nous", "vous", "eux", "porte",
    "garde", "haut", "basse", "bas", "petit", "petite", "belle", "beau", "libre", "contre",
})


def _mend_across_pages(paragraphs: list[str], compounds: set[str]) -> list[str]:
    """A paragraph cut by a page break: the next page's first line starts in lower case."""
    out: list[str] = []
    for paragraph in paragraphs:
        if out and paragraph[:1].islower() and not _SENTENCE_END.search(out[-1]):
            out[-1] = _join(out[-1], paragraph, compounds)
        else:
            out.append(paragraph)
    return out
