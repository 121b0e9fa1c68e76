"""Read stage: bytes from a file or stdin -> clean Unicode text, with the reader each format needs.

The size limit and the file checks live here; decoding is in ``decoding`` and each format's
reader in ``readers/`` (both below this module, so the imports run one way).
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from .decoding import RawText, decode, normalize_text

__all__ = ["DEFAULT_MAX_SIZE", "RawText", "decode", "normalize_text", "read_bytes", "read_source", "read_text"]

DEFAULT_MAX_SIZE = 20 * 1024 * 1024  # 20 MB: far above any press release, well below trouble


def read_source(source: str, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """Bytes of a path, or of stdin for '-', refusing non-regular files and oversize input."""
    if source == "-":
        return _read_limited(sys.stdin.buffer, max_size, "stdin")
    path = Path(source)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{source}: is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{source}: not a regular file")
    if info.st_size > max_size:
        raise InputError(f"{source}: file too large ({_human(info.st_size)} > {_human(max_size)}; see --max-size)")
    try:
        with open(path, "rb") as handle:
            return _read_limited(handle, max_size, source, info.st_size)
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None


def _read_limited(handle: BinaryIO, max_size: int, name: str, expected: int | None = None) -> bytes:
    """At most max_size + 1 bytes (one more says "too large"). With the size the file had when
    looked at, read that first: a read of max_size + 1 allocates 20 MB for a 3 KB release, which
    showed in batches; a file that grew since is read on, to the same limit."""
    data = handle.read(max_size + 1 if expected is None else min(expected, max_size) + 1)
    if expected is not None and len(data) > expected and len(data) <= max_size:
        data += handle.read(max_size + 1 - len(data))
    if len(data) > max_size:
        raise InputError(f"{name}: input too large (> {_human(max_size)}; see --max-size)")
    return data


def _human(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} B"


def read_text(source: str, max_size: int = DEFAULT_MAX_SIZE) -> RawText:
    """Read and decode one input (path or '-') with the format reader its content needs."""
    data = read_source(source, max_size)
    name = "stdin" if source == "-" else source
    return read_bytes(data, name)


def read_bytes(data: bytes, name: str) -> RawText:
    """Decode bytes with the reader their format needs (plain text, HTML, PDF, DOCX, e-mail, Markdown)."""
    from .readers import read_bytes as read_with_reader

    return read_with_reader(data, name)
