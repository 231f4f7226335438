"""What a disclaimer tells: the engine, the original's language and the original's URL."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import parse_qs, urlparse

from mtcheck.detect import scan
from mtcheck.detect.deferred import deferred
from mtcheck.detect.patterns import shared

_URL_IN_TEXT = deferred(
    r"\]\((?P<md>[^()\s]+(?:\([^()\s]*\))?[^()\s]*)\)"
    r"|href=[\"'](?P<href>[^\"'\s>]+)"
    r"|<(?P<angle>https?://[^>\s]+)>"
    r"|(?P<bare>https?://[^\s<>\"'\])]+)"
)
# URLs that point at a translation service or back into the page, never at an original.
_NOT_ORIGINAL = deferred(
    r"^(?:#|mailto:|javascript:|tel:)|deepl\.com|translate\.google|translate\.goog|bing\.com/translator"
    r"|papago\.naver|fanyi\.|translate\.yandex|openai\.com|chatgpt\.com",
    re.IGNORECASE,
)
_LANG_SEGMENT = deferred(r"^(?:[a-z]{2}|zh-(?:hans|hant|cn|tw|hk)|pt-br|[a-z]{2}-[a-z]{2})$", re.IGNORECASE)
_LANG_PARAMS = ("sl", "source", "from", "lang", "hl", "locale", "language")
_TLD_LANGUAGE = {
    "de": "de", "at": "de", "fr": "fr", "es": "es", "it": "it", "br": "pt", "pt": "pt", "nl": "nl",
    "pl": "pl", "cz": "cs", "sk": "sk", "se": "sv", "dk": "da", "no": "nb", "fi": "fi", "gr": "el",
    "hu": "hu", "ro": "ro", "bg": "bg", "hr": "hr", "ru": "ru", "ua": "uk", "tr": "tr", "jp": "ja",
    "kr": "ko", "cn": "zh", "tw": "zh-Hant", "vn": "vi", "th": "th", "id": "id", "il": "he", "ir": "fa",
}  # fmt: skip
_KNOWN = {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "sv", "da", "nb", "no", "fi", "el",
          "hu", "ro", "bg", "hr", "ru", "uk", "tr", "ar", "he", "fa", "hi", "zh", "ja", "ko", "id", "vi",
          "th", "ca", "bn", "ms"}  # fmt: skip


def engine_in(view_text: str) -> str | None:
    """The first engine named in a piece of view text (specific names before "AI")."""
    found: list[tuple[int, int, str]] = []
    for rank, (name, pattern) in enumerate(shared().engines):
        m = pattern.search(view_text)
        if m:
            found.append((rank, m.start(), name))
    if not found:
        return None
    specific = [f for f in found if f[2] not in ("AI",)]
    chosen = min(specific or found, key=lambda f: (f[0], f[1]))
    return chosen[2]


def language_names(view_text: str) -> list[tuple[int, str]]:
    """(offset, code) of each language name in the view text, in order."""
    table = dict(shared().language_names)
    out: list[tuple[int, str]] = []
    for m in shared().language_regex.finditer(view_text):
        stem = m.group(0)
        # Alphabetic names must start a word ("german", not "germane" inside "ingerman").
        alphabetic = stem[0].isascii() or "\u0370" <= stem[0] <= "\u04ff"
        if alphabetic and m.start() > 0 and view_text[m.start() - 1].isalpha():
            continue
        out.append((m.start(), table[stem]))
    return out


def stated_source_language(view_text: str, target: str | None) -> str | None:
    """The first language named that is not the document's own."""
    base = (target or "").split("-")[0]
    for _, code in language_names(view_text):
        if code.split("-")[0] != base and code != "und":  # "und": a placeholder, "{lang}"
            return code
    return None


def url_language(url: str) -> str | None:
    """A language a URL states: ?sl=de, a /ja/ path segment, a de. subdomain or a country domain."""
    try:
        parsed = urlparse(url)
    except ValueError:
        return None
    for key, values in parse_qs(parsed.query).items():
        if key.lower() in _LANG_PARAMS and values and values[0].lower()[:2] in _KNOWN:
            return _normal(values[0])
    for segment in parsed.path.split("/")[:3]:
        if _LANG_SEGMENT.match(segment) and segment.lower()[:2] in _KNOWN:
            return _normal(segment)
    host = (parsed.hostname or "").lower()
    labels = host.split(".")
    if len(labels) > 2 and labels[0] in _KNOWN and labels[0] not in ("www", "id"):
        return _normal(labels[0])
    if labels and labels[-1] in _TLD_LANGUAGE:
        return _TLD_LANGUAGE[labels[-1]]
    return None


def _normal(code: str) -> str:
    code = code.lower().replace("_", "-")
    if code in ("zh-tw", "zh-hant", "zh-hk"):
        return "zh-Hant"
    return code.split("-")[0]


def urls_in(text: str) -> list[tuple[int, str]]:
    """(offset, url) of the links written into a text (Markdown, HTML, angle brackets, bare)."""
    out = []
    for m in scan.finditer(_URL_IN_TEXT, text):  # finditer's matches; on a long text only near "http", "](", ...
        url = next(g for g in m.groups() if g)
        out.append((m.start(), url.rstrip(".,;:")))
    return out


def original_url(candidates: Iterable[tuple[int, str]], windows: Sequence[tuple[int, int]]) -> str | None:
    """The first usable link inside one of the windows (source offsets), in window order."""
    links = sorted(candidates)
    for lo, hi in windows:
        for offset, url in links:
            if lo <= offset <= hi and not _NOT_ORIGINAL.search(url) and "://" in url:
                return url
    return None
