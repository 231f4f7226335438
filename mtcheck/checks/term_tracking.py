"""Following each term of the document through every pivot: kept, changed into what, or lost."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from mtcheck.checks.align import Alignment, Token, align, find_words, squash, tokenize
from mtcheck.checks.base import CheckContext
from mtcheck.checks.terms import Term, extract_terms, numbers_in
from mtcheck.results import PivotResult, SentenceResult

NUMERIC = ("number", "date")
# Two renderings at least this similar (letters only) count as the same rendering.
SAME_RENDERING = 0.85
# A stretch of the pivot text at least this similar to a term is taken as its rendering.
PIVOT_MATCH = 0.6
# A name or compound in the round trip may carry this many extra letters (plural, genitive).
INFLECTION_SLACK = 2
_POSSESSIVE = re.compile(r"(\w)['’]s\b")


@dataclass(frozen=True)
class Fate:
    """What one pivot's round trip did to one occurrence of a term."""

    pivot: str
    status: str  # kept | changed | lost
    became: str  # the round-trip counterpart ("" when lost; the term itself when kept)
    pivot_rendering: str | None  # the stretch of the pivot text that renders the term, if found


@dataclass(frozen=True)
class Occurrence:
    """One term at one place of the document, with its fate through each pivot."""

    term: Term  # offsets index the document text
    sentence: SentenceResult
    fates: tuple[Fate, ...] = field(default_factory=tuple)


def similarity(a: str, b: str, at_least: float = 0.0) -> float:
    """Letters-and-digits similarity 0..1 ('Kremlin' vs 'Kreml' is about 0.83).

    With `at_least`, a pair whose cheap upper bounds are already below it returns that bound at once:
    the full ratio is quadratic, and a bad model's renderings can be long.
    """
    x, y = squash(a), squash(b)
    if not x or not y:
        return 0.0
    matcher = SequenceMatcher(None, x, y, autojunk=False)
    for bound in (matcher.real_quick_ratio, matcher.quick_ratio):
        upper = bound()
        if upper < at_least:
            return upper
    return matcher.ratio()


@lru_cache(maxsize=64)
def _words(text: str) -> tuple[Token, ...]:
    return tuple(t for t in tokenize(text) if t.is_word)


@lru_cache(maxsize=64)
def _roundtrip_tokens(roundtrip: str) -> tuple[Token, ...]:
    return tuple(tokenize(_POSSESSIVE.sub(r"\1", roundtrip)))


@lru_cache(maxsize=64)
def _alignment(original: str, roundtrip: str) -> Alignment:
    return align(original, roundtrip)


def pivot_rendering(term: Term, pivot_text: str) -> str | None:
    """The stretch of the pivot text most like the term (names and numbers often carry over)."""
    return _pivot_rendering(term.text, pivot_text)


@lru_cache(maxsize=4096)  # a term repeated in repeated sentences is looked for once
def _pivot_rendering(text: str, pivot_text: str) -> str | None:
    tokens = _words(pivot_text)
    exact = find_words(text.split(), tokens)
    if exact:
        return pivot_text[tokens[exact[0]].start : tokens[exact[1] - 1].end]
    key = squash(text)
    if not key:
        return None
    keys = [squash(t.text) for t in tokens]
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(key)  # the term side is analysed once
    n = max(1, len(text.split()))
    best, best_score = None, PIVOT_MATCH
    for i in range(len(tokens)):
        joined = ""
        for j in range(i, min(len(tokens), i + n + 2)):
            joined += keys[j]
            matcher.set_seq1(joined)
            if matcher.real_quick_ratio() <= best_score or matcher.quick_ratio() <= best_score:
                continue
            score = matcher.ratio()
            if score > best_score:
                best, best_score = pivot_text[tokens[i].start : tokens[j].end], score
    return best


