"""False alarms by mechanism, from the classes of the harvested set detect-real-7 (issue 12).

Every sentence here was written for this file (none is a row of any set). Each negative was flagged by the code
before the fix (3bd13b1); each positive is a notice of the same shape that must stay flagged. See
docs/detection.md, "Set 7's false alarms, by mechanism".
"""

from __future__ import annotations

import pytest

from mtcheck.detect import concepts, detect_text
from mtcheck.detect.context import TALLY, TALLY_LINE
from mtcheck.detect.patterns import shared

NOT_NOTICES = [
    # a statistic: a label, a colon and a count (script output, dashboards)
    ("tally", "Machine-translated segments: {count:,}"),
    ("tally", "Auto-translated strings: 1,204 (38.5%)"),
    ("tally", "Automatically translated: %d"),
    ("tally", "Maschinell übersetzt: {total}"),
    ("tally", "Traduit automatiquement : 312"),
    ("tally", "Machine translated files: {len(files)}"),
    # a future or modal right after the phrase in a verb-final language: a feature
    ("future", "নতুন পোস্টগুলো স্বয়ংক্রিয়ভাবে অনুবাদ করা হবে।"),
    ("future", "आपके संदेश स्वचालित रूप से अनुवादित होंगे।"),
    ("future", "Mesajlarınız otomatik olarak çevrilecektir."),
    ("future", "तुमचे संदेश आपोआप भाषांतरित केले जातील."),
    # a rejected alternative: "instead of a page that is machine translated"
    (
        "alternative",
        "Wir bauen eigene Seiten für jede Sprache anstatt einer einzigen Seite die maschinell übersetzt wurde.",
    ),
    ("alternative", "Vi lager egne sider for hvert språk, i stedet for én side som er maskinoversatt til flere språk."),
    ("alternative", "Creamos páginas separadas en lugar de una sola página que ha sido traducida automáticamente."),
    # a capability: what a tool allows or lets you do
    ("capability", "Lets editors use machine translation provided by Google to translate pages."),
    ("capability", "Ermöglicht die maschinelle Übersetzung von Inhalten mit DeepL."),
    # the imperative of translate: a button or a setting
    ("imperative", "تمام تبصروں کا خودکار ترجمہ کریں"),
    ("imperative", "پیغامات کا مشینی ترجمہ کیجیے"),
    # a translation noun is not a made form: "automatic translation of X" is a product heading or a list item
    ("noun", "ویب سائٹس کا خودکار ترجمہ"),
    ("noun", "یوٹیوب ویڈیوز کا مشینی ترجمہ"),
    ("noun", "ترجمة آلية لصفحات الويب"),
    ("noun", "ترجمة تلقائية للرسائل الواردة"),
    ("noun", "ترجمه خودکار محتوای وب‌سایت"),
    ("noun", "ترجمه ماشینی صفحات"),
    # the same mechanisms in more languages
    ("tally", "Traducidas automáticamente: 45"),
    ("tally", "Автоматически переведено: {count}"),
    ("tally", "Przetłumaczone maszynowo: %d"),
    ("tally", "自动翻译：{count}"),
    ("tally", "機械翻訳済み: 120"),
    ("future", "Mesajlarınız yapay zeka ile otomatik olarak çevrilecek."),
    ("alternative", "Tworzymy osobne strony zamiast jednej strony przetłumaczonej maszynowo na wiele języków."),
    ("alternative", "Criamos páginas separadas em vez de uma única página traduzida automaticamente."),
    ("alternative", "Creiamo pagine separate invece di una sola pagina tradotta automaticamente."),
    ("capability", "Permite usar la traducción automática de DeepL para traducir el contenido."),
    ("capability", "Consente di usare la traduzione automatica fornita da DeepL per tradurre i contenuti."),
    ("noun", "ویڈیوز کا خودکار ترجمہ"),
    ("noun", "ترجمه خودکار ویدیوها"),
    # a UI action that shows or hides the translated text (not "show original", which goes with a notice)
    ("ui", "Mostrar texto traducido automáticamente"),
    ("ui", "Afficher le texte traduit automatiquement"),
    ("ui", "Maschinell übersetzten Text anzeigen"),
    # a changelog item, a third party's site, a policy
    ("changelog", "* Fixed crash when the page was machine translated"),
    ("changelog", "Ajout : traduction automatique des titres de produits"),
    ("third party", "Their website is machine translated and full of errors."),
    ("policy", "Our policy on machine translated content: we do not publish raw machine translation."),
]

