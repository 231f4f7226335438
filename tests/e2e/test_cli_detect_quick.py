"""`mtcheck detect` read without building the typer app: the same output, exit code and errors as typer's path."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from mtcheck import cli

runner = CliRunner()

MT = (
    "The bridge will close in March.\n\nThe city council decided on Thursday.\n\n"
    "This article has been automatically translated, read the original article here.\n"
)
HUMAN = "The library opened on Saturday.\n\nMore than 600 people came to see the new reading rooms.\n"


def _inputs(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "mt.txt").write_text(MT, encoding="utf-8")
    (tmp_path / "in" / "human.md").write_text(HUMAN, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    return {
        "folder": str(tmp_path / "in"),
        "mt": str(tmp_path / "in" / "mt.txt"),
        "empty": str(tmp_path / "empty.txt"),
        "missing": str(tmp_path / "nowhere.txt"),
        "cache": str(tmp_path / "cache"),
    }


CASES = [
    ["detect", "{folder}"],
    ["detect", "--format", "json", "{folder}", "{empty}"],
    ["detect", "{mt}", "-f", "json", "--fail-if-mt"],
    ["detect", "--format=json", "{mt}", "{missing}"],
    ["detect", "{folder}", "--format", "yaml"],
    ["detect", "-q", "{folder}", "--fail-if-mt"],
    ["-q", "detect", "{folder}"],
    ["-v", "detect", "{mt}", "--no-cache", "--ignore-robots", "--timeout", "5", "--cache-dir", "{cache}"],
    ["detect", "--timeout=2.5", "--", "{mt}"],
]


@pytest.mark.parametrize("case", CASES, ids=[" ".join(c) for c in CASES])
def test_quick_path_gives_what_typer_gives(tmp_path: Path, case: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    names = _inputs(tmp_path)
    argv = [a.format(**names) for a in case]
    assert cli.quick_detect_args(argv) is not None  # this invocation does take the quick path
    with pytest.raises(SystemExit) as done:
        cli.main(argv)
    quick = capsys.readouterr()
    typer_run = runner.invoke(cli.app, argv)
    assert done.value.code == typer_run.exit_code
    assert quick.out == typer_run.stdout
    assert quick.err == typer_run.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["detect", "--help"],
        ["detect"],
        ["--version"],
        ["report", "x.txt"],
        ["detect", "-fjson", "x.txt"],  # short option with its value attached: typer reads it
        ["detect", "x.txt", "--format"],  # no value
        ["detect", "x.txt", "--format", "-q"],  # a value that looks like an option
        ["detect", "x.txt", "--timeout", "1e3"],  # a number typer reads in its own way
        ["detect", "x.txt", "--fail-if-mt=yes"],
        ["detect", "x.txt", "--unknown"],
        ["-vq", "detect", "x.txt"],
        ["detect", "bad-\udcff.txt"],  # not valid UTF-8
    ],
)
def test_anything_else_is_left_to_typer(argv: list[str]) -> None:
    assert cli.quick_detect_args(argv) is None


def test_shell_completion_is_left_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_MTCHECK_COMPLETE", "bash_complete")
    assert cli.quick_detect_args(["detect", "x.txt"]) is None


def test_quick_options_are_the_declared_ones() -> None:
    """The quick reader knows exactly detect's options and the global -v/-q: no drift from the typer declaration."""
    group = get_command(cli.app)
    detect = group.commands["detect"]  # type: ignore[attr-defined]
    declared = {}
    for param in detect.params:
        if param.param_type_name == "option" and param.name != "help":
            for opt in param.opts:
                declared[opt] = (param.name, not param.is_flag)
    assert declared == cli.DETECT_OPTIONS
    global_flags = {opt for p in group.params if p.name in ("verbose", "quiet") for opt in p.opts}
    assert global_flags == set(cli.GLOBAL_FLAGS)
