"""Regression test on our own challenge sets: disclaimers are found, pages about translation are not flagged.

detect-challenge.jsonl (three batches), detect-challenge-2.jsonl (a later batch written blind, in 41
languages), detect-challenge-3.jsonl (a harvest-style set: i18n files, templates with placeholders, front
matter flags, badges, subtitles, legal notices, 54 language tags), detect-challenge-4.jsonl (397 rows by a
helper who never saw the code or the other sets: settings toggles, menus, typos, placeholders, reviews) and
detect-challenge-5.jsonl (299 harvest-style rows written blind: i18n files, components, docs banners),
detect-challenge-6.jsonl (news/CMS notices, written blind) and detect-challenge-7.jsonl (i18n labels and
templates, written blind; disclaimers and tricky negatives only) are all held to the same thresholds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtcheck.detect import detect_text

DATA = Path(__file__).resolve().parent.parent / "data"
CHALLENGES = (
    "detect-challenge.jsonl",
    "detect-challenge-2.jsonl",
    "detect-challenge-3.jsonl",
    "detect-challenge-4.jsonl",
    "detect-challenge-5.jsonl",
    "detect-challenge-6.jsonl",
    "detect-challenge-7.jsonl",
    "detect-challenge-8.jsonl",
)
POSITIVE = ("disclaimer_phrase", "mt_article")
NEGATIVE = ("human_article", "tricky_negative")
MIN_RECALL = 0.95  # on disclaimer_phrase and mt_article rows
MAX_FALSE_POSITIVE_RATE = 0.10  # on tricky_negative rows


def _rows(name: str) -> list[dict[str, str]]:
    path = DATA / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module", params=CHALLENGES)
def challenge(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def verdicts(challenge: str) -> list[tuple[dict[str, str], bool, float]]:
    out = []
    for row in _rows(challenge):
        d = detect_text(row["text"])
        out.append((row, d.machine_translated, d.confidence))
    return out


def _report(rows: list[tuple[dict[str, str], bool, float]]) -> str:
    lines = (f"{r['id']} [{r['language']}] conf={c:.2f}: {' '.join(r['text'].split())[:120]}" for r, _, c in rows)
    return "\n".join(lines)


def test_challenge_file_is_well_formed_and_covers_many_languages(challenge: str) -> None:
    rows = _rows(challenge)
    assert len(rows) >= 150
    assert len({r["id"] for r in rows}) == len(rows)
    kinds = {r["kind"] for r in rows}
    assert {"disclaimer_phrase", "tricky_negative"} <= kinds <= set(POSITIVE + NEGATIVE)  # set 7: labels only
    assert all(r["text"].strip() and r["language"] for r in rows)
    disclaimer_languages = {r["language"] for r in rows if r["kind"] == "disclaimer_phrase"}
    assert len(disclaimer_languages) >= 25
    assert sum(r["kind"] == "tricky_negative" for r in rows) >= 50


def test_recall_on_disclaimers(verdicts: list[tuple[dict[str, str], bool, float]]) -> None:
    positives = [v for v in verdicts if v[0]["kind"] in POSITIVE]
    misses = [v for v in positives if not v[1]]
    recall = 1 - len(misses) / len(positives)
    assert recall >= MIN_RECALL, f"recall {recall:.3f} < {MIN_RECALL}; missed:\n{_report(misses)}"


def test_false_positive_rate_on_tricky_negatives(verdicts: list[tuple[dict[str, str], bool, float]]) -> None:
    negatives = [v for v in verdicts if v[0]["kind"] == "tricky_negative"]
    flagged = [v for v in negatives if v[1]]
    rate = len(flagged) / len(negatives)
    assert rate <= MAX_FALSE_POSITIVE_RATE, f"false-positive rate {rate:.3f}; flagged:\n{_report(flagged)}"


def test_human_articles_are_not_flagged(verdicts: list[tuple[dict[str, str], bool, float]]) -> None:
    flagged = [v for v in verdicts if v[0]["kind"] == "human_article" and v[1]]
    assert not flagged, _report(flagged)


def test_challenge_sets_do_not_share_texts() -> None:
    # Set 4 was written by someone who never saw the others, so a few short UI strings ("Traduit avec DeepL",
    # "번역 보기") recur independently; anything longer, or many repeats, would mean rows were copied.
    seen_texts: set[str] = set()
    seen_ids: set[str] = set()
    for name in CHALLENGES:
        rows = _rows(name)
        texts, ids = {r["text"] for r in rows}, {r["id"] for r in rows}
        shared = texts & seen_texts
        assert all(len(t) <= 50 for t in shared), (name, sorted(shared))
        assert len(shared) <= 0.03 * len(texts), (name, sorted(shared))
        assert not ids & seen_ids, name
        seen_texts |= texts
        seen_ids |= ids
