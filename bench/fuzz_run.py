"""The whole fuzz corpus through mtcheck: no internal error, no hang, no lost good input, well-formed reports.

    python bench/fuzz_corpus.py /tmp/corpus && python bench/fuzz_run.py /tmp/corpus [--limit-s 30]

Uses the apertium engine (en-es) when it is installed, detection and model-free checks otherwise.
Prints a summary (and every problem); exit 1 when there is a problem. Results go in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mtcheck.config import Settings  # noqa: E402
from tests.fuzz_check import run_corpus  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a folder written by bench/fuzz_corpus.py")
    parser.add_argument("--limit-s", type=float, default=30.0, help="per-input time limit (a hang)")
    parser.add_argument("--out", type=Path, default=None, help="where reports go [default: CORPUS/reports]")
    args = parser.parse_args()
    manifest = json.loads((args.corpus / "manifest.json").read_text(encoding="utf-8"))
    paths = [m["file"] for m in manifest]
    good = {m["file"] for m in manifest if m["good"]}
    apertium = shutil.which("apertium") is not None
    settings = Settings(engine="apertium", pivots=("es",), cache=False) if apertium else Settings(cache=False)
    out = args.out or args.corpus / "reports"
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    tally = run_corpus(
        paths, good, out, settings=settings, engine=None, translate=apertium, limit_s=args.limit_s, progress=True
    )
    took = time.perf_counter() - started
    seconds = sorted(o.seconds for o in tally.outcomes)
    kinds = {m["file"]: m["kind"] for m in manifest}
    slowest = max(tally.outcomes, key=lambda o: o.seconds)
    reported = {o.path for o in tally.outcomes if o.report is not None}
    median, p99 = seconds[len(seconds) // 2], seconds[int(len(seconds) * 0.99)]
    print(
        f"{time.strftime('%Y-%m-%d')} {platform.node()} {platform.processor() or platform.machine()}; "
        f"engine {'apertium en-es' if apertium else 'none (detection and model-free checks)'}\n"
        f"{len(paths)} inputs ({len(good)} good) in {took:.0f} s: {tally.count('report')} reported, "
        f"{tally.count('failure')} clean one-line failures, {tally.count('internal')} internal errors, "
        f"{tally.count('hang')} hangs over {args.limit_s:g} s\n"
        f"good inputs without a report: {len(good - reported)}\n"
        f"per input: median {median:.2f} s, 99th percentile {p99:.2f} s, "
        f"slowest {slowest.seconds:.1f} s ({kinds.get(slowest.path, '?')})\n"
        f"problems: {len(tally.problems)}"
    )
    for problem in tally.problems:
        print(f"  {problem}")
    return 1 if tally.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
