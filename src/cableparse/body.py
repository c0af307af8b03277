"""The body of a cable: numbered paragraphs, headings, page breaks, summary, signature.

Line logic rather than a grammar: the body is running text in which only a few line
shapes carry structure (a paragraph number with its portion mark, a heading boxed by
dashes, a page header), and every other line belongs to the paragraph around it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from .defects import DefectCode
from .layout import DASH_CHARS, LEADING_PORTION_MARK, page_line_rest
from .layout import DASH_LINE as _DASH_LINE
from .layout import PAGE_LINE as _PAGE_LINE
from .layout import is_repeated_classification as _is_repeated_classification
from .model import FieldSpan, Paragraph, Span, TextBlock, UnparsedLine
from .policy import DefectSink
from .text import fold_space
from .vocab import ONE_WORD_CAPTIONS

__all__ = ["Body", "parse_body"]

# Written so that any text has one reading (no backtracking blow-up on a mark that never
# closes: the old form took seconds on ``1. (C REL TO AB REL TO AB ...``).  Same marks as
# before on every corpus line: the separator is one of ``ws? /{1,2} ws?`` or 1-3 white
# space; REL TO is read once; a REL list stops where another caveat word starts.
_SEP = r"(?:\s?//?\s?|\s{1,3})"
_CAVEAT = r"NF|NOFORN|FOUO|FGI|ORCON|PROPIN|REL|NATO|EXDIS|NODIS"
_PORTION = (
    r"(?:TS|SBU|LOU|U|C|S)(?:-N)?"
    r"(?:" + _SEP + r"(?:NF|NOFORN|FOUO|FGI|ORCON|PROPIN"
    r"|REL(?:\s+TO\s+|\s+(?!TO\s+[A-Z]))"
    r"[A-Z](?:(?!" + _SEP + r"(?:" + _CAVEAT + r")\b)[A-Z ,/]){1,40}?"
    r"|NATO|EXDIS|NODIS))*"
)
_PARAGRAPH = re.compile(
    r"^\s*(?:¶\s*)?(\d{1,3})\s*[.)](?=\s|\(|$)\s*(?:\(\s*(" + _PORTION + r")\s*\))?\s*",
    re.IGNORECASE,
)
# The signer: one to three capitalised words alone on the last line (RANDT, TIMKEN JR,
# Eikenberry), or glued after the last sentence of the last paragraph.
_SIGNATURE = re.compile(r"^[A-Z][A-Za-z'.-]+(?:\s+[A-Z][A-Za-z'.-]+){0,2}\s*\.?$")
_GLUED_SIGNATURE = re.compile(
    r"(?<=[.!?\"”)])\s+([A-Z][A-Za-z'-]{2,}(?:\s+[A-Z][A-Za-z.'-]+){0,2})\s*\.?$"
)
# Words that open a sentence far more often than they sign a cable.
_SENTENCE_OPENERS = frozenset(
    {
        "THE",
        "THIS",
        "THAT",
        "THESE",
        "THOSE",
        "WE",
        "IT",
        "HE",
        "SHE",
        "THEY",
        "OUR",
        "HIS",
        "HER",
        "ITS",
        "BUT",
        "AND",
        "IN",
        "ON",
        "AT",
        "AS",
        "IF",
        "SO",
        "FOR",
        "WITH",
        "THERE",
        "ALSO",
        "THUS",
        "PLEASE",
        "NOTE",
        "POST",
        "EMBASSY",
        "SEE",
        "AN",
        "ALL",
        "NO",
        "NOT",
        "ONE",
        "WHEN",
        "WHILE",
    }
)
_SUFFIXES = frozenset({"JR", "SR", "II", "III", "IV", "Jr", "Sr"})
_TRAILER = re.compile(
    r"(?:[.>|#]+|NNNN|BT|SIPDIS|NOFORN|UNQUOTE|\d{4}[A-Z]{3,6}\d{5}\s+-\s+.*"
    r"|NOTE(?:\s+BY\s+[A-Z/]+)?\s*:.*|Declassified/Released.*|Review\s+\d{1,2}\s+[A-Z]{3}\s+\d{4})$",
    re.IGNORECASE,
)
_CLOSING_FORMULA = re.compile(
    r"(?:END\s+(?:OF\s+)?TEXT|MINIMIZE\s+CONSIDERED|END\s+(?:COMMENT|FYI|SUMMARY|QUOTE))\s*[.)]?$",
    re.IGNORECASE,
)
_NOT_SIGNATURE = re.compile(
    r"^(?i:END\b|BT$|NNNN$|SIPDIS$|NOFORN$|CFM\b|XXXX|THANKS?\b|THANK YOU|COMMENT\b|SUMMARY\b"
    r"|SECRET\b|CONFIDENTIAL\b|UNCLAS|MINIMIZE|DECLASSIFIED|NONE\b)"
)
_SUMMARY = re.compile(
    r"(?:^|(?<=[\s(]))(?:BEGIN\s+)?SUMMARY(?:\s+AND\s+(?:COMMENT|ACTION\s+REQUEST|INTRODUCTION))?\s*[:.\-]+\s*",
    re.IGNORECASE,
)
_SUMMARY_HEADING = re.compile(r"(?i)summary\b")
_INLINE_RULE = re.compile(r"\s[-\u2010]{4,}\s")
_ENDS_WITH_END = re.compile(r"(?i)\bEND\s*$")
_END_SUMMARY = re.compile(r"\(?\s*\bEND\s+(?:OF\s+)?SUMMARY\b\s*[.:]?\s*\)?", re.IGNORECASE)
# A comment runs from its opening (at the start of the text or after white space or "(")
# to the first END COMMENT after it, within one line.  The opening pattern starts with a
# character class so that the regex engine can skip ahead; _comment_opening checks what
# precedes it.
_COMMENT_OPEN = re.compile(
    r"[BbCc](?:(?<=[Bb])EGIN\s+COMMENT|(?<=[Cc])OMMENT)\s*[:.\-]+\s*", re.IGNORECASE
)
_COMMENT_CLOSE = re.compile(r"\s*\(?\s*\bEND\s+COMMENT\b", re.IGNORECASE)
_END_COMMENT = re.compile(r"end\s+comment")
_REDACTION = re.compile(r"(?<![A-Za-z])[Xx]{10,14}(?![A-Za-z])")


@attrs.frozen(slots=True)
class Body:
    paragraphs: tuple[Paragraph, ...]
    text_blocks: tuple[TextBlock, ...]
    summary: str | None
    comments: tuple[str, ...]
    signature: str | None
    markers: tuple[UnparsedLine, ...]
    redactions: int
    #: Lines of headings and of the signer, which no paragraph span covers.
    spans: tuple[FieldSpan, ...] = ()


class _Open:
    __slots__ = ("first", "heading", "last", "lines", "marking", "number")

    def __init__(self, number: int | None, marking: str | None, heading: str | None, first: int):
        self.number = number
        self.marking = marking
        self.heading = heading
        self.first = first
        self.last = first
        self.lines: list[str] = []

    def add(self, text: str, line: int) -> None:
        self.lines.append(text)
        self.last = line


def parse_body(lines: Sequence[str], begin: int, sink: DefectSink) -> Body:
    """Read lines[begin:] (0-based) as the body of a cable."""
    end = len(lines)
    while end > begin and not lines[end - 1].strip():
        end -= 1
    signature, signature_index, trailer = _find_signature(lines, begin, end)
    markers: list[UnparsedLine] = [UnparsedLine(i + 1, lines[i]) for i in trailer]
    spans: list[FieldSpan] = []
    if signature_index is not None:
        spans.append(FieldSpan("signature", Span(signature_index + 1, signature_index + 1)))
    end = min(trailer, default=end)
    blocks: list[_Open] = []
    current: _Open | None = None
    heading: str | None = None
    heading_line = 0  # where a pending heading starts, 0 when none is pending
    previous_number: int | None = None
    index = begin
    while index < end:
        raw = lines[index]
        text = raw.strip()
        if index == signature_index:
            index += 1
            continue
        if not text:
            index += 1
            continue
        rest = page_line_rest(raw)
        if (
            rest is not None
            or _PAGE_LINE.match(raw)
            or _is_repeated_classification(text)
            or _DASH_LINE.match(text)
            or text in ONE_WORD_CAPTIONS  # a caption a page break repeated
        ):
            markers.append(UnparsedLine(index + 1, raw))
            if rest:
                # Text run into a page line (PAGE 02 ... 291400Z GOVERNMENT WOULD) goes
                # on with the block the page break interrupted.
                if current is None:
                    current = _Open(None, None, heading, heading_line or index + 1)
                    heading, heading_line = None, 0
                    blocks.append(current)
                current.add(rest, index + 1)
            index += 1
            continue
        match = _PARAGRAPH.match(raw)
        found = None if match else _heading_at(lines, index, end)
        if found is not None:
            # Consecutive headings are one heading boxed over several lines.
            heading = f"{heading} {found[0]}" if heading else found[0]
            heading_line = heading_line or index + 1
            consumed = found[1]
            spans.append(FieldSpan("heading", Span(index + 1, index + consumed)))
            for extra in range(index, index + consumed):
                if _DASH_LINE.match(lines[extra]):
                    markers.append(UnparsedLine(extra + 1, lines[extra]))
            index += consumed
            current = None
            continue
        number = _accept_number(match, previous_number, sink, index + 1) if match else None
        if match and number is not None:
            marking = match.group(2)
            current = _Open(
                number, " ".join(marking.upper().split()) if marking else None, heading, index + 1
            )
            heading, heading_line = None, 0
            previous_number = number
            rest = raw[match.end() :].strip()
            if rest:
                current.lines.append(rest)
            blocks.append(current)
            index += 1
            continue
        if current is None:
            current = _Open(None, None, heading, heading_line or index + 1)
            heading, heading_line = None, 0
            blocks.append(current)
        current.add(text, index + 1)
        index += 1

    if heading is not None:
        # A heading with nothing after it is kept as text rather than lost.
        blocks.append(_Open(None, None, heading, heading_line))
    paragraphs: list[Paragraph] = []
    text_blocks: list[TextBlock] = []
    redactions = 0
    for block in blocks:
        parts = block.lines
        if block.number is None and block.heading:
            parts = [block.heading, *parts]  # a text block has no heading of its own
        joined = fold_space(" ".join(parts))
        count = 0
        if "xxxxxxxxxx" in joined.lower():  # cheap test before the regex scan
            count = len(_REDACTION.findall(joined))
            redactions += count
        span = Span(block.first, max(block.first, block.last))
        if block.number is None:
            if joined:
                text_blocks.append(TextBlock(joined, span))
            continue
        paragraphs.append(
            Paragraph(block.number, block.marking, block.heading, joined, span, redactions=count)
        )

    if signature is None and (paragraphs or text_blocks):
        # The signer glued after the last sentence of whatever comes last.
        last_is_paragraph = bool(paragraphs) and (
            not text_blocks
            or (paragraphs[-1].span or Span(0, 0)).first_line
            > (text_blocks[-1].span or Span(0, 0)).first_line
        )
        text = paragraphs[-1].text if last_is_paragraph else text_blocks[-1].text
        tail, signer = _glued_signature(text)
        if signer is not None:
            signature = signer
            if last_is_paragraph:
                paragraphs[-1] = attrs.evolve(paragraphs[-1], text=tail)
            else:
                text_blocks[-1] = attrs.evolve(text_blocks[-1], text=tail)
    return Body(
        paragraphs=tuple(paragraphs),
        text_blocks=tuple(text_blocks),
        summary=_summary(paragraphs, text_blocks),
        comments=tuple(_comments(paragraphs)),
        signature=signature,
        markers=tuple(markers),
        redactions=redactions,
        spans=tuple(spans),
    )


def _find_signature(
    lines: Sequence[str], begin: int, end: int
) -> tuple[str | None, int | None, list[int]]:
    """The signer line at the end of the body, and the trailer lines below it.

    Transmission left lines under the signer: the classification again, NNNN, page
    headers, ``NOTE BY OC/T``, the declassification stamp.  They count as trailer only
    when a signer stands above them.
    """
    index = end - 1
    trailer: list[int] = []
    while index >= begin:
        text = lines[index].strip()
        if text and not _is_trailer(text):
            break
        if text:
            trailer.append(index)
        index -= 1
    if index < begin:
        return None, None, []
    candidate = _strip_decoration(lines[index].strip())
    if (
        not _SIGNATURE.match(candidate)
        or _NOT_SIGNATURE.match(candidate)
        or _PARAGRAPH.match(candidate)
        or _is_repeated_classification(candidate)
        or len(candidate) > 40
    ):
        return None, None, []
    # The line before must not be part of a boxed heading.
    before = next(
        (lines[i].strip() for i in range(index - 1, begin - 1, -1) if lines[i].strip()), ""
    )
    if _DASH_LINE.match(before):
        return None, None, []
    return _tidy_signer(candidate), index, sorted(trailer)


def _strip_decoration(text: str) -> str:
    """The text without trailing ``#``, ``.`` and white space.

    A loop rather than ``re.sub(r"[#.\\s]+$")``, which retried the run from every position
    of it: quadratic on a line ending in a long run of spaces.
    """
    end = len(text)
    while end and (text[end - 1] in "#." or text[end - 1].isspace()):
        end -= 1
    return text[:end]


def _tidy_signer(name: str) -> str:
    """``PARDEW PARDEW`` and ``CLINTON UNQUOTE CLINTON`` name one signer."""
    words = [w for w in name.split() if w.upper() not in ("UNQUOTE", "QUOTE")]
    unique: list[str] = []
    for word in words:
        if not any(word.upper() == seen.upper() for seen in unique):
            unique.append(word)
    return " ".join(unique) if unique else name


def _is_trailer(text: str) -> bool:
    return (
        _TRAILER.match(text) is not None
        or _is_repeated_classification(text)
        or _PAGE_LINE.match(text) is not None
        or _DASH_LINE.match(text) is not None
    )


def _glued_signature(text: str) -> tuple[str, str | None]:
    """``... next week. Beyrle`` → (text without the signer, signer)."""
    glued = _GLUED_SIGNATURE.search(text)
    if glued is None or _NOT_SIGNATURE.match(glued.group(1)):
        return text, None
    words = glued.group(1).split()
    if any(w.upper() in _SENTENCE_OPENERS or (len(w) < 3 and w not in _SUFFIXES) for w in words):
        return text, None  # a sentence cut off after its first words
    tail = text[: glued.start()].rstrip()
    if len(tail) < 20:
        return text, None
    # In an all-caps cable the last word may just be text; there the signer is only
    # taken after a closing formula (END TEXT., MINIMIZE CONSIDERED.).
    if tail == tail.upper() and not _CLOSING_FORMULA.search(tail):
        return text, None
    return tail, _tidy_signer(glued.group(1))


def _heading_at(lines: Sequence[str], index: int, end: int) -> tuple[str, int] | None:
    """A heading at ``index``: ``Title -----``, or a title line followed by a dash line.

    The caller has checked that the line does not open a numbered paragraph.
    """
    text = lines[index].strip()
    if len(text) > 120:
        return None
    # ``Title -----``: a run of 3+ dashes ending the line, after white space.  String
    # methods instead of a regex search, which backtracked on long runs of white space.
    if text.endswith(("---", "\u2010\u2010\u2010")):
        title = text.rstrip(DASH_CHARS)
        if title[-1:].isspace():
            # Flattened boxes keep the upper rule too: ------- SUMMARY -------
            title = title.strip().lstrip(DASH_CHARS).strip()
            return (title, 1) if title else None
    if index + 1 < end and _DASH_LINE.match(lines[index + 1]):
        return text, 2
    return None


def _accept_number(
    match: re.Match[str], previous: int | None, sink: DefectSink, line: int
) -> int | None:
    number = int(match.group(1))
    if previous is None:
        return number if number < 200 else None
    expected = previous + 1
    if number == expected:
        return number
    # A pilcrow read as the digit 1: "15." right after paragraph 4 is paragraph 5.
    if str(number) == f"1{expected}":
        sink.report(
            DefectCode.MANGLED_PARAGRAPH_NUMBER,
            f"paragraph number {number} after {previous} read as {expected}",
            line,
        )
        return expected
    if match.group(2) is not None or "¶" in match.group(0):
        sink.report(
            DefectCode.PARAGRAPH_NUMBER_OUT_OF_SEQUENCE,
            f"paragraph {number} follows paragraph {previous}",
            line,
        )
        return number
    return None


def _summary(paragraphs: Sequence[Paragraph], blocks: Sequence[TextBlock]) -> str | None:
    """The summary: from a Summary heading or a ``SUMMARY:`` opening to END SUMMARY.

    Paragraphs and unnumbered blocks are read in input order, since a summary may stand
    before paragraph 1.  A cable that only closes its summary (``... END SUMMARY.`` in
    its first paragraphs) gets the text up to that point.
    """
    items = sorted(
        [((p.span.first_line if p.span else 0), p.heading, p.text) for p in paragraphs]
        + [((b.span.first_line if b.span else 0), None, b.text) for b in blocks],
        key=lambda item: item[0],
    )
    texts = [(heading, text) for _, heading, text in items]
    for start, (heading, text) in enumerate(texts):
        head = text[:200]
        # The pattern starts with no literal, so a plain substring test screens it.
        opening = _summary_opening(head) if "summary" in head.casefold() else None
        if heading and _SUMMARY_HEADING.match(heading):
            body = text[opening.end() :] if opening and opening.start() == 0 else text
        elif opening:
            body = text[opening.end() :]
        else:
            continue
        return _summary_from(texts, start, LEADING_PORTION_MARK.sub("", body))
    if any(_end_summary(text) for _, text in texts[:4]):
        return _summary_from(texts, 0, LEADING_PORTION_MARK.sub("", texts[0][1]))
    return None


def _summary_opening(text: str) -> re.Match[str] | None:
    """The first SUMMARY opening that is not the END SUMMARY closing."""
    for opening in _SUMMARY.finditer(text):
        if not _ENDS_WITH_END.search(text, 0, opening.start()):
            return opening
    return None


def _summary_from(texts: Sequence[tuple[str | None, str]], start: int, body: str) -> str | None:
    collected = [body]
    for _, following in texts[start + 1 :]:
        if _end_summary(collected[-1]) or len(collected) > 8:
            break
        collected.append(following)
    joined = " ".join(collected)
    closing = _end_summary(joined)
    if closing:
        joined = joined[: closing.start()]
    elif len(collected) > 1:
        joined = collected[0]
    # A heading flattened into the text ends the summary: "... -------- Training --------"
    rule = _INLINE_RULE.search(joined)
    if rule:
        joined = joined[: rule.start()]
    joined = joined.strip()
    return joined or None


def _end_summary(text: str) -> re.Match[str] | None:
    return _END_SUMMARY.search(text) if "summary" in text.casefold() else None


def _comment_opening(text: str, position: int) -> re.Match[str] | None:
    while True:
        opening = _COMMENT_OPEN.search(text, position)
        if opening is None:
            return None
        start = opening.start()
        if start == 0 or text[start - 1].isspace() or text[start - 1] == "(":
            return opening
        position = start + 1


def _comments(paragraphs: Sequence[Paragraph]) -> list[str]:
    comments: list[str] = []
    for paragraph in paragraphs:
        if not _END_COMMENT.search(paragraph.text.lower()):
            continue
        # Openings and closings are searched separately: one lazy pattern spanning both
        # rescanned the rest of the paragraph for every opening without a closing.
        text = paragraph.text
        position = 0
        while True:
            opening = _comment_opening(text, position)
            if opening is None:
                break
            closing = _COMMENT_CLOSE.search(text, opening.end())
            if closing is None:
                break  # no closing after this opening, so none after any later one
            inside = text[opening.end() : closing.start()]
            if "\n" in inside:
                position = opening.start() + 1
                continue
            inside = inside.strip(" .")
            if inside:
                comments.append(inside)
            position = closing.end()
    return comments
