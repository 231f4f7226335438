#!/usr/bin/env python3
"""Fit the detection confidence map (evidence score -> P(notice)) and measure it on other sets.

Each labelled row (`disclaimer_phrase`, `mt_article` positive; `tricky_negative`, `human_article` negative) is
read alone with `detect_text`; its `score` (the combined evidence, before calibration) and its label are the
data. The map is a monotone step function over score bins (mtcheck/detect/calibration.py).

    python scripts/calibrate_detect.py --fit tests/data/detect-real-1.jsonl tests/data/detect-real-2.jsonl --write
    python scripts/calibrate_detect.py --fit tests/data/detect-real-1.jsonl --measure tests/data/detect-real-2.jsonl
    python scripts/calibrate_detect.py --measure tests/data/detect-real-3.jsonl      # with the shipped map
    python scripts/calibrate_detect.py --raw                 # the score before calibration, on every dev set
    python scripts/blind_scores.py                           # blind scores: each set under code blind to it
    python scripts/calibrate_detect.py --fit-blind bench/detect-blind-scores.jsonl [--write] [--markdown]
    python scripts/calibrate_detect.py --fit-blind bench/detect-blind-scores.jsonl --to-set 46 --write \\
        --output bench/calibration-candidate-1-46.json     # a candidate map, not the shipped one
    python scripts/calibrate_detect.py --write-from bench/calibration-candidate-1-46.json   # ship it
    python scripts/calibrate_detect.py --operating-points bench/detect-blind-scores.jsonl [--from-set 13] [--to-set 16]

`--measure` prints a reliability table of the calibrated confidence on the rows (bins of predicted P(notice):
rows, mean prediction, observed share of notices), the expected calibration error (ECE, the row-weighted mean
gap between prediction and observed share) and precision / recall at the one threshold.

`--fit-blind` fits the map on blind scores (scripts/blind_scores.py: each set scored by the last commit that had
not seen it, so the scores are those of unseen text) and reports, before `--write` stores it: leave-one-set-out
reliability (fit on the other sets' blind scores, measure on the left-out set's blind scores), ECE per set and
pooled, next to the in-sample map (fitted on the current code's scores of the other sets) measured the same way;
the score where each map reaches P = 0.5 (the verdict); and recall / false alarms of every set under the
current code with the shipped map and with the blind map, next to the floors of tests/unit/test_detect_real.py.
`--operating-points` reads the same blind scores and prints, for each threshold on the raw score, the notices and
the negatives at or above it (pooled over the sets, from `--from-set` on): what any single threshold would have given
on text the rules had not seen.

`--write-from FILE` makes a map written by `--fit-blind --write --output FILE` the shipped map, after checking
that it is a map, names a blind commit for every set it was fitted on and keeps the verdict at SPLIT.

The real sets listed in tests/data/detect-real-held-out.txt are never fitted: `--fit-blind` leaves their blind
scores out (and does not score their rows), `--fit` refuses their files, and the default `--measure` leaves them
out (name a file to measure it).

A blind map that would move the verdict in score space (P = 0.5 reached at another score than SPLIT, 0.5)
is not written without `--move-verdict`: the verdict would change on unseen text, not only the number.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_detect import real_set_held_out  # noqa: E402  (one list of held-out sets for every script)

from mtcheck.detect import THRESHOLD, calibration, detect_text  # noqa: E402

POSITIVE = ("disclaimer_phrase", "mt_article")
NEGATIVE = ("tricky_negative", "human_article")
EDGES = tuple(round(i * 0.05, 2) for i in range(20))  # score bins 0.00-0.05, ..., 0.95-1.00
SPLIT = 0.5  # the score the evidence rules treat as the verdict (empty bins from here take the bin above)
MIN_ROWS = 10  # --fit-blind: a bin with fewer rows counts with its neighbour (a handful cannot move the verdict)
REPORT_EDGES = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)
OUTPUT = ROOT / "mtcheck" / "detect" / "data" / "calibration.json"


def held_out_sets(sets: Iterable[int]) -> list[int]:
    """The numbers among `sets` of the real sets held out (tests/data/detect-real-held-out.txt): never fitted."""
    return sorted(n for n in sets if real_set_held_out(f"detect-real-{n}.jsonl"))


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


def read_blind(path: Path) -> dict[int, list[tuple[float, bool]]]:
    """(blind score, is a notice) per set number, from bench/detect-blind-scores.jsonl."""
    out: dict[int, list[tuple[float, bool]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out.setdefault(int(row["set"]), []).append((float(row["score"]), bool(row["label"])))
    return out


OPERATING_THRESHOLDS = (0.01, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95)


def operating_points(
    blind: dict[int, list[tuple[float, bool]]],
    thresholds: Sequence[float] = OPERATING_THRESHOLDS,
    from_set: int = 0,
    to_set: int | None = None,
) -> list[tuple[float, int, int, int, int]]:
    """(threshold, notices at or above it, notices, negatives at or above it, negatives), pooled over the sets
    numbered from `from_set` to `to_set` (both included; no upper bound when it is None)."""
    pairs = [p for n, ps in blind.items() if n >= from_set and (to_set is None or n <= to_set) for p in ps]
    notices = [s for s, y in pairs if y]
    negatives = [s for s, y in pairs if not y]
    return [
        (t, sum(s >= t for s in notices), len(notices), sum(s >= t for s in negatives), len(negatives))
        for t in thresholds
    ]


def operating_table(rows: list[tuple[float, int, int, int, int]], sets: list[int]) -> str:
    head = f"blind scores of sets {', '.join(map(str, sets))}: notices flagged / negatives flagged at each threshold"
    out = [head, "", "| score at least | notices flagged | false alarms |", "| ---: | ---: | ---: |"]
    for t, hit, notices, alarms, negatives in rows:
        out.append(
            f"| {t:.2f} | {hit} / {notices} ({hit / max(notices, 1):.3f}) "
            f"| {alarms} / {negatives} ({alarms / max(negatives, 1):.3f}) |"
        )
    return "\n".join(out)


def ece(mapping: Callable[[float], float], pairs: Sequence[tuple[float, bool]]) -> float:
    """Expected calibration error of a map on (score, label) pairs (REPORT_EDGES bins of predicted P)."""
    predicted = [(mapping(s), y) for s, y in pairs]
    return sum(n * abs(mean - share) for _, n, mean, share in reliability(predicted)) / max(len(predicted), 1)


def fitted(pairs: Sequence[tuple[float, bool]], min_rows: int = MIN_ROWS) -> calibration.ConfidenceMap:
    """The map fitted on (score, label) pairs with the shipped bins."""
    return calibration.from_data(calibration.to_data(calibration.fit(pairs, EDGES, SPLIT, min_rows), ["-"], ""))


def verdict_score(mapping: Callable[[float], float]) -> float | None:
    """The least score (bin edge) from which the map says machine_translated (P >= THRESHOLD): over the map's own
    edges where it has them, so a map with other bins than EDGES (one from 0.48) cannot move the verdict unseen."""
    edges = mapping.edges if isinstance(mapping, calibration.ConfidenceMap) else EDGES
    return next((edge for edge in edges if mapping(edge) >= THRESHOLD), None)


def loso_predictions(
    blind: dict[int, list[tuple[float, bool]]], current: dict[int, list[tuple[float, bool]]], min_rows: int = MIN_ROWS
) -> dict[int, tuple[list[tuple[float, bool]], list[tuple[float, bool]]]]:
    """Per left-out set: (P of the blind map, label) and (P of the in-sample map, label) on its blind scores.

    The blind map is fitted on the other sets' blind scores; the in-sample map on the other sets' scores under
    the current code (rules fitted on them). Both are measured on the left-out set's blind scores.
    """
    out = {}
    for left in sorted(blind):
        blind_map = fitted([p for n, ps in blind.items() if n != left for p in ps], min_rows)
        sample_map = fitted([p for n, ps in current.items() if n != left for p in ps], min_rows)
        out[left] = ([(blind_map(s), y) for s, y in blind[left]], [(sample_map(s), y) for s, y in blind[left]])
    return out


def leave_one_set_out(
    blind: dict[int, list[tuple[float, bool]]], current: dict[int, list[tuple[float, bool]]], min_rows: int = MIN_ROWS
) -> list[tuple[str, int, float, float]]:
    """(set, rows, ECE of the blind map, ECE of the in-sample map) per left-out set, their mean, pooled."""
    identity = lambda p: p  # noqa: E731  (the pairs hold predictions already)
    predictions = loso_predictions(blind, current, min_rows)
    rows = [(str(n), len(b), ece(identity, b), ece(identity, s)) for n, (b, s) in predictions.items()]
    total = sum(n for _, n, _, _ in rows)
    mean_blind = sum(n * b for _, n, b, _ in rows) / total
    mean_sample = sum(n * s for _, n, _, s in rows) / total
    rows.append(("mean per set", total, mean_blind, mean_sample))
    pooled_blind = [p for b, _ in predictions.values() for p in b]
    pooled_sample = [p for _, s in predictions.values() for p in s]
    rows.append(("pooled", len(pooled_blind), ece(identity, pooled_blind), ece(identity, pooled_sample)))
    return rows


def verdicts(mapping: Callable[[float], float], pairs: Sequence[tuple[float, bool]]) -> tuple[float, float]:
    """(recall, false-alarm rate) at P >= THRESHOLD."""
    flagged = [(mapping(s) >= THRESHOLD, y) for s, y in pairs]
    notices = sum(y for _, y in flagged)
    negatives = len(flagged) - notices
    recall = sum(f for f, y in flagged if y) / notices if notices else 0.0
    false_alarms = sum(f for f, y in flagged if not y) / negatives if negatives else 0.0
    return recall, false_alarms


def _floors() -> tuple[dict[str, float], dict[str, float]]:
    """The recall floors and false-alarm ceilings of tests/unit/test_detect_real.py (empty if unreadable)."""
    spec = importlib.util.spec_from_file_location("_floors", ROOT / "tests" / "unit" / "test_detect_real.py")
    try:
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return dict(module.RECALL_FLOOR), dict(module.FALSE_POSITIVE_CEILING)
    except Exception:  # noqa: BLE001  (a report column, not a check)
        return {}, {}


def fit_blind(
    path: Path,
    write: bool,
    markdown: bool,
    move_verdict: bool = False,
    to_set: int | None = None,
    output: Path | None = None,
    min_rows: int = MIN_ROWS,
) -> int:
    """Fit on blind scores (sets up to `to_set`), report leave-one-set-out reliability and the verdicts it would
    give; maybe store it (in `output`, the shipped file by default)."""
    blind = {n: ps for n, ps in read_blind(path).items() if to_set is None or n <= to_set}
    if held := held_out_sets(blind):
        print(f"mtcheck: sets {', '.join(map(str, held))} are held out: not fitted, not scored", file=sys.stderr)
        blind = {n: ps for n, ps in blind.items() if n not in held}
    if not blind:
        print(f"mtcheck: no set up to {to_set} in {path}", file=sys.stderr)
        return 2
    commits: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if int(row["set"]) in blind:
                commits[int(row["set"])] = str(row["commit"])
    data_dir = ROOT / "tests" / "data"
    current = {n: scores([data_dir / f"detect-real-{n}.jsonl"]) for n in sorted(blind)}
    bins = calibration.fit([p for ps in blind.values() for p in ps], EDGES, SPLIT, min_rows)
    names = [f"detect-real-{n}.jsonl" for n in sorted(blind)]
    note = (
        f"scripts/calibrate_detect.py --fit-blind, {date.today().isoformat()}: each row read alone, scored by "
        "the last commit that had not seen its set (scripts/blind_scores.py)"
    )
    data = calibration.to_data(bins, names, note)
    data["blind_commits"] = {f"detect-real-{n}.jsonl": commits[n] for n in sorted(commits)}
    data["date"] = date.today().isoformat()
    data["min_rows"] = min_rows
    blind_map = calibration.from_data(data)
    sample_map = fitted([p for ps in current.values() for p in ps], min_rows)
    shipped = calibration.shipped()
    print(f"blind map, fitted on the blind scores of sets {', '.join(map(str, sorted(blind)))}:")
    for bin_ in bins:
        print(
            f"  score {bin_.low:.2f}–{bin_.high:.2f}  rows {bin_.rows:4}  notices {bin_.notices:4}  "
            f"P {bin_.probability:.3f}"
        )
    print("\nleave one set out (measured on the left-out set's blind scores):")
    table = leave_one_set_out(blind, current, min_rows)
    if markdown:
        print("| left-out set | rows | ECE, blind map | ECE, in-sample map |\n| --- | ---: | ---: | ---: |")
        print("\n".join(f"| {name} | {n} | {b:.3f} | {s:.3f} |" for name, n, b, s in table))
    else:
        for name, n, b, s in table:
            shown = f"set {name}" if name.isdigit() else name
            print(f"  {shown:12} rows {n:5}  blind map {b:.3f}  in-sample map {s:.3f}")
    predictions = loso_predictions(blind, current, min_rows)
    for label, which in (("blind map", 0), ("in-sample map", 1)):
        pooled = [p for pair in predictions.values() for p in pair[which]]
        print(f"\nleave one set out, pooled, {label}:\n{measure(lambda p: p, pooled, markdown)}")
    print("\nall sets' blind scores, pooled (in-sample = fitted on every set, no set left out):")
    everything = [p for ps in blind.values() for p in ps]
    shown = "shipped map (data/calibration.json as it is now)"
    for label, mapping in (("blind map", blind_map), ("in-sample map", sample_map), (shown, shipped)):
        print(f"{label}:\n{measure(mapping, everything, markdown)}")
    print("\nthe verdict (P >= 0.5) starts at score:")
    for label, mapping in (("shipped map", shipped), ("in-sample map", sample_map), ("blind map", blind_map)):
        print(f"  {label:14} {verdict_score(mapping)}")
    recall_floor, fp_ceiling = _floors()
    print("\ncurrent code, each row alone: recall / false alarms (floor / ceiling of test_detect_real.py)")
    if markdown:
        print("| set | shipped map | blind map | floor / ceiling |\n| --- | --- | --- | --- |")
    for n in sorted(current):
        name = f"detect-real-{n}.jsonl"
        before, after = verdicts(shipped, current[n]), verdicts(blind_map, current[n])
        floor = f"{recall_floor.get(name, float('nan')):.3f} / {fp_ceiling.get(name, float('nan')):.3f}"
        flag = "" if not recall_floor or after[0] >= recall_floor[name] - 0.02 else "  BELOW THE FLOOR"
        if markdown:
            print(f"| {n} | {before[0]:.3f} / {before[1]:.3f} | {after[0]:.3f} / {after[1]:.3f} | {floor} |{flag}")
        else:
            print(f"  set {n}: shipped {before[0]:.3f} / {before[1]:.3f}  blind {after[0]:.3f} / {after[1]:.3f}"
                  f"  (floor {floor}){flag}")  # fmt: skip
    moved = verdict_score(blind_map) != SPLIT
    if write and moved and not move_verdict:
        print("mtcheck: the blind map moves the verdict in score space; not written (--move-verdict to write it)",
              file=sys.stderr)  # fmt: skip
        return 1
    if write:
        target = output or OUTPUT
        target.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {target}")
    return 0


def write_from(path: Path, move_verdict: bool = False) -> int:
    """Check a map written by `--fit-blind --write --output FILE` and make it the shipped map (one command)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        mapping = calibration.from_data(data)
        fitted_on, commits = data["fitted_on"], data.get("blind_commits", {})
        if not isinstance(fitted_on, list) or not all(isinstance(x, str) for x in fitted_on):
            raise ValueError("fitted_on must list the set files")
        if not isinstance(commits, dict):
            raise ValueError("blind_commits must map set files to commits")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        print(f"mtcheck: {path} is not a calibration map: {exc}", file=sys.stderr)
        return 2
    if not fitted_on or set(commits) != set(fitted_on):
        print(f"mtcheck: {path} does not name a blind commit for every set it was fitted on", file=sys.stderr)
        return 2
    if verdict_score(mapping) != SPLIT and not move_verdict:
        print(f"mtcheck: {path} moves the verdict in score space; not written (--move-verdict to write it)",
              file=sys.stderr)  # fmt: skip
        return 1
    OUTPUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT} from {path} (fitted on {len(fitted_on)} sets)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", nargs="*", type=Path, default=[], help="JSONL files to fit the map on")
    parser.add_argument("--measure", nargs="*", type=Path, default=[], help="JSONL files to measure it on")
    parser.add_argument("--write", action="store_true", help="store the fitted map in data/calibration.json")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    parser.add_argument("--raw", action="store_true", help="measure the evidence score itself (no map)")
    parser.add_argument("--fit-blind", type=Path, help="fit on blind scores (scripts/blind_scores.py) and report")
    parser.add_argument(
        "--move-verdict", action="store_true", help="--fit-blind --write even if the verdict's score changes"
    )
    parser.add_argument("--operating-points", type=Path, help="blind scores: recall / false alarms per threshold")
    parser.add_argument("--from-set", type=int, default=0, help="--operating-points: only sets from this number on")
    parser.add_argument("--to-set", type=int, help="--operating-points, --fit-blind: only sets up to this number")
    parser.add_argument("--min-rows", type=int, default=MIN_ROWS, help="--fit-blind: rows a bin needs to count alone")
    parser.add_argument("--output", type=Path, help="--fit-blind --write: store the map here, not in the shipped file")
    parser.add_argument("--write-from", type=Path, help="make a map written with --output the shipped map")
    args = parser.parse_args(argv)
    if args.write_from:
        return write_from(args.write_from, args.move_verdict)
    if args.operating_points:
        if not args.operating_points.is_file():
            print(f"mtcheck: no file at {args.operating_points}", file=sys.stderr)
            return 2
        blind = read_blind(args.operating_points)
        sets = sorted(n for n in blind if n >= args.from_set and (args.to_set is None or n <= args.to_set))
        if not sets:
            print(f"mtcheck: no set from {args.from_set} to {args.to_set} in {args.operating_points}", file=sys.stderr)
            return 2
        print(operating_table(operating_points(blind, from_set=args.from_set, to_set=args.to_set), sets))
        return 0
    if args.fit_blind:
        if not args.fit_blind.is_file():
            print(f"mtcheck: no file at {args.fit_blind}", file=sys.stderr)
            return 2
        return fit_blind(
            args.fit_blind, args.write, args.markdown, args.move_verdict, args.to_set, args.output, args.min_rows
        )
    if not args.fit and not args.measure:  # every labelled dev set
        data_dir = ROOT / "tests" / "data"
        args.measure = [p for p in sorted(data_dir.glob("detect-real-[0-9]*.jsonl")) if not real_set_held_out(p.name)]
        args.measure += sorted(data_dir.glob("detect-challenge*.jsonl"))
    if held := [p.name for p in args.fit if real_set_held_out(p.name)]:
        print(
            f"mtcheck: {', '.join(held)} held out (tests/data/detect-real-held-out.txt): never fitted", file=sys.stderr
        )
        return 2
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
            print(f"wrote {OUTPUT}")
    if args.measure:
        print(f"measured on {', '.join(p.name for p in args.measure)}:")
        print(measure(mapping, scores(args.measure), args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
