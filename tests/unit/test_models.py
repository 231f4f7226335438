"""The model store: pair names, pull records and verify, CTranslate2 conversion, list, offline pull."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtcheck.cli.models import models_app
from mtcheck.config import Settings
from mtcheck.errors import ModelError, UsageError
from mtcheck.models.catalog import RECORD, parse_pair, read_record, write_record
from mtcheck.models.ct2_convert import converted_dir, is_current
from mtcheck.models.store import convert, list_models, pull, verify, verify_dir

runner = CliRunner()


@pytest.fixture
def store(tmp_path: Path, tiny_models_dir: Path) -> Path:
    """A models folder holding a copy of the tiny en-de model, recorded as if pulled."""
    root = tmp_path / "models"
    root.mkdir()
    shutil.copytree(tiny_models_dir / "opus-mt-en-de", root / "opus-mt-en-de")
    for stale in (root / "opus-mt-en-de").glob("ct2-*"):
        shutil.rmtree(stale)
    write_record(root / "opus-mt-en-de", "Helsinki-NLP/opus-mt-en-de", "0123456789abcdef" * 2 + "01234567")
    return root


# -- names --------------------------------------------------------------------------------------

PAIRS = [
    ("en-de", ("Helsinki-NLP/opus-mt-en-de", "opus-mt-en-de")),
    ("opus-mt-de-en", ("Helsinki-NLP/opus-mt-de-en", "opus-mt-de-en")),
    (" fr-en ", ("Helsinki-NLP/opus-mt-fr-en", "opus-mt-fr-en")),
    ("en-ROMANCE", ("Helsinki-NLP/opus-mt-en-ROMANCE", "opus-mt-en-ROMANCE")),
    ("Helsinki-NLP/opus-mt-en-es", ("Helsinki-NLP/opus-mt-en-es", "opus-mt-en-es")),
]


@pytest.mark.parametrize(("pair", "expected"), PAIRS)
def test_parse_pair(pair: str, expected: tuple[str, str]) -> None:
    assert parse_pair(pair) == expected


@pytest.mark.parametrize("bad", ["", "en", "en de", "en-de-fr", "a/b/c", "/opus-mt-en-de", "en-d3"])
def test_parse_pair_rejects(bad: str) -> None:
    with pytest.raises(UsageError):
        parse_pair(bad)


# -- verify -------------------------------------------------------------------------------------


def _flip_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


MUTATIONS: list[tuple[str, Callable[[Path], None], str, dict[str, tuple[str, ...]]]] = [
    ("untouched", lambda d: None, "ok", {}),
    ("weights changed, same size", lambda d: _flip_byte(d / "model.safetensors"), "mismatch",
     {"changed": ("model.safetensors",)}),
    ("vocab grown", lambda d: (d / "vocab.json").write_text("{}", encoding="utf-8"), "mismatch",
     {"changed": ("vocab.json",)}),
    ("tokenizer deleted", lambda d: (d / "source.spm").unlink(), "mismatch", {"missing": ("source.spm",)}),
    ("extra file only", lambda d: (d / "notes.txt").write_text("x", encoding="utf-8"), "ok",
     {"extra": ("notes.txt",)}),
    ("copied with new mtimes", lambda d: os.utime(d / "config.json", (1, 1)), "ok", {}),
]  # fmt: skip


@pytest.mark.parametrize(("case", "mutate", "status", "lists"), MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_verify_detects_changes(
    store: Path, case: str, mutate: Callable[[Path], None], status: str, lists: dict[str, tuple[str, ...]]
) -> None:
    model = store / "opus-mt-en-de"
    mutate(model)
    result = verify_dir(model)
    assert result.status == status
    for field in ("missing", "changed", "extra"):
        assert getattr(result, field) == lists.get(field, ())
    cli = runner.invoke(models_app, ["verify", "--models-dir", str(store)])
    assert cli.exit_code == (0 if status == "ok" else 1), cli.output
    assert ("MISMATCH" in cli.output) == (status == "mismatch")


def test_verify_unrecorded_model_is_reported_not_failed(store: Path) -> None:
    (store / "opus-mt-en-de" / RECORD).unlink()
    [result] = verify(Settings(models_dir=store))
    assert result.status == "unrecorded" and result.ok
    cli = runner.invoke(models_app, ["verify", "--models-dir", str(store)])
    assert cli.exit_code == 0 and "unrecorded" in cli.output


def test_verify_unknown_pair_and_damaged_record_fail_cleanly(store: Path) -> None:
    with pytest.raises(ModelError, match="opus-mt-fr-en"):
        verify(Settings(models_dir=store), ["fr-en"])
    (store / "opus-mt-en-de" / RECORD).write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="not readable JSON"):
        read_record(store / "opus-mt-en-de")
    cli = runner.invoke(models_app, ["verify", "--models-dir", str(store)])
    assert cli.exit_code == 2 and "Traceback" not in cli.output


def test_record_holds_revision_and_every_file(store: Path) -> None:
    record = read_record(store / "opus-mt-en-de")
    assert record is not None and record["revision"].startswith("0123456789abcdef")
    assert {"config.json", "model.safetensors", "source.spm", "target.spm", "vocab.json"} <= set(record["files"])
    assert all(len(entry["sha256"]) == 64 for entry in record["files"].values())


# -- convert ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_convert_produces_a_loadable_model_and_reuses_it(store: Path) -> None:
    import ctranslate2

    from mtcheck.engines.ct2_vocab import MarianVocab
    from tests.tinymodels import EN_DE_PAIRS

    settings = Settings(models_dir=store)
    [converted] = convert(["en-de"], settings, compute_type="float32")
    model = store / "opus-mt-en-de"
    assert converted.path == model / "ct2-float32" and (converted.path / "model.bin").is_file()
    vocab = MarianVocab.load(model)
    translator = ctranslate2.Translator(str(converted.path), compute_type="float32", intra_threads=1)
    english, german = EN_DE_PAIRS[0]
    [result] = translator.translate_batch([vocab.encode(english)], beam_size=1)
    assert vocab.decode(result.hypotheses[0]) == german

    stamp = (converted.path / "model.bin").stat().st_mtime_ns
    convert(["en-de"], settings, compute_type="float32")
    assert (converted.path / "model.bin").stat().st_mtime_ns == stamp  # reused, not converted again

    copy = store.parent / "copy" / "opus-mt-en-de"
    shutil.copytree(model, copy)  # new mtimes, same contents: still current
    assert is_current(copy, converted_dir(copy, "float32"))
    _flip_byte(copy / "model.safetensors")
    assert not is_current(copy, converted_dir(copy, "float32"))

    entry = next(e for e in list_models(settings) if e.name == "opus-mt-en-de")
    assert [(c.compute_type, c.current) for c in entry.converted] == [("float32", True)]
    assert entry.revision and entry.revision.startswith("0123456789abcdef")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["convert", "fr-en"], "models pull fr-en"),
        (["convert", "en-de", "--compute-type", "int3"], "unknown compute type 'int3'"),
        (["convert", "not a pair"], "not a language pair"),
    ],
)
def test_convert_errors_are_one_line(store: Path, args: list[str], message: str) -> None:
    result = runner.invoke(models_app, [*args, "--models-dir", str(store)])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_convert_without_weights_is_a_model_error(tmp_path: Path) -> None:
    model = tmp_path / "opus-mt-en-de"
    model.mkdir()
    (model / "config.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ModelError, match="no weights"):
        convert(["en-de"], Settings(models_dir=tmp_path))


# -- list ---------------------------------------------------------------------------------------


def test_list_joins_catalog_and_folder(store: Path) -> None:
    (store / "catalog.toml").write_text(
        '[models.en-de]\nid = "Helsinki-NLP/opus-mt-en-de"\nrevision = "aaaa1111"\n\n'
        '[models.fr-en]\nid = "Helsinki-NLP/opus-mt-fr-en"\nrevision = "bbbb2222"\n',
        encoding="utf-8",
    )
    entries = {e.name: e for e in list_models(Settings(models_dir=store))}
    assert set(entries) == {"opus-mt-en-de", "opus-mt-fr-en"}
    assert entries["opus-mt-en-de"].path == store / "opus-mt-en-de" and entries["opus-mt-en-de"].size > 0
    assert entries["opus-mt-en-de"].pinned_revision == "aaaa1111"
    assert entries["opus-mt-fr-en"].path is None and entries["opus-mt-fr-en"].in_catalog
    cli = runner.invoke(models_app, ["list", "--models-dir", str(store)])
    assert cli.exit_code == 0
    assert "opus-mt-fr-en" in cli.output and "not pulled" in cli.output


def test_list_shows_every_model_when_one_record_is_corrupt(store: Path) -> None:
    shutil.copytree(store / "opus-mt-en-de", store / "opus-mt-de-en")
    (store / "opus-mt-de-en" / "mtcheck-model.json").write_text("{not json", encoding="utf-8")
    entries = {e.name: e for e in list_models(Settings(models_dir=store))}
    assert set(entries) == {"opus-mt-de-en", "opus-mt-en-de"}
    assert entries["opus-mt-en-de"].problem is None and entries["opus-mt-en-de"].revision
    assert "mtcheck-model.json is not readable JSON" in (entries["opus-mt-de-en"].problem or "")
    cli = runner.invoke(models_app, ["list", "--models-dir", str(store)])
    assert cli.exit_code == 2
    assert "opus-mt-en-de" in cli.stdout and "opus-mt-de-en" in cli.stdout
    errors = [line for line in cli.stderr.splitlines() if line]
    assert len(errors) == 1 and errors[0].startswith("mtcheck: error:") and "opus-mt-de-en" in errors[0]


def test_list_refuses_a_models_dir_that_is_a_file(tmp_path: Path) -> None:
    plain = tmp_path / "models.txt"
    plain.write_text("not a folder", encoding="utf-8")
    cli = runner.invoke(models_app, ["list", "--models-dir", str(plain)])
    assert cli.exit_code == 2
    assert "is a file, not a folder (--models-dir)" in cli.stderr and "no models" not in cli.stdout


# -- pull offline -------------------------------------------------------------------------------


def test_pull_offline_setting_fails_before_touching_anything(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="offline"):
        pull(["en-de"], Settings(models_dir=tmp_path, offline=True))
    assert not (tmp_path / "opus-mt-en-de").exists()


@pytest.mark.parametrize("args", [["en-de"], ["en-de", "de-en"], ["Helsinki-NLP/opus-mt-en-fr"]])
def test_pull_with_hf_hub_offline_is_one_clean_line(tmp_path: Path, args: list[str]) -> None:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "MTCHECK_MODELS_DIR": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, "-m", "mtcheck", "models", "pull", *args],
        env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mtcheck: error: cannot download"), proc.stderr
    assert "HF_HUB_OFFLINE" in lines[0] and "Traceback" not in proc.stderr
    assert not any(tmp_path.iterdir())
