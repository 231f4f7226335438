"""Reading the original a translated page links to: fetched for a web page, from disk for a local file."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mtcheck.detect.original_link import OriginalLink
from mtcheck.errors import InputError, MtcheckError
from mtcheck.read.document import Document, read_document
from mtcheck.read.fetch import Fetcher, is_url
from mtcheck.read.inputs import SUFFIXES, one_line
from mtcheck.read.web import WebDocument, read_url
from mtcheck.results import Finding

# The finding made here (listed in mtcheck.checks.catalog, which validates severity overrides).
FINDING_KIND = "original"
FINDING_RULES = ("MT-ORIGINAL-UNAVAILABLE",)

log = logging.getLogger("mtcheck")


def follow(
    document: Document, language: str, link: OriginalLink, fetcher: Fetcher
) -> tuple[Document, str] | Finding | None:
    """The original and its language; a finding when the page names one that cannot be compared; None when
    the link is not to be followed (a local file's link to the web, or to a file that is not there)."""
    from mtcheck.read.language import detect_language

    if not followable(document, link):
        log.info("%s: not following %s (only web pages, or local links to files on disk)", document.path, link.href)
        return None
    try:
        source = read_original(document, link, fetcher)
        source_language = detect_language(source.text) or link.language
        if source_language is None:
            raise InputError(f"{source.path}: cannot tell the original's language")
        if source_language == language:
            raise InputError(f"{source.path}: the linked page is in {language!r} too, not an original to compare")
    except MtcheckError as exc:
        log.warning("%s: original not compared: %s", document.path, exc)
        return unavailable(link, exc)
    log.info("%s: comparing with its original %s (%s)", document.path, source.path, source_language)
    return source, source_language


def unavailable(link: OriginalLink, reason: object) -> Finding:
    """The document finding that says the page's original could not be compared, and why."""
    return Finding(
        kind="original",
        rule="MT-ORIGINAL-UNAVAILABLE",
        severity="warning",
        message=f"the page links to its original ({link.target}), but it could not be compared: {reason}",
        details={"original_url": link.target, "via": link.via},
    )


def followable(document: Document, link: OriginalLink) -> bool:
    """Whether to follow: a web page's link to another web page, a local file's relative link to a file on disk."""
    if isinstance(document, WebDocument):
        return is_url(link.target)
    try:
        local_original(document.path, link.href)
    except InputError:
        return False
    return True


def read_original(document: Document, link: OriginalLink, fetcher: Fetcher) -> Document:
    """The original of document: a web page's link fetched (with the run's cache and robots rules), a local
    file's relative link read from disk. InputError says why it cannot be had."""
    if isinstance(document, WebDocument):
        if not is_url(link.target):
            raise InputError(f"the original's link {one_line(link.href)!r} is not a web address")
        return read_url(link.target, fetcher=fetcher, name=f"{document.name}-original")
    return read_document(local_original(document.path, link.href), name=f"{document.name}-original")


def local_original(path: str, href: str) -> Path:
    """The file a local page's relative link names, when it is on disk; never a web address or an absolute path."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/"):
        raise InputError(f"the original's link {one_line(href)!r} is not a relative link to a file (not followed)")
    target = Path(path).parent / unquote(parts.path)
    if not parts.path or not target.is_file():
        raise InputError(f"the original's link {one_line(href)!r} names no file on disk ({one_line(str(target))})")
    if target.suffix.lower() not in SUFFIXES:  # an article, never whatever else a page may point at
        raise InputError(f"the original's link {one_line(href)!r} names no article ({', '.join(SUFFIXES)})")
    return Path(os.path.normpath(target))
