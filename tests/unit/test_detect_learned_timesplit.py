"""The round-12 time split of the learned fallback: pooling, site weights, weighted fitting, the one-shot eval."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtcheck.detect import learned
from mtcheck.detect.learned import Model
from tests.shared import load_script

TOY = Model(weights={"w:zorblax": 200.0}, bias=-6.0, threshold=0.9, evidence_weight=0.55, features="char+word")


def _cell(rh: int, rn: int, fh: int, fn: int) -> dict[str, list[int]]:
    return {"recall": [rh, rn], "fp": [fh, fn]}


def test_pool_sums_every_setting_and_placement() -> None:
    cv = load_script("cv_detect_learned")
    a = {
        "rules": {"alone": _cell(1, 2, 0, 3), "top": _cell(2, 2, 1, 3)},
        "t0.9": {"alone": _cell(2, 2, 1, 3), "top": _cell(2, 2, 2, 3)},
    }
    b = {
        "rules": {"alone": _cell(3, 5, 1, 4), "top": _cell(0, 5, 0, 4)},
        "t0.9": {"alone": _cell(4, 5, 1, 4), "top": _cell(1, 5, 0, 4)},
    }
    pooled = cv.pool([a, b])
    assert pooled["rules"]["alone"] == _cell(4, 7, 1, 7)
    assert pooled["rules"]["top"] == _cell(2, 7, 1, 7)
    assert pooled["t0.9"]["alone"] == _cell(6, 7, 2, 7)
    assert pooled["t0.9"]["top"] == _cell(3, 7, 2, 7)
    assert a["rules"]["alone"] == _cell(1, 2, 0, 3)  # inputs untouched
    assert cv.pool([]) == {}


def test_site_weights_give_each_site_the_same_total() -> None:
    cv = load_script("cv_detect_learned")
    rows = [{"site": "a"}, {"site": "a"}, {"site": "a"}, {"site": "b"}]
    weights = cv.site_weights(rows)
    assert weights == pytest.approx([2 / 3, 2 / 3, 2 / 3, 2.0])
    assert sum(weights) == pytest.approx(len(rows))  # mean 1
    assert sum(weights[:3]) == pytest.approx(weights[3])


def test_fit_sample_weights() -> None:
    td = load_script("train_detect")
    feats = [["aa", "ab"], ["ba", "bb"], ["ca", "cb"]]
    labels = [1, 0, 1]
    hyper = {"min_df": 1, "epochs": 3, "l2": 1e-4, "rate": 0.5, "seed": 13}
    plain = td.fit(feats, labels, **hyper)
    assert td.fit(feats, labels, **hyper, sample_weight=[1.0, 1.0, 1.0]) == plain  # weight 1: unchanged
    w, _ = td.fit(feats, labels, **hyper, sample_weight=[1.0, 1.0, 0.0])
    assert w["ca"] == w["cb"] == 0.0 and plain[0]["ca"] > 0  # a weight-0 example teaches nothing
    w2, _ = td.fit(feats, labels, **hyper, sample_weight=[2.0, 1.0, 1.0])
    assert w2["aa"] > plain[0]["aa"]


ROWS = [
    {"id": "p1", "kind": "disclaimer_phrase", "language": "en", "text": "Zorblax notice for readers."},
    {"id": "p2", "kind": "disclaimer_phrase", "language": "en", "text": "This article was machine translated."},
    {"id": "n1", "kind": "tricky_negative", "language": "en", "text": "The bridge opened in 1932."},
    {"id": "n2", "kind": "tricky_negative", "language": "en", "text": "Zorblax is not machine translated."},
]


def test_measure_rules_only_vs_rules_plus_learned() -> None:
    once = load_script("eval_learned_once")
    bodies = load_script("eval_detect_real").load_bodies()
    before = (learned.ENABLED, learned.load_model, learned.MENTION_THRESHOLD)
    tally = once.measure(ROWS, bodies, TOY, None)
    assert (learned.ENABLED, learned.load_model, learned.MENTION_THRESHOLD) == before  # restored
    for placement in ("alone", "top", "bottom"):
        assert tally["rules"][placement] == _cell(1, 2, 0, 2)  # the rules miss the made-up word
        assert tally["rules+learned"][placement] == _cell(2, 2, 0, 2)  # negation vetoes n2


def test_main_reports_each_set_and_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    once = load_script("eval_learned_once")
    model = tmp_path / "m.json"
    model.write_text(json.dumps({"weights": dict(TOY.weights), "bias": TOY.bias, "threshold": 0.5,
                                 "features": "char+word"}), encoding="utf-8")  # fmt: skip
    rows = tmp_path / "set.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    out_json = tmp_path / "out.json"
    argv = [str(model), str(tmp_path / "missing.jsonl"), str(rows), "--threshold", "0.99", "--json", str(out_json)]
    assert once.main(argv) == 2
    out, err = capsys.readouterr()
    assert "missing.jsonl" in err and len(err.strip().splitlines()) == 1
    assert "threshold 0.99" in out and "set.jsonl" in out
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["pooled"]["rules+learned"]["alone"] == _cell(2, 2, 0, 2)
    assert once.main([str(tmp_path / "nomodel.json"), str(rows), "--threshold", "0.9"]) == 2
