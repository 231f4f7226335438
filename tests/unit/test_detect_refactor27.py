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


# Second read (review27d): the swaps and flags above did not pin every reading that depends on them. Each of these
# changes when its kind moves or loses its flag (tried by editing `_CAVEATS`).


def _swapped(monkeypatch: pytest.MonkeyPatch, first: str, then: str) -> None:
    kinds = list(concepts._CAVEATS)
    names = [kind.spans.__name__ for kind in kinds]
    i, j = names.index(first), names.index(then)
    kinds[i], kinds[j] = kinds[j], kinds[i]
    monkeypatch.setattr(concepts, "_CAVEATS", tuple(kinds))


def test_the_legal_caveat_is_read_before_the_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reading `_CAVEATS`' comment gives: a list entry between the label and the legal caveat leaves the label not
    bare and "keine" a negation. (A miss kept as it was; a change that flags it should update this test.)"""
    text = "Maschinelle Übersetzung, ohne Gewähr, keine Rechtsberatung"
    assert _score(text) < concepts.FIRE
    _swapped(monkeypatch, "_disclaimed", "_listed_caveat")
    assert _score(text) >= concepts.FIRE


def test_what_a_reason_caveat_points_at_stays_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """`names`: the content noun inside the consequence ("訳文") still names this text."""
    import dataclasses

    text = "自動翻訳のため訳文が不正確な場合があります"
    reading = concepts.read(text)
    assert reading is not None and "content" in reading.concepts
    kinds = tuple(dataclasses.replace(kind, names=False) for kind in concepts._CAVEATS)
    monkeypatch.setattr(concepts, "_CAVEATS", kinds)
    assert "content" not in (concepts.read(text) or reading).concepts


def test_a_label_caveat_after_a_listed_caveat_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """`alone`: a `label_caveat` entry is not read once a listed caveat was (the line is no bare badge then)."""
    import dataclasses

    text = "ავტომატური თარგმანი მოხერხებულობისთვის — იურიდიულად სავალდებულოა ებრაული ვერსია."
    before = _score(text)
    kinds = tuple(dataclasses.replace(kind, alone=False) for kind in concepts._CAVEATS)
    monkeypatch.setattr(concepts, "_CAVEATS", kinds)
    assert _score(text) != before


def test_the_optional_keys_read_from_a_lexicon_text_are_what_its_parse_says() -> None:
    """`_sets` reads "comitative", "contrast" and "but" from a line that opens with the key (the only shape left since
    refactor27 dropped its branch for parsed lexicons): a file that sets one another way (indented, quoted, in a
    table) would have its rule skipped in silence, so every shipped file is checked here."""
    import tomllib

    for i, (name, text) in enumerate(concepts._data_files()):
        full = tomllib.loads(text)
        for key in ("comitative", "contrast", "but"):
            assert concepts._sets(i, key) == bool(full.get(key)), (
                f"{name}: `{key}` must be a non-empty list on a line of its own, opening with the key"
            )
