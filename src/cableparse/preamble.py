"""Cut the preamble into fields and read each one.

The preamble runs from the classification line to the first numbered paragraph (or the
first heading, or the first line of running text).  Lines are first cut into fields by
their opening words, including fields glued onto one line by transcription
(``DEPT FOR WHA/BSC E.O. 12958: DECL: ...``); then each field is parsed on its own with
``preamble.lark`` (classification line, E.O. line, TAGS) or by the small readers below
(SUBJECT, REF, Classified By: free text that the grammar would only pass through).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from ._lark import get_parser, plain_tag_codes, preamble_tokens, tags_field_tokens
from .classified_by import names_guide, read_classified_by
from .defects import DefectCode
from .header import header_at
from .layout import (
    DASH_LINE,
    INLINE_OPENING,
    LEADING_PORTION_MARK,
    PAGE_HEAD,
    PAGE_LINE,
    PARAGRAPH_NUMBER,
    PARTIAL_EXTRACT_NOTICE,
    RELEASE_STAMP,
    RULE_ENDINGS,
    is_classification_line,
    is_repeated_classification,
    is_rule,
)
from .memo import remember
from .model import (
    ClassifiedBy,
    Declassify,
    FieldSpan,
    Reference,
    Section,
    Tag,
    UnparsedLine,
)
from .policy import DefectSink
from .references import ends_on_cable_reference, read_references
from .spans import field_span
from .text import fold_space, may_hold_words
from .transform.preamble import (
    ClassificationLine,
    classification_level,
    read_classification_tokens,
    read_eo_tokens,
    read_plain_eo_line,
    read_plain_tags,
    read_tag_tokens,
)
from .vocab import CAPTION_WORDS, ONE_WORD_CAPTIONS, SMALL_WORDS

__all__ = ["Preamble", "parse_preamble", "read_classification_line"]

_SPACED_CAPTIONS: Final = (r"C O R R E C T E D\s+C O P Y", "E X D I S", "N O D I S", "N O F O R N")
_CAPTION: Final = re.compile(
    r"(?:"
    + "|".join([*(w.replace(" ", r"\s+") for w in CAPTION_WORDS), *_SPACED_CAPTIONS])
    + r")(?![A-Za-z])",
    re.IGNORECASE,
)
# A classification word run into the post that follows it (``CONFIDENTIALABUJA 001673``),
# on a line that is otherwise a classification line: a section group, or a post and the
# six-digit serial of a classification line (which ``SECRETARY RICE 2005`` lacks).
_LEVEL_RUN_ON: Final = re.compile(
    r"(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS)"
    r"(?=SECTION [0-9]|[A-Z]{2}[A-Z.'/-]*(?: [A-Z][A-Z.'/-]*)* [0-9]{6}\s*$)"
)
# What a caption line can start with: most lines fail this one test instead of trying
# every caption word.
_CAPTION_START: Final = "".join(sorted({w[0] for w in (*CAPTION_WORDS, *_SPACED_CAPTIONS)}))
_CAPTION_BY_LETTERS: Final = {word.replace(" ", ""): word for word in CAPTION_WORDS}
_CAPTIONS_ONLY: Final = re.compile(
    r"(?:\s*[,;/]?\s*" + _CAPTION.pattern + r")+\s*[.,;]?\s*(?:\([^()]{0,60}\))?\s*$",
    re.IGNORECASE,
)

# Field openings, anchored at the start of a line (after white space).
_EO: Final = re.compile(r"(?i:E\.?\s?O\.?\s?\d{4,6}|E\.\s?[O0]\.|EO\s+\d|DECL\s*:)")
# "(" opens a person; after TAGS in capitals without a colon the codes may be in lower case
# (``TAGS prel PGOV``).
_TAGS: Final = re.compile(r"(?i:TAGS?|TAS|AGS)(?:\s*[:;]|\s+(?=[A-Z\[(]))|TAGS\s+(?=[a-z])")
_SUBJECT: Final = re.compile(r"(?i:SUBJ(?:ECT)?)\s*[:.]|SUBJECT\s+")
_REPEATED_SUBJECT: Final = re.compile(r"(?i:SUBJ(?:ECT)?)\s*[:.]")
# The label also comes after the first item's letter (``A. REF AMMAN 222`` / ``B. ...``).
_REF: Final = re.compile(
    r"(?:\(A\)\s*|A[.)]\s*)?"
    r"(?i:REF(?:S|TEL|TELS|\(S\)|ERENCES?)?)(?:\s*[:.]|\s+(?=[A-Z0-9(]))|(?i:PROGRAM REF)\s*:?"
)
# ``Classified By``, and ``DERIVED FROM:`` of a classification taken from a guide.
_CLASSIFIED_BY: Final = re.compile(r"(?i:CLASSIFIED\s+BY)\b\s*:?|(?i:DERIVED\s+FROM)\s*:")
_PARAGRAPH: Final = re.compile(PARAGRAPH_NUMBER)
# A classification banner of the E.O. 13526 era: SECRET//FGI//NOFORN.
_BANNER: Final = re.compile(
    r"(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED)(?://[A-Z][A-Z -]*)+\s*$"
)
# Fields that transcription glued onto the end of another line.
_GLUED: Final = re.compile(
    r"\s(?=(?:E\.O\.\s?\d|EO \d{5}|(?i:TAGS?:|SUBJECT:|SUBJ:|REF(?:S|TELS?|\(S\))?:"
    r"|CLASSIFIED BY:?(?:\s|$)))"
    r"|(?i:DECL:)\s*\S|TAGS?\s+(?=[A-Z]{4}\b))"
)
# The same, and TAGS right after the digits of a date (``DECL: 03/19/2024TAGS: AORC``):
# an alternative that opens with a look-behind, which keeps the regex engine from skipping
# to the characters the others open with, so it is used for lines that hold TAGS only.
_GLUED_AFTER_DIGIT: Final = re.compile(f"{_GLUED.pattern}|(?<=\\d)(?=TAGS?:)")


def _glued(text: str) -> re.Pattern[str]:
    """_GLUED, or _GLUED_AFTER_DIGIT for a line that holds TAGS."""
    return _GLUED_AFTER_DIGIT if "TAGS" in text else _GLUED


# The labels that end a Classified By, which is free text otherwise: a repeated label or an
# "E.O. 12958" in its reasons is no new field.
_GLUED_AFTER_CLASSIFIED_BY: Final = re.compile(
    r"\s(?=(?i:TAGS?:|SUBJECT:|SUBJ:|REF(?:S|TELS?|\(S\))?:))"
)
# What every match of _CLASSIFIED_BY holds in lower case (see may_hold_words).
_CLASSIFIED_BY_WORDS: Final = (b"classified", b"derived")


@attrs.frozen(slots=True)
class Preamble:
    classification_line: ClassificationLine | None = None
    captions: tuple[str, ...] = ()
    distribution: tuple[str, ...] = ()
    executive_order: str | None = None
    declassify: Declassify | None = None
    tags: tuple[Tag, ...] = ()
    subject: str | None = None
    references: tuple[Reference, ...] = ()
    classified_by: ClassifiedBy | None = None
    markers: tuple[UnparsedLine, ...] = ()
    unparsed: tuple[UnparsedLine, ...] = ()
    spans: tuple[FieldSpan, ...] = ()
    #: 0-based index of the first line after the preamble.
    end: int = 0
    #: Where the body starts inside line ``end`` when the line holds the end of the
    #: preamble too (a Classified By run on into paragraph 1); 0 for the whole line.
    body_column: int = 0


class _Field:
    __slots__ = ("capitals", "checked", "first", "kind", "last", "parts", "reason", "searched")

    def __init__(self, kind: str, first: int, text: str) -> None:
        self.kind = kind
        self.first = first
        self.last = first
        self.parts = [text]
        # all_capitals(): whether parts[:checked] are all in capitals.
        self.capitals = True
        self.checked = 0
        # has_reason_number(): whether parts[:searched] hold a reason number.
        self.reason = False
        self.searched = 0

    def add(self, line: int, text: str) -> None:
        self.parts.append(text)
        self.last = line

    @property
    def text(self) -> str:
        return "\n".join(self.parts)

    def all_capitals(self) -> bool:
        """``text.upper() == text``, each line looked at once however often it is asked
        (a field of thousands of lines asks it at every line)."""
        parts = self.parts
        while self.capitals and self.checked < len(parts):
            part = parts[self.checked]
            self.capitals = part.upper() == part
            self.checked += 1
        return self.capitals

    def has_reason_number(self) -> bool:
        """``_REASON_NUMBER.search(text)``, each line searched about once however often it
        is asked.  A number wrapped over lines (``1.`` / ``4``) spans at most three: the
        search starts two lines before the new ones."""
        parts = self.parts
        if not self.reason and self.searched < len(parts):
            since = max(0, self.searched - 2)
            self.reason = _REASON_NUMBER.search("\n".join(parts[since:])) is not None
            self.searched = len(parts)
        return self.reason


def _kinds(markers: Sequence[re.Pattern[str]]) -> str:
    """Every field opening in one pattern, tried in the order of precedence: the first
    alternative that matches at the start of the line names the kind (its group)."""
    return "|".join(
        f"(?P<{kind}>{pattern})"
        for kind, pattern in (
            ("paragraph", _PARAGRAPH.pattern),
            ("eo", _EO.pattern),
            ("tags", _TAGS.pattern),
            ("subject", _SUBJECT.pattern),
            ("classified_by", _CLASSIFIED_BY.pattern),
            ("ref", _REF.pattern),
            ("caption", f"(?i:(?=[\\s,;/{_CAPTION_START}]){_CAPTIONS_ONLY.pattern})"),
            ("marker", "|".join(f"(?:{p.pattern})" for p in markers)),
        )
    )


# The note of the archive's copies of older cables under the classification line
# (``Original Telegram was Confidential but has since been`` / ``de-classified``).
_DECLASSIFIED_NOTE: Final = re.compile(
    r"(?i:original\s+telegram\s+was\s.{0,60}?\bbut\s+has\s+since\s+been"
    r"(?:\s+de-?classified)?|de-?classified)\s*\.?\s*$"
)
# A rule between fields boxes a note, not a heading (DASH_LINE).
_KIND: Final = re.compile(
    _kinds(
        (RELEASE_STAMP, PAGE_LINE, _BANNER, DASH_LINE, PARTIAL_EXTRACT_NOTICE, _DECLASSIFIED_NOTE)
    )
)


# The same, with the page layout first (a page head run into text, a page line), for the
# main loop: one match per line tells a page break from a field opening.  A page line is
# no marker here: the "page" alternative has taken it before.
_LINE: Final = re.compile(
    f"(?P<page_head>{PAGE_HEAD.pattern})|(?P<page>{PAGE_LINE.pattern})"
    f"|{_kinds((RELEASE_STAMP, _BANNER, DASH_LINE, PARTIAL_EXTRACT_NOTICE, _DECLASSIFIED_NOTE))}"
)


# A note boxed by rules above the E.O. line takes at most this many lines.
_BOX_LINES: Final = 6


def _boxed_note(lines: Sequence[str], rule: int, fields: Sequence[_Field]) -> int:
    """The index of the lower rule of a note boxed by the rule at ``rule``, 0 if there is
    none: an archive's note above the E.O. line (``Copy from the National Archives`` /
    ``RG 59: General Records of the Department of state`` / ``File: POL 33-4 ARG``),
    no office lines.  Below the E.O., TAGS or SUBJECT a box is the body's heading."""
    if not DASH_LINE.match(lines[rule].strip()) or any(
        field.kind in ("eo", "tags", "subject") for field in fields
    ):
        return 0
    for index in range(rule + 1, min(rule + _BOX_LINES + 2, len(lines))):
        text = lines[index].strip()
        if not text:
            return 0  # a box has no blank line inside
        if DASH_LINE.match(text):
            return index if index > rule + 1 else 0
        if _KIND.match(text) is not None:
            return 0  # a field, not a note
    return 0


