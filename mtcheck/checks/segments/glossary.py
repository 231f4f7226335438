"""Glossary with source and target columns: where the source has a term, the target uses its translation."""

from __future__ import annotations

import re
from collections.abc import Iterable

from mtcheck.checks.glossary import rendered
from mtcheck.checks.segments.base import SegmentCheck, SegmentContext, finding
from mtcheck.checks.segments.script import language_script
from mtcheck.read.units import Segment, plain
from mtcheck.results import Finding


def _contains(text: str, term: str, language: str, *, inflected: bool = False) -> bool:
    if language_script(language) in ("Han", "Japanese", "Thai"):  # no spaces between words
        return term.casefold() in text.casefold()
    if inflected:
        return rendered(term, text)
    return re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text, re.IGNORECASE) is not None


class SegmentGlossaryCheck(SegmentCheck):
    """'Use X for Y': a source term whose glossary translation is missing from the target."""

    name = "glossary"
    rule_ids = ("MT-SEG-GLOSSARY",)

    def run(self, ctx: SegmentContext) -> Iterable[Finding]:
        glossary = ctx.extras.get("glossary")
        if glossary is None:
            return
        self._entries = [
            (e.term, e.translations[ctx.target_language])
            for e in glossary.entries
            if e.language in (None, ctx.source_language) and e.translations.get(ctx.target_language)
        ]
        if self._entries:
            yield from super().run(ctx)

    def check(self, ctx: SegmentContext, index: int, segment: Segment, target: str) -> Iterable[Finding]:
        source, text = plain(segment.source, " "), plain(target, " ")
        for term, renderings in self._entries:
            if not _contains(source, term, ctx.source_language):
                continue
            if any(_contains(text, r, ctx.target_language, inflected=True) for r in renderings):
                continue
            yield finding(
                index,
                segment,
                rule="MT-SEG-GLOSSARY",
                severity="warning",
                message=f"use {' or '.join(repr(r) for r in renderings)} for {term!r} (glossary)",
                details={"term": term, "expected": list(renderings)},
            )
