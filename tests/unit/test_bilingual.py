"""Bilingual mode: sentence alignment and the comparisons it drives."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from mtcheck.checks.bilingual import _numbers, align, compare
from mtcheck.read.document import Document
from mtcheck.results import ModelInfo, SentenceResult

ORIGINAL = [
    "Die Brücke wird im März geschlossen.",
    "Die Sanierung kostet 14,5 Millionen Euro.",
    "Anna Lindqvist sprach mit den Pendlern.",
    "Die Fähre fährt ab Februar.",
]
# What a perfect MT of the original would say.
MT = [
    "The bridge will be closed in March.",
    "The renovation costs 14.5 million euros.",
    "Anna Lindqvist spoke with the commuters.",
    "The ferry runs from February.",
]


@pytest.mark.parametrize(
    ("translation", "expected"),
    [
        (MT, [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]),
        # the second sentence was dropped
        ([MT[0], MT[2], MT[3]], [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]),
        # a sentence was added
        ([MT[0], "Readers can subscribe to our newsletter.", MT[1], MT[2], MT[3]],
         [((0,), (0,)), ((), (1,)), ((1,), (2,)), ((2,), (3,)), ((3,), (4,))]),
        # two sentences merged into one
        ([MT[0] + " " + MT[1], MT[2], MT[3]], [((0, 1), (0,)), ((2,), (1,)), ((3,), (2,))]),
    ],
)  # fmt: skip
def test_align(translation: list[str], expected: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> None:
    pairs = align(ORIGINAL, MT, translation)
    assert [(p.source, p.target) for p in pairs] == expected


@pytest.mark.parametrize(
    ("text", "numbers"),
    [("14,5 Millionen", ["145"]), ("14.5 million", ["145"]), ("1,000 and 1.000", ["1000", "1000"]), ("no digits", [])],
)
def test_numbers_compare_across_locales(text: str, numbers: list[str]) -> None:
    assert _numbers(text) == numbers


class TableEngine:
    """A dictionary translator: enough to drive the comparison logic without a model."""

    name = "table"

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table

    def translate(self, texts: Sequence[str], src: str, tgt: str, **_: object) -> list[str]:
        return [self.table.get(t, t) for t in texts]

    def models(self) -> list[ModelInfo]:
        return []

    def decoding(self) -> dict[str, object]:
        return {}

    def cache_key(self, src: str, tgt: str, *, model: str | None = None) -> str:
        return "table"


def test_compare_flags_omission_number_and_name() -> None:
    source_text = "\n\n".join(ORIGINAL)
    spans, pos = [], 0
    for sentence in ORIGINAL:
        start = source_text.index(sentence, pos)
        spans.append((start, start + len(sentence)))
        pos = start + len(sentence)
    source = Document(path="orig.txt", name="orig", text=source_text)
    published = [
        "The bridge will be closed in March.",
        "The renovation costs 15.5 million euros.",  # wrong number
        "She spoke with the commuters.",  # the name is gone
    ]  # and the ferry sentence is missing
    text = " ".join(published)
    sentences, pos = [], 0
    for i, sentence in enumerate(published):
        start = text.index(sentence, pos)
        sentences.append(SentenceResult(index=i, text=sentence, start=start, end=start + len(sentence)))
        pos = start + len(sentence)
    engine = TableEngine(dict(zip(ORIGINAL, MT, strict=True)))
    result, findings = compare(source, "de", spans, sentences, "en", engine)
    rules = {f.rule: f for f in findings}
    assert set(rules) >= {"MT-BILINGUAL-OMISSION", "MT-BILINGUAL-NUMBER-MISMATCH", "MT-BILINGUAL-NAME-MISMATCH"}
    assert "Fähre" in rules["MT-BILINGUAL-OMISSION"].message
    assert rules["MT-BILINGUAL-NUMBER-MISMATCH"].sentence == 1
    assert rules["MT-BILINGUAL-NUMBER-MISMATCH"].details["missing"] == ["14,5"]  # read as German writes it
    assert rules["MT-BILINGUAL-NUMBER-MISMATCH"].details["extra"] == ["15.5"]
    name = rules["MT-BILINGUAL-NAME-MISMATCH"]
    assert name.details["missing"] == ["Lindqvist"]  # sentence-initial words are ambiguous
    assert text[name.start : name.end] == published[2]
    assert result.source_language == "de" and len(result.pairs) == 4


def test_the_notice_gets_no_bilingual_findings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The translation notice has no counterpart in the original; it is not prose, so no addition finding.

    Regression: notices used to be quieted before the bilingual findings were attached.
    """
    from mtcheck.api import check
    from mtcheck.config import Settings

    original = tmp_path / "original.txt"
    original.write_text("\n\n".join(ORIGINAL) + "\n", encoding="utf-8")
    notice = "This article has been automatically translated, read the original article here."
    article = tmp_path / "article.txt"
    article.write_text(notice + "\n\n" + "\n\n".join(MT) + "\n", encoding="utf-8")
    engine = TableEngine(dict(zip(ORIGINAL, MT, strict=True)))
    report = check(article, settings=Settings(language="en", source=original, cache=False), engine=engine)
    assert report.detection.machine_translated
    assert report.bilingual is not None
    # The notice is unaligned (an addition to the original), yet carries no finding.
    assert any(not pair.source for pair in report.bilingual.pairs)
    notice_sentence = next(s for s in report.sentences if "automatically translated" in s.text)
    assert notice_sentence.findings == ()
    assert not [f for f in report.findings if f.start is not None and f.start < notice_sentence.end]


