"""The E.O./DECL line: every DECL form, E.O. numbers and their typos, glued TAGS."""

from __future__ import annotations

import datetime as dt

import pytest

from cableparse._lark import get_parser
from cableparse.model import Declassify
from cableparse.transform.preamble import (
    declassify_date,
    eo_glued_tags,
    executive_order_number,
    read_eo_line,
)


def _read(text: str) -> tuple[str | None, Declassify | None]:
    return read_eo_line(get_parser("preamble").parse(text, start="eo_line"))


@pytest.mark.parametrize(
    ("line", "order", "date", "text"),
    [
        ("E.O. 12958: DECL: 03/22/2017", "12958", dt.date(2017, 3, 22), "03/22/2017"),
        ("EO 12958 DECL: 12/19/2027", "12958", dt.date(2027, 12, 19), "12/19/2027"),
        ("E.O. 12958: DECL: 2035/01/07", "12958", dt.date(2035, 1, 7), "2035/01/07"),
        ("EO 12958 DECL:  1/3/2019 ", "12958", dt.date(2019, 1, 3), "1/3/2019"),
        ("EO 12958 DECL: 07/02/11", "12958", dt.date(2011, 7, 2), "07/02/11"),
        ("E.O. 12958: DECL: 11/29/10", "12958", dt.date(2010, 11, 29), "11/29/10"),
        ("E.o. 12958: decl: 01/07/2014", "12958", dt.date(2014, 1, 7), "01/07/2014"),
        ("E.O. 12958: DECL: OADR", "12958", None, "OADR"),
        ("E.O. 12958:  DECL:  OADR ", "12958", None, "OADR"),
        ("E.O. 12958: DECL: X1", "12958", None, "X1"),
        ("E.O. 12958: DECL: 1.6 X5", "12958", None, "1.6 X5"),
        ("E.O. 13526: DECL: 25X1-human", "13526", None, "25X1-human"),
        ("E.O. 12958: N/A", "12958", None, "N/A"),
        ("E.O. 12958:N/A", "12958", None, "N/A"),
        ("EO 12958 N/A", "12958", None, "N/A"),
        ("E.O. 12958: n/a", "12958", None, "n/a"),
        (
            "E.O. 12958: DECL: TEN YEARS AFTER KOREAN UNIFICATION",
            "12958",
            None,
            "TEN YEARS AFTER KOREAN UNIFICATION",
        ),
        ("E.O. 12958: DECL: CLOSURE OF ICTY", "12958", None, "CLOSURE OF ICTY"),
        ("E.O. 12958: DNG: CO 01/26/2021", "12958", dt.date(2021, 1, 26), "DNG: CO 01/26/2021"),
        ("E.O. 12958 03/24/2019", "12958", dt.date(2019, 3, 24), "03/24/2019"),
        ("E.O. 12958: 07/21/2019", "12958", dt.date(2019, 7, 21), "07/21/2019"),
        ("E.O. 12958: DECLl: 05/12/2018", "12958", dt.date(2018, 5, 12), "05/12/2018"),
        ("E.O. 12958: Declassify on 8/31/2034", "12958", dt.date(2034, 8, 31), "8/31/2034"),
        ("E.O. 11652: GDS", "11652", None, "GDS"),
        (
            "E.O. 12065: GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P",
            "12065",
            dt.date(1985, 8, 12),
            "GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P",
        ),
        ("E.O.12356: DECL: OADR", "12356", None, "OADR"),
        ("E.O 12958: DECL: 02/22/2011", "12958", dt.date(2011, 2, 22), "02/22/2011"),
        ("DECL: 08/22/2017", None, dt.date(2017, 8, 22), "08/22/2017"),
        ("E.O. 12958: DECL: 9/14/2016.", "12958", dt.date(2016, 9, 14), "9/14/2016"),
    ],
)
def test_decl_forms(line: str, order: str | None, date: dt.date | None, text: str) -> None:
    assert _read(line) == (order, Declassify(date, text))


