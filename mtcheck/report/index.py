"""index.html: every document of a run with its verdict and counts, linking each report."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from html import escape
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from mtcheck.report import _file_stem, _write_atomic, counted
from mtcheck.report.html_text import CHRF_CAVEAT
from mtcheck.results import SEVERITIES, FailedInput, Gate, Report
from mtcheck.version import __version__

INDEX_FILE = "index.html"
# Added to the per-document report's stylesheet, so both pages look alike.
_INDEX_CSS = """
.index td.num, .index th.num { text-align: right; font-variant-numeric: tabular-nums; }
.index td.doc { word-break: break-all; }
.totals { display: flex; gap: 1.5rem; flex-wrap: wrap; margin: 0; }
.totals div { display: flex; flex-direction: column; }
.totals dt { color: var(--muted); font-size: .85rem; }
.totals dd { margin: 0; font-size: 1.4rem; font-weight: 650; }
@media print { .index a { color: inherit; text-decoration: none; } }
"""


def esc(text: object) -> str:
    """Untrusted text for HTML content or a quoted attribute."""
    return escape(re.sub("[\ud800-\udfff]", "\ufffd", str(text)), quote=True)


def _css() -> str:
    try:
        base = resources.files("mtcheck.report").joinpath("templates", "report.css").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        base = "body { font-family: system-ui, sans-serif; margin: 1rem; } td, th { padding: .3rem .6rem; }"
    return base + _INDEX_CSS


def _link(report: Report, output_dir: Path) -> str | None:
    """A relative, URL-quoted link to the document's own report, if one was written."""
    stem = _file_stem(report.document.name)
    for suffix in ("html", "json"):
        if (output_dir / f"{stem}.{suffix}").is_file():
            return quote(f"{stem}.{suffix}")
    return None


def _badge(severity: str | None, label: str) -> str:
    return f'<span class="badge sev-{esc(severity or "none")}">{esc(label)}</span>'


def _row(report: Report, output_dir: Path, gate: Gate) -> str:
    d, s = report.detection, report.summary
    href = _link(report, output_dir)
    name = esc(report.document.path)
    doc = f'<a href="{esc(href)}">{name}</a>' if href else name
    verdict = _badge("error" if d.machine_translated else None, "machine translated" if d.machine_translated else "no")
    chrf = f"{s.mean_chrf:.1f}" if s.mean_chrf is not None else '<span class="na">–</span>'
    counts = "".join(f'<td class="num">{s.by_severity.get(sev, 0)}</td>' for sev in reversed(SEVERITIES))
    gated = len(gate.gated(report))
    verdict_gate = _badge("error", f"fails: {gated}") if gated else _badge(None, "passes")
    language = esc(report.document.language or d.language or "–")
    return (
        f'<tr><td class="doc">{doc}</td><td>{verdict} <span class="meta">{d.confidence:.0%}</span></td>'
        f'<td>{language}</td><td class="num">{s.sentences}</td><td class="num">{chrf}</td>{counts}'
        f"<td>{verdict_gate}</td></tr>"
    )


def _failed(failures: Sequence[FailedInput]) -> str:
    if not failures:
        return ""
    rows = "".join(f'<tr><td class="doc">{esc(f.path)}</td><td>{esc(f.message)}</td></tr>' for f in failures)
    return (
        f'<section class="card" id="failed"><h2>Inputs not checked ({len(failures)})</h2>'
        '<div class="table-wrap"><table class="index"><caption class="visually-hidden">Inputs that could not be '
        'checked</caption><thead><tr><th scope="col">Input</th><th scope="col">Reason</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div></section>"
    )


def render_index_html(
    reports: Sequence[Report], output_dir: Path, *, gate: Gate | None = None, failures: Sequence[FailedInput] = ()
) -> str:
    """The index page as one self-contained HTML string (no scripts, no network, all text escaped)."""
    gate = gate or Gate()
    fail_on = gate.fail_on
    css = _css()
    style_hash = "'sha256-" + base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode() + "'"
    failing = sum(1 for r in reports if gate.gated(r))
    mt = sum(1 for r in reports if r.detection.machine_translated)
    findings = sum(r.summary.findings for r in reports)
    rows = "".join(_row(r, Path(output_dir), gate) for r in reports)
    totals = "".join(
        f"<div><dt>{esc(label)}</dt><dd>{value}</dd></div>"
        for label, value in (
            ("documents", len(reports)),
            *((("not checked", len(failures)),) if failures else ()),
            ("machine translated", mt),
            ("findings", findings),
            (f"failing at {fail_on}", failing),
        )
    )
    note = " Findings known in the baseline do not count." if gate.baselined else ""
    head = (
        '<tr><th scope="col">Document</th><th scope="col">Machine translated</th><th scope="col">Language</th>'
        '<th scope="col" class="num">Sentences</th><th scope="col" class="num">Mean chrF</th>'
        '<th scope="col" class="num">Errors</th><th scope="col" class="num">Warnings</th>'
        '<th scope="col" class="num">Info</th><th scope="col">Gate</th></tr>'
    )
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src {esc(style_hash)}">'
        '<meta name="referrer" content="no-referrer"><meta name="generator" content="mtcheck">'
        f"<title>mtcheck: {counted(len(reports), 'document')}</title><style>{css}</style></head><body>"
        '<header class="top"><p class="brand">mtcheck run</p>'
        f"<h1>{counted(len(reports), 'document')}{f', {len(failures)} not checked' if failures else ''}</h1>"
        f'<p class="meta">Gate: findings at or above <strong>{esc(fail_on)}</strong> fail.{note}</p></header>'
        f'<main id="main"><section class="card"><h2>Totals</h2><dl class="totals">{totals}</dl></section>'
        '<section class="card"><h2>Documents</h2><div class="table-wrap"><table class="index">'
        f'<caption class="visually-hidden">Documents of this run</caption><thead>{head}</thead>'
        f"<tbody>{rows}</tbody></table></div>"
        f'<p class="hint">{CHRF_CAVEAT}</p></section>{_failed(failures)}</main>'
        f'<footer class="foot"><p>Written by mtcheck {esc(__version__)}. '
        "This page is self-contained: it loads nothing from the network.</p></footer></body></html>\n"
    )


def render_index(
    reports: Sequence[Report], output_dir: Path, *, gate: Gate | None = None, failures: Sequence[FailedInput] = ()
) -> Path:
    """Write <output_dir>/index.html and return its path; failures are listed after the documents."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    path = output_dir / INDEX_FILE
    _write_atomic(path, render_index_html(reports, output_dir, gate=gate, failures=failures))
    return path
