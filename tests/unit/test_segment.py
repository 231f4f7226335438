"""Sentence segmentation: offsets, languages, abbreviations, paragraphs and the length cap."""

from __future__ import annotations

import random
import re
import tomllib
from collections.abc import Sequence
from pathlib import Path

import pytest

import mtcheck.read.segment as segment_module
from mtcheck import config
from mtcheck.read.document import read_document
from mtcheck.read.segment import abbreviations, segment, split_long
from tests.shared import shared_path

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
    seeds = sorted(shared_path("seeds").glob("*.txt"))
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


# Cuts sentencex makes after a title or abbreviation are merged back; look-alikes that do end a sentence stay cut.
ABBREVIATION_CASES = [
    ("fr", "M. Dupont est arrivé. Mme Durand aussi.", ["M. Dupont est arrivé.", "Mme Durand aussi."]),
    ("fr", "Il a vu M. et Mme Martin. Puis Mgr. Roux.", ["Il a vu M. et Mme Martin.", "Puis Mgr. Roux."]),
    ("fr", "Le Dr. Martin et Mlle. Roux sont là. Bien.", ["Le Dr. Martin et Mlle. Roux sont là.", "Bien."]),
    ("fr", "Il a vu M.\nDupont hier. Bien.", ["Il a vu M.\nDupont hier.", "Bien."]),  # hard-wrapped line
    ("fr-CA", "M. Tremblay arrive. Il part.", ["M. Tremblay arrive.", "Il part."]),
    ("es", "Llegó Dña. Ana. Luego se fue.", ["Llegó Dña. Ana.", "Luego se fue."]),
    ("nl", "Dhr. Jansen, bijv. Mw. Smit, d.w.z. Ir. Bos.", ["Dhr. Jansen, bijv. Mw. Smit, d.w.z. Ir. Bos."]),
    ("it", "Il Sig. Rossi e l’Avv. Verdi. Prof. Neri.", ["Il Sig. Rossi e l’Avv. Verdi.", "Prof. Neri."]),
    ("pt", "O Sr. Silva, p. ex. a Profa. Costa. Fim.", ["O Sr. Silva, p. ex. a Profa. Costa.", "Fim."]),
    ("de", "Siehe Abs. 3 der Satzung. Gut.", ["Siehe Abs. 3 der Satzung.", "Gut."]),
    ("en", "It costs approx. ten euros. Fine.", ["It costs approx. ten euros.", "Fine."]),
    ("fr", "Il mesure 10 m. Puis il part.", ["Il mesure 10 m.", "Puis il part."]),  # metres, not Monsieur
    ("fr", "Il parle HTML. M. Dupont aussi.", ["Il parle HTML.", "M. Dupont aussi."]),
    ("en", "He came at 5 a.m. Then he left.", ["He came at 5 a.m.", "Then he left."]),
]


@pytest.mark.parametrize(("language", "text", "expected"), ABBREVIATION_CASES)
def test_abbreviations_do_not_end_sentences(language: str, text: str, expected: list[str]) -> None:
    spans = segment(text, language)
    _check_spans(text, spans)
    assert [text[s:e] for s, e in spans] == expected


def _naive(language: str, chunk: str) -> list[str]:
    """A segmenter that cuts after every full stop, to exercise every entry of the data file."""
    return re.split(r"(?<=\.)(?=\s)", chunk)


_DATA = tomllib.loads(Path(segment_module.__file__).with_name("data").joinpath("abbreviations.toml").read_text())
ENTRIES = [(language, entry) for language, entries in _DATA.items() for entry in entries]


@pytest.mark.parametrize(("language", "entry"), ENTRIES)
def test_every_listed_abbreviation_is_merged(monkeypatch: pytest.MonkeyPatch, language: str, entry: str) -> None:
    monkeypatch.setattr(segment_module, "_sentencex", _naive)
    text = f"Ici {entry} Martin arrive. Fin."
    assert [text[s:e] for s, e in segment(text, language)] == [f"Ici {entry} Martin arrive.", "Fin."]
    # At the end of a paragraph, or in another language's list only, the cut is kept.
    other = "en" if language != "en" else "fr"
    if entry not in _DATA[other]:
        assert len(segment(text, other)) > 2


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "Il mesure 10 m. Fin.", ["Il mesure 10 m.", "Fin."]),  # case matters
        ("fr", "Voir le HTML. M. Roux.", ["Voir le HTML.", "M. Roux."]),  # only a whole word is an abbreviation
        ("pt", "Veja a p. Depois.", ["Veja a p.", "Depois."]),  # "p." alone is not "p. ex."
        ("de", "Das ist z. Buch.", ["Das ist z.", "Buch."]),
        ("fr", "Fin avec M.", ["Fin avec M."]),
        ("xx", "Mme. Roux. Fin.", ["Mme.", "Roux.", "Fin."]),  # no list for an unknown language
    ],
)
def test_lookalikes_keep_their_cut(
    monkeypatch: pytest.MonkeyPatch, language: str, text: str, expected: list[str]
) -> None:
    monkeypatch.setattr(segment_module, "_sentencex", _naive)
    assert [text[s:e] for s, e in segment(text, language)] == expected


def test_abbreviation_data_is_well_formed() -> None:
    assert {"en", "fr", "de", "es"} <= set(_DATA)
    for language, entries in _DATA.items():
        assert re.fullmatch(r"[a-z]{2,3}", language)
        assert entries and all(isinstance(e, str) and e.strip() == e and e.endswith(".") for e in entries)
        assert len(set(entries)) == len(entries)
    assert ("p.", "ex.") in abbreviations("pt-BR") and ("M.", "") in abbreviations("fr")
