"""A compact copy of langdetect's profiles, read back by part: a run decodes about 5 % of it instead of parsing all.

langdetect 1.0.9 keeps its 55 language profiles as 2.2 MB of JSON; parsing all of them (184,000 n-gram counts)
took about 13 % of the instructions of `mtcheck detect` on a 1 MB page, which looks up a few hundred n-grams.
The first run that needs them parses the JSON as before and writes this file in the user cache directory
(`platformdirs.user_cache_dir("mtcheck")`, or the folder `MTCHECK_PROFILE_CACHE_DIR` names; an empty value
turns the cache off, and so does a home directory that cannot be found); later runs read the file (at most
MAX_FILE_BYTES; a regular file only, never a FIFO, a device or a symbolic link) and decode its head and, the
first time an n-gram is looked up, the one part holding every n-gram with the same first two characters.

The file is only a copy and is read as untrusted data: JSON and fixed-width integers, no marshal or pickle;
a part's layout is checked when it is read, and an n-gram's pairs
(ranges, order) the first time it is looked up. It is used when its format, the langdetect
version and each profile file's name, place in the folder listing, size and modification time equal those of
the installed profiles and its checksums hold; any other file (corrupt, truncated, stale, from another version)
is ignored and replaced. It is written to a temporary file in the same folder and renamed into place, so a
reader (another worker process) sees the old file or the whole new one; two writers at once each rename a whole
file. Nothing is written when the folder cannot be made or written (a read-only home, a full disk): the run goes
on with the JSON. Nothing is ever written beside langdetect's own files.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import zlib
from array import array
from collections.abc import Sequence
from itertools import accumulate, chain
from typing import Any

# Bump when the layout below changes: an older file is then ignored and rewritten.
# 1 (perf28): marshal parts and head; 3 (review28c): no marshal: JSON n-gram lists and head, fixed-width integers.
FORMAT = 3
MAGIC = b"mtcheck langdetect profiles\n"
ENV = "MTCHECK_PROFILE_CACHE_DIR"
_LENGTH_BYTES = 8
# The file langdetect 1.0.9's profiles give is about 3 MB; anything larger is not read (a file crafted to be huge).
MAX_FILE_BYTES = 16 * 1024 * 1024


def directory() -> str | None:
    """The folder the cache lives in, or None when it is turned off or the user's cache folder cannot be told."""
    chosen = os.environ.get(ENV)
    if chosen is not None:
        return chosen or None
    import platformdirs

    try:  # with HOME unset and no passwd entry, platformdirs raises RuntimeError
        where = platformdirs.user_cache_dir("mtcheck")
    except (RuntimeError, KeyError, OSError):
        return None
    return where if os.path.isabs(where) else None  # never a folder relative to wherever the run starts


def filename(folder: str, version: int = FORMAT) -> str:
    """The cache file's name: one per profile folder, so two installations sharing a cache do not overwrite each
    other's."""
    place = zlib.crc32(os.path.abspath(folder).encode("utf-8", "surrogatepass"))
    return f"langdetect-profiles-{version}-{place:08x}.bin"


def fingerprint(folder: str, names: Sequence[str], version: str | None) -> str:
    """What the cache must have been built from: langdetect's version and every profile file as listed (JSON)."""
    files: list[list[Any]] = []
    for name in names:
        try:
            st = os.stat(os.path.join(folder, name))
        except OSError:
            files.append([name, -1, -1])
            continue
        files.append([name, st.st_size, st.st_mtime_ns])
    return json.dumps([FORMAT, version, os.path.abspath(folder), files])


# N-grams are kept in PARTS parts by their first two characters; a part is read the first time one of its
# n-grams is looked up (a page in one language reads a few hundred parts, each of about 20 n-grams).
PARTS = 4093


def part(ngram: str) -> int:
    """The part an n-gram is kept in: a fixed function of its first two characters."""
    second = ord(ngram[1]) if len(ngram) > 1 else 0
    return ((ord(ngram[0]) << 21) | second) % PARTS


class Corrupt(Exception):
    """A part of the cache file does not hold what was written."""


def _is_count(value: object) -> bool:
    return type(value) is int and value > 0


