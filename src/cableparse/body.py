"""The body of a cable: numbered paragraphs, headings, page breaks, summary, signature.

Line logic rather than a grammar: the body is running text in which only a few line
shapes carry structure (a paragraph number with its portion mark, a heading boxed by
dashes, a page header), and every other line belongs to the paragraph around it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate, compress, pairwise
from typing import Final

import attrs

from .comments import find_comments
from .defects import DefectCode
from .header import header_at
from .layout import (
    DASH_CHARS,
    INLINE_OPENING,
    LEADING_PORTION_MARK,
    LEVEL_WORDS,
    PARAGRAPH_NUMBER,
    RULE_ENDINGS,
    is_classification_line,
    is_level_word_piece,
    is_rule,
    page_line_rest,
)
from .layout import PAGE_LINE as _PAGE_LINE
from .layout import is_repeated_classification as _is_repeated_classification
from .model import FieldSpan, Paragraph, Span, TextBlock, UnparsedLine
from .policy import DEFAULT, DefectSink
from .preamble import _REPEATED_SUBJECT, parse_preamble
from .preamble import opens_preamble_field as _opens_preamble_field
from .spans import field_span
from .summary import find_summary, may_hold_summary
from .text import fold_space
from .vocab import CAPTION_WORDS, ONE_WORD_CAPTIONS, SMALL_WORDS

__all__ = ["Body", "parse_body"]

# The levels a portion mark may spell out, as marks write them.
_LEVEL_MARKS: Final = {
    "TOP SECRET": "TS",
    "SECRET": "S",
    "CONFIDENTIAL": "C",
    "UNCLASSIFIED": "U",
    "SENSITIVE BUT UNCLASSIFIED": "SBU",
    "LIMITED OFFICIAL USE": "LOU",
}
# Longest first, so that SECRET is no prefix of TOP SECRET's match.
_SPELLED: Final = "|".join(sorted(_LEVEL_MARKS, key=len, reverse=True))
# Written so that any text has one reading (no backtracking blow-up on a mark that never
# closes: the old form took seconds on ``1. (C REL TO AB REL TO AB ...``).  Same marks as
# before on every corpus line: the separator is one of ``ws? /{1,2} ws?`` or 1-3 white
# space; REL TO is read once; a REL list stops where another caveat word starts.
_SEP: Final = r"(?:\s?//?\s?|\s{1,3})"
_CAVEAT: Final = r"NF|NOFORN|FOUO|FGI|ORCON|PROPIN|REL|NATO|EXDIS|NODIS"
_PORTION: Final = (
    # The level spelled out too (``(SECRET/REL FRANCE)``, ``(Confidential)``).
    r"(?:" + _SPELLED + r"|TS|SBU|LOU|U|C|S)(?:-N)?"
    r"(?:" + _SEP + r"(?:NF|NOFORN|FOUO|FGI|ORCON|PROPIN"
    r"|REL(?:\s+TO\s+|\s+(?!TO\s+[A-Z]))"
    r"[A-Z](?:(?!" + _SEP + r"(?:" + _CAVEAT + r")\b)[A-Z ,/]){1,40}?"
    r"|NATO|EXDIS|NODIS))*"
)
_PARAGRAPH: Final = re.compile(
    r"^\s*" + PARAGRAPH_NUMBER + r"\s*(?:\(\s*(" + _PORTION + r")\s*\))?\s*",
    re.IGNORECASE,
)
# The common forms of _PARAGRAPH, in a stripped line: where this matches, _PARAGRAPH matches
# the line with the same groups (and only white space more); a "(" that does not hold one
# of these marks, more white space, or a number glued to what follows leaves the line to
# _PARAGRAPH.
_PLAIN_PARAGRAPH: Final = re.compile(
    r"(?:\u00b6 ?)?([0-9]{1,3})[.)](?: {1,2}|(?=\())"
    r"(?:\(((?:C|S|U|SBU|TS)(?:/{1,2}NF)?)\)|(?![\s(]))"
)
# The signer: one to three capitalised words alone on the last line (RANDT, TIMKEN JR,
# Eikenberry), or glued after the last sentence of the last paragraph.
_SIGNATURE: Final = re.compile(r"^[A-Z][A-Za-z'.-]+(?:\s+[A-Z][A-Za-z'.-]+){0,2}\s*\.?$")
# A word of three letters or more ends a sentence before the last word of the line
# (``Erdogan. MOORE``): the line ends a paragraph, and the signer is glued to it.  An
# initial (``CLARK T. RANDT``) is one letter.
_SENTENCE_END: Final = re.compile(r"[A-Za-z]{3}\.\s+\S")
_GLUED_SIGNATURE: Final = re.compile(
    r"(?<=[.!?\"”)])\s+([A-Z][A-Za-z'-]{2,}(?:\s+[A-Z][A-Za-z.'-]+){0,2})\s*\.?$"
)
# Words that open a sentence far more often than they sign a cable.
_SENTENCE_OPENERS: Final = frozenset(
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
_SUFFIXES: Final = frozenset({"JR", "SR", "II", "III", "IV", "Jr", "Sr"})
_TRAILER: Final = re.compile(
    r"(?:[.>|#\"]+|NNNN?|BT|SIPDIS|NOFORN|UNQUOTE|\d{4}[A-Z]{3,6}\d{5}\s+-\s+.*"
    r"|NOTE(?:\s+BY\s+[A-Z/]+)?\s*:.*|Declassified/Released.*"
    # The rest of the release stamp, broken anywhere (``Declassified/Released US Department
    # of State EO`` / ``Systematic Review 05 JUL 2006``).
    r"|(?:(?:(?:(?:(?:US\s+)?Department\s+)?of\s+)?State\s+)?EO\s+)?(?:Systematic\s+)?"
    r"Review\s+\d{1,2}\s+[A-Z]{3}\s+\d{4}"
    r"|<<\s*END OF DOCUMENT\s*>>"
    # The print stamp of the copies El Pais published, and their document number under it
    # (``Track impresión: asegovia @ Sat Dec 4 19:20:36 2010. Este documento es ...``).
    r"|Track\s+impresi[oó]n\s*:.*|ID:\s*\d+)$",
    re.IGNORECASE,
)
_CLOSING_FORMULA: Final = re.compile(
    r"(?:END\s+(?:OF\s+)?(?:TEXT|(?:TALKING\s+)?POINTS|NON-?PAPER|DEMARCHE)|MINIMIZE\s+CONSIDERED"
    r"|END\s+(?:COMMENT|FYI|SUMMARY|QUOTE))\s*[.)]?$",
    re.IGNORECASE,
)
_NOT_SIGNATURE: Final = re.compile(
    r"^(?i:END\b|BT$|NNNN?$|SIPDIS$|NOFORN$|CFM\b|XXXX|THANKS?\b|THANK YOU|COMMENT\b|SUMMARY\b"
    r"|SECRET\b|CONFIDENTIAL\b|UNCLAS|MINIMIZE|DECLASSIFIED|NONE\b)"
)
# A redacted name ends a line with a run of X, which no sentence stops on.
_REDACTED: Final = "XXXXXXXXXX"
_REDACTION: Final = re.compile(r"(?<![A-Za-z])[Xx]{10,14}(?![A-Za-z])")
_X_RUN: Final = re.compile(rb"x*")
_LOWER_LETTERS: Final = frozenset(b"abcdefghijklmnopqrstuvwxyz")


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


class _Blocks:
    """The blocks of text read so far (paragraphs and unnumbered blocks), column by column.

    Text only ever goes on with the last block, so block k is made of
    pieces[starts[k]:starts[k + 1]]: no object and no list per block, which matters for the
    garbage collector in a body of 100,000 paragraphs.  first and last are 1-based lines.
    """

    __slots__ = ("firsts", "headings", "lasts", "markings", "numbers", "pieces", "starts")

    def __init__(self) -> None:
        self.numbers: list[int | None] = []
        self.markings: list[str | None] = []
        self.headings: list[str | None] = []
        self.firsts: list[int] = []
        self.lasts: list[int] = []
        self.starts: list[int] = []
        self.pieces: list[str] = []

    def open(
        self, number: int | None, marking: str | None, heading: str | None, first: int
    ) -> None:
        self.numbers.append(number)
        self.markings.append(marking)
        self.headings.append(heading)
        self.firsts.append(first)
        self.lasts.append(first)
        self.starts.append(len(self.pieces))

    def add(self, piece: str, line: int) -> None:
        """``piece`` (from 1-based ``line``) goes on with the last block."""
        self.pieces.append(piece)
        self.lasts[-1] = line

    def take_back(self, count: int, last: int) -> None:
        """Take the last ``count`` pieces back from the last block, which now ends on
        1-based line ``last`` (or its first line, if that is later)."""
        del self.pieces[-count:]
        self.lasts[-1] = max(last, self.firsts[-1])

    def drop_last(self) -> None:
        """Take the last block back, its pieces with it."""
        del self.pieces[self.starts.pop() :]
        for column in (self.numbers, self.markings, self.headings, self.firsts, self.lasts):
            column.pop()

    def joined(self) -> list[str]:
        """The pieces of each block joined by spaces; an unnumbered block opens with its
        heading (it has no heading of its own)."""
        bounds = [*self.starts, len(self.pieces)]
        pieces = self.pieces
        texts = [" ".join(pieces[start:stop]) for start, stop in pairwise(bounds)]
        for index, (number, heading) in enumerate(zip(self.numbers, self.headings, strict=True)):
            if heading and number is None:
                texts[index] = f"{heading} {texts[index]}" if texts[index] else heading
        return texts


# Most body lines are running text.  A line can be more only if it opens with a digit, a
# pilcrow, P or V (a paragraph number, PAGE, the trailer 2004CARACA02200 - ..., the VZCZC
# line of a later section's routing header pasted after the first section), ends as
# _special_end says (a page line ends with a digit: MADRID 00000869  002 OF 004; a rule,
# a ``Title -----`` heading), stands above a rule (a heading), or is a short line that
# _SHORT_MARKS or is_repeated_classification (at most 40 characters) knows.  A first
# character past ASCII is let through too, so that Unicode digits (which \d and int()
# read) need no isdecimal() call on every line.
_ASCII: Final = frozenset(map(chr, range(128)))
_PLAIN_FIRST: Final = _ASCII - frozenset("0123456789PV")
_PLAIN_LAST: Final = _ASCII - frozenset("0123456789-=_")
_SHORT: Final = 40
# Captions, and the two words of PAGE_LINE that neither open nor end with a digit.
_SHORT_MARKS: Final = ONE_WORD_CAPTIONS | {"NNNN", "BT"}
_DIGITS: Final = frozenset("0123456789")
_DASHES: Final = frozenset(DASH_CHARS)


def parse_body(
    lines: Sequence[str],
    begin: int,
    sink: DefectSink,
    only_spaces: bool = False,
    subject: str | None = None,
) -> Body:
    """Read lines[begin:] (0-based) as the body of a cable (whose preamble gave
    ``subject``, repeated under page lines by some copies); ``only_spaces`` says that the
    lines hold no white space but the ASCII space (SourceText.only_spaces)."""
    end = len(lines)
    while end > begin and not lines[end - 1].strip():
        end -= 1
    signature, signature_index, trailer = _find_signature(lines, begin, end)
    end = min(trailer, default=end)
    # The post's plug for its classified web site closes many cables, above the signer
    # or in its place: layout, not the last paragraph's words.
    plug = _website_plug(lines, begin, end if signature_index is None else signature_index)
    plug_lines: list[int] = []
    if plug is not None:
        if signature is None:
            # The signer may stand above the plug.
            signature, signature_index, _ = _find_signature(lines, begin, plug)
        plug_lines = [i for i in range(plug, end) if i != signature_index and lines[i].strip()]
        end = plug
    probe = _Probe(lines[begin:end], only_spaces)
    read_signature = (
        signature_index if signature_index is not None and signature_index < end else None
    )
    reported = len(sink.defects)
    reader = _read(lines, begin, end, probe, sink, read_signature, {}, subject)
    paragraphs, text_blocks, redactions, lowered = _assemble(reader.blocks, probe)
    skipped = len(sink.defects) > reported and any(
        defect.code is DefectCode.PARAGRAPH_NUMBER_OUT_OF_SEQUENCE
        for defect in sink.defects[reported:]
    )
    # Most bodies end on a line of wrapped width: no call.
    pieces = reader.blocks.pieces
    flattened = (
        _flattened_lines(reader.blocks, probe.texts, begin, skipped)
        if skipped or (pieces and len(pieces[-1]) > _FLATTENED_LINE)
        else []
    )
    marked = _holds_inline_opening(lowered, bool(flattened))
    if flattened or marked:
        # A paragraph opening left inside a block's text (a body whose line ends were
        # lost): read again, opening paragraphs there too.  Rare, so it costs a second
        # reading rather than a search of every line in every body.
        cuts = _inline_openings(probe.texts, begin, flattened, marked)
        if flattened and cuts:
            cuts = _continuing(cuts, reader.blocks.numbers)
        if cuts:
            del sink.defects[reported:]
            reader = _read(lines, begin, end, probe, sink, read_signature, cuts, subject)
            paragraphs, text_blocks, redactions, lowered = _assemble(reader.blocks, probe)
    reader.markers[:0] = [UnparsedLine(i + 1, lines[i]) for i in (*plug_lines, *trailer)]
    if signature_index is not None:
        reader.spans.insert(0, field_span("signature", signature_index + 1, signature_index + 1))

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
        summary=find_summary(paragraphs, text_blocks)
        if may_hold_summary(paragraphs, lowered)
        else None,
        comments=find_comments(paragraphs, lowered, reader.blocks.numbers),
        signature=signature,
        markers=tuple(reader.markers),
        redactions=redactions,
        spans=tuple(reader.spans),
    )


def _read(
    lines: Sequence[str],
    begin: int,
    end: int,
    probe: _Probe,
    sink: DefectSink,
    signature_index: int | None,
    cuts: dict[int, list[tuple[int, int, str | None, int]]],
    subject: str | None = None,
) -> _Reader:
    reader = _Reader(lines, begin, end, probe, sink)
    reader.cuts = cuts
    reader.subject = subject
    reader.read(signature_index)
    return reader


class _Reader:
    """The line loop: blocks of text opened by paragraph numbers and headings.

    Only the lines that _special_lines picks are looked at one by one; the running text
    between two of them goes to the open block as one run.
    """

    __slots__ = (
        "begin",
        "blocks",
        "cuts",
        "end",
        "heading_line",
        "is_open",
        "lines",
        "markers",
        "previous_number",
        "sink",
        "spans",
        "subject",
        "texts",
        "titles",
    )

    def __init__(self, lines: Sequence[str], begin: int, end: int, probe: _Probe, sink: DefectSink):
        self.lines = lines
        self.begin = begin
        self.end = end
        self.sink = sink
        # Stripped lines[begin:end]; texts[i - begin] is line i.
        self.texts = probe.texts
        self.blocks = _Blocks()
        self.is_open = False  # whether text goes on with the last block
        # The lines of a pending heading (consecutive headings are one heading boxed over
        # several lines), joined when a block takes it: joining as they come would copy
        # the heading once per line.
        self.titles: list[str] = []
        self.heading_line = 0  # where a pending heading starts, 0 when none is pending
        self.previous_number: int | None = None
        self.markers: list[UnparsedLine] = []
        self.spans: list[FieldSpan] = []
        # Paragraph openings inside lines (see _inline_openings), by line index: parse_body
        # reads again with them where the first reading left one inside a block's text.
        self.cuts: dict[int, list[tuple[int, int, str | None, int]]] = {}
        # The cable's subject, which some copies repeat under each page line.
        self.subject: str | None = None

    def read(self, signature_index: int | None) -> None:
        index, texts, begin = self.begin, self.texts, self.begin
        for special in self._special_lines(signature_index):
            if special < index:
                continue  # taken with the heading above it
            # Most often one blank line stands between two picked lines: no call for it.
            if index < special and (special > index + 1 or texts[index - begin]):
                self._run(index, special)
            index = special + 1 if special == signature_index else self._line(special)
        if index < self.end:
            self._run(index, self.end)
        if self.titles:
            # A heading with nothing after it is kept as text rather than lost.
            self.blocks.open(None, None, self._take_heading(), self.heading_line)

    def _special_lines(self, signature_index: int | None) -> list[int]:
        """The lines that may be more than running text, in order (see _PLAIN_FIRST)."""
        # compress() drops the blank lines (nearly half of them) before any test.
        special = [
            index
            for index, text in compress(enumerate(self.texts, self.begin), self.texts)
            if (
                text[0] not in _PLAIN_FIRST
                or (text[-1] not in _PLAIN_LAST and _special_end(text))
                or (
                    len(text) <= _SHORT
                    and (text in _SHORT_MARKS or _is_repeated_classification(text))
                )
            )
        ]
        texts, begin = self.texts, self.begin
        above_rules = [
            index - 1
            for index in special
            if index > begin
            and texts[index - begin][0] in _DASHES
            and texts[index - begin][-1] in _DASHES
            and texts[index - begin - 1]
        ]
        if above_rules or signature_index is not None:
            extra = {*above_rules, signature_index} if signature_index is not None else above_rules
            special = sorted({*special, *extra})
        return special

    def _block(self, line: int) -> None:
        """A new unnumbered block (under the pending heading) at ``line``: none is open."""
        self.blocks.open(None, None, self._take_heading(), self.heading_line or line)
        self.heading_line = 0
        self.is_open = True

    def _take_heading(self) -> str | None:
        """The pending heading, which the block opened now takes; None if there is none."""
        titles = self.titles
        if not titles:
            return None
        self.titles = []
        return " ".join(titles)

    def _run(self, start: int, stop: int) -> None:
        """Lines start..stop-1, running text or blank, go on with the open block."""
        texts, begin = self.texts, self.begin
        first, stop = start - begin, stop - begin
        while first < stop and not texts[first]:
            first += 1
        if first == stop:
            return
        last = stop - 1
        while not texts[last]:
            last -= 1
        if not self.is_open:
            self._block(first + begin + 1)
        cuts = self.cuts
        if cuts and any(first + begin <= line <= last + begin for line in cuts):
            for at in range(first, last + 1):
                if texts[at]:
                    self._add_cut(at + begin, 0)
            return
        blocks = self.blocks
        if blocks.numbers[-1] is None:
            self._unnumbered_run(first, last)
            return
        blocks.pieces += filter(None, texts[first : last + 1])
        blocks.lasts[-1] = last + begin + 1

    def _unnumbered_run(self, first: int, last: int) -> None:
        """Text lines first..last (indexes of texts, the first and last not blank) outside
        any numbered paragraph: a blank line between two of them ends one block of text
        and opens the next, as it ends a paragraph of a cable written without numbers."""
        texts, begin, blocks = self.texts, self.begin, self.blocks
        # Blank lines before the run end the block above too (its last line was read on
        # its own: ``3. THREE THINGS.`` / blank / ``UNIFIL: ...``); a page break between
        # them (a page line among the blank lines) does not.
        gap = blocks.lasts[-1] - begin  # the first line after the block's last, in texts
        apart = gap < first and len(blocks.pieces) > blocks.starts[-1] and not any(texts[gap:first])
        line = first
        while True:
            end = line + 1
            while end <= last and texts[end]:
                end += 1
            if line > first or apart:
                blocks.open(None, None, None, line + begin + 1)
            blocks.pieces += texts[line:end]
            blocks.lasts[-1] = end + begin
            if end > last:
                return
            line = end + 1
            while not texts[line]:  # texts[last] is not blank
                line += 1

    def _line(self, index: int) -> int:
        """Read one line that _special_lines picked; the index of the line after it."""
        raw = self.lines[index]
        text = self.texts[index - self.begin]
        first = text[0]
        if first in _DIGITS or first == "\u00b6" or (first > "\x7f" and first.isdecimal()):
            return self._numbered(index, raw, text)
        last = text[-1]
        if (
            (first == "V" and text.startswith("VZCZC"))
            or (last in _DIGITS and _CONTROL_NUMBER.fullmatch(text))
            or (first == "P" and _FIRST_PAGE.match(text))
        ):
            after = self._section_header(index)
            if after:
                return after
        if (
            first == "P"
            or len(text) <= _SHORT
            or last in _DIGITS
            or (last > "\x7f" and last.isdecimal())
            or (first in _DASHES and last in _DASHES)
        ) and self._marker(index, raw, text):
            return (
                (first in _DASHES and self._boxed_heading(index))
                or self._subject_again(index, raw)
                or index + 1
            )
        consumed = self._heading(index, text)
        return index + consumed if consumed else self._add(text, index)

    def _title_over_page_line(self, first: int) -> int:
        """A title under a rule whose box a page break closed in place of the lower rule
        (09STATE129362: ``-----`` / ``BALKANS - KOSOVO, PROPOSED MADRID CONFERENCE`` /
        blank / ``STATE 00129362 002 OF 002``): the pending heading; the index of the line
        after the title, 0 where the lines are no such box."""
        texts, begin = self.texts, self.begin
        title = texts[first - begin]
        at = self._text_below(first)
        if (
            not title
            or at >= len(texts)
            or not _PAGE_LINE.match(self.lines[at + begin])
            or not _is_lone_title(title)
        ):
            return 0
        self.titles.append(title)
        self.heading_line = self.heading_line or first + 1
        self.spans.append(field_span("heading", first + 1, first + 1))
        self.is_open = False
        return first + 1

    def _subject_again(self, index: int, raw: str) -> int:
        """The subject repeated under the page line at ``index``, as the copies of some
        State cables print it (``STATE 00129362 002 OF 002`` / blank / ``SUBJECT: (U)
        SECRETARY CLINTON'S ...`` / ``... MINISTER MIGUEL ANG``, cut at the page's width):
        markers; the index of the line after it, 0 where none stands there."""
        subject = self.subject
        texts, begin = self.texts, self.begin
        # Every page line but NNNN and BT ends on a digit; most markers do not.
        if not subject or not texts[index - begin][-1:].isdigit() or not _PAGE_LINE.match(raw):
            return 0
        at = self._text_below(index)
        if at >= len(texts) or texts[at][:1] not in "Ss":
            return 0
        label = _REPEATED_SUBJECT.match(texts[at])
        if label is None:
            return 0
        target = fold_space(subject).upper()
        after = texts[at][label.end() :].lstrip()
        repeated = fold_space(LEADING_PORTION_MARK.sub("", after)).upper()
        if not repeated or not target.startswith(repeated):
            return 0
        last = at
        while last + 1 < len(texts) and texts[last + 1] and len(repeated) < len(target):
            longer = f"{repeated} {fold_space(texts[last + 1]).upper()}"
            if not target.startswith(longer):
                break
            repeated, last = longer, last + 1
        self.markers.extend(
            UnparsedLine(i + begin + 1, self.lines[i + begin]) for i in range(at, last + 1)
        )
        return last + begin + 1

    def _text_below(self, index: int) -> int:
        """The index in ``texts`` of the first line of text under line ``index``, past
        the blank lines of a page break (at most _PAGE_BREAK_LINES); ``len(texts)`` where
        there is none within them."""
        texts = self.texts
        at = index + 1 - self.begin
        while at < len(texts) and not texts[at]:
            if at - (index - self.begin) >= _PAGE_BREAK_LINES:
                return len(texts)
            at += 1
        return at

    def _section_header(self, index: int) -> int:
        """The routing header of a later section (sections pasted one after another),
        from its VZCZC line at ``index``, and the classification line under it: layout,
        kept as markers; the text goes on after it as after a page break.  The index of
        the line after them, 0 if no header starts at ``index``."""
        end = header_at(self.lines, index)
        if end is None:
            return 0
        stop = min(end, self.end)
        following = next((i for i in range(stop, self.end) if self.texts[i - self.begin]), None)
        if following is not None and is_classification_line(self.texts[following - self.begin]):
            stop = following + 1
            stop = self._repeated_preamble(stop)
        self.markers.extend(
            UnparsedLine(i + 1, self.lines[i])
            for i in range(index, stop)
            if self.texts[i - self.begin]
        )
        return stop

    def _repeated_preamble(self, start: int) -> int:
        """The end of the preamble that a later section's copy of the archive repeats
        under its classification line (captions, distribution, E.O., TAGS, SUBJECT), from
        ``start``; ``start`` itself where no such copy stands there.  It is read as a
        preamble (its own defects dropped): a copy names E.O., TAGS or SUBJECT."""
        following = next((i for i in range(start, self.end) if self.texts[i - self.begin]), None)
        if following is None or not _opens_preamble_field(self.texts[following - self.begin]):
            return start
        copy = parse_preamble(self.lines[: self.end], start, DefectSink(DEFAULT, self.lines))
        if copy.executive_order is None and not copy.tags and copy.subject is None:
            return start
        subject = next((f.span for f in reversed(copy.spans) if f.name == "subject"), None)
        if subject is None or subject.last_line < max(f.span.last_line for f in copy.spans):
            return copy.end
        # A copy's subject ends at its first blank line: the text that goes on after it is
        # the paragraph the section break cut, even in capitals (which a cable's own
        # subject, wrapped over a blank line, would take).
        stop = subject.first_line
        while stop < copy.end and self.texts[stop - self.begin]:
            stop += 1
        return stop

    def _boxed_heading(self, rule: int) -> int:
        """A title of two or three lines boxed by the rule at ``rule`` and one below it:
        the index of the line after the lower rule, 0 if there is none.  (A one-line box
        is a title over a rule, which _heading reads.)  A page line or caption inside the
        box stays a marker."""
        texts, begin = self.texts, self.begin
        first = rule + 1
        stop = min(first + _BOX_LINES + 1, self.end)
        if stop < first + 3:
            return 0
        # Most boxes hold one line: the rule under it ends the search before any pattern.
        second = texts[first + 1 - begin]
        if not second:
            return self._title_over_page_line(first)
        if second[0] in _DASHES and second[-1] in _DASHES:
            return 0
        lower = first
        while lower < stop and texts[lower - begin] and not is_rule(texts[lower - begin]):
            lower += 1
        if not (first + 2 <= lower < stop and is_rule(texts[lower - begin])):
            return 0
        titles: list[str] = []
        layout: list[int] = []
        for index in range(first, lower):
            text = texts[index - begin]
            if _is_layout(self.lines[index], text):
                layout.append(index)
            elif len(text) <= _BOX_WIDTH and not _PARAGRAPH.match(text):
                titles.append(text)
            else:
                return 0
        if not titles:
            return 0
        self.titles.append(fold_space(" ".join(titles)))
        self.heading_line = self.heading_line or first + 1
        self.spans.append(field_span("heading", first + 1, lower + 1))
        self.markers.extend(UnparsedLine(index + 1, self.lines[index]) for index in layout)
        self.markers.append(UnparsedLine(lower + 1, self.lines[lower]))
        self.is_open = False
        return lower + 1

    def _numbered(self, index: int, raw: str, text: str) -> int:
        """A line that opens with a digit or a pilcrow: mostly a paragraph number.

        The layout lines it can be (the same tests as _marker, in the same order of
        precedence): a page line that opens with a digit, a repeated classification.
        """
        if (
            len(text) <= _SHORT and (_is_repeated_classification(text) or text in ONE_WORD_CAPTIONS)
        ) or (len(text) > 4 and text[:4].isdecimal() and _PAGE_LINE.match(raw)):
            self.markers.append(UnparsedLine(index + 1, raw))
            return index + 1
        # Nearly every paragraph opens like 1. (C) or 12. Text, which a pattern without
        # IGNORECASE and caveat lists reads in half the time, with the same groups.
        match = _PLAIN_PARAGRAPH.match(text)
        plain = match is not None
        source = text if plain else raw
        if not plain:
            match = _PARAGRAPH.match(raw)
        if match is None:
            # Not a paragraph: a heading (``1990 -----``) or running text (``¶A. NONE.``,
            # a lettered item the release marked with a pilcrow as it did numbers).
            consumed = self._heading(index, text)
            return index + consumed if consumed else self._add(_unpilcrowed(text), index)
        number = int(match.group(1))
        # The character after the digits closes the number but for white space before it
        # (then _delimiter looks further): read inline, as every numbered line asks.
        closing = source[match.end(1)]
        if (
            closing == ")" or (closing.isspace() and _delimiter(source, match) == ")")
        ) and self._after_marked_period():
            # ``2) Bilateral Defense Consultations`` after ``¶1. (SBU) ... four formal
            # channels:``, or ``1) (C/NF) WHO ...?``: the items of a list inside the
            # paragraph (marked or not), not paragraphs.
            return self._add(_unpilcrowed(text), index)
        previous = self.previous_number
        if previous is not None and number != previous + 1:
            above = self._above(index)
            accepted = _unexpected_number(match, number, previous, self.sink, index + 1, above)
            if accepted is None or accepted < 0:
                # Running text, without the pilcrow that the release put before every
                # number that opens a line (``¶1967.``, ``... PARAGRAPHS 5 AND`` / ``¶6.``).
                return self._add(_unpilcrowed(text), index)
            number = accepted
        marking = match.group(2)
        if (
            previous is None
            and number > 1
            and (number >= 200 or (marking is None and self._inline_item_above(index, number)))
        ):
            return self._add(_unpilcrowed(text), index)
        if marking is None and source[match.end() : match.end() + 1].isdigit():
            # ``¶1. 1. (SBU) Summary`` (09STATE69224): the number written twice, the mark
            # after the second; the line is read from there.
            tail = source[match.end() :]
            again = _PARAGRAPH.match(tail)
            if (
                again is not None
                and int(again.group(1)) == number
                and again.group(2)
                and index not in self.cuts
            ):
                source, match, plain = tail, again, False
                marking = match.group(2)
        entire = None
        if marking is not None and not plain:
            # _PLAIN_PARAGRAPH's marks are upper case with no white space already.
            marking = _written_mark(marking)
        elif marking is None and source[match.end() : match.end() + 1] in _ENTIRE_TEXT_FIRSTS:
            # ``1. CONFIDENTIAL - ENTIRE TEXT.``: older cables marked the whole text once.
            entire = _ENTIRE_TEXT.match(source, match.end())
            if entire is not None:
                marking = _LEVEL_MARKS.get(entire.group(1).upper(), entire.group(1).upper())
        if not self.titles:
            self._lone_title(index)
        if marking is None and not self.titles and index not in self.cuts:
            titled = self._titled_number(index, source[match.end() :].strip(), number)
            if titled is not None:
                return titled
        self.blocks.open(number, marking, self._take_heading() if self.titles else None, index + 1)
        self.is_open = True
        self.heading_line = 0
        self.previous_number = number
        if index in self.cuts:
            self._add_cut(index, match.end() - (len(source) - len(source.lstrip())))
            return index + 1
        rest = source[match.end() if entire is None else entire.end() :].strip()
        if rest:
            if rest[0] == "(" and marking is not None and rest[1:].startswith(marking + ")"):
                # ``1. (SBU) (SBU) Text``: the mark written twice is one mark.
                rest = rest[len(marking) + 2 :].lstrip()
            elif rest[0] in ".:" and marking is not None and rest[1:2].isspace():
                # ``1. (SBU).  Late in the evening``: a period after the mark.
                rest = rest[1:].lstrip()
            self.blocks.pieces.append(rest)
        return index + 1

    def _inline_item_above(self, index: int, number: int) -> bool:
        """Whether the text line right above ``index`` holds the item before ``number``
        of a list run inline (``... 1. COMPLETE EVACUATION`` / ``OF THE ARMY.  2. "ALLIES
        ...`` / ``¶3. "THE PHALANGISTS ...``, 85BEIRUT1351): the wrap set an item at
        the start of a line, where it read as paragraph 3 of a cable without numbers."""
        if not self._above(index):
            return False
        item = f"{number - 1}."
        texts, at = self.texts, index - 1 - self.begin
        # The item may be a few lines up, wrapped lines between (at most _ITEM_LINES).
        for above in texts[max(0, at - _ITEM_LINES + 1) : at + 1][::-1]:
            if not above:
                return False
            found = above.find(item)
            while found >= 0:
                following = above[found + len(item) : found + len(item) + 1]
                if (found == 0 or not above[found - 1].isdigit()) and following in (" ", ""):
                    return True
                found = above.find(item, found + 1)
        return False

    def _titled_number(self, index: int, rest: str, number: int) -> int | None:
        """``¶4.  Police Plans Moving Forward`` / blank / ``(U) Commissioner ...``
        (10HAMILTON11): a title on the number's line, and the portion mark opening the
        text below it.  Opens the paragraph with that heading and mark and reads the text
        line; returns the index after it, or None when the lines are no such pair."""
        if not rest or not _is_lone_title(rest):
            return None
        below = index + 1
        while (
            below < self.end and below - index <= _TITLE_GAP and not self.texts[below - self.begin]
        ):
            below += 1
        if below >= self.end or below == index + 1:
            return None
        text = self.texts[below - self.begin]
        mark = _MARK_OPENING.match(text) if text[:1] == "(" else None
        if mark is None or not text[mark.end() :]:
            return None
        self.blocks.open(number, _written_mark(mark.group(1)), fold_space(rest), index + 1)
        self.is_open = True
        self.heading_line = 0
        self.previous_number = number
        self.spans.append(field_span("heading", index + 1, index + 1))
        self.blocks.add(text[mark.end() :], below + 1)
        return below + 1

    def _lone_title(self, index: int) -> None:
        """A title alone between blank lines right above the paragraph that opens at
        ``index`` (``Caving in to Terrorists?``, ``Comment``), which went on with the block
        above as running text: taken back from it as the pending heading."""
        texts, begin = self.texts, self.begin
        at = index - 1 - begin
        # Most paragraphs have a blank line above them and the last line of a paragraph of
        # several lines above that: two tests.
        if at < 1:
            if at == 0 and texts[0]:
                self._first_line_title()
            return
        if texts[at]:
            # The title right on top of the paragraph, blank lines above it (``ECONOMIC
            # DEVELOPMENTS`` / ``2.  Milliyet: ...``, 03ADANA153), or in capitals right
            # under a sentence of a text in mixed case, in copies without blank lines
            # (``... in January.`` / ``ARABS FRUSTRATED WITH BASHIR`` / ``3. (C) ...``).
            line_above = texts[at - 1]
            if line_above and not (
                texts[at].isupper()
                and _tight_title(line_above, texts[at])
                and (not line_above.isupper() or _ends_on_formula(line_above))
            ):
                return
        else:
            # Rules between blank lines box the title (10CAIRO150: blank lines inside).
            at = _text_above(texts, at)
        if at < 0 or (
            at
            and texts[at - 1]
            and not _is_spaced_rule(texts, at - 1)
            and not _tight_title(texts[at - 1], texts[at])
        ):
            return
        title = texts[at]
        blocks = self.blocks
        if (
            not blocks.pieces
            or blocks.pieces[-1] is not title
            or blocks.lasts[-1] != at + begin + 1
            or not _is_lone_title(title)
        ):
            return
        above = _text_above(texts, at - 1)
        if above >= 0 and _stops_mid_sentence(texts[above]):
            return  # the line may end the sentence above after all
        if len(blocks.pieces) - 1 > blocks.starts[-1]:
            blocks.take_back(1, above + begin + 1)
        elif blocks.numbers[-1] is None and blocks.headings[-1] is None:
            blocks.drop_last()  # an unnumbered block of the title alone
        else:
            return
        line = at + begin + 1
        self.titles.append(title)
        self.heading_line = line
        self.spans.append(field_span("heading", line, line))

    def _first_line_title(self) -> None:
        """The body's first line, right on top of the paragraph that opens under it: a
        title shaped as a lone one (``SUMMARY AND INTRODUCTION``, the preamble having
        ended there) is the pending heading, not a block of text."""
        blocks, title = self.blocks, self.texts[0]
        if (
            len(blocks.pieces) == 1
            and blocks.pieces[0] is title
            and blocks.numbers[-1] is None
            and blocks.headings[-1] is None
            and _is_lone_title(title)
        ):
            blocks.drop_last()
            line = self.begin + 1
            self.titles.append(title)
            self.heading_line = line
            self.spans.append(field_span("heading", line, line))

    def _after_marked_period(self) -> bool:
        """Whether the last paragraph so far opened with a portion mark after a period
        (``¶1. (SBU)``).  Asked only of a number closed by a parenthesis, which is rare."""
        blocks = self.blocks
        numbers = blocks.numbers
        last = next((k for k in range(len(numbers) - 1, -1, -1) if numbers[k] is not None), None)
        if last is None or blocks.markings[last] is None:
            return False
        text = self.texts[blocks.firsts[last] - 1 - self.begin]
        opening = _PLAIN_PARAGRAPH.match(text) or _PARAGRAPH.match(text)
        return opening is not None and _delimiter(text, opening) == "."

    def _above(self, index: int) -> str:
        """The line above ``index`` (stripped) where it is running text of the open block,
        or the last such line above a page break that stands right above ``index``: ""
        where a blank line, a heading or nothing stands between."""
        if not self.is_open:
            return ""
        last = self.blocks.lasts[-1]  # 1-based: the last line of text of the open block
        between = index - last  # lines strictly between it and ``index``
        if between and not (
            between <= _PAGE_BREAK_LINES
            and len(self.markers) >= between
            and self.markers[-between].line == last + 1
            and self.markers[-1].line == index
        ):
            return ""
        return self.texts[last - 1 - self.begin]

    def _add(self, piece: str, index: int) -> int:
        """Text from the line at ``index`` goes on with the open block."""
        if not piece:
            # The release's pilcrow alone on its line (_unpilcrowed left nothing): layout.
            self.markers.append(UnparsedLine(index + 1, self.lines[index]))
            return index + 1
        if not self.is_open:
            self._block(index + 1)
        if index in self.cuts and piece is self.texts[index - self.begin]:
            self._add_cut(index, 0)
        else:
            self.blocks.add(piece, index + 1)
        return index + 1

    def _add_cut(self, index: int, start: int) -> None:
        """The text of line ``index`` from column ``start`` (of the stripped line) goes on
        with the open block, a new paragraph opened at each of its inline openings that
        goes on with the numbers (a flattened body: ``... today. 2. (C) Hurdles ...``)."""
        text = self.texts[index - self.begin]
        blocks = self.blocks
        for column, number, marking, after in self.cuts.get(index, ()):
            previous = self.previous_number
            if column < start or number != (1 if previous is None else previous + 1):
                continue
            before = text[start:column].strip()
            title = _BOXED_TITLE_AT_END.search(before)
            if title is not None:
                # ``End Summary. ------- COMMENT ------- 3. (C)``: the paragraph's heading.
                self.titles.append(title.group(1))
                self.spans.append(field_span("heading", index + 1, index + 1))
                before = before[: title.start()].rstrip()
            if before:
                blocks.add(before, index + 1)
            blocks.open(number, marking, self._take_heading() if self.titles else None, index + 1)
            self.previous_number = number
            self.is_open = True
            self.heading_line = 0
            start = after
        rest = text[start:].strip()
        if rest:
            blocks.add(rest, index + 1)

    def _marker(self, index: int, raw: str, text: str) -> bool:
        """A page line, a repeated classification or caption, or a rule: no text of its own.

        _line calls it only where one of them can match: a line that opens with P, ends
        with a digit, is short, or opens and ends with a rule character.
        """
        if not (_is_layout(raw, text) or is_rule(text) or (text in _SPACERS and self._ends(index))):
            return False
        self.markers.append(UnparsedLine(index + 1, raw))
        rest = page_line_rest(raw) if text[0] == "P" else None
        if rest:
            # Text run into a page line (PAGE 02 ... 291400Z GOVERNMENT WOULD) goes on
            # with the block the page break interrupted.
            self._add(rest, index)
        return True

    def _title_lines_above(self, index: int) -> tuple[str, int] | None:
        """The lines right above a title over a rule at ``index`` (one or two), taken
        back from the block they went on with, when they are the title's first lines:
        title lines (_title_line_above), a blank line above them, ending the block's text.
        Their text and the 1-based line of the first."""
        texts, begin, blocks = self.texts, self.begin, self.blocks
        at = index - 1 - begin
        top = at
        while top >= 0 and texts[top] and at - top < _TITLE_LINES_ABOVE:
            top -= 1
        if top == at or (top >= 0 and texts[top]):
            return None  # no line above, or more than a title's lines
        lines = texts[top + 1 : at + 1]
        count = len(lines)
        pieces = blocks.pieces
        # The lines may be a whole unnumbered block (one that a blank line opened), which
        # then goes; a paragraph keeps its first line.
        whole = len(pieces) - count == blocks.starts[-1]
        if (
            len(pieces) - count < blocks.starts[-1]
            or (whole and (blocks.numbers[-1] is not None or blocks.headings[-1] is not None))
            or blocks.lasts[-1] != at + begin + 1
            or any(pieces[-count + k] is not line for k, line in enumerate(lines))
            or not all(_title_line_above(line) for line in lines)
        ):
            return None
        if whole:
            blocks.drop_last()
        else:
            blocks.take_back(count, top + begin)
        return " ".join(lines), top + begin + 2

    def _ends(self, index: int) -> bool:
        """Whether a blank line, a numbered line or the end of the body follows line
        ``index``."""
        following = index + 1 - self.begin
        return (
            following >= len(self.texts)
            or not self.texts[following]
            or self.texts[following][0] in _NUMBER_FIRSTS
        )

    def _heading(self, index: int, text: str) -> int:
        """The number of lines a heading at ``index`` takes, 0 if there is none."""
        following = index + 1 - self.begin
        if not (
            text[-1] in _DASHES
            or (following < len(self.texts) and self.texts[following][-1:] in _DASHES)
        ):
            return 0
        found = _heading_at(self.lines, index, self.end)
        if found is None or (found[1] == 2 and _continues(self._above(index), found[0])):
            return 0
        consumed = found[1]
        first = index + 1
        title = found[0]
        if consumed == 2 and not self.titles:
            above = self._title_lines_above(index)
            if above is not None:
                # ``SLAHEDDINE BELAID, PUBLIC WORKS AND HOUSING`` / ``MINISTER`` / ``-----``:
                # a title of two or three lines over its rule.
                title = f"{above[0]} {title}"
                first = above[1]
        self.titles.append(title)
        self.heading_line = self.heading_line or first
        self.spans.append(field_span("heading", first, index + consumed))
        if consumed == 2:
            # The rule under the title (a rule line never gets here: _marker takes it).
            self.markers.append(UnparsedLine(index + 2, self.lines[index + 1]))
        self.is_open = False
        return consumed


# A title over a rule takes at most this many lines above its last one.
_TITLE_LINES_ABOVE: Final = 2
# A page break takes at most this many lines (a repeated classification, a page line).
_PAGE_BREAK_LINES: Final = 3
# A boxed title takes at most this many lines, each at most this long.
_BOX_LINES: Final = 3
_BOX_WIDTH: Final = 100


_SPELLED_LEVEL: Final = re.compile(_SPELLED)
# The classification of the whole text, as paragraph 1 of older cables gives it:
# ``CONFIDENTIAL-ENTIRE TEXT.``, ``C - ENTIRE TEXT``, ``LIMITED OFFICIAL USE ENTIRE TEXT``.
_ENTIRE_TEXT: Final = re.compile(
    r"(" + _SPELLED + r"|TS|LOU|C|S|U)\s*(?:-{1,2}\s*)?ENTIRE\s+TEXT\b\.?", re.IGNORECASE
)
_ENTIRE_TEXT_FIRSTS: Final = frozenset("TSCULtscul")


def _unpilcrowed(text: str) -> str:
    """A line of running text without the pilcrow that the release (the Cablegate web
    pages) put before whatever opened a line like a paragraph number: ``¶A.``, ``¶1967.``."""
    return text[1:].lstrip() if text[0] == "\u00b6" else text


def _delimiter(source: str, match: re.Match[str]) -> str:
    """What closes a paragraph number: ``.`` or ``)``."""
    char = source[match.end(1)]  # right after the digits, but for white space before it
    return char if char in ".)" else source[match.end(1) : match.end()].lstrip()[:1]


# A title alone on its line: at most this long, opening with a capital (after a quote),
# ending with neither a period, comma, semicolon or colon nor a digit (a page line the
# release wrote in lower case: ``Nairobi 00002497 002 of 002``), no phrase that frames the
# text or caption that handles it, no serial (a page line run into a title) and no
# redacted name.
_TITLE_WIDTH: Final = 80
_FRAMING: Final = re.compile(
    r"(?i:begin|end|(?:un)?quote|"
    + "|".join(re.escape(word).replace("\\ ", r"\s+") for word in CAPTION_WORDS)
    + r")\b"
)
# A serial, a redaction, a web or mail address (the tail of a sentence that gave one).
_NOT_IN_TITLE: Final = re.compile(r"\d{5}|[Xx]{10}|://|(?i:www)\.|\w@\w")


def _written_mark(marking: str) -> str:
    """A portion mark as marks are written: upper case, single spaces, a level spelled out
    abbreviated (``(SECRET/REL FRANCE)``, ``(Confidential)``)."""
    marking = marking.upper() if marking.isalpha() else " ".join(marking.upper().split())
    spelled = _SPELLED_LEVEL.match(marking)
    if spelled is not None:
        marking = _LEVEL_MARKS[spelled.group()] + marking[spelled.end() :]
    return marking


# A portion mark opening the line under a title written on the number's line.
_MARK_OPENING: Final = re.compile(r"\(\s*(" + _PORTION + r")\s*\)\s*", re.IGNORECASE)
# How many lines above an item that a wrap set at the start of a line its item before may
# stand (see _inline_item_above).
_ITEM_LINES: Final = 3
# Blank lines between that title and the marked line.
_TITLE_GAP: Final = 3


def _is_lone_title(text: str) -> bool:
    if text.startswith(("...", "\u2026")):
        # ``...While Ahmadinejad Lashes Out``: a title that goes on from the one above.
        text = text.lstrip(".\u2026 ")
        if not text:
            return False
    first = text[1:2] if text[0] in "\"'\u201c\u2018" else text[0]
    return (
        len(text) <= _TITLE_WIDTH
        and (
            text[-1] not in ".,;:0123456789"
            # ``... at "Bullying Powers," U.S.``, ``OSCE SUMMIT IN 2010``: initials or a
            # year end a title of capitalised words.
            or (_ENDS_ON_INITIALS_OR_YEAR.search(text) is not None and _capitalised(text))
        )
        and first.isupper()
        and _FRAMING.match(text) is None
        and _NOT_IN_TITLE.search(text) is None
    )


_ENDS_ON_INITIALS_OR_YEAR: Final = re.compile(
    r"(?<![A-Za-z])(?:[A-Z]\.){2,}$|(?<![\d.,/:-])(?:19|20)\d\d$"
)


def _capitalised(text: str) -> bool:
    """Every word capitalised but the small ones, as titles are and sentences are not."""
    return not any(word[0].islower() and word not in SMALL_WORDS for word in text.split())


def _title_line_above(line: str) -> bool:
    """A first line of a title of two or three over a rule: shaped as a lone title, in
    capitals or capitalised, and it may end on a comma, colon or semicolon (the title
    goes on below: ``Asset Bubbles: "Signs Are There",`` / ``But Government ...``)."""
    shape = line[:-1].rstrip() if line[-1] in ",:;" else line
    return bool(shape) and _is_lone_title(shape) and (line.isupper() or _capitalised(shape))


def _text_above(texts: Sequence[str], at: int) -> int:
    """The index of the first line of text at or above ``at``, passing over blank lines
    and the rules that stand between them; -1 if there is none."""
    while at >= 0 and (not texts[at] or _is_spaced_rule(texts, at)):
        at -= 1
    return at


def _is_spaced_rule(texts: Sequence[str], at: int) -> bool:
    """Whether ``texts[at]`` is a rule with a blank line (or nothing) on either side."""
    text = texts[at]
    return (
        bool(text)
        and text[0] in _DASHES
        and is_rule(text)
        and (at == 0 or not texts[at - 1])
        and (at + 1 == len(texts) or not texts[at + 1])
    )


# A title right under the last line of the paragraph above (no blank line between, as
# later re-keyed copies set them) is at most this long.
_TIGHT_TITLE_WIDTH: Final = 60


def _tight_title(above: str, title: str) -> bool:
    """Whether ``title``, right under the line ``above`` with no blank line between, is a
    title all the same (``... requests for information.`` / ``Taliban/Haqqani Network``):
    ``above`` ends a sentence, and ``title`` is short, ends on a letter, a digit or a
    parenthesis (a question or a quotation ends a sentence of the text instead) and
    capitalises every word but the small ones, as titles do and sentences do not."""
    return (
        len(title) <= _TIGHT_TITLE_WIDTH
        and (title[-1].isalnum() or title[-1] == ")")
        and (above[-1] in ".!" or above[-2:] in ('."', ".\u201d") or _ends_on_formula(above))
        and _capitalised(title)
    )


def _stops_mid_sentence(above: str) -> bool:
    """Whether the line ``above`` (stripped; "" for none) stops on a word or a comma, as a
    sentence that goes on to the next line does.  A redacted name (a run of X) or a
    number can end a line that ends nothing, and so can a closing formula (END SUMMARY)."""
    return (
        bool(above)
        and (above[-1].isalpha() or above[-1] in ",;")
        and not above.endswith(_REDACTED)
        and not _ends_on_formula(above)
    )


def _ends_on_formula(line: str) -> bool:
    """Whether a line ends on a closing formula, with or without a period (``END
    SUMMARY``, ``End comment.``), which ends what stands above as a sentence does.  Asked
    of most lines that end on a word: the last word is looked at before any search."""
    return (
        line[-_FORMULA_WIDTH:].rstrip(" .)").upper().endswith(_FORMULA_ENDINGS)
        and _CLOSING_FORMULA.search(line, max(0, len(line) - _FORMULA_WIDTH)) is not None
    )


# The longest closing formula (``END OF TALKING POINTS.``), with room for white space, and
# the words that end one (see _CLOSING_FORMULA).
_FORMULA_WIDTH: Final = 30
_FORMULA_ENDINGS: Final = (
    *("TEXT", "POINTS", "PAPER", "DEMARCHE", "CONSIDERED", "COMMENT", "FYI", "SUMMARY"),
    "QUOTE",
)


def _continues(above: str, title: str) -> bool:
    """Whether a title over a rule is rather the end of the sentence on the line above
    (``... went well and that`` / ``both sides agreed. End Summary.`` / ``-------``): the
    line above stops mid-sentence, and the title reads as text, not as a title (it opens
    in lower case, or ends like a sentence where a title would end with a colon or
    nothing)."""
    return _stops_mid_sentence(above) and (title[0].islower() or title[-1] in ".,;")


def _is_layout(raw: str, text: str) -> bool:
    """A page line (a page head with text run into it too), a repeated classification or
    a caption; ``text`` is ``raw`` stripped, not empty."""
    first, last = text[0], text[-1]
    return (
        (first == "P" and page_line_rest(raw) is not None)
        # Every PAGE_LINE opens with a capital or a digit; NNNN and BT, which neither open
        # with P or a digit nor end with a digit, are read below.
        or (
            ("A" <= first <= "Z" or _is_digit(first))
            and (first == "P" or _is_digit(first) or _is_digit(last))
            and _PAGE_LINE.match(raw) is not None
        )
        or (
            len(text) <= _SHORT
            and (
                _is_repeated_classification(text)
                # Captions, NNNN and BT (with blanks after them too, which PAGE_LINE
                # does not take).
                or text in _SHORT_MARKS
                or (first == "G" and _DOWNGRADING_GROUP.fullmatch(text) is not None)
            )
        )
    )


# A dash or two alone on a line above a blank line or a paragraph number: the spacer that
# some archive copies leave between paragraphs (``FOLLOW SEPTEL:`` / ``-`` / ``2.``);
# above text, the dash is a bullet whose item went to the next line.
_SPACERS: Final = frozenset({"-", "--"})
_NUMBER_FIRSTS: Final = frozenset("0123456789\u00b6")

# The group of the declassification schedule that older cables (the 1960s and 1970s)
# print alone on a line above the signer: ``GP-3``.
_DOWNGRADING_GROUP: Final = re.compile(r"GP-?\s?[1-4]")

# The first page line of a later section in the archival copies of older cables
# (``PAGE 01  BERLIN 03009 02 OF 06 151400Z`` over ``ACTION EUR-01``, the office list and
# the format lines): a routing header follows it.
_FIRST_PAGE: Final = re.compile(r"PAGE\s+0*1\s")

# The control number that the archive's copies print over each section's header.
_CONTROL_NUMBER: Final = re.compile(LEVEL_WORDS + r"\s+[A-Z]{3}\d{4}")


# A paragraph opening inside a line, with its portion mark, after the end of a sentence
# or a rule: bodies whose line ends were lost (the alx files' "compressed" copies) run
# ``... next week.  2. (C) Hurdles ...`` on one line.
# A title boxed by rules right before an opening inside a line.
# A title boxed by rules (whole, or broken by a wrap: ``---- -``) at the end of a text:
# before an opening inside a line, or after the last sentence of the paragraph above.
_BOXED_TITLE_AT_END: Final = re.compile(
    r"(?:^|(?<=\s))-{3,}(?: -+)*\s*([^\s-].{0,98}?)\s*-{3,}(?: -+)*$"
)
# The same opening as _assemble's lower-cased copy of the block texts holds it (its white
# space folded), from the period on.
_INLINE_MARK: Final = re.compile(
    rb"\. ?\((?:ts|sbu|c|s|u)(?:-n)?(?://?[a-z]{2,6}(?: [a-z]{2,6})*)*\)"
)


def _holds_inline_opening(lowered: bytes, flattened: bool = False) -> bool:
    """Whether the lower-cased block texts (see _assemble) hold a period and a portion
    mark, as a paragraph opening left inside a block does (in a ``flattened`` body, also
    with the period glued to the mark); most hold no ". (" at all, the openings at the
    start of a line being no part of any block's text."""
    # ``2.(C)``, the period glued to the mark, is looked for in flattened bodies only: a
    # search costs ~2 us a cable.
    for opening in (b". (", b".(") if flattened else (b". (",):
        found = lowered.find(opening)
        while found >= 0:
            if _INLINE_MARK.match(lowered, found):
                return True
            found = lowered.find(opening, found + 2)
    return False


