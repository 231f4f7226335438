"""Operations on the local model store: list, pull, convert, verify."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mtcheck.config import Settings
from mtcheck.errors import ModelError, UsageError
from mtcheck.models.catalog import (
    CT2_PREFIX,
    HUB_ORG,
    Converted,
    ModelEntry,
    PullResult,
    VerifyResult,
    direction,
    file_sha256,
    model_dir,
    model_files,
    parse_pair,
    read_catalog,
    read_record,
    write_record,
)


def _dir_size(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file())


def _conversions(path: Path) -> tuple[Converted, ...]:
    from mtcheck.models.ct2_convert import is_current

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
        entries[name] = ModelEntry(name, direction(name), hub_id, pinned_revision=revision, in_catalog=True)
    root = Path(settings.models_dir)
    if root.exists() and not root.is_dir():
        raise UsageError(f"the models folder {root} is a file, not a folder (--models-dir)")
    if root.is_dir():
        for path in sorted(root.iterdir()):
            if not (path / "config.json").is_file():
                continue
            problem = None
            try:
                record = read_record(path) or {}
            except ModelError as exc:  # one bad record must not hide the other models
                record, problem = {}, str(exc)
            base = entries.get(path.name) or ModelEntry(
                path.name, direction(path.name), record.get("id") or f"{HUB_ORG}/{path.name}"
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
                problem=problem,
            )
    return sorted(entries.values(), key=lambda entry: entry.name)


# -- pull, convert, verify ----------------------------------------------------------------------


def pull(pairs: Iterable[str], settings: Settings) -> list[PullResult]:
    """Download each pair into the models folder at its pinned (or latest) commit and record it."""
    from mtcheck.models.hub import fetch

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
    from mtcheck.models.ct2_convert import check_compute_type, ensure_converted

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
