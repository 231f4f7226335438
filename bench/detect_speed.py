#!/usr/bin/env python3
"""Speed of `mtcheck.detect` (no models): a 1 MB HTML page, and 1,000 short files on 2 worker processes.

Targets (issue #12): the 1 MB page in under 0.5 s, the 1,000 files in under 5 s on 2 cores. The page and
the files are generated here (seeded), with a few notices among them, so the concept layer and the phrase
matcher both run. Each figure is the median of 3 runs after a warm-up (language files compiled once).

The library figures time `detect_text` in this process; the `cli_*` figures run `python -m mtcheck detect
--format json` on the page written as an .html file, on a folder of the 1,000 files as .md files and on a
one-line file (start-up alone), start-up included. On a shared machine wall time depends on the other
jobs, so every figure comes with the CPU time it took (user + system, worker processes included), and the
load average before and after is recorded.

`--reader static` (or another reader's name) reads with that model reader too: the library figures pass it to
`detect_text` (each worker process loads it once, during its warm-up), the CLI runs add `--reader NAME`.

The CLI runs as the environment has it (here PYTHONDONTWRITEBYTECODE=1 with no __pycache__ in the
checkout: every run compiles mtcheck's sources again), and again with bytecode cached as an installed
package has it (`cli_*_bytecode`: PYTHONPYCACHEPREFIX in the temporary folder, written by a first run).
`--root` times another checkout of mtcheck (e.g. an older commit unpacked with `git archive`) with this
script, so that two versions are measured the same way, back to back.

    python bench/detect_speed.py            # prints the figures; add --json out.json to keep them
    python bench/detect_speed.py --root /tmp/old --runs 5
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if "--root" in sys.argv[:-1]:
    ROOT = Path(sys.argv[sys.argv.index("--root") + 1]).resolve()
sys.path.insert(0, str(ROOT))

from mtcheck.detect import concepts, detect_text  # noqa: E402

_SENTENCE = (
    "the city council met on tuesday to discuss the budget for new bridges roads and schools while residents "
    "asked questions about traffic parking and the timetable of the works that will start next spring"
)
WORDS = _SENTENCE.split(" ")
NOTICES = (
    "This article has been automatically translated, read the original article here.",
    "Diese Seite wurde von { $fromLanguage } nach { $toLanguage } übersetzt",
    "Translated from %{language} by %{translator}",
    "Cette page a été traduite automatiquement de l'anglais.",
)


def _paragraph(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def html_page(size: int = 1_000_000, seed: int = 1) -> str:
    """About `size` characters of article HTML with navigation, paragraphs and one notice near the end."""
    rng = random.Random(seed)
    parts = ["<html><head><title>Bench</title><meta name='description' content='bench page'></head><body>"]
    parts.append("<nav>" + " | ".join(f"<a href='/s/{i}'>Section {i}</a>" for i in range(40)) + "</nav>")
    total = sum(len(p) for p in parts)
    while total < size:
        p = f"<p class='para'>{_paragraph(rng, rng.randint(20, 80))}</p>\n"
        parts.append(p)
        total += len(p)
    parts.append(f"<footer><p>{NOTICES[0]}</p></footer></body></html>")
    return "".join(parts)


def short_files(n: int = 1000, seed: int = 2) -> list[str]:
    """`n` Markdown articles of five 45-word paragraphs, one in five with a notice."""
    rng = random.Random(seed)
    files = []
    for i in range(n):
        paras = [_paragraph(rng, 45) for _ in range(5)]
        if i % 5 == 0:
            paras.insert(0, NOTICES[i % len(NOTICES)])
        files.append("# Title\n\n" + "\n\n".join(paras))
    return files


def _reader(name: str):  # type: ignore[no-untyped-def]
    """The named model reader, loaded once per process (None for "none")."""
    if name == "none":
        return None
    from mtcheck.detect.reader import load

    return load(name)


def _detect_many(texts: list[str], layer: bool = True, reader: str = "none") -> int:
    concepts.ENABLED = layer
    loaded = _reader(reader)
    return sum(detect_text(t, language="en", reader=loaded).machine_translated for t in texts)


def _time(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _timed(fn) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Wall and CPU seconds of fn() in this process."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def cli_run(target: Path, pycache: Path | None = None, root: Path = ROOT, reader: str = "none") -> tuple[float, float]:
    """Wall and CPU seconds (its worker processes included) of `python -m mtcheck detect --format json target`
    with the mtcheck of `root`; with `pycache`, bytecode is written there and read back (as an installed package
    reads its own)."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # Run from the input's folder: `python -m` puts the working directory first on sys.path, so a run from a
    # checkout would time that checkout's mtcheck, whatever PYTHONPATH says.
    options = [] if reader == "none" else ["--reader", reader]
    subprocess.run([sys.executable, "-m", "mtcheck", "detect", "--format", "json", *options, str(target)], env=env,
                   stdout=subprocess.DEVNULL, check=False, cwd=target.parent)  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return round(statistics.median(w for w, _ in runs), 3), round(statistics.median(c for _, c in runs), 3)


