"""Routing header variants, written in the shapes real cables use."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cableparse
from cableparse import Classification, DefectCode, Precedence, Span


def header_of(text: str) -> cableparse.Header:
    cable = cableparse.parse_cable(text)
    assert cable.header is not None
    return cable.header


SECTIONED = """VZCZCXYZ0000
OO RUEHWEB

DE RUEHAS #1809/01 3541012
ZNY SSSSS ZZH
O P 131528Z MAY 08 ZDS
FM AMEMBASSY RIGA
TO RUEHC/SECSTATE WASHDC NIACT IMMEDIATE 0612-0615
ZEN/SECDEF WASHINGTON DC IMMEDIATE
INFO RUEHBP/AMEMBASSY BAMAKO PRIORITY 0358
RUEPGBA/CDR USEUCOM INTEL VAIHINGEN GE PRIORITY
RHMCSUU/JOINT STAFF WASHINGTON DC//J3//
XMT AMCONSUL JOHANNESBURG

S E C R E T SECTION 01 OF 04 RIGA 000123
"""


def test_sectioned_cable_with_dual_precedence_zen_and_xmt() -> None:
    header = header_of(SECTIONED)
    assert header.transmission_id == "VZCZCXYZ0000"
    assert header.relay is not None
    assert header.relay.routing_indicators == ("RUEHWEB",)
    assert (header.station, header.station_serial, header.station_section) == ("RUEHAS", 1809, 1)
    assert (header.filed_day_of_year, header.filed_time) == (354, "10:12")
    assert header.precedence is Precedence.IMMEDIATE
    assert header.info_precedence is Precedence.PRIORITY
    assert header.dtg_signals == ("ZDS",)
    assert header.date_time_group == dt.datetime(2008, 5, 13, 15, 28, tzinfo=dt.timezone.utc)
    first, zen = header.to
    assert first.precedence is Precedence.NIACT_IMMEDIATE
    assert first.serial == "0612-0615"
    assert (zen.routing_indicator, zen.address, zen.precedence) == (
        "ZEN",
        "SECDEF WASHINGTON DC",
        Precedence.IMMEDIATE,
    )
    assert [a.address for a in header.info] == [
        "AMEMBASSY BAMAKO",
        "CDR USEUCOM INTEL VAIHINGEN GE",
        "JOINT STAFF WASHINGTON DC//J3//",
    ]
    assert header.info[1].serial is None
    assert [(a.routing_indicator, a.address) for a in header.exempt] == [
        (None, "AMCONSUL JOHANNESBURG")
    ]


def test_security_line_signals_and_note() -> None:
    header = header_of(
        "VZCZCXRO5911\nOO RUEHDBU\nDE RUEHFR #1007 2051555\n"
        "ZNY CCCCC ZZH(CCY AD6CB6C9 WSC6493 634)\nO 241555Z JUL 09\nFM AMEMBASSY PARIS\n"
        "TO RHEHNSC/WHITE HOUSE NSC WASHINGTON DC IMMEDIATE\n"
        "RHMFISS/CDR USEUCOM VAIHINGEN GE PRIORITY\n"
    )
    assert header.security is not None
    assert header.security.classification is Classification.CONFIDENTIAL
    assert header.security.signals == ("ZZH",)
    assert header.security.note == "CCY AD6CB6C9 WSC6493 634"
    assert header.to[0].station_name == "WHITE HOUSE NATIONAL SECURITY COUNCIL WASHINGTON DC"
    # RHMFISS (a SIPRNet message interpreter) is not in the ACP 117 table: never guessed.
    assert header.to[1].routing_indicator == "RHMFISS"
    assert header.to[1].station_name is None
    assert header.station_name == "AMEMBASSY PARIS"


def test_relay_indicators_wrap_over_lines() -> None:
    header = header_of(
        "VZCZCXRO1706\nPP RUEHAG RUEHAO RUEHBC\nRUEHDBU RUEHDE\nRUEHHA\n"
        "DE RUEHC #9085 3241212\nZNR UUUUU ZZH\nP 201212Z NOV 09\nFM SECSTATE WASHDC\n"
        "TO ALL DIPLOMATIC AND CONSULAR POSTS PRIORITY\n"
    )
    assert header.relay is not None
    assert header.relay.precedence is Precedence.PRIORITY
    assert header.relay.routing_indicators == (
        "RUEHAG",
        "RUEHAO",
        "RUEHBC",
        "RUEHDBU",
        "RUEHDE",
        "RUEHHA",
    )
    assert header.security is not None
    assert header.security.classification is Classification.UNCLASSIFIED


def test_short_header_of_an_old_cable() -> None:
    cable = cableparse.parse_cable(
        "P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\nTO SECSTATE WASHDC 1234\n"
        "INFO AMEMBASSY MONTEVIDEO\nAMEMBASSY SANTIAGO\n\n"
        "C O N F I D E N T I A L BUENOS AIRES 2481\n\nSUBJECT: TEST\n"
    )
    header = cable.header
    assert header is not None
    assert header.transmission_id is None and header.station is None
    assert header.precedence is Precedence.PRIORITY
    assert header.info_precedence is Precedence.ROUTINE
    assert header.date_time_group == dt.datetime(1966, 12, 28, 18, 48, tzinfo=dt.timezone.utc)
    assert [(a.routing_indicator, a.address, a.serial) for a in header.to] == [
        (None, "SECSTATE WASHDC", "1234")
    ]
    assert [a.address for a in header.info] == ["AMEMBASSY MONTEVIDEO", "AMEMBASSY SANTIAGO"]
    assert cable.reference_id == "66BUENOSAIRES2481"


NOTICE = (
    "This record is a partial extract of the original cable."
    " The full text of the original cable is not available."
)
PARTIAL = (
    NOTICE
    + """

