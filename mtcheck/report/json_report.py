"""The JSON rendering of a Report; its shape is published in schema/report.schema.json."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from importlib import resources
from typing import Any

from mtcheck.results import (
    BilingualResult,
    Detection,
    EngineInfo,
    Evidence,
    Finding,
    PivotResult,
    Report,
    Scores,
    SentenceResult,
    UnitsResult,
)

FORMAT_VERSION = 1
SCHEMA_RESOURCE = "schema/report.schema.json"


def _num(value: float | None, digits: int) -> float | None:
    """Round a float for output; NaN and infinities (not valid JSON) become null."""
    if value is None or not math.isfinite(value):
        return None
    return round(float(value), digits)


def _plain(value: Any) -> Any:
    """Free-form data (finding details, decoding settings, term rows) as JSON-safe values."""
    if isinstance(value, bool) or value is None or isinstance(value, int | str):
        return value
    if isinstance(value, float):
        return _num(value, 4)
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return [_plain(v) for v in items]
    return str(value)


def _scores(scores: Scores | None) -> dict[str, float | None] | None:
    if scores is None:
        return None
    return {
        "chrf": _num(scores.chrf, 2),
        "bleu": _num(scores.bleu, 2),
        "ter": _num(scores.ter, 2),
        "prism": _num(scores.prism, 4),
        "confidence": _num(scores.confidence, 4),
    }


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """One finding as JSON-ready data (rule is never null: it falls back to the kind)."""
    return {
        "kind": finding.kind,
        "rule": finding.rule_id,
        "severity": finding.severity,
        "message": finding.message,
        "start": finding.start,
        "end": finding.end,
        "text": finding.text,
        "sentence": finding.sentence,
        "details": _plain(finding.details),
    }


def _evidence(ev: Evidence) -> dict[str, Any]:
    return {
        "kind": ev.kind,
        "text": ev.text,
        "start": ev.start,
        "end": ev.end,
        "position": ev.position,
        "language": ev.language,
        "weight": _num(ev.weight, 3),
    }


def _detection(det: Detection) -> dict[str, Any]:
    return {
        "machine_translated": det.machine_translated,
        "confidence": _num(det.confidence, 3),
        "language": det.language,
        "source_language": det.source_language,
        "original_url": det.original_url,
        "engine": det.engine,
        "reader": det.reader,
        "evidence": [_evidence(e) for e in det.evidence],
        "paragraph_languages": [
            {"start": start, "end": end, "language": lang} for start, end, lang in det.paragraph_languages
        ],
        "roundtrip_similarity": _num(det.roundtrip_similarity, 3),
        "vetoed": [{**_evidence(v.evidence), "reader_score": _num(v.reader_score, 3)} for v in det.vetoed],
    }


def _engine(engine: EngineInfo | None) -> dict[str, Any] | None:
    if engine is None:
        return None
    return {
        "name": engine.name,
        "models": [{"direction": m.direction, "id": m.id, "revision": m.revision} for m in engine.models],
        "decoding": _plain(engine.decoding),
    }


def _pivot(result: PivotResult) -> dict[str, Any]:
    return {
        "language": result.pivot_language,
        "pivot": result.pivot,
        "roundtrip": result.roundtrip,
        "scores": _scores(result.scores),
        "tokens": [
            {"token": t.token, "logprob": _num(t.logprob, 4), "start": t.start, "end": t.end} for t in result.tokens
        ],
    }


def _sentence(s: SentenceResult) -> dict[str, Any]:
    return {
        "index": s.index,
        "text": s.text,
        "start": s.start,
        "end": s.end,
        "pivot": s.pivot,
        "roundtrip": s.roundtrip,
        "scores": _scores(s.scores),
        "pivots": [_pivot(p) for p in s.pivots],
        "findings": [finding_to_dict(f) for f in s.findings],
        "risk": s.risk,
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    """The whole Report as plain JSON-ready data, in the published key order."""
    summary = report.summary
    return {
        "mtcheck": {"version": report.version, "format_version": FORMAT_VERSION},
        "document": {
            "path": report.document.path,
            "name": report.document.name,
            "language": report.document.language,
            "format": report.document.format,
            "text": report.document.text,
        },
        "detection": _detection(report.detection),
        "engine": _engine(report.engine),
        "pivots": list(report.pivot_languages),
        "summary": {
            "sentences": summary.sentences,
            "findings": summary.findings,
            "by_kind": dict(summary.by_kind),
            "by_severity": dict(summary.by_severity),
            "mean_chrf": _num(summary.mean_chrf, 2),
            "highest_severity": summary.highest_severity,
        },
        "sentences": [_sentence(s) for s in report.sentences],
        "findings": [finding_to_dict(f) for f in report.findings],
        "signatures": dict(report.signatures),
        "terms": [_plain(row) for row in report.terms],
        "bilingual": _bilingual(report.bilingual),
        "units": _units(report.units),
    }


def _units(result: UnitsResult | None) -> dict[str, Any] | None:
    if result is None:
        return None
    return {
        "path": result.path,
        "format": result.format,
        "source_language": result.source_language,
        "target_language": result.target_language,
        "units": [
            {
                "index": u.index,
                "id": u.id,
                "unit_id": u.unit_id,
                "source": u.source,
                "target": u.target,
                "line": u.line,
                "target_line": u.target_line,
                "state": u.state,
                "translate": u.translate,
                "notes": list(u.notes),
            }
            for u in result.units
        ],
    }


def _bilingual(result: BilingualResult | None) -> dict[str, Any] | None:
    if result is None:
        return None
    return {
        "source_path": result.source_path,
        "source_language": result.source_language,
        "source_sentences": list(result.source_sentences),
        "pairs": [
            {
                "source": list(p.source),
                "target": list(p.target),
                "machine_translation": p.forward,
                "similarity": _num(p.similarity, 2),
                "back_similarity": _num(p.back_similarity, 2),
            }
            for p in result.pairs
        ],
    }


def render_json(report: Report) -> str:
    """The JSON document for one Report (UTF-8 text, indented, newline-terminated)."""
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every render_json output validates against."""
    text = resources.files("mtcheck.report").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    return json.loads(text)
