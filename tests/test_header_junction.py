"""Where the routing header meets what follows it: stamps, notes, page lines, tabs."""

from __future__ import annotations

import cableparse

HEAD = """VZCZCXRO2111
OO RUEHCN RUEHGH
DE RUEHBJ #1960/01 0810816
ZNY CCCCC ZZH
O 220816Z MAR 07
FM AMEMBASSY BEIJING
TO RUEHC/SECSTATE WASHDC IMMEDIATE 6090
INFO RUEHOO/CHINA POSTS COLLECTIVE PRIORITY
RUEHMO/AMEMBASSY MOSCOW 1234"""

CLASSIFICATION_LINE = "C O N F I D E N T I A L SECTION 01 OF 02 BEIJING 001960"

BODY = """
SIPDIS

E.O. 12958: DECL: 03/22/2017
TAGS: PREL CH
SUBJECT: CHINA AND RUSSIA

Classified By: Ambassador Clark T. Randt, Jr.  Reasons 1.4 (b) and (d).

1. (C) Text of paragraph one.
"""


def _addressees(cable: cableparse.Cable) -> list[tuple[str | None, str, str | None]]:
    assert cable.header is not None
    return [(a.routing_indicator, a.address, a.serial) for a in cable.header.to + cable.header.info]


def test_lines_that_cannot_be_addressees_end_the_list() -> None:
    # The cables.csv layout: the header column, a line end, the content column.
    for line in (
        "Tuesday, 19 May 2009, 12:58",
        "ID: 09BEIJING1960",
        "ORIGIN: Embassy Beijing",
        "NOTE - DO NOT PUBLISH - AWAITING LEGAL REVIEW",
    ):
        cable = cableparse.parse_cable(HEAD + "\n" + line + "\n" + CLASSIFICATION_LINE + BODY)
        assert _addressees(cable)[-1] == ("RUEHMO", "AMEMBASSY MOSCOW", "1234"), line
        assert cable.header is not None and len(cable.header.info) == 2, line
        assert (cable.origin, cable.serial) == ("BEIJING", 1960), line
        # The line is kept somewhere: in a field's span, a marker, unparsed or a defect.
        kept = [m.text for m in cable.markers] + [u.text for u in cable.unparsed]
        kept += [d.message for d in cable.defects]
        spans = [s.span for s in cable.spans]
        assert any(line in text for text in kept) or any(
            s.first_line <= 10 <= s.last_line for s in spans
        ), line


def test_a_page_line_inside_the_addressee_list_is_a_note() -> None:
    page = "PAGE 02        STATE 015113  182333Z"
    head = HEAD.replace("\nRUEHMO", "\n" + page + "\nRUEHMO")
    cable = cableparse.parse_cable(head + "\n\n" + CLASSIFICATION_LINE + BODY)
    assert cable.header is not None
    assert _addressees(cable)[1:] == [
        ("RUEHOO", "CHINA POSTS COLLECTIVE", None),
        ("RUEHMO", "AMEMBASSY MOSCOW", "1234"),
    ]
    assert cable.header.notes == (page,)
    to_page = HEAD.replace("\nINFO", "\n" + page + "\nINFO")
    assert _addressees(cableparse.parse_cable(to_page + "\n\n" + CLASSIFICATION_LINE + BODY)) == (
        _addressees(cable)
    )


def test_tabs_in_the_office_distribution_block_are_blanks() -> None:
    text = (
        "This record is a partial extract of the original cable. The full text of the "
        "original cable is not available.\n\n"
        "                           CONFIDENTIAL     PTQ1859\n\n"
        "PAGE 01        HARARE  06677  01 OF 03  291400Z\n"
        "ACTION AF-00\n\n"
        "INFO  LOG-00   NP-00    AID-00   ACQ-00\tCEA-01   CIAE-00\n"
        "      SANA-00\t/001W\n"
        "                  ------------------A54E38  291401Z /38\n"
        "FM AMEMBASSY HARARE\n"
        "TO SECSTATE WASHDC IMMEDIATE 7738\n"
        "INFO NSC WASHDC IMMEDIATE\n\n"
        "C O N F I D E N T I A L SECTION 01 OF 03 HARARE 006677\n\nSUBJECT: ZIMBABWE\n"
    )
    cable = cableparse.parse_cable(text)
    assert cable.header is not None
    assert cable.header.from_ == "AMEMBASSY HARARE"
    assert [(a.address, a.serial) for a in cable.header.to] == [("SECSTATE WASHDC", "7738")]
    assert [a.address for a in cable.header.info] == ["NSC WASHDC"]
    assert "      SANA-00\t/001W".strip() in [n.strip() for n in cable.header.notes]
    assert (cable.origin, cable.serial) == ("HARARE", 6677)


def test_addressees_with_dashes_and_slashes_stay_in_the_list() -> None:
    head = HEAD + "\nRUEHPU/AMEMBASSY PORT-AU-PRINCE 0001\nRHMFISS/CDR USSOUTHCOM MIAMI FL//J2/J3//"
    cable = cableparse.parse_cable(head + "\n" + CLASSIFICATION_LINE + BODY)
    assert _addressees(cable)[-2:] == [
        ("RUEHPU", "AMEMBASSY PORT-AU-PRINCE", "0001"),
        ("RHMFISS", "CDR USSOUTHCOM MIAMI FL//J2/J3//", None),
    ]
    assert (cable.origin, cable.serial) == ("BEIJING", 1960)


def test_blank_lines_between_the_addressee_blocks_and_inside_a_list() -> None:
    head = HEAD.replace("\nTO ", "\n\nTO ").replace("\nINFO", "\n\nINFO")
    head = head.replace("\nRUEHMO", "\n\nRUEHMO")
    cable = cableparse.parse_cable(head + "\n\n" + CLASSIFICATION_LINE + BODY)
    assert cable.header is not None and cable.header.from_ == "AMEMBASSY BEIJING"
    assert _addressees(cable) == [
        ("RUEHC", "SECSTATE WASHDC", "6090"),
        ("RUEHOO", "CHINA POSTS COLLECTIVE", None),
        ("RUEHMO", "AMEMBASSY MOSCOW", "1234"),
    ]
    assert cable.distribution == ()
    assert (cable.origin, cable.serial) == ("BEIJING", 1960)


def test_a_line_of_no_known_kind_between_format_lines_is_a_note() -> None:
    head = HEAD.replace("ZZH\n", "ZZH\nZUI RUEWMCE1074 1581702\n")
    cable = cableparse.parse_cable(head + "\n\n" + CLASSIFICATION_LINE + BODY)
    assert cable.header is not None
    assert cable.header.notes == ("ZUI RUEWMCE1074 1581702",)
    assert cable.header.date_time_group is not None and cable.header.from_ is not None
    assert len(_addressees(cable)) == 3
    assert cable.distribution == ()
