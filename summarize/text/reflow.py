"""Hard-wrapped text back into paragraphs: a line break inside a sentence is layout, not a boundary.

Plain-text e-mails are wrapped at about 72 columns, text copied from a PDF viewer at the
width of its column. Such text is recognised by its line lengths (most lines that continue
on the next one end close to one width) and re-joined where the break was forced: the next
line's first word would not have fitted, or the next line goes on in lower case after a line
without final punctuation. Breaks that are not forced stay: headings, bullets, the short
lines of a header or an address. Words hyphenated at line ends are mended only where the
joined form is a word.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import cache

from ..resources import stop_words, word_list

MAX_WRAP_WIDTH = 160  # wider lines are paragraphs, not a wrapping width
MIN_WRAPPED_LINES = 4  # lines that end close to the width before text counts as wrapped
SHOUTED_SAMPLE = 200  # characters enough to tell a line in capitals
MAX_ENDED_SHARE = 0.4  # wrapped lines rarely end a sentence; more than this and each line is its own
NEAR_WIDTH = 0.7
FORCED_SHARE = 0.85  # outside wrapped text, a break counts as forced only on a line this close to the width
MIN_LOWER_STARTS = 0.25  # in wrapped prose most lines go on in lower case  # a line this close to the width was probably cut by the wrapper
_BULLET = re.compile(r"^\s*(?:[-–—•●▪◦*‣►✓·]|\d{1,2}[.)])\s+")
_TERMINAL = re.compile(r"[.!?…:;»”\"]$")
_HYPHENATED_END = re.compile(r"([^\W\d_]+)-$")
_FIRST_WORD = re.compile(r"\S+")
_LEADING_WORD = re.compile(r"[^\W\d_]+")


def wrap_width(lines: list[str]) -> int | None:
    """The column the text was wrapped at, or None when its line breaks are not a wrapper's."""
    continued = [len(line.rstrip()) for line, nxt in zip(lines, lines[1:], strict=False) if line.strip() and nxt.strip()]
    if len(continued) < MIN_WRAPPED_LINES:
        return None
    ordered = sorted(continued)
    width = ordered[math.ceil(0.95 * len(ordered)) - 1]  # a wrapper's width: what nearly every line stays within
    if width > MAX_WRAP_WIDTH or width < 30:
        return None
    near = sum(NEAR_WIDTH * width <= n <= width for n in continued)
    pairs = [(line, nxt.strip()) for line, nxt in zip(lines, lines[1:], strict=False) if line.strip() and nxt.strip()]
    lower_starts = sum(nxt[:1].islower() for _, nxt in pairs)
    if lower_starts < MIN_LOWER_STARTS * len(continued):
        return None  # no sentence goes on to the next line: line breaks are the author's
    ended = sum(bool(_TERMINAL.search(line.rstrip())) for line, nxt in zip(lines, lines[1:], strict=False) if line.strip() and nxt.strip())
    if ended > MAX_ENDED_SHARE * len(continued):
        return None  # one sentence a line (a list, a poem), not a wrapped paragraph
    return width if near >= MIN_WRAPPED_LINES and near >= 0.6 * len(continued) else None


def reflow(text: str) -> str:
    """The text with wrapped paragraphs joined into one line each; unchanged when not wrapped."""
    lines = text.split("\n")
    if _LONE_FIGURE.search(text):
        lines = _with_inline_figures(lines)
        text = "\n".join(lines)
    width = wrap_width(lines)
    continues = _continues
    if width is None:
        width, continues = _usual_width(lines), _runs_on
        if width is None:
            return text
    words = document_words(text)
    paragraphs: list[list[str]] = []  # the physical lines of each output line
    for line in lines:
        stripped = line.strip()
        current = paragraphs[-1] if paragraphs else None
        if current and current[-1] and stripped and continues(current[-1], stripped, width, len(current) > 1):
            current[-1:] = join_parts(current[-1], stripped, words)
        else:
            paragraphs.append([stripped])
    return "\n".join("".join(parts) for parts in paragraphs)


