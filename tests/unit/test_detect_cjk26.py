"""Round 26 (branch cjk26): misses and false alarms of Japanese, Korean and Chinese, fixed by mechanism;
docs/detection.md, "Round 26: cjk26". Every sentence here is written for the test, none is a dev-set row. Each case
expected flagged failed before its fix (checked by stashing the fix); the look-alikes (titles, buttons, list items,
glosses of a translate word, general talk) stay unflagged before and after.
"""

from __future__ import annotations

import pytest

from mtcheck.detect import detect_text

# A machine's credit in brackets (an engine, or a bare label) that opens or closes a line whose rest is a sentence:
# the sentence is the engine's output ("…を処理します。(Google翻訳)"), read apart from it the bracket was a bare name
SENTENCE_TAGS = [
    "このライブラリは設定ファイルを自動で読み込み、足りない値には既定値を使います。(DeepL翻訳)",
    "関数を呼ぶ前に必ず接続を閉じてください。（Google翻訳）",
    "(ChatGPT 翻訳) 本章ではキャッシュの仕組みを説明します。",
    "（機械翻訳）この節では認証の流れを順を追って説明します。",
    "作者は、この手法が大規模なデータでも安定して動くと述べています。（一部機械翻訳）",
    "원문은 이 방식이 메모리를 덜 쓴다고 설명한다. (구글 번역)",
    "(파파고 번역) 이 함수는 입력이 비어 있으면 예외를 던집니다.",
    "테스트는 병렬로 실행되며, 실패한 항목만 다시 시도합니다. (DeepL 번역)",
    "作者在文中提到，这个算法在小数据集上效果更好。（谷歌翻译）",
    "这个补丁修复了启动时崩溃的问题，请尽快更新。 (DeepL 翻译)",
    # the credit before a colon leads in the quotation it translates
    "原作者在博客里解释了为什么要放弃旧的接口（机器翻译）：",
    "（部分機器翻譯）本文說明如何在伺服器上設定排程工作。",
    "該選項會在下次啟動時生效，無需重新安裝。（Google 翻譯）",
]

# the same brackets after a title, a button or a list item, after a translate word they gloss, in mid-sentence, with
# more than a credit inside (controls: these were unflagged before the fix too)
SENTENCE_TAG_LOOKALIKES = [
    "設定画面 (AI翻訳)",
    "英語から日本語への翻訳（DeepL）を行うツールです。",
    "このツールは英文を日本語に翻訳します。（DeepL使用）",
    "영어 문서를 한국어로 옮겼습니다. (구글 번역기를 써 봤는데 별로였다)",
    "번역 품질 비교 (파파고 번역)",
    "이 기능은 (구글 번역) 결과를 캐시합니다.",
    "支持把文档翻译成任何语言（谷歌翻译）。",
    "这种方法最早用于机器翻译（谷歌翻译）领域，后来被推广到图像识别。",
    "（非机器翻译）本文由译者逐句翻译并校对。",
    "我们比较了三种服务的速度。（谷歌翻译、DeepL、百度）",
    "（AI翻譯失敗，請稍後再試）系統目前無法連線。",
]


@pytest.mark.parametrize("text", SENTENCE_TAGS)
def test_a_machine_credit_in_brackets_on_a_sentence(text: str) -> None:
    assert detect_text(text).machine_translated


@pytest.mark.parametrize("text", SENTENCE_TAG_LOOKALIKES)
def test_the_same_brackets_on_a_title_or_a_gloss_stay_unflagged(text: str) -> None:
    assert not detect_text(text).machine_translated


def test_a_sentence_tag_below_an_article() -> None:
    body = "今日はリリースノートを紹介します。\n\n新しいバージョンでは起動が速くなりました。（DeepL翻訳）\n"
    assert detect_text(body).machine_translated
