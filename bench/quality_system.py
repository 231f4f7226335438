"""System level: why mtcheck's scores rank MT systems backwards, and which document score does not.

    PYTHONPATH=$PWD python bench/quality_system.py --records /tmp/q.jsonl [--data segments.jsonl]
        [--draws 1000] [--out FILE.json] [--markdown FILE.md]

Reads the per-segment records of a harness run (bench/quality.py --save-records). Every candidate score
is a ratio of sums over segments, sum(num) / sum(den) (den = 1: a mean per segment; den = words: a rate
per word), so the same definition gives a segment's score, a document's and a system's. For each
candidate, on news and TED, on the whole dev split and on its fit and check halves (bench/quality.py
--split):

* system level: Kendall tau-b of the system's score with its mean -MQM, and a 95 % interval from
  resampling the bootstrap's clusters (a source document, or 25 positions of a TED talk, with every
  system's translation of it), with the share of draws where tau > 0;
* same source: for every source cluster and every pair of systems whose MQM differs, does the score
  order the two translations as MQM does (ties in the score count one half); the editor's question
  "which of these two translations of my article is better"; the same bootstrap interval;
* segment level: Kendall tau-b with -MQM over segments.

With --data (the MQM split, default as in bench/quality.py) the per-system table adds what the records
do not hold: errors marked only in the source (omissions), words per sentence and capitalised words
(names) per 100 words. Protocol and figures: docs/quality.md, "System level".
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from quality import default_data, select_split  # noqa: E402
from quality_eval import DATASET_LABELS, cluster_of, is_warning_plus  # noqa: E402
from quality_metrics import kendall_tau_b, quantile  # noqa: E402

Record = dict[str, Any]
Part = Callable[[Record], float | None]  # None: the segment has no value (left out of num and den)

# Kinds whose findings come from comparing the round trip with the text (string overlap of a round
# trip, or terms that changed in it); the others are model-free rules or the engine's unknown words.
ROUND_TRIP_KINDS = ("awkward_phrasing", "terminology_drift")


def _findings(record: Record, keep: Callable[[list[Any]], bool] = lambda f: True) -> int:
    return sum(1 for f in record["findings"] if keep(f))


def _chrf(record: Record) -> float | None:
    return None if record["scores"] is None else float(record["scores"]["chrf"])


def _risk(record: Record) -> float | None:
    risk = record.get("risk")
    return None if risk is None else float(risk)


def _neg(part: Part) -> Part:
    def get(record: Record) -> float | None:
        value = part(record)
        return None if value is None else -value

    return get


def _per100(count: Callable[[Record], float | None]) -> tuple[Part, Part]:
    return (lambda r: None if (c := count(r)) is None else -100.0 * c), (lambda r: float(r["words"]))


def _one(record: Record) -> float:
    return 1.0


def _kind_count(kind: str) -> Callable[[Record], float | None]:
    return lambda r: float(_findings(r, lambda f: f[0] == kind))


# Kinds that fire on names and terms (changed in the round trip, or words the engine cannot analyse).
NAME_KINDS = ("terminology_drift", "unknown_word")


def _not_round_trip(f: list[Any]) -> bool:
    return f[0] not in ROUND_TRIP_KINDS


# name -> (description, num, den); higher is better (the negation is in num)
CANDIDATES: dict[str, tuple[str, Part, Part]] = {
    "-risk": ("-risk per segment (words / 10 + findings; today's sentence score, summed)", _neg(_risk), _one),
    "-findings": ("-findings per segment", lambda r: -float(_findings(r)), _one),
    "chrf": ("mean round-trip chrF", _chrf, _one),
    "-length": ("-length in characters (trivial baseline)", lambda r: -float(r["length"]), _one),
    "+length": ("+length in characters (longer is better)", lambda r: float(r["length"]), _one),
    "-risk/100w": ("-risk per 100 words (length-normalised risk)", *_per100(_risk)),
    "-findings/100w": ("-findings per 100 words", *_per100(lambda r: float(_findings(r)))),
    "-warning+/100w": (
        "-warning+ findings per 100 words (calibrated warning+ kinds only)",
        *_per100(lambda r: float(_findings(r, is_warning_plus))),
    ),
    "-no-rt/100w": (
        "-findings per 100 words, round-trip kinds left out (rules, unknown words)",
        *_per100(lambda r: float(_findings(r, _not_round_trip))),
    ),
    "-no-rt-warning+/100w": (
        "-warning+ findings per 100 words, round-trip kinds left out",
        *_per100(lambda r: float(_findings(r, lambda f: is_warning_plus(f) and _not_round_trip(f)))),
    ),
    "-rule/100w": ("-rule findings per 100 words (model-free only)", *_per100(_kind_count("rule"))),
    "-terms/100w": ("-terminology_drift findings per 100 words", *_per100(_kind_count("terminology_drift"))),
    "-unknown/100w": ("-unknown_word findings per 100 words", *_per100(_kind_count("unknown_word"))),
    "-awkward/100w": ("-awkward_phrasing findings per 100 words", *_per100(_kind_count("awkward_phrasing"))),
    "-no-names/100w": (
        "-findings per 100 words, names and terms left out (terminology_drift, unknown_word)",
        *_per100(lambda r: float(_findings(r, lambda f: f[0] not in NAME_KINDS))),
    ),
}
# The per-system table's extra columns: findings per 100 words of each kind.
KINDS = ("rule", "terminology_drift", "unknown_word", "awkward_phrasing")


def value(records: Sequence[Record], name: str) -> float:
    """A candidate's score over some segments: sum(num) / sum(den), segments without a value left out."""
    _, num, den = CANDIDATES[name]
    top = bottom = 0.0
    for record in records:
        n = num(record)
        if n is None:
            continue
        top += n
        bottom += den(record)
    return top / bottom if bottom else math.nan


