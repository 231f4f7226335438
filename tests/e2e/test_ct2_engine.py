"""The ctranslate2 engine on tiny trained Marian models: equivalence with marian, conversion, no torch."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mtcheck.config import Settings
from mtcheck.engines.ct2 import CTranslate2Engine
from mtcheck.errors import ModelError, UsageError
from tests.tinymodels import EN_DE_PAIRS, OUT_OF_DOMAIN_EN

pytestmark = pytest.mark.slow

ENGLISH = [en for en, _ in EN_DE_PAIRS]
GERMAN = [de for _, de in EN_DE_PAIRS]
DIRECTIONS = [("en", "de", ENGLISH), ("de", "en", GERMAN)]


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory, tiny_models_dir: Path) -> Path:
    """A private copy of the tiny models (conversions are written beside them)."""
    root = tmp_path_factory.mktemp("ct2-models")
    for name in ("opus-mt-en-de", "opus-mt-de-en"):
        shutil.copytree(tiny_models_dir / name, root / name, ignore=shutil.ignore_patterns("ct2-*"))
    return root


def ct2(models: Path, **changes: object) -> CTranslate2Engine:
    settings = Settings(models_dir=models, engine="ctranslate2", threads=2, cache=False).with_(**changes)
    return CTranslate2Engine(settings)


def marian(models: Path, **changes: object):  # type: ignore[no-untyped-def]
    from mtcheck.engines.marian import MarianEngine

    return MarianEngine(Settings(models_dir=models, threads=2, cache=False).with_(**changes))


@pytest.mark.parametrize(("src", "tgt", "texts"), DIRECTIONS, ids=["en-de", "de-en"])
def test_float32_greedy_is_identical_to_marian_greedy(models: Path, src: str, tgt: str, texts: list[str]) -> None:
    inputs = texts + (OUT_OF_DOMAIN_EN if src == "en" else [])
    reference = marian(models, beams=1).translate(inputs, src, tgt)
    outputs = ct2(models, compute_type="float32", beams=1).translate(inputs, src, tgt)
    different = [(i, r, o) for i, (r, o) in enumerate(zip(reference, outputs, strict=True)) if r != o]
    assert different == []


@pytest.mark.parametrize(("src", "tgt", "texts"), DIRECTIONS, ids=["en-de", "de-en"])
def test_int8_greedy_matches_marian_on_at_least_90_percent(models: Path, src: str, tgt: str, texts: list[str]) -> None:
    reference = marian(models, beams=1).translate(texts, src, tgt)
    outputs = ct2(models, compute_type="int8", beams=1).translate(texts, src, tgt)
    same = sum(r == o for r, o in zip(reference, outputs, strict=True))
    assert same >= 0.9 * len(texts), f"{same}/{len(texts)} identical"


def test_length_caps_match_marian_when_they_bite(models: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mtcheck import config

    monkeypatch.setattr(config, "MAX_LENGTH_RATIO", 0.5)
    monkeypatch.setattr(config, "MAX_LENGTH_SLACK", 1)
    texts = ENGLISH[:20] + OUT_OF_DOMAIN_EN  # mixed lengths share batches; every output is cut
    reference = marian(models, beams=1, batch_size=8).translate(texts, "en", "de")
    outputs = ct2(models, compute_type="float32", beams=1, batch_size=8).translate(texts, "en", "de")
    assert outputs == reference
    assert sum(len(o) < len(de) for o, de in zip(outputs, GERMAN, strict=False)) >= 10  # the cap did bite


def test_beam4_translates_the_domain(models: Path) -> None:
    outputs = ct2(models, compute_type="float32", beams=4).translate(ENGLISH, "en", "de")
    assert len(outputs) == len(ENGLISH) and all(outputs)
    assert sum(o == de for o, de in zip(outputs, GERMAN, strict=True)) >= 0.9 * len(GERMAN)


@pytest.mark.parametrize("batch_size", [1, 3, 64])
def test_order_kept_whatever_the_batching(models: Path, batch_size: int) -> None:
    texts = sorted(ENGLISH[:12], key=len, reverse=True) + ["", ENGLISH[0]]
    expected = ct2(models, compute_type="float32", beams=1, batch_size=16).translate(texts, "en", "de")
    done: list[int] = []
    engine = ct2(models, compute_type="float32", beams=1, batch_size=batch_size)
    assert engine.translate(texts, "en", "de", progress=done.append) == expected
    # A batch per translator (inter_threads); the repeated sentence is counted with its batch.
    assert sum(done) == len(texts) and max(done) <= batch_size * engine.tuning.inter_threads * 2 + 1
    assert expected[-1] == GERMAN[0] and engine.translate([], "en", "de") == []


def test_converts_on_first_use_once_and_logs_it(
    tmp_path: Path, tiny_models_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shutil.copytree(tiny_models_dir / "opus-mt-en-de", tmp_path / "opus-mt-en-de",
                    ignore=shutil.ignore_patterns("ct2-*"))  # fmt: skip
    with caplog.at_level(logging.WARNING, logger="mtcheck"):
        assert ct2(tmp_path, compute_type="int8").translate([ENGLISH[1]], "en", "de")
    assert any("converting" in r.getMessage() for r in caplog.records)
    assert (tmp_path / "opus-mt-en-de" / "ct2-int8" / "model.bin").is_file()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="mtcheck"):
        ct2(tmp_path, compute_type="int8").translate([ENGLISH[1]], "en", "de")
    assert not any("converting" in r.getMessage() for r in caplog.records)


def test_run_path_never_imports_torch(models: Path) -> None:
    ct2(models, compute_type="int8").translate([ENGLISH[0]], "en", "de")  # converted beforehand
    script = textwrap.dedent(
        f"""
        import json, sys
        from pathlib import Path
        from mtcheck.config import Settings
        from mtcheck.engines.base import create_engine
        settings = Settings(models_dir=Path({str(models)!r}), engine="ctranslate2", compute_type="int8", threads=1)
        engine = create_engine("ctranslate2", settings)
        key = engine.cache_key("en", "de")
        out = engine.translate({ENGLISH[:3]!r}, "en", "de")
        heavy = [m for m in ("torch", "transformers") if m in sys.modules]
        print(json.dumps({{"heavy": heavy, "out": out, "key": key}}))
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "HF_HUB_OFFLINE": "1"})  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["heavy"] == []
    assert sum(o == de for o, de in zip(result["out"], GERMAN[:3], strict=True)) >= 2
    assert "int8" in result["key"]


