"""Reading inputs into Documents: normalised text with stable character offsets."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Link:
    start: int  # span of the link text in Document.text
    end: int
    href: str


@dataclass(frozen=True)
class Document:
    """One input article. Every offset in mtcheck indexes into `text`."""

    path: str  # as given by the user; "-" for stdin
    name: str  # base name for output files (no extension)
    text: str  # normalised visible prose (markup, scripts, code blocks removed)
    format: str = "text"  # text | markdown | html
    raw: str = ""  # the decoded input as it was, for detectors that read comments and metadata
    paragraphs: tuple[tuple[int, int], ...] = ()  # (start, end) of each paragraph in text
    metadata: Mapping[str, str] = field(default_factory=dict)  # <meta>, <title>, front matter
    comments: tuple[str, ...] = ()  # HTML comments (hidden disclaimers live there)
    links: tuple[Link, ...] = ()
    encoding: str = "utf-8"
