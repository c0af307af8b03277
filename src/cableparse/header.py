"""Find the routing header at the top of a cable and parse it with ``header.lark``.

The whole header is parsed in one go.  When that fails (a damaged line, a layout the
grammar does not know), each line is parsed on its own so one bad line costs only itself:
it becomes a defect and an unparsed line, and the rest of the header is kept.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from ._lark import get_parser
from .defects import DefectCode
from .lalr import parse_from, shape, span_reader
from .layout import (
    LEVEL_WORDS,
    PARAGRAPH_NUMBER,
    PARTIAL_EXTRACT,
    RELEASE_STAMP,
    blank_page_head,
    classification_word,
)
from .memo import remember
from .model import FieldSpan, Header, UnparsedLine
from .policy import DefectSink
from .spans import field_span
from .transform.header import _Part, addressee_pattern, assemble_header, read_header_tokens

if TYPE_CHECKING:
    from lark import Lark
    from lark.exceptions import UnexpectedInput

__all__ = ["HeaderResult", "find_header", "header_at", "parse_header"]

# Openings of format lines 1-9.  The strong ones mark a routing header wherever they
# stand; the addressee keywords only inside one.
_TRANSMISSION_OPENING: Final = r"VZCZC"
_RELAY_LINE_OPENING: Final = r"(?:ZZ|OO|PP|RR|YY) +R[A-Z0-9]{3}"
_STATION_OPENING: Final = r"DE +R[A-Z0-9]{2,9} +#"
_SECURITY_OPENING: Final = r"ZN[YR] "
_DTG_OPENING: Final = r"(?:[ZOPRY](?: [ZOPRY])? +)?\d{6}Z [A-Za-z]{3} \d"
# A damaged date-time group (a digit keyed as a letter) still belongs to the header.
_DAMAGED_DTG_OPENING: Final = (
    r"[ZOPRY](?: [ZOPRY])? +(?=[0-9A-Z]{0,5}\d)[0-9A-Z]{6}Z [A-Za-z]{3} \d"
)
_FROM_OPENING: Final = r"FM "
# An office code of the distribution lists that older layouts print above the format
# lines (``INFO  LOG-00  NP-00``, ``INFO OCT-01 ISO-00``): INFO followed by one opens no
# addressee block.
_OFFICE_CODE: Final = r"[A-Z]{1,6}-\d\d(?:\s|$)"
_ADDRESSEE_OPENINGS: Final = (
    _FROM_OPENING,
    r"TO(?: |$)",
    rf"INFO(?: (?! *{_OFFICE_CODE})|$)",
    r"XMT[ /]",
)
_STRONG_FORMAT_LINE: Final = re.compile(
    "|".join(
        (
            _TRANSMISSION_OPENING,
            _RELAY_LINE_OPENING,
            _STATION_OPENING,
            _SECURITY_OPENING,
            _DTG_OPENING,
            _FROM_OPENING,
        )
    )
)
# Every format line, by what the header search needs to know of it: the group
# ``addressees`` (FM, TO, INFO, XMT: addressee lines follow), ``relay`` (routing
# indicators may wrap onto the lines after it) or ``other``.  One match per line where
# three patterns were tried.
_FORMAT_LINE: Final = re.compile(
    f"(?P<addressees>{'|'.join(_ADDRESSEE_OPENINGS)})"
    f"|(?P<relay>{_RELAY_LINE_OPENING})"
    f"|(?P<other>{_TRANSMISSION_OPENING}|{_STATION_OPENING}|{_SECURITY_OPENING}"
    f"|{_DTG_OPENING}|{_DAMAGED_DTG_OPENING})"
)
# Anything shaped like a date-time group, however damaged: which line a defect is about.
_DTG_LIKE: Final = re.compile(r"(?:[ZOPRY](?: [ZOPRY])? +)?[^\s\d]*\d\S* +[A-Za-z]{3} +\d")
# A page break can leave TO or INFO alone on its line, the addressee on the next.
_ADDRESSEE_KEYWORD: Final = re.compile(rf"(?:FM|TO|INFO(?! *{_OFFICE_CODE})|XMT)(?:[ /]|$)")
# Lines older layouts put around the format lines: the partial-extract notice, the page
# line, office distribution (ACTION / ORIGIN / INFO LOG-00 ...), the distribution count, a
# dashed message id, a classification word, who drafted and approved the telegram, a
# release-date stamp, the archive's document number (``2000HOCHI00838 - UNCLASSIFIED``).
_HEADER_NOTE: Final = re.compile(
    f"(?:{PARTIAL_EXTRACT}"
    r"|\d{4}[A-Z]{3,6}\d{5} +- "
    r"|PAGE +\d"
    r"|ACTION +[A-Z]"
    r"|ORIGIN +[A-Z]"
    rf"|INFO +{_OFFICE_CODE}"
    rf"|{_OFFICE_CODE}"
    r"|/\d+ ?W\b"
    r"|-{5,}"
    rf"|{LEVEL_WORDS}(?:\s+[A-Z]{{0,4}}\d+)?\s*$"
    r"|(?:DRAFTED|APPROVED|CLEARED|RELEASED) BY[: ]"
    r"|(?:SOURCE|CLEARED|CLEARANCES?):"
    r"|\d{4,7}\s*$"
    r"|\([A-Z]{2,6}\) +/\d+[A-Z]?\s*$"
    r"|" + RELEASE_STAMP.pattern + r")"
)
# Format line 2 opens with the precedence prosign doubled; routing indicators may wrap
# onto the lines after it.
_RELAY_OPENING: Final = re.compile(r"(?:ZZ|OO|PP|RR|YY) ")


@functools.cache
def _routing_indicators() -> re.Pattern[str]:
    # The grammar's own terminal for the indicators of a relay line, so that the lines
    # found here to continue a relay line are the ones the grammar reads as such.
    return re.compile(_parser().get_terminal("ROUTING_INDICATORS").pattern.to_regexp())


def _routing_indicators_only(line: str) -> bool:
    """Whether a (stripped) line holds routing indicators and nothing else."""
    return _routing_indicators().fullmatch(line) is not None


@functools.cache
def _addressees_end() -> re.Pattern[str]:
    # A classification line (the preamble grammar's own word, as is_classification_line
    # reads it) or a preamble field ends an addressee list, and so does a line no
    # addressee looks like: the release stamp (``Tuesday, 19 May 2009, 12:58``), a
    # ``WORD:`` label (``ID:``, ``ORIGIN:``), or (find_header looks for it) a spaced dash
    # (``NOTE - DO NOT PUBLISH``).  Copies that join the header and the text with a bare
    # line end put them under the last addressee.  One pattern, opening with literals,
    # as find_header tries it on every addressee line.
    return re.compile(
        rf"(?:{classification_word()})|(?i:E\.?O\.? ?\d|TAGS|SUBJECT|SIPDIS)"
        rf"|{RELEASE_STAMP.pattern}|[A-Z][A-Z ]{{0,24}}:(?:\s|$)"
    )


_LINE_START: Final = {
    "VZCZC": "transmission_line",
    "DE": "station_line",
    "ZNY": "security_line",
    "ZNR": "security_line",
    "FM": "from_line",
    "TO": "to_block",
    "INFO": "info_block",
    "XMT": "exempt_block",
}


@attrs.frozen(slots=True)
class HeaderResult:
    header: Header | None
    #: Index (0-based) of the first line after the header.
    end: int
    unparsed: tuple[UnparsedLine, ...] = ()


def find_header(lines: Sequence[str], start: int = 0) -> tuple[int, int] | None:
    """0-based [first, end) line range of the routing header, or None if there is none.

    The header opens at the first non-blank line when that is a format line, or a note of
    an older layout that format lines follow; failing that, at the first strong format
    line (VZCZC, relay, DE, security, date-time group, FM) met before anything that
    belongs to the body, with the lines above it kept as notes.
    """
    n = len(lines)
    first = start
    while first < n and not lines[first].strip():
        first += 1
    if first >= n:
        return None
    head = _untabbed(lines[first])
    if _FORMAT_LINE.match(head) or _HEADER_NOTE.match(head):
        end = _header_end(lines, first)
        if end is not None:
            return first, end
        # Notes and then a line of no known kind (``S/S:MR. ORTIZ``, who cleared the
        # telegram): the format lines may still follow, as they do below a prelude.
    anchor = _find_anchor(lines, first, min(n, first + _ANCHOR_WINDOW))
    if anchor is None:
        return None
    end = _header_end(lines, anchor)
    return (first, end) if end is not None else None


def _header_end(lines: Sequence[str], walk_from: int) -> int | None:
    """Where the header that goes on at ``walk_from`` ends (0-based, exclusive); None when
    no format line is met before it ends."""
    n = len(lines)
    in_addressees = False
    seen_format = False
    ends_addressees = _addressees_end().match
    i = walk_from
    while i < n:
        line = _untabbed(lines[i])
        if not line:
            if in_addressees and not _ADDRESSEES_GO_ON.match(_next_text(lines, i)):
                break
            i += 1
            continue
        if in_addressees:
            # A spaced dash is looked for apart: a pattern would scan every line to its end.
            if (
                ends_addressees(line) is not None or ("-" in line and " - " in line)
            ) and not _ADDRESSEE_KEYWORD.match(line):
                break
            i += 1
            continue
        format_line = _FORMAT_LINE.match(line)
        if format_line is not None:
            seen_format = True
            in_addressees = format_line.lastgroup == "addressees"
        elif _HEADER_NOTE.match(line) or (seen_format and _routing_indicators_only(line)):
            pass
        elif not (seen_format and _FORMAT_LINE.match(_next_text(lines, i))):
            # A line of no known kind between two format lines (``ZUI RUEWMCE1074
            # 1581702`` on its own line) stays in the header, as a note; elsewhere it
            # ends the header.
            break
        i += 1
    return i if seen_format else None


def header_at(lines: Sequence[str], index: int) -> int | None:
    """The end (0-based, exclusive) of a routing header that opens on line ``index``, as
    a copy of one inside the text does; None if none opens there."""
    found = find_header(lines, index)
    return found[1] if found is not None and found[0] == index else None


# After a blank line inside the addressee blocks, what says the blocks go on: the next
# keyword (a blank line after FM or after the TO list), or an addressee with its routing
# indicator (a blank line inside a list), which no line of the text opens like.
_ADDRESSEES_GO_ON: Final = re.compile(rf"{_ADDRESSEE_KEYWORD.pattern}|R[A-Z0-9]{{3,9}}/[A-Z]")


def _next_text(lines: Sequence[str], index: int) -> str:
    """The next line after ``index`` that is not blank, stripped; "" if there is none."""
    # By index: islice() would step over the lines before ``index`` at every call.
    for following in range(index + 1, len(lines)):
        line = lines[following].strip()
        if line:
            return line
    return ""


def _untabbed(line: str) -> str:
    """The line stripped, its tabs read as the blanks they stand for (the header's line
    patterns separate words by spaces; a tab turns up in office distribution lists)."""
    line = line.strip()
    return line.replace("\t", " ") if "\t" in line else line


_ANCHOR_WINDOW: Final = 60
# "TAGS:     PREL" - a label with its value set in a column, as message-database
# printouts show a cable's fields above the cable itself.
_PRINTOUT_LABEL: Final = re.compile(r"[A-Za-z]+:\s{2,}\S")
_BODY_START: Final = re.compile(PARAGRAPH_NUMBER + r"|(?i:E\.?O\.? ?\d|TAGS?\b|SUBJ)")


# A line of a metadata block (``Canonical ID: 1975STATE065432_b``, ``Office Action:
# ACTION EUR``): a label of one to four words and a colon.
_METADATA_LABEL: Final = re.compile(r"[A-Z][A-Za-z]*(?: [A-Za-z]+){0,3}:(?:\s|$)")


def _find_anchor(lines: Sequence[str], first: int, stop: int) -> int | None:
    # A document may open with a block of metadata lines, one of which is a TAGS line of
    # the catalogue (PlusD's table: Date, Canonical ID, ..., TAGS, ..., To): while that
    # block goes on, its TAGS line says nothing of where the body starts.
    head = _untabbed(lines[first])
    in_metadata = bool(_METADATA_LABEL.match(head)) and not _BODY_START.match(head)
    for index in range(first, stop):
        line = _untabbed(lines[index])
        if _STRONG_FORMAT_LINE.match(line):
            return index
        in_metadata = in_metadata and (not line or _METADATA_LABEL.match(line) is not None)
        if in_metadata:
            continue
        # A classification line does not stop the search: some releases print it (or a
        # whole e-mail prelude) above the routing header; those lines become notes.
        if _BODY_START.match(line) and not _PRINTOUT_LABEL.match(line):
            return None
    return None


def parse_header(lines: tuple[str, ...], first: int, end: int, sink: DefectSink) -> HeaderResult:
    """Parse lines[first:end] (0-based) as a routing header."""
    lines, heads = _without_page_heads(lines, first, end)
    layout_notes = _header_notes(lines, first, end)
    note_lines = {note.line - 1 for note in layout_notes}  # only whole lines are blanked
    notes = sorted(layout_notes + heads, key=lambda note: note.line)
    begin = first
    while begin < end and (begin in note_lines or not lines[begin].strip()):
        begin += 1
    # Notes are blanked out rather than removed so that grammar line numbers stay true.
    if note_lines:
        text = "\n".join("" if i in note_lines else lines[i] for i in range(begin, end)) + "\n"
    else:
        text = "\n".join(lines[begin:end]) + "\n"
    note_spans = tuple(field_span("note", u.line, u.line) for u in notes)
    tokens = span_reader(_parser())(text, "header")
    if tokens is None:
        if sink.policy.raise_on_defect:
            # Lark's error says where and what was expected, for the strict error.
            from lark.exceptions import UnexpectedInput

            try:
                parse_from(_parser(), text, "header", begin + 1)
            except UnexpectedInput as error:
                _report_lark_error(error, lines, sink)
        return _parse_by_line(lines, begin, end, sink, notes, note_spans, note_lines)
    parts = read_header_tokens(text, tokens, begin + 1, _addressee())
    _report_problems(parts, sink)
    header = assemble_header(parts, note_spans, tuple(u.text.strip() for u in notes))
    return HeaderResult(header, end)


def _without_page_heads(
    lines: tuple[str, ...], first: int, end: int
) -> tuple[tuple[str, ...], list[UnparsedLine]]:
    """Blank out page heads that a page break left inside header lines or between them
    (a PAGE line inside a TO or INFO list); keep them as notes."""
    heads: list[UnparsedLine] = []
    cleaned: list[str] | None = None
    for index in range(first, end):
        line, head = blank_page_head(lines[index])
        if head is not None:
            if cleaned is None:
                cleaned = list(lines)
            cleaned[index] = line
            heads.append(UnparsedLine(index + 1, head))
    return (tuple(cleaned) if cleaned is not None else lines), heads


def _header_notes(lines: tuple[str, ...], first: int, end: int) -> list[UnparsedLine]:
    """Lines of older layouts among the format lines (notice, PAGE, ACTION, office lists).

    Only lines before the addressee blocks can be notes; after TO/INFO every line is an
    addressee.
    """
    notes: list[UnparsedLine] = []
    previous_relay = False
    for index in range(first, end):
        text = _untabbed(lines[index])
        if not text:
            continue
        format_line = _FORMAT_LINE.match(text)
        kind = format_line.lastgroup if format_line is not None else None
        if kind == "addressees" or (kind is None and _ADDRESSEE_KEYWORD.match(text)):
            break
        if kind is not None:
            previous_relay = kind == "relay"
            continue
        if previous_relay and _routing_indicators_only(text):
            continue
        previous_relay = False
        notes.append(UnparsedLine(index + 1, lines[index]))
    return notes


def _parser() -> Lark:
    return get_parser("header")


@functools.cache
def _addressee() -> re.Pattern[str]:
    return addressee_pattern(_parser())


def _report_problems(parts: list[_Part], sink: DefectSink) -> None:
    for part in parts:
        if part.problem is not None:
            message, column = part.problem
            sink.report(DefectCode.DTG_INVALID, message, part.line, column)


def _report_lark_error(error: UnexpectedInput, lines: tuple[str, ...], sink: DefectSink) -> None:
    # Error lines are input lines: the lexer counts from the header's first line.
    line = error.line if error.line and error.line > 0 else 1
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    code = _code_for(source)
    column = error.column if error.column > 0 else None
    sink.report(code, _describe(error, source, code), line, column)


def _code_for(source: str) -> DefectCode:
    if _DTG_LIKE.match(source.strip()):
        return DefectCode.DTG_INVALID
    return DefectCode.HEADER_LINE_INVALID


# What the header grammar's terminals stand for, for error messages.
_EXPECTED_WORDS: Final = {
    "DTG_TIME": "a day and time such as 220816Z",
    "PRECEDENCE_LETTER": "a precedence letter (Z, O, P, R)",
    "PRECEDENCE_PAIR": "a precedence pair such as OO",
    "MONTH": "a month such as MAR",
    "YEAR": "a year such as 07",
    "ROUTING_INDICATOR": "a routing indicator such as RUEHBJ",
    "ROUTING_INDICATORS": "routing indicators such as RUEHBJ RUEHC",
    "SECURITY_PREFIX": "ZNY or ZNR",
    "SECURITY_CODE": "a classification group such as CCCCC",
    "STATION_SERIAL": "a station serial such as 1960",
    "STATION_SECTION": "a section number",
    "FILED_AT": "the day of the year and time such as 0810816",
    "SIGNAL": "an operating signal such as ZZH",
    "NOTE": "a note in parentheses",
    "ADDRESS": "an address such as SECSTATE WASHDC",
    "ADDRESSEE": "an addressee such as RUEHC/SECSTATE WASHDC IMMEDIATE 6090",
    "ADDRESSEES": "an addressee such as RUEHC/SECSTATE WASHDC IMMEDIATE 6090",
    "_NL": "the end of the line",
}


def _describe(error: UnexpectedInput, source: str, code: DefectCode) -> str:
    return _malformed(source, code) + _expected(error)


def _malformed(source: str, code: DefectCode) -> str:
    what = "date-time group" if code is DefectCode.DTG_INVALID else "header line"
    return f"malformed {what}: {source.strip()!r}"


def _expected(error: UnexpectedInput) -> str:
    """What Lark's error says was expected, as the end of a defect message."""
    expected = sorted(getattr(error, "expected", None) or getattr(error, "allowed", None) or ())
    if not expected:
        return ""
    words = [_EXPECTED_WORDS.get(str(name), str(name)) for name in expected[:6]]
    return "; expected " + " or ".join(words)


