"""Office documents are zips: one guard against zip bombs for every format that comes as one."""

from __future__ import annotations

import zipfile
from io import BytesIO

from ...errors import InputError

MAX_ENTRIES = 2_000
MAX_UNCOMPRESSED = 100 * 1024 * 1024  # all entries together
MAX_RATIO = 200  # uncompressed / compressed, for entries above 1 MB


def open_guarded_zip(data: bytes, name: str, required: str, kind: str, extension: str) -> zipfile.ZipFile:
    """The archive, once it holds `required` and would not inflate beyond the limits; a clear
    message naming the document `kind` ("a Word (.docx) document") otherwise."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise InputError(f"{name}: damaged zip container ({exc})") from None
    if required not in {entry.filename for entry in entries}:
        raise InputError(f"{name}: a zip archive, not {kind}")
    if len(entries) > MAX_ENTRIES:
        raise InputError(f"{name}: refusing {extension} with {len(entries)} entries (zip bomb?)")
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNCOMPRESSED:
        raise InputError(f"{name}: refusing {extension} that inflates to {total // 2**20} MB (zip bomb?)")
    for entry in entries:
        if entry.file_size > 2**20 and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise InputError(f"{name}: refusing {extension} whose {entry.filename} is compressed "
                             f"{entry.file_size // max(entry.compress_size, 1)}:1 (zip bomb?)")
    return archive
