"""Second read of miss28 (round 28, branch review28b); docs/detection.md, "Second read of miss28". Every sentence
here is written for the test, none is a dev-set row.

`concepts._headed_credit` read any short heading before one engine's bracketed credit as a notice, so product
headings in the credit's own script ("料金 (Google翻訳)": pricing, merits, ranks, one section per engine) became
false alarms; it now reads a heading kept from the source in another script, or a language's name, and no field with
its value, rank or version. `concepts._conditioned` dropped a notice whose subject names this text after the Korean
conditional ending; a deictic subject after the ending now opens the main clause. An engine's service name read as
the machine label took a subject that names a thing of a program ("这个插件的后端", "this plugin's backend") for this
text; the subject's head after its genitive must now name the text.
"""

from __future__ import annotations

import pytest

from mtcheck.detect import detect_text

# headings about the engine as a product, in the credit's own script, fields, ranks and versions: each flagged on
# main at 18b4329 (miss28 merged)
PRODUCT_HEADINGS = [
    "料金 (Google翻訳)",
    "メリット (Google翻訳)",
    "精度 (DeepL翻訳)",
    "ショートカット (DeepL翻訳)",
    "장점 (구글 번역)",
    "요금 (구글번역)",
    "사용법 (파파고 번역)",
    "价格 (谷歌翻译)",
    "缺点 (DeepL翻译)",
    "修复 bug (谷歌翻译)",
    "- 修复崩溃 (Google翻译)",
    "優點 (Google翻譯)",
    "費用 (DeepL翻譯)",
    "第2位 (Google翻訳)",
    "No.1 (DeepL翻訳)",
    "v1.2.0 (谷歌翻译)",
    "評価: ★★★★☆ (DeepL翻訳)",
    "Fix: timeout (Google翻訳)",
    "日本語対応 (DeepL翻訳)",
    "中文字体 (谷歌翻译)",
]

# a heading kept from the source in another script, or a language's name (a link to that version): still notices
# (controls: found on main at 18b4329 too)
HEADED_CREDITS = [
    "Getting started (谷歌翻译)",
    "## Architecture (DeepL翻訳)",
    "1. Introduction (DeepL翻訳)",
    "English (DeepL翻訳)",
    "영어 (구글번역)",
    "英文版 (谷歌翻译)",
]

# Korean: a subject that names this text after the conditional ending ("if they differ, the original prevails, and
# this text is machine translated"): unflagged on main at 18b4329
CONDITIONAL_THEN_THIS = [
    "원문과 내용이 다르다면 원문이 우선하며 이 글은 자동 번역된 글입니다.",
    "원문이 필요하면 본 문서는 기계 번역되었으니 원문을 보세요.",
]

# the conditional feature descriptions stay unflagged (no deictic subject after the ending; controls, as on main)
CONDITIONAL_FEATURES = [
    "언어 탭을 누르고 저장하면 자동 번역된 설명이 채워집니다.",
    "메시지를 수신하면 내용을 구글번역으로 번역해서 알림으로 보여줌",
]

# an engine's service name as the predicate of a subject headed, after its genitive, by a thing of a program, not by
# a word that names the text ("this plugin's backend is Google Translate"): flagged on main at 18b4329
SERVICE_OF_A_TOOL = [
    "这个插件的后端是谷歌翻译。",
    "这个网站的默认引擎是谷歌翻译。",
    "이 앱의 백엔드는 구글 번역입니다.",
    "本插件使用的是谷歌翻译。",
]

# the same with a head that names the text: still notices (controls, found on main too)
SERVICE_OF_THIS_TEXT = [
    "以下の本文はDeepL翻訳です。",
    "这一段是谷歌翻译。",
    "이 글은 파파고 번역입니다.",
]


@pytest.mark.parametrize("text", PRODUCT_HEADINGS + CONDITIONAL_FEATURES + SERVICE_OF_A_TOOL)
def test_review28b_lookalike_not_flagged(text: str) -> None:
    assert not detect_text(text).machine_translated, text


@pytest.mark.parametrize("text", HEADED_CREDITS + CONDITIONAL_THEN_THIS + SERVICE_OF_THIS_TEXT)
def test_review28b_notice_found(text: str) -> None:
    assert detect_text(text).machine_translated, text
