"""SARIF output: valid against the official 2.1.0 schema, one located result per finding."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from mtcheck.api import check
from mtcheck.config import Settings
from mtcheck.read.document import read_document
from mtcheck.report.sarif import LineIndex, artifact_uri, render_sarif, sarif_log
from mtcheck.results import DocumentInfo, Finding, Gate, Report, summarize
from mtcheck.run.baseline import gate_for, load_baseline, write_baseline
from tests.reportdata import build_report
from tests.shared import shared_path

SCHEMA = shared_path("schemas", "sarif-schema-2.1.0.json")


def with_findings(report: Report, text: str, findings: tuple[Finding, ...], path: str = "docs/plain.txt") -> Report:
    return replace(
        report,
        document=DocumentInfo(path, Path(path).stem, "en", text, "text"),
        sentences=(),
        findings=findings,
        summary=summarize((), findings),
    )


def validate(log: dict) -> None:
    if not SCHEMA.is_file():
        pytest.skip(f"{SCHEMA} is not available")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []


@pytest.mark.parametrize("with_baseline", [False, True])
def test_log_is_valid_against_the_official_schema(tmp_path: Path, with_baseline: bool) -> None:
    reports = [build_report(), build_report(5, name="second"), build_report(3, engine=False, name="bare")]
    baseline = load_baseline(write_baseline(reports[:1], tmp_path / "b.json")) if with_baseline else None
    path = render_sarif(reports, tmp_path / "out", gate=gate_for(reports, "warning", baseline))
    assert path == tmp_path / "out" / "mtcheck.sarif"
    log = json.loads(path.read_text(encoding="utf-8"))
    validate(log)
    results = log["runs"][0]["results"]
    assert len(results) == sum(len(r.all_findings()) for r in reports)
    states = {r.get("baselineState") for r in results}
    assert states == ({"new", "unchanged"} if with_baseline else {None})


def test_an_empty_run_is_valid() -> None:
    log = sarif_log([])
    validate(log)
    assert log["runs"][0]["results"] == []


def test_driver_and_rules() -> None:
    log = sarif_log([build_report()])
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "mtcheck" and driver["version"]
    rules = {r["id"]: r for r in driver["rules"]}
    assert set(rules) == {"MT001", "MT002", "MT100", "mixed_language"}
    assert rules["MT002"]["defaultConfiguration"]["level"] == "warning"
    assert rules["MT100"]["defaultConfiguration"]["level"] == "note"
    assert rules["MT001"]["helpUri"].endswith("docs/findings.md#mt001")
    for result in log["runs"][0]["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


TEXT = "First line.\nSecond line has a flagged phrase.\r\nThird: the end."


@pytest.mark.parametrize(
    ("flagged", "start_line", "start_col", "end_line", "end_col"),
    [
        ("First", 1, 1, 1, 6),
        ("flagged phrase", 2, 19, 2, 33),
        ("the end.", 3, 8, 3, 16),
        ("line.\nSecond", 1, 7, 2, 7),
    ],
)
def test_regions_come_from_offsets(flagged: str, start_line: int, start_col: int, end_line: int, end_col: int) -> None:
    start = TEXT.index(flagged)
    finding = Finding("rule", "error", "msg", start, start + len(flagged), rule="R1", text=flagged)
    report = with_findings(build_report(1), TEXT, (finding,))
    (result,) = sarif_log([report])["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "docs/plain.txt", "uriBaseId": "SRCROOT"}
    region = location["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
        start_line,
        start_col,
        end_line,
        end_col,
    )
    assert region["snippet"]["text"] == flagged


def test_columns_count_code_points() -> None:
    text = "Ünïcödé 🎉 word here"
    start = text.index("word")
    finding = Finding("rule", "warning", "m", start, start + 4, rule="R")
    log = sarif_log([with_findings(build_report(1), text, (finding,))])
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 11


# Character references before each finding on its line: named, decimal, hexadecimal and a legacy name
# without its ';'; the quote and the bracket sit between tags; the doubled word is written with references.
ENTITY_PAGE = (
    "<!doctype html>\n<html lang='en'><head><title>Caf&eacute;</title></head>\n<body>\n"
    "<p>Caf&eacute; &amp; cr&#232;me &copy 2024 &ndash; the bridge is in a bad state since years.</p>\n"
    "<p>&Eacute;t&eacute; &#x2014; Tom &amp; Jerry agree. Criticism comes from the opposition.</p>\n"
    "<p>The caf&eacute; &amp; cr&egrave;merie <em>(</em>which is open is closed.</p>\n"
    '<p>The caf&eacute; &amp; cr&egrave;merie <em>"</em>which is open is closed.</p>\n'
    "<p>Tom &amp; Jerry like the cr&egrave;me cr&egrave;me br&ucirc;l&eacute;e.</p>\n"
    "</body></html>\n"
)


def test_regions_after_html_entities_slice_the_findings_text(tmp_path: Path) -> None:
    """Columns count the file's characters: an entity before a finding on its line never shifts its region."""
    path = tmp_path / "page.html"
    path.write_text(ENTITY_PAGE, encoding="utf-8")
    lines = ENTITY_PAGE.split("\n")
    report = check(read_document(path), settings=Settings(language="en"), translate=False)
    results = sarif_log([report], gate=Gate(fail_on="info"))["runs"][0]["results"]
    sliced = {}
    for result in results:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] == region["endLine"]
        line = lines[region["startLine"] - 1]
        sliced[result["ruleId"], region["snippet"]["text"]] = line[region["startColumn"] - 1 : region["endColumn"] - 1]
    assert {
        ("EN-CALQUE-SINCE-DURATION", "since years"),
        ("EN-CALQUE-CRITICISM-COMES-FROM", "Criticism comes from"),
        ("MT-UNBALANCED-BRACKETS", "("),
        ("MT-UNBALANCED-QUOTES", '"'),
        ("MT-DOUBLED-WORD", "crème crème"),
    } <= set(sliced)
    # Exactly the finding's text; where the finding holds a decoded character, the reference that wrote it.
    assert all(text == sliced[rule, text] for rule, text in sliced if rule != "MT-DOUBLED-WORD"), sliced
    assert sliced["MT-DOUBLED-WORD", "crème crème"] == "cr&egrave;me cr&egrave;me"


