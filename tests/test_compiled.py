"""A wheel compiled by mypyc parses exactly as the Python source does.

mypyc checks at run time the types the source only declares, and calls functions of
its own modules directly: a declaration that lies, or code that relies on looking a
name up at call time, behaves differently compiled.  These tests run where the installed
package is compiled (CI installs the wheel README's command builds) and load a second,
pure copy of the package from ``src/`` to compare the two on real and generated
documents.  From a source checkout (an editable install) there is nothing to compare.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cableparse
from cableparse import strategies
from conftest import EXAMPLES, SEEDS, iter_cablegate_pages, page_text

ROOT = Path(__file__).resolve().parents[1]
PURE_NAME = "cableparse_source"

pytestmark = pytest.mark.skipif(
    not cableparse.compiled(), reason="the installed cableparse is not compiled"
)


def _load_source() -> ModuleType:
    """The package under ``src/`` as a second package, ``cableparse_source``."""
    if PURE_NAME in sys.modules:
        return sys.modules[PURE_NAME]
    init = ROOT / "src" / "cableparse" / "__init__.py"
    spec = importlib.util.spec_from_file_location(
        PURE_NAME, init, submodule_search_locations=[str(init.parent)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[PURE_NAME] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def source() -> ModuleType:
    module = _load_source()
    if module.compiled():
        pytest.skip("src/ holds compiled modules too (an in-place build)")
    return module


def _both(source: ModuleType, text: str, **options: Any) -> tuple[object, object]:
    compiled = cableparse.to_dict(cableparse.parse(text, **options))
    pure = source.to_dict(source.parse(text, **options))
    return compiled, pure


def test_every_module_the_build_lists_is_compiled() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = config["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["custom"]["modules"]
    names = [path.removesuffix(".py").replace("/", ".") for path in listed]
    assert len(names) == 20
    for name in names:
        module = importlib.import_module(name)
        assert Path(module.__file__ or "").suffix != ".py", name


def test_seeds_and_examples_parse_alike(source: ModuleType) -> None:
    paths = sorted(EXAMPLES.glob("*.txt")) + sorted(SEEDS.glob("*"))
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        compiled, pure = _both(source, text)
        assert compiled == pure, path.name


def test_corpus_pages_parse_alike(source: ModuleType) -> None:
    for name, html_text in iter_cablegate_pages():  # skips without ../shared
        text, _ = page_text(html_text)
        compiled, pure = _both(source, text)
        assert compiled == pure, name


@settings(max_examples=150, deadline=None)
@given(text=strategies.cable_texts(damaged=True), strict=st.booleans())
def test_generated_cables_parse_alike(source: ModuleType, text: str, strict: bool) -> None:
    outcomes = []
    for module in (cableparse, source):
        try:
            outcomes.append(module.to_dict(module.parse(text, strict=strict)))
        except module.ParseError as error:
            outcomes.append((str(error), error.line, error.column))
    assert outcomes[0] == outcomes[1]


@settings(max_examples=150, deadline=None)
@given(text=st.text(st.sampled_from("ACDEFINORSTUZ0123456789 ./:()-\n\t¶#"), max_size=400))
def test_arbitrary_text_parses_alike(source: ModuleType, text: str) -> None:
    compiled, pure = _both(source, text)
    assert compiled == pure
