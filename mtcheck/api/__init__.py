"""The library entry point: check(document, settings) -> Report; check_many(paths) -> RunResult.

`core.py` takes an article through its steps (read, detect, sentences, engine, checks, report);
`units.py` takes a bilingual file (XLIFF, TMX, TSV/CSV) through the segment checks.
"""

from mtcheck.api.core import (
    InputFailure,
    ProgressCallback,
    RunResult,
    check,
    check_many,
    describe_crash,
    validate_settings,
)

__all__ = [
    "InputFailure",
    "ProgressCallback",
    "RunResult",
    "check",
    "check_many",
    "describe_crash",
    "validate_settings",
]
