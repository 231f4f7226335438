"""Find disclaimer phrases in a matching view and weigh each by its context."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mtcheck.detect.context import (
    CODE_PREPOSITION,
    FIRST_PART,
    FROM_LANGUAGE,
    INITIAL_CUT,
    LABEL_PREFIX,
    LEAD,
    Boundaries,
    Context,
    build_context,
    count_words,
    head_words,
    tail_words,
    word_iter,
)
from mtcheck.detect.normalize import View
from mtcheck.detect.patterns import Rules, rules_for, shared

STRONG, WEAK = 0.5, 0.25
_PROSE_STOP = re.compile(r"[.!?。](?:\s|$)")
SOURCE_GAP = 40  # characters between "translated from X" and "show original" for them to form one badge


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


def _has(rules: Rules, cue: str, text: str) -> bool:
    pattern = rules.cues[cue]
    return bool(pattern is not None and pattern.search(text))


def _blocked(rules: Rules, ctx: Context, category: str, match: str) -> bool:
    """Negated, hypothetical or about code: not a claim that this text was machine translated."""
    b = rules.boundaries
    near_pre = tail_words(ctx.pre, 6, b)
    if (
        _has(rules, "negation", near_pre)
        or _has(rules, "negation", match)
        or (category == "verb" and _has(rules, "negation", ctx.span))
        or _has(rules, "negation_after", head_words(ctx.post, 3, b))
    ):
        return True
    if category == "label" and _has(rules, "negation", head_words(ctx.post, 3, b)):
        return True
    if _has(rules, "hypothetical", ctx.pre) or _has(rules, "hypothetical_after", head_words(ctx.post, 3, b)):
        return True
    common = shared()
    if common.code_cues.search(ctx.clause):
        return True
    return bool(re.search(CODE_PREPOSITION + f"(?:{common.code_names.pattern})", ctx.clause))


def _weigh(rules: Rules, ctx: Context, category: str) -> tuple[str, float]:
    b = rules.boundaries
    if category == "watermark":
        return "engine_watermark", 0.95
    if ctx.question and category != "original":  # a question is not a statement about this text
        return "mention", 0.15
    first_post = FIRST_PART.split(ctx.post)[0]
    local = ctx.pre + " " + first_post
    if ctx.quoted_example or _has(rules, "generic", ctx.pre) or _has(rules, "languages", local):
        return "mention", 0.15
    if _has(rules, "ui", ctx.sentence) or _picker(ctx):
        return "mention", 0.15
    if category == "original":
        return ("mention", 0.1) if _has(rules, "human", ctx.clause) else ("original", 0.3)
    if category == "disclaimer":
        return "disclaimer", 0.9
    pre = LABEL_PREFIX.sub("", ctx.pre) if ":" in ctx.pre else ctx.pre
    # "English translation by DeepL", "Aus dem Englischen mit KI übersetzt": the source language may lead.
    initial = count_words(FROM_LANGUAGE.sub(" ", INITIAL_CUT.sub("", pre)), b) == 0
    is_self = _has(rules, "self", pre)
    post_words = count_words(first_post, b)
    cont = rules.cues["continuation"]
    aux = rules.cues["aux"]
    continues = cont is None or post_words <= 2 or bool(cont.match(LEAD.sub("", first_post)))
    predicative = aux is not None and bool(aux.search(tail_words(pre, 3, b)))
    if category == "label" and is_self and _nominal(rules, pre) and (post_words <= 2 or continues):
        return "disclaimer", 0.85  # "This article is a machine translation of ..."
    if category == "label":
        alone = ctx.segment_words == 0 and not ctx.run_on
        # "Machine translation from German", "Automatic translation by DeepL"
        common = shared()
        introduced = (
            ctx.segment_words <= 3
            and initial
            and bool(common.language_regex.search(ctx.segment_post) or re.search(common.engine_any, ctx.segment_post))
        )
        return ("badge", 0.6) if alone or introduced else ("mention", 0.1)
    if category == "source":  # "Translated from German": a badge only next to "Show original" (see find_hits)
        return ("mention", 0.1) if _has(rules, "human", ctx.clause) else ("mention", 0.2)
    if category == "verb":  # a translation verb next to an engine name
        if _has(rules, "human", ctx.clause):
            return "mention", 0.1
        # "Von Google übersetzt", "Door DeepL vertaald": only the agent's preposition before the engine.
        agent = rules.cues["agent"]
        led = agent is not None and bool(agent.fullmatch(INITIAL_CUT.sub("", pre).strip()))
        if (initial or is_self or led) and (post_words <= 1 or continues or predicative) and _tight(rules, ctx.gap):
            return "disclaimer", 0.85
        return "mention", WEAK
    # category == "predicate"
    if initial and post_words == 0 and ctx.segment_words <= 2 and not ctx.pre.strip():
        return "badge", 0.7
    # "Machine-translated content – may contain errors": the participle names the page's own text.
    if is_self and (continues or predicative):
        return "disclaimer", 0.9
    # "Automatically translated from German by DeepL" is a statement; "Machine-translated content"
    # is a label, which a page that discusses machine translation may also use as a heading.
    stated = cont is None or bool(cont.match(LEAD.sub("", first_post)))
    if initial and (stated or predicative):
        return "disclaimer", 0.8
    if initial and (continues or _self_noun_only(rules, first_post)):
        return "badge", 0.7
    return "mention", WEAK


def _tight(rules: Rules, gap: str) -> bool:
    """Between a verb and its engine only connecting words: "translated from German into English by"."""
    if rules.boundaries == "none" or not gap.strip():
        return True
    rest = FROM_LANGUAGE.sub(" ", gap)
    for cue in ("continuation", "articles", "aux", "agent"):
        pattern = rules.cues[cue]
        if pattern is not None:
            rest = pattern.sub(" ", rest)
    return sum(1 for w in word_iter(rest, rules.boundaries) if len(w.group(0)) > 1) <= 2


def _self_noun_only(rules: Rules, post: str) -> bool:
    """The words after a participle are one or two words about the text itself: "... content", "... article"."""
    words = word_iter(post, rules.boundaries) if rules.boundaries != "none" else []
    return 0 < len(words) <= 2 and _has(rules, "self", post) and not _has(rules, "aux", post)


def _nominal(rules: Rules, pre: str) -> bool:
    """The clause so far ends in a copula and maybe an article: "this text is a ..."."""
    aux, articles = rules.cues["aux"], rules.cues["articles"]
    if aux is None:
        return False
    tail = pre.rstrip()
    if articles is not None:
        ending = [m for m in articles.finditer(tail) if m.end() == len(tail)]
        if ending:
            tail = tail[: ending[-1].start()].rstrip()
    return any(m.end() == len(tail) for m in aux.finditer(tail))


def _picker(ctx: Context) -> bool:
    """A language picker: "English | Deutsch | Français (machine translated)"."""
    names = shared().language_regex
    # Names inside the phrase's own brackets ("English (machine translated from Arabic)") do not count.
    after = ctx.post.split(")", 1)[1][:80] if ")" in ctx.post else ""
    if len(names.findall(ctx.sentence_pre)) + len(names.findall(after)) < 2:
        return False
    return bool(re.search(rf"(?:{names.pattern})\w*\s*[(\-–:]?\s*$", ctx.pre))


def _engine_near(text: str, start: int, end: int, left: int, right: int, reach: int) -> tuple[int, int] | None:
    """The span of an engine name within `reach` characters of [start, end) inside the clause."""
    lo, hi = max(left, start - reach), min(right, end + reach)
    window = text[lo:hi]
    found = None
    for _, pattern in shared().engines:
        for m in pattern.finditer(window):
            s, e = m.start() + lo, m.end() + lo
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
    for rules in rules_for(text):
        for category, pattern in rules.patterns.items():
            for m in pattern.finditer(text):
                start, end = m.start(), m.end()
                if start == end:
                    continue
                left, right = bounds.clause(start, end)
                gap = ""
                if category == "verb":
                    reach = 24 if rules.boundaries == "none" else 60
                    span = _engine_near(text, start, end, left, right, reach)
                    if span is None:
                        continue
                    gap = text[span[1] : start] if span[1] <= start else text[end : span[0]]
                    start, end = min(start, span[0]), max(end, span[1])
                ctx = build_context(text, bounds, start, end, rules, gap)
                if _blocked(rules, ctx, category, m.group(0)):
                    continue
                kind, weight = _weigh(rules, ctx, category)
                hit = Hit(kind, weight, left, right, start, end, rules.code, category)
                key = (left, right, category if category in ("source", "original") else "")
                old = best.get(key)
                if old is None or hit.weight > old.weight:
                    best[key] = hit
    return sorted(_pair_sources(best, text), key=lambda h: h.start)


def _pair_sources(best: dict[tuple[int, int, str], Hit], text: str) -> list[Hit]:
    """A "translated from German" next to "Show original": together, a platform's machine-translation badge."""
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
        if h.category == "source" and h.weight >= 0.2 and any(beside(h, o) for o in links):
            h = Hit("badge", 0.6, h.start, h.end, h.match_start, h.match_end, h.language, h.category)
        out.append(h)
    strongest: dict[tuple[int, int], Hit] = {}
    for h in out:  # one hit per clause again
        old = strongest.get((h.start, h.end))
        if old is None or h.weight > old.weight:
            strongest[(h.start, h.end)] = h
    return list(strongest.values())
