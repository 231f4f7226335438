"""The ctranslate2 engine: the same opus-mt models, converted once to CTranslate2, run without torch.

A model at `<dir>` (e.g. `models/opus-mt-en-de`) is converted on first use into `<dir>/ct2-<compute
type>/` (e.g. `ct2-int8/`) and reused afterwards; `mtcheck models convert` does the same ahead of time.
Only the conversion imports transformers and torch. Translation reads the converted weights with
ctranslate2 and tokenizes with the model's own SentencePiece files and vocab.json, exactly as
MarianTokenizer does, so outputs match the marian engine's.
"""

from __future__ import annotations

import json
import logging
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mtcheck import config
from mtcheck.config import Settings
from mtcheck.engines.base import Progress
from mtcheck.engines.batching import (
    capped_again,
    equal_length_batches,
    length_buckets,
    max_new_tokens,
    translate_in_batches,
)
from mtcheck.engines.ct2_vocab import MarianVocab
from mtcheck.engines.opus import OpusEngine
from mtcheck.errors import EngineError, ModelError, TranslationError, UsageError
from mtcheck.models.ct2_convert import COMPUTE_TYPES, ctranslate2_version, ensure_converted
from mtcheck.results import ModelInfo

log = logging.getLogger(__name__)

__all__ = ["COMPUTE_TYPES", "CTranslate2Engine", "ensure_converted", "max_decoding_length"]


def max_decoding_length(input_tokens: int, max_positions: int | None = None) -> int:
    """Tokens CTranslate2 may produce, matching the marian engine's max_new_tokens.

    transformers spends its last step on the forced </s> (opus-mt sets forced_eos_token_id), while
    CTranslate2 does not count </s>; one fewer step gives both the same longest output.
    """
    return max(1, max_new_tokens(input_tokens, max_positions) - 1)


@dataclass
class _Loaded:
    info: ModelInfo
    translator: Any
    vocab: MarianVocab
    path: Path
    max_positions: int | None


@dataclass(frozen=True)
class Tuning:
    """How CTranslate2 runs: where, with which compute type, threads and sub-batch size."""

    device: str
    compute_type: str
    inter_threads: int  # translators working on sub-batches in parallel
    intra_threads: int  # threads inside each translator
    batch_tokens: int  # source tokens per sub-batch (CTranslate2's max_batch_size, batch_type="tokens")


