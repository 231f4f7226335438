"""Checking a bilingual file (XLIFF, TMX, TSV/CSV): segment checks, and a round trip per segment."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from mtcheck import __version__
from mtcheck.checks.assemble import attach
from mtcheck.errors import InputError, ModelError, UsageError
from mtcheck.read.segment import strip_span
from mtcheck.read.units import BilingualFile, Segment, display, display_map, plain
from mtcheck.results import (
    Detection,
    DocumentInfo,
    EngineInfo,
    Finding,
    PivotResult,
    Report,
    SentenceResult,
    UnitResult,
    UnitsResult,
    summarize,
)

if TYPE_CHECKING:
    from mtcheck.api.core import ProgressCallback, _Run

log = logging.getLogger("mtcheck")
SEPARATOR = "\n\n"  # between segments in the report's text


def check_bilingual_file(
    file: BilingualFile,
    run: _Run,
    progress: ProgressCallback | None,
    *,
    round_trips: Callable[..., Iterator[tuple[str, list[PivotResult]]]],
    run_checks: Callable[..., tuple[tuple[SentenceResult, ...], tuple[Finding, ...], tuple[dict[str, Any], ...]]],
) -> Report:
    """Every segment of one bilingual file through the segment checks, and the round trip where an engine is.

    The article steps it shares (`round_trips`, `run_checks`) are handed in by api.core, which calls this.
    """
    from mtcheck.checks.segments import SegmentContext, run_segment_checks
    from mtcheck.checks.segments.calibration import calibrate
    from mtcheck.read.document import Document

    settings = run.settings
    source_language, target_language = _languages(file, run)
    text, sentences, maps = _target_text(file.segments)
    sentences, engine_info, pivots = _round_trips(
        file, sentences, target_language, source_language, run, progress, round_trips
    )
    document = Document(path=file.path, name=file.name, text=text, format=file.format)
    sentences, loose, terms = run_checks(document, target_language, sentences, run)
    sentences = calibrate(sentences, dict(settings.severities))
    ctx = SegmentContext(file.segments, source_language, target_language, settings, run.extras())
    found = [_placed(f, text, sentences, maps) for f in run_segment_checks(ctx)]
    sentences, loose = attach(sentences, loose, found, dict(settings.severities))
    units = tuple(
        UnitResult(
            index=i,
            id=s.id,
            unit_id=s.unit_id,
            source=display(s.source, s.source_codes),
            target=display(s.target, s.target_codes) if s.target is not None else None,
            line=s.line,
            target_line=s.target_line,
            state=s.state,
            translate=s.translate,
            notes=s.notes,
        )
        for i, s in enumerate(file.segments)
    )
    from mtcheck.checks.scoring import signatures

    return Report(
        document=DocumentInfo(file.path, file.name, target_language, text, file.format),
        detection=Detection(
            machine_translated=False, confidence=0.0, language=target_language, source_language=source_language
        ),
        engine=engine_info,
        sentences=sentences,
        findings=loose,
        summary=summarize(sentences, loose),
        signatures=signatures() if engine_info is not None else {},
        pivot_languages=pivots,
        version=__version__,
        terms=terms,
        units=UnitsResult(file.path, file.format, source_language, target_language, units),
    )


def _languages(file: BilingualFile, run: _Run) -> tuple[str, str]:
    """Source and target languages: the settings win over the file, the file over detection."""
    from mtcheck.read.language import detect_language

    settings = run.settings
    source = settings.source_language or file.source_language
    target = settings.language or file.target_language
    if source is None:
        source = detect_language(" ".join(plain(s.source, " ") for s in file.segments[:200]))
    if target is None:
        target = detect_language(" ".join(plain(s.target or "", " ") for s in file.segments[:200]))
    if source is None:
        raise InputError(f"{file.path}: cannot tell the source language; set it", setting="source_language")
    if target is None:
        raise InputError(f"{file.path}: cannot tell the target language; set it", setting="language")
    source, target = source.split("-")[0].lower(), target.split("-")[0].lower()
    if source == target:
        raise UsageError(f"{file.path}: the source and the target are both in {source!r}", setting="language")
    return source, target


def _target_text(segments: tuple[Segment, ...]) -> tuple[str, tuple[SentenceResult, ...], list[tuple[int, list[int]]]]:
    """The report's text (every target, inline codes left out), one sentence per segment, and offset maps."""
    parts: list[str] = []
    sentences: list[SentenceResult] = []
    maps: list[tuple[int, list[int]]] = []
    position = 0
    for index, segment in enumerate(segments):
        shown, offsets = display_map(segment.target or "", segment.target_codes, labels=False)
        if index:
            parts.append(SEPARATOR)
            position += len(SEPARATOR)
        parts.append(shown)
        sentences.append(SentenceResult(index=index, text=shown, start=position, end=position + len(shown)))
        maps.append((position, offsets))
        position += len(shown)
    return "".join(parts), tuple(sentences), maps


