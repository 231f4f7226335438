"""Forced-decoding plumbing without models: token placement, improbable runs, scores, the cache."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mtcheck.checks.improbable import improbable_runs
from mtcheck.engines.cache import CACHE_FILENAME, TranslationCache
from mtcheck.engines.cached import CachedEngine
from mtcheck.engines.forced import ScoresTokens, place_tokens, with_forced_scores
from mtcheck.results import ModelInfo, PivotResult, Scores, TokenScore


class ScoringEngine:
    """A fake neural engine: every token scores -0.1 except the word 'fish' (-9.0); counts scoring calls."""

    name = "fake"

    def __init__(self) -> None:
        self.scored: list[list[str]] = []

    def translate(
        self, texts: Sequence[str], src: str, tgt: str, *, model: Any = None, progress: Any = None
    ) -> list[str]:
        return [t.upper() for t in texts]

    def score_tokens(
        self, sources: Sequence[str], targets: Sequence[str], src: str, tgt: str, *, model: str | None = None
    ) -> list[list[tuple[str, float]]]:
        self.scored.append(list(targets))
        return [[(f"▁{w}", -9.0 if w == "fish" else -0.1) for w in t.split()] for t in targets]

    def models(self) -> list[ModelInfo]:
        return []

    def decoding(self) -> dict[str, Any]:
        return {}

    def cache_key(self, src: str, tgt: str, *, model: str | None = None) -> str:
        return "fake"


class PlainEngine:
    name = "plain"

    def translate(
        self, texts: Sequence[str], src: str, tgt: str, *, model: Any = None, progress: Any = None
    ) -> list[str]:
        return list(texts)

    def models(self) -> list[ModelInfo]:
        return []

    def decoding(self) -> dict[str, Any]:
        return {}

    def cache_key(self, src: str, tgt: str, *, model: str | None = None) -> str:
        return "plain"


def test_tokens_are_placed_on_the_text_and_unplaceable_ones_get_no_span() -> None:
    placed = place_tokens(
        "The cat, sat.", [("▁The", -0.1), ("▁ca", -0.2), ("t", -0.3), (",", -0.1), ("<unk>", -5.0), ("▁sat", -1.0)]
    )
    assert [(t.start, t.end) for t in placed] == [(0, 3), (4, 6), (6, 7), (7, 8), (None, None), (9, 12)]


def test_improbable_runs_join_neighbours_and_stop_at_probable_or_unplaced_tokens() -> None:
    tokens = [
        TokenScore("a", -5.0, 0, 1),
        TokenScore("b", -6.0, 1, 2),
        TokenScore("c", -0.5, 3, 4),
        TokenScore("d", -7.0, 5, 6),
        TokenScore("e", -7.0),
        TokenScore("f", -7.0, 8, 9),
    ]
    assert [[t.token for t in run] for run in improbable_runs(tokens)] == [["a", "b"], ["d"], ["f"]]


def test_scores_are_means_of_token_log_probabilities() -> None:
    engine = ScoringEngine()
    result = PivotResult("de", "THE FISH SWIMS", "the fish swims", Scores(80.0, 50.0, 20.0))
    (scored,) = with_forced_scores(engine, ["the fish swims"], [result], "en", "de")
    assert scored.scores.prism == round((-0.1 - 9.0 - 0.1) / 3, 4)
    assert scored.scores.confidence == round((-0.1 - 0.1 - 0.1) / 3, 4)  # FISH is not 'fish'
    assert [(t.start, t.end) for t in scored.tokens] == [(0, 3), (4, 8), (9, 14)]
    assert scored.scores.chrf == 80.0


def test_the_cache_keeps_forced_scores_and_hides_the_method_from_engines_without_it(tmp_path: Path) -> None:
    inner = ScoringEngine()
    with TranslationCache(tmp_path / CACHE_FILENAME) as cache:
        engine = CachedEngine(inner, cache)  # type: ignore[arg-type]
        assert isinstance(engine, ScoresTokens)
        first = engine.score_tokens(["X", "Y", "X"], ["a fish", "b", "a fish"], "de", "en")
        assert inner.scored == [["a fish", "b"]]  # each distinct pair once
        again = engine.score_tokens(["X", "Z"], ["a fish", "b"], "de", "en")
        assert inner.scored == [["a fish", "b"], ["b"]]  # ("Z", "b") is a new pair; ("X", "a fish") is cached
        assert again[0] == first[0] and first[0] == first[2]
        plain = CachedEngine(PlainEngine(), cache)  # type: ignore[arg-type]
        assert not isinstance(plain, ScoresTokens) and not hasattr(plain, "score_tokens")
