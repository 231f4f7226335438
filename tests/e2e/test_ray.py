"""Checking on a local Ray cluster gives the local run's reports (tiny models; skipped without ray)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtcheck.api import check_many
from mtcheck.cli import app, bare_ray
from mtcheck.config import Settings
from mtcheck.report.json_report import report_to_dict
from tests.tinymodels import EN_DE_PAIRS, OUT_OF_DOMAIN_EN

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.slow

ENGLISH = [en for en, _ in EN_DE_PAIRS]


@pytest.fixture(scope="module")
def cluster() -> Iterator[None]:
    """One local 2-CPU Ray for the module (starting one costs seconds)."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory, tiny_models_dir: Path) -> Path:
    root = tmp_path_factory.mktemp("ray-models")
    for name in ("opus-mt-en-de", "opus-mt-de-en"):
        shutil.copytree(tiny_models_dir / name, root / name, ignore=shutil.ignore_patterns("ct2-*"))
    return root


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("ray-articles")
    paths = []
    for n in range(8):
        text = " ".join(ENGLISH[(n * 5 + k) % len(ENGLISH)] for k in range(5))
        if n == 3:
            text += " " + OUT_OF_DOMAIN_EN[0]
        (folder / f"d{n}.txt").write_text(text, encoding="utf-8")
        paths.append(str(folder / f"d{n}.txt"))
    (folder / "noise.txt").write_text("1234 5678 ---", encoding="utf-8")  # no language to tell: fails alone
    return [*paths[:4], str(folder / "noise.txt"), str(folder / "missing.txt"), *paths[4:]]


def _json(reports: object) -> list[str]:
    return [json.dumps(report_to_dict(r), sort_keys=True) for r in reports]  # type: ignore[attr-defined]


def test_ray_run_equals_local_run_and_bad_inputs_fail_alone(
    cluster: None, models: Path, inputs: list[str], tmp_path: Path
) -> None:
    from mtcheck.engines.cache import TranslationCache, cache_path
    from mtcheck.run.distributed import check_many_ray

    settings = Settings(models_dir=models, engine="ctranslate2", beams=2, threads=1, cache=False)
    local = check_many(inputs, settings=settings)
    seen: list[tuple[str, int, int]] = []
    # Two actors write to one cache file at once.
    shared = settings.with_(cache=True, cache_dir=tmp_path / "cache", ray="auto")
    remote = check_many_ray(inputs, settings=shared, progress=lambda *args: seen.append(args))
    assert _json(remote.reports) == _json(local.reports)
    assert [f.path for f in remote.failures] == [f.path for f in local.failures]
    assert len(remote.failures) == 2 and len(remote.reports) == 8
    assert seen[-1] == ("documents", len(inputs), len(inputs))  # progress counts across the cluster
    sentences = {s.text for r in local.reports for s in r.sentences}
    with TranslationCache(cache_path(shared)) as cache:
        # Every text once each way, and its forced-decoding score each way: no write was lost.
        assert len(cache) == 4 * len(sentences)
    again = check_many(inputs, settings=shared.with_(ray=None))  # answered from what the actors stored
    assert _json(again.reports) == _json(local.reports)


def test_report_with_ray_flag_writes_the_same_reports(
    cluster: None, models: Path, inputs: list[str], tmp_path: Path
) -> None:
    runner = CliRunner()
    base = ["report", "--models-dir", str(models), "--engine", "ctranslate2", "--no-cache", "--beams", "1"]
    outputs = {}
    for name, extra in (("local", []), ("ray", bare_ray(["--ray"]))):
        out = tmp_path / name
        result = runner.invoke(app, [*base, *extra, "--output", str(out), *inputs[:4]])  # --ray takes no value here
        assert result.exit_code in (0, 1), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        outputs[name] = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.json"))}
    assert outputs["ray"] == outputs["local"] and len(outputs["local"]) == 4


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["report", "--ray"], ["report", "--ray=auto"]),
        (["report", "--ray", "--output", "o"], ["report", "--ray=auto", "--output", "o"]),
        (["report", "--ray", "10.0.0.5:6379", "a.txt"], ["report", "--ray", "10.0.0.5:6379", "a.txt"]),
        (["report", "--ray", "auto"], ["report", "--ray", "auto"]),
    ],
)
def test_bare_ray_flag_means_auto(argv: list[str], expected: list[str]) -> None:
    assert bare_ray(argv) == expected


def test_unreachable_cluster_address_is_one_line(tmp_path: Path) -> None:
    """`--ray HOST:PORT` where nothing listens: one line and exit 2, not minutes of Ray retrying."""
    import socket
    import subprocess
    import sys

    from tests.shared import python_env

    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]  # bound, never listening: connections are refused
        article = tmp_path / "a.txt"
        article.write_text(ENGLISH[0], encoding="utf-8")
        args = ["report", str(article), "--engine", "none", "-o", str(tmp_path / "out"), "--ray", f"127.0.0.1:{port}"]
        result = subprocess.run(
            [sys.executable, "-m", "mtcheck", *args],
            capture_output=True, text=True, timeout=90, check=False, env=python_env(),
        )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert f"mtcheck: error: cannot reach the Ray cluster '127.0.0.1:{port}': " in result.stderr
    assert "(--ray)" in result.stderr and "Traceback" not in result.stderr
