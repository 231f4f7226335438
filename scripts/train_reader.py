#!/usr/bin/env python3
"""Train a model reader's classifier (mtcheck/detect/reader.py) on the harvested real sets, and choose its thresholds.

    pip install 'mtcheck[reader]'
    python scripts/train_reader.py                      # e5, every dev set, writes mtcheck/detect/data/reader-e5.json
    python scripts/train_reader.py --cache /tmp/e5.npz  # keep the embeddings (about 5 minutes on 2 cores) for a rerun

Rows: the notices (1) and tricky negatives (0) of tests/data/detect-real-*.jsonl, the held-out sets refused
(tests/data/detect-real-held-out.txt). Each row's text is embedded once by the reader's encoder.

Classifier: logistic regression on the embedding, classes balanced, L2 with strength 1/(2C) (C = 10, chosen by
site-grouped cross-validation in round 19: docs/detection.md, "A model reader"), fitted by Newton's method: the same
rows give the same weights.

Thresholds: site-grouped 5-fold cross-validation (every row of a site in one fold, sites dealt largest first to the
fold with fewest rows) gives each row an out-of-fold score. The reader acts on the rules' verdict (veto below `veto`,
add at `add`); the rules' verdict of a row is its BLIND verdict (bench/detect-blind-scores.jsonl: the score under
the code that had not yet seen the row's set, >= 0.5), because the rules are fitted on these rows and their current
verdicts would make any threshold trust them too much. Among (veto, add) on a 0.01 grid, the pair with the highest
out-of-fold recall whose out-of-fold false-alarm rate is at most FP_CAP is chosen.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from cv_detect_learned import site_folds  # noqa: E402  (the same folds as the learned fallback's CV)
from train_detect import held_out  # noqa: E402

C = 10.0
FOLDS = 5
FP_CAP = 0.10
BLIND = ROOT / "bench" / "detect-blind-scores.jsonl"
BLIND_THRESHOLD = 0.5
GRID = [round(0.01 * i, 2) for i in range(0, 100)]


def rows_of(paths: list[Path]) -> list[dict[str, Any]]:
    """Notices and tricky negatives of the given sets, in file order; held-out sets refused."""
    out: list[dict[str, Any]] = []
    for path in paths:
        if held_out(path):
            raise SystemExit(f"refusing to train on held-out file {path}")
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row["kind"] in ("disclaimer_phrase", "tricky_negative"):
                    out.append(row)
    return out


def fit(x: Any, y: Any, c: float = C, steps: int = 50) -> tuple[Any, float]:
    """Weights and bias of an L2 logistic regression with balanced classes (Newton's method)."""
    import numpy as np

    n, d = x.shape
    pos = y.sum()
    s = np.where(y, n / (2 * pos), n / (2 * (n - pos)))  # balanced class weights
    a = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    reg = np.full(d + 1, 1 / c)
    reg[-1] = 0.0  # the bias is not penalised
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(a @ w, -60, 60)))
        grad = a.T @ (s * (p - y)) + reg * w
        hess = (a * (s * p * (1 - p))[:, None]).T @ a + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def embed(texts: list[str], encode: Any, cache: Path | None) -> Any:
    """Embeddings of the texts, from the cache where it has them."""
    import numpy as np

    keys = [hashlib.sha256(t.encode("utf-8")).hexdigest()[:16] for t in texts]
    known: dict[str, Any] = {}
    if cache is not None and cache.exists():
        with np.load(cache) as data:
            known = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
    todo = [i for i, k in enumerate(keys) if k not in known]
    for start in range(0, len(todo), 32):
        chunk = todo[start : start + 32]
        for i, vector in zip(chunk, encode([texts[i] for i in chunk]), strict=True):
            known[keys[i]] = np.asarray(vector, dtype=np.float32)
        print(f"embedded {min(start + 32, len(todo))}/{len(todo)}", file=sys.stderr, flush=True)
    if cache is not None and todo:
        np.savez(cache, keys=np.array(list(known)), vectors=np.stack(list(known.values())))
    return np.stack([known[k] for k in keys])


