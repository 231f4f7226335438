"""Reading web pages into Documents: the main text for the report, the whole page for detection."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mtcheck.errors import InputError
from mtcheck.read.document import Document, read_document
from mtcheck.read.inputs import decode, is_url, one_line, sanitize_name, url_name
from mtcheck.read.text_builder import Parsed

if TYPE_CHECKING:  # a local file never needs the fetching side (http cache, robots)
    from mtcheck.read.fetch import Fetcher, Page

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"<meta[^>]+?charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)|<meta[^>]+?content\s*=\s*[\"'][^\"'>]*?charset=([A-Za-z0-9._:-]+)",
    re.IGNORECASE,
)
# Labels that pages send for Latin-1 or Windows-1252 text while the bytes are in fact UTF-8.
_SINGLE_BYTE = {"latin-1", "iso8859-1", "ascii", "cp1252", "iso8859-15"}
_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml")
_FORMATS = {"text/markdown": "markdown", "text/x-markdown": "markdown", "text/plain": "text"}


@dataclass(frozen=True)
class WebDocument(Document):
    """An HTML page: `text` is its main text (every offset indexes it); `page` is all of its visible text."""

    url: str = ""  # where the page came from after redirects; relative links resolve against it
    page: Parsed | None = None  # the whole page: banners, navigation, footers included


def read_input(
    path: str | Path, *, name: str | None = None, fetcher: Fetcher | None = None, source_map: bool = True
) -> Document:
    """A file, "-" or (with a fetcher) a URL, read into a Document (source_map: see read_document)."""
    if isinstance(path, str) and is_url(path):
        if fetcher is None:
            raise InputError(f"{one_line(path)}: web pages need a fetcher")
        return read_url(path, fetcher=fetcher, name=name)
    return read_document(path, name=name, source_map=source_map)


def read_url(url: str, *, fetcher: Fetcher, name: str | None = None) -> Document:
    """Fetch a page (or take it from the cache) and read it."""
    return document_from_page(fetcher.fetch(url), name=name)


def document_from_page(page: Page, *, name: str | None = None) -> Document:
    """A fetched page as a Document: HTML through the main-text extractor, plain text and Markdown as files are."""
    label = one_line(page.url)
    if not page.content.strip():
        raise InputError(f"{label}: empty page")
    text, encoding = decode_page(page.content, page.content_type, label)
    name = sanitize_name(name or url_name(page.url))
    mime = page.content_type.split(";")[0].strip().lower()
    if mime in _FORMATS:
        return read_document(page.url, data=text.encode("utf-8"), name=name, format=_FORMATS[mime])
    if mime and mime not in _HTML_TYPES and not mime.startswith("text/"):
        raise InputError(f"{label}: not a web page or text ({mime})")
    return read_html(text, path=page.url, name=name, url=page.final_url, encoding=encoding)


def read_html(raw: str, *, path: str, name: str, url: str = "", encoding: str = "utf-8") -> WebDocument:
    """An HTML page read the web way: trafilatura's main text, and the whole page beside it."""
    from mtcheck.read.extract import article, whole_page

    try:
        parsed, _ = article(raw, url or None)
        page = whole_page(raw)
    except (ValueError, RecursionError) as exc:
        raise InputError(f"{one_line(path)}: cannot parse as html ({one_line(str(exc))[:200]})") from None
    if not parsed.text.strip():
        raise InputError(f"{one_line(path)}: no readable text on this page")
    return WebDocument(
        path=path,
        name=name,
        text=parsed.text,
        format="html",
        raw=raw,
        paragraphs=parsed.paragraphs,
        metadata=dict(parsed.metadata),
        comments=parsed.comments,
        links=parsed.links,
        encoding=encoding,
        url=url or path,
        page=page,
    )


def decode_page(content: bytes, content_type: str, label: str) -> tuple[str, str]:
    """Decode a page: a byte-order mark, then the header's charset, then <meta charset>, then a guess.

    A declared single-byte charset loses to UTF-8 when the bytes are valid UTF-8 with non-ASCII in them:
    servers often send "iso-8859-1" for UTF-8 pages, and valid multi-byte UTF-8 is almost never an accident.
    """
    if content.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(content, label)
    header = _CHARSET.search(content_type or "")
    meta = _META_CHARSET.search(content[:4096])
    declared = [header.group(1) if header else None]
    if meta:
        declared.append((meta.group(1) or meta.group(2)).decode("ascii", "ignore"))
    for label_ in declared:
        encoding = _lookup(label_)
        if encoding is None:
            continue
        if encoding in _SINGLE_BYTE and not content.isascii():
            try:
                return content.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                pass
        try:
            return content.decode(encoding), encoding
        except UnicodeDecodeError:
            continue  # a wrong declaration: try the next, then guess
    return decode(content, label)


def _lookup(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "utf-8" if name == "utf-8-sig" else name
