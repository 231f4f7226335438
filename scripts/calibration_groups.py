#!/usr/bin/env python3
"""Does the confidence mean the same in every script? A map's reliability on blind scores, by group.

Reads the blind scores (scripts/blind_scores.py: each set scored by the last commit that had not seen it) of the
sets from `--from-set` to `--to-set`, takes each row's language from its set file (tests/data/detect-real-N.jsonl)
and prints, for a confidence map (the shipped data/calibration.json, or `--map FILE`): the expected calibration
error (ECE) and the reliability bins (rows: mean prediction -> observed share of notices), pooled, per set, per
script group and per language with at least `--min-rows` rows, with recall / false alarms / precision at the one
threshold (and recall ÷ false alarms, which unlike precision does not depend on the share of notices).
`--loso` adds the leave-one-set-out comparison: for each set in the range, maps fitted on the blind scores of
every other set up to `--fit-to-set` (one map for all rows, and one map per script group), next to the map given,
on the left-out set. `--forward` refits before each pair of sets (they were held out two at a time) on every
earlier set and measures the refit on the pair.

    python scripts/calibration_groups.py bench/detect-blind-scores.jsonl --from-set 21 --to-set 46
    python scripts/calibration_groups.py bench/detect-blind-scores.jsonl --from-set 21 --to-set 46 --loso
    python scripts/calibration_groups.py bench/detect-blind-scores.jsonl --from-set 47 --to-set 48 \\
        --map bench/calibration-candidate-1-46.json

Script groups follow the row's language (GROUPS); a language written in two scripts (TWO_SCRIPTS) goes by the
letters of the row, and so does a longer code GROUPS does not list (ISO 639-3 "rus", "heb"). ECE and precision
depend on the share of notices: the dev sets are a third to a half notices, ordinary pages far fewer.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import calibrate_detect  # noqa: E402  (its fit, bins and ECE; it puts the checkout on sys.path)

from mtcheck.detect import THRESHOLD, calibration  # noqa: E402

DATA = calibrate_detect.ROOT / "tests" / "data"
SPLIT = calibrate_detect.SPLIT
# language (its code before any "-") -> script group; Latin when not listed
GROUPS = {
    "Cyrillic": "ru uk bg sr mk be kk ky mn tg tt myv ba cv ce os sah",
    "CJK": "zh yue ja ko",
    "Arabic-script": "ar arz fa ur ps ckb ug pnb sd ks",
    "Indic": "hi bn pa gu mr ta te kn ml or si ne as mai sa gom mni bho",
    "other": "el he yi ka hy th lo km my am ti dv bo",
}
ORDER = ("Latin", "Cyrillic", "CJK", "Arabic-script", "Indic", "other")
TWO_SCRIPTS = {"sr", "uz", "az", "ku", "kk"}  # these go by the row's letters: Latin, Cyrillic or Arabic
_GROUP_OF = {code: group for group, codes in GROUPS.items() for code in codes.split()}
_LETTERS = {"LATIN": "Latin", "CYRILLIC": "Cyrillic", "ARABIC": "Arabic-script"}
# a code not in GROUPS (ISO 639-3 "rus", "heb", "cmn", ...) goes by the row's letters (the first word of their names)
_SCRIPTS = {"CJK": "CJK HIRAGANA KATAKANA HANGUL", "Indic": "DEVANAGARI BENGALI GURMUKHI GUJARATI ORIYA TAMIL TELUGU"}
_SCRIPTS["Indic"] += " KANNADA MALAYALAM SINHALA"
_ANY_LETTERS = _LETTERS | {name: group for group, names in _SCRIPTS.items() for name in names.split()}  # else other

Pair = tuple[float, bool]


@dataclass(frozen=True)
class Row:
    """One blind-scored row: its set, score, label, language and script group."""

    set: int
    score: float
    label: bool
    language: str
    group: str


@dataclass(frozen=True)
class Summary:
    """A map's reliability on some rows: ECE, bins (name, rows, mean prediction, share) and the verdict at 0.5."""

    name: str
    rows: int
    notices: int
    ece: float
    bins: list[tuple[str, int, float, float]]
    recall: float
    false_alarms: float
    precision: float | None
    chance: float | None = None  # the ECE of a perfectly calibrated map on as many rows, by chance alone


def script_group(language: str, text: str = "") -> str:
    """The script group of a row: by its language, or by its letters for a language written in two scripts and
    for a code of more than two letters that GROUPS does not list."""
    code = language.split("-")[0].lower()
    if code in TWO_SCRIPTS or (code not in _GROUP_OF and len(code) != 2):  # two-letter codes not listed: Latin
        names = [unicodedata.name(ch, "").split(" ")[0] for ch in text if ch.isalpha()]
        known = _LETTERS if code in TWO_SCRIPTS else _ANY_LETTERS
        letters = Counter(known.get(name, "other") for name in names if code not in TWO_SCRIPTS or name in known)
        if letters:
            return str(letters.most_common(1)[0][0])
    return _GROUP_OF.get(code, "Latin")


