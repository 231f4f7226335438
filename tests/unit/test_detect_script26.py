"""Round 26 (branch script26): notices in Cyrillic, Georgian, Indic and Arabic-script languages missed by mechanism;
docs/detection.md, "Round 26: script26". Every sentence here is written for the test, none is a dev-set row. Each
case expected flagged failed before its fix (checked by stashing the fix); the negatives are look-alikes (general
talk about machine translation with the same caveat words, settings, remarks about another service, human
translations, questions) that must stay unflagged.
"""

from __future__ import annotations

import pytest

from mtcheck.detect import concepts, detect_text

# A bare label and its caveat ("Machine translation — may contain errors"): the caveat words of each language
# (`label_caveat`), read only where the rest of the line is the bare label
LABEL_AND_CAVEAT = [
    "Машин орчуулга — алдаатай байж болно.",  # mn
    "Автомат орчуулга — таны тав тухад",
    "AI орчуулга: алдаа гарч болно",
    "AI თარგმანი, თქვენი მოხერხებულობისთვის",  # ka
    "মেশিন অনুবাদ — ভুল থাকতে পারে",  # bn
    "স্বয়ংক্রিয় অনুবাদ — এখনো পর্যালোচিত নয়",
    "यंत्र अनुवाद — चुका असू शकतात",  # mr
    "यन्त्र अनुवाद — सुविधाका लागि",  # ne
    "※ एआई अनुवाद सही नहीं हो सकता",  # hi
    "മെഷീൻ വിവർത്തനം — നിങ്ങളുടെ സൗകര്യത്തിനായി",  # ml
    "મશીન અનુવાદ — ભૂલો હોઈ શકે છે",  # gu
    "ਮਸ਼ੀਨੀ ਅਨੁਵਾਦ — ਗਲਤੀਆਂ ਹੋ ਸਕਦੀਆਂ ਹਨ",  # pa
    "ಯಂತ್ರ ಅನುವಾದ — ದೋಷಗಳಿರಬಹುದು",  # kn
    "Автоматтык котормо — каталар болушу мүмкүн",  # ky
    "Тарҷумаи мошинӣ — метавонад хато дошта бошад",  # tg
    "مشینی ترجمہ — درست نہیں ہو سکتا",  # ur
    "مشینی ترجمہ، آپ کی سہولت کے لیے",
]

LABEL_CAVEAT_LOOKALIKES = [
    # general talk: the caveat said of machine translation at large, of another service or of human translation
    "Машин орчуулга ерөнхийдөө алдаатай байж болно гэдгийг судалгаа харуулсан.",
    "Google Translate-ийн орчуулга алдаатай байж болно.",
    "Хүний орчуулга ч бас алдаатай байж болно.",
    "गूगल ट्रांसलेट के अनुवाद में त्रुटि हो सकती है।",
    "मानव अनुवाद भी सही नहीं हो सकता है।",
    "মানব অনুবাদেও ভুল থাকতে পারে।",
    "গুগল ট্রান্সলেটের অনুবাদে ভুল থাকতে পারে।",
    "Жалпы машиналық аударма қателер болуы мүмкін, сондықтан заңгерлер оны қолданбайды.",
    "ზოგადად მანქანურ თარგმანს შეიძლება ჰქონდეს შეცდომები, ამიტომ იურისტები მას არ იყენებენ.",
    "Машинны пераклад наогул можа ўтрымліваць памылкі, таму юрысты яго не выкарыстоўваюць.",
    "மனித மொழிபெயர்ப்பிலும் பிழைகள் இருக்கலாம்.",
    "Человеческий перевод — возможны ошибки",
    # settings and actions with "for your convenience"
    "Таны тав тухад зориулж тохиргооноос автомат орчуулгыг асааж болно.",
    "सुविधा के लिए आप सेटिंग्स में स्वचालित अनुवाद चालू कर सकते हैं।",
    "আপনার সুবিধার জন্য সেটিংসে স্বয়ংক্রিয় অনুবাদ চালু করুন।",
    "Ыңғайлылық үшін баптауларда автоматты аударманы қосуға болады.",
    "თქვენი მოხერხებულობისთვის პარამეტრებში შეგიძლიათ ჩართოთ ავტომატური თარგმანი.",
    "Для вашай зручнасці можна ўключыць аўтаматычны пераклад у наладах.",
    "உங்கள் வசதிக்காக அமைப்புகளில் தானியங்கி மொழிபெயர்ப்பை இயக்கலாம்.",
    "Автоматтык котормону жөндөөлөрдөн күйгүзүңүз, ыңгайлуулук үчүн.",
    "Машинный перевод: включить (возможны ошибки)",
    # questions
    "Машин орчуулга — алдаатай байж болно уу?",
    "Машинный перевод — возможны ошибки? Как их исправить",
]


# The label and its caveat as the head of a line before a dash, whatever follows it
LABEL_AND_CAVEAT_BEFORE_A_DASH = [
    "ავტომატური თარგმანი, თქვენი მოხერხებულობისთვის — იურიდიული ძალა აქვს მხოლოდ ინგლისურ ვერსიას.",
    "सुविधाका लागि स्वचालित अनुवाद — अंग्रेजी संस्करण नै आधिकारिक हो।",
    "Машин орчуулга — алдаатай байж болно, засвар илгээнэ үү.",
    "ਮਸ਼ੀਨੀ ਅਨੁਵਾਦ — ਗਲਤੀਆਂ ਹੋ ਸਕਦੀਆਂ ਹਨ, ਮੂਲ ਪਾਠ ਵੇਖੋ।",
    "মেশিন অনুবাদ — ভুল থাকতে পারে, মূল পাঠ দেখুন।",
    "Автоматтык котормо — каталар болушу мүмкүн, оңдоолорду жибериңиз.",
]

