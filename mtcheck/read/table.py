"""TSV and CSV exports: a header naming the source and target columns (optional id and note)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from mtcheck.errors import InputError
from mtcheck.read.inputs import decode
from mtcheck.read.units import BilingualFile, Segment, base_language

SOURCE_NAMES = ("source", "src", "source text", "source_text", "original")
TARGET_NAMES = ("target", "tgt", "target text", "target_text", "translation")
ID_NAMES = ("id", "key", "unit", "unit id", "unit_id", "segment id", "segment_id")
NOTE_NAMES = ("note", "notes", "comment", "comments", "context")
# "source (en)", "source:en", "source_en", "target [de-DE]"
_WITH_LANG = re.compile(r"^(?P<side>[a-z _]+?)\s*[\s:_(\[]\s*(?P<lang>[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*)\s*[)\]]?$")
_LANG = re.compile(r"^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$")


def read(data: bytes, path: str, name: str) -> BilingualFile:
    """Rows of a TSV/CSV file with source and target columns named in its header."""
    text, _ = decode(data, path)
    suffix = Path(path).suffix.lower()
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = "\t" if suffix == ".tsv" else max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{path}: empty file") from None
    except csv.Error as exc:
        raise InputError(f"{path}:1: not a readable header row: {exc}") from None
    columns = _columns([h.strip().lower() for h in header], path)
    segments: list[Segment] = []
    seen: set[str] = set()
    line = reader.line_num
    try:
        for row in reader:
            start, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            cell = dict(enumerate(row))
            source = cell.get(columns["source"], "")
            target = cell.get(columns["target"]) if columns["target"] < len(row) else None
            ident = cell.get(columns["id"], "").strip() if "id" in columns else ""
            ident = ident or str(len(segments) + 1)
            while ident in seen:
                ident += "#"
            seen.add(ident)
            note = cell.get(columns["note"], "").strip() if "note" in columns else ""
            segments.append(
                Segment(ident, ident, source, target, line=start, target_line=start, notes=(note,) if note else ())
            )
    except csv.Error as exc:
        raise InputError(f"{path}:{reader.line_num}: not a readable row: {exc}") from None
    langs = columns.get("langs", {})
    return BilingualFile(path, name, suffix.lstrip("."), langs.get("source"), langs.get("target"), tuple(segments))


def _columns(header: list[str], path: str) -> dict:  # type: ignore[type-arg]
    found: dict = {"langs": {}}  # type: ignore[type-arg]
    codes: list[tuple[int, str]] = []
    for index, cell in enumerate(header):
        side, lang = _side(cell)
        if side and side not in found:
            found[side] = index
            if lang:
                found["langs"][side] = base_language(lang)
        elif side is None and _LANG.match(cell):
            codes.append((index, cell))
    # Two language-code columns and no source/target names: the first is the source.
    if "source" not in found and "target" not in found and len(codes) >= 2:
        (si, sl), (ti, tl) = codes[0], codes[1]
        found["source"], found["target"] = si, ti
        found["langs"] = {"source": base_language(sl), "target": base_language(tl)}
    if "source" not in found or "target" not in found:
        raise InputError(
            f"{path}: the header must name a source and a target column "
            "(source,target[,id][,note], or two language codes such as en,de)"
        )
    return found


def _side(cell: str) -> tuple[str | None, str | None]:
    for side, names in (("source", SOURCE_NAMES), ("target", TARGET_NAMES), ("id", ID_NAMES), ("note", NOTE_NAMES)):
        if cell in names:
            return side, None
    match = _WITH_LANG.match(cell)
    if match:
        word = match.group("side").strip()
        for side, names in (("source", SOURCE_NAMES), ("target", TARGET_NAMES)):
            if word in names:
                return side, match.group("lang")
    return None, None
