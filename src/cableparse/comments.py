"""The drafter's comments inside paragraphs: ``COMMENT: ... END COMMENT``.

Read from the body's paragraphs once they are joined and folded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .model import Paragraph
from .text import search_at_word

__all__ = ["find_comments"]

# A comment runs from its opening (at the start of the text or after white space or "(")
# to the first END COMMENT after it, within one line.  The opening pattern starts with a
# character class so that the regex engine can skip ahead; _Words.comment_opening checks what
# precedes it.
_COMMENT_OPEN: Final = re.compile(
    r"[BbCc](?:(?<=[Bb])EGIN\s+COMMENT|(?<=[Cc])OMMENT)\s*[:.\-]+\s*", re.IGNORECASE
)
_COMMENT_CLOSE: Final = re.compile(r"\s*[(\[]?\s*\bEND\s+COMMENT\b", re.IGNORECASE)
# ``Comment continued:``, ``COMMENT (CONT'D):``: a paragraph that goes on with the comment
# a paragraph above opened.
_COMMENT_GOES_ON: Final = re.compile(
    r"(?:BEGIN\s+)?COMMENT,?\s*\(?(?:CONTINUED|CONT'?D|CONT)\b\.?\)?\s*[:.\-]*\s*", re.IGNORECASE
)
# Any closing, ``END SUMMARY AND COMMENT`` too: above a closing that no opening precedes,
# a paragraph that holds one does not open the comment that closing ends.
_ANY_CLOSE: Final = re.compile(
    r"\bEND\s+(?:OF\s+)?(?:SUMMARY\s*(?:AND|&)\s*)?COMMENTS?\b", re.IGNORECASE
)
# A comment that runs over several paragraphs opens at most this many paragraphs above
# the one that closes it.
_COMMENT_PARAGRAPHS: Final = 6
_END_COMMENT: Final = re.compile(r"end\s+comment")


def _with_end_comment(
    paragraphs: Sequence[Paragraph], lowered: bytes, numbers: Sequence[int | None]
) -> list[int]:
    """The indexes of the paragraphs in which _END_COMMENT finds END COMMENT in the lower
    case.

    ``lowered`` is the ASCII lower case of the texts of all blocks as Latin-1 bytes (numbers:
    their paragraph numbers, None for an unnumbered block) joined by NUL, as the body reader made
    them.  The texts are folded (the ASCII space is their only white space), and no
    character past ASCII has e, n, d, c, o, m or t for lower case, so "end comment" there
    finds the same closings.  A signer cut off the last paragraph later only shortens it.
    """
    each = lowered.split(b"\x00")
    if len(each) != len(numbers):  # a NUL inside a text
        return [i for i, p in enumerate(paragraphs) if _END_COMMENT.search(p.text.lower())]
    paragraph_lowered = [
        low for low, number in zip(each, numbers, strict=True) if number is not None
    ]
    return [i for i, low in enumerate(paragraph_lowered) if b"end comment" in low]


# A paragraph under the heading ``Comment`` (``COMMENT``, ``Comment: Devolution and
# Foreign Policy``) opens a comment that its END COMMENT closes.
_COMMENT_HEADING: Final = re.compile(r"(?i:comment)\b")


def find_comments(
    paragraphs: Sequence[Paragraph], lowered: bytes, numbers: Sequence[int | None]
) -> tuple[str, ...]:
    """The comments: those END COMMENT closes, in order, then the one the last paragraph
    leaves open (see _final_comment).  ``lowered`` and ``numbers`` as _with_end_comment
    takes them."""
    comments = _closed_comments(paragraphs, lowered, numbers) if b"end comment" in lowered else []
    final = _final_comment(paragraphs)
    if final is not None:
        comments.append(final)
    return tuple(comments)


def _closed_comments(
    paragraphs: Sequence[Paragraph], lowered: bytes, numbers: Sequence[int | None]
) -> list[str]:
    comments: list[str] = []
    for index in _with_end_comment(paragraphs, lowered, numbers):
        paragraph = paragraphs[index]
        text = paragraph.text
        words = _Words(text)
        # Openings and closings are searched separately: one lazy pattern spanning both
        # rescanned the rest of the paragraph for every opening without a closing.
        closing = words.comment_closing(0)
        if closing is None:
            continue  # "end comment" only inside other words (``... the end comments``)
        first = words.comment_opening(0)
        opening = first
        while (
            opening is not None
            and opening.start() < closing.start()
            and not _is_opening(text, opening)
        ):
            opening = words.comment_opening(opening.end())
        position = 0
        if opening is None or opening.start() > closing.start():
            # A closing before any opening: the heading opened the comment, or a paragraph
            # above did and it ran on to here.
            heading = paragraph.heading
            under_heading = heading is not None and _COMMENT_HEADING.match(heading) is not None
            above = None if under_heading else _opened_above(paragraphs, index)
            if under_heading or above is not None:
                inside = text[: closing.start()]
                comment = inside.strip(" .") if above is None else _carried(above, inside)
                if comment:
                    comments.append(comment)
                position = closing.end()
        # The first opening and closing are known: the first closing after the first
        # opening is the first closing, where that comes after it.
        opening = first if position == 0 else words.comment_opening(position)
        while opening is not None:
            if closing is None or closing.start() < opening.end():
                closing = words.comment_closing(opening.end())
                if closing is None:
                    break  # no closing after this opening, so none after any later one
            inside = text[opening.end() : closing.start()]
            if "\n" in inside:
                position = opening.start() + 1
            else:
                inside = inside.strip(" .")
                if inside:
                    comments.append(inside)
                position = closing.end()
            opening = words.comment_opening(position)
    return comments


def _final_comment(paragraphs: Sequence[Paragraph]) -> str | None:
    """The comment that the last paragraph opens (``Comment: ...``, or its ``Comment``
    heading) and that the cable ends without an END COMMENT, as a fifth of the corpus
    pages close their last word (269 of 1,295)."""
    if not paragraphs:
        return None
    last = paragraphs[-1]
    text = last.text
    opening = _COMMENT_OPEN.match(text) if text[:1] in "BbCc" else None
    under_heading = last.heading is not None and _COMMENT_HEADING.match(last.heading)
    # ``Comment continued: ...`` goes on with a comment a paragraph above opened.
    goes_on = (
        _COMMENT_GOES_ON.match(text)
        if opening is None and not under_heading and text[:1] in "BbCc"
        else None
    )
    if (opening is None and not under_heading and goes_on is None) or _END_COMMENT.search(
        text.lower()
    ):
        return None  # no comment, or one that _closed_comments read
    if goes_on is not None:
        above = _opened_above(paragraphs, len(paragraphs) - 1)
        return None if above is None else _carried(above, text) or None
    return text[opening.end() if opening is not None else 0 :].strip(" .") or None


def _carried(above: list[str], text: str) -> str:
    """A comment that paragraphs above opened (``above``, as _opened_above gives them)
    and that ``text``, a paragraph's part, carries on, without a ``Comment continued:``."""
    return " ".join([*above, _without_goes_on(text).strip(" .")]).strip(" .")


