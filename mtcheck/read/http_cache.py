"""A small on-disk cache of fetched pages, so that re-running a check does not fetch them again."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("mtcheck")

FOLDER = "http"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Stored:
    """A response as the cache keeps it."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content_type: str
    content: bytes
    fetched_at: float


def http_cache_dir(cache_dir: Path | None) -> Path:
    """The cache folder: <cache_dir>/http, else the user cache directory's mtcheck/http."""
    if cache_dir is not None:
        return Path(cache_dir).expanduser() / FOLDER
    import platformdirs

    return Path(platformdirs.user_cache_dir("mtcheck")) / FOLDER


class HttpCache:
    """Responses by URL, fresh for `max_age` seconds. Cache trouble is logged and ignored, never fatal."""

    def __init__(self, folder: Path, *, max_age: float) -> None:
        self.folder = folder
        self.max_age = max_age

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:40]
        return self.folder / f"{key}.json", self.folder / f"{key}.body"

    def get(self, url: str) -> Stored | None:
        """The stored response for url when it is still fresh."""
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta.get("version") != FORMAT_VERSION or meta.get("url") != url:
                return None
            if time.time() - float(meta["fetched_at"]) > self.max_age:
                return None
            content = body_path.read_bytes()
            if hashlib.sha256(content).hexdigest() != meta.get("sha256"):
                return None  # a torn or tampered body: fetch again
            return Stored(
                url, meta["final_url"], int(meta["status"]), meta["content_type"], content, meta["fetched_at"]
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
