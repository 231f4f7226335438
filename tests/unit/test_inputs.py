"""Input expansion, output names and decoding of document bytes."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mtcheck import config
from mtcheck.errors import InputError
from mtcheck.read.inputs import decode, expand_inputs, read_bytes, sanitize_name
from tests.shared import python_env, unprivileged

GERMAN = "Die Größe der Straße über dem Fluss ist schön. Äpfel und Öl kosten 5 €."
FRENCH = "Le garçon a mangé une crème brûlée à Noël. « Très bien », dit-il — voilà."


def _tree(root: Path, files: list[str]) -> None:
    for rel in files:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Some text.\n", encoding="utf-8")


def test_folder_is_expanded_recursively_sorted_without_hidden_or_foreign_files(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        ["b.md", "a.txt", "sub/c.html", "sub/d.htm", "sub/e.markdown", "x.pdf", "notes.rst", ".hidden/h.txt", ".h.txt"],
    )
    items = expand_inputs([str(tmp_path)])
    rel = [Path(i.path).relative_to(tmp_path).as_posix() for i in items]
    assert rel == ["a.txt", "b.md", "sub/c.html", "sub/d.htm", "sub/e.markdown"]
    assert all(i.error is None for i in items)


def test_mtcheck_reports_in_a_folder_are_not_articles(tmp_path: Path) -> None:
    """`mtcheck detect .` after `mtcheck report .`: the reports (and index.html) are not read as articles."""
    from mtcheck.report import write_document_reports
    from mtcheck.report.index import render_index
    from tests.reportdata import build_report

    (tmp_path / "article.html").write_text("<html><body><p>The bridge is old.</p></body></html>", encoding="utf-8")
    report = build_report(2)
    written = write_document_reports(report, tmp_path / "reports", ["html"])
    render_index([report], tmp_path / "reports")
    assert len(written) == 1 and (tmp_path / "reports" / "index.html").is_file()
    assert [Path(i.path).name for i in expand_inputs([str(tmp_path)])] == ["article.html"]
    assert [i.path for i in expand_inputs([str(tmp_path / "reports" / "*.html")]) if i.error is None] == []
    named = str(written[0])
    assert [i.path for i in expand_inputs([named])] == [named]  # a file named on the command line is read


def test_missing_path_becomes_an_error_item_and_others_continue(tmp_path: Path) -> None:
    _tree(tmp_path, ["ok.txt"])
    items = expand_inputs([str(tmp_path / "missing.txt"), str(tmp_path / "ok.txt")])
    assert [i.error is None for i in items] == [False, True]
    error = items[0].error
    assert isinstance(error, InputError)
    assert "missing.txt" in str(error) and "\n" not in str(error)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (["a/x.txt", "b/x.txt", "c/x.md"], ["x", "x-2", "x-3"]),
        (["a/x.txt", "b/X.txt"], ["x", "X-2"]),
        (["a/x-2.txt", "b/x.txt", "c/x.txt"], ["x-2", "x", "x-3"]),
        (["a/Ünïcode name!.txt"], ["Unicode_name"]),
    ],
)
def test_output_names_are_unique_and_safe(tmp_path: Path, files: list[str], expected: list[str]) -> None:
    _tree(tmp_path, files)
    items = expand_inputs([str(tmp_path / f) for f in files])
    assert [i.name for i in items] == expected


def test_globs_stdin_and_duplicates(tmp_path: Path) -> None:
    _tree(tmp_path, ["one.txt", "two.txt", "img.png"])
    pattern = str(tmp_path / "*")
    items = expand_inputs([pattern, str(tmp_path / "one.txt"), "-", "-"])
    assert [Path(i.path).name for i in items[:2]] == ["one.txt", "two.txt"]
    assert len(items) == 4  # one.txt given twice is read once
    assert (items[2].path, items[2].name, items[2].error) == ("-", "stdin", None)
    assert isinstance(items[3].error, InputError)


def test_glob_without_matches_and_empty_folder_are_errors(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    items = expand_inputs([str(tmp_path / "*.nothing"), str(tmp_path / "empty")])
    assert all(isinstance(i.error, InputError) for i in items)


@pytest.mark.parametrize(
    ("stem", "expected"),
    [("report 2024", "report_2024"), ("../../etc/passwd", "etc_passwd"), ("...", "document"), ("a.b-c_d", "a.b-c_d")],
)
def test_sanitize_name(stem: str, expected: str) -> None:
    assert sanitize_name(stem) == expected


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (GERMAN.encode("utf-8"), GERMAN, "utf-8"),
        (codecs.BOM_UTF8 + GERMAN.encode("utf-8"), GERMAN, "utf-8-sig"),
        (GERMAN.encode("utf-16"), GERMAN, "utf-16-le"),
        (codecs.BOM_UTF16_BE + GERMAN.encode("utf-16-be"), GERMAN, "utf-16-be"),
        (GERMAN.encode("utf-16-le"), GERMAN, "utf-16-le"),  # no BOM: recognised by its NUL pattern
        (GERMAN.encode("cp1252"), GERMAN, "cp1252"),
        (FRENCH.encode("cp1252"), FRENCH, "cp1252"),
        ("Größe".encode("latin-1"), "Größe", "cp1252"),
        ("Zażółć gęślą jaźń, to jest test.".encode("cp1250"), "Zażółć gęślą jaźń, to jest test.", "cp1250"),
    ],
)
def test_decode_encodings(data: bytes, text: str, encoding: str) -> None:
    assert decode(data, "in.txt") == (text, encoding)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00" + bytes(100), "ZIP"),
        (b"\x7fELF\x02\x01\x01" + bytes(100), "ELF"),
        (b"text with a NUL \x00 byte and \x00\x01\x02 more", "NUL"),
        (b"\x01\x02\x03hello\x04\x05\x06" * 20, "binary"),
        (codecs.BOM_UTF8 + b"valid then \xff\xfe invalid", "byte-order mark"),
        (bytes(range(128, 256)) * 20, "undecodable"),
    ],
)
def test_decode_refuses_binary_and_undecodable(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as info:
        decode(data, "bad.txt")
    text = str(info.value)
    assert text.startswith("bad.txt: ") and message in text and "\n" not in text


def test_read_bytes_errors_are_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_bytes(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        read_bytes(tmp_path)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    monkeypatch.setattr(config, "MAX_DOCUMENT_BYTES", 1024)
    with pytest.raises(InputError, match="limit"):
        read_bytes(big)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_unreadable_file(tmp_path: Path) -> None:
    # Runs as root too (CI does): the check runs in a subprocess without root's file-permission capabilities.
    locked = tmp_path / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    locked.chmod(0)
    code = (
        "import sys\nfrom mtcheck.errors import InputError\nfrom mtcheck.read.inputs import read_bytes\n"
        "try:\n    read_bytes(sys.argv[1])\nexcept InputError as exc:\n    print(exc)\nelse:\n    print('READ')\n"
    )
    done = subprocess.run(
        unprivileged([sys.executable, "-c", code, str(locked)]),
        capture_output=True, text=True, timeout=60, env=python_env(), check=False,
    )  # fmt: skip
    assert done.stdout.strip() == f"{locked}: permission denied", done.stderr