def _without_goes_on(text: str) -> str:
    """``text`` without a ``Comment continued:`` label opening it."""
    goes_on = _COMMENT_GOES_ON.match(text)
    return text if goes_on is None else text[goes_on.end() :]


def _opened_above(paragraphs: Sequence[Paragraph], index: int) -> list[str] | None:
    """The parts of a comment that the paragraph at ``index`` goes on with, from the
    paragraphs above it, in order: from an opening that no closing follows (or a
    paragraph under a Comment heading) to the paragraph above ``index``; None if there is
    none within _COMMENT_PARAGRAPHS paragraphs."""
    parts: list[str] = []
    for above in range(index - 1, max(index - 1 - _COMMENT_PARAGRAPHS, -1), -1):
        paragraph = paragraphs[above]
        text = paragraph.text
        words = _Words(text)
        opening = None
        found = words.comment_opening(0)
        while found is not None:
            if _is_opening(text, found):
                opening = found
            found = words.comment_opening(found.end())
        if words.any_closing(0 if opening is None else opening.end()):
            return None  # a comment that closed before the paragraph at ``index``
        if opening is not None:
            parts.append(text[opening.end() :].strip())
        elif paragraph.heading is not None and _COMMENT_HEADING.match(paragraph.heading):
            parts.append(text.strip())
        else:
            parts.append(_without_goes_on(text))
            continue
        parts.reverse()
        return [part for part in parts if part]
    return None


def _is_opening(text: str, opening: re.Match[str]) -> bool:
    """Whether a match of _COMMENT_OPEN opens a comment where no closing follows it in its
    paragraph to tell: a colon or dash after the word, or the word at the start of the
    text, a sentence or a parenthesis (not ``... declined to comment.``)."""
    if ":" in opening.group() or "-" in opening.group():
        return True
    # The character before, past white space: read back one at a time, not as a slice of
    # everything before (a paragraph may hold thousands of openings).
    at = opening.start() - 1
    while at >= 0 and text[at].isspace():
        at -= 1
    return at < 0 or text[at] in '.!?;(["\u201d'


class _Words:
    """_COMMENT_OPEN and _COMMENT_CLOSE searches in one text, as str.find() in its lower case.

    Neither pattern opens with a literal, so a search tries it at nearly every character.
    Under IGNORECASE the letters of END and COMMENT match only themselves in either case,
    so every match has "comment" or "end" at a known place in the lower case text; the
    pattern is matched there only.
    """

    __slots__ = ("lowered", "text")

    def __init__(self, text: str):
        self.text = text
        lowered = text.lower()
        # İ lowers to two characters, and then positions would shift.
        self.lowered = lowered if len(lowered) == len(text) else None

    def comment_opening(self, position: int) -> re.Match[str] | None:
        """The first opening after white space or an opening bracket, from ``position`` on."""
        text = self.text
        while True:
            opening = self._open(position)
            if opening is None:
                return None
            start = opening.start()
            if start == 0 or text[start - 1].isspace() or text[start - 1] in "([":
                return opening
            position = start + 1

    def _open(self, position: int) -> re.Match[str] | None:
        """_COMMENT_OPEN.search(text, position)."""
        text, lowered = self.text, self.lowered
        if lowered is None:
            return _COMMENT_OPEN.search(text, position)
        found = lowered.find("comment", position)
        while found >= 0:
            # BEGIN COMMENT starts at the B five characters before the white space.
            begin = found
            while begin and text[begin - 1].isspace():
                begin -= 1
            if begin < found and begin - 5 >= position:
                opening = _COMMENT_OPEN.match(text, begin - 5)
                if opening is not None:
                    return opening
            opening = _COMMENT_OPEN.match(text, found)
            if opening is not None:
                return opening
            found = lowered.find("comment", found + 1)
        return None

    def any_closing(self, position: int) -> bool:
        """Whether _ANY_CLOSE finds a closing from ``position`` on."""
        if self.lowered is None:
            return _ANY_CLOSE.search(self.text, position) is not None
        return search_at_word(_ANY_CLOSE, self.text, self.lowered, "end", position) is not None

    def comment_closing(self, position: int) -> re.Match[str] | None:
        """_COMMENT_CLOSE.search(text, position): it opens with white space and ``(``."""
        if self.lowered is None:
            return _COMMENT_CLOSE.search(self.text, position)
        return search_at_word(_COMMENT_CLOSE, self.text, self.lowered, "end", position)
