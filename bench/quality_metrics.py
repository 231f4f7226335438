"""Pure metric functions of the quality harness (bench/quality.py); no mtcheck, no data, no I/O.

Spans are half-open character ranges (start, end) inside one segment. A finding of length 0 (a
point, e.g. where a round trip inserted words) counts as the one character it points at.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

Span = tuple[int, int]


def as_range(start: int, end: int) -> Span:
    """The half-open range a span covers; an empty span covers the character at `start`."""
    return (start, end) if end > start else (start, start + 1)


def overlaps(a: Span, b: Span) -> bool:
    """True when the two spans share at least one character."""
    a0, a1 = as_range(*a)
    b0, b1 = as_range(*b)
    return a0 < b1 and b0 < a1


def hits(span: Span, targets: Sequence[Span]) -> bool:
    """True when `span` overlaps any of `targets`."""
    return any(overlaps(span, t) for t in targets)


def placements(length: int, segment_length: int) -> range:
    """Every start where a span of `length` fits in the segment (start 0 only when it is longer)."""
    length = max(length, 1)
    return range(max(segment_length - length, 0) + 1)


def hit_probability(length: int, segment_length: int, targets: Sequence[Span]) -> float:
    """Chance that a span of `length`, placed uniformly at random in the segment, overlaps a target."""
    if not targets:
        return 0.0
    length = max(length, 1)
    starts = placements(length, segment_length)
    # A placement at s overlaps target (t0, t1) when s < t1 and t0 < s + length.
    covered = [False] * len(starts)
    for t in targets:
        t0, t1 = as_range(*t)
        lo = max(t0 - length + 1, starts.start)
        hi = min(t1 - 1, starts.stop - 1)
        for s in range(lo, hi + 1):
            covered[s] = True
    return sum(covered) / len(starts)


def random_placement_draw(items: Sequence[tuple[int, int, Sequence[Span]]], rng: random.Random) -> float:
    """One draw of the random baseline, literally: each (length, segment_length, targets) is placed at a
    uniform start and the share of placements that overlap a target is returned."""
    if not items:
        return math.nan
    hit = 0
    for length, segment_length, targets in items:
        start = rng.choice(placements(length, segment_length))
        hit += hits((start, start + max(length, 1)), targets)
    return hit / len(items)


def random_baseline(probabilities: Sequence[float], *, draws: int = 2000, seed: int = 0) -> dict[str, float]:
    """Mean and 95 % interval of the share of hits over `draws` random placements.

    Placing finding i at random hits with probability p_i (hit_probability, exact), independently of
    the other findings, so one draw is a sum of Bernoulli(p_i); sampling those is the same as placing
    the spans and much faster. `expected` is the exact mean, sum(p_i) / n.
    """
    n = len(probabilities)
    if n == 0:
        return {"expected": math.nan, "mean": math.nan, "low": math.nan, "high": math.nan, "draws": 0}
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - numpy comes with the engines' dependencies
        np = None
    if np is not None:
        gen = np.random.default_rng(seed)
        p = np.asarray(probabilities, dtype=float)
        shares = []
        for _ in range(draws):
            shares.append(float((gen.random(n) < p).sum()) / n)
    else:  # pragma: no cover
        rng = random.Random(seed)
        shares = [sum(rng.random() < p for p in probabilities) / n for _ in range(draws)]
    shares.sort()
    return {
        "expected": sum(probabilities) / n,
        "mean": sum(shares) / draws,
        "low": quantile(shares, 0.025),
        "high": quantile(shares, 0.975),
        "draws": draws,
    }


def quantile(sorted_values: Sequence[float], q: float) -> float:
    """Linear-interpolation quantile of already sorted values."""
    if not sorted_values:
        return math.nan
    pos = q * (len(sorted_values) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def kendall_tau_b(x: Sequence[float], y: Sequence[float]) -> float:
    """Kendall's tau-b (ties corrected), O(n log n) (Knight 1966); nan when either side is constant or
    holds a nan (a score some systems lack)."""
    n = len(x)
    if n != len(y):
        raise ValueError("x and y differ in length")
    if n < 2 or _any_nan(x) or _any_nan(y):
        return math.nan
    pairs = sorted(zip(x, y, strict=True))
    total = n * (n - 1) // 2
    tied_x = _tied_pairs([p[0] for p in pairs])
    tied_xy = _tied_pairs(pairs)
    ys = [p[1] for p in pairs]
    swaps = _count_swaps(ys)
    tied_y = _tied_pairs(sorted(ys))
    if total in (tied_x, tied_y):
        return math.nan
    # concordant - discordant = total - tx - ty + txy - 2 * swaps
    numerator = total - tied_x - tied_y + tied_xy - 2 * swaps
    return numerator / math.sqrt((total - tied_x) * (total - tied_y))


def _tied_pairs(sorted_values: Sequence[object]) -> int:
    count = 0
    run = 1
    for i in range(1, len(sorted_values) + 1):
        if i < len(sorted_values) and sorted_values[i] == sorted_values[i - 1]:
            run += 1
        else:
            count += run * (run - 1) // 2
            run = 1
    return count


def _count_swaps(values: list[float]) -> int:
    """Number of strictly inverted pairs (i < j, values[i] > values[j]), by merge sort."""
    swaps = 0
    width = 1
    values = list(values)
    n = len(values)
    while width < n:
        merged: list[float] = []
        for lo in range(0, n, 2 * width):
            left = values[lo : lo + width]
            right = values[lo + width : lo + 2 * width]
            i = j = 0
            while i < len(left) and j < len(right):
                if right[j] < left[i]:
                    merged.append(right[j])
                    swaps += len(left) - i
                    j += 1
                else:
                    merged.append(left[i])
                    i += 1
            merged.extend(left[i:])
            merged.extend(right[j:])
        values = merged
        width *= 2
    return swaps


def kendall_tau_b_naive(x: Sequence[float], y: Sequence[float]) -> float:
    """Kendall's tau-b by counting every pair, O(n^2); the reference for kendall_tau_b."""
    concordant = discordant = tied_x_only = tied_y_only = 0
    n = len(x)
    for i in range(n):
        for j in range(i + 1, n):
            dx = (x[i] > x[j]) - (x[i] < x[j])
            dy = (y[i] > y[j]) - (y[i] < y[j])
            if dx == 0 and dy == 0:
                continue
            if dx == 0:
                tied_x_only += 1
            elif dy == 0:
                tied_y_only += 1
            elif dx == dy:
                concordant += 1
            else:
                discordant += 1
    denominator = math.sqrt((concordant + discordant + tied_x_only) * (concordant + discordant + tied_y_only))
    return (concordant - discordant) / denominator if denominator else math.nan


def ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1, ties getting their average rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return result


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson correlation; nan when either side is constant."""
    n = len(x)
    if n < 2:
        return math.nan
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else math.nan


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman's rho: Pearson correlation of the (tie-averaged) ranks; nan when either side holds a nan."""
    if _any_nan(x) or _any_nan(y):
        return math.nan
    return pearson(ranks(x), ranks(y))


def _any_nan(values: Sequence[float]) -> bool:
    return any(isinstance(v, float) and math.isnan(v) for v in values)


def auc(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """P(score of a positive > score of a negative), ties counting one half (Mann-Whitney U / n1 n2)."""
    if not positives or not negatives:
        return math.nan
    r = ranks(list(positives) + list(negatives))
    n1, n2 = len(positives), len(negatives)
    u = sum(r[:n1]) - n1 * (n1 + 1) / 2
    return u / (n1 * n2)


def cluster_bootstrap_ratio(
    clusters: Sequence[tuple[float, float]], *, draws: int = 1000, seed: int = 0
) -> dict[str, float]:
    """95 % interval of sum(hits) / sum(expected hits) when whole clusters (source documents) are resampled.

    Each cluster is (hits, expected hits under random placement) summed over its findings. Findings of
    one document are not independent (the same name, the same rater's habit), so this interval, not the
    placement interval, says how far a ratio would carry to other documents.
    """
    if not clusters:
        return {"low": math.nan, "high": math.nan, "clusters": 0}
    rng = random.Random(seed)
    ratios = []
    k = len(clusters)
    for _ in range(draws):
        sample = [clusters[rng.randrange(k)] for _ in range(k)]
        expected = sum(c[1] for c in sample)
        if expected > 0:
            ratios.append(sum(c[0] for c in sample) / expected)
    ratios.sort()
    return {"low": quantile(ratios, 0.025), "high": quantile(ratios, 0.975), "clusters": k}


def top_share(labels: Sequence[str]) -> tuple[str, float]:
    """The most common label and its share (how much one flagged string dominates a row)."""
    if not labels:
        return "", math.nan
    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    best = max(counts, key=lambda key: counts[key])
    return best, counts[best] / len(labels)
