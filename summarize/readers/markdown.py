"""Markdown: headings become the title and sub-headings, and no markup reaches a summary.

Only what changes the words is handled: front matter, headings (ATX and setext), emphasis,
links and images, inline code and fences, HTML tags, tables, block quotes and rules.
"""

from __future__ import annotations

import re

from ..decoding import RawText, decode

_FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)\s*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)|\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>]+)>")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\3(?![\w*])")
_CODE = re.compile(r"`+([^`]+)`+")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$|^\s*\|\s*:?-{2,}:?\s*\|\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[*+-]|\d{1,3}[.)])\s+")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+")


def read_markdown(data: bytes, name: str) -> RawText:
    raw = decode(data, name)
    text, title = markdown_to_text(raw.text)
    metadata = {"format": "markdown"}
    if title:
        metadata["title"] = title
    return RawText(text=text, encoding=raw.encoding, metadata=metadata)


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """Plain text with one block a line, and the front-matter title if there is one."""
    title = None
    front = _FRONT_MATTER.match(markdown)
    if front:
        found = re.search(r"^title:\s*[\"']?(.+?)[\"']?\s*$", front.group("body"), re.MULTILINE)
        title = found.group(1) if found else None
        markdown = markdown[front.end():]
    out: list[str] = []
    in_fence = False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or _LINK_DEFINITION.match(line) or _TABLE_SEPARATOR.match(line):
            continue
        if re.fullmatch(r"\s*#{3,}\s*", line):
            out.append("###")  # the press-release end mark, not an empty heading
            continue
        if _SETEXT_UNDERLINE.match(line) and out and out[-1].strip() and not _RULE.match(line):
            out.append("")  # the line above was a heading: keep it alone on its line
            continue
        if _RULE.match(line):
            out.append("")
            continue
        heading = _ATX_HEADING.match(line)
        if heading:
            out.extend(["", heading.group("text"), ""])
            continue
        stripped = re.sub(r"^ {0,3}>\s?", "", line)  # block quotes keep their words
        starts_block = bool(_LIST_ITEM.match(stripped)) or stripped.lstrip().startswith("|")
        if stripped.lstrip().startswith("|"):
            stripped = " – ".join(cell.strip() for cell in stripped.strip().strip("|").split("|") if cell.strip())
        stripped = re.sub(r"^\s*[*+-]\s+", "- ", stripped)  # every bullet as "- "
        content = stripped.strip()  # inline markup is removed once the paragraph is whole
        if content and out and out[-1] and not starts_block:
            out[-1] = f"{out[-1]} {content}"  # a soft line break inside a paragraph is a space
        else:
            out.append(content)
    text = "\n".join(_inline(line) for line in out)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n", title


def _inline(text: str) -> str:
    text = _IMAGE.sub(lambda m: m.group(1), text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _AUTOLINK.sub(lambda m: m.group(1).removeprefix("mailto:"), text)
    text = _CODE.sub(lambda m: m.group(1), text)
    for _ in range(2):  # nested emphasis: ***x*** or **_x_**
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
    text = _TAG.sub("", text)
    return text.replace("\\", "") if "\\" in text else text
