"""cables.csv: eight columns, backslash escapes, streamed row by row."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

import cableparse
from cableparse.sources import csv_partitions, iter_csv_range, iter_csv_rows, parse_file
from conftest import corpus_file

UTC = dt.timezone.utc


def csv_field(value: str) -> str:
    """A field in the cables.csv layout: quoted, backslash escapes, a backslash before
    each line end."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("'", "\\'")
    return '"' + escaped.replace("\n", "\\\n") + '"'


def csv_line(fields: list[str]) -> str:
    return ",".join(csv_field(field) for field in fields) + "\n"


def split_page_text(text: str) -> tuple[str, str]:
    header, _, body = text.partition("\n\n")
    return header, body


@pytest.fixture(scope="module")
def sample_rows() -> list[cableparse.sources.CsvRow]:
    path = corpus_file("cables-csv-sample/cables_sample.csv")
    with open(path, "rb") as handle:
        return list(iter_csv_rows(handle))


def test_sample_rows_and_their_page(sample_rows: list[cableparse.sources.CsvRow]) -> None:
    assert [row.row_id for row in sample_rows] == ["1", "2"]
    first, second = sample_rows
    assert first.page == cableparse.Page(
        reference_id="66BUENOSAIRES2481",
        created=dt.datetime(1966, 12, 28, 18, 48, tzinfo=UTC),
        classification="UNCLASSIFIED",
        origin="Embassy Buenos Aires",
        references=("66STATE106206",),
        row_id="1",
    )
    assert first.references == ("66STATE106206",)
    assert first.header.startswith("P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\n")
    # Backslash-escaped quotes inside fields come out as plain quotes.
    assert 'OF "PREFERENTIAL JURISDICTION" FOR FISHING' in first.body
    assert "\\" not in first.body
    assert second.page.reference_id == "72TEHRAN1164"
    assert not first.problems and not first.fallback


def test_sample_rows_parse_as_cables() -> None:
    path = corpus_file("cables-csv-sample/cables_sample.csv")
    documents = list(cableparse.iter_documents(path))
    assert [name.rsplit("#", 1)[1] for name, _ in documents] == ["1", "2"]
    first = documents[0][1]
    assert isinstance(first, cableparse.Cable)
    assert first.reference_id == "66BUENOSAIRES2481"
    assert first.classification is cableparse.Classification.UNCLASSIFIED
    assert first.header is not None and first.header.from_ == "AMEMBASSY BUENOS AIRES"
    with open(path, "rb") as handle:
        text = next(iter_csv_rows(handle)).text
    plain = cableparse.parse(text)
    assert isinstance(plain, cableparse.Cable)
    assert (first.subject, first.tags, first.paragraphs) == (
        plain.subject,
        plain.tags,
        plain.paragraphs,
    )
    assert first.page is not None and first.page.created == dt.datetime(
        1966, 12, 28, 18, 48, tzinfo=UTC
    )
    data = cableparse.to_dict(first)
    assert data["page"]["created"] == "1966-12-28T18:48:00Z"
    # parse_file reads one document: the first row, with a defect naming the rest.
    single = parse_file(path)
    assert isinstance(single, cableparse.Cable)
    assert single.page is not None and single.page.reference_id == "66BUENOSAIRES2481"
    assert any("iter_documents" in d.message for d in single.defects)
    with pytest.raises(cableparse.ParseError, match="iter_documents"):
        parse_file(path, strict=True)


@pytest.fixture(scope="module")
def corpus_csv(
    cablegate_pages: list[tuple[str, str, int]], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, list[tuple[str, str]]]:
    """A cables.csv in the 2011 layout built from every 10th corpus page."""
    chosen = [(name, text) for name, text, _ in cablegate_pages[::10]]
    path = tmp_path_factory.mktemp("csv") / "cables.csv"
    with open(path, "w", encoding="utf-8", newline="") as out:
        for number, (name, text) in enumerate(chosen, start=1):
            header, body = split_page_text(text)
            fields = [
                str(number),
                "12/14/2007 23:11",
                name,
                "Embassy X",
                "SECRET",
                "",
                header,
                body,
            ]
            out.write(csv_line(fields))
    return path, chosen


