"""Forced decoding on the tiny models: token log-probabilities, Prism-style scores, improbable spans."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

import mtcheck
from mtcheck.checks.improbable import improbable_runs
from mtcheck.config import Settings
from mtcheck.engines.base import create_engine
from mtcheck.engines.forced import ScoresTokens, place_tokens
from mtcheck.report.json_report import load_schema, render_json

IN_DOMAIN = "The train to Berlin leaves at 9 o'clock."
SCRAMBLED = "The train to Berlin leaves at 9 fish bicycle."
SHUFFLED = "Berlin o'clock the leaves train 9 to at."


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory, tiny_models_dir: Path) -> Path:
    """A private copy of the tiny models (ctranslate2 conversions are written beside them)."""
    root = tmp_path_factory.mktemp("forced-models")
    for name in ("opus-mt-en-de", "opus-mt-de-en"):
        shutil.copytree(tiny_models_dir / name, root / name, ignore=shutil.ignore_patterns("ct2-*"))
    return root


def _mean(scored: list[tuple[str, float]]) -> float:
    return sum(lp for _, lp in scored) / len(scored)


@pytest.mark.parametrize("engine_name", ["marian", "ctranslate2"])
def test_backward_model_scores_in_domain_higher_and_marks_the_odd_words(models: Path, engine_name: str) -> None:
    engine = create_engine(engine_name, Settings(models_dir=models, engine=engine_name, threads=1, cache=False))
    assert isinstance(engine, ScoresTokens)
    texts = [IN_DOMAIN, SCRAMBLED, SHUFFLED]
    pivots = engine.translate(texts, "en", "de")
    scored = engine.score_tokens(pivots, texts, "de", "en")
    good, odd, shuffled = (_mean(s) for s in scored)
    assert good > odd and good > shuffled
    assert good > -0.5  # the model knows its own domain
    assert all(lp <= 0 for s in scored for _, lp in s)
    assert all(token != "</s>" for s in scored for token, _ in s)
    placed = place_tokens(SCRAMBLED, scored[1])
    spans = [(run[0].start, run[-1].end) for run in improbable_runs(placed)]
    flagged = " ".join(SCRAMBLED[s:e] for s, e in spans if s is not None and e is not None)
    assert "fish" in flagged and "bi" in flagged  # the two words the models never saw
    assert "train" not in flagged and "Berlin" not in flagged
    in_domain = improbable_runs(place_tokens(IN_DOMAIN, scored[0]))
    assert in_domain == []


def test_marian_and_ctranslate2_score_alike(models: Path) -> None:
    scores = {}
    for name in ("marian", "ctranslate2"):
        engine = create_engine(name, Settings(models_dir=models, engine=name, threads=1, cache=False))
        assert isinstance(engine, ScoresTokens)
        scores[name] = engine.score_tokens(["Der Zug nach Berlin fährt um 9 Uhr ab."], [SCRAMBLED], "de", "en")[0]
    assert [t for t, _ in scores["marian"]] == [t for t, _ in scores["ctranslate2"]]
    assert _mean(scores["marian"]) == pytest.approx(_mean(scores["ctranslate2"]), abs=0.5)  # int8 vs float32


def test_report_carries_prism_confidence_tokens_and_improbable_spans(models: Path, tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(f"{IN_DOMAIN}\n\n{SCRAMBLED}\n", encoding="utf-8")
    settings = Settings(models_dir=models, engine="marian", language="en", pivots=("de",), threads=1, cache=False)
    report = mtcheck.check(path, settings=settings)
    first, second = report.sentences
    assert first.scores is not None and second.scores is not None
    assert first.scores.prism is not None and second.scores.prism is not None
    assert first.scores.prism > second.scores.prism
    assert first.scores.confidence is not None and first.scores.confidence <= 0
    assert second.pivots[0].tokens and all(t.logprob <= 0 for t in second.pivots[0].tokens)
    improbable = [f for f in report.all_findings() if f.kind == "improbable_tokens"]
    assert improbable and all(f.rule == "MT-IMPROBABLE-TOKENS" and f.severity == "info" for f in improbable)
    assert any("fish" in (f.text or "") for f in improbable)
    assert all(f.sentence == 1 for f in improbable)
    assert all(report.document.text[f.start : f.end] == f.text for f in improbable if f.start is not None)
    data = json.loads(render_json(report))
    assert sorted(jsonschema.Draft202012Validator(load_schema()).iter_errors(data), key=str) == []
    pivot = data["sentences"][1]["pivots"][0]
    assert pivot["scores"]["prism"] < 0 and pivot["tokens"][0]["token"]
    assert data["sentences"][1]["risk"] > data["sentences"][0]["risk"]


def test_engines_without_scoring_leave_the_fields_empty() -> None:
    from mtcheck.engines.forced import with_forced_scores
    from mtcheck.results import PivotResult, Scores

    result = PivotResult("de", "x", "y", Scores(50.0, 20.0, 60.0))
    assert with_forced_scores(object(), ["a"], [result], "en", "de") == [result]


def test_a_cached_rerun_loads_no_model_for_the_scores_either(models: Path, tmp_path: Path) -> None:
    from mtcheck.engines.cached import wrap_with_cache

    path = tmp_path / "article.txt"
    path.write_text(f"{IN_DOMAIN}\n\n{SCRAMBLED}\n", encoding="utf-8")
    settings = Settings(models_dir=models, engine="marian", language="en", pivots=("de",), threads=1)
    settings = settings.with_(cache_dir=tmp_path / "cache")
    reports = []
    for _ in range(2):
        engine = wrap_with_cache(create_engine("marian", settings), settings)
        reports.append(mtcheck.check(path, settings=settings, engine=engine))
    assert not engine.inner._loaded  # type: ignore[attr-defined]  # the second run did no model work
    first, second = ([s.scores for s in r.sentences] for r in reports)
    assert first == second
