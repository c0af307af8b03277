"""The parsing pipeline: text → normalised source → detection → Cable or Article."""

from __future__ import annotations

from .article import build_article
from .cable import build_cable
from .defects import CableParseError, DefectCode, ParseError
from .detect import detect
from .model import Article, Cable, Document, DocumentKind, Page
from .policy import DEFAULT, STRICT, DefectSink, Policy
from .text import normalize

__all__ = ["parse", "parse_article", "parse_cable"]


def _policy(strict: bool) -> Policy:
    return STRICT if strict else DEFAULT


def _guard(error: Exception) -> ParseError:
    # Whatever goes wrong inside the library reaches the caller as a ParseError.
    return ParseError(f"internal error while parsing: {type(error).__name__}: {error}")


def parse(text: str, *, strict: bool = False, page: Page | None = None) -> Document:
    """Parse a document: a :class:`Cable` when it has a cable's structure, else an
    :class:`Article`.  Lenient by default: problems become ``defects``; with
    ``strict=True`` the first problem raises :class:`ParseError`.
    """
    source = normalize(text)
    if detect(source.text).kind is DocumentKind.CABLE:
        return _run_cable(source, strict, page)
    return parse_article(text, strict=strict, page=page)


def parse_cable(text: str, *, strict: bool = False, page: Page | None = None) -> Cable:
    """Parse ``text`` as a cable whatever it looks like (fragments are fine)."""
    return _run_cable(normalize(text), strict, page)


def parse_article(text: str, *, strict: bool = False, page: Page | None = None) -> Article:
    """Parse ``text`` as a plain article."""
    source = normalize(text)
    try:
        return build_article(source, _policy(strict), page)
    except CableParseError:
        raise
    except Exception as error:  # pragma: no cover - a bug; never a traceback for the user
        if strict:
            raise _guard(error) from error
        sink = DefectSink(DEFAULT, source.lines)
        sink.report(DefectCode.INTERNAL_ERROR, f"article parser failed: {error!r}")
        return Article(
            paragraphs=tuple(line for line in source.lines if line.strip()),
            page=page,
            defects=tuple(sink.defects),
        )


def _run_cable(source: object, strict: bool, page: Page | None) -> Cable:
    from .text import SourceText

    assert isinstance(source, SourceText)
    try:
        return build_cable(source, _policy(strict), page)
    except CableParseError:
        raise
    except Exception as error:  # pragma: no cover - a bug; never a traceback for the user
        if strict:
            raise _guard(error) from error
        from .model import UnparsedLine

        sink = DefectSink(DEFAULT, source.lines)
        sink.report(DefectCode.INTERNAL_ERROR, f"cable parser failed: {error!r}")
        return Cable(
            page=page,
            unparsed=tuple(
                UnparsedLine(i + 1, line) for i, line in enumerate(source.lines) if line.strip()
            ),
            defects=tuple(sink.defects),
        )
