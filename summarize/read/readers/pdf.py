"""PDF: the text layer by pypdf, re-flowed into paragraphs, with running headers, footers and
page numbers dropped and words hyphenated at line ends mended. A PDF without a text layer
(a scan) gets a clear error: OCR is out of scope and would need a model download."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from io import BytesIO

from ...errors import InputError
from ...text.reflow import document_words, is_letter_spaced, join_lines
from ..decoding import RawText, normalize_text

MAX_PAGES = 300  # a press release is 1-5 pages; a 1,000-page report is not what we summarize
MIN_LETTERS_PER_PAGE = 40  # below this on average, the PDF is a scan (images of text)
FULL_LINE_SHARE = 0.8  # a line this close to the page's usual width continues on the next line

_PAGE_NUMBER = re.compile(r"(?i)^\s*(?:page\s*)?[-–—]?\s*\d{1,4}\s*(?:(?:/|sur|of)\s*\d{1,4})?\s*[-–—]?\s*$")
_FILE_NAME = re.compile(r"\.(?:html?|docx?|pdf|odt|indd|txt)\b|^microsoft word\b", re.IGNORECASE)
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
        layouts = [page_layout(pages[i]) for i in range(min(count, MAX_PAGES))]
        texts = ["\n".join(line.text for line in lines) for lines in layouts]
    except PdfReadError as exc:
        raise InputError(f"{name}: damaged or unreadable PDF ({exc})") from None
    letters = sum(ch.isalpha() for text in texts for ch in text)
    if letters < MIN_LETTERS_PER_PAGE * max(1, len(texts)) and letters < 400:
        raise InputError(f"{name}: the PDF has no text layer (a scanned image?); run OCR on it first")
    text, headline = layout_to_text(layouts)
    metadata = {"format": "pdf", "pages": str(count)}
    info = _document_info(reader)
    metadata.update(info)
    if headline:
        metadata["title"] = headline
    raw = RawText(text=normalize_text(text), encoding="utf-8", metadata=metadata,
                  headline=normalize_text(headline).strip() if headline else None)
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
    title = " ".join((info.title or "").split())
    if len(title.split()) >= 3 and not _FILE_NAME.search(title):  # "page.html", "Microsoft Word - cp.docx" are not titles
        out["title"] = title
    try:
        if info.creation_date:
            out["date"] = info.creation_date.date().isoformat()
    except (ValueError, TypeError):
        pass
    return out


def pdf_pages_to_text(pages: list[str]) -> str:
    """Pages of plain extracted text (no positions) -> paragraphs one a line, through the layout path."""
    return layout_to_text([plain_lines(page) for page in pages])[0]


def plain_lines(text: str) -> list[Line]:
    """Lines of text without position or size: evenly spaced, one type size (widths and punctuation decide)."""
    return [Line(0.0, -12.0 * i, 10.0, False, line.strip()) for i, line in enumerate(text.split("\n")) if line.strip()]


def _running_lines(page_lines: list[list[str]]) -> set[str]:
    """Lines repeated at the top or bottom of most pages: running headers and footers."""
    if len(page_lines) < 2:
        return set()
    edges: Counter[str] = Counter()
    for lines in page_lines:
        edges.update(set(lines[:2] + lines[-2:]))
    needed = max(2, (len(page_lines) + 1) // 2)
    return {line for line, seen in edges.items() if seen >= needed and len(line) < 120}


def _mend_across_pages(paragraphs: list[str], compounds: set[str]) -> list[str]:
    """A paragraph cut by a page break: the next page's first line starts in lower case."""
    out: list[str] = []
    for paragraph in paragraphs:
        if out and paragraph[:1].islower() and not _SENTENCE_END.search(out[-1]):
            out[-1] = join_lines(out[-1], paragraph, compounds)
        else:
            out.append(paragraph)
    return out


# --- Layout: lines with their position, size and weight, read column by column --------------------

TITLE_SIZE_RATIO = 1.15  # a block set this much larger than the body on page 1 is the headline
HEADING_SIZE_RATIO = 1.08
PARAGRAPH_GAP = 1.45  # a vertical gap this many times the usual leading separates paragraphs
MAX_TITLE_WORDS = 40
SHORT_LINE_SHARE = 0.6  # a line this much shorter than the usual one ends its block


