#!/usr/bin/env python3
"""Measure a learned-fallback model once on real sets: rules only vs rules + learned, per set and placement.

For a pre-registered setting (docs/detection.md, "Learned fallback with sets 1-12: time split"): the model file
(`scripts/train_detect.py`), the threshold and the mention override are given on the command line, nothing is
tuned here. Each notice and negative of each file (`disclaimer_phrase`, `tricky_negative`) is read by the real
`detect_text`, alone, at the top and at the bottom of a neutral article (`scripts/eval_detect_real.py`'s bodies
and placement), once with the fallback off and once on. Prints recall / false-alarm rate per set, placement and
setting, and pooled over the files. A missing or unreadable file: a one-line error, the other files are measured,
exit status 2. The rules are those of the `mtcheck` first on PYTHONPATH (this checkout when run as below).

    PYTHONPATH=$PWD python scripts/eval_learned_once.py /tmp/model.json tests/data/detect-real-13.jsonl \\
        tests/data/detect-real-14.jsonl --threshold 0.9 --mention none
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # after PYTHONPATH: an older checkout given there is the one measured
sys.path.insert(0, str(ROOT / "scripts"))

import eval_detect_real as er  # noqa: E402

from mtcheck.detect import detect_text, learned  # noqa: E402

KINDS = ("disclaimer_phrase", "tricky_negative")
Tally = dict[str, dict[str, dict[str, list[int]]]]  # {setting: {placement: {"recall"|"fp": [hit, n]}}}


@contextmanager
def fallback(model: learned.Model | None, mention: float | None) -> Iterator[None]:
    """The learned fallback on with `model` and the mention override (None: off when `model` is None)."""
    saved = (learned.ENABLED, learned.load_model, learned.MENTION_THRESHOLD)
    learned.ENABLED = model is not None
    learned.MENTION_THRESHOLD = mention
    learned.load_model = lambda path=None: model  # type: ignore[assignment,misc]
    try:
        yield
    finally:
        learned.ENABLED, learned.load_model, learned.MENTION_THRESHOLD = saved


def measure(rows: list[dict[str, Any]], bodies: dict[str, str], model: learned.Model,
            mention: float | None) -> Tally:  # fmt: skip
    """Tallies for "rules" (fallback off) and "rules+learned" over the rows in every placement."""
    out: Tally = {s: {p: {"recall": [0, 0], "fp": [0, 0]} for p in er.PLACEMENTS} for s in ("rules", "rules+learned")}
    for row in rows:
        if row.get("kind") not in KINDS:
            continue
        key = "recall" if row["kind"] == "disclaimer_phrase" else "fp"
        body = bodies.get(row.get("language", ""), bodies["en"])
        for placement in er.PLACEMENTS:
            text = er.placed(row["text"], placement, body)
            for setting, m in (("rules", None), ("rules+learned", model)):
                with fallback(m, mention):
                    flagged = detect_text(text).machine_translated
                out[setting][placement][key][0] += int(flagged)
                out[setting][placement][key][1] += 1
    return out


def add(total: Tally, part: Tally) -> None:
    """Add `part`'s counts into `total` (same settings and placements)."""
    for setting, by_place in part.items():
        for placement, cell in by_place.items():
            dest = total.setdefault(setting, {}).setdefault(placement, {"recall": [0, 0], "fp": [0, 0]})
            for c in ("recall", "fp"):
                dest[c][0] += cell[c][0]
                dest[c][1] += cell[c][1]


def lines(name: str, tally: Tally) -> list[str]:
    """One line per setting: recall and false-alarm rate with counts, per placement."""
    out = []
    for setting, by_place in tally.items():
        cells = []
        for placement, cell in by_place.items():
            (rh, rn), (fh, fn) = cell["recall"], cell["fp"]
            recall, fp = rh / rn if rn else 0.0, fh / fn if fn else 0.0
            cells.append(f"{placement} R {recall:.3f} ({rh}/{rn}) FP {fp:.3f} ({fh}/{fn})")
        out.append(f"{name:24} {setting:14} " + "  ".join(cells))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path, help="model JSON written by scripts/train_detect.py")
    parser.add_argument("files", nargs="+", type=Path, help="real-set JSONL files")
    parser.add_argument("--threshold", type=float, required=True, help="score a segment needs (pre-registered)")
    parser.add_argument("--mention", default="none", help="override the rules' mention veto at this score, or none")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    try:
        model = replace(learned.model_from_dict(json.loads(args.model.read_text(encoding="utf-8"))),
                        threshold=args.threshold)  # fmt: skip
        mention = None if args.mention.lower() == "none" else float(args.mention)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        print(f"error: model {args.model}: {exc}", file=sys.stderr)
        return 2
    print(f"model {args.model} ({model.features}, {len(model.weights)} weights), threshold {model.threshold}, "
          f"mention override {mention}")  # fmt: skip
    bodies = er.load_bodies()
    status, total, results = 0, {}, {}
    for path in args.files:
        try:
            rows = er.load_rows([path])
        except (OSError, ValueError) as exc:
            print(f"error: {path}: {exc}", file=sys.stderr)
            status = 2
            continue
        tally = measure(rows, bodies, model, mention)
        results[str(path)] = tally
        add(total, tally)
        print("\n".join(lines(path.name, tally)), flush=True)
    if len(results) > 1:
        print("\n".join(lines("pooled", total)))
    if args.json:
        args.json.write_text(json.dumps({"sets": results, "pooled": total}, indent=1) + "\n", encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