@pytest.mark.parametrize(
    ("written", "order"),
    [
        ("12958", "12958"),
        ("12598", "12958"),  # neighbouring digits swapped
        ("1295", "12958"),  # a digit lost
        ("12355", "12356"),
        ("12358", "12358"),  # one digit from 12356 and from 12958: kept
        ("11652", "11652"),
        ("12065", "12065"),
        ("13526", "13526"),
        ("13562", "13526"),
        ("99999", "99999"),  # no order near: kept as written
    ],
)
def test_executive_order_typos(written: str, order: str) -> None:
    assert executive_order_number(written) == order


def test_reasons_after_the_decl_value_are_not_part_of_it() -> None:
    order, declassify = _read("E.O. 12958: DECL 12/12/2012 REASONS 1.4 (B)")
    assert (order, declassify) == ("12958", Declassify(dt.date(2012, 12, 12), "12/12/2012"))


def test_eo_line_without_decl_value() -> None:
    assert _read("E.O. 12958, reasons 1.4 (b) and (d).") == ("12958", None)
    assert _read("E.O. 12958") == ("12958", None)


@pytest.mark.parametrize(
    ("line", "date", "tags"),
    [
        ("E.O. 12958: DECL: 1/3/2019 TAGS: PTER MOPS ASEC PGOV PK", "1/3/2019", "TAGS: PTER"),
        ("E.O. 12958:  DECL: 03/20/2019 TAG PTER, PGOV, ASEC", "03/20/2019", "TAG PTER"),
        ("E.O. 12958: N/A TAGS: ASEC SNAR KCRM CASC BR", "N/A", "TAGS: ASEC"),
        ("E.o. 12958: decl: 01/07/2014 Tags: prel, pgov, pins, tu", "01/07/2014", "Tags: prel"),
    ],
)
def test_tags_glued_onto_the_decl_line(line: str, date: str, tags: str) -> None:
    tree = get_parser("preamble").parse(line, start="eo_line")
    _, declassify = read_eo_line(tree)
    assert declassify is not None and declassify.text == date
    glued = eo_glued_tags(tree)
    assert glued is not None and glued.startswith(tags)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("03/22/2017", dt.date(2017, 3, 22)),
        ("2017/03/22", dt.date(2017, 3, 22)),
        ("3/2/17", dt.date(2017, 3, 2)),
        ("12/31/99", dt.date(1999, 12, 31)),
        ("03 /22/ 2017", dt.date(2017, 3, 22)),
        ("22/03/2017", dt.date(2017, 3, 22)),  # day first: the only real date
        ("03-22-2017", dt.date(2017, 3, 22)),
        ("AS AMENDED; DECLASSIFIED JUNE 21, 2006", dt.date(2006, 6, 21)),
        ("21 JUNE 2006", dt.date(2006, 6, 21)),
        ("02/30/2017", None),
        ("OADR", None),
        ("X8", None),
        ("25X1", None),
        ("N/A", None),
        ("MR", None),
    ],
)
def test_declassify_date(text: str, date: dt.date | None) -> None:
    assert declassify_date(text) == date


def test_long_decl_line_parses() -> None:
    # A 1 MB line is read in one pass (the value pattern looks one character ahead).
    line = "E.O. 12958: DECL: " + "OADR " * 200_000
    _, declassify = _read(line)
    assert declassify is not None and declassify.text.startswith("OADR OADR")


def test_every_corpus_eo_line_parses(cablegate_pages: list[tuple[str, str, int]]) -> None:
    import re

    opening = re.compile(r"^\s*(?:E\.?\s?O\.?\s?\d{4,6}|EO\s+\d|DECL\s*:)", re.IGNORECASE)
    parser = get_parser("preamble")
    lines = [
        line.strip()
        for _, text, _ in cablegate_pages
        for line in text.splitlines()[:80]
        if opening.match(line)
    ]
    assert len(lines) > 1200
    read = [read_eo_line(parser.parse(line, start="eo_line")) for line in lines]
    with_date = sum(1 for _, declassify in read if declassify and declassify.date)
    assert with_date > 1100
    assert sum(1 for order, _ in read if order == "12958") > 1150
