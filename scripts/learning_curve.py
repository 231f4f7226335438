#!/usr/bin/env python3
"""Did the rounds make detection better on text nobody had read? Score fixed sets under a series of old commits.

Every commit named must be blind to the sets scored (earlier than the commit at which each set was first read:
see BLIND in scripts/blind_scores.py, which also does the scoring, one temporary worktree per commit). The
output is one line per commit: notices found and false alarms at the package's verdict (P >= 0.5, i.e. a score
of 0.5 or more, the same split at every commit), pooled over the sets; `--json` also writes them to a file.

    python scripts/learning_curve.py --sets 15 16 --commits 26e7833 3bd13b1 91e2a19 2c3fcb9
    python scripts/learning_curve.py --sets 13 14 --commits 26e7833 754f3df --json bench/detect-learning-curve.json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import blind_scores  # noqa: E402

SPLIT = 0.5


def tally(rows: Iterable[dict[str, object]]) -> dict[str, int]:
    """Notices, notices found, negatives and false alarms among scored rows (score >= SPLIT is a verdict)."""
    out = {"notices": 0, "found": 0, "negatives": 0, "false_alarms": 0}
    for row in rows:
        flagged = float(row["score"]) >= SPLIT  # type: ignore[arg-type]
        if row["label"]:
            out["notices"] += 1
            out["found"] += flagged
        else:
            out["negatives"] += 1
            out["false_alarms"] += flagged
    return out


def blind_violation(sets: list[int], commits: list[str]) -> str | None:
    """The first (set, commit) where the commit is not an ancestor of the set's blind commit, if any."""
    for number in sets:
        blind = blind_scores.BLIND.get(number)
        if blind is None:
            return f"no blind commit recorded for set {number}"
        for commit in commits:
            done = subprocess.run(
                ["git", "merge-base", "--is-ancestor", commit, blind], cwd=blind_scores.ROOT, capture_output=True
            )
            if done.returncode != 0:
                return f"{commit} is not an ancestor of set {number}'s blind commit {blind}: it may have seen the set"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", type=int, required=True)
    parser.add_argument("--commits", nargs="+", required=True, help="oldest first")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--tmp", type=Path, default=Path("/tmp/learning-curve"))
    args = parser.parse_args(argv)
    problem = blind_violation(args.sets, args.commits)
    if problem:
        print(f"mtcheck: {problem}", file=sys.stderr)
        return 2
    results = []
    for commit in args.commits:
        rows: list[dict[str, object]] = []
        for number in args.sets:
            rows += blind_scores.score_set(number, commit, args.tmp)
        t = tally(rows)
        results.append({"commit": commit, "sets": args.sets, **t})
        print(
            f"{commit}: sets {' '.join(map(str, args.sets))}: notices {t['found']}/{t['notices']} "
            f"({t['found'] / max(1, t['notices']):.3f}), false alarms {t['false_alarms']}/{t['negatives']} "
            f"({t['false_alarms'] / max(1, t['negatives']):.3f})",
            flush=True,
        )
    if args.json:
        old = json.loads(args.json.read_text(encoding="utf-8")) if args.json.exists() else []
        args.json.write_text(json.dumps(old + results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