def read_rows(blind_path: Path, sets: Sequence[int], data_dir: Path = DATA) -> list[Row]:
    """The blind-scored rows of the sets, each with the language of its row in the set file."""
    wanted = set(sets)
    found: dict[tuple[int, str], tuple[str, str]] = {}
    for n in sorted(wanted):
        path = data_dir / f"detect-real-{n}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                found[(n, row["id"])] = (row.get("language") or "und", row.get("text", ""))
    out = []
    for line in blind_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        n = int(row["set"])
        if n not in wanted:
            continue
        if (n, row["id"]) not in found:
            raise ValueError(f"set {n}: row {row['id']} is not in {data_dir / f'detect-real-{n}.jsonl'}")
        language, text = found[(n, row["id"])]
        out.append(Row(n, float(row["score"]), bool(row["label"]), language, script_group(language, text)))
    return out


def chance_ece(predictions: Sequence[float], draws: int = 200, seed: int = 0) -> float:
    """The mean ECE when each label is drawn with the map's own probability: what a map that means what it says
    shows on so many rows by chance (small sets read high)."""
    rng = random.Random(seed)
    total = 0.0
    for _ in range(draws):
        drawn = [(p, rng.random() < p) for p in predictions]
        total += summarise("", drawn).ece
    return total / max(draws, 1)


def summarise(name: str, predicted: Sequence[Pair], draws: int = 0) -> Summary:
    """ECE, reliability bins and recall / false alarms / precision at THRESHOLD of (prediction, label) pairs;
    with `draws`, also the ECE of chance alone (chance_ece)."""
    bins = calibrate_detect.reliability(list(predicted))
    ece = sum(n * abs(mean - share) for _, n, mean, share in bins) / max(len(predicted), 1)
    notices = sum(y for _, y in predicted)
    negatives = len(predicted) - notices
    hits = sum(1 for p, y in predicted if y and p >= THRESHOLD)
    alarms = sum(1 for p, y in predicted if not y and p >= THRESHOLD)
    return Summary(
        name,
        len(predicted),
        notices,
        ece,
        bins,
        hits / notices if notices else 0.0,
        alarms / negatives if negatives else 0.0,
        hits / (hits + alarms) if hits + alarms else None,
        chance_ece([p for p, _ in predicted], draws) if draws else None,
    )


def by(
    rows: Sequence[Row], key: Callable[[Row], object], mapping: Callable[[float], float], draws: int = 0
) -> dict[object, Summary]:
    """A summary per value of `key`, in first-seen order."""
    groups: dict[object, list[Pair]] = {}
    for r in rows:
        groups.setdefault(key(r), []).append((mapping(r.score), r.label))
    return {k: summarise(str(k), v, draws) for k, v in groups.items()}


def loso(
    rows: Sequence[Row],
    train: Sequence[Row],
    mapping: Callable[[float], float],
    left_out: Sequence[int],
    min_rows: int = calibrate_detect.MIN_ROWS,
) -> dict[str, dict[int, list[Pair]]]:
    """(prediction, label) per left-out set: the map given, one map fitted on the other sets, one per group.

    `train` holds every row the fits may use (the other sets' rows); `rows` the rows measured.
    """
    out: dict[str, dict[int, list[Pair]]] = {"map given": {}, "one fitted map": {}, "a map per group": {}}
    for n in left_out:
        others = [r for r in train if r.set != n]
        one = calibrate_detect.fitted([(r.score, r.label) for r in others], min_rows)
        per_group = {
            g: calibrate_detect.fitted([(r.score, r.label) for r in others if r.group == g], min_rows) for g in ORDER
        }
        mine = [r for r in rows if r.set == n]
        out["map given"][n] = [(mapping(r.score), r.label) for r in mine]
        out["one fitted map"][n] = [(one(r.score), r.label) for r in mine]
        out["a map per group"][n] = [(per_group[r.group](r.score), r.label) for r in mine]
    return out


def loso_verdicts(train: Sequence[Row], left_out: Sequence[int], min_rows: int) -> dict[int, float | None]:
    """Per left-out set: the score from which the one map fitted on the other sets says machine_translated."""
    out = {}
    for n in left_out:
        fit = calibrate_detect.fitted([(r.score, r.label) for r in train if r.set != n], min_rows)
        out[n] = calibrate_detect.verdict_score(fit)
    return out