# Where Lark's parse of a refused line failed (its column) and what it expected, by the
# line's start symbol and shape (lalr.shape): a header read line by line is mostly
# copies of one damaged line, and the parse that says so costs more than the rest of it.
_REFUSALS: dict[tuple[str, str], tuple[int | None, str]] = {}


def _refusal(text: str, start: str, line: int) -> tuple[int | None, str]:
    """The column (1-based, None if unknown) and the expected words of Lark's error for a
    line the span reader refused; ``line`` is its input line."""
    form = shape(_parser(), text)
    known = _REFUSALS.get((start, form)) if form is not None else None
    if known is None:
        from lark.exceptions import UnexpectedInput

        try:
            parse_from(_parser(), text, start, line)
            known = (None, "")  # pragma: no cover - both readers of the tables agree
        except UnexpectedInput as error:
            known = (error.column or None, _expected(error))
        if form is not None:
            remember(_REFUSALS, (start, form), known)
    return known


def _start_for(line: str, previous: str | None) -> str | None:
    words = line.split(None, 1)
    word = words[0] if words else ""
    if word.startswith("VZCZC"):
        return "transmission_line"
    if word.startswith("XMT"):
        return "exempt_block"
    if word in _LINE_START:
        return _LINE_START[word]
    if _RELAY_OPENING.match(line):
        return "relay_line"
    if _DTG_LIKE.match(line):
        return "dtg_line"
    if previous in ("to_block", "info_block", "exempt_block", "addressee_line"):
        return "addressee_line"
    if previous == "relay_line" and _routing_indicators_only(line):
        return "relay_continuation"
    return None