def test_contractions_of_the_original_are_not_names() -> None:
    # an engine that left an English quotation untranslated: "I'm" is in its output, not a name to keep
    original = "Then she said: yes, I'm sure Anna Lindqvist came."
    source = Document(path="orig.txt", name="orig", text=original)
    published = "Dann sagte sie: ja, ich bin sicher, dass sie kam."
    sentences = [SentenceResult(index=0, text=published, start=0, end=len(published))]
    engine = TableEngine({original: "Dann sagte sie: ja, I'm sicher, dass Anna Lindqvist kam."})
    _, findings = compare(source, "en", [(0, len(original))], sentences, "de", engine)
    names = [f for f in findings if f.rule == "MT-BILINGUAL-NAME-MISMATCH"]
    assert [f.details["missing"] for f in names] == [["Anna", "Lindqvist"]]


def test_findings_over_several_sentences_quote_the_document_text(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A pair of two translated paragraphs: the finding's text is document.text[start:end], blank line included."""
    from mtcheck.api import check
    from mtcheck.config import Settings

    original = [
        "Die Brücke wird im März geschlossen, sagte Anna Lindqvist, und die Sanierung kostet 14,5 Millionen Euro.",
        ORIGINAL[3],
    ]
    (tmp_path / "original.txt").write_text("\n\n".join(original) + "\n", encoding="utf-8")
    article = tmp_path / "article.txt"
    split = ["The bridge will be closed in March, said Anna.", "The renovation costs 15.5 million euros.", MT[3]]
    article.write_text("\n\n".join(split) + "\n", encoding="utf-8")
    mt = "The bridge will be closed in March, said Anna Lindqvist, and the renovation costs 14.5 million euros."
    engine = TableEngine({original[0]: mt, original[1]: MT[3]})
    report = check(
        article, settings=Settings(language="en", source=tmp_path / "original.txt", cache=False), engine=engine
    )
    found = [f for f in report.all_findings() if f.kind == "bilingual"]
    assert any(f.text is not None and "\n\n" in f.text for f in found)  # the name finding spans both paragraphs
    for f in found:
        assert f.text == (report.document.text[f.start : f.end] if f.start is not None else None), f
