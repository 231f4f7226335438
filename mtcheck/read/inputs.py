"""Finding the input files of a run and turning their bytes into text."""

from __future__ import annotations

import codecs
import contextlib
import glob
import os
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mtcheck import config
from mtcheck.errors import InputError, MtcheckError

# Suffixes a folder is searched for (explicitly named files are read whatever their suffix).
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xlf", ".xliff", ".tmx")  # TSV/CSV only when named
STDIN = "-"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x7fELF", "an ELF executable"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"RIFF", "a RIFF media file"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00asm", "a WebAssembly module"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_EBCDIC = {"cp037", "cp273", "cp500", "cp875", "cp1026", "cp1140"}
_MIN_PRINTABLE = 0.95
_URL = re.compile(r"https?://", re.IGNORECASE)
MAX_NAME = 100  # characters in an output name


def is_url(text: str) -> bool:
    """Whether an input names a web page (http or https) rather than a file."""
    return bool(_URL.match(text.strip()))


@dataclass(frozen=True)
class InputItem:
    """One input of a run: a path to read (or "-") and a unique output name, or why it cannot be read."""

    path: str
    name: str
    error: MtcheckError | None = None


def sanitize_name(stem: str) -> str:
    """A file-name-safe base name: [A-Za-z0-9._-] only, never empty or hidden."""
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", ascii_stem).strip("._-")
    return cleaned[:MAX_NAME].rstrip("._-") or "document"


def one_line(text: str) -> str:
    """Collapse a message (or a path inside one) to a single line."""
    return " ".join(str(text).split())


def _unique(name: str, taken: set[str]) -> str:
    """A name no other input of the run has (case-insensitively), still a fixed point of sanitize_name.

    The suffix goes inside the length cap, so trimming the name again never cuts it off.
    """
    candidate, n = name, 1
    while candidate.lower() in taken:
        n += 1
        suffix = f"-{n}"
        candidate = name[: MAX_NAME - len(suffix)] + suffix
    taken.add(candidate.lower())
    return candidate


# Every HTML page mtcheck writes (a document's report, index.html) says so in its head.
REPORT_MARK = b'<meta name="generator" content="mtcheck">'


def is_mtcheck_report(path: Path) -> bool:
    """Whether an HTML file is one of mtcheck's own reports (not an article), from its first 4 KB."""
    if not path.name.lower().endswith((".html", ".htm")):
        return False
    try:
        with open(path, "rb") as handle:
            return REPORT_MARK in handle.read(4096)
    except OSError:
        return False  # reading it later says what is wrong


def _folder_files(folder: Path, errors: list[MtcheckError], skip: frozenset[str] = frozenset()) -> list[Path]:
    found: list[Path] = []
    if os.path.realpath(folder) in skip:
        return found

    def unreadable(exc: OSError) -> None:
        where = one_line(str(exc.filename or folder))
        errors.append(InputError(f"{where}: cannot list this folder ({one_line(exc.strerror or str(exc))})"))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        # Hidden folders and the run's own output folder (its reports are not articles) are not searched.
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and os.path.realpath(Path(root, d)) not in skip)
        found.extend(Path(root, f) for f in sorted(files) if not f.startswith(".") and f.lower().endswith(SUFFIXES))
    # mtcheck's own reports in another folder (`mtcheck detect .` after `mtcheck report .`) are not articles
    return [f for f in found if not is_mtcheck_report(f)]


def _expand_one(arg: str, skip: frozenset[str]) -> tuple[list[Path], list[MtcheckError]]:
    """The files an argument names, and the errors met on the way (a missing input, an unlistable folder)."""
    try:
        return _expand(arg, skip)
    except OSError as exc:  # a file inside a folder without search permission, a name too long, ...
        return [], [InputError(f"{one_line(arg)}: cannot be read ({one_line(exc.strerror or str(exc))})")]


def _expand(arg: str, skip: frozenset[str]) -> tuple[list[Path], list[MtcheckError]]:
    path = Path(arg)
    errors: list[MtcheckError] = []
    if path.is_dir():
        files = _folder_files(path, errors, skip)
        if not files and not errors:
            errors.append(InputError(f"{one_line(arg)}: no {', '.join(SUFFIXES)} files in this folder"))
        return files, errors
    if path.exists() or path.is_symlink():
        return [path], errors
    if glob.has_magic(arg):
        files = []
        for match in sorted(glob.glob(arg, recursive=True)):
            if Path(match).is_dir():
                files.extend(_folder_files(Path(match), errors, skip))
            elif (
                match.lower().endswith(SUFFIXES)
                and os.path.realpath(Path(match).parent) not in skip
                and not is_mtcheck_report(Path(match))
            ):
                files.append(Path(match))
        if not files and not errors:
            errors.append(InputError(f"{one_line(arg)}: no {', '.join(SUFFIXES)} files match this pattern"))
        return files, errors
    return [], [InputError(f"{one_line(arg)}: no such file or folder")]


