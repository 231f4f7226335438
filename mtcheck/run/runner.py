"""What a `report` or `detect` run does, below the CLI: settings, outputs, exit codes. No printing."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtcheck.api.failures import InputFailure, describe_crash
from mtcheck.config import (
    DEFAULT_FORMATS,
    DEFAULT_OUTPUT_DIR,
    DETECT_PARALLEL_FILES,
    DETECT_WORKERS,
    FAIL_ON_CHOICES,
    Settings,
)
from mtcheck.errors import InputError, UsageError
from mtcheck.read.inputs import STDIN, one_line
from mtcheck.results import Detection, Gate

if TYPE_CHECKING:
    from concurrent.futures import Future

    from mtcheck.api import ProgressCallback, RunResult
    from mtcheck.results import Report

log = logging.getLogger("mtcheck")


@dataclass(frozen=True)
class RunOptions:
    """What to write and how to judge it; everything else lives in Settings."""

    output: Path = DEFAULT_OUTPUT_DIR
    formats: tuple[str, ...] = DEFAULT_FORMATS
    fail_on: str = "error"
    baseline: Path | None = None
    write_baseline: Path | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportOutcome:
    reports: tuple[Report, ...]
    failures: tuple[InputFailure, ...]
    written: tuple[Path, ...]
    gated: dict[str, int] = field(default_factory=dict)  # document path -> findings at or above the gate
    exit_code: int = 0
    gate: Gate = field(default_factory=Gate)  # the gate and what the baseline knows, for renderers
    # Why --write-baseline wrote nothing (an input failed: its findings are unknown), for the CLI to say.
    baseline_not_written: str | None = None


def _split(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    return tuple(value)


def build_options(given: dict[str, Any], config_path: Path | None = None) -> tuple[Settings, RunOptions]:
    """Defaults, then the config file, then the options given on the command line (they win)."""
    from mtcheck.api import validate_settings
    from mtcheck.report import validate_formats
    from mtcheck.run import configfile

    if config_path is not None and not os.path.lexists(config_path):
        raise UsageError(f"no such config file: {config_path}", setting="config")
    path = config_path or configfile.find_config(Path.cwd())
    config = configfile.load_config(path) if path is not None else {}
    given = dict(given)
    if "format" in given:
        given["formats"] = given.pop("format")
    if "pivot" in given:
        given["pivot"] = [p.strip().lower() for p in given["pivot"].split(",") if p.strip()]
        if not given["pivot"]:  # --pivot '' or ',' must not fall back to the default pivot unsaid
            raise UsageError("give at least one pivot language, such as 'de' or 'de,fr'", setting="pivots")
    values = configfile.merge(config, given)

    formats = validate_formats(_split(values.get("formats", DEFAULT_FORMATS)))
    fail_on = values.get("fail_on", "error")
    if fail_on not in FAIL_ON_CHOICES:
        raise UsageError(f"fail_on {fail_on!r} is not one of {', '.join(FAIL_ON_CHOICES)}", setting="fail_on")

    # Keys the config file knows go through its validated path; the rest exist on the command line only.
    settings = configfile.apply_config(Settings(), values)
    changes: dict[str, Any] = {}
    for key in ("forward_model", "backward_model", "threads", "source_language"):
        if key in values:
            changes[key] = values[key]
    if "source" in values:  # a file, or a web page (a URL stays a string: Path would fold its "//")
        from mtcheck.read.fetch import is_url

        source = str(values["source"])
        changes["source"] = source.strip() if is_url(source) else Path(source)
    settings = validate_settings(settings.with_(**changes))
    if settings.source is not None and settings.engine == "none":  # else the original would be ignored unsaid
        raise UsageError(
            "the original is compared through machine translation, and engine 'none' translates nothing: "
            "choose an engine (e.g. --engine apertium) or leave out --source",
            setting="source",
        )
    options = RunOptions(
        output=Path(values.get("output", DEFAULT_OUTPUT_DIR)),
        formats=formats,
        fail_on=fail_on,
        baseline=Path(values["baseline"]) if "baseline" in values else None,
        write_baseline=Path(values["write_baseline"]) if "write_baseline" in values else None,
        include=_split(values.get("include", ())),
        exclude=_split(values.get("exclude", ())),
    )
    return settings, options


def run_report(
    paths: Sequence[str],
    settings: Settings,
    options: RunOptions,
    *,
    progress: ProgressCallback | None = None,
    on_report: Callable[[Report, list[Path]], None] | None = None,
    on_failure: Callable[[InputFailure], None] | None = None,
    fail_if_mt: bool = False,
) -> ReportOutcome:
    """Check every input, write each document's reports as it finishes, then the run's reports.

    A document that cannot be read, translated, checked or written is a failure of its own: the others
    still run, and the run's reports (index, summary, JUnit, SARIF) list it, even when every input failed.
    """
    from mtcheck.api import check_many
    from mtcheck.report import RENDERERS, RUN_RENDERERS, load_renderer, write_document_reports

    baseline = _load_baseline(options.baseline)
    try:
        options.output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror
        if isinstance(exc, FileExistsError) and not options.output.is_dir():
            reason = "a file is in the way (the output must be a folder)"
        raise UsageError(f"cannot create the output folder {options.output}: {reason}", setting="output") from None
    written: list[Path] = []
    write_failures: list[InputFailure] = []
    reported: list[Report] = []  # checked and written
    doc_formats = [f for f in options.formats if f in RENDERERS]

    def write(report: Report) -> None:
        try:
            files = write_document_reports(report, options.output, doc_formats)
        except Exception as exc:  # a full disk or a renderer bug on one document: that document's failure
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else describe_crash(exc)
            failure = InputFailure(
                report.document.path, f"{one_line(report.document.path)}: cannot write its report: {reason}"
            )
            write_failures.append(failure)
            if on_failure:
                on_failure(failure)
            return
        reported.append(report)
        written.extend(files)
        if on_report:
            on_report(report, files)

    # Reports are rendered and written on another thread while the next document is translated.
    check: Callable[..., RunResult] = check_many
    if settings.ray is not None:
        from mtcheck.run.distributed import check_many_ray

        check = check_many_ray
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="mtcheck-write") as writer:
        writes: list[Future[None]] = []
        result = check(
            _filter(paths, options),
            settings=settings,
            progress=progress,
            on_report=lambda report: writes.append(writer.submit(write, report)),
            on_failure=on_failure,
            skip=[options.output],  # the run never reads its own reports as articles
        )
        for done in writes:
            done.result()  # a renderer bug surfaces here instead of vanishing with its thread
    # A document whose report could not be written is a failure, not a checked document.
    written_ids = {id(r) for r in reported}
    reports = tuple(r for r in result.reports if id(r) in written_ids)
    failures = result.failures + tuple(write_failures)
    from mtcheck.run.baseline import gate_for

    gate = gate_for(reports, options.fail_on, baseline)
    run_formats = ["index"] + [f for f in options.formats if f in RUN_RENDERERS and f != "index"]
    for name in run_formats:  # written even when every input failed: they say so
        renderer = load_renderer(RUN_RENDERERS[name])
        try:
            written.append(renderer(reports, options.output, gate=gate, failures=failures))
        except OSError as exc:
            raise UsageError(f"cannot write the {name} report: {exc.strerror or exc}", setting="output") from None
    baseline_not_written = None
    if options.write_baseline is not None and failures:
        # A failed input's findings are unknown: a baseline without them would report them as new later,
        # and overwriting the old one would lose its entries for that input. Nothing is lost by waiting.
        state = "was left unchanged" if os.path.lexists(options.write_baseline) else "was not created"
        baseline_not_written = (
            f"baseline not written: {len(failures)} input{'s' if len(failures) != 1 else ''} failed, so "
            f"{options.write_baseline} {state}; fix the failures and run again"
        )
    elif options.write_baseline is not None:
        from mtcheck.run.baseline import write_baseline

        try:
            write_baseline(reports, options.write_baseline)
        except OSError as exc:
            raise UsageError(
                f"cannot write the baseline {options.write_baseline}: {exc.strerror or exc}", setting="write_baseline"
            ) from None
        written.append(options.write_baseline)

    gated = {r.document.path: len(gate.gated(r)) for r in reports}
    if failures:
        code = 2
    elif any(gated.values()) or (fail_if_mt and any(r.detection.machine_translated for r in reports)):
        code = 1
    else:
        code = 0
    return ReportOutcome(reports, failures, tuple(written), gated, code, gate, baseline_not_written)


def _load_baseline(path: Path | None) -> Any:
    if path is None:
        return None
    from mtcheck.run.baseline import load_baseline

    return load_baseline(path)


def _filter(paths: Sequence[str], options: RunOptions) -> list[str]:
    """Apply include/exclude globs to what folders and globs expand to; files named explicitly always run."""
    if not options.include and not options.exclude:
        return list(paths)
    from mtcheck.read.fetch import is_url
    from mtcheck.read.inputs import expand_inputs

    kept: list[str] = []
    for arg in paths:
        if arg == "-" or is_url(arg) or os.path.isfile(arg):
            kept.append(arg)
            continue
        for item in expand_inputs([arg], skip=[options.output]):
            path = Path(item.path)
            if item.error is None and options.exclude and any(path.match(g) for g in options.exclude):
                continue
            if item.error is None and options.include and not any(path.match(g) for g in options.include):
                continue
            kept.append(item.path)
    if not kept:
        raise InputError("no input documents left after the include/exclude patterns")
    return kept


@dataclass(frozen=True)
class DetectOutcome:
    results: tuple[tuple[str, Detection], ...]
    failures: tuple[InputFailure, ...]
    exit_code: int


def run_detect(paths: Sequence[str], *, fail_if_mt: bool = False, settings: Settings | None = None) -> DetectOutcome:
    """Detection alone: no models, no torch. Web pages are fetched with the settings' cache and robots rules.

    Many local files (DETECT_PARALLEL_FILES or more, and no web pages) are read on DETECT_WORKERS worker
    processes; the results are the same, in the same order.
    """
    from mtcheck.read.inputs import expand_inputs, is_url

    results: list[tuple[str, Detection]] = []
    failures: list[InputFailure] = []
    items = expand_inputs(paths)
    reader = _load_reader(settings.reader if settings is not None else NO_READER)  # loaded once per process
    local = [i for i, item in enumerate(items) if item.error is None and item.path != STDIN]
    urls = [item.path for item in items if item.error is None and is_url(item.path)]
    done: dict[int, tuple[Detection | None, InputFailure | None]] = {}
    # A reader's encoder may be forked only while its OpenMP runs one thread (no thread pool to lose in the fork).
    if not urls and (reader is None or _single_threaded(reader)):
        name = "none" if reader is None else reader.name
        done = _detect_in_workers([(items[i].path, items[i].name) for i in local], local, name)
    with _fetcher(urls, settings) as fetcher:
        for i, item in enumerate(items):
            detection, failure = (
                done[i] if i in done else _detect_one(item.path, item.name, item.error, fetcher, reader)
            )
            if detection is not None:
                results.append((item.path, detection))
            if failure is not None:
                failures.append(failure)
    if failures:
        code = 2
    elif fail_if_mt and any(d.machine_translated for _, d in results):
        code = 1
    else:
        code = 0
    if not results and not failures:
        raise InputError("no input documents found")
    return DetectOutcome(tuple(results), tuple(failures), code)


NO_READER = "none"  # mtcheck.detect.reader.NONE, spelled here: the default run never imports the reader module


def _load_reader(name: str) -> Any:
    """`mtcheck.detect.reader.load(name)`; "none" (the default) without importing the reader module (its import, its
    dataclasses and its data are start-up time a plain `mtcheck detect` does not need)."""
    if name == NO_READER:
        return None
    from mtcheck.detect.reader import load

    return load(name)


def _single_threaded(reader: Any) -> bool:
    from mtcheck.detect.reader import single_threaded

    return single_threaded(reader)


def _fetcher(urls: list[str], settings: Settings | None) -> Any:
    """A fetcher already fetching `urls`; with none, no fetcher (local files never use one, and the fetching
    side, its HTTP cache and robots rules, is not even imported)."""
    if not urls:
        import contextlib

        return contextlib.nullcontext()
    from mtcheck.read.fetch import fetcher_for

    fetcher = fetcher_for(settings or Settings())
    fetcher.prefetch(urls)
    return fetcher


def _detect_one(
    path: str, name: str, error: Exception | None = None, fetcher: Any = None, reader: Any = None
) -> tuple[Detection | None, InputFailure | None]:
    """One input's detection, or its failure (one line)."""
    from mtcheck.detect.page import detect_document
    from mtcheck.errors import MtcheckError
    from mtcheck.read.web import read_input

    try:
        if error is not None:
            raise error
        # No source map: detection never reads where its words sit in the file.
        document = read_input(path, name=name, fetcher=fetcher, source_map=False)
        return detect_document(document, reader=reader).detection, None
    except MtcheckError as exc:
        return None, InputFailure(path, str(exc), exc.setting)
    except Exception as exc:  # one document's problem, never the run's
        return None, InputFailure(path, f"{one_line(path)}: {describe_crash(exc)}")


