#!/usr/bin/env python3
"""Round 24's second study of the static reader: can a pure-Python reader close the gap to the e5 head?

    pip install 'mtcheck[reader]' torch
    python scripts/train_static_reader.py --pieces DIR --embed        # the piece vectors (round 23's, resumable)
    OMP_NUM_THREADS=1 python scripts/study_static_reader.py --pieces DIR --e5-cache E5.npz --json out.json \
        --variants base e5 sentence hybrid pca e2e

Rows, folds, blind verdicts, gates and operating points are train_static_reader.py's (sets 1-40 in round 24, the
held-out sets refused): site-grouped 5-fold out-of-fold logits, combined with the rules' blind verdicts, "gated" as
the code gates the add step. "(a)": the fewest false alarms at a recall loss of at most 0.005 (all dev sets);
"(b)": a time split, the model and its thresholds (the same rule, gated) from sets 1..--time-split only, measured on
the later sets with their blind verdicts. Variants (docs/detection.md, "A static reader, second study"):

- base: round 23's reader (logistic over the mean of the pieces' centred vectors and log(1 + pieces), C = 1);
- e5: the e5 head (C = 10) on the encoder's row embeddings;
- sentence: the base head applied to each sentence of a row, the row scored by the max over its sentences ("max"),
  the mean of that max and the row's own score ("mix"), or the larger of the two ("maxseg");
- hybrid: the base head folded into one score per piece (in fold), pooled eight ways (mean, max, min, top-3 mean,
  spread, share above 0, per-sentence max of the base score, log(1 + pieces)), with a small head over those
  features: logistic, a 16-unit MLP, or a logistic over the features and their pairwise products;
- pca: a k-dimension table (k = 16, 32, 64; PCA of the centred piece vectors, int8 with a scale per dimension),
  pooled by mean, max and length, with a logistic or MLP head;
- e2e: a learned projection of the piece vectors to h dimensions (the table, int8 after training), mean- and
  max-pooled, with a 32-unit MLP head, trained end to end (torch, Adam, full batch).

The MLPs need torch; nothing here ships.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from cv_detect_learned import site_folds  # noqa: E402
from train_reader import BLIND, BLIND_THRESHOLD, FOLDS, fit, rows_of  # noqa: E402
from train_static_reader import (  # noqa: E402
    auc,
    dev_paths,
    gates,
    operating,
    piece_vectors,
    sigmoid,
    table_of,
    vocabulary,
)

# A row's sentences: after . ! ? ؟ and a space, after 。！？।॥۔, at line breaks, at " · " and " | " separators
SENTENCE = re.compile(r"(?<=[.!?\u061f])\s+|(?<=[。！？।॥۔])|\n+|\s+[·|•]\s+")
TrainPredict = Callable[[Any, Any], Any]  # (train mask, test mask) -> logits of the test rows


class Data:
    """The dev rows, their pieces (whole and per sentence), labels, blind verdicts, folds, sets and gates."""

    def __init__(self, gates_cache: Path | None) -> None:
        import numpy as np

        pieces, unigram, unk = vocabulary()
        index = {p: i for i, p in enumerate(pieces)}
        table = table_of(pieces, unigram, unk)
        rows = rows_of(dev_paths())

        def tok(text: str) -> list[int]:
            return [index.get(p, unk) for p in table.tokenize(text)]

        self.n_pieces = len(pieces)
        self.texts = [r["text"] for r in rows]
        self.tokens = [tok(t) for t in self.texts]
        self.sents = [[tok(s) for s in SENTENCE.split(t) if s and s.strip()] or [tok(t)] for t in self.texts]
        self.y = np.array([r["kind"] == "disclaimer_phrase" for r in rows])
        score, set_of = {}, {}
        for line in BLIND.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            score[item["id"]], set_of[item["id"]] = item["score"], int(item["set"])
        self.blind = np.array([score[r["id"]] >= BLIND_THRESHOLD for r in rows])
        self.sets = np.array([set_of[r["id"]] for r in rows])
        self.folds = np.array(site_folds(rows, FOLDS))
        self.gate, self.badge = gates(rows, gates_cache)


def centred_vectors(folder: Path, n: int) -> Any:
    """Every piece's vector centred on the mean piece vector; a piece without one is 0 (the mean piece)."""
    import numpy as np

    vec = piece_vectors(folder)
    ids = np.array(sorted(vec))
    mat = np.stack([vec[i] for i in ids]).astype(np.float32)
    out = np.zeros((n, mat.shape[1]), np.float32)
    out[ids] = mat - mat.mean(axis=0)
    return out


def mean_len(v: Any, tokens: list[list[int]]) -> Any:
    import numpy as np

    x = np.zeros((len(tokens), v.shape[1] + 1))
    for k, t in enumerate(tokens):
        if t:
            x[k, :-1] = v[t].mean(axis=0)
        x[k, -1] = np.log1p(len(t))
    return x


