"""The system-level analysis of the quality harness (bench/quality_system.py), on small hand-made records
(never the MQM data)."""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import quality_system as qs  # noqa: E402


def record(
    system: str,
    doc: str,
    seg: int,
    *,
    mqm: float,
    words: int,
    findings: int = 0,
    warnings: int = 0,
    chrf: float | None = 70.0,
    order: int | None = None,
) -> dict[str, Any]:
    found = [["terminology_drift", "MT-TERM-CHANGED", "info", 0, 1, "name"]] * (findings - warnings)
    found += [["rule", "MT-DOUBLED-WORD", "warning", 0, 1, ""]] * warnings
    return {
        "dataset": "g23news",
        "system": system,
        "doc": doc,
        "seg_id": seg,
        "order": seg if order is None else order,
        "length": 6 * words,
        "words": words,
        "mqm": mqm,
        "findings": found,
        "scores": None if chrf is None else {"chrf": chrf, "bleu": 0.0, "ter": 0.0},
        "risk": words / 10 + findings,
        "mapped": True,
    }


def complete_vs_short(docs: int = 4) -> list[dict[str, Any]]:
    """The pattern of the news data: the better system writes longer (complete) translations with more
    findings in all, but fewer per word; the worse one omits words and has the higher MQM."""
    rows = []
    for d in range(docs):
        for s in range(3):
            rows.append(record("good", f"d{d}", s, mqm=1.0, words=40, findings=2))
            rows.append(record("bad", f"d{d}", s, mqm=5.0, words=20, findings=1 + s % 2))
            rows.append(record("worst", f"d{d}", s, mqm=9.0, words=10, findings=1))
    return rows


def test_value_is_a_ratio_of_sums_leaving_out_segments_without_a_score() -> None:
    rows = [record("a", "d", 0, mqm=0, words=10, findings=1), record("a", "d", 1, mqm=0, words=30, findings=1)]
    assert qs.value(rows, "-findings/100w") == pytest.approx(-100 * 2 / 40)  # not the mean of -10 and -3.3
    assert qs.value(rows, "-findings") == pytest.approx(-1.0)
    rows[1]["scores"] = None
    assert qs.value(rows, "chrf") == pytest.approx(70.0)  # the segment without chrF is left out


def test_length_normalised_risk_is_findings_per_word_plus_a_constant() -> None:
    rows = [record("a", "d", 0, mqm=0, words=10, findings=3), record("a", "d", 1, mqm=0, words=30, findings=1)]
    assert qs.value(rows, "-risk/100w") == pytest.approx(qs.value(rows, "-findings/100w") - 10.0)


def test_counts_per_segment_rank_complete_systems_backwards_rates_per_word_do_not() -> None:
    rows = complete_vs_short()
    boot = qs.bootstrap(rows, ["-risk", "-findings", "-findings/100w", "+length"], draws=50, seed=1)
    assert boot["-risk"]["system_tau"] == pytest.approx(-1.0)
    assert boot["-findings"]["system_tau"] < 0
    assert boot["-findings/100w"]["system_tau"] == pytest.approx(1.0)
    assert boot["+length"]["system_tau"] == pytest.approx(1.0)
    # every cluster has the same pattern, so every resample gives the same tau
    assert boot["-risk"]["system_tau_low"] == boot["-risk"]["system_tau_high"] == pytest.approx(-1.0)
    assert boot["+length"]["system_tau_positive"] == 1.0
    assert boot["-risk"]["system_tau_positive"] == 0.0


def test_same_source_agreement_counts_pairs_per_document() -> None:
    rows = complete_vs_short(docs=2)
    boot = qs.bootstrap(rows, ["-findings/100w", "-risk"], draws=20, seed=1)
    # 2 documents x 3 system pairs, each ordered right by findings per word and wrong by risk
    assert boot["-findings/100w"]["same_source_pairs"] == 6
    assert boot["-findings/100w"]["same_source_agreement"] == 1.0
    assert boot["-risk"]["same_source_agreement"] == 0.0


def test_pairwise_agreement_ties_count_half_and_mqm_ties_are_left_out() -> None:
    def sums(score: float, mqm: float) -> dict[str, list[float]]:
        return {"s": [score, 1.0], "-mqm": [-mqm, 1.0]}

    cell = {"a": sums(1.0, 1.0), "b": sums(1.0, 2.0), "c": sums(0.0, 2.0)}
    # a-b: score tie, MQM differs -> 1/2; a-c: right -> 1; b-c: MQM tie -> left out
    assert qs.pairwise_agreement([cell], "s") == (0.75, 2)


def test_same_segment_agreement_compares_translations_of_one_source_segment() -> None:
    rows = [
        record("a", "d", 0, mqm=1.0, words=10, findings=0),
        record("b", "d", 0, mqm=3.0, words=10, findings=2),
        record("c", "d", 0, mqm=3.0, words=10, findings=1),  # ties b on MQM: the pair b-c is left out
        record("a", "d", 1, mqm=4.0, words=10, findings=0),  # a different source segment: never paired with d/0
        record("b", "d", 1, mqm=2.0, words=10, findings=0),
    ]
    result = qs.same_segment_agreement(rows, ["-findings"], draws=10, seed=1)["-findings"]
    # d/0: a-b right, a-c right; d/1: a-b score tie -> 1/2
    assert result["pairs"] == 3
    assert result["agreement"] == pytest.approx(2.5 / 3)


def test_segment_tau_uses_each_segments_own_rate() -> None:
    rows = [record("a", "d", i, mqm=float(i), words=10, findings=i) for i in range(5)]
    assert qs.segment_tau(rows, "-findings/100w") == pytest.approx(1.0)
    assert math.isnan(qs.segment_tau(rows, "+length"))  # every segment as long: no ranking


def test_analyse_reports_every_half_and_the_system_table() -> None:
    rows = complete_vs_short(docs=6)
    result = qs.analyse(rows, draws=10, seed=1)
    news = result["news"]
    assert news["all"]["segments"] == len(rows)
    assert news["fit"]["segments"] + news["check"]["segments"] == len(rows)
    table = news["all"]["systems"]
    assert [r["system"] for r in table] == ["good", "bad", "worst"]  # best MQM first
    assert table[0]["words"] == 40 and table[0]["findings_per_100w"] == pytest.approx(5.0)
    assert "| good |" in qs.render(result)
