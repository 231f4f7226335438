#!/usr/bin/env python3
"""Figures of the blind reading study: AI readers judging real rows from the text alone (docs/detection.md,
"Can the text alone tell a notice?").

Readers saw only each row's language and text, shuffled, with the guide `bench/detect-reader-guide.md`; their
judgements are in `bench/detect-reader-study.jsonl` (row id, reader, notice, sure; no text). This script joins them
with the labels of `tests/data/detect-real-*.jsonl` and prints, per reader and pooled: recall on notices and the
false-alarm rate on negatives (the bar of issue 12 is 0.95 / 0.05), by class on request, the agreement of two
readers who judged the same rows (Cohen's kappa), and the detector's first-sight verdict on the same rows (a blind
score of at least 0.5 in `bench/detect-blind-scores.jsonl`).

    python scripts/reader_study.py
    python scripts/reader_study.py --by-class
    python scripts/reader_study.py --sets 27 28       # only the rows of these sets

A new round of the study: `--prepare` writes a reader's items (item, language, text; shuffled, no label) and the
lead's key (item -> row id) for some sets; the reader follows the guide and writes `{"item", "notice", "sure"}` per
item; `--collect` checks that every item was judged once and appends the judgements, without text, to the study.

    python scripts/reader_study.py --prepare 29 30 --prefix E --items /tmp/r/E-items.jsonl --key /tmp/lead/E-key.jsonl
    python scripts/reader_study.py --collect /tmp/r/E-judged.jsonl --key /tmp/lead/E-key.jsonl --reader reader-5
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STUDY = ROOT / "bench" / "detect-reader-study.jsonl"
BLIND = ROOT / "bench" / "detect-blind-scores.jsonl"
DATA = ROOT / "tests" / "data"
VERDICT = 0.5  # the verdict's score (calibrate_detect.SPLIT): a blind score at or above it was a flag
KINDS = ("disclaimer_phrase", "tricky_negative")  # notices and negatives; other kinds are not study rows


@dataclass(frozen=True)
class Figures:
    notices: int
    found: int
    negatives: int
    false_alarms: int

    @property
    def recall(self) -> float:
        return self.found / self.notices if self.notices else 0.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.negatives if self.negatives else 0.0

    def line(self) -> str:
        return (
            f"recall {self.found}/{self.notices} = {self.recall:.3f}; "
            f"false alarms {self.false_alarms}/{self.negatives} = {self.false_alarm_rate:.3f}"
        )


def figures(verdicts: Iterable[tuple[str, bool]], labels: dict[str, bool]) -> Figures:
    """Recall and false alarms of (row id, flagged) pairs against labels (row id -> is a notice)."""
    found = notices = false_alarms = negatives = 0
    for row_id, flagged in verdicts:
        if labels[row_id]:
            notices += 1
            found += flagged
        else:
            negatives += 1
            false_alarms += flagged
    return Figures(notices, found, negatives, false_alarms)


def kappa(first: dict[str, bool], second: dict[str, bool]) -> tuple[int, int, float]:
    """Agreement of two readers on the rows both judged: (agreeing, rows, Cohen's kappa)."""
    shared = sorted(set(first) & set(second))
    n = len(shared)
    if not n:
        return 0, 0, 0.0
    agree = sum(first[i] == second[i] for i in shared)
    p1 = sum(first[i] for i in shared) / n
    p2 = sum(second[i] for i in shared) / n
    expected = p1 * p2 + (1 - p1) * (1 - p2)
    observed = agree / n
    return agree, n, (observed - expected) / (1 - expected) if expected < 1 else 1.0


def load_labels(data: Path = DATA) -> tuple[dict[str, bool], dict[str, str]]:
    labels: dict[str, bool] = {}
    classes: dict[str, str] = {}
    for path in sorted(data.glob("detect-real-*.jsonl")):
        for row in _jsonl(path):
            if row["kind"] in KINDS:
                labels[row["id"]] = row["kind"] == "disclaimer_phrase"
                classes[row["id"]] = row["class"]
    return labels, classes


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _reader_order(name: str) -> tuple[str, int]:
    """The order of readers ("reader-2" before "reader-10"): the pooled figure takes each row from the first."""
    match = re.fullmatch(r"(.*?)(\d+)", name)
    return (match.group(1), int(match.group(2))) if match else (name, -1)


def prepare(sets: list[str], prefix: str, seed: int, data: Path = DATA) -> tuple[list[dict], list[dict]]:
    """A reader's items (text and language only, shuffled) and the key from item to row, for the given sets."""
    rows = []
    for number in sets:
        path = data / f"detect-real-{number}.jsonl"
        rows += [r for r in _jsonl(path) if r["kind"] in KINDS]
    random.Random(seed).shuffle(rows)
    items = [{"item": f"{prefix}{i:04d}", "language": r["language"], "text": r["text"]} for i, r in enumerate(rows)]
    key = [{"item": f"{prefix}{i:04d}", "id": r["id"]} for i, r in enumerate(rows)]
    return items, key


def collect(judged: list[dict], key: list[dict], reader: str, batch: str) -> list[dict]:
    """Study rows from a reader's answers; every item of the key judged exactly once, or ValueError."""
    ids = {k["item"]: k["id"] for k in key}
    seen = [j["item"] for j in judged]
    if sorted(seen) != sorted(ids):
        missing, extra = sorted(set(ids) - set(seen)), sorted(set(seen) - set(ids))
        twice = len(seen) - len(set(seen))
        raise ValueError(f"{len(missing)} items not judged, {len(extra)} not in the key, {twice} judged twice")
    if any(not isinstance(j["notice"], bool) or not isinstance(j["sure"], bool) for j in judged):
        raise ValueError("notice and sure must be true or false")
    rows = [
        {"id": ids[j["item"]], "reader": reader, "batch": batch, "notice": j["notice"], "sure": j["sure"]}
        for j in judged
    ]
    return sorted(rows, key=lambda r: r["id"])


def _write_jsonl(path: Path, rows: list[dict], append: bool = False) -> None:
    with path.open("a" if append else "w", encoding="utf-8") as out:
        out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--study", type=Path, default=STUDY)
    parser.add_argument("--blind", type=Path, default=BLIND)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--by-class", action="store_true", help="flagged / rows per class, pooled over readers")
    parser.add_argument("--sets", nargs="+", metavar="SET", help="only rows of these set numbers")
    parser.add_argument("--prepare", nargs="+", metavar="SET", help="write items and key for these set numbers")
    parser.add_argument("--prefix", default="X", help="--prepare: item name prefix")
    parser.add_argument("--seed", type=int, default=7, help="--prepare: shuffle seed")
    parser.add_argument("--items", type=Path, help="--prepare: the reader's items file to write")
    parser.add_argument("--key", type=Path, help="--prepare: the key to write; --collect: the key to read")
    parser.add_argument("--collect", type=Path, metavar="JUDGED", help="append a reader's judgements to --study")
    parser.add_argument("--reader", help="--collect: the reader's name (reader-N)")
    args = parser.parse_args(argv)

    if args.prepare or args.collect:
        return _prepare_or_collect(args)

    try:
        labels, classes = load_labels(args.data)
        judged = _jsonl(args.study)
        blind_rows = _jsonl(args.blind) if args.blind.exists() else []
    except (OSError, ValueError) as exc:
        print(f"reader_study: cannot read the study: {exc}", file=sys.stderr)
        return 2
    unknown = sorted({row["id"] for row in judged} - set(labels))
    if unknown:
        print(f"reader_study: {len(unknown)} judged ids are in no labelled set (first: {unknown[0]})", file=sys.stderr)
        return 2
    if args.sets:
        try:
            wanted = {row["id"] for number in args.sets for row in _jsonl(args.data / f"detect-real-{number}.jsonl")}
        except OSError as exc:
            print(f"reader_study: {exc}", file=sys.stderr)
            return 2
        judged = [row for row in judged if row["id"] in wanted]
        print(f"sets {', '.join(args.sets)}: {len(judged)} judgements")
    by_reader: dict[str, dict[str, bool]] = defaultdict(dict)
    sure: dict[tuple[str, str], bool] = {}
    for row in judged:
        by_reader[row["reader"]][row["id"]] = row["notice"]
        sure[(row["reader"], row["id"])] = row["sure"]
    blind = {row["id"]: row["score"] >= VERDICT for row in blind_rows}

    readers = sorted(by_reader, key=_reader_order)
    for reader in readers:
        verdicts = by_reader[reader]
        print(f"{reader}: {len(verdicts)} rows; {figures(verdicts.items(), labels).line()}")
    # pooled: every row once, by the first reader (in _reader_order) who judged it
    first: dict[str, bool] = {}
    first_sure: dict[str, bool] = {}
    for reader in readers:
        for row_id, flagged in by_reader[reader].items():
            if row_id not in first:
                first[row_id] = flagged
                first_sure[row_id] = sure[(reader, row_id)]
    print(f"readers pooled (each row once): {figures(first.items(), labels).line()}")
    for certain in (True, False):
        rows = [row_id for row_id in first if first_sure[row_id] is certain]
        right = sum(first[row_id] == labels[row_id] for row_id in rows)
        print(f"  judged {'sure' if certain else 'unsure'}: {len(rows)} rows, {right} agree with the label")
    if blind:
        seen = [row_id for row_id in first if row_id in blind]
        if len(seen) < len(first):
            print(f"  ({len(first) - len(seen)} rows have no blind score and are left out of the next two lines)")
        print(
            f"readers, rows with a blind score ({len(seen)}): {figures(((i, first[i]) for i in seen), labels).line()}"
        )
        print(
            f"detector at first sight, same rows ({len(seen)}): {figures(((i, blind[i]) for i in seen), labels).line()}"
        )
    for i, a in enumerate(readers):
        for b in readers[i + 1 :]:
            agree, n, k = kappa(by_reader[a], by_reader[b])
            if n:
                print(f"{a} vs {b}: agree on {agree}/{n} rows ({agree / n:.3f}), Cohen's kappa {k:.3f}")
    if args.by_class:
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for row_id, flagged in first.items():
            name = ("notice: " if labels[row_id] else "negative: ") + classes[row_id]
            counts[name][0] += int(flagged)
            counts[name][1] += 1
        for name, (hits, total) in sorted(counts.items()):
            print(f"  {name:62s} flagged {hits}/{total}")
    return 0


def _prepare_or_collect(args: argparse.Namespace) -> int:
    try:
        if args.prepare:
            if not args.items or not args.key:
                raise ValueError("--prepare needs --items and --key")
            items, key = prepare(args.prepare, args.prefix, args.seed, args.data)
            _write_jsonl(args.items, items)
            _write_jsonl(args.key, key)
            print(f"{len(items)} items -> {args.items}; key -> {args.key}")
            return 0
        if not args.key or not args.reader:
            raise ValueError("--collect needs --key and --reader")
        key = _jsonl(args.key)
        rows = collect(_jsonl(args.collect), key, args.reader, key[0]["item"].rstrip("0123456789") if key else "")
        already = {(r["reader"], r["id"]) for r in _jsonl(args.study)} if args.study.exists() else set()
        if any((r["reader"], r["id"]) in already for r in rows):
            raise ValueError(f"{args.reader} already judged some of these rows in {args.study}")
        _write_jsonl(args.study, rows, append=True)
        print(f"{len(rows)} judgements of {args.reader} -> {args.study}")
        return 0
    except (OSError, ValueError, KeyError) as exc:
        print(f"reader_study: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
