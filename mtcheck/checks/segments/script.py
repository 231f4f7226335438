"""Scripts: which writing system a text is in, and source-script fragments left in a target."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from mtcheck.checks.segments.base import SegmentCheck, SegmentContext, finding
from mtcheck.checks.segments.tokens import mask
from mtcheck.read.units import Segment
from mtcheck.results import Finding

# The script of each language that is not written in Latin letters.
LANGUAGE_SCRIPTS = {
    "zh": "Han", "ja": "Japanese", "ko": "Hangul", "ru": "Cyrillic", "uk": "Cyrillic", "bg": "Cyrillic",
    "sr": "Cyrillic", "mk": "Cyrillic", "be": "Cyrillic", "kk": "Cyrillic", "mn": "Cyrillic", "el": "Greek",
    "ar": "Arabic", "fa": "Arabic", "ur": "Arabic", "he": "Hebrew", "yi": "Hebrew", "th": "Thai",
    "hi": "Devanagari", "mr": "Devanagari", "ne": "Devanagari", "bn": "Bengali", "ta": "Tamil",
    "te": "Telugu", "ka": "Georgian", "hy": "Armenian", "km": "Khmer", "lo": "Lao", "my": "Myanmar",
    "am": "Ethiopic", "gu": "Gujarati", "pa": "Gurmukhi", "kn": "Kannada", "ml": "Malayalam", "si": "Sinhala",
}  # fmt: skip
_NAME_SCRIPTS = {
    "CJK": "Han", "HIRAGANA": "Japanese", "KATAKANA": "Japanese", "HANGUL": "Hangul", "CYRILLIC": "Cyrillic",
    "GREEK": "Greek", "ARABIC": "Arabic", "HEBREW": "Hebrew", "THAI": "Thai", "DEVANAGARI": "Devanagari",
    "BENGALI": "Bengali", "TAMIL": "Tamil", "TELUGU": "Telugu", "GEORGIAN": "Georgian", "ARMENIAN": "Armenian",
    "KHMER": "Khmer", "LAO": "Lao", "MYANMAR": "Myanmar", "ETHIOPIC": "Ethiopic", "GUJARATI": "Gujarati",
    "GURMUKHI": "Gurmukhi", "KANNADA": "Kannada", "MALAYALAM": "Malayalam", "SINHALA": "Sinhala",
    "LATIN": "Latin",
}  # fmt: skip


@lru_cache(maxsize=65536)
def char_script(ch: str) -> str | None:
    """The script of a letter ('Latin', 'Han', 'Cyrillic', ...), None for digits, punctuation, spaces."""
    if ch.isascii():
        return "Latin" if ch.isalpha() else None
    if not (ch.isalpha() or unicodedata.category(ch) == "Lo"):
        return None
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    if first == "FULLWIDTH" and "LATIN" in name:
        return "Latin"
    return _NAME_SCRIPTS.get(first)


def language_script(language: str) -> str:
    """The script a language is written in (Latin unless listed)."""
    return LANGUAGE_SCRIPTS.get(language.split("-")[0].lower(), "Latin")


def script_runs(text: str, script: str) -> list[tuple[int, int]]:
    """Spans of consecutive letters of one script (spaces and punctuation inside a run are kept)."""
    runs: list[tuple[int, int]] = []
    start = last = None
    for i, ch in enumerate(text):
        found = char_script(ch)
        if found == script or (script == "Japanese" and found == "Han"):
            if start is None:
                start = i
            last = i + 1
        elif found is not None and start is not None and last is not None:
            runs.append((start, last))
            start = last = None
    if start is not None and last is not None:
        runs.append((start, last))
    return runs


_HAS_LETTER = re.compile(r"[^\W\d_]")


class SourceScriptCheck(SegmentCheck):
    """Letters of the source's script in a target written in another script: left untranslated."""

    name = "source_script"
    rule_ids = ("MT-SEG-SOURCE-SCRIPT",)

    def check(self, ctx: SegmentContext, index: int, segment: Segment, target: str) -> Iterable[Finding]:
        source_script = language_script(ctx.source_language)
        if source_script == language_script(ctx.target_language):
            return
        masked = mask(target)
        for start, end in script_runs(masked, source_script):
            fragment = target[start:end]
            yield finding(
                index,
                segment,
                rule="MT-SEG-SOURCE-SCRIPT",
                severity="info",  # 2 findings on MQM zh->en: too few to judge (docs/quality-bilingual.md)
                message=f"{source_script} text {fragment!r} left in the translation: translate it, or keep it "
                "only if it is a name meant to stay in its own script",
                start=start,
                end=end,
                details={"script": source_script, "fragment": fragment},
            )
