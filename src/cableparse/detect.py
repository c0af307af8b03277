"""Tell a cable from any other document by the cable's own structure.

A cable opens with structure: routing-header lines, a classification line, an
E.O./TAGS/SUBJECT preamble, then numbered paragraphs with portion marks.  A news story
opens with a headline and running prose, and may quote any of those things further down.
So the sniff reads the document's lead only: it walks the opening lines, notes which
cable structures they show, and stops at the first line of running prose that is not
itself one of them.  Structures quoted after that point do not count, except a whole
routing header (below).

Header lines, the classification line and the partial-extract notice are each enough on
their own.  A full routing header (three of its line types) counts wherever it stands in
the opening 20,000 characters, so a note pasted above a cable does not hide it.

Preamble fields and portion-marked paragraphs are words a story could carry
(``Subject:`` in a quoted e-mail, ``Tags:`` in a web page footer), so it takes two
different ones of them.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from .layout import PARTIAL_EXTRACT
from .model import DocumentKind

__all__ = ["Detection", "detect", "is_cable"]

#: How much of the document the sniff may read, at most.
_MAX_CHARS: Final = 20000
_MAX_LINES: Final = 400

_CLASSIFICATION_WORDS: Final = ("TOP SECRET", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "UNCLAS")


def _spaced(word: str) -> str:
    # ``C O N F I D E N T I A L`` with the transcription damage seen in the corpus: a
    # doubled first letter (``SS E C R E T``) or a lost one (``E C R E T``).
    letters = [re.escape(c) for c in word.replace(" ", "")]
    return rf"{letters[0]}{{0,2}}\s?" + r"\s?".join(letters[1:])


_CLASSIFICATION_WORD: Final = "|".join(
    [_spaced(w) for w in _CLASSIFICATION_WORDS]
    + [r"L\s?I\s?M\s?I\s?T\s?E\s?D\s+O\s?F\s?F\s?I\s?C\s?I\s?A\s?L\s+U\s?S\s?E"]
)
# Classification word, optional SECTION clause, the post, the serial.  A headline such as
# ``Secret Santa 2012`` has the words but not the shape: it needs spacing, a SECTION
# clause or a five- to seven-digit serial.
_CLASSIFICATION_LINE: Final = re.compile(
    rf"(?P<word>{_CLASSIFICATION_WORD})\s+"
    r"(?P<section>SECTION\s+\d{1,2}\s+OF\s+\d{1,2}\s+)?"
    r"[A-Z][A-Z .'/-]{1,40}?\s+(?P<serial>\d{3,7})\s*$",
    re.IGNORECASE,
)

_STRONG: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("transmission-line", re.compile(r"VZCZC[A-Z0-9]*$")),
    ("station-line", re.compile(r"DE R[A-Z0-9]{2,9} #\d+")),
    ("security-line", re.compile(r"ZN[YR] [A-Z]{5}\b")),
    ("date-time-group", re.compile(r"[ZOPRY](?: [ZOPRY])? \d{6}Z [A-Z]{3} \d{2}\b")),
    (
        "partial-extract-notice",
        re.compile(PARTIAL_EXTRACT),
    ),
)
_WEAK: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("eo-line", re.compile(r"(?i:E\.?\s?O\.?\s?\d{5})\b|EO \d{5}\b")),
    ("tags-line", re.compile(r"(?:TAGS?|TAS|AGS|Tags):?\s+[A-Za-z]{2,6}(?:[ ,]|$)")),
    ("subject-line", re.compile(r"(?i:SUBJ(?:ECT)?)\s*:")),
    (
        "portion-marked-paragraph",
        re.compile(r"(?:¶\s*)?\d{1,2}\.\s*\((?:U|C|S|TS|SBU|LOU|S/NF|C/NF|S//NF|C//NF)\)"),
    ),
)
# Preamble fields glued onto the E.O. line (``E.O. 12958: N/A TAGS: ASEC``).
_GLUED_TAGS: Final = re.compile(r"\sTAGS?:?\s+[A-Z]{2,6}\b")
_SPACED: Final = re.compile(r"\b\w \w \w\b")
_FM_LINE: Final = re.compile(r"FM [A-Z]")
_TO_LINE: Final = re.compile(r"TO [A-Z]")

_ROUTING_ANYWHERE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("transmission-line", re.compile(r"^[ \t]*VZCZC[A-Z0-9]*[ \t]*$", re.M)),
    ("station-line", re.compile(r"^[ \t]*DE R[A-Z0-9]{2,9} #\d+", re.M)),
    ("security-line", re.compile(r"^[ \t]*ZN[YR] [A-Z]{5}\b", re.M)),
    ("date-time-group", re.compile(r"^[ \t]*[ZOPRY](?: [ZOPRY])? \d{6}Z [A-Z]{3} \d{2}\b", re.M)),
    ("fm-to-lines", re.compile(r"^[ \t]*FM [A-Z][^\n]*\n(?:[^\n]*\n){0,3}[ \t]*TO [A-Z]", re.M)),
)

#: Signal names in the order ``evidence`` lists them.
_ORDER: Final = (
    "transmission-line",
    "station-line",
    "security-line",
    "date-time-group",
    "fm-to-lines",
    "partial-extract-notice",
    "classification-line",
    "eo-line",
    "tags-line",
    "subject-line",
    "portion-marked-paragraph",
)
_WEAK_NAMES: Final = frozenset(name for name, _ in _WEAK)


@attrs.frozen(slots=True)
class Detection:
    """The kind of a document and the names of the cable structures found in its lead."""

    kind: DocumentKind
    evidence: tuple[str, ...]


def detect(text: str) -> Detection:
    """Decide whether ``text`` is a cable; ``evidence`` names the structures that fired."""
    fired = _signals(text, decide_only=False)
    evidence = tuple(name for name in _ORDER if name in fired)
    return Detection(DocumentKind.CABLE if _is_cable(fired) else DocumentKind.ARTICLE, evidence)


def is_cable(text: str) -> bool:
    """``detect(text).kind is DocumentKind.CABLE``, without collecting all the evidence.

    The walk stops at the first line that settles the question (for most cables the
    first or second line), where ``detect`` reads the whole lead to name every structure.
    """
    return _is_cable(_signals(text, decide_only=True))


def _signals(text: str, *, decide_only: bool) -> set[str]:
    head = text[:_MAX_CHARS]
    fired: set[str] = set()
    fm_line = -10
    # Lines are taken one at a time: splitting the whole head would cost more than the
    # walk itself when the first line decides.
    position = 0
    for index in range(_MAX_LINES):
        if position > len(head):
            break
        cut = head.find("\n", position)
        if cut < 0:
            cut = len(head)
        line = head[position:cut].strip()
        position = cut + 1
        if not line:
            continue
        hits = [name for name, pattern in _STRONG if pattern.match(line)]
        if decide_only and hits:
            return set(hits)  # a strong structure settles it alone: nothing more is read
        hits.extend(_weak_signals(line))
        if _FM_LINE.match(line):
            fm_line = index
        elif _TO_LINE.match(line) and index - fm_line <= 4:
            hits.append("fm-to-lines")
        if hits:
            fired.update(hits)
            # More lines can only add evidence, never turn a cable into an article.
            if decide_only and _is_cable(fired):
                return fired
        elif _is_prose(line):
            break
    if not _is_cable(fired):
        # A note pasted above a cable ends the lead early; a whole routing header below
        # it (three of its lines, which no story quotes) still makes the text a cable.
        late = {name for name, pattern in _ROUTING_ANYWHERE if pattern.search(head)}
        if len(late) >= 3:
            fired |= late
    return fired


def _is_cable(fired: set[str]) -> bool:
    return bool(fired - _WEAK_NAMES) or len(fired) >= 2


def _weak_signals(line: str) -> list[str]:
    """The structures of a line besides the strong ones: the weak ones and a
    classification line."""
    hits = [name for name, pattern in _WEAK if pattern.match(line)]
    if "eo-line" in hits and _GLUED_TAGS.search(line):
        hits.append("tags-line")
    match = _CLASSIFICATION_LINE.match(line)
    if match and (
        _SPACED.search(match.group("word"))
        or match.group("section")
        or len(match.group("serial")) >= 5
        or match.group("serial").startswith("0")
    ):
        hits.append("classification-line")
    return hits


def _is_prose(line: str) -> bool:
    """A line of running text: eight words or more, a third of them in lower case.

    Counting words rather than letters keeps title-case lines out (an e-mail export's
    ``Stephen H Rogerson 12/02/2009 11:08:08 AM From DB/Inbox``).
    """
    words = line.split()
    if len(words) < 8:
        return False
    lower = sum(1 for word in words if word[0].islower())
    return lower * 3 >= len(words)