def test_finding_without_span_has_file_but_no_region() -> None:
    finding = Finding("mixed_language", "warning", "Paragraph language differs")
    (result,) = sarif_log([with_findings(build_report(1), TEXT, (finding,))])["runs"][0]["results"]
    assert "region" not in result["locations"][0]["physicalLocation"]
    assert result["level"] == "warning" and result["message"]["text"] == "Paragraph language differs"


def test_stdin_document_has_no_location() -> None:
    finding = Finding("rule", "error", "m", 0, 5, rule="R")
    (result,) = sarif_log([with_findings(build_report(1), TEXT, (finding,), path="-")])["runs"][0]["results"]
    assert result["locations"] == []


def test_fingerprints_are_stable_when_text_moves_and_distinct_for_duplicates() -> None:
    def fps(text: str) -> list[str]:
        found = []
        for i, flagged in enumerate(["the the", "the the"]):
            start = text.index(flagged, 0 if i == 0 else text.index(flagged) + 1)
            found.append(Finding("rule", "error", "doubled", start, start + 7, rule="DOUBLED", text=flagged))
        log = sarif_log([with_findings(build_report(1), text, tuple(found))])
        return [r["partialFingerprints"]["mtcheck/v1"] for r in log["runs"][0]["results"]]

    before = fps("a the the b. c the the d.")
    assert len(set(before)) == 2
    assert fps("New opening sentence. a the the b. c the the d.") == before


@pytest.mark.parametrize(
    ("severity", "level"),
    [("error", "error"), ("warning", "warning"), ("info", "note")],
)
def test_levels(severity: str, level: str) -> None:
    finding = Finding("rule", severity, "m", 0, 5, rule="R")  # type: ignore[arg-type]
    (result,) = sarif_log([with_findings(build_report(1), TEXT, (finding,))])["runs"][0]["results"]
    assert result["level"] == level


def test_artifact_uri_quotes_and_relativises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert artifact_uri(str(tmp_path / "a dir" / "x#1.md")) == "a%20dir/x%231.md"
    assert artifact_uri("/elsewhere/y.md").startswith("file:///")


def test_line_index_clamps() -> None:
    lines = LineIndex("ab\ncd")
    assert lines.position(0) == (1, 1)
    assert lines.position(3) == (2, 1)
    assert lines.position(99) == (2, 3)


def test_unencodable_text_is_written_as_valid_utf8(tmp_path: Path) -> None:
    text = "bad \ud800 surrogate and <b>tag</b>"
    finding = Finding("rule", "error", "m \ud800", 0, len(text), rule="R", text=text)
    path = render_sarif([with_findings(build_report(1), text, (finding,))], tmp_path)
    log = json.loads(path.read_bytes().decode("utf-8"))
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == (
        "bad \ufffd surrogate and <b>tag</b>"
    )


def test_absolute_uris_take_no_base_id() -> None:
    """A web page or a file outside the working directory is an absolute URI: SRCROOT must not be its base."""
    from mtcheck.api.failures import InputFailure

    finding = Finding("rule", "error", "m", 0, 5, rule="R")
    reports = [
        with_findings(build_report(1), TEXT, (finding,), path="https://news.example/en/story"),
        with_findings(build_report(1), TEXT, (finding,), path="/elsewhere/y.md"),
        with_findings(build_report(1), TEXT, (finding,), path="docs/plain.txt"),
    ]
    failures = [InputFailure("https://news.example/en/gone", "https://news.example/en/gone: HTTP 404 Not Found")]
    log = sarif_log(reports, failures=failures)
    validate(log)
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in log["runs"][0]["results"]]
    assert locations[0] == {"uri": "https://news.example/en/story"}
    assert locations[1]["uri"].startswith("file:///") and "uriBaseId" not in locations[1]
    assert locations[2] == {"uri": "docs/plain.txt", "uriBaseId": "SRCROOT"}
    (note,) = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "https://news.example/en/gone"}
