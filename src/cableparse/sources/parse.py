"""Documents from bytes and files: decoding, container metadata, container defects."""

from __future__ import annotations

import bz2
import codecs
import csv
import gzip
import io
import lzma
import os
import zlib
from collections.abc import Iterable, Sequence
from typing import TypeVar

import attrs

from ..defects import Defect, DefectCode
from ..model import Document, Page
from ..parse import parse, parse_cable, parse_dump
from ..policy import STRICT, DefectSink
from .csv import CsvRow, iter_csv_rows
from .decode import decode
from .dump import read_dump
from .html import read_html
from .sniff import InputKind, sniff

__all__ = ["parse_bytes", "parse_file", "parse_row"]

_HEAD = 4096
_D = TypeVar("_D", bound=Document)
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # the UTF-32 marks start alike


def parse_bytes(
    data: bytes, *, name: str | None = None, strict: bool = False, cable: bool = False
) -> Document:
    """Parse one document given as bytes: plain or Markdown-flavoured text, a Cablegate
    HTML page, or a cables.csv holding one row.

    ``name`` (a file name) helps tell the kind; the content decides when it is absent.
    The bytes may be UTF-8 (with or without BOM), UTF-16 with BOM, or cp1252 (recorded as
    an ``encoding-fallback`` defect); line ends may be LF, CRLF or CR.  ``cable=True``
    parses the text as a cable whatever it looks like.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        hint = "; for str use cableparse.parse" if isinstance(data, str) else ""
        raise TypeError(f"parse_bytes() takes bytes, not {type(data).__name__}{hint}")
    data = bytes(data)
    if data.startswith(_WIDE_BOMS):
        # UTF-16/32 text: the kind is told, and CSV rows are read, on its UTF-8 form.
        data = codecs.BOM_UTF8 + decode(data).text.encode("utf-8")
    kind = sniff(data[:_HEAD], name)
    if kind is InputKind.COMPRESSED:
        inner = _decompress(data, name)
        if inner is not None:
            if sniff(inner[:_HEAD]) in (InputKind.TAR, InputKind.ZIP):
                return _archive(name, "compressed", strict, cable)
            return parse_bytes(inner, name=name, strict=strict, cable=cable)
    if kind in (InputKind.TAR, InputKind.ZIP):
        return _archive(name, kind.value, strict, cable)
    problems: list[Defect] = []
    if kind is InputKind.CSV:
        try:
            return _single_row(iter_csv_rows(io.BytesIO(data)), name, strict, cable)
        except csv.Error as error:
            # Not CSV after all: the text is still worth reading.
            problems.append(
                Defect(DefectCode.CONTAINER_FIELD_MISSING, f"not a readable cables.csv: {error}")
            )
    decoded = decode(data)
    if decoded.fallback:
        problems.append(_fallback_defect(decoded.encoding))
    if kind is InputKind.HTML:
        page = read_html(decoded.text)
        problems.extend(_missing(page.problems))
        # A Cablegate page holds a cable whatever its text looks like.
        as_cable = cable or page.page is not None
        return _parse(page.text, strict, page.page, as_cable, problems)
    dump = read_dump(decoded.text)
    if dump is not None:
        # The prelude says the file is a cable, body or not.
        _raise_first(strict, problems)
        return _with_problems(parse_dump(dump, strict), problems)
    return _parse(decoded.text, strict, None, cable, problems)


def _decompress(data: bytes, name: str | None) -> bytes | None:
    """A compressed single document, decompressed; ``None`` when it is not one."""
    try:
        if data.startswith(b"\x1f\x8b"):
            inner = gzip.decompress(data)
        elif data.startswith(b"BZh"):
            inner = bz2.decompress(data)
        else:
            inner = lzma.decompress(data)
    except (OSError, EOFError, ValueError, lzma.LZMAError, zlib.error):
        return None
    return inner


def _archive(name: str | None, kind: str, strict: bool, cable: bool) -> Document:
    """An archive holds many documents, not one: an empty document with a defect saying
    so (a ParseError when strict), never a bare exception."""
    return _parse(
        "",
        strict,
        None,
        cable,
        [
            Defect(
                DefectCode.CONTAINER_FIELD_MISSING,
                f"{name or 'the input'} is a {kind} archive, not one document; "
                "read it with cableparse.iter_documents",
            )
        ],
    )


def parse_file(
    path: str | os.PathLike[str], *, strict: bool = False, cable: bool = False
) -> Document:
    """Parse the document in the file at ``path`` (see :func:`parse_bytes`).

    A cables.csv file must hold exactly one row here; read bigger ones with
    :func:`cableparse.iter_documents`, which streams them.
    """
    name = os.fspath(path)
    with open(name, "rb") as handle:
        head = handle.read(_HEAD)
        if sniff(head, name) is InputKind.CSV:
            handle.seek(0)
            return _single_row(iter_csv_rows(handle), name, strict, cable)
        data = head + handle.read()
    return parse_bytes(data, name=name, strict=strict, cable=cable)


def parse_row(row: CsvRow, *, strict: bool = False, cable: bool = False) -> Document:
    """Parse one cables.csv row; the row's own columns become the document's ``page``."""
    problems = [_fallback_defect("cp1252")] if row.fallback else []
    problems.extend(_missing(row.problems))
    return _parse(row.text, strict, row.page, cable, problems)


def _parse(
    text: str, strict: bool, page: Page | None, cable: bool, problems: list[Defect]
) -> Document:
    _raise_first(strict, problems)
    if cable:
        document: Document = parse_cable(text, strict=strict, page=page)
    else:
        document = parse(text, strict=strict, page=page)
    return _with_problems(document, problems)


def _raise_first(strict: bool, problems: list[Defect]) -> None:
    if strict and problems:
        # The container's problems come first: strict parsing raises on the first one.
        first = problems[0]
        DefectSink(STRICT).report(first.code, first.message, first.line)


def _with_problems(document: _D, problems: list[Defect]) -> _D:
    if problems:
        document = attrs.evolve(document, defects=tuple(problems) + document.defects)
    return document


def _single_row(rows: Iterable[CsvRow], name: str | None, strict: bool, cable: bool) -> Document:
    iterator = iter(rows)
    first = next(iterator, None)
    if first is None:
        return parse("", strict=strict)
    extra = sum(1 for _ in iterator)
    if extra:
        # One document was asked for; the other rows are named, not parsed, and a
        # lenient parse must not raise.
        message = (
            f"{name or 'the input'} holds {extra + 1} cables.csv rows; only the first is "
            "parsed here (cableparse.iter_documents reads them one by one)"
        )
        if strict:
            DefectSink(STRICT).report(DefectCode.CONTAINER_FIELD_MISSING, message)
        document = parse_row(first, strict=strict, cable=cable)
        extra_defect = Defect(DefectCode.CONTAINER_FIELD_MISSING, message)
        return attrs.evolve(document, defects=(*document.defects, extra_defect))
    return parse_row(first, strict=strict, cable=cable)


def _fallback_defect(encoding: str) -> Defect:
    return Defect(
        DefectCode.ENCODING_FALLBACK,
        f"the input is not valid UTF-8 and has no byte order mark; read as {encoding}",
    )


def _missing(problems: Sequence[str]) -> list[Defect]:
    return [Defect(DefectCode.CONTAINER_FIELD_MISSING, problem) for problem in problems]
