"""The site-grouped cross-validation of the learned fallback: folds, held-out refusals, features, the shortcut."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from mtcheck.detect import learned
from mtcheck.detect.learned import Model, features, load_model, model_from_dict
from tests.shared import load_script

ROOT = Path(__file__).resolve().parents[2]
REAL = sorted((ROOT / "tests" / "data").glob("detect-real-[0-9]*.jsonl"))


def _rows() -> list[dict[str, str]]:
    rows = []
    for path in REAL:
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


@pytest.mark.parametrize("k", [3, 5])
def test_site_folds_keep_every_site_in_one_fold(k: int) -> None:
    cv = load_script("cv_detect_learned")
    rows = _rows()
    folds = cv.site_folds(rows, k)
    assert folds == cv.site_folds(rows, k)  # fixed split
    fold_of: dict[str, set[int]] = {}
    for row, fold in zip(rows, folds, strict=True):
        fold_of.setdefault(row["site"], set()).add(fold)
    assert all(len(f) == 1 for f in fold_of.values())
    sizes = [folds.count(i) for i in range(k)]
    biggest_site = max(sum(1 for r in rows if r["site"] == s) for s in fold_of)
    assert max(sizes) - min(sizes) <= biggest_site  # dealt to the emptiest fold


def test_site_folds_on_toy_rows() -> None:
    cv = load_script("cv_detect_learned")
    rows = [{"site": s} for s in ["a"] * 4 + ["b"] * 3 + ["c"] * 2 + ["d"]]
    assert cv.site_folds(rows, 2) == [0] * 4 + [1] * 3 + [1] * 2 + [0]


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        ("tests/data/detect-real-29.jsonl", False),
        ("tests/data/detect-real-23.jsonl", False),
        ("tests/data/detect-real-27.jsonl", False),
        ("tests/data/detect-real-28b.jsonl", False),
        ("tests/data/detect-real-290.jsonl", False),
        ("tests/data/detect-real-21.jsonl", False),
        ("tests/data/detect-real-17.jsonl", False),
        ("tests/data/detect-real-30b.jsonl", False),
        ("tests/data/detect-real-24b.jsonl", False),
        ("tests/data/detect-real-15.jsonl", False),
        ("tests/data/detect-real-16.jsonl", False),
        ("tests/data/detect-real-13.jsonl", False),
        ("tests/data/detect-real-10.jsonl", False),
        ("tests/data/detect-real-11.jsonl", False),
        ("tests/data/detect-real-12.jsonl", False),
        ("tests/data/detect-real-9.jsonl", False),
        ("tests/data/detect-real-1.jsonl", False),
        ("tests/data/detect-real-7.jsonl", False),
        ("/work/shared/eval/detect-dev.jsonl", True),
        ("/somewhere/eval/anything.jsonl", True),
        ("tests/data/detect-challenge-3b.jsonl", True),
        ("tests/data/detect-real-6.jsonl", False),
        ("tests/data/detect-challenge-8.jsonl", False),
    ],
)
def test_training_refuses_held_out_files(path: str, refused: bool) -> None:
    assert load_script("train_detect").held_out(Path(path)) is refused


def test_examples_refuse_a_future_held_out_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    row = {"id": "x", "kind": "disclaimer_phrase", "text": "Machine translated.", "language": "en"}
    listed = tmp_path / "held-out.txt"  # the real list may be empty between rounds
    listed.write_text("detect-real-98\n", encoding="utf-8")
    monkeypatch.setattr(load_script("train_detect"), "REAL_HELD_OUT", listed)
    path = tmp_path / "detect-real-98.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        load_script("train_detect").examples([path])


def test_word_and_concept_features() -> None:
    text = "This page was machine translated from German."
    char = features(text)
    assert char and not any(g.startswith(("w:", "c:")) for g in char)
    words = features(text, kind="char+word") - char
    assert {"w:machine", "w:machine translated"} <= words
    concept = features(text, kind="char+concept") - char
    assert {"c:translate", "c:machine", "c:accepted"} <= concept
    assert features("The bridge opened in 1932.", kind="char+concept") - features("The bridge opened in 1932.") == {
        "c:none"
    }
    assert "c:rejected" in features("Enable automatic translation", kind="char+concept")


def test_model_features_round_trip() -> None:
    model = model_from_dict({"weights": {"w:zorblax": 200.0}, "bias": -5.0, "threshold": 0.9, "features": "char+word"})
    assert model.features == "char+word"
    assert model.score("zorblax") > 0.9 > model_from_dict({**_dict(model), "features": "char"}).score("zorblax")


def _dict(model: Model) -> dict[str, object]:
    return {"weights": dict(model.weights), "bias": model.bias, "threshold": model.threshold}


@pytest.mark.parametrize(
    ("veto", "mention", "flipped"),
    [(None, None, True), ("mention", None, False), ("mention", 0.99, True), ("blocked", 0.99, False)],
)
def test_flips_follows_the_rules_veto(veto: str | None, mention: float | None, flipped: bool) -> None:
    cv = load_script("cv_detect_learned")
    assert cv.flips([("x", veto)], lambda _: 0.995, 0.9, mention) is flipped
    assert cv.flips([("x", None)], lambda _: 0.5, 0.9, mention) is False
    assert cv.flips(None, lambda _: 1.0, 0.9, mention) is False  # not consulted: the rules were sure


# A toy model that fires on one made-up word, as in test_detect_learned.py.
TOY = Model(weights={"w:zorblax": 200.0}, bias=-6.0, threshold=0.9, evidence_weight=0.55, features="char+word")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Zorblax notice for readers.", True),  # the toy model alone flips it
        ("The bridge opened in 1932.\n\nZorblax.", True),
        ("This article was machine translated from German.\n\nThe bridge opened in 1932.", True),  # the rules
        ("The bridge opened in 1932.", False),
        ("Zorblax is not machine translated.", False),  # the rules' veto (negation) keeps the model out
    ],
)
def test_recorded_shortcut_matches_detect(text: str, flagged: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CV's shortcut (rules recorded once, segments scored) gives detect()'s own verdict with the model on."""
    from mtcheck.detect import detect_text

    record = load_script("record_detect_rules").record
    cv = load_script("cv_detect_learned")
    verdict, segments = record(text)
    shortcut = verdict or cv.flips(segments, TOY.score, TOY.threshold, None)
    monkeypatch.setattr(learned, "ENABLED", True)
    monkeypatch.setattr(learned, "load_model", lambda path=None: TOY)
    assert shortcut is flagged
    assert detect_text(text).machine_translated is shortcut


def _train_real(out: Path) -> bytes:
    import subprocess

    cmd = [sys.executable, str(ROOT / "scripts" / "train_detect.py"), str(REAL[0]), "--output", str(out),
           "--limit", "120", "--folds", "0", "--epochs", "2", "--features", "char+word"]  # fmt: skip
    subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
    return out.read_bytes()


def test_training_on_a_real_set_with_word_grams_is_deterministic(tmp_path: Path) -> None:
    first, second = _train_real(tmp_path / "a.json"), _train_real(tmp_path / "b.json")
    assert first == second
    model = load_model(str(tmp_path / "a.json"))
    assert model is not None and model.features == "char+word"
    assert any(g.startswith("w:") for g in model.weights)
