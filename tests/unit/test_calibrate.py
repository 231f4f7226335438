"""Calibration as data: per-engine ceilings, floors, artefact filters; user overrides win."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import mtcheck
from mtcheck.api import validate_settings
from mtcheck.checks.calibrate import (
    ARTEFACTS,
    Calibration,
    calibrate,
    calibrated,
    load_calibration,
    resolve_calibration,
)
from mtcheck.config import Settings
from mtcheck.errors import ConfigError, MtcheckError, UsageError
from mtcheck.results import Finding, SentenceResult

CAL = Calibration(
    engine="test",
    ceilings={
        "awkward_phrasing": "info",
        "MT-TERM-CHANGED": "info",
        "MT-TERM-LOST/acronym": "error",
        "MT-TERM-LOST": "info",
        "MT-NOISY": "off",
    },
    floors={"MT-TERM-INCONSISTENT/acronym": "warning"},
    artefacts=frozenset({"case_only", "unknown_name"}),
)


def term(rule: str, severity: str, kind: str = "name", term_text: str = "Anna", became: str = "Ana") -> Finding:
    return Finding(
        kind="terminology_drift",
        rule=rule,
        severity=severity,  # type: ignore[arg-type]
        message="m",
        text=term_text,
        details={"term": term_text, "term_kind": kind, "became": became},
    )


@pytest.mark.parametrize(
    ("finding", "expected"),
    [
        (Finding(kind="awkward_phrasing", rule="MT-AWKWARD-SPAN", severity="error", message="m"), "info"),
        (term("MT-TERM-CHANGED", "warning"), "info"),  # the rule's ceiling
        (term("MT-TERM-LOST", "warning", kind="acronym", term_text="EU", became=""), "warning"),  # under its ceiling
        (term("MT-TERM-LOST", "warning", kind="name"), "info"),  # RULE/detail is more specific than RULE
        (term("MT-TERM-INCONSISTENT", "info", kind="acronym", term_text="EU", became="UE"), "warning"),  # floor
        (term("MT-TERM-INCONSISTENT", "info", kind="name"), "info"),  # no floor for names
        (term("MT-TERM-LOST", "warning", kind="acronym", term_text="US", became="us"), "info"),  # case only
        (Finding(kind="rule", rule="MT-NOISY", severity="warning", message="m"), None),  # off
        (Finding(kind="rule", rule="MT-OTHER", severity="warning", message="m"), "warning"),  # not listed
    ],
)
def test_ceilings_floors_and_artefacts(finding: Finding, expected: str | None) -> None:
    got = calibrated(finding, CAL, {})
    assert (got.severity if got else None) == expected
    if got is not None and got.severity != finding.severity:
        assert got.details["calibrated_from"] == finding.severity


@pytest.mark.parametrize("overrides", [{"MT-TERM-CHANGED": "error"}, {"terminology_drift": "error"}])
def test_user_overrides_win(overrides: dict[str, str]) -> None:
    finding = term("MT-TERM-CHANGED", "error")
    assert calibrated(finding, CAL, overrides) is finding


def test_unknown_names_are_engine_artefacts_but_unknown_lowercase_words_are_not() -> None:
    unknown = ARTEFACTS["unknown_name"]

    def word(w: str) -> Finding:
        return Finding(
            kind="unknown_word", rule="MT-UNKNOWN-WORD", severity="warning", message="m", details={"word": w}
        )

    assert unknown(word("Lindqvist")) and unknown(word("COVID-19"))
    assert not unknown(word("harbour"))


def test_calibrate_touches_sentence_and_document_findings() -> None:
    noisy = Finding(kind="rule", rule="MT-NOISY", severity="warning", message="m", sentence=0)
    awkward = Finding(kind="awkward_phrasing", rule="MT-AWKWARD-SPAN", severity="warning", message="m")
    sentences = (SentenceResult(index=0, text="One.", start=0, end=4, findings=(noisy, awkward)),)
    out, loose = calibrate(sentences, (awkward,), CAL, {})
    assert [f.severity for f in out[0].findings] == ["info"]
    assert [f.severity for f in loose] == ["info"]
    assert calibrate(sentences, (), None, {}) == (sentences, ())


def test_shipped_calibration_files_load_and_name_known_filters() -> None:
    for engine in ("apertium", "marian", "ctranslate2"):
        cal = load_calibration(engine)
        assert cal is not None and cal.measured.get("date")
        assert cal.artefacts <= set(ARTEFACTS)
    assert load_calibration("none") is None and load_calibration("no-such-engine") is None
    apertium = load_calibration("apertium")
    assert apertium is not None and apertium.ceilings["awkward_phrasing"] == "info"


def test_calibration_setting_is_validated(tmp_path: Path) -> None:
    assert Settings(calibration="none").validate().calibration == "none"
    with pytest.raises(UsageError):
        Settings(calibration="").validate()
    for value in ("../etc/passwd", str(tmp_path / "absent.toml"), "no-such-engine"):
        with pytest.raises(MtcheckError) as caught:
            validate_settings(Settings(calibration=value))
        assert caught.value.setting == "calibration" and "\n" not in str(caught.value)


def test_resolve_calibration() -> None:
    assert resolve_calibration("none", "apertium") is None
    assert resolve_calibration("auto", "none") is None  # an engine without a file: raw severities
    auto = resolve_calibration("auto", "apertium")
    assert auto is not None and auto == load_calibration("apertium")
    named = resolve_calibration("marian", "apertium")
    assert named is not None and named.engine == "marian"


def test_a_user_calibration_file_loads_like_the_shipped_ones(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        '[ceiling]\n"MT-TERM-CHANGED" = "off"\nawkward_phrasing = "warning"\n'
        '[floor]\n"MT-TERM-LOST" = "error"\n[artefacts]\nfilters = ["case_only"]\n',
        encoding="utf-8",
    )
    mine = resolve_calibration(str(path), "apertium")
    assert mine is not None and mine.engine == str(path)
    assert mine.ceilings == {"MT-TERM-CHANGED": "off", "awkward_phrasing": "warning"}
    assert mine.floors == {"MT-TERM-LOST": "error"} and mine.artefacts == frozenset({"case_only"})
    assert calibrated(term("MT-TERM-CHANGED", "warning"), mine, {}) is None
    lost = calibrated(term("MT-TERM-LOST", "info"), mine, {})
    assert lost is not None and lost.severity == "error"


def test_the_pipeline_takes_a_user_calibration_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[ceiling]\n"MT-UNBALANCED-QUOTES" = "off"\n', encoding="utf-8")
    found = _severities(tmp_path, calibration=str(path))
    assert "MT-UNBALANCED-QUOTES" not in found  # switched off by the user's file
    assert found["MT-AWKWARD-SENTENCE"] & {"warning", "error"}  # the file says nothing of it: raw
    path.write_text('[ceiling]\n"MT-UNBALANCED-QUOTES" = "lowdown"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        _severities(tmp_path, calibration=str(path))
    assert caught.value.setting == "calibration" and "mine.toml" in str(caught.value)


class UnrelatedEngine:
    """A fake engine whose round trip has nothing in common with the original: every sentence is awkward."""

    name = "fake"

    def translate(self, texts: Any, src: str, tgt: str, *, model: Any = None, progress: Any = None) -> list[str]:
        return ["Nobody said anything about it yesterday." for _ in texts]

    def models(self) -> list[Any]:
        return []

    def decoding(self) -> dict[str, Any]:
        return {}

    def cache_key(self, src: str, tgt: str, *, model: str | None = None) -> str:
        return "fake"


ARTICLE = 'The harbour bridge will close for two years, the council said on Monday.\n\nShe called it "a disaster.\n'


def _severities(tmp_path: Path, **settings: Any) -> dict[str, set[str]]:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    base = Settings(engine="apertium", language="en", pivots=("es",), cache=False)
    report = mtcheck.check(path, settings=base.with_(**settings), engine=UnrelatedEngine())  # type: ignore[arg-type]
    found: dict[str, set[str]] = {}
    for f in report.all_findings():
        found.setdefault(f.rule_id, set()).add(f.severity)
    return found


def test_pipeline_applies_the_engines_calibration_and_overrides_win(tmp_path: Path) -> None:
    raw = _severities(tmp_path, calibration="none")
    assert raw["MT-AWKWARD-SENTENCE"] & {"warning", "error"}  # what the check proposes
    calibrated_ = _severities(tmp_path)
    assert calibrated_["MT-AWKWARD-SENTENCE"] == {"info"}  # at chance with apertium: info
    assert calibrated_["MT-UNBALANCED-QUOTES"] == {"warning"}  # earned its warning
    overridden = _severities(tmp_path, severities=(("awkward_phrasing", "error"),))
    assert overridden["MT-AWKWARD-SENTENCE"] == {"error"}  # the user's word wins
