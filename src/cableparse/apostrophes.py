"""Comma-for-apostrophe repair: ``Brazil,s`` → ``Brazil's``.

The 2010-2011 releases turned many apostrophes into commas.  The repair is offered on
output only (``to_dict(doc, repair_apostrophes=True)``); parsed text stays as written.
"""

from __future__ import annotations

import re
from typing import Any, Final

__all__ = ["repair_apostrophes", "repair_in_dict"]

# A comma between a letter and a contraction or possessive ending, with no space: the
# shape a lost apostrophe leaves (Spain,s  don,t  they,re  we,ll  I,ve  he,d  I,m).
_COMMA_APOSTROPHE: Final = re.compile(
    r"(?<=[A-Za-z]{2}),(?=(?:s|S|t|T|re|RE|ll|LL|ve|VE|d|D|m|M)\b)"
)

#: Keys whose string values are running text.
_TEXT_KEYS: Final = frozenset({"text", "subject", "summary", "comments", "paragraphs", "title"})


def repair_apostrophes(text: str) -> str:
    """Put back apostrophes that a release rendered as commas."""
    if "," not in text:
        return text
    return _COMMA_APOSTROPHE.sub("'", text)


def repair_in_dict(data: Any, key: str | None = None) -> Any:
    """A copy of a document dict with the running-text values repaired."""
    if isinstance(data, dict):
        return {k: repair_in_dict(v, k) for k, v in data.items()}
    if isinstance(data, list):
        return [repair_in_dict(item, key) for item in data]
    if isinstance(data, str) and key in _TEXT_KEYS:
        return repair_apostrophes(data)
    return data