LABEL_AND_CAVEAT_BEFORE_A_DASH_LOOKALIKES = [
    # a settings entry: the caveat words after another word, not beside the label
    "AI თარგმანი — ჩართეთ პარამეტრებში, თქვენი მოხერხებულობისთვის",
    "Машин орчуулга — тохиргоо, таны тав тухад",
    "Автоматтык котормо — жөндөөлөр, ыңгайлуулук үчүн",
    "യന്ത്ര വിവർത്തനം — ക്രമീകരണങ്ങൾ, നിങ്ങളുടെ സൗകര്യത്തിനായി",
    "Тарҷумаи мошинӣ — танзимот, барои қулайии шумо",
    "Машин орчуулга ерөнхийдөө — алдаатай байж болно",
]


@pytest.mark.parametrize("text", LABEL_AND_CAVEAT_BEFORE_A_DASH)
def test_a_label_and_its_caveat_before_a_dash(text: str) -> None:
    assert detect_text(text).machine_translated


@pytest.mark.parametrize("text", LABEL_AND_CAVEAT_BEFORE_A_DASH_LOOKALIKES)
def test_caveat_words_away_from_the_label_before_a_dash(text: str) -> None:
    assert not detect_text(text).machine_translated


@pytest.mark.parametrize("text", LABEL_AND_CAVEAT)
def test_a_bare_label_with_its_caveat_is_a_badge(text: str) -> None:
    assert detect_text(text).machine_translated


@pytest.mark.parametrize("text", LABEL_CAVEAT_LOOKALIKES)
def test_the_caveat_words_elsewhere_make_no_notice(text: str) -> None:
    assert not detect_text(text).machine_translated


# The zero-width joiner: Sinhala writes its conjuncts with it or without ("යන්ත්‍ර", "යන්ත්ර"), Malayalam its
# chillu letters in an older spelling with it ("വിവര്‍ത്തനം" for "വിവർത്തനം"); both are read without it
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("යන්ත්ර පරිවර්තනය", True),
        ("ස්වයංක්රීය පරිවර්තනය", True),
        ("යන්ත්\u200dර පරිවර්තනය — දෝෂ තිබිය හැක", True),
        ("യന്ത്ര വിവര്\u200dത്തനം — പിശകുകള്\u200d ഉണ്ടാകാം", True),
        ("👨\u200d👩\u200d👧 യന്ത്ര വിവര്\u200dത്തനം — പിശകുകള്\u200d ഉണ്ടാകാം", True),
        # look-alikes: turning the feature on, in either spelling
        ("ස්වයංක්රීය පරිවර්තනය සක්රිය කරන්න", False),
        ("ස්වයංක්\u200dරීය පරිවර්තනය සක්\u200dරිය කරන්න", False),
        ("യന്ത്ര വിവർത്തനം ഓണാക്കുക", False),
        ("യന്ത്ര വിവര്\u200dത്തനം ഓണാക്കുക", False),
        ("👨\u200d👩\u200d👧 Turn on machine translation in the settings.", False),
    ],
)
def test_the_zero_width_joiner_is_read_through(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged


def test_a_joiner_keeps_the_fragments_offsets() -> None:
    text = "👨\u200d👩\u200d👧 ok.\nയന്ത്ര വിവര്\u200dത്തനം — പിശകുകള്\u200d ഉണ്ടാകാം"
    (start, end, _), *_ = concepts._candidates(text)
    assert text[start:end].startswith("യന്ത്ര")
    reading = concepts.read(text[start:end])
    assert reading is not None and reading.score >= concepts.FIRE


# "This is an unofficial machine translation": one qualifying adjective between the deictic subject and the label
# (ru, uk, be), read only where the label closes its clause; "the best machine translation on the market" goes on
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Это неофициальный машинный перевод.", True),
        ("Это черновой машинный перевод, правки приветствуются.", True),
        ("Этот текст — предварительный автоматический перевод.", True),
        ("Це неофіційний машинний переклад.", True),
        ("Це чорновий автоматичний переклад (без редактури)", True),
        ("Гэта неафіцыйны машынны пераклад.", True),
        ("Гэта чарнавы аўтаматычны пераклад.", True),
        # look-alikes: a negation, a product's praise, a question, a complaint about another text, a price
        ("Это не машинный перевод.", False),
        ("Це не машинний переклад.", False),
        ("Гэта не машынны пераклад.", False),
        ("Это хороший машинный перевод или нет?", False),
        ("Это типичный машинный перевод: слова есть, смысла нет.", False),
        ("Мне кажется, это плохой машинный перевод, а не работа переводчика.", False),
        ("Це найкращий машинний переклад на ринку.", False),
        ("Гэта лепшы машынны пераклад на рынку.", False),
        ("Это бесплатный машинный перевод для всех языков.", False),
        ("Це безкоштовний машинний переклад для 100 мов.", False),
        ("DeepL — это лучший машинный перевод на рынке.", False),
    ],
)
def test_a_qualified_label_as_the_predicate(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged
