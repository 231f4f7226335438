"""Command line: parse, call the library, render, map errors to exit codes. Nothing else.

The typer app (every command, its options and help) is in mtcheck.cli.commands; a plain `mtcheck detect` is read and run
without building it, or importing typer (mtcheck.cli.plain), because that costs more start-up than a short run.
"""

from __future__ import annotations

import sys
from typing import Any

from mtcheck.cli.plain import DETECT_OPTIONS, FLAGS, GLOBAL_FLAGS, bare_ray, describe, quick_detect_args

__all__ = ["DETECT_OPTIONS", "FLAGS", "GLOBAL_FLAGS", "app", "bare_ray", "describe", "main", "quick_detect_args"]


def __getattr__(name: str) -> Any:
    """The typer app and its commands (mtcheck.cli.commands), imported on first use."""
    if name in ("app", "report", "detect", "main_options"):
        from mtcheck.cli import commands

        return getattr(commands, name)
    raise AttributeError(f"module 'mtcheck.cli' has no attribute {name!r}")


def main(argv: list[str] | None = None) -> Any:
    """Console entry point. An unexpected error is one line and exit 2 (MTCHECK_DEBUG=1 shows the traceback)."""
    import os

    from mtcheck.cli import plain

    try:
        args = bare_ray(sys.argv[1:] if argv is None else argv)
        quick = quick_detect_args(args)
        if quick is not None:
            return plain.run_quick(quick)
        from mtcheck.cli.commands import app

        return app(args=args)
    except Exception as exc:  # the last net: a bug must not print a traceback at an editor or a CI log
        if os.environ.get("MTCHECK_DEBUG"):
            raise
        plain.fail(f"internal error: {type(exc).__name__}: {exc} (run with MTCHECK_DEBUG=1 for details)")
        raise SystemExit(2) from None
