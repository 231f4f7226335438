"""The HTML report in a real headless Chromium (Debian's): loads clean, filters, sorts, stays inert."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from mtcheck.report import write_document_reports
from mtcheck.results import Report, severity_rank
from tests.reportdata import build_report

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@dataclass
class Opened:
    page: Any
    url: str
    report: Report
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (python) is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield browser
        browser.close()


def _open(browser: Any, tmp_path: Path, report: Report, **context: Any) -> Opened:
    path = write_document_reports(report, tmp_path, ["html"])[0]
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, **context)
    page = ctx.new_page()
    opened = Opened(page, path.as_uri(), report)
    page.on("console", lambda m: opened.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: opened.page_errors.append(str(e)))
    page.on("request", lambda r: opened.requests.append(r.url))

    def dismiss(dialog: Any) -> None:
        opened.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.goto(opened.url, wait_until="load")
    return opened


@pytest.fixture
def opened(browser: Any, tmp_path: Path) -> Iterator[Opened]:
    result = _open(browser, tmp_path, build_report(36, pivots=("de", "fr")))
    yield result
    result.page.context.close()


def _visible_rows(page: Any) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        "#sentences tbody tr",
        "rows => rows.filter(r => !r.hidden && r.offsetParent !== null).map(r => ({...r.dataset}))",
    )


REPORTS = {
    "full": lambda: build_report(36, pivots=("de", "fr")),
    "detection-only": lambda: build_report(12, engine=False),
    "javascript-link": lambda: build_report(12, original_url="javascript:alert(1)"),
}


@pytest.mark.parametrize("kind", sorted(REPORTS))
def test_loads_clean_offline_and_inert(browser: Any, tmp_path: Path, kind: str) -> None:
    o = _open(browser, tmp_path, REPORTS[kind]())
    try:
        page = o.page
        page.wait_for_timeout(200)  # let any injected handler (there must be none) fire
        assert o.console_errors == [] and o.page_errors == []
        assert o.requests == [o.url], "the report must load nothing but itself"
        assert o.dialogs == []
        # The script ran under the page's CSP (it marks the root), so the hash allow-list is right.
        assert page.evaluate("document.documentElement.classList.contains('js')")
        assert page.evaluate("document.querySelectorAll('img, iframe, object, embed, [onerror]').length") == 0
        assert page.evaluate("document.scripts.length") == 2
        assert page.evaluate("[...document.querySelectorAll('a[href]')].every(a => !/^javascript:/i.test(a.href))")
        text = page.inner_text(".article-text")
        for fragment in (
            "<script>alert(1)</script>",
            '"><img src=x onerror=alert(1)>',
            "</textarea>",
            "{{ user }}",
            "${HOME}",
            "</script><!--",
        ):
            assert fragment in text
        data = page.evaluate("JSON.parse(document.getElementById('mtcheck-data').textContent)")
        assert data["document"]["text"] == o.report.document.text
    finally:
        page.context.close()


def test_filter_by_severity_hides_rows(opened: Opened) -> None:
    page, report = opened.page, opened.report
    assert len(_visible_rows(page)) == len(report.sentences)
    for sev in ("warning", "info", "none"):
        page.uncheck(f'input[name="severity"][value="{sev}"]')
    errors = [
        s.index for s in report.sentences if max((severity_rank(f.severity) for f in s.findings), default=-1) == 2
    ]
    rows = _visible_rows(page)
    assert 0 < len(rows) < len(report.sentences)
    assert sorted(int(r["index"]) for r in rows) == errors
    assert page.inner_text("#filter-status") == f"{len(errors)} of {len(report.sentences)} sentences shown"
    # Keyboard: Space on the focused checkbox brings the warnings back.
    page.focus('input[name="severity"][value="warning"]')
    page.keyboard.press("Space")
    assert {r["sev"] for r in _visible_rows(page)} == {"error", "warning"}
    page.click("#filter-reset")
    assert len(_visible_rows(page)) == len(report.sentences)


def test_filter_by_kind(opened: Opened) -> None:
    page, report = opened.page, opened.report
    page.select_option("#filter-kind", "terminology_drift")
    expected = [s.index for s in report.sentences if any(f.kind == "terminology_drift" for f in s.findings)]
    assert sorted(int(r["index"]) for r in _visible_rows(page)) == expected
    assert 0 < len(expected) < len(report.sentences)


def test_sort_by_chrf_reorders_rows(opened: Opened) -> None:
    page, report = opened.page, opened.report
    header = '#sentences th[data-key="chrf"]'
    page.click(f"{header} button")
    order = [int(r["index"]) for r in _visible_rows(page)]
    chrf = {s.index: round(s.scores.chrf, 2) for s in report.sentences if s.scores}
    assert order == sorted(chrf, key=lambda i: (chrf[i], i))
    assert order != sorted(chrf)
    assert page.get_attribute(header, "aria-sort") == "ascending"
    assert page.get_attribute('#sentences th[data-key="index"]', "aria-sort") == "none"
    page.click(f"{header} button")
    assert [int(r["index"]) for r in _visible_rows(page)] == sorted(chrf, key=lambda i: (-chrf[i], i))
    assert page.get_attribute(header, "aria-sort") == "descending"
    index_button = '#sentences th[data-key="index"] button'
    page.click(index_button)
    assert [int(r["index"]) for r in _visible_rows(page)] == sorted(chrf)
    page.focus(index_button)
    page.keyboard.press("Enter")
    assert [int(r["index"]) for r in _visible_rows(page)] == sorted(chrf, reverse=True)


def test_highlight_leads_to_a_hidden_sentence(opened: Opened) -> None:
    page = opened.page
    for sev in ("error", "warning", "info", "none"):
        page.uncheck(f'input[name="severity"][value="{sev}"]')
    assert _visible_rows(page) == []
    assert page.is_visible("#no-rows")
    page.click(".article-text a.hl.sev-error >> nth=0")
    target = page.evaluate("location.hash")
    assert page.is_visible(f"#sentences tr{target}")


def test_readable_without_javascript(browser: Any, tmp_path: Path) -> None:
    o = _open(browser, tmp_path, build_report(12), java_script_enabled=False)
    try:
        page = o.page
        assert len(_visible_rows(page)) == 12
        assert not page.is_visible(".controls")
        assert page.is_visible(".article-text") and page.is_visible("svg.chart")
        assert page.is_visible("#signature")
    finally:
        page.context.close()


def _png_pixels(data: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """(width, height, RGB pixels) of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes)."""
    import struct
    import zlib

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0
    channels = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(b"".join(chunks)), width * channels
    rows: list[bytearray] = []
    previous = bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up, corner = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(line)
        previous = line
    pixels = [tuple(row[x : x + 3]) for row in rows for x in range(0, stride, channels)]
    return width, height, pixels  # type: ignore[return-value]


def _rgb(css: str) -> tuple[int, int, int]:
    r, g, b = (int(float(v)) for v in css[css.index("(") + 1 : css.index(")")].split(",")[:3])
    return r, g, b


def test_screenshot(opened: Opened) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    opened.page.screenshot(path=str(shot), full_page=True)
    # Not just a file: the page is drawn (many colours, not blank), and a highlighted span shows its colour.
    width, height, pixels = _png_pixels(opened.page.screenshot())  # the first screen, decoded
    assert (width, height) == (1280, 900)
    assert len(set(pixels)) > 50
    assert sum(1 for p in pixels if p != pixels[0]) > len(pixels) // 20
    span = opened.page.locator(".article-text .hl[class*='sev-']").first
    colour = _rgb(span.evaluate("e => getComputedStyle(e).backgroundColor"))
    assert colour != _rgb(opened.page.evaluate("getComputedStyle(document.body).backgroundColor"))
    _, _, span_pixels = _png_pixels(span.screenshot())
    assert span_pixels.count(colour) > len(span_pixels) // 4, (colour, set(span_pixels))
    opened.page.emulate_media(media="print")
    opened.page.screenshot(path=str(ARTIFACTS / "report-print.png"), full_page=True)
    assert not opened.page.is_visible(".controls")
