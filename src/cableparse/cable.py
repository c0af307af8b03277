"""Assemble a :class:`~cableparse.model.Cable` from header, preamble and body."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

import attrs

from .body import parse_body
from .classified_by import read_classified_by
from .defects import DefectCode
from .header import find_header, parse_header
from .layout import RELEASE_STAMP, is_classification_line
from .model import Cable, Classification, ClassifiedBy, Header, Page, Paragraph, UnparsedLine
from .policy import DefectSink, Policy
from .preamble import _CLASSIFIED_BY, Preamble, parse_preamble, read_classification_line
from .references import reference_id, with_citing_year, year_from_declassify
from .text import SourceText
from .transform.preamble import classification_from_letters
from .vocab import station_name_words

__all__ = ["build_cable"]


def build_cable(source: SourceText, policy: Policy, page: Page | None = None) -> Cable:
    lines = source.lines
    sink = DefectSink(policy, lines)
    control = source.control_defect()
    if control is not None:
        sink.report(DefectCode.CONTROL_CHARACTERS, *control)
    if not source.text.strip():
        sink.report(DefectCode.EMPTY_INPUT, "the input holds no text")
        # A page with no text (a catalogue entry) still says what the cable is.
        return Cable(
            reference_id=page.reference_id if page is not None else None,
            classification=_page_classification(page),
            page=page,
            defects=tuple(sink.defects),
        )

    header: Header | None = None
    unparsed: list[UnparsedLine] = []
    begin = 0
    found = find_header(lines)
    glued_head: UnparsedLine | None = None
    if found is None:
        # No header, but its notice (the partial-extract sentence) joined to the
        # classification line: the preamble reads from the classification on, the notice
        # stays a marker of that line.
        index = next((i for i, line in enumerate(lines) if line.strip()), 0)
        column = _glued_body(lines[index])
        if column is not None:
            glued_head = UnparsedLine(index + 1, lines[index][:column])
            lines = _with_line(lines, index, lines[index][column:])
            begin = index
    else:
        first, end = found
        glued = _glued_in_header(lines, first, end)
        if glued is None:
            result = parse_header(lines, first, end, sink)
            begin = result.end
        else:
            # The header's last line and the body's first line (the classification line,
            # a release stamp, a caption) joined into one, by copies that concatenate the
            # header and body blocks: the header reads the line up to the body, the
            # preamble from there, both as that input line.
            index, column = glued
            glued_line = lines[index]
            result = parse_header(
                _with_line(lines, index, glued_line[:column]), first, index + 1, sink
            )
            lines = _with_line(lines, index, glued_line[column:])
            begin = index
        header = result.header
        unparsed.extend(result.unparsed)

    if header is not None:
        _check_julian_day(header, sink)
    year = _year(header, page)
    if year is None:
        year = _stamp_year(source.text)
    preamble = parse_preamble(lines, begin, sink, year)
    if preamble.classification_line is None and header is not None:
        preamble = _classification_from_notes(lines, header, preamble, sink, year)
    unparsed.extend(preamble.unparsed)
    if preamble.body_column:
        # Paragraph 1 run on after the Classified By: the body reads that line from there.
        run_on = lines[preamble.end]
        lines = _with_line(lines, preamble.end, run_on[preamble.body_column :])
    body = parse_body(lines, preamble.end, sink, source.only_spaces, preamble.subject)

    paragraphs = body.paragraphs
    classified_by = preamble.classified_by
    if classified_by is None:
        classified_by = _classified_by_in_paragraph(paragraphs, sink)

    line = preamble.classification_line
    classification = line.classification if line else None
    if classification is None and header is not None and header.security is not None:
        classification = header.security.classification
    if classification is None:
        classification = _page_classification(page)
    if (
        line is not None
        and line.classification is not None
        and header is not None
        and header.security is not None
        and header.security.classification is not None
        and header.security.classification is not line.classification
        and header.security.classification is not Classification.UNCLASSIFIED
    ):
        sink.report(
            DefectCode.CLASSIFICATION_MISMATCH,
            f"classification line says {line.classification.value}, security line says "
            f"{header.security.classification.value}",
        )

    if preamble.subject is None and line is not None:
        sink.report(DefectCode.SUBJECT_MISSING, "the cable has no SUBJECT line")

    origin = line.origin if line else None
    serial = line.serial if line else None
    references = preamble.references
    if (
        year is None
        and preamble.declassify is not None
        and preamble.declassify.date is not None
        and not preamble.declassify.text.upper().startswith("DECLASSIFIED")
    ):
        # Declassification dates were usually set ten years after the cable was written;
        # the date of a release (``DECLASSIFIED BY NARA 09/02/2009``) says nothing of it.
        year = year_from_declassify(preamble.declassify.date.year, preamble.executive_order)
        if origin and serial is not None:
            sink.report(
                DefectCode.REFERENCE_ID_YEAR_GUESSED,
                "no date-time group: the year of the reference id comes from the DECL date",
            )
        # REF items that name no year cite cables of the year the reference id takes.
        references = tuple(with_citing_year(references, year))
    reference_id = _reference_id(origin, serial, year, header, page, sink)

    return Cable(
        reference_id=reference_id,
        classification=classification,
        origin=origin,
        serial=serial,
        section=line.section if line else None,
        header=header,
        captions=preamble.captions,
        distribution=preamble.distribution,
        executive_order=preamble.executive_order,
        declassify=preamble.declassify,
        tags=preamble.tags,
        subject=preamble.subject,
        references=references,
        classified_by=classified_by,
        paragraphs=paragraphs,
        text_blocks=body.text_blocks,
        summary=body.summary,
        comments=body.comments,
        signature=body.signature,
        redactions=body.redactions,
        page=page,
        markers=((glued_head,) if glued_head else ()) + preamble.markers + body.markers,
        unparsed=tuple(sorted(unparsed, key=lambda u: u.line)),
        defects=tuple(sink.defects),
        spans=preamble.spans + body.spans,
    )


# Where a classification line may start inside a line: its first word, spaced or not,
# in capitals or spaced in title case (``S e c r e t state 068250``).
_CLASSIFICATION_INSIDE: Final = re.compile(
    r"(?<=\S)(?=C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|S ?E ?C ?R ?E ?T|U ?N ?C ?L ?A ?S"
    r"|T ?O ?P +S ?E ?C ?R ?E ?T|L ?I ?M ?I ?T ?E ?D +O ?F ?F ?I ?C ?I ?A ?L"
    r"|C o n f i d e n t i a l|S e c r e t|U n c l a s|T o p +s e c r e t)"
)
# What opens a body that has no classification line on top, glued onto the end of the
# line above: a caption (``... PRIORITYSIPDIS``), the ID label of a release's metadata
# block (``... PRIORITYID: 190648``).
_GLUED_OPENING: Final = re.compile(r"(?<=[A-Z0-9/])(?:SIPDIS|NOFORN|NODIS|EXDIS|LIMDIS|ID: \d+) *$")
_OPENING_ENDS: Final = ("SIPDIS", "NOFORN", "NODIS", "EXDIS", "LIMDIS")
# Words that end an addressee line: a precedence, a serial, a place (see _ends_address).
# The station table writes Washington out; addressee lines mostly abbreviate it.
_ADDRESS_ENDS: Final = frozenset({"FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE", "WASHDC"})


def _glued_body(line: str) -> int | None:
    """The column where the first line of a body, a whole classification line (with its
    post and serial), a release stamp or an opening caption, starts inside ``line``,
    glued onto what stands before it; None if there is none."""
    if len(line) < 20:  # no room for both
        return None
    stamp = _release_stamp(line, 1)
    if stamp is not None and not line[stamp.start() - 1].isspace():
        return stamp.start()
    if line.rstrip().endswith(_OPENING_ENDS) or "ID: " in line:
        opening = _GLUED_OPENING.search(line, _SHORTEST_HEAD)
        if opening is not None:
            return opening.start()
    # Each classification word holds one of these, spaced or not; most lines hold none.
    if not (
        "ONF" in line
        or "ECR" in line
        or "NCL" in line
        or "IMI" in line
        or "O N F" in line
        or "E C R" in line
        or "N C L" in line
        or "I M I" in line
        or "o n f" in line
        or "e c r" in line
        or "n c l" in line
    ):
        return None
    if is_classification_line(line):
        return None  # the line is a classification line itself (TOPSECRET BEIJING 000001)
    for candidate in _CLASSIFICATION_INSIDE.finditer(line, _SHORTEST_HEAD):
        # A letter or two before the word is a damaged word (``CSE C R E T``), no line.
        tail = line[candidate.start() :]
        if not is_classification_line(tail):
            continue
        read = read_classification_line(tail.strip())
        if read is not None and read.origin and read.serial is not None:
            column = candidate.start()
            # Releases print some bodies with the first letter doubled (``SS E C R E T``):
            # the letter before the word is the body's where the line reads as an address
            # without it and not with it (``PRIORITYSS E C R E T``, ``PARISS E C R E T``).
            if (
                line[column - 1] == line[column]
                and _ends_address(line[: column - 1])
                and not _ends_address(line[:column])
            ):
                return column - 1
            return column
    return None


def _ends_address(head: str) -> bool:
    """Whether ``head`` ends as an addressee line does: on a precedence word, a serial or
    the last word of a station's name (``WASHDC``, ``PESHAWAR``)."""
    words = head.replace("/", " ").split()
    if not words:
        return False
    last = words[-1]
    return last in _ADDRESS_ENDS or last.isdigit() or last in station_name_words()


