"""The sentence table of the HTML report: original beside round trip, scores, findings, filters."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from mtcheck.report.html_text import esc, word_diff
from mtcheck.results import Finding, Report, Scores, SentenceResult, severity_rank

ROW_SEVERITIES = ("error", "warning", "info", "none")
SEVERITY_LABELS = {"error": "Error", "warning": "Warning", "info": "Info", "none": "No findings"}


def kind_label(kind: str) -> str:
    """A finding kind as words: terminology_drift -> terminology drift."""
    return kind.replace("_", " ")


def row_severity(findings: Iterable[Finding]) -> str:
    """The worst severity among findings, or 'none'."""
    worst = max((f.severity for f in findings), key=severity_rank, default=None)
    return worst or "none"


def badge(severity: str) -> str:
    """A severity badge (text, not only colour)."""
    return f'<span class="badge sev-{esc(severity)}">{esc(SEVERITY_LABELS.get(severity, severity))}</span>'


def finding_item(finding: Finding, anchor: str | None) -> str:
    """One finding as a list item; its message links to the highlighted place in the article."""
    message = esc(finding.message)
    if anchor:
        message = f'<a href="#{esc(anchor)}">{message}</a>'
    return (
        f'<li class="finding sev-{esc(finding.severity)}">{badge(finding.severity)} '
        f'<span class="kind">{esc(kind_label(finding.kind))}</span> '
        f'<code class="rule">{esc(finding.rule_id)}</code> {message}</li>'
    )


def _num(value: float | None) -> str:
    """A sort key for data-*: empty when the score is missing or not a number."""
    return "" if value is None or not math.isfinite(value) else f"{value:.2f}"


def score(value: float | None) -> str:
    """A score as shown to the reader, a dash when missing or not a number."""
    return "–" if value is None or not math.isfinite(value) else f"{value:.1f}"


def _score_cells(scores: Scores | None) -> str:
    if scores is None:
        return '<td class="num na">–</td>' * 3
    return "".join(f'<td class="num">{score(v)}</td>' for v in (scores.chrf, scores.bleu, scores.ter))


def _pivots(s: SentenceResult) -> str:
    if not s.pivots:
        return ""
    items = []
    for n, p in enumerate(s.pivots):
        extra = ""
        if n:
            sc = p.scores
            extra = (
                f'<p class="rt-alt"><span class="lbl">Back from {esc(p.pivot_language)}:</span> '
                f'{esc(p.roundtrip)} <span class="scores">chrF {sc.chrf:.1f} · BLEU {sc.bleu:.1f}'
                f" · TER {score(sc.ter)}</span></p>"
            )
        items.append(
            f'<p lang="{esc(p.pivot_language)}"><span class="lbl">{esc(p.pivot_language)}:</span> '
            f"{esc(p.pivot)}</p>{extra}"
        )
    langs = ", ".join(p.pivot_language for p in s.pivots)
    return f'<details class="pivot"><summary>Pivot text ({esc(langs)})</summary>{"".join(items)}</details>'


def sentence_row(s: SentenceResult, lang: str, anchors: dict[tuple[int | None, int], str]) -> str:
    """One table row; data-* attributes carry the sort and filter keys for the script."""
    sev = row_severity(s.findings)
    scores = s.scores
    if s.roundtrip is not None:
        original, roundtrip, _ = word_diff(s.text, s.roundtrip)
    else:
        original, roundtrip = esc(s.text), '<span class="na">not translated</span>'
    kinds = " ".join(sorted({f.kind for f in s.findings}))
    findings = "".join(finding_item(f, anchors.get((s.index, i))) for i, f in enumerate(s.findings))
    return (
        f'<tr id="s-{s.index}" class="row sev-{sev}" data-index="{s.index}"'
        f' data-chrf="{_num(scores.chrf if scores else None)}" data-bleu="{_num(scores.bleu if scores else None)}"'
        f' data-ter="{_num(scores.ter if scores else None)}" data-sev="{sev}"'
        f' data-rank="{severity_rank(sev) if sev != "none" else -1}" data-kinds="{esc(kinds)}">'
        f'<th scope="row" class="idx">{s.index + 1}</th>'
        f'<td class="orig"><p{lang}>{original}</p>'
        f"{f'<ul class=findings>{findings}</ul>' if findings else ''}</td>"
        f'<td class="rt"><p{lang}>{roundtrip}</p>{_pivots(s)}</td>'
        f'{_score_cells(scores)}<td class="sev">{badge(sev) if sev != "none" else ""}</td></tr>'
    )


def _controls(report: Report) -> str:
    rows = Counter(row_severity(s.findings) for s in report.sentences)
    kinds = Counter(f.kind for s in report.sentences for f in s.findings)
    boxes = "".join(
        f'<label class="check"><input type="checkbox" name="severity" value="{sev}" checked> '
        f'{SEVERITY_LABELS[sev]} <span class="count">({rows.get(sev, 0)})</span></label>'
        for sev in ROW_SEVERITIES
    )
    options = "".join(f'<option value="{esc(k)}">{esc(kind_label(k))} ({n})</option>' for k, n in sorted(kinds.items()))
    return (
        '<div class="controls js-only" role="group" aria-label="Filter sentences">'
        f"<fieldset><legend>Severity</legend>{boxes}</fieldset>"
        '<div class="kind-filter"><label for="filter-kind">Kind of finding</label> '
        f'<select id="filter-kind"><option value="">All kinds</option>{options}</select></div>'
        '<button type="button" id="filter-reset">Show all</button>'
        f'<p id="filter-status" role="status" aria-live="polite">{len(report.sentences)} sentences</p></div>'
    )


def _sort_header(label: str, key: str, sort: str = "none", css: str = "") -> str:
    return (
        f'<th scope="col" class="sortable {css}" data-key="{key}" aria-sort="{sort}">'
        f'<button type="button">{label}<span class="arrow" aria-hidden="true"></span></button></th>'
    )


def sentences_section(report: Report, anchors: dict[tuple[int | None, int], str]) -> str:
    """The filterable, sortable sentence table (its rows readable without JavaScript)."""
    lang = f' lang="{esc(report.document.language)}"' if report.document.language else ""
    if not report.sentences:
        return (
            '<section id="sentences-section" aria-labelledby="h-sentences"><h2 id="h-sentences">Sentences</h2>'
            '<p class="empty">No sentences were checked.</p></section>'
        )
    rows = "".join(sentence_row(s, lang, anchors) for s in report.sentences)
    pivots = ", ".join(report.pivot_languages) or "none"
    return (
        '<section id="sentences-section" aria-labelledby="h-sentences">'
        '<h2 id="h-sentences">Sentences</h2>'
        f'<p class="hint">Each sentence beside its round trip through {esc(pivots)}: words that did not come '
        "back are <del>struck</del>, words the round trip added are <ins>underlined</ins>. "
        "Sort by clicking a column heading.</p>"
        f"{_controls(report)}"
        '<div class="table-wrap"><table id="sentences" class="sentences">'
        '<caption class="visually-hidden">Sentences with their round trip, scores and findings</caption>'
        "<thead><tr>"
        f"{_sort_header('#', 'index', 'ascending', 'idx')}"
        '<th scope="col">Original</th><th scope="col">Round trip</th>'
        f"{_sort_header('chrF', 'chrf', css='num')}{_sort_header('BLEU', 'bleu', css='num')}"
        f"{_sort_header('TER', 'ter', css='num')}{_sort_header('Severity', 'rank')}"
        f"</tr></thead><tbody>{rows}</tbody></table></div>"
        '<p id="no-rows" class="empty" hidden>No sentence matches the filters.</p></section>'
    )


__all__ = ["badge", "finding_item", "kind_label", "row_severity", "score", "sentences_section"]
