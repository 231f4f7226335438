#!/usr/bin/env python3
"""Language probabilities of every dev row's text and the seeds, one line each: run it with the profile cache off
(`MTCHECK_PROFILE_CACHE_DIR=`) and on (a folder a first run filled), or with PYTHONPATH at another commit, and
`cmp` the outputs (review28c: identical for 14bb675, perf28 and review28c).

Each row's text is taken alone and inside the neutral body of its language (top and bottom, as
scripts/eval_detect_real.py places it); the seeds whole and line by line. Per text: detect_language_probabilities
with langdetect's trial count and with 3 trials, and paragraph_languages. Sets held out
(tests/data/detect-real-held-out.txt) are skipped.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


def texts() -> list[str]:
    held = [
        line.strip()
        for line in (DATA / "detect-real-held-out.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    bodies = json.loads((DATA / "detect-real-bodies.json").read_text(encoding="utf-8"))
    out: list[str] = []
    for path in sorted(DATA.glob("detect-real-*.jsonl")):
        if any(path.name.startswith(stem.removesuffix(".jsonl")) for stem in held):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                body = bodies.get(row.get("language", ""), bodies["en"])
                out += [row["text"], row["text"] + "\n\n" + body, body + "\n\n" + row["text"]]
    for path in sorted((ROOT / "seeds").iterdir()):
        whole = path.read_text(encoding="utf-8")
        out += [whole, *whole.splitlines()]
    return out


def main() -> None:
    from mtcheck.read import language

    found = texts()
    for text in found:
        for trials in (None, 3):
            print(repr(language.detect_language_probabilities(text, trials=trials)))
        print(repr(language.paragraph_languages(text)))
    print(type(language._factory().word_lang_prob_map).__name__, len(found), "texts", file=sys.stderr)


if __name__ == "__main__":
    main()
