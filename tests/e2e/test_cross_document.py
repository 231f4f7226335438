"""Cross-document batching: a batch run's reports equal per-document runs' (tiny models)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mtcheck.api import check, check_many
from mtcheck.config import Settings
from mtcheck.engines import prefetch
from mtcheck.report.json_report import report_to_dict
from tests.tinymodels import EN_DE_PAIRS, OUT_OF_DOMAIN_EN

pytestmark = pytest.mark.slow

ENGLISH = [en for en, _ in EN_DE_PAIRS]


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory, tiny_models_dir: Path) -> Path:
    """A private copy of the tiny models (ctranslate2 conversions are written beside them)."""
    root = tmp_path_factory.mktemp("batch-models")
    for name in ("opus-mt-en-de", "opus-mt-de-en"):
        shutil.copytree(tiny_models_dir / name, root / name, ignore=shutil.ignore_patterns("ct2-*"))
    return root


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Nine short articles sharing some sentences, one empty and one in no language we can tell."""
    folder = tmp_path_factory.mktemp("articles")
    paths = []
    for n in range(7):
        sentences = [ENGLISH[(n * 3 + k) % len(ENGLISH)] for k in range(5)]
        if n % 3 == 0:
            sentences.append(OUT_OF_DOMAIN_EN[n % len(OUT_OF_DOMAIN_EN)])
        path = folder / f"a{n}.txt"
        path.write_text(" ".join(sentences) + "\n\n" + ENGLISH[0], encoding="utf-8")
        paths.append(str(path))
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "noise.txt").write_text("1234 5678 ---", encoding="utf-8")
    return [*paths[:3], str(folder / "empty.txt"), *paths[3:], str(folder / "noise.txt")]


def _as_json(report: object) -> str:
    return json.dumps(report_to_dict(report), sort_keys=True, ensure_ascii=False)  # type: ignore[arg-type]


class Counting:
    """Counts the texts each translate call of the inner engine receives."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.calls: list[int] = []

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    def translate(self, texts, src, tgt, **kwargs):  # type: ignore[no-untyped-def]
        self.calls.append(len(texts))
        return self.inner.translate(texts, src, tgt, **kwargs)


@pytest.mark.parametrize(("engine", "beams"), [("ctranslate2", 4), ("marian", 2)])
def test_batched_reports_equal_per_document_reports(models: Path, articles: list[str], engine: str, beams: int) -> None:
    from mtcheck.engines.base import create_engine

    settings = Settings(models_dir=models, engine=engine, beams=beams, threads=1, cache=False)
    counting = Counting(create_engine(engine, settings))
    batched = check_many(articles, settings=settings, engine=counting)  # type: ignore[arg-type]
    assert len(batched.reports) >= 7 and batched.failures  # the bad inputs fail alone
    # One forward and one backward call for the whole window, each with the distinct texts only.
    distinct = {s.text for r in batched.reports for s in r.sentences}
    assert counting.calls[0] == len(distinct) and len(counting.calls) == 2, counting.calls

    alone = {}
    for path in articles:
        try:
            report = check(path, settings=settings)
        except Exception:  # the same inputs fail alone as in the batch run
            continue
        alone[report.document.path] = _as_json(report)
    assert {r.document.path: _as_json(r) for r in batched.reports} == alone
    assert [r.document.path for r in batched.reports] == [p for p in articles if p in alone]


def test_windows_are_bounded_and_a_failing_window_falls_back(
    models: Path, articles: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from mtcheck.engines.base import create_engine
    from mtcheck.errors import EngineError

    settings = Settings(models_dir=models, engine="ctranslate2", beams=1, threads=1, cache=False)
    reference = check_many(articles, settings=settings)
    monkeypatch.setattr(prefetch, "WINDOW_DOCUMENTS", 3)
    counting = Counting(create_engine("ctranslate2", settings))
    windowed = check_many(articles, settings=settings, engine=counting)  # type: ignore[arg-type]
    assert len(counting.calls) == 2 * 3  # 9 inputs in windows of 3: a forward and a backward call each
    assert [_as_json(r) for r in windowed.reports] == [_as_json(r) for r in reference.reports]

    class Failing(Counting):
        def translate(self, texts, src, tgt, **kwargs):  # type: ignore[no-untyped-def]
            if len(texts) > 8:
                raise EngineError("batch too big for this test")
            return super().translate(texts, src, tgt, **kwargs)

    fallback = check_many(articles, settings=settings, engine=Failing(create_engine("ctranslate2", settings)))  # type: ignore[arg-type]
    assert [_as_json(r) for r in fallback.reports] == [_as_json(r) for r in reference.reports]
