"""The calibrated confidence (mtcheck/detect/calibration.py, data/calibration.json).

The shipped map must be a probability (bounded), monotone in the evidence score, and the one thing the verdict
reads: `machine_translated` is `confidence >= THRESHOLD` for every language. The fitting keeps those properties
on any data (pooled adjacent violators, smoothing, empty bins filled from a neighbour).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from mtcheck.detect import THRESHOLD, calibration, detect_text
from mtcheck.detect.calibration import Bin, fit, from_data
from tests.shared import load_script

GRID = [i / 200 for i in range(201)]
ROOT = Path(__file__).resolve().parent.parent.parent


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
    # a full disclaimer sits in the map's top step (0.91 in the map of sets 1-20, 0.87 in the candidate of sets
    # 1-46: on unseen sets such rows were notices that often), a mention far under the threshold
    assert notice.confidence == calibration.probability(1.0) > 0.8
    assert mention.confidence < 0.3


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
        [{"low": 0.0, "probability": 0.2}, {"low": float("nan"), "probability": 0.8}],  # json reads NaN
        [{"low": 0.0, "probability": 0.2}, {"low": float("inf"), "probability": 0.8}],
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


def test_a_handful_of_rows_cannot_move_the_verdict() -> None:
    # two notices just under the split would pool with the bins above it and pull the verdict down to 0.25
    pairs = [(0.1, False)] * 30 + [(0.1, True)] * 10 + [(0.3, True)] * 2 + [(0.8, True)] * 30 + [(0.8, False)] * 10
    edges = [0.0, 0.25, 0.5, 0.75]
    loose = fit(pairs, edges, 0.5)
    assert loose[1].probability >= 0.5  # one bin of 2 rows moves the verdict
    strict = fit(pairs, edges, 0.5, min_rows=10)
    assert strict[1].probability == strict[0].probability < 0.5  # counted with the bin under it
    assert strict[0].probability == round((10 + 2 + 1) / (40 + 2 + 2), 4)  # its rows are in that bin's share
    assert [b.rows for b in strict] == [40, 2, 0, 40]  # the report still says where rows fell
    assert strict[2].probability == strict[3].probability >= 0.5


def test_small_bins_from_the_split_up_count_with_the_bin_over_them() -> None:
    pairs = [(0.1, False)] * 20 + [(0.55, False)] * 3 + [(0.8, True)] * 20
    bins = fit(pairs, [0.0, 0.25, 0.5, 0.75], 0.5, min_rows=10)
    assert bins[2].probability == bins[3].probability == round((20 + 1) / (23 + 2), 4)


def _toy_sets() -> dict[int, list[tuple[float, bool]]]:
    # blind scores: every set misses a third of its notices (score 0); flagged rows are notices 4 times in 5
    toy = [(0.0, False)] * 20 + [(0.0, True)] * 10 + [(0.9, True)] * 16 + [(0.9, False)] * 4
    return {n: list(toy) for n in (1, 2, 3)}


def test_leave_one_set_out_prefers_a_map_fitted_on_blind_scores() -> None:
    calibrate = load_script("calibrate_detect")
    blind = _toy_sets()
    # in-sample scores: the rules were fitted on the sets, so every notice scores high and no negative does
    current = {n: [(0.0, False)] * 24 + [(0.9, True)] * 26 for n in blind}
    table = calibrate.leave_one_set_out(blind, current)
    assert [name for name, *_ in table] == ["1", "2", "3", "mean per set", "pooled"]
    for _, rows, blind_ece, sample_ece in table:
        assert rows in (50, 150)
        assert blind_ece < 0.03 < 0.1 < sample_ece  # the in-sample map claims 0.96 where 0.8 is true
    blind_map = calibrate.fitted([p for ps in blind.values() for p in ps])
    assert calibrate.ece(blind_map, blind[1]) < 0.03
    assert abs(blind_map(0.0) - 10 / 30) < 0.02 and abs(blind_map(0.95) - 0.8) < 0.02
    assert calibrate.verdict_score(blind_map) == 0.5
    assert calibrate.verdicts(blind_map, blind[1]) == (16 / 26, 4 / 24)


def test_read_blind_and_a_missing_file(tmp_path: Path) -> None:
    calibrate = load_script("calibrate_detect")
    path = tmp_path / "blind.jsonl"
    lines = [{"set": 2, "id": "a", "commit": "abc1234", "score": 0.9, "label": True, "field": "score"}]
    lines += [{"set": 1, "id": "b", "commit": "def5678", "score": 0.0, "label": False, "field": "confidence"}]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert calibrate.read_blind(path) == {2: [(0.9, True)], 1: [(0.0, False)]}
    assert calibrate.main(["--fit-blind", str(tmp_path / "nothing.jsonl")]) == 2


def test_the_shipped_map_names_a_blind_commit_for_every_set_it_was_fitted_on() -> None:
    data = json.loads(resources.files("mtcheck.detect").joinpath("data", "calibration.json").read_text("utf-8"))
    if "blind_commits" not in data:
        pytest.skip("the shipped map was not fitted on blind scores")
    assert set(data["blind_commits"]) == set(data["fitted_on"])
    assert all(len(c) >= 7 for c in data["blind_commits"].values())


def test_blind_scores_refuses_a_set_without_a_commit(capsys: pytest.CaptureFixture[str]) -> None:
    blind = load_script("blind_scores")
    assert blind.main(["--sets", "999", "--output", "/dev/null"]) == 2
    assert "999" in capsys.readouterr().err


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs a git checkout")
def test_blind_scores_scores_a_file_in_a_temporary_worktree(tmp_path: Path) -> None:
    blind = load_script("blind_scores")
    path = tmp_path / "toy.jsonl"
    rows = [
        {"id": "n", "kind": "disclaimer_phrase", "text": "This article was machine translated from German."},
        {"id": "x", "kind": "tricky_negative", "text": "A bridge is a structure that spans a river."},
        {"id": "s", "kind": "source", "text": "not a labelled row"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = blind.score_set(0, "HEAD", tmp_path / "trees", path)
    assert [(r["id"], r["label"], r["field"]) for r in out] == [("n", True, "score"), ("x", False, "score")]
    assert out[0]["score"] >= 0.5 > out[1]["score"]
    assert not any((tmp_path / "trees").iterdir())  # the worktree is gone


def test_a_blind_map_that_moves_the_verdict_is_not_written_unless_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calibrate = load_script("calibrate_detect")
    output = tmp_path / "calibration.json"
    monkeypatch.setattr(calibrate, "OUTPUT", output)  # never the shipped file
    # toy blind scores for set 2 (its current-code scores are read for the report): weak evidence (0.3) is a
    # notice 20 times in 22, so the map would flag from 0.3 up
    toy = [(0.3, True)] * 20 + [(0.3, False)] * 2 + [(0.0, False)] * 20 + [(0.9, True)] * 20
    path = tmp_path / "blind.jsonl"
    lines = [{"set": 2, "id": str(i), "commit": "226f63a", "score": s, "label": y} for i, (s, y) in enumerate(toy)]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert calibrate.main(["--fit-blind", str(path), "--write"]) == 1
    assert not output.exists()
    assert calibrate.main(["--fit-blind", str(path), "--write", "--move-verdict"]) == 0
    data = json.loads(output.read_text(encoding="utf-8"))
    assert data["fitted_on"] == ["detect-real-2.jsonl"] and data["blind_commits"] == {"detect-real-2.jsonl": "226f63a"}
    mapping = from_data(data)
    assert mapping(0.3) >= THRESHOLD > mapping(0.25)


def test_blind_scores_reports_a_commit_that_cannot_be_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blind = load_script("blind_scores")
    blind.BLIND[998] = "0" * 40  # no such commit
    try:
        assert blind.main(["--sets", "998", "--output", str(tmp_path / "out.jsonl"), "--tmp", str(tmp_path)]) == 2
    finally:
        del blind.BLIND[998]
    assert "set 998" in capsys.readouterr().err
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == ""


def test_learning_curve_tallies_verdicts_at_the_split() -> None:
    curve = load_script("learning_curve")
    rows = [
        {"score": 0.5, "label": True},
        {"score": 0.49, "label": True},
        {"score": 0.9, "label": False},
        {"score": 0.0, "label": False},
        {"score": 0.1, "label": False},
    ]
    assert curve.tally(rows) == {"notices": 2, "found": 1, "negatives": 3, "false_alarms": 1}


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs a git checkout")
def test_learning_curve_refuses_a_commit_that_may_have_seen_the_set(capsys: pytest.CaptureFixture[str]) -> None:
    curve = load_script("learning_curve")
    # the current commit came long after set 1 was read, so it is not blind to it
    assert curve.main(["--sets", "1", "--commits", "HEAD"]) == 2
    assert "may have seen the set" in capsys.readouterr().err
    curve.blind_scores.BLIND[997] = "HEAD"
    try:
        assert curve.blind_violation([997], ["HEAD"]) is None
        assert curve.blind_violation([996], ["HEAD"]) == "no blind commit recorded for set 996"
    finally:
        del curve.blind_scores.BLIND[997]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The weather is nice today.", "a"),  # no translate stem at all
        ("This page was translated from English.", "b"),  # translated, but by nobody named a machine
        ("This article was not machine translated.", "c:negation"),
        ("Machine translation is a field of study.", "c:definition"),
    ],
)
def test_miss_reasons_names_the_layer_that_leaves_a_text_out(text: str, reason: str) -> None:
    assert load_script("miss_reasons").classify(text)[0] == reason


def test_miss_reasons_counts_only_missed_notices(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "toy.jsonl"
    rows = [
        {"id": "1", "kind": "disclaimer_phrase", "language": "en", "text": "This page was translated from English."},
        {"id": "2", "kind": "disclaimer_phrase", "language": "en", "text": "This article was machine translated."},
        {"id": "3", "kind": "tricky_negative", "language": "en", "text": "The weather is nice today."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert load_script("miss_reasons").main([str(path), "--rows"]) == 0
    out = capsys.readouterr().out
    assert "# toy: 1 of 2 notices missed alone" in out
    assert "#   b: 1" in out and "toy\t1\tb\t" in out


def test_operating_points_count_rows_at_or_above_each_threshold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    calibrate = load_script("calibrate_detect")
    blind = {1: [(0.0, True), (0.3, True), (0.9, True), (0.3, False)], 2: [(0.5, True), (0.95, False)]}
    assert calibrate.operating_points(blind, (0.3, 0.9)) == [(0.3, 3, 4, 2, 2), (0.9, 1, 4, 1, 2)]
    assert calibrate.operating_points(blind, (0.3,), from_set=2) == [(0.3, 1, 1, 1, 1)]
    assert calibrate.operating_points(blind, (0.3,), to_set=1) == [(0.3, 2, 3, 1, 1)]
    path = tmp_path / "blind.jsonl"
    lines = [
        {"set": n, "id": f"{n}-{i}", "commit": "abc1234", "score": s, "label": y}
        for n, ps in blind.items()
        for i, (s, y) in enumerate(ps)
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert calibrate.main(["--operating-points", str(path)]) == 0
    out = capsys.readouterr().out
    assert "sets 1, 2" in out and "| 0.50 | 2 / 4 (0.500) | 1 / 2 (0.500) |" in out
    assert calibrate.main(["--operating-points", str(path), "--from-set", "3"]) == 2
    assert calibrate.main(["--operating-points", str(path), "--from-set", "2", "--to-set", "1"]) == 2
    assert calibrate.main(["--operating-points", str(path), "--to-set", "1"]) == 0
    out = capsys.readouterr().out
    assert "blind scores of sets 1:" in out
    assert "| 0.50 | 1 / 3 (0.333) | 0 / 1 (0.000) |" in out
    assert calibrate.main(["--operating-points", str(tmp_path / "none.jsonl")]) == 2


def _blind_file(path: Path, sets: dict[int, list[tuple[float, bool]]]) -> Path:
    lines = [
        {"set": n, "id": f"{n}-{i}", "commit": "226f63a", "score": s, "label": y}
        for n, pairs in sets.items()
        for i, (s, y) in enumerate(pairs)
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def test_a_candidate_map_goes_to_its_own_file_and_a_bin_can_need_more_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calibrate = load_script("calibrate_detect")
    shipped = tmp_path / "shipped.json"
    monkeypatch.setattr(calibrate, "OUTPUT", shipped)  # never the shipped file
    # set 2: 12 rows at 0.55, 5 of them notices; set 99 (no set file: --to-set leaves it out, or reading it fails)
    toy = [(0.0, False)] * 30 + [(0.0, True)] * 10 + [(0.55, True)] * 5 + [(0.55, False)] * 7
    toy += [(0.9, True)] * 30 + [(0.9, False)] * 5
    path = _blind_file(tmp_path / "blind.jsonl", {2: toy, 99: [(0.9, True)]})
    candidate = tmp_path / "candidate.json"
    args = ["--fit-blind", str(path), "--to-set", "2", "--write", "--output", str(candidate)]
    assert calibrate.main(args) == 1  # 12 rows are a bin of their own: P 0.43 from 0.5, the verdict moves
    assert not candidate.exists()
    assert calibrate.main([*args, "--min-rows", "20"]) == 0  # they count with the bin over them
    assert not shipped.exists()
    data = json.loads(candidate.read_text(encoding="utf-8"))
    assert data["fitted_on"] == ["detect-real-2.jsonl"] and data["min_rows"] == 20
    assert set(data["blind_commits"]) == {"detect-real-2.jsonl"}
    assert from_data(data)(0.55) == round((30 + 5 + 1) / (35 + 12 + 2), 4) >= THRESHOLD
    assert calibrate.main(["--fit-blind", str(path), "--to-set", "1"]) == 2  # no set up to 1


def test_write_from_ships_a_checked_candidate_in_one_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calibrate = load_script("calibrate_detect")
    shipped = tmp_path / "shipped.json"
    monkeypatch.setattr(calibrate, "OUTPUT", shipped)
    bins = [Bin(0.0, 0.5, 10, 2, 0.2), Bin(0.5, 1.0, 10, 8, 0.8)]
    good = calibration.to_data(bins, ["detect-real-1.jsonl"], "toy") | {
        "blind_commits": {"detect-real-1.jsonl": "abc1234"}
    }
    path = tmp_path / "candidate.json"
    path.write_text(json.dumps(good), encoding="utf-8")
    assert calibrate.main(["--write-from", str(path)]) == 0
    assert json.loads(shipped.read_text(encoding="utf-8")) == good
    shipped.unlink()
    moves = calibration.to_data([Bin(0.0, 0.6, 10, 2, 0.2), Bin(0.6, 1.0, 10, 8, 0.8)], ["detect-real-1.jsonl"], "toy")
    path.write_text(json.dumps(moves | {"blind_commits": good["blind_commits"]}), encoding="utf-8")
    assert calibrate.main(["--write-from", str(path)]) == 1 and not shipped.exists()
    assert calibrate.main(["--write-from", str(path), "--move-verdict"]) == 0 and shipped.exists()
    shipped.unlink()
    # bins off the 0.05 grid: the verdict from 0.48 moves it too (checked at the map's own edges)
    off_grid = calibration.to_data(
        [Bin(0.0, 0.48, 10, 2, 0.2), Bin(0.48, 1.0, 10, 8, 0.8)], ["detect-real-1.jsonl"], ""
    )
    path.write_text(json.dumps(off_grid | {"blind_commits": good["blind_commits"]}), encoding="utf-8")
    assert calibrate.main(["--write-from", str(path)]) == 1 and not shipped.exists()
    for fitted_on in ("detect-real-1.jsonl", [{"set": 1}]):  # not a list of set files: a one-line refusal
        path.write_text(json.dumps(good | {"fitted_on": fitted_on}), encoding="utf-8")
        assert calibrate.main(["--write-from", str(path)]) == 2
    for bad in ({"bins": []}, {k: v for k, v in good.items() if k != "blind_commits"}, {"x": 1}):
        path.write_text(json.dumps(bad), encoding="utf-8")
        assert calibrate.main(["--write-from", str(path)]) == 2
    assert calibrate.main(["--write-from", str(tmp_path / "none.json")]) == 2
    assert not shipped.exists()


def test_held_out_sets_are_never_fitted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Second read of round 27 (review27e): bench/detect-blind-scores.jsonl holds the blind scores of the held-out sets
    # (tests/data/detect-real-held-out.txt), so `--fit-blind` without --to-set fitted the map on them and scored
    # their rows with the current code, and `--fit` took a held-out file. Here set 99 is held out (it has no set file:
    # scoring its rows would fail).
    calibrate = load_script("calibrate_detect")
    monkeypatch.setattr(calibrate, "OUTPUT", tmp_path / "shipped.json")  # never the shipped file
    monkeypatch.setattr(calibrate, "real_set_held_out", lambda name: name.startswith("detect-real-99."), raising=False)
    toy = [(0.0, False)] * 30 + [(0.0, True)] * 10 + [(0.9, True)] * 30 + [(0.9, False)] * 5
    path = _blind_file(tmp_path / "blind.jsonl", {2: toy, 99: [(0.9, True)] * 40})
    candidate = tmp_path / "candidate.json"
    assert calibrate.main(["--fit-blind", str(path), "--write", "--output", str(candidate)]) == 0
    assert json.loads(candidate.read_text(encoding="utf-8"))["fitted_on"] == ["detect-real-2.jsonl"]
    held = tmp_path / "detect-real-99.jsonl"
    held.write_text(json.dumps({"id": "a", "kind": "disclaimer_phrase", "text": "Machine translated."}) + "\n", "utf-8")
    assert calibrate.main(["--fit", str(held)]) == 2
