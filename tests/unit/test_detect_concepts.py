"""The concept layer (mtcheck/detect/concepts.py, data/concepts/<code>.toml).

Adding a language is one lexicon file: every file is checked here, and a case is built from each file's own
words (a "was translated" form, a machine marker and a word naming the text must fire; the same with a
negation must not), beside a table of hand-written cases. None of these rows is a dev-set row.
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


NOTICES = [
    ("it", "Questa guida è stata tradotta automaticamente dall'inglese."),
    ("ga", "Tá an leathanach seo aistrithe go huathoibríoch."),
    ("mt", "Din il-paġna ġiet tradotta awtomatikament."),
    ("sw", "Ukurasa huu umetafsiriwa kwa mashine. Soma makala asili."),
    ("hi", "यह लेख मशीन द्वारा अनुवादित है।"),
    ("ta", "இந்த பக்கம் இயந்திர மொழிபெயர்க்கப்பட்டது."),
    ("km", "ទំព័រនេះត្រូវបានបកប្រែដោយម៉ាស៊ីន"),
    ("my", "ဤစာမျက်နှာကို စက်ဖြင့် ဘာသာပြန်ထားသည်"),
    ("tr", "Bu sayfa { $from } dilinden { $to } diline çevrilmiştir"),
    ("en", "Translated from %{language} by %{translator}"),
    ("es", "Traducido del {lang} con {provider}"),
    ("de", '??? info "Maschinelle Übersetzung"'),
]
NEGATIVES = [
    ("en", "This page has not been machine translated yet."),
    ("en", "Comments are automatically translated into the reader's language."),
    ("en", "Don't trust machine-translated menus."),
    ("fr", "Ce livre a été traduit de l'anglais par Claude Gauthier."),
    ("en", "This crate was auto-translated from C to Rust with c2rust."),
    ("it", "La traduzione verrà eseguita automaticamente per le seguenti lingue"),
    ("en", "%{provider} reported error %{code}: %{message}"),
    ("de", "Wie gut ist DeepL wirklich? Wir haben den Übersetzungsdienst gegen Google Translate antreten lassen."),
]


@pytest.mark.parametrize(("language", "text"), NOTICES)
def test_notice(language: str, text: str) -> None:
    detection = detect_text(text)
    assert detection.machine_translated, (text, detection.evidence)


@pytest.mark.parametrize(("language", "text"), NEGATIVES)
def test_negative(language: str, text: str) -> None:
    detection = detect_text(text)
    assert not detection.machine_translated, (text, detection.evidence)


def test_offsets_point_into_the_text() -> None:
    text = "Intro paragraph about bridges.\n\nQuesta pagina è stata tradotta da { $a } a { $b }\n"
    detection = detect_text(text)
    found = [e for e in detection.evidence if e.weight >= 0.5]
    assert found and found[0].start is not None and found[0].end is not None
    assert text[found[0].start : found[0].end].startswith("Questa pagina")


def test_the_layer_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Questa pagina è stata tradotta da { $a } a { $b }"
    monkeypatch.setattr(concepts, "ENABLED", False)
    assert not detect_text(text).machine_translated
    monkeypatch.setattr(concepts, "ENABLED", True)
    assert detect_text(text).machine_translated
