#!/usr/bin/env python3
"""Train the learned detection fallback (mtcheck/detect/data/learned.json) on the challenge sets.

Positives: disclaimer_phrase rows, and the paragraphs of mt_article rows that the rules flag as a
notice. Negatives: tricky_negative rows, every paragraph of human_article rows and the other
paragraphs of mt_article rows. Logistic regression (AdaGrad, L2) over binary character 2-5-grams
of the normalised text (`mtcheck.detect.learned.normalise`), n-grams seen in at least `--min-df`
training texts. The threshold is the lowest whose cross-validated precision reaches `--precision`.
Deterministic: inputs sorted by id, a fixed seed, no hashing.

    python scripts/train_detect.py                      # writes mtcheck/detect/data/learned.json
    python scripts/train_detect.py --output /tmp/m.json --limit 200 --folds 0
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRAIN = [ROOT / "tests" / "data" / f"detect-challenge{s}.jsonl" for s in ("", "-2", "-3")]
HELD_OUT = ("detect-challenge-3b.jsonl", "detect-dev.jsonl")  # evaluation only: refused as training input


REAL_HELD_OUT = ROOT / "tests" / "data" / "detect-real-held-out.txt"  # the real sets nobody has read


def real_held_out() -> tuple[str, ...]:
    """The file-name stems of the real sets held out (tests/data/detect-real-held-out.txt)."""
    lines = REAL_HELD_OUT.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def real_set_held_out(name: str) -> bool:
    """A file of a listed real set: its name is a listed stem, maybe with a letter ("detect-real-24b.jsonl"), but
    not another number ("detect-real-2" does not hold out "detect-real-27.jsonl")."""
    return any(name.startswith(stem) and not name[len(stem) : len(stem) + 1].isdigit() for stem in real_held_out())


def held_out(path: Path) -> bool:
    """Files that are never training input: the held-out challenge and dev files, the real sets listed in
    tests/data/detect-real-held-out.txt, the shared eval data."""
    name = path.name
    return name in HELD_OUT or real_set_held_out(name) or "eval" in path.resolve().parts


def examples(paths: list[Path], limit: int | None = None) -> list[tuple[str, str, int]]:
    """(id, text, label) rows, sorted by id."""
    from mtcheck.detect import detect_text

    out: list[tuple[str, str, int]] = []
    for path in paths:
        if held_out(path):
            raise SystemExit(f"refusing to train on held-out file {path}")
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        for row in sorted(rows, key=lambda r: r["id"]):
            kind, text, rid = row["kind"], row["text"], f"{path.stem}:{row['id']}"
            if kind == "disclaimer_phrase":
                out.append((rid, text, 1))
            elif kind == "tricky_negative":
                out.append((rid, text, 0))
            elif kind in ("human_article", "mt_article"):
                for i, para in enumerate(p.strip() for p in text.split("\n\n")):
                    if len(para) < 3:
                        continue
                    notice = kind == "mt_article" and detect_text(para).machine_translated
                    out.append((f"{rid}#{i}", para, int(notice)))
    out.sort(key=lambda r: r[0])
    return out[:: max(1, len(out) // limit)][:limit] if limit else out  # a spread, both labels


def featurise(texts: list[str], kind: str = "char") -> list[list[str]]:
    from mtcheck.detect.learned import features

    return [sorted(features(t, 2, 5, kind)) for t in texts]


def fit(feats: list[list[str]], labels: list[int], *, min_df: int, epochs: int, l2: float, rate: float,
        seed: int, sample_weight: list[float] | None = None) -> tuple[dict[str, float], float]:  # fmt: skip
    """Logistic regression by AdaGrad on the kept n-grams; returns (weights, bias). `sample_weight` (one per
    example, default 1) scales each example's loss on top of the class balance."""
    df = Counter(g for f in feats for g in f)
    vocab = {g for g, c in df.items() if c >= min_df}
    rows = [[g for g in f if g in vocab] for f in feats]
    w: dict[str, float] = dict.fromkeys(sorted(vocab), 0.0)
    g2: dict[str, float] = dict.fromkeys(w, 1e-8)
    bias, bias_g2 = 0.0, 1e-8
    positives = sum(labels) or 1
    negatives = (len(labels) - positives) or 1
    class_weight = {1: len(labels) / (2 * positives), 0: len(labels) / (2 * negatives)}
    order = list(range(len(rows)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            grams = rows[i]
            scale = 1.0 / math.sqrt(len(grams)) if grams else 0.0
            z = bias + scale * sum(w[g] for g in grams)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            err = (p - labels[i]) * class_weight[labels[i]] * (sample_weight[i] if sample_weight else 1.0)
            for g in grams:
                grad = err * scale + l2 * w[g]
                g2[g] += grad * grad
                w[g] -= rate * grad / math.sqrt(g2[g])
            bias_g2 += err * err
            bias -= rate * err / math.sqrt(bias_g2)
    return w, bias


def score(weights: dict[str, float], bias: float, grams: list[str]) -> float:
    z = bias + sum(weights.get(g, 0.0) for g in grams) / math.sqrt(len(grams) or 1)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def figures(scored: list[tuple[float, int]], t: float) -> dict[str, float]:
    """Precision, recall and false-positive rate of `score >= t`."""
    positives = sum(y for _, y in scored) or 1
    negatives = (len(scored) - sum(y for _, y in scored)) or 1
    tp = sum(1 for s, y in scored if s >= t and y)
    fp = sum(1 for s, y in scored if s >= t and not y)
    precision = tp / (tp + fp) if tp + fp else 1.0
    return {"precision": round(precision, 4), "recall": round(tp / positives, 4), "fp_rate": round(fp / negatives, 4)}


def choose_threshold(scored: list[tuple[float, int]], precision: float) -> float:
    """The lowest threshold on a 0.01 grid (0.50..0.99) whose precision reaches `precision`."""
    best = 0.99
    for step in range(99, 49, -1):
        if figures(scored, step / 100)["precision"] >= precision and figures(scored, step / 100)["recall"] > 0:
            best = step / 100
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=TRAIN, help="labelled JSONL files")
    parser.add_argument("--output", type=Path, default=ROOT / "mtcheck" / "detect" / "data" / "learned.json")
    parser.add_argument("--limit", type=int, default=None, help="train on N examples spread over the data (tests)")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds for the threshold (0: none)")
    parser.add_argument("--precision", type=float, default=0.97, help="cross-validated precision to reach")
    parser.add_argument("--no-veto", dest="veto", action="store_false", help="ignore the rules' veto in CV")
    parser.add_argument("--min-df", type=int, default=1)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--l2", type=float, default=1e-4)
    parser.add_argument("--rate", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--evidence-weight", type=float, default=0.55)
    kinds = ("char", "char+word", "char+concept", "char+word+concept")
    parser.add_argument("--features", default="char", choices=kinds, help="n-grams, + word grams / concept reading")
    args = parser.parse_args(argv)

    data = examples(sorted(args.inputs), args.limit)
    feats = featurise([t for _, t, _ in data], args.features)
    labels = [y for _, _, y in data]
    hyper = {"min_df": args.min_df, "epochs": args.epochs, "l2": args.l2, "rate": args.rate, "seed": args.seed}
    threshold, cv = 0.9, {}  # without folds (tests): a fixed high threshold
    if args.folds > 1:
        scored: list[tuple[float, int]] = []
        for k in range(args.folds):
            train = [i for i in range(len(data)) if i % args.folds != k]
            w, b = fit([feats[i] for i in train], [labels[i] for i in train], **hyper)
            scored += [(score(w, b, feats[i]), labels[i]) for i in range(len(data)) if i % args.folds == k]
        if args.veto:  # as in detect(): a segment the rules read as a mention or dropped gets no learned evidence
            from mtcheck.detect.learned import rules_verdict

            folded = [i for k in range(args.folds) for i in range(len(data)) if i % args.folds == k]
            pairs = zip(folded, scored, strict=True)
            scored = [(0.0 if not y and rules_verdict(data[i][1]) else s, y) for i, (s, y) in pairs]
        threshold = choose_threshold(scored, args.precision)
        cv = {"chosen": figures(scored, threshold)}
        cv.update({f"at_{t}": figures(scored, t) for t in (0.5, 0.7, 0.8, 0.9, 0.95, 0.98)})
        print(f"cross-validated ({args.folds} folds): threshold {threshold:.2f}", json.dumps(cv, indent=1))
    w, b = fit(feats, labels, **hyper)
    kept = {g: round(v, 4) for g, v in sorted(w.items()) if abs(v) >= 0.002}
    model = {
        "version": 1,
        "ngram": [2, 5],
        **({"features": args.features} if args.features != "char" else {}),
        "bias": round(b, 4),
        "threshold": threshold,
        "evidence_weight": args.evidence_weight,
        "trained_on": {p.name: sum(1 for rid, _, _ in data if rid.startswith(p.stem + ":")) for p in args.inputs},
        "examples": {"positive": sum(labels), "negative": len(labels) - sum(labels)},
        "hyperparameters": hyper,
        "cross_validation": cv,
        "weights": kept,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(data)} examples ({sum(labels)} positive), {len(kept)} weights -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
