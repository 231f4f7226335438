"""Parsing untrusted XML: no entity expansion, no DTD loading, no network; hostile files refused."""

from __future__ import annotations

import re
from typing import Any

from mtcheck.errors import InputError
from mtcheck.read.inputs import one_line

# DTDs that bilingual files name in their DOCTYPE; they are never loaded, only tolerated.
KNOWN_DTDS = ("tmx14.dtd", "tmx13.dtd", "tmx12.dtd", "tmx11.dtd", "xliff.dtd")
_ENTITY_DECL = re.compile(rb"<\x00?!\x00?E\x00?N\x00?T\x00?I\x00?T\x00?Y", re.IGNORECASE)


def parser() -> Any:
    """An lxml parser that never expands entities, loads a DTD, touches the network or builds huge trees."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        strip_cdata=False,
    )


def parse(data: bytes, path: str) -> Any:
    """The root element of an XML file, refusing entity declarations and external DTDs (InputError)."""
    from lxml import etree

    label = one_line(path)
    if _ENTITY_DECL.search(data[:1_000_000]):
        raise InputError(f"{label}: refused: the XML declares entities (<!ENTITY>), which mtcheck never expands")
    try:
        root = etree.fromstring(data, parser=parser())
    except etree.XMLSyntaxError as exc:
        # lxml's message ends with ", line N, column M" already: say the place once
        reason = re.sub(r",? line \d+, column \d+\s*$", "", one_line(exc.msg))
        line, column = exc.position if exc.position else (exc.lineno, 0)
        where = f"line {line}, column {column}" if column else f"line {line}"
        raise InputError(f"{label}: not well-formed XML: {reason} ({where})") from None
    docinfo = root.getroottree().docinfo
    internal = docinfo.internalDTD
    if internal is not None and (list(internal.iterentities()) or list(internal.iterelements())):
        raise InputError(f"{label}: refused: the XML has an internal DTD, which mtcheck never reads")
    system = (docinfo.system_url or "").strip()
    if system and system.rsplit("/", 1)[-1].lower() not in KNOWN_DTDS:
        raise InputError(f"{label}: refused: the XML names an external DTD ({one_line(system)[:80]})")
    for node in root.iter():
        if isinstance(node, etree._Entity):
            raise InputError(f"{label}: refused: the XML refers to an entity (&{node.name};) it does not define")
    return root
