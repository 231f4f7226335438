"""How well the segment checks point at real translation errors, with no engine.

Builds one XLIFF 2.0 file (source zh, target en) per (dataset, system) from the MQM dev split
(../shared/eval/mqm-dev/segments.jsonl, read in place, never copied), checks each with `--engine none`,
and compares every finding's span in the target with the annotated error spans:

- precision: the share of findings whose span overlaps an annotated error span of its segment;
- random: the same, expected for a span of the same length placed uniformly at random in the same
  segment (computed exactly over every placement, the limit of unlimited random draws);
- ratio: precision / random (above 1: better than chance);
- per error-free: findings per segment that every rater found error-free (`no_error`);
- seg.err: the share of flagged segments with any annotated error (spans or source-only omissions), to
  compare with the share among all segments (a whole-segment finding can only be judged this way).

    python bench/bilingual_quality.py [--data PATH] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parents[1]
ORDER = ("info", "warning", "error")
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "mqm-dev" / "segments.jsonl"
if not DEFAULT_DATA.exists():
    DEFAULT_DATA = Path("/work/shared/eval/mqm-dev/segments.jsonl")


def xliff(units: Iterable[tuple[str, str, str]], source_language: str, target_language: str) -> str:
    """An XLIFF 2.0 document with one unit per (id, source, target)."""
    body = "".join(
        f'    <unit id={quoteattr(ident)}>\n      <segment state="translated">\n'
        f"        <source>{escape(source)}</source>\n        <target>{escape(target)}</target>\n"
        "      </segment>\n    </unit>\n"
        for ident, source, target in units
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="{source_language}" '
        f'trgLang="{target_language}">\n  <file id="f1">\n{body}  </file>\n</xliff>\n'
    )


def overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether [start, end) shares a character with any span (an empty span counts at its position)."""
    end = max(end, start + 1)
    return any(start < b and a < end for a, b in spans)


def random_hit(length: int, size: int, spans: Sequence[tuple[int, int]]) -> float:
    """Probability that a span of this length placed uniformly in a text of this size overlaps a span."""
    length = max(1, min(length, size))
    placements = size - length + 1
    if placements <= 0:
        return 0.0
    return sum(1 for s in range(placements) if overlaps(s, s + length, spans)) / placements


def measure(rows: list[dict], *, severities: Sequence[str] = ("warning", "error")) -> dict:  # type: ignore[type-arg]
    """Check every (dataset, system) as an XLIFF file; per rule and overall figures as a dict."""
    import mtcheck
    from mtcheck.config import Settings

    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)  # type: ignore[type-arg]
    for row in rows:
        groups[(row["dataset"], row["system"])].append(row)
    stats: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    error_free = sum(1 for r in rows if r["no_error"])
    with tempfile.TemporaryDirectory() as tmp:
        for (dataset, system), items in sorted(groups.items()):
            items.sort(key=lambda r: (r["doc"], r["order"]))
            path = Path(tmp) / f"{dataset}-{system}.xlf".replace("/", "_")
            units = [(f"{r['doc']}#{r['seg_id']}", r["source"], r["target"]) for r in items]
            path.write_text(xliff(units, "zh", "en"), encoding="utf-8")
            report = mtcheck.check(path, settings=Settings(engine="none"))
            for sentence in report.sentences:
                row = items[sentence.index]
                spans = [(s["start"], s["end"]) for s in row["spans"]]
                size = len(row["target"])
                for f in sentence.findings:
                    start = (f.start if f.start is not None else sentence.start) - sentence.start
                    end = (f.end if f.end is not None else sentence.end) - sentence.start
                    keys = (f.rule_id, f"all {f.severity}") + (("all warning+",) if f.severity in severities else ())
                    for key in keys:
                        s = stats[key]
                        s["findings"] += 1
                        s["hits"] += overlaps(start, end, spans)
                        s["random"] += random_hit(end - start, size, spans)
                        s["on_error_free"] += row["no_error"]
                        s["segment_has_error"] += not row["no_error"]
                        s["severity_" + f.severity] += 1
    table = {}
    for key, s in sorted(stats.items()):
        n = s["findings"]
        precision, random = s["hits"] / n, s["random"] / n
        table[key] = {
            "findings": int(n),
            "precision": round(precision, 3),
            "random": round(random, 3),
            "ratio": round(precision / random, 2) if random else None,
            "per_error_free_segment": round(s["on_error_free"] / error_free, 4) if error_free else None,
            "segment_has_error": round(s["segment_has_error"] / n, 3),
            "severity": max((v for v in ORDER if s["severity_" + v]), key=ORDER.index),
        }
    return {
        "segments": len(rows),
        "error_free_segments": error_free,
        "base_segment_has_error": round(1 - error_free / len(rows), 3) if rows else None,
        "files": len(groups),
        "by_rule": table,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", type=Path, default=None, help="write the figures here as JSON")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = measure(rows)
    print(f"{result['segments']} segments in {result['files']} files, {result['error_free_segments']} error-free")
    print(f"segments with an annotated error: {result['base_segment_has_error']:.3f} of all")
    print(f"{'rule':34} {'sev':8} {'n':>6} {'prec':>6} {'random':>6} {'ratio':>6} {'/error-free':>11} {'seg.err':>7}")
    for key, row in result["by_rule"].items():
        ratio = f"{row['ratio']:.2f}" if row["ratio"] is not None else "-"
        print(
            f"{key:34} {row['severity']:8} {row['findings']:6d} {row['precision']:6.3f} {row['random']:6.3f} "
            f"{ratio:>6} {row['per_error_free_segment']:11.4f} {row['segment_has_error']:7.3f}"
        )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
