"""Round 24 (branch fp24): the mechanisms behind false alarms of sets 39-40 (docs/detection.md, "Sets 39-40: false
alarms by mechanism (round 24, branch `fp24`)").

Every sentence is written here for its mechanism; none is a row of a dev set. Each non-control case failed before
its fix (checked by stashing the fix); the controls are notices that must stay flagged.
"""

from __future__ import annotations

import time

import pytest

from mtcheck.detect import detect_text
from mtcheck.detect.patterns import shared


def _flagged(text: str) -> bool:
    return detect_text(text).machine_translated


# A service's credentials or price plan in the line: a tool's set-up or a price list, not a notice.
SERVICE = [
    "Die Untertitel werden mit DeepL übersetzt, ein API-Schlüssel ist dafür nicht nötig.",
    "Übersetzt mit DeepL – API-Schlüssel in den Einstellungen eintragen.",
    "Traduit avec DeepL (clé API requise).",
    "Traducido con Google Translate, sin clave API.",
    "Машинный перевод. Бесплатный тариф включает 500 000 символов.",
    "DeepLで翻訳。APIキーが必要です",
]

# A comma list of engines to choose from: a tool's options, not a credit of the one engine that made the text.
ENGINE_LISTS = [
    "Traduction : DeepL, Google Traduction.",
    "Übersetzung: DeepL, Google Übersetzer",
    "Tłumaczenie: DeepL, Google Translate",
]

# An arrow that chains steps: a pipeline, a menu path, a log line's result.
ARROWS = [
    "Datei hochladen → mit DeepL übersetzt → PDF herunterladen",
    "Foto → texto extraído y traducido por Gemini",
    "Перевод выполнен → ${jobId}",
    "Texte source → [traduction automatique] → relecture",
]

# An engine's name glossed by what it is: a product named (a heading, an item of a list of tools).
ENGINE_GLOSSES = [
    "DeepL (traducción automática)",
    "Google Translate (maschinelle Übersetzung)",
    "### DeepL (tradução automática)",
]

# An editor's action that triggers the translation: what a content system does.
TRIGGERS = [
    "Os textos do catálogo são traduzidos com DeepL ao publicar.",
    "Texto traducido con DeepL al guardar.",
    "Automatisch übersetzt mit DeepL beim Speichern",
    "Traduit avec DeepL à la publication",
]

# A bracket right after a short quoted string: how that string (a caption, a value) came about.
QUOTED = [
    'El botón muestra "Guardar cambios" (traducido automáticamente)',
    "Zeigt „Abbrechen“ (automatisch übersetzt)",
    "Affiche « Envoyer » (traduit automatiquement)",
]


@pytest.mark.parametrize("text", SERVICE + ENGINE_LISTS + ARROWS + ENGINE_GLOSSES + TRIGGERS + QUOTED)
def test_a_described_service_or_a_labelled_string_is_not_a_notice(text: str) -> None:
    assert not _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # a language pair's arrow, and the arrow to the original, keep a badge
        "Automatically translated (en → de)",
        "Übersetzt mit DeepL (Englisch → Deutsch)",
        "Maschinell übersetzt → Original anzeigen",
        # one engine credited, a role before the engine, a language glossed
        "Translated with DeepL.com (free version)",
        "Traductor: Google Translate (traducción automática)",
        "Deutsch (automatisch übersetzt)",
        "Français (traduit automatiquement)",
        # a deictic word points at this text
        "Dieser Beitrag wurde beim Speichern maschinell übersetzt.",
        "This page was machine translated with DeepL → see the original below.",
        # a long quotation with its badge: a translated review, not a caption
        '"Great hotel, friendly staff, we will certainly come back next summer" (translated by Google)',
        # two engines with "and" or "or": a credit of a site that uses both
        "Übersetzt mit DeepL und ChatGPT.",
        "Übersetzt mit DeepL oder ChatGPT",
        # an arrow to the link to the original: a badge
        "Machine translated → Show original",
        "Traduit automatiquement → Voir l'original",
        "Traducido automáticamente → Ver original",
    ],
)
def test_notices_stay_flagged(text: str) -> None:
    assert _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Übersetzt mit DeepL " + "→ x " * 200_000,
        "DeepL, " * 150_000 + "übersetzt",
        '"a" (' * 150_000 + "automatisch übersetzt)",
        "api key " * 120_000 + "machine translated",
    ],
    ids=["arrows", "engine-list", "quoted", "service-words"],
)
def test_new_patterns_run_in_linear_time(text: str) -> None:
    start = time.perf_counter()
    shared().describes_service(text.lower())
    detect_text(text)
    assert time.perf_counter() - start < 20
