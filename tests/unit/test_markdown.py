"""summary.md: one row per document, the worst findings, article text neutralised."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from mtcheck.report.markdown import md_cell, render_markdown, render_summary
from mtcheck.results import DocumentInfo, Finding, Report, summarize
from mtcheck.run.baseline import gate_for, load_baseline, write_baseline
from tests.reportdata import build_report


def doc(path: str, text: str, findings: tuple[Finding, ...]) -> Report:
    return replace(
        build_report(1),
        document=DocumentInfo(path, Path(path).stem, "en", text, "text"),
        sentences=(),
        findings=findings,
        summary=summarize((), findings),
    )


def table_rows(markdown: str) -> list[list[str]]:
    """Cells of every GFM table row, as markdown-it renders them (so escaping is really tested)."""
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    return [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S) for row in rows]


HOSTILE = "a | b `code` <script>x</script> *bold* [link](http://e) @octocat\nnext line"


def test_document_table_has_counts_and_verdicts(tmp_path: Path) -> None:
    reports = [build_report(), build_report(3, engine=False, name="bare")]
    path = render_markdown(reports, tmp_path, gate=gate_for(reports, "warning", None))
    assert path == tmp_path / "summary.md"
    rows = table_rows(path.read_text(encoding="utf-8"))
    header, first, second = rows[0], rows[1], rows[2]
    assert header == ["Document", "MT", "Sentences", "Mean chrF", "Errors", "Warnings", "Info", "Gate"]
    s = reports[0].summary
    assert first[:4] == ["articles/hostile-article.md", "yes (91%)", str(s.sentences), f"{s.mean_chrf:.1f}"]
    assert first[4:7] == [str(s.by_severity[k]) for k in ("error", "warning", "info")]
    gated = s.by_severity["error"] + s.by_severity["warning"]
    assert first[7] == f"❌ {gated}"
    assert second[0] == "articles/bare.md" and second[3] == "–"


@pytest.mark.parametrize(("fail_on", "status"), [("info", "❌ **2**"), ("error", "❌ **1**"), ("never", "✅ **0**")])
def test_headline_counts_findings_at_the_gate(fail_on: str, status: str) -> None:
    report = doc("a.txt", "x y z", (Finding("r", "error", "e", 0, 1, rule="E"), Finding("r", "info", "i", rule="I")))
    assert status in render_summary([report], gate=gate_for([report], fail_on, None))


def test_worst_findings_are_top_five_by_severity() -> None:
    findings = tuple(Finding("r", "info", f"info {i}", i, i + 1, rule="I") for i in range(6)) + (
        Finding("r", "warning", "the warning", 8, 9, rule="W"),
        Finding("r", "error", "the error", 9, 10, rule="E"),
    )
    markdown = render_summary([doc("a.txt", "abcdefghijklmnop", findings)])
    worst = markdown.split("### Worst findings (top 5)")[1]
    rows = table_rows(worst)[1:]
    assert [r[5] for r in rows] == ["the error", "the warning", "info 0", "info 1", "info 2"]
    assert rows[0][0] == "🔴 error" and rows[0][2] == "1" and rows[0][3] == "E" and rows[0][4] == "j"


def test_hostile_article_text_cannot_break_the_table_or_inject_html() -> None:
    report = doc("x|y.txt", HOSTILE, (Finding("r", "error", HOSTILE, 0, len(HOSTILE), rule="R|1", text=HOSTILE),))
    markdown = render_summary([report])
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)
    html = rendered[rendered.index("<table>") :]
    assert "<script>" not in html and "<code>" not in html and "<em>" not in html and "<a " not in html
    rows = table_rows(markdown)
    assert all(len(r) == 8 for r in rows[:2]) and all(len(r) == 6 for r in rows[2:])
    message = rows[-1][5]
    assert "a | b `code` &lt;script&gt;" in message and "*bold*" in message and "\n" not in message
    assert "@octocat" not in markdown  # no @mention notifications from article text
    assert rows[-1][3] == "R|1" and rows[1][0] == "x|y.txt"


def test_baselined_findings_are_marked_and_do_not_count(tmp_path: Path) -> None:
    report = doc("a.txt", "abc", (Finding("r", "error", "old", 0, 1, rule="E"),))
    baseline = load_baseline(write_baseline([report], tmp_path / "b.json"))
    markdown = render_summary([report], gate=gate_for([report], "error", baseline))
    assert "✅ **0** findings at or above `error` in 1 document; 1 known finding in the baseline." in markdown
    assert "🔴 error (baseline)" in markdown


def test_long_text_is_truncated() -> None:
    assert md_cell("x" * 500, 20) == "x" * 19 + "…"


def test_the_headline_counts_in_words() -> None:
    """'1 finding … in 1 document', '2 findings … in 2 documents', '1 input could not be checked': no '(s)'."""
    from types import SimpleNamespace

    one = doc("a.txt", "abcdefghijklmnop", (Finding("r", "error", "e", 0, 1, rule="E"),))
    clean = doc("b.txt", "abcdefghijklmnop", ())
    failure = SimpleNamespace(path="c.txt", message="cannot read c.txt")
    assert "**1** finding at or above `error` in 1 document." in render_summary([one])
    two = render_summary([one, one, clean], failures=[failure])
    assert "**2** findings at or above `error` in 3 documents; **1** input could not be checked." in two
    assert "(s)" not in two