def oof(d: Data, tp: TrainPredict, rows: Any = None) -> Any:
    import numpy as np

    rows = np.ones(len(d.y), bool) if rows is None else rows
    out = np.zeros(len(d.y))
    for f in range(FOLDS):
        out[rows & (d.folds == f)] = tp(rows & (d.folds != f), rows & (d.folds == f))
    return out[rows]


def time_split(d: Data, tp: TrainPredict, last: int) -> dict[str, Any]:
    """Model and thresholds (fewest false alarms at the recall loss, gated / ungated) from sets 1..last, measured on
    the later sets."""
    import numpy as np

    old, new = d.sets <= last, d.sets > last
    o = oof(d, tp, old)
    points = operating(sigmoid(o), d.blind[old], d.y[old], d.gate[old], d.badge[old])
    z = tp(old, new)
    p, yn, bn = sigmoid(z), d.y[new], d.blind[new]
    out: dict[str, Any] = {
        "sets": f"{last + 1}..{int(d.sets.max())}",
        "notices": int(yn.sum()),
        "negatives": int((~yn).sum()),
        "auc": round(auc(z, yn), 4),
        "rules_blind": [round(float((bn & yn).sum() / yn.sum()), 4), round(float((bn & ~yn).sum() / (~yn).sum()), 4)],
    }
    for name, gate, keep in (("gated", d.gate[new], d.badge[new]), ("ungated", np.ones_like(yn), np.zeros_like(yn))):
        pt = points[name]["veto_add_at_recall_loss"]
        flagged = (bn & ((p >= pt["veto"]) | keep)) | ((p >= pt["add"]) & gate)
        out[name] = {"recall": round(float((flagged & yn).sum() / yn.sum()), 4),
                     "false_alarms": round(float((flagged & ~yn).sum() / (~yn).sum()), 4),
                     "veto": pt["veto"], "add": pt["add"]}  # fmt: skip
    return out


def logistic(x: Any, y: Any, c: float) -> TrainPredict:
    def tp(tr: Any, te: Any) -> Any:
        mu, sd = x[tr].mean(0), x[tr].std(0) + 1e-9
        w, b = fit((x[tr] - mu) / sd, y[tr], c)
        return ((x[te] - mu) / sd) @ w + b

    return tp


def mlp(x: Any, y: Any, hidden: int, wd: float, epochs: int = 400, lr: float = 1e-2) -> TrainPredict:
    """A one-hidden-layer tanh MLP over standardised features, balanced classes, Adam, full batch, seed 0."""
    import numpy as np
    import torch

    def tp(tr: Any, te: Any) -> Any:
        mu, sd = x[tr].mean(0), x[tr].std(0) + 1e-9
        xt = torch.tensor((x[tr] - mu) / sd, dtype=torch.float32)
        yt = torch.tensor(y[tr], dtype=torch.float32)
        torch.manual_seed(0)
        net = torch.nn.Sequential(torch.nn.Linear(x.shape[1], hidden), torch.nn.Tanh(), torch.nn.Linear(hidden, 1))
        pos = yt.sum()
        w = torch.where(yt > 0, len(yt) / (2 * pos), len(yt) / (2 * (len(yt) - pos)))
        opt = torch.optim.Adam(net.parameters(), lr=lr, weight_decay=wd)
        for _ in range(epochs):
            opt.zero_grad()
            torch.nn.functional.binary_cross_entropy_with_logits(net(xt)[:, 0], yt, weight=w).backward()
            opt.step()
        with torch.no_grad():
            out = net(torch.tensor((x[te] - mu) / sd, dtype=torch.float32))[:, 0]
        return out.numpy().astype(np.float64)

    return tp


def sentence_tp(d: Data, x: Any, v: Any, mode: str) -> TrainPredict:
    import numpy as np

    owner = np.array([k for k, s in enumerate(d.sents) for _ in s])
    xs = mean_len(v, [t for s in d.sents for t in s])

    def tp(tr: Any, te: Any) -> Any:
        mu, sd = x[tr].mean(0), x[tr].std(0) + 1e-9
        w, b = fit((x[tr] - mu) / sd, d.y[tr], 1.0)
        row = ((x - mu) / sd) @ w + b
        best = np.full(len(d.y), -np.inf)
        np.maximum.at(best, owner, ((xs - mu) / sd) @ w + b)
        return {"max": best, "mix": (best + row) / 2, "maxseg": np.maximum(best, row)}[mode][te]

    return tp


