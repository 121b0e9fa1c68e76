"""Word (.docx): paragraphs in order, headings as title and sub-headings, table rows as lines.

A .docx is a zip: its entries are checked before python-docx opens it, so a zip bomb or an
archive that is not a Word document is refused with a clear message.
"""

from __future__ import annotations

from io import BytesIO

from ...errors import InputError
from ..decoding import RawText, normalize_text
from .archive import open_guarded_zip

_TITLE_STYLES = ("title", "titre")
_HEADING_STYLES = ("heading", "titre", "subtitle", "sous-titre")


def read_docx(data: bytes, name: str) -> RawText:
    check_zip(data, name)
    import docx

    document = docx.Document(BytesIO(data))
    blocks = _blocks(document)
    text = "\n".join(blocks).strip()
    if not any(ch.isalpha() for ch in text):
        raise InputError(f"{name}: the Word document contains no text")
    metadata = {"format": "docx"}
    properties = document.core_properties
    if properties.title and properties.title.strip():
        metadata["title"] = " ".join(properties.title.split())
    if properties.created:
        metadata["date"] = properties.created.date().isoformat()
    headline = next((line[2:] for line in blocks if line.startswith("# ")), None)
    return RawText(text=normalize_text(text) + "\n", encoding="utf-8", metadata=metadata, headline=headline)


def check_zip(data: bytes, name: str) -> None:
    """Refuse archives that are not Word documents or that would inflate beyond the limits."""
    open_guarded_zip(data, name, "word/document.xml", "a Word (.docx) document", "a .docx").close()


def _blocks(document) -> list[str]:
    """Paragraphs and table rows in document order; headings alone on their line."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = " ".join(item.text.split())
            if not text:
                continue
            style = (item.style.name if item.style is not None else "").lower()
            if style in _TITLE_STYLES:
                out.extend(["", f"# {text}", ""])
            elif style.startswith(_TITLE_STYLES + _HEADING_STYLES):
                out.extend(["", f"## {text}", ""])
            elif style.startswith(("list", "liste")):
                out.append(f"- {text}")
            else:
                out.append(text)
        elif isinstance(item, Table):
            for row in item.rows:
                cells = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if value and (not cells or cells[-1] != value):  # merged cells repeat their text
                        cells.append(value)
                if cells:
                    out.append(" – ".join(cells))
    return out
