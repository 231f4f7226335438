"""HTML extraction: an article's visible prose, its links, comments and metadata."""

from __future__ import annotations

import re

from mtcheck.read.text_builder import Parsed, TextBuilder, clean_text

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
_DISPLAY_NONE = re.compile(r"display\s*:\s*none")


def _hidden_style(el) -> bool:  # type: ignore[no-untyped-def]
    style = el.get("style")  # most elements have none: no regex call for them
    return bool(style and _DISPLAY_NONE.search(style))


def _is_boilerplate(el) -> bool:  # type: ignore[no-untyped-def]
    tag = el.tag.lower()
    if tag in _DROP_TAGS or el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    if _hidden_style(el):
        return True
    if (el.get("role") or "").lower() in _BOILERPLATE_ROLES:
        return True
    if tag in ("header", "footer") and not el.xpath("ancestor::article"):
        return tag == "footer" or not el.xpath(".//h1")
    return bool(_BOILERPLATE_NAMES.search(f"{el.get('class', '')} {el.get('id', '')}"))


# Boilerplate a reader still sees on the page (a banner, a footer, a sidebar): its text is kept aside for
# detection, because translation notices live there. Scripts, styles and hidden elements are not seen.
_UNSEEN_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "meta",
        "link",
        "svg",
        "canvas",
        "iframe",
        "object",
        "embed",
        "audio",
        "video",
        "map",
        "math",
        "input",
        "select",
        "textarea",
    }
)


def _unseen(el) -> bool:  # type: ignore[no-untyped-def]
    return (
        el.tag.lower() in _UNSEEN_TAGS
        or el.get("hidden") is not None
        or el.get("aria-hidden") == "true"
        or _hidden_style(el)
    )


def _strip_boilerplate(root, seen: list | None = None) -> None:  # type: ignore[no-untyped-def]
    """Drop boilerplate from root; with `seen`, collect the dropped elements a reader sees (outermost only)."""
    for el in list(root.iter()):
        if isinstance(el.tag, str) and el.getparent() is not None and _is_boilerplate(el):
            if seen is not None and not _unseen(el) and not any(_unseen(a) for a in el.iterancestors()):
                seen.append(el)
            el.drop_tree()


def _seen_text(elements: list, main: list, order: dict) -> tuple[tuple[str, str], ...]:  # type: ignore[type-arg]
    """(position, text) of each dropped element a reader sees: `top` before the main content, `bottom` after
    (by document order, taken before anything was dropped)."""
    first = min((order.get(b, 0) for b in main), default=0)
    out: list[tuple[str, str]] = []
    for el in elements:
        for hidden in [e for e in el.iter() if isinstance(e.tag, str) and e is not el and _unseen(e)]:
            if hidden.getparent() is not None:
                hidden.drop_tree()
        builder = TextBuilder()
        _walk(el, builder)
        builder.end_paragraph()
        text = builder.build()[0].strip()
        if text:
            out.append(("top" if order.get(el, 0) < first else "bottom", text))
    return tuple(out)


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


def walk_block(el, builder: TextBuilder) -> None:  # type: ignore[no-untyped-def]
    """Add an element's text to builder as the walker of parse_html reads it (no boilerplate removed)."""
    _walk(el, builder)
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
    dropped: list = []  # type: ignore[type-arg]
    order = {el: i for i, el in enumerate(tree.iter())}
    _strip_boilerplate(tree, dropped)
    builder = TextBuilder()
    blocks = _article_blocks(tree)
    for block in blocks:
        _walk(block, builder)
        builder.end_paragraph()
    joined, spans, links = builder.build()
    return Parsed(joined, spans, links, metadata, comments, _seen_text(dropped, blocks, order))


def comments_in(html: str) -> list[str]:
    """The non-empty HTML comments in a piece of markup, whitespace collapsed."""
    return [c for c in (" ".join(m.split()) for m in _COMMENT.findall(html)) if c]


def add_fragment(html: str, builder: TextBuilder, comments: list[str]) -> None:
    """Add the prose of an HTML fragment (embedded in another format) to builder; collect its comments."""
    import lxml.etree
    import lxml.html

    comments.extend(comments_in(html))
    html = _COMMENT.sub("", html)
    if not html.strip():
        return
    try:
        fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    except lxml.etree.LxmlError:
        return
    _strip_boilerplate(fragment)
    _walk(fragment, builder)
