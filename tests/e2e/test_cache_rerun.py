"""A re-run through the cache does no model work and never imports torch (tiny Marian models)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

TEXTS = [
    "The train to Berlin leaves at 9 o'clock.",
    "Today the weather in Lindenau is sunny.",
    "The train to Berlin leaves at 9 o'clock.",  # a repeat: translated once
    "A kilo of apples costs 3 euros.",
]

# Each run is a fresh process, as a user's second `mtcheck report` would be.
RUN = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from mtcheck.config import Settings
    from mtcheck.engines.base import create_engine
    from mtcheck.engines.cached import CachedEngine, wrap_with_cache
    models, cache_dir, beams, texts = sys.argv[1], sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4])
    settings = Settings(models_dir=Path(models), cache_dir=Path(cache_dir), beams=beams, threads=1)
    engine = wrap_with_cache(create_engine("marian", settings), settings)
    assert isinstance(engine, CachedEngine)
    done = []
    de = engine.translate(texts, "en", "de", progress=done.append)
    en = engine.translate(de, "de", "en", progress=done.append)
    print(json.dumps({
        "de": de, "en": en, "hits": engine.hits, "misses": engine.misses, "progress": sum(done),
        "heavy": sorted(m for m in ("torch", "transformers") if m in sys.modules),
        "models": sorted(m.direction for m in engine.models()),
    }))
    """
)


def _run(models: Path, cache_dir: Path, beams: int = 2) -> dict:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONWARNINGS": "error"}
    done = subprocess.run(
        [sys.executable, "-c", RUN, str(models), str(cache_dir), str(beams), json.dumps(TEXTS)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_second_run_comes_from_the_cache_without_torch(tiny_models_dir: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    first = _run(tiny_models_dir, cache_dir)
    assert first["heavy"] == ["torch", "transformers"]  # the first run really translated
    assert first["misses"] == 3 + len(set(first["de"])) and first["hits"] == 0
    assert "Berlin" in first["de"][0]

    second = _run(tiny_models_dir, cache_dir)
    assert second["heavy"] == []  # no model work: torch and transformers never imported
    assert (second["de"], second["en"]) == (first["de"], first["en"])
    assert second["misses"] == 0 and second["hits"] == 2 * len(TEXTS)
    assert second["progress"] == 2 * len(TEXTS)
    assert second["models"] == first["models"] == ["de-en", "en-de"]  # the report still names its models

    other_beams = _run(tiny_models_dir, cache_dir, beams=1)  # decoding settings are part of the key
    assert other_beams["misses"] > 0 and other_beams["heavy"] == ["torch", "transformers"]