def _sums(records: Sequence[Record], names: Sequence[str]) -> dict[str, list[float]]:
    """Per candidate (and '-mqm'): [sum num, sum den] over the records."""
    out = {name: [0.0, 0.0] for name in (*names, "-mqm")}
    for record in records:
        for name in names:
            _, num, den = CANDIDATES[name]
            n = num(record)
            if n is not None:
                out[name][0] += n
                out[name][1] += den(record)
        out["-mqm"][0] -= record["mqm"]
        out["-mqm"][1] += 1.0
    return out


def _ratio(pair: Sequence[float]) -> float:
    return pair[0] / pair[1] if pair[1] else math.nan


def _cells(records: Sequence[Record], names: Sequence[str]) -> dict[str, dict[str, dict[str, list[float]]]]:
    """cluster -> system -> candidate -> [sum num, sum den]."""
    grouped: dict[str, dict[str, list[Record]]] = defaultdict(lambda: defaultdict(list))
    for record in records:
        grouped[cluster_of(record)][record["system"]].append(record)
    return {c: {s: _sums(rows, names) for s, rows in systems.items()} for c, systems in grouped.items()}


def _add(total: dict[str, dict[str, list[float]]], cell: dict[str, dict[str, list[float]]], times: int) -> None:
    for system, sums in cell.items():
        into = total.setdefault(system, {k: [0.0, 0.0] for k in sums})
        for name, (n, d) in sums.items():
            into[name][0] += times * n
            into[name][1] += times * d


def system_tau(per_system: dict[str, dict[str, list[float]]], name: str) -> float:
    """Kendall tau-b over systems of a candidate's pooled score against pooled -MQM."""
    systems = sorted(per_system)
    return kendall_tau_b(
        [_ratio(per_system[s][name]) for s in systems], [_ratio(per_system[s]["-mqm"]) for s in systems]
    )


def pairwise_agreement(cells: Sequence[dict[str, dict[str, list[float]]]], name: str) -> tuple[float, int]:
    """Share of same-source system pairs (MQM differs) the score orders as MQM does; score ties count 1/2."""
    agree = 0.0
    pairs = 0
    for cell in cells:
        systems = sorted(cell)
        for i, a in enumerate(systems):
            for b in systems[i + 1 :]:
                dm = _ratio(cell[a]["-mqm"]) - _ratio(cell[b]["-mqm"])
                ds = _ratio(cell[a][name]) - _ratio(cell[b][name])
                if dm == 0 or math.isnan(ds):
                    continue
                pairs += 1
                agree += 0.5 if ds == 0 else float((ds > 0) == (dm > 0))
    return (agree / pairs if pairs else math.nan), pairs


