#!/usr/bin/env python3
"""Does the learned fallback find notices on sites it never saw? Site-grouped cross-validation on the real sets.

The harvested sets (tests/data/detect-real-1..6.jsonl) are split into k folds by `site` (every row of a site,
in every language and every set, in one fold; sites dealt largest first to the fold with fewest rows, ties by
name, so the split is fixed). For each fold a model is trained on the other folds' rows (plus, with
`--challenge`, the challenge sets' examples, as `scripts/train_detect.py` reads them) and the whole detector is
measured on the fold's rows, alone, at the top and at the bottom of a neutral article (the bodies and the
placement of `scripts/eval_detect_real.py`): rules only, and rules + learned at several thresholds, with the
rules' "mention" veto kept or lifted above a stricter score (`learned.MENTION_THRESHOLD`).

How it is measured: `detect_text` runs once per row and placement with the learned layer switched on and its
`evidence` replaced by a recorder, which gives the rules' verdict and the exact arguments the fallback would
get (it is only called when no evidence reached STRONG). The candidate segments and the rules' veto on each
(`learned.segments`, `learned.rules_verdict`) do not depend on the model, so each fold's model only scores
them; the learned evidence (weight 0.55) flips the verdict whenever a candidate qualifies, exactly as in
`learned.evidence`. `--check N` reruns N rows per fold through the real `detect_text` with the fold's model
to confirm the shortcut gives the same verdicts.

    python scripts/cv_detect_learned.py --folds 5 --json /tmp/cv.json
    python scripts/cv_detect_learned.py --folds 5 --challenge --features char+word
    python scripts/cv_detect_learned.py --timesplit 10=rec10.json 11=rec11.json 12=rec12.json --train-upto 9 \
        --challenge --features char+word       # sets harvested together: one training cut, pooled figures
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import eval_detect_real as er  # noqa: E402
import train_detect as td  # noqa: E402
from record_detect_rules import record  # noqa: E402

from mtcheck.detect import detect_text, learned  # noqa: E402

THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95, 0.98)
MENTION = (None, 0.99)


def site_folds(rows: list[dict[str, Any]], k: int) -> list[int]:
    """Fold index per row: sites dealt largest first to the fold with fewest rows (ties: name, fold index)."""
    sizes: dict[str, int] = defaultdict(int)
    for row in rows:
        sizes[row["site"]] += 1
    load = [0] * k
    fold_of: dict[str, int] = {}
    for site in sorted(sizes, key=lambda s: (-sizes[s], s)):
        f = min(range(k), key=lambda i: (load[i], i))
        fold_of[site] = f
        load[f] += sizes[site]
    return [fold_of[row["site"]] for row in rows]


def flips(segs: list[tuple[str, str | None]] | None, score: Callable[[str], float], t: float,
          mention: float | None) -> bool:  # fmt: skip
    """Whether the fallback adds evidence: some candidate scores >= t and the rules do not veto it."""
    for text, veto in segs or ():
        p = score(text)
        if p >= t and (veto is None or (veto == "mention" and mention is not None and p >= mention)):
            return True
    return False


def placements(rows: list[dict[str, Any]], bodies: dict[str, str]) -> list[tuple[int, str, str]]:
    """(row index, placement, text) for every row in every placement."""
    out = []
    for i, row in enumerate(rows):
        body = bodies.get(row.get("language", ""), bodies["en"])
        out += [(i, p, er.placed(row["text"], p, body)) for p in er.PLACEMENTS]
    return out


def tally(rows: list[dict[str, Any]], cases: list[tuple[int, str, bool]]) -> dict[str, dict[str, list[int]]]:
    """{placement: {"recall": [hit, n], "fp": [hit, n]}} from (row, placement, flagged) cases."""
    out: dict[str, dict[str, list[int]]] = {p: {"recall": [0, 0], "fp": [0, 0]} for p in er.PLACEMENTS}
    for i, placement, flagged in cases:
        key = "recall" if rows[i]["kind"] == "disclaimer_phrase" else "fp"
        out[placement][key][0] += int(flagged)
        out[placement][key][1] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--challenge", action="store_true", help="also train on the challenge sets")
    parser.add_argument("--features", default="char", help="char, or char+word (learned.FEATURES)")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--l2", type=float, default=1e-4)
    parser.add_argument("--check", type=int, default=0, help="rows per fold rerun through detect_text")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--timesplit", nargs="+", metavar="N=RECORD", default=[],
                        help="instead: set N read by the rules recorded in RECORD (record_detect_rules.py), "
                             "the model trained on sets 1..N-1 without set N's sites")  # fmt: skip
    parser.add_argument(
        "--train-upto",
        type=int,
        default=None,
        metavar="K",
        help="with --timesplit: train on sets 1..K (default N-1), still without set N's sites",
    )
    parser.add_argument(
        "--site-weight",
        action="store_true",
        help="with --timesplit: weight each real training row by 1/(rows of its site), mean 1",
    )
    args = parser.parse_args(argv)
    if args.timesplit:
        return timesplit(args)

    paths = [td.ROOT / "tests" / "data" / f"detect-real-{n}.jsonl" for n in range(1, 7)]
    rows = [r for r in er.load_rows(paths) if r["kind"] in ("disclaimer_phrase", "tricky_negative")]
    folds = site_folds(rows, args.folds)
    bodies = er.load_bodies()
    cases = placements(rows, bodies)
    print(f"{len(rows)} rows, {len({r['site'] for r in rows})} sites, folds:",
          [sum(1 for f in folds if f == k) for k in range(args.folds)], flush=True)  # fmt: skip
    recorded = [record(text) for _, _, text in cases]
    print("rules recorded", flush=True)
    chal_paths = sorted(p for p in (ROOT / "tests" / "data").glob("detect-challenge*.jsonl") if not td.held_out(p))
    challenge = td.examples(chal_paths) if args.challenge else []
    texts = [r["text"] for r in rows]
    labels = [int(r["kind"] == "disclaimer_phrase") for r in rows]
    hyper = {"min_df": 1, "epochs": args.epochs, "l2": args.l2, "rate": 0.5, "seed": 13}
    feats = td.featurise(texts, args.features)
    chal_feats = td.featurise([t for _, t, _ in challenge], args.features)
    configs = [(t, m) for t in THRESHOLDS for m in MENTION]
    per_fold: list[dict[str, Any]] = []
    for k in range(args.folds):
        train = [i for i in range(len(rows)) if folds[i] != k]
        w, b = td.fit([feats[i] for i in train] + chal_feats, [labels[i] for i in train] + [y for _, _, y in challenge],
                      **hyper)  # fmt: skip
        model = learned.Model(w, b, 0.9, 0.55, features=args.features)
        cache: dict[str, float] = {}

        def score(text: str, model: learned.Model = model, cache: dict[str, float] = cache) -> float:
            if text not in cache:
                cache[text] = model.score(text)
            return cache[text]

        mine = [j for j, (i, _, _) in enumerate(cases) if folds[i] == k]
        result: dict[str, Any] = {
            "fold": k,
            "sites": len({rows[i]["site"] for i in range(len(rows)) if folds[i] == k}),
            "rules": tally(rows, [(cases[j][0], cases[j][1], recorded[j][0]) for j in mine]),
        }
        for t, m in configs:
            flagged = [(cases[j][0], cases[j][1], recorded[j][0] or flips(recorded[j][1], score, t, m)) for j in mine]
            result[f"t{t}_m{m}"] = tally(rows, flagged)
        # the row alone, scored by the model as one segment (no rules): how the classifier itself ranks
        result["model_alone"] = [(score(rows[i]["text"]), labels[i]) for i in range(len(rows)) if folds[i] == k]
        # the rules' misses alone: the best candidate's score and the rules' veto on it
        result["rule_misses"] = [
            (rows[cases[j][0]]["id"], max(((score(t), v) for t, v in recorded[j][1] or ()), default=(0.0, "n/c"),
                                          key=lambda x: x[0]))
            for j in mine if cases[j][1] == "alone" and labels[cases[j][0]] and not recorded[j][0]
        ]  # fmt: skip
        for j in mine[: args.check * 3]:
            i, _, text = cases[j]
            saved = (learned.ENABLED, learned.load_model, learned.MENTION_THRESHOLD)
            learned.ENABLED, learned.MENTION_THRESHOLD = True, None
            learned.load_model = lambda path=None, model=model: learned.Model(  # type: ignore[assignment,misc]
                model.weights, model.bias, 0.9, 0.55, features=args.features
            )
            try:
                real = detect_text(text).machine_translated
            finally:
                learned.ENABLED, learned.load_model, learned.MENTION_THRESHOLD = saved
            if real != (recorded[j][0] or flips(recorded[j][1], score, 0.9, None)):
                print(f"CHECK MISMATCH fold {k} row {rows[i]['id']}", flush=True)
        per_fold.append(result)
        print(f"fold {k}: {_fmt(result['rules'])} | t0.9 {_fmt(result['t0.9_mNone'])}", flush=True)

    pooled: dict[str, Any] = {}
    for key in ["rules"] + [f"t{t}_m{m}" for t, m in configs]:
        agg = {p: {"recall": [0, 0], "fp": [0, 0]} for p in er.PLACEMENTS}
        for f in per_fold:
            for p in er.PLACEMENTS:
                for c in ("recall", "fp"):
                    agg[p][c][0] += f[key][p][c][0]
                    agg[p][c][1] += f[key][p][c][1]
        pooled[key] = agg
        print(f"{key:14} {_fmt(agg)}")
    if args.json:
        out = {"args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
               "pooled": pooled, "folds": per_fold}  # fmt: skip
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


def timesplit(args: argparse.Namespace) -> int:
    """Set N as it was measured held out: old rules (recorded) + a model that never saw set N or its sites."""
    hyper = {"min_df": 1, "epochs": args.epochs, "l2": args.l2, "rate": 0.5, "seed": 13}
    chal_paths = sorted(p for p in (ROOT / "tests" / "data").glob("detect-challenge*.jsonl") if not td.held_out(p))
    challenge = td.examples(chal_paths) if args.challenge else []
    chal_feats = td.featurise([t for _, t, _ in challenge], args.features)
    out: dict[str, Any] = {}
    configs = [(t, m) for t in THRESHOLDS for m in MENTION]
    for spec in args.timesplit:
        n, record_path = spec.split("=", 1)
        test = [r for r in er.load_rows([ROOT / "tests" / "data" / f"detect-real-{n}.jsonl"])
                if r["kind"] in ("disclaimer_phrase", "tricky_negative")]  # fmt: skip
        upto = args.train_upto if args.train_upto is not None else int(n) - 1
        before = [ROOT / "tests" / "data" / f"detect-real-{m}.jsonl" for m in range(1, upto + 1)]
        seen = er.load_rows(before)
        test_sites = {r["site"] for r in test}
        kinds = ("disclaimer_phrase", "tricky_negative")
        train = [r for r in seen if r["kind"] in kinds and r["site"] not in test_sites]
        old_sites = {r["site"] for r in seen}
        weights = site_weights(train) + [1.0] * len(challenge) if args.site_weight else None
        w, b = td.fit(
            td.featurise([r["text"] for r in train], args.features) + chal_feats,
            [int(r["kind"] == "disclaimer_phrase") for r in train] + [y for _, _, y in challenge],
            **hyper,
            sample_weight=weights,
        )
        model = learned.Model(w, b, 0.9, 0.55, features=args.features)
        cache: dict[str, float] = {}

        def score(text: str, model: learned.Model = model, cache: dict[str, float] = cache) -> float:
            if text not in cache:
                cache[text] = model.score(text)
            return cache[text]

        by_id = {r["id"]: i for i, r in enumerate(test)}
        recorded = json.loads(Path(record_path).read_text(encoding="utf-8"))
        result: dict[str, Any] = {"train_rows": len(train), "test_rows": len(test)}
        for scope in ("all", "new sites"):
            recs = [x for x in recorded if scope == "all" or test[by_id[x[0]]]["site"] not in old_sites]
            part: dict[str, Any] = {"rules": tally(test, [(by_id[x[0]], x[1], x[2]) for x in recs])}
            for t, m in configs:
                part[f"t{t}_m{m}"] = tally(test, [(by_id[x[0]], x[1], x[2] or flips(x[3], score, t, m)) for x in recs])
            result[scope] = part
            for key, value in part.items():
                print(f"set {n} {scope:9} {key:14} {_fmt(value)}", flush=True)
        out[n] = result
    if len(out) > 1:
        pooled = pool([r["all"] for r in out.values()])
        for key, value in pooled.items():
            print(f"pooled {'+'.join(out)} {key:14} {_fmt(value)}", flush=True)
        out["pooled"] = pooled
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


def site_weights(rows: list[dict[str, Any]]) -> list[float]:
    """1/(rows of the row's site), scaled so the weights average 1: a site's rows count as much as one site."""
    sizes: dict[str, int] = defaultdict(int)
    for row in rows:
        sizes[row["site"]] += 1
    raw = [1.0 / sizes[row["site"]] for row in rows]
    mean = sum(raw) / len(raw) if raw else 1.0
    return [x / mean for x in raw]


def pool(parts: list[dict[str, dict[str, dict[str, list[int]]]]]) -> dict[str, dict[str, dict[str, list[int]]]]:
    """Sum {setting: {placement: {"recall"|"fp": [hit, n]}}} tallies over several sets (the keys of the first)."""
    out: dict[str, dict[str, dict[str, list[int]]]] = {}
    for key in parts[0] if parts else ():
        out[key] = {}
        for placement in parts[0][key]:
            cell = {c: [0, 0] for c in ("recall", "fp")}
            for part in parts:
                for c in cell:
                    cell[c][0] += part[key][placement][c][0]
                    cell[c][1] += part[key][placement][c][1]
            out[key][placement] = cell
    return out


def _fmt(t: dict[str, dict[str, list[int]]]) -> str:
    return "  ".join(f"{p} R {v['recall'][0]}/{v['recall'][1]} FP {v['fp'][0]}/{v['fp'][1]}" for p, v in t.items())


if __name__ == "__main__":
    sys.exit(main())
