"""The round-trip signal and its calibration."""

from __future__ import annotations

import json

import pytest

from mtcheck.detect import calibrate, load_calibration, roundtrip_signal, roundtrip_verdict, save_calibration
from mtcheck.detect.roundtrip import Calibration
from mtcheck.errors import ConfigError


@pytest.mark.parametrize(
    ("scores", "expected"),
    [([50.0], 0.5), ([100.0, 100.0], 1.0), ([0.0], 0.0), ([40.0, 60.0], 0.5), ([120.0], 1.0)],
)
def test_signal_is_the_mean_chrf_scaled_to_0_1(scores: list[float], expected: float) -> None:
    assert roundtrip_signal(scores) == pytest.approx(expected)


def test_signal_trims_outliers() -> None:
    scores = [80.0] * 18 + [0.0, 0.0]
    assert roundtrip_signal(scores) == pytest.approx(0.8)


def test_signal_needs_scores() -> None:
    with pytest.raises(ValueError):
        roundtrip_signal([])


def test_calibrate_finds_a_separating_threshold() -> None:
    labelled = [(0.82, True), (0.77, True), (0.9, True), (0.55, False), (0.6, False), (0.48, False)]
    cal = calibrate(labelled)
    assert 0.6 < cal.threshold < 0.77
    assert cal.balanced_accuracy == 1.0 and cal.samples == 6
    assert roundtrip_verdict(0.8, cal) is True and roundtrip_verdict(0.5, cal) is False


def test_calibrate_needs_both_classes() -> None:
    with pytest.raises(ValueError):
        calibrate([(0.5, True), (0.7, True)])


def test_shipped_calibration_is_uncalibrated_and_gives_no_verdict() -> None:
    cal = load_calibration()
    assert cal.threshold is None
    assert roundtrip_verdict(0.9) is None


def test_save_and_load(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "cal.json"
    save_calibration(Calibration(0.7, 10, 0.9, "test"), path)
    assert json.loads(path.read_text())["threshold"] == 0.7
    assert load_calibration(path).threshold == 0.7
    path.write_text("{not json")
    with pytest.raises(ConfigError):
        load_calibration(path)


ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


def test_calibration_script_writes_the_threshold(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    labelled = tmp_path / "labelled.jsonl"
    rows = [
        {"signal": 0.8, "machine_translated": True},
        {"chrf": [70, 75, 80], "machine_translated": True},
        {"signal": 0.5, "machine_translated": False},
    ]
    labelled.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = tmp_path / "cal.json"
    script = ROOT / "scripts" / "calibrate_roundtrip.py"
    subprocess.run([sys.executable, str(script), str(labelled), "--output", str(out)], check=True)
    assert 0.5 < load_calibration(out).threshold < 0.75
    labelled.write_text('{"signal": 0.5}\n')
    bad = subprocess.run([sys.executable, str(script), str(labelled), "--output", str(out)], capture_output=True)
    assert bad.returncode == 2 and b"error" in bad.stderr


def test_eval_script_scores_a_labelled_file_and_skips_a_missing_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    script = ROOT / "scripts" / "eval_detect.py"
    rows = [
        {"id": "p1", "kind": "disclaimer_phrase", "language": "en", "text": "This article was machine translated."},
        {"id": "n1", "kind": "tricky_negative", "language": "en", "text": "This article is not machine translated."},
        {"id": "n2", "kind": "human_article", "language": "en", "text": "Translated by Auto Translated Ltd staff."},
    ]
    path = tmp_path / "eval.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = subprocess.run([sys.executable, str(script), str(path)], capture_output=True, text=True, check=True)
    assert "disclaimer_phrase  n=  1  recall 1.000" in out.stdout
    assert "tricky_negative    n=  1  false-positive rate 0.000" in out.stdout
    missing = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "nope.jsonl")], capture_output=True, text=True
    )
    assert missing.returncode == 0 and "skipped" in missing.stdout
