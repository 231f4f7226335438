"""Second read of log25 (round 25): notices that log25's two checks took for a pipeline or a form
(docs/detection.md, "Second read of log25 (round 25)").

Every sentence is written here; none is a row of a dev set. Each failed at log25's head (checked by stashing the fix)
and is flagged at its base, c9808ab.
"""

from __future__ import annotations

import pytest

from mtcheck.detect import detect_text


def _flagged(text: str) -> bool:
    return detect_text(text).machine_translated


@pytest.mark.parametrize(
    "text",
    [
        # a common word is no input verb: es "cole" (school), en "Cole" (a name), pt "pega leve" (go easy), de "fügen
        # Sie … hinzu" (add)
        "Este mensaje del cole ha sido traducido automáticamente.",
        "Machine translated by DeepL and reviewed by Cole Harper.",
        "Tradução automática — pega leve com os erros!",
        "Diese Seite wurde maschinell übersetzt, bei Fehlern fügen Sie bitte einen Kommentar hinzu.",
        # a notice, then in another clause of its sentence what to do with the text
        "This article was machine translated; paste corrections into the form below.",
        "Machine translated — copy and paste any errors you find into our feedback form.",
        "本页面内容由机器翻译生成，复制粘贴时请注明出处。",
        "この記事は機械翻訳されているため、コマンドは英語版から貼り付けてください。",
        "Cette page a été traduite automatiquement : ne collez pas ce texte dans un document officiel.",
        "Esta página foi traduzida automaticamente — cole o link do original se encontrar erros.",
    ],
)
def test_a_notice_beside_an_input_word_stays_flagged(text: str) -> None:
    assert _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # ro "cu rezerve" (with reservations) and zh "备用链接" (a mirror) are no fallback path
        "Traducere automată. Vă rugăm să o citiți cu rezerve.",
        "Text tradus automat, de citit cu rezerve.",
        "机器翻译，仅供参考。备用链接见下方",
        "机器翻译（备用地址：example.com）",
    ],
)
def test_a_notice_beside_a_reserve_word_stays_flagged(text: str) -> None:
    assert _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Colar o texto traduzido automaticamente abaixo.",
        "Cole o texto traduzido automaticamente abaixo.",
        "Pega el texto traducido automáticamente aquí.",
        "Rezerves variants: mašīntulkošana ar Google Translate.",
        "备用方案：使用百度翻译自动翻译",
    ],
)
def test_the_narrowed_words_still_read_a_form_or_a_fallback(text: str) -> None:
    assert not _flagged(text)
