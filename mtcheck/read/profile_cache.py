"""A compact copy of langdetect's profiles, read back by part: a run reads about 5 % of it instead of parsing all.

langdetect 1.0.9 keeps its 55 language profiles as 2.2 MB of JSON; parsing all of them (184,000 n-gram counts)
took about 13 % of the instructions of `mtcheck detect` on a 1 MB page, which looks up a few hundred n-grams.
The first run that needs them parses the JSON as before and writes this file in the user cache directory
(`platformdirs.user_cache_dir("mtcheck")`, or the folder `MTCHECK_PROFILE_CACHE_DIR` names; an empty value
turns the cache off); later runs read the file's head and, the first time an n-gram is looked up, the one
part holding every n-gram with the same first two characters.

The file is only a copy: it is used when its format, the langdetect version and each profile file's name,
place in the folder listing, size and modification time equal those of the installed profiles and its
checksum holds; any other file (corrupt, truncated, stale, from another version) is ignored and replaced.
It is written to a temporary file in the same folder and renamed into place, so a reader sees the old file
or the whole new one. Nothing is written when the folder cannot be made or written (a read-only home):
the run goes on with the JSON. Nothing is ever written beside langdetect's own files.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import zlib
from collections.abc import Sequence
from typing import Any

# Bump when the layout below changes: an older file is then ignored and rewritten.
FORMAT = 1
MAGIC = b"mtcheck langdetect profiles\n"
ENV = "MTCHECK_PROFILE_CACHE_DIR"
_LENGTH_BYTES = 8


def directory() -> str | None:
    """The folder the cache lives in, or None when it is turned off."""
    chosen = os.environ.get(ENV)
    if chosen is not None:
        return chosen or None
    import platformdirs

    return platformdirs.user_cache_dir("mtcheck")


def filename(folder: str) -> str:
    """The cache file's name: one per profile folder, so two installations sharing a cache do not overwrite each
    other's."""
    place = zlib.crc32(os.path.abspath(folder).encode("utf-8", "surrogatepass"))
    return f"langdetect-profiles-{FORMAT}-{place:08x}.bin"


def fingerprint(folder: str, names: Sequence[str], version: str | None) -> tuple[Any, ...]:
    """What the cache must have been built from: langdetect's version and every profile file as listed."""
    files = []
    for name in names:
        try:
            st = os.stat(os.path.join(folder, name))
        except OSError:
            files.append((name, -1, -1))
            continue
        files.append((name, st.st_size, st.st_mtime_ns))
    return (FORMAT, version, os.path.abspath(folder), tuple(files))


# N-grams are kept in PARTS parts by their first two characters; a part is read the first time one of its
# n-grams is looked up (a page in one language reads a few hundred parts, each of about 20 n-grams).
PARTS = 4093


def part(ngram: str) -> int:
    """The part an n-gram is kept in: a fixed function of its first two characters."""
    second = ord(ngram[1]) if len(ngram) > 1 else 0
    return ((ord(ngram[0]) << 21) | second) % PARTS


class Corrupt(Exception):
    """A part of the cache file does not hold what was written."""


class Profiles:
    """The profiles read from a cache file: n-gram -> (profile index, count, index, count, ...), by part.

    Each part is checked (CRC-32) when it is read; a part that fails makes every later look-up read the JSON
    profiles instead (`fallback`), so a file damaged after its head was read still gives langdetect's counts.
    """

    def __init__(self, body: memoryview, table: list[int], fallback: Any) -> None:
        self._body = body
        self._table = table  # per part: start, end, crc32
        self._parts: dict[int, dict[str, tuple[int, ...]]] = {}
        self._fallback = fallback
        self._merged: dict[str, tuple[int, ...]] | None = None

    def counts(self, ngram: str) -> tuple[int, ...] | None:
        """(index, count) pairs, flattened, of the profiles holding `ngram`; None when none holds it."""
        if self._merged is not None:
            return self._merged.get(ngram)
        number = part(ngram)
        found = self._parts.get(number)
        if found is None:
            try:
                found = self._read(number)
            except Corrupt:
                self._merged = merge(self._fallback())
                return self._merged.get(ngram)
            self._parts[number] = found
        return found.get(ngram)

    def _read(self, number: int) -> dict[str, tuple[int, ...]]:
        start, end, crc = self._table[3 * number : 3 * number + 3]
        chunk = self._body[start:end]
        if zlib.crc32(chunk) != crc:
            raise Corrupt(number)
        try:
            found = marshal.loads(chunk)
        except (ValueError, EOFError, TypeError) as exc:
            raise Corrupt(number) from exc
        if not isinstance(found, dict):
            raise Corrupt(number)
        return found


