"""Calibration as data: how far each finding may go with a given engine (data/calibration/<engine>.toml).

A check decides a finding's severity from what it sees; the calibration file says, per engine, which
kinds and rules have earned that severity on annotated data. Each entry is a ceiling: a finding above
it is lowered to it, "off" drops the finding; a floor raises a finding that has earned more than its
check gives it. Keys, most specific first: `RULE/detail` (the term kind of
a terminology finding, the op of an awkward one), the rule id, the kind. Named artefact filters lower
findings the engine itself causes (apertium reading "US" as "us", a name it cannot analyse) to info.
User overrides (Settings.severities) always win: a finding whose rule or kind the user set is left alone.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

from mtcheck.results import SEVERITIES, Finding, SentenceResult, severity_rank

OFF = ("off", "none", "ignore")


@dataclass(frozen=True)
class Calibration:
    """One engine's calibration: ceilings by key, artefact filters, and where the figures come from."""

    engine: str
    ceilings: Mapping[str, str] = field(default_factory=dict)
    floors: Mapping[str, str] = field(default_factory=dict)
    artefacts: frozenset[str] = frozenset()
    measured: Mapping[str, Any] = field(default_factory=dict)

    def ceiling(self, finding: Finding) -> str | None:
        """The most specific ceiling that applies to the finding, or None."""
        return _lookup(self.ceilings, finding)

    def floor(self, finding: Finding) -> str | None:
        """The most specific floor (a level the finding is raised to) that applies, or None."""
        return _lookup(self.floors, finding)


def _lookup(table: Mapping[str, str], finding: Finding) -> str | None:
    detail = _detail(finding)
    for key in (f"{finding.rule_id}/{detail}" if detail else "", finding.rule_id, finding.kind):
        if key and key in table:
            return table[key]
    return None


def _detail(finding: Finding) -> str:
    details = finding.details or {}
    if finding.kind == "terminology_drift":
        return str(details.get("term_kind", ""))
    if finding.kind == "awkward_phrasing":
        return str(details.get("op", ""))
    return ""


def _data(name: str) -> Any:
    return resources.files("mtcheck.checks").joinpath("data", "calibration", f"{name}.toml")


@cache
def load_calibration(name: str) -> Calibration | None:
    """The calibration file of an engine (None when there is none, or for "none")."""
    if name in OFF or not name.replace("-", "").replace("_", "").isalnum():
        return None
    path = _data(name)
    if not path.is_file():
        return None
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    ceilings = {str(k): str(v) for k, v in raw.get("ceiling", {}).items()}
    floors = {str(k): str(v) for k, v in raw.get("floor", {}).items()}
    bad = [f"{k} = {v!r}" for k, v in ceilings.items() if v not in SEVERITIES and v not in OFF]
    bad += [f"{k} = {v!r}" for k, v in floors.items() if v not in SEVERITIES]
    if bad:
        raise ValueError(f"calibration/{name}.toml: unknown severities: {', '.join(bad)}")
    artefacts = frozenset(str(a) for a in raw.get("artefacts", {}).get("filters", []))
    unknown = sorted(artefacts - set(ARTEFACTS))
    if unknown:
        raise ValueError(f"calibration/{name}.toml: unknown artefact filters: {', '.join(unknown)}")
    return Calibration(
        engine=name, ceilings=ceilings, floors=floors, artefacts=artefacts, measured=raw.get("measured", {})
    )


# -- artefact filters: findings the engine's own analysis produces -----------------------------------


def _case_only(finding: Finding) -> bool:
    """A term that came back differing only in letter case ('US' -> 'us', 'May' -> 'may')."""
    details = finding.details or {}
    became = details.get("became")
    term = details.get("term") or finding.text
    return bool(term and became and str(term).casefold() == str(became).casefold())


def _unknown_name(finding: Finding) -> bool:
    """A word the engine could not analyse that is capitalised or has digits: a name or code, not a fault."""
    if finding.kind != "unknown_word":
        return False
    word = str((finding.details or {}).get("word") or finding.text or "")
    return bool(word) and (word[:1].isupper() or any(ch.isdigit() for ch in word))


def _name_changed(finding: Finding) -> bool:
    """A name the rule-based engine translated word by word ('Xi' -> 'Eleven', 'Li' -> 'Him')."""
    details = finding.details or {}
    return finding.kind == "terminology_drift" and details.get("term_kind") == "name"


ARTEFACTS = {
    "case_only": _case_only,
    "unknown_name": _unknown_name,
    "name_changed": _name_changed,
}


def calibrated(finding: Finding, calibration: Calibration, overrides: Mapping[str, str]) -> Finding | None:
    """The finding under the engine's calibration (None when switched off); user overrides win."""
    if finding.rule_id in overrides or finding.kind in overrides:
        return finding
    severity: str = finding.severity
    ceiling = calibration.ceiling(finding)
    if ceiling in OFF:
        return None
    if ceiling in SEVERITIES and severity_rank(severity) > severity_rank(ceiling):
        severity = ceiling
    floor = calibration.floor(finding)
    if floor is not None and severity_rank(floor) > severity_rank(severity):
        severity = floor
    if any(ARTEFACTS[name](finding) for name in calibration.artefacts):
        severity = "info"
    if severity == finding.severity:
        return finding
    details = {**finding.details, "calibrated_from": finding.severity}
    return replace(finding, severity=severity, details=details)  # type: ignore[arg-type]


def calibrate(
    sentences: tuple[SentenceResult, ...],
    loose: tuple[Finding, ...],
    calibration: Calibration | None,
    overrides: Mapping[str, str],
) -> tuple[tuple[SentenceResult, ...], tuple[Finding, ...]]:
    """Every finding of a document through the calibration (unchanged without one)."""
    if calibration is None:
        return sentences, loose

    def each(found: Sequence[Finding]) -> tuple[Finding, ...]:
        return tuple(f for f in (calibrated(x, calibration, overrides) for x in found) if f is not None)

    return tuple(replace(s, findings=each(s.findings)) for s in sentences), each(loose)
