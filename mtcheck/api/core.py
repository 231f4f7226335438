"""check() and check_many(): one article through read -> detect -> sentences -> engine -> checks -> report."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from mtcheck.api.failures import InputFailure, describe_crash
from mtcheck.checks.assemble import attach, quiet_notices, unknown_word_findings
from mtcheck.config import Settings, default_pivot
from mtcheck.engines.base import NO_ENGINE, Engine, create_engine, unknown_word_marks
from mtcheck.errors import InputError, ModelError, MtcheckError, PairUnavailable, TranslationError, UsageError
from mtcheck.read.document import Document
from mtcheck.read.inputs import InputItem, expand_inputs, one_line
from mtcheck.read.units import BilingualFile, is_bilingual_path, read_bilingual
from mtcheck.results import (
    BilingualResult,
    Detection,
    DocumentInfo,
    EngineInfo,
    Finding,
    PivotResult,
    Report,
    SentenceResult,
    summarize,
)
from mtcheck.version import __version__

if TYPE_CHECKING:
    from mtcheck.detect.original_link import OriginalLink
    from mtcheck.read.fetch import Fetcher

log = logging.getLogger("mtcheck")
T = TypeVar("T")

# Called with (stage, done, total): "translate" counts texts through the engine.
ProgressCallback = Callable[[str, int, int], None]


@dataclass(frozen=True)
class RunResult:
    """Everything a run produced: a report per good input, a failure per bad one."""

    reports: tuple[Report, ...]
    failures: tuple[InputFailure, ...]


class _Run:
    """State shared by the documents of one run: the engine (models load once) and the checks."""

    def __init__(self, settings: Settings, engine: Engine | None, translate: bool) -> None:
        self.settings = settings
        self._engine = engine
        self.translate = translate and (engine is not None or settings.engine != NO_ENGINE)
        self._extras: dict[str, Any] | None = None
        self._original: _Original | None = None
        self.prepared: dict[int, tuple[Document, _Prepared]] = {}  # prepared ahead, by id(document)
        self._fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        """The run's HTTP client for web pages and their originals (cache, robots.txt, per-host limit)."""
        if self._fetcher is None:
            from mtcheck.read.fetch import fetcher_for

            self._fetcher = fetcher_for(self.settings)
        return self._fetcher

    def read(self, path: str | Path, name: str | None = None) -> Document:
        """A file, "-" or a URL, read into a Document."""
        from mtcheck.read.web import read_input

        return read_input(path, name=name, fetcher=self.fetcher)

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from mtcheck.engines.cached import wrap_with_cache

            self._engine = wrap_with_cache(create_engine(self.settings.engine, self.settings), self.settings)
        return self._engine

    def original(self) -> _Original | None:
        """The original article of bilingual mode (Settings.source: a file, or a URL fetched and its main text
        extracted as for any web page), read and segmented once."""
        if self.settings.source is None:
            return None
        if self._original is None:
            from mtcheck.read.language import detect_language
            from mtcheck.read.segment import segment

            try:
                document = self.read(self.settings.source)
            except MtcheckError as exc:
                exc.setting = exc.setting or "source"  # said once for the run, naming --source
                raise
            language = detect_language(document.text)
            if language is None:
                raise InputError(f"{document.path}: cannot tell the original's language", setting="source")
            self._original = _Original(
                document, language, segment(document.text, language, document.paragraphs or None)
            )
        return self._original

    def extras(self) -> dict[str, Any]:
        if self._extras is None:
            self._extras = {}
            if self.settings.glossary is not None:
                from mtcheck.checks.glossary_file import load_glossary

                try:
                    self._extras["glossary"] = load_glossary(self.settings.glossary)
                except MtcheckError as exc:
                    exc.setting = exc.setting or "glossary"  # the CLI names --glossary
                    raise
        return self._extras


@dataclass(frozen=True)
class _Original:
    """The original article of bilingual mode, segmented."""

    document: Document
    language: str
    spans: list[tuple[int, int]]


@dataclass(frozen=True)
class _Prepared:
    """A document read, its language known, detection done and sentences split."""

    document: Document
    language: str
    detection: Detection
    spans: list[tuple[int, int]]
    pivots: tuple[str, ...]
    original: _Original | None
    notes: tuple[Finding, ...] = ()  # document findings from reading it, e.g. an original that was not found
    followed: OriginalLink | None = None  # the page's own link the original came from (not Settings.source)

    @property
    def texts(self) -> list[str]:
        return [self.document.text[start:end] for start, end in self.spans]


