"""Tell a cable from any other document by the cable's own structure."""

from __future__ import annotations

import re

import attrs

from .model import DocumentKind
from .preamble import is_classification_line

__all__ = ["Detection", "detect"]

_SIGNALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("transmission-line", re.compile(r"^VZCZC[A-Z0-9]*\s*$", re.M)),
    ("station-line", re.compile(r"^DE R[A-Z0-9]{2,9} #\d+", re.M)),
    ("security-line", re.compile(r"^ZN[YR] [A-Z]{5}\b", re.M)),
    ("date-time-group", re.compile(r"^[ZOPRY](?: [ZOPRY])? \d{6}Z [A-Z]{3} \d{2}\b", re.M)),
    ("fm-to-lines", re.compile(r"^FM [A-Z][^\n]*\n(?:[^\n]*\n){0,3}TO [A-Z]", re.M)),
    ("eo-line", re.compile(r"^\s*(?:E\.?\s?O\.?\s?\d{5}|EO \d{5})[^\n]{0,40}DECL", re.M | re.I)),
    ("tags-line", re.compile(r"^\s*TAGS?:?\s+[A-Z]{2,4}[ ,]", re.M)),
    ("subject-line", re.compile(r"^\s*SUBJ(?:ECT)?\s*:", re.M)),
    (
        "portion-marked-paragraph",
        re.compile(r"^\s*(?:¶\s*)?\d{1,2}\.\s*\((?:U|C|S|SBU|S/NF|C/NF)\)", re.M),
    ),
    (
        "partial-extract-notice",
        re.compile(r"^This record is a partial extract of the original cable"),
    ),
)
#: Signals a news story can carry in its text, so they count only with another one.
_WEAK = frozenset({"subject-line", "tags-line"})


@attrs.frozen(slots=True)
class Detection:
    kind: DocumentKind
    evidence: tuple[str, ...]


def detect(text: str) -> Detection:
    """Decide whether ``text`` is a cable; ``evidence`` names the structures that fired."""
    head = text[:20000]
    evidence = [name for name, pattern in _SIGNALS if pattern.search(head)]
    first = next((line for line in head.split("\n")[:60] if line.strip()), "")
    if is_classification_line(first) and re.search(r"\d{3,}\s*$", first.strip()):
        evidence.append("classification-line")
    strong = [name for name in evidence if name not in _WEAK]
    is_cable = bool(strong) or len(evidence) >= 2
    return Detection(DocumentKind.CABLE if is_cable else DocumentKind.ARTICLE, tuple(evidence))
