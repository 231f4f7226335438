"""The apertium engine against Debian's real apertium and apertium-eng-spa."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from mtcheck.config import Settings
from mtcheck.engines import apertium as apertium_module
from mtcheck.engines.apertium import PAYLOAD_FORMAT, ApertiumEngine, UnknownWord, apertium_codes, debian_package
from mtcheck.engines.apertium_stream import parse
from mtcheck.engines.base import Engine, create_engine
from mtcheck.engines.cache import TranslationCache
from mtcheck.engines.cached import CachedEngine
from mtcheck.errors import EngineError

HAVE_APERTIUM = shutil.which("apertium") is not None
needs_apertium = [
    pytest.mark.apertium,
    pytest.mark.skipif(not HAVE_APERTIUM, reason="needs Debian's apertium and apertium-eng-spa"),
]


@pytest.fixture
def engine() -> ApertiumEngine:
    found = ApertiumEngine(Settings(engine="apertium"))
    if "eng-spa" not in found._installed_modes():
        pytest.skip("needs the Debian package apertium-eng-spa")
    return found


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Records every translating apertium process (not `apertium -l` or dpkg-query)."""
    seen: list[list[str]] = []
    real = subprocess.Popen

    def spy(args, *rest, **kwargs):  # type: ignore[no-untyped-def]
        if list(args[1:3]) == ["-f", "none"]:
            seen.append(list(args))
        return real(args, *rest, **kwargs)

    monkeypatch.setattr(apertium_module.subprocess, "Popen", spy)
    return seen


# -- without apertium: codes, messages, the output parser ------------------------------------------


@pytest.mark.parametrize(
    ("language", "codes"),
    [("en", ["eng", "en"]), ("es", ["spa", "es"]), ("ES", ["spa", "es"]), ("xx", ["xx"]), ("hr", ["hbs", "hrv"])],
)
def test_language_codes(language: str, codes: list[str]) -> None:
    assert apertium_codes(language) == codes


@pytest.mark.parametrize(
    ("src", "tgt", "package"),
    [
        ("en", "es", "apertium-eng-spa"),
        ("es", "en", "apertium-eng-spa"),
        ("ca", "en", "apertium-eng-cat"),
        ("en", "gl", "apertium-en-gl"),
        ("en", "de", None),
    ],
)
def test_debian_package_for_a_pair(src: str, tgt: str, package: str | None) -> None:
    assert debian_package(src, tgt) == package


def test_missing_binary_names_the_package(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(EngineError, match=r"apt-get install apertium apertium-eng-spa") as raised:
        ApertiumEngine(Settings()).translate(["Hello."], "en", "es")
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("stream", "expected", "parsed"),
    [
        # the inserted period `.[]` goes, a real one stays; marks are stripped and kept
        ("Hola..[][|0|]\n *Zorp es.[][|1|]\n", 2, [("Hola.", []), ("Zorp es", [("*", "Zorp")])]),
        # escaped characters and literal mark characters sent as format are text, not marks
        ("5 [*] 3 [@]x [#]tag \\[a\\] \\{b\\}.[][|0|]", 1, [("5 * 3 @x #tag [a] {b}", [])]),
        ("\\@Subject a.[][|0|]", 1, [("Subject a", [("@", "Subject")])]),  # apertium escapes its @ mark
        (
            "@Subject a #grupo, *foo!.[][|0|]",
            1,
            [("Subject a grupo, foo!", [("@", "Subject"), ("#", "grupo"), ("*", "foo")])],
        ),
        # a marked word ends at the next mark or at a character no word holds (code-like text in an article)
        (
            '"\\<*img *src=*x *onerror=alerta(1)\\>".[][|0|]',
            1,
            [('"<img src=x onerror=alerta(1)>"', [("*", "img"), ("*", "src"), ("*", "x"), ("*", "onerror")])],
        ),
        ("a.[][|1|]", 1, None),  # boundaries out of order
        ("a.[][|0|] b.[][|1|]", 1, None),  # more boundaries than sentences
        ("a.[][|0|] stray text", 1, None),  # text after the last boundary
    ],
)
def test_parse_apertium_output(stream: str, expected: int, parsed: object) -> None:
    assert parse(stream, expected) == parsed


# -- with apertium -----------------------------------------------------------------------------------


