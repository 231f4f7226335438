"""Reading inputs into Documents: normalised text with stable character offsets."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mtcheck import config
from mtcheck.errors import InputError
from mtcheck.inputs import STDIN, decode, one_line, read_bytes, sanitize_name


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


FORMATS = ("text", "markdown", "html")
_EXTENSIONS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
PARAGRAPH_SEPARATOR = "\n\n"

# Spaces that look like spaces become spaces; invisible format characters disappear.
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff\x00-\x08\x0e-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


def clean_text(text: str) -> str:
    """NFC, Unix line ends, plain spaces for exotic ones, no invisible characters."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE.sub("", _SPACES.sub(" ", text))


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
            text = re.sub(r"\s+", " ", text)
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


# --- HTML -----------------------------------------------------------------------------------------

# fmt: off
_DROP_TAGS = frozenset({
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select", "textarea",
    "input", "iframe", "svg", "canvas", "object", "embed", "head", "title", "meta", "link", "audio",
    "video", "map", "dialog", "math"
})
_BLOCK_TAGS = frozenset({
    "html", "body", "p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3",
    "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "figure", "figcaption", "table",
    "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "pre", "address", "details", "summary",
    "hr", "center", "fieldset", "legend"
})
_BOILERPLATE_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"
})
# fmt: on
_BOILERPLATE_NAMES = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|cookies?|share|sharing|social|sidebar|"
    r"related|newsletter|comments|advert|advertisement|ads|promo|subscribe|paywall|skip-link)(?:$|[\s_-])",
    re.IGNORECASE,
)
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)


def _is_boilerplate(el) -> bool:  # type: ignore[no-untyped-def]
    tag = el.tag.lower()
    if tag in _DROP_TAGS or el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    if re.search(r"display\s*:\s*none", el.get("style", "")):
        return True
    if (el.get("role") or "").lower() in _BOILERPLATE_ROLES:
        return True
    if tag in ("header", "footer") and not el.xpath("ancestor::article"):
        return tag == "footer" or not el.xpath(".//h1")
    return bool(_BOILERPLATE_NAMES.search(f"{el.get('class', '')} {el.get('id', '')}"))


def _strip_boilerplate(root) -> None:  # type: ignore[no-untyped-def]
    for el in list(root.iter()):
        if isinstance(el.tag, str) and el.getparent() is not None and _is_boilerplate(el):
            el.drop_tree()


def _walk(el, builder: TextBuilder) -> None:  # type: ignore[no-untyped-def]
    tag = el.tag.lower()
    if tag == "br":
        builder.line_break()
        return
    block = tag in _BLOCK_TAGS
    if block:
        builder.end_paragraph()
    if tag == "pre":
        if not el.xpath(".//code"):  # a <pre> holding <code> is a code listing, not prose
            builder.add(el.text_content(), collapse=False)
        builder.end_paragraph()
        return
    href = (el.get("href") or "").strip() if tag == "a" else ""
    if href:
        builder.open_link(href)
    if el.text:
        builder.add(el.text)
    for child in el:
        if isinstance(child.tag, str):
            _walk(child, builder)
        if child.tail:
            builder.add(child.tail)
    if href:
        builder.close_link()
    if block:
        builder.end_paragraph()


def _html_metadata(tree) -> dict[str, str]:  # type: ignore[no-untyped-def]
    metadata: dict[str, str] = {}
    lang = tree.get("lang") or tree.get("xml:lang")
    if lang:
        metadata["lang"] = lang.strip()
    title = tree.find(".//title")
    if title is not None and title.text_content().strip():
        metadata["title"] = " ".join(clean_text(title.text_content()).split())
    for meta in tree.iter("meta"):
        key = meta.get("name") or meta.get("property") or meta.get("http-equiv")
        content = meta.get("content")
        if key and content is not None and key.strip().lower() not in metadata:
            metadata[key.strip().lower()] = " ".join(clean_text(content).split())
    return metadata


