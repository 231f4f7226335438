"""The learned fallback: the shipped model, deterministic training, and how detect() uses it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mtcheck.detect import detect_text, learned
from mtcheck.detect.learned import Model, load_model, ngrams, normalise

ROOT = Path(__file__).resolve().parents[2]

# Written for this test; none of these sentences is in a training file.
DISCLAIMERS = [
    "This post was translated automatically, so a few sentences may read oddly.",
    "Cette page a été traduite automatiquement à partir de l'anglais.",
    "Dieser Artikel wurde automatisch aus dem Spanischen übersetzt.",
    "Questo articolo è stato tradotto automaticamente.",
    "Este texto foi traduzido automaticamente do inglês.",
    "Эта статья была переведена автоматически.",
    "この投稿は自動翻訳されています。",
    "Deze pagina is automatisch vertaald.",
    "Ten artykuł został przetłumaczony automatycznie.",
    "Bu makale otomatik olarak çevrildi.",
]
NEGATIVES = [
    "The museum opens at nine and closes at six on weekdays.",
    "Wir haben den Garten im Frühling neu angelegt.",
    "Le conseil municipal a voté le budget hier soir.",
    "This article was written by our editor, Maria Lopez.",
    "Dieser Beitrag wurde zuletzt am 3. Mai aktualisiert.",
    "Machine translation has improved a lot since 2016.",
    "Этот рецепт мы получили от бабушки.",
    "本記事は2024年に公開されました。",
    "Click here to change your language settings.",
]


def test_shipped_model_loads() -> None:
    model = load_model()
    assert model is not None
    assert 0.5 <= model.threshold < 1.0
    assert len(model.weights) > 1000
    assert (ROOT / "mtcheck" / "detect" / "data" / "learned.json").stat().st_size < 2_000_000


def test_unseen_disclaimers_score_high() -> None:
    model = load_model()
    assert model is not None
    scores = {text: model.score(text) for text in DISCLAIMERS}
    above = [t for t, s in scores.items() if s >= model.threshold]
    assert len(above) >= 8, scores  # 8 of these 10 clear the threshold; all are well above chance
    assert min(scores.values()) >= 0.9, scores


@pytest.mark.parametrize("text", NEGATIVES)
def test_unseen_negatives_score_low(text: str) -> None:
    model = load_model()
    assert model is not None
    assert model.score(text) < 0.5


def test_normalise_and_ngrams() -> None:
    assert normalise("  <b>Machine</b>\n\nTRANSLATED  2024 https://x.org/a ") == " machine translated 0 url "
    assert {" m", "ma", " ma", "mac", "mach", " mach"} <= ngrams(normalise("Ma ch"), 2, 5) | ngrams(" mach", 2, 5)
    assert ngrams(" ab ", 2, 3) == {" a", "ab", "b ", " ab", "ab "}


def _train(out: Path) -> bytes:
    cmd = [sys.executable, str(ROOT / "scripts" / "train_detect.py"), "--output", str(out),
           "--limit", "150", "--folds", "0", "--epochs", "3"]  # fmt: skip
    subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
    return out.read_bytes()


def test_training_is_deterministic(tmp_path: Path) -> None:
    first, second = _train(tmp_path / "a.json"), _train(tmp_path / "b.json")
    assert first == second
    model = load_model(str(tmp_path / "a.json"))
    assert model is not None and len(model.weights) > 100


# A toy model that fires on one made-up word, so the gating in detect() is tested apart from the model's quality.
TOY = Model(weights={g: 40.0 for g in ngrams(" zorblax ", 4, 4)}, bias=-6.0, threshold=0.9, evidence_weight=0.55,
            low=4, high=4)  # fmt: skip


@pytest.fixture
def toy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned, "ENABLED", True)
    monkeypatch.setattr(learned, "load_model", lambda path=None: TOY)


def _learned(text: str) -> list:
    return [e for e in detect_text(text).evidence if e.kind == "learned"]


def test_learned_evidence_flips_when_rules_found_nothing(toy: None) -> None:
    text = "The bridge opened in 1932.\n\nZorblax notice for readers."
    found = _learned(text)
    assert len(found) == 1 and "Zorblax" in found[0].text
    assert found[0].start is not None and text[found[0].start : found[0].end] == "Zorblax notice for readers."
    assert found[0].position in ("top", "bottom", "body")
    detection = detect_text(text)
    assert detection.machine_translated and detection.confidence >= 0.5


def test_learned_reads_comments(toy: None) -> None:
    found = _learned("<!-- zorblax -->\n\nThe bridge opened in 1932.")
    assert found and found[0].kind == "learned"


@pytest.mark.parametrize(
    "text",
    [
        "This article was machine translated from German. Zorblax.",  # the rules found a disclaimer already
        "This page is not machine translated. Zorblax.",  # negated by the rules
        "Machine translation is a field of computational linguistics. Zorblax.",  # a mention
    ],
)
def test_no_learned_evidence_where_rules_spoke(toy: None, text: str) -> None:
    assert _learned(text) == []


def test_disabled_adds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned, "ENABLED", False)
    monkeypatch.setattr(learned, "load_model", lambda path=None: TOY)
    assert _learned("Zorblax notice for readers.") == []
    assert not detect_text("Zorblax notice for readers.").machine_translated
