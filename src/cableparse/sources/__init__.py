"""Real inputs: bytes in any of the published encodings, Cablegate HTML pages, cables.csv
rows, and folders or archives of them."""

from __future__ import annotations

from .csv import CsvRow, csv_partitions, iter_csv_range, iter_csv_rows
from .decode import Decoded, decode
from .files import InputError, RawInput, RowInput, iter_documents, iter_inputs
from .html import HtmlDocument, read_html
from .parse import parse_bytes, parse_file, parse_row
from .sniff import InputKind, sniff

__all__ = [
    "CsvRow",
    "Decoded",
    "HtmlDocument",
    "InputError",
    "InputKind",
    "RawInput",
    "RowInput",
    "csv_partitions",
    "decode",
    "iter_csv_range",
    "iter_csv_rows",
    "iter_documents",
    "iter_inputs",
    "parse_bytes",
    "parse_file",
    "parse_row",
    "read_html",
    "sniff",
]