def _glued_in_header(lines: tuple[str, ...], first: int, end: int) -> tuple[int, int] | None:
    """The line and column of a body line glued onto a line of the header found at
    [first, end); None if there is none.  Most often it is the header's last line; where
    the body does not open with a classification line, the glued line may have taken
    the body's next lines into the header as addressees (``CORRECTED COPY -TEXT``), so
    the lines of the last addressee block are all looked at."""
    last = end - 1
    while last > first and not lines[last].strip():
        last -= 1
    if last == end - 1:  # no blank line between the header and what follows it
        column = _glued_body(lines[last])
        if column is not None:
            return last, column
        last -= 1
    following = end
    while following < len(lines) and not lines[following].strip():
        following += 1
    if following == len(lines) or _opens_body(lines[following]):
        return None
    for index in range(last, first - 1, -1):
        line = lines[index]
        column = _glued_body(line)
        if column is not None:
            return index, column
        if line.lstrip().startswith(_BLOCK_KEYWORDS):
            return None
    return None


def _opens_body(line: str) -> bool:
    """Whether ``line`` is what most bodies open with: a classification line or a release
    stamp above one."""
    return is_classification_line(line) or RELEASE_STAMP.match(line.strip()) is not None


# The keywords that open an addressee block (or the line above them).
_BLOCK_KEYWORDS: Final = ("TO ", "INFO ", "XMT ", "FM ")


