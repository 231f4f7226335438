"""Issue 15: nothing lost, nothing hangs. Each test fails (or hangs past its guard) without its fix."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.api import check, check_many
from mtcheck.config import Settings
from mtcheck.detect.context import INITIAL_CUT, after_last_cut
from mtcheck.engines.apertium import ApertiumEngine, installed_pivots
from mtcheck.engines.cache import TranslationCache
from mtcheck.engines.cached import CachedEngine
from mtcheck.errors import ConfigError, InputError, ModelError, TranslationError
from mtcheck.models.resolve import missing_model_message
from mtcheck.read.document import read_document
from mtcheck.read.files import MAX_NESTING, read_regular
from mtcheck.read.inputs import expand_inputs, sanitize_name
from mtcheck.report import write_document_reports
from mtcheck.report.annotations import github_annotations
from mtcheck.report.junit import finding_line
from mtcheck.report.markdown import render_summary
from mtcheck.report.sarif import lines_for, sarif_log
from mtcheck.results import Gate, ModelInfo
from mtcheck.run.baseline import load_baseline
from mtcheck.run.configfile import find_config, load_config
from mtcheck.run.runner import RunOptions, run_report
from tests.reportdata import build_report
from tests.shared import python_env, unprivileged
from tests.unit.test_sarif import validate as validate_sarif

CLI = [sys.executable, "-m", "mtcheck"]


def mtcheck(*args: str, cwd: Path | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The CLI in a subprocess; the timeout is a hang guard, not a speed target."""
    return subprocess.run(
        [*CLI, *args], capture_output=True, text=True, timeout=timeout, cwd=cwd, env=python_env(), check=False
    )


