"""HTML rendering: escaping of hostile text, self-containment, highlighting, word diffs, structure."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import html
import json
import re
from html.parser import HTMLParser

import pytest

from mtcheck.report.html import render_html
from mtcheck.report.html_text import Span, highlight, json_for_script, safe_href, word_diff
from mtcheck.report.json_report import report_to_dict
from mtcheck.results import Report
from tests.reportdata import HOSTILE, build_report, with_broken_scores

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "a", "header", "p", "h1", "h2", "h3", "nav", "main",
    "div", "section", "dl", "dt", "dd", "ul", "li", "span", "strong", "q", "meter", "label", "svg", "desc",
    "line", "text", "rect", "table", "caption", "thead", "tbody", "tr", "th", "td", "button", "fieldset",
    "legend", "input", "select", "option", "details", "summary", "code", "del", "ins", "mark", "footer", "script",
    "br",
}  # fmt: skip


class Page(HTMLParser):
    """Every start tag with its attributes, and the text of each <script> and <style>."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._in: str | None = None
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.raw:
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.raw[self._in].append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


@pytest.fixture(scope="module")
def report() -> Report:
    return build_report(36, pivots=("de", "fr"))


@pytest.fixture(scope="module")
def out(report: Report) -> str:
    return render_html(report)


@pytest.fixture(scope="module")
def page(out: str) -> Page:
    return Page(out)


def test_only_expected_elements_and_no_event_handlers(page: Page) -> None:
    assert {t for t, _ in page.tags} <= ALLOWED_TAGS
    assert not [(t, k) for t, a in page.tags for k in a if k.startswith("on")]
    assert len(page.find("script")) == 2
    assert page.find("script")[0] == {"type": "application/json", "id": "mtcheck-data"}


@pytest.mark.parametrize(
    "fragment", HOSTILE[:3] + ('</title> "quoted"', "<b>DeepL</b>", '<meta name="generator" content="DeepL')
)
def test_hostile_text_never_appears_raw(out: str, fragment: str) -> None:
    assert fragment not in out


@pytest.mark.parametrize("fragment", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "</textarea>"])
def test_hostile_text_is_shown_escaped(out: str, fragment: str) -> None:
    assert html.escape(fragment) in out


def test_no_comment_or_cdata_openers_anywhere(out: str) -> None:
    assert "<!--" not in out and "<![CDATA[" not in out
    assert out.lower().count("</script") == 2


def test_embedded_json_is_the_report(page: Page, report: Report) -> None:
    data, _js = page.raw["script"]
    assert json.loads(data) == json.loads(json.dumps(report_to_dict(report)))


@pytest.mark.parametrize(
    "value", ["</script><script>alert(1)</script>", "<!-- x", "a & b > c", "\u2028line\u2029", "]]>"]
)
def test_json_for_script_cannot_end_the_script(value: str) -> None:
    text = json_for_script({"v": value})
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"v": value}


def test_no_external_resources(page: Page) -> None:
    assert not [a for _, a in page.tags if "src" in a]
    links = [a["href"] for a in page.find("a") if a.get("href")]
    external = [h for h in links if not h.startswith("#")]
    assert external == ["https://example.org/original?id=7&lang=de"]
    csp = page.find("meta", **{"http-equiv": "Content-Security-Policy"})[0]["content"] or ""
    assert csp.startswith("default-src 'none';")


def test_csp_hashes_match_the_inline_style_and_script(page: Page) -> None:
    csp = page.find("meta", **{"http-equiv": "Content-Security-Policy"})[0]["content"] or ""

    def sha(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert f"style-src {sha(''.join(page.raw['style']))};" in csp
    assert f"script-src {sha(page.raw['script'][1])};" in csp


def test_template_slots_in_article_text_are_not_expanded() -> None:
    base = build_report(2)
    text = base.document.text + " {{css}} {{js}} {{body}} $title"
    report = dataclasses.replace(base, document=dataclasses.replace(base.document, text=text))
    out = render_html(report)
    assert out.count("{{css}}") == 2 and out.count("{{body}}") == 2  # article and embedded JSON
    assert out.count("/* mtcheck report. Colours") == 1  # the stylesheet is inlined once
    assert out.count("/* mtcheck report: sorting") == 1


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a?b=1&c=2", True),
        ("http://example.org", True),
        ("HTTPS://EXAMPLE.ORG/x", True),
        ("javascript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox", False),
        ("//evil.example/x", False),
        ("/relative/path", False),
        ('https://x.org/" onmouseover="alert(1)', False),
        ("https://", False),
        ("", False),
        (None, False),
    ],
)
def test_safe_href(url: str | None, ok: bool) -> None:
    result = safe_href(url)
    assert (result is not None) == ok
    if result:
        assert result == html.escape(url.strip(), quote=True)  # type: ignore[union-attr]


def test_non_web_original_link_is_shown_not_linked() -> None:
    page = Page(render_html(build_report(2, original_url="javascript:alert(1)")))
    assert all(not (a.get("href") or "").lower().startswith("javascript") for a in page.find("a"))
    assert "javascript:alert(1)" in render_html(build_report(2, original_url="javascript:alert(1)"))


