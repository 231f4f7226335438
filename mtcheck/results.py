"""Immutable result objects: every renderer reads the same Report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")
Position = Literal["top", "body", "bottom", "meta"]


class FailedInput(Protocol):
    """An input that could not be checked, with its one-line reason (mtcheck.api.InputFailure fits)."""

    @property
    def path(self) -> str: ...

    @property
    def message(self) -> str: ...


def severity_rank(severity: str) -> int:
    """0 for info, 1 for warning, 2 for error."""
    return SEVERITIES.index(severity)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence that a document was machine translated."""

    # disclaimer | badge | engine_watermark | metadata | html_comment | language | fragment | roundtrip | reader
    kind: str
    text: str
    start: int | None = None  # offsets into Document.text; None when not in the visible text
    end: int | None = None
    position: Position = "body"
    language: str | None = None  # language of the matched phrase or fragment
    weight: float = 0.0  # contribution to the confidence, 0..1


@dataclass(frozen=True)
class Vetoed:
    """Notice evidence that the model reader dropped, and the score its segment got (under the reader's `veto`)."""

    evidence: Evidence
    reader_score: float


@dataclass(frozen=True)
class Detection:
    """Verdict on whether a document was machine translated."""

    machine_translated: bool
    confidence: float
    language: str | None = None
    source_language: str | None = None
    original_url: str | None = None
    engine: str | None = None
    evidence: tuple[Evidence, ...] = ()
    paragraph_languages: tuple[tuple[int, int, str], ...] = ()  # (start, end, lang)
    roundtrip_similarity: float | None = None  # document-level signal, kept separate
    score: float | None = None  # the evidence combined, before calibration (`confidence` is P(notice))
    vetoed: tuple[Vetoed, ...] = ()  # evidence the model reader dropped (empty without a reader)
    reader: str = "none"  # the model reader that read the text ("e5", "static"), "none" for the phrase rules alone


@dataclass(frozen=True)
class Finding:
    """Something an editor should look at."""

    kind: str  # awkward_phrasing | terminology_drift | glossary | rule | ...
    severity: Severity
    message: str
    start: int | None = None  # offsets into Document.text
    end: int | None = None
    rule: str | None = None  # stable rule id, e.g. "MT001" or "awkward_phrasing"
    sentence: int | None = None  # index of the sentence it belongs to
    text: str | None = None  # the flagged original text (document[start:end])
    details: Mapping[str, Any] = field(default_factory=dict)

    @property
    def rule_id(self) -> str:
        return self.rule or self.kind


# The report's results (a whole `mtcheck report`) are in mtcheck.report_results, read the first time one of them
# is asked for here: building a frozen dataclass costs about a millisecond, and `mtcheck detect` needs none of them.
# (They are named in full here and in the import below, which linters and type checkers read.)
__all__ = [  # the report's results last: read lazily (__getattr__)
    "SEVERITIES",
    "Detection",
    "Evidence",
    "FailedInput",
    "Finding",
    "Gate",
    "Position",
    "Severity",
    "Vetoed",
    "at_or_above",
    "severity_rank",
    "summarize",
    "AlignedPair",
    "BilingualResult",
    "DocumentInfo",
    "EngineInfo",
    "ModelInfo",
    "PivotResult",
    "Report",
    "Scores",
    "SentenceResult",
    "Summary",
    "TokenScore",
    "UnitResult",
    "UnitsResult",
]

_REPORT_RESULTS = frozenset(__all__[__all__.index("AlignedPair") :])  # the names listed last above

if TYPE_CHECKING:
    from mtcheck.report_results import (
        AlignedPair,
        BilingualResult,
        DocumentInfo,
        EngineInfo,
        ModelInfo,
        PivotResult,
        Report,
        Scores,
        SentenceResult,
        Summary,
        TokenScore,
        UnitResult,
        UnitsResult,
    )


def __getattr__(name: str) -> Any:
    if name in _REPORT_RESULTS:
        from mtcheck import report_results

        return getattr(report_results, name)
    raise AttributeError(f"module 'mtcheck.results' has no attribute {name!r}")


def summarize(sentences: tuple[SentenceResult, ...], findings: tuple[Finding, ...]) -> Summary:
    """Count findings by kind and severity."""
    every = [f for s in sentences for f in s.findings] + list(findings)
    by_kind: dict[str, int] = {}
    by_severity: dict[str, int] = {s: 0 for s in SEVERITIES}
    for f in every:
        by_kind[f.kind] = by_kind.get(f.kind, 0) + 1
        by_severity[f.severity] += 1
    from mtcheck.report_results import Summary

    chrfs = [s.scores.chrf for s in sentences if s.scores is not None]
    highest = max((f.severity for f in every), key=severity_rank, default=None)
    return Summary(
        sentences=len(sentences),
        findings=len(every),
        by_kind=by_kind,
        by_severity=by_severity,
        mean_chrf=round(sum(chrfs) / len(chrfs), 2) if chrfs else None,
        highest_severity=highest,
    )


def at_or_above(severity: str, fail_on: str) -> bool:
    """Whether a severity reaches the gate; nothing does when fail_on is 'never'."""
    return fail_on != "never" and severity_rank(severity) >= severity_rank(fail_on)


@dataclass(frozen=True)
class Gate:
    """How a run judges its findings, decided by the run and handed to the renderers as data.

    `known` maps a document path to one flag per finding of that report's `all_findings()`: True when
    the run's baseline already knows the finding (it is shown, but does not fail the run).
    """

    fail_on: str = "error"
    baselined: bool = False
    known: Mapping[str, tuple[bool, ...]] = field(default_factory=dict)

    def known_flags(self, report: Report) -> list[bool]:
        """For each finding of report.all_findings(), whether the baseline knows it."""
        count = len(report.all_findings())
        flags = self.known.get(report.document.path)
        return list(flags) if flags is not None and len(flags) == count else [False] * count

    def reached(self, report: Report) -> list[Finding]:
        """Findings at or above the gate, known or not."""
        return [f for f in report.all_findings() if at_or_above(f.severity, self.fail_on)]

    def gated(self, report: Report) -> list[Finding]:
        """Findings that fail the run: at or above the gate and not known."""
        pairs = zip(report.all_findings(), self.known_flags(report), strict=True)
        return [f for f, known in pairs if not known and at_or_above(f.severity, self.fail_on)]
