"""Cross-document batching: the sentences of a window of documents go to the engine together.

A 5-sentence article batched alone leaves most of a batch empty. `prefetch_window` reads a bounded
window of upcoming documents, asks the caller for each document's round-trip requests (its sentences as
segmentation will split them, its language and pivots), deduplicates the texts across the window and
translates them through the engine in one call per direction (the engine sorts them by length and
batches them; a cached engine answers what it already knows first). The results wait in a `MemoEngine`,
so each document's own round trip is answered from memory: the document goes through exactly the code
it would go through alone, and its report is the same by construction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from mtcheck.engines.base import Engine, EngineWrapper, Progress
from mtcheck.errors import MtcheckError

log = logging.getLogger(__name__)

T = TypeVar("T")
D = TypeVar("D")

# A window holds at most this many documents, or as many as reach this many sentences: bounded memory.
WINDOW_DOCUMENTS = 64
WINDOW_SENTENCES = 2048


@dataclass(frozen=True)
class RoundTripRequest:
    """The texts of one document to round-trip language -> pivot -> language, with the models to use."""

    texts: tuple[str, ...]
    language: str
    pivot: str
    forward_model: str | None = None
    backward_model: str | None = None


Direction = tuple[str, str, str | None]  # (src, tgt, model)


class MemoEngine(EngineWrapper):
    """Implements the Engine protocol over `inner`, answering first from translations made ahead."""

    _own = ("inner", "_memo")

    def __init__(self, inner: Engine) -> None:
        super().__init__(inner)
        self._memo: dict[Direction, dict[str, str]] = {}

    def translate(
        self,
        texts: Sequence[str],
        src: str,
        tgt: str,
        *,
        model: str | None = None,
        progress: Progress | None = None,
    ) -> list[str]:
        """Translations from the memo; texts it does not hold go to the inner engine."""
        memo = self._memo.get((src, tgt, model), {})
        missing = [t for t in dict.fromkeys(texts) if t not in memo]
        known = len(texts) - sum(1 for t in texts if t not in memo)
        if progress is not None and known:
            progress(known)
        if not missing:
            return [memo[t] for t in texts]
        found = dict(zip(missing, self.inner.translate(missing, src, tgt, model=model), strict=True))
        if progress is not None:
            progress(len(texts) - known)
        return [memo[t] if t in memo else found[t] for t in texts]

    def prefetch(self, requests: Iterable[RoundTripRequest], progress: Progress | None = None) -> int:
        """Translate every request's texts forward, then the pivots back, deduplicated; returns texts sent."""
        forward: dict[Direction, dict[str, None]] = {}
        backward: dict[Direction, Direction] = {}  # backward direction -> its forward direction
        for request in requests:
            there = (request.language, request.pivot, request.forward_model)
            forward.setdefault(there, {}).update(dict.fromkeys(t for t in request.texts if t.strip()))
            backward[(request.pivot, request.language, request.backward_model)] = there
        sent = 0
        for there, texts in forward.items():
            sent += self._fill(there, list(texts), progress)
        for back, there in backward.items():
            pivots = [p for p in dict.fromkeys(self._memo.get(there, {}).values()) if p.strip()]
            sent += self._fill(back, pivots, progress)
        return sent

    def forget(self) -> None:
        """Drop every translation held (the window's documents are done)."""
        self._memo.clear()

    def _fill(self, direction: Direction, texts: list[str], progress: Progress | None) -> int:
        memo = self._memo.setdefault(direction, {})
        todo = [t for t in texts if t not in memo]
        if not todo:
            return 0
        src, tgt, model = direction
        memo.update(zip(todo, self.inner.translate(todo, src, tgt, model=model, progress=progress), strict=True))
        return len(todo)


def prefetch_window(
    entries: Iterable[tuple[T, Callable[[], D]]],
    engine: MemoEngine,
    requests: Callable[[D], list[RoundTripRequest]],
    *,
    documents: int | None = None,
    sentences: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[tuple[T, Callable[[], D]]]:
    """Yield the entries again, each window's round trips translated together before its first entry.

    An entry is (item, read): `read()` returns the document or raises; it is called once here and its
    outcome replayed to the consumer. `requests(document)` says what the document will translate and may
    raise MtcheckError (the document is then left out here and fails on its own later). An EngineError
    while translating the window is logged and each document then translates alone, so the run goes on
    exactly as it would without batching; a missing model (ModelError) stops it, as it would anyway.
    """
    documents = documents or WINDOW_DOCUMENTS
    sentences = sentences or WINDOW_SENTENCES
    window: list[tuple[T, Callable[[], D]]] = []
    wanted: list[RoundTripRequest] = []
    count = 0

    def flush() -> Iterator[tuple[T, Callable[[], D]]]:
        nonlocal count
        if wanted:
            total = 2 * sum(len(r.texts) for r in wanted)
            done = 0

            def advance(n: int) -> None:
                nonlocal done
                done += n
                if progress is not None:
                    progress(min(done, total), total)

            try:
                engine.prefetch(wanted, advance)
            # The window is an optimisation: whatever fails here, each document is then translated on its
            # own, so the one that fails does so alone (and a missing model still stops the run there).
            except Exception as exc:
                log.info("batch of %d documents failed (%s); translating them one by one", len(window), exc)
        yield from window
        engine.forget()
        window.clear()
        wanted.clear()
        count = 0

    for item, read in entries:
        outcome = _Replay(read)
        window.append((item, outcome))
        document = outcome.value
        if document is not None:
            try:
                found = requests(document)
            except MtcheckError:
                found = []
            wanted.extend(found)
            count += sum(len(r.texts) for r in found)
        if len(window) >= documents or count >= sentences:
            yield from flush()
    yield from flush()


class _Replay:
    """Calls read() once, now, and gives its result or raises its exception when called."""

    def __init__(self, read: Callable[[], Any]) -> None:
        self.value: Any = None
        self.error: BaseException | None = None
        try:
            self.value = read()
        except Exception as exc:  # replayed to the consumer, which decides what a failure is
            self.error = exc

    def __call__(self) -> Any:
        if self.error is not None:
            raise self.error
        return self.value
