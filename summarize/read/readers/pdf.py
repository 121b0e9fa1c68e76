"""PDF: the text layer read with PDFium (pypdfium2), laid out again from its characters.

Each character comes with its box, baseline and type size; characters become words (PDFium's
own word spaces, or a gap), words on one baseline become lines, lines are read column by column,
and lines become paragraphs by vertical gaps, size and weight. The largest text of page 1 is the
headline; running headers, footers and page numbers are dropped; words hyphenated at line ends
are mended; zero-width spaces, soft hyphens and ligatures are folded. A PDF without a text layer
(a scan) gets a clear error: OCR is out of scope and would need a model download.

PDFium is not thread-safe: every call into it holds one process-wide lock (the batch runs forked
processes, so the lock only matters to callers that read PDFs from several threads)."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ...errors import InputError
from ...resources import furniture_patterns, word_list
from ...text.dates import ends_with_date
from ...text.reflow import document_words, is_letter_spaced, join_lines
from ..decoding import SYMBOL_BULLETS, RawText, normalize_text

MAX_PAGES = 300  # a press release is 1-5 pages; a 1,000-page report is not what we summarize
MAX_CHARS_PER_PAGE = 60_000  # a dense page holds ~6,000; more is a generated or hostile file
MIN_LETTERS_PER_PAGE = 40  # below this on average, the PDF is a scan (images of text)
FULL_LINE_SHARE = 0.8  # a line this close to the page's usual width continues on the next line

_PAGE_NUMBER = re.compile(r"(?i)^\s*(?:page\s*)?[-–—]?\s*\d{1,4}\s*(?:(?:/|sur|of)\s*\d{1,4})?\s*[-–—]?\s*$")
_FILE_NAME = re.compile(r"\.(?:html?|docx?|pdf|odt|indd|txt)\b|^microsoft word\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:»”…)]$")
_EXCLAIMED = re.compile(r"[!?]\s*[»”]?$")
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")

_PDFIUM_LOCK = threading.Lock()

# What PDFium hands back that is not text: zero-width spaces and joiners, byte-order marks, control
# codes, unmapped glyphs. Soft hyphens (and PDFium's 0x02, its mark for a hyphen at a line end) are
# hyphens that only a line end shows. Symbol-font bullets in the private use area become bullets.
_DROPPED = frozenset("\u200b\u200c\u200d\u2060\ufeff\ufffe\uffff\ufffd") | frozenset(map(chr, range(0x20))) - {"\x02"}
_SOFT_HYPHENS = frozenset("\u00ad\x02")
# Control codes a font's broken ToUnicode map gives its ligature glyphs ("di\x1fusion" for "diffusion"):
# kept as a mark inside the word, then replaced by the ligature that makes a known word.
_UNMAPPED_CODES = frozenset(map(chr, range(0x03, 0x20))) - set("\t\n\r")
_UNMAPPED = "\ufffc"
_LIGATURES = ("ff", "fi", "fl", "ffi", "ffl", "ft", "st")
SPACE_ADVANCE_SLACK = 0.05  # points: a glyph whose origin sits this close to a space's advance end follows the space
WORD_GAP = 0.1  # a gap this many times the type size between two advance boxes is a word space PDFium missed
SEGMENT_GAP = 1.5  # a gap this many ems wide on one baseline separates two blocks (a column gutter, a date set at the right)
SAME_LINE_GAP = 4.0  # pieces of one row closer than this (in ems) and outside columns are one line
NARROW_GUTTER = 0.8  # and a gap this wide does when it is three times the line's usual word space
BASELINE_SLACK = 0.35  # words whose baselines differ by less than this share of the size are on one line


def read_pdf(data: bytes, name: str) -> RawText:
    import pypdfium2 as pdfium  # imported here: plain text must not pay for it at start-up

    with _PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if getattr(exc, "err_code", None) in (pdfium.raw.FPDF_ERR_PASSWORD, pdfium.raw.FPDF_ERR_SECURITY):
                raise InputError(f"{name}: the PDF is password-protected") from None
            raise InputError(f"{name}: damaged or unreadable PDF ({exc})") from None
        warnings: list[str] = []
        try:
            count = len(document)
            layouts = []
            for index in range(min(count, MAX_PAGES)):
                try:
                    layouts.append(_read_page(document, index, pdfium, warnings))
                except pdfium.PdfiumError:
                    warnings.append(f"page {index + 1} could not be read")
                    layouts.append([])
            info = _document_info(document)
        finally:
            document.close()  # closes its pages and text pages too
    letters = sum(ch.isalpha() for lines in layouts for line in lines for ch in line.text)
    if letters < MIN_LETTERS_PER_PAGE * max(1, len(layouts)) and letters < 400:
        raise InputError(f"{name}: the PDF has no text layer (a scanned image?); run OCR on it first")
    text, headline = layout_to_text(layouts)
    metadata = {"format": "pdf", "pages": str(count)}
    metadata.update(info)
    if headline:
        metadata["title"] = headline
    raw = RawText(text=normalize_text(text), encoding="utf-8", metadata=metadata,
                  headline=normalize_text(headline).strip() if headline else None)
    if count > MAX_PAGES:
        warnings.append(f"only the first {MAX_PAGES} of {count} pages were read")
    raw.warnings.extend(warnings)
    return raw


def _document_info(document) -> dict[str, str]:
    try:
        info = document.get_metadata_dict()
    except Exception:  # a broken info dictionary must not cost the text
        return {}
    out = {}
    title = " ".join((info.get("Title") or "").split())
    if len(title.split()) >= 3 and not _FILE_NAME.search(title):  # "page.html", "Microsoft Word - cp.docx" are not titles
        out["title"] = title
    found = _PDF_DATE.match((info.get("CreationDate") or "").strip())
    if found:
        import datetime

        try:
            out["date"] = datetime.date(*map(int, found.groups())).isoformat()
        except ValueError:
            pass
    return out


# --- Characters -> words -> lines -------------------------------------------------------------------

@dataclass
class _Word:
    x0: float
    x1: float
    y: float
    size: float
    bold: bool
    text: str


def _read_page(document, index: int, pdfium, warnings: list[str]) -> list[Line]:
    """One page's lines in reading order. Its page and text page are closed before returning."""
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            words = _page_words(textpage, pdfium.raw, index, warnings)
        finally:
            textpage.close()
        width = page.get_width()
    finally:
        page.close()
    if not words:
        return []
    return _reading_order(_lines_of(words), width)