def bootstrap(
    records: Sequence[Record], names: Sequence[str], *, draws: int = 1000, seed: int = 13
) -> dict[str, dict[str, Any]]:
    """Per candidate: system tau and same-source agreement, each with a cluster-bootstrap 95 % interval."""
    cells = _cells(records, names)
    keys = sorted(cells)
    total: dict[str, dict[str, list[float]]] = {}
    for key in keys:
        _add(total, cells[key], 1)
    rng = random.Random(seed)
    taus: dict[str, list[float]] = {name: [] for name in names}
    agreements: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(draws if len(keys) > 1 else 0):
        counts: dict[str, int] = defaultdict(int)
        for _ in keys:
            counts[keys[rng.randrange(len(keys))]] += 1
        sample: dict[str, dict[str, list[float]]] = {}
        for key, times in counts.items():
            _add(sample, cells[key], times)
        chosen = [cells[k] for k, t in counts.items() for _ in range(t)]
        for name in names:
            tau = system_tau(sample, name)
            if not math.isnan(tau):
                taus[name].append(tau)
            share, _ = pairwise_agreement(chosen, name)
            if not math.isnan(share):
                agreements[name].append(share)
    out = {}
    for name in names:
        t = sorted(taus[name])
        a = sorted(agreements[name])
        share, pairs = pairwise_agreement([cells[k] for k in keys], name)
        out[name] = {
            "system_tau": system_tau(total, name),
            "system_tau_low": quantile(t, 0.025),
            "system_tau_high": quantile(t, 0.975),
            "system_tau_positive": sum(1 for v in t if v > 0) / len(t) if t else math.nan,
            "same_source_agreement": share,
            "same_source_pairs": pairs,
            "same_source_low": quantile(a, 0.025),
            "same_source_high": quantile(a, 0.975),
        }
    return out


def same_segment_counts(records: Sequence[Record], names: Sequence[str]) -> dict[str, dict[str, list[float]]]:
    """cluster -> candidate -> [agreeing pairs, pairs]: pairs of systems' translations of one source segment
    whose MQM differs, and how many of them the segment score orders as MQM does (score ties: one half)."""
    by_segment: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for record in records:
        by_segment[(record["doc"], str(record["seg_id"]))].append(record)
    out: dict[str, dict[str, list[float]]] = defaultdict(lambda: {name: [0.0, 0.0] for name in names})
    for rows in by_segment.values():
        counts = out[cluster_of(rows[0])]
        for name in names:
            _, num, den = CANDIDATES[name]
            scored = [(n / d, -r["mqm"]) for r in rows if (n := num(r)) is not None and (d := den(r))]
            for i, (sa, ma) in enumerate(scored):
                for sb, mb in scored[i + 1 :]:
                    if ma == mb:
                        continue
                    counts[name][1] += 1
                    counts[name][0] += 0.5 if sa == sb else float((sa > sb) == (ma > mb))
    return dict(out)


def same_segment_agreement(
    records: Sequence[Record], names: Sequence[str], *, draws: int = 1000, seed: int = 13
) -> dict[str, dict[str, float]]:
    """Per candidate: same-source agreement over segments, with a cluster-bootstrap 95 % interval."""
    counts = same_segment_counts(records, names)
    keys = sorted(counts)
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(draws if len(keys) > 1 else 0):
        chosen = [keys[rng.randrange(len(keys))] for _ in keys]
        for name in names:
            agree = sum(counts[k][name][0] for k in chosen)
            pairs = sum(counts[k][name][1] for k in chosen)
            if pairs:
                samples[name].append(agree / pairs)
    out = {}
    for name in names:
        agree = sum(c[name][0] for c in counts.values())
        pairs = sum(c[name][1] for c in counts.values())
        s = sorted(samples[name])
        out[name] = {
            "agreement": agree / pairs if pairs else math.nan,
            "pairs": pairs,
            "low": quantile(s, 0.025),
            "high": quantile(s, 0.975),
        }
    return out


