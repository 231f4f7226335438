"""Leading and trailing whitespace, doubled spaces, and the punctuation that ends a segment."""

from __future__ import annotations

from collections.abc import Iterable

from mtcheck.checks.segments.base import SegmentCheck, SegmentContext, finding
from mtcheck.read.units import Segment, plain
from mtcheck.results import Finding

# Sentence-final marks by what they mean, across scripts.
END_CLASSES = {
    ".": "period", "。": "period", "．": "period", "।": "period", "۔": "period", "።": "period",
    "?": "question", "？": "question", "؟": "question", ";": "semicolon",
    "!": "exclamation", "！": "exclamation", ":": "colon", "：": "colon", "；": "semicolon",
    "…": "ellipsis", "⋯": "ellipsis",
}  # fmt: skip
_CLOSERS = "\"'”’»)]）】」』›\u3009"
_NAMES = {
    "period": "a full stop", "question": "a question mark", "exclamation": "an exclamation mark",
    "colon": "a colon", "semicolon": "a semicolon", "ellipsis": "an ellipsis", None: "no end punctuation",
}  # fmt: skip


def end_class(text: str) -> str | None:
    """What the last mark of a text means (closing quotes and brackets skipped); None when it ends in a word."""
    stripped = plain(text).rstrip().rstrip(_CLOSERS).rstrip()
    if stripped.endswith("..."):
        return "ellipsis"
    return END_CLASSES.get(stripped[-1:]) if stripped else None


class EndPunctuationCheck(SegmentCheck):
    name = "end_punctuation"
    rule_ids = ("MT-SEG-END-PUNCTUATION",)

    def check(self, ctx: SegmentContext, index: int, segment: Segment, target: str) -> Iterable[Finding]:
        source, found = end_class(segment.source), end_class(target)
        if source == found or (source == "semicolon" and found == "period"):
            return
        stripped = target.rstrip()
        yield finding(
            index,
            segment,
            rule="MT-SEG-END-PUNCTUATION",
            severity="info",
            message=f"the source ends with {_NAMES[source]}, the translation with {_NAMES[found]}: "
            "check the sentence is complete and of the same kind",
            start=max(0, len(stripped) - 1),
            end=len(stripped),
            details={"source_end": source, "target_end": found},
        )


class WhitespaceCheck(SegmentCheck):
    name = "whitespace"
    rule_ids = ("MT-SEG-WHITESPACE", "MT-SEG-DOUBLE-SPACE")

    def check(self, ctx: SegmentContext, index: int, segment: Segment, target: str) -> Iterable[Finding]:
        source = segment.source
        lead_s, lead_t = source[: len(source) - len(source.lstrip())], target[: len(target) - len(target.lstrip())]
        trail_s, trail_t = source[len(source.rstrip()) :], target[len(target.rstrip()) :]
        for where, want, got, start, end in (
            ("leading", lead_s, lead_t, 0, len(lead_t)),
            ("trailing", trail_s, trail_t, len(target) - len(trail_t), len(target)),
        ):
            if want != got:
                yield finding(
                    index,
                    segment,
                    rule="MT-SEG-WHITESPACE",
                    severity="info",
                    message=f"{where} whitespace differs from the source ({want!r} in the source, {got!r} in "
                    "the translation): text joined to this segment will run together or gain a space",
                    start=start if end > start else None,
                    end=end if end > start else None,
                    details={"where": where, "source": want, "target": got},
                )
        doubled = target.find("  ", len(lead_t), len(target) - len(trail_t))
        if doubled >= 0 and "  " not in source.strip():
            yield finding(
                index,
                segment,
                rule="MT-SEG-DOUBLE-SPACE",
                severity="info",
                message="two spaces in a row inside the translation",
                start=doubled,
                end=doubled + 2,
            )
