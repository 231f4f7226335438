"""JSON rendering of a Report: shape, rounding, offsets, schema, and writing report files."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from mtcheck.errors import UsageError
from mtcheck.report import (
    RENDERERS,
    RUN_RENDERERS,
    known_formats,
    load_renderer,
    report_to_dict,
    validate_formats,
    write_document_reports,
)
from mtcheck.report.json_report import load_schema, render_json
from mtcheck.results import Finding
from tests.reportdata import build_report, with_broken_scores

VALIDATOR = jsonschema.Draft202012Validator(load_schema())


REPORTS = {
    "typical": lambda: build_report(),
    "long": lambda: build_report(300),
    "two-pivots": lambda: build_report(12, pivots=("de", "fr")),
    "detection-only": lambda: build_report(6, engine=False),
    "no-sentences": lambda: build_report(0),
    "no-link": lambda: build_report(4, original_url=None),
    "nan-scores": lambda: with_broken_scores(build_report(3)),
}

TOP_KEYS = [
    "mtcheck",
    "document",
    "detection",
    "engine",
    "pivots",
    "summary",
    "sentences",
    "findings",
    "signatures",
    "terms",
    "bilingual",
    "units",
]
SENTENCE_KEYS = {"index", "text", "start", "end", "pivot", "roundtrip", "scores", "pivots", "findings", "risk"}
FINDING_KEYS = {"kind", "rule", "severity", "message", "start", "end", "text", "sentence", "details"}


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(load_schema())
    assert load_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_output_validates_against_schema(name: str) -> None:
    data = json.loads(render_json(REPORTS[name]()))
    errors = sorted(VALIDATOR.iter_errors(data), key=str)
    assert errors == []
    assert list(data) == TOP_KEYS


BROKEN = [
    ("severity outside the enum", lambda d: d["sentences"][3]["findings"][0].update(severity="fatal")),
    ("unknown top-level key", lambda d: d.update(extra=1)),
    ("missing sentence key", lambda d: d["sentences"][0].pop("roundtrip")),
    ("confidence over 1", lambda d: d["detection"].update(confidence=1.5)),
    ("negative offset", lambda d: d["sentences"][0].update(start=-1)),
    ("model without revision key", lambda d: d["engine"]["models"][0].pop("revision")),
    ("evidence position unknown", lambda d: d["detection"]["evidence"][0].update(position="middle")),
]


@pytest.mark.parametrize(("label", "damage"), BROKEN, ids=[b[0] for b in BROKEN])
def test_schema_rejects_broken_output(label: str, damage: Any) -> None:
    data = report_to_dict(build_report())
    damage(data)
    assert not VALIDATOR.is_valid(data), label


def test_keys_ci_users_rely_on() -> None:
    data = report_to_dict(build_report(12, pivots=("de", "fr")))
    assert {"path", "language", "text", "format"} <= set(data["document"])
    assert {
        "machine_translated",
        "confidence",
        "language",
        "source_language",
        "original_url",
        "engine",
        "evidence",
        "roundtrip_similarity",
    } <= set(data["detection"])
    assert set(data["detection"]["evidence"][0]) >= {"kind", "text", "start", "end", "position"}
    assert set(data["engine"]) == {"name", "models", "decoding"}
    assert set(data["engine"]["models"][0]) == {"direction", "id", "revision"}
    assert data["pivots"] == ["de", "fr"]
    assert set(data["sentences"][0]) == SENTENCE_KEYS
    assert set(data["sentences"][0]["scores"]) == {"chrf", "bleu", "ter", "prism", "confidence"}
    assert [p["language"] for p in data["sentences"][0]["pivots"]] == ["de", "fr"]
    assert set(data["summary"]) == {"sentences", "findings", "by_kind", "by_severity", "mean_chrf", "highest_severity"}
    assert set(data["signatures"]) == {"chrf", "bleu", "ter"}
    assert data["mtcheck"]["version"] == "0.1.0"
    every = [f for s in data["sentences"] for f in s["findings"]] + data["findings"]
    assert every and all(set(f) == FINDING_KEYS for f in every)


def test_offsets_index_the_document_text() -> None:
    report = build_report(24)
    data = report_to_dict(report)
    text = data["document"]["text"]
    for s in data["sentences"]:
        assert text[s["start"] : s["end"]] == s["text"]
        for f in s["findings"]:
            assert text[f["start"] : f["end"]] == f["text"]
            assert f["sentence"] == s["index"]
    for ev in data["detection"]["evidence"]:
        if ev["start"] is not None:
            assert text[ev["start"] : ev["end"]] == ev["text"]


# Inline-code problems of every kind: missing, extra (a code alone), unpaired, reordered.
TAG_PROBLEMS_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="de" datatype="plaintext" original="app">
    <body>
      <trans-unit id="lost"><source>Hello <g id="1">world</g>, you have new messages.</source>
        <target>Hallo Welt, Sie haben neue Nachrichten.</target></trans-unit>
      <trans-unit id="extra"><source>Read the manual.</source>
        <target>Lesen Sie <x id="5"/>das Handbuch.</target></trans-unit>
      <trans-unit id="unpaired"><source>Click <bx id="1"/>here<ex id="1"/> to start.</source>
        <target>Klicken Sie <bx id="1"/>hier, um zu beginnen.</target></trans-unit>
      <trans-unit id="order"><source><x id="1"/> and <x id="2"/> again.</source>
        <target><x id="2"/> und <x id="1"/> wieder.</target></trans-unit>
    </body>
  </file>
</xliff>
"""


