"""TAGS: kinds from the shipped code tables, person tags, glued codes, free text, order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cableparse
from cableparse import DefectCode
from cableparse._lark import get_parser
from cableparse.model import Tag, TagKind
from cableparse.transform.preamble import _PERSON_LEAD as PERSON_LEADS
from cableparse.transform.preamble import read_tags, split_glued, tag_kind
from cableparse.vocab import ONE_WORD_CAPTIONS, organization_tags, subject_tags

SUB, PRO, ORG, GEO, PER, UNK = (
    TagKind.SUBJECT,
    TagKind.PROGRAM,
    TagKind.ORGANIZATION,
    TagKind.GEOGRAPHIC,
    TagKind.PERSON,
    TagKind.UNKNOWN,
)


def _tags(text: str) -> list[tuple[str, TagKind]]:
    tree = get_parser("preamble").parse(text, start="tags_field")
    return [(tag.code, tag.kind) for tag in read_tags(tree)]


def _codes(text: str) -> list[str]:
    return [code for code, _ in _tags(text)]


@pytest.mark.parametrize(
    ("field", "codes"),
    [
        ("TAGS: PREL ECON EFIN PGOV FR", ["PREL", "ECON", "EFIN", "PGOV", "FR"]),
        ("TAGS PREL, PGOV, ASEC, AG", ["PREL", "PGOV", "ASEC", "AG"]),
        ("Tags: prel, pgov, pins, tu", ["PREL", "PGOV", "PINS", "TU"]),
        ("tags prel pgov", ["PREL", "PGOV"]),
        ("TAG PTER, PGOV, ASEC", ["PTER", "PGOV", "ASEC"]),
        ("TAS: PREL PARM", ["PREL", "PARM"]),
        ("AGS: PGOV, PREL, SOCI, AR", ["PGOV", "PREL", "SOCI", "AR"]),
        ("TAG:\xa0PTER, PGOV", ["PTER", "PGOV"]),
        ("TAGS:\xa0PREL\xa0ECON", ["PREL", "ECON"]),
        ("TAGS: PREL PGOV\nECON, PHUM, RS", ["PREL", "PGOV", "ECON", "PHUM", "RS"]),
        ("TAGS: PREL,PGOV;KDEM", ["PREL", "PGOV", "KDEM"]),
        ("TAGS: [PREL] [UNSC]", ["PREL", "UNSC"]),
        ("TAGS: ECON ETRD PGOV CA MX SIPDIS", ["ECON", "ETRD", "PGOV", "CA", "MX"]),
    ],
)
def test_spellings_of_the_field(field: str, codes: list[str]) -> None:
    assert _codes(field) == codes


def test_kinds_from_the_code_tables() -> None:
    assert _tags("TAGS: PREL UNSC ZL CH KPAO NATO ZANU-PF EUN") == [
        ("PREL", SUB),
        ("UNSC", ORG),
        ("ZL", GEO),
        ("CH", GEO),
        ("KPAO", PRO),
        ("NATO", ORG),
        ("ZANU-PF", ORG),
        ("EUN", ORG),
    ]


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("PHUM", SUB),
        ("MARR", SUB),
        ("OVIP", SUB),
        ("KCRM", PRO),
        ("KTFN", PRO),
        ("IAEA", ORG),
        ("UNGA/C-1", ORG),
        ("BA'ATH", ORG),
        ("UN", ORG),
        ("CH", GEO),  # FIPS China, not ISO Switzerland
        ("IZ", GEO),
        ("XF", GEO),
        ("OBAMA, BARACK", PER),
        ("HUMAN RIGHTS", UNK),
        ("ETRA", UNK),
    ],
)
def test_tag_kind(code: str, kind: TagKind) -> None:
    assert tag_kind(code) is kind


@pytest.mark.parametrize(
    ("field", "tags"),
    [
        (
            "TAGS: PREL, OVIP (CLINTON, HILLARY), KS",
            [("PREL", SUB), ("OVIP", SUB), ("CLINTON, HILLARY", PER), ("KS", GEO)],
        ),
        (
            "Tags: ovip (steinberg, james b.), prel,\nch",
            [("OVIP", SUB), ("STEINBERG, JAMES B.", PER), ("PREL", SUB), ("CH", GEO)],
        ),
        (
            "TAGS: OVIP CLINTON HILLARY PREL KPAL FR",
            [("OVIP", SUB), ("CLINTON, HILLARY", PER), ("PREL", SUB), ("KPAL", PRO), ("FR", GEO)],
        ),
        (
            "TAGS: OVIP RICE CONDOLEEZZA PREL SP",
            [("OVIP", SUB), ("RICE, CONDOLEEZZA", PER), ("PREL", SUB), ("SP", GEO)],
        ),
        (
            "TAGS: PREL PGOV BR OVIP ZOELLICK ROBERT US",
            [
                ("PREL", SUB),
                ("PGOV", SUB),
                ("BR", GEO),
                ("OVIP", SUB),
                ("ZOELLICK, ROBERT", PER),
                ("US", GEO),
            ],
        ),
        (
            "TAGS: OVIP CLINTON, HILLARY, PREL",
            [("OVIP", SUB), ("CLINTON, HILLARY", PER), ("PREL", SUB)],
        ),
        ("TAGS: OREP (PELOSI NANCY), PREL", [("OREP", SUB), ("PELOSI, NANCY", PER), ("PREL", SUB)]),
        ("TAGS: OVIP (BIDEN,JOSEPH R.)", [("OVIP", SUB), ("BIDEN, JOSEPH R.", PER)]),
    ],
)
def test_person_tags(field: str, tags: list[tuple[str, TagKind]]) -> None:
    assert _tags(field) == tags


@pytest.mark.parametrize(
    ("field", "codes"),
    [
        ("TAGS: KCRM KWMN ASEC PHUMBA", ["KCRM", "KWMN", "ASEC", "PHUM", "BA"]),
        ("TAGS: ETRDEINVECINPGOVCS", ["ETRD", "EINV", "ECIN", "PGOV", "CS"]),
        ("TAGS: PREL PHUM VT VEPREL", ["PREL", "PHUM", "VT", "VE"]),
        (
            "TAGS: KFRDKIRFCVISASECPHUMEG",
            ["KFRD", "KIRF", "CVIS", "ASEC", "PHUM", "EG"],
        ),
        ("TAGS: MASSMNUC KNNPMNUC", ["MASS", "MNUC", "KNNP"]),
    ],
)
def test_glued_codes(field: str, codes: list[str]) -> None:
    assert _codes(field) == codes


@pytest.mark.parametrize("word", ["EXTERNAL", "MEETINGS", "POLITICS", "SECURITY", "TERRORISM"])
def test_words_are_not_split(word: str) -> None:
    assert split_glued(word) is None


def test_long_runs_of_codes() -> None:
    # Twelve codes are still read; a longer run of letters is no TAGS line (a fuzzed page
    # of 400,000 letters once held a list of pieces per position: quadratic memory).
    twelve = "PGOVPRELMARRASECPTERKDEMPHUMPINRECONEFINETRDAF"
    assert split_glued(twelve) == [twelve[i : i + 4] for i in range(0, 44, 4)] + ["AF"]
    assert split_glued(twelve + "PREL") is None
    assert split_glued("A" * 400_000) is None


@pytest.mark.parametrize(
    ("field", "tags"),
    [
        (
            "TAGS PHUM, OPRC, IT, ITPHUM, HUMAN RIGHTS",
            [("PHUM", SUB), ("OPRC", SUB), ("IT", GEO), ("HUMAN RIGHTS", UNK)],
        ),
        (
            "TAGS PGOV, PREL, IS, COUNTERTERRORISM, GOI EXTERNAL ",
            [
                ("PGOV", SUB),
                ("PREL", SUB),
                ("IS", GEO),
                ("COUNTERTERRORISM", UNK),
                ("GOI EXTERNAL", UNK),
            ],
        ),
        (
            "TAGS: ECON ETRD PM ECONOMIC AFFAIRS",
            [("ECON", SUB), ("ETRD", SUB), ("PM", GEO), ("ECONOMIC AFFAIRS", UNK)],
        ),
        ("TAGS: PREL HUMAN RIGHTS IN CHINA", [("PREL", SUB), ("HUMAN RIGHTS IN CHINA", UNK)]),
        ("TAGS: PREL, AER LINGUS", [("PREL", SUB), ("AER LINGUS", ORG)]),
        # Codes of the 1970s that the table lacks, with no comma between them.
        ("TAGS: PFOR PINT FR", [("PFOR", UNK), ("PINT", UNK), ("FR", GEO)]),
        ("TAGS: PINT, PDIP SOPN UK", [("PINT", UNK), ("PDIP", UNK), ("SOPN", UNK), ("UK", GEO)]),
        # A phrase that opens with such a word stays one (EAST TIMOR, not EAST and TIMOR).
        ("TAGS: PREL, EAST TIMOR", [("PREL", SUB), ("EAST TIMOR", UNK)]),
    ],
)
def test_free_text_tags(field: str, tags: list[tuple[str, TagKind]]) -> None:
    assert _tags(field) == tags


_SUBJECT_INITIALS = sorted({code[0] for code in subject_tags()})
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _unknown_code(code: str) -> bool:
    """A subject-shaped word that no table knows and that is read no other way."""
    return (
        code not in subject_tags()
        and code not in organization_tags()
        and code not in ONE_WORD_CAPTIONS
        and code not in PERSON_LEADS
        and split_glued(code) is None
    )


@given(
    st.lists(
        st.builds(
            "".join,
            st.tuples(st.sampled_from(_SUBJECT_INITIALS), *[st.sampled_from(_LETTERS)] * 3),
        ).filter(_unknown_code),
        min_size=2,
        max_size=8,
        unique=True,
    )
)
def test_unknown_codes_in_a_row_are_one_tag_each(codes: list[str]) -> None:
    assert _tags("TAGS: " + " ".join(codes) + " FR") == [(code, UNK) for code in codes] + [
        ("FR", GEO)
    ]


def test_duplicates_removed_order_kept() -> None:
    field = "TAGS PREL, PHUM, IS, EG, PHUM, IS, EG, VT, VTPREL, VTPREL"
    assert _codes(field) == ["PREL", "PHUM", "IS", "EG", "VT"]


def test_glued_next_field_ends_the_tags() -> None:
    field = "Tags: prel, pgov, pins, tu Subject: turkish p.m. goes to washington"
    assert _codes(field) == ["PREL", "PGOV", "PINS", "TU"]
    assert _codes("TAGS: PREL ECON, UK SUBJECT: MILIBAND'S TRIP") == ["PREL", "ECON", "UK"]


def test_every_character_is_accepted() -> None:
    # No TAGS line fails the grammar: odd characters become words the reader judges.
    assert _codes('TAGS: PREL (PGOV "KDEM" ?') == ["PREL", "PGOV", "KDEM"]


def test_many_codes() -> None:
    codes = ["PREL", "PGOV", "ECON"] * 66_667
    tags = read_tags(get_parser("preamble").parse("TAGS: " + " ".join(codes), start="tags_field"))
    assert tags == [Tag("PREL", SUB), Tag("PGOV", SUB), Tag("ECON", SUB)]


def test_seed_cable_tags(seed_cable_text: str) -> None:
    import cableparse

    cable = cableparse.parse(seed_cable_text)
    assert isinstance(cable, cableparse.Cable)
    assert [(t.code, t.kind) for t in cable.tags] == [
        ("PREL", SUB),
        ("UNSC", ORG),
        ("ZL", GEO),
        ("CH", GEO),
        ("RS", GEO),
        ("SR", GEO),
    ]


def test_page_header_among_the_tags_is_dropped() -> None:
    field = "TAGS: PREL PGOV\nBAKU 00000478 001.2 OF 003\nAJ"
    assert _codes(field) == ["PREL", "PGOV", "AJ"]


_FAST_PATH_LINES = [
    "TAGS: PREL, PGOV, KDEM, XX",
    "TAGS PREL PGOV\nECON; UN",
    "Tags:PREL,,PGOV ;",
    "TAGS: PREL SIPDIS",  # a caption: the grammar's tokens decide
    "TAGS: OVIP RICE CONDOLEEZZA",  # a name follows: the grammar's tokens decide
    "TAGS: PREL PGOV HUMAN RIGHTS",  # free text: the grammar's tokens decide
    "TAGS: PREL (PGOV)",
    "TAGS: PREL1 PGOV",
]


@pytest.mark.parametrize("line", _FAST_PATH_LINES)
def test_plain_codes_read_as_the_grammar_reads_them(line: str) -> None:
    from cableparse._lark import plain_tag_codes, tags_field_tokens
    from cableparse.transform.preamble import read_plain_tags, read_tag_tokens

    codes = plain_tag_codes(line)
    plain = read_plain_tags(codes) if codes is not None else None
    tokens = tags_field_tokens(line)
    assert tokens is not None
    assert plain is None or plain == read_tag_tokens(tokens)
    assert read_tag_tokens(tokens) == read_tags(
        get_parser("preamble").parse(line, start="tags_field")
    )


@pytest.mark.parametrize(
    "line",
    [
        "TAGS " + " \n" * 100_000 + "AB x",
        "TAGS: " + "AB " * 100_000 + "x",
        "TAGS" + " " * 100_000 + ":" + " " * 100_000 + "x",
    ],
)
def test_plain_codes_test_is_linear(line: str) -> None:
    import time

    from cableparse._lark import plain_tag_codes

    started = time.process_time()
    plain_tag_codes(line)
    assert time.process_time() - started < 0.5


def test_a_tags_label_with_a_semicolon() -> None:
    # 92IZMIR819 (alx copy): "TAGS;  PGOV, TU" was an unparsed line.
    cable = cableparse.parse_cable(
        "UNCLAS IZMIR 00819\n\nE.O. 12356: N/A\nTAGS;  PGOV, TU\nSUBJECT: TEST\n\n1. TEXT.\n"
    )
    assert [tag.code for tag in cable.tags] == ["PGOV", "TU"]
    assert DefectCode.UNPARSED_LINE not in {defect.code for defect in cable.defects}
