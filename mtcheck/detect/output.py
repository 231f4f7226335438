"""Renderings of a Detection: the `mtcheck detect` JSON object and a human summary."""

from __future__ import annotations

from typing import Any

from mtcheck.results import Detection


def detection_to_dict(d: Detection, path: str) -> dict[str, Any]:
    """One `mtcheck detect --format json` object."""
    return {
        "path": path,
        "machine_translated": d.machine_translated,
        "confidence": round(d.confidence, 3),
        "language": d.language,
        "source_language": d.source_language,
        "original_url": d.original_url,
        "engine": d.engine,
        "reader": d.reader,  # the model reader that ran: "e5", "static", or "none" (the phrase rules alone)
        "evidence": [
            {
                "kind": e.kind,
                "text": e.text,
                "start": e.start,
                "end": e.end,
                "position": e.position,
                "language": e.language,
                "weight": round(e.weight, 3),
            }
            for e in d.evidence
        ],
        "roundtrip_similarity": None if d.roundtrip_similarity is None else round(d.roundtrip_similarity, 4),
        # notice evidence the model reader (--reader) dropped: its segment scored under the reader's veto threshold
        "vetoed": [
            {
                "kind": v.evidence.kind,
                "text": v.evidence.text,
                "start": v.evidence.start,
                "end": v.evidence.end,
                "position": v.evidence.position,
                "language": v.evidence.language,
                "weight": round(v.evidence.weight, 3),
                "reader_score": round(v.reader_score, 3),
            }
            for v in d.vetoed
        ],
    }


def vetoed_lines(path: str, d: Detection) -> list[str]:
    """One line per piece of notice evidence the model reader dropped (`mtcheck -v detect --reader ...`)."""
    lines = []
    for v in d.vetoed:
        e = v.evidence
        text = e.text if len(e.text) <= 90 else e.text[:89] + "…"
        lines.append(f'{path}: the reader vetoed {e.kind} ({e.position}, weight {e.weight:.2f}, reader score '
                     f'{v.reader_score:.2f}): "{text}"')  # fmt: skip
    return lines


def _strongest(d: Detection) -> str | None:
    best = max(d.evidence, key=lambda e: e.weight, default=None)
    if best is None or best.weight <= 0:
        return None
    text = best.text if len(best.text) <= 90 else best.text[:89] + "…"
    return f'{best.kind} ({best.position}): "{text}"'


def render_summary(path: str, d: Detection) -> str:
    """One or two lines for a person: the verdict, then the strongest evidence."""
    if d.machine_translated:
        facts = [f"confidence {d.confidence:.2f}"]
        if d.engine:
            facts.append(f"engine {d.engine}")
        if d.source_language:
            facts.append(f"from {d.source_language}")
        if d.language:
            facts.append(f"in {d.language}")
        if d.original_url:
            facts.append(f"original {d.original_url}")
        head = f"{path}: machine translated ({', '.join(facts)})"
    else:
        lang = f", language {d.language}" if d.language else ""
        head = f"{path}: no sign of machine translation (confidence {d.confidence:.2f}{lang})"
    strongest = _strongest(d)
    if strongest and (d.machine_translated or (d.confidence if d.score is None else d.score) >= 0.2):
        return f"{head}\n  {strongest}"
    return head