class Profiles:
    """The profiles read from a cache file: n-gram -> (profile index, count, index, count, ...), by part.

    A part is the JSON list of its n-grams (at most 3 characters each), then 4-byte integers: for each n-gram
    where its pairs start and, after the last, where they end; then the pairs. It is checked (CRC-32, its layout)
    when it is read, and an n-gram's pairs (indices ascending and below the number of profiles, counts positive)
    the first time that n-gram is looked up. A part or pairs that fail make every later look-up read the JSON
    profiles instead (`fallback`), so a file damaged or crafted after its head was read still gives langdetect's
    counts. Nothing in the file is ever run or unpickled.
    """

    def __init__(self, body: memoryview, table: Sequence[int], size: int, fallback: Any) -> None:
        self._body = body
        self._table = table  # per part: start, end, crc32
        self._size = size  # the number of profiles: every index is below it
        self._parts: dict[int, tuple[dict[str, int], array[int]]] = {}
        self._checked: dict[str, tuple[int, ...] | None] = {}
        self._fallback = fallback
        self._merged: dict[str, tuple[int, ...]] | None = None

    def counts(self, ngram: str) -> tuple[int, ...] | None:
        """(index, count) pairs, flattened, of the profiles holding `ngram`; None when none holds it."""
        if self._merged is not None:
            return self._merged.get(ngram)
        try:
            return self._checked[ngram]
        except KeyError:
            pass
        number = part(ngram)
        try:
            found = self._parts.get(number)
            if found is None:
                found = self._parts[number] = self._read(number)
            pairs = self._pairs(found, ngram, number)
        except Corrupt:
            self._merged = merge(self._fallback())
            return self._merged.get(ngram)
        self._checked[ngram] = pairs
        return pairs

    def _read(self, number: int) -> tuple[dict[str, int], array[int]]:
        start, end, crc = self._table[3 * number : 3 * number + 3]
        if not start <= end <= len(self._body):
            raise Corrupt(number)
        chunk = self._body[start:end]
        if zlib.crc32(chunk) != crc:
            raise Corrupt(number)
        size = int.from_bytes(chunk[:4], "little")
        try:
            ngrams = json.loads(bytes(chunk[4 : 4 + size]).decode("utf-8"))
        except (ValueError, RecursionError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
            raise Corrupt(number) from exc
        numbers = array("I")
        rest = chunk[4 + size :]
        if not isinstance(ngrams, list) or numbers.itemsize != 4 or len(rest) % 4 or 4 + size > len(chunk):
            raise Corrupt(number)
        numbers.frombytes(rest)
        if sys.byteorder != "little":
            numbers.byteswap()
        if len(numbers) <= len(ngrams) or not all(isinstance(n, str) for n in ngrams):
            raise Corrupt(number)
        return {ngram: at for at, ngram in enumerate(ngrams)}, numbers

    def _pairs(self, found: tuple[dict[str, int], array[int]], ngram: str, number: int) -> tuple[int, ...] | None:
        """The n-gram's pairs in a part as read, checked; None when the part does not hold it."""
        where, numbers = found
        at = where.get(ngram)
        if at is None:
            return None
        base = len(where) + 1
        start, end = numbers[at] + base, numbers[at + 1] + base
        if not base <= start < end <= len(numbers) or (end - start) % 2:
            raise Corrupt(number)
        pairs = tuple(numbers[start:end])
        indices = pairs[0::2]
        if indices[-1] >= self._size or 0 in pairs[1::2]:
            raise Corrupt(number)
        if any(a >= b for a, b in zip(indices, indices[1:], strict=False)):  # ascending, each once
            raise Corrupt(number)
        return pairs


def merge(profiles: Sequence[tuple[dict[str, int], list[int]]]) -> dict[str, tuple[int, ...]]:
    """n-gram -> (index, count, index, count, ...) over the profiles, indices in ascending order."""
    merged: dict[str, list[int]] = {}
    for index, (freq, _) in enumerate(profiles):
        for ngram, count in freq.items():
            merged.setdefault(ngram, []).extend((index, count))
    return {ngram: tuple(pairs) for ngram, pairs in merged.items()}


def _read_file(path: str) -> bytes | None:
    """The file's bytes when it is a regular file of at most MAX_FILE_BYTES, else None (never blocks on a FIFO)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_FILE_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(MAX_FILE_BYTES + 1)  # bounded even if the file grows meanwhile
    except OSError:
        return None
    finally:
        os.close(fd)
    return data if len(data) <= MAX_FILE_BYTES else None


def read(
    folder: str, names: Sequence[str], version: str | None, fallback: Any
) -> tuple[list[Any], list[list[int]], Profiles] | None:
    """(languages, n_words per profile, counts) from the cache when it matches the installed profiles, else None.

    `fallback()` gives the profiles as parsed from the JSON, for a part found damaged later."""
    where = directory()
    if where is None:
        return None
    data = _read_file(os.path.join(where, filename(folder)))
    if data is None or not data.startswith(MAGIC):
        return None
    at = len(MAGIC)
    size = int.from_bytes(data[at : at + _LENGTH_BYTES], "little")
    crc = int.from_bytes(data[at + _LENGTH_BYTES : at + 2 * _LENGTH_BYTES], "little")
    at += 2 * _LENGTH_BYTES
    head = memoryview(data)[at : at + size]
    if len(head) != size or zlib.crc32(head) != crc:
        return None
    table_bytes = 3 * PARTS * _LENGTH_BYTES
    if size < table_bytes:
        return None
    try:
        key, languages, n_words = json.loads(bytes(head[table_bytes:]).decode("utf-8"))
    except (ValueError, TypeError, RecursionError):  # not a file this module wrote: ignored
        return None
    if key != fingerprint(folder, names, version) or not _good_head(languages, n_words):
        return None
    table = array("Q")
    if table.itemsize != _LENGTH_BYTES:
        return None
    table.frombytes(head[:table_bytes])
    if sys.byteorder != "little":
        table.byteswap()
    body = memoryview(data)[at + size :]
    if max(table[1::3]) != len(body):  # truncated, or something appended
        return None
    return languages, n_words, Profiles(body, table, len(languages), fallback)


def _good_head(languages: object, n_words: object) -> bool:
    """Whether the head holds a name per profile and three positive n-gram totals per profile."""
    if not (isinstance(languages, list) and isinstance(n_words, list) and len(languages) == len(n_words)):
        return False
    return all(isinstance(name, str) for name in languages) and all(
        isinstance(n, list) and len(n) == 3 and all(_is_count(c) for c in n) for n in n_words
    )


def write(
    folder: str,
    names: Sequence[str],
    version: str | None,
    languages: Sequence[Any],
    profiles: Sequence[tuple[dict[str, int], list[int]]],
) -> bool:
    """Store the profiles as parsed (languages and (freq, n_words) in the loader's order); False when it could not
    (or when the profiles hold what a cache file may not: it is then never written, and the JSON is read)."""
    where = directory()
    if where is None:
        return False
    n_words = [n for _, n in profiles]
    if not _good_head(list(languages), n_words):
        return False
    merged = merge(profiles)
    if "" in merged or array("I").itemsize != 4:
        return False
    parts: list[dict[str, tuple[int, ...]]] = [{} for _ in range(PARTS)]
    for ngram, pairs in merged.items():
        parts[part(ngram)][ngram] = pairs
    chunks: list[bytes] = []
    table = array("Q")
    at = 0
    for found in parts:
        ngrams = json.dumps(list(found), separators=(",", ":")).encode("utf-8")
        try:  # offsets, then the pairs; a negative count or one of 2**32 or more cannot be stored
            numbers = array("I", [0, *accumulate(map(len, found.values()))])
            numbers.extend(chain.from_iterable(found.values()))
        except OverflowError:
            return False
        if sys.byteorder != "little":
            numbers.byteswap()
        chunk = len(ngrams).to_bytes(4, "little") + ngrams + numbers.tobytes()
        table.extend((at, at + len(chunk), zlib.crc32(chunk)))
        chunks.append(chunk)
        at += len(chunk)
    if sys.byteorder != "little":
        table.byteswap()
    head = table.tobytes() + json.dumps([fingerprint(folder, names, version), list(languages), n_words]).encode()
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
        for older in range(1, FORMAT):  # an older format's file for the same profiles: never read again
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(where, filename(folder, older)))
    except OSError:
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return True
