"""Assembling findings: attaching them to sentences, severity overrides, notice sentences."""

from __future__ import annotations

import pytest

from mtcheck.checks.assemble import attach, quiet_notices
from mtcheck.results import (
    Detection,
    Evidence,
    Finding,
    SentenceResult,
)

SENTENCES = (
    SentenceResult(index=0, text="One.", start=0, end=4),
    SentenceResult(index=1, text="Two.", start=5, end=9),
)


def finding(kind: str = "rule", rule: str = "MT-X", severity: str = "warning", sentence: int | None = 0) -> Finding:
    return Finding(kind=kind, rule=rule, severity=severity, message="m", sentence=sentence)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({}, "warning"),
        ({"MT-X": "error"}, "error"),
        ({"rule": "info"}, "info"),  # by kind
        ({"MT-X": "error", "rule": "info"}, "error"),  # the rule id wins over the kind
        ({"MT-X": "off"}, None),  # dropped
        ({"rule": "off"}, None),
    ],
)
def test_severity_overrides(overrides: dict[str, str], expected: str | None) -> None:
    sentences, loose = attach(SENTENCES, (), [finding()], overrides)
    got = [f.severity for f in sentences[0].findings]
    assert got == ([expected] if expected else [])
    assert loose == ()


def test_findings_go_to_their_sentence_or_stay_document_level() -> None:
    found = [finding(sentence=1), finding(sentence=None), finding(sentence=7)]
    sentences, loose = attach(SENTENCES, (), found)
    assert [len(s.findings) for s in sentences] == [0, 1]
    assert len(loose) == 2  # no sentence, or a sentence that does not exist


def test_notice_sentences_lose_their_findings() -> None:
    sentences = (
        SentenceResult(index=0, text="One.", start=0, end=4, findings=(finding(),)),
        SentenceResult(index=1, text="Two.", start=5, end=9, findings=(finding(sentence=1),)),
    )
    detection = Detection(
        machine_translated=True, confidence=0.9, evidence=(Evidence("disclaimer", "Two.", 5, 9, "bottom"),)
    )
    quiet = quiet_notices(sentences, detection)
    assert [len(s.findings) for s in quiet] == [1, 0]


def test_a_notice_found_by_the_model_reader_loses_its_findings_too() -> None:
    sentences = (
        SentenceResult(index=0, text="One.", start=0, end=4, findings=(finding(),)),
        SentenceResult(index=1, text="Two.", start=5, end=9, findings=(finding(sentence=1),)),
    )
    evidence = (Evidence("reader", "Two.", 5, 9, "bottom"),)
    detection = Detection(machine_translated=True, confidence=0.8, evidence=evidence)
    assert [len(s.findings) for s in quiet_notices(sentences, detection)] == [1, 0]
