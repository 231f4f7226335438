"""GitHub Actions annotations: gated findings only, positions, escaping as the runner specifies."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

import pytest

from mtcheck.report.annotations import (
    escape_data,
    escape_property,
    github_annotations,
    in_github_actions,
)
from mtcheck.results import DocumentInfo, Finding, Report, summarize
from mtcheck.run.baseline import gate_for, load_baseline, write_baseline
from tests.reportdata import build_report

TEXT = "First line.\nSecond line, with 100% wrong text.\nThird."


def doc(findings: tuple[Finding, ...], path: str = "docs/a, b:c.txt") -> Report:
    return replace(
        build_report(1),
        document=DocumentInfo(path, "a", "en", TEXT, "text"),
        sentences=(),
        findings=findings,
        summary=summarize((), findings),
    )


def at(flagged: str, severity: str = "error", message: str = "bad", rule: str = "R1") -> Finding:
    start = TEXT.index(flagged)
    return Finding("rule", severity, message, start, start + len(flagged), rule=rule, text=flagged)  # type: ignore[arg-type]


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """Split a workflow command the way the runner does, then unescape."""
    match = re.fullmatch(r"::(\w+) ([^:]*)::(.*)", line)
    assert match, line
    props = dict(item.split("=", 1) for item in match.group(2).split(","))
    return match.group(1), {k: unquote(v) for k, v in props.items()}, unquote(match.group(3))


def test_command_carries_file_line_columns_and_message() -> None:
    (line,) = github_annotations([doc((at("100% wrong", message="Line\nbreak, 100%: odd"),))])
    command, props, message = parse(line)
    assert command == "error"
    assert props == {
        "file": "docs/a, b:c.txt",
        "line": "2",
        "endLine": "2",
        "col": "19",
        "endColumn": "29",
        "title": "mtcheck R1 (error)",
    }
    assert message == "Line\nbreak, 100%: odd: “100% wrong”"
    assert "\n" not in line


def test_multi_line_span_has_no_columns() -> None:
    (line,) = github_annotations([doc((at("line.\nSecond"),))])
    _, props, _ = parse(line)
    assert (props["line"], props["endLine"]) == ("1", "2") and "col" not in props


@pytest.mark.parametrize(
    ("fail_on", "commands"),
    [
        ("info", ["error", "warning", "notice"]),
        ("warning", ["error", "warning"]),
        ("error", ["error"]),
        ("never", []),
    ],
)
def test_only_findings_at_or_above_the_gate(fail_on: str, commands: list[str]) -> None:
    report = doc((at("First", "error"), at("Second", "warning"), at("Third", "info")))
    assert [parse(line)[0] for line in github_annotations([report], gate=gate_for([report], fail_on, None))] == commands


def test_baselined_findings_are_not_annotated(tmp_path: Path) -> None:
    old = doc((at("First"),))
    baseline = load_baseline(write_baseline([old], tmp_path / "b.json"))
    reports = [doc((at("First"), at("Third", rule="R2")))]
    lines = github_annotations(reports, gate=gate_for(reports, "error", baseline))
    assert [parse(line)[1]["title"] for line in lines] == ["mtcheck R2 (error)"]


def test_finding_without_span_and_stdin() -> None:
    (no_span,) = github_annotations([doc((Finding("x", "error", "whole doc"),))])
    assert parse(no_span)[1] == {"file": "docs/a, b:c.txt", "title": "mtcheck x (error)"}
    (stdin,) = github_annotations([doc((at("First"),), path="-")])
    assert parse(stdin)[1] == {"title": "mtcheck R1 (error)"}


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("100%", "100%25", "100%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("k:v,w", "k:v,w", "k%3Av%2Cw"),
        ("%0A", "%250A", "%250A"),
    ],
)
def test_escaping(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


@pytest.mark.parametrize(
    ("env", "expected"), [({"GITHUB_ACTIONS": "true"}, True), ({}, False), ({"GITHUB_ACTIONS": "1"}, False)]
)
def test_in_github_actions(env: dict[str, str], expected: bool) -> None:
    assert in_github_actions(env) is expected
