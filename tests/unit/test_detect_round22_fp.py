"""Round 22 (branch fp22): the mechanisms behind false alarms of sets 35-36 (docs/detection.md, "Sets 35-36: false
alarms by mechanism (round 22)").

Every sentence is written here for its mechanism; none is a row of a dev set. Each non-control case failed before
its fix (checked by stashing the fix); the controls are notices that must stay flagged.
"""

from __future__ import annotations

import time

import pytest

from mtcheck.detect import concepts, detect_text


def _flagged(text: str) -> bool:
    return detect_text(text).machine_translated


@pytest.mark.parametrize(
    "text",
    [
        # French "se traduire par" is "to result in": a reflexive present, never a report that a text was translated
        "Chaque clic sur ce bouton se traduit automatiquement par une nouvelle ligne dans le tableau.",
        "Dans cette version, une erreur de saisie se traduit automatiquement par un message rouge.",
        "Un retard se traduit automatiquement par une pénalité pour ce contrat.",
    ],
)
def test_french_reflexive_se_traduire_par_is_not_a_notice(text: str) -> None:
    assert not _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Cette page a été traduite automatiquement.",
        "Cet article est traduit automatiquement par IA.",
        "Ce texte s'est traduit automatiquement, sans relecture.",
    ],
)
def test_french_translated_texts_stay_notices(text: str) -> None:
    assert _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # a word that reports an operation's success makes the line a program's status message (a toast, a log line)
        "The subtitle file was translated successfully with DeepL.",
        "Text successfully machine translated.",
        "Die Untertitel wurden erfolgreich von DeepL übersetzt.",
        "Übersetzung mit DeepL erfolgreich abgeschlossen.",
        "Les sous-titres ont été traduits par IA avec succès.",
        "Documento traducido con IA exitosamente.",
        "Dokumen berhasil diterjemahkan dengan AI.",
        "فایل با موفقیت با هوش مصنوعی ترجمه شد.",
    ],
)
def test_a_success_status_is_not_a_notice(text: str) -> None:
    assert not _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # the success word in a second remark after a dash, or in the next sentence: the notice stays
        "Übersetzt mit DeepL – erfolgreich installiert auf Debian 12",
        "This guide was machine translated. The setup was tested successfully on Ubuntu.",
        "Esta guía fue traducida automáticamente y revisada con éxito por el equipo.",  # a second predicate
        "This article was machine translated.",
    ],
)
def test_a_notice_beside_a_success_remark_stays_a_notice(text: str) -> None:
    assert _flagged(text)


def test_reflexive_guard_stays_linear() -> None:
    text = "se traduit " * 90_000 + "automatiquement"
    start = time.perf_counter()
    detect_text(text)
    assert time.perf_counter() - start < 20


def test_success_guard_stays_linear() -> None:
    text = "translated successfully - " * 40_000 + "machine translated"
    start = time.perf_counter()
    detect_text(text)
    assert time.perf_counter() - start < 20


@pytest.mark.parametrize(
    "text",
    [
        # (review fix22b) a deictic word points the success at this text: a notice, not a program's status message
        "Diese Seite wurde erfolgreich maschinell übersetzt.",
        "This page was successfully machine translated.",
        "Cette page a été traduite automatiquement avec succès.",
        "Эта страница успешно переведена автоматически.",
        "本页面已成功机器翻译。",
        "Successful businesses: this article was machine translated by DeepL.",
    ],
)
def test_a_success_word_beside_a_deictic_word_stays_a_notice(text: str) -> None:
    assert _flagged(text)


@pytest.mark.parametrize(
    "text", ["Diese Seite wurde erfolgreich maschinell übersetzt.", "This page was successfully machine translated."]
)
def test_the_concept_reading_keeps_a_deictic_success_line(text: str) -> None:
    reading = concepts.read(text)
    assert reading is not None and reading.score > 0.5
