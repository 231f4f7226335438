"""Tiny MarianMT models for the tests: built offline, in seconds, in the exact Hugging Face layout.

Each model is a real MarianMTModel with a real MarianTokenizer (SentencePiece, vocab.json with <pad>
last), trained on the small parallel corpus below until it reproduces its own training targets. So
it translates its own domain (a small town's trains, weather and market) faithfully and anything
else badly, which is what the round-trip tests need.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

CACHE_ENV = "MTCHECK_TEST_MODEL_CACHE"

EN_DE_PAIRS: list[tuple[str, str]] = [
    ("The train to Berlin leaves at 9 o'clock.", "Der Zug nach Berlin fährt um 9 Uhr ab."),
    ("The train from Hamburg arrives at 11 o'clock.", "Der Zug aus Hamburg kommt um 11 Uhr an."),
    ("Today the weather in Lindenau is sunny.", "Heute ist das Wetter in Lindenau sonnig."),
    ("Tomorrow it will rain in the morning.", "Morgen wird es am Vormittag regnen."),
    ("The temperature is 12 degrees.", "Die Temperatur beträgt 12 Grad."),
    ("The market opens on Saturday at 8 o'clock.", "Der Markt öffnet am Samstag um 8 Uhr."),
    ("Anna Weber sells apples and pears at the market.", "Anna Weber verkauft Äpfel und Birnen auf dem Markt."),
    ("A kilo of apples costs 3 euros.", "Ein Kilo Äpfel kostet 3 Euro."),
    ("The mayor opened the new station on Monday.", "Der Bürgermeister eröffnete am Montag den neuen Bahnhof."),
    ("The station has four platforms.", "Der Bahnhof hat vier Bahnsteige."),
    ("The bus to the hospital runs every 20 minutes.", "Der Bus zum Krankenhaus fährt alle 20 Minuten."),
    ("The train to Munich is late today.", "Der Zug nach München hat heute Verspätung."),
    ("Many people wait on the platform.", "Viele Menschen warten auf dem Bahnsteig."),
    ("The wind is strong on the coast.", "Der Wind ist an der Küste stark."),
    ("In the evening it will snow in the mountains.", "Am Abend wird es in den Bergen schneien."),
    ("The fishermen sell fresh fish on Friday.", "Die Fischer verkaufen am Freitag frischen Fisch."),
    ("The baker Thomas Klein opens his shop at 6 o'clock.", "Der Bäcker Thomas Klein öffnet seinen Laden um 6 Uhr."),
    ("Bread and cheese are cheap this week.", "Brot und Käse sind diese Woche billig."),
    ("The town council meets on Wednesday.", "Der Stadtrat tagt am Mittwoch."),
    ("The new bridge will cost 5 million euros.", "Die neue Brücke wird 5 Millionen Euro kosten."),
    ("The river is very high after the storm.", "Der Fluss ist nach dem Sturm sehr hoch."),
    ("The road to the airport is closed.", "Die Straße zum Flughafen ist gesperrt."),
    ("The last train leaves at midnight.", "Der letzte Zug fährt um Mitternacht ab."),
    ("Tickets are sold at the station.", "Fahrkarten werden am Bahnhof verkauft."),
    ("Children travel for free on Sunday.", "Kinder fahren am Sonntag kostenlos."),
    (
        "The farmers bring potatoes and carrots to the market.",
        "Die Bauern bringen Kartoffeln und Karotten auf den Markt.",
    ),
    ("The weather will be cold and dry next week.", "Das Wetter wird nächste Woche kalt und trocken."),
    ("The sun shines in the afternoon.", "Am Nachmittag scheint die Sonne."),
    ("The police closed the market square for two hours.", "Die Polizei sperrte den Marktplatz für zwei Stunden."),
    ("The school starts at 8 o'clock.", "Die Schule beginnt um 8 Uhr."),
    ("The library is open until 7 o'clock.", "Die Bibliothek ist bis 7 Uhr geöffnet."),
    ("The museum shows old photos of the town.", "Das Museum zeigt alte Fotos der Stadt."),
    ("The train to Dresden stops in Leipzig.", "Der Zug nach Dresden hält in Leipzig."),
    ("The journey to Berlin takes two hours.", "Die Fahrt nach Berlin dauert zwei Stunden."),
    ("Maria Schulz is the new director of the museum.", "Maria Schulz ist die neue Direktorin des Museums."),
    ("The hospital has 200 beds.", "Das Krankenhaus hat 200 Betten."),
    ("The town has 12,000 inhabitants.", "Die Stadt hat 12.000 Einwohner."),
    ("The park is beautiful in spring.", "Der Park ist im Frühling schön."),
    ("The festival begins on Friday evening.", "Das Fest beginnt am Freitagabend."),
    ("The concert in the church is free.", "Das Konzert in der Kirche ist kostenlos."),
    ("The fog lasts until noon.", "Der Nebel hält bis Mittag an."),
    ("The bakery sells fresh bread every morning.", "Die Bäckerei verkauft jeden Morgen frisches Brot."),
    ("The price of milk rose by 10 percent.", "Der Preis für Milch stieg um 10 Prozent."),
    ("The trains run again after the strike.", "Nach dem Streik fahren die Züge wieder."),
    ("The ferry to the island leaves at 10 o'clock.", "Die Fähre zur Insel fährt um 10 Uhr ab."),
    ("The harbour is full of boats.", "Der Hafen ist voller Boote."),
    ("The night will be clear and cold.", "Die Nacht wird klar und kalt."),
    ("Heavy rain is expected on Thursday.", "Am Donnerstag wird starker Regen erwartet."),
    ("The market hall was built in 1905.", "Die Markthalle wurde 1905 gebaut."),
    ("The station café opens at 5 o'clock.", "Das Bahnhofscafé öffnet um 5 Uhr."),
    ("The town celebrates its anniversary in May.", "Die Stadt feiert im Mai ihr Jubiläum."),
    (
        "The new bus line connects the station and the hospital.",
        "Die neue Buslinie verbindet den Bahnhof und das Krankenhaus.",
    ),
    ("Peter Braun won the cycling race.", "Peter Braun gewann das Radrennen."),
    ("The swimming pool is closed in winter.", "Das Schwimmbad ist im Winter geschlossen."),
    ("The storm damaged three houses.", "Der Sturm beschädigte drei Häuser."),
    ("The firefighters helped all night.", "Die Feuerwehr half die ganze Nacht."),
    ("Strawberries are sweet and cheap in June.", "Im Juni sind Erdbeeren süß und billig."),
    ("The train station in Lindenau is 100 years old.", "Der Bahnhof in Lindenau ist 100 Jahre alt."),
    ("The weather service warns of ice on the roads.", "Der Wetterdienst warnt vor Glätte auf den Straßen."),
    ("The market closes at 1 o'clock.", "Der Markt schließt um 1 Uhr."),
]

# Far from the domain: a tiny model must translate these badly.
OUT_OF_DOMAIN_EN: list[str] = [
    "Quantum entanglement puzzled Einstein throughout his career.",
    "The compiler rejected my recursive template specialisation yesterday.",
    "Photosynthesis converts sunlight, water and carbon dioxide into glucose.",
    "Shareholders criticised the merger between Vexacorp and Tellurian Holdings.",
    "Her novel explores grief, memory and the silence of abandoned lighthouses.",
]

SPECIAL = {"eos": "</s>", "unk": "<unk>", "pad": "<pad>"}


def _train_spm(sentences: Sequence[str], vocab_size: int) -> bytes:
    """A small unigram SentencePiece model over all sentences (shared by both sides)."""
    import sentencepiece as spm

    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences),
        model_writer=buffer,
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        model_type="unigram",
        character_coverage=1.0,
        unk_id=0,
        bos_id=-1,
        eos_id=1,
        pad_id=-1,
        num_threads=1,
        minloglevel=2,
    )
    return buffer.getvalue()


def _marian_vocab(spm_bytes: bytes) -> dict[str, int]:
    """Marian's layout: </s> 0, <unk> 1, the pieces, and <pad> last."""
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=spm_bytes)
    vocab = {SPECIAL["eos"]: 0, SPECIAL["unk"]: 1}
    for i in range(processor.get_piece_size()):
        piece = processor.id_to_piece(i)
        if piece not in vocab and not processor.is_control(i) and not processor.is_unknown(i):
            vocab[piece] = len(vocab)
    vocab[SPECIAL["pad"]] = len(vocab)
    return vocab


