"""The HTTP cache follows the server: Cache-Control (max-age, no-store, no-cache), Expires, and revalidation
with ETag / Last-Modified; the 24 h default holds where the server says nothing. A fake clock moves time on;
the local test server counts the requests and answers conditional ones with 304."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

import pytest

from mtcheck.read.fetch import Fetcher
from mtcheck.read.http_cache import Freshness, freshness
from tests.webserver import Route, Site, serve

HTML = {"Content-Type": "text/html; charset=utf-8"}
NOW = 1_800_000_000.0


class Clock:
    """A clock the test moves on by hand."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def http_date(at: float) -> str:
    return format_datetime(datetime.fromtimestamp(at, UTC), usegmt=True)


# (response headers, names lower-cased) -> what the cache may do with the response
FRESHNESS = [
    ({}, Freshness(True, None)),  # the server says nothing: the cache's default
    ({"cache-control": "max-age=60"}, Freshness(True, 60.0)),
    ({"cache-control": "public, MAX-AGE=60", "age": "20"}, Freshness(True, 40.0)),  # already 20 s old
    ({"cache-control": "max-age=60", "age": "90"}, Freshness(True, 0.0)),
    ({"cache-control": "no-store"}, Freshness(False, None)),
    ({"cache-control": "private, no-store, max-age=60"}, Freshness(False, None)),
    ({"cache-control": "no-cache"}, Freshness(True, 0.0)),  # keep, but ask the server before each use
    ({"cache-control": 'no-cache="Set-Cookie", max-age=30'}, Freshness(True, 30.0)),  # only a field
    ({"cache-control": "max-age=soon"}, Freshness(True, None)),  # unreadable: as if unsaid
    ({"expires": http_date(NOW + 120), "date": http_date(NOW)}, Freshness(True, 120.0)),
    ({"expires": http_date(NOW - 5), "date": http_date(NOW)}, Freshness(True, 0.0)),
    ({"expires": "0"}, Freshness(True, 0.0)),  # an invalid date means already expired
    ({"expires": http_date(NOW + 3600), "date": http_date(NOW), "cache-control": "max-age=10"}, Freshness(True, 10.0)),
    ({"pragma": "no-cache"}, Freshness(True, 0.0)),
]


@pytest.mark.parametrize(("headers", "expected"), FRESHNESS)
def test_freshness_follows_the_headers(headers: dict[str, str], expected: Freshness) -> None:
    assert freshness(headers, NOW) == expected


def test_expires_without_a_date_counts_from_now() -> None:
    assert freshness({"expires": http_date(NOW + 300)}, NOW) == Freshness(True, 300.0)


def fetcher(tmp_path: Path, clock: Clock, **options: object) -> Fetcher:
    return Fetcher(cache_dir=tmp_path / "cache", clock=clock, ignore_robots=True, **options)  # type: ignore[arg-type]


def statuses(site: Site, path: str) -> list[int]:
    return [r.status for r in site.requests_to(path)]


def test_max_age_is_honoured(tmp_path: Path) -> None:
    clock = Clock()
    routes = {"/a.html": Route(b"<p>News.</p>", headers={**HTML, "Cache-Control": "max-age=60"})}
    with serve(routes) as site, fetcher(tmp_path, clock) as client:
        client.fetch(site.url("/a.html"))
        clock.advance(59)
        assert client.fetch(site.url("/a.html")).from_cache and site.count("/a.html") == 1
        clock.advance(2)  # 61 s: stale, and nothing to revalidate with, so fetched again
        assert not client.fetch(site.url("/a.html")).from_cache
        assert statuses(site, "/a.html") == [200, 200]
        assert "if-none-match" not in site.requests_to("/a.html")[1].headers


