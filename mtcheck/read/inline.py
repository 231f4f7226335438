"""Segment content with inline codes as text: each code becomes one private-use character."""

from __future__ import annotations

from typing import Any

from mtcheck.read.units import InlineCode, code_char

# element -> role; "paired" elements hold text and become an open and a close code.
ROLES = {
    # XLIFF 1.2
    "x": "standalone",
    "bx": "open",
    "ex": "close",
    "g": "paired",
    "ph": "standalone",
    "bpt": "open",
    "ept": "close",
    "it": "standalone",
    # XLIFF 2.x
    "pc": "paired",
    "sc": "open",
    "ec": "close",
    # TMX
    "ut": "standalone",
}
# Elements whose content is native code, not translatable text.
OPAQUE = {"ph", "bpt", "ept", "it", "ut"}
# Markers and annotations: their content is ordinary text; sm/em mark nothing themselves.
TRANSPARENT = {"mrk", "hi", "sm", "em", "sub"}


def local(tag: object) -> str:
    """An element's name without its namespace ('' for comments and processing instructions)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _code_id(el: Any, name: str) -> str:
    if name == "ec":
        return el.get("startRef") or el.get("id") or ""
    if name in ("bx", "ex"):
        return el.get("rid") or el.get("id") or ""
    if name in ("bpt", "ept"):
        return el.get("i") or el.get("rid") or el.get("id") or ""
    return el.get("id") or el.get("x") or el.get("i") or ""


def flatten(element: Any) -> tuple[str, tuple[InlineCode, ...]]:
    """The text of a source/target/seg element, inline codes as private-use characters, and the codes."""
    parts: list[str] = []
    codes: list[InlineCode] = []

    def add(code: InlineCode) -> None:
        parts.append(code_char(len(codes)))
        codes.append(code)

    def walk(el: Any) -> None:
        if el.text:
            parts.append(el.text)
        for child in el:
            name = local(child.tag)
            role = ROLES.get(name)
            if role == "paired":
                ident = _code_id(child, name)
                add(InlineCode(name, ident, "open", f"<{name}{ident}>"))
                walk(child)
                add(InlineCode(name, ident, "close", f"</{name}{ident}>"))
            elif role is not None:
                ident = _code_id(child, name)
                if name in ("sc", "bx", "bpt"):
                    label = f"<{name}{ident}>"
                elif name in ("ec", "ex", "ept"):
                    label = f"</{name}{ident}>"
                else:
                    label = f"<{name}{ident}/>"
                add(InlineCode(name, ident, role, label))
                if name not in OPAQUE and name not in ("x", "bx", "ex", "sc", "ec"):
                    walk(child)
            elif name in TRANSPARENT or name:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return "".join(parts), tuple(codes)