def _detect_batch(
    batch: list[tuple[str, str]], reader: str = "none"
) -> list[tuple[Detection | None, InputFailure | None]]:
    """Detection of a few local files, in a worker process, with the named reader (loaded once per process)."""
    loaded = _load_reader(reader)
    return [_detect_one(path, name, reader=loaded) for path, name in batch]


def _detect_in_workers(
    files: list[tuple[str, str]], keys: list[int], reader: str = "none"
) -> dict[int, tuple[Detection | None, InputFailure | None]]:
    """Local files' detections from worker processes, by key; empty when too few files or CPUs for it."""
    workers = min(DETECT_WORKERS, os.cpu_count() or 1)
    if workers < 2 or len(files) < DETECT_PARALLEL_FILES:
        return {}
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    methods = multiprocessing.get_all_start_methods()
    fork = "fork" in methods
    # Forked workers inherit what the first files loaded (modules, compiled phrase rules, language profiles).
    head = _detect_batch(files[:_WARM_FILES], reader) if fork else []
    rest = files[len(head) :]
    size = max(1, min(32, len(rest) // (workers * 8)))  # small batches: the workers finish together
    batches = [rest[i : i + size] for i in range(0, len(rest), size)]
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork" if fork else None)) as pool:
            readers = [reader] * len(batches)
            outcomes = head + [outcome for batch in pool.map(_detect_batch, batches, readers) for outcome in batch]
    except (OSError, BrokenProcessPool) as exc:  # no processes here (a sandbox): this process does the rest
        log.debug("detect: worker processes unavailable (%s), reading the files in this process", exc)
        outcomes = head + _detect_batch(rest, reader)
    return dict(zip(keys, outcomes, strict=True))


_WARM_FILES = 16  # read before the workers start
