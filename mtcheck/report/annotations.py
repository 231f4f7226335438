"""GitHub Actions workflow commands (::error file=...::msg) for findings at or above the gate."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence

from mtcheck.report.fingerprint import document_key
from mtcheck.report.sarif import Positions, lines_for, span
from mtcheck.report.unit_locations import unit_of
from mtcheck.results import Finding, Gate, Report

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message as the Actions runner expects (%, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property value (also ':' and ',', which separate properties)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def in_github_actions(environ: Mapping[str, str] | None = None) -> bool:
    """Whether we run inside GitHub Actions (GITHUB_ACTIONS=true)."""
    return (os.environ if environ is None else environ).get("GITHUB_ACTIONS") == "true"


def annotation(report: Report, finding: Finding, lines: Positions | None = None) -> str:
    """One workflow command line for one finding."""
    props: dict[str, str] = {}
    found = span(report, finding)
    if report.document.path not in ("", "-"):  # stdin has no file to annotate
        props["file"] = document_key(report.document.path)
    unit = unit_of(report, finding)
    if unit is not None and props and unit.location_line is not None:  # a bilingual file: the unit's line
        props["line"] = str(unit.location_line)
    elif found is not None and props:
        lines = lines or lines_for(report)
        (line, col), (end_line, end_col) = lines.position(found[0]), lines.end(found[1])
        props.update(line=str(line), endLine=str(end_line))
        if line == end_line:  # GitHub ignores columns on multi-line annotations
            props.update(col=str(col), endColumn=str(end_col))
    props["title"] = f"mtcheck {finding.rule_id} ({finding.severity})"
    text = " ".join((finding.text or "").split())
    message = finding.message + (f": “{text[:200]}”" if text and text not in finding.message else "")
    head = ",".join(f"{key}={escape_property(value)}" for key, value in props.items())
    # Lone surrogates (a file name that is not valid UTF-8) cannot be printed: U+FFFD stands in.
    return re.sub("[\ud800-\udfff]", "\ufffd", f"::{COMMANDS[finding.severity]} {head}::{escape_data(message)}")


def github_annotations(reports: Sequence[Report], *, gate: Gate | None = None) -> list[str]:
    """Workflow command lines for every finding that counts towards the gate (not baselined)."""
    gate = gate or Gate()
    out: list[str] = []
    for report in reports:
        lines = lines_for(report)
        out.extend(annotation(report, f, lines) for f in gate.gated(report))
    return out
