"""scripts/reader_study.py: readers' figures against labels, their agreement, and the study file's form."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.shared import load_script

ROOT = Path(__file__).resolve().parents[2]
study = load_script("reader_study")


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_figures_count_notices_and_false_alarms() -> None:
    labels = {"n1": True, "n2": True, "n3": True, "g1": False, "g2": False}
    got = study.figures([("n1", True), ("n2", False), ("n3", True), ("g1", True), ("g2", False)], labels)
    assert (got.found, got.notices, got.false_alarms, got.negatives) == (2, 3, 1, 2)
    assert got.recall == pytest.approx(2 / 3)
    assert got.false_alarm_rate == pytest.approx(0.5)


def test_kappa_on_shared_rows_only() -> None:
    first = {"a": True, "b": True, "c": False, "d": False, "only-first": True}
    second = {"a": True, "b": False, "c": False, "d": False, "only-second": False}
    agree, n, k = study.kappa(first, second)
    assert (agree, n) == (3, 4)
    # p1 = 0.5, p2 = 0.25: expected 0.5, observed 0.75
    assert k == pytest.approx(0.5)
    assert study.kappa({"a": True}, {"b": True}) == (0, 0, 0.0)
    assert study.kappa(first, first)[2] == pytest.approx(1.0)


def _toy(tmp_path: Path) -> tuple[Path, Path, Path]:
    data = tmp_path / "data"
    data.mkdir()
    _write(
        data / "detect-real-1.jsonl",
        [
            {"id": "n1", "kind": "disclaimer_phrase", "class": "badge"},
            {"id": "n2", "kind": "disclaimer_phrase", "class": "one-off"},
            {"id": "g1", "kind": "tricky_negative", "class": "negated status"},
        ],
    )
    judged = _write(
        tmp_path / "study.jsonl",
        [
            # reader-10 sorts after reader-2, so reader-2's answer on n1 is the pooled one
            {"id": "n1", "reader": "reader-10", "notice": False, "sure": True},
            {"id": "g1", "reader": "reader-10", "notice": True, "sure": True},
            {"id": "n1", "reader": "reader-2", "notice": True, "sure": True},
            {"id": "n2", "reader": "reader-2", "notice": True, "sure": False},
            {"id": "g1", "reader": "reader-2", "notice": False, "sure": True},
        ],
    )
    blind = _write(tmp_path / "blind.jsonl", [{"id": "n1", "score": 0.9}, {"id": "g1", "score": 0.5}])
    return data, judged, blind


def test_main_pools_each_row_once_and_joins_blind_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, judged, blind = _toy(tmp_path)
    assert study.main(["--study", str(judged), "--blind", str(blind), "--data", str(data), "--by-class"]) == 0
    out = capsys.readouterr().out
    assert "reader-2: 3 rows; recall 2/2 = 1.000; false alarms 0/1 = 0.000" in out
    assert "reader-10: 2 rows; recall 0/1 = 0.000; false alarms 1/1 = 1.000" in out
    assert out.index("reader-2:") < out.index("reader-10:")
    # each row once, from reader-2 (the first reader): not the last reader's answer, not every judgement
    assert "readers pooled (each row once): recall 2/2 = 1.000; false alarms 0/1 = 0.000" in out
    assert "judged sure: 2 rows, 2 agree with the label" in out
    assert "judged unsure: 1 rows, 1 agree with the label" in out
    # n2 has no blind score: left out of both lines; a score of exactly 0.5 is a flag (the verdict threshold)
    assert "(1 rows have no blind score" in out
    assert "readers, rows with a blind score (2): recall 1/1 = 1.000; false alarms 0/1 = 0.000" in out
    assert "detector at first sight, same rows (2): recall 1/1 = 1.000; false alarms 1/1 = 1.000" in out
    assert "reader-2 vs reader-10: agree on 0/2 rows" in out
    assert "negative: negated status" in out and "flagged 0/1" in out
    assert "notice: badge" in out.split("notice: one-off")[0]


def test_main_refuses_unknown_ids_and_missing_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, judged, blind = _toy(tmp_path)
    stray = _write(tmp_path / "stray.jsonl", [{"id": "nowhere", "reader": "r", "notice": True, "sure": True}])
    assert study.main(["--study", str(stray), "--blind", str(blind), "--data", str(data)]) == 2
    assert "1 judged ids are in no labelled set" in capsys.readouterr().err
    assert study.main(["--study", str(tmp_path / "missing.jsonl"), "--data", str(data)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot read the study" in err


def test_study_file_rows_are_labelled_rows_without_text() -> None:
    labels, _ = study.load_labels()
    rows = [json.loads(line) for line in (ROOT / "bench" / "detect-reader-study.jsonl").read_text().splitlines()]
    assert rows and all(row["id"] in labels for row in rows)
    assert all(set(row) == {"id", "reader", "batch", "notice", "sure"} for row in rows)
    assert all(isinstance(row["notice"], bool) and isinstance(row["sure"], bool) for row in rows)
    assert len({(row["reader"], row["id"]) for row in rows}) == len(rows)


def test_prepare_hides_labels_and_collect_maps_answers_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, _, _ = _toy(tmp_path)
    items_path, key_path, study_path = tmp_path / "E-items.jsonl", tmp_path / "E-key.jsonl", tmp_path / "new.jsonl"
    _write(
        data / "detect-real-1.jsonl",
        [
            {"id": "n1", "kind": "disclaimer_phrase", "class": "badge", "language": "en", "text": "Auto-translated"},
            {"id": "g1", "kind": "tricky_negative", "class": "negated status", "language": "de", "text": "Nicht KI"},
            {"id": "x1", "kind": "mt_article", "class": "-", "language": "en", "text": "not a study row"},
        ],
    )
    argv = ["--data", str(data), "--prepare", "1", "--prefix", "E", "--items", str(items_path), "--key", str(key_path)]
    assert study.main(argv) == 0
    items = [json.loads(line) for line in items_path.read_text().splitlines()]
    assert sorted(i["text"] for i in items) == ["Auto-translated", "Nicht KI"]
    assert set(study.load_labels(data)[0]) == {"n1", "g1"}  # an article row is neither notice nor negative
    assert all(set(i) == {"item", "language", "text"} and i["item"].startswith("E") for i in items)
    key = {json.loads(line)["item"]: json.loads(line)["id"] for line in key_path.read_text().splitlines()}
    judged = _write(
        tmp_path / "E-judged.jsonl",
        [{"item": i["item"], "notice": key[i["item"]] == "n1", "sure": True} for i in items],
    )
    collect = ["--study", str(study_path), "--collect", str(judged), "--key", str(key_path), "--reader", "reader-5"]
    assert study.main(collect) == 0
    rows = [json.loads(line) for line in study_path.read_text().splitlines()]
    assert rows == [
        {"id": "g1", "reader": "reader-5", "batch": "E", "notice": False, "sure": True},
        {"id": "n1", "reader": "reader-5", "batch": "E", "notice": True, "sure": True},
    ]
    assert study.main(collect) == 2  # the same reader's rows twice
    assert "already judged" in capsys.readouterr().err
    assert len(study_path.read_text().splitlines()) == 2


def test_collect_refuses_incomplete_or_malformed_answers() -> None:
    key = [{"item": "E0000", "id": "n1"}, {"item": "E0001", "id": "g1"}]
    ok = {"notice": True, "sure": False}
    with pytest.raises(ValueError, match="1 items not judged"):
        study.collect([{"item": "E0000", **ok}], key, "reader-5", "E")
    with pytest.raises(ValueError, match="1 judged twice"):
        study.collect([{"item": "E0000", **ok}, {"item": "E0001", **ok}, {"item": "E0001", **ok}], key, "r", "E")
    with pytest.raises(ValueError, match="1 not in the key"):
        study.collect([{"item": "E0000", **ok}, {"item": "E0001", **ok}, {"item": "E0009", **ok}], key, "r", "E")
    with pytest.raises(ValueError, match="true or false"):
        study.collect([{"item": "E0000", **ok}, {"item": "E0001", "notice": "yes", "sure": True}], key, "r", "E")


def test_sets_keep_only_the_rows_of_those_sets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, judged, blind = _toy(tmp_path)
    _write(data / "detect-real-2.jsonl", [{"id": "m1", "kind": "disclaimer_phrase", "class": "badge"}])
    rows = [json.loads(line) for line in judged.read_text().splitlines()]
    _write(judged, [*rows, {"id": "m1", "reader": "reader-2", "notice": False, "sure": True}])
    assert study.main(["--study", str(judged), "--blind", str(blind), "--data", str(data), "--sets", "2"]) == 0
    out = capsys.readouterr().out
    assert "sets 2: 1 judgements" in out
    assert "readers pooled (each row once): recall 0/1 = 0.000" in out
    assert study.main(["--study", str(judged), "--data", str(data), "--sets", "9"]) == 2
