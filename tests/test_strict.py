"""Strict mode: the first problem raises ParseError naming the line, the column and what
was expected; lenient mode records the same problem as a defect on the same line."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

import cableparse
from cableparse import DefectCode, ParseError

BAD_DTG = "O 22Q816Z MAR 07"


@pytest.fixture(scope="module")
def bad_dtg_text(seed_cable_text: str) -> str:
    assert "O 220816Z MAR 07" in seed_cable_text
    return seed_cable_text.replace("O 220816Z MAR 07", BAD_DTG)


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), start=1) if line == needle)


def test_strict_bad_dtg_names_line_and_column(bad_dtg_text: str) -> None:
    with pytest.raises(ParseError) as caught:
        cableparse.parse(bad_dtg_text, strict=True)
    error = caught.value
    assert error.line == _line_of(bad_dtg_text, BAD_DTG) == 7
    assert isinstance(error.column, int)
    # The column points into the damaged group, after the precedence letter.
    assert error.column == 3
    assert error.code is DefectCode.DTG_INVALID
    message = str(error)
    assert message.startswith(
        "malformed date-time group: 'O 22Q816Z MAR 07'; expected a day and time such as "
        "220816Z or a precedence letter (Z, O, P, R) (line 7, column 3)"
    )
    # The offending line and a caret under the column.
    shown = message.split("\n")
    assert shown[1].strip() == BAD_DTG
    assert shown[2].index("^") == shown[1].index("2")


def test_lenient_bad_dtg_records_a_defect_on_that_line(bad_dtg_text: str) -> None:
    cable = cableparse.parse(bad_dtg_text)
    assert isinstance(cable, cableparse.Cable)
    line = _line_of(bad_dtg_text, BAD_DTG)
    assert [d.code for d in cable.defects if d.line == line] == [DefectCode.DTG_INVALID]
    assert [u.text for u in cable.unparsed] == [BAD_DTG]
    # The damaged line costs only itself: the rest of the header is still read.
    assert cable.header is not None
    assert cable.header.date_time_group is None
    assert cable.header.from_ == "AMEMBASSY BEIJING"
    assert [a.address for a in cable.header.to] == ["SECSTATE WASHDC"]
    assert cable.distribution == ()


def test_strict_clean_text_does_not_raise(seed_cable_text: str) -> None:
    # The seed has a mangled paragraph number (15. after 4.), which strict mode reports.
    with pytest.raises(ParseError) as caught:
        cableparse.parse(seed_cable_text, strict=True)
    assert caught.value.code is DefectCode.MANGLED_PARAGRAPH_NUMBER
    assert caught.value.line == 43
    repaired = seed_cable_text.replace("\n15. (C)", "\n¶5. (C)").replace("\n16. (C)", "\n¶6. (C)")
    cable = cableparse.parse(repaired, strict=True)
    assert isinstance(cable, cableparse.Cable)
    assert cable.defects == ()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", DefectCode.EMPTY_INPUT),
        (" \n\t\n", DefectCode.EMPTY_INPUT),
        ("\ufeff", DefectCode.EMPTY_INPUT),
    ],
)
def test_strict_empty_inputs(text: str, code: DefectCode) -> None:
    with pytest.raises(ParseError) as caught:
        cableparse.parse(text, strict=True)
    assert caught.value.code is code
    lenient = cableparse.parse(text)
    assert [d.code for d in lenient.defects] == [code]


def test_parse_error_is_a_value_error_and_a_cableparse_error() -> None:
    error = ParseError("expected X", line=2, column=4, source_line="abcdef")
    assert isinstance(error, ValueError)
    assert isinstance(error, cableparse.CableParseError)
    assert str(error) == "expected X (line 2, column 4)\n    abcdef\n       ^"


def test_julian_day_mismatch(seed_cable_text: str) -> None:
    text = seed_cable_text.replace("DE RUEHBJ #1960 0810816", "DE RUEHBJ #1960 0830816")
    cable = cableparse.parse(text)
    assert isinstance(cable, cableparse.Cable)
    (defect,) = [d for d in cable.defects if d.code is DefectCode.JULIAN_DAY_MISMATCH]
    assert defect.line == _line_of(text, "DE RUEHBJ #1960 0830816") == 5
    assert "083" in defect.message and "081" in defect.message
    with pytest.raises(ParseError) as caught:
        cableparse.parse(text, strict=True)
    assert (caught.value.code, caught.value.line) == (DefectCode.JULIAN_DAY_MISMATCH, 5)


# --- docs/defects.md --------------------------------------------------------------------

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_defect_catalogue_names_every_code() -> None:
    page = (DOCS / "defects.md").read_text(encoding="utf-8")
    assert [code.value for code in DefectCode if f"`{code.value}`" not in page] == []


def test_defect_catalogue_sessions_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DOCS.parent)
    page = (DOCS / "defects.md").read_text(encoding="utf-8")
    source = "\n".join(re.findall(r"```pycon\n(.*?)```", page, re.S))
    test = doctest.DocTestParser().get_doctest(source, {}, "defects.md", "defects.md", 0)
    runner = doctest.DocTestRunner()
    runner.run(test, out=lambda text: None)
    assert runner.summarize(verbose=False).failed == 0
