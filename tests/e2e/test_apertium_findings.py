"""Findings on real apertium round trips (en -> es -> en): the calques of an MT article are flagged at
their spans, good human English stays (almost) quiet."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import mtcheck
from mtcheck.config import Settings
from mtcheck.errors import ModelError
from mtcheck.results import Finding, Report
from tests.shared import shared_path

ROOT = Path(__file__).resolve().parents[2]
SHARED_SEED = shared_path("seeds", "000_4adc5c33957447b1.txt")

pytestmark = [
    pytest.mark.apertium,
    pytest.mark.skipif(shutil.which("apertium") is None, reason="needs Debian's apertium and apertium-eng-spa"),
]


def report_for(path: Path) -> Report:
    settings = Settings(engine="apertium", pivots=("es",), cache=False)
    try:
        report = mtcheck.check(path, settings=settings)
    except ModelError as exc:  # e.g. apertium-eng-spa not installed
        pytest.skip(str(exc))
    for f in report.all_findings():
        if f.start is not None:
            assert report.document.text[f.start : f.end] == f.text, f  # spans index the text
    return report


def at_least_warning(report: Report) -> list[Finding]:
    return [f for f in report.all_findings() if f.severity in ("warning", "error")]


# The problems an editor finds in seeds/harbour-bridge-mt.txt that the rules are sure of.
HARBOUR_PROBLEMS = [
    ("EN-CALQUE-ACCORDING-TO-X-OF", "according to estimates of the building authority"),
    ("EN-CALQUE-SINCE-DURATION", "since years"),
    ("EN-CALQUE-ALREADY-IN-TIME", "Already in 2019"),
    ("EN-CALQUE-THE-NUMBERED-LINES", "the lines 11 and 32"),
    ("EN-CALQUE-CRITICISM-COMES-FROM", "Criticism comes from"),
    ("EN-CALQUE-ACCUSE-TO-HAVE", "accused the administration to have"),
    ("EN-CALQUE-DECISION-FALLS", "decision about this should fall in February"),
]
# Real but less certain problems: flagged, at info.
HARBOUR_HINTS = [
    ("EN-CALQUE-DECIDED-WITH-MAJORITY", "decided on Thursday evening with a large majority"),
    ("EN-CALQUE-DURING-CONSTRUCTION-TIME", "during the construction time"),
]


def test_calqued_article_gets_its_problems_flagged_at_their_spans() -> None:
    report = report_for(ROOT / "seeds" / "harbour-bridge-mt.txt")
    text = report.document.text
    warnings = {(f.rule, f.text) for f in at_least_warning(report)}
    assert set(HARBOUR_PROBLEMS) <= warnings
    infos = {(f.rule, f.text) for f in report.all_findings() if f.severity == "info"}
    assert set(HARBOUR_HINTS) <= infos
    for rule, phrase in HARBOUR_PROBLEMS:
        (f,) = [f for f in report.all_findings() if f.rule == rule]
        assert f.start == text.index(phrase) and f.sentence is not None
        assert "es" in f.details["counterparts"]  # the round trip's rendering of the span, as evidence
    since = next(f for f in report.all_findings() if f.rule == "EN-CALQUE-SINCE-DURATION")
    assert since.details["counterparts"]["es"] == "from years"


def test_headline_word_order_is_not_reported_as_awkward() -> None:
    report = report_for(ROOT / "seeds" / "harbour-bridge-mt.txt")
    awkward = [f for f in report.all_findings() if f.kind == "awkward_phrasing"]
    assert "Harbour" not in [f.text for f in awkward]  # 'Harbour bridge' -> 'Bridge of ... port'
    assert all(f.severity == "info" for f in awkward)  # apertium round trips of this text score >= 35


def test_human_english_gets_no_rule_warning_and_few_warnings() -> None:
    report = report_for(ROOT / "seeds" / "library-opening-human.md")
    assert [f for f in report.all_findings() if f.kind == "rule" and f.severity != "info"] == []
    assert [f for f in report.all_findings() if f.kind == "awkward_phrasing" and f.severity != "info"] == []
    assert len(at_least_warning(report)) <= 1  # apertium renders 'Elm Street' as 'Street of Elm'


@pytest.mark.skipif(not SHARED_SEED.is_file(), reason="the shared seed article is not present")
def test_shared_seed_article_points_at_its_real_problems() -> None:
    report = report_for(SHARED_SEED)
    found = {(f.rule, f.severity, f.text) for f in report.all_findings() if f.kind == "rule"}
    assert ("EN-ORDER-DATE-AFTER-RELATIVE", "warning", "who died in 2011, in 2000") in found
    assert ("EN-CALQUE-COULD-GIVE", "info", "This could give") in found
    assert ("EN-CALQUE-ACCORDING-TO-INFORMATION", "info", "According to information from") in found
    assert "in the run-up" not in {text for _, _, text in found}  # idiomatic English, never a rule
