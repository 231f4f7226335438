"""The whole pipeline on the real rule-based engine (Debian's apertium, en <-> es)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import mtcheck
from mtcheck.config import Settings
from mtcheck.results import Report

pytestmark = [
    pytest.mark.apertium,
    pytest.mark.skipif(shutil.which("apertium") is None, reason="Debian package apertium is not installed"),
]

SEED = Path(__file__).resolve().parents[2] / "seeds" / "harbour-bridge-mt.txt"


@pytest.fixture(scope="module")
def report() -> Report:
    settings = Settings(engine="apertium", pivots=("es",), cache=False)
    return mtcheck.check(SEED, settings=settings)


def test_unknown_words_become_findings_at_their_span(report: Report) -> None:
    unknown = [f for f in report.all_findings() if f.kind == "unknown_word"]
    assert unknown, "apertium marks names such as Lindqvist as unknown"
    for finding in unknown:
        assert finding.severity == "info"
        if finding.start is not None:
            assert report.document.text[finding.start : finding.end] == finding.text == finding.details["word"]
    words = [f.details["word"] for f in unknown]
    assert "Lindqvist" in words
    # one finding per sentence and word, even though the name is marked again on the way back
    pairs = [(f.sentence, f.details["word"]) for f in unknown]
    assert len(pairs) == len(set(pairs))


def test_round_trip_outputs_carry_no_marks(report: Report) -> None:
    for sentence in report.sentences:
        assert sentence.pivot and sentence.roundtrip
        assert "*Lindqvist" not in sentence.pivot + sentence.roundtrip
    assert report.engine is not None and report.engine.name == "apertium"
    assert {m.direction for m in report.engine.models} == {"en-es", "es-en"}
