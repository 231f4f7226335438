#!/usr/bin/env python3
"""Record the rules' verdict and the learned fallback's candidate segments, with whatever `mtcheck` is importable.

For the time-split check in `scripts/cv_detect_learned.py --timesplit`: run it with an older checkout of the
package first on PYTHONPATH (e.g. the commit at which a set was measured held out), so the rules are the ones
that had not seen the set. Each notice and negative is read alone, at the top and at the bottom of a neutral
article (`scripts/eval_detect_real.py`'s bodies and placement). The output is JSON: one record per row and
placement, `[id, placement, rules verdict, [[segment, veto], ...] or null when the fallback is not consulted]`.

    git archive babd818 mtcheck | tar -x -C /tmp/old
    PYTHONPATH=/tmp/old python scripts/record_detect_rules.py tests/data/detect-real-6.jsonl /tmp/rec6.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def record(text: str) -> tuple[bool, list[tuple[str, str | None]] | None]:
    """The rules' verdict, and the fallback's candidate segments with the rules' veto (None: not consulted)."""
    from mtcheck.detect import detect_text, learned

    calls: list[tuple[Any, ...]] = []
    saved_enabled, saved_evidence = learned.ENABLED, learned.evidence
    learned.ENABLED = True
    learned.evidence = lambda *args, **kw: calls.append(args) or []  # type: ignore[assignment]
    try:
        verdict = detect_text(text).machine_translated
    finally:
        learned.ENABLED, learned.evidence = saved_enabled, saved_evidence
    if not calls:
        return verdict, None
    seg_text, paragraphs, extras = calls[0][:3]
    return verdict, [(s.text, _veto(s.text)) for s in learned.segments(seg_text, paragraphs, extras)]


_VETO: dict[str, str | None] = {}


def _veto(segment: str) -> str | None:
    from mtcheck.detect import learned

    if segment not in _VETO:
        _VETO[segment] = learned.rules_verdict(segment)
    return _VETO[segment]


def main(argv: list[str]) -> int:
    sys.path.append(str(HERE))  # after the package under test: only for the row reader and bodies
    import eval_detect_real as er

    if len(argv) != 2:
        print("usage: record_detect_rules.py ROWS.jsonl OUT.json", file=sys.stderr)
        return 2
    rows = [r for r in er.load_rows([Path(argv[0])]) if r["kind"] in ("disclaimer_phrase", "tricky_negative")]
    bodies = er.load_bodies()
    out = []
    for row in rows:
        body = bodies.get(row.get("language", ""), bodies["en"])
        for placement in er.PLACEMENTS:
            verdict, segs = record(er.placed(row["text"], placement, body))
            out.append([row["id"], placement, verdict, segs])
    Path(argv[1]).write_text(json.dumps(out, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