def test_cache_key_names_what_changes_outputs(models: Path) -> None:
    keys = {
        (ct, beams): ct2(models, compute_type=ct, beams=beams).cache_key("en", "de")
        for ct in ("int8", "float32")
        for beams in (1, 4)
    }
    assert len(set(keys.values())) == 4
    assert ct2(models).cache_key("en", "de") != ct2(models).cache_key("de", "en")
    assert keys[("int8", 4)].startswith("ctranslate2|")


def test_models_and_decoding_describe_the_run(models: Path) -> None:
    engine = ct2(models, compute_type="float32", beams=2)
    engine.translate([ENGLISH[0]], "en", "de")
    [info] = engine.models()
    assert info.direction == "en-de" and "opus-mt-en-de" in info.id
    assert engine.decoding()["compute_type"] == "float32" and engine.decoding()["beams"] == 2


def test_unknown_compute_type_is_a_usage_error(models: Path) -> None:
    with pytest.raises(UsageError, match="compute"):
        ct2(models, compute_type="int3")


def test_missing_model_offline_is_a_one_line_model_error(tmp_path: Path) -> None:
    engine = ct2(tmp_path, offline=True)
    with pytest.raises(ModelError) as info:
        engine.translate(["Hello."], "en", "fr")
    assert "\n" not in str(info.value)
