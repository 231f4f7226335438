"""Where the normalised text of a Document came from: text offsets as the input file's lines and columns.

Document.text is rebuilt (markup removed, character references decoded, paragraphs joined by a blank
line), so its own line numbers are not the file's. The map is a short list of anchors (text offset, file
line, file column): between two anchors the text runs along the file character by character, so an offset
is its anchor's line and the anchor's column plus the distance. Anchors come from finding the text's
words, in order, in the file with its character references (`&amp;`, `&eacute;`, `&#233;`) decoded; every
reference inside the stretches found that way gets an anchor at its `&` and one just after its `;`, so a
column never lands inside one. Punctuation between two stretches (a quote between tags) is looked for
character by character outside the tags.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from html import unescape
from html.entities import html5

Anchor = tuple[int, int, int]  # text offset, 1-based file line, 1-based file column (code points)
Run = tuple[int, int, int]  # text offset, decoded file offset, length: there the text is the file

_WORD = re.compile(r"\w+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BODY = re.compile(r"<body\b", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_TAG = re.compile(r"<[A-Za-z/!?][^<>]*>")
_REFERENCE = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,7};?|([A-Za-z][A-Za-z0-9]{1,31})(;?))")
DECODED_FORMATS = ("html", "markdown")  # formats whose parsers decode character references
WINDOW = 4096  # how far past the last word the next one is looked for
FAR_SEARCHES = 256  # searches of the whole rest of the file (after skipped markup), per document


def _reference_end(m: re.Match[str]) -> int:
    """Where a character reference ends, or -1 when the match is none (as html.unescape reads them).

    A name without its ';' counts only for the legacy names (`&amp`, `&copy`), and only its longest
    such prefix: `&ampJerry` is `&` and `Jerry`.
    """
    name, semicolon = m.group(1), m.group(2)
    if name is None or f"{name}{semicolon}" in html5:
        return m.end()
    for length in range(len(name) - 1, 1, -1):
        if name[:length] in html5:
            return m.start() + 1 + length
    return -1


class _Decoded:
    """The raw file with its character references decoded, and the way back to raw offsets."""

    def __init__(self, raw: str, decode: bool) -> None:
        self.refs: list[tuple[int, int, int, int]] = []  # decoded start, decoded length, raw start, raw end
        self._starts: list[int] = []
        if not decode or "&" not in raw:
            self.text = raw
            return
        parts: list[str] = []
        done = 0  # raw offset copied up to
        shift = 0  # raw offset minus decoded offset at `done`
        for m in _REFERENCE.finditer(raw):
            end = _reference_end(m)
            if end < 0:
                continue  # not a reference: an unknown name
            value = unescape(raw[m.start() : end])
            parts.append(raw[done : m.start()])
            parts.append(value)
            self.refs.append((m.start() - shift, len(value), m.start(), end))
            shift += end - m.start() - len(value)
            done = end
        parts.append(raw[done:])
        self.text = "".join(parts)
        self._starts = [r[0] for r in self.refs]

    def raw_offset(self, offset: int) -> int:
        """The raw offset of a decoded one; a character decoded from a reference is at the reference's '&'."""
        if not self.refs:
            return offset
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return offset
        start, length, raw_start, raw_end = self.refs[i]
        return raw_start if offset < start + length else raw_end + offset - start - length

    def inside(self, start: int, end: int) -> list[tuple[int, int, int, int]]:
        """The references whose decoded characters begin in [start, end)."""
        if not self.refs:
            return []
        return self.refs[bisect.bisect_left(self._starts, start) : bisect.bisect_left(self._starts, end)]


def _start(raw: str, fmt: str) -> int:
    """Where the prose may begin: after an HTML head or Markdown front matter (their words come again later)."""
    if fmt == "html":
        m = _BODY.search(raw)
        return m.start() if m else 0
    if fmt == "markdown":
        m = _FRONT_MATTER.match(raw)
        return m.end() if m else 0
    return 0


def _find_word(raw: str, word: str, cursor: int, far: bool) -> int:
    """The next whole-word occurrence of word at or after cursor, or -1."""
    limit = len(raw) if far else min(len(raw), cursor + WINDOW)
    at = raw.find(word, cursor, limit)
    while at >= 0:
        before = raw[at - 1] if at > 0 else " "
        after = raw[at + len(word)] if at + len(word) < len(raw) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            return at
        at = raw.find(word, at + 1, limit)
    return -1


def _same(a: str, b: str) -> bool:
    """One character of the text and one of the decoded file: equal, or both spaces (a no-break space is one)."""
    return a == b or (a.isspace() and b.isspace())


def _gap(text: str, text_start: int, text_end: int, decoded: str, start: int, end: int, fmt: str) -> list[Run]:
    """The characters of a text gap between two runs, found one by one in the decoded file between them.

    A quote or bracket between two tags (`<em>(</em>which`) is found outside the tags; when a character
    is not found, none is placed (a wrong place is worse than the guess from the run before).
    """
    if end - start > WINDOW or not text[text_start:text_end].strip():
        return []
    tags = [m.span() for m in _TAG.finditer(decoded, start, end)] if fmt == "html" else []
    found: list[Run] = []
    at = start
    for offset in range(text_start, text_end):
        char = text[offset]
        if char.isspace():
            continue
        while at < end:
            if tags and tags[0][0] <= at:
                at = max(at, tags.pop(0)[1])
                continue
            if decoded[at] == char:
                break
            at += 1
        if at >= end:
            return []
        found.append((offset, at, 1))
        at += 1
    return found


