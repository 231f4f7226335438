"""--format xliff: the input written back with ITS 2.0 quality issues, and nothing else changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import mtcheck
from mtcheck.config import Settings
from mtcheck.report.xliff_out import ITS_NS, render_xliff

DATA = Path(__file__).resolve().parents[1] / "data" / "bilingual"


def _without_its(xml: bytes) -> bytes:
    """The document with every ITS element and attribute removed, in exclusive canonical form."""
    root = etree.fromstring(xml)
    for el in list(root.iter(f"{{{ITS_NS}}}*")):
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)  # lxml keeps the tail text with the parent's previous content: none was added
    for el in root.iter():
        for name in [n for n in el.attrib if n.startswith(f"{{{ITS_NS}}}")]:
            del el.attrib[name]
    return etree.tostring(root, method="c14n", exclusive=True)


@pytest.mark.parametrize("name", ["sample-1.2.xlf", "sample-2.0.xlf"])
def test_annotations_and_nothing_else_changed(name: str) -> None:
    path = DATA / name
    report = mtcheck.check(path, settings=Settings(engine="none"))
    written = render_xliff(report)
    assert written is not None
    annotated = written.encode("utf-8")
    issues = etree.fromstring(annotated).findall(f".//{{{ITS_NS}}}locQualityIssue")
    assert len(issues) == len(report.all_findings()) > 0
    for issue in issues:
        assert issue.get("locQualityIssueType") and issue.get("locQualityIssueSeverity") in ("10", "50", "90")
        assert issue.get("locQualityIssueComment", "").startswith("MT-")
    groups = etree.fromstring(annotated).findall(f".//{{{ITS_NS}}}locQualityIssues")
    assert all(g.getparent().tag.rsplit("}", 1)[-1] in ("unit", "trans-unit") for g in groups)
    ids = [g.get("{http://www.w3.org/XML/1998/namespace}id") for g in groups]
    assert len(set(ids)) == len(ids)
    assert _without_its(annotated) == _without_its(path.read_bytes())


def test_the_annotated_file_is_read_again_as_the_same_units(tmp_path: Path) -> None:
    path = DATA / "sample-2.0.xlf"
    written = render_xliff(mtcheck.check(path, settings=Settings(engine="none")))
    assert written is not None
    again = tmp_path / "again.xlf"
    again.write_text(written, encoding="utf-8")
    first = mtcheck.check(path, settings=Settings(engine="none"))
    second = mtcheck.check(again, settings=Settings(engine="none"))
    assert [(u.id, u.source, u.target) for u in first.units.units] == [  # type: ignore[union-attr]
        (u.id, u.source, u.target)
        for u in second.units.units  # type: ignore[union-attr]
    ]


def test_other_inputs_write_no_xliff(tmp_path: Path) -> None:
    from mtcheck.report import write_document_reports

    report = mtcheck.check(DATA / "sample.tsv", settings=Settings(engine="none"))
    assert render_xliff(report) is None
    assert write_document_reports(report, tmp_path, ["xliff", "json"]) == [tmp_path / "sample.json"]
