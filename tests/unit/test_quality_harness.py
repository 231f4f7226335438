"""The quality harness's metric functions (bench/quality_metrics.py) and its offset mapping, on small
hand-made fixtures (never the MQM data)."""

from __future__ import annotations

import json
import math
import random
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import quality  # noqa: E402
import quality_eval  # noqa: E402
import quality_metrics as qm  # noqa: E402
import quality_render  # noqa: E402

OVERLAP_CASES = [
    ((0, 3), (3, 5), False),  # touching, half-open
    ((0, 4), (3, 5), True),
    ((3, 5), (0, 4), True),
    ((2, 8), (4, 5), True),  # containment
    ((3, 3), (3, 4), True),  # an empty span covers the character it points at
    ((3, 3), (0, 3), False),
    ((10, 12), (0, 5), False),
]


@pytest.mark.parametrize(("a", "b", "expected"), OVERLAP_CASES)
def test_overlaps(a: tuple[int, int], b: tuple[int, int], expected: bool) -> None:
    assert qm.overlaps(a, b) is expected


def test_hits_any_target() -> None:
    assert qm.hits((5, 7), [(0, 2), (6, 9)])
    assert not qm.hits((5, 7), [(0, 2), (7, 9)])
    assert not qm.hits((5, 7), [])


HIT_PROBABILITY_CASES = [
    # length, segment length, targets, expected: placements of a 2-char span in 10 chars are starts 0..8;
    # it overlaps (4, 6) from start 3 to start 5
    (2, 10, [(4, 6)], 3 / 9),
    (2, 10, [(4, 6), (5, 7)], 4 / 9),  # overlapping targets are not counted twice
    (1, 10, [(0, 10)], 1.0),
    (0, 10, [(9, 10)], 1 / 10),  # an empty finding is placed like a 1-char one
    (12, 10, [(9, 10)], 1.0),  # longer than the segment: one placement, covering it
    (3, 10, [], 0.0),
]


@pytest.mark.parametrize(("length", "segment", "targets", "expected"), HIT_PROBABILITY_CASES)
def test_hit_probability(length: int, segment: int, targets: list[tuple[int, int]], expected: float) -> None:
    assert qm.hit_probability(length, segment, targets) == pytest.approx(expected)


def test_hit_probability_matches_enumeration() -> None:
    rng = random.Random(3)
    for _ in range(200):
        segment = rng.randint(1, 40)
        length = rng.randint(0, 12)
        targets = [(a, a + rng.randint(0, 6)) for a in (rng.randint(0, segment) for _ in range(rng.randint(0, 3)))]
        starts = qm.placements(length, segment)
        expected = sum(qm.hits((s, s + max(length, 1)), targets) for s in starts) / len(starts)
        assert qm.hit_probability(length, segment, targets) == pytest.approx(expected)


def test_literal_random_placement_agrees_with_exact_baseline() -> None:
    items = [(2, 10, [(4, 6)]), (5, 20, [(0, 3)]), (1, 8, [(2, 4), (6, 8)])]
    exact = sum(qm.hit_probability(n, m, t) for n, m, t in items) / len(items)
    rng = random.Random(0)
    draws = [qm.random_placement_draw(items, rng) for _ in range(20000)]
    assert sum(draws) / len(draws) == pytest.approx(exact, abs=0.01)
    base = qm.random_baseline([qm.hit_probability(n, m, t) for n, m, t in items], draws=4000, seed=1)
    assert base["expected"] == pytest.approx(exact)
    assert base["mean"] == pytest.approx(exact, abs=0.01)
    assert base["low"] <= base["mean"] <= base["high"]


def test_random_baseline_degenerate_cases() -> None:
    base = qm.random_baseline([0.0, 1.0], draws=100)
    assert base["expected"] == base["mean"] == base["low"] == base["high"] == 0.5
    empty = qm.random_baseline([])
    assert empty["draws"] == 0 and math.isnan(empty["mean"])


