"""`mtcheck detect URL`: detection of web pages, no models; robots.txt and the cache as for `report`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mtcheck.cli import app
from tests.webserver import news_site, serve


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