# A boxed title after the last sentence of the paragraph above (_BOXED_TITLE_AT_END) is
# looked for in its last characters only; what ends a sentence before such a title.
_TRAILING_TITLE_SPAN: Final = 400
_SENTENCE_ENDS: Final = frozenset(".!?\"'\u201d)")
# A title with its own portion mark after the last sentence of a text; looked for in its
# last characters only, as long as the mark, the title and the white space between.
_TRAILING_MARKED_TITLE: Final = re.compile(
    r"\((?:U|SBU|C|S|TS)(?://?[A-Z]{2,6})?\)\s+([A-Z][^.!?]{2,98}?)\s*$"
)


def _marked_title(text: str) -> tuple[int, str] | None:
    """``... reason for optimism. (SBU) Meeting with Canada's Ambassador (7 May)``: a
    title with a portion mark of its own run on after the last sentence of ``text``;
    where the text ends without it, and the title.  The pattern opens with "(", which the
    regex engine looks for in C, and the end of the sentence before it is checked here."""
    found = _TRAILING_MARKED_TITLE.search(text, max(0, len(text) - _TRAILING_TITLE_WIDTH))
    if found is None:
        return None
    before = text[: found.start()].rstrip()
    title = found.group(1)
    if (
        not before
        or len(before) == found.start()  # no white space before the mark
        or before[-1] not in _SENTENCE_ENDS
        or not _is_lone_title(title)
        # (Particles of names may be in lower case: ``Luiz Filipe de Macedo Soares``.)
        or not _capitalised(" ".join(word for word in title.split() if len(word) > 3))
    ):
        return None
    return len(before), title


