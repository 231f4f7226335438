"""Detection quality, issue 12, round 5: phrasing classes found on the fit half of detect-real-5.

Every case is our own sentence written for the class (none is a row of a dev set): a notice wrapped in a
question and a request ("Do you read X? The text above was automatically translated ..."), "above" as the
text's deixis, an engine as the subject of "translated this page", a status label ending in a colon where a
language name is appended ("Translated to: "), a short status line that names its source language, and the
false-alarm class of features that *will* or *can* translate (a future / modal marker governing the translate
word, per lexicon, after it in verb-final languages).
"""

from __future__ import annotations

import pytest

from mtcheck.detect import concepts, detect_text

NOTICES = [
    # a notice inside a question and a request to vote, "above" as the subject's deixis
    ("en", "Do you read Dutch? The recipe text above was automatically translated from English. Is it okay? Vote!"),
    ("da", "Læser du dansk? Opskriften ovenfor er automatisk oversat fra engelsk. Er den forståelig?"),
    ("fi", "Luetko suomea? Yllä oleva ohje on käännetty automaattisesti englannista. Onko se selkeä?"),
    ("hi", "क्या आप हिंदी पढ़ते हैं? ऊपर दिया गया विवरण अंग्रेजी से स्वचालित रूप से अनुवादित किया गया था। क्या यह ठीक है?"),
    ("ro", "Citiți în română? Textul de mai sus a fost tradus automat din engleză. Vi se pare clar?"),
    ("vi", "Bạn đọc tiếng Việt chứ? Phần mô tả ở trên đã được dịch tự động từ tiếng Anh."),
    ("uk", "Опис товару вище було автоматично перекладено з англійської."),
    ("ur", "اوپر دی گئی تفصیل انگریزی سے خود بخود ترجمہ کی گئی ہے۔"),
    # an engine as the subject of translating this page
    ("bn", "Google এই পৃষ্ঠাটি স্বয়ংক্রিয়ভাবে অনুবাদ করেছে।"),
    ("ha", "Google ya fassara wannan shafin ta atomatik."),
    ("lo", "Google ໄດ້ແປໜ້ານີ້ແບບອັດຕະໂນມັດ"),
    ("kn", "Google ಈ ಪುಟವನ್ನು ಸ್ವಯಂಚಾಲಿತವಾಗಿ ಭಾಷಾಂತರಿಸಿದೆ."),
    # a status label that ends in a colon: the language name is appended by code
    ("en", "Translated to: "),
    ("ha", "An fassara zuwa: "),
    ("km", "បានបកប្រែជា៖"),
    # a short status line made by a machine that names its source language
    ("ms", "Diterjemahkan secara automatik daripada bahasa Jerman."),
    ("en", "*Automatically translated from Dutch*"),
    # a Bengali participle form and a document noun
    ("bn", "এটি একটি স্বয়ংক্রিয়ভাবে অনুবাদকৃত নথি।"),
    # (from the check half, after its held-out measure) a full stop after an Indic vowel sign ends the notice,
    # so the caveat's "may" and "or" in the next sentence are not read into it
    ("gu", "આ લેખ આપમેળે અનુવાદિત થયો છે. તેમાં ભૂલો અથવા ખામીઓ હોઈ શકે છે."),
    ("ta", "இந்தக் கட்டுரை தானாக மொழிபெயர்க்கப்பட்டுள்ளது. இதில் பிழைகள் அல்லது குறைகள் இருக்கலாம்."),
    # a bare status badge: the making and the machine, nothing else
    ("ne", "स्वचालित रूपमा अनुवाद गरिएको।"),
    ("en", "Automatically translated."),
    # Zulu passive with a noun-class concord, Luxembourgish participle, Pashto with the Arabic yeh
    ("zu", "Lesi sihloko sihunyushwe ngokuzenzakalelayo."),
    ("lb", "Dësen Artikel gouf automatesch iwwersat."),
    ("ps", "دا مقاله په اتوماتيک ډول ژباړل شوې ده."),
    # a caveat ("may not be perfect") makes the label a statement about this text
    ("ms", "Terjemahan automatik mungkin tidak sempurna."),
    # a question before the notice naming another language is not a language picker
    ("ko", "한국어를 읽으세요? 위의 제품 설명은 독일어에서 자동으로 번역되었습니다."),
]

NEGATIVES = [
    # a feature or setting that will or can translate: not a statement about this text
    ("en", "If you leave the field empty, the title will be translated automatically."),
    ("en", "The plugin can translate product pages automatically."),
    ("de", "Die Beschreibung kann automatisch übersetzt werden, wenn Sie das Feld leer lassen."),
    ("ur", "خالی چھوڑنے پر عنوان خودکار طور پر ترجمہ ہو جائے گا۔"),
    ("ne", "के तपाईं नयाँ पृष्ठहरू स्वचालित रूपमा अनुवाद गर्न चाहनुहुन्छ?"),
    ("hi", "खाली छोड़ने पर विवरण स्वचालित रूप से अनुवादित हो जाएगा।"),
    ("vi", "Nội dung trang sẽ được dịch tự động khi bạn bật tùy chọn này."),
    ("ms", "Halaman ini akan diterjemahkan secara automatik selepas disimpan."),
    # an active habitual about a tool: "it translates automatically"
    ("ur", "آپ کچھ بھی لکھیں، یہ ایپ خودکار طور پر ترجمہ کرتی ہے۔"),
    # a generic plural subject where the phrase rules could not tell: not pointed at this text
    ("en", "Please stop merging machine translated posts."),
    # a long sentence about a feature that names languages is not a short status line
    ("en", "Customer reviews are automatically translated from German to English by the shop software."),
]


@pytest.mark.parametrize(("language", "text"), NOTICES)
def test_notice_round_5(language: str, text: str) -> None:
    assert detect_text(text).machine_translated, (language, text)


@pytest.mark.parametrize(("language", "text"), NEGATIVES)
def test_negative_round_5(language: str, text: str) -> None:
    assert not detect_text(text).machine_translated, (language, text)


def test_future_marker_reads_only_next_to_the_translate_word() -> None:
    # "will" after the participle, in a language where the marker precedes the verb, does not veto the notice
    reading = concepts.read("This page was machine translated and will be reviewed by our editors.")
    assert reading is not None and "future" not in reading.concepts
    reading = concepts.read("This page will be machine translated.")
    assert reading is not None and "future" in reading.concepts


def test_italian_never_is_not_a_romanian_negation() -> None:
    reading = concepts.read("Textul de mai sus a fost tradus automat din engleză.")
    assert reading is not None and reading.language == "ro" and "negation" not in reading.concepts


def test_colon_slot_needs_a_done_form_and_a_short_label() -> None:
    assert concepts.read("Translated to: ") is not None and concepts.read("Translated to: ").slots == 1
    imperative = concepts.read("Translate to: ")
    assert imperative is None or imperative.slots == 0
    long = concepts.read("Here is a list of every document that we have translated to: ")
    assert long is None or long.slots == 0


def test_danda_ends_a_sentence() -> None:
    pieces = concepts.fragments("पहला वाक्य है। दूसरा वाक्य?")
    assert len(pieces) == 2
