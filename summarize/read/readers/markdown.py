"""Markdown: headings become the title and sub-headings, and no markup reaches a summary.

Only what changes the words is handled: front matter, headings (ATX and setext), emphasis,
links and images, inline code and fences, HTML tags, tables, block quotes and rules.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from ...resources import furniture_patterns
from ..decoding import RawText, decode, normalize_text

_FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_TOML_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\n(?P<body>.*?)\n?\+\+\+[ \t]*(?:\n|\Z)", re.DOTALL)  # Hugo
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


# Front-matter keys that hold the release's lead (chapeau), most specific first.
LEAD_KEYS = ("chapeau-text", "chapeau", "chapo", "lead", "lede", "standfirst", "teaser", "excerpt", "summary", "description", "resume", "résumé")
CONTACT_KEYS = ("contact-presse", "contact_presse", "press-contact", "contact")
_BARE_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][\w-]{0,40}):[ \t]*(?P<value>.*)$")
_KEY_VALUE_LINE = re.compile(r"^(?P<key>[A-Za-z][\w.-]{0,40})[ \t]*=[ \t]*(?P<value>.*)$")  # JBake and other CMS exports: "title=…"
_HEADER_CLOSING_RULE = re.compile(r"^[ \t]*(?:~{3,}|-{3,}|={3,})[ \t]*$")  # JBake closes its "key=value" header with "~~~~~~"
_KNOWN_BARE_KEYS = frozenset({"title", "titre", "date", "author", "authors", "auteur", "tags", "category", "categories", "slug",
                              "summary", "lang", "image", "status", "modified", "description", "keywords", "template",
                              "type", "jbake-type", "subtitle", "draft", "published", "lastmod", "updated", *LEAD_KEYS})
_TITLE_KEYS = ("title", "titre")
_METADATA_FIELDS = ("title", "date", "sitename")  # the header's fields a Markdown release's metadata shows
_BODY_KEYS = ("body", "content", "text", "contenu")  # the field of a field-block document that holds the release
_FIELD_SEPARATOR = re.compile(r"^---[ \t]*$", re.MULTILINE)
_DATE_KEYS = ("date", "pub_date", "pubdate", "publish_date", "published_at")
_HTML_BREAK = re.compile(r"<br\s*/?>|</?(?:p|div|ul|ol|li|h[1-6]|blockquote|table|tr|section|article|figure)\b[^>]*>", re.IGNORECASE)
_HTML_DROPPED = re.compile(r"<(?P<tag>sup|script|style|figcaption)\b[^>]*>.*?</(?P=tag)>|<!--.*?(?:-->|\Z)", re.IGNORECASE | re.DOTALL)
_ATTRIBUTION_CLASS = re.compile(r"\.(?:auteur|author|attribution|signature|source)[\w-]*", re.IGNORECASE)
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_NUMBERED_REFERENCE = re.compile(r"(?<=[\w.,;:!?»”\")])\[\d{1,3}\](?=[\s.,;:!?)»”\"]|$)")  # "family members[1]," a note's mark
_FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^[^\]]+\]:")
# A note's mark as a link to an anchor of the page, as converters write it from Word or HTML:
# "[\[1\]](#_ftn1){#_ftnref1}", "[1](#note-1)"; a line that opens with one is the note itself.
_NOTE_LINK = re.compile(r"\[\\?\[?\d{1,3}\\?\]?\]\(#[^)\s]*\)(?:\{[#.][^}]*\})?")
_INLINE_ATTRIBUTES = re.compile(r"\{[#.][\w:.-]*(?:\s+[#.]?[\w:.=\"'-]+)*\}")  # pandoc/kramdown "{#id .class}" after a span
_STRAY_EMPHASIS = re.compile(r"(?:^|(?<=\s))[*_]{1,3}(?=\s|$)|^[*_]{1,3}(?=\w)")  # "*Le texte *": marks no parser pairs
_PLAIN_LIST_ITEM = re.compile(r"^\s*(?:--|o)\s+(?=[A-ZÀ-Ý\d])")  # "-- Article 46 :", Word's second-level "o Les villes …"


def read_markdown(data: bytes, name: str) -> RawText:
    raw = decode(data, name)
    document = markdown_document(raw.text)
    metadata = {"format": "markdown"}
    for key in _METADATA_FIELDS:
        if document.fields.get(key):
            metadata[key] = document.fields[key]
    return RawText(text=document.text, encoding=raw.encoding, metadata=metadata, headline=document.fields.get("title"))


def read_text_header(raw: RawText) -> RawText:
    """A plain-text release that opens with a metadata header (front matter, "key: value" or "key=value" lines):
    its title becomes the headline, its lead the first paragraph, and no other field reaches the text."""
    blocks = _field_blocks(raw.text)
    if blocks is not None:  # a CMS's field file (Lektor): its body is Markdown
        document = _document(*_split_body_field(blocks))
        return _with_fields(raw, document.text, document.fields)
    front, body = split_front_matter(raw.text, plain=True)
    if not front:
        return raw
    fields = front_matter_fields(front)
    parts = [f"# {fields['title']}" if fields.get("title") else "", fields.get("lead", ""), body,
             "Contact presse\n" + fields["contact"] if fields.get("contact") else ""]
    return _with_fields(raw, "\n\n".join(p.strip() for p in parts if p.strip()) + "\n", fields)


def _with_fields(raw: RawText, text: str, fields: dict[str, str]) -> RawText:
    """The plain text read again with its header's fields: the title as headline, title and date as metadata."""
    metadata = {**raw.metadata, **{key: fields[key] for key in _METADATA_FIELDS if fields.get(key)}}
    return RawText(text=text, encoding=raw.encoding, metadata=metadata, warnings=raw.warnings, attachments=raw.attachments,
                   headline=fields.get("title") or raw.headline)


