"""Inline codes (XLIFF <x/> <g> <ph> <pc> <sc/>/<ec/>, TMX <bpt>/<ept>): count, order and pairing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from mtcheck.checks.segments.base import SegmentCheck, SegmentContext, finding
from mtcheck.read.units import CODES, InlineCode, Segment, code_index
from mtcheck.results import Finding


def _in_order(text: str, codes: tuple[InlineCode, ...]) -> list[tuple[int, InlineCode]]:
    if not codes:
        return []
    found = []
    for m in CODES.finditer(text):
        n = code_index(m.group())
        if n is not None and n < len(codes):
            found.append((m.start(), codes[n]))
    return found


def unpaired(placed: list[tuple[int, InlineCode]]) -> list[tuple[int, InlineCode]]:
    """Codes that open and never close, or close what was not opened (standalone codes always pair)."""
    open_: dict[tuple[str, str], list[tuple[int, InlineCode]]] = {}
    bad: list[tuple[int, InlineCode]] = []
    partner = {"ec": "sc", "ex": "bx", "ept": "bpt"}
    for offset, code in placed:
        if code.role == "open":
            open_.setdefault((code.element, code.id), []).append((offset, code))
        elif code.role == "close":
            stack = open_.get((partner.get(code.element, code.element), code.id))
            if stack:
                stack.pop()
            else:
                bad.append((offset, code))
    bad.extend(item for stack in open_.values() for item in stack)
    return sorted(bad, key=lambda item: item[0])


class TagCheck(SegmentCheck):
    name = "tags"
    rule_ids = ("MT-SEG-TAG-MISSING", "MT-SEG-TAG-EXTRA", "MT-SEG-TAG-PAIRING", "MT-SEG-TAG-ORDER")

    def check(self, ctx: SegmentContext, index: int, segment: Segment, target: str) -> Iterable[Finding]:
        if not segment.source_codes and not segment.target_codes:
            return
        source = _in_order(segment.source, segment.source_codes)
        placed = _in_order(target, segment.target_codes)
        missing = Counter(c.key for _, c in source) - Counter(c.key for _, c in placed)
        extra = Counter(c.key for _, c in placed) - Counter(c.key for _, c in source)
        labels = {c.key: c.label for _, c in source + placed}
        changed = bool(missing) or bool(extra)
        if missing:
            names = [labels[k] for k in missing.elements()]
            yield finding(
                index,
                segment,
                rule="MT-SEG-TAG-MISSING",
                severity="error",
                message=f"inline code {' '.join(names)} of the source is missing from the translation: "
                "formatting or links will be lost",
                details={"missing": names},
            )
        for offset, code in placed:
            if extra[code.key] > 0:
                extra[code.key] -= 1
                yield finding(
                    index,
                    segment,
                    rule="MT-SEG-TAG-EXTRA",
                    severity="error",
                    message=f"inline code {code.label} is not in the source",
                    start=offset,
                    end=offset + 1,
                    details={"extra": code.label},
                )
        for offset, code in unpaired(placed):
            if (offset, code) in unpaired(source):
                continue
            yield finding(
                index,
                segment,
                rule="MT-SEG-TAG-PAIRING",
                severity="error",
                message=f"inline code {code.label} is not paired in the translation: every opening code needs "
                "its closing code after it",
                start=offset,
                end=offset + 1,
                details={"code": code.label},
            )
        source_keys = [c.key for _, c in source]
        target_keys = [c.key for _, c in placed]
        if not changed and source_keys != target_keys:
            yield finding(
                index,
                segment,
                rule="MT-SEG-TAG-ORDER",
                severity="info",
                message="inline codes are in another order than in the source: fine if the sentence was "
                "reordered, but check that each code still wraps the right words",
                details={
                    "source_order": [labels[k] for k in source_keys],
                    "target_order": [labels[k] for k in target_keys],
                },
            )
