"""Find disclaimer phrases in a matching view and weigh each by its context."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from mtcheck.detect import asides, concepts, scan
from mtcheck.detect.context import (
    CODE_PREPOSITION,
    CONTEXT_CHARS,
    Boundaries,
    Context,
    after_last_cut,
    build_context,
    head_words,
    names_a_language,
    tail_words,
)
from mtcheck.detect.deferred import deferred
from mtcheck.detect.normalize import View
from mtcheck.detect.patterns import Rules, rules_for, shared
from mtcheck.detect.weigh import has as _has
from mtcheck.detect.weigh import weigh

STRONG = 0.5
# A phrase printed or logged by code, or in a comment trailing code on its line: `print(f"Auto-translated: {n}")`,
# `Task("mt", "MT")  # Machine translation`. Not an i18n call (`t("...")`, `gettext("...")`): those are page text.
_CODE_LINE = deferred(
    r"(?:\bprint(?:ln|f)?!?|\bputs|\becho|\bconsole\.\w+|\blog(?:ger|ging)?\.\w+|\bfmt\.\w+|\bsystem\.out\.\w+"
    r"|\bwarn(?:ings\.warn)?|\bassert\w*)\s*\(\s*[a-z]?[\"'`]|[a-z_][\w.]*\(\s*[a-z]?[\"'`][^()\n]*\)[^()\n]*$"
)
_PROSE_STOP = deferred(r"[.!?。](?:\s|$)")
_BRACKET_END = deferred(r"[)\]]")
SOURCE_GAP = 40  # characters between "translated from X" and "show original" for them to form one badge
# Occurrences of one phrase category weighed in one clause (a clause with no full stop can be a whole page).
MAX_PER_CLAUSE = 32


@dataclass(frozen=True)
class Hit:
    """One phrase found in a view, weighed in its context."""

    kind: str  # disclaimer | badge | engine_watermark | mention | original
    weight: float
    start: int  # the clause, in view offsets
    end: int
    match_start: int
    match_end: int
    language: str
    category: str


def _blocked(rules: Rules, ctx: Context, category: str, match: str) -> bool:
    """Negated, hypothetical or about code: not a claim that this text was machine translated."""
    b = rules.boundaries
    pre = ctx.pre
    apology = rules.cues.get("apology")
    if apology is not None and category == "disclaimer":
        # "Sorry if my English is not good, I used a translator": the apology's "if" and "not" are about the writing.
        match, pre = apology.sub(" ", match), apology.sub(" ", pre)
    near_pre = tail_words(pre, 6, b)
    if (
        _has(rules, "negation", concepts.after_but(rules.code, near_pre))
        or _has(rules, "negation", match)
        or (category == "verb" and _has(rules, "negation", ctx.span))
        or _has(rules, "negation_after", head_words(ctx.post, 3, b))
    ):
        return True
    # "AIで翻訳されたのではなく、翻訳者が翻訳しました": an engine and a verb on either side of "not X but Y"
    if category == "verb" and concepts.contrasts(rules.code, ctx.gap):
        return True
    # "この記事はDeepLではなく、翻訳者が翻訳しました", "この記事は機械翻訳されたものではなく、…": the machine is negated
    if concepts.negated_half(rules.code, ctx.pre, ctx.span, ctx.post):
        return True
    # "Machine translation: not available"; not past a bracket: "[Machine Translation] Re: Order not delivered".
    if category == "label" and _has(rules, "negation", head_words(_BRACKET_END.split(ctx.post, 1)[0], 3, b)):
        return True
    if _has(rules, "hypothetical", pre) or _has(rules, "hypothetical_after", head_words(ctx.post, 3, b)):
        return True
    common = shared()
    # "... instead of one page that is machine translated": the option not taken (no comma between)
    if common.alternatives.search(after_last_cut(pre)):
        return True
    # "LLMs follow English prompts better than machine-translated ones": one side of a comparison
    if common.comparisons.search(tail_words(pre, 2, b)):
        return True
    # "Машинний переклад — це процес …", "Google Translate is a free service …": a definition of the term
    if concepts.defines(ctx.clause):
        return True
    # "… now show a short notice that the page content is machine-translated": a notice reported, not shown
    # (a sign's meaning that names this text is its notice: "The 🌐 icon means that this page was machine translated")
    rep = common.reported.search(pre)
    if rep is not None and not (rep.group("verb") and concepts.names_this(pre[rep.end() :] + " " + match)):
        return True
    if common.code_cue(ctx.clause):
        return True
    # "sentiment analysis, machine translation, and chatbots", "reviews (machine translation), search and filters":
    # one item of a list, or a bracket that qualifies a noun inside prose (see asides.py)
    if category not in ("original", "watermark") and _aside(rules, ctx):
        return True
    return bool(re.search(CODE_PREPOSITION + f"(?:{common.code_names.pattern})", ctx.clause))


def _aside(rules: Rules, ctx: Context) -> bool:
    """The phrase is a list item or a bracketed remark in prose, and no item before it points at this text or names a
    source (a content noun may be an item: "text classification, machine translation, …")."""
    common = shared()

    def names_source(item: str) -> bool:
        return bool(
            names_a_language(item)
            or re.search(common.engine_any, item)
            or concepts.cue_word(rules.code, "deixis", item)
        )

    def points_here(before: str) -> bool:
        return concepts.cue_word(rules.code, "deixis", before)

    return asides.listed(ctx.pre, ctx.post, names_source=names_source) or asides.bracketed_in_prose(
        ctx.pre, ctx.post, points_here=points_here
    )


def _engine_near(text: str, start: int, end: int, left: int, right: int, reach: int) -> tuple[int, int] | None:
    """The span of an engine name within `reach` characters of [start, end) inside the clause."""
    lo, hi = max(left, start - reach), min(right, end + reach)
    found = _engine_in_window(text[lo:hi], start - lo, end - lo)
    return None if found is None else (found[0] + lo, found[1] + lo)


@functools.lru_cache(maxsize=4096)  # a phrase repeated down a page has the same window each time
def _engine_in_window(window: str, start: int, end: int) -> tuple[int, int] | None:
    found = None
    for _, pattern in shared().engines:
        for m in pattern.finditer(window):
            s, e = m.start(), m.end()
            if s < end and e > start:
                return None  # the verb is part of an engine's name: "Google Translate", "Google Çeviri"
            if found is None:
                found = (s, e)
    return found


def find_hits(view: View) -> list[Hit]:
    """Every weighed phrase in the view, one per clause (the strongest)."""
    text = view.text
    bounds = Boundaries(text)
    best: dict[tuple[int, int, str], Hit] = {}
    weighed: dict[tuple[object, ...], tuple[str, float]] = {}
    weighed_in_clause: dict[tuple[int, int, str, str], int] = {}
    for rules in rules_for(text):
        for category in rules.patterns:
            pattern = rules.patterns.for_text(category, text)  # the items that can match here: same matches
            if pattern is None:
                continue
            for m in scan.finditer(pattern, text):  # pattern.finditer(text), quicker on long texts
                start, end = m.start(), m.end()
                if start == end:
                    continue
                left, right = bounds.clause(start, end)
                per_clause = (left, right, rules.code, category)
                if weighed_in_clause.get(per_clause, 0) >= MAX_PER_CLAUSE:
                    continue  # a phrase repeated down an endless clause: its first occurrences say it all
                weighed_in_clause[per_clause] = weighed_in_clause.get(per_clause, 0) + 1
                gap = ""
                engine = None
                if category == "verb":
                    reach = 24 if rules.boundaries == "none" else 60
                    # An engine in quotes after the verb: Переведено сервисом «Яндекс Переводчик».
                    far = bounds.clause(right + 1, right + 1)[1] if text[right : right + 1] == '"' else right
                    span = _engine_near(text, start, end, left, far, reach)
                    if span is None:
                        continue
                    if span[1] > right:  # the clause goes on to the closing quote
                        right = min(len(text), far + 1) if text[far : far + 1] == '"' else far
                    gap = text[span[1] : start] if span[1] <= start else text[end : span[0]]
                    engine = (text[span[0] : span[1]], text[span[1] : span[1] + 40])
                    start, end = min(start, span[0]), max(end, span[1])
                ctx = build_context(text, bounds, start, end, rules, gap)
                line = max(text.rfind("\n", 0, start) + 1, start - CONTEXT_CHARS)  # bounded: a page may be one line
                code = bool(_CODE_LINE.search(text, line, start))
                # A phrase repeated down a page reads the same context again and again: weigh it once.
                memo = (rules.code, category, m.group(0), engine, ctx, code)
                verdict = weighed.get(memo)
                if verdict is None:
                    blocked = code or _blocked(rules, ctx, category, m.group(0))
                    verdict = weighed[memo] = ("", 0.0) if blocked else weigh(rules, ctx, category, engine)
                if not verdict[0]:  # negated, hypothetical or about code
                    continue
                kind, weight = verdict
                hit = Hit(kind, weight, left, right, start, end, rules.code, category)
                key = (left, right, category if category in ("source", "original") else "")
                old = best.get(key)
                if old is None or hit.weight > old.weight:
                    best[key] = hit
    return sorted(_pair_sources(best, text), key=lambda h: h.start)


def _pair_sources(best: dict[tuple[int, int, str], Hit], text: str) -> list[Hit]:
    """A "translated from German" next to "Show original": together, a platform's machine-translation badge.

    So is a participle or an engine credit read as a mention ("Avis traduit par Google · Voir l'original").
    """
    hits = list(best.values())
    links = [h for h in hits if h.category == "original" and h.kind == "original"]
    if not links:
        return hits

    def beside(h: Hit, o: Hit) -> bool:
        # Side by side in one widget ("·", "|", a line break), not two sentences of prose:
        # "This article was translated from French. Read the original here." names no machine.
        lo, hi = min(h.match_end, o.match_end), max(h.match_start, o.match_start)
        return hi - lo <= SOURCE_GAP and not _PROSE_STOP.search(text[lo:hi])

    out = []
    for h in hits:
        paired = h.category in ("source", "predicate", "verb") and h.kind == "mention"
        if paired and h.weight >= 0.2 and any(beside(h, o) for o in links):
            h = Hit("badge", 0.6, h.start, h.end, h.match_start, h.match_end, h.language, h.category)
        out.append(h)
    strongest: dict[tuple[int, int], Hit] = {}
    for h in out:  # one hit per clause again
        old = strongest.get((h.start, h.end))
        if old is None or h.weight > old.weight:
            strongest[(h.start, h.end)] = h
    return list(strongest.values())
