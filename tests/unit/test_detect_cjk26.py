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


# A bare label with a connective of reason ("機械翻訳のため", "기계 번역이므로", "由于是机器翻译，") and a
# consequence on this text's wording: "(it is) machine translation, so it is not accurate / check the original".
# The negation inside the consequence ("正確でない", "정확하지 않은") is part of the caveat, not a negation of the label
REASON_CAVEATS = [
    "機械翻訳のため、正確でない箇所があります。",
    "機械翻訳のため不正確な箇所があります。",
    "自動翻訳のため、原文もあわせてご確認ください。",
    "機械翻訳なので、おかしな日本語があるかもしれません。",
    "自動翻訳のため誤りの可能性があります。",
    "기계 번역이므로 원문을 함께 확인해 주세요.",
    "자동 번역이라서 원문과 다를 수 있습니다.",
    "AI 번역이기 때문에 정확하지 않은 부분이 있습니다.",
    "由于是自动翻译，部分内容可能与原文不一致。",
]

# controls, flagged before the fix too (they must stay flagged: the consequence is blanked as a caveat now)
REASON_CAVEATS_BEFORE = [
    "AI翻訳のため、内容は原文を優先してください。",
    "この記事は機械翻訳のため、原文と意味が異なる場合があります。",
    "本ページは機械翻訳のため、正しくない表現が含まれます。",
    "이 페이지는 기계 번역이므로 원문이 우선합니다.",
    "由于是机器翻译，请以英文原文为准。",
    "因为是机翻，有些句子可能不太通顺。",
    "本页为机器翻译，请参考英文原文。",
    "因為是機器翻譯，部分用語可能不正確。",
]

# a purpose ("のための", "のために"), a need or a feature after the connective, the label as the subject of a remark on
# machine translation in general or on another site, a person in the consequence, a consequence that goes on
REASON_LOOKALIKES = [
    "機械翻訳のため、GPUサーバーを用意しました。",
    "機械翻訳のためのデータを集めています。",
    "機械翻訳のため、原文を前処理する必要があります。",
    "機械翻訳のために正確な対訳データを集めます。",
    "機械翻訳のための誤り分析を行いました。",
    "機械翻訳なので、DeepLとGoogleのどちらを使うか選べます。",
    "自動翻訳のため、設定画面でAPIキーを入力してください。",
    "機械翻訳なので、ネイティブが原文と突き合わせるレビュー工程を設けています。",
    "機械翻訳なので完璧ではありませんが、下書きとしては十分に役立ちます。",
    "Google翻訳は機械翻訳のため、誤訳が多いです。",
    "彼の日本語は機械翻訳のようで、不自然だった。",
    "機械翻訳は原文と異なる場合があるため、注意が必要です。",
    "기계 번역이므로 API 키가 필요합니다.",
    "자동 번역이라서 인터넷 연결이 필요합니다.",
    "기계 번역이라서 정확도를 높이는 설정 기능을 추가했습니다.",
    "파파고는 기계 번역이므로 오류가 생길 수 있다는 점을 기억하세요.",
    "기계 번역은 원문과 다를 수 있으니 중요한 문서는 전문가에게 맡기세요.",
    "由于是机器翻译，所以需要联网。",
    "因为是机翻，所以速度很快。",
    "由于是机器翻译模型，准确率还有提升空间。",
    "因为是机器翻译课程，我们会讨论错误分析方法。",
]


@pytest.mark.parametrize("text", REASON_CAVEATS + REASON_CAVEATS_BEFORE)
def test_a_label_with_a_reason_and_a_caveat_on_the_wording(text: str) -> None:
    assert detect_text(text).machine_translated


@pytest.mark.parametrize("text", REASON_LOOKALIKES)
def test_a_reason_with_a_need_a_purpose_or_another_subject_stays_unflagged(text: str) -> None:
    assert not detect_text(text).machine_translated


def test_a_reason_caveat_below_an_article() -> None:
    body = "新しい設定画面の使い方を紹介します。\n\n機械翻訳のため、正確でない箇所があります。\n"
    assert detect_text(body).machine_translated


# A version noun written onto the label ("自動翻訳版です", "자동 번역본입니다": "(it is) the machine-translated
# version"), with a genitive before the label that names what it is a version of ("公式ブログの…", "원문의 …"): the
# clause's subject is dropped or stands before a topic particle
VERSIONS = [
    "公式ブログの自動翻訳版です。",
    "このマニュアルは英語版の機械翻訳版です。",
    "これは原作のAI翻訳版です。",
    "本資料は社内文書の自動翻訳バージョンです。",
    "공식 블로그의 기계 번역본입니다.",
    "이 문서는 영어 원문의 자동 번역본입니다.",
    "이 페이지는 영어 문서의 AI 번역판입니다.",
    "이것은 원문의 자동 번역 버전입니다.",
    "영문 매뉴얼의 기계 번역본입니다.",
]

# the version as an object, a subject of a feature or a comparison, a release or what someone read, a page named
# without deixis ("the page is an AI version", of any site)
VERSION_LOOKALIKES = [
    "自動翻訳版をダウンロードできます。",
    "機械翻訳版と人手翻訳版の品質を比較しました。",
    "自動翻訳版は設定から無効にできます。",
    "次のリリースは自動翻訳版です。",
    "彼が読んだのは自動翻訳版です。",
    "このアプリの機械翻訳版はまだありません。",
    "機械翻訳版の方が速いです。",
    "자동 번역본은 설정에서 끌 수 있습니다.",
    "기계 번역본과 사람 번역본을 비교했습니다.",
    "그 게임은 기계 번역판입니다.",
    "다음 업데이트는 자동 번역 버전입니다.",
    "그가 읽은 것은 기계 번역본입니다.",
    "기계 번역본이 더 빠릅니다.",
    "페이지는 AI 번역본이다 — 어느 회사의 소개",
]


@pytest.mark.parametrize("text", VERSIONS)
def test_a_machine_translated_version_as_the_predicate(text: str) -> None:
    assert detect_text(text).machine_translated


@pytest.mark.parametrize("text", VERSION_LOOKALIKES)
def test_a_version_as_an_object_or_of_another_subject_stays_unflagged(text: str) -> None:
    assert not detect_text(text).machine_translated
