"""Closed vocabularies of the cable format and the code tables shipped with the package."""

from __future__ import annotations

import csv
import functools
import importlib.resources

from .model import Classification, Precedence

__all__ = [
    "CAPTION_WORDS",
    "MONTHS",
    "ONE_WORD_CAPTIONS",
    "PRECEDENCE_LETTERS",
    "SECURITY_LETTERS",
    "SECURITY_LETTER_OF",
    "SMALL_WORDS",
    "organization_tags",
    "station_name",
    "station_name_words",
    "subject_tags",
]

PRECEDENCE_LETTERS: dict[str, Precedence] = {
    "Z": Precedence.FLASH,
    "O": Precedence.IMMEDIATE,
    "P": Precedence.PRIORITY,
    "R": Precedence.ROUTINE,
    "Y": Precedence.EMERGENCY,
}

#: Letter repeated in the security line's five-letter group (``ZNY CCCCC``).
SECURITY_LETTERS: dict[str, Classification] = {
    "U": Classification.UNCLASSIFIED,
    "E": Classification.UNCLASSIFIED,  # EFTO: unclassified, encrypted for transmission only
    "C": Classification.CONFIDENTIAL,
    "S": Classification.SECRET,
    "T": Classification.TOP_SECRET,
}

#: The letter a classification repeats in a security line it writes (``ZNY CCCCC``);
#: LIMITED OFFICIAL USE travels as unclassified.
SECURITY_LETTER_OF: dict[Classification, str] = {
    Classification.UNCLASSIFIED: "U",
    Classification.LIMITED_OFFICIAL_USE: "U",
    Classification.CONFIDENTIAL: "C",
    Classification.SECRET: "S",
    Classification.TOP_SECRET: "T",
}

#: Handling captions, longest first so that a regex alternation prefers the long forms.
CAPTION_WORDS = (
    "SENSITIVE BUT UNCLASSIFIED",
    "FOR OFFICIAL USE ONLY",
    "CORRECTED COPY",
    "OFFICIAL INFORMAL",
    "SPECAT EXCLUSIVE",
    "ROGER CHANNEL",
    "SIPDIS",
    "NOFORN",
    "NODIS",
    "EXDIS",
    "LIMDIS",
    "STADIS",
    "SPECAT",
    "SENSITIVE",
    "CHEROKEE",
    "DECAPTIONED",
)
ONE_WORD_CAPTIONS = frozenset(word for word in CAPTION_WORDS if " " not in word)

#: The small words of English titles: a title leaves them in lower case, and a line of a
#: title or subject that ends on one wrapped (``HOLDS EMERGENCY SESSION AS``).
SMALL_WORDS = frozenset(
    {
        *("a", "an", "and", "as", "at", "by", "for", "from", "in", "into"),
        *("of", "on", "or", "over", "the", "to", "with"),
    }
)

MONTHS = {
    name: number
    for number, name in enumerate(
        ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"),
        start=1,
    )
}


def _data_lines(name: str) -> list[str]:
    text = (importlib.resources.files("cableparse") / "data" / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


@functools.cache
def subject_tags() -> frozenset[str]:
    """Subject TAGS codes (source: heuer/cablemap ``subject-tags.txt``, BSD-3-Clause)."""
    return frozenset(_data_lines("subject-tags.txt"))


@functools.cache
def organization_tags() -> frozenset[str]:
    """Organisation TAGS (source: heuer/cablemap ``organization-tags.txt``, BSD-3-Clause)."""
    return frozenset(_data_lines("organization-tags.txt"))


@functools.cache
def _routes() -> dict[str, str]:
    text = (importlib.resources.files("cableparse") / "data" / "route2name.csv").read_text(
        encoding="utf-8"
    )
    return {
        row[0].strip(): row[1].strip() for row in csv.reader(text.splitlines()) if len(row) >= 2
    }


@functools.cache
def station_name_words() -> frozenset[str]:
    """The last word of every station name of the ACP 117 table (``WASHDC``, ``PESHAWAR``)."""
    return frozenset(name.split()[-1] for name in _routes().values() if name.split())


def station_name(routing_indicator: str | None) -> str | None:
    """Station a routing indicator designates, from the ACP 117 (2010) table; else None."""
    if not routing_indicator:
        return None
    return _routes().get(routing_indicator)
