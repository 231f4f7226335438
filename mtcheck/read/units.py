"""Bilingual files (XLIFF, TMX, TSV/CSV) as segments: source beside target, with ids and file lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mtcheck.errors import InputError

# Suffix -> reader module; every reader has read(data, path) -> BilingualFile.
READERS: dict[str, str] = {
    ".xlf": "mtcheck.read.xliff",
    ".xliff": "mtcheck.read.xliff",
    ".sdlxliff": "mtcheck.read.xliff",
    ".mqxliff": "mtcheck.read.xliff",
    ".tmx": "mtcheck.read.tmx",
    ".tsv": "mtcheck.read.table",
    ".csv": "mtcheck.read.table",
}
SUFFIXES = tuple(READERS)
# An inline code stands in segment text as one private-use character: CODE_BASE + its index.
CODE_BASE = 0xE000
CODE_LIMIT = 0x1800


@dataclass(frozen=True)
class InlineCode:
    """A tag or placeholder inside segment text (XLIFF <x/> <g> <ph> <pc> <sc/> <ec/>, TMX <bpt> ...)."""

    element: str  # the element name: x, g, ph, pc, sc, ec, bx, ex, bpt, ept, it
    id: str  # its id (for ec/ex/ept: the id of the code it closes)
    role: str  # "open", "close" or "standalone"
    label: str  # how it is shown: <g1>, </g1>, <x2/>

    @property
    def key(self) -> tuple[str, str, str]:
        """What must match between source and target."""
        return self.element, self.id, self.role


@dataclass(frozen=True)
class Segment:
    """One translatable segment: a trans-unit / segment / tu / table row."""

    id: str  # unique in the file: the unit id, plus "/segment id" for units of several segments
    unit_id: str
    source: str  # plain text; inline codes are private-use characters (see code_char)
    target: str | None  # None when the file has no target for it
    source_codes: tuple[InlineCode, ...] = ()
    target_codes: tuple[InlineCode, ...] = ()
    line: int | None = None  # 1-based line of the unit (or row) in the file
    target_line: int | None = None  # line of the <target> / target <tuv>, when there is one
    state: str | None = None  # XLIFF state (new, translated, final, ...)
    translate: bool = True  # False for translate="no"
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class BilingualFile:
    """Every segment of one bilingual file, with its languages."""

    path: str
    name: str
    format: str  # xliff-1.2 | xliff-2.0 | tmx | tsv | csv
    source_language: str | None
    target_language: str | None
    segments: tuple[Segment, ...]


def code_char(index: int) -> str:
    """The private-use character that stands for inline code number index."""
    if index >= CODE_LIMIT:
        raise InputError(f"more than {CODE_LIMIT} inline codes in one segment")
    return chr(CODE_BASE + index)


def code_index(ch: str) -> int | None:
    """The inline code number a character stands for, or None for ordinary text."""
    n = ord(ch) - CODE_BASE
    return n if 0 <= n < CODE_LIMIT else None


CODES = re.compile(f"[{chr(CODE_BASE)}-{chr(CODE_BASE + CODE_LIMIT - 1)}]")


def display(text: str, codes: tuple[InlineCode, ...]) -> str:
    """The segment text with each inline code shown as its label."""
    if not codes:
        return text
    return CODES.sub(lambda m: _label(m.group(), codes), text)


def display_map(text: str, codes: tuple[InlineCode, ...], *, labels: bool = True) -> tuple[str, list[int]]:
    """display() (or, without labels, the text with codes left out) and, for each offset of text (and its
    end), the offset in the string returned."""
    out: list[str] = []
    offsets: list[int] = []
    done = shown_so_far = 0
    for m in CODES.finditer(text):
        between = text[done : m.start()]
        out.append(between)
        offsets.extend(range(shown_so_far, shown_so_far + len(between)))
        shown_so_far += len(between)
        offsets.append(shown_so_far)
        shown = _label(m.group(), codes) if labels else ""
        out.append(shown)
        shown_so_far += len(shown)
        done = m.end()
    rest = text[done:]
    out.append(rest)
    offsets.extend(range(shown_so_far, shown_so_far + len(rest) + 1))
    return "".join(out), offsets


def plain(text: str, replacement: str = "") -> str:
    """The segment text without inline codes (what an engine or a language detector reads)."""
    return CODES.sub(replacement, text)


def _label(ch: str, codes: tuple[InlineCode, ...]) -> str:
    n = code_index(ch)
    return codes[n].label if n is not None and n < len(codes) else ch


def base_language(tag: str | None) -> str | None:
    """'en-US' -> 'en', 'zh_CN' -> 'zh'; None for empty or '*all*'."""
    if not tag or not tag.strip() or tag.strip().startswith("*"):
        return None
    return tag.strip().replace("_", "-").split("-")[0].lower()


def is_bilingual_path(path: str | Path) -> bool:
    """Whether a path names a bilingual file by its suffix."""
    return Path(str(path)).suffix.lower() in READERS


def read_bilingual(path: str | Path, *, name: str | None = None) -> BilingualFile:
    """Read an XLIFF, TMX, TSV or CSV file; any problem is an InputError with a one-line message."""
    import importlib

    from mtcheck.read.inputs import read_bytes, sanitize_name

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise InputError(f"{path}: not a bilingual file ({', '.join(SUFFIXES)})")
    data = read_bytes(path)
    module = importlib.import_module(READERS[suffix])
    parsed: BilingualFile = module.read(data, str(path), name or sanitize_name(path.stem))
    if not parsed.segments:
        raise InputError(f"{path}: no segments found")
    return parsed
