"""Decoding: bytes -> clean Unicode text, refusing what is not text.

Decoding is charset-normalizer's job (UTF-8 with or without BOM, UTF-16/32 with BOM,
cp1252/latin-1 and the rest); here we only add the binary check and the normalisations a
press release needs (line ends, invisible characters, compatibility ligatures, mojibake).
The lowest module of the read stage: the format readers and ``reading`` both build on it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..errors import InputError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

# Magic numbers of formats that are certainly not plain text.
_BINARY_MAGIC = (
    b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x7fELF", b"MZ",
    b"\xd0\xcf\x11\xe0", b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"OggS",
    b"ID3", b"RIFF", b"\x00\x00\x01\x00", b"wOFF", b"SQLite format 3",
)

# Invisible or layout-only characters removed outright.
_INVISIBLE_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff\x00"
_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARS), None)
_LONE_SOFT_HYPHEN = re.compile(r"(?<= )\u00ad+(?= )")
HAS_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")  # str.translate looks up every character: only when needed
# Typographic ligatures of PDF text layers (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ, ﬅ, ﬆ) become their letters (their NFKC form).
# The hyphens U+2010 and U+2011 of some PDF fonts become "-", the hyphen every word rule reads ("Jean‐Pierre").
# The bullets of the Symbol and Wingdings fonts sit in the private-use area ("\uf0b7"): text copied from a PDF
# or a Word file keeps them, and they are the list's bullets.
SYMBOL_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "•", "\uf076": "•", "\uf0fc": "✓", "\uf0e8": "→", "\uf0e0": "→"}
LIGATURES = ({code: unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)} | {0x2010: "-", 0x2011: "-"}
             | {ord(symbol): bullet for symbol, bullet in SYMBOL_BULLETS.items()})
HAS_LIGATURE = re.compile("[\ufb00-\ufb06\u2010\u2011" + "".join(SYMBOL_BULLETS) + "]")


def fold_ligatures(text: str) -> str:
    """"ﬁ" -> "fi" and the other Latin ligatures, "‐" -> "-" (cheap when there are none)."""
    return text.translate(LIGATURES) if HAS_LIGATURE.search(text) else text
# Spaces of every kind become a plain space (NBSP before « ; : ! ? in French typography).
_SPACES = re.compile(r"[\u00a0\u202f\u2007\u2009\u200a\u2002-\u2006\u3000\t\f\v]")
_MOJIBAKE = re.compile(r"Ã[\u0080-\u00bf©¨ª«®´§¢¹¼½¾]|â€[™œ¦”“˜\u009d]|Â[\u00a0«»°]")
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")


@dataclass
class RawText:
    """Decoded text of one input plus what the reader learnt about it."""

    text: str
    encoding: str
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    attachments: list[tuple[str, RawText | str]] = field(default_factory=list)  # (name, text or error message)
    headline: str | None = None  # the release's headline where the format marks it (front matter, <h1>, title style, title block)


def decode(data: bytes, name: str = "input") -> RawText:
    """Decode bytes to normalised text, or raise InputError for binary or letterless data."""
    if not data.strip():
        raise InputError(f"{name}: empty input")
    encoding = _bom_encoding(data)
    if encoding is None:
        if data.startswith(_BINARY_MAGIC):
            raise InputError(f"{name}: binary file, not text")
        head = data[:8192]
        if b"\x00" in head:
            encoding = _utf16_without_bom(head)
            if encoding is None:
                if head.count(b"\x00") > max(4, len(head) // 100):
                    raise InputError(f"{name}: binary file, not text")
                data = data.replace(b"\x00", b"")  # a few stray NUL bytes in a text file
        encoding = encoding or _detect_encoding(data, name)
    warnings = []
    try:
        if encoding == _UTF8_REPAIRED:
            text = data.decode("utf-8", "replace")
            warnings.append(f"{text.count(chr(0xFFFD))} invalid UTF-8 byte sequence(s) replaced by �")
            encoding = "utf-8"
        else:
            text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"{name}: cannot decode the text (unknown encoding)") from None
    if len(_CONTROL.findall(text[:20000])) > max(8, len(text[:20000]) // 50):
        raise InputError(f"{name}: binary file, not text")
    text = normalize_text(text)
    if not any(ch.isalpha() for ch in text):
        raise InputError(f"{name}: no text (the input contains no letters)")
    return RawText(text=text, encoding=encoding.replace("_", "-").lower(), warnings=warnings)


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 saved without a BOM: Latin text has a NUL in every other byte."""
    even, odd = head[0::2], head[1::2]
    if len(head) < 8:
        return None
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


_UTF8_REPAIRED = "utf-8 with replacements"


def _detect_encoding(data: bytes, name: str) -> str:
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    sample = data[:200_000]
    multibyte = sum(1 for _ in re.finditer(rb"[\xc2-\xf4][\x80-\xbf]", sample))
    invalid = sample.decode("utf-8", "replace").count("\ufffd")
    if multibyte >= 3 * invalid and invalid <= max(3, len(sample) // 1000):
        return _UTF8_REPAIRED  # UTF-8 with a few corrupt bytes: keep it UTF-8, do not re-guess
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise InputError(f"{name}: cannot detect the text encoding (binary data?)")
    # Western European text is overwhelmingly cp1252; prefer it when it decodes cleanly and
    # the detector hesitated between single-byte code pages.
    if best.encoding in {"cp1250", "cp1252", "latin_1", "iso8859_15", "cp1257", "mac_roman", "iso8859_2"}:
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return best.encoding


def normalize_text(text: str) -> str:
    """Line ends, spaces, invisible characters, NFC and mojibake; nothing else changes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    if HAS_INVISIBLE.search(text):
        text = _LONE_SOFT_HYPHEN.sub("–", text).translate(_INVISIBLE)  # one between spaces is a dash the font printed
    text = fold_ligatures(text)
    text = _SPACES.sub(" ", text)
    if _MOJIBAKE.search(text):
        text = _repair_mojibake(text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _CONTROL.sub("", text)


def _repair_mojibake(text: str) -> str:
    """UTF-8 read as cp1252 ("Ã©" for "é"); ftfy knows every variant, so it does the work."""
    import ftfy

    return ftfy.fix_encoding(text)
