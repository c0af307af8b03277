"""Every script in examples/ runs on small inputs, and the Python in the docs runs as written.

Examples that need a part of the library that has not landed, or an optional package
(pandas, duckdb), skip rather than fail.
"""

from __future__ import annotations

import doctest
import importlib.util
import json
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import jsonschema  # type: ignore[import-untyped,unused-ignore]
import pytest

import cableparse
from cableparse.schema import json_schema
from conftest import EXAMPLES, ROOT

SEED = EXAMPLES / "seed-cable.txt"
DOCS = ROOT / "docs"


def execute(script: Path, *args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(script), *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def run(script: str, *args: str | Path) -> str:
    result = execute(EXAMPLES / script, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _needs(*names: str) -> None:
    missing = [name for name in names if not hasattr(cableparse, name)]
    if missing:
        pytest.skip(f"cableparse.{', '.join(missing)} not available yet")


# --- examples/routing.py ---------------------------------------------------------------------


def test_routing_prints_sender_recipients_and_time() -> None:
    lines = run("routing.py").splitlines()
    assert (
        lines[0] == "07BEIJING1960  CONFIDENTIAL  filed 2007-03-22 08:16 UTC (precedence IMMEDIATE)"
    )
    assert lines[1] == "  from  AMEMBASSY BEIJING  [RUEHBJ = AMEMBASSY BEIJING]"
    assert lines[2] == (
        "  to    SECSTATE WASHDC  IMMEDIATE  serial 6090  [RUEHC = DEPT OF STATE WASHINGTON DC]"
    )
    assert [line.split("  ")[2] for line in lines[3:]] == [
        "UN SECURITY COUNCIL COLLECTIVE",
        "CHINA POSTS COLLECTIVE",
        "EUROPEAN POLITICAL COLLECTIVE",
    ]


def test_routing_says_when_a_file_is_not_a_cable(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Talks stall\n\nBEIJING (Reuters) - Talks stalled on Monday.\n")
    out = run("routing.py", story, SEED)
    assert out.splitlines()[0] == f"{story}: not a cable (parsed as an article)"
    assert "07BEIJING1960" in out


# --- examples/convert_to_jsonl.py ------------------------------------------------------------


def _small_corpus(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "cable.txt").write_bytes(SEED.read_bytes())
    (folder / "story.txt").write_text(
        "Kosovo talks stall\n\nBEIJING (Reuters) - Talks stalled on Monday.\n", encoding="utf-8"
    )
    archive = tmp_path / "more.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(SEED, arcname="inner/seed.txt")
    return [folder, archive]


def test_convert_writes_one_valid_document_per_line(tmp_path: Path) -> None:
    _needs("iter_documents")
    out = tmp_path / "out.jsonl"
    inputs = _small_corpus(tmp_path)
    result = execute(EXAMPLES / "convert_to_jsonl.py", *inputs, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "2 cables, 1 articles" in result.stderr
    documents = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["kind"] for d in documents] == ["cable", "article", "cable"]
    assert documents[0]["reference_id"] == documents[2]["reference_id"] == "07BEIJING1960"
    validator = jsonschema.Draft202012Validator(json_schema())
    for document in documents:
        validator.validate(document)


# --- examples/count_tags.py ------------------------------------------------------------------


@pytest.fixture
def tags_jsonl(tmp_path: Path) -> Path:
    """The seed cable twice (2007), a 1972-style cable without a header, and an article."""
    seed = cableparse.parse(SEED.read_text(encoding="utf-8"))
    old = cableparse.Cable(
        reference_id="72TEHRAN1164",
        tags=(
            cableparse.Tag("PREL", cableparse.TagKind.SUBJECT),
            cableparse.Tag("IR", cableparse.TagKind.GEOGRAPHIC),
        ),
    )
    story = cableparse.parse("Talks stall\n\nBEIJING (Reuters) - Talks stalled on Monday.\n")
    path = tmp_path / "docs.jsonl"
    path.write_text(
        "".join(cableparse.to_json(d) + "\n" for d in (seed, seed, old, story)), encoding="utf-8"
    )
    return path


def test_count_tags_with_the_standard_library(tags_jsonl: Path) -> None:
    lines = run("count_tags.py", tags_jsonl, "--engine", "python").splitlines()
    assert lines[0] == "# 3 cables, counted with python"
    rows = [line.split() for line in lines[2:]]
    assert rows[:6] == [
        ["CH", "2007", "2"],
        ["PREL", "2007", "2"],
        ["RS", "2007", "2"],
        ["SR", "2007", "2"],
        ["UNSC", "2007", "2"],
        ["ZL", "2007", "2"],
    ]
    assert rows[6:] == [["IR", "1972", "1"], ["PREL", "1972", "1"]]


def test_count_tags_top_limits_rows(tags_jsonl: Path) -> None:
    lines = run("count_tags.py", tags_jsonl, "--engine", "python", "--top", "1").splitlines()
    assert lines[1:] == ["tag     year  cables", "CH      2007       2"]


@pytest.mark.parametrize("engine", ["pandas", "duckdb"])
def test_count_tags_engines_agree(tags_jsonl: Path, engine: str) -> None:
    pytest.importorskip(engine)
    expected = run("count_tags.py", tags_jsonl, "--engine", "python").splitlines()[1:]
    got = run("count_tags.py", tags_jsonl, "--engine", engine).splitlines()
    assert got[0] == f"# 3 cables, counted with {engine}"
    assert got[1:] == expected


# --- examples/fuzz_my_pipeline.py ------------------------------------------------------------


def test_fuzz_example_runs() -> None:
    strategies = pytest.importorskip("cableparse.strategies")
    for name in ("cables", "documents", "cable_texts"):
        if not hasattr(strategies, name):
            pytest.skip(f"cableparse.strategies.{name} not available yet")
    out = run("fuzz_my_pipeline.py", "--examples", "3")
    assert out.count("ok  ") == 3


def test_fuzz_example_catches_a_broken_function(monkeypatch: pytest.MonkeyPatch) -> None:
    # The example's properties must be able to fail: break the user's function the way a
    # real bug would (forget the last addressee) and expect Hypothesis to catch it.
    strategies = pytest.importorskip("cableparse.strategies")
    if not hasattr(strategies, "cable_texts"):
        pytest.skip("cableparse.strategies.cable_texts not available yet")
    from hypothesis import HealthCheck, Phase, settings

    spec = importlib.util.spec_from_file_location("fuzz_example", EXAMPLES / "fuzz_my_pipeline.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    original = module.routing_rows
    monkeypatch.setattr(module, "routing_rows", lambda document: original(document)[:-1])
    quick = settings(
        max_examples=50,
        deadline=None,
        phases=[Phase.generate],  # no shrinking: finding the bug is what is tested
        suppress_health_check=[HealthCheck.too_slow],
        database=None,
    )
    with pytest.raises(AssertionError):
        quick(module.test_one_row_per_addressee)()


# --- the docs ----------------------------------------------------------------------------------


def _pycon_blocks(path: Path) -> str:
    return "\n".join(re.findall(r"```pycon\n(.*?)```", path.read_text(encoding="utf-8"), re.S))


@pytest.mark.parametrize("page", ["getting-started.md"])
def test_doc_sessions_run(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    source = _pycon_blocks(DOCS / page)
    assert source.count(">>>") >= 10
    test = doctest.DocTestParser().get_doctest(source, {}, page, str(DOCS / page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test, out=lambda text: None)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {page}"


def test_json_guide_names_every_key() -> None:
    guide = (DOCS / "json.md").read_text(encoding="utf-8")
    keys = {
        key
        for definition in json_schema(spans=True)["$defs"].values()
        for key in definition.get("properties", {})
    }
    missing = sorted(key for key in keys if f"`{key}`" not in guide)
    assert missing == []


def test_format_guide_covers_the_header_lines() -> None:
    guide = (DOCS / "format.md").read_text(encoding="utf-8")
    for word in ("VZCZC", "DE ", "ZNY", "FM", "TO", "INFO", "XMT", "TAGS", "SUBJECT", "REF"):
        assert word in guide, word


def test_examples_are_all_exercised() -> None:
    scripts = sorted(p.name for p in EXAMPLES.glob("*.py"))
    source = Path(__file__).read_text(encoding="utf-8")
    assert [s for s in scripts if f'"{s}"' not in source] == []


OWN_PAGES = [
    "index.md",
    "getting-started.md",
    "format.md",
    "json.md",
    "schema.md",
    "changelog.md",
]


@pytest.mark.parametrize("page", OWN_PAGES)
def test_doc_links_point_at_files(page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text)
    local = [t for t in targets if "://" not in t]
    assert local
    missing = [t for t in local if not (DOCS / t).exists()]
    assert missing == []
