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


@pytest.mark.parametrize(
    "text",
    [
        "Übersetzt durch künstliche Intelligenz",
        "Traduit par intelligence artificielle",
        "Tradotto con l'intelligenza artificiale",
        "Yapay zeka ile çevrildi",
    ],
)
def test_generic_ai_is_the_agent_not_a_product(text: str) -> None:
    reading = concepts.read(text)
    assert reading is not None and "topic" not in reading.concepts and reading.score >= concepts.FIRE


def test_a_named_product_before_a_colon_is_still_a_topic() -> None:
    reading = concepts.read("Google Translate: translated pages")
    assert reading is not None and "topic" in reading.concepts


@pytest.mark.parametrize(
    ("text", "narrowed"),
    [
        ("Content not in English is translated automatically.", True),
        ("Статьи не на русском языке переведены автоматически.", True),
        ("This page was not machine translated into English.", False),  # a machine word before the name
        ("Der Text wurde nicht ins Englische übersetzt.", True),  # narrowed, but no machine word: no notice
    ],
)
def test_a_negation_before_a_language_name_narrows_the_content(text: str, narrowed: bool) -> None:
    reading = concepts.read(text)
    assert reading is not None and ("negation" not in reading.concepts) is narrowed
    assert reading.score < concepts.FIRE or narrowed


def test_arabic_and_persian_letters_match_either_way() -> None:
    persian = concepts.read("دا مقاله په ماشینی ډول ژباړل شوې ده.")
    arabic = concepts.read("دا مقاله په ماشيني ډول ژباړل شوې ده.")
    assert persian is not None and arabic is not None
    assert persian.concepts == arabic.concepts and "machine" in arabic.concepts


def test_a_label_reads_its_caveat_in_the_next_sentence_only_when_bare() -> None:
    text = "Machine translation. It may contain errors."
    assert any(e.score >= concepts.FIRE for e in [concepts.read(text, label=True)] if e is not None)
    assert [e.text for e in concepts.evidence(text, 0, lambda s, e: "body")] == [text]
    remark = "Machine translation is a field of study. It may contain errors."
    assert concepts.evidence(remark, 0, lambda s, e: "body") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tegemist on masintõlkega.", True),
        ("Kyseessä on konekäännös.", True),
        ("Masintõlge on kasulik tööriist.", False),  # the compound is the subject
        ("Tämä on konekäännösohjelmistojen vertailu.", False),  # the compound goes on: a longer noun
        ("Kyseessä on konekääntäjä.", False),  # the translator, a tool
    ],
)
def test_a_compound_machine_translation_noun_as_the_predicate(text: str, expected: bool) -> None:
    reading = concepts.read(text)
    assert (reading is not None and "done" in reading.concepts) is expected