_TRAILING_TITLE_WIDTH: Final = 120
_BEFORE_INLINE: Final = frozenset(".!?\"'\u201d)-:")


# A line this long is no line of a wrapped cable (those keep to ~70 characters).
_FLATTENED_LINE: Final = 300
# A paragraph opening without a portion mark inside a flattened line: the number after a
# sentence's end or the release's pilcrow, then a capital or a quote (``... next week.
# 3. The``, ``END SUMMARY ¶2. THE``).  It opens with one character class, which the regex
# engine scans for in C (a pattern that opens with alternatives is tried at every
# character: ten times the cost on the long lines it reads).
_UNMARKED_OPENING: Final = re.compile(
    r"[.!?\"'\u201d)\u00b6](?:(?<=\u00b6) ?| {1,2}(?:\u00b6 ?)?)([0-9]{1,3})\.[ ]{1,3}"
    r"(?=[A-Z\"\u201c])"
)


def _flattened_lines(blocks: _Blocks, texts: Sequence[str], begin: int, skipped: bool) -> list[int]:
    """Indexes (of ``texts``) of long lines where paragraphs may have run on unmarked:
    in the last block (a body whose line ends were all lost runs on in the paragraph it
    opens with), and, where the numbers ``skipped`` one, in the paragraph before the
    skip (one long line among wrapped ones); only lines that hold the number that would
    come next.  Most bodies cost a look at the last block's size."""
    numbers, firsts, lasts = blocks.numbers, blocks.firsts, blocks.lasts
    if not numbers:
        return []
    # (block, the number the paragraph after it would have)
    chosen = [(len(numbers) - 1, max(filter(None, numbers), default=0) + 1)]
    if skipped:
        previous, previous_number = -1, 0
        for index, number in enumerate(numbers):
            if number is not None:
                if previous >= 0 and number > previous_number + 1:
                    chosen.append((previous, previous_number + 1))
                previous, previous_number = index, number
    lines: list[int] = []
    pieces = blocks.pieces
    starts = [*blocks.starts, len(pieces)]
    for block, following in chosen:
        # The block's pieces are its lines: their mean length says whether one of them
        # can be long, without a look at each line.
        size = sum(map(len, pieces[starts[block] : starts[block + 1]]))
        if size <= _FLATTENED_LINE * (starts[block + 1] - starts[block]) // 2:
            continue
        opening = f"{following}."
        lines.extend(
            index
            for index in range(firsts[block] - 1 - begin, lasts[block] - begin)
            if len(texts[index]) > _FLATTENED_LINE and opening in texts[index]
        )
    return sorted(set(lines))