def opens_preamble_field(text: str) -> bool:
    """Whether a (stripped) line opens a preamble field or is a caption line."""
    match = _KIND.match(text)
    return match is not None and match.lastgroup not in ("paragraph", "marker")


def _kind_of(text: str, have_classification: bool) -> str | None:
    """Which field a (stripped) line opens, or None for a line that opens no field."""
    if not text:
        return "blank"
    match = _KIND.match(text)
    if match is not None:
        return match.lastgroup
    if not have_classification and is_classification_line(text):
        return "classification"
    return None


# A REF label glued onto the last word of a subject, before what reads as its first item
# (``... AS UK PRIMEREF: A. LONDON 1939``, ``... TO EGYPTREF: CAIRO 493``).
_REF_GLUED_TO_WORD: Final = re.compile(
    r"(?<=[A-Z]{2})(?=REF(?:S|\(S\))?:\s*(?:\(?[A-Z][.)]\s|[A-Z]{2,}(?: [A-Z]{2,}){0,3} \d))"
)


def _glued_label(kind: str | None, text: str) -> tuple[str, re.Match[str] | None]:
    """A line of a ``kind`` field and where another field's label was glued onto it, or
    None; a REF label glued onto the last word of a subject is set apart first."""
    if kind == "subject" and "REF" in text:
        text = _REF_GLUED_TO_WORD.sub(" ", text, count=1)
    return text, (_GLUED_AFTER_CLASSIFIED_BY if kind == "classified_by" else _glued(text)).search(
        text
    )


