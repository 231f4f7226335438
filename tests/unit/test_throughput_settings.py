"""Threads, devices, sub-batches and the Ray pool: chosen from settings without loading anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.config import Settings
from mtcheck.engines.batching import capped_again, equal_length_batches
from mtcheck.engines.ct2 import Tuning, choose_tuning
from mtcheck.errors import UsageError
from mtcheck.run.configfile import apply_config, validate
from mtcheck.run.distributed import Pool, plan_pool, ray_address

TUNINGS = [
    # (threads, device, cuda devices) -> tuning
    ((1, "cpu", 0), Tuning("cpu", "int8", 1, 1, 1024)),
    ((2, "cpu", 0), Tuning("cpu", "int8", 2, 1, 1024)),
    ((8, "cpu", 0), Tuning("cpu", "int8", 4, 2, 1024)),
    ((2, "auto", 0), Tuning("cpu", "int8", 2, 1, 1024)),
    ((2, "auto", 1), Tuning("cuda", "int8_float16", 1, 1, 4096)),
    ((2, "cuda", 0), Tuning("cuda", "int8_float16", 1, 1, 4096)),
]


@pytest.mark.parametrize(("given", "expected"), TUNINGS)
def test_ct2_tuning(given: tuple[int, str, int], expected: Tuning) -> None:
    threads, device, cuda = given
    assert choose_tuning(Settings(threads=threads, device=device), cuda) == expected


POOLS = [
    # (threads, device, cluster resources) -> (actors, cpus per actor, gpus per actor, actor device)
    ((None, "cpu", {"CPU": 2.0}), (2, 1, 0, "cpu")),
    ((2, "cpu", {"CPU": 8.0}), (4, 2, 0, "cpu")),
    ((None, "auto", {"CPU": 16.0, "GPU": 2.0}), (2, 1, 1, "cuda")),
    ((None, "cpu", {"CPU": 16.0, "GPU": 2.0}), (16, 1, 0, "cpu")),
    ((4, "cpu", {"CPU": 2.0}), (1, 2, 0, "cpu")),
]


@pytest.mark.parametrize(("given", "expected"), POOLS)
def test_ray_pool_is_sized_by_what_the_cluster_reports(given: tuple, expected: tuple) -> None:
    threads, device, resources = given
    pool = plan_pool(Settings(threads=threads, device=device, ray="auto"), resources)
    assert isinstance(pool, Pool)
    assert (pool.actors, pool.cpus, pool.gpus, pool.settings.device) == expected
    assert pool.settings.ray is None  # an actor never starts Ray itself


def test_ray_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    assert ray_address("auto") is None
    monkeypatch.setenv("RAY_ADDRESS", "10.0.0.5:6379")
    assert ray_address("auto") == "10.0.0.5:6379"
    assert ray_address("ray://head:10001") == "ray://head:10001"


@pytest.mark.parametrize(
    ("changes", "setting"),
    [({"device": "tpu"}, "device"), ({"batch_tokens": 0}, "batch_tokens"), ({"ray": " "}, "ray")],
)
def test_bad_values_are_refused(changes: dict, setting: str) -> None:
    with pytest.raises(UsageError) as raised:
        Settings(**changes).validate()
    assert raised.value.setting == setting


def test_config_keys() -> None:
    values = validate({"threads": 2, "device": "auto", "batch_tokens": 1024, "ray": "auto"}, Path("."), "t.toml", "")
    settings = apply_config(Settings(), values)
    assert (settings.threads, settings.device, settings.batch_tokens, settings.ray) == (2, "auto", 1024, "auto")


CAPPED = [
    # (caps, produced lengths, beams) -> {cap: indices decoded again}
    (([5, 7, 9], [5, 7, 9], 4), {5: [0], 7: [1]}),
    (([5, 7, 9], [3, 7, 9], 4), {7: [1]}),  # stopped before its cap: nothing to redo
    (([5, 7, 9], [5, 7, 9], 1), {}),  # greedy: a prefix is the same whatever the cap
    (([9, 9], [9, 9], 4), {}),  # one cap for the whole batch
]


@pytest.mark.parametrize(("given", "expected"), CAPPED)
def test_capped_again(given: tuple, expected: dict) -> None:
    assert capped_again(*given) == expected


def test_equal_length_batches() -> None:
    lengths = [7, 3, 7, 7, 3, 5, 7, 9]
    batches = equal_length_batches(lengths, 4)  # a length two or more inputs share makes its own batches
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    assert [sorted(lengths[i] for i in b) for b in batches] == [[3, 3], [5, 9], [7, 7, 7, 7]]
    assert equal_length_batches([4, 8, 6, 5, 7], 16) == [[0, 3, 2, 4, 1]]  # no length shared: one batch


def test_ct2_batches_by_length_once_outputs_keep_running_to_the_cap() -> None:
    from mtcheck.engines.ct2 import CTranslate2Engine

    engine = CTranslate2Engine(Settings(beams=4))
    lengths = [7, 3, 7, 3, 5]
    assert engine._batches(lengths, 16) == [[1, 3, 4, 0, 2]]  # real models: full mixed batches
    engine._decoded, engine._capped = 10, 9
    assert engine._batches(lengths, 16) == [[1, 3], [4], [0, 2]]  # one cap per batch: nothing decoded twice
    assert CTranslate2Engine(Settings(beams=1))._batches(lengths, 16) == [[1, 3, 4, 0, 2]]