def _inline_openings(
    texts: Sequence[str], begin: int, flattened: Sequence[int] = (), marked: bool = True
) -> dict[int, list[tuple[int, int, str | None, int]]]:
    """The paragraph openings inside the (stripped) lines, not at their start: line index
    → (column, number, portion mark, column after the opening) in order.  Every ". ("
    in the joined text is a candidate; the many that open their line (``12. (C)``) are
    passed over with one look back for the line's start; ``marked=False`` says there is
    none (_holds_inline_opening).  In the ``flattened`` lines (indexes of ``texts``),
    openings without a portion mark count too."""
    cuts: dict[int, list[tuple[int, int, str | None, int]]] = {}
    for index in flattened:
        text = texts[index]
        for unmarked in _UNMARKED_OPENING.finditer(text):
            start = unmarked.start(1)
            pilcrow = text.rfind("\u00b6", start - 2, start)
            cuts.setdefault(index + begin, []).append(
                (start if pilcrow < 0 else pilcrow, int(unmarked.group(1)), None, unmarked.end())
            )
    if not marked:
        return cuts
    body = "\n".join(texts)
    # Where each line starts in ``body``: a candidate's line by bisection, as a search
    # back to the line end (or a count of the line ends before it) would be quadratic in
    # a long line of many openings.
    starts = [0, *accumulate(len(text) + 1 for text in texts)]
    # ``2.(C)``, with no blank after the period, counts in a flattened body only.
    glued = _all_at(body, ".(") if flattened else []
    for found in sorted(_all_at(body, ". (") + _all_at(body, ".  (") + glued):
        line = bisect_right(starts, found) - 1
        line_start = starts[line]
        if found - line_start <= _OPENING_WIDTH or body[found - 1] not in _DIGITS:
            continue
        start = found - 1
        while start > line_start and body[start - 1] in _DIGITS and found - start < 3:
            start -= 1
        if body[start - 1] == "\u00b6":
            start -= 1
        elif body[start - 2 : start] == "\u00b6 ":
            start -= 2
        opening = INLINE_OPENING.match(body, start)
        before = start - 1
        while before > line_start and body[before] == " ":
            before -= 1
        # The release's pilcrow opens a paragraph after any word (``END SUMMARY ¶2. (C)``).
        if (
            opening is not None
            and before < start - 1
            and (body[before] in _BEFORE_INLINE or body[start] == "\u00b6")
        ):
            cuts.setdefault(line + begin, []).append(
                (
                    start - line_start,
                    int(opening.group(1)),
                    opening.group(2),
                    opening.end() - line_start,
                )
            )
    if flattened:
        for openings in cuts.values():
            openings.sort()
    return cuts


