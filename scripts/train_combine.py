#!/usr/bin/env python3
"""Fit (or cross-check) the learned combinator of mtcheck.detect.combine on the harvested real sets.

Each notice (`disclaimer_phrase`, label 1) and tricky negative (`tricky_negative`, label 0) of
tests/data/detect-real-1..22.jsonl is read alone by detect() and described by language-independent features
(`combine.features`: concepts of the best reading, evidence kinds and weights, shape; never words, n-grams or
the language). A pure-Python logistic regression (L2, full-batch gradient descent, fixed iterations: the output
is deterministic) is fitted on them.

    python scripts/train_combine.py --loso            # leave-one-set-out table: rules vs model, per set and pooled
    python scripts/train_combine.py --blind           # fit on 1-20, rank 21+22: AUC and recall at the rules' FP
    PYTHONPATH=<old tree> python scripts/train_combine.py --blind --fitted 16   # the rules of a commit before set 17

(A model of this kind did not beat the rules clearly, so nothing is written for detect(): docs/detection.md.)
The model's threshold is chosen on the training rows only: the lowest probability whose training false-positive
rate does not exceed the rules' own on the same rows. The held-out sets (tests/data/detect-real-held-out.txt) and the
shared eval data are refused.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SETS = tuple(range(1, 23))
L2 = 1e-3
STEPS = 600
RATE = 0.5


sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_detect import held_out  # noqa: E402  (one list of held-out files for every training script)

Row = tuple[int, str, int, bool, dict[str, float]]  # set, id, label, rules' verdict, features


def rows_of(paths: list[Path]) -> list[Row]:
    """(set, id, label, rules' verdict alone, features) for every notice and tricky negative, in file order."""
    from mtcheck.detect import combine, core

    out: list[Row] = []
    for path in paths:
        if held_out(path):
            raise SystemExit(f"refusing to train on held-out file {path}")
        number = int(path.stem.rsplit("-", 1)[1])
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if row["kind"] not in ("disclaimer_phrase", "tricky_negative"):
                continue
            text = row["text"]
            detection = core.detect_text(text)
            feats = combine.features(text, detection.evidence, detection.score, combine.rule_hits(text))
            out.append((number, row["id"], int(row["kind"] == "disclaimer_phrase"), detection.machine_translated,
                        feats))  # fmt: skip
    return out


def fit(rows: list[tuple[dict[str, float], int]]) -> dict[str, float]:
    """Logistic regression weights: full-batch gradient descent with L2 (the bias unpenalised), fixed steps."""
    names = sorted({k for feats, _ in rows for k in feats})
    weights = dict.fromkeys(names, 0.0)
    n = len(rows)
    for _ in range(STEPS):
        grad = dict.fromkeys(names, 0.0)
        for feats, label in rows:
            z = sum(weights[k] * v for k, v in feats.items())
            p = 1 / (1 + math.exp(-z)) if z > -30 else 0.0
            d = p - label
            for k, v in feats.items():
                grad[k] += d * v
        for k in names:
            penalty = 0.0 if k == "bias" else L2 * weights[k]
            weights[k] -= RATE * (grad[k] / n + penalty)
    return {k: round(w, 4) for k, w in weights.items() if abs(round(w, 4)) > 0}


def choose_threshold(probs: list[float], labels: list[int], rules_fp: float) -> float:
    """The lowest threshold (a training probability) whose training FP rate is at most the rules' own."""
    negatives = sorted((p for p, y in zip(probs, labels, strict=True) if not y), reverse=True)
    allowed = int(math.floor(rules_fp * len(negatives) + 1e-9))
    if allowed >= len(negatives):
        return 0.0
    # flag p > negatives[allowed]: at most `allowed` negatives lie above it
    return negatives[allowed] + 1e-6


def rates(flags: list[bool], labels: list[int]) -> tuple[float, float, int, int]:
    """Recall, false-positive rate, notices found, negatives flagged."""
    pos = sum(labels)
    neg = len(labels) - pos
    tp = sum(1 for f, y in zip(flags, labels, strict=True) if f and y)
    fp = sum(1 for f, y in zip(flags, labels, strict=True) if f and not y)
    return tp / pos if pos else 0.0, fp / neg if neg else 0.0, tp, fp


def loso(rows: list[Row]) -> dict[str, object]:
    """Leave-one-set-out: fit on the other sets, threshold from them, score the held-out set."""
    from mtcheck.detect.combine import probability

    table = []
    all_rules: list[bool] = []
    all_model: list[bool] = []
    all_labels: list[int] = []
    for held in sorted({r[0] for r in rows}):
        train = [r for r in rows if r[0] != held]
        test = [r for r in rows if r[0] == held]
        weights = fit([(r[4], r[2]) for r in train])
        train_labels = [r[2] for r in train]
        _, rules_fp, _, _ = rates([r[3] for r in train], train_labels)
        threshold = choose_threshold([probability(weights, r[4]) for r in train], train_labels, rules_fp)
        labels = [r[2] for r in test]
        rules = [r[3] for r in test]
        model = [probability(weights, r[4]) >= threshold for r in test]
        rr, rf, rtp, rfp = rates(rules, labels)
        mr, mf, mtp, mfp = rates(model, labels)
        table.append({"set": held, "notices": sum(labels), "negatives": len(labels) - sum(labels),
                      "threshold": round(threshold, 4), "rules_recall": round(rr, 3), "rules_fp": round(rf, 3),
                      "model_recall": round(mr, 3), "model_fp": round(mf, 3), "rules_tp": rtp, "rules_fps": rfp,
                      "model_tp": mtp, "model_fps": mfp})  # fmt: skip
        print(f"set {held:2}: rules {rr:.3f} / {rf:.3f}   model {mr:.3f} / {mf:.3f}   (t={threshold:.3f})",
              file=sys.stderr, flush=True)  # fmt: skip
        all_rules += rules
        all_model += model
        all_labels += labels
    rr, rf, rtp, rfp = rates(all_rules, all_labels)
    mr, mf, mtp, mfp = rates(all_model, all_labels)
    pooled = {"notices": sum(all_labels), "negatives": len(all_labels) - sum(all_labels),
              "rules_recall": round(rr, 3), "rules_fp": round(rf, 3), "model_recall": round(mr, 3),
              "model_fp": round(mf, 3), "rules_tp": rtp, "rules_fps": rfp, "model_tp": mtp,
              "model_fps": mfp}  # fmt: skip
    return {"per_set": table, "pooled": pooled}


def auc(scores: list[float], labels: list[int]) -> float:
    """Area under the ROC curve: the chance that a notice outscores a negative (ties count half)."""
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    neg = [s for s, y in zip(scores, labels, strict=True) if not y]
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg)) if pos and neg else 0.0