def _placed(
    finding: Finding, text: str, sentences: tuple[SentenceResult, ...], maps: list[tuple[int, list[int]]]
) -> Finding:
    """A segment finding with its offsets moved from the segment's target into the report's text.

    Its text is then the report text's own slice, as for every finding. Inline codes are not in that
    text: a finding on a code alone (an extra or unpaired one) would be an empty span, so it spans its
    segment's target, and details.code_offset says where in the report's text the code sits.
    """
    index = finding.sentence if finding.sentence is not None else 0
    base, offsets = maps[index]
    start, end = finding.start or 0, finding.end if finding.end is not None else 0
    start, end = min(start, len(offsets) - 1), min(max(end, start), len(offsets) - 1)
    on_codes_only = start < end and offsets[start] == offsets[end]
    start, end = base + offsets[start], base + offsets[end]
    details = finding.details
    if on_codes_only:
        details = {**details, "code_offset": start}
        start, end = strip_span(text, sentences[index].start, sentences[index].end)
    return replace(finding, start=start, end=end, text=text[start:end], details=details)


def _round_trips(
    file: BilingualFile,
    sentences: tuple[SentenceResult, ...],
    language: str,
    source_language: str,
    run: _Run,
    progress: ProgressCallback | None,
    round_trips: Callable[..., Iterator[tuple[str, list[PivotResult]]]],
) -> tuple[tuple[SentenceResult, ...], EngineInfo | None, tuple[str, ...]]:
    """Each translatable target round-tripped (through the source language by default); none without an engine."""
    settings = run.settings
    chosen = [i for i, s in enumerate(file.segments) if s.translate and plain(s.target or "").strip()]
    if not run.translate or not chosen:
        return sentences, None, ()
    if len(chosen) > settings.max_sentences:
        raise InputError(
            f"{file.path}: {len(chosen)} segments, more than the limit of {settings.max_sentences}; "
            "raise the limit or split the file",
            setting="max_sentences",
        )
    pivots = settings.pivots or (source_language,)
    texts = [" ".join(plain(file.segments[i].target or "", " ").split()) for i in chosen]
    per: dict[int, list[PivotResult]] = {i: [] for i in chosen}
    try:
        for _pivot, results in round_trips(run, texts, language, pivots, progress):
            for i, result in zip(chosen, results, strict=True):
                per[i].append(result)
    except ModelError as exc:
        # A pair without a model: the source-aware checks still run, without a round trip.
        log.warning("%s: no round trip (%s); segment checks only", file.path, exc)
        return sentences, None, ()
    engine = run.engine
    info = EngineInfo(name=engine.name, models=tuple(engine.models()), decoding=engine.decoding())
    updated = tuple(replace(s, pivots=tuple(per.get(s.index, ()))) for s in sentences)
    return updated, info, tuple(pivots)
