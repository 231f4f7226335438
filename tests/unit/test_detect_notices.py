"""Notice phrasings that must be found, one table per phrasing class (issue 12).

Every case is our own sentence written for its class (detection rounds 4-8 and the real-set fixes); a few are
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
        # proclitics written onto the next word (Hebrew "לתרגם", Arabic "لترجمة", Amharic "በማሽን") and optional
        # vowel marks ("مُترجَمة") (real set 7)
        ("he", "השתמשנו בבינה מלאכותית כדי לתרגם את המאמר."),
        ("ar", "استخدمنا الذكاء الاصطناعي لترجمة هذه المقالة."),
        ("ar", "هذه الصفحة مُترجَمة آليًّا."),
        ("am", "ይህ ገጽ በማሽን የተተረጎመ ሲሆን አልተገመገመም።"),
        # lexicon families (real set 7): Sanskrit, a Malayalam passive, Greek present passive and plurals, Latvian
        # compounds, Urdu "ترجمہ ہو"
        ("sa", "अयं लेखः यन्त्रानुवादः, न परीक्षितः।"),
        ("ml", "ഈ ലേഖനം സ്വയമേവ പരിഭാഷപ്പെടുത്തിയിരിക്കുന്നു."),
        ("el", "Τα κείμενα της εφαρμογής μεταφράζονται αυτόματα από {engine}."),
        ("el", "Τα άρθρα σε άλλες γλώσσες έχουν μεταφραστεί αυτόματα από τα αγγλικά."),
        ("lv", "Raksti citās valodās ir mašīntulkoti no angļu valodas."),
        ("ur", "یہ مضمون خودکار طور پر ترجمہ ہوا ہے۔"),
        # a languages word in the subject (not a list of targets), a source language after the participle
        ("da", "Indhold på andre sprog er maskinoversat fra engelsk."),
        ("sv", "Innehåll på andra språk är maskinöversatt från engelska."),
        # compounds: the made form written onto the machine word (real set 8)
        ("nb", "Maskinoversatt fra engelsk."),
        ("sv", "Maskinöversatt från tyska."),
        ("sv", "Maskinassisterad översättning av denna sida."),
        ("is", "Vélþýtt úr ensku."),  # Icelandic compound participle
        # a generic content noun: Korean "정보", and "information" in the phrase files
        ("ko", "일부 정보는 기계 번역되었습니다."),
        ("en", "Some of the information was translated automatically."),
        ("de", "Einige Informationen wurden maschinell übersetzt."),
        ("ja", "一部の情報は機械翻訳されています。"),
        # a past made form in a verb-final language is no future (the futures are false alarms, class "feature")
        ("bn", "এই পৃষ্ঠাটি স্বয়ংক্রিয়ভাবে অনূদিত হয়েছে।"),
        ("hi", "यह पृष्ठ स्वचालित रूप से अनुवादित किया गया है।"),
        ("tr", "Bu sayfa otomatik olarak çevrilmiştir."),
        ("ko", "본 안내문은 자동 번역으로 제공됩니다"),
        # a made form, not the noun "automatic translation of X" (the nouns are false alarms, "product-or-heading")
        ("ur", "یہ صفحہ خودکار طور پر ترجمہ کیا گیا ہے۔"),
        ("ar", "هذا المقال مُترجَم آليًا."),
        ("ar", "تمت ترجمة هذه الصفحة آليًا."),
        ("fa", "این صفحه به صورت خودکار ترجمه شده است."),
        ("de", "Diese Seite wurde maschinell übersetzt."),
        # the notices of the shapes of set 8's false alarms: the Korean deictic "이" (not the subject particle), an
        # affirmed copula (not a negated one), "this" naming the text, a developer's prefix after the notice
        ("ko", "이 글은 자동 번역되었습니다."),
        ("sl", "Ta stran je bila strojno prevedena."),
        ("hr", "Ova stranica je automatski prevedena."),
        ("cs", "Tato stránka byla strojově přeložena."),
        ("en", "This article was machine translated from German."),
        ("de", "Dieser Artikel wurde maschinell übersetzt."),
        ("sw", "Ukurasa huu umetafsiriwa kwa mashine."),
        ("en", "This page was machine translated. TODO: review"),
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
        # a language placeholder after the colon is a slot, not a count (the counts are false alarms, class "tally")
        ("en", "Translated to: {lang}"),
        # an open end right after the verb or an agent preposition (a named agent before it is a false alarm)
        ("es", "Traducido por:"),
        ("en", "Translated to:"),
        ("pt", "Esta página foi traduzida por:"),
    ],
    # A short status line or badge: the making and the machine (and perhaps the source language), nothing else.
    "status-line": [
        ("ne", "स्वचालित रूपमा अनुवाद गरिएको।"),
        ("en", "Automatically translated."),
        ("ms", "Diterjemahkan secara automatik daripada bahasa Jerman."),
        ("en", "*Automatically translated from Dutch*"),
        ("en", "[Auto-translated] Re: Invoice 2291 still missing"),  # a line-opening tag
        ("de", '??? info "Maschinelle Übersetzung"'),  # an admonition title
        # a date after the colon is not a count
        ("en", "Machine translated: 2024-05-01"),
        # "assisted": a status line led by the translation and its source
        ("en", "AI-assisted translation from Spanish."),
        ("es", "Traducción asistida por IA del inglés."),
        ("ro", "Traducere asistată de IA din franceză."),
        # a qualifier, an agent preposition or a one-word label before the status line
        ("en", "Partially machine translated content."),
        ("de", "Vollständig von KI übersetzt, kann Fehler enthalten"),
        ("de", "Teilweise maschinell übersetzt, möglicherweise ungenau"),
        ("ha", "Hausa — fassarar na'ura ce, ba a duba ta da mutum ba."),
        # a bare label in a language without phrase rules
        ("ky", "Автоматтык котормо"),
        ("kn", "ಯಂತ್ರ ಅನುವಾದ"),
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
        ("en", "Google automatically translated this page."),
        # a system of ours as the subject or the agent, "this" naming the text (a tool alone is a false alarm)
        ("en", "Our system automatically translated this page."),
        ("fr", "Cette page a été traduite automatiquement par notre système."),
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
        # a participle next to "show original" (a UI action that shows the translated text is a false alarm)
        ("de", "Maschinell übersetzt · Original anzeigen"),
        ("fr", "Traduit automatiquement · Voir l'original"),
        ("es", "Traducido automáticamente · Ver texto en idioma original"),
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
        # an engine used to translate this text, not a capability of the engine
        ("en", "We used DeepL to translate this article."),
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
        # a nominal predicate "this is a machine translation": the copula after the noun (Urdu, Persian, Hindi,
        # Marathi), before it (Irish) or none at all (Bengali); the Indic machine word "यांत्रिक"
        ("ur", "یہ مضمون مصنوعی ذہانت کا ترجمہ ہے۔"),
        ("fa", "این مقاله ترجمه ماشینی است."),
        ("fa", "این متن ترجمه خودکار است."),
        ("hi", "यह लेख यांत्रिक अनुवाद है।"),
        ("mr", "ही पोस्ट मशीन अनुवाद आहे."),
        ("bn", "এই পাতাটি একটি যান্ত্রিক অনুবাদ।"),
        ("ga", "Is aistriúchán uathoibríoch é an leathanach seo."),
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
        # "was used": the making stated as the use of a machine translation
        ("en", "Automatic translation was used for this page."),
        ("ru", "Для описаний использован автоматический перевод."),
        ("uk", "Для опису використано машинний переклад."),
        ("bg", "За този текст е използван машинен превод."),
        ("kk", "Бұл бетте машиналық аударма қолданылды."),
        ("cs", "Pro tento text byl použit strojový překlad."),
    ],
    # A caveat makes a label a statement about this text.
    "caveat": [
        ("en", "Machine translations may contain errors."),
        ("en", "Automatic translations can contain mistakes and inaccuracies."),
        ("es", "Este artículo se publica mediante traducción automática para su comodidad."),
        ("ms", "Terjemahan automatik mungkin tidak sempurna."),
        # a caveat after a label and a colon is no count
        ("en", "Machine translated: this page may contain errors."),
        # a human credit beside the machine one, then a caveat
        ("en", "Translated by volunteers and machine translation: this page may contain errors."),
    ],
    # A review caveat: its negation ("not yet reviewed", "չի ստուգվել", "nár seiceáladh") belongs to the review,
    # not to the making.
    "review-caveat": [
        ("en", "Titles are machine-translated and have not been reviewed yet."),
        ("ru", "Описания переведены автоматически и пока не проверены."),
        ("de", "Die Beschreibungen wurden maschinell übersetzt und noch nicht geprüft."),
        ("fr", "Cette notice a été traduite automatiquement et n'a pas encore été relue."),
        ("hy", "Սա մեքենայական թարգմանություն է, այն չի խմբագրվել։"),
        ("ga", "Aistriúchán uathoibríoch é seo nár seiceáladh fós."),
        ("el", "Μηχανική μετάφραση (DeepL), χωρίς ανθρώπινο έλεγχο."),
        ("ps", "دا د ماشیني ژباړې متن دی، نه دی بیاکتل شوی."),
        ("uz", "Tavsiflar avtomatik tarjima qilingan, hali tekshirilmagan."),
        ("km", "បកប្រែដោយម៉ាស៊ីន (Google) មិនទាន់បានពិនិត្យដោយមនុស្សទេ។"),
    ],
    # A notice about this text beside a cue of a false-alarm class: "instead of", a changelog prefix, a third
    # party, a policy (the false alarms of set 7 of the same shapes stay quiet).
    "beside-a-false-alarm-cue": [
        ("en", "This page was machine translated instead of being translated by a human."),
        ("en", "Instead of waiting for volunteers, we machine translated this page; it may contain errors."),
        ("fr", "Ce billet a été traduit automatiquement au lieu d'être relu par un humain."),
        ("en", "New: this article was machine translated from Japanese."),
        ("en", "This page was machine translated. Fixed typos by hand."),
        ("en", "Thanks to their work, this page was machine translated from German."),
        ("en", "In line with our translation policy, this article was machine translated and may contain errors."),
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
    # Words filled in by the lexicon audit (scripts/audit_lexicons.py): a new content noun, deictic word ("this page",
    # "below", "the present"), made form (active past with the machine as subject) or machine word in each sentence.
    "lexicon audit": [
        ("en", "The wiki below was translated automatically from German."),
        ("en", "The webpage below was automatically translated from Japanese."),
        ("es", "Las secciones de este sitio han sido traducidas automáticamente."),
        ("es", "Traduccion automatica: la informacion de abajo fue creada por una maquina."),
        ("es", "El presente documento fue producido mediante traducción automática."),
        ("fr", "Le présent document a été traduit automatiquement."),
        ("fr", "Cette rubrique a été créée par traduction automatique."),
        ("pt", "O conteúdo desta página foi traduzido automaticamente."),
        ("pt", "As informações abaixo foram criadas por tradução automática."),
        ("pt", "Neste site, a tradução é feita por inteligencia artificial."),
        ("it", "Quest'articolo è stato tradotto automaticamente."),
        ("it", "Le pagine di questo sito sono state generate con traduzione automatica."),
        ("it", "I testi sotto sono stati tradotti automaticamente."),
        ("de", "Die vorliegende Webseite wurde maschinell übersetzt."),
        ("de", "Die Beiträge unten wurden automatisch übersetzt."),
        ("nl", "Onderstaande tekst is automatisch vertaald."),
        ("nl", "Deze website is machinaal vertaald."),
        ("ru", "Эту страницу перевели автоматически."),
        ("ru", "Материал ниже переведён машинным переводом."),
        ("uk", "Цю сторінку перекладено автоматично."),
        ("uk", "Текст нижче перекладений машинним перекладом."),
        ("pl", "Tę stronę przetłumaczono maszynowo."),
        ("pl", "Niniejszy materiał został przetłumaczony automatycznie."),
        ("cs", "Tuto stránku jsme přeložili strojově."),
        ("cs", "Text níže byl přeložen automaticky."),
        ("sk", "Túto stránku sme preložili strojovo."),
        ("tr", "Bu yazı otomatik olarak çevrilmiştir."),
        ("tr", "Bölüm makine çevirisiyle üretilmiştir."),
        ("ro", "Aceasta pagină a fost tradusă automat."),
        ("ro", "Prezentul articol a fost tradus automat."),
        ("sv", "Denna hemsida är maskinöversatt."),
        ("sv", "Texten nedan har översatts automatiskt."),
        ("da", "Denne hjemmeside er maskinoversat."),
        ("da", "Teksten nedenfor er automatisk oversat."),
        ("nb", "Denne nettsiden er automatisk oversatt."),
        ("nb", "Artikler nedenfor er maskinoversatt."),
        ("fi", "Sivuston sisällön on kääntänyt tekoäly, ja käännetyt tekstit voivat sisältää virheitä."),
        ("fi", "Tämän sivuston tiedot on käännetty automaattisesti."),
        ("hu", "A weboldal tartalmát gépi fordítással fordítottuk."),
        ("hu", "A honlap szövegei automatikusan lefordított változatok."),
        ("el", "Η παρούσα σελίδα μεταφράστηκε αυτόματα."),
        ("el", "Η ιστοσελίδα έχει μεταφραστεί με μηχανική μετάφραση."),
        ("bg", "Настоящата статия е преведена автоматично."),
        ("bg", "Статии в този раздел са машинно преведени."),
        ("sr", "Ову страницу је аутоматски превео машински преводилац."),
        ("sr", "Informacije na ovom sajtu su automatski prevedene."),
        ("hr", "Ovu stranicu automatski je preveo strojni prevoditelj."),
        ("ca", "Aquestes pàgines s'han traduït automàticament."),
        ("ca", "La informació de a dalt ha estat traduïda automàticament."),
        ("lt", "Šią svetainę išvertė mašininis vertimas."),
        ("lt", "Aukščiau pateiktas tekstas išverstas automatiškai."),
        ("lv", "Šajā lapā teksts ir tulkots automātiski."),
        ("et", "Veebilehe tekst on masintõlgitud."),
        ("sl", "Besedilo spodaj je strojno prevedeno."),
        ("bs", "Ovu stranicu je automatski preveo mašinski prevodilac."),
        ("mk", "Текстот подолу е автоматски преведен."),
        ("be", "Гэтую старонку пераклаў машынны перакладчык."),
        ("az", "Saytdakı mətnlər avtomatik tərcümə edilib."),
        ("uz", "Saytdagi matnlar avtomatik ravishda tarjima qilingan."),
        ("kk", "Төмендегі мәтін машиналық аудармамен аударылған."),
        ("ka", "ქვემოთ მოცემული ტექსტი ავტომატურად არის თარგმნილი."),
        ("hy", "Կայքի բովանդակությունը թարգմանված է մեքենայով։"),
        ("sq", "Teksti më poshtë është përkthyer automatikisht."),
        ("gl", "O texto de abaixo foi traducido automaticamente."),
        ("eu", "Goiko testua automatikoki itzulia da."),
        ("af", "Hierdie webblad is outomaties vertaal."),
        ("is", "Þessa síðu þýddi vélþýðing sjálfvirkt."),
        ("ga", "Aistríodh an téacs thíos go huathoibríoch."),
        ("cy", "Mae'r testun isod wedi'i gyfieithu'n awtomatig."),
        ("sw", "Maandishi ya hapa chini yametafsiriwa kwa mashine."),
        ("tl", "Ang website na ito ay isinalin ng makina."),
        ("mr", "खालील मजकूर स्वयंचलितपणे अनुवादित केला आहे."),
        ("gu", "નીચે આપેલ લખાણ આપમેળે અનુવાદિત છે."),
        ("pa", "ਹੇਠਾਂ ਦਿੱਤੀ ਲਿਖਤ ਮਸ਼ੀਨ ਦੁਆਰਾ ਅਨੁਵਾਦ ਕੀਤੀ ਗਈ ਹੈ।"),
        ("ne", "यो वेबसाइट स्वचालित रूपमा अनुवाद गरिएको हो।"),
        ("ta", "கீழே உள்ள உரை தானியங்கு முறையில் மொழிபெயர்க்கப்பட்டது."),
        ("te", "క్రింద ఉన్న పాఠ్యం యంత్ర అనువాదం ద్వారా అనువదించబడింది."),
        ("kn", "ಕೆಳಗಿನ ಪಠ್ಯವನ್ನು ಯಂತ್ರದಿಂದ ಅನುವಾದಿಸಲಾಗಿದೆ."),
        ("ml", "താഴെയുള്ള വാചകം യന്ത്രം വിവർത്തനം ചെയ്തതാണ്."),
        ("si", "මෙම වෙබ් අඩවිය ස්වයංක්\u200dරීයව පරිවර්තනය කරන ලදී."),
        ("km", "អត្ថបទខាងក្រោមត្រូវបានបកប្រែដោយម៉ាស៊ីន"),
        ("lo", "ຂໍ້ຄວາມຂ້າງລຸ່ມຖືກແປໂດຍເຄື່ອງ"),
        ("my", "အထက်ပါ စာသားကို စက်ဖြင့် ဘာသာပြန်ထားသည်"),
        ("ps", "دغه متن په اتوماتیک ډول ژباړل شوی دی."),
        ("ku", "Ev malper bi awayekî otomatîk hatiye wergerandin."),
        ("ky", "Төмөндөгү текст автоматтык түрдө которулган."),
        ("mn", "Доорх текстийг машин автоматаар орчуулсан."),
        ("tg", "Ин сомона ба таври худкор тарҷума шудааст."),
        ("jv", "Tulisan ing ndhuwur diterjemahake kanthi otomatis."),
        ("su", "Tulisan di luhur ditarjamahkeun sacara otomatis."),
        ("lb", "Dës Websäit gouf automatesch iwwersat."),
        ("eo", "Ĉi tiu retejo estas aŭtomate tradukita."),
        ("nn", "Teksten nedanfor er automatisk omsett."),
        ("tt", "Әлеге текст автомат рәвештә тәрҗемә ителгән."),
        ("ba", "Ошо текст автомат рәүештә тәржемә ителгән."),
        ("zu", "Umbhalo ongenhla uhunyushwe ngomshini ngokuzenzakalela."),
        ("es", "Las descripciones de abajo fueron traducidas automáticamente."),
        ("id", "Tulisan di bawah ini diterjemahkan secara otomatis oleh mesin."),
        ("ms", "Tulisan di bawah diterjemahkan secara automatik."),
        ("vi", "Nội dung bên dưới đã được dịch tự động bằng máy."),
        ("vi", "Bài này được dịch tự động."),
        ("ar", "تمت ترجمتها آليا: النص أدناه مترجم بواسطة الذكاء الاصطناعي."),
        ("ar", "المحتوى أدناه تمت ترجمته تلقائيا."),
        ("fa", "مطلب فوق به صورت خودکار ترجمه شده است."),
        ("fa", "این نوشته با ترجمه ماشینی ترجمه شده است."),
        ("he", "הכתבות להלן תורגמו באופן אוטומטי."),
        ("ja", "当サイトの記事は機械翻訳で翻訳されています。"),
        ("ja", "この文章はAIによって自動翻訳されました。"),
        ("ko", "아래 내용은 AI가 자동으로 번역한 것입니다."),
        ("ko", "해당 문서는 기계 번역으로 번역되었습니다."),
        ("zh-Hans", "以下文字由机器自动翻译。"),
        ("zh-Hant", "以下文字由機器自動翻譯。"),
        ("th", "ข้อความด้านล่างแปลโดยเครื่องอัตโนมัติ"),
        ("hi", "नीचे दिया गया टेक्स्ट मशीन द्वारा अनुवादित है।"),
        ("hi", "इस वेबसाइट का अनुवाद स्वचालित रूप से किया गया है।"),
        ("bn", "নিচের লেখাটি স্বয়ংক্রিয়ভাবে অনুবাদ করা হয়েছে।"),
        ("ur", "نیچے دی گئی تحریر مشینی ترجمہ کی گئی ہے۔"),
        ("fy", "De tekst hjirboppe is automatysk oerset."),
        ("oc", "Aquesta pagina es estada traducha automaticament."),
        ("lb", "Den Text ënnen gouf automatesch iwwersat."),
        ("af", "Die onderstaande teks is outomaties vertaal."),
        ("tg", "Матни зер ба таври худкор тарҷума шудааст."),
        ("tt", "Югарыдагы текст автомат рәвештә тәрҗемә ителгән."),
        ("ba", "Был текст автомат рәүештә тәржемә ителгән."),
        ("de", "Dieser Artikel wurde mit einem Übersetzungsprogramm übersetzt."),
        ("nl", "Deze pagina is vertaald met vertaalsoftware."),
        ("es", "Esto fue traducido con un motor de traducción."),
        ("fr", "Ceci a été traduit par un moteur de traduction."),
        ("pt", "Isto foi traduzido por um motor de tradução."),
        ("it", "Questa pagina è stata tradotta con un motore di traduzione."),
        ("sv", "Denna sida har översatts med ett översättningsprogram."),
        ("da", "Denne side er oversat med et oversættelsesprogram."),
        ("nb", "Denne siden er oversatt med et oversettelsesprogram."),
        ("fi", "Tämä sivu on käännetty käännösohjelmalla."),
        ("ca", "Això s'ha traduït amb un motor de traducció."),
        ("et", "Selle lehe automaatne tõlge on tehtud masinaga."),
        ("sw", "Kurasa hizi zimetafsiriwa kiotomatiki."),
        ("zu", "Leli khasi lihunyushwe ngomshini."),
        ("mi", "Kua whakamāoritia te whārangi nei e te rorohiko."),
        ("st", "Maqephe ana a fetoletsoe ke mochini."),
        ("ti", "እዚ ገጽ ብማሽን ተተርጒሙ እዩ።"),
        ("am", "ይህ ገጽ በማሽን ተተርጉሟል።"),
        ("ps", "دې پاڼې متن په ماشیني ډول ژباړل شوی دی."),
        ("hy", "Ստորև բերված տեքստը թարգմանվել է ԱԲ-ի միջոցով։"),
        ("he", "המאמרים באתר זה מתורגמים באמצעות מכונת תרגום."),
        ("ku", "ئەم دەقە بە شێوەی ئۆتۆماتیک وەرگێڕدراوە."),
        ("hr", "Ovaj tekst preveo je strojni prevoditelj automatski."),
        ("sr", "Ovaj članak je preveo Google Translate."),
        ("el", "Τη σελίδα αυτή τη μετέφρασε μια μηχανή."),
        ("ro", "Traducerile de pe acest site sunt automate."),
        ("ca", "Les traduccions d'aquest lloc són automàtiques."),
        ("gl", "As traducións deste sitio son automáticas."),
        ("el", "Οι μεταφράσεις αυτής της σελίδας είναι αυτόματες."),
        ("id", "Halaman ini adalah terjemahan mesin."),
        ("ms", "Halaman ini merupakan terjemahan mesin."),
        ("vi", "Các bản dịch trên trang này là tự động."),
        ("sr", "Prevodi na ovom sajtu su automatski."),
        ("hr", "Prijevodi na ovoj stranici su strojni."),
        ("bs", "Prevodi na ovoj stranici su automatski."),
        ("sl", "Prevodi na tej strani so strojni."),
        ("bg", "Преводите на тази страница са автоматични."),
        ("lt", "Šio puslapio vertimai yra automatiniai."),
        ("lv", "Šīs lapas tulkojumi ir automātiski."),
        ("et", "Selle lehe tõlked on automaatsed."),
        ("fi", "Tämän sivuston käännökset ovat koneellisia."),
        ("uk", "Переклади на цьому сайті є машинними."),
        ("ru", "Данный текст является машинным переводом."),
        ("it", "Le traduzioni di questo sito sono automatiche."),
        ("ca", "Les informacions d'aquesta pàgina són traduccions automàtiques."),
        ("es", "Las versiones de esta página en otros idiomas son traducciones automáticas."),
        ("cs", "Obsah na stránce byl přeložen strojově."),
        ("uk", "Усе на цій сторінці перекладено автоматично."),
        ("pl", "Wszystko w tym artykule przetłumaczono maszynowo."),
        ("pl", "Tekst w niniejszym dokumencie przetłumaczono automatycznie."),
        ("tr", "Sitenin içeriği makine çevirisiyle çevrilmiştir."),
        ("be", "Усё на гэтай старонцы перакладзена аўтаматычна."),
        ("ar", "تمت الترجمة آليا لهذا المحتوى."),
    ],
    # A modal caveat "may not be perfect / accurate" beside a made form: read and blanked, its "not" is no negation.
    "caveat-may-not-be-perfect": [
        ("de", "Die Übersetzungen der Menüs sind maschinell erstellt und möglicherweise nicht korrekt."),
        ("sv", "Översättningarna av menyerna är automatiskt genererade och kanske inte är perfekta."),
        ("nl", "De vertalingen van de menu's zijn automatisch gegenereerd en mogelijk niet correct."),
        ("it", "Le traduzioni dei menu sono generate automaticamente e potrebbero non essere accurate."),
        ("fr", "Les traductions des menus sont générées automatiquement et peuvent ne pas être exactes."),
        ("pl", "Tłumaczenia menu zostały wygenerowane automatycznie i mogą nie być dokładne."),
        ("es", "Las traducciones de los menús se generaron automáticamente y pueden no ser exactas."),
    ],
    # A negation that narrows the content to other languages ("non-Chinese content"), not the statement.
    "negation-narrows-a-language": [
        ("en", "Content not in English is translated automatically."),
        ("de", "Nicht-deutsche Inhalte wurden maschinell übersetzt."),
        ("ru", "Статьи не на русском языке переведены автоматически."),
        ("vi", "Các bài viết không phải tiếng Việt được dịch tự động."),
        ("ar", "يتم ترجمة المقالات غير العربية آليًا."),
        ("fr", "Les articles qui ne sont pas en français sont traduits automatiquement."),
        ("es", "Los artículos que no están en español se traducen automáticamente."),
    ],
    # Arabic yeh and kaf where the lexicon writes the Persian letters (Pashto, Persian).
    "arabic-script-spelling": [
        ("ps", "دا معلومات په ماشيني ډول ژباړل شوي دي."),
        ("fa", "این صفحه به صورت خودكار ترجمه شده است."),
    ],
    # A note label opens the page's own remark: a generic noun then names this text.
    "note-label": [
        ("id", "Catatan: Ringkasan diterjemahkan secara otomatis oleh Google Translate."),
        ("en", "Note: Summaries are automatically translated by DeepL."),
        ("de", "Hinweis: Die Zusammenfassungen wurden von DeepL automatisch übersetzt."),
    ],
    # A bare label whose caveat is the next sentence.
    "label-then-caveat": [
        ("zh-Hans", "机器翻译。如有出入，以英文版本为准。"),
        ("ja", "機械翻訳。誤りが含まれている場合があります。"),
    ],
    # "This is a machine translation": a compound noun or an Armenian copula after the noun phrase.
    "nominal-predicate": [
        ("et", "Tegemist on masintõlkega."),
        ("fi", "Kyseessä on konekäännös."),
        ("hy", "Այս հոդվածը մեքենայական թարգմանություն է։"),
        ("hy", "Մեքենայական թարգմանություն, ստուգված հեղինակի կողմից։"),
    ],
    # Spellings and inflections the lexicons lacked: Maori without macrons, Tigrinya, Sesotho, Konkani.
    "lexicon-spelling": [
        ("mi", "Kua whakamaoritia aunoatia tenei wharangi."),
        ("ti", "እዚ ገጽ ብማሽን ዝተተርጎመ እዩ።"),
        ("st", "Leqephe lena le fetoletswe ka mochini."),
        ("gom", "हें पान यंत्रान भाशांतर केल्लें."),
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