def expand_inputs(paths: Sequence[str], *, skip: Sequence[str | Path] = ()) -> list[InputItem]:
    """Files, folders (recursive), globs, URLs and "-" as a flat list; missing inputs carry their error.

    Folders in `skip` (the run's output folder) are not searched; files named explicitly still count.
    """
    skipped = frozenset(os.path.realpath(p) for p in skip)
    items: list[InputItem] = []
    taken: set[str] = {"index"}  # index.html is the run's overview page
    seen: set[str] = set()
    for arg in paths:
        if arg == STDIN:
            if STDIN in seen:
                error = InputError("-: standard input is given more than once")
                items.append(InputItem(STDIN, _unique("stdin", taken), error))
                continue
            seen.add(STDIN)
            items.append(InputItem(STDIN, _unique("stdin", taken)))
            continue
        if _URL.match(arg.strip()):  # a web page: named from its URL (mtcheck.read.fetch reads it)
            if arg.strip() not in seen:
                seen.add(arg.strip())
                items.append(InputItem(arg.strip(), _unique(url_name(arg), taken)))
            continue
        expanded, errors = _expand_one(arg, skipped)
        for problem in errors:
            items.append(InputItem(arg, _unique(sanitize_name(Path(arg).stem), taken), problem))
        for file in expanded:
            key = os.path.realpath(file)
            if key in seen:
                continue
            seen.add(key)
            items.append(InputItem(str(file), _unique(sanitize_name(file.stem), taken)))
    return items


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a file (or of stdin for "-"), refusing anything over config.MAX_DOCUMENT_BYTES.

    Only regular files are read: a FIFO, a device or a socket is refused at once instead of hanging.
    """
    from mtcheck.read.files import read_regular

    label = one_line(str(path))
    limit = config.MAX_DOCUMENT_BYTES
    if str(path) == STDIN:
        try:
            data = sys.stdin.buffer.read(limit + 1)
        except OSError as exc:
            raise InputError(f"{label}: cannot be read ({one_line(exc.strerror or str(exc))})") from None
        if len(data) > limit:
            raise InputError(f"{label}: larger than the {limit // (1024 * 1024)} MB limit")
        return data
    return read_regular(path, limit, label)


def _bomless_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _guess_encoding(data: bytes) -> str | None:
    import charset_normalizer

    results = list(charset_normalizer.from_bytes(data))
    if not results:
        return None
    best = results[0]
    close = [r for r in results if r.chaos <= best.chaos + 0.01 and r.coherence >= best.coherence - 0.05]
    # Ties among single-byte code pages are common on short text; Windows-1252 is the likeliest of them.
    for result in close:
        if "cp1252" in result.could_be_from_charset:
            return "cp1252"
    for result in close:
        if result.encoding not in _EBCDIC:
            return str(result.encoding)
    return str(best.encoding)


def _printable_ratio(text: str) -> float:
    sample = text[:100_000]
    if not sample:
        return 1.0
    # Control characters betray binary data; format characters and exotic spaces are fine in text. The count of
    # characters c with (c < " " and c not in "\n\r\t\f\v") or "\x7f" <= c < "\xa0", one regex pass.
    bad = len(_CONTROL.findall(sample))
    return 1 - bad / len(sample)


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _decode_known(data: bytes, label: str) -> tuple[str, str] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), ("utf-8-sig" if encoding == "utf-8" else encoding)
            except UnicodeDecodeError:
                raise InputError(f"{label}: not valid {encoding} despite its byte-order mark") from None
    if b"\x00" in data[:8192]:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise InputError(f"{label}: binary file (contains NUL bytes), not a text document")
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            raise InputError(f"{label}: undecodable bytes (looks like UTF-16 but is not)") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return None


def decode(data: bytes, path: str = STDIN) -> tuple[str, str]:
    """Decode document bytes to (text, encoding): BOM, UTF-8, then charset-normalizer; refuse binaries."""
    label = one_line(path)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{label}: binary file ({what}), not a text document")
    decoded = _decode_known(data, label)
    if decoded is None:
        guessed = _guess_encoding(data)
        if guessed is None:
            raise InputError(f"{label}: undecodable bytes (not UTF-8 and no known encoding)")
        decoded = data.decode(guessed, errors="replace"), guessed
    text, encoding = decoded
    if _printable_ratio(text) < _MIN_PRINTABLE or text.count("\ufffd") > max(3, len(text) // 100):
        raise InputError(f"{label}: binary or undecodable content, not a text document")
    return text, encoding


def url_name(url: str) -> str:
    """A safe report base name from a URL: host and path, e.g. example.com_news_bridge."""
    parts = urlsplit(url.strip())
    path = re.sub(r"\.(?:s?html?|php|aspx?|jsp)$", "", parts.path.strip("/"), flags=re.IGNORECASE)
    host = parts.hostname or ""
    with contextlib.suppress(UnicodeError):
        host = host.encode("idna").decode("ascii")  # 例え.jp -> xn--r8jz45g.jp
    stem = "_".join(p for p in (host, path.replace("/", "_"), parts.query) if p)
    name = sanitize_name(stem)
    if len(name) >= 90:  # long URLs: keep them apart with a short hash of the whole URL
        import hashlib

        name = f"{name[:80]}-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:8]}"
    return name
