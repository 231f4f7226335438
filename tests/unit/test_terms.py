"""Term extraction: kinds, spans, and what is deliberately not a term."""

from __future__ import annotations

import pytest

from mtcheck.checks.terms import extract_terms, numbers_in

CASES = [
    # text, language, expected (kind, text) pairs (all terms, in order)
    ("Putin met Kim Jong Un in Pyongyang.", "en", [("name", "Kim Jong Un"), ("name", "Pyongyang")]),
    ("Then Putin met Kim Jong Un. Putin left.", "en", [("name", "Putin"), ("name", "Kim Jong Un"), ("name", "Putin")]),
    (
        "He praised the Democratic People's Republic of Korea.",
        "en",
        [("name", "Democratic People's Republic of Korea")],
    ),
    ("Officials met Ursula von der Leyen.", "en", [("name", "Ursula von der Leyen")]),
    ("The USA and NATO met at the UN.", "en", [("acronym", "USA"), ("acronym", "NATO"), ("acronym", "UN")]),
    ("Prices rose 3.5% to $20 million.", "en", [("number", "3.5%"), ("number", "$20 million")]),
    ("The road is 5 km long and cost 12,000 euros.", "en", [("number", "5 km"), ("number", "12,000 euros")]),
    ("He died in 2011.", "en", [("number", "2011")]),
    ("It happened on 18 June 2024 and on June 19, 2024.", "en", [("date", "18 June 2024"), ("date", "June 19, 2024")]),
    ("Das war am 18. Juni 2024.", "de", [("date", "18. Juni 2024")]),
    ("Fue el 18 de junio de 2024.", "es", [("date", "18 de junio de 2024")]),
    ("Deadline 2024-06-18.", "en", [("date", "2024-06-18")]),
    ('He called it a "lonely bromance" today.', "en", [("quote", "lonely bromance")]),
    ("Il parle d'une « visite amicale ».", "fr", [("quote", "visite amicale")]),
    (
        "A two-day visit to Stalinist-ruled North Korea.",
        "en",
        [("compound", "two-day"), ("compound", "Stalinist-ruled"), ("name", "North Korea")],
    ),
    # sentence-initial capitals are names only when the word is capitalised mid-sentence elsewhere
    ("Shortly after, he left. Several officials met.", "en", []),
    ("Pyongyang agreed. He flew to Pyongyang.", "en", [("name", "Pyongyang"), ("name", "Pyongyang")]),
    ("The Kremlin said so.", "en", [("name", "Kremlin")]),
    # a possessive is not part of the name
    ("It is Putin's second visit.", "en", [("name", "Putin")]),
    # German capitalises every noun: single capitalised words are not names there
    ("Die Regierung lobt den Besuch von Olaf Scholz.", "de", [("name", "Olaf Scholz")]),
    # long quotations are speech, not terms
    ('"We greatly appreciate the support of our friends," he said.', "en", []),
    # an all-caps headline is not a string of acronyms
    ("BREAKING NEWS\nThey met Putin.", "en", [("name", "Putin")]),
    ("I think so.", "en", []),
]


@pytest.mark.parametrize(("text", "language", "expected"), CASES)
def test_extract_terms(text: str, language: str, expected: list[tuple[str, str]]) -> None:
    terms = extract_terms(text, language)
    assert [(t.kind, t.text) for t in terms] == expected
    for t in terms:
        assert text[t.start : t.end] == t.text


def test_terms_never_overlap_and_the_longest_wins() -> None:
    text = 'The "Democratic People\'s Republic" and the run-up to 18 June 2024 in North Korea.'
    terms = extract_terms(text, "en")
    for a, b in zip(terms, terms[1:], strict=False):
        assert a.end <= b.start
    assert ("quote", "Democratic People's Republic") in [(t.kind, t.text) for t in terms]


def test_sentence_starts_from_the_segmenter_count_as_initial() -> None:
    text = "intro line Several officials met"
    assert [t.text for t in extract_terms(text, "en")] == ["Several"]
    assert extract_terms(text, "en", sentence_starts=[text.index("Several")]) == []


def test_term_key_folds_spelling() -> None:
    a, b = extract_terms("Kim Jong-un met Kim Jong Un.", "en")
    assert a.key == b.key


@pytest.mark.parametrize(
    ("text", "groups"), [("1,000.5 and 3,5", ["10005", "35"]), ("no digits", []), ("2011, 2000", ["2011", "2000"])]
)
def test_numbers_in(text: str, groups: list[str]) -> None:
    assert numbers_in(text) == groups


CONTRACTIONS = [
    # text, the names expected (pronouns and verbs in contractions are never names, wherever they stand)
    ("So I said that I'm tired, and I'm sure I've seen it; I'll go, I'd say.", []),
    ("Then It's late, and We're done. They'll come and You've seen it.", []),
    ("The film Don't Look Up was shown, but Isn't it odd? Can't say.", ["Look Up"]),
    ("I’m glad I’ve met Anna’s friend.", ["Anna"]),  # curly apostrophes; a name's possessive stays a name
    ("Later I'm meeting O'Brien and D'Angelo with Fang's sister.", ["O'Brien", "D'Angelo", "Fang"]),
    ("Then It rained and We left; Berlin stayed.", ["Berlin"]),  # a lone function word is not a name
]


@pytest.mark.parametrize(("text", "names"), CONTRACTIONS)
def test_contractions_and_pronouns_are_not_names(text: str, names: list[str]) -> None:
    assert [t.text for t in extract_terms(text, "en") if t.kind == "name"] == names
