#!/usr/bin/env python3
"""What detection's model reader (`--reader e5`) costs: the same inputs as bench/detect_speed.py, with and without it.

    pip install -e ".[reader]"
    python bench/reader_speed.py [--files 200] [--json bench/reader_speed.json] [--segments paragraph]

Figures (seconds, wall and CPU, this process; the reader's segment cache is emptied before each document so a
repeated paragraph is not free): the 1 MB page of detect_speed.py, and N short five-paragraph files (a fifth with a
notice), per file. Also the encoder's load time and which verdicts differ from the rules alone.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from detect_speed import html_page, short_files  # noqa: E402

from mtcheck.detect import detect_text  # noqa: E402
from mtcheck.detect import reader as reading  # noqa: E402
from mtcheck.detect.reader import load  # noqa: E402


def _timed(fn):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200, help="short files to time")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--segments", choices=("sentence", "paragraph"), default=reading.SEGMENTS,
                        help="what the reader scores around a piece of evidence (reader.SEGMENTS)")  # fmt: skip
    args = parser.parse_args()
    reading.SEGMENTS = args.segments
    reader, load_wall, load_cpu = _timed(lambda: load("e5"))
    assert reader is not None
    reader.scores(["warm-up"])
    page = html_page()
    files = short_files(args.files)
    detect_text(files[0], language="en")  # warm-up: compile the language files and lexicons
    detect_text(page, language="en")
    figures: dict[str, object] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "load_average": os.getloadavg()[0],
        "load_encoder_s": round(load_wall, 3),
        "segments": args.segments,
    }
    for name, use in (("rules", None), ("reader", reader)):

        def page_run(use: object = use) -> bool:
            reader._seen.clear()
            return detect_text(page, language="en", reader=use).machine_translated  # type: ignore[arg-type]

        flagged, wall, cpu = _timed(page_run)
        figures[f"{name}_page_s"] = round(wall, 3)
        figures[f"{name}_page_cpu_s"] = round(cpu, 3)
        figures[f"{name}_page_flagged"] = flagged

        def files_run(use: object = use) -> int:
            n = 0
            for text in files:
                reader._seen.clear()
                n += detect_text(text, language="en", reader=use).machine_translated  # type: ignore[arg-type]
            return n

        count, wall, cpu = _timed(files_run)
        figures[f"{name}_files_flagged"] = count
        figures[f"{name}_per_file_ms"] = round(1000 * wall / len(files), 1)
        figures[f"{name}_per_file_cpu_ms"] = round(1000 * cpu / len(files), 1)
    figures["files"] = len(files)
    print(json.dumps(figures, indent=1))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
