"""Figures of the quality harness from per-segment records (see bench/quality.py for the records)."""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from quality_metrics import (
    auc,
    cluster_bootstrap_ratio,
    hit_probability,
    hits,
    kendall_tau_b,
    pearson,
    placements,
    random_baseline,
    spearman,
    top_share,
)

DATASET_LABELS = {"g23news": "news", "ted": "ted"}
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
MAJOR = ("Major", "Non-translation")  # Non-translation weighs 25 in MQM: counted with the Majors
CLEAR_RATIO = 1.5  # "beats chance by a clear margin": at least this ratio ...
CLEAR_MIN = 20  # ... on at least this many findings
RECALL_DRAWS = 200
# Bootstrap clusters: a source document (all systems together), cut into blocks of this many positions
# (`order`), so that a TED talk of hundreds of segments is several clusters and a news article is one.
CLUSTER_SPAN = 25
TOP_TEXT_CHARS = 30  # longer flagged strings are shown as their length only
ONE_STRING = 0.5  # a row whose hits are this much one flagged string is that string, not the rule

Record = dict[str, Any]


def evaluate(records: list[Record], *, draws: int = 2000, seed: int = 0) -> dict[str, Any]:
    """Every figure, per dataset (news, ted)."""
    by_dataset: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        by_dataset[DATASET_LABELS.get(record["dataset"], record["dataset"])].append(record)
    return {
        "datasets": {name: evaluate_dataset(rows, draws=draws, seed=seed) for name, rows in sorted(by_dataset.items())}
    }


def evaluate_dataset(records: list[Record], *, draws: int, seed: int) -> dict[str, Any]:
    mapped = [r for r in records if r["mapped"]]
    findings = [(r, f) for r in mapped for f in r["findings"] if f[3] is not None]
    return {
        "counts": counts(records, mapped, findings),
        "precision": precision_table(findings, draws=draws, seed=seed),
        "recall_major": recall_table(mapped, seed=seed),
        "error_free": error_free(mapped),
        "segment_correlation": segment_correlations(mapped),
        "system_correlation": system_correlations(mapped),
        "systems": system_table(mapped),
    }


def counts(records: list[Record], mapped: list[Record], findings: list[tuple[Record, list[Any]]]) -> dict[str, Any]:
    return {
        "segments": len(records),
        "segments_mapped": len(mapped),
        "documents": len({(r["system"], r["doc"]) for r in records}),
        "systems": len({r["system"] for r in records}),
        "sentences": sum(r["sentences"] for r in mapped),
        "findings": sum(len(r["findings"]) for r in mapped),
        "warning_plus": sum(1 for r in mapped for f in r["findings"] if is_warning_plus(f)),
        "findings_with_span": len(findings),
        "warning_plus_with_span": sum(1 for _, f in findings if is_warning_plus(f)),
        "findings_without_span": sum(1 for r in mapped for f in r["findings"] if f[3] is None),
        "findings_crossing_segments": sum(r["crossing"] for r in mapped),
        "findings_outside_segments": sum(r.get("document_findings", 0) for r in records),
        "error_free_segments": sum(1 for r in mapped if r["no_error"]),
        "major_segments": sum(1 for r in mapped if r["has_major"]),
        "annotated_spans": sum(len(r["spans"]) for r in mapped),
        "major_spans": sum(1 for r in mapped for s in r["spans"] if s[2] in MAJOR),
        "annotated_char_share": annotated_share(mapped),
    }


def annotated_share(records: list[Record]) -> float:
    """Share of target characters inside some annotated error span (what a 1-character finding at random hits)."""
    covered = total = 0
    for r in records:
        marks = set()
        for s in r["spans"]:
            marks.update(range(s[0], max(s[1], s[0] + 1)))
        covered += len([m for m in marks if m < r["length"]])
        total += r["length"]
    return covered / total if total else math.nan


def is_warning_plus(finding: list[Any]) -> bool:
    return SEVERITY_RANK.get(finding[2], 0) >= 1