def _cut_glued(field: _Field, text: str) -> tuple[str, str | None]:
    """A line that may go on with ``field``, cut where another field's label was glued on:
    (the part before it, the rest from the label on, or None)."""
    text, glued = _glued_label(field.kind, text)
    if glued is None or not text[: glued.start()].strip():
        return text, None
    return text[: glued.start()].rstrip(), text[glued.end() :]


def _split_glued(text: str, first: int = 0) -> list[tuple[int, str]]:
    """Cut a line where another field was glued on; returns (column, text) pieces.
    ``first``: where the first glued field may start, when the caller knows."""
    pieces: list[tuple[int, str]] = []
    start = 0
    for match in _glued(text).finditer(text, first):
        cut = match.end()
        if text[start:cut].strip():
            pieces.append((start, text[start:cut]))
            start = cut
    pieces.append((start, text[start:]))
    return pieces


# Fields that go on over the lines that follow them.
_CONTINUED: Final = frozenset({"subject", "ref", "classified_by", "tags"})


def parse_preamble(
    lines: Sequence[str], begin: int, sink: DefectSink, year: int | None = None
) -> Preamble:
    """Read the preamble that starts at 0-based line ``begin``."""
    fields: list[_Field] = []
    markers: list[UnparsedLine] = []
    unknown: list[int] = []
    closed: _Field | None = None
    current: _Field | None = None
    # A page break came after the last line of text: the field it closed may go on.
    paged = False
    have_classification = False
    seen_field = False
    index = begin
    n = len(lines)
    end = n
    ahead = _Ahead()
    # The rest of line ``index`` after a field label glued onto a continuation line: read
    # as a line of its own before the next line.
    pending: str | None = None
    # The line and column where paragraph 1 opens, run on after the reasons of a
    # Classified By (``REASON: 1.4 (b), (d) 1. (C) Summary: ...``): the preamble reads the
    # line up to there, and ends with it.
    run_on: tuple[int, int] | None = None
    while index < n:
        raw = lines[index]
        if pending is not None:
            stripped, pending = pending, None
        else:
            if run_on is not None:
                end = run_on[0]
                break
            stripped = raw.strip()
            if "(" in stripped and (" 1." in stripped or "¶" in stripped):
                cut = _run_on_paragraph(
                    stripped, current is not None and current.kind == "classified_by"
                )
                if cut is not None:
                    run_on = (index, len(raw) - len(raw.lstrip()) + cut)
                    stripped = stripped[:cut].rstrip()
        if not stripped:
            # A blank line ends a field, except inside a lettered REF list.
            if current is not None:
                if current.kind == "ref" and (
                    _next_is_ref_item(lines, index, current) or _ends_on_label(current)
                ):
                    index += 1
                    continue
                if (
                    current.kind == "classified_by"
                    and not current.has_reason_number()
                    and not names_guide(current.parts[0])
                    and _next_is_plain(lines, index, ahead, current)
                ):
                    # The reasons of a Classified By often stand after a blank line.
                    index += 1
                    continue
                closed = current
            current = None
            index += 1
            continue
        match = _LINE.match(stripped)
        kind = match.lastgroup if match is not None else None
        if (
            kind == "page_head"
            or kind == "page"
            or (
                kind is None
                and (current is not None or closed is not None or have_classification)
                and is_repeated_classification(stripped)
            )
        ):
            # A page break: the field it interrupts goes on after it, also when blank lines
            # around the page line closed it (see _wraps_over_blank).
            markers.append(UnparsedLine(index + 1, raw))
            if kind == "page_head" and current is not None:
                rest = stripped[match.end() :].strip()  # type: ignore[union-attr]
                if rest:
                    current.add(index + 1, rest)
            paged = True
            index += 1
            continue
        if (
            kind is None
            and not have_classification
            and (is_classification_line(stripped) or _LEVEL_RUN_ON.match(stripped))
        ):
            kind = "classification"
        if kind == "paragraph" and _splits_reason_number(current, stripped, lines, index):
            kind = None
        if (
            kind == "paragraph"
            or (
                kind is None
                and _is_heading(lines, index, current)
                and not _field_follows(lines, index, ahead)
            )
            or (kind is None and _heads_paragraph_below(lines, index, stripped))
        ):
            end = index
            break
        head = stripped
        going_on = current if current is not None else closed
        if kind is None and going_on is not None:
            # A continuation line can carry the next field's label, as a first line can.
            head, pending = _cut_glued(going_on, stripped)
        if kind is None and current is None and _wraps_over_blank(closed, head, paged):
            # A wrapped SUBJECT or REF line that a blank line split in two.
            current = closed
        closed = None
        paged = False
        if kind is None and _is_repeated_header(lines, index):
            # A copy of the routing header inside the text (a pasted database row carries
            # the whole cable again): its lines are layout, not preamble fields.
            stop = header_at(lines, index) or index + 1
            markers.extend(
                UnparsedLine(i + 1, lines[i]) for i in range(index, stop) if lines[i].strip()
            )
            current = pending = None
            index = stop
            continue
        if kind is None:
            if pending is not None and LEADING_PORTION_MARK.fullmatch(head):
                # ``(U) Classified by ...``: the portion mark opens the glued field.
                current = None
                continue
            if current is not None and current.kind in _CONTINUED:
                if not _breaks_capitals(current, head):
                    current.add(index + 1, head)
                    if pending is None:
                        index += 1
                    continue
                current = None
            # Not a continuation: the line is read whole.
            pending = None
            if seen_field and not _field_follows(lines, index, ahead):
                end = index
                break
            glued = _glued(stripped).search(stripped)
            if glued is None or not stripped[: glued.start()].strip():
                # Lines before the E.O./TAGS/SUBJECT fields address the cable to offices
                # (``STATE FOR EUR/RUS``); later ones are not understood.
                if any(f.kind in ("eo", "tags", "subject") for f in fields):
                    unknown.append(index)
                elif (
                    fields
                    and fields[-1].kind == "distribution"
                    and fields[-1].last == index
                    and _wraps_office_line(fields[-1].parts[-1], stripped)
                ):
                    fields[-1].add(index + 1, stripped)
                else:
                    fields.append(_Field("distribution", index + 1, stripped))
                current = None
                seen_field = True
                index += 1
                continue
            # Fields glued onto an office line or a caption (``DEPT FOR WHA/BSC E.O.
            # 12958: DECL: 11/22/2012``, ``SIPDIS E.O. 12958: N/A``): split below.
        elif kind != "marker":
            stripped, glued = _glued_label(kind, stripped)
        else:
            glued = None
        if glued is None:
            # The line opens one field (or is a marker): as the loop below would read a
            # single piece at column 0, without the pieces.  (A line of no kind only gets
            # here with a field glued onto it.)
            assert kind is not None
            if kind == "marker":
                markers.append(UnparsedLine(index + 1, raw))
                current = None
                boxed = _boxed_note(lines, index, fields)
                if boxed:
                    markers.extend(
                        UnparsedLine(i + 1, lines[i]) for i in range(index + 1, boxed + 1)
                    )
                    seen_field = True
                    index = boxed + 1
                    continue
            elif (
                kind == "caption"
                and fields
                and fields[-1].kind == "caption"
                and fields[-1].last == index
            ):
                # Caption lines one under another (SIPDIS / NOFORN) are one field: a flood
                # of them makes no object per line.
                fields[-1].add(index + 1, stripped)
                current = None
            else:
                if kind == "classification":
                    have_classification = True
                field = _Field(kind, index + 1, stripped)
                fields.append(field)
                current = field if kind in _CONTINUED else None
            seen_field = True
            index += 1
            continue
        # The search above found the first glued field; the split starts there.
        for column, piece in _split_glued(stripped, glued.start()):
            piece = piece.strip()
            if not piece:
                continue
            piece_kind = _kind_of(piece, have_classification) if column or not kind else kind
            if piece_kind is None:
                piece_kind = "distribution"
            if piece_kind == "marker":
                markers.append(UnparsedLine(index + 1, raw))
                current = None
                continue
            if piece_kind == "classification":
                have_classification = True
            if column and piece_kind in ("eo", "ref") and fields and fields[-1].kind == piece_kind:
                # DECL written after the E.O. number on the same line, a REF label again
                # after an item's letter (``REF: A. REF: KATHMANDU 2282``): one field.
                fields[-1].parts[-1] += " " + piece
                continue
            field = _Field(piece_kind, index + 1, piece)
            fields.append(field)
            current = field if piece_kind in _CONTINUED else None
        seen_field = True
        index += 1
    if run_on is not None and end == n:
        end = run_on[0]  # the run-on line was the last one
    preamble = _read_fields(fields, markers, lines, sink, end, year)
    if run_on is not None and end == run_on[0]:
        preamble = attrs.evolve(preamble, body_column=run_on[1])
    if unknown:
        for line_index in unknown:
            sink.report(
                DefectCode.UNPARSED_LINE,
                f"preamble line not understood: {lines[line_index].strip()!r}",
                line_index + 1,
            )
        extra = tuple(UnparsedLine(i + 1, lines[i]) for i in unknown)
        preamble = attrs.evolve(preamble, unparsed=preamble.unparsed + extra)
    return preamble


