"""Round 24 (branch miss24): readings fixed by mechanism from the misses of sets 39-40; docs/detection.md, "Sets
39-40: misses by mechanism (round 24, branch `miss24`)". Every sentence here is written for the test, none is a
dev-set row. Each case expected flagged (or read as a notice) failed before its fix (checked by stashing the fix);
the negatives are look-alikes that must stay unflagged.

Where the phrase rules already flag a sentence whole, the concept layer's own reading (`concepts.read`) is tested:
the fix is in the lexicon the concept layer reads, and it is what carries a row the phrase rules do not read.
"""

from __future__ import annotations

import pytest

from mtcheck.detect import concepts, detect_text


def _notice(text: str) -> bool:
    reading = concepts.read(text)
    return reading is not None and reading.score >= 0.5


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a heading naming the site's other or further language versions, a bare label in brackets after it
        ("Other languages (machine translation)", True),
        ("Weitere Sprachen (maschinelle Übersetzung)", True),
        ("Plus de langues (traduction automatique)", True),
        ("Más idiomas (traducción automática)", True),
        ("Inne języki (tłumaczenie maszynowe)", True),
        ("Luqadaha kale (turjumaad otomaatig ah)", True),  # so: the loan "otomaatig" is a machine word
        # look-alikes: a settings label, a feature sentence (the heading words are no subject: `more`)
        ("Einstellungen (Übersetzung anfragen)", False),
        ("Weitere Sprachen werden automatisch übersetzt, sobald du sie aktivierst.", False),
        ("Otros idiomas se traducen automáticamente con DeepL.", False),
        ("More languages will be added soon (machine translation)", False),
    ],
)
def test_a_heading_of_other_languages_with_a_bracketed_label(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # an engine's name as the key of a label and its caveat, not a product's title
        ("DeepL: automatic translation may contain mistakes.", True),
        ("Microsoft Translator: la traduzione automatica può contenere errori.", True),
        ("Yandex: tłumaczenie maszynowe może zawierać błędy.", True),
        # a product's title and what it does; a description whose caveat is about the service
        ("Google Translate: translates text into over 100 languages.", False),
        ("DeepL: a translation service whose output may contain errors.", False),
        ("DeepL: machine translation settings", False),
    ],
)
def test_an_engine_key_before_a_label_and_its_caveat(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "notice"),
    [
        ("Strojni prevod, možne so napake.", True),  # sl "errors are possible": a caveat
        ("DeepL: automatski prijevod, moguće su greške.", True),  # hr
        ("Turjumaadda mashiinka ah khalad way yeelan kartaa.", True),  # so "may have errors", "turjumaad" names it
        ("Kako deluje strojni prevod?", False),
    ],
)
def test_caveats_of_errors_being_possible(text: str, notice: bool) -> None:
    assert _notice(text) is notice


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # ja 訳文 / ko 번역문 ("the translated text") name the text; ja caveats "…がある可能性"
        ("機械翻訳のため訳文に不自然な箇所があります", True),
        ("自動翻訳のため、訳文に誤りがある可能性があります。", True),
        # a hedge on machine translation in general stays one
        ("機械翻訳は完全ではありません。", False),
        ("기계 번역은 완벽하지 않습니다.", False),
    ],
)
def test_ja_ko_translated_text_and_caveats(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a caveat right before the label is a relative clause on it ("machine translation no person reviewed")
        ("사람이 검토하지 않은 기계 번역입니다.", True),
        ("まだ人がレビューしていない機械翻訳です。", True),
        # the label as the subject of another predicate
        ("사람이 검토하지 않은 기계 번역은 위험합니다.", False),
        ("검토되지 않은 기계 번역을 그대로 쓰지 마세요.", False),
    ],
)
def test_a_caveat_as_a_relative_clause_on_the_label(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # an aside in brackets (the engine) between the label and its copula
        ("説明文は機械翻訳（DeepL）です。", True),
        ("설명은 기계 번역(Google)입니다.", True),
        ("機械翻訳（DeepL など）の精度は年々向上しています。", False),
    ],
)
def test_an_aside_between_the_label_and_its_copula(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # "README" names the text in every language's phrase rules (not only en, de, fr, es, it, pt, ja, ko, zh)
        ("Readme було перекладено за допомогою штучного інтелекту.", True),
        ("README został przetłumaczony automatycznie.", True),
        ("Generator README tłumaczy automatycznie pliki na 10 języków.", False),
        ("Цей README-генератор автоматично перекладає файли.", False),
    ],
)
def test_readme_names_the_text(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("مشین ترجمہ", True),  # ur: the loan "machine" uninflected, beside "مشینی ترجمہ"
        ("(مشین ترجمہ)", True),
        ("مشین ترجمہ کیسے کام کرتا ہے؟", False),
        ("ترجمه ماشینی، بررسی‌نشده", True),  # fa: the negative participle joined (ZWNJ or none)
        ("ترجمه ماشینی، ویرایشنشده.", True),
        ("ترجمه ماشینی چیست؟", False),
    ],
)
def test_ur_fa_labels_and_joined_caveats(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # zh: an adverb of the verb ("again", "fully") after the passive's agent; "中文翻译" names the text
        ("繁體中文翻譯由 Gemini 完整重新翻譯。", True),
        ("简体中文翻译由 Claude 重新翻译。", True),
        ("本文由志愿者重新翻译。", False),
        ("中文翻译由志愿者完成。", False),
    ],
)
def test_zh_manner_adverb_after_the_agent(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "notice"),
    [
        # th "… หรือไม่" ("… or not?") in a later sentence: no negation of the notice before it
        ("คำแปลนี้จัดทำโดย AI พบข้อผิดพลาดหรือไม่ แจ้งเราได้เลย", True),
        ("ข้อความนี้แปลด้วยเครื่อง ถูกต้องหรือไม่ บอกเราได้", True),
        # closing the fragment it asks ("Was this article translated by AI?"); a real negation stays one
        ("บทความนี้แปลโดย AI หรือไม่", False),
        ("บทความนี้ไม่ได้แปลโดย AI", False),
    ],
)
def test_th_question_particle_is_no_negation(text: str, notice: bool) -> None:
    assert _notice(text) is notice
