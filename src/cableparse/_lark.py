"""The only module that builds Lark parsers.

Grammars live in ``grammars/*.lark`` at the repository root; the wheel ships them inside
the package as ``cableparse/grammars``.  Parsers are LALR with the contextual lexer and
are built once per process.
"""

from __future__ import annotations

import functools
import importlib.resources
from pathlib import Path

from lark import Lark

__all__ = ["get_parser", "grammar_path"]

#: Start symbols each grammar exposes.
_STARTS: dict[str, list[str]] = {
    "header": [
        "header",
        "transmission_line",
        "relay_line",
        "station_line",
        "security_line",
        "dtg_line",
        "from_line",
        "to_block",
        "info_block",
        "exempt_block",
        "addressee_line",
    ],
    "preamble": [
        "classification_line",
        "eo_line",
        "tags_field",
    ],
}


def grammar_path(name: str) -> Path:
    """Path of ``<name>.lark``: inside the installed package, else in a source checkout."""
    packaged = importlib.resources.files("cableparse") / "grammars" / f"{name}.lark"
    if packaged.is_file():
        return Path(str(packaged))
    # A source checkout (tests run with PYTHONPATH=src or an editable install).
    return Path(__file__).resolve().parents[2] / "grammars" / f"{name}.lark"


@functools.cache
def get_parser(name: str) -> Lark:
    path = grammar_path(name)
    return Lark(
        path.read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        start=_STARTS[name],
        maybe_placeholders=True,
        cache=False,
    )
