"""iter_documents over files, folders and archives, in a stable order."""

from __future__ import annotations

import io
import tarfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cableparse
from cableparse.sources import InputError, RawInput, RowInput, iter_inputs
from conftest import EXAMPLES, SEEDS

SEED = (EXAMPLES / "seed-cable.txt").read_bytes()
CSV_ROW = (
    b'"1","03/22/2007 08:16","07BEIJING1960","Embassy Beijing","CONFIDENTIAL","","",'
    b'"C O N F I D E N T I A L BEIJING 001960\\\n\\\nTAGS: PREL, CH\\\nSUBJECT: A ROW\\\n"\n'
)


def _tar(path: Path, files: dict[str, bytes], mode: str) -> None:
    with tarfile.open(path, mode) as tar:  # type: ignore[call-overload]
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "b" / "deep").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_bytes(SEED)
    (root / "b" / "deep" / "c.md").write_bytes(SEED.replace(b"TAGS:", b"TAGS: [PREL](#)"))
    (root / "b" / "logo.png").write_bytes(b"\x89PNG\r\n")
    (root / ".hidden" / "x.txt").write_bytes(b"never read")
    (root / "b" / ".DS_Store").write_bytes(b"\x00\x01")
    (root / "d.csv").write_bytes(CSV_ROW)
    return root


def test_folders_are_read_recursively_in_sorted_order(tree: Path) -> None:
    names = [name for name, _ in cableparse.iter_documents(tree)]
    assert names == [
        str(tree / "a.txt"),
        str(tree / "b" / "deep" / "c.md"),
        f"{tree / 'd.csv'}#1",
    ]


def test_archives_of_every_kind(tmp_path: Path) -> None:
    files = {
        "cables/seed.txt": SEED,
        "cables/notes/seed-crlf.txt": SEED.replace(b"\n", b"\r\n"),
        "cables/rows.csv": CSV_ROW,
        "cables/style.css": b"p {}",
    }
    expected = ["cables/seed.txt", "cables/notes/seed-crlf.txt", "cables/rows.csv#1"]
    archives = []
    for suffix, mode in (
        ("tar", "w"),
        ("tar.gz", "w:gz"),
        ("tar.bz2", "w:bz2"),
        ("tar.xz", "w:xz"),
    ):
        path = tmp_path / f"corpus.{suffix}"
        _tar(path, files, mode)
        archives.append(path)
    zipped = tmp_path / "corpus.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    archives.append(zipped)
    seed = cableparse.parse(SEED.decode("utf-8"))
    for path in archives:
        documents = list(cableparse.iter_documents(path))
        assert [name for name, _ in documents] == [f"{path}/{name}" for name in expected]
        assert documents[0][1] == seed == documents[1][1]
        row = documents[2][1]
        assert isinstance(row, cableparse.Cable)
        assert row.subject == "A ROW" and row.page is not None
        assert row.page.reference_id == "07BEIJING1960"


def test_archives_inside_archives_and_several_paths(tmp_path: Path) -> None:
    inner = tmp_path / "inner.zip"
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("seed.txt", SEED)
    outer = tmp_path / "outer.tar.gz"
    _tar(outer, {"inner.zip": inner.read_bytes(), "x.txt": b"Plain words."}, "w:gz")
    single = tmp_path / "single.txt"
    single.write_bytes(b"Another plain text.")
    names = [name for name, _ in cableparse.iter_documents([outer, str(single)])]
    assert names == [f"{outer}/inner.zip/seed.txt", f"{outer}/x.txt", str(single)]


def test_markdown_links_give_the_plain_cable() -> None:
    import re

    seed = SEED.decode("utf-8")
    assert "[PREL](#)" in seed
    plain = re.sub(r"\[([A-Z]+)\]\(#\)", r"\1", seed)
    markdown = re.sub(r"\n¶(\d+)\.", r"\n[¶](#par\1)\1.", seed)
    assert "[¶](#par1)1. (C)" in markdown and "TAGS: PREL UNSC" in plain
    documents = [cableparse.parse_bytes(text.encode("utf-8")) for text in (plain, markdown)]
    assert documents[0] == documents[1] == cableparse.parse(seed)
    assert isinstance(documents[1], cableparse.Cable)
    assert [t.code for t in documents[1].tags] == ["PREL", "UNSC", "ZL", "CH", "RS", "SR"]
    assert documents[1].paragraphs[0].number == 1