291359Z Nov 00


                           CONFIDENTIAL     PTQ1859

PAGE 01        HARARE  06677  01 OF 03  291400Z
ACTION AF-00

INFO  LOG-00   NP-00    AID-00   ACQ-00   CEA-01   CIAE-00  COME-00
      SAS-00   SWCI-00    /012W
                  ------------------A54E38  291401Z /38
FM AMEMBASSY HARARE
TO SECSTATE WASHDC IMMEDIATE 7738
INFO NSC WASHDC IMMEDIATE

C O N F I D E N T I A L SECTION 01 OF 03 HARARE 006677
"""
)


def test_partial_extract_layout_keeps_its_notes() -> None:
    cable = cableparse.parse_cable(PARTIAL)
    header = cable.header
    assert header is not None
    assert header.date_time_group == dt.datetime(2000, 11, 29, 13, 59, tzinfo=dt.timezone.utc)
    assert header.from_ == "AMEMBASSY HARARE"
    assert header.to[0].serial == "7738"
    assert header.notes[0].startswith("This record is a partial extract")
    assert "ACTION AF-00" in header.notes
    assert any(note.startswith("INFO  LOG-00") for note in header.notes)
    assert cable.unparsed == ()
    assert cable.reference_id == "00HARARE6677"


# The layout of the 1970s telegrams (NARA's Access to Archival Databases): the office
# distribution opens with codes other than LOG-00, and who drafted, approved and cleared
# the telegram stands between it and the date-time group, in lines of no fixed shape.
ARCHIVAL = """CONFIDENTIAL

PAGE 01        STATE  065432
ORIGIN EUR-12

INFO  OCT-01   ISO-00   SS-15    NSC-05   /033 R

DRAFTED BY EUR/WE:JSMITH:JD
APPROVED BY EUR:AAHARTMAN
S/S:MR. ORTIZ
------------------------------------------------------ 221603Z /42
O 221545Z MAR 75
FM SECSTATE WASHDC
TO AMEMBASSY PARIS IMMEDIATE
INFO AMEMBASSY LONDON
USMISSION NATO

C O N F I D E N T I A L STATE 065432

E.O. 11652: GDS
TAGS: PFOR, FR, UK
SUBJECT: FRENCH POSITION ON CSCE

1. EMBASSY SHOULD INFORM FOREIGN MINISTRY THAT WE SHARE
FRENCH VIEW ON TIMING.
KISSINGER


CONFIDENTIAL

