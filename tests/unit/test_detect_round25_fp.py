"""Round 25 (branch fp25): mechanisms behind false alarms of the dev sets (docs/detection.md, "Round 25: fp25").

Every sentence is written here for its mechanism; none is a row of a dev set. Each case of the negative lists failed
before its fix (checked by stashing the fix); the controls are notices with the same words that must stay flagged.
"""

from __future__ import annotations

import time

import pytest

from mtcheck.detect import detect_text
from mtcheck.detect.patterns import shared


def _flagged(text: str) -> bool:
    return detect_text(text).machine_translated


# A verb that says what a sign, a value or a field means, and its "that": a description of a badge or a flag (a help
# text, a doc comment), or a report of what another site says, not this text's notice.
REPORTED_VERBS = [
    "The globe icon indicates that the post was machine translated.",
    "A grey badge means that the answer was translated automatically.",
    "This flag says the article is machine translated and may have errors.",
    "Das Symbol bedeutet, dass der Beitrag maschinell übersetzt wurde.",
    "Das Feld gibt an, dass der Text automatisch übersetzt wurde.",
    "La etiqueta gris significa que la respuesta fue traducida automáticamente.",
    "O ícone indica que o texto foi traduzido automaticamente.",
    "L'icona indica che il post è stato tradotto automaticamente.",
    "Статус draft означает, что текст переведён машинным переводом.",
    "Ikonen betyder att inlägget är maskinöversatt.",
    "Symbol oznacza, że tekst został przetłumaczony maszynowo.",
    "Valoarea auto înseamnă că textul este o traducere automată.",
    "Merkki tarkoittaa, että viesti on konekäännetty.",
    "Ikon bola dunia menunjukkan bahwa pesan ini diterjemahkan secara otomatis.",
    "Ang asul na tsek ay nagpapahiwatig na ang mensahe ay awtomatikong isinalin.",
    "Biểu tượng này có nghĩa là bài viết được dịch tự động.",
]

# "whether" (an indirect question or a condition) before the clause: a field or a check described, not a statement
# that the text is machine translated.
WHETHER = [
    "Die Antwort enthält die Sprache und ob der Text maschinell übersetzt wurde.",
    "Svaret anger språket och om texten är maskinöversatt.",
    "Svaret angir språket og om teksten er maskinoversatt.",
    "Svaret angiver sproget og om teksten er maskinoversat.",
    "Odpověď obsahuje jazyk a zda byl text strojově přeložen.",
    "Odpowiedź zawiera język oraz czy tekst został przetłumaczony maszynowo.",
]

# An instruction that gives a language model a role: a prompt in a program, whose machine translation is its input.
PROMPTS = [
    "You are a professional translator. Below is a machine translation of a legal text; fix only the terminology.",
    "You are an expert evaluator of AI-generated translations. Compare the machine translated text with the source.",
    "Sie sind ein Expertenevaluator für KI-generierte Übersetzungen. Ihre Aufgabe ist es, die Qualität zu bewerten.",
    "너는 최고의 한국어 법률 번역 전문가야. 아래는 AI가 번역한 초벌 번역이다.",
    "你是法律翻譯審校員。以下是機器翻譯的初稿，請只修正法律術語錯誤。",
    "あなたはプロの翻訳者です。以下は機械翻訳された文章です。",
]

# A word that reports the operation's failure: a program's status message (read with the success words).
FAILURES = [
    "（AI 翻译失败：Ollama 未启动）",
    "DeepLでの翻訳に失敗しました",
    "AI 번역 실패: 서버 오류",
    "DeepL ile çeviri başarısız oldu",
    "Übersetzung mit DeepL fehlgeschlagen",
    "Traduction avec DeepL échouée",
    "Перевод через DeepL не удался",
]

# A roadmap's or a changelog's item: a numbered phase or stage, an open checkbox, a state of work.
ROADMAP = [
    "Phase 4 — Machine translation — DONE (2026-03-02)",
    "Fase 3 — Tradução automática — CONCLUÍDA (2026-05-11)",
    "3. Traducción automática — IMPLEMENTADO (estructura)",
    "Автоперевод — в бэклоге, в этой версии его нет.",
    "- [ ] Übersetzung der Beschreibungen mit DeepL",
    "ステージ2：DeepLによる自動翻訳",
]

# A flag's documentation: "true" / "false" and "when" / "if", or both values named.
FLAG_DOCS = [
    "true when the text of this page was machine-translated rather than written by hand.",
    "autoTranslate: true/false (automatische Übersetzung ins Englische)",
]


