"""The marian engine on tiny real MarianMT models: transformers loading, generate(), limits and errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sacrebleu import sentence_chrf

from mtcheck.config import Settings
from mtcheck.engines import marian
from mtcheck.engines.marian import MarianEngine, load_marian, max_new_tokens
from mtcheck.errors import ModelError
from tests.tinymodels import EN_DE_PAIRS

ENGLISH = [en for en, _ in EN_DE_PAIRS]
GERMAN = [de for _, de in EN_DE_PAIRS]


@pytest.fixture(scope="module")
def engine(tiny_models_dir: Path) -> MarianEngine:
    """One engine for the module: models load once, as in a real run over several documents."""
    return MarianEngine(Settings(models_dir=tiny_models_dir, batch_size=8, beams=4))


class LoadSpy:
    """Wraps load_marian: counts loads and records the shape of every generate() output."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.loads: list[str] = []
        self.outputs: list[tuple[int, int]] = []  # (input tokens incl. </s>, generated length incl. start)
        real = marian.load_marian

        def spy(model_id: Any, **options: Any) -> tuple[Any, Any]:
            self.loads.append(str(model_id))
            tokenizer, network = real(model_id, **options)
            generate = network.generate

            def recording_generate(**inputs: Any) -> Any:
                out = generate(**inputs)
                self.outputs.append((int(inputs["attention_mask"].sum(dim=1).max()), int(out.shape[1])))
                return out

            network.generate = recording_generate
            return tokenizer, network

        monkeypatch.setattr(marian, "load_marian", spy)


def chrf(hypothesis: str, reference: str) -> float:
    return sentence_chrf(hypothesis, [reference]).score


def test_in_domain_round_trips_are_faithful(engine: MarianEngine) -> None:
    german = engine.translate(ENGLISH, "en", "de")
    back = engine.translate(german, "de", "en")
    assert sum(de == ref for de, ref in zip(german, GERMAN, strict=True)) >= 0.9 * len(GERMAN)
    exact = sum(en == ref for en, ref in zip(back, ENGLISH, strict=True))
    assert exact >= 0.9 * len(ENGLISH), list(zip(back, ENGLISH, strict=True))
    scores = [chrf(en, ref) for en, ref in zip(back, ENGLISH, strict=True)]
    assert sum(scores) / len(scores) > 95
    assert min(scores) > 50


def test_out_of_domain_round_trips_badly(engine: MarianEngine, out_of_domain_sentences: list[str]) -> None:
    back = engine.translate(engine.translate(out_of_domain_sentences, "en", "de"), "de", "en")
    scores = [chrf(en, ref) for en, ref in zip(back, out_of_domain_sentences, strict=True)]
    assert all(text.strip() for text in back)  # it translates something; it just is not faithful
    assert max(scores) < 40, scores
    assert sum(scores) / len(scores) < 25, scores


def test_batches_sorted_by_length_keep_the_input_order(engine: MarianEngine, tiny_models_dir: Path) -> None:
    # Mixed lengths, a duplicate and a batch size that splits them unevenly.
    picks = [19, 25, 4, 51, 36, 0, 25, 57, 9, 46, 27]
    texts = [ENGLISH[i] for i in picks]
    small_batches = MarianEngine(Settings(models_dir=tiny_models_dir, batch_size=3, beams=4))
    seen: list[int] = []
    outputs = small_batches.translate(texts, "en", "de", progress=seen.append)
    assert outputs == [GERMAN[i] for i in picks]
    assert seen == [3, 3, 3, 2]
    one_by_one = [engine.translate([text], "en", "de")[0] for text in texts]
    assert outputs == one_by_one


def test_empty_texts_come_back_empty(engine: MarianEngine) -> None:
    seen: list[int] = []
    texts = ["", ENGLISH[0], "   ", "\n", ENGLISH[1], ""]
    outputs = engine.translate(texts, "en", "de", progress=seen.append)
    assert outputs == ["", GERMAN[0], "", "", GERMAN[1], ""]
    assert sum(seen) == len(texts)
    assert engine.translate([], "en", "de") == []


