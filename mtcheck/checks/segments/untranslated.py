"""Untranslated segments: empty, a copy of the source, mostly source words, or in the source language."""

from __future__ import annotations

import re
from collections.abc import Iterable

from mtcheck.checks.segments.base import SegmentCheck, SegmentContext, finding
from mtcheck.checks.segments.script import language_script
from mtcheck.checks.segments.tokens import mask
from mtcheck.read.units import Segment
from mtcheck.results import Finding

_WORDS = re.compile(r"[^\W\d_]{2,}")
MIN_WORDS = 4  # shorter segments (names, labels, product terms) are often the same in both languages
COPIED_SHARE = 0.8  # this share of the target's words found in the source: mostly untranslated
DETECT_MIN_LETTERS = 40  # language detection needs this much text to be trusted
DETECT_CONFIDENCE = 0.95
DETECT_SHARED_SHARE = 0.5  # language detection only for targets sharing this share of words with the source


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORDS.findall(mask(text))]


class UntranslatedCheck(SegmentCheck):
    name = "untranslated"
    rule_ids = ("MT-SEG-EMPTY-TARGET", "MT-SEG-UNTRANSLATED", "MT-SEG-SOURCE-LANGUAGE")

    def run(self, ctx: SegmentContext) -> Iterable[Finding]:
        for index, segment in enumerate(ctx.segments):
            if segment.translate and _words(segment.source) and not (segment.target or "").strip():
                yield finding(
                    index,
                    segment,
                    rule="MT-SEG-EMPTY-TARGET",
                    severity="info",
                    message="no translation yet: the target is empty",
                )
        yield from super().run(ctx)

    def check(self, ctx: SegmentContext, index: int, segment: Segment, target: str) -> Iterable[Finding]:
        source_words, target_words = _words(segment.source), _words(target)
        if not target_words:
            return
        if " ".join(source_words) == " ".join(target_words) and len(source_words) >= 2:
            yield finding(
                index,
                segment,
                rule="MT-SEG-UNTRANSLATED",
                severity="warning",
                message="the translation is a copy of the source: translate it, or mark the unit "
                'translate="no" if it must stay as it is',
            )
            return
        if language_script(ctx.source_language) != language_script(ctx.target_language):
            return  # fragments in the source's script are the script check's
        known = set(source_words)
        copied = sum(1 for w in target_words if w in known)
        if len(target_words) >= MIN_WORDS and copied >= COPIED_SHARE * len(target_words):
            yield finding(
                index,
                segment,
                rule="MT-SEG-UNTRANSLATED",
                severity="warning",
                message=f"{copied} of the translation's {len(target_words)} words are the source's: "
                "most of this segment is still untranslated",
                details={"copied": copied, "words": len(target_words)},
            )
            return
        letters = sum(len(w) for w in target_words)
        # A target rewritten in the source's language still shares many of its words; a translation
        # shares few (names, numbers). Only then is language detection, the costly part, worth running.
        shared = copied >= DETECT_SHARED_SHARE * len(target_words)
        if shared and letters >= DETECT_MIN_LETTERS and ctx.source_language != ctx.target_language:
            from mtcheck.read.language import detect_language_probabilities

            best = detect_language_probabilities(target, limit=300, trials=1)
            if best and best[0][0].split("-")[0] == ctx.source_language and best[0][1] >= DETECT_CONFIDENCE:
                yield finding(
                    index,
                    segment,
                    rule="MT-SEG-SOURCE-LANGUAGE",
                    severity="warning",
                    message=f"the translation reads as {ctx.source_language}, the source language, "
                    f"not {ctx.target_language}",
                    details={"detected": best[0][0], "probability": round(best[0][1], 3)},
                )