def _article_blocks(tree) -> list:  # type: ignore[no-untyped-def]
    """The main content element, with short notes right before or after an <article>."""
    articles = tree.xpath("//article")
    if not articles:
        mains = tree.xpath("//main | //*[@role='main']")
        body = tree.find("body")
        return [mains[0] if mains else (body if body is not None else tree)]
    article = max(articles, key=lambda e: len(e.text_content()))
    before = [e for e in article.itersiblings(preceding=True) if isinstance(e.tag, str)][:2]
    after = [e for e in article.itersiblings() if isinstance(e.tag, str)][:2]
    near = [*reversed(before), article, *after]
    return [e for e in near if e is article or len(e.text_content().strip()) <= 500]


def parse_html(text: str) -> Parsed:
    """An HTML page: the article's visible prose, its links, comments and metadata."""
    import lxml.etree
    import lxml.html

    text = re.sub(r"\A\s*<\?xml[^>]*\?>", "", text)
    try:
        tree = lxml.html.document_fromstring(text)
    except lxml.etree.ParserError:  # nothing but a comment or a declaration
        return Parsed("", ())
    except lxml.etree.LxmlError as exc:
        raise ValueError(str(exc)) from None
    comments = tuple(
        c for c in (" ".join(clean_text(e.text or "").split()) for e in tree.iter(lxml.etree.Comment)) if c
    )
    metadata = _html_metadata(tree)
    _strip_boilerplate(tree)
    builder = TextBuilder()
    for block in _article_blocks(tree):
        _walk(block, builder)
        builder.end_paragraph()
    joined, spans, links = builder.build()
    return Parsed(joined, spans, links, metadata, comments)


# --- Markdown -------------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    metadata: dict[str, str] = {}
    for line in match.group(1).split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip() and not line[:1].isspace() and not key.startswith(("#", "-")):
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            if value:
                metadata[key.strip().lower()] = value
    return metadata, text[match.end() :]


def _html_fragment(html: str, builder: TextBuilder, comments: list[str]) -> None:
    import lxml.etree
    import lxml.html

    comments.extend(c for c in (" ".join(m.split()) for m in _COMMENT.findall(html)) if c)
    html = _COMMENT.sub("", html)
    if not html.strip():
        return
    try:
        fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    except lxml.etree.LxmlError:
        return
    _strip_boilerplate(fragment)
    _walk(fragment, builder)


def parse_markdown(text: str) -> Parsed:
    """Markdown: prose without markup or code blocks; front matter becomes metadata."""
    from markdown_it import MarkdownIt

    metadata, body = _front_matter(clean_text(text))
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    builder, comments = TextBuilder(), list[str]()
    for token in parser.parse(body):
        if token.type == "html_block":
            builder.end_paragraph()
            _html_fragment(token.content, builder, comments)
            builder.end_paragraph()
        elif token.type == "inline":
            for child in token.children or ():
                if child.type in ("text", "text_special", "code_inline"):
                    builder.add(child.content)
                elif child.type == "softbreak":
                    builder.add(" ")
                elif child.type == "hardbreak":
                    builder.line_break()
                elif child.type == "link_open":
                    builder.open_link(str(child.attrs.get("href", "")))
                elif child.type == "link_close":
                    builder.close_link()
                elif child.type == "html_inline":
                    comments.extend(" ".join(m.split()) for m in _COMMENT.findall(child.content))
            builder.end_paragraph()
    joined, spans, links = builder.build()
    return Parsed(joined, spans, links, metadata, tuple(c for c in comments if c))


def _parse(text: str, fmt: str) -> Parsed:
    if fmt == "html":
        return parse_html(text)
    if fmt == "markdown":
        return parse_markdown(text)
    return parse_text(text)


def read_document(
    path: str | Path, *, data: bytes | None = None, name: str | None = None, format: str | None = None
) -> Document:
    """Read, decode and normalise one input ("-" is stdin; `data` supplies the bytes directly)."""
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
    )
