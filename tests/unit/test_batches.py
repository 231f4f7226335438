"""Length buckets: batches whose generation cap fits every input in them."""

from __future__ import annotations

import pytest

from mtcheck.engines.batching import length_buckets


@pytest.mark.parametrize(
    ("lengths", "size", "expected"),
    [
        ([10, 12, 15], 16, [[0, 1, 2]]),
        ([10, 12, 15], 2, [[0, 1], [2]]),  # never more than the batch size
        ([5, 9, 400, 500, 1000], 16, [[0, 1], [2, 3], [4]]),  # short and long inputs do not share a cap
        ([], 4, []),
    ],
)
def test_length_buckets(lengths: list[int], size: int, expected: list[list[int]]) -> None:
    assert length_buckets(list(range(len(lengths))), lengths, size) == expected
