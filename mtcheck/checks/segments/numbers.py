"""Numbers: every number of the source in the target, read as each language writes numbers."""

from __future__ import annotations

from collections.abc import Iterable

from mtcheck.checks import numbers
from mtcheck.checks.segments.base import SegmentCheck, SegmentContext, finding
from mtcheck.checks.segments.tokens import mask
from mtcheck.read.units import Segment
from mtcheck.results import Finding, Severity

# Measured on MQM zh->en (docs/quality-bilingual.md): an extra number overlaps an annotated error 1.95x as
# often as chance, a missing one spans the whole segment (chance by construction): both info.
MISSING_SEVERITY: Severity = "info"
EXTRA_SEVERITY: Severity = "info"


class NumberCheck(SegmentCheck):
    name = "numbers"
    rule_ids = ("MT-SEG-NUMBER-MISSING", "MT-SEG-NUMBER-EXTRA")

    def check(self, ctx: SegmentContext, index: int, segment: Segment, target: str) -> Iterable[Finding]:
        missing, extra = numbers.compare(mask(segment.source), ctx.source_language, mask(target), ctx.target_language)
        if missing:
            texts = ", ".join(n.text for n in missing)
            yield finding(
                index,
                segment,
                rule="MT-SEG-NUMBER-MISSING",
                severity=MISSING_SEVERITY,
                message=f"number {texts} of the source is not in the translation: check the figure was "
                "kept (a changed decimal or thousands separator changes the value)",
                details={"missing": [n.text for n in missing], "source": segment.source},
            )
        for number in extra:
            yield finding(
                index,
                segment,
                rule="MT-SEG-NUMBER-EXTRA",
                severity=EXTRA_SEVERITY,
                message=f"number {number.text} is not in the source: check it against the original figure",
                start=number.start,
                end=number.end,
                details={"extra": number.text},
            )