# The parts of a format line read alone, by start symbol and text, for the lines whose
# parts hold no line number (all but the addressee lines): a header read line by line is
# mostly copies of one line.  The values are immutable, the parts made anew per line.
_UNNUMBERED: Final = frozenset(
    {"transmission_line", "relay_line", "station_line", "security_line", "dtg_line", "from_line"}
)
# (name, value, whether it ends on its line, problem) of each part.
_KnownPart = tuple[str, Any, bool, tuple[str, int | None] | None]
_LINE_PARTS: dict[tuple[str, str], tuple[_KnownPart, ...]] = {}


def _report_refusal(raw: str, text: str, start: str, line: int, sink: DefectSink) -> None:
    column, expected = _refusal(text, start, line)
    code = DefectCode.DTG_INVALID if start == "dtg_line" else DefectCode.HEADER_LINE_INVALID
    sink.report(code, _malformed(raw, code) + expected, line, column)


# The addressee list that a line of each block kind opens.
_LIST_OF_BLOCK: Final = {"to_block": "to", "info_block": "info", "exempt_block": "exempt"}


def _parse_by_line(
    lines: tuple[str, ...],
    begin: int,
    end: int,
    sink: DefectSink,
    notes: list[UnparsedLine],
    note_spans: tuple[FieldSpan, ...],
    note_lines: set[int],
) -> HeaderResult:
    parser = _parser()
    # A header read line by line is most often lines that repeat (damaged copies).
    read_spans = span_reader(parser, by_shape=True)
    parts: list[_Part] = []
    unparsed: list[UnparsedLine] = []
    previous: str | None = None
    block: str | None = None
    for index in range(begin, end):
        raw = lines[index]
        line = raw.strip()
        if not line or index in note_lines:
            continue
        start = _start_for(line, previous)
        if start == "relay_continuation":
            relay = next((p for p in reversed(parts) if p.name == "relay"), None)
            if relay is not None:
                indicators = relay.value.routing_indicators + tuple(line.split())
                relay.value = attrs.evolve(relay.value, routing_indicators=indicators)
                relay.last = index + 1
                continue
            start = None
        if start is None:
            sink.report(
                DefectCode.HEADER_LINE_INVALID, f"header line not understood: {line!r}", index + 1
            )
            unparsed.append(UnparsedLine(index + 1, raw))
            continue
        text = line + "\n"
        known = _LINE_PARTS.get((start, line)) if start in _UNNUMBERED else None
        if known is not None:
            line_parts = [
                _Part(name, value, index + 1, index + 1 if wraps else None, problem)
                for name, value, wraps, problem in known
            ]
        else:
            spans = read_spans(text, start)
            if spans is None:
                _report_refusal(raw, text, start, index + 1, sink)
                unparsed.append(UnparsedLine(index + 1, raw))
                previous = start
                # The addressee lines under a refused TO, INFO or XMT line are that list's.
                block = _LIST_OF_BLOCK.get(start, block)
                continue
            line_parts = read_header_tokens(text, spans, index + 1, _addressee())
            if start in _UNNUMBERED:
                known = tuple((p.name, p.value, p.last is not None, p.problem) for p in line_parts)
                remember(_LINE_PARTS, (start, line), known)
        _report_problems(line_parts, sink)
        for part in line_parts:
            if part.name == "addressee":
                if block is not None and part.value:
                    parts.append(_Part(block, part.value, index + 1))
            else:
                parts.append(part)
                if start in ("to_block", "info_block", "exempt_block"):
                    block = part.name
        previous = start
    header = assemble_header(parts, note_spans, tuple(u.text.strip() for u in notes))
    return HeaderResult(header, end, tuple(unparsed))
