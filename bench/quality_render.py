"""The Markdown summary of the quality harness's results (bench/quality.py)."""

from __future__ import annotations

import math
from typing import Any

from quality_eval import ENGINE_SCORES  # scores only the neural engines give (forced decoding)

MIN_ROWS_SHOWN = 5  # rule rows with fewer findings are in the JSON only


def fmt(value: Any, digits: int = 3) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _find(rows: list[dict[str, Any]], key: str, value: Any) -> dict[str, Any]:
    return next((r for r in rows if r[key] == value), {})


def headline(results: dict[str, Any]) -> list[str]:
    datasets = results["datasets"]
    names = [n for n in ("news", "ted") if n in datasets]
    lines = [
        "| measure | " + " | ".join(names) + " | done when |",
        "|---|" + "---:|" * len(names) + "---|",
    ]

    def row(label: str, values: list[str], target: str = "") -> None:
        lines.append(f"| {label} | " + " | ".join(values) + f" | {target} |")

    warn = {n: _find(datasets[n]["precision"], "label", "warning+ findings") for n in names}
    row("warning+ findings", [fmt(warn[n].get("n")) for n in names], ">= 20")
    row("... overlapping an annotated error", [fmt(warn[n].get("precision")) for n in names])
    row(
        "... same spans placed at random (mean, 95 % interval)",
        [
            f"{fmt(warn[n]['random']['mean'])} [{fmt(warn[n]['random']['low'])}, {fmt(warn[n]['random']['high'])}]"
            if warn[n]
            else "–"
            for n in names
        ],
    )
    row("... ratio to random", [fmt(warn[n].get("ratio"), 2) for n in names], ">= 1.5")
    row(
        "warning+ findings per error-free segment",
        [fmt(datasets[n]["error_free"]["error_free"]["warning_plus_per_segment"]) for n in names],
        "<= 0.15",
    )
    row("error-free segments", [fmt(datasets[n]["error_free"]["error_free"]["segments"]) for n in names])
    seg = {n: {r["score"]: r for r in datasets[n]["segment_correlation"]} for n in names}
    best = {}
    for n in names:
        candidates = [r for k, r in seg[n].items() if k != "-length" and not math.isnan(r["kendall_tau_b"])]
        best[n] = max(candidates, key=lambda r: r["kendall_tau_b"]) if candidates else {}
    row("segment Kendall tau-b, mean chrF vs -MQM", [fmt(seg[n]["chrf"]["kendall_tau_b"]) for n in names])
    row("segment Kendall tau-b, -warning+ findings", [fmt(seg[n]["-warning+"]["kendall_tau_b"]) for n in names])
    row(
        "segment Kendall tau-b, best mtcheck score",
        [f"{fmt(best[n].get('kendall_tau_b'))} ({best[n].get('score', '–')})" for n in names],
        "> length baseline (news)",
    )
    row("segment Kendall tau-b, -length baseline", [fmt(seg[n]["-length"]["kendall_tau_b"]) for n in names])
    sys_rows = {n: {r["score"]: r for r in datasets[n]["system_correlation"]} for n in names}
    row(
        "system Kendall tau-b, mean chrF (systems)",
        [f"{fmt(sys_rows[n]['chrf']['kendall_tau_b'], 2)} ({sys_rows[n]['chrf']['systems']})" for n in names],
    )
    return lines


def precision_lines(rows: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| findings | n | overlap | random mean [95 %] | ratio | ratio, doc bootstrap | Major overlap "
        "| random Major | ratio Major | top hit (share) | verdict |",
        "|---|---:|---:|---|---:|---|---:|---:|---:|---|---|",
    ]
    for r in rows:
        if r["group"][0] in ("rule", "sub") and r["n"] < MIN_ROWS_SHOWN:
            continue
        base = r["random"]
        boot = r["ratio_doc_bootstrap"]
        text = r["top_hit_text"].replace("|", "/")
        top = f"`{text}` ({fmt(r['top_hit_text_share'], 2)})" if text else "–"
        lines.append(
            f"| {r['label']} | {r['n']} | {fmt(r['precision'])} | {fmt(base['mean'])} "
            f"[{fmt(base['low'])}, {fmt(base['high'])}] | {fmt(r['ratio'], 2)} "
            f"| [{fmt(boot['low'], 2)}, {fmt(boot['high'], 2)}] | {fmt(r['precision_major'])} "
            f"| {fmt(r['random_major'])} | {fmt(r['ratio_major'], 2)} | {top} | {r['verdict']} |"
        )
    return lines


def unavailable(row: dict[str, Any]) -> str:
    """Why a score row has no segments."""
    if row["score"] in ENGINE_SCORES:
        return "not available for this engine (forced decoding: marian, ctranslate2)"
    return "not in these records (made before the score existed)"


