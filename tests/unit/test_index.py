"""index.html: one row per document with verdict and counts, relative escaped links, nothing executable."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mtcheck.report.index import render_index
from mtcheck.results import DocumentInfo, Report
from mtcheck.run.baseline import gate_for, load_baseline, write_baseline
from tests.reportdata import HOSTILE, build_report


class Page(HTMLParser):
    """Collects tags, links, table rows (cell texts) and the style/CSP of a page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.rows: list[list[str]] = []
        self.csp = ""
        self._cell: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append(tag)
        if tag == "a":
            self.links.append(values.get("href") or "")
        if tag == "meta" and values.get("http-equiv") == "Content-Security-Policy":
            self.csp = values.get("content") or ""
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def named(report: Report, path: str, name: str) -> Report:
    return replace(report, document=replace(report.document, path=path, name=name))


def test_rows_show_verdicts_counts_and_gate(tmp_path: Path) -> None:
    reports = [build_report(), build_report(3, engine=False, name="bare")]
    page = Page(render_index(reports, tmp_path, gate=gate_for(reports, "warning", None)).read_text(encoding="utf-8"))
    header, first, second = page.rows
    assert header[:5] == ["Document", "Machine translated", "Language", "Sentences", "Mean chrF"]
    s = reports[0].summary
    assert first[0] == "articles/hostile-article.md"
    assert first[1] == "machine translated 91%"
    assert first[3:8] == [str(s.sentences), f"{s.mean_chrf:.1f}"] + [
        str(s.by_severity[k]) for k in ("error", "warning", "info")
    ]
    assert first[8] == f"fails: {s.by_severity['error'] + s.by_severity['warning']}"
    assert second[0] == "articles/bare.md" and second[4] == "–"


def test_gate_never_passes_everything(tmp_path: Path) -> None:
    page = Page(
        render_index([build_report()], tmp_path, gate=gate_for([build_report()], "never", None)).read_text(
            encoding="utf-8"
        )
    )
    assert page.rows[1][8] == "passes"


def test_baselined_findings_do_not_fail(tmp_path: Path) -> None:
    report = build_report()
    baseline = load_baseline(write_baseline([report], tmp_path / "b.json"))
    html = render_index([report], tmp_path / "out", gate=gate_for([report], "info", baseline)).read_text(
        encoding="utf-8"
    )
    assert Page(html).rows[1][8] == "passes"
    assert "known in the baseline do not count" in html


@pytest.mark.parametrize(
    ("name", "href"),
    [("plain", "plain.html"), ("with space#1?", "with%20space%231%3F.html"), ("ünï", "%C3%BCn%C3%AF.html")],
)
def test_links_are_relative_and_quoted(tmp_path: Path, name: str, href: str) -> None:
    (tmp_path / f"{name}.html").write_text("x", encoding="utf-8")
    page = Page(render_index([named(build_report(2), f"in/{name}.md", name)], tmp_path).read_text(encoding="utf-8"))
    assert page.links == [href]


def test_falls_back_to_json_and_to_no_link(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    reports = [named(build_report(1), "a.md", "a"), named(build_report(1), "b.md", "b")]
    page = Page(render_index(reports, tmp_path).read_text(encoding="utf-8"))
    assert page.links == ["a.json"]
    assert page.rows[2][0] == "b.md"


def test_hostile_paths_are_escaped_and_nothing_executes(tmp_path: Path) -> None:
    hostile = build_report(2)
    reports = [
        replace(hostile, document=DocumentInfo(f"{frag}.md", "doc", "en", hostile.document.text, "markdown"))
        for frag in HOSTILE
    ]
    html = render_index(reports, tmp_path).read_text(encoding="utf-8")
    page = Page(html)
    assert "script" not in page.tags and "img" not in page.tags and "textarea" not in page.tags
    assert [row[0] for row in page.rows[1:]] == [f"{frag}.md" for frag in HOSTILE]
    assert "default-src 'none'" in page.csp and "script-src" not in page.csp
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html


def test_empty_run(tmp_path: Path) -> None:
    page = Page(render_index([], tmp_path).read_text(encoding="utf-8"))
    assert page.rows == [page.rows[0]]


@pytest.mark.parametrize(("count", "heading"), [(0, "0 documents"), (1, "1 document"), (2, "2 documents")])
def test_the_heading_counts_documents_in_words(tmp_path: Path, count: int, heading: str) -> None:
    html = render_index([build_report()] * count, tmp_path).read_text(encoding="utf-8")
    assert f"<h1>{heading}</h1>" in html and f"<title>mtcheck: {heading}</title>" in html


def test_style_hash_in_csp_matches_the_inline_style(tmp_path: Path) -> None:
    import base64
    import hashlib
    import re

    html = render_index([build_report(1)], tmp_path).read_text(encoding="utf-8")
    (style,) = re.findall(r"<style>(.*?)</style>", html, re.S)
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in Page(html).csp


def test_mean_chrf_column_carries_its_caveat(tmp_path: Path) -> None:
    """Mean chrF sits next to other documents' figures: the page says it does not rank translations."""
    from mtcheck.report.html_text import CHRF_CAVEAT

    text = render_index([build_report(), build_report(3, name="bare")], tmp_path).read_text(encoding="utf-8")
    table_end = text.index("</table>")
    assert CHRF_CAVEAT in text and text.index(CHRF_CAVEAT) > table_end
    assert "does not rank translations" in CHRF_CAVEAT