@dataclass
class Line:
    x: float
    y: float
    size: float
    bold: bool
    text: str
    column: int = 0


def page_layout(page) -> list[Line]:
    """The text lines of a page in reading order (columns one after the other), with size and weight."""
    chunks: list[Line] = []

    def visit(text, cm, tm, font, size):
        text = text.replace("\n", " ")
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[0] or tm[3] or 1) * abs(cm[0] or cm[3] or 1)
        name = str((font or {}).get("/BaseFont", "")) if hasattr(font, "get") else ""
        chunks.append(Line(x, y, round(size * scale, 1), "bold" in name.lower() or "black" in name.lower(), text))

    plain = page.extract_text(visitor_text=visit) or ""
    if not chunks:
        return plain_lines(plain)
    try:
        width = float(page.mediabox.width)
    except Exception:  # a broken media box: guess from the text
        width = max(c.x for c in chunks) + 100
    return _reading_order(chunks, width)


def _merge_chunks(chunks: list[Line]) -> list[Line]:
    """Chunks of one column on one baseline and close to each other form one line."""
    lines: list[Line] = []
    for chunk in sorted(chunks, key=lambda c: (-round(c.y, 0), c.x)):
        last = lines[-1] if lines else None
        if last and last.column == chunk.column and abs(last.y - chunk.y) <= 0.3 * max(chunk.size, 1):
            end = last.x + 0.55 * last.size * len(last.text)
            if chunk.x - end < 2.5 * max(chunk.size, 1):
                glue = "" if last.text.endswith(" ") or chunk.text.startswith(" ") else " "
                last.text = f"{last.text}{glue}{chunk.text}" if chunk.x > end - last.size else last.text + chunk.text
                continue
        lines.append(Line(chunk.x, chunk.y, chunk.size, chunk.bold, chunk.text, chunk.column))
    for line in lines:
        line.text = re.sub(r" {3,}", "  ", line.text.strip())  # double spaces stay: they separate letter-spaced words
    return [line for line in lines if line.text]


def _reading_order(chunks: list[Line], width: float) -> list[Line]:
    """Lines in reading order: two columns side by side are read left then right; full-width blocks above and below stay in place."""
    left = min(chunk.x for chunk in chunks)
    starts: Counter[int] = Counter(round(chunk.x) for chunk in chunks if chunk.x > left + 0.3 * width)
    column_x = next((x for x, seen in starts.most_common() if seen >= 3), None)
    if column_x is None:
        return _merge_chunks(chunks)
    right = [chunk for chunk in chunks if chunk.x >= column_x - 3]
    top, bottom = max(chunk.y for chunk in right), min(chunk.y for chunk in right)
    slack = max(chunk.size for chunk in right) * 1.2
    in_band = [chunk for chunk in chunks if bottom - slack <= chunk.y <= top + 0.3 * slack]
    if sum(chunk.x < column_x - 3 for chunk in in_band) < 3:
        return _merge_chunks(chunks)  # text set at the right, not a second column
    for chunk in in_band:
        chunk.column = 1 if chunk.x >= column_x - 3 else 0
    left_lines = sorted((c for c in in_band if c.column == 0), key=lambda c: c.y)
    lower, size = (left_lines[0].y, left_lines[0].size) if left_lines else (bottom, 0.0)
    for chunk in sorted((c for c in chunks if c.y < bottom - slack and c.x < column_x - 3), key=lambda c: -c.y):
        if lower - chunk.y > 2 * chunk.size or abs(chunk.size - size) >= 0.5:
            break  # a paragraph space or another type size: the column has ended
        chunk.column, lower = 0, chunk.y  # the left column runs on below the right one
        in_band.append(chunk)
    above = [chunk for chunk in chunks if chunk.y > top + 0.3 * slack]
    below = [chunk for chunk in chunks if chunk.y < bottom - slack and chunk not in in_band]
    for chunk in below:
        chunk.column = 2
    band = _merge_chunks(in_band)
    return (_merge_chunks(above) + [line for line in band if line.column == 0] + [line for line in band if line.column == 1]
            + _merge_chunks(below))


