"""Disclaimers in many languages are found; pages that only talk about translation are not flagged."""

from __future__ import annotations

import pytest

from mtcheck.detect import detect_text

# (language, text): each states that the text itself was machine translated.
DISCLAIMERS = [
    ("en", "This page was machine-translated from German and may contain errors."),
    ("en", "This post has been auto-translated by Google Translate."),
    ("en", "Note: this content was automatically translated with DeepL."),
    ("en", "This article was translated using GPT-4o."),
    ("en", "This article is a machine translation of the original Spanish post."),
    ("en", "We used ChatGPT to translate this article from Portuguese."),
    ("en", "Machine translated from the Ukrainian by DeepL; edited by our staff."),
    ("en", "> [!NOTE]\n> This page was translated by AI (Claude) from the Chinese original."),
    ("en", "Translated with DeepL Translator (free version), www.deepl.com"),
    ("en", "Translated with DeepL.com (free version)"),
    ("de", "Dieser Beitrag wurde mit DeepL aus dem Englischen übersetzt."),
    ("de", "Dieser Artikel wurde automatisch aus dem Englischen übersetzt."),
    ("de", "Das ist eine maschinelle Übersetzung eines Artikels aus der Zeitung Kyiv Post."),
    ("de", "Übersetzt mit www.DeepL.com/Translator (kostenlose Version)"),
    ("fr", "Cette page a été traduite automatiquement depuis l’anglais."),
    ("fr", "Ce article a été traduit automatiquement."),
    ("fr", "Traduit avec www.DeepL.com/Translator (version gratuite)"),
    ("es", "Este artículo fue traducido automáticamente del alemán."),
    ("es", "Este artículo lo ha traducido una máquina."),
    ("es", "Traducido con www.DeepL.com/Translator (versión gratuita)"),
    ("it", "Questo articolo è stato tradotto automaticamente dall'inglese con DeepL."),
    ("pt", "Este artigo foi traduzido automaticamente do inglês."),
    ("nl", "Dit artikel is automatisch vertaald uit het Engels."),
    ("pl", "Ten artykuł został automatycznie przetłumaczony z języka angielskiego."),
    ("cs", "Tento článek byl strojově přeložen z angličtiny."),
    ("sk", "Tento článok bol strojovo preložený z angličtiny."),
    ("sv", "Den här artikeln har maskinöversatts från engelska."),
    ("da", "Denne artikel er maskinoversat fra engelsk."),
    ("nb", "Denne artikkelen er maskinoversatt fra engelsk."),
    ("fi", "Tämä artikkeli on konekäännetty englannista."),
    ("ne", "यो लेख मेसिन द्वारा अनुवाद गरिएको हो।"),
    ("be", "Гэты дакумент перакладзены аўтаматычна."),
    ("gl", "Este texto foi traducido automaticamente."),
    ("mr", "हा मजकूर आपोआप अनुवादित केला आहे."),
    ("te", "ఈ పత్రం యాంత్రికంగా అనువదించబడింది."),
    ("kk", "Бұл мақала автоматты түрде ағылшын тілінен аударылған."),
    ("el", "Αυτό το άρθρο έχει μεταφραστεί αυτόματα από τα αγγλικά."),
    ("hu", "Ezt a cikket gépi fordítással fordítottuk angolról."),
    ("ro", "Acest articol a fost tradus automat din engleză."),
    ("bg", "Тази статия е преведена машинно от английски."),
    ("hr", "Ovaj članak je strojno preveden s engleskog."),
    ("ca", "Aquest article ha estat traduït automàticament de l'anglès."),
    ("ru", "Эта статья была переведена автоматически с английского."),
    ("ru", "Статья переведена с помощью нейросети."),
    ("uk", "Ця стаття перекладена автоматично з англійської."),
    ("tr", "Bu makale İngilizceden otomatik olarak çevrilmiştir."),
    ("tr", "Bu dosya ChatGPT tarafından otomatik olarak çevrilmiştir."),
    ("ar", "تمت ترجمة هذا المقال آليًا من الإنجليزية."),
    ("ar", "هذه المقالة مترجمة آليا."),
    ("he", "המאמר תורגם אוטומטית מאנגלית."),
    ("fa", "این مقاله به صورت خودکار ترجمه شده است."),
    ("hi", "यह लेख अंग्रेज़ी से स्वचालित रूप से अनुवादित है।"),
    ("zh-Hans", "本文由谷歌翻译自动翻译。"),
    ("zh-Hans", "本页内容已由 AI 自动翻译，如有错误请指正。"),
    ("zh-Hant", "本文內容由機器翻譯，僅供參考。"),
    ("ja", "この記事は英語から機械翻訳されています。"),
    ("ja", "この記事はDeepLで翻訳しました。"),
    ("ko", "이 글은 영어에서 자동 번역되었습니다."),
    ("id", "Artikel ini diterjemahkan secara otomatis dari bahasa Inggris."),
    ("vi", "Bài viết này được dịch tự động từ tiếng Anh."),
    ("th", "บทความนี้แปลโดยอัตโนมัติจากภาษาอังกฤษ"),
    ("sl", "Besedilo je bilo samodejno prevedeno iz nemščine."),
    ("lt", "Šis tekstas buvo išverstas automatiškai iš anglų kalbos."),
    ("lv", "Šis teksts ir mašīntulkots no vācu valodas."),
    ("et", "See tekst on tõlgitud automaatselt."),
    ("bn", "এই পৃষ্ঠাটি স্বয়ংক্রিয়ভাবে অনুবাদ করা হয়েছে।"),
    # An instrument before a label names how this text was made.
    ("en", "This guide was produced by machine translation and has not been reviewed."),
    ("de", "Dieser Beitrag entstand mithilfe maschineller Übersetzung."),
    ("ru", "Эта статья подготовлена с использованием машинного перевода."),
    ("tr", "Bu sayfa makine çevirisi ile hazırlandı."),
    # Words that name the text between a verb and its engine; finite verb forms.
    ("fr", "Nous avons traduit cette page avec DeepL."),
    ("es", "Tradujimos este artículo con la ayuda de DeepL."),
    ("ru", "Этот текст переведён автоматически."),
    # Round 3: low-resource language files.
    ("sw", "Makala hii imetafsiriwa kiotomatiki kutoka Kifaransa."),
    ("tl", "Ang artikulong ito ay awtomatikong isinalin mula sa Ingles."),
    ("is", "Þessi grein var þýdd sjálfvirkt úr ensku."),
    ("eu", "Artikulu hau makina bidez itzuli da."),
    ("af", "Hierdie artikel is outomaties vertaal uit Engels."),
    ("sq", "Ky artikull është përkthyer me makinë nga anglishtja."),
    ("ur", "یہ مضمون خودکار طور پر ترجمہ کیا گیا ہے۔"),
    ("ta", "இந்த கட்டுரை தானாக மொழிபெயர்க்கப்பட்டது."),
    ("az", "Bu məqalə süni intellekt ilə tərcümə edilib."),
    ("cy", "Cyfieithwyd yr erthygl hon gan beiriant."),
    ("ka", "ეს სტატია ავტომატურად ითარგმნა ინგლისურიდან."),
    ("ka", "მანქანური თარგმანი"),
    ("uz", "Ushbu maqola mashina tarjimasi yordamida tarjima qilingan."),
    ("en", "Sorry if my english is not good, I used a translator."),
    ("es", "Perdón si mi español no es bueno, usé el traductor de Google."),
    ("id", "Maaf bahasa Inggris saya jelek, saya pakai penerjemah."),
    ("ja", "（Google翻訳を使っています。日本語がおかしかったらすみません）"),
    ("en", "This page was generated by our automated localization pipeline and has not been reviewed by a human."),
    # Round 3: the text named as subtitles, docs, a translation made by machine; an adjective before the label.
    ("en", "Subtitles auto-translated from the Portuguese audio."),
    ("en", "These docs were translated with DeepL."),
    ("en", "This is a raw machine translation of the Dutch report."),
    ("de", "Diese Übersetzung wurde automatisch erzeugt."),
    ("ru", "Перевод сделан автоматически."),
    ("es", "Este texto se tradujo con un traductor automático."),
    ("fr", "Ce texte est une traduction automatique fournie sans garantie."),
    ("en", "[DE] Automatic translation of the interview published in Die Zeit."),
]

