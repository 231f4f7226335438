"""mtcheck: check machine-translated articles by round-tripping them through MarianMT."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from mtcheck.api import check, check_many

__all__ = ["__version__", "check", "check_many"]


def __getattr__(name: str) -> Any:
    # The pipeline is imported lazily so that `import mtcheck` stays instant.
    if name in ("check", "check_many"):
        from mtcheck import api as pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
