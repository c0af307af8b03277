"""cableparse: US diplomatic cables (Cablegate / PlusD telegrams) and news articles as
typed objects and JSON.

>>> import cableparse
>>> cable = cableparse.parse(open("examples/seed-cable.txt").read())  # doctest: +SKIP
>>> cable.reference_id  # doctest: +SKIP
'07BEIJING1960'
"""

from __future__ import annotations

from .defects import CableParseError, Defect, DefectCode, ParseError
from .detect import Detection, detect
from .model import (
    Addressee,
    Article,
    Cable,
    Classification,
    ClassifiedBy,
    Credit,
    Dateline,
    Declassify,
    Document,
    DocumentKind,
    Header,
    Page,
    Paragraph,
    Precedence,
    Reference,
    ReferenceKind,
    Relay,
    Section,
    Security,
    Span,
    Tag,
    TagKind,
    TextBlock,
    UnparsedLine,
)
from .parse import parse, parse_article, parse_cable
from .render import render
from .schema import json_schema
from .serialize import from_dict, from_json, to_dict, to_json
from .sources import iter_documents, parse_bytes, parse_file

__version__ = "0.1.0"

__all__ = [
    "Addressee",
    "Article",
    "Cable",
    "CableParseError",
    "Classification",
    "ClassifiedBy",
    "Credit",
    "Dateline",
    "Declassify",
    "Defect",
    "DefectCode",
    "Detection",
    "Document",
    "DocumentKind",
    "Header",
    "Page",
    "Paragraph",
    "ParseError",
    "Precedence",
    "Reference",
    "ReferenceKind",
    "Relay",
    "Section",
    "Security",
    "Span",
    "Tag",
    "TagKind",
    "TextBlock",
    "UnparsedLine",
    "__version__",
    "detect",
    "from_dict",
    "from_json",
    "iter_documents",
    "json_schema",
    "parse",
    "parse_article",
    "parse_bytes",
    "parse_cable",
    "parse_file",
    "render",
    "to_dict",
    "to_json",
]
