"""The engine protocol and registry: one module per engine, looked up by name."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Protocol, runtime_checkable

from mtcheck.config import Settings
from mtcheck.errors import UsageError
from mtcheck.results import ModelInfo

# name -> "module:Class"; modules are imported only when the engine is used.
ENGINES: dict[str, str] = {
    "marian": "mtcheck.engines.marian:MarianEngine",
    "ctranslate2": "mtcheck.engines.ct2:CTranslate2Engine",
    "apertium": "mtcheck.engines.apertium:ApertiumEngine",
}

# No engine: only the checks that need no translation run (bilingual files: every segment check).
NO_ENGINE = "none"

Progress = Callable[[int], None]  # called with the number of texts just finished


@runtime_checkable
class Engine(Protocol):
    """Translates batches of sentences between two languages."""

    name: str

    def translate(
        self,
        texts: Sequence[str],
        src: str,
        tgt: str,
        *,
        model: str | None = None,
        progress: Progress | None = None,
    ) -> list[str]:
        """Translate texts from src to tgt, keeping order; one output per input.

        `model` is an explicit model (path or hub id) for this direction; None resolves the default
        (`<models_dir>/opus-mt-<src>-<tgt>`, then the hub id `Helsinki-NLP/opus-mt-<src>-<tgt>`).
        """
        ...

    def models(self) -> list[ModelInfo]:
        """The models used so far (ids and revisions), for the report signature."""
        ...

    def decoding(self) -> dict[str, Any]:
        """Decoding settings that change outputs (beams, max length, compute type...)."""
        ...

    def cache_key(self, src: str, tgt: str, *, model: str | None = None) -> str:
        """What identifies this engine's outputs for a direction: model id+revision or content hash,
        compute type and decoding settings. Must not import torch or load the model."""
        ...


class EngineWrapper:
    """Base of engines that wrap another (the translation cache, the cross-document memo).

    They change how `translate` is answered, never what: models, decoding settings and cache keys are
    the inner engine's, and so is every attribute the wrapper does not define (hooks such as
    `unknown_words` or `score_tokens` pass through).
    """

    _own: ClassVar[tuple[str, ...]] = ("inner",)  # set in __init__: never looked up on the inner engine

    def __init__(self, inner: Engine) -> None:
        self.inner = inner
        self.name = inner.name

    def models(self) -> list[ModelInfo]:
        """The inner engine's models."""
        return self.inner.models()

    def decoding(self) -> dict[str, Any]:
        """The inner engine's decoding settings."""
        return self.inner.decoding()

    def cache_key(self, src: str, tgt: str, *, model: str | None = None) -> str:
        """The inner engine's key (a wrapper never changes outputs)."""
        return self.inner.cache_key(src, tgt, model=model)

    def __getattr__(self, name: str) -> Any:
        # Only called for attributes not found here: everything else is the inner engine's.
        if name in self._own:
            raise AttributeError(name)
        return getattr(self.inner, name)


@runtime_checkable
class MarksUnknownWords(Protocol):
    """An engine that marks words it could not translate (apertium's *, @, #); optional."""

    def unknown_words(self) -> Sequence[Any]:
        """The marked words so far: objects with direction, text, word, mark and reason."""
        ...

    def reset_unknown_words(self) -> None:
        """Start a new list (for the next document)."""
        ...


def unknown_word_marks(engine: Engine) -> MarksUnknownWords | None:
    """The engine's unknown-word marks, when it keeps them (cache wrappers pass them through)."""
    return engine if isinstance(engine, MarksUnknownWords) else None


def validate_engine(name: str) -> str:
    """The name, if an engine is registered under it; a UsageError naming the choices otherwise."""
    if name not in ENGINES and name != NO_ENGINE:
        known = ", ".join([*sorted(ENGINES), NO_ENGINE])
        raise UsageError(f"unknown engine {name!r}; choose one of: {known}", setting="engine")
    return name


def create_engine(name: str, settings: Settings) -> Engine:
    """Instantiate a registered engine."""
    if validate_engine(name) == NO_ENGINE:
        raise UsageError("no translation engine was chosen (engine 'none')", setting="engine")
    target = ENGINES[name]
    module_name, _, class_name = target.partition(":")
    module = importlib.import_module(module_name)
    engine: Engine = getattr(module, class_name)(settings)
    return engine
