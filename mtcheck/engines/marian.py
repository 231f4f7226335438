"""The reference engine: Helsinki-NLP opus-mt (MarianMT) through transformers, tokenizer + generate().

torch and transformers are imported only when a model is first loaded; each direction's model is
loaded once and kept for the whole run, so several documents share it.
"""

from __future__ import annotations

import importlib.metadata
import logging
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mtcheck import config
from mtcheck.config import Settings
from mtcheck.engines.base import Progress
from mtcheck.engines.batching import capped_again, length_buckets, max_new_tokens, translate_in_batches
from mtcheck.engines.opus import OpusEngine
from mtcheck.errors import EngineError, ModelError, TranslationError
from mtcheck.models.resolve import (
    ResolvedModel,
    hub_revision,
    hub_unreachable,
    missing_model_message,
    resolve_model,
)
from mtcheck.results import ModelInfo

log = logging.getLogger(__name__)

__all__ = ["MarianEngine", "length_buckets", "load_marian", "max_new_tokens"]


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__


def _load_error(resolved: ResolvedModel, settings: Settings, exc: BaseException) -> ModelError:
    direction = resolved.direction
    if resolved.path is not None:
        return ModelError(
            f"cannot load the {direction} model from {resolved.path}: {_one_line(exc)}; "
            f"check its files (`mtcheck models verify`) or replace them"
        )
    if resolved.source == "explicit":
        return ModelError(f"cannot load {resolved.id} for {direction} from the Hugging Face hub: {_one_line(exc)}")
    from mtcheck.models.hub import hub_offline

    reason = hub_offline(settings) or hub_unreachable()
    return ModelError(missing_model_message(direction, Path(settings.models_dir), reason))


def load_marian(
    model_id: str | Path, *, revision: str | None = None, local_only: bool = False, device: str = "cpu"
) -> tuple[Any, Any]:
    """(MarianTokenizer, MarianMTModel in eval mode) from a folder or hub id; raises what transformers raises."""
    from transformers import MarianMTModel, MarianTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # mtcheck shows its own progress
    options: dict[str, Any] = {"revision": revision, "local_files_only": local_only}
    with warnings.catch_warnings():
        # Without sacremoses the tokenizer skips Moses punctuation normalisation and says so each load.
        warnings.filterwarnings("ignore", message=".*sacremoses.*")
        tokenizer = MarianTokenizer.from_pretrained(str(model_id), **options)
    model: Any = MarianMTModel.from_pretrained(str(model_id), **options)
    model.to(device)
    model.eval()
    return tokenizer, model


@dataclass
class _Loaded:
    info: ModelInfo
    tokenizer: Any
    model: Any
    max_positions: int | None


