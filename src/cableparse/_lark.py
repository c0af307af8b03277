"""The only module that builds Lark parsers.

Grammars live in ``grammars/*.lark`` at the repository root; the wheel ships them inside
the package as ``cableparse/grammars``.  Parsers are LALR with the contextual lexer and
are built lazily, once per process: importing :mod:`cableparse` never builds one.

Building the header parser (grammar analysis, LALR tables) takes several hundred
milliseconds, so the result is kept in Lark's own cache file, in the user cache directory
(``$CABLEPARSE_CACHE_DIR``, else ``$XDG_CACHE_HOME/cableparse``, else
``~/.cache/cableparse``).  Lark stores a hash of the grammar text, the parser options and
the Lark version in the file and rebuilds when any of them differs, so an edited grammar
or an upgraded Lark never loads stale tables.  When no cache directory can be written
(read-only home, sandbox) the parser is simply built in memory; set
``CABLEPARSE_CACHE_DIR=`` (empty) to turn the cache off.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # lark is imported on first use, not at package import
    from lark import Lark

__all__ = ["cache_dir", "get_parser", "grammar_path"]

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


def cache_dir() -> Path | None:
    """Directory for the parser cache files, or None when caching is off."""
    configured = os.environ.get("CABLEPARSE_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cableparse"


def _cache_file(name: str, grammar: str) -> str | None:
    directory = cache_dir()
    if directory is None:
        return None
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    if not os.access(directory, os.W_OK | os.R_OK):
        return None
    # The digest in the name only keeps two checkouts with different grammars from
    # evicting each other; validity is checked by Lark from the hash inside the file.
    digest = hashlib.sha256(grammar.encode("utf-8")).hexdigest()[:16]
    return str(directory / f"{name}-{digest}.lark-cache")


@functools.cache
def get_parser(name: str) -> Lark:
    from lark import Lark

    grammar = grammar_path(name).read_text(encoding="utf-8")
    options = {
        "parser": "lalr",
        "lexer": "contextual",
        "start": _STARTS[name],
        "maybe_placeholders": True,
    }
    cache = _cache_file(name, grammar)
    if cache is not None:
        try:
            return Lark(grammar, cache=cache, **options)
        except OSError:  # pragma: no cover - a cache that vanished or turned read-only
            pass
    return Lark(grammar, cache=False, **options)