def choose_tuning(settings: Settings, cuda_devices: int) -> Tuning:
    """Device, compute type and threads for these settings (see bench/RESULTS.md for the measurements)."""
    device = settings.device
    if device == "auto":
        device = "cuda" if cuda_devices > 0 else "cpu"
    compute_type = settings.compute_type
    if device == "cuda":
        # int8 weights with float16 activations: the GPU's int8 path; one translator per GPU.
        compute_type = "int8_float16" if compute_type == "int8" else compute_type
        return Tuning(device, compute_type, 1, 1, settings.batch_tokens * 4)
    threads = settings.threads or os.cpu_count() or 1
    # Translators side by side (inter_threads) rather than threads inside one: the small matrices of a
    # beam step parallelise badly inside a translator. On the shared 2-core bench machine the split made
    # no difference beyond noise, and the widest calls were best (bench/RESULTS.md); past 4, split the rest.
    inter = min(threads, INTER_THREADS_MAX)
    return Tuning(device, compute_type, inter, max(1, threads // inter), settings.batch_tokens)


INTER_THREADS_MAX = 4
# Sentences per call: batch_size x inter_threads x this (measured best of those tried: 64 on 2 cores).
CALL_BATCHES = 2


class CTranslate2Engine(OpusEngine):
    """Round-trip engine on CTranslate2 (int8 by default); no torch once a model is converted."""

    name = "ctranslate2"

    def __init__(self, settings: Settings) -> None:
        if settings.compute_type not in COMPUTE_TYPES:
            known = ", ".join(COMPUTE_TYPES)
            raise UsageError(
                f"unknown compute type {settings.compute_type!r}; choose one of: {known}", setting="compute_type"
            )
        super().__init__(settings)
        self._tuning: Tuning | None = None
        self._decoded = 0  # sentences decoded, and how many of them ran to their length cap
        self._capped = 0

    @property
    def tuning(self) -> Tuning:
        """Device, compute type, threads and sub-batch size; `auto` asks CTranslate2 for CUDA devices."""
        if self._tuning is None:
            cuda = 0
            if self.settings.device == "auto":
                cuda = _cuda_devices()
            self._tuning = choose_tuning(self.settings, cuda)
        return self._tuning

    # -- protocol -------------------------------------------------------------------------------

    def translate(
        self,
        texts: Sequence[str],
        src: str,
        tgt: str,
        *,
        model: str | None = None,
        progress: Progress | None = None,
    ) -> list[str]:
        """Translate texts from src to tgt in token-length-sorted batches; one output per input, in order."""
        todo = [t for t in dict.fromkeys(texts) if t.strip()]
        if not todo:
            return translate_in_batches(texts, self.settings.batch_size, lambda batch: [], progress)
        loaded = self._load(src, tgt, model)
        tokens = {text: loaded.vocab.encode(text) for text in todo}
        # Sentences of one token length share a cap: batched together they need no second decoding
        # (see _generate); each call hands CTranslate2 enough to keep every inter_threads translator busy.
        size = self.settings.batch_size * self.tuning.inter_threads * CALL_BATCHES
        copies = Counter(texts)
        if progress is not None and len(todo) < len(copies):
            progress(sum(n for t, n in copies.items() if not t.strip()))  # empty texts need no model
        outputs: dict[str, str] = {}
        for batch in self._batches([len(tokens[t]) for t in todo], size):
            chunk = [todo[i] for i in batch]
            outputs.update(zip(chunk, self._generate(loaded, [tokens[t] for t in chunk]), strict=True))
            if progress is not None:
                progress(sum(copies[t] for t in chunk))
        return [outputs.get(t, "") for t in texts]

    def _batches(self, lengths: list[int], size: int) -> list[list[int]]:
        """Length-sorted batches; one token length per batch once most outputs have run to their cap.

        Outputs are the same either way (see _generate). Real models seldom reach the cap, and mixed
        lengths make fuller batches; a model that keeps running to it (random or broken weights) would
        have most of each mixed batch decoded twice, so its sentences are batched by length instead.
        """
        if self.settings.beams > 1 and 2 * self._capped > self._decoded:
            return equal_length_batches(lengths, size)
        return length_buckets(sorted(range(len(lengths)), key=lengths.__getitem__), lengths, size)

    def _generate(self, loaded: _Loaded, batch: list[list[str]]) -> list[str]:
        limit = loaded.max_positions
        if limit and any(len(tokens) > limit for tokens in batch):
            log.warning("a sentence longer than %d tokens was cut for %s", limit, loaded.info.direction)
            batch = [tokens if len(tokens) <= limit else tokens[: limit - 1] + tokens[-1:] for tokens in batch]
        caps = [max_decoding_length(len(tokens), limit) for tokens in batch]
        hypotheses = self._decode(loaded, batch, max(caps))
        self._decoded += len(batch)
        self._capped += sum(len(h) >= cap for h, cap in zip(hypotheses, caps, strict=True))
        for cap, again in capped_again(caps, [len(h) for h in hypotheses], self.settings.beams).items():
            for i, hypothesis in zip(again, self._decode(loaded, [batch[i] for i in again], cap), strict=True):
                hypotheses[i] = hypothesis
        # The batch shares one cap; each output is held to its own input's cap, as it would be alone.
        return [loaded.vocab.decode(h[:cap]) for h, cap in zip(hypotheses, caps, strict=True)]

    def _decode(self, loaded: _Loaded, batch: list[list[str]], cap: int) -> list[list[str]]:
        tuning = self.tuning
        try:
            results = loaded.translator.translate_batch(
                batch,
                beam_size=self.settings.beams,
                num_hypotheses=1,
                # Sub-batches of at most `batch_tokens` source tokens (split by CTranslate2, shared out
                # over its inter_threads translators); the attention caches grow with tokens x beams.
                max_batch_size=tuning.batch_tokens,
                batch_type="tokens",
                max_input_length=0,
                return_scores=False,  # unused; skipping them is a few percent faster
                max_decoding_length=cap,
            )
        except (RuntimeError, ValueError) as exc:
            raise TranslationError(f"ctranslate2 failed on {loaded.info.id}: {exc}") from exc
        return [list(result.hypotheses[0]) for result in results]

    def score_tokens(
        self, sources: Sequence[str], targets: Sequence[str], src: str, tgt: str, *, model: str | None = None
    ) -> list[list[tuple[str, float]]]:
        """Forced decoding with `Translator.score_batch`: each target token's log-probability given its
        source, the final </s> left out."""
        loaded = self._load(src, tgt, model)
        source_tokens = [loaded.vocab.encode(text) for text in sources]
        target_tokens = [loaded.vocab.encode(text)[:-1] for text in targets]  # score_batch adds </s>
        try:
            results = loaded.translator.score_batch(
                source_tokens, target_tokens, max_batch_size=self.settings.batch_size
            )
        except (RuntimeError, ValueError) as exc:
            raise EngineError(f"ctranslate2 could not score with {loaded.info.id}: {exc}") from exc
        return [
            [(t, float(v)) for t, v in zip(r.tokens, r.log_probs, strict=False) if t != loaded.vocab.eos]
            for r in results
        ]

    def decoding(self) -> dict[str, Any]:
        """Decoding settings that change outputs."""
        return {
            "beams": self.settings.beams,
            "max_length_ratio": config.MAX_LENGTH_RATIO,
            "max_length_slack": config.MAX_LENGTH_SLACK,
            "compute_type": self._effective_compute_type(),
            "ctranslate2": ctranslate2_version(),
            # Only where outputs can differ from the CPU's: the key and signature stay as they were there.
            **({"device": self.tuning.device} if self.settings.device != "cpu" and self.tuning.device != "cpu" else {}),
        }

    def _effective_compute_type(self) -> str:
        return self.tuning.compute_type if self.settings.device != "cpu" else self.settings.compute_type

    # -- loading --------------------------------------------------------------------------------

    def _load(self, src: str, tgt: str, model: str | None) -> _Loaded:
        key = (src, tgt, model)
        if key in self._loaded:
            return self._loaded[key]
        from mtcheck.models.resolve import resolve_model

        resolved = resolve_model(src, tgt, self.settings, explicit=model)
        compute_type = self.settings.compute_type
        try:
            import ctranslate2
        except ImportError:
            raise EngineError(
                "the ctranslate2 engine needs the ctranslate2 package: pip install 'mtcheck[ct2]'"
            ) from None
        tuning = self.tuning
        supported = ctranslate2.get_supported_compute_types(tuning.device)
        if tuning.compute_type not in supported:
            choices = ", ".join(sorted(supported))
            raise ModelError(
                f"compute type {tuning.compute_type!r} is not supported on {tuning.device} here; "
                f"choose one of: {choices}"
            )
        path, revision = resolved.path, resolved.revision
        if path is None:
            from mtcheck.models.hub import download_model, hub_offline
            from mtcheck.models.resolve import hub_unreachable, missing_model_message

            # Offline or unreachable: say what is missing at once, not the network library's "[Errno -2]".
            reason = hub_offline(self.settings) or hub_unreachable()
            if reason and resolved.source == "hub":
                raise ModelError(missing_model_message(resolved.direction, Path(self.settings.models_dir), reason))
            path, revision = download_model(resolved.id, self.settings)
        ct2_dir = ensure_converted(Path(path), compute_type)
        try:
            translator = ctranslate2.Translator(
                str(ct2_dir),
                device=tuning.device,
                compute_type=tuning.compute_type,
                inter_threads=tuning.inter_threads,
                intra_threads=tuning.intra_threads,
            )
        except (RuntimeError, ValueError) as exc:
            raise ModelError(f"cannot load the CTranslate2 model in {ct2_dir}: {exc}") from exc
        info = ModelInfo(direction=resolved.direction, id=resolved.id, revision=revision)
        vocab = MarianVocab.load(Path(path))
        loaded = _Loaded(info, translator, vocab, ct2_dir, _max_positions(Path(path)))
        self._loaded[key] = loaded
        return loaded


def _cuda_devices() -> int:
    try:
        import ctranslate2
    except ImportError:
        return 0
    try:
        return int(ctranslate2.get_cuda_device_count())
    except RuntimeError:
        return 0


def _max_positions(model_dir: Path) -> int | None:
    """max_position_embeddings from config.json: inputs and outputs never go beyond it."""
    try:
        value = json.loads((model_dir / "config.json").read_text(encoding="utf-8")).get("max_position_embeddings")
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, int) and value > 1 else None
