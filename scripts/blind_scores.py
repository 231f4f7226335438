#!/usr/bin/env python3
"""Score each real dev set with the code that had not yet seen it (blind scores, for the confidence map).

For every (set, commit) pair in BLIND, a temporary detached git worktree of the commit is made under
/tmp/blind-calib/, and every labelled row of the set file *from the current checkout* is read alone with that
commit's `detect_text`; the raw evidence score and the label are written, one JSON line per row, to
bench/detect-blind-scores.jsonl (set, id, commit, score, label, and which field the score came from; no text).
The worktrees are removed afterwards.

    python scripts/blind_scores.py                        # every set in BLIND
    python scripts/blind_scores.py --sets 8 9 --output /tmp/x.jsonl

The raw score: from 385fe9b on, `Detection.score` (the combined evidence before the calibrated map). Before it
(26e7833, 226f63a, a8e3079) there was no map: `Detection.confidence` *was* the combined evidence, the same
noisy-OR of evidence weights (`_combine`) that `Detection.score` holds since, so the field read is `confidence`.
Fit a map on the output with `python scripts/calibrate_detect.py --fit-blind bench/detect-blind-scores.jsonl`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "bench" / "detect-blind-scores.jsonl"
TMP = Path("/tmp/blind-calib")

# set number -> the last commit that had not seen it (tests/unit/test_detect_real.py, docs/detection.md)
BLIND = {
    1: "26e7833",
    2: "226f63a",
    3: "a8e3079",
    4: "385fe9b",
    5: "fac63b0",
    6: "babd818",
    7: "3bd13b1",
    8: "1e9e56e",
    9: "91e2a19",
    10: "388eb1e",  # unread until round 12
    11: "388eb1e",
    12: "032a9b4",  # before the badge work, which was aimed at set 12's aggregate miss classes
    13: "754f3df",  # harvested as held out in round 12, measured at this code before any fix of that round
    14: "754f3df",
    15: "2c3fcb9",  # the same in round 13
    16: "2c3fcb9",
    17: "152ac53",  # round 14: held out, measured at the start of the round and after each merge
    18: "152ac53",
    19: "6735257",  # round 14: measured once, at the end of the round's verdict changes
    20: "6735257",
    21: "8466d1b",  # round 15: held out, measured at the start of the round and after each merge
    22: "8466d1b",
    23: "d1009f1",  # round 16: held out, measured at the start of the round and after each merge
    24: "d1009f1",
    25: "eb61754",  # round 16: measured once, at the end of the round's verdict changes
    26: "eb61754",
    27: "cbb44a1",  # round 17: held out, measured at the start of the round and after each merge
    28: "cbb44a1",
    29: "cf9bf22",
    30: "cf9bf22",
    31: "1e18c0c",  # round 19: main when sets 31-32 were measured once
    32: "1e18c0c",
    33: "fcc5623",  # round 20: main when sets 33-34 were measured once (before the round's fixes merged)
    34: "fcc5623",
    35: "27d95e2",  # round 21: main when sets 35-36 were measured once (before the round's fixes merged)
    36: "27d95e2",
    37: "6c93925",  # round 22: main when sets 37-38 were measured once (before the round's fixes merged)
    38: "6c93925",
    39: "03019d0",  # round 23: main when sets 39-40 were measured once (before the round's fixes merged)
    40: "03019d0",
    41: "2602877",  # round 24: main when sets 41-42 were measured once (before the round's fixes merged)
    42: "2602877",
    43: "98e68b3",  # round 25: main when sets 43-44 were measured once (before the round's fixes merged)
    44: "98e68b3",
    45: "ab99136",  # round 26: main when sets 45-46 were measured once (before the round's fixes merged)
    46: "ab99136",
    47: "1e82cfc",  # round 27: main when sets 47-48 were measured once (no rule fix merged in the round)
    48: "1e82cfc",
    49: "14bb675",  # round 28: main when sets 49-50 were measured once (before any branch of the round merged)
    50: "14bb675",
}

# run inside the old worktree: argv[1] is the set file (current checkout); one JSON line per labelled row
_SCORER = r"""
import json, sys
from mtcheck.detect import detect_text
POSITIVE = ("disclaimer_phrase", "mt_article")
NEGATIVE = ("tricky_negative", "human_article")
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if not line.strip():
            continue
        row = json.loads(line)
        if row["kind"] not in POSITIVE + NEGATIVE:
            continue
        d = detect_text(row["text"])
        score = getattr(d, "score", None)
        field = "score"
        if score is None:  # before the calibrated map the confidence was the combined evidence itself
            score, field = d.confidence, "confidence"
        print(json.dumps({"id": row["id"], "score": round(float(score), 6), "label": row["kind"] in POSITIVE,
                          "field": field}))
"""


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()


def score_set(number: int, commit: str, tmp: Path, path: Path | None = None) -> list[dict[str, object]]:
    """Blind scores of set `number` (or of the file `path`) under `commit`, from a temporary worktree of it."""
    path = path or ROOT / "tests" / "data" / f"detect-real-{number}.jsonl"
    full = _git("rev-parse", "--verify", f"{commit}^{{commit}}")
    where = tmp / full[:12]
    tmp.mkdir(parents=True, exist_ok=True)
    if where.exists():
        _git("worktree", "remove", "--force", str(where))
    _git("worktree", "add", "--detach", str(where), full)
    try:
        env = {**os.environ, "PYTHONPATH": str(where), "PYTHONHASHSEED": "0"}
        done = subprocess.run(
            [sys.executable, "-c", _SCORER, str(path)], cwd=where, env=env, check=True, capture_output=True, text=True
        )
    finally:
        _git("worktree", "remove", "--force", str(where))
    rows = []
    for line in done.stdout.splitlines():
        item = json.loads(line)
        rows.append({"set": number, "id": item["id"], "commit": full[:7], **{k: item[k] for k in ("score", "label")},
                     "field": item["field"]})  # fmt: skip
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", type=int, default=sorted(BLIND), help="set numbers (default: all)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--tmp", type=Path, default=TMP, help="where the temporary worktrees go")
    args = parser.parse_args(argv)
    unknown = [n for n in args.sets if n not in BLIND]
    if unknown:
        print(f"mtcheck: no blind commit recorded for set {unknown[0]}", file=sys.stderr)
        return 2
    out: list[dict[str, object]] = []
    failed = False
    for number in args.sets:
        try:
            rows = score_set(number, BLIND[number], args.tmp)
        except subprocess.CalledProcessError as error:
            last = (error.stderr or "").strip().splitlines()[-1:] or [str(error)]
            print(f"mtcheck: set {number} at {BLIND[number]}: {last[0]}", file=sys.stderr)
            failed = True
            continue
        notices = sum(bool(r["label"]) for r in rows)
        print(f"set {number} at {BLIND[number]}: {len(rows)} rows, {notices} notices", file=sys.stderr)
        out += rows
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
    print(f"wrote {len(out)} rows to {args.output}", file=sys.stderr)
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
