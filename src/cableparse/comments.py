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
_COMMENT_CLOSE: Final = re.compile(r"\s*\(?\s*\bEND\s+COMMENT\b", re.IGNORECASE)
_END_COMMENT: Final = re.compile(r"end\s+comment")


def _with_end_comment(
    paragraphs: Sequence[Paragraph], lowered: bytes, numbers: Sequence[int | None]
) -> list[Paragraph]:
    """The paragraphs in which _END_COMMENT finds END COMMENT in the lower case.

    ``lowered`` is the ASCII lower case of the texts of all blocks as Latin-1 bytes (numbers:
    their paragraph numbers, None for an unnumbered block) joined by NUL, as the body reader made
    them.  The texts are folded (the ASCII space is their only white space), and no
    character past ASCII has e, n, d, c, o, m or t for lower case, so "end comment" there
    finds the same closings.  A signer cut off the last paragraph later only shortens it.
    """
    each = lowered.split(b"\x00")
    if len(each) != len(numbers):  # a NUL inside a text
        return [p for p in paragraphs if _END_COMMENT.search(p.text.lower())]
    paragraph_lowered = [
        low for low, number in zip(each, numbers, strict=True) if number is not None
    ]
    return [
        paragraph
        for paragraph, low in zip(paragraphs, paragraph_lowered, strict=True)
        if b"end comment" in low
    ]


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
    for paragraph in _with_end_comment(paragraphs, lowered, numbers):
        text = paragraph.text
        words = _Words(text)
        # Openings and closings are searched separately: one lazy pattern spanning both
        # rescanned the rest of the paragraph for every opening without a closing.
        position = 0
        heading = paragraph.heading
        if heading is not None and _COMMENT_HEADING.match(heading):
            # The heading opened the comment, unless the text opens one of its own before
            # the first closing: the text runs to that closing.
            closing = words.comment_closing(0)
            opening = words.comment_opening(0)
            if closing is not None and (opening is None or opening.start() > closing.start()):
                inside = text[: closing.start()].strip(" .")
                if inside:
                    comments.append(inside)
                position = closing.end()
        while True:
            opening = words.comment_opening(position)
            if opening is None:
                break
            closing = words.comment_closing(opening.end())
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
    if (opening is None and not under_heading) or _END_COMMENT.search(text.lower()):
        return None  # no comment, or one that _closed_comments read
    return text[opening.end() if opening is not None else 0 :].strip(" .") or None


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
        """The first opening after white space or ``(``, from ``position`` on."""
        text = self.text
        while True:
            opening = self._open(position)
            if opening is None:
                return None
            start = opening.start()
            if start == 0 or text[start - 1].isspace() or text[start - 1] == "(":
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

    def comment_closing(self, position: int) -> re.Match[str] | None:
        """_COMMENT_CLOSE.search(text, position): it opens with white space and ``(``."""
        if self.lowered is None:
            return _COMMENT_CLOSE.search(self.text, position)
        return search_at_word(_COMMENT_CLOSE, self.text, self.lowered, "end", position)