def found_at(scores: list[float], labels: list[int], false_alarms: int) -> int:
    """Notices above the highest cut that lets at most `false_alarms` negatives through."""
    neg = sorted((s for s, y in zip(scores, labels, strict=True) if not y), reverse=True)
    cut = neg[false_alarms] if false_alarms < len(neg) else float("-inf")
    return sum(1 for s, y in zip(scores, labels, strict=True) if y and s > cut)


def blind(rows: list[Row], fitted: int = 20) -> dict[str, object]:
    """Fit on sets 1..`fitted`, rank the later sets: with the rules of a commit fitted on sets 1..`fitted` only (the
    current code never saw 21 and 22, held out until round 16), this comparison is not in-sample for the rules.
    Threshold-free: AUC of the rules' score and of the model, and how many notices each finds at the rules' own
    number of false alarms."""
    from mtcheck.detect.combine import probability

    train = [r for r in rows if r[0] <= fitted]
    test = [r for r in rows if r[0] > fitted]
    weights = fit([(r[4], r[2]) for r in train])
    labels = [r[2] for r in test]
    model = [probability(weights, r[4]) for r in test]
    score = [r[4].get("e:score", 0.0) for r in test]
    false_alarms = sum(1 for r in test if r[3] and not r[2])
    zone = [i for i, s in enumerate(score) if 0.05 < s < 0.5]
    train_labels = [r[2] for r in train]
    _, rules_fp, _, _ = rates([r[3] for r in train], train_labels)
    threshold = choose_threshold([probability(weights, r[4]) for r in train], train_labels, rules_fp)
    _, _, tp, fp = rates([p >= threshold for p in model], labels)
    return {"sets": sorted({r[0] for r in test}), "notices": sum(labels), "negatives": len(labels) - sum(labels),
            "rules_found": sum(1 for r in test if r[3] and r[2]), "rules_false_alarms": false_alarms,
            "model_found_at_rules_false_alarms": found_at(model, labels, false_alarms),
            "training_threshold": round(threshold, 4), "model_found_at_training_threshold": tp,
            "model_false_alarms_at_training_threshold": fp,
            "score_found_at_rules_false_alarms": found_at(score, labels, false_alarms),
            "auc_rules_score": round(auc(score, labels), 3), "auc_model": round(auc(model, labels), 3),
            "zone_rows": len(zone), "zone_notices": sum(labels[i] for i in zone),
            "zone_auc_rules_score": round(auc([score[i] for i in zone], [labels[i] for i in zone]), 3),
            "zone_auc_model": round(auc([model[i] for i in zone], [labels[i] for i in zone]), 3)}  # fmt: skip


