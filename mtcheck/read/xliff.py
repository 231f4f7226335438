"""XLIFF 1.2 and 2.x: units, segments, notes, state, translate="no", inline codes."""

from __future__ import annotations

from typing import Any

from mtcheck.errors import InputError
from mtcheck.read.inline import flatten, local
from mtcheck.read.safe_xml import parse
from mtcheck.read.units import BilingualFile, InlineCode, Segment, base_language


def read(data: bytes, path: str, name: str) -> BilingualFile:
    """Every segment of an XLIFF file (InputError when it is not XLIFF)."""
    root = parse(data, path)
    if local(root.tag) != "xliff":
        raise InputError(f"{path}: not an XLIFF file (the root element is <{local(root.tag)}>)")
    version = (root.get("version") or "").strip()
    if version.startswith("1"):
        return _read_1(root, path, name, version)
    if version.startswith("2"):
        return _read_2(root, path, name, version)
    raise InputError(f"{path}: unsupported XLIFF version {version!r} (1.2 and 2.x are read)")


def _children(el: Any, name: str) -> list[Any]:
    return [c for c in el if local(c.tag) == name]


def _first(el: Any, name: str) -> Any | None:
    return next((c for c in el if local(c.tag) == name), None)


def _notes(el: Any) -> tuple[str, ...]:
    return tuple(" ".join("".join(n.itertext()).split()) for n in el.iter() if local(n.tag) == "note")


def _translatable(el: Any, inherited: bool) -> bool:
    value = el.get("translate")
    return inherited if value is None else value.strip().lower() != "no"


def _unique(ids: set[str], wanted: str) -> str:
    candidate, n = wanted, 1
    while candidate in ids:
        n += 1
        candidate = f"{wanted}#{n}"
    ids.add(candidate)
    return candidate


# --- XLIFF 1.2 -------------------------------------------------------------------------------------


def _read_1(root: Any, path: str, name: str, version: str) -> BilingualFile:
    segments: list[Segment] = []
    ids: set[str] = set()
    src_lang = tgt_lang = None
    for file_el in (el for el in root if local(el.tag) == "file"):
        src_lang = src_lang or base_language(file_el.get("source-language"))
        tgt_lang = tgt_lang or base_language(file_el.get("target-language"))
        translate = _translatable(file_el, True)
        _walk_1(file_el, translate, segments, ids)
    return BilingualFile(path, name, f"xliff-{version or '1.2'}", src_lang, tgt_lang, tuple(segments))


def _walk_1(el: Any, translate: bool, segments: list[Segment], ids: set[str]) -> None:
    for child in el:
        kind = local(child.tag)
        if kind in ("body", "group"):
            _walk_1(child, _translatable(child, translate), segments, ids)
        elif kind == "trans-unit":
            segments.extend(_unit_1(child, _translatable(child, translate), ids))


def _unit_1(unit: Any, translate: bool, ids: set[str]) -> list[Segment]:
    unit_id = unit.get("id") or str(unit.sourceline)
    source, target, seg_source = _first(unit, "source"), _first(unit, "target"), _first(unit, "seg-source")
    notes = _notes(unit)
    state = target.get("state") if target is not None else None
    if source is None:
        return []
    marks = []
    if seg_source is not None:
        marks = [m for m in seg_source.iter() if local(m.tag) == "mrk" and m.get("mtype") == "seg"]
    if len(marks) > 1:
        targets = {m.get("mid"): m for m in target.iter() if local(m.tag) == "mrk"} if target is not None else {}
        found: list[Segment] = []
        for mark in marks:
            mid = mark.get("mid") or str(len(found) + 1)
            tgt = targets.get(mid)
            found.append(_segment(f"{unit_id}/{mid}", unit_id, mark, tgt, unit, tgt, state, translate, notes, ids))
        return found
    return [_segment(unit_id, unit_id, source, target, unit, target, state, translate, notes, ids)]


def _segment(
    wanted: str,
    unit_id: str,
    source: Any,
    target: Any | None,
    unit: Any,
    target_el: Any | None,
    state: str | None,
    translate: bool,
    notes: tuple[str, ...],
    ids: set[str],
) -> Segment:
    src_text, src_codes = flatten(source)
    tgt_text: str | None
    tgt_codes: tuple[InlineCode, ...]
    if target is not None:
        tgt_text, tgt_codes = flatten(target)
    else:
        tgt_text, tgt_codes = None, ()
    return Segment(
        id=_unique(ids, wanted),
        unit_id=unit_id,
        source=src_text,
        target=tgt_text,
        source_codes=src_codes,
        target_codes=tgt_codes,
        line=unit.sourceline,
        target_line=target_el.sourceline if target_el is not None else None,
        state=state,
        translate=translate,
        notes=notes,
    )


# --- XLIFF 2.x -------------------------------------------------------------------------------------


def _read_2(root: Any, path: str, name: str, version: str) -> BilingualFile:
    segments: list[Segment] = []
    ids: set[str] = set()
    src_lang, tgt_lang = base_language(root.get("srcLang")), base_language(root.get("trgLang"))
    for file_el in (el for el in root if local(el.tag) == "file"):
        _walk_2(file_el, _translatable(file_el, True), segments, ids)
    return BilingualFile(path, name, f"xliff-{version}", src_lang, tgt_lang, tuple(segments))


def _walk_2(el: Any, translate: bool, segments: list[Segment], ids: set[str]) -> None:
    for child in el:
        kind = local(child.tag)
        if kind == "group":
            _walk_2(child, _translatable(child, translate), segments, ids)
        elif kind == "unit":
            segments.extend(_unit_2(child, _translatable(child, translate), ids))


def _unit_2(unit: Any, translate: bool, ids: set[str]) -> list[Segment]:
    unit_id = unit.get("id") or str(unit.sourceline)
    notes = tuple(
        " ".join("".join(n.itertext()).split()) for block in _children(unit, "notes") for n in _children(block, "note")
    )
    parts = _children(unit, "segment")
    found = []
    for number, seg in enumerate(parts, start=1):
        source, target = _first(seg, "source"), _first(seg, "target")
        if source is None:
            continue
        wanted = unit_id if len(parts) == 1 else f"{unit_id}/{seg.get('id') or number}"
        found.append(_segment(wanted, unit_id, source, target, seg, target, seg.get("state"), translate, notes, ids))
    return found
