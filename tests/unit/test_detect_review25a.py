"""Second read of cjk25 (round 25, branch review25a): what the fix broke, by mechanism; docs/detection.md, "Second read
of cjk25 (round 25)". Every sentence is written for this test, none is a dev-set row or a cjk25 test. Each case marked
as fixed here failed at cjk25's head d513434 (checked by stashing the fix).
"""

from __future__ import annotations

import time

import pytest

from mtcheck.detect import detect_text
from mtcheck.detect.patterns import shared


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # fixed: a verb-final negation (ko 하지 않, ja ていません) negates the verb before it; a review word after it is
        # another clause ("did not use machine translation; a native reviewed it"), so the negation is a claim
        ("이 글은 자동 번역을 사용하지 않았으며 원어민이 검수했습니다", False),
        ("이 글은 자동 번역하지 않고 편집자가 직접 검토했습니다", False),
        ("機械翻訳は使用していませんがネイティブが確認しました", False),
        ("機械翻訳は使っていないがネイティブがチェックした", False),
        # kept: the negation after its review word is the caveat ("not reviewed by a native")
        ("이 문서는 기계 번역되었으며 원어민 검토를 받지 않았습니다", True),
        ("(자동 번역, 검토되지 않음)", True),
        ("本ページはAIによる自動翻訳であり、ネイティブによるチェックを受けていません。", True),
        ("機器翻譯，尚未人工校對", True),
    ],
)
def test_a_verb_final_negation_governs_only_a_review_word_before_it(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # fixed: after 的 a noun that names the text (译本, 稿子) or only a sentence-final particle (哦, 啦): the label
        # is still the predicate on this text
        ("这是机器翻译的稿子", True),
        ("这是机器翻译的译本", True),
        ("这是机器翻译的哦", True),
        ("这是机器翻译的啦", True),
        ("這是機器翻譯的譯本喔", True),
        # fixed: "and" after the label, one of two nouns that qualify another ("a comparison of MT and HT")
        ("以下是机器翻译与人工翻译的对比", False),
        ("这是机器翻译与人工翻译的对比", False),
        # kept: a 的-phrase after the pair that names the text, and the look-alikes of cjk25
        ("这是机器翻译和人工校对的结果", True),
        ("这是机器翻译的哈希算法", False),
        ("这是机器翻译之父", False),
    ],
)
def test_the_noun_after_a_zh_label(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # fixed: a capitalised key and a capitalised word before a comment mark is a status line, no declaration
        ("Translation: DeepL -- not reviewed by a human", True),
        ("Source: English -- this page was machine translated", True),
        ("Language: Japanese # machine translated", True),
        ("Hinweis: Dieser -- Text wurde maschinell übersetzt", True),
        # fixed: a Java field with its modifiers
        ("private String titleJa; // DeepL訳", False),
        # kept: declarations with a code-shaped name, a primitive type or a marked type
        ("subtitleJa String? // ChatGPT訳", False),
        ("NoteJa string // DeepL訳", False),
        ("captionZh: Option<String>, // 机器翻译", False),
    ],
)
def test_a_declaration_is_code_and_a_status_line_is_not(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


def test_the_declaration_pattern_does_not_backtrack_on_runs_of_spaces() -> None:
    # a text table's line of long runs of spaces: at d513434 each run could be split two ways (`\s*:?\s*`), cubic
    line = "a" + " " * 600 + "B" + " " * 600 + "x"
    start = time.perf_counter()
    assert shared().declaration.search(line) is None
    assert time.perf_counter() - start < 0.5
