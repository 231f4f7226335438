"""The fuzz suite: a bounded sample of bench/fuzz_corpus.py's bad inputs, plus hypothesis on the readers.

The whole corpus (about 1,000 inputs) is a benchmark: bench/fuzz_run.py, results in bench/RESULTS.md.
Asserted here as there: no internal error, no hang (a per-input time limit), no lost good input, every
report well-formed (JSON against the schema, HTML with payloads escaped, SARIF against the official
schema, JUnit parseable, the index listing every failed input).
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtcheck.api import check
from mtcheck.config import Settings
from mtcheck.detect import detect_text
from mtcheck.errors import InputError
from mtcheck.read.document import read_document
from mtcheck.report.annotations import github_annotations
from mtcheck.report.markdown import render_summary
from mtcheck.report.sarif import sarif_log
from mtcheck.results import Gate
from tests.fuzz_check import DANGEROUS, run_corpus
from tests.shared import ROOT, python_env

LIMIT_S = 30.0  # per input: a hang guard, far above what any sample input needs


def _corpus(out: Path, count: int, seed: int) -> list[dict[str, object]]:
    spec = importlib.util.spec_from_file_location("fuzz_corpus", ROOT / "bench" / "fuzz_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate(out, count=count, seed=seed)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, object]]]:
    out = tmp_path_factory.mktemp("corpus")
    return out, _corpus(out, count=48, seed=2026)


def test_the_sample_without_an_engine(corpus: tuple[Path, list[dict[str, object]]], tmp_path: Path) -> None:
    _, manifest = corpus
    paths = [str(m["file"]) for m in manifest]
    good = {str(m["file"]) for m in manifest if m["good"]}
    tally = run_corpus(
        paths, good, tmp_path, settings=Settings(language=None), engine=None, translate=False, limit_s=LIMIT_S
    )
    assert tally.problems == []
    assert tally.count("report") >= len(good) and tally.count("failure") > 0


@pytest.mark.apertium
@pytest.mark.skipif(shutil.which("apertium") is None, reason="needs Debian's apertium and apertium-eng-spa")
def test_a_few_through_apertium(corpus: tuple[Path, list[dict[str, object]]], tmp_path: Path) -> None:
    _, manifest = corpus
    good = [str(m["file"]) for m in manifest if m["good"]][:3]
    hostile = [str(m["file"]) for m in manifest if not m["good"]][:7]
    tally = run_corpus(
        good + hostile, set(good), tmp_path,
        settings=Settings(engine="apertium", pivots=("es",), cache=False), engine=None, translate=True,
        limit_s=LIMIT_S,
    )  # fmt: skip
    assert tally.problems == []


def test_the_cli_over_the_sample(corpus: tuple[Path, list[dict[str, object]]]) -> None:
    folder, manifest = corpus
    done = subprocess.run(
        [sys.executable, "-m", "mtcheck", "detect", "--format", "json", str(folder / "inputs")],
        capture_output=True, timeout=300, env=python_env(), check=False,
    )  # fmt: skip
    stderr = done.stderr.decode("utf-8")
    assert done.returncode == 2  # some inputs are bad
    assert "internal error" not in stderr and "Traceback" not in stderr
    rows = json.loads(done.stdout.decode("utf-8"))
    assert len(rows) == len(manifest)
    assert all(line.startswith("mtcheck: error: ") for line in stderr.splitlines())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a.md", "a.html", "-"]))
def test_any_bytes_read_cleanly(data: bytes, name: str) -> None:
    try:
        document = read_document(name, data=data)
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert document.text.strip()
        for offset, line, column in document.source_map:
            assert 0 <= offset <= len(document.text) and line >= 1 and column >= 1


_MARKUP = st.text(
    alphabet=st.sampled_from(list("<>/=\"'&;#-*_[]()!`|~ \n\tabcpdivscrptmgonerlhx.:,?") + ["\ufffe", "é", "日"]),
    max_size=400,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_MARKUP, st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_any_markup_checks_and_renders_cleanly(text: str, name: str) -> None:
    body = f"This article was machine translated. {text} The bridge is in a bad state since years."
    detect_text(body)
    document = read_document(name, data=body.encode("utf-8"))
    report = check(document, settings=Settings(language="en"), translate=False)
    gate = Gate(fail_on="info")
    log = sarif_log([report], gate=gate)
    json.dumps(log)
    lines = document.raw.split("\n")
    for result in log["runs"][0]["results"]:
        region = result["locations"][0]["physicalLocation"].get("region")
        if region:
            assert 1 <= region["startLine"] <= len(lines) + 1
    assert not DANGEROUS.search(render_summary([report], gate=gate))
    assert all("\n" not in line for line in github_annotations([report], gate=gate))
