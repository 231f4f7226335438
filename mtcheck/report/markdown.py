"""summary.md: a compact table for pull-request comments (GitHub-flavoured Markdown)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from mtcheck.report import _write_atomic, counted
from mtcheck.report.sarif import lines_for, span
from mtcheck.report.unit_locations import unit_of
from mtcheck.results import SEVERITIES, FailedInput, Finding, Gate, Report, severity_rank

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


def _verdict(report: Report) -> str:
    d = report.detection
    return f"{'yes' if d.machine_translated else 'no'} ({d.confidence:.0%})"


def _worst(reports: Sequence[Report], gate: Gate) -> list[tuple[Report, Finding, bool]]:
    rows = []
    for order, report in enumerate(reports):
        for f, known in zip(report.all_findings(), gate.known_flags(report), strict=True):
            rows.append((-severity_rank(f.severity), known, order, f.start or 0, report, f))
    rows.sort(key=lambda r: r[:4])
    return [(r[4], r[5], r[1]) for r in rows[:WORST]]


def render_summary(reports: Sequence[Report], *, gate: Gate | None = None, failures: Sequence[FailedInput] = ()) -> str:
    """The Markdown text of summary.md; failures are inputs that could not be checked."""
    gate = gate or Gate()
    fail_on = gate.fail_on
    gated = [len(gate.gated(r)) for r in reports]
    total_gated = sum(gated)
    known_total = sum(sum(gate.known_flags(r)) for r in reports)
    status = "❌" if total_gated or failures else "✅"
    inputs = "input" if len(failures) == 1 else "inputs"
    lines = [
        "## mtcheck summary",
        "",
        f"{status} **{total_gated}** {'finding' if total_gated == 1 else 'findings'} at or above `{fail_on}`"
        + f" in {counted(len(reports), 'document')}"
        + (f"; {counted(known_total, 'known finding')} in the baseline" if gate.baselined else "")
        + (f"; **{len(failures)}** {inputs} could not be checked" if failures else "")
        + ".",
        "",
    ]
    if failures:
        lines += ["| Input not checked | Reason |", "|---|---|"]
        lines += [f"| {md_cell(f.path, 60)} | {md_cell(f.message, 200)} |" for f in failures[:MAX_ROWS]]
        if len(failures) > MAX_ROWS:
            lines.append(f"\n…and {counted(len(failures) - MAX_ROWS, 'more input')} not checked.")
        lines.append("")
    lines += [
        "| Document | MT | Sentences | Mean chrF | Errors | Warnings | Info | Gate |",
        "|---|---|--:|--:|--:|--:|--:|---|",
    ]
    for report, failing in zip(reports[:MAX_ROWS], gated, strict=False):
        s = report.summary
        chrf = f"{s.mean_chrf:.1f}" if s.mean_chrf is not None else "–"
        counts = " | ".join(str(s.by_severity.get(sev, 0)) for sev in reversed(SEVERITIES))
        verdict = f"❌ {failing}" if failing else "✅"
        lines.append(
            f"| {md_cell(report.document.path)} | {_verdict(report)} | {s.sentences} | {chrf} | {counts} | {verdict} |"
        )
    if len(reports) > MAX_ROWS:
        lines.append(f"\n…and {counted(len(reports) - MAX_ROWS, 'more document')}; see the full reports.")
    worst = _worst(reports, gate)
    if worst:
        lines += ["", f"### Worst findings (top {len(worst)})", ""]
        lines += ["| Severity | Document | Line | Rule | Text | Message |", "|---|---|--:|---|---|---|"]
        for report, f, known in worst:
            found = span(report, f)
            line = str(lines_for(report).position(found[0])[0]) if found else "–"
            unit = unit_of(report, f)
            if unit is not None:  # a bilingual file: the unit's line in the file
                line = str(unit.location_line or "–")
            severity = f"{_ICONS[f.severity]} {f.severity}" + (" (baseline)" if known else "")
            text = md_cell(f.text or (report.document.text[found[0] : found[1]] if found else ""), 60)
            lines.append(
                f"| {severity} | {md_cell(report.document.path, 60)} | {line} | {md_cell(f.rule_id, 40)} "
                f"| {text} | {md_cell(f.message)} |"
            )
    return "\n".join(lines) + "\n"


def render_markdown(
    reports: Sequence[Report], output_dir: Path, *, gate: Gate | None = None, failures: Sequence[FailedInput] = ()
) -> Path:
    """Write <output_dir>/summary.md and return its path."""
    path = Path(output_dir) / SUMMARY_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_atomic(path, render_summary(reports, gate=gate, failures=failures))
    return path
