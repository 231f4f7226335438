"""Round-trip speed and memory of mtcheck's engines on random-weight opus-mt-en-de-sized models.

Every configuration runs in its own process: load, a warm-up round trip, then --runs timed round
trips (en->de->en) of the ~30-sentence article in bench/article.md; the median is reported, with
the child's peak RSS (os.wait4), its model load time and whether it imported torch.

    python bench/make_random_model.py ~/.cache/mtcheck-bench   # once (bench/README in RESULTS.md)
    python bench/run_bench.py --models ~/.cache/mtcheck-bench [--runs 3] [--only ct2-int8-greedy,...]

Random weights never emit </s> (see make_random_model.py), so every output is exactly as long as
the length cap allows; the benchmark sets the cap to 1.0 x input + 2 tokens, a realistic
translation length, and counts the generated tokens by re-tokenizing the outputs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ARTICLE = HERE / "article.md"
LENGTH_RATIO, LENGTH_SLACK = 1.0, 2
WARMUP = 3  # sentences in the warm-up round trip
NAIVE_SENTENCES = 10  # one-at-a-time cost is linear in sentences; 30 x 4 runs would take half an hour

# name -> (kind, options)
CONFIGS: dict[str, tuple[str, dict[str, Any]]] = {
    "naive-transformers-beam4": ("naive", {"beams": 4, "limit": NAIVE_SENTENCES}),
    "marian-batched-beam4": ("engine", {"engine": "marian", "beams": 4}),
    "marian-batched-greedy": ("engine", {"engine": "marian", "beams": 1}),
    "ct2-int8-greedy": ("engine", {"engine": "ctranslate2", "beams": 1, "compute_type": "int8"}),
    "ct2-int8-beam4": ("engine", {"engine": "ctranslate2", "beams": 4, "compute_type": "int8"}),
    "ct2-float32-greedy": ("engine", {"engine": "ctranslate2", "beams": 1, "compute_type": "float32"}),
    "ct2-float32-beam4": ("engine", {"engine": "ctranslate2", "beams": 4, "compute_type": "float32"}),
    "report-ct2-int8-cached-rerun": ("report_cached", {"engine": "ctranslate2"}),
    "report-ct2-int8-uncached": ("report_realistic", {"engine": "ctranslate2"}),
    "report-marian-uncached": ("report_realistic", {"engine": "marian"}),
    "help": ("help", {}),
}


def sentences() -> list[str]:
    """The article's sentences: one per line, heading excluded."""
    lines = ARTICLE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


# -- children -----------------------------------------------------------------------------------


def _patch_length_cap() -> None:
    from mtcheck import config

    config.MAX_LENGTH_RATIO = LENGTH_RATIO
    config.MAX_LENGTH_SLACK = LENGTH_SLACK
    for name in ("mtcheck.engines.marian", "mtcheck.engines.ct2"):
        module = sys.modules.get(name)
        if module is not None and hasattr(module, "MAX_LENGTH_RATIO"):
            module.MAX_LENGTH_RATIO = LENGTH_RATIO  # type: ignore[attr-defined]
            module.MAX_LENGTH_SLACK = LENGTH_SLACK  # type: ignore[attr-defined]


def _count_tokens(models: Path, texts: list[str], lang_pair: str) -> int:
    from mtcheck.engines.ct2_vocab import MarianVocab

    vocab = MarianVocab.load(models / f"opus-mt-{lang_pair}")
    return sum(len(vocab.encode(text)) - 1 for text in texts)


def _timed_round_trips(translate: Any, texts: list[str], runs: int) -> tuple[list[float], list[str], list[str]]:
    translate(texts[:WARMUP], "en", "de")
    translate(translate(texts[:WARMUP], "en", "de"), "de", "en")
    times, forward, back = [], [], []
    for _ in range(runs):
        started = time.perf_counter()
        forward = translate(texts, "en", "de")
        back = translate(forward, "de", "en")
        times.append(time.perf_counter() - started)
    return times, forward, back


