"""The model store's data: catalog, per-model records, file hashes, model folder names."""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mtcheck.config import Settings
from mtcheck.errors import ModelError, UsageError

RECORD = "mtcheck-model.json"
HUB_ORG = "Helsinki-NLP"
CT2_PREFIX = "ct2-"
# Files a Marian model needs; TensorFlow, Flax and Rust weights are never downloaded.
PULL_PATTERNS = ["*.json", "*.spm", "*.model", "*.safetensors", "pytorch_model.bin", "README.md", "LICENSE*"]
_PAIR = re.compile(r"^[A-Za-z]{2,3}(?:_[A-Za-z]+)?-[A-Za-z]{2,3}(?:_[A-Za-z]+)?$|^[A-Za-z]+-[A-Za-z]+$")
_SKIP = {RECORD, ".cache", ".gitattributes"}


@dataclass(frozen=True)
class Converted:
    compute_type: str
    path: Path
    size: int
    current: bool  # converted from the files now present


@dataclass(frozen=True)
class ModelEntry:
    """One model of the catalog and/or of the models folder."""

    name: str  # directory name, e.g. opus-mt-en-de
    direction: str | None
    hub_id: str
    pinned_revision: str | None = None  # from the catalog
    path: Path | None = None  # None when not present locally
    revision: str | None = None  # recorded at pull time
    size: int = 0
    converted: tuple[Converted, ...] = ()
    in_catalog: bool = False
    problem: str | None = None  # why the folder's pull record could not be read (the entry is listed anyway)


@dataclass(frozen=True)
class PullResult:
    name: str
    hub_id: str
    revision: str
    path: Path
    files: int
    size: int


@dataclass(frozen=True)
class VerifyResult:
    name: str
    path: Path
    status: str  # ok | mismatch | unrecorded
    revision: str | None = None
    missing: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    stale_conversions: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.status != "mismatch"


# -- names --------------------------------------------------------------------------------------


def parse_pair(pair: str) -> tuple[str, str]:
    """The hub id and directory name for 'en-de', 'opus-mt-en-de' or 'Helsinki-NLP/opus-mt-en-de'."""
    text = pair.strip()
    if "/" in text:
        owner, _, name = text.partition("/")
        if not owner or not name or "/" in name:
            raise UsageError(f"{pair!r} is not a hub id such as Helsinki-NLP/opus-mt-en-de")
        return text, name
    if text.startswith("opus-mt-"):
        text = text[len("opus-mt-") :]
    if not _PAIR.match(text):
        raise UsageError(f"{pair!r} is not a language pair such as en-de")
    return f"{HUB_ORG}/opus-mt-{text}", f"opus-mt-{text}"


def model_dir(pair: str, settings: Settings) -> Path:
    """The local directory of a pair in the models folder."""
    return Path(settings.models_dir) / parse_pair(pair)[1]


def direction(name: str) -> str | None:
    match = re.match(r"^opus-mt-([A-Za-z_]+)-([A-Za-z_]+)$", name)
    return f"{match.group(1)}-{match.group(2)}" if match else None


# -- records and hashes -------------------------------------------------------------------------


def file_sha256(path: Path) -> str:
    """sha256 of one file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_files(path: Path) -> list[Path]:
    """The files of a Hugging Face model directory (not our record, conversions or hub metadata)."""
    files = []
    for item in sorted(path.rglob("*")):
        rel = item.relative_to(path)
        if not item.is_file() or rel.parts[0] in _SKIP or rel.parts[0].startswith((CT2_PREFIX, ".")):
            continue
        files.append(item)
    return files


def write_record(path: Path, hub_id: str, revision: str | None) -> dict[str, Any]:
    """Write mtcheck-model.json: hub id, revision and the size and sha256 of every file."""
    files = {
        str(item.relative_to(path)): {"size": item.stat().st_size, "sha256": file_sha256(item)}
        for item in model_files(path)
    }
    record = {
        "id": hub_id,
        "revision": revision,
        "pulled_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "files": files,
    }
    tmp = path / f".{RECORD}.tmp-{os.getpid()}"
    tmp.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(path / RECORD)
    return record


def read_record(path: Path) -> dict[str, Any] | None:
    """The pull record of a model directory, or None when it has none."""
    record_path = path / RECORD
    if not record_path.is_file():
        return None
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{record_path} is not readable JSON: {exc}") from exc
    if not isinstance(record, dict) or not isinstance(record.get("files"), dict):
        raise ModelError(f"{record_path} is not a mtcheck model record")
    return record


# -- catalog ------------------------------------------------------------------------------------


def catalog_path(settings: Settings) -> Path:
    """models/catalog.toml: the pinned hub ids and revisions."""
    return Path(settings.models_dir) / "catalog.toml"


def read_catalog(settings: Settings) -> list[tuple[str, str | None]]:
    """(hub id, pinned revision or None) for every model of the catalog; empty when there is none."""
    import tomllib

    path = catalog_path(settings)
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{path} is not valid TOML: {exc}") from exc
    found: list[tuple[str, str | None]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("id"), str):
                revision = node.get("revision")
                found.append((node["id"], revision if isinstance(revision, str) and revision else None))
                return
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    return found


# -- list ---------------------------------------------------------------------------------------
