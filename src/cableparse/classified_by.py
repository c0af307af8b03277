"""The Classified By field: the classifying authority and the reasons (``1.4(b)``)."""

from __future__ import annotations

import re

from .defects import DefectCode
from .model import ClassifiedBy
from .policy import DefectSink
from .text import fold_space

__all__ = ["read_classified_by"]

_CLASSIFIED_BY = re.compile(r"(?i:CLASSIFIED\s+BY)\b\s*:?")
_REASON_START = re.compile(
    r"[,;.]?\s*(?:\b(?:for|FOR)\s+)?(?:\b(?:reasons?|REASONS?|Reasons?)\b\s*:?\s*)?(?=1\s*\.\s*[45]\b)"
    r"|[,;.]?\s*\b(?:for\s+)?(?:reasons?|REASONS?|Reasons?)\b\s*:?",
)
_REASON_NUMBER = re.compile(r"1\s*\.\s*([45])")
_REASON_LETTERS = re.compile(r"\(?\s*([a-hA-H])\s*\)?(?=[\s,;/&)(.]|and|AND|$)")


def read_classified_by(text: str, sink: DefectSink, line: int) -> ClassifiedBy:
    """``Classified By: <authority>, reason(s) 1.4 (b) and (d)`` → authority and reasons."""
    body = fold_space(_CLASSIFIED_BY.sub("", text, count=1))
    match = _REASON_START.search(body)
    if match:
        authority = body[: match.start()]
        reason_text = body[match.end() :]
    else:
        authority, reason_text = body, ""
    authority = authority.strip(" ,;:.").strip()
    authority = re.sub(r"\s+(?:for|FOR)$", "", authority).strip(" ,;:")
    reasons = _reasons(reason_text)
    if not reasons:
        sink.report(
            DefectCode.CLASSIFIED_BY_INVALID, f"Classified By names no reason: {text!r}", line
        )
    return ClassifiedBy(authority or None, tuple(reasons))


def _reasons(text: str) -> list[str]:
    reasons: list[str] = []
    numbers = list(_REASON_NUMBER.finditer(text))
    for i, number in enumerate(numbers):
        stop = numbers[i + 1].start() if i + 1 < len(numbers) else len(text)
        tail = text[number.end() : stop]
        # Letters up to the first word that is not a connective.
        tail = re.split(r"\b(?!and\b|AND\b|or\b)[A-Za-z]{2,}", tail, maxsplit=1)[0]
        letters = [m.group(1).lower() for m in _REASON_LETTERS.finditer(tail)]
        if not letters:
            reasons.append(f"1.{number.group(1)}")
        for letter in letters:
            reason = f"1.{number.group(1)}({letter})"
            if reason not in reasons:
                reasons.append(reason)
    return reasons
