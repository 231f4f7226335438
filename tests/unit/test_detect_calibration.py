"""The calibrated confidence (mtcheck/detect/calibration.py, data/calibration.json).

The shipped map must be a probability (bounded), monotone in the evidence score, and the one thing the verdict
reads: `machine_translated` is `confidence >= THRESHOLD` for every language. The fitting keeps those properties
on any data (pooled adjacent violators, smoothing, empty bins filled from a neighbour).
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from mtcheck.detect import THRESHOLD, calibration, detect_text
from mtcheck.detect.calibration import Bin, fit, from_data

GRID = [i / 200 for i in range(201)]


def test_shipped_map_is_bounded_and_monotone() -> None:
    values = [calibration.probability(s) for s in GRID]
    assert all(0.0 < v < 1.0 for v in values)  # smoothed: no bin claims certainty
    assert all(b >= a for a, b in zip(values, values[1:], strict=False))
    assert values[0] < THRESHOLD <= values[-1]


def test_shipped_map_records_what_it_was_fitted_on() -> None:
    text = resources.files("mtcheck.detect").joinpath("data", "calibration.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["fitted_on"] and all(name.startswith("detect-real-") for name in data["fitted_on"])
    assert sum(b["rows"] for b in data["bins"]) >= 400


@pytest.mark.parametrize(
    "text",
    [
        "This article was machine translated from German.",  # en, a full disclaimer
        "Dieser Artikel wurde maschinell übersetzt.",  # de
        "本页内容由机器翻译生成。",  # zh-Hans
        "Esta página fue traducida automáticamente.",  # es
        "A bridge is a structure that spans a river.",  # nothing
        "Machine translation is the use of software to translate text.",  # a mention
    ],
)
def test_the_verdict_reads_the_calibrated_confidence(text: str) -> None:
    d = detect_text(text)
    assert d.score is not None
    assert d.confidence == calibration.probability(d.score)
    assert d.machine_translated == (d.confidence >= THRESHOLD)


def test_notices_are_surer_than_mentions() -> None:
    notice = detect_text("This article was machine translated from German.")
    mention = detect_text("Machine translation is the use of software to translate text.")
    assert notice.confidence > 0.9 and mention.confidence < 0.3


def test_fit_pools_violators_and_stays_monotone() -> None:
    # the middle bin has a lower share than the bin below it: they are pooled
    pairs = [(0.05, False)] * 9 + [(0.05, True)] + [(0.35, True)] * 3 + [(0.35, False)] * 1
    pairs += [(0.55, True)] * 1 + [(0.55, False)] * 3 + [(0.85, True)] * 10
    bins = fit(pairs, [0.0, 0.25, 0.5, 0.75], 0.5)
    values = [b.probability for b in bins]
    assert values == sorted(values)
    assert bins[1].probability == bins[2].probability  # pooled
    assert all(0 < v < 1 for v in values)
    assert [b.rows for b in bins] == [10, 4, 4, 10]


def test_empty_bins_take_the_neighbour_on_their_side_of_the_split() -> None:
    pairs = [(0.1, False)] * 20 + [(0.9, True)] * 20
    bins = fit(pairs, [0.0, 0.25, 0.5, 0.75], 0.5)
    assert bins[1].probability == bins[0].probability  # below the split: the bin under it
    assert bins[2].probability == bins[3].probability  # from the split up: the bin over it


@pytest.mark.parametrize(
    "bins",
    [
        [{"low": 0.1, "probability": 0.2}],  # does not start at 0
        [{"low": 0.0, "probability": 0.6}, {"low": 0.5, "probability": 0.4}],  # falls
        [{"low": 0.0, "probability": 1.2}],  # not a probability
        [],
    ],
)
def test_a_bad_map_is_refused(bins: list[dict[str, float]]) -> None:
    with pytest.raises(ValueError):
        from_data({"bins": bins})


def test_bin_round_trip() -> None:
    data = calibration.to_data([Bin(0.0, 0.5, 3, 1, 0.4), Bin(0.5, 1.0, 2, 2, 0.75)], ["x.jsonl"], "test")
    mapping = from_data(data)
    assert mapping(0.2) == 0.4 and mapping(0.5) == 0.75 and mapping(0.99) == 0.75
