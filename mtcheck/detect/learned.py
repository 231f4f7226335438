"""A learned fallback: logistic regression over character n-grams of short text segments.

The phrase rules know the phrasings someone wrote down; this model scores a segment (a short
paragraph, a line, a comment, a metadata value, the head or tail of an edge paragraph) for how much
it reads like a machine-translation notice, in any language. Weights are data
(`data/learned.json`, written by `scripts/train_detect.py`); scoring is a dictionary lookup per
n-gram, pure Python.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from mtcheck.detect.deferred import deferred
from mtcheck.results import Evidence, Position

DATA = Path(__file__).resolve().parent / "data" / "learned.json"
ENABLED = False  # off by default: no gain on the blind set (docs/detection.md, "Learned fallback")
MAX_CHARS = 400  # a segment longer than this is read as its head and tail windows
EDGE_PARAGRAPHS = 3  # paragraphs at the top and bottom always read, whatever their length
MAX_SEGMENTS = 60  # per document, so a long page of short lines stays cheap
# A segment the rules read as a mention needs this score (None: never counts, the rules win).
MENTION_THRESHOLD: float | None = None
_TAG = deferred(r"<[^<>]{0,400}>")
_MD_URL = deferred(r"\]\([^()\s]*\)")
_URL = deferred(r"(?:https?://|www\.)\S+")
_DIGITS = deferred(r"\d+")
_SPACE = deferred(r"\s+")
_PARAGRAPH = deferred(r"\n[ \t]*\n")


def normalise(text: str) -> str:
    """Lower-cased NFKC text without tags or URLs, digits as 0, whitespace collapsed, space-padded."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _URL.sub(" url ", _MD_URL.sub("]", _TAG.sub(" ", text)))
    text = _DIGITS.sub("0", text)
    return " " + _SPACE.sub(" ", text).strip()[:MAX_CHARS] + " "


def ngrams(text: str, low: int = 2, high: int = 5) -> set[str]:
    """The distinct character n-grams of a normalised text."""
    out: set[str] = set()
    for n in range(low, high + 1):
        out.update(text[i : i + n] for i in range(len(text) - n + 1))
    return out


_WORD = deferred(r"\w+")


def word_grams(text: str) -> set[str]:
    """Word unigrams and bigrams of a normalised text, prefixed `w:` (apart from the character n-grams)."""
    words = _WORD.findall(text)
    out = {"w:" + w for w in words}
    out.update(f"w:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return out


def concept_grams(text: str) -> set[str]:
    """Language-independent features from the concept layer's reading: the concepts found, their pairs, and
    whether the combinator accepted the fragment (prefixed `c:`)."""
    from mtcheck.detect.concepts import read

    reading = read(text[: MAX_CHARS * 2])
    if reading is None:
        return {"c:none"}
    found = sorted(reading.concepts | ({"slot"} if reading.slots else set()))
    out = {"c:" + c for c in found} | {f"c:{a}+{b}" for i, a in enumerate(found) for b in found[i + 1 :]}
    out.add("c:accepted" if reading.score > 0 else "c:rejected")
    return out


def features(text: str, low: int = 2, high: int = 5, kind: str = "char") -> set[str]:
    """The features of a raw text: character n-grams, plus word uni- and bigrams (`word` in `kind`) and the
    concept layer's reading (`concept` in `kind`)."""
    norm = normalise(text)
    out = ngrams(norm, low, high)
    if "word" in kind:
        out |= word_grams(norm)
    if "concept" in kind:
        out |= concept_grams(text)
    return out


@dataclass(frozen=True)
class Model:
    """Weights of a logistic regression over binary n-gram features scaled by 1/sqrt(count)."""

    weights: Mapping[str, float]
    bias: float
    threshold: float  # a segment scoring at least this is evidence
    evidence_weight: float  # the Evidence weight it contributes
    low: int = 2
    high: int = 5
    features: str = "char"  # or "char+word"

    def score(self, text: str) -> float:
        """Probability-like score in 0..1 that `text` is a machine-translation notice."""
        grams = features(text, self.low, self.high, self.features)
        if not grams:
            return 0.0
        get = self.weights.get
        z = self.bias + sum(get(g, 0.0) for g in grams) / math.sqrt(len(grams))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def model_from_dict(data: Mapping[str, object]) -> Model:
    """A Model from the JSON layout `scripts/train_detect.py` writes."""
    sizes: list[int] = list(data.get("ngram", [2, 5]))  # type: ignore[call-overload]
    low, high = sizes
    return Model(
        weights=dict(data["weights"]),  # type: ignore[call-overload]
        bias=float(data["bias"]),  # type: ignore[arg-type]
        threshold=float(data["threshold"]),  # type: ignore[arg-type]
        evidence_weight=float(data.get("evidence_weight", 0.55)),  # type: ignore[arg-type]
        low=int(low),
        high=int(high),
        features=str(data.get("features", "char")),
    )


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> Model | None:
    """The shipped model (or the one at `path`); None when the file is missing."""
    file = Path(path) if path else DATA
    if not file.is_file():
        return None
    return model_from_dict(json.loads(file.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class Segment:
    """A piece of the document the model reads."""

    text: str
    start: int | None  # offsets into Document.text, None for comments and metadata
    end: int | None
    position: Position | None  # None: derive from the offsets


def _windows(text: str, start: int) -> list[tuple[str, int, int]]:
    if len(text) <= MAX_CHARS:
        return [(text, start, start + len(text))]
    out = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    if len(lines) > 1:
        out += [(text[s:e], start + s, start + e) for s, e in lines if len(text[s:e].strip()) <= MAX_CHARS]
    out.append((text[:MAX_CHARS], start, start + MAX_CHARS))
    out.append((text[-MAX_CHARS:], start + len(text) - MAX_CHARS, start + len(text)))
    return out


def segments(text: str, paragraphs: Sequence[tuple[int, int]], extras: Iterable[tuple[str, Position]]) -> list[Segment]:
    """Candidate segments: short paragraphs and lines anywhere, edge paragraphs, comments and metadata."""
    spans = list(paragraphs) or [(m.start(), m.end()) for m in re.finditer(r"\S(?:.*?\S)?(?=\n[ \t]*\n|\s*\Z)",
                                                                              text, re.DOTALL)]  # fmt: skip
    out: list[Segment] = []
    seen: set[str] = set()
    last = len(spans) - 1
    for i, (s, e) in enumerate(spans):
        edge = i < EDGE_PARAGRAPHS or i > last - EDGE_PARAGRAPHS
        body = text[s:e]
        if not edge and len(body) > MAX_CHARS and "\n" not in body:
            continue
        for piece, ps, pe in _windows(body, s):
            if piece.strip() and piece not in seen:
                seen.add(piece)
                out.append(Segment(piece, ps, pe, None))
    for value, position in extras:
        for piece, _, _ in _windows(value, 0):
            if piece.strip() and piece not in seen:
                seen.add(piece)
                out.append(Segment(piece, None, None, position))
    if len(out) > MAX_SEGMENTS:  # keep both edges: banners live there
        half = MAX_SEGMENTS // 2
        out = out[:half] + out[-half:]
    return out


def rules_verdict(segment: str) -> str | None:
    """Return "mention" when the rules read the segment as one, "blocked" when they matched and dropped a phrase."""
    from mtcheck.detect.matcher import STRONG, find_hits
    from mtcheck.detect.normalize import build_view
    from mtcheck.detect.patterns import might_match, rules_for

    if not might_match(segment):
        return None
    view = build_view(segment)
    hits = find_hits(view)
    if any(h.kind == "mention" or (h.weight < STRONG and h.category in ("disclaimer", "predicate", "label"))
           for h in hits):  # fmt: skip
        return "mention"
    covered = [(h.match_start, h.match_end) for h in hits]
    for rules in rules_for(view.text):
        for category in ("disclaimer", "predicate", "label", "watermark"):
            pattern = rules.patterns.get(category)
            for m in pattern.finditer(view.text) if pattern else ():
                if m.end() > m.start() and not any(s < m.end() and e > m.start() for s, e in covered):
                    return "blocked"  # matched, then dropped: negated, hypothetical or about code
    return None


def evidence(text: str, paragraphs: Sequence[tuple[int, int]], extras: Iterable[tuple[str, Position]],
             position_of: object, model: Model | None = None) -> list[Evidence]:  # fmt: skip
    """`learned` evidence for the best-scoring candidate segment above the model's threshold, if any."""
    model = model or load_model()
    if model is None:
        return []
    best: tuple[float, Segment] | None = None
    for segment in segments(text, paragraphs, extras):
        p = model.score(segment.text)
        if p < model.threshold or (best is not None and p <= best[0]):
            continue
        verdict = rules_verdict(segment.text)
        if verdict is None or (verdict == "mention" and MENTION_THRESHOLD is not None and p >= MENTION_THRESHOLD):
            best = (p, segment)
    if best is None:
        return []
    p, seg = best
    position = seg.position or position_of(seg.start or 0, seg.end or 0)  # type: ignore[operator]
    return [Evidence("learned", shown(seg.text), seg.start, seg.end, position, None, model.evidence_weight)]


def shown(segment: str) -> str:
    """A segment as its evidence shows it: whitespace collapsed, at most 240 characters."""
    text = " ".join(segment.split())
    return text if len(text) <= 240 else text[:239] + "…"
