#!/usr/bin/env python3
"""Reliability table of `mtcheck.detect` confidence: in each confidence bin, how many rows are notices.

With `--raw`, the evidence score before calibration (`Detection.score`) is binned instead, as in the table of
docs/detection.md written before the calibrated confidence; `scripts/calibrate_detect.py` fits and measures
the calibration itself.

Every row of the given JSONL files (default: tests/data/detect-real-*.jsonl and detect-challenge*.jsonl) is
read alone with `detect_text`; positives are `disclaimer_phrase` and `mt_article`, negatives
`tricky_negative` and `human_article`. A calibrated confidence has, in each bin, a share of positives close
to the bin's mean confidence; the table also gives precision and recall at the package threshold.

    python scripts/reliability_detect.py                 # all dev sets
    python scripts/reliability_detect.py FILE... --markdown
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtcheck.detect import THRESHOLD, detect_text  # noqa: E402

POSITIVE = ("disclaimer_phrase", "mt_article")
NEGATIVE = ("tricky_negative", "human_article")
RAW = False  # set by --raw
EDGES = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


def scores(paths: list[Path]) -> list[tuple[float, bool]]:
    """(confidence, is a notice) for every labelled row."""
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if row["kind"] not in POSITIVE + NEGATIVE:
                continue
            detection = detect_text(row["text"])
            score = detection.score if detection.score is not None else detection.confidence
            out.append((score if RAW else detection.confidence, row["kind"] in POSITIVE))
    return out


def table(pairs: list[tuple[float, bool]]) -> list[tuple[str, int, float, float]]:
    """(bin, rows, mean confidence, share of notices) per non-empty bin."""
    rows = []
    for lo, hi in zip(EDGES, EDGES[1:], strict=False):
        inside = [(c, p) for c, p in pairs if lo <= c < hi]
        if inside:
            mean = sum(c for c, _ in inside) / len(inside)
            share = sum(p for _, p in inside) / len(inside)
            rows.append((f"{lo:.1f}–{min(hi, 1.0):.1f}", len(inside), mean, share))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--raw", action="store_true", help="bin the evidence score before calibration")
    args = parser.parse_args()
    global RAW
    RAW = args.raw
    data = ROOT / "tests" / "data"
    files = args.files or sorted(data.glob("detect-real-[0-9]*.jsonl")) + sorted(data.glob("detect-challenge*.jsonl"))
    pairs = scores(files)
    rows = table(pairs)
    flagged = [p for c, p in pairs if c >= THRESHOLD]
    positives = sum(p for _, p in pairs)
    precision = sum(flagged) / len(flagged) if flagged else 0.0
    recall = sum(flagged) / positives if positives else 0.0
    if args.markdown:
        print("| confidence | rows | mean confidence | share that are notices |")
        print("| --- | ---: | ---: | ---: |")
        for name, n, mean, share in rows:
            print(f"| {name} | {n} | {mean:.2f} | {share:.2f} |")
    else:
        for name, n, mean, share in rows:
            print(f"{name:10} rows {n:5}  mean confidence {mean:.2f}  notices {share:.2f}")
    summary = f"precision {precision:.3f}, recall {recall:.3f} ({len(pairs)} rows, {len(files)} files)"
    print(f"threshold {THRESHOLD}: {summary}")


if __name__ == "__main__":
    main()