def test_expires_is_honoured(tmp_path: Path) -> None:
    clock = Clock()
    expires = http_date(time.time() + 120)  # against the server's own Date header
    routes = {"/a.html": Route(b"<p>News.</p>", headers={**HTML, "Expires": expires})}
    with serve(routes) as site, fetcher(tmp_path, clock) as client:
        client.fetch(site.url("/a.html"))
        clock.advance(100)
        assert client.fetch(site.url("/a.html")).from_cache and site.count("/a.html") == 1
        clock.advance(30)
        assert not client.fetch(site.url("/a.html")).from_cache and site.count("/a.html") == 2


def test_the_default_of_24_hours_holds_where_the_server_says_nothing(tmp_path: Path) -> None:
    clock = Clock()
    with serve({"/a.html": Route(b"<p>News.</p>", headers=HTML)}) as site, fetcher(tmp_path, clock) as client:
        client.fetch(site.url("/a.html"))
        clock.advance(23 * 3600)
        assert client.fetch(site.url("/a.html")).from_cache and site.count("/a.html") == 1
        clock.advance(2 * 3600)
        assert not client.fetch(site.url("/a.html")).from_cache and site.count("/a.html") == 2


def test_no_store_is_never_written(tmp_path: Path) -> None:
    clock = Clock()
    routes = {"/a.html": Route(b"<p>News.</p>", headers={**HTML, "Cache-Control": "no-store"})}
    with serve(routes) as site, fetcher(tmp_path, clock) as client:
        client.fetch(site.url("/a.html"))
        assert client.cache.lookup(site.url("/a.html")) is None
        assert not client.fetch(site.url("/a.html")).from_cache and site.count("/a.html") == 2


def test_no_cache_is_revalidated_before_each_use_with_the_etag(tmp_path: Path) -> None:
    clock = Clock()
    headers = {**HTML, "Cache-Control": "no-cache", "ETag": '"v1"'}
    routes = {"/a.html": Route(b"<p>First.</p>", headers=headers)}
    with serve(routes) as site, fetcher(tmp_path, clock) as client:
        first = client.fetch(site.url("/a.html"))
        again = client.fetch(site.url("/a.html"))  # no time passed, yet the server is asked
        assert again.revalidated and again.from_cache and again.content == first.content == b"<p>First.</p>"
        assert statuses(site, "/a.html") == [200, 304]
        assert site.requests_to("/a.html")[1].headers["if-none-match"] == '"v1"'

        site.routes["/a.html"] = Route(b"<p>Corrected.</p>", headers={**headers, "ETag": '"v2"'})
        changed = client.fetch(site.url("/a.html"))  # "v1" no longer matches: the new page, and it is kept
        assert changed.content == b"<p>Corrected.</p>" and not changed.from_cache
        assert client.fetch(site.url("/a.html")).content == b"<p>Corrected.</p>"
        assert statuses(site, "/a.html") == [200, 304, 200, 304]
        assert site.requests_to("/a.html")[3].headers["if-none-match"] == '"v2"'


def test_a_stale_page_is_revalidated_with_its_last_modified_date(tmp_path: Path) -> None:
    clock = Clock()
    modified = http_date(time.time() - 86400)
    routes = {
        "/a.html": Route(b"<p>News.</p>", headers={**HTML, "Last-Modified": modified, "Cache-Control": "max-age=60"})
    }
    with serve(routes) as site, fetcher(tmp_path, clock) as client:
        client.fetch(site.url("/a.html"))
        clock.advance(61)
        page = client.fetch(site.url("/a.html"))
        assert page.revalidated and page.content == b"<p>News.</p>"
        assert site.requests_to("/a.html")[1].headers["if-modified-since"] == modified
        assert statuses(site, "/a.html") == [200, 304]


