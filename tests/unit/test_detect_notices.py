"""Notice phrasings that must be found, one table per phrasing class (issue 12).

Every case is our own sentence written for its class (detection rounds 4-6 and the real-set fixes); a few are
also rows of our dev or challenge sets (tests/data/detect-*.jsonl, marked "also a row of"), none is a row of
the shared eval set. The near negatives of each class are in test_detect_false_alarms.py; the per-language
table of plain disclaimers (with the stronger confidence and evidence checks) is in test_detect_phrases.py,
and what the concept layer reads is in test_detect_concepts.py.
"""

from __future__ import annotations

import pytest

from mtcheck.detect import detect_text

NOTICES: dict[str, list[tuple[str, str]]] = {
    # A status sentence read by a language's own lexicon ("this page was machine translated", inflected forms).
    "lexicon": [
        ("it", "Questa guida è stata tradotta automaticamente dall'inglese."),
        ("ga", "Tá an leathanach seo aistrithe go huathoibríoch."),
        ("mt", "Din il-paġna ġiet tradotta awtomatikament."),
        ("sw", "Ukurasa huu umetafsiriwa kwa mashine. Soma makala asili."),
        ("hi", "यह लेख मशीन द्वारा अनुवादित है।"),
        ("ta", "இந்த பக்கம் இயந்திர மொழிபெயர்க்கப்பட்டது."),
        ("km", "ទំព័រនេះត្រូវបានបកប្រែដោយម៉ាស៊ីន"),
        ("my", "ဤစာမျက်နှာကို စက်ဖြင့် ဘာသာပြန်ထားသည်"),
        # Belarusian, Galician, Telugu, Marathi: languages that had no file (round 5)
        ("be", "Гэтая старонка перакладзена машынным перакладам."),
        ("be", "Гэты тэкст — машынны пераклад."),
        ("gl", "Este artigo foi traducido automaticamente do inglés."),
        ("te", "ఈ పోస్ట్ ఏఐ ద్వారా అనువదించబడింది."),
        ("mr", "ही पोस्ट स्वयंचलितपणे अनुवादित केली आहे."),
        # weak coverage in existing files (round 5)
        ("ur", "یہ صفحہ خودکار ترجمہ کیا گیا ہے۔"),
        ("bn", "এই পৃষ্ঠাটি এআই-এর সাহায্যে অনুবাদ করা হয়েছে।"),
        ("lt", "Šis puslapis išverstas automatiniu vertimu."),
        ("ca", "Traducció automàtica realitzada amb un motor de traducció."),
        ("es", "La traducción de esta página se generó de forma automática."),
        # borrowed or inflected nouns, a participle with an instrument after a comma (round 4)
        ("lv", "Šī lapa ir tulkota, izmantojot mašīntulkošanu."),
        ("hr", "Ovaj je tekst strojno preveden s njemačkog jezika."),
        ("sr", "Ово је машински преведен чланак са енглеског језика."),
        ("tl", "Ang artikulong ito ay isinalin gamit ang machine translation."),
        ("eu", "Orri hau itzulpen automatikoaz itzuli da."),
        ("bn", "এই পাতাটি মেশিন ট্রান্সলেশনের মাধ্যমে অনুবাদ করা হয়েছে।"),
        ("ne", "यो पृष्ठ स्वचालित रूपमा अनुवाद गरिएको हो।"),  # also a row of challenge-3b, real-5
        ("kk", "Бұл бет машиналық аударма арқылы аударылған."),  # also a row of challenge-3b
        # Albanian definite nouns name the text
        ("sq", "Faqja është përkthyer automatikisht."),
        # a pronoun as the subject (German)
        ("de", "Er wurde maschinell übersetzt und noch nicht geprüft."),
        # a Bengali participle form and a document noun
        ("bn", "এটি একটি স্বয়ংক্রিয়ভাবে অনুবাদকৃত নথি।"),
        # Zulu passive with a noun-class concord, Luxembourgish participle, Pashto with the Arabic yeh
        ("zu", "Lesi sihloko sihunyushwe ngokuzenzakalelayo."),
        ("lb", "Dësen Artikel gouf automatesch iwwersat."),
        ("ps", "دا مقاله په اتوماتيک ډول ژباړل شوې ده."),
        # a Punjabi light verb apart from the translate noun
        ("pa", "ਇਹ ਲੇਖ ਦਾ ਅਨੁਵਾਦ ਏਆਈ ਸੇਵਾ ਨਾਲ ਕੀਤਾ ਗਿਆ ਹੈ।"),
        # a German compound naming the text; Chinese "the page" names the text
        ("de", "Diese Sprachfassung wurde durch maschinelle Übersetzung erstellt."),
        ("zh-Hans", "页面由机器自动翻译"),
        # a full stop after an Indic vowel sign ends the notice: the caveat's "may" and "or" after it are not read
        ("gu", "આ લેખ આપમેળે અનુવાદિત થયો છે. તેમાં ભૂલો અથવા ખામીઓ હોઈ શકે છે."),
        ("ta", "இந்தக் கட்டுரை தானாக மொழிபெயர்க்கப்பட்டுள்ளது. இதில் பிழைகள் அல்லது குறைகள் இருக்கலாம்."),
    ],
    # A slot where code puts a language or a provider: {x}, %{x}, ${x}, %(x)s, { $x }, $X$.
    "placeholder": [
        ("tr", "Bu sayfa { $from } dilinden { $to } diline çevrilmiştir"),
        ("en", "Translated from %{language} by %{translator}"),  # also a row of real-1
        ("es", "Traducido del {lang} con {provider}"),
        ("en", "This post was translated from {source} into {target} by a machine translation engine."),
        ("en", "%(blog_name)s uses machine translation for this page."),
        ("en", "Translated from ${lang} automatically. Original: {{ page.original_url }}"),
        # Chrome extension placeholders (`$LANGUAGE_NAME$`) are slots, as `{lang}` and `%{language}` are
        ("de", "Diese Seite wurde nach $TARGET_LANGUAGE$ übersetzt"),
        ("vi", "Đã dịch bài viết sang $LANGUAGE$"),
        ("th", "เอกสารนี้แปลเป็น $TARGET$ โดยอัตโนมัติ"),
    ],
    # The first argument of an i18n call is page text, not a quoted example or code output.
    "i18n-call": [
        ("en", '{{ t("This page was machine translated.") }}'),
        ("en", "{t('Automatically translated from {{lang}}')} · <a href={url}>{t('Show original')}</a>"),
        ("en", '<span>{{ $t("Machine translated from {lang}") }}</span>'),
    ],
    # A status label that ends in a colon: the language name is appended by code.
    "colon-label": [
        ("en", "Translated to: "),
        ("ha", "An fassara zuwa: "),  # also a row of real-5
        ("km", "បានបកប្រែជា៖"),
    ],
    # A short status line or badge: the making and the machine (and perhaps the source language), nothing else.
    "status-line": [
        ("ne", "स्वचालित रूपमा अनुवाद गरिएको।"),
        ("en", "Automatically translated."),
        ("ms", "Diterjemahkan secara automatik daripada bahasa Jerman."),
        ("en", "*Automatically translated from Dutch*"),
        ("en", "[Auto-translated] Re: Invoice 2291 still missing"),  # a line-opening tag
        ("de", '??? info "Maschinelle Übersetzung"'),  # an admonition title
    ],
    # Misspellings of the phrase.
    "misspelling": [
        ("en", "This artical was machine-translated, sorry for mistakes."),
        ("en", "Our FAQ was auto-translatted from Dutch."),
        ("en", "This page was machine tranlated, pls excuse the errors"),
    ],
    # An engine, an LLM or a product credited as the translator (with or without a "machine" word).
    "engine-credit": [
        ("en", "The Japanese README was translated by GPT and may not be accurate."),
        ("fr", "Ce fichier a été traduit par GPT et peut contenir des erreurs."),
        ("hi", "यह लेख चैटजीपीटी द्वारा अनुवादित है।"),
        ("de", "Diese Seite wurde mit WeChat Translate übersetzt."),
        # the only translate word is inside the engine's name
        ("en", "This changelog was generated by Google Translate, so expect odd wording."),
        # an engine name in quotes after the verb
        ("ru", "Переведено с помощью «Google Переводчик»."),
        # a reason after an engine credit
        ("en", "I started a German translation via DeepL since the old one was outdated."),
        ("en", "Translated with DeepL because no volunteer was available."),
        # an instrument that is a service: "translated using a ... service" stays a notice
        ("en", "This page was translated using the DeepL translation service."),
        ("th", "เอกสารนี้ได้รับการแปลโดยใช้บริการแปลภาษา AI"),
        # a tool as the agent of a passive with a service noun
        ("tr", "Bu makale, Google Translate'in makine çeviri hizmeti tarafından otomatik olarak çevrilmiştir."),
        ("tr", "Bu sayfa bir makine çeviri hizmeti tarafından çevrilmiştir."),
        # an engine as the subject of translating this page
        ("bn", "Google এই পৃষ্ঠাটি স্বয়ংক্রিয়ভাবে অনুবাদ করেছে।"),
        ("ha", "Google ya fassara wannan shafin ta atomatik."),
        ("lo", "Google ໄດ້ແປໜ້ານີ້ແບບອັດຕະໂນມັດ"),
        ("kn", "Google ಈ ಪುಟವನ್ನು ಸ್ವಯಂಚಾಲಿತವಾಗಿ ಭಾಷಾಂತರಿಸಿದೆ."),
        # an engine and a colon before a statement that names the text, or a label and a colon before an engine
        ("en", "Google Translate: this page was automatically translated."),
        ("en", "Machine translation: DeepL"),
        ("en", "Machine Translation: English to German"),
        # a credit, a dash, then a statement about the text itself
        ("en", "Powered by Google Translate – this post was translated automatically."),
        ("ca", "Traduït amb el traductor de Softcatalà, pot contenir errors."),
        # a badge naming a translation-only engine, with no translate word
        ("en", "Automatically generated using DeepL."),
        ("de", "Automatisch erzeugt unter Verwendung von DeepL."),
        ("fr", "Généré automatiquement à l'aide de DeepL."),
        ("es", "Generado automáticamente con DeepL."),
        ("en", "Generated automatically with Google Translate."),
    ],
    # A review or comment widget: a participle or engine credit next to a "see original" link.
    "widget": [
        ("fr", "Commentaire traduit par DeepL · Voir l'original"),
        ("it", "Recensione tradotta automaticamente dal tedesco · Mostra originale"),
        ("pt", "traduzido com o tradutor do google, desculpem os erros"),
    ],
    # The writer used an engine for this text, or shares a machine translation of it.
    "first-person": [
        ("en", "We are translating these release notes with DeepL."),
        # a pull request that contains a machine translation
        ("en", "This PR contains a machine translation of the user guide into Korean."),
        ("pt", "Este PR contém uma tradução automatizada do guia para o japonês."),
        # a review of the machine translation of this text
        ("en", "She reviewed the machine translation of this page."),
        ("en", "A colleague checked the machine translation for this chapter."),
    ],
    # The text named by a copula or a reading verb: "this is the <language> machine translation of ...".
    "text-is-a-translation": [
        ("en", "This is the machine translation of the onboarding guide."),
        ("en", "This is the de-DE machine translation of chapter 3."),
        ("en", "This is the Japanese machine translation of the release notes."),
        # a label after "you are viewing/reading", "exists only as", "was the object of"
        ("en", "You are viewing a machine translation of this article."),
        ("de", "Sie lesen gerade eine automatische Übersetzung dieses Beitrags."),
        ("de", "Dieses Handbuch liegt lediglich als maschinelle Übersetzung vor."),
        ("fr", "Cette page a fait l'objet d'une traduction automatique."),
        ("es", "Esta página ha sido objeto de una traducción automática."),
        # a plural or generic noun with a machine adjective after a copula, no translate verb
        ("en", "Translations are machine-made, corrections are welcome in the issue tracker."),
        ("de", "Die Übersetzungen sind maschinell — Korrekturen gerne per Issue."),
        ("es", "Las traducciones son automáticas, se agradecen correcciones."),
        ("cs", "Překlady jsou strojové, opravy uvítáme."),
        ("nl", "Vertalingen zijn machinaal gemaakt."),
        ("da", "Oversættelser er maskinelle; ret gerne fejl."),
        ("sq", "Përkthimet janë makinerike."),
        # the language itself as the subject
        ("zh-Hans", "此语言为机器翻译。"),
        ("zh-Hans", "这个语言是机器翻译的。"),
        ("zh-Hant", "此語言為機器翻譯，可能不夠準確。"),
        ("fr", "Cette langue est traduite automatiquement."),
    ],
    # The text came out of a process: "went through", "came into being", "comes from", "based on", "through".
    "made-by-a-process": [
        ("en", "Heads up: this guide was put through a translation tool and has not been edited."),
        ("en", "This text has gone through machine translation."),
        ("en", "This chapter went through machine translation and a quick proofread."),
        ("sk", "Tento text prešiel strojovým prekladom."),
        ("cs", "Tento článek prošel strojovým překladem."),
        ("cs", "Tento překlad vznikl strojově."),
        ("zh-Hans", "本文档的大部分内容来自机器翻译。"),
        ("el", "Το κείμενο αυτό προέρχεται από μηχανική μετάφραση."),
        ("en", "The Spanish strings were initially based on machine translation."),
        # "translated through automation": automation nouns are machine words
        ("fi", "Tämä artikkeli on käännetty automaation avulla."),
        ("bg", "Този документ е преведен чрез автоматизация."),
        ("it", "Questa guida è stata tradotta tramite automazione."),
        ("en", "This help article was translated through automation and may contain errors."),
    ],
    # A caveat makes a label a statement about this text.
    "caveat": [
        ("en", "Machine translations may contain errors."),
        ("en", "Automatic translations can contain mistakes and inaccuracies."),
        ("es", "Este artículo se publica mediante traducción automática para su comodidad."),
        ("ms", "Terjemahan automatik mungkin tidak sempurna."),
    ],
    # A notice inside a question and a request to vote, "above" as the subject's deixis.
    "question-and-deixis": [
        ("en", "Do you read Dutch? The recipe text above was automatically translated from English. Is it okay? Vote!"),
        ("da", "Læser du dansk? Opskriften ovenfor er automatisk oversat fra engelsk. Er den forståelig?"),
        ("fi", "Luetko suomea? Yllä oleva ohje on käännetty automaattisesti englannista. Onko se selkeä?"),
        ("hi", "क्या आप हिंदी पढ़ते हैं? ऊपर दिया गया विवरण अंग्रेजी से स्वचालित रूप से अनुवादित किया गया था। क्या यह ठीक है?"),
        ("ro", "Citiți în română? Textul de mai sus a fost tradus automat din engleză. Vi se pare clar?"),
        ("vi", "Bạn đọc tiếng Việt chứ? Phần mô tả ở trên đã được dịch tự động từ tiếng Anh."),
        ("uk", "Опис товару вище було автоматично перекладено з англійської."),
        ("ur", "اوپر دی گئی تفصیل انگریزی سے خود بخود ترجمہ کی گئی ہے۔"),
        # a question before the notice naming another language is not a language picker
        ("ko", "한국어를 읽으세요? 위의 제품 설명은 독일어에서 자동으로 번역되었습니다."),
    ],
    # Near notices of set 9's false-alarm mechanisms (test_detect_false_alarms.py): each flagged before and after.
    "pointing-past-a-general-cue": [
        # the self word opens the clause: the text itself contains, or is, the translated content
        ("es", "Esta página contiene contenido traducido automáticamente."),
        ("fr", "Ce guide contient des passages traduits automatiquement."),
        ("es", "Gran parte del contenido fue traducido automáticamente."),
        # a status line: the making, the source, the engine
        ("fi", "Automaattisesti käännetty englannista."),
        ("cs", "Strojově přeloženo z angličtiny."),
        # an exclamation, "your language" or an obligation next to a deictic word, or after a status head
        ("de", "Diese Seite wurde maschinell übersetzt!"),
        ("de", "Diese Seite wurde automatisch in Ihre Sprache übersetzt."),
        ("es", "Esta página fue traducida automáticamente a tu idioma."),
        ("id", "Dokumen ini diterjemahkan otomatis oleh mesin ke bahasa Anda."),
        ("fr", "Ce texte a été traduit automatiquement et doit encore être relu."),
        ("de", "Dieser Artikel wurde maschinell übersetzt und muss noch geprüft werden."),
        ("en", "Machine translated, needs to be reviewed."),
        ("de", "Maschinell übersetzt – muss noch geprüft werden."),
        # "อย่าง" (manner) is not the prohibitive "อย่า"; past forms stay notices in hu and eu
        ("th", "บทความนี้ได้รับการแปลโดยเครื่องอย่างอัตโนมัติ"),
        ("hu", "Ezt a leírást automatikusan lefordítottuk angolról."),
        ("eu", "Testu hau makinaz itzuli da."),
    ],
}

