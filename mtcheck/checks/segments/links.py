"""URLs and e-mail addresses of the source, kept unchanged in the target."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from mtcheck.checks.segments.base import SegmentCheck, SegmentContext, finding
from mtcheck.checks.segments.tokens import urls
from mtcheck.read.units import Segment
from mtcheck.results import Finding

_MAYBE = re.compile(r"://|@|www\.", re.IGNORECASE)


class LinkCheck(SegmentCheck):
    name = "links"
    rule_ids = ("MT-SEG-URL-MISSING", "MT-SEG-URL-EXTRA")

    def check(self, ctx: SegmentContext, index: int, segment: Segment, target: str) -> Iterable[Finding]:
        if not (_MAYBE.search(segment.source) or _MAYBE.search(target)):
            return
        source_links = Counter(value for _, _, value in urls(segment.source))
        target_found = urls(target)
        target_links = Counter(value for _, _, value in target_found)
        missing = sorted((source_links - target_links).elements())
        if missing:
            yield finding(
                index,
                segment,
                rule="MT-SEG-URL-MISSING",
                severity="error",
                message=f"{', '.join(missing)} of the source is missing or changed in the translation: "
                "links and e-mail addresses must be kept exactly",
                details={"missing": missing},
            )
        extra = target_links - source_links
        for start, end, value in target_found:
            if extra[value] > 0:
                extra[value] -= 1
                yield finding(
                    index,
                    segment,
                    rule="MT-SEG-URL-EXTRA",
                    severity="warning",
                    message=f"{value} is not in the source: check the link or address",
                    start=start,
                    end=end,
                    details={"extra": value},
                )