# -- hangs ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("phrase", ["automatically translated by ", "This page was machine translated "])
def test_detect_on_a_repeated_notice_phrase_finishes(tmp_path: Path, phrase: str) -> None:
    # 11 KB: over two minutes before the fix (quadratic per occurrence); the 0.5 s target is bench/scaling.py's.
    page = tmp_path / "page.txt"
    page.write_text(phrase * 400, encoding="utf-8")
    done = mtcheck("detect", str(page), timeout=30)
    assert done.returncode == 0, done.stderr
    assert "machine translated" in done.stdout


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab ,;:()[-\n"), max_size=40))
def test_after_last_cut_is_the_initial_cut_in_linear_time(text: str) -> None:
    assert after_last_cut(text) == INITIAL_CUT.sub("", text)


def test_alignment_of_a_huge_run_of_brackets_finishes() -> None:
    code = (
        "from mtcheck.checks.align import align\n"
        "a = align('(' * 1000, '(' * 990 + ' x')\n"
        "print(len(a.ops), a.counterpart(500, 501) != None)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, env=python_env(), check=False
    )
    assert done.returncode == 0 and done.stdout.strip().endswith("True"), done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifos_are_refused_at_once_for_inputs_and_side_files(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    code = (
        "import sys\nfrom pathlib import Path\nfrom mtcheck.errors import MtcheckError\n"
        "from mtcheck.read.document import read_document\nfrom mtcheck.run.baseline import load_baseline\n"
        "from mtcheck.run.configfile import load_config\nfrom mtcheck.checks.glossary_file import load_glossary\n"
        "for load in (read_document, load_baseline, load_config, load_glossary):\n"
        "    try:\n        load(Path(sys.argv[1]))\n    except MtcheckError as exc:\n        print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(fifo)],
        capture_output=True, text=True, timeout=60, env=python_env(), check=False,
    )  # fmt: skip
    lines = done.stdout.splitlines()
    assert len(lines) == 4 and all("FIFO" in line for line in lines), (done.stdout, done.stderr)
    # The CLI: a FIFO input is that input's one-line error, and the good input is still checked.
    good = tmp_path / "good.txt"
    good.write_text("This article was machine translated from German.", encoding="utf-8")
    done = mtcheck("detect", str(fifo), str(good), timeout=60)
    assert done.returncode == 2 and "machine translated" in done.stdout
    assert done.stderr.count("\n") == 1 and "FIFO" in done.stderr


def test_devices_are_refused_without_reading_them(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="character device"):
        load_baseline(Path("/dev/zero"))
    with pytest.raises(ConfigError, match="character device"):
        from mtcheck.checks.glossary_file import load_glossary

        load_glossary(Path("/dev/zero"))
    with pytest.raises(InputError, match="character device"):
        read_document("/dev/zero")


def test_side_files_are_bounded(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 2048)
    with pytest.raises(ConfigError, match="larger than the 1024 bytes limit"):
        read_regular(big, 1024, str(big), ConfigError)


@pytest.mark.parametrize("depth", [MAX_NESTING + 1, 50_000])
def test_deeply_nested_side_files_are_one_line_errors(tmp_path: Path, depth: int) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text("[" * depth + "]" * depth, encoding="utf-8")
    with pytest.raises(ConfigError, match="nested more than"):
        load_baseline(baseline)
    config = tmp_path / "mtcheck.toml"
    config.write_text("x = " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="nested more than"):
        load_config(config)


def test_a_non_utf8_tool_table_is_an_error_not_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b'[tool.mtcheck]\nformats = ["html"]\n# caf\xe9\n')
    with pytest.raises(ConfigError, match="not UTF-8"):
        find_config(tmp_path)
    (tmp_path / "pyproject.toml").unlink()
    (tmp_path / "mtcheck.toml").write_bytes(b'formats = ["html"]\n# caf\xe9\n')
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(tmp_path / "mtcheck.toml")


# -- permissions (as root too: the checks run without root's file-permission capabilities) -------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_file_in_a_folder_without_search_permission_is_that_inputs_failure(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inner.txt").write_text("This article was machine translated.", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("This article was machine translated from German.", encoding="utf-8")
    locked.chmod(0o600)  # no x: nothing inside can be reached
    try:
        done = subprocess.run(
            unprivileged([*CLI, "detect", str(locked / "inner.txt"), str(locked), str(good)]),
            capture_output=True, text=True, timeout=60, env=python_env(), check=False,
        )  # fmt: skip
    finally:
        locked.chmod(0o700)
    assert done.returncode == 2, done.stderr
    assert f"{good}: machine translated" in done.stdout
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.count("mtcheck: error:") == 2  # one line per bad input


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_an_unreadable_glossary_is_one_line(tmp_path: Path) -> None:
    glossary = tmp_path / "terms.csv"
    glossary.write_text("term,status\nbridge,preferred\n", encoding="utf-8")
    glossary.chmod(0)
    doc = tmp_path / "a.txt"
    doc.write_text("The bridge is old.", encoding="utf-8")
    done = subprocess.run(
        unprivileged([*CLI, "report", str(doc), "--glossary", str(glossary), "-o", str(tmp_path / "out")]),
        capture_output=True, text=True, timeout=60, env=python_env(), check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip() == f"mtcheck: error: {glossary}: permission denied (--glossary)"


# -- names, output folder, modes -----------------------------------------------------------------------


def test_names_stay_unique_after_every_trim(tmp_path: Path) -> None:
    stem = "a" * 120
    for suffix in ("x", "y", "z"):
        (tmp_path / f"{stem}{suffix}.txt").write_text(f"Text {suffix} about the harbour bridge.", encoding="utf-8")
    items = expand_inputs([str(tmp_path)])
    names = [read_document(item.path, name=item.name).name for item in items]
    assert len(set(names)) == 3 and all(sanitize_name(n) == n and len(n) <= 100 for n in names)
    files = [write_document_reports(build_report(2, name=name), tmp_path / "out", ["json"])[0] for name in names]
    assert len(set(files)) == 3


def test_the_output_folder_is_never_read_as_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "article.txt").write_text("The bridge is old.", encoding="utf-8")
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "article.html").write_text("<p>An earlier report.</p>", encoding="utf-8")
    (tmp_path / "reports" / "summary.md").write_text("## mtcheck summary", encoding="utf-8")
    found = [Path(i.path).name for i in expand_inputs([str(tmp_path)], skip=[tmp_path / "reports"])]
    assert found == ["article.txt"]
    # A relative output folder and an absolute input folder are the same folder.
    monkeypatch.chdir(tmp_path)
    found = [Path(i.path).name for i in expand_inputs(["."], skip=[Path("reports")])]
    assert found == ["article.txt"]


def test_reports_get_the_umasks_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        files = write_document_reports(build_report(2), tmp_path, ["html", "json"])
    finally:
        os.umask(old)
    assert {oct(f.stat().st_mode & 0o777) for f in files} == {oct(0o644)}


def test_a_single_run_format_is_enough(tmp_path: Path) -> None:
    # --format sarif alone: no per-document file, and no "give at least one format".
    assert write_document_reports(build_report(2), tmp_path, ["sarif"]) == []


def test_file_names_that_are_not_utf8_do_not_stop_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    odd = os.fsdecode(os.fsencode(str(folder)) + b"/caf\xe9.txt")
    Path(odd).write_text("This article was machine translated. The bridge is bad since years.", encoding="utf-8")
    report = check(odd, settings=Settings(language="en"), translate=False)
    out = tmp_path / "out"
    files = write_document_reports(report, out, ["html", "json"])
    assert json.loads(files[1].read_bytes().decode("utf-8"))["document"]["path"].endswith("caf\ufffd.txt")
    # The run's reports and the workflow annotations too (the SARIF URI keeps the file's own bytes).
    monkeypatch.chdir(tmp_path)  # a relative URI, as in CI
    log = sarif_log([report], gate=Gate(fail_on="info"))
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "caf%E9.txt"
    )
    assert all(line.encode("utf-8") for line in github_annotations([report], gate=Gate(fail_on="info")))
    done = mtcheck("detect", "--format", "json", str(folder))
    assert done.returncode == 0
    rows = json.loads(done.stdout)  # valid UTF-8 and valid JSON
    assert rows[0]["path"].endswith("caf\ufffd.txt")


# -- the cache -----------------------------------------------------------------------------------------


class _EchoApertium(ApertiumEngine):
    """Apertium's cache hooks without the apertium command: translations are the text, upper-cased."""

    def __init__(self) -> None:
        super().__init__(Settings(engine="apertium"))
        self.calls = 0

    def translate(self, texts: Sequence[str], src: str, tgt: str, **kwargs: Any) -> list[str]:
        self.calls += 1
        return [t.upper() for t in texts]

    def cache_key(self, src: str, tgt: str, *, model: str | None = None) -> str:
        return "echo"


@pytest.mark.parametrize(
    "payload",
    [
        '{"output": "x", "marks": 5}',
        '{"output": "x", "marks": [1]}',
        '{"output": "x", "marks": [["?", "word"]]}',
        '{"output": 3}',
        "[1, 2]",
        "not json",
    ],
)
def test_cache_rows_of_the_wrong_shape_are_misses(tmp_path: Path, payload: str) -> None:
    inner = _EchoApertium()
    cache = TranslationCache(tmp_path / "cache.sqlite3")
    engine = CachedEngine(inner, cache)
    cache.put_many("echo|en-es", [("hello", payload)])
    assert engine.translate(["hello"], "en", "es") == ["HELLO"]
    assert inner.calls == 1


# -- per-document isolation ----------------------------------------------------------------------------


class _FragileEngine:
    """Echoes text; fails on a document that contains a trigger word, as an engine may fail on one text."""

    name = "fragile"

    def __init__(self, failure: BaseException) -> None:
        self.failure = failure

    def translate(self, texts: Sequence[str], src: str, tgt: str, **kwargs: Any) -> list[str]:
        if any("BOOM" in t for t in texts):
            raise self.failure
        return list(texts)

    def models(self) -> list[ModelInfo]:
        return []

    def decoding(self) -> dict[str, Any]:
        return {}

    def cache_key(self, src: str, tgt: str, *, model: str | None = None) -> str:
        return "fragile"


def _batch(tmp_path: Path) -> list[str]:
    paths = []
    for name, text in (("a", "The bridge is old."), ("b", "BOOM goes the bridge."), ("c", "The river is wide.")):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / f"{name}.txt"))
    return paths


