"""Where a finding of a bilingual file is: the file, the unit id and the line of the unit in the file."""

from __future__ import annotations

from typing import Any

from mtcheck.results import Finding, Report, UnitResult


def unit_of(report: Report, finding: Finding) -> UnitResult | None:
    """The unit (segment) a finding of a bilingual-file report belongs to; None for articles."""
    if report.units is None or finding.sentence is None:
        return None
    units = report.units.units
    return units[finding.sentence] if 0 <= finding.sentence < len(units) else None


def sarif_region(report: Report, finding: Finding) -> dict[str, Any] | None:
    """A SARIF region on the unit's line in the bilingual file (its target's line when it has one)."""
    unit = unit_of(report, finding)
    if unit is None or unit.location_line is None:
        return None
    region: dict[str, Any] = {"startLine": unit.location_line}
    if unit.target:
        region["snippet"] = {"text": unit.target}
    return region


def sarif_logical(report: Report, finding: Finding) -> list[dict[str, Any]]:
    """The unit as a SARIF logical location (its id in the file)."""
    unit = unit_of(report, finding)
    if unit is None:
        return []
    return [{"name": unit.id, "fullyQualifiedName": f"{report.document.path}#{unit.id}", "kind": "element"}]


def where(report: Report, finding: Finding) -> str | None:
    """'path:line [unit id]' for JUnit and one-line outputs; None for articles."""
    unit = unit_of(report, finding)
    if unit is None:
        return None
    line = f":{unit.location_line}" if unit.location_line is not None else ""
    return f"{report.document.path}{line} [unit {unit.id}]"