def merge(profiles: Sequence[tuple[dict[str, int], list[int]]]) -> dict[str, tuple[int, ...]]:
    """n-gram -> (index, count, index, count, ...) over the profiles, indices in ascending order."""
    merged: dict[str, list[int]] = {}
    for index, (freq, _) in enumerate(profiles):
        for ngram, count in freq.items():
            merged.setdefault(ngram, []).extend((index, count))
    return {ngram: tuple(pairs) for ngram, pairs in merged.items()}


def read(
    folder: str, names: Sequence[str], version: str | None, fallback: Any
) -> tuple[list[Any], list[list[int]], Profiles] | None:
    """(languages, n_words per profile, counts) from the cache when it matches the installed profiles, else None.

    `fallback()` gives the profiles as parsed from the JSON, for a part found damaged later."""
    where = directory()
    if where is None:
        return None
    try:
        with open(os.path.join(where, filename(folder)), "rb") as f:
            data = f.read()
    except OSError:
        return None
    try:
        if not data.startswith(MAGIC):
            return None
        at = len(MAGIC)
        size = int.from_bytes(data[at : at + _LENGTH_BYTES], "little")
        crc = int.from_bytes(data[at + _LENGTH_BYTES : at + 2 * _LENGTH_BYTES], "little")
        at += 2 * _LENGTH_BYTES
        head = memoryview(data)[at : at + size]
        if len(head) != size or zlib.crc32(head) != crc:
            return None
        key, languages, n_words, table = marshal.loads(head)
        if key != fingerprint(folder, names, version):
            return None
        body = memoryview(data)[at + size :]
        if not (isinstance(languages, list) and isinstance(n_words, list) and isinstance(table, list)):
            return None
        if len(languages) != len(n_words) or len(table) != 3 * PARTS or max(table[1::3]) > len(body):
            return None
    except (ValueError, EOFError, TypeError, IndexError):  # not a file this module wrote: ignored
        return None
    return languages, n_words, Profiles(body, table, fallback)


def write(
    folder: str,
    names: Sequence[str],
    version: str | None,
    languages: Sequence[Any],
    profiles: Sequence[tuple[dict[str, int], list[int]]],
) -> bool:
    """Store the profiles as parsed (languages and (freq, n_words) in the loader's order); False when it could not."""
    where = directory()
    if where is None:
        return False
    parts: list[dict[str, tuple[int, ...]]] = [{} for _ in range(PARTS)]
    for ngram, pairs in merge(profiles).items():
        parts[part(ngram)][ngram] = pairs
    chunks: list[bytes] = []
    table: list[int] = []
    at = 0
    for found in parts:
        chunk = marshal.dumps(found)
        table += (at, at + len(chunk), zlib.crc32(chunk))
        chunks.append(chunk)
        at += len(chunk)
    head = marshal.dumps((fingerprint(folder, names, version), list(languages), [list(n) for _, n in profiles], table))
    data = b"".join(
        [MAGIC, len(head).to_bytes(_LENGTH_BYTES, "little"), zlib.crc32(head).to_bytes(_LENGTH_BYTES, "little"), head]
        + chunks
    )
    tmp = None
    try:
        os.makedirs(where, exist_ok=True)
        import tempfile

        fd, tmp = tempfile.mkstemp(prefix=".profiles-", suffix=".tmp", dir=where)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, os.path.join(where, filename(folder)))
        tmp = None
    except OSError:
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return True
