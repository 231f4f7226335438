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

import os
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from mtcheck.errors import ConfigError
from mtcheck.results import SEVERITIES, Finding, SentenceResult, severity_rank

OFF = ("off", "none", "ignore")
AUTO = "auto"
NONE = "none"
TABLES = ("measured", "ceiling", "floor", "artefacts")
_ENGINE_NAME = re.compile(r"[a-z0-9_-]+")


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
    try:
        return parse_calibration(tomllib.loads(path.read_text(encoding="utf-8")), name)
    except ConfigError as exc:
        raise ValueError(f"calibration/{name}.toml: {exc}") from None  # a shipped file: a bug, not a user error


def parse_calibration(raw: Mapping[str, Any], engine: str) -> Calibration:
    """A calibration from a parsed TOML file; ConfigError (one line, no file name) on anything off."""
    unknown_tables = sorted(str(k) for k in raw if k not in TABLES)
    if unknown_tables:
        raise ConfigError(f"unknown tables: {', '.join(unknown_tables)} (expected {', '.join(TABLES)})")
    for table in TABLES:
        if not isinstance(raw.get(table, {}), dict):
            raise ConfigError(f"{table}: expected a table, got {type(raw[table]).__name__}")
    ceilings, floors = dict(raw.get("ceiling", {})), dict(raw.get("floor", {}))
    bad = [f"{k} = {v!r}" for k, v in ceilings.items() if v not in SEVERITIES and v not in OFF]
    bad += [f"{k} = {v!r}" for k, v in floors.items() if v not in SEVERITIES]
    if bad:
        raise ConfigError(f"unknown severities: {', '.join(bad)}")
    filters = raw.get("artefacts", {}).get("filters", [])
    if not isinstance(filters, list) or not all(isinstance(a, str) for a in filters):
        raise ConfigError("artefacts: filters: expected a list of filter names")
    unknown = sorted(set(filters) - set(ARTEFACTS))
    if unknown:
        raise ConfigError(f"unknown artefact filters: {', '.join(unknown)} (known: {', '.join(ARTEFACTS)})")
    return Calibration(
        engine=engine,
        ceilings={str(k): str(v) for k, v in ceilings.items()},
        floors={str(k): str(v) for k, v in floors.items()},
        artefacts=frozenset(filters),
        measured=raw.get("measured", {}),
    )


def is_calibration_path(value: str) -> bool:
    """Whether a `calibration` setting names a file rather than auto, none or an engine."""
    return value not in (AUTO, NONE) and not _ENGINE_NAME.fullmatch(value)


def load_calibration_file(path: str | Path) -> Calibration:
    """A user's calibration file (the format of the shipped ones); ConfigError naming the file otherwise."""
    from mtcheck.read.files import MAX_SIDE_FILE_BYTES, check_nesting, read_regular

    label = str(path)
    try:
        raw = read_regular(
            path, MAX_SIDE_FILE_BYTES, label, ConfigError, "calibration file", "calibration file not found"
        )
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ConfigError(f"{label}: not UTF-8 text (TOML files must be UTF-8)") from None
        check_nesting(text, label, ConfigError, comments=True)
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{label}: invalid TOML: {' '.join(str(exc).split())}") from None
        try:
            return parse_calibration(data, label)
        except ConfigError as exc:
            raise ConfigError(f"{label}: {exc}") from None
    except ConfigError as exc:
        raise ConfigError(str(exc), setting="calibration") from None


@cache
def _user_file(path: str, stamp: tuple[int, int]) -> Calibration:
    return load_calibration_file(path)


def resolve_calibration(setting: str, engine: str) -> Calibration | None:
    """The calibration a run uses: `auto` the engine's file (None when it has none), `none` None, an
    engine name that engine's file, anything else a user's file. ConfigError (setting "calibration")
    for a file that cannot be used or an engine name without a file."""
    if setting == NONE:
        return None
    if setting == AUTO:
        return load_calibration(engine)
    if not is_calibration_path(setting):
        found = load_calibration(setting)
        if found is None:
            folder = resources.files("mtcheck.checks").joinpath("data", "calibration")
            shipped = sorted(p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml"))
            raise ConfigError(
                f"calibration {setting!r} is not auto, none, a file or an engine with a calibration "
                f"({', '.join(shipped)})",
                setting="calibration",
            )
        return found
    try:
        info = os.stat(setting)
    except OSError:
        return load_calibration_file(setting)  # the one-line error for a missing or unreadable file
    return _user_file(setting, (info.st_mtime_ns, info.st_size))


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