NOTICES = [
    ("tally", "Translated to: {lang}"),
    ("tally", "Machine translated: this page may contain errors."),
    ("tally", "Machine translated: 2024-05-01"),
    ("future", "এই পৃষ্ঠাটি স্বয়ংক্রিয়ভাবে অনূদিত হয়েছে।"),
    ("future", "यह पृष्ठ स्वचालित रूप से अनुवादित किया गया है।"),
    ("future", "Bu sayfa otomatik olarak çevrilmiştir."),
    ("future", "본 안내문은 자동 번역으로 제공됩니다"),
    ("alternative", "This page was machine translated instead of being translated by a human."),
    ("alternative", "Instead of waiting for volunteers, we machine translated this page; it may contain errors."),
    ("alternative", "Ce billet a été traduit automatiquement au lieu d'être relu par un humain."),
    ("capability", "We used DeepL to translate this article."),
    ("noun", "یہ صفحہ خودکار طور پر ترجمہ کیا گیا ہے۔"),
    ("noun", "یہ مضمون مصنوعی ذہانت کا ترجمہ ہے۔"),
    ("noun", "هذا المقال مُترجَم آليًا."),
    ("noun", "تمت ترجمة هذه الصفحة آليًا."),
    ("noun", "این صفحه به صورت خودکار ترجمه شده است."),
    ("noun", "این مقاله ترجمه ماشینی است."),
    ("noun", "Diese Seite wurde maschinell übersetzt."),
    ("ui", "Maschinell übersetzt · Original anzeigen"),
    ("ui", "Traduit automatiquement · Voir l'original"),
    ("ui", "Traducido automáticamente · Ver texto en idioma original"),
    ("changelog", "New: this article was machine translated from Japanese."),
    ("changelog", "This page was machine translated. Fixed typos by hand."),
    ("third party", "Thanks to their work, this page was machine translated from German."),
    ("policy", "In line with our translation policy, this article was machine translated and may contain errors."),
]


@pytest.mark.parametrize(("mechanism", "text"), NOT_NOTICES)
def test_not_a_notice(mechanism: str, text: str) -> None:
    detection = detect_text(text)
    assert not detection.machine_translated, (mechanism, [(e.kind, e.weight, e.language) for e in detection.evidence])


@pytest.mark.parametrize(("mechanism", "text"), NOTICES)
def test_still_a_notice(mechanism: str, text: str) -> None:
    assert detect_text(text).machine_translated, mechanism


@pytest.mark.parametrize("placement", ["top", "bottom"])
def test_placement_does_not_change_the_reading(placement: str) -> None:
    body = "The museum opens at nine. Tickets are sold at the door and online.\n\nGuided tours start every hour."
    for _, text in NOT_NOTICES:
        placed = f"{text}\n\n{body}" if placement == "top" else f"{body}\n\n{text}"
        assert not detect_text(placed).machine_translated, text


@pytest.mark.parametrize(
    ("after", "tally"),
    [
        (" rows: {n:,}", True),
        (": 45.2%", True),
        (": %d", True),
        (" files: {len(done)}", True),
        (": 12/40", True),
        (": xlanguage", False),  # a language placeholder, as the view reads it
        (": this page may contain errors", False),
        (": 2024-05-01", False),
        (": 12 of 40 pages", False),
    ],
)
def test_tally_reads_a_number_only(after: str, tally: bool) -> None:
    assert bool(TALLY.match(after)) is tally


def test_tally_line_needs_a_number_after_the_colon() -> None:
    assert TALLY_LINE.match("Automatically translated: %d")
    assert not TALLY_LINE.match("Translated to: {lang}")
    assert not TALLY_LINE.match("Translated: %s")


@pytest.mark.parametrize(
    ("text", "found"),
    [("instead of one page", True), ("au lieu d'une page", True), ("i stedet for én", True),
     ("人工翻译而非机器", True), ("die werkstatt", False), ("insteadof", False)],
)  # fmt: skip
def test_alternatives_start_a_word(text: str, found: bool) -> None:
    assert bool(shared().alternatives.search(text)) is found


def test_future_follows_only_in_spaced_verb_final_lexicons() -> None:
    assert concepts.future_follows("bn", "অনূদিত হবে")
    assert concepts.future_follows("tr", "çevrilecektir")
    assert not concepts.future_follows("bn", "অনূদিত হয়েছে")
    assert not concepts.future_follows("en", "will be")  # English puts "will" before the verb
    assert not concepts.future_follows("ko", "제공됩니다")  # unspaced: a marker inside any verb
