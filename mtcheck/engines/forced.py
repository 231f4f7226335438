"""Forced decoding for neural engines: how probable the original is given its pivot (no generation).

The backward model scores the original sentence token by token given the pivot translation (a Prism-
style score: mean log-probability per token), and the forward model scores its own pivot given the
original (its confidence). Tokens are placed back on the original's characters so improbable ones can
become findings (checks/improbable.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, runtime_checkable

from mtcheck.results import PivotResult, TokenScore

SPIECE_SPACE = "▁"


@runtime_checkable
class ScoresTokens(Protocol):
    """An engine that can force-decode a given target (marian, ctranslate2); optional."""

    def score_tokens(
        self, sources: Sequence[str], targets: Sequence[str], src: str, tgt: str, *, model: str | None = None
    ) -> list[list[tuple[str, float]]]:
        """Per target text: (token, log-probability) for each of its tokens, </s> left out."""
        ...


def place_tokens(text: str, scored: Sequence[tuple[str, float]]) -> tuple[TokenScore, ...]:
    """SentencePiece tokens with their character spans in text, found left to right; a token whose
    characters are not found next (normalised away, <unk>) gets no span."""
    placed: list[TokenScore] = []
    cursor = 0
    for token, logprob in scored:
        piece = token.replace(SPIECE_SPACE, " ").strip()
        if not piece:
            placed.append(TokenScore(token, logprob))
            continue
        found = text.find(piece, cursor)
        gap = text[cursor:found] if found >= 0 else ""
        if found < 0 or gap.strip():
            placed.append(TokenScore(token, logprob))
            continue
        placed.append(TokenScore(token, logprob, found, found + len(piece)))
        cursor = found + len(piece)
    return tuple(placed)


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def with_forced_scores(
    engine: object,
    texts: Sequence[str],
    results: Sequence[PivotResult],
    language: str,
    pivot: str,
    *,
    forward_model: str | None = None,
    backward_model: str | None = None,
) -> list[PivotResult]:
    """The results with prism/confidence scores and the original's tokens, when the engine can score."""
    if not isinstance(engine, ScoresTokens) or not texts:
        return list(results)
    pivots = [r.pivot for r in results]
    backward = engine.score_tokens(pivots, list(texts), pivot, language, model=backward_model)
    forward = engine.score_tokens(list(texts), pivots, language, pivot, model=forward_model)
    out = []
    for text, result, back, fore in zip(texts, results, backward, forward, strict=True):
        scores = replace(result.scores, prism=_mean([lp for _, lp in back]), confidence=_mean([lp for _, lp in fore]))
        out.append(replace(result, scores=scores, tokens=place_tokens(text, back)))
    return out
