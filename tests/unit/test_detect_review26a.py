"""Second read of cjk26 (round 26, branch review26a): docs/detection.md, "Second read of cjk26 (round 26)". Every
sentence is written for this test, none is a dev-set row. The cases expected flagged or unflagged each failed at
cjk26's merge (dd6450b) before the fix they name (checked by stashing it); the controls pass before and after.
"""

from __future__ import annotations

import pytest

from mtcheck.detect import detect_text

# a trailing credit before its sentence's own end mark ("…あります（DeepL翻訳）。"), and a sentence that holds the stem
# 訳 in a word that translates nothing (申し訳 "apology", 内訳 "breakdown"): both lost by the bracket reading
TAGS_NOW_READ = [
    "この記事は二年前に書かれたもので、内容が古い可能性があります（DeepL翻訳）。",
    "서버를 다시 시작하면 설정이 적용됩니다 (DeepL 번역).",
    "作者在文中提到，这个算法在小数据集上效果更好（谷歌翻译）。",
    "該功能會在下次啟動時生效，不需要重新安裝（Google 翻譯）。",
    "ご不便をおかけして申し訳ございません。（自動翻訳）",
    "配送が遅れてしまい、大変申し訳ありません。(Google翻訳)",
    "請求の内訳は次のメールでお送りします。（DeepL翻訳）",
]

# a bracket at a line's start with a particle or a control's noun glued to it: a button's label in an instruction
BUTTON_LABELS = [
    "[AI翻訳]をクリックしてください。",
    "[DeepL翻訳]が表示されない場合は、ページを再読み込みしてください。",
    "【机器翻译】按钮位于页面右上角，点击即可。",
    "【機器翻譯】按鈕位於頁面右上角，點擊即可。",
    "【谷歌翻译】选项默认是关闭的，需要手动打开。",
]

# the same brackets with a space or a sentence after them stay read (controls, flagged at dd6450b too)
TAG_CONTROLS = [
    "（機械翻訳）この節では認証の流れを順を追って説明します。",
    "(구글 번역)이 함수는 입력이 비어 있으면 예외를 던집니다.",
    "[구글 번역] 이 플러그인은 설치 후 바로 사용할 수 있습니다.",
]

# a label, a connective of reason, and a quality word that is a requirement ("where accuracy is needed", "accuracy
# matters"): an offer of another service, or a design choice, not a caveat on this text
NEEDS = [
    "自動翻訳なので、正確な翻訳が必要な場合は弊社の翻訳サービスをご検討ください。",
    "機械翻訳なので正確さが必要な契約書には向きません。当社の有償サービスをどうぞ。",
    "機械翻訳なので、正確さよりも速さを重視しています。",
    "기계 번역이라서 정확도가 중요한 계약서는 저희 유료 서비스를 이용하세요.",
]

# a spaced "이어서" after the label is the verb "continue", not the copula's "because": a UI action
SPACED_CONNECTIVES = [
    "기계 번역 이어서 하기: 오류가 난 문장부터 다시 시작합니다.",
    "AI 번역 이어서 보기를 누르면 틀린 부분도 계속 표시됩니다.",
]

# a caveat that names a need and still judges the text or sends the reader to the original stays read (control)
NEED_CONTROLS = [
    "機械翻訳のため、正確性が必要な場合は原文をご確認ください。",
    "機械翻訳のため、正確でない箇所があります。",
]

# a version noun on the label with a deictic word that heads no subject: inside a compound (日本, 基本: 本 after an
# ideograph) or before a genitive ("this app's Japanese version", "this game's subtitles": another work's)
VERSIONS_OF_OTHERS = [
    "このアプリの日本語版は自動翻訳版です。",
    "アプリの日本語版は自動翻訳版です。",
    "日本の公式サイトは自動翻訳版です。",
    "基本プランは自動翻訳版です。",
    "この比較表の右側は機械翻訳版です。",
    "이 게임의 한국어 자막은 기계 번역본이다.",
]

# a deictic word that heads the subject stays read; 의 inside a word is no genitive ("회의록", minutes)
VERSION_CONTROLS = [
    "この記事は原文の自動翻訳版です。",
    "本書は英語版の機械翻訳版です。",
    "이 회의록은 기계 번역본입니다.",
    "이 글은 원문의 자동 번역본입니다.",
]


@pytest.mark.parametrize("text", TAGS_NOW_READ + TAG_CONTROLS + NEED_CONTROLS + VERSION_CONTROLS)
def test_notices_of_the_round_26_shapes_are_read(text: str) -> None:
    assert detect_text(text).machine_translated


@pytest.mark.parametrize("text", BUTTON_LABELS + NEEDS + SPACED_CONNECTIVES + VERSIONS_OF_OTHERS)
def test_near_misses_of_the_round_26_shapes_stay_unflagged(text: str) -> None:
    assert not detect_text(text).machine_translated
