"""Where the routing header meets what follows it: stamps, notes, page lines, tabs."""

from __future__ import annotations

import attrs

import cableparse
from cableparse import Section, UnparsedLine

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


NOTICE = (
    "This record is a partial extract of the original cable. The full text of the "
    "original cable is not available."
)

# The office distribution block of the archive's 2000-era copies (00HARARE6677), with the
# format lines and the classification line under it; tabs among the office codes.
OFFICE_BLOCK = (
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
    cable = cableparse.parse_cable(NOTICE + "\n\n" + OFFICE_BLOCK)
    assert cable.header is not None
    assert cable.header.from_ == "AMEMBASSY HARARE"
    assert [(a.address, a.serial) for a in cable.header.to] == [("SECSTATE WASHDC", "7738")]
    assert [a.address for a in cable.header.info] == ["NSC WASHDC"]
    assert "      SANA-00\t/001W".strip() in [n.strip() for n in cable.header.notes]
    assert (cable.origin, cable.serial) == ("HARARE", 6677)


def test_the_archive_document_number_above_the_office_block_is_a_note() -> None:
    # The 2000-era layout with the archive's number for the document under the date-time
    # group: the header goes on to FM/TO/INFO, and the control number under it
    # (CONFIDENTIAL PTQ1859) is a note, not the classification line of post "PTQ".
    archive_number = "291359Z Nov 00\n\n2000HARARE06677 - CONFIDENTIAL\n\n"
    cable = cableparse.parse_cable(NOTICE + "\n\n" + archive_number + OFFICE_BLOCK)
    assert cable.header is not None
    assert cable.header.from_ == "AMEMBASSY HARARE"
    assert [(a.address, a.serial) for a in cable.header.to] == [("SECSTATE WASHDC", "7738")]
    assert "2000HARARE06677 - CONFIDENTIAL" in cable.header.notes
    assert (cable.origin, cable.serial, cable.reference_id) == ("HARARE", 6677, "00HARARE6677")
    assert cable.distribution == ()


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


def test_classification_line_glued_onto_the_last_addressee() -> None:
    # Copies that concatenate the header and body blocks of a page join the last
    # addressee and the classification line into one line.
    apart = cableparse.parse_cable(HEAD + "\n\n" + CLASSIFICATION_LINE + BODY)
    glued = cableparse.parse_cable(HEAD + CLASSIFICATION_LINE + BODY)
    assert _addressees(glued) == _addressees(apart)
    assert glued.header == attrs.evolve(apart.header, spans=glued.header.spans)
    assert (glued.classification, glued.origin, glued.serial, glued.section) == (
        apart.classification,
        apart.origin,
        apart.serial,
        apart.section,
    )
    assert glued.reference_id == apart.reference_id == "07BEIJING1960"
    assert glued.subject == apart.subject and glued.paragraphs == apart.paragraphs
    # Both halves keep the input line they came from.
    line = HEAD.count("\n") + 1
    spans = {f.name: f.span.first_line for f in glued.header.spans + glued.spans}
    assert spans["info"] <= line and spans["classification"] == line
    assert glued.unparsed == () and glued.defects == apart.defects


def test_release_stamp_glued_onto_the_last_addressee() -> None:
    stamp = "Thursday, 22 March 2007, 08:16"
    cable = cableparse.parse_cable(HEAD + stamp + "\n" + CLASSIFICATION_LINE + BODY)
    assert _addressees(cable)[-1] == ("RUEHMO", "AMEMBASSY MOSCOW", "1234")
    assert stamp in [m.text for m in cable.markers]
    assert cable.reference_id == "07BEIJING1960"


def test_classification_line_glued_onto_the_partial_extract_notice() -> None:
    cable = cableparse.parse_cable(NOTICE + CLASSIFICATION_LINE + BODY)
    assert cable.header is None
    assert (cable.origin, cable.serial, cable.section) == ("BEIJING", 1960, Section(1, 2))
    assert cable.markers[0] == UnparsedLine(1, NOTICE)
    assert cable.reference_id == "07BEIJING1960"


def test_a_date_time_group_under_the_notice_with_the_classification_glued_on() -> None:
    # A partial extract whose header is a date-time group alone, its line joined to the
    # classification line: the header and the classification line were both lost.
    apart = cableparse.parse_cable(NOTICE + "\n\n220816Z Mar 07\n\n" + CLASSIFICATION_LINE + BODY)
    glued = cableparse.parse_cable(
        NOTICE + "\n\n220816Z Mar 07" + CLASSIFICATION_LINE + "\n" + BODY
    )
    assert glued.header is not None and apart.header is not None
    assert glued.header.date_time_group == apart.header.date_time_group
    assert str(glued.header.date_time_group) == "2007-03-22 08:16:00+00:00"
    assert (glued.origin, glued.serial, glued.section) == ("BEIJING", 1960, Section(1, 2))
    assert glued.reference_id == apart.reference_id == "07BEIJING1960"
    assert glued.paragraphs == apart.paragraphs


def test_a_classification_line_in_title_case_glued_on() -> None:
    line = "S e c r e t section 01 of 02 beijing 001960"
    apart = cableparse.parse_cable(HEAD + "\n\n" + line + BODY)
    glued = cableparse.parse_cable(HEAD + line + BODY)
    assert _addressees(glued) == _addressees(apart)
    assert _addressees(glued)[-1] == ("RUEHMO", "AMEMBASSY MOSCOW", "1234")
    assert (glued.origin, glued.serial) == (apart.origin, apart.serial) == ("beijing", 1960)
    assert glued.reference_id == "07BEIJING1960"


def test_a_doubled_first_letter_goes_with_the_classification_line() -> None:
    # Some releases print the first letter twice (SS E C R E T, CC O N F I D ...); glued
    # on, the doubled letter is the body's where the address reads right without it.
    for last, address in (
        ("RUEHMO/AMEMBASSY MOSCOW PRIORITY", "AMEMBASSY MOSCOW"),
        ("RHEHNSC/NSC WASHDC", "NSC WASHDC"),
        ("RUEHPW/AMCONSUL PESHAWAR", "AMCONSUL PESHAWAR"),
    ):
        head = HEAD.rsplit("\n", 1)[0] + "\n" + last
        glued = cableparse.parse_cable(head + "C" + CLASSIFICATION_LINE + BODY)
        assert _addressees(glued)[-1][:2] == (last.split("/")[0], address), last
        assert (glued.origin, glued.serial) == ("BEIJING", 1960), last
    # An address that ends with the letter the classification word opens with keeps it.
    secret = CLASSIFICATION_LINE.replace("C O N F I D E N T I A L", "S E C R E T")
    head = HEAD.rsplit("\n", 1)[0] + "\nRUEHFR/AMEMBASSY PARIS"
    glued = cableparse.parse_cable(head + secret + BODY)
    assert _addressees(glued)[-1] == ("RUEHFR", "AMEMBASSY PARIS", None)
    assert glued.classification is cableparse.Classification.SECRET


def test_an_opening_caption_or_metadata_label_glued_on() -> None:
    # A body that opens with SIPDIS (its classification line further down, or none), or
    # with a release's metadata block, glued onto the last addressee.
    for opening in ("SIPDIS", "ID: 190648"):
        glued = cableparse.parse_cable(HEAD + opening + "\n" + CLASSIFICATION_LINE + BODY)
        assert _addressees(glued)[-1] == ("RUEHMO", "AMEMBASSY MOSCOW", "1234"), opening
        assert glued.reference_id == "07BEIJING1960", opening
    glued = cableparse.parse_cable(HEAD + "SIPDIS\n" + BODY.replace("SIPDIS", ""))
    assert glued.captions == ("SIPDIS",)
    assert glued.subject == "CHINA AND RUSSIA"


def test_a_classification_line_glued_above_lines_that_read_as_addressees() -> None:
    # The line under the glued one (a correction notice) reads as one more addressee: the
    # header ends at the glued line all the same.
    glued = cableparse.parse_cable(HEAD + CLASSIFICATION_LINE + "\nCORRECTED COPY -TEXT\n" + BODY)
    assert _addressees(glued)[-1] == ("RUEHMO", "AMEMBASSY MOSCOW", "1234")
    assert (glued.origin, glued.serial, glued.section) == ("BEIJING", 1960, Section(1, 2))
    assert glued.subject == "CHINA AND RUSSIA"


def test_a_damaged_classification_word_is_no_glued_line() -> None:
    # ``CSE C R E T``: a letter too many, on a line of its own; nothing to split off.
    from cableparse.cable import _glued_body

    assert _glued_body("CSE C R E T SECTION 01 OF 02 SHENYANG 000004") is None
    assert _glued_body("RUEHMO/AMEMBASSY MOSCOW 1234") is None
    assert _glued_body("RUEHMO/AMEMBASSY MOSCOW 1234" + CLASSIFICATION_LINE) == 28
    # A classification line itself, its words run together.
    assert _glued_body("TOPSECRET BEIJING 000001") is None
    # A classification word inside an address, with no post and serial after it.
    assert _glued_body("RUEKJCS/SECRETARY OF DEFENSE WASHINGTON DC") is None


def test_pages_with_their_blocks_joined_read_as_the_pages(
    cablegate_blocks: list[tuple[str, str, str]],
) -> None:
    # Every corpus page with its header block and body block concatenated, as the alx
    # copies of Cablegate hold them: the same reference id and header as the page
    # itself.  (Measured: 1,294 and 1,287 of 1,295; the rest have a damaged
    # classification word, ``CSE C R E T`` or ``E C R E T``, or a note glued on.)
    same_id = same_header = 0
    for _, head, body in cablegate_blocks:
        page = cableparse.parse(head + "\n\n" + body)
        joined = cableparse.parse(head + body)
        assert isinstance(page, cableparse.Cable) and isinstance(joined, cableparse.Cable)
        same_id += joined.reference_id == page.reference_id
        fields = ("from_", "to", "info", "date_time_group")
        same_header += all(
            getattr(joined.header, f, None) == getattr(page.header, f, None) for f in fields
        )
    assert len(cablegate_blocks) == 1295
    assert same_id >= 1290 and same_header >= 1280
