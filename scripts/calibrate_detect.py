#!/usr/bin/env python3
"""Fit the detection confidence map (evidence score -> P(notice)) and measure it on other sets.

Each labelled row (`disclaimer_phrase`, `mt_article` positive; `tricky_negative`, `human_article` negative) is
read alone with `detect_text`; its `score` (the combined evidence, before calibration) and its label are the
data. The map is a monotone step function over score bins (mtcheck/detect/calibration.py).

    python scripts/calibrate_detect.py --fit tests/data/detect-real-1.jsonl tests/data/detect-real-2.jsonl --write
    python scripts/calibrate_detect.py --fit tests/data/detect-real-1.jsonl --measure tests/data/detect-real-2.jsonl
    python scripts/calibrate_detect.py --measure tests/data/detect-real-3.jsonl      # with the shipped map
    python scripts/calibrate_detect.py --raw                 # the score before calibration, on every dev set

`--measure` prints a reliability table of the calibrated confidence on the rows (bins of predicted P(notice):
rows, mean prediction, observed share of notices), the expected calibration error (ECE, the row-weighted mean
gap between prediction and observed share) and precision / recall at the one threshold.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtcheck.detect import THRESHOLD, calibration, detect_text  # noqa: E402

POSITIVE = ("disclaimer_phrase", "mt_article")
NEGATIVE = ("tricky_negative", "human_article")
EDGES = tuple(round(i * 0.05, 2) for i in range(20))  # score bins 0.00-0.05, ..., 0.95-1.00
SPLIT = 0.5  # the score the evidence rules treat as the verdict (empty bins from here take the bin above)
REPORT_EDGES = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)
OUTPUT = ROOT / "mtcheck" / "detect" / "data" / "calibration.json"


def scores(paths: list[Path]) -> list[tuple[float, bool]]:
    """(raw evidence score, is a notice) for every labelled row, read alone."""
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
            out.append((score, row["kind"] in POSITIVE))
    return out


def reliability(predicted: list[tuple[float, bool]]) -> list[tuple[str, int, float, float]]:
    """(bin of predicted P, rows, mean prediction, observed share of notices) per non-empty bin."""
    rows = []
    for lo, hi in zip(REPORT_EDGES, REPORT_EDGES[1:], strict=False):
        inside = [(p, y) for p, y in predicted if lo <= p < hi]
        if inside:
            mean = sum(p for p, _ in inside) / len(inside)
            share = sum(y for _, y in inside) / len(inside)
            rows.append((f"{lo:.1f}–{min(hi, 1.0):.1f}", len(inside), mean, share))
    return rows


def measure(mapping: Callable[[float], float], pairs: list[tuple[float, bool]], markdown: bool) -> str:
    """The reliability table, ECE, precision and recall of a map on (score, label) pairs."""
    predicted = [(mapping(s), y) for s, y in pairs]
    table = reliability(predicted)
    ece = sum(n * abs(mean - share) for _, n, mean, share in table) / max(len(predicted), 1)
    flagged = [y for p, y in predicted if p >= THRESHOLD]
    positives = sum(y for _, y in predicted)
    precision = sum(flagged) / len(flagged) if flagged else 0.0
    recall = sum(flagged) / positives if positives else 0.0
    out = []
    if markdown:
        out += ["| predicted P(notice) | rows | mean predicted | observed share of notices |"]
        out += ["| --- | ---: | ---: | ---: |"]
        out += [f"| {name} | {n} | {mean:.2f} | {share:.2f} |" for name, n, mean, share in table]
    else:
        out += [f"{name:10} rows {n:5}  predicted {mean:.3f}  observed {share:.3f}" for name, n, mean, share in table]
    out.append(
        f"ECE {ece:.3f}; at P >= {THRESHOLD}: precision {precision:.3f}, recall {recall:.3f} "
        f"({len(predicted)} rows, {positives} notices)"
    )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", nargs="*", type=Path, default=[], help="JSONL files to fit the map on")
    parser.add_argument("--measure", nargs="*", type=Path, default=[], help="JSONL files to measure it on")
    parser.add_argument("--write", action="store_true", help="store the fitted map in data/calibration.json")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    parser.add_argument("--raw", action="store_true", help="measure the evidence score itself (no map)")
    args = parser.parse_args(argv)
    if not args.fit and not args.measure:  # every labelled dev set
        data_dir = ROOT / "tests" / "data"
        args.measure = sorted(data_dir.glob("detect-real-[0-9]*.jsonl"))
        args.measure += sorted(data_dir.glob("detect-challenge*.jsonl"))
    missing = [p for p in [*args.fit, *args.measure] if not p.is_file()]
    if missing:
        print(f"mtcheck: no file at {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    mapping = (lambda score: score) if args.raw else calibration.shipped()
    if args.fit:
        bins = calibration.fit(scores(args.fit), EDGES, SPLIT)
        names = [p.name for p in args.fit]
        print(f"fitted on {', '.join(names)}:")
        for b in bins:
            print(f"  score {b.low:.2f}–{b.high:.2f}  rows {b.rows:4}  notices {b.notices:4}  P {b.probability:.3f}")
        data = calibration.to_data(
            bins, names, f"scripts/calibrate_detect.py, {date.today().isoformat()}: each row read alone"
        )
        mapping = calibration.from_data(data)
        if args.write:
            OUTPUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            print(f"wrote {OUTPUT.relative_to(ROOT)}")
    if args.measure:
        print(f"measured on {', '.join(p.name for p in args.measure)}:")
        print(measure(mapping, scores(args.measure), args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
