"""mtcheck: check machine-translated articles by round-tripping them through MarianMT.

The public face: `check`, `check_many` and `validate_settings` (mtcheck.api), `Settings`
(mtcheck.config), the result dataclasses (mtcheck.results) and the errors (mtcheck.errors). They are
imported lazily, so that `import mtcheck` stays instant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mtcheck.version import __version__

if TYPE_CHECKING:
    from mtcheck.api import InputFailure, RunResult, check, check_many, validate_settings
    from mtcheck.config import Settings, Thresholds
    from mtcheck.errors import ConfigError, EngineError, InputError, ModelError, MtcheckError, UsageError
    from mtcheck.results import Detection, Evidence, Finding, Gate, Report, Scores, SentenceResult

_PUBLIC = {
    "mtcheck.api": ("check", "check_many", "validate_settings", "InputFailure", "RunResult"),
    "mtcheck.config": ("Settings", "Thresholds"),
    "mtcheck.errors": ("MtcheckError", "UsageError", "ConfigError", "InputError", "ModelError", "EngineError"),
    "mtcheck.results": ("Report", "SentenceResult", "Finding", "Scores", "Detection", "Evidence", "Gate"),
}
_WHERE = {name: module for module, names in _PUBLIC.items() for name in names}

__all__ = [
    "__version__",
    "check",
    "check_many",
    "validate_settings",
    "InputFailure",
    "RunResult",
    "Settings",
    "Thresholds",
    "MtcheckError",
    "UsageError",
    "ConfigError",
    "InputError",
    "ModelError",
    "EngineError",
    "Report",
    "SentenceResult",
    "Finding",
    "Scores",
    "Detection",
    "Evidence",
    "Gate",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'mtcheck' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
