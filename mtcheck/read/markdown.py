"""Markdown extraction: prose without markup or code blocks; front matter becomes metadata."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from mtcheck.read.html import add_fragment, comments_in
from mtcheck.read.text_builder import Parsed, TextBuilder, clean_text

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


@cache
def _parser() -> Any:
    """One parser for every document (building it costs more than parsing a short page; parse() keeps no state)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def parse_markdown(text: str) -> Parsed:
    """Markdown: prose without markup or code blocks; front matter becomes metadata."""
    metadata, body = _front_matter(clean_text(text))
    parser = _parser()
    builder, comments = TextBuilder(), list[str]()
    for token in parser.parse(body):
        if token.type == "html_block":
            builder.end_paragraph()
            add_fragment(token.content, builder, comments)
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
                    comments.extend(comments_in(child.content))
            builder.end_paragraph()
    joined, spans, links = builder.build()
    return Parsed(joined, spans, links, metadata, tuple(comments))
