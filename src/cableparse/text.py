"""Input text normalisation that keeps line numbers: every input line stays one line."""

from __future__ import annotations

import re
from typing import Final

import attrs

__all__ = ["SourceText", "fold_space", "may_hold_words", "normalize", "search_at_word"]

# Markdown links left by HTML-to-Markdown conversion of Cablegate pages: [PREL](#),
# [¶](#par1), [PREL](/tag/PREL.html).  The link text is what the cable said.
_MARKDOWN_LINK: Final = re.compile(
    r"\[([^\[\]\n]{1,120})\]\((?:#[^()\s]{0,60}|/[^()\s]{0,200}|https?://[^()\s]{1,300})\)"
)
# The 2011 cables.csv escaped each line end inside a field with a backslash, and copies
# made from it kept the backslash at the end of every line.
_ESCAPED_LINE_END: Final = re.compile(r"(?<!\\)\\[ \t]*$", re.MULTILINE)
# Lone surrogates (from surrogateescape decoding) are no text and no JSON can hold them.
_SURROGATES: Final = r"\ud800-\udfff"
_CONTROL: Final = re.compile(rf"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f{_SURROGATES}]")
_CONTROL_BYTES: Final = (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)
# The white space characters (str.isspace) but the ASCII space, the line ends and what
# _CONTROL blanks out: those of Latin-1 (as bytes), and those past it.
_LATIN_1_WHITE: Final = (b"\t", b"\x85", b"\xa0")
_WIDE_WHITE: Final = frozenset(
    "\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)

# Letters past Latin-1 that IGNORECASE matches to ASCII ones: ı and İ to i, ſ to s, the
# Kelvin sign to k.
_FOLDED: Final = ("\u0131", "\u0130", "\u017f", "\u212a")
_WIDE_WHITE_RUN: Final = re.compile(f"[{''.join(sorted(_WIDE_WHITE))}]")
_SURROGATE: Final = re.compile(f"[{_SURROGATES}]")
# The characters past Latin-1 _scan looks at one by one, at most: more than any corpus
# page holds (187).
_ONE_BY_ONE: Final = 256


@attrs.frozen(slots=True)
class SourceText:
    """Normalised text and its lines (without line ends); line N is ``lines[N - 1]``."""

    text: str
    lines: tuple[str, ...]
    #: True when control characters were replaced by spaces.
    had_control_characters: bool = False
    #: True when the ASCII space is the text's only white space besides its line ends
    #: (folding white space is then squeezing runs of spaces).
    only_spaces: bool = False
    #: (line, column) of the first control character replaced, both from 1; None if none.
    control_at: tuple[int, int] | None = None

    def control_defect(self) -> tuple[str, int, int] | None:
        """The message, line and column (of the first) of a ``control-characters``
        defect, or None."""
        if self.control_at is None:
            return None
        return ("control characters replaced by spaces", *self.control_at)


def normalize(text: str) -> SourceText:
    """Unify line ends, drop a BOM, unwrap Markdown links, blank out control characters."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    had_control, only_spaces = _scan(text)
    control_at = None
    if had_control:
        first = _CONTROL.search(text)
        if first is not None:
            start = first.start()
            control_at = (text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start))
        text = _CONTROL.sub(" ", text)
    # One-character tests first: they are several times cheaper than the two-character
    # search on text that has no ``[`` or backslash at all, which is nearly every cable.
    if "[" in text and "](" in text:
        text = _MARKDOWN_LINK.sub(r"\1", text)
    if "\\" in text and ("\\\n" in text or text.endswith("\\")):
        text = _ESCAPED_LINE_END.sub("", text)
    # Dropping links and escapes adds no white space: only_spaces holds for the result.
    return SourceText(text, tuple(text.split("\n")), had_control, only_spaces, control_at)


def _scan(text: str) -> tuple[bool, bool]:
    """Whether ``text`` holds a control character (``_CONTROL.search(text)``), and whether
    it holds no white space but the ASCII space, line ends and control characters (which
    become spaces).  Done in bulk, one memchr per byte looked for, over the Latin-1 bytes of
    the text with ``?`` for each character Latin-1 lacks; only those characters are looked
    at one by one (a third of the corpus has curly quotes: a strict encoding raises on
    them, and a search of the text for each wide space character is slow in text stored
    two bytes a character, where most of them share a byte with ASCII letters)."""
    data = text.encode("latin-1", "replace")
    control = any(byte in data for byte in _CONTROL_BYTES)
    only_spaces = not any(white in data for white in _LATIN_1_WHITE)
    at = data.find(b"?")
    looked = 0
    while at >= 0:
        looked += 1
        if looked > _ONE_BY_ONE:
            # Text made mostly of such characters: two searches at C speed for the rest.
            control = control or _SURROGATE.search(text, at) is not None
            only_spaces = only_spaces and _WIDE_WHITE_RUN.search(text, at) is None
            break
        char = text[at]
        if char > "\xff":
            if 0xD800 <= ord(char) <= 0xDFFF:  # mypyc takes no surrogate in a literal
                control = True
            elif char in _WIDE_WHITE:
                only_spaces = False
        at = data.find(b"?", at + 1)
    return control, only_spaces


def fold_space(text: str) -> str:
    """Runs of white space become one space; the ends are trimmed."""
    # str.split() and the regex \s agree on what white space is (str.isspace), and the
    # split/join pair runs several times faster than re.sub on paragraph-sized text.
    return " ".join(text.split())


def may_hold_words(text: str, words: tuple[bytes, ...]) -> bool:
    """False when an IGNORECASE pattern, each of whose matches holds one of ``words``
    (lower case ASCII) in its lower case, cannot match ``text``: no word is in the lower
    case of its Latin-1 bytes.  A search that opens with no literal (or under IGNORECASE,
    which drops the literal prefix) is tried at every character; these are memchr scans.

    IGNORECASE also matches four letters past Latin-1 to ASCII ones (``ſ`` to s ...), which
    the encoding turns into ``?``: a text that holds one may hold anything.
    """
    lowered = text.encode("latin-1", "replace").lower()
    if any(word in lowered for word in words):
        return True
    return not text.isascii() and b"?" in lowered and any(map(text.__contains__, _FOLDED))


def search_at_word(
    pattern: re.Pattern[str], text: str, lowered: str, word: str, position: int = 0
) -> re.Match[str] | None:
    """``pattern.search(text, position)`` for a pattern whose every match is white space
    and an opening bracket followed by ``word`` (``\\s*[(\\[]?\\s*\\bEND ...``), given
    ``lowered``, the lower case of ``text`` with the same length, and ``word`` in lower case.

    Such a pattern opens with no literal, so a plain search tries it at every character;
    here str.find() finds each ``word`` and the pattern is tried only from the white space
    and brackets just before it, each run of them belonging to one ``word``: linear.
    """
    found = lowered.find(word, position)
    while found >= 0:
        start = found
        while start > position and (text[start - 1].isspace() or text[start - 1] in "(["):
            start -= 1
        for candidate in range(start, found + 1):
            match = pattern.match(text, candidate)
            if match is not None:
                return match
        found = lowered.find(word, found + 1)
    return None
