"""Round 24, second read of branch fp24 (docs/detection.md, "Sets 39-40: false alarms by mechanism (round 24, branch
`fp24`)", "Second read"): notices that the first version read as a described service, and variants of its false
alarms that it let through.

Every sentence is written here; none is a row of a dev set. Each case failed on the merge of fp24 (f5512d3), checked
by stashing the fix, but the CONTROLS, flagged before and after.
"""

from __future__ import annotations

import pytest

from mtcheck.detect import concepts, core, detect_text

BODY_EN = (
    "The city council met on Tuesday to discuss the new budget for public parks. Several residents spoke about the "
    "need for more benches and better lighting along the river path. The mayor promised a decision by the end of the "
    "month."
)


def _flagged(text: str) -> bool:
    return detect_text(text).machine_translated


NOTICES = [
    # an arrow before the link to another language's version, an arrow that ends the line (a link's), a breadcrumb's
    # or a pager's arrows in another item of the line
    "Traduit automatiquement → Lire en anglais",
    "Maschinell übersetzt → Auf Englisch lesen",
    "Переведено автоматически → Читать на английском",
    "机器翻译 → 阅读英文版",
    "Automatisch übersetzt – zum Original →",
    "Automatically translated by Google Translate. Next →",
    "Home → Blog → News | Machine translated",
    "Accueil → Blog · Traduit automatiquement de l'anglais",
    "← Previous · Automatically translated from German · Next →",
    # two engines credited: the list follows an instrument or "by"
    "Translated with DeepL, Google",
    "Translated by DeepL, Google Translate",
    "Übersetzt mit DeepL, Google Translate",
    "Traducido con DeepL, Google Translate",
    "Переведено с помощью DeepL, Google Translate",
    "本文使用 DeepL, Google 翻译翻译",
    # the quoted title of a translated text opens its line
    "“The parks budget” (machine translated)",
    "## “Parks budget approved” (machine translated)",
    "„Haushalt für Parks“ (maschinell übersetzt)",
    "«Бюджет парков» (машинный перевод)",
    "«ميزانية الحدائق» (ترجمة آلية)",
]

# Notices flagged before and after: they guard the new readings (an ideographic comma lists engines, a single quote
# opens a quoted string, a quoted string in a script without spaces is short by its characters).
CONTROLS = [
    "DeepL、Google翻訳で翻訳しました",
    "'Budget for parks' (machine translated)",
    "用户评论：“酒店很好，员工友好，我们一定会再来”（由谷歌翻译）",
]


@pytest.mark.parametrize("placement", ["alone", "top", "bottom"])
@pytest.mark.parametrize("text", NOTICES + CONTROLS)
def test_notices_near_service_shapes_stay_flagged(text: str, placement: str) -> None:
    document = {"alone": text, "top": f"{text}\n\n{BODY_EN}", "bottom": f"{BODY_EN}\n\n{text}"}[placement]
    assert _flagged(document)


FALSE_ALARMS = [
    # other arrows chain steps as "→" does
    "Foto ➡ texto extraído y traducido por Gemini",
    # a short string in single quotes or in CJK corner brackets, and its bracket
    "Le bouton affiche 'Enregistrer' (traduit automatiquement)",
    "El botón muestra ‘Guardar’ (traducido automáticamente)",
    "ボタンには「保存」（機械翻訳）と表示されます",
    # engines listed with an ideographic comma
    "翻訳エンジン：DeepL、Google翻訳",
    # the editor's action that triggers it
    "Automatisch übersetzt mit DeepL nach dem Speichern",
    "Traducido automáticamente al importar.",
]


@pytest.mark.parametrize("text", FALSE_ALARMS)
def test_variants_of_described_services_are_not_notices(text: str) -> None:
    assert not _flagged(text)


def test_the_deictic_word_is_read_in_the_findings_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a long line of findings, each asked `concepts.speaks_here` of 600 characters around it (seconds on 100 KB);
    the deictic word of a notice is in its own sentence."""
    seen: list[int] = []
    real = concepts.speaks_here

    def spy(fragment: str) -> bool:
        seen.append(len(fragment))
        return real(fragment)

    monkeypatch.setattr(concepts, "speaks_here", spy)
    core._speaks_here.cache_clear()
    text = "".join(f"Translated with DeepL (API key {i}). " for i in range(40))
    assert not _flagged(text)
    assert seen and max(seen) < 60
    core._speaks_here.cache_clear()


@pytest.mark.parametrize(
    "text",
    [
        "Translated with DeepL, Google Translate or Papago — pick one in the settings.",
        "Traducido con DeepL, Google Translate o Papago, según la configuración.",
    ],
)
def test_a_list_of_engines_that_ends_with_or_is_a_choice_after_an_instrument(text: str) -> None:
    """Not flagged at f5512d3 either: this guards the credit reading of a list after an instrument (`lists_engines`),
    which read these as credits before the "or" check (checked by removing it)."""
    assert not _flagged(text)


def test_a_repeated_item_is_read_for_a_service_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page of one repeated notice asks `describes_service` of the same item for every finding: answered once (the
    uncached check made 1 MB of "This page was machine translated." three times slower, bench/scaling.py)."""
    from mtcheck.detect.patterns import Shared

    calls: list[str] = []
    real = Shared.describes_service

    def counting(self: Shared, text: str) -> bool:
        calls.append(text)
        return real(self, text)

    monkeypatch.setattr(Shared, "describes_service", counting)
    cached = getattr(core, "_service_line", None)
    if cached is not None:
        cached.cache_clear()
    detection = detect_text("This page was machine translated. " * 200)
    assert detection.machine_translated
    assert 0 < len(calls) <= 20, len(calls)
