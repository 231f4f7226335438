"""Result objects of a bilingual file (XLIFF, TMX, TSV): one UnitResult per segment, beside Report.sentences."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UnitResult:
    """One segment of a bilingual file; `index` is the index of its SentenceResult (the target)."""

    index: int
    id: str  # unique in the file: the unit id (plus "/segment id" for units of several segments)
    unit_id: str
    source: str  # as shown: inline codes as labels such as <g1> </g1> <x2/>
    target: str | None
    line: int | None = None  # 1-based line of the unit (row) in the file
    target_line: int | None = None  # line of its target
    state: str | None = None
    translate: bool = True
    notes: tuple[str, ...] = ()

    @property
    def location_line(self) -> int | None:
        """The line a finding on this segment points at: its target, else the unit."""
        return self.target_line or self.line


@dataclass(frozen=True)
class UnitsResult:
    """A bilingual file's segments and languages (set on Report.units; None for articles)."""

    path: str
    format: str  # xliff-1.2 | xliff-2.0 | tmx | tsv | csv
    source_language: str
    target_language: str
    units: tuple[UnitResult, ...]
