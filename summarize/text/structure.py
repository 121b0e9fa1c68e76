"""Clean/structure stage: a press release's furniture, title, dateline, headings and contacts.

Furniture patterns live in ``data/furniture_fr.txt``. Everything that is not body text is
either kept as metadata (header, title, dateline, contacts, "À propos") or recorded in
``removed`` so that ``--explain`` can show what was left out and why.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache
from typing import cast

from ..resources import FURNITURE_LANGUAGE, furniture_patterns, sections, sentence_verbs
from .dates import DATE_PATTERN, DATE_RE, to_iso
from .headline import HEADLINE, KICKER_LED, NOT_HEADLINE, ends_dangling, headline_verdict, without_kicker, without_trailing_link
from .reflow import is_letter_spaced, is_shouted, reflow
from .sentences import split_sentences

# Bounded parts (RFC 5321 lengths) keep every search linear on long runs of word characters.
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
PHONE_RE = re.compile(r"(?:\+\d{1,3}[\s.]?(?:\(0\)\s?)?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b|\+\d{1,3}(?:[\s.-]?\d{2,4}){3,5}\b")
URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
BULLET_RE = re.compile(r"^(?:[-–—•●▪◦*‣►✓·]|\d{1,2}[.)/]|[a-z][)])\s+")  # "1/ Réaliser …": a numbered item too
_TERMINAL_END = re.compile(r"[.!?…»\"”;,]$")
# "Rabat, le 20 janvier 2025 –", "PARIS (3 mars 2025) -", "Lyon, 12/03/2025 :", "Paris, le 3 mars –", "WELLAND, En date du 04 juillet 2023, …"
_DATE_ANON = re.sub(r"\(\?P<\w+>", "(?:", DATE_PATTERN)
# One parse per string (hyphens only inside a word, a bounded number of words): no backtracking blow-up on "a-a-a-…".
_PLACE_WORD = r"[A-ZÀ-Ý][\w'’.]*(?:-[\w'’.]+)*"
_ONE_PLACE = rf"{_PLACE_WORD}(?: (?:{_PLACE_WORD}|sur|en|les|de|du|la|le|d'\w+)){{0,6}}"
_PLACE = rf"(?P<place>{_ONE_PLACE}(?:,\s*{_ONE_PLACE}){{0,9}})"  # "Bordeaux, Marseille, … Rennes le 18 janvier 2013 –"
DATELINE_RE = re.compile(
    r"^(?:" + _PLACE + r"(?:,\s*[A-Z]{2,3}\.?)?\s*(?:,\s*|\(\s*|[-–—]\s+|(?<=\w)\s+(?=le\s+\d))(?:le\s+|en\s+date\s+du\s+)?(?P<date>" + _DATE_ANON + r")\s*\)?"
    r"|(?P<date2>(?:le\s+|au\s+|en\s+date\s+du\s+)?(?:" + _DATE_ANON + r")))"  # "Au 15 juillet 2026": the date a release speaks as of
    # after a comma, a dateline needs its place and a capital ("Paris, le 3 mars 2025, La société…"):
    # "Le dimanche 5 août 2018, la conférence…" and "Le 3 mars, Debian a…" are sentences
    r"\s*(?:[-–—:|/]+\s*|(?(place),\s+(?-i:(?=[A-ZÀ-Ý«\"]))|(?!))|[.,]?$)",
    re.IGNORECASE,
)
# "DEDHAM, MA - Le Projet Tor…", "KÖNIGSBRUNN, Allemagne - La coopération…", "WALPOLE, MA Le projet…": a city in
# capitals, its region or state code, then a dash (or, after a state code, the sentence's capital): a dateline
# without its date, as foreign newsrooms write them in French too.
_PLACE_ONLY_DATELINE_RE = re.compile(
    r"^(?P<place>[A-ZÀ-Ý]{3,}(?:[- ][A-ZÀ-Ý]{2,}){0,3})"
    r"(?:(?P<region>,\s*[A-ZÀ-Ý][\w.'’-]*(?:\s[A-ZÀ-Ý][\w.'’-]*){0,2})\s*[-–—]\s+|,\s*[A-Z]{2}\.?\s+)(?=[A-ZÀ-Ý«\"])"
)
# A line that is only a wiki's or a site generator's markup: a template ("{{ Page à traduire }}", "{% include
# share.html %}", "{{< figure … >}}") or the links to the page's other languages ("[[:en:…|EN]] / [[:de:…|DE]]").
_TEMPLATE_LINE = re.compile(r"\s*(?:\{\{[^{}]{0,300}\}\}|\{%[^%]{0,300}%\}|(?:\[\[[^\[\]]{1,200}\]\]\s*[/|,·•-]?\s*)+)\s*")
EXPLICIT_HEADING_RE = re.compile(r"^(?P<marks>#{1,6})\s+(?P<text>\S.*?)\s*#*$")  # "# Title", "## Sub-heading" from the readers
_LEAKED_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)  # HTML line breaks printed as text by a converter
_ATTRIBUTE_LIST = re.compile(r"\{:\s*[^{}]{0,200}\}")
_TITLE_SEARCH_LINES = 40  # the headline and the furniture above it sit in the first lines
_DATELINE_AFTER_LEAD = 2  # a dateline may open the paragraph after a standfirst or a sub-heading
_LONGEST_LETTERHEAD_WORDS = 12
_LONGEST_HEADLINE_WORDS = 30
_FOREIGN_MIN_WORDS = 12
_FOREIGN_MIN_HEADING_WORDS = 8
_SHORTEST_PROSE_WORDS = 20
_LONGEST_LETTERHEAD_NAME_WORDS = 4  # "AARON'S COFFEE CORNER", "FÉDÉRATION AGRICOLE DU JURA"
_SHORTEST_SENTENCE_WORDS = 8  # a line of so many words ending on a full stop: a sentence of the body, not a heading
_LONGEST_ATTRIBUTION_WORDS = 25
_LONGEST_ENGLISH_ATTRIBUTION_WORDS = 12
_CLOSING_QUOTES = ("»", "”", '"')
_ATTRIBUTION_RE = re.compile(
    r"^[-–—]?\s*(?:(?:M\.|Mme|Mlle|Dr|Pr)\s+)?[A-ZÀ-Ý][\w'’-]+(?:\s+(?:de\s+|d'|van\s+|von\s+)?[A-ZÀ-Ý][\w'’-]+){1,3}\s*(?:,|–|—|-|\()\s*(?P<role>.+)$"
)
# Words that make a line a sentence rather than "Name, role": auxiliaries and speech verbs.
_VERB_MARKERS = frozenset(
    "a ont est sont était étaient sera seront va vont fait font annonce annoncent déclare déclarent précise explique souligne "
    "indique rappelle estime ajoute affirme confirme lance présente publie signe salue".split()
)
_LABELLED_NAME = re.compile(r"(?i:\bcontacts?(?:\s+(?:presse|press|media|médias?))?)\s*:\s*(?P<name>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){1,3})\s*$")
_NAME_LINE = re.compile(r"^(?:M\.|Mme|Mlle|Dr\.?)?\s*[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){1,3}\s*$")


@dataclass
class Dateline:
    text: str
    place: str | None
    date: str | None
    iso: str | None

    def to_dict(self) -> dict[str, str | None]:
        return {"text": self.text, "place": self.place, "date": self.date, "iso": self.iso}


@dataclass
class Contact:
    text: str
    name: str | None = None
    email: str | None = None
    phone: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"name": self.name, "email": self.email, "phone": self.phone, "text": self.text}


@dataclass
class Paragraph:
    """One line of body text; kind is 'text', 'heading' or 'bullet'."""

    text: str
    kind: str = "text"


@dataclass
class Structure:
    title: str | None = None
    header: str | None = None
    dateline: Dateline | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    about: str | None = None
    removed: list[tuple[str, str]] = field(default_factory=list)
    # Every line in reading order: (furniture kind, line) or ("paragraph", index into paragraphs).
    sequence: list[tuple[str, str | int]] = field(default_factory=list)
    body_started: bool = False  # a text or bullet paragraph has been seen (headings alone do not start the body)
    format_title: str | None = None  # the headline the container gave ("LGM", a site's label): never a sidebar label

    def set_aside(self, entry: tuple[str, str]) -> None:
        """Furniture: kept out of the body, remembered with its kind and its place."""
        self.removed.append(entry)
        self.sequence.append(entry)

    def add_paragraph(self, paragraph: Paragraph) -> None:
        self.sequence.append(("paragraph", len(self.paragraphs)))
        self.paragraphs.append(paragraph)
        self.body_started = self.body_started or paragraph.kind != "heading"

    @property
    def body(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind != "heading"]

    @property
    def headings(self) -> list[str]:
        return [p.text for p in self.paragraphs if p.kind == "heading"]


def furniture_kind(line: str) -> str | None:
    """The furniture kind of a whole line (header, read_also, end, about, contact, legal, social)."""
    for kind, pattern in furniture_patterns().items():
        if pattern.fullmatch(line):
            return kind
    return None


_CLOSING_QUOTED_NAME = re.compile(r"^[^«“\"\s].*?[«“\"]\s*(?:\S+\s+){0,4}\S+\s*[»”\"]$")  # words, then a quoted name of 1-5 words


def is_heading_like(line: str) -> bool:
    """A short line without final punctuation: a title or sub-heading, not a sentence."""
    words = line.split()
    if not words or len(words) > 16 or len(line) > 140:
        return False
    if line.endswith(":"):
        return len(words) <= 8
    if _CLOSING_QUOTED_NAME.search(line) and not _TERMINAL_END.search(line.rstrip(' »”"\u00a0\u202f')):
        return True  # "Verdict du procès « LuxLeaks »": a title may close on a quoted name; a sentence closes on ".»"
    return not _TERMINAL_END.search(line)


_LONGEST_CONTACT_LINE = 300
_LONGEST_CONTACT_WORDS = 12


def _is_contact_line(line: str) -> bool:
    """A short line that gives an e-mail address or a phone number with a name or an office
    ("Agence X - Véronique Loquet vloquet@…"): a contact, not a sentence (no final full stop)."""
    return (len(line.split()) <= _LONGEST_CONTACT_WORDS and not _TERMINAL_END.search(line)
            and bool(EMAIL_RE.search(line) or PHONE_RE.search(line)))


_CONTACT_BLOCK_LINES = 5


def _contact_block_below(lines: list[str], index: int) -> list[str]:
    """The lines a contact label above the headline heads ("Contact: Jane Roe" / "Director of
    Communications" / "214-653-3756 (Office)" / "jane.roe@…"): short lines down to the first e-mail or phone
    line, taken out of `lines`; none when no such line comes within a few lines (the label stood alone)."""
    following = [(i, lines[i]) for i in range(index + 1, min(len(lines), index + 1 + 2 * _CONTACT_BLOCK_LINES)) if lines[i]]
    for position, (_, line) in enumerate(following[:_CONTACT_BLOCK_LINES]):
        if is_contact_only(line) or _is_contact_line(line):
            block = following[:position + 1]
            if any(len(text.split()) > _LONGEST_CONTACT_WORDS or _TERMINAL_END.search(text) for _, text in block[:-1]):
                return []
            for j, _ in block:
                lines[j] = ""
            return [text for _, text in block]
    return []


def is_contact_only(line: str) -> bool:
    """A line that is only e-mails, phone numbers, URLs and their labels."""
    if len(line) > _LONGEST_CONTACT_LINE:
        return False  # a paragraph of prose: skip three substitutions over it
    rest = EMAIL_RE.sub(" ", URL_RE.sub(" ", PHONE_RE.sub(" ", line)))
    rest = re.sub(r"(?i)\b(?:t[ée]l(?:[ée]phone)?|mob(?:ile)?|port(?:able)?|fax|e-?mail|courriel|mail|site|web|tel)\b\.?", " ", rest)
    return rest != line and not re.search(r"[^\W\d_]{2,}", rest.replace("/", " "))


def parse_structure(text: str, known_title: str | None = None, language: str | None = None) -> Structure:
    """Split a release into metadata, furniture and body paragraphs (one per non-empty line).

    `known_title` is the headline the container gave (front matter, <h1>, PDF title block,
    e-mail subject): wherever it stands in the text it is the title, and what a page or a
    letter puts above it (letterhead, address, site notice) is not body. With `language`,
    paragraphs in another language (the English half of a bilingual release) are set aside.
    """
    furniture = FURNITURE_LANGUAGE.set("en" if language == "en" else "fr")  # every helper reads this language's patterns
    try:
        lines = _underlined_headings([_clean_line(line) for line in reflow(text).split("\n")])
        doc = _parse_lines(list(lines), known_title, language, keep_tail=False)
        if not doc.body and any(kind in ("about", "end", "contact") for kind, _ in doc.removed):
            doc = _parse_lines(list(lines), known_title, language, keep_tail=True)  # body sentences are never all lost
        return doc
    finally:
        FURNITURE_LANGUAGE.reset(furniture)


def _dateline_match(line: str) -> object | None:
    """Whether a line opens with a dateline, in the language being read (English: wires' datelines)."""
    if FURNITURE_LANGUAGE.get() != "en":
        return DATELINE_RE.match(line)
    from .datelines_en import match_dateline

    return match_dateline(line)


_RULE = re.compile(r"([=\-~#*^+_])\1{2,}")
_FIELD = re.compile(r":[\w-]{1,40}:(?:\s.*)?")  # reStructuredText/Pelican fields under a title (":date: 2018-04-23")


def _underlined_headings(lines: list[str]) -> list[str]:
    """Headings underlined by a rule (Markdown setext, reStructuredText: "Titre" over "======" or
    "######") become "## " headings, so the rule is never read as an end mark; field lines of the
    head (":slug: …") are metadata, marked so that the structure stage sets them aside."""
    out = list(lines)
    for index in range(1, len(out)):
        above = out[index - 1]
        if _RULE.fullmatch(out[index]) and above and not _RULE.fullmatch(above) and is_heading_like(above) \
                and not EXPLICIT_HEADING_RE.match(above) and len(out[index]) >= min(len(above), 3):
            out[index - 1], out[index] = f"## {above}", ""
    return out


def _parse_lines(lines: list[str], known_title: str | None, language: str | None, keep_tail: bool) -> Structure:
    doc = Structure()
    fallback = None  # a kicker-led line ("CP - La pêche…"): the title only if no better one shows
    if known_title:
        doc.format_title = known_title
        shown_title, known_title = known_title, without_trailing_link(known_title)
        verdict = headline_verdict(known_title)
        if verdict != NOT_HEADLINE:
            _drop_known_title(doc, lines, shown_title, kind="title" if verdict == HEADLINE else "header")
            own = _own_opening_heading(lines, known_title)
            if own is not None:  # the text opens with a headline of its own: the format's title was the site's label
                doc.removed = [("header", line) if kind == "title" else (kind, line) for kind, line in doc.removed]
                doc.sequence = [("header", line) if kind == "title" else (kind, line) for kind, line in doc.sequence]
                doc.title = own[1]
                doc.sequence.append(("title", lines[own[0]]))
                lines[own[0]] = ""
            elif verdict == HEADLINE:
                doc.title = known_title
            elif (rest := without_kicker(known_title)) != known_title.strip():
                doc.title = rest  # the format's headline after its kicker ("Communiqué : Demande de …")
            else:
                fallback = rest
    _drop_letterhead(doc, lines)
    tail: list[str] = []
    in_tail, tail_kind = False, None
    tail_closes_body = False
    in_foreign = False  # inside the other-language half of a bilingual release
    for index, line in enumerate(lines):
        if not line:
            continue
        if in_tail:
            marked = EXPLICIT_HEADING_RE.match(line)
            if _furniture_kind_of(marked.group("text") if marked else line) == "end":
                tail_kind = "end"  # "## Sources" under the contacts: the cited items are no body, prose or not
            if ((_resumes_body(lines, index) and (marked or tail_kind != "end")
                 and not (tail_closes_body and _still_about(lines, index, tail[0] if tail else "")))
                    or (tail_kind == "contact" and _is_prose(line))):
                in_tail = False  # after an end mark, only a heading of the page's own resumes the body
            else:
                tail.append(line)
                doc.sequence.append(("tail", line))
                continue
        if not doc.body_started and _FIELD.fullmatch(line):
            doc.set_aside(("metadata", line))
            continue
        if _TEMPLATE_LINE.fullmatch(line):
            doc.set_aside(("markup", line))
            continue
        heading = EXPLICIT_HEADING_RE.match(line)
        if heading:
            line = heading.group("text")
        kind = _furniture_kind_of(line)
        started = doc.body_started
        if kind in ("about", "contact") and index < _TITLE_SEARCH_LINES and _in_menu(lines, index):
            doc.set_aside(("read_also", line))  # "HOME / GET HELP / CONTACT US": a saved page's menu, no contact block
            continue
        if not keep_tail and (kind == "end" or (kind in ("about", "contact") and (heading or is_heading_like(line) or (kind == "about" and URL_RE.search(line)))
                                                 and (kind == "about" or started or doc.title is not None or line.endswith(":")))):
            # above the headline, a contact line that gives its value ("Contact: Jane Doe") is one line of the head
            in_tail, tail_kind = True, kind
            tail_closes_body = started  # an About under the body ends the release; one above it is a sidebar
            tail.append(line)
            doc.set_aside((kind, line))
            continue
        if kind == "contact" and not started and doc.title is None:
            doc.set_aside(("contact", line))  # "Contact: Jane Doe" over the headline
            block = [line] + _contact_block_below(lines, index)
            for later in block[1:]:
                doc.set_aside(("contact", later))
            _add_contact(doc, block)
            continue
        if is_letter_spaced(line):
            doc.set_aside((kind or "banner", line))
            if kind == "header" and not started:
                doc.header = doc.header or collapse_letter_spacing(line)
            continue
        if kind == "header" and not started and len(line) < 90:
            line, kind = _kicker_over_dateline(doc, line), "header"  # English: "FOR IMMEDIATE RELEASE 15 MAY 2019"
            doc.header = doc.header or line
            doc.set_aside((kind, line))
            continue
        if kind in ("read_also", "legal", "social", "cover", "pointer") or (kind == "header" and len(line) < 90):
            doc.set_aside(("read_also" if kind == "pointer" else kind, line))
            continue
        if is_contact_only(line) or URL_RE.fullmatch(line) or _is_contact_line(line):
            doc.set_aside(("contact", line))
            _add_contact(doc, [line])
            continue
        if doc.dateline is not None and _is_dateline_only(line):
            doc.set_aside(("dateline", line))
            continue
        if ((doc.dateline is None and (not started or len(doc.paragraphs) <= _DATELINE_AFTER_LEAD)) or _is_dateline_only(line)
                or _english_place_slot(doc)):
            line = _take_dateline(doc, line)
            if not line:
                continue
            if _furniture_kind_of(line) == "header":  # "le 20 janvier 2017 – Pour diffusion à partir du 15 février"
                doc.set_aside(("header", line))
                continue
        title_slot = doc.title is None and not started and not _is_label_value(doc)
        if title_slot and line.endswith(":"):  # "FORUM PHP :" over "LANCEMENT DE LA 6E ÉDITION !", "… « Relance Logement » :" over "2 millions …"
            line = lines[index] = _with_continuation(doc, lines, index, line, "title")
        subject = _SUBJECT_LINE.match(line)
        if subject and (title_slot or (doc.title and _title_key(line[subject.end():]) == _title_key(doc.title))):
            line = line[subject.end():].strip()  # "Objet : …", "Concerne : …": a letter's subject is its headline
            if not title_slot:
                doc.set_aside(("title", lines[index]))
                continue
        if title_slot and ((heading and heading.group("marks") in ("#", "##"))
                           or (not line.endswith(":") and (is_heading_like(line) or _is_headline(lines, index) or _stands_above_prose(lines, index)))
                           or (len(line.split()) <= _LONGEST_HEADLINE_WORDS and not _TERMINAL_END.search(line)
                               and headline_verdict(line) == KICKER_LED)):
            continued = _with_continuation(doc, lines, index, line, "title")
            joined = without_trailing_link(continued)
            verdict = headline_verdict(joined)
            if continued != line and verdict != HEADLINE:  # the joined next line is set aside with it, not as a title
                doc.sequence[-1] = ("header", doc.sequence[-1][1])
            line = joined
            if verdict == HEADLINE and ((_names_only_a_sender(line) and (_headline_below(lines, index) or _prose_below(lines, index)))
                                        or _heads_a_contact_block(lines, index, line)):
                doc.set_aside(("letterhead", line))  # "Association Robots-JU" over "Robots-JU : Annulation des ateliers…"
                continue  # over the body's first sentence ("World … Foundation" / "The event will…"): no headline at all
            if verdict == HEADLINE:
                doc.title = line
                doc.sequence.append(("title", line))
                continue
            if verdict == KICKER_LED or (verdict == NOT_HEADLINE and (heading or len(line.split()) <= _LONGEST_LABEL_WORDS)):
                fallback = fallback or (without_kicker(line) if verdict == KICKER_LED else None)
                doc.set_aside(("header", line))
                continue
        after_quote = bool(doc.paragraphs) and doc.paragraphs[-1].text.rstrip().endswith(_CLOSING_QUOTES)
        if doc.paragraphs and doc.paragraphs[-1].kind != "heading" and _is_attribution(line, after_quote):
            doc.set_aside(("attribution", line))
            continue
        line = _cut_glued_attribution(doc, line)
        if language:
            in_foreign = _language_run(line, language, in_foreign, bool(heading))
            if in_foreign:
                doc.set_aside(("foreign", line))
                continue
        bullet = BULLET_RE.match(line)
        if doc.title and not doc.body_started and _title_key(line) == _title_key(doc.title):
            doc.set_aside(("title", line))  # the headline repeated under itself (in bold, with other quotes)
            continue
        if _is_standfirst(doc, line, bool(heading)):
            doc.add_paragraph(Paragraph(line, "text"))  # the lead under the headline, even without a full stop
        elif bullet and len(line) > bullet.end() and not heading:
            doc.add_paragraph(Paragraph(line[bullet.end():].strip(), "bullet"))
        elif heading or is_heading_like(line) or _is_short_exclamation(line) or (len(line) <= 200 and is_shouted(line) and len(line.split()) <= 20):
            doc.add_paragraph(Paragraph(line, "heading"))
        elif _continues_sentence(doc, line):
            doc.paragraphs[-1].text += " " + line  # "… de la majorité présidentielle" / "140 « Marcheurs » … ont décidé …"
        else:
            doc.add_paragraph(Paragraph(line, "text"))
    if doc.title is None and fallback:
        doc.title = fallback
    doc.title = _without_site_name(doc.title, doc)
    before = len(doc.removed)
    _parse_tail(doc, tail)
    tail_kinds = {line: kind for kind, line in doc.removed[before:]}
    doc.sequence = [((tail_kinds.get(cast(str, item)) or _furniture_kind_of(cast(str, item)) or "about") if kind == "tail" else kind, item)
                    for kind, item in doc.sequence]
    return doc


_SITE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")


def _without_site_name(title: str | None, doc: Structure) -> str | None:
    """"<headline> | Cook County State's Attorney": a page's title, the site's name after a bar or a dash, when
    the page itself prints the headline alone below it: that line is the title. A text saved from a page
    opens with such a line: then it is the title, not the first sentence."""
    opening = None
    if title is None and doc.sequence[:1] == [("paragraph", 0)]:
        opening = doc.paragraphs[0]
        title = opening.text
    if not title or not _SITE_SEPARATOR.search(title):
        return None if opening else title
    shown = [p.text for p in doc.paragraphs[1 if opening else 0:16]]
    printed = ({_title_key(text) for text in shown} | {_title_key(f"{a} {b}") for a, b in zip(shown, shown[1:], strict=False)}
               | {_title_key(line) for _, line in doc.removed[:12]})  # the headline alone, or wrapped over two lines
    for separator in reversed(list(_SITE_SEPARATOR.finditer(title))):
        head = title[:separator.start()].strip()
        if len(head.split()) >= 3 and _title_key(head) in printed:
            if opening:
                opening.kind = "heading"  # the page's title line: never a sentence of the release
            return head
    return None if opening else title


# Inline markup a plain-text release can still carry (a Markdown or reStructuredText source saved as
# text): links keep their words, emphasis marks go.
_MARKDOWN_LINK = re.compile(r"!?\[([^\]\n]{1,300})\]\((?:https?://|/|\.|#|mailto:|www\.)[^)\s]{0,500}\)")
_RST_LINK = re.compile(r"`([^`<\n]{1,300}?)\s*<[^>\n]{1,500}>`_{1,2}")
_STRAY_STRONG = re.compile(r"(?<![*\w])\*\*(?=[^\W\d_]|[“\"«(])")
_STRONG = re.compile(r"(?<![\w*])\*\*(?=\S)([^*\n]{1,500}?)(?<=\S)\*\*(?![\w*])")


def _clean_line(line: str) -> str:
    """A stripped line without markup: kramdown attribute lists ("{: .citation}"), Markdown and
    reStructuredText links (their words stay), bold marks, leaked line breaks."""
    line = line.strip()
    if "{:" in line:
        line = _ATTRIBUTE_LIST.sub("", line).strip()
    if "](" in line:
        line = _MARKDOWN_LINK.sub(r"\1", line)
    if ">`_" in line:
        line = _RST_LINK.sub(r"\1", line)
    if "**" in line:
        line = _STRAY_STRONG.sub("", _STRONG.sub(r"\1", line))  # a pair is bold; one left alone ("**Join us …") is a note mark
    return _LEAKED_BREAK.sub(" ", line).strip() if "<br" in line else line


def _furniture_kind_of(line: str) -> str | None:
    kind = furniture_kind(line)
    if kind is None and is_letter_spaced(line):
        kind = furniture_kind(collapse_letter_spacing(line))
    return kind


def collapse_letter_spacing(line: str) -> str:
    """"C O M M U N I Q U É  D E  P R E S S E" -> "COMMUNIQUÉ DE PRESSE" (words keep their wider gaps)."""
    words = re.split(r"\s{2,}", line.strip())
    return " ".join(word.replace(" ", "") for word in words)


def _title_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold()))