def validate_settings(settings: Settings | None) -> Settings:
    """Settings checked by value, with the engine and check names checked by their registries."""
    from mtcheck.checks.base import validate_checks
    from mtcheck.checks.calibrate import resolve_calibration
    from mtcheck.engines.base import validate_engine

    checked = (settings or Settings()).validate()
    validate_engine(checked.engine)
    validate_checks(checked.checks)
    if checked.severities:
        from mtcheck.checks.catalog import unknown_name

        for name, _ in checked.severities:
            problem = unknown_name(name)
            if problem is not None:
                raise UsageError(f"severities: {name}: {problem}", setting="severities")
    resolve_calibration(checked.calibration, checked.engine)  # a bad calibration file fails here, once
    from mtcheck.detect.reader import load

    load(checked.reader)  # an unknown reader or a missing encoder fails here, before any document
    return checked


def check(
    document: str | Path | Document | BilingualFile,
    *,
    settings: Settings | None = None,
    engine: Engine | None = None,
    translate: bool = True,
    progress: ProgressCallback | None = None,
) -> Report:
    """Check one document (a path, a URL or a read Document): detect, segment, round-trip, score, find problems."""
    run = _Run(validate_settings(settings), engine, translate)
    try:
        return _check_one(document, run, progress)
    finally:
        run.close()


def check_many(
    paths: Sequence[str],
    *,
    settings: Settings | None = None,
    engine: Engine | None = None,
    translate: bool = True,
    progress: ProgressCallback | None = None,
    on_report: Callable[[Report], None] | None = None,
    on_failure: Callable[[InputFailure], None] | None = None,
    skip: Sequence[str | Path] = (),
) -> RunResult:
    """Check every input; a bad input becomes an InputFailure and the others still run.

    Folders in `skip` (where this run writes its reports) are never searched for inputs.
    """
    run = _Run(validate_settings(settings), engine, translate)
    reports: list[Report] = []
    failures: list[InputFailure] = []
    items = expand_inputs(paths, skip=skip)
    run.extras()  # a bad glossary is the run's error, not each document's
    try:
        _check_all(items, run, progress, reports, failures, on_report, on_failure)
    finally:
        run.close()
    return RunResult(tuple(reports), tuple(failures))


def _check_all(
    items: Sequence[InputItem],
    run: _Run,
    progress: ProgressCallback | None,
    reports: list[Report],
    failures: list[InputFailure],
    on_report: Callable[[Report], None] | None,
    on_failure: Callable[[InputFailure], None] | None,
) -> None:
    from mtcheck.read.fetch import is_url

    urls = [item.path for item in items if item.error is None and is_url(item.path)]
    source = run.settings.source
    if run.translate and isinstance(source, str) and is_url(source):
        urls.insert(0, source)  # the original of every document (--source URL): fetched beside the first pages
    if urls:
        run.fetcher.prefetch(urls)  # many pages at once, a few per host
    if run.translate:
        run.original()  # so is an unreadable original (--source): said once, not once per document
    for number, (item, read) in enumerate(_batched(_read_ahead(items, run), run, progress)):
        if progress:
            progress("documents", number, len(items))
        try:
            report = _check_one(read(), run, progress)
        except (TranslationError, PairUnavailable) as exc:  # the engine failed on this document: its failure
            failure = InputFailure(item.path, f"{one_line(item.path)}: {exc}", exc.setting, exc.suggestion)
        except ModelError:
            raise  # a missing model or engine fails every document alike: stop and say it once
        except MtcheckError as exc:
            failure = InputFailure(item.path, str(exc), exc.setting, exc.suggestion)
        except Exception as exc:  # whatever goes wrong in one document, the others still run
            log.debug("%s failed", item.path, exc_info=True)
            failure = InputFailure(item.path, f"{one_line(item.path)}: {describe_crash(exc)}")
        else:
            reports.append(report)
            if on_report:
                on_report(report)
            continue
        failures.append(failure)
        if on_failure:
            on_failure(failure)
    if progress:
        progress("documents", len(items), len(items))


def _read_ahead(
    items: Sequence[InputItem], run: _Run
) -> Iterator[tuple[InputItem, Callable[[], Document | BilingualFile]]]:
    """Yield each input with a function returning its Document; the next one is read while this one runs."""
    from concurrent.futures import Future, ThreadPoolExecutor

    def read(item: InputItem) -> Document | BilingualFile:
        if item.error is not None:
            raise item.error
        if is_bilingual_path(item.path):
            return read_bilingual(item.path, name=item.name)
        return run.read(item.path, name=item.name)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="mtcheck-read") as reader:
        pending: Future[Document | BilingualFile] | None = reader.submit(read, items[0]) if items else None
        for index, item in enumerate(items):
            current = pending
            assert current is not None  # one future per item
            pending = reader.submit(read, items[index + 1]) if index + 1 < len(items) else None
            yield item, current.result


