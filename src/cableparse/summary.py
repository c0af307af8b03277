"""The summary of a cable: from a Summary heading or a ``SUMMARY:`` opening to END SUMMARY.

Read from the body's paragraphs and unnumbered blocks once they are joined and folded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .layout import LEADING_PORTION_MARK
from .model import Paragraph, TextBlock
from .text import search_at_word

__all__ = ["find_summary", "may_hold_summary"]

# What a summary shares its opening with: ``Summary and Comment:``, ``SUMMARY & ACTION
# REQUEST:``, ``Summary/Introduction.``, ``Summary and Key Points.``
_SUMMARY_AND: Final = (
    r"(?:(?:\s+AND\s+|\s*[&/]\s*)(?:COMMENTS?|ACTION\s+REQUEST(?:ED)?|INTRODUCTION"
    r"|RECOMMENDATIONS?|KEY\s+POINTS|BACKGROUND|ANALYSIS|CONCLUSIONS?|OVERVIEW|ASSESSMENT"
    r"|HIGHLIGHTS))?"
)
# ``SUMMARY:`` or ``Summary.`` opens a summary; after BEGIN no colon is needed
# (``BEGIN SUMMARY`` alone on its line).
_SUMMARY: Final = re.compile(
    r"(?:^|(?<=[\s(\[]))(?:BEGIN\s+SUMMARY" + _SUMMARY_AND + r"\b\s*[:.\-]*"
    r"|SUMMARY" + _SUMMARY_AND + r"\s*[:.\-]+)\s*",
    re.IGNORECASE,
)
_SUMMARY_HEADING: Final = re.compile(r"(?i)summary\b")
# The label with nothing after it but the space before a sentence, at a paragraph's
# start: ``SUMMARY During their trip ...``.  Only where the sentence is in mixed case: in
# capitals (``SUMMARY OF THE TALKS ...``) the word may begin a heading or a sentence.
_BARE_SUMMARY: Final = re.compile(r"SUMMARY\s+(?=[A-Z][a-z])")
_INLINE_RULE: Final = re.compile(r"\s[-\u2010]{4,}\s")
_ENDS_WITH_END: Final = re.compile(r"(?i)\bEND\s*$")
# In parentheses or square brackets: ``(END SUMMARY)``, ``[End summary.]``.
_END_SUMMARY: Final = re.compile(
    r"[(\[]?\s*\bEND\s+(?:OF\s+)?SUMMARY\b\s*[.:]?\s*[)\]]?", re.IGNORECASE
)


def find_summary(paragraphs: Sequence[Paragraph], blocks: Sequence[TextBlock]) -> str | None:
    """The summary: from a Summary heading or a ``SUMMARY:`` opening to END SUMMARY.

    Paragraphs and unnumbered blocks are read in input order, since a summary may stand
    before paragraph 1.  A cable that only closes its summary (``... END SUMMARY.`` in
    its first paragraphs) gets the text up to that point.
    """
    texts = _in_input_order(paragraphs, blocks)
    for start, (heading, text) in enumerate(texts):
        opening = _summary_opening(text[:200])
        if opening is None and text.startswith("SUMMARY"):
            opening = _BARE_SUMMARY.match(text)
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


def _in_input_order(
    paragraphs: Sequence[Paragraph], blocks: Sequence[TextBlock]
) -> list[tuple[str | None, str]]:
    """(heading, text) of the paragraphs and the unnumbered blocks, by their first line."""
    if not blocks:  # paragraphs are read in input order
        return [(paragraph.heading, paragraph.text) for paragraph in paragraphs]
    items = sorted(
        [((p.span.first_line if p.span else 0), p.heading, p.text) for p in paragraphs]
        + [((b.span.first_line if b.span else 0), None, b.text) for b in blocks],
        key=lambda item: item[0],
    )
    return [(heading, text) for _, heading, text in items]


def may_hold_summary(paragraphs: Sequence[Paragraph], lowered: bytes) -> bool:
    """Whether find_summary can find anything, given the lower case of all block texts.

    Its patterns match SUMMARY under IGNORECASE, where only S has a case past ASCII (the
    long s), so every match holds "ummary" in the lower case; a paragraph heading (not in
    the texts) may also open the summary.
    """
    return b"ummary" in lowered or any(
        paragraph.heading and _SUMMARY_HEADING.match(paragraph.heading) for paragraph in paragraphs
    )


def _summary_opening(text: str) -> re.Match[str] | None:
    """The first SUMMARY opening that is not the END SUMMARY closing.

    _SUMMARY starts with no literal, so a search tries it at every character.  Every match
    holds "ummary" in the lower case (see may_hold_summary), after at most ``BEGIN S``
    (the text is folded: single spaces), so the search starts there.
    """
    lowered = text.lower()
    found = lowered.find("ummary")
    if found < 0:
        return None
    if len(lowered) != len(text):  # İ lowers to two characters: positions would shift
        found = 7
    for opening in _SUMMARY.finditer(text, max(found - 7, 0)):
        if not _ENDS_WITH_END.search(text, 0, opening.start()):
            return opening
    return None


def _summary_from(texts: Sequence[tuple[str | None, str]], start: int, body: str) -> str | None:
    collected = [body]
    closing = None
    for _, following in texts[start + 1 :]:
        closing = _end_summary(collected[-1])
        if closing or len(collected) > 8:
            break
        collected.append(following)
    joined = " ".join(collected)
    if closing is None or len(collected) > 1:
        # Not yet looked for in this text (a closing may also span two of its pieces).
        closing = _end_summary(joined)
    if closing:
        joined = joined[: closing.start()]
    elif len(collected) > 1:
        joined = collected[0]
    # A heading flattened into the text ends the summary: "... -------- Training --------"
    # A run of four of - and U+2010 is ---- or holds U+2010: str.find() is many times
    # faster than the regex, which opens with \s and so is tried at every space.
    rule = _INLINE_RULE.search(joined) if "----" in joined or "\u2010" in joined else None
    if rule:
        joined = joined[: rule.start()]
    joined = joined.strip()
    return joined or None


def _end_summary(text: str) -> re.Match[str] | None:
    """The first END SUMMARY closing, as _END_SUMMARY.search(text) finds it.

    _END_SUMMARY opens with an optional bracket and white space, so a plain search tries
    it at every character.  Here str.find() looks for "end" in the lower case text (under
    IGNORECASE, E, N, D and the letters of UMMARY match only themselves in either case),
    and the match is tried from the white space (and bracket) before each "end" found.
    """
    lowered = text.lower()
    if "ummary" not in lowered:
        return None
    if len(lowered) != len(text):  # İ lowers to two characters: positions would shift
        return _END_SUMMARY.search(text)
    return search_at_word(_END_SUMMARY, text, lowered, "end")
