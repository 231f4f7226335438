"""Marian tokenization without transformers: SentencePiece pieces mapped through vocab.json.

Mirrors MarianTokenizer: special tokens written in the text stay tokens, a leading `>>xx<<` language
code is kept whole, every other piece not in vocab.json becomes <unk>, and </s> ends every input.
Decoding drops special tokens and joins the pieces as MarianTokenizer does.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mtcheck.errors import ModelError

SPIECE_UNDERLINE = "\u2581"


@dataclass(frozen=True)
class MarianVocab:
    """A Marian model's tokenizer files, read with sentencepiece only."""

    vocab: dict[str, int]
    source: Any  # sentencepiece.SentencePieceProcessor
    target: Any
    eos: str = "</s>"
    unk: str = "<unk>"
    pad: str = "<pad>"

    @classmethod
    def load(cls, model_dir: Path) -> MarianVocab:
        """Read source.spm, target.spm, vocab.json and tokenizer_config.json from a model directory."""
        import sentencepiece as spm

        try:
            vocab = json.loads((model_dir / "vocab.json").read_text(encoding="utf-8"))
            settings = _tokenizer_config(model_dir)
            source = spm.SentencePieceProcessor(model_file=str(model_dir / "source.spm"))
            target = spm.SentencePieceProcessor(model_file=str(model_dir / "target.spm"))
        except (OSError, ValueError, RuntimeError) as exc:
            raise ModelError(f"cannot read the tokenizer of {model_dir}: {exc}") from exc
        if settings.get("separate_vocabs"):
            raise ModelError(
                f"{model_dir} has separate source and target vocabularies, which the ctranslate2 engine "
                "does not support; use the marian engine",
                setting="engine",
            )
        tokens = {key: _token(settings.get(f"{key}_token"), default) for key, default in _DEFAULTS.items()}
        if tokens["unk"] not in vocab:
            raise ModelError(f"{model_dir / 'vocab.json'} has no {tokens['unk']} entry")
        return cls(vocab=vocab, source=source, target=target, **tokens)

    @property
    def specials(self) -> tuple[str, ...]:
        return (self.eos, self.unk, self.pad)

    def encode(self, text: str) -> list[str]:
        """Vocabulary tokens for one source text, ending with </s>."""
        tokens: list[str] = []
        for segment in _split_specials(text, self.specials):
            if segment in self.specials:
                tokens.append(segment)
                continue
            code, rest = _language_code(segment)
            for piece in code + self.source.encode(rest, out_type=str):
                tokens.append(piece if piece in self.vocab else self.unk)
        tokens.append(self.eos)
        return tokens

    def decode(self, tokens: list[str]) -> str:
        """Text for one output, special tokens dropped."""
        pieces = [token for token in tokens if token not in self.specials]
        # MarianTokenizer (transformers 5) decodes shared-vocabulary models with the source model.
        text: str = self.source.decode_pieces(pieces)
        return text.replace(SPIECE_UNDERLINE, " ").strip()


_DEFAULTS = {"eos": "</s>", "unk": "<unk>", "pad": "<pad>"}


def _tokenizer_config(model_dir: Path) -> dict[str, Any]:
    path = model_dir / "tokenizer_config.json"
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def _token(value: Any, default: str) -> str:
    # tokenizer_config.json holds a special token as a string or as a serialised AddedToken.
    if isinstance(value, dict):
        value = value.get("content")
    return value if isinstance(value, str) and value else default


def _split_specials(text: str, specials: tuple[str, ...]) -> list[str]:
    pattern = "(" + "|".join(re.escape(token) for token in specials) + ")"
    return [part for part in re.split(pattern, text) if part]


def _language_code(text: str) -> tuple[list[str], str]:
    if text.startswith(">>") and (end := text.find("<<")) != -1:
        return [text[: end + 2]], text[end + 2 :]
    return [], text
