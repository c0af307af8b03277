"""Per-cable text dumps with a five-line prelude (the layout of the alx/cablegate files).

Such a file opens with the reference id, the subject, the creation date in Ruby's
``Time#to_s`` form (``Mon Aug 13 00:00:00 +0100 1979``), the classification and the
origin, followed by the text of the page's ``<pre>`` blocks joined without a separator,
which glues the classification line onto the last header line
(``TO SECSTATE WASHDC 3182C O N F I D E N T I A L SECTION 01 OF 02 TEHRAN 08980``); the
cable parser splits such a line where the body starts (cable.py), keeping its number.

Files written after the full release hold a record of the cable under that text, which
is then a preview cut off after a few lines: the record's fields one a line (``id:``,
``date:``, ``refid:``, ``origin:``, ``classification:``, ``destination:``, ``header:``),
the routing header, a ``header ends`` rule, the whole text and a ``CABLE ENDS`` rule.
The record is the cable; the preview, the field lines and the rules are kept as markers.
A record may also stand alone, without prelude.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

import attrs

from ..model import Page, UnparsedLine
from ..vocab import MONTHS
from .csv import parse_csv_datetime

__all__ = ["DumpDocument", "read_dump"]

_REFERENCE_ID = re.compile(r"\d{2}[A-Z][A-Z0-9]{1,24}\d{1,7}$")
_RUBY_TIME = re.compile(
    r"[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d\d):(\d\d):(\d\d) [+-]\d{4} (\d{4})$"
)


@attrs.frozen(slots=True)
class DumpDocument:
    page: Page
    #: The cable text after the prelude, the prelude's lines left blank: a line of the
    #: text is the line of the file with the same number.
    text: str
    #: The lines of the container left blank in ``text`` besides the prelude (a record's
    #: preview, field lines and rules), for the document's markers.
    markers: tuple[UnparsedLine, ...] = ()


def read_dump(text: str) -> DumpDocument | None:
    """The prelude (or a record) as a page and the cable text, or None when ``text`` has
    neither."""
    if text.startswith("id:"):
        return _read_record(text.split("\n"), 0, Page())
    lines = text.split("\n", 5)
    if len(lines) < 5 or not _REFERENCE_ID.match(lines[0].strip()):
        return None
    when = _RUBY_TIME.match(lines[2].strip())
    if when is None:
        return None
    month, day, hour, minute, second, year = when.groups()
    try:
        # The offset is the zone of the machine that wrote the file; the cable's own
        # date is the wall-clock date, so it is kept as it reads.
        created = dt.datetime(
            int(year),
            MONTHS[month.upper()],
            int(day),
            int(hour),
            int(minute),
            int(second),
            tzinfo=dt.timezone.utc,
        )
    except (KeyError, ValueError):
        created = None
    page = Page(
        reference_id=lines[0].strip(),
        created=created,
        classification=lines[3].strip() or None,
        origin=lines[4].strip() or None,
    )
    rest = lines[5] if len(lines) > 5 else ""
    if "\nrefid:" in rest and "header ends" in rest:
        record = _read_record(["", "", "", "", "", *rest.split("\n")], 5, page)
        if record is not None:
            return record
    return DumpDocument(page, "\n" * (len(lines) - 1) + rest)


# The record's field lines (``refid: 93LIMA56``, ``destination:`` empty) and its rules.
_FIELD: Final = re.compile(r"([a-z]+):[ \t]*(.*?)[ \t]*$")
_RECORD_ID: Final = re.compile(r"id:[ \t]*\d+[ \t]*$")
_HEADER_ENDS: Final = re.compile(r"[ \t]*-{3,}[ \t]*header ends[ \t]*-{3,}[ \t]*$")
_CABLE_ENDS: Final = re.compile(r"[ \t]*={3,}[ \t]*CABLE ENDS[ \t]*={3,}[ \t]*$")


def _read_record(lines: list[str], start: int, page: Page) -> DumpDocument | None:
    """The record that opens at or after ``start`` (the lines before ``start`` are the
    prelude, blank in the text), with its fields over those of ``page``; None when
    there is no whole record (an ``id:`` line, field lines up to ``header:``, a
    ``header ends`` rule after them)."""
    opening = next((i for i in range(start, len(lines)) if _RECORD_ID.match(lines[i])), None)
    if opening is None:
        return None
    fields: dict[str, str] = {}
    index = opening
    while index < len(lines):
        field = _FIELD.match(lines[index])
        if field is None:
            return None
        fields[field.group(1)] = field.group(2)
        index += 1
        if field.group(1) == "header":
            break
    header_ends = next((i for i in range(index, len(lines)) if _HEADER_ENDS.match(lines[i])), None)
    if header_ends is None or "header" not in fields or "refid" not in fields:
        return None
    cable_ends = next(
        (i for i in range(header_ends + 1, len(lines)) if _CABLE_ENDS.match(lines[i])), None
    )
    layout = [*range(start, index), header_ends]
    if cable_ends is not None:
        layout.append(cable_ends)
    page = attrs.evolve(
        page,
        reference_id=fields["refid"] or page.reference_id,
        created=parse_csv_datetime(fields.get("date", "")) or page.created,
        classification=fields.get("classification") or page.classification,
        origin=fields.get("origin") or page.origin,
        row_id=fields.get("id") or page.row_id,
    )
    markers = tuple(UnparsedLine(i + 1, lines[i]) for i in layout if lines[i].strip())
    text = list(lines)
    for i in layout:
        text[i] = ""
    return DumpDocument(page, "\n".join(text), markers)
