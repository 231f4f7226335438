"""Build random-weight models with the exact Helsinki-NLP/opus-mt-en-de architecture, for benchmarks.

The weights are random, so translations are junk, but every matrix has the real size, so the compute
is real. A small SentencePiece model is trained on generated text and the vocabulary is padded to the
real 58,101 entries (<pad> last), so MarianTokenizer, the marian engine and the CTranslate2 converter
load the result exactly as they load a real opus-mt model.

Two biases keep the benchmark honest about lengths: </s> and the padding entries that no SentencePiece
piece decodes to are pushed down in `final_logits_bias`, so a random model never stops early and its
output is real text the backward model can read. The length of every output is therefore set by the
engines' length cap, which the benchmark sets to a realistic value and records.

Usage: python bench/make_random_model.py OUT_DIR [--pairs en-de de-en]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

# The published Helsinki-NLP/opus-mt-en-de configuration, field by field.
OPUS_MT_EN_DE = {
    "vocab_size": 58101,
    "decoder_vocab_size": 58101,
    "d_model": 512,
    "encoder_layers": 6,
    "decoder_layers": 6,
    "encoder_attention_heads": 8,
    "decoder_attention_heads": 8,
    "encoder_ffn_dim": 2048,
    "decoder_ffn_dim": 2048,
    "max_position_embeddings": 512,
    "activation_function": "swish",
    "scale_embedding": True,
    "share_encoder_decoder_embeddings": True,
    "tie_word_embeddings": True,
    "pad_token_id": 58100,
    "eos_token_id": 0,
    "bos_token_id": 0,
    "decoder_start_token_id": 58100,
    "forced_eos_token_id": 0,
    "dropout": 0.1,
    "attention_dropout": 0.0,
    "activation_dropout": 0.0,
    "encoder_layerdrop": 0.0,
    "decoder_layerdrop": 0.0,
    "init_std": 0.02,
    "use_cache": True,
    "is_encoder_decoder": True,
}
# Marian models use sinusoidal (static) position embeddings; MarianConfig has no switch for it,
# the attribute is recorded for readers of config.json.
EXTRA_CONFIG = {"static_position_embeddings": True, "normalize_before": False, "normalize_embedding": False}
GENERATION = {
    "bad_words_ids": [[58100]],
    "decoder_start_token_id": 58100,
    "eos_token_id": 0,
    "forced_eos_token_id": 0,
    "pad_token_id": 58100,
    "max_length": 512,
    "num_beams": 4,
}
SPM_VOCAB = 8000
ARTICLE = Path(__file__).with_name("article.md")


def training_text(seed: int) -> list[str]:
    """Generated sentences: the benchmark article plus pseudo-words, enough for an 8k-piece model."""
    rng = random.Random(seed)
    article = [line.strip("# ") for line in ARTICLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    words = sorted({w for line in article for w in line.split()})
    syllables = [c + v for c in "bcdfghklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ei", "au", "ie")]
    words += ["".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))) for _ in range(20000)]
    lines = list(article)
    for _ in range(30000):
        lines.append(" ".join(rng.choice(words) for _ in range(rng.randint(5, 25))).capitalize() + ".")
    return lines


def train_spm(out_prefix: Path, seed: int) -> None:
    """Train the SentencePiece model every direction of the benchmark shares."""
    import sentencepiece as spm

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
        fh.write("\n".join(training_text(seed)))
        corpus = fh.name
    spm.SentencePieceTrainer.train(
        input=corpus,
        model_prefix=str(out_prefix),
        vocab_size=SPM_VOCAB,
        model_type="unigram",
        character_coverage=1.0,
        unk_id=1,
        eos_id=0,
        bos_id=-1,
        pad_id=-1,
        minloglevel=2,
    )
    Path(corpus).unlink()


def write_vocab(spm_model: Path, out: Path) -> int:
    """vocab.json: </s>, <unk>, every piece, fillers up to 58,100, then <pad>; returns the piece count."""
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(spm_model))
    vocab: dict[str, int] = {"</s>": 0, "<unk>": 1}
    for i in range(sp.get_piece_size()):
        piece = sp.id_to_piece(i)
        if piece not in vocab and not sp.is_control(i) and not sp.is_unknown(i):
            vocab[piece] = len(vocab)
    pieces = len(vocab)
    size = OPUS_MT_EN_DE["vocab_size"]
    filler = 0
    while len(vocab) < size - 1:
        vocab[f"<filler{filler}>"] = len(vocab)
        filler += 1
    vocab["<pad>"] = size - 1
    out.write_text(json.dumps(vocab, ensure_ascii=False, indent=0), encoding="utf-8")
    return pieces


def build(out_dir: Path, src: str, tgt: str, spm_prefix: Path, seed: int) -> Path:
    """Write one random-weight opus-mt-<src>-<tgt> model directory in Hugging Face format."""
    import shutil

    import torch
    from transformers import GenerationConfig, MarianConfig, MarianMTModel, MarianTokenizer

    model_dir = out_dir / f"opus-mt-{src}-{tgt}"
    model_dir.mkdir(parents=True, exist_ok=True)
    for name in ("source.spm", "target.spm"):
        shutil.copyfile(spm_prefix.with_suffix(".model"), model_dir / name)
    pieces = write_vocab(model_dir / "source.spm", model_dir / "vocab.json")
    (model_dir / "tokenizer_config.json").write_text(
        json.dumps({"source_lang": src, "target_lang": tgt, "model_max_length": 512, "separate_vocabs": False}),
        encoding="utf-8",
    )

    torch.manual_seed(seed)
    config = MarianConfig(**OPUS_MT_EN_DE)
    for key, value in EXTRA_CONFIG.items():
        setattr(config, key, value)
    model = MarianMTModel(config).eval()
    with torch.no_grad():
        pad = config.pad_token_id
        model.model.shared.weight[pad].zero_()  # CTranslate2 starts decoding from a zero embedding
        bias = model.final_logits_bias
        bias[0, 0] = -100.0  # never stop early: output length is set by the length cap
        bias[0, pieces:] = -100.0  # only emit pieces SentencePiece can decode into text
    model.generation_config = GenerationConfig(**GENERATION)
    model.save_pretrained(model_dir)
    MarianTokenizer.from_pretrained(model_dir)  # fails loudly if the tokenizer files are unusable
    return model_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--pairs", nargs="+", default=["en-de", "de-en"])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    spm_prefix = args.out_dir / "bench-spm"
    if not spm_prefix.with_suffix(".model").exists():
        train_spm(spm_prefix, args.seed)
    for i, pair in enumerate(args.pairs):
        src, _, tgt = pair.partition("-")
        path = build(args.out_dir, src, tgt, spm_prefix, args.seed + i)
        print(f"built {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