class MarianEngine(OpusEngine):
    """Round trips through opus-mt models with transformers (the reference path)."""

    name = "marian"

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
        return translate_in_batches(
            texts, self.settings.batch_size, lambda batch: self._generate(self._load(src, tgt, model), batch), progress
        )

    def score_tokens(
        self, sources: Sequence[str], targets: Sequence[str], src: str, tgt: str, *, model: str | None = None
    ) -> list[list[tuple[str, float]]]:
        """Forced decoding: each target token's log-probability given its source (one forward pass with
        labels, no generation); the final </s> is left out."""
        import torch

        loaded = self._load(src, tgt, model)
        tokenizer, network = loaded.tokenizer, loaded.model
        limit = loaded.max_positions or tokenizer.model_max_length
        out: list[list[tuple[str, float]]] = []
        size = self.settings.batch_size
        for i in range(0, len(sources), size):
            batch = tokenizer(
                list(sources[i : i + size]),
                text_target=list(targets[i : i + size]),
                return_tensors="pt",
                padding=True,
                truncation=True,
                max_length=limit,
            ).to(network.device)
            labels = batch["labels"]
            labels = labels.masked_fill(labels == tokenizer.pad_token_id, -100)
            with torch.inference_mode():
                logits = network(
                    input_ids=batch["input_ids"], attention_mask=batch["attention_mask"], labels=labels
                ).logits
            logprobs = torch.log_softmax(logits.float(), dim=-1)
            for row, lp in zip(labels, logprobs, strict=True):
                keep = row != -100
                ids = row[keep]
                values = lp[keep].gather(-1, ids.unsqueeze(-1)).squeeze(-1)
                pieces = tokenizer.convert_ids_to_tokens(ids.tolist())
                out.append([(p, float(v)) for p, v in zip(pieces, values, strict=True) if p != tokenizer.eos_token])
        return out

    def decoding(self) -> dict[str, Any]:
        """Decoding settings that change outputs."""
        return {
            "beams": self.settings.beams,
            "max_length_ratio": config.MAX_LENGTH_RATIO,
            "max_length_slack": config.MAX_LENGTH_SLACK,
            "batch_size": self.settings.batch_size,
            "transformers": _version("transformers"),
            **({"device": self.device} if self.device != "cpu" else {}),
        }

    @property
    def device(self) -> str:
        """Where the models run: `auto` is cuda when torch sees a GPU (torch is imported only where a driver is)."""
        if self.settings.device != "auto":
            return self.settings.device
        if not Path("/proc/driver/nvidia/version").exists():
            return "cpu"
        import torch

        return "cuda" if torch.cuda.is_available() else "cpu"

    # -- internals ------------------------------------------------------------------------------

    def _load(self, src: str, tgt: str, model: str | None) -> _Loaded:
        key = (src, tgt, model)
        if key in self._loaded:
            return self._loaded[key]
        resolved = resolve_model(src, tgt, self.settings, explicit=model)
        from mtcheck.models.hub import hub_offline

        local_only = resolved.path is None and (hub_offline(self.settings) is not None or hub_unreachable() is not None)
        source = resolved.path if resolved.path is not None else resolved.id
        try:
            import torch

            if self.settings.threads:
                torch.set_num_threads(self.settings.threads)
            tokenizer, network = load_marian(
                source, revision=resolved.revision, local_only=local_only, device=self.device
            )
        except ImportError as exc:
            raise EngineError(f"the marian engine needs torch and transformers: {_one_line(exc)}") from exc
        except Exception as exc:  # transformers raises OSError, ValueError, RuntimeError, safetensors errors...
            raise _load_error(resolved, self.settings, exc) from exc
        revision = resolved.revision
        if resolved.path is None:
            revision = hub_revision(resolved.id, revision)
        max_positions = getattr(network.config, "max_position_embeddings", None)
        info = ModelInfo(direction=resolved.direction, id=resolved.id, revision=revision)
        loaded = _Loaded(info=info, tokenizer=tokenizer, model=network, max_positions=max_positions)
        self._loaded[key] = loaded
        log.info("loaded %s for %s", resolved.id, resolved.direction)
        return loaded

    def _generate(self, loaded: _Loaded, batch: list[str]) -> list[str]:
        tokenizer = loaded.tokenizer
        limit = loaded.max_positions or tokenizer.model_max_length
        inputs = tokenizer(batch, return_tensors="pt", padding=True, truncation=True, max_length=limit)
        lengths = [int(n) for n in inputs["attention_mask"].sum(dim=1)]
        if max(lengths) >= limit:
            log.warning("a sentence longer than %d tokens was cut for %s", limit, loaded.info.direction)
        # Alone, a sentence gets max_new_tokens steps, the last one spent on the forced </s>.
        caps = [max_new_tokens(n, loaded.max_positions) - 1 for n in lengths]
        rows = self._decode(loaded, inputs, max(lengths))
        produced = [_produced(row, tokenizer) for row in rows]
        for _cap, again in capped_again(caps, produced, self.settings.beams).items():
            redo = tokenizer(
                [batch[i] for i in again], return_tensors="pt", padding=True, truncation=True, max_length=limit
            )
            for i, row in zip(again, self._decode(loaded, redo, lengths[again[0]]), strict=True):
                rows[i] = row
        # The batch shares one cap; each output is held to its own input's cap (+1: the start token).
        cut = [row[: cap + 1] for row, cap in zip(rows, caps, strict=True)]
        return [text.strip() for text in tokenizer.batch_decode(cut, skip_special_tokens=True)]

    def _decode(self, loaded: _Loaded, inputs: Any, longest: int) -> list[Any]:
        import torch

        network = loaded.model
        new_tokens = max_new_tokens(longest, loaded.max_positions)
        inputs = inputs.to(network.device)
        try:
            with torch.inference_mode():
                generated = network.generate(
                    **inputs,
                    num_beams=self.settings.beams,
                    max_length=new_tokens + 1,  # + the decoder start token; max_new_tokens would warn
                    min_length=0,
                )
        except (RuntimeError, ValueError, IndexError) as exc:
            raise TranslationError(f"generation failed with {loaded.info.id}: {_one_line(exc)}") from exc
        return list(generated.cpu())


def _produced(row: Any, tokenizer: Any) -> int:
    """Tokens a generated row holds after the start token, up to its </s> (padding and </s> left out)."""
    count = 0
    for token in row[1:].tolist():
        if token in (tokenizer.eos_token_id, tokenizer.pad_token_id):
            break
        count += 1
    return count


def _version(package: str) -> str | None:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None