@pytest.mark.parametrize("text", REPORTED_VERBS + WHETHER + PROMPTS + FAILURES + ROADMAP + FLAG_DOCS)
def test_a_described_sign_a_whether_clause_a_prompt_or_a_failure_is_not_a_notice(text: str) -> None:
    assert not _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        # "note that", "let you know that": addressed to the reader, not a sign described
        "Please note that this page was machine translated and may contain errors.",
        "Bitte beachten Sie, dass dieser Text maschinell übersetzt wurde.",
        "Tenga en cuenta que esta página fue traducida automáticamente.",
        "Veuillez noter que cette page a été traduite automatiquement.",
        "Informujemy, że ta strona została przetłumaczona maszynowo.",
        "Обратите внимание, что эта страница переведена автоматически.",
        "We want to let you know that this article was translated by DeepL.",
        # "om", "ob" in a sentence after the notice
        "Denne siden er maskinoversatt. Gi oss beskjed om feil.",
        "Sidan är maskinöversatt. Hör av dig om du hittar fel.",
        "Denne side er maskinoversat. Skriv til os, om du finder fejl.",
        "Dieser Text wurde maschinell übersetzt. Wir wissen nicht, ob alles stimmt.",
        # an address with no role: the reader is told what they read
        "You are reading a machine translation of the original article.",
        "Sie lesen eine maschinelle Übersetzung dieses Artikels.",
        "이 글은 AI로 번역되었습니다.",
        "本文由机器翻译。",
        # "fail" is a file in Estonian and Malay
        "See fail on automaatselt tõlgitud.",
        "Fail ini telah diterjemahkan secara automatik.",
        "Tämä sivu on konekäännetty.",
        "Halaman ini diterjemahkan secara otomatis.",
        "Bài viết này được dịch tự động.",
        # a review in progress or planned, a ticked checkbox: notices
        "Traduction automatique — relecture en cours",
        "Machine translated — human review in progress",
        "Diese Seite wurde maschinell übersetzt. Eine Prüfung durch Menschen ist geplant.",
        "- [x] This page was machine translated with DeepL.",
        "Step by step guide (machine translated)",
        # "true" as a word of the sentence
        "True to its original, this article was translated by DeepL.",
    ],
)
def test_notices_stay_flagged(text: str) -> None:
    assert _flagged(text)


@pytest.mark.parametrize("placement", ["top", "bottom"])
def test_a_prompt_is_read_from_its_own_paragraph(placement: str) -> None:
    prompt = "You are a professional translator. Below is a machine translation of a legal text; fix only the terms."
    notice = "This page was machine translated."
    body = "The council met on Tuesday to discuss the budget for the parks. " * 5
    # a notice in another paragraph than the prompt stays a notice
    text = f"{prompt}\n\n{body}\n\n{notice}" if placement == "bottom" else f"{notice}\n\n{body}\n\n{prompt}"
    assert _flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "You are a translator " + "x " * 300_000 + "machine translated",
        "indicates that " * 100_000 + "machine translated",
        "你是" + "好" * 300_000 + "机器翻译",
    ],
    ids=["prompt", "reported-verb", "prompt-unspaced"],
)
def test_new_patterns_run_in_linear_time(text: str) -> None:
    start = time.perf_counter()
    shared().prompts_role(text)
    detect_text(text)
    assert time.perf_counter() - start < 20


# Second read of fp25 (round 25): notices that the six mechanisms took for mentions at fp25's head, each written for
# its mechanism (docs/detection.md, "Second read of fp25"). Each failed at fp25's head (checked by stashing the fix).
SECOND_READ_NOTICES = [
    # a sign's meaning whose clause names this text: a legend on the page, its notice
    "This means that this page was machine translated and may contain errors.",
    "The 🌐 symbol indicates that this content was machine translated.",
    "Esto significa que esta página fue traducida automáticamente.",
    "Det betyder att denna sida är maskinöversatt.",
    "Это означает, что данная страница переведена машинным переводом.",
    "Our editor says this article was machine translated from Japanese.",
    # "om" = "about" before the phrase in sv, nb, da: not "whether"
    "Artikeln om klimatet är maskinöversatt från engelska och kan innehålla fel.",
    "Denne artikkelen om skatteregler er maskinoversatt fra engelsk.",
    "Denne vejledning om skat er maskinoversat.",
    # an address that opens a notice's paragraph, with a role noun more than four words on, or past a mark
    "You are welcome to join our volunteer translators! This page was machine translated and may contain errors.",
    "You are here: Home > Experts > Tax advice\nThis page was machine translated.",
    "Вы читаете текст, переведённый машинным переводчиком, возможны ошибки.",
    "Siz bu sayfanın makine çevirisini okuyorsunuz, bir uzman tarafından kontrol edilmedi.",
    # a state tag's word in an item written all in capitals is a participle; "WIP" is said of a review
    "MACHINE TRANSLATION DONE WITH DEEPL - MAY CONTAIN ERRORS",
    "TRADUÇÃO AUTOMÁTICA. TEXTO FEITO COM O GOOGLE TRADUTOR.",
    "Translation (WIP): machine translated from English, please report errors.",
    # "True," with a comma opens a sentence of prose, not a flag's documentation
    "This page was machine translated. True, if you read closely you will find mistakes.",
]

# ... and negatives of the same mechanisms, written for this read, that must stay mentions after its fixes.
SECOND_READ_NEGATIVES = [
    "El indicador amarillo quiere decir que la frase fue traducida por máquina.",
    "Az ikon azt jelzi, hogy a bejegyzést gépi fordítással fordították.",
    # a deictic pronoun after the verb, not "this" beside a content noun: the flagged item, not this text
    "Valoarea «auto» indică faptul că aceasta este o traducere automată, neverificată.",
    "Vi undersøker om teksten er maskinoversatt.",
    "Marker angiver, om teksten er maskinoversat.",
    "Act as an expert linguist and review the following machine translated text.",
    "Traducción automática de fichas — HECHO",
    "Tradução automática dos menus — FEITO",
    "machineTranslated (boolean): true, wenn der Text maschinell übersetzt wurde.",
]


@pytest.mark.parametrize("text", SECOND_READ_NOTICES)
def test_second_read_notices_stay_flagged(text: str) -> None:
    assert _flagged(text)


@pytest.mark.parametrize("text", SECOND_READ_NEGATIVES)
def test_second_read_negatives_stay_mentions(text: str) -> None:
    assert not _flagged(text)
