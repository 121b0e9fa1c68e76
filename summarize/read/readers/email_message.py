"""E-mail (.eml): the subject as title, the text/plain part (or the HTML part) without quoted
replies or signature, and the attached documents (PDF, DOCX, HTML, text), each summarized
on its own and reported as ``message.eml#attachment.pdf``."""

from __future__ import annotations

import re
from collections.abc import Callable

from ...errors import InputError
from ..decoding import RawText, decode, normalize_text

MAX_ATTACHMENTS = 20
MIN_BODY_WORDS = 25  # "Veuillez trouver ci-joint notre communiqué." is a cover note, not a release
_ATTACHMENT_EXTENSIONS = (".pdf", ".docx", ".odt", ".fodt", ".html", ".htm", ".txt", ".md", ".eml")

# Where the new message ends: a reply header, a forwarded/original block, or the signature.
_REPLY_CUT = re.compile(
    r"^(?:-- ?$|_{5,}\s*$|-{3,}\s*(?:original message|message d'origine|message transféré|forwarded message)"
    r"|le .{5,120}a écrit\s*:\s*$|on .{5,120}wrote\s*:\s*$|de\s*:\s.+\n(?:envoyé|date)\s*:|from\s*:\s.+\n(?:sent|date)\s*:)",
    re.IGNORECASE | re.MULTILINE,
)
_CLOSING = re.compile(r"^(?:bien\s+)?(?:cordialement|bien à vous|salutations|best regards|regards)[ ,.!]*$", re.IGNORECASE)


def read_email(data: bytes, name: str, read_attachment: Callable[[bytes, str], RawText]) -> RawText:
    """`read_attachment` is the format dispatcher, handed in by it: an attachment may be of any
    format, and this module must not import the package that imports it."""
    from email import policy
    from email.parser import BytesParser

    message = BytesParser(policy=policy.default).parsebytes(data)
    subject = " ".join(str(message.get("subject", "") or "").split())
    body = _body_text(message, name)
    metadata = {"format": "email"}
    for key, header in (("title", "subject"), ("from", "from"), ("date", "date")):
        value = message.get(header)
        if value:
            metadata[key] = " ".join(str(value).split())
    attachments = _attachments(message, name, read_attachment)
    text = body
    if len(body.split()) < MIN_BODY_WORDS:
        if not attachments:
            raise InputError(f"{name}: the e-mail has no text to summarize and no readable attachment")
        text = ""  # a cover note: the attachments carry the release
    if subject and text and subject not in text[:400] and not _opens_with_headline(text):
        text = f"{subject}\n\n{text}"
    return RawText(text=normalize_text(text), encoding="utf-8", metadata=metadata, attachments=attachments)


def _opens_with_headline(text: str) -> bool:
    """Whether the body carries its own headline in its first lines (after a greeting and a cover
    note): then the subject ("CP bornes", "Fwd: communiqué") is the mail's label, not the title."""
    from ...text.headline import HEADLINE, headline_verdict
    from ...text.structure import furniture_kind, is_heading_like

    for line in [line.strip() for line in text.split("\n") if line.strip()][:4]:
        if furniture_kind(line):
            continue
        return is_heading_like(line) and len(line.split()) >= 4 and headline_verdict(line) == HEADLINE
    return False


def _body_text(message, name: str) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        # 8-bit text without a declared charset: Python reads it as ASCII and marks every accent as
        # unknown; our decoder guesses the charset from the bytes instead
        content = part.get_content() if part.get_content_charset() else _undeclared(part, name)
    except (LookupError, UnicodeError):  # unknown charset: let our decoder guess
        content = _undeclared(part, name)
    if part.get_content_subtype() == "html":
        from .html_page import html_to_text

        try:
            return html_to_text(content, name).text
        except InputError:
            return ""
    return strip_replies_and_signature(normalize_text(content))


def _undeclared(part, name: str) -> str:
    payload = part.get_payload(decode=True) or b""
    return decode(payload, name).text if payload.strip() else ""


def strip_replies_and_signature(text: str) -> str:
    """The new message only: quoted lines, the quoted thread and the signature removed."""
    cut = _REPLY_CUT.search(text)
    if cut:
        text = text[:cut.start()]
    lines = [line for line in text.split("\n") if not line.lstrip().startswith(">")]
    for index in range(len(lines) - 1, max(len(lines) - 12, -1), -1):
        if _CLOSING.match(lines[index].strip()):
            lines = lines[:index]  # "Cordialement," and the name and phone after it
            break
    return "\n".join(lines).strip()


def _attachments(message, name: str, read_attachment: Callable[[bytes, str], RawText]) -> list[tuple[str, RawText | str]]:
    out: list[tuple[str, RawText | str]] = []
    for part in message.iter_attachments():
        filename = part.get_filename() or ""
        if not filename.lower().endswith(_ATTACHMENT_EXTENSIONS):
            continue
        if len(out) == MAX_ATTACHMENTS:
            break
        label = f"{name}#{filename}"
        try:
            payload = part.get_payload(decode=True) or b""
            out.append((filename, read_attachment(payload, label)))
        except InputError as exc:
            out.append((filename, str(exc)))
    return out
