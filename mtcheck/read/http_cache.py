"""A small on-disk HTTP cache of fetched pages, so that re-running a check does not fetch them again.

It follows what the server says (RFC 9111, as a private cache): `Cache-Control: no-store` is never kept,
`no-cache` is kept but revalidated before each use, `max-age` (less the `Age` header) or `Expires` (against
`Date`) say how long a response stays fresh; when the server says nothing, the cache's default applies.
A stale response with an `ETag` or `Last-Modified` is revalidated with `If-None-Match` / `If-Modified-Since`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path

log = logging.getLogger("mtcheck")

FOLDER = "http"
FORMAT_VERSION = 2
_DIRECTIVE = re.compile(r"\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*(?:=\s*(\"[^\"]*\"|[^,]*))?\s*(?:,|$)")


@dataclass(frozen=True)
class Freshness:
    """What a response's headers allow: whether to keep it, and for how many seconds it is fresh."""

    store: bool
    max_age: float | None  # None: the server said nothing, the cache's default applies; 0: revalidate each time


@dataclass(frozen=True)
class Stored:
    """A response as the cache keeps it."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content_type: str
    content: bytes
    fetched_at: float
    max_age: float | None = None  # seconds fresh after fetched_at, as the server said; None: the default
    etag: str = ""
    last_modified: str = ""

    def validators(self) -> dict[str, str]:
        """The headers of a conditional request that asks whether this response is still current."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


def cache_control(value: str) -> dict[str, str]:
    """Cache-Control directives, names lower-cased, values unquoted ("" for a bare directive)."""
    directives: dict[str, str] = {}
    for match in _DIRECTIVE.finditer(value or ""):
        if match.group(1):
            directives.setdefault(match.group(1).lower(), (match.group(2) or "").strip().strip('"'))
    return directives


def freshness(headers: Mapping[str, str], now: float) -> Freshness:
    """How long a response with these headers (names lower-cased) may be reused without asking the server."""
    directives = cache_control(headers.get("cache-control", ""))
    if "no-store" in directives:
        return Freshness(False, None)
    if "no-cache" in directives and not directives["no-cache"]:  # no-cache="field": only those fields
        return Freshness(True, 0.0)
    if "max-age" in directives:
        max_age = _seconds(directives["max-age"])
        if max_age is not None:
            return Freshness(True, max(0.0, max_age - (_seconds(headers.get("age", "")) or 0.0)))
    if "expires" in headers:
        expires = _date(headers["expires"])
        if expires is None:  # "0", "-1" or any other invalid date: already expired (RFC 9111 5.3)
            return Freshness(True, 0.0)
        return Freshness(True, max(0.0, expires - (_date(headers.get("date", "")) or now)))
    if not directives and "no-cache" in headers.get("pragma", "").lower():  # HTTP/1.0
        return Freshness(True, 0.0)
    return Freshness(True, None)


def _seconds(value: str) -> float | None:
    value = value.strip()
    return float(value) if value.isdigit() else None


def _date(value: str) -> float | None:
    try:
        return parsedate_to_datetime(value).timestamp() if value.strip() else None
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def http_cache_dir(cache_dir: Path | None) -> Path:
    """The cache folder: <cache_dir>/http, else the user cache directory's mtcheck/http."""
    if cache_dir is not None:
        return Path(cache_dir).expanduser() / FOLDER
    import platformdirs

    return Path(platformdirs.user_cache_dir("mtcheck")) / FOLDER


class HttpCache:
    """Responses by URL, fresh for as long as the server said, else `max_age` seconds. Cache trouble is
    logged and ignored, never fatal."""

    def __init__(self, folder: Path, *, max_age: float, clock: Callable[[], float] = time.time) -> None:
        self.folder = folder
        self.max_age = max_age  # the default, for responses whose server says nothing
        self.clock = clock

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:40]
        return self.folder / f"{key}.json", self.folder / f"{key}.body"

    def get(self, url: str) -> Stored | None:
        """The stored response for url when it is still fresh."""
        stored = self.lookup(url)
        return stored if stored is not None and self.is_fresh(stored) else None

    def is_fresh(self, stored: Stored) -> bool:
        """Whether a stored response may be used without asking the server."""
        max_age = self.max_age if stored.max_age is None else stored.max_age
        return self.clock() - stored.fetched_at < max_age

    def lookup(self, url: str) -> Stored | None:
        """The stored response for url, fresh or stale (a stale one may be revalidated)."""
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta.get("version") != FORMAT_VERSION or meta.get("url") != url:
                return None
            content = body_path.read_bytes()
            if hashlib.sha256(content).hexdigest() != meta.get("sha256"):
                return None  # a torn or tampered body: fetch again
            max_age = meta.get("max_age")
            return Stored(
                url,
                meta["final_url"],
                int(meta["status"]),
                meta["content_type"],
                content,
                float(meta["fetched_at"]),
                None if max_age is None else float(max_age),
                str(meta.get("etag", "")),
                str(meta.get("last_modified", "")),
            )
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.debug("http cache: cannot read the entry for %s: %s", url, exc)
            return None

    def put(self, stored: Stored) -> None:
        """Store a response (atomically: a reader never sees half an entry)."""
        meta_path, body_path = self._paths(stored.url)
        meta = {
            "version": FORMAT_VERSION,
            "url": stored.url,
            "final_url": stored.final_url,
            "status": stored.status,
            "content_type": stored.content_type,
            "fetched_at": stored.fetched_at,
            "max_age": stored.max_age,
            "etag": stored.etag,
            "last_modified": stored.last_modified,
            "sha256": hashlib.sha256(stored.content).hexdigest(),
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _write_atomic(body_path, stored.content)
            _write_atomic(meta_path, json.dumps(meta).encode("utf-8"))
        except OSError as exc:
            log.warning("http cache: cannot store %s (%s); it will be fetched again next time", stored.url, exc)


def _write_atomic(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
