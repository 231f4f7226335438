#!/usr/bin/env python3
"""`mtcheck detect` from the command line, two checkouts run in alternation (A, B, A, B, ...): on a shared
machine the load drifts over minutes, so runs taken back to back compare better than two separate runs of
bench/detect_speed.py. The inputs are detect_speed.py's (the 1 MB page, the 1,000 short files, a one-line file).

For each checkout and input: the median and the lowest wall and CPU seconds (user + system, worker processes
included) of `python -m mtcheck detect --format json INPUT`, as the environment has it and, with --bytecode,
with bytecode cached (PYTHONPYCACHEPREFIX in a temporary folder, written by a first run), as an installed
package has it. The load average before and after is recorded.

    git archive OLD | tar -x -C /tmp/old
    python bench/detect_cli_ab.py /tmp/old . --runs 7 --bytecode --json out.json
    python bench/detect_cli_ab.py /tmp/old . --runs 15 --inputs startup,page    # the two short ones only
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from detect_speed import cli_run, html_page, short_files  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", type=Path, help="the first checkout (e.g. the older version)")
    parser.add_argument("b", type=Path, help="the second checkout")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bytecode", action="store_true", help="also with bytecode cached")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--inputs", default="startup,page,files", help="which inputs, comma list (default: all)")
    args = parser.parse_args()
    names = [n for n in ("startup", "page", "files") if n in args.inputs.split(",")]
    roots = {"a": args.a.resolve(), "b": args.b.resolve()}
    load_before = os.getloadavg()
    out: dict[str, object] = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} CPUs, {platform.machine()}, Python {platform.python_version()}",
        "a": str(roots["a"]),
        "b": str(roots["b"]),
        "runs": args.runs,
        "inputs": names,
    }
    with tempfile.TemporaryDirectory(prefix="detect-cli-ab-") as tmp:
        folder = Path(tmp)
        (folder / "page.html").write_text(html_page(), encoding="utf-8")
        (folder / "tiny.txt").write_text("Hello.\n", encoding="utf-8")
        (folder / "files").mkdir()
        for i, text in enumerate(short_files()):
            (folder / "files" / f"{i:04d}.md").write_text(text, encoding="utf-8")
        modes: list[tuple[str, dict[str, Path | None]]] = [("", {"a": None, "b": None})]
        if args.bytecode:
            caches: dict[str, Path | None] = {key: folder / f"pycache-{key}" for key in roots}
            for key, root in roots.items():
                cli_run(folder / "tiny.txt", caches[key], root)  # writes the bytecode
            modes.append(("_bytecode", caches))
        for suffix, caches in modes:
            for name in names:
                target = folder / {"startup": "tiny.txt", "page": "page.html", "files": "files"}[name]
                runs: dict[str, list[tuple[float, float]]] = {key: [] for key in roots}
                for _ in range(args.runs):
                    for key, root in roots.items():
                        runs[key].append(cli_run(target, caches[key], root))
                for key in roots:
                    walls, cpus = [w for w, _ in runs[key]], [c for _, c in runs[key]]
                    out[f"{key}_cli_{name}{suffix}"] = {
                        "wall_median": round(statistics.median(walls), 3),
                        "wall_min": round(min(walls), 3),
                        "cpu_median": round(statistics.median(cpus), 3),
                        "cpu_min": round(min(cpus), 3),
                    }
    out["load_average_before"] = [round(x, 2) for x in load_before]
    out["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(out, indent=2))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
