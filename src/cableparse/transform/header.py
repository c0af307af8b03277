"""Header grammar tree → :class:`~cableparse.model.Header`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from lark import Token, Transformer, Tree

from ..defects import DefectCode
from ..model import Addressee, FieldSpan, Header, Precedence, Relay, Security, Span
from ..policy import DefectSink
from ..vocab import MONTHS, PRECEDENCE_LETTERS, SECURITY_LETTERS, station_name

__all__ = ["HeaderTransformer", "dtg_datetime"]


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


class _Part:
    """A header field found by the transformer, waiting to be assembled."""

    __slots__ = ("last", "line", "name", "value")

    def __init__(self, name: str, value: Any, line: int, last: int | None = None) -> None:
        self.name = name
        self.value = value
        self.line = line
        #: Last input line of a field that wraps (relay indicators); None for one line.
        self.last = last


class HeaderTransformer(Transformer[Token, Any]):
    """Builds header parts; ``offset`` turns grammar line numbers into input lines.

    Every rule method receives the rule's tree with its children already transformed.
    """

    def __init__(self, offset: int, sink: DefectSink) -> None:
        super().__init__(visit_tokens=False)
        self.offset = offset
        self.sink = sink

    def transform(self, tree: Tree[Token]) -> Any:
        # Lark's generic walk (v_args wrappers rebuilt on every call, a visit of every
        # token) cost more than the parse itself; a direct bottom-up walk does the same.
        children = [
            self.transform(child) if isinstance(child, Tree) else child for child in tree.children
        ]
        rebuilt: Tree[Any] = Tree(tree.data, children, tree._meta)
        method = getattr(self, tree.data, None)
        return rebuilt if method is None else method(rebuilt)

    def _line(self, tree: Tree[Any]) -> int:
        # Children are already transformed, so there is seldom a subtree to walk; the
        # generic scan_values (which lists every subtree first) is kept for when there is.
        if not any(isinstance(child, Tree) for child in tree.children):
            for child in tree.children:
                if isinstance(child, Token) and child.line is not None:
                    return int(child.line) + self.offset
            return self.offset + 1
        for token in tree.scan_values(lambda v: isinstance(v, Token)):
            if token.line is not None:
                return int(token.line) + self.offset
        return self.offset + 1

    def _last_line(self, tree: Tree[Any]) -> int:
        last = self._line(tree)
        for token in tree.scan_values(lambda v: isinstance(v, Token)):
            if token.line is not None:
                last = max(last, token.line + self.offset)
        return last

    def transmission_line(self, tree: Tree[Any]) -> _Part:
        return _Part("transmission_id", str(tree.children[0]), self._line(tree))

    def relay_line(self, tree: Tree[Any]) -> _Part:
        pair = str(tree.children[0])
        indicators = tuple(str(t) for t in tree.children[1:])
        relay = Relay(PRECEDENCE_LETTERS.get(pair[0]), indicators)
        return _Part("relay", relay, self._line(tree), self._last_line(tree))

    def station_line(self, tree: Tree[Any]) -> _Part:
        values: dict[str, Any] = {"station": None, "serial": None, "section": None}
        values["filed_day"] = values["filed_time"] = None
        for token in tree.children:
            assert isinstance(token, Token)  # the station line has no sub-rules
            if token.type == "ROUTING_INDICATOR":
                values["station"] = str(token)
            elif token.type == "STATION_SERIAL":
                values["serial"] = int(token)
            elif token.type == "STATION_SECTION":
                values["section"] = int(token)
            elif token.type == "FILED_AT":
                values["filed_day"] = int(token[:3])
                values["filed_time"] = f"{token[3:5]}:{token[5:7]}"
        return _Part("station", values, self._line(tree))

    def note(self, tree: Tree[Any]) -> str:
        return str(tree.children[0])[1:-1].strip()

    def security_line(self, tree: Tree[Any]) -> _Part:
        prefix, code, *rest = tree.children
        signals = tuple(str(t) for t in rest if isinstance(t, Token))
        notes = [t for t in rest if isinstance(t, str) and not isinstance(t, Token)]
        letter = str(code)[0]
        security = Security(
            prefix=str(prefix),
            classification=SECURITY_LETTERS.get(letter),
            signals=signals,
            code=str(code),
            note=notes[0] if notes else None,
        )
        return _Part("security", security, self._line(tree))

    def dtg_line(self, tree: Tree[Any]) -> _Part:
        letters = [
            t for t in tree.children if isinstance(t, Token) and t.type == "PRECEDENCE_LETTER"
        ]
        tokens = {t.type: t for t in tree.children if isinstance(t, Token)}
        signals = tuple(
            str(t) for t in tree.children if isinstance(t, Token) and t.type == "SIGNAL"
        )
        line = self._line(tree)
        when: dt.datetime | None
        try:
            when = dtg_datetime(tokens["DTG_TIME"], tokens["MONTH"], tokens["YEAR"])
        except ValueError as error:
            when = None
            token = tokens["DTG_TIME"]
            self.sink.report(
                DefectCode.DTG_INVALID,
                f"date-time group names no real date: {error}",
                line,
                token.column,
            )
        value = {
            "precedence": PRECEDENCE_LETTERS.get(letters[0]) if letters else None,
            "info_precedence": PRECEDENCE_LETTERS.get(letters[1]) if len(letters) > 1 else None,
            "date_time_group": when,
            "dtg_signals": signals,
        }
        return _Part("dtg", value, line)

    def from_line(self, tree: Tree[Any]) -> _Part:
        return _Part("from", " ".join(str(tree.children[0]).split()), self._line(tree))

    def precedence(self, tree: Tree[Any]) -> Precedence:
        word = str(tree.children[-1])
        if len(tree.children) > 1 and tree.children[0] is not None:
            return Precedence.NIACT_IMMEDIATE
        return Precedence(word)

    def addressee(self, tree: Tree[Any]) -> Addressee | None:
        route = address = serial = None
        precedence: Precedence | None = None
        for child in tree.children:
            if isinstance(child, Precedence):
                precedence = child
            elif isinstance(child, Token):
                if child.type == "ROUTE":
                    route = str(child)[:-1]
                elif child.type == "ADDRESS":
                    address = " ".join(child.split())
                elif child.type == "ADDRESSEE_SERIAL":
                    serial = str(child)
        if address is None and route is None:
            return None
        line = self._line(tree)
        return Addressee(
            routing_indicator=route,
            address=address or "",
            precedence=precedence,
            serial=serial,
            station_name=station_name(route),
            span=Span(line, line),
        )

    def addressee_list(self, tree: Tree[Any]) -> list[Addressee]:
        return [child for child in tree.children if isinstance(child, Addressee)]

    def addressee_line(self, tree: Tree[Any]) -> list[Addressee]:
        return [child for child in tree.children if isinstance(child, Addressee)]

    def _block(self, name: str, tree: Tree[Any]) -> _Part:
        addressees = tree.children[0]
        assert isinstance(addressees, list)  # built by addressee_list
        lines = [a.span.first_line for a in addressees if a.span is not None]
        return _Part(name, addressees, min(lines) if lines else self._line(tree))

    def to_block(self, tree: Tree[Any]) -> _Part:
        return self._block("to", tree)

    def info_block(self, tree: Tree[Any]) -> _Part:
        return self._block("info", tree)

    def exempt_block(self, tree: Tree[Any]) -> _Part:
        return self._block("exempt", tree)

    def header(self, tree: Tree[Any]) -> list[_Part]:
        return [child for child in tree.children if isinstance(child, _Part)]


def assemble_header(parts: list[_Part], notes_spans: tuple[FieldSpan, ...] = ()) -> Header:
    """Combine the parts of a header (from one parse or from the line-by-line fallback)."""
    fields: dict[str, Any] = {}
    spans: list[FieldSpan] = list(notes_spans)
    to: list[Addressee] = []
    info: list[Addressee] = []
    exempt: list[Addressee] = []
    lists = {"to": to, "info": info, "exempt": exempt}
    for part in parts:
        if part.name in lists:
            lists[part.name].extend(part.value)
            addressees: list[Addressee] = part.value
            last = max((a.span.last_line for a in addressees if a.span), default=part.line)
            spans.append(FieldSpan(part.name, Span(part.line, last)))
            continue
        spans.append(FieldSpan(part.name, Span(part.line, part.last or part.line)))
        if part.name == "station":
            value = part.value
            fields.setdefault("station", value["station"])
            fields.setdefault("station_serial", value["serial"])
            fields.setdefault("station_section", value["section"])
            fields.setdefault("filed_day_of_year", value["filed_day"])
            fields.setdefault("filed_time", value["filed_time"])
        elif part.name == "dtg":
            for key, item in part.value.items():
                fields.setdefault(key, item)
        elif part.name == "from":
            fields.setdefault("from_", part.value)
        else:
            fields.setdefault(part.name, part.value)
    return Header(
        **fields,
        to=tuple(to),
        info=tuple(info),
        exempt=tuple(exempt),
        station_name=station_name(fields.get("station")),
        spans=tuple(spans),
    )
