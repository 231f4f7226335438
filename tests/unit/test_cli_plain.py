"""The CLI's typer-free side (mtcheck.cli.plain): its echo writes what typer.echo writes, and a plain `mtcheck
detect` run imports neither typer nor the fetching side."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import typer

from mtcheck.cli import plain

TEXTS = [
    "plain line",
    "",
    "ünïcödé ✓ 中文 \ufffd",
    "\x1b[31mred\x1b[0m, \x1b[?25lhidden cursor\x1b[?25h, \x1b[1;32mbold green\x1b[m",  # stripped off a terminal
    "two\nlines\n",
    '[\n  {\n    "path": "a.txt"\n  }\n]',
]


def _written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, echo: Callable[..., None], *, err: bool,
             encoding: str, errors: str) -> bytes:  # fmt: skip
    path = tmp_path / "out.bin"
    with open(path, "wb") as raw:
        stream = io.TextIOWrapper(raw, encoding=encoding, errors=errors)
        monkeypatch.setattr(sys, "stderr" if err else "stdout", stream)
        for text in TEXTS:
            echo(text, err=err)
        stream.flush()
        stream.detach()
    monkeypatch.undo()
    return path.read_bytes()


@pytest.mark.parametrize("err", [False, True])
@pytest.mark.parametrize(("encoding", "errors"), [("utf-8", "strict"), ("latin-1", "replace"), ("ascii", "strict")])
def test_echo_writes_the_bytes_typer_echo_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, err: bool, encoding: str, errors: str
) -> None:
    ours = _written(tmp_path, monkeypatch, plain.echo, err=err, encoding=encoding, errors=errors)
    theirs = _written(tmp_path, monkeypatch, typer.echo, err=err, encoding=encoding, errors=errors)
    assert ours == theirs
    assert b"\x1b" not in ours and b"red, hidden cursor, bold green\n" in ours  # a file is not a terminal


def test_a_plain_detect_run_imports_no_typer_and_no_fetching(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("# Title\n\nThis article has been automatically translated.\n", encoding="utf-8")
    probe = (
        "import sys\nfrom mtcheck.cli import main\ntry:\n    main(['detect', '--format', 'json', sys.argv[1]])\n"
        "except SystemExit as done:\n    code = done.code\n"
        "names = ('typer', 'click', 'mtcheck.cli.commands', 'mtcheck.read.fetch', 'platformdirs',"
        " 'importlib.metadata')\n"
        "print('LOADED=' + ','.join(n for n in names if n in sys.modules), 'EXIT=' + str(code), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(article)], capture_output=True, text=True, timeout=120)
    assert "LOADED= EXIT=0" in done.stderr, done.stderr
    assert '"machine_translated": true' in done.stdout