def choose(scores: Any, blind: Any, y: Any, cap: float = FP_CAP) -> tuple[float, float, float, float]:
    """(veto, add, recall, false-alarm rate): the most recall at no more than `cap` false alarms."""
    best: tuple[float, float, float, float] | None = None
    pos, neg = y.sum(), (~y).sum()
    for veto in GRID:
        kept = blind & (scores >= veto)
        for add in GRID[1:]:
            flagged = kept | (scores >= add)
            recall, fp = (flagged & y).sum() / pos, (flagged & ~y).sum() / neg
            if fp <= cap and (best is None or recall > best[2]):
                best = (veto, add, float(recall), float(fp))
    if best is None:
        raise SystemExit(f"no thresholds keep the false-alarm rate at {cap}")
    return best


def main(argv: list[str] | None = None) -> int:
    import numpy as np

    from mtcheck.detect import reader

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="labelled sets (default: every dev set)")
    parser.add_argument("--reader", default="e5", choices=list(reader.READERS))
    parser.add_argument("--cache", type=Path, help="an .npz file keeping the embeddings between runs")
    parser.add_argument("--output", type=Path, help="default: mtcheck/detect/data/reader-<name>.json")
    args = parser.parse_args(argv)
    paths = args.paths or sorted(
        (p for p in (ROOT / "tests" / "data").glob("detect-real-*.jsonl") if not held_out(p)),
        key=lambda p: int("".join(ch for ch in p.stem.split("-")[-1] if ch.isdigit()) or 0),
    )
    rows = rows_of(paths)
    y = np.array([r["kind"] == "disclaimer_phrase" for r in rows])
    blind_scores = {}
    for line in BLIND.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        blind_scores[item["id"]] = item["score"]
    missing = [r["id"] for r in rows if r["id"] not in blind_scores]
    if missing:
        raise SystemExit(f"no blind score for {len(missing)} rows (e.g. {missing[0]}): run scripts/blind_scores.py")
    blind = np.array([blind_scores[r["id"]] >= BLIND_THRESHOLD for r in rows])
    x = embed([r["text"] for r in rows], reader._encoder(args.reader), args.cache)

    folds = np.array(site_folds(rows, FOLDS))
    oof = np.zeros(len(rows))
    for f in range(FOLDS):
        w, b = fit(x[folds != f], y[folds != f])
        oof[folds == f] = 1 / (1 + np.exp(-np.clip(x[folds == f] @ w + b, -60, 60)))
    veto, add, recall, fp = choose(oof, blind, y)
    blind_recall, blind_fp = (blind & y).sum() / y.sum(), (blind & ~y).sum() / (~y).sum()
    weights, bias = fit(x, y)
    names = [p.name for p in paths]
    out = {
        "reader": args.reader,
        "encoder": "{} ({})".format(*reader.READERS[args.reader]),
        "trained_on": f"{names[0]} .. {names[-1]} ({len(names)} files): {int(y.sum())} notices, {int((~y).sum())} "
        f"tricky negatives, {len({r['site'] for r in rows})} sites",
        "classifier": f"logistic regression, balanced classes, L2 C={C:g}, Newton",
        "thresholds": f"site-grouped {FOLDS}-fold out-of-fold scores with the rules' blind verdicts: most recall "
        f"at a false-alarm rate <= {FP_CAP}",
        "cross_validated": {
            "recall": round(recall, 4),
            "false_alarm_rate": round(fp, 4),
            "rules_blind_recall": round(float(blind_recall), 4),
            "rules_blind_false_alarm_rate": round(float(blind_fp), 4),
        },  # fmt: skip
        "veto": veto,
        "add": add,
        "bias": round(bias, 6),
        "weights": [round(float(v), 6) for v in weights],
    }
    target = args.output or reader.DATA / f"reader-{args.reader}.json"
    target.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{target}: veto {veto} add {add}; out of fold {recall:.3f} / {fp:.3f} "
          f"(rules blind {blind_recall:.3f} / {blind_fp:.3f})")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