def test_random_baseline_interval_covers_binomial_spread() -> None:
    # 100 findings that each hit with p = 0.3: the share has sd sqrt(0.3 * 0.7 / 100) ~ 0.046
    base = qm.random_baseline([0.3] * 100, draws=4000, seed=2)
    assert base["mean"] == pytest.approx(0.3, abs=0.01)
    assert base["low"] == pytest.approx(0.3 - 1.96 * 0.0458, abs=0.02)
    assert base["high"] == pytest.approx(0.3 + 1.96 * 0.0458, abs=0.02)


def test_kendall_tau_b_hand_computed() -> None:
    # pairs of x = [1, 2, 2, 3], y = [1, 3, 2, 2]: (0,1) (0,2) (0,3) concordant, (1,3) discordant,
    # (1,2) tied in x only, (2,3) tied in y only: tau-b = (3 - 1) / sqrt((3+1+1) * (3+1+1)) = 0.4
    x, y = [1, 2, 2, 3], [1, 3, 2, 2]
    assert qm.kendall_tau_b(x, y) == pytest.approx(0.4)
    assert qm.kendall_tau_b_naive(x, y) == pytest.approx(0.4)


KENDALL_CASES = [
    ([1, 2, 3, 4], [10, 20, 30, 40], 1.0),
    ([1, 2, 3, 4], [4, 3, 2, 1], -1.0),
    # C = 2 ((0,1), (0,2)), D = 0, ties in y only: (1,2); tau-b = 2 / sqrt(3 * 2)
    ([1, 2, 3], [0, 1, 1], 2 / math.sqrt(6)),
]


@pytest.mark.parametrize(("x", "y", "expected"), KENDALL_CASES)
def test_kendall_tau_b_cases(x: list[float], y: list[float], expected: float) -> None:
    assert qm.kendall_tau_b(x, y) == pytest.approx(expected)


def test_kendall_tau_b_constant_side_is_nan() -> None:
    assert math.isnan(qm.kendall_tau_b([1, 1, 1], [1, 2, 3]))
    assert math.isnan(qm.kendall_tau_b([1], [1]))
    with pytest.raises(ValueError):
        qm.kendall_tau_b([1, 2], [1])


def test_kendall_tau_b_fast_equals_naive_with_many_ties() -> None:
    rng = random.Random(7)
    for _ in range(50):
        n = rng.randint(2, 60)
        x = [rng.randint(0, 5) for _ in range(n)]
        y = [rng.choice([0.0, 0.1, 1.0, 5.0, 5.1]) for _ in range(n)]
        fast, naive = qm.kendall_tau_b(x, y), qm.kendall_tau_b_naive(x, y)
        assert (math.isnan(fast) and math.isnan(naive)) or fast == pytest.approx(naive)


def test_kendall_and_spearman_agree_with_scipy() -> None:
    stats = pytest.importorskip("scipy.stats")
    rng = random.Random(11)
    x = [rng.randint(0, 9) for _ in range(300)]
    y = [xi + rng.randint(-5, 5) for xi in x]
    assert qm.kendall_tau_b(x, y) == pytest.approx(stats.kendalltau(x, y).statistic)
    assert qm.spearman(x, y) == pytest.approx(stats.spearmanr(x, y).statistic)


def test_ranks_and_spearman() -> None:
    assert qm.ranks([10, 20, 20, 5]) == [2.0, 3.5, 3.5, 1.0]
    assert qm.spearman([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert math.isnan(qm.spearman([1, 1, 1], [1, 2, 3]))


AUC_CASES = [
    # positives [3, 2] vs negatives [1, 2]: 3>1, 3>2, 2>1 and a tie 2=2 -> 3.5 / 4
    ([3, 2], [1, 2], 0.875),
    ([5, 6], [1, 2], 1.0),
    ([1, 2], [5, 6], 0.0),
    ([1, 1], [1, 1], 0.5),
]


@pytest.mark.parametrize(("positives", "negatives", "expected"), AUC_CASES)
def test_auc(positives: list[float], negatives: list[float], expected: float) -> None:
    assert qm.auc(positives, negatives) == pytest.approx(expected)


def test_auc_empty_is_nan() -> None:
    assert math.isnan(qm.auc([], [1]))


def test_quantile() -> None:
    assert qm.quantile([0.0, 1.0, 2.0, 3.0, 4.0], 0.5) == 2.0
    assert qm.quantile([0.0, 10.0], 0.25) == 2.5


# --- the harness's document building and offset mapping, on a fake report -----------------------------


def _row(order: int, target: str, spans: list[dict[str, object]] | None = None) -> dict[str, object]:
    return {
        "dataset": "g23news",
        "system": "sysA",
        "doc": "d1",
        "seg_id": str(order),
        "order": order,
        "target": target,
        "mqm": 5.0 if spans else 0.0,
        "has_major": bool(spans),
        "no_error": not spans,
        "spans": spans or [],
    }


def _document() -> dict[str, object]:
    major = {"start": 4, "end": 9, "severity": "Major", "category": "Accuracy/Mistranslation", "top": "Accuracy"}
    return {
        "dataset": "g23news",
        "system": "sysA",
        "doc": "d1",
        "segments": [_row(1, "The bridge is closed."), _row(2, "The fery runs daily.", [major])],
    }


def test_document_text_offsets() -> None:
    text, offsets = quality.document_text(_document())
    assert text == "The bridge is closed.\n\nThe fery runs daily."
    assert [text[a:b] for a, b in offsets] == ["The bridge is closed.", "The fery runs daily."]


def test_locate_falls_back_to_search_when_text_moved() -> None:
    document = _document()
    _, offsets = quality.document_text(document)
    moved = "Title\n\nThe bridge is closed.\n\nThe fery runs daily."
    assert quality.locate(moved, document, offsets) == [(7, 28), (30, 50)]
    assert quality.locate("something else", document, offsets) == [None, None]


def test_segment_records_map_findings_and_scores() -> None:
    document = _document()
    text, offsets = quality.document_text(document)
    scores = SimpleNamespace(chrf=80.0, bleu=50.0, ter=20.0)
    sentences = [
        SimpleNamespace(index=0, start=0, end=21, scores=scores),
        SimpleNamespace(index=1, start=23, end=43, scores=SimpleNamespace(chrf=40.0, bleu=10.0, ter=60.0)),
    ]
    found = [
        SimpleNamespace(kind="rule", rule_id="EN-X", severity="warning", start=27, end=31, sentence=1, details={}),
        SimpleNamespace(
            kind="unknown_word",
            rule_id="MT-UNKNOWN-WORD",
            severity="info",
            start=None,
            end=None,
            sentence=0,
            details={"direction": "en-es"},
        ),
    ]
    report = SimpleNamespace(document=SimpleNamespace(text=text), sentences=sentences, all_findings=lambda: found)
    first, second = quality.segment_records(document, offsets, report)
    assert first["scores"] == {"chrf": 80.0, "bleu": 50.0, "ter": 20.0, "prism": None, "confidence": None}
    assert first["risk"] is None  # the fixture's sentences carry no risk
    assert first["findings"] == [["unknown_word", "MT-UNKNOWN-WORD", "info", None, None, "en-es"]]
    assert second["findings"] == [["rule", "EN-X", "warning", 4, 8, "", "fery"]]  # "fery" inside the segment
    assert second["spans"][0][:3] == [4, 9, "Major"]

    results = quality_eval.evaluate([first, second], draws=200, seed=0)["datasets"]["news"]
    warn = next(r for r in results["precision"] if r["label"] == "warning+ findings")
    assert warn["n"] == 1 and warn["precision"] == 1.0
    # a 4-char span in a 20-char segment: 17 placements, 8 of them (starts 1..8) overlap (4, 9)
    assert warn["random"]["expected"] == pytest.approx(8 / 17)
    assert warn["overlapped"] == {"Major Accuracy/Mistranslation": 1}
    assert warn["top_hit_text"] == "fery" and warn["top_hit_text_share"] == 1.0
    recall = next(r for r in results["recall_major"] if r["category"] == "all Major")
    assert recall["recall_warning_plus"] == 1.0
    assert results["error_free"]["error_free"]["warning_plus_per_segment"] == 0.0


def test_cluster_bootstrap_ratio() -> None:
    # every document has hits = 2 x expected: every resample gives exactly 2
    even = qm.cluster_bootstrap_ratio([(2.0, 1.0), (4.0, 2.0), (1.0, 0.5)], draws=200)
    assert even["low"] == pytest.approx(2.0) and even["high"] == pytest.approx(2.0)
    # one document carries all the hits: the interval reaches down to 0
    lumpy = qm.cluster_bootstrap_ratio([(10.0, 1.0), (0.0, 1.0), (0.0, 1.0), (0.0, 1.0)], draws=2000, seed=4)
    assert lumpy["low"] == 0.0 and lumpy["high"] > 2.5
    assert lumpy["clusters"] == 4
    assert math.isnan(qm.cluster_bootstrap_ratio([])["low"])


def test_top_share() -> None:
    assert qm.top_share(["US", "US", "UN", "US"]) == ("US", 0.75)
    text, share = qm.top_share([])
    assert text == "" and math.isnan(share)


def test_short_text_keeps_sentences_out_of_the_results() -> None:
    assert quality_eval.short_text("US") == "US"
    assert quality_eval.short_text("China  News\nNetwork") == "China News Network"
    assert quality_eval.short_text("one two three four five six") == "<6 words>"


def _scored_report() -> tuple[dict[str, object], list[tuple[int, int]], SimpleNamespace]:
    """Two segments, one sentence each, with risk and the forced-decoding scores of a neural engine."""
    document = _document()
    text, offsets = quality.document_text(document)
    sentences = [
        SimpleNamespace(
            index=0,
            start=0,
            end=21,
            risk=0.4,
            scores=SimpleNamespace(chrf=80, bleu=50, ter=20, prism=-0.5, confidence=-1.0),
        ),
        SimpleNamespace(
            index=1,
            start=23,
            end=43,
            risk=2.4,
            scores=SimpleNamespace(chrf=40, bleu=10, ter=60, prism=-3.0, confidence=-2.0),
        ),
    ]
    report = SimpleNamespace(document=SimpleNamespace(text=text), sentences=sentences, all_findings=lambda: [])
    return document, offsets, report


def test_segment_records_keep_risk_and_forced_decoding_scores() -> None:
    document, offsets, report = _scored_report()
    first, second = quality.segment_records(document, offsets, report)
    assert first["risk"] == 0.4 and second["risk"] == 2.4
    assert (first["scores"]["prism"], first["scores"]["confidence"]) == (-0.5, -1.0)
    assert (second["scores"]["prism"], second["scores"]["confidence"]) == (-3.0, -2.0)


def _score_records() -> list[dict[str, object]]:
    """Six segments of three systems: MQM rises with risk and falls with prism, so both rank perfectly;
    confidence is constant within a system and ranks the systems backwards."""
    rows = []
    for k, (mqm, risk, prism, system, confidence) in enumerate(
        [
            (0.0, 0.5, -0.2, "a", -3.0),
            (1.0, 1.0, -0.4, "a", -3.0),
            (5.0, 2.0, -1.0, "b", -2.0),
            (6.0, 3.0, -1.5, "b", -2.0),
            (25.0, 4.0, -2.0, "c", -1.0),
            (30.0, 6.0, -4.0, "c", -1.0),
        ]
    ):
        rows.append(
            {
                "dataset": "g23news",
                "system": system,
                "doc": "d1",
                "order": k,
                "length": 10 + (k % 2),  # length says little
                "words": 2,
                "mqm": mqm,
                "no_error": mqm == 0.0,
                "has_major": mqm >= 5.0,
                "spans": [],
                "mapped": True,
                "sentences": 1,
                "scores": {"chrf": 50.0, "bleu": 20.0, "ter": 50.0, "prism": prism, "confidence": confidence},
                "risk": risk,
                "findings": [],
                "crossing": 0,
            }
        )
    return rows


def test_risk_and_prism_rows_at_segment_and_system_level() -> None:
    data = quality_eval.evaluate(_score_records(), draws=50, seed=0)["datasets"]["news"]
    seg = {r["score"]: r for r in data["segment_correlation"]}
    assert seg["-risk"]["segments"] == 6 and seg["-risk"]["kendall_tau_b"] == pytest.approx(1.0)
    assert seg["prism"]["kendall_tau_b"] == pytest.approx(1.0) and seg["prism"]["spearman"] == pytest.approx(1.0)
    assert seg["-risk"]["auc_error_free_vs_major"] == 1.0 and seg["prism"]["auc_error_free_vs_major"] == 1.0
    # confidence: constant within a system, backwards across them
    assert seg["confidence"]["kendall_tau_b"] < 0
    system = {r["score"]: r for r in data["system_correlation"]}
    assert system["-risk"]["systems"] == 3 and system["-risk"]["kendall_tau_b"] == pytest.approx(1.0)
    assert system["prism"]["kendall_tau_b"] == pytest.approx(1.0)
    assert system["confidence"]["kendall_tau_b"] == pytest.approx(-1.0)
    markdown = "\n".join(quality_render.dataset_lines("news", data))
    assert "| -risk (sum of sentence risks: words / 10 + findings) | 6 | 1.000 | 1.000 | 1.000 |" in markdown
    assert "not available for this engine" not in markdown


def test_scores_an_engine_does_not_give_are_marked_not_available() -> None:
    records = _score_records()
    for r in records:
        r["scores"] = {"chrf": 50.0, "bleu": 20.0, "ter": 50.0, "prism": None, "confidence": None}  # apertium
    del records[0]["scores"]["prism"]  # records saved before the forced-decoding scores existed
    data = quality_eval.evaluate(records, draws=50, seed=0)["datasets"]["news"]
    seg = {r["score"]: r for r in data["segment_correlation"]}
    assert seg["prism"]["segments"] == 0 and math.isnan(seg["prism"]["kendall_tau_b"])
    system = {r["score"]: r for r in data["system_correlation"]}
    assert math.isnan(system["prism"]["kendall_tau_b"]) and math.isnan(system["confidence"]["spearman"])
    assert system["-risk"]["kendall_tau_b"] == pytest.approx(1.0)  # risk is there for every engine
    lines = quality_render.dataset_lines("news", data)
    unavailable = [line for line in lines if "not available for this engine" in line]
    assert len(unavailable) == 4  # prism and confidence, segment and system level
    assert all(line.startswith(("| mean forced-decoding",)) for line in unavailable)


def test_correlations_with_a_missing_value_are_nan() -> None:
    nan = math.nan
    assert math.isnan(qm.kendall_tau_b([1.0, nan, 3.0], [1.0, 2.0, 3.0]))
    assert math.isnan(qm.spearman([nan, nan, nan], [1.0, 2.0, 3.0]))
    assert math.isnan(qm.pearson([nan, 2.0, 3.0], [1.0, 2.0, 3.0]))


def test_from_records_recomputes_the_score_rows(tmp_path: Path) -> None:
    # --save-records writes the records as JSON lines; --from-records reads them back with the data file
    import json

    records = _score_records()
    data = tmp_path / "segments.jsonl"
    rows = [{**_row(r["order"], "x" * r["length"]), "system": r["system"], "mqm": r["mqm"]} for r in records]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    saved = tmp_path / "q.jsonl"
    saved.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "q.json"
    args = ["--data", str(data), "--from-records", str(saved), "--out", str(out), "--draws", "20"]
    assert quality.main(args) == 0
    result = json.loads(out.read_text(encoding="utf-8"))["datasets"]["news"]
    seg = {r["score"]: r for r in result["segment_correlation"]}
    assert seg["-risk"]["segments"] == 6 and seg["-risk"]["kendall_tau_b"] == pytest.approx(1.0)
    assert seg["prism"]["kendall_tau_b"] == pytest.approx(1.0)
    system = {r["score"]: r for r in result["system_correlation"]}
    assert system["confidence"]["kendall_tau_b"] == pytest.approx(-1.0)


def test_missing_opus_mt_models_are_named_before_any_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quality, "_in_hub_cache", lambda repo_id: False)
    kwargs = {"engine": "marian", "pivots": ("de",), "language": "en", "models_dir": tmp_path}
    problem = quality.missing_models(kwargs)
    assert problem is not None and "en-de, de-en" in problem and "mtcheck models pull en-de de-en" in problem
    assert quality.missing_models({**kwargs, "engine": "apertium"}) is None  # no models to look for
    for pair in ("en-de", "de-en"):
        (tmp_path / f"opus-mt-{pair}").mkdir()
        (tmp_path / f"opus-mt-{pair}" / "config.json").write_text("{}", encoding="utf-8")
    assert quality.missing_models(kwargs) is None
    assert "en-fr, fr-en" in (quality.missing_models({**kwargs, "engine": "ctranslate2", "pivots": ("de", "fr")}) or "")


def test_the_harness_stops_with_one_line_when_models_are_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    monkeypatch.setattr(quality, "_in_hub_cache", lambda repo_id: False)
    data = tmp_path / "segments.jsonl"
    data.write_text(json.dumps(_row(1, "The bridge is closed.")) + "\n", encoding="utf-8")
    out = tmp_path / "q.json"
    args = [
        "--data",
        str(data),
        "--engine",
        "marian",
        "--pivot",
        "de",
        "--models-dir",
        str(tmp_path),
        "--out",
        str(out),
    ]
    assert quality.main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("quality: error: no opus-mt model for en-de, de-en")
    assert not out.exists()


def test_the_harness_refuses_a_bad_calibration_file_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    data = tmp_path / "segments.jsonl"
    data.write_text(json.dumps(_row(1, "The bridge is closed.")) + "\n", encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text('[ceiling]\nrule = "loud"\n', encoding="utf-8")
    args = ["--data", str(data), "--engine", "none", "--calibration", str(bad), "--out", str(tmp_path / "q.json")]
    assert quality.main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bad.toml: unknown severities" in err[0]


def _record(dataset: str, doc: str, order: int, system: str = "sysA") -> dict[str, object]:
    return {"dataset": dataset, "system": system, "doc": doc, "order": order}


def test_split_keeps_a_source_document_with_every_system_in_one_half() -> None:
    # the unit is the bootstrap's cluster: a source document (or 25 positions of a long talk), all systems
    for doc in ("d1", "d2", "talk.7"):
        halves = {quality.split_half(_record("ted", doc, order, system)) for order in range(25) for system in "ABC"}
        assert len(halves) == 1
    assert quality.split_half(_record("ted", "d1", 3)) == quality.split_half(_record("ted", "d1", 3))


def test_split_is_a_stable_hash_of_the_cluster_name() -> None:
    import hashlib

    record = _record("g23news", "news-42", 0)
    byte = hashlib.sha256(b"g23news/news-42#0").digest()[0]
    assert quality.split_half(record) == ("fit" if byte % 2 == 0 else "check")


def test_split_halves_partition_the_records() -> None:
    records = [_record("g23news", f"doc{k}", order, system) for k in range(40) for order in (0, 1) for system in "AB"]
    fit = quality.select_split(records, "fit")
    check = quality.select_split(records, "check")
    assert quality.select_split(records, "all") == records
    assert fit and check and len(fit) + len(check) == len(records)
    assert not {id(r) for r in fit} & {id(r) for r in check}
    # 40 documents: each half holds between a quarter and three quarters of them
    assert 10 <= len({r["doc"] for r in fit}) <= 30


def test_main_evaluates_one_half_from_saved_records(tmp_path: Path) -> None:
    data = tmp_path / "segments.jsonl"
    rows = []
    for k in range(12):
        major = {"start": 0, "end": 3, "severity": "Major", "category": "Fluency/Grammar", "top": "Fluency"}
        rows.append({**_row(k, "The fery runs.", [major] if k % 2 else None), "doc": f"d{k}", "order": 0})
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    records = tmp_path / "q.jsonl"
    saved = []
    for row in rows:
        saved.append(
            {
                **{k: row[k] for k in ("dataset", "system", "doc", "seg_id", "order", "mqm", "has_major", "no_error")},
                "length": len(row["target"]),
                "words": 3,
                "spans": [[s["start"], s["end"], s["severity"], s["category"], s["top"]] for s in row["spans"]],
                "mapped": True,
                "sentences": 1,
                "scores": {"chrf": 50.0, "bleu": 20.0, "ter": 50.0},
                "findings": [["rule", "EN-X", "warning", 4, 8, "", "fery"]],
                "crossing": 0,
            }
        )
    records.write_text("".join(json.dumps(r) + "\n" for r in saved), encoding="utf-8")
    out = tmp_path / "out.json"
    expected = {"fit": 0, "check": 0}
    for record in saved:
        expected[quality.split_half(record)] += 1
    for half in ("fit", "check"):
        assert (
            quality.main(
                [
                    "--data",
                    str(data),
                    "--from-records",
                    str(records),
                    "--split",
                    half,
                    "--out",
                    str(out),
                    "--draws",
                    "50",
                ]
            )
            == 0
        )
        result = json.loads(out.read_text(encoding="utf-8"))
        assert result["run"]["split"] == half and result["run"]["split_segments"] == expected[half]
        assert result["datasets"]["news"]["counts"]["segments"] == expected[half]


def test_select_keys_terminology_by_term_kind() -> None:
    import quality_select as qs

    assert qs.key_of(["terminology_drift", "MT-TERM-LOST", "warning", 0, 2, "acronym", "UN"]) == "MT-TERM-LOST/acronym"
    assert qs.key_of(["rule", "EN-HYPHEN-AS-DASH", "warning", 0, 9, "", "froze-this"]) == "EN-HYPHEN-AS-DASH"


def _stats(news: tuple[int, float], ted: tuple[int, float]) -> dict[str, dict[str, float]]:
    return {"news": {"n": news[0], "ratio": news[1]}, "ted": {"n": ted[0], "ratio": ted[1]}}


SELECT_CASES = [
    (_stats((12, 2.0), (0, math.nan)), 10, True),  # clear on one, silent on the other
    (_stats((12, 2.0), (5, 0.5)), 10, False),  # few on the other, but against it
    (_stats((12, 2.0), (5, 1.2)), 10, True),
    (_stats((12, 1.4), (0, math.nan)), 10, False),  # under 1.5x
    (_stats((12, 2.0), (0, math.nan)), 20, False),  # too few for the whole split's bar
    (_stats((6, 2.9), (4, 4.4)), 10, True),  # pooled: 10 findings, above 1.5x on both
    (_stats((6, 2.9), (4, 1.2)), 10, False),
    (_stats((6, 2.9), (3, 4.4)), 10, False),  # pooled: 9 findings
]


@pytest.mark.parametrize(("stats", "minimum", "expected"), SELECT_CASES)
def test_select_criterion(stats: dict[str, dict[str, float]], minimum: int, expected: bool) -> None:
    import quality_select as qs

    assert qs.earns_warning(stats, minimum) is expected


def test_select_demotes_only_warnings_of_lowered_keys() -> None:
    import quality_select as qs

    record = {
        "findings": [
            ["terminology_drift", "MT-TERM-LOST", "warning", 0, 2, "acronym", "UN"],
            ["terminology_drift", "MT-TERM-LOST", "warning", 3, 9, "name", "Li Wei"],
            ["rule", "MT-UNBALANCED-QUOTES", "warning", 10, 11, "", '"'],
            ["unknown_word", "MT-UNKNOWN-WORD", "info", None, None, "en-es"],
        ]
    }
    (out,) = qs.demote([record], {"MT-TERM-LOST/acronym"})
    assert [f[2] for f in out["findings"]] == ["info", "warning", "warning", "info"]
    assert record["findings"][0][2] == "warning"  # the input is left alone
