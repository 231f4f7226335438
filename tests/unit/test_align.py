"""Word-level alignment of a sentence with its round trip."""

from __future__ import annotations

import pytest

from mtcheck.checks.align import align, find_words, normalise, squash, tokenize

TOKENS = [
    ("Putin's visit, on 18.06.2024.", ["Putin's", "visit", ",", "on", "18.06.2024", "."]),
    ("Kim Jong-un said: «yes»", ["Kim", "Jong-un", "said", ":", "«", "yes", "»"]),
    ("3,5 % more", ["3,5", "%", "more"]),
]


@pytest.mark.parametrize(("text", "expected"), TOKENS)
def test_tokenize_keeps_offsets(text: str, expected: list[str]) -> None:
    tokens = tokenize(text)
    assert [t.text for t in tokens] == expected
    assert all(text[t.start : t.end] == t.text for t in tokens)


@pytest.mark.parametrize(
    ("word", "norm"), [("Putin", "putin"), ("“Hello”", "hello"), ("«", '"'), ("STRASSE", "strasse")]
)
def test_normalise_casefolds_and_strips_quotes(word: str, norm: str) -> None:
    assert normalise(word) == norm


CHANGES = [
    # original, round trip, expected non-equal (op, original, round-trip counterpart) that touch words
    ("The talks ended on Tuesday.", "The talks ended on Tuesday.", []),
    ("The talks ended on Tuesday.", "the talks ended on tuesday", []),  # case and punctuation only
    ("The talks ended on Tuesday.", "The negotiations ended on Tuesday.", [("substitute", "talks", "negotiations")]),
    ("The long talks ended.", "The talks ended.", [("delete", "long", "")]),
    ("The talks ended.", "The talks ended abruptly.", [("insert", "", "abruptly")]),
    ("Kim Jong Un came.", "Kim Jong-un came.", []),  # hyphenation is not a change
    ("He came on Tuesday with Kim.", "On Tuesday he came with Kim.", []),  # a moved phrase is not a change
    (
        "A lonely bromance, he said.",
        "A lonely male friendship, he said.",
        [("substitute", "bromance", "male friendship")],
    ),
    ("He will be received by Kim.", "He is received by Kim.", [("substitute", "will be", "is")]),
]


@pytest.mark.parametrize(("original", "roundtrip", "expected"), CHANGES)
def test_changed_ops(original: str, roundtrip: str, expected: list[tuple[str, str, str]]) -> None:
    al = align(original, roundtrip)
    got = [(op.op, op.original, op.roundtrip) for op in al.changed()]
    assert got == expected
    for op in al.ops:
        assert original[op.start : op.end] == op.original


def test_adjacent_changes_merge_into_one_span() -> None:
    al = align("The old man walked slowly home.", "The young woman walked home.")
    changed = al.changed()
    assert [(op.op, op.original, op.roundtrip) for op in changed] == [
        ("substitute", "old man", "young woman"),
        ("delete", "slowly", ""),
    ]


@pytest.mark.parametrize(
    ("original", "roundtrip", "span", "expected"),
    [
        ("Kremlin leader Putin arrived.", "Kremlin chief Putin arrived.", "leader", "chief"),
        ("Kremlin leader Putin arrived.", "Kremlin chief Putin arrived.", "Putin", "Putin"),
        ("Kremlin leader Putin arrived late.", "Kremlin leader Putin arrived.", "late", ""),
        ("Kremlin leader Putin arrived.", "Kremlin chief Putin arrived.", "leader Putin", "chief Putin"),
    ],
)
def test_counterpart(original: str, roundtrip: str, span: str, expected: str) -> None:
    start = original.index(span)
    assert align(original, roundtrip).counterpart(start, start + len(span)) == expected


@pytest.mark.parametrize(
    ("original", "roundtrip", "share"),
    [
        ("one two three four", "one two three four", 0.0),
        ("one two three four", "one two three five", 0.25),
        ("one two three four", "nothing like it", 1.0),
        ("", "anything", 0.0),
    ],
)
def test_changed_fraction(original: str, roundtrip: str, share: float) -> None:
    assert align(original, roundtrip).changed_fraction() == pytest.approx(share)


@pytest.mark.parametrize(
    ("words", "text", "found"),
    [
        (["Kim", "Jong", "Un"], "He met Kim Jong-un today.", "Kim Jong-un"),
        (["North", "Korea"], "in north korea", "north korea"),
        (["UN"], "under the sun", None),  # no match inside words
        (["Korea"], "Koreans", None),
        (["Kim"], "", None),
    ],
)
def test_find_words(words: list[str], text: str, found: str | None) -> None:
    tokens = tokenize(text)
    window = find_words(words, tokens)
    if found is None:
        assert window is None
    else:
        assert window is not None
        assert text[tokens[window[0]].start : tokens[window[1] - 1].end] == found


def test_squash() -> None:
    assert squash("Kim Jong-un") == squash("kim jong un") == "kimjongun"


@pytest.mark.parametrize(
    ("words", "text", "slack", "found"),
    [
        (["North", "Korean"], "the North Koreans said", 0, False),
        (["North", "Korean"], "the North Koreans said", 2, True),
        (["Korea"], "the Koreanisation", 2, False),
        (["Korea", "said"], "Koreas said", 2, False),  # only the last word may be inflected
    ],
)
def test_find_words_with_inflection_slack(words: list[str], text: str, slack: int, found: bool) -> None:
    assert (find_words(words, tokenize(text), slack) is not None) is found
