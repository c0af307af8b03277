"""Layout lines: the character screens agree with the patterns they spare."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cableparse.layout import DASH_CHARS, DASH_LINE, is_repeated_classification, is_rule

_LINES = st.text(st.sampled_from([*DASH_CHARS, " ", "\t", "\u00a0", "A", "1"]), max_size=20)


@given(_LINES)
def test_rule_screen_agrees_with_the_pattern(line: str) -> None:
    assert is_rule(line) is (DASH_LINE.match(line) is not None)


def test_rules_and_not_rules() -> None:
    assert is_rule("  -------  ")
    assert is_rule("===== ----- \u2014\u2014\u2014")
    assert not is_rule("-- --")
    # A 45-column wrap left the rule's last dash or two as a run of their own, and some
    # cables space their rules out.
    assert is_rule("--------------------------------------------- - ")
    assert is_rule("- - - - - - - - ")
    assert not is_rule("- - -")
    assert not is_rule("- - - - x")
    assert not is_rule("SUMMARY -----")
    assert not is_rule("")


_LEVELS = ["CONFIDENTIAL", "SECRET", "UNCLASSIFIED", "UNCLAS", "LIMITED OFFICIAL USE", "TOP SECRET"]


@st.composite
def _short_lines(draw: st.DrawFn) -> str:
    # A level word, spaced, cased and decorated at random, or other short text.
    word = draw(st.sampled_from([*_LEVELS, "COMMENT", "END COMMENT", "elections", "Classified"]))
    if draw(st.booleans()):
        word = " ".join(word)
    word = "".join(c.lower() if draw(st.booleans()) else c for c in word)
    around = st.text(st.sampled_from(" ./-(),:1\u00e9\u00c9xZ"), max_size=3)
    return draw(around) + word + draw(around)


@given(_short_lines())
def test_repeated_classification_screens_agree_with_the_letters(text: str) -> None:
    # The character screens never turn away a line whose letters spell a level word.
    letters = "".join(c for c in text if c.isascii() and c.isalpha()).upper()
    expected = len(text) <= 40 and letters in {w.replace(" ", "") for w in _LEVELS}
    assert is_repeated_classification(text) is expected


def test_repeated_classifications() -> None:
    assert is_repeated_classification("C O N F I D E N T I A L")
    assert is_repeated_classification("(SECRET)")
    assert is_repeated_classification("confidential\u00e9")  # letters past ASCII are dropped
    assert not is_repeated_classification("END COMMENT.")
    assert not is_repeated_classification("COMMENT.")