def _batched(
    entries: Iterator[tuple[T, Callable[[], Document | BilingualFile]]], run: _Run, progress: ProgressCallback | None
) -> Iterator[tuple[T, Callable[[], Document | BilingualFile]]]:
    """The entries, with the round trips of each window of documents translated together ahead of them."""
    from mtcheck.engines.prefetch import MemoEngine, RoundTripRequest, prefetch_window

    if not run.translate:
        return entries
    try:
        engine = run.engine
    except MtcheckError:
        return entries  # each document fails with the engine's error, as it would alone
    if unknown_word_marks(engine) is not None:
        return entries  # unknown-word marks are kept per document as it translates: leave it to do so
    memo = engine if isinstance(engine, MemoEngine) else MemoEngine(engine)
    run._engine = memo

    def requests(document: Document | BilingualFile) -> list[RoundTripRequest]:
        if not isinstance(document, Document):
            return []  # a bilingual file's segments go through the engine when it is checked
        prepared = _prepare(document, run)
        run.prepared[id(document)] = (document, prepared)
        settings, texts = run.settings, tuple(prepared.texts)
        return [
            RoundTripRequest(
                texts,
                prepared.language,
                pivot,
                settings.forward_model if number == 0 else None,
                settings.backward_model if number == 0 else None,
            )
            for number, pivot in enumerate(prepared.pivots)
        ]

    report = (lambda done, total: progress("sentences", done, total)) if progress else None
    return prefetch_window(entries, memo, requests, progress=report)


def _check_one(document: str | Path | Document | BilingualFile, run: _Run, progress: ProgressCallback | None) -> Report:
    """One document through the parts: read -> detect -> sentences -> engine -> checks -> report."""
    # Bilingual files (XLIFF, TMX, TSV/CSV) take their own path: segments need no sentence split or alignment.
    if isinstance(document, (str, Path)) and is_bilingual_path(document):
        document = read_bilingual(document)
    if isinstance(document, BilingualFile):
        from mtcheck.api.units import check_bilingual_file

        return check_bilingual_file(document, run, progress, round_trips=_round_trip_pivots, run_checks=_run_checks)
    ahead = run.prepared.pop(id(document), None)
    prepared = ahead[1] if ahead is not None and ahead[0] is document else _prepare(document, run)
    try:
        sentences, engine_info, unknown = _translate(prepared, run, progress)
        sentences, findings, terms, bilingual = _find(prepared, sentences, unknown, run)
    except ModelError as exc:
        if not prepared.followed:
            raise
        # No model for the original's language: check the page alone rather than fail the run.
        prepared = _without_original(prepared, run, exc)
        sentences, engine_info, unknown = _translate(prepared, run, progress)
        sentences, findings, terms, bilingual = _find(prepared, sentences, unknown, run)
    return _report(prepared, sentences, findings, terms, bilingual, engine_info)


def _prepare(item: str | Path | Document, run: _Run) -> _Prepared:
    from mtcheck.detect.page import detect_document
    from mtcheck.detect.reader import load
    from mtcheck.read.language import detect_language
    from mtcheck.read.segment import segment

    settings = run.settings
    document = item if isinstance(item, Document) else run.read(item)
    language = settings.language or detect_language(document.text)
    if language is None:
        raise InputError(f"{document.path}: cannot tell the document's language; set it", setting="language")
    follow = run.translate and settings.follow_original and settings.source is None
    seen = detect_document(document, language=language, local_links=follow, reader=load(settings.reader))
    detection = seen.detection
    spans = segment(document.text, language, document.paragraphs or None)
    if run.translate and len(spans) > settings.max_sentences:
        raise InputError(
            f"{document.path}: {len(spans)} sentences, more than the limit of {settings.max_sentences}; "
            "raise the limit or split the document",
            setting="max_sentences",
        )
    original = run.original() if run.translate else None
    if original is not None and original.language == language:
        raise UsageError(f"{document.path}: the original and the translation are both in {language!r}")
    notes: tuple[Finding, ...] = ()
    if original is None and follow and seen.original is not None:
        original, notes = _followed_original(document, language, seen.original, run)
        if original is not None and detection.source_language is None:
            detection = replace(detection, source_language=original.language)
    pivots = settings.pivots or ((original.language,) if original else (default_pivot(language),))
    if language in pivots:
        raise UsageError(
            f"{document.path}: pivot language {language!r} is the document's own language", setting="pivots"
        )
    followed = seen.original if original is not None and settings.source is None else None
    return _Prepared(document, language, detection, spans, tuple(pivots), original, notes, followed)