def test_nothing_to_translate_loads_nothing(tiny_models_dir: Path) -> None:
    fresh = MarianEngine(Settings(models_dir=tiny_models_dir))
    assert fresh.translate(["", "  "], "en", "de") == ["", ""]
    assert fresh.models() == []


def test_model_loaded_once_for_several_calls(tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spy = LoadSpy(monkeypatch)
    fresh = MarianEngine(Settings(models_dir=tiny_models_dir))
    assert fresh.translate(ENGLISH[:2], "en", "de") == GERMAN[:2]
    assert fresh.translate(ENGLISH[2:4], "en", "de") == GERMAN[2:4]
    assert fresh.translate(GERMAN[:1], "de", "en") == ENGLISH[:1]
    assert spy.loads == [str(tiny_models_dir / "opus-mt-en-de"), str(tiny_models_dir / "opus-mt-de-en")]
    infos = fresh.models()
    assert [(m.direction, m.id, m.revision) for m in infos] == [
        ("en-de", str(tiny_models_dir / "opus-mt-en-de"), None),
        ("de-en", str(tiny_models_dir / "opus-mt-de-en"), None),
    ]
    assert fresh.decoding()["beams"] == 4 and fresh.decoding()["max_length_ratio"] > 0


def test_long_input_is_truncated_and_output_capped(tiny_models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spy = LoadSpy(monkeypatch)
    fresh = MarianEngine(Settings(models_dir=tiny_models_dir, beams=2))
    text = " ".join(ENGLISH * 3)[:5000]
    assert len(text) == 5000
    (output,) = fresh.translate([text], "en", "de")
    assert isinstance(output, str) and output
    ((input_tokens, generated),) = spy.outputs
    assert input_tokens == 512  # cut to the model's positions
    assert generated - 1 <= max_new_tokens(input_tokens, 512)


@pytest.fixture(scope="module")
def runaway_models_dir(tiny_models_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny en-de model with </s> made (almost) impossible: only the length cap can stop it."""
    import torch

    root = tmp_path_factory.mktemp("runaway")
    target = root / "opus-mt-en-de"
    shutil.copytree(tiny_models_dir / "opus-mt-en-de", target)
    _, network = load_marian(target)
    with torch.no_grad():
        network.final_logits_bias[0, network.config.eos_token_id] = -1e4
    network.save_pretrained(str(target))
    return root


@pytest.mark.parametrize(
    ("text", "beams"), [(ENGLISH[0], 4), (" ".join(ENGLISH * 3)[:5000], 1)], ids=["sentence", "5000-chars"]
)
def test_a_model_that_never_stops_is_capped(
    runaway_models_dir: Path, monkeypatch: pytest.MonkeyPatch, text: str, beams: int
) -> None:
    spy = LoadSpy(monkeypatch)
    fresh = MarianEngine(Settings(models_dir=runaway_models_dir, beams=beams))
    (output,) = fresh.translate([text], "en", "de")
    ((input_tokens, generated),) = spy.outputs
    cap = max_new_tokens(input_tokens, 512)
    assert generated - 1 == cap  # ran to the cap: the limit, not the model, stopped it
    assert cap <= 2 * input_tokens + 10 and cap < 512
    assert len(output) > len(text) or cap == 511


def test_pad_embedding_is_zero_as_ctranslate2_expects(tiny_models_dir: Path) -> None:
    for direction in ("en-de", "de-en"):
        folder = tiny_models_dir / f"opus-mt-{direction}"
        vocab = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
        assert list(vocab)[-1] == "<pad>" and vocab["<pad>"] == len(vocab) - 1
        tokenizer, network = load_marian(folder)
        pad = network.config.pad_token_id
        assert pad == tokenizer.pad_token_id == network.config.decoder_start_token_id == len(vocab) - 1
        assert not network.get_input_embeddings().weight[pad].any()
        assert network.generation_config.bad_words_ids == [[pad]]


def assert_one_line_model_error(excinfo: pytest.ExceptionInfo[ModelError], *needles: str) -> None:
    message = str(excinfo.value)
    assert "\n" not in message and "Traceback" not in message
    for needle in needles:
        assert needle in message, message


def test_missing_model_offline_says_what_to_do(tmp_path: Path) -> None:
    fresh = MarianEngine(Settings(models_dir=tmp_path / "models"))
    with pytest.raises(ModelError) as excinfo:
        fresh.translate(["Hello."], "en", "de")
    assert_one_line_model_error(
        excinfo, "no model for en-de", "Helsinki-NLP/opus-mt-en-de", str(tmp_path / "models" / "opus-mt-en-de")
    )
    assert "models pull en-de" in str(excinfo.value)


def test_missing_explicit_hub_model(tmp_path: Path) -> None:
    fresh = MarianEngine(Settings(models_dir=tmp_path))
    with pytest.raises(ModelError) as excinfo:
        fresh.translate(["Hello."], "en", "de", model="someone/no-such-model")
    assert_one_line_model_error(excinfo, "someone/no-such-model", "en-de")


def truncate_weights(folder: Path) -> None:
    weights = folder / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:1000])


def remove_spm(folder: Path) -> None:
    (folder / "source.spm").unlink()


def garble_config(folder: Path) -> None:
    (folder / "config.json").write_text("{not json", encoding="utf-8")


@pytest.mark.parametrize("damage", [truncate_weights, remove_spm, garble_config])
def test_damaged_model_folder_is_a_one_line_model_error(tiny_models_dir: Path, tmp_path: Path, damage: Any) -> None:
    models = tmp_path / "models"
    shutil.copytree(tiny_models_dir / "opus-mt-en-de", models / "opus-mt-en-de")
    damage(models / "opus-mt-en-de")
    fresh = MarianEngine(Settings(models_dir=models))
    with pytest.raises(ModelError) as excinfo:
        fresh.translate(["The market closes at 1 o'clock."], "en", "de")
    assert_one_line_model_error(excinfo, "en-de", str(models / "opus-mt-en-de"))


def test_cache_key_follows_model_content_and_decoding(tiny_models_dir: Path, tmp_path: Path) -> None:
    models = tmp_path / "models"
    shutil.copytree(tiny_models_dir, models)
    base = MarianEngine(Settings(models_dir=models)).cache_key("en", "de")
    assert base == MarianEngine(Settings(models_dir=models, batch_size=3)).cache_key("en", "de")
    assert base != MarianEngine(Settings(models_dir=models, beams=2)).cache_key("en", "de")
    assert base != MarianEngine(Settings(models_dir=models)).cache_key("de", "en")
    # The same folder name with a different model inside gets a different key.
    shutil.rmtree(models / "opus-mt-en-de")
    shutil.copytree(models / "opus-mt-de-en", models / "opus-mt-en-de")
    assert base != MarianEngine(Settings(models_dir=models)).cache_key("en", "de")
    hub_key = MarianEngine(Settings(models_dir=tmp_path / "empty")).cache_key("en", "de")
    assert "Helsinki-NLP/opus-mt-en-de@" in hub_key


def test_import_and_cache_key_do_not_import_torch(tiny_models_dir: Path, tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from mtcheck.config import Settings\n"
        "import mtcheck.engines.marian as m\n"
        f"local = m.MarianEngine(Settings(models_dir=Path({str(tiny_models_dir)!r})))\n"
        f"hub = m.MarianEngine(Settings(models_dir=Path({str(tmp_path)!r})))\n"
        "keys = [local.cache_key('en', 'de'), hub.cache_key('en', 'de'), local.decoding()]\n"
        "print(sorted(name for name in ('torch', 'transformers') if name in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
