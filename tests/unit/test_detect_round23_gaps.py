"""Round 23 (branch gaps23): known gaps of docs/detection.md ("Known gaps") fixed by mechanism; docs/detection.md,
"Known gaps fixed in round 23". Every sentence here is written for the test, none is a dev-set row. The cases of the
tests named for a gap failed before its fix (checked by stashing it); the controls (notices and negatives with the
same words) read the same before and after.
"""

from __future__ import annotations

import pytest

from mtcheck.detect import concepts, detect_text


def _flagged(text: str) -> bool:
    return detect_text(text).machine_translated


@pytest.mark.parametrize(
    "text",
    [
        # ru/uk: the instrumental after "с" / "з" ("with") is an object, not the passive's agent
        "Текст переведён человеком, сравнён с моделью.",
        "Текст перекладено людиною, порівняно з моделлю.",
        "Перевод выполнен переводчиком и сверен с нашей моделью.",
        "Текст переведён человеком, сравнён с языковой моделью.",  # the engine "языковой моделью" too
        "Текст перекладено людиною, порівняно з мовною моделлю.",
    ],
)
def test_a_comitative_model_is_no_agent(text: str) -> None:
    assert not _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # controls: the instrumental as the agent, and "с" + a language name (the genitive "from")
        "Текст переведён моделью.",
        "Перекладено моделлю.",
        "Текст переведён с английского моделью.",
        "Текст перекладено з англійської моделлю.",
        "Текст переведён языковой моделью.",
        "Статья переведена с помощью нейросети.",
    ],
)
def test_the_instrumental_agent_stays_a_notice(text: str) -> None:
    assert _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # ja/ko "not X but Y": the machine in the negated half X is no claim
        "この記事は機械翻訳ではなく、人間が翻訳しました。",
        "この記事はAIで翻訳されたのではなく、翻訳者が翻訳しました。",
        "この記事は機械翻訳されたものではなく、翻訳者が翻訳したものです。",
        "この記事はDeepLではなく、翻訳者が翻訳しました。",
        "이 글은 기계 번역이 아니라 사람이 번역했습니다.",
        "이 글은 AI로 번역된 것이 아니라 전문 번역가가 번역했습니다.",
        "이 글은 기계 번역이 아니고 사람이 직접 번역했습니다.",
    ],
)
def test_the_negated_half_of_not_x_but_y(text: str) -> None:
    assert not _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # controls: the machine in the half that is affirmed, and "not only X but also Y"
        "この記事は人間ではなく、機械翻訳によって翻訳されました。",
        "この記事は人が翻訳したのではなく、AIで翻訳されました。",
        "この記事は翻訳者ではなく、DeepLで翻訳しました。",
        "この記事はDeepLだけでなく、翻訳者も翻訳しました。",
        "이 글은 사람이 아니라 기계가 번역했습니다.",
        "이 글은 사람이 번역한 것이 아니라 AI로 번역되었습니다.",
        "이 글은 번역가가 아니라 DeepL로 번역했습니다.",
        "이 글은 사람뿐만 아니라 AI로도 번역되었습니다.",
        "この記事は機械翻訳です。",
        "이 글은 기계 번역입니다.",
    ],
)
def test_the_affirmed_half_stays_a_notice(text: str) -> None:
    assert _flagged(text)


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("ja", "人間ではなく、", True),
        ("ja", "人間だけではなく、", False),  # "not only": nothing negated
        ("ko", "사람뿐만 아니라 ", False),
        ("ko", "사람이 아니라 ", True),
        ("en", "not a human but ", False),  # no marker in the lexicon
    ],
)
def test_contrast_marker(code: str, text: str, expected: bool) -> None:
    assert concepts.contrasts(code, text) is expected


@pytest.mark.parametrize(
    "text",
    [
        # a success status whose "en" is French or Spanish "in", not Dutch "and": no second predicate
        "Traduit automatiquement en français avec succès",
        "Traducido automáticamente en segundos con éxito",
        "Document traduit automatiquement en anglais avec succès.",
    ],
)
def test_a_coordinator_is_read_in_its_own_language(text: str) -> None:
    assert not _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # controls: a coordinator of the clause's own language starts a second predicate; the notice stays
        "Automatisch vertaald en succesvol gepubliceerd",
        "Automaattisesti käännetty ja julkaistu onnistuneesti",
        "Traduit automatiquement et publié avec succès",
        "Esta guía fue traducida automáticamente y revisada con éxito por el equipo.",
        "Übersetzt mit DeepL – erfolgreich installiert auf Debian 12",
    ],
)
def test_a_second_predicate_in_the_clause_language_keeps_the_notice(text: str) -> None:
    assert _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # the other languages of a tool or product are its interface's, not this text's versions
        "The other languages of the app are machine translated.",
        "The other languages of the plugin are machine translated.",
        "Die anderen Sprachen der App werden maschinell übersetzt.",
    ],
)
def test_the_other_languages_of_a_tool(text: str) -> None:
    assert not _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # controls: the site's other language versions, bare or named as this text's
        "The other languages are machine translated.",
        "The other languages of this site are machine translated.",
        "All other languages on our website are automatically translated.",
        "Die anderen Sprachen sind maschinell übersetzt.",
        "Les autres langues de la documentation sont traduites automatiquement.",
    ],
)
def test_the_other_languages_of_this_site_stay_notices(text: str) -> None:
    assert _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # "not X but Y" with the negation before X (lexicon `but`): Y, where the machine is, is affirmed
        "This article was translated not by a human but by DeepL.",
        "Este artículo no fue traducido por una persona, sino por DeepL.",
        "Cet article n’a pas été traduit par un humain mais par DeepL.",
        "Этот текст переведён не человеком, а моделью.",
        "本文不是人工翻译，而是由机器翻译生成的。",
        "This page is not only machine translated but also reviewed.",  # "not only": no negation
    ],
)
def test_the_affirmed_half_after_but(text: str) -> None:
    assert _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # controls: the machine in the negated half stays negated
        "This article was not machine translated but translated by a human.",
        "This article was not translated by DeepL but by a human.",
        "Dieser Artikel wurde nicht maschinell übersetzt, sondern von Menschen.",
        "Этот текст переведён не моделью, а человеком.",
        "本文不是机器翻译，而是由人工翻译的。",
    ],
)
def test_the_negated_half_before_but_stays_negated(text: str) -> None:
    assert not _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # controls: a negation after "but" (a caveat) and one in a caveat before it leave the notice as it was
        "This page was machine translated, but not reviewed by a human.",
        "Machine translated, not reviewed, but usable.",
        "Dieser Artikel wurde nicht von einem Menschen, sondern von DeepL übersetzt.",
    ],
)
def test_a_notice_with_but_stays_a_notice(text: str) -> None:
    assert _flagged(text)