def forward(
    rows: Sequence[Row],
    mapping: Callable[[float], float],
    first: int,
    last: int,
    min_rows: int,
    never_fit: frozenset[int] = frozenset(),
) -> list[tuple[str, int, float, float, float | None]]:
    """Per pair of sets (first, first + 1), (first + 2, first + 3), ...: (pair, rows, ECE of the map given, ECE of
    a map fitted on every set below the pair, the score where that map's verdict starts), then the pooled ECEs.

    The sets were held out two at a time; this is what refitting before each pair would have given on it. The sets
    in `never_fit` (held out now) are measured but never fitted on.
    """
    out: list[tuple[str, int, float, float, float | None]] = []
    given: list[Pair] = []
    refit: list[Pair] = []
    for a in range(first, last + 1, 2):
        pair = [r for r in rows if r.set in (a, a + 1) and r.set <= last]
        earlier = [(r.score, r.label) for r in rows if r.set < a and r.set not in never_fit]
        if not pair or not earlier:
            continue
        fit = calibrate_detect.fitted(earlier, min_rows)
        g, f = [(mapping(r.score), r.label) for r in pair], [(fit(r.score), r.label) for r in pair]
        given, refit = given + g, refit + f
        name = f"{a} + {a + 1}" if any(r.set == a + 1 for r in pair) else str(a)
        out.append((name, len(pair), summarise("", g).ece, summarise("", f).ece, calibrate_detect.verdict_score(fit)))
    if out:
        out.append(("pooled", len(given), summarise("", given).ece, summarise("", refit).ece, None))
    return out


def _bins_cell(summary: Summary) -> list[str]:
    cells = {name: f"{n}: {mean:.2f} → {share:.2f}" for name, n, mean, share in summary.bins}
    return [cells.get(name, "–") for name in _BIN_NAMES]


_BIN_NAMES = [
    f"{lo:.1f}–{min(hi, 1.0):.1f}"
    for lo, hi in zip(calibrate_detect.REPORT_EDGES, calibrate_detect.REPORT_EDGES[1:], strict=False)
]


def table(title: str, summaries: Sequence[Summary], bins: bool = True) -> str:
    """A Markdown table: rows, notices, ECE (and by chance), recall / false alarms / precision at THRESHOLD,
    optionally the bins."""
    chance = any(s.chance is not None for s in summaries)
    names = ["rows", "notices", "ECE", *(["ECE by chance"] if chance else []), "recall", "false alarms", "precision"]
    names += ["recall ÷ false alarms", *(_BIN_NAMES if bins else [])]
    out = [f"| {title} | {' | '.join(names)} |", "| --- |" + " ---: |" * (len(names) - len(_BIN_NAMES) * bins)]
    out[-1] += " --- |" * (len(_BIN_NAMES) * bins)
    for s in summaries:
        cells = [str(s.rows), str(s.notices), f"{s.ece:.3f}"]
        cells += [f"{s.chance:.3f}" if s.chance is not None else "–"] if chance else []
        cells += [f"{s.recall:.3f}", f"{s.false_alarms:.3f}", f"{s.precision:.3f}" if s.precision is not None else "–"]
        cells += [f"{s.recall / s.false_alarms:.1f}" if s.false_alarms else "–", *(_bins_cell(s) if bins else [])]
        out.append(f"| {s.name} | {' | '.join(cells)} |")
    return "\n".join(out)


def loso_table(predictions: dict[str, dict[int, list[Pair]]], rows: Sequence[Row]) -> str:
    """Per left-out set, mean per set, pooled and per group: ECE of each map."""
    names = list(predictions)
    out = [
        f"| left-out set | rows | {' | '.join('ECE, ' + k for k in names)} |",
        "| --- | ---: |" + " ---: |" * len(names),
    ]
    sets = sorted(predictions[names[0]])
    for n in sets:
        cells = [f"{summarise('', predictions[k][n]).ece:.3f}" for k in names]
        out.append(f"| {n} | {len(predictions[names[0]][n])} | {' | '.join(cells)} |")
    total = sum(len(predictions[names[0]][n]) for n in sets)
    means = [sum(len(v) * summarise("", v).ece for v in predictions[k].values()) / max(total, 1) for k in names]
    out.append(f"| mean per set (row-weighted) | {total} | {' | '.join(f'{m:.3f}' for m in means)} |")
    pooled = [summarise("", [p for v in predictions[k].values() for p in v]).ece for k in names]
    out.append(f"| pooled | {total} | {' | '.join(f'{m:.3f}' for m in pooled)} |")
    groups = [r.group for n in sets for r in rows if r.set == n]  # the order of the predictions
    for g in ORDER:
        idx = [i for i, x in enumerate(groups) if x == g]
        if not idx:
            continue
        flat = {k: [p for n in sets for p in predictions[k][n]] for k in names}
        cells = [f"{summarise('', [flat[k][i] for i in idx]).ece:.3f}" for k in names]
        out.append(f"| {g}, pooled | {len(idx)} | {' | '.join(cells)} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("blind", type=Path, help="blind scores (bench/detect-blind-scores.jsonl)")
    parser.add_argument("--from-set", type=int, default=1, help="first set measured")
    parser.add_argument(
        "--to-set", type=int, help="last set measured (default: the last in the file that is not held out)"
    )
    parser.add_argument("--map", type=Path, help="a calibration data file (default: the shipped one)")
    parser.add_argument("--min-rows", type=int, default=20, help="languages with at least this many rows")
    parser.add_argument("--draws", type=int, default=200, help="draws for the ECE by chance alone (0: none)")
    parser.add_argument("--loso", action="store_true", help="leave-one-set-out: fitted maps against the map given")
    parser.add_argument("--forward", action="store_true", help="refit on every earlier set before each pair")
    parser.add_argument("--fit-to-set", type=int, help="--loso: fit on sets up to this one (default: --to-set)")
    parser.add_argument(
        "--fit-min-rows", type=int, default=calibrate_detect.MIN_ROWS, help="--loso: rows a bin needs to count alone"
    )
    args = parser.parse_args(argv)
    for path in (args.blind, args.map):
        if path is not None and not path.is_file():
            print(f"mtcheck: no file at {path}", file=sys.stderr)
            return 2
    try:
        mapping = calibration.from_data(json.loads(args.map.read_text("utf-8"))) if args.map else calibration.shipped()
    except (ValueError, KeyError, TypeError) as exc:
        print(f"mtcheck: {args.map} is not a calibration map: {exc}", file=sys.stderr)
        return 2
    available = sorted(calibrate_detect.read_blind(args.blind))
    # The real sets held out (tests/data/detect-real-held-out.txt) are measured only when --to-set names them, and
    # never fitted (--loso, --forward: those fit on the other sets, never on them).
    held = set(calibrate_detect.held_out_sets(available))
    unheld = [n for n in available if n not in held]
    last = args.to_set if args.to_set is not None else (unheld[-1] if unheld else 0)
    sets = [n for n in available if args.from_set <= n <= last]
    if not sets:
        print(f"mtcheck: no set from {args.from_set} to {last} in {args.blind}", file=sys.stderr)
        return 2
    fit_to = args.fit_to_set if args.fit_to_set is not None else last
    train_sets = [n for n in unheld if n <= fit_to] if args.loso or args.forward else []
    try:
        rows = read_rows(args.blind, sorted(set(sets) | set(train_sets)), DATA)
    except (OSError, ValueError) as exc:
        print(f"mtcheck: {exc}", file=sys.stderr)
        return 2
    measured = [r for r in rows if r.set in set(sets)]
    name = args.map.name if args.map else "data/calibration.json (shipped)"
    print(f"{name} on the blind scores of sets {sets[0]}–{sets[-1]} ({len(measured)} rows)\n")
    draws = args.draws
    print(table("pooled", [summarise("all", [(mapping(r.score), r.label) for r in measured], draws)]) + "\n")
    print(table("set", list(by(measured, lambda r: r.set, mapping, draws).values()), bins=False) + "\n")
    groups = by(measured, lambda r: r.group, mapping, draws)
    print(table("script group", [groups[g] for g in ORDER if g in groups]) + "\n")
    counts = Counter(r.language for r in measured)
    common = [r for r in measured if counts[r.language] >= args.min_rows]
    languages = by(common, lambda r: r.language, mapping, draws)
    ordered = sorted(languages.values(), key=lambda s: (-s.rows, s.name))
    print(table(f"language (≥ {args.min_rows} rows)", ordered, bins=False))
    if args.forward:
        print(f"\nrefitted before each pair: fitted on every earlier set (a bin needs {args.fit_min_rows} rows)")
        print("| held-out pair | rows | ECE, map given | ECE, refitted | refit's verdict from score |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for name, n, g, f, v in forward(rows, mapping, sets[0], sets[-1], args.fit_min_rows, frozenset(held)):
            print(f"| {name} | {n} | {g:.3f} | {f:.3f} | {'–' if v is None else f'{v:.2f}'} |")
    if args.loso:
        train = [r for r in rows if r.set in set(train_sets)]
        print(
            f"\nleave one set out: fitted on the blind scores of the other sets of {train_sets[0]}–{train_sets[-1]}"
            f" (a bin needs {args.fit_min_rows} rows)"
        )
        print(loso_table(loso(measured, train, mapping, sets, args.fit_min_rows), measured))
        verdicts = loso_verdicts(train, sets, args.fit_min_rows)
        moved = [f"set {n} ({'none' if v is None else f'{v:.2f}'})" for n, v in verdicts.items() if v != SPLIT]
        print(f"\none fitted map's verdict starts at score {SPLIT} in {len(verdicts) - len(moved)} of {len(verdicts)}"
              f" fits; left out, elsewhere: {', '.join(moved) or 'none'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
