"""Command line: parse, call the library, render, map errors to exit codes. Nothing else."""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

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
log = logging.getLogger("mtcheck")


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
    _quiet["on"] = quiet
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    logging.basicConfig(level=level, format="mtcheck: %(message)s", stream=sys.stderr)
    for noisy in ("transformers", "huggingface_hub", "urllib3", "filelock"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


# Settings fields and run options, as the library names them in errors, and their flags here.
FLAGS = {
    "batch_size": "--batch-size",
    "beams": "--beams",
    "max_sentences": "--max-sentences",
    "threads": "--threads",
    "pivots": "--pivot",
    "language": "--language",
    "source_language": "--source-language",
    "engine": "--engine",
    "compute_type": "--compute-type",
    "source": "--source",
    "glossary": "--glossary",
    "formats": "--format",
    "fail_on": "--fail-on",
    "config": "--config",
    "output": "--output",
    "baseline": "--baseline",
    "write_baseline": "--write-baseline",
    "models_dir": "--models-dir",
    "fetch_timeout": "--timeout",
    "ignore_robots": "--ignore-robots",
    "device": "--device",
    "batch_tokens": "--batch-tokens",
    "ray": "--ray",
    "calibration": "--calibration",
}


def describe(message: str, setting: str | None, suggestion: str | None = None) -> str:
    """A library message with the flag that sets what it is about, and a value to try, when there are."""
    flag = FLAGS.get(setting or "")
    if flag and suggestion:
        return f"{message} (try {flag} {suggestion})"
    return f"{message} ({flag})" if flag else message


def _fail(message: str, setting: str | None = None, suggestion: str | None = None) -> None:
    typer.echo(f"mtcheck: error: {describe(message, setting, suggestion)}", err=True)


_quiet = {"on": False}  # the global -q: errors only


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
    compute_type: Annotated[str | None, typer.Option("--compute-type", help="ctranslate2: int8, float32, ...")] = None,
    fail_on: Annotated[
        str | None,
        typer.Option("--fail-on", help="Exit 1 on findings at or above: info, warning, error, never."),
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
    glossary: Annotated[Path | None, typer.Option("--glossary", help="Glossary CSV or TBX.", readable=False)] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="The original article, a file or a URL (bilingual mode).")
    ] = None,
    cache_dir: Annotated[
        Path | None, typer.Option("--cache-dir", help="Translation cache folder.", readable=False)
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
    quiet = quiet or _quiet["on"]
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
            typer.echo(line)
    if not quiet:
        failed = {f.path for f in outcome.failures}
        done = sum(1 for r in outcome.reports if r.document.path not in failed)
        where = f"reports in {options.output}" if outcome.written else "no reports written"
        mt = f", {sum(1 for r in outcome.reports if r.detection.machine_translated)} machine translated"
        typer.echo(
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
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")] = False,
) -> None:
    """Tell which articles are machine translated (no models needed)."""
    quiet = quiet or _quiet["on"]
    if format not in ("text", "json"):
        _fail(f"--format: {format!r} is not one of text, json")
        raise typer.Exit(2)
    try:
        from mtcheck.config import Settings
        from mtcheck.run.runner import run_detect

        settings = Settings(cache=not no_cache, cache_dir=cache_dir, ignore_robots=ignore_robots, fetch_timeout=timeout)
        outcome = run_detect(paths, fail_if_mt=fail_if_mt, settings=settings.validate())
    except MtcheckError as exc:
        _fail(str(exc), exc.setting, exc.suggestion)
        raise typer.Exit(exc.exit_code) from None
    from mtcheck.detect import detection_to_dict, render_summary

    for failure in outcome.failures:
        _fail(failure.message, failure.setting, failure.suggestion)
    if format == "json":
        import json

        rows = [detection_to_dict(d, path) for path, d in outcome.results]
        rows += [{"path": f.path, "error": f.message} for f in outcome.failures]
        # Names that are not valid UTF-8 (surrogate escapes) are written with U+FFFD: the JSON stays UTF-8.
        _echo_text(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not quiet:
        for path, d in outcome.results:
            _echo_text(render_summary(path, d))
    raise typer.Exit(outcome.exit_code)


def _echo_text(text: str) -> None:
    """Text on stdout as valid UTF-8 whatever it holds (lone surrogates from undecodable file names)."""
    typer.echo(re.sub("[\ud800-\udfff]", "\ufffd", text))


def _mount_models() -> None:
    try:
        from mtcheck.cli.models import models_app
    except ImportError:  # pragma: no cover - the models command is optional while it is built
        return
    app.add_typer(models_app, name="models", help="List, pull, convert and verify opus-mt models.")


_mount_models()


def bare_ray(argv: list[str]) -> list[str]:
    """`--ray` with no address (last, before an option, or before an input that exists) means `--ray auto`."""
    out = list(argv)
    for i, arg in enumerate(out):
        if arg == "--":
            break
        if arg == "--ray":
            following = out[i + 1] if i + 1 < len(out) else None
            if following is None or following.startswith("-") or Path(following).exists():
                out[i] = "--ray=auto"
    return out


# `detect`'s options as `_quick_detect` reads them: flag -> (parameter, takes a value). A test holds this
# table to the typer declaration above, so the two cannot drift apart.
DETECT_OPTIONS: dict[str, tuple[str, bool]] = {
    "--format": ("format", True),
    "-f": ("format", True),
    "--fail-if-mt": ("fail_if_mt", False),
    "--cache-dir": ("cache_dir", True),
    "--no-cache": ("no_cache", False),
    "--ignore-robots": ("ignore_robots", False),
    "--timeout": ("timeout", True),
    "--quiet": ("quiet", False),
    "-q": ("quiet", False),
}
_GLOBAL_FLAGS = {"-v": "verbose", "--verbose": "verbose", "-q": "quiet", "--quiet": "quiet"}


def quick_detect_args(argv: list[str]) -> dict[str, Any] | None:
    """`mtcheck [-v|-q] detect ...` read without building the typer app, or None to leave it to typer.

    Building the app's click command and its pydantic type adapters costs more start-up than the rest of a
    small `detect` run, so plain invocations are read here and run `detect` itself. Whatever is not plain
    (help, an unknown or abbreviated option, a value that starts with "-", a number typer would read in
    its own way, a name that is not valid UTF-8, shell completion) goes to typer, which says it as before.
    """
    import os

    if any(name.endswith("_COMPLETE") for name in os.environ):
        return None
    try:
        for arg in argv:
            arg.encode("utf-8")
    except UnicodeEncodeError:
        return None
    verbose, quiet_all, i = 0, False, 0
    while i < len(argv) and argv[i] in _GLOBAL_FLAGS:
        if _GLOBAL_FLAGS[argv[i]] == "verbose":
            verbose += 1
        else:
            quiet_all = True
        i += 1
    if i >= len(argv) or argv[i] != "detect":
        return None
    values: dict[str, Any] = {"paths": []}
    rest = argv[i + 1 :]
    k = 0
    while k < len(rest):
        arg = rest[k]
        k += 1
        if arg == "--":
            values["paths"].extend(rest[k:])
            break
        if arg == "-" or not arg.startswith("-"):
            values["paths"].append(arg)
            continue
        flag, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if flag not in DETECT_OPTIONS:
            return None
        name, takes_value = DETECT_OPTIONS[flag]
        if not takes_value:
            if eq:
                return None
            values[name] = True
            continue
        if not eq:
            if k >= len(rest):
                return None
            value = rest[k]
            k += 1
        if not value or value.startswith("-"):
            return None
        if name == "timeout":
            if not re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", value):
                return None
            values[name] = float(value)
        elif name == "cache_dir":
            if os.path.exists(value) and not os.access(value, os.R_OK):
                return None  # typer's own message
            values[name] = Path(value)
        else:
            values[name] = value
    if not values["paths"]:
        return None
    return {"verbose": verbose, "quiet_all": quiet_all, "detect": values}


def _quick_detect(parsed: dict[str, Any]) -> Any:
    """Run `detect` with what quick_detect_args read, ending as typer's standalone mode ends."""
    import errno

    try:
        try:
            main_options(version=False, verbose=parsed["verbose"], quiet=parsed["quiet_all"])
            detect(**parsed["detect"])
        except EOFError:
            typer.echo(err=True)
            typer.echo("Aborted!", err=True)
            raise SystemExit(1) from None
        except KeyboardInterrupt:
            raise SystemExit(130) from None
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise
            import os

            # What click does on a closed pipe: exit 1, and nothing more written (a flush would fail again).
            devnull = open(os.devnull, "w")  # noqa: SIM115 - stays open until the interpreter exits
            sys.stdout = sys.stderr = devnull
            raise SystemExit(1) from None
    except typer.Exit as done:
        raise SystemExit(done.exit_code) from None
    raise SystemExit(0)


def main(argv: list[str] | None = None) -> Any:
    """Console entry point. An unexpected error is one line and exit 2 (MTCHECK_DEBUG=1 shows the traceback)."""
    import os

    try:
        args = bare_ray(sys.argv[1:] if argv is None else argv)
        quick = quick_detect_args(args)
        if quick is not None:
            return _quick_detect(quick)
        return app(args=args)
    except Exception as exc:  # the last net: a bug must not print a traceback at an editor or a CI log
        if os.environ.get("MTCHECK_DEBUG"):
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (run with MTCHECK_DEBUG=1 for details)")
        raise SystemExit(2) from None
