"""Documents per hour: 100 short articles (5 sentences each) through ctranslate2 int8, beam 4.

Three ways, each in a child process, run back to back for --rounds rounds (medians reported):

- before: the code of --before-rev (default: the commit before cross-document batching), which
  batches each document's sentences alone, with its CTranslate2 threads (1 translator x all threads);
- batched: this code: windows of documents batched together, tuned CTranslate2;
- ray: this code on a local 2-CPU Ray cluster (started before the clock; actors and models inside it).

Reports are compared as JSON: batched against this code run one document at a time, and ray against
batched. Random weights (bench/make_random_model.py) never stop on their own, so every output runs to
the length cap, set to 1.0 x input + 2 tokens as in run_bench.py.

    python bench/throughput.py --models ~/.cache/mtcheck-bench [--rounds 2] [--articles 100]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LENGTH_RATIO, LENGTH_SLACK = 1.0, 2
BEFORE_REV = "bcbdf0b"


def short_articles(count: int = 100, per: int = 5, seed: int = 0) -> list[list[str]]:
    """`count` articles of `per` distinct sentences of 8-28 words drawn from bench/article.md's words."""
    words = [w.strip(".,;:\"'()") for w in (HERE / "article.md").read_text(encoding="utf-8").split()]
    words = [w for w in words if w.isalpha() and w != "#"]
    rng = random.Random(seed)
    seen: set[str] = set()
    articles = []
    for _ in range(count):
        article: list[str] = []
        while len(article) < per:
            sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 28)))
            sentence = sentence[0].upper() + sentence[1:] + "."
            if sentence not in seen:
                seen.add(sentence)
                article.append(sentence)
        articles.append(article)
    return articles


def patch_length_cap() -> None:
    from mtcheck import config

    config.MAX_LENGTH_RATIO = LENGTH_RATIO
    config.MAX_LENGTH_SLACK = LENGTH_SLACK


def write_articles(folder: Path, count: int) -> list[str]:
    paths = []
    for n, article in enumerate(short_articles(count)):
        path = folder / f"article-{n:03d}.txt"
        path.write_text(" ".join(article) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


# -- children -----------------------------------------------------------------------------------


def child(mode: str, models: Path, inputs: list[str], out: Path) -> dict[str, Any]:
    patch_length_cap()
    from mtcheck.api import check_many
    from mtcheck.config import Settings
    from mtcheck.engines.base import create_engine
    from mtcheck.report.json_report import report_to_dict

    beams = int(os.environ.get("BENCH_BEAMS", "4"))
    settings = Settings(models_dir=models, engine="ctranslate2", compute_type="int8", beams=beams, cache=False)
    settings = settings.with_(language="en")
    if mode == "alone":
        from mtcheck.engines import prefetch

        prefetch.WINDOW_DOCUMENTS = 1  # type: ignore[attr-defined]
    startup = 0.0
    if mode == "ray":
        import ray

        began = time.perf_counter()
        # The actors are other processes: they need the benchmark's length cap too.
        hook = {"worker_process_setup_hook": "bench.throughput.patch_length_cap", "env_vars": {"PYTHONPATH": str(ROOT)}}
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, runtime_env=hook)
        startup = time.perf_counter() - began
        from mtcheck.run.distributed import check_many_ray

        began = time.perf_counter()
        result = check_many_ray(inputs, settings=settings.with_(ray="auto", threads=1))
    else:
        engine = create_engine("ctranslate2", settings)
        engine.translate(["A warm-up sentence."], "en", "de")  # models load before the clock
        engine.translate(["Ein Satz zum Aufwärmen."], "de", "en")
        began = time.perf_counter()
        result = check_many(inputs, settings=settings, engine=engine)
    seconds = time.perf_counter() - began
    reports = {Path(r.document.path).name: report_to_dict(r) for r in result.reports}
    out.write_text(json.dumps(reports, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    return {"seconds": seconds, "startup_s": startup, "documents": len(result.reports), "failed": len(result.failures)}


def run_child(mode: str, code: Path, models: Path, folder: Path, out: Path) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--code", str(code),
           "--models", str(models), "--inputs", str(folder), "--out", str(out)]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=3600)
    if done.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def same_reports(a: Path, b: Path) -> tuple[int, int, int]:
    """(identical documents, documents, identical sentences out of all)."""
    left, right = json.loads(a.read_text(encoding="utf-8")), json.loads(b.read_text(encoding="utf-8"))
    docs = sum(left[k] == right.get(k) for k in left)
    sentences = [(x, y) for k in left for x, y in zip(left[k]["sentences"], right[k]["sentences"], strict=True)]
    return docs, len(left), sum(x == y for x, y in sentences)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--beams", type=int, default=4)
    parser.add_argument("--before-rev", default=BEFORE_REV)
    parser.add_argument("--modes", default="before,batched,ray,alone", help="alone: identity check, run once")
    parser.add_argument("--child")
    parser.add_argument("--code", type=Path)
    parser.add_argument("--inputs", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if args.child:
        sys.path.insert(0, str(args.code))
        inputs = sorted(str(p) for p in args.inputs.glob("*.txt"))
        print(json.dumps(child(args.child, args.models, inputs, args.out)))
        return 0
    os.environ["BENCH_BEAMS"] = str(args.beams)  # the children read it
    work = Path(tempfile.mkdtemp(prefix="mtcheck-throughput-"))
    folder = work / "articles"
    folder.mkdir()
    write_articles(folder, args.articles)
    before = work / "before"
    before.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", args.before_rev, "mtcheck"], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(before)], input=archive.stdout, check=True)
    modes = [m for m in args.modes.split(",") if m != "alone"]
    times: dict[str, list[dict[str, Any]]] = {m: [] for m in modes}
    for round_ in range(args.rounds):
        for mode in modes:
            code = before if mode == "before" else ROOT
            result = run_child(
                "batched" if mode == "before" else mode, code, args.models, folder, work / f"{mode}.json"
            )
            times[mode].append(result)
            print(f"round {round_ + 1} {mode}: {result}", file=sys.stderr, flush=True)
    if "alone" in args.modes.split(","):
        run_child("alone", ROOT, args.models, folder, work / "alone.json")
    summary: dict[str, Any] = {
        "beams": args.beams,
        "rounds": args.rounds,
        "documents": args.articles,
        "sentences_per_document": 5,
    }
    for mode, results in times.items():
        seconds = statistics.median(r["seconds"] for r in results)
        summary[mode] = {
            "median_s": round(seconds, 2),
            "all_s": [round(r["seconds"], 2) for r in results],
            "documents_per_hour": round(args.articles * 3600 / seconds),
            "startup_s": round(statistics.median(r["startup_s"] for r in results), 2),
        }
    summary["identical"] = {
        "batched_vs_one_document_at_a_time": same_reports(work / "batched.json", work / "alone.json")
        if (work / "alone.json").exists()
        else None,
        "ray_vs_batched": same_reports(work / "ray.json", work / "batched.json") if "ray" in modes else None,
        "before_vs_batched": same_reports(work / "before.json", work / "batched.json") if "before" in modes else None,
    }
    print(json.dumps(summary, indent=2))
    (HERE / f"throughput-beam{args.beams}.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
