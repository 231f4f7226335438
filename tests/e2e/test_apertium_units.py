"""A bilingual file round-tripped per segment on the real rule-based engine (Debian's apertium, es <-> en)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import mtcheck
from mtcheck.config import Settings

pytestmark = [
    pytest.mark.apertium,
    pytest.mark.skipif(shutil.which("apertium") is None, reason="Debian package apertium is not installed"),
]

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="es">
  <file id="f1">
    <unit id="u1"><segment><source>The house is big.</source><target>La casa es grande.</target></segment></unit>
    <unit id="u2"><segment><source>The cost is 1,200 euros.</source>
      <target>El coste es 12,00 euros.</target></segment></unit>
    <unit id="u3" translate="no"><segment><source>API</source><target>API</target></segment></unit>
  </file>
</xliff>
"""


def test_each_target_is_round_tripped_through_the_source_language(tmp_path: Path) -> None:
    path = tmp_path / "job.xlf"
    path.write_text(XLIFF, encoding="utf-8")
    report = mtcheck.check(path, settings=Settings(engine="apertium", cache=False))
    assert report.engine is not None and report.engine.name == "apertium"
    assert report.pivot_languages == ("en",)
    first, second, skipped = report.sentences
    assert first.pivot is not None and "house" in first.pivot.lower()
    assert first.roundtrip is not None and "casa" in first.roundtrip.lower()
    assert skipped.pivots == ()  # translate="no"
    rules = {f.rule_id for f in second.findings}
    assert {"MT-SEG-NUMBER-MISSING", "MT-SEG-NUMBER-EXTRA"} <= rules  # 1,200 (en) is not 12,00 (es)
