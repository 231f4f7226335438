"""Machine-translation detection: disclaimers in many languages, language signals, the round-trip signal.

Pure Python: nothing here imports torch, transformers or ctranslate2.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mtcheck.detect import calibration
from mtcheck.detect.core import THRESHOLD, detect, detect_text
from mtcheck.detect.output import detection_to_dict, render_summary, vetoed_lines

if TYPE_CHECKING:
    from mtcheck.detect.roundtrip import (
        Calibration,
        calibrate,
        load_calibration,
        roundtrip_signal,
        roundtrip_verdict,
        save_calibration,
    )

# The round-trip signal's names (mtcheck.detect.roundtrip), imported on first use: `mtcheck detect` never reads them.
_ROUNDTRIP = frozenset(
    ("Calibration", "calibrate", "load_calibration", "roundtrip_signal", "roundtrip_verdict", "save_calibration")
)

__all__ = [
    "THRESHOLD",
    "Calibration",
    "calibrate",
    "calibration",
    "detect",
    "detect_text",
    "detection_to_dict",
    "load_calibration",
    "render_summary",
    "roundtrip_signal",
    "roundtrip_verdict",
    "save_calibration",
    "vetoed_lines",
]

if not TYPE_CHECKING:  # hidden from type checkers: a module __getattr__ would let them take any name (as Any)

    def __getattr__(name: str) -> Any:
        if name in _ROUNDTRIP:
            from mtcheck.detect import roundtrip

            return getattr(roundtrip, name)
        raise AttributeError(f"module 'mtcheck.detect' has no attribute {name!r}")
