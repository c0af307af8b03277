"""A bug inside a builder reaches the caller as a defect (lenient) or a ParseError (strict)."""

from __future__ import annotations

import importlib
from collections.abc import Callable

import pytest

import cableparse
from cableparse.text import normalize

# The module, not the function of the same name that the package exports.
parse_module = importlib.import_module("cableparse.parse")


def _broken(*args: object) -> object:
    raise KeyError("boom")


def test_lenient_parse_keeps_every_line_when_a_builder_fails(
    monkeypatch: pytest.MonkeyPatch, seed_cable_text: str
) -> None:
    monkeypatch.setattr(parse_module, "build_cable", _broken)
    cable = cableparse.parse_cable(seed_cable_text)
    assert [d.code for d in cable.defects] == [cableparse.DefectCode.INTERNAL_ERROR]
    lines = normalize(seed_cable_text).lines  # Markdown links are unwrapped first
    non_blank = [line for line in lines if line.strip()]
    assert [u.text for u in cable.unparsed] == non_blank


def test_strict_parse_turns_a_builder_failure_into_parse_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parse_module, "build_article", _broken)
    with pytest.raises(cableparse.ParseError) as raised:
        cableparse.parse_article("Some story.\n", strict=True)
    assert raised.value.code is cableparse.DefectCode.INTERNAL_ERROR
    article = cableparse.parse_article("Some story.\n")
    assert article.paragraphs == ("Some story.",)


@pytest.mark.parametrize(
    "function", [cableparse.parse, cableparse.parse_cable, cableparse.parse_article]
)
def test_bytes_get_an_error_that_names_parse_bytes(function: Callable[..., object]) -> None:
    with pytest.raises(TypeError, match=r"takes a str, not bytes; for bytes use .*parse_bytes"):
        function(b"UNCLAS PARIS 001007\n")
    with pytest.raises(TypeError, match="takes a str, not NoneType"):
        function(None)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (("x.txt", None), r"not tuple \(iter_documents yields \(name, document\) pairs\)"),
        ({"kind": "cable"}, "not dict"),
        ("UNCLAS PARIS 001007", "not str"),
    ],
)
def test_to_dict_and_to_json_take_documents_only(value: object, message: str) -> None:
    # cattrs turned anything into something: a (name, document) pair into a list.
    for function in (cableparse.to_dict, cableparse.to_json):
        with pytest.raises(TypeError, match=r"to_dict\(\) takes a Cable or an Article, " + message):
            function(value)  # type: ignore[arg-type]


def test_from_dict_takes_a_dict_only() -> None:
    with pytest.raises(
        TypeError, match=r"from_dict\(\) takes a dict \(to_dict's output\), not str"
    ):
        cableparse.from_dict("UNCLAS PARIS 001007")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not list"):
        cableparse.from_json("[1, 2]")


def test_parse_bytes_takes_bytes_only() -> None:
    with pytest.raises(TypeError, match=r"takes bytes, not str; for str use cableparse\.parse"):
        cableparse.parse_bytes("UNCLAS PARIS 001007\n")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="takes bytes, not NoneType"):
        cableparse.parse_bytes(None)  # type: ignore[arg-type]
    text = "UNCLAS PARIS 001007\n\nSUBJECT: TEST\n\n1. (U) Text.\n"
    for data in (bytearray(text.encode()), memoryview(text.encode())):
        assert cableparse.parse_bytes(data) == cableparse.parse_bytes(text.encode())  # type: ignore[arg-type]
