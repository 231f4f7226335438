"""What the two opus-mt engines (marian, ctranslate2) share: model bookkeeping and the cache key."""

from __future__ import annotations

from typing import Any

from mtcheck.config import Settings
from mtcheck.models.resolve import content_hash, hub_revision, resolve_model
from mtcheck.results import ModelInfo


class OpusEngine:
    """Base of the engines that run opus-mt models; subclasses load models and generate."""

    name = ""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._loaded: dict[tuple[str, str, str | None], Any] = {}  # (src, tgt, model) -> loaded model
        self._keyed: dict[str, ModelInfo] = {}  # models named by cache keys (a cached run loads none)

    def decoding(self) -> dict[str, Any]:
        """Decoding settings that change outputs."""
        raise NotImplementedError

    def models(self) -> list[ModelInfo]:
        """The models used so far (ids and revisions), for the report signature; loaded or only keyed."""
        found = {info.direction: info for info in self._keyed.values()}
        found.update({loaded.info.direction: loaded.info for loaded in self._loaded.values()})
        return list(found.values())

    def cache_key(self, src: str, tgt: str, *, model: str | None = None) -> str:
        """Model id with content hash (local) or revision (hub), and decoding settings; loads nothing."""
        resolved = resolve_model(src, tgt, self.settings, explicit=model)
        if resolved.path is not None:
            identity = f"{resolved.id}#{content_hash(resolved.path)}"
            revision = resolved.revision
        else:
            revision = hub_revision(resolved.id, resolved.revision)
            identity = f"{resolved.id}@{revision or 'latest'}"
        self._keyed[resolved.direction] = ModelInfo(direction=resolved.direction, id=resolved.id, revision=revision)
        # Batch size is left out: it changes padding, not what a sentence translates to.
        decoding = {k: v for k, v in self.decoding().items() if k != "batch_size"}
        settings = "|".join(f"{k}={v}" for k, v in sorted(decoding.items()))
        return f"{self.name}|{resolved.direction}|{identity}|{settings}"
