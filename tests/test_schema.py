"""The JSON Schema from ``cableparse schema`` against every document the suite can produce.

Seeds, the corpus archives (skipped when ../shared is absent) and generated documents (skipped
until ``cableparse.strategies`` exists) must validate; hand-broken documents must not.
"""

from __future__ import annotations

import contextlib
import copy
import io
import itertools
import json
import tarfile
from collections.abc import Iterator
from typing import Any

import attrs
import jsonschema  # type: ignore[import-untyped,unused-ignore]
import pytest

import cableparse
from cableparse import cli
from cableparse.schema import json_schema, schema_json
from conftest import ROOT, SEEDS, corpus_file

Validator = jsonschema.Draft202012Validator


def _validator(spans: bool = False) -> jsonschema.protocols.Validator:
    return Validator(json_schema(spans=spans), format_checker=Validator.FORMAT_CHECKER)


PLAIN = _validator()
SPANNED = _validator(spans=True)


def _errors(document: dict[str, Any], validator: Any = PLAIN) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(document)
    ]


def _seed_dicts() -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    paths = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    paths.append(ROOT / "examples" / "seed-cable.txt")
    for path in paths:
        document = cableparse.parse(path.read_text(encoding="utf-8"))
        yield path.name, cableparse.to_dict(document), cableparse.to_dict(document, spans=True)


# --- the schema itself -----------------------------------------------------------------------


def test_schema_is_valid_draft_2020_12() -> None:
    Validator.check_schema(json_schema())
    Validator.check_schema(json_schema(spans=True))


def test_committed_schema_matches_the_code() -> None:
    committed = (ROOT / "docs" / "schema.json").read_text(encoding="utf-8")
    assert committed == schema_json(), "regenerate with: cableparse schema > docs/schema.json"


def test_cli_prints_the_schema() -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = cli.main(["schema"])
    assert status == 0
    assert out.getvalue() == schema_json()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli.main(["schema", "--spans"])
    assert json.loads(out.getvalue()) == json_schema(spans=True)


def test_document_properties_are_exactly_the_serialised_keys() -> None:
    defs = json_schema()["$defs"]
    assert list(defs["Cable"]["properties"]) == list(cableparse.to_dict(cableparse.Cable()))
    assert list(defs["Article"]["properties"]) == list(cableparse.to_dict(cableparse.Article()))
    header = cableparse.to_dict(cableparse.Cable(header=cableparse.Header()))["header"]
    assert list(defs["Header"]["properties"]) == list(header)
    assert "from" in defs["Header"]["properties"]
    assert "from_" not in defs["Header"]["properties"]


def test_spans_only_in_the_spans_variant() -> None:
    plain, spanned = json_schema()["$defs"], json_schema(spans=True)["$defs"]
    assert "Span" not in plain and "FieldSpan" not in plain
    assert "span" not in plain["Paragraph"]["properties"]
    assert "spans" in spanned["Cable"]["properties"]
    assert "span" in spanned["Addressee"]["properties"]


def test_enums_list_their_values() -> None:
    defs = json_schema()["$defs"]
    assert defs["Classification"]["enum"] == [c.value for c in cableparse.Classification]
    assert "NIACT IMMEDIATE" in defs["Precedence"]["enum"]
    assert defs["TagKind"]["enum"] == [
        "subject",
        "program",
        "organization",
        "geographic",
        "person",
        "unknown",
    ]
    assert set(defs["DefectCode"]["enum"]) == {code.value for code in cableparse.DefectCode}
    assert defs["Cable"]["properties"]["kind"] == {"const": "cable"}


# --- documents that must validate ---------------------------------------------------------------


def test_seeds_validate() -> None:
    seen = 0
    for name, plain, spanned in _seed_dicts():
        assert _errors(plain) == [], name
        assert _errors(spanned, SPANNED) == [], name
        seen += 1
    assert seen >= 1


def test_seed_cable_values_fit_the_schema_forms() -> None:
    data = cableparse.to_dict(cableparse.parse((ROOT / "examples" / "seed-cable.txt").read_text()))
    assert data["kind"] == "cable"
    assert data["header"]["date_time_group"] == "2007-03-22T08:16:00Z"
    assert data["declassify"]["date"] == "2017-03-22"
    assert _errors(data) == []


def _needs_iter_documents() -> None:
    if not hasattr(cableparse, "iter_documents"):
        pytest.skip("cableparse.iter_documents not available yet")


def test_cablegate_corpus_validates(cablegate_pages: list[tuple[str, str, int]]) -> None:
    failures = {}
    for name, text, _ in cablegate_pages:
        errors = _errors(cableparse.to_dict(cableparse.parse(text)))
        if errors:
            failures[name] = errors[:3]
    assert len(cablegate_pages) == 1295
    assert failures == {}


def test_cablegate_html_pages_validate() -> None:
    # Read as HTML pages, documents also carry the page's metadata (``page``).  The text of
    # all 1,295 pages is covered above; a slice keeps this second pass short.
    _needs_iter_documents()
    archive = corpus_file("cablegate-2010-html.tar.xz")
    documents = itertools.islice(cableparse.iter_documents(archive), 150)
    failures, count = {}, 0
    for name, document in documents:
        data = cableparse.to_dict(document)
        assert data["page"] is not None, name
        errors = _errors(data)
        if errors:
            failures[name] = errors[:3]
        count += 1
    assert count == 150
    assert failures == {}


