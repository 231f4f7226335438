"""awkward_phrasing: the words of a low-scoring sentence that did not survive the round trip."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mtcheck.checks.align import Alignment, AlignOp, align
from mtcheck.checks.base import Check, CheckContext
from mtcheck.checks.emit import chrf_severity, downgrade, make, sentence_text, upgrade
from mtcheck.checks.ruleset import function_words
from mtcheck.results import Finding, PivotResult, SentenceResult, Severity, severity_rank

# When at least this share of a sentence's words changed, the whole sentence is at fault.
WHOLE_SENTENCE_SHARE = 0.6
SPAN_RULE = "MT-AWKWARD-SPAN"
SENTENCE_RULE = "MT-AWKWARD-SENTENCE"
HEADLINE_ENDS = (".", "!", "?", ":", ";", '"', "”", "’", "'", "»", "…")


@dataclass(frozen=True)
class Flag:
    """One span of the original flagged through one pivot (offsets local to the sentence)."""

    start: int
    end: int
    op: str  # substitute | delete | insert | rewrite
    counterpart: str
    pivot: str
    chrf: float
    severity: Severity


def _content(text: str, stop: frozenset[str]) -> bool:
    words = [w.casefold().strip("'’") for w in text.split()]
    return any(any(ch.isalnum() for ch in w) and w not in stop for w in words)


def _anchor(al: Alignment, op: AlignOp) -> tuple[int, int]:
    """An insertion has no original span: point at the neighbouring original word."""
    words = [t for t in al.source_tokens if t.is_word]
    before = [t for t in words if t.end <= op.start]
    tok = before[-1] if before else (words[0] if words else None)
    return (tok.start, tok.end) if tok else (0, 0)


def _content_words(text: str, stop: frozenset[str]) -> set[str]:
    words = (w.casefold().strip("'’\".,;:!?()") for w in text.split())
    return {w for w in words if any(ch.isalnum() for ch in w) and w not in stop}


def _reordered(al: Alignment, k: int, stop: frozenset[str]) -> bool:
    """A change that shares a content word with a neighbouring change of the other side: word order
    only ('harbour bridge' -> 'bridge of ... port', 'faction leader' -> 'leader of faction')."""
    op = al.ops[k]
    mine = _content_words(op.roundtrip if op.op == "insert" else op.original, stop)
    for j in range(max(0, k - 2), min(len(al.ops), k + 3)):
        other = al.ops[j]
        if j == k or other.op == "equal" or (op.op == "insert") == (other.op == "insert"):
            continue
        if mine & _content_words(other.original if op.op == "insert" else other.roundtrip, stop):
            return True
    return False


def _headline_start(al: Alignment, op: AlignOp) -> bool:
    """The first word of a headline (no final punctuation) dropped: headline grammar, not a fault."""
    words = [t for t in al.source_tokens if t.is_word]
    headline = not al.original.rstrip().endswith(HEADLINE_ENDS)
    return headline and op.op == "delete" and bool(words) and op.start == words[0].start and op.i2 - op.i1 == 1


def changed_spans(al: Alignment, stop: frozenset[str]) -> list[tuple[int, int, AlignOp]]:
    """Original spans (local offsets) of the content-word changes of one alignment."""
    spans: list[tuple[int, int, AlignOp]] = []
    for k, op in enumerate(al.ops):
        if op.op == "equal" or not op.changes_words:
            continue
        if not _content(op.original + " " + op.roundtrip, stop):
            continue  # only articles, prepositions and the like changed
        if _reordered(al, k, stop) or _headline_start(al, op):
            continue
        start, end = _anchor(al, op) if op.op == "insert" else (op.start, op.end)
        spans.append((start, end, op))
    return spans


def flags_for_pivot(original: str, result: PivotResult, al: Alignment, ctx: CheckContext) -> list[Flag]:
    """The spans one pivot flags (none when its chrF is at or above the awkward threshold)."""
    chrf = result.scores.chrf
    if chrf >= ctx.settings.thresholds.awkward or not original.strip():
        return []
    severity = chrf_severity(chrf, ctx)
    lang = result.pivot_language
    stripped = original.strip()
    lead = original.index(stripped)
    whole = Flag(lead, lead + len(stripped), "rewrite", result.roundtrip.strip(), lang, chrf, severity)
    if al.changed_fraction() >= WHOLE_SENTENCE_SHARE:
        return [whole]
    flags = [
        Flag(start, end, op.op, op.roundtrip, lang, chrf, downgrade(severity) if op.op == "insert" else severity)
        for start, end, op in changed_spans(al, function_words(ctx.language or ""))
    ]
    if not flags:  # the score is low but no word-level change stands out
        return [Flag(whole.start, whole.end, "rewrite", whole.counterpart, lang, chrf, downgrade(severity))]
    return flags


def confirming(group: list[Flag], runs: list[tuple[PivotResult, Alignment]], ctx: CheckContext) -> list[str]:
    """Pivots whose round trip also changed the group's span (flagging it or not)."""
    start, end = min(f.start for f in group), max(f.end for f in group)
    whole = any(f.op == "rewrite" for f in group)
    stop = function_words(ctx.language or "")
    found = {f.pivot for f in group}
    for result, al in runs:
        if whole:
            hit = al.changed_fraction() >= WHOLE_SENTENCE_SHARE
        else:
            hit = any(s < end and e > start for s, e, _ in changed_spans(al, stop))
        if hit:
            found.add(result.pivot_language)
    return sorted(found)


