"""Where the normalised text of a Document came from: text offsets as the input file's lines and columns.

Document.text is rebuilt (markup removed, paragraphs joined by a blank line), so its own line numbers are
not the file's. The map is a short list of anchors (text offset, file line, file column): between two
anchors the text runs along the file character by character, so an offset is its anchor's line and the
anchor's column plus the distance. Anchors come from finding the text's words, in order, in the file.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

Anchor = tuple[int, int, int]  # text offset, 1-based file line, 1-based file column (code points)

_WORD = re.compile(r"\w+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BODY = re.compile(r"<body\b", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
WINDOW = 4096  # how far past the last word the next one is looked for
FAR_SEARCHES = 256  # searches of the whole rest of the file (after skipped markup), per document


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


def build_source_map(text: str, raw: str, fmt: str = "text") -> tuple[Anchor, ...]:
    """Anchors mapping offsets of `text` to (line, column) in `raw`, the decoded input file."""
    if not text or not raw:
        return ()
    line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(raw)]

    def line_col(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(line_starts, offset) - 1
        return line + 1, offset - line_starts[line] + 1

    anchors: list[Anchor] = []
    cursor = _start(raw, fmt)
    far_left = FAR_SEARCHES
    text_end = 0  # end of the last word placed, in text
    for m in _WORD.finditer(text):
        at = _find_word(raw, m.group(0), cursor, far=False)
        if at < 0 and far_left > 0:
            far_left -= 1
            at = _find_word(raw, m.group(0), cursor, far=True)
        if at < 0:
            continue  # changed by normalisation (entities, NFC): the previous anchor still holds
        line, col = line_col(at)
        if anchors:
            a_text, a_line, a_col = anchors[-1]
            if a_line == line and a_col + (m.start() - a_text) == col:
                cursor, text_end = at + len(m.group(0)), m.end()
                continue  # the text runs along the file: no new anchor needed
        elif m.start() == 0:
            anchors.append((0, line, col))
            cursor, text_end = at + len(m.group(0)), m.end()
            continue
        # Punctuation right before the word (an opening quote or bracket) belongs to the same place.
        back = 0
        while (
            m.start() - back > text_end
            and at - back > cursor
            and text[m.start() - back - 1] == raw[at - back - 1]
            and raw[at - back - 1] not in "\r\n"
        ):
            back += 1
        if not anchors and m.start() - back > 0:
            anchors.append((0, line, max(1, col - m.start())))  # text before the first word: its line
        anchors.append((m.start() - back, line, col - back))
        cursor = at + len(m.group(0))
        text_end = m.end()
    return tuple(anchors)


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