def without_repeated_headline(paragraph: str, title: str | None, language: str) -> str:
    """A paragraph without the headline it opens with, alone or after a kicker ("Press statement: <headline>",
    "Communiqué de presse : <headline>"): furniture, not words of the release ("" when nothing else is left)."""
    if not title or not (key := _title_key(title)):
        return paragraph
    text = paragraph
    label, colon, rest = paragraph.partition(":")
    header = furniture_patterns(language).get("header")
    kicker = bool(colon) and len(label) <= 60 and header is not None and bool(header.fullmatch(label.strip(" *_")))
    if kicker:
        text = rest.lstrip()
    head = text[:len(title) + 20]
    if not _title_key(head).startswith(key):
        return paragraph  # most paragraphs: one look, no prefix search
    for end in range(min(len(head), len(title) + 10), len(title) // 2, -1):
        if _title_key(head[:end]) != key or (end < len(text) and text[end].isalnum()):
            continue
        # without a kicker, only a headline set apart ("… families! Following …"): never the opening words of a sentence
        if kicker or end == len(text) or text[end] in "!.?:\n" or head[end - 1] in "!.?":
            return text[end:].lstrip(" !.?:–—-\n")
    return paragraph


_CONTINUATION = re.compile(r"(?i)^(?:du|de|des|d['’]|et|à|au|aux|pour|sur|en|par|avec|of|and|for|in|on|at|with)\b")


def _with_continuation(doc: Structure, lines: list[str], index: int, line: str, kind: str, after_word: bool = False) -> str:
    """A headline set on two lines ("COMMUNIQUÉ DU CONSEIL DES MINISTRES" / "DU MERCREDI 14 AOÛT 2024"):
    the next line joins it when it goes on with a linking word and is a heading-like line too."""
    following = index + 1
    while following < len(lines) and following <= index + 2 and not lines[following]:
        following += 1
    if following >= len(lines) or _TERMINAL_END.search(line):
        return line
    match = EXPLICIT_HEADING_RE.match(lines[following])
    nxt = match.group("text") if match else lines[following]
    same_form = (is_shouted(nxt) and is_shouted(line)) or (match is not None and EXPLICIT_HEADING_RE.match(lines[index]) is not None)
    short_head = len(line.split()) <= 3 and is_shouted(line)  # "LE CNLL" / "PARTICIPE AUX « ÉTATS GÉNÉRAUX »"
    short_tail = len(nxt.split()) <= 2 and is_shouted(nxt) and is_shouted(line)  # "… MIXED IN MIAMI" / "CELEBRATES" / "…": one word heads nothing
    goes_on = bool(_CONTINUATION.match(nxt)) or line.endswith(":") or short_head or short_tail or after_word
    # "… to RESIGN from the" / "Privacy and Civil Liberties Oversight Board (PCLOB)": joined only when the
    # whole reads as a headline, so that a line that is not the title is never glued to the next one
    cut = (ends_dangling(line) or line.endswith(":")) and headline_verdict(f"{line} {nxt}") == HEADLINE  # "… « Relance Logement » :" / "2 millions …"
    if not ((same_form or cut) and (goes_on or cut) and (is_heading_like(nxt) or nxt.endswith(("!", "?"))) and _furniture_kind_of(nxt) is None
            and not _is_dateline_only(nxt)):
        return line
    doc.sequence.append((kind, lines[following]))
    lines[following] = ""
    if short_tail:  # the word alone goes on with the line after it ("CELEBRATES" / "MULTIRACIALITY AND …")
        return _with_continuation(doc, lines, following, f"{line} {nxt}", kind, after_word=True)
    return f"{line} {nxt}"


def _own_opening_heading(lines: list[str], known_title: str = "") -> tuple[int, str] | None:
    """(line index, text) of a level-1 heading the text opens with, under the format's title (a
    site's label in the front matter, the author's headline in the text): within the first lines,
    before any prose. A first line that says the format's title and more, without a final full stop
    ("Annulation de la brocante du 1er mai 2016 sur le boulevard de la Plaine" under the front matter's
    "Brocante du 1er mai 2016"), is the author's fuller headline too."""
    seen = 0
    known = _title_key(known_title)
    for index, line in enumerate(lines[:_TITLE_SEARCH_LINES]):
        if not line:
            continue
        if seen == 0 and known and not EXPLICIT_HEADING_RE.match(line) and _fuller_headline(line, known):
            return index, line.strip("*_ ")
        heading = EXPLICIT_HEADING_RE.match(line)
        if heading and heading.group("marks") == "#":
            text = heading.group("text").strip("*_ ")
            return (index, text) if headline_verdict(text) == HEADLINE and len(text.split()) >= 4 else None
        seen += 1
        if seen > 2 or len(line.split()) > _LONGEST_HEADLINE_WORDS:
            return None
    return None


_MENU_ITEM_WORDS = 3
_NUMBER_OR_ADDRESS = re.compile(r"[\d@]")


def _in_menu(lines: list[str], index: int) -> bool:
    """A line of a site's menu saved with the page: a label of a few words without a colon, between other
    such labels ("HOME", "GET HELP", "CONTACT US", "ABOUT US")."""
    def item(line: str) -> bool:
        return len(line.split()) <= _MENU_ITEM_WORDS and not line.rstrip().endswith((":", ".")) and not _NUMBER_OR_ADDRESS.search(line)

    before = [line for line in lines[max(0, index - 4):index] if line][-2:]
    after = [line for line in lines[index + 1:index + 6] if line][:3]
    return (item(lines[index]) and len(before) == 2 and all(map(item, before)) and bool(after) and item(after[0])
            and not any(_NUMBER_OR_ADDRESS.search(line) for line in after))  # a contact block gives a number or an address


def _fuller_headline(line: str, known_key: str) -> bool:
    key = _title_key(line)
    return (known_key in key and len(key) >= len(known_key) + 10 and not _TERMINAL_END.search(line)
            and len(line.split()) <= _LONGEST_HEADLINE_WORDS and headline_verdict(line) == HEADLINE)


def _drop_known_title(doc: Structure, lines: list[str], title: str, kind: str = "title") -> None:
    """Blank out the headline wherever the text repeats it (as is, in capitals, over two lines)."""
    key = _title_key(title)
    if not key:
        return
    for index, line in enumerate(lines[:_TITLE_SEARCH_LINES]):
        line_key = _title_key(EXPLICIT_HEADING_RE.sub(r"\g<text>", line))
        if not line_key or not key.startswith(line_key):
            continue
        end = index
        joined = line_key
        while joined != key and end + 1 < len(lines) and lines[end + 1]:
            candidate = f"{joined} {_title_key(lines[end + 1])}"
            if not key.startswith(candidate):
                break
            joined, end = candidate, end + 1
        if joined == key or (SequenceMatcher(None, joined, key).ratio() >= 0.9 and len(joined) >= 0.8 * len(key)):
            marked = lines[index].startswith("# ")  # the page's own <h1>, as the reader marks it
            for position in range(index, end + 1):
                doc.set_aside((kind, lines[position]))
                lines[position] = ""
            _drop_above(doc, lines, index, marked)


_MOST_LINES_ABOVE_A_MARKED_HEADLINE = 3


def _sends_elsewhere(line: str) -> bool:
    """Whether one of a paragraph's sentences only points to a page ("Pour de plus amples renseignements,
    consultez la page…"): what a site notice does, and a release's lead does not."""
    return any(_furniture_kind_of(sentence) == "pointer" for sentence in split_sentences(line, FURNITURE_LANGUAGE.get()))


def _drop_above(doc: Structure, lines: list[str], title_index: int, marked: bool = False) -> None:
    """What stands above the headline is page or letter furniture: keep the kicker and dateline, drop the rest.
    Above a page's marked headline (its <h1>), a few lines of prose that send the reader to a page are a
    site notice ("Le 28 août, l'Office est devenu la Régie… Pour de plus amples renseignements, consultez
    la page…"), not body; elsewhere a long line above it is body (a front matter's lead, or the headline
    repeated inside the text)."""
    above = [line for line in lines[:title_index] if line]
    notice = marked and len(above) <= _MOST_LINES_ABOVE_A_MARKED_HEADLINE and any(_sends_elsewhere(line) for line in above)

    def kept(line: str) -> bool:  # the kicker and the dateline, as a sub-heading too ("## Communiqué de presse")
        words = EXPLICIT_HEADING_RE.sub(r"\g<text>", line)
        return _furniture_kind_of(words) == "header" or bool(_dateline_match(words)) or is_letter_spaced(words)

    for position in range(title_index):
        line = lines[position]
        if not line or kept(line):
            continue
        if len(line.split()) > _LONGEST_LETTERHEAD_WORDS and not notice:
            return  # a body paragraph above the headline: the headline was repeated inside the text
    for position in range(title_index):
        line = lines[position]
        if line and not kept(line):
            if is_contact_only(line) or _is_contact_line(line):
                doc.set_aside(("contact", line))  # a press contact set beside the kicker, above the headline
                _add_contact(doc, [line])
            else:
                doc.set_aside(("letterhead", line))
            lines[position] = ""


def _drop_letterhead(doc: Structure, lines: list[str]) -> None:
    """Short lines above a "COMMUNIQUÉ DE PRESSE" kicker (sender, address, logo text) when a headline follows it."""
    for index, line in enumerate(lines[:_TITLE_SEARCH_LINES]):
        if not line:
            continue
        heading = EXPLICIT_HEADING_RE.match(line)
        if _furniture_kind_of(heading.group("text") if heading else line) == "header":  # "COMMUNIQUÉ", "## COMMUNIQUÉ"
            above = [i for i in range(index) if lines[i]]
            if above and _headline_follows(lines, index) and all(len(lines[i].split()) <= _LONGEST_LETTERHEAD_WORDS and not _TERMINAL_END.search(lines[i])
                             or _dateline_match(lines[i]) for i in above):
                for i in above:
                    if not _dateline_match(lines[i]):
                        doc.set_aside(("letterhead", lines[i]))
                        lines[i] = ""
            elif len(above) >= _SIDEBAR_LINES and not any(_is_prose(lines[i]) for i in above) and _prose_under_kicker(lines, index):
                for i in above:  # a sidebar of members or offices read before the kicker: no line of it is the release's text
                    if not (_dateline_match(lines[i]) or EXPLICIT_HEADING_RE.match(lines[i])):
                        doc.set_aside(("letterhead", lines[i]))
                        lines[i] = ""
            return
        if len(line.split()) > _LONGEST_LETTERHEAD_WORDS and (_is_prose(line) or index >= _SIDEBAR_LINES * 3):
            return  # body text before any kicker


_SIDEBAR_LINES = 8  # lines above a kicker with no prose among them: a sidebar, more than a letterhead holds


def _prose_under_kicker(lines: list[str], kicker_index: int) -> bool:
    """Whether the first line of text below the kicker is prose (the release starts there)."""
    below = next((line for line in lines[kicker_index + 1:kicker_index + 4] if line), "")
    return _is_prose(below)


_STANDFIRST_MIN_WORDS = 8
_SUBJECT_LINE = re.compile(r"(?i)^(?:objet|concerne|sujet|subject|re)\s*:\s*(?=\S)")


def _is_label_value(doc: Structure) -> bool:
    """Whether the line read now is the value under a one-word label ("Date" / "9 novembre",
    "Lieu" / an address, "Cible" / "Décideurs…": a sidebar of practical details, never the headline)."""
    if not doc.sequence:
        return False
    kind, item = doc.sequence[-1]
    if kind == "paragraph" and doc.paragraphs[int(item)].kind == "heading":
        text = doc.paragraphs[int(item)].text
    elif kind == "header" and _furniture_kind_of(str(item)) is None and str(item) != doc.format_title:
        text = str(item)  # a kicker ("COMMUNIQUÉ") is no label, nor the site's name the format gave as title
    else:
        return False
    return text.rstrip(" :").isalpha()


def _is_standfirst(doc: Structure, line: str, heading: bool) -> bool:
    """A standfirst or teaser right under the headline (bold in the source, no final full stop): the
    first paragraph, a long line that is no marked heading, no capitals banner and no list lead-in."""
    return (doc.title is not None and not doc.paragraphs and not heading and len(line.split()) >= _STANDFIRST_MIN_WORDS
            and not is_shouted(line) and not line.rstrip().endswith((":", ";")) and not BULLET_RE.match(line))


_LONGEST_SENDER_WORDS = 8
_LONGEST_SLOGAN_WORDS = 6
_NAME_LINKS = frozenset({"de", "du", "des", "d", "à", "au", "aux", "pour", "et", "la", "le", "les", "l", "en", "sur", "of", "the", "for", "and"})
_LABEL_VALUE = re.compile(r"^[\w' ]{2,20}\s?:\s*\S")  # "Date : 3 janvier 2022", "Lieu : Delémont"


@cache
def _organisation_heads() -> frozenset[str]:
    return frozenset(sections("organisations_fr.txt").get("heads", [])) | frozenset(sections("organisations_en.txt").get("heads", []))


def _names_only_a_sender(line: str) -> bool:
    """A line that is an organisation's name and nothing more ("Association Robots-JU", "Comité de
    soutien à Antoine Deltour", "Antoine Deltour's Support Committee"): a few words, no colon or
    figure, and either an organisation's head noun first with at most two lower-case words besides
    the links of a name (no room for a verb and its object), or a head noun last and every word
    capitalised (the English order)."""
    text = re.sub(r"['’]s\b", "", line)
    words = re.findall(r"[\w-]+", text.replace("’", "'").split("'")[-1] if text[:2].lower() in ("l'", "l’") else text)
    if not words or len(words) > _LONGEST_SENDER_WORDS or ":" in line or any(ch.isdigit() for ch in line):
        return False
    lowered = [word for word in words[1:] if word.islower() and word not in _NAME_LINKS]
    if words[0].lower() in _organisation_heads():
        return len(lowered) <= 2
    return len(words) >= 2 and words[-1].lower() in _organisation_heads() and not lowered


def _next_head_line(lines: list[str], index: int, past_labels: bool = False) -> tuple[int, str, bool] | None:
    """(position, text, marked as a heading) of the first line below `index` that is not a kicker,
    a dateline, a contact (or, with `past_labels`, a "Label : value" line), within the head."""
    for position in range(index + 1, min(len(lines), index + _TITLE_SEARCH_LINES)):
        line = lines[position]
        if not line:
            continue
        heading = EXPLICIT_HEADING_RE.match(line)
        text = heading.group("text") if heading else line
        if _furniture_kind_of(text) or _is_dateline_only(text) or is_contact_only(text) \
                or (past_labels and _LABEL_VALUE.match(text) and len(text.split()) <= _LONGEST_LABEL_WORDS):
            continue
        return position, text, bool(heading)
    return None


def _headline_below(lines: list[str], index: int) -> bool:
    """Whether a headline of its own follows the line before any prose (past kickers, datelines,
    contacts and "Label : value" lines): then the line above it is letterhead."""
    below = _next_head_line(lines, index, past_labels=True)
    if below is None:
        return False
    _, text, heading = below
    return (heading or is_heading_like(text)) and headline_verdict(text) == HEADLINE and not _names_only_a_sender(text)


def _heads_a_contact_block(lines: list[str], index: int, line: str) -> bool:
    """A short name in capitals right over a contact line ("AARON'S COFFEE CORNER" / "CONTACT: Carolyn
    Koppel" / "PHONE: …"): the letterhead of a sender, its name and how to reach it, not a headline."""
    if len(line.split()) > _LONGEST_LETTERHEAD_NAME_WORDS or not is_shouted(line):
        return False
    following = next((candidate for candidate in lines[index + 1:index + 3] if candidate), None)
    return following is not None and _furniture_kind_of(following) == "contact"


def _prose_below(lines: list[str], index: int) -> bool:
    """Whether the body's prose follows the line at once (past kickers, datelines, contacts and
    "Label : value" lines): a sender's name there heads no headline, it is the letterhead of a
    release that has none."""
    below = _next_head_line(lines, index, past_labels=True)
    if below is None or below[2]:
        return False
    text = below[1]
    return len(text.split()) >= _SHORTEST_SENTENCE_WORDS and text.endswith((".", "!", "?")) and not is_heading_like(text)


def _headline_follows(lines: list[str], kicker_index: int) -> bool:
    """Whether a headline stands below the kicker, before the body's prose: then the short lines
    above the kicker are letterhead; without one, the last of them may be the headline itself."""
    below = _next_head_line(lines, kicker_index)
    if below is None:
        return False
    position, text, heading = below
    return (heading or is_heading_like(text) or _is_headline(lines, position)) and headline_verdict(text) != NOT_HEADLINE


_LONGEST_LABEL_WORDS = 8  # a date, an address or a credit above the headline: set aside, never body


def _stands_above_prose(lines: list[str], index: int) -> bool:
    """A long headline without a blank line under it (a PDF's text layer): shaped like a headline,
    right above a paragraph of prose."""
    return _headline_shaped(lines[index]) and _prose_follows(lines, index, reach=2)


def _is_headline(lines: list[str], index: int) -> bool:
    """A headline too long for a sub-heading or ending in "?"/"!": alone on its line."""
    alone = index + 1 >= len(lines) or not lines[index + 1]
    return alone and _headline_shaped(lines[index])


def _headline_shaped(line: str) -> bool:
    """One sentence of at most 30 words, no final full stop."""
    one_sentence = not re.search(r"\. [A-ZÀ-Ý]", line)
    short = len(line.split()) <= _LONGEST_HEADLINE_WORDS and len(line) <= 12 * _LONGEST_HEADLINE_WORDS
    return one_sentence and short and not line.endswith((".", "…", ":", ";", ","))


_PASSED_OVER = ("legal", "read_also", "cover")  # credits, captions, "Lire aussi" lines: set aside wherever they sit


def _prose_follows(lines: list[str], index: int, reach: int) -> bool:
    """Whether the next non-empty line within `reach` lines is a paragraph of prose, not furniture; a
    picture's credit or caption between a headline and its body ("Design Credit: …") is passed over."""
    following = next((ln for ln in lines[index + 1:index + 1 + reach] if ln and _furniture_kind_of(ln) not in _PASSED_OVER), "")
    return len(following.split()) >= 15 and bool(_TERMINAL_END.search(following)) and not _furniture_kind_of(following)


def _is_short_exclamation(line: str) -> bool:
    """A sub-heading written as short questions or exclamations (every piece of at most four words), or
    one short exclamation standing alone ("Stop au 3ème parking souterrain !", "Venez nombreux !"):
    a slogan or a call, never a sentence to quote."""
    pieces = [p for p in re.split(r"[?!]+", line) if p.strip()]
    if line.endswith("!") and len(pieces) == 1 and len(re.findall(r"\w+", line)) <= _LONGEST_SLOGAN_WORDS:
        return True
    return line.endswith(("?", "!")) and len(pieces) >= 2 and all(len(p.split()) <= 4 for p in pieces)


_CONTINUED_SENTENCE_MIN_WORDS = 12


def _continues_sentence(doc: Structure, line: str) -> bool:
    """A line that goes on with the sentence the paragraph before left open: that paragraph is long
    prose without final punctuation, nothing was set aside between them, and this line opens in lower
    case or on a number and ends the sentence (a page that broke one sentence into two paragraphs; two
    entries of a CV, neither ended, stay apart)."""
    if not doc.paragraphs or doc.sequence[-1] != ("paragraph", len(doc.paragraphs) - 1):
        return False
    before = doc.paragraphs[-1]
    return (before.kind == "text" and (line[:1].islower() or line[:1].isdigit())
            and len(before.text.split()) >= _CONTINUED_SENTENCE_MIN_WORDS and not _TERMINAL_END.search(before.text)
            and not before.text.rstrip().endswith((":", ")", "…")) and bool(_TERMINAL_END.search(line)))


_ABOUT_SUBJECT = re.compile(r"(?i)^(?:#+\s*)?(?:à\s+propos|a\s+propos|about)\s+"
                            r"(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|of\s+|the\s+)?(?P<subject>[^–—|:(]{2,60}?)\s*(?:[–—|:(].*)?$")


def _still_about(lines: list[str], index: int, opening: str) -> bool:
    """A sub-heading inside an "About Acme" section under the body ("THE CANCER CARE LEGACY: …" over "Acme has a
    network…"): the prose under it still names the section's subject, so it is the About's, not the release's."""
    match = _ABOUT_SUBJECT.match(opening.strip())
    if not match:
        return False
    subject = match.group("subject").strip(" .*_").lower()
    following = [line for line in lines[index + 1:index + 6] if line][:3]
    return len(subject) >= 3 and any(subject in line.lower() for line in following)


def _resumes_body(lines: list[str], index: int) -> bool:
    """After an "À propos" or contact section, a new non-furniture heading followed by prose is body again."""
    line = lines[index]
    heading = EXPLICIT_HEADING_RE.match(line)
    text = heading.group("text") if heading else line
    if _furniture_kind_of(text) or EMAIL_RE.search(text) or PHONE_RE.search(text) or _NAME_LINE.match(text):
        return False
    if not (heading or (is_heading_like(text) and len(text.split()) >= 3)):
        return False
    return _prose_follows(lines, index, reach=3)


def _is_attribution(line: str, after_quote: bool = False) -> bool:
    """"Christelle Gigault, adjointe aux délégués…, Conseil départemental." under a quote: a name and a role,
    no verb; right under a closing quote mark, the role may be long (a whole organisation described)."""
    match = _ATTRIBUTION_RE.match(line)
    longest = _LONGEST_ATTRIBUTION_WORDS * (2 if after_quote else 1)
    if not match or len(line.split()) > longest:
        return False
    if FURNITURE_LANGUAGE.get() == "en" and line.rstrip().endswith(".") and len(line.split()) > _LONGEST_ENGLISH_ATTRIBUTION_WORDS:
        return False  # "The Brazilian Central Bank (BCB) reported that…": a sentence; "Jane Doe, CEO of Acme." is short
    role_words = set(re.findall(r"[\w']+", match.group("role").lower()))
    return not role_words & _VERB_MARKERS and not role_words & sentence_verbs(FURNITURE_LANGUAGE.get())


def _cut_glued_attribution(doc: Structure, line: str) -> str:
    """"…à l'échelle nationale » Mme Y, directrice générale de Z": the quote stays, its attribution goes."""
    close = line.rfind("» ")
    if close < 0 or close < len(line) // 3:
        return line
    rest = line[close + 2:].strip()
    if rest and _is_attribution(rest):
        doc.set_aside(("attribution", rest))
        return line[:close + 1]
    return line


def _is_prose(line: str) -> bool:
    """A paragraph of sentences with no address in it: body text, not a contact block."""
    return (len(line.split()) >= _SHORTEST_PROSE_WORDS and bool(_TERMINAL_END.search(line))
            and not (EMAIL_RE.search(line) or PHONE_RE.search(line) or URL_RE.search(line)))


def _is_dateline_only(line: str) -> bool:
    """"Lyon, le 3 Mars 2021." standing alone anywhere: a dateline, never a sentence."""
    if FURNITURE_LANGUAGE.get() == "en":
        from .datelines_en import match_dateline

        english = match_dateline(line)
        return english is not None and english.end >= len(line.rstrip(". "))
    match = DATELINE_RE.match(line)
    return match is not None and match.end() >= len(line.rstrip(". "))


def _language_run(line: str, language: str, in_foreign: bool, is_heading: bool) -> bool:
    """Whether this line belongs to a stretch in another language than the release's.

    Prose long enough to tell (or a heading of a few words) decides; a short line (a bullet,
    "Inhance efficiency of public action ;") belongs to the stretch it stands in."""
    if len(line.split()) < (_FOREIGN_MIN_HEADING_WORDS if is_heading else _FOREIGN_MIN_WORDS):
        return in_foreign
    from .language import detect_language

    detected, confidence = detect_language(line)
    if detected == "unknown":
        return in_foreign
    return detected != language and confidence >= 0.75


def _take_dateline(doc: Structure, line: str) -> str:
    """Cut a leading dateline off the line and keep it as metadata; return the rest."""
    if FURNITURE_LANGUAGE.get() == "en":
        return _take_english_dateline(doc, line)
    match = DATELINE_RE.match(line)
    if not match:
        return _take_place_only_dateline(doc, line)
    date_text = match.group("date") or match.group("date2") or ""
    date_match = DATE_RE.search(date_text)
    iso = to_iso(date_match) if date_match else None
    place = match.group("place")
    last_place = place.split(",")[-1] if place else ""  # "Bordeaux, Marseille, … Rennes le 18 janvier 2013 –"
    if place and max(len(part.split()) for part in place.split(",")) > 5:
        return line
    if place and not re.search(r"[,(–—-]", line[match.end("place"):match.start("date")]):
        # "Paris le 10 octobre 2006 –": no comma after the place, so a short place and a dash after the
        # date; "Le maire a annoncé le 3 mars –" and "Depuis le 1er avril, Mathias…" are sentences
        if len(last_place.split()) > 3 or not re.match(r"\s*[-–—:]", line[match.end("date"):]):
            return line
    doc.dateline = Dateline(
        text=match.group().strip(" -–—:|/,"),
        place=place.strip() if place else None,
        date=date_match.group() if date_match else date_text.strip() or None,
        iso=iso,
    )
    doc.set_aside(("dateline", doc.dateline.text))
    return line[match.end():].strip()


def _take_place_only_dateline(doc: Structure, line: str) -> str:
    """"DEDHAM, MA - Le Projet Tor a publié…": the place of a dateline without date; a release date
    stated elsewhere (metadata, a date line above) stays the date."""
    match = _PLACE_ONLY_DATELINE_RE.match(line)
    if not match or len(line) - match.end() < 40:
        return line  # "PARIS - Lyon" or a heading in capitals: not the start of a paragraph
    place = match.group("place").title() if len(match.group("place")) > 3 else match.group("place")
    text = match.group().strip(" -–—")
    if doc.dateline is None:
        doc.dateline = Dateline(text=text, place=place, date=None, iso=None)
    doc.set_aside(("dateline", text))
    return line[match.end():].strip()


def _take_english_dateline(doc: Structure, line: str) -> str:
    """The English form of `_take_dateline`: a wire's or newsroom's dateline (see datelines_en)."""
    from .datelines_en import match_dateline

    found = match_dateline(line)
    if found is not None and doc.dateline is not None and found.iso is not None and found.iso == doc.dateline.iso:
        # "EMBARGOED UNTIL … 6 MARCH 2025" above, "Thursday, 6 March 2025 — The Trust …" opening the body: the same date
        doc.dateline = Dateline(text=doc.dateline.text, place=doc.dateline.place or found.place, date=doc.dateline.date, iso=doc.dateline.iso)
        doc.set_aside(("dateline", found.text))
        return line[found.end:].strip()
    if found is None or (doc.dateline is not None and (found.place is None or found.date is not None)):
        return line
    if doc.dateline is not None:  # "January 13, 2014" above, "Cambridge, MA – On Monday, …" opening the body
        doc.dateline = Dateline(text=f"{found.text}, {doc.dateline.text}", place=found.place, date=doc.dateline.date, iso=doc.dateline.iso)
    else:
        doc.dateline = Dateline(text=found.text, place=found.place, date=found.date, iso=found.iso)
    doc.set_aside(("dateline", found.text))
    rest = line[found.end:].strip()
    then = match_dateline(rest) if found.date is None else None
    if then is not None and then.place is None and then.date is not None:  # "San Francisco, CA-- Wednesday, July 6, 2011 -- …"
        doc.dateline = Dateline(text=f"{doc.dateline.text}, {then.text}", place=doc.dateline.place, date=then.date, iso=then.iso)
        doc.set_aside(("dateline", then.text))
        rest = rest[then.end:].strip()
    return rest


def _english_place_slot(doc: Structure) -> bool:
    """English: the first body paragraph may still open with the place of a dateline whose date
    stood alone above ("January 13, 2014" … "Cambridge, MA – On Monday, …")."""
    return (FURNITURE_LANGUAGE.get() == "en" and doc.dateline is not None and doc.dateline.place is None
            and len(doc.body) <= 1)


_KICKER_WORDS = 6


def _kicker_over_dateline(doc: Structure, line: str) -> str:
    """English: a kicker and the dateline under it joined on one line ("FOR IMMEDIATE RELEASE 15 MAY
    2019"): the dateline is kept as the dateline, the kicker as the header."""
    if FURNITURE_LANGUAGE.get() != "en" or doc.dateline is not None:
        return line
    from .datelines_en import match_dateline

    whole = match_dateline(line)  # "Embargoed until 00:01 GMT, Tuesday 5 March 2024": a kicker that dates the release
    if whole is not None and whole.iso and whole.end >= len(line.rstrip(" .")):
        doc.dateline = Dateline(text=whole.text, place=whole.place, date=whole.date, iso=whole.iso)
        return line
    for cut in [m.start() for m in re.finditer(r"\s", line)][:_KICKER_WORDS]:
        head, rest = line[:cut].strip(" :-–—"), line[cut:].strip(" :-–—")
        if rest and furniture_kind(head) == "header" and not re.search(r"\d", head) and _is_dateline_only(rest):
            found = match_dateline(rest)
            if found is not None and (found.iso or found.place):
                doc.dateline = Dateline(text=found.text, place=found.place, date=found.date, iso=found.iso)
                doc.set_aside(("dateline", found.text))
                return head
    return line


def _parse_tail(doc: Structure, tail: list[str]) -> None:
    """Contacts and the "À propos" text from everything after the end of the body."""
    about: list[str] = []
    section = None
    block: list[str] = []
    for line in tail + [""]:
        kind = furniture_kind(line) if line else None
        if kind in ("about", "contact", "end") and is_heading_like(line) and not (EMAIL_RE.search(line) or PHONE_RE.search(line)):
            _add_contact(doc, block)
            block = []
            section = kind
            continue
        if not line:
            _add_contact(doc, block)
            block = []
            continue
        if kind in ("legal", "social", "read_also"):
            doc.removed.append((kind, line))
            continue
        if (section == "about" or _english_boilerplate(section, line)) and not (EMAIL_RE.search(line) or PHONE_RE.search(line)):
            about.append(line)
        else:
            block.append(line)
        doc.removed.append(("about" if section == "about" else "contact", line))
    if about:
        doc.about = " ".join(about)


def _english_boilerplate(section: str | None, line: str) -> bool:
    """English: prose under the end mark ("###" then "Adjunct Action is a project of the Service
    Employees International Union…") is the sender's boilerplate, an "About" without its heading."""
    return FURNITURE_LANGUAGE.get() == "en" and section in (None, "end") and _is_prose(line)


def _add_contact(doc: Structure, lines: list[str]) -> None:
    if not lines:
        return
    if sum(bool(EMAIL_RE.search(line)) for line in lines) > 1:
        for line in lines:  # one contact a line: "Relations presse – Nom – e-mail – téléphone"
            _add_contact(doc, [line])
        return
    joined = " ".join(lines)
    emails = EMAIL_RE.findall(joined)
    phones = PHONE_RE.findall(joined)
    if not emails and not phones:
        return
    labelled = next((m for m in map(_LABELLED_NAME.search, lines) if m), None)  # "… Contact: Jane Roe" over "Press Officer"
    name = labelled.group("name") if labelled else next((ln.strip() for ln in lines if _NAME_LINE.match(ln.strip()) and not EMAIL_RE.search(ln)), None)
    if name is None:
        for part in (p for ln in lines for p in re.split(r"\s+[–—|-]\s+|\s*[,:;]\s+", ln)):
            part = part.strip()
            if _NAME_LINE.match(part) and not furniture_kind(part) and not re.match(r"(?i)(?:relations?|service|direction|contact)", part):
                name = part
                break
    contact = Contact(text=" | ".join(lines), name=name, email=emails[0] if emails else None, phone=phones[0].strip() if phones else None)
    if not any(c.email == contact.email and c.phone == contact.phone for c in doc.contacts):
        doc.contacts.append(contact)
