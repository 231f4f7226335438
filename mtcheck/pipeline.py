"""The library entry point: check(document, settings) -> Report."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from mtcheck import __version__
from mtcheck.assemble import attach, quiet_notices, unknown_word_findings
from mtcheck.config import Settings, default_pivot
from mtcheck.document import Document, read_document
from mtcheck.engines.base import Engine, create_engine
from mtcheck.errors import InputError, ModelError, MtcheckError, UsageError
from mtcheck.inputs import InputItem, expand_inputs
from mtcheck.results import (
    DocumentInfo,
    EngineInfo,
    Finding,
    PivotResult,
    Report,
    SentenceResult,
    summarize,
)

log = logging.getLogger("mtcheck")

# Called with (stage, done, total): "translate" counts texts through the engine.
ProgressCallback = Callable[[str, int, int], None]


@dataclass(frozen=True)
class InputFailure:
    """An input that could not be checked, with the one-line reason."""

    path: str
    message: str


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
        self.translate = translate
        self._extras: dict[str, Any] | None = None
        self._source: tuple[Document, str, list[tuple[int, int]]] | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from mtcheck.engines.cached import wrap_with_cache

            self._engine = wrap_with_cache(create_engine(self.settings.engine, self.settings), self.settings)
        return self._engine

    def source(self) -> tuple[Document, str, list[tuple[int, int]]] | None:
        """The original article of bilingual mode (--source), read and segmented once."""
        if self.settings.source is None:
            return None
        if self._source is None:
            from mtcheck.language import detect_language
            from mtcheck.segment import segment

            original = read_document(self.settings.source)
            language = detect_language(original.text)
            if language is None:
                raise InputError(f"{original.path}: cannot tell the original's language")
            self._source = (original, language, segment(original.text, language, original.paragraphs or None))
        return self._source

    def extras(self) -> dict[str, Any]:
        if self._extras is None:
            self._extras = {}
            if self.settings.glossary is not None:
                from mtcheck.glossary import load_glossary

                self._extras["glossary"] = load_glossary(self.settings.glossary)
        return self._extras


def check(
    source: str | Path | Document,
    *,
    settings: Settings | None = None,
    engine: Engine | None = None,
    translate: bool = True,
    progress: ProgressCallback | None = None,
) -> Report:
    """Check one document: detect, segment, round-trip, score and find problems."""
    settings = (settings or Settings()).validate()
    return _check_one(source, _Run(settings, engine, translate), progress)


def check_many(
    paths: Sequence[str],
    *,
    settings: Settings | None = None,
    engine: Engine | None = None,
    translate: bool = True,
    progress: ProgressCallback | None = None,
    on_report: Callable[[Report], None] | None = None,
    on_failure: Callable[[InputFailure], None] | None = None,
) -> RunResult:
    """Check every input; a bad input becomes an InputFailure and the others still run."""
    settings = (settings or Settings()).validate()
    run = _Run(settings, engine, translate)
    reports: list[Report] = []
    failures: list[InputFailure] = []
    items = expand_inputs(paths)
    run.extras()  # a bad glossary is the run's error, not each document's
    for number, (item, read) in enumerate(_read_ahead(items)):
        if progress:
            progress("documents", number, len(items))
        try:
            report = _check_one(read(), run, progress)
        except ModelError:
            raise  # a missing or broken model fails every document alike: stop and say it once
        except MtcheckError as exc:
            failure = InputFailure(item.path, str(exc))
            failures.append(failure)
            if on_failure:
                on_failure(failure)
            continue
        reports.append(report)
        if on_report:
            on_report(report)
    if progress:
        progress("documents", len(items), len(items))
    return RunResult(tuple(reports), tuple(failures))


def _read_ahead(items: Sequence[InputItem]) -> Iterator[tuple[InputItem, Callable[[], Document]]]:
    """Yield each input with a function returning its Document; the next one is read while this one runs."""
    from concurrent.futures import Future, ThreadPoolExecutor

    def read(item: InputItem) -> Document:
        if item.error is not None:
            raise item.error
        return read_document(item.path, name=item.name)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="mtcheck-read") as reader:
        pending: Future[Document] | None = reader.submit(read, items[0]) if items else None
        for index, item in enumerate(items):
            current = pending
            assert current is not None  # one future per item
            pending = reader.submit(read, items[index + 1]) if index + 1 < len(items) else None
            yield item, current.result


def _check_one(source: str | Path | Document, run: _Run, progress: ProgressCallback | None) -> Report:
    from mtcheck.detect import detect
    from mtcheck.language import detect_language
    from mtcheck.segment import segment

    settings = run.settings
    document = source if isinstance(source, Document) else read_document(source)
    language = settings.language or detect_language(document.text)
    if language is None:
        raise InputError(f"{document.path}: cannot tell the document's language; pass --language")
    detection = detect(document, language=language)
    spans = segment(document.text, language, document.paragraphs or None)
    if run.translate and len(spans) > settings.max_sentences:
        raise InputError(
            f"{document.path}: {len(spans)} sentences, more than --max-sentences {settings.max_sentences}; "
            "raise the limit or split the document"
        )
    original = run.source() if run.translate else None
    if original is not None and original[1] == language:
        raise UsageError(f"{document.path}: the original and the translation are both in {language!r}")
    pivots = settings.pivots or ((original[1],) if original else (default_pivot(language),))
    if language in pivots:
        raise UsageError(f"{document.path}: pivot language {language!r} is the document's own language")

    texts = [document.text[start:end] for start, end in spans]
    per_pivot: list[list[PivotResult]] = [[] for _ in texts]
    engine_info: EngineInfo | None = None
    unknown: list[Finding] = []
    if run.translate and texts:
        reset = getattr(run.engine, "reset_unknown_words", None)
        if reset is not None:
            reset()
        for number, pivot in enumerate(pivots):
            first = number == 0
            results = _round_trip(
                run.engine,
                texts,
                language,
                pivot,
                forward_model=settings.forward_model if first else None,
                backward_model=settings.backward_model if first else None,
                progress=progress,
            )
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
    sentences, findings, terms = _run_checks(document, language, sentences, run)
    sentences, findings = attach(sentences, findings, unknown, dict(settings.severities))
    sentences = quiet_notices(sentences, detection)
    bilingual = None
    if original is not None:
        from mtcheck.bilingual import compare

        bilingual, extra = compare(original[0], original[1], original[2], sentences, language, run.engine)
        sentences, findings = attach(sentences, findings, extra, dict(settings.severities))

    if engine_info is not None:
        from mtcheck.detect import roundtrip_signal

        chrfs = [s.scores.chrf for s in sentences if s.scores is not None]
        detection = replace(detection, roundtrip_similarity=roundtrip_signal(chrfs) if chrfs else None)

    from mtcheck.scoring import signatures

    return Report(
        document=DocumentInfo(
            path=document.path,
            name=document.name,
            language=language,
            text=document.text,
            format=document.format,
        ),
        detection=detection,
        engine=engine_info,
        sentences=sentences,
        findings=findings,
        summary=summarize(sentences, findings),
        signatures=signatures() if engine_info is not None else {},
        pivot_languages=tuple(pivots) if engine_info is not None else (),
        version=__version__,
        terms=terms,
        bilingual=bilingual,
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
    from mtcheck.scoring import score_sentence

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
    return [
        PivotResult(pivot_language=pivot, pivot=f, roundtrip=b, scores=score_sentence(t, b))
        for t, f, b in zip(texts, forward, backward, strict=True)
    ]


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