def markdown(result: dict[str, object]) -> str:
    """The LOSO table as Markdown."""
    lines = ["| set | notices | negatives | rules recall | rules FP | model recall | model FP |",
             "|---|---|---|---|---|---|---|"]  # fmt: skip
    for r in result["per_set"]:  # type: ignore[attr-defined]
        lines.append(f"| {r['set']} | {r['notices']} | {r['negatives']} | {r['rules_recall']:.3f} | "
                     f"{r['rules_fp']:.3f} | {r['model_recall']:.3f} | {r['model_fp']:.3f} |")  # fmt: skip
    p = result["pooled"]
    lines.append(f"| pooled | {p['notices']} | {p['negatives']} | {p['rules_recall']:.3f} ({p['rules_tp']}) | "  # type: ignore[index]
                 f"{p['rules_fp']:.3f} ({p['rules_fps']}) | {p['model_recall']:.3f} ({p['model_tp']}) | "  # type: ignore[index]
                 f"{p['model_fp']:.3f} ({p['model_fps']}) |")  # type: ignore[index]  # fmt: skip
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="JSONL sets (default: detect-real-1..22)")
    parser.add_argument("--loso", action="store_true", help="leave-one-set-out table")
    parser.add_argument("--json", type=Path, help="write the LOSO figures here")
    parser.add_argument("--blind", action="store_true", help="fit on sets 1..FITTED, rank the later sets")
    parser.add_argument("--fitted", type=int, default=20, help="the last set the rules were fitted on (default 20)")
    parser.add_argument("--cache", type=Path, help="read the rows' features from / write them to this JSON file")
    args = parser.parse_args(argv)
    paths = args.paths or [DATA / f"detect-real-{n}.jsonl" for n in SETS]
    if args.cache and args.cache.is_file():
        rows = [tuple(r) for r in json.loads(args.cache.read_text(encoding="utf-8"))]  # type: ignore[misc]
    else:
        rows = rows_of(paths)
        if args.cache:
            args.cache.write_text(json.dumps(rows), encoding="utf-8")
    if args.loso:
        result = loso(rows)
        print(markdown(result))
        if args.json:
            args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    if args.blind:
        print(json.dumps(blind(rows, args.fitted), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
