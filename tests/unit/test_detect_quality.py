"""Detection quality, issue 12: phrasings and false-alarm classes found missing on the harvested real sets.

Every case is our own sentence written for the phenomenon (none is a row of a dev set): one-off notices
(a PR that contains a machine translation, "this is the <language> machine translation of ...", a review
credit, a reason after an engine credit), caveats that make a label a notice ("AI translations can contain
errors"), and the false-alarm classes (policy and example text, hedged remarks about someone else's
translation, product headings and product nouns, engines named as products, code that prints a label).
"""

from __future__ import annotations

import pytest

from mtcheck.detect import concepts, detect_text

NOTICES = [
    # a copula, a determiner and a language (name or code) before the label
    ("en", "This is the machine translation of the onboarding guide."),
    ("en", "This is the de-DE machine translation of chapter 3."),
    ("en", "This is the Japanese machine translation of the release notes."),
    # a review of the machine translation of this text
    ("en", "She reviewed the machine translation of this page."),
    ("en", "A colleague checked the machine translation for this chapter."),
    # a pull request that contains a machine translation
    ("en", "This PR contains a machine translation of the user guide into Korean."),
    ("pt", "Este PR contém uma tradução automatizada do guia para o japonês."),
    # a reason after an engine credit
    ("en", "I started a German translation via DeepL since the old one was outdated."),
    ("en", "Translated with DeepL because no volunteer was available."),
    # a caveat makes a label a statement about this text
    ("en", "Machine translations may contain errors."),
    ("en", "Automatic translations can contain mistakes and inaccuracies."),
    ("es", "Este artículo se publica mediante traducción automática para su comodidad."),
    # a pronoun as the subject (German)
    ("de", "Er wurde maschinell übersetzt und noch nicht geprüft."),
    # Albanian definite nouns name the text
    ("sq", "Faqja është përkthyer automatikisht."),
    # an instrument that is a service: "translated using a ... service" stays a notice
    ("en", "This page was translated using the DeepL translation service."),
    ("th", "เอกสารนี้ได้รับการแปลโดยใช้บริการแปลภาษา AI"),
    # Punjabi with the light verb apart from the translate noun
    ("pa", "ਇਹ ਲੇਖ ਦਾ ਅਨੁਵਾਦ ਏਆਈ ਸੇਵਾ ਨਾਲ ਕੀਤਾ ਗਿਆ ਹੈ।"),
    # i18n calls are page text, not code output
    ("en", '{{ t("This page was machine translated.") }}'),
    # an engine and a colon before a statement that names the text
    ("en", "Google Translate: this page was automatically translated."),
    ("en", "Machine translation: DeepL"),
    ("en", "Machine Translation: English to German"),
]

NEGATIVES = [
    # product nouns right after the phrase
    ("en", "This is a machine translation API."),
    ("en", "This is a machine translation tool for developers."),
    # a heading: the label, a colon, a subtitle
    ("en", "Machine Translation: Developer Guidelines"),
    ("en", "Machine translation: a short history"),
    # hedged remarks about someone else's translation
    ("en", "I'm pretty sure the old version was translated using Google Translate."),
    ("en", "I'm 90% sure that thread was translated with DeepL."),
    ("es", "Parece que estas secciones fueron traducidas con el traductor de Google."),
    ("de", "Der Text scheint maschinell übersetzt worden zu sein."),
    # examples and definitions in policy or standards text
    ("en", "For example, a text in French that was machine translated from English gets the tag mt."),
    ("en", "Used to indicate content that was automatically translated."),
    ("pt", "Por exemplo, um documento que foi traduzido automaticamente do alemão recebe a etiqueta."),
    # a feature description
    ("en", "We only use DeepL for translation."),
    ("en", "The library has added DeepL to its document translation tool."),
    # code that prints or logs a label
    ("en", 'print(f"Auto-translated: {count}")'),
    ("en", 'logger.info("machine translated %d pages", n)'),
    ("en", 'x = Label("scores", "MT - Machine translation")  # Machine translation'),
    # an engine as a product
    ("ja", "翻訳サービスDeepLを使ったチャットボットを設定してみる"),
    ("ar", "Cloud Translation API: تتيح ترجمة النص في تطبيقك."),
    # a gloss in brackets after the same term
    ("zh-Hans", "机器翻译(Machine Translation)是一种自动把文本从一种语言转换为另一种语言的技术"),
    # subjunctive and conditional: a would-be translation
    ("de", "Eine maschinell übersetzte Anleitung wäre schlechter als gar keine."),
    ("fr", "Une version traduite automatiquement serait moins bonne."),
    # Chinese: the engine did not translate something (a bug report)
    ("zh-Hans", "DeepL 翻译网页时没有把标题翻译为中文"),
    # a list of languages with a future tense (a setting)
    ("tr", "Aşağıdaki diller otomatik olarak çevrilecek"),
]


@pytest.mark.parametrize(("language", "text"), NOTICES)
def test_notice(language: str, text: str) -> None:
    detection = detect_text(text)
    assert detection.machine_translated, (text, detection.evidence)


@pytest.mark.parametrize(("language", "text"), NEGATIVES)
def test_negative(language: str, text: str) -> None:
    detection = detect_text(text)
    assert not detection.machine_translated, (text, detection.evidence)


