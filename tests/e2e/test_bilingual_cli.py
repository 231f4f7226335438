"""Bilingual mode end to end: `mtcheck report TRANSLATION --source ORIGINAL` on tiny models."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mtcheck.cli import app
from tests.tinymodels import EN_DE_PAIRS


def test_bilingual_mode_flags_omission_and_changed_number(tmp_path: Path, tiny_models_dir: Path) -> None:
    pairs = EN_DE_PAIRS[:10]
    original = tmp_path / "original.txt"
    original.write_text("\n\n".join(de for _, de in pairs) + "\n", encoding="utf-8")
    english = [en for en, _ in pairs]
    dropped = english.pop(3)  # "Tomorrow it will rain in the morning." never made it into the translation
    english[3] = english[3].replace("12", "21")  # the temperature changed on the way
    translation = tmp_path / "translation.txt"
    translation.write_text("\n\n".join(english) + "\n", encoding="utf-8")

    out = tmp_path / "out"
    args = ["report", str(translation), "--source", str(original), "--models-dir", str(tiny_models_dir),
            "--output", str(out), "--no-cache", "--language", "en", "--beams", "1"]  # fmt: skip
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output  # omissions and wrong numbers are errors
    data = json.loads((out / "translation.json").read_text(encoding="utf-8"))

    bilingual = data["bilingual"]
    assert bilingual["source_language"] == "de"
    assert data["pivots"] == ["de"]  # the original's language is the natural pivot
    unaligned = [p for p in bilingual["pairs"] if not p["target"]]
    assert [p["source"] for p in unaligned] == [[3]]

    findings = data["findings"] + [f for s in data["sentences"] for f in s["findings"]]
    rules = {f["rule"]: f for f in findings if f["kind"] == "bilingual"}
    assert "MT-BILINGUAL-OMISSION" in rules and dropped not in data["document"]["text"]
    assert "Morgen" in rules["MT-BILINGUAL-OMISSION"]["message"]
    number = rules["MT-BILINGUAL-NUMBER-MISMATCH"]
    assert data["document"]["text"][number["start"] : number["end"]] == english[3]
    assert number["details"]["missing"] == ["12"] and number["details"]["extra"] == ["21"]
    # everything else lines up one to one
    assert sum(1 for p in bilingual["pairs"] if len(p["source"]) == 1 and len(p["target"]) == 1) == 9
