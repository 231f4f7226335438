"""Renderers over one Report: per-document (html, json) and per-run (sarif, junit, markdown, index)."""

from __future__ import annotations

import importlib
import os
import re
import secrets
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mtcheck.errors import UsageError
from mtcheck.report.json_report import report_to_dict
from mtcheck.results import Report

__all__ = [
    "RENDERERS",
    "RUN_RENDERERS",
    "known_formats",
    "load_renderer",
    "report_to_dict",
    "validate_formats",
    "write_document_reports",
]

# Per-document renderers: format -> "module:function", function(report) -> str, written to <name>.<format>.
RENDERERS: dict[str, str] = {
    "html": "mtcheck.report.html:render_html",
    "json": "mtcheck.report.json_report:render_json",
    # Bilingual XLIFF inputs only: the file written back with ITS quality-issue annotations (None otherwise).
    "xliff": "mtcheck.report.xliff_out:render_xliff",
}

# Per-run renderers: format -> "module:function", function(reports, output_dir) -> Path of the file written.
# Each also takes the keyword argument gate= (a results.Gate: fail_on and what the baseline knows).
# "index" (index.html) is written on every run, whatever --format says.
RUN_RENDERERS: dict[str, str] = {
    "sarif": "mtcheck.report.sarif:render_sarif",
    "junit": "mtcheck.report.junit:render_junit",
    "markdown": "mtcheck.report.markdown:render_markdown",
    "index": "mtcheck.report.index:render_index",
}


def known_formats() -> tuple[str, ...]:
    """Every format a run can be asked for, per-document first ("index" is always written)."""
    return (*RENDERERS, *(f for f in RUN_RENDERERS if f not in RENDERERS and f != "index"))


def validate_formats(formats: Sequence[str]) -> tuple[str, ...]:
    """Normalise a list of format names; a name no renderer knows is a UsageError."""
    names = tuple(dict.fromkeys(f.strip().lower() for f in formats if f.strip()))
    unknown = [f for f in names if f not in known_formats()]
    if unknown:
        raise UsageError(
            f"unknown format {', '.join(unknown)} (choose from {', '.join(known_formats())})", setting="formats"
        )
    if not names:
        raise UsageError("give at least one format", setting="formats")
    return names


def load_renderer(spec: str) -> Callable[..., Any]:
    """Import the function a registry entry ("module:function") names."""
    module, _, func = spec.partition(":")
    return getattr(importlib.import_module(module), func)  # type: ignore[no-any-return]


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """ "1 finding", "3 findings", "0 findings": a count with its noun in the right number."""
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"


def _file_stem(name: str) -> str:
    """A document name safe to use as a file name inside the output folder."""
    stem = Path(name.replace("\\", "/")).name.strip()
    return stem if stem not in ("", ".", "..") else "document"


_SURROGATES = re.compile("[\ud800-\udfff]")


def _write_atomic(path: Path, text: str) -> None:
    """Write text as UTF-8 through a temporary file; the file gets the umask's mode, as open() would give it."""
    # Lone surrogates (file names that are not valid UTF-8) cannot be encoded: U+FFFD stands in for them.
    data = _SURROGATES.sub("\ufffd", text).encode("utf-8")
    # A reader (a CI step, a browser reloading) never sees a half-written report.
    for _ in range(100):
        tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
        except FileExistsError:
            continue
        break
    else:  # pragma: no cover - 100 collisions of 48 random bits
        raise FileExistsError(f"cannot create a temporary file next to {path}")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_document_reports(report: Report, output_dir: Path, formats: Sequence[str]) -> list[Path]:
    """Write <output_dir>/<name>.<format> for each per-document format asked for; run formats are skipped."""
    # A run may ask for run formats only (e.g. just SARIF): then no per-document file is written.
    asked = [f for f in formats if f.strip()]
    names = [f for f in validate_formats(asked) if f in RENDERERS] if asked else []
    output_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for fmt in names:
        text = load_renderer(RENDERERS[fmt])(report)
        if text is None:  # a format that does not apply to this input (xliff for an article)
            continue
        path = output_dir / f"{_file_stem(report.document.name)}.{fmt}"
        _write_atomic(path, text)
        written.append(path)
    return written
