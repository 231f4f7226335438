"""Fetching web pages politely: a clear user agent, robots.txt, timeouts, a size cap, bounded redirects,
a per-host limit on concurrent requests and an on-disk cache. httpx is imported only when a URL is read."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from mtcheck import config
from mtcheck.errors import InputError
from mtcheck.read.http_cache import HttpCache, Stored, http_cache_dir
from mtcheck.read.inputs import one_line
from mtcheck.version import __version__

log = logging.getLogger("mtcheck")

USER_AGENT = f"mtcheck/{__version__} (machine-translation checker; reads one article and its original)"
ROBOTS_AGENT = "mtcheck"  # the token robots.txt groups name
_URL = re.compile(r"https?://", re.IGNORECASE)
_REDIRECTS = (301, 302, 303, 307, 308)
_TEXT_TYPES = re.compile(r"^(?:text/|application/(?:xhtml\+xml|xml)$)", re.IGNORECASE)
_CHUNK = 65536


def is_url(text: str) -> bool:
    """Whether an input names a web page (http or https) rather than a file."""
    return bool(_URL.match(text.strip()))


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
    from_cache: bool = False


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
    ) -> None:
        self.cache = HttpCache(http_cache_dir(cache_dir), max_age=cache_seconds)
        self.use_cache = use_cache  # False: fetch again (and store what came back)
        self.ignore_robots = ignore_robots
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.per_host = per_host
        self.workers = workers
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.Semaphore] = {}
        self._robots: dict[str, Any] = {}
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
            self._check_robots(url, current)
            response = self._request(url, current)
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
            if "no-store" not in response.headers.get("cache-control", "").lower():
                for key in dict.fromkeys((url, current)):  # a later link to where the redirects ended is cached too
                    self.cache.put(Stored(key, current, 200, page.content_type, page.content, time.time()))
            return page
        raise InputError(f"{_label(url)}: more than {self.max_redirects} redirects")

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

    def _request(self, url: str, target: str) -> _Response:
        """One GET without following redirects, the body read up to the size cap and the deadline."""
        import httpx

        client = self._get_client()
        deadline = time.monotonic() + self.timeout
        too_large = f"{_label(url)}: larger than the {self.max_bytes / 2**20:g} MB limit"
        with self._host_slot(target):
            try:
                with client.stream("GET", target) as response:
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

    def _check_robots(self, url: str, target: str) -> None:
        if self.ignore_robots:
            return
        parts = urlsplit(target)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        with self._lock:
            origin_lock = self._robots_locks.setdefault(origin, threading.Lock())
        with origin_lock:  # one robots.txt request per site, however many pages wait for it
            rules = self._robots.get(origin)
            if rules is None:
                rules = self._robots[origin] = self._load_robots(url, origin)
        if isinstance(rules, str):
            raise InputError(f"{_label(url)}: {rules}")
        if not rules.can_fetch(ROBOTS_AGENT, target):
            raise InputError(f"{_label(url)}: robots.txt of {origin} disallows it", setting="ignore_robots")

    def _load_robots(self, url: str, origin: str) -> Any:
        """The site's robots rules, or a reason string when the site forbids everything (RFC 9309)."""
        from urllib.robotparser import RobotFileParser

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
            stored = Stored(robots_url, robots_url, status, "text/plain", text, time.time())
            self.cache.put(stored)
        parser = RobotFileParser(robots_url)
        parser.parse(stored.content.decode("utf-8", errors="replace").splitlines())
        return parser


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
