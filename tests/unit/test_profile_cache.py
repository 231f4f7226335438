"""langdetect's profiles read from mtcheck's cache file give what the JSON gives; a bad file or place is harmless."""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

import pytest
from langdetect import detector_factory

from mtcheck.read import language, profile_cache

FOLDER = detector_factory.PROFILES_DIRECTORY
TEXTS = [
    "The harbour bridge will stay closed for repairs until the end of the month, the council said on Monday.",
    "Die Brücke über den Hafen bleibt bis zum Ende des Monats wegen Reparaturen geschlossen.",
    "Le pont du port restera fermé pour travaux jusqu'à la fin du mois, a indiqué la mairie lundi.",
    "Мост через гавань будет закрыт на ремонт до конца месяца, сообщили в совете.",
    "港口大桥将关闭维修，直到本月底。",
    "港の橋は今月末まで修理のため閉鎖されます。",
    "ÜBER DIE BRÜCKE Straße çağ ıșy",
    "12 !!",
]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv(profile_cache.ENV, str(where))
    return where


def _cache_file(where: Path) -> Path:
    return where / profile_cache.filename(FOLDER)


def _words(table: Any) -> list[str]:
    """N-grams to look up: some every profile family holds, and random ones (most held by none)."""
    rng = random.Random(7)
    alphabet = list("aAbé ıșیا漢あЖσ'-.thnoes") + [chr(rng.randrange(32, 0x3100)) for _ in range(40)]
    words = ["a", " t", "th", "the", "he ", "е", " п", "的", "の", "ß", "ا", "ی"]
    return words + ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3))) for _ in range(3000)]


def _same_tables(plain: Any, cached: Any) -> None:
    assert cached.langlist == plain.langlist and cached.seed == plain.seed
    a, b = plain.word_lang_prob_map, cached.word_lang_prob_map
    words = _words(a)
    assert any(w in a for w in words) and any(w not in a for w in words)
    for word in words:
        assert b.known[word] == a.known[word] == (word in a) == (word in b), word
        if word in a:
            assert b[word] == a[word], word
        else:
            with pytest.raises(KeyError):
                b[word]


def _probabilities(factory: Any) -> list[object]:
    out: list[object] = []
    for text in TEXTS:
        for trials in (3, None):
            detector = language._fast_detector()(factory)
            if trials is not None:
                detector.n_trial = trials
            detector.append(text)
            try:
                out.append([(c.lang, c.prob) for c in detector.get_probabilities()])
            except Exception as exc:  # langdetect's "no features" error
                out.append(type(exc).__name__)
    return out


