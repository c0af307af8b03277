"""The table-driven loop gives what Lark's own parser gives: same trees, same errors."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cableparse import strategies
from cableparse._lark import get_parser
from cableparse.header import find_header
from cableparse.lalr import (
    TableParser,
    _parse_shifted,
    _spans_by_lark,
    _tokens_by_lark,
    parse_from,
    tree_spans,
)
from cableparse.text import normalize

HEADER_STARTS = ("header", "dtg_line", "station_line", "security_line", "addressee_line")


def _outcome(run: Any) -> tuple[str, Any]:
    """The tree, or the error's class, line, column and expected terminals."""
    from lark.exceptions import UnexpectedInput

    try:
        return "tree", run()
    except UnexpectedInput as error:
        expected = getattr(error, "expected", None) or getattr(error, "allowed", None) or ()
        return type(error).__name__, (error.line, error.column, sorted(expected))


def _assert_same(text: str, start: str, first_line: int = 1) -> None:
    parser = get_parser("header")
    lark_kind, lark_result = _outcome(lambda: parser.parse(text, start=start))
    ours_kind, ours_result = _outcome(
        lambda: (
            TableParser(parser).parse(text, start, first_line)
            if first_line == 1
            else parse_from(parser, text, start, first_line)
        )
    )
    assert ours_kind == lark_kind
    if lark_kind == "tree":
        assert ours_result == lark_result
    else:
        line, column, expected = ours_result
        assert (line - first_line + 1, column, expected) == lark_result


def _header_text(text: str) -> tuple[str, int] | None:
    lines = normalize(text).lines
    found = find_header(lines)
    if found is None:
        return None
    first, end = found
    return "\n".join(lines[first:end]) + "\n", first + 1


def test_corpus_headers_parse_alike(cablegate_pages: list[tuple[str, str, int]]) -> None:
    checked = 0
    for _, text, _ in cablegate_pages:
        header = _header_text(text)
        if header is not None:
            _assert_same(header[0], "header")
            _assert_same(header[0], "header", first_line=header[1])
            checked += 1
    assert checked == 1213


def test_seed_header_lines_count_from_the_first_line(seed_cable_text: str) -> None:
    header = _header_text(seed_cable_text)
    assert header is not None
    text, _ = header
    parser = get_parser("header")
    tree = TableParser(parser).parse(text, "header", 40)
    tokens = list(tree.scan_values(lambda v: hasattr(v, "line")))
    assert min(token.line for token in tokens) == 40
    # A token of addressee lines covers several: its last line is below its first.
    last = max(token.line + token.rstrip().count("\n") for token in tokens)
    assert last == 40 + text.count("\n") - 1


@settings(max_examples=150, deadline=None)
@given(strategies.cable_texts())
def test_generated_headers_parse_alike(text: str) -> None:
    header = _header_text(text)
    if header is not None:
        _assert_same(header[0], "header", first_line=header[1])


# Lines of a header, damaged: a character dropped, doubled or changed at any place.
_LINES = st.sampled_from(
    [
        "VZCZCXRO1234",
        "OO RUEHWEB RUEHDE",
        "DE RUEHBJ #1960/01 0810816",
        "ZNY CCCCC ZZH (CCY ADX1234)",
        "O P 220816Z MAR 07 ZDS",
        "FM AMEMBASSY BEIJING",
        "TO RUEHC/SECSTATE WASHDC NIACT IMMEDIATE 0612-0615",
        "INFO ZEN/SECDEF WASHINGTON DC PRIORITY",
        "XMT AMCONSUL JOHANNESBURG",
    ]
)


@st.composite
def _damaged_header(draw: st.DrawFn) -> str:
    lines = draw(st.lists(_LINES, min_size=1, max_size=9))
    text = "\n".join(lines) + "\n"
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text) - 1))
        change = draw(st.sampled_from(["drop", "double", "replace"]))
        if change == "drop":
            text = text[:at] + text[at + 1 :]
        elif change == "double":
            text = text[:at] + text[at] + text[at:]
        else:
            text = text[:at] + draw(st.sampled_from("A0#/ (Z\n")) + text[at + 1 :]
    return text


@settings(max_examples=400, deadline=None)
@given(_damaged_header(), st.sampled_from(HEADER_STARTS), st.integers(1, 500))
def test_damaged_headers_fail_alike(text: str, start: str, first_line: int) -> None:
    _assert_same(text, start, first_line)


@pytest.mark.parametrize("text", ["DE RUEHBJ #19X0\n", "O 22Q816Z MAR 07\n", ""])
def test_fallback_through_lark_counts_lines_the_same_way(text: str) -> None:
    # The path taken when the installed Lark keeps its tables differently.
    parser = get_parser("header")
    start = "station_line" if text.startswith("DE") else "dtg_line"
    fast = _outcome(lambda: parse_from(parser, text, start, 7))
    slow = _outcome(lambda: _parse_shifted(parser, text, start, 6))
    assert fast == slow


# --- token_spans(): the header read off the tokens a tree would keep --------------------


