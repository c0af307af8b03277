"""Bytes in every encoding the cables were published in read as the same text."""

from __future__ import annotations

import codecs

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cableparse
from cableparse.sources import decode, parse_bytes
from conftest import EXAMPLES


@pytest.fixture(scope="module")
def seed_bytes() -> bytes:
    return (EXAMPLES / "seed-cable.txt").read_bytes()


@pytest.fixture(scope="module")
def seed_document(seed_bytes: bytes) -> cableparse.Document:
    return parse_bytes(seed_bytes, name="seed-cable.txt")


def _without_fallback(document: cableparse.Document) -> cableparse.Document:
    kept = tuple(
        d for d in document.defects if d.code is not cableparse.DefectCode.ENCODING_FALLBACK
    )
    return attrs.evolve(document, defects=kept)


def test_seed_reads_as_the_seed_cable(seed_document: cableparse.Document) -> None:
    assert isinstance(seed_document, cableparse.Cable)
    assert seed_document.reference_id == "07BEIJING1960"
    assert seed_document.page is None


@pytest.mark.parametrize(
    "transform",
    [
        pytest.param(lambda b: b.replace(b"\n", b"\r\n"), id="crlf"),
        pytest.param(lambda b: b.replace(b"\n", b"\r"), id="cr"),
        pytest.param(lambda b: codecs.BOM_UTF8 + b, id="utf8-bom"),
        pytest.param(lambda b: codecs.BOM_UTF8 + b.replace(b"\n", b"\r\n"), id="bom-crlf"),
        pytest.param(lambda b: b.decode("utf-8").encode("utf-16"), id="utf16-bom"),
        pytest.param(
            lambda b: codecs.BOM_UTF16_BE + b.decode("utf-8").encode("utf-16-be"), id="utf16be"
        ),
    ],
)
def test_encodings_and_line_ends_give_the_same_cable(
    seed_bytes: bytes, seed_document: cableparse.Document, transform: object
) -> None:
    data = transform(seed_bytes)  # type: ignore[operator]
    assert data != seed_bytes
    document = parse_bytes(data, name="seed-cable.txt")
    assert document == seed_document
    assert cableparse.to_dict(document) == cableparse.to_dict(seed_document)


def test_cp1252_gives_the_same_cable_and_records_the_fallback(
    seed_bytes: bytes, seed_document: cableparse.Document
) -> None:
    data = seed_bytes.decode("utf-8").encode("cp1252")
    # The seed's ¶ marks are byte 0xB6 in cp1252, which is not UTF-8.
    assert b"\xb6" in data
    document = parse_bytes(data)
    codes = [d.code for d in document.defects]
    assert codes.count(cableparse.DefectCode.ENCODING_FALLBACK) == 1
    assert _without_fallback(document) == seed_document
    assert isinstance(document, cableparse.Cable) and isinstance(seed_document, cableparse.Cable)
    assert [p.number for p in document.paragraphs] == [p.number for p in seed_document.paragraphs]


def test_cp1252_crlf_with_strict_raises_on_the_fallback(seed_bytes: bytes) -> None:
    data = seed_bytes.decode("utf-8").encode("cp1252").replace(b"\n", b"\r\n")
    with pytest.raises(cableparse.ParseError) as caught:
        parse_bytes(data, strict=True)
    assert caught.value.code is cableparse.DefectCode.ENCODING_FALLBACK


def test_decode_reports_how() -> None:
    assert decode(b"caf\xc3\xa9\r\nx\ry") == decode(b"caf\xc3\xa9\nx\ny")
    assert decode(b"caf\xc3\xa9").fallback is False
    latin = decode(b"caf\xe9 \x93quoted\x94 \x81")
    assert latin.text == "café “quoted” \x81"
    assert (latin.encoding, latin.fallback) == ("cp1252", True)
    assert decode(codecs.BOM_UTF8 + b"x").text == "x"
    assert decode("Zürich".encode("utf-16")).text == "Zürich"
    assert decode("Zürich".encode("utf-32")).text == "Zürich"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_to_text_without_carriage_returns(data: bytes) -> None:
    decoded = decode(data)
    assert isinstance(decoded.text, str)
    assert "\r" not in decoded.text


_PIECES = (
    *(b"\xff\xfe", b"\xef\xbb\xbf", b"\xb6", b"\x00", b"\r\n", b"\r", b"\n", b"\xc3"),
    *(b"SUBJECT: X", b"TAGS: PREL", b"<html>", b'"1","12/28/1966 18:48","', b"1. (C) x"),
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(_PIECES),
        max_size=30,
    )
)
def test_parse_bytes_never_raises_in_lenient_mode(parts: list[bytes]) -> None:
    document = parse_bytes(b"".join(parts))
    assert document.kind in (cableparse.DocumentKind.CABLE, cableparse.DocumentKind.ARTICLE)


def test_utf16_html_page_and_csv_row_keep_their_container() -> None:
    page = (
        "<!DOCTYPE html><html><body><table class='cable'><tr><th>Reference ID</th>"
        "<th>Created</th><th>Released</th><th>Classification</th><th>Origin</th></tr><tr>"
        "<td>07BEIJING1960</td><td>2007-03-22 08:16</td><td>2010-12-01 12:00</td>"
        "<td>CONFIDENTIAL</td><td>Embassy Beijing</td></tr></table>"
        "<code><pre>R 220816Z MAR 07&#x000A;FM AMEMBASSY BEIJING</pre></code>"
        "<code><pre>TAGS: PREL, CH&#x000A;SUBJECT: ZÜRICH TALKS&#x000A;</pre></code></body></html>"
    )
    document = parse_bytes(page.encode("utf-16"))
    assert isinstance(document, cableparse.Cable)
    assert document.page is not None and document.page.origin == "Embassy Beijing"
    assert document.subject == "ZÜRICH TALKS"
    row = '"1","03/22/2007 08:16","07BEIJING1960","Embassy Beijing","C","","","TAGS: PREL"\n'
    from_csv = parse_bytes(row.encode("utf-16"))
    assert from_csv.page is not None and from_csv.page.reference_id == "07BEIJING1960"
