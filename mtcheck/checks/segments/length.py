"""Length-ratio outliers: a target much longer or shorter than its source, for this language pair."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable

from mtcheck.checks.segments.base import SegmentCheck, SegmentContext, finding
from mtcheck.checks.segments.script import language_script
from mtcheck.read.units import plain
from mtcheck.results import Finding

MIN_SOURCE_CHARS = 20  # shorter segments vary too much to judge
MIN_SEGMENTS_FOR_FILE_RATIO = 30  # with fewer, the pair's usual ratio comes from the table below
OUTLIER = 2.2  # this many times above or below the usual ratio
# Characters of target per character of source, by script of source -> target (rough, from parallel text).
SCRIPT_RATIOS = {
    ("Han", "Latin"): 3.2, ("Japanese", "Latin"): 2.5, ("Hangul", "Latin"): 2.4,
    ("Latin", "Han"): 0.31, ("Latin", "Japanese"): 0.4, ("Latin", "Hangul"): 0.42,
}  # fmt: skip


def _log_ratio(source: str, target: str) -> float:
    return math.log(max(1, len(target.strip())) / max(1, len(source.strip())))


class LengthRatioCheck(SegmentCheck):
    name = "length"
    rule_ids = ("MT-SEG-LENGTH-RATIO",)

    def run(self, ctx: SegmentContext) -> Iterable[Finding]:
        pairs = [
            (index, segment, plain(segment.source), plain(target))
            for index, segment, target in ctx.checked()
            if len(plain(segment.source).strip()) >= MIN_SOURCE_CHARS
        ]
        if not pairs:
            return
        ratios = [_log_ratio(s, t) for _, _, s, t in pairs]
        if len(pairs) >= MIN_SEGMENTS_FOR_FILE_RATIO:
            usual = statistics.median(ratios)
        else:
            scripts = (language_script(ctx.source_language), language_script(ctx.target_language))
            usual = math.log(SCRIPT_RATIOS.get(scripts, 1.1 if scripts[0] == scripts[1] else 1.0))
        limit = math.log(OUTLIER)
        for (index, segment, _, _), ratio in zip(pairs, ratios, strict=True):
            if abs(ratio - usual) <= limit:
                continue
            longer = ratio > usual
            yield finding(
                index,
                segment,
                rule="MT-SEG-LENGTH-RATIO",
                severity="info",
                message=f"the translation is {math.exp(ratio - usual):.1f} times "
                f"{'longer' if longer else 'shorter'} than usual for {ctx.source_language}->"
                f"{ctx.target_language}: check for {'additions' if longer else 'omissions'}",
                details={"ratio": round(math.exp(ratio), 3), "usual": round(math.exp(usual), 3)},
            )
