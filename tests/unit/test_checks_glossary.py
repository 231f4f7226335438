"""The glossary check: keep, forbidden, preferred, bilingual targets; where it gets the glossary."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.checks.base import CheckContext
from mtcheck.checks.glossary import GlossaryCheck, occurrences, rendered
from mtcheck.checks.glossary_file import Glossary, GlossaryEntry
from mtcheck.config import Settings
from mtcheck.results import Finding, PivotResult, Scores, SentenceResult

TEXT = "Intro line. The dictator Kim Jong Un signed a pact with the DPRK on Tuesday."
S1 = (12, len(TEXT))


def ctx_for(
    entries: list[GlossaryEntry],
    pivots: dict[str, tuple[str, str]] | None = None,
    language: str = "en",
    **settings: object,
) -> CheckContext:
    results = tuple(PivotResult(lang, p, rt, Scores(50.0, 20.0, 50.0)) for lang, (p, rt) in (pivots or {}).items())
    sentences = (SentenceResult(0, TEXT[:11], 0, 11), SentenceResult(1, TEXT[S1[0] :], S1[0], S1[1], results))
    glossary = Glossary("g.csv", tuple(entries))
    return CheckContext(TEXT, language, sentences, Settings(**settings), {"glossary": glossary})  # type: ignore[arg-type]


def run(ctx: CheckContext) -> list[Finding]:
    found = list(GlossaryCheck().run(ctx))
    for f in found:
        assert f.kind == "glossary" and ctx.text[f.start : f.end] == f.text
    return found


def test_forbidden_term_is_an_error_with_the_replacement() -> None:
    (f,) = run(ctx_for([GlossaryEntry("dictator", "forbidden", replacement="leader", note="house style")]))
    assert (f.rule, f.severity, f.text, f.sentence) == ("MT-GLOSSARY-FORBIDDEN", "error", "dictator", 1)
    assert f.details["replacement"] == "leader" and f.details["note"] == "house style"
    assert "use 'leader'" in f.message


def test_forbidden_matches_whole_words_case_insensitively() -> None:
    assert [f.text for f in run(ctx_for([GlossaryEntry("DICTATOR", "forbidden")]))] == ["dictator"]
    assert run(ctx_for([GlossaryEntry("dict", "forbidden")])) == []


def test_preferred_flags_listed_variants() -> None:
    (f,) = run(ctx_for([GlossaryEntry("North Korea", "preferred", variants=("DPRK", "Democratic People's Republic"))]))
    assert (f.rule, f.severity, f.text) == ("MT-GLOSSARY-PREFERRED", "warning", "DPRK")
    assert f.details["replacement"] == "North Korea"


KEEP = [
    # round trip, expected (result, became) or None when kept
    ("The dictator Kim Jong Un signed a pact with the DPRK on Tuesday.", None),
    ("The dictator Kim Jong-un signed a pact with North Korea on Tuesday.", None),
    ("The dictator Kim signed a pact with North Korea on Tuesday.", ("changed", "Kim")),
    ("The dictator signed a pact with North Korea on Tuesday.", ("lost", "")),
]


@pytest.mark.parametrize(("roundtrip", "expected"), KEEP)
def test_keep_terms_must_survive_the_round_trip(roundtrip: str, expected: tuple[str, str] | None) -> None:
    found = run(ctx_for([GlossaryEntry("Kim Jong Un", "keep")], {"de": ("<de>", roundtrip)}))
    if expected is None:
        assert found == []
    else:
        (f,) = found
        assert (f.rule, f.severity, f.text) == ("MT-GLOSSARY-KEEP", "error", "Kim Jong Un")
        assert (f.details["result"], f.details["became"], f.details["pivot"]) == (*expected, "de")


def test_keep_without_round_trip_says_nothing() -> None:
    assert run(ctx_for([GlossaryEntry("Kim Jong Un", "keep")])) == []


@pytest.mark.parametrize(
    ("pivot_text", "flagged"),
    [
        ("Der Diktator Kim Jong Un unterzeichnete einen Vertrag mit der DVRK.", False),
        ("Der Diktator Kim Jong Un unterzeichnete das Vertragswerk.", True),  # too far from the term
        ("Kim Jong Un unterzeichnete den Pakt des Vertrages.", False),  # inflected
        ("Der Diktator Kim Jong Un unterzeichnete einen Pakt mit der DVRK.", True),
    ],
)
def test_bilingual_term_must_appear_in_the_pivot_text(pivot_text: str, flagged: bool) -> None:
    entry = GlossaryEntry("pact", "preferred", language="en", translations={"de": ("Vertrag",), "fr": ("traité",)})
    found = run(ctx_for([entry], {"de": (pivot_text, "irrelevant")}))
    assert [(f.rule, f.text, f.details["pivot"]) for f in found] == (
        [("MT-GLOSSARY-TARGET", "pact", "de")] if flagged else []
    )


def test_entries_for_another_language_are_ignored() -> None:
    assert run(ctx_for([GlossaryEntry("dictator", "forbidden", language="de")])) == []


def test_no_glossary_no_findings() -> None:
    ctx = CheckContext(TEXT, "en", (), Settings())
    assert list(GlossaryCheck().run(ctx)) == []


def test_falls_back_to_the_settings_path(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("term,status,replacement\ndictator,forbidden,leader\n", encoding="utf-8")
    ctx = CheckContext(TEXT, "en", (), Settings(glossary=path))
    assert [f.text for f in GlossaryCheck().run(ctx)] == ["dictator"]


def test_override_downgrades_a_glossary_rule() -> None:
    ctx = ctx_for([GlossaryEntry("dictator", "forbidden")], severities=(("MT-GLOSSARY-FORBIDDEN", "warning"),))
    assert [f.severity for f in run(ctx)] == ["warning"]


@pytest.mark.parametrize(
    ("text", "term", "spans"),
    [
        ("North  Korea and north\nkorea", "North Korea", [(0, 12), (17, 28)]),
        ("Koreans", "Korea", []),
        ("a.b and a.b", "a.b", [(0, 3), (8, 11)]),
        ("anything", "   ", []),
    ],
)
def test_occurrences(text: str, term: str, spans: list[tuple[int, int]]) -> None:
    assert list(occurrences(text, term)) == spans


def test_rendered_allows_short_inflections_only() -> None:
    assert rendered("Vertrag", "des Vertrages")
    assert not rendered("Vertrag", "die Vertragsverhandlungen")
    assert not rendered("EU", "EUropa")
