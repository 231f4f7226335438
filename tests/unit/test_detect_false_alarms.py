"""Texts that talk about machine translation but are no notice, one table per false-alarm class (issue 12).

Every case is our own sentence written for its class (detection rounds 4-8 and the real-set fixes); a few are
also rows of our dev or challenge sets (tests/data/detect-*.jsonl, marked "also a row of"), none is a row of
the shared eval set. Most are near negatives of a phrasing class in test_detect_notices.py. The per-language
table of negatives with the stronger confidence check is in test_detect_phrases.py (NOT_DISCLAIMERS, NOT_FLAGS).
"""

from __future__ import annotations

import pytest

from mtcheck.detect import detect_text

FALSE_ALARMS: dict[str, list[tuple[str, str]]] = {
    # Negated, in many languages.
    "negated": [
        ("en", "This page has not been machine translated yet."),  # also a row of real-1
        ("zh-Hans", "本文并非机器翻译，由译者人工翻译。"),
        ("zh-Hant", "此頁面非機器翻譯，由專業譯者翻譯。"),
        ("ne", "यो लेख मेसिन अनुवाद होइन।"),
        ("kk", "Бұл мақала машиналық аударма емес."),
        ("be", "Гэты артыкул не перакладзены аўтаматычна."),
        ("gl", "Este artigo non foi traducido automaticamente."),
        ("mr", "हा लेख यंत्राद्वारे अनुवादित केला नाही."),
        ("de", "Die Übersetzung ist nicht maschinell, sondern von Freiwilligen."),
        ("es", "Las traducciones no son automáticas."),
        # "Note" is not "not", and "never" still negates
        ("en", "Note that we never use machine translation."),
        # a negated copula: "is not / are not automatically translated" (a converter's heading, a status)
        ("hr", "Nije automatski prevedeno:"),
        ("hr", "Nisu automatski prevedeni:"),
        ("cs", "Není strojově přeloženo:"),
        ("cs", "Nejsou strojově přeloženy:"),
        ("lv", "Nav automātiski tulkots:"),
        ("et", "Pole automaatselt tõlgitud:"),
        ("sl", "Ni strojno prevedeno."),
        # negated, though "this" names the text: the deixis does not overrule the negation
        ("en", "This page was not machine translated into 12 languages."),
        # Arabic and Hindi negations (round 21: the rules read them; pinned here)
        ("ar", "هذه المقالة ليست مترجمة باستخدام DeepL."),
        ("ar", "هذا المحتوى لم تتم ترجمته آليًا."),
        ("hi", "यह पृष्ठ गूगल द्वारा अनुवादित नहीं है।"),
        ("hi", "यह सामग्री एआई द्वारा अनुवादित नहीं की गई है।"),
    ],
    # A settings screen, a toggle or a menu: "Automatic translation: Off".
    "setting-or-menu": [
        ("en", "Automatic translation: Off"),
        ("fr", "Traduction automatique : désactivée"),
        ("es", "Traducción automática: activada"),
        ("tr", "Makine çevirisi: Kapalı"),
        ("ja", "機械翻訳: オフ"),
        ("en", "Auto-translate comments: ON"),
        ("de", "Untertitel: Deutsch, Englisch, automatische Übersetzung"),
        ("en", "Subtitles: English, Spanish, auto-translated"),
        ("en", "Machine translation: not available for this language"),
        ("en", "Translation is automatic when you enable it in the settings."),
        ("en", "DeepL API keys are generated automatically in the settings."),
        # the imperative of translate: a button or a setting
        ("ur", "تمام تبصروں کا خودکار ترجمہ کریں"),
        ("ur", "پیغامات کا مشینی ترجمہ کیجیے"),
        # a UI action that shows or hides the translated text (not "show original", which goes with a notice)
        ("es", "Mostrar texto traducido automáticamente"),
        ("fr", "Afficher le texte traduit automatiquement"),
        ("de", "Maschinell übersetzten Text anzeigen"),
    ],
    # A statistic: a label, a colon and a count (script output, dashboards).
    "tally": [
        ("en", "Machine-translated segments: {count:,}"),
        ("en", "Auto-translated strings: 1,204 (38.5%)"),
        ("en", "Automatically translated: %d"),
        ("de", "Maschinell übersetzt: {total}"),
        ("fr", "Traduit automatiquement : 312"),
        ("en", "Machine translated files: {len(files)}"),
        ("es", "Traducidas automáticamente: 45"),
        ("ru", "Автоматически переведено: {count}"),
        ("pl", "Przetłumaczone maszynowo: %d"),
        ("zh-Hans", "自动翻译：{count}"),
        ("ja", "機械翻訳済み: 120"),
    ],
    # A feature that will, can or should translate (future, modal, habitual): not a statement about this text.
    "feature": [
        ("en", "If you leave the field empty, the title will be translated automatically."),
        ("en", "The plugin can translate product pages automatically."),
        ("de", "Die Beschreibung kann automatisch übersetzt werden, wenn Sie das Feld leer lassen."),
        ("ur", "خالی چھوڑنے پر عنوان خودکار طور پر ترجمہ ہو جائے گا۔"),
        ("ne", "के तपाईं नयाँ पृष्ठहरू स्वचालित रूपमा अनुवाद गर्न चाहनुहुन्छ?"),
        ("hi", "खाली छोड़ने पर विवरण स्वचालित रूप से अनुवादित हो जाएगा।"),
        ("vi", "Nội dung trang sẽ được dịch tự động khi bạn bật tùy chọn này."),
        ("ms", "Halaman ini akan diterjemahkan secara automatik selepas disimpan."),
        ("it", "La traduzione verrà eseguita automaticamente per le seguenti lingue"),  # also a row of real-2
        # a list of languages with a future tense (a setting)
        ("tr", "Aşağıdaki diller otomatik olarak çevrilecek"),
        # a modal: what should happen, not what happened
        ("it", "Questa pagina dovrebbe essere tradotta automaticamente dal sistema."),
        ("en", "Maybe we will add a notice that this page is an automatic translation."),
        # an active habitual about a tool: "it translates automatically"
        ("ur", "آپ کچھ بھی لکھیں، یہ ایپ خودکار طور پر ترجمہ کرتی ہے۔"),
        # a feature description
        ("en", "Comments are automatically translated into the reader's language."),  # also a row of challenge-1
        ("en", "We only use DeepL for translation."),
        ("en", "The library has added DeepL to its document translation tool."),
        # a long sentence about a feature that names languages is not a short status line
        ("en", "Customer reviews are automatically translated from German to English by the shop software."),
        # a tool describing its pre-translation feature
        ("en", "## Pre-translation via machine translation\n\nPhrase can pre-translate new keys with DeepL."),
        ("en", "Automatically generated by the DeepL integration in Weblate, please review the settings first."),
        # a future or modal right after the phrase in a verb-final language
        ("bn", "নতুন পোস্টগুলো স্বয়ংক্রিয়ভাবে অনুবাদ করা হবে।"),
        ("hi", "आपके संदेश स्वचालित रूप से अनुवादित होंगे।"),
        ("tr", "Mesajlarınız otomatik olarak çevrilecektir."),
        ("mr", "तुमचे संदेश आपोआप भाषांतरित केले जातील."),
        ("tr", "Mesajlarınız yapay zeka ile otomatik olarak çevrilecek."),
        # a capability: what a tool allows or lets you do
        ("en", "Lets editors use machine translation provided by Google to translate pages."),
        ("de", "Ermöglicht die maschinelle Übersetzung von Inhalten mit DeepL."),
        ("es", "Permite usar la traducción automática de DeepL para traducir el contenido."),
        ("it", "Consente di usare la traduzione automatica fornita da DeepL per tradurre i contenuti."),
        # a list of target languages stays a feature description
        ("en", "Our articles are automatically translated from English into 20 languages."),
        ("da", "Vores artikler bliver automatisk oversat fra engelsk til 20 sprog."),
        # no deixis: a generic statement about a site's articles
        ("en", "Articles are machine translated into 12 languages."),
        # a Korean subject particle is not the deictic "이", and "N개국어로" counts target languages
        ("ko", "✅ 게시글이 저장되고 5개국어로 자동 번역되었습니다!"),
        ("ko", "✅ 상품이 저장되고 6개국어로 자동 번역되었습니다!"),
        # Greek "αυτόματα" is not the deictic "αυτό"
        ("el", "Η αυτόματη μετάφραση προσφέρεται μόνο ως βοήθημα για τους μεταφραστές."),
        # a compound with the machine word but a feature sentence
        ("nb", "Appen kan maskinoversette tekster til mange språk."),
        # a tool or product as the subject of an active translate verb
        ("fr", "Notre outil traduit automatiquement les pages vers l'anglais."),
        ("nl", "Onze tool vertaalt de pagina's automatisch naar het Engels."),
    ],
    # A product, a heading or a topic: machine translation named, nothing said about this text.
    "product-or-heading": [
        # product nouns right after the phrase
        ("en", "This is a machine translation API."),
        ("en", "This is a machine translation tool for developers."),
        ("en", "Our translation service is AI-powered."),
        ("tr", "Bu uygulama makine çeviri hizmeti sunar."),  # a service offered, no passive agent
        # a heading: the label, a colon, a subtitle; a heading naming a product
        ("en", "Machine Translation: Developer Guidelines"),
        ("en", "Machine translation: a short history"),
        ("de", "Maschinelle Übersetzung in der Praxis: wie Verlage DeepL einsetzen"),
        ("en", "Machine translation in practice: how newsrooms use DeepL"),
        ("en", "## DeepL translator"),
        # the machine word before the copula: a topic
        ("en", "Machine translation is useful for developers."),
        ("de", "Wie gut ist DeepL wirklich? Wir haben den Übersetzungsdienst gegen Google Translate antreten lassen."),
        # a product in quotes followed by a product noun
        ("en", 'A simple "Google Translate" app for the command line'),
        ("bn", 'একটি "Google অনুবাদ" অ্যাপ তৈরি করুন'),
        # an engine as a product
        ("ja", "翻訳サービスDeepLを使ったチャットボットを設定してみる"),
        ("ar", "Cloud Translation API: تتيح ترجمة النص في تطبيقك."),
        # a gloss in brackets after the same term
        ("zh-Hans", "机器翻译(Machine Translation)是一种自动把文本从一种语言转换为另一种语言的技术"),
        # a term glossed in brackets in another language: the term is explained, not a badge
        ("sw", "Ni msingi wa kufundisha tafsiri ya mashine (machine translation)."),
        ("sw", "Hii ndiyo msingi wa tafsiri ya mashine (machine translation) ya kisasa."),
        ("tl", "Ito ang batayan ng pagsasalin ng makina (machine translation)."),
        ("fr", "C'est la base de l'entraînement de la traduction automatique (machine translation)."),
        ("tr", "Bu, makine çevirisi (machine translation) eğitiminin temelidir."),
        # a credit and a dash that names no text of this page
        ("en", "Powered by Google Translate - select your language"),
        ("en", "Powered by Google Translate – this page can be translated into 40 languages."),
        # a badge naming an engine that is not translation-only, or no machine marker of its own
        ("en", "Automatically generated using ChatGPT."),
        ("en", "Created with DeepL."),
        # a translation noun is not a made form: "automatic translation of X" is a product heading or a list item
        ("ur", "ویب سائٹس کا خودکار ترجمہ"),
        ("ur", "یوٹیوب ویڈیوز کا مشینی ترجمہ"),
        ("ar", "ترجمة آلية لصفحات الويب"),
        ("ar", "ترجمة تلقائية للرسائل الواردة"),
        ("fa", "ترجمه خودکار محتوای وب‌سایت"),
        ("fa", "ترجمه ماشینی صفحات"),
        ("ur", "ویڈیوز کا خودکار ترجمہ"),
        ("fa", "ترجمه خودکار ویدیوها"),
        # a heading about machine translation: "الترجمة" is a noun, not "was translated"
        ("ar", "الترجمة الآلية: المفاهيم والتطبيقات الحديثة"),
        # "used" in a question about a topic, "assisted" as a field of study or a product
        ("ru", "Можно ли использовать машинный перевод для документации?"),
        ("en", "Computer-assisted translation tools help human translators work faster."),
        # a nominal predicate without "this": a definition
        ("hi", "मशीनी अनुवाद एक तकनीक है।"),
        ("fa", "ترجمه ماشینی یک فناوری مفید است."),
        ("bn", "মেশিন অনুবাদ একটি প্রযুক্তি।"),
        # a label before a sentence about a product
        ("en", "Features: a machine translation API for developers."),
        # a bare label with another word is a heading or a phrase, not a badge
        ("ky", "Автоматтык котормо жөнүндө"),
        ("is", "Vélþýðing er gagnleg tækni."),
    ],
    # Someone else's translation: a hedge, a judgement, an example, a would-be translation, a bug report.
    "other-text": [
        ("en", "I'm pretty sure the old version was translated using Google Translate."),
        ("en", "I'm 90% sure that thread was translated with DeepL."),
        ("es", "Parece que estas secciones fueron traducidas con el traductor de Google."),
        ("de", "Der Text scheint maschinell übersetzt worden zu sein."),
        # a judgement of someone else's translation: a hedge between the translate word and the engine
        ("en", "The French subtitle track looks AI translated."),
        ("en", "Don't trust machine-translated menus."),
        # a generic plural subject where the phrase rules could not tell: not pointed at this text
        ("en", "Please stop merging machine translated posts."),
        # examples and definitions in policy or standards text
        ("en", "For example, a text in French that was machine translated from English gets the tag mt."),
        ("en", "Used to indicate content that was automatically translated."),
        ("pt", "Por exemplo, um documento que foi traduzido automaticamente do alemão recebe a etiqueta."),
        # a quoted example in prose stays an example
        ("en", 'The banner says "This page was machine translated" when the switch is on.'),
        # the same words quoted as an example inside a sentence about a plugin
        ("en", 'The plugin shows a banner saying "This page was machine translated into 12 languages" on every page.'),
        ("fr", "Notre extension affiche « Cette page a été traduite automatiquement en 12 langues » sur chaque page."),
        # subjunctive and conditional: a would-be translation
        ("de", "Eine maschinell übersetzte Anleitung wäre schlechter als gar keine."),
        ("fr", "Une version traduite automatiquement serait moins bonne."),
        # Chinese: the engine did not translate something (a bug report)
        ("zh-Hans", "DeepL 翻译网页时没有把标题翻译为中文"),
        # a changelog line
        ("ja", "ドキュメントの翻訳フローをDeepLによる処理に変更"),
        ("en", "* Fixed crash when the page was machine translated"),
        ("fr", "Ajout : traduction automatique des titres de produits"),
        # a third party's site, a policy
        ("en", "Their website is machine translated and full of errors."),
        ("en", "Our policy on machine translated content: we do not publish raw machine translation."),
        # a bare adjective is not a caveat: a CI rule about machine translation
        ("en", "The build fails while any machine translation in the repository is still unreviewed."),
        # "used" in a study: a topic cue, not this text
        ("en", "In the study, machine translation was used to compare the two corpora."),
        # "information" as the text's name does not make a general remark a notice
        ("en", "Machine-translated information can be misleading."),
        # an engine as the subject of another verb; the participle is an adjective of its object
        ("en", "Google penalizes machine-translated content."),
        ("ru", "Google наказывает машинно переведённый контент."),
        ("de", "Google bestraft maschinell übersetzte Inhalte."),
        ("pl", "Google karze automatycznie przetłumaczone treści."),
    ],
    # A rejected alternative: "instead of a page that is machine translated".
    "alternative": [
        (
            "de",
            "Wir bauen eigene Seiten für jede Sprache anstatt einer einzigen Seite die maschinell übersetzt wurde.",
        ),
        ("nb", "Vi lager egne sider for hvert språk, i stedet for én side som er maskinoversatt til flere språk."),
        ("es", "Creamos páginas separadas en lugar de una sola página que ha sido traducida automáticamente."),
        ("pl", "Tworzymy osobne strony zamiast jednej strony przetłumaczonej maszynowo na wiele języków."),
        ("pt", "Criamos páginas separadas em vez de uma única página traduzida automaticamente."),
        ("it", "Creiamo pagine separate invece di una sola pagina tradotta automaticamente."),
    ],
    # A human translator, a translation that is not between natural languages, or no machine word at all.
    "not-a-machine": [
        ("fr", "Ce livre a été traduit de l'anglais par Claude Gauthier."),  # also a row of challenge-2
        ("en", "Translated from the Italian by Ann Goldstein · See original title"),
        ("en", "translator: Claude Martin"),
        # a human team credit for an engine-like name
        ("ca", "Traducció al català: equip de Softcatalà"),  # also a row of challenge-5
        ("en", "This crate was auto-translated from C to Rust with c2rust."),
        # a placeholder for a person is not a slot, and nothing says machine
        ("en", "$USER_NAME$ translated this page"),
        # a status line with no machine word and no slot stays unread: it may be a human's
        ("hr", "Dokument je preveden."),
        ("en", "The proposal went through several rounds of review before translation."),
        # a review caveat with no machine: volunteers translated it
        ("en", "This page was translated by volunteers and has not been reviewed yet."),
        # a person called Claude, not the model
        ("fr", "Traduit par Claude Martin, pas encore relu."),
        # Hebrew proclitics do not make a human translator a machine
        ("he", "המתרגמים שלנו בודקים כל טקסט לפני הפרסום."),
        # a qualifier does not make a human translation a machine one
        ("de", "Teilweise von Freiwilligen übersetzt."),
        # a label ending in a colon after a named agent introduces a list of names, not a slot for the engine
        ("pt", "Este projeto foi traduzido por voluntários:"),
    ],
    # Code that prints or logs a label, and message strings about a provider.
    "code": [
        ("en", 'print(f"Auto-translated: {count}")'),
        ("en", 'logger.info("machine translated %d pages", n)'),
        ("en", 'x = Label("scores", "MT - Machine translation")  # Machine translation'),
        # a package-manager command as the subject: a tool description
        ("de", "pnpm i18n:sync übersetzt diese Dateien automatisch mit DeepL."),
        # a developer's status prefix opening the line: a code comment or docstring, not a notice
        ("de", "TODO: automatisch übersetzte Dateien prüfen"),
        ("pl", "DEPRECATED: automatycznie przetłumaczony pakiet, nie jest już importowany."),
        ("en", "%{provider} reported error %{code}: %{message}"),
        # a computed or length placeholder after the colon is a count (weigh TALLY, normalize _COUNT_HOLDER)
        ("en", "Machine translated: ${rows.length}"),
        ("de", "Automatisch übersetzt: ${done - skipped}"),
        ("fr", "Traduit automatiquement : {items.length}"),
    ],
    # Set 9's false alarms by mechanism (each flagged at a70dce4, none now). The noun the participle follows is the
    # object of another subject's verb (Romance order), as the noun after it is in the Germanic order.
    "object-of-another-verb": [
        ("es", "Los buscadores ignoran las páginas traducidas automáticamente."),
        ("fr", "Les moteurs de recherche ignorent les pages traduites automatiquement."),
        ("pt", "Os motores de busca ignoram as páginas traduzidas automaticamente."),
        ("ro", "Motoarele de căutare ignoră paginile traduse automat."),
        ("it", "Google declassa i contenuti tradotti automaticamente."),
        ("pt", "O Google rebaixa o conteúdo traduzido automaticamente."),
    ],
    # A sentence that opens with "machine-translated X" and goes on about X: not a status line.
    "a-sentence-about-such-texts": [
        ("en", "Automatically translated landing pages convert badly."),
        ("de", "Automatisch übersetzte Landingpages konvertieren schlecht."),
        ("nl", "Automatisch vertaalde landingspagina's converteren slecht."),
        ("sv", "Maskinöversatta produktsidor säljer sämre."),
    ],
    # "Please do not use machine translation": prohibitive forms in scripts without spaces and others.
    "prohibitive": [
        ("th", "กรุณาอย่าใช้การแปลโดยเครื่องกับเอกสารนี้"),
        ("lo", "ກະລຸນາຢ່າໃຊ້ການແປໂດຍເຄື່ອງກັບເອກະສານນີ້"),
        ("zh-Hans", "请勿将本页面的机器翻译版本转载。"),
    ],
    # An infinitive or a present form is what a tool does, not what was done to this text (eu, hu predicates).
    "infinitive-or-present": [
        ("eu", "Web orriak automatikoki itzultzeko tresna."),
    ],
    # A toast that confirms an action, a placeholder or a progress line that trails off.
    "ui-message": [
        ("ru", "Автоматически переведено!"),
        ("pl", "Przetłumaczono automatycznie!"),
        ("es", "¡Traducido automáticamente!"),
        ("de", "Fügen Sie hier den maschinell übersetzten Text ein..."),
        ("fr", "Collez ici le texte traduit automatiquement…"),
    ],
    # "The languages below are translated …": the definite plural of "languages" as the subject (a setting).
    "languages-as-subject": [
        ("da", "Sprogene herunder bliver oversat automatisk på denne computer."),
        ("nb", "Språkene nedenfor blir oversatt automatisk på denne enheten."),
    ],
    # "This extension shows …": the deictic word points at a tool, not at this text.
    "this-tool": [
        ("fi", "Tämä laajennus näyttää automaattisesti käännetyn version."),
        ("hu", "Ez a bővítmény automatikusan lefordított változatot jelenít meg."),
        ("et", "See laiendus kuvab automaatselt tõlgitud versiooni."),
        ("fi", "Tämä työkalu näyttää konekäännetyn tekstin."),
    ],
    # Translated "into your language" with nothing pointing at this text: a feature or a setting.
    "into-your-language": [
        ("fr", "Les messages des clients sont traduits automatiquement dans votre langue."),
        ("de", "Die Nachrichten Ihrer Kunden werden automatisch in Ihre Sprache übersetzt."),
        ("es", "Los mensajes de los clientes se traducen automáticamente a tu idioma."),
        ("nl", "Berichten van klanten worden automatisch vertaald naar jouw taal."),
        ("ro", "Mesajele clienților sunt traduse automat în limba ta."),
        ("id", "Pesan pelanggan diterjemahkan secara otomatis ke bahasa Anda."),
        ("vi", "Tin nhắn của khách hàng được dịch tự động sang ngôn ngữ của bạn."),
    ],
    # An obligation with nothing pointing at this text: a rule or a policy about such texts.
    "obligation": [
        ("tr", "Makine ile çevrilmiş metinler yayından önce kontrol edilmelidir."),
        ("sv", "Maskinöversatta texter måste granskas före publicering."),
        ("ko", "기계 번역된 텍스트는 게시 전에 검토해야 합니다."),
        ("hi", "मशीन द्वारा अनुवादित पाठ को प्रकाशन से पहले जांचा जाना चाहिए।"),
        ("hu", "Gépi fordítással készült szövegeket publikálás előtt ellenőrizni kell."),
    ],
    # Near negatives of the lexicon audit's new words: "below" before a how-to, an active past with a human subject,
    # a new content noun in a negated or descriptive sentence.
    "lexicon audit": [
        ("en", "The wiki explains how to enable machine translation in your browser settings."),
        ("en", "Below you can choose whether comments are machine translated."),
        ("de", "Unten können Sie die automatische Übersetzung aktivieren."),
        ("de", "Die Beiträge wurden nicht maschinell übersetzt, sondern von unserem Team."),
        ("es", "Abajo puedes activar la traducción automática de los comentarios."),
        ("es", "Elena tradujo esta página a mano, sin traducción automática."),
        ("fr", "Ci-dessous, découvrez comment activer la traduction automatique."),
        ("pt", "Veja abaixo como ativar a tradução automática no navegador."),
        ("pt", "Neste site, nenhum texto é traduzido automaticamente."),
        ("it", "Qui sotto trovi come attivare la traduzione automatica."),
        ("nl", "Hieronder leest u hoe u automatische vertaling inschakelt."),
        ("ru", "Ниже описано, как включить машинный перевод в браузере."),
        ("ru", "Эту статью перевели наши волонтёры вручную, без машинного перевода."),
        ("uk", "Цю статтю переклали наші волонтери вручну, без машинного перекладу."),
        ("pl", "Poniżej opisujemy, jak włączyć tłumaczenie maszynowe."),
        ("pl", "Tę stronę przetłumaczył ręcznie nasz redaktor."),
        ("cs", "Tuto stránku přeložil náš dobrovolník, ne strojový překlad."),
        ("tr", "Bu bölüm makine çevirisinin nasıl çalıştığını anlatıyor."),
        ("sv", "Nedan beskriver vi hur du aktiverar maskinöversättning."),
        ("da", "Nedenfor kan du slå automatisk oversættelse til."),
        ("nb", "Nedenfor kan du slå på automatisk oversettelse."),
        ("sr", "Ову страницу је превео наш преводилац, не машински превод."),
        ("hr", "Ovu stranicu preveo je naš prevoditelj, a ne strojno prevođenje."),
        ("el", "Ο Νίκος μετέφρασε αυτή τη σελίδα χωρίς μηχανική μετάφραση."),
        ("is", "Vefurinn er opinn og þýðingar eru ekki vélþýddar."),
        ("fi", "Alla kerrotaan, miten konekäännös otetaan käyttöön."),
        ("ko", "아래 설정에서 자동 번역을 켤 수 있습니다."),
        ("ko", "아래 설정에서 해당 언어의 자동 번역을 켤 수 있습니다."),
        ("ja", "翻訳を作成するには、自動翻訳ボタンを押してください。"),
        ("vi", "Bài này hướng dẫn cách bật dịch tự động trên trình duyệt."),
        ("fa", "در تنظیمات زیر می‌توانید ترجمه خودکار را فعال کنید."),
        ("id", "Di bawah ini cara mengaktifkan terjemahan otomatis di peramban."),
        ("he", "להלן הוראות להפעלת תרגום אוטומטי בדפדפן."),
        ("de", "Wir empfehlen kein Übersetzungsprogramm für juristische Texte."),
        ("es", "¿Qué motor de traducción recomiendas para documentos legales?"),
        ("nl", "Welke vertaalsoftware gebruikt u voor uw teksten?"),
        ("fr", "Ceci explique comment choisir un moteur de traduction."),
        ("et", "Kas automaatne tõlge on sama hea kui inimese tehtud tõlge?"),
        ("sw", "Jinsi ya kuwasha tafsiri ya mashine kwenye kivinjari chako."),
        ("he", "איך מפעילים מכונת תרגום בדפדפן?"),
        ("en", "This setting prevents automatic translation of code blocks."),
        ("el", "Η μηχανή αναζήτησης δεν μεταφράζει τις σελίδες."),
        ("hr", "Ovaj tekst preveo je naš kolega Marko."),
        ("ro", "Traducerea este automată doar dacă o activați din setări."),
        ("id", "Terjemahan mesin adalah teknologi yang berguna."),
        ("id", "Apakah halaman ini adalah terjemahan mesin?"),
        ("ru", "Машинный перевод является полезным инструментом."),
        ("uk", "Машинний переклад є корисним інструментом."),
        ("bg", "Машинният превод е полезен, но не винаги е точен."),
        ("fi", "Konekäännös on hyödyllinen työkalu."),
        ("hr", "Strojni prijevodi su sve bolji, ali nisu savršeni."),
        ("it", "Attiva le traduzioni automatiche nelle impostazioni."),
        ("ca", "Com funcionen les traduccions automàtiques?"),
        ("pl", "W artykule opisujemy, jak działa tłumaczenie maszynowe."),
        ("tr", "Metnin makine çevirisi yapılmadı."),
        ("ar", "لم تتم الترجمة آليا لهذا المحتوى."),
        ("ar", "كيف تتم الترجمة الآلية؟"),
    ],
    # The near misses of the concept mechanisms of set 9's round: a negation before a translate word and a language
    # name, a note label on a refusal, a compound noun as a subject or in a question, a label with no caveat after it.
    "concept-near-misses": [
        ("en", "This page was not machine translated into English."),
        ("de", "Der Text wurde nicht maschinell ins Englische übersetzt."),
        ("vi", "Trang này không được dịch máy sang tiếng Anh."),
        ("fr", "Ce texte n'est pas en français et n'a pas été traduit automatiquement."),
        ("en", "Note: machine translated submissions are not accepted."),
        ("en", "Note: automatically translated subtitles are available for some videos."),
        ("id", "Catatan: terjemahan mesin tidak diterima."),
        ("et", "Masintõlge on kasulik tööriist."),
        ("fi", "Onko tämä konekäännös?"),
        ("et", "See ei ole masintõlge."),
        ("zh-Hans", "机器翻译。本文介绍其历史。"),
        ("ps", "دا مقاله په ماشيني ډول نه ده ژباړل شوې."),
        ("hy", "Մեքենայական թարգմանությունը օգտակար գործիք է։"),
        ("de", "Maschinelle Übersetzung ist nicht perfekt, aber hilfreich."),
        # a hedge on machine translation in general: no made form, nothing said of this text
        ("de", "Maschinelle Übersetzungen sind möglicherweise nicht perfekt, deshalb prüfen wir alles."),
        ("fr", "Les traductions automatiques peuvent ne pas être exactes ; utilisez-les avec prudence."),
        ("it", "Le traduzioni automatiche potrebbero non essere accurate: per questo usiamo traduttori umani."),
        ("pl", "Tłumaczenia maszynowe mogą nie być dokładne."),
        ("ar", "سيتم ترجمة المحتوى غير العربي آليًا قريبًا."),
    ],
    # Badges and UI strings, the near negatives (our own table): buttons and settings ("Translate automatically",
    # "Enable machine translation", "Show translation").
    "ui_setting_or_action": [
        ("en", "Translate automatically"),
        ("en", "Enable machine translation"),
        ("en", "Machine translation settings"),
        ("en", "Show translation"),
        ("fr", "Traduire automatiquement"),
        ("fr", "Activer la traduction automatique"),
        ("fr", "Paramètres de traduction automatique"),
        ("fr", "Afficher la traduction"),
        ("de", "Automatisch übersetzen"),
        ("de", "Maschinelle Übersetzung aktivieren"),
        ("de", "Einstellungen für maschinelle Übersetzung"),
        ("de", "Übersetzung anzeigen"),
        ("es", "Traducir automáticamente"),
        ("es", "Activar la traducción automática"),
        ("es", "Configuración de traducción automática"),
        ("es", "Mostrar traducción"),
        ("it", "Traduci automaticamente"),
        ("it", "Attiva la traduzione automatica"),
        ("it", "Impostazioni di traduzione automatica"),
        ("it", "Mostra traduzione"),
        ("pt", "Traduzir automaticamente"),
        ("pt", "Ativar tradução automática"),
        ("pt", "Configurações de tradução automática"),
        ("pt", "Mostrar tradução"),
        ("nl", "Automatisch vertalen"),
        ("nl", "Machinevertaling inschakelen"),
        ("nl", "Instellingen voor machinevertaling"),
        ("nl", "Vertaling weergeven"),
        ("af", "Aktiveer masjienvertaling"),
        ("af", "Instellings vir masjienvertaling"),
        ("af", "Wys vertaling"),
        ("da", "Oversæt automatisk"),
        ("da", "Aktivér maskinoversættelse"),
        ("da", "Indstillinger for maskinoversættelse"),
        ("da", "Vis oversættelse"),
        ("sv", "Översätt automatiskt"),
        ("sv", "Aktivera maskinöversättning"),
        ("sv", "Inställningar för maskinöversättning"),
        ("sv", "Visa översättning"),
        ("nb", "Oversett automatisk"),
        ("nb", "Slå på maskinoversettelse"),
        ("nb", "Innstillinger for maskinoversettelse"),
        ("nb", "Vis oversettelse"),
        ("fi", "Käännä automaattisesti"),
        ("fi", "Ota konekäännös käyttöön"),
        ("fi", "Konekäännöksen asetukset"),
        ("fi", "Näytä käännös"),
        ("pl", "Tłumacz automatycznie"),
        ("pl", "Włącz tłumaczenie maszynowe"),
        ("pl", "Ustawienia tłumaczenia maszynowego"),
        ("pl", "Pokaż tłumaczenie"),
        ("cs", "Překládat automaticky"),
        ("cs", "Zapnout strojový překlad"),
        ("cs", "Nastavení strojového překladu"),
        ("cs", "Zobrazit překlad"),
        ("sl", "Samodejno prevajaj"),
        ("sl", "Omogoči strojno prevajanje"),
        ("sl", "Nastavitve strojnega prevajanja"),
        ("sl", "Pokaži prevod"),
        ("hr", "Omogući strojno prevođenje"),
        ("hr", "Postavke strojnog prevođenja"),
        ("hr", "Prikaži prijevod"),
        ("hu", "Fordítsd le automatikusan"),
        ("hu", "Gépi fordítás engedélyezése"),
        ("hu", "Gépi fordítás beállításai"),
        ("hu", "Fordítás megjelenítése"),
        ("ro", "Tradu automat"),
        ("ro", "Activează traducerea automată"),
        ("ro", "Setări pentru traducerea automată"),
        ("ro", "Afișează traducerea"),
        ("ru", "Переводить автоматически"),
        ("ru", "Включить машинный перевод"),
        ("ru", "Настройки машинного перевода"),
        ("ru", "Показать перевод"),
        ("uk", "Перекладати автоматично"),
        ("uk", "Увімкнути машинний переклад"),
        ("uk", "Налаштування машинного перекладу"),
        ("uk", "Показати переклад"),
        ("el", "Μετάφρασε αυτόματα"),
        ("el", "Ενεργοποίηση αυτόματης μετάφρασης"),
        ("el", "Ρυθμίσεις αυτόματης μετάφρασης"),
        ("el", "Εμφάνιση μετάφρασης"),
        ("tr", "Otomatik çevir"),
        ("tr", "Makine çevirisini etkinleştir"),
        ("tr", "Makine çevirisi ayarları"),
        ("tr", "Çeviriyi göster"),
        ("ar", "تفعيل الترجمة الآلية"),
        ("ar", "إعدادات الترجمة الآلية"),
        ("ar", "عرض الترجمة"),
        ("ar", "واجهة برمجة الترجمة الآلية"),
        ("he", "תרגם אוטומטית"),
        ("he", "הפעל תרגום מכונה"),
        ("he", "הגדרות תרגום מכונה"),
        ("he", "הצג תרגום"),
        ("fa", "خودکار ترجمه کن"),
        ("fa", "فعال‌سازی ترجمه ماشینی"),
        ("fa", "تنظیمات ترجمه ماشینی"),
        ("fa", "نمایش ترجمه"),
        ("hi", "स्वचालित रूप से अनुवाद करें"),
        ("hi", "मशीन अनुवाद सक्षम करें"),
        ("hi", "मशीन अनुवाद सेटिंग्स"),
        ("hi", "अनुवाद दिखाएँ"),
        ("mr", "स्वयंचलितपणे भाषांतर करा"),
        ("mr", "यांत्रिक भाषांतर सक्षम करा"),
        ("mr", "यांत्रिक भाषांतर सेटिंग्ज"),
        ("mr", "भाषांतर दाखवा"),
        ("bn", "স্বয়ংক্রিয়ভাবে অনুবাদ করুন"),
        ("bn", "মেশিন অনুবাদ চালু করুন"),
        ("bn", "মেশিন অনুবাদ সেটিংস"),
        ("bn", "অনুবাদ দেখান"),
        ("ja", "自動で翻訳する"),
        ("ja", "機械翻訳を有効にする"),
        ("ja", "機械翻訳の設定"),
        ("ja", "翻訳を表示"),
        ("zh-Hans", "启用机器翻译"),
        ("zh-Hans", "机器翻译设置"),
        ("zh-Hans", "显示翻译"),
        ("zh-Hant", "啟用機器翻譯"),
        ("zh-Hant", "機器翻譯設定"),
        ("zh-Hant", "顯示翻譯"),
        ("ko", "자동으로 번역하기"),
        ("ko", "기계 번역 사용"),
        ("ko", "기계 번역 설정"),
        ("ko", "번역 보기"),
        ("vi", "Nhấn để dịch"),
        ("vi", "Bật dịch máy"),
        ("vi", "Cài đặt dịch máy"),
        ("vi", "Hiện bản dịch"),
        ("th", "เปิดใช้การแปลด้วยเครื่อง"),
        ("th", "การตั้งค่าการแปลด้วยเครื่อง"),
        ("th", "แสดงคำแปล"),
        ("id", "Terjemahkan otomatis"),
        ("id", "Aktifkan terjemahan mesin"),
        ("id", "Pengaturan terjemahan mesin"),
        ("id", "Tampilkan terjemahan"),
        ("sw", "Washa tafsiri ya mashine"),
        ("sw", "Mipangilio ya tafsiri ya mashine"),
        ("sw", "Onyesha tafsiri"),
        ("am", "በራስ-ሰር ተርጉም"),
        ("am", "የማሽን ትርጉምን አንቃ"),
        ("am", "የማሽን ትርጉም ቅንብሮች"),
        ("am", "ትርጉሙን አሳይ"),
        ("cy", "Galluogi cyfieithu peirianyddol"),
        ("cy", "Gosodiadau cyfieithu peirianyddol"),
        ("cy", "Dangos y cyfieithiad"),
        ("ga", "Aistrigh go huathoibríoch"),
        ("ga", "Cumasaigh aistriúchán meaisín"),
        ("ga", "Socruithe aistriúcháin meaisín"),
        ("ga", "Taispeáin an t-aistriúchán"),
        ("gl", "Traducir automaticamente"),
        ("gl", "Activar a tradución automática"),
        ("gl", "Configuración da tradución automática"),
        ("gl", "Amosar tradución"),
        ("ig", "Sụgharịa na-akpaghị aka"),
        ("ig", "Kwado nsụgharị igwe"),
        ("ig", "Ntọala nsụgharị igwe"),
        ("ig", "Gosi nsụgharị"),
        ("ka", "თარგმნე ავტომატურად"),
        ("ka", "მანქანური თარგმანის ჩართვა"),
        ("ka", "მანქანური თარგმანის პარამეტრები"),
        ("ka", "თარგმანის ჩვენება"),
        ("mt", "Ittraduċi awtomatikament"),
        ("mt", "Ippermetti t-traduzzjoni awtomatika"),
        ("mt", "Settings tat-traduzzjoni awtomatika"),
        ("mt", "Uri t-traduzzjoni"),
        ("my", "အလိုအလျောက် ဘာသာပြန်ရန်"),
        ("my", "စက်ဘာသာပြန်ကို ဖွင့်ရန်"),
        ("my", "စက်ဘာသာပြန် ဆက်တင်များ"),
        ("my", "ဘာသာပြန်ချက်ကို ပြရန်"),
        ("rw", "Hindura mu buryo bwikora"),
        ("rw", "Fungura ubusemuzi bw'imashini"),
        ("rw", "Igenamiterere ry'ubusemuzi bw'imashini"),
        ("rw", "Erekana ubusemuzi"),
        ("so", "Si toos ah u turjun"),
        ("so", "Daar turjumaadda mashiinka"),
        ("so", "Dejinta turjumaadda mashiinka"),
        ("so", "Muuji turjumaadda"),
        ("tn", "Ranola ka boitiriso"),
        ("tn", "Tsenya thanolo ya motšhine"),
        ("tn", "Dithulaganyo tsa thanolo ya motšhine"),
        ("tn", "Bontsha thanolo"),
        ("xh", "Guqulela ngokuzenzekelayo"),
        ("xh", "Vula uguqulelo lomatshini"),
        ("xh", "Iisetingi zoguqulelo lomatshini"),
        ("xh", "Bonisa uguqulelo"),
        ("zu", "Humusha ngokuzenzakalelayo"),
        ("zu", "Vula ukuhumusha ngomshini"),
        ("zu", "Izilungiselelo zokuhumusha ngomshini"),
        ("zu", "Bonisa ukuhumusha"),
        ("yo", "Túmọ̀ láìfọwọ́yí"),
        ("yo", "Mú ìtúmọ̀ ẹ̀rọ ṣiṣẹ́"),
        ("yo", "Ètò ìtúmọ̀ ẹ̀rọ"),
        ("yo", "Fi ìtúmọ̀ hàn"),
        ("ha", "Kunna fassarar na'ura"),
        ("ha", "Saitunan fassarar na'ura"),
        ("ha", "Nuna fassara"),
        ("tl", "Awtomatikong isalin"),
        ("tl", "I-enable ang pagsasaling makina"),
        ("tl", "Mga setting ng pagsasaling makina"),
        ("tl", "Ipakita ang salin"),
    ],
    # A product heading: "Machine translation API".
    "product_heading": [
        ("en", "Machine translation API"),
        ("fr", "API de traduction automatique"),
        ("de", "API für maschinelle Übersetzung"),
        ("es", "API de traducción automática"),
        ("it", "API di traduzione automatica"),
        ("pt", "API de tradução automática"),
        ("nl", "API voor machinevertaling"),
        ("af", "API vir masjienvertaling"),
        ("da", "API til maskinoversættelse"),
        ("sv", "API för maskinöversättning"),
        ("nb", "API for maskinoversettelse"),
        ("fi", "Konekäännös-API"),
        ("pl", "API tłumaczenia maszynowego"),
        ("cs", "API pro strojový překlad"),
        ("sl", "API za strojno prevajanje"),
        ("hr", "API za strojno prevođenje"),
        ("hu", "Gépi fordítási API"),
        ("ro", "API de traducere automată"),
        ("ru", "API машинного перевода"),
        ("uk", "API машинного перекладу"),
        ("el", "API αυτόματης μετάφρασης"),
        ("tr", "Makine çevirisi API'si"),
        ("he", "API לתרגום מכונה"),
        ("fa", "API ترجمه ماشینی"),
        ("hi", "मशीन अनुवाद API"),
        ("mr", "यांत्रिक भाषांतर API"),
        ("bn", "মেশিন অনুবাদ API"),
        ("ja", "機械翻訳API"),
        ("zh-Hans", "机器翻译 API"),
        ("zh-Hant", "機器翻譯 API"),
        ("ko", "기계 번역 API"),
        ("vi", "API dịch máy"),
        ("th", "API การแปลด้วยเครื่อง"),
        ("id", "API terjemahan mesin"),
        ("sw", "API ya tafsiri ya mashine"),
        ("am", "የማሽን ትርጉም API"),
        ("cy", "API cyfieithu peirianyddol"),
        ("ga", "API aistriúcháin meaisín"),
        ("gl", "API de tradución automática"),
        ("ig", "API nsụgharị igwe"),
        ("ka", "მანქანური თარგმანის API"),
        ("mt", "API tat-traduzzjoni awtomatika"),
        ("my", "စက်ဘာသာပြန် API"),
        ("rw", "API y'ubusemuzi bw'imashini"),
        ("so", "API-ga turjumaadda mashiinka"),
        ("tn", "API ya thanolo ya motšhine"),
        ("xh", "I-API yoguqulelo lomatshini"),
        ("zu", "I-API yokuhumusha ngomshini"),
        ("yo", "API ìtúmọ̀ ẹ̀rọ"),
        ("ha", "API na fassarar na'ura"),
        ("tl", "API ng pagsasaling makina"),
    ],
    # A log or dashboard label with a count: "Auto-translated: {count}".
    "ui_tally": [
        ("en", "Auto-translated: {count}"),
        ("fr", "Traduits automatiquement : {count}"),
        ("de", "Automatisch übersetzt: {count}"),
        ("es", "Traducidos automáticamente: {count}"),
        ("it", "Tradotti automaticamente: {count}"),
        ("pt", "Traduzidos automaticamente: {count}"),
        ("nl", "Automatisch vertaald: {count}"),
        ("af", "Outomaties vertaal: {count}"),
        ("da", "Automatisk oversat: {count}"),
        ("sv", "Automatiskt översatta: {count}"),
        ("nb", "Automatisk oversatt: {count}"),
        ("fi", "Automaattisesti käännetty: {count}"),
        ("pl", "Przetłumaczono automatycznie: {count}"),
        ("cs", "Automaticky přeloženo: {count}"),
        ("sl", "Samodejno prevedeno: {count}"),
        ("hr", "Automatski prevedeno: {count}"),
        ("hu", "Automatikusan lefordítva: {count}"),
        ("ro", "Traduse automat: {count}"),
        ("ru", "Переведено автоматически: {count}"),
        ("uk", "Перекладено автоматично: {count}"),
        ("el", "Μεταφρασμένα αυτόματα: {count}"),
        ("tr", "Otomatik çevrilen: {count}"),
        ("ar", "تمت ترجمتها تلقائيًا: {count}"),
        ("he", "תורגמו אוטומטית: {count}"),
        ("fa", "ترجمه‌شده خودکار: {count}"),
        ("hi", "स्वतः अनूदित: {count}"),
        ("mr", "स्वयंचलितपणे भाषांतरित: {count}"),
        ("bn", "স্বয়ংক্রিয়ভাবে অনূদিত: {count}"),
        ("ja", "自動翻訳済み: {count}"),
        ("zh-Hans", "已自动翻译：{count}"),
        ("zh-Hant", "已自動翻譯：{count}"),
        ("ko", "자동 번역됨: {count}"),
        ("vi", "Đã dịch tự động: {count}"),
        ("th", "แปลอัตโนมัติแล้ว: {count}"),
        ("id", "Diterjemahkan otomatis: {count}"),
        ("sw", "Zilizotafsiriwa kiotomatiki: {count}"),
        ("am", "በራስ-ሰር የተተረጎሙ: {count}"),
        ("cy", "Wedi'u cyfieithu'n awtomatig: {count}"),
        ("ga", "Aistrithe go huathoibríoch: {count}"),
        ("gl", "Traducidos automaticamente: {count}"),
        ("ig", "Asụgharịrị na-akpaghị aka: {count}"),
        ("ka", "ავტომატურად ნათარგმნი: {count}"),
        ("mt", "Tradotti awtomatikament: {count}"),
        ("my", "အလိုအလျောက် ဘာသာပြန်ထားသည်: {count}"),
        ("rw", "Byahinduwe mu buryo bwikora: {count}"),
        ("so", "Si toos ah loo turjumay: {count}"),
        ("tn", "Di ranotswe ka boitiriso: {count}"),
        ("xh", "Eziguqulelwe ngokuzenzekelayo: {count}"),
        ("zu", "Okuhunyushwe ngokuzenzakalelayo: {count}"),
        ("yo", "Tí a túmọ̀ láìfọwọ́yí: {count}"),
        ("ha", "An fassara ta atomatik: {count}"),
        ("tl", "Awtomatikong naisalin: {count}"),
    ],
    # A button or a setting next to a "Show original" link: the link makes no badge of an action.
    "ui_action_show_original": [
        ("en", "Auto-translate · Show original"),
        ("en", "Translate with AI · Show original"),
        ("fr", "Traduire automatiquement · Afficher l'original"),
        ("zu", "Humusha ngokuzenzakalelayo · Bonisa okwangempela"),
        ("en", "Machine translation settings · Show original"),
        ("en", "Google Translate · Show original"),
        ("en", "Show translation · Show original"),
        ("id", "Aktifkan terjemahan mesin · Lihat asli"),
        ("en", "Translation settings ({lang}) · Show original"),
        ("en", "{lang} (translation settings)"),
        ("en", "Google Translate API (v3)"),
        ("en", "Google penalizes machine-translated pages"),
    ],
    # The near negatives of the second badge table: "Translate to {lang}" buttons in each language, settings
    # labels with a value after the colon, counts, and "original" in a tail that is no link to this text.
    "ui_second_table": [
        ("en", "Machine translation (beta) settings"),
        ("en", "Auto-translate this page"),
        ("en", "Turn on automatic translation"),
        ("en", "Translate to {lang}"),
        ("fr", "Traduire en {lang}"),
        ("de", "In {lang} übersetzen"),
        ("es", "Traducir al {lang}"),
        ("it", "Traduci in {lang}"),
        ("pt", "Traduzir para {lang}"),
        ("nl", "Vertalen naar {lang}"),
        ("pl", "Przetłumacz na {lang}"),
        ("ru", "Перевести на {lang}"),
        ("tr", "{lang} diline çevir"),
        ("ja", "{lang}に翻訳"),
        ("zh-Hans", "翻译成{lang}"),
        ("ko", "{lang}(으)로 번역"),
        ("vi", "Dịch sang {lang}"),
        ("id", "Terjemahkan ke {lang}"),
        ("sw", "Tafsiri kwa {lang}"),
        ("ar", "ترجمة إلى {lang}"),
        ("he", "תרגם ל{lang}"),
        ("hi", "{lang} में अनुवाद करें"),
        ("zu", "Humusha uye ku-{lang}"),
        ("ga", "Aistrigh go {lang}"),
        ("en", "Machine translation quality report"),
        ("en", "Machine translation: {count} segments"),
        ("de", "Maschinelle Übersetzung: Einstellungen"),
        ("fr", "Traduction automatique : activer"),
        ("es", "Traducción automática — cómo funciona"),
        ("en", "Original · Translation"),
        ("en", "Hire a translator · See original pricing"),
        ("en", "Translation services | See original offer"),
    ],
    # Set 12's round: a program identifier on the line (a variable, a field, a file, a data set's name) makes it
    # code, a docstring, a log line or a README's account of a script, not a notice.
    "code-identifier": [
        ("pt", "Validação externa: conjunto squad_pt (traduzido automaticamente do inglês)."),
        ("pl", "Zbiór hellaswag_pl (przetłumaczony maszynowo z angielskiego), odpowiedzi wielokrotnego wyboru."),
        ("ru", "Тексты из папки raw_texts переведены автоматически с помощью DeepL."),
        ("tr", "Çıktı dosyası cevap_listesi, makine çevirisi ile Türkçeye çevrildi."),
    ],
    # A docstring: a sentence that opens with "returns" ("Gibt … zurück", "Renvoie", "Devuelve") on the line.
    "docstring": [
        ("fr", "Traduit avec DeepL. Renvoie la liste des textes traduits."),
        ("es", "Traducido automáticamente con DeepL. Devuelve solo los textos traducidos."),
        ("de", "Maschinell übersetzt mit DeepL. Liefert die übersetzten Zeilen zurück."),
        ("en", "Translated with DeepL. Returns only the texts that were translated."),
    ],
    # A log line: a log prefix or a time stamp with seconds opens it.
    "log-line": [
        ("es", "[+] Traducido automáticamente con DeepL"),
        ("fr", "INFO:root:traduit automatiquement avec DeepL"),
        ("ru", "2026-09-01 12:00:01 переведено автоматически с помощью DeepL"),
        ("it", "[INFO] Tradotto automaticamente con DeepL"),
    ],
    # A non-past or action form of the verb (ja, ko): a menu item, a button or a log line, not how this text was made.
    "non-past-action": [
        ("ja", "DeepLで翻訳する"),
        ("ja", "ChatGPTで翻訳しましょう"),
        ("ja", "DeepLで翻訳してください"),
        ("ja", "DeepLで翻訳して下さい"),
        ("ko", "DeepL로 번역하기"),
        ("ko", "파파고로 번역하세요"),
        ("ko", "구글 번역으로 번역해 보세요"),
    ],
    # "Choose the language to translate into:": the choose/select imperative, missing from the small lexicons.
    "choose-a-language": [
        ("so", "Xulo luqadda loo turjumayo:"),
    ],
    # The near negatives of the third table: "Translate this page" in each language, "Show translation", an
    # agent noun after a machine word ("Automatski prevoditelj", a product), headings about the topic.
    # Near misses of set 12's recall mechanisms: a person translates "by"; a platform where people translate, a
    # German noun, a manner or a helper after "with" is no instrument; a bracketed status with no engine (a feature).
    "instrument-near-misses": [
        ("en", "Translated by Maria Lopez"),
        ("es", "Traducido por Ana García"),
        ("en", "Translated using Weblate"),
        ("de", "Übersetzt mit Crowdin"),
        ("de", "Übersetzt mit Freunden"),
        ("en", "Translated with love"),
        ("fr", "Traduit avec soin"),
        ("en", "Translated with the help of Anna"),
        ("en", "Translated with Poedit"),
        ("pt", "Traduzido com a ajuda da comunidade"),
        ("hr", "Upute za kuću (automatski prevedeno na 11 jezika)"),
        ("es", "Manual de usuario (traducido por voluntarios)"),
        ("en", "Our guide (translate with Google)"),
        ("af", "Masjienvertaling is nie perfek nie"),
        ("nl", "Machinevertaling is nog niet beschikbaar"),
        ("ha", "Inji shi, an fassara littafin."),
    ],
    # A command line that does not translate, or an instruction to run one: no notice.
    "command-line-near-misses": [
        ("en", "Run npx translate-docs to translate your README."),
        ("en", "The translated strings are built by running npx build-i18n."),
        ("en", "Install with npx create-app; translated docs are in /docs."),
    ],
    # The status string quoted in a sentence about it: a mention, not a status head.
    "quoted-status-head": [
        ("ko", '"(Translated by Google)" 표시가 붙은 댓글은 숨김'),
        ("en", '"Translated by DeepL" labels are removed from the export.'),
    ],
    # What machine translation in general "may contain": no text of this page is named.
    "may-contain-general": [
        ("es", "Los traductores automáticos pueden contener sesgos de género."),
        ("pt", "Ferramentas de tradução automática podem conter vieses."),
        ("fr", "Les systèmes de traduction automatique peuvent contenir des biais."),
        ("vi", "Dịch máy có thể chứa thiên kiến."),
        ("zh-Hans", "机器翻译系统可能包含偏见。"),
        ("en", "Machine translation engines may contain biases from their training data."),
    ],
    # The original named inside a phrase, not as the subject of its own clause; an action in Khmer.
    "original-in-a-phrase": [
        ("en", "feat(docs): disclose machine-translated pages with a link to the English original"),
        ("cs", "Strojový překlad, originál a korektura: tři sloupce tabulky."),
        ("km", "បកប្រែជាមួយ AI"),
    ],
    # A label that opens a sentence about machine translation (a copula after it), or "not machine translation".
    "label-head-in-a-sentence": [
        ("en", "Machine translation from English to Japanese is hard."),
        ("id", "Terjemahan mesin dari bahasa Inggris ke bahasa Jawa masih sulit."),
        ("bn", "মেশিন অনুবাদ নয় — নিজের ভাষায় স্বাভাবিক বাক্য লিখুন।"),
        ("sw", "Tafsiri ya mashine kutoka Kiingereza ni ngumu."),
        ("he", "תרגום מכונה מאנגלית לעברית הוא קשה."),
    ],
    # The same present passive in a feature, a question, a human credit.
    "present-passive-near-misses": [
        ("sv", "Användarnas meddelanden översätts automatiskt till över 30 språk."),
        ("nb", "Hvordan oversettes en nettside automatisk?"),
        ("sv", "Appen översätts av frivilliga, inte av maskiner."),
    ],
    # The same words negated, or a remark on machine translation in general after "apart from English".
    "other-than-a-language-near-misses": [
        ("es", "Los idiomas distintos al japonés no son traducciones automáticas."),
        ("de", "Außer Deutsch sind maschinelle Übersetzungen hier nicht erlaubt."),
        ("pt", "Além do inglês, poucas línguas têm boa tradução automática."),
        ("it", "Tranne l'inglese, le traduzioni automatiche sono ancora deboli."),
    ],
    # An engine and a translate NOUN (the product's local name, machine translation as a subject) in a sentence with a
    # predicate of its own, tied by no instrument or agent word: a remark about the engine, not a credit on this text.
    "engine-noun-in-prose": [
        ("de", "Google Übersetzer hat wie alle anderen maschinellen Übersetzer seine Grenzen."),
        ("fr", "La traduction de DeepL n'est pas acceptée pour les documents officiels."),
        ("pt", "O Google Tradutor mudou para um sistema de tradução neural em 2016."),
        ("ko", "DeepL의 번역 품질은 유럽 언어에서 특히 뛰어나다."),
        ("tr", "Google Çeviri, diğer sistemler gibi, bazı hatalar yapmaktadır."),
        ("sr", "Google Prevodilac, kao i ostali sistemi, ima svoja ograničenja."),
        ("fr", "Des années plus tard, Google Traduction est passé à la traduction automatique neuronale."),
        ("pl", "Google Tłumacz, podobnie jak inne systemy tłumaczenia, ma swoje ograniczenia."),
        ("zh-Hans", "谷歌翻译已成为许多人日常使用的核心工具。"),
    ],
    # Deixis that points elsewhere: at a time ("this week"), or a possessive on the tool ("our AI"); and the reader's
    # own text ("your messages"): what a feature or a policy does with it. None of these names this text.
    "deixis-elsewhere-or-the-readers-text": [
        ("de", "Diese Woche hat DeepL eine neue Übersetzungsmaschine mit künstlicher Intelligenz vorgestellt."),
        ("en", "This week the company launched a new translation engine that uses artificial intelligence."),
        ("en", "Millions of words have been translated with our AI."),
        ("de", "Über eine Million Sätze wurden schon mit unserer KI übersetzt."),
        ("fr", "Des millions de mots ont été traduits par notre IA."),
        ("id", "Jutaan kalimat sudah diterjemahkan oleh AI kami."),
        ("en", "Your messages are translated automatically by AI before they are stored."),
        ("de", "Ihre Nachrichten werden von unserer KI automatisch übersetzt."),
        ("fr", "Vos documents sont traduits automatiquement par IA."),
        ("id", "Pesan Anda diterjemahkan secara otomatis oleh AI."),
    ],
    # A camelCase member, index or call on the line: a code comment or a plan describing code.
    "camel-case-code": [
        ("fr", "Si this.autoTranslated vaut true, la page traduite automatiquement affiche un bandeau."),
        ("es", "Cuando isMachineTranslated(doc) es verdadero, el texto traducido automáticamente lleva una etiqueta."),
        ("vi", "Khi bản dịch máy có trong translatedPages[id], hiện nhãn ở đầu trang."),
    ],
    # A "don't" item: a cross mark opens the line of a list or of a prompt's rules.
    "crossed-out-item": [
        ("fr", "- ✗ Texte traduit automatiquement depuis l'anglais"),
        ("es", "🚫 Traducción automática del inglés"),
        ("de", "❌ Nicht verwenden: maschinell übersetzte Texte aus dem Englischen"),
    ],
    # A button or setting that opens with the infinitive or imperative of "translate", in lexicons that lacked the
    # action form (mn, mk, sr, hy) or whose phrase rules took the infinitive for a participle (lv).
    "action-form-gaps": [
        ("mn", "Автоматаар орчуулах"),
        ("mn", "Автоматаар орчуул"),
        ("mk", "Преведи автоматски"),
        ("sr", "Аутоматски преведи"),
        ("hy", "Թարգմանել ավտոմատ"),
        ("lv", "Tulkot automātiski"),
    ],
    # A comparative right before the phrase: machine-translated text as one side of a comparison.
    "comparison": [
        ("en", "LLMs follow English prompts better than machine-translated ones."),
        ("hr", "Modeli bolje razumiju izvorne tekstove nego strojno prevedene."),
        ("ru", "Модели лучше понимают исходные тексты, чем машинно переведённые."),
        ("pl", "Oryginalne teksty są lepsze niż przetłumaczone maszynowo."),
        ("cs", "Původní texty jsou lepší než strojově přeložené."),
        ("sv", "Originaltexter fungerar bättre än maskinöversatta."),
    ],
    # A tool as the subject of an active verb, the participle in what it makes: a feature description.
    "tool-as-subject": [
        ("de", "Das Plugin erstellt eine neue Seite mit maschinell übersetztem Inhalt."),
        ("fr", "L'extension crée une copie de la page avec du contenu traduit automatiquement."),
        ("es", "La aplicación genera un documento nuevo con contenido traducido automáticamente."),
        ("da", "Appen opretter en ny side med maskinoversat indhold."),
    ],
    # A code comment's tag or a route opening the line: a comment in a controller or a task list.
    "comment-tag": [
        ("fr", "ACTION: traduit automatiquement par IA"),
        ("de", "ROUTE: automatisch übersetzt mit DeepL"),
        ("de", "// TODO: maschinell übersetzte Texte markieren"),
        ("en", "# FIXME: machine-translated strings from the old release"),
    ],
    # A definition: "… is called post-editing", a term being named, in the topic cues of both layers.
    "definition": [
        ("da", "Denne efterbehandling af maskinoversatte tekster kaldes efterredigering."),
        ("de", "Die Nachbearbeitung maschinell übersetzter Texte nennt man Post-Editing."),
        ("en", "This review of machine-translated texts is called post-editing."),
        ("fr", "La révision des textes traduits automatiquement s'appelle la post-édition."),
        ("sv", "Granskningen av maskinöversatta texter kallas efterredigering."),
    ],
    # A definition of the term: a short subject naming machine translation or an engine, then the copula of a
    # definition ("is a", "— це", "to", "是一种"); the sentence speaks of the term, not of this text (round 13).
    "term-defined-by-copula": [
        ("en", "Machine translation is a process in which software converts text from one language to another."),
        ("fr", "La traduction automatique est une technique qui traduit un texte d'une langue à une autre."),
        ("ru", "Машинный перевод — это процесс автоматического перевода текста компьютерной программой."),
        ("uk", "Машинний переклад — це процес, у якому програма автоматично передає зміст тексту."),
        ("uk", "DeepL — це онлайн-сервіс машинного перекладу, створений німецькою компанією."),
        ("es", "El traductor de Google es una herramienta gratuita de traducción automática."),
        ("nl", "Automatische vertaling is een techniek waarbij software tekst automatisch vertaalt."),
        ("bg", "Машинен превод — това е процес на автоматичен превод на текст."),
        ("de", "Maschinelle Übersetzung ist ein Verfahren, bei dem ein Computerprogramm Texte automatisch überträgt."),
        ("pl", "Tłumaczenie maszynowe to proces, w którym program automatycznie tłumaczy tekst."),
        ("cs", "Strojový překlad je proces automatického překladu textu počítačem."),
        ("zh-Hans", "机器翻译是一种利用计算机自动将文本从一种语言翻译成另一种语言的技术。"),
        ("ja", "機械翻訳とは、コンピュータを用いてある言語を別の言語に自動的に翻訳する技術である。"),
        ("id", "Terjemahan mesin adalah proses penerjemahan teks secara otomatis oleh komputer."),
        ("el", "Η μηχανική μετάφραση είναι μια διαδικασία αυτόματης μετάφρασης κειμένου από υπολογιστή."),
        ("fa", "ترجمه ماشینی یک فناوری است که متن را به طور خودکار از زبانی به زبان دیگر برمی‌گرداند."),
    ],
    # A notice reported, not shown: an article, a notice noun and "that" / "saying" before the phrase, in a changelog,
    # an issue or a spec that describes a notice feature (round 13).
    "reported-notice": [
        ("en", "Translated pages now show a short notice that the content is machine-translated."),
        ("en", "The app now displays a warning that the text has been translated automatically."),
        ("de", "Die Übersetzungsseite zeigt jetzt einen Hinweis, dass der Inhalt maschinell übersetzt wurde."),
        ("fr", "La page affiche désormais un bandeau indiquant que le contenu a été traduit automatiquement."),
        ("pt", "O site exibe uma mensagem informando que a página foi traduzida automaticamente."),
        ("es", "La aplicación muestra un aviso que indica que el texto fue traducido automáticamente."),
        ("en", "Added a banner saying this article was machine translated, shown only on localized pages."),
    ],
    # One item of a list ("…: speech recognition, machine translation, summarisation"), or a label in brackets between
    # words of a sentence that goes on after them: the phrase qualifies another noun (round 14, asides.py).
    "list-member": [
        ("en", "Use cases: text classification, machine translation, and question answering."),
        ("de", "Themen: Spracherkennung, maschinelle Übersetzung, Textzusammenfassung"),
        ("fr", "Domaines : reconnaissance vocale, traduction automatique, résumé de texte."),
        ("es", "Aplicaciones: chatbots, traducción automática (DeepL), análisis de sentimiento."),
        ("ru", "Области: распознавание речи, машинный перевод, поиск."),
        ("pl", "Zastosowania: rozpoznawanie mowy, tłumaczenie maszynowe, streszczanie."),
        ("it", "Ambiti (NLP, traduzione automatica)"),
        ("cs", "Zaškrtni vše, co zní divně — krkolomné, doslovné, strojově přeložené nebo prostě cizí."),
        ("hi", "विषय: वाक् पहचान, मशीन अनुवाद, और सारांश।"),
    ],
    "bracket-in-prose": [
        ("en", "A catalogue of recipes with notes in German (machine translation), filters and search."),
        ("en", "The strings in French (machine translated) are listed in the table below."),
        ("de", "Die Beschreibungen auf Englisch (maschinell übersetzt) werden unten angezeigt."),
        ("fr", "Le seul fichier (traduction automatique) contient encore des erreurs de mise en page."),
        ("es", "Los subtítulos en inglés (traducción automática) aparecen debajo del vídeo del curso."),
        ("pt", "As legendas em inglês (tradução automática) ficam abaixo do vídeo da aula."),
        ("nl", "De teksten in het Duits (machinaal vertaald) staan in de tabel hieronder."),
        ("cs", "Popisky v angličtině (strojový překlad) jsou uvedeny v tabulce níže."),
    ],
    # A label glossed in brackets after a quoted term ('appears: "機械翻訳" (machine translation)'), a quoted string
    # whose words only stand inside the quotes of a sentence in another language, a count placeholder and the noun
    # it counts after the phrase (a log line): round 14.
    "gloss-of-a-quoted-term": [
        ("en", 'Then a small label appears: "Traduction automatique" (machine translation).'),
        ("de", 'Danach erscheint der Hinweis "機械翻訳" (maschinelle Übersetzung).'),
        ("es", 'En la esquina aparece "Maschinelle Übersetzung" (traducción automática).'),
        ("fr", "Le pied de page affiche « Machine translation » (traduction automatique)."),
    ],
    "quoted-string-in-another-language": [
        (
            "en",
            'The old build showed "Traduit automatiquement · Voir l’original" under every review, even under reviews'
            " written in French.",
        ),
        (
            "de",
            'Der Fehler: Unter jedem Satz stand "Автоматически переведено · Показать оригинал", auch wenn niemand'
            " etwas übersetzt hatte.",
        ),
        (
            "es",
            'En la versión anterior, cada reseña mostraba "Machine translated · Show original" aunque nadie la había'
            " traducido.",
        ),
    ],
    "count-slot-log-line": [
        ("en", "Automatically translated %d strings"),
        ("en", "Auto-translated {count} segments in 3 files"),
        ("fr", "Traduit automatiquement %u messages"),
        ("ru", "Автоматически переведено %d строк"),
    ],
    # A future or modal marker right before the phrase ("will be translated", Thai "จะถูกแปล"), and a number of languages
    # or locales before a bracketed label ("50 languages (machine translation)"): a feature (round 14).
    "future-before-the-phrase": [
        ("th", "ข้อความที่คุณพิมพ์ในช่องนี้จะถูกแปลอัตโนมัติเป็นภาษาอังกฤษ"),
        ("th", "ข้อความในแชทจะถูกแปลโดยอัตโนมัติ"),
        ("vi", "Văn bản bạn nhập vào ô này sẽ được dịch tự động."),
        ("fr", "Le texte saisi dans ce champ sera traduit automatiquement."),
    ],
    "number-of-languages": [
        ("ar", "أكثر من 50 لغة (ترجمة آلية)"),
        ("en", "All 30 locales (machine translated)."),
        ("de", "Alle 25 Locales (maschinell übersetzt)"),
        ("en", "Machine-translated locales: fr, de, es"),
    ],
    # An engine and the translate verb in an action form (non-past, future, progressive, "try", "perform"): what a tool,
    # a command or a button does, not how this text was made (round 15).
    "action-form-after-an-engine": [
        ("ko", "선택한 문단을 DeepL로 번역합니다."),
        ("ko", "파파고로 번역할 문장을 아래에 붙여 넣으세요."),
        ("ko", "입력 문자열을 구글 번역기로 번역한다"),
        ("ko", "게시글을 ChatGPT로 번역하는 버튼"),
        ("ko", "어려운 문장은 AI로 번역해 보세요"),
        ("ko", "필요하면 원문을 받아 DeepL로 번역해 보시기 바랍니다"),
        ("ja", "GPT-4で翻訳中…"),
        ("ja", "DeepLで翻訳しても意味が変わらないように書いてください"),
        ("ja", "送信前にDeepLで翻訳を行う"),
        ("tr", "Bu komut DeepL ile çeviri yapar."),
    ],
    # An engine as the instrument and the verb followed by its object, where the verb does not inflect: a step, a button
    # or a feature ("use DeepL to translate the titles"), not how this text was made (round 15).
    "verb-with-its-object": [
        ("zh-Hans", "使用 DeepL 翻译网页标题"),
        ("zh-Hans", "用谷歌翻译把日志翻译成英文"),
        ("zh-Hans", "第二步：使用 ChatGPT 翻译字幕文件"),
        ("zh-Hant", "使用 DeepL 翻譯說明文件"),
        ("zh-Hant", "用 ChatGPT 翻譯論文摘要"),
    ],
    # Chinese, Japanese and Korean sisters of the round-15 readings: the label as the subject, a reason without a
    # subject, a reader's guess ("obviously", "looks like"), a label and caveat quoted in a sentence about them, a
    # human agent after 由, "for machine translation" (a purpose), settings
    "cjk-label-as-subject-guess-or-purpose": [
        ("ja", "機械翻訳は便利ですが、完璧ではありません。"),
        ("ko", "기계 번역은 빠르지만 항상 정확하지는 않습니다."),
        ("zh-Hans", "机器翻译是一项复杂的任务。"),
        ("ja", "機械翻訳なので、精度はあまり期待できません。"),
        ("ko", "기계 번역이라서 품질이 낮다는 의견이 많습니다."),
        ("zh-Hans", "这段文字显然是机器翻译的，读起来很别扭。"),
        ("zh-Hans", "这些句子好像是机翻的，读不懂。"),
        ("ko", "이 문장은 확실히 기계 번역입니다."),
        ("zh-Hant", "在譯文旁加上「機器翻譯，僅供參考」的標記。"),
        ("zh-Hans", "在说明旁加上“机翻，仅供参考”的标记。"),
        ("zh-Hans", "在页面底部显示“自动翻译，仅供参考”的提示。"),
        ("zh-Hans", "本文由志愿者翻译。"),
        ("zh-Hant", "本文由社群志工翻譯。"),
        ("ja", "機械翻訳のためのデータセットを公開しました。"),
        ("ko", "기계 번역을 위한 데이터셋을 공개했습니다."),
        ("zh-Hans", "机翻的质量不太好。"),
        ("zh-Hans", "请勿提交机翻的译文。"),
        ("ja", "自動翻訳を有効にする"),
        ("ko", "자동 번역 사용"),
    ],
    "ui_third_table": [
        ("hr", "Automatski prevoditelj"),
        ("id", "Terjemahkan halaman ini"),
        ("ko", "번역 설정"),
        ("fr", "Traduire"),
        ("sw", "Tafsiri ukurasa huu"),
        ("tr", "Makine çevirisi hakkında"),
        ("ja", "機械翻訳とは"),
        ("ga", "Aistrigh an leathanach seo"),
        ("zu", "Humusha leli khasi"),
        ("rw", "Ibikoresho by'ubusemuzi bw'imashini"),
        ("en", "Machine translation vs. human translation"),
        ("de", "Übersetzung anfragen"),
        ("es", "Solicitar traducción profesional"),
        ("el", "Μετάφραση σελίδας"),
        ("da", "Oversæt denne side"),
        ("fi", "Käännä tämä sivu"),
        ("bn", "এই পৃষ্ঠাটি অনুবাদ করুন"),
        ("mr", "हे पृष्ठ भाषांतरित करा"),
        ("zh-Hant", "翻譯此頁"),
        ("am", "ይህን ገጽ ተርጉም"),
        ("yo", "Túmọ̀ ojú-ìwé yìí"),
        ("my", "ဤစာမျက်နှာကို ဘာသာပြန်ပါ"),
        ("ka", "ამ გვერდის თარგმნა"),
        ("so", "Turjun boggan"),
        ("tn", "Ranola tsebe e"),
        ("xh", "Guqulela eli phepha"),
        ("cy", "Cyfieithu'r dudalen hon"),
        ("mt", "Ittraduċi din il-paġna"),
        ("ha", "Fassara wannan shafin"),
    ],
}

CASES = [
    pytest.param(language, text, id=f"{kind}-{language}-{i}")
    for kind, rows in FALSE_ALARMS.items()
    for i, (language, text) in enumerate(rows)
]


@pytest.mark.parametrize(("language", "text"), CASES)
def test_false_alarm_stays_quiet(language: str, text: str) -> None:
    d = detect_text(text)
    assert not d.machine_translated, [(e.kind, e.weight, e.text) for e in d.evidence]


def test_no_false_alarm_is_listed_twice() -> None:
    texts = [text for rows in FALSE_ALARMS.values() for _, text in rows]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("placement", ["top", "bottom"])
def test_placement_does_not_change_the_reading(placement: str) -> None:
    body = "The museum opens at nine. Tickets are sold at the door and online.\n\nGuided tours start every hour."
    for _, text in (row for rows in FALSE_ALARMS.values() for row in rows):
        placed = f"{text}\n\n{body}" if placement == "top" else f"{body}\n\n{text}"
        assert not detect_text(placed).machine_translated, text
