"""Session-wide test setup: offline hub, seeded langdetect, and the tiny Marian models built once."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# No test may reach the Hugging Face hub; transformers and huggingface_hub read these at import.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
# One torch thread unless told otherwise: on a shared 2-core machine, two OpenMP threads make tiny-model
# generation up to 40x slower when a core is busy elsewhere (measured: 0.7 s vs 27 s for 120 round trips).
os.environ.setdefault("OMP_NUM_THREADS", "1")
# langdetect's profile cache (mtcheck/read/profile_cache.py) goes to a folder of this test run, not the user's.
_PROFILE_CACHE = tempfile.TemporaryDirectory(prefix="mtcheck-profile-cache-")
os.environ.setdefault("MTCHECK_PROFILE_CACHE_DIR", _PROFILE_CACHE.name)

from langdetect import DetectorFactory  # noqa: E402

DetectorFactory.seed = 0

from tests.tinymodels import EN_DE_PAIRS, OUT_OF_DOMAIN_EN, build_tiny_pair  # noqa: E402


@pytest.fixture(scope="session")
def tiny_models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A models folder holding tiny opus-mt-en-de and opus-mt-de-en, trained on EN_DE_PAIRS."""
    return build_tiny_pair(tmp_path_factory.mktemp("models"))


@pytest.fixture(scope="session")
def in_domain_pairs() -> list[tuple[str, str]]:
    """The (English, German) sentences the tiny models were trained on."""
    return list(EN_DE_PAIRS)


@pytest.fixture(scope="session")
def out_of_domain_sentences() -> list[str]:
    """English sentences far from the tiny models' domain: they must round-trip badly."""
    return list(OUT_OF_DOMAIN_EN)