def _continues(last_line: str, line: str, width: int, inside: bool = False) -> bool:
    """Whether `line` goes on the paragraph whose last physical line is `last_line`."""
    if _BULLET.match(line) or is_shouted(line) != is_shouted(last_line):
        return False  # a bullet, or a section head next to body text
    first_word = _FIRST_WORD.match(line)
    forced = len(last_line) + 1 + len(first_word.group() if first_word else "") > width
    return forced or (line[:1].islower() and not _TERMINAL.search(last_line))


_FIGURE = r"[$€£]?\d[\d,.\s]{0,12}%?"  # "100", "$130,000", "1 200", "30 %"
_LONE_FIGURE = re.compile(rf"\n{_FIGURE}\n")  # cheap test first: most texts hold no figure on a line of its own
_FIGURE_LINE = re.compile(_FIGURE)


def _with_inline_figures(lines: list[str]) -> list[str]:
    """A page saved as text whose figures were set apart by their markup ("As part of the blitz, more than" /
    "100" / "law enforcement agencies across" / "28" / "states conducted …"): a line that is only a figure,
    between a line that has not ended and one that goes on in lower case, is one sentence with them again."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        if (out and out[-1] and index + 1 < len(lines) and _FIGURE_LINE.fullmatch(line)
                and not _TERMINAL.search(out[-1].rstrip()) and lines[index + 1].strip()[:1].islower()):
            out[-1] = f"{out[-1].rstrip()} {line} {lines[index + 1].strip()}"
            index += 2
            continue
        out.append(lines[index])
        index += 1
    return out


def _usual_width(lines: list[str]) -> int | None:
    """The width nearly every line stays within, where line breaks are not all a wrapper's (a text layer
    pasted from a PDF: a header block, wrapped prose, a list); None for text whose paragraphs are lines."""
    pairs = [(line.rstrip(), nxt.strip()) for line, nxt in zip(lines, lines[1:], strict=False) if line.strip() and nxt.strip()]
    if len(pairs) < MIN_WRAPPED_LINES:
        return None
    continued = sorted(len(line) for line, _ in pairs)
    width = continued[math.ceil(0.95 * len(continued)) - 1]
    if not 30 <= width <= MAX_WRAP_WIDTH:
        return None
    wrapped = sum(len(line) >= NEAR_WIDTH * width and not _TERMINAL.search(line) and nxt[:1].islower() and " " in nxt
                  for line, nxt in pairs)  # a sentence that goes on in lower case on the next line (not an e-mail address)
    return width if wrapped >= MIN_WRAPPED_LINES else None


def _runs_on(last_line: str, line: str, width: int, inside: bool = False) -> bool:
    """Outside wrapped text, only a break no author makes is joined: a long line without final punctuation
    that ends on a word no phrase ends with ("… pardoned by the Governor of Texas or the" / "President …") or
    on a comma, whose sentence goes on in lower case, or whose next word would not have fitted on it (but a
    headline in title case goes on only in title case, unless the line is already inside a paragraph: `inside`)."""
    if len(last_line) < NEAR_WIDTH * width or _TERMINAL.search(last_line) or _BULLET.match(line) or " " not in line.strip():
        return False  # nor a line of one word: an e-mail address, a URL, a number
    if is_shouted(line) != is_shouted(last_line):
        return False
    last_word = last_line.rsplit(None, 1)[-1].lower()
    first_word = _FIRST_WORD.match(line)
    forced = len(last_line) >= FORCED_SHARE * width and len(last_line) + 1 + len(first_word.group() if first_word else "") > width
    return (line[:1].islower() or last_line.endswith(",") or last_word in word_list("run_on_words.txt")
            or (forced and (inside or not is_title_case(last_line) or is_title_case(line))))


def is_shouted(line: str) -> bool:
    """An upper-case line (a section head of a plain-text e-mail): never part of a paragraph."""
    letters = [ch for ch in line[:SHOUTED_SAMPLE] if ch.isalpha()]
    return len(letters) >= 4 and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)


TITLE_CASE_SHARE = 0.85  # of the words of four letters or more: a headline in title case leaves few in lower case


def is_title_case(text: str) -> bool:
    """"Harbor Robotics Raises $40 Million to Expand Warehouse Automation Platform": every long word
    capitalised, as English headlines and sub-headlines are set; a sentence never is. A brand that
    keeps its own capitals ("openSUSE Leap 42.1 Becomes First Hybrid Distribution") counts as capitalised."""
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[:1].isupper() or not w[1:].islower() for w in words) >= TITLE_CASE_SHARE * len(words)


def unshouted(line: str, text: str, function_words: frozenset[str] = frozenset()) -> str:
    """An upper-case headline in the case its words have in the text ("ARRÊTONS LE MASSACRE DU CŒUR
    DE VILLE DE SÈTE" -> "Arrêtons le massacre du cœur de ville de Sète"): what the grammar reads, as
    capitals set for emphasis would make every word a name. A word the text writes in lower case
    anywhere is lower case; one it only capitalises or writes in capitals (an acronym: "CNIL") keeps
    that form; the rest is lower case."""
    lower: set[str] = set()
    capitalised: dict[str, str] = {}
    for word in _WORD.findall(text):
        if word.islower():
            lower.add(word)
        elif len(word) > 1:
            capitalised.setdefault(word.lower(), word)

    def recase(match: re.Match[str]) -> str:
        key = match.group().lower()
        if key in lower or key in function_words:
            return key
        return capitalised.get(key, key)

    cased = _WORD.sub(recase, line)
    return cased[:1].upper() + cased[1:]


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def grammar_title(title: str, sentences: Sequence[str], language: str) -> str:
    """The headline as the topics and facts stages read it: unshouted when set in capitals."""
    if not is_shouted(title):
        return title
    return unshouted(title, " ".join(sentences[:_CASE_SAMPLE_SENTENCES]), stop_words(language))


_CASE_SAMPLE_SENTENCES = 200


def is_letter_spaced(line: str) -> bool:
    """"C O M M U N I Q U É  D E  P R E S S E": a banner set in spaced capitals."""
    if line[1:2] != " " or len(line) > 300:
        return False  # cheap test first: every line of the document passes here
    tokens = line.split()
    return len(tokens) >= 5 and sum(len(t) == 1 for t in tokens) >= 0.8 * len(tokens)


def document_words(text: str) -> set[str]:
    """Lower-case word forms and hyphenated compounds the document itself writes whole."""
    return {w.lower() for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text)}


def join_lines(current: str, line: str, document: AbstractSet[str] = frozenset()) -> str:
    """Join a wrapped line to its paragraph, mending a word hyphenated by the layout."""
    head, tail = join_parts(current, line, document)
    return head + tail


def join_parts(current: str, line: str, document: AbstractSet[str] = frozenset()) -> tuple[str, str]:
    """(current as it ends the joined text, line as it goes on it): "trans-" + "port" -> ("trans", "port")."""
    hyphen = _HYPHENATED_END.search(current[-60:])
    next_word = _LEADING_WORD.match(line)
    if hyphen and next_word:
        left, right = hyphen.group(1).lower(), next_word.group().lower()
        mended = line[:1].islower() and mend_hyphen(left, right, document)  # "Rueil-" + "Malmaison" keeps its hyphen
        return (current[:-1] if mended else current), line
    return current + " ", line


def mend_hyphen(left: str, right: str, document: AbstractSet[str] = frozenset()) -> bool:
    """True when "left-" + "right" at a line end is one word split by the layout ("trans-port")."""
    if left in hyphen_prefixes() or f"{left}-{right}" in document:
        return False
    joined = left + right
    return joined in document or joined in lexicon()


@cache
def lexicon() -> frozenset[str]:
    return word_list("lexicon_fr.txt")


@cache
def hyphen_prefixes() -> frozenset[str]:
    return word_list("hyphen_prefixes_fr.txt")
