"""summary.md: a compact table for pull-request comments (GitHub-flavoured Markdown)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from mtcheck.baseline import Baseline, at_or_above
from mtcheck.report import _write_atomic
from mtcheck.report.sarif import LineIndex, span
from mtcheck.results import SEVERITIES, Finding, Report, severity_rank

SUMMARY_FILE = "summary.md"
MAX_ROWS = 200  # GitHub refuses comments over 65,536 characters
WORST = 5
# Table cells hold inline content only, so block syntax (#, -, >) needs no escaping.
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_ICONS = {"error": "🔴", "warning": "🟠", "info": "🔵"}


def md_cell(text: str, limit: int = 100) -> str:
    """Untrusted text as one table cell: one line, HTML and Markdown syntax neutralised, no @mentions."""
    text = " ".join(re.sub("[\ud800-\udfff]", "\ufffd", str(text)).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    # GitHub turns @name into a mention (and a notification) and #123 into a link.
    return text.replace("@", "&#64;")


def _known_flags(report: Report, baseline: Baseline | None) -> list[bool]:
    return baseline.known(report) if baseline is not None else [False] * len(report.all_findings())


def _gated(report: Report, flags: list[bool], fail_on: str) -> int:
    return sum(
        1 for f, k in zip(report.all_findings(), flags, strict=True) if not k and at_or_above(f.severity, fail_on)
    )


def _verdict(report: Report) -> str:
    d = report.detection
    return f"{'yes' if d.machine_translated else 'no'} ({d.confidence:.0%})"


def _worst(reports: Sequence[Report], baseline: Baseline | None) -> list[tuple[Report, Finding, bool]]:
    rows = []
    for order, report in enumerate(reports):
        for f, known in zip(report.all_findings(), _known_flags(report, baseline), strict=True):
            rows.append((-severity_rank(f.severity), known, order, f.start or 0, report, f))
    rows.sort(key=lambda r: r[:4])
    return [(r[4], r[5], r[1]) for r in rows[:WORST]]


def render_summary(reports: Sequence[Report], *, fail_on: str = "error", baseline: Baseline | None = None) -> str:
    """The Markdown text of summary.md."""
    flags = {id(r): _known_flags(r, baseline) for r in reports}
    gated = {id(r): _gated(r, flags[id(r)], fail_on) for r in reports}
    total_gated = sum(gated.values())
    known_total = sum(sum(v) for v in flags.values())
    status = "❌" if total_gated else "✅"
    lines = [
        "## mtcheck summary",
        "",
        f"{status} **{total_gated}** finding(s) at or above `{fail_on}` in {len(reports)} document(s)"
        + (f"; {known_total} known finding(s) in the baseline" if baseline is not None else "")
        + ".",
        "",
        "| Document | MT | Sentences | Mean chrF | Errors | Warnings | Info | Gate |",
        "|---|---|--:|--:|--:|--:|--:|---|",
    ]
    for report in reports[:MAX_ROWS]:
        s = report.summary
        chrf = f"{s.mean_chrf:.1f}" if s.mean_chrf is not None else "–"
        counts = " | ".join(str(s.by_severity.get(sev, 0)) for sev in reversed(SEVERITIES))
        gate = f"❌ {gated[id(report)]}" if gated[id(report)] else "✅"
        lines.append(
            f"| {md_cell(report.document.path)} | {_verdict(report)} | {s.sentences} | {chrf} | {counts} | {gate} |"
        )
    if len(reports) > MAX_ROWS:
        lines.append(f"\n…and {len(reports) - MAX_ROWS} more document(s); see the full reports.")
    worst = _worst(reports, baseline)
    if worst:
        lines += ["", f"### Worst findings (top {len(worst)})", ""]
        lines += ["| Severity | Document | Line | Rule | Text | Message |", "|---|---|--:|---|---|---|"]
        for report, f, known in worst:
            found = span(report, f)
            line = str(LineIndex(report.document.text).position(found[0])[0]) if found else "–"
            severity = f"{_ICONS[f.severity]} {f.severity}" + (" (baseline)" if known else "")
            text = md_cell(f.text or (report.document.text[found[0] : found[1]] if found else ""), 60)
            lines.append(
                f"| {severity} | {md_cell(report.document.path, 60)} | {line} | {md_cell(f.rule_id, 40)} "
                f"| {text} | {md_cell(f.message)} |"
            )
    return "\n".join(lines) + "\n"


def render_markdown(
    reports: Sequence[Report], output_dir: Path, *, fail_on: str = "error", baseline: Baseline | None = None
) -> Path:
    """Write <output_dir>/summary.md and return its path."""
    path = Path(output_dir) / SUMMARY_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_atomic(path, render_summary(reports, fail_on=fail_on, baseline=baseline))
    return path
