"""The library entry point: check(document, settings) -> Report; check_many(paths) -> RunResult.

`core.py` takes an article through its steps (read, detect, sentences, engine, checks, report);
`units.py` takes a bilingual file (XLIFF, TMX, TSV/CSV) through the segment checks; `failures.py` holds
the one-line failure of an input. The names below are imported on first use, so that `mtcheck detect`,
which needs only the failures, does not load the checks, the engines' registry and the renderers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mtcheck.api.core import ProgressCallback, RunResult, check, check_many, validate_settings
    from mtcheck.api.failures import InputFailure, describe_crash

_WHERE = {
    "InputFailure": "mtcheck.api.failures",
    "describe_crash": "mtcheck.api.failures",
    "ProgressCallback": "mtcheck.api.core",
    "RunResult": "mtcheck.api.core",
    "check": "mtcheck.api.core",
    "check_many": "mtcheck.api.core",
    "validate_settings": "mtcheck.api.core",
}

__all__ = [
    "InputFailure",
    "ProgressCallback",
    "RunResult",
    "check",
    "check_many",
    "describe_crash",
    "validate_settings",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'mtcheck.api' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