def finding_groups(finding: list[Any]) -> Iterable[tuple[str, ...]]:
    """The table rows a finding counts in: totals, severity level, kind, kind+rule, with and without severity."""
    kind, rule, severity = finding[0], finding[1], finding[2]
    yield ("all",)
    yield ("warning+",) if is_warning_plus(finding) else ("info",)
    if severity == "error":
        yield ("error",)
    yield ("kind", kind, "*")
    yield ("kind", kind, severity)
    yield ("rule", kind, rule, "*")
    yield ("rule", kind, rule, severity)
    sub = finding[5] if len(finding) > 5 else ""
    if sub:
        yield ("sub", kind, rule, sub, "*")
    if is_warning_plus(finding):
        yield ("kind", kind, "warning+")
        yield ("rule", kind, rule, "warning+")
        if sub:
            yield ("sub", kind, rule, sub, "warning+")


def precision_table(findings: list[tuple[Record, list[Any]]], *, draws: int, seed: int) -> list[dict[str, Any]]:
    """Span precision (overlap with any annotated error / with a Major) next to the random-placement baseline."""
    groups: dict[tuple[str, ...], list[tuple[bool, bool, float, float]]] = defaultdict(list)
    overlapped: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    clusters: dict[tuple[str, ...], dict[str, list[float]]] = defaultdict(lambda: defaultdict(lambda: [0.0, 0.0]))
    texts: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for record, finding in findings:
        span = (finding[3], finding[4])
        length = finding[4] - finding[3]
        every = [(s[0], s[1]) for s in record["spans"]]
        major = [(s[0], s[1]) for s in record["spans"] if s[2] in MAJOR]
        item = (
            hits(span, every),
            hits(span, major),
            hit_probability(length, record["length"], every),
            hit_probability(length, record["length"], major),
        )
        # the most severe annotated span the finding overlaps: what its hits are made of
        touched = sorted((s for s in record["spans"] if hits(span, [(s[0], s[1])])), key=lambda s: s[2] not in MAJOR)
        for key in finding_groups(finding):
            groups[key].append(item)
            if touched:
                overlapped[key][f"{touched[0][2]} {touched[0][3]}"] += 1
            cluster = clusters[key][cluster_of(record)]
            cluster[0] += item[0]
            cluster[1] += item[2]
            if item[0] and len(finding) > 6:
                texts[key].append(finding[6])
    rows = []
    for key, items in sorted(groups.items(), key=lambda kv: _group_order(kv[0])):
        n = len(items)
        precision = sum(i[0] for i in items) / n
        precision_major = sum(i[1] for i in items) / n
        base = random_baseline([i[2] for i in items], draws=draws, seed=seed)
        base_major = random_baseline([i[3] for i in items], draws=draws, seed=seed)
        ratio = precision / base["expected"] if base["expected"] else math.nan
        boot = cluster_bootstrap_ratio([(c[0], c[1]) for c in clusters[key].values()], seed=seed)
        top_text, top_text_share = top_share(texts[key])
        rows.append(
            {
                "group": list(key),
                "label": group_label(key),
                "n": n,
                "hits": sum(i[0] for i in items),
                "precision": precision,
                "random": base,
                "ratio": ratio,
                "precision_major": precision_major,
                "random_major": base_major["expected"],
                "random_major_high": base_major["high"],
                "ratio_major": precision_major / base_major["expected"] if base_major["expected"] else math.nan,
                "ratio_doc_bootstrap": boot,
                "top_hit_text": short_text(top_text),
                "top_hit_text_share": top_text_share,
                "verdict": verdict(n, precision, base, ratio, boot["low"], top_text_share if texts[key] else 0.0),
                "overlapped": dict(overlapped[key].most_common(5)),
            }
        )
    return rows


def short_text(text: str) -> str:
    """A flagged string as shown in the results: words and short names as they are, longer stretches
    (sentence-level findings) only as their length, so that no sentence of the data lands in the repo."""
    words = text.split()
    if len(words) > 4 or len(text) > TOP_TEXT_CHARS:
        return f"<{len(words)} words>"
    return " ".join(words)


def cluster_of(record: Record) -> str:
    return f"{record['doc']}#{int(record['order']) // CLUSTER_SPAN}"


