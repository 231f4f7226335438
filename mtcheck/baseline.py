"""Baselines: record known findings so that only new ones fail a run."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from mtcheck import __version__
from mtcheck.config import FAIL_ON_CHOICES
from mtcheck.errors import ConfigError, UsageError
from mtcheck.results import Finding, Report, severity_rank

BASELINE_VERSION = 1

Pair = tuple[Report, Finding]


def document_key(path: str) -> str:
    """The document path as stored in baselines: relative to the working directory when inside it, '/'."""
    if path in ("", "-"):
        return path
    candidate = Path(path)
    if candidate.is_absolute():
        with contextlib.suppress(ValueError):
            candidate = candidate.relative_to(Path.cwd())
    text = os.path.normpath(str(candidate)).replace("\\", "/")
    return str(PurePosixPath(text))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _normalise_text(text: str) -> str:
    # Lone surrogates cannot be encoded; they become U+FFFD here and in the baseline file.
    return " ".join(unicodedata.normalize("NFC", _SURROGATE.sub("\ufffd", text)).split())


def flagged_text(report: Report, finding: Finding) -> str:
    """The text a finding points at: its own text, else the span in the document, else ''."""
    if finding.text:
        return finding.text
    if finding.start is not None and finding.end is not None:
        return report.document.text[finding.start : finding.end]
    return ""


def fingerprint(document: str, rule: str, text: str) -> str:
    """sha256 of (normalised document path, rule id, normalised flagged text); never offsets."""
    key = "\x1f".join((_normalise_text(document_key(document)), _normalise_text(rule), _normalise_text(text)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def finding_fingerprint(report: Report, finding: Finding) -> str:
    """The stable fingerprint of one finding in one report."""
    return fingerprint(report.document.path, finding.rule_id, flagged_text(report, finding))


def occurrences(report: Report) -> list[tuple[Finding, str, int]]:
    """Each finding with its fingerprint and its 0-based occurrence among equal fingerprints."""
    seen: Counter[str] = Counter()
    out = []
    for finding in report.all_findings():
        fp = finding_fingerprint(report, finding)
        out.append((finding, fp, seen[fp]))
        seen[fp] += 1
    return out


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
                text = _normalise_text(flagged_text(report, finding))
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
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: baseline file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ConfigError(f"{path}: not an mtcheck baseline (expected an object with 'entries')")
    if data.get("version") != BASELINE_VERSION:
        raise ConfigError(f"{path}: unsupported baseline version {data.get('version')!r}")
    return Baseline.from_entries(_entry(raw, f"{path}: entries[{i}]") for i, raw in enumerate(data["entries"]))


def at_or_above(severity: str, fail_on: str) -> bool:
    """Whether a severity reaches the gate; nothing does when fail_on is 'never'."""
    if fail_on not in FAIL_ON_CHOICES:
        raise UsageError(f"--fail-on must be one of {', '.join(FAIL_ON_CHOICES)}, got {fail_on!r}")
    return fail_on != "never" and severity_rank(severity) >= severity_rank(fail_on)


def gated_findings(report: Report, fail_on: str, baseline: Baseline | None = None) -> list[Finding]:
    """Findings of one report that count towards the exit code: at or above the gate and not baselined."""
    findings = report.all_findings()
    known = baseline.known(report) if baseline is not None else [False] * len(findings)
    return [f for f, k in zip(findings, known, strict=True) if not k and at_or_above(f.severity, fail_on)]


def fails(reports: Sequence[Report], fail_on: str, baseline: Baseline | None = None) -> bool:
    """Whether the run should exit 1."""
    return any(gated_findings(r, fail_on, baseline) for r in reports)