<< END OF DOCUMENT >>
"""


def test_archival_layout_with_drafting_lines_above_the_format_lines() -> None:
    cable = cableparse.parse(ARCHIVAL)
    assert isinstance(cable, cableparse.Cable)
    header = cable.header
    assert header is not None
    assert header.date_time_group == dt.datetime(1975, 3, 22, 15, 45, tzinfo=dt.timezone.utc)
    assert header.precedence is Precedence.IMMEDIATE
    assert header.from_ == "SECSTATE WASHDC"
    assert [a.address for a in header.to] == ["AMEMBASSY PARIS"]
    # The office list is no INFO block; the addressees of the real one are.
    assert [a.address for a in header.info] == ["AMEMBASSY LONDON", "USMISSION NATO"]
    assert header.notes[:4] == (
        "CONFIDENTIAL",
        "PAGE 01        STATE  065432",
        "ORIGIN EUR-12",
        "INFO  OCT-01   ISO-00   SS-15    NSC-05   /033 R",
    )
    assert "S/S:MR. ORTIZ" in header.notes
    assert cable.reference_id == "75STATE65432"
    assert cable.subject == "FRENCH POSITION ON CSCE"
    assert cable.signature == "KISSINGER"
    assert cable.paragraphs[-1].text.endswith("ON TIMING.")
    assert [m.text for m in cable.markers][-1] == "<< END OF DOCUMENT >>"
    assert cable.unparsed == () and cable.defects == ()
    # Other printouts end with NNN, three letters where the wire sent four.
    ended = cableparse.parse(ARCHIVAL.replace("<< END OF DOCUMENT >>", "NNN"))
    assert isinstance(ended, cableparse.Cable)
    assert ended.signature == "KISSINGER"
    assert [m.text for m in ended.markers][-1] == "NNN"


def test_archival_layout_of_a_corpus_page(cablegate_pages: list[tuple[str, str, int]]) -> None:
    # A real page of the same family, its office list and drafting lines as the 1970s
    # printed them: the header reads as on the page itself.
    text = next(text for name, text, _ in cablegate_pages if name == "90CAPETOWN97")
    original = cableparse.parse(text)
    assert isinstance(original, cableparse.Cable) and original.header is not None
    variant = text.replace("LOG-00", "OCT-01").replace(
        "ACTION AF-00\n", "ORIGIN AF-00\n\nDRAFTED BY AF/S:JDOE\nAF/S - MR. ROE\n"
    )
    assert variant.count("DRAFTED BY") == 1 and "OCT-01" in variant
    cable = cableparse.parse(variant)
    assert isinstance(cable, cableparse.Cable) and cable.header is not None
    assert cable.header.date_time_group == original.header.date_time_group
    assert cable.header.from_ == "AMCONSUL CAPE TOWN"
    assert cable.header.info == original.header.info
    assert "AF/S - MR. ROE" in cable.header.notes
    assert cable.reference_id == original.reference_id == "90CAPETOWN97"
    assert cable.paragraphs == original.paragraphs


# The catalogue fields a PlusD page shows above a telegram, copied as text.
CATALOGUE = """Date: 2007 March 22, 08:16 (Thursday)
Canonical ID: 07BEIJING1960_a
Original Classification: CONFIDENTIAL
Current Classification: CONFIDENTIAL
Handling Restrictions: -- N/A or Blank --
Executive Order: -- N/A or Blank --
TAGS: CH - China (Mainland) | PREL - External Political Relations | UNSC
Enclosure: -- N/A or Blank --
Type: TE
From: China Beijing
To: Secretary of State

