"""SARIF 2.1.0 for code-scanning tools: one run, one result per finding."""

from __future__ import annotations

import bisect
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote

from mtcheck.report import _write_atomic
from mtcheck.report.fingerprint import document_key, occurrences
from mtcheck.results import FailedInput, Finding, Gate, Report, severity_rank
from mtcheck.version import __version__

SARIF_FILE = "mtcheck.sarif"
SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/mtcheck/mtcheck"
FINDINGS_DOC_URI = INFORMATION_URI + "/blob/main/docs/findings.md"
FINGERPRINT_KEY = "mtcheck/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


class LineIndex:
    """Character offsets into a text as 1-based (line, column) pairs, columns in code points."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of offset; offsets past the end clamp to the end of the text."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def end(self, offset: int) -> tuple[int, int]:
        """Where a span ending at offset ends: the same place as position."""
        return self.position(offset)


class Positions(Protocol):
    """Offsets into a document's text as 1-based (line, column) pairs."""

    def position(self, offset: int) -> tuple[int, int]: ...

    def end(self, offset: int) -> tuple[int, int]: ...


def lines_for(report: Report) -> Positions:
    """The input file's lines when the document knows where its text came from, else the text's own lines."""
    if report.document.source_map:
        from mtcheck.read.source_map import SourceLines

        return SourceLines(report.document.source_map)
    return LineIndex(report.document.text)


def span(report: Report, finding: Finding) -> tuple[int, int] | None:
    """The finding's (start, end) offsets when it has a usable span in the document text."""
    start, end = finding.start, finding.end
    if start is None:
        return None
    end = start if end is None or end < start else end
    length = len(report.document.text)
    if start > length:
        return None
    return start, min(end, length)


def artifact_uri(path: str) -> str:
    """The document path as a relative URI when it lies under the working directory, else a file URI."""
    key = document_key(path)
    if re.match(r"https?://", key, re.IGNORECASE):
        return key  # a web page
    if key.startswith("/"):
        return Path(key).as_uri()
    return quote(os.fsencode(key), safe="/")  # the file's own bytes, also when its name is not valid UTF-8


def artifact_location(path: str) -> dict[str, Any]:
    """A SARIF artifactLocation: relative URIs resolve against SRCROOT; absolute ones (file, web page) take no base."""
    uri = artifact_uri(path)
    if uri.startswith("file:") or re.match(r"https?://", uri, re.IGNORECASE):
        return {"uri": uri}
    return {"uri": uri, "uriBaseId": "SRCROOT"}


def rule_anchor(rule: str) -> str:
    """The heading anchor of a rule in docs/findings.md (GitHub slug of the rule id)."""
    return re.sub(r"[^a-z0-9_-]", "", rule.lower().replace(" ", "-"))


def _rules(reports: Sequence[Report]) -> list[dict[str, Any]]:
    seen: dict[str, Finding] = {}
    worst: dict[str, str] = {}
    for report in reports:
        for f in report.all_findings():
            seen.setdefault(f.rule_id, f)
            if f.rule_id not in worst or severity_rank(f.severity) > severity_rank(worst[f.rule_id]):
                worst[f.rule_id] = f.severity
    rules = []
    for rule_id, first in seen.items():
        label = first.kind.replace("_", " ")
        name = "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", first.kind) if part)
        rules.append(
            {
                "id": rule_id,
                "name": name or rule_id,
                "shortDescription": {"text": label if rule_id == first.kind else f"{label} ({rule_id})"},
                "helpUri": f"{FINDINGS_DOC_URI}#{rule_anchor(rule_id)}",
                "defaultConfiguration": {"level": LEVELS[worst[rule_id]]},
                "properties": {"tags": [first.kind]},
            }
        )
    return rules


def _location(report: Report, finding: Finding, lines: Positions) -> list[dict[str, Any]]:
    if report.document.path in ("", "-"):
        return []
    physical: dict[str, Any] = {"artifactLocation": artifact_location(report.document.path)}
    if report.units is not None:  # a bilingual file: the unit's line in the file, and its id
        from mtcheck.report.unit_locations import sarif_logical, sarif_region

        unit_region = sarif_region(report, finding)
        if unit_region is not None:
            physical["region"] = unit_region
        logical = sarif_logical(report, finding)
        return [{"physicalLocation": physical, **({"logicalLocations": logical} if logical else {})}]
    found = span(report, finding)
    if found is not None:
        (start_line, start_col), (end_line, end_col) = lines.position(found[0]), lines.end(found[1])
        region: dict[str, Any] = {
            "startLine": start_line,
            "startColumn": start_col,
            "endLine": end_line,
            "endColumn": end_col,
        }
        snippet = report.document.text[found[0] : found[1]]
        if snippet:
            region["snippet"] = {"text": snippet}
        physical["region"] = region
    return [{"physicalLocation": physical}]


def _results(report: Report, rule_index: dict[str, int], gate: Gate) -> list[dict[str, Any]]:
    lines = lines_for(report)
    known = gate.known_flags(report) if gate.baselined else None
    out = []
    for i, (finding, fp, occurrence) in enumerate(occurrences(report)):
        result: dict[str, Any] = {
            "ruleId": finding.rule_id,
            "ruleIndex": rule_index[finding.rule_id],
            "level": LEVELS[finding.severity],
            "message": {"text": finding.message or finding.kind},
            "locations": _location(report, finding, lines),
            "partialFingerprints": {FINGERPRINT_KEY: f"{fp}:{occurrence}"},
            "properties": {
                "kind": finding.kind,
                "severity": finding.severity,
                "documentFormat": report.document.format,
                **({"sentence": finding.sentence} if finding.sentence is not None else {}),
            },
        }
        if known is not None:
            result["baselineState"] = "unchanged" if known[i] else "new"
        out.append(result)
    return out


def _notifications(failures: Sequence[FailedInput]) -> list[dict[str, Any]]:
    """Inputs that could not be checked, as tool execution notifications (errors) of the invocation."""
    out = []
    for failure in failures:
        note: dict[str, Any] = {"level": "error", "message": {"text": failure.message or "not checked"}}
        if failure.path not in ("", "-"):
            note["locations"] = [{"physicalLocation": {"artifactLocation": artifact_location(failure.path)}}]
        out.append(note)
    return out


def sarif_log(reports: Sequence[Report], *, gate: Gate | None = None, failures: Sequence[FailedInput] = ()) -> dict:
    """The SARIF log as a JSON-ready dict; failures become toolExecutionNotifications."""
    gate = gate or Gate()
    rules = _rules(reports)
    rule_index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = [r for report in reports for r in _results(report, rule_index, gate)]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "mtcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }
        },
        "originalUriBaseIds": {"SRCROOT": {"uri": Path.cwd().as_uri() + "/"}},
        # Python offsets count code points; regions index each document's normalised text.
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [
            {
                "executionSuccessful": not failures,
                **({"toolExecutionNotifications": _notifications(failures)} if failures else {}),
            }
        ],
        # Regions are the input file's lines and columns (text rebuilt from markup is mapped back).
        "properties": {"failOn": gate.fail_on, "regionsIndex": "input file"},
    }
    return {"$schema": SARIF_SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_sarif(
    reports: Sequence[Report], output_dir: Path, *, gate: Gate | None = None, failures: Sequence[FailedInput] = ()
) -> Path:
    """Write <output_dir>/mtcheck.sarif and return its path."""
    path = Path(output_dir) / SARIF_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(sarif_log(reports, gate=gate, failures=failures), indent=2, ensure_ascii=False)
    _write_atomic(path, re.sub("[\ud800-\udfff]", "\ufffd", text) + "\n")
    return path
