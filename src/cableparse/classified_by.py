"""The Classified By field: the classifying authority and the reasons (``1.4(b)``).

``Classified By: <title and name>[, for|;|.] reason(s) 1.4 (b) and (d)``, in the many
spellings real cables use: ``REASON: 1.5 (B), (C) AND (D)``, ``1.4 (b,d)``, ``1.4 b/d``,
``1.4(b)(d)``, ``1,4``, reasons on the next line, a line wrap inside a word (``REA`` /
``SONS``), the label repeated (``Classified By: CLASSIFIED BY ...``), a portion mark or a
paragraph number before it.  Every pattern here is matched once per position, so a field of
any length is read in linear time.
"""

from __future__ import annotations

import re
from typing import Final

from .defects import DefectCode
from .memo import remember
from .model import ClassifiedBy, UnparsedLine
from .policy import DefectSink
from .text import fold_space

__all__ = ["names_guide", "read_classified_by", "reasons_in"]

_LABEL: Final = re.compile(r"(?i:clas?s?i?f?i?e?d\s+by)\b\s*:?|(?i:derived\s+from)\s*:")
# A derivative classification names the guide and its reasons by letter:
# ``DERIVED FROM: DSCG 05-1 B, D`` (the State Department's classification guide).
_GUIDE: Final = re.compile(
    r"(?i:(DSCG\s+\d{2}-\d{1,2})\s+([a-h](?:\s*(?:,|/|&|and)\s*[a-h])*))\s*\.?"
)
# What may stand before the authority: white space, punctuation, a portion mark ``(U)``, a
# paragraph number ``1.``, the label again (``CLASSIFIED CONFIDENTIAL BY``), ``This message
# classified by``.
_LEADING: Final = re.compile(
    r"(?:[\s,;:.\-]+|\(\s*[A-Za-z/]{1,6}\s*\)|¶?\d{1,2}\s*[.)](?!\d)"
    r"|(?i:(?:this\s+(?:message|cable|telegram)\s+(?:is\s+)?)?clas?s?i?f?i?e?d\s+"
    r"(?:(?:confidential|secret|top\s+secret)\s+)?by\b\s*:?))"
)
# The word "reason(s)" and the misspellings cables carry (reaons, resons, REAS0N, Reas).
_REASON_WORD: Final = re.compile(
    r"(?i:\b(?:reasons?|reason\(s\)|reaons?|resons?|rasons?|reas0ns?|reasosn|reas)(?![a-z]))"
)
# A reason number where no reason word precedes it: ``KATTOUF - 1.5 B,D``.
_NUMBER_STRICT: Final = re.compile(r"(?<![\w.])1\s?[.,]\s?[2-9](?!\d)")
# Inside the reason clause numbers may be mangled: ``1:4``, ``1/4``, ``14``, ``1. 4``.
_NUMBER: Final = re.compile(r"(?<![\d.])1\s*[.,:/]?\s*([2-9])(?!\d)")
_LETTER_GROUP: Final = re.compile(r"\(\s*[a-hA-H]\s*[),/&]")
_LETTER: Final = re.compile(r"(?<![A-Za-z])\(?\s*([a-hA-H])\s*\)?(?![A-Za-z])")
# The first word after the letters that is no connective ends the reason list.
_END_OF_LETTERS: Final = re.compile(r"(?i:\b(?!(?:and|or)\b)[a-z]{2,})")
# Words that join the authority to the reasons: ``for``, ``per``, ``under Section``,
# ``based on E.O. 12958``, ``due to``, and their typos (``FR``, ``F0R``, ``0N``).
_CONNECTIVES: Final = frozenset(
    [
        "for",
        "fr",
        "f0r",
        "per",
        "under",
        "based",
        "on",
        "0n",
        "upon",
        "due",
        "to",
        "section",
        "sections",
        "sec",
        "para",
        "paragraph",
        "and",
        "e.o",
        "e.o.",
        "eo",
        "of",
        "classification",
        "reason",
        "reasons",
    ]
)
_ORDER_NUMBER: Final = re.compile(r"(?i:(?:e\.?\s?o\.?)?\d{5})")
_ABBREVIATION_END: Final = re.compile(r"(?i:\b(?:jr|sr|a\.i|inc|esq)\.)$")
# Lines that a page break leaves inside the field.
_PAGE_LINE: Final = re.compile(
    r"^\s*(?:PAGE\s+\d+\b.*|(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|"
    r"LIMITED OFFICIAL USE)\s*)$"
)
# A match can only start where a word does (the search resumes at one after a match), so
# the look-behind changes no match; it spares running \S+ from inside every word.
_BROKEN_WORD: Final = re.compile(r"(?<!\S)(\S+)[ \t]*(\n(?:[ \t]*\n)*)[ \t]*(?=(\S+))")
# Words that a line wrap cut in two: ``REA`` / ``SONS``, ``a`` / ``nd``, ``f`` / ``or``.
_WRAPPED_WORDS: Final = frozenset({"for", "reason", "reasons", "and", "section"})
# The web copy cut a Classified By line at this width, also inside a word (a space that fell
# there went with the cut: 71 is also the width of a line that ends a word).
_WRAP_WIDTH: Final = 71
# Lower-case words that open the next line after such a cut on their own.
_WHOLE_WORDS: Final = frozenset(
    {
        "for",
        "and",
        "or",
        "of",
        "per",
        "a.i",
        "ad",
        "reason",
        "reasons",
        "reas",
        "the",
        "to",
        "in",
        "on",
        "at",
        "under",
        "de",
        "da",
        "del",
        "van",
        "von",
        "y",
        "e.o",
        "based",
        "due",
    }
)
# The same cut, rejoined by the web copy with a space: ``1.4 (B) A ND (D)``, ``(b) an d (d)``
# (else the ``A`` reads as reason (a) and ``an`` ends the letters).
_SPACED_AND: Final = re.compile(r"(?i:\b(?:a\s+nd|an\s+d)\b)")


