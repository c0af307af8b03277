"""The conversion engine: order, parallel workers, flat memory, errors, Parquet, Dask."""

from __future__ import annotations

import io
import json
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import cableparse
from cableparse.convert import (
    CHUNKSIZE,
    WINDOW_CHUNKS,
    OutputFormat,
    Summary,
    TerminalProgress,
    _outcomes,
    _work,
    convert,
)
from cableparse.sources import RawInput
from conftest import EXAMPLES, corpus_file, iter_cablegate_pages

SEED = EXAMPLES / "seed-cable.txt"


@pytest.fixture(scope="module")
def small_archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A tar.gz of 60 corpus pages, every 20th."""
    pages = list(iter_cablegate_pages())[::20]
    path = tmp_path_factory.mktemp("convert") / "pages.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        for name, markup in pages:
            data = markup.encode("utf-8")
            info = tarfile.TarInfo(f"pages/{name}.html")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path, [name for name, _ in pages]


def _convert(paths: list[Path], jobs: int) -> tuple[bytes, Summary]:
    out = io.BytesIO()
    summary = convert(paths, out, jobs=jobs)
    return out.getvalue(), summary


def test_one_and_two_workers_write_the_same_lines_in_input_order(
    small_archive: tuple[Path, list[str]],
) -> None:
    path, names = small_archive
    one, summary = _convert([path], jobs=1)
    two, _ = _convert([path], jobs=2)
    assert one == two
    documents = [json.loads(line) for line in one.splitlines()]
    assert [d["page"]["reference_id"] for d in documents] == names
    assert summary.documents == summary.cables == len(names)
    assert summary.articles == 0 and not summary.errors
    defects = sum(len(d["defects"]) for d in documents)
    assert sum(count for _, count in summary.defects) == defects


def test_reading_waits_for_the_workers() -> None:
    seed = SEED.read_bytes()
    read = 0

    def inputs() -> Iterator[RawInput]:
        nonlocal read
        for number in range(400):
            read += 1
            yield RawInput(f"{number}.txt", seed)

    from functools import partial

    work = partial(_work, strict=False, spans=False, columns=False)
    results = _outcomes(inputs(), work, jobs=2)
    first = next(results)
    assert first.name == "0.txt"
    # A bounded window of documents is in flight, not the whole input.
    assert read <= 2 * CHUNKSIZE * WINDOW_CHUNKS + 1
    names = [first.name] + [outcome.name for outcome in results]
    assert names == [f"{n}.txt" for n in range(400)]


def test_parquet_output(tmp_path: Path, small_archive: tuple[Path, list[str]]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path, names = small_archive
    news = tmp_path / "news.txt"
    news.write_text("WASHINGTON (Reuters) - Markets rose.\n\nTraders said so.\n")
    target = tmp_path / "out.parquet"
    with open(target, "wb") as out:
        summary = convert([path, news], out, jobs=1, output_format=OutputFormat.PARQUET)
    table = pq.read_table(target)
    assert table.num_rows == summary.documents == len(names) + 1
    rows = table.to_pylist()
    assert [row["kind"] for row in rows] == ["cable"] * len(names) + ["article"]
    assert rows[0]["name"] == f"{path}/pages/{names[0]}.html"
    first = cableparse.from_json(rows[0]["document"])
    assert isinstance(first, cableparse.Cable)
    assert first.page is not None and rows[0]["created"] == first.page.created
    assert rows[0]["reference_id"] == first.reference_id


def test_progress_bar_and_summary_text() -> None:
    defects = (("decl-invalid", 5), ("unparsed-line", 2))
    summary = Summary(documents=1500, cables=1200, articles=300, defects=defects, seconds=3.0)
    stream = io.StringIO()
    progress = TerminalProgress(stream)
    progress.update(summary, 50, 200)
    progress.message("cableparse: x.txt: broken")
    progress.close()
    text = stream.getvalue()
    assert "[######..................]  25% 1,500 documents, 500/s" in text
    assert "\r\x1b[Kcableparse: x.txt: broken\n" in text
    assert summary.render() == (
        "1,500 documents (1,200 cables, 300 articles), 0 errors, in 3.0 s "
        "(500.0 documents/s)\ndefects: 7 (decl-invalid 5, unparsed-line 2)"
    )


# --- the Dask recipe of docs/scale-out.md -------------------------------------------------


def test_dask_over_files(small_archive: tuple[Path, list[str]], tmp_path: Path) -> None:
    db = pytest.importorskip("dask.bag")
    import dask

    path, names = small_archive
    with tarfile.open(path) as tar:
        tar.extractall(tmp_path, filter="data")
    paths = sorted(str(p) for p in (tmp_path / "pages").glob("*.html"))
    documents = (
        db.from_sequence(paths, partition_size=20)
        .map(cableparse.parse_file)
        .map(cableparse.to_dict)
    )
    with dask.config.set(scheduler="processes", num_workers=2):
        ids = documents.pluck("page").pluck("reference_id").compute()
    assert ids == sorted(names)
    with dask.config.set(scheduler="synchronous"):
        lines = documents.map(lambda d: json.dumps(d)).to_textfiles(str(tmp_path / "out-*.jsonl"))
    written = [json.loads(line) for name in lines for line in Path(name).read_text().splitlines()]
    assert [d["page"]["reference_id"] for d in written] == sorted(names)


def test_dask_over_csv_partitions(tmp_path: Path) -> None:
    db = pytest.importorskip("dask.bag")
    import dask

    from cableparse.sources import csv_partitions, iter_csv_range, parse_row

    sample = corpus_file("cables-csv-sample/cables_sample.csv").read_bytes()
    # The two sample rows, renumbered into a file of 40 rows.
    rows = sample.split(b'\n"2","')
    second = b'"2","' + rows[1]
    first = rows[0] + b"\n"
    data = b"".join(first if n % 2 else second for n in range(40))
    path = tmp_path / "cables.csv"
    path.write_bytes(data)

    def convert_range(start: int, end: int) -> list[dict[str, object]]:
        with open(path, "rb") as handle:
            return [cableparse.to_dict(parse_row(r)) for r in iter_csv_range(handle, start, end)]

    with open(path, "rb") as handle:
        ranges = csv_partitions(handle, 6)
    documents = db.from_sequence(ranges, npartitions=len(ranges)).starmap(convert_range).flatten()
    with dask.config.set(scheduler="threads"):
        ids = documents.pluck("reference_id").compute()
    assert ids == ["72TEHRAN1164", "66BUENOSAIRES2481"] * 20