def load_tokenizer(path: Path) -> Any:
    """MarianTokenizer from a directory, without the sacremoses recommendation warning."""
    from transformers import MarianTokenizer

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*sacremoses.*")
        return MarianTokenizer.from_pretrained(str(path))


def _write_tokenizer(out_dir: Path, spm_bytes: bytes, src: str, tgt: str) -> tuple[Any, dict[str, int]]:
    vocab = _marian_vocab(spm_bytes)
    for name in ("source.spm", "target.spm"):
        (out_dir / name).write_bytes(spm_bytes)
    (out_dir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False, indent=1), encoding="utf-8")
    config = {
        "source_lang": src,
        "target_lang": tgt,
        "separate_vocabs": False,
        "model_max_length": 512,
        "unk_token": SPECIAL["unk"],
        "eos_token": SPECIAL["eos"],
        "pad_token": SPECIAL["pad"],
        "tokenizer_class": "MarianTokenizer",
    }
    (out_dir / "tokenizer_config.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
    return load_tokenizer(out_dir), vocab


def marian_config(vocab_size: int, *, d_model: int, layers: int, heads: int, ffn: int) -> Any:
    """A MarianConfig with every field set, shaped like opus-mt's (only the sizes differ)."""
    from transformers import MarianConfig

    pad = vocab_size - 1
    return MarianConfig(
        vocab_size=vocab_size,
        decoder_vocab_size=vocab_size,
        max_position_embeddings=512,
        encoder_layers=layers,
        encoder_ffn_dim=ffn,
        encoder_attention_heads=heads,
        decoder_layers=layers,
        decoder_ffn_dim=ffn,
        decoder_attention_heads=heads,
        encoder_layerdrop=0.0,
        decoder_layerdrop=0.0,
        use_cache=True,
        is_encoder_decoder=True,
        activation_function="swish",
        d_model=d_model,
        dropout=0.0,  # opus-mt has 0.1; a model that must memorise 60 sentences in seconds learns faster without
        attention_dropout=0.0,
        activation_dropout=0.0,
        init_std=0.02,
        decoder_start_token_id=pad,
        scale_embedding=True,
        pad_token_id=pad,
        eos_token_id=0,
        bos_token_id=None,
        forced_eos_token_id=0,
        share_encoder_decoder_embeddings=True,
        is_decoder=False,
        tie_word_embeddings=True,
        architectures=["MarianMTModel"],
    )


def generation_config(pad: int) -> Any:
    """opus-mt's generation_config.json, with the tiny model's pad id."""
    from transformers import GenerationConfig

    return GenerationConfig(
        bad_words_ids=[[pad]],
        decoder_start_token_id=pad,
        eos_token_id=0,
        forced_eos_token_id=0,
        max_length=512,
        num_beams=4,
        pad_token_id=pad,
        renormalize_logits=True,
    )


def _zero_pad_row(model: Any, pad: int) -> None:
    # CTranslate2 starts decoding from a zero vector instead of the <pad> embedding: keep them equal.
    import torch

    with torch.no_grad():
        model.get_input_embeddings().weight[pad].zero_()


def _memorised(model: Any, batch: dict[str, Any], labels: Any, pad: int) -> bool:
    """True when teacher-forced argmax (pad excluded) hits every target token: greedy then reproduces all."""
    import torch

    with torch.no_grad():
        logits = model(**batch, labels=labels).logits
        logits[..., pad] = float("-inf")
        mask = labels.ne(-100)
        return bool((logits.argmax(-1).eq(labels) | ~mask).all())


def build_tiny_marian(
    out_dir: Path,
    pairs: Sequence[tuple[str, str]],
    src: str,
    tgt: str,
    *,
    seed: int = 0,
    steps: int = 600,
    d_model: int = 64,
    layers: int = 2,
    heads: int = 4,
    ffn: int = 128,
    spm_vocab: int = 600,
    lr: float = 4e-3,
    threads: int = 1,
) -> Path:
    """Train a tiny src->tgt MarianMTModel on pairs (src, tgt) and save it in Hugging Face format."""
    import torch
    from transformers import MarianMTModel

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    sources = [s for s, _ in pairs]
    targets = [t for _, t in pairs]
    spm_bytes = _train_spm(sources + targets, spm_vocab)
    tokenizer, vocab = _write_tokenizer(out_dir, spm_bytes, src, tgt)
    pad = vocab[SPECIAL["pad"]]

    old_threads = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        torch.manual_seed(seed)
        config = marian_config(len(vocab), d_model=d_model, layers=layers, heads=heads, ffn=ffn)
        model = MarianMTModel(config)
        model.generation_config = generation_config(pad)
        _zero_pad_row(model, pad)
        batch = dict(tokenizer(sources, padding=True, return_tensors="pt"))
        labels = tokenizer(text_target=targets, padding=True, return_tensors="pt")["input_ids"]
        labels = labels.masked_fill(labels.eq(pad), -100)
        optimizer = torch.optim.Adam(model.parameters(), lr=lr)
        model.train()
        done_at = None
        for step in range(steps):
            loss = model(**batch, labels=labels).loss
            optimizer.zero_grad()
            loss.backward()
            model.get_input_embeddings().weight.grad[pad].zero_()
            optimizer.step()
            _zero_pad_row(model, pad)
            # Stop a little after the targets are memorised, so beam search agrees with greedy too.
            if done_at is None and step % 5 == 4 and loss.item() < 0.2 and _memorised(model, batch, labels, pad):
                done_at = step
            if done_at is not None and step >= done_at + 30:
                break
        if done_at is None:
            raise RuntimeError(f"tiny {src}-{tgt} model did not memorise its {len(pairs)} pairs in {steps} steps")
        model.eval()
        model.save_pretrained(str(out_dir))
    finally:
        torch.set_num_threads(old_threads)
    return out_dir


def source_digest() -> str:
    """Identifies this builder: its source plus the versions that shape the saved files."""
    import sentencepiece
    import torch
    import transformers

    text = Path(__file__).read_bytes()
    versions = f"{torch.__version__}|{transformers.__version__}|{sentencepiece.__version__}".encode()
    return hashlib.sha256(text + versions).hexdigest()[:16]


def _build_pair_into(models_dir: Path, pairs: Sequence[tuple[str, str]]) -> None:
    build_tiny_marian(models_dir / "opus-mt-en-de", pairs, "en", "de")
    build_tiny_marian(models_dir / "opus-mt-de-en", [(t, s) for s, t in pairs], "de", "en")


def build_tiny_pair(models_dir: Path, pairs: Sequence[tuple[str, str]] = EN_DE_PAIRS) -> Path:
    """Build models_dir/opus-mt-en-de and models_dir/opus-mt-de-en; reuse $MTCHECK_TEST_MODEL_CACHE if set."""
    models_dir = Path(models_dir)
    models_dir.mkdir(parents=True, exist_ok=True)
    cache_root = os.environ.get(CACHE_ENV)
    if not cache_root or pairs is not EN_DE_PAIRS:
        _build_pair_into(models_dir, pairs)
        return models_dir
    cached = Path(cache_root) / f"tiny-marian-{source_digest()}"
    if not (cached / "opus-mt-de-en" / "config.json").is_file():
        Path(cache_root).mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix="building-", dir=cache_root))
        _build_pair_into(staging, pairs)
        try:
            staging.rename(cached)  # atomic: a concurrent builder either wins or we use theirs
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
    for name in ("opus-mt-en-de", "opus-mt-de-en"):
        shutil.copytree(cached / name, models_dir / name, dirs_exist_ok=True)
    return models_dir


if __name__ == "__main__":
    import sys

    target = Path(sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="tiny-marian-"))
    started = time.perf_counter()
    _build_pair_into(target, EN_DE_PAIRS)
    print(f"built {target} in {time.perf_counter() - started:.1f}s")