def child_engine(models: Path, runs: int, options: dict[str, Any]) -> dict[str, Any]:
    from mtcheck.config import Settings
    from mtcheck.engines.base import create_engine

    threads = os.cpu_count() or 1
    settings = Settings(models_dir=models, threads=threads, batch_size=16, cache=False, **options)
    started = time.perf_counter()
    engine = create_engine(options["engine"], settings)
    _patch_length_cap()
    engine.translate(["Hello."], "en", "de")
    engine.translate(["Hallo."], "de", "en")
    load = time.perf_counter() - started
    texts = sentences()
    times, forward, back = _timed_round_trips(lambda t, s, g: engine.translate(t, s, g), texts, runs)
    return _summary(models, texts, times, forward, back, load, decoding=engine.decoding())


def child_naive(models: Path, runs: int, options: dict[str, Any]) -> dict[str, Any]:
    """What most users write first: a pipeline-like loop, one sentence at a time, beam 4."""
    import warnings

    started = time.perf_counter()
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    torch.set_num_threads(os.cpu_count() or 1)
    loaded = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for pair in ("en-de", "de-en"):
            path = models / f"opus-mt-{pair}"
            loaded[pair] = (MarianTokenizer.from_pretrained(path), MarianMTModel.from_pretrained(path).eval())
    load = time.perf_counter() - started

    def translate(texts: list[str], src: str, tgt: str) -> list[str]:
        tokenizer, model = loaded[f"{src}-{tgt}"]
        out = []
        for text in texts:
            batch = tokenizer([text], return_tensors="pt")
            cap = int(batch["input_ids"].shape[1] * LENGTH_RATIO + LENGTH_SLACK)
            with torch.no_grad():
                ids = model.generate(**batch, num_beams=options["beams"], max_new_tokens=cap)
            out.append(tokenizer.decode(ids[0], skip_special_tokens=True))
        return out

    texts = sentences()[: options["limit"]]
    times, forward, back = _timed_round_trips(translate, texts, runs)
    return _summary(models, texts, times, forward, back, load, decoding={"beams": options["beams"]})