def test_a_304_renews_the_cached_time(tmp_path: Path) -> None:
    clock = Clock()
    routes = {"/a.html": Route(b"<p>News.</p>", headers={**HTML, "ETag": '"x"', "Cache-Control": "max-age=60"})}
    with serve(routes) as site, fetcher(tmp_path, clock) as client:
        client.fetch(site.url("/a.html"))
        clock.advance(61)
        assert client.fetch(site.url("/a.html")).revalidated  # stale: asked, 304
        clock.advance(50)  # 111 s after the first fetch, 50 s after the 304: fresh again
        assert client.fetch(site.url("/a.html")).from_cache and site.count("/a.html") == 2
        clock.advance(11)
        assert client.fetch(site.url("/a.html")).revalidated and statuses(site, "/a.html") == [200, 304, 304]


def test_a_304_that_says_how_long_updates_the_lifetime(tmp_path: Path) -> None:
    clock = Clock()
    route = Route(
        b"<p>News.</p>",
        headers={**HTML, "ETag": '"x"', "Cache-Control": "no-cache"},
        not_modified={"ETag": '"x"', "Cache-Control": "max-age=3600"},
    )
    with serve({"/a.html": route}) as site, fetcher(tmp_path, clock) as client:
        client.fetch(site.url("/a.html"))
        assert client.fetch(site.url("/a.html")).revalidated
        clock.advance(1800)
        assert client.fetch(site.url("/a.html")).content == b"<p>News.</p>" and site.count("/a.html") == 2


def test_a_redirected_page_is_revalidated_where_the_redirect_ends(tmp_path: Path) -> None:
    clock = Clock()
    routes = {
        "/moved": Route(status=301, headers={"Location": "/a.html"}),
        "/a.html": Route(b"<p>News.</p>", headers={**HTML, "ETag": '"x"', "Cache-Control": "no-cache"}),
    }
    with serve(routes) as site, fetcher(tmp_path, clock) as client:
        client.fetch(site.url("/moved"))
        page = client.fetch(site.url("/moved"))
        assert page.revalidated and page.final_url == site.url("/a.html")
        assert all("if-none-match" not in r.headers for r in site.requests_to("/moved"))
        assert statuses(site, "/a.html") == [200, 304]


def test_no_cache_flag_fetches_without_asking_and_keeps_the_fresh_copy(tmp_path: Path) -> None:
    clock = Clock()
    routes = {"/a.html": Route(b"<p>News.</p>", headers={**HTML, "ETag": '"x"', "Cache-Control": "max-age=60"})}
    with serve(routes) as site:
        with fetcher(tmp_path, clock) as client:
            client.fetch(site.url("/a.html"))
        with fetcher(tmp_path, clock, use_cache=False) as client:  # --no-cache
            assert not client.fetch(site.url("/a.html")).from_cache
        assert statuses(site, "/a.html") == [200, 200]
        assert "if-none-match" not in site.requests_to("/a.html")[1].headers
        clock.advance(30)
        with fetcher(tmp_path, clock) as client:
            assert client.fetch(site.url("/a.html")).from_cache and site.count("/a.html") == 2


@pytest.mark.parametrize(
    ("cache_control", "later", "fetched_again"),
    [
        ("max-age=60", 61, True),
        ("max-age=60", 59, False),
        ("max-age=864000", 25 * 3600, True),  # ten days asked, but robots.txt is reread after 24 h (RFC 9309)
        (None, 23 * 3600, False),
    ],
)
def test_robots_txt_is_cached_as_its_server_says_for_at_most_a_day(
    tmp_path: Path, cache_control: str | None, later: float, fetched_again: bool
) -> None:
    clock = Clock()
    headers = {"Content-Type": "text/plain", **({"Cache-Control": cache_control} if cache_control else {})}
    routes = {"/robots.txt": Route(b"User-agent: *\nDisallow: /private/\n", headers=headers)}
    routes["/a.html"] = Route(b"<p>News.</p>", headers={**HTML, "Cache-Control": "no-store"})
    with serve(routes) as site:
        for _ in range(2):  # two runs
            with Fetcher(cache_dir=tmp_path / "cache", clock=clock) as client:
                client.fetch(site.url("/a.html"))
            clock.advance(later)
        assert site.count("/robots.txt") == (2 if fetched_again else 1)