def _slack(term: Term) -> int:
    """Letters an inflection may add to a name or compound (Korean -> Koreans); none for acronyms."""
    return INFLECTION_SLACK if term.kind in ("name", "compound") and len(term.key) >= 4 else 0


def follow(term: Term, local: tuple[int, int], original: str, result: PivotResult) -> Fate:
    """The fate of a term (local span in the sentence) through one pivot's round trip."""
    roundtrip = result.roundtrip
    lang = result.pivot_language
    rendering = pivot_rendering(term, result.pivot)
    if term.kind in NUMERIC:
        wanted, got = Counter(numbers_in(term.text)), Counter(numbers_in(roundtrip))
        if wanted and not wanted - got:
            return Fate(lang, "kept", term.text, rendering)
    elif find_words(term.text.split(), _roundtrip_tokens(roundtrip), _slack(term)):
        return Fate(lang, "kept", term.text, rendering)
    became = _alignment(original, roundtrip).counterpart(*local)
    if not any(ch.isalnum() for ch in became):
        return Fate(lang, "lost", "", rendering)
    return Fate(lang, "changed", became, rendering)


_LAST: list[tuple[CheckContext, list[Occurrence]]] = []  # the check and term_table share one pass


def occurrences(ctx: CheckContext) -> list[Occurrence]:
    """Every term inside a sentence, followed through every pivot of that sentence."""
    if _LAST and _LAST[0][0] is ctx:
        return _LAST[0][1]
    found = _occurrences(ctx)
    _LAST[:] = [(ctx, found)]
    return found


def _occurrences(ctx: CheckContext) -> list[Occurrence]:
    terms = extract_terms(ctx.text, ctx.language or "", (s.start for s in ctx.sentences))
    found: list[Occurrence] = []
    k = 0
    for s in ctx.sentences:
        original = ctx.text[s.start : s.end]
        while k < len(terms) and terms[k].start < s.start:
            k += 1
        while k < len(terms) and terms[k].end <= s.end:
            term = terms[k]
            local = (term.start - s.start, term.end - s.start)
            fates = tuple(follow(term, local, original, p) for p in s.pivots)
            found.append(Occurrence(term, s, fates))
            k += 1
    return found


def clusters(renderings: list[str]) -> list[list[str]]:
    """Group renderings that are the same up to case, spacing, hyphens and small inflections."""
    groups: list[list[str]] = []
    for text in renderings:
        for group in groups:
            if similarity(group[0], text, at_least=SAME_RENDERING) >= SAME_RENDERING:
                group.append(text)
                break
        else:
            groups.append([text])
    return groups


@dataclass
class _Row:
    term: str
    kind: str
    occurrences: int = 0
    sentences: list[int] = field(default_factory=list)
    kept: int = 0
    changed: int = 0
    lost: int = 0
    renderings: dict[str, list[str]] = field(default_factory=dict)  # pivot -> round-trip renderings
    pivot_renderings: dict[str, list[str]] = field(default_factory=dict)  # pivot -> pivot-text renderings


def term_table(ctx: CheckContext) -> list[dict[str, Any]]:
    """One row per distinct term: occurrences, kept/changed/lost counts over pivots, renderings."""
    rows: dict[str, _Row] = {}
    for occ in occurrences(ctx):
        row = rows.setdefault(occ.term.key, _Row(occ.term.text, occ.term.kind))
        row.occurrences += 1
        if occ.sentence.index not in row.sentences:
            row.sentences.append(occ.sentence.index)
        for fate in occ.fates:
            setattr(row, fate.status, getattr(row, fate.status) + 1)
            _add(row.renderings, fate.pivot, fate.became)
            _add(row.pivot_renderings, fate.pivot, fate.pivot_rendering)
    return [asdict(row) for row in rows.values()]


def _add(table: dict[str, list[str]], pivot: str, text: str | None) -> None:
    seen = table.setdefault(pivot, [])
    if text and text not in seen:
        seen.append(text)
