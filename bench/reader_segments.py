#!/usr/bin/env python3
"""What the model reader costs on files that carry a notice, with paragraph or sentence segments (round 27).

    pip install -e ".[reader]"
    python bench/reader_segments.py [--sets 33-46] [--step 1] [--modes paragraph,sentence] [--json out.json]

Each notice of the named dev sets (tests/data/detect-real-N.jsonl) is put in an article of several paragraphs (the
neutral body of its language in tests/data/detect-real-bodies.json, English otherwise, under a title line) four
ways: as its own paragraph at the top and at the bottom, as the first sentences of the first paragraph and as the
last sentences of the last one. Each file is read with the rules alone and with the e5 reader under each value of
`reader.SEGMENTS` ("sentence:N" also sets `reader.SENTENCE_CHARS` to N), the segment cache emptied before each
file. Figures: the encoder's CPU (time in its encode call, this process), the whole reader's (CPU with the reader
less CPU with the rules alone), the characters encoded, and how many files are flagged, per placement and in all.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtcheck.detect import detect_text  # noqa: E402
from mtcheck.detect import reader as reading  # noqa: E402

PLACEMENTS = ("top", "bottom", "first-sentence", "last-sentence")


def article(notice: str, body: str, placement: str) -> str:
    """The notice in the body (paragraphs split by blank lines) under a title line."""
    paras = body.split("\n\n")
    if placement == "top":
        paras.insert(0, notice)
    elif placement == "bottom":
        paras.append(notice)
    elif placement == "first-sentence":
        paras[0] = f"{notice} {paras[0]}"
    else:
        paras[-1] = f"{paras[-1]} {notice}"
    return "# News of the week\n\n" + "\n\n".join(paras)


def _sets(spec: str) -> list[int]:
    lo, _, hi = spec.partition("-")
    return list(range(int(lo), int(hi or lo) + 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="33-46", help="dev sets whose notices are used (N or N-M)")
    parser.add_argument("--step", type=int, default=1, help="every step-th notice only (2: half of them)")
    parser.add_argument("--negatives", action="store_true", help="the look-alikes (tricky negatives) instead")
    parser.add_argument("--modes", default="paragraph,sentence", help="values of reader.SEGMENTS (sentence:N too)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    data = ROOT / "tests" / "data"
    notices = []
    for n in _sets(args.sets):
        rows = [json.loads(line) for line in (data / f"detect-real-{n}.jsonl").read_text(encoding="utf-8").splitlines()]
        notices += [r for r in rows if r.get("kind") == ("tricky_negative" if args.negatives else "disclaimer_phrase")]
    notices = notices[:: args.step]
    bodies = json.loads((data / "detect-real-bodies.json").read_text(encoding="utf-8"))
    files = [
        (placement, article(" ".join(r["text"].split()), bodies.get(r.get("language", ""), bodies["en"]), placement))
        for r in notices
        for placement in PLACEMENTS
    ]
    loaded = reading.load("e5")
    assert loaded is not None
    spent = [0.0, 0]  # encoder CPU seconds, characters encoded

    def encode(texts: list[str]):  # type: ignore[no-untyped-def]
        cpu = time.process_time()
        out = loaded.encode(texts)
        spent[0] += time.process_time() - cpu
        spent[1] += sum(len(t) for t in texts)
        return out

    reader = replace(loaded, encode=encode, _seen={})
    reader.scores(["warm-up"])
    for _, text in files[:20]:
        detect_text(text)  # warm-up: compile the language files and lexicons
    figures: dict[str, object] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "load_average_start": round(os.getloadavg()[0], 2),
        "notices": len(notices),
        "files": len(files),
    }
    rules_cpu: dict[str, float] = dict.fromkeys(PLACEMENTS, 0.0)
    rules_flagged: dict[str, int] = dict.fromkeys(PLACEMENTS, 0)
    for placement, text in files:
        cpu = time.process_time()
        rules_flagged[placement] += detect_text(text).machine_translated
        rules_cpu[placement] += time.process_time() - cpu
    figures["rules"] = {p: {"cpu_s": round(rules_cpu[p], 2), "flagged": rules_flagged[p]} for p in PLACEMENTS}
    saved = reading.SEGMENTS, reading.SENTENCE_CHARS
    try:
        for mode in args.modes.split(","):
            reading.SEGMENTS, _, chars = mode.partition(":")
            reading.SENTENCE_CHARS = int(chars) if chars else saved[1]
            per: dict[str, dict[str, float]] = {
                p: {"cpu": 0.0, "encoder": 0.0, "chars": 0, "flagged": 0} for p in PLACEMENTS
            }
            for placement, text in files:
                reader._seen.clear()
                before = list(spent)
                cpu = time.process_time()
                per[placement]["flagged"] += detect_text(text, reader=reader).machine_translated
                per[placement]["cpu"] += time.process_time() - cpu
                per[placement]["encoder"] += spent[0] - before[0]
                per[placement]["chars"] += spent[1] - before[1]
            figures[mode] = {
                p: {
                    "reader_cpu_s": round(v["cpu"] - rules_cpu[p], 2),
                    "encoder_cpu_s": round(v["encoder"], 2),
                    "chars_encoded": v["chars"],
                    "flagged": v["flagged"],
                }
                for p, v in per.items()
            }
            figures[mode]["all"] = {  # type: ignore[index]
                "reader_cpu_s": round(sum(v["cpu"] for v in per.values()) - sum(rules_cpu.values()), 2),
                "encoder_cpu_s": round(sum(v["encoder"] for v in per.values()), 2),
                "chars_encoded": sum(v["chars"] for v in per.values()),
                "flagged": sum(v["flagged"] for v in per.values()),
            }
    finally:
        reading.SEGMENTS, reading.SENTENCE_CHARS = saved
    figures["load_average_end"] = round(os.getloadavg()[0], 2)
    print(json.dumps(figures, indent=1, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
