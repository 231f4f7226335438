"""--source article mode: the cases a new user hit (issue 11), each a finding now.

A Spanish original and its published English translation; the engine is a table standing in for MT, once
as a literal translation and once as a paraphrase (so that merged alignments look as good as real pairs).
"""

from __future__ import annotations

import pytest

from mtcheck.checks.bilingual import compare, number_changes, repair
from mtcheck.read.document import Document
from mtcheck.results import AlignedPair, SentenceResult
from tests.unit.test_bilingual import TableEngine

ORIGINAL = [
    "El puente se cerrará en marzo.",
    "Las obras costarán 14,5 millones de euros.",
    "El alcalde habló con los vecinos durante dos horas.",
    "La nueva pasarela medirá 1.200 metros.",
    "Los ciclistas podrán usarla desde 2027.",
    "Veinte autobuses sustituirán al tranvía.",
    "La ciudad espera 20 000 visitantes al día.",
]
LITERAL = [
    "The bridge will close in March.",
    "The works will cost 14.5 million euros.",
    "The mayor spoke with the neighbours for two hours.",
    "The new footbridge will be 1,200 metres long.",
    "Cyclists will be able to use it from 2027.",
    "Twenty buses will replace the tram.",
    "The city expects 20,000 visitors a day.",
]
PARAPHRASE = [
    "The bridge is going to be shut in March.",
    "The construction will cost 14.5 million euros.",
    "The mayor talked to residents for two hours.",
    "The new walkway is going to measure 1,200 metres.",
    "Cyclists can use it starting in 2027.",
    "Twenty coaches are replacing the tramway.",
    "The town is expecting 20,000 visitors per day.",
]


def _sentences(texts: list[str]) -> tuple[str, list[SentenceResult]]:
    text = " ".join(texts)
    found, pos = [], 0
    for i, sentence in enumerate(texts):
        start = text.index(sentence, pos)
        found.append(SentenceResult(index=i, text=sentence, start=start, end=start + len(sentence)))
        pos = start + len(sentence)
    return text, found


def _compare(published: list[str], mt: list[str], notices: list[tuple[int, int]] | None = None):  # type: ignore[no-untyped-def]
    source_text = " ".join(ORIGINAL)
    spans, pos = [], 0
    for sentence in ORIGINAL:
        start = source_text.index(sentence, pos)
        spans.append((start, start + len(sentence)))
        pos = start + len(sentence)
    text, sentences = _sentences(published)
    engine = TableEngine(dict(zip(ORIGINAL, mt, strict=True)))
    result, findings = compare(
        Document(path="orig.txt", name="orig", text=source_text), "es", spans, sentences, "en", engine, notices or ()
    )
    return text, result, findings


@pytest.mark.parametrize(
    ("original", "published", "missing", "extra"),
    [
        ("14,5 millones", "145 million", ["14,5"], ["145"]),
        ("1.200 metros", "12.00 metres", ["1.200"], ["12.00"]),
        ("1.200 metros", "1,200 metres", [], []),
        ("14,5 millones", "14.5 million", [], []),
        ("20 000 visitantes", "20,000 visitors", [], []),
    ],
)
def test_numbers_are_read_as_each_language_writes_them(
    original: str, published: str, missing: list[str], extra: list[str]
) -> None:
    assert number_changes(original, "es", published, "en") == (missing, extra)


def test_changed_separators_give_number_findings() -> None:
    published = ["The bridge will close in March.", "The works will cost 145 million euros."]
    published += ["The mayor spoke with the neighbours for two hours.", "The new footbridge will be 12.00 metres long."]
    published += LITERAL[4:]
    _, _, findings = _compare(published, LITERAL)
    numbers = {f.sentence: f for f in findings if f.rule == "MT-BILINGUAL-NUMBER-MISMATCH"}
    assert numbers[1].details["missing"] == ["14,5"] and numbers[1].details["extra"] == ["145"]
    assert numbers[3].details["missing"] == ["1.200"] and numbers[3].details["extra"] == ["12.00"]


def test_dropped_sentences_absorbed_by_merges_are_omissions() -> None:
    # Two sentences dropped (the mayor, the cyclists); the last one translated loosely without its number.
    published = [
        "The bridge will close in March.",
        "The works will cost 14.5 million euros.",
        "The new footbridge will be 1,200 metres long.",
        "Twenty buses will replace the tram.",
        "The city expects visitors every day.",
    ]
    text, result, findings = _compare(published, PARAPHRASE)
    omitted = sorted(f.details["original"] for f in findings if f.rule == "MT-BILINGUAL-OMISSION")
    assert omitted == [ORIGINAL[2], ORIGINAL[4]]
    assert all(len(p.source) <= 1 and len(p.target) <= 1 for p in result.pairs)
    numbers = [f for f in findings if f.rule == "MT-BILINGUAL-NUMBER-MISMATCH"]
    # "missing 2027" is not blamed on the footbridge sentence; "missing 20 000" is on the visitors sentence.
    assert [(f.sentence, f.details["missing"]) for f in numbers] == [(4, ["20 000"])]
    assert text[numbers[0].start : numbers[0].end] == published[4]


def test_missing_number_goes_to_the_sentence_it_belongs_to() -> None:
    # One original sentence split in two; the number is missing from the second half.
    pair = AlignedPair((0,), (0, 1), "The city expects 20,000 visitors a day. Buses will run often.", 50.0)
    texts = ["The city expects visitors a day.", "Buses will run often."]
    _, sentences = _sentences(texts)
    from mtcheck.checks.bilingual import _number_sentence

    where = _number_sentence(pair, ["20 000"], [], [pair.forward], texts, sentences, "en")
    assert where == 0


def test_the_translation_notice_is_no_addition() -> None:
    notice = "This article was machine translated from Spanish."
    published = [notice, *LITERAL]
    text, _, findings = _compare(published, LITERAL, notices=[(0, len(notice))])
    assert not [f for f in findings if f.rule == "MT-BILINGUAL-ADDITION"]
    _, _, without = _compare(published, LITERAL)
    assert [f.sentence for f in without if f.rule == "MT-BILINGUAL-ADDITION"] == [0]


def test_repair_keeps_true_merges() -> None:
    # Two short originals rendered as one sentence: both are covered, the merge stays.
    mt = ["The bridge closes.", "It closes in March."]
    pairs = [AlignedPair((0, 1), (0,), " ".join(mt), 60.0)]
    assert repair(pairs, ["a", "b"], mt, ["The bridge closes in March."]) == pairs