def test_cablemap_fixture_pages_validate() -> None:
    _needs_iter_documents()
    archive = corpus_file("cablemap-test-fixtures-data-subject.tar.xz")
    documents = list(cableparse.iter_documents(archive))
    assert len(documents) == 10
    for name, document in documents:
        assert _errors(cableparse.to_dict(document, spans=True), SPANNED) == [], name


def _archive_texts(name: str, encoding: str = "utf-8") -> Iterator[tuple[str, str]]:
    with tarfile.open(corpus_file(name)) as tar:
        for member in tar:
            if member.isfile():
                handle = tar.extractfile(member)
                assert handle is not None
                yield member.name, handle.read().decode(encoding, errors="replace")


@pytest.mark.parametrize(
    ("archive", "encoding", "expected"),
    [
        ("cables-with-routing-headers-paul-mathieu.tar.xz", "latin-1", 24),
        ("alx-cablegate-txt-sample.tar.xz", "utf-8", 8),
        ("news-reuters-financial-ding2014.tar.xz", "utf-8", 1000),
    ],
)
def test_text_archives_validate(archive: str, encoding: str, expected: int) -> None:
    count, failures = 0, {}
    kinds = set()
    for name, text in _archive_texts(archive, encoding):
        if name.endswith((".md", "README")):
            continue
        document = cableparse.parse(text)
        kinds.add(document.kind.value)
        errors = _errors(cableparse.to_dict(document)) + _errors(
            cableparse.to_dict(document, spans=True), SPANNED
        )
        if errors:
            failures[name] = errors[:3]
        count += 1
    assert count == expected
    assert failures == {}
    assert kinds


def test_csv_sample_validates() -> None:
    _needs_iter_documents()
    path = corpus_file("cables-csv-sample/cables_sample.csv")
    documents = list(cableparse.iter_documents(path))
    assert len(documents) == 2
    for name, document in documents:
        data = cableparse.to_dict(document)
        assert data["page"] is not None, name
        assert _errors(data) == [], name


def _generated(value: object) -> dict[str, Any] | None:
    # The strategies may yield model objects or cable/article text; both must validate.
    if isinstance(value, str):
        return cableparse.to_dict(cableparse.parse(value))
    if isinstance(value, cableparse.Cable | cableparse.Article):
        return cableparse.to_dict(value)
    return None


@pytest.mark.parametrize("name", ["cables", "articles", "documents"])
def test_generated_documents_validate(name: str) -> None:
    from hypothesis import HealthCheck, given, settings

    strategies = pytest.importorskip("cableparse.strategies")
    if not hasattr(strategies, name):
        pytest.skip(f"cableparse.strategies.{name} has not landed yet")

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(getattr(strategies, name)())
    def check(value: object) -> None:
        data = _generated(value)
        if data is None:
            pytest.skip(f"strategies.{name}() yields {type(value).__name__}, not a document")
        assert _errors(data) == []

    check()


# --- documents that must not validate --------------------------------------------------------


def _seed_cable_dict() -> dict[str, Any]:
    text = (ROOT / "examples" / "seed-cable.txt").read_text(encoding="utf-8")
    return cableparse.to_dict(cableparse.parse(text))


@pytest.mark.parametrize(
    "breakage",
    [
        "rename-from",
        "unknown-kind",
        "bad-classification",
        "naive-datetime",
        "drop-key",
        "extra-key",
        "string-serial",
    ],
)
def test_broken_documents_fail(breakage: str) -> None:
    data = copy.deepcopy(_seed_cable_dict())
    if breakage == "rename-from":
        data["header"]["from_"] = data["header"].pop("from")
    elif breakage == "unknown-kind":
        data["kind"] = "telegram"
    elif breakage == "bad-classification":
        data["classification"] = "CONFIDENTIAL//NOFORN"
    elif breakage == "naive-datetime":
        data["header"]["date_time_group"] = "2007-03-22T08:16:00"
    elif breakage == "drop-key":
        del data["tags"]
    elif breakage == "extra-key":
        data["paragraphs"][0]["span"] = {"first_line": 1, "last_line": 2}
    elif breakage == "string-serial":
        data["serial"] = "1960"
    assert _errors(data) != []


def test_model_classes_all_described() -> None:
    # Every attrs class a document can hold has a definition with its own docstring text.
    defs = json_schema(spans=True)["$defs"]
    for name, definition in defs.items():
        cls = getattr(cableparse.model, name, None) or getattr(cableparse.defects, name, None)
        assert cls is not None, name
        if attrs.has(cls):
            assert definition["description"], name


def test_docs_schema_page_embeds_the_schema() -> None:
    page = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert schema_json().strip() in page


def test_schema_file_is_plain_json() -> None:
    assert json.loads((ROOT / "docs" / "schema.json").read_text()) == json_schema()