def test_the_first_load_writes_the_cache_and_the_next_reads_it_with_the_same_results(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = language._load_profiles(FOLDER)
    assert type(plain.word_lang_prob_map) is language._Table
    assert _cache_file(cache_dir).is_file()

    import json

    def no_json(*args: object, **kwargs: object) -> None:
        raise AssertionError("the JSON profiles were parsed")

    monkeypatch.setattr(json, "load", no_json)
    cached = language._load_profiles(FOLDER)
    assert type(cached.word_lang_prob_map) is language._CachedTable
    _same_tables(plain, cached)
    assert _probabilities(cached) == _probabilities(plain)


def test_the_cache_holds_every_ngram_of_every_profile(cache_dir: Path) -> None:
    names = os.listdir(FOLDER)
    languages, profiles = language._parse_profiles(FOLDER, names)
    assert profile_cache.write(FOLDER, names, "1.0.9", languages, profiles)
    found = profile_cache.read(FOLDER, names, "1.0.9", lambda: None)
    assert found is not None
    got_languages, n_words, counts = found
    assert got_languages == languages and n_words == [n for _, n in profiles]
    expected: dict[str, list[int]] = {}
    for index, (freq, _) in enumerate(profiles):
        for ngram, count in freq.items():
            expected.setdefault(ngram, []).extend((index, count))
    for ngram, pairs in expected.items():
        assert counts.counts(ngram) == tuple(pairs), ngram
    assert counts.counts("\x00zz") is None


@pytest.mark.parametrize(
    "damage",
    ["garbage", "empty", "truncated", "head byte", "other format", "other version", "other file"],
)
def test_a_bad_or_stale_cache_file_is_ignored_and_replaced(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    plain = language._load_profiles(FOLDER)
    path = _cache_file(cache_dir)
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x00\xff" * 5000)
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "head byte":  # inside the head (the fingerprint): its checksum fails
        at = len(profile_cache.MAGIC) + 20
        path.write_bytes(data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :])
    elif damage == "other format":
        path.write_bytes(b"mtcheck langdetect profiles v0\n" + data[len(profile_cache.MAGIC) :])
    elif damage == "other version":
        monkeypatch.setattr(language, "_langdetect_version", lambda: "1.0.8")
    else:  # another installation's profiles: a file of another name and size in the listing
        names = os.listdir(FOLDER)
        assert profile_cache.read(FOLDER, [*names, "xx"], "1.0.9", lambda: None) is None
        return
    again = language._load_profiles(FOLDER)
    assert type(again.word_lang_prob_map) is language._Table  # read from the JSON
    _same_tables(plain, again)
    replaced = profile_cache.read(FOLDER, os.listdir(FOLDER), language._langdetect_version(), lambda: None)
    assert replaced is not None  # a good file again
    assert [p.name for p in cache_dir.iterdir()] == [path.name]  # no temporary file left


def test_a_part_damaged_after_the_head_was_read_falls_back_to_the_json(cache_dir: Path) -> None:
    plain = language._load_profiles(FOLDER)
    path = _cache_file(cache_dir)
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF  # the last part's bytes: the head still reads
    path.write_bytes(bytes(data))
    cached = language._load_profiles(FOLDER)
    assert type(cached.word_lang_prob_map) is language._CachedTable
    _same_tables(plain, cached)  # every part is read, the damaged one among them
    assert cached.word_lang_prob_map._counts._merged is not None  # the JSON was read


def test_a_place_that_cannot_be_written_leaves_the_results_as_they_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(profile_cache.ENV, str(blocker / "cache"))  # cannot be made, whoever runs this
    plain = language._load_profiles(FOLDER)
    assert type(plain.word_lang_prob_map) is language._Table
    assert blocker.read_text(encoding="utf-8") == "not a folder"

    where = tmp_path / "readonly"
    where.mkdir()
    monkeypatch.setenv(profile_cache.ENV, str(where))

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr(os, "replace", refuse)  # as on a read-only folder (root may write through chmod)
    names = os.listdir(FOLDER)
    assert not profile_cache.write(FOLDER, names, "1.0.9", *language._parse_profiles(FOLDER, names))
    assert list(where.iterdir()) == []  # the temporary file is removed
    monkeypatch.undo()
    _same_tables(plain, language._load_profiles(FOLDER))


def test_an_empty_cache_setting_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(profile_cache.ENV, "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    before = sorted(os.listdir(FOLDER))
    assert type(language._load_profiles(FOLDER).word_lang_prob_map) is language._Table
    assert list(tmp_path.iterdir()) == []
    assert sorted(os.listdir(FOLDER)) == before  # nothing beside langdetect's own files


def _rewrite_part(path: Path, ngram: str, chunk: bytes) -> None:
    """Put `chunk` in place of the part holding `ngram`, with every offset and checksum made to match (a crafted
    file: only the checks of what a part holds can catch it)."""
    import zlib
    from array import array

    data = path.read_bytes()
    at = len(profile_cache.MAGIC)
    size = int.from_bytes(data[at : at + 8], "little")
    head = data[at + 16 : at + 16 + size]
    body = data[at + 16 + size :]
    table = array("Q")
    table.frombytes(head[: 3 * profile_cache.PARTS * 8])
    chunks = [body[table[3 * i] : table[3 * i + 1]] for i in range(profile_cache.PARTS)]
    chunks[profile_cache.part(ngram)] = chunk
    offset, new_table = 0, array("Q")
    for c in chunks:
        new_table.extend((offset, offset + len(c), zlib.crc32(c)))
        offset += len(c)
    new_head = new_table.tobytes() + head[len(new_table.tobytes()) :]
    path.write_bytes(
        profile_cache.MAGIC + size.to_bytes(8, "little") + zlib.crc32(new_head).to_bytes(8, "little") + new_head
        + b"".join(chunks)
    )  # fmt: skip


def _part(ngrams: object, numbers: list[int]) -> bytes:
    """A part as write() lays it out: the n-grams' JSON list, then 4-byte offsets and pairs."""
    import json
    from array import array

    listed = json.dumps(ngrams).encode("utf-8")
    return len(listed).to_bytes(4, "little") + listed + array("I", numbers).tobytes()


@pytest.mark.parametrize(
    "chunk",
    [
        _part(["th"], [0, 2, 999, 1]),  # an index past the last profile
        _part(["th"], [0, 2, 3, 0]),  # a count of 0
        _part(["th"], [0, 1, 3]),  # an odd number of numbers
        _part(["th"], [0, 4, 3, 1, 2, 1]),  # indices not ascending
        _part(["th"], [0, 4, 3, 1, 3, 1]),  # an index twice
        _part(["th"], [0, 0]),  # no pairs
        _part(["th"], [0, 200, 3, 1]),  # pairs past the part's end
        _part(["th"], [5, 2, 3, 1]),  # start after end
        _part(["th"], []),  # no offsets
        _part("th", [0, 2, 3, 1]),  # the n-grams not a list
        _part([["th"]], [0, 2, 3, 1]),  # an n-gram not a string
        b"\xff\xff\xff\x7f[]",  # a length past the part
        b"\x02\x00\x00\x00[\xff",  # not UTF-8
        b"\x05\x00\x00\x00" + b"[" * 5 + b"\x00\x00",  # cut JSON
    ],
)
def test_a_crafted_part_with_good_checksums_falls_back_to_the_json(cache_dir: Path, chunk: bytes) -> None:
    """Checksums catch damage, not a file made to pass them: what a part holds is checked before it is used."""
    plain = language._load_profiles(FOLDER)
    _rewrite_part(_cache_file(cache_dir), "th", chunk)
    cached = language._load_profiles(FOLDER)
    assert type(cached.word_lang_prob_map) is language._CachedTable
    assert cached.word_lang_prob_map["th"] == plain.word_lang_prob_map["th"]  # no IndexError, no wrong row
    assert cached.word_lang_prob_map._counts._merged is not None  # the JSON was read
    assert _probabilities(cached) == _probabilities(plain)


def test_a_good_part_written_by_hand_is_read(cache_dir: Path) -> None:
    """The layout the crafted parts above break: the same pairs, written by hand, are used (no JSON read)."""
    plain = language._load_profiles(FOLDER)
    names = os.listdir(FOLDER)
    found = profile_cache.read(FOLDER, names, language._langdetect_version(), lambda: None)
    assert found is not None
    pairs = list(found[2].counts("th") or ())
    _rewrite_part(_cache_file(cache_dir), "th", _part(["th"], [0, len(pairs), *pairs]))
    cached = language._load_profiles(FOLDER)
    assert cached.word_lang_prob_map["th"] == plain.word_lang_prob_map["th"]
    assert cached.word_lang_prob_map._counts._merged is None


def test_a_crafted_part_is_not_unmarshalled(cache_dir: Path) -> None:
    """A part is JSON data, never marshal (which can build code objects and crash on crafted bytes)."""
    import marshal

    plain = language._load_profiles(FOLDER)
    _rewrite_part(_cache_file(cache_dir), "th", marshal.dumps({"th": (3, 1)}))
    cached = language._load_profiles(FOLDER)
    assert cached.word_lang_prob_map["th"] == plain.word_lang_prob_map["th"]
    assert cached.word_lang_prob_map._counts._merged is not None


def test_a_huge_cache_file_is_not_read(cache_dir: Path) -> None:
    """A file crafted to be huge (here sparse, 8 times the limit) is refused from its size, not read into memory."""
    import tracemalloc

    language._load_profiles(FOLDER)
    path = _cache_file(cache_dir)
    data = path.read_bytes()
    with path.open("r+b") as f:
        f.truncate(8 * profile_cache.MAX_FILE_BYTES)
    tracemalloc.start()
    try:
        found = profile_cache.read(FOLDER, os.listdir(FOLDER), language._langdetect_version(), lambda: None)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found is None
    assert peak < len(data)  # not even the size of a good file was allocated


def test_a_fifo_in_place_of_the_cache_file_does_not_block(cache_dir: Path) -> None:
    import signal

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    cache_dir.mkdir()
    os.mkfifo(_cache_file(cache_dir))

    class Stuck(Exception):  # not an OSError, which the reader would take for a missing file
        pass

    def stuck(*args: object) -> None:
        raise Stuck("opening the cache file blocked")

    old = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(20)
    try:
        assert profile_cache.read(FOLDER, os.listdir(FOLDER), language._langdetect_version(), lambda: None) is None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def test_no_home_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """HOME unset and no passwd entry (a container's arbitrary uid): platformdirs raises; detection goes on."""
    import pwd

    monkeypatch.delenv(profile_cache.ENV, raising=False)
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def nobody(uid: int) -> None:
        raise KeyError(uid)

    monkeypatch.setattr(pwd, "getpwuid", nobody)
    monkeypatch.chdir(tmp_path)
    assert profile_cache.directory() is None
    assert type(language._load_profiles(FOLDER).word_lang_prob_map) is language._Table
    assert list(tmp_path.iterdir()) == []  # no "~" folder made where the run started


_SETPRIV = "/usr/bin/setpriv"


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_a_read_only_cache_folder_for_real(tmp_path: Path) -> None:
    """The folder's permissions, not a mock: as root (CI) the run drops the capabilities that ignore them."""
    import subprocess
    import sys

    where = tmp_path / "cache"
    where.mkdir()
    where.chmod(0o555)
    prefix: list[str] = []
    if os.geteuid() == 0:
        if not os.path.exists(_SETPRIV):
            pytest.skip("root without setpriv: permissions would not apply")
        prefix = [_SETPRIV, "--bounding-set=-dac_override,-dac_read_search", "--"]
    code = (
        "import os, sys\n"
        "from langdetect import detector_factory\n"
        "from mtcheck.read import language, profile_cache\n"
        "names = os.listdir(detector_factory.PROFILES_DIRECTORY)\n"
        "table = language._load_profiles(detector_factory.PROFILES_DIRECTORY).word_lang_prob_map\n"
        "assert type(table) is language._Table, type(table)\n"
        "print(language.detect_language('The bridge stays closed until the end of the month.'))\n"
    )
    env = {**os.environ, profile_cache.ENV: str(where), "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    try:
        done = subprocess.run(
            [*prefix, sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300
        )
    finally:
        where.chmod(0o755)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "en"
    assert list(where.iterdir()) == []  # nothing written, no temporary file


def test_a_symbolic_link_in_place_of_the_cache_file_is_not_followed(cache_dir: Path, tmp_path: Path) -> None:
    """A link (to /dev/zero, to a good copy elsewhere) is not read; the run replaces the link with a file."""
    language._load_profiles(FOLDER)
    path = _cache_file(cache_dir)
    elsewhere = tmp_path / "copy.bin"
    path.rename(elsewhere)
    path.symlink_to(elsewhere)
    assert profile_cache.read(FOLDER, os.listdir(FOLDER), language._langdetect_version(), lambda: None) is None
    assert type(language._load_profiles(FOLDER).word_lang_prob_map) is language._Table
    assert path.is_file() and not path.is_symlink()
    assert profile_cache.read(FOLDER, os.listdir(FOLDER), language._langdetect_version(), lambda: None) is not None


def test_an_older_formats_file_is_removed_when_the_new_one_is_written(cache_dir: Path) -> None:
    cache_dir.mkdir()
    older = cache_dir / profile_cache.filename(FOLDER, 1)
    older.write_bytes(b"mtcheck langdetect profiles\n" + b"\x00" * 64)
    other_place = cache_dir / "langdetect-profiles-1-00000000.bin"  # another installation's: left alone
    other_place.write_bytes(b"")
    language._load_profiles(FOLDER)
    assert sorted(p.name for p in cache_dir.iterdir()) == sorted([_cache_file(cache_dir).name, other_place.name])


def test_an_ngram_only_a_crafted_part_held_does_not_crash_after_the_fallback(cache_dir: Path) -> None:
    """A part crafted to hold an n-gram no profile has (good checksums, good pairs) answers `known`; a later part
    that fails its checks switches to the JSON, which lacks the n-gram: its row is all zero, not a KeyError."""
    language._load_profiles(FOLDER)
    path = _cache_file(cache_dir)
    _rewrite_part(path, "\u2603", _part(["\u2603"], [0, 2, 3, 1]))  # a snowman: in no profile
    _rewrite_part(path, "zz", b"not a part")
    cached = language._load_profiles(FOLDER)
    table = cached.word_lang_prob_map
    assert table.known["\u2603"] is True  # read from the crafted part
    assert table.known["zz"] is True  # its part fails: the JSON from here on
    assert table["\u2603"] == [0.0] * len(cached.langlist)
    with pytest.raises(KeyError):
        table["\u2604"]
