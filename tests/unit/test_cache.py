"""The translation cache: storage, concurrency, damaged files, unusable folders, and the caching engine."""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from mtcheck.config import Settings
from mtcheck.engines.base import Engine
from mtcheck.engines.cache import CACHE_FILENAME, TranslationCache, cache_path
from mtcheck.engines.cached import CachedEngine, wrap_with_cache
from mtcheck.results import ModelInfo
from tests.shared import python_env, unprivileged


class CountingEngine:
    """A fake engine: upper-cases text and records every call, so the cache is the unit under test."""

    name = "fake"

    def __init__(self, key: str = "fake|model=m1|beams=4") -> None:
        self.key = key
        self.calls: list[tuple[list[str], str, str]] = []

    def translate(self, texts: Sequence[str], src: str, tgt: str, *, model=None, progress=None) -> list[str]:
        self.calls.append((list(texts), src, tgt))
        if progress is not None:
            progress(len(texts))
        return [f"{tgt}:{t.upper()}" for t in texts]

    def models(self) -> list[ModelInfo]:
        return [ModelInfo(direction="en-de", id="m1", revision="r1")]

    def decoding(self) -> dict[str, Any]:
        return {"beams": 4}

    def cache_key(self, src: str, tgt: str, *, model: str | None = None) -> str:
        return f"{self.key}|{model}"


@pytest.fixture
def cache(tmp_path: Path):
    with TranslationCache(tmp_path / CACHE_FILENAME) as opened:
        yield opened


# -- storage ---------------------------------------------------------------------------------------


def test_stores_and_finds_outputs_across_instances(tmp_path: Path) -> None:
    path = tmp_path / "c" / CACHE_FILENAME
    with TranslationCache(path) as first:
        first.put_many("k|en-de", [("Hello.", "Hallo."), ("Ünïcode “quotes”\n", "x")])
    with TranslationCache(path) as second:
        assert second.get_many("k|en-de", ["Hello.", "Ünïcode “quotes”\n", "missing"]) == {
            "Hello.": "Hallo.",
            "Ünïcode “quotes”\n": "x",
        }
        assert len(second) == 2


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("k|en-fr", "Hello."),  # other direction
        ("k2|en-de", "Hello."),  # other engine key (model, revision, decoding)
        ("k|en-de", "Hello. "),  # not the exact text
        ("k|en-de", "hello."),
    ],
)
def test_a_different_key_or_text_misses(cache: TranslationCache, key: str, text: str) -> None:
    cache.put_many("k|en-de", [("Hello.", "Hallo.")])
    assert cache.get_many(key, [text]) == {}


def test_replacing_an_entry_keeps_the_latest(cache: TranslationCache) -> None:
    cache.put_many("k", [("a", "1")])
    cache.put_many("k", [("a", "2")])
    assert cache.get_many("k", ["a"]) == {"a": "2"}
    assert len(cache) == 1


def test_many_texts_in_one_call(cache: TranslationCache) -> None:
    pairs = [(f"sentence {i}", f"Satz {i}") for i in range(2500)]  # more than one query chunk
    cache.put_many("k", pairs)
    assert cache.get_many("k", [t for t, _ in pairs]) == dict(pairs)