# A post exported from WordPress (jekyll-import and its kin keep its id in the front matter): its body is
# WordPress's HTML, where a single line break is a break ("NEWS RELEASE FOR IMMEDIATE RELEASE" over the
# bold headline over the lead), not a soft wrap inside a paragraph as in Markdown.
_WORDPRESS_KEYS = frozenset({"wordpress_id", "wordpress_url", "wp_id", "wp_post_id"})
_SINGLE_NEWLINE = re.compile(r"(?<!\n)\n(?!\n)")
_CLOSING_TAG_ON_NEXT_LINE = re.compile(r"[ \t]*\n[ \t]*(</(?:strong|b|em|i|span|a)>)", re.IGNORECASE)
# A block wholly in bold: "**…**", "__…__", "<strong>…</strong>", "<b>…</b>"
_BOLD_BLOCK = re.compile(r"(?:\*\*|__)(?P<a>[^*_\n]{3,300})(?:\*\*|__)|<(?P<tag>strong|b)>(?P<b>[^<\n]{3,300})</(?P=tag)>", re.IGNORECASE)


@dataclass
class MarkdownDocument:
    """Plain text of a Markdown release plus the front matter fields that matter (title, date, lead)."""

    text: str
    fields: dict[str, str]


def markdown_document(markdown: str) -> MarkdownDocument:
    return _document(*split_front_matter(markdown))


def _document(front: dict, body: str) -> MarkdownDocument:
    fields = front_matter_fields(front)
    if _WORDPRESS_KEYS & set(front):
        body = _CLOSING_TAG_ON_NEXT_LINE.sub(r"\1\n", body)  # "<strong>Headline\n</strong>": the tag closes its line
        body = _SINGLE_NEWLINE.sub("\n\n", body)  # WordPress shows every line break (wpautop): each line is a block
    parts = []
    if fields.get("title"):
        parts.append(f"# {fields['title']}")
    if fields.get("lead"):
        parts.append(_body_to_text(fields["lead"]))
    parts.append(_body_to_text(body))
    if fields.get("contact"):
        parts.append("Contact presse\n" + fields["contact"])
    return MarkdownDocument("\n\n".join(p.strip() for p in parts if p.strip()) + "\n", fields)


