"""JUnit XML: a testcase per document that fails at or above the gate, valid XML whatever the text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from mtcheck.report.junit import render_junit, xml_safe
from mtcheck.results import DocumentInfo, Finding, Report, summarize
from mtcheck.run.baseline import gate_for, load_baseline, write_baseline
from tests.reportdata import build_report


def doc(path: str, text: str, findings: tuple[Finding, ...]) -> Report:
    base = build_report(1)
    return replace(
        base,
        document=DocumentInfo(path, Path(path).stem, "en", text, "text"),
        sentences=(),
        findings=findings,
        summary=summarize((), findings),
    )


HOSTILE = 'Bad & <b>"quoted"</b> ]]> text\x00 with \x1b control and \ud800 surrogate'
CLEAN = doc("docs/clean.txt", "All good here.", ())
WARN = doc("docs/warn.txt", "Line one.\nA warning here.", (Finding("rule", "warning", "weak", 12, 19, rule="W1"),))
ERR = doc(
    'docs/<err> & "x".txt',
    HOSTILE,
    (
        Finding("rule", "error", f"message {HOSTILE}", 0, 3, rule="E1", text=HOSTILE),
        Finding("rule", "info", "fyi", rule="I1"),
    ),
)


def parse(path: Path) -> ET.Element:
    return ET.fromstring(path.read_bytes())


@pytest.mark.parametrize(
    ("fail_on", "failing"),
    [
        ("info", ["docs/warn.txt", 'docs/<err> & "x".txt']),
        ("warning", ["docs/warn.txt", 'docs/<err> & "x".txt']),
        ("error", ['docs/<err> & "x".txt']),
        ("never", []),
    ],
)
def test_testcases_fail_at_or_above_the_gate(tmp_path: Path, fail_on: str, failing: list[str]) -> None:
    root = parse(render_junit([CLEAN, WARN, ERR], tmp_path, gate=gate_for([CLEAN, WARN, ERR], fail_on, None)))
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["docs/clean.txt", "docs/warn.txt", 'docs/<err> & "x".txt']
    assert all(c.get("classname") == "mtcheck" for c in cases)
    assert [c.get("name") for c in cases if c.find("failure") is not None] == failing
    assert suite.get("tests") == "3" and suite.get("failures") == str(len(failing))
    assert root.get("failures") == str(len(failing))


def test_failure_lists_gated_findings_with_positions(tmp_path: Path) -> None:
    root = parse(render_junit([WARN], tmp_path, gate=gate_for([WARN], "warning", None)))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "1 finding at or above warning: 1 warning"
    assert failure.text is not None and "docs/warn.txt:2:3: warning W1: weak" in failure.text


def test_hostile_text_stays_well_formed(tmp_path: Path) -> None:
    path = render_junit([ERR], tmp_path, gate=gate_for([ERR], "info", None))
    raw = path.read_text(encoding="utf-8")
    assert "<b>" not in raw and "\x00" not in raw and "\x1b" not in raw
    failure = parse(path).find("testsuite/testcase/failure")
    assert failure is not None and failure.text is not None
    assert 'Bad & <b>"quoted"</b> ]]> text' in failure.text
    assert failure.get("message") == "2 findings at or above info: 1 error, 1 info"


def test_system_out_carries_the_summary(tmp_path: Path) -> None:
    report = build_report()
    out = parse(render_junit([report], tmp_path)).find("testsuite/testcase/system-out")
    assert out is not None and out.text is not None
    assert "machine translated: yes (confidence 0.91)" in out.text
    assert f"sentences: {report.summary.sentences}" in out.text
    assert f"mean chrF: {report.summary.mean_chrf:.1f}" in out.text


def test_baselined_findings_do_not_fail(tmp_path: Path) -> None:
    baseline = load_baseline(write_baseline([WARN, ERR], tmp_path / "b.json"))
    new_err = doc(
        ERR.document.path, HOSTILE + " more", (*ERR.findings, Finding("rule", "error", "new one", 0, 3, rule="E2"))
    )
    root = parse(render_junit([WARN, new_err], tmp_path / "out", gate=gate_for([WARN, new_err], "warning", baseline)))
    cases = root.findall("testsuite/testcase")
    assert cases[0].find("failure") is None
    failure = cases[1].find("failure")
    assert failure is not None and failure.text is not None
    assert failure.get("message") == "1 finding at or above warning: 1 error"
    assert "E2: new one" in failure.text and "E1" not in failure.text
    assert "(1 more at or above warning are known in the baseline)" in failure.text


def test_empty_run(tmp_path: Path) -> None:
    root = parse(render_junit([], tmp_path))
    assert root.find("testsuite") is not None and root.get("tests") == "0"


@pytest.mark.parametrize(("raw", "safe"), [("a\x00b", "a\ufffdb"), ("tab\tok\n", "tab\tok\n"), ("\ufffe", "\ufffd")])
def test_xml_safe(raw: str, safe: str) -> None:
    assert xml_safe(raw) == safe


def test_inputs_that_could_not_be_checked_are_errors(tmp_path: Path) -> None:
    from mtcheck.api import InputFailure

    failure = InputFailure("docs/<broken>.md", "docs/<broken>.md: not UTF-8 & not readable")
    root = parse(render_junit([CLEAN], tmp_path, errors=[failure]))
    assert root.get("errors") == "1" and root.get("tests") == "2"
    case = root.findall("testsuite/testcase")[1]
    assert case.get("name") == "docs/<broken>.md"
    error = case.find("error")
    assert error is not None and error.get("message") == "docs/<broken>.md: not UTF-8 & not readable"
