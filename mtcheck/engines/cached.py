"""An engine wrapper that answers from the translation cache and sends only misses to the real engine."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from mtcheck.config import Settings
from mtcheck.engines.base import Engine, EngineWrapper, Progress
from mtcheck.engines.cache import TranslationCache, cache_path
from mtcheck.errors import TranslationError

PAIR_SEPARATOR = "\x1e"  # between source and target in the cache entry of a forced-decoding score


class CachedEngine(EngineWrapper):
    """Implements the Engine protocol over `inner`; a fully cached call never touches `inner.translate`.

    Optional hooks on the inner engine let it keep side information with each output:
    `cache_payload(src, tgt, text, output) -> str` gives what to store (default: the output), and
    `restore_from_cache(src, tgt, text, payload) -> str` turns it back into the output (raising
    ValueError makes the entry a miss). Other attributes (e.g. `unknown_words`) are the inner engine's.
    """

    _own = ("inner", "cache")

    def __init__(self, inner: Engine, cache: TranslationCache) -> None:
        super().__init__(inner)
        self.cache = cache
        self.hits = 0  # texts answered from the cache, counting repeats
        self.misses = 0  # distinct texts sent to the inner engine
        self._keys: dict[tuple[str, str, str | None], str] = {}

    def translate(
        self,
        texts: Sequence[str],
        src: str,
        tgt: str,
        *,
        model: str | None = None,
        progress: Progress | None = None,
    ) -> list[str]:
        """Translate texts, looking each distinct text up in the cache first."""
        key = self._key(src, tgt, model)
        counts = Counter(texts)
        outputs = self._lookup(key, list(counts), src, tgt)
        hits = sum(counts[t] for t in outputs)
        self.hits += hits
        if progress is not None and hits:
            progress(hits)
        misses = [t for t in counts if t not in outputs]
        if misses:
            self.misses += len(misses)
            new = self.inner.translate(misses, src, tgt, model=model, progress=progress)
            if len(new) != len(misses):
                raise TranslationError(
                    f"engine {self.name} returned {len(new)} translations for {len(misses)} texts ({src}-{tgt})"
                )
            payload = getattr(self.inner, "cache_payload", None)
            self.cache.put_many(
                key, [(t, payload(src, tgt, t, o) if payload else o) for t, o in zip(misses, new, strict=True)]
            )
            outputs.update(zip(misses, new, strict=True))
            repeats = sum(counts[t] - 1 for t in misses)
            if progress is not None and repeats:
                progress(repeats)
        return [outputs[t] for t in texts]

    def close(self) -> None:
        """Close the cache."""
        self.cache.close()

    def __getattr__(self, name: str) -> Any:
        if name == "score_tokens" and hasattr(self.inner, name):
            return self._score_tokens  # forced decoding is cached too, so a re-run does no model work
        return super().__getattr__(name)

    def _score_tokens(
        self, sources: Sequence[str], targets: Sequence[str], src: str, tgt: str, *, model: str | None = None
    ) -> list[list[tuple[str, float]]]:
        """The inner engine's forced-decoding scores, looked up per (source, target) pair first."""
        key = f"{self._key(src, tgt, model)}|forced"
        pairs = [f"{s}{PAIR_SEPARATOR}{t}" for s, t in zip(sources, targets, strict=True)]
        found: dict[str, list[tuple[str, float]]] = {}
        for pair, payload in self.cache.get_many(key, pairs).items():
            try:
                found[pair] = [(str(token), float(logprob)) for token, logprob in json.loads(payload)]
            except (ValueError, TypeError):
                continue
        missing = [p for p in dict.fromkeys(pairs) if p not in found]
        if missing:
            halves = [p.split(PAIR_SEPARATOR, 1) for p in missing]
            new = self.inner.score_tokens(  # type: ignore[attr-defined]
                [h[0] for h in halves], [h[1] for h in halves], src, tgt, model=model
            )
            self.cache.put_many(key, [(p, json.dumps(v)) for p, v in zip(missing, new, strict=True)])
            found.update(zip(missing, new, strict=True))
        return [found[p] for p in pairs]

    def _key(self, src: str, tgt: str, model: str | None) -> str:
        # The inner key may hash model files: compute it once per direction and model.
        found = self._keys.get((src, tgt, model))
        if found is None:
            found = f"{self.inner.cache_key(src, tgt, model=model)}|{src}-{tgt}"
            self._keys[(src, tgt, model)] = found
        return found

    def _lookup(self, key: str, texts: list[str], src: str, tgt: str) -> dict[str, str]:
        # A row of the wrong shape (another version, a hand edit) is a miss, never an error.
        stored = {t: p for t, p in self.cache.get_many(key, texts).items() if isinstance(p, str)}
        restore = getattr(self.inner, "restore_from_cache", None)
        if restore is None:
            return stored
        outputs: dict[str, str] = {}
        for text, payload in stored.items():
            try:
                output = restore(src, tgt, text, payload)
            except (ValueError, TypeError, KeyError, AttributeError):
                continue
            if isinstance(output, str):
                outputs[text] = output
        return outputs


def wrap_with_cache(engine: Engine, settings: Settings) -> Engine:
    """The engine behind the persistent cache, or unchanged with `--no-cache` or no usable cache."""
    if not settings.cache:
        return engine
    cache = TranslationCache(cache_path(settings))
    if not cache.enabled:
        return engine
    return CachedEngine(engine, cache)