def _page_words(textpage, raw, index: int, warnings: list[str]) -> list[_Word]:
    """The words of a text page, from its characters, in PDFium's order: a line break, a space PDFium
    generated, or a visible gap ends a word. A space character the next glyph overlaps (text
    justified by moving glyphs back over the spaces) is no word break, one whose advance ends where
    the next glyph starts is, even when that glyph's ink overhangs it ("J", "j" in italics); a gap is measured against
    the line's usual letter spacing, so condensed text without space characters still splits."""
    import ctypes

    count = textpage.count_chars()
    if count > MAX_CHARS_PER_PAGE:
        warnings.append(f"page {index + 1}: only the first {MAX_CHARS_PER_PAGE} of {count} characters were read")
        count = MAX_CHARS_PER_PAGE
    box, matrix = raw.FS_RECTF(), raw.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    get_unicode, get_box, get_origin = raw.FPDFText_GetUnicode, raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharOrigin
    get_size, get_weight, get_angle, generated = raw.FPDFText_GetFontSize, raw.FPDFText_GetFontWeight, raw.FPDFText_GetCharAngle, raw.FPDFText_IsGenerated
    get_matrix = raw.FPDFText_GetMatrix
    handle = textpage.raw
    words: list[_Word] = []
    line: list[tuple[str, float, float, float, float, bool, bool]] = []  # (char, x0, x1, baseline, size, bold, space before)
    space = False
    space_end: float | None = None  # where the advance of a space of the file itself ends
    for i in range(count):
        ch = chr(get_unicode(handle, i))
        if ch in "\r\n" and generated(handle, i):
            _words_of_line(line, words)
            line, space, space_end = [], False, None
            continue
        if ch in _UNMAPPED_CODES:
            ch = _UNMAPPED  # a glyph without a Unicode mapping (\x1c-\x1f even pass for spaces), most often a ligature
        elif ch.isspace():
            space = space or bool(generated(handle, i))  # a space of the file itself counts by its gap, or by its advance
            if not space and get_box(handle, i, box):
                space_end = box.right
            continue
        if ch in _DROPPED:
            continue

        angle = get_angle(handle, i)
        if 0.05 < angle < 6.23:  # rotated text: a margin note or a watermark, not the body
            space = True
            continue
        if not get_origin(handle, i, ox, oy):
            continue
        if space_end is not None:
            space, space_end = space or ox.value >= space_end - SPACE_ADVANCE_SLACK, None
        get_box(handle, i, box)  # the loose box spans the glyph's advance: letters of a word touch
        size = get_size(handle, i)  # in text space: the character's matrix scales it to the page
        if get_matrix(handle, i, matrix):
            size *= abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
        x0, x1 = box.left, box.right
        if x1 <= x0:
            x0 = x1 = ox.value
        if ch in _SOFT_HYPHENS:
            ch = "\u00ad"
        elif "\ufb00" <= ch <= "\ufb06":
            ch = unicodedata.normalize("NFKC", ch)
        elif "\ue000" <= ch <= "\uf8ff":
            ch = SYMBOL_BULLETS.get(ch, "•" if ch >= "\uf000" else "")
            if not ch:
                continue
        line.append((ch, x0, x1, oy.value, max(size, 0.1), get_weight(handle, i) >= 600, space))
        space = False
    _words_of_line(line, words)
    return words


