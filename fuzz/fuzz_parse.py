"""Coverage-guided fuzzing of ``cableparse.parse`` and ``cableparse.parse_bytes`` (atheris).

Not part of the test suite; see fuzz/README.md.  Each input is parsed leniently (which must
return a document whose JSON serialises) and strictly (which may raise only ParseError).
Any other exception is a bug and makes atheris stop with the input that caused it.
"""

from __future__ import annotations

import contextlib
import sys

import atheris  # type: ignore[import-untyped]  # ships no type stubs

with atheris.instrument_imports():
    import cableparse
    from cableparse import ParseError
    from cableparse.sources.sniff import InputKind, sniff


def _check(document: cableparse.Document) -> None:
    if not isinstance(document, cableparse.Cable | cableparse.Article):
        raise AssertionError(f"parse returned {type(document).__name__}")
    cableparse.to_json(document, spans=True)


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    as_bytes = provider.ConsumeBool()
    if as_bytes:
        raw = provider.ConsumeBytes(provider.remaining_bytes())
        if sniff(raw[:4096]) in (InputKind.TAR, InputKind.ZIP):
            # parse_bytes takes one document and refuses archives (tar, zip, gzip, bzip2,
            # xz magic) with a ValueError that points to iter_documents: documented API.
            return
        _check(cableparse.parse_bytes(raw))
        with contextlib.suppress(ParseError):
            _check(cableparse.parse_bytes(raw, strict=True))
        return
    text = provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes())
    _check(cableparse.parse(text))
    with contextlib.suppress(ParseError):
        _check(cableparse.parse(text, strict=True))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
