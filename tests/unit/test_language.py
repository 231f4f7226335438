"""Language identification: deterministic, bounded, never raising on odd text."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mtcheck.read.language import detect_language, detect_language_probabilities, paragraph_languages
from tests.shared import python_env

SAMPLES = [
    ("en", "The council decided on Tuesday to lower the price of monthly tickets next year."),
    ("de", "Der Rat hat am Dienstag beschlossen, die Preise für Monatskarten im nächsten Jahr zu senken."),
    ("fr", "Le conseil a décidé mardi de baisser le prix des abonnements mensuels l'année prochaine."),
    ("es", "El consejo decidió el martes bajar el precio de los abonos mensuales el próximo año."),
    ("ru", "Совет во вторник решил снизить цены на месячные проездные в следующем году."),
    ("ja", "評議会は火曜日、来年の月間定期券の価格を引き下げることを決定した。"),
    ("zh", "理事会周二决定明年降低月票的价格，并在夜间增加公交车班次。"),
    ("zh-Hant", "這是一篇關於臺灣鐵路歷史的文章，我們將介紹它的發展過程與重要的車站。"),
]


@pytest.mark.parametrize(("code", "text"), SAMPLES)
def test_detect_language(code: str, text: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "   ", "12345 678.90", "!!! ??? ...", "https://example.com/a/b"])
def test_no_language_for_text_without_words(text: str) -> None:
    assert detect_language(text) is None
    assert detect_language_probabilities(text) == []


def test_deterministic() -> None:
    # In fresh interpreters: conftest seeds langdetect for this process, so only a subprocess shows
    # whether mtcheck seeds it itself (unseeded, langdetect's random trials give other probabilities).
    code = (
        "from mtcheck.read.language import detect_language_probabilities as p\n"
        "print(p('Ciao, come stai? Bene grazie. Hola amigo, que tal.'))"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=python_env(), check=True
        ).stdout
        for _ in range(3)
    }
    assert len(runs) == 1 and "'" in next(iter(runs))


def test_paragraph_languages_skips_short_paragraphs_and_caps_the_count() -> None:
    long_en = SAMPLES[0][1] + " " + SAMPLES[0][1]
    text = "\n\n".join(["Short one.", long_en, SAMPLES[1][1]] + [long_en] * 30)
    found = paragraph_languages(text, max_paragraphs=5)
    assert len(found) == 5
    assert all(text[s:e] != "Short one." for s, e, _ in found)
    starts = [s for s, _, _ in found]
    assert starts == sorted(starts) and starts[-1] > len(text) // 2  # sampled over the whole text


def test_paragraph_languages_uses_given_spans() -> None:
    de = SAMPLES[1][1]
    text = SAMPLES[0][1] + " " + de
    start = text.index(de)
    found = paragraph_languages(text, [(0, start - 1), (start, len(text))])
    assert [lang for _, _, lang in found] == ["en", "de"]
