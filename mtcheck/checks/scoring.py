"""Sentence-level chrF, BLEU and TER with sacrebleu, and their reproducibility signatures."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from mtcheck.results import Scores


@lru_cache(maxsize=1)
def _metrics() -> tuple[Any, Any, Any]:
    from sacrebleu.metrics import BLEU, CHRF, TER

    # effective_order keeps sentence BLEU meaningful for short sentences.
    return CHRF(), BLEU(effective_order=True), TER()


@lru_cache(maxsize=4096)  # repeated sentences (a notice down a page) are scored once; TER is costly on long ones
def score_sentence(original: str, roundtrip: str) -> Scores:
    """Score a round trip against the original sentence (the original is the reference)."""
    chrf, bleu, ter = _metrics()
    refs = [original]
    return Scores(
        chrf=round(chrf.sentence_score(roundtrip, refs).score, 2),
        bleu=round(bleu.sentence_score(roundtrip, refs).score, 2),
        ter=round(ter.sentence_score(roundtrip, refs).score, 2),
    )


def signatures() -> dict[str, str]:
    """sacrebleu signatures of the three metrics, so two runs can be compared honestly."""
    chrf, bleu, ter = _metrics()
    return {
        "chrf": str(chrf.get_signature()),
        "bleu": str(bleu.get_signature()),
        "ter": str(ter.get_signature()),
    }