# Short labels and badges (a bracketed badge before a title that is "about" something still counts).
BADGES = [
    "【機械翻訳】新製品について",
    "[AI 翻译] 关于新版本的说明",
    "Machine-translated",
    "Auto-translated · 3 min read",
    "⚠️ Machine translation ⚠️",
    "KI-übersetzt",
    "Automatisch übersetzt",
    "Traduction automatique",
    "Traducción automática",
    "Machinevertaling",
    "Автоперевод",
    "ترجمة آلية",
    "自动翻译",
    "機械翻訳",
    "자동 번역",
]

# Real-text noise around a disclaimer: quotes, width, case, line breaks, markup, emoji, comments.
NOISY = [
    "ＴＨＩＳ　ＡＲＴＩＣＬＥ　ＷＡＳ　ＭＡＣＨＩＮＥ　ＴＲＡＮＳＬＡＴＥＤ．",
    "This article was\nmachine\ntranslated from Korean.",
    "**This article was _automatically translated_ from Portuguese by ChatGPT**",
    '<div class="alert alert-info"><p>This page has been <b>automatically</b> translated.</p></div>',
    "> 🤖 This document was machine translated from English. Improvements via PR are welcome.",
    "<!-- Note: This article was automatically translated from German to English -->\n<p>Body text.</p>",
    "“This article was machine translated.”",
    "This article was machine‑translated (non-breaking hyphen).",
    "Cette page a été traduite automatiquement. [(Avertissement)](#avertissement-traduction)",
]

