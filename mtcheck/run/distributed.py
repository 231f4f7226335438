"""Documents through a Ray cluster: a pool of engine actors, reports handed back here as they finish.

Each actor loads its models once and checks chunks of documents with the same code as a local run
(cross-document batching included), so a report is the same as a local run's. Documents are read here
and sent to the actors, so the inputs need not be on the other nodes; the models folder must be (the
same path on every node, or a hub id each node can reach). Ray is imported only when a run asks for it.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mtcheck.api import InputFailure, ProgressCallback, RunResult, validate_settings
from mtcheck.api.core import _Run
from mtcheck.config import Settings
from mtcheck.errors import InputError, ModelError, MtcheckError, UsageError
from mtcheck.read.document import Document
from mtcheck.read.inputs import InputItem, expand_inputs
from mtcheck.results import Report

log = logging.getLogger("mtcheck")

IN_FLIGHT_PER_ACTOR = 2  # chunks queued per actor: one running, one waiting, so no actor idles
MAX_CHUNK = 32  # documents per chunk at most (a chunk is also one window of cross-document batching)


def ray_address(value: str) -> str | None:
    """Where to connect: 'auto' is $RAY_ADDRESS when set, else None (Ray starts a local cluster)."""
    if value == "auto":
        return os.environ.get("RAY_ADDRESS") or None
    return value


CONNECT_TIMEOUT = 5.0  # seconds to reach a cluster's port before Ray is asked (Ray itself retries for minutes)


def check_reachable(address: str | None, timeout: float = CONNECT_TIMEOUT) -> None:
    """A UsageError at once when nothing listens at a HOST:PORT (or ray://HOST:PORT) address; None is local."""
    if not address:
        return
    import socket
    from urllib.parse import urlsplit

    target = address if "://" in address else f"//{address}"
    try:
        parts = urlsplit(target)
        host, port = parts.hostname, parts.port
    except ValueError:
        return  # not HOST:PORT: Ray says what it thinks of it
    if not host or port is None:
        return
    try:
        socket.create_connection((host, port), timeout=timeout).close()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__.replace("Error", "").lower() or str(exc)
        raise UsageError(f"cannot reach the Ray cluster {address!r}: {reason}", setting="ray") from None


@dataclass(frozen=True)
class Pool:
    """How many engine actors, and what each asks of Ray."""

    actors: int
    cpus: float
    gpus: float
    settings: Settings


def plan_pool(settings: Settings, resources: dict[str, float]) -> Pool:
    """One actor per GPU when the run may use GPUs and the cluster has them; else one per `threads` CPUs."""
    gpus = int(resources.get("GPU", 0))
    if settings.device in ("cuda", "auto") and gpus > 0:
        return Pool(gpus, 1, 1, settings.with_(device="cuda", ray=None))
    threads = settings.threads or 1
    cpus = max(1, int(resources.get("CPU", 1)))
    actors = max(1, cpus // threads)
    return Pool(actors, min(threads, cpus), 0, settings.with_(device="cpu", threads=threads, ray=None))


class Checker:
    """A Ray actor: one engine (models loaded once) checking chunks of documents."""

    def __init__(self, settings: Settings) -> None:
        self.run = _Run(settings, None, True)

    def check(self, chunk: list[tuple[int, Document]]) -> list[tuple[int, Report | InputFailure]]:
        """Each document's report or failure; a missing model is raised as ModelError for the driver."""
        from mtcheck.api.core import _batched, _check_one

        done: list[tuple[int, Report | InputFailure]] = []
        entries: Iterator[tuple[Any, Callable[[], Document]]] = iter(
            [(index, _given(document)) for index, document in chunk]
        )
        # The same path as a local run: the chunk is one window of cross-document batching.
        for index, read in _batched(entries, self.run, None):
            document = read()
            try:
                done.append((index, _check_one(document, self.run, None)))
            except ModelError:
                raise
            except MtcheckError as exc:
                done.append((index, InputFailure(document.path, str(exc), exc.setting)))
        return done


def _given(document: Document) -> Callable[[], Document]:
    return lambda: document


def check_many_ray(
    paths: Sequence[str],
    *,
    settings: Settings,
    progress: ProgressCallback | None = None,
    on_report: Callable[[Report], None] | None = None,
    on_failure: Callable[[InputFailure], None] | None = None,
    skip: Sequence[str | Path] = (),
) -> RunResult:
    """check_many on a Ray cluster (`settings.ray`: 'auto' or an address); same reports, in input order.

    Folders in `skip` (where this run writes its reports) are never searched for inputs.
    """
    settings = validate_settings(settings)
    try:
        import ray
    except ImportError:
        raise UsageError("running on Ray needs the ray package: pip install 'mtcheck[ray]'", setting="ray") from None
    _Run(settings, None, True).extras()  # a bad glossary is the run's error, not each document's
    items = expand_inputs(paths, skip=skip)
    started = not ray.is_initialized()
    if started:
        address = ray_address(settings.ray or "auto")
        check_reachable(address)
        try:
            ray.init(
                address=address,
                include_dashboard=False,
                log_to_driver=False,
                logging_level=logging.WARNING,
            )
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise UsageError(f"cannot reach the Ray cluster {settings.ray!r}: {exc}", setting="ray") from None
    try:
        return _run_pool(ray, items, settings, progress, on_report, on_failure)
    finally:
        if started:
            ray.shutdown()


def _run_pool(
    ray: Any,
    items: Sequence[InputItem],
    settings: Settings,
    progress: ProgressCallback | None,
    on_report: Callable[[Report], None] | None,
    on_failure: Callable[[InputFailure], None] | None,
) -> RunResult:
    from mtcheck.api.core import _read_ahead

    pool = plan_pool(settings, ray.cluster_resources())
    remote = ray.remote(Checker).options(num_cpus=pool.cpus, num_gpus=pool.gpus)
    actors = [remote.remote(pool.settings) for _ in range(min(pool.actors, max(1, len(items))))]
    log.info("checking %d inputs on %d Ray actors", len(items), len(actors))
    size = max(1, min(MAX_CHUNK, math.ceil(len(items) / (len(actors) * IN_FLIGHT_PER_ACTOR))))
    results: dict[int, Report | InputFailure] = {}
    pending: dict[Any, tuple[int, int]] = {}  # ray ref -> (actor, documents in it)
    load = [0] * len(actors)

    def finish(result: Report | InputFailure, index: int) -> None:
        results[index] = result
        if isinstance(result, InputFailure):
            if on_failure:
                on_failure(result)
        elif on_report:
            on_report(result)
        if progress:
            progress("documents", len(results), len(items))

    def collect(wait_for_one: bool) -> None:
        if not pending:
            return
        ready, _ = ray.wait(list(pending), num_returns=1, timeout=None if wait_for_one else 0)
        for ref in ready:
            actor, _count = pending.pop(ref)
            load[actor] -= 1
            try:
                chunk_results = ray.get(ref)
            except ray.exceptions.RayTaskError as exc:
                cause = exc.cause if isinstance(getattr(exc, "cause", None), BaseException) else exc
                if isinstance(cause, ModelError):
                    raise ModelError(str(cause)) from None
                raise
            for index, result in chunk_results:
                finish(result, index)

    def submit(chunk: list[tuple[int, Document]]) -> None:
        while min(load) >= IN_FLIGHT_PER_ACTOR:
            collect(wait_for_one=True)
        actor = load.index(min(load))
        load[actor] += 1
        pending[actors[actor].check.remote(chunk)] = (actor, len(chunk))

    if progress:
        progress("documents", 0, len(items))
    chunk: list[tuple[int, Document]] = []
    reader = _Run(settings, None, False)  # the driver reads inputs (files, stdin, web pages); actors check them
    for index, (item, read) in enumerate(_read_ahead(items, reader)):
        try:
            document = read()
            if not isinstance(document, Document):
                raise InputError(f"{item.path}: bilingual files are not checked on Ray yet; run without --ray")
            chunk.append((index, document))
        except MtcheckError as exc:
            finish(InputFailure(item.path, str(exc), exc.setting), index)
        if len(chunk) >= size:
            submit(chunk)
            chunk = []
        collect(wait_for_one=False)
    if chunk:
        submit(chunk)
    while pending:
        collect(wait_for_one=True)
    reader.close()
    ordered = [results[i] for i in sorted(results)]
    return RunResult(
        tuple(r for r in ordered if isinstance(r, Report)), tuple(r for r in ordered if isinstance(r, InputFailure))
    )