def _is_heading(lines: Sequence[str], index: int, field: _Field | None = None) -> bool:
    """A heading: a line ending in dashes, or one underlined by the very next line.

    A dash rule after a blank line belongs to the box of the heading below it, not to
    the line above (``Reasons 1.4 (b)`` / blank / ``-------`` / ``SUMMARY``).  Nor does
    one right below a line that goes on with the open ``field`` (see _goes_on_over_rule).
    """
    text = lines[index].strip()
    if is_rule(text) or text.endswith(RULE_ENDINGS):
        return True
    if index + 1 >= len(lines) or not is_rule(lines[index + 1]):
        return False
    return field is None or not _goes_on_over_rule(field, text, lines, index)


def _heads_paragraph_below(lines: Sequence[str], index: int, text: str) -> bool:
    """A body's heading right on top of paragraph 1, in copies without blank lines
    (``Classified By: ...`` / ``SUMMARY AND INTRODUCTION`` / ``1. (C) The first ...``)."""
    return (
        text[0] in _BODY_OPENING_FIRSTS
        and len(text) <= _BODY_HEADING_WIDTH
        and _BODY_OPENING.match(text) is not None
        and index + 1 < len(lines)
        and _PARAGRAPH.match(lines[index + 1].strip()) is not None
    )


# A heading that opens the body is at most this long, and opens as _BODY_OPENING does.
_BODY_HEADING_WIDTH: Final = 60
_BODY_OPENING_FIRSTS: Final = frozenset("BSCTAIbscati")


def _goes_on_over_rule(field: _Field, text: str, lines: Sequence[str], index: int) -> bool:
    """Whether ``text``, with a rule right below it, goes on with ``field`` rather than
    being a heading's title: it gives the reasons that a Classified By still lacks
    (``REASON:`` / ``1.4(B), (D)``), or the rule opens a box of its own (rule, title,
    rule), which no title stands above."""
    if field.kind == "classified_by" and _REASON_NUMBER.search(text) is not None:
        return not field.has_reason_number()
    return (
        index + 3 < len(lines)
        and bool(lines[index + 2].strip())
        and not is_rule(lines[index + 2])
        and is_rule(lines[index + 3])
    )


# Openings of a body's first text, which no subject goes on with after a blank line, the
# handling note of a sensitive cable among them (``THIS CABLE IS SENSITIVE BUT ...``).
_BODY_OPENING: Final = re.compile(
    r"(?i:(?:BEGIN\s+)?SUMMARY\b|COMMENT\b|THIS IS AN ACTION|ACTION REQUEST|INTRODUCTION\b"
    r"|THIS\s+(?:CABLE|MESSAGE|TELEGRAM)\b)"
)