def _continuing(
    cuts: dict[int, list[tuple[int, int, str | None, int]]], numbers: Sequence[int | None]
) -> dict[int, list[tuple[int, int, str | None, int]]]:
    """The cuts without the unmarked openings whose number goes on from no paragraph
    read or opened before it (``... in 2007. 3. The`` inside paragraph 5): a second
    reading for them would change nothing."""
    seen = {number for number in numbers if number is not None}
    kept: dict[int, list[tuple[int, int, str | None, int]]] = {}
    for line in sorted(cuts):
        for cut in cuts[line]:
            number, marking = cut[1], cut[2]
            if marking is None and (number in seen or number - 1 not in seen):
                continue
            seen.add(number)
            kept.setdefault(line, []).append(cut)
    return kept


# An opening at the start of its line ends its number at most this far in (``¶ 123``).
_OPENING_WIDTH: Final = 5


def _all_at(text: str, part: str) -> list[int]:
    """Where ``part`` stands in ``text``, each place."""
    places = []
    found = text.find(part)
    while found >= 0:
        places.append(found)
        found = text.find(part, found + 1)
    return places


def _special_end(text: str) -> bool:
    """Whether the end of a line can end a page line, a rule or a ``Title ---`` heading."""
    last = text[-1]
    if last in _DIGITS or (last > "\x7f" and last.isdecimal()):
        # A line that opens with neither a digit nor P is a page line only if it ends
        # like MADRID 00000869  002 OF 004: white space and three digits; or the control
        # number over a later section's archival header (UNCLASSIFIED     PTQ0106); or
        # the downgrading group (GP-3).
        return (
            (text[-4:-3].isspace() and text[-3:].isdecimal())
            or (text[-8:-7].isspace() and text[-7:-4].isalpha() and text[-4:].isdecimal())
            or (text[0] == "G" and len(text) <= 5)
        )
    return last in _DASHES and (text[0] in _DASHES or text.endswith(RULE_ENDINGS))