def test_corpus_csv_rows_parse_like_the_plain_text(
    corpus_csv: tuple[Path, list[tuple[str, str]]],
) -> None:
    path, chosen = corpus_csv
    documents = list(cableparse.iter_documents(path))
    assert len(documents) == len(chosen) > 100
    for (name, document), (reference_id, text) in zip(documents, chosen, strict=True):
        assert name == f"{path}#{chosen.index((reference_id, text)) + 1}"
        plain = cableparse.parse(text)
        assert isinstance(document, cableparse.Cable) and isinstance(plain, cableparse.Cable)
        assert document.subject == plain.subject, reference_id
        assert document.tags == plain.tags, reference_id
        assert document.paragraphs == plain.paragraphs, reference_id
        assert document.page is not None and document.page.reference_id == reference_id


def test_rows_are_streamed(corpus_csv: tuple[Path, list[tuple[str, str]]]) -> None:
    path, chosen = corpus_csv
    read = 0

    def lines() -> Iterator[bytes]:
        nonlocal read
        with open(path, "rb") as handle:
            for line in handle:
                read += 1
                yield line

    rows = iter_csv_rows(lines())
    first = next(rows)
    assert first.page.reference_id == chosen[0][0]
    total = path.read_bytes().count(b"\n")
    # Only the first row's lines (and one more) were read.
    assert read <= chosen[0][1].count("\n") + 3 < total


@pytest.mark.parametrize("parts", [1, 2, 3, 7])
def test_partitions_cover_every_row_once(
    corpus_csv: tuple[Path, list[tuple[str, str]]], parts: int
) -> None:
    path, chosen = corpus_csv
    with open(path, "rb") as handle:
        ranges = csv_partitions(handle, parts)
        assert len(ranges) == parts
        ids = [row.page.reference_id for r in ranges for row in iter_csv_range(handle, *r)]
    assert ids == [name for name, _ in chosen]


def test_row_lines_that_look_like_row_starts_do_not_split_partitions() -> None:
    tricky = 'text\n"2","01/01/2001 00:00","","","","","",""\nmore'
    data = "".join(
        csv_line([str(n), "01/02/2003 04:05", f"03X{n}", "O", "C", "", "H", tricky])
        for n in range(1, 40)
    ).encode()
    handle = io.BytesIO(data)
    for parts in (2, 5, 9):
        ranges = csv_partitions(handle, parts)
        rows = [row for r in ranges for row in iter_csv_range(handle, *r)]
        assert [row.row_id for row in rows] == [str(n) for n in range(1, 40)]
        assert all(row.body == tricky for row in rows)


def test_bad_rows_become_defects_not_errors() -> None:
    data = (
        csv_line(["1", "13/45/2007 99:99", "07X1", "O", "SECRET", "", "H", "SUBJECT: A\n"])
        + csv_line(["2", "01/02/2003 04:05", "03X2"])
    ).encode() + b'"3","01/02/2003 04:05","03X3","O","C","","H","caf\xe9 \xb61. x"\n'
    rows = list(iter_csv_rows(io.BytesIO(data)))
    assert [row.row_id for row in rows] == ["1", "2", "3"]
    assert rows[0].page.created is None and "date" in rows[0].problems[0]
    assert "3 columns" in rows[1].problems[0]
    assert rows[2].fallback and rows[2].body == "café ¶1. x"
    assert not rows[0].fallback and not rows[1].fallback
    documents = [cableparse.sources.parse_row(row) for row in rows]
    codes = [{d.code for d in doc.defects} for doc in documents]
    assert cableparse.DefectCode.CONTAINER_FIELD_MISSING in codes[0]
    assert cableparse.DefectCode.CONTAINER_FIELD_MISSING in codes[1]
    assert cableparse.DefectCode.ENCODING_FALLBACK in codes[2]


def test_a_single_row_file_parses_with_parse_file(tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    body = "SECRET BOGOTA 000123\n\nTAGS: PREL, CO\nSUBJECT: ONE ROW\n\n1. (S) Text.\n"
    path.write_text(
        csv_line(
            [
                "7",
                "03/01/2007 10:00",
                "07BOGOTA123",
                "Embassy Bogota",
                "SECRET",
                "07STATE1|07STATE2",
                "",
                body,
            ]
        )
    )
    document = parse_file(path)
    assert isinstance(document, cableparse.Cable)
    assert document.reference_id == "07BOGOTA123"
    assert document.subject == "ONE ROW"
    assert document.page is not None and document.page.origin == "Embassy Bogota"
