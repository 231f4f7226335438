"""JUnit XML for CI test views: one testcase per document, failing at or above the gate."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from mtcheck.report import _write_atomic, counted
from mtcheck.report.sarif import Positions, lines_for, span
from mtcheck.results import SEVERITIES, FailedInput, Finding, Gate, Report
from mtcheck.version import __version__

JUNIT_FILE = "junit.xml"


InputError = FailedInput  # the name this module used before results.FailedInput


# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text with characters XML 1.0 forbids replaced by U+FFFD (escaping is left to ElementTree)."""
    return _NOT_XML.sub("\ufffd", text)


def _counts(findings: Sequence[Finding]) -> str:
    counter = Counter(f.severity for f in findings)
    return ", ".join(f"{counter[s]} {s}" for s in reversed(SEVERITIES) if counter[s])


def finding_line(report: Report, finding: Finding, lines: Positions) -> str:
    """One finding as 'path:line:col: severity RULE: message [text]'."""
    where = report.document.path
    found = span(report, finding)
    if report.units is not None:  # a bilingual file: the unit's line in the file, and its id
        from mtcheck.report.unit_locations import where as unit_where

        where = unit_where(report, finding) or where
    elif found is not None:
        line, col = lines.position(found[0])
        where = f"{where}:{line}:{col}"
    text = " ".join((finding.text or "").split())
    quoted = f" [{text[:120]}{'…' if len(text) > 120 else ''}]" if text else ""
    return f"{where}: {finding.severity} {finding.rule_id}: {finding.message}{quoted}"


def document_summary(report: Report) -> str:
    """A few lines on one document: verdict, sentences, chrF, finding counts."""
    d, s = report.detection, report.summary
    verdict = f"{'yes' if d.machine_translated else 'no'} (confidence {d.confidence:.2f})"
    chrf = f"{s.mean_chrf:.1f}" if s.mean_chrf is not None else "n/a"
    counts = ", ".join(f"{s.by_severity.get(sev, 0)} {sev}" for sev in reversed(SEVERITIES))
    return (
        f"document: {report.document.path}\n"
        f"machine translated: {verdict}\n"
        f"language: {report.document.language or d.language or 'unknown'}\n"
        f"sentences: {s.sentences}\nmean chrF: {chrf}\nfindings: {s.findings} ({counts})\n"
    )


def junit_tree(
    reports: Sequence[Report],
    *,
    gate: Gate | None = None,
    errors: Sequence[FailedInput] = (),
) -> ET.Element:
    """The <testsuites> element with one <testsuite> holding a <testcase> per document (and per input error)."""
    gate = gate or Gate()
    fail_on = gate.fail_on
    failures = 0
    tests = str(len(reports) + len(errors))
    suite = ET.Element("testsuite", name="mtcheck", tests=tests, errors=str(len(errors)), skipped="0")
    props = ET.SubElement(suite, "properties")
    for name, value in (("fail_on", fail_on), ("mtcheck_version", __version__), ("baseline", str(gate.baselined))):
        ET.SubElement(props, "property", name=name, value=value)
    for report in reports:
        case = ET.SubElement(suite, "testcase", classname="mtcheck", name=xml_safe(report.document.path))
        gated = gate.gated(report)
        if gated:
            failures += 1
            lines = lines_for(report)
            known = len(gate.reached(report)) - len(gated)
            message = f"{counted(len(gated), 'finding')} at or above {fail_on}: {_counts(gated)}"
            failure = ET.SubElement(case, "failure", message=xml_safe(message), type=fail_on)
            body = [finding_line(report, f, lines) for f in gated]
            if known:
                body.append(f"({known} more at or above {fail_on} are known in the baseline)")
            failure.text = xml_safe("\n".join(body) + "\n")
        ET.SubElement(case, "system-out").text = xml_safe(document_summary(report))
    for error in errors:
        case = ET.SubElement(suite, "testcase", classname="mtcheck", name=xml_safe(error.path))
        ET.SubElement(case, "error", message=xml_safe(error.message), type="input").text = xml_safe(error.message)
    suite.set("failures", str(failures))
    root = ET.Element("testsuites", name="mtcheck", tests=tests, failures=str(failures), errors=str(len(errors)))
    root.append(suite)
    return root


def render_junit(
    reports: Sequence[Report],
    output_dir: Path,
    *,
    gate: Gate | None = None,
    errors: Sequence[FailedInput] = (),
    failures: Sequence[FailedInput] = (),
) -> Path:
    """Write <output_dir>/junit.xml and return its path; errors (failures) are inputs that could not be checked."""
    root = junit_tree(reports, gate=gate, errors=(*errors, *failures))
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode", xml_declaration=False)
    path = Path(output_dir) / JUNIT_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_atomic(path, '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n")
    return path
