"""Checks shared by the fuzz suite (tests/unit/test_fuzz.py) and the full-corpus benchmark (bench/fuzz_run.py).

Each input goes through the library as the CLI runs it (check_many: read, detect, segment, engine, checks),
under a per-input time limit, and its reports are rendered and checked: no internal error, no hang, every
good input reported, every report well-formed (JSON against the schema, HTML with payloads escaped,
SARIF against the official schema, JUnit parseable, index listing every failed input).
"""

from __future__ import annotations

import json
import re
import signal
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from mtcheck.api import InputFailure, check_many
from mtcheck.config import Settings
from mtcheck.engines.base import Engine
from mtcheck.report import RUN_RENDERERS, load_renderer, write_document_reports
from mtcheck.results import Gate, Report
from tests.shared import shared_path

# Raw markup a payload would need to run; a report must only ever hold it escaped.
DANGEROUS = re.compile(
    r"<script>alert|<img src=x onerror|<svg onload|<iframe src|<a href='javascript|<mglyph|<style>body", re.I
)


class Hang(BaseException):
    """An input ran past its time limit (BaseException: the run's own `except Exception` must not eat it)."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise Hang in the main thread after `seconds` (SIGALRM)."""

    def expire(signum: int, frame: Any) -> None:
        raise Hang(f"over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Outcome:
    path: str
    status: str  # report | failure | internal | hang
    seconds: float
    message: str = ""
    report: Report | None = None
    failure: InputFailure | None = None


@dataclass
class Tally:
    outcomes: list[Outcome] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


def _validator() -> Any:
    import jsonschema

    schema = json.loads(
        resources.files("mtcheck.report").joinpath("schema", "report.schema.json").read_text(encoding="utf-8")
    )
    return jsonschema.validators.validator_for(schema)(schema)


def run_one(path: str, *, settings: Settings, engine: Engine | None, translate: bool, limit_s: float) -> Outcome:
    """One input through check_many, as the CLI runs it, under a time limit."""
    start = time.perf_counter()
    try:
        with time_limit(limit_s):
            result = check_many([path], settings=settings, engine=engine, translate=translate)
    except Hang as exc:
        return Outcome(path, "hang", time.perf_counter() - start, str(exc))
    except Exception as exc:  # check_many lets only run-wide errors out: for one input, that is a bug
        return Outcome(path, "internal", time.perf_counter() - start, f"{type(exc).__name__}: {exc}")
    seconds = time.perf_counter() - start
    if result.reports:
        return Outcome(path, "report", seconds, report=result.reports[0])
    failure = result.failures[0]
    status = "internal" if "internal error" in failure.message else "failure"
    if "\n" in failure.message:
        status = "internal"
    return Outcome(path, status, seconds, failure.message, failure=failure)


def check_document_reports(report: Report, out: Path, validator: Any, clean_scripts: int | None) -> list[str]:
    """Problems with one document's HTML and JSON reports (empty when well-formed)."""
    problems = []
    html_path, json_path = write_document_reports(report, out, ["html", "json"])
    data = json_path.read_bytes().decode("utf-8")  # must be UTF-8
    errors = [e.message for e in validator.iter_errors(json.loads(data))]
    if errors:
        problems.append(f"{report.document.path}: JSON report not valid: {errors[0]}")
    html = html_path.read_bytes().decode("utf-8")
    if DANGEROUS.search(html):
        problems.append(f"{report.document.path}: HTML report holds an unescaped payload")
    if clean_scripts is not None and html.lower().count("<script") != clean_scripts:
        problems.append(f"{report.document.path}: HTML report has an extra <script> element")
    return problems


def check_run_reports(reports: list[Report], failures: list[InputFailure], out: Path) -> list[str]:
    """Problems with the run's reports: SARIF (schema), JUnit (XML), summary and index (every failure listed)."""
    problems = []
    gate = Gate(fail_on="error")
    written = {
        name: load_renderer(spec)(reports, out, gate=gate, failures=failures) for name, spec in RUN_RENDERERS.items()
    }
    log = json.loads(written["sarif"].read_bytes().decode("utf-8"))
    schema_path = shared_path("schemas", "sarif-schema-2.1.0.json")
    if schema_path.is_file():
        import jsonschema

        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        errors = list(jsonschema.validators.validator_for(schema)(schema).iter_errors(log))
        if errors:
            problems.append(f"SARIF not valid: {errors[0].message[:200]}")
    notes = log["runs"][0]["invocations"][0].get("toolExecutionNotifications", [])
    if len(notes) != len(failures):
        problems.append(f"SARIF lists {len(notes)} failed inputs, not {len(failures)}")
    ET.parse(written["junit"])
    index = written["index"].read_bytes().decode("utf-8")
    if DANGEROUS.search(index) or DANGEROUS.search(written["markdown"].read_text(encoding="utf-8")):
        problems.append("index.html or summary.md holds an unescaped payload")
    if failures and f"Inputs not checked ({len(failures)})" not in index:
        problems.append("index.html does not list the failed inputs")
    return problems


def run_corpus(
    paths: list[str],
    good: set[str],
    out: Path,
    *,
    settings: Settings,
    engine: Engine | None,
    translate: bool,
    limit_s: float,
    progress: bool = False,
) -> Tally:
    """Every path through run_one, its reports checked; then the run's reports."""
    tally = Tally()
    validator = _validator()
    clean_scripts: int | None = None
    docs = out / "documents"
    for number, path in enumerate(paths):
        outcome = run_one(path, settings=settings, engine=engine, translate=translate, limit_s=limit_s)
        tally.outcomes.append(outcome)
        if outcome.report is not None:
            if clean_scripts is None and path in good:
                html = write_document_reports(outcome.report, out / "clean", ["html"])[0].read_text(encoding="utf-8")
                clean_scripts = html.lower().count("<script")
            try:
                tally.problems += check_document_reports(outcome.report, docs, validator, clean_scripts)
            except Exception as exc:  # a renderer that cannot write a report is a finding of this run
                tally.problems.append(f"{path}: writing its reports failed: {type(exc).__name__}: {exc}")
        elif path in good:
            tally.problems.append(f"{path}: a good input got no report ({outcome.status}: {outcome.message})")
        if outcome.status in ("internal", "hang"):
            tally.problems.append(f"{path}: {outcome.status}: {outcome.message}")
        if progress and number % 50 == 0:
            print(f"{number}/{len(paths)} ...", flush=True)
    reports = [o.report for o in tally.outcomes if o.report is not None]
    failures = [o.failure for o in tally.outcomes if o.failure is not None]
    tally.problems += check_run_reports(reports, failures, out / "run")
    return tally
