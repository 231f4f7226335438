#!/usr/bin/env python3
"""Precision and recall of `mtcheck.detect` on a labelled JSONL file.

Rows: {"id", "kind", "language", "text", "notes"} where kind is disclaimer_phrase or mt_article
(machine translated) or human_article or tricky_negative (not). Each text is read as a raw string
(detect_text), so HTML comments and Markdown in it are seen.

    python scripts/eval_detect.py [PATH]      # default: ../shared/eval/detect-dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

POSITIVE = ("disclaimer_phrase", "mt_article")
NEGATIVE = ("human_article", "tricky_negative")
DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "detect-dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT), help="labelled JSONL file")
    parser.add_argument("--verbose", "-v", action="store_true", help="print every row's verdict")
    args = parser.parse_args(argv)
    path = Path(args.path)
    if not path.is_file():
        print(f"skipped: no evaluation file at {path}")
        return 0

    from mtcheck.detect import detect_text

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_kind: dict[str, list[tuple[dict, object]]] = defaultdict(list)
    started = time.perf_counter()
    for row in rows:
        by_kind[row["kind"]].append((row, detect_text(row["text"])))
    elapsed = time.perf_counter() - started

    tp = fn = fp = tn = 0
    misses: list[str] = []
    print(f"{path} ({len(rows)} rows, {elapsed:.2f} s)")
    for kind in sorted(by_kind):
        results = by_kind[kind]
        flagged = sum(1 for _, d in results if d.machine_translated)  # type: ignore[attr-defined]
        if kind in POSITIVE:
            tp += flagged
            fn += len(results) - flagged
            print(f"  {kind:18} n={len(results):3}  recall {flagged / len(results):.3f}")
        elif kind in NEGATIVE:
            fp += flagged
            tn += len(results) - flagged
            print(f"  {kind:18} n={len(results):3}  false-positive rate {flagged / len(results):.3f}")
        else:
            print(f"  {kind:18} n={len(results):3}  (unknown kind, not scored)")
        for row, d in results:
            wrong = d.machine_translated != (kind in POSITIVE)  # type: ignore[attr-defined]
            if (wrong and kind in POSITIVE + NEGATIVE) or args.verbose:
                label = "MISS" if wrong and kind in POSITIVE else "FALSE POSITIVE" if wrong else "ok"
                text = " ".join(row["text"].split())[:110]
                conf = d.confidence  # type: ignore[attr-defined]
                misses.append(f"  {label:14} {row['id']} [{row.get('language')}] conf={conf:.2f}: {text}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(f"  overall: precision {precision:.3f}  recall {recall:.3f}  (tp={tp} fn={fn} fp={fp} tn={tn})")
    if misses:
        print("errors:" if not args.verbose else "rows:")
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
