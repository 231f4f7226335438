"""The segment-check protocol, its registry and the helper that builds findings on a segment's target."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from mtcheck.config import Settings
from mtcheck.read.units import Segment, code_index
from mtcheck.results import SEVERITIES, Finding, Severity

# name -> "module:Class"; add a check family by adding a module and a line here.
SEGMENT_CHECKS: dict[str, str] = {
    "numbers": "mtcheck.checks.segments.numbers:NumberCheck",
    "names": "mtcheck.checks.segments.names:NameCheck",
    "links": "mtcheck.checks.segments.links:LinkCheck",
    "placeholders": "mtcheck.checks.segments.placeholders:PlaceholderCheck",
    "tags": "mtcheck.checks.segments.tags:TagCheck",
    "whitespace": "mtcheck.checks.segments.punctuation:WhitespaceCheck",
    "end_punctuation": "mtcheck.checks.segments.punctuation:EndPunctuationCheck",
    "untranslated": "mtcheck.checks.segments.untranslated:UntranslatedCheck",
    "source_script": "mtcheck.checks.segments.script:SourceScriptCheck",
    "length": "mtcheck.checks.segments.length:LengthRatioCheck",
    "consistency": "mtcheck.checks.segments.consistency:ConsistencyCheck",
    "glossary": "mtcheck.checks.segments.glossary:SegmentGlossaryCheck",
}
KIND = "segment"


@dataclass(frozen=True)
class SegmentContext:
    """What a segment check may look at: every segment of the file and its languages."""

    segments: tuple[Segment, ...]
    source_language: str
    target_language: str
    settings: Settings = field(default_factory=Settings)
    extras: Mapping[str, Any] = field(default_factory=dict)  # e.g. glossary

    def checked(self) -> Iterable[tuple[int, Segment, str]]:
        """(index, segment, target) for each segment that has a target and is meant to be translated."""
        for index, segment in enumerate(self.segments):
            if segment.translate and segment.target is not None and segment.target.strip():
                yield index, segment, segment.target


class SegmentCheck:
    """A named producer of findings on segments. Subclasses set name and implement check() or run()."""

    name: ClassVar[str] = ""
    rule_ids: ClassVar[tuple[str, ...]] = ()  # every rule id its findings may carry (their kind is KIND)

    def run(self, ctx: SegmentContext) -> Iterable[Finding]:
        for index, segment, target in ctx.checked():
            yield from self.check(ctx, index, segment, target)

    def check(self, ctx: SegmentContext, index: int, segment: Segment, target: str) -> Iterable[Finding]:
        raise NotImplementedError


def finding(
    index: int,
    segment: Segment,
    *,
    rule: str,
    severity: Severity,
    message: str,
    start: int | None = None,
    end: int | None = None,
    details: Mapping[str, Any] | None = None,
) -> Finding:
    """A finding on a segment's target at [start, end) of its text (the whole target when not given).

    Offsets index the segment's target text here; the runner moves them into the report's text.
    """
    target = segment.target or ""
    if start is None or end is None:
        start, end = _trimmed(target)
    return Finding(
        kind=KIND,
        severity=severity,
        message=message,
        start=start,
        end=end,
        rule=rule,
        sentence=index,
        text=target[start:end],
        details={"unit": segment.id, **dict(details or {})},
    )


def _trimmed(text: str) -> tuple[int, int]:
    """The span of text without surrounding whitespace (and inline codes)."""
    start, end = 0, len(text)
    while start < end and (text[start].isspace() or code_index(text[start]) is not None):
        start += 1
    while end > start and (text[end - 1].isspace() or code_index(text[end - 1]) is not None):
        end -= 1
    return (start, end) if start < end else (0, len(text))


def load_segment_checks(names: Iterable[str] | None = None) -> list[SegmentCheck]:
    """Instantiate the named segment checks (all when names is None; unknown names are skipped)."""
    chosen = [n for n in (SEGMENT_CHECKS if names is None else names) if n in SEGMENT_CHECKS]
    found: list[SegmentCheck] = []
    for name in chosen:
        module_name, _, class_name = SEGMENT_CHECKS[name].partition(":")
        found.append(getattr(importlib.import_module(module_name), class_name)())
    return found


def run_segment_checks(ctx: SegmentContext, names: Iterable[str] | None = None) -> list[Finding]:
    """Every finding of every segment check, severity overrides applied (by rule id, then kind; 'off' drops)."""
    overrides = dict(ctx.settings.severities)
    found: list[Finding] = []
    for check in load_segment_checks(names):
        for f in check.run(ctx):
            wanted = overrides.get(f.rule_id, overrides.get(f.kind))
            if wanted in ("off", "none", "ignore"):
                continue
            if wanted in SEVERITIES:
                f = Finding(**{**f.__dict__, "severity": wanted})
            found.append(f)
    return found
