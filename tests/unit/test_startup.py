"""Start-up stays light: --help, --version and detect never import the heavy engines."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("torch", "transformers", "ctranslate2", "httpx", "trafilatura")

PROBE = """
import sys
from mtcheck.cli import main
try:
    main({args!r})
except SystemExit:
    pass
heavy = [m for m in {heavy!r} if m in sys.modules]
print("HEAVY=" + ",".join(heavy))
"""


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        ["report", "--help"],
        ["detect", "{article}"],
        ["detect", "--format", "json", "{article}"],
    ],
)
def test_command_does_not_import_heavy_modules(tmp_path: Path, args: list[str]) -> None:
    _assert_not_imported(tmp_path, args, HEAVY)


def test_import_mtcheck_is_light() -> None:
    probe = f"import sys, mtcheck; print([m for m in {HEAVY!r} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.strip() == "[]"


# What `detect` does not need: typer's pydantic adapters (the quick path reads its options), the report
# side of the library (checks, the engines' registry, renderers), the model reader's module when no reader is asked
# for, the round-trip signal (mtcheck.detect re-exports it, imported on first use), the source map (detection reads
# none) and the original's link (a web page's, or a local file's with local_links; not `mtcheck detect FILE`'s).
NOT_FOR_DETECT = ("pydantic", "mtcheck.api.core", "mtcheck.checks", "mtcheck.engines", "mtcheck.report",
                  "mtcheck.detect.reader", "mtcheck.detect.roundtrip", "mtcheck.read.source_map",
                  "mtcheck.detect.original_link")  # fmt: skip


@pytest.mark.parametrize("args", [["detect", "{article}"], ["-q", "detect", "--format", "json", "{article}"]])
def test_detect_does_not_import_what_it_does_not_need(tmp_path: Path, args: list[str]) -> None:
    _assert_not_imported(tmp_path, args, NOT_FOR_DETECT)


def test_lazy_round_trip_names_are_importable_and_typed() -> None:
    # mtcheck.detect imports the round-trip names on first use (a module __getattr__); each still imports by name, and
    # the __getattr__ is hidden from type checkers: seen by mypy, it would type any name as Any (so that
    # `from mtcheck.detect import calibrat` passed the type check).
    import mtcheck.detect

    source = Path(mtcheck.detect.__file__).read_text(encoding="utf-8")
    top = [node.name for node in ast.parse(source).body if isinstance(node, ast.FunctionDef)]
    assert "__getattr__" not in top, "define it under `if not TYPE_CHECKING:`"
    probe = "import sys; from mtcheck.detect import *; print('mtcheck.detect.roundtrip' in sys.modules, calibrate)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.startswith("True <function calibrate")
    with pytest.raises(ImportError):
        exec("from mtcheck.detect import calibrat")


def _assert_not_imported(tmp_path: Path, args: list[str], modules: tuple[str, ...]) -> None:
    """Run `mtcheck ARGS` on a small article in a fresh interpreter; none of `modules` may be imported."""
    article = tmp_path / "a.txt"
    article.write_text("This article has been automatically translated.\n\nThe bridge is closed.\n", encoding="utf-8")
    args = [a.replace("{article}", str(article)) for a in args]
    probe = PROBE.format(args=args, heavy=modules)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    assert "HEAVY=\n" in done.stdout, done.stdout + done.stderr