def _without_original(prepared: _Prepared, run: _Run, reason: ModelError) -> _Prepared:
    """The document again, without the followed original it could not be compared with."""
    from mtcheck.read.follow import unavailable

    assert prepared.followed is not None  # only called for a followed original
    log.warning("%s: original not compared: %s", prepared.document.path, reason)
    pivots = run.settings.pivots or (default_pivot(prepared.language),)
    if prepared.language in pivots:
        raise reason
    note = unavailable(prepared.followed, reason)
    return replace(prepared, original=None, pivots=tuple(pivots), notes=(*prepared.notes, note), followed=None)


def _followed_original(
    document: Document, language: str, link: OriginalLink, run: _Run
) -> tuple[_Original | None, tuple[Finding, ...]]:
    """The original the page links to, read and segmented; or none, and a finding that says why."""
    from mtcheck.read.follow import follow
    from mtcheck.read.segment import segment

    got = follow(document, language, link, run.fetcher)
    if not isinstance(got, tuple):
        return None, (got,) if got is not None else ()
    source, source_language = got
    return _Original(source, source_language, segment(source.text, source_language, source.paragraphs or None)), ()


def _translate(
    prepared: _Prepared, run: _Run, progress: ProgressCallback | None
) -> tuple[tuple[SentenceResult, ...], EngineInfo | None, list[Finding]]:
    """Round-trip every sentence through each pivot; the engine's unknown-word marks become findings."""
    texts, spans, language = prepared.texts, prepared.spans, prepared.language
    per_pivot: list[list[PivotResult]] = [[] for _ in texts]
    engine_info: EngineInfo | None = None
    unknown: list[Finding] = []
    if run.translate and texts:
        marks = unknown_word_marks(run.engine)
        if marks is not None:
            marks.reset_unknown_words()
        for pivot, results in _round_trip_pivots(run, texts, language, prepared.pivots, progress):
            for slot, result in zip(per_pivot, results, strict=True):
                slot.append(result)
            unknown.extend(unknown_word_findings(run.engine, spans, texts, [r.pivot for r in results], language, pivot))
        engine_info = EngineInfo(
            name=run.engine.name, models=tuple(run.engine.models()), decoding=run.engine.decoding()
        )
    sentences = tuple(
        SentenceResult(index=i, text=text, start=start, end=end, pivots=tuple(per_pivot[i]))
        for i, (text, (start, end)) in enumerate(zip(texts, spans, strict=True))
    )
    return sentences, engine_info, unknown


def _find(
    prepared: _Prepared, sentences: tuple[SentenceResult, ...], unknown: list[Finding], run: _Run
) -> tuple[tuple[SentenceResult, ...], tuple[Finding, ...], tuple[dict[str, Any], ...], BilingualResult | None]:
    """Every finding attached to its sentence; the notice's own sentences are quieted last of all."""
    overrides = dict(run.settings.severities)
    sentences, findings, terms = _run_checks(prepared.document, prepared.language, sentences, run)
    findings += prepared.notes
    sentences, findings = attach(sentences, findings, unknown, overrides)
    bilingual = None
    if prepared.original is not None:
        from mtcheck.checks.assemble import NOTICE_EVIDENCE
        from mtcheck.checks.bilingual import compare

        original = prepared.original
        notices = [
            (e.start, e.end)
            for e in prepared.detection.evidence
            if e.kind in NOTICE_EVIDENCE and e.start is not None and e.end is not None
        ]
        bilingual, extra = compare(
            original.document, original.language, original.spans, sentences, prepared.language, run.engine, notices
        )
        # A finding's text is the document's own slice: a pair of several sentences spans what lies between them.
        text = prepared.document.text
        extra = [
            replace(f, text=text[f.start : f.end]) if f.start is not None and f.end is not None else f for f in extra
        ]
        sentences, findings = attach(sentences, findings, extra, overrides)
    sentences, findings = _calibrate(sentences, findings, run)
    # After every source of findings, bilingual ones included: a notice is not article prose.
    sentences = quiet_notices(sentences, prepared.detection)
    from mtcheck.checks.risk import with_risk

    sentences = with_risk(sentences)
    return sentences, findings, terms, bilingual


