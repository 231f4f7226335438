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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mtcheck import config
from mtcheck.config import Settings
from mtcheck.engines.base import Progress
from mtcheck.engines.batching import max_new_tokens, translate_in_batches
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


HYPOTHESES_AT_ONCE = 64  # a full default batch (16) at beam 4: splitting it further costs a third of the speed


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
        """Translate texts from src to tgt in length-sorted batches; one output per input, in order."""

        # Batching, empty texts and length caps are MarianEngine's, so outputs can match.
        def generate(batch: list[str]) -> list[str]:
            loaded = self._load(src, tgt, model)
            return self._generate(loaded, [loaded.vocab.encode(text) for text in batch])

        return translate_in_batches(texts, self.settings.batch_size, generate, progress)

    def _generate(self, loaded: _Loaded, batch: list[list[str]]) -> list[str]:
        limit = loaded.max_positions
        if limit and any(len(tokens) > limit for tokens in batch):
            log.warning("a sentence longer than %d tokens was cut for %s", limit, loaded.info.direction)
            batch = [tokens if len(tokens) <= limit else tokens[: limit - 1] + tokens[-1:] for tokens in batch]
        try:
            results = loaded.translator.translate_batch(
                batch,
                beam_size=self.settings.beams,
                num_hypotheses=1,
                # At most HYPOTHESES_AT_ONCE beams decode together: the attention caches grow with
                # batch x beams x output length; a default batch (16 at beam 4) is never split.
                max_batch_size=max(1, HYPOTHESES_AT_ONCE // self.settings.beams),
                max_input_length=0,
                return_scores=False,  # unused; skipping them is a few percent faster
                max_decoding_length=max_decoding_length(max(len(t) for t in batch), limit),
            )
        except (RuntimeError, ValueError) as exc:
            raise TranslationError(f"ctranslate2 failed on {loaded.info.id}: {exc}") from exc
        # The batch shares one cap; each output is held to its own input's cap, as marian does.
        return [
            loaded.vocab.decode(result.hypotheses[0][: max_new_tokens(len(tokens), limit)])
            for tokens, result in zip(batch, results, strict=True)
        ]

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
            "compute_type": self.settings.compute_type,
            "ctranslate2": ctranslate2_version(),
        }

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
        supported = ctranslate2.get_supported_compute_types(self.settings.device)
        if compute_type not in supported:
            choices = ", ".join(sorted(supported))
            raise ModelError(
                f"compute type {compute_type!r} is not supported on {self.settings.device} here; "
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
        threads = self.settings.threads or os.cpu_count() or 1
        try:
            translator = ctranslate2.Translator(
                str(ct2_dir),
                device=self.settings.device,
                compute_type=compute_type,
                inter_threads=1,
                intra_threads=threads,
            )
        except (RuntimeError, ValueError) as exc:
            raise ModelError(f"cannot load the CTranslate2 model in {ct2_dir}: {exc}") from exc
        info = ModelInfo(direction=resolved.direction, id=resolved.id, revision=revision)
        vocab = MarianVocab.load(Path(path))
        loaded = _Loaded(info, translator, vocab, ct2_dir, _max_positions(Path(path)))
        self._loaded[key] = loaded
        return loaded


def _max_positions(model_dir: Path) -> int | None:
    """max_position_embeddings from config.json: inputs and outputs never go beyond it."""
    try:
        value = json.loads((model_dir / "config.json").read_text(encoding="utf-8")).get("max_position_embeddings")
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, int) and value > 1 else None
