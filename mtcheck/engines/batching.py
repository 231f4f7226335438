"""Batching shared by the neural engines: length-sorted buckets, per-input generation caps."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from mtcheck import config
from mtcheck.engines.base import Progress


def max_new_tokens(input_tokens: int, max_positions: int | None = None) -> int:
    """Most tokens generate() may add for an input of this many tokens (</s> included)."""
    cap = int(input_tokens * config.MAX_LENGTH_RATIO + config.MAX_LENGTH_SLACK)
    if max_positions:
        cap = min(cap, max_positions - 1)  # the decoder has no position embedding beyond
    return max(1, cap)


def length_buckets(order: Sequence[int], lengths: Sequence[int], size: int) -> list[list[int]]:
    """Split length-sorted indices into batches of at most `size` whose longest text is at most about twice
    the shortest, so the shared generation cap of a batch stays close to each input's own."""
    batches: list[list[int]] = []
    for i in order:
        current = batches[-1] if batches else None
        if current is None or len(current) >= size or lengths[i] > 2 * lengths[current[0]] + 20:
            batches.append([i])
        else:
            current.append(i)
    return batches


def translate_in_batches(
    texts: Sequence[str],
    batch_size: int,
    generate: Callable[[list[str]], list[str]],
    progress: Progress | None = None,
) -> list[str]:
    """Run `generate` over length-sorted buckets of the non-empty texts; outputs keep the input order.

    Empty texts translate to "" without a model, so a document of blank lines never loads one.
    """
    outputs = [""] * len(texts)
    todo = [i for i, text in enumerate(texts) if text.strip()]
    if progress is not None and len(todo) < len(texts):
        progress(len(texts) - len(todo))
    order = sorted(todo, key=lambda i: len(texts[i]))
    for chunk in length_buckets(order, [len(t) for t in texts], batch_size):
        for i, result in zip(chunk, generate([texts[i] for i in chunk]), strict=True):
            outputs[i] = result
        if progress is not None:
            progress(len(chunk))
    return outputs
