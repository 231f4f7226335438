"""`mtcheck report` end to end on tiny Marian models: the real transformers path, through the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtcheck.cli import app
from tests.tinymodels import EN_DE_PAIRS

runner = CliRunner()


def in_domain_article() -> str:
    english = [en for en, _ in EN_DE_PAIRS]
    paragraphs = [" ".join(english[i : i + 3]) for i in range(0, 12, 3)]
    return "\n\n".join(paragraphs) + "\n"


OUT_OF_DOMAIN = (
    "Quantum chromodynamics describes the strong interaction between quarks and gluons.\n\n"
    "The philosopher argued that epistemic humility requires constant revision of beliefs.\n\n"
    "Photosynthesis converts carbon dioxide and water into glucose using sunlight.\n"
)


def run_report(tmp_path: Path, models: Path, *paths: str, extra: tuple[str, ...] = ()) -> tuple[int, str, Path]:
    out = tmp_path / "out"
    args = [
        "report", *paths, "--models-dir", str(models), "--output", str(out), "--no-cache", "--language", "en",
        "--pivot", "de", "--beams", "2", *extra,
    ]  # fmt: skip
    result = runner.invoke(app, args)
    return result.exit_code, result.output, out


NOTICE = "This article has been automatically translated, read the original article here."


def test_in_domain_article_has_no_error_findings(tmp_path: Path, tiny_models_dir: Path) -> None:
    article = tmp_path / "town.txt"
    article.write_text(in_domain_article() + "\n" + NOTICE + "\n", encoding="utf-8")
    code, output, out = run_report(tmp_path, tiny_models_dir, str(article))
    assert code == 0, output
    data = json.loads((out / "town.json").read_text(encoding="utf-8"))
    assert data["document"]["language"] == "en"
    assert data["detection"]["machine_translated"] is True
    notice = data["sentences"].pop()
    assert notice["text"] == NOTICE
    assert notice["findings"] == []  # the out-of-domain notice is not article prose
    assert len(data["sentences"]) == 12
    for sentence in data["sentences"]:
        assert data["document"]["text"][sentence["start"] : sentence["end"]] == sentence["text"]
        assert sentence["pivot"] and sentence["roundtrip"]
        assert sentence["scores"]["chrf"] > 70, sentence
    severities = [f["severity"] for s in data["sentences"] for f in s["findings"]] + [
        f["severity"] for f in data["findings"]
    ]
    assert "error" not in severities
    assert data["engine"]["name"] == "marian"
    assert {m["direction"] for m in data["engine"]["models"]} == {"en-de", "de-en"}
    assert (out / "town.html").is_file()


def test_out_of_domain_article_is_flagged(tmp_path: Path, tiny_models_dir: Path) -> None:
    article = tmp_path / "science.txt"
    article.write_text(OUT_OF_DOMAIN, encoding="utf-8")
    code, output, out = run_report(tmp_path, tiny_models_dir, str(article), extra=("--fail-on", "warning"))
    assert code == 1, output
    data = json.loads((out / "science.json").read_text(encoding="utf-8"))
    kinds = {f["kind"] for s in data["sentences"] for f in s["findings"]}
    assert "awkward_phrasing" in kinds
    assert max(s["scores"]["chrf"] for s in data["sentences"]) < 60


def test_bad_inputs_do_not_stop_good_ones(tmp_path: Path, tiny_models_dir: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(in_domain_article(), encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    missing = tmp_path / "missing.txt"
    code, output, out = run_report(tmp_path, tiny_models_dir, str(empty), str(binary), str(missing), str(good))
    assert code == 2
    assert "Traceback" not in output
    for bad in (empty, binary, missing):
        lines = [line for line in output.splitlines() if str(bad) in line and "error" in line]
        assert len(lines) == 1, output
    assert (out / "good.json").is_file()


def test_missing_model_is_one_clear_error_for_the_run(tmp_path: Path) -> None:
    paths = []
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(in_domain_article(), encoding="utf-8")
        paths.append(str(tmp_path / name))
    assert os.environ.get("HF_HUB_OFFLINE") == "1"  # conftest: tests never reach the hub
    code, output, _ = run_report(tmp_path, tmp_path / "no-models", *paths, extra=("--pivot", "fr"))
    assert code == 2
    assert "Traceback" not in output
    errors = [line for line in output.splitlines() if "error" in line]
    assert len(errors) == 1, output  # said once, not once per document
    assert "opus-mt-en-fr" in errors[0] and "offline" in errors[0]


def test_stdin_input(tmp_path: Path, tiny_models_dir: Path) -> None:
    out = tmp_path / "out"
    args = ["report", "-", "--models-dir", str(tiny_models_dir), "--output", str(out), "--no-cache", "--pivot", "de"]
    result = runner.invoke(app, args, input=in_domain_article())
    assert result.exit_code == 0, result.output
    data = json.loads((out / "stdin.json").read_text(encoding="utf-8"))
    assert data["document"]["path"] == "-"
    assert data["sentences"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "pdf"], "--format"),
        (["--fail-on", "sometimes"], "--fail-on"),
        (["--beams", "0"], "--beams"),
        (["--engine", "babelfish"], "babelfish"),
        (["--pivot", "d3"], "--pivot"),
        (["--threads", "0"], "--threads"),
        (["--language", "english"], "--language"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, tiny_models_dir: Path, args: list[str], message: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text(in_domain_article(), encoding="utf-8")
    out = ["--output", str(tmp_path / "out")]
    result = runner.invoke(
        app, ["report", str(article), "--models-dir", str(tiny_models_dir), "--no-cache", *out, *args]
    )
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_installed_console_script(tmp_path: Path, tiny_models_dir: Path) -> None:
    article = tmp_path / "town.md"
    heading = EN_DE_PAIRS[20][0].rstrip(".")  # Markdown markup is stripped; the heading is in-domain text
    article.write_text(f"# {heading}\n\n" + in_domain_article(), encoding="utf-8")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "MTCHECK_MODELS_DIR": str(tiny_models_dir)}
    exe = Path(sys.executable).with_name("mtcheck")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "mtcheck"]
    version = subprocess.run([*command, "--version"], capture_output=True, text=True, env=env, check=False)
    assert version.returncode == 0 and version.stdout.startswith("mtcheck ")
    done = subprocess.run(
        [*command, "report", str(article), "-o", str(tmp_path / "r"), "--no-cache", "--pivot", "de", "--beams", "1"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""  # stdout is for machine output only
    assert "town.md" in done.stderr
    assert json.loads((tmp_path / "r" / "town.json").read_text(encoding="utf-8"))["sentences"]
