#!/usr/bin/env python3
"""Byte-identical detection output before and after a speed change (a check, not a benchmark).

Runs `mtcheck.detect` on every row of tests/data/detect-real-*.jsonl and tests/data/detect-challenge*.jsonl
(and the shared dev set when it is there, read only, never copied): each text alone and at the top and the
bottom of a neutral body, through `detect_text`; each text written as a .txt, .md and .html file and read
through `mtcheck detect`'s own path (`run_detect`, what the CLI renders as JSON); and the generated pages
and files of bench/detect_speed.py. Every result is one JSON line, so two runs compare with `cmp`.

    python bench/detect_golden.py --out /tmp/x/before.jsonl           # save
    python bench/detect_golden.py --out /tmp/x/after.jsonl --compare /tmp/x/before.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtcheck.detect import detect_text, detection_to_dict  # noqa: E402

DATA = ROOT / "tests" / "data"
DEV = ROOT.parent.parent / "shared" / "eval" / "detect-dev.jsonl"
SUFFIXES = (".txt", ".md", ".html")


def _row_files() -> list[Path]:
    files = sorted(DATA.glob("detect-real-*.jsonl")) + sorted(DATA.glob("detect-challenge*.jsonl"))
    shared = Path("/work/shared/eval/detect-dev.jsonl")
    return files + [p for p in (DEV, shared) if p.is_file()][:1]


def _rows() -> list[tuple[str, str, str]]:
    """(set name, row id, text) for every row."""
    out = []
    for path in _row_files():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                row = json.loads(line)
                out.append((path.stem, str(row.get("id", n)), str(row["text"])))
    return out


def _line(label: str, value: object) -> str:
    return json.dumps({"case": label, "result": value}, ensure_ascii=False, sort_keys=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="write the results here (JSON lines)")
    parser.add_argument("--compare", type=Path, help="a saved run: report every case that differs")
    parser.add_argument("--no-files", action="store_true", help="skip the file round (detect_text only)")
    args = parser.parse_args()
    bodies = json.loads((DATA / "detect-real-bodies.json").read_text(encoding="utf-8"))
    rows = _rows()
    lines = []
    for name, rid, text in rows:
        body = bodies["en"]
        for place, doc in (("alone", text), ("top", f"{text}\n\n{body}"), ("bottom", f"{body}\n\n{text}")):
            lines.append(_line(f"{name}/{rid}/{place}", detection_to_dict(detect_text(doc), "<text>")))
    if not args.no_files:
        from mtcheck.run.runner import run_detect

        with tempfile.TemporaryDirectory(prefix="detect-golden-") as tmp:
            folder = Path(tmp)
            paths = []
            for i, (name, rid, text) in enumerate(rows):
                for suffix in SUFFIXES:
                    path = folder / f"{i:05d}{suffix}"
                    path.write_text(text, encoding="utf-8")
                    paths.append((f"{name}/{rid}/{suffix}", str(path)))
            outcome = run_detect([p for _, p in paths])
            by_path = {p: detection_to_dict(d, "") for p, d in outcome.results}
            errors = {f.path: f.message.replace(tmp, "TMP") for f in outcome.failures}
            for label, p in paths:
                lines.append(_line(f"{label}/file", by_path.get(p) or {"error": errors.get(p)}))
    sys.path.insert(0, str(ROOT / "bench"))
    import detect_speed

    page = detect_speed.html_page()
    lines.append(_line("bench/page", detection_to_dict(detect_text(page, language="en"), "")))
    bare = detect_speed.html_page(seed=3).replace(detect_speed.NOTICES[0], "The end.")
    lines.append(_line("bench/bare", detection_to_dict(detect_text(bare, language="en"), "")))
    for i, text in enumerate(detect_speed.short_files()[:200]):
        lines.append(_line(f"bench/file{i}", detection_to_dict(detect_text(text, language="en"), "")))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} results written to {args.out}")
    if args.compare:
        before = args.compare.read_text(encoding="utf-8").splitlines()
        if len(before) != len(lines):
            print(f"DIFFERENT: {len(before)} results before, {len(lines)} now")
            return 1
        diff = [(a, b) for a, b in zip(before, lines, strict=True) if a != b]
        for a, b in diff[:10]:
            print(f"DIFFERENT:\n  before {a[:400]}\n  now    {b[:400]}")
        print(f"{len(diff)} of {len(lines)} results differ")
        return 1 if diff else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
