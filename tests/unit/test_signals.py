"""New model-free signals (checks/signals.py) and the sentence risk (checks/risk.py)."""

from __future__ import annotations

import pytest

from mtcheck.checks.base import CheckContext
from mtcheck.checks.risk import sentence_risk, with_risk
from mtcheck.checks.rules import LanguageRules
from mtcheck.config import Settings
from mtcheck.results import Finding, SentenceResult


def flagged(text: str, language: str = "en") -> list[tuple[str, str]]:
    found = LanguageRules().run(CheckContext(text, language, (), Settings()))
    return [(f.rule or "", f.text or "") for f in found]


CASES = [
    # text, language, expected (rule, text) pairs among the findings, pairs that must not be there
    ("Zheng Yonggang - 经济观察网 - died.", "en", [("MT-FOREIGN-SCRIPT", "经济观察网")], []),
    ("Moscow (Москва) is big.", "en", [("MT-FOREIGN-SCRIPT", "Москва")], []),
    ("The dose was 5 μg.", "en", [], ["MT-FOREIGN-SCRIPT"]),
    ("这是中文。", "zh", [], ["MT-FOREIGN-SCRIPT"]),  # a language without a declared script is not checked
    ("Die Stadt heißt Κέρκυρα.", "de", [("MT-FOREIGN-SCRIPT", "Κέρκυρα")], []),
    ("He visited Bern, Bern, Bern, Bern.", "en", [("MT-REPETITION-LOOP", "Bern, Bern, Bern, Bern")], []),
    (
        "the country, the country, the country.",
        "en",
        [("MT-REPETITION-LOOP", "the country, the country, the country")],
        [],
    ),
    ("It was very, very cold.", "en", [], ["MT-REPETITION-LOOP"]),
    ("President Zelensky spoke. Zelensky left. Zelenskyy returned.", "en", [("MT-NAME-VARIANT", "Zelenskyy")], []),
    ("He met Zelensky. Zelenskyy returned.", "en", [("MT-NAME-VARIANT", "Zelenskyy")], []),
    # words that only open sentences are not names: There / Three, Whose / Whole, These / Those
    ("There is a cat. There it sat. Three men came.", "en", [], ["MT-NAME-VARIANT"]),
    ("Whose is it? Whose idea? Whole days passed.", "en", [], ["MT-NAME-VARIANT"]),
    ("These Chinese firms grew. Those Chinese firms grew. Those Chinese men left.", "en", [], ["MT-NAME-VARIANT"]),
    ("I'm here. I'm there. I've seen It's end.", "en", [], ["MT-NAME-VARIANT"]),
    ("Xi Jinping met Xi Jin-ping. Xi Jinping left.", "en", [("MT-NAME-VARIANT", "Xi Jin-ping")], []),
    ("Korea and Korean firms; China and Chinas.", "en", [], ["MT-NAME-VARIANT"]),
    ("It ended on Tuesday , he said .", "en", [("EN-SPACE-BEFORE-PUNCT", " ,"), ("EN-SPACE-BEFORE-PUNCT", " .")], []),
    ("He said，no。", "en", [("MT-FULLWIDTH-PUNCT", "，"), ("MT-FULLWIDTH-PUNCT", "。")], []),
    # a dash written as a hyphen between two clauses
    ("The river froze-this was the third time.", "en", [("EN-HYPHEN-AS-DASH", "froze-this")], []),
    ("Two comets passed-each of them was bright.", "en", [("EN-HYPHEN-AS-DASH", "passed-each")], []),
    ("Prices matter-for example, bread doubled.", "en", [("EN-HYPHEN-AS-DASH", "matter-for")], []),
    ("A pointed-to file and a one-for-one swap, as-if it were new.", "en", [], ["EN-HYPHEN-AS-DASH"]),
    ("A well-known, long-term plan; a drive-in and a break-even price.", "en", [], ["EN-HYPHEN-AS-DASH"]),
    ("My mother-in-law sent a thank-you card and a post-it.", "en", [], ["EN-HYPHEN-AS-DASH"]),
    ("Moon Jae-in met Kim Jong-un.", "en", [], ["EN-HYPHEN-AS-DASH"]),
    # a capitalised function word in mid-sentence
    ("The farmers sold their grain The harvest was poor.", "en", [("MT-MIDSENTENCE-CAPITAL", "The")], []),
    ("Trade grew in Lagos In the dry season, exports rose.", "en", [("MT-MIDSENTENCE-CAPITAL", "In")], []),
    ("They measured the pressure; Their results were odd.", "en", [("MT-MIDSENTENCE-CAPITAL", "Their")], []),
    ("She read The Guardian and a book called It Ends.", "en", [], ["MT-MIDSENTENCE-CAPITAL"]),
    ("He took vitamin A every day and chose plan A again.", "en", [], ["MT-MIDSENTENCE-CAPITAL"]),
    ("o The default changed; set After=network and In: all.", "en", [], ["MT-MIDSENTENCE-CAPITAL"]),
    ("Farmers Report Record Harvest In the Northern Region", "en", [], ["MT-MIDSENTENCE-CAPITAL"]),
    ("It was the the best year.", "en", [], ["MT-MIDSENTENCE-CAPITAL"]),
    ("The dam was built in 1962. The lake filled.", "en", [], ["MT-MIDSENTENCE-CAPITAL"]),
    ("The software is provided as-is without warranty; use the if-then rule.", "en", [], ["EN-HYPHEN-AS-DASH"]),
    ("Use 'eval-when' and xsl:value-of in (install-here) targets.", "en", [], ["EN-HYPHEN-AS-DASH"]),
    # a number of four digits or more before a counted noun, without thousands separators
    (
        "The loan runs for 7300 days at a cost of 2600 euros.",
        "en",
        [("EN-NUMBER-NO-SEPARATOR", "7300"), ("EN-NUMBER-NO-SEPARATOR", "2600")],
        [],
    ),
    (
        "The glacier is 250000 years old and 3400 kilometres long.",
        "en",
        [("EN-NUMBER-NO-SEPARATOR", "250000"), ("EN-NUMBER-NO-SEPARATOR", "3400")],
        [],
    ),
    ("The valley fed 12,500 people and 1,200 goats.", "en", [], ["EN-NUMBER-NO-SEPARATOR"]),
    ("In 1987 farmers sold 2010 tons; by 1999 prices fell.", "en", [], ["EN-NUMBER-NO-SEPARATOR"]),
    ("See RFC 7231 pages and ISO 14001 rules; port 5432 users wait.", "en", [], ["EN-NUMBER-NO-SEPARATOR"]),
    ("Ticket No. 4711 days, bug 80321 reports and 0x1F40 bytes; 3.1416 metres.", "en", [], ["EN-NUMBER-NO-SEPARATOR"]),
    ("The 4096 bit key and a 8080 server.", "en", [], ["EN-NUMBER-NO-SEPARATOR"]),
    (
        "o The default changed, and A/B was moved; Copyright 2004, Ann Lee, All rights reserved.",
        "en",
        [],
        ["MT-MIDSENTENCE-CAPITAL"],
    ),
]


