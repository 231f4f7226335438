"""The round-trip signal: how well a document survives a round trip, and its calibration."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from mtcheck.errors import ConfigError

CALIBRATION_FILE = "roundtrip.json"


@dataclass(frozen=True)
class Calibration:
    """A threshold on the round-trip signal above which a document reads as machine translated."""

    threshold: float | None  # None: not calibrated yet
    samples: int = 0
    balanced_accuracy: float | None = None
    note: str = ""


def roundtrip_signal(chrf_scores: Sequence[float]) -> float:
    """Document-level round-trip similarity in 0..1: the trimmed mean of sentence chrF (0..100)."""
    values = sorted(float(s) for s in chrf_scores if s is not None and not math.isnan(float(s)))
    if not values:
        raise ValueError("roundtrip_signal needs at least one chrF score")
    # Trim the extremes so one garbled table row or one copied URL does not decide the document.
    cut = len(values) // 10
    kept = values[cut : len(values) - cut] or values
    mean = sum(kept) / len(kept)
    return round(min(max(mean / 100.0, 0.0), 1.0), 4)


def calibrate(labelled: Sequence[tuple[float, bool]]) -> Calibration:
    """The threshold that best separates machine-translated (True) from human signals."""
    pairs = [(float(s), bool(mt)) for s, mt in labelled]
    positives = sum(1 for _, mt in pairs if mt)
    negatives = len(pairs) - positives
    if positives == 0 or negatives == 0:
        raise ValueError("calibration needs both machine-translated and human examples")
    values = sorted({s for s, _ in pairs})
    cuts = [values[0] - 1e-6] + [(a + b) / 2 for a, b in zip(values, values[1:], strict=False)]
    cuts.append(values[-1] + 1e-6)
    best: tuple[float, float] | None = None
    for cut in cuts:
        tp = sum(1 for s, mt in pairs if mt and s >= cut)
        tn = sum(1 for s, mt in pairs if not mt and s < cut)
        score = (tp / positives + tn / negatives) / 2
        if best is None or score > best[1]:
            best = (cut, score)
    assert best is not None
    return Calibration(round(best[0], 4), len(pairs), round(best[1], 4))


def roundtrip_verdict(signal: float | None, calibration: Calibration | None = None) -> bool | None:
    """True/False once calibrated; None when there is no signal or no calibration."""
    calibration = calibration or load_calibration()
    if signal is None or calibration.threshold is None:
        return None
    return signal >= calibration.threshold


def load_calibration(path: str | Path | None = None) -> Calibration:
    """The calibration in force: the file given, or the one shipped in mtcheck/detect/data."""
    try:
        if path is None:
            text = resources.files("mtcheck.detect").joinpath("data", CALIBRATION_FILE).read_text("utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        data = json.loads(text)
        threshold = data.get("threshold")
        return Calibration(
            threshold=None if threshold is None else float(threshold),
            samples=int(data.get("samples", 0)),
            balanced_accuracy=data.get("balanced_accuracy"),
            note=str(data.get("note", "")),
        )
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        raise ConfigError(f"cannot read the round-trip calibration {path or CALIBRATION_FILE}: {exc}") from None


def save_calibration(calibration: Calibration, path: str | Path) -> None:
    """Write a calibration as JSON."""
    data = {
        "threshold": calibration.threshold,
        "samples": calibration.samples,
        "balanced_accuracy": calibration.balanced_accuracy,
        "note": calibration.note,
    }
    Path(path).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
