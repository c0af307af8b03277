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
import importlib.resources
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .lalr import token_reader

if TYPE_CHECKING:  # lark is imported on first use, not at package import
    from lark import Lark

__all__ = [
    "cache_dir",
    "get_parser",
    "grammar_path",
    "plain_tag_codes",
    "preamble_tokens",
    "tags_field_tokens",
]

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
    import hashlib  # here, not at import: it loads OpenSSL (~3 ms)

    digest = hashlib.sha256(grammar.encode("utf-8")).hexdigest()[:16]
    return str(directory / f"{name}-{digest}.lark-cache")


@functools.cache
def get_parser(name: str) -> Lark:
    """The LALR parser of ``grammars/<name>.lark``."""
    from lark import Lark

    grammar = grammar_path(name).read_text(encoding="utf-8")
    options: dict[str, object] = {
        "parser": "lalr",
        "lexer": "contextual",
        "start": _STARTS[name],
        "maybe_placeholders": True,
    }
    cache = _cache_file(name, grammar)
    if cache is not None:
        fresh = not os.path.exists(cache)
        try:
            parser = Lark(grammar, cache=cache, **options)
        except OSError:  # pragma: no cover - a cache that vanished or turned read-only
            return Lark(grammar, cache=False, **options)
        if fresh:
            _prune(Path(cache), name)
        return parser
    return Lark(grammar, cache=False, **options)


#: Cache files kept per grammar (other checkouts or versions of it); older ones go.
_KEEP = 4


def _prune(written: Path, name: str) -> None:
    """Remove all but the newest cache files of the grammar just cached."""
    try:
        files = sorted(
            written.parent.glob(f"{name}-*.lark-cache"),
            key=lambda path: path.stat().st_mtime,
            reverse=True,
        )
        for old in files[_KEEP:]:
            old.unlink()
    except OSError:  # another process pruned first, or the directory went away
        pass


# --- One preamble field through the LALR tables, without Lark's per-call machinery ---------
#
# A classification or E.O. line is five or six tokens, and ``Lark.parse`` spends more time
# setting up (lexer thread, line counter, parser state, interactive-parser hooks), making
# positioned tokens and building the tree than parsing.  The rules these lines are read
# with are flat (each sub-rule wraps one terminal), so their tree holds nothing that the
# token sequence does not: :meth:`cableparse.lalr.TableParser.tokens` checks the line
# against the very LALR tables Lark built, with the scanners of Lark's own contextual
# lexer, and hands back the tokens.  What it rejects, Lark rejects too (callers ask Lark
# for the error and its position, on that rare path only).


def preamble_tokens(text: str, start: str) -> list[tuple[str, str]] | None:
    """The (terminal, text) tokens of ``text`` parsed from ``start`` of the preamble grammar,
    as the tree holds them (ignored and filtered-out terminals left out); None when the
    grammar rejects the text."""
    return _preamble_reader()(text, start)


@functools.cache
def _preamble_reader() -> Callable[[str, str], list[tuple[str, str]] | None]:
    return token_reader(get_parser("preamble"))


# --- TAGS without the LALR machinery ----------------------------------------------------
#
# ``tags_field`` is a label followed by any sequence of terminals (the grammar makes every
# TAGS line parse), so its parse is pure lexing.  Lark spends ~5 us per token on it, which
# is seconds for a TAGS line with 200,000 codes, and even the table runner above spends
# ~1 us.  The scanner below is built from the grammar's own terminals, in the order and
# with the rules of Lark's contextual lexer, and yields the same tokens in one pass of one
# pattern; it is used only while the rule keeps that shape (checked when it is built),
# otherwise the table runner reads the field.

_TAGS_START = "tags_field"


