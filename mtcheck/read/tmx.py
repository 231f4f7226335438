"""TMX 1.4 translation memories: one segment per <tu>, source and target <tuv> by language."""

from __future__ import annotations

from typing import Any

from mtcheck.errors import InputError
from mtcheck.read.inline import flatten, local
from mtcheck.read.safe_xml import parse
from mtcheck.read.units import BilingualFile, Segment, base_language

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _lang(tuv: Any) -> str | None:
    return base_language(tuv.get(_XML_LANG) or tuv.get("lang"))


def read(data: bytes, path: str, name: str) -> BilingualFile:
    """Every <tu> with a source and a target variant (InputError when it is not TMX)."""
    root = parse(data, path)
    if local(root.tag) != "tmx":
        raise InputError(f"{path}: not a TMX file (the root element is <{local(root.tag)}>)")
    header = next((el for el in root if local(el.tag) == "header"), None)
    body = next((el for el in root if local(el.tag) == "body"), None)
    src_lang = base_language(header.get("srclang")) if header is not None else None
    units = [tu for tu in body if local(tu.tag) == "tu"] if body is not None else []
    if src_lang is None:
        first = next((tuv for tu in units for tuv in tu if local(tuv.tag) == "tuv"), None)
        src_lang = _lang(first) if first is not None else None
    tgt_lang = next(
        (lang for tu in units for tuv in tu if local(tuv.tag) == "tuv" and (lang := _lang(tuv)) != src_lang), None
    )
    segments: list[Segment] = []
    seen: set[str] = set()
    for number, tu in enumerate(units, start=1):
        variants = {_lang(tuv): tuv for tuv in tu if local(tuv.tag) == "tuv"}
        source, target = variants.get(src_lang), variants.get(tgt_lang)
        if source is None:
            continue
        src_seg, tgt_seg = _seg(source), _seg(target) if target is not None else None
        src_text, src_codes = flatten(src_seg) if src_seg is not None else ("", ())
        tgt_text, tgt_codes = flatten(tgt_seg) if tgt_seg is not None else (None, ())
        ident = tu.get("tuid") or str(number)
        while ident in seen:
            ident += "#"
        seen.add(ident)
        notes = tuple(" ".join("".join(n.itertext()).split()) for n in tu.iter() if local(n.tag) == "note")
        segments.append(
            Segment(
                id=ident,
                unit_id=ident,
                source=src_text,
                target=tgt_text,
                source_codes=src_codes,
                target_codes=tgt_codes,
                line=tu.sourceline,
                target_line=target.sourceline if target is not None else None,
                notes=notes,
            )
        )
    return BilingualFile(path, name, "tmx", src_lang, tgt_lang, tuple(segments))


def _seg(tuv: Any) -> Any | None:
    return next((el for el in tuv if local(el.tag) == "seg"), None)
