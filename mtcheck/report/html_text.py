"""Safe text for the HTML report: escaping, links, embedded JSON, word diffs, highlighted spans."""

from __future__ import annotations

import difflib
import html
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from mtcheck.results import severity_rank

# Shown beside every mean chrF: on professional error annotations the mean round-trip chrF ranked MT systems
# backwards (docs/quality.md, "System level: why the ranking is backwards").
CHRF_CAVEAT = (
    "Mean chrF says how much of the text survived the round trip. It does not rank translations or systems by "
    "quality: measured against professional error annotations, it ranked them backwards."
)
_TOKEN = re.compile(r"\w+(?:['’\-]\w+)*|[^\w\s]")
_UNSAFE_URL = re.compile(r"[\x00-\x20\x7f<>\"'`]")


def esc(value: object) -> str:
    """HTML-escape any value for text or a quoted attribute (None becomes empty)."""
    return "" if value is None else html.escape(str(value), quote=True)


def safe_href(url: str | None) -> str | None:
    """The URL escaped for an href, or None unless it is a plain absolute http(s) link."""
    if not url or _UNSAFE_URL.search(url.strip()):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return esc(url.strip())


def json_for_script(data: Any) -> str:
    """JSON safe to embed in <script type="application/json">: no '<', '>' or '&' survive literally."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, code)
    return text


def _marked(text: str, spans: Sequence[tuple[int, int]], changed: Sequence[bool], tag: str) -> str:
    """Escape text, wrapping each run of changed tokens (with the spaces inside it) in <tag>."""
    out: list[str] = []
    pos = 0
    open_tag = False
    for (start, end), is_changed in zip(spans, changed, strict=True):
        gap = esc(text[pos:start])
        if is_changed and not open_tag:
            out.append(f"{gap}<{tag}>")
            open_tag = True
        elif not is_changed and open_tag:
            out.append(f"</{tag}>{gap}")
            open_tag = False
        else:
            out.append(gap)
        out.append(esc(text[start:end]))
        pos = end
    if open_tag:
        out.append(f"</{tag}>")
    out.append(esc(text[pos:]))
    return "".join(out)


def word_diff(original: str, roundtrip: str) -> tuple[str, str, int]:
    """Both sides as escaped HTML with changed words in <del>/<ins>, and how many original words changed."""
    a = [(m.start(), m.end()) for m in _TOKEN.finditer(original)]
    b = [(m.start(), m.end()) for m in _TOKEN.finditer(roundtrip)]
    matcher = difflib.SequenceMatcher(
        None, [original[s:e] for s, e in a], [roundtrip[s:e] for s, e in b], autojunk=False
    )
    keep_a, keep_b = [False] * len(a), [False] * len(b)
    for block in matcher.get_matching_blocks():
        keep_a[block.a : block.a + block.size] = [True] * block.size
        keep_b[block.b : block.b + block.size] = [True] * block.size
    changed_a = [not k for k in keep_a]
    return (
        _marked(original, a, changed_a, "del"),
        _marked(roundtrip, b, [not k for k in keep_b], "ins"),
        sum(changed_a),
    )


@dataclass(frozen=True)
class Span:
    """A stretch of the article to highlight: a finding (with a severity) or detection evidence."""

    start: int
    end: int
    anchor: str  # id given to the place the span starts
    label: str
    severity: str | None = None  # None for evidence
    target: str | None = None  # fragment the highlight links to (a sentence row)


def _segment(text: str, active: list[Span]) -> str:
    findings = [s for s in active if s.severity]
    classes = ["hl"]
    if findings:
        worst = max(findings, key=lambda s: severity_rank(s.severity or "info"))
        classes.append(f"sev-{worst.severity}")
        if len(findings) > 1:
            classes.append("multi")
    if len(findings) < len(active):
        classes.append("ev")
    title = esc(" | ".join(s.label for s in active))
    target = next(
        (s.target for s in sorted(findings, key=lambda s: -severity_rank(s.severity or "info")) if s.target), None
    )
    if target:
        return f'<a class="{" ".join(classes)}" href="#{esc(target)}" title="{title}">{esc(text)}</a>'
    return f'<mark class="{" ".join(classes)}" title="{title}">{esc(text)}</mark>'


def finding_anchor(sentence: int | None, position: int) -> str:
    """The HTML id of a finding: by its sentence and its position there ("d" for document findings)."""
    return f"f-{sentence if sentence is not None else 'd'}-{position}"


def highlight(text: str, spans: Sequence[Span]) -> str:
    """The whole text escaped, with every span highlighted in place; overlaps split into segments."""
    size = len(text)
    clean = [s for s in spans if s.start is not None and s.end is not None and 0 <= s.start <= size]
    starts: dict[int, list[Span]] = {}
    ends: dict[int, list[Span]] = {}
    for span in clean:
        end = min(max(span.end, span.start), size)
        starts.setdefault(span.start, []).append(span)
        ends.setdefault(end, []).append(span)
    points = sorted({0, size, *starts, *ends})
    active: dict[int, Span] = {}
    out: list[str] = []
    for i, point in enumerate(points):
        for span in ends.get(point, ()):
            active.pop(id(span), None)
        for span in starts.get(point, ()):
            out.append(f'<span class="anchor" id="{esc(span.anchor)}"></span>')
            if min(span.end, size) > span.start:
                active[id(span)] = span
        if i + 1 < len(points):
            piece = text[point : points[i + 1]]
            out.append(_segment(piece, list(active.values())) if active else esc(piece))
    return "".join(out)
