"""Loading glossaries: CSV columns and statuses, TBX concepts, and one-line errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.checks.glossary_file import Glossary, load_glossary, tbx_status
from mtcheck.errors import ConfigError


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_csv_all_columns(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "g.csv",
        "term,status,replacement,note,variants\n"
        "Kim Jong Un,keep,,,\n"
        "dictator,forbidden,leader,house style,\n"
        "North Korea,preferred,,,DPRK | Democratic People's Republic of Korea\n",
    )
    g = load_glossary(path)
    assert isinstance(g, Glossary) and g.path == str(path)
    assert [(e.term, e.status) for e in g.entries] == [
        ("Kim Jong Un", "keep"),
        ("dictator", "forbidden"),
        ("North Korea", "preferred"),
    ]
    assert g.entries[1].replacement == "leader" and g.entries[1].note == "house style"
    assert g.entries[2].variants == ("DPRK", "Democratic People's Republic of Korea")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("term;status\nNATO;keep\n", [("NATO", "keep")]),  # semicolons
        ("term\tstatus\nNATO\tkeep\n", [("NATO", "keep")]),  # tabs
        ("\ufeffTerm,Status\nNATO,KEEP\n", [("NATO", "keep")]),  # BOM, capitalised header and status
        ("term,status\n\n# comment,keep\nNATO,keep\n", [("NATO", "keep")]),  # blank rows and comments
        ('term,status\n"Smith, John",keep\n', [("Smith, John", "keep")]),  # quoted comma
    ],
)
def test_csv_variants(tmp_path: Path, content: str, expected: list[tuple[str, str]]) -> None:
    g = load_glossary(write(tmp_path, "g.csv", content))
    assert [(e.term, e.status) for e in g.entries] == expected


def test_csv_language_and_translation_columns(tmp_path: Path) -> None:
    g = load_glossary(
        write(tmp_path, "g.csv", "term,status,language,de,fr\ntreaty,preferred,en-GB,Vertrag|Abkommen,traité\n")
    )
    (e,) = g.entries
    assert e.language == "en"
    assert e.translations == {"de": ("Vertrag", "Abkommen"), "fr": ("traité",)}
    assert g.for_language("en") == [e] and g.for_language("de") == []


BAD = [
    ("missing.csv", None, "glossary not found"),
    ("g.csv", "word,kind\nNATO,keep\n", "needs the columns 'term' and 'status'"),
    ("g.csv", "term,status,colour\nNATO,keep,red\n", "unknown glossary column 'colour'"),
    ("g.csv", "term,status\nNATO,sacred\n", "g.csv:2: unknown status 'sacred'"),
    ("g.csv", "term,status\n,keep\n", "g.csv:2: empty term"),
    ("g.csv", "term,status\n", "has no entries"),
    ("g.csv", "", "needs the columns"),
    ("g.csv", b"term,status\n\xff\xfe\x00bad,keep\n", "not UTF-8"),
    ("g.tbx", "<martif><text><body><termEntry>", "not valid TBX/XML"),
    ("g.tbx", "<martif><text><body></body></text></martif>", "no termEntry"),
    (
        "g.tbx",
        "<martif><text><body><termEntry><langSet><tig><term>x</term></tig></langSet></termEntry></body></text></martif>",
        "without xml:lang",
    ),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD)
def test_bad_glossaries_raise_one_line_config_errors(
    tmp_path: Path, name: str, content: str | bytes | None, message: str
) -> None:
    path = tmp_path / name if content is None else write(tmp_path, name, content)
    with pytest.raises(ConfigError) as info:
        load_glossary(path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_folder_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="folder"):
        load_glossary(tmp_path)


TBX2 = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="c1">
  <langSet xml:lang="en">
    <tig><term>treaty</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>accord</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
    <tig><term>pact</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
  </langSet>
  <langSet xml:lang="de-DE"><ntig><termGrp><term>Vertrag</term></termGrp></ntig></langSet>
</termEntry>
</body></text></martif>
"""

TBX3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="c1">
  <langSec xml:lang="en"><termSec><term>treaty</term>
    <termNote type="normativeAuthorization">preferred</termNote></termSec></langSec>
  <langSec xml:lang="fr"><termSec><term>traité</term></termSec>
    <termSec><term>pacte</term><termNote type="normativeAuthorization">deprecated</termNote></termSec></langSec>
</conceptEntry>
</body></text></tbx>
"""


def test_tbx2_statuses_and_translations(tmp_path: Path) -> None:
    g = load_glossary(write(tmp_path, "terms.tbx", TBX2))
    got = {(e.language, e.term): e for e in g.entries}
    assert got[("en", "treaty")].status == "preferred"
    assert got[("en", "treaty")].translations == {"de": ("Vertrag",)}
    assert got[("en", "accord")].status == "admitted"
    assert got[("en", "pact")].status == "forbidden" and got[("en", "pact")].replacement == "treaty"
    assert got[("de", "Vertrag")].translations == {"en": ("treaty", "accord")}


def test_tbx3_namespaced_concept_entries(tmp_path: Path) -> None:
    g = load_glossary(write(tmp_path, "terms.tbx", TBX3))
    got = {(e.language, e.term): e for e in g.entries}
    assert got[("en", "treaty")].translations == {"fr": ("traité",)}
    assert got[("fr", "pacte")].status == "forbidden" and got[("fr", "pacte")].replacement == "traité"


def test_tbx_never_resolves_external_entities(tmp_path: Path) -> None:
    secret = write(tmp_path, "secret.txt", "TOPSECRET")
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>a&x;</term></tig></langSet>'
        "</termEntry></body></text></martif>"
    )
    g = load_glossary(write(tmp_path, "evil.tbx", xml))
    assert all("TOPSECRET" not in e.term for e in g.entries)


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("preferredTerm-admn-sts", "preferred"),
        ("admittedTerm-admn-sts", "admitted"),
        ("deprecatedTerm-admn-sts", "deprecated"),
        ("supersededTerm-admn-sts", "deprecated"),
        ("preferred", "preferred"),
        ("standardizedTerm-admn-sts", "preferred"),
        ("something else", None),
    ],
)
def test_tbx_status_values(value: str, status: str | None) -> None:
    assert tbx_status(value) == status


def test_oversized_csv_field_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text('term,status\n"' + "x" * 200_000 + '",keep\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"big\.csv:\d+: not a readable CSV row"):
        load_glossary(path)
