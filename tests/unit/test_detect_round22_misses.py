"""Round 22 (branch miss22): readings fixed by mechanism from the misses of sets 35-36; docs/detection.md, "Sets
35-36: misses by mechanism (round 22)". Every sentence here is written for the test, none is a dev-set row; each
case marked True failed before its fix.
"""

from __future__ import annotations

import pytest

from mtcheck.detect import detect_text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("この記事はGPTが翻訳しました。", True),  # a particle right after the bare name "GPT"
        ("이 문서는 GPT가 번역했습니다.", True),
        ("이 안내문은 GPT로 번역했어요.", True),
        ("GPTs are useful for many tasks.", False),  # still a whole name only
        ("2. GPT로 번역 요청 보내기", False),  # a request step: ko `action_after` 요청
    ],
)
def test_an_engine_name_takes_a_particle(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("このガイドは機械支援による翻訳です。英語版が正本です。", True),  # the machine as the agent (ja `by`)
        ("本ガイドは機械支援による翻訳です。", True),
        ("AIによる翻訳です。内容を必ずご確認ください。", False),  # no subject: as often a tool's message
        ("AIによる翻訳機能を追加しました。", False),  # a feature, no copula
    ],
)
def test_a_machine_agent_before_the_translate_noun(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("本页内容由 DeepL 翻译，无法保证完全正确。", True),  # "cannot guarantee": a caveat, not the claim negated
        ("本頁內容由 DeepL 翻譯，無法保證完全正確。", True),
        ("本页内容不是由 DeepL 翻译的。", False),  # the claim itself negated
    ],
)
def test_a_guarantee_disclaimer_is_a_caveat(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Nota: contributo tradotto automaticamente con Google Traduttore", True),  # it "contributo", a post
        ("Текст переведён моделью.", True),  # ru/uk instrumental "by a model": the passive's agent
        ("Перекладено моделлю.", True),
        ("Мы сравнили перевод с моделью данных.", False),
        ("Mit AI automatisch übersetzt von `guide/setup.md`.", True),  # de writes the loan "AI" for KI
    ],
)
def test_content_and_agent_words(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Traduit par Claude IA.", True),  # the generic AI word after a model name is no surname
        ("Traduit par Gemini IA (${lang.label})", True),
        ("Traduit par Claude IA (bêta)", True),
        ("Traduit par Claude Martin.", False),  # a person: given name and surname
        ("This article was translated by Claude Sonnet.", True),  # a model tier (common.toml `engine_name_tails`)
        ("This article was translated by Gemini Flash.", True),
        ("This article was translated by Claude Demanuelli.", False),
    ],
)
def test_a_generic_ai_word_after_a_model_name(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Maskinöversatt av Gemini — originalet är en länk bort.", True),  # the copula of the clause after a dash
        ("Maskinöversatt av DeepL — originalet är ett klick bort.", True),
        ("Maskinöversättning är en process där datorer översätter text.", False),  # still a definition
        # a pair of dashes around an aside stays inside the subject: still a definition
        ("Maskinöversättning – även kallad MT – är en process där datorer översätter text.", False),
        ("Machine translation — or MT — is the use of software to translate text from one language to another.", False),
    ],
)
def test_a_definition_copula_after_a_clause_break(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged
