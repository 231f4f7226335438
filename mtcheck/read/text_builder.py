"""Normalised text with paragraph and link offsets, shared by every format parser."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

PARAGRAPH_SEPARATOR = "\n\n"

# Spaces that look like spaces become spaces; invisible format characters disappear.
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Link:
    """A hyperlink: the span of its text in Document.text and where it points."""

    start: int  # span of the link text in Document.text
    end: int
    href: str


def clean_text(text: str) -> str:
    """NFC, Unix line ends, plain spaces for exotic ones, no invisible characters."""
    if text.isascii() and text.isprintable():  # nothing to change: NFC keeps ASCII, no line end, space or control
        return text
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE.sub("", _SPACES.sub(" ", text))


def collapse_spaces(text: str) -> str:
    """`re.sub(r"\\s+", " ", text)`, quicker: str.split() splits at the very characters `\\s` matches
    (str.isspace()), so only the text's ends need looking at."""
    body = " ".join(text.split())
    if not body:
        return " " if text else ""
    if text[0].isspace():
        body = " " + body
    if text[-1].isspace():
        body += " "
    return body


class TextBuilder:
    """Accumulates paragraphs and link spans, then produces text, paragraph offsets and links."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.links: list[tuple[int, int, int, str]] = []  # paragraph index, start, end, href
        self._parts: list[str] = []
        self._length = 0
        self._space = False
        self._open_links: list[tuple[int, str]] = []
        self._pending_links: list[tuple[int, int, str]] = []

    def add(self, text: str, *, collapse: bool = True) -> None:
        """Append inline text; whitespace runs collapse to one space unless collapse is False."""
        text = clean_text(text)
        if collapse:
            text = collapse_spaces(text)
        if not text:
            return
        if text[0].isspace():
            self._space = True
            text = text.lstrip()
        if not text:
            return
        if self._space and self._length and not self._parts[-1].endswith(("\n", " ")):
            self._append(" ")
        self._space = text[-1].isspace() and collapse
        self._append(text.rstrip() if collapse else text)

    def line_break(self) -> None:
        """A hard line break inside the paragraph."""
        if self._length:
            self._append("\n")
        self._space = False

    def open_link(self, href: str) -> None:
        """Text added from now until close_link() is the text of a link to href."""
        self._open_links.append((self._length, href))

    def close_link(self) -> None:
        """End the innermost open link."""
        if self._open_links:
            start, href = self._open_links.pop()
            self._pending_links.append((start, self._length, href))

    def _append(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)

    def end_paragraph(self) -> None:
        """Close the current paragraph (nothing happens when it is empty)."""
        raw = "".join(self._parts)
        paragraph = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        self._open_links = [(0, href) for _, href in self._open_links]
        if paragraph:
            index = len(self.paragraphs)
            self.paragraphs.append(paragraph)
            for start, end, href in self._pending_links:
                start, end = max(start - lead, 0), min(end - lead, len(paragraph))
                while start < end and paragraph[start].isspace():
                    start += 1
                while end > start and paragraph[end - 1].isspace():
                    end -= 1
                if start < end and href:
                    self.links.append((index, start, end, href))
        self._parts, self._length, self._space, self._pending_links = [], 0, False, []

    def build(self) -> tuple[str, tuple[tuple[int, int], ...], tuple[Link, ...]]:
        """The joined text (paragraphs separated by a blank line), paragraph spans and links."""
        self.end_paragraph()
        spans, offset = [], 0
        for paragraph in self.paragraphs:
            spans.append((offset, offset + len(paragraph)))
            offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
        links = tuple(Link(spans[i][0] + s, spans[i][0] + e, href) for i, s, e, href in self.links)
        return PARAGRAPH_SEPARATOR.join(self.paragraphs), tuple(spans), links


@dataclass(frozen=True)
class Parsed:
    """What a format parser extracts from decoded input."""

    text: str
    paragraphs: tuple[tuple[int, int], ...]
    links: tuple[Link, ...] = ()
    metadata: Mapping[str, str] = field(default_factory=dict)
    comments: tuple[str, ...] = ()
    # HTML: what a reader sees outside the extracted text (banners, footers), as (position, text)
    outside: tuple[tuple[str, str], ...] = ()
