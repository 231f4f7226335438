"""improbable_tokens: words of the original that the backward model finds improbable given the pivot.

Neural engines only (marian, ctranslate2): the backward model force-decodes the original from its pivot
translation (engines/forced.py). A run of tokens each under IMPROBABLE_LOGPROB is one finding at the
words it covers: the pivot did not carry what those words say, or the words are unusual where they
stand. Not measured on annotated data yet (no opus-mt models on the measuring machine), hence info.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from mtcheck.checks.base import Check, CheckContext
from mtcheck.checks.emit import make
from mtcheck.results import Finding, PivotResult, SentenceResult, TokenScore

RULE = "MT-IMPROBABLE-TOKENS"
# A token the backward model gives under this log-probability (about 1 in 50) is improbable.
IMPROBABLE_LOGPROB = -4.0


def improbable_runs(tokens: Iterable[TokenScore], threshold: float = IMPROBABLE_LOGPROB) -> list[list[TokenScore]]:
    """Consecutive placed tokens each under the threshold (unplaced tokens end a run)."""
    runs: list[list[TokenScore]] = []
    current: list[TokenScore] = []
    for token in tokens:
        if token.start is not None and token.logprob < threshold:
            current.append(token)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return runs


def _word_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a token span to whole words (SentencePiece splits words into pieces)."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _findings(ctx: CheckContext, sentence: SentenceResult, result: PivotResult) -> list[Finding]:
    found: list[Finding] = []
    text = ctx.text[sentence.start : sentence.end]
    for run in improbable_runs(result.tokens):
        start, end = _word_span(text, run[0].start or 0, run[-1].end or 0)
        if start >= end or not any(ch.isalnum() for ch in text[start:end]):
            continue
        worst = min(t.logprob for t in run)
        words = text[start:end]
        finding = make(
            ctx,
            kind="improbable_tokens",
            rule=RULE,
            severity="info",
            message=(
                f"'{words}' is improbable given the {result.pivot_language} translation "
                f"(p = {math.exp(worst):.3f}): check that these words say what the original meant"
            ),
            start=sentence.start + start,
            end=sentence.start + end,
            sentence=sentence.index,
            details={
                "pivot": result.pivot_language,
                "tokens": [t.token for t in run],
                "logprobs": [round(t.logprob, 3) for t in run],
                "prism": result.scores.prism,
            },
        )
        if finding is not None:
            found.append(finding)
    return found


class ImprobableTokens(Check):
    """Spans of the original the backward model finds improbable given the pivot (forced decoding)."""

    name = "improbable_tokens"
    kind = "improbable_tokens"
    rule_ids = (RULE,)
    needs_roundtrip = True

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        found: list[Finding] = []
        for sentence in ctx.sentences:
            for result in sentence.pivots:
                if result.tokens:
                    found.extend(_findings(ctx, sentence, result))
        return found
