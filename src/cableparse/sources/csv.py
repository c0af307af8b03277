"""The 2011 ``cables.csv`` dump, read row by row.

No header row; eight columns: row id, ``MM/DD/YYYY HH:MM`` (UTC), reference id, origin,
classification, referenced ids joined by ``|``, header, body.  Every field is double-quoted;
quotes inside fields are backslash-escaped and a backslash stands before each line end inside
a field, so ``csv`` with ``escapechar='\\'`` reads it.  The file is 1.6 GB: rows are decoded
and parsed one at a time from a binary stream, never the whole file.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import BinaryIO

import attrs

from ..model import Page
from .decode import decode

__all__ = [
    "CsvRow",
    "csv_partitions",
    "iter_csv_range",
    "iter_csv_rows",
    "looks_like_cables_csv",
    "parse_csv_datetime",
]

COLUMNS = (
    "row id",
    "date",
    "reference id",
    "origin",
    "classification",
    "references",
    "header",
    "body",
)
_ROW_START = re.compile(rb'"\d+","\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}","')
_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}) (\d{1,2}):(\d{2})")
_TRAILING_BACKSLASH = re.compile(r"[ \t]*\\+$", re.M)
#: The largest cables run to a few hundred kilobytes; the csv module's default limit is
#: 128 KiB per field.
_FIELD_LIMIT = 1 << 28


@attrs.frozen(slots=True)
class CsvRow:
    """One row of cables.csv: the container's metadata as a :class:`Page`, and the text."""

    row_id: str
    page: Page
    header: str
    body: str
    references: tuple[str, ...] = ()
    #: True when a line of the row was not UTF-8 and was read as cp1252.
    fallback: bool = False
    #: What the row lacked or what could not be read.
    problems: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """Header, blank line, body: the layout of a Cablegate page's two blocks."""
        if not self.header.strip():
            return self.body
        return f"{self.header}\n\n{self.body}"


def looks_like_cables_csv(data: bytes) -> bool:
    """True when ``data`` starts like a cables.csv row."""
    return bool(_ROW_START.match(data.lstrip(b"\xef\xbb\xbf \t\r\n")[:200]))


def parse_csv_datetime(value: str) -> dt.datetime | None:
    match = _DATE.fullmatch(value.strip())
    if match is None:
        return None
    month, day, year, hour, minute = (int(g) for g in match.groups())
    try:
        return dt.datetime(year, month, day, hour, minute, tzinfo=dt.timezone.utc)
    except ValueError:
        return None


class _Lines:
    """Decodes a binary stream line by line for ``csv.reader``, noting cp1252 fallbacks.

    Lines end in LF only: a CR (alone or before LF) would make the reader fail on an
    unquoted field, so CRLF becomes LF and a lone CR ends a line.
    """

    def __init__(self, lines: Iterable[bytes]) -> None:
        self._lines = iter(lines)
        self._pending: list[str] = []
        self.fallback = False

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        if self._pending:
            return self._pending.pop()
        line = next(self._lines)
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            self.fallback = True
            text = decode(line).text
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            if text.count("\n") > 1 or not text.endswith("\n"):
                parts = text.splitlines(keepends=True)
                self._pending = parts[:0:-1]
                return parts[0]
        return text


def iter_csv_rows(stream: BinaryIO | Iterable[bytes]) -> Iterator[CsvRow]:
    """Yield the rows of a cables.csv binary stream one at a time.

    Raises ``csv.Error`` where the file is not CSV at all (a field over 256 MB).
    """
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    lines = _Lines(stream)
    reader = csv.reader(lines, escapechar="\\", doublequote=True, strict=False)
    for fields in reader:
        if not fields or (len(fields) == 1 and not fields[0].strip()):
            continue
        fallback, lines.fallback = lines.fallback, False
        yield _row(fields, fallback)


def _row(fields: list[str], fallback: bool) -> CsvRow:
    problems: list[str] = []
    if len(fields) != len(COLUMNS):
        problems.append(f"the row has {len(fields)} columns instead of {len(COLUMNS)}")
        if len(fields) > len(COLUMNS):
            # A stray unescaped quote splits the body; its pieces belong together.
            fields = [*fields[:7], ",".join(fields[7:])]
        else:
            fields = fields + [""] * (len(COLUMNS) - len(fields))
    row_id, date, reference_id, origin, classification, references, header, body = (
        field.strip() if index < 6 else _clean(field) for index, field in enumerate(fields)
    )
    created = parse_csv_datetime(date)
    if not date:
        problems.append("the row has no date")
    elif created is None:
        problems.append(f"the row's date {date!r} is not MM/DD/YYYY HH:MM")
    for column, value in (("reference id", reference_id), ("classification", classification)):
        if not value:
            problems.append(f"the row has no {column}")
    page = Page(
        reference_id=reference_id or None,
        created=created,
        classification=classification or None,
        origin=origin or None,
        references=tuple(ref.strip() for ref in references.split("|") if ref.strip()),
        row_id=row_id or None,
    )
    return CsvRow(
        row_id=row_id,
        page=page,
        header=header,
        body=body,
        references=tuple(ref.strip() for ref in references.split("|") if ref.strip()),
        fallback=fallback,
        problems=tuple(problems),
    )


def _clean(field: str) -> str:
    if "\r" in field:
        field = field.replace("\r\n", "\n").replace("\r", "\n")
    # Line-end escapes that the reader did not consume (a doubled backslash) are not text.
    if "\\" in field:
        field = _TRAILING_BACKSLASH.sub("", field)
    return field


def csv_partitions(stream: BinaryIO, parts: int) -> list[tuple[int, int]]:
    """Split a cables.csv file into about ``parts`` byte ranges that each start on a row.

    Rows hold raw line breaks, so a range boundary moves forward to the next line that
    starts like a row (``"123","12/28/1966 18:48","``).  Read each range with
    :func:`iter_csv_range`; together the ranges cover every row once.
    """
    stream.seek(0, 2)
    size = stream.tell()
    parts = max(1, parts)
    starts = [0]
    for index in range(1, parts):
        offset = _next_row_start(stream, size * index // parts)
        if offset is not None and offset > starts[-1]:
            starts.append(offset)
    ends = [*starts[1:], size]
    return list(zip(starts, ends, strict=True))


def _next_row_start(stream: BinaryIO, offset: int) -> int | None:
    stream.seek(offset)
    if offset:
        stream.readline()  # the rest of the line the offset falls in
    while True:
        position = stream.tell()
        line = stream.readline()
        if not line:
            return None
        if _ROW_START.match(line) and not _escaped_line_end(stream, position):
            return position


def _escaped_line_end(stream: BinaryIO, position: int) -> bool:
    # A line inside a field follows a line that ends with the backslash escape.
    if position < 2:
        return False
    here = stream.tell()
    stream.seek(max(0, position - 3))
    before = stream.read(position - max(0, position - 3))
    stream.seek(here)
    return before.rstrip(b"\r\n").endswith(b"\\")


def iter_csv_range(stream: BinaryIO, start: int, end: int) -> Iterator[CsvRow]:
    """The rows of a cables.csv stream that start in the byte range ``[start, end)``."""
    stream.seek(start)
    yield from iter_csv_rows(_lines_until(stream, end))


def _lines_until(stream: BinaryIO, end: int) -> Iterator[bytes]:
    # Ranges from csv_partitions end where the next row starts, so the lines before ``end``
    # hold whole rows.
    while stream.tell() < end:
        line = stream.readline()
        if not line:
            return
        yield line
