"""The installed package carries its grammars and data, and the CLI works from anywhere."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import cableparse
from cableparse._lark import grammar_path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(cableparse.__file__).resolve().parent


def test_grammars_load_from_the_package_when_installed() -> None:
    if ROOT / "src" in PACKAGE.parents:
        pytest.skip("running from a source checkout (editable install)")
    for name in ("header", "preamble"):
        path = grammar_path(name)
        assert path.is_file()
        assert PACKAGE in path.parents, path


def test_grammar_files_match_the_repository() -> None:
    for name in ("header", "preamble"):
        assert grammar_path(name).read_text() == (ROOT / "grammars" / f"{name}.lark").read_text()


def test_cli_runs_from_any_directory(tmp_path: Path) -> None:
    seed = ROOT / "examples" / "seed-cable.txt"
    command = shutil.which("cableparse")
    argv = [command] if command else [sys.executable, "-m", "cableparse"]
    result = subprocess.run(
        [*argv, "parse", str(seed)], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    document = json.loads(result.stdout)
    assert document["reference_id"] == "07BEIJING1960"
    assert document["header"]["date_time_group"] == "2007-03-22T08:16:00Z"


_PROBE = """
import json, sys
import cableparse
before = [m for m in ("lark", "cableparse.sources", "cableparse.schema") if m in sys.modules]
from cableparse import iter_documents
print(json.dumps({
    "before": before,
    "callable": [callable(cableparse.parse_file), callable(cableparse.json_schema),
                 callable(cableparse.render)],
    "sources": cableparse.sources.__name__,
    "reader": iter_documents.__module__,
}))
"""


def test_import_loads_no_parser_library_and_lazy_names_resolve() -> None:
    # Lark comes with the first parse, file readers and the schema with their first use.
    result = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True
    )
    found = json.loads(result.stdout)
    assert found["before"] == []
    assert found["callable"] == [True, True, True]
    assert found["sources"] == "cableparse.sources"
    assert found["reader"].startswith("cableparse.sources")
