"""A held-out proxy for the calibration: choose which keys may warn on one half of the dev split, report the other.

    PYTHONPATH=$PWD python bench/quality_select.py --records /tmp/q.jsonl [--markdown FILE] [--out FILE]

Reads the per-segment records of a full harness run (bench/quality.py --save-records) made with the
engine's calibration. Every key (a rule, or a rule and term kind such as MT-TERM-LOST/acronym) that
has warning+ findings is judged again by the calibration's criterion on the **fit** half only
(bench/quality.py --split: halves by a stable hash of the source document); a key that does not earn
warning there is lowered to info, and the **check** half is evaluated with that choice, next to the
check half with the shipped calibration and the full dev split. Lowering is all a saved record allows
(it keeps the calibrated severity, not the check's own), so a key at info in the calibration file is
never raised here. Protocol and figures: docs/quality.md.

Criterion (as in mtcheck/checks/data/calibration/apertium.toml): ratio to random >= 1.5 on >= N
findings on one dataset, and on the other the same, or fewer than N findings none of them against it
(ratio >= 1 or no findings); or, pooled, >= N findings over both datasets with ratio >= 1.5 on each
dataset where the key fires. The calibration file uses N = 20 on the whole dev split; on a half the
same rate of evidence is N = 10 (--min-findings, the default here).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from quality import select_split  # noqa: E402
from quality_eval import evaluate, is_warning_plus  # noqa: E402

CLEAR_RATIO = 1.5
CLEAR_MIN_HALF = 10  # the calibration's 20 findings on the whole dev split, scaled to half of it
DATASETS = {"g23news": "news", "ted": "ted"}
SUB_KEYED = {"terminology_drift"}  # kinds whose calibration keys carry the term kind (RULE/detail)


def key_of(finding: list[Any]) -> str:
    """The calibration key a finding is judged under: RULE/detail for terminology, else the rule id."""
    kind, rule = finding[0], finding[1]
    sub = finding[5] if len(finding) > 5 else ""
    return f"{rule}/{sub}" if kind in SUB_KEYED and sub else str(rule)


def key_stats(records: list[dict[str, Any]], keys: set[str], *, draws: int, seed: int) -> dict[str, dict[str, Any]]:
    """Per key and dataset: n, precision, random expectation, ratio (all severities, findings with a span)."""
    stats: dict[str, dict[str, Any]] = {k: {} for k in keys}
    for key in keys:
        subset = []
        for record in records:
            own = [f for f in record["findings"] if key_of(f) == key]
            # every finding of the key counts as warning so that the headline row measures exactly them
            subset.append({**record, "findings": [[*f[:2], "warning", *f[3:]] for f in own]})
        result = evaluate(subset, draws=draws, seed=seed)["datasets"]
        for name in DATASETS.values():
            rows = result.get(name, {}).get("precision", [])
            row = next((r for r in rows if r["label"] == "warning+ findings"), None)
            stats[key][name] = {
                "n": row["n"] if row else 0,
                "precision": row["precision"] if row else math.nan,
                "random": row["random"]["expected"] if row else math.nan,
                "ratio": row["ratio"] if row else math.nan,
            }
    return stats


def earns_warning(per_dataset: dict[str, dict[str, Any]], min_findings: int = CLEAR_MIN_HALF) -> bool:
    """The calibration criterion on one half (see the module docstring)."""
    values = list(per_dataset.values())

    def clear(v: dict[str, Any]) -> bool:
        return v["n"] >= min_findings and v["ratio"] >= CLEAR_RATIO

    def not_against(v: dict[str, Any]) -> bool:
        return v["n"] == 0 or (v["n"] < min_findings and v["ratio"] >= 1.0) or clear(v)

    if any(clear(v) for v in values) and all(not_against(v) for v in values):
        return True
    fired = [v for v in values if v["n"] > 0]
    return sum(v["n"] for v in fired) >= min_findings and all(v["ratio"] >= CLEAR_RATIO for v in fired)


def demote(records: list[dict[str, Any]], lowered: set[str]) -> list[dict[str, Any]]:
    """The records with every warning+ finding of a lowered key at info."""
    out = []
    for record in records:
        findings = [
            [*f[:2], "info", *f[3:]] if is_warning_plus(f) and key_of(f) in lowered else f for f in record["findings"]
        ]
        out.append({**record, "findings": findings})
    return out


def headline(records: list[dict[str, Any]], *, draws: int, seed: int) -> dict[str, dict[str, Any]]:
    """Per dataset: warning+ findings, precision, random, ratio, per error-free segment."""
    result = evaluate(records, draws=draws, seed=seed)["datasets"]
    out = {}
    for name in DATASETS.values():
        if name not in result:
            continue
        rows = result[name]["precision"]
        row = next((r for r in rows if r["label"] == "warning+ findings"), None)
        free = result[name]["error_free"]["error_free"]
        out[name] = {
            "n": row["n"] if row else 0,
            "precision": row["precision"] if row else math.nan,
            "random": row["random"]["expected"] if row else math.nan,
            "ratio": row["ratio"] if row else math.nan,
            "per_error_free": free["warning_plus_per_segment"],
            "error_free_segments": free["segments"],
            "segments": result[name]["counts"]["segments"],
        }
    return out


def select(
    records: list[dict[str, Any]], *, draws: int, seed: int, min_findings: int = CLEAR_MIN_HALF
) -> dict[str, Any]:
    """Choose on the fit half, report the check half (and the full split for comparison)."""
    keys = {key_of(f) for r in records for f in r["findings"] if is_warning_plus(f)}
    fit = select_split(records, "fit")
    check = select_split(records, "check")
    fit_stats = key_stats(fit, keys, draws=draws, seed=seed)
    full_stats = key_stats(records, keys, draws=draws, seed=seed)
    earned = {k for k in keys if earns_warning(fit_stats[k], min_findings)}
    lowered = keys - earned
    return {
        "keys": {
            k: {"fit": fit_stats[k], "full": full_stats[k], "earns_warning_on_fit": k in earned} for k in sorted(keys)
        },
        "min_findings": min_findings,
        "lowered_on_fit": sorted(lowered),
        "full_shipped": headline(records, draws=draws, seed=seed),
        "fit_shipped": headline(fit, draws=draws, seed=seed),
        "check_shipped": headline(check, draws=draws, seed=seed),
        "check_fit_chosen": headline(demote(check, lowered), draws=draws, seed=seed),
    }


def _f(value: Any, digits: int = 2) -> str:
    if isinstance(value, float):
        return "–" if math.isnan(value) else f"{value:.{digits}f}"
    return str(value)


def render(result: dict[str, Any]) -> str:
    lines = [
        f"Keys with warning+ findings, judged on the fit half with at least {result['min_findings']} findings "
        "(all severities; n, ratio to random):",
        "",
        "| key | fit news | fit TED | full news | full TED | warning on fit |",
        "|---|---|---|---|---|---|",
    ]
    for key, v in result["keys"].items():
        cells = [f"{v[h][d]['n']} / {_f(v[h][d]['ratio'])}x" for h in ("fit", "full") for d in ("news", "ted")]
        lines.append(f"| `{key}` | " + " | ".join(cells) + f" | {'yes' if v['earns_warning_on_fit'] else 'no'} |")
    lines += [
        "",
        "| warning+ findings | news n | news precision / random | news ratio | news per error-free | "
        "TED n | TED precision / random | TED ratio | TED per error-free |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    names = {
        "full_shipped": "full dev, shipped calibration",
        "fit_shipped": "fit half, shipped calibration",
        "check_shipped": "check half, shipped calibration",
        "check_fit_chosen": "**check half, calibration chosen on the fit half**",
    }
    for field, label in names.items():
        cells = []
        for d in ("news", "ted"):
            h = result[field].get(d, {})
            cells += [
                _f(h.get("n", 0)),
                f"{_f(h.get('precision', math.nan))} / {_f(h.get('random', math.nan))}",
                f"{_f(h.get('ratio', math.nan))}x",
                _f(h.get("per_error_free", math.nan), 3),
            ]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lowered = ", ".join(f"`{k}`" for k in result["lowered_on_fit"]) or "none"
    lines += ["", f"Lowered to info by the fit half: {lowered}."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=Path, required=True, help="records of a full run (--save-records)")
    parser.add_argument("--draws", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--min-findings", type=int, default=CLEAR_MIN_HALF, help="the criterion's N on the fit half")
    parser.add_argument("--out", type=Path, help="write the results as JSON")
    parser.add_argument("--markdown", type=Path, help="also write the Markdown summary here")
    args = parser.parse_args(argv)
    with args.records.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    result = select(records, draws=args.draws, seed=args.seed, min_findings=args.min_findings)
    if args.out:
        args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    markdown = render(result)
    if args.markdown:
        args.markdown.write_text(markdown, encoding="utf-8")
    print(markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
