"""`mtcheck detect` through the CLI: human summary, JSON array, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mtcheck.cli import app

runner = CliRunner()

MT = (
    "The bridge will close in March.\n\nThe city council decided on Thursday.\n\n"
    "Commuters face detours of twenty minutes.\n\nA ferry may run during the works.\n\n"
    "This article has been automatically translated, read the original article here.\n"
)
HUMAN = "The library opened on Saturday.\n\nMore than 600 people came to see the new reading rooms.\n"
KEYS = {"path", "machine_translated", "confidence", "language", "source_language", "original_url", "engine", "evidence"}


def folder(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "mt.txt").write_text(MT, encoding="utf-8")
    (tmp_path / "in" / "human.md").write_text(HUMAN, encoding="utf-8")
    return tmp_path / "in"


def test_json_has_one_object_per_input(tmp_path: Path) -> None:
    src = folder(tmp_path)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["detect", str(src), str(tmp_path / "empty.txt"), "--format", "json"])
    assert result.exit_code == 2  # a bad input
    rows = json.loads(result.stdout)
    assert len(rows) == 3
    by_name = {Path(r["path"]).name: r for r in rows}
    assert by_name["mt.txt"]["machine_translated"] is True and set(by_name["mt.txt"]) >= KEYS
    assert by_name["human.md"]["machine_translated"] is False
    assert "empty" in by_name["empty.txt"]["error"]
    evidence = by_name["mt.txt"]["evidence"][0]
    assert {"kind", "text", "start", "end", "position"} <= set(evidence)
    assert evidence["position"] == "bottom"


def test_text_summary_and_fail_if_mt(tmp_path: Path) -> None:
    src = folder(tmp_path)
    result = runner.invoke(app, ["detect", str(src)])
    assert result.exit_code == 0  # whatever the verdict
    assert "mt.txt" in result.stdout and "human.md" in result.stdout
    gated = runner.invoke(app, ["detect", str(src), "--fail-if-mt"])
    assert gated.exit_code == 1
    clean = runner.invoke(app, ["detect", str(src / "human.md"), "--fail-if-mt"])
    assert clean.exit_code == 0


def test_bad_format_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["detect", str(folder(tmp_path)), "--format", "yaml"])
    assert result.exit_code == 2 and "--format" in result.output
