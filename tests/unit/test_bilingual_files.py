"""Reading bilingual files: XLIFF 1.2 and 2.0, TMX 1.4, TSV and CSV, with ids, lines, codes and languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.errors import InputError
from mtcheck.read.units import display, is_bilingual_path, plain, read_bilingual

DATA = Path(__file__).resolve().parents[1] / "data" / "bilingual"


def test_xliff_1_2_units_state_translate_notes_and_codes() -> None:
    file = read_bilingual(DATA / "sample-1.2.xlf")
    assert (file.format, file.source_language, file.target_language) == ("xliff-1.2", "en", "de")
    units = {s.id: s for s in file.segments}
    assert list(units) == ["greeting", "price", "brand", "link"]
    greeting = units["greeting"]
    assert display(greeting.source, greeting.source_codes) == "Hello <g1>world</g1>, you have %d new messages."
    assert plain(greeting.target or "") == "Hallo Welt, Sie haben %d neue Nachrichten."
    assert greeting.state == "translated" and greeting.notes == ("Shown on the start page.",)
    assert (greeting.line, greeting.target_line) == (5, 7)
    assert units["brand"].translate is False
    assert [c.label for c in units["link"].target_codes] == ["<x2/>"]


def test_xliff_2_segments_groups_and_sc_ec() -> None:
    file = read_bilingual(DATA / "sample-2.0.xlf")
    assert (file.format, file.source_language, file.target_language) == ("xliff-2.0", "en", "es")
    ids = [s.id for s in file.segments]
    assert ids == ["u1/s1", "u1/s2", "u2", "u3"]
    assert file.segments[0].notes == ("Button label",) and file.segments[0].unit_id == "u1"
    assert file.segments[2].translate is False  # inherited from the group
    u3 = file.segments[3]
    assert [(c.element, c.id, c.role) for c in u3.source_codes] == [("sc", "1", "open"), ("ec", "1", "close")]


def test_xliff_1_2_seg_source_gives_one_segment_per_mrk(tmp_path: Path) -> None:
    path = tmp_path / "seg.xlf"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
        'target-language="fr" datatype="plaintext" original="x"><body><trans-unit id="t1">'
        '<source>One. Two.</source><seg-source><mrk mtype="seg" mid="1">One.</mrk> '
        '<mrk mtype="seg" mid="2">Two.</mrk></seg-source>'
        '<target><mrk mtype="seg" mid="1">Un.</mrk> <mrk mtype="seg" mid="2">Deux.</mrk></target>'
        "</trans-unit></body></file></xliff>",
        encoding="utf-8",
    )
    file = read_bilingual(path)
    assert [(s.id, s.source, s.target) for s in file.segments] == [("t1/1", "One.", "Un."), ("t1/2", "Two.", "Deux.")]


def test_tmx_pairs_by_language_and_bpt_ept() -> None:
    file = read_bilingual(DATA / "sample.tmx")
    assert (file.format, file.source_language, file.target_language) == ("tmx", "en", "fr")
    first = file.segments[0]
    assert display(first.source, first.source_codes) == "Press <bpt1>Start</ept1> now."
    assert first.id == "1" and first.line == 6


@pytest.mark.parametrize(
    ("header", "row", "languages"),
    [
        ("id\tsource (en)\ttarget (de)\tnote", "1\tOpen the file.\tDatei öffnen.\tmenu", ("en", "de")),
        ("source\ttarget", "Open the file.\tDatei öffnen.", (None, None)),
        ("en-US\tde-DE", "Open the file.\tDatei öffnen.", ("en", "de")),
        ("key\tsrc:en\ttgt:de", "k1\tOpen the file.\tDatei öffnen.", ("en", "de")),
    ],
)
def test_tsv_headers(tmp_path: Path, header: str, row: str, languages: tuple[str | None, str | None]) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    file = read_bilingual(path)
    assert (file.source_language, file.target_language) == languages
    assert (file.segments[0].source, file.segments[0].target) == ("Open the file.", "Datei öffnen.")
    assert file.segments[0].line == 2


def test_csv_with_quotes_and_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text('id;source;target\n7;"Hello; world";"Hallo; Welt"\n', encoding="utf-8")
    file = read_bilingual(path)
    assert [(s.id, s.source, s.target) for s in file.segments] == [("7", "Hello; world", "Hallo; Welt")]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("no-header.tsv", "a\tb\nc\td\n", "must name a source and a target column"),
        ("empty.tsv", "", "empty file"),
        ("html.xlf", "<html><body/></html>", "not an XLIFF file"),
        ("broken.xlf", "<xliff version='2.0'><file>", "not well-formed XML"),
        ("old.xlf", "<xliff version='3.0'/>", "unsupported XLIFF version"),
        ("none.tmx", "<tmx version='1.4'><header srclang='en'/><body/></tmx>", "no segments found"),
    ],
)
def test_bad_files_give_one_line_errors(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        read_bilingual(path)
    assert "\n" not in str(caught.value)


def test_malformed_xml_names_its_place_once(tmp_path: Path) -> None:
    path = tmp_path / "cut.xlf"
    path.write_text("<xliff version='1.2'>\n<file>\n<body>", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_bilingual(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: not well-formed XML: ")
    assert message.endswith("(line 3, column 7)")
    assert message.count("column") == 1  # lxml's own ", line N, column M" is not repeated


def test_suffixes() -> None:
    assert all(is_bilingual_path(f"a{s}") for s in (".xlf", ".XLIFF", ".tmx", ".tsv", ".csv"))
    assert not is_bilingual_path("a.txt") and not is_bilingual_path("a.html")
