"""What a vocabulary shortlist (CTranslate2 `use_vmap`) would buy in speed, on the random-weight models.

A Marian lexical shortlist lets the output projection score only the target tokens likely for the
source words (from word-alignment co-occurrence counts on parallel data) plus the most frequent ones.
Random weights have no translation quality to lose, and no parallel data is at hand, so this measures
speed only: a synthetic map that gives every source token `--per-token` target candidates and a common
set of `--common` tokens, i.e. the shape of a real shortlist. mtcheck does not ship a shortlist: whether
one keeps the round-trip scores within tolerance can only be measured on the real opus-mt weights.

    python bench/vmap_speed.py --models ~/.cache/mtcheck-bench [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.throughput import short_articles  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sentences", type=int, default=100)
    parser.add_argument("--per-token", type=int, default=20)
    parser.add_argument("--common", type=int, default=500)
    args = parser.parse_args(argv)
    import ctranslate2

    from mtcheck.engines.ct2_vocab import MarianVocab

    source = args.models / "opus-mt-en-de"
    model = Path(tempfile.mkdtemp(prefix="vmap-")) / "ct2-int8"
    shutil.copytree(source / "ct2-int8", model)
    vocab = MarianVocab.load(source)
    texts = [s for article in short_articles() for s in article][: args.sentences]
    batch = [vocab.encode(t) for t in texts]
    tokens = json.loads((model / "shared_vocabulary.json").read_text(encoding="utf-8"))
    rng = random.Random(0)
    lines = ["\t" + " ".join(rng.sample(tokens, args.common))]
    for token in {t for sentence in batch for t in sentence}:
        lines.append(token + "\t" + " ".join(rng.sample(tokens, args.per_token)))
    (model / "vmap.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    translator = ctranslate2.Translator(str(model), compute_type="int8", inter_threads=2, intra_threads=1)
    caps = max(len(t) for t in batch) + 2
    results: dict[str, list[float]] = {"full vocabulary": [], "vmap": []}
    for _ in range(args.rounds):
        for name, use in (("full vocabulary", False), ("vmap", True)):
            start = time.perf_counter()
            translator.translate_batch(batch, beam_size=4, max_batch_size=512, batch_type="tokens",
                                       max_decoding_length=caps, min_decoding_length=caps - 1,
                                       use_vmap=use)  # fmt: skip
            results[name].append(time.perf_counter() - start)
    generated = len(batch) * (caps - 1)
    summary = {
        name: {"median_s": round(statistics.median(t), 2), "tokens_per_s": round(generated / statistics.median(t))}
        for name, t in results.items()
    }
    shortlist = args.common + args.per_token * 25  # about 25 source tokens per sentence
    summary["shortlist_size_about"] = {"tokens": shortlist, "of": len(tokens)}
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
