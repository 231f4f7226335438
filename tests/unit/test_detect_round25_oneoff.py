"""Round 25 (branch oneoff25): one-off notices (a sentence written once on a page) missed by mechanism;
docs/detection.md, "Round 25: oneoff25". Every sentence here is written for the test, none is a dev-set row. Each
case expected flagged failed before its fix (checked by stashing the fix); the negatives are look-alikes (an
imperative or a setting, a future, a question, a human credit) that must stay unflagged, before and after.
"""

from __future__ import annotations

import pytest

from mtcheck.detect import detect_text

_BODY = (
    "The harbour opens at six. Fishing boats come in before noon and the market closes when the last crate is sold.\n\n"
)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # coordinated participles open a status line with no subject: the made form and its machine or engine
        ("Collected and automatically translated by AI.", True),
        ("Summarised and translated by GPT-4.", True),
        ("Gesammelt, gefiltert und automatisch übersetzt von KI.", True),
        ("Zusammengefasst und maschinell übersetzt mit DeepL.", True),
        ("Collecté et traduit automatiquement par l'IA.", True),
        ("Recopilado y traducido automáticamente por IA.", True),
        ("Thu thập và dịch tự động bởi AI.", True),
        ("Tổng hợp & dịch tự động bởi ChatGPT.", True),
        ("Udvalgt og oversat af AI.", True),
        ("Zebrane i przetłumaczone automatycznie przez AI.", True),
        # look-alikes: imperatives and settings (a button's or a feature's verbs), a future, a question, people
        ("Search, filter and translate automatically.", False),
        ("Collect and automatically translate new posts with DeepL.", False),
        ("Sammeln und automatisch übersetzen mit KI.", False),
        ("Rechercher et traduire automatiquement avec DeepL.", False),
        ("Recopilar y traducir automáticamente con IA.", False),
        ("Choose whether posts are collected and automatically translated.", False),
        ("Les articles seront collectés et traduits automatiquement par l'IA.", False),
        ("Wird gesammelt und automatisch übersetzt, sobald du es aktivierst.", False),
        ("Can it be summarised and translated by AI?", False),
        ("Written and translated by Anna Weber.", False),
        ("Rédigé et traduit par Claire Martin.", False),
        ("Gesammelt und übersetzt von unserem Team.", False),
    ],
)
def test_coordinated_participles_at_a_status_lines_head(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged
    assert detect_text(_BODY + text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # the writer's own use of an engine (`self_used`, an active first-person past) on a text deixis points at
        ("I used Google Translate for this post.", True),
        ("J'ai utilisé DeepL pour traduire ce texte.", True),
        ("Nous avons utilisé DeepL pour traduire cette page.", True),
        ("He usado Google Translate para traducir este artículo.", True),
        ("Utilicé DeepL para traducir esta página.", True),
        ("Ho usato DeepL per tradurre questo articolo.", True),
        # look-alikes: the writer's use on another text, a habit in the past, a tool's use, a negated use
        ("J'ai utilisé DeepL pour traduire mes courriels.", False),
        ("Utilicé DeepL para traducir mis correos.", False),
        ("Ho usato DeepL per tradurre le mie email.", False),
        ("We used DeepL to translate contracts for our clients.", False),
        ("I used to translate this page by hand.", False),
        ("Este artículo lo traduje yo; no usé DeepL.", False),
        ("This tool has used DeepL to translate this kind of text.", False),
    ],
)
def test_the_writers_own_use_of_an_engine_on_this_text(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged
    assert detect_text(_BODY + text).machine_translated is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # second read (review25f): a made form with a conjunct before it that is an attribute of a noun, then a
        # copula, is a sentence about some strings or files, not a status line
        ("Updated and automatically translated strings are now cached.", False),
        ("Created and machine-translated files are stored in /tmp.", False),
        ("Gesammelte und automatisch übersetzte Texte sind im Cache.", False),
        # a made form that opens with a machine word ("auto-translated") is not "auto-" and the rest of a word
        ("Extracted & auto-translated by Google Translate.", True),
        ("Gathered, sorted and auto-translated by GPT-4.", True),
        # controls (flagged before and after): the status line itself, deixis beside a content noun
        ("Scraped, cleaned and machine-translated by AI.", True),
        # a first-person "used" points at this text only where its deictic word stands beside a content noun
        ("I used Google Translate for this trip to Japan.", False),
        ("En este proyecto usé DeepL para traducir los correos de clientes.", False),
        ("We used Google Translate for this page, sorry for the errors.", True),
        # a short Portuguese sentence may read best as Spanish; its own `self_used` still counts
        ("Usei o Google Tradutor para traduzir este texto.", True),
    ],
)
def test_second_read_conjuncts_before_an_attribute_and_deixis_beside_a_content_noun(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged
    assert detect_text(_BODY + text).machine_translated is flagged
