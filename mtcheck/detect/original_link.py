"""Where a translated page says its original is: the "read the original" link of its notice, metadata,
`<link rel=alternate hreflang>` in the original's language, or `<link rel=canonical>` to another language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from mtcheck.detect.deferred import deferred
from mtcheck.detect.extract import url_language
from mtcheck.detect.patterns import shared
from mtcheck.read.document import Document
from mtcheck.results import Detection, Evidence

_LINK_TAG = deferred(r"<link\b([^<>]*)>", re.IGNORECASE)
_ATTRIBUTE = deferred(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'<>]+))")
_NOT_ORIGINAL = deferred(
    r"^(?:#|mailto:|javascript:|tel:|data:)|deepl\.com|translate\.google|translate\.goog|bing\.com/translator"
    r"|papago\.naver|fanyi\.|translate\.yandex|openai\.com|chatgpt\.com",
    re.IGNORECASE,
)
# Evidence kinds whose sentence may carry the link to the original.
_NOTICE_KINDS = ("disclaimer", "badge", "original", "engine_watermark", "reader", "learned")
WINDOW_BEFORE, WINDOW_AFTER = 150, 300


@dataclass(frozen=True)
class OriginalLink:
    """The original's address as the page gives it, resolved, and how it was found."""

    href: str  # as written in the page
    target: str  # resolved against the page's URL, or the file's folder for a local file
    via: str  # notice | metadata | alternate | canonical
    language: str | None = None  # hreflang, or a language the URL states


@dataclass(frozen=True)
class HeadLink:
    rel: str
    href: str
    hreflang: str | None


def head_links(raw: str) -> list[HeadLink]:
    """The `<link rel=alternate|canonical>` tags of a page."""
    out: list[HeadLink] = []
    if "<link" not in raw.lower():
        return out
    for tag in _LINK_TAG.finditer(raw):
        attributes = {m.group(1).lower(): next((g for g in m.groups()[1:] if g is not None), "") for m in
                      _ATTRIBUTE.finditer(tag.group(1))}  # fmt: skip
        rel = set((attributes.get("rel") or "").lower().split())
        href = (attributes.get("href") or "").strip()
        if not href or not rel & {"alternate", "canonical"}:
            continue
        hreflang = (attributes.get("hreflang") or "").strip().lower() or None
        out.append(HeadLink("canonical" if "canonical" in rel else "alternate", href, hreflang))
    return out


def _base(code: str | None) -> str:
    return (code or "").split("-")[0].split("_")[0].lower()


def resolve(href: str, base: str) -> str:
    """href made absolute against the page's URL (or, for a local file, kept relative to base)."""
    return urljoin(base, href) if base else href


def find_original(page: Document, page_detection: Detection, *, base: str, language: str | None) -> OriginalLink | None:
    """The original's link, from the whole page and its detection (offsets into page.text)."""
    own = _base(language or page_detection.language)
    notice = _notice_link(page, page_detection, base)
    if notice is not None:
        return notice
    if page_detection.original_url:  # metadata (`original-url`) or a URL written in the notice itself
        url = page_detection.original_url
        return OriginalLink(url, resolve(url, base), "metadata", url_language(url))
    links = head_links(page.raw)
    for link in links:
        if link.rel != "canonical":
            continue
        target = resolve(link.href, base)
        if _same_page(target, base):
            continue
        declared = next((a.hreflang for a in links if a.rel == "alternate" and resolve(a.href, base) == target), None)
        lang = _base(declared) or _base(url_language(target))
        if lang and own and lang != own:
            return OriginalLink(link.href, target, "canonical", lang)
    alternates = [a for a in links if a.rel == "alternate" and a.hreflang and a.hreflang != "x-default"]
    others = [a for a in alternates if _base(a.hreflang) != own and not _same_page(resolve(a.href, base), base)]
    source = _base(page_detection.source_language)
    chosen = next((a for a in others if source and _base(a.hreflang) == source), None)
    if chosen is None and page_detection.machine_translated and len({_base(a.hreflang) for a in others}) == 1:
        chosen = others[0]
    if chosen is not None:
        return OriginalLink(chosen.href, resolve(chosen.href, base), "alternate", _base(chosen.hreflang))
    return None


def _notice_link(page: Document, detection: Detection, base: str) -> OriginalLink | None:
    windows = [
        (max(0, e.start - WINDOW_BEFORE), e.end + WINDOW_AFTER)
        for e in sorted(detection.evidence, key=lambda e: -e.weight)
        if e.kind in _NOTICE_KINDS and e.start is not None and e.end is not None
    ]
    words = shared().original_words
    for lo, hi in windows:
        inside = [link for link in page.links if lo <= link.start <= hi and _may_be_original(link.href, base)]
        # "read the original article here": the link whose own words say "original" first.
        inside.sort(key=lambda link: (not words.search(page.text[link.start : link.end].lower()), link.start))
        if inside:
            href = inside[0].href
            target = resolve(href, base)
            return OriginalLink(href, target, "notice", url_language(target) if "://" in target else None)
    return None


def _may_be_original(href: str, base: str) -> bool:
    return not _NOT_ORIGINAL.search(href) and not _same_page(resolve(href, base), base)


def _same_page(target: str, base: str) -> bool:
    if not base:
        return False
    a, b = urlsplit(target), urlsplit(base)
    return (a.scheme, a.netloc.lower(), a.path or "/", a.query) == (b.scheme, b.netloc.lower(), b.path or "/", b.query)


def link_evidence(link: OriginalLink) -> Evidence | None:
    """Detection evidence for a head link that names the original (the notice link is evidence already)."""
    if link.via == "canonical":
        text = f'<link rel="canonical" href="{link.href}"> (a page in {link.language})'
        return Evidence("original_link", text, None, None, "meta", link.language, 0.2)
    if link.via == "alternate":
        text = f'<link rel="alternate" hreflang="{link.language}" href="{link.href}">'
        return Evidence("original_link", text, None, None, "meta", link.language, 0.1)
    return None
