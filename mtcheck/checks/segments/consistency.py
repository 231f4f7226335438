"""Consistency across a file: one source translated two ways, or two sources given one translation."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from mtcheck.checks.segments.base import SegmentCheck, SegmentContext, finding
from mtcheck.read.units import plain
from mtcheck.results import Finding

_SPACE = re.compile(r"\s+")


def _key(text: str) -> str:
    return _SPACE.sub(" ", plain(text)).strip().casefold()


class ConsistencyCheck(SegmentCheck):
    name = "consistency"
    rule_ids = ("MT-SEG-INCONSISTENT-TARGET", "MT-SEG-INCONSISTENT-SOURCE")

    def run(self, ctx: SegmentContext) -> Iterable[Finding]:
        checked = list(ctx.checked())
        by_source: dict[str, list[int]] = defaultdict(list)
        by_target: dict[str, list[int]] = defaultdict(list)
        for position, (_, segment, target) in enumerate(checked):
            by_source[_key(segment.source)].append(position)
            by_target[_key(target)].append(position)
        yield from self._spread(ctx, checked, by_source, "target")
        yield from self._spread(ctx, checked, by_target, "source")

    def _spread(
        self,
        ctx: SegmentContext,
        checked: list,
        groups: dict[str, list[int]],
        varies: str,  # type: ignore[type-arg]
    ) -> Iterable[Finding]:
        for key, positions in groups.items():
            if len(positions) < 2 or not key:
                continue
            other = [_key(checked[p][2] if varies == "target" else checked[p][1].source) for p in positions]
            if len(set(other)) < 2:
                continue
            usual, _ = Counter(other).most_common(1)[0]
            first = next(p for p, o in zip(positions, other, strict=True) if o == usual)
            first_id = checked[first][1].id
            for position, value in zip(positions, other, strict=True):
                if value == usual:
                    continue
                index, segment, _ = checked[position]
                if varies == "target":
                    yield finding(
                        index,
                        segment,
                        rule="MT-SEG-INCONSISTENT-TARGET",
                        severity="info",
                        message=f"the same source is translated differently in unit {first_id}: "
                        "use one translation unless the context differs",
                        details={"other_unit": first_id},
                    )
                else:
                    yield finding(
                        index,
                        segment,
                        rule="MT-SEG-INCONSISTENT-SOURCE",
                        severity="info",
                        message=f"unit {first_id} has a different source but the same translation: "
                        "check one of them is not a copy-paste",
                        details={"other_unit": first_id},
                    )
