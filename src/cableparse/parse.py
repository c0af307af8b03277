"""The parsing pipeline: text → normalised source → detection → Cable or Article."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import attrs

from .article import build_article
from .cable import build_cable
from .defects import CableParseError, Defect, DefectCode, ParseError
from .detect import is_cable
from .model import Article, Cable, Document, Page, UnparsedLine
from .policy import DEFAULT, STRICT, Policy
from .text import SourceText, normalize

if TYPE_CHECKING:
    from .sources.dump import DumpDocument

__all__ = ["parse", "parse_article", "parse_cable"]

_D = TypeVar("_D", Cable, Article)


def _policy(strict: bool) -> Policy:
    return STRICT if strict else DEFAULT


def parse(text: str, *, strict: bool = False, page: Page | None = None) -> Document:
    """Parse a document: a :class:`Cable` when it has a cable's structure, else an
    :class:`Article`.  Lenient by default: problems become ``defects``; with
    ``strict=True`` the first problem raises :class:`ParseError`.

    A whole HTML page given as text is read as :func:`parse_bytes` reads one (a
    Cablegate page's metadata table becomes ``page``), and so is a text dump that opens
    with a five-line prelude (reference id, subject, date, classification, origin: the
    alx/cablegate files), which is a cable whatever its text holds.
    """
    _check_text(text, "parse")
    if page is None:
        if text[:64].lstrip()[:1] == "<" and _is_markup(text):
            from .sources.parse import parse_bytes  # a page given as text: rare, and lazy

            encoded = text.encode("utf-8", "surrogatepass")
            return parse_bytes(encoded, name="page.html", strict=strict)
        dumped = _dump(text)
        if dumped is not None:
            return parse_dump(dumped, strict)
    source = normalize(text)
    if is_cable(source.text):
        return _guarded(build_cable, _cable_fallback, source, strict, page)
    return _guarded(build_article, _article_fallback, source, strict, page)


def _check_text(text: object, function: str) -> None:
    """The parsers take text; bytes (or anything else) get an error that says what to do,
    not a failure somewhere inside."""
    if not isinstance(text, str):
        hint = (
            "; for bytes use cableparse.parse_bytes()"
            if isinstance(text, bytes | bytearray)
            else ""
        )
        raise TypeError(f"{function}() takes a str, not {type(text).__name__}{hint}")


def _is_markup(text: str) -> bool:
    from .sources.html import looks_like_html

    return looks_like_html(text[:1024].encode("utf-8", "surrogatepass"))


def _dump(text: str) -> DumpDocument | None:
    """A text dump with a prelude or a record (see sources/dump.py); None for any other
    text.  Every prelude opens with the two digits of a year, a record with ``id:``."""
    if not (text[:2].isdigit() or text.startswith("id:")):
        return None
    from .sources.dump import read_dump  # the sources import this module: lazy

    return read_dump(text)


def parse_dump(dump: DumpDocument, strict: bool = False) -> Cable:
    """The cable of a text dump: its prelude or record is the page, and the lines of the
    container the text leaves blank are markers."""
    cable = parse_cable(dump.text, strict=strict, page=dump.page)
    if not dump.markers:
        return cable
    markers = sorted((*dump.markers, *cable.markers), key=lambda marker: marker.line)
    return attrs.evolve(cable, markers=tuple(markers))


def parse_cable(text: str, *, strict: bool = False, page: Page | None = None) -> Cable:
    """Parse ``text`` as a cable whatever it looks like (fragments are fine); a text dump
    with a prelude is read as :func:`parse` reads one."""
    _check_text(text, "parse_cable")
    if page is None:
        dumped = _dump(text)
        if dumped is not None:
            return parse_dump(dumped, strict)
    return _guarded(build_cable, _cable_fallback, normalize(text), strict, page)


def parse_article(text: str, *, strict: bool = False, page: Page | None = None) -> Article:
    """Parse ``text`` as a plain article."""
    _check_text(text, "parse_article")
    return _guarded(build_article, _article_fallback, normalize(text), strict, page)


def _guarded(
    build: Callable[[SourceText, Policy, Page | None], _D],
    fallback: Callable[[SourceText, Page | None, Defect], _D],
    source: SourceText,
    strict: bool,
    page: Page | None,
) -> _D:
    """Run a builder; a bug inside it never reaches the caller as a bare traceback."""
    try:
        return build(source, _policy(strict), page)
    except CableParseError:
        raise
    except Exception as error:  # pragma: no cover - only a bug in cableparse gets here
        message = f"parser failed: {type(error).__name__}: {error}"
        if strict:
            raise ParseError(
                f"internal error: {message}", code=DefectCode.INTERNAL_ERROR
            ) from error
        return fallback(source, page, Defect(DefectCode.INTERNAL_ERROR, message))


def _cable_fallback(source: SourceText, page: Page | None, defect: Defect) -> Cable:
    # Every line is kept as unparsed, so the failure loses nothing.
    unparsed = tuple(
        UnparsedLine(number, line) for number, line in enumerate(source.lines, 1) if line.strip()
    )
    return Cable(page=page, unparsed=unparsed, defects=(defect,))


def _article_fallback(source: SourceText, page: Page | None, defect: Defect) -> Article:
    paragraphs = tuple(line for line in source.lines if line.strip())
    return Article(paragraphs=paragraphs, page=page, defects=(defect,))
