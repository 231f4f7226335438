"""bench/grammar_signal.py: reading link-parser's output back onto the sentence (hand-made output, no
binary needed; the parser's own behaviour is measured in docs/quality.md, Fourth round)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import grammar_signal as gs  # noqa: E402

ALIGN_CASES = [
    # sentence, diagram words, expected (text, null) per token
    (
        "He go to school every days.",
        ["[he]", "go.v", "to.r", "school.s", "[every]", "days.n", "."],
        [("He", True), ("go", False), ("to", False), ("school", False), ("every", True), ("days", False), (".", False)],
    ),
    (
        'I think he\'s "well-known" in the U.S. at 3:00 pm.',
        [
            "I.p",
            "think.v",
            "he",
            "'s.v",
            '"',
            "well-known.v",
            '"',
            "in.r",
            "the",
            "U.S.[!]",
            "at",
            "3:00[!]",
            "pm.ti",
            ".",
        ],
        [
            ("I", False),
            ("think", False),
            ("he", False),
            ("'s", False),
            ('"', False),
            ("well-known", False),
            ('"', False),
            ("in", False),
            ("the", False),
            ("U.S.", False),
            ("at", False),
            ("3:00", False),
            ("pm", False),
            (".", False),
        ],
    ),
    (
        "The blorfing zyx went to 1,080 days.",
        ["the", "blorfing[!].g", "zyx[?].n", "went.v-d", "[to]", "1,080[!]", "days.n", "."],
        [
            ("The", False),
            ("blorfing", False),
            ("zyx", False),
            ("went", False),
            ("to", True),
            ("1,080", False),
            ("days", False),
            (".", False),
        ],
    ),
]


@pytest.mark.parametrize(("sentence", "shown", "expected"), ALIGN_CASES)
def test_align_maps_diagram_words_to_offsets(sentence: str, shown: list[str], expected: list[tuple[str, bool]]) -> None:
    tokens = gs.align(sentence, shown)
    assert tokens is not None
    assert [(t[0], t[3]) for t in tokens] == expected
    for text, start, end, *_ in tokens:
        assert sentence[start:end] == text


def test_align_gives_up_on_a_word_not_in_the_sentence() -> None:
    assert gs.align("The cat sat.", ["the", "dog.n", "sat.v-d", "."]) is None


def test_unknown_word_mark_is_kept() -> None:
    tokens = gs.align("The zyx sat.", ["the", "zyx[?].n", "sat.v-d", "."])
    assert tokens is not None
    assert [t[4] for t in tokens] == [False, True, False, False]


def test_read_block_null_count_words_and_disjunct_costs() -> None:
    block = [
        "No complete linkages found.",
        "Found 8 linkages (8 had no P.P. violations) at null count 1",
        "\tLinkage 1, cost vector = (UNUSED=1 DIS= 1.10 LEN=10)",
        "",
        "LEFT-WALL [he] go.v .",
        "",
        "            LEFT-WALL     0.000  hWg+ Xp+",
        "                 go.v     0.900  Wg-",
        "                    .     0.000  Xp- RW+",
        "           RIGHT-WALL     0.000  RW-",
    ]
    result = gs._read_block("He go.", block)
    assert result["status"] == "ok"
    assert result["nulls"] == 1
    assert [(t[0], t[3]) for t in result["tokens"]] == [("He", True), ("go", False), (".", False)]
    assert result["tokens"][1][5] == pytest.approx(0.9)  # a cost only on linked words


def test_read_block_timeout_is_not_a_finding() -> None:
    assert gs._read_block("x", ["No complete linkages found.", "Timer is expired!"])["status"] == "timeout"
    assert gs.variant(9, "word", 40)("x", {"status": "timeout"}) == []


VARIANT_CASES = [
    ("word", [(0, 2), (16, 21)]),  # "He", "every"
    ("region", [(0, 21)]),  # "He go to school every"
    ("context", [(0, 26)]),  # one word either side: up to "days"
    ("sentence", [(0, 27)]),
]


@pytest.mark.parametrize(("span", "expected"), VARIANT_CASES)
def test_variant_spans(span: str, expected: list[tuple[int, int]]) -> None:
    sentence = "He go to school every days."
    tokens = gs.align(sentence, ["[he]", "go.v", "to.r", "school.s", "[every]", "days.n", "."])
    result = {"status": "ok", "nulls": 2, "tokens": tokens}
    assert gs.variant(2, span, 40)(sentence, result) == expected
    assert gs.variant(1, span, 40)(sentence, result) == []  # over the null-count threshold
