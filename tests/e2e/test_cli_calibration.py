"""`--calibration auto|none|PATH` and the `calibration` config key, through the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtcheck.cli import app

runner = CliRunner()

# MT-DOUBLED-WORD is a model-free rule the check gives warning and every shipped calibration caps at info.
ARTICLE = "The council will raise the the fares next year, the mayor said on Monday.\n"


def _doubled(tmp_path: Path, *extra: str, engine: str = "none") -> tuple[int, str, set[str]]:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    args = ["report", str(article), "--engine", engine, "--language", "en", "--output", str(out), "--no-cache"]
    args += ["--format", "json", "--fail-on", "never", *extra]
    if engine == "apertium":
        args += ["--pivot", "es"]
    result = runner.invoke(app, args)
    if result.exit_code != 0:
        return result.exit_code, result.output, set()
    data = json.loads((out / "article.json").read_text(encoding="utf-8"))
    found = {f["severity"] for s in data["sentences"] for f in s["findings"] if f["rule"] == "MT-DOUBLED-WORD"}
    return result.exit_code, result.output, found


@pytest.mark.apertium
@pytest.mark.skipif(shutil.which("apertium") is None, reason="needs Debian's apertium and apertium-eng-spa")
def test_none_reports_raw_severities_where_auto_applies_the_engines_file(tmp_path: Path) -> None:
    code, output, auto = _doubled(tmp_path, engine="apertium")
    if code == 2 and "eng-spa" in output:
        pytest.skip("needs the Debian package apertium-eng-spa")
    assert code == 0, output
    assert auto == {"info"}  # apertium.toml: MT-DOUBLED-WORD = "info"
    code, output, raw = _doubled(tmp_path, "--calibration", "none", engine="apertium")
    assert code == 0, output
    assert raw == {"warning"}  # the rule's own severity


def test_a_user_file_and_an_engine_name_apply_without_a_model(tmp_path: Path) -> None:
    assert _doubled(tmp_path)[2] == {"warning"}  # --engine none: no engine file, raw severities
    user = tmp_path / "mine.toml"
    user.write_text('[ceiling]\n"MT-DOUBLED-WORD" = "info"\n', encoding="utf-8")
    code, output, found = _doubled(tmp_path, "--calibration", str(user))
    assert code == 0, output
    assert found == {"info"}
    user.write_text('[ceiling]\n"MT-DOUBLED-WORD" = "off"\n', encoding="utf-8")
    assert _doubled(tmp_path, "--calibration", str(user))[2] == set()
    assert _doubled(tmp_path, "--calibration", "apertium")[2] == {"info"}  # another engine's file, by name
    assert _doubled(tmp_path, "--calibration", "none")[2] == {"warning"}


BAD_FILES = [
    ('[ceiling]\n"MT-DOUBLED-WORD" = "loud"\n', "unknown severities"),
    ("[ceiling\n", "invalid TOML"),
    ('[ceiling]\n"MT-DOUBLED-WORD" = 3\n', "MT-DOUBLED-WORD"),
    ('ceiling = "info"\n', "ceiling"),
    ('[artefacts]\nfilters = ["no_such_filter"]\n', "unknown artefact filters"),
    ('[celing]\n"MT-DOUBLED-WORD" = "info"\n', "celing"),
]


@pytest.mark.parametrize(("content", "expected"), BAD_FILES)
def test_a_bad_calibration_file_is_one_line_and_exit_2(tmp_path: Path, content: str, expected: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(content, encoding="utf-8")
    code, output, _ = _doubled(tmp_path, "--calibration", str(bad))
    assert code == 2
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    assert lines[0].startswith("mtcheck: error: ") and "bad.toml" in lines[0] and expected in lines[0]
    assert lines[0].endswith("(--calibration)")
    assert not (tmp_path / "out" / "article.json").exists()  # refused before any document is checked


def test_a_missing_calibration_file_and_a_bad_value(tmp_path: Path) -> None:
    code, output, _ = _doubled(tmp_path, "--calibration", str(tmp_path / "missing.toml"))
    assert code == 2 and "missing.toml" in output and len(output.strip().splitlines()) == 1
    code, output, _ = _doubled(tmp_path, "--calibration", "no such thing")
    assert code == 2 and "(--calibration)" in output and len(output.strip().splitlines()) == 1


def test_the_config_file_sets_the_calibration_relative_to_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    (project / "cal").mkdir(parents=True)
    (project / "cal" / "mine.toml").write_text('[ceiling]\n"MT-DOUBLED-WORD" = "info"\n', encoding="utf-8")
    (project / "mtcheck.toml").write_text('calibration = "cal/mine.toml"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    assert _doubled(tmp_path)[2] == {"info"}
    assert _doubled(tmp_path, "--calibration", "none")[2] == {"warning"}  # the command line wins
    (project / "mtcheck.toml").write_text('calibration = "cal/absent.toml"\n', encoding="utf-8")
    code, output, _ = _doubled(tmp_path)
    assert code == 2 and "absent.toml" in output and len(output.strip().splitlines()) == 1
