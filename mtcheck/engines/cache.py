"""A persistent translation cache in SQLite, safe for concurrent runs and robust to a corrupt file."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from mtcheck.config import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")

CACHE_FILENAME = "translations.sqlite3"
SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 30.0  # how long a writer waits for another process's transaction
CHUNK = 400  # rows per query / per write transaction (under SQLite's variable limit)
# SQLite's primary result codes for a damaged file.
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


def cache_path(settings: Settings) -> Path:
    """Where the cache lives: `settings.cache_dir`, else the user cache directory."""
    if settings.cache_dir is not None:
        return Path(settings.cache_dir).expanduser() / CACHE_FILENAME
    import platformdirs

    return Path(platformdirs.user_cache_dir("mtcheck")) / CACHE_FILENAME


def entry_id(key: str, text: str) -> str:
    """The primary key of one entry: sha256 over the engine key (with direction) and the exact text."""
    return hashlib.sha256(json.dumps([key, text], ensure_ascii=False).encode("utf-8")).hexdigest()


def _is_busy(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED
    return "locked" in str(error).lower() or "busy" in str(error).lower()


def _is_corrupt(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _CORRUPT_CODES
    message = str(error).lower()
    return "not a database" in message or "malformed" in message


class TranslationCache:
    """Maps (engine key, text) to a stored output. Never raises on cache trouble: it warns and degrades."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = None
        self.enabled = True
        self._open(recover=True)

    # -- public API ------------------------------------------------------------------------------

    def get_many(self, key: str, texts: Sequence[str]) -> dict[str, str]:
        """The stored outputs of those texts that are cached under key."""
        unique = list(dict.fromkeys(texts))
        if not unique:
            return {}
        by_id = {entry_id(key, t): t for t in unique}
        none: list[tuple[str, str]] = []
        rows = self._run(lambda conn: self._select(conn, list(by_id)), default=none)
        return {by_id[i]: output for i, output in rows}

    def put_many(self, key: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Store (text, output) pairs under key, in short transactions."""
        rows = [(entry_id(key, t), o, time.time()) for t, o in pairs]
        if rows:
            self._run(lambda conn: self._insert(conn, rows), default=None)

    def __len__(self) -> int:
        return int(self._run(lambda conn: conn.execute("SELECT count(*) FROM translations").fetchone()[0], 0))

    def clear(self) -> None:
        """Remove every entry."""
        self._run(lambda conn: conn.execute("DELETE FROM translations"), default=None)

    def close(self) -> None:
        """Close the database; later calls find nothing and store nothing."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self.enabled = False

    def __enter__(self) -> TranslationCache:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    # -- internals -------------------------------------------------------------------------------

    @staticmethod
    def _select(conn: sqlite3.Connection, ids: list[str]) -> list[tuple[str, str]]:
        rows: list[tuple[str, str]] = []
        for i in range(0, len(ids), CHUNK):
            chunk = ids[i : i + CHUNK]
            marks = ",".join("?" * len(chunk))
            rows += conn.execute(f"SELECT id, output FROM translations WHERE id IN ({marks})", chunk).fetchall()
        return rows

    @staticmethod
    def _insert(conn: sqlite3.Connection, rows: list[tuple[str, str, float]]) -> None:
        for i in range(0, len(rows), CHUNK):
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany("INSERT OR REPLACE INTO translations VALUES (?, ?, ?)", rows[i : i + CHUNK])
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            deadline = time.monotonic() + BUSY_TIMEOUT_S
            while True:
                try:
                    self._prepare(conn)
                    return conn
                except sqlite3.OperationalError as error:
                    # Creating the file or switching it to WAL can be refused without waiting while
                    # another process does the same: retry until the busy timeout.
                    if not _is_busy(error) or time.monotonic() > deadline:
                        raise
                    time.sleep(0.02)
        except BaseException:
            conn.close()
            raise

    @staticmethod
    def _prepare(conn: sqlite3.Connection) -> None:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, SCHEMA_VERSION):
            raise sqlite3.DatabaseError(f"cache schema {version} is not this mtcheck's ({SCHEMA_VERSION})")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")  # persistent: only the first opener switches
        if version == 0:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS translations "
                    "(id TEXT PRIMARY KEY, output TEXT NOT NULL, created REAL NOT NULL) WITHOUT ROWID"
                )
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        conn.execute("PRAGMA synchronous = NORMAL")
        # Reading one row touches the table's pages, so a damaged file shows up now, not mid-run.
        conn.execute("SELECT id FROM translations LIMIT 1").fetchall()

    def _open(self, recover: bool) -> None:
        try:
            self._conn = self._connect()
        except sqlite3.DatabaseError as error:
            if recover and _is_corrupt(error):
                self._set_aside(error)
                self._open(recover=False)
            else:
                self._disable(error)
        except OSError as error:
            self._disable(error)

    def _run(self, operation: Callable[[sqlite3.Connection], T], default: T) -> T:
        """Run operation(conn); on a damaged file set it aside and retry once; on other trouble degrade."""
        for attempt in (1, 2):
            if self._conn is None:
                return default
            try:
                return operation(self._conn)
            except sqlite3.DatabaseError as error:
                if attempt == 1 and _is_corrupt(error):
                    self._conn.close()
                    self._conn = None
                    self._set_aside(error)
                    self._open(recover=False)
                    continue
                self._disable(error)
        return default

    def _set_aside(self, error: BaseException) -> None:
        """Rename a damaged cache file to *.corrupt-<timestamp> so a fresh one can be built."""
        from filelock import FileLock, Timeout

        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{os.getpid()}")
        try:
            # Two processes may find the same damage: only one sets it aside, the other sees a fresh file.
            with FileLock(str(self.path) + ".lock", timeout=BUSY_TIMEOUT_S):
                if self._still_corrupt():
                    os.replace(self.path, target)
                    for suffix in ("-wal", "-shm"):
                        side = Path(str(self.path) + suffix)
                        if side.exists():
                            os.replace(side, Path(str(target) + suffix))
                    log.warning(
                        "translation cache %s is damaged (%s); set it aside as %s and started a new one",
                        self.path,
                        error,
                        target.name,
                    )
        except (OSError, Timeout) as problem:
            log.warning("translation cache %s is damaged and cannot be set aside: %s", self.path, problem)

    def _still_corrupt(self) -> bool:
        if not self.path.exists():
            return False
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S)
            try:
                conn.execute("PRAGMA user_version").fetchone()
                if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'translations'").fetchone():
                    conn.execute("SELECT count(*) FROM translations").fetchone()
                return False
            finally:
                conn.close()
        except sqlite3.DatabaseError as error:
            return _is_corrupt(error)

    def _disable(self, error: BaseException) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self.enabled:
            log.warning("translation cache disabled, cannot use %s: %s", self.path, error)
        self.enabled = False