def hybrid_tp(d: Data, x: Any, v: Any, head: str) -> TrainPredict:
    import numpy as np

    owner = np.array([k for k, s in enumerate(d.sents) for _ in s])
    sent_tokens = [t for s in d.sents for t in s]

    def pooled(score: Any, length_weight: float) -> Any:
        per_sentence = np.array([score[t].mean() + length_weight * np.log1p(len(t)) for t in sent_tokens])
        best = np.full(len(d.y), -np.inf)
        np.maximum.at(best, owner, per_sentence)
        f = np.zeros((len(d.tokens), 8))
        for r, t in enumerate(d.tokens):
            s = score[t]
            f[r] = [s.mean(), s.max(), s.min(), np.sort(s)[::-1][:3].mean(), s.std(), np.log1p(len(t)), best[r],
                    (s > 0).mean()]  # fmt: skip
        return f

    def tp(tr: Any, te: Any) -> Any:
        mu, sd = x[tr].mean(0), x[tr].std(0) + 1e-9
        w, _ = fit((x[tr] - mu) / sd, d.y[tr], 1.0)
        ws = w / sd
        f = pooled(v @ ws[:-1], float(ws[-1]))
        if head == "products":
            iu = np.triu_indices(f.shape[1])
            f = np.concatenate([f, (f[:, :, None] * f[:, None, :])[:, iu[0], iu[1]]], 1)
        sub = mlp(f, d.y, 16, 1e-3, 300) if head == "mlp16" else logistic(f, d.y, 1.0)
        return sub(tr, te)

    return tp


def pca_features(d: Data, v: Any, k: int) -> Any:
    """Mean, max (of an int8 k-dimension PCA table) and log(1 + pieces)."""
    import numpy as np

    vals, vecs = np.linalg.eigh(v.T @ v / len(v))
    p = v @ vecs[:, np.argsort(-vals)[:k]]
    scale = np.quantile(np.abs(p), 0.9999, axis=0) / 127
    p = np.clip(np.round(p / scale), -127, 127) * scale
    f = np.zeros((len(d.tokens), 2 * k + 1))
    for r, t in enumerate(d.tokens):
        f[r, :k], f[r, k : 2 * k], f[r, -1] = p[t].mean(0), p[t].max(0), np.log1p(len(t))
    return f


def e2e_tp(d: Data, v: Any, h: int, epochs: int, lr: float, wd: float, buckets: int = 8) -> TrainPredict:
    """A learned projection (the table, h dimensions, int8 at test time) of the piece vectors, mean- and max-pooled,
    with log(1 + pieces), standardised (from the training rows at the start), a 32-unit tanh MLP; Adam, full batch,
    rows bucketed by length."""
    import numpy as np
    import torch

    used = sorted({i for t in d.tokens for i in t})
    col = {i: k for k, i in enumerate(used)}
    vu = torch.tensor(v[used] / (v[used].std() + 1e-9), dtype=torch.float32)
    lens = np.array([len(t) for t in d.tokens])
    y = torch.tensor(d.y, dtype=torch.float32)

    def batches(rows: Any) -> list[tuple[Any, Any, Any, Any]]:
        rows = rows[np.argsort(lens[rows], kind="stable")]
        out = []
        for part in np.array_split(rows, buckets):
            if len(part):
                idx = torch.zeros((len(part), int(lens[part].max())), dtype=torch.long)
                mask = torch.zeros(idx.shape, dtype=torch.bool)
                for k, r in enumerate(part):
                    idx[k, : lens[r]] = torch.tensor([col[i] for i in d.tokens[r]])
                    mask[k, : lens[r]] = True
                out.append((part, idx, mask, torch.tensor(np.log1p(lens[part]), dtype=torch.float32)))
        return out

    def features(table: Any, idx: Any, mask: Any, loglen: Any) -> Any:
        g, m = table[idx], mask.unsqueeze(-1)
        mean = (g * m).sum(1) / m.sum(1)
        return torch.cat([mean, g.masked_fill(~m, -1e4).max(1).values, loglen.unsqueeze(-1)], 1)

    def tp(tr: Any, te: Any) -> Any:
        train, test = batches(np.where(tr)[0]), batches(np.where(te)[0])
        torch.manual_seed(0)
        proj = torch.nn.Linear(v.shape[1], h)
        head = torch.nn.Sequential(torch.nn.Linear(2 * h + 1, 32), torch.nn.Tanh(), torch.nn.Linear(32, 1))
        with torch.no_grad():
            f0 = torch.cat([features(proj(vu), i, m, n) for _, i, m, n in train])
            mu, sd = f0.mean(0), f0.std(0) + 1e-6
        ys = [y[torch.tensor(p)] for p, *_ in train]
        total, pos = sum(len(t) for t in ys), sum(float(t.sum()) for t in ys)
        ws = [torch.where(t > 0, total / (2 * pos), total / (2 * (total - pos))) for t in ys]
        opt = torch.optim.Adam([*proj.parameters(), *head.parameters()], lr=lr, weight_decay=wd)
        for _ in range(epochs):
            opt.zero_grad()
            table = proj(vu)
            loss = sum(torch.nn.functional.binary_cross_entropy_with_logits(
                head((features(table, i, m, n) - mu) / sd)[:, 0], t, weight=w, reduction="sum")
                for (_, i, m, n), t, w in zip(train, ys, ws, strict=True)) / total  # fmt: skip
            loss.backward()  # type: ignore[union-attr]
            opt.step()
        z = np.zeros(len(d.y))
        with torch.no_grad():
            table = proj(vu)
            scale = torch.quantile(table.abs(), 0.9999, dim=0) / 127
            table = torch.clamp(torch.round(table / scale), -127, 127) * scale
            for p, i, m, n in test:
                z[p] = head((features(table, i, m, n) - mu) / sd)[:, 0].numpy()
        return z[te]

    return tp