def split_front_matter(markdown: str, *, plain: bool = False) -> tuple[dict, str]:
    """(front matter as a mapping, the rest), or ({}, markdown) when there is none.

    YAML between "---" lines, TOML between "+++" lines (Hugo), or a header of "key: value"
    (Pelican, MultiMarkdown: indented lines go on the value) or "key=value" lines (JBake)
    closed by a blank line or a rule ("~~~~~~"). A header closed by a blank line needs two
    keys, one of them known; in `plain` text (a .txt, where such lines may be the release's
    own) it also needs a title, unless a rule closes it.
    """
    match = _FRONT_MATTER.match(markdown)
    if match:
        return _parse_yaml(match.group("body")), markdown[match.end():]
    match = _TOML_FRONT_MATTER.match(markdown)
    if match:
        return _parse_toml(match.group("body")), markdown[match.end():]
    blocks = _field_blocks(markdown)
    if blocks is not None:
        return _split_body_field(blocks)
    lines = markdown.split("\n", 200)[:200]  # a header is short: never split a whole long text here
    header: dict[str, str] = {}
    key = None
    for index, line in enumerate(lines):
        closing_rule = bool(header) and bool(_HEADER_CLOSING_RULE.match(line))
        if not line.strip() or closing_rule:
            known = header.keys() & _KNOWN_BARE_KEYS
            if known and (closing_rule or (len(header) >= 2 and (not plain or header.keys() & set(_TITLE_KEYS)))):
                return header, "\n".join(markdown.split("\n")[index + 1:])
            break
        if key is not None and line[:1] in (" ", "\t") and header:
            header[key] = f"{header[key]} {line.strip()}".strip()  # a MultiMarkdown value over two lines
            continue
        found = _BARE_HEADER_LINE.match(line) or _KEY_VALUE_LINE.match(line)
        if not found:
            break
        key = found.group("key").lower()
        header[key] = _unquote(found.group("value").strip())
    return {}, markdown


def _field_blocks(text: str) -> dict[str, str] | None:
    """A whole document of "key: value" fields separated by "---" lines (Lektor's contents.lr): each
    value runs on until the next rule, over as many lines as it needs; None when the text is not one."""
    text = text.lstrip("\ufeff")
    if not _BARE_HEADER_LINE.match(text.partition("\n")[0]):
        return None
    blocks = _FIELD_SEPARATOR.split(text)
    if len(blocks) < 3:
        return None
    fields: dict[str, str] = {}
    for block in blocks:
        if not block.strip():
            continue
        first, _, rest = block.strip("\n").partition("\n")
        found = _BARE_HEADER_LINE.match(first)
        if not found:
            return None
        value = "\n".join(part for part in (found.group("value").strip(), rest.strip()) if part)
        fields[found.group("key").lower()] = value.replace("\n----\n", "\n---\n")  # Lektor escapes a rule in a value
    return fields if fields.keys() & _KNOWN_BARE_KEYS else None


def _split_body_field(fields: dict[str, str]) -> tuple[dict, str]:
    """(the other fields, the release) of a field file: the release is its body field."""
    body = next((fields[k] for k in _BODY_KEYS if isinstance(fields.get(k), str)), "")
    return {k: v for k, v in fields.items() if k not in _BODY_KEYS}, body


def _unquote(value: str) -> str:
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"" else value