def segment_tau(records: Sequence[Record], name: str) -> float:
    """Kendall tau-b over segments of the candidate's segment score with -MQM."""
    _, num, den = CANDIDATES[name]
    x, y = [], []
    for record in records:
        n = num(record)
        d = den(record)
        if n is None or not d:
            continue
        x.append(n / d)
        y.append(-record["mqm"])
    return kendall_tau_b(x, y)


def relative_segment_tau(records: Sequence[Record]) -> float:
    """Segment tau of risk relative to its document: -(risk per word - the document's median risk per word)
    times the segment's words. Summed over a document it is zero by construction, so it cannot rank documents."""
    per_doc: dict[tuple[str, str], list[float]] = defaultdict(list)
    for r in records:
        if r.get("risk") is not None and r["words"]:
            per_doc[(r["system"], r["doc"])].append(r["risk"] / r["words"])
    medians = {k: quantile(sorted(v), 0.5) for k, v in per_doc.items()}
    x, y = [], []
    for r in records:
        if r.get("risk") is None or not r["words"]:
            continue
        x.append(-(r["risk"] / r["words"] - medians[(r["system"], r["doc"])]) * r["words"])
        y.append(-r["mqm"])
    return kendall_tau_b(x, y)


_CAPITAL = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")


def data_facts(path: Path) -> dict[tuple[str, str, str, str], dict[str, float]]:
    """Per segment, from the MQM split: errors marked only in the source, sentences, capitalised words
    not at a sentence start (a rough count of names). Read for measuring; nothing is kept."""
    facts = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            text = row["target"]
            facts[(row["dataset"], row["system"], row["doc"], str(row["seg_id"]))] = {
                "omissions": float(row.get("errors_without_target_span", 0)),
                "sentences": float(max(1, len(re.findall(r"[.!?](?:\s|$)", text)))),
                "capitals": float(len(_CAPITAL.findall(text))),
                "accuracy_spans": float(sum(1 for s in row["spans"] if s["top"] == "Accuracy")),
            }
    return facts


def system_table(
    records: Sequence[Record], facts: dict[tuple[str, str, str, str], dict[str, float]] | None
) -> list[dict[str, Any]]:
    """Per system: MQM, length, findings per 100 words by kind, chrF, risk; best system first."""
    by_system: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        by_system[record["system"]].append(record)
    rows = []
    for system, rs in by_system.items():
        n = len(rs)
        words = sum(r["words"] for r in rs) or 1
        row: dict[str, Any] = {
            "system": system,
            "segments": n,
            "mqm": sum(r["mqm"] for r in rs) / n,
            "length": sum(r["length"] for r in rs) / n,
            "words": words / n,
            "findings_per_100w": 100 * sum(len(r["findings"]) for r in rs) / words,
            "warning_plus_per_100w": 100 * sum(_findings(r, is_warning_plus) for r in rs) / words,
            "chrf": value(rs, "chrf"),
            "risk": -value(rs, "-risk"),
            "risk_per_100w": -value(rs, "-risk/100w"),
        }
        for kind in KINDS:
            row[f"{kind}_per_100w"] = 100 * sum(_findings(r, lambda f, k=kind: f[0] == k) for r in rs) / words
        if facts:
            got = [facts.get((r["dataset"], r["system"], r["doc"], str(r["seg_id"]))) for r in rs]
            got = [g for g in got if g]
            if got:
                row["omissions"] = sum(g["omissions"] for g in got) / len(got)
                row["accuracy_spans"] = sum(g["accuracy_spans"] for g in got) / len(got)
                row["words_per_sentence"] = words / sum(g["sentences"] for g in got)
                row["capitals_per_100w"] = 100 * sum(g["capitals"] for g in got) / words
        rows.append(row)
    rows.sort(key=lambda r: r["mqm"])
    return rows


