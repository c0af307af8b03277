"""Classified By: the authority and the reasons in every spelling cables use."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cableparse
from cableparse.classified_by import _BROKEN_WORD, _mend, read_classified_by, reasons_in
from cableparse.defects import DefectCode, ParseError
from cableparse.policy import DEFAULT, STRICT, DefectSink

BD = ["1.4(b)", "1.4(d)"]


def _read(text: str) -> tuple[str | None, list[str]]:
    value = read_classified_by(text, DefectSink(DEFAULT), 1)
    return value.authority, list(value.reasons)


@pytest.mark.parametrize(
    ("field", "authority", "reasons"),
    [
        (
            "Classified By: Political Minister Counselor Daniel Shields, reasons 1.4 (b) and (d)",
            "Political Minister Counselor Daniel Shields",
            BD,
        ),
        (
            "Classified By: Ambassador Robert Ford, reason 1.4 (b) and (d)",
            "Ambassador Robert Ford",
            BD,
        ),
        ("Classified By: DCM Ann Smith for reasons 1.4(b) and (d).", "DCM Ann Smith", BD),
        ("CLASSIFIED BY: AMBASSADOR JOHN DOE, REASONS 1.4 (B) AND (D)", "AMBASSADOR JOHN DOE", BD),
        ("Classified By: PolCouns Jane Roe, reasons 1.4 (b,d)", "PolCouns Jane Roe", BD),
        ("Classified By: Charge Tom Poe for reasons 1.4 b and d", "Charge Tom Poe", BD),
        ("Classified By: A/DCM Lee Park, 1.4 (b)(d)", "A/DCM Lee Park", BD),
        ("Classified By: Econoff Al Bee; reasons 1.4 (b), (d).", "Econoff Al Bee", BD),
        ("Classified By: Consul Kim Yu, reasons 1.4 (b/d)", "Consul Kim Yu", BD),
        ("Classified By: POLOFF MAX RAY FOR REASONS 1.4 (B & D)", "POLOFF MAX RAY", BD),
        ("Classified By: Amb. Lu Chen. Reasons 1.4 (b+d).", "Amb. Lu Chen", BD),
        ("Classified By: Amb. Lu Chen. Reasons 1.4 (b and d).", "Amb. Lu Chen", BD),
        (
            "Classified By: DCM Bo Linn, reasons 1.4 (b), (c), and (d)",
            "DCM Bo Linn",
            ["1.4(b)", "1.4(c)", "1.4(d)"],
        ),
        ("Classified By: Ambassador Eva Moss, reason 1.4", "Ambassador Eva Moss", ["1.4"]),
        (
            "Classified By: Ambassador Eva Moss, Reason 1.5 (d)",
            "Ambassador Eva Moss",
            ["1.5(d)"],
        ),
        ("CLASSIFIED BY CDA PAT KING, REASON 1.5.D.", "CDA PAT KING", ["1.5(d)"]),
        ("CLASSIFIED BY DCM\nPAT KING - 1.5 B,D.", "DCM PAT KING", ["1.5(b)", "1.5(d)"]),
        ("CLASSIFIED BY CHARGE PAT KING: 1.5 B, D.", "CHARGE PAT KING", ["1.5(b)", "1.5(d)"]),
        ("Classified By: DCM Al Roe due to 1,4 (C) AND (D).", "DCM Al Roe", ["1.4(c)", "1.4(d)"]),
        ("Classified By: IPO Ned Fox for reason 1.4(G)(E)", "IPO Ned Fox", ["1.4(g)", "1.4(e)"]),
        (
            "Classified By: T U/S Ann Lee for Reasons 1.4 a,b,and d.",
            "T U/S Ann Lee",
            ["1.4(a)", "1.4(b)", "1.4(d)"],
        ),
    ],
)
def test_reason_spellings(field: str, authority: str, reasons: list[str]) -> None:
    assert _read(field) == (authority, reasons)


@pytest.mark.parametrize(
    ("field", "authority", "reasons"),
    [
        # Reasons on the next line, the number or the letters split by the wrap.
        (
            "Classified By: Acting DCM Ray Cole for Reasons 1.4\n (b) and (d)",
            "Acting DCM Ray Cole",
            BD,
        ),
        ("Classified By: Ambassador Ida Bell; reasons 1.4\n(b) and (d)", "Ambassador Ida Bell", BD),
        ("Classified By: Ambassador Ida Bell, reasons 1.\n4 (b/d).", "Ambassador Ida Bell", BD),
        (
            "Classified By: Ambassador Ida Bell for reasons 1.4 ( \nb) and (d)",
            "Ambassador Ida Bell",
            BD,
        ),
        (
            "Classified By: Ambassador Ida Bell for reasons 1.4 (b) and (d \n)",
            "Ambassador Ida Bell",
            BD,
        ),
        # A word cut in two by the wrap.
        ("CLASSIFIED BY: DEPUTY PO ABE LUND.  REA \nSONS: 1.4 (B,D) ", "DEPUTY PO ABE LUND", BD),
        ("Classified By: Charge Zoe Hart for reasons 1.4 (b) a \nnd (d) ", "Charge Zoe Hart", BD),
        (
            "Classified By: Counselor Zoe Hart for reason \ns:  1.4 (b), (d). ",
            "Counselor Zoe Hart",
            BD,
        ),
        ("Classified By: Counselor Zoe Hart f \nor reasons 1.4 b,d. ", "Counselor Zoe Hart", BD),
        ("Classified By: Counselor Zoe Hart.  Re \nasons 1.4 (b/d). ", "Counselor Zoe Hart", BD),
        # The authority ends in a comma and the reason continues below.
        (
            "Classified By: PolCouns Joy Ames, E.O. 12958, reasons \n1.4 (b) and (d). ",
            "PolCouns Joy Ames",
            BD,
        ),
        (
            "Classified By: AMBASSADOR JAY NYE, FOR REASON \n\n1.4(C).",
            "AMBASSADOR JAY NYE",
            ["1.4(c)"],
        ),
        (
            "CLASSIFIED BY: Lane, Ada, Ambassador, DOS; REASON:\n1.4(B), (D)",
            "Lane, Ada, Ambassador, DOS",
            BD,
        ),
        ("Classified By: AMBASSADOR ROY HALE FOR REASONS \n\n1.4 B, D", "AMBASSADOR ROY HALE", BD),
        # REASON: on its own line.
        (
            "CLASSIFIED BY ROY HALE, DEPUTY CHIEF OF\nMISSION.  REASON: 1.5 (D)",
            "ROY HALE, DEPUTY CHIEF OF MISSION",
            ["1.5(d)"],
        ),
        (
            "CLASSIFIED BY AMBASSADOR ROY HALE.\nREASONS: 1.5 (B) AND (D).",
            "AMBASSADOR ROY HALE",
            ["1.5(b)", "1.5(d)"],
        ),
        # A page break inside the field.
        (
            "CLASSIFIED BY AMBASSADOR ROY HALE. \n   CONFIDENTIAL \n \n"
            "PAGE 02   HARARE  01234  01 OF 03  111533Z \nREASONS: 1.5 (B) AND (D). ",
            "AMBASSADOR ROY HALE",
            ["1.5(b)", "1.5(d)"],
        ),
    ],
)
def test_line_wraps(field: str, authority: str, reasons: list[str]) -> None:
    assert _read(field) == (authority, reasons)


@pytest.mark.parametrize(
    ("field", "authority", "reasons"),
    [
        # Inside a (U) paragraph, and with the label repeated.
        ("1.  (U)  CLASSIFIED BY POLOFF MAE ORR, 1.5 (D).", "POLOFF MAE ORR", ["1.5(d)"]),
        ("1. (U) CLASSIFIED BY CHARGE MAE ORR; REASON 1.5 (D).", "CHARGE MAE ORR", ["1.5(d)"]),
        ("(U) CLASSIFIED BY TDY RSO MAE ORR FOR REASON 1.5 C.", "TDY RSO MAE ORR", ["1.5(c)"]),
        (
            "Classified By: (C) CLASSIFIED BY DCM MAE ORR; REASON 1.4 (B) AND (D).",
            "DCM MAE ORR",
            BD,
        ),
        (
            "Classified By: Classified by DCM Mae Orr for reasons 1.4 (b) and (d).",
            "DCM Mae Orr",
            BD,
        ),
        (
            "Classified By: This message classified by DCM Mae Orr for reasons 1.4 (b), (d)",
            "DCM Mae Orr",
            BD,
        ),
        ("Classified By: Classfied By: DCM Mae Orr for reasons 1.4 (b) and (d)", "DCM Mae Orr", BD),
        (
            "Classified By: 1. CLASSIFIED BY DCM MAE ORR\nREASONS: 1.4 (B) AND (D)",
            "DCM MAE ORR",
            BD,
        ),
        (
            "1.  CONFIDENTIAL - ENTIRE TEXT.  CLASSIFIED BY:\n"
            "MAE ORR, AMBASSADOR.  REASON: 1.5 (D) .",
            "MAE ORR, AMBASSADOR",
            ["1.5(d)"],
        ),
        ("CLASSIFIED BY SECTION 1.5 (B)\nAND (D).  NIACT PRECEDENCE.", None, ["1.5(b)", "1.5(d)"]),
    ],
)
def test_label_and_paragraph_forms(field: str, authority: str | None, reasons: list[str]) -> None:
    assert _read(field) == (authority, reasons)


@pytest.mark.parametrize(
    ("field", "authority", "reasons"),
    [
        (
            "Classified By: Pol/Mil Officer Ana Bo.  Reason E.O. 12958, \n1.4 (b) and (d).",
            "Pol/Mil Officer Ana Bo",
            BD,
        ),
        ("Classified By: DCM ANA BO BASED ON E.O.12958 REASONS 1.4 (b) and (d)", "DCM ANA BO", BD),
        (
            "Classified By: CDA ANA BO BASED UPON REASONS 1.5 (B) AND (D)",
            "CDA ANA BO",
            ["1.5(b)", "1.5(d)"],
        ),
        (
            "Classified By: COUNSELOR ANA BO \n FOR 12958 1.4 B, D, AND E",
            "COUNSELOR ANA BO",
            ["1.4(b)", "1.4(d)", "1.4(e)"],
        ),
        ("Classified By: Charge Ana Bo under Section 1.4 \n b/d ", "Charge Ana Bo", BD),
        ("Classified By: Pol/Econ Chief Ana Bo under 1.4 b/d", "Pol/Econ Chief Ana Bo", BD),
        ("Classified By: DCM ANA BO PER 1.5 (B) AND (D).", "DCM ANA BO", ["1.5(b)", "1.5(d)"]),
        ("Classified By: Dir. Ana Bo-reasons 1.4(b/d)", "Dir. Ana Bo", BD),
        ("Classified By: Ambassador Ana Bo for for reasons 1.4 b and d.", "Ambassador Ana Bo", BD),
        (
            "Classified By: AMBASSADOR ANA BO FR REASONS 1.4 (b) AND (d \n).",
            "AMBASSADOR ANA BO",
            BD,
        ),
        (
            "Classified By: CHARGE ANA BO F0R REASONS 1.5 (B) AND (D)",
            "CHARGE ANA BO",
            ["1.5(b)", "1.5(d)"],
        ),
        ("Classified By: Ambassador Ana Bo for reaons 1.4 (b) and (d).", "Ambassador Ana Bo", BD),
        (
            "Classified By: Ambassador Ana Bo.  Resons 1.5 (B) and (D)",
            "Ambassador Ana Bo",
            ["1.5(b)", "1.5(d)"],
        ),
        ("Classified By: AMB:ABO, Reasons 1.4 (b) and (c)", "AMB:ABO", ["1.4(b)", "1.4(c)"]),
        (
            "Classified By: Ambassador Ana Bo, Jr. for reasons 1.4 (b, d).",
            "Ambassador Ana Bo, Jr.",
            BD,
        ),
        ("Classified By: Chief Ana Bo for Reasons 1:4 b,d", "Chief Ana Bo", BD),
        ("Classified By: Chief Ana Bo for\nreasons 14 (b) and (d).", "Chief Ana Bo", BD),
        ("Classified By: CDA Ana Bo for reasons: 1/4 (B), (D)", "CDA Ana Bo", BD),
    ],
)
def test_connectives_and_typos(field: str, authority: str, reasons: list[str]) -> None:
    assert _read(field) == (authority, reasons)


def test_no_reason_is_a_defect() -> None:
    sink = DefectSink(DEFAULT)
    value = read_classified_by("Classified By: Glyn Ames ", sink, 7)
    assert (value.authority, value.reasons) == ("Glyn Ames", ())
    assert [(d.code, d.line) for d in sink.defects] == [(DefectCode.CLASSIFIED_BY_INVALID, 7)]
    with pytest.raises(ParseError):
        read_classified_by("Classified By: Glyn Ames ", DefectSink(STRICT), 7)


def test_reasons_in() -> None:
    assert reasons_in("1.4 (b/b)") == ["1.4(b)"]
    assert reasons_in("1.5 (B), (C) AND (D). NIACT") == ["1.5(b)", "1.5(c)", "1.5(d)"]
    assert reasons_in("no numbers here") == []


def test_long_field_is_linear() -> None:
    # A megabyte of text in one field is read without backtracking blow-up.
    value = read_classified_by("Classified By: " + "Ambassador, " * 90_000, DefectSink(DEFAULT), 1)
    assert value.reasons == ()


def test_seed_cable(seed_cable_text: str) -> None:
    import cableparse

    cable = cableparse.parse(seed_cable_text)
    assert isinstance(cable, cableparse.Cable)
    assert cable.classified_by is not None
    assert cable.classified_by.authority == "Political Minister Counselor Daniel Shields"
    assert cable.classified_by.reasons == ("1.4(b)", "1.4(d)")


def test_text_after_the_reasons_is_reported_on_its_line() -> None:
    sink = DefectSink(DEFAULT)
    field = "Classified By: DCM Mae Orr.\nReasons 1.4 (b/d).\n\nSTRAY LINE OF TEXT"
    value = read_classified_by(field, sink, 30)
    assert (value.authority, value.reasons) == ("DCM Mae Orr", ("1.4(b)", "1.4(d)"))
    assert [(d.code, d.line) for d in sink.defects] == [(DefectCode.UNPARSED_LINE, 33)]
    assert "STRAY LINE OF TEXT" in sink.defects[0].message


def test_wrapped_letters_are_not_extra_text() -> None:
    sink = DefectSink(DEFAULT)
    value = read_classified_by("Classified By: DCM Mae Orr, reasons 1.4 (b) and (d\n)", sink, 1)
    assert value.reasons == ("1.4(b)", "1.4(d)")
    assert sink.defects == []


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="ab \t\n", max_size=40), st.sampled_from(["", "REA", "f", "and"]))
def test_wrapped_words_are_found_only_at_word_starts(text: str, word: str) -> None:
    # The look-behind that spares matching from inside words finds the same matches.
    anywhere = re.compile(_BROKEN_WORD.pattern.removeprefix(r"(?<!\S)"))
    text = text.replace("a", word or "a")
    assert anywhere.pattern != _BROKEN_WORD.pattern
    assert _BROKEN_WORD.sub(_mend, text) == anywhere.sub(_mend, text)


def test_reasons_wrapped_right_above_a_boxed_heading_are_no_heading() -> None:
    cable = cableparse.parse_cable(
        "C O N F I D E N T I A L LAGOS 000075\n\nSIPDIS\n\nE.O. 12958: DECL: 2020/02/16\n"
        "TAGS: EPET PGOV NI\nSUBJECT: A/S CARSON MEETS INTERNATIONAL OIL COMPANIES\n\n"
        "CLASSIFIED BY: Donna M. Blair, CG, State, ConGen Lagos; REASON:\n1.4(B), (D)\n"
        "-------\nSUMMARY\n-------\n\n1. (C) Assistant Secretary Carson met the IOCs.\n"
    )
    assert cable.classified_by is not None
    assert cable.classified_by.authority == "Donna M. Blair, CG, State, ConGen Lagos"
    assert cable.classified_by.reasons == ("1.4(b)", "1.4(d)")
    assert DefectCode.CLASSIFIED_BY_INVALID not in {d.code for d in cable.defects}
    assert cable.paragraphs[0].heading == "SUMMARY"


def test_a_line_underlined_below_a_classified_by_with_reasons_stays_a_heading() -> None:
    cable = cableparse.parse_cable(
        "C O N F I D E N T I A L LAGOS 000075\n\nE.O. 12958: DECL: 2020/02/16\nTAGS: PGOV NI\n"
        "SUBJECT: UNDERLINED\n\n"
        "Classified By: Consul General Donna Blair, reasons 1.4 (b) and (d)\n"
        "Summary\n-------\n\n1. (C) Text.\n"
    )
    assert cable.classified_by is not None
    assert cable.classified_by.authority == "Consul General Donna Blair"
    assert cable.paragraphs[0].heading == "Summary"


def test_a_ref_label_glued_after_the_reasons_opens_the_ref_field() -> None:
    cable = cableparse.parse_cable(
        "R 131200Z NOV 09\nFM AMEMBASSY BRASILIA\nTO RUEHC/SECSTATE WASHDC 5432\n\n"
        "C O N F I D E N T I A L BRASILIA 001383\n\nE.O. 12958: DECL: 11/13/2019\n"
        "TAGS: ENRG EINV BR\nSUBJECT: BRAZIL: BLACKOUT -CAUSES AND IMPLICATIONS\n\n"
        "Classified By: Charge d'Affaires Cherie Jackson, Reasons 1.4 (b) and (d). REFTELS:\n"
        "A) 2008 BRASILIA 672, B) 2008 BRASILIA 593, C)2008 SAO PAULO 260\n\n1. (C) Text.\n"
    )
    assert cable.classified_by is not None
    assert cable.classified_by.authority == "Charge d'Affaires Cherie Jackson"
    assert cable.classified_by.reasons == ("1.4(b)", "1.4(d)")
    assert [(r.label, r.cable_id) for r in cable.references] == [
        ("A", "08BRASILIA672"),
        ("B", "08BRASILIA593"),
        ("C", "08SAOPAULO260"),
    ]
    assert DefectCode.UNPARSED_LINE not in {d.code for d in cable.defects}
    # E.O. and a repeated label inside the reasons stay Classified By text.
    repeated = cableparse.parse_cable(
        "C O N F I D E N T I A L BRASILIA 001383\n\nSUBJECT: REPEATED\n\n"
        "Classified By: CLASSIFIED BY: Charge Cherie Jackson, E.O. 12958 reasons 1.4 (b)\n\n"
        "1. (C) Text.\n"
    )
    assert repeated.classified_by is not None
    assert repeated.classified_by.authority == "Charge Cherie Jackson"
    assert repeated.classified_by.reasons == ("1.4(b)",)


def test_a_wrap_inside_the_reason_number_is_no_paragraph_one() -> None:
    cable = cableparse.parse_cable(
        "C O N F I D E N T I A L BEIJING 002112\n\nE.O. 12958: DECL: 08/04/2034\nTAGS: PGOV CH\n"
        "SUBJECT: TOP LEADERSHIP DYNAMICS\n\n"
        "Classified By: Political Minister Counselor Aubrey Carlson. Reasons\n1.\n4 (b/d).\n\n"
        "Summary\n-------\n\n1. (C) The need for consensus.\n\n2. (C) More.\n"
    )
    assert cable.classified_by is not None
    assert cable.classified_by.reasons == ("1.4(b)", "1.4(d)")
    assert [p.number for p in cable.paragraphs] == [1, 2]
    assert cable.paragraphs[0].text == "The need for consensus."
    assert DefectCode.PARAGRAPH_NUMBER_OUT_OF_SEQUENCE not in {d.code for d in cable.defects}


def test_paragraph_one_run_on_after_the_reasons_opens_the_body() -> None:
    # Tripoli and Vatican cables of 2009-2010 (09TRIPOLI686, 10VATICAN13) run the whole
    # of paragraph 1, the summary, on after the reasons; its portion mark is no reason.
    head = (
        "C O N F I D E N T I A L TRIPOLI 000686\n\nSIPDIS\n\nE.O. 12958: DECL: 8/24/2019\n"
        "TAGS: PREL PGOV UK LY\nSUBJECT: QADHAFI PERSONALLY WELCOMES LOCKERBIE BOMBER\n\n"
    )
    field = (
        "CLASSIFIED BY: Joan Polaschik, Charge d'Affaires, U.S. Embassy Tripoli, "
        "Department of State. REASON: 1.4 (b), (d)"
    )
    run_on = "1. (C/NF) Summary: Libyan leader Muammar al-Qadhafi met the bomber. End Summary."
    rest = "\n\nMEGRAHI WELCOMED WITH A WARM EMBRACE\n\n2. (SBU) The leader met him August 21.\n"
    for classified_by in (
        field + " " + run_on,
        field.replace(" REASON", "\nREASON") + " " + run_on,
    ):
        cable = cableparse.parse_cable(head + classified_by + rest)
        assert cable.classified_by is not None
        assert cable.classified_by.reasons == ("1.4(b)", "1.4(d)")
        assert cable.classified_by.authority.endswith("U.S. Embassy Tripoli, Department of State")
        assert [(p.number, p.marking, p.heading) for p in cable.paragraphs] == [
            (1, "C/NF", None),
            (2, "SBU", "MEGRAHI WELCOMED WITH A WARM EMBRACE"),
        ]
        assert cable.paragraphs[0].text == run_on[len("1. (C/NF) ") :]
        assert cable.summary == "Libyan leader Muammar al-Qadhafi met the bomber."
        # Paragraph 1 starts on the line the field ends on.
        run_on_line = (head + classified_by).count("\n") + 1
        spans = {f.name: f.span for f in cable.spans}
        assert spans["classified_by"].last_line == run_on_line
        assert cable.paragraphs[0].span is not None
        assert cable.paragraphs[0].span.first_line == run_on_line
        assert cable.unparsed == () and DefectCode.UNPARSED_LINE not in {
            d.code for d in cable.defects
        }
    # A mark with no text after it (a stray copy of the next line's) is left alone.
    stray = cableparse.parse_cable(head + field + " 1. (C)\n\n1. (C) Text.\n")
    assert [(p.number, p.text) for p in stray.paragraphs] == [(1, "Text.")]


@pytest.mark.parametrize(
    ("eo_line", "authority"),
    [
        # 79TEHRAN8980: E.O. 12065 names the classifier after the schedule.
        ("E.O. 12065: GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P", "TOMSETH, VICTOR L."),
        ("E.O. 12065: RDS-1 12/31/99 (SMITH, JOHN) OR-M", "SMITH, JOHN"),
        ("E.O. 12065: XGDS-2 (JONES, A.)", "JONES, A."),
        # No schedule, or a parenthesis that names no one: no classifier.
        ("E.O. 12958: DECL: 1.6X1 (JONES, A.)", None),
        ("E.O. 12065: GDS 8/12/85 (1.4)", None),
    ],
)
def test_the_classifier_of_an_eo_12065_schedule(eo_line: str, authority: str | None) -> None:
    cable = cableparse.parse_cable(
        f"C O N F I D E N T I A L TEHRAN 08980\n\n{eo_line}\nTAGS: PINT IR\nSUBJECT: TEST\n\n"
        "1. (C) Text.\n"
    )
    found = cable.classified_by.authority if cable.classified_by is not None else None
    assert found == authority
    # The schedule keeps its text whole.
    assert cable.declassify is not None and cable.declassify.text == eo_line.rsplit(": ", 1)[1]


def test_a_classified_by_line_wins_over_the_schedule() -> None:
    cable = cableparse.parse_cable(
        "C O N F I D E N T I A L TEHRAN 08980\n\nE.O. 12065: GDS 8/12/85 (TOMSETH, VICTOR L.)\n"
        "TAGS: PINT IR\nSUBJECT: TEST\n\nCLASSIFIED BY: AMBASSADOR SULLIVAN\n\n1. (C) Text.\n"
    )
    assert cable.classified_by is not None
    assert cable.classified_by.authority == "AMBASSADOR SULLIVAN"


def test_a_preview_cut_off_by_dots_gives_way_to_the_whole_field() -> None:
    # 02VATICAN298 (alx copy): the release printed the first words of the field, cut off
    # by "...", above the whole of it; the preview was read (authority "NICHOLSO", no
    # reasons) and the whole field refused as a second Classified By.
    cable = cableparse.parse_cable(
        "C O N F I D E N T I A L VATICAN 000298\n\nE.O. 12958: DECL: 01/19/2012\n"
        "TAGS: PHUM PREL VT\nSUBJECT: VATICAN REPORTS EYES ON GUANTANAMO\n\n"
        "CLASSIFIED BY: AMBASSADOR R. JAMES NICHOLSO...\n\n"
        "CLASSIFIED BY: AMBASSADOR R. JAMES NICHOLSON REASONS 1.5 (B,D)\n\n1. (C) Text.\n"
    )
    assert cable.classified_by is not None
    assert cable.classified_by.authority == "AMBASSADOR R. JAMES NICHOLSON"
    assert cable.classified_by.reasons == ("1.5(b)", "1.5(d)")
    # No defect but the year taken from the DECL date (the test has no header).
    assert [d.code for d in cable.defects] == [DefectCode.REFERENCE_ID_YEAR_GUESSED]
    assert [m.line for m in cable.markers] == [7]


_HEAD = (
    "R 221200Z JAN 10\nFM AMEMBASSY TOKYO\nTO SECSTATE WASHDC\n\n"
    "C O N F I D E N T I A L TOKYO 000397\n\nE.O. 12958: DECL: 01/22/2020\nTAGS: PREL\n"
    "SUBJECT: TEST SUBJECT\n\n"
)


def _wrapped_at_71(words: str) -> str:
    """``words`` cut every 71 characters, inside words too, as the web copy cut the field."""
    return "\n".join(words[i : i + 71] for i in range(0, len(words), 71))


@pytest.mark.parametrize(
    ("field", "authority"),
    [
        # The cut falls inside a name or a word of the title: the pieces are one word.
        (
            "Classified By: Provincial Reconstruction Team Deputy Coordinator Tom Yellen for "
            "reasons 1.4 (b) and (d)",
            "Provincial Reconstruction Team Deputy Coordinator Tom Yellen",
        ),
        (
            "Classified By: Minister-Counselor for Political-Military Affairs Michael Corbin "
            "for reasons 1.4 (b) and (d)",
            "Minister-Counselor for Political-Military Affairs Michael Corbin",
        ),
        # In capitals, a letter alone that is no word: 06BEIJING22125's ``AFFAIR`` / ``S``.
        (
            "Classified By: (C) CLASSIFIED BY MINISTER COUNSELOR FOR ECONOMIC AFFAIRS ROBERT "
            "LUKE; REASON 1.4 (B) AND (D).",
            "MINISTER COUNSELOR FOR ECONOMIC AFFAIRS ROBERT LUKE",
        ),
        # The cut falls between two words: ``for`` opens the next line on its own.
        (
            "Classified By: Charge d'Affaires Patricia A. Butenisxx for reasons 1.4 (b) and (d)",
            "Charge d'Affaires Patricia A. Butenisxx",
        ),
    ],
)
def test_a_word_cut_by_the_71_column_wrap_is_one_word(field: str, authority: str) -> None:
    wrapped = _wrapped_at_71(field)
    assert "\n" in wrapped
    assert _read(wrapped) == (authority, BD)
    # A line of another width is no such cut: its line end stays a space.
    assert _read(field.replace("Coordinator Tom", "Coordinator\nTom"))[0] == authority


def test_a_letter_that_is_a_word_after_the_cut_stays_a_word() -> None:
    # ``A`` and ``I`` are words: a cut before them is a cut between two words.
    field = "Classified By: (C) CLASSIFIED BY MINISTER COUNSELOR FOR ECONOMICS AFFAI"
    assert len(field) == 71
    assert _read(field + "\nA ROBERT LUKE; REASON 1.4 (B) AND (D).")[0] == (
        "MINISTER COUNSELOR FOR ECONOMICS AFFAI A ROBERT LUKE"
    )


def test_a_cut_inside_the_reason_letters_keeps_them_apart() -> None:
    # 09MAPUTO1291: ``(b and`` / ``d)`` at 71 columns; ``d`` is a letter, not ``andd``.
    field = "Classified By: Charge d'Affaires Todd C. Chapman for reasons 1.4 (b and"
    assert len(field) == 71
    assert _read(field + "\nd)") == ("Charge d'Affaires Todd C. Chapman", BD)


@pytest.mark.parametrize(
    "clause", ["1.4 (B) A ND (D)", "1.4 (b) an d (d).", "1.4 B AN D D.", "1.4 (b) a nd (d)"]
)
def test_and_split_by_a_space_joins_the_letters(clause: str) -> None:
    # 07RIYADH2320, 09LONDON2005, 10SHENYANG5: the copy rejoined a wrap inside "and" with a
    # space; the "A" was read as reason (a) and "an" ended the letters before (d).
    assert reasons_in(clause) == BD


def test_paragraph_one_after_the_reasons_on_a_pilcrowed_line_opens_the_body() -> None:
    line = (
        "CLASSIFIED BY: Rose E. Roe, Assistant Secretary, Department of State, VCI; "
        "REASON: 1.4(B), (D) \u00b61. (U) This is the first paragraph."
    )
    cable = cableparse.parse_cable(_HEAD + line + "\n\n\u00b62. (C) Second one.\n")
    assert cable.classified_by is not None
    assert cable.classified_by.reasons == ("1.4(b)", "1.4(d)")
    assert [(p.number, p.marking, p.text) for p in cable.paragraphs] == [
        (1, "U", "This is the first paragraph."),
        (2, "C", "Second one."),
    ]


def test_a_paragraph_number_closed_by_a_comma_before_a_mark_is_no_reason() -> None:
    # 08ISLAMABAD405: ``1, (C) Summary...`` right under the reasons was read as reasons
    # (``(C)`` gave 1.4(c)) and the summary paragraph was lost.
    cable = cableparse.parse_cable(
        _HEAD + "Classified By: Ambassador Ann Roe, for reasons 1.4 (b)(d)\n"
        "1, (C) Summary. During an hour of talks, he said no.\n\n2. (C) Second.\n"
    )
    assert cable.classified_by is not None
    assert cable.classified_by.reasons == ("1.4(b)", "1.4(d)")
    assert [(p.number, p.marking) for p in cable.paragraphs] == [(1, "C"), (2, "C")]
    assert cable.summary == "During an hour of talks, he said no."
    # A count or a list after a comma opens no paragraph.
    listed = cableparse.parse_cable(_HEAD + "1. (C) Items\n2, 3 and 4 of the list.\n")
    assert [p.number for p in listed.paragraphs] == [1]


def test_a_classified_by_without_reasons_does_not_take_the_marked_body() -> None:
    cable = cableparse.parse_cable(
        _HEAD + "Classified By: Acting Pol/Econ Chief Al Roe\n\n"
        "(S) In a meeting on July 1, the minister said\nthat the talks would continue.\n"
    )
    assert cable.classified_by is not None
    assert cable.classified_by.authority == "Acting Pol/Econ Chief Al Roe"
    assert [b.text for b in cable.text_blocks] == [
        "(S) In a meeting on July 1, the minister said that the talks would continue."
    ]
    # Reasons under a blank line still go on with the field.
    reasons = cableparse.parse_cable(
        _HEAD + "Classified By: Acting Pol/Econ Chief Al Roe\n\n(U) Reasons 1.4 (b) and (d)\n\n"
        "1. (C) Text.\n"
    )
    assert reasons.classified_by is not None
    assert reasons.classified_by.reasons == ("1.4(b)", "1.4(d)")


def test_reasons_after_a_page_break_go_on_with_the_field() -> None:
    cable = cableparse.parse_cable(
        _HEAD + "CLASSIFIED BY AMBASSADOR TOM ROE.\n                       CONFIDENTIAL\n\n"
        "PAGE 02        TOKYO  00397  01 OF 03  111533Z\nREASONS: 1.5 (B) AND (D).\n\n"
        "1.  (C)  SUMMARY:  THE TALKS WENT ON.\n"
    )
    assert cable.classified_by == cableparse.ClassifiedBy(
        "AMBASSADOR TOM ROE", ("1.5(b)", "1.5(d)")
    )
    assert cable.text_blocks == ()
    assert [m.line for m in cable.markers] == [12, 14]


@pytest.mark.parametrize(
    "first",
    [
        "- - C O R R E C T E D  C O P Y - - CLASSIFIED BY LINE ADDED",
        "Classified By: OSAKA 222\nOSAKA 216\nTOKYO 6772",
    ],
)
def test_a_later_classified_by_with_reasons_wins_over_one_without(first: str) -> None:
    cable = cableparse.parse_cable(
        _HEAD + first + "\n\nCLASSIFIED BY DCM JOHN ROE PER 1.5 (B) AND (D)\n\n1. (C) Text.\n"
    )
    assert cable.classified_by == cableparse.ClassifiedBy("DCM JOHN ROE", ("1.5(b)", "1.5(d)"))
    # The first is kept, line by line, with a defect.
    assert [u.text for u in cable.unparsed] == first.split("\n")
    assert any(
        d.code is DefectCode.UNPARSED_LINE and "without reasons" in d.message for d in cable.defects
    )


def test_the_level_word_in_a_repeated_label_is_no_authority() -> None:
    assert _read(
        "Classified By: CLASSIFIED CONFIDENTIAL BY ACTING DCM\nROBERT ROE FOR REASON 1.4 (d)."
    ) == ("ACTING DCM ROBERT ROE", ["1.4(d)"])
