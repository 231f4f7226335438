#!/usr/bin/env python3
"""Speed of `mtcheck.detect` (no models): a 1 MB HTML page, and 1,000 short files on 2 worker processes.

Targets (issue #12): the 1 MB page in under 0.5 s, the 1,000 files in under 5 s on 2 cores. The page and
the files are generated here (seeded), with a few notices among them, so the concept layer and the phrase
matcher both run. Each figure is the median of 3 runs after a warm-up (language files compiled once).

    python bench/detect_speed.py            # prints the figures; add --json out.json to keep them
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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


def _detect_many(texts: list[str], layer: bool = True) -> int:
    concepts.ENABLED = layer
    return sum(detect_text(t, language="en").machine_translated for t in texts)


def _time(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-concepts", action="store_true", help="switch the concept layer off (to compare)")
    args = parser.parse_args()
    layer = not args.no_concepts
    concepts.ENABLED = layer
    page = html_page()
    files = short_files()
    detect_text(files[0], language="en")  # warm-up: compile the language files and lexicons
    page_times = [_time(lambda: detect_text(page, language="en")) for _ in range(3)]
    chunks = [files[i :: args.workers] for i in range(args.workers)]
    with ProcessPoolExecutor(args.workers) as pool:
        flags = [layer] * len(chunks)
        list(pool.map(_detect_many, [c[:5] for c in chunks], flags))  # warm the workers
        file_times = [_time(lambda: sum(pool.map(_detect_many, chunks, flags))) for _ in range(3)]
    flagged = _detect_many(files, layer)
    bare = html_page(seed=3).replace(NOTICES[0], "The end.")  # no notice: the concept layer reads every candidate
    concepts.ENABLED = layer
    bare_times = [_time(lambda: detect_text(bare, language="en")) for _ in range(3)]
    figures = {
        "page_chars": len(page),
        "page_seconds": round(statistics.median(page_times), 3),
        "page_without_notice_seconds": round(statistics.median(bare_times), 3),
        "concept_layer": layer,
        "files": len(files),
        "files_flagged": flagged,
        "files_seconds": round(statistics.median(file_times), 3),
        "workers": args.workers,
    }
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
