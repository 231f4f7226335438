#!/usr/bin/env python3
"""Recall and false alarms of `mtcheck.detect` on harvested real-world rows, in every placement.

Each notice (`disclaimer_phrase`) and each tricky negative (`tricky_negative`) is measured three times:
alone, at the top of a neutral article body and at the bottom of one (bodies in
tests/data/detect-real-bodies.json, chosen by the row's language, English otherwise). The verdict is
`detect_text(...).machine_translated`, i.e. the package's own threshold (`mtcheck.detect.THRESHOLD`).
Article rows (`mt_article`, `human_article`, as in the shared eval file) are measured as they are.

    python scripts/eval_detect_real.py                       # tests/data/detect-real-*.jsonl, less the held-out sets
    python scripts/eval_detect_real.py tests/data/detect-real-N.jsonl    # a held-out set only when named
    python scripts/eval_detect_real.py ../shared/eval/detect-dev.jsonl --misses 0
    python scripts/eval_detect_real.py --json summary.json   # machine-readable figures
    python scripts/eval_detect_real.py tests/data/detect-real-5.jsonl --half fit   # one half, split by site
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
BODIES = DATA / "detect-real-bodies.json"
PLACEMENTS = ("alone", "top", "bottom")
POSITIVE = ("disclaimer_phrase", "mt_article")
NEGATIVE = ("tricky_negative", "human_article")
ARTICLES = ("mt_article", "human_article")
WEAK_MIN_ROWS = 5
WEAK_RECALL = 0.8

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_detect import real_set_held_out  # noqa: E402  (one list of held-out sets for every script)


@dataclass
class Tally:
    """Hits out of a count."""

    hit: int = 0
    n: int = 0

    def add(self, hit: bool) -> None:
        self.hit += int(hit)
        self.n += 1

    @property
    def rate(self) -> float:
        return self.hit / self.n if self.n else 0.0


@dataclass
class Result:
    """All figures of one run."""

    rows: int = 0
    recall: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    false_positive: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_language: dict[str, dict[str, Tally]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(Tally)))
    by_class: dict[str, dict[str, Tally]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(Tally)))
    errors: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)

    def weak_languages(self) -> list[str]:
        """Languages with at least WEAK_MIN_ROWS notice rows and overall recall under WEAK_RECALL."""
        weak = []
        for lang, tallies in sorted(self.by_language.items()):
            rows = tallies["alone"].n
            if rows >= WEAK_MIN_ROWS and tallies["all"].rate < WEAK_RECALL:
                weak.append(lang)
        return weak

    def summary(self) -> dict[str, object]:
        """The figures as plain data (rates rounded to 4 places)."""

        def flat(tallies: dict[str, Tally]) -> dict[str, dict[str, float | int]]:
            return {k: {"rate": round(t.rate, 4), "hit": t.hit, "n": t.n} for k, t in tallies.items()}

        return {
            "rows": self.rows,
            "recall": flat(self.recall),
            "false_positive": flat(self.false_positive),
            "by_language": {lang: flat(t) for lang, t in sorted(self.by_language.items())},
            "by_class": {cls: flat(t) for cls, t in sorted(self.by_class.items())},
            "weak_languages": self.weak_languages(),
        }


def load_rows(paths: list[Path]) -> list[dict[str, str]]:
    """Rows of the JSONL files, in order."""
    rows = []
    for path in paths:
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def site_half(rows: list[dict[str, str]], half: str) -> list[dict[str, str]]:
    """The rows of one half of a set split by site: the distinct `site` values sorted (Python's `sorted`),
    0-based odd positions are the fit half, even positions the check half (see docs/detection.md)."""
    sites = sorted({row.get("site", "") for row in rows})
    fit = {site for i, site in enumerate(sites) if i % 2 == 1}
    return [row for row in rows if (row.get("site", "") in fit) == (half == "fit")]


def load_bodies(path: Path = BODIES) -> dict[str, str]:
    """Neutral article bodies by language code."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def placed(text: str, placement: str, body: str) -> str:
    """The row's text alone, above the body or below it (separated by a blank line)."""
    if placement == "top":
        return f"{text}\n\n{body}"
    if placement == "bottom":
        return f"{body}\n\n{text}"
    return text


def measure(rows: list[dict[str, str]], bodies: dict[str, str], reader_name: str = "none") -> Result:
    """Run detect_text on every row in every placement (with a model reader when one is named)."""
    from mtcheck.detect import detect_text
    from mtcheck.detect.reader import load

    reader = load(reader_name)

    result = Result(rows=len(rows))
    for row in rows:
        kind = row["kind"]
        if kind not in POSITIVE + NEGATIVE:
            continue
        positive = kind in POSITIVE
        body = bodies.get(row.get("language", ""), bodies["en"])
        placements = ("alone",) if kind in ARTICLES else PLACEMENTS
        cls = row.get("class") or "(no class)"
        for placement in placements:
            flagged = detect_text(placed(row["text"], placement, body), reader=reader).machine_translated
            for key in (placement, "all"):
                if positive:
                    result.recall[key].add(flagged)
                    result.by_language[row.get("language", "?")][key].add(flagged)
                    result.by_class[f"notice: {cls}"][key].add(flagged)
                else:
                    result.false_positive[key].add(flagged)
                    result.by_class[f"negative: {cls}"][key].add(flagged)
            if flagged != positive:
                result.errors.append(("MISS" if positive else "FALSE POSITIVE", placement, row))
    return result


def _line(label: str, tallies: dict[str, Tally]) -> str:
    keys = [k for k in (*PLACEMENTS, "all") if k in tallies]
    cells = [f"{k} {tallies[k].rate:.3f} ({tallies[k].hit}/{tallies[k].n})" for k in keys]
    return f"  {label:44} " + "  ".join(cells)


def report(result: Result, max_errors: int) -> str:
    """A plain-text report."""
    from mtcheck.detect import THRESHOLD

    out = [f"rows: {result.rows}; verdict threshold {THRESHOLD}"]
    out.append(_line("recall (notices)", result.recall))
    out.append(_line("false-positive rate (negatives)", result.false_positive))
    out.append("per language (notices; overall = all placements):")
    for lang, tallies in sorted(result.by_language.items(), key=lambda kv: (kv[1]["all"].rate, kv[0])):
        flag = "  <-- weak" if lang in result.weak_languages() else ""
        out.append(_line(f"{lang} ({tallies['alone'].n} rows)", tallies) + flag)
    out.append("per class:")
    for cls, tallies in sorted(result.by_class.items()):
        out.append(_line(cls, tallies))
    weak = ", ".join(result.weak_languages()) or "none"
    out.append(f"weak languages (>= {WEAK_MIN_ROWS} rows, recall < {WEAK_RECALL}): {weak}")
    errors = result.errors if max_errors < 0 else result.errors[:max_errors]
    if errors:
        out.append(f"errors ({len(result.errors)} in all, {len(errors)} shown):")
        for label, placement, row in errors:
            text = " ".join(row["text"].split())[:110]
            out.append(f"  {label:14} {placement:6} {row['id']} [{row.get('language')}] {text}")
    return "\n".join(out)


def default_paths() -> list[Path]:
    """The real sets measured by default: every tests/data/detect-real-*.jsonl but the held-out ones
    (tests/data/detect-real-held-out.txt), which are measured only when named."""
    return [p for p in sorted(DATA.glob("detect-real-[0-9]*.jsonl")) if not real_set_held_out(p.name)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="JSONL files (default: tests/data/detect-real-*.jsonl less the held-out sets; name one to measure it)",
    )
    parser.add_argument("--bodies", type=Path, default=BODIES, help="neutral article bodies (JSON)")
    parser.add_argument("--misses", type=int, default=-1, help="how many errors to list (-1: all)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--reader", default="none", help="a model reader (mtcheck.detect.reader), e.g. e5")
    parser.add_argument(
        "--half", choices=("fit", "check"), help="only one half of the rows, split by site (odd/even sorted sites)"
    )
    parser.add_argument(
        "--segments",
        choices=("paragraph", "sentence", "both", "both:add"),
        help="what the reader's veto scores (mtcheck.detect.reader.SEGMENTS; default: the reader's own)",
    )
    args = parser.parse_args(argv)
    if args.segments:
        from mtcheck.detect import reader as reading

        reading.SEGMENTS = args.segments
    paths = args.paths or default_paths()
    missing = [p for p in paths if not p.is_file()]
    if missing:
        print(f"skipped: no file at {', '.join(map(str, missing))}")
        return 0
    rows = load_rows(paths)
    if args.half:
        rows = site_half(rows, args.half)
    result = measure(rows, load_bodies(args.bodies), args.reader)
    print(report(result, args.misses))
    if args.json:
        args.json.write_text(json.dumps(result.summary(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
