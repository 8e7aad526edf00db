"""From a file's bytes to its text, and the content hash that identifies the file.

Decision: UTF-8 (with or without a byte-order mark) is read first; bytes that are not valid
UTF-8 are read as Windows-1252, because that is what Excel on a Danish Windows saves as "CSV
(semikolonsepareret)" and what older billing systems export. Text with æ, ø or å in
Windows-1252 is practically never valid UTF-8, so the fallback does not misread UTF-8 files.
UTF-16 (Excel's "Unicode-tekst") and binary files are refused with a message saying so,
rather than decoded into garbage.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from typing import Final, NoReturn

from heatbill.adapters.formats.problems import FileFormatError, LineProblem
from heatbill.wording import say

UTF8: Final = "utf-8"
UTF8_BOM: Final = "utf-8-sig"
WINDOWS_1252: Final = "cp1252"


def content_sha256(data: bytes) -> str:
    """The hex SHA-256 of the file's bytes exactly as received: the import service refuses a
    file whose hash it has seen before, naming the earlier import."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class DecodedFile:
    text: str
    encoding: str
    """How the bytes were read: "utf-8", "utf-8-sig" (with BOM) or "cp1252"."""
    sha256: str


def decode(data: bytes | str, source: str) -> DecodedFile:
    """The file's text; a `str` is taken as its UTF-8 bytes (hashed as such)."""
    raw = data.encode(UTF8) if isinstance(data, str) else data
    sha256 = content_sha256(raw)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        _refuse(source, say("formats.encoding.utf16"))
    if b"\x00" in raw:
        _refuse(source, say("formats.encoding.binary"))
    if raw.startswith(codecs.BOM_UTF8):
        return DecodedFile(_decode(raw, UTF8_BOM, source), UTF8_BOM, sha256)
    try:
        return DecodedFile(raw.decode(UTF8), UTF8, sha256)
    except UnicodeDecodeError:
        return DecodedFile(_decode(raw, WINDOWS_1252, source), WINDOWS_1252, sha256)


def _decode(raw: bytes, encoding: str, source: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:  # bad UTF-8 after a BOM; cp1252 unassigned bytes
        _refuse(source, say("formats.encoding.unknown", position=error.start + 1))


def _refuse(source: str, message: str) -> NoReturn:
    raise FileFormatError(source, [LineProblem(None, None, message)])
