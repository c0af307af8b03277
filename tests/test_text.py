"""Input normalisation: line ends, BOM, Markdown links, control characters; lines kept."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

import cableparse
from cableparse import DefectCode
from cableparse.text import normalize

# What counts as a control character, written out independently of the module.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def test_line_ends_bom_links_and_escaped_line_ends() -> None:
    source = normalize("\ufeffTAGS: [PREL](#) [PGOV](/tag/PGOV.html)\r\nSUBJECT: X \\\r\nY\rZ")
    assert source.lines == ("TAGS: PREL PGOV", "SUBJECT: X ", "Y", "Z")
    assert not source.had_control_characters


def test_control_characters_become_spaces_and_a_defect() -> None:
    text = "E.O. 12958: N/A\nTAGS: PREL\x07 PGOV\nSUBJECT: A\x00B\n"
    source = normalize(text)
    assert source.had_control_characters
    assert source.lines[1:3] == ("TAGS: PREL  PGOV", "SUBJECT: A B")
    cable = cableparse.parse_cable(text)
    assert DefectCode.CONTROL_CHARACTERS in [d.code for d in cable.defects]
    assert [t.code for t in cable.tags] == ["PREL", "PGOV"]


# Text of every kind the check takes its own path for: Latin-1 (most cables), wider
# Unicode, lone surrogates (from surrogateescape decoding).
_TEXT = st.text(
    st.one_of(
        st.characters(max_codepoint=0xFF),
        st.characters(min_codepoint=0x100, max_codepoint=0x3000),
        st.sampled_from(["\ud800", "\udfff", "\x00", "\x1f", "\x7f", "\t", "\n", "\r", "\x0b"]),
    ),
    max_size=60,
)


@given(_TEXT)
def test_control_check_agrees_with_the_pattern_and_keeps_lines(text: str) -> None:
    source = normalize(text)
    unified = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    assert source.had_control_characters is (_CONTROL.search(unified) is not None)
    assert _CONTROL.search(source.text) is None
    assert len(source.lines) == unified.count("\n") + 1


# Both closings the body searches for: END COMMENT (white space, "(", white space first)
# and END SUMMARY ("(" then white space), written out here.
_CLOSINGS = [
    re.compile(r"\s*\(?\s*\bEND\s+COMMENT\b", re.IGNORECASE),
    re.compile(r"\(?\s*\bEND\s+(?:OF\s+)?SUMMARY\b\s*[.:]?\s*\)?", re.IGNORECASE),
]
_PIECES = st.sampled_from(
    [
        "end",
        "END",
        "End",
        " ",
        "  ",
        "\t",
        "(",
        "((",
        ")",
        "comment",
        "COMMENT",
        "summary",
        "of",
        "x",
        "attend",
        "ended",
        ".",
        ":",
    ]
)


@given(st.lists(_PIECES, max_size=14).map("".join), st.integers(0, 20), st.sampled_from([0, 1]))
def test_search_at_word_finds_what_search_finds(text: str, position: int, which: int) -> None:
    from cableparse.text import search_at_word

    pattern = _CLOSINGS[which]
    expected = pattern.search(text, position)
    found = search_at_word(pattern, text, text.lower(), "end", position)
    assert (found and found.span()) == (expected and expected.span())
