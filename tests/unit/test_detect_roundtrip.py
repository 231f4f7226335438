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
