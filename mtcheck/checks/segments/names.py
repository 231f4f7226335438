"""Names and Latin-script tokens of the source (brands, acronyms, codes) kept in the target."""

from __future__ import annotations

import re
from collections.abc import Iterable

from mtcheck.checks.align import squash
from mtcheck.checks.segments.base import SegmentCheck, SegmentContext, finding
from mtcheck.checks.segments.script import language_script
from mtcheck.checks.segments.tokens import mask
from mtcheck.read.units import Segment
from mtcheck.results import Finding

_LATIN_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:[-.&'][A-Za-z0-9]+)*")
# In a Latin-script source only these survive translation reliably: acronyms, mixed case, letters with digits.
_CODE_LIKE = re.compile(r"^(?:[A-Z]{2,}[A-Za-z]*|[a-z]+[A-Z][A-Za-z]*|[A-Z][a-z]+[A-Z][A-Za-z]*|.*\d.*)$")


def kept_tokens(source: str, source_language: str) -> list[str]:
    """Tokens of the source that a translation should keep as they are."""
    tokens = [m.group() for m in _LATIN_TOKEN.finditer(mask(source))]
    if language_script(source_language) == "Latin":
        tokens = [t for t in tokens if _CODE_LIKE.match(t) and not t.isdigit()]
    else:
        tokens = [t for t in tokens if len(t) > 1]
    return list(dict.fromkeys(tokens))


class NameCheck(SegmentCheck):
    """A source token such as 'iPhone', 'NATO' or 'A380' missing from the target."""

    name = "names"
    rule_ids = ("MT-SEG-NAME",)

    def check(self, ctx: SegmentContext, index: int, segment: Segment, target: str) -> Iterable[Finding]:
        tokens = kept_tokens(segment.source, ctx.source_language)
        if not tokens:
            return
        squashed = squash(target)
        words = {squash(w) for w in _LATIN_TOKEN.findall(target)}
        missing = [t for t in tokens if squash(t) not in words and squash(t) not in squashed]
        if missing:
            yield finding(
                index,
                segment,
                rule="MT-SEG-NAME",
                severity="info",  # a whole-segment span: never above chance (docs/quality-bilingual.md)
                message=f"{', '.join(missing)} from the source is not in the translation: names, brands and "
                "codes are usually kept as they are",
                details={"missing": missing},
            )
