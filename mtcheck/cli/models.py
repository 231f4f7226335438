"""`mtcheck models ...`: list, pull, convert and verify opus-mt models. Thin: mtcheck.models.store does the work."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from mtcheck.config import Settings
from mtcheck.errors import MtcheckError

models_app = typer.Typer(
    help="List, pull, convert and verify opus-mt models in the models folder.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

ModelsDir = Annotated[
    Path | None,
    typer.Option("--models-dir", envvar="MTCHECK_MODELS_DIR", help="Local model store. [default: ./models]"),
]
Config = Annotated[Path | None, typer.Option("--config", help="Config file. [default: mtcheck.toml or pyproject.toml]")]


def _settings(config: Path | None, *, offline: bool = False, **given: Any) -> Settings:
    from mtcheck.run.runner import build_options

    settings, _ = build_options({k: v for k, v in given.items() if v is not None}, config)
    return settings.with_(offline=True) if offline else settings


def _fail(exc: MtcheckError) -> typer.Exit:
    typer.echo(f"mtcheck: error: {exc}", err=True)
    return typer.Exit(exc.exit_code)


def _size(n: int) -> str:
    value = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} B"


@models_app.command("list")
def list_command(models_dir: ModelsDir = None, config: Config = None) -> None:
    """Catalog models and what the models folder holds: revision, size, CTranslate2 conversions."""
    from mtcheck.models.store import list_models

    try:
        settings = _settings(config, models_dir=models_dir)
        entries = list_models(settings)
    except MtcheckError as exc:
        raise _fail(exc) from None
    if not entries:
        typer.echo(f"no models in {settings.models_dir} and no catalog; try: mtcheck models pull en-de")
        return
    for e in entries:
        revision = (e.revision or "unrecorded")[:12]
        state = "not pulled" if e.path is None else f"{_size(e.size)}, revision {revision}"
        pinned = f", pinned {e.pinned_revision[:12]}" if e.pinned_revision else ""
        conversions = ", ".join(
            f"{c.compute_type} {_size(c.size)}{'' if c.current else ' (stale)'}" for c in e.converted
        )
        ct2 = f", ctranslate2: {conversions}" if conversions else ""
        typer.echo(f"{e.name:<24} {e.direction or '?':<8} {e.hub_id} ({state}{pinned}{ct2})")
    problems = [e.problem for e in entries if e.problem]
    for problem in problems:
        typer.echo(f"mtcheck: error: {problem}", err=True)
    if problems:
        raise typer.Exit(2)


@models_app.command("pull")
def pull_command(
    pairs: Annotated[list[str], typer.Argument(help="Language pairs such as en-de, or hub ids.")],
    models_dir: ModelsDir = None,
    offline: Annotated[bool, typer.Option("--offline", help="Never contact the hub.")] = False,
    config: Config = None,
) -> None:
    """Download models from the Hugging Face hub and record the exact revision and file hashes."""
    from mtcheck.models.store import pull

    try:
        settings = _settings(config, models_dir=models_dir, offline=offline)
        results = pull(pairs, settings)
    except MtcheckError as exc:
        raise _fail(exc) from None
    for r in results:
        typer.echo(f"pulled {r.hub_id} revision {r.revision} ({r.files} files, {_size(r.size)}) into {r.path}")


@models_app.command("convert")
def convert_command(
    pairs: Annotated[list[str], typer.Argument(help="Language pairs in the models folder, e.g. en-de.")],
    compute_type: Annotated[
        str | None, typer.Option("--compute-type", help="int8, int8_float32, int16, float32... [default: int8]")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Convert again even if up to date.")] = False,
    models_dir: ModelsDir = None,
    config: Config = None,
) -> None:
    """Convert local models to CTranslate2, beside the model (ct2-<compute type>/)."""
    from mtcheck.models.store import convert

    try:
        settings = _settings(config, models_dir=models_dir, compute_type=compute_type)
        results = convert(pairs, settings, force=force)
    except MtcheckError as exc:
        raise _fail(exc) from None
    for r in results:
        typer.echo(f"converted ({r.compute_type}, {_size(r.size)}): {r.path}")


@models_app.command("verify")
def verify_command(
    pairs: Annotated[list[str] | None, typer.Argument(help="Pairs to verify. [default: all]")] = None,
    models_dir: ModelsDir = None,
    config: Config = None,
) -> None:
    """Check that every recorded file is present with its recorded sha256; exit 1 on a mismatch."""
    from mtcheck.models.store import verify

    try:
        settings = _settings(config, models_dir=models_dir)
        results = verify(settings, pairs or ())
    except MtcheckError as exc:
        raise _fail(exc) from None
    if not results:
        typer.echo(f"no models in {settings.models_dir}")
    for r in results:
        if r.status == "ok":
            line = f"ok        {r.name} (revision {(r.revision or '?')[:12]})"
        elif r.status == "unrecorded":
            line = f"unrecorded {r.name}: no mtcheck-model.json (not pulled by mtcheck), cannot verify"
        else:
            parts = [
                f"{label}: {', '.join(names)}"
                for label, names in (("missing", r.missing), ("changed", r.changed))
                if names
            ]
            line = f"MISMATCH  {r.name}: " + "; ".join(parts)
        if r.extra:
            line += f" [extra files: {', '.join(r.extra)}]"
        if r.stale_conversions:
            line += f" [stale ctranslate2 conversions, redone on next use: {', '.join(r.stale_conversions)}]"
        typer.echo(line)
    if not all(r.ok for r in results):
        raise typer.Exit(1)