def _runs(text: str, source: _Decoded, fmt: str) -> list[Run]:
    """(text offset, decoded offset, length) stretches where the text is the decoded file, in order."""
    decoded = source.text
    runs: list[Run] = []
    cursor = _start(decoded, fmt)
    far_left = FAR_SEARCHES
    text_end = 0  # end of the last word placed, in text
    for m in _WORD.finditer(text):
        at = _find_word(decoded, m.group(0), cursor, far=False)
        if at < 0 and far_left > 0:
            far_left -= 1
            at = _find_word(decoded, m.group(0), cursor, far=True)
        if at < 0:
            continue  # changed by normalisation (NFC, a dropped character): the previous anchor still holds
        # Punctuation and spaces right before the word (an opening quote, the gap since the last word) run along.
        back = 0
        while (
            m.start() - back > text_end
            and at - back > cursor
            and decoded[at - back - 1] not in "\r\n"
            and _same(text[m.start() - back - 1], decoded[at - back - 1])
        ):
            back += 1
        start, decoded_start, length = m.start() - back, at - back, len(m.group(0)) + back
        if runs and runs[-1][0] + runs[-1][2] == start and runs[-1][1] + runs[-1][2] == decoded_start:
            start, decoded_start, first_length = runs.pop()
            length += first_length
        elif runs:
            runs.extend(_gap(text, runs[-1][0] + runs[-1][2], start, decoded, cursor, decoded_start, fmt))
        runs.append((start, decoded_start, length))
        cursor = decoded_start + length
        text_end = m.end()
    return runs


def _compress(points: list[Anchor]) -> tuple[Anchor, ...]:
    """The anchors that say something: at most two per offset (where the text before ends, where it goes on)."""
    anchors: list[Anchor] = []
    for k, point in enumerate(points):
        if anchors and anchors[-1][0] == point[0]:
            if anchors[-1] == point:
                continue
            if len(anchors) > 1 and anchors[-2][0] == point[0]:
                anchors.pop()  # a third at one offset: the last says where the text goes on
        later = points[k + 1] if k + 1 < len(points) else None
        ends_here = later is not None and later[0] == point[0] and later != point
        if anchors and not ends_here:
            a_text, a_line, a_col = anchors[-1]
            if a_text < point[0] and a_line == point[1] and a_col + (point[0] - a_text) == point[2]:
                continue  # the text runs along the file: no new anchor needed
        anchors.append(point)
    return tuple(anchors)


def build_source_map(text: str, raw: str, fmt: str = "text") -> tuple[Anchor, ...]:
    """Anchors mapping offsets of `text` to (line, column) in `raw`, the decoded input file.

    Anchors go up in text offset; an offset may have two, the first where the text before it ends in the
    file, the second where the text from it begins (a quote before a closing tag, the next word after it).
    """
    if not text or not raw:
        return ()
    source = _Decoded(raw, fmt in DECODED_FORMATS)
    line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(raw)]
    points: list[Anchor] = []

    def add(text_offset: int, raw_offset: int) -> None:
        line = bisect.bisect_right(line_starts, raw_offset) - 1
        points.append((text_offset, line + 1, raw_offset - line_starts[line] + 1))

    for text_start, decoded_start, length in _runs(text, source, fmt):
        if not points and text_start > 0:
            # Text before the first word found: its line, as far back as the text goes.
            add(text_start, source.raw_offset(decoded_start))
            points[0] = (0, points[0][1], max(1, points[0][2] - text_start))
        add(text_start, source.raw_offset(decoded_start))
        for ref_start, ref_length, raw_start, raw_end in source.inside(decoded_start, decoded_start + length):
            at = text_start + ref_start - decoded_start
            add(at, raw_start)  # the decoded character(s) sit at the reference's '&'
            add(at + ref_length, raw_end)  # what follows starts after its ';'
        add(text_start + length, source.raw_offset(decoded_start + length))  # where the stretch ends
    return _compress(points)


class SourceLines:
    """(line, column) in the input file of an offset into Document.text, from the anchors of a source map."""

    def __init__(self, anchors: Sequence[Anchor]) -> None:
        self._anchors = list(anchors)
        self._offsets = [a[0] for a in self._anchors]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a text offset in the file; before the first anchor, the first one."""
        if not self._anchors:
            return 1, 1
        i = max(0, bisect.bisect_right(self._offsets, offset) - 1)
        text_offset, line, col = self._anchors[i]
        return line, max(1, col + max(0, offset - text_offset))

    def end(self, offset: int) -> tuple[int, int]:
        """(line, column) where the text before offset ends in the file: a span's end, the first anchor at it."""
        i = bisect.bisect_left(self._offsets, offset)
        if i < len(self._anchors) and self._offsets[i] == offset:
            return self._anchors[i][1], self._anchors[i][2]
        return self.position(offset)
