"""reStructuredText (`.rst`: Pelican and Sphinx sites, project announcements) -> plain text.

docutils, the reference parser, reads the document; its tree is written out in the plain-text shape
of the other readers (a "# " title, "## " sections, one paragraph a line, "- " list items). Link
targets (".. _name: url"), comments, directives' code and substitutions are markup: only the words a
reader sees remain ("`note de version`_" is "note de version"). Files are never included and raw
passages never passed through (`file_insertion_enabled`, `raw_enabled` off).
"""

from __future__ import annotations

from ..decoding import RawText, decode
from .markdown import front_matter_fields, split_front_matter

_SETTINGS = {
    "report_level": 5,  # no warning in the text or on stderr: a malformed passage stays text
    "halt_level": 5,
    "warning_stream": False,
    "file_insertion_enabled": False,  # ".. include::" never reads a file of the user's machine
    "raw_enabled": False,
    "input_encoding": "unicode",
    "doctitle_xform": True,  # a lone top section title is the document's title
    "sectsubtitle_xform": False,
}
_SKIPPED = ("comment", "target", "substitution_definition", "system_message", "literal_block", "doctest_block",
            "raw", "image", "pending", "problematic", "meta", "footnote", "citation")


def read_rst(data: bytes, name: str) -> RawText:
    raw = decode(data, name)
    front, body = split_front_matter(raw.text, plain=True)  # Pelican's "Title: …" lines before the body
    fields = front_matter_fields(front)
    text, title, info = rst_to_text(body)
    title = fields.get("title") or title
    metadata = {"format": "rst", **{key: value for key, value in info.items() if value}}
    metadata.update({key: value for key, value in fields.items() if key in ("title", "date") and value})
    if title and "title" not in metadata:
        metadata["title"] = title
    heading = f"# {title}\n\n" if title and not text.startswith("# ") else ""
    lead = fields.get("lead", "").strip()
    return RawText(text=heading + (lead + "\n\n" if lead else "") + text, encoding=raw.encoding, metadata=metadata, headline=title)


def rst_to_text(source: str) -> tuple[str, str | None, dict[str, str]]:
    """(plain text, the document's title, its docinfo date and author) of a reStructuredText body."""
    from docutils import nodes
    from docutils.core import publish_doctree

    tree = publish_doctree(source, settings_overrides=_SETTINGS)
    lines: list[str] = []
    info: dict[str, str] = {}
    title = None
    for child in tree.children:
        if isinstance(child, nodes.title):
            title = _words(child)
            lines.append(f"# {title}")
        elif isinstance(child, nodes.subtitle):
            lines.append(f"## {_words(child)}")
        elif isinstance(child, nodes.docinfo):
            info.update(_docinfo(child, nodes))
        else:
            _write(child, nodes, lines, depth=1)
    return "\n\n".join(line for line in lines if line.strip()) + "\n", title, info


def _words(node) -> str:  # noqa: ANN001 - a docutils node
    return " ".join(node.astext().split())


def _docinfo(node, nodes) -> dict[str, str]:  # noqa: ANN001
    """":date: 2010-08-23" and ":author: …" in the field list that opens the document."""
    found = {}
    for item in node.children:
        if isinstance(item, nodes.date):
            found["date"] = _words(item)
        elif isinstance(item, nodes.author):
            found["author"] = _words(item)
    return found


def _write(node, nodes, lines: list[str], depth: int) -> None:  # noqa: ANN001
    """One block of the tree as lines: sections' titles as headings, list items as "- ", the rest by paragraph."""
    kind = node.tagname
    if kind in _SKIPPED:
        return
    if isinstance(node, nodes.section):
        for child in node.children:
            if isinstance(child, nodes.title):
                lines.append(f"## {_words(child)}")
            else:
                _write(child, nodes, lines, depth + 1)
    elif isinstance(node, (nodes.paragraph, nodes.line)):
        lines.append(_words(node))
    elif isinstance(node, nodes.list_item):
        parts = [_words(child) for child in node.children if isinstance(child, nodes.paragraph)]
        if parts:
            lines.append("- " + " ".join(parts))
        for child in node.children:
            if not isinstance(child, nodes.paragraph):
                _write(child, nodes, lines, depth)
    elif isinstance(node, nodes.row):
        cells = [_words(entry) for entry in node.children if _words(entry)]
        if cells:
            lines.append(" – ".join(cells))
    elif isinstance(node, nodes.definition_list_item):
        term = next((_words(c) for c in node.children if isinstance(c, nodes.term)), "")
        definition = next((_words(c) for c in node.children if isinstance(c, nodes.definition)), "")
        lines.append(f"{term} : {definition}" if term and definition else term or definition)
    elif isinstance(node, nodes.field):
        name, body = (_words(c) for c in node.children[:2]) if len(node.children) >= 2 else ("", "")
        if name and body:
            lines.append(f"{name} : {body}")
    elif isinstance(node, nodes.rubric):
        lines.append(f"## {_words(node)}")
    elif isinstance(node, nodes.Text):
        if node.astext().strip():
            lines.append(_words(node))
    else:
        for child in node.children:
            _write(child, nodes, lines, depth)
