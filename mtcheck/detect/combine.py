"""A learned combinator over the concept readings: language-independent features of what detect() read.

The hand combinator (concepts.read) weighs the concepts one fragment holds with fixed weights. This module
describes a text by what the rules and the concept layer found in it - which concepts the best reading holds
and some pairs of them, the reading scores, the evidence kinds and weights, code-line and UI-message flags -
and by its shape (length bucket, sentence count, how it ends and opens, brackets, code characters, URLs).
It never looks at the words, n-grams or language of the text, so what a model learns over these features is
meant to carry to languages and sites it was not fitted on.

`scripts/train_combine.py` fits a logistic regression over these features and measures it leave-one-set-out
against the rules. It did not separate notices from tricky negatives clearly better than the rules, so detect()
does not use it (docs/detection.md, "A learned combinator over concept readings"): this module is the feature
extractor and the scorer of that experiment, pure Python.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from mtcheck.detect import concepts
from mtcheck.detect.context import TRAILING_ELLIPSIS, WIDE_CHAR, line_around, ui_message
from mtcheck.detect.deferred import deferred
from mtcheck.detect.matcher import STRONG
from mtcheck.results import Evidence

# concept pairs that the hand combinator weighs together
PAIRS = (
    ("machine", "done"),
    ("machine", "content"),
    ("machine", "deixis"),
    ("deixis", "done"),
    ("content", "done"),
    ("machine", "caveat"),
    ("machine", "sourced"),
    ("topic", "machine"),
    ("human", "machine"),
    ("negation", "machine"),
    ("future", "machine"),
    ("action", "machine"),
)
READING_CONCEPTS = (*concepts.CONCEPTS, "sourced")
HIT_KINDS = ("disclaimer", "badge", "engine_watermark", "mention", "original")
HIT_CATEGORIES = ("disclaimer", "label", "verb", "predicate", "source", "watermark", "original")
WORD_BUCKETS = (3, 6, 12, 25, 50)  # upper bounds (words; a wide character counts half a word)
_LIST_MARK = deferred(r"^\s*(?:[-*•·–—>]|\d{1,3}[.)]|[a-z][.)])\s")
_CODE_CHARS = deferred(r"[{}<>=;`_$\\|]")
_URL = deferred(r"https?://|www\.")


def _words(text: str) -> float:
    wide = len(WIDE_CHAR.findall(text))
    return len(text.split()) + wide / 2


def _bucket(name: str, value: float, bounds: tuple[int, ...], out: dict[str, float]) -> None:
    for bound in bounds:
        if value <= bound:
            out[f"{name}<={bound}"] = 1.0
            return
    out[f"{name}>{bounds[-1]}"] = 1.0


def _best_reading(text: str) -> tuple[concepts.Reading | None, int, int, int, bool, str, frozenset[str]]:
    """The best concept reading of the text's candidate fragments (highest score, then most positive concepts),
    how many fragments were read, how many scored above 0, how many lines were dropped as code, whether any
    fragment had no reading (a code or count line), the UI-message kind of the best fragment and the concepts of
    all readings together."""
    held: frozenset[str] = frozenset()
    best: concepts.Reading | None = None
    best_key = (-1.0, -1)
    read = positive = dropped = 0
    unread = False
    message = ""
    for s, e, _ in concepts._candidates(text):
        piece = text[s:e].strip()
        if len(piece) < 4:
            continue
        if concepts.code_line(line_around(text, s, e)):
            dropped += 1
            continue
        reading = concepts.read(text[s:e])
        read += 1
        if reading is None:
            unread = True
            continue
        positive += reading.score > 0
        held |= reading.concepts
        key = (reading.score, len(reading.concepts & concepts._POSITIVE))
        if key > best_key:
            best, best_key = reading, key
            message = ui_message(piece, "space")
    return best, read, positive, dropped, unread, message, held


def features(text: str, evidence: tuple[Evidence, ...], score: float | None,
             hits: list[tuple[str, str, float]]) -> dict[str, float]:  # fmt: skip
    """Language-independent features of a text: its best concept reading, the rules' hits (kind, category, weight),
    detect()'s evidence and score, and its shape. Never a word, an n-gram or the language."""
    out: dict[str, float] = {"bias": 1.0}
    reading, read, positive, dropped, unread, message, anywhere = _best_reading(text)
    if reading is not None:
        held = reading.concepts
        for concept in READING_CONCEPTS:
            if concept in held:
                out[f"c:{concept}"] = 1.0
        for a, b in PAIRS:
            if a in held and b in held:
                out[f"p:{a}+{b}"] = 1.0
        if "machine" not in held and "done" in held:
            out["p:done-machine"] = 1.0
        out["r:score"] = reading.score
        out["r:positive"] = float(reading.score > 0)
        out["r:slots"] = float(min(reading.slots, 2))
        out["r:concepts"] = len(held & concepts._POSITIVE) / 5
    else:
        out["r:none"] = 1.0
    for concept in anywhere - (reading.concepts if reading is not None else frozenset()):
        out[f"u:{concept}"] = 1.0  # a concept of another fragment than the best one
    out["r:read>1"] = float(read > 1)
    out["r:positive>1"] = float(positive > 1)
    out["r:code_line"] = float(dropped > 0)
    out["r:unread"] = float(unread)
    if message:
        out[f"ui:{message}"] = 1.0
    # the phrase rules' hits, by kind
    mentions = 0
    for kind, category, weight in hits:
        key = f"h:{kind if kind in HIT_KINDS else 'other'}"
        out[key] = max(out.get(key, 0.0), weight)
        key = f"hc:{category if category in HIT_CATEGORIES else 'other'}"
        out[key] = max(out.get(key, 0.0), weight + 0.01)  # (a category seen at weight 0 is still seen)
        mentions += kind == "mention"
    out["h:mentions>1"] = float(mentions > 1)
    out["h:strong"] = float(any(w >= STRONG for _, _, w in hits))
    # detect()'s evidence: phrase-rule evidence and concept evidence are told apart by whether a hit made them
    for e in evidence:
        group = "language" if e.kind in ("language", "fragment") else "notice"
        key = f"e:{group}"
        out[key] = max(out.get(key, 0.0), e.weight)
    out["e:score"] = score or 0.0
    # shape
    stripped = text.strip()
    _bucket("w", _words(stripped), WORD_BUCKETS, out)
    sentences = len(concepts.fragments(stripped))
    _bucket("s", sentences, (1, 2, 4), out)
    if stripped.endswith(("!", "！")):
        out["end:!"] = 1.0
    elif TRAILING_ELLIPSIS.search(stripped):
        out["end:..."] = 1.0
    elif stripped.endswith(("?", "？")):
        out["end:?"] = 1.0
    elif stripped.endswith((":", "：")):
        out["end::"] = 1.0
    elif stripped.endswith((".", "。", "।")):
        out["end:."] = 1.0
    if _LIST_MARK.search(stripped):
        out["list"] = 1.0
    if any(ch in stripped for ch in "()[]（）【】"):
        out["brackets"] = 1.0
    if any(ch in stripped for ch in '"“”„«»「」『』'):
        out["quotes"] = 1.0
    if _CODE_CHARS.search(stripped):
        out["code_chars"] = 1.0
    if _URL.search(stripped):
        out["url"] = 1.0
    return {k: v for k, v in out.items() if v}  # (a feature at 0 weighs nothing)


def rule_hits(text: str) -> list[tuple[str, str, float]]:
    """(kind, category, weight) of the phrase rules' hits in a plain text, as detect() weighs them before evidence."""
    from mtcheck.detect import core  # imported here: detect() never loads this module, and the package stays light

    return [(f.hit.kind, f.hit.category, f.hit.weight) for f in core._scan(text, 0, None, None, len(text), ())]


def probability(weights: Mapping[str, float], feats: Mapping[str, float]) -> float:
    """The logistic model's P(notice) for a feature dict."""
    z = sum(weights.get(k, 0.0) * v for k, v in feats.items())
    if z < -30:
        return 0.0
    return 1 / (1 + math.exp(-z))