def dataset_lines(name: str, data: dict[str, Any]) -> list[str]:
    c = data["counts"]
    lines = [
        f"### {name}",
        "",
        f"{c['segments']} segments ({c['segments_mapped']} mapped), {c['documents']} documents, "
        f"{c['systems']} systems, "
        f"{c['sentences']} sentences; {c['findings']} findings ({c['warning_plus']} warning+), "
        f"{c['findings_without_span']} of them without a span (a sentence's unknown pivot word; not in span "
        f"precision), {c['findings_outside_segments']} outside any segment, {c['findings_crossing_segments']} "
        "crossing a segment end; "
        f"{c['annotated_spans']} annotated spans ({c['major_spans']} Major), covering "
        f"{fmt(c['annotated_char_share'])} of the characters; {c['error_free_segments']} error-free segments, "
        f"{c['major_segments']} with a Major error.",
        "",
        "Span precision per kind / rule / subtype (term kind, change, unknown word's direction) / severity "
        "(rule and subtype rows with fewer than "
        f"{MIN_ROWS_SHOWN} findings are in the JSON only):",
        "",
        *precision_lines(data["precision"]),
        "",
        "Recall of Major spans (Major and Non-translation) per MQM category:",
        "",
        "| category | Major spans | by warning+ | same warning+ at random | by any finding |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in data["recall_major"]:
        lines.append(
            f"| {r['category']} | {r['major_spans']} | {fmt(r['recall_warning_plus'])} "
            f"| {fmt(r['random_recall_warning_plus'])} | {fmt(r['recall_any'])} |"
        )
    ef = data["error_free"]
    lines += [
        "",
        "| segments | n | warning+ per segment | share with a warning+ | warning+ per 100 words "
        "| findings per segment |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label in ("error_free", "has_major"):
        e = ef[label]
        lines.append(
            f"| {label.replace('_', '-')} | {e['segments']} | {fmt(e['warning_plus_per_segment'])} "
            f"| {fmt(e['share_with_warning_plus'])} | {fmt(e['warning_plus_per_100_words'])} "
            f"| {fmt(e['findings_per_segment'])} |"
        )
    lines += [
        "",
        "Segment level, against -MQM (AUC: error-free segments vs segments with a Major error):",
        "",
        "| score | segments | Kendall tau-b | Spearman | AUC |",
        "|---|---:|---:|---:|---:|",
    ]
    missing = {r["score"]: unavailable(r) for r in data["segment_correlation"] if not r["segments"]}
    for r in data["segment_correlation"]:
        if r["score"] in missing:
            lines.append(f"| {r['description']} | 0 | {missing[r['score']]} | | |")
            continue
        lines.append(
            f"| {r['description']} | {r['segments']} | {fmt(r['kendall_tau_b'])} | {fmt(r['spearman'])} "
            f"| {fmt(r['auc_error_free_vs_major'])} |"
        )
    lines += [
        "",
        "System level, each score's mean over a system's segments against its mean -MQM:",
        "",
        "| score | systems | Kendall tau-b | Spearman | Pearson |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in data["system_correlation"]:
        if r["score"] in missing:
            lines.append(f"| {r['description']} | {r['systems']} | {missing[r['score']]} | | |")
            continue
        lines.append(
            f"| {r['description']} | {r['systems']} | {fmt(r['kendall_tau_b'], 2)} | {fmt(r['spearman'], 2)} "
            f"| {fmt(r['pearson'], 2)} |"
        )
    lines += [
        "",
        "| system | segments | mean MQM | mean chrF | findings per segment | warning+ per segment |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in data["systems"]:
        lines.append(
            f"| {r['system']} | {r['segments']} | {fmt(r['mqm'], 2)} | {fmt(r['chrf'], 1)} "
            f"| {fmt(r['findings_per_segment'], 2)} | {fmt(r['warning_plus_per_segment'], 2)} |"
        )
    return lines


def render_markdown(results: dict[str, Any]) -> str:
    run = results["run"]
    engine = f"engine {run['engine']} via {','.join(run['pivots'])}"
    if run.get("apertium"):
        engine += f" (apertium {run['apertium']}, apertium-eng-spa {run.get('apertium_eng_spa')})"
    code = f"commit {run['commit']} (mtcheck/ at {run['mtcheck_commit']}{', modified' if run['mtcheck_dirty'] else ''})"
    scope = f"{run['documents']} documents, {run['segments']} segments"
    if run.get("limit_docs"):
        scope += f" (--limit-docs {run['limit_docs']}, seed {run['seed']})"
    if run.get("limit"):
        scope += f" (--limit {run['limit']})"
    timing = f"{run['seconds']} s on {run['machine']}" if run.get("seconds") is not None else run["machine"]
    if run.get("recomputed"):
        timing += f"; figures recomputed from its records on {run['recomputed']}"
    lines = [
        "## mtcheck quality harness",
        "",
        f"{run['date']}; {engine}; {code}; {scope}; {timing}",
        "",
        *headline(results),
        "",
    ]
    for name, data in results["datasets"].items():
        lines += dataset_lines(name, data) + [""]
    return "\n".join(lines)