# What the line before a glued body line holds at least: an addressee, a note.
_SHORTEST_HEAD: Final = 3


def _with_line(lines: tuple[str, ...], index: int, text: str) -> tuple[str, ...]:
    return (*lines[:index], text, *lines[index + 1 :])


def _page_classification(page: Page | None) -> Classification | None:
    """The level of a page's classification (``SECRET//NOFORN`` → SECRET)."""
    if page is None or not page.classification:
        return None
    return classification_from_letters(page.classification.split("//")[0])


def _classification_from_notes(
    lines: tuple[str, ...], header: Header, preamble: Preamble, sink: DefectSink, year: int | None
) -> Preamble:
    """Use a classification line printed above the routing header when the body has none."""
    for field in header.spans:
        index = field.span.first_line - 1
        if field.name != "note" or not 0 <= index < len(lines):
            continue
        text = lines[index].strip()
        if is_classification_line(text) and re.search(r"\s\d{3,}\s*$", text):
            first = parse_preamble(lines[: index + 1], index, sink, year)
            if first.classification_line is not None:
                return attrs.evolve(
                    preamble,
                    classification_line=first.classification_line,
                    spans=first.spans + preamble.spans,
                )
    return preamble


def _check_julian_day(header: Header, sink: DefectSink) -> None:
    # The DE line's day of the year should be the day of the date-time group.
    when, day = header.date_time_group, header.filed_day_of_year
    if when is None or day is None:
        return
    # The day of the year from ordinals: timetuple() builds a whole struct to read one field.
    day_of_year = when.toordinal() - dt.date(when.year, 1, 1).toordinal() + 1
    if day_of_year == day:
        return
    line = next((f.span.first_line for f in header.spans if f.name == "station"), None)
    sink.report(
        DefectCode.JULIAN_DAY_MISMATCH,
        f"DE line says day {day:03d} of the year, the date-time group says day "
        f"{day_of_year:03d} ({when:%d %b %Y})",
        line,
    )