@pytest.mark.apertium
@pytest.mark.skipif(not HAVE_APERTIUM, reason="needs Debian's apertium")
def test_round_trip_en_es_en(engine: ApertiumEngine) -> None:
    assert isinstance(create_engine("apertium", Settings()), ApertiumEngine)
    assert isinstance(engine, Engine)
    texts = ["The black cat sleeps in the house.", "I have two red books.", "My brother reads a book."]
    spanish = engine.translate(texts, "en", "es")
    for expected, output in zip(
        [("gato", "negro", "casa"), ("libros", "rojos"), ("hermano", "libro")], spanish, strict=True
    ):
        assert all(word in output.lower() for word in expected), output
    english = engine.translate(spanish, "es", "en")
    for expected, output in zip(
        [("cat", "black", "house"), ("books", "red"), ("brother", "book")], english, strict=True
    ):
        assert all(word in output.lower() for word in expected), output
    assert engine.unknown_words() == []


@pytest.mark.apertium
@pytest.mark.skipif(not HAVE_APERTIUM, reason="needs Debian's apertium")
def test_unknown_word_marks_are_stripped_and_reported(engine: ApertiumEngine) -> None:
    texts = [
        "I like the flibbertigibbet very much.",  # * unknown to the analyser
        "Subject to the terms, we agree.",  # @ missing from the bilingual dictionary
        "They may be individuals or organizations.",  # # cannot be generated
        "Write to #news and 5 * 3 @office.",  # literal mark characters in the input are kept as text
    ]
    outputs = engine.translate(texts, "en", "es")
    assert not any(mark in outputs[i] for i in range(3) for mark in "*@#")
    assert "flibbertigibbet" in outputs[0] and "Subject" in outputs[1]
    assert "#" in outputs[3] and " * " in outputs[3] and "@" in outputs[3]
    found = engine.unknown_words()
    assert UnknownWord("en-es", texts[0], "flibbertigibbet", "*") in found
    assert UnknownWord("en-es", texts[1], "Subject", "@") in found
    assert any(u.mark == "#" and u.text == texts[2] for u in found)
    assert not any(u.text == texts[3] for u in found)
    assert {u.reason for u in found} >= {"unknown to the analyser", "missing from the bilingual dictionary"}
    engine.reset_unknown_words()
    assert engine.unknown_words() == []


@pytest.mark.apertium
@pytest.mark.skipif(not HAVE_APERTIUM, reason="needs Debian's apertium")
def test_missing_pairs_name_what_to_install(engine: ApertiumEngine) -> None:
    if "isl-swe" in engine._installed_modes():
        pytest.skip("apertium-isl-swe is installed here")
    with pytest.raises(EngineError, match=r"install the Debian package apertium-isl-swe") as raised:
        engine.translate(["Halló."], "is", "sv")
    assert "eng-spa" in str(raised.value)  # lists what is installed
    with pytest.raises(EngineError, match=r"en->de: Debian has no apertium package"):
        engine.cache_key("en", "de")
    with pytest.raises(EngineError, match=r"no mode 'eng-xyz'"):
        engine.translate(["Hello."], "en", "es", model="eng-xyz")


SENTENCES = [
    "The committee met on Tuesday.",
    '"Hello," she said, "how are you?"',
    "It rained\nall day\n\nlong",
    "Prices rose by 5% (from $10 to $10.50).",
    "Is this the end?",
    "No!",
    "He said: 'wait…'",
    "Dr. Smith arrived at 5 p.m. and left at 6.",
    "A list: apples; pears; plums",
    "[citation needed] {braces} <angle> back\\slash and ^caret",
    "e-mail: someone@example.org",
    "Tabs\tand   spaces",
    "«Guillemets» and “curly quotes”",
    "The end.",
    "Without a final stop",
    "...",
    "Numbers 1, 2 and 3.",
    "She bought a new car yesterday",
    "Why not?",
    "Good night.",
]


@pytest.mark.apertium
@pytest.mark.skipif(not HAVE_APERTIUM, reason="needs Debian's apertium")
def test_twenty_sentences_map_one_to_one_in_one_process(engine: ApertiumEngine, runs: list[list[str]]) -> None:
    batch = engine.translate(SENTENCES, "en", "es")
    assert len(runs) == 1  # one apertium process for the whole batch
    alone = [engine.translate([s], "en", "es")[0] for s in SENTENCES]
    assert batch == alone  # each output is its own sentence's translation
    assert all(batch) and all("\n" not in out for out in batch)
    assert "5%" in batch[3] and "$10.50" in batch[3] and "@example.org" in batch[10]
    assert "[" in batch[9] and "{" in batch[9] and "^" in batch[9]


@pytest.mark.apertium
@pytest.mark.skipif(not HAVE_APERTIUM, reason="needs Debian's apertium")
def test_blank_texts_and_progress(engine: ApertiumEngine) -> None:
    done: list[int] = []
    assert engine.translate(["", "  \n", "Good night."], "en", "es", progress=done.append)[:2] == ["", ""]
    assert sum(done) == 3


