"""Count cables by TAGS code and year from a JSON Lines file, with DuckDB, pandas or plain Python.

    python examples/convert_to_jsonl.py corpus.tar.xz -o corpus.jsonl
    python examples/count_tags.py corpus.jsonl [--engine auto|duckdb|pandas|python] [--top 20]

A cable counts once per distinct tag.  Its year is the year of the date-time group in the
routing header, else the two-digit year that starts its reference id (66-99 mean 19xx).
``auto`` uses DuckDB when it is installed, else pandas, else the standard library; all three
print the same table:

    tag     year  cables
    PREL    2009     439
    PGOV    2009     351
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

Row = tuple[str, int | None, int]


def year_of(document: dict[str, Any]) -> int | None:
    # isinstance rather than truthiness: pandas hands missing values over as NaN.
    header = document.get("header")
    stamp = header.get("date_time_group") if isinstance(header, dict) else None
    if isinstance(stamp, str):
        return int(stamp[:4])
    reference_id = document.get("reference_id")
    if isinstance(reference_id, str) and reference_id[:2].isdigit():
        short = int(reference_id[:2])
        return (1900 if short >= 66 else 2000) + short
    return None


def _cables(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            document = json.loads(line)
            if document["kind"] == "cable":
                yield document


def count_python(path: Path) -> list[Row]:
    counts: collections.Counter[tuple[str, int | None]] = collections.Counter()
    for cable in _cables(path):
        year = year_of(cable)
        for code in {tag["code"] for tag in cable["tags"]}:
            counts[code, year] += 1
    return [(tag, year, n) for (tag, year), n in counts.items()]


def count_pandas(path: Path) -> list[Row]:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    # dtype=False: keep the ISO strings and ids as written; only their text is used.
    frame = pd.read_json(path, lines=True, dtype=False)
    cables = frame[frame["kind"] == "cable"]
    rows = pd.DataFrame(
        {
            "year": [year_of(record) for record in cables.to_dict("records")],
            "tag": [sorted({tag["code"] for tag in tags}) for tags in cables["tags"]],
        }
    ).explode("tag")
    rows = rows.dropna(subset=["tag"])
    counts = rows.groupby(["tag", "year"], dropna=False).size()
    return [
        (tag, None if pd.isna(year) else int(year), int(n)) for (tag, year), n in counts.items()
    ]


def count_duckdb(path: Path) -> list[Row]:
    import duckdb  # type: ignore[import-not-found,unused-ignore]

    # Declaring the columns we read keeps DuckDB from inferring a schema over every key.
    query = """
        WITH cables AS (
            SELECT * FROM read_json(?, format = 'newline_delimited', columns = {
                kind: 'VARCHAR', reference_id: 'VARCHAR',
                tags: 'STRUCT(code VARCHAR, kind VARCHAR)[]',
                header: 'STRUCT(date_time_group VARCHAR)'})
            WHERE kind = 'cable'
        ), tagged AS (
            SELECT
                coalesce(
                    CAST(left(header.date_time_group, 4) AS INTEGER),
                    CASE WHEN TRY_CAST(left(reference_id, 2) AS INTEGER) >= 66
                         THEN 1900 ELSE 2000 END + TRY_CAST(left(reference_id, 2) AS INTEGER)
                ) AS year,
                unnest(list_distinct(tags)).code AS tag
            FROM cables
        )
        SELECT tag, year, count(*) FROM tagged GROUP BY tag, year
    """
    return [(tag, year, n) for tag, year, n in duckdb.execute(query, [str(path)]).fetchall()]


ENGINES = {"duckdb": count_duckdb, "pandas": count_pandas, "python": count_python}


def pick_engine(name: str) -> str:
    if name != "auto":
        return name
    for candidate in ("duckdb", "pandas"):
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    return "python"


def table(rows: list[Row], top: int) -> list[str]:
    # The same order for every engine: most cables first, then tag, then year (unknown first).
    ordered = sorted(rows, key=lambda row: (-row[2], row[0], row[1] or 0))[:top]
    lines = [f"{'tag':<7} {'year':>4}  {'cables':>6}"]
    lines.extend(f"{tag:<7} {year or '-':>4}  {n:>6}" for tag, year, n in ordered)
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("jsonl", type=Path, help="JSON Lines from cableparse")
    parser.add_argument("--engine", choices=["auto", *ENGINES], default="auto")
    parser.add_argument("--top", type=int, default=20, help="rows to print (default 20)")
    args = parser.parse_args(argv)
    engine = pick_engine(args.engine)
    rows = ENGINES[engine](args.jsonl)
    print(f"# {sum(1 for _ in _cables(args.jsonl))} cables, counted with {engine}")
    print("\n".join(table(rows, args.top)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