WORD_DIFFS = [
    ("The cat sat.", "The cat sat.", "The cat sat.", "The cat sat.", 0),
    (
        "The vote is expected next month.",
        "The vote is expected in the next month.",
        "The vote is expected next month.",
        "The vote is expected <ins>in the</ins> next month.",
        0,
    ),
    (
        "Bank officials declined to comment.",
        "Bank officials refused to comment.",
        "Bank officials <del>declined</del> to comment.",
        "Bank officials <ins>refused</ins> to comment.",
        1,
    ),
    ("Use <b> & co.", "Use & co.", "Use <del>&lt;b&gt;</del> &amp; co.", "Use &amp; co.", 3),
    ("", "Something.", "", "<ins>Something.</ins>", 0),
    ("Two  spaces\nkept.", "Two  spaces\nkept!", "Two  spaces\nkept<del>.</del>", "Two  spaces\nkept<ins>!</ins>", 1),
]


@pytest.mark.parametrize(("a", "b", "want_a", "want_b", "changed"), WORD_DIFFS)
def test_word_diff(a: str, b: str, want_a: str, want_b: str, changed: int) -> None:
    assert word_diff(a, b) == (want_a, want_b, changed)


TEXT = "Alpha beta gamma delta epsilon."
HIGHLIGHTS = [
    ("nothing", [], "Alpha beta gamma delta epsilon."),
    (
        "one span linked to its sentence",
        [Span(6, 10, "f-0", "w: m", "warning", "s-0")],
        'Alpha <span class="anchor" id="f-0"></span><a class="hl sev-warning" href="#s-0" title="w: m">beta</a>'
        " gamma delta epsilon.",
    ),
    (
        "overlap takes the worst severity",
        [Span(0, 10, "f-0", "a", "warning", "s-0"), Span(6, 16, "f-1", "b", "error", "s-1")],
        '<span class="anchor" id="f-0"></span><a class="hl sev-warning" href="#s-0" title="a">Alpha </a>'
        '<span class="anchor" id="f-1"></span><a class="hl sev-error multi" href="#s-1" title="a | b">beta</a>'
        '<a class="hl sev-error" href="#s-1" title="b"> gamma</a> delta epsilon.',
    ),
    (
        "evidence only is a mark",
        [Span(23, 31, "ev-0", "evidence <x>")],
        'Alpha beta gamma delta <span class="anchor" id="ev-0"></span>'
        '<mark class="hl ev" title="evidence &lt;x&gt;">epsilon.</mark>',
    ),
    (
        "out of range is clamped, empty keeps its anchor",
        [Span(23, 999, "f-0", "x", "info"), Span(3, 3, "f-1", "y", "info")],
        'Alp<span class="anchor" id="f-1"></span>ha beta gamma delta <span class="anchor" id="f-0"></span>'
        '<mark class="hl sev-info" title="x">epsilon.</mark>',
    ),
]


@pytest.mark.parametrize(("label", "spans", "expected"), HIGHLIGHTS, ids=[h[0] for h in HIGHLIGHTS])
def test_highlight(label: str, spans: list[Span], expected: str) -> None:
    assert highlight(TEXT, spans) == expected


def test_highlight_is_lossless_on_the_real_article(report: Report, page: Page, out: str) -> None:
    start = out.index('<div class="article-text"')
    end = out.index("</div></section>", start)
    body = re.sub(r"<[^>]+>", "", out[start:end])
    assert html.unescape(body) == report.document.text
    ids = [a["id"] for _, a in page.tags if a.get("id")]
    assert len(ids) == len(set(ids))


def test_every_sentence_has_a_row_with_sort_keys(report: Report, page: Page) -> None:
    rows = [a for t, a in page.tags if t == "tr" and (a.get("id") or "").startswith("s-")]
    assert [r["id"] for r in rows] == [f"s-{s.index}" for s in report.sentences]
    for row, s in zip(rows, report.sentences, strict=True):
        assert s.scores is not None
        assert float(row["data-chrf"] or "nan") == round(s.scores.chrf, 2)
        kinds = set((row["data-kinds"] or "").split())
        assert kinds == {f.kind for f in s.findings}
        assert row["data-sev"] == max(
            (f.severity for f in s.findings), key=["info", "warning", "error"].index, default="none"
        )


def test_controls_are_real_form_elements(page: Page, report: Report) -> None:
    boxes = page.find("input", type="checkbox", name="severity")
    assert [b["value"] for b in boxes] == ["error", "warning", "info", "none"]
    kinds = sorted({f.kind for s in report.sentences for f in s.findings})
    options = [o["value"] for o in page.find("option")]
    assert options == ["", *kinds]
    sortable = [a for t, a in page.tags if t == "th" and "aria-sort" in a]
    assert [a["data-key"] for a in sortable] == ["index", "chrf", "bleu", "ter", "rank"]
    assert len(page.find("button", type="button")) == len(sortable) + 1  # + "Show all"


