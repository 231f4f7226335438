"""glossary: keep terms intact, never use forbidden ones, prefer the preferred, render bilingual terms."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from mtcheck.checks.align import align, find_words, squash, tokenize
from mtcheck.checks.base import Check, CheckContext
from mtcheck.checks.emit import make
from mtcheck.checks.glossary_file import Glossary, GlossaryEntry, load_glossary
from mtcheck.results import Finding, SentenceResult

KEEP_RULE = "MT-GLOSSARY-KEEP"
FORBIDDEN_RULE = "MT-GLOSSARY-FORBIDDEN"
PREFERRED_RULE = "MT-GLOSSARY-PREFERRED"
TARGET_RULE = "MT-GLOSSARY-TARGET"
# An inflected rendering may add this many letters to a single-word target term (Vertrag -> Vertrages).
INFLECTION_SLACK = 3
_LOADED: dict[tuple[str, float], Glossary] = {}


def glossary_for(ctx: CheckContext) -> Glossary | None:
    """ctx.extras["glossary"], else the file named by Settings.glossary (loaded once), else None."""
    given = ctx.extras.get("glossary")
    if isinstance(given, Glossary):
        return given
    if ctx.settings.glossary is None:
        return None
    path = Path(ctx.settings.glossary)
    key = (str(path), path.stat().st_mtime if path.exists() else 0.0)
    if key not in _LOADED:
        _LOADED[key] = load_glossary(path)
    return _LOADED[key]


def occurrences(text: str, term: str) -> Iterator[tuple[int, int]]:
    """Spans where term appears as whole words (case-insensitive, any run of spaces)."""
    words = [re.escape(w) for w in term.split()]
    if not words:
        return
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
    for m in pattern.finditer(text):
        yield m.start(), m.end()


def rendered(term: str, text: str) -> bool:
    """True when text contains term (a single-word term may carry a short inflection)."""
    tokens = tokenize(text)
    if find_words(term.split(), tokens):
        return True
    key = squash(term)
    if len(term.split()) != 1 or len(key) < 4:
        return False
    return any(squash(t.text).startswith(key) and len(squash(t.text)) - len(key) <= INFLECTION_SLACK for t in tokens)


class GlossaryCheck(Check):
    """Glossary violations as error findings at the term's span (preferred variants: warning)."""

    name = "glossary"
    kind = "glossary"
    rule_ids = (KEEP_RULE, FORBIDDEN_RULE, PREFERRED_RULE, TARGET_RULE)
    needs_roundtrip = False

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        glossary = glossary_for(ctx)
        if glossary is None:
            return []
        found: list[Finding | None] = []
        for entry in glossary.for_language(ctx.language):
            base: dict[str, object] = {
                "term": entry.term,
                "status": entry.status,
                "note": entry.note,
                "glossary": glossary.path,
            }
            if entry.status == "forbidden":
                for start, end in occurrences(ctx.text, entry.term):
                    use = f"; use '{entry.replacement}'" if entry.replacement else ""
                    message = f"'{ctx.text[start:end]}' is forbidden by the glossary{use}"
                    details = {**base, "replacement": entry.replacement}
                    found.append(_make(ctx, FORBIDDEN_RULE, "error", message, start, end, details))
            elif entry.status == "preferred":
                for variant in entry.variants:
                    for start, end in occurrences(ctx.text, variant):
                        message = f"The glossary prefers '{entry.term}' to '{ctx.text[start:end]}'"
                        details = {**base, "replacement": entry.term, "variant": variant}
                        found.append(_make(ctx, PREFERRED_RULE, "warning", message, start, end, details))
            if entry.status == "keep" or entry.translations:
                found += self._roundtrip(ctx, entry, base)
        return sorted((f for f in found if f is not None), key=lambda f: (f.start or 0, f.rule or ""))

    def _roundtrip(self, ctx: CheckContext, entry: GlossaryEntry, base: dict[str, object]) -> list[Finding | None]:
        """keep terms must come back unchanged; bilingual terms must be rendered as listed."""
        found: list[Finding | None] = []
        for start, end in occurrences(ctx.text, entry.term):
            sentence = _sentence(ctx, start, end)
            if sentence is None:
                continue
            if entry.status == "keep":
                found.append(_keep(ctx, entry, base, sentence, start, end))
            for p in sentence.pivots:
                wanted = entry.translations.get(p.pivot_language)
                if not wanted or any(rendered(w, p.pivot) for w in wanted):
                    continue
                expected = " or ".join(f"'{w}'" for w in wanted)
                message = f"'{entry.term}' should be rendered {expected} in the {p.pivot_language} translation"
                details = {**base, "pivot": p.pivot_language, "expected": list(wanted), "translation": p.pivot}
                found.append(_make(ctx, TARGET_RULE, "error", message, start, end, details, sentence.index))
        return found


def _keep(
    ctx: CheckContext, entry: GlossaryEntry, base: dict[str, object], s: SentenceResult, start: int, end: int
) -> Finding | None:
    original = ctx.text[s.start : s.end]
    lost = [p for p in s.pivots if not find_words(ctx.text[start:end].split(), tokenize(p.roundtrip))]
    if not lost:
        return None
    became = {p.pivot_language: align(original, p.roundtrip).counterpart(start - s.start, end - s.start) for p in lost}
    parts = [f"'{b}' via {lang}" if b else f"lost via {lang}" for lang, b in became.items()]
    first = next(iter(became.items()))
    message = (
        f"Glossary term '{ctx.text[start:end]}' must be kept but did not survive the round trip: {'; '.join(parts)}"
    )
    details = {
        **base,
        "became": first[1],
        "pivot": first[0],
        "result": "changed" if first[1] else "lost",
        "renderings": became,
    }
    return _make(ctx, KEEP_RULE, "error", message, start, end, details, s.index)


def _sentence(ctx: CheckContext, start: int, end: int) -> SentenceResult | None:
    return next((s for s in ctx.sentences if s.start <= start and end <= s.end), None)


def _make(
    ctx: CheckContext,
    rule: str,
    severity: str,
    message: str,
    start: int,
    end: int,
    details: dict[str, object],
    sentence: int | None = -1,
) -> Finding | None:
    return make(
        ctx,
        kind="glossary",
        rule=rule,
        severity=severity,  # type: ignore[arg-type]
        message=message,
        start=start,
        end=end,
        details=details,
        sentence=sentence,
    )