def _parse_toml(text: str) -> dict:
    """TOML front matter by tomllib (Python 3.11+); a broken one, or Python 3.10, gives its "key = value" lines."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        tomllib = None
    if tomllib is not None:
        try:
            return {str(key).lower(): value for key, value in tomllib.loads(text).items()}
        except tomllib.TOMLDecodeError:
            pass
    pairs = (_KEY_VALUE_LINE.match(line.strip()) for line in text.split("\n"))
    return {m.group("key").lower(): _unquote(m.group("value").strip()) for m in pairs if m}


def _parse_yaml(text: str) -> dict:
    """YAML front matter by a YAML parser (block scalars, '' quotes, multi-line values); a broken one gives line by line keys."""
    import yaml

    try:
        loaded = yaml.safe_load(text)
    except yaml.YAMLError:
        loaded = None
    if isinstance(loaded, dict):
        return loaded
    pairs = (_BARE_HEADER_LINE.match(line) for line in text.split("\n"))
    return {m.group("key").lower(): m.group("value").strip().strip("'\"") for m in pairs if m}


_TITLE_SEPARATOR = re.compile(r"\s+(?:[–—|·]|-{1,2}|::)\s+")
_URL_KEYS = ("url", "link", "permalink", "canonical", "source")
_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:www\d?\.)?(?P<host>[^/:?#]+)", re.IGNORECASE)


def _letters(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if ch.isalnum() and ch.isascii())


def page_title(title: str, url: object = None) -> tuple[str, str | None]:
    """A scraped page's title without what the site adds around the headline, and the site's name:
    the part after a dash or a bar when the page's address spells it ("… – Droit Au Logement" from
    droitaulogement.org: the sender), and a leading hashtag tag ("#ELAN – …")."""
    text, site_name = title.strip(), None
    separators = list(_TITLE_SEPARATOR.finditer(text))
    if not separators:
        return text, None
    host = _HOST.match(url.strip()) if isinstance(url, str) else None
    site = _letters(host.group("host").rsplit(".", 1)[0]) if host else ""
    last = _letters(text[separators[-1].end():])
    if site and len(last) >= 3 and last in site:
        site_name = text[separators[-1].end():].strip()
        text = text[:separators[-1].start()].rstrip(" :")
    first = _TITLE_SEPARATOR.search(text)
    if first and re.fullmatch(r"#\w+", text[:first.start()]):
        text = text[first.end():]
    return text, site_name


def front_matter_fields(front: dict) -> dict[str, str]:
    fields: dict[str, str] = {}
    title = front.get("title") or front.get("titre")
    if isinstance(title, str) and title.strip():
        headline, site_name = page_title(title, next((front[k] for k in _URL_KEYS if front.get(k)), None))
        fields["title"] = " ".join(_inline(headline).split())
        if site_name:
            fields["sitename"] = site_name
    date = next((front[k] for k in _DATE_KEYS if front.get(k) and not isinstance(front[k], bool)), None)
    if date:
        fields["date"] = str(date)[:10]
    lead = next((front[k] for k in LEAD_KEYS if isinstance(front.get(k), str) and front[k].strip()), None)
    if lead:
        fields["lead"] = lead
    contact = next((front[k] for k in CONTACT_KEYS if front.get(k)), None)
    if contact:
        fields["contact"] = _contact_lines(contact)
    return fields


def _contact_lines(contact: object) -> str:
    """A press contact given as front matter (name, phones, e-mail) as the lines a release prints."""
    if isinstance(contact, dict):
        values = []
        for value in contact.values():
            values.extend(value if isinstance(value, list) else [value])
        return "\n".join(" ".join(str(v).split()) for v in values if v)
    if isinstance(contact, list):
        return "\n".join(_contact_lines(item) for item in contact)
    return " ".join(str(contact).split())


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """Plain text with one block a line ("# " and "## " mark headings), and the front-matter title if there is one."""
    front, body = split_front_matter(markdown)
    return _body_to_text(body), front_matter_fields(front).get("title")


def _body_to_text(markdown: str) -> str:
    """Markdown without front matter (a body, or a lead from the front matter) as plain text, one block a line."""
    markdown = _HTML_DROPPED.sub("", markdown)
    markdown = _HTML_BREAK.sub("\n\n", markdown)  # HTML blocks inside Markdown: their paragraphs are paragraphs
    out: list[str] = []
    in_fence = False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or _LINK_DEFINITION.match(line) or _TABLE_SEPARATOR.match(line) or _FOOTNOTE_DEFINITION.match(line):
            continue
        if _NOTE_LINK.match(line.lstrip()):
            out.append("")  # a note at the foot of the page, not the release's text
            continue
        if re.fullmatch(r"\s*#{3,}\s*", line):
            out.append("###")  # the press-release end mark, not an empty heading
            continue
        if _SETEXT_UNDERLINE.match(line) and out and out[-1].strip() and not _RULE.match(line):
            out[-1] = ("# " if line.strip().startswith("=") else "## ") + out[-1]
            out.append("")  # the line above was a heading: keep it alone on its line
            continue
        if _RULE.match(line):
            out.append("")
            continue
        heading = _ATX_HEADING.match(line)
        if heading:
            marks = "#" if len(heading.group(1)) == 1 else "##"
            out.extend(["", f"{marks} {heading.group('text')}", ""])
            continue
        stripped = re.sub(r"^ {0,3}>\s?", "", line)  # block quotes keep their words
        starts_block = bool(_LIST_ITEM.match(stripped)) or stripped.lstrip().startswith("|") or stripped.lstrip().startswith("{:")
        if stripped.lstrip().startswith("|"):
            stripped = " – ".join(cell.strip() for cell in stripped.strip().strip("|").split("|") if cell.strip())
        if _PLAIN_LIST_ITEM.match(stripped):
            starts_block, stripped = True, _PLAIN_LIST_ITEM.sub("- ", stripped)
        stripped = re.sub(r"^\s*[*+-]\s+", "- ", stripped)  # every bullet as "- "
        content = stripped.strip()  # inline markup is removed once the paragraph is whole
        if content.startswith("{:"):
            if _ATTRIBUTION_CLASS.search(content) and out and out[-1]:
                out[-1] = ""  # the block it closes is a quote's attribution ("{: .auteur-citation}"), not text
            out.append("")  # a kramdown attribute list is markup; it closes its block
            continue
        if content and out and out[-1] and not starts_block and not out[-1].startswith("#") and not out[-1].endswith("\\"):
            out[-1] = f"{out[-1]} {content}"  # a soft line break inside a paragraph is a space (a hard one, "\\", a line end)
        else:
            out.append(content)
    _mark_headline_after_kicker(out)
    text = "\n".join(_inline(_FOOTNOTE_REF.sub("", line)) for line in out)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _mark_headline_after_kicker(blocks: list[str]) -> None:
    """"FOR IMMEDIATE RELEASE:" over "**City of Chicago Chosen as …**": a block wholly in bold right under the
    kicker that opens the body is the release's own headline (a level-1 heading), whatever title the site
    gave the page ("Chicago 2012 Finalist Announcement")."""
    opening = [i for i, block in enumerate(blocks[:12]) if block.strip()][:2]
    if len(opening) < 2:
        return
    kicker, bold = opening
    words = _inline(blocks[kicker]).strip(" :")
    headline = _BOLD_BLOCK.fullmatch(blocks[bold].strip())
    if headline and any(furniture_patterns(language)["header"].fullmatch(words) for language in ("fr", "en")):
        text = (headline.group("a") or headline.group("b")).strip()
        if len(text.split()) >= 3 and not text.endswith((".", ":")):
            blocks[bold] = f"# {text}"


def _inline(text: str) -> str:
    text = _IMAGE.sub(lambda m: m.group(1), text)
    if "](#" in text:
        text = _NOTE_LINK.sub("", text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _AUTOLINK.sub(lambda m: m.group(1).removeprefix("mailto:"), text)
    text = _CODE.sub(lambda m: m.group(1), text)
    if "[" in text:
        text = _NUMBERED_REFERENCE.sub("", text)
    if "{" in text:
        text = _INLINE_ATTRIBUTES.sub("", text)
    for _ in range(2):  # nested emphasis: ***x*** or **_x_**
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
    if "*" in text or "_" in text:
        text = _STRAY_EMPHASIS.sub("", text).strip()
    text = _TAG.sub("", text)
    if "&" in text:  # entity references are characters in Markdown, as in its raw HTML ("&nbsp;", "&amp;")
        text = normalize_text(html.unescape(text))  # "&nbsp;" a space, as a typed no-break space is
    return text.replace("\\", "") if "\\" in text else text
