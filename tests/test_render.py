"""render(): the canonical text of a document, which parses back to the same document."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import cableparse
from cableparse import (
    Article,
    Cable,
    Classification,
    ClassifiedBy,
    Credit,
    Dateline,
    Paragraph,
    Reference,
    ReferenceKind,
    render,
)


def _content(document: cableparse.Document) -> cableparse.Document:
    """The document without what render() does not write (layout lines, defects)."""
    if isinstance(document, Cable):
        return attrs.evolve(document, defects=(), markers=(), unparsed=())
    return attrs.evolve(document, defects=())


@pytest.fixture(scope="module")
def seed(seed_cable_text: str) -> Cable:
    cable = cableparse.parse(seed_cable_text)
    assert isinstance(cable, Cable)
    return cable


def test_seed_renders_in_the_standard_layout(seed: Cable) -> None:
    lines = render(seed).split("\n")
    assert lines[:11] == [
        "VZCZCXRO2111",
        "OO RUEHCN RUEHDBU RUEHFL RUEHGH RUEHKW RUEHLA RUEHROV RUEHSR RUEHVC",
        "DE RUEHBJ #1960 0810816",
        "ZNY CCCCC ZZH",
        "O 220816Z MAR 07",
        "FM AMEMBASSY BEIJING",
        "TO RUEHC/SECSTATE WASHDC IMMEDIATE 6090",
        "INFO RUEHGG/UN SECURITY COUNCIL COLLECTIVE IMMEDIATE",
        "RUEHOO/CHINA POSTS COLLECTIVE",
        "RUEHZL/EUROPEAN POLITICAL COLLECTIVE",
        "",
    ]
    assert "C O N F I D E N T I A L BEIJING 001960" in lines
    assert "E.O. 12958: DECL: 03/22/2017" in lines
    assert "TAGS: PREL, UNSC, ZL, CH, RS, SR" in lines
    assert "SUBJECT: KOSOVO: CHINESE MFA SEES POSITIONS HARDENING" in lines
    assert (
        "Classified By: Political Minister Counselor Daniel Shields, for reasons 1.4 (b) and (d)."
        in lines
    )
    assert "Summary -----" in lines
    assert any(line.startswith("¶5. (C) Hua asked about") for line in lines)
    assert lines[-2:] == ["RANDT", ""]


def test_seed_round_trip(seed: Cable) -> None:
    again = cableparse.parse(render(seed))
    assert _content(again) == _content(seed)
    # The repaired paragraph numbers are written as such, so the rendering is clean.
    assert again.defects == ()
    assert render(again) == render(seed)


def test_classified_by_reasons_round_trip(seed: Cable) -> None:
    # "(b) and (c)": the "d" of "and" is not a reason.
    for reasons in [("1.4(b)", "1.4(c)"), ("1.5(a)", "1.5(c)", "1.5(h)"), ("1.4",)]:
        cable = attrs.evolve(seed, classified_by=ClassifiedBy("Ambassador Robert Ford", reasons))
        again = cableparse.parse(render(cable))
        assert isinstance(again, Cable)
        assert again.classified_by == cable.classified_by


def test_lettered_references_and_sections_round_trip(seed: Cable) -> None:
    references = (
        Reference("A", "STATE 12345", ReferenceKind.CABLE, "07STATE12345"),
        Reference("B", "06 BEIJING 1234 (NOTAL)", ReferenceKind.CABLE, "06BEIJING1234", "NOTAL"),
        Reference("C", "TELCON OF MARCH 12", ReferenceKind.TELCON),
    )
    assert seed.header is not None and seed.header.security is not None
    security = attrs.evolve(
        seed.header.security, classification=Classification.SECRET, code="SSSSS"
    )
    cable = attrs.evolve(
        seed,
        references=references,
        section=cableparse.Section(2, 3),
        classification=Classification.SECRET,
        header=attrs.evolve(seed.header, security=security),
    )
    text = render(cable)
    assert "S E C R E T SECTION 02 OF 03 BEIJING 001960" in text
    assert "REF: A. STATE 12345\nB. 06 BEIJING 1234 (NOTAL)\nC. TELCON OF MARCH 12\n" in text
    assert _content(cableparse.parse(text)) == _content(cable)


def test_cable_without_header(seed: Cable) -> None:
    cable = attrs.evolve(seed, header=None)
    text = render(cable)
    assert text.startswith("C O N F I D E N T I A L BEIJING 001960\n")
    again = cableparse.parse(text)
    assert isinstance(again, Cable)
    assert again.header is None
    # Without a date-time group the year comes from the DECL date, and says so.
    assert again.reference_id == "07BEIJING1960"
    assert [d.code.value for d in again.defects] == ["reference-id-year-guessed"]


def test_paragraph_without_marking() -> None:
    paragraph = Paragraph(1, None, None, "Plain text of the paragraph.")
    cable = Cable(paragraphs=(paragraph,))
    assert render(cable) == "¶1. Plain text of the paragraph.\n"


def test_corpus_round_trip(cablegate_pages: list[tuple[str, str, int]]) -> None:
    """Rendering a parsed corpus cable and parsing it again keeps its fields."""
    same = 0
    for _, text, _ in cablegate_pages:
        cable = cableparse.parse(text)
        again = cableparse.parse(render(cable))
        same += _content(again) == _content(cable)
    # The rest are damaged cables whose fields the canonical layout cannot restate
    # (several lead-in blocks, an office routing block above the header).
    assert same >= 0.93 * len(cablegate_pages), same


def test_article_rendering() -> None:
    article = Article(
        title="China stocks rise on stimulus hopes",
        date=dt.date(2012, 5, 3),
        dateline=Dateline("SHANGHAI", "Reuters"),
        authors=("Jane Doe", "John Roe"),
        credits=(Credit("editing", ("Ken Wills",)),),
        paragraphs=("Chinese shares rose on Thursday.", "Analysts said the rally could last."),
    )
    assert render(article) == (
        "-- China stocks rise on stimulus hopes\n"
        "-- By Jane Doe and John Roe\n"
        "-- 2012-05-03\n"
        "\n"
        "SHANGHAI (Reuters) - Chinese shares rose on Thursday.\n"
        "\n"
        "Analysts said the rally could last.\n"
        "\n"
        "(Editing by Ken Wills)\n"
    )
    again = cableparse.parse(render(article))
    assert _content(again) == article


def test_render_rejects_other_types() -> None:
    with pytest.raises(TypeError):
        render("not a document")  # type: ignore[arg-type]
