"""`mtcheck detect URL`: detection of web pages, no models; robots.txt and the cache as for `report`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from mtcheck.cli import app
from tests.shared import python_env
from tests.webserver import Route, news_site, serve


def test_detect_url_names_the_original_and_fails_a_disallowed_page_alone(tmp_path: Path) -> None:
    with serve(news_site()) as site:
        article, private = site.url("/article.html"), site.url("/private/article.html")
        args = ["detect", "--format", "json", "--cache-dir", str(tmp_path), article, private]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 2
        rows = json.loads(result.stdout)
        assert rows[0]["path"] == article and rows[0]["machine_translated"]
        assert rows[0]["original_url"] == site.url("/es/articulo.html") and rows[0]["source_language"] == "es"
        assert rows[1] == {"path": private, "error": f"{private}: robots.txt of {site.base} disallows it"}
        assert f"mtcheck: error: {private}: robots.txt of {site.base} disallows it (--ignore-robots)" in result.stderr

        again = CliRunner().invoke(app, [*args[:-1], "--ignore-robots", private])
        assert again.exit_code == 0 and json.loads(again.stdout)[0]["machine_translated"]
        assert site.count("/article.html") == 1  # the first run's copy, from the cache


def test_detect_says_when_a_sites_crawl_delay_makes_it_wait(tmp_path: Path) -> None:
    html = {"Content-Type": "text/html; charset=utf-8"}
    routes = {f"/p{i}.html": Route(f"<p>The market opens at {i + 8} every morning.</p>".encode(), headers=html)
              for i in range(3)}  # fmt: skip
    routes["/robots.txt"] = Route(b"User-agent: *\nCrawl-delay: 0.3\n", headers={"Content-Type": "text/plain"})
    with serve(routes) as site:
        urls = [site.url(f"/p{i}.html") for i in range(3)]
        done = subprocess.run(
            [sys.executable, "-m", "mtcheck", "detect", "--format", "json", "--cache-dir", str(tmp_path), *urls],
            capture_output=True, text=True, timeout=60, env=python_env(), check=False,
        )  # fmt: skip
        arrivals = sorted(r.at for r in site.log if r.path.startswith("/p"))
    assert done.returncode == 0, done.stderr
    assert [row["path"] for row in json.loads(done.stdout)] == urls
    told = f"mtcheck: {site.base} asks for 0.3 s between requests (robots.txt Crawl-delay): fetching its pages"
    assert done.stderr.count(told) == 1, done.stderr
    assert len(arrivals) == 3 and all(b - a >= 0.3 for a, b in zip(arrivals, arrivals[1:], strict=False))


def test_a_page_with_no_text_is_one_line(tmp_path: Path) -> None:
    """trafilatura's own 'discarding data: URL' warning is not printed beside mtcheck's one-line error."""
    routes = {"/empty.html": Route(b"<html><body></body></html>"), "/robots.txt": Route(b"", status=404)}
    with serve(routes) as site:
        url = site.url("/empty.html")
        for command in (["detect"], ["report", "--engine", "none", "-o", str(tmp_path / "out")]):
            done = subprocess.run(
                [sys.executable, "-m", "mtcheck", *command, "--cache-dir", str(tmp_path), "--no-cache", url],
                capture_output=True, text=True, timeout=60, env=python_env(), check=False,
            )  # fmt: skip
            assert done.returncode == 2
            errors = [line for line in done.stderr.splitlines() if "0 checked" not in line]
            assert errors == [f"mtcheck: error: {url}: no readable text on this page"], done.stderr


def test_a_fragment_page_is_checked_without_extraction_noise(tmp_path: Path) -> None:
    """A page of bare paragraphs is checked; trafilatura's 'parsed tree length: 0' errors are not printed."""
    routes = {"/bare.html": Route(b"<p>The bridge has been closed for years.</p>"), "/robots.txt": Route(status=404)}
    with serve(routes) as site:
        url = site.url("/bare.html")
        done = subprocess.run(
            [sys.executable, "-m", "mtcheck", "detect", "--cache-dir", str(tmp_path), "--no-cache", url],
            capture_output=True, text=True, timeout=60, env=python_env(), check=False,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{url}: no sign of machine translation")
    assert done.stderr == ""
