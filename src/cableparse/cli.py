"""Command line: ``cableparse parse FILE...`` prints documents as JSON; ``cableparse convert
SRC... -o OUT.jsonl`` converts whole corpora.

Each subcommand is a parser built in :func:`build_parser` with a ``handler`` default that
:func:`main` calls with the parsed arguments; a handler returns the exit status.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from typing import IO

from . import __version__, compiled
from .convert import ConvertError, OutputFormat, TerminalProgress, convert, default_jobs
from .defects import ParseError
from .model import Document
from .serialize import to_json
from .sources.files import Input, InputError, documents_from, iter_inputs, iter_stream_inputs

__all__ = ["build_parser", "main"]

PROG = "cableparse"


def _error(name: str, message: str) -> None:
    print(f"{PROG}: {name}: {message}", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Parse US diplomatic cables and news articles into JSON.",
    )
    build = "compiled" if compiled() else "pure Python"
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__} ({build})")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_parse(commands)
    _add_convert(commands)
    _add_schema(commands)
    return parser


def _add_schema(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the documents",
        description="Print the JSON Schema (draft 2020-12) that every printed document "
        "validates against.",
    )
    schema.add_argument(
        "--spans", action="store_true", help="the schema of the output of parse --spans"
    )
    schema.set_defaults(handler=_schema_command)


def _schema_command(args: argparse.Namespace) -> int:
    from .schema import schema_json

    sys.stdout.write(schema_json(spans=args.spans))
    return 0


def _add_parse(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "parse",
        help="parse files and print JSON",
        description=(
            "Parse each FILE and print its JSON document: one object for one document, "
            "JSON Lines (one object per line) for several.  A FILE may be text, Markdown, a "
            "Cablegate HTML page, a cables.csv, a folder or an archive."
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
        "--indent", action="store_true", help="indent the JSON (single-document output only)"
    )
    command.set_defaults(handler=_parse_command)


def _add_convert(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "convert",
        help="convert files, folders, archives and cables.csv files to JSON Lines",
        description=(
            "Convert every document under the SRC paths (files, folders, .tar/.tar.gz/"
            ".tar.bz2/.tar.xz/.zip archives, cables.csv files) to one JSON document per "
            "line, in input order.  A document that cannot be read is reported on stderr "
            "and skipped; a summary closes the run."
        ),
    )
    command.add_argument(
        "sources", nargs="+", metavar="SRC", help="file, folder or archive; - reads stdin"
    )
    command.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="OUT",
        help="output file; - (the default) writes to stdout",
    )
    command.add_argument(
        "--format",
        choices=[f.value for f in OutputFormat],
        default=OutputFormat.JSONL.value,
        help="jsonl (default), or parquet (needs pip install 'cableparse[parquet]')",
    )
    command.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help=f"worker processes (default: all cores, here {default_jobs()})",
    )
    command.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary"
    )
    command.add_argument(
        "--strict",
        action="store_true",
        help="a document with any problem counts as an error and is left out",
    )
    command.add_argument(
        "--fail-on-error",
        action="store_true",
        help="exit with status 1 when any document could not be converted",
    )
    command.add_argument(
        "--spans", action="store_true", help="include the input line spans of each part"
    )
    command.set_defaults(handler=_convert_command)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        status: int = args.handler(args)
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, and keep Python from complaining
        # when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    return status


# --- parse ------------------------------------------------------------------------------


def _parse_command(args: argparse.Namespace) -> int:
    status = 0
    single = len(args.files) == 1
    # With one FILE, its first document waits until we know whether it is the only one
    # (one JSON object, indented if asked) or the first of several (JSON Lines).
    first: Document | None = None
    count = 0
    for name in args.files:
        try:
            for document in _documents(name, args):
                count += 1
                if single and count == 1:
                    first = document
                    continue
                if first is not None:
                    _write(first, args.spans, indent=False)
                    first = None
                _write(document, args.spans, indent=False)
        except ParseError as error:
            _error(name, str(error))
            status = 1
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:
            _error(name, _describe(error))
            status = 1
    if first is not None:
        _write(first, args.spans, indent=args.indent)
    return status


def _write(document: Document, spans: bool, *, indent: bool) -> None:
    sys.stdout.write(to_json(document, spans=spans, indent=indent))
    sys.stdout.write("\n")


def _documents(name: str, args: argparse.Namespace) -> Iterator[Document]:
    inputs = iter_stream_inputs(sys.stdin.buffer) if name == "-" else iter_inputs(name)
    documents = documents_from(_checked(inputs), strict=args.strict, cable=args.cable)
    for _, document in documents:
        yield document


def _checked(inputs: Iterator[Input]) -> Iterator[Input]:
    for item in inputs:
        if isinstance(item, InputError):
            raise item.error
        yield item


def _describe(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


# --- convert ----------------------------------------------------------------------------


def _convert_command(args: argparse.Namespace) -> int:
    for source in args.sources:
        if source == "-":
            continue
        if not os.path.exists(source):
            _error(source, "No such file or directory")
            return 1
        if not os.access(source, os.R_OK):
            _error(source, "Permission denied")
            return 1
    output_format = OutputFormat(args.format)
    to_stdout = args.output == "-"
    if to_stdout and output_format is OutputFormat.PARQUET:
        _error(args.output, "parquet output needs a file: use -o OUT.parquet")
        return 2
    try:
        out: IO[bytes] = sys.stdout.buffer if to_stdout else open(args.output, "wb")  # noqa: SIM115
    except OSError as error:
        _error(args.output, _describe(error))
        return 1
    # No bar when the documents themselves scroll past on the same terminal.
    show_bar = sys.stderr.isatty() and not (to_stdout and sys.stdout.isatty())
    progress = TerminalProgress() if show_bar and not args.quiet else None

    def report(error: ConvertError) -> None:
        line = f"{PROG}: {error.name}: {error.message}"
        if progress is not None:
            progress.message(line)
        else:
            print(line, file=sys.stderr)

    try:
        summary = convert(
            args.sources,
            out,
            output_format=output_format,
            jobs=args.jobs or None,
            strict=args.strict,
            spans=args.spans,
            progress=progress,
            on_error=report,
        )
    except RuntimeError as error:
        _error(args.output, str(error))
        return 1
    finally:
        if not to_stdout:
            out.close()
    if not args.quiet:
        print(summary.render(), file=sys.stderr)
    return 1 if args.fail_on_error and summary.errors else 0
