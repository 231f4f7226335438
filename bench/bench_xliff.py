"""How long a 10,000-unit XLIFF takes to check with no engine (`mtcheck report FILE --engine none`).

Writes a synthetic XLIFF 2.0 file (en -> de, sentences built from templates with numbers, names,
placeholders, inline codes and a few deliberate errors), then times the whole command (start-up,
reading, every segment check, the language rules, writing the JSON and HTML reports) a few times.

    python bench/bench_xliff.py [--units 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
SUBJECTS = [
    ("The council", "Der Rat"),
    ("Our team", "Unser Team"),
    ("The new app", "Die neue App"),
    ("The bridge", "Die Brücke"),
    ("Anna Lindqvist", "Anna Lindqvist"),
    ("The NATO office", "Das NATO-Büro"),
]
VERBS = [
    ("will open", "wird öffnen"),
    ("has approved", "hat genehmigt"),
    ("is testing", "testet"),
    ("needs", "braucht"),
    ("reported", "meldete"),
]
OBJECTS = [("{n} new rooms", "{n} neue Räume"), ("a budget of {n} euros", "ein Budget von {n} Euro"),
           ("version {v}", "Version {v}"), ("%d files", "%d Dateien"),
           ("the {name} module", "das {name}-Modul")]  # fmt: skip


def unit(i: int, rng: random.Random) -> str:
    (s_en, s_de), (v_en, v_de), (o_en, o_de) = rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)
    n, v, day = rng.randint(2, 25_000), f"{rng.randint(1, 9)}.{rng.randint(0, 9)}", rng.randint(1, 28)
    en = f'{s_en} {v_en} {o_en.format(n=f"{n:,}", v=v, name="{name}")} on <pc id="1">{day} May</pc>.'
    de_number = f"{n:,}".replace(",", ".")
    if i % 97 == 0:
        de_number = str(n + 1)  # a changed figure
    de = f'{s_de} {v_de} {o_de.format(n=de_number, v=v, name="{name}")} am <pc id="1">{day}. Mai</pc>.'
    if i % 89 == 0:
        de = de.replace('<pc id="1">', "").replace("</pc>", "")  # lost inline code
    source = escape(en).replace('&lt;pc id="1"&gt;', '<pc id="1">').replace("&lt;/pc&gt;", "</pc>")
    target = escape(de).replace('&lt;pc id="1"&gt;', '<pc id="1">').replace("&lt;/pc&gt;", "</pc>")
    return (
        f'    <unit id="u{i}">\n      <segment state="translated">\n        <source>{source}</source>\n'
        f"        <target>{target}</target>\n      </segment>\n    </unit>\n"
    )


def write_xliff(path: Path, units: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    body = "".join(unit(i, rng) for i in range(units))
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
        f'srcLang="en" trgLang="de">\n  <file id="f1">\n{body}  </file>\n</xliff>\n',
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.xlf"
        write_xliff(path, args.units)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        out = str(Path(tmp) / "out")
        command = [sys.executable, "-m", "mtcheck", "report", str(path), "--engine", "none", "-o", out,
                   "-f", "json,html", "--fail-on", "never"]  # fmt: skip
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            done = subprocess.run(command, env=env, capture_output=True, text=True)
            times.append(time.perf_counter() - start)
            if done.returncode != 0:
                print(done.stderr, file=sys.stderr)
                return 1
        print(done.stderr.strip().splitlines()[0])
        print(f"{args.units} units, {path.stat().st_size / 1e6:.1f} MB: median {statistics.median(times):.2f} s, "
              f"runs {', '.join(f'{t:.2f}' for t in times)} s; os.cpu_count() = {os.cpu_count()}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