def _commit() -> str:
    """The checkout's commit (with "+changes" when its tracked files differ), or "unknown" outside git."""
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()  # fmt: skip
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+changes" if dirty else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-concepts", action="store_true", help="switch the concept layer off (to compare)")
    parser.add_argument("--no-cli", action="store_true", help="library figures only")
    parser.add_argument("--root", type=Path, help="the mtcheck checkout to time (default: this one)")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (the median is kept)")
    parser.add_argument("--reader", default="none", help="read with this model reader too (e.g. static)")
    args = parser.parse_args()
    reader = _reader(args.reader)
    layer = not args.no_concepts
    concepts.ENABLED = layer
    load_before = os.getloadavg()
    page = html_page()
    files = short_files()
    detect_text(files[0], language="en", reader=reader)  # warm-up: compile the language files and lexicons
    detect_text(page, language="en", reader=reader)
    page_runs = [_timed(lambda: detect_text(page, language="en", reader=reader)) for _ in range(args.runs)]
    chunks = [files[i :: args.workers] for i in range(args.workers)]
    warm = [c[:5] for c in [short_files(10 * args.workers, seed=5)[i :: args.workers] for i in range(args.workers)]]
    flags = [layer] * len(chunks)
    readers = [args.reader] * len(chunks)
    file_times = []
    for _ in range(args.runs):  # a fresh pool each run: a worker that has read the files caches their languages
        with ProcessPoolExecutor(args.workers) as pool:
            list(pool.map(_detect_many, warm, flags, readers))  # start the workers on other files
            file_times.append(_time(lambda: sum(pool.map(_detect_many, chunks, flags, readers))))  # noqa: B023
    flagged = 0

    def one_process() -> None:
        nonlocal flagged
        flagged = _detect_many(files, layer, args.reader)

    files_one_process = _timed(one_process)
    bare = html_page(seed=3).replace(NOTICES[0], "The end.")  # no notice: the concept layer reads every candidate
    concepts.ENABLED = layer
    detect_text(bare, language="en", reader=reader)
    bare_runs = [_timed(lambda: detect_text(bare, language="en", reader=reader)) for _ in range(args.runs)]
    figures: dict[str, object] = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": _commit(),
        "runs": args.runs,
        "machine": f"{os.cpu_count()} CPUs, {platform.machine()}, Python {platform.python_version()}",
        "page_chars": len(page),
        "page_seconds": _median(page_runs)[0],
        "page_cpu_seconds": _median(page_runs)[1],
        "page_without_notice_seconds": _median(bare_runs)[0],
        "page_without_notice_cpu_seconds": _median(bare_runs)[1],
        "concept_layer": layer,
        "reader": args.reader,
        "files": len(files),
        "files_flagged": flagged,
        "files_seconds": round(statistics.median(file_times), 3),
        "workers": args.workers,
        "files_one_process_seconds": round(files_one_process[0], 3),
        "files_one_process_cpu_seconds": round(files_one_process[1], 3),
    }
    if not args.no_cli:
        with tempfile.TemporaryDirectory(prefix="detect-speed-") as tmp:
            folder = Path(tmp)
            (folder / "page.html").write_text(page, encoding="utf-8")
            (folder / "tiny.txt").write_text("Hello.\n", encoding="utf-8")
            (folder / "files").mkdir()
            for i, text in enumerate(files):
                (folder / "files" / f"{i:04d}.md").write_text(text, encoding="utf-8")
            targets = (("startup", "tiny.txt"), ("page", "page.html"), ("files", "files"))
            for name, target in targets:
                wall, cpu = _median([cli_run(folder / target, reader=args.reader) for _ in range(args.runs)])
                figures[f"cli_{name}_seconds"], figures[f"cli_{name}_cpu_seconds"] = wall, cpu
            pycache = folder / "pycache"
            cli_run(folder / "tiny.txt", pycache, reader=args.reader)  # writes the bytecode
            for name, target in targets:
                wall, cpu = _median([cli_run(folder / target, pycache, reader=args.reader) for _ in range(args.runs)])
                figures[f"cli_{name}_bytecode_seconds"], figures[f"cli_{name}_bytecode_cpu_seconds"] = wall, cpu
    figures["load_average_before"] = [round(x, 2) for x in load_before]
    figures["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
