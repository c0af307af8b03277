"""Shared source spans: the parsers take each line span from here, made once.

Spans are values, and the same few recur from document to document (paragraph 3 on lines
20-24, ``tags`` on line 12).  A frozen attrs instance costs a generated ``__init__`` that
sets each field through ``object.__setattr__``; a memo lookup costs a fraction of that.
The memos are bounded (memo.py).
"""

from __future__ import annotations

from .memo import remember
from .model import FieldSpan, Span

__all__ = ["field_span", "line_span"]

_SPANS: dict[tuple[int, int], Span] = {}
_FIELD_SPANS: dict[tuple[str, int, int], FieldSpan] = {}


def line_span(first: int, last: int) -> Span:
    """``Span(first, last)``, shared."""
    span = _SPANS.get((first, last))
    if span is None:
        span = remember(_SPANS, (first, last), Span(first, last))
    return span


def field_span(name: str, first: int, last: int) -> FieldSpan:
    """``FieldSpan(name, Span(first, last))``, shared."""
    key = (name, first, last)
    span = _FIELD_SPANS.get(key)
    if span is None:
        span = remember(_FIELD_SPANS, key, FieldSpan(name, line_span(first, last)))
    return span
