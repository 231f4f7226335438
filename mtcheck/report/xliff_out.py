"""--format xliff: the input XLIFF written back with each finding as an ITS 2.0 Localization Quality Issue.

Each unit (XLIFF 2: <unit>, 1.2: <trans-unit>) with findings gains one standoff element, as in the ITS 2.0
examples, after its content:

    <its:locQualityIssues xmlns:its="http://www.w3.org/2005/11/its" xml:id="mtcheck-lqi-3">
      <its:locQualityIssue locQualityIssueType="numbers" locQualityIssueSeverity="50"
        locQualityIssueComment="MT-SEG-NUMBER-MISSING [u3]: number 14,5 of the source ..."/>
    </its:locQualityIssues>

Nothing else in the file changes (a test removes the annotations and compares both files canonically).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from mtcheck.results import Finding, Report

ITS_NS = "http://www.w3.org/2005/11/its"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
ID_PREFIX = "mtcheck-lqi-"
# ITS 2.0 issue types (https://www.w3.org/TR/its20/#lqissue-typevalues) by rule id prefix, then by kind.
ISSUE_TYPES = {
    "MT-SEG-NUMBER": "numbers",
    "MT-SEG-NAME": "inconsistent-entities",
    "MT-SEG-URL": "inconsistent-entities",
    "MT-SEG-PLACEHOLDER": "markup",
    "MT-SEG-TAG": "markup",
    "MT-SEG-WHITESPACE": "whitespace",
    "MT-SEG-DOUBLE-SPACE": "whitespace",
    "MT-SEG-END-PUNCTUATION": "typographical",
    "MT-SEG-UNTRANSLATED": "untranslated",
    "MT-SEG-EMPTY-TARGET": "untranslated",
    "MT-SEG-SOURCE-LANGUAGE": "untranslated",
    "MT-SEG-SOURCE-SCRIPT": "untranslated",
    "MT-SEG-LENGTH-RATIO": "length",
    "MT-SEG-INCONSISTENT": "inconsistency",
    "MT-SEG-GLOSSARY": "terminology",
    "glossary": "terminology",
    "terminology_drift": "terminology",
    "awkward_phrasing": "style",
    "rule": "style",
}
SEVERITY_SCORES = {"info": "10", "warning": "50", "error": "90"}  # ITS severity: 0 (none) to 100 (worst)


def issue_type(finding: Finding) -> str:
    """The ITS issue type of a finding ('other' when none fits)."""
    for key, value in ISSUE_TYPES.items():
        if finding.rule_id.startswith(key):
            return value
    return ISSUE_TYPES.get(finding.kind, "other")


def _comment(finding: Finding, unit_id: str) -> str:
    text = " ".join((finding.text or "").split())
    quoted = f" [{text[:80]}{'…' if len(text) > 80 else ''}]" if text else ""
    return f"{finding.rule_id} [{unit_id}]: {finding.message}{quoted}"


def _unit_elements(root: Any) -> dict[str, Any]:
    from mtcheck.read.inline import local

    return {
        el.get("id"): el
        for el in root.iter()
        if isinstance(el.tag, str) and local(el.tag) in ("unit", "trans-unit") and el.get("id") is not None
    }


def render_xliff(report: Report) -> str | None:
    """The report's XLIFF file with ITS quality issues added; None when the input was not XLIFF."""
    if report.units is None or not report.units.format.startswith("xliff"):
        return None
    from lxml import etree

    from mtcheck.read import safe_xml
    from mtcheck.read.inputs import read_bytes
    from mtcheck.report.junit import xml_safe

    root = safe_xml.parse(read_bytes(report.document.path), report.document.path)
    by_unit: dict[str, list[tuple[Finding, str]]] = defaultdict(list)
    for finding in report.all_findings():
        if finding.sentence is None or not 0 <= finding.sentence < len(report.units.units):
            continue
        unit = report.units.units[finding.sentence]
        by_unit[unit.unit_id].append((finding, unit.id))
    elements = _unit_elements(root)
    for number, (unit_id, found) in enumerate(by_unit.items(), start=1):
        element = elements.get(unit_id)
        if element is None:
            continue
        issues = etree.SubElement(element, f"{{{ITS_NS}}}locQualityIssues", nsmap={"its": ITS_NS})
        issues.set(XML_ID, f"{ID_PREFIX}{number}")
        for finding, segment_id in found:
            etree.SubElement(
                issues,
                f"{{{ITS_NS}}}locQualityIssue",
                locQualityIssueType=issue_type(finding),
                locQualityIssueComment=xml_safe(_comment(finding, segment_id)),
                locQualityIssueSeverity=SEVERITY_SCORES[finding.severity],
            )
        issues.tail = element[-2].tail if len(element) > 1 else None
    text = etree.tostring(root.getroottree(), encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"
