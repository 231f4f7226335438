"""Where the project's shared material lies: `../shared` beside the checkout (CI and sessions)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
_CANDIDATES = [Path(os.environ["MTCHECK_SHARED"])] if os.environ.get("MTCHECK_SHARED") else []
_CANDIDATES += [ROOT.parent / "shared", Path("/work/shared")]

SHARED: Path | None = next((p for p in _CANDIDATES if p.is_dir()), None)


def shared_path(*parts: str) -> Path:
    """A path inside the shared folder (it may not exist: tests skip then)."""
    return (SHARED or ROOT.parent / "shared").joinpath(*parts)


def unprivileged(argv: list[str]) -> list[str]:
    """argv run without the capabilities that let root ignore file permissions (CI runs as root).

    As another user the command runs as it is; as root, setpriv drops CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH, so a mode-000 file or a mode-500 folder refuses root as it refuses anyone.
    """
    import shutil

    if os.geteuid() != 0:
        return argv
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        import pytest

        pytest.fail("running as root needs setpriv (util-linux) to test file permissions")
    return [setpriv, "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", *argv]


def python_env() -> dict[str, str]:
    """The environment for a `python -m mtcheck` subprocess that imports this checkout."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def load_script(name: str, folder: str = "scripts") -> ModuleType:
    """A script of the checkout (scripts/NAME.py, or bench/) imported as a module, once per test session."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / folder / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module