def _is_digit(char: str) -> bool:
    """What \\d matches: a decimal digit, ASCII or not."""
    return char in _DIGITS or (char > "\x7f" and char.isdecimal())


class _Probe:
    """The stripped lines of the body, and what they can hold, read together once.

    Every block is made of pieces of these lines, so a test that fails here spares a later
    step on each block: folding white space, counting redactions.
    """

    __slots__ = ("only_spaces", "texts")

    def __init__(self, lines: Sequence[str], only_spaces: bool):
        self.texts = list(map(str.strip, lines))
        self.only_spaces = only_spaces


def _assemble(
    blocks: _Blocks, probe: _Probe
) -> tuple[list[Paragraph], list[TextBlock], int, bytes]:
    """The paragraphs, the unnumbered text blocks, the count of redactions, and the ASCII
    lower case of all the texts as Latin-1 bytes (see summary.may_hold_summary)."""
    # Where the ASCII space is the only white space, folding is squeezing runs of spaces
    # (the pieces are stripped and none is empty).
    fold = _squeeze if probe.only_spaces else fold_space
    texts = [fold(text) for text in blocks.joined()]
    headings = blocks.headings
    for index in range(1, len(texts)):
        if headings[index] is not None or blocks.numbers[index] is None:
            continue
        above = texts[index - 1]
        found = None
        if above.endswith("-"):
            # ``... security officials. ---- Security Implementation Uneven ----`` / blank /
            # ``4.(S/NF) ...``: a boxed title left at the end of the paragraph above.
            title = _BOXED_TITLE_AT_END.search(above, max(0, len(above) - _TRAILING_TITLE_SPAN))
            before = above[: title.start()].rstrip() if title is not None else ""
            if title is not None and before[-1:] in _SENTENCE_ENDS:
                found = (len(before), title.group(1))
        elif ") " in above[-_TRAILING_TITLE_WIDTH:]:
            found = _marked_title(above)
        if found is not None:
            if headings is blocks.headings:
                headings = list(headings)
            texts[index - 1] = above[: found[0]]
            headings[index] = found[1]
    # One lower case for the screens of redactions, comments and the summary: only X and
    # x lower to x, and bytes.lower() is several times faster than str.lower() past Latin-1.
    # Latin-1 with "?" for what it cannot hold keeps every ASCII letter where it stands, and
    # no other character is an ASCII letter: the screens look for ASCII words only.  It
    # encodes several times faster than UTF-8 where curly quotes make the text two bytes a
    # character.
    lowered = "\x00".join(texts).encode("latin-1", "replace").lower()
    counts = _redactions(texts, lowered) if b"xxxxxxxxxx" in lowered else [0] * len(texts)
    paragraphs: list[Paragraph] = []
    text_blocks: list[TextBlock] = []
    for number, marking, heading, first, last, text, count in zip(
        blocks.numbers,
        blocks.markings,
        headings,
        blocks.firsts,
        blocks.lasts,
        texts,
        counts,
        strict=True,
    ):
        # Not from the shared spans: a paragraph's lines seldom recur, and a miss costs more.
        span = Span(first, last if last > first else first)
        if number is not None:
            paragraphs.append(Paragraph(number, marking, heading, text, span, count))
        elif text:
            text_blocks.append(TextBlock(text, span))
    total = sum(counts)
    for heading in headings:
        # Headings are body text too (``XXXXXXXXXXXX "Pragmatic" on Protests``).
        if heading is not None and "xxxxxxxxxx" in heading.lower():
            total += len(_REDACTION.findall(heading))
    return paragraphs, text_blocks, total, lowered


