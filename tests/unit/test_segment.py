"""Sentence segmentation: offsets, languages, abbreviations, paragraphs and the length cap."""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

import pytest

import mtcheck.segment as segment_module
from mtcheck import config
from mtcheck.document import read_document
from mtcheck.segment import segment, split_long

CASES = [
    (
        "en",
        'Dr. Smith moved to the U.S. in 2019.  He said "hi." Then he left!',
        ["Dr. Smith moved to the U.S. in 2019.", 'He said "hi."', "Then he left!"],
    ),
    (
        "en",
        "Mr. and Mrs. Brown met at 3 p.m. on Friday. Was it e.g. late? No.",
        ["Mr. and Mrs. Brown met at 3 p.m. on Friday.", "Was it e.g. late?", "No."],
    ),
    (
        "de",
        "Dr. Müller kam am 3. Oktober. Er sagte: „Das ist z. B. gut.“ Dann ging er.",
        ["Dr. Müller kam am 3. Oktober.", "Er sagte: „Das ist z. B. gut.“", "Dann ging er."],
    ),
    (
        "fr",
        "Le président est arrivé à Paris. Il a dit « bonjour ! » Puis il est parti. Qui sait ?",
        ["Le président est arrivé à Paris.", "Il a dit « bonjour ! »", "Puis il est parti.", "Qui sait ?"],
    ),
    ("ja", "これはペンです。あれは本です。", ["これはペンです。", "あれは本です。"]),
    # Unknown and regional codes fall back sensibly.
    ("xx", "One thing. Another thing.", ["One thing.", "Another thing."]),
    ("en-US", "One thing. Another thing.", ["One thing.", "Another thing."]),
    ("", "One thing. Another thing.", ["One thing.", "Another thing."]),
    # A headline without a full stop stays apart from the paragraph after it.
    (
        "en",
        "Putin travels to Korea\n\nThe visit starts on Tuesday. It is rare.",
        ["Putin travels to Korea", "The visit starts on Tuesday.", "It is rare."],
    ),
    ("en", "   \n\n  Padded sentence.   \n\n\n", ["Padded sentence."]),
    ("en", "", []),
]


def _check_spans(text: str, spans: Sequence[tuple[int, int]]) -> None:
    previous_end = 0
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert start >= previous_end  # ordered, never overlapping
        piece = text[start:end]
        assert piece == piece.strip()
        previous_end = end


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_sentences_and_offsets(language: str, text: str, expected: list[str]) -> None:
    spans = segment(text, language)
    _check_spans(text, spans)
    assert [text[s:e] for s, e in spans] == expected


def test_sentences_never_cross_paragraphs_given_as_spans() -> None:
    text = "First part without stop\nsecond line. Next one.\n\nOther paragraph"
    second = text.index("second")
    paragraphs = [(0, second - 1), (second, text.index("\n\n")), (text.index("Other"), len(text))]
    spans = segment(text, "en", paragraphs)
    _check_spans(text, spans)
    assert [text[s:e] for s, e in spans] == ["First part without stop", "second line.", "Next one.", "Other paragraph"]
    for start, end in spans:
        assert any(p_start <= start and end <= p_end for p_start, p_end in paragraphs)


@pytest.mark.parametrize(
    ("text", "limit", "max_piece"),
    [
        ("word " * 1000, None, config.MAX_SENTENCE_CHARS),
        ("x" * 2500, None, config.MAX_SENTENCE_CHARS),
        ("alpha, beta gamma " * 30, 100, 100),
    ],
)
def test_long_sentences_are_split(text: str, limit: int | None, max_piece: int) -> None:
    pieces = list(split_long(text, 0, len(text), limit))
    _check_spans(text, pieces)
    assert len(pieces) > 1
    assert all(end - start <= max_piece for start, end in pieces)
    # Nothing but whitespace is lost between pieces.
    assert "".join(text[s:e] for s, e in pieces).replace(" ", "") == text.replace(" ", "")


def test_long_sentence_prefers_commas_and_spaces() -> None:
    text = "alpha, beta gamma " * 30
    pieces = [text[s:e] for s, e in split_long(text, 0, len(text), 100)]
    assert all(piece.endswith(",") for piece in pieces[:-1])
    words = "lorem ipsum " * 500
    assert all(not p.endswith(("lore", "ipsu")) for p in (words[s:e] for s, e in segment(words, "en")))


def test_five_thousand_character_sentence_is_capped() -> None:
    text = "Intro sentence. " + " ".join(["word"] * 1000) + "\n\nAfter."
    spans = segment(text, "en")
    _check_spans(text, spans)
    assert max(e - s for s, e in spans) <= config.MAX_SENTENCE_CHARS
    assert text[spans[0][0] : spans[0][1]] == "Intro sentence."
    assert text[spans[-1][0] : spans[-1][1]] == "After."


@pytest.mark.parametrize(
    "fake",
    [
        lambda lang, chunk: [" ".join(chunk.split())],  # whitespace collapsed
        lambda lang, chunk: [s.strip() for s in chunk.split(". ")],  # full stops dropped
        lambda lang, chunk: ["???"],  # nothing recognisable
        lambda lang, chunk: [],  # nothing at all
    ],
)
def test_offsets_survive_a_segmenter_that_changes_text(monkeypatch: pytest.MonkeyPatch, fake) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(segment_module, "_sentencex", fake)
    text = "One  sentence\there. Two   more. Three."
    spans = segment(text, "en")
    _check_spans(text, spans)
    # Every non-space character is still covered by exactly one sentence.
    assert "".join(text[s:e] for s, e in spans).replace(" ", "").replace("\t", "") == text.replace(" ", "").replace(
        "\t", ""
    )


def test_segmenter_failure_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    import sentencex

    def broken(language: str, text: str) -> list[str]:
        if language != "en":
            raise ValueError("unsupported")
        return ["One. ", "Two."]

    monkeypatch.setattr(sentencex, "segment", broken)
    assert segment("One. Two.", "de") == [(0, 4), (5, 9)]


def test_random_text_spans_are_in_bounds() -> None:
    rng = random.Random(7)
    alphabet = list("abc XYZ.!?,;\n\t\u00e9\u201c\u201d") + ["\n\n", "Dr. ", "U.S. ", "..."]
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
        spans = segment(text, rng.choice(["en", "de", "fr", "zz"]))
        _check_spans(text, spans)
        covered = "".join(text[s:e] for s, e in spans)
        assert "".join(covered.split()) == "".join(text.split())


def test_seed_article_sentences() -> None:
    seeds = sorted(Path("/work/shared/seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("no shared seed article on this machine")
    doc = read_document(seeds[0])
    spans = segment(doc.text, "en", doc.paragraphs)
    _check_spans(doc.text, spans)
    sentences = [doc.text[s:e] for s, e in spans]
    assert sentences[0] == doc.text[doc.paragraphs[0][0] : doc.paragraphs[0][1]]  # the headline alone
    assert len(sentences) > len(doc.paragraphs)
    assert all("\n\n" not in s for s in sentences)
    paragraph_ends = {end for _, end in doc.paragraphs}
    inner = [doc.text[s:e] for s, e in spans if e not in paragraph_ends]
    assert inner and all(sentence[-1] in '.!?"”' for sentence in inner)
