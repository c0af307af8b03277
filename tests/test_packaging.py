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
