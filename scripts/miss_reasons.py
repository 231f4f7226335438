#!/usr/bin/env python3
"""Why each missed notice of a harvested set is missed, read mechanically from the concept layer's reading.

For every `disclaimer_phrase` row that `detect_text` does not flag when the row stands alone, the reason is the
first of these that holds (docs/detection.md, "Misses of sets 10–16 by reason"):

    a  no translate concept: no translate stem of any lexicon (nor an engine that only translates) in the row
    b  a translate stem, but no machine / automatic / AI marker, engine or tool slot in any fragment's reading
    c  both, but the combinator leaves it out: the sub-reason names what (a veto before the reading, negation,
       no made form, nothing naming this text, an imperative, a topic cue, below the threshold, the phrase
       rules' mention reading, a code line)
    d  other: markup or code around it, or the fragments split the stem from its marker

    python scripts/miss_reasons.py tests/data/detect-real-15.jsonl tests/data/detect-real-16.jsonl
    python scripts/miss_reasons.py tests/data/detect-real-1[0-6].jsonl --rows   # one line per miss
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _veto(text: str) -> str:
    """Name the early exit of `concepts.read` that returned None for a fragment that holds a translate word."""
    from mtcheck.detect import concepts
    from mtcheck.detect.context import TALLY_LINE, after_last_cut
    from mtcheck.detect.patterns import shared

    folded = concepts._fold(text)
    common = shared()
    unheld = concepts._PLACEHOLDER.sub(" xslot ", folded)
    if common.code_cue(folded) or concepts._CODE.search(unheld) or concepts._code_translation().search(folded):
        return "d:code"
    if TALLY_LINE.match(text):
        return "c:tally line"
    if concepts._quoted_term(text):
        return "c:quoted term"
    first = concepts._first_translate(folded)
    if first is not None and common.alternatives.search(after_last_cut(folded[:first])):
        return "c:alternative"
    if first is not None and common.comparisons.search(" ".join(folded[:first].split()[-3:])):
        return "c:comparison"
    if concepts._defines(text):
        return "c:definition"
    if common.reported.search(folded):
        return "c:reported notice"
    return "c:other veto"


def _zero(fragment: str, reading_concepts: frozenset[str], code: str) -> str:
    """Name why a reading with a machine marker scored 0."""
    from mtcheck.detect import concepts

    if "negation" in reading_concepts:
        return "c:negation"
    if "action" in reading_concepts:
        return "c:imperative (action)"
    if "done" not in reading_concepts:
        lexicon = concepts._lexicon(concepts._by_code()[code])
        label = concepts._LEAD_JUNK.sub("", concepts._fold(fragment).strip(), count=1).rstrip(".。։!:：۔। ")
        if concepts._label_words(lexicon, label):
            return "c:bare label, left to the phrase rules"
        return "c:no made form" + ("" if lexicon.spaces else " (script without spaces)")
    if not {"content", "deixis", "sourced", "caveat"} & reading_concepts:
        return "c:names no text"
    return "c:zero (other)"


def classify(text: str) -> tuple[str, str]:
    """(reason, what the reading saw) for a missed notice."""
    from mtcheck.detect import concepts, detect_text

    pieces = concepts._candidates(text)
    if not pieces:
        return "a", "no stem"
    readings = []
    for s, e, _ in pieces:
        fragment = text[s:e]
        reading = concepts.read(fragment)
        line = concepts.line_around(text, s, e)
        readings.append((fragment, reading, concepts.code_line(line)))
    seen = [r for _, r, _ in readings if r is not None]
    machine = [r for r in seen if "machine" in r.concepts or r.slots]
    detail = "; ".join(
        f"{f.strip()[:40]!r}:" + ("None" if r is None else f"{r.score} {r.language} {','.join(sorted(r.concepts))}")
        for f, r, _ in readings
    )
    if not seen:
        return _veto(readings[0][0]), detail
    if not machine:
        return "b", detail
    best_fragment, best = max(
        ((f, r) for f, r, _ in readings if r is not None and ("machine" in r.concepts or r.slots)),
        key=lambda fr: fr[1].score,
    )
    if any(code for _, r, code in readings if r is not None and r.score > 0):
        return "d:code line", detail
    if best.score <= 0:
        return _zero(best_fragment, best.concepts, best.language), detail
    if best.score + concepts.EDGE < concepts.FIRE:
        return ("c:topic cue" if "topic" in best.concepts else "c:below threshold"), detail
    kinds = {e.kind for e in detect_text(text).evidence}
    return ("c:phrase rules' mention" if "mention" in kinds else "c:weighing"), detail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--rows", action="store_true", help="one line per miss")
    args = parser.parse_args(argv)
    from mtcheck.detect import detect_text

    for path in args.paths:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        rows = [r for r in rows if r["kind"] == "disclaimer_phrase"]
        reasons: Counter[str] = Counter()
        by_lang: dict[str, Counter[str]] = defaultdict(Counter)
        for row in rows:
            if detect_text(row["text"]).machine_translated:
                continue
            reason, detail = classify(row["text"])
            reasons[reason] += 1
            by_lang[reason[0]][row["language"]] += 1
            if args.rows:
                text = " ".join(row["text"].split())[:90]
                print(f"{path.stem}\t{row['id']}\t{reason}\t{text}\t{detail}")
        total = sum(reasons.values())
        print(f"# {path.stem}: {total} of {len(rows)} notices missed alone")
        for reason, n in sorted(reasons.items()):
            print(f"#   {reason}: {n}")
        for letter, langs in sorted(by_lang.items()):
            print(f"#   {letter} by language: " + ", ".join(f"{k} {v}" for k, v in sorted(langs.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