# A row of a tab-separated dump (date, id, origin, classification, ...) or a header line.
_TAB_ROW: Final = re.compile(r"[^\t\n]*\t[^\t\n]*\t[^\t\n]*\t")
_REPEATED_HEADER: Final = re.compile(r"VZCZC|DE\s+R[A-Z0-9]{2,9}\s+#\d|ZN[YR]\s+[A-Z]{5}\b")


def _is_repeated_header(lines: Sequence[str], index: int) -> bool:
    text = lines[index].strip()
    # The tests before the patterns spare them on the lines that cannot match.
    if "\t" in text and _TAB_ROW.match(text):
        return True
    return text[:1] in "VDZ" and _REPEATED_HEADER.match(text) is not None


# How an office line that wrapped ends: on a slash or dash, an open parenthesis or a
# joining word (``... HEATHER VON BEHREN AND`` / ``SCA/INS``).
_OFFICE_LINE_ENDS: Final = ("/", "-", "&", "(", " AND", " OR", " FOR", " ALSO")


def _wraps_office_line(above: str, line: str) -> bool:
    """Whether ``line`` goes on with the office line ``above`` (both stripped): ``above``
    stops mid-phrase or leaves a parenthesis open, ``line`` opens with a parenthesis or a
    joining word (``(KEETON)``, ``AND EB``), or ``above`` ends its list item with a comma
    and ``line`` names no office of its own (``NSC FOR ...``, ``DEPT PASS TO ...``)."""
    upper = above.upper()
    if (
        upper.endswith(_OFFICE_LINE_ENDS)
        or above.count("(") > above.count(")")
        or line.startswith("(")
        or line[:4].upper() in ("AND ", "AND")
    ):
        return True
    head = line[:40].upper()
    return upper.endswith((",", ";")) and " FOR " not in head and "PASS " not in head


def _breaks_capitals(field: _Field, line: str) -> bool:
    """A mixed-case line after an all-caps SUBJECT is running text, not more subject."""
    if field.kind != "subject":
        return False
    return line.upper() != line and line.lower() != line and field.all_capitals()


# A line of a preamble field that reached the right margin, less a word, is this long.
_WRAPPED_WIDTH: Final = 40


def _wraps_over_blank(field: _Field | None, following: str, paged: bool) -> bool:
    """Whether the line ``following`` goes on with ``field``, which blank lines closed;
    ``paged``: a page break stands between them."""
    if field is None:
        return False
    if paged and _goes_on_after_page_break(field, following):
        return True
    if field.kind not in ("subject", "ref"):
        return False
    last = field.parts[-1].rstrip()
    if last.endswith((".", ")")) or len(following) > 100:
        return False
    if field.kind == "subject":
        # An all-caps subject goes on in capitals after a line that wrapped: one that
        # reached the margin, or stops on a word that joins (``HOLDS EMERGENCY`` /
        # ``SESSION AS``); a summary or running text does not.
        return (
            (len(last) >= _WRAPPED_WIDTH or last.rsplit(None, 1)[-1].lower() in SMALL_WORDS)
            and last.upper() == last
            and following.upper() == following
            and _BODY_OPENING.match(following) is None
            # ``SENSITIVE BUT UNCLASSIFIED, PLEASE TREAT ACCORDINGLY`` under it: a caption.
            and _CAPTION.match(following) is None
        )
    # A long REF line wraps onto the line after the blank one, unless it ends on a whole
    # cable reference (``... MOSCOW 1603``): the item is complete, what follows is text.
    return len(last) >= _WRAPPED_WIDTH and not ends_on_cable_reference(last)


def _goes_on_after_page_break(field: _Field, following: str) -> bool:
    """A page break falls anywhere, with blank lines around its page line: a lettered REF
    list goes on with its next letter, a TAGS field with a line of nothing but codes, a
    Classified By that lacks its reasons with a line that gives them."""
    if field.kind == "classified_by":
        return not field.has_reason_number() and _REASON_NUMBER.search(following) is not None
    if field.kind == "ref":
        return _REF_ITEM.match(following) is not None
    if field.kind == "tags":
        codes = plain_tag_codes("TAGS " + following)
        return codes is not None and read_plain_tags(codes) is not None
    return False


_REASON_NUMBER: Final = re.compile(r"1\s*[.,:/]?\s*[45]\b")


def _run_on_paragraph(text: str, in_classified_by: bool) -> int | None:
    """Where paragraph 1 opens in ``text``, run on after the reasons of a Classified By
    (the label on this line, or the field going on from the line above); None if it
    does not.  The reasons hold 1.4 or 1.5, and the opening comes after them."""
    start = 0
    if not in_classified_by:
        # A flattened cable is one long line: the search, which IGNORECASE leaves with no
        # literal to look for, would be tried at each of its characters.
        if not may_hold_words(text, _CLASSIFIED_BY_WORDS):
            return None
        label = _CLASSIFIED_BY.search(text)
        if label is None:
            return None
        start = label.end()
    reason = _REASON_NUMBER.search(text, start)
    if reason is None:
        return None
    # ``... (D) 1. (U) This`` or, in a copy that kept the pilcrows, ``... (D) ¶1. (U)``.
    found = text.find("1.", reason.end())
    while found >= 0:
        before = text[found - 1]
        if before == " ":
            at = found - 2 if text[found - 2] == "¶" else found
        else:
            at = found - 1 if before == "¶" else -1
        if at >= 0:
            opening = INLINE_OPENING.match(text, at)
            if opening is not None and opening.group(1) == "1":
                return at
        found = text.find("1.", found + 2)
    return None


_REASON_HEAD: Final = re.compile(r"1\s*[.,]")
_REASON_TAIL: Final = re.compile(r"\s*[2-9]\s*\(?[a-hA-H]\b")


def _splits_reason_number(
    field: _Field | None, text: str, lines: Sequence[str], index: int
) -> bool:
    """A line wrap inside the reason number of an open Classified By: ``Reasons`` / ``1.``
    / ``4 (b/d).`` is no paragraph 1."""
    return (
        field is not None
        and field.kind == "classified_by"
        and _REASON_HEAD.fullmatch(text) is not None
        and index + 1 < len(lines)
        and _REASON_TAIL.match(lines[index + 1]) is not None
        and not field.has_reason_number()
    )


