"""Layout lines: the rule-line screen agrees with the rule pattern."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cableparse.layout import DASH_CHARS, DASH_LINE, is_rule

_LINES = st.text(st.sampled_from([*DASH_CHARS, " ", "\t", "\u00a0", "A", "1"]), max_size=20)


@given(_LINES)
def test_rule_screen_agrees_with_the_pattern(line: str) -> None:
    assert is_rule(line) is (DASH_LINE.match(line) is not None)


def test_rules_and_not_rules() -> None:
    assert is_rule("  -------  ")
    assert is_rule("===== ----- \u2014\u2014\u2014")
    assert not is_rule("-- --")
    assert not is_rule("SUMMARY -----")
    assert not is_rule("")
