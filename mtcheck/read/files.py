"""Reading side files (glossary, baseline, config) and inputs safely: regular files only, bounded."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from mtcheck.errors import InputError, MtcheckError

# A glossary, baseline or config file larger than this is refused (bytes): none is legitimately that big.
MAX_SIDE_FILE_BYTES = 16 * 1024 * 1024
# Brackets ([, {) nested deeper than this in a TOML or JSON side file are refused before parsing.
MAX_NESTING = 64

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def _what(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_regular(
    path: str | Path,
    limit: int,
    label: str,
    error: type[MtcheckError] = InputError,
    what: str = "file",
    missing: str = "no such file",
) -> bytes:
    """The bytes of a regular file, at most `limit` of them; FIFOs, devices and sockets are refused.

    The file is opened without blocking, so a FIFO with no writer cannot hang the run.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise error(f"{label}: {missing}") from None
    except PermissionError:
        raise error(f"{label}: permission denied") from None
    except IsADirectoryError:
        raise error(f"{label}: is a folder, not a {what}") from None
    except OSError as exc:
        raise error(f"{label}: cannot be read ({' '.join((exc.strerror or str(exc)).split())})") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = _what(mode)
            article = "" if kind.startswith(("a ", "an ", "not ")) else "a "
            raise error(f"{label}: is {article}{kind}, not a regular {what}")
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except PermissionError:
        raise error(f"{label}: permission denied") from None
    except IsADirectoryError:
        raise error(f"{label}: is a folder, not a {what}") from None
    except OSError as exc:
        raise error(f"{label}: cannot be read ({' '.join((exc.strerror or str(exc)).split())})") from None
    finally:
        os.close(fd)
    if size > limit:
        raise error(f"{label}: larger than the {_size(limit)} limit for a {what}")
    return b"".join(chunks)


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit} bytes"


_NESTING_TOKENS = re.compile(r"\\.|[\"'#\[\]{}\n]", re.DOTALL)


def nesting_depth(text: str, *, comments: bool = False) -> int:
    """The deepest nesting of [ and { outside strings (TOML comments skipped when `comments`)."""
    if text.count("[") + text.count("{") <= MAX_NESTING:
        return text.count("[") + text.count("{")  # an upper bound, and small: no need to scan
    depth = deepest = 0
    quote = ""
    for m in _NESTING_TOKENS.finditer(text):
        token = m.group(0)
        if quote:
            if token == quote or (quote == "#" and token == "\n"):
                quote = ""
        elif token in ('"', "'") or (token == "#" and comments):
            quote = token
        elif token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth = max(0, depth - 1)
    return deepest


def check_nesting(text: str, label: str, error: type[MtcheckError], *, comments: bool = False) -> None:
    """Refuse text nested deeper than MAX_NESTING (parsers would recurse until they fail)."""
    if nesting_depth(text, comments=comments) > MAX_NESTING:
        raise error(f"{label}: nested more than {MAX_NESTING} levels deep")
