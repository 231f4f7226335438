"""The HTML report: one self-contained, offline page an editor can read, sort, filter and print."""

from __future__ import annotations

import base64
import hashlib
import math
import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from mtcheck.report.html_bilingual import bilingual_section
from mtcheck.report.html_chart import chrf_histogram
from mtcheck.report.html_sentences import badge, finding_item, kind_label, row_severity, score, sentences_section
from mtcheck.report.html_text import CHRF_CAVEAT, Span, esc, finding_anchor, highlight, json_for_script, safe_href
from mtcheck.report.html_units import units_section
from mtcheck.report.json_report import report_to_dict
from mtcheck.results import Finding, Report

_SLOT = re.compile(r"\{\{(\w+)\}\}")


@cache
def _asset(name: str) -> str:
    return resources.files("mtcheck.report").joinpath("templates", name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def _fill(template: str, values: dict[str, str]) -> str:
    # One pass over the template only: text inside the values (say "{{ x }}") is never expanded.
    return _SLOT.sub(lambda m: values[m.group(1)], template)


def _anchors(report: Report) -> tuple[list[Span], dict[tuple[int | None, int], str]]:
    """Highlight spans for findings and evidence, and the anchor id of each finding that has a span.

    Anchors are keyed by where a finding sits (its sentence's index, or None for document findings,
    and its position there), so equal findings in two places get two anchors.
    """
    spans: list[Span] = []
    anchors: dict[tuple[int | None, int], str] = {}
    placed: list[tuple[tuple[int | None, int], Finding]] = [
        ((s.index, i), f) for s in report.sentences for i, f in enumerate(s.findings)
    ]
    placed += [((None, i), f) for i, f in enumerate(report.findings)]
    for key, f in placed:
        if f.start is None or f.end is None:
            continue
        anchor = finding_anchor(*key)
        anchors[key] = anchor
        target = f"s-{f.sentence}" if f.sentence is not None else None
        label = f"{f.severity}: {f.message}"
        spans.append(Span(f.start, f.end, anchor, label, f.severity, target))
    for n, ev in enumerate(report.detection.evidence):
        if ev.start is not None and ev.end is not None:
            spans.append(Span(ev.start, ev.end, f"ev-{n}", f"evidence ({ev.kind}): {ev.text}"))
    return spans, anchors


def _row(label: str, value: str) -> str:
    return f"<dt>{esc(label)}</dt><dd>{value}</dd>"


def _excerpt(text: str, limit: int = 200) -> str:
    """Evidence can be a whole paragraph (a fragment left untranslated): the card shows its start."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def _verdict(report: Report) -> str:
    det = report.detection
    confidence = min(max(det.confidence, 0.0), 1.0) if math.isfinite(det.confidence) else 0.0
    verdict = "Machine translated" if det.machine_translated else "No sign of machine translation"
    cls = "mt" if det.machine_translated else "human"
    href = safe_href(det.original_url)
    original = ""
    if det.original_url:
        original = (
            f'<a href="{href}" rel="noopener noreferrer">{esc(det.original_url)}</a>'
            if href
            else f'{esc(det.original_url)} <span class="na">(not a web link)</span>'
        )
    facts = "".join(
        _row(label, value)
        for label, value in (
            ("Translated from", esc(det.source_language)),
            ("Translated by", esc(det.engine)),
            ("Original", original),
            ("Document language", esc(report.document.language)),
            (
                "Round-trip similarity",
                f"{det.roundtrip_similarity:.2f}" if det.roundtrip_similarity is not None else "",
            ),
        )
        if value
    )
    items = []
    for n, ev in enumerate(det.evidence):
        where = f"{ev.position}"
        if ev.start is not None:
            where += f', <a href="#ev-{n}">characters {ev.start}–{ev.end}</a>'
        lang = f' lang="{esc(ev.language)}"' if ev.language else ""
        items.append(
            f'<li><span class="kind">{esc(kind_label(ev.kind))}</span> <q{lang}>{esc(_excerpt(ev.text))}</q> '
            f'<span class="where">{where} · weight {ev.weight:.2f}</span></li>'
        )
    evidence = f'<ul class="evidence">{"".join(items)}</ul>' if items else '<p class="na">No evidence found.</p>'
    return (
        f'<section id="verdict" class="card verdict {cls}" aria-labelledby="h-verdict">'
        f'<h2 id="h-verdict">Verdict</h2><p class="verdict-line"><strong>{verdict}</strong></p>'
        f'<p class="confidence"><label for="confidence">Confidence</label> '
        f'<meter id="confidence" min="0" max="1" low="0.34" high="0.67" optimum="0" value="{confidence:.3f}">'
        f"{confidence:.0%}</meter> <span>{confidence:.0%}</span></p>"
        f'<dl class="facts">{facts}</dl><h3>Evidence</h3>{evidence}</section>'
    )


def _summary(report: Report) -> str:
    s = report.summary
    tiles = [("Sentences", str(s.sentences), ""), ("Findings", str(s.findings), "")]
    tiles += [
        (label, str(s.by_severity.get(sev, 0)), f" sev-{sev}")
        for sev, label in (("error", "Errors"), ("warning", "Warnings"), ("info", "Info"))
    ]
    tiles.append(("Mean chrF", score(s.mean_chrf), ""))
    cells = "".join(
        f'<div class="tile{c}"><span class="value">{esc(v)}</span><span class="label">{esc(k)}</span></div>'
        for k, v, c in tiles
    )
    kinds = "".join(f"<li>{esc(kind_label(k))}: <strong>{n}</strong></li>" for k, n in sorted(s.by_kind.items()))
    worst = f"<p>Highest severity: {badge(s.highest_severity)}</p>" if s.highest_severity else ""
    return (
        '<section id="summary" class="card" aria-labelledby="h-summary"><h2 id="h-summary">Summary</h2>'
        f'<div class="tiles">{cells}</div><p class="hint">{CHRF_CAVEAT}</p>{worst}'
        f"{f'<h3>By kind</h3><ul class=kinds>{kinds}</ul>' if kinds else ''}</section>"
    )


def _chart(report: Report) -> str:
    values = [
        (x.scores.chrf, row_severity(x.findings) if x.findings else None)
        for x in report.sentences
        if x.scores is not None and math.isfinite(x.scores.chrf)
    ]
    mean = report.summary.mean_chrf
    mean = mean if mean is not None and math.isfinite(mean) else None
    legend = "".join(
        f'<li><span class="swatch {c}" aria-hidden="true"></span>{t}</li>'
        for c, t in (("ok", "no findings"), ("sev-info", "info"), ("sev-warning", "warning"), ("sev-error", "error"))
    )
    body = (
        f'<div class="chart-row">{chrf_histogram(values, mean)}<div class="legend">'
        "<p>Sentences per chrF range. Each bar takes the colour of the worst finding among its sentences:</p>"
        f"<ul>{legend}</ul><p>The dashed line is the mean.</p></div></div>"
        if values
        else '<p class="na">No round trip was run (detection only).</p>'
    )
    return (
        '<section id="distribution" class="card" aria-labelledby="h-dist">'
        f'<h2 id="h-dist">Score distribution</h2>{body}</section>'
    )


def _article(report: Report, spans: list[Span]) -> str:
    lang = f' lang="{esc(report.document.language)}"' if report.document.language else ""
    return (
        '<section id="article" aria-labelledby="h-article"><h2 id="h-article">Article</h2>'
        '<p class="hint">Flagged passages are highlighted by severity; evidence of machine translation is '
        "outlined. Follow a highlight to its sentence.</p>"
        f'<div class="article-text"{lang}>{highlight(report.document.text, spans)}</div></section>'
    )


def _document_findings(report: Report, anchors: dict[tuple[int | None, int], str]) -> str:
    if not report.findings:
        return ""
    items = "".join(finding_item(f, anchors.get((None, i))) for i, f in enumerate(report.findings))
    return (
        '<section id="document-findings" aria-labelledby="h-docf">'
        f'<h2 id="h-docf">Document findings</h2><ul class="findings">{items}</ul></section>'
    )


def _renderings(value: object) -> str:
    """Term renderings as rows give them: by pivot a list, rendering -> count, or a plain list."""
    if isinstance(value, Mapping):
        parts = []
        for key, item in value.items():
            if isinstance(item, list | tuple):
                parts.append(f'<span class="lbl">{esc(key)}:</span> {", ".join(esc(v) for v in item) or "–"}')
            else:
                parts.append(f"{esc(key)} ({esc(item)})")
        return "<br>".join(parts) or "–"
    if isinstance(value, list | tuple):
        return ", ".join(esc(v) for v in value) or "–"
    return esc(value)


def _term_row(t: Mapping[str, Any]) -> str:
    kind = f' <span class="term-kind">{esc(t["kind"])}</span>' if t.get("kind") else ""
    sentences = " ".join(
        f'<a href="#s-{int(i)}">{int(i) + 1}</a>' for i in t.get("sentences", ()) if isinstance(i, int)
    )
    lost = t.get("lost")
    return (
        f'<tr class="{"lost" if isinstance(lost, int) and lost > 0 else ""}">'
        f'<th scope="row">{esc(t.get("term"))}{kind}</th>'
        + "".join(f'<td class="num">{esc(t.get(k, ""))}</td>' for k in ("occurrences", "kept", "changed", "lost"))
        + f"<td>{_renderings(t.get('renderings', ''))}</td><td>{sentences}</td></tr>"
    )


def _terms(report: Report) -> str:
    if not report.terms:
        return ""
    rows = "".join(_term_row(t) for t in report.terms)
    return (
        '<section id="terms" aria-labelledby="h-terms"><h2 id="h-terms">Terminology</h2>'
        '<div class="table-wrap"><table class="terms"><thead><tr><th scope="col">Term</th>'
        '<th scope="col" class="num">Occurrences</th><th scope="col" class="num">Kept</th>'
        '<th scope="col" class="num">Changed</th><th scope="col" class="num">Lost</th>'
        '<th scope="col">Came back as</th><th scope="col">Sentences</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div></section>"
    )


def _signature(report: Report) -> str:
    engine = report.engine
    rows = [_row("mtcheck", esc(report.version or "unknown"))]
    if engine is None:
        rows.append(_row("Engine", "none (detection only)"))
    else:
        models = "".join(
            f"<li><code>{esc(m.direction)}</code> {esc(m.id)}"
            f' <span class="rev">@ {esc(m.revision or "unpinned")}</span></li>'
            for m in engine.models
        )
        decoding = " ".join(f"<code>{esc(k)}={esc(v)}</code>" for k, v in sorted(engine.decoding.items()))
        rows += [
            _row("Engine", esc(engine.name)),
            _row("Pivots", esc(", ".join(report.pivot_languages))),
            _row("Models", f"<ul>{models}</ul>" if models else "–"),
            _row("Decoding", decoding or "–"),
        ]
    rows += [_row(f"sacrebleu {k}", f"<code>{esc(v)}</code>") for k, v in sorted(report.signatures.items())]
    return (
        '<section id="signature" aria-labelledby="h-sig"><h2 id="h-sig">Run signature</h2>'
        f'<dl class="facts signature">{"".join(rows)}</dl></section>'
    )


def _header(report: Report) -> str:
    doc = report.document
    worst = row_severity(report.all_findings())
    status = badge(worst) if worst != "none" else '<span class="badge sev-none">Clean</span>'
    meta = " · ".join(esc(x) for x in (doc.path, doc.format, doc.language or "language unknown") if x)
    nav = "".join(
        f'<a href="#{i}">{t}</a>'
        for i, t in (
            ("verdict", "Verdict"),
            ("article", "Article"),
            ("sentences-section", "Sentences"),
            ("bilingual", "Original"),
            ("units", "Segments"),
            ("terms", "Terminology"),
            ("signature", "Run signature"),
        )
        if (i != "terms" or report.terms) and (i != "bilingual" or report.bilingual) and (i != "units" or report.units)
    )
    return (
        f'<header class="top"><p class="brand">mtcheck report</p><h1>{esc(doc.name)} {status}</h1>'
        f'<p class="meta">{meta}</p><nav aria-label="Sections">{nav}</nav></header>'
    )


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page (inline CSS and JS, no network, all text escaped)."""
    css, js = _asset("report.css"), _asset("report.js")
    spans, anchors = _anchors(report)
    body = "".join(
        (
            _header(report),
            '<main id="main">',
            f'<div class="cards">{_verdict(report)}{_summary(report)}</div>',
            _chart(report),
            _article(report, spans),
            _document_findings(report, anchors),
            sentences_section(report, anchors),
            bilingual_section(report),
            units_section(report, anchors),
            _terms(report),
            _signature(report),
            "</main>",
        )
    )
    csp = f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; img-src data:"
    return _fill(
        _asset("report.html"),
        {
            "title": esc(f"mtcheck: {report.document.name}"),
            "csp": esc(csp),
            "css": css,
            "js": js,
            "body": body,
            "data": json_for_script(report_to_dict(report)),
        },
    )
