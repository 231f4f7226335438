"""Round 25 (branch log25): false alarms of program lines, settings and feature descriptions by mechanism
(docs/detection.md, "Round 25: log25").

Every sentence is written here for its mechanism; none is a row of a dev set. Each negative failed before its fix
(checked by stashing the fix); the controls are notices of the same surface that must stay flagged.
"""

from __future__ import annotations

import pytest

from mtcheck.detect import detect_text


def _flagged(text: str) -> bool:
    return detect_text(text).machine_translated


# A fallback path: the engine a pipeline turns to when another fails. A config's comment, a log line or a settings
# list describes the pipeline, not this text.
FALLBACKS = [
    "Machine translation via LibreTranslate (fallback when DeepL is unavailable)",
    "Automatisch übersetzt mit Google Translate als Fallback, falls DeepL nicht antwortet.",
    "Автоматический перевод через Яндекс — запасной вариант, если DeepL недоступен.",
    "Dịch tự động bằng Bing (dự phòng khi Google lỗi)",
    "备用方案：使用百度翻译自动翻译",
    "Traduction automatique par Google — solution de repli si DeepL échoue.",
    "Otomatik çeviri: yedek motor olarak Google Translate kullanılır.",
]


@pytest.mark.parametrize("text", FALLBACKS)
def test_a_fallback_path_is_a_pipeline_not_a_notice(text: str) -> None:
    assert not _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # a deictic word points at this text: a notice, whatever engine made it
        "This page was machine translated by a fallback engine and may contain errors.",
        "Diese Seite wurde maschinell übersetzt (Fallback: Google Translate).",
        # "respaldo" also means support: not read as a fallback word
        "Esta página fue traducida automáticamente con un motor de respaldo.",
        # notices of the same surface as a program's strings
        '"mtNotice": "Diese Seite wurde maschinell übersetzt."',
        "mt_notice: 'Эта страница переведена автоматически.'",
        "Auto-translated",
        "Dịch bằng AI",
    ],
)
def test_notices_stay_flagged(text: str) -> None:
    assert _flagged(text)


@pytest.mark.parametrize("placement", ["top", "bottom"])
def test_a_fallback_line_leaves_the_notice_of_another_paragraph(placement: str) -> None:
    config = "Provider: DeepL, with Google Translate as fallback for machine translation."
    notice = "This article was machine translated."
    body = "The council met on Tuesday to discuss the budget for the parks. " * 5
    text = f"{config}\n\n{body}\n\n{notice}" if placement == "bottom" else f"{notice}\n\n{body}\n\n{config}"
    assert _flagged(text)


# An instruction to put a text into a form: the machine translation it names is the form's input, not this page.
INPUTS = [
    "Paste the machine-translated text below.",
    "Fügen Sie den maschinell übersetzten Text unten ein.",
    "Collez ci-dessous le texte traduit automatiquement.",
    "Pega aquí el texto traducido por la IA.",
    "Incolla qui il testo tradotto automaticamente.",
    "Вставьте ниже текст, переведённый машиной.",
    "Wklej poniżej tekst przetłumaczony maszynowo.",
    "Makine tarafından çevrilmiş metni aşağıya yapıştırın.",
    "Dán văn bản đã dịch bằng máy vào ô bên dưới.",
    "機械翻訳されたテキストを下に貼り付けてください。",
    "기계 번역된 텍스트를 아래에 붙여넣으세요.",
    "أدخل النص المترجم آليًا في الحقل أدناه.",
]


@pytest.mark.parametrize("text", INPUTS)
def test_an_instruction_to_paste_a_machine_translation_is_not_a_notice(text: str) -> None:
    assert not _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # the invitation is a sentence of its own: the notice stays
        "This page was machine translated. Paste your corrections in the comments.",
        "Diese Seite wurde maschinell übersetzt. Fügen Sie Korrekturen gerne unten ein.",
        "Cette page a été traduite automatiquement. Collez vos corrections dans les commentaires.",
        # whole words: "pastel" is no "paste", Vietnamese "dán nhãn" (labelled) no "dán vào" (paste into)
        "The pastel drawings on this page were described by a machine-translated caption.",
        "Trang này được dán nhãn là bản dịch máy.",
    ],
)
def test_notices_beside_an_input_word_stay_flagged(text: str) -> None:
    assert _flagged(text)