def _next_is_plain(lines: Sequence[str], index: int, ahead: _Ahead, field: _Field) -> bool:
    """True when the next non-blank line opens no field, paragraph or heading (one that
    goes on with ``field`` is no heading's title)."""
    for following in range(index + 1, min(index + 3, len(lines))):
        kind = _kind_ahead(lines, following, ahead)
        if kind != "blank":
            return (
                kind is None
                and not _is_heading(lines, following, field)
                and not _opens_marked_text(lines[following])
            )
    return False


def _opens_marked_text(line: str) -> bool:
    """A portion mark and text that names no reason (``(S) In a meeting on July 1, ...``):
    the body of a cable whose paragraphs are not numbered, not the reasons."""
    text = line.lstrip()
    if text[:1] != "(":
        return False
    mark = LEADING_PORTION_MARK.match(text)
    return mark is not None and _REASON_NUMBER.search(text, mark.end()) is None


class _Ahead:
    """What look-ahead learnt, for the next look-ahead: the windows overlap."""

    __slots__ = ("asked", "field", "kinds")

    def __init__(self) -> None:
        #: ``_kind_of`` of the lines read ahead, by index.
        self.kinds: dict[int, str | None] = {}
        #: A field opening at line ``field`` follows line ``asked``.
        self.asked = 0
        self.field = 0


def _kind_ahead(lines: Sequence[str], index: int, ahead: _Ahead) -> str | None:
    """``_kind_of`` of a line looked ahead at (a classification line counts as none)."""
    kinds = ahead.kinds
    if index in kinds:
        return kinds[index]
    kind = kinds[index] = _kind_of(lines[index].strip(), True)
    return kind


# An item of a REF list, also set after a dash (``-      (B) State 240035``).
_REF_ITEM: Final = re.compile(r"\s*(?:-\s+)?¶?\(?([A-Z])[.)]\s")
# The letters of a REF list's items, as they stand in its text: ``A.``, ``B)``, ``(C)``.
_ITEM_LETTER: Final = re.compile(r"(?<![^\s(])([A-Z])[.)](?=\s|$)", re.MULTILINE)
# Item letters that are portion marks too: (U), (C), (S).
_MARK_LETTERS: Final = frozenset("UCS")
# How many of a REF list's last lines are searched for its last letter.
_LETTER_LINES: Final = 4


# A REF line that ends with the letter of an item whose text went to the next line
# (``C) Taipei 03856 D)`` / blank / ``Taipei 03196 E) ...``).
_DANGLING_LABEL: Final = re.compile(r"(?<=[\s,;])\(?[A-Z][.)]\s*$")


def _ends_on_label(field: _Field) -> bool:
    """Whether the last line of a REF field ends with an item's letter (_DANGLING_LABEL),
    looked for in the last few characters only."""
    last = field.parts[-1].rstrip()
    return _DANGLING_LABEL.search(last, max(0, len(last) - 4)) is not None


def _next_is_ref_item(lines: Sequence[str], index: int, field: _Field) -> bool:
    """Whether the next text line after the blank line ``index`` is an item of the REF
    list ``field``.  ``(U)``, ``(C)`` and ``(S)`` are portion marks as often as items: the
    body's first paragraph, unnumbered, is an item only where it takes the letter after
    the list's last one."""
    for following in lines[index + 1 : index + 3]:
        if following.strip():
            item = _REF_ITEM.match(following)
            if item is None:
                return False
            letter = item.group(1)
            if letter not in _MARK_LETTERS or item.group().rstrip()[-1] != ")":
                return True
            # The list's last letter stands on one of its last lines.
            letters = _ITEM_LETTER.findall("\n".join(field.parts[-_LETTER_LINES:]))
            return bool(letters) and ord(letters[-1]) + 1 == ord(letter)
    return False


_LOOKAHEAD: Final = 30


_FIELD_KINDS: Final = frozenset({"eo", "tags", "subject", "classified_by", "ref"})


def _field_follows(lines: Sequence[str], index: int, ahead: _Ahead) -> bool:
    """True when a preamble field opens within the next few lines, before any paragraph."""
    if ahead.asked <= index < ahead.field:
        # An earlier line saw the field at ``ahead.field``; from here it is nearer still.
        return True
    seen = 0
    for following in range(index + 1, min(index + 1 + 3 * _LOOKAHEAD, len(lines))):
        kind = _kind_ahead(lines, following, ahead)
        if kind == "blank":
            continue
        seen += 1
        if seen > _LOOKAHEAD or kind == "paragraph":
            return False
        if kind in _FIELD_KINDS:
            ahead.asked, ahead.field = index, following
            return True
    return False


