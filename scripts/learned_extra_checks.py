#!/usr/bin/env python3
"""The learned fallback outside the cross-validation: labelled sets it was not trained on, and ordinary prose.

For each labelled JSONL file (the shared dev file, the challenge sets) every notice and negative is read alone,
at the top and at the bottom of a neutral article (as `scripts/eval_detect_real.py` does), articles as they
are; for ordinary text (`--prose FILE_LIST`: one path per line, .gz read) every paragraph that mentions
"translat" is one document, and the article bodies of tests/data/detect-real-bodies.json are read too. Each is
scored rules only and rules + learned (the model at `--model`, at several thresholds, the rules' veto kept),
with the shortcut of `scripts/cv_detect_learned.py` (the rules' verdict and the candidate segments recorded
once, the model scoring the segments).

    python scripts/learned_extra_checks.py --model /tmp/m.json ../shared/eval/detect-dev.jsonl \\
        tests/data/detect-challenge-3b.jsonl --prose /tmp/prose_files.txt
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import eval_detect_real as er  # noqa: E402
from cv_detect_learned import THRESHOLDS, flips  # noqa: E402
from record_detect_rules import record  # noqa: E402

from mtcheck.detect import learned  # noqa: E402

_PARA = re.compile(r"\n[ \t]*\n")


def prose(list_file: Path, cap: int) -> list[str]:
    """Paragraphs mentioning "translat" from the listed files, in file order, at most `cap`."""
    out: list[str] = []
    for line in list_file.read_text(encoding="utf-8").splitlines():
        path = Path(line.strip())
        if not line.strip():
            continue
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8", errors="replace") as fh:  # type: ignore[operator]
            text = fh.read()
        out += [p.strip() for p in _PARA.split(text) if "translat" in p.lower() and p.strip()]
    return out[:cap]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="labelled JSONL files")
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--prose", type=Path, help="a file listing ordinary text files")
    parser.add_argument("--cap", type=int, default=3000, help="at most this many prose paragraphs")
    args = parser.parse_args(argv)
    model = learned.load_model(str(args.model))
    assert model is not None, args.model
    bodies = er.load_bodies()
    cache: dict[str, float] = {}

    def score(text: str) -> float:
        if text not in cache:
            cache[text] = model.score(text)
        return cache[text]

    def line(label: str, docs: list[tuple[str, bool]]) -> None:
        recs = [(record(text), positive) for text, positive in docs]
        cells = []
        for name, t in [("rules", None), *((f"+learned {t}", t) for t in THRESHOLDS)]:
            flagged = [(v or (t is not None and flips(segs, score, t, None)), y) for (v, segs), y in recs]
            pos = [f for f, y in flagged if y]
            neg = [f for f, y in flagged if not y]
            cells.append(f"{name}: R {sum(pos)}/{len(pos)} FP {sum(neg)}/{len(neg)}")
        print(f"{label}\n  " + "\n  ".join(cells), flush=True)

    for path in args.paths:
        rows = er.load_rows([path])
        for placement in er.PLACEMENTS:
            docs = []
            for row in rows:
                positive = row["kind"] in er.POSITIVE
                if row["kind"] in er.ARTICLES:
                    if placement == "alone":
                        docs.append((row["text"], positive))
                elif row["kind"] in er.POSITIVE + er.NEGATIVE:
                    body = bodies.get(row.get("language", ""), bodies["en"])
                    docs.append((er.placed(row["text"], placement, body), positive))
            line(f"{path.name} ({placement})", docs)
    line("article bodies (detect-real-bodies.json)", [(b, False) for b in bodies.values()])
    if args.prose:
        paragraphs = prose(args.prose, args.cap)
        line(f"prose paragraphs mentioning 'translat' ({args.prose.name})", [(p, False) for p in paragraphs])
    return 0


if __name__ == "__main__":
    sys.exit(main())
