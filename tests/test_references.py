"""REF fields: every block shape, item kind, label spelling and canonical cable id."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cableparse.model import Reference, ReferenceKind
from cableparse.references import _PLAIN_CABLE, _read_item, _references, cable_id, read_references

CABLE, EMAIL, TELCON, REPORT, MEMO, OTHER = (
    ReferenceKind.CABLE,
    ReferenceKind.EMAIL,
    ReferenceKind.TELCON,
    ReferenceKind.REPORT,
    ReferenceKind.MEMO,
    ReferenceKind.OTHER,
)


def _ids(text: str, year: int | None) -> list[tuple[str | None, str | None]]:
    return [(r.label, r.cable_id) for r in read_references(text, year)]


@pytest.mark.parametrize(
    ("field", "year", "expected"),
    [
        ("REF: STATE 89241", 2009, [(None, "09STATE89241")]),
        ("REF: LA PAZ 3261", 2007, [(None, "07LAPAZ3261")]),
        ("  Ref: usun new york 0412", 2006, [(None, "06USUNNEWYORK412")]),
        ("REF: A. 99 PRETORIA 12315", 2000, [("A", "99PRETORIA12315")]),
        ("REF: A. 08 STATE 81854", 2009, [("A", "08STATE81854")]),
        ("REF: 2007 MANAGUA 2135", 2008, [(None, "07MANAGUA2135")]),
        ("REF: 06 TBILISI 0619", 2007, [(None, "06TBILISI619")]),
        ("REF: A. THE HAGUE 097", 2010, [("A", "10THEHAGUE97")]),
        ("REF: A. SECSTATE 74879", 2008, [("A", "08STATE74879")]),
        ("REF: STATE 89241", None, [(None, None)]),  # no year anywhere: no id guessed
        # The year in parentheses after the serial.
        ("REF: A. DOHA 152 (08) B. DOHA 311 (07)", 2009, [("A", "08DOHA152"), ("B", "07DOHA311")]),
        ("REF: BRASILIA 709 (2008)", 2009, [(None, "08BRASILIA709")]),
        ("REF: STATE 1234 (2)", 2009, [(None, "09STATE1234")]),  # one digit: no year
        (
            "REF: A. TBILISI 1605  B. TBILISI 1352  C. 06 TBILISI 2601",
            2007,
            [("A", "07TBILISI1605"), ("B", "07TBILISI1352"), ("C", "06TBILISI2601")],
        ),
        (
            "REF: A) PRAGUE 511 B) PRAGUE 498; C) 07 PRAGUE 1203",
            2008,
            [("A", "08PRAGUE511"), ("B", "08PRAGUE498"), ("C", "07PRAGUE1203")],
        ),
        (
            "REF: (A) 05 SAO PAULO 405; (B) 05 SAO PAULO 402 (C) 02 BRASILIA 2670",
            2006,
            [("A", "05SAOPAULO405"), ("B", "05SAOPAULO402"), ("C", "02BRASILIA2670")],
        ),
        (
            "REF: (A)STATE 071143, (B)STATE 073601, (C)BEIJING \n5361",
            2007,
            [("A", "07STATE71143"), ("B", "07STATE73601"), ("C", "07BEIJING5361")],
        ),
        (
            "REF: A. KIGALI 240\n\n¶B. KIGALI 199\n¶C. KIGALI 187",
            2009,
            [("A", "09KIGALI240"), ("B", "09KIGALI199"), ("C", "09KIGALI187")],
        ),
        (
            "Ref: a. 05 state 201650\n\nb. 05 berlin 3726\nc. 06 state 36325",
            2008,
            [("A", "05STATE201650"), ("B", "05BERLIN3726"), ("C", "06STATE36325")],
        ),
        (
            "REF: A. A) SECSTATE 54183 B. B) 07 BRASILIA 1868",
            2008,
            [("A", "08STATE54183"), ("B", "07BRASILIA1868")],
        ),
        (
            "REFS: A) 08 RIO DE JAN 138; B) 08 RIO DE JAN 0044 and previous",
            2008,
            [("A", "08RIODEJANEIRO138"), ("B", "08RIODEJANEIRO44")],
        ),
        (
            "REF: ANKARA 1022; STATE 33114",
            2008,
            [(None, "08ANKARA1022"), (None, "08STATE33114")],
        ),
        (
            "REF: 2009 CAIRO 2394 \n2009 CAIRO 491 ",
            2010,
            [(None, "09CAIRO2394"), (None, "09CAIRO491")],
        ),
        ("REF: STATE 1234, STATE 5678", 2008, [(None, "08STATE1234"), (None, "08STATE5678")]),
        ("REF: STATE 1234 STATE 5678", 2008, [(None, "08STATE1234"), (None, "08STATE5678")]),
        (
            "REF: A. THE HAGUE 109\nB. THE HAGUE 108\nD. 09 THE HAGUE 759",  # C skipped
            2010,
            [("A", "10THEHAGUE109"), ("B", "10THEHAGUE108"), ("D", "09THEHAGUE759")],
        ),
    ],
)
def test_cable_ids(
    field: str, year: int | None, expected: list[tuple[str | None, str | None]]
) -> None:
    assert _ids(field, year) == expected


def test_page_header_inside_the_field() -> None:
    field = (
        "REF: A. STATE 40721\n CONFIDENTIAL\nPAGE 02 ROME 01196 01 OF 02 082030Z\n"
        "B. ROME 1098  C. ROME 894"
    )
    assert _ids(field, 2002) == [("A", "02STATE40721"), ("B", "02ROME1098"), ("C", "02ROME894")]
    field = "REF: A) TRIPOLI 199, B) TRIPOLI 227 TRIPOLI 00000402 \n\n001.2 OF 003 "
    assert _ids(field, 2008) == [("A", "08TRIPOLI199"), ("B", "08TRIPOLI227")]


def test_item_kinds_and_texts() -> None:
    field = (
        "REF: A. OSC EUP20080707950031 B. MADRID 286 C. SMITH-JONES EMAIL 10/15/07 "
        "D. TELCON ROSS/ABEL 3/5 E. MEMCON OF 3/4/08 F. EMBASSY DAILY REPORT "
        "G. PARIS POINTS JULY 15 H. REFTEL"
    )
    assert read_references(field, 2009) == [
        Reference("A", "OSC EUP20080707950031", REPORT),
        Reference("B", "MADRID 286", CABLE, "09MADRID286"),
        Reference("C", "SMITH-JONES EMAIL 10/15/07", EMAIL),
        Reference("D", "TELCON ROSS/ABEL 3/5", TELCON),
        Reference("E", "MEMCON OF 3/4/08", MEMO),
        Reference("F", "EMBASSY DAILY REPORT", REPORT),
        Reference("G", "PARIS POINTS JULY 15", OTHER),
        Reference("H", "REFTEL", CABLE),
    ]


def test_captions_stay_on_the_item() -> None:
    refs = read_references("REFS: A) STATE 1234 (NOTAL) B) 2007 MANAGUA 2135 (EXDIS)", 2008)
    assert [(r.label, r.cable_id, r.caption) for r in refs] == [
        ("A", "08STATE1234", "NOTAL"),
        ("B", "07MANAGUA2135", "EXDIS"),
    ]
    assert refs[0].text == "STATE 1234 (NOTAL)"


@pytest.mark.parametrize(
    "item",
    ["TRIPOLI 723 AND PREVIOUS", "STATE 106206 CIRCULAR", "PARIS 7682 AND PREVIOUS (NOTAL)"],
)
def test_trailing_words_after_a_cable(item: str) -> None:
    (reference,) = read_references(f"REF: {item}", 2007)
    assert reference.kind is CABLE and reference.cable_id is not None


@pytest.mark.parametrize(
    "item", ["UNSCR 1737", "SECDEF MSG DTG 301601z SEP 08", "UNSCR 1737 SANCTIONS COMMITTEE"]
)
def test_numbers_that_are_no_cables(item: str) -> None:
    (reference,) = read_references(f"REF: {item}", 2007)
    assert reference.cable_id is None


def test_cable_id() -> None:
    assert cable_id(None, "LA PAZ", "003261", 2007) == "07LAPAZ3261"
    assert cable_id("2006", "STATE", "0042", 2007) == "06STATE42"
    assert cable_id(None, "STATE", "42", None) is None


def test_many_items() -> None:
    field = "REF: " + " ".join(f"STATE {i}" for i in range(1, 60_001))
    refs = read_references(field, 2008)
    assert len(refs) == 60_000 and refs[-1].cable_id == "08STATE60000"


@pytest.mark.parametrize(
    ("field", "year", "expected"),
    [
        # Serial lists make one reference per serial, all with the item's label.
        (
            "REF: A. LIMA 2799 AND 2764 B. PORT AU PRINCE 2325",
            2004,
            [("A", "04LIMA2799"), ("A", "04LIMA2764"), ("B", "04PORTAUPRINCE2325")],
        ),
        ("REF: A) Kabul 936/935", 2007, [("A", "07KABUL936"), ("A", "07KABUL935")]),
        (
            "Ref: [A] State 188314, 259032, [B] Ottawa 2285",
            2005,
            [("A", "05STATE188314"), ("A", "05STATE259032"), ("B", "05OTTAWA2285")],
        ),
        ("REF: Dakar 7472 and 7677", 2005, [(None, "05DAKAR7472"), (None, "05DAKAR7677")]),
        (
            "REF: SECSTATE 232089 & USUN 2336",
            2004,
            [(None, "04STATE232089"), (None, "04USUNNEWYORK2336")],
        ),
        # The year after the serial or in parentheses before it.
        (
            "REF: A. QUITO 4525-91 B. QUITO 1905-03",
            2006,
            [("A", "91QUITO4525"), ("B", "03QUITO1905")],
        ),
        ("REF: A. A: PANAMA 00789/08", 2009, [("A", "08PANAMA789")]),
        ("REFS: A) STATE (01) 201265", 2002, [("A", "01STATE201265")]),
        # Labels repeated inside the item, other label shapes, serial first, typos.
        (
            "REF: A. REF A STATE 122214 B. REF: LONDON 2649",
            2009,
            [("A", "09STATE122214"), ("B", "09LONDON2649")],
        ),
        ("Ref: A - Kabul 28", 2008, [("A", "08KABUL28")]),
        ("REF: REFERENCE: 01 ABUJA 997", 2002, [(None, "01ABUJA997")]),
        ("Ref: 870 Ulaanbaatar", 2006, [(None, "06ULAANBAATAR870")]),
        ("REF: BAGHDAD #3565", 2007, [(None, "07BAGHDAD3565")]),
        ("REF: (A) LAGOS O1512", 2002, [("A", "02LAGOS1512")]),
        ("REF: COTON0U 348", 2008, [(None, "08COTONOU348")]),
        (
            "REF: A) HO CHI MINH 10 B) 06 HCMC 1497",
            2007,
            [("A", "07HOCHIMINHCITY10"), ("B", "06HOCHIMINHCITY1497")],
        ),
        ("REF: A) USDOC 05667 B)HK 05511", 2007, [("A", "07USDOC5667"), ("B", "07HONGKONG5511")]),
        ("REF: A. ST. PETERSBURG 75", 2007, [("A", "07STPETERSBURG75")]),
        ("REF: A. E.O. 12958", 2008, [("A", None)]),
        # Colons between the items, as older cables wrote them (72TEHRAN1164); a time
        # (10:30) is no serial followed by a colon.
        (
            "REF: TEHRAN 1091: TEHRAN 263: MOSCOW 1603",
            1972,
            [(None, "72TEHRAN1091"), (None, "72TEHRAN263"), (None, "72MOSCOW1603")],
        ),
        ("REF: A. STATE 1234: B. PARIS 5678", 1972, [("A", "72STATE1234"), ("B", "72PARIS5678")]),
        ("REF: MEETING AT 10:30 WITH STATE 12", 2007, [(None, None)]),
        # Short names of posts whose ids spell them out.
        ("REF: RIO 346", 2009, [(None, "09RIODEJANEIRO346")]),
        (
            "REF: A. USEU 1234 B. UNVIE 55",
            2009,
            [("A", "09USEUBRUSSELS1234"), ("B", "09UNVIEVIENNA55")],
        ),
        # The US mission to UNESCO, whose ids read UNESCOPARISFR.
        (
            "REF: A. PARIS FR 187 B. USUNESCO PARIS FR 12 C. UNVIENNA 3",
            2010,
            [("A", "10UNESCOPARISFR187"), ("B", "10UNESCOPARISFR12"), ("C", "10UNVIEVIENNA3")],
        ),
    ],
)
def test_more_item_shapes(
    field: str, year: int, expected: list[tuple[str | None, str | None]]
) -> None:
    assert _ids(field, year) == expected


@pytest.mark.parametrize(
    ("field", "year", "expected"),
    [
        (
            "REF: A. MUSCAT 5266 MUSCAT 4817 B. STATE 17",
            2007,
            [("A", "07MUSCAT5266"), ("A", "07MUSCAT4817"), ("B", "07STATE17")],
        ),
        ("REF: (08) SAO PAULO 581", 2009, [(None, "08SAOPAULO581")]),
        ("REF: MOSCOW 03242 2008", 2009, [(None, "08MOSCOW3242")]),
        (
            "REF: A. TOKYO 3114 (TRILATERAL TALKS) B. SEOUL 1681 (ROKG ON CHINA)",
            2009,
            [("A", "09TOKYO3114"), ("B", "09SEOUL1681")],
        ),
    ],
)
def test_cables_with_notes_and_runs(
    field: str, year: int, expected: list[tuple[str | None, str | None]]
) -> None:
    assert _ids(field, year) == expected


def test_intelligence_reports() -> None:
    (reference,) = read_references("REF: A. TDX-315/090481-08 AND TDX-315/042493-09", 2009)
    assert (reference.label, reference.kind) == ("A", REPORT)


def test_with_citing_year_fills_missing_ids() -> None:
    from cableparse.references import with_citing_year

    field = "REF: A) KABUL 936/935 B) 06 KABUL 12 C) JONES EMAIL 3/4 D) REFTEL"
    late = with_citing_year(read_references(field, None), 2007)
    assert late == read_references(field, 2007)
    assert [(r.label, r.cable_id) for r in late] == [
        ("A", "07KABUL936"),
        ("A", "07KABUL935"),
        ("B", "06KABUL12"),
        ("C", None),
        ("D", None),
    ]
    known = read_references(field, 2005)
    assert with_citing_year(known, 2007) == known


_ITEMS = ("BEIJING 1", "KABUL 936/935", "06 KABUL 12", "JONES EMAIL 3/4", "REFTEL", "STATE 5")


@given(
    st.lists(st.sampled_from(_ITEMS), min_size=1, max_size=6),
    st.booleans(),
    st.integers(1966, 2010),
)
def test_with_citing_year_reads_as_if_the_year_was_known(
    items: list[str], lettered: bool, year: int
) -> None:
    # Items repeated, next to each other or not, each giving one or more references.
    if lettered:
        field = "REF: " + " ".join(f"{chr(65 + i)}) {item}" for i, item in enumerate(items))
    else:
        field = "REF: " + "; ".join(items)
    from cableparse.references import with_citing_year

    assert with_citing_year(read_references(field, None), year) == read_references(field, year)


def test_a_cable_without_date_cites_with_the_year_its_reference_id_takes(
    cablegate_pages: list[tuple[str, str, int]],
) -> None:
    # No date-time group: the year comes from the DECL date (a defect says so), and the
    # REF items that name no year are read with it, as the reference id is.
    import cableparse

    text = next(text for name, text, _ in cablegate_pages if name == "05ANKARA1730")
    cable = cableparse.parse(text)
    assert isinstance(cable, cableparse.Cable) and cable.header is None
    assert cable.reference_id == "05ANKARA1730"
    assert [r.cable_id for r in cable.references][:3] == [
        "05ANKARA1074",
        "05ANKARA1231",
        "05ANKARA1275",
    ]
    assert [d.code.value for d in cable.defects] == ["reference-id-year-guessed"]


def test_a_first_item_that_is_a_serial_alone_cites_the_citing_post() -> None:
    # cablemap's 03ANKARA6322 row: ``REF: A) 6307 B) STATE 285773``.
    import cableparse

    def ids(ref: str) -> list[str | None]:
        cable = cableparse.parse(
            "R 221200Z JAN 03\nFM AMEMBASSY ANKARA\nTO SECSTATE WASHDC\n\n"
            "C O N F I D E N T I A L ANKARA 006322\n\nE.O. 12958: DECL: 01/22/2013\n"
            f"TAGS: PREL\nSUBJECT: TEST\n\n{ref}\n\n1. (C) Text.\n"
        )
        assert isinstance(cable, cableparse.Cable)
        return [r.cable_id for r in cable.references]

    assert ids("REF: A) 6307 B) STATE 285773") == ["03ANKARA6307", "03STATE285773"]
    # A year before the post, the serial left out (06MINSK311): a cable, no id.
    assert ids("Ref: A) Minsk 297, B) 2005 Minsk") == ["03MINSK297", None]
    # A number that reads as a year, a short one, or no label: no id of the citing post.
    assert ids("REF: A) 2002 B) STATE 285773") == [None, "03STATE285773"]
    assert ids("REF: A) 12 B) STATE 285773") == [None, "03STATE285773"]
    assert ids("REF: 6307") == [None]


def test_a_release_stamp_dates_a_cable_without_header(seed_cable_text: str) -> None:
    # Copies without the routing header print the cable's date above it; without it the
    # year is guessed from a DECL date 25 years on.
    import cableparse

    body = seed_cable_text[seed_cable_text.index("C O N F I D E N T I A L") :]
    body = body.replace("DECL: 03/22/2017", "DECL: 03/22/2032")
    body = body.replace("SUBJECT:", "REF: STATE 35498\nSUBJECT:")
    cable = cableparse.parse("Thursday, 22 March 2007, 08:16\n" + body)
    assert isinstance(cable, cableparse.Cable) and cable.header is None
    assert cable.reference_id == "07BEIJING1960"
    assert [r.cable_id for r in cable.references] == ["07STATE35498"]
    assert "reference-id-year-guessed" not in [d.code.value for d in cable.defects]
    guessed = cableparse.parse(body)
    assert isinstance(guessed, cableparse.Cable)
    assert guessed.reference_id == "07BEIJING1960"
    assert [r.cable_id for r in guessed.references] == ["07STATE35498"]
    assert "reference-id-year-guessed" in [d.code.value for d in guessed.defects]


@pytest.mark.parametrize(
    ("order", "decl", "year"),
    [
        ("12958", "03/22/2017", "07"),  # ten years, the rule
        ("12958", "12/31/2034", "09"),  # 2024 is past E.O. 12958: 25 years
        ("12958", "12/31/2029", "09"),  # 2019 and 2014 are past it too: 20 years
        ("12958", "06/01/2020", "10"),  # 2010 is still under it
        ("13526", "12/31/2034", "24"),  # no end known for the order in force
        ("12356", "04/01/2010", "95"),  # 12356 gave way to 12958 in 1995
        ("12958", "03/06/2059", "09"),  # 50 years (a source's identity), 10ASTANA267
    ],
)
def test_a_guessed_year_falls_within_the_years_of_the_executive_order(
    seed_cable_text: str, order: str, decl: str, year: str
) -> None:
    import cableparse

    body = seed_cable_text[seed_cable_text.index("C O N F I D E N T I A L") :]
    body = body.replace("E.O. 12958", f"E.O. {order}").replace("03/22/2017", decl)
    cable = cableparse.parse(body)
    assert isinstance(cable, cableparse.Cable) and cable.header is None
    assert cable.executive_order == order
    assert cable.reference_id == f"{year}BEIJING1960"
    assert "reference-id-year-guessed" in [d.code.value for d in cable.defects]


# --- The plain-item fast path reads an item as the general reading does ------------------

_ITEM_PARTS = st.sampled_from(
    [
        *("99 ", "2008 ", "1234 ", "08 ", "(08) ", "REF ", "REF: ", "A ", "A. ", "(A) ", "B "),
        *("STATE", "PRETORIA", "LA PAZ", "USUN NEW YORK", "SAO PAULO", "HK", "UNSCR", "JULY"),
        *("PARA", "AND", "EMAIL", "A", "ST. PETERSBURG", "LAGOS", "COTON0U", "SECTION", "Abu"),
        *(" ", "  ", " 12315", " 0412", " O1512", " 12345678", " 936/935", " 2799 AND 2764"),
        *(" 4525-91", " #123", " (NOTAL)", " (EXDIS)", ":", ", ", ".", " 08", " 1999", "0", "O"),
    ]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_ITEM_PARTS, min_size=1, max_size=6), st.sampled_from([None, "A", "B", "S"]))
def test_plain_items_read_as_any_item(parts: list[str], label: str | None) -> None:
    text = "".join(parts)
    for year in (None, 2008):
        assert _references(label, text, year) == _read_item(label, text, text.upper(), year)


def test_corpus_items_read_as_any_item(cablegate_pages: list[tuple[str, str, int]]) -> None:
    plain = 0
    for _, page, _ in cablegate_pages:
        for line in page.split("\n"):
            for item in re.split(r"[;,]|\b[A-H][.)] ", line.strip()):
                item = item.strip()
                if item and len(item) < 80:
                    plain += _PLAIN_CABLE.fullmatch(item.upper()) is not None
                    assert _references("A", item, 2008) == _read_item("A", item, item.upper(), 2008)
    assert plain > 1_000


def test_a_cable_and_the_cables_citing_it_build_the_same_id() -> None:
    # One rule for both: letters and digits only, aliases resolved.
    import cableparse

    own = cableparse.parse_cable(
        "R 220816Z MAR 09\nFM AMEMBASSY PORT AU PRINCE\nTO SECSTATE WASHDC 1\n\n"
        "C O N F I D E N T I A L PORT-AU-PRINCE 000123\n\nSUBJECT: X\n\n1. (C) Text.\n",
    )
    assert own.reference_id == "09PORTAUPRINCE123"
    assert cable_id("09", "PORT-AU-PRINCE", "00123", None) == "09PORTAUPRINCE123"
    assert cable_id(None, "SECSTATE", "4567", 2008) == "08STATE4567"
    assert _ids("REF: A. 09 PORT-AU-PRINCE 123 B. TD-314/09169-05", 2009)[0] == (
        "A",
        "09PORTAUPRINCE123",
    )
    for _, identifier in _ids("REF: A. 09 PORT-AU-PRINCE 123 B. TD-314/09169-05", 2009):
        assert identifier is None or re.fullmatch(r"\d{2}[A-Z0-9]+\d", identifier)


def test_a_wrapped_free_text_item_is_one_reference() -> None:
    references = read_references(
        "REF: 10 AUGUST 2008 U.S. NON PAPER ON DEPLOYMENT OF A U.S. PATRIOT\nBATTERY IN POLAND",
        2008,
    )
    assert [(r.label, r.text, r.kind) for r in references] == [
        (
            None,
            "10 AUGUST 2008 U.S. NON PAPER ON DEPLOYMENT OF A U.S. PATRIOT BATTERY IN POLAND",
            OTHER,
        )
    ]
    wrapped = read_references("REF: 08 JAN 08 BAGHDAD O/I (SELF-PROCLAIMED SISTANI\nEMISSARIES)", 8)
    assert [r.text for r in wrapped] == [
        "08 JAN 08 BAGHDAD O/I (SELF-PROCLAIMED SISTANI EMISSARIES)"
    ]


def test_a_line_with_an_item_of_its_own_stays_a_reference() -> None:
    # After a cable reference, or with its own serial, date or kind, a line is a new item.
    assert _ids("REF: STATE 12345\nAND PREVIOUS", 2008) == [(None, "08STATE12345"), (None, None)]
    assert [r.kind for r in read_references("REF: STATE 1234\nEMAIL FROM DAS SMITH", 2008)] == [
        CABLE,
        EMAIL,
    ]
    assert [r.kind for r in read_references("REF: DEPARTMENT'S NON-PAPER OF MAY\n5", 2008)] == [
        OTHER
    ]
    assert len(read_references("REF: U.S. NON PAPER ON DEPLOYMENT OF PATRIOT;\nREFTEL", 2008)) == 2


def test_a_second_ref_block_goes_on_with_the_letters_of_the_first() -> None:
    assert _ids("REF: C. STATE 12345", 2009) == [("C", "09STATE12345")]
    assert _ids("REF: C. NAIROBI 1744\n     D. 08 NAIROBI 2416", 2009) == [
        ("C", "09NAIROBI1744"),
        ("D", "08NAIROBI2416"),
    ]
    assert _ids("REF: (C) STATE 98765 (NOTAL)", 2009) == [("C", "09STATE98765")]
    # A single letter before free text is an initial, not a label.
    assert [(r.label, r.kind) for r in read_references("REF: J. SMITH EMAIL OF 3/4/09", 2009)] == [
        (None, EMAIL)
    ]


def test_a_ref_field_ends_at_a_blank_line_after_a_whole_cable_reference(
    cablegate_pages: list[tuple[str, str, int]],
) -> None:
    # 72TEHRAN1164: "REF: TEHRAN 1091: TEHRAN 263: MOSCOW 1603" / blank / "COUNTRY TEAM.
    # MESSAGE" / blank / "BEGIN SUMMARY": the REF list is complete, and the summary opens
    # at BEGIN SUMMARY, which needs no colon.  07BUENOSAIRES2345's item B, an e-mail, goes
    # on after its blank line as before.
    import cableparse

    texts = {name: text for name, text, _ in cablegate_pages}
    tehran = cableparse.parse(texts["72TEHRAN1164"])
    assert isinstance(tehran, cableparse.Cable)
    assert [r.text for r in tehran.references] == ["TEHRAN 1091", "TEHRAN 263", "MOSCOW 1603"]
    assert tehran.summary is not None and tehran.summary.startswith("GENERAL AZIMI, MINISTER")
    buenos_aires = cableparse.parse(texts["07BUENOSAIRES2345"])
    assert isinstance(buenos_aires, cableparse.Cable)
    assert [r.text for r in buenos_aires.references][-1] == (
        "MCWHIRTER 12/14/07 E-MAIL TO DS COMMAND CENTER"
    )


def test_a_release_date_in_the_decl_field_guesses_no_year(seed_cable_text: str) -> None:
    # The National Archives copies of 1960s cables write the date of their own release
    # there (66BUENOSAIRES2481): ten years before it is no date of the cable.
    import cableparse

    body = seed_cable_text[seed_cable_text.index("C O N F I D E N T I A L") :]
    released = body.replace("DECL: 03/22/2017", "DECL: DECLASSIFIED BY NARA 09/02/2009")
    cable = cableparse.parse(released)
    assert isinstance(cable, cableparse.Cable) and cable.header is None
    assert cable.declassify is not None
    assert cable.declassify.text == "DECLASSIFIED BY NARA 09/02/2009"
    assert (cable.origin, cable.serial, cable.reference_id) == ("BEIJING", 1960, None)
    assert "reference-id-missing" in [d.code.value for d in cable.defects]
    assert cableparse.parse(body).reference_id == "07BEIJING1960"  # DECL 2017, less ten


def test_labelled_lists_written_in_other_ways() -> None:
    import cableparse

    def references(field: str) -> list[tuple[str | None, str, str | None]]:
        cable = cableparse.parse_cable(
            "C O N F I D E N T I A L TAIPEI 004305\n\nE.O. 12958: N/A\nTAGS: ECON TW\n"
            f"SUBJECT: PORT\n\n{field}\n\n1. (U) Text.\n"
        )
        assert [p.text for p in cable.paragraphs] == ["Text."], field
        return [(r.label, r.text, r.kind.value) for r in cable.references]

    # The label written twice, and an item's text after a blank line under its letter.
    assert references(
        "Ref:  Ref A) Taipei 3393 B) Taipei 03793 C) Taipei 03856 D)\n\n"
        "Taipei 03196 E) Taipei 03197"
    ) == [
        ("A", "Taipei 3393", "cable"),
        ("B", "Taipei 03793", "cable"),
        ("C", "Taipei 03856", "cable"),
        ("D", "Taipei 03196", "cable"),
        ("E", "Taipei 03197", "cable"),
    ]
    # One unlabelled item before the letters; each letter written twice.
    assert references("REF: 09 STATE 96625; A. A)STATE 70789; B. B) SEOUL 1144") == [
        (None, "09 STATE 96625", "cable"),
        ("A", "STATE 70789", "cable"),
        ("B", "SEOUL 1144", "cable"),
    ]
    # REF: again after the first letter, a pilcrow before the next one.
    assert references("REF: A. REF: KATHMANDU 2282\n     ¶B. KATHMANDU 2298") == [
        ("A", "REF: KATHMANDU 2282", "cable"),
        ("B", "KATHMANDU 2298", "cable"),
    ]
    # Dashes between the items.
    assert references("Refs:  (A) State 348254\n-      (B) State 348253 -      (C) memo") == [
        ("A", "State 348254", "cable"),
        ("B", "State 348253", "cable"),
        ("C", "memo", "memo"),
    ]


def test_lines_the_release_labelled_go_on_with_their_items() -> None:
    # 05PARIS1031, 07PARIS2027, 08PARIS130: the web release put a letter before each line,
    # the wrapped year of a date too, and the cable's own letters came after its letters.
    def items(field: str) -> list[tuple[str | None, str, str | None]]:
        return [(r.label, r.text, r.cable_id) for r in read_references(field, 2007)]

    assert items(
        "REF: A. (A) PARIS 1817 AND PREVIOUS\n\n¶B. (B) EMBASSY PARIS DAILY SIPRNET REPORT "
        "FOR MAY 18\n¶C. 2007 AND PREVIOUS"
    ) == [
        ("A", "PARIS 1817 AND PREVIOUS", "07PARIS1817"),
        ("B", "EMBASSY PARIS DAILY SIPRNET REPORT FOR MAY 18 2007 AND PREVIOUS", None),
    ]
    assert items(
        "REF: A. (A) EMBASSY PARIS DAILY REPORT FOR FEBRUARY 17\n\n¶B. 2006\n"
        "¶C. (B) EMBASSY PARIS DAILY REPORT FOR FEBRUARY 10\n"
        "¶D. (C) EMBASSY PARIS DAILY REPORT FOR DECEMBER 19\n¶E. 2005\n"
        "¶F. (D) PARIS 1234"
    ) == [
        ("A", "EMBASSY PARIS DAILY REPORT FOR FEBRUARY 17 2006", None),
        ("B", "EMBASSY PARIS DAILY REPORT FOR FEBRUARY 10", None),
        ("C", "EMBASSY PARIS DAILY REPORT FOR DECEMBER 19 2005", None),
        ("D", "PARIS 1234", "07PARIS1234"),
    ]
    # A year under an item that names no day stays an item; one letter of its own that
    # lags is no pattern.
    assert [label for label, _, _ in items("REF: A. PARIS 1817\nB. 2006")] == ["A", "B"]
    assert [(label, text) for label, text, _ in items("REF: A. PARIS 1817\nB. (A) PARIS 1818")] == [
        ("A", "PARIS 1817"),
        ("B", "(A) PARIS 1818"),
    ]


def test_an_item_with_the_cited_cables_subject_after_a_dash() -> None:
    # 08KUALALUMPUR1114, 10MANAGUA115: each item gives the cable and, after a dash, what it
    # was about; a date after the dash, or a date for a serial, is no cable.
    found = read_references(
        "REF: A. KUALA LUMPUR 1026 - DPM NAJIB DISCUSSES ISA\n"
        "     ¶B. 2009 MANAGUA 1090 -- FSLN PROTESTORS ATTACK U.S. EMBASSY\n"
        "     ¶C. USEU TODAY 04/06/04\n     ¶D. MTCR POC 201/2006 - MAY 16 2006",
        2008,
    )
    assert [(r.label, r.kind, r.cable_id) for r in found] == [
        ("A", ReferenceKind.CABLE, "08KUALALUMPUR1026"),
        ("B", ReferenceKind.CABLE, "09MANAGUA1090"),
        ("C", ReferenceKind.OTHER, None),
        ("D", ReferenceKind.OTHER, None),
    ]
    assert found[0].text == "KUALA LUMPUR 1026 - DPM NAJIB DISCUSSES ISA"


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        # A year after each serial of a comma list: every item keeps its cable.
        (
            "REF: AMMAN 07718 99, AMMAN 05986 00, AMMAN 07718 01",
            [(None, "99AMMAN7718"), (None, "00AMMAN5986"), (None, "01AMMAN7718")],
        ),
        # A comma before "and previous".
        (
            "REF: (A) State 348254 (B) Colombo 2179, and previous",
            [("A", "03STATE348254"), ("B", "03COLOMBO2179")],
        ),
        # A classification word before the post, a word for the document after it.
        ("REF: UNCLASS USDA FAS 57863", [(None, "03USDAFAS57863")]),
        ("REF: COLOMBO CABLES 0266 AND 02259", [(None, "03COLOMBO266"), (None, "03COLOMBO2259")]),
        # The kind of post before the city, as an address writes it.
        ("REF: EMBASSY VIENNA 1450", [(None, "03VIENNA1450")]),
        # A labelled item that is a serial alone cites the post and year of the item above.
        (
            "REF: A. MANILA 2969\n     B. 2962 AND PREVIOUS",
            [("A", "03MANILA2969"), ("B", "03MANILA2962")],
        ),
        ("REF: A. 05 STATE 1234 B. 456", [("A", "05STATE1234"), ("B", "05STATE456")]),
        ("REF: A. EMAIL 12 B. 45", [("A", None), ("B", None)]),
        # Short names of posts whose ids spell them out.
        (
            "REF: A) HAGUE 123 B) PAP 45 C) MEXICO CITY 6",
            [("A", "03THEHAGUE123"), ("B", "03PORTAUPRINCE45"), ("C", "03MEXICO6")],
        ),
        # A comma between a post and its serial in a list of cables.
        (
            "REF: PRAGUE 849, PRAGUE, 1228, STATE 1484761",
            [(None, "03PRAGUE849"), (None, "03PRAGUE1228"), (None, "03STATE1484761")],
        ),
        # A portion mark between post and serial; REF again without its colon in an item.
        ("REF: KUWAIT (C)02293", [(None, "03KUWAIT2293")]),
        ("REF: A. REF AMMAN 222 B. 06 AMMAN 4685", [("A", "03AMMAN222"), ("B", "06AMMAN4685")]),
        # A letter glued to the digits makes another kind of number (an export licence).
        ("REF: A) USDOC 06988 B) EXP.LIC. D328589", [("A", "03USDOC6988"), ("B", None)]),
        # An intelligence report's number is no post and serial.
        ("REF: A) STATE 123 B) TD-314/18176-06", [("A", "03STATE123"), ("B", None)]),
    ],
)
def test_items_the_cablemap_tables_showed_misread(
    field: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert _ids(field, 2003) == expected


def test_a_report_number_is_a_report() -> None:
    (reference,) = read_references("REF: TD-314/18176-06", 2006)
    assert (reference.kind, reference.cable_id) == (REPORT, None)


_SHELL = (
    "R 221200Z JAN 02\nFM AMEMBASSY COLOMBO\nTO SECSTATE WASHDC\n\n"
    "C O N F I D E N T I A L COLOMBO 002314\n\nE.O. 12958: DECL: 01/22/2012\nTAGS: PREL\n"
)


@pytest.mark.parametrize(
    "field",
    [
        # The list goes on after a blank line: a label left dangling after a comma, or the
        # next item set after a dash.
        "REFS: A) STATE 201265, B) STATE 213042,C)\n\nSTATE 02034",
        "Refs:  (A) State 201265\n\n-      (B) State 213042\n-      (C) State 2034",
    ],
)
def test_a_ref_list_goes_on_over_a_blank_line(field: str) -> None:
    import cableparse

    cable = cableparse.parse_cable(
        _SHELL + "SUBJECT: TEST\n\n" + field + "\n\nClassified By: Amb Al Roe, reasons 1.4 (b)."
        "\n\n1. (C) Text.\n"
    )
    assert [(r.label, r.cable_id) for r in cable.references] == [
        ("A", "02STATE201265"),
        ("B", "02STATE213042"),
        ("C", "02STATE2034"),
    ]
    assert cable.text_blocks == () and cable.unparsed == ()


def test_a_ref_label_glued_onto_the_subjects_last_word() -> None:
    import cableparse

    cable = cableparse.parse_cable(
        _SHELL + "SUBJECT: (C/NF) WHO WOULD REPLACE THE PRIMEREF: A. COLOMBO 1939  B. COLOMBO 1704"
        "\n\n1. (C) Text.\n"
    )
    assert cable.subject == "WHO WOULD REPLACE THE PRIME"
    assert [r.cable_id for r in cable.references] == ["02COLOMBO1939", "02COLOMBO1704"]
    # A word that ends in REF before no reference is left alone.
    kept = cableparse.parse_cable(_SHELL + "SUBJECT: THE CHIEFREF: TALKS\n\n1. (C) Text.\n")
    assert kept.subject == "THE CHIEFREF: TALKS"


def test_a_classification_line_that_names_the_kind_of_post() -> None:
    import cableparse
    from cableparse.references import reference_id

    assert reference_id(9, "AMEMBASSY HANOI", 1284) == "09HANOI1284"
    assert reference_id(9, "EMBASSY", 12) == "09EMBASSY12"  # a word alone is the post
    cable = cableparse.parse_cable(
        "R 221200Z JAN 09\nFM AMEMBASSY HANOI\nTO SECSTATE WASHDC\n\n"
        "UNCLAS AMEMBASSY HANOI 001284\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: TEST\n\n"
        "1. Text.\n"
    )
    assert (cable.reference_id, cable.origin) == ("09HANOI1284", "AMEMBASSY HANOI")