# (language, text): about translation, negated, human, other AI, code, interface: never flagged.
NOT_DISCLAIMERS = [
    ("uz", "Ushbu maqola mashina tarjimasi emas, uni tarjimon tarjima qilgan."),
    ("en", "I used Google Translate on my trip to Japan and it worked great."),
    ("en", "Sorry, I used a translator for years before learning German myself."),
    ("ko", "기계 번역으로 작성된 PR은 받지 않습니다. 원어민 검수가 필요합니다."),
    ("en", "Machine translation has improved dramatically over the past decade, and DeepL is often praised."),
    ("en", "This article is not machine translated: every line was written by our staff."),
    ("en", "This documentation is not machine-translated."),
    ("en", "Never publish machine-translated documentation without a review."),
    ("en", "Translated from the German by Anthea Bell."),
    ("en", "Translated by Jane Smith."),
    ("en", "This text was read aloud by an artificial voice."),
    ("en", "This article was generated with the help of AI."),
    ("en", "The crate was auto-translated from C to Rust with c2rust."),
    ("en", "This code was automatically translated from Rust to Go."),
    ("en", "Select language: English | Deutsch | Français (machine translated)"),
    ("en", "Translate this page"),
    ("en", "Show original · Auto-translate"),
    ("en", "Powered by Google Translate"),
    ("en", "Our posts are automatically translated into 20 languages for readers abroad."),
    ("en", "Users can enable automatic translation in the settings."),
    ("en", "How good is machine-translated text? We compared DeepL and Google Translate on 500 sentences."),
    ("en", "Researchers found that machine-translated content is often flagged by search engines."),
    ("en", "Machine-translated manuals are worse than an honest link."),
    ("en", "If this article was machine translated, you would notice."),
    ("en", "The original article text follows below. Read the original here."),
    ("en", 'A banner saying "This article was machine translated" appears on some sites by mistake.'),
    ("en", "The Machine Translation Summit took place in Macau."),
    ("en", "Job postings are automatically translated from German to English using AI services."),
    ("de", "Dieser Artikel wurde nicht maschinell übersetzt."),
    ("de", "Wir übersetzen unsere Artikel nie automatisch."),
    ("de", "Ein maschinell übersetztes Handbuch wäre schlechter als ein ehrlicher Link."),
    ("de", "KI-generierte Zusammenfassung · redaktionell geprüfte deutsche Originalausgabe"),
    ("de", "Aus dem Englischen übersetzt von Hans Wolf."),
    ("fr", "Cet article n'a pas été traduit automatiquement."),
    ("fr", "Traduit de l'anglais par Marie Dupont."),
    ("es", "Este artículo no fue traducido automáticamente."),
    ("it", "Exposure non deve essere tradotto automaticamente in criticità."),
    ("pl", "Ten artykuł nie został przetłumaczony maszynowo."),
    ("pl", "To unikalny, nieprzetłumaczony maszynowo blog."),
    ("sv", "Texten är skriven på svenska, inte som maskinöversatt engelska."),
    ("ru", "Эта статья не является машинным переводом."),
    ("ru", "Эта статья переведена нашим редактором."),
    ("tr", "Bu makale makine çevirisi değildir."),
    ("tr", "Bu makale otomatik olarak çevrilmemiştir."),
    ("ar", "هذا المقال ليس ترجمة آلية."),
    ("zh-Hans", "本文并非机器翻译。"),
    ("zh-Hans", "本文翻译自英文博客，译者：王明。"),
    ("ja", "この記事は機械翻訳ではありません。"),
    ("ko", "이 글은 기계 번역이 아닙니다."),
    ("id", "Artikel ini tidak diterjemahkan secara otomatis."),
    ("vi", "Bài viết này không được dịch tự động."),
    ("th", "บทความนี้ไม่ได้แปลโดยอัตโนมัติ"),
    # A translator whose first name is also an engine's; an engine translating something else.
    ("en", "Translated from the French by Claude Martin"),
    ("en", "In the study, ChatGPT translated the questionnaire into Spanish."),
    # Headings and articles about translation.
    ("en", "Machine translation explained: how DeepL and Google Translate work"),
    ("pl", "Tłumaczenie maszynowe – historia i definicja"),
    ("ja", "Google翻訳の使い方：写真を翻訳する方法"),
    ("ko", "AI 번역기 비교: 파파고와 구글 번역"),
    # Self-reference and an instrument word, but the text is about machine translation, not made by it.
    ("en", "In this post I describe texts produced by machine translation."),
    ("en", "This tool was built with machine translation in mind."),
    ("de", "Dieser Artikel beschäftigt sich mit maschineller Übersetzung."),
    ("tr", "Bu yazıda makine çevirisi ile ilgili ipuçları var."),
    ("ja", "この記事では機械翻訳について説明します。"),
    ("ko", "이 글은 기계 번역에 대한 글입니다."),
    ("zh-Hans", "本文介绍机器翻译的发展。"),
]