@pytest.mark.parametrize(
    "failure", [TranslationError("apertium returned unreadable output"), RuntimeError("out of memory"), KeyError("x")]
)
def test_an_engine_failing_on_one_document_fails_only_that_document(tmp_path: Path, failure: Exception) -> None:
    result = check_many(
        _batch(tmp_path), settings=Settings(language="en", pivots=("de",)), engine=_FragileEngine(failure)
    )  # type: ignore[arg-type]
    assert [Path(r.document.path).name for r in result.reports] == ["a.txt", "c.txt"]
    assert [Path(f.path).name for f in result.failures] == ["b.txt"]
    assert "\n" not in result.failures[0].message and result.failures[0].message.startswith(str(tmp_path))


def test_a_missing_model_still_stops_the_run_once(tmp_path: Path) -> None:
    missing = ModelError("no model for en-de")
    with pytest.raises(ModelError, match="no model for en-de"):
        check_many(_batch(tmp_path), settings=Settings(language="en", pivots=("de",)), engine=_FragileEngine(missing))  # type: ignore[arg-type]


def test_failed_inputs_are_listed_even_when_every_input_fails(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary\x00" * 20)
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    out = tmp_path / "out"
    options = RunOptions(output=out, formats=("sarif", "junit", "markdown"))
    outcome = run_report([str(bad), str(empty)], Settings(engine="apertium", pivots=("es",)), options)
    assert outcome.exit_code == 2 and len(outcome.failures) == 2 and outcome.reports == ()
    names = sorted(p.name for p in out.iterdir())
    assert names == ["index.html", "junit.xml", "mtcheck.sarif", "summary.md"]
    index = (out / "index.html").read_text(encoding="utf-8")
    summary = (out / "summary.md").read_text(encoding="utf-8")
    junit = (out / "junit.xml").read_text(encoding="utf-8")
    for text in (index, summary, junit):
        assert "bad.txt" in text and "empty.txt" in text
    log = json.loads((out / "mtcheck.sarif").read_text(encoding="utf-8"))
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert len(invocation["toolExecutionNotifications"]) == 2
    validate_sarif(log)


def test_the_cli_never_claims_reports_it_did_not_write(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = mtcheck("report", str(tmp_path / "missing.txt"), "--format", "sarif", "-o", str(out))
    assert done.returncode == 2
    assert "give at least one format" not in done.stderr
    assert (out / "mtcheck.sarif").is_file() and (out / "index.html").is_file()
    assert done.stderr.strip().endswith(f"reports in {out}")
    # Quiet: errors only, no per-document lines and no run summary.
    done = mtcheck("report", str(tmp_path / "missing.txt"), "-q", "-o", str(out))
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "no such file" in done.stderr


def test_a_binary_source_is_said_once_per_run(tmp_path: Path) -> None:
    source = tmp_path / "original.bin"
    source.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    docs = _batch(tmp_path)
    done = mtcheck("report", *docs, "--source", str(source), "--engine", "apertium", "-o", str(tmp_path / "out"))
    assert done.returncode == 2
    assert done.stderr.count("mtcheck: error:") == 1 and "--source" in done.stderr and "PNG" in done.stderr


# -- dead ends without models --------------------------------------------------------------------------


def test_the_missing_model_line_names_both_directions_and_apertium() -> None:
    line = missing_model_message("en-de", Path("models"), "offline mode is on (HF_HUB_OFFLINE)")
    assert "en-de" in line and "de-en" in line and "opus-mt-de-en" in line
    assert "apertium" in line and "\n" not in line


def test_offline_ctranslate2_says_what_is_missing(tmp_path: Path) -> None:
    pytest.importorskip("ctranslate2")
    doc = tmp_path / "a.txt"
    doc.write_text("The bridge is old. It was built long ago.", encoding="utf-8")
    done = mtcheck(
        "report", str(doc), "--engine", "ctranslate2", "--language", "en", "--models-dir", str(tmp_path / "none"),
        "--no-cache", "-o", str(tmp_path / "out"), timeout=120,
    )  # fmt: skip
    assert done.returncode == 2
    assert "Errno" not in done.stderr and "no model for en-de" in done.stderr and "de-en" in done.stderr


def test_apertium_pivots_come_from_the_installed_modes() -> None:
    assert installed_pivots("en", ["eng-spa", "spa-eng", "spa-eng_US"]) == ["es"]
    assert installed_pivots("en", ["eng-spa"]) == []  # no way back
    assert installed_pivots("de", ["eng-spa", "spa-eng"]) == []


# -- lines in the file, not in the rebuilt text --------------------------------------------------------

_SOURCES = {
    "article.txt": (
        "Harbour bridge to be renovated\n"
        "The city council met on Monday.\n"
        "The bridge is in a bad state since years, said the senator.\n"
        "Criticism comes from the opposition.\n"
    ),
    "article.md": (
        "---\ntitle: since years\n---\n\n# Harbour bridge\n\nThe city council met on Monday.\n"
        "The bridge is in a **bad state** since years, said the senator.\n\n"
        "> Criticism comes from the opposition.\n"
    ),
    "article.html": (
        "<!doctype html>\n<html lang='en'><head><title>Bridge since years</title></head>\n<body>\n"
        "<nav><a href='/'>Home</a></nav>\n<article>\n<h1>Harbour bridge</h1>\n"
        "<p>The city council met on Monday.\nThe bridge is <b>in a bad state</b> since years, said the senator.</p>\n"
        "<p>Tom &amp; Jerry agree.\n  Criticism comes from the opposition.</p>\n</article>\n</body></html>\n"
    ),
}


@pytest.mark.parametrize("name", sorted(_SOURCES))
def test_sarif_annotations_and_markdown_point_at_the_files_lines(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(_SOURCES[name], encoding="utf-8")
    lines = _SOURCES[name].split("\n")
    report = check(read_document(path), settings=Settings(language="en"), translate=False)
    flagged = [f for f in report.all_findings() if f.start is not None and f.text]
    assert {"since years", "Criticism comes from"} <= {f.text for f in flagged}
    gate = Gate(fail_on="info")
    # SARIF: the region's line holds the flagged text at the region's column.
    results = sarif_log([report], gate=gate)["runs"][0]["results"]
    for result in results:
        region = result["locations"][0]["physicalLocation"]["region"]
        snippet = region["snippet"]["text"]
        line = lines[region["startLine"] - 1]
        assert line[region["startColumn"] - 1 :].startswith(snippet), (name, region, line)
    # GitHub annotations: the same lines and columns.
    for command in github_annotations([report], gate=gate):
        props = dict(p.split("=", 1) for p in command.split("::")[1].split(" ", 1)[1].split(","))
        text = re.search(r"“(.*)”", command)
        line = lines[int(props["line"]) - 1]
        if text and "col" in props:
            assert line[int(props["col"]) - 1 :].startswith(text.group(1)[:20]), (name, command)
    # JUnit's path:line:col lines.
    for finding in flagged:
        where = finding_line(report, finding, lines_for(report)).split(": ", 1)[0]
        line_no, col = (int(x) for x in where.rsplit(":", 2)[1:])
        assert lines[line_no - 1][col - 1 :].startswith(finding.text), (name, where)
    # The Markdown summary's Line column.
    table = [row for row in render_summary([report], gate=gate).splitlines() if row.startswith("| ") and "|" in row]
    rows = [row.split(" | ") for row in table if "since years" in row or "Criticism comes from" in row]
    assert rows
    for row in rows:
        flagged_text = row[4].replace("\\", "")
        assert flagged_text in lines[int(row[2]) - 1], (name, row)


def test_a_rule_stops_after_its_cap_in_one_document() -> None:
    from mtcheck.checks.rules import MAX_FINDINGS_PER_RULE

    report = check(read_document("b.txt", data=b"(" * 5000), settings=Settings(language="en"), translate=False)
    brackets = [f for f in report.all_findings() if f.rule_id == "MT-UNBALANCED-BRACKETS"]
    assert len(brackets) == MAX_FINDINGS_PER_RULE