def _read_fields(
    fields: list[_Field],
    markers: list[UnparsedLine],
    lines: Sequence[str],
    sink: DefectSink,
    end: int,
    year: int | None,
) -> Preamble:
    values: dict[str, object] = {}
    captions: list[str] = []
    distribution: list[str] = []
    tags: list[Tag] = []
    references: list[Reference] = []
    unparsed: list[UnparsedLine] = []
    spans: list[FieldSpan] = []
    classified_by_text: str | None = None  # the Classified By read, as written
    classified_by_field: _Field | None = None  # and its field
    for field in fields:
        spans.append(field_span(field.kind, field.first, field.last))
        text = field.text
        if field.kind == "classification":
            line = read_classification_line(text)
            run_on = _LEVEL_RUN_ON.match(text) if line is None else None
            if run_on is not None:
                parted = f"{text[: run_on.end()]} {text[run_on.end() :]}"
                line = read_classification_line(parted)
                if line is not None:
                    sink.report(
                        DefectCode.CLASSIFICATION_LINE_INVALID,
                        f"classification word run into the post: read as {parted!r}",
                        field.first,
                    )
            if line is None:
                sink.report(
                    DefectCode.CLASSIFICATION_LINE_INVALID,
                    f"classification line not understood: {text!r}",
                    field.first,
                    _error_column(text, "classification_line"),
                )
                unparsed.append(UnparsedLine(field.first, lines[field.first - 1]))
                continue
            if line.origin is not None:
                line = _captions_before_post(line, captions)
            values.setdefault("classification_line", line)
            if line.garbled_section is not None and line.section is not None:
                sink.report(
                    DefectCode.CLASSIFICATION_LINE_INVALID,
                    f"section group garbled: {line.garbled_section!r} read as SECTION "
                    f"{line.section.number} OF {line.section.total}",
                    field.first,
                )
            if line.rest:
                found, leftover = _caption_line(line.rest)
                captions.extend(found)
                if leftover:
                    distribution.append(leftover)
            if line.handling:
                # NOFORN, SENSITIVE, SBU, EFTO (spaced out as the level is: ``E F T O``).
                word = line.handling.upper()
                captions.append("EFTO" if word.replace(" ", "") == "EFTO" else word)
        elif field.kind == "caption":
            # Line by line: each line of the field is a caption line of its own, and the
            # memo knows the few that recur.
            for part in field.parts:
                found, leftover = _caption_line(part)
                captions.extend(found)
                if leftover and any(c.isalnum() for c in leftover):
                    # ``C O R R E C T E D C O P Y (PRIMARY TAG)``: the note is no caption.
                    distribution.append(leftover)
        elif field.kind == "distribution":
            distribution.append(fold_space(text))
        elif field.kind == "eo":
            glued_tags = _read_eo(field, values, sink, unparsed, lines)
            if glued_tags:
                # TAGS written on the E.O. line without a colon (DECL: 03/20/2019 TAG PTER).
                glued = _read_tags(glued_tags)
                if glued is None:
                    sink.report(
                        DefectCode.TAGS_INVALID, f"TAGS not understood: {glued_tags!r}", field.first
                    )
                else:
                    tags.extend(glued)
        elif field.kind == "tags":
            read = _read_tags(text)
            if read is None:
                sink.report(DefectCode.TAGS_INVALID, f"TAGS not understood: {text!r}", field.first)
                unparsed.append(UnparsedLine(field.first, lines[field.first - 1]))
            else:
                tags.extend(read)
        elif field.kind == "subject":
            subject = read_subject(text)
            first = str(values.get("subject", "")).upper()
            if subject and first and subject.upper() != first:
                if subject.upper().startswith(first):
                    # The first was a copy cut short (a page's summary above the cable).
                    values["subject"] = subject
                else:
                    _report_second(field, "SUBJECT", lines, markers, sink, unparsed)
            elif subject and not first:
                values["subject"] = subject
        elif field.kind == "ref":
            read_line = values.get("classification_line")
            origin = read_line.origin if isinstance(read_line, ClassificationLine) else None
            references.extend(read_references(text, year, origin))
        elif field.kind == "classified_by":
            if text.endswith("...") and _fuller_copy(field, fields):
                # ``CLASSIFIED BY: AMBASSADOR R. JAMES NICHOLSO...``: a preview that the
                # release printed above the whole field; the whole one is read.
                markers.extend(
                    UnparsedLine(line, lines[line - 1])
                    for line in range(field.first, field.last + 1)
                )
                continue
            if classified_by_text is not None and (
                fold_space(text).upper() != fold_space(classified_by_text).upper()
            ):
                taken = values["classified_by"]
                if (
                    isinstance(taken, ClassifiedBy)
                    and not taken.reasons
                    and classified_by_field is not None
                    and _REASON_NUMBER.search(text) is not None
                ):
                    # The first names no reason and this one does: the first was a note
                    # (``CORRECTED COPY - CLASSIFIED BY LINE ADDED``) or text that a
                    # misplaced label opened (``Classified By: ADANA 222`` / ``ADANA 216``).
                    _report_second(
                        classified_by_field,
                        "Classified By",
                        lines,
                        markers,
                        sink,
                        unparsed,
                        "Classified By field without reasons, not read (a later one has them)",
                    )
                    classified_by_text = None  # this one is read below
                else:
                    _report_second(field, "Classified By", lines, markers, sink, unparsed)
            if classified_by_text is None:
                values["classified_by"] = read_classified_by(
                    text, sink, field.first, unparsed, field.last
                )
                classified_by_text, classified_by_field = text, field
    if classified_by_text is None:
        classifier = _schedule_classifier(values.get("declassify"))
        if classifier is not None:
            values["classified_by"] = ClassifiedBy(classifier)
    seen: set[str] = set()
    unique_captions = []
    for caption in captions:
        if caption not in seen:
            seen.add(caption)
            unique_captions.append(caption)
    unique_tags: list[Tag] = []
    seen_tags: set[str] = set()
    for tag in tags:
        if tag.code not in seen_tags:
            seen_tags.add(tag.code)
            unique_tags.append(tag)
    return Preamble(
        classification_line=values.get("classification_line"),  # type: ignore[arg-type]
        captions=tuple(unique_captions),
        distribution=tuple(distribution),
        executive_order=values.get("executive_order"),  # type: ignore[arg-type]
        declassify=values.get("declassify"),  # type: ignore[arg-type]
        tags=tuple(unique_tags),
        subject=values.get("subject"),  # type: ignore[arg-type]
        references=tuple(references),
        classified_by=values.get("classified_by"),  # type: ignore[arg-type]
        markers=tuple(markers),
        unparsed=tuple(unparsed),
        spans=tuple(spans),
        end=end,
    )


# E.O. 12065 (1978-1982) wrote the classifier in parentheses after the schedule, with no
# Classified By line: ``E.O. 12065: GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P``.
_SCHEDULE_CLASSIFIER: Final = re.compile(
    r"(?:X?GDS|RDS)\b[^()]{0,40}\(\s*([A-Z][A-Za-z'.-]*(?:,?\s+[A-Z][A-Za-z'.-]*){1,4})\s*\)"
)


def _schedule_classifier(declassify: object) -> str | None:
    """The classifier named in an E.O. 12065 schedule (see _SCHEDULE_CLASSIFIER)."""
    if not isinstance(declassify, Declassify) or "(" not in declassify.text:
        return None
    found = _SCHEDULE_CLASSIFIER.match(declassify.text)
    return fold_space(found.group(1)) if found is not None else None


