"""CTranslate2 threads and sub-batch size, measured: round trips of 500 short sentences (int8, beam 4).

Every configuration runs in this one process, back to back, for --rounds rounds in turn (so a burst of
load from other jobs hits all of them alike); the median per configuration is reported. The length cap
is 1.0 x input + 2 tokens, as in run_bench.py (random weights never stop on their own).

    python bench/ct2_tuning.py --models ~/.cache/mtcheck-bench [--rounds 3] [--sentences 200]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.throughput import patch_length_cap, short_articles  # noqa: E402

# name -> (inter_threads, intra_threads, sentences per call, sub-batch: ("examples" | "tokens", size))
CONFIGS: dict[str, tuple[int, int, int, tuple[str, int]]] = {
    "before: inter 1 x intra 2, 16 sent./call, 16 examples": (1, 2, 16, ("examples", 16)),
    "inter 1 x intra 2, 32 sent./call, 512 tokens": (1, 2, 32, ("tokens", 512)),
    "inter 2 x intra 1, 32 sent./call, 512 tokens": (2, 1, 32, ("tokens", 512)),
    "inter 2 x intra 1, 64 sent./call, 1024 tokens": (2, 1, 64, ("tokens", 1024)),
}


def measure(
    models: Path, texts: list[str], config: tuple[int, int, int, tuple[str, int]], beams: int
) -> dict[str, Any]:
    from mtcheck.config import Settings
    from mtcheck.engines.ct2 import CTranslate2Engine, Tuning

    inter, intra, per_call, (kind, size) = config
    settings = Settings(models_dir=models, engine="ctranslate2", beams=beams, batch_size=per_call // inter, cache=False)
    engine = CTranslate2Engine(settings)
    engine._tuning = Tuning("cpu", "int8", inter, intra, size)
    if kind == "examples":  # the engine before this change: max_batch_size in examples
        original = engine._decode

        def by_examples(loaded: Any, batch: list[list[str]], cap: int) -> list[list[str]]:
            results = loaded.translator.translate_batch(
                batch, beam_size=beams, num_hypotheses=1, max_batch_size=size, max_input_length=0,
                return_scores=False, max_decoding_length=cap,
            )  # fmt: skip
            return [list(r.hypotheses[0]) for r in results]

        engine._decode = by_examples  # type: ignore[method-assign]
        del original
    engine.translate(texts[:3], "en", "de")
    engine.translate(texts[:3], "de", "en")
    start = time.perf_counter()
    pivot = engine.translate(texts, "en", "de")
    back = engine.translate(pivot, "de", "en")
    seconds = time.perf_counter() - start
    vocab = engine._load("de", "en", None).vocab
    tokens = sum(len(vocab.encode(t)) - 1 for t in pivot) + sum(len(vocab.encode(t)) - 1 for t in back)
    return {"seconds": seconds, "tokens": tokens, "round_trips": len(texts)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sentences", type=int, default=200)
    parser.add_argument("--beams", type=int, default=4)
    parser.add_argument("--out", type=Path, default=HERE / "ct2_tuning.json")
    args = parser.parse_args(argv)
    patch_length_cap()
    texts = [s for article in short_articles() for s in article][: args.sentences]
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in CONFIGS}
    for round_ in range(args.rounds):
        for name, config in CONFIGS.items():
            result = measure(args.models, texts, config, args.beams)
            runs[name].append(result)
            print(f"round {round_ + 1} {name}: {result['seconds']:.2f} s", file=sys.stderr, flush=True)
    summary = {}
    for name, results in runs.items():
        seconds = statistics.median(r["seconds"] for r in results)
        tokens = results[0]["tokens"]
        summary[name] = {
            "median_s": round(seconds, 2),
            "all_s": [round(r["seconds"], 2) for r in results],
            "round_trips_per_s": round(len(texts) / seconds, 2),
            "generated_tokens": tokens,
            "tokens_per_s": round(tokens / seconds, 1),
        }
        print(f"| {name} | {seconds:.2f} | {len(texts) / seconds:.2f} | {tokens / seconds:.0f} |")
    args.out.write_text(json.dumps({"beams": args.beams, "sentences": len(texts), "configs": summary}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
