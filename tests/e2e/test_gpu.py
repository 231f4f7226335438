"""The GPU path on tiny models: skipped on machines without a CUDA device (CI and the dev machines)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mtcheck.config import Settings
from tests.tinymodels import EN_DE_PAIRS

pytestmark = pytest.mark.slow

ENGLISH = [en for en, _ in EN_DE_PAIRS][:20]


def _cuda_devices() -> int:
    try:
        import ctranslate2
    except ImportError:
        return 0
    try:
        return int(ctranslate2.get_cuda_device_count())
    except RuntimeError:
        return 0


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory, tiny_models_dir: Path) -> Path:
    root = tmp_path_factory.mktemp("gpu-models")
    for name in ("opus-mt-en-de", "opus-mt-de-en"):
        shutil.copytree(tiny_models_dir / name, root / name, ignore=shutil.ignore_patterns("ct2-*"))
    return root


@pytest.mark.skipif(_cuda_devices() == 0, reason="no CUDA device")
@pytest.mark.parametrize("engine", ["ctranslate2", "marian"])
def test_cuda_translates_like_the_cpu(models: Path, engine: str) -> None:
    from mtcheck.engines.base import create_engine

    cpu = create_engine(engine, Settings(models_dir=models, engine=engine, beams=1, cache=False))
    gpu = create_engine(engine, Settings(models_dir=models, engine=engine, beams=1, cache=False, device="auto"))
    assert gpu.decoding().get("device") == "cuda"
    expected = cpu.translate(ENGLISH, "en", "de")
    outputs = gpu.translate(ENGLISH, "en", "de")
    assert sum(a == b for a, b in zip(expected, outputs, strict=True)) >= 0.9 * len(ENGLISH)


def test_auto_without_a_gpu_is_the_cpu(models: Path) -> None:
    if _cuda_devices():
        pytest.skip("this machine has a CUDA device")
    from mtcheck.engines.ct2 import CTranslate2Engine

    engine = CTranslate2Engine(Settings(models_dir=models, engine="ctranslate2", device="auto", cache=False))
    assert engine.tuning.device == "cpu" and "device" not in engine.decoding()
    assert engine.translate(ENGLISH[:2], "en", "de")
