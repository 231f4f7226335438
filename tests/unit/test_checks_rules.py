"""The data-driven rules: every rule's own example fires, its counter-example does not; kinds in detail."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.checks.base import CheckContext
from mtcheck.checks.rules import KIND_RUNNERS, LanguageRules, run_rule
from mtcheck.checks.ruleset import KINDS, Rule, function_words, load_rules, rule_languages
from mtcheck.config import Settings
from mtcheck.results import Finding, SentenceResult

DOCS = Path(__file__).resolve().parents[2] / "docs" / "findings.md"


def every_rule() -> list[tuple[str, Rule]]:
    """(language to test in, rule) for every rule of every file; common rules are tested in English."""
    pairs = [("en", r) for r in load_rules("en").rules if r.language == "common"]
    for lang in rule_languages():
        pairs += [(lang, r) for r in load_rules(lang).rules if r.language == lang]
    return pairs


RULES = every_rule()
IDS = [f"{lang}:{rule.id}" for lang, rule in RULES]


def findings(text: str, language: str, sentences: tuple[SentenceResult, ...] = (), **settings: object) -> list[Finding]:
    ctx = CheckContext(text, language, sentences, Settings(**settings))  # type: ignore[arg-type]
    found = list(LanguageRules().run(ctx))
    for f in found:
        assert text[f.start : f.end] == f.text
        assert f.kind == "rule" and f.rule
    return found


def test_there_are_rule_files_for_the_main_languages() -> None:
    assert {"en", "de", "fr", "es"} <= set(rule_languages())
    for lang in ("en", "de", "fr", "es"):
        assert len(function_words(lang)) > 30


@pytest.mark.parametrize(("language", "rule"), RULES, ids=IDS)
def test_example_fires_and_ok_does_not(language: str, rule: Rule) -> None:
    rs = load_rules(language)
    example = run_rule(rule, rs, CheckContext(rule.example, language, (), Settings()))
    assert example, f"{rule.id} does not flag its own example"
    assert all(f.rule == rule.id and f.severity == rule.severity for f in example)
    assert run_rule(rule, rs, CheckContext(rule.ok, language, (), Settings())) == []


@pytest.mark.parametrize(("language", "rule"), RULES, ids=IDS)
def test_rule_is_documented(language: str, rule: Rule) -> None:
    assert rule.kind in KINDS and rule.kind in KIND_RUNNERS
    assert rule.doc.strip() and rule.message.strip()
    assert f"`{rule.id}`" in DOCS.read_text(encoding="utf-8"), f"{rule.id} missing from docs/findings.md"


def test_rule_ids_are_unique_within_a_language() -> None:
    for lang in rule_languages():
        ids = [r.id for r in load_rules(lang).rules]
        assert len(ids) == len(set(ids))


KIND_CASES = [
    # text, language, expected (rule id, flagged text)
    ("It was was a test.", "en", [("MT-DOUBLED-WORD", "was was")]),
    ("What it is is a puzzle.", "en", []),
    ("The The visit.", "en", [("MT-DOUBLED-WORD", "The The")]),
    # reduplicated names are not doubled words: both copies capitalised, not a function word
    ("The writer Fang Fang kept a diary; Li Li read it.", "en", []),
    ("They flew to Bora Bora and then to Walla Walla.", "en", []),
    ("A spa in Baden-Baden.", "de", []),
    ("Fang fang wrote it.", "en", [("MT-DOUBLED-WORD", "Fang fang")]),  # a lower-case copy is a doubling
    ("It is the the best, and it was was too.", "en", [("MT-DOUBLED-WORD", "the the"), ("MT-DOUBLED-WORD", "was was")]),
    ("IT IT was broken.", "en", [("MT-DOUBLED-WORD", "IT IT")]),  # all capitals: not a name
    ("Er sah Ein Ein Haus.", "de", [("MT-DOUBLED-WORD", "Ein Ein")]),  # a function word, capitalised
    ("Wir wissen, dass sie sie kennt.", "de", []),
    ("Nous nous sommes vus.", "fr", []),
    ("Page 10 10 times.", "en", []),
    ("end of line\nline two", "en", []),
    ('He said "yes" and "no".', "en", []),
    ('He said "yes and left.', "en", [("MT-UNBALANCED-QUOTES", '"')]),
    ("He said “yes” and „ja“.", "en", []),
    ("Er sagte „ja“ und »nein«.", "de", []),
    ("Er sagte „ja und ging.", "de", [("MT-UNBALANCED-QUOTES", "„")]),
    ("Il a dit « oui » puis « non.", "fr", [("MT-UNBALANCED-QUOTES", "«")]),
    ("He said yes” and left.", "en", [("MT-UNBALANCED-QUOTES", "”")]),
    (
        'A quote "opens here\nand closes" on the next line.',
        "en",
        [("MT-UNBALANCED-QUOTES", '"'), ("MT-UNBALANCED-QUOTES", '"')],
    ),
    ("It's Putin’s visit.", "en", []),
    ("Talks (in Hanoi [and Hue]) ended.", "en", []),
    ("Talks (in Hanoi] ended.", "en", [("MT-UNBALANCED-BRACKETS", "("), ("MT-UNBALANCED-BRACKETS", "]")]),
    ("Talks in Hanoi) ended.", "en", [("MT-UNBALANCED-BRACKETS", ")")]),
    ("He left. the talks ended.", "en", [("MT-LOWERCASE-START", "the")]),
    ("He left etc. and more.", "en", []),
    ("He bought an iPhone. eBay sold it.", "en", []),
    ("Er kam z.B. am Montag. dann ging er.", "de", [("MT-LOWERCASE-START", "dann")]),
    ("Es war der 3. platz.", "de", []),
    ("He left... and came back.", "en", []),
    ("Putin met Kim and.", "en", [("MT-DANGLING-WORD", "and")]),
    ("Was it for the?", "en", []),
    ("Putin und Kim met.", "en", [("MT-LEFTOVER-WORD", "und")]),
    ("Putin and Kim met der leader.", "en", [("MT-LEFTOVER-WORD", "der")]),
    ("Ursula von der Leyen and Vincent van Gogh met.", "en", []),
    ("Smith et al. found it à la carte.", "en", []),
    ("Why did they die? The war was long.", "en", []),
    ("Putin traf Kim the leader.", "de", [("MT-LEFTOVER-WORD", "the")]),
    ("Der Hund war was er war, so also.", "de", []),
    ("Poutine est venu hier avec Kim.", "fr", []),
    ("Poutine und Kim.", "fr", [("MT-LEFTOVER-WORD", "und")]),
    ("Putin y Kim con el presidente.", "es", []),
    ("Putin und Kim.", "es", [("MT-LEFTOVER-WORD", "und")]),
]


@pytest.mark.parametrize(("text", "language", "expected"), KIND_CASES)
def test_kinds(text: str, language: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.rule, f.text) for f in findings(text, language)] == expected


def test_long_sentence_uses_sentences_and_inner_punctuation() -> None:
    long = " ".join(["word"] * 45) + "."
    with_comma = " ".join(["word"] * 20) + ", " + " ".join(["word"] * 25) + "."
    text = f"Short one. {long} {with_comma}"
    starts = [0, 11, 12 + len(long)]
    ends = [10, 11 + len(long), len(text)]
    sentences = tuple(SentenceResult(i, text[s:e], s, e) for i, (s, e) in enumerate(zip(starts, ends, strict=True)))
    found = [f for f in findings(text, "en", sentences) if f.rule == "MT-LONG-SENTENCE"]
    assert [(f.start, f.end, f.sentence) for f in found] == [(11, 11 + len(long), 1)]
    assert "45 words" in found[0].message


def test_findings_attach_to_their_sentence() -> None:
    text = "Fine here. It was was bad."
    sentences = (SentenceResult(0, "Fine here.", 0, 10), SentenceResult(1, "It was was bad.", 11, 26))
    (f,) = findings(text, "en", sentences)
    assert f.sentence == 1


def test_message_fills_in_the_match_and_language() -> None:
    (f,) = findings("Putin und Kim met.", "en")
    assert f.message == "Untranslated German word: 'und'"
    (f,) = findings("Putin met the the leader.", "en")
    assert f.message == "Doubled word: 'the the'"


def test_suggestion_and_documentation_travel_in_details() -> None:
    (f,) = findings("She has lived here since three years.", "en")
    assert f.rule == "EN-CALQUE-SINCE-DURATION"
    assert f.details["suggestion"].startswith("for")
    assert "seit" in f.details["rule_doc"]


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ((), ["warning"]),
        ((("MT-DOUBLED-WORD", "error"),), ["error"]),
        ((("rule", "info"),), ["info"]),
        ((("MT-DOUBLED-WORD", "off"),), []),
    ],
)
def test_severity_overrides(overrides: tuple[tuple[str, str], ...], expected: list[str]) -> None:
    assert [f.severity for f in findings("It was was here.", "en", severities=overrides)] == expected


def test_language_without_rule_file_gets_the_common_rules() -> None:
    found = findings("È è un test (aperto.", "it")
    assert {f.rule for f in found} == {"MT-DOUBLED-WORD", "MT-UNBALANCED-BRACKETS"}


def test_empty_text_is_fine() -> None:
    assert findings("", "en") == []


SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# English MT calques: (text, expected (rule id, flagged text)); near misses in good English expect nothing.
CALQUE_CASES = [
    ("The bridge is in a bad state since years.", [("EN-CALQUE-SINCE-DURATION", "since years")]),
    ("They have waited since decades.", [("EN-CALQUE-SINCE-DURATION", "since decades")]),
    ("Since years of drought have ruined the farms, prices rose.", []),
    ("Since three years have passed, the case is closed.", []),
    ("It has been closed since last year.", []),
    ("They accused the mayor to have lied.", [("EN-CALQUE-ACCUSE-TO-HAVE", "accused the mayor to have")]),
    ("She blamed the council to have waited.", [("EN-CALQUE-ACCUSE-TO-HAVE", "blamed the council to have")]),
    ("The men he accused wanted to have a trial.", []),
    ("The mayor was accused of having lied.", []),
    (
        "The verdict will fall on Monday.",
        [("EN-CALQUE-DECISION-FALLS", "verdict will fall on Monday")],
    ),
    ("The decision fell to the committee.", []),
    ("The decision on whether prices fall in January is due.", []),
    ("Already in 2019 the bridge was closed.", [("EN-CALQUE-ALREADY-IN-TIME", "Already in 2019")]),
    ("It rained. Already last year the road flooded.", [("EN-CALQUE-ALREADY-IN-TIME", "Already last year")]),
    ("Already in debt, the city borrowed more.", []),
    ("Criticism comes from the unions.", [("EN-CALQUE-CRITICISM-COMES-FROM", "Criticism comes from")]),
    ("Criticism came from all sides.", []),
    ("Most of the money comes from the state.", []),
    ("On the one side, it is cheap.", [("EN-CALQUE-ON-THE-ONE-SIDE", "On the one side")]),
    ("The ferry stops on the one side of the river.", []),
    ("It is about the future of the port.", [("EN-CALQUE-IT-IS-ABOUT", "It is about")]),
    ("It is about 5 km long, and it's about time.", []),
    ("Buses run on the lines 4, 7 and 9.", [("EN-CALQUE-THE-NUMBERED-LINES", "the lines 4, 7 and 9")]),
    ("Buses run on lines 4, 7 and 9; see the lines 1 to 5.", []),
    (
        "He met the poet, who died in 1990, in 1985.",
        [("EN-ORDER-DATE-AFTER-RELATIVE", "who died in 1990, in 1985")],
    ),
    ("In 1985, he met the poet, who died in 1990, in Paris.", []),
    ("The nurses will become more money.", [("EN-CALQUE-BECOME-GET", "become more money")]),
    ("She became a teacher; it became the main source of funding.", []),
    ("According to data from the ministry, exports rose.", []),
    ("According to estimates of the death toll, hundreds died.", []),
    ("This could give the impression of a deal.", []),
]


@pytest.mark.parametrize(("text", "expected"), CALQUE_CASES)
def test_english_calques_and_near_misses(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.rule, f.text) for f in findings(text, "en")] == expected


def test_human_english_seed_gets_no_rule_finding_above_info() -> None:
    text = (SEEDS / "library-opening-human.md").read_text(encoding="utf-8")
    assert [(f.rule, f.text) for f in findings(text, "en") if f.severity != "info"] == []


HARBOUR_WARNINGS = [
    ("EN-CALQUE-ACCORDING-TO-X-OF", "according to estimates of the building authority"),
    ("EN-CALQUE-SINCE-DURATION", "since years"),
    ("EN-CALQUE-ALREADY-IN-TIME", "Already in 2019"),
    ("EN-CALQUE-THE-NUMBERED-LINES", "the lines 11 and 32"),
    ("EN-CALQUE-CRITICISM-COMES-FROM", "Criticism comes from"),
    ("EN-CALQUE-ACCUSE-TO-HAVE", "accused the administration to have"),
    ("EN-CALQUE-DECISION-FALLS", "decision about this should fall in February"),
]


def test_calqued_seed_gets_its_calques_flagged_as_warnings() -> None:
    text = (SEEDS / "harbour-bridge-mt.txt").read_text(encoding="utf-8")
    assert [(f.rule, f.text) for f in findings(text, "en") if f.severity == "warning"] == HARBOUR_WARNINGS


def test_rule_findings_carry_what_the_round_trip_made_of_the_span() -> None:
    from mtcheck.results import PivotResult, Scores

    text = "Intro. The bridge is bad since years."
    rt = PivotResult("es", "<es>", "The bridge is bad from years.", Scores(80.0, 0.0, 0.0))
    sentences = (SentenceResult(0, "Intro.", 0, 6), SentenceResult(1, text[7:], 7, len(text), (rt,)))
    (f,) = findings(text, "en", sentences)
    assert f.text == "since years" and f.details["counterparts"] == {"es": "from years"}
    (g,) = findings(text, "en")  # no round trip: no evidence
    assert "counterparts" not in g.details