def layout_to_text(pages: list[list[Line]]) -> tuple[str, str | None]:
    """Paragraphs one a line ("# " headline, "## " sub-headings) and the headline, from laid-out lines."""
    page_texts = [[line.text for line in lines] for lines in pages]
    running = _running_lines(page_texts)
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[line.size] += len(line.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 10.0
    compounds = document_words("\n".join("\n".join(t) for t in page_texts))
    headline = _headline(pages[0], body_size, running) if pages else None
    blocks: list[str] = []
    for number, lines in enumerate(pages):
        lines = [line for line in lines if line.text not in running and not _PAGE_NUMBER.match(line.text)]
        blocks.extend(_page_blocks(lines, body_size, compounds, headline if number == 0 else None))
    return "\n".join(_mend_across_pages(blocks, compounds)) + "\n", headline


def _headline(lines: list[Line], body_size: float, running: set[str]) -> str | None:
    """The largest text on the first page, when it stands out from the body: the release's headline."""
    candidates = [line for line in lines if line.text not in running and not is_letter_spaced(line.text)]
    if not candidates:
        return None
    largest = max(line.size for line in candidates)
    if largest < TITLE_SIZE_RATIO * body_size:
        return None
    title_lines = [line for line in candidates if abs(line.size - largest) < 0.5]
    first = candidates.index(title_lines[0])
    block = [title_lines[0]]
    for line in candidates[first + 1:]:  # consecutive lines of that size: a headline on several lines
        if abs(line.size - largest) >= 0.5:
            break
        block.append(line)
    text = " ".join(line.text for line in block)
    return text if len(text.split()) <= MAX_TITLE_WORDS else None


def _page_blocks(lines: list[Line], body_size: float, compounds: set[str], headline: str | None) -> list[str]:
    """Lines grouped into paragraphs by size, weight, column and vertical gaps."""
    if not lines:
        return []
    ratios = [round((a.y - b.y) / max(a.size, 1), 2) for a, b in zip(lines, lines[1:], strict=False)
              if a.column == b.column and abs(a.size - b.size) < 0.5 and 0 < a.y - b.y]
    leading = Counter(ratios).most_common(1)[0][0] if ratios else 1.2  # line spacing as a multiple of the font size
    widths = sorted(len(line.text) for line in lines)
    usual_width = widths[int(0.9 * (len(widths) - 1))]
    blocks: list[list[Line]] = []
    for line in lines:
        previous = blocks[-1][-1] if blocks else None
        if previous is None or _starts_block(previous, line, leading, usual_width, body_size):
            blocks.append([line])
        else:
            blocks[-1].append(line)
    out: list[str] = []
    for block in blocks:
        text = block[0].text
        for line in block[1:]:
            text = join_lines(text, line.text, compounds)
        size, bold = block[0].size, all(line.bold for line in block)
        if headline and text == headline:
            out.append(f"# {text}")
        elif (size >= HEADING_SIZE_RATIO * body_size or (bold and size >= body_size - 0.5)) and len(text.split()) <= 20 and not _SENTENCE_END.search(text):
            out.append(f"## {text}")
        else:
            out.append(text)
    return out


def _starts_block(previous: Line, line: Line, leading: float, usual_width: int, body_size: float) -> bool:
    if previous.column != line.column or abs(previous.size - line.size) >= 0.5 or previous.bold != line.bold:
        return True
    gap = previous.y - line.y
    if gap <= 0 or gap > PARAGRAPH_GAP * leading * max(line.size, 1):
        return True  # a new column, a page region or a paragraph space
    short = line.size <= body_size + 0.5 and len(previous.text) < SHORT_LINE_SHARE * usual_width
    if abs(line.x - previous.x) > 3 * max(line.size, 1) or short:
        return True  # text set elsewhere on the line (a date right of an address), or the short lines of an address
    return len(previous.text) < FULL_LINE_SHARE * usual_width and bool(_SENTENCE_END.search(previous.text))
