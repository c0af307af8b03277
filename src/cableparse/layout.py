"""Lines that belong to the page layout rather than to any field: running page headers,
a classification repeated at a page break, dash rules, end-of-message lines.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from ._lark import get_parser

__all__ = [
    "DASH_CHARS",
    "DASH_LINE",
    "INLINE_OPENING",
    "LEADING_PORTION_MARK",
    "LEVEL_WORDS",
    "PAGE_HEAD",
    "PAGE_LINE",
    "PARAGRAPH_NUMBER",
    "PARTIAL_EXTRACT",
    "PARTIAL_EXTRACT_NOTICE",
    "RELEASE_STAMP",
    "RULE_ENDINGS",
    "blank_page_head",
    "classification_word",
    "is_classification_line",
    "is_page_line",
    "is_repeated_classification",
    "is_rule",
    "page_line_rest",
]

# PAGE 02 HARARE 06677 01 OF 03 291400Z; TRIPOLI 00000095  001.2 OF 002; NNNN; BT; the
# trailer 2004CARACA02200 - CONFIDENTIAL.
PAGE_LINE: Final = re.compile(
    r"\s*(?:PAGE\s+\d{1,3}\b.*"
    # The running head: the post in capitals, or in words capitalised (re-keyed copies:
    # ``Kiev 00001261 002 of 004``); possessive, so that a line of text fails at once.
    r"|(?:[A-Z][A-Z .'-]{1,30}|[A-Z][a-z]++(?: [A-Za-z][a-z'-]*+){0,3}+)"
    r"\s+\d{5,8}\s+\d{3}(?:\.\d{1,2})?\s+(?i:OF)\s+\d{3}\s*"
    r"|NNNN|BT|\d{4}[A-Z]{3,6}\d{5}\s+-\s+[A-Z ]+)$"
)
#: How the 2010-2011 release's notice opens, above a cable of which it had only a part.
PARTIAL_EXTRACT: Final = "This record is a partial extract of the original cable"
#: The notice as a line of its own: release layout, no part of the cable.
PARTIAL_EXTRACT_NOTICE: Final = re.compile(
    PARTIAL_EXTRACT + r"\.(?:\s*The full text of the original cable is not available\.)?\s*$"
)
#: A paragraph number opening a line (``4.``, ``¶4.``, ``12)``, ``3.(C)``): up to three
#: digits, a period or parenthesis, then white space, ``(`` or the line end; or a comma
#: before a portion mark (``6, (SBU) Post will ...``: a typo, which a line opening with a
#: count or a list, ``1, 2 and 3 ...``, does not make).  A pattern text, for the patterns
#: that read more after it; the number is the group ``number``.
PARAGRAPH_NUMBER: Final = (
    r"(?:¶\s*)?(?P<number>\d{1,3})\s*(?:[.)](?=\s|\(|$)|,(?=\s*\((?:TS|SBU|C|S|U)\b))"
)
#: Characters of a rule line: ASCII dashes, equals, underscores and the Unicode hyphens.
DASH_CHARS: Final = "-=_\u2010\u2011\u2012\u2013\u2014\u2015"
# A rule, also broken into runs (``------ ----``, and ``--------- -`` where a wrap at 45
# columns left the last dash or two), or spaced out (``- - - - -``).  Possessive: a long
# line of rule characters and blanks that is no rule is read once.
DASH_LINE: Final = re.compile(
    r"\s*+(?:[-=_\u2010-\u2015]{3,}+(?:\s++[-=_\u2010-\u2015]++)*+"
    r"|[-=_\u2010-\u2015](?: {1,2}[-=_\u2010-\u2015]){3,}+)\s*+$"
)
#: How a ``Title ---`` heading ends: three ASCII dashes or three Unicode hyphens.
RULE_ENDINGS: Final = ("---", "\u2010\u2010\u2010")


def is_rule(line: str) -> bool:
    """A rule line (DASH_LINE).  It opens and ends with a rule character, which most
    lines do not: two character tests spare the pattern on them."""
    text = line.strip()
    return (
        bool(text)
        and text[0] in DASH_CHARS
        and text[-1] in DASH_CHARS
        and DASH_LINE.match(text) is not None
    )


# The release stamp some copies carry above or inside the text: Thursday, 31 December
# 2009, 14:55.
# A paragraph opening with its portion mark where it stands inside a line (``2. (C) ``,
# ``¶1. (C/NF) ``), the text going on after it: the number and the mark are its groups.
INLINE_OPENING: Final = re.compile(
    r"(?:\u00b6 ?)?([0-9]{1,3})\.[^\S\n]{0,3}"
    r"\(((?:TS|SBU|C|S|U)(?:-N)?(?://?[A-Z]{2,6}(?: [A-Z]{2,6})*)*)\)"
    r"[^\S\n]*(?=\S)"
)
# The level words written alone on the lines around an archive copy's format lines
# (``CONFIDENTIAL     PTQ1859``), as a pattern to build on.
LEVEL_WORDS: Final = r"(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)"
RELEASE_STAMP: Final = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{1,2} \w+ \d{4}, \d\d:\d\d"
)
# A portion mark opening a text: (C), (S//NF), (SBU/NF).  A segment between slashes starts
# and ends with a letter or is one space: one reading of any text, so linear time.
LEADING_PORTION_MARK: Final = re.compile(
    r"^\(\s*[A-Z]{1,4}(?:\s*/{1,2}(?:\s*[A-Z](?:[A-Z ]{1,19}(?<=[A-Z]))?|[^\S ]* ))*\s*\)\s*",
    re.IGNORECASE,
)
_LEVEL_WORDS: Final = frozenset(
    {"CONFIDENTIAL", "SECRET", "UNCLASSIFIED", "UNCLAS", "LIMITEDOFFICIALUSE", "TOPSECRET"}
)
# A level word broken over two lines (``UNCLASSI`` / ``FIED``), as transmission left it
# under the signer: each piece has at least three letters (four for the head), so that no
# word of a name is one.
_LEVEL_PIECES: Final = frozenset(
    piece
    for word in (*_LEVEL_WORDS, "LIMITED OFFICIAL USE")
    for cut in range(3, len(word) - 2)
    for piece in (word[: cut + 1], word[cut:])
)
_NON_LETTERS: Final = re.compile(r"[^A-Za-z]")
_ASCII_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_LEVEL_FIRSTS: Final = frozenset(c for word in _LEVEL_WORDS for c in (word[0], word[0].lower()))
_LEVEL_LASTS: Final = frozenset(c for word in _LEVEL_WORDS for c in (word[-1], word[-1].lower()))


@functools.cache
def classification_word() -> str:
    """The pattern of a classification word (spaced or not): the preamble grammar's own
    terminal, so the tests here and the grammar cannot drift apart."""
    return str(get_parser("preamble").get_terminal("CLASSIFICATION").pattern.to_regexp())


@functools.cache
def _classification_word() -> re.Pattern[str]:
    return re.compile(classification_word())


def is_classification_line(line: str) -> bool:
    """True if the line opens with a classification word (spaced or not)."""
    return _classification_word().match(line.strip()) is not None


def is_page_line(line: str) -> bool:
    return PAGE_LINE.match(line) is not None


def is_repeated_classification(text: str) -> bool:
    """A classification word alone on a line: the level repeated at a page break."""
    # Every level word has a C and an E or an L, which most short lines lack: a few
    # memchr on a short text spare the sub.
    if (
        len(text) > 40
        or ("C" not in text and "c" not in text)
        or ("E" not in text and "e" not in text and "L" not in text and "l" not in text)
    ):
        return False
    # A text that opens or ends with a letter opens or ends with the level word's own.
    first, last = text[0], text[-1]
    if (first in _ASCII_LETTERS and first not in _LEVEL_FIRSTS) or (
        last in _ASCII_LETTERS and last not in _LEVEL_LASTS
    ):
        return False
    letters = text if text.isalpha() and text.isascii() else _NON_LETTERS.sub("", text)
    return letters.upper() in _LEVEL_WORDS


def is_level_word_piece(text: str) -> bool:
    """A piece of a classification word broken over two lines (``FIED``, ``CONFIDEN``)."""
    return text in _LEVEL_PIECES


# The page line of older cables, which transcription sometimes ran into the next line of
# text: PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER
_PAGE_HEAD: Final = re.compile(
    r"\s*PAGE\s+\d{1,3}\s+[A-Z][A-Z .'-]{0,30}?\s+\d{3,7}(?:\s+\d{1,3}\s+OF\s+\d{1,3})?\s+\d{6}Z?"
)
#: The page head that :func:`page_line_rest` cuts off, for callers that match it as one
#: alternative among others.
PAGE_HEAD: Final = _PAGE_HEAD
# The same page head anywhere in a line (``TO PAGE 02 STATE 015113 182333Z``).
_PAGE_HEAD_INSIDE: Final = re.compile(
    r"(?<!\S)PAGE\s+\d{1,3}\s+[A-Z][A-Z .'-]{0,30}?\s+\d{3,7}(?:\s+\d{1,3}\s+OF\s+\d{1,3})?"
    r"\s+\d{6}Z?(?!\S)"
)


def blank_page_head(line: str) -> tuple[str, str | None]:
    """The line with a page head inside it blanked out (columns kept), and the head."""
    if "PAGE" not in line:
        return line, None
    match = _PAGE_HEAD_INSIDE.search(line)
    if match is None:
        return line, None
    return line[: match.start()] + " " * len(match.group(0)) + line[match.end() :], match.group(0)


def page_line_rest(line: str) -> str | None:
    """For a page line, the text run into it after the page head ('' if none); else None."""
    match = _PAGE_HEAD.match(line)
    if match is None:
        return None
    return line[match.end() :].strip()