def test_corpus_header_spans_are_the_tree_tokens(
    cablegate_pages: list[tuple[str, str, int]],
) -> None:
    parser = get_parser("header")
    reader = TableParser(parser)
    checked = 0
    for _, text, _ in cablegate_pages:
        header = _header_text(text)
        if header is not None:
            spans = reader.token_spans(header[0], "header")
            assert spans == _spans_by_lark(parser, header[0], "header")
            checked += spans is not None
    # The headers the whole-header parse accepts; the other 35 are read line by line.
    assert checked == 1178


@settings(max_examples=400, deadline=None)
@given(_damaged_header(), st.sampled_from(HEADER_STARTS))
def test_damaged_header_spans_are_the_tree_tokens(text: str, start: str) -> None:
    parser = get_parser("header")
    spans = TableParser(parser).token_spans(text, start)
    assert spans == _spans_by_lark(parser, text, start)
    if spans is not None:  # the tree of the table-driven parse holds the same tokens
        assert tree_spans(parse_from(parser, text, start, 3)) == spans


# --- tokens(): the preamble's flat rules, read as the tokens a tree would keep ----------

PREAMBLE_STARTS = ("classification_line", "eo_line", "tags_field")


def _tree_tokens(text: str, start: str) -> list[tuple[str, str]] | None:
    # Lark's own parse and tree: the fallback token_reader takes where the tables cannot
    # be read, and the oracle of the table runner here.
    return _tokens_by_lark(get_parser("preamble"), text, start)


def test_header_parses_run_on_the_tables() -> None:
    # Building a TableParser falls back to Lark's own parser silently when the installed
    # Lark keeps its tables in another shape; with this one it must not.
    from cableparse.header import _parser
    from cableparse.lalr import _table_parser

    assert _table_parser(_parser()) is not None
    assert _table_parser(get_parser("header")) is not None


def test_fallback_reads_the_tree_tokens() -> None:
    # The Lark path gives tokens in tree order, drops filtered terminals (the E.O. line's
    # separator) and says None for a rejected text.
    assert _tree_tokens("SECRET", "classification_line") == [("CLASSIFICATION", "SECRET")]
    eo = _tree_tokens("E.O. 12958: DECL: 03/22/2017", "eo_line")
    assert eo is not None
    assert [kind for kind, _ in eo][:2] == ["EO_LABEL", "EO_NUMBER"]
    assert ("DECL_VALUE", "03/22/2017") in eo
    assert _tree_tokens("E.O. 12958: DECL: 03/22/2017", "classification_line") is None


def test_preamble_tokens_run_on_the_tables() -> None:
    # The fast path is taken (a construction error would silently fall back to Lark).
    assert TableParser(get_parser("preamble")).tokens("SECRET", "classification_line") == [
        ("CLASSIFICATION", "SECRET")
    ]


def test_corpus_preamble_lines_give_the_tree_tokens(
    cablegate_pages: list[tuple[str, str, int]],
) -> None:
    reader = TableParser(get_parser("preamble"))
    accepted = 0
    for _, text, _ in cablegate_pages:
        for line in normalize(text).lines[:40]:
            for start in PREAMBLE_STARTS[:2]:
                expected = _tree_tokens(line, start)
                assert reader.tokens(line, start) == expected, (line, start)
                accepted += expected is not None
    assert accepted > 2_000


_FIELDS = st.sampled_from(
    [
        "C O N F I D E N T I A L SECTION 01 OF 03 LA PAZ 003262",
        "SECRET //NOFORN USUN NEW YORK 000123 REST",
        "UNCLAS SECTION 1 OF 2 BEIJING 12",
        "E.O. 12958: DECL: 03/22/2017",
        "E.O. 12958, reasons 1.4 (b)",
        "EO 12958 03/24/2019 TAGS: PREL",
        "DNG: CO 01/26/2021",
        "TAGS: PREL, PGOV, OVIP (CLINTON, HILLARY), [X]",
    ]
)


@settings(max_examples=400, deadline=None)
@given(_FIELDS, st.sampled_from(PREAMBLE_STARTS), st.data())
def test_damaged_preamble_fields_give_the_tree_tokens(
    text: str, start: str, data: st.DataObject
) -> None:
    for _ in range(data.draw(st.integers(0, 3))):
        at = data.draw(st.integers(0, len(text)))
        inserted = data.draw(st.sampled_from([*" :,;/.1aZ\n\t(", "TAGS", "OF"]))
        text = text[:at] + inserted + text[at:]
    assert TableParser(get_parser("preamble")).tokens(text, start) == _tree_tokens(text, start)


def test_texts_of_one_shape_keep_their_own_digits() -> None:
    # Spans are remembered by shape (digits alike); values come from each text.
    reader = TableParser(get_parser("preamble"))
    texts = [
        "E.O. 12958: DECL: 03/22/2017",
        "E.O. 13526: DECL: 11/01/2019",
        "E.O. 12958: DECL: 3/22/2017",
        "SECRET SECTION 01 OF 03 LA PAZ 003262",
        "SECRET SECTION 02 OF 03 LA PAZ 004111",
        "SECRET SECTION 02 OF 03 LA PAZ 0041111111",
    ]
    for _ in range(2):
        for text in texts:
            start = "eo_line" if text.startswith("E.O.") else "classification_line"
            assert reader.tokens(text, start) == _tree_tokens(text, start), text
