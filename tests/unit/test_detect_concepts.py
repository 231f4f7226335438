"""The concept layer (mtcheck/detect/concepts.py, data/concepts/<code>.toml).

Adding a language is one lexicon file: every file is checked here, and a case is built from each file's own
words (a "was translated" form, a machine marker and a word naming the text must fire; the same with a
negation must not). Below them, what the layer reads in hand-written sentences (concepts, score, slots,
language); the detection verdicts on phrasing classes are in test_detect_notices.py and
test_detect_false_alarms.py. None of these sentences is a dev-set row.
"""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from mtcheck.detect import concepts, detect_text

REQUIRED = ("code", "name", "spaces", "translate", "done", "machine", "content", "deixis", "negation", "topic", "human")


def _files() -> list[tuple[str, dict[str, object]]]:
    folder = resources.files("mtcheck.detect").joinpath("data", "concepts")
    entries = [e for e in folder.iterdir() if e.name.endswith(".toml")]
    return [(e.name, tomllib.loads(e.read_text(encoding="utf-8"))) for e in entries]


FILES = sorted(_files())


def test_at_least_100_languages() -> None:
    assert len(concepts.languages()) >= 100
    assert len(set(concepts.languages())) == len(concepts.languages())


@pytest.mark.parametrize(("name", "data"), FILES, ids=[n for n, _ in FILES])
def test_lexicon_is_complete(name: str, data: dict[str, object]) -> None:
    assert name == f"{data['code']}.toml"
    for key in REQUIRED:
        assert key in data, key
    for key in ("translate", "done", "machine", "content", "negation"):
        assert data[key], key


def _first(data: dict[str, object], key: str) -> str:
    words = data[key]
    assert isinstance(words, list)
    return str(words[0]).rstrip("$")


@pytest.mark.parametrize(("name", "data"), FILES, ids=[n for n, _ in FILES])
def test_a_case_built_from_the_lexicon(name: str, data: dict[str, object]) -> None:
    sep = " " if data["spaces"] else ""
    done, machine, content = _first(data, "done"), _first(data, "machine"), _first(data, "content")
    if not any(stem.rstrip("$") in done for stem in data["translate"]):  # type: ignore[attr-defined]
        done = f"{_first(data, 'translate')}{sep}{done}"
    case = sep.join([content, machine, done])
    reading = concepts.read(case)
    assert reading is not None and reading.score >= concepts.FIRE, (case, reading)
    negated = sep.join([content, _first(data, "negation"), machine, done])
    reading = concepts.read(negated)
    assert reading is not None and reading.score < concepts.FIRE, (negated, reading)


def test_the_layer_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Questa pagina è stata tradotta da { $a } a { $b }"
    monkeypatch.setattr(concepts, "ENABLED", False)
    assert not detect_text(text).machine_translated
    monkeypatch.setattr(concepts, "ENABLED", True)
    assert detect_text(text).machine_translated


def test_a_caveat_is_read_before_hedges_and_negations() -> None:
    reading = concepts.read("AI translations may not be accurate.")
    assert reading is not None and "caveat" in reading.concepts
    assert "negation" not in reading.concepts and reading.score >= concepts.FIRE


def test_a_caveat_needs_a_machine_word() -> None:
    reading = concepts.read("Translations may contain errors.")
    assert reading is None or reading.score < concepts.FIRE


def test_topic_cues_come_from_the_language_that_reads_the_fragment() -> None:
    # Portuguese "se" ("if") is a topic cue; in a Spanish reflexive passive it must not count.
    reading = concepts.read("Esta guía se traduce mediante traducción automática.")
    assert reading is not None and reading.language == "es" and "topic" not in reading.concepts
    assert reading.score >= concepts.FIRE


def test_note_is_not_a_negation() -> None:
    reading = concepts.read("Note: this page was machine translated.")
    assert reading is not None and "negation" not in reading.concepts


def test_future_marker_reads_only_next_to_the_translate_word() -> None:
    # "will" after the participle, in a language where the marker precedes the verb, does not veto the notice
    reading = concepts.read("This page was machine translated and will be reviewed by our editors.")
    assert reading is not None and "future" not in reading.concepts
    reading = concepts.read("This page will be machine translated.")
    assert reading is not None and "future" in reading.concepts


def test_italian_never_is_not_a_romanian_negation() -> None:
    reading = concepts.read("Textul de mai sus a fost tradus automat din engleză.")
    assert reading is not None and reading.language == "ro" and "negation" not in reading.concepts


def test_colon_slot_needs_a_done_form_and_a_short_label() -> None:
    assert concepts.read("Translated to: ") is not None and concepts.read("Translated to: ").slots == 1
    imperative = concepts.read("Translate to: ")
    assert imperative is None or imperative.slots == 0
    long = concepts.read("Here is a list of every document that we have translated to: ")
    assert long is None or long.slots == 0


