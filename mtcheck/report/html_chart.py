"""The chrF distribution of a report as an inline SVG histogram (no script, no external resources)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from mtcheck.report.html_text import esc
from mtcheck.results import SEVERITIES

BINS = 10
WIDTH, HEIGHT = 560, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 14, 34, 38


def chrf_histogram(values: Sequence[tuple[float, str | None]], mean: float | None = None) -> str:
    """SVG bars of sentence counts per chrF decile; each bar coloured by the worst severity in it."""
    counts = [0] * BINS
    worst = [-1] * BINS
    for chrf, severity in values:
        b = min(BINS - 1, max(0, int(chrf // (100 / BINS))))
        counts[b] += 1
        if severity in SEVERITIES:
            worst[b] = max(worst[b], SEVERITIES.index(severity))  # type: ignore[arg-type]
    step = max(1, math.ceil(max(counts, default=0) / 4))
    top = step * max(1, math.ceil(max(counts, default=0) / step))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    bar_w = plot_w / BINS
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="chart-title chart-desc"'
        ' xmlns="http://www.w3.org/2000/svg">',
        '<title id="chart-title">Round-trip chrF per sentence</title>',
        f'<desc id="chart-desc">{esc(_describe(counts))}</desc>',
    ]
    for value in range(0, top + 1, step):
        y = TOP + plot_h - plot_h * value / top
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text class="tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{value}</text>')
    for b, count in enumerate(counts):
        low = b * 100 // BINS
        x = LEFT + b * bar_w
        h = plot_h * count / top
        cls = f"bar sev-{SEVERITIES[worst[b]]}" if worst[b] >= 0 else "bar ok"
        label = f"chrF {low}–{low + 100 // BINS}: {count} sentence{'s' if count != 1 else ''}"
        parts.append(
            f'<rect class="{cls}" x="{x + 2:.1f}" y="{TOP + plot_h - h:.1f}" width="{bar_w - 4:.1f}"'
            f' height="{h:.1f}"><title>{esc(label)}</title></rect>'
        )
        if count:
            parts.append(
                f'<text class="count" x="{x + bar_w / 2:.1f}" y="{TOP + plot_h - h - 4:.1f}"'
                f' text-anchor="middle">{count}</text>'
            )
        parts.append(f'<text class="tick" x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">{low}</text>')
    parts.append(
        f'<text class="tick" x="{WIDTH - RIGHT:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">100</text>'
    )
    parts.append(
        f'<text class="axis" x="{LEFT + plot_w / 2:.1f}" y="{HEIGHT - 4}"'
        ' text-anchor="middle">chrF of the round trip (higher is better)</text>'
    )
    if mean is not None:
        x = LEFT + plot_w * min(max(mean, 0), 100) / 100
        parts.append(f'<line class="mean" x1="{x:.1f}" x2="{x:.1f}" y1="{TOP - 18}" y2="{TOP + plot_h}"/>')
        anchor = "end" if x > WIDTH - 90 else "start"
        nudge = -4 if anchor == "end" else 4
        parts.append(
            f'<text class="mean-label" x="{x + nudge:.1f}" y="{TOP - 22}" text-anchor="{anchor}">mean {mean:.1f}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _describe(counts: Sequence[int]) -> str:
    step = 100 // BINS
    return "Sentences per chrF range: " + ", ".join(
        f"{b * step}–{b * step + step}: {c}" for b, c in enumerate(counts) if c
    )
