"""OpenDocument text (.odt, and flat .fodt): the same plain-text shape as the Word reader.

What LibreOffice writes and many French public bodies send. An .odt is a zip whose
``mimetype`` member names the kind of document; ``content.xml`` holds the text and
``meta.xml`` the title and dates. The archive is checked before anything is inflated
(zip bomb) and every XML part is parsed by defusedxml with DTDs forbidden, so no entity
is ever declared, let alone expanded or fetched.

Shape of the output (as ``word.read_docx``): the title (a paragraph in the "Title" style,
else a heading that opens the document) as a "# " line, other headings and the subtitle as
"## " lines, one paragraph a line, list items as "- " bullets, table rows as cells joined by
" – ". Spaces, tabs and line breaks are read as the separators they are, so words never glue.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from xml.etree.ElementTree import Element

from ...errors import InputError
from ..decoding import RawText, normalize_text
from .archive import open_guarded_zip

ODT_MIMETYPES = ("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template",
                 "application/vnd.oasis.opendocument.text-master")
_ODF_KINDS = {"spreadsheet": "spreadsheet (.ods)", "presentation": "presentation (.odp)", "graphics": "drawing (.odg)",
              "chart": "chart (.odc)", "formula": "formula (.odf)", "image": "image (.odi)"}
MAX_XML = 50 * 1024 * 1024  # one XML part, inflated

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


_H, _P, _LIST, _LIST_ITEM, _LIST_HEADER = _q("text:h"), _q("text:p"), _q("text:list"), _q("text:list-item"), _q("text:list-header")
_SPACE, _TAB, _LINE_BREAK = _q("text:s"), _q("text:tab"), _q("text:line-break")
_TABLE, _ROW, _CELL, _COVERED = _q("table:table"), _q("table:table-row"), _q("table:table-cell"), _q("table:covered-table-cell")
_FRAME, _TEXT_BOX = _q("draw:frame"), _q("draw:text-box")
_STYLE_NAME, _OUTLINE_LEVEL, _COUNT = _q("text:style-name"), _q("text:outline-level"), _q("text:c")
# Never text of the release: tracked deletions, comments, footnote bodies, tables of contents and indexes, field declarations.
_SKIPPED = frozenset(map(_q, (
    "text:tracked-changes", "office:annotation", "office:annotation-end", "text:note", "text:sequence-decls",
    "text:variable-decls", "text:user-field-decls", "text:table-of-content", "text:illustration-index", "text:table-index",
    "text:object-index", "text:user-index", "text:alphabetical-index", "text:bibliography", "text:ruby-text",
    "office:forms", "draw:image",
)))
_TITLE_STYLES = ("title", "titre")
_HEADING_STYLES = ("heading", "titre", "subtitle", "sous-titre")
_SENTENCE_END = re.compile(r"[.!?…:;»”\"]$")  # a line break after these ends a line; elsewhere in prose it is a space
_HEADING_JOINER = re.compile(r"[.!?…:;»,–-]$")  # a heading's second line after these reads on; else it is the heading's subtitle


def read_odt(data: bytes, name: str) -> RawText:
    """An .odt (zip) as plain text with its headline and metadata."""
    archive = open_odf_zip(data, name)
    content = _parse(_member(archive, "content.xml", name), name, "content.xml")
    styles = _parse(_member(archive, "styles.xml", name), name, "styles.xml") if "styles.xml" in archive.namelist() else None
    meta = _parse(_member(archive, "meta.xml", name), name, "meta.xml") if "meta.xml" in archive.namelist() else None
    return _document(content, styles, meta, name)


def read_fodt(data: bytes, name: str) -> RawText:
    """A flat OpenDocument text (.fodt): one XML file with meta, styles and body."""
    if len(data) > MAX_XML:
        raise InputError(f"{name}: refusing a .fodt larger than {MAX_XML // 2**20} MB")
    root = _parse(data, name, "the document")
    if root.tag != _q("office:document"):
        raise InputError(f"{name}: an XML file, not a flat OpenDocument text (.fodt)")
    return _document(root, root, root, name)


def zip_kind(data: bytes, name: str) -> str:
    """"odt" or "docx" for a zip archive, by its content; a clear InputError for any other archive.

    A damaged zip is left to the .docx reader (or this one, by extension), whose message says so.
    """
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return "odt" if name.lower().endswith((".odt", ".ott")) else "docx"
    try:
        mimetype = _mimetype(archive, names)
    except Exception:  # an encrypted, truncated or oddly compressed member: the reader chosen below reports it
        mimetype = ""
    if mimetype.startswith(ODT_MIMETYPES):
        return "odt"
    if mimetype.startswith("application/vnd.oasis.opendocument."):
        kind = mimetype.removeprefix("application/vnd.oasis.opendocument.").split("-")[0]
        raise InputError(f"{name}: an OpenDocument {_ODF_KINDS.get(kind, kind)}, not a text document (.odt)")
    if "word/document.xml" in names or "[Content_Types].xml" in names:
        return "docx"  # the .docx reader names Excel, PowerPoint and broken Word files for what they are not
    raise InputError(f"{name}: a zip archive, not a Word (.docx) or OpenDocument text (.odt) document")


def _mimetype(archive: zipfile.ZipFile, names: set[str]) -> str:
    """The ODF mimetype: the "mimetype" member, else the manifest's entry for the root "/"."""
    if "mimetype" in names and archive.getinfo("mimetype").file_size < 200:
        return archive.read("mimetype").decode("ascii", "replace").strip()
    if "content.xml" in names and "META-INF/manifest.xml" in names and archive.getinfo("META-INF/manifest.xml").file_size < 2**20:
        manifest = archive.read("META-INF/manifest.xml")
        found = re.search(rb'full-path="/"[^>]*media-type="([^"]+)"|media-type="([^"]+)"[^>]*full-path="/"', manifest)
        if found:
            return (found.group(1) or found.group(2)).decode("ascii", "replace")
    return ""