def verdict(
    n: int, precision: float, base: dict[str, float], ratio: float, boot_low: float = math.nan, top: float = 0.0
) -> str:
    """clear: >= CLEAR_RATIO x random on >= CLEAR_MIN findings, above the placement interval; the
    qualifiers say when the document bootstrap reaches 1 or one flagged string makes most of the hits."""
    if n >= CLEAR_MIN and ratio >= CLEAR_RATIO and precision > base["high"]:
        caveats = []
        if not boot_low > 1:
            caveats.append("doc bootstrap reaches 1")
        if top >= ONE_STRING:
            caveats.append("one string")
        return "clear" + (f" ({', '.join(caveats)})" if caveats else "")
    if precision > base["high"]:
        return "above chance"
    if precision < base["low"]:
        return "below chance"
    return "at chance"


def _group_order(key: tuple[str, ...]) -> tuple[Any, ...]:
    top = {"all": 0, "warning+": 1, "error": 2, "info": 3}
    if key[0] in top:
        return (0, top[key[0]])
    sev = {"*": 0, "warning+": 1, "error": 2, "warning": 3, "info": 4}
    level = {"kind": 1, "rule": 2, "sub": 3}[key[0]]
    return (level, *key[1:-1], sev.get(key[-1], 9))


def group_label(key: tuple[str, ...]) -> str:
    if key[0] in ("all", "warning+", "info", "error"):
        return {"all": "all findings", "warning+": "warning+ findings", "info": "info findings"}.get(
            key[0], "error findings"
        )
    severity = "all severities" if key[-1] == "*" else key[-1]
    return f"{' / '.join(key[1:-1])} ({severity})"


def recall_table(records: list[Record], *, seed: int) -> list[dict[str, Any]]:
    """Share of Major spans (per MQM category) overlapped by some warning+ finding, and by any finding,
    with the warning+ recall expected if the same findings sat at random places in their segments."""
    rng = random.Random(seed)
    per_category: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0, 0.0])
    for record in records:
        majors = [s for s in record["spans"] if s[2] in MAJOR]
        if not majors:
            continue
        warn = [(f[3], f[4]) for f in record["findings"] if is_warning_plus(f) and f[3] is not None]
        every = [(f[3], f[4]) for f in record["findings"] if f[3] is not None]
        lengths = [max(e - s, 1) for s, e in warn]
        random_hits = [0] * len(majors)
        for _ in range(RECALL_DRAWS if lengths else 0):
            placed = []
            for length in lengths:
                start = rng.choice(placements(length, record["length"]))
                placed.append((start, start + length))
            for i, span in enumerate(majors):
                random_hits[i] += hits((span[0], span[1]), placed)
        for i, span in enumerate(majors):
            for category in (span[3], "all Major"):
                row = per_category[category]
                row[0] += 1
                row[1] += hits((span[0], span[1]), warn)
                row[2] += hits((span[0], span[1]), every)
                row[3] += random_hits[i] / RECALL_DRAWS
    rows = []
    for category, (n, warn_hits, any_hits, random_hits_sum) in per_category.items():
        rows.append(
            {
                "category": category,
                "major_spans": int(n),
                "recall_warning_plus": warn_hits / n,
                "recall_any": any_hits / n,
                "random_recall_warning_plus": random_hits_sum / n,
            }
        )
    rows.sort(key=lambda r: (r["category"] != "all Major", -r["major_spans"]))
    return rows


def error_free(records: list[Record]) -> dict[str, Any]:
    """Findings on segments every rater found error-free, next to segments with a Major error."""
    result: dict[str, Any] = {}
    for label, keep in (("error_free", lambda r: r["no_error"]), ("has_major", lambda r: r["has_major"])):
        rows = [r for r in records if keep(r)]
        n = len(rows)
        warn = [sum(1 for f in r["findings"] if is_warning_plus(f)) for r in rows]
        every = [len(r["findings"]) for r in rows]
        result[label] = {
            "segments": n,
            "warning_plus_per_segment": sum(warn) / n if n else math.nan,
            "findings_per_segment": sum(every) / n if n else math.nan,
            "share_with_warning_plus": sum(1 for w in warn if w) / n if n else math.nan,
            "warning_plus_per_100_words": 100 * sum(warn) / max(sum(r["words"] for r in rows), 1),
        }
    return result


