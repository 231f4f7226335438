"""Reading inputs into Documents: normalised text with stable character offsets."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mtcheck import config
from mtcheck.errors import InputError
from mtcheck.read.html import parse_html
from mtcheck.read.inputs import STDIN, decode, one_line, read_bytes, sanitize_name
from mtcheck.read.markdown import parse_markdown
from mtcheck.read.text_builder import PARAGRAPH_SEPARATOR, Link, Parsed, TextBuilder, clean_text

# The builder and the format parsers live in their own modules; callers import them from here.
__all__ = [
    "FORMATS",
    "PARAGRAPH_SEPARATOR",
    "Document",
    "Link",
    "Parsed",
    "TextBuilder",
    "clean_text",
    "parse_html",
    "parse_markdown",
    "parse_text",
    "read_document",
    "sniff_format",
]


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
    # HTML: boilerplate a reader sees but `text` leaves out (a banner, a footer), as ("top"|"bottom", text)
    outside: tuple[tuple[str, str], ...] = ()
    # (text offset, line, column) anchors into the input file (see read.source_map): the file's own lines.
    source_map: tuple[tuple[int, int, int], ...] = field(default=(), repr=False, compare=False)


FORMATS = ("text", "markdown", "html")
_EXTENSIONS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


def _looks_hard_wrapped(lines: list[str]) -> bool:
    joins = list(zip(lines, lines[1:], strict=False))
    if not joins:
        return False
    wrapped = sum(1 for _, nxt in joins if nxt[:1].islower())
    return wrapped > len(joins) / 2


def parse_text(text: str) -> Parsed:
    """Plain text: paragraphs by blank lines, or one per line when a file has no blank lines."""
    text = clean_text(text)
    lines = [line.strip() for line in text.split("\n")]
    builder = TextBuilder()
    if not _BLANK_LINES.search(text.strip()) and not _looks_hard_wrapped([x for x in lines if x]):
        blocks = [[line] for line in lines if line]
    else:
        blocks = [[x.strip() for x in block.split("\n")] for block in _BLANK_LINES.split(text.strip())]
    for block in blocks:
        builder.add("\n".join(x for x in block if x), collapse=False)
        builder.end_paragraph()
    joined, spans, _ = builder.build()
    return Parsed(joined, spans)


def sniff_format(text: str) -> str:
    """Guess text, markdown or html from content (for stdin and unknown extensions)."""
    head = text[:4096].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or re.search(r"<(body|p|div|article|h1|h2)[\s>]", head):
        return "html"
    signals = (
        r"^---\n",
        r"^#{1,6} \S",
        r"^```",
        r"^~~~",
        r"\[[^\]\n]+\]\([^)\s]+\)",
        r"^\s*[-*+] \S",
        r"^\s*\d+\. \S",
        r"^> ",
        r"\*\*[^*\n]+\*\*",
        r"^\|.*\|$",
    )
    hits = sum(1 for pattern in signals if re.search(pattern, text[:20000], re.MULTILINE))
    return "markdown" if hits >= 2 or re.match(r"(---\n|#{1,6} \S)", text.lstrip(" \t\n")) else "text"


def _parse(text: str, fmt: str) -> Parsed:
    if fmt == "html":
        return parse_html(text)
    if fmt == "markdown":
        return parse_markdown(text)
    return parse_text(text)


def read_document(
    path: str | Path,
    *,
    data: bytes | None = None,
    name: str | None = None,
    format: str | None = None,
    source_map: bool = True,
) -> Document:
    """Read, decode and normalise one input ("-" is stdin; `data` supplies the bytes directly).

    source_map=False leaves Document.source_map empty (it maps text offsets to the file's lines for
    reports; detection alone never reads it, and it costs as much as the parse on a long page).
    """
    label = one_line(str(path))
    if format is not None and format not in FORMATS:
        raise InputError(f"{label}: unknown format {format!r} (expected one of {', '.join(FORMATS)})")
    if data is None:
        data = read_bytes(path)
    elif len(data) > config.MAX_DOCUMENT_BYTES:
        raise InputError(f"{label}: larger than the {config.MAX_DOCUMENT_BYTES // 2**20} MB limit")
    if not data.strip():
        raise InputError(f"{label}: empty document")
    raw, encoding = decode(data, label)
    if not raw.strip():
        raise InputError(f"{label}: empty document")
    is_stdin = str(path) == STDIN
    fmt = format or (None if is_stdin else _EXTENSIONS.get(Path(path).suffix.lower())) or sniff_format(raw)
    try:
        parsed = _parse(raw, fmt)
    except (ValueError, RecursionError) as exc:
        raise InputError(f"{label}: cannot parse as {fmt} ({one_line(str(exc))[:200]})") from None
    if not parsed.text.strip():
        raise InputError(f"{label}: no readable text in this {fmt} document")
    if name is None:
        name = "stdin" if is_stdin else Path(path).stem
    spans: tuple[tuple[int, int, int], ...] = ()
    if source_map:  # imported here: detection reads no source map (`mtcheck detect` does not import it)
        from mtcheck.read.source_map import build_source_map

        spans = build_source_map(parsed.text, raw, fmt)
    return Document(
        path=str(path),
        name=sanitize_name(name),
        text=parsed.text,
        format=fmt,
        raw=raw,
        paragraphs=parsed.paragraphs,
        metadata=dict(parsed.metadata),
        comments=parsed.comments,
        links=parsed.links,
        encoding=encoding,
        outside=parsed.outside,
        source_map=spans,
    )
