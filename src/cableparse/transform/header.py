"""What the header grammar's rules make: parts of a :class:`~cableparse.model.Header`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..model import Addressee, FieldSpan, Header, Precedence, Relay, Security, field_span, line_span
from ..vocab import MONTHS, PRECEDENCE_LETTERS, SECURITY_LETTERS, station_name

if TYPE_CHECKING:
    from lark import Lark

__all__ = ["HeaderCallbacks", "assemble_header", "dtg_datetime"]


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
_PRECEDENCE_WORDS = {member.value: member for member in Precedence}


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

    __slots__ = ("info_precedence", "precedence", "signals", "when")

    def __init__(
        self,
        precedence: Precedence | None,
        info_precedence: Precedence | None,
        when: dt.datetime | None,
        signals: tuple[str, ...],
    ) -> None:
        self.precedence = precedence
        self.info_precedence = info_precedence
        self.when = when
        self.signals = signals


class _Part:
    """A header field found by the callbacks, waiting to be assembled."""

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


class HeaderCallbacks:
    """Rule callbacks for ``header.lark``, run by Lark's parser as it reduces each rule.

    Given to the parser as its ``transformer``: no parse tree is built, each rule's
    children (tokens, or what the callbacks of its sub-rules returned) go straight into
    parts and attrs objects.  Token lines are input lines (the lexer counts from the
    header's first line), so the callbacks need no state and one instance serves every
    parse.
    """

    def __init__(self) -> None:
        from lark import Token  # made as the parser is built: lark is loaded anyway

        self._token = Token
        self._addressee: re.Pattern[str] | None = None

    def bind(self, parser: Lark) -> None:
        """Take the ADDRESSEE pattern from the grammar the callbacks serve."""
        terminal = parser.get_terminal("ADDRESSEE").pattern
        self._addressee = re.compile(terminal.to_regexp(), _flags(terminal.flags))

    def _addressee_line(self) -> Callable[[str, int], re.Match[str] | None]:
        assert self._addressee is not None, "bind() the callbacks to their parser first"
        return self._addressee.match

    def _line(self, children: list[Any]) -> int:
        token = self._token
        for child in children:
            if isinstance(child, token) and child.line is not None:
                return int(child.line)
        return 0

    def _last_line(self, children: list[Any]) -> int:
        token = self._token
        lines = [child.line for child in children if isinstance(child, token) and child.line]
        return max(lines, default=0)

    def transmission_line(self, children: list[Any]) -> _Part:
        return _Part("transmission_id", str(children[0]), self._line(children))

    def relay_line(self, children: list[Any]) -> _Part:
        pair = str(children[0])
        # One ROUTING_INDICATORS token per line.
        indicators = tuple(indicator for line in children[1:] for indicator in line.split())
        relay = Relay(PRECEDENCE_LETTERS.get(pair[0]), indicators)
        return _Part("relay", relay, self._line(children), self._last_line(children))

    def station_line(self, children: list[Any]) -> _Part:
        station = _Station()
        for token in children:  # the station line has no sub-rules: all tokens
            kind = token.type
            if kind == "ROUTING_INDICATOR":
                station.station = str(token)
            elif kind == "STATION_SERIAL":
                station.serial = int(token)
            elif kind == "STATION_SECTION":
                station.section = int(token)
            elif kind == "FILED_AT":
                station.filed_day = int(token[:3])
                station.filed_time = f"{token[3:5]}:{token[5:7]}"
        return _Part("station", station, self._line(children))

    def note(self, children: list[Any]) -> str:
        # A plain str, so that the line callbacks can tell it from the tokens.
        return str(children[0])[1:-1].strip()

    def security_line(self, children: list[Any]) -> _Part:
        prefix, code, *rest = children
        token = self._token
        signals = tuple(str(t) for t in rest if isinstance(t, token))
        notes = [t for t in rest if isinstance(t, str) and not isinstance(t, token)]
        letter = str(code)[0]
        security = Security(
            prefix=str(prefix),
            classification=SECURITY_LETTERS.get(letter),
            signals=signals,
            code=str(code),
            note=notes[0] if notes else None,
        )
        return _Part("security", security, self._line(children))

    def dtg_line(self, children: list[Any]) -> _Part:
        token = self._token
        tokens = [t for t in children if isinstance(t, token)]
        letters = [t for t in tokens if t.type == "PRECEDENCE_LETTER"]
        by_type = {t.type: t for t in tokens}
        signals = tuple(str(t) for t in tokens if t.type == "SIGNAL")
        line = self._line(children)
        when: dt.datetime | None
        problem = None
        try:
            when = dtg_datetime(by_type["DTG_TIME"], by_type["MONTH"], by_type["YEAR"])
        except ValueError as error:
            when = None
            problem = (f"date-time group names no real date: {error}", by_type["DTG_TIME"].column)
        value = _DateTimeGroup(
            PRECEDENCE_LETTERS.get(letters[0]) if letters else None,
            PRECEDENCE_LETTERS.get(letters[1]) if len(letters) > 1 else None,
            when,
            signals,
        )
        return _Part("dtg", value, line, problem=problem)

    def from_line(self, children: list[Any]) -> _Part:
        return _Part("from", " ".join(str(children[0]).split()), self._line(children))

    def _read_addressees(self, token: Any) -> tuple[int, list[Addressee]]:
        """The addressees of a block token (a line with no address, TO alone, makes none)
        and the line the block starts on."""
        # The token is a run of what the grammar's ADDRESSEE pattern matches, one line
        # end each, so that pattern reads the lines again one by one and its groups are
        # the parts.
        read_line = self._addressee_line()
        first = line = int(token.line or 0)
        position, end = 0, len(token)
        addressees: list[Addressee] = []
        while position < end:
            parts = read_line(token, position)
            assert parts is not None  # the lexer matched this very text with this pattern
            route, address, niact, word, serial = parts.groups()
            if address is not None or route is not None:
                precedence = None
                if word is not None:
                    precedence = Precedence.NIACT_IMMEDIATE if niact else _PRECEDENCE_WORDS[word]
                # routing_indicator, address, precedence, serial, station_name, span
                addressees.append(
                    Addressee(
                        route,
                        " ".join(address.split()) if address else "",
                        precedence,
                        serial,
                        station_name(route),
                        line_span(line, line),
                    )
                )
            stop = parts.end()
            line += token.count("\n", position, stop)
            position = stop
        return first, addressees

    def addressee_line(self, children: list[Any]) -> list[Addressee]:
        return self._read_addressees(children[0])[1]

    def _block(self, name: str, children: list[Any]) -> _Part:
        first_line, addressees = self._read_addressees(children[0])
        return _Part(name, addressees, first_line)

    def to_block(self, children: list[Any]) -> _Part:
        return self._block("to", children)

    def info_block(self, children: list[Any]) -> _Part:
        return self._block("info", children)

    def exempt_block(self, children: list[Any]) -> _Part:
        return self._block("exempt", children)

    def header(self, children: list[Any]) -> list[_Part]:
        return [child for child in children if isinstance(child, _Part)]


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
        station_name=station_name(station.station),
        spans=tuple(spans),
        notes=notes,
    )
