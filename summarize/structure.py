"""Clean/structure stage: a press release's furniture, title, dateline, headings and contacts.

Furniture patterns live in ``data/furniture_fr.txt``. Everything that is not body text is
either kept as metadata (header, title, dateline, contacts, "À propos") or recorded in
``removed`` so that ``--explain`` can show what was left out and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import DATE_PATTERN, DATE_RE, to_iso
from .resources import furniture_patterns

# Bounded parts (RFC 5321 lengths) keep every search linear on long runs of word characters.
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
PHONE_RE = re.compile(r"(?:\+\d{1,3}[\s.]?(?:\(0\)\s?)?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b|\+\d{1,3}(?:[\s.-]?\d{2,4}){3,5}\b")
URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
BULLET_RE = re.compile(r"^(?:[-–—•●▪◦*‣►✓·]|\d{1,2}[.)]|[a-z][)])\s+")
_TERMINAL_END = re.compile(r"[.!?…»\"”;,]$")
# "Rabat, le 20 janvier 2025 –", "PARIS (3 mars 2025) -", "Lyon, 12/03/2025 :", "Paris, le 3 mars –"
_DATE_ANON = re.sub(r"\(\?P<\w+>", "(?:", DATE_PATTERN)
# One parse per string (hyphens only inside a word, a bounded number of words): no backtracking blow-up on "a-a-a-…".
_PLACE_WORD = r"[A-ZÀ-Ý][\w'’.]*(?:-[\w'’.]+)*"
_PLACE = rf"(?P<place>{_PLACE_WORD}(?: (?:{_PLACE_WORD}|sur|en|les|de|du|la|le|d'\w+)){{0,6}})"
DATELINE_RE = re.compile(
    r"^(?:" + _PLACE + r"\s*(?:,\s*|\(\s*)(?:le\s+)?(?P<date>" + _DATE_ANON + r")\s*\)?"
    r"|(?P<date2>(?:le\s+)?(?:" + _DATE_ANON + r")))"
    r"\s*(?:[-–—:|/]+\s*|,\s+(?=[A-ZÀ-Ý«\"])|$)",
    re.IGNORECASE,
)
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


def is_heading_like(line: str) -> bool:
    """A short line without final punctuation: a title or sub-heading, not a sentence."""
    words = line.split()
    if not words or len(words) > 16 or len(line) > 140:
        return False
    if line.endswith(":"):
        return len(words) <= 8
    return not _TERMINAL_END.search(line)


_LONGEST_CONTACT_LINE = 300


def is_contact_only(line: str) -> bool:
    """A line that is only e-mails, phone numbers, URLs and their labels."""
    if len(line) > _LONGEST_CONTACT_LINE:
        return False  # a paragraph of prose: skip three substitutions over it
    rest = EMAIL_RE.sub(" ", URL_RE.sub(" ", PHONE_RE.sub(" ", line)))
    rest = re.sub(r"(?i)\b(?:t[ée]l(?:[ée]phone)?|mob(?:ile)?|port(?:able)?|fax|e-?mail|courriel|mail|site|web|tel)\b\.?", " ", rest)
    return rest != line and not re.search(r"[^\W\d_]{2,}", rest.replace("/", " "))


def parse_structure(text: str) -> Structure:
    """Split a release into metadata, furniture and body paragraphs (one per non-empty line)."""
    doc = Structure()
    tail: list[str] = []
    in_tail = False
    for raw_line in text.split("\n"):
        line = raw_line.strip()
        if in_tail:
            tail.append(line)
            continue
        if not line:
            continue
        kind = furniture_kind(line)
        started = bool(doc.paragraphs)
        if kind == "end" or (kind in ("about", "contact") and is_heading_like(line)):
            in_tail = True
            tail.append(line)
            doc.removed.append((kind, line))
            continue
        if kind == "header" and not started and len(line) < 90:
            doc.header = doc.header or line
            doc.removed.append((kind, line))
            continue
        if kind in ("read_also", "legal", "social") or (kind == "header" and len(line) < 90):
            doc.removed.append((kind, line))
            continue
        if is_contact_only(line) or URL_RE.fullmatch(line):
            doc.removed.append(("contact", line))
            _add_contact(doc, [line])
            continue
        if not started and doc.dateline is None:
            line = _take_dateline(doc, line)
            if not line:
                continue
        if not started and doc.title is None and is_heading_like(line) and not line.endswith(":"):
            doc.title = line
            continue
        bullet = BULLET_RE.match(line)
        if bullet and len(line) > bullet.end():
            doc.paragraphs.append(Paragraph(line[bullet.end():].strip(), "bullet"))
        elif is_heading_like(line):
            doc.paragraphs.append(Paragraph(line, "heading"))
        else:
            doc.paragraphs.append(Paragraph(line, "text"))
    _parse_tail(doc, tail)
    return doc


def _take_dateline(doc: Structure, line: str) -> str:
    """Cut a leading dateline off the line and keep it as metadata; return the rest."""
    match = DATELINE_RE.match(line)
    if not match:
        return line
    date_text = match.group("date") or match.group("date2") or ""
    date_match = DATE_RE.search(date_text)
    iso = to_iso(date_match) if date_match else None
    place = match.group("place")
    if place and len(place.split()) > 5:
        return line
    doc.dateline = Dateline(
        text=match.group().strip(" -–—:|/,"),
        place=place.strip() if place else None,
        date=date_match.group() if date_match else date_text.strip() or None,
        iso=iso,
    )
    doc.removed.append(("dateline", doc.dateline.text))
    return line[match.end():].strip()


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
        if section == "about" and not (EMAIL_RE.search(line) or PHONE_RE.search(line)):
            about.append(line)
        else:
            block.append(line)
        doc.removed.append(("about" if section == "about" else "contact", line))
    if about:
        doc.about = " ".join(about)


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
    name = next((ln.strip() for ln in lines if _NAME_LINE.match(ln.strip()) and not EMAIL_RE.search(ln)), None)
    if name is None:
        for part in (p for ln in lines for p in re.split(r"\s+[–—|-]\s+|\s*[,:;]\s+", ln)):
            part = part.strip()
            if _NAME_LINE.match(part) and not furniture_kind(part) and not re.match(r"(?i)(?:relations?|service|direction|contact)", part):
                name = part
                break
    contact = Contact(text=" | ".join(lines), name=name, email=emails[0] if emails else None, phone=phones[0].strip() if phones else None)
    if not any(c.email == contact.email and c.phone == contact.phone for c in doc.contacts):
        doc.contacts.append(contact)