def _words_of_line(chars: list[tuple[str, float, float, float, float, bool, bool]], words: list[_Word]) -> None:
    """Characters of one PDFium line -> words."""
    if not chars:
        return
    gaps = sorted((b[1] - a[2]) / b[4] for a, b in zip(chars, chars[1:], strict=False) if abs(a[3] - b[3]) < 0.2 * b[4])
    spacing = min(max(gaps[len(gaps) // 2], -0.15), 0.05) if gaps else 0.0  # the usual letter spacing, in ems
    word: _Word | None = None
    letters: list[str] = []
    last_x0 = 0.0
    for ch, x0, x1, y, size, bold, space in chars:
        if word is not None:
            unit = max(word.size, size)
            gap = (x0 - word.x1) / size - spacing
            spans_glyph = letters[-1] == _UNMAPPED  # an unmapped ligature may report no width: its gap is its advance
            if space or (gap > WORD_GAP and not spans_glyph) or x0 < last_x0 - 0.1 * unit or abs(y - word.y) > 0.5 * unit:
                _close(word, letters, words)
                word, letters = None, []
        if word is None:
            word = _Word(x0, x1, y, round(size, 1), bold, "")
        else:
            word.x1 = max(word.x1, x1)
            if size > word.size:  # a superscript ("6ème") keeps the word's size and baseline
                word.size, word.y = round(size, 1), y
        letters.append(ch)
        last_x0 = x0
    _close(word, letters, words)


def _close(word: _Word | None, letters: list[str], words: list[_Word]) -> None:
    if word is not None:
        word.text = "".join(letters)
        if _UNMAPPED in word.text:
            word.text = mend_unmapped(word.text)
        if not word.text.strip("\u00ad"):
            word.text = "–"  # a soft hyphen standing alone between two words is the dash a font printed with it
        words.append(word)  # ("Evènement \u00ad Lancement officiel…", "Strasbourg \u00ad 20 Mai 2014")


SUPERSCRIPT_SIZE = 0.8  # letters set this much smaller than the body and raised after a word are its superscript


def _attach_superscripts(words: list[_Word]) -> list[_Word]:
    """A raised ordinal ending that PDFium reads as a line of its own ("1" + "er", "2" + "ème", "M" + "me")
    goes back on its word, so the line reads "1er niveau" and no row of stray endings is left."""
    sizes: Counter[float] = Counter()
    for word in words:
        sizes[word.size] += len(word.text)
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    raised = [w for w in words if w.size < SUPERSCRIPT_SIZE * body and len(w.text) <= 4 and w.text.isalpha()]
    if not raised:
        return words
    dropped: set[int] = set()
    for small in raised:
        for word in words:
            if (word is not small and word.size > small.size / SUPERSCRIPT_SIZE and 0 < small.y - word.y <= 0.6 * word.size
                    and -0.1 * word.size <= small.x0 - word.x1 <= 0.3 * word.size and word.text[-1:].isalnum()):
                word.text, word.x1 = word.text + small.text, small.x1
                dropped.add(id(small))
                break
    return [w for w in words if id(w) not in dropped]


def _lines_of(words: list[_Word]) -> list[Line]:
    """Words on one baseline, close to each other, form a line; a wide gap starts another on the same baseline."""
    words = _attach_superscripts(words)
    rows: list[list[_Word]] = []
    for word in sorted(words, key=lambda w: (-w.y, w.x0)):
        row = rows[-1] if rows else None
        if row and abs(row[0].y - word.y) <= BASELINE_SLACK * max(min(row[0].size, word.size), 1):
            row.append(word)
        else:
            rows.append([word])
    lines: list[Line] = []
    for number, row in enumerate(rows):
        row.sort(key=lambda w: w.x0)
        kept: list[_Word] = []
        for word in row:
            if kept and word.text == kept[-1].text and abs(word.x0 - kept[-1].x0) < 0.3 * max(word.size, 1):
                continue  # the same word printed twice a hair apart: simulated bold
            kept.append(word)
        spaces = sorted((b.x0 - a.x1) / max(b.size, 1) for a, b in zip(kept, kept[1:], strict=False))
        usual = spaces[len(spaces) // 2] if spaces else 0.3  # a justified line spaces its words widely, a gutter is wider still
        segment: list[_Word] = []
        for word in kept:
            small, large = sorted((max(word.size, 1), max(segment[-1].size, 1))) if segment else (1, 1)
            gap = (word.x0 - segment[-1].x1) / small if segment else 0
            if segment and (gap > SEGMENT_GAP or (gap > NARROW_GUTTER and gap > 3 * usual) or (large > 1.25 * small and gap > 0.3)):
                lines.append(_line_of(segment, number))
                segment = []
            segment.append(word)
        if segment:
            lines.append(_line_of(segment, number))
    return lines


def _line_of(words: list[_Word], row: int) -> Line:
    sizes = Counter()
    for word in words:
        sizes[word.size] += len(word.text)
    size = sizes.most_common(1)[0][0]
    bold = sum(len(w.text) for w in words if w.bold) >= 0.6 * sum(len(w.text) for w in words)
    text = " ".join(w.text for w in words)
    ends_hyphenated = text.endswith("\u00ad")
    text = text.replace("\u00ad", "") + ("-" if ends_hyphenated else "")  # a soft hyphen shows only at a line end
    return Line(words[0].x0, max(words, key=lambda w: len(w.text)).y, size, bold, text, 0, words[-1].x1, row)


def pdf_pages_to_text(pages: list[str]) -> str:
    """Pages of plain extracted text (no positions) -> paragraphs one a line, through the layout path."""
    return layout_to_text([plain_lines(page) for page in pages])[0]


def plain_lines(text: str) -> list[Line]:
    """Lines of text without position or size: evenly spaced, one type size (widths and punctuation decide)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return [Line(0.0, -12.0 * i, 10.0, False, line, 0, float(len(line)), i) for i, line in enumerate(lines)]


def _edge_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def _running_lines(pages: list[list[Line]]) -> set[str]:
    """Lines repeated at the top or bottom of most pages (page numbers aside): running headers and footers."""
    if len(pages) < 2:
        return set()
    edges: Counter[str] = Counter()
    for lines in pages:
        rows = sorted({line.row for line in lines})
        edge_rows = set(rows[:2] + rows[-2:])
        edges.update({_edge_key(line.text) for line in lines if line.row in edge_rows})
    needed = max(2, (len(pages) + 1) // 2)
    return {key for key, seen in edges.items() if seen >= needed and len(key) < 160}


def _page_number(line: Line, per_row: Counter[int]) -> bool:
    """"3", "Page 2/4" alone on its row (a number split off a justified line is text)."""
    return per_row[line.row] == 1 and bool(_PAGE_NUMBER.match(line.text))


def _mend_across_pages(paragraphs: list[str], compounds: set[str]) -> list[str]:
    """A paragraph cut by a page or column break: the next part starts in lower case."""
    out: list[str] = []
    for paragraph in paragraphs:
        if out and paragraph[:1].islower() and not _SENTENCE_END.search(out[-1]) and not out[-1].startswith("#"):
            out[-1] = join_lines(out[-1], paragraph, compounds)
        else:
            out.append(paragraph)
    return out


# --- Layout: lines with their position, size and weight, read column by column --------------------

TITLE_SIZE_RATIO = 1.15  # a block set this much larger than the body on page 1 is the headline
HEADING_SIZE_RATIO = 1.08
PARAGRAPH_GAP = 1.45  # a vertical gap this many times the usual leading separates paragraphs
RUN_ON_GAP = 4.0  # how far below (in leadings) a line may be set and still go on the sentence of the line above
HEADING_RUN_ON_GAP = 2.5  # the same for a centred headline in bold capitals (a kicker above it sits farther)
MAX_TITLE_WORDS = 40
MIN_TEXT_ABOVE_LOGO = 400  # characters of text on page 1 before a large line under most of them counts as a logo
SHORT_LINE_SHARE = 0.6  # a line this much shorter than the usual one ends its block
MIN_COLUMN_ROWS = 3  # lines on each side of a gutter before the page counts as set in columns


@dataclass
class Line:
    x: float
    y: float
    size: float
    bold: bool
    text: str
    column: int = 0
    x1: float = 0.0  # right end (plain lines: the length in characters, x being 0)
    row: int = 0  # lines on one baseline share a row

    @property
    def width(self) -> float:
        return self.x1 - self.x


def _reading_order(lines: list[Line], page_width: float) -> list[Line]:
    """Lines in reading order, each with its column: columns side by side are read one after the other,
    full-width blocks above and below stay in place."""
    next_column = [0]
    out: list[Line] = []
    _order(lines, out, next_column, depth=0)
    return out


def _order(lines: list[Line], out: list[Line], next_column: list[int], depth: int) -> None:
    if not lines:
        return  # one side of a band with nothing on it (every line of its rows starts past the gutter)
    rows: dict[int, list[Line]] = {}
    for line in lines:
        rows.setdefault(line.row, []).append(line)
    order = sorted(rows)
    band = _column_band(rows, order) if depth < 3 else None
    if band is None:
        column = next_column[0]
        next_column[0] += 1
        for row in order:
            previous = None
            for line in sorted(rows[row], key=lambda line: line.x):
                if previous is not None and _same_line(previous, line):
                    previous.text, previous.x1 = f"{previous.text} {line.text}", line.x1
                    continue
                line.column = column
                out.append(line)
                previous = line
        return
    first, last, gutter = band
    above = [line for row in order[:first] for line in rows[row]]
    inside = [line for row in order[first:last + 1] for line in rows[row]]
    below = [line for row in order[last + 1:] for line in rows[row]]
    if above:
        _order(above, out, next_column, depth)
    _order([line for line in inside if line.x < gutter], out, next_column, depth + 1)
    _order([line for line in inside if line.x >= gutter], out, next_column, depth + 1)
    if below:
        _order(below, out, next_column, depth)


def _same_line(left: Line, right: Line) -> bool:
    """Two pieces of one row outside columns that are one line: a bullet and its text, or the words of
    a widely justified line; a date set far right of an address stays apart."""
    gap = (right.x - left.x1) / max(left.size, 1)
    if left.text in ("•", "▪", "-", "–", "◦", "→", "✓", "*") and gap < 6:
        return True
    return gap < SAME_LINE_GAP and abs(left.size - right.size) < 0.5 and left.bold == right.bold


def _column_band(rows: dict[int, list[Line]], order: list[int]) -> tuple[int, int, float] | None:
    """(first row, last row, gutter x) of the largest run of rows set in two columns, or None."""
    lines = [line for row in order for line in rows[row]]
    left = min(line.x for line in lines)
    right = max(line.x1 for line in lines)
    best: tuple[int, int, int, float] | None = None
    for gutter in _gutters(lines, left, right):
        kinds = []
        for row in order:
            here = rows[row]
            if any(line.x < gutter and line.x1 > gutter + 1 for line in here):
                kinds.append("cross")
            elif any(line.x >= gutter for line in here):
                kinds.append("right")
            else:
                kinds.append("left")
        for first, last in _runs(kinds):
            run = kinds[first:last + 1]
            right_rows = run.count("right")
            left_rows = sum(any(line.x < gutter for line in rows[order[i]]) for i in range(first, last + 1))
            if right_rows < MIN_COLUMN_ROWS or left_rows < MIN_COLUMN_ROWS:
                continue
            first, last = _trim_band(rows, order, kinds, first, last, gutter)
            score = last - first
            if best is None or score > best[0]:
                best = (score, first, last, gutter)
    return None if best is None else best[1:]


def _gutters(lines: list[Line], left: float, right: float) -> list[float]:
    """Where a gutter may run: just left of where many lines start (past a paragraph's indent), and just
    right of where many lines end (a justified column beside one whose lines are centred or ragged)."""
    span = right - left
    starts: Counter[int] = Counter(round(line.x) for line in lines if line.x > left + 0.12 * span)
    ends: Counter[int] = Counter(round(line.x1) for line in lines  # full lines of text, not a column of bullets
                                 if line.x1 < right - 0.12 * span and line.width >= 10 * line.size)
    return ([start - 2.0 for start, seen in starts.most_common(6) if seen >= MIN_COLUMN_ROWS]
            + [end + 2.0 for end, seen in ends.most_common(3) if seen >= 2 * MIN_COLUMN_ROWS])


def _runs(kinds: list[str]) -> list[tuple[int, int]]:
    """Maximal runs of rows that no line crosses."""
    runs, start = [], None
    for i, kind in enumerate(kinds + ["cross"]):
        if kind != "cross" and start is None:
            start = i
        elif kind == "cross" and start is not None:
            runs.append((start, i - 1))
            start = None
    return runs


def _trim_band(rows, order, kinds, first, last, gutter) -> tuple[int, int]:
    """The band runs from its first to its last row with a right-hand line, and on over left-hand
    lines that go on at the same size and leading (the left column running on below the right one)."""
    rights = [i for i in range(first, last + 1) if kinds[i] == "right"]
    top, bottom = rights[0], rights[-1]

    def left_line(i: int) -> Line | None:
        return next((line for line in rows[order[i]] if line.x < gutter), None)

    def close(upper: Line | None, lower: Line | None) -> bool:
        return (upper is not None and lower is not None and abs(upper.size - lower.size) < 0.5
                and 0 < upper.y - lower.y <= 2 * max(lower.size, 1))

    highest = next((left_line(i) for i in range(top, bottom + 1) if left_line(i)), None)
    while top > first and close(left_line(top - 1), highest):
        top -= 1
        highest = left_line(top)
    lowest = next((left_line(i) for i in range(bottom, top - 1, -1) if left_line(i)), None)
    while bottom < last and close(lowest, left_line(bottom + 1)):
        bottom += 1
        lowest = left_line(bottom)
    return top, bottom


def layout_to_text(pages: list[list[Line]]) -> tuple[str, str | None]:
    """Paragraphs one a line ("# " headline, "## " sub-headings) and the headline, from laid-out lines."""
    running = _running_lines(pages)
    kept = []
    for number, lines in enumerate(pages):
        per_row = Counter(line.row for line in lines)
        head_rows = set(sorted({line.row for line in lines})[:2]) if number == 0 else set()
        kept.append([line for line in lines if (_edge_key(line.text) not in running or line.row in head_rows)  # the first
                     and not _page_number(line, per_row)])  # page's running header stays: a kicker or the headline itself, repeated
    pages = kept
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[line.size] += len(line.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 10.0
    compounds = document_words("\n".join(line.text for lines in pages for line in lines))
    headline, title_lines = _headline(pages[0], body_size) if pages else (None, [])
    blocks: list[str] = []
    for number, lines in enumerate(pages):
        blocks.extend(_page_blocks(lines, body_size, compounds, headline if number == 0 else None, title_lines))
    return "\n".join(_mend_across_pages(blocks, compounds)) + "\n", headline


def _headline(lines: list[Line], body_size: float) -> tuple[str | None, list[Line]]:
    """The largest text on the first page, when it stands out from the body: the release's headline;
    when that is the kind of document ("Communiqué de presse" in 18 pt over the headline in 16 pt), the
    next largest."""
    text, block = _largest_text(lines, body_size)
    if text and _is_kicker(text):
        rest = [line for line in lines if not any(line is kicker for kicker in block)]
        second, second_block = _largest_text(rest, body_size)
        if second and not _is_kicker(second) and not (ends_with_date(second) and len(second.split()) <= _LONGEST_PLACE_AND_DATE_WORDS):
            return second, second_block  # but "COMMUNIQUÉ" over "27 JUILLET 2023": no headline shows
    return text, block


def _is_kicker(text: str) -> bool:
    return any(furniture_patterns(language)["header"].fullmatch(" ".join(text.split())) for language in ("fr", "en"))


def _largest_text(lines: list[Line], body_size: float) -> tuple[str | None, list[Line]]:
    """The largest text of the lines, on one or several lines, when it stands out from the body."""
    candidates = [line for line in lines if not is_letter_spaced(line.text) and sum(ch.isalpha() for ch in line.text) >= 2]
    smaller = [line for line in lines if line.size < TITLE_SIZE_RATIO * body_size]
    text_size = sum(len(line.text) for line in smaller)
    if text_size >= MIN_TEXT_ABOVE_LOGO:  # a logo set large under most of the page's text (a venue's name at the foot) is no headline
        candidates = [line for line in candidates if line.size < TITLE_SIZE_RATIO * body_size
                      or sum(len(other.text) for other in smaller if other.y > line.y) < 0.6 * text_size]
    if not candidates:
        return None, []
    largest = max(line.size for line in candidates)
    if largest < TITLE_SIZE_RATIO * body_size:
        return None, []
    title_lines = [line for line in candidates if abs(line.size - largest) < 0.5]
    first = candidates.index(title_lines[0])
    block = [title_lines[0]]
    rows = [title_lines[0].y]
    for line in candidates[first + 1:]:  # consecutive lines of that size in one column: a headline on several lines
        if abs(line.y - block[-1].y) < 0.3 * largest and line.size >= TITLE_SIZE_RATIO * body_size:
            block.append(line)  # a piece of the same row in another display size ("LE CNLL" "PARTICIPE AUX" "« ÉTATS GÉNÉRAUX")
            continue
        gap = block[-1].y - line.y
        if (abs(line.size - largest) >= 0.5 or line.column != block[-1].column or gap > 2.5 * largest
                or (len(rows) >= 2 and gap > 1.3 * (rows[0] - rows[1])) or re.search(r"[.!?…]$", block[-1].text)
                or _practical_line(block[-1], line)):
            break  # another size, column or region, a wider space than the headline's leading, its sentence has ended,
            # or the dates, venue and contact set in the headline's size below it
        block.append(line)
        rows.append(line.y)
    text = block[0].text
    for line in block[1:]:
        text = join_lines(text, line.text)
    return (text, block) if len(text.split()) <= MAX_TITLE_WORDS else (None, [])


_CONTACT_IN_LINE = re.compile(r"@\w|https?://|www\.|\b\d{2}(?:[ .]\d{2}){4}\b")


def _practical_line(previous: Line, line: Line) -> bool:
    """A line under a headline, in its size, that opens on a number (a date, an hour, an address) after
    a line whose phrase is complete, or that holds an address to write to: not the headline's words."""
    if _CONTACT_IN_LINE.search(line.text):
        return True
    if _runs_on(previous, line, False):
        return False
    return line.text[:1].isdigit() or _is_place_and_date(line.text)


_LONGEST_PLACE_AND_DATE_WORDS = 7


def _is_place_and_date(text: str) -> bool:
    """"Strasbourg – 20 Mai 2014", "Paris, le 3 mars 2024": a short line that closes on a date, under a
    headline in its size: the dateline, not the headline's words."""
    return len(text.split()) <= _LONGEST_PLACE_AND_DATE_WORDS and text[:1].isupper() and ends_with_date(text)


def _page_blocks(lines: list[Line], body_size: float, compounds: set[str], headline: str | None, title_lines: list[Line] = ()) -> list[str]:
    """Lines grouped into paragraphs by size, weight, column and vertical gaps."""
    if not lines:
        return []
    ratios = [round((a.y - b.y) / max(a.size, 1), 2) for a, b in zip(lines, lines[1:], strict=False)
              if a.column == b.column and abs(a.size - b.size) < 0.5 and 0 < a.y - b.y]
    leading = Counter(ratios).most_common(1)[0][0] if ratios else 1.2  # line spacing as a multiple of the font size
    usual = _usual_widths(lines)
    blocks: list[list[Line]] = []
    for line in lines:
        previous = blocks[-1][-1] if blocks else None
        same_title = any(previous is t for t in title_lines) and any(line is t for t in title_lines)  # a centred headline
        if previous is None or (not same_title and _starts_block(previous, line, leading, usual[previous.column], body_size)):
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
        elif (size >= HEADING_SIZE_RATIO * body_size or (bold and size >= body_size - 0.5)) and len(text.split()) <= 20 and (
                not _SENTENCE_END.search(text) or (bold and _EXCLAIMED.search(text))):
            out.append(f"## {text}")  # a bold line that ends on "!" or "?" is a headline's way of ending, not a sentence's
        else:
            out.append(text)
    return out


def _shouted(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


def _usual_widths(lines: list[Line]) -> dict[int, float]:
    """The width a full line has in each column (the page's when a column has few lines)."""
    def usual(widths: list[float]) -> float:
        widths = sorted(widths)
        return widths[int(0.9 * (len(widths) - 1))]

    page = usual([line.width for line in lines])
    columns: dict[int, list[float]] = {}
    for line in lines:
        columns.setdefault(line.column, []).append(line.width)
    return {column: usual(widths) if len(widths) >= 4 else page for column, widths in columns.items()}


def _starts_block(previous: Line, line: Line, leading: float, usual_width: float, body_size: float) -> bool:
    if previous.column != line.column or abs(previous.size - line.size) >= 0.5 or previous.bold != line.bold:
        return True
    if (_is_place_and_date(line.text) and len(previous.text.split()) <= MAX_TITLE_WORDS and not _SENTENCE_END.search(previous.text)
            and not previous.text.rstrip().endswith(",") and not _runs_on(previous, line, False)):
        return True  # "Strasbourg – 20 Mai 2014" under a heading: the dateline, a line of its own
    gap = previous.y - line.y
    same_centre = abs(previous.x + previous.x1 - line.x - line.x1) < 2 * line.size
    if 0 < gap <= RUN_ON_GAP * leading * max(line.size, 1) and _runs_on(previous, line, same_centre or previous.width >= SHORT_LINE_SHARE * usual_width):
        return False  # a sentence set on spaced-out or centred lines ("… organise du" / "1er mars au 10 juin 2012" / "deux expositions …")
    if (0 < gap <= HEADING_RUN_ON_GAP * leading * max(line.size, 1) and same_centre and previous.bold and _shouted(previous.text)
            and _shouted(line.text) and not _SENTENCE_END.search(previous.text)):
        return False  # a headline in bold capitals centred on two lines set apart ("… SUBVENTION DE DEVELOPPEMENT" / "ÉCONOMIQUE DE …")
    if gap <= 0 or gap > PARAGRAPH_GAP * leading * max(line.size, 1):
        return True  # a new column, a page region or a paragraph space
    display = previous.bold or previous.size >= body_size + 0.5
    wrapped = line.text[:1].islower() or previous.text.endswith(",")  # the phrase runs on: not a second item of a centred block
    if same_centre and ((previous.bold and _shouted(previous.text) and _shouted(line.text))
                        or (display and wrapped and abs(line.x - previous.x) > line.size)):
        return bool(_SENTENCE_END.search(previous.text))  # a title or sub-heading (bold, or larger) centred on two lines
    short = line.size <= body_size + 0.5 and previous.width < SHORT_LINE_SHARE * usual_width
    centred_paragraph = same_centre and previous.width >= FULL_LINE_SHARE * usual_width and not _SENTENCE_END.search(previous.text)
    if (abs(line.x - previous.x) > 3 * max(line.size, 1) and not centred_paragraph) or short:
        return True  # text set elsewhere on the line (a date right of an address), or the short lines of an address
    return previous.width < FULL_LINE_SHARE * usual_width and bool(_SENTENCE_END.search(previous.text))


def _runs_on(previous: Line, line: Line, may_wrap: bool) -> bool:
    """The sentence of `previous` goes on in `line`: it has not ended and its last word cannot end a
    phrase ("du", "the"), or it wraps (a long or centred line) into a line that opens in lower case."""
    if _SENTENCE_END.search(previous.text) or not line.text[:1].isalnum():
        return False
    last = previous.text.rsplit(None, 1)[-1].lower()
    return last in word_list("run_on_words.txt") or (may_wrap and line.text[:1].islower())


def mend_unmapped(text: str) -> str:
    """A word with unmapped glyphs: each becomes the ligature that makes a word of the lexicon
    ("di?usion" -> "diffusion", "e?cace" -> "efficace"); "fi", the commonest, when none does; an
    unmapped glyph at a word's edge is dropped."""
    from ...text.reflow import lexicon

    text = text.strip(_UNMAPPED)
    words = lexicon()
    while _UNMAPPED in text:
        head, _, tail = text.partition(_UNMAPPED)
        rest = tail.split(_UNMAPPED)[0]
        choice = next((lig for lig in _LIGATURES if re.sub(r"[^\w'’-]", "", head + lig + rest).lower() in words), "fi")
        text = head + choice + tail
    return text