def test_sections_for_an_editor(out: str, report: Report) -> None:
    for needle in (
        "Machine translated",
        "91%",
        "Run signature",
        "Terminology",
        "@media print",
        "Helsinki-NLP/opus-mt-en-de",
        "abc1234",
        "nrefs:1",
        "beams=4",
        '<svg class="chart"',
        "Pivot text (de, fr)",
        "Back from fr:",
        "prefers-color-scheme: dark",
        ":focus-visible",
    ):
        assert needle in out, needle
    assert out.count("<details") == len(report.sentences)
    assert out.count('<tr class="lost">') == 1


def test_detection_only_report() -> None:
    out = render_html(build_report(4, engine=False))
    assert "No round trip was run" in out and "<svg" not in out
    assert "none (detection only)" in out
    assert "Terminology" not in out


def test_chart_counts_every_scored_sentence(report: Report, out: str) -> None:
    counts = [int(n) for n in re.findall(r'<text class="count"[^>]*>(\d+)</text>', out)]
    assert sum(counts) == len(report.sentences)


def test_empty_report_renders() -> None:
    out = render_html(build_report(0))
    assert "No sentences were checked." in out
    Page(out)


def test_long_report_is_linear_in_size() -> None:
    base, small, large = (len(render_html(build_report(n))) for n in (0, 30, 300))
    assert 9 < (large - base) / (small - base) < 11


def test_broken_scores_render_as_missing() -> None:
    report = with_broken_scores(build_report(12))
    out = render_html(report)
    row = Page(out).find("tr", id="s-0")[0]
    assert row["data-chrf"] == "" and row["data-bleu"] == ""
    visible = re.sub(r"<script.*?</script>", "", out, flags=re.S)
    assert not re.search(r"\b(nan|inf)\b", visible, flags=re.I)
    counts = [int(n) for n in re.findall(r'<text class="count"[^>]*>(\d+)</text>', out)]
    assert sum(counts) == len(report.sentences) - 1


def test_terminology_rows(out: str) -> None:
    start = out.index('<section id="terms"')
    terms = out[start : out.index("</section>", start)]
    assert '<span class="lbl">de:</span> Elena Ruiz' in terms
    assert '<a href="#s-1">2</a> <a href="#s-13">14</a>' in terms
    assert "&lt;img src=x onerror=alert(1)&gt;" in terms and "<img" not in terms
    assert '<span class="term-kind">acronym</span>' in terms
    assert "<td>4.2 million</td>" in terms  # a plain list of renderings


def test_bilingual_section_marks_omissions_and_escapes() -> None:
    import dataclasses

    from mtcheck.report.html import render_html
    from mtcheck.results import AlignedPair, BilingualResult
    from tests.reportdata import build_report

    report = build_report(3)
    pairs = (
        AlignedPair((0,), (0,), "mt", 91.0, 88.0),
        AlignedPair((1,), (), "mt", 0.0),
        AlignedPair((), (1,), "", 0.0),
    )
    original = ("Erster Satz.", "<script>alert('omitted')</script>")
    bilingual = BilingualResult("orig.txt", "de", original, pairs)
    page = render_html(dataclasses.replace(report, bilingual=bilingual))
    assert 'id="bilingual"' in page and 'href="#bilingual"' in page
    assert page.count('<tr class="omitted">') == 1 and page.count('<tr class="added">') == 1
    assert "<script>alert('omitted')" not in page and "&lt;script&gt;alert(" in page
    assert "91 / 88" in page
    assert 'id="bilingual"' not in render_html(report)  # no section without --source


def test_equal_findings_in_two_places_get_their_own_anchors() -> None:
    """Anchors are keyed by where a finding sits, not by object identity: equal findings stay distinct."""
    from dataclasses import replace

    from mtcheck.report.html import render_html
    from mtcheck.results import Finding

    report = build_report()
    first, second = report.sentences[0], report.sentences[1]
    twin = Finding(kind="rule", rule="X-TWIN", severity="warning", message="twin", start=first.start, end=first.end)
    # The same Finding object in two sentences and once at document level.
    sentences = (
        replace(first, findings=(twin,)),
        replace(second, findings=(twin,)),
        *report.sentences[2:],
    )
    html = render_html(replace(report, sentences=sentences, findings=(twin,)))
    ids = re.findall(r'<span class="anchor" id="(f-[^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert {"f-0-0", f"f-{second.index}-0", "f-d-0"} <= set(ids)
    for anchor in ("f-0-0", f"f-{second.index}-0", "f-d-0"):
        assert f'href="#{anchor}"' in html


def test_summary_says_what_mean_chrf_is_not(out: str) -> None:
    """The summary's mean chrF tile is followed by the caveat that it does not rank translations."""
    from mtcheck.report.html_text import CHRF_CAVEAT

    summary = out[out.index('id="summary"') : out.index("</section>", out.index('id="summary"'))]
    assert "Mean chrF" in summary and CHRF_CAVEAT in summary
