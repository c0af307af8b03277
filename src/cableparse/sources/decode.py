"""Bytes to text: the encodings cables were published in, and never a UnicodeDecodeError."""

from __future__ import annotations

import codecs

import attrs

__all__ = ["Decoded", "decode"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _latin1_for_undefined(error: UnicodeError) -> tuple[str, int]:
    # cp1252 leaves five bytes undefined; reading them as Latin-1 keeps one character per
    # byte, so a stray byte never costs the rest of the line.
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("cableparse-latin1", _latin1_for_undefined)


@attrs.frozen(slots=True)
class Decoded:
    """Decoded text with LF line ends, and how it was decoded."""

    text: str
    encoding: str
    #: True when the bytes were not valid in any declared or default encoding and a
    #: fallback (cp1252) was used.
    fallback: bool = False


def decode(data: bytes) -> Decoded:
    """Decode ``data``: UTF-8 (with or without BOM), UTF-16/32 with BOM, else cp1252.

    CRLF and lone CR line ends become LF.  The result is always text.
    """
    encoding, text, fallback = _decode(data)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, encoding, fallback)


def _decode(data: bytes) -> tuple[str, str, bool]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return encoding, body.decode(encoding), False
            except UnicodeDecodeError:
                # A mark that lies about the encoding (or a truncated file) still gives text.
                return encoding, body.decode(encoding, errors="replace"), True
    try:
        return "utf-8", data.decode("utf-8"), False
    except UnicodeDecodeError:
        return "cp1252", data.decode("cp1252", errors="cableparse-latin1"), True