def group_flags(flags: list[Flag]) -> list[list[Flag]]:
    """Overlapping flags (from any pivot) form one group."""
    groups: list[list[Flag]] = []
    end = -1
    for flag in sorted(flags, key=lambda f: (f.start, -f.end)):
        if groups and flag.start < end:
            groups[-1].append(flag)
            end = max(end, flag.end)
        else:
            groups.append([flag])
            end = flag.end
    return groups


def _severity(group: list[Flag], agreement: int, n_pivots: int) -> Severity:
    """Worst member severity; with several pivots, one level lower for one pivot, higher for more."""
    worst = max((f.severity for f in group), key=severity_rank)
    if n_pivots < 2:
        return worst
    return downgrade(worst) if agreement == 1 else upgrade(worst)


def _finding(
    ctx: CheckContext, s: SentenceResult, group: list[Flag], runs: list[tuple[PivotResult, Alignment]]
) -> Finding | None:
    primary = min(group, key=lambda f: f.chrf)
    local_start, local_end = min(f.start for f in group), max(f.end for f in group)
    start, end = s.start + local_start, s.start + local_end
    pivots = confirming(group, runs, ctx)
    n_pivots = len({p.pivot_language for p in s.pivots})
    whole = any(f.op == "rewrite" for f in group)
    text = ctx.text[start:end]
    counterparts = {r.pivot_language: al.counterpart(local_start, local_end) for r, al in runs}
    if whole:
        via = "/".join(pivots)
        message = (
            f"Most of this sentence did not survive the round trip via {via} (chrF {primary.chrf:.1f}): "
            "check that it says what was meant"
        )
    elif primary.op == "insert":
        message = (
            f"The round trip via {primary.pivot} added '{primary.counterpart}' after '{text}': "
            "check whether something is unclear or missing here"
        )
    else:
        became = "; ".join(
            f"dropped via {lang}" if not counterparts.get(lang) else f"'{counterparts[lang]}' via {lang}"
            for lang in pivots
        )
        message = f"'{text}' did not survive the round trip: {became}; check the wording"
    details = {
        "roundtrip": primary.counterpart,
        "op": primary.op,
        "pivot": primary.pivot,
        "chrf": round(primary.chrf, 2),
        "pivots": pivots,
        "agreement": len(pivots),
        "of_pivots": n_pivots,
        "flagged_by": sorted({f.pivot for f in group}),
        "counterparts": counterparts,
        "reason": _reason(primary.op, len(pivots), n_pivots),
    }
    return make(
        ctx,
        kind="awkward_phrasing",
        rule=SENTENCE_RULE if whole else SPAN_RULE,
        severity=_severity(group, len(pivots), n_pivots),
        message=message,
        start=start,
        end=end,
        details=details,
        sentence=s.index,
    )


def _reason(op: str, agreement: int, n_pivots: int) -> str:
    what = {
        "rewrite": "most words changed",
        "delete": "dropped",
        "insert": "words added",
        "substitute": "replaced",
    }.get(op, op)
    if n_pivots > 1:
        return f"{what}; flagged through {agreement} of {n_pivots} pivots"
    return what


class AwkwardPhrasing(Check):
    """Span-level findings for sentences whose round-trip chrF is under the awkward threshold."""

    name = "awkward_phrasing"
    kind = "awkward_phrasing"
    rule_ids = (SPAN_RULE, SENTENCE_RULE)
    needs_roundtrip = True

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        found: list[Finding] = []
        for s in ctx.sentences:
            original = sentence_text(ctx, s)
            runs = [(p, align(original, p.roundtrip)) for p in s.pivots]
            flags = [flag for p, al in runs for flag in flags_for_pivot(original, p, al, ctx)]
            for group in group_flags(flags):
                finding = _finding(ctx, s, group, runs)
                if finding is not None:
                    found.append(finding)
        return found