def _every_finding(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for s in data["sentences"] for f in s["findings"]] + data["findings"]


def test_bilingual_tag_findings_keep_the_text_contract(tmp_path: Path) -> None:
    """text is document.text[start:end] for every finding of a bilingual file, inline-code findings included."""
    from mtcheck.api import check
    from mtcheck.config import Settings

    path = tmp_path / "tags.xlf"
    path.write_text(TAG_PROBLEMS_XLIFF, encoding="utf-8")
    data = report_to_dict(check(path, settings=Settings(engine="none")))
    VALIDATOR.validate(data)
    text = data["document"]["text"]
    every = _every_finding(data)
    rules = {f["rule"] for f in every}
    assert {"MT-SEG-TAG-MISSING", "MT-SEG-TAG-EXTRA", "MT-SEG-TAG-PAIRING", "MT-SEG-TAG-ORDER"} <= rules
    for f in every:
        if f["start"] is None:
            assert f["text"] is None, f
        else:
            assert f["text"] == text[f["start"] : f["end"]], f
    # A code is not in document.text: a finding on one code spans its segment's target and says where it sits.
    for f in every:
        if f["rule"] in ("MT-SEG-TAG-EXTRA", "MT-SEG-TAG-PAIRING"):
            assert f["text"] and f["start"] <= f["details"]["code_offset"] <= f["end"], f
    extra = next(f for f in every if f["rule"] == "MT-SEG-TAG-EXTRA")
    assert (extra["text"], extra["details"]["extra"]) == ("Lesen Sie das Handbuch.", "<x5/>")
    assert text[extra["details"]["code_offset"] :].startswith("das Handbuch")
    order = next(f for f in every if f["rule"] == "MT-SEG-TAG-ORDER")
    assert order["details"]["target_order"] == ["<x2/>", "<x1/>"]


def test_primary_pivot_mirrors_first_of_pivots() -> None:
    data = report_to_dict(build_report(5, pivots=("de", "fr")))
    for s in data["sentences"]:
        first = s["pivots"][0]
        assert (s["pivot"], s["roundtrip"], s["scores"]) == (first["pivot"], first["roundtrip"], first["scores"])


ROUNDING = [
    (("detection", "confidence"), 0.912),
    (("detection", "roundtrip_similarity"), 0.877),
    (("detection", "evidence", 0, "weight"), 0.6),
    (("findings", 1, "details", "share"), 0.1235),
]


@pytest.mark.parametrize(("path", "expected"), ROUNDING, ids=["/".join(map(str, p)) for p, _ in ROUNDING])
def test_floats_are_rounded(path: tuple[Any, ...], expected: float) -> None:
    value: Any = report_to_dict(build_report())
    for key in path:
        value = value[key]
    assert value == expected


def test_scores_rounded_to_two_places_and_non_finite_become_null() -> None:
    data = report_to_dict(with_broken_scores(build_report(3)))
    assert data["sentences"][0]["scores"] == {
        "chrf": None,
        "bleu": None,
        "ter": 12.35,
        "prism": None,
        "confidence": None,
    }
    for s in data["sentences"][1:]:
        for name in ("chrf", "bleu", "ter"):
            assert s["scores"][name] == round(s["scores"][name], 2)
        assert s["scores"]["prism"] is None and s["scores"]["confidence"] is None  # not a neural engine
    assert "NaN" not in render_json(with_broken_scores(build_report(3)))


def test_detection_only_has_null_engine_and_scores() -> None:
    data = report_to_dict(build_report(4, engine=False))
    assert data["engine"] is None
    assert data["pivots"] == []
    assert all(s["scores"] is None and s["pivot"] is None and s["pivots"] == [] for s in data["sentences"])
    assert data["summary"]["mean_chrf"] is None


