"""Model resolution: explicit path or hub id, then the models folder, then the Helsinki-NLP hub id."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mtcheck.config import Settings
from mtcheck.errors import ModelError
from mtcheck.models import resolve
from mtcheck.models.resolve import content_hash, resolve_model

CATALOG = """
[[model]]
direction = "en-de"
id = "Helsinki-NLP/opus-mt-en-de"
revision = "0123456789abcdef0123456789abcdef01234567"

[[model]]
direction = "xx-yy"
id = "someone/custom-xx-yy"
revision = "v2"
"""


def make_model(folder: Path, revision: str | None = None) -> Path:
    folder.mkdir(parents=True)
    (folder / "config.json").write_text('{"model_type": "marian"}', encoding="utf-8")
    if revision is not None:
        record = {"id": "Helsinki-NLP/" + folder.name, "revision": revision, "files": {}}
        (folder / "mtcheck-model.json").write_text(json.dumps(record), encoding="utf-8")
    return folder


# (case, layout to create under tmp, src, tgt, explicit, expected (id, path, revision, source))
# "{models}" is the models folder and "{tmp}" the test's tmp folder; a None path means a hub id.
CASES = [
    (
        "explicit folder wins over the models folder",
        ["models/opus-mt-en-de", "elsewhere/my-model"],
        "en",
        "de",
        "{tmp}/elsewhere/my-model",
        ("{tmp}/elsewhere/my-model", "{tmp}/elsewhere/my-model", None, "explicit"),
    ),
    (
        "explicit folder with a pull record carries its revision",
        ["elsewhere/my-model@abc123"],
        "en",
        "de",
        "{tmp}/elsewhere/my-model",
        ("{tmp}/elsewhere/my-model", "{tmp}/elsewhere/my-model", "abc123", "explicit"),
    ),
    (
        "explicit hub id listed in the catalog gets its pinned revision",
        ["models/opus-mt-xx-yy"],
        "xx",
        "yy",
        "someone/custom-xx-yy",
        ("someone/custom-xx-yy", None, "v2", "explicit"),
    ),
    (
        "explicit hub id not in the catalog has no revision",
        [],
        "en",
        "de",
        "someone/other-model",
        ("someone/other-model", None, None, "explicit"),
    ),
    (
        "models folder hit",
        ["models/opus-mt-en-de"],
        "en",
        "de",
        None,
        ("{models}/opus-mt-en-de", "{models}/opus-mt-en-de", None, "models_dir"),
    ),
    (
        "models folder hit with a pull record",
        ["models/opus-mt-de-en@fedcba"],
        "de",
        "en",
        None,
        ("{models}/opus-mt-de-en", "{models}/opus-mt-de-en", "fedcba", "models_dir"),
    ),
    (
        "a catalog pin is not claimed for a hand-placed folder",
        ["models/opus-mt-en-de"],
        "en",
        "de",
        None,
        ("{models}/opus-mt-en-de", "{models}/opus-mt-en-de", None, "models_dir"),
    ),
    (
        "folder without config.json falls back to the hub, with the catalog revision",
        ["models/opus-mt-en-de!"],
        "en",
        "de",
        None,
        ("Helsinki-NLP/opus-mt-en-de", None, "0123456789abcdef0123456789abcdef01234567", "hub"),
    ),
    (
        "missing everywhere: the hub id, unpinned when not in the catalog",
        ["models/opus-mt-en-de"],
        "fr",
        "en",
        None,
        ("Helsinki-NLP/opus-mt-fr-en", None, None, "hub"),
    ),
]


@pytest.mark.parametrize(("case", "layout", "src", "tgt", "explicit", "expected"), CASES, ids=[c[0] for c in CASES])
def test_resolve_model(
    tmp_path: Path,
    case: str,
    layout: list[str],
    src: str,
    tgt: str,
    explicit: str | None,
    expected: tuple[str, str | None, str | None, str],
) -> None:
    models = tmp_path / "models"
    models.mkdir()
    (models / "catalog.toml").write_text(CATALOG, encoding="utf-8")
    for entry in layout:
        if entry.endswith("!"):  # a folder with no config.json
            (tmp_path / entry[:-1]).mkdir(parents=True)
            continue
        name, _, revision = entry.partition("@")
        make_model(tmp_path / name, revision or None)

    def fill(text: str) -> str:
        return text.replace("{models}", str(models)).replace("{tmp}", str(tmp_path))

    settings = Settings(models_dir=models)
    resolved = resolve_model(src, tgt, settings, explicit=fill(explicit) if explicit else None)
    want_id, want_path, want_revision, want_source = expected
    assert resolved.direction == f"{src}-{tgt}"
    assert resolved.id == fill(want_id)
    assert resolved.path == (Path(fill(want_path)) if want_path else None)
    assert resolved.revision == want_revision
    assert resolved.source == want_source


def test_no_catalog_means_no_revision(tmp_path: Path) -> None:
    resolved = resolve_model("en", "de", Settings(models_dir=tmp_path / "absent"))
    assert (resolved.id, resolved.path, resolved.revision, resolved.source) == (
        "Helsinki-NLP/opus-mt-en-de",
        None,
        None,
        "hub",
    )


def test_explicit_file_is_refused_with_one_line(tmp_path: Path) -> None:
    weights = tmp_path / "model.safetensors"
    weights.write_bytes(b"\0" * 10)
    with pytest.raises(ModelError) as info:
        resolve_model("en", "de", Settings(models_dir=tmp_path), explicit=str(weights))
    assert "is a file" in str(info.value) and "\n" not in str(info.value)


def test_repository_catalog_pins_every_pair(tmp_path: Path) -> None:
    from mtcheck.models.catalog import read_catalog

    catalog = Path(__file__).resolve().parents[2] / "models" / "catalog.toml"
    shutil.copy(catalog, tmp_path / "catalog.toml")
    settings = Settings(models_dir=tmp_path)
    entries = dict(read_catalog(settings))
    assert {"Helsinki-NLP/opus-mt-en-de", "Helsinki-NLP/opus-mt-de-en"} <= set(entries)
    assert all(entries.values()), "every catalog pair needs a revision"
    resolved = resolve_model("de", "en", settings)
    assert (resolved.source, resolved.revision) == ("hub", entries["Helsinki-NLP/opus-mt-de-en"])


# -- content_hash -------------------------------------------------------------------------------


def hashed_folder(root: Path, name: str = "m", weights: bytes = b"w" * 64) -> Path:
    folder = make_model(root / name)
    (folder / "model.safetensors").write_bytes(weights)
    (folder / "vocab.json").write_text('{"</s>": 0}', encoding="utf-8")
    return folder


CHANGES = [
    ("config changed", lambda f: (f / "config.json").write_text('{"model_type": "x"}', encoding="utf-8"), True),
    ("weights changed", lambda f: (f / "model.safetensors").write_bytes(b"v" * 64), True),
    ("file added", lambda f: (f / "source.spm").write_bytes(b"spm"), True),
    ("file removed", lambda f: (f / "vocab.json").unlink(), True),
    ("pull record rewritten", lambda f: (f / "mtcheck-model.json").write_text("{}", encoding="utf-8"), False),
    ("hidden file", lambda f: (f / ".lock").write_text("x", encoding="utf-8"), False),
    ("subfolder (ct2 conversion)", lambda f: (f / "ct2-int8").mkdir(), False),
]


@pytest.mark.parametrize(("case", "change", "differs"), CHANGES, ids=[c[0] for c in CHANGES])
def test_content_hash_follows_the_files(tmp_path: Path, case: str, change, differs: bool) -> None:
    folder = hashed_folder(tmp_path)
    before = content_hash(folder)
    change(folder)
    assert (content_hash(folder) != before) is differs


def test_content_hash_is_stable_across_copies(tmp_path: Path) -> None:
    folder = hashed_folder(tmp_path)
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)  # new mtimes, same bytes
    assert content_hash(copy) == content_hash(folder)
    assert len(content_hash(folder)) == 16


def test_large_weights_are_hashed_by_size_and_edges(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resolve, "_WHOLE_FILE_LIMIT", 100)
    monkeypatch.setattr(resolve, "_EDGE", 10)
    base = bytes(range(200))
    a = hashed_folder(tmp_path, "a", base)
    head = hashed_folder(tmp_path, "head", b"X" + base[1:])
    tail = hashed_folder(tmp_path, "tail", base[:-1] + b"X")
    middle = hashed_folder(tmp_path, "middle", base[:100] + b"X" + base[101:])
    longer = hashed_folder(tmp_path, "longer", base + b"\0")
    assert content_hash(head) != content_hash(a)
    assert content_hash(tail) != content_hash(a)
    assert content_hash(longer) != content_hash(a)
    # The documented blind spot: a same-size change only in the middle of a big weights file.
    assert content_hash(middle) == content_hash(a)


def test_content_hash_of_missing_folder_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError):
        content_hash(tmp_path / "absent")


def test_hub_probe_reports_a_closed_endpoint_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from mtcheck.models import resolve

    with socket.socket() as server:  # a port that is listening, then one that is not
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        for var in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
            monkeypatch.delenv(var, raising=False)
        monkeypatch.setattr(resolve, "_HUB_PROBE", {})
        monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{port}")
        assert resolve.hub_unreachable() is None
    monkeypatch.setattr(resolve, "_HUB_PROBE", {})
    reason = resolve.hub_unreachable()
    assert reason is not None and "unreachable" in reason
