"""Convert a folder, an archive or single files to JSON Lines, one document per line.

    python examples/convert_to_jsonl.py INPUT... [-o OUTPUT.jsonl]

INPUT may be a folder (read recursively), a ``.tar.xz`` / ``.tar.gz`` / ``.zip`` archive, a
Cablegate HTML page, a plain-text cable or article, or a cables.csv file.  Each output line is
the document's JSON as described in docs/json.md; a summary goes to stderr.

This is the library-level version of ``cableparse convert`` (which adds worker processes,
progress and Parquet output): use it as a starting point when you want to filter or enrich
documents on the way.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path
from typing import TextIO

import cableparse


def convert(inputs: list[Path], out: TextIO) -> collections.Counter[str]:
    counts: collections.Counter[str] = collections.Counter()
    # iter_documents streams: archives are not unpacked to disk and csv rows are read one by
    # one, so memory stays flat however big the input is.
    for _name, document in cableparse.iter_documents(inputs):
        out.write(cableparse.to_json(document))
        out.write("\n")
        counts[document.kind.value] += 1
        counts["defects"] += len(document.defects)
    return counts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", type=Path, metavar="INPUT")
    parser.add_argument("-o", "--output", type=Path, help="output file (default: stdout)")
    args = parser.parse_args(argv)
    if args.output is None:
        counts = convert(args.inputs, sys.stdout)
    else:
        with args.output.open("w", encoding="utf-8") as out:
            counts = convert(args.inputs, out)
    print(
        f"{counts['cable']} cables, {counts['article']} articles, "
        f"{counts['defects']} defects recorded",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
