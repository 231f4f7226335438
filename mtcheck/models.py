"""The local model store behind `mtcheck models list | pull | convert | verify`.

A pulled model lives in `<models_dir>/opus-mt-<src>-<tgt>/` with a `mtcheck-model.json` record: the
hub id, the exact commit it was downloaded at, and the size and sha256 of every file, which `verify`
checks. CTranslate2 conversions sit beside the weights in `ct2-<compute type>/` (see
mtcheck/engines/ct2_convert.py). Nothing here prints or exits; the CLI renders the results.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
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


def _direction(name: str) -> str | None:
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


def _dir_size(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file())


def _conversions(path: Path) -> tuple[Converted, ...]:
    from mtcheck.engines.ct2_convert import is_current

    found = []
    for sub in sorted(path.glob(f"{CT2_PREFIX}*")):
        if sub.is_dir() and (sub / "model.bin").is_file():
            compute_type = sub.name[len(CT2_PREFIX) :]
            found.append(Converted(compute_type, sub, _dir_size(sub), is_current(path, sub)))
    return tuple(found)


def list_models(settings: Settings) -> list[ModelEntry]:
    """The catalog joined with what the models folder holds: presence, revision, sizes, conversions."""
    entries: dict[str, ModelEntry] = {}
    for hub_id, revision in read_catalog(settings):
        name = hub_id.rsplit("/", 1)[-1]
        entries[name] = ModelEntry(name, _direction(name), hub_id, pinned_revision=revision, in_catalog=True)
    root = Path(settings.models_dir)
    if root.is_dir():
        for path in sorted(root.iterdir()):
            if not (path / "config.json").is_file():
                continue
            record = read_record(path) or {}
            base = entries.get(path.name) or ModelEntry(
                path.name, _direction(path.name), record.get("id") or f"{HUB_ORG}/{path.name}"
            )
            entries[path.name] = ModelEntry(
                name=base.name,
                direction=base.direction,
                hub_id=base.hub_id,
                pinned_revision=base.pinned_revision,
                path=path,
                revision=record.get("revision"),
                size=sum(item.stat().st_size for item in model_files(path)),
                converted=_conversions(path),
                in_catalog=base.in_catalog,
            )
    return sorted(entries.values(), key=lambda entry: entry.name)


# -- pull, convert, verify ----------------------------------------------------------------------


def pull(pairs: Iterable[str], settings: Settings) -> list[PullResult]:
    """Download each pair into the models folder at its pinned (or latest) commit and record it."""
    from mtcheck.models_hub import fetch

    pinned = {hub_id: revision for hub_id, revision in read_catalog(settings)}
    results = []
    for pair in pairs:
        hub_id, name = parse_pair(pair)
        dest = Path(settings.models_dir) / name
        revision = fetch(hub_id, dest, settings, revision=pinned.get(hub_id))
        record = write_record(dest, hub_id, revision)
        size = sum(int(entry["size"]) for entry in record["files"].values())
        results.append(PullResult(name, hub_id, revision, dest, len(record["files"]), size))
    return results


def convert(
    pairs: Iterable[str], settings: Settings, *, compute_type: str | None = None, force: bool = False
) -> list[Converted]:
    """Convert local models to CTranslate2 (settings.compute_type unless given)."""
    from mtcheck.engines.ct2_convert import check_compute_type, ensure_converted

    kind = check_compute_type(compute_type or settings.compute_type)
    results = []
    for pair in pairs:
        path = model_dir(pair, settings)
        if not (path / "config.json").is_file():
            raise ModelError(f"{path} is not in the models folder; run `mtcheck models pull {pair}` first")
        out = ensure_converted(path, kind, force=force)
        results.append(Converted(kind, out, _dir_size(out), True))
    return results


def verify_dir(path: Path) -> VerifyResult:
    """Compare a model directory with its pull record: missing, changed and extra files."""
    record = read_record(path)
    stale = tuple(c.compute_type for c in _conversions(path) if not c.current)
    if record is None:
        return VerifyResult(path.name, path, "unrecorded", stale_conversions=stale)
    expected: dict[str, Any] = record["files"]
    present = {str(item.relative_to(path)): item for item in model_files(path)}
    missing = tuple(sorted(set(expected) - set(present)))
    extra = tuple(sorted(set(present) - set(expected)))
    changed = []
    for name in sorted(set(expected) & set(present)):
        item = present[name]
        want = expected[name]
        if item.stat().st_size != want.get("size") or file_sha256(item) != want.get("sha256"):
            changed.append(name)
    status = "mismatch" if missing or changed else "ok"
    return VerifyResult(path.name, path, status, record.get("revision"), missing, tuple(changed), extra, stale)


def verify(settings: Settings, pairs: Iterable[str] = ()) -> list[VerifyResult]:
    """Verify the given pairs, or every model in the models folder."""
    wanted = list(pairs)
    if wanted:
        paths = [model_dir(pair, settings) for pair in wanted]
        for path in paths:
            if not path.is_dir():
                raise ModelError(f"{path} does not exist; run `mtcheck models pull` first")
    else:
        root = Path(settings.models_dir)
        if not root.is_dir():
            raise ModelError(f"the models folder {root} does not exist")
        paths = [path for path in sorted(root.iterdir()) if (path / "config.json").is_file()]
    return [verify_dir(path) for path in paths]
