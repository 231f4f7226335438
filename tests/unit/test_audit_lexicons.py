"""scripts/audit_lexicons.py on a toy set of lexicons: counts, thin and empty slots, key concepts missing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.shared import load_script

ROOT = Path(__file__).resolve().parents[2]

FULL = """code = "{code}"
name = "Toy"
spaces = true
translate = ["tradu"]
done = ["traducido", "generado", "producido", "creado"]
machine = ["automática", "automáticamente", "ia", "máquina"]
content = ["página", "texto", "contenido", "información", "descripción", "sitio", "título"]
deixis = ["este", "esta", "aquí", "arriba$", "abajo$"]
negation = ["no$", "nunca"]
topic = ["cómo", "activar"]
"""

THIN = """code = "pt"
name = "Toy thin"
spaces = true
translate = ["tradu"]
done = ["feito"]
machine = ["automatização"]
content = ["página"]
deixis = ["este"]
negation = ["não"]
"""


@pytest.fixture
def toy(tmp_path: Path) -> Path:
    for code in ("es", "fr", "it"):
        (tmp_path / f"{code}.toml").write_text(FULL.format(code=code), encoding="utf-8")
    (tmp_path / "pt.toml").write_text(THIN, encoding="utf-8")
    return tmp_path


def _flags(folder: Path) -> set[tuple[str, str, str]]:
    audit = load_script("audit_lexicons")
    return {(g.language, g.slot, g.kind) for g in audit.audit(audit.load(folder))}


def test_table_counts_every_slot(toy: Path) -> None:
    audit = load_script("audit_lexicons")
    table = audit.table(audit.load(toy))
    assert "| es | romance | 1 | 4 | 4 | 7 | 5 | 2 | 2 | 0 |" in table
    assert "| pt | romance | 1 | 1 | 1 | 1 | 1 | 1 | 0 |" in table


def test_thin_and_empty_slots_are_flagged_against_the_group(toy: Path) -> None:
    flags = _flags(toy)
    assert ("pt", "content", "thin") in flags  # 1 noun against a median of 7
    assert ("pt", "done", "thin") in flags
    assert ("pt", "topic", "empty") in flags  # the other romance lexicons have topic cues
    assert not any(lang == "es" and kind in ("thin", "empty") for lang, _, kind in flags)


def test_key_concepts_missing_are_read_from_the_entries(toy: Path) -> None:
    flags = _flags(toy)
    details = {
        (g.language, g.detail) for g in load_script("audit_lexicons").audit(load_script("audit_lexicons").load(toy))
    }
    assert ("pt", "machine", "key") in flags
    assert ("pt", "no AI word (no acronym, no multi-word entry)") in details
    assert ("pt", "no translated-participle form (no done entry starts with a translate stem)") in details
    assert ("pt", "deixis", "key") in flags
    # the full lexicon has an AI word, two forms of "automatic", a participle and other made forms
    assert not any(lang == "es" and kind == "key" for lang, _, kind in flags)


def test_main_writes_json_and_refuses_a_missing_folder(
    toy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    audit = load_script("audit_lexicons")
    out = tmp_path / "gaps.json"
    assert audit.main(["--dir", str(toy), "--flags-only", "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["counts"]["pt"]["content"] == 1
    assert {"language": "pt", "slot": "content", "kind": "thin"}.items() <= next(
        g for g in data["gaps"] if g["language"] == "pt" and g["slot"] == "content"
    ).items()
    assert "4 lexicons" in capsys.readouterr().out
    assert audit.main(["--dir", str(tmp_path / "nowhere")]) == 2


def test_the_shipped_lexicons_all_load() -> None:
    from mtcheck.detect import concepts

    audit = load_script("audit_lexicons")
    lexicons = audit.load(audit.FOLDER)
    assert len(lexicons) == len(concepts.lexicons())
    assert all(lexicon["translate"] for lexicon in lexicons.values())