def _release_stamp(text: str, start: int = 0) -> re.Match[str] | None:
    """The first release stamp (``Thursday, 22 March 2007, 08:16``) in ``text`` from
    ``start``.  Every day name ends in "day": the pattern is tried where a memchr finds
    "day, ", not at every character of the text (it opens with no literal)."""
    found = text.find("day, ", start)
    while found >= 0:
        for begin in range(max(start, found - 6), found - 2):  # Fri-day .. Wednes-day
            stamp = RELEASE_STAMP.match(text, begin)
            if stamp is not None:
                return stamp
        found = text.find("day, ", found + 5)
    return None


def _stamp_year(text: str) -> int | None:
    """The year of a release stamp in the text: the date the cable was written, which
    copies without a routing header print above it."""
    stamp = _release_stamp(text)
    if stamp is None:
        return None
    year = int(stamp.group(0).rsplit(",", 1)[0][-4:])  # ..., 22 March 2007, 08:16
    return year if year >= _FIRST_CABLE_YEAR else None


# The oldest cables of the releases are from 1966; a stamp before that is no cable's date.
_FIRST_CABLE_YEAR: Final = 1960


def _year(header: Header | None, page: Page | None) -> int | None:
    if header is not None and header.date_time_group is not None:
        return header.date_time_group.year
    if page is not None and page.created is not None:
        return page.created.year
    return None


def _reference_id(
    origin: str | None,
    serial: int | None,
    year: int | None,
    header: Header | None,
    page: Page | None,
    sink: DefectSink,
) -> str | None:
    if origin and _REDACTED.fullmatch(origin.replace(" ", "")):
        origin = None  # the release blanked the post out: no id can be built from it
    if origin and serial is not None and year is not None:
        return reference_id(year, origin, serial)
    if page is not None and page.reference_id:
        return page.reference_id
    if header is not None and header.from_ and header.station_serial is not None and year:
        post = _MISSION.sub("", header.from_)
        if header.from_.startswith(("SECSTATE", "SEC STATE")):
            post = "STATE"
        reference = reference_id(year, post, header.station_serial)
        sink.report(
            DefectCode.REFERENCE_ID_FROM_HEADER,
            f"no classification line: reference id {reference} built from FM and DE lines",
        )
        return reference
    if origin or serial is not None or header is not None:
        sink.report(DefectCode.REFERENCE_ID_MISSING, "no reference id could be derived")
    return None


_REDACTED: Final = re.compile(r"[Xx]{4,}")
# A mission or delegation named before its city in the FM line (``USMISSION GENEVA``): ids
# name the city (reference_id drops AMEMBASSY and AMCONSUL itself, see post_key).
_MISSION: Final = re.compile(r"^(?:USMISSION|USDEL|US ?MISSION)\s+")
# A Classified By label among the first ten characters of a paragraph (a portion mark or
# the rest of a mangled number before it).  A search for the label would read the whole
# paragraph when it holds none, which is nearly always.
_CLASSIFIED_BY_AT_START: Final = re.compile(f"(?s:.{{0,9}}?)({_CLASSIFIED_BY.pattern})")


def _classified_by_in_paragraph(
    paragraphs: tuple[Paragraph, ...], sink: DefectSink
) -> ClassifiedBy | None:
    """A Classified By line written as the opening of paragraph 1 or 2."""
    for paragraph in paragraphs[:2]:
        match = _CLASSIFIED_BY_AT_START.match(paragraph.text)
        if match is not None:
            first = paragraph.span.first_line if paragraph.span else 0
            return read_classified_by(paragraph.text[match.start(1) :], sink, first)
    return None