def names_guide(line: str) -> bool:
    """Whether a Classified By line gives a classification guide and its reasons by letter
    (``DERIVED FROM: DSCG 05-1 B, D``): it needs no reason number after it."""
    return _GUIDE.search(line) is not None


def read_classified_by(
    text: str,
    sink: DefectSink,
    line: int,
    unparsed: list[UnparsedLine] | None = None,
    last: int | None = None,
) -> ClassifiedBy:
    """``Classified By: <authority>, reason(s) 1.4 (b) and (d)`` → authority and reasons.

    ``text`` is the field's lines joined by newlines, the first one being input line
    ``line``.  Lines after the reasons that name none (text the segmentation could not tell
    apart) are reported as unparsed lines, so that nothing is lost silently: a defect each,
    and a record in ``unparsed`` when the caller keeps them.  ``last``, the input line of
    the field's last line, numbers them from the end (a blank line inside the field has no
    line of ``text``).
    """
    if "\n" in text:
        lines = _mended_lines(text)
        # reasons_in names a reason for every reason number it finds: one number is enough.
        extra = _trailing_lines(lines) if _NUMBER.search(" ".join(lines)) else 0
        body = fold_space(" ".join(lines[: len(lines) - extra]))
    else:  # one line: nothing to mend, no line after the reasons
        extra = 0
        body = fold_space("" if _PAGE_LINE.match(text) else text)
    label = _LABEL.search(body)
    if label is not None:
        body = body[label.end() :]
    body = _skip_leading(body)
    guide = _GUIDE.fullmatch(body)
    if guide is not None:
        letters = _LETTER.findall(guide.group(2))
        return ClassifiedBy(guide.group(1), tuple(f"1.4({x.lower()})" for x in letters))
    starts = [m.start() for m in (_REASON_WORD.search(body), _NUMBER_STRICT.search(body)) if m]
    if starts:
        cut = min(starts)
        authority, clause = body[:cut], body[cut:]
    else:
        authority, clause = body, ""
    reasons = _REASONS.get(clause) or _reasons(clause)
    if not reasons:
        sink.report(
            DefectCode.CLASSIFIED_BY_INVALID, f"Classified By names no reason: {text!r}", line
        )
    if extra:
        raw = text.split("\n")
        for index in range(len(raw) - extra, len(raw)):
            if raw[index].strip() and not _PAGE_LINE.match(raw[index]):
                number = line + index if last is None else last - (len(raw) - 1 - index)
                sink.report(
                    DefectCode.UNPARSED_LINE,
                    f"text after the Classified By reasons: {raw[index].strip()!r}",
                    number,
                )
                if unparsed is not None:
                    unparsed.append(UnparsedLine(number, raw[index]))
    return ClassifiedBy(_trim_authority(authority) or None, reasons)


