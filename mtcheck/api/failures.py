"""An input that could not be checked, and the one line that says why: light, so `detect` needs no more."""

from __future__ import annotations

from dataclasses import dataclass

from mtcheck.read.inputs import one_line


@dataclass(frozen=True)
class InputFailure:
    """An input that could not be checked, with the one-line reason."""

    path: str
    message: str
    setting: str | None = None  # the setting at fault, when one is (e.g. "language")
    suggestion: str | None = None  # a value of that setting that would work (e.g. pivot "es")


def describe_crash(exc: BaseException) -> str:
    """One line for an unexpected error inside one document (the run goes on without it)."""
    if isinstance(exc, MemoryError):
        return "not enough memory to check this document"
    if isinstance(exc, RecursionError):
        return "nested too deeply to check"
    if isinstance(exc, UnicodeError):
        return f"text the engine or a report cannot handle ({type(exc).__name__}: {one_line(str(exc))[:200]})"
    return f"internal error: {type(exc).__name__}: {one_line(str(exc))[:200]}"
