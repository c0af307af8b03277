"""Lines that belong to the page layout rather than to any field: running page headers,
a classification repeated at a page break, dash rules, end-of-message lines.
"""

from __future__ import annotations

import re

__all__ = ["DASH_LINE", "PAGE_LINE", "is_page_line", "is_repeated_classification"]

# PAGE 02 HARARE 06677 01 OF 03 291400Z; TRIPOLI 00000095  001.2 OF 002; NNNN; BT; the
# trailer 2004CARACA02200 - CONFIDENTIAL.
PAGE_LINE = re.compile(
    r"\s*(?:PAGE\s+\d{1,3}\b.*"
    r"|[A-Z][A-Z .'-]{1,30}\s+\d{5,8}\s+\d{3}(?:\.\d{1,2})?\s+(?i:OF)\s+\d{3}\s*"
    r"|NNNN|BT|\d{4}[A-Z]{3,6}\d{5}\s+-\s+[A-Z ]+)$"
)
DASH_LINE = re.compile(r"\s*[-=_]{3,}\s*$")
_LEVEL_WORDS = frozenset(
    {"CONFIDENTIAL", "SECRET", "UNCLASSIFIED", "UNCLAS", "LIMITEDOFFICIALUSE", "TOPSECRET"}
)
_NON_LETTERS = re.compile(r"[^A-Za-z]")


def is_page_line(line: str) -> bool:
    return PAGE_LINE.match(line) is not None


def is_repeated_classification(text: str) -> bool:
    """A classification word alone on a line: the level repeated at a page break."""
    if len(text) > 40:
        return False
    return _NON_LETTERS.sub("", text).upper() in _LEVEL_WORDS
