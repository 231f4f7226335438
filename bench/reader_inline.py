#!/usr/bin/env python3
"""Notices inside someone else's paragraph of news: what the model reader's veto keeps (round 28, branch veto28).

    pip install -e ".[reader]"
    python bench/reader_inline.py [--sets 33-48] [--step 1] [--modes paragraph,sentence,notice] [--json out.json]

Each notice (`disclaimer_phrase` row) of the named dev sets whose language has a news article in
bench/reader_inline_bodies.json (written for this bench: a title, a four-sentence news paragraph and two other
paragraphs per language) is placed as the FIRST sentence and as the LAST sentence of the news paragraph, its
sentences joined as the language joins them (no space after a CJK stop; a notice with no sentence end of its own
gets the language's stop). The news paragraph opens the article when the notice opens it and closes it when the
notice closes it; one or two other paragraphs (every second row two) and a title line complete the article. The
look-alikes (`tricky_negative` rows) of the same languages are placed the same way. Each file is read with the rules
alone and with the e5 reader under each value of `reader.SEGMENTS` named in --modes, the segment cache emptied
before each file. Figures per kind (notices, look-alikes) and placement: files flagged and the reader's CPU
(seconds of this process with the reader less those with the rules alone).
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

from mtcheck.detect import detect_text  # noqa: E402
from mtcheck.detect import reader as reading  # noqa: E402

BODIES = Path(__file__).resolve().parent / "reader_inline_bodies.json"
PLACEMENTS = ("first", "last")
KINDS = {"notices": "disclaimer_phrase", "look-alikes": "tricky_negative"}
ENDS = ".!?。！？．…"  # a notice ending in one of these (before closing quotes or brackets) needs no stop added
CLOSERS = "\"'”’»)]）」』】"
CJK_STOPS = "。！？．"


def article(notice: str, body: dict[str, object], placement: str, others: int) -> str:
    """The notice as the first or last sentence of the body's news paragraph, in an article of `others` + 1
    paragraphs under a title line."""
    notice = " ".join(notice.split())
    if notice.rstrip(CLOSERS)[-1:] not in ENDS:
        notice += str(body["stop"])
    sentences = list(body["paragraph"])  # type: ignore[call-overload]
    sentences = [notice, *sentences] if placement == "first" else [*sentences, notice]
    paragraph = sentences[0]
    for sentence in sentences[1:]:  # no space after a CJK stop when the language writes none
        cjk = paragraph.rstrip(CLOSERS)[-1:] in CJK_STOPS
        paragraph += ("" if cjk and body["join"] == "" else " ") + sentence
    rest = list(body["others"])[:others]  # type: ignore[call-overload]
    paragraphs = [paragraph, *rest] if placement == "first" else [*rest, paragraph]
    return f"{body['title']}\n\n" + "\n\n".join(paragraphs)


def _sets(spec: str) -> list[int]:
    lo, _, hi = spec.partition("-")
    return list(range(int(lo), int(hi or lo) + 1))


def files(sets: list[int], step: int) -> list[tuple[str, str, str, str]]:
    """(kind, placement, row id, text) for every row of the sets whose language has a body."""
    bodies = json.loads(BODIES.read_text(encoding="utf-8"))
    data = ROOT / "tests" / "data"
    out = []
    for kind, row_kind in KINDS.items():
        rows = []
        for n in sets:
            lines = (data / f"detect-real-{n}.jsonl").read_text(encoding="utf-8").splitlines()
            rows += [r for r in map(json.loads, lines) if r.get("kind") == row_kind and r.get("language") in bodies]
        for i, row in enumerate(rows[::step]):
            body = bodies[row["language"]]
            out += [(kind, p, row["id"], article(row["text"], body, p, 1 + i % 2)) for p in PLACEMENTS]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="33-48", help="dev sets whose rows are used (N or N-M)")
    parser.add_argument("--step", type=int, default=1, help="every step-th row of each kind only")
    parser.add_argument("--modes", default="paragraph,sentence", help="values of reader.SEGMENTS to measure")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    parser.add_argument("--details", type=Path, help="write each file's verdicts here (JSONL), for reading")
    args = parser.parse_args()
    placed = files(_sets(args.sets), args.step)
    reader = reading.load("e5")
    assert reader is not None
    reader.scores(["warm-up"])
    for _, _, _, text in placed[:20]:
        detect_text(text)  # warm-up: compile the language files and lexicons
    groups = [(k, p) for k in KINDS for p in PLACEMENTS]
    figures: dict[str, object] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "command": " ".join(["python", "bench/reader_inline.py", *sys.argv[1:]]),
        "load_average_start": round(os.getloadavg()[0], 2),
        "rows": {k: sum(1 for f in placed if f[0] == k) // len(PLACEMENTS) for k in KINDS},
        "languages": sorted({k for k in json.loads(BODIES.read_text(encoding="utf-8")) if not k.startswith("_")}),
    }
    verdicts: dict[str, list[bool]] = {}
    cpu_of: dict[str, list[float]] = {}
    for mode in ["rules", *args.modes.split(",")]:
        saved = reading.SEGMENTS
        reading.SEGMENTS = mode if mode != "rules" else saved
        flags, spent = [], []
        try:
            for _, _, _, text in placed:
                reader._seen.clear()
                cpu = time.process_time()
                flags.append(detect_text(text, reader=None if mode == "rules" else reader).machine_translated)
                spent.append(time.process_time() - cpu)
        finally:
            reading.SEGMENTS = saved
        verdicts[mode], cpu_of[mode] = flags, spent
        table: dict[str, object] = {}
        for kind, placement in groups:
            at = [i for i, f in enumerate(placed) if f[0] == kind and f[1] == placement]
            cpu = sum(spent[i] for i in at) - (0 if mode == "rules" else sum(cpu_of["rules"][i] for i in at))
            table[f"{kind}/{placement}"] = {"flagged": sum(flags[i] for i in at), "cpu_s": round(cpu, 2)}
        for kind in KINDS:
            table[kind] = {"flagged": sum(flag for f, flag in zip(placed, flags, strict=True) if f[0] == kind)}
        figures[mode] = table
        print(mode, json.dumps(table, ensure_ascii=False), file=sys.stderr, flush=True)
    figures["load_average_end"] = round(os.getloadavg()[0], 2)
    print(json.dumps(figures, indent=1, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.details:
        with args.details.open("w", encoding="utf-8") as out:
            for i, (kind, placement, row_id, _) in enumerate(placed):
                line = {"kind": kind, "placement": placement, "id": row_id, **{m: v[i] for m, v in verdicts.items()}}
                out.write(json.dumps(line) + "\n")


if __name__ == "__main__":
    main()
