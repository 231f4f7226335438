"""Round 26 (branch fp26): false alarms of Latin- and Cyrillic-script feature descriptions, settings and UI actions by
mechanism (docs/detection.md, "Round 26: fp26").

Every sentence is written here for its mechanism; none is a row of a dev set. Each negative was flagged before its fix
(checked by stashing the fix); the controls are notices that hold the suppressing word or shape and must stay flagged.
"""

from __future__ import annotations

import pytest

from mtcheck.detect import detect_text


def _flagged(text: str) -> bool:
    return detect_text(text).machine_translated


# The verb of a control or a feature description opens the finding's clause: an imperative, an infinitive or the
# subjectless third person of a feature list ("Shows …", "Muestra …", "Показывает …"), or a verb-final label's
# infinitive stands before the bracket. What a button or a program does, not this text.
ACTIONS = [
    "Shows the daily headlines, translated by DeepL.",
    "Sends the customer a summary translated automatically by AI.",
    "Exports your notes as PDF, machine translated into Spanish.",
    "Create issue (machine translated)",
    "Zeigt die Tagesnachrichten, automatisch übersetzt mit DeepL.",
    "Lade dein Dokument hoch und erhalte es maschinell übersetzt zurück.",
    "Wähle eine Sprache, um die Seite automatisch übersetzt zu sehen.",
    "Kommentar hinzufügen (maschinell übersetzt)",
    "Affiche les titres du jour, traduits automatiquement par DeepL.",
    "Ajouter une note (traduction automatique)",
    "Muestra los titulares del día, traducidos automáticamente con DeepL.",
    "Guarda la versión traducida automáticamente en la base de datos.",
    "Elige un idioma para ver la ficha traducida por IA.",
    "Exportar ficha (traducción automática)",
    "Añadir comentario (traducido automáticamente)",
    "Mostra as manchetes do dia, traduzidas automaticamente pelo DeepL.",
    "Salva la versione tradotta automaticamente nel database.",
    "Toont de krantenkoppen van vandaag, automatisch vertaald met DeepL.",
    "Dodaj komentarz (tłumaczenie maszynowe)",
    "Показывает заголовки дня, автоматически переведённые DeepL.",
    "Сохраняет машинно переведённую версию в базе данных.",
    "Добавить отзыв (машинный перевод)",
    "Показує заголовки дня, автоматично перекладені DeepL.",
    "Оберіть мову, щоб побачити сторінку, перекладену автоматично.",
]


@pytest.mark.parametrize("text", ACTIONS)
def test_an_action_head_is_a_control_or_a_feature(text: str) -> None:
    assert not _flagged(text)


# Notices that hold an action verb: in another sentence, after a colon, a semicolon or a dash, past a separator, with
# a deictic word beside a content noun in the clause, or a link to the original.
ACTION_CONTROLS = [
    "This page was machine translated. Click here to read the original.",
    "Click here for the original. This article was machine translated by DeepL.",
    "Switch to the original (this page was machine translated)",
    "Show original (machine translated)",
    "This page was machine translated; click here for the original.",
    "Translated automatically by DeepL — click to show the original.",
    "Download the original PDF. This summary was machine translated with DeepL.",
    "Edit this page (machine translated from English)",
    "Select text to report errors — this page was translated by Google Translate.",
    "Send us your corrections, this text was machine translated.",
    "Choose English for the original; the other versions were machine translated.",
    "Click the flag to read the English original — this post was machine translated.",
    "Diese Seite wurde maschinell übersetzt. Klicken Sie hier für das Original.",
    "Klicken Sie hier für den Originaltext (diese Seite wurde maschinell übersetzt).",
    "Wähle oben eine Sprache: Dieser Artikel wurde automatisch aus dem Englischen übersetzt.",
    "Original anzeigen (maschinell übersetzt)",
    "Zeige Original – automatisch übersetzt mit DeepL",
    "Wähle Deutsch für das Original, die übrigen Sprachen wurden maschinell übersetzt.",
    "Cette page a été traduite automatiquement. Cliquez ici pour lire la version originale.",
    "Choisissez la version originale : cette page a été traduite automatiquement.",
    "Choisir une autre langue | Cette page a été traduite automatiquement par DeepL",
    "Envoyez-nous vos corrections, ce texte a été traduit automatiquement.",
    "Esta página fue traducida automáticamente. Elige otro idioma en el menú.",
    "Cambia al original (esta página fue traducida automáticamente)",
    "Mostrar original (traducido automáticamente)",
    "Envía tus correcciones, este texto fue traducido automáticamente.",
    "Corrige los errores que encuentres: esta página fue traducida automáticamente por IA.",
    "Añadimos esta nota: este artículo fue traducido automáticamente con DeepL.",
    "Esta página foi traduzida automaticamente. Clique aqui para ver o original.",
    "Questa pagina è stata tradotta automaticamente. Clicca qui per l'originale.",
    "Mostra l'originale (questa pagina è stata tradotta automaticamente)",
    "Deze pagina is automatisch vertaald. Klik hier voor het origineel.",
    "Ta strona została przetłumaczona automatycznie. Kliknij tutaj, aby zobaczyć oryginał.",
    "Kliknij flagę, aby przeczytać oryginał — ten wpis przetłumaczono maszynowo.",
    "Эта страница переведена автоматически. Нажмите здесь, чтобы прочитать оригинал.",
    "Нажмите на флаг, чтобы прочитать оригинал: этот текст переведён машинно.",
    "Показать оригинал (машинный перевод)",
    "Ця сторінка перекладена автоматично. Натисніть тут, щоб побачити оригінал.",
]


@pytest.mark.parametrize("text", ACTION_CONTROLS)
def test_notices_with_an_action_word_stay_flagged(text: str) -> None:
    assert _flagged(text)


