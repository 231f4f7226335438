"""Round 5 of detection: four new languages, more phrasings, i18n calls, credits before a dash, pre-translation.

Our own cases for each general cause behind the errors of the blind challenge set 5 (none is a row of it).
"""

from __future__ import annotations

import pytest

from mtcheck.detect import detect_text

FOUND = [
    # Belarusian, Galician, Telugu, Marathi: languages that had no file.
    "Гэтая старонка перакладзена машынным перакладам.",
    "Гэты тэкст — машынны пераклад.",
    "Este artigo foi traducido automaticamente do inglés.",
    "Esta páxina é unha tradución automática.",
    "ఈ పేజీ స్వయంచాలకంగా అనువదించబడింది.",
    "ఈ పోస్ట్ ఏఐ ద్వారా అనువదించబడింది.",
    "हे पृष्ठ मशीनद्वारे भाषांतरित केले आहे.",
    "ही पोस्ट स्वयंचलितपणे अनुवादित केली आहे.",
    # Weak coverage in existing files.
    "یہ صفحہ خودکار ترجمہ کیا گیا ہے۔",
    "এই পৃষ্ঠাটি এআই-এর সাহায্যে অনুবাদ করা হয়েছে।",
    "Šis puslapis išverstas automatiniu vertimu.",
    "Traducció automàtica realitzada amb un motor de traducció.",
    "Traduït amb el traductor de Softcatalà, pot contenir errors.",
    "La traducción de esta página se generó de forma automática.",
    # A credit, a dash, then a statement about the text itself.
    "Powered by Google Translate – this post was translated automatically.",
    # The first argument of an i18n call is a string, not a quoted example.
    "{t('Automatically translated from {{lang}}')} · <a href={url}>{t('Show original')}</a>",
    '<span>{{ $t("Machine translated from {lang}") }}</span>',
]

NOT_FOUND = [
    # A tool describing its pre-translation feature.
    "## Pre-translation via machine translation\n\nPhrase can pre-translate new keys with DeepL.",
    # A credit and a dash that names no text of this page.
    "Powered by Google Translate - select your language",
    "Powered by Google Translate – this page can be translated into 40 languages.",
    # A human team credit for an engine-like name.
    "Traducció al català: equip de Softcatalà",
    # Negations and questions in the new languages.
    "Гэты артыкул не перакладзены аўтаматычна.",
    "Este artigo non foi traducido automaticamente.",
    "हा लेख यंत्राद्वारे अनुवादित केला नाही.",
    # A quoted example in prose stays an example.
    'The banner says "This page was machine translated" when the switch is on.',
]


@pytest.mark.parametrize("text", FOUND)
def test_round5_phrasings_are_found(text: str) -> None:
    d = detect_text(text)
    assert d.machine_translated, [(e.kind, e.weight, e.text) for e in d.evidence]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_round5_mentions_are_not_notices(text: str) -> None:
    d = detect_text(text)
    assert not d.machine_translated, [(e.kind, e.weight, e.text) for e in d.evidence]


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
