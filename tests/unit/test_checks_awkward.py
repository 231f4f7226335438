"""awkward_phrasing: spans, severities, whole sentences, several pivots, overrides."""

from __future__ import annotations

import pytest
from sacrebleu.metrics import CHRF

from mtcheck.checks.awkward import AwkwardPhrasing
from mtcheck.checks.base import CheckContext
from mtcheck.config import Settings
from mtcheck.results import Finding, PivotResult, Scores, SentenceResult

INTRO = "Headline here. "  # so that sentence offsets are not zero
SENTENCE = "The long talks in Hanoi ended on Tuesday."


def ctx_for(
    pivots: list[tuple[str, str, float | None]], settings: Settings | None = None, language: str = "en"
) -> CheckContext:
    """One sentence after an intro; pivots are (language, round trip, chrF or None to compute it)."""
    text = INTRO + SENTENCE + " Closing words."
    start = len(INTRO)
    results = tuple(
        PivotResult(
            lang,
            f"<{lang}>",
            rt,
            Scores(chrf if chrf is not None else CHRF().sentence_score(rt, [SENTENCE]).score, 0.0, 0.0),
        )
        for lang, rt, chrf in pivots
    )
    s = SentenceResult(3, SENTENCE, start, start + len(SENTENCE), results)
    return CheckContext(text, language, (s,), settings or Settings())


def run(ctx: CheckContext) -> list[Finding]:
    found = list(AwkwardPhrasing().run(ctx))
    for f in found:
        assert f.start is not None and f.end is not None
        assert ctx.text[f.start : f.end] == f.text  # offsets index the document text
        assert f.kind == "awkward_phrasing" and f.sentence == 3
    return found


def test_no_pivots_no_findings() -> None:
    assert run(ctx_for([])) == []


def test_sentence_at_or_above_threshold_is_not_flagged() -> None:
    assert run(ctx_for([("de", "The long negotiations in Hanoi ended on Tuesday.", 50.0)])) == []


@pytest.mark.parametrize(("chrf", "severity"), [(49.9, "info"), (34.0, "warning"), (19.0, "error")])
def test_span_severity_by_distance_under_threshold(chrf: float, severity: str) -> None:
    (f,) = run(ctx_for([("de", "The long negotiations in Hanoi ended on Tuesday.", chrf)]))
    assert f.rule == "MT-AWKWARD-SPAN"
    assert f.text == "talks"
    assert f.severity == severity
    assert f.details["roundtrip"] == "negotiations"
    assert f.details["op"] == "substitute"
    assert f.details["pivot"] == "de"
    assert f.details["chrf"] == pytest.approx(chrf)


def test_thresholds_come_from_settings() -> None:
    from mtcheck.config import Thresholds

    settings = Settings(thresholds=Thresholds(awkward=30.0, warning=20.0, error=10.0))
    rt = "The long negotiations in Hanoi ended on Tuesday."
    assert run(ctx_for([("de", rt, 40.0)], settings)) == []
    assert [f.severity for f in run(ctx_for([("de", rt, 25.0)], settings))] == ["info"]


@pytest.mark.parametrize(
    ("roundtrip", "expected"),
    [
        # dropped words point at the original words
        ("The talks in Hanoi ended on Tuesday.", [("long", "delete", "")]),
        # an addition points at the word it follows
        ("The long talks in Hanoi ended abruptly on Tuesday.", [("ended", "insert", "abruptly")]),
        # two separate changes: two spans
        (
            "The brief talks in Hanoi finished on Tuesday.",
            [("long", "substitute", "brief"), ("ended", "substitute", "finished")],
        ),
        # only function words and punctuation changed: no span, a whole-sentence note instead
        (
            "The long talks at Hanoi ended on Tuesday!",
            [(SENTENCE, "rewrite", "The long talks at Hanoi ended on Tuesday!")],
        ),
    ],
)
def test_span_ops(roundtrip: str, expected: list[tuple[str, str, str]]) -> None:
    found = run(ctx_for([("de", roundtrip, 40.0)]))
    assert [(f.text, f.details["op"], f.details["roundtrip"]) for f in found] == expected


def test_whole_sentence_only_when_most_of_it_is_at_fault() -> None:
    (f,) = run(ctx_for([("de", "Nobody said anything about it yesterday.", None)]))
    assert f.rule == "MT-AWKWARD-SENTENCE"
    assert f.text == SENTENCE
    assert f.severity == "error"  # the computed chrF is far under 20
    assert f.details["roundtrip"] == "Nobody said anything about it yesterday."


