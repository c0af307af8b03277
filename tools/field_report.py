"""How well the corpus parses: contract fields filled and defects by code.

Reads the 1,295 Cablegate pages from ``../shared/corpus/cablegate-2010-html.tar.xz`` (the two
``<pre>`` blocks of each page, unescaped and joined by a blank line), or every ``*.txt`` file
of a directory given as argument, parses each as a cable and prints Markdown tables.

    python tools/field_report.py                      # the archive
    python tools/field_report.py /tmp/corpus/txt      # a directory of .txt files
    python tools/field_report.py --examples decl-invalid   # ids and messages of one code
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing
import sys
import tarfile
from collections.abc import Callable, Iterator
from pathlib import Path

import cableparse
from cableparse import Cable
from cableparse.sources.html import read_html

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT.parent / "shared" / "corpus" / "cablegate-2010-html.tar.xz"


def page_text(html_text: str) -> str:
    """The page's ``<pre>`` blocks, unescaped and joined by a blank line (the library's own
    Cablegate page reader; the test suite keeps an independent one as its oracle)."""
    return read_html(html_text).text


def documents(source: Path) -> Iterator[tuple[str, str]]:
    """(name, text) of every cable in an archive of pages or a directory of .txt files."""
    if source.is_dir():
        for path in sorted(source.glob("*.txt")):
            yield path.stem, path.read_text(encoding="utf-8", errors="replace")
        return
    with tarfile.open(source) as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            if member.isfile() and member.name.endswith(".html"):
                handle = tar.extractfile(member)
                if handle is not None:
                    yield Path(member.name).stem, page_text(handle.read().decode("utf-8"))


FIELDS: dict[str, Callable[[Cable], object]] = {
    "reference_id": lambda c: c.reference_id,
    "classification": lambda c: c.classification,
    "origin": lambda c: c.origin,
    "serial": lambda c: c.serial,
    "section": lambda c: c.section,
    "header": lambda c: c.header,
    "header.date_time_group": lambda c: c.header and c.header.date_time_group,
    "header.to": lambda c: c.header and c.header.to,
    "header.station_name": lambda c: c.header and getattr(c.header, "station_name", None),
    "captions": lambda c: c.captions,
    "distribution": lambda c: c.distribution,
    "executive_order": lambda c: c.executive_order,
    "declassify": lambda c: c.declassify,
    "declassify.date": lambda c: c.declassify and c.declassify.date,
    "tags": lambda c: c.tags,
    "tags (a person tag)": lambda c: any(t.kind.value == "person" for t in c.tags),
    "tags (an unknown tag)": lambda c: any(t.kind.value == "unknown" for t in c.tags),
    "subject": lambda c: c.subject,
    "references": lambda c: c.references,
    "references (a cable_id)": lambda c: any(r.cable_id for r in c.references),
    "classified_by": lambda c: c.classified_by,
    "classified_by.reasons": lambda c: c.classified_by and c.classified_by.reasons,
    "paragraphs": lambda c: c.paragraphs,
    "summary": lambda c: c.summary,
    "signature": lambda c: c.signature,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=ARCHIVE)
    parser.add_argument("--examples", metavar="CODE", help="list the cables with this defect")
    parser.add_argument("--jobs", type=int, default=1, help="parse in this many processes")
    args = parser.parse_args(argv)
    filled: collections.Counter[str] = collections.Counter()
    defects: collections.Counter[str] = collections.Counter()
    cables_with: collections.Counter[str] = collections.Counter()
    examples: list[str] = []
    total = 0
    with multiprocessing.Pool(args.jobs) as pool:
        results = pool.imap(_parse, documents(args.source), chunksize=16)
        for name, document in results:
            total += 1
            _tally(name, document, args.examples, filled, defects, cables_with, examples)
    if args.examples:
        print("\n".join(examples))
        return 0
    print(f"Cables parsed: {total}\n")
    print("| field | cables with it |\n| --- | ---: |")
    for field in FIELDS:
        print(f"| `{field}` | {filled[field]} |")
    print("\n| defect code | defects | cables |\n| --- | ---: | ---: |")
    for code, count in sorted(defects.items(), key=lambda item: (-item[1], item[0])):
        print(f"| `{code}` | {count} | {cables_with[code]} |")
    return 0


def _parse(item: tuple[str, str]) -> tuple[str, Cable]:
    return item[0], cableparse.parse_cable(item[1])


def _tally(
    name: str,
    document: Cable,
    example_code: str | None,
    filled: collections.Counter[str],
    defects: collections.Counter[str],
    cables_with: collections.Counter[str],
    examples: list[str],
) -> None:
    for field, get in FIELDS.items():
        if get(document):
            filled[field] += 1
    codes = [str(defect.code) for defect in document.defects]
    defects.update(codes)
    cables_with.update(set(codes))
    for defect in document.defects:
        if str(defect.code) == example_code:
            examples.append(f"{name}:{defect.line}: {defect.message}")


if __name__ == "__main__":
    sys.exit(main())