def _summary(models: Path, texts: list[str], times: list[float], forward: list[str], back: list[str],
             load: float, decoding: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    median = statistics.median(times)
    tokens = _count_tokens(models, forward, "de-en") + _count_tokens(models, back, "en-de")
    return {
        "load_s": round(load, 3),
        "times_s": [round(t, 3) for t in times],
        "median_s": round(median, 3),
        "sentences": len(texts),
        "sentences_per_s": round(len(texts) / median, 3),
        "generated_tokens": tokens,
        "tokens_per_s": round(tokens / median, 1),
        "torch_imported": "torch" in sys.modules,
        "decoding": {k: v for k, v in decoding.items() if not isinstance(v, (dict, list))},
    }


# `mtcheck` with the benchmark's realistic length cap (random weights never stop on their own).
REALISTIC = (
    "import sys; from mtcheck import config; "
    f"config.MAX_LENGTH_RATIO, config.MAX_LENGTH_SLACK = {LENGTH_RATIO}, {LENGTH_SLACK}; "
    "from mtcheck.cli import main; sys.argv[0] = 'mtcheck'; main(sys.argv[1:])"
)


def _mtcheck(*args: str, realistic: bool = False) -> tuple[float, subprocess.CompletedProcess[str], float]:
    """Run mtcheck; (wall seconds, process, CPU seconds of that process)."""
    started = time.perf_counter()
    command = [sys.executable, "-c", REALISTIC] if realistic else [sys.executable, "-m", "mtcheck"]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        popen = subprocess.Popen([*command, *args], stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(popen.pid, 0)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        proc = subprocess.CompletedProcess(popen.args, os.waitstatus_to_exitcode(status), out.read(), err.read())
    return wall, proc, usage.ru_utime + usage.ru_stime


def child_report_cached(models: Path, runs: int, options: dict[str, Any]) -> dict[str, Any]:
    """`mtcheck report` on the article twice: the second (and later) runs hit the translation cache."""
    work = Path(tempfile.mkdtemp(prefix="mtcheck-bench-"))
    article = work / "article.md"
    article.write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    args = ["report", str(article), "--engine", options["engine"], "--models-dir", str(models),
            "--cache-dir", str(work / "cache"), "--output", str(work / "out"), "--language", "en",
            "--pivot", "de", "--fail-on", "never"]  # fmt: skip
    first, proc, _ = _mtcheck(*args)
    if proc.returncode not in (0, 1):
        tail = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        return {"skipped": f"mtcheck report is not usable yet: {tail}"}
    measured = [_mtcheck(*args) for _ in range(runs)]
    times, cpu = [m[0] for m in measured], [m[2] for m in measured]
    import resource

    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest mtcheck run
    return {"first_run_s": round(first, 3), "times_s": [round(t, 3) for t in times],
            "median_s": round(statistics.median(times), 3), "median_cpu_s": round(statistics.median(cpu), 3),
            "mtcheck_peak_rss_mb": round(rss, 1)}  # fmt: skip


def child_report_realistic(models: Path, runs: int, options: dict[str, Any]) -> dict[str, Any]:
    """`mtcheck report` end to end without the cache, outputs held to realistic lengths: wall and peak RSS."""
    work = Path(tempfile.mkdtemp(prefix="mtcheck-bench-"))
    article = work / "article.md"
    article.write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    args = ["report", str(article), "--engine", options["engine"], "--models-dir", str(models), "--no-cache",
            "--output", str(work / "out"), "--language", "en", "--pivot", "de", "--fail-on", "never"]  # fmt: skip
    measured = [_mtcheck(*args, realistic=True) for _ in range(runs)]
    if any(m[1].returncode not in (0, 1) for m in measured):
        return {"error": measured[0][1].stderr.strip().splitlines()[-1:]}
    import resource

    times = [m[0] for m in measured]
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"times_s": [round(t, 3) for t in times], "median_s": round(statistics.median(times), 3),
            "mtcheck_peak_rss_mb": round(rss, 1)}  # fmt: skip


def child_help(models: Path, runs: int, options: dict[str, Any]) -> dict[str, Any]:
    _mtcheck("--help")  # warm the file cache
    measured = [_mtcheck("--help") for _ in range(max(runs, 5))]
    times, cpu = [m[0] for m in measured], [m[2] for m in measured]
    return {"times_s": [round(t, 3) for t in times], "median_s": round(statistics.median(times), 3),
            "median_cpu_s": round(statistics.median(cpu), 3)}  # fmt: skip


CHILDREN = {"engine": child_engine, "naive": child_naive, "report_cached": child_report_cached,
            "report_realistic": child_report_realistic, "help": child_help}  # fmt: skip


# -- parent -------------------------------------------------------------------------------------


def run_child(name: str, models: Path, runs: int) -> dict[str, Any]:
    """Run one configuration in a fresh process; its JSON result plus its own peak RSS."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", name, "--models", str(models),
           "--runs", str(runs)]  # fmt: skip
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode != 0:
        tail = stderr.strip().splitlines()[-3:]
        return {"error": " | ".join(tail) or f"exit {proc.returncode}"}
    result: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    result["peak_rss_mb"] = round(usage.ru_maxrss / 1024, 1)  # KiB on Linux
    return result


def prepare(models: Path) -> None:
    for compute_type in ("int8", "float32"):
        _, proc, _ = _mtcheck("models", "convert", "en-de", "de-en", "--compute-type", compute_type,
                           "--models-dir", str(models))  # fmt: skip
        if proc.returncode != 0:
            raise SystemExit(f"conversion failed: {proc.stderr.strip()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", type=Path, required=True, help="output folder of make_random_model.py")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="", help="comma list of configurations")
    parser.add_argument("--json", type=Path, default=HERE / "results.json")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, options = CONFIGS[args.child]
        print(json.dumps(CHILDREN[kind](args.models, args.runs, options)))
        return 0
    names = [n for n in args.only.split(",") if n] or list(CONFIGS)
    prepare(args.models)
    results = json.loads(args.json.read_text()) if args.json.is_file() else {}
    for name in names:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        results[name] = run_child(name, args.models, args.runs)
        print(f"  {json.dumps(results[name])}", file=sys.stderr, flush=True)
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
