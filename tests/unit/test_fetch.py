"""The HTTP client against a local server: user agent, redirects, timeouts, size cap, robots.txt, cache."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from mtcheck.errors import InputError
from mtcheck.read.fetch import USER_AGENT, Fetcher, is_url
from mtcheck.read.inputs import url_name
from mtcheck.version import __version__
from tests.webserver import Route, closed_port_url, news_site, serve

HTML = {"Content-Type": "text/html; charset=utf-8"}


def fetcher(tmp_path: Path, **options: object) -> Fetcher:
    return Fetcher(cache_dir=tmp_path / "cache", **options)  # type: ignore[arg-type]


def test_fetches_with_a_clear_user_agent_and_reads_robots_once(tmp_path: Path) -> None:
    with serve(news_site()) as site, fetcher(tmp_path) as client:
        page = client.fetch(site.url("/article.html"))
        client.fetch(site.url("/es/articulo.html"))
    assert b"read the original article here" in page.content
    assert page.final_url == site.url("/article.html") and not page.from_cache
    assert site.user_agents == {USER_AGENT} and USER_AGENT.startswith(f"mtcheck/{__version__} (")
    assert site.count("/robots.txt") == 1


# (path, what the one-line error says)
FAILURES = [
    ("/loop-a", "redirect loop at"),
    ("/hop0", "more than 5 redirects"),
    ("/gone.html", "HTTP 404 Not Found"),
    ("/image.png", "not a web page or text (image/png)"),
    ("/private/article.html", "robots.txt of http://127.0.0.1:"),
]


@pytest.mark.parametrize(("path", "message"), FAILURES)
def test_failures_are_one_line_input_errors(tmp_path: Path, path: str, message: str) -> None:
    with serve(news_site()) as site, fetcher(tmp_path) as client, pytest.raises(InputError) as caught:
        client.fetch(site.url(path))
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert str(caught.value).startswith(site.url(path) + ": ")


def test_redirects_are_followed_a_bounded_number_of_times(tmp_path: Path) -> None:
    with serve(news_site()) as site, fetcher(tmp_path, max_redirects=10) as client:
        assert client.fetch(site.url("/moved")).final_url == site.url("/article.html")
        assert client.fetch(site.url("/hop0")).final_url == site.url("/hop10")  # ten hops: allowed here
    assert site.count("/hop9") == 1


def test_a_slow_server_times_out(tmp_path: Path) -> None:
    with serve(news_site()) as site, fetcher(tmp_path, timeout=0.5) as client:
        started = time.monotonic()
        with pytest.raises(InputError, match=r"no answer within 0.5 s \(timed out\)"):
            client.fetch(site.url("/slow.html"))
        assert time.monotonic() - started < 2.5


@pytest.mark.parametrize("length", [True, False], ids=["content-length", "until-close"])
def test_a_huge_page_is_refused_at_the_size_cap(tmp_path: Path, length: bool) -> None:
    huge = b"<html><body><p>" + b"All work and no play. " * 100_000 + b"</p></body></html>"  # 2.2 MB
    routes = {"/huge.html": Route(huge, headers=HTML, length=length)}
    with serve(routes) as site, fetcher(tmp_path, max_bytes=1_000_000) as client, pytest.raises(InputError) as caught:
        client.fetch(site.url("/huge.html"))
    assert str(caught.value).endswith("/huge.html: larger than the 0.953674 MB limit")


def test_unreachable_host_is_one_line(tmp_path: Path) -> None:
    with fetcher(tmp_path, timeout=2) as client, pytest.raises(InputError, match=r": cannot connect \("):
        client.fetch(closed_port_url())


def test_robots_txt_can_be_ignored(tmp_path: Path) -> None:
    with serve(news_site()) as site, fetcher(tmp_path, ignore_robots=True) as client:
        client.fetch(site.url("/private/article.html"))
    assert site.count("/robots.txt") == 0


@pytest.mark.parametrize(
    ("robots", "allowed"),
    [
        (Route(b"", status=404), True),  # no robots.txt: everything allowed
        (Route(b"User-agent: mtcheck\nDisallow: /\n", headers={"Content-Type": "text/plain"}), False),
        (Route(b"User-agent: otherbot\nDisallow: /\n", headers={"Content-Type": "text/plain"}), True),
        (Route(b"oops", status=503), False),  # unavailable: assume complete disallow (RFC 9309)
    ],
)
def test_robots_txt_rules(tmp_path: Path, robots: Route, allowed: bool) -> None:
    routes = {"/robots.txt": robots, "/a.html": Route(b"<p>Hello there.</p>", headers=HTML)}
    with serve(routes) as site, fetcher(tmp_path) as client:
        if allowed:
            assert client.fetch(site.url("/a.html")).content
        else:
            with pytest.raises(InputError, match="robots.txt"):
                client.fetch(site.url("/a.html"))
            assert site.count("/a.html") == 0


def test_cache_serves_a_second_fetch_without_any_request(tmp_path: Path) -> None:
    with serve(news_site()) as site:
        with fetcher(tmp_path) as client:
            client.fetch(site.url("/article.html"))
        before = site.total()
        with fetcher(tmp_path) as client:  # a new run
            again = client.fetch(site.url("/article.html"))
        assert again.from_cache and site.total() == before
        with fetcher(tmp_path, use_cache=False) as client:  # --no-cache: fetched again, robots.txt too
            assert not client.fetch(site.url("/article.html")).from_cache
        assert site.count("/article.html") == 2 and site.count("/robots.txt") == 2
        with fetcher(tmp_path, cache_seconds=0) as client:  # stale entries are fetched again
            assert not client.fetch(site.url("/article.html")).from_cache


def test_no_store_pages_are_not_cached(tmp_path: Path) -> None:
    routes = {"/a.html": Route(b"<p>Fresh news.</p>", headers={**HTML, "Cache-Control": "no-store"})}
    with serve(routes) as site:
        for _ in range(2):
            with fetcher(tmp_path) as client:
                assert not client.fetch(site.url("/a.html")).from_cache
        assert site.count("/a.html") == 2


def test_many_urls_are_fetched_a_few_at_a_time_per_host(tmp_path: Path) -> None:
    routes = {f"/p{i}.html": Route(f"<p>Page {i}.</p>".encode(), headers=HTML, delay=0.3) for i in range(6)}
    with serve(routes) as site, fetcher(tmp_path, per_host=2) as client:
        urls = [site.url(f"/p{i}.html") for i in range(6)]
        started = time.monotonic()
        client.prefetch(urls)
        pages = [client.fetch(url) for url in urls]
        elapsed = time.monotonic() - started
    assert [p.content for p in pages] == [f"<p>Page {i}.</p>".encode() for i in range(6)]
    assert site.most_active == 2  # concurrent, but never more than two at once on one host
    assert 0.8 < elapsed < 1.7  # three rounds of two, not six one after the other


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://example.com/news/2026/bridge.html", "example.com_news_2026_bridge"),
        ("http://127.0.0.1:8000/article.html", "127.0.0.1_article"),
        ("https://example.com/", "example.com"),
        ("https://example.com/a/../../etc/passwd", "example.com_a_.._.._etc_passwd"),
        ("https://例え.jp/記事?id=7&x=<script>", "xn--r8jz45g.jp__id_7_x_script"),
    ],
)
def test_report_names_from_urls_are_safe(url: str, name: str) -> None:
    got = url_name(url)
    assert set(got) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
    assert "/" not in got and not got.startswith(".")
    assert got == name


def test_long_urls_get_distinct_short_names() -> None:
    a, b = (url_name("https://example.com/" + "x" * 300 + tail) for tail in ("a", "b"))
    assert a != b and len(a) <= 90


@pytest.mark.parametrize(
    ("text", "expected"), [("http://a.b/c", True), ("HTTPS://a.b", True), ("ftp://a.b", False), ("a.html", False)]
)
def test_is_url(text: str, expected: bool) -> None:
    assert is_url(text) is expected
