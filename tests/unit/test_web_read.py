"""Web pages read into Documents: charsets, the main text with valid offsets, whole-page detection, and
where the page says its original is."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.detect.original_link import head_links
from mtcheck.detect.page import detect_document
from mtcheck.errors import InputError
from mtcheck.read.fetch import Fetcher, Page
from mtcheck.read.follow import followable, local_original
from mtcheck.read.web import WebDocument, decode_page, document_from_page, read_html, read_url
from tests.webserver import Route, news_site, page, serve

CAFE = "<p>Le café coûte 2 € à Málaga.</p>"

# (bytes, Content-Type header, expected text): the header's charset, <meta charset>, or a guess.
CHARSETS = [
    (CAFE.encode("utf-8"), "text/html; charset=utf-8", CAFE),
    (CAFE.encode("cp1252"), "text/html; charset=windows-1252", CAFE),
    (CAFE.encode("utf-8"), "text/html; charset=iso-8859-1", CAFE),  # wrong header: the bytes are UTF-8
    (CAFE.encode("cp1252"), "text/html; charset=utf-8", CAFE),  # wrong header: not UTF-8 at all
    (CAFE.encode("cp1252"), "text/html", CAFE),  # no charset anywhere: guessed
    (('<meta charset="windows-1252">' + CAFE).encode("cp1252"), "text/html", '<meta charset="windows-1252">' + CAFE),
    (
        ('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>Привет</p>').encode("koi8-r"),
        "text/html",
        '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>Привет</p>',
    ),
    (CAFE.encode("utf-8"), "text/html; charset=no-such-charset", CAFE),
    ("\ufeff".encode() + CAFE.encode("utf-8"), "text/html; charset=iso-8859-1", CAFE),  # a BOM wins
]


@pytest.mark.parametrize(("data", "content_type", "expected"), CHARSETS)
def test_charset_from_headers_meta_or_guess(data: bytes, content_type: str, expected: str) -> None:
    text, _ = decode_page(data, content_type, "page")
    assert text == expected


def test_a_page_served_with_a_wrong_charset_reads_right(tmp_path: Path) -> None:
    body = f"<html><body><article><h1>Málaga</h1>{CAFE * 4}</article></body></html>".encode()
    routes = {"/cafe.html": Route(body, headers={"Content-Type": "text/html; charset=ISO-8859-1"})}
    with serve(routes) as site, Fetcher(cache_dir=tmp_path) as fetcher:
        document = read_url(site.url("/cafe.html"), fetcher=fetcher)
    assert "Le café coûte 2 € à Málaga." in document.text and "Ã" not in document.text


def test_main_text_leaves_out_navigation_and_footer_but_detection_reads_them() -> None:
    document = read_html(page("article.html").decode(), path="http://news.test/article.html", name="a",
                         url="http://news.test/article.html")  # fmt: skip
    assert isinstance(document, WebDocument) and document.page is not None
    assert document.text.startswith("Valencia will reform its central market")
    for outside in ("Home", "automatically translated", "The Daily Example"):
        assert outside not in document.text and outside in document.page.text
    for start, end in document.paragraphs:  # offsets into the text the report shows
        assert document.text[start:end].strip() == document.text[start:end] and document.text[start:end]
    assert document.metadata["lang"] == "en"

    seen = detect_document(document, language="en")
    detection = seen.detection
    assert detection.machine_translated and detection.source_language == "es"
    notice = next(e for e in detection.evidence if e.kind == "disclaimer")
    assert notice.start is None and notice.position == "top"  # in the banner, not in the main text
    assert seen.original is not None and seen.original.via == "notice"
    assert detection.original_url == seen.original.target == "http://news.test/es/articulo.html"


def test_evidence_inside_the_main_text_keeps_valid_offsets() -> None:
    html = (
        "<html><body><nav><a href='/'>Home</a></nav><article><h1>Harbour news</h1>"
        "<p>The bridge will be repaired next year, the council said on Tuesday evening.</p>"
        "<p>This article was machine translated from German. "
        "<a href='https://zeitung.test/de/bruecke'>Read the original here</a>.</p></article></body></html>"
    )
    document = read_html(html, path="https://news.test/bridge", name="b", url="https://news.test/bridge")
    seen = detect_document(document, language="en")
    notice = next(e for e in seen.detection.evidence if e.kind == "disclaimer")
    assert notice.start is not None and notice.end is not None
    assert document.text[notice.start : notice.end].startswith("This article was machine translated")
    assert seen.original is not None and seen.original.target == "https://zeitung.test/de/bruecke"


def _head(links: str, body: str = "<p>The council met on Tuesday to talk about the old bridge.</p>") -> str:
    return f"<html lang='en'><head>{links}</head><body><article>{body}</article></body></html>"


# (page, the original's link found, how, its language)
HEAD_CASES = [
    (
        _head('<link rel="canonical" href="https://ejemplo.test/es/puente">'),
        "https://ejemplo.test/es/puente",
        "canonical",
        "es",
    ),
    (
        _head(
            '<link rel="alternate" hreflang="de" href="/de/bruecke"><link rel="alternate" hreflang="en" href="/en/b">',
            "<p>Translated from German by machine translation.</p><p>The council met on Tuesday about the bridge.</p>",
        ),
        "https://news.test/de/bruecke",
        "alternate",
        "de",
    ),
    (
        _head('<meta name="original-url" content="https://zeitung.test/artikel">'),
        "https://zeitung.test/artikel",
        "metadata",
        None,
    ),
]


@pytest.mark.parametrize(("html", "target", "via", "language"), HEAD_CASES)
def test_original_from_metadata_canonical_and_hreflang(html: str, target: str, via: str, language: str | None) -> None:
    document = read_html(html, path="https://news.test/en/b", name="b", url="https://news.test/en/b")
    seen = detect_document(document, language="en")
    assert seen.original is not None
    assert (seen.original.target, seen.original.via, seen.original.language) == (target, via, language)
    assert seen.detection.original_url == target
    if via in ("canonical", "alternate"):
        assert any(e.kind == "original_link" and e.position == "meta" for e in seen.detection.evidence)


def test_alternates_of_a_human_translated_site_are_not_an_original() -> None:
    html = _head('<link rel="alternate" hreflang="de" href="/de/b"><link rel="alternate" hreflang="fr" href="/fr/b">')
    document = read_html(html, path="https://news.test/en/b", name="b", url="https://news.test/en/b")
    seen = detect_document(document, language="en")
    assert seen.original is None and not seen.detection.machine_translated


def test_head_links() -> None:
    links = head_links('<link rel="alternate" hreflang="es-ES" href="/es/"><link rel=canonical href=/x><link rel=icon>')
    assert [(a.rel, a.hreflang, a.href) for a in links] == [("alternate", "es-es", "/es/"), ("canonical", None, "/x")]


def test_plain_text_pages_read_as_text(tmp_path: Path) -> None:
    page_ = Page("http://t.test/a.txt", "http://t.test/a.txt", "text/plain; charset=utf-8", b"One.\n\nTwo.\n")
    document = document_from_page(page_)
    assert document.format == "text" and document.text == "One.\n\nTwo." and document.name == "t.test_a.txt"


def test_an_empty_page_is_an_input_error() -> None:
    with pytest.raises(InputError, match="empty page"):
        document_from_page(Page("http://t.test/", "http://t.test/", "text/html", b"  \n"))


def test_local_originals_are_relative_links_to_files_on_disk(tmp_path: Path) -> None:
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / "articulo.html").write_text("<p>Hola.</p>", encoding="utf-8")
    (tmp_path / "es" / "secret.key").write_text("-----BEGIN PRIVATE KEY-----", encoding="utf-8")
    article = tmp_path / "article.html"
    assert local_original(str(article), "es/articulo.html") == tmp_path / "es" / "articulo.html"
    assert local_original(str(article), "es/articulo.html#top") == tmp_path / "es" / "articulo.html"
    for href, message in [
        ("https://example.es/articulo", "not a relative link"),
        ("/etc/passwd", "not a relative link"),
        ("es/missing.html", "names no file on disk"),
        ("es", "names no file on disk"),
        ("es/secret.key", "names no article"),
    ]:
        with pytest.raises(InputError, match=message):
            local_original(str(article), href)


def test_web_documents_follow_only_web_links(tmp_path: Path) -> None:
    from mtcheck.detect.original_link import OriginalLink

    with serve(news_site()) as site, Fetcher(cache_dir=tmp_path) as fetcher:
        document = read_url(site.url("/article.html"), fetcher=fetcher)
    assert followable(document, OriginalLink("/es/a", site.url("/es/a"), "notice"))
    assert not followable(document, OriginalLink("file:///etc/passwd", "file:///etc/passwd", "notice"))


def test_a_web_page_is_keyed_by_its_url_in_baselines_and_sarif() -> None:
    from mtcheck.report.fingerprint import document_key
    from mtcheck.report.sarif import artifact_uri

    url = "https://news.test/en/a.html?id=1"
    assert document_key(url) == url and artifact_uri(url) == url


def test_urls_are_inputs_named_from_their_address() -> None:
    from mtcheck.read.inputs import expand_inputs

    items = expand_inputs(["https://news.test/en/a.html", "https://news.test/en/a.html", "http://other.test/a.html"])
    assert [(i.path, i.name, i.error) for i in items] == [
        ("https://news.test/en/a.html", "news.test_en_a", None),
        ("http://other.test/a.html", "other.test_a", None),
    ]
