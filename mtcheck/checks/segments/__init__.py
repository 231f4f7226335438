"""Source-aware checks of bilingual segments (XLIFF, TMX, TSV): one module per family, one registry.

Every check reads a segment's source beside its target; none needs a translation engine.
"""

from mtcheck.checks.segments.base import (
    SEGMENT_CHECKS,
    SegmentCheck,
    SegmentContext,
    load_segment_checks,
    run_segment_checks,
)

__all__ = ["SEGMENT_CHECKS", "SegmentCheck", "SegmentContext", "load_segment_checks", "run_segment_checks"]