@pytest.mark.parametrize(("text", "language", "expected", "absent"), CASES)
def test_signals(text: str, language: str, expected: list[tuple[str, str]], absent: list[str]) -> None:
    got = flagged(text, language)
    for pair in expected:
        assert pair in got
    assert not [rule for rule, _ in got if rule in absent]


def test_name_variant_flags_the_rarer_spelling_only() -> None:
    got = flagged("Fang Fang wrote. Fang Fang left. Fan Fang came back.")
    assert [t for r, t in got if r == "MT-NAME-VARIANT"] == ["Fan Fang"]


def test_risk_counts_words_and_findings() -> None:
    finding = Finding(kind="rule", rule="MT-X", severity="info", message="m")
    plain = SentenceResult(index=0, text="one two three four five six seven eight nine ten", start=0, end=48)
    assert sentence_risk(plain) == 1.0
    flagged_sentence = SentenceResult(index=1, text="one two", start=0, end=7, findings=(finding, finding))
    assert sentence_risk(flagged_sentence) == 2.2
    assert [s.risk for s in with_risk((plain, flagged_sentence))] == [1.0, 2.2]


def test_midsentence_capital_needs_the_language_list() -> None:
    # the function-word list is data: a language without it gets no findings from the kind
    got = flagged("Die Bauern verkauften ihr Korn The Ernte war schlecht.", "de")
    assert not [r for r, _ in got if r == "MT-MIDSENTENCE-CAPITAL"]