def _redactions(texts: Sequence[str], lowered: bytes) -> list[int]:
    """The count of _REDACTION matches in each text; ``lowered`` is the ASCII lower case of
    the texts joined by NUL, as Latin-1 bytes ("?" for what Latin-1 cannot hold)."""
    pieces = lowered.split(b"\x00")
    if len(pieces) != len(texts):  # a NUL inside a text
        return [len(_REDACTION.findall(text)) for text in texts]
    return [_count_redactions(piece) if b"xxxxxxxxxx" in piece else 0 for piece in pieces]


def _count_redactions(lowered: bytes) -> int:
    """len(_REDACTION.findall(text)) for the text of which ``lowered`` is the ASCII lower
    case as Latin-1 bytes ("?" for what Latin-1 cannot hold).

    _REDACTION opens with a lookbehind, so findall tries it at every character.  A match is
    a whole run of X and x (greedy, and no letter may follow it), so the runs of ten x in
    the lower case are found with bytes.find() and their ends checked: 10 to 14 long, no
    ASCII letter on either side.  In the lower case the ASCII letters are a to z, an X is
    x, and no byte of a character past ASCII is a letter.
    """
    count = 0
    start = lowered.find(b"xxxxxxxxxx")
    while start >= 0:
        # The first run of ten after the end of the last run: the whole run starts here.
        end = start + 10 + _more_x(lowered, start + 10)
        if (
            end - start <= 14
            and not (start and lowered[start - 1] in _LOWER_LETTERS)
            and not (end < len(lowered) and lowered[end] in _LOWER_LETTERS)
        ):
            count += 1
        start = lowered.find(b"xxxxxxxxxx", end)
    return count