def _mended_lines(text: str) -> list[str]:
    """The field's lines, page-break lines blanked and words cut by a wrap mended.

    Mending joins lines only up to the reasons (a word of the authority or of the reason
    clause cut in two), never after them, so counted from the end the lines still match
    the input lines.
    """
    lines = ["" if _PAGE_LINE.match(line) else line for line in text.split("\n")]
    joined = "\n".join(lines)
    if "\n" in joined:
        joined = _BROKEN_WORD.sub(_mend, joined)
    return joined.split("\n")


def _trailing_lines(lines: list[str]) -> int:
    """How many lines at the end follow the reasons without naming any."""
    count = 0
    while count < len(lines) - 1:
        text = lines[len(lines) - 1 - count]
        if text.strip():
            names_reason = (
                _NUMBER.search(text) or _REASON_WORD.search(text) or _LETTER_GROUP.search(text)
            )
            if names_reason or not _END_OF_LETTERS.search(text):
                break
        count += 1
    # Blank lines right after the reasons are no extra text.
    while count and not lines[len(lines) - count].strip():
        count -= 1
    return count


def _mend(match: re.Match[str]) -> str:
    head, breaks, tail = match.group(1), match.group(2), match.group(3)
    word = (head + tail).rstrip(":.,;").lower()
    if word in _WRAPPED_WORDS and head.lower() not in _WRAPPED_WORDS:
        return head
    if breaks == "\n" and _cut_inside_word(match, head, tail):
        return head
    # Keep every line end, so that lines counted from the end still match the input.
    return head + breaks


def _cut_inside_word(match: re.Match[str], head: str, tail: str) -> bool:
    """Whether the web copy's hard wrap of the field at 71 columns cut a word in two
    (``... Coordinator Hoyt Y`` / ``ee for reasons``, ``Michae`` / ``l Corbin``): the line
    is exactly that wide, a letter ends it, and the next opens with a lower-case letter
    that starts no word of its own (``for``, ``a.i.``, ``reasons``), or, in capitals,
    with a letter alone that is no word (``ECONOMIC AFFAIR`` / ``S ROBERT LUKE``).  Only
    before the reasons: their letters are words of one letter (``(b and`` / ``d)``)."""
    start = match.string.rfind("\n", 0, match.start()) + 1
    return (
        match.end(1) - start == _WRAP_WIDTH
        and head[-1].isalpha()
        and (
            tail[0].islower()
            or (len(tail) == 1 and tail not in "AI" and tail.isupper() and head.isupper())
        )
        and tail.rstrip(",;:.").lower() not in _WHOLE_WORDS
        and _NUMBER_STRICT.search(match.string, start, match.end(1)) is None
    )


def _skip_leading(body: str) -> str:
    position = 0
    while True:
        match = _LEADING.match(body, position)
        if match is None or match.end() == position:
            return body[position:]
        position = match.end()


def _trim_authority(text: str) -> str:
    """The authority without the words that lead to the reasons (``, for``, ``E.O. 12958``)."""
    words = text.split()
    while words:
        last = words[-1]
        core = last.strip(",;:.-–/()").lower()
        if not core or core in _CONNECTIVES or _ORDER_NUMBER.fullmatch(core):
            words.pop()
            continue
        if _ABBREVIATION_END.search(last.rstrip(",;:-")):
            words[-1] = last.rstrip(",;:-")
        else:
            words[-1] = last.rstrip(",;:.-–/")
        if not words[-1]:
            words.pop()
            continue
        break
    return " ".join(words)


# Reason clauses as written → their reasons: a few spellings (``reasons 1.4 (b) and (d).``)
# make up most of them (a bounded memo, see memo.py).
_REASONS: dict[str, tuple[str, ...]] = {}


def _reasons(clause: str) -> tuple[str, ...]:
    return remember(_REASONS, clause, tuple(reasons_in(clause)))


def reasons_in(text: str) -> list[str]:
    """Reasons named in ``text``, normalised: ``1.4 (B) AND (D)`` → ``1.4(b)``, ``1.4(d)``."""
    reasons: list[str] = []
    text = _SPACED_AND.sub("and", text)
    numbers = list(_NUMBER.finditer(text))
    for i, number in enumerate(numbers):
        stop = numbers[i + 1].start() if i + 1 < len(numbers) else len(text)
        tail = text[number.end() : stop]
        end = _END_OF_LETTERS.search(tail)
        if end is not None:
            tail = tail[: end.start()]
        section = f"1.{number.group(1)}"
        letters = [m.group(1).lower() for m in _LETTER.finditer(tail)]
        if not letters and section not in reasons:
            reasons.append(section)
        for letter in letters:
            reason = f"{section}({letter})"
            if reason not in reasons:
                reasons.append(reason)
    return reasons
