"""Where the project's shared material lies: `../shared` beside the checkout (CI and sessions)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_CANDIDATES = [Path(os.environ["MTCHECK_SHARED"])] if os.environ.get("MTCHECK_SHARED") else []
_CANDIDATES += [ROOT.parent / "shared", Path("/work/shared")]

SHARED: Path | None = next((p for p in _CANDIDATES if p.is_dir()), None)


def shared_path(*parts: str) -> Path:
    """A path inside the shared folder (it may not exist: tests skip then)."""
    return (SHARED or ROOT.parent / "shared").joinpath(*parts)
