"""Round 21 (branch rules21-cjk): readings fixed by mechanism from the misses of sets 33-34 in languages written in
non-Latin scripts (and vi, id, ms, tl); docs/detection.md, "Sets 33-34: misses by mechanism (round 21)". Every
sentence here is written for the test, none is a dev-set row; each case failed before its fix.
"""

from __future__ import annotations

import pytest

from mtcheck.detect import detect_text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("This guide was automatically translated by Claude Code.", True),  # "Code" of the assistant's name
        ("この記事はGemini Code Assistによって自動翻訳されました。", True),
        ("本文由 Claude Code 自动翻译。", True),
        ("Diese Seite wurde mit Claude Code maschinell übersetzt.", True),
        ("We translated the code with Claude from Python to Rust.", False),  # code still reads as code
        ("Claude translated the source code of this module automatically.", False),
    ],
)
def test_the_code_of_an_assistants_name_is_no_code(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("자동 번역이라 오역이 있을 수 있습니다.", True),  # the label, a linking copula, a caveat: no subject needed
        ("기계 번역이라 문장이 매끄럽지 않을 수 있어요.", True),  # (a hedge with its negation, read as a caveat)
        ("機械翻訳なので、誤訳があるかもしれません。", True),
        ("AI翻訳であり、誤りが含まれている可能性があります。", True),
        ("機械翻訳で、誤りが含まれている可能性があります。", True),  # ja `link` "で、" (であり is a copula already)
        ("機械翻訳のため、一部、誤りが含まれている可能性があります。", True),  # a comma before the caveat: its clause
        ("자동 번역이라, 일부, 오역이 있을 수 있습니다.", True),
        ("기계 번역이라 틀릴 수 있는데, 그래도 쓸 만하다.", False),  # the clause goes on: an argument, not a caveat
        ("機械翻訳なので、誤訳があるかもしれませんが、大体わかります。", False),
        ("機械翻訳なので、精度は期待できません", False),  # a reason without a caveat stays a remark
        ("기계 번역이라는 말은 어색할 수 있습니다", False),  # "the word 'machine translation'": a quotative
        ("기계 번역은 틀릴 수 있습니다.", False),  # the label as the subject
    ],
)
def test_a_label_linked_to_a_caveat_without_spaces(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Перевод машинный, возможны неточности.", True),  # noun + adjective: the present copula dropped
        ("Перевод автоматический, без проверки.", True),
        ("Переклад автоматичний.", True),
        ("Эти подписи переведены вручную, а перевод интерфейса машинный, поэтому иногда не точный.", True),
        ("هذه الترجمة تلقائية وقد تحتوي على أخطاء.", True),  # definite noun, indefinite adjective
        ("المرجع هو النص الأصلي، والترجمة آلية.", True),
        ("Автоматический перевод улучшился за последние годы.", False),  # the attributive order
        ("Режим перевода: автоматический", False),  # a setting: no noun opening the clause
        ("Компания предлагает перевод машинный и профессиональный.", False),  # the noun does not open its clause
        ("Ми пропонуємо переклад машинний та професійний.", False),
        ("перевод машинный или ручной?", False),  # a question
        ("ترجمة آلية للنصوص", False),  # indefinite noun and adjective: the label
        ("الترجمة الآلية مفيدة للمسافرين", False),  # both definite: the label as subject
    ],
)
def test_a_postposed_machine_adjective_is_the_predicate(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("例: このページはDeepLで翻訳されました", False),  # an example marker: a sample string
        ("예: 이 페이지는 DeepL로 번역되었습니다", False),
        ("示例：本文由 DeepL 翻译。", False),
        ("このページはDeepLで翻訳されました", True),
    ],
)
def test_an_example_marker_makes_a_sample(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("本节术语表为机器翻译，个别词条不准确。", True),  # 不准确, 不通顺: adjectives, not a negated clause
        ("以下字幕为自动翻译，语句不通顺之处敬请谅解。", True),
        ("本页面并非机器翻译。", False),  # a negation is still one
        ("机器翻译不准确。", False),  # the label as the subject
    ],
)
def test_chinese_negative_adjectives_are_no_negation(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("この説明文は機械翻訳を含みます。", True),  # "contains machine translation", a sentence-final polite form
        ("이 안내문에는 기계 번역이 포함되어 있습니다.", True),
        ("機械翻訳を含む多言語対応", False),  # the attributive form: a feature list
        ("このツールは機械翻訳を含みます。", False),  # no content noun: what a product offers
        ("이 요금제에는 기계 번역이 포함되어 있습니다.", False),  # "this plan includes machine translation"
        ("包含机器翻译内容", False),  # a tag: Chinese has no sentence-final form to tell it from one
    ],
)
def test_contains_machine_translation_in_a_polite_final_form(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ('logger.warning("このログは機械翻訳されたものです。")', True),  # a warning's message is shown to the user
        ('warnings.warn("This summary was machine translated and may contain errors.")', True),
        ('logger.info("このログは機械翻訳されたものです。")', False),  # other calls stay code
        ('console.warn("Translating with DeepL")', False),  # no sentence: a progress message
        ("expect(screen.getByText('Translated by DeepL.')).toBeTruthy();", False),
    ],
)
def test_a_warning_calls_sentence_is_read(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # "не точно знаю", "I don't know for sure": the adverb is no hedge on the quality, its "not" stays a negation
        ("Я не точно знаю, был ли этот текст переведен автоматически.", False),
        ("Я не точно знаю, чи цей текст перекладено автоматично.", False),
        ("Эта страница переведена автоматически, поэтому перевод не всегда точен.", True),  # the adjective is one
        ("Ця сторінка перекладена автоматично, тому переклад не завжди точний.", True),
    ],
)
def test_a_hedge_on_the_quality_is_an_adjective(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged
