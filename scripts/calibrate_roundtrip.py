#!/usr/bin/env python3
"""Calibrate the round-trip signal on labelled documents and write the threshold.

Input: JSONL rows with "machine_translated" (bool) and either "signal" (0..1, as in a report's
detection.roundtrip_similarity) or "chrf" (the sentence chrF scores of one document).

    python scripts/calibrate_roundtrip.py labelled.jsonl [--output mtcheck/detect/data/roundtrip.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "mtcheck" / "detect" / "data" / "roundtrip.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labelled", help="JSONL file of labelled documents")
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT), help="where to write the calibration")
    args = parser.parse_args(argv)

    from mtcheck.detect import calibrate, roundtrip_signal, save_calibration
    from mtcheck.detect.roundtrip import Calibration

    pairs: list[tuple[float, bool]] = []
    path = Path(args.labelled)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        print(f"error: cannot read {path}: {exc}", file=sys.stderr)
        return 2
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            signal = float(row["signal"]) if "signal" in row else roundtrip_signal(row["chrf"])
            pairs.append((signal, bool(row["machine_translated"])))
        except (ValueError, KeyError, TypeError) as exc:
            print(f"error: {path}:{number}: {exc}", file=sys.stderr)
            return 2
    try:
        result = calibrate(pairs)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    note = f"Calibrated on {path.name}: {len(pairs)} documents."
    save_calibration(Calibration(result.threshold, result.samples, result.balanced_accuracy, note), args.output)
    print(f"threshold {result.threshold} (balanced accuracy {result.balanced_accuracy}) -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
