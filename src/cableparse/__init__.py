"""cableparse: US diplomatic cables (Cablegate / PlusD telegrams) and news articles as
typed objects and JSON.

>>> import cableparse
>>> cable = cableparse.parse(open("examples/seed-cable.txt").read())  # doctest: +SKIP
>>> cable.reference_id  # doctest: +SKIP
'07BEIJING1960'
"""

from __future__ import annotations

import importlib
from importlib.machinery import EXTENSION_SUFFIXES
from typing import TYPE_CHECKING, Any

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
from .render import render  # eager: the function shares its name with its module
from .serialize import from_dict, from_json, to_dict, to_json

if TYPE_CHECKING:
    from .schema import json_schema
    from .sources import iter_documents, parse_bytes, parse_file

__version__ = "0.1.0"

# Readers of files and archives and the schema load on first use: a program that parses
# text never pays for their imports (~20 ms of ``import cableparse``).
_LAZY = {
    "json_schema": "schema",
    "iter_documents": "sources",
    "parse_bytes": "sources",
    "parse_file": "sources",
}


#: Submodules that ``cableparse.<name>`` reaches without an import of its own.
_SUBMODULES = frozenset({"sources", "schema", "convert", "strategies"})


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later reads skip this function
    return value


def compiled() -> bool:
    """Whether the parser runs as C extension modules built by mypyc (a wheel built on a
    machine with a C compiler: see docs/getting-started.md) rather than from its Python
    source.  Both give the same results; the compiled one is faster."""
    # The build compiles every module a parse runs through, or none; the body reader is one.
    path = getattr(importlib.import_module(".body", __name__), "__file__", None) or ""
    return path.endswith(tuple(EXTENSION_SUFFIXES))


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | _SUBMODULES)


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
    "compiled",
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
