"""`mtcheck report URL` end to end on a local web site and apertium: an English article machine translated
from Spanish, whose notice links to the Spanish original, is compared with it; a second run makes no
request; an unreachable URL beside it fails alone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mtcheck.cli import app
from tests.webserver import Route, closed_port_url, news_site, page, serve

pytestmark = [
    pytest.mark.apertium,
    pytest.mark.skipif(shutil.which("apertium") is None, reason="needs Debian's apertium and apertium-eng-spa"),
]

DROPPED = "Los comerciantes podrán seguir vendiendo durante las obras."


def report(args: list[str], out: Path, cache: Path) -> tuple[int, str]:
    base = ["report", "--engine", "apertium", "--pivot", "es", "--output", str(out), "--cache-dir", str(cache)]
    result = CliRunner().invoke(app, [*base, *args])
    return result.exit_code, result.output


def findings(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    every = data["findings"] + [f for s in data["sentences"] for f in s["findings"]]
    return {f["rule"]: f for f in every}


def test_article_url_is_compared_with_the_original_it_links_to(tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    with serve(news_site()) as site:
        article, unreachable = site.url("/article.html"), closed_port_url()
        code, output = report([article, unreachable], out, cache)
        assert code == 2, output  # the unreachable URL fails, alone
        errors = [line for line in output.splitlines() if line.startswith("mtcheck: error:")]
        assert errors == [f"mtcheck: error: {unreachable}: cannot connect (Connection refused)"]
        assert "1 checked, 1 failed" in output
        first_run = dict(site.requests)
        assert first_run == {"/robots.txt": 1, "/article.html": 1, "/es/articulo.html": 1}

        data = json.loads((out / "127.0.0.1_article.json").read_text(encoding="utf-8"))
        assert data["document"]["path"] == article and data["document"]["format"] == "html"
        assert data["document"]["text"].startswith("Valencia will reform its central market")
        assert "Home" not in data["document"]["text"]  # the main text, not the navigation

        detection = data["detection"]
        assert detection["machine_translated"] and detection["source_language"] == "es"
        assert detection["original_url"] == site.url("/es/articulo.html")
        notice = next(e for e in detection["evidence"] if e["kind"] == "disclaimer")
        assert "read the original article here" in notice["text"] and notice["position"] == "top"

        bilingual = data["bilingual"]
        assert bilingual["source_path"] == site.url("/es/articulo.html") and bilingual["source_language"] == "es"
        found = findings(data)
        assert DROPPED in found["MT-BILINGUAL-OMISSION"]["message"]
        every = data["findings"] + [f for s in data["sentences"] for f in s["findings"]]
        numbers = [f for f in every if f["rule"] == "MT-BILINGUAL-NUMBER-MISMATCH"]
        number = next(f for f in numbers if f["details"]["missing"] == ["12"])
        assert number["details"]["extra"] == ["21"]
        # "15.000 visitors" kept the Spanish thousands separator: in English it reads as fifteen.
        assert any(f["details"]["missing"] == ["15.000"] for f in numbers)
        assert data["document"]["text"][number["start"] : number["end"]].startswith("The works will cost 21 million")
        html = (out / "127.0.0.1_article.html").read_text(encoding="utf-8")
        assert site.url("/es/articulo.html") in html and "Original and translation" in html

        code, output = report([article], out, cache)  # again: everything from the cache
        assert code == 1, output  # the omission and the number are errors
        assert dict(site.requests) == first_run

        code, output = report([article, "--no-cache"], out, cache)  # --no-cache fetches both pages again
        assert site.count("/article.html") == 2 and site.count("/es/articulo.html") == 2


def test_no_follow_original_checks_the_page_alone(tmp_path: Path) -> None:
    with serve(news_site()) as site:
        code, output = report([site.url("/article.html"), "--no-follow-original"], tmp_path / "out", tmp_path / "c")
        assert site.count("/es/articulo.html") == 0
    data = json.loads((tmp_path / "out" / "127.0.0.1_article.json").read_text(encoding="utf-8"))
    assert data["bilingual"] is None and data["detection"]["machine_translated"]


def test_an_original_that_cannot_be_fetched_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    routes = news_site()
    routes["/es/articulo.html"] = Route(b"<h1>Gone</h1>", status=404)
    with serve(routes) as site:
        code, output = report([site.url("/article.html"), "--fail-on", "error"], tmp_path / "out", tmp_path / "c")
    assert code == 0, output
    data = json.loads((tmp_path / "out" / "127.0.0.1_article.json").read_text(encoding="utf-8"))
    assert data["bilingual"] is None
    note = findings(data)["MT-ORIGINAL-UNAVAILABLE"]
    assert note["severity"] == "warning" and "HTTP 404" in note["message"]
    assert note["details"]["original_url"] == site.url("/es/articulo.html")


def test_local_html_follows_a_relative_link_to_a_file_on_disk(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "es").mkdir(parents=True)
    (site / "es" / "articulo.html").write_bytes(page("articulo.html"))
    html = page("article.html").decode().replace('href="/es/articulo.html">read', 'href="es/articulo.html">read')
    (site / "article.html").write_text(html, encoding="utf-8")
    code, output = report([str(site / "article.html")], tmp_path / "out", tmp_path / "c")
    assert code == 1, output
    data = json.loads((tmp_path / "out" / "article.json").read_text(encoding="utf-8"))
    assert data["bilingual"]["source_path"] == str(site / "es" / "articulo.html")
    assert data["bilingual"]["source_language"] == "es"
    assert "MT-BILINGUAL-OMISSION" in findings(data)


def test_source_url_is_the_original_of_a_local_translation(tmp_path: Path) -> None:
    translation = tmp_path / "article.html"
    translation.write_bytes(page("article.html"))
    with serve(news_site()) as site:
        original = site.url("/es/articulo.html")
        code, output = report([str(translation), "--source", original], tmp_path / "out", tmp_path / "c")
        assert code == 1, output  # the omission and the changed number are errors
        assert dict(site.requests) == {"/robots.txt": 1, "/es/articulo.html": 1}
    data = json.loads((tmp_path / "out" / "article.json").read_text(encoding="utf-8"))
    assert data["bilingual"]["source_path"] == original and data["bilingual"]["source_language"] == "es"
    assert not any("Inicio" in s for s in data["bilingual"]["source_sentences"])  # main text only
    found = findings(data)
    assert DROPPED in found["MT-BILINGUAL-OMISSION"]["message"]
    assert "MT-BILINGUAL-NUMBER-MISMATCH" in found


def test_a_source_url_that_cannot_be_fetched_is_one_line_and_exit_2(tmp_path: Path) -> None:
    translation = tmp_path / "article.txt"
    translation.write_text("The market opens at nine.\n", encoding="utf-8")
    with serve(news_site()) as site:
        for url, reason in ((site.url("/gone.html"), "HTTP 404 Not Found"), (closed_port_url(), "cannot connect")):
            code, output = report([str(translation), "--source", url], tmp_path / "out", tmp_path / "c")
            assert code == 2, output
            errors = [line for line in output.splitlines() if line.startswith("mtcheck: error:")]
            assert len(errors) == 1 and errors[0].startswith(f"mtcheck: error: {url}: {reason}")
            assert errors[0].endswith("(--source)")
