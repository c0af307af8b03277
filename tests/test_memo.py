"""Bounded memos (cableparse.memo) and the shared spans built on them."""

from __future__ import annotations

from cableparse.memo import LIMIT, remember
from cableparse.model import FieldSpan, Span
from cableparse.spans import field_span, line_span


def test_a_full_memo_is_emptied_before_the_next_entry() -> None:
    memo: dict[int, str] = {}
    for key in range(5):
        assert remember(memo, key, str(key), limit=5) == str(key)
    assert len(memo) == 5
    assert remember(memo, 99, "new", limit=5) == "new"
    assert memo == {99: "new"}


def test_the_default_limit_bounds_a_memo_fed_forever() -> None:
    memo: dict[int, int] = {}
    for key in range(3 * LIMIT + 7):
        remember(memo, key, key)
    assert 0 < len(memo) <= LIMIT
    assert memo[3 * LIMIT + 6] == 3 * LIMIT + 6


def test_spans_are_shared_values() -> None:
    assert line_span(12, 14) == Span(12, 14)
    assert line_span(12, 14) is line_span(12, 14)
    assert field_span("tags", 12, 12) == FieldSpan("tags", Span(12, 12))
    assert field_span("tags", 12, 12) is field_span("tags", 12, 12)
    assert field_span("tags", 12, 12).span is line_span(12, 12)
    # Many distinct spans (a 120,000-paragraph body) keep the memo bounded and the
    # answers right.
    for first in range(2 * LIMIT):
        assert line_span(first, first + 1) == Span(first, first + 1)
