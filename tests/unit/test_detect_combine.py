"""The learned-combinator experiment: language-independent features of the concept readings, the pure-Python
logistic regression of scripts/train_combine.py, its threshold and its refusal of the held-out sets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mtcheck.detect import combine, detect_text
from tests.shared import load_script

# every feature name is one of these: concepts, pairs, reading, hit and evidence figures, shape; never a word
_NAME = re.compile(
    r"bias|[cu]:\w+|hc:\w+|p:\w+[+-]\w+|r:[\w>]+|ui:\w+|h:\w+(?:>1)?|e:(?:notice|language|score)|[ws](?:<=|>)\d+"
    r"|end:(?:!|\.\.\.|\?|:|\.)|list|brackets|quotes|code_chars|url"
)


def _features(text: str) -> dict[str, float]:
    detection = detect_text(text)
    return combine.features(text, detection.evidence, detection.score, combine.rule_hits(text))


@pytest.mark.parametrize(
    "text",
    [
        "This article was translated automatically by a machine; please excuse errors.",
        "Dieser Beitrag wurde maschinell übersetzt.",
        "Cet article a été traduit automatiquement.",
        "Can you translate this sentence for me?",
        "- Our app translates menus into 40 languages (https://example.org)",
        "本文由机器翻译。",
    ],
)
def test_feature_names_come_from_a_closed_set_and_hold_no_word_of_the_text(text: str) -> None:
    feats = _features(text)
    assert feats["bias"] == 1.0
    for name in feats:
        assert _NAME.fullmatch(name), name
    words = {w.lower() for w in re.findall(r"\w{4,}", text)}
    assert not any(w in name.lower() for name in feats for w in words if w not in combine.READING_CONCEPTS)


def test_a_notice_reads_as_machine_done_and_positive_in_two_languages() -> None:
    for text in ("This page was machine translated.", "Diese Seite wurde maschinell übersetzt."):
        feats = _features(text)
        assert feats.get("c:machine") == 1.0 and feats.get("c:done") == 1.0, feats
        assert feats.get("p:machine+done") == 1.0
        assert feats.get("r:positive") == 1.0 and feats["r:score"] > 0
        assert feats["e:score"] > 0.3


def test_shape_features_of_a_list_item_with_a_link_and_brackets() -> None:
    feats = _features("- The tool translates menus automatically (see https://example.org)...")
    assert feats.get("list") == 1.0
    assert feats.get("url") == 1.0
    assert feats.get("brackets") == 1.0
    assert feats.get("end:...") == 1.0
    assert feats.get("w<=12") == 1.0
    assert "r:positive" not in feats or feats["r:positive"] == 0.0


def test_a_question_without_a_translate_word_has_no_reading() -> None:
    feats = _features("Where is the station?")
    assert feats.get("r:none") == 1.0
    assert feats.get("end:?") == 1.0
    assert not any(name.startswith(("c:", "p:", "h:")) for name in feats)


def test_probability_is_the_logistic_of_the_weighted_sum() -> None:
    assert combine.probability({"bias": 0.0}, {"bias": 1.0}) == 0.5
    assert combine.probability({"bias": 2.0, "x": -2.0}, {"bias": 1.0, "x": 1.0}) == 0.5
    assert combine.probability({"x": 3.0}, {"x": 1.0}) > 0.95
    assert combine.probability({"x": -100.0}, {"x": 1.0}) == 0.0


def _toy() -> list[tuple[dict[str, float], int]]:
    rows = []
    for i in range(40):
        positive = i % 3 == 0
        feats = {"bias": 1.0, "c:machine": 1.0} if positive else {"bias": 1.0, "c:topic": 1.0}
        if i % 7 == 0:  # some noise: a negative with the machine concept
            feats = {"bias": 1.0, "c:machine": 1.0, "quotes": 1.0}
            positive = False
        rows.append((feats, int(positive)))
    return rows


def test_training_is_deterministic_and_learns_the_direction_of_a_feature() -> None:
    script = load_script("train_combine")
    first = script.fit(_toy())
    assert first == script.fit(_toy())
    assert first["c:machine"] > 0 > first["c:topic"]
    assert first["quotes"] < 0


def test_the_threshold_keeps_the_training_false_alarms_at_the_rules_level() -> None:
    script = load_script("train_combine")
    probs = [0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1]
    labels = [1, 0, 1, 0, 1, 0, 0, 0]
    threshold = script.choose_threshold(probs, labels, 0.2)  # 5 negatives: at most one false alarm
    flagged = [p >= threshold for p in probs]
    assert sum(1 for f, y in zip(flagged, labels, strict=True) if f and not y) == 1
    assert flagged[:3] == [True, True, True] and not flagged[3]
    assert script.choose_threshold(probs, labels, 0.0) > 0.8


def test_auc_and_notices_found_at_a_number_of_false_alarms() -> None:
    script = load_script("train_combine")
    assert script.auc([0.9, 0.8, 0.1], [1, 1, 0]) == 1.0
    assert script.auc([0.5, 0.5], [1, 0]) == 0.5
    assert script.found_at([0.9, 0.7, 0.8, 0.1], [1, 1, 0, 0], 0) == 1
    assert script.found_at([0.9, 0.7, 0.8, 0.1], [1, 1, 0, 0], 1) == 2


def _future_held_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A held-out list with one future set (the real list may be empty between rounds)."""
    listed = tmp_path / "held-out.txt"
    listed.write_text("# held out\ndetect-real-98\n", encoding="utf-8")
    monkeypatch.setattr(load_script("train_detect"), "REAL_HELD_OUT", listed)
    return "detect-real-98"


def test_the_held_out_sets_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = load_script("train_combine")
    path = tmp_path / f"{_future_held_out(tmp_path, monkeypatch)}.jsonl"
    path.write_text('{"id": "x", "kind": "tricky_negative", "text": "t"}\n', encoding="utf-8")
    with pytest.raises(SystemExit, match="held-out"):
        script.rows_of([path])


def test_training_uses_the_one_held_out_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # tests/data/detect-real-held-out.txt, read by train_detect (its cases: test_detect_learned_cv.py)
    script = load_script("train_combine")
    assert script.held_out.__module__ == "train_detect"
    assert load_script("train_detect").REAL_HELD_OUT.name == "detect-real-held-out.txt"
    stem = _future_held_out(tmp_path, monkeypatch)
    assert load_script("train_detect").real_held_out() == (stem,)
    assert script.held_out(Path(f"tests/data/{stem}.jsonl")) and script.held_out(Path(f"tests/data/{stem}b.jsonl"))
    assert not script.held_out(Path("tests/data/detect-real-97.jsonl"))
    assert not script.held_out(Path(f"tests/data/{stem}0.jsonl"))  # another set number, not the listed set