def analyse(records: list[Record], *, draws: int, seed: int, facts: Any = None) -> dict[str, Any]:
    """Every figure, per dataset and half."""
    names = list(CANDIDATES)
    out: dict[str, Any] = {}
    for split in ("all", "fit", "check"):
        chosen = select_split(records, split)
        by_dataset: dict[str, list[Record]] = defaultdict(list)
        for r in chosen:
            if r["mapped"]:
                by_dataset[DATASET_LABELS.get(r["dataset"], r["dataset"])].append(r)
        for dataset, rows in sorted(by_dataset.items()):
            boot = bootstrap(rows, names, draws=draws, seed=seed)
            same = same_segment_agreement(rows, names, draws=draws, seed=seed)
            for name in names:
                boot[name]["segment_tau"] = segment_tau(rows, name)
                boot[name]["same_segment"] = same[name]
            out.setdefault(dataset, {})[split] = {
                "segments": len(rows),
                "clusters": len({cluster_of(r) for r in rows}),
                "candidates": boot,
                "relative_risk_segment_tau": relative_segment_tau(rows),
                "systems": system_table(rows, facts) if split == "all" else None,
            }
    return out


def _f(v: Any, digits: int = 2) -> str:
    if isinstance(v, float):
        return "–" if math.isnan(v) else f"{v:.{digits}f}"
    return str(v)


def render(result: dict[str, Any]) -> str:
    lines: list[str] = []
    for dataset, splits in result.items():
        table = splits["all"]["systems"]
        extra = [c for c in ("omissions", "accuracy_spans", "words_per_sentence", "capitals_per_100w") if c in table[0]]
        cols = ["mqm", "length", "words", *extra, "findings_per_100w", "warning_plus_per_100w"]
        cols += [f"{k}_per_100w" for k in KINDS] + ["chrf", "risk", "risk_per_100w"]
        lines += [f"### {dataset}: systems, best MQM first", "", "| system | " + " | ".join(cols) + " |"]
        lines.append("|---|" + "---:|" * len(cols))
        for row in table:
            lines.append(f"| {row['system']} | " + " | ".join(_f(row[c]) for c in cols) + " |")
        lines += [
            "",
            f"### {dataset}: candidates (system tau [95 % cluster bootstrap] P(tau>0); same-source agreement "
            "[95 %], documents and segments; segment tau)",
            "",
            "| score | "
            + " | ".join(
                f"{s} system tau | {s} same-source docs | {s} same-source segments | {s} segment tau" for s in splits
            )
            + " |",
            "|---|" + "---|---|---|---:|" * len(splits),
        ]
        for name, (description, _, _) in CANDIDATES.items():
            cells = []
            for split in splits.values():
                c = split["candidates"][name]
                cells.append(
                    f"{_f(c['system_tau'])} [{_f(c['system_tau_low'])}, {_f(c['system_tau_high'])}] "
                    f"{_f(c['system_tau_positive'])}"
                )
                cells.append(
                    f"{_f(c['same_source_agreement'])} [{_f(c['same_source_low'])}, {_f(c['same_source_high'])}]"
                )
                g = c["same_segment"]
                cells.append(f"{_f(g['agreement'])} [{_f(g['low'])}, {_f(g['high'])}]")
                cells.append(_f(c["segment_tau"], 3))
            lines.append(f"| `{name}` {description} | " + " | ".join(cells) + " |")
        rel = " / ".join(f"{s} {_f(v['relative_risk_segment_tau'], 3)}" for s, v in splits.items())
        sizes = " / ".join(f"{s} {v['segments']} segments, {v['clusters']} clusters" for s, v in splits.items())
        lines += ["", f"Risk relative to its document (segment tau): {rel}. Sizes: {sizes}.", ""]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=Path, required=True, help="records of a harness run (--save-records)")
    parser.add_argument("--data", type=Path, default=default_data(), help="the MQM split, for omissions and names")
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args(argv)
    with args.records.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    facts = data_facts(args.data) if args.data.exists() else None
    result = analyse(records, draws=args.draws, seed=args.seed, facts=facts)
    if args.out:
        args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    markdown = render(result)
    if args.markdown:
        args.markdown.write_text(markdown, encoding="utf-8")
    print(markdown)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