def test_a_caveat_is_read_before_hedges_and_negations() -> None:
    reading = concepts.read("AI translations may not be accurate.")
    assert reading is not None and "caveat" in reading.concepts
    assert "negation" not in reading.concepts and reading.score >= concepts.FIRE


def test_a_caveat_needs_a_machine_word() -> None:
    reading = concepts.read("Translations may contain errors.")
    assert reading is None or reading.score < concepts.FIRE


def test_topic_cues_come_from_the_language_that_reads_the_fragment() -> None:
    # Portuguese "se" ("if") is a topic cue; in a Spanish reflexive passive it must not count.
    reading = concepts.read("Esta guía se traduce mediante traducción automática.")
    assert reading is not None and reading.language == "es" and "topic" not in reading.concepts
    assert reading.score >= concepts.FIRE


# After the third real set (one-off notices, English-heavy): our own sentences for each phrasing class.
NOTICES_3 = [
    # an LLM or a named product as the translator, with no "machine" word
    ("en", "The Japanese README was translated by GPT and may not be accurate."),
    ("fr", "Ce fichier a été traduit par GPT et peut contenir des erreurs."),
    ("hi", "यह लेख चैटजीपीटी द्वारा अनुवादित है।"),
    ("de", "Diese Seite wurde mit WeChat Translate übersetzt."),
    # the only translate word is inside the engine's name
    ("en", "This changelog was generated by Google Translate, so expect odd wording."),
    # first person: the writer used an engine for this text
    ("en", "We are translating these release notes with DeepL."),
    # "came into being", "comes from": the text was made by a machine
    ("cs", "Tento překlad vznikl strojově."),
    ("zh-Hans", "本文档的大部分内容来自机器翻译。"),
    # a German compound naming the text
    ("de", "Diese Sprachfassung wurde durch maschinelle Übersetzung erstellt."),
    # "based on machine translation"
    ("en", "The Spanish strings were initially based on machine translation."),
]

NEGATIVES_3 = [
    # a judgement of someone else's translation: a hedge between the translate word and the engine
    ("en", "The French subtitle track looks AI translated."),
    # a modal: what should happen, not what happened
    ("it", "Questa pagina dovrebbe essere tradotta automaticamente dal sistema."),
    ("en", "Maybe we will add a notice that this page is an automatic translation."),
    # a heading naming a product
    ("en", "## DeepL translator"),
    # a changelog line
    ("ja", "ドキュメントの翻訳フローをDeepLによる処理に変更"),
    # "Note" is not "not"
    ("en", "Note that we never use machine translation."),
]


@pytest.mark.parametrize(("language", "text"), NOTICES_3)
def test_notice_round_3(language: str, text: str) -> None:
    detection = detect_text(text)
    assert detection.machine_translated, (text, detection.evidence)


@pytest.mark.parametrize(("language", "text"), NEGATIVES_3)
def test_negative_round_3(language: str, text: str) -> None:
    detection = detect_text(text)
    assert not detection.machine_translated, (text, detection.evidence)


def test_note_is_not_a_negation() -> None:
    reading = concepts.read("Note: this page was machine translated.")
    assert reading is not None and "negation" not in reading.concepts


# After the fourth real set (many languages, site strings): our own sentences for each class.
NOTICES_4 = [
    # Chrome extension placeholders (`$LANGUAGE_NAME$`) are slots, as `{lang}` and `%{language}` are
    ("de", "Diese Seite wurde nach $TARGET_LANGUAGE$ übersetzt"),
    ("vi", "Đã dịch bài viết sang $LANGUAGE$"),
    ("th", "เอกสารนี้แปลเป็น $TARGET$ โดยอัตโนมัติ"),
    # "translated through automation": automation nouns are machine words
    ("fi", "Tämä artikkeli on käännetty automaation avulla."),
    ("bg", "Този документ е преведен чрез автоматизация."),
    ("it", "Questa guida è stata tradotta tramite automazione."),
    ("en", "This help article was translated through automation and may contain errors."),
    # "comes from machine translation"
    ("el", "Το κείμενο αυτό προέρχεται από μηχανική μετάφραση."),
    # Chinese "the page" names the text
    ("zh-Hans", "页面由机器自动翻译"),
]

NEGATIVES_4 = [
    # a placeholder for a person is not a slot, and nothing says machine
    ("en", "$USER_NAME$ translated this page"),
    # a product in quotes followed by a product noun
    ("en", 'A simple "Google Translate" app for the command line'),
    ("bn", 'একটি "Google অনুবাদ" অ্যাপ তৈরি করুন'),
    # a status line with no machine word and no slot stays unread: it may be a human's
    ("hr", "Dokument je preveden."),
]


@pytest.mark.parametrize(("language", "text"), NOTICES_4)
def test_notice_round_4(language: str, text: str) -> None:
    detection = detect_text(text)
    assert detection.machine_translated, (text, detection.evidence)


@pytest.mark.parametrize(("language", "text"), NEGATIVES_4)
def test_negative_round_4(language: str, text: str) -> None:
    detection = detect_text(text)
    assert not detection.machine_translated, (text, detection.evidence)
