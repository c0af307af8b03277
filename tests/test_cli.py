"""The command line: ``cableparse parse`` and ``cableparse convert``."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import cableparse
from cableparse.cli import build_parser, main
from conftest import EXAMPLES

SEED = EXAMPLES / "seed-cable.txt"
NEWS = "WASHINGTON (Reuters) - Markets rose on Tuesday.\n\nTraders said so.\n"


def test_parse_one_file_prints_one_object(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED)]) == 0
    out = capsys.readouterr().out
    document = json.loads(out)
    assert document["kind"] == "cable"
    assert document["reference_id"] == "07BEIJING1960"
    assert document["page"] is None
    assert out.count("\n") == 1


def test_version_names_the_build(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    build = "compiled" if cableparse.compiled() else "pure Python"
    assert capsys.readouterr().out == f"cableparse {cableparse.__version__} ({build})\n"


def test_compiled_matches_where_the_body_reader_was_loaded_from() -> None:
    body_file = Path(sys.modules["cableparse.body"].__file__ or "")
    assert cableparse.compiled() is (body_file.suffix != ".py")


def test_parse_indent(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--indent", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("{\n  ")
    assert json.loads(out)["reference_id"] == "07BEIJING1960"


def test_parse_several_files_prints_json_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    news = tmp_path / "news.txt"
    news.write_text(NEWS)
    assert main(["parse", str(SEED), str(news), str(SEED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["kind"] for line in lines] == ["cable", "article", "cable"]


def test_parse_a_folder_prints_json_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b.txt").write_text(NEWS)
    assert main(["parse", "--indent", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["kind"] for line in lines] == ["cable", "article"]


def test_help_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["parse", "--help"], ["convert", "--help"]):
        with pytest.raises(SystemExit) as leaving:
            main(argv)
        assert leaving.value.code == 0
    out = capsys.readouterr().out
    assert "--jobs" in out and "--fail-on-error" in out and "--strict" in out


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "parse" in capsys.readouterr().out


def test_missing_file_gives_one_stderr_line_and_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.txt"
    assert main(["parse", str(missing), str(SEED)]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"cableparse: {missing}: No such file or directory\n"
    assert json.loads(captured.out)["reference_id"] == "07BEIJING1960"


def test_strict_failure_names_the_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--strict", str(SEED)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"cableparse: {SEED}: ") and "line" in err


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = SEED.read_bytes().replace(b"\n", b"\r\n")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["parse", "-"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document == cableparse.to_dict(cableparse.parse_file(SEED))


def test_build_parser_has_the_subcommands() -> None:
    parser = build_parser()
    args = parser.parse_args(["convert", "x", "-o", "y.jsonl", "--jobs", "3", "--quiet"])
    assert (args.sources, args.output, args.jobs, args.quiet) == (["x"], "y.jsonl", 3, True)
    assert parser.parse_args(["convert", "x"]).output == "-"


# --- convert ----------------------------------------------------------------------------


def test_convert_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "1.txt").write_bytes(SEED.read_bytes())
    (source / "2.txt").write_text(NEWS)
    out = tmp_path / "out.jsonl"
    assert main(["convert", str(source), "-o", str(out), "--jobs", "1"]) == 0
    lines = out.read_text().splitlines()
    assert [json.loads(line)["kind"] for line in lines] == ["cable", "article"]
    err = capsys.readouterr().err
    assert "2 documents (1 cables, 1 articles), 0 errors" in err
    assert "documents/s" in err and "defects:" in err


def test_convert_quiet_and_missing_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["convert", str(SEED), "-o", str(out), "--jobs", "1", "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    assert len(out.read_text().splitlines()) == 1
    missing = tmp_path / "missing.tar.xz"
    assert main(["convert", str(missing), "-o", str(out)]) == 1
    assert capsys.readouterr().err == f"cableparse: {missing}: No such file or directory\n"


def test_convert_keeps_going_past_a_bad_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_bytes(SEED.read_bytes())
    (source / "b.tar.gz").write_bytes(b"\x1f\x8b\x08\x00broken")
    (source / "c.txt").write_text(NEWS)
    out = tmp_path / "out.jsonl"
    argv = ["convert", str(source), "-o", str(out), "--jobs", "1"]
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith(f"cableparse: {source / 'b.tar.gz'}: ")
    assert "2 documents (1 cables, 1 articles), 1 errors" in captured.err
    assert len(out.read_text().splitlines()) == 2
    assert main([*argv, "--fail-on-error"]) == 1


def test_convert_strict_leaves_out_documents_with_defects(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    argv = ["convert", str(SEED), "-o", str(out), "--jobs", "1", "--strict", "--fail-on-error"]
    assert main(argv) == 1
    assert out.read_text() == ""
    assert "0 documents" in capsys.readouterr().err


def test_convert_to_stdout_in_a_subprocess(tmp_path: Path) -> None:
    news = tmp_path / "news.txt"
    news.write_text(NEWS)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cableparse",
            "convert",
            str(SEED),
            str(news),
            "-o",
            "-",
            "--jobs",
            "2",
        ],
        capture_output=True,
        check=True,
    )
    lines = result.stdout.decode("utf-8").splitlines()
    assert [json.loads(line)["kind"] for line in lines] == ["cable", "article"]
    # Not a terminal: no progress bar, only the summary.
    assert b"\r" not in result.stderr
    assert b"2 documents (1 cables, 1 articles)" in result.stderr


def test_parquet_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(SEED), "--format", "parquet"]) == 2
    assert "needs a file" in capsys.readouterr().err


def test_parquet_without_pyarrow_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A None entry in sys.modules makes the import fail as if pyarrow were not installed.
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    out = tmp_path / "out.parquet"
    assert main(["convert", str(SEED), "--format", "parquet", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err == f"cableparse: {out}: --format parquet needs pyarrow: " + (
        "pip install 'cableparse[parquet]'\n"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_convert_shows_a_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    import os
    import pty

    source = tmp_path / "in"
    source.mkdir()
    for number in range(3):
        (source / f"{number}.txt").write_bytes(SEED.read_bytes())
    leader, follower = pty.openpty()
    try:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "cableparse",
                "convert",
                str(source),
                "-o",
                str(tmp_path / "out.jsonl"),
                "--jobs",
                "1",
            ],
            stderr=follower,
            check=True,
        )
        shown = os.read(leader, 65536).decode("utf-8")
    finally:
        os.close(leader)
        os.close(follower)
    assert "\r[" in shown and "% 1 documents" in shown
    assert "3 documents (3 cables, 0 articles)" in shown
