"""How detect and report times grow with input size: they must grow linearly, never worse.

    python bench/scaling.py [--sizes 1,10,100,1000] [--no-report]

Inputs of 1, 10, 100 KB and 1 MB made of repeated notice phrases (no full stop: one endless clause),
repeated notice sentences, brackets, and long words. `detect` is timed in-process after a warm-up
(start-up and the one-off loading of language profiles are left out); `report` is the whole pipeline
with the apertium engine (--language en --pivot es, no cache), HTML and JSON written. Prints a table and
the growth factor of each tenfold step (about 10 is linear, about 100 quadratic). Results: bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mtcheck.config import Settings  # noqa: E402
from mtcheck.detect import detect  # noqa: E402
from mtcheck.read.document import read_document  # noqa: E402
from mtcheck.run.runner import RunOptions, run_report  # noqa: E402

UNITS = {
    "notice phrase": "automatically translated by ",
    "notice sentence": "This page was machine translated. ",
    "brackets": "(",
    "long words": "x" * 5000 + " ",
}


def make(unit: str, size: int) -> bytes:
    """`size` bytes of the unit repeated."""
    return (unit * (size // len(unit) + 1))[:size].encode("utf-8")


def time_detect(data: bytes) -> float:
    start = time.perf_counter()
    detect(read_document("input.txt", data=data))
    return time.perf_counter() - start


def time_report(data: bytes, folder: Path) -> float:
    path = folder / "input.txt"
    path.write_bytes(data)
    settings = Settings(engine="apertium", pivots=("es",), language="en", cache=False, max_sentences=100_000)
    start = time.perf_counter()
    outcome = run_report([str(path)], settings, RunOptions(output=folder / "out", formats=("html", "json")))
    took = time.perf_counter() - start
    if outcome.failures:
        raise SystemExit(f"report failed: {outcome.failures[0].message}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100,1000", help="sizes in KB")
    parser.add_argument("--no-report", action="store_true", help="time detect only")
    args = parser.parse_args()
    sizes = [int(float(s) * 1000) for s in args.sizes.split(",")]
    report = not args.no_report and shutil.which("apertium") is not None
    time_detect(b"This article was machine translated from German.")  # warm-up: profiles and patterns load once
    print(
        f"{time.strftime('%Y-%m-%d %H:%M')} {platform.node()}, {platform.machine()}, Python {platform.python_version()}"
    )
    print(f"| input | size | detect s | growth | {'report s | growth |' if report else ''}")
    print(f"|---|--:|--:|--:|{'--:|--:|' if report else ''}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, unit in UNITS.items():
            previous: tuple[float, float] | None = None
            for size in sizes:
                data = make(unit, size)
                d = time_detect(data)
                r = time_report(data, Path(tmp)) if report else 0.0
                grow_d = f"×{d / previous[0]:.1f}" if previous and previous[0] > 0 else ""
                grow_r = f"×{r / previous[1]:.1f}" if previous and previous[1] > 0 else ""
                label = f"{size // 1000} KB" if size < 1_000_000 else f"{size // 1_000_000} MB"
                row = f"| {name} | {label} | {d:.3f} | {grow_d} |"
                print(row + (f" {r:.2f} | {grow_r} |" if report else ""), flush=True)
                previous = (d, r)


if __name__ == "__main__":
    main()
