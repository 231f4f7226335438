"""terminology_drift: kept / changed / lost through each pivot, inconsistencies, the term table."""

from __future__ import annotations

import pytest

from mtcheck.checks.base import CheckContext
from mtcheck.checks.terminology import TerminologyDrift, term_table
from mtcheck.config import Settings
from mtcheck.results import Finding, PivotResult, Scores, SentenceResult

# (original, {pivot language: (pivot text, round trip)})
Doc = list[tuple[str, dict[str, tuple[str, str]]]]


def make_ctx(doc: Doc, settings: Settings | None = None) -> CheckContext:
    text, sentences = "", []
    for i, (original, pivots) in enumerate(doc):
        start = len(text)
        text += original + " "
        results = tuple(PivotResult(lang, p, rt, Scores(60.0, 30.0, 40.0)) for lang, (p, rt) in pivots.items())
        sentences.append(SentenceResult(i, original, start, start + len(original), results))
    return CheckContext(text, "en", tuple(sentences), settings or Settings())


def run(ctx: CheckContext) -> list[Finding]:
    found = list(TerminologyDrift().run(ctx))
    for f in found:
        assert f.kind == "terminology_drift"
        assert ctx.text[f.start : f.end] == f.text
    return found


DRIFT = [
    # original, round trip, expected (rule, term, status, became, severity)
    ("NATO met in Hanoi.", "NATO met in Hanoi.", []),
    ("NATO met in Hanoi.", "Nato met in Hanoi.", []),  # case only
    ("Putin met Kim Jong Un.", "Putin met Kim Jong-un.", []),  # hyphenation only
    ("He thanked the Kremlin.", "He thanked the Kremlin's staff.", []),  # possessive only
    ("It cost 12,000 euros.", "It cost 12000 EUR.", []),  # same number, another unit spelling
    ("He met the UN chief.", "He met the chief.", [("MT-TERM-LOST", "UN", "lost", "", "warning")]),
    ("He saw North Korean missiles.", "He saw missiles North Koreans.", []),  # moved and inflected
    ("He saw the US envoy.", "He saw the USA envoy.", [("MT-TERM-CHANGED", "US", "changed", "USA", "info")]),
    ("They walked 5 km.", "They walked 6 km.", [("MT-TERM-CHANGED", "5 km", "changed", "6 km", "warning")]),
    ("He visited the Kremlin.", "He visited the Kreml.", [("MT-TERM-CHANGED", "Kremlin", "changed", "Kreml", "info")]),
    (
        "He visited North Korea.",
        "He visited Pyongyang.",
        [("MT-TERM-CHANGED", "North Korea", "changed", "Pyongyang", "warning")],
    ),
    (
        'He called it a "lonely bromance".',
        'He called it a "lonely friendship".',
        [("MT-TERM-CHANGED", "lonely bromance", "changed", "lonely friendship", "info")],
    ),
    (
        "It was on 18 June 2024.",
        "It was on 19 June 2024.",
        [("MT-TERM-CHANGED", "18 June 2024", "changed", "19 June 2024", "warning")],
    ),
    ("A two-day visit.", "A visit.", [("MT-TERM-LOST", "two-day", "lost", "", "warning")]),
]


@pytest.mark.parametrize(("original", "roundtrip", "expected"), DRIFT)
def test_drift_through_one_pivot(original: str, roundtrip: str, expected: list[tuple[str, str, str, str, str]]) -> None:
    found = run(make_ctx([("Intro.", {}), (original, {"de": ("<de>", roundtrip)})]))
    got = [(f.rule, f.details["term"], f.details["status"], f.details["became"], f.severity) for f in found]
    assert got == expected
    for f in found:
        assert f.sentence == 1 and f.details["pivot"] == "de"


def test_no_pivots_no_findings() -> None:
    assert run(make_ctx([("He met the UN chief in Hanoi.", {})])) == []


@pytest.mark.parametrize(
    ("fr_roundtrip", "severity", "agreement"),
    [
        ("He met the chief.", "error", 2),  # lost through both pivots: one level up
        ("He met the UN chief.", "info", 1),  # lost through one of two: one level down
    ],
)
def test_several_pivots(fr_roundtrip: str, severity: str, agreement: int) -> None:
    ctx = make_ctx([("He met the UN chief.", {"de": ("<de>", "He met the chief."), "fr": ("<fr>", fr_roundtrip)})])
    (f,) = run(ctx)
    assert (f.severity, f.details["agreement"], f.details["of_pivots"]) == (severity, agreement, 2)
    assert f.details["statuses"]["de"] == "lost"


def test_inconsistent_rendering_in_the_pivot_text() -> None:
    doc: Doc = [
        ("Kim Jong Un spoke.", {"de": ("Kim Jong Un sprach.", "Kim Jong Un spoke.")}),
        ("Later Kim Jong Un left.", {"de": ("Später ging Kim Jong Un.", "Later Kim Jong Un left.")}),
        ("Then Kim Jong Un smiled.", {"de": ("Dann lächelte Kim Dschong Un.", "Then Kim Jong Un smiled.")}),
    ]
    found = run(make_ctx(doc))
    assert [(f.rule, f.sentence, f.details["became"], f.details["layer"]) for f in found] == [
        ("MT-TERM-INCONSISTENT", 2, "Kim Dschong Un", "pivot")
    ]
    assert found[0].details["renderings"] == {"Kim Jong Un": 2, "Kim Dschong Un": 1}


def test_spelling_variants_in_the_pivot_are_consistent() -> None:
    doc: Doc = [
        ("North Korea agreed.", {"de": ("Nordkorea stimmte zu.", "North Korea agreed.")}),
        ("He flew to North Korea.", {"de": ("Er flog nach Nord-Korea.", "He flew to North Korea.")}),
        ("Leaders of North Korea met.", {"de": ("Führer Nordkoreas trafen sich.", "Leaders of North Korea met.")}),
    ]
    assert run(make_ctx(doc)) == []


def test_inconsistent_round_trip_renderings() -> None:
    doc: Doc = [
        ("They met Kuleba.", {"de": ("<de>", "They met Kuleba.")}),
        ("Later the Kremlin said no.", {"de": ("<de>", "Later the Kreml said no.")}),
        ("Again the Kremlin said no.", {"de": ("<de>", "Again the Kreml said no.")}),
        ("Then the Kremlin said yes.", {"de": ("<de>", "Then Moscow said yes.")}),
    ]
    found = run(make_ctx(doc))
    inconsistent = [f for f in found if f.rule == "MT-TERM-INCONSISTENT"]
    assert [(f.sentence, f.details["became"], f.details["layer"]) for f in inconsistent] == [(3, "Moscow", "roundtrip")]
    assert len([f for f in found if f.rule == "MT-TERM-CHANGED"]) == 3


def test_term_table() -> None:
    doc: Doc = [
        ("NATO met in Hanoi.", {"de": ("NATO traf sich in Hanoi.", "NATO met in Hanoi.")}),
        ("Later NATO left Hanoi.", {"de": ("Später verließ die Nato Hanoi.", "Later the alliance left Hanoi.")}),
    ]
    rows = {r["term"]: r for r in term_table(make_ctx(doc))}
    assert set(rows) == {"NATO", "Hanoi"}
    nato = rows["NATO"]
    assert (nato["kind"], nato["occurrences"], nato["kept"], nato["changed"], nato["lost"]) == ("acronym", 2, 1, 1, 0)
    assert nato["sentences"] == [0, 1]
    assert nato["renderings"] == {"de": ["NATO", "the alliance"]}
    assert nato["pivot_renderings"] == {"de": ["NATO", "Nato"]}
    assert (rows["Hanoi"]["kept"], rows["Hanoi"]["occurrences"]) == (2, 2)


def test_term_table_without_pivots_counts_occurrences() -> None:
    rows = term_table(make_ctx([("NATO met.", {}), ("Then NATO left.", {})]))
    assert [(r["term"], r["occurrences"], r["kept"]) for r in rows] == [("NATO", 2, 0)]


def test_override_switches_a_rule_off() -> None:
    ctx = make_ctx(
        [("He met the UN chief.", {"de": ("<de>", "He met the chief.")})],
        Settings(severities=(("MT-TERM-LOST", "off"),)),
    )
    assert run(ctx) == []