def main(argv: list[str] | None = None) -> int:
    import numpy as np

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pieces", type=Path, required=True, help="folder of the piece vectors (chunks)")
    parser.add_argument("--e5-cache", type=Path, help="train_reader.py's --cache (the e5 row embeddings)")
    parser.add_argument("--gates-cache", type=Path, help="a JSON file keeping the rows' gate readings")
    parser.add_argument("--variants", nargs="*", default=["base", "e5", "sentence", "hybrid"],
                        choices=["base", "e5", "sentence", "hybrid", "pca", "e2e"])  # fmt: skip
    parser.add_argument("--time-split", type=int, default=36, help="fit on sets 1..N, measure on the later sets")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)

    import torch

    torch.set_num_threads(1)
    d = Data(args.gates_cache)
    v = centred_vectors(args.pieces, d.n_pieces)
    x = mean_len(v, d.tokens)
    study: dict[str, Any] = {"rows": len(d.y), "notices": int(d.y.sum()), "negatives": int((~d.y).sum())}

    def measure(name: str, tp: TrainPredict, split: bool = True) -> None:
        logits = oof(d, tp)
        study[name] = {"auc": round(auc(logits, d.y), 4), **operating(sigmoid(logits), d.blind, d.y, d.gate, d.badge)}
        if split:
            study[name]["time_split"] = time_split(d, tp, args.time_split)
        print(f"{name}: AUC {study[name]['auc']}", json.dumps(study[name]["gated"]["veto_add_at_recall_loss"]),
              json.dumps(study[name].get("time_split", {}).get("gated")), file=sys.stderr, flush=True)  # fmt: skip
        if args.json:
            args.json.write_text(json.dumps(study, indent=1) + "\n", encoding="utf-8")

    if "base" in args.variants:
        measure("base", logistic(x, d.y, 1.0))
    if "e5" in args.variants:
        if args.e5_cache is None:
            raise SystemExit("--variants e5 needs --e5-cache")
        with np.load(args.e5_cache) as data:
            known = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
        e5 = np.stack([known[hashlib.sha256(t.encode("utf-8")).hexdigest()[:16]] for t in d.texts]).astype(float)
        measure("e5", _raw_logistic(e5, d.y, 10.0))
    if "sentence" in args.variants:
        for mode in ("max", "mix", "maxseg"):
            measure(f"sentence {mode}", sentence_tp(d, x, v, mode))
    if "hybrid" in args.variants:
        for head in ("logistic", "mlp16", "products"):
            measure(f"hybrid {head}", hybrid_tp(d, x, v, head))
    if "pca" in args.variants:
        for k in (16, 32, 64):
            f = pca_features(d, v, k)
            measure(f"pca{k} mean+len logistic", logistic(np.concatenate([f[:, :k], f[:, -1:]], 1), d.y, 1.0), False)
            measure(f"pca{k} mean+max+len logistic", logistic(f, d.y, 1.0), False)
            for hidden, wd in ((32, 1e-3), (64, 1e-2)):
                measure(f"pca{k} mean+max+len mlp{hidden} wd{wd:g}", mlp(f, d.y, hidden, wd), False)
    if "e2e" in args.variants:
        for h, epochs, lr, wd, split in ((32, 100, 1e-2, 1e-4, False), (16, 100, 1e-2, 1e-4, False),
                                         (32, 200, 5e-3, 1e-3, True), (32, 200, 5e-3, 1e-2, False)):  # fmt: skip
            measure(f"e2e h{h} epochs {epochs} lr {lr:g} wd {wd:g}", e2e_tp(d, v, h, epochs, lr, wd), split)
    print(json.dumps(study, indent=1))
    return 0


def _raw_logistic(x: Any, y: Any, c: float) -> TrainPredict:
    """The e5 head as train_reader.py fits it: on the raw embeddings, not standardised."""

    def tp(tr: Any, te: Any) -> Any:
        w, b = fit(x[tr], y[tr], c)
        return x[te] @ w + b

    return tp


if __name__ == "__main__":
    raise SystemExit(main())
