"""Round 25 (branch cjk25): misses of the scripts without spaces and of Vietnamese and Thai, fixed by mechanism;
docs/detection.md, "Round 25: cjk25". Every sentence here is written for the test, none is a dev-set row. Each case
expected flagged failed before its fix (checked by stashing the fix); the negatives are look-alikes (general talk about
machine translation, settings, features) that must stay unflagged.
"""

from __future__ import annotations

import pytest

from mtcheck.detect import detect_text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # "not reviewed by <someone>": a negation of review that governs a review word with the reviewer named between
        # is a caveat (the lexicons held "未经审核", "chưa được kiểm tra" only as fixed strings), not a negated claim
        ("机器翻译，尚未经过编辑审阅。", True),
        ("机器翻译，尚未审阅。", True),
        ("自動翻譯，未經人工核對。", True),
        ("이 글은 기계 번역이며 한국어 원어민의 교정을 받지 않았습니다.", True),
        ("Trang này được dịch máy và chưa được người bản ngữ kiểm tra.", True),
        ("Bản dịch tự động, chưa được biên tập viên hiệu đính.", True),
        # look-alikes: the caveat as a relative clause on the label in general talk, a feature that needs no review,
        # more said of unreviewed machine translation after the caveat
        ("未经人工审核的机器翻译不应直接发布。", False),
        ("支持自动翻译，无需人工审核。", False),
        ("専門家による校正を行っていない機械翻訳は危険です。", False),
        ("원어민의 교정을 받지 않은 기계 번역은 위험합니다.", False),
        ("Bản dịch máy chưa được người bản ngữ kiểm tra thường có lỗi.", False),
        # a rule's condition: "while not yet reviewed, it is not shown"
        ("自动翻译的评论尚未经版主审核时不会公开。", False),
        ("자동 번역된 댓글은 관리자의 검토를 받지 않으면 공개되지 않습니다.", False),
        ("Bản dịch máy khi chưa được kiểm tra sẽ không hiển thị.", False),
    ],
)
def test_not_reviewed_with_the_reviewer_named(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # "the following" as the subject of a label: zh 以下, ja 下記 point at the text after them, as "above" (以上,
        # 上記) and the ko/vi/en words for "below" already did
        ("以下为谷歌机翻", True),
        ("以下為機器翻譯", True),
        ("下記は機械翻訳です。", True),
        ("下記はDeepLで翻訳しました。", True),
        # look-alikes: "the following are the problems / the history of machine translation" (the label qualifies
        # another noun, the predicate), a list of languages, a price limit (以下, "or less"), a setting, a comparison
        ("以下是机器翻译的几个常见问题", False),
        ("以下是機器翻譯的發展歷史", False),
        ("支持以下语言的机器翻译", False),
        ("价格在100元以下的机器翻译服务", False),
        ("以下の設定で機械翻訳を有効にできます", False),
        ("下記は機械翻訳サービスの比較です", False),
    ],
)
def test_the_following_text_as_a_subject(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # zh: a label joined by 的 to a noun that names no text is a modifier of that noun, not a predicate on this
        # text ("this is a common problem of machine translation"); with a text or output noun it still is one
        ("这是机器翻译的几个常见问题", False),
        ("这是機器翻譯的發展歷史", False),
        ("此为自动翻译之原理说明", False),
        ("这是机器翻译的结果", True),
        ("本文是机器翻译的版本", True),
        ("这是机器翻译", True),
    ],
)
def test_a_label_that_qualifies_another_noun(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # an engine's rendering: the engine's name and a noun for its output (ja 訳, ko 번역본), a label on
        # the text it stands by, as "(DeepL translation)" is in English; the engine's name was read as inflected by
        # a word of a script without spaces written onto it ("DeepL訳" as a case form of "DeepL")
        ("ChatGPT訳", True),
        ("(Gemini訳)", True),
        ("DeepL先生訳：", True),
        ("Papago 번역본입니다.", True),
        ("(Papago 번역본)", True),
        # look-alikes: the services' own names (ja DeepL翻訳, ko 구글 번역, zh 谷歌翻译), a translator's job, a
        # comparison of renderings, a how-to, a quality review of one
        ("DeepL翻訳", False),
        ("DeepL翻訳の使い方", False),
        ("DeepL訳者募集", False),
        ("구글 번역", False),
        ("Google 번역본과 파파고 번역본 비교", False),
        ("谷歌翻译", False),
        ("DeepL 译文质量评测", False),
    ],
)
def test_an_engines_rendering_as_a_label(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a field declared with its type and a comment after it says what the field holds (a schema, a class)
        ("reviewJa String? // ChatGPT訳 (管理画面用)", False),
        ("noteEn String? // DeepL translation (for reviewers)", False),
        ("bodyKo: String, // Papago 번역본", False),
        # the same labels with no declaration before them stay badges
        ("ChatGPT訳 (管理画面用)", True),
        ("(DeepL translation)", True),
    ],
)
def test_a_labelled_field_declaration_is_code(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged
