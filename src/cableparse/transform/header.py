"""What the header grammar's rules make: parts of a :class:`~cableparse.model.Header`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

import attrs

from ..lalr import TokenSpans
from ..model import Addressee, FieldSpan, Header, Precedence, Relay, Security
from ..spans import field_span, line_span
from ..vocab import MONTHS, PRECEDENCE_LETTERS, SECURITY_LETTERS, station_name

if TYPE_CHECKING:
    from lark import Lark

__all__ = ["addressee_pattern", "assemble_header", "dtg_datetime", "read_header_tokens"]


def _year(two_or_four: str) -> int:
    year = int(two_or_four)
    if len(two_or_four) == 4:
        return year
    # Two-digit years: cables go back to the 1960s; 66-99 are 19xx.
    return 1900 + year if year >= 60 else 2000 + year


def dtg_datetime(ddhhmm: str, month: str, year: str) -> dt.datetime:
    """``220816Z``, ``MAR``, ``07`` → 2007-03-22 08:16 UTC.  Raises ValueError if impossible."""
    number = MONTHS.get(month.upper())
    if number is None:
        raise ValueError(f"unknown month {month!r}")
    return dt.datetime(
        _year(year),
        number,
        int(ddhhmm[0:2]),
        int(ddhhmm[2:4]),
        int(ddhhmm[4:6]),
        tzinfo=dt.timezone.utc,
    )


#: Precedence words as written, to their members (a dict read, not an enum call).
_PRECEDENCE_WORDS: Final = {member.value: member for member in Precedence}


class _Station:
    """What the DE line says (format line 3)."""

    __slots__ = ("filed_day", "filed_time", "section", "serial", "station")

    def __init__(self) -> None:
        self.station: str | None = None
        self.serial: int | None = None
        self.section: int | None = None
        self.filed_day: int | None = None
        self.filed_time: str | None = None


class _DateTimeGroup:
    """What the date-time group line says (format line 5)."""

    __slots__ = ("info_precedence", "note", "precedence", "signals", "when")

    def __init__(
        self,
        precedence: Precedence | None,
        info_precedence: Precedence | None,
        when: dt.datetime | None,
        signals: tuple[str, ...],
        note: str | None = None,
    ) -> None:
        self.precedence = precedence
        self.info_precedence = info_precedence
        self.when = when
        self.signals = signals
        self.note = note


class _Part:
    """A header field read off the tokens of one format line, waiting to be assembled."""

    __slots__ = ("last", "line", "name", "problem", "value")

    def __init__(
        self,
        name: str,
        value: Any,
        line: int,
        last: int | None = None,
        problem: tuple[str, int | None] | None = None,
    ) -> None:
        self.name = name
        self.value = value
        self.line = line
        #: Last input line of a field that wraps (relay indicators); None for one line.
        self.last = last
        #: A defect found while reading the field (message, column), for the caller to report.
        self.problem = problem


# The terminal each format line opens with, among the tokens a parse keeps: the keywords
# DE and FM are filtered out of the grammar's trees, so the station line opens with its
# routing indicator and the FM line with its address.  A date-time group may open with a
# precedence letter or two, or with the time itself.
_OPENS: Final = {
    "TRANSMISSION_ID": "transmission_id",
    "PRECEDENCE_PAIR": "relay",
    "ROUTING_INDICATOR": "station",
    "SECURITY_PREFIX": "security",
    "PRECEDENCE_LETTER": "dtg",
    "DTG_TIME": "dtg",
    "ADDRESS": "from",
    "ADDRESSEES": "addressees",
    "ADDRESSEE": "addressee",
}
# The block an ADDRESSEES token belongs to, by the keyword before it on its line (TO, INFO,
# XMT or XMT/); the keywords are filtered out of the trees too.
_BLOCKS: Final = {"TO": "to", "INFO": "info", "XMT": "exempt"}


# One kept token: its terminal, its text, the input line of its format line and its
# offset in the parsed text (a tuple: a header has ~16 of them, and a class instance
# costs several times more).
_Token = tuple[str, str, int, int]


def read_header_tokens(
    text: str, tokens: TokenSpans, first_line: int, addressee: re.Pattern[str]
) -> list[_Part]:
    """The parts of a header, or of one format line, from the tokens its parse keeps.

    ``text`` is what was parsed, its first line input line ``first_line``; ``tokens`` are
    the (terminal, begin, end) spans a tree of it would hold, in order; ``addressee`` is
    the grammar's ADDRESSEE pattern.  The rules of ``header.lark`` are flat: a format
    line is a run of terminals opened by one that opens no other line (_OPENS), so the
    token sequence says all a tree would, and the parts are made from it directly.
    """
    parts: list[_Part] = []
    run: list[_Token] = []
    name = ""
    line = first_line
    counted = 0  # the line ends of text[:counted] are counted in ``line``
    for kind, begin, end in tokens:
        opens = _OPENS.get(kind)
        # A second precedence letter, or the time after the letters, goes on with the
        # date-time group it belongs to.
        if opens is not None and not (opens == "dtg" and name == "dtg"):
            if run:
                parts.append(_READERS[name](text, run, addressee))
            run = []
            name = opens
            # Lines are counted where a format line opens: its tokens stand on its first
            # line, but for a relay line's wrapped indicators (see _relay).
            line += text.count("\n", counted, begin)
            counted = begin
        run.append((kind, text[begin:end], line, begin))
    if run:
        parts.append(_READERS[name](text, run, addressee))
    return parts


def _transmission(text: str, run: list[_Token], addressee: re.Pattern[str]) -> _Part:
    _, value, line, _ = run[0]
    return _Part("transmission_id", value, line)


def _relay(text: str, run: list[_Token], addressee: re.Pattern[str]) -> _Part:
    (_, pair, line, begin), *lines = run  # then one ROUTING_INDICATORS token per line
    indicators = tuple(indicator for _, value, _, _ in lines for indicator in value.split())
    relay = Relay(PRECEDENCE_LETTERS.get(pair[0]), indicators)
    # The indicators may wrap: the line holds the last of them.
    return _Part("relay", relay, line, line + text.count("\n", begin, run[-1][3]))


def _station(text: str, run: list[_Token], addressee: re.Pattern[str]) -> _Part:
    station = _Station()
    for kind, value, _, _ in run:
        if kind == "ROUTING_INDICATOR":
            station.station = value
        elif kind == "STATION_SERIAL":
            station.serial = int(value)
        elif kind == "STATION_SECTION":
            station.section = int(value)
        elif kind == "FILED_AT":
            station.filed_day = int(value[:3])
            station.filed_time = f"{value[3:5]}:{value[5:7]}"
    return _Part("station", station, run[0][2])


def _security(text: str, run: list[_Token], addressee: re.Pattern[str]) -> _Part:
    (_, prefix, line, _), (_, code, _, _), *rest = run
    security = Security(
        prefix=prefix,
        classification=SECURITY_LETTERS.get(code[0]),
        signals=tuple(value for kind, value, _, _ in rest if kind == "SIGNAL"),
        code=code,
        note=_note(run),
    )
    return _Part("security", security, line)


def _note(run: list[_Token]) -> str | None:
    """The note in parentheses that ends a security or date-time group line, if any."""
    kind, value, _, _ = run[-1]
    return value[1:-1].strip() if kind == "NOTE" else None


def _dtg(text: str, run: list[_Token], addressee: re.Pattern[str]) -> _Part:
    letters = [value for kind, value, _, _ in run if kind == "PRECEDENCE_LETTER"]
    by_kind = {kind: (value, begin) for kind, value, _, begin in run}
    time, begin = by_kind["DTG_TIME"]
    when: dt.datetime | None
    problem = None
    try:
        when = dtg_datetime(time, by_kind["MONTH"][0], by_kind["YEAR"][0])
    except ValueError as error:
        when = None
        column = begin - text.rfind("\n", 0, begin)
        problem = (f"date-time group names no real date: {error}", column)
    value = _DateTimeGroup(
        PRECEDENCE_LETTERS.get(letters[0]) if letters else None,
        PRECEDENCE_LETTERS.get(letters[1]) if len(letters) > 1 else None,
        when,
        tuple(value for kind, value, _, _ in run if kind == "SIGNAL"),
        _note(run),
    )
    return _Part("dtg", value, run[0][2], problem=problem)


def _from(text: str, run: list[_Token], addressee: re.Pattern[str]) -> _Part:
    _, value, line, _ = run[0]
    return _Part("from", " ".join(value.split()), line)


def _addressees(text: str, run: list[_Token], addressee: re.Pattern[str]) -> _Part:
    _, value, line, begin = run[0]
    # The keyword just before the token: ``INFO XMT AMCONSUL X`` (an empty INFO block on
    # the XMT line) names XMT.
    keyword = text[text.rfind("\n", 0, begin) + 1 : begin].rstrip().rstrip("/").rsplit(None, 1)[-1]
    return _Part(_BLOCKS[keyword], _read_addressees(value, line, addressee), line)


def _addressee(text: str, run: list[_Token], addressee: re.Pattern[str]) -> _Part:
    # One addressee line read alone (the line-by-line reading): the caller knows its block.
    _, value, line, _ = run[0]
    return _Part("addressee", _read_addressees(value, line, addressee), line)


def _read_addressees(text: str, line: int, addressee: re.Pattern[str]) -> list[Addressee]:
    """The addressees of the text of an ADDRESSEES (or ADDRESSEE) token that starts on
    input line ``line``; a line with nothing on it (TO alone on its line) makes none.

    The token is a run of what the ADDRESSEE pattern matches, one line end each, so that
    pattern reads it again line by line, and its groups are the parts of each line.  A
    line that goes on with the addressee above (see _wraps) adds to it.
    """
    addressees: list[Addressee] = []
    for parts in addressee.finditer(text):
        route, address, niact, word, serial = parts.groups()
        if address is not None or route is not None or word is not None or serial is not None:
            if serial is None and address is not None and address.endswith("//"):
                address, serial = _slashed_serial(address)
            precedence = None
            if word is not None:
                precedence = Precedence.NIACT_IMMEDIATE if niact else _PRECEDENCE_WORDS[word]
            if address is not None and ("  " in address or not address.isprintable()):
                # Folded only where it changes something: two blanks in a row, or white
                # space past the ASCII space (which is never printable).
                address = " ".join(address.split())
            if (
                route is None
                and addressees
                and _wraps(addressees[-1], address, precedence, serial, line)
            ):
                addressees[-1] = _went_on(addressees[-1], address, precedence, serial, line)
            else:
                # routing_indicator, address, precedence, serial, station_name, span
                addressees.append(
                    Addressee(
                        route,
                        address or "",
                        precedence,
                        serial,
                        station_name(route),
                        line_span(line, line),
                    )
                )
        line += text.count("\n", parts.start(), parts.end())
    return addressees


def _wraps(
    above: Addressee,
    address: str | None,
    precedence: Precedence | None,
    serial: str | None,
    line: int,
) -> bool:
    """Whether an addressee line without a routing indicator goes on with the addressee
    ``above``, as a copy wrapped at a narrow width leaves them: it holds only the
    precedence or serial that ``above`` lacks (``WASHDC IMMEDIATE`` / ``5503``), or
    ``above`` is a routing indicator and one word, and the line right under it the rest
    of the address (``RUEHC/SECSTATE`` / ``WASHDC``).  (Lists of older cables give the
    first addressee alone a routing indicator: ``RUEHRH/AMEMBASSY RIYADH`` / ``AMEMBASSY
    NDJAMENA`` are two.)"""
    if address is None:
        return (precedence is None or above.precedence is None) and (
            serial is None or above.serial is None
        )
    return (
        above.routing_indicator is not None
        and above.precedence is None
        and above.serial is None
        and " " not in above.address
        and above.span is not None
        and above.span.last_line == line - 1
    )


def _went_on(
    above: Addressee,
    address: str | None,
    precedence: Precedence | None,
    serial: str | None,
    line: int,
) -> Addressee:
    """``above`` with the line that went on with it (see _wraps)."""
    return attrs.evolve(
        above,
        address=f"{above.address} {address}" if address else above.address,
        precedence=precedence or above.precedence,
        serial=serial or above.serial,
        span=line_span(above.span.first_line if above.span else line, line),
    )


def _slashed_serial(address: str) -> tuple[str, str | None]:
    """``AMEMBASSY ANKARA//6318//``: some posts wrote the message serial between the double
    slashes that elsewhere hold an office (``//POLAD//``); (address, serial or None)."""
    opening = address.rfind("//", 0, len(address) - 2)
    digits = address[opening + 2 : -2]
    if (
        opening > 0
        and 1 <= len(digits) <= 6
        and digits.isdecimal()
        and digits.isascii()
        and address[opening - 1] not in "/ "
    ):
        return address[:opening], digits
    return address, None


_READERS: dict[str, Callable[[str, list[_Token], re.Pattern[str]], _Part]] = {
    "transmission_id": _transmission,
    "relay": _relay,
    "station": _station,
    "security": _security,
    "dtg": _dtg,
    "from": _from,
    "addressees": _addressees,
    "addressee": _addressee,
}


def addressee_pattern(parser: Lark) -> re.Pattern[str]:
    """The grammar's ADDRESSEE terminal, compiled: it reads the lines of an ADDRESSEES token."""
    terminal = parser.get_terminal("ADDRESSEE").pattern
    return re.compile(terminal.to_regexp(), _flags(terminal.flags))


def _flags(letters: Any) -> int:
    flags = 0
    for letter in letters or ():
        flags |= getattr(re, letter.upper())
    return flags


def assemble_header(
    parts: list[_Part], notes_spans: tuple[FieldSpan, ...] = (), notes: tuple[str, ...] = ()
) -> Header:
    """Combine the parts of a header (from one parse or from the line-by-line fallback).

    Where a format line is there twice (damaged or duplicated copies), the first one
    counts; every one keeps its span.
    """
    first: dict[str, Any] = {}
    spans: list[FieldSpan] = list(notes_spans)
    lists: dict[str, list[Addressee]] = {"to": [], "info": [], "exempt": []}
    for part in parts:
        addressees = lists.get(part.name)
        if addressees is not None:
            addressees.extend(part.value)
            # Addressees come in line order: the block ends on the last one's line.
            last_span = part.value[-1].span if part.value else None
            last = last_span.last_line if last_span is not None else part.line
            spans.append(field_span(part.name, part.line, last))
            continue
        spans.append(field_span(part.name, part.line, part.last or part.line))
        first.setdefault(part.name, part.value)
    station: _Station = first.get("station") or _Station()
    dtg: _DateTimeGroup | None = first.get("dtg")
    return Header(
        transmission_id=first.get("transmission_id"),
        relay=first.get("relay"),
        station=station.station,
        station_serial=station.serial,
        station_section=station.section,
        filed_day_of_year=station.filed_day,
        filed_time=station.filed_time,
        security=first.get("security"),
        precedence=dtg.precedence if dtg else None,
        info_precedence=dtg.info_precedence if dtg else None,
        date_time_group=dtg.when if dtg else None,
        from_=first.get("from"),
        to=tuple(lists["to"]),
        info=tuple(lists["info"]),
        exempt=tuple(lists["exempt"]),
        dtg_signals=dtg.signals if dtg else (),
        dtg_note=dtg.note if dtg else None,
        station_name=station_name(station.station),
        spans=tuple(spans),
        notes=notes,
    )
