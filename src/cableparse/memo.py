"""Bounded memos: what the parsers work out once per distinct value, kept across documents.

A corpus repeats itself: the same few hundred posts in REF lines, the same captions, E.O.
lines that differ only in their dates, the same line spans.  The parsers remember what
they made of each.  No input may grow a memo without bound (a long run over a corpus, or
one hostile document, would turn it into a leak), so a memo is emptied when it is full:
that costs a recomputation, never a different answer.
"""

from __future__ import annotations

from typing import Final, TypeVar

__all__ = ["LIMIT", "remember"]

_K = TypeVar("_K")
_V = TypeVar("_V")

#: Entries a memo holds at most, unless its owner says otherwise.
LIMIT: Final = 10_000


def remember(memo: dict[_K, _V], key: _K, value: _V, limit: int = LIMIT) -> _V:
    """``memo[key] = value``, the memo emptied first when it holds ``limit`` entries;
    returns ``value``."""
    if len(memo) >= limit:
        memo.clear()
    memo[key] = value
    return value