def _warnings(record: Record) -> int:
    return sum(1 for f in record["findings"] if is_warning_plus(f))


def _score(field: str) -> Callable[[Record], float | None]:
    def get(record: Record) -> float | None:
        scores = record["scores"]
        return None if scores is None else scores.get(field)  # prism / confidence: neural engines only

    return get


# name -> (description, function of a record; higher means better, None when the segment has no score)
SCORES: dict[str, tuple[str, Callable[[Record], float | None]]] = {
    "chrf": ("mean round-trip chrF", _score("chrf")),
    "bleu": ("mean round-trip BLEU", _score("bleu")),
    "-ter": ("-mean round-trip TER", lambda r: None if r["scores"] is None else -r["scores"]["ter"]),
    "-findings": ("-number of findings", lambda r: -len(r["findings"])),
    "-warning+": ("-number of warning+ findings", lambda r: -_warnings(r)),
    "-findings/100w": ("-findings per 100 words", lambda r: -100 * len(r["findings"]) / max(r["words"], 1)),
    "-risk": ("-risk (sum of sentence risks: words / 10 + findings)", lambda r: _negated(r.get("risk"))),
    "prism": ("mean forced-decoding log-prob of the original given the pivot (prism)", _score("prism")),
    "confidence": ("mean forced-decoding log-prob of the pivot given the original (confidence)", _score("confidence")),
    "-length": ("-segment length in characters (trivial baseline)", lambda r: -r["length"]),
}
# Scores only some engines give (forced decoding: marian, ctranslate2); without them a row has no segments.
ENGINE_SCORES = ("prism", "confidence")


def _negated(value: float | None) -> float | None:
    return None if value is None else -value


def segment_correlations(records: list[Record]) -> list[dict[str, Any]]:
    """Kendall tau-b and Spearman of each score with -MQM over segments; AUC error-free vs has a Major."""
    rows = []
    for name, (description, get) in SCORES.items():
        pairs = [(get(r), r) for r in records]
        pairs = [(v, r) for v, r in pairs if v is not None]
        x = [v for v, _ in pairs]
        y = [-r["mqm"] for _, r in pairs]
        rows.append(
            {
                "score": name,
                "description": description,
                "segments": len(pairs),
                "kendall_tau_b": kendall_tau_b(x, y),
                "spearman": spearman(x, y),
                "auc_error_free_vs_major": auc(
                    [v for v, r in pairs if r["no_error"]], [v for v, r in pairs if r["has_major"]]
                ),
            }
        )
    return rows


def _system_means(records: list[Record]) -> dict[str, dict[str, float]]:
    by_system: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        by_system[r["system"]].append(r)
    means: dict[str, dict[str, float]] = {}
    for system, rows in sorted(by_system.items()):
        entry = {"segments": len(rows), "-mqm": -sum(r["mqm"] for r in rows) / len(rows)}
        for name, (_, get) in SCORES.items():
            values = [v for v in (get(r) for r in rows) if v is not None]
            entry[name] = sum(values) / len(values) if values else math.nan
        means[system] = entry
    return means


def system_correlations(records: list[Record]) -> list[dict[str, Any]]:
    """Kendall tau-b, Spearman and Pearson over systems of each score's mean against mean -MQM."""
    means = _system_means(records)
    y = [m["-mqm"] for m in means.values()]
    rows = []
    for name, (description, _) in SCORES.items():
        x = [m[name] for m in means.values()]
        rows.append(
            {
                "score": name,
                "description": description,
                "systems": len(x),
                "kendall_tau_b": kendall_tau_b(x, y),
                "spearman": spearman(x, y),
                "pearson": pearson(x, y),
            }
        )
    return rows


def system_table(records: list[Record]) -> list[dict[str, Any]]:
    """Per system: mean MQM, mean chrF and findings per segment, best system first."""
    rows = []
    for system, m in _system_means(records).items():
        rows.append(
            {
                "system": system,
                "segments": m["segments"],
                "mqm": -m["-mqm"],
                "chrf": m["chrf"],
                "findings_per_segment": -m["-findings"],
                "warning_plus_per_segment": -m["-warning+"],
            }
        )
    rows.sort(key=lambda r: r["mqm"])
    return rows