@pytest.mark.apertium
@pytest.mark.skipif(not HAVE_APERTIUM, reason="needs Debian's apertium")
def test_models_and_cache_key_carry_the_package_version(engine: ApertiumEngine) -> None:
    version = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Version}", "apertium-eng-spa"], capture_output=True, text=True, check=True
    ).stdout
    key = engine.cache_key("en", "es")
    assert f"apertium-eng-spa={version}" in key and "mode=eng-spa" in key
    assert engine.cache_key("es", "en") != key
    assert [(m.direction, m.id, m.revision) for m in engine.models()] == [
        ("en-es", "apertium-eng-spa", version),
        ("es-en", "apertium-eng-spa", version),
    ]


@pytest.mark.apertium
@pytest.mark.skipif(not HAVE_APERTIUM, reason="needs Debian's apertium")
def test_a_hung_apertium_times_out_and_leaves_no_process(
    engine: ApertiumEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mtcheck.engines.apertium as apertium_module

    # One process for all 50,000 sentences: it cannot finish in 0.2 s, however fast the machine.
    monkeypatch.setattr(apertium_module, "CHUNK_SENTENCES", 50_000)
    engine.timeout_s = 0.2
    groups: list[int] = []  # our apertium pipelines only, not other runs' on the same machine
    real = subprocess.Popen

    def spy(args, *rest, **kwargs):  # type: ignore[no-untyped-def]
        process = real(args, *rest, **kwargs)
        groups.append(process.pid)  # start_new_session: the pipeline's process group is its pid
        return process

    monkeypatch.setattr(apertium_module.subprocess, "Popen", spy)
    with pytest.raises(EngineError, match="did not finish within 0.2 s"):
        engine.translate(["The cat sleeps on the mat."] * 50_000, "en", "es")
    assert groups
    # Every stage of the pipeline was stopped; a killed stage may take a moment to leave the process table.
    deadline = time.monotonic() + 5
    while _members(groups) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _members(groups) == set()


def _members(groups: list[int]) -> set[int]:
    """Live (not zombie) processes in the given process groups, from /proc."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # it ended while we looked
        state, pgrp = fields[0], int(fields[2])
        if pgrp in groups and state != "Z":
            found.add(int(entry.name))
    return found


@pytest.mark.apertium
@pytest.mark.skipif(not HAVE_APERTIUM, reason="needs Debian's apertium")
def test_cached_rerun_runs_no_apertium_and_keeps_unknown_words(
    engine: ApertiumEngine, runs: list[list[str]], tmp_path: Path
) -> None:
    texts = ["I like the flibbertigibbet very much.", "The cat sleeps."]
    with TranslationCache(tmp_path / "c.sqlite3") as cache:
        first = CachedEngine(engine, cache).translate(texts, "en", "es")
    assert len(runs) == 1
    again = ApertiumEngine(Settings(engine="apertium"))
    with TranslationCache(tmp_path / "c.sqlite3") as cache:
        cached = CachedEngine(again, cache)
        assert cached.translate(texts, "en", "es") == first
        assert cached.unknown_words() == [UnknownWord("en-es", texts[0], "flibbertigibbet", "*")]
        assert [m.id for m in cached.models()] == ["apertium-eng-spa"]
    assert len(runs) == 1  # the re-run started no apertium process


@pytest.mark.apertium
@pytest.mark.skipif(not HAVE_APERTIUM, reason="needs Debian's apertium")
def test_entries_of_an_older_payload_format_are_not_served(
    engine: ApertiumEngine, runs: list[list[str]], tmp_path: Path
) -> None:
    # entries written before the unknown-word parser changed hold marks it read wrongly ('src=*x' as one word)
    texts = ["I like the flibbertigibbet very much."]
    old_key = engine.cache_key("en", "es").replace(f"payload={PAYLOAD_FORMAT}", f"payload={PAYLOAD_FORMAT - 1}")
    stale = json.dumps({"output": "stale output", "marks": [["*", "flibbertigibbet very"]]})
    with TranslationCache(tmp_path / "c.sqlite3") as cache:
        cache.put_many(old_key, [(texts[0], stale)])
        cached = CachedEngine(engine, cache)
        assert cached.translate(texts, "en", "es") != ["stale output"]
        assert [u.word for u in cached.unknown_words()] == ["flibbertigibbet"]
    assert len(runs) == 1  # apertium ran: the old entry was not a hit