def test_the_file_is_in_wal_mode(cache: TranslationCache) -> None:
    conn = sqlite3.connect(cache.path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_default_location_and_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_path(Settings()) == tmp_path / "xdg" / "mtcheck" / CACHE_FILENAME
    assert cache_path(Settings(cache_dir=tmp_path / "elsewhere")) == tmp_path / "elsewhere" / CACHE_FILENAME


# -- two processes -----------------------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from mtcheck.engines.cache import TranslationCache
    path, name, go = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    while not go.exists():
        time.sleep(0.01)
    with TranslationCache(path) as cache:
        assert cache.enabled
        for i in range(150):
            cache.put_many("k", [(f"{name}-{i}-{j}", f"{name} out {i} {j}") for j in range(3)])
            cache.put_many("shared", [("same text", name)])
    """
)


def test_two_processes_writing_at_once(tmp_path: Path) -> None:
    path = tmp_path / CACHE_FILENAME
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONWARNINGS": "error"}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), name, str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for name in ("a", "b")
    ]
    go.touch()  # both start writing together
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert "disabled" not in err and "damaged" not in err
    with TranslationCache(path) as cache:
        for name in ("a", "b"):
            texts = [f"{name}-{i}-{j}" for i in range(150) for j in range(3)]
            found = cache.get_many("k", texts)
            assert len(found) == len(texts)
            assert found[f"{name}-149-2"] == f"{name} out 149 2"
        assert cache.get_many("shared", ["same text"])["same text"] in ("a", "b")


# -- damaged files and unusable folders -------------------------------------------------------------


def _garbage(path: Path) -> None:
    path.write_bytes(b"this is not a database at all \x00\xff" * 200)


def _truncated(path: Path) -> None:
    with TranslationCache(path) as cache:
        cache.put_many("k", [(f"text {i} " * 10, f"output {i} " * 10) for i in range(3000)])
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with path.open("r+b") as f:
        f.truncate(path.stat().st_size // 2)


def _header_only(path: Path) -> None:
    _truncated(path)
    with path.open("r+b") as f:
        f.truncate(60)


@pytest.mark.parametrize("damage", [_garbage, _truncated, _header_only])
def test_a_damaged_file_is_set_aside_and_rebuilt(tmp_path: Path, caplog, damage) -> None:
    path = tmp_path / CACHE_FILENAME
    damage(path)
    with caplog.at_level(logging.WARNING, logger="mtcheck.engines.cache"):
        cache = TranslationCache(path)
        found = cache.get_many("k", [f"text {i} " * 10 for i in range(3000)])
        cache.put_many("k", [("new", "entry")])
        assert cache.get_many("k", ["new"]) == {"new": "entry"}
        cache.close()
    assert found == {}
    assert "damaged" in caplog.text and "set it aside" in caplog.text
    aside = [p.name for p in tmp_path.iterdir() if ".corrupt-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1 and aside[0].startswith(CACHE_FILENAME + ".corrupt-")
    with TranslationCache(path) as reopened:  # the rebuilt file is healthy
        assert reopened.get_many("k", ["new"]) == {"new": "entry"}


def test_an_unusable_folder_disables_the_cache(tmp_path: Path, caplog) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with caplog.at_level(logging.WARNING, logger="mtcheck.engines.cache"):
        cache = TranslationCache(blocker / "sub" / CACHE_FILENAME)
    assert not cache.enabled
    assert "translation cache disabled" in caplog.text
    cache.put_many("k", [("a", "b")])  # neither raises nor stores
    assert cache.get_many("k", ["a"]) == {}
    assert len(cache) == 0


def test_a_read_only_folder_disables_the_cache(tmp_path: Path) -> None:
    # Runs as root too (CI does): the cache opens in a subprocess without root's file-permission capabilities.
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    code = (
        "import logging, sys\nlogging.basicConfig(level=logging.WARNING)\n"
        "from mtcheck.engines.cache import CACHE_FILENAME, TranslationCache\n"
        "cache = TranslationCache(__import__('pathlib').Path(sys.argv[1]) / CACHE_FILENAME)\n"
        "cache.put_many('k', [('a', 'b')])\n"
        "print(cache.enabled, cache.get_many('k', ['a']))\n"
    )
    try:
        done = subprocess.run(
            unprivileged([sys.executable, "-c", code, str(folder)]),
            capture_output=True, text=True, timeout=60, env=python_env(), check=False,
        )  # fmt: skip
    finally:
        folder.chmod(0o700)
    assert done.stdout.strip() == "False {}", done.stderr
    assert "disabled" in done.stderr
    assert not (folder / "translations.sqlite3").exists()


# -- the caching engine ------------------------------------------------------------------------------


def test_second_call_does_no_engine_work(cache: TranslationCache) -> None:
    inner = CountingEngine()
    engine = CachedEngine(inner, cache)
    texts = ["One.", "Two.", "One."]
    first = engine.translate(texts, "en", "de")
    assert first == ["de:ONE.", "de:TWO.", "de:ONE."]
    assert inner.calls == [(["One.", "Two."], "en", "de")]  # deduplicated
    done: list[int] = []
    assert engine.translate(texts, "en", "de", progress=done.append) == first
    assert len(inner.calls) == 1  # nothing sent to the engine
    assert sum(done) == 3  # hits are reported as progress


def test_only_misses_reach_the_engine(cache: TranslationCache) -> None:
    inner = CountingEngine()
    engine = CachedEngine(inner, cache)
    engine.translate(["a", "b"], "en", "de")
    done: list[int] = []
    out = engine.translate(["b", "c", "a", "c"], "en", "de", progress=done.append)
    assert out == ["de:B", "de:C", "de:A", "de:C"]
    assert inner.calls[-1] == (["c"], "en", "de")
    assert sum(done) == 4
    assert (engine.hits, engine.misses) == (2, 3)


@pytest.mark.parametrize(
    ("change", "expect_new_call"),
    [
        ({}, False),
        ({"tgt": "fr"}, True),  # direction
        ({"model": "other-model"}, True),  # the key names the model
    ],
)
def test_the_key_covers_direction_and_model(cache: TranslationCache, change, expect_new_call) -> None:
    inner = CountingEngine()
    engine = CachedEngine(inner, cache)
    engine.translate(["Hello."], "en", "de")
    call = {"src": "en", "tgt": "de", "model": None, **change}
    engine.translate(["Hello."], call["src"], call["tgt"], model=call["model"])
    assert len(inner.calls) == (2 if expect_new_call else 1)


def test_a_changed_engine_key_misses(tmp_path: Path) -> None:
    path = tmp_path / CACHE_FILENAME
    with TranslationCache(path) as cache:
        CachedEngine(CountingEngine("fake|rev=1"), cache).translate(["Hello."], "en", "de")
    with TranslationCache(path) as cache:
        inner = CountingEngine("fake|rev=2")  # e.g. a new model revision or other beams
        CachedEngine(inner, cache).translate(["Hello."], "en", "de")
    assert len(inner.calls) == 1


def test_delegates_and_fits_the_protocol(cache: TranslationCache) -> None:
    inner = CountingEngine()
    inner.extra = lambda: "inner attribute"  # type: ignore[attr-defined]
    engine = CachedEngine(inner, cache)
    assert isinstance(engine, Engine)
    assert engine.name == "fake"
    assert engine.models() == inner.models() and engine.decoding() == {"beams": 4}
    assert engine.cache_key("en", "de") == inner.cache_key("en", "de")
    assert engine.extra() == "inner attribute"


class SideInfoEngine(CountingEngine):
    """Keeps side information with each output through the optional cache hooks."""

    def __init__(self) -> None:
        super().__init__()
        self.restored: list[str] = []

    def cache_payload(self, src: str, tgt: str, text: str, output: str) -> str:
        return f"{output}\x00side:{text}"

    def restore_from_cache(self, src: str, tgt: str, text: str, payload: str) -> str:
        output, sep, side = payload.partition("\x00")
        if not sep:
            raise ValueError("old payload")
        self.restored.append(side)
        return output


def test_engine_hooks_keep_side_information(cache: TranslationCache) -> None:
    inner = SideInfoEngine()
    engine = CachedEngine(inner, cache)
    engine.translate(["x"], "en", "de")
    assert engine.translate(["x"], "en", "de") == ["de:X"]
    assert inner.restored == ["side:x"] and len(inner.calls) == 1
    cache.put_many(engine._key("en", "de", None), [("x", "payload without side info")])
    assert engine.translate(["x"], "en", "de") == ["de:X"]  # a payload the engine rejects is a miss
    assert len(inner.calls) == 2


@pytest.mark.parametrize(
    ("settings", "wrapped"),
    [({"cache": False}, False), ({"cache": True}, True)],
)
def test_wrap_with_cache(tmp_path: Path, settings: dict[str, Any], wrapped: bool) -> None:
    inner = CountingEngine()
    engine = wrap_with_cache(inner, Settings(cache_dir=tmp_path / "cache", **settings))
    assert isinstance(engine, CachedEngine) is wrapped
    if isinstance(engine, CachedEngine):
        engine.translate(["a"], "en", "de")
        engine.close()
        assert (tmp_path / "cache" / CACHE_FILENAME).exists()
    else:
        assert engine is inner
        assert not (tmp_path / "cache").exists()


def test_wrap_with_an_unusable_cache_dir_keeps_the_engine(tmp_path: Path, caplog) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    inner = CountingEngine()
    with caplog.at_level(logging.WARNING, logger="mtcheck.engines.cache"):
        assert wrap_with_cache(inner, Settings(cache_dir=blocker)) is inner
    assert "disabled" in caplog.text
