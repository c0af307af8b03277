"""Preamble grammar trees → model values (classification line, E.O. line, TAGS)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs
from lark import Token, Tree

from ..model import Classification, Declassify, Section, Tag, TagKind
from ..vocab import organization_tags, subject_tags

__all__ = [
    "ClassificationLine",
    "classification_from_letters",
    "declassify_date",
    "read_classification_line",
    "read_eo_line",
    "read_tags",
    "tag_kind",
]


@attrs.frozen(slots=True)
class ClassificationLine:
    classification: Classification | None
    handling: str | None
    section: Section | None
    origin: str | None
    serial: int | None
    rest: str | None


def classification_from_letters(text: str) -> Classification | None:
    """Map a (possibly spaced, doubled or clipped) classification word to a level."""
    letters = re.sub(r"[^A-Z]", "", text.upper())
    if letters.startswith("TOPSECRET") or letters == "TOPSECRET":
        return Classification.TOP_SECRET
    if letters.endswith("ECRET"):
        return Classification.SECRET
    if letters.endswith("ONFIDENTIAL"):
        return Classification.CONFIDENTIAL
    if letters.startswith("LIMITEDOFFICIALUSE"):
        return Classification.LIMITED_OFFICIAL_USE
    if "NCLAS" in letters:
        return Classification.UNCLASSIFIED
    return None


def read_classification_line(tree: Tree[Any]) -> ClassificationLine:
    level = handling = origin = rest = None
    serial: int | None = None
    section: Section | None = None
    for child in tree.children:
        if isinstance(child, Tree):
            if child.data == "handling":
                handling = " ".join(str(child.children[0]).strip(" /").split())
            elif child.data == "section":
                numbers = [int(n) for n in re.findall(r"\d+", str(child.children[0]))]
                if len(numbers) == 2:
                    section = Section(numbers[0], numbers[1])
            continue
        if child.type == "CLASSIFICATION":
            level = classification_from_letters(child)
        elif child.type == "POST":
            origin = " ".join(child.split())
        elif child.type == "SERIAL":
            serial = int(child)
        elif child.type == "REST":
            rest = str(child).strip()
    return ClassificationLine(level, handling, section, origin, serial, rest)


_DATE_MDY = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4}|\d{2})(?!\d)")
_DATE_YMD = re.compile(r"(\d{4})\s*/\s*(\d{1,2})\s*/\s*(\d{1,2})(?!\d)")


def declassify_date(text: str) -> dt.date | None:
    """The date of a DECL value (``03/22/2017``, ``2017/03/22``, ``3/2/17``), else None."""
    try:
        match = _DATE_YMD.search(text)
        if match:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        match = _DATE_MDY.search(text)
        if match:
            year = int(match[3])
            if len(match[3]) == 2:
                year += 1900 if year >= 60 else 2000
            return dt.date(year, int(match[1]), int(match[2]))
    except ValueError:
        return None
    return None


def read_eo_line(tree: Tree[Any]) -> tuple[str | None, Declassify | None]:
    order: str | None = None
    declassify: Declassify | None = None
    for child in tree.children:
        if not isinstance(child, Tree):
            continue
        if child.data == "executive_order":
            numbers = [t for t in child.children if isinstance(t, Token) and t.type == "EO_NUMBER"]
            order = str(numbers[0]) if numbers else None
        elif child.data == "declassify":
            label = next(t for t in child.children if isinstance(t, Token))
            values = [t for t in child.children if isinstance(t, Token) and t.type == "DECL_VALUE"]
            text = " ".join(str(values[0]).split()) if values else ""
            text = text.rstrip(" .;,")
            if label.upper() == "DNG":
                text = f"DNG: {text}"
            declassify = Declassify(declassify_date(text), text)
    return order, declassify


def tag_kind(code: str) -> TagKind:
    """Kind of a TAGS entry, from its shape and the shipped code tables."""
    upper = code.upper()
    if "," in code:
        return TagKind.PERSON
    if len(upper) == 2 and upper.isalpha():
        return TagKind.GEOGRAPHIC
    if upper in subject_tags():
        return TagKind.SUBJECT
    if len(upper) == 4 and upper.startswith("K") and upper.isalpha():
        return TagKind.PROGRAM
    if upper in organization_tags():
        return TagKind.ORGANIZATION
    return TagKind.UNKNOWN


def read_tags(tree: Tree[Any]) -> list[Tag]:
    tags: list[Tag] = []
    seen: set[str] = set()
    for child in tree.children:
        if not isinstance(child, Token) or child.type == "TAGS_LABEL":
            continue
        if child.type == "PERSON":
            code = " ".join(child[1:-1].split())
            if not code:
                continue
        else:
            code = str(child).rstrip(".")
            if not code:
                continue
            if code.isalpha() and code.islower():
                code = code.upper()
        if code in seen:
            continue
        seen.add(code)
        tags.append(Tag(code, tag_kind(code)))
    return tags
