"""Baselines match findings by document, rule and text, never by offsets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mtcheck.errors import ConfigError, UsageError
from mtcheck.results import Detection, DocumentInfo, Finding, Report, SentenceResult, summarize
from mtcheck.run.baseline import (
    Baseline,
    document_key,
    fails,
    finding_fingerprint,
    gated_findings,
    load_baseline,
    write_baseline,
)
from tests.shared import python_env

TEXT = "The cat sat on the the mat. It was a very good cat. The end of the the story."


def make_report(text: str, spans: list[tuple[str, str, str, int]], path: str = "docs/a.md") -> Report:
    """Findings given as (rule, severity, flagged text, occurrence of that text in the document)."""
    findings = []
    for rule, severity, flagged, nth in spans:
        start = -1
        for _ in range(nth + 1):
            start = text.index(flagged, start + 1)
        findings.append(
            Finding(
                kind="rule",
                severity=severity,
                message=f"{rule} here",
                start=start,
                end=start + len(flagged),
                rule=rule,
                text=flagged,
            )  # fmt: skip
        )
    sentence = SentenceResult(index=0, text=text, start=0, end=len(text), findings=tuple(findings))
    return Report(
        document=DocumentInfo(path=path, name=Path(path).stem, language="en", text=text),
        detection=Detection(machine_translated=False, confidence=0.0),
        engine=None,
        sentences=(sentence,),
        findings=(),
        summary=summarize((sentence,), ()),
    )


BASE = [("DOUBLED", "error", "the the", 0), ("DOUBLED", "error", "the the", 1), ("WEAK", "warning", "very good", 0)]


def baseline_for(report: Report, tmp_path: Path) -> Baseline:
    return load_baseline(write_baseline([report], tmp_path / "sub" / "baseline.json"))


def test_written_file_groups_duplicates_with_counts(tmp_path: Path) -> None:
    path = write_baseline([make_report(TEXT, BASE)], tmp_path / "b.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1
    rows = {(e["document"], e["rule"], e["text"]): e["count"] for e in data["entries"]}
    assert rows == {("docs/a.md", "DOUBLED", "the the"): 2, ("docs/a.md", "WEAK", "very good"): 1}
    assert all(len(e["fingerprint"]) == 64 for e in data["entries"])


def test_every_finding_is_known_against_its_own_baseline(tmp_path: Path) -> None:
    report = make_report(TEXT, BASE)
    baseline = baseline_for(report, tmp_path)
    new, known = baseline.split([report])
    assert new == [] and len(known) == 3
    assert all(baseline.contains(report, f) for f in report.all_findings())
    assert not fails([report], "info", baseline)
    assert fails([report], "info", None)


def test_finding_moved_by_text_inserted_above_still_matches(tmp_path: Path) -> None:
    baseline = baseline_for(make_report(TEXT, BASE), tmp_path)
    moved = make_report("A brand new opening paragraph was added. " + TEXT, BASE)
    assert [f.start for f in moved.all_findings()] != [f.start for f in make_report(TEXT, BASE).all_findings()]
    new, known = baseline.split([moved])
    assert new == [] and len(known) == 3


def test_changed_flagged_text_is_new(tmp_path: Path) -> None:
    baseline = baseline_for(make_report(TEXT, BASE), tmp_path)
    edited = TEXT.replace("very good", "really good")
    report = make_report(edited, [*BASE[:2], ("WEAK", "warning", "really good", 0)])
    new, known = baseline.split([report])
    assert [(f.rule, f.text) for _, f in new] == [("WEAK", "really good")]
    assert len(known) == 2
    assert [f.text for f in gated_findings(report, "warning", baseline)] == ["really good"]


def test_occurrence_counts_are_respected(tmp_path: Path) -> None:
    one = make_report(TEXT, [("DOUBLED", "error", "the the", 0)])
    baseline = baseline_for(one, tmp_path)
    two = make_report(TEXT, [("DOUBLED", "error", "the the", 0), ("DOUBLED", "error", "the the", 1)])
    new, known = baseline.split([two])
    assert len(new) == 1 and len(known) == 1
    first, second = two.all_findings()
    assert baseline.contains(two, first) and not baseline.contains(two, second)
    assert fails([two], "error", baseline)


def test_other_document_or_rule_does_not_match(tmp_path: Path) -> None:
    baseline = baseline_for(make_report(TEXT, BASE), tmp_path)
    other_doc = make_report(TEXT, BASE, path="docs/b.md")
    other_rule = make_report(TEXT, [("OTHER", "error", "the the", 0)])
    assert len(baseline.split([other_doc])[0]) == 3
    assert len(baseline.split([other_rule])[0]) == 1


def test_whitespace_in_flagged_text_is_normalised() -> None:
    a = make_report("x the  the y", [("DOUBLED", "error", "the  the", 0)])
    b = make_report("x the the y", [("DOUBLED", "error", "the the", 0)])
    assert finding_fingerprint(a, a.all_findings()[0]) == finding_fingerprint(b, b.all_findings()[0])


@pytest.mark.parametrize(
    ("given", "expected"),
    [("./docs/a.md", "docs/a.md"), ("docs//a.md", "docs/a.md"), ("docs/x/../a.md", "docs/a.md"), ("-", "-")],
)
def test_document_key_normalises_paths(given: str, expected: str) -> None:
    assert document_key(given) == expected


def test_absolute_path_under_cwd_becomes_relative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert document_key(str(tmp_path / "docs" / "a.md")) == "docs/a.md"


@pytest.mark.parametrize(
    ("fail_on", "gated"),
    [("info", 3), ("warning", 3), ("error", 2), ("never", 0)],
)
def test_gate_without_baseline(fail_on: str, gated: int) -> None:
    assert len(gated_findings(make_report(TEXT, BASE), fail_on)) == gated


def test_unknown_gate_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="fail_on must be one of") as raised:
        gated_findings(make_report(TEXT, BASE), "fatal")
    assert raised.value.setting == "fail_on"


BAD_FILES = [
    ("{", "not valid JSON"),
    ("[]", "not an mtcheck baseline"),
    ('{"version": 9, "entries": []}', "unsupported baseline version 9"),
    ('{"version": 1, "entries": [3]}', r"entries\[0\]: expected an object"),
    ('{"version": 1, "entries": [{"document": "a", "rule": "R"}]}', "'text' must be a string"),
    ('{"version": 1, "entries": [{"document": "a", "rule": "R", "text": "t", "count": 0}]}', "'count'"),
]


@pytest.mark.parametrize(("content", "message"), BAD_FILES)
def test_bad_baseline_files_are_config_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_baseline(path)


def test_missing_baseline_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_baseline(tmp_path / "nope.json")


def test_hand_written_entry_without_fingerprint_matches(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    entry = {"document": "./docs/a.md", "rule": "WEAK", "text": "very  good"}
    path.write_text(json.dumps({"version": 1, "entries": [entry]}), encoding="utf-8")
    new, known = load_baseline(path).split([make_report(TEXT, BASE)])
    assert [f.rule for _, f in known] == ["WEAK"] and len(new) == 2


# -- --write-baseline when an input fails ------------------------------------------------------------------


def _report(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mtcheck", "report", *args, "--engine", "none", "-o", "out", "-f", "json"],
        cwd=cwd, capture_output=True, text=True, env=python_env(), timeout=120, check=False,
    )  # fmt: skip


def test_write_baseline_keeps_the_old_baseline_when_an_input_fails(tmp_path: Path) -> None:
    """A failed input's findings are unknown: the baseline is not overwritten (nor created), and one line says so."""
    (tmp_path / "a.txt").write_text("The the bridge is closed since years.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The bridge is in a bad state since years.\n", encoding="utf-8")
    first = _report(tmp_path, "a.txt", "b.txt", "--write-baseline", "base.json")
    assert first.returncode == 0, first.stderr
    before = (tmp_path / "base.json").read_text(encoding="utf-8")
    assert {e["document"] for e in json.loads(before)["entries"]} == {"a.txt", "b.txt"}

    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\x00")  # b.txt can no longer be read
    second = _report(tmp_path, "a.txt", "b.txt", "--write-baseline", "base.json", "--quiet")
    assert second.returncode == 2
    assert (tmp_path / "base.json").read_text(encoding="utf-8") == before  # b.txt's entries are not lost
    assert (tmp_path / "out" / "a.json").is_file()  # the other input is still checked and reported
    said = [line for line in second.stderr.splitlines() if "baseline" in line]
    assert said == [
        "mtcheck: error: baseline not written: 1 input failed, so base.json was left unchanged; "
        "fix the failures and run again"
    ]

    third = _report(tmp_path, "a.txt", "b.txt", "--write-baseline", "new.json")
    assert third.returncode == 2 and not (tmp_path / "new.json").exists()
    assert "baseline not written: 1 input failed, so new.json was not created" in third.stderr
