"""Command line: ``cableparse parse FILE...`` prints documents as JSON."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .defects import ParseError
from .parse import parse, parse_cable
from .serialize import to_json

__all__ = ["main"]


def _read(name: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read()
    else:
        data = Path(name).read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cableparse",
        description="Parse US diplomatic cables and news articles into JSON.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    command = commands.add_parser(
        "parse",
        help="parse files and print JSON",
        description=(
            "Parse each FILE and print its JSON document: one object for one file, "
            "JSON Lines (one object per line) for several."
        ),
    )
    command.add_argument("files", nargs="+", metavar="FILE", help="file to parse; - reads stdin")
    command.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first problem with an error naming its line and column "
        "(default: record problems as defects and go on)",
    )
    command.add_argument(
        "--cable",
        action="store_true",
        help="parse every input as a cable, skipping cable/article detection",
    )
    command.add_argument(
        "--spans", action="store_true", help="include the input line spans of each part"
    )
    command.add_argument(
        "--indent", action="store_true", help="indent the JSON (single-file output only)"
    )
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the documents",
        description="Print the JSON Schema (draft 2020-12) that every printed document "
        "validates against.",
    )
    schema.add_argument(
        "--spans", action="store_true", help="the schema of the output of parse --spans"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    if args.command == "schema":
        from .schema import schema_json

        sys.stdout.write(schema_json(spans=args.spans))
        return 0
    status = 0
    several = len(args.files) > 1
    for name in args.files:
        try:
            text = _read(name)
        except OSError as error:
            print(f"cableparse: {name}: {error.strerror or error}", file=sys.stderr)
            status = 1
            continue
        try:
            document = (
                parse_cable(text, strict=args.strict)
                if args.cable
                else parse(text, strict=args.strict)
            )
        except ParseError as error:
            print(f"cableparse: {name}: {error}", file=sys.stderr)
            status = 1
            continue
        sys.stdout.write(to_json(document, spans=args.spans, indent=args.indent and not several))
        sys.stdout.write("\n")
    return status
