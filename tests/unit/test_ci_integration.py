"""The pre-commit hook and the GitHub Actions example in docs/ci.md name real CLI options."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.shared import python_env

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / ".pre-commit-hooks.yaml"
CI_DOC = ROOT / "docs" / "ci.md"
CLI = [sys.executable, "-c", "from mtcheck.cli import main; main()"]


def load_yaml(text: str) -> object:
    yaml = pytest.importorskip("yaml")
    return yaml.safe_load(text)


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], capture_output=True, text=True, timeout=120, cwd=cwd, check=False, env=python_env()
    )


def report_options() -> set[str]:
    result = cli("report", "--help")
    assert result.returncode == 0, result.stderr  # a broken CLI fails these tests, it does not skip them
    return set(re.findall(r"(--[a-z][a-z-]+)", result.stdout))


def options_in(command: str) -> list[str]:
    return [word.split("=")[0] for word in shlex.split(command) if word.startswith("--")]


def hook() -> dict:
    hooks = load_yaml(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and len(hooks) == 1
    return hooks[0]


def test_hook_definition() -> None:
    h = hook()
    assert h["id"] == "mtcheck"
    assert h["entry"] == "mtcheck report --format sarif,junit --fail-on error"
    assert h["language"] == "python"
    assert h["types_or"] == ["markdown", "html", "text"]
    assert h["require_serial"] is True
    files = re.compile(h["files"])
    assert all(files.search(p) for p in ("a.md", "b/c.html", "d.htm", "e.txt", "f.markdown"))
    assert not any(files.search(p) for p in ("setup.py", "x.json", "md.py"))


def test_hook_entry_names_real_options() -> None:
    known = report_options()
    used = options_in(hook()["entry"])
    assert used == ["--format", "--fail-on"]
    assert set(used) <= known


def test_hook_entry_parses_and_runs_as_pre_commit_would(tmp_path: Path) -> None:
    """pre-commit appends file names; an unknown option would fail before the file is even looked at."""
    argv = shlex.split(hook()["entry"])[1:] + ["missing-article.md"]
    result = cli(*argv, cwd=tmp_path)
    assert "No such option" not in result.stderr
    assert result.returncode == 2
    assert "missing-article.md" in result.stderr


def workflow() -> dict:
    text = CI_DOC.read_text(encoding="utf-8")
    section = text.split("## GitHub Actions", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block, "docs/ci.md has no workflow example"
    parsed = load_yaml(block.group(1))
    assert isinstance(parsed, dict)
    return parsed


def test_workflow_example_uploads_the_sarif_mtcheck_writes() -> None:
    steps = workflow()["jobs"]["mtcheck"]["steps"]
    runs = [s["run"] for s in steps if "mtcheck report" in s.get("run", "")]
    assert len(runs) == 1
    words = shlex.split(runs[0])
    output = words[words.index("--output") + 1]
    assert "sarif" in words[words.index("--format") + 1].split(",")
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert upload["with"]["sarif_file"] == f"{output}/mtcheck.sarif"
    assert upload["if"] == "always()"
    assert workflow()["permissions"]["security-events"] == "write"


def test_workflow_example_names_real_options() -> None:
    steps = workflow()["jobs"]["mtcheck"]["steps"]
    (command,) = [s["run"] for s in steps if "mtcheck report" in s.get("run", "")]
    assert set(options_in(command)) <= report_options()


def test_pre_commit_snippet_in_docs_matches_the_hook_file() -> None:
    text = CI_DOC.read_text(encoding="utf-8")
    section = text.split("## pre-commit", 1)[1]
    snippet = load_yaml(re.search(r"```yaml\n(.*?)```", section, re.S).group(1))  # type: ignore[union-attr]
    assert isinstance(snippet, list)
    for key, value in snippet[0].items():
        assert hook()[key] == value


def test_report_help_shows_every_default_the_readme_gives() -> None:
    """An option whose README row gives a default (a value in backticks or a number) says it in --help too."""
    import typer

    from mtcheck.cli import app

    helps = {}
    for param in typer.main.get_command(app).commands["report"].params:  # type: ignore[attr-defined]
        for opt in getattr(param, "opts", []):
            helps[opt] = param.help or ""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("`mtcheck report` options") : readme.index("The config file also sets")]
    checked = []
    for row in table.splitlines():
        m = re.match(r"\| (`--[^|]*?) \| ([^|]*) \|", row)
        if not m or not re.search(r"`[^`]+`|\d", m.group(2)):
            continue
        for opt in re.findall(r"`(--[a-z-]+)", m.group(1)):
            checked.append(opt)
            assert "[default:" in helps[opt], f"{opt}: README gives {m.group(2).strip()}, --help no default"
    assert len(checked) >= 10  # the table was read