"""


def test_catalogue_fields_above_the_header(seed_cable_text: str) -> None:
    original = cableparse.parse(seed_cable_text)
    cable = cableparse.parse(CATALOGUE + seed_cable_text)
    assert isinstance(original, cableparse.Cable) and original.header is not None
    assert isinstance(cable, cableparse.Cable) and cable.header is not None
    # The catalogue's TAGS line no longer ends the search for the routing header.
    assert cable.header.date_time_group == original.header.date_time_group
    assert cable.header.to == original.header.to and cable.header.info == original.header.info
    assert cable.header.notes[:2] == (
        "Date: 2007 March 22, 08:16 (Thursday)",
        "Canonical ID: 07BEIJING1960_a",
    )
    assert len(cable.header.notes) == len(original.header.notes) + len(
        CATALOGUE.strip().splitlines()
    )
    assert cable.reference_id == original.reference_id == "07BEIJING1960"
    assert [t.code for t in cable.tags] == [t.code for t in original.tags]
    assert [p.text for p in cable.paragraphs] == [p.text for p in original.paragraphs]


def test_a_field_label_first_is_no_catalogue() -> None:
    # A fragment that opens with SUBJECT is a preamble: the Foreign Minister below it is
    # no FM line.
    fragment = "SUBJECT: TALKS IN MOSCOW\n\nFM LAVROV TOLD THE AMBASSADOR THAT TALKS WOULD GO ON.\n"
    assert cableparse.parse_cable(fragment).header is None


def test_a_damaged_dtg_costs_only_its_line(seed_cable_text: str) -> None:
    damaged = seed_cable_text.replace("O 220816Z MAR 07", "O 22Q816Z MAR 07")
    cable = cableparse.parse_cable(damaged)
    assert cable.header is not None
    assert cable.header.date_time_group is None
    assert cable.header.station == "RUEHBJ"
    assert len(cable.header.info) == 3
    dtg = [d for d in cable.defects if d.code is DefectCode.DTG_INVALID]
    assert [d.line for d in dtg] == [7]
    assert [u.line for u in cable.unparsed] == [7]
    with pytest.raises(cableparse.ParseError) as raised:
        cableparse.parse_cable(damaged, strict=True)
    assert raised.value.line == 7
    assert isinstance(raised.value.column, int)


def test_a_note_after_the_date_time_group_is_kept() -> None:
    header = header_of(
        "VZCZCXRO1234\nDE RUEHRL #1273/01 2821547\nZNY CCCCC ZZH\n"
        "O R 091547Z OCT 09     (CCY ADC1AECC MSI3311-632)\nFM AMEMBASSY BERLIN\n"
        "TO RUEHC/SECSTATE WASHDC IMMEDIATE 5380\n"
    )
    assert header.dtg_note == "CCY ADC1AECC MSI3311-632"
    assert header.security is not None and header.security.note is None
    assert header.info_precedence is Precedence.ROUTINE
    short = cableparse.parse_cable("O 091547Z OCT 09 (CCY X)\nFM AMEMBASSY BERLIN\nTO X\n")
    again = cableparse.from_json(cableparse.to_json(short))
    assert isinstance(again, cableparse.Cable) and again.header == short.header
    assert short.header is not None and short.header.dtg_note == "CCY X"


def test_impossible_date_is_a_defect() -> None:
    cable = cableparse.parse_cable("O 311200Z FEB 07\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC\n")
    assert cable.header is not None
    assert cable.header.date_time_group is None
    assert [d.code for d in cable.defects][:1] == [DefectCode.DTG_INVALID]


def test_header_without_body() -> None:
    cable = cableparse.parse_cable("VZCZCXRO2111\nOO RUEHCN\nDE RUEHBJ #1960 0810816\n")
    assert cable.header is not None
    assert cable.header.station_serial == 1960
    assert cable.paragraphs == ()


def test_classification_line_above_the_header() -> None:
    cable = cableparse.parse_cable(
        "S E C R E T   STATE   00119085\nVZCZCXRO1706\nPP RUEHAG\nDE RUEHC #9085 3241212\n"
        "ZNY SSSSS ZZH\nP 201212Z NOV 09\nFM SECSTATE WASHDC\nTO ALL POSTS PRIORITY\n\n"
        "E.O. 12958: DECL: 11/20/2019\nTAGS: PREL\nSUBJECT: ORDER\n\n1. (S) Text.\n"
    )
    assert cable.header is not None and cable.header.station == "RUEHC"
    assert cable.reference_id == "09STATE119085"
    assert cable.classification is Classification.SECRET
    assert cable.subject == "ORDER"


def test_page_break_inside_the_to_line() -> None:
    header = header_of(
        "P 182318Z FEB 09\nFM SECSTATE WASHDC\nTO PAGE 02        STATE   015113  182333Z \n"
        "ALL DIPLOMATIC POSTS COLLECTIVE PRIORITY\nAMEMBASSY TRIPOLI PRIORITY\n"
    )
    assert [(a.address, a.precedence) for a in header.to] == [
        ("ALL DIPLOMATIC POSTS COLLECTIVE", Precedence.PRIORITY),
        ("AMEMBASSY TRIPOLI", Precedence.PRIORITY),
    ]
    assert header.notes == ("PAGE 02        STATE   015113  182333Z",)


def test_niact_immediate_without_routing_indicators() -> None:
    header = header_of(
        "O 201405Z DEC 89\nFM SECSTATE WASHDC\nTO SPECIAL EMBASSY PROGRAM NIACT IMMEDIATE\n"
        "AMCONSUL LENINGRAD NIACT IMMEDIATE\n"
    )
    assert [(a.routing_indicator, a.address, a.precedence) for a in header.to] == [
        (None, "SPECIAL EMBASSY PROGRAM", Precedence.NIACT_IMMEDIATE),
        (None, "AMCONSUL LENINGRAD", Precedence.NIACT_IMMEDIATE),
    ]


def test_addressee_keyword_alone_on_its_line_keeps_its_line() -> None:
    # A page break can leave TO alone on its line; the block's span starts there, and no
    # span of the header points at line 0.
    header = header_of(
        "VZCZCXRO1\nDE RUEHBJ #1960/01 0810816\nZNY CCCCC ZZH\nO 220816Z MAR 07\n"
        "FM AMEMBASSY BEIJING\nTO\nRUEHC/SECSTATE WASHDC 1\nINFO RUEHBJ/AMEMBASSY BEIJING\n\n"
        "C O N F I D E N T I A L BEIJING 001960\n\nSUBJECT: X\n\n1. (C) Text.\n"
    )
    spans = {field.name: field.span for field in header.spans}
    assert (spans["to"].first_line, spans["to"].last_line) == (6, 7)
    assert (spans["info"].first_line, spans["info"].last_line) == (8, 8)
    assert [a.address for a in header.to] == ["SECSTATE WASHDC"]
    assert all(field.span.first_line >= 1 for field in header.spans)


def test_headers_read_off_lark_trees_are_the_same(
    cablegate_pages: list[tuple[str, str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Where the installed Lark keeps its tables in another shape, the tokens come from
    # Lark's own parse and tree: the header read from them is the same.
    import functools

    from cableparse import header as header_module
    from cableparse.lalr import _spans_by_lark

    texts = [text for _, text, _ in cablegate_pages[::5]]
    fast = [cableparse.parse_cable(text) for text in texts]
    monkeypatch.setattr(
        header_module,
        "span_reader",
        lambda parser, by_shape=False: functools.partial(_spans_by_lark, parser),
    )
    slow = [cableparse.parse_cable(text) for text in texts]
    assert sum(cable.header is not None for cable in fast) > 200
    assert [(c.header, c.defects, c.unparsed) for c in slow] == [
        (c.header, c.defects, c.unparsed) for c in fast
    ]


_DAMAGED_HEADER = """VZCZCXRO1234
DE RUEHBJ #19X0
DE RUEHBJ #27X5
DE RUEHBJ #3X 0811234
ZNY CCCCC ZZH
O 320816Z MAR 07
O 22Q816Z MAR 07
O 23Q915Z APR 08
FM AMEMBASSY BEIJING
TO RUEHC/SECSTATE WASHDC IMMEDIATE 6090
"""


def test_lines_of_one_shape_each_get_their_own_defect(monkeypatch: pytest.MonkeyPatch) -> None:
    # The header is read line by line; Lark's error for a refused line is remembered by
    # the line's shape (digits written 9), the parts of an accepted one by its text: each
    # line still gets its own text and line, and what Lark's own parse of it gives.
    import functools

    from cableparse import header as header_module
    from cableparse.lalr import _spans_by_lark

    fast = cableparse.parse_cable(_DAMAGED_HEADER * 2)
    assert fast.header is not None
    assert fast.header.from_ == "AMEMBASSY BEIJING"
    assert [a.span.first_line for a in fast.header.to if a.span] == [10, 20]
    refused = [d for d in fast.defects if d.code is DefectCode.HEADER_LINE_INVALID]
    assert [d.line for d in refused] == [2, 3, 4, 12, 13, 14]
    assert [d.message.split(";")[0] for d in refused[:2]] == [
        "malformed header line: 'DE RUEHBJ #19X0'",
        "malformed header line: 'DE RUEHBJ #27X5'",
    ]
    assert "expected the day of the year and time" in refused[1].message
    dates = [d for d in fast.defects if d.code is DefectCode.DTG_INVALID]
    assert [d.line for d in dates] == [6, 7, 8, 16, 17, 18]
    assert "'O 23Q915Z APR 08'" in dates[2].message
    assert [u.line for u in fast.unparsed] == [2, 3, 4, 7, 8, 12, 13, 14, 17, 18]

    monkeypatch.setattr(
        header_module,
        "span_reader",
        lambda parser, by_shape=False: functools.partial(_spans_by_lark, parser),
    )
    monkeypatch.setattr(header_module, "shape", lambda parser, text: None)
    monkeypatch.setattr(header_module, "_UNNUMBERED", frozenset())  # no line read twice
    slow = cableparse.parse_cable(_DAMAGED_HEADER * 2)
    assert (slow.header, slow.defects, slow.unparsed) == (fast.header, fast.defects, fast.unparsed)


_OPENING_PIECES = st.sampled_from(
    ["FM", "TO", "INFO", "XMT", "OO", "ZZ", "RR", "O", "P", "DE", "ZNY", "ZNR", "VZCZC",
     "LOG-00", "RUEHC", "R", "#", "/", " ", "  ", "221234Z", "22Q816Z", "MAR", "07", "1960"]
)  # fmt: skip


@given(st.lists(_OPENING_PIECES, max_size=6).map("".join))
def test_format_line_kinds_agree_with_the_keyword_and_relay_openings(line: str) -> None:
    # One match tells what the addressee keyword and relay opening patterns told.
    from cableparse.header import _ADDRESSEE_KEYWORD, _FORMAT_LINE, _RELAY_OPENING

    found = _FORMAT_LINE.match(line)
    kind = found.lastgroup if found is not None else None
    assert (kind == "addressees") is (found is not None and bool(_ADDRESSEE_KEYWORD.match(line)))
    assert (kind == "relay") is (found is not None and bool(_RELAY_OPENING.match(line)))


def test_addresses_fold_every_kind_of_white_space() -> None:
    header = header_of(
        "VZCZCXRO1234\nDE RUEHBJ #1960 0810816\nZNY CCCCC ZZH\nO 220816Z MAR 07\n"
        "FM AMEMBASSY\u00a0BEIJING\nTO RUEHC/SECSTATE\u00a0WASHDC PRIORITY 1234\n"
        "INFO RUEHXX/AMEMBASSY  PARIS\u00a0\nRUEHYY/AMEMBASSY\tROME\nRUEHZZ/AMEMBASSY OSLO\n\n"
        "C O N F I D E N T I A L BEIJING 001960\n"
    )
    assert header.from_ == "AMEMBASSY BEIJING"
    assert [a.address for a in header.to + header.info] == [
        "SECSTATE WASHDC",
        "AMEMBASSY PARIS",
        "AMEMBASSY ROME",
        "AMEMBASSY OSLO",
    ]


def test_a_four_digit_year_under_1000_survives_json() -> None:
    # Datetimes are written in ISO 8601 with four-digit years, so from_json reads back
    # what to_json wrote (strftime's %Y wrote "999", which fromisoformat refuses).
    cable = cableparse.parse_cable(
        "DE RUEHBJ #1960 0810816\nZNY CCCCC ZZH\nO 220816Z MAR 0999\nFM AMEMBASSY BEIJING\n"
        "TO RUEHC/SECSTATE WASHDC PRIORITY 1234\n\nC O N F I D E N T I A L BEIJING 001960\n"
    )
    assert cable.header is not None
    assert cableparse.to_dict(cable)["header"]["date_time_group"] == "0999-03-22T08:16:00Z"
    assert cableparse.from_json(cableparse.to_json(cable)) == cable


def test_a_serial_between_double_slashes_is_the_serial() -> None:
    # The layout of some posts in the 1990s: the serial where an office would stand.
    header = header_of(
        "R 080800Z DEC 92\nFM AMCONSUL IZMIR\nTO AMEMBASSY ANKARA//6318//\n"
        "SECSTATE WASH DC 9870\nINFO AMCONSUL ADANA//4251//\n"
        "USCINCEUR VAIHINGEN GE//POLAD//\nAMCONSUL ISTANBUL //12//\n\n"
        "UNCLAS IZMIR 0819\n\nSUBJ: TEST\n"
    )
    assert [(a.address, a.serial) for a in header.to + header.info] == [
        ("AMEMBASSY ANKARA", "6318"),
        ("SECSTATE WASH DC", "9870"),
        ("AMCONSUL ADANA", "4251"),
        ("USCINCEUR VAIHINGEN GE//POLAD//", None),
        ("AMCONSUL ISTANBUL //12//", None),
    ]


def test_addressee_lines_wrapped_at_a_narrow_width_go_on_with_the_addressee() -> None:
    # Re-wrapped copies put the rest of an addressee, its precedence or its serial on a
    # line of its own: those lines were read as nothing and lost.
    header = header_of(
        "O 251359Z NOV 09\nFM AMEMBASSY BEIJING\nTO RUEHC/SECSTATE\nWASHDC IMMEDIATE\n5503\n"
        "INFO RUEHRI/AMCONSUL RIO DE JANEIRO\nPRIORITY\nRUEHXX/AMEMBASSY PARIS PRIORITY 12\n"
        "ROUTINE 13\n\nUNCLAS BEIJING 001960\n\nSUBJECT: TEST\n"
    )
    assert [
        (a.routing_indicator, a.address, a.precedence, a.serial, a.span)
        for a in header.to + header.info
    ] == [
        ("RUEHC", "SECSTATE WASHDC", Precedence.IMMEDIATE, "5503", Span(3, 5)),
        ("RUEHRI", "AMCONSUL RIO DE JANEIRO", Precedence.PRIORITY, None, Span(6, 7)),
        ("RUEHXX", "AMEMBASSY PARIS", Precedence.PRIORITY, "12", Span(8, 8)),
        # What the addressee above has already stands as an addressee of its own.
        (None, "", Precedence.ROUTINE, "13", Span(9, 9)),
    ]
    # Older lists give only the first addressee a routing indicator (90KHARTOUM11067).
    header = header_of(
        "O 251359Z NOV 90\nFM AMEMBASSY KHARTOUM\nTO SECSTATE WASHDC\n"
        "INFO RUEHRH/AMEMBASSY RIYADH\nAMEMBASSY NDJAMENA\n\nUNCLAS KHARTOUM 11067\n"
    )
    assert [a.address for a in header.info] == ["AMEMBASSY RIYADH", "AMEMBASSY NDJAMENA"]


@pytest.mark.parametrize(
    "to_line",
    ["TO\tZEN/AMEMBASSY\tBELMOPAN\tNIACT\tIMMEDIATE\t2276", "TO \u00a0RUEHC/SECSTATE WASHDC 9609"],
)
def test_addressees_under_a_refused_to_line_stay_in_the_to_list(to_line: str) -> None:
    # Found by fuzzing: the lines under a TO line the grammar refused were dropped silently.
    cable = cableparse.parse_cable(
        f"VZCZC\n{to_line}\nRUEHKV/AMEMBASSY KYIV IMMEDIATE 7881\nINFO RUEHFR/AMEMBASSY PARIS\n\n"
        "UNCLAS STATE 000001\n\nTAGS: PREL\nSUBJECT: TEST\n\n1. Text.\n"
    )
    assert cable.header is not None
    assert [a.address for a in cable.header.to] == ["AMEMBASSY KYIV"]
    assert [a.address for a in cable.header.info] == ["AMEMBASSY PARIS"]
    assert [u.line for u in cable.unparsed] == [2]
    assert any(d.code is DefectCode.HEADER_LINE_INVALID and d.line == 2 for d in cable.defects)


@pytest.mark.parametrize("xmt", ["XMT AMCONSUL JOHANNESBURG", "XMT/AMCONSUL JOHANNESBURG"])
def test_an_empty_info_block_on_the_xmt_line(xmt: str) -> None:
    # ``INFO XMT AMCONSUL X``: the INFO keyword with no addressee, the XMT line run onto it.
    text = SECTIONED.replace(
        "INFO RUEHBP/AMEMBASSY BAMAKO PRIORITY 0358\nRUEPGBA/CDR USEUCOM INTEL VAIHINGEN GE "
        "PRIORITY\nRHMCSUU/JOINT STAFF WASHINGTON DC//J3//\nXMT AMCONSUL JOHANNESBURG",
        f"INFO {xmt}",
    )
    cable = cableparse.parse_cable(text)
    assert DefectCode.HEADER_LINE_INVALID not in {d.code for d in cable.defects}
    assert cable.header is not None and cable.header.info == ()
    (exempt,) = cable.header.exempt
    assert (exempt.address, exempt.span) == ("AMCONSUL JOHANNESBURG", Span(10, 10))
    assert cable.unparsed == ()
