"""Round 23's second read (branch review23) of the gaps23 fixes; docs/detection.md, "Known gaps fixed in round 23".
Every sentence is written for the test, none is a dev-set row. Each case failed on the gaps23 merge (28952e7) and
passes with the fix (checked by stashing it); the controls read the same before and after.
"""

from __future__ import annotations

import pytest

from mtcheck.detect import concepts, detect_text


def _flagged(text: str) -> bool:
    return detect_text(text).machine_translated


@pytest.mark.parametrize(
    "text",
    [
        # "ではなく" / "아니라" / "아니고" as a negated predicate that goes on ("is not accurate, and …"): what follows
        # names no one who translated, so the machine word before is no negated half
        "このページは機械翻訳のため正確ではなく、誤りを含む場合があります。",
        "この記事はAIによって翻訳されたもので完全ではなく、誤訳を含む可能性があります。",
        "이 글은 기계 번역된 것으로 정확한 번역이 아니라 오류가 있을 수 있습니다.",
        # a linking copula ends the clause before the negated half ("is machine translation and not an official …")
        "このページは機械翻訳であり正確ではなく、人間による確認が必要です。",
        "この記事は機械翻訳であり公式の翻訳ではなく参考情報です。",
        "이 번역은 기계 번역이며 공식 번역이 아니고 참고용입니다.",
        "이 글은 기계 번역이고 검수된 것이 아니라 초안입니다.",
        "이 페이지는 구글 번역으로 자동 번역되었으며 공식 번역이 아니라 참고용입니다.",
    ],
)
def test_a_negated_predicate_after_the_machine_keeps_the_notice(text: str) -> None:
    assert _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # controls: "not X but Y" where Y names who translated, X the machine
        "この記事は機械翻訳ではなく、人間が翻訳しました。",
        "この記事は機械翻訳されたものではなく翻訳者が翻訳したものです。",
        "이 글은 기계 번역이 아니라 사람이 번역했습니다.",
        "이 글은 기계 번역이 아니고 사람이 직접 번역했습니다.",
    ],
)
def test_the_negated_machine_half_stays_negated(text: str) -> None:
    assert not _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # a word right after "the other languages" that only begins like a tool noun ("app", "bot") is none
        "The other languages apparently are machine translated.",
        "The other languages, both Spanish and French, are machine translated.",
    ],
)
def test_a_word_that_begins_like_a_tool_is_no_tool(text: str) -> None:
    assert _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # the phrase rules read Y of "not X but Y" as the concept layer does: a tool's output, a mention
        "The plugin does not store the original but the machine translated version.",
        "Die Erweiterung speichert nicht das Original, sondern die maschinell übersetzte Fassung.",
    ],
)
def test_the_phrase_rules_read_y_after_but(text: str) -> None:
    assert not _flagged(text)


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("en", "does not store the original but the ", " the "),
        ("en", "was not only ", "was not only "),  # no marker
        ("en", "is not only translated but also ", " also "),  # "not only … but also": Y is affirmed too
        ("de", "nicht das Original, sondern die ", " die "),
        ("nl", "niet het origineel maar de ", "niet het origineel maar de "),  # no `but` in the lexicon
    ],
)
def test_after_but(code: str, text: str, expected: str) -> None:
    assert concepts.after_but(code, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "not only X" negates nothing with or without its "but also" (zh "不仅 … 而且" has no `but` marker)
        "本文不仅是机器翻译，而且经过人工校对。",
        "Not only is this page machine translated, it is also unreviewed.",
        "Dieser Text ist nicht nur maschinell übersetzt, er wurde auch geprüft.",
        "Этот текст не только переведён машинным переводом, но и проверен.",
    ],
)
def test_not_only_negates_nothing_without_but(text: str) -> None:
    assert _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # controls: a feature, and a negation besides "not only"
        "Not only machine translation but also human translation is supported by the app.",
        "Not only do we not use machine translation, we also review every page by hand.",
    ],
)
def test_not_only_controls(text: str) -> None:
    assert not _flagged(text)
