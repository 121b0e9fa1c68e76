"""Format readers: HTML pages, PDF, Word (.docx), OpenDocument (.odt), e-mail (.eml), Markdown and reStructuredText -> plain text.

Each reader turns its format into the plain-text shape a press release has (title line,
one paragraph a line, sub-headings on their own line, "- " bullets), so that the structure
stage treats every format alike. Chosen by content first, then by extension; each reader
module imports its library only when called, so plain text pays nothing for them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePath

from ...errors import InputError
from ..decoding import RawText, decode

Reader = Callable[[bytes, str], RawText]

TEXT_EXTENSIONS = frozenset({".txt", ".text"})
MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown"})
RST_EXTENSIONS = frozenset({".rst", ".rest"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".wml"})  # .wml: a page's source in Website Meta Language
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS | MARKDOWN_EXTENSIONS | RST_EXTENSIONS | HTML_EXTENSIONS | {".pdf", ".docx", ".odt", ".fodt", ".eml"}

_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(rb"</?(?:p|div|span|a|br|h[1-6]|li|ul|table|td|tr|strong|em)\b[^>]*>", re.IGNORECASE)
_MAIL_HEADER = re.compile(rb"^(?:from|to|subject|date|message-id|mime-version|received|return-path|content-type|cc|reply-to|x-[\w-]+):[ \t]",
                          re.IGNORECASE | re.MULTILINE)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A plain-text release that may open with a metadata header (front matter, "title: …", "title=…"): checked by readers.markdown.
_TEXT_HEADER_START = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n|\A[A-Za-z][\w.-]{0,40}(?::[ \t]|[ \t]*=)")


_FRONT_MATTER = re.compile(rb"\A(?:\xef\xbb\xbf)?(?:---|\+\+\+)[ \t]*\r?\n")


def reader_for(source: str, data: bytes) -> Reader | None:
    """The reader an input needs (by content, then extension), or None for plain text."""
    suffix = PurePath(source).suffix.lower() if source != "-" else ""
    if data.startswith(b"%PDF-"):
        from .pdf import read_pdf

        return read_pdf
    if data.startswith(b"PK\x03\x04"):
        from .odt import zip_kind  # a .docx and an .odt are both zips: their content tells them apart

        if zip_kind(data, source) == "odt":
            from .odt import read_odt

            return read_odt
        from .word import read_docx

        return read_docx
    if data.startswith(_OLE_MAGIC):
        raise InputError(f"{source}: Word 97-2003 (.doc) or other legacy Office file; save it as .docx or PDF")
    if suffix == ".fodt" or looks_like_fodt(data):
        from .odt import read_fodt

        return read_fodt
    if suffix in (".pdf", ".docx", ".odt"):
        raise InputError(f"{source}: not a valid {suffix[1:].upper()} file")
    if suffix == ".eml" or looks_like_email(data):
        from functools import partial

        from .email_message import read_email

        return partial(read_email, read_attachment=read_bytes)
    if suffix in HTML_EXTENSIONS or (looks_like_html(data) and not (suffix in MARKDOWN_EXTENSIONS and _FRONT_MATTER.match(data))):
        from .html_page import read_html  # a Markdown file whose body is raw HTML keeps its front matter: Markdown reads it

        return read_html
    if suffix in MARKDOWN_EXTENSIONS:
        from .markdown import read_markdown

        return read_markdown
    if suffix in RST_EXTENSIONS:
        from .rst import read_rst

        return read_rst
    return None


def looks_like_fodt(data: bytes) -> bool:
    """A flat OpenDocument text (.fodt, however named): an XML file whose root is an office:document of the text kind."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf").lstrip()
    return head.startswith(b"<") and b"<office:document " in head and b"opendocument.text" in head


def looks_like_html(data: bytes) -> bool:
    """An HTML page saved as .txt (or piped): a doctype/<html> start, or text dense in tags."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAGS.findall(head)) >= 8


def looks_like_email(data: bytes) -> bool:
    """RFC 5322 headers first: at least three known header lines before the first blank line."""
    head = data[:8192].lstrip(b"\xef\xbb\xbf").replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    if not re.match(rb"(?:from|return-path|received|delivered-to|message-id|mime-version|date|to|subject)\s*:", head, re.IGNORECASE):
        return False
    names = {m.group().split(b":")[0].lower() for m in _MAIL_HEADER.finditer(head)}
    return len(names) >= 3 and bool(names & {b"from", b"subject"})


def read_bytes(data: bytes, name: str) -> RawText:
    """Decode bytes with the reader their format needs (plain text, HTML, PDF, DOCX, ODT, e-mail, Markdown)."""
    reader = reader_for(name, data)
    if reader is None:
        raw = decode(data, name)
        if _TEXT_HEADER_START.match(raw.text):
            from .markdown import read_text_header

            return read_text_header(raw)
        return raw
    try:
        return reader(data, name)
    except (InputError, MemoryError, RecursionError, KeyboardInterrupt):
        raise
    except Exception as exc:  # a malformed file can make any parser raise anything: one clear message
        raise InputError(f"{name}: unreadable file ({type(exc).__name__}: {str(exc)[:200]})") from None