def _calibrate(
    sentences: tuple[SentenceResult, ...], findings: tuple[Finding, ...], run: _Run
) -> tuple[tuple[SentenceResult, ...], tuple[Finding, ...]]:
    """The calibration (Settings.calibration: the engine's data file, none, or a user's file) over every
    finding; user overrides win."""
    from mtcheck.checks.calibrate import calibrate, resolve_calibration

    chosen = resolve_calibration(run.settings.calibration, run.settings.engine)
    return calibrate(sentences, findings, chosen, dict(run.settings.severities))


def _report(
    prepared: _Prepared,
    sentences: tuple[SentenceResult, ...],
    findings: tuple[Finding, ...],
    terms: tuple[dict[str, Any], ...],
    bilingual: BilingualResult | None,
    engine_info: EngineInfo | None,
) -> Report:
    from mtcheck.checks.scoring import signatures

    detection = prepared.detection
    if engine_info is not None:
        from mtcheck.detect import roundtrip_signal

        chrfs = [s.scores.chrf for s in sentences if s.scores is not None]
        detection = replace(detection, roundtrip_similarity=roundtrip_signal(chrfs) if chrfs else None)
    document = prepared.document
    return Report(
        document=DocumentInfo(
            path=document.path,
            name=document.name,
            language=prepared.language,
            text=document.text,
            format=document.format,
            source_map=document.source_map,
        ),
        detection=detection,
        engine=engine_info,
        sentences=sentences,
        findings=findings,
        summary=summarize(sentences, findings),
        signatures=signatures() if engine_info is not None else {},
        pivot_languages=prepared.pivots if engine_info is not None else (),
        version=__version__,
        terms=terms,
        bilingual=bilingual,
    )


def _round_trip_pivots(
    run: _Run, texts: list[str], language: str, pivots: Sequence[str], progress: ProgressCallback | None
) -> Iterator[tuple[str, list[PivotResult]]]:
    """Each pivot with the round trips of every text through it; explicit models apply to the first pivot."""
    settings = run.settings
    for number, pivot in enumerate(pivots):
        first = number == 0
        yield (
            pivot,
            _round_trip(
                run.engine,
                texts,
                language,
                pivot,
                forward_model=settings.forward_model if first else None,
                backward_model=settings.backward_model if first else None,
                progress=progress,
            ),
        )


def _round_trip(
    engine: Engine,
    texts: list[str],
    language: str,
    pivot: str,
    *,
    forward_model: str | None,
    backward_model: str | None,
    progress: ProgressCallback | None,
) -> list[PivotResult]:
    from mtcheck.checks.scoring import score_sentence

    total = 2 * len(texts)
    done = 0
    if progress:
        progress("sentences", 0, total)

    def step(label: str) -> Callable[[int], None]:
        def advance(n: int) -> None:
            nonlocal done
            done += n
            if progress:
                progress(label, done, total)

        return advance

    log.info("translating %d sentences %s -> %s -> %s", len(texts), language, pivot, language)
    forward = engine.translate(texts, language, pivot, model=forward_model, progress=step("sentences"))
    backward = engine.translate(forward, pivot, language, model=backward_model, progress=step("sentences"))
    results = [
        PivotResult(pivot_language=pivot, pivot=f, roundtrip=b, scores=score_sentence(t, b))
        for t, f, b in zip(texts, forward, backward, strict=True)
    ]
    from mtcheck.engines.forced import with_forced_scores

    return with_forced_scores(
        engine, texts, results, language, pivot, forward_model=forward_model, backward_model=backward_model
    )


def _run_checks(
    document: Document, language: str, sentences: tuple[SentenceResult, ...], run: _Run
) -> tuple[tuple[SentenceResult, ...], tuple[Finding, ...], tuple[dict[str, Any], ...]]:
    from mtcheck.checks import CheckContext, load_checks

    ctx = CheckContext(
        text=document.text, language=language, sentences=sentences, settings=run.settings, extras=run.extras()
    )
    found: list[Finding] = []
    for check_ in load_checks(run.settings.checks):
        if check_.needs_roundtrip and not any(s.pivots for s in sentences):
            continue
        found.extend(check_.run(ctx))
    sentences, loose = attach(sentences, (), found, dict(run.settings.severities))
    terms: tuple[dict[str, Any], ...] = ()
    if any(s.pivots for s in sentences):
        from mtcheck.checks.terminology import term_table

        terms = tuple(term_table(ctx))
    return sentences, loose, terms
