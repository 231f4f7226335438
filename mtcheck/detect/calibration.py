"""A calibrated confidence: a monotone map from the evidence score to P(notice), stored as data.

`detect()` combines its evidence into a score (`Detection.score`); the score ranks documents but is not a
probability. `data/calibration.json` holds a step function fitted on the harvested real dev sets
(`scripts/calibrate_detect.py`): score bins, each with the smoothed share of notices among the rows that
fell in it, pooled so that the share never falls as the score rises (pool adjacent violators). The
confidence is that share, so one threshold (0.5: more likely a notice than not) serves every language.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class ConfidenceMap:
    """Score bins (lower edges, ascending from 0.0) and the probability that a document in each is a notice."""

    edges: tuple[float, ...]
    probabilities: tuple[float, ...]

    def __call__(self, score: float) -> float:
        """P(notice) for a score: the probability of the bin the score falls in."""
        if score != score:  # NaN: no evidence to speak of
            return self.probabilities[0]
        i = bisect_right(self.edges, score) - 1
        return self.probabilities[min(max(i, 0), len(self.probabilities) - 1)]


@dataclass(frozen=True)
class Bin:
    """One bin of a fit: its score range, rows, notices and the fitted probability."""

    low: float
    high: float
    rows: int
    notices: int
    probability: float


def fit(pairs: Sequence[tuple[float, bool]], edges: Sequence[float], split: float, min_rows: int = 1) -> list[Bin]:
    """Fit a monotone step function on (score, is a notice) pairs.

    Each bin's share is smoothed ((notices + 1) / (rows + 2), so no bin claims certainty), adjacent bins
    whose shares fall are pooled (weighted by rows), and a running maximum keeps the result monotone.
    A bin with no rows takes its neighbour's value: below `split` (the score the rules treat as the
    verdict) the bin under it, from `split` up the bin over it, so an empty stretch of scores moves no
    verdict the data cannot speak to. A bin with fewer than `min_rows` rows is treated the same way: its rows
    are counted in that neighbour (the nearest bin on its side of `split` with enough rows), so a handful of
    rows cannot move the verdict. `Bin.rows` and `Bin.notices` report the rows that fell in each bin.
    """
    counts = [[0, 0] for _ in edges]
    for score, positive in pairs:
        i = min(max(bisect_right(list(edges), score) - 1, 0), len(edges) - 1)
        counts[i][0] += 1
        counts[i][1] += int(positive)
    fell = [list(c) for c in counts]
    counts = _merge_small(counts, edges, split, min_rows)
    # pool adjacent violators over the non-empty bins
    blocks: list[tuple[int, int, int, int]] = []  # (rows, notices, first bin, last bin)
    for i, (n, k) in enumerate(counts):
        if n == 0:
            continue
        blocks.append((n, k, i, i))
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][0] > blocks[-1][1] / blocks[-1][0]:
            top = blocks.pop()
            blocks[-1] = (blocks[-1][0] + top[0], blocks[-1][1] + top[1], blocks[-1][2], top[3])
    value: list[float | None] = [None] * len(edges)
    for n, k, first, last in blocks:
        for i in range(first, last + 1):
            value[i] = (k + 1) / (n + 2)
    filled = _fill(value, edges, split)
    for i in range(1, len(filled)):
        filled[i] = max(filled[i], filled[i - 1])
    highs = [*edges[1:], 1.0]
    return [Bin(edges[i], highs[i], fell[i][0], fell[i][1], round(filled[i], 4)) for i in range(len(edges))]


def _merge_small(counts: list[list[int]], edges: Sequence[float], split: float, min_rows: int) -> list[list[int]]:
    """Move the rows of bins under `min_rows` into the nearest big-enough bin on their side of `split`."""
    big = [i for i, (n, _) in enumerate(counts) if n >= min_rows]
    if min_rows <= 1 or not big:
        return counts
    out = [list(c) if n >= min_rows else [0, 0] for c, (n, _) in zip(counts, counts, strict=True)]
    for i, (n, k) in enumerate(counts):
        if n == 0 or n >= min_rows:
            continue
        below = [j for j in big if j < i and (edges[j] >= split) == (edges[i] >= split)]
        above = [j for j in big if j > i and (edges[j] >= split) == (edges[i] >= split)]
        if edges[i] >= split:
            j = above[0] if above else (below[-1] if below else big[0])
        else:
            j = below[-1] if below else (above[0] if above else big[-1])
        out[j][0] += n
        out[j][1] += k
    return out


def _fill(value: list[float | None], edges: Sequence[float], split: float) -> list[float]:
    known = [i for i, v in enumerate(value) if v is not None]
    if not known:
        return [0.5] * len(value)
    out = []
    for i, v in enumerate(value):
        if v is not None:
            out.append(v)
            continue
        below = [j for j in known if j < i]
        above = [j for j in known if j > i]
        if edges[i] >= split and above or not below:
            out.append(value[above[0]] or 0.0)
        else:
            out.append(value[below[-1]] or 0.0)
    return out


def to_data(bins: Sequence[Bin], fitted_on: Sequence[str], note: str) -> dict[str, object]:
    """The JSON object stored in data/calibration.json."""
    return {
        "note": note,
        "fitted_on": list(fitted_on),
        "bins": [
            {"low": b.low, "high": b.high, "rows": b.rows, "notices": b.notices, "probability": b.probability}
            for b in bins
        ],
    }


def from_data(data: dict[str, object]) -> ConfidenceMap:
    """A map from the stored object; the bins must start at 0 and rise, the probabilities lie in [0, 1]."""
    bins = data["bins"]
    if not isinstance(bins, list) or not bins:
        raise ValueError("calibration: no bins")
    edges = tuple(float(b["low"]) for b in bins)
    probabilities = tuple(float(b["probability"]) for b in bins)
    if edges[0] != 0.0 or any(b <= a for a, b in zip(edges, edges[1:], strict=False)):
        raise ValueError("calibration: bin edges must start at 0 and rise")
    if not all(math.isfinite(e) for e in edges):  # NaN passes the comparisons above
        raise ValueError("calibration: bin edges must be finite numbers")
    if any(not 0.0 <= p <= 1.0 for p in probabilities):
        raise ValueError("calibration: probabilities must lie in [0, 1]")
    if any(b < a for a, b in zip(probabilities, probabilities[1:], strict=False)):
        raise ValueError("calibration: probabilities must not fall as the score rises")
    return ConfidenceMap(edges, probabilities)


@cache
def shipped() -> ConfidenceMap:
    """The map in data/calibration.json, read once."""
    text = resources.files("mtcheck.detect").joinpath("data", "calibration.json").read_text(encoding="utf-8")
    return from_data(json.loads(text))


def probability(score: float) -> float:
    """P(notice) for an evidence score, with the shipped map."""
    return shipped()(score)
