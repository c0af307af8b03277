"""Input normalisation: line ends, BOM, Markdown links, control characters; lines kept."""

from __future__ import annotations

import re

import pytest
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
    assert source.control_at == (2, 11)
    cable = cableparse.parse_cable(text)
    assert [(d.code, d.line) for d in cable.defects][:1] == [(DefectCode.CONTROL_CHARACTERS, 2)]
    assert [t.code for t in cable.tags] == ["PREL", "PGOV"]
    # Strict mode says where the first one stood; articles report them too.
    with pytest.raises(cableparse.ParseError) as raised:
        cableparse.parse_cable(text, strict=True)
    assert (raised.value.line, raised.value.column) == (2, 11)
    article = cableparse.parse_article("Title\n\nText\x07 here.\n")
    assert [(d.code, d.line) for d in article.defects] == [(DefectCode.CONTROL_CHARACTERS, 3)]


# Text of every kind the check takes its own path for: Latin-1 (most cables), wider
# Unicode, lone surrogates (from surrogateescape decoding).
_TEXT = st.text(
    st.one_of(
        st.characters(max_codepoint=0xFF),
        st.characters(min_codepoint=0x100, max_codepoint=0x3000),
        st.sampled_from(
            ["\ud800", "\udfff", "\x00", "\x1f", "\x7f", "\t", "\n", "\r", "\x0b", "\xa0", "\u3000"]
        ),
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


@given(_TEXT)
def test_only_spaces_says_whether_any_other_white_space_is_left(text: str) -> None:
    # The body folds white space by squeezing runs of spaces when this says so.
    source = normalize(text)
    other = any(char.isspace() and char not in " \n" for char in source.text)
    if source.only_spaces:
        assert not other
    if not re.search(r"[\\\[]", text):  # no escape or link
        assert source.only_spaces is not other


def test_only_spaces_on_each_path_of_the_scan() -> None:
    assert normalize("A  B\n\x0bC").only_spaces is True  # the control becomes a space
    assert normalize("A\xa0B").only_spaces is False  # Latin-1
    assert normalize("\u201cA\u2003B").only_spaces is False  # wider
    assert normalize("\u201cA B").only_spaces is True
    # Lone surrogates become spaces; the characters past Latin-1 are looked at one by one
    # where the Latin-1 bytes hold "?", which a "?" of the text's own does not disturb.
    assert normalize("A\ud800 B").only_spaces is True
    assert normalize("A\ud800\u2003B").only_spaces is False
    assert normalize("?\u201c?\u3000").only_spaces is False
    assert normalize("?\u201c?\ud800").had_control_characters is True
    assert normalize("?\u201c?").had_control_characters is False
    # Past a few hundred such characters, the rest of the text is searched in one go.
    many = "\u201c?" * 300
    assert (normalize(many).only_spaces, normalize(many).had_control_characters) == (True, False)
    assert normalize(many + "\u3000").only_spaces is False
    assert normalize(many + "\ud800").had_control_characters is True
    assert normalize("\u3000" + many).only_spaces is False


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
