"""Convert a Hugging Face Marian directory to CTranslate2 once, beside the model, and reuse it.

Layout: `<model dir>/ct2-<compute type>/` holds the CTranslate2 model plus `mtcheck-ct2.json`, which
records the compute type, the ctranslate2 version, and the size, mtime and sha256 of each file it was
converted from; a changed source is converted again (a mere copy, same contents, is not). When the
model directory is read-only the conversion goes to
`<user cache dir>/mtcheck/ct2/<model name>-<path hash>/ct2-<compute type>/`.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import logging
import os
import shutil
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mtcheck.errors import ModelError, UsageError

log = logging.getLogger(__name__)

COMPUTE_TYPES = (
    "int8",
    "int8_float32",
    "int8_float16",
    "int8_bfloat16",
    "int16",
    "float32",
    "float16",
    "bfloat16",
)
MARKER = "mtcheck-ct2.json"
CT2_PREFIX = "ct2-"
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")
# Files that are not part of the Hugging Face model (our own records, conversions, locks).
_NOT_SOURCE = ("mtcheck-model.json",)


def ctranslate2_version() -> str | None:
    """The installed ctranslate2 version, read without importing it."""
    try:
        return importlib.metadata.version("ctranslate2")
    except importlib.metadata.PackageNotFoundError:
        return None


def check_compute_type(compute_type: str) -> str:
    """The compute type, or a UsageError naming the valid ones."""
    if compute_type not in COMPUTE_TYPES:
        raise UsageError(f"unknown compute type {compute_type!r}; choose one of: {', '.join(COMPUTE_TYPES)}")
    return compute_type


def source_fingerprint(model_dir: Path) -> list[list[Any]]:
    """(name, size, mtime_ns) of each file of the Hugging Face model: cheap, and changes with the files."""
    rows: list[list[Any]] = []
    for path in sorted(model_dir.iterdir()):
        if path.is_file() and not path.name.startswith(".") and path.name not in _NOT_SOURCE:
            stat = path.stat()
            rows.append([path.name, stat.st_size, stat.st_mtime_ns])
    return rows


def converted_dir(model_dir: Path, compute_type: str) -> Path:
    """Where the conversion of model_dir for compute_type lives (beside it, or in the user cache)."""
    model_dir = Path(model_dir).resolve()
    if os.access(model_dir, os.W_OK):
        return model_dir / f"{CT2_PREFIX}{compute_type}"
    import platformdirs

    digest = hashlib.sha256(str(model_dir).encode()).hexdigest()[:12]
    base = Path(platformdirs.user_cache_dir("mtcheck")) / "ct2" / f"{model_dir.name}-{digest}"
    return base / f"{CT2_PREFIX}{compute_type}"


def source_hashes(model_dir: Path) -> dict[str, str]:
    """sha256 of each file of the Hugging Face model: what a copied or touched model is compared by."""
    from mtcheck.models.catalog import file_sha256

    return {name: file_sha256(model_dir / name) for name, _, _ in source_fingerprint(model_dir)}


def is_current(model_dir: Path, out: Path) -> bool:
    """True when out holds a conversion of model_dir's present files.

    Sizes and mtimes decide quickly; when they differ (a copied model) the files are hashed, and the
    record is refreshed if the contents are the same, so a copy is not converted again.
    """
    marker = out / MARKER
    if not (out / "model.bin").is_file() or not marker.is_file():
        return False
    try:
        recorded = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(recorded, dict):
        return False
    fingerprint = source_fingerprint(model_dir)
    if recorded.get("source") == fingerprint:
        return True
    if recorded.get("sha256") != source_hashes(model_dir):
        return False
    recorded["source"] = fingerprint
    with contextlib.suppress(OSError):  # a read-only copy is hashed again next time, still correct
        marker.write_text(json.dumps(recorded, indent=1), encoding="utf-8")
    return True


def ensure_converted(model_dir: Path, compute_type: str, *, force: bool = False) -> Path:
    """The CTranslate2 conversion of model_dir for compute_type, converting it first if needed."""
    check_compute_type(compute_type)
    model_dir = Path(model_dir)
    if not (model_dir / "config.json").is_file():
        raise ModelError(f"{model_dir} is not a Hugging Face model directory (no config.json)")
    if not any((model_dir / name).is_file() for name in WEIGHT_FILES):
        raise ModelError(f"{model_dir} has no weights ({' or '.join(WEIGHT_FILES)})")
    out = converted_dir(model_dir, compute_type)
    if not force and is_current(model_dir, out):
        return out
    import filelock

    out.parent.mkdir(parents=True, exist_ok=True)
    with filelock.FileLock(str(out.parent / f".{out.name}.lock"), timeout=900):
        if not force and is_current(model_dir, out):  # another process converted it meanwhile
            return out
        _convert(model_dir, compute_type, out)
    return out


def _convert(model_dir: Path, compute_type: str, out: Path) -> None:
    started = time.perf_counter()
    log.warning("converting %s to CTranslate2 %s (once; stored in %s)", model_dir, compute_type, out)
    fingerprint = source_fingerprint(model_dir)
    hashes = source_hashes(model_dir)
    staging = out.parent / f".{out.name}.tmp-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        _run_converter(model_dir, compute_type, staging)
        record = {
            "compute_type": compute_type,
            "ctranslate2": ctranslate2_version(),
            "source": fingerprint,
            "sha256": hashes,
        }
        (staging / MARKER).write_text(json.dumps(record, indent=1), encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log.info("converted %s in %.1fs", model_dir.name, time.perf_counter() - started)


def _run_converter(model_dir: Path, compute_type: str, staging: Path) -> None:
    try:
        from ctranslate2.converters import TransformersConverter
    except ImportError:
        raise ModelError(
            "converting to CTranslate2 needs the ctranslate2 package: pip install 'mtcheck[ct2]'"
        ) from None
    try:
        with warnings.catch_warnings(), _quiet_transformers():
            # The converter loads MarianTokenizer, which recommends sacremoses; irrelevant here.
            warnings.simplefilter("ignore")
            TransformersConverter(str(model_dir)).convert(str(staging), quantization=compute_type, force=True)
    except (OSError, ValueError, KeyError, RuntimeError, NotImplementedError, ImportError) as exc:
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(f"cannot convert {model_dir} to CTranslate2: {message}") from exc


@contextlib.contextmanager
def _quiet_transformers() -> Iterator[None]:
    """No transformers progress bars or notices during the conversion; restored afterwards."""
    from transformers.utils import logging as hf_logging

    verbosity = hf_logging.get_verbosity()
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()