@pytest.mark.parametrize("placement", ["top", "bottom"])
def test_an_action_line_leaves_the_notice_of_another_paragraph(placement: str) -> None:
    action = "Add comment (machine translated)"
    notice = "This article was machine translated."
    body = "The council met on Tuesday to discuss the budget for the parks. " * 5
    text = f"{notice}\n\n{body}\n\n{action}" if placement == "top" else f"{action}\n\n{body}\n\n{notice}"
    assert _flagged(text)
    assert not _flagged(f"{action}\n\n{body}")


# A distributive quantifier before the translate word of the finding's clause, in the present: a rule a program
# applies to every item ("Each chapter is translated by the AI"), not this text.
DISTRIBUTIVES = [
    "Each chapter is translated by the AI and checked for length.",
    "Every incoming message is machine translated with DeepL.",
    "Jeder Beitrag wird von der KI übersetzt und gespeichert.",
    "Chaque message entrant est traduit automatiquement par DeepL.",
    "Cada mensaje entrante se traduce automáticamente con DeepL.",
    "Ogni messaggio in arrivo viene tradotto automaticamente da DeepL.",
    "Każda wiadomość jest tłumaczona automatycznie przez DeepL.",
    "Elk bericht wordt automatisch vertaald met DeepL.",
]


@pytest.mark.parametrize("text", DISTRIBUTIVES)
def test_a_distributive_rule_is_a_feature(text: str) -> None:
    assert not _flagged(text)


# Notices that hold a distributive: with a deictic word or a possessive of the site, a source language, a past
# auxiliary (an account of how this text came about), or the quantifier after the translate word or in another clause.
DISTRIBUTIVE_CONTROLS = [
    "Every page of this manual was machine translated from English.",
    "Each article on our blog is translated by AI and may contain errors.",
    "Every post in this series was machine translated.",
    "Each entry here was translated automatically by Google.",
    "Each review below was machine translated from Japanese.",
    "Each chapter was translated with DeepL and then proofread by me.",
    "This page was machine translated. Each section links to its English original.",
    "This article was machine translated; every correction is welcome.",
    "Machine translated — each paragraph may contain errors.",
    "Jede Seite dieser Dokumentation wurde maschinell übersetzt.",
    "Jeder Abschnitt hier wurde mit DeepL übersetzt.",
    "Jede Bewertung wurde automatisch aus dem Englischen übersetzt.",
    "Dieser Text wurde maschinell übersetzt, jeden Fehler bitte melden.",
    "Chaque article de notre blog est traduit automatiquement.",
    "Chaque épisode ci-dessous a été traduit par l'IA.",
    "Chaque avis a été traduit automatiquement de l'anglais.",
    "Cada página de este sitio fue traducida automáticamente.",
    "Cada capítulo de esta guía fue traducido con DeepL.",
    "Cada reseña fue traducida automáticamente del inglés.",
    "Ogni pagina di questo sito è tradotta automaticamente.",
    "Ogni recensione qui sotto è stata tradotta automaticamente.",
    "Elke review hieronder is automatisch vertaald.",
    "Automatisch vertaald. Elke fout kunt u melden.",
    "Każda strona tej dokumentacji została przetłumaczona maszynowo.",
    "Каждая страница этого сайта переведена автоматически.",
    "Каждая глава ниже переведена с помощью DeepL.",
]


@pytest.mark.parametrize("text", DISTRIBUTIVE_CONTROLS)
def test_notices_with_a_distributive_stay_flagged(text: str) -> None:
    assert _flagged(text)


# A control's noun heads the finding's clause: the control's label or its description ("Toggle for …", "Кнопка …").
CONTROLS = [
    "Button that inserts the text translated by DeepL",
    "Knopf, der den von DeepL übersetzten Text einfügt",
    "Bouton qui insère le texte traduit par DeepL",
    "Botón que inserta el texto traducido por DeepL",
    "Interruptor para comentarios traducidos automáticamente",
    "Переключатель для машинно переведённых комментариев",
    "Кнопка вставляет текст, переведённый DeepL",
]


@pytest.mark.parametrize("text", CONTROLS)
def test_a_control_noun_heads_a_control_not_a_notice(text: str) -> None:
    assert not _flagged(text)


# Notices beside a control's noun or an action verb: the noun or verb in another sentence or before a colon (the part
# of the clause that holds the translate word is read), or a deictic word in the clause.
CONTROL_CONTROLS = [
    "Button: this page was machine translated, click for the original.",
    "Knopf oben rechts: Diese Seite wurde maschinell übersetzt.",
    "Bouton : cette page a été traduite automatiquement.",
    "Botón: esta página fue traducida automáticamente.",
    "Кнопка: эта страница переведена автоматически.",
    "This page was machine translated. Use the toggle to show the original.",
    "Diese Seite wurde maschinell übersetzt. Mit dem Schalter oben sehen Sie das Original.",
    "Cette page a été traduite automatiquement ; le bouton ci-dessus affiche l'original.",
    "Esta página fue traducida automáticamente. Pulsa el botón para ver el original.",
    "Эта страница переведена автоматически. Нажмите кнопку, чтобы увидеть оригинал.",
    "Przycisk poniżej pokazuje oryginał. Ta strona została przetłumaczona maszynowo.",
    "Toggle original (this article was machine translated)",
    "Wähle eine Sprache: automatisch übersetzt mit DeepL.",
    "Elige un idioma: traducido automáticamente con DeepL.",
    "Download PDF: machine translated from the German original.",
    "Add a comment: the article above was machine translated.",
]


@pytest.mark.parametrize("text", CONTROL_CONTROLS)
def test_notices_beside_a_control_stay_flagged(text: str) -> None:
    assert _flagged(text)