def open_odf_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """The archive, once its entries are checked: an ODF text with content.xml that would not inflate beyond the limits."""
    return open_guarded_zip(data, name, "content.xml", "an OpenDocument text (.odt): no content.xml", "an .odt")


def _member(archive: zipfile.ZipFile, member: str, name: str) -> bytes:
    if archive.getinfo(member).file_size > MAX_XML:
        raise InputError(f"{name}: refusing an .odt whose {member} inflates beyond {MAX_XML // 2**20} MB")
    with archive.open(member) as handle:
        data = handle.read(MAX_XML + 1)
    if len(data) > MAX_XML:
        raise InputError(f"{name}: refusing an .odt whose {member} inflates beyond {MAX_XML // 2**20} MB")
    return data


def _parse(data: bytes, name: str, part: str) -> Element:
    """XML by defusedxml with DTDs forbidden: an ODF part never has one, and entities are never declared nor expanded."""
    import defusedxml
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException:
        raise InputError(f"{name}: refusing an OpenDocument file whose {part} declares a DTD or entities") from None
    except ParseError as exc:
        raise InputError(f"{name}: damaged OpenDocument file ({part}: {exc})") from None


def _document(content: Element, styles: Element | None, meta: Element | None, name: str) -> RawText:
    body = content.find("office:body/office:text", _NS)
    if body is None:
        raise InputError(f"{name}: an OpenDocument file without a text body (not a text document)")
    walker = _Walker(_style_parents(content, styles))
    walker.blocks(body)
    blocks = walker.out
    if not any(line.startswith("# ") for line in blocks):
        first = next((i for i, line in enumerate(blocks) if line), None)
        levels = walker.heading_levels
        if first is not None and first in levels and levels[first] == min(levels.values()):
            blocks[first] = "#" + blocks[first][2:]  # a top-level heading that opens the document is its title
    text = "\n".join(blocks).strip()
    if not any(ch.isalpha() for ch in text):
        raise InputError(f"{name}: the OpenDocument text contains no text")
    metadata = {"format": "odt"}
    if meta is not None:
        title = meta.findtext(".//office:meta/dc:title", None, _NS)
        if title and title.strip():
            metadata["title"] = " ".join(title.split())
        date = meta.findtext(".//office:meta/meta:creation-date", None, _NS) or meta.findtext(".//office:meta/dc:date", None, _NS)
        if date and re.match(r"\d{4}-\d\d-\d\d", date.strip()):
            metadata["date"] = date.strip()[:10]
    headline = next((line[2:] for line in blocks if line.startswith("# ")), None)
    return RawText(text=normalize_text(text) + "\n", encoding="utf-8", metadata=metadata, headline=headline)


def _style_parents(content: Element, styles: Element | None) -> dict[str, str]:
    """Each paragraph style's parent (automatic styles "P4" -> "Subtitle"), and each style's display name."""
    parents: dict[str, str] = {}
    for root in (styles, content):
        if root is None:
            continue
        for style in root.iter(_q("style:style")):
            style_name = style.get(_q("style:name"))
            if not style_name:
                continue
            parent = style.get(_q("style:parent-style-name")) or style.get(_q("style:display-name"))
            if parent and parent != style_name:
                parents[style_name] = parent
    return parents


class _Walker:
    """Block elements of office:text in document order -> output lines."""

    def __init__(self, parents: dict[str, str]):
        self.parents = parents
        self.out: list[str] = []
        self.heading_levels: dict[int, int] = {}  # output line of each text:h -> its outline level

    def _style_chain(self, style: str | None) -> list[str]:
        chain, seen = [], set()
        while style and style not in seen and len(chain) < 20:
            seen.add(style)
            chain.append(style.replace("_20_", " ").lower())
            style = self.parents.get(style)
        return chain

    def blocks(self, element: Element, bullet: bool = False) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIPPED:
                continue
            if tag == _H:
                self._heading(_inline_lines(child, _boxes(child)), _level(child))
            elif tag == _P:
                self._paragraph(child, bullet)
            elif tag == _LIST:
                for item in child:
                    if item.tag in (_LIST_ITEM, _LIST_HEADER):
                        self._list_item(item)
            elif tag == _TABLE:
                self._table(child)
            else:  # sections, soft page breaks, row groups of a table outside a table...
                self.blocks(child, bullet)

    def _paragraph(self, paragraph: Element, bullet: bool) -> None:
        boxes = _boxes(paragraph)
        lines = _inline_lines(paragraph, boxes)
        chain = self._style_chain(paragraph.get(_STYLE_NAME))
        if lines:
            if any(style in _TITLE_STYLES for style in chain):
                self.out.extend(["", f"# {' '.join(_join_heading(lines).split())}", ""])
            elif any(style.startswith(_TITLE_STYLES + _HEADING_STYLES) for style in chain):
                self._heading(lines)
            elif bullet:
                self.out.append(f"- {' '.join(lines)}")
            else:
                self.out.extend(lines)
        for box in boxes:  # a text box anchored in the paragraph: its paragraphs come after it
            self.blocks(box)

    def _heading(self, lines: list[str], level: int | None = None) -> None:
        if lines:
            self.out.extend(["", f"## {_join_heading(lines)}", ""])
            if level is not None:
                self.heading_levels[len(self.out) - 2] = level

    def _list_item(self, item: Element) -> None:
        first = True
        for child in item:
            if child.tag == _P:
                self._paragraph(child, bullet=first)
                first = False
            elif child.tag == _H:
                self._heading(_inline_lines(child, []), _level(child))
            elif child.tag == _LIST:
                for sub in child:
                    if sub.tag in (_LIST_ITEM, _LIST_HEADER):
                        self._list_item(sub)
            elif child.tag not in _SKIPPED:
                self.blocks(child)

    def _table(self, table: Element) -> None:
        for row in table.iter(_ROW):
            cells: list[str] = []
            for cell in row:
                if cell.tag == _COVERED or cell.tag != _CELL:
                    continue
                value = " ".join(" ".join(_inline_lines(p, [])) for p in cell.iter() if p.tag in (_P, _H))
                value = " ".join(value.split())
                if value and (not cells or cells[-1] != value):
                    cells.append(value)
            if cells:
                self.out.append(" – ".join(cells))


def _boxes(paragraph: Element) -> list[Element]:
    """Text boxes anchored in a paragraph (their text is read as paragraphs of its own)."""
    return [box for frame in paragraph.iter(_FRAME) for box in frame if box.tag == _TEXT_BOX]


def _inline_lines(paragraph: Element, boxes: list[Element]) -> list[str]:
    """A paragraph's text, cut at its line breaks where they separate lines (an address), joined where a sentence goes on."""
    parts: list[str] = []
    _collect(paragraph, parts, set(map(id, boxes)))
    lines: list[str] = []
    for raw in "".join(parts).split("\n"):
        line = " ".join(raw.split())
        if not line:
            continue
        if lines and line[:1].islower() and not _SENTENCE_END.search(lines[-1]) and len(lines[-1].split()) >= 6:
            lines[-1] = f"{lines[-1]} {line}"  # a line break inside a sentence is layout
        else:
            lines.append(line)
    return lines


def _collect(element: Element, parts: list[str], skipped: set[int]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        tag = child.tag
        if tag == _SPACE:
            parts.append(" " * max(1, min(int(child.get(_COUNT, "1")) if child.get(_COUNT, "1").isdigit() else 1, 100)))
        elif tag == _TAB:
            parts.append(" ")
        elif tag == _LINE_BREAK:
            parts.append("\n")
        elif tag in _SKIPPED or tag == _FRAME or id(child) in skipped:
            pass  # comments, footnotes, images and text boxes (read as blocks of their own)
        else:
            _collect(child, parts, skipped)  # spans, links, fields, bookmarks, ruby bases
        if child.tail:
            parts.append(child.tail)


def _level(heading: Element) -> int:
    level = heading.get(_OUTLINE_LEVEL, "1")
    return int(level) if level.isdigit() else 1


def _join_heading(lines: list[str]) -> str:
    """A heading over two lines ("Ubuntu Party" / "découvrir…") on one line: the second reads as its subtitle."""
    out = lines[0]
    for line in lines[1:]:
        out += f" {line}" if _HEADING_JOINER.search(out) else f" – {line}"
    return out
