"""robots.txt Crawl-delay: read for mtcheck's group (fractions too), capped, and honoured per site: the local
test server logs when each request arrives, and the spacing between them is checked from below only."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from mtcheck import config
from mtcheck.read.fetch import Fetcher
from mtcheck.read.robots import parse_robots
from tests.webserver import Route, Site, serve

HTML = {"Content-Type": "text/html; charset=utf-8"}
TEXT = {"Content-Type": "text/plain"}

# (robots.txt, the delay mtcheck keeps, what the file asks) with a cap of 10 s
DELAYS = [
    ("User-agent: *\nCrawl-delay: 2\n", 2.0, 2.0),
    ("User-agent: *\nCrawl-delay: 0.5\nDisallow: /private/\n", 0.5, 0.5),  # fractions count
    ("User-agent: *\nCrawl-delay: 30\n", 10.0, 30.0),  # capped
    ("User-agent: mtcheck\nCrawl-delay: 1\n\nUser-agent: *\nCrawl-delay: 5\n", 1.0, 1.0),  # our own group wins
    ("User-agent: otherbot\nCrawl-delay: 5\n", 0.0, 0.0),  # another crawler's
    ("User-agent: *\nCrawl-delay: soon # ask later\n", 0.0, 0.0),  # unreadable: none
    ("User-agent: *\nDisallow: /private/\n", 0.0, 0.0),
    ("", 0.0, 0.0),
]


@pytest.mark.parametrize(("text", "delay", "asked"), DELAYS)
def test_crawl_delay_is_read_for_mtcheck_and_capped(text: str, delay: float, asked: float) -> None:
    robots = parse_robots("https://example.com/robots.txt", text.encode(), max_delay=10.0)
    assert (robots.delay, robots.asked) == (delay, asked)


def test_the_rules_still_hold_beside_a_crawl_delay() -> None:
    robots = parse_robots(
        "https://example.com/robots.txt", b"User-agent: *\nCrawl-delay: 0.5\nDisallow: /private/\n", max_delay=10
    )
    assert robots.allows("https://example.com/news.html") and not robots.allows("https://example.com/private/a")


def test_the_default_cap_is_ten_seconds() -> None:
    assert config.MAX_CRAWL_DELAY == 10.0


def site_with_delay(delay: str, pages: int) -> dict[str, Route]:
    routes = {f"/p{i}.html": Route(f"<p>Page {i}.</p>".encode(), headers=HTML) for i in range(pages)}
    routes["/robots.txt"] = Route(f"User-agent: *\nCrawl-delay: {delay}\n".encode(), headers=TEXT)
    return routes


def page_arrivals(site: Site) -> list[float]:
    return sorted(r.at for r in site.log if r.path.startswith("/p"))


def test_requests_to_a_site_are_spaced_by_its_crawl_delay(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="mtcheck")
    with serve(site_with_delay("0.3", 4)) as site, Fetcher(cache_dir=tmp_path, per_host=4) as client:
        urls = [site.url(f"/p{i}.html") for i in range(4)]
        client.prefetch(urls)  # all at once: the delay, not the per-host limit, spaces them
        assert [client.fetch(url).content for url in urls] == [f"<p>Page {i}.</p>".encode() for i in range(4)]
        arrivals = page_arrivals(site)
    assert len(arrivals) == 4
    assert all(later - earlier >= 0.3 for earlier, later in zip(arrivals, arrivals[1:], strict=False))
    waits = [r.getMessage() for r in caplog.records if r.getMessage().startswith("waiting ")]
    assert len(waits) == 3 and all("robots.txt Crawl-delay of http://127.0.0.1:" in w for w in waits)
    told = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert told == [
        f"{site.base} asks for 0.3 s between requests (robots.txt Crawl-delay): fetching its pages one at a time"
    ]


def test_a_long_crawl_delay_is_capped_and_says_so(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="mtcheck")
    with serve(site_with_delay("60", 3)) as site, Fetcher(cache_dir=tmp_path, max_crawl_delay=0.25) as client:
        for i in range(3):
            client.fetch(site.url(f"/p{i}.html"))
        arrivals = page_arrivals(site)
    assert all(later - earlier >= 0.25 for earlier, later in zip(arrivals, arrivals[1:], strict=False))
    told = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(told) == 1 and "asks for 60 s between requests" in told[0] and "waits at most 0.25 s" in told[0]
    waited = [float(r.getMessage().split()[1]) for r in caplog.records if r.getMessage().startswith("waiting ")]
    assert len(waited) == 2 and all(0 < w <= 0.25 for w in waited)  # the capped delay, never the asked minute


def test_no_waiting_without_a_crawl_delay_or_when_robots_is_ignored(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="mtcheck")
    routes = site_with_delay("0.3", 3)
    with serve(routes) as site, Fetcher(cache_dir=tmp_path / "a", ignore_robots=True) as client:
        for i in range(3):
            client.fetch(site.url(f"/p{i}.html"))
    routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", headers=TEXT)
    with serve(routes) as site, Fetcher(cache_dir=tmp_path / "b") as client:
        for i in range(3):
            client.fetch(site.url(f"/p{i}.html"))
    assert not [r for r in caplog.records if "Crawl-delay" in r.getMessage()]


def test_cached_pages_are_not_held_up(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with serve(site_with_delay("0.3", 2)) as site:
        with Fetcher(cache_dir=tmp_path) as client:
            for i in range(2):
                client.fetch(site.url(f"/p{i}.html"))
        caplog.set_level(logging.INFO, logger="mtcheck")
        with Fetcher(cache_dir=tmp_path) as client:  # the next run: from the cache, no request, no wait
            assert all(client.fetch(site.url(f"/p{i}.html")).from_cache for i in range(2))
        assert site.count("/p0.html") == 1
    assert not [r for r in caplog.records if r.getMessage().startswith("waiting ")]
