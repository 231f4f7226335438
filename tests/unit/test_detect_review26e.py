"""Second read of the whole round 26 (`review26e`): where two branches' rules meet.

fp26's action-head check (`core._acts`) started a finding's clause after a line's item separator ("·", "|") before
the finding, but split the finding itself only at clause ends: a concept finding that spans a control's label and a
separator ("Add comment · Descriptions were machine translated.", miss26's completed passive, read from the line's
start) was read from "Add" and dropped as a button's action.
"""

from __future__ import annotations

import pytest

from mtcheck.detect import detect_text

ITEMS_AFTER_A_CONTROL = [
    "Add comment · Descriptions were machine translated.",
    "Write a review | Reviews were machine translated.",
]

# fp26's own look-alikes keep their reading
ACTIONS = [
    "Add comment (machine translated)",
    "Translate · Add comment · Descriptions are machine translated",
]


@pytest.mark.parametrize("text", ITEMS_AFTER_A_CONTROL)
def test_a_completed_passive_after_a_controls_item_is_read(text: str) -> None:
    assert detect_text(text).machine_translated


@pytest.mark.parametrize("text", ACTIONS)
def test_a_controls_own_finding_stays_an_action(text: str) -> None:
    assert not detect_text(text).machine_translated
