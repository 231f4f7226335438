"""Issue 15 with Debian's real apertium: a document it cannot translate fails alone, reruns are stable."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.shared import ROOT, python_env

pytestmark = [
    pytest.mark.apertium,
    pytest.mark.skipif(shutil.which("apertium") is None, reason="needs Debian's apertium and apertium-eng-spa"),
]
SEED = ROOT / "seeds" / "harbour-bridge-mt.txt"
APERTIUM = ["--engine", "apertium", "--pivot", "es", "--no-cache"]


def mtcheck(*args: str, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mtcheck", *args],
        capture_output=True, text=True, timeout=timeout, cwd=cwd, env=python_env(), check=False,
    )  # fmt: skip


def test_documents_apertium_cannot_translate_fail_alone(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a-ja.txt").write_text(
        "日本語の記事です。東京は日本の首都です。今日はとても良い天気です。", encoding="utf-8"
    )
    (batch / "b-odd.txt").write_text(
        "The bridge is old \ufffe and \uffff here \U0010ffff and more words. It was built long ago.", encoding="utf-8"
    )
    shutil.copy(SEED, batch / "c-seed.txt")
    out = tmp_path / "out"
    done = mtcheck("report", str(batch), *APERTIUM, "--format", "json,sarif,junit,markdown", "-o", str(out))
    assert done.returncode == 2, done.stderr
    assert "a-ja.txt: apertium cannot translate ja->es" in done.stderr
    assert (out / "b-odd.json").is_file() and (out / "c-seed.json").is_file()  # checked after the failure
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert "a-ja.txt" in summary and "c-seed.txt" in summary
    junit = (out / "junit.xml").read_text(encoding="utf-8")
    assert 'tests="3"' in junit and 'errors="1"' in junit
    log = json.loads((out / "mtcheck.sarif").read_text(encoding="utf-8"))
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert len(notes) == 1
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("a-ja.txt")


def test_report_on_the_current_folder_twice_is_stable(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "article.txt")
    first = mtcheck("report", ".", *APERTIUM, "--format", "html,json,markdown", cwd=tmp_path)
    second = mtcheck("report", ".", *APERTIUM, "--format", "html,json,markdown", cwd=tmp_path)
    assert first.returncode == second.returncode == 0, (first.stderr, second.stderr)
    assert "1 checked, 0 failed" in second.stderr
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == [
        "article.html", "article.json", "index.html", "summary.md",
    ]  # fmt: skip


def test_quiet_and_fail_if_mt_on_report(tmp_path: Path) -> None:
    done = mtcheck("report", str(SEED), *APERTIUM, "-q", "--fail-if-mt", "--fail-on", "never", "-o", str(tmp_path))
    assert done.returncode == 1  # the seed is machine translated; no finding gates
    assert done.stderr == ""
    done = mtcheck("report", str(SEED), *APERTIUM, "--fail-on", "never", "-o", str(tmp_path))
    assert done.returncode == 0 and "harbour-bridge-mt.txt: machine translated" in done.stderr


def test_apertium_without_a_pivot_it_has_suggests_one(tmp_path: Path) -> None:
    done = mtcheck("report", str(SEED), "--engine", "apertium", "--no-cache", "-o", str(tmp_path))
    assert done.returncode == 2
    assert "apertium cannot translate en->de" in done.stderr and "(try --pivot es)" in done.stderr


def test_a_report_on_a_long_run_of_brackets_finishes(tmp_path: Path) -> None:
    # 50 KB of "(" never returned before (difflib on every bracket's sentence); 10 KB keeps CI quick.
    brackets = tmp_path / "brackets.txt"
    brackets.write_text("(" * 10_000, encoding="utf-8")
    done = mtcheck("report", str(brackets), *APERTIUM, "--language", "en", "-o", str(tmp_path / "out"), timeout=120)
    assert done.returncode in (0, 1), done.stderr
    assert (tmp_path / "out" / "brackets.json").is_file()
