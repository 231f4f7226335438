"""Round 24's second read (branch review24) of the miss24 readings; docs/detection.md, "Sets 39-40: misses by
mechanism (round 24, branch `miss24`)", its second-read paragraph. Every sentence is written for the test, none is a
dev-set row. Each case fails without its fix (checked by stashing the fix); the kept cases pass before and after.
"""

from __future__ import annotations

import time

import pytest

from mtcheck.detect import concepts, detect_text


def _notice(text: str) -> bool:
    reading = concepts.read(text)
    return reading is not None and reading.score >= 0.5


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # the engine must be the whole key: a review's heading before a caveat on machine translation in general
        ("Pros and cons of Google Translate: machine translation may contain errors.", False),
        ("Vor- und Nachteile von DeepL: maschinelle Übersetzung kann Fehler enthalten.", False),
        ("Recensione di DeepL: la traduzione automatica può contenere errori.", False),
        # kept: the engine alone as the key
        ("Google Translate: automatic translation may contain errors.", True),
        ("- DeepL: machine translation, may contain errors.", True),
    ],
)
def test_an_engine_key_is_the_whole_key(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    "text",
    [
        # in a script without spaces: the label opens the value and ends its phrase, its caveat after it
        "DeepL：機械翻訳のため、誤りを含む可能性があります。",
        "DeepL: 機械翻訳、誤りを含む可能性があります。",
        "DeepL: 기계 번역, 오류가 있을 수 있습니다.",
        "DeepL: 기계 번역이므로 오류가 있을 수 있습니다.",
    ],
)
def test_an_engine_key_before_an_unspaced_label_and_its_caveat(text: str) -> None:
    assert _notice(text)


@pytest.mark.parametrize(
    "text",
    [
        # the value is no bare label: a noun after the label, or the label as a subject
        "DeepL：機械翻訳エンジン、誤りを含む可能性があります。",
        "DeepL：機械翻訳の精度は、誤りを含む可能性があります。",
    ],
)
def test_an_engine_key_before_more_than_a_label_stays_a_title(text: str) -> None:
    assert not _notice(text)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a topic-marked subject before the caveat's relative clause is the clause's subject; it must name the text
        ("問題は、誰もレビューしていない機械翻訳です。", False),
        ("문제는 사람이 검토하지 않은 기계 번역입니다.", False),
        ("주제는 사람이 검토하지 않은 기계 번역입니다.", False),
        # kept: the subject dropped, or one that names the text
        ("まだ専門家が確認していない機械翻訳です。", True),
        ("원어민이 검토하지 않은 자동 번역입니다.", True),
        ("このページは、人がレビューしていない機械翻訳です。", True),
        ("이 페이지는 사람이 검토하지 않은 기계 번역입니다.", True),
    ],
)
def test_the_subject_before_a_relative_caveat(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "notice"),
    [
        # other bracket shapes after a heading of the other languages
        ("Other languages [machine translation]", True),
        ("Weitere Sprachen [maschinelle Übersetzung]", True),
        ("Other languages【machine translation】", True),
        # a full-width bracket right after the heading is no function call
        ("其他语言（机器翻译）", True),
        ("其他語言（機器翻譯）", True),
        ("Other languages（machine translation）", True),
        # `more` in sv da nb ja ko, es "otras lenguas"
        ("Andra språk (maskinöversättning)", True),
        ("Andre sprog (maskinoversættelse)", True),
        ("Flere språk (automatisk oversatt)", True),
        ("その他の言語（機械翻訳）", True),
        ("다른 언어 (기계 번역)", True),
        ("Otras lenguas (traducción automática)", True),
        # look-alikes: the heading as a subject, a bracket that is no label, a call in code
        ("Andra språk översätts automatiskt.", False),
        ("Other languages [machine translation not available]", False),
        ("其他语言（即将推出）", False),
        ("translate(机器翻译)", False),
    ],
)
def test_other_bracket_shapes_and_languages_after_a_heading_of_other_languages(text: str, notice: bool) -> None:
    assert _notice(text) is notice


def test_vi_add_language_is_no_heading_of_other_languages() -> None:
    # "Thêm ngôn ngữ" is the "Add language" button; "Thêm ngôn ngữ khác" ("more other languages") stays
    assert not _notice("Thêm ngôn ngữ (dịch máy)")
    assert _notice("Thêm ngôn ngữ khác (dịch tự động)")


def test_so_spelling_tarjumaad_names_the_text() -> None:
    assert _notice("Tarjumaadda mashiinka ah khalad way yeelan kartaa.")


@pytest.mark.parametrize(
    "text",
    [
        # ja: "not machine translation but a person translated it" ("人が翻訳", "人手"): Y names a human
        "このページは機械翻訳ではなく、人が翻訳しました。",
        "このページは機械翻訳（DeepL）ではなく、人手で翻訳しました。",
    ],
)
def test_ja_not_machine_but_a_person(text: str) -> None:
    assert not detect_text(text).machine_translated


def test_ja_not_a_person_but_a_machine_stays_a_notice() -> None:
    assert detect_text("このページは人手ではなく、機械翻訳しました。").machine_translated


@pytest.mark.parametrize("filler", [" ", "a "])
def test_the_headed_bracket_shape_is_read_in_linear_time(filler: str) -> None:
    # a head of blanks (or words) and no bracket: the head's lazy match retried its trailing blanks (quadratic).
    # Four times the text must cost about four times as much, not sixteen: a ratio, which a loaded machine keeps.
    english = concepts._COMPILED[concepts._by_code()["en"]]

    def seconds(repeats: int) -> float:
        text = "x" + filler * repeats + "y"
        best = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            concepts._others_label(english, text)
            best = min(best, time.perf_counter() - start)
        return best

    assert seconds(16_000) / seconds(4_000) < 9
