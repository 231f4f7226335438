"""Batch runs and hard inputs through `mtcheck report` on tiny models."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtcheck.cli import app
from mtcheck.config import MAX_SENTENCE_CHARS
from tests.tinymodels import EN_DE_PAIRS

runner = CliRunner()
ENGLISH = [en for en, _ in EN_DE_PAIRS]


def report(models: Path, out: Path, *args: str) -> tuple[int, str]:
    base = ["report", "--models-dir", str(models), "--output", str(out), "--no-cache", "--beams", "1"]
    result = runner.invoke(app, [*base, *args])
    return result.exit_code, result.output


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_progress_bars_with_eta_on_request(tmp_path: Path, tiny_models_dir: Path) -> None:
    a = write(tmp_path / "a.txt", " ".join(ENGLISH[:4]))
    b = write(tmp_path / "b.txt", " ".join(ENGLISH[4:8]))
    code, output = report(tiny_models_dir, tmp_path / "out", a, b, "--progress")
    assert code == 0, output
    assert "documents" in output and "sentences" in output and "ETA" in output
    code, quiet = report(tiny_models_dir, tmp_path / "out2", a, b)  # not a terminal: no bars
    assert code == 0 and "ETA" not in quiet and "documents" not in quiet
    assert quiet.count("mtcheck: ") == 3  # one line per document and the run summary


def test_unwritable_report_fails_that_document_only(tmp_path: Path, tiny_models_dir: Path) -> None:
    out = tmp_path / "out"
    (out / "blocked.html").mkdir(parents=True)  # a folder where the report file should go
    blocked = write(tmp_path / "blocked.txt", ENGLISH[0])
    fine = write(tmp_path / "fine.txt", ENGLISH[1])
    code, output = report(tiny_models_dir, out, blocked, fine)
    assert code == 2
    assert "Traceback" not in output
    assert "blocked.txt: cannot write its report" in output
    assert (out / "fine.json").is_file() and (out / "index.html").is_file()


def test_too_many_sentences_is_refused_before_translation(tmp_path: Path, tiny_models_dir: Path) -> None:
    huge = write(tmp_path / "huge.txt", "\n\n".join(ENGLISH * 3))
    small = write(tmp_path / "small.txt", ENGLISH[0])
    code, output = report(tiny_models_dir, tmp_path / "out", huge, small, "--max-sentences", "50")
    assert code == 2
    assert "huge.txt: 180 sentences, more than the limit of 50" in output
    assert (tmp_path / "out" / "small.json").is_file()


def test_five_thousand_character_sentence(tmp_path: Path, tiny_models_dir: Path) -> None:
    words = " ".join(ENGLISH).replace(".", "").split()
    sentence = " ".join(words * 20)[:5000]
    long_input = write(tmp_path / "long.txt", sentence)
    code, output = report(tiny_models_dir, tmp_path / "out", long_input, "--fail-on", "never")
    assert code == 0, output
    data = json.loads((tmp_path / "out" / "long.json").read_text(encoding="utf-8"))
    pieces = data["sentences"]
    assert len(pieces) >= 5
    assert all(len(p["text"]) <= MAX_SENTENCE_CHARS for p in pieces)
    for p in pieces:  # each output is held to its own input's cap (2 x tokens + 10), not its batch's
        assert len(p["pivot"]) <= 2 * len(p["text"]) + 100, p
        assert len(p["roundtrip"]) <= 2 * len(p["pivot"]) + 100, p


def test_html_full_of_script(tmp_path: Path, tiny_models_dir: Path) -> None:
    script = "<script>document.write('Quantum gluons everywhere');</script>" * 50
    page = f"<html><head>{script}<style>p {{color: red}}</style></head><body>{script}<nav>Home About</nav>"
    page += f"<article><p>{ENGLISH[0]}</p>{script}<p>{ENGLISH[1]}</p></article></body></html>"
    code, output = report(tiny_models_dir, tmp_path / "out", write(tmp_path / "page.html", page))
    assert code == 0, output
    data = json.loads((tmp_path / "out" / "page.json").read_text(encoding="utf-8"))
    assert [s["text"] for s in data["sentences"]] == ENGLISH[:2]
    html = (tmp_path / "out" / "page.html").read_text(encoding="utf-8")
    assert "Quantum gluons" not in html and "document.write" not in html


@pytest.fixture
def two_pivot_models(tiny_models_dir: Path, tmp_path: Path) -> Path:
    """A models folder whose 'nl' pivot is a copy of the German model: two real pivots for the plumbing."""
    models = tmp_path / "models"
    for src, dst in (("opus-mt-en-de", "opus-mt-en-nl"), ("opus-mt-de-en", "opus-mt-nl-en")):
        shutil.copytree(tiny_models_dir / src, models / src)
        shutil.copytree(tiny_models_dir / src, models / dst)
    return models


def test_several_pivots(tmp_path: Path, two_pivot_models: Path) -> None:
    article = write(tmp_path / "mixed.txt", ENGLISH[0] + "\n\nPhotosynthesis converts carbon dioxide into sugar.")
    code, output = report(two_pivot_models, tmp_path / "out", article, "--pivot", "de,nl", "--fail-on", "never")
    assert code == 0, output
    data = json.loads((tmp_path / "out" / "mixed.json").read_text(encoding="utf-8"))
    assert data["pivots"] == ["de", "nl"]
    assert {m["direction"] for m in data["engine"]["models"]} == {"en-de", "de-en", "en-nl", "nl-en"}
    for sentence in data["sentences"]:
        assert [p["language"] for p in sentence["pivots"]] == ["de", "nl"]
    flagged = [f for f in data["sentences"][1]["findings"] if f["kind"] == "awkward_phrasing"]
    assert flagged and all(f["details"].get("agreement", 0) >= 2 for f in flagged)  # both pivots agree
