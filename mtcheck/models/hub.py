"""Downloading opus-mt models from the Hugging Face hub into the models folder, pinned to a commit."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mtcheck.config import Settings
from mtcheck.errors import ModelError

log = logging.getLogger(__name__)

OFFLINE_HINT = "copy the model folder into the models folder (see `mtcheck models list`), or go online"


def hub_offline(settings: Settings) -> str | None:
    """Why the hub must not be contacted (settings or HF_HUB_OFFLINE), or None."""
    if settings.offline:
        return "offline mode is on (the offline setting)"
    if os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on"):
        return "offline mode is on (HF_HUB_OFFLINE)"
    return None


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def fetch(hub_id: str, dest: Path, settings: Settings, *, revision: str | None = None) -> str:
    """Download hub_id at revision (default: the latest commit) into dest; returns the exact commit."""
    reason = hub_offline(settings)
    if reason:
        raise ModelError(f"cannot download {hub_id}: {reason}; {OFFLINE_HINT}")
    from mtcheck.models.catalog import PULL_PATTERNS

    try:
        from huggingface_hub import HfApi, snapshot_download

        info = HfApi().model_info(hub_id, revision=revision, files_metadata=False)
        commit = info.sha or revision
        names = {sibling.rfilename for sibling in info.siblings or ()}
        patterns = list(PULL_PATTERNS)
        if "model.safetensors" in names:
            patterns.remove("pytorch_model.bin")  # the same weights twice otherwise
        log.warning("downloading %s at %s into %s", hub_id, (commit or "latest")[:12], dest)
        dest.mkdir(parents=True, exist_ok=True)
        snapshot_download(hub_id, revision=commit, local_dir=str(dest), allow_patterns=patterns)
    except ModelError:
        raise
    except Exception as exc:  # the hub client raises hub errors, OSError and httpx errors alike
        raise ModelError(f"cannot download {hub_id} from the Hugging Face hub: {_one_line(exc)}") from exc
    if not commit:
        raise ModelError(f"the hub did not report a commit for {hub_id}")
    return commit


def download_model(hub_id: str, settings: Settings) -> tuple[Path, str]:
    """Pull a hub model into the models folder for an engine that needs it now; (path, revision)."""
    from mtcheck.models.catalog import write_record

    dest = Path(settings.models_dir) / hub_id.rsplit("/", 1)[-1]
    revision = fetch(hub_id, dest, settings)
    write_record(dest, hub_id, revision)
    return dest, revision