# Key/value flags in other languages, and keys inside HTML comments: read as metadata evidence.
FLAGS = [
    "---\ntitel: Impressum\nautomatisch_uebersetzt: ja\n---",
    "---\ntraduction_automatique: oui\n---",
    "<!-- mt: deepl, de->en -->\nOpening hours change on Monday.",
    "<!-- translated_by: google (auto) -->\nThe museum reopens in May.",
]

CASES = [
    pytest.param(language, text, id=f"{kind}-{language}-{i}")
    for kind, rows in NOTICES.items()
    for i, (language, text) in enumerate(rows)
]


@pytest.mark.parametrize(("language", "text"), CASES)
def test_notice_is_found(language: str, text: str) -> None:
    d = detect_text(text)
    assert d.machine_translated, [(e.kind, e.weight, e.text) for e in d.evidence]


def test_no_notice_is_listed_twice() -> None:
    texts = [text for rows in NOTICES.values() for _, text in rows]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("text", FLAGS)
def test_foreign_and_commented_flags_are_read(text: str) -> None:
    d = detect_text(text)
    assert d.machine_translated
    assert any(e.kind == "metadata" for e in d.evidence)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Гэты артыкул перакладзены аўтаматычна.", "be"),
        ("Esta páxina é unha tradución automática.", "gl"),
        ("ఈ పేజీ స్వయంచాలకంగా అనువదించబడింది.", "te"),
        ("हे पृष्ठ मशीनद्वारे भाषांतरित केले आहे.", "mr"),
    ],
)
def test_new_language_files_name_their_language(text: str, language: str) -> None:
    d = detect_text(text)
    assert d.machine_translated and any(e.language == language for e in d.evidence)
