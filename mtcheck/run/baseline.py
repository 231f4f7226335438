"""Baselines: record known findings so that only new ones fail a run."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.config import FAIL_ON_CHOICES
from mtcheck.errors import ConfigError, UsageError
from mtcheck.report.fingerprint import (
    document_key,
    finding_fingerprint,
    fingerprint,
    flagged_text,
    normalise_text,
    occurrences,
)
from mtcheck.results import Finding, Gate, Report
from mtcheck.version import __version__

BASELINE_VERSION = 1

Pair = tuple[Report, Finding]


@dataclass(frozen=True)
class BaselineEntry:
    document: str
    rule: str
    text: str
    fingerprint: str
    count: int = 1


@dataclass(frozen=True)
class Baseline:
    """Known findings, counted per fingerprint."""

    entries: tuple[BaselineEntry, ...] = ()
    counts: Mapping[str, int] = field(default_factory=dict)
    # id(report) -> (report, known flags); contains() is called once per finding, so reuse the work.
    _memo: dict[int, tuple[Report, list[tuple[Finding, bool]]]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_entries(cls, entries: Iterable[BaselineEntry]) -> Baseline:
        """Build a baseline, summing the counts of repeated fingerprints."""
        kept = tuple(entries)
        counts: Counter[str] = Counter()
        for entry in kept:
            counts[entry.fingerprint] += entry.count
        return cls(kept, dict(counts))

    def _flags(self, report: Report) -> list[tuple[Finding, bool]]:
        cached = self._memo.get(id(report))
        if cached is not None and cached[0] is report:
            return cached[1]
        flags = [(f, index < self.counts.get(fp, 0)) for f, fp, index in occurrences(report)]
        self._memo[id(report)] = (report, flags)
        return flags

    def known(self, report: Report) -> list[bool]:
        """For each finding of report.all_findings(), whether the baseline already knows it."""
        return [flag for _, flag in self._flags(report)]

    def contains(self, report: Report, finding: Finding) -> bool:
        """Whether this finding of this report is a known one (respecting occurrence counts)."""
        flags = self._flags(report)
        for candidate, flag in flags:
            if candidate is finding:
                return flag
        return next((flag for candidate, flag in flags if candidate == finding), False)

    def split(self, reports: Sequence[Report]) -> tuple[list[Pair], list[Pair]]:
        """(new, known) pairs of (report, finding) over all reports."""
        new: list[Pair] = []
        known: list[Pair] = []
        for report in reports:
            for finding, is_known in zip(report.all_findings(), self.known(report), strict=True):
                (known if is_known else new).append((report, finding))
        return new, known


def entries_for(reports: Sequence[Report]) -> list[BaselineEntry]:
    """One entry per distinct fingerprint, with its occurrence count, sorted for stable diffs."""
    grouped: dict[str, BaselineEntry] = {}
    for report in reports:
        for finding in report.all_findings():
            fp = finding_fingerprint(report, finding)
            if fp in grouped:
                old = grouped[fp]
                grouped[fp] = BaselineEntry(old.document, old.rule, old.text, fp, old.count + 1)
            else:
                text = normalise_text(flagged_text(report, finding))
                grouped[fp] = BaselineEntry(document_key(report.document.path), finding.rule_id, text, fp)
    return sorted(grouped.values(), key=lambda e: (e.document, e.rule, e.text, e.fingerprint))


def write_baseline(reports: Sequence[Report], path: Path) -> Path:
    """Record every current finding in a JSON baseline file."""
    data = {
        "version": BASELINE_VERSION,
        "tool": "mtcheck",
        "mtcheck_version": __version__,
        "entries": [
            {
                "document": e.document,
                "rule": e.rule,
                "text": e.text,
                "fingerprint": e.fingerprint,
                "count": e.count,
            }
            for e in entries_for(reports)
        ],
    }
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None
    return path


def _entry(raw: object, where: str) -> BaselineEntry:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected an object")
    for key in ("document", "rule", "text"):
        if not isinstance(raw.get(key), str):
            raise ConfigError(f"{where}: '{key}' must be a string")
    count = raw.get("count", 1)
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise ConfigError(f"{where}: 'count' must be an integer >= 1, got {count!r}")
    # Recomputed rather than trusted, so a hand-edited entry still matches what it says.
    fp = fingerprint(raw["document"], raw["rule"], raw["text"])
    return BaselineEntry(document_key(raw["document"]), raw["rule"], raw["text"], fp, count)


def load_baseline(path: Path) -> Baseline:
    """Read a baseline written by write_baseline; ConfigError on a missing or malformed file."""
    from mtcheck.read.files import MAX_SIDE_FILE_BYTES, check_nesting, read_regular

    path = Path(path)
    raw = read_regular(
        path, MAX_SIDE_FILE_BYTES, str(path), ConfigError, "baseline file", missing="baseline file not found"
    )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: the baseline is not UTF-8 text") from None
    check_nesting(text, str(path), ConfigError)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise ConfigError(f"{path}: nested too deeply") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ConfigError(f"{path}: not an mtcheck baseline (expected an object with 'entries')")
    if data.get("version") != BASELINE_VERSION:
        raise ConfigError(f"{path}: unsupported baseline version {data.get('version')!r}")
    return Baseline.from_entries(_entry(raw, f"{path}: entries[{i}]") for i, raw in enumerate(data["entries"]))


def gated_findings(report: Report, fail_on: str, baseline: Baseline | None = None) -> list[Finding]:
    """Findings of one report that count towards the exit code: at or above the gate and not baselined."""
    return gate_for([report], fail_on, baseline).gated(report)


def gate_for(reports: Sequence[Report], fail_on: str, baseline: Baseline | None = None) -> Gate:
    """The run's judgement as data for the renderers: the gate and, per document, which findings are known."""
    if fail_on not in FAIL_ON_CHOICES:
        raise UsageError(f"fail_on must be one of {', '.join(FAIL_ON_CHOICES)}, got {fail_on!r}", setting="fail_on")
    known = {r.document.path: tuple(baseline.known(r)) for r in reports} if baseline is not None else {}
    return Gate(fail_on=fail_on, baselined=baseline is not None, known=known)


def fails(reports: Sequence[Report], fail_on: str, baseline: Baseline | None = None) -> bool:
    """Whether the run should exit 1."""
    gate = gate_for(reports, fail_on, baseline)
    return any(gate.gated(r) for r in reports)
