"""`mtcheck report FILE.xlf|.tmx|.tsv` end to end: every format, unit ids and lines, escaping, exit codes."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

import mtcheck
from mtcheck.cli import app
from mtcheck.config import Settings
from mtcheck.report.json_report import load_schema
from mtcheck.results import ModelInfo

DATA = Path(__file__).resolve().parents[1] / "data" / "bilingual"

HOSTILE = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">
  <file id="f1">
    <unit id="u&lt;script&gt;">
      <notes><note>&lt;img src=x onerror=alert(1)&gt;</note></notes>
      <segment>
        <source>Click &lt;script&gt;alert(1)&lt;/script&gt; 14.5 times.</source>
        <target>Klicken Sie &lt;script&gt;alert(1)&lt;/script&gt; 145 Mal.</target>
      </segment>
    </unit>
  </file>
</xliff>
"""


def _report(args: Sequence[str]) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["report", *args])
    return result.exit_code, result.output


def test_every_format_for_an_xliff_file(tmp_path: Path) -> None:
    xlf = tmp_path / "app.xlf"
    shutil.copy(DATA / "sample-1.2.xlf", xlf)
    out = tmp_path / "out"
    code, output = _report([str(xlf), "--engine", "none", "-o", str(out), "-f", "html,json,sarif,junit,markdown,xliff"])
    assert code == 1, output  # the missing link and the extra inline code are errors
    assert "xliff-1.2 en->de, 4 segments" in output
    assert sorted(p.name for p in out.iterdir()) == [
        "app.html", "app.json", "app.xliff", "index.html", "junit.xml", "mtcheck.sarif", "summary.md"
    ]  # fmt: skip

    data = json.loads((out / "app.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    units = data["units"]
    assert (units["format"], units["source_language"], units["target_language"]) == ("xliff-1.2", "en", "de")
    assert [u["id"] for u in units["units"]] == ["greeting", "price", "brand", "link"]
    assert units["units"][3]["target_line"] == 20
    findings = [f for s in data["sentences"] for f in s["findings"]]
    assert {f["details"]["unit"] for f in findings} == {"price", "link"}
    assert all(units["units"][f["sentence"]]["id"] == f["details"]["unit"] for f in findings)

    sarif = json.loads((out / "mtcheck.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    link = next(r for r in results if r["ruleId"] == "MT-SEG-URL-MISSING")
    location = link["locations"][0]
    assert location["physicalLocation"]["region"]["startLine"] == 20
    assert location["physicalLocation"]["artifactLocation"]["uri"].endswith("app.xlf")
    assert location["logicalLocations"][0]["name"] == "link"

    junit = (out / "junit.xml").read_text(encoding="utf-8")
    assert "app.xlf:20 [unit link]: error MT-SEG-URL-MISSING" in junit


def test_html_shows_source_beside_target_escaped(tmp_path: Path) -> None:
    xlf = tmp_path / "hostile.xlf"
    xlf.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "out"
    code, output = _report([str(xlf), "--engine", "none", "-o", str(out), "-f", "html", "--fail-on", "never"])
    assert code == 0, output
    html = (out / "hostile.html").read_text(encoding="utf-8")
    assert '<section id="units"' in html and "Segments" in html
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "u&lt;script&gt;" in html
    csp = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    assert csp.startswith("default-src &#x27;none&#x27;;") or csp.startswith("default-src 'none';")


def test_tmx_and_tsv(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = _report([str(DATA / "sample.tmx"), str(DATA / "sample.tsv"), "--engine", "none", "-o", str(out)])
    assert code == 0, output
    tsv = json.loads((out / "sample.json").read_text(encoding="utf-8"))
    assert tsv["units"]["format"] in ("tsv", "tmx")


def test_languages_from_the_command_line_win(tmp_path: Path) -> None:
    tsv = tmp_path / "plain.tsv"
    tsv.write_text("source\ttarget\nOpen the file.\tÖffnen Sie die Datei.\n", encoding="utf-8")
    out = tmp_path / "out"
    code, output = _report(
        [str(tsv), "--engine", "none", "-o", str(out), "--source-language", "en", "--language", "de"]
    )
    assert code == 0, output
    data = json.loads((out / "plain.json").read_text(encoding="utf-8"))
    assert (data["units"]["source_language"], data["units"]["target_language"]) == ("en", "de")
    code, output = _report([str(tsv), "--engine", "none", "-o", str(out), "--source-language", "xx1"])
    assert code == 2 and "--source-language" in output


class Reverser:
    """An engine that reverses words: enough to see the round trip run per segment."""

    name = "reverser"
    calls: list[tuple[str, str, int]] = []

    def translate(self, texts: Sequence[str], src: str, tgt: str, **_: object) -> list[str]:
        self.calls.append((src, tgt, len(texts)))
        return [" ".join(reversed(t.split())) for t in texts]

    def models(self) -> list[ModelInfo]:
        return []

    def decoding(self) -> dict[str, object]:
        return {}

    def cache_key(self, src: str, tgt: str, *, model: str | None = None) -> str:
        return "reverser"


def test_round_trip_per_segment_through_the_source_language() -> None:
    engine = Reverser()
    report = mtcheck.check(DATA / "sample-2.0.xlf", settings=Settings(), engine=engine)
    assert engine.calls == [("es", "en", 3), ("en", "es", 3)]  # u2 is translate="no"
    assert report.pivot_languages == ("en",) and report.engine is not None
    rt = {u.id: s.roundtrip for u, s in zip(report.units.units, report.sentences, strict=True)}  # type: ignore[union-attr]
    assert rt["u1/s2"] == "Ana dejó atrás 12.00 metros." and rt["u2"] is None


def test_no_engine_means_no_round_trip() -> None:
    report = mtcheck.check(DATA / "sample-2.0.xlf", settings=Settings(engine="none"))
    assert report.engine is None and all(not s.pivots for s in report.sentences)


class Missing(Reverser):
    """An engine without a model for the pair."""

    name = "missing"

    def translate(self, texts: Sequence[str], src: str, tgt: str, **_: object) -> list[str]:
        from mtcheck.errors import ModelError

        raise ModelError(f"no model for {src}-{tgt}")


def test_a_pair_without_a_model_still_gets_the_segment_checks(caplog) -> None:  # type: ignore[no-untyped-def]
    report = mtcheck.check(DATA / "sample-2.0.xlf", settings=Settings(), engine=Missing())
    assert report.engine is None and report.summary.findings > 0
    assert "no round trip" in caplog.text


def test_engine_none_on_an_article(tmp_path: Path) -> None:
    seed = Path(__file__).resolve().parents[2] / "seeds" / "harbour-bridge-mt.txt"
    out = tmp_path / "out"
    code, output = _report([str(seed), "--engine", "none", "-o", str(out), "-f", "json", "--fail-on", "never"])
    assert code == 0, output
    data = json.loads((out / "harbour-bridge-mt.json").read_text(encoding="utf-8"))
    assert data["engine"] is None and data["units"] is None and data["detection"]["machine_translated"]
