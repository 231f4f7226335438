"""Building findings the same way in every check: spans into the document, severities, overrides."""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from typing import Any

from mtcheck.checks.base import CheckContext
from mtcheck.results import SEVERITIES, Finding, SentenceResult, Severity

OFF = ("off", "none", "ignore")


def downgrade(severity: Severity, steps: int = 1) -> Severity:
    """One (or more) levels lower, never below info."""
    return SEVERITIES[max(0, SEVERITIES.index(severity) - steps)]


def upgrade(severity: Severity, steps: int = 1) -> Severity:
    """One (or more) levels higher, never above error."""
    return SEVERITIES[min(len(SEVERITIES) - 1, SEVERITIES.index(severity) + steps)]


def chrf_severity(chrf: float, ctx: CheckContext) -> Severity:
    """error under thresholds.error, warning under thresholds.warning, else info."""
    th = ctx.settings.thresholds
    if chrf < th.error:
        return "error"
    if chrf < th.warning:
        return "warning"
    return "info"


def override(ctx: CheckContext, rule: str, kind: str, severity: Severity) -> str:
    """The severity after Settings.severities (by rule id first, then by kind); may be 'off'."""
    table = {key: value for key, value in ctx.settings.severities}
    return table.get(rule, table.get(kind, severity))


def sentence_text(ctx: CheckContext, sentence: SentenceResult) -> str:
    """The sentence as it stands in the document text (what every offset indexes)."""
    return ctx.text[sentence.start : sentence.end]


def sentence_at(ctx: CheckContext, offset: int) -> int | None:
    """Index of the sentence that contains offset, or None."""
    starts = [s.start for s in ctx.sentences]
    k = bisect.bisect_right(starts, offset) - 1
    if k >= 0 and ctx.sentences[k].start <= offset < max(ctx.sentences[k].end, ctx.sentences[k].start + 1):
        return ctx.sentences[k].index
    return None


def make(
    ctx: CheckContext,
    *,
    kind: str,
    rule: str,
    severity: Severity,
    message: str,
    start: int,
    end: int,
    details: Mapping[str, Any] | None = None,
    sentence: int | None = -1,
) -> Finding | None:
    """A finding at document span [start, end), or None when the user switched its rule off."""
    final = override(ctx, rule, kind, severity)
    if final in OFF:
        return None
    if final not in SEVERITIES:
        final = severity
    if sentence == -1:
        sentence = sentence_at(ctx, start)
    return Finding(
        kind=kind,
        severity=final,  # type: ignore[arg-type]
        message=message,
        start=start,
        end=end,
        rule=rule,
        sentence=sentence,
        text=ctx.text[start:end],
        details=dict(details or {}),
    )