def test_faithful_round_trip_with_real_scores_is_clean() -> None:
    assert run(ctx_for([("de", SENTENCE, None)])) == []


SEVERAL = [
    # pivots, expected (severity, agreement, pivots)
    pytest.param(
        [
            ("de", "The long negotiations in Hanoi ended on Tuesday.", 30.0),
            ("fr", "The long discussions in Hanoi ended on Tuesday.", 30.0),
        ],
        ("error", 2, ["de", "fr"]),
        id="both-flag-the-span: one level up",
    ),
    pytest.param(
        [("de", "The long negotiations in Hanoi ended on Tuesday.", 30.0), ("fr", SENTENCE, 100.0)],
        ("info", 1, ["de"]),
        id="one-of-two: one level down",
    ),
    pytest.param(
        [
            ("de", "The long negotiations in Hanoi ended on Tuesday.", 30.0),
            ("fr", "The long meetings in Hanoi ended on Tuesday.", 80.0),
        ],
        ("error", 2, ["de", "fr"]),
        id="second-pivot-above-threshold-still-confirms-the-span",
    ),
]


@pytest.mark.parametrize(("pivots", "expected"), SEVERAL)
def test_several_pivots_rank_by_agreement(
    pivots: list[tuple[str, str, float]], expected: tuple[str, int, list[str]]
) -> None:
    (f,) = run(ctx_for(pivots))
    assert (f.severity, f.details["agreement"], f.details["pivots"]) == expected
    assert f.details["of_pivots"] == 2
    assert f.details["counterparts"]["de"] == "negotiations"


@pytest.mark.parametrize(("override", "expected"), [("error", ["error"]), ("off", []), ("bogus", ["warning"])])
def test_severity_override_by_rule_id(override: str, expected: list[str]) -> None:
    settings = Settings(severities=(("MT-AWKWARD-SPAN", override),))
    found = run(ctx_for([("de", "The long negotiations in Hanoi ended on Tuesday.", 30.0)], settings))
    assert [f.severity for f in found] == expected


def test_override_by_kind() -> None:
    settings = Settings(severities=(("awkward_phrasing", "info"),))
    found = run(ctx_for([("de", "The long negotiations in Hanoi ended on Tuesday.", 10.0)], settings))
    assert [f.severity for f in found] == ["info"]


def one_sentence(sentence: str, roundtrip: str, chrf: float = 40.0) -> CheckContext:
    text = INTRO + sentence + "\nClosing words."
    start = len(INTRO)
    pivot = PivotResult("es", "<es>", roundtrip, Scores(chrf, 0.0, 0.0))
    return CheckContext(text, "en", (SentenceResult(3, sentence, start, start + len(sentence), (pivot,)),), Settings())


NOISE = [
    # sentence, round trip, expected flagged (text, op)
    pytest.param(
        "The old harbour bridge in Kiel will close.",
        "The bridge of old port in Kiel will close.",
        [],
        id="compound reordered into 'X of Y' is word order, not loss",
    ),
    pytest.param(
        "The transport company KVG sued the faction leader.",
        "The company of transport KVG sued the leader of faction.",
        [],
        id="two reordered compounds",
    ),
    pytest.param(
        "Harbour bridge closed for months",
        "Bridge closed for months",
        [],
        id="first word of a headline dropped",
    ),
    pytest.param(
        "Harbour bridge closed for months.",
        "Bridge closed for months.",
        [("Harbour", "delete")],
        id="first word of a sentence dropped is still reported",
    ),
    pytest.param(
        "The old harbour bridge in Kiel will close.",
        "The old bridge in Kiel will shut down.",
        [("harbour", "delete"), ("close", "substitute")],
        id="real drops and replacements are still reported",
    ),
]


@pytest.mark.parametrize(("sentence", "roundtrip", "expected"), NOISE)
def test_word_order_and_headline_noise_is_not_reported(
    sentence: str, roundtrip: str, expected: list[tuple[str, str]]
) -> None:
    found = run(one_sentence(sentence, roundtrip))
    assert [(f.text, f.details["op"]) for f in found if f.rule == "MT-AWKWARD-SPAN"] == expected