@functools.cache
def _tags_scanner() -> (
    tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str], str] | None
):
    """(ignored text, label, item scanner, kept item terminal names, label terminal name);
    None if the rule changed."""
    parser = get_parser("preamble")
    rules = [rule for rule in parser.rules if rule.origin.name.lstrip("_").startswith(_TAGS_START)]
    top = [rule for rule in rules if rule.origin.name == _TAGS_START]
    helpers = {rule.origin.name for rule in rules} - {_TAGS_START}
    label: str | None = None
    items: set[str] = set()
    kept: set[str] = set()
    for rule in rules:
        for position, symbol in enumerate(rule.expansion):
            if not symbol.is_term:
                if symbol.name not in helpers:
                    return None  # a nested rule: not a flat token sequence any more
                continue
            if not getattr(symbol, "filter_out", False):
                kept.add(symbol.name)
            if rule in top and position == 0:
                label = symbol.name
            else:
                items.add(symbol.name)
    if label is None or label in items or any(r.expansion[0].name != label for r in top):
        return None
    if any(len(rule.expansion) > 2 for rule in top):
        return None
    terminals = {t.name: t for t in parser.terminals}
    chosen = [terminals[name] for name in (*items, *parser.lexer_conf.ignore)]
    # A string terminal that a regex terminal also matches is retyped by Lark after the
    # match (its "unless" callback); this scanner does not do that, so it stands aside.
    strings = [t for t in chosen if t.pattern.type == "str"]
    for string in strings:
        for other in chosen:
            if (
                other is not string
                and other.pattern.type == "re"
                and re.fullmatch(other.pattern.to_regexp(), string.pattern.value)
            ):
                return None
    chosen.sort(key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name))
    scanner = re.compile("|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in chosen))
    ignore = "|".join(terminals[name].pattern.to_regexp() for name in parser.lexer_conf.ignore)
    ignore_re = re.compile(ignore or "(?!)")
    label_re = re.compile(terminals[label].pattern.to_regexp())
    return ignore_re, label_re, scanner, frozenset(kept & items), label


def _tags_label(
    text: str, ignore_re: re.Pattern[str], label_re: re.Pattern[str]
) -> re.Match[str] | None:
    """The TAGS label after any ignored text, or None."""
    position = 0
    while (skipped := ignore_re.match(text, position)) is not None and skipped.end() > position:
        position = skipped.end()
    return label_re.match(text, position)


# After the label: white space and an optional colon.  Then white space, commas and
# semicolons (the ignored and SEPARATOR terminals) between codes of two to four capitals,
# each followed by no character TAG_CODE takes (so each is one TAG_CODE token).  Two
# patterns, so that no two repeats can share the white space after the label: a code is
# fixed by the capitals around it, and the match is linear.
_PLAIN_LEAD = re.compile(r"\s*:?")
_PLAIN_BODY = re.compile(r"(?:[\s,;]*[A-Z]{2,4}(?![A-Za-z0-9&'/.\-]))*[\s,;]*")
_PLAIN_CODE = re.compile(r"[A-Z]{2,4}")


def plain_tag_codes(text: str) -> list[str] | None:
    """For the usual TAGS field, the label and nothing but codes of two to four capitals
    (``TAGS: PREL, PGOV, KDEM, XX``): the codes, which are its TAG_CODE tokens; else None.

    The label is the grammar's own terminal; after an optional colon (COLON) the rest holds
    no character that PERSON, OTHER or COLON would take, so the tokens need no scanner.
    """
    built = _tags_scanner()
    if built is None:
        return None
    opening = _tags_label(text, built[0], built[1])
    if opening is None:
        return None
    lead = _PLAIN_LEAD.match(text, opening.end())
    start = lead.end() if lead is not None else opening.end()
    if _PLAIN_BODY.fullmatch(text, start) is None:
        return None
    return _PLAIN_CODE.findall(text, start)


def tags_field_tokens(text: str) -> list[tuple[str, str]] | None:
    """``preamble_tokens(text, "tags_field")``, in linear time with a small constant."""
    built = _tags_scanner()
    if built is None:
        return preamble_tokens(text, _TAGS_START)
    ignore_re, label_re, scanner, kept, label = built
    opening = _tags_label(text, ignore_re, label_re)
    if opening is None:
        return None
    tokens = [(label, opening.group())]
    # Equal tokens are shared: a TAGS line that repeats one code 200,000 times holds one
    # tuple 200,000 times.
    made: dict[tuple[str, str], tuple[str, str]] = {}
    position = opening.end()
    for found in scanner.finditer(text, position):
        if found.start() != position:  # a character no terminal matches
            return None
        position = found.end()
        kind = found.lastgroup
        if kind in kept:
            token = (kind, found.group())
            tokens.append(made.setdefault(token, token))
    if position != len(text):
        return None
    return tokens