# The classification line as most cables write it (``C O N F I D E N T I A L SECTION 01 OF
# 03 PARIS 001007``, ``SECRET STATE 123456``): read without the table runner, to the same
# value (a test holds the two readings together).  A handling word or a second SECTION
# where the post would start leaves the line to the grammar, as does any other shape.
_PLAIN_CLASSIFICATION_LINE: Final = re.compile(
    r"(C O N F I D E N T I A L|S E C R E T|U N C L A S S I F I E D|CONFIDENTIAL|SECRET"
    r"|UNCLASSIFIED|UNCLAS)"
    r"(?: SECTION ([0-9]{1,3}) OF ([0-9]{1,3}))?"
    r" (?!(?:NOFORN|SENSITIVE|SBU|FOUO|EFTO|E F T O|FOR|SECTION|SIFIED)\b)([A-Z]+(?: [A-Z]+)*)"
    r" ([0-9]{1,8})"
)


def _fuller_copy(field: _Field, fields: Sequence[_Field]) -> bool:
    """Whether a later field of the same kind opens with ``field``'s text cut off by
    ``...``: the field is a preview of that one."""
    head = fold_space(field.text[:-3]).upper()
    return any(
        other.kind == field.kind
        and other.first > field.first
        and fold_space(other.text).upper().startswith(head)
        for other in fields
    )


def read_classification_line(text: str) -> ClassificationLine | None:
    """A classification line read with the grammar, or None where it refuses ``text``."""
    plain = _PLAIN_CLASSIFICATION_LINE.fullmatch(text)
    if plain is not None:
        level, first, total, origin, serial = plain.groups()
        return ClassificationLine(
            classification_level(level),
            None,
            Section(int(first), int(total)) if first is not None else None,
            origin,
            int(serial),
            None,
        )
    tokens = preamble_tokens(text, "classification_line")
    return read_classification_tokens(tokens) if tokens is not None else None


def _read_tags(text: str) -> list[Tag] | None:
    """The tags of a TAGS field, or None when the grammar rejects it.  The usual field,
    known codes and nothing else, is read without the tokens (read_plain_tags)."""
    codes = plain_tag_codes(text)
    plain = read_plain_tags(codes) if codes is not None else None
    if plain is not None:
        return plain
    tokens = tags_field_tokens(text)
    return read_tag_tokens(tokens) if tokens is not None else None


def _read_eo(
    field: _Field,
    values: dict[str, object],
    sink: DefectSink,
    unparsed: list[UnparsedLine],
    lines: Sequence[str],
) -> str | None:
    """Read the E.O. line into ``values``; returns a TAGS field glued onto it, if any."""
    read: tuple[str | None, Declassify | None, str | None] | None = read_plain_eo_line(field.text)
    if read is None:
        tokens = preamble_tokens(field.text, "eo_line")
        if tokens is None:
            sink.report(
                DefectCode.DECL_INVALID,
                f"E.O./DECL line not understood: {field.text!r}",
                field.first,
                _error_column(field.text, "eo_line"),
            )
            unparsed.append(UnparsedLine(field.first, lines[field.first - 1]))
            return None
        read = read_eo_tokens(tokens)
    order, declassify, glued_tags = read
    if order is not None:
        values.setdefault("executive_order", order)
    if declassify is not None:
        values.setdefault("declassify", declassify)
    return glued_tags


def _error_column(text: str, start: str) -> int | None:
    """Where Lark's own parse of a rejected field stops (for the strict policy's error)."""
    from lark.exceptions import LarkError  # the parser exists, so lark is loaded already

    try:
        get_parser("preamble").parse(text, start=start)
    except LarkError as error:
        column = getattr(error, "column", None)
        return column if isinstance(column, int) and column > 0 else None
    return None  # pragma: no cover - the table runner and Lark agree on what they reject


def _report_second(
    field: _Field,
    label: str,
    lines: Sequence[str],
    markers: list[UnparsedLine],
    sink: DefectSink,
    unparsed: list[UnparsedLine],
    why: str = "",
) -> None:
    """A second field of a kind the cable has one of (SUBJECT, Classified By) that says
    something else: the first one is the value; the lines of this one are kept as
    unparsed, with a defect (``why`` it is not read, if not for being the second).  (A
    copy of the first is covered by its span.)"""
    sink.report(
        DefectCode.UNPARSED_LINE,
        f"{why or f'second {label} field, not read'}: {fold_space(field.text)!r}",
        field.first,
    )
    layout = {marker.line for marker in markers}
    unparsed.extend(
        UnparsedLine(number, lines[number - 1])
        for number in range(field.first, field.last + 1)
        if lines[number - 1].strip() and number not in layout
    )


# Caption lines as written → their captions and the text left over (a note, a distribution
# line run on): SIPDIS, NOFORN and a few more make up nearly all of them (a bounded memo,
# see memo.py).
_CAPTIONS: dict[str, tuple[tuple[str, ...], str]] = {}


def _captions_before_post(line: ClassificationLine, captions: list[str]) -> ClassificationLine:
    """The line without the caption words it holds where its post begins (``UNCLAS SIPDIS``,
    ``CONFIDENTIAL SIPDIS STATE 001234``), which go to ``captions``: no post is named
    after a caption."""
    words = (line.origin or "").split()
    lead = 0
    while lead < len(words) and words[lead].upper() in ONE_WORD_CAPTIONS:
        lead += 1
    if not lead:
        return line
    captions.extend(word.upper() for word in words[:lead])
    return attrs.evolve(line, origin=" ".join(words[lead:]) or None)


def _caption_line(text: str) -> tuple[tuple[str, ...], str]:
    known = _CAPTIONS.get(text)
    if known is None:
        leftover = fold_space(_CAPTION.sub(" ", text).strip(" ,;"))
        known = remember(_CAPTIONS, text, (tuple(_read_captions(text)), leftover))
    return known


def _read_captions(text: str) -> list[str]:
    found = []
    for match in _CAPTION.finditer(text):
        # Spaced letters (C O R R E C T E D  C O P Y) are closed up, then named as listed.
        letters = re.sub(r"\s+", "", match.group(0)).upper()
        found.append(_CAPTION_BY_LETTERS.get(letters, " ".join(match.group(0).upper().split())))
    return found


def read_subject(text: str) -> str:
    """The subject without its label and a leading portion mark, continuation lines joined."""
    body = fold_space(text)
    label = _SUBJECT.match(body)
    # The label, sometimes written twice; a second one only with its colon: ``SUBJECT:
    # SUBJECT MATTER EXPERTS VISIT`` is about subject matter experts.
    while label is not None:
        body = body[label.end() :].lstrip()
        label = _REPEATED_SUBJECT.match(body)
    if body.startswith("("):
        body = LEADING_PORTION_MARK.sub("", body)
    return body.strip()
