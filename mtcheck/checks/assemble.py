"""Putting findings together: each to its sentence, severity overrides, notices, engine marks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from mtcheck.engines.base import Engine, unknown_word_marks
from mtcheck.results import SEVERITIES, Finding, SentenceResult, severity_rank

# "reader": a segment the model reader (--reader) took for a notice; "learned": the old fallback (off)
NOTICE_EVIDENCE = ("disclaimer", "badge", "engine_watermark", "original", "reader", "learned")
# The findings made here (listed in mtcheck.checks.catalog, which validates severity overrides).
FINDING_KIND = "unknown_word"
FINDING_RULES = ("MT-UNKNOWN-WORD",)


def unknown_word_findings(
    engine: Engine,
    spans: list[tuple[int, int]],
    texts: list[str],
    pivots: list[str],
    language: str,
    pivot: str,
) -> list[Finding]:
    """Words a rule-based engine marked (apertium's *, @, #) as info findings, once per sentence and word.

    A word marked on the way back that stands in the original is a name passed through; it is left out.
    """
    marks = unknown_word_marks(engine)
    if marks is None:
        return []
    findings: list[Finding] = []
    seen: set[tuple[int, str]] = set()
    for word in marks.unknown_words():
        forward = word.direction == f"{language}-{pivot}"
        if not forward and word.direction != f"{pivot}-{language}":
            continue
        side = texts if forward else pivots
        for index in (i for i, sentence in enumerate(side) if sentence == word.text):
            found = re.search(rf"(?<!\w){re.escape(word.word)}(?!\w)", texts[index])
            if (index, word.word) in seen or (found is not None and not forward):
                continue
            seen.add((index, word.word))
            start = spans[index][0] + found.start() if found else None
            findings.append(
                Finding(
                    kind="unknown_word",
                    rule="MT-UNKNOWN-WORD",
                    severity="info",
                    message=(
                        f"{engine.name} could not translate {word.word!r} ({word.reason}, {word.direction}): "
                        "check the spelling, unless it is a name"
                    ),
                    start=start,
                    end=start + len(word.word) if start is not None else None,
                    sentence=index,
                    text=word.word if start is not None else None,
                    details={"word": word.word, "mark": word.mark, "direction": word.direction, "pivot": pivot},
                )
            )
    return findings


def attach(
    sentences: tuple[SentenceResult, ...],
    loose: tuple[Finding, ...],
    found: Sequence[Finding],
    overrides: dict[str, str] | None = None,
) -> tuple[tuple[SentenceResult, ...], tuple[Finding, ...]]:
    """Give each finding to its sentence (or keep it document-level), applying severity overrides.

    An override names a rule id or a finding kind; "off" drops the finding.
    """
    by_sentence: dict[int, list[Finding]] = {s.index: list(s.findings) for s in sentences}
    rest = list(loose)
    for finding in found:
        severity = (overrides or {}).get(finding.rule_id) or (overrides or {}).get(finding.kind)
        if severity in ("off", "none", "ignore"):
            continue
        if severity in SEVERITIES:
            finding = replace(finding, severity=severity)  # type: ignore[arg-type]
        if finding.sentence is not None and finding.sentence in by_sentence:
            by_sentence[finding.sentence].append(finding)
        else:
            rest.append(finding)
    attached = tuple(replace(s, findings=tuple(sorted(by_sentence[s.index], key=finding_order))) for s in sentences)
    return attached, tuple(sorted(rest, key=finding_order))


def quiet_notices(sentences: tuple[SentenceResult, ...], detection: Any) -> tuple[SentenceResult, ...]:
    """The translation notice itself is not article prose: its sentences carry no findings."""
    spans = [
        (e.start, e.end)
        for e in detection.evidence
        if e.kind in NOTICE_EVIDENCE and e.start is not None and e.end is not None
    ]
    if not spans:
        return sentences

    def is_notice(s: SentenceResult) -> bool:
        covered = sum(max(0, min(s.end, end) - max(s.start, start)) for start, end in spans)
        return covered * 2 >= s.end - s.start

    return tuple(replace(s, findings=()) if s.findings and is_notice(s) else s for s in sentences)


def finding_order(f: Finding) -> tuple[int, int, str]:
    return (f.start if f.start is not None else -1, -severity_rank(f.severity), f.kind)
