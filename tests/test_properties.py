"""Properties over generated documents (cableparse.strategies) and arbitrary text.

The default Hypothesis profile is fast; ``HYPOTHESIS_PROFILE=thorough`` runs 10,000
examples per property (see tests/conftest.py).
"""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import cableparse
from cableparse import Article, Cable, DefectCode, ParseError, render
from cableparse import strategies as cs

# A generated cable without a routing header takes its reference id year from the DECL
# date; the parser says so.  No other defect may appear on a rendered cable.
_EXPECTED = {DefectCode.REFERENCE_ID_YEAR_GUESSED}


def _examples(at_least: int) -> int:
    profile = settings.default
    return max(at_least, profile.max_examples if profile is not None else 0)


def _shape(cable: Cable) -> tuple[str, str, str, str]:
    if cable.header is None:
        header = "no header"
    elif cable.header.transmission_id is None:
        header = "short header"
    else:
        header = "full header"
    if not cable.references:
        references = "no REF"
    elif cable.references[0].label:
        references = "lettered REF"
    else:
        references = "REF"
    count = len(cable.paragraphs)
    paragraphs = "0" if count == 0 else "1" if count == 1 else "2+"
    level = cable.classification.value if cable.classification else "none"
    return level, references, header, paragraphs


def test_render_parse_round_trip_and_variety() -> None:
    """400 generated cables (10,000 under the thorough profile) come back from
    parse(render(cable)) unchanged, and they are of many visibly different shapes."""
    shapes: set[tuple[str, str, str, str]] = set()
    seen = 0

    @settings(max_examples=_examples(400), database=None)
    @given(cs.cables())
    def round_trip(cable: Cable) -> None:
        nonlocal seen
        seen += 1
        shapes.add(_shape(cable))
        again = cableparse.parse(render(cable))
        assert isinstance(again, Cable)
        assert {d.code for d in again.defects} <= _EXPECTED, again.defects
        assert attrs.evolve(again, defects=()) == cable

    round_trip()
    assert seen >= 400
    assert len(shapes) >= 12, sorted(shapes)
    # Every classification, all three header forms and all REF forms are drawn.
    assert {s[0] for s in shapes} == {c.value for c in cableparse.Classification}
    assert {s[2] for s in shapes} == {"no header", "short header", "full header"}
    assert {s[1] for s in shapes} == {"no REF", "REF", "lettered REF"}


@given(cs.cable_variants())
def test_equivalent_spellings_parse_to_the_same_cable(pair: tuple[Cable, str]) -> None:
    """Reason spellings (1.4 (b) and (d), 1.4(b)(d), 1.4 (B & D), ...), TAGS without a
    colon, EO 12958 DECL:, unspaced classification words, numbers without a pilcrow."""
    cable, text = pair
    again = cableparse.parse(text)
    assert isinstance(again, Cable)
    assert {d.code for d in again.defects} <= _EXPECTED, again.defects
    assert attrs.evolve(again, defects=()) == cable


@given(cs.cables())
def test_spans_account_for_every_rendered_line(cable: Cable) -> None:
    from test_robustness import covered_lines

    text = render(cable)
    again = cableparse.parse(text)
    assert isinstance(again, Cable)
    covered = covered_lines(again)
    lines = text.split("\n")
    assert [n for n, line in enumerate(lines, 1) if line.strip() and n not in covered] == []


@given(cs.cables())
def test_rendering_is_stable(cable: Cable) -> None:
    text = render(cable)
    assert render(cableparse.parse(text)) == text


@given(cs.documents())
def test_to_dict_from_dict_round_trip(document: cableparse.Document) -> None:
    data = cableparse.to_dict(document)
    assert cableparse.from_dict(json.loads(json.dumps(data))) == document
    assert cableparse.from_json(cableparse.to_json(document, spans=True)) == document


@given(cs.cable_texts())
def test_parsed_damaged_cables_survive_json(text: str) -> None:
    document = cableparse.parse(text)
    data = json.loads(cableparse.to_json(document, spans=True))
    assert cableparse.from_dict(data) == document


_ANY_TEXT = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from("VZCZOPRDE#/ ZNY\n0123456789().:¶-XMTFMINFO")),
    cs.cable_texts(),
    cs.articles().map(render),
)


@given(_ANY_TEXT)
def test_lenient_parse_never_raises_and_gives_json(text: str) -> None:
    document = cableparse.parse(text)
    assert isinstance(document, Cable | Article)
    json.loads(cableparse.to_json(document))
    for defect in document.defects:
        assert defect.line is None or 1 <= defect.line <= text.count("\n") + 2


@given(_ANY_TEXT)
def test_strict_parse_raises_only_parse_error(text: str) -> None:
    try:
        document = cableparse.parse(text, strict=True)
    except ParseError as error:
        assert error.line is None or error.line >= 1
        assert error.column is None or isinstance(error.column, int)
        assert error.code is None or isinstance(error.code, DefectCode)
    else:
        assert document.defects == ()


@given(cs.cable_texts(damaged=False))
def test_undamaged_cable_texts_are_cables(text: str) -> None:
    assert isinstance(cableparse.parse(text), Cable)


@given(cs.articles())
def test_article_render_parse_round_trip(article: Article) -> None:
    again = cableparse.parse(render(article))
    assert isinstance(again, Article)
    assert again.defects == ()
    assert again == article


@pytest.mark.parametrize(
    "make",
    [
        lambda: cs.cables(max_paragraphs=-1),
        lambda: cs.cables(max_paragraphs=51),
        lambda: cs.cables(header="yes"),  # type: ignore[arg-type]
        lambda: cs.cables(classifications=[]),
        lambda: cs.cables(classifications=["SECRET"]),  # type: ignore[list-item]
        lambda: cs.cable_texts(kinds=["wrap", "smudge"]),
        lambda: cs.cable_texts(damaged="yes"),  # type: ignore[arg-type]
        lambda: cs.paragraph_texts(redactions=1),  # type: ignore[arg-type]
    ],
)
def test_strategy_arguments_are_checked(make: object) -> None:
    with pytest.raises(InvalidArgument):
        make()  # type: ignore[operator]


@given(cs.cables(header=False, max_paragraphs=0))
def test_strategy_arguments_are_honoured(cable: Cable) -> None:
    assert cable.header is None
    assert cable.paragraphs == ()
    assert len(cable.text_blocks) == 1
