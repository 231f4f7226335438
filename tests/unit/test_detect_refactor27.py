"""The concept layer reads its caveats in one loop over `concepts._CAVEATS` (round 27, `refactor27`), each kind on the
fragment with the kinds before it blanked out. The order is part of the reading: these sentences are notices in that
order and lose their reading when two kinds swap (the comment above `_CAVEATS` says why).
"""

from __future__ import annotations

import pytest

from mtcheck.detect import concepts

ORDER_MATTERS = [
    # the reason caveat before the lists: the list entry "不正確な" would take the consequence's quality word
    ("機械翻訳のため不正確な場合があります。", "_reason_caveat", "_listed_caveat"),
    # the review caveat after the lists: a list entry after the review word is no more said after it
    ("Dịch máy, chưa được người bản ngữ kiểm tra có thể chứa lỗi", "_listed_caveat", "_unreviewed"),
]


def _score(text: str) -> float:
    reading = concepts.read(text)
    assert reading is not None
    return reading.score


@pytest.mark.parametrize(("text", "first", "then"), ORDER_MATTERS)
def test_a_caveat_read_in_its_order_makes_a_notice(text: str, first: str, then: str) -> None:
    names = [kind.spans.__name__ for kind in concepts._CAVEATS]
    assert names.index(first) < names.index(then)
    assert _score(text) >= concepts.FIRE


@pytest.mark.parametrize(("text", "first", "then"), ORDER_MATTERS)
def test_the_other_order_loses_the_notice(monkeypatch: pytest.MonkeyPatch, text: str, first: str, then: str) -> None:
    kinds = list(concepts._CAVEATS)
    names = [kind.spans.__name__ for kind in kinds]
    i, j = names.index(first), names.index(then)
    kinds[i], kinds[j] = kinds[j], kinds[i]
    monkeypatch.setattr(concepts, "_CAVEATS", tuple(kinds))
    assert _score(text) < concepts.FIRE


def test_a_label_caveat_is_read_only_where_no_caveat_was() -> None:
    assert [kind.spans.__name__ for kind in concepts._CAVEATS if kind.alone] == ["_label_caveat"]