@pytest.mark.parametrize(
    ("language", "text"), DISCLAIMERS, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(DISCLAIMERS)]
)
def test_disclaimer_is_detected(language: str, text: str) -> None:
    d = detect_text(text)
    assert d.machine_translated, [(e.kind, e.weight, e.text) for e in d.evidence]
    assert d.confidence >= 0.5
    assert any(e.weight >= 0.5 for e in d.evidence)


@pytest.mark.parametrize("text", BADGES)
def test_badge_is_detected(text: str) -> None:
    d = detect_text(text)
    assert d.machine_translated, [(e.kind, e.weight, e.text) for e in d.evidence]


@pytest.mark.parametrize("text", NOISY)
def test_disclaimer_survives_markup_and_typography(text: str) -> None:
    assert detect_text(text).machine_translated


@pytest.mark.parametrize(
    ("language", "text"), NOT_DISCLAIMERS, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(NOT_DISCLAIMERS)]
)
def test_not_a_disclaimer(language: str, text: str) -> None:
    d = detect_text(text)
    assert not d.machine_translated, [(e.kind, e.weight, e.text) for e in d.evidence]
    assert d.confidence < 0.5


def test_at_least_25_languages_have_phrase_data() -> None:
    from mtcheck.detect.patterns import all_rules

    codes = {r.code for r in all_rules()}
    assert len(codes) >= 25
    assert {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "tr", "ar", "hi"} <= codes
    assert {"zh-Hans", "zh-Hant", "ja", "ko", "id", "vi", "th"} <= codes


def test_disclaimers_cover_every_language_file() -> None:
    from mtcheck.detect.patterns import all_rules

    tested = {lang for lang, _ in DISCLAIMERS}
    assert {r.code for r in all_rules()} <= tested


# Text only in attributes or data flags of raw markup, and YAML strings after a short key.
MARKUP = [
    '<img src="mt.svg" alt="Machine-translated article"> Budget news',
    '<span aria-label="This page was translated automatically">🌐</span>',
    '<div data-translated-by="deepl"><p>Opening hours change on Monday.</p></div>',
    'page:\n  notice: "This article was translated by a machine and may contain errors."',
    # Key/value lines in raw front matter, JSON payloads and string tables (round 3).
    "---\ntitle: Changelog\nmachine_translated: true\n---\nFixed the export.",
    '+++\ntitle = "FAQ"\nmt = true\n+++',
    '{"slug": "faq", "isMachineTranslated": true}',
    "---\ntranslated_by: Amazon Translate\n---",
    "---\ntraduction: automatique\n---",
    "'post.autoTranslated': 'Imetafsiriwa na mashine',",
    "mt.banner.text=Maskinöversatt",
    '{{#if page.mt}}<aside>Automatic translation · <a href="{{page.original}}">original</a></aside>{{/if}}',
    "const note = `Auto-translated from ${lang} · may contain errors`;",
]

# Keys and code that only talk about the flag, or set it to false (round 3).
NOT_FLAGS = [
    "---\ntitle: Roadmap\nmachine_translation_notice: false\n---",
    "+++\nmt = false\n+++",
    "auto_translate: false  # set to true to translate new posts",
    "def test_banner_for_machine_translated_pages(client):\n    page = make_page(machine_translated=True)",
    '"settings.autoTranslate.label": "Automatically translate posts",',
    "mt-banner.html: partial that renders the machine translation notice",
    "---\ntranslated_by: Maria Gonzalez\n---",
    "Crowdin can pre-translate your files using machine translation engines.",
    "Hindi isinalin ng makina ang artikulong ito.",
    "Bu səhifə avtomatik tərcümə edilməyib.",
    "Vertaal met DeepL",
]


@pytest.mark.parametrize("text", NOT_FLAGS)
def test_flag_set_to_false_or_described_is_not_a_disclaimer(text: str) -> None:
    d = detect_text(text)
    assert not d.machine_translated, [(e.kind, e.weight, e.text) for e in d.evidence]


@pytest.mark.parametrize("text", MARKUP)
def test_disclaimer_in_attributes_flags_and_strings(text: str) -> None:
    assert detect_text(text).machine_translated


def test_quoted_notice_in_prose_stays_an_example() -> None:
    text = 'The banner on their site reads: "This article was translated by a machine."'
    assert not detect_text(text).machine_translated