def test_danda_ends_a_sentence() -> None:
    pieces = concepts.fragments("पहला वाक्य है। दूसरा वाक्य?")
    assert len(pieces) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Translations are machine-made.", True),
        ("Překlady jsou strojové.", True),
        ("此语言为机器翻译。", True),
        ("Machine translation is useful.", False),  # no machine word right after the copula
        ("Translations are welcome.", False),  # a copula, but no machine word after it
    ],
)
def test_copula_before_machine_reads_as_made(text: str, expected: bool) -> None:
    reading = concepts.read(text)
    assert reading is not None
    assert ("done" in reading.concepts) is expected
    assert (reading.score >= concepts.FIRE) is expected


# Set 9's false-alarm mechanisms, one by one (our own sentences; the verdicts are in test_detect_false_alarms.py).


def test_a_status_line_leaves_few_words_unexplained(monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = "Automatisch übersetzte Landingpages konvertieren schlecht."
    assert concepts.read(sentence).score < concepts.FIRE
    assert concepts.read("Maschinell übersetzt aus dem Englischen.").score >= concepts.FIRE
    # the rule is what keeps the sentence out: with any number of other words allowed it is a status line again
    monkeypatch.setattr(concepts, "STATUS_OTHER_WORDS", 99)
    assert "sourced" in concepts.read(sentence).concepts


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("✨ Übersetzt!", "toast"),
        ("Automatisch übersetzt!", "toast"),
        ("Diese lange Zeile wurde heute morgen maschinell übersetzt!", ""),  # too long for a toast
        ("Fügen Sie hier den übersetzten Text ein...", "trailing"),
        ("Übersetzung läuft…", "trailing"),
        ("Automatisch übersetzt.", ""),
    ],
)
def test_ui_message(line: str, kind: str) -> None:
    from mtcheck.detect.context import ui_message

    assert ui_message(line, "space") == kind


def test_this_before_a_tool_noun_is_not_deixis() -> None:
    tool = concepts.read("Tämä laajennus näyttää automaattisesti käännetyn sivun.")
    text = concepts.read("Tämä sivu on käännetty automaattisesti.")
    assert tool is not None and "deixis" not in tool.concepts
    assert text is not None and "deixis" in text.concepts and text.score >= concepts.FIRE


@pytest.mark.parametrize(
    ("code", "clause", "general"),
    [
        ("de", "die nachrichten werden automatisch in ihre sprache übersetzt", True),
        ("de", "diese seite wurde automatisch in ihre sprache übersetzt", False),  # "diese" points at this text
        ("sv", "maskinöversatta texter måste granskas", True),
        ("nl", "deze vertaling is automatisch gemaakt en moet worden nagekeken", False),
        ("en", "machine translated, needs review", False),  # a status head, then a remark on this text
        ("fr", "les pages sont traduites automatiquement", False),  # neither "your language" nor an obligation
    ],
)
def test_for_the_reader(code: str, clause: str, general: bool) -> None:
    assert bool(concepts.for_the_reader(code, clause)) is general


def test_romance_object_noun_is_content_in_general() -> None:
    from mtcheck.detect.patterns import rules_named
    from mtcheck.detect.weigh import _object_of_other

    es = rules_named("es.toml")
    assert _object_of_other(es, "los buscadores ignoran las páginas ")
    assert not _object_of_other(es, "esta página contiene contenido ")  # the clause opens with a self word
    assert not _object_of_other(es, "el contenido ")  # no subject and verb of its own
    assert not detect_text("Los buscadores ignoran las páginas traducidas automáticamente.").machine_translated
    assert detect_text("Esta página contiene contenido traducido automáticamente.").machine_translated


def test_a_tool_noun_after_the_participle() -> None:
    from mtcheck.detect.patterns import rules_named
    from mtcheck.detect.weigh import _tool_after

    eu = rules_named("eu.toml")
    assert _tool_after(eu, " eta txiokatzeko tresna")
    assert not _tool_after(eu, " da itzulpen tresna baten bidez")  # the tool is the instrument: "by a tool"


@pytest.mark.parametrize("placed", ["{m}\n\nDer zweite Absatz erzählt etwas anderes.", "Ein erster Absatz.\n\n{m}"])
def test_ui_message_is_read_line_by_line(placed: str) -> None:
    # the view joins paragraphs with "\f": the toast is still a line of its own above or below other text
    for message in ("Automatisch übersetzt!", "Fügen Sie hier den maschinell übersetzten Text ein..."):
        assert not detect_text(placed.format(m=message)).machine_translated
    assert detect_text(placed.format(m="Diese Seite wurde maschinell übersetzt!")).machine_translated