def test_news_seeds_are_articles() -> None:
    news = sorted(SEEDS.glob("00[0234]_*.txt")) if SEEDS.exists() else []
    if not news:
        pytest.skip("seeds not available (../shared is absent)")
    for path in news:
        document = cableparse.parse_file(path)
        assert isinstance(document, cableparse.Article), path.name
        assert document.paragraphs


def test_missing_and_broken_inputs(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(FileNotFoundError):
        list(cableparse.iter_documents(missing))
    with pytest.raises(FileNotFoundError):
        cableparse.parse_file(missing)
    broken = tmp_path / "broken.tar.xz"
    broken.write_bytes(b"\xfd7zXZ\x00" + b"garbage" * 50)
    good = tmp_path / "good.txt"
    good.write_bytes(SEED)
    items = list(iter_inputs([missing, broken, good]))
    assert [type(item).__name__ for item in items] == ["InputError", "InputError", "RawInput"]
    assert isinstance(items[0], InputError) and items[0].message == "No such file or directory"
    # An archive is not one document: a defect in lenient mode, ParseError when strict.
    document = cableparse.parse_bytes(b"\x1f\x8b\x08\x00", name="x.tar.gz")
    assert any("iter_documents" in d.message for d in document.defects)
    with pytest.raises(cableparse.ParseError, match="archive"):
        cableparse.parse_bytes(b"\x1f\x8b\x08\x00", name="x.tar.gz", strict=True)


def test_standard_input_stream_of_csv_rows() -> None:
    from cableparse.sources.files import documents_from, iter_stream_inputs

    documents = list(documents_from(iter_stream_inputs(io.BytesIO(CSV_ROW + CSV_ROW))))
    assert [name for name, _ in documents] == ["-#1", "-#1"]


_NAMES = ("x.tar", "x.tar.gz", "x.tar.xz", "x.zip", "x.csv", "x.html", "x")
_PREFIXES = (b"", b"\x1f\x8b", b"PK\x03\x04", b"\xfd7zXZ\x00", b'"1","12/28/1966 18:48","')


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(_PREFIXES), st.binary(max_size=600), st.sampled_from(_NAMES))
def test_damaged_files_never_raise_from_iter_inputs(
    tmp_path_factory: pytest.TempPathFactory, prefix: bytes, data: bytes, name: str
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / name
    path.write_bytes(prefix + data)
    for item in iter_inputs(path):
        if isinstance(item, RawInput):
            assert cableparse.parse_bytes(item.data, name=item.name).kind
        elif isinstance(item, RowInput):
            assert cableparse.sources.parse_row(item.row).page is not None
        else:
            assert item.message


def test_compressed_single_files(tmp_path: Path) -> None:
    import bz2
    import gzip
    import lzma

    seed = cableparse.parse(SEED.decode("utf-8"))
    rows = CSV_ROW + CSV_ROW.replace(b'"1"', b'"2"', 1)
    paths = []
    for suffix, compress in (("gz", gzip.compress), ("bz2", bz2.compress), ("xz", lzma.compress)):
        text = tmp_path / f"seed.txt.{suffix}"
        text.write_bytes(compress(SEED))
        table = tmp_path / f"cables.csv.{suffix}"
        table.write_bytes(compress(rows))
        paths += [text, table]
        assert cableparse.parse_file(text) == seed
    documents = list(cableparse.iter_documents(paths))
    names = [name for name, _ in documents]
    assert names[:3] == [str(paths[0]), f"{paths[1]}#1", f"{paths[1]}#2"]
    assert len(documents) == 9
    assert all(documents[i][1] == seed for i in (0, 3, 6))
    assert {d.page.reference_id for _, d in documents if d.page} == {"07BEIJING1960"}
    broken = tmp_path / "broken.txt.xz"
    broken.write_bytes(lzma.compress(SEED)[:-40])
    items = list(iter_inputs(broken))
    assert len(items) == 1 and isinstance(items[0], InputError)


def test_convert_reads_standard_input(tmp_path: Path) -> None:
    import lzma
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "cableparse", "convert", "-", "-o", "-", "-q", "--jobs", "1"],
        input=lzma.compress(CSV_ROW),
        capture_output=True,
        check=True,
    )
    assert result.stdout.count(b"\n") == 1
    assert b'"reference_id":"07BEIJING1960"' in result.stdout
