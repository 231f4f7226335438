"""The library on web pages: each document gets its own original, and an original the engine cannot
translate leaves the page checked alone. A fake engine keeps these fast; apertium runs in tests/e2e."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

import mtcheck
from mtcheck.config import Settings
from mtcheck.errors import InputError, ModelError
from mtcheck.results import ModelInfo
from tests.webserver import Route, closed_port_url, news_site, serve

HTML = {"Content-Type": "text/html; charset=utf-8"}


class EchoEngine:
    """Translates by echoing; refuses the directions it is told it has no model for."""

    name = "echo"

    def __init__(self, missing: Sequence[str] = ()) -> None:
        self.missing = set(missing)
        self.directions: list[tuple[str, str]] = []

    def translate(
        self, texts: Sequence[str], src: str, tgt: str, *, model: Any = None, progress: Any = None
    ) -> list[str]:
        if src in self.missing or tgt in self.missing:
            raise ModelError(f"no model for {src}-{tgt}")
        self.directions.append((src, tgt))
        if progress:
            progress(len(texts))
        return list(texts)

    def models(self) -> list[ModelInfo]:
        return []

    def decoding(self) -> dict[str, Any]:
        return {}

    def cache_key(self, src: str, tgt: str, *, model: str | None = None) -> str:
        return f"echo:{src}-{tgt}"


def _article(original: str, sentence: str) -> bytes:
    return (
        "<html lang='en'><body><div class='banner'><p>This page was automatically translated. "
        f"<a href='{original}'>Read the original</a>.</p></div><main><article><h1>Market news</h1>"
        f"<p>{sentence} The market opens at nine every morning. Traders sell fruit and fish there.</p>"
        "</article></main></body></html>"
    ).encode()


def _original(text: str) -> bytes:
    return f"<html lang='es'><body><article><h1>Noticias del mercado</h1><p>{text}</p></article></body></html>".encode()


def test_each_page_is_compared_with_its_own_original(tmp_path: Path) -> None:
    routes = {
        "/a.html": Route(_article("/es/a.html", "The roof will be repaired."), headers=HTML),
        "/b.html": Route(_article("/es/b.html", "The doors will be painted."), headers=HTML),
        "/es/a.html": Route(_original("El tejado será reparado. El mercado abre a las nueve."), headers=HTML),
        "/es/b.html": Route(_original("Las puertas serán pintadas. Los comerciantes venden fruta."), headers=HTML),
    }
    settings = Settings(pivots=("es",), language="en", cache_dir=tmp_path)
    with serve(routes) as site:
        result = mtcheck.check_many([site.url("/a.html"), site.url("/b.html")], settings=settings, engine=EchoEngine())
    assert not result.failures
    originals = {r.document.path: r.bilingual.source_path for r in result.reports if r.bilingual}
    assert originals == {site.url("/a.html"): site.url("/es/a.html"), site.url("/b.html"): site.url("/es/b.html")}
    for report in result.reports:
        assert report.bilingual is not None and report.bilingual.source_language == "es"
        assert report.detection.original_url == report.bilingual.source_path


def test_source_setting_wins_over_the_pages_link(tmp_path: Path) -> None:
    source = tmp_path / "original.txt"
    source.write_text("El tejado será reparado.\n\nEl mercado abre a las nueve.\n", encoding="utf-8")
    settings = Settings(pivots=("es",), language="en", cache_dir=tmp_path, source=source)
    with serve(news_site()) as site:
        report = mtcheck.check(site.url("/article.html"), settings=settings, engine=EchoEngine())
        assert site.count("/es/articulo.html") == 0
    assert report.bilingual is not None and report.bilingual.source_path == str(source)


def test_an_original_without_a_model_leaves_the_page_checked_alone(tmp_path: Path) -> None:
    routes = news_site()
    settings = Settings(pivots=("de",), language="en", cache_dir=tmp_path)
    engine = EchoEngine(missing=("es",))
    with serve(routes) as site:
        report = mtcheck.check(site.url("/article.html"), settings=settings, engine=engine)
    assert report.bilingual is None and report.pivot_languages == ("de",)
    note = next(f for f in report.findings if f.rule == "MT-ORIGINAL-UNAVAILABLE")
    assert "no model for es-en" in note.message and note.details["via"] == "notice"


def test_an_original_in_the_same_language_is_not_compared(tmp_path: Path) -> None:
    routes = news_site()
    routes["/es/articulo.html"] = Route(_article("/x", "The roof will be repaired."), headers=HTML)
    settings = Settings(pivots=("es",), language="en", cache_dir=tmp_path)
    with serve(routes) as site:
        report = mtcheck.check(site.url("/article.html"), settings=settings, engine=EchoEngine())
    assert report.bilingual is None
    assert any("in 'en' too" in f.message for f in report.findings if f.rule == "MT-ORIGINAL-UNAVAILABLE")


def _translations(tmp_path: Path) -> list[str]:
    paths = []
    for name, text in (("a.txt", "The roof will be repaired."), ("b.txt", "The market opens at nine.")):
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
        paths.append(str(tmp_path / name))
    return paths


def test_a_source_url_is_fetched_once_and_its_main_text_is_the_original(tmp_path: Path) -> None:
    with serve(news_site()) as site:
        original = site.url("/es/articulo.html")
        settings = Settings(pivots=("es",), language="en", cache_dir=tmp_path / "cache", source=original)
        result = mtcheck.check_many(_translations(tmp_path), settings=settings, engine=EchoEngine())
        assert dict(site.requests) == {"/robots.txt": 1, "/es/articulo.html": 1}  # once for the whole run
    assert not result.failures and len(result.reports) == 2
    for report in result.reports:
        assert report.bilingual is not None
        assert report.bilingual.source_path == original and report.bilingual.source_language == "es"
        sentences = report.bilingual.source_sentences
        assert sentences[0] == "Valencia reformará su mercado central"  # the article, not the navigation
        assert not any("Inicio" in s or "Contacto" in s for s in sentences)
        assert "Los comerciantes podrán seguir vendiendo durante las obras." in sentences


@pytest.mark.parametrize(
    ("route", "message"),
    [
        (Route(b"<h1>Gone</h1>", status=404), "HTTP 404 Not Found"),
        (Route(b"\x89PNG\r\n\x1a\n", headers={"Content-Type": "image/png"}), "not a web page or text (image/png)"),
        (Route(b"", headers={**HTML, "Content-Length": "999999999"}, length=False), "larger than the 20 MB limit"),
        (Route(b"<p>   </p>", headers=HTML), "no readable text on this page"),
    ],
    ids=["404", "image", "too-big", "no-text"],
)
def test_a_source_url_that_cannot_be_had_is_one_line_naming_the_setting(
    tmp_path: Path, route: Route, message: str
) -> None:
    with serve({"/original.html": route}) as site:
        source = site.url("/original.html")
        settings = Settings(pivots=("es",), language="en", cache_dir=tmp_path / "cache", source=source)
        with pytest.raises(InputError) as raised:
            mtcheck.check_many(_translations(tmp_path), settings=settings, engine=EchoEngine())
    assert str(raised.value).startswith(site.url("/original.html") + ": ") and message in str(raised.value)
    assert "\n" not in str(raised.value) and raised.value.setting == "source"


def test_an_unreachable_source_url_is_one_line(tmp_path: Path) -> None:
    settings = Settings(pivots=("es",), language="en", cache_dir=tmp_path, source=closed_port_url(), fetch_timeout=2)
    with pytest.raises(InputError, match=r": cannot connect \(") as raised:
        mtcheck.check(_translations(tmp_path)[0], settings=settings, engine=EchoEngine())
    assert raised.value.setting == "source"