def _more_x(lowered: bytes, start: int) -> int:
    """How many x follow from ``start`` on (a regex, not a loop: a run may be long)."""
    run = _X_RUN.match(lowered, start)
    return run.end() - start if run else 0


def _squeeze(text: str) -> str:
    """Runs of spaces become one space: fold_space, for a stripped text whose only white
    space is the ASCII space, several times faster than splitting it into words."""
    # str.replace returns the text itself when it holds no double space: one scan where a
    # test before it took a second one.
    squeezed = text.replace("  ", " ")
    while squeezed is not text:
        text = squeezed
        squeezed = text.replace("  ", " ")
    return text


# ``Visit Embassy Amman's classified website at`` / ``http://www.state.sgov.gov/...``,
# ``Please visit Paris' Classified Website at:``, set off by rules of stars or not.
_PLUG_OPENING: Final = re.compile(r"[\s*\"\u201c]*(?:please\s+)?visit\b", re.IGNORECASE)
_PLUG_SITE: Final = re.compile(r"classified\s+(?:siprnet\s+)?web\s*site", re.IGNORECASE)
# The plug stands among the last lines of text.
_PLUG_LINES: Final = 8


def _website_plug(lines: Sequence[str], begin: int, stop: int) -> int | None:
    """The first line of the classified web site plug among the last lines before
    ``stop``; None when there is none.  No line of it or under it opens with a paragraph
    number."""
    seen = 0
    index = stop - 1
    following = ""  # the next line of text below ``index``
    while index >= begin and seen < _PLUG_LINES:
        text = lines[index].strip()
        if text:
            if text[0] in _DIGITS or text[0] == "\u00b6":  # a paragraph number, mostly
                return None
            # One memchr per line spares most lines the patterns.
            if (
                ("isit" in text or "ISIT" in text)
                and _PLUG_OPENING.match(text)
                and (_PLUG_SITE.search(text) or _PLUG_SITE.search(following))
            ):
                return _plug_top(lines, begin, index)
            following = text
            seen += 1
        index -= 1
    return None


# Lines of the plug above the one that names the site: the rule of stars that boxes it, a
# web address, another invitation (``For more reporting from Embassy Kuwait, visit:``).
_PLUG_PART: Final = re.compile(
    r"\*[\s*]*|(?:https?://|www\.)\S*(?: \S{1,6})?"
    r"|[^.]{0,60}\bvisit:|(?:please\s+)?visit\b[^.]{0,60}:",
    re.IGNORECASE,
)


def _plug_top(lines: Sequence[str], begin: int, index: int) -> int:
    """The first line of the plug whose site line is ``index``, taking in the plug's
    lines right above it (blank lines between them)."""
    top = index
    above = index - 1
    while above >= begin and index - above <= _PLUG_LINES:
        text = lines[above].strip()
        if text:
            if _PLUG_PART.fullmatch(text) is None:
                break
            top = above
        above -= 1
    return top


def _find_signature(
    lines: Sequence[str], begin: int, end: int, below_cut: bool = False
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
    written = lines[index].strip()
    if _is_release_cut(written):
        # ``TRIVELLI`` / blank / ``DANIEL ORTEGA AN...``: under the signer, the web
        # release's preview of the subject, cut off; trailer when a signer stands above
        # (looked for once: below_cut).
        if not below_cut:
            signer, at, below = _find_signature(lines, begin, index, below_cut=True)
            if signer is not None:
                return signer, at, sorted([*below, index, *trailer])
        return None, None, []
    candidate = _strip_decoration(written)
    if (
        not _SIGNATURE.match(candidate)
        or _SENTENCE_END.search(candidate)
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
    if is_rule(before):
        return None, None, []
    return _tidy_signer(candidate), index, sorted(trailer)


def _is_release_cut(text: str) -> bool:
    """``DANIEL ORTEGA AN...``: the web release cut the text off there."""
    return text.endswith("...") and text[-4:-3].isalpha()


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
        or is_rule(text)
        or is_level_word_piece(text)
    )


def _glued_signature(text: str) -> tuple[str, str | None]:
    """``... next week. Beyrle`` → (text without the signer, signer)."""
    glued = _GLUED_SIGNATURE.search(text, _last_words(text))
    if glued is None or _NOT_SIGNATURE.match(glued.group(1)):
        return text, None
    words = glued.group(1).split()
    if any(w.upper() in _SENTENCE_OPENERS or (len(w) < 3 and w not in _SUFFIXES) for w in words):
        return text, None  # a sentence cut off after its first words
    tail = text[: glued.start()].rstrip()
    # In an all-caps cable the last words may just be text; there the signer is taken
    # after a closing formula (END TEXT., MINIMIZE CONSIDERED.), as it is after a short
    # text (a block of its own: ``END TALKING POINTS. RICE``), or when it is one word
    # without a period (``... THE ABOVE QUESTIONS. CLINTON``).
    formula = _CLOSING_FORMULA.search(tail, _last_words(tail)) is not None
    single = len(words) == 1 and len(words[0]) >= 4 and not text.endswith(".")
    if (len(tail) < 20 or (tail == tail.upper() and not single)) and not formula:
        return text, None
    return tail, _tidy_signer(glued.group(1))


def _last_words(text: str) -> int:
    """Where the last four words of ``text`` (and the white space before them) start.

    A match of _GLUED_SIGNATURE or _CLOSING_FORMULA ends the text and spans at most four
    words, so it is searched for from here rather than from the start: neither pattern
    opens with a literal, and a search tries them at every character before.
    """
    words = text.rsplit(None, 4)
    return len(words[0]) if len(words) == 5 else 0


def _heading_at(lines: Sequence[str], index: int, end: int) -> tuple[str, int] | None:
    """A heading at ``index``: ``Title -----``, or a title line followed by a dash line.

    The caller has checked that the line does not open a numbered paragraph.
    """
    text = lines[index].strip()
    if len(text) > 120:
        return None
    # ``Title -----``: a run of 3+ dashes ending the line, after white space.  String
    # methods instead of a regex search, which backtracked on long runs of white space.
    if text.endswith(RULE_ENDINGS):
        title = text.rstrip(DASH_CHARS)
        if title[-1:].isspace():
            # Flattened boxes keep the upper rule too: ------- SUMMARY -------
            title = title.strip().lstrip(DASH_CHARS).strip()
            return (title, 1) if title else None
    if index + 1 < end and is_rule(lines[index + 1]):
        if "  " in text:
            # Padding before a period that closes the title (``FOREIGN MINISTER     .``)
            # is layout, as that period is.
            text = fold_space(text[:-1] if text.endswith("  .") else text)
        return text, 2
    return None


def _unexpected_number(
    match: re.Match[str], number: int, previous: int, sink: DefectSink, line: int, above: str
) -> int | None:
    """A paragraph number that does not follow ``previous``: mangled, out of sequence, or
    no paragraph number at all (None), or a number that goes on with the sentence of the
    line above (-1).  ``above`` is that line, stripped, when it is running text of the
    open block; "" otherwise."""
    expected = previous + 1
    if match.group(2) is None and _stops_mid_sentence(above):
        # No portion mark, and the line above stops mid-sentence on a word: a number
        # wrapped onto the start of a line (``... on October`` / ``6. END SUMMARY.``),
        # which the release marked with a pilcrow like any paragraph number.
        return -1
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
