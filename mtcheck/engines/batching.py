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


def capped_again(caps: Sequence[int], lengths: Sequence[int], beams: int) -> dict[int, list[int]]:
    """Members of a decoded batch to decode again with their own cap, grouped by that cap.

    A batch decodes up to its longest member's cap and each output is then cut to its own. For greedy
    search that is exactly the output alone; for beam search it is not: a hypothesis that reached its own
    cap in a batch allowed to go further had its beams ranked by what came after. Those few (a real model
    seldom runs to the cap) are decoded again among equals, so an output never depends on its batch.
    """
    if beams <= 1 or not caps:
        return {}
    top = max(caps)
    again: dict[int, list[int]] = {}
    for i, (cap, length) in enumerate(zip(caps, lengths, strict=True)):
        if cap < top and length >= cap:
            again.setdefault(cap, []).append(i)
    return again


def equal_length_batches(lengths: Sequence[int], size: int) -> list[list[int]]:
    """Indices in batches of at most `size`, shortest first: inputs of one length together wherever two
    or more share it, the rest in length_buckets. A batch of one length shares one cap, so beam search
    never needs `capped_again` there."""
    by_length: dict[int, list[int]] = {}
    for i in sorted(range(len(lengths)), key=lambda i: lengths[i]):
        by_length.setdefault(lengths[i], []).append(i)
    enough = 2
    batches: list[list[int]] = []
    rest: list[int] = []
    for group in by_length.values():
        if len(group) >= enough:
            batches += [group[k : k + size] for k in range(0, len(group), size)]
        else:
            rest += group
    batches += length_buckets(rest, lengths, size)
    return sorted(batches, key=lambda batch: lengths[batch[0]])
