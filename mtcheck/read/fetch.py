"""Fetching web pages politely: a clear user agent, robots.txt (its rules and its Crawl-delay), timeouts, a size
cap, bounded redirects, a per-host limit on concurrent requests and an on-disk HTTP cache that follows the
server's caching headers. httpx is imported only when a URL is read."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from mtcheck import config
from mtcheck.errors import InputError
from mtcheck.read.http_cache import HttpCache, Stored, freshness, http_cache_dir
from mtcheck.read.inputs import is_url, one_line
from mtcheck.read.robots import Pacer, Robots, parse_robots
from mtcheck.version import __version__

log = logging.getLogger("mtcheck")

USER_AGENT = f"mtcheck/{__version__} (machine-translation checker; reads one article and its original)"
_REDIRECTS = (301, 302, 303, 307, 308)
_TEXT_TYPES = re.compile(r"^(?:text/|application/(?:xhtml\+xml|xml)$)", re.IGNORECASE)
_CHUNK = 65536


@dataclass(frozen=True)
class _Response:
    status: int
    reason: str
    headers: dict[str, str]  # names lower-cased
    content: bytes


@dataclass(frozen=True)
class Page:
    """A fetched page: its bytes, the Content-Type header and where the redirects ended."""

    url: str
    final_url: str
    content_type: str
    content: bytes
    from_cache: bool = False  # the body came from the cache (without a request, or after a 304 Not Modified)
    revalidated: bool = False  # a stale cached body the server said was still current (304)


class Fetcher:
    """Fetches pages for one run. Thread-safe; `prefetch` fetches many URLs at once, a few per host."""

    def __init__(
        self,
        *,
        cache_dir: Path | None = None,
        use_cache: bool = True,
        ignore_robots: bool = False,
        timeout: float = config.FETCH_TIMEOUT,
        max_bytes: int = config.MAX_DOCUMENT_BYTES,
        max_redirects: int = config.MAX_REDIRECTS,
        per_host: int = config.FETCH_PER_HOST,
        workers: int = config.FETCH_WORKERS,
        cache_seconds: float = config.HTTP_CACHE_SECONDS,
        clock: Callable[[], float] = time.time,
        max_crawl_delay: float = config.MAX_CRAWL_DELAY,
    ) -> None:
        self.cache = HttpCache(http_cache_dir(cache_dir), max_age=cache_seconds, clock=clock)
        self.clock = clock
        self.use_cache = use_cache  # False: fetch again (and store what came back)
        self.ignore_robots = ignore_robots
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.per_host = per_host
        self.workers = workers
        self.max_crawl_delay = max_crawl_delay
        self.pacer = Pacer()  # a site's robots.txt Crawl-delay between its requests
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.Semaphore] = {}
        self._robots: dict[str, Robots | str] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._pending: dict[str, Future[Page]] = {}
        self._pool: ThreadPoolExecutor | None = None
        self._client: Any = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop prefetching and close the connections."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self._client is not None:
            self._client.close()
            self._client = None

    def prefetch(self, urls: Iterable[str]) -> None:
        """Start fetching these URLs in the background; `fetch` then waits for each one's result."""
        with self._lock:
            for url in urls:
                if url in self._pending:
                    continue
                if self._pool is None:
                    self._pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="mtcheck-fetch")
                self._pending[url] = self._pool.submit(self._fetch, url)

    def fetch(self, url: str) -> Page:
        """The page at url (from the cache when fresh); InputError with a one-line reason when it cannot be had."""
        with self._lock:
            pending = self._pending.pop(url, None)
        return pending.result() if pending is not None else self._fetch(url)

    def _fetch(self, url: str) -> Page:
        url = url.strip()
        if self.use_cache:
            stored = self.cache.get(url)
            if stored is not None:
                log.debug("http cache: %s", url)
                return Page(url, stored.final_url, stored.content_type, stored.content, from_cache=True)
        current, seen = url, {url}
        for _ in range(self.max_redirects + 1):
            robots = self._check_robots(url, current)
            stale = self._revalidatable(current)
            with self.pacer.paced(_origin(current), robots, current):
                response = self._request(url, current, stale.validators() if stale else None)
            if response.status == 304 and stale is not None:
                return self._not_modified(url, stale, response.headers)
            if response.status in _REDIRECTS and response.headers.get("location"):
                target = urljoin(current, response.headers["location"])
                if target in seen:
                    raise InputError(f"{_label(url)}: redirect loop at {_label(target)}")
                if not is_url(target):
                    raise InputError(f"{_label(url)}: redirected to {_label(target)}, not a web page")
                seen.add(target)
                current = target
                continue
            page = self._page(url, current, response)
            self._store(url, Stored(current, current, 200, page.content_type, page.content, 0.0), response.headers)
            return page
        raise InputError(f"{_label(url)}: more than {self.max_redirects} redirects")

    def _revalidatable(self, target: str) -> Stored | None:
        """The stale cached page at target that the server can be asked about (it has an ETag or a date)."""
        if not self.use_cache:
            return None  # --no-cache: an unconditional request
        stored = self.cache.lookup(target)
        if stored is None or stored.final_url != target or stored.status != 200 or not stored.validators():
            return None
        return stored

    def _not_modified(self, url: str, stale: Stored, headers: Mapping[str, str]) -> Page:
        """A 304 answer: the cached body again, its time and (when the 304 says) its lifetime renewed."""
        log.debug("http cache: %s not modified", stale.final_url)
        self._store(url, stale, headers)
        return Page(url, stale.final_url, stale.content_type, stale.content, from_cache=True, revalidated=True)

    def _store(self, url: str, stored: Stored, headers: Mapping[str, str]) -> None:
        """Keep a response under the URL asked and where its redirects ended, as long as its headers allow.

        On a 304, headers the answer leaves out keep their stored values (RFC 9111 4.3.4)."""
        now = self.clock()
        said = any(name in headers for name in ("cache-control", "expires", "pragma"))
        fresh = freshness(headers, now)
        if not fresh.store:
            return
        stored = replace(
            stored,
            fetched_at=now,
            max_age=fresh.max_age if said else stored.max_age,
            etag=headers.get("etag", stored.etag),
            last_modified=headers.get("last-modified", stored.last_modified),
        )
        for key in dict.fromkeys((url, stored.final_url)):  # a later link to where the redirects ended too
            self.cache.put(replace(stored, url=key))

    def _page(self, url: str, current: str, response: _Response) -> Page:
        status = response.status
        if status != 200:
            reason = response.reason
            raise InputError(f"{_label(url)}: HTTP {status} {reason}".rstrip())
        content_type = response.headers.get("content-type", "")
        mime = content_type.split(";")[0].strip()
        if mime and not _TEXT_TYPES.match(mime):
            raise InputError(f"{_label(url)}: not a web page or text ({one_line(mime)[:60]})")
        return Page(url, current, content_type, response.content)

    def _get_client(self) -> Any:
        with self._lock:
            if self._client is None:
                import httpx

                self._client = httpx.Client(
                    headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8"},
                    timeout=httpx.Timeout(self.timeout),
                    follow_redirects=False,
                    limits=httpx.Limits(max_connections=self.workers),
                )
            return self._client

    def _host_slot(self, target: str) -> threading.Semaphore:
        host = (urlsplit(target).hostname or "").lower()
        with self._lock:
            return self._hosts.setdefault(host, threading.Semaphore(self.per_host))

    def _request(self, url: str, target: str, headers: dict[str, str] | None = None) -> _Response:
        """One GET without following redirects, the body read up to the size cap and the deadline."""
        import httpx

        client = self._get_client()
        deadline = time.monotonic() + self.timeout
        too_large = f"{_label(url)}: larger than the {self.max_bytes / 2**20:g} MB limit"
        with self._host_slot(target):
            try:
                with client.stream("GET", target, headers=headers) as response:
                    length = response.headers.get("content-length", "")
                    if length.isdigit() and int(length) > self.max_bytes:
                        raise InputError(too_large)
                    body = bytearray()
                    if response.status_code == 200:
                        for chunk in response.iter_bytes(_CHUNK):  # decompressed: a gzip bomb stops at the cap
                            body.extend(chunk)
                            if len(body) > self.max_bytes:
                                raise InputError(too_large)
                            if time.monotonic() > deadline:
                                raise httpx.ReadTimeout("deadline passed")
                    headers = {k.lower(): v for k, v in response.headers.items()}
                    return _Response(response.status_code, response.reason_phrase or "", headers, bytes(body))
            except httpx.TimeoutException:
                raise InputError(f"{_label(url)}: no answer within {self.timeout:g} s (timed out)") from None
            except httpx.ConnectError as exc:
                raise InputError(f"{_label(url)}: cannot connect ({_reason(exc)})") from None
            except httpx.InvalidURL as exc:
                raise InputError(f"{_label(url)}: not a valid URL ({_reason(exc)})") from None
            except httpx.HTTPError as exc:
                raise InputError(f"{_label(url)}: fetch failed ({_reason(exc)})") from None

    def _check_robots(self, url: str, target: str) -> Robots | None:
        """The site's robots.txt (None with --ignore-robots); InputError when it disallows target."""
        if self.ignore_robots:
            return None
        origin = _origin(target)
        with self._lock:
            origin_lock = self._robots_locks.setdefault(origin, threading.Lock())
        with origin_lock:  # one robots.txt request per site, however many pages wait for it
            rules = self._robots.get(origin)
            if rules is None:
                rules = self._robots[origin] = self._load_robots(url, origin)
        if isinstance(rules, str):
            raise InputError(f"{_label(url)}: {rules}")
        if not rules.allows(target):
            raise InputError(f"{_label(url)}: robots.txt of {origin} disallows it", setting="ignore_robots")
        return rules

    def _load_robots(self, url: str, origin: str) -> Robots | str:
        """The site's robots rules, or a reason string when the site forbids everything (RFC 9309)."""
        robots_url = origin + "/robots.txt"
        stored = self.cache.get(robots_url) if self.use_cache else None
        if stored is None:
            try:
                response = self._request(url, robots_url)
            except InputError as exc:
                if "limit" in str(exc):
                    return "robots.txt is too large to read"
                raise
            status, text = response.status, response.content
            if status >= 500:
                return f"robots.txt of {origin} answered HTTP {status}; not fetching (RFC 9309)"
            if status != 200:
                text = b""  # no robots.txt (or one elsewhere): everything is allowed
            stored = Stored(robots_url, robots_url, status, "text/plain", text, self.clock())
            fresh = freshness(response.headers, stored.fetched_at)
            if fresh.store:  # as the server says, but never past the default (RFC 9309: at most 24 hours)
                max_age = None if fresh.max_age is None else min(fresh.max_age, self.cache.max_age)
                self.cache.put(replace(stored, max_age=max_age))
        return parse_robots(robots_url, stored.content, max_delay=self.max_crawl_delay)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _label(url: str) -> str:
    return one_line(url)[:300]


def _reason(exc: BaseException) -> str:
    text = one_line(str(exc)) or type(exc).__name__
    match = re.search(r"\[Errno -?\d+\] ([^\]]+)", text)
    return (match.group(1) if match else text)[:160]


def fetcher_for(settings: config.Settings) -> Fetcher:
    """A Fetcher configured from a run's settings."""
    return Fetcher(
        cache_dir=settings.cache_dir,
        use_cache=settings.cache,
        ignore_robots=settings.ignore_robots,
        timeout=settings.fetch_timeout,
    )
