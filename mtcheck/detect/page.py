"""Detection over a whole web page while the report shows its main text, and the original's link found.

Notices often sit outside the main text (a banner above the headline, a footer line), so a web page is
read twice: its main text and its whole visible text. Evidence from the whole page keeps offsets into the
main text when its words are there, and none otherwise; language signals come from the main text only,
because menus and language switchers are not prose.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from mtcheck.detect import calibration
from mtcheck.detect.core import THRESHOLD, _combine, detect
from mtcheck.read.document import Document
from mtcheck.results import Detection, Evidence

if TYPE_CHECKING:
    from mtcheck.detect.original_link import OriginalLink
    from mtcheck.detect.reader import Reader

# Evidence read from the main text only: a page's menus and language switchers are not its prose.
_MAIN_TEXT_KINDS = ("language", "fragment", "roundtrip")


@dataclass(frozen=True)
class Seen:
    """What detection found, and where the page says its original is (None: nowhere)."""

    detection: Detection
    original: OriginalLink | None = None


def detect_document(document: Document, *, language: str | None = None, local_links: bool = False,
                    reader: Reader | None = None) -> Seen:  # fmt: skip
    """Detection for any document; for a web page also the whole page's notices and the original's link.

    A local HTML file's detection is what `detect` finds; with local_links its original's link is looked
    for too (the caller follows only a relative link to a file on disk).
    """
    from mtcheck.read.web import WebDocument

    main = detect(document, language=language, reader=reader)
    if not isinstance(document, WebDocument):
        return _local_html(document, main, language=language, local_links=local_links, reader=reader)
    page = whole_page_document(document)
    if page is None:
        return Seen(main)
    page_detection = detect(page, language=language or main.language, reader=reader)
    detection = merge(main, page_detection, document.text, page.text)
    from mtcheck.detect.original_link import find_original, link_evidence  # a web page's only (not a local file's)

    original = find_original(page, page_detection, base=document.url, language=language or main.language)
    if original is not None:
        extra = link_evidence(original)
        if extra is not None:
            detection = _with_evidence(detection, [extra])
        if detection.original_url is None or original.via in ("notice", "metadata"):
            detection = replace(detection, original_url=original.target)
        if detection.source_language is None and original.language and detection.machine_translated:
            detection = replace(detection, source_language=original.language)
    return Seen(detection, original)


def _local_html(document: Document, main: Detection, *, language: str | None, local_links: bool,
                reader: Reader | None = None) -> Seen:  # fmt: skip
    """A local HTML file: its main text's detection plus the notices of the boilerplate a reader sees (a
    banner, a footer), kept aside when the file was read, so the page is not parsed twice; with
    local_links also the original's link, looked for on the whole page."""
    detection = main
    if document.outside:
        texts = [text for _, text in document.outside]
        spans: list[tuple[int, int]] = []
        at = 0
        for text in texts:
            spans.append((at, at + len(text)))
            at += len(text) + 2
        outside = Document(path=document.path, name=document.name, text="\n\n".join(texts), paragraphs=tuple(spans))
        seen = detect(outside, language=language or main.language, reader=reader)
        wheres = [where for where, _ in document.outside]
        placed = tuple(_placed(e, spans, wheres) for e in seen.evidence)
        vetoed = tuple(replace(v, evidence=_placed(v.evidence, spans, wheres)) for v in seen.vetoed)
        detection = merge(main, replace(seen, evidence=placed, vetoed=vetoed), document.text, outside.text)
    if not local_links:
        return Seen(detection)
    page = whole_page_document(document)
    if page is None:
        return Seen(detection)
    page_detection = detect(page, language=language or main.language, reader=reader)
    base = _file_base(document.path)
    from mtcheck.detect.original_link import find_original

    return Seen(detection, find_original(page, page_detection, base=base, language=language or main.language))


def _placed(e: Evidence, spans: list[tuple[int, int]], positions: list[str]) -> Evidence:
    """Evidence from the boilerplate with the position its element has on the page (a footer is at the
    bottom however short the boilerplate text is)."""
    if e.start is None:
        return e
    for (start, end), where in zip(spans, positions, strict=True):
        if start <= e.start <= end:
            return replace(e, position=where)  # type: ignore[arg-type]
    return e


def whole_page_document(document: Document) -> Document | None:
    """The whole visible page as a Document (its own offsets), for HTML documents; None for others."""
    from mtcheck.read.web import WebDocument

    page = document.page if isinstance(document, WebDocument) else None
    if page is None:
        if document.format != "html" or not document.raw:
            return None
        from mtcheck.read.extract import whole_page

        page = whole_page(document.raw)
    return Document(
        path=document.path,
        name=document.name,
        text=page.text,
        format="html",
        raw=document.raw,
        paragraphs=page.paragraphs,
        metadata=document.metadata,
        comments=document.comments,
        links=page.links,
        encoding=document.encoding,
    )


def merge(main: Detection, whole: Detection, text: str, page_text: str) -> Detection:
    """Main-text detection plus the whole page's notices, their offsets moved into the main text."""
    evidence = list(main.evidence)
    seen = {(e.kind, e.text) for e in evidence}
    for e in whole.evidence:
        if e.kind in _MAIN_TEXT_KINDS or (e.kind, e.text) in seen:
            continue
        seen.add((e.kind, e.text))
        evidence.append(_moved(e, text, page_text))
    vetoed = list(main.vetoed)
    dropped = {(v.evidence.kind, v.evidence.text) for v in vetoed}
    for v in whole.vetoed:  # what the reader dropped on the page is shown as what it dropped in the main text
        if (v.evidence.kind, v.evidence.text) not in dropped | seen:
            dropped.add((v.evidence.kind, v.evidence.text))
            vetoed.append(replace(v, evidence=_moved(v.evidence, text, page_text)))
    merged = replace(
        main,
        engine=main.engine or whole.engine,
        source_language=main.source_language or whole.source_language,
        original_url=main.original_url or whole.original_url,
        vetoed=tuple(vetoed),
    )
    return _with_evidence(merged, evidence[len(main.evidence) :])


def _moved(e: Evidence, text: str, page_text: str) -> Evidence:
    """Evidence from the whole page with its offsets in the main text (None where the main text lacks it)."""
    start = end = None
    if e.start is not None and e.end is not None:
        at = text.find(page_text[e.start : e.end])
        if at >= 0:
            start, end = at, at + (e.end - e.start)
    return replace(e, start=start, end=end)


def _with_evidence(detection: Detection, added: list[Evidence]) -> Detection:
    if not added:
        return detection
    evidence = [*detection.evidence, *added]
    evidence.sort(key=lambda e: (e.start if e.start is not None else -1, -e.weight))
    score = _combine([e.weight for e in evidence if e.kind != "roundtrip"])
    confidence = calibration.probability(score)
    return replace(
        detection,
        evidence=tuple(evidence),
        confidence=confidence,
        score=score,
        machine_translated=confidence >= THRESHOLD,
    )


def _file_base(path: str) -> str:
    """Local files: relative links resolve against the file's folder (kept as a path, never a URL)."""
    return "" if not path or path == "-" else str(Path(path))
