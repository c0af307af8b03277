"""The REF field: its items (cables, emails, telcons, reports, memos), labels and ids."""

from __future__ import annotations

import re

from .model import Reference, ReferenceKind
from .text import fold_space

__all__ = ["read_references"]

_REF = re.compile(
    r"(?i:REF(?:S|TEL|TELS|\(S\)|ERENCES?)?)(?:\s*[:.]|\s+(?=[A-Z0-9(]))|(?i:PROGRAM REF)\s*:?"
)
_REF_LABEL = re.compile(r"(?:^|(?<=[\s;,]))¶?(?:\(([A-Z])\)|([A-Z])[.)])\s+")
_CABLE_REF = re.compile(
    r"^(?:(\d{4}|\d{2})\s+)?([A-Z][A-Z .'-]*?[A-Z])\s+0*(\d{1,7})(?:\s*\(([A-Z ]+)\))?\s*[.;,]?$"
)
_REF_KIND_WORDS = (
    (ReferenceKind.EMAIL, re.compile(r"(?i)\be-?mails?\b")),
    (ReferenceKind.TELCON, re.compile(r"(?i)\b(?:telcons?|telephone|phone call)\b")),
    (ReferenceKind.MEMO, re.compile(r"(?i)\b(?:memos?|memorandum)\b")),
    (ReferenceKind.REPORT, re.compile(r"(?i)\b(?:OSC|IIR|FBIS|reports?)\b")),
)
# Any of the words above: one scan instead of up to eight on items that have none.
_ANY_KIND_WORD = re.compile(
    r"(?i)\b(?:e-?mails?|telcons?|telephone|phone call|memos?|memorandum|OSC|IIR|FBIS|reports?)\b"
)
_REFTEL = re.compile(r"(?i)REFTELS?\b")


def read_references(text: str, year: int | None = None) -> list[Reference]:
    """Items of a REF field, with their labels; cable ids get the item's year if given."""
    body = re.sub(r"^\s*" + _REF.pattern, "", text, count=1)
    body = fold_space(body)
    if not body:
        return []
    labels = list(_REF_LABEL.finditer(body))
    items: list[tuple[str | None, str]] = []
    if labels and labels[0].start() == 0:
        for i, label in enumerate(labels):
            stop = labels[i + 1].start() if i + 1 < len(labels) else len(body)
            items.append((label.group(1) or label.group(2), body[label.end() : stop]))
    else:
        items = [(None, part) for part in re.split(r";\s*", body)]
    references = []
    for label, item in items:
        item = item.strip(" ;,")
        if item:
            references.append(_reference(label, item, year))
    return references


def _reference(label: str | None, text: str, year: int | None) -> Reference:
    caption = None
    match = _CABLE_REF.match(text.rstrip("."))
    has_kind_word = _ANY_KIND_WORD.search(text) is not None
    if match and not has_kind_word:
        item_year = match.group(1)
        if item_year is not None:
            yy = item_year[-2:]
        elif year is not None:
            yy = f"{year % 100:02d}"
        else:
            yy = None
        caption = match.group(4)
        post = match.group(2).replace(" ", "").replace(".", "")
        cable_id = f"{yy}{post}{int(match.group(3))}" if yy is not None else None
        return Reference(label, text, ReferenceKind.CABLE, cable_id, caption)
    for kind, pattern in _REF_KIND_WORDS if has_kind_word else ():
        if pattern.search(text):
            return Reference(label, text, kind)
    if _REFTEL.match(text):
        return Reference(label, text, ReferenceKind.CABLE)
    return Reference(label, text, ReferenceKind.OTHER)
