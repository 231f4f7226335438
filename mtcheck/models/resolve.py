"""Where a direction's model comes from: an explicit path or hub id, the models folder, or the hub.

Shared by the engines that run opus-mt models (marian, ctranslate2). Nothing here imports torch or
transformers, so resolving a model (and computing cache keys) stays instant.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from mtcheck.config import Settings
from mtcheck.errors import ModelError

HUB_ORG = "Helsinki-NLP"
Source = Literal["explicit", "models_dir", "hub"]

# Files up to this size are hashed whole; bigger ones (the weights) by size plus their first and last MiB.
_WHOLE_FILE_LIMIT = 8 << 20
_EDGE = 1 << 20
_SKIPPED = {"mtcheck-model.json"}  # rewritten on every pull (timestamp); says nothing about the weights


@dataclass(frozen=True)
class ResolvedModel:
    """One direction's model: a local directory or a hub id."""

    direction: str  # "src-tgt"
    id: str  # local path, or hub id when path is None
    path: Path | None
    revision: str | None
    source: Source


def hub_id(src: str, tgt: str) -> str:
    """The Helsinki-NLP hub id of a direction."""
    return f"{HUB_ORG}/opus-mt-{src}-{tgt}"


def local_dir(src: str, tgt: str, settings: Settings) -> Path:
    """Where the models folder keeps a direction: `<models_dir>/opus-mt-<src>-<tgt>`."""
    return Path(settings.models_dir) / f"opus-mt-{src}-{tgt}"


def resolve_model(src: str, tgt: str, settings: Settings, explicit: str | None = None) -> ResolvedModel:
    """Explicit path or hub id, else `<models_dir>/opus-mt-<src>-<tgt>`, else the Helsinki-NLP hub id."""
    direction = f"{src}-{tgt}"
    if explicit:
        candidate = Path(explicit).expanduser()
        if candidate.is_dir():
            return ResolvedModel(direction, str(candidate), candidate, _local_revision(candidate), "explicit")
        if candidate.exists():
            raise ModelError(f"model for {direction}: {explicit} is a file; give the model's folder or a hub id")
        return ResolvedModel(direction, explicit, None, _catalog_revision(explicit, settings), "explicit")
    folder = local_dir(src, tgt, settings)
    if (folder / "config.json").is_file():
        return ResolvedModel(direction, str(folder), folder, _local_revision(folder), "models_dir")
    remote = hub_id(src, tgt)
    return ResolvedModel(direction, remote, None, _catalog_revision(remote, settings), "hub")


def _local_revision(path: Path) -> str | None:
    # Only the pull record (mtcheck-model.json) says which commit these files are; a catalog pin
    # says what should be there, not what is, so it is not claimed for hand-placed folders.
    from mtcheck.models.catalog import read_record

    record = read_record(path)
    revision = record.get("revision") if record else None
    return revision if isinstance(revision, str) and revision else None


def _catalog_revision(model_id: str, settings: Settings) -> str | None:
    from mtcheck.models.catalog import read_catalog

    for listed, revision in read_catalog(settings):
        if listed == model_id:
            return revision
    return None


_hash_memo: dict[tuple[str, int, int], str] = {}


def _file_digest(path: Path) -> str:
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key in _hash_memo:
        return _hash_memo[key]
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        if stat.st_size <= _WHOLE_FILE_LIMIT:
            for block in iter(lambda: fh.read(_EDGE), b""):
                digest.update(block)
        else:
            digest.update(f"size:{stat.st_size}".encode())
            digest.update(fh.read(_EDGE))
            fh.seek(-_EDGE, 2)
            digest.update(fh.read(_EDGE))
    _hash_memo[key] = digest.hexdigest()
    return _hash_memo[key]


def content_hash(path: Path) -> str:
    """A short, copy-stable hash of a model folder's top-level files (for cache keys).

    Small files (config, vocab, SentencePiece models) are hashed whole. Weights files are hashed by
    size plus their first and last MiB: a retrained or different model changes those bytes, and a
    300 MB model costs 2 MiB of reading instead of 300. Results are memoised per (file, size, mtime).
    """
    folder = Path(path)
    try:
        files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
        digest = hashlib.sha256()
        for item in files:
            if item.name in _SKIPPED:
                continue
            digest.update(f"{item.name}\0{_file_digest(item)}\n".encode())
    except OSError as exc:
        raise ModelError(f"cannot read the model folder {folder}: {exc.strerror or exc}") from exc
    return digest.hexdigest()[:16]


_HUB_PROBE: dict[str, str | None] = {}


def hub_unreachable(timeout: float = 3.0) -> str | None:
    """Why the Hugging Face hub cannot be reached right now, or None; asked once per process.

    The hub client retries for minutes when the network is closed; a quick connection attempt first
    lets mtcheck say so at once. Behind a proxy the probe is skipped (the proxy decides).
    """
    import os
    import socket
    from urllib.parse import urlparse

    if any(os.environ.get(v) for v in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy")):
        return None
    endpoint = os.environ.get("HF_ENDPOINT", "https://huggingface.co")
    if endpoint not in _HUB_PROBE:
        url = urlparse(endpoint)
        host, port = url.hostname or "huggingface.co", url.port or (80 if url.scheme == "http" else 443)
        try:
            socket.create_connection((host, port), timeout=timeout).close()
            _HUB_PROBE[endpoint] = None
        except OSError as exc:
            _HUB_PROBE[endpoint] = f"the Hugging Face hub ({host}) is unreachable: {exc.strerror or exc}"
    return _HUB_PROBE[endpoint]


def hub_revision(model_id: str, revision: str | None) -> str | None:
    """The commit of a hub model in the local Hugging Face cache, else the requested revision."""
    try:
        from huggingface_hub import try_to_load_from_cache

        found = try_to_load_from_cache(model_id, "config.json", revision=revision)
    except Exception:  # a malformed id or cache: the requested revision is all we know
        return revision
    return Path(found).parent.name if isinstance(found, str) else revision


def missing_model_message(direction: str, models_dir: Path, reason: str | None) -> str:
    """One line for a missing opus-mt model: both directions of the round trip, and the model-free engine."""
    src, _, tgt = direction.partition("-")
    pair = (f"{src}-{tgt}", f"{tgt}-{src}")
    folders = " and ".join(str(Path(models_dir) / f"opus-mt-{d}") for d in pair)
    ids = " and ".join(hub_id(*d.split("-", 1)) for d in pair)
    return (
        f"no model for {direction}{f' ({reason})' if reason else ''}: a round trip needs {pair[0]} and {pair[1]}; "
        f"put {ids} in {folders} (see models/README.md), run `mtcheck models pull {pair[0]} {pair[1]}` online "
        "once, or use the model-free apertium engine (`--engine apertium --pivot es`, Debian packages apertium "
        "and apertium-eng-spa)"
    )
