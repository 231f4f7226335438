"""`mtcheck report --engine none` through the CLI: what the run summary and the per-run files say."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mtcheck.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]


def test_stdin_twice_counts_the_checked_one(tmp_path: Path) -> None:
    """`report - -`: the first reads stdin and is checked, the second fails; the summary counts both right."""
    text = (ROOT / "seeds" / "harbour-bridge-mt.txt").read_text(encoding="utf-8")
    args = ["report", "-", "-", "--engine", "none", "--no-cache", "-o", str(tmp_path / "out"), "--fail-on", "never"]
    result = runner.invoke(app, args, input=text)
    assert result.exit_code == 2, result.output
    assert "-: standard input is given more than once" in result.output
    assert "mtcheck: 1 checked, 1 failed" in result.output
    assert (tmp_path / "out" / "stdin.json").is_file()


def test_an_infinite_timeout_is_a_usage_error(tmp_path: Path) -> None:
    """--timeout inf used to reach the socket and fail every web page with an internal OverflowError."""
    args = ["report", "https://news.example/a", "--engine", "none", "-o", str(tmp_path / "out"), "--timeout", "inf"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "timeout must be more than 0 and at most 86400 seconds, got inf (--timeout)" in result.output
    assert "internal error" not in result.output


def test_an_output_path_that_is_a_file_says_so(tmp_path: Path) -> None:
    taken = tmp_path / "reports.txt"
    taken.write_text("not a folder", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("The bridge is old.", encoding="utf-8")
    result = runner.invoke(app, ["report", str(article), "--engine", "none", "-o", str(taken)])
    assert result.exit_code == 2
    expected = f"cannot create the output folder {taken}: a file is in the way (the output must be a folder) (--output)"
    assert expected in result.output
    assert taken.read_text(encoding="utf-8") == "not a folder"


def test_source_with_engine_none_is_refused_not_ignored(tmp_path: Path) -> None:
    """--source with --engine none used to check the translation alone, the original silently left out."""
    original = tmp_path / "original.txt"
    original.write_text("Die Brücke ist alt.", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("The bridge is old.", encoding="utf-8")
    args = ["report", str(article), "--source", str(original), "--engine", "none", "-o", str(tmp_path / "out")]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "engine 'none' translates nothing" in result.output and "(--source)" in result.output
    assert not (tmp_path / "out" / "a.json").exists()


def test_control_characters_in_names_do_not_reach_the_terminal(tmp_path: Path) -> None:
    """A file name with an escape sequence (a terminal title, a colour) is printed as \\uNNNN, never raw."""
    import subprocess
    import sys

    from tests.shared import python_env

    name = "t\x1b]0;owned\x07\x1b[31mred.txt"
    (tmp_path / name).write_text((ROOT / "seeds" / "harbour-bridge-mt.txt").read_text(encoding="utf-8"), "utf-8")
    missing = str(tmp_path / "gone\x1b[2J.txt")
    commands = (["detect"], ["detect", "--format", "json"], ["report", "--engine", "none", "-o", str(tmp_path / "o")])
    for command in commands:
        done = subprocess.run(
            [sys.executable, "-m", "mtcheck", *command, str(tmp_path), missing],
            capture_output=True, text=True, timeout=120, env=python_env(), check=False,
        )  # fmt: skip
        assert done.returncode == 2, done.stderr
        both = done.stdout + done.stderr
        assert "\x1b" not in both and "\x07" not in both
        assert "t\\u001b]0;owned\\u0007\\u001b[31mred.txt" in both
        assert "gone\\u001b[2J.txt" in done.stderr
        if "json" in command:
            assert json.loads(done.stdout)[0]["path"] == str(tmp_path / name)  # the escapes are JSON's own
