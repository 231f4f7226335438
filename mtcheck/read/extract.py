"""A web page's main text, found by trafilatura, with paragraph and link offsets; and the whole page's text,
which detection reads because notices often sit in banners and footers outside the main text."""

from __future__ import annotations

import functools
import logging
import re

from mtcheck.read.html import parse_html
from mtcheck.read.text_builder import Parsed, TextBuilder

log = logging.getLogger("mtcheck")

# Elements of trafilatura's XML output that are paragraphs of their own; the rest is inline.
_BLOCKS = frozenset({"head", "p", "item", "quote", "row", "code", "list", "table", "main", "doc"})
# Elements of a whole page that carry no visible text.
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "canvas", "head", "iframe", "object")
# trafilatura gives up on less than this much text; a short notice-and-article page is still an article.
_MIN_EXTRACTED = 25


def main_text(html: str, url: str | None = None) -> Parsed | None:
    """The article's main text as trafilatura finds it (None when it finds none), with links kept."""
    import trafilatura

    try:
        xml = trafilatura.extract(
            html,
            url=url,
            output_format="xml",
            include_links=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            favor_recall=True,
            deduplicate=False,
            with_metadata=False,
            config=_config(),
        )
    except Exception as exc:  # a bug in the extractor on an odd page must not lose the page
        log.info("trafilatura failed (%s: %s); using the built-in extraction", type(exc).__name__, exc)
        return None
    if not xml:
        return None
    parsed = _from_xml(xml)
    return parsed if len(parsed.text) >= _MIN_EXTRACTED else None


@functools.cache
def _config():  # type: ignore[no-untyped-def]
    from trafilatura.settings import use_config

    settings = use_config()
    settings.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(_MIN_EXTRACTED))
    settings.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    return settings


def _from_xml(xml: str) -> Parsed:
    import lxml.etree

    root = lxml.etree.fromstring(xml.encode("utf-8"), parser=lxml.etree.XMLParser(recover=True))
    builder = TextBuilder()
    main = root.find("main")
    _walk(main if main is not None else root, builder)
    text, spans, links = builder.build()
    return Parsed(text, spans, links)


def _walk(el, builder: TextBuilder) -> None:  # type: ignore[no-untyped-def]
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "lb":
        builder.line_break()
        return
    if tag in ("comments", "graphic"):
        return
    block = tag in _BLOCKS
    if block:
        builder.end_paragraph()
    href = (el.get("target") or "").strip() if tag == "ref" else ""
    if href:
        builder.open_link(href)
    if el.text:
        builder.add(el.text)
    for child in el:
        _walk(child, builder)
        if child.tail:
            builder.add(child.tail)
    if href:
        builder.close_link()
    if tag == "cell":
        builder.add(" ")
    if block:
        builder.end_paragraph()


def whole_page(html: str) -> Parsed:
    """Every visible text of the page, navigation, banners and footers included, with its links."""
    import lxml.etree
    import lxml.html

    from mtcheck.read.html import walk_block

    html = re.sub(r"\A\s*<\?xml[^>]*\?>", "", html)
    try:
        tree = lxml.html.document_fromstring(html)
    except lxml.etree.LxmlError:
        return Parsed("", ())
    for el in list(tree.iter(*_INVISIBLE)):
        if el.getparent() is not None:
            el.drop_tree()
    builder = TextBuilder()
    body = tree.find("body")
    walk_block(body if body is not None else tree, builder)
    text, spans, links = builder.build()
    return Parsed(text, spans, links)


def article(html: str, url: str | None = None) -> tuple[Parsed, bool]:
    """The page's main text with the metadata and comments of the whole page; True when trafilatura found it."""
    built_in = parse_html(html)
    found = main_text(html, url)
    if found is None:
        return built_in, False
    return Parsed(found.text, found.paragraphs, found.links, built_in.metadata, built_in.comments), True
