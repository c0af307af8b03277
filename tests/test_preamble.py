"""Preamble segmentation: which lines make which field, in the shapes real cables use."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cableparse
from cableparse import Classification, DefectCode, Section
from cableparse._lark import preamble_tokens
from cableparse.apostrophes import repair_apostrophes
from cableparse.preamble import read_classification_line
from cableparse.text import may_hold_words
from cableparse.transform.preamble import (
    read_classification_tokens,
    read_eo_tokens,
    read_plain_eo_line,
)


def test_glued_fields_are_cut_apart() -> None:
    cable = cableparse.parse_cable(
        "C O N F I D E N T I A L SECTION 01 OF 04 MOSCOW 000123  SIPDIS  "
        "STATE FOR EUR/RUS E.O. 12958: DECL: 10/29/2018 TAGS: MARR, PREL, RS\n"
        "SUBJECT: GLUED\n\n1. (C) Text.\n"
    )
    assert cable.section is not None and (cable.section.number, cable.section.total) == (1, 4)
    assert cable.origin == "MOSCOW" and cable.serial == 123
    assert cable.captions == ("SIPDIS",)
    assert cable.distribution == ("STATE FOR EUR/RUS",)
    assert cable.declassify is not None and cable.declassify.text == "10/29/2018"
    assert [t.code for t in cable.tags] == ["MARR", "PREL", "RS"]
    assert cable.subject == "GLUED"


def test_tags_glued_right_after_the_decl_date() -> None:
    # 09UNVIEVIENNA192: ``DECL: 03/19/2024TAGS: AORC IR IAEA``.
    cable = cableparse.parse_cable(
        "C O N F I D E N T I A L UNVIE VIENNA 000192\n\n"
        "E.O. 12958: DECL: 03/19/2024TAGS: AORC IR IAEA KNNP MNUC\nSUBJECT: TEST\n\n1. Text.\n"
    )
    assert cable.declassify is not None and cable.declassify.text == "03/19/2024"
    assert [t.code for t in cable.tags] == ["AORC", "IR", "IAEA", "KNNP", "MNUC"]


def test_lower_cased_cable() -> None:
    cable = cableparse.parse_cable(
        "S e c r e t berlin 001068\n\nSipdis\nstate for isn/mtr (herrmann), eur/ce\n\n"
        "E.o. 12958: decl: 08/06/2033\nTags: parm, prel, gm\n"
        "Subject: (s) germany requests release of xxxxxxxxxxxx\nnonpaper to the zka\n\n"
        "¶1. (u) this is an action request.\n"
    )
    assert cable.classification is Classification.SECRET
    assert cable.origin == "berlin"
    assert cable.captions == ("SIPDIS",)
    assert cable.distribution == ("state for isn/mtr (herrmann), eur/ce",)
    assert [t.code for t in cable.tags] == ["PARM", "PREL", "GM"]
    assert cable.subject == "germany requests release of xxxxxxxxxxxx nonpaper to the zka"
    assert cable.paragraphs[0].marking == "U"


def test_subject_variants() -> None:
    def subject(text: str) -> str | None:
        return cableparse.parse_cable(
            "UNCLAS STATE 000001\n\n" + text + "\n\n1. (U) Body.\n"
        ).subject

    assert subject("SUBJ: SHORT FORM") == "SHORT FORM"
    assert subject("SUBJECT: (C) PORTION MARKED") == "PORTION MARKED"
    assert subject("SUBJECT: TFGG01: SERIES PREFIX KEPT") == "TFGG01: SERIES PREFIX KEPT"
    assert subject("SUBJECT: A LONG SUBJECT THAT WRAPS\nONTO A SECOND LINE") == (
        "A LONG SUBJECT THAT WRAPS ONTO A SECOND LINE"
    )
    assert subject(
        "SUBJECT: SPLIT BY A\n CONFIDENTIAL\nPAGE 02 HARARE 06677 01 OF 03 291400Z PAGE BREAK"
    ) == ("SPLIT BY A PAGE BREAK")
    assert subject("SUBJECT: WRAPPED OVER A BLANK LINE BY THE\n\nTRANSCRIPTION") == (
        "WRAPPED OVER A BLANK LINE BY THE TRANSCRIPTION"
    )
    # The label written twice is one label; a subject that opens with the word keeps it.
    assert subject("SUBJECT: SUBJECT: TWICE") == "TWICE"
    assert subject("SUBJECT: SUBJECT MATTER EXPERTS VISIT") == "SUBJECT MATTER EXPERTS VISIT"


@pytest.mark.parametrize(
    ("line", "codes"),
    [("TAGS prel PGOV", ["PREL", "PGOV"]), ("TAGS something", ["SOMETHING"])],
)
def test_a_tags_label_without_colon_before_lower_case_codes(line: str, codes: list[str]) -> None:
    cable = cableparse.parse_cable(
        f"UNCLAS STATE 000001\n\nE.O. 12958: N/A\n{line}\nSUBJECT: TEST\n\n1. (U) Body.\n"
    )
    assert [tag.code for tag in cable.tags] == codes
    assert cable.unparsed == ()


def test_missing_subject_is_null_with_a_defect_never_the_first_paragraph() -> None:
    cable = cableparse.parse_cable(
        "C O N F I D E N T I A L PARIS 001007\n\nE.O. 12958: DECL: 1/1/2019\nTAGS: PREL\n\n"
        "1. (C) The first paragraph.\n"
    )
    assert cable.subject is None
    assert DefectCode.SUBJECT_MISSING in {d.code for d in cable.defects}
    assert cable.paragraphs[0].text == "The first paragraph."


def test_captions_and_distribution_lines() -> None:
    cable = cableparse.parse_cable(
        "S E C R E T STATE 000002\n\nNOFORN\nSIPDIS\n\nC O R R E C T E D  C O P Y (ADDED TAGS)\n"
        "DEPT FOR NEA/MAG\nPASS TO USAID\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\n"
        "SUBJECT: CAPTIONS\n\n1. (S) Text.\n"
    )
    assert cable.captions == ("NOFORN", "SIPDIS", "CORRECTED COPY")
    # The note after a caption is no caption, and is not dropped either.
    assert cable.distribution == ("(ADDED TAGS)", "DEPT FOR NEA/MAG", "PASS TO USAID")


def test_page_header_in_the_preamble_is_a_marker() -> None:
    cable = cableparse.parse_cable(
        "C O N F I D E N T I A L RIYADH 001667\n\nSIPDIS\n\nRIYADH 00001667  001.2 OF 003\n\n"
        "E.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: MARKERS\n\n1. (C) Text.\n"
    )
    assert cable.unparsed == ()
    assert [m.line for m in cable.markers] == [5]


def test_every_preamble_line_is_accounted_for() -> None:
    text = (
        "O 142311Z DEC 07\nFM AMEMBASSY LA PAZ\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 5882\n\n"
        "C O N F I D E N T I A L SECTION 01 OF 02 LA PAZ 003262\n\nSIPDIS\n\n"
        "E.O. 12958: DECL: 12/14/2017\nTAGS: PREL, PGOV, BL\n"
        "SUBJECT: ONE\n\nREF: A. LA PAZ 3261\n     B. 06 STATE 89241\n\n"
        "Classified By: Ambassador Philip Goldberg for reasons 1.4 (b) and (d)\n\n"
        "1. (C) Body.\n"
    )
    cable = cableparse.parse_cable(text)
    covered = set()
    assert cable.header is not None
    for field in cable.spans + cable.header.spans:
        covered.update(range(field.span.first_line, field.span.last_line + 1))
    for paragraph in cable.paragraphs:
        assert paragraph.span is not None
        covered.update(range(paragraph.span.first_line, paragraph.span.last_line + 1))
    non_blank = {i + 1 for i, line in enumerate(text.split("\n")) if line.strip()}
    assert non_blank <= covered
    assert [r.cable_id for r in cable.references] == ["07LAPAZ3261", "06STATE89241"]


def test_comma_for_apostrophe_repair_is_opt_in() -> None:
    cable = cableparse.parse_cable(
        "C O N F I D E N T I A L BRASILIA 000001\n\nSUBJECT: BRAZIL,S VIEW\n\n"
        "1. (C) Brazil,s minister said the government,s line (b,d) won,t change.\n"
    )
    raw = cableparse.to_dict(cable)
    assert raw["paragraphs"][0]["text"].startswith("Brazil,s minister")
    repaired = cableparse.to_dict(cable, repair_apostrophes=True)
    assert repaired["paragraphs"][0]["text"] == (
        "Brazil's minister said the government's line (b,d) won't change."
    )
    assert repaired["subject"] == "BRAZIL'S VIEW"
    assert repair_apostrophes("1,000 and a,b") == "1,000 and a,b"


def test_subject_ends_where_other_fields_are_glued_on() -> None:
    def subject(text: str) -> str | None:
        return cableparse.parse_cable("CONFIDENTIAL PARIS 000001\n" + text + "\n").subject

    assert subject("SUBJECT: PORT STRIKE ENDS REF: PARIS 861") == "PORT STRIKE ENDS"
    assert subject("SUBJECT: PORT STRIKE ENDS REFS: (A) PARIS 1608, (B) PARIS 1631") == (
        "PORT STRIKE ENDS"
    )
    assert subject("SUBJECT: PORT STRIKE ENDS Ref(s): A) 08 PARIS 138") == "PORT STRIKE ENDS"
    assert subject(
        "SUBJECT: PORT STRIKE ENDS Classified By: Charge Jane Roe, Reasons 1.4 (b) and (d)."
    ) == ("PORT STRIKE ENDS")
    assert subject("SUBJECT PORT STRIKE ENDS\nREF A. PARIS 1579  B. PARIS 1408") == (
        "PORT STRIKE ENDS"
    )


def test_all_caps_subject_does_not_swallow_running_text() -> None:
    cable = cableparse.parse_cable(
        "CONFIDENTIAL PARIS 000001\nTAGS: ENRG\nSUBJECT: MINISTER URGES VISITS DURING\n"
        "THE EU PRESIDENCY\nThis is an action request. Please see para 2.\n\n1. (C) Text.\n"
    )
    assert cable.subject == "MINISTER URGES VISITS DURING THE EU PRESIDENCY"
    assert [b.text for b in cable.text_blocks] == ["This is an action request. Please see para 2."]


def test_a_handling_statement_under_the_subject_is_no_part_of_it() -> None:
    # 10PRISTINA84, 03BRASILIA1066: a long all-caps subject, a blank line, then the SBU
    # statement; it went on as the subject's last words (and would head paragraph 1).
    for statement in (
        "SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY.",
        " SENSITIVE BUT UNCLASSIFIED, PLEASE TREAT ACCORDINGLY",
    ):
        cable = cableparse.parse_cable(
            "UNCLAS SECTION 01 OF 02 PRISTINA 000084\n\nSIPDIS\n\nE.O. 12958: N/A\n"
            "TAGS: PGOV KV\nSUBJECT: KOSOVO CELEBRATES SECOND ANNIVERSARY WITH SUCCESSES\n"
            f"AND CHALLENGES\n\n{statement}\n\n1. (SBU) Summary: text.\n"
        )
        assert cable.subject == "KOSOVO CELEBRATES SECOND ANNIVERSARY WITH SUCCESSES AND CHALLENGES"
        assert [b.text for b in cable.text_blocks] == [statement.strip()]
        assert cable.paragraphs[0].heading is None


def test_redacted_post_gives_no_reference_id_of_its_own() -> None:
    cable = cableparse.parse_cable(
        "R 041200Z JAN 10\nFM AMCONSUL SHENYANG\nTO SECSTATE WASHDC\n\n"
        "C O N F I D E N T I A L XXXXXXXXXXXX 000004\n\nSUBJECT: REDACTED POST\n"
    )
    assert cable.origin == "XXXXXXXXXXXX"
    assert cable.reference_id is None or "XXXX" not in cable.reference_id


def test_a_repeated_routing_header_in_the_text_is_layout() -> None:
    cable = cableparse.parse_cable(
        "O 110944Z SEP 07\nFM AMEMBASSY BERN\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 4460\n\n"
        "2007-09-11 09:44:00\t07BERN881\tEmbassy Bern\tSECRET\t\tVZCZCXRO4549\n"
        "OO RUEHRG\nDE RUEHSW #0881/01 2540944\nZNY SSSSS ZZH\nO 110944Z SEP 07\n"
        "FM AMEMBASSY BERN\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 4460\n\n"
        "S E C R E T SECTION 01 OF 02 BERN 000881\n\nE.O. 12958: DECL: 09/10/2027\n"
        "TAGS: MNUC IR\nSUBJECT: TAKES NOTE\n\n1. (S) Text.\n"
    )
    assert cable.subject == "TAKES NOTE"
    assert cable.reference_id == "07BERN881"
    assert cable.unparsed == ()
    assert [m.line for m in cable.markers][:2] == [5, 6]


_PAGED = "C O N F I D E N T I A L SECTION 01 OF 02 BEIJING 001960\n\nE.O. 12958: DECL: 03/22/2017\n"


def test_a_page_break_inside_a_lettered_ref_list_keeps_the_list_going() -> None:
    for page_line in (
        "PAGE 02        BEIJING  01960  01 OF 02  220816Z",
        "BEIJING 00001960  002 OF 004",
    ):
        cable = cableparse.parse_cable(
            "O 220816Z MAR 07\nFM AMEMBASSY BEIJING\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 6090\n\n"
            + _PAGED
            + "TAGS: PREL PGOV CH\nSUBJECT: PAGED REFS\n\nREF: A. STATE 12345\n\n"
            + page_line
            + "\n\nB. BEIJING 1234\n\n"
            "Classified By: Ambassador Clark T. Randt, Jr. Reasons 1.4 (b) and (d).\n\n"
            "1. (C) Text.\n"
        )
        assert [(r.label, r.cable_id) for r in cable.references] == [
            ("A", "07STATE12345"),
            ("B", "07BEIJING1234"),
        ]
        assert cable.unparsed == ()
        assert [m.text.strip() for m in cable.markers] == [page_line]


def test_a_page_break_inside_tags_keeps_the_codes_after_it() -> None:
    cable = cableparse.parse_cable(
        _PAGED + "TAGS: PREL PGOV\n\nPAGE 02        BEIJING  01960  01 OF 02  220816Z\n"
        "CH KN\nSUBJECT: PAGED TAGS\n\n1. (C) Text.\n"
    )
    assert [t.code for t in cable.tags] == ["PREL", "PGOV", "CH", "KN"]
    assert cable.unparsed == ()
    assert cable.subject == "PAGED TAGS"


def test_a_repeated_classification_after_a_blank_is_a_page_marker_not_subject() -> None:
    cable = cableparse.parse_cable(
        _PAGED + "TAGS: PREL\nSUBJECT: ASSISTANT SECRETARY MEETS WITH ZIMBABWE OPPOSITION AND\n\n"
        "CONFIDENTIAL\n\nPAGE 02        HARARE  06677  01 OF 03  291400Z\n\nLABOR LEADERS\n\n"
        "1. (C) Text.\n"
    )
    assert cable.subject == ("ASSISTANT SECRETARY MEETS WITH ZIMBABWE OPPOSITION AND LABOR LEADERS")
    assert [m.text.strip() for m in cable.markers] == [
        "CONFIDENTIAL",
        "PAGE 02        HARARE  06677  01 OF 03  291400Z",
    ]


def test_a_label_glued_onto_a_continuation_line_opens_its_field() -> None:
    cable = cableparse.parse_cable(
        "O 221355Z JAN 10\nFM AMCONSUL RIO DE JANEIRO\nTO RUEHC/SECSTATE WASHDC 0001\n\n"
        "C O N F I D E N T I A L RIO DE JANEIRO 000036\n\nSIPDIS\n\n"
        "E.O. 12958: DECL: 2020/02/10\nTAGS: PGOV PREL BR\n"
        "SUBJECT: BRAZIL'S PRESIDENTIAL ELECTIONS: DILMA ROUSSEFF COMES UP\n"
        "FAST BEHIND JOSE SERRA REF: RIO DE JANEIRO 32\n\n1. (C) Text.\n"
    )
    assert cable.subject == (
        "BRAZIL'S PRESIDENTIAL ELECTIONS: DILMA ROUSSEFF COMES UP FAST BEHIND JOSE SERRA"
    )
    assert [r.cable_id for r in cable.references] == ["10RIODEJANEIRO32"]
    mixed = cableparse.parse_cable(
        "R 201200Z JAN 10\nFM AMEMBASSY MOSCOW\nTO RUEHC/SECSTATE WASHDC 0123\n\n"
        "C O N F I D E N T I A L MOSCOW 000123\n\nE.O. 12958: DECL: 01/20/2020\nTAGS: CVIS RS\n"
        "SUBJECT: RUSSIA: NEW LAW ON EXTREMISM SLOWS DOWN VISA\n"
        "PROCESSING  REF: MOSCOW 00079  Classified By: Ambassador John Beyrle, "
        "reasons 1.4 (b) and (d)\n\n1. (C) Text.\n"
    )
    assert mixed.subject == "RUSSIA: NEW LAW ON EXTREMISM SLOWS DOWN VISA PROCESSING"
    assert [r.cable_id for r in mixed.references] == ["10MOSCOW79"]
    assert mixed.classified_by is not None
    assert mixed.classified_by.authority == "Ambassador John Beyrle"
    assert mixed.classified_by.reasons == ("1.4(b)", "1.4(d)")


def test_a_label_at_the_end_of_a_wrapped_ref_line_ends_the_ref_field() -> None:
    cable = cableparse.parse_cable(
        "O 091729Z NOV 09\nFM AMCONSUL RIO DE JANEIRO\nTO RUEHC/SECSTATE WASHDC 0014\n\n"
        "C O N F I D E N T I A L SECTION 01 OF 02 RIO DE JANEIRO 000365\n\n"
        "E.O. 12958: DECL: 2019/11/09\nTAGS: SOCI SNAR PGOV ASEC BR\n"
        "SUBJECT: RIO WEIGHS OPTIONS FOR NEXT FAVELA PACIFICATION\n\n"
        "REF: RIO DE JANEIRO 329; RIO DE JANEIRO 346;\n\n"
        "RIO DE JANEIRO 353 RIO DE JAN 00000365 001.2 OF 002 CLASSIFIED BY:\n"
        "Dennis W. Hearne, Principal Officer; REASON: 1.4(B), (D)\n\n1. (C) Text.\n"
    )
    assert [r.cable_id for r in cable.references] == [
        "09RIODEJANEIRO329",
        "09RIODEJANEIRO346",
        "09RIODEJANEIRO353",
    ]
    assert cable.classified_by is not None
    assert cable.classified_by.authority == "Dennis W. Hearne, Principal Officer"
    assert cable.classified_by.reasons == ("1.4(b)", "1.4(d)")


def test_a_portion_marked_classified_by_after_a_ref_list_is_no_ref_item() -> None:
    cable = cableparse.parse_cable(
        "C O N F I D E N T I A L ANKARA 001730\n\nE.O. 12958: DECL: 03/28/2015\nTAGS: PREL TU\n"
        "SUBJECT: PORTION MARKED\n\nREF: A. ANKARA 1074\nB. ANKARA 1102\n\n"
        "(U) Classified by CDA Robert Deutsch; E.O. 12958, reasons 1.4 (b) and (d).\n\n"
        "1. (C) Text.\n"
    )
    assert [(r.label, r.text) for r in cable.references] == [
        ("A", "ANKARA 1074"),
        ("B", "ANKARA 1102"),
    ]
    assert cable.classified_by is not None
    assert cable.classified_by.authority == "CDA Robert Deutsch"


def test_two_ref_blocks_keep_their_letters() -> None:
    cable = cableparse.parse_cable(
        "R 141200Z SEP 09\nFM AMEMBASSY NAIROBI\nTO RUEHC/SECSTATE WASHDC 1234\n\n"
        "C O N F I D E N T I A L NAIROBI 001938\n\nE.O. 12958: DECL: 09/14/2019\n"
        "TAGS: PGOV KE\nSUBJECT: TWO REF BLOCKS\n\nREF: A. NAIROBI 1810\n     B. STATE 95123\n\n"
        "REF: C. NAIROBI 1744\n\n1. (C) Text.\n"
    )
    assert [(r.label, r.cable_id) for r in cable.references] == [
        ("A", "09NAIROBI1810"),
        ("B", "09STATE95123"),
        ("C", "09NAIROBI1744"),
    ]


@pytest.mark.parametrize("first", ["A. REF AMMAN 222", "(A) Ref: Amman 222", "A) REFS: AMMAN 222"])
def test_a_ref_label_after_the_first_letter_opens_the_ref_field(first: str) -> None:
    # cablemap's 07AMMAN1801 table row: the letter of the first item came before the label.
    cable = cableparse.parse_cable(
        "R 221200Z JAN 07\nFM AMEMBASSY AMMAN\nTO SECSTATE WASHDC\n\n"
        "C O N F I D E N T I A L AMMAN 001801\n\nE.O. 12958: DECL: 01/22/2017\n"
        f"TAGS: PREL\nSUBJECT: LETTER FIRST\n\n{first}\n     B. 06 AMMAN 4685\n"
        "     C. 06 AMMAN 2145\n\n1. (C) Text.\n"
    )
    assert [(r.label, r.cable_id) for r in cable.references] == [
        ("A", "07AMMAN222"),
        ("B", "06AMMAN4685"),
        ("C", "06AMMAN2145"),
    ]
    assert cable.defects == ()


def test_the_level_repeated_at_a_page_break_between_fields_is_a_marker() -> None:
    # 91BERLIN3009, 01LIMA5083 (archive copies): the level centred above the page line
    # under the office lines was read as two more distribution lines.
    cable = cableparse.parse_cable(
        "UNCLAS SECTION 01 OF 06 BERLIN 03009\n\nSIPDIS\n\nUSIA FOR EU-HUTCHESON\n"
        "                       UNCLASSIFIED\n\n\n                       UNCLASSIFIED\n\n"
        "PAGE 02        BERLIN  03009  01 OF 06  151359Z\n\nE.O. 12356: N/A\nTAGS: ELAB GM\n"
        "SUBJECT: UNEMPLOYMENT UP\n\n1. Text.\n"
    )
    assert cable.distribution == ("USIA FOR EU-HUTCHESON",)
    assert [m.line for m in cable.markers] == [6, 9, 11]
    assert cable.subject == "UNEMPLOYMENT UP"
    assert [d.code for d in cable.defects] == [DefectCode.REFERENCE_ID_MISSING]  # no year
    # Alone on the first line, the level word is the classification line.
    first = cableparse.parse_cable("UNCLASSIFIED\n\nSUBJECT: ONE\n\n1. Text.\n")
    assert first.classification is Classification.UNCLASSIFIED and first.markers == ()


def test_the_archive_note_and_box_of_an_older_cable_are_markers() -> None:
    # 66BUENOSAIRES2481 (page, alx copy and cables.csv row): the National Archives' note
    # and box under the classification line were six distribution lines.
    cable = cableparse.parse_cable(
        "UNCLASSIFIED BUENOS AIRES 2481 \n \nOriginal Telegram was Confidential but has "
        "since been \nde-classified \n \n--------------------------------------------- ---- "
        "\nCopy from the National Archives \nRG 59: General Records of the Department of "
        "state \n1964-66 Central Foreign Policy File \nFile: POL 33-4 ARG \n"
        "--------------------------------------------- ---- \n \n"
        "E.O. 12958: DECL: DECLASSIFIED BY NARA 09/02/2009 \nTAGS: EFIS PBTS AR\n"
        "SUBJECT:  EXTENDED NATIONAL JURISDICTIONS OVER HIGH SEAS \n\n1.  PRESS REPORTS.\n"
    )
    assert cable.distribution == () and cable.unparsed == ()
    assert [m.line for m in cable.markers] == [3, 4, *range(6, 12)]
    assert cable.subject == "EXTENDED NATIONAL JURISDICTIONS OVER HIGH SEAS"
    # Under the SUBJECT, a box is the heading of the body's first paragraph.
    boxed = cableparse.parse_cable(
        "UNCLASSIFIED BUENOS AIRES 2481\n\nTAGS: EFIS\nSUBJECT: SEAS\n\n-------\nSUMMARY\n"
        "-------\n\n1. Text.\n"
    )
    assert boxed.paragraphs[0].heading == "SUMMARY"
    # A field between rules is no note: it is read.
    office = cableparse.parse_cable(
        "UNCLASSIFIED BUENOS AIRES 2481\n\n-------\nE.O. 12958: N/A\n-------\n"
        "TAGS: EFIS\nSUBJECT: SEAS\n\n1. Text.\n"
    )
    assert office.executive_order == "12958"


def test_a_second_classified_by_that_differs_is_kept_as_unparsed() -> None:
    text = (
        "S E C R E T TALLINN 000373\n\nSIPDIS\n\n"
        "C O R R E C T E D C O P Y (PRIMARY TAG)\n\nEO 12958 DECL: 2019/12/16\n"
        "TAGS NATO, MARR, MCAP, PREL, EN\n"
        "SUBJECT: Estonia Pleased with NATO Contingency Planning Plan\n\nREF: STATE 127892\n\n"
        "CLASSIFIED BY: Marc Nordberg, Political/Economic Chief; REASON: 1.4(B), (D)\n"
        "Classified by DCM Karen Decker for Reasons 1.4 B & D.\n"
        "1. (U) Pol Chief and DATT delivered reftel points on December 15.\n"
    )
    cable = cableparse.parse_cable(text)
    assert cable.captions == ("SIPDIS", "CORRECTED COPY")
    assert cable.distribution == ("(PRIMARY TAG)",)
    assert cable.classified_by is not None
    assert cable.classified_by.authority == "Marc Nordberg, Political/Economic Chief"
    second = text.split("\n").index("Classified by DCM Karen Decker for Reasons 1.4 B & D.") + 1
    assert [(u.line, u.text) for u in cable.unparsed] == [
        (second, "Classified by DCM Karen Decker for Reasons 1.4 B & D.")
    ]
    assert (DefectCode.UNPARSED_LINE, second) in {(d.code, d.line) for d in cable.defects}


def test_a_repeated_subject_is_no_defect_and_a_longer_copy_completes_it() -> None:
    repeated = cableparse.parse_cable(
        "C O N F I D E N T I A L BAGHDAD 002569\n\nE.O. 12958: DECL: 09/24/2029\nTAGS: PREL IZ\n"
        "SUBJECT: PRIME MINISTER ACCUSES IRAN OF TRYING TO\nDESTABILIZE IRAQ\n\n"
        "Classified By: Ambassador Christopher Hill for reasons 1.5 b,d\n\n"
        "SUBJ: Prime Minister Accuses Iran of Trying to Destabilize\nIraq\n\n1. (S) Text.\n"
    )
    assert repeated.subject == "PRIME MINISTER ACCUSES IRAN OF TRYING TO DESTABILIZE IRAQ"
    assert repeated.unparsed == ()
    assert DefectCode.UNPARSED_LINE not in {d.code for d in repeated.defects}
    cut_short = cableparse.parse_cable(
        "TAGS: PREL PGOV MG\nSUBJECT: MONGOLIA'S CONSULTATIONS WITH DPRK VICE FOREIGN\n\n\n"
        "S e c r e t ulaanbaatar 000234\n\nE.o. 12958: decl: 09/09/2019\nTags: prel, pgov, mg\n"
        "Subject: mongolia's consultations with dprk vice foreign\nminister kim\n\n"
        "1. (S) Text.\n"
    )
    assert cut_short.subject == "mongolia's consultations with dprk vice foreign minister kim"


def test_caption_lines_one_under_another_are_one_field() -> None:
    text = (
        "C O N F I D E N T I A L BEIJING 001960\n\nSIPDIS\nNOFORN\n\nSIPDIS\n\n"
        "E.O. 12958: DECL: 03/22/2017\nTAGS: PREL\nSUBJECT: X\n\n1. (C) Text.\n"
    )
    cable = cableparse.parse_cable(text)
    assert cable.captions == ("SIPDIS", "NOFORN")
    captions = [f.span for f in cable.spans if f.name == "caption"]
    assert [(s.first_line, s.last_line) for s in captions] == [(3, 4), (6, 6)]
    # A flood of them is one field too (no object per line), and loses none.
    flood = text.replace("SIPDIS\nNOFORN\n", "SIPDIS\n" + "NOFORN\n" * 20_000)
    flooded = cableparse.parse_cable(flood)
    assert flooded.captions == ("SIPDIS", "NOFORN")
    first = next(f.span for f in flooded.spans if f.name == "caption")
    assert (first.first_line, first.last_line) == (3, 20_003)


_LEVEL_WORDS = ["C O N F I D E N T I A L", "S E C R E T", "CONFIDENTIAL", "SECRET", "UNCLAS"]
_AFTER_LEVEL = ["", " SECTION 01 OF 03", " SECTION 2 OF 12", " SECTION", " NOFORN", " SBU"]
_POSTS = [
    "PARIS",
    "LA PAZ",
    "USUN NEW YORK",
    "SECTION",
    "FOR",
    "NOFORN PARIS",
    "FORT LAUDERDALE",
    "SIFIED ABUJA",
]


@given(
    level=st.sampled_from(_LEVEL_WORDS),
    after=st.sampled_from(_AFTER_LEVEL),
    post=st.sampled_from(_POSTS),
    serial=st.sampled_from(["001007", "7", "12345678", "123456789", ""]),
    tail=st.sampled_from(["", " SIPDIS", " 3", "  ", "x"]),
)
def test_the_plain_classification_line_reads_as_the_grammar_does(
    level: str, after: str, post: str, serial: str, tail: str
) -> None:
    # The common shapes skip the table runner (read_classification_line's fast path);
    # every line, of those shapes or near them, must read as the grammar reads it.
    text = f"{level}{after} {post} {serial}{tail}".strip()
    tokens = preamble_tokens(text, "classification_line")
    grammar = read_classification_tokens(tokens) if tokens is not None else None
    assert read_classification_line(text) == grammar


def test_the_plain_classification_line_of_a_corpus_shape() -> None:
    line = read_classification_line("C O N F I D E N T I A L SECTION 01 OF 03 LA PAZ 003262")
    assert line is not None
    assert (line.classification, line.section, line.origin, line.serial) == (
        Classification.CONFIDENTIAL,
        Section(1, 3),
        "LA PAZ",
        3262,
    )


@pytest.mark.parametrize(
    "level",
    ["UNCLAS SIFIED", "UNCLASSI FIED", "CONFI DENTIAL", "CONFIDEN TIAL", "SECR ET", "UUNCLAS"],
)
def test_a_level_word_broken_by_a_space_is_the_level_word(level: str) -> None:
    # 09ABUJA1673 (a cablemap table row): ``UNCLAS SIFIED ABUJA 001673`` read UNCLAS, and
    # the rest of the word went into the post and the reference id (09SIFIEDABUJA1673).
    line = read_classification_line(f"{level} ABUJA 001673")
    assert line is not None
    assert (line.origin, line.serial) == ("ABUJA", 1673)


@given(
    label=st.sampled_from(["E.O.", "EO", "E.O", "E. O.", "e.o."]),
    number=st.sampled_from(["12958", "12598", "1295", "13526", "123456"]),
    separator=st.sampled_from([": ", " ", ":", ", "]),
    decl=st.sampled_from(["DECL: ", "DECL:", "Decl: ", "DECL ", "DNG: "]),
    value=st.sampled_from(["02/22/2011", "3/2/17", "2017/03/22", "N/A", "OADR", "1.6X1", ""]),
    tail=st.sampled_from(["", " TAGS: PREL", ".", " "]),
)
def test_the_plain_eo_line_reads_as_the_grammar_does(
    label: str, number: str, separator: str, decl: str, value: str, tail: str
) -> None:
    text = f"{label} {number}{separator}{decl}{value}{tail}"
    tokens = preamble_tokens(text, "eo_line")
    plain = read_plain_eo_line(text)
    if plain is not None:
        assert tokens is not None and read_eo_tokens(tokens) == plain
    # And in a cable, whichever way the line is read.
    cable = cableparse.parse_cable(
        f"SECRET PARIS 001007\n\n{text}\nSUBJECT: TEST\n\n1. (S) Text.\n"
    )
    if tokens is not None:
        order, declassify, _ = read_eo_tokens(tokens)
        assert (cable.executive_order, cable.declassify) == (order, declassify)


def test_a_portion_marked_body_after_the_ref_line_is_no_ref_item() -> None:
    # 05DHAKA5702: "(U)" read as item U of the REF list swallowed the body and the signer.
    head = "UNCLAS DHAKA 005702\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: DEMARCHE\n\n"
    for refs, mark, items in (
        ("REF: STATE 206962\n", "(U)", ["STATE 206962"]),
        ("REF: A. STATE 1\nB. STATE 2\n", "(S)", ["STATE 1", "STATE 2"]),
        # The letter after the list's last one goes on with the list.
        ("REF: A. STATE 1\nB. STATE 2\n", "(C)", ["STATE 1", "STATE 2", "STATE 3"]),
    ):
        cable = cableparse.parse_cable(f"{head}{refs}\n{mark} STATE 3\n\nCHAMMAS\n")
        assert [r.text for r in cable.references] == items, (refs, mark)
        assert cable.signature == "CHAMMAS"
        assert [b.text for b in cable.text_blocks] == ([] if mark == "(C)" else [f"{mark} STATE 3"])


def test_office_lines_with_glued_fields_wrapped_lines_and_the_release_notice() -> None:
    cable = cableparse.parse_cable(
        "This record is a partial extract of the original cable. The full text of the "
        "original cable is not available.\n\nC O N F I D E N T I A L BRASILIA 004227\n\n"
        "SIPDIS\nSTATE FOR EUR/AGS (MOON/TRICK) AND EUR/INR\n(KEETON)\n"
        "DEPT ALSO FOR EUR/WE, EUR/PPD,\nAND EB\n"
        "KABUL FOR USFOR-A COS,\nNSC FOR WOOD\n"
        "DEPT FOR WHA/BSC E.O. 12958: DECL: 11/22/2012\nTAGS: PGOV\n"
        "SUBJECT: TEST\n\nTHIS CABLE IS SENSITIVE BUT UNCLASSIFIED.  PLEASE HANDLE\n"
        "ACCORDINGLY.\n\n1. (C) Text.\n"
    )
    # The notice is the release's, no office line; fields glued onto an office line or a
    # caption are fields.
    assert [m.text for m in cable.markers][:1] == [
        "This record is a partial extract of the original cable. The full text of the "
        "original cable is not available."
    ]
    assert cable.captions == ("SIPDIS",)
    assert cable.distribution == (
        "STATE FOR EUR/AGS (MOON/TRICK) AND EUR/INR (KEETON)",
        "DEPT ALSO FOR EUR/WE, EUR/PPD, AND EB",
        "KABUL FOR USFOR-A COS,",
        "NSC FOR WOOD",
        "DEPT FOR WHA/BSC",
    )
    assert cable.declassify is not None and cable.declassify.text == "11/22/2012"
    assert cable.reference_id == "02BRASILIA4227"
    # The handling note under the subject is the body's, not more subject.
    assert cable.subject == "TEST"
    assert cable.text_blocks[0].text.startswith("THIS CABLE IS SENSITIVE")
    cable = cableparse.parse_cable(
        "UNCLAS BRASILIA 001540\n\nSIPDIS E.O. 12958: N/A\nTAGS: PTER\nSUBJECT: TEST\n"
    )
    assert (cable.captions, cable.distribution) == (("SIPDIS",), ())
    assert cable.declassify is not None and cable.declassify.text == "N/A"


def test_a_handling_word_on_the_classification_line_is_a_caption() -> None:
    for line, caption in (
        ("UNCLAS E F T O SANAA 001621", "EFTO"),
        ("UNCLAS EFTO SANAA 001621", "EFTO"),
        ("C O N F I D E N T I A L NOFORN SANAA 001621", "NOFORN"),
        ("UNCLAS SENSITIVE SANAA 001621", "SENSITIVE"),
    ):
        cable = cableparse.parse_cable(f"{line}\n\nSIPDIS\n\nSUBJECT: TEST\n")
        assert (cable.origin, cable.serial) == ("SANAA", 1621), line
        assert cable.captions == (caption, "SIPDIS"), line


def test_long_wrapped_fields_are_read_whole() -> None:
    # Each line of a field asks whether it goes on with it; the answer looks at each line
    # once (a join of the whole field per line made 1 MB of subject lines take 24 s).
    cable = cableparse.parse_cable(
        "UNCLAS KABUL 002658\n\nTAGS: PREL\nSUBJECT: A Subject\n"
        + "That Wrapped\n" * 300
        + "\nREF: A FREE TEXT REFERENCE THAT WRAPPED AT THE MARGIN OF THE\n"
        + "LINE AND WENT ON AT THE MARGIN AGAIN AND AGAIN AND AGAIN\n" * 300
        + "\n1. (U) Text.\n"
    )
    assert cable.subject == "A Subject" + " That Wrapped" * 300
    assert len(cable.references) == 1
    assert cable.references[0].text.count("AGAIN AND AGAIN AND AGAIN") == 300
    assert [p.number for p in cable.paragraphs] == [1]


def test_a_subject_goes_on_after_a_blank_line_only_from_a_wrapped_line() -> None:
    head = "UNCLAS STATE 404914\n\nE.O. 12356: N/A\nTAGS: PM US PREL\n"
    # 89STATE404914: the unnumbered body in capitals went into the subject.
    cable = cableparse.parse_cable(
        head + "SUBJECT:  TF/PM02:  HISTORY OF DIPLOMATIC EFFORTS TO\n"
        "RESOLVE HE PANAMANIAN CRISIS\n\nFOLLOWING BACKGROUND ON PANAMA CRISIS, WHICH HAS BEEN\n"
        "MADE AVAILABLE TO PRESS IN WASHINGTON.\n"
    )
    assert cable.subject == "TF/PM02: HISTORY OF DIPLOMATIC EFFORTS TO RESOLVE HE PANAMANIAN CRISIS"
    assert cable.text_blocks[0].text.startswith("FOLLOWING BACKGROUND")
    # A line that stops on a joining word, or reached the margin, wrapped.
    for subject in (
        "SCOTTISH PARLIAMENT HOLDS EMERGENCY\nSESSION AS\n\nDEBATE REACHES FEVER PITCH",
        "WAITING AND WATCHING: NORTH KOREA AFTER CURRENCY DEVALUATION\n\nREFORM",
    ):
        cable = cableparse.parse_cable(f"{head}SUBJECT: {subject}\n\n1. (C) Text.\n")
        assert cable.subject == " ".join(subject.split()), subject


def test_a_classification_derived_from_a_guide_is_the_classified_by() -> None:
    # 09BUENOSAIRES1311, 10MEXICO83: it went on with the subject, or took the line after it.
    cable = cableparse.parse_cable(
        "S E C R E T MEXICO 000083\n\nEO 12958 DECL: 2020/01/29\nTAGS PGOV\n"
        "SUBJECT: Scenesetter for the Opening of the Defense Bilateral Working\n"
        "Group, Washington, D.C., February 1\nDERIVED FROM: DSCG 05-1 B, D\n\n"
        "Classified Secret.\n\n1. (SBU) Summary: Text.\n"
    )
    assert cable.subject == (
        "Scenesetter for the Opening of the Defense Bilateral Working Group, Washington, "
        "D.C., February 1"
    )
    assert cable.classified_by == cableparse.ClassifiedBy("DSCG 05-1", ("1.4(b)", "1.4(d)"))
    assert [b.text for b in cable.text_blocks] == ["Classified Secret."]
    assert DefectCode.CLASSIFIED_BY_INVALID not in [d.code for d in cable.defects]


def test_text_after_the_classified_by_reasons_is_an_unparsed_line() -> None:
    # 10ABUDHABI9: ``(S//NF) Summary`` under the reasons stood only in a defect's message.
    cable = cableparse.parse_cable(
        "C O N F I D E N T I A L PARIS 001007\n\nSUBJECT: X\nClassified By: Amb X\n\n"
        "Reasons 1.4 (b)\n(S) Summary Here\n\n1. (C) Text.\n"
    )
    assert cable.classified_by == cableparse.ClassifiedBy("Amb X", ("1.4(b)",))
    # Its input line, the blank line inside the field counted.
    assert [(u.line, u.text) for u in cable.unparsed] == [(7, "(S) Summary Here")]
    assert (DefectCode.UNPARSED_LINE, 7) in [(d.code, d.line) for d in cable.defects]


@pytest.mark.parametrize(
    ("line", "written", "section", "origin", "serial"),
    [
        # The SECTION word misspelt: it was read as the post and the section as the serial.
        (
            "C O N F I D E N T I A L SCTION 02 OF 02 SAO PAULO 000335",
            "SCTION 02 OF 02",
            (2, 2),
            "SAO PAULO",
            335,
        ),
        (
            "CONFIDENTIAL SECTON 02 OF 03 BRUSSELS 000579",
            "SECTON 02 OF 03",
            (2, 3),
            "BRUSSELS",
            579,
        ),
        # OF garbled: no post and no reference id were read.
        (
            "C O N F I D E N T I A L SECTION 01 F 03 BEIRUT 001568",
            "SECTION 01 F 03",
            (1, 3),
            "BEIRUT",
            1568,
        ),
        ("UNCLAS SECTION 01 O 02 HONG KONG 002311", "SECTION 01 O 02", (1, 2), "HONG KONG", 2311),
    ],
)
def test_a_garbled_section_group_still_gives_the_post_and_serial(
    line: str, written: str, section: tuple[int, int], origin: str, serial: int
) -> None:
    cable = cableparse.parse_cable(
        f"R 221200Z JAN 08\nFM AMEMBASSY X\nTO SECSTATE WASHDC\n\n{line}\n\n"
        "E.O. 12958: DECL: 01/22/2018\nTAGS: PREL\nSUBJECT: TEST\n\n1. (C) Text.\n"
    )
    assert cable.section is not None
    assert (cable.section.number, cable.section.total) == section
    assert (cable.origin, cable.serial) == (origin, serial)
    assert cable.reference_id == "08" + origin.replace(" ", "") + str(serial)
    (defect,) = cable.defects
    assert defect.code is DefectCode.CLASSIFICATION_LINE_INVALID and defect.line == 5
    assert repr(written) in defect.message
    with pytest.raises(cableparse.ParseError):
        cableparse.parse_cable(
            f"R 221200Z JAN 08\nFM AMEMBASSY X\nTO SECSTATE WASHDC\n\n{line}\n\n1. (C) Text.\n",
            strict=True,
        )


def test_an_eo_label_with_a_zero_for_the_o() -> None:
    # 01VATICAN1261 (alx copy): ``E.0. 12958`` was a distribution line, no executive order.
    cable = cableparse.parse_cable(
        "C O N F I D E N T I A L VATICAN 001261\n\nSIPDIS\n\nE.0. 12958: DECL: 03/05/11\n"
        "TAGS: PREL VT\nSUBJECT: DEMARCHE\n\n1. (C) Text.\n"
    )
    assert cable.executive_order == "12958"
    assert cable.declassify is not None and cable.declassify.text == "03/05/11"
    assert cable.distribution == ()
    assert cable.unparsed == ()


# The screen before the search for a Classified By label (may_hold_words) may only say
# "maybe" or "no": a label in any case, with the letters IGNORECASE folds to ASCII (ı, İ,
# ſ), is still found.
_LABELS = st.sampled_from(
    [
        "x CLASSIFIED BY: a",
        "DERIVED FROM: x",
        "a E.O. 12958",
        "a EO 12958",
        "b TAGS: PREL",
        " TAGS PREL",
        "y SUBJECT: z",
        " SUBJ: q",
        " REF(S): a",
        " REFTELS: a",
        "DECL: 1",
    ]
)
_SPELLINGS = {"I": "i\u0131\u0130", "S": "s\u017f", "E": "e", "T": "t"}


@st.composite
def _spelled_labels(draw: st.DrawFn) -> str:
    label = draw(_LABELS)
    letters = [draw(st.sampled_from(c + _SPELLINGS.get(c, c.lower()))) for c in label]
    return draw(st.text(max_size=5)) + "".join(letters) + draw(st.text(max_size=5))


@given(_spelled_labels())
def test_label_screen_never_hides_a_label(text: str) -> None:
    from cableparse import preamble

    if preamble._CLASSIFIED_BY.search(text):
        assert may_hold_words(text, preamble._CLASSIFIED_BY_WORDS), text


def test_label_screen_says_no_only_without_the_words() -> None:
    assert not may_hold_words("AMEMBASSY ROME FOR POL", (b"classified", b"derived"))
    assert not may_hold_words("\u00b61. (C) Summary: \u201cno\u201d", (b"classified",))
    assert may_hold_words("CLA\u017f\u017fIFIED BY", (b"classified",))  # ſ, seen as "?"
    assert may_hold_words("Classified by", (b"classified",))
    # Run on after the reasons: paragraph 1 starts inside the line.
    text = "UNCLAS ROME 000123\n\nCLA\u017f\u017fIFIED BY: DCM X, REASONS 1.4 (B) 1. (C) Text.\n"
    assert cableparse.parse(text).paragraphs[0].text == "Text."


def _shell(classification_line: str) -> str:
    return (
        "R 221200Z JAN 09\nFM AMEMBASSY ABUJA\nTO SECSTATE WASHDC\n\n"
        f"{classification_line}\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: TEST\n\n1. (U) Text.\n"
    )


@pytest.mark.parametrize(
    ("line", "origin", "captions"),
    [
        ("UNCLAS SIPDIS", None, ("SIPDIS",)),
        ("SECRET SIPDIS NOFORN", None, ("SIPDIS", "NOFORN")),
        ("CONFIDENTIAL SIPDIS STATE 001234", "STATE", ("SIPDIS",)),
        ("C O N F I D E N T I A L EXDIS ABUJA 000123", "ABUJA", ("EXDIS",)),
        ("UNCLAS STATE 001234", "STATE", ()),
    ],
)
def test_caption_words_where_the_post_stands_are_captions(
    line: str, origin: str | None, captions: tuple[str, ...]
) -> None:
    cable = cableparse.parse(_shell(line))
    assert isinstance(cable, cableparse.Cable)
    assert (cable.origin, cable.captions) == (origin, captions)


@pytest.mark.parametrize(
    ("line", "level", "reference_id", "section"),
    [
        ("CONFIDENTIALABUJA 001673", Classification.CONFIDENTIAL, "09ABUJA1673", None),
        ("UNCLASROME 000123", Classification.UNCLASSIFIED, "09ROME123", None),
        ("UNCLASSIFIEDROME 000123", Classification.UNCLASSIFIED, "09ROME123", None),
        (
            "SECRETSECTION 01 OF 02 LA PAZ 000456",
            Classification.SECRET,
            "09LAPAZ456",
            Section(1, 2),
        ),
    ],
)
def test_a_level_run_into_the_post_is_parted_with_a_defect(
    line: str, level: Classification, reference_id: str, section: Section | None
) -> None:
    cable = cableparse.parse(_shell(line))
    assert isinstance(cable, cableparse.Cable)
    assert (cable.classification, cable.reference_id, cable.section) == (
        level,
        reference_id,
        section,
    )
    (defect,) = [d for d in cable.defects if d.code is DefectCode.CLASSIFICATION_LINE_INVALID]
    assert "run into the post" in defect.message and defect.line == 5
    with pytest.raises(cableparse.ParseError):
        cableparse.parse(_shell(line), strict=True)


@pytest.mark.parametrize("line", ["SECRETARY RICE 2005", "SECRETARIAT MEETING", "CONFIDENTIALLY"])
def test_words_that_open_with_a_level_are_no_classification_line(line: str) -> None:
    cable = cableparse.parse(_shell(line))
    assert isinstance(cable, cableparse.Cable)
    assert cable.classification is None and cable.distribution == (line,)