DETAILS = [
    ({"a": (1, 2)}, {"a": [1, 2]}),
    ({"s": {"b", "a"}}, {"s": ["a", "b"]}),
    ({"p": Path("x/y")}, {"p": "x/y"}),
    ({"f": 1 / 3, "n": math.nan}, {"f": 0.3333, "n": None}),
    ({"nested": {"t": True, "k": None}}, {"nested": {"t": True, "k": None}}),
]


@pytest.mark.parametrize(("details", "expected"), DETAILS)
def test_finding_details_become_plain_json(details: dict[str, Any], expected: dict[str, Any]) -> None:
    finding = Finding(kind="rule", severity="info", message="m", details=details)
    report = dataclasses.replace(build_report(1), findings=(finding,))
    data = report_to_dict(report)
    assert data["findings"][0]["details"] == expected
    assert data["findings"][0]["rule"] == "rule"  # falls back to the kind
    json.dumps(data, allow_nan=False)


def test_render_json_is_utf8_text_with_newline() -> None:
    out = render_json(build_report())
    assert out.endswith("}\n")
    assert "Bürgermeisterin" in out  # not \u-escaped
    assert json.loads(out) == report_to_dict(build_report())


def test_write_document_reports_writes_both_files(tmp_path: Path) -> None:
    report = build_report(6)
    paths = write_document_reports(report, tmp_path / "out", ["html", "json"])
    assert [p.name for p in paths] == ["hostile-article.html", "hostile-article.json"]
    assert json.loads(paths[1].read_text(encoding="utf-8")) == report_to_dict(report)
    assert paths[0].read_text(encoding="utf-8").startswith("<!doctype html>")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in paths)


@pytest.mark.parametrize(
    ("name", "stem"), [("a/b/c", "c"), ("..", "document"), ("", "document"), ("x\\y", "y"), ("ok.md", "ok.md")]
)
def test_report_names_stay_inside_the_output_folder(tmp_path: Path, name: str, stem: str) -> None:
    report = dataclasses.replace(build_report(1), document=dataclasses.replace(build_report(1).document, name=name))
    (path,) = write_document_reports(report, tmp_path, ["json"])
    assert path == tmp_path / f"{stem}.json"


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown format pdf"):
        write_document_reports(build_report(1), tmp_path, ["json", "pdf"])
    assert not (tmp_path / "hostile-article.json").exists()


@pytest.mark.parametrize(
    ("given", "expected"), [(["JSON", " html", "json"], ("json", "html")), (["html", ""], ("html",))]
)
def test_validate_formats_normalises(given: list[str], expected: tuple[str, ...]) -> None:
    assert validate_formats(given) == expected


def test_validate_formats_needs_one() -> None:
    with pytest.raises(UsageError):
        validate_formats([" "])


def test_registry_entries_resolve_to_functions() -> None:
    assert {"html", "json"} <= set(known_formats())
    for spec in [*RENDERERS.values(), *RUN_RENDERERS.values()]:
        assert callable(load_renderer(spec))
    assert load_renderer(RENDERERS["json"])(build_report(2)) == render_json(build_report(2))


def test_rows_of_the_real_term_table_validate() -> None:
    from mtcheck.checks import term_tracking  # our own module: a missing one is a failure, not a skip

    row = term_tracking._Row("NATO", "acronym", occurrences=2, sentences=[0, 3], kept=1, lost=1)
    row.renderings["de"] = ["NATO"]
    row.pivot_renderings["de"] = ["NATO"]
    report = dataclasses.replace(build_report(4), terms=(dataclasses.asdict(row),))
    assert VALIDATOR.is_valid(json.loads(render_json(report)))


def test_evidence_the_model_reader_vetoed_is_in_the_report() -> None:
    from mtcheck.results import Evidence, Vetoed

    report = build_report()
    dropped = Evidence("disclaimer", "Traduzione generata con DeepL", 8, 37, "top", "it", 0.9)
    detection = dataclasses.replace(report.detection, vetoed=(Vetoed(dropped, 0.3882),))
    data = json.loads(render_json(dataclasses.replace(report, detection=detection)))
    VALIDATOR.validate(data)
    assert data["detection"]["vetoed"] == [
        {"kind": "disclaimer", "text": "Traduzione generata con DeepL", "start": 8, "end": 37, "position": "top",
         "language": "it", "weight": 0.9, "reader_score": 0.388}
    ]  # fmt: skip
    assert json.loads(render_json(report))["detection"]["vetoed"] == []


def test_the_schema_says_the_reader_settings_default() -> None:
    from mtcheck.config import Settings

    description = load_schema()["properties"]["detection"]["properties"]["reader"]["description"]
    assert f"{Settings().reader} by default" in description  # "auto by default" outlived the default's flip back
