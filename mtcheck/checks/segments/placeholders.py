"""Placeholders (printf, %(name)s, ICU {name}, ${var}) and literal markup: same set, same positional order."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from mtcheck.checks.segments.base import SegmentCheck, SegmentContext, finding
from mtcheck.checks.segments.tokens import placeholders
from mtcheck.read.units import Segment
from mtcheck.results import Finding

# printf conversions without a position (%s, %d) are filled in order: their order must not change.
_MAYBE = re.compile(r"[%{$<]")
_POSITIONAL = re.compile(r"^%[-+ 0#]*(?:\d+|\*)?(?:\.\d+)?(?:hh|h|ll|l|L|z|j|t)?[sdifuxXeEgGcpo@]$")


class PlaceholderCheck(SegmentCheck):
    name = "placeholders"
    rule_ids = ("MT-SEG-PLACEHOLDER-MISSING", "MT-SEG-PLACEHOLDER-EXTRA", "MT-SEG-PLACEHOLDER-ORDER")

    def check(self, ctx: SegmentContext, index: int, segment: Segment, target: str) -> Iterable[Finding]:
        if not (_MAYBE.search(segment.source) or _MAYBE.search(target)):
            return
        source = [value for _, _, value in placeholders(segment.source)]
        found = placeholders(target)
        target_values = [value for _, _, value in found]
        missing = sorted((Counter(source) - Counter(target_values)).elements())
        extra = Counter(target_values) - Counter(source)
        if missing:
            yield finding(
                index,
                segment,
                rule="MT-SEG-PLACEHOLDER-MISSING",
                severity="error",
                message=f"placeholder {', '.join(missing)} of the source is missing from the translation: "
                "the program will show the wrong text or fail",
                details={"missing": missing},
            )
        for start, end, value in found:
            if extra[value] > 0:
                extra[value] -= 1
                yield finding(
                    index,
                    segment,
                    rule="MT-SEG-PLACEHOLDER-EXTRA",
                    severity="error",
                    message=f"placeholder {value} is not in the source: remove it or use the source's",
                    start=start,
                    end=end,
                    details={"extra": value},
                )
        ordered_source = [v for v in source if _POSITIONAL.match(v)]
        ordered_target = [v for v in target_values if _POSITIONAL.match(v)]
        if not missing and ordered_source != ordered_target and sorted(ordered_source) == sorted(ordered_target):
            yield finding(
                index,
                segment,
                rule="MT-SEG-PLACEHOLDER-ORDER",
                severity="error",
                message=f"positional placeholders {' '.join(ordered_target)} are in another order than in the "
                f"source ({' '.join(ordered_source)}): number them (%1$s) to reorder",
                details={"source_order": ordered_source, "target_order": ordered_target},
            )
