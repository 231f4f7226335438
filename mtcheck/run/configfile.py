"""[tool.mtcheck] in pyproject.toml or mtcheck.toml: finding, validating, applying."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from mtcheck.config import DEVICES, FAIL_ON_CHOICES, Settings, Thresholds
from mtcheck.errors import ConfigError
from mtcheck.results import SEVERITIES

CONFIG_FILE = "mtcheck.toml"
PYPROJECT = "pyproject.toml"
FORMAT_CHOICES = ("html", "json", "sarif", "junit", "markdown", "xliff")
THRESHOLD_KEYS = ("awkward", "warning", "error")
# Keys the pipeline does not read; the CLI uses them for the run as a whole.
RUN_KEYS = ("fail_on", "formats", "output", "include", "exclude")


class Invalid(Exception):
    """A value does not fit; the message says what was expected."""


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    return repr(value)


def _fail(expected: str, value: Any) -> Invalid:
    return Invalid(f"expected {expected}, got {_shown(value)}")


def _string(value: Any, base: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail("a non-empty string", value)
    return value.strip()


def _string_list(value: Any, base: Path) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail("a list of strings", value)
    return [v.strip() for v in value]


def _pivot(value: Any, base: Path) -> list[str]:
    given = value  # the error shows what the file says, not the list a string was split into
    if isinstance(value, str):
        value = [p for p in value.split(",") if p.strip()]
    langs = [v.strip() for v in value if isinstance(v, str)] if isinstance(value, list) else []
    if not langs or len(langs) != len(value) or not all(x.isalpha() and 2 <= len(x) <= 3 for x in langs):
        raise _fail("a language code or a list of codes such as 'de' or ['de', 'fr']", given)
    return [lang.lower() for lang in langs]


def _language(value: Any, base: Path) -> str:
    if not isinstance(value, str) or not value.isalpha() or not 2 <= len(value) <= 3:
        raise _fail("a language code such as 'en'", value)
    return value.lower()


def _path(value: Any, base: Path) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise _fail("a path (string)", value)
    path = Path(value.strip()).expanduser()
    return path if path.is_absolute() else base / path


def _globs(value: Any, base: Path) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail("a list of glob patterns (strings)", value)
    return [v.strip() for v in value]


def _positive_int(value: Any, base: Path) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise _fail("an integer >= 1", value)
    return value


def _bool(value: Any, base: Path) -> bool:
    if not isinstance(value, bool):
        raise _fail("true or false", value)
    return value


def _positive_number(value: Any, base: Path) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise _fail("a number of seconds > 0", value)
    return float(value)


def _fail_on(value: Any, base: Path) -> str:
    if value not in FAIL_ON_CHOICES:
        raise _fail(f"one of {', '.join(FAIL_ON_CHOICES)}", value)
    return str(value)


def _formats(value: Any, base: Path) -> list[str]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",")]
    if not isinstance(value, list) or not value or not all(v in FORMAT_CHOICES for v in value):
        raise _fail(f"a list of formats from {', '.join(FORMAT_CHOICES)}", value)
    return list(dict.fromkeys(value))


def _device(value: Any, base: Path) -> str:
    if value not in DEVICES:
        raise _fail(f"one of {', '.join(DEVICES)}", value)
    return str(value)


def _calibration(value: Any, base: Path) -> str:
    """auto, none or an engine name as they are; a path resolved against the config file's folder."""
    from mtcheck.checks.calibrate import is_calibration_path

    text = _string(value, base)
    return str(_path(text, base)) if is_calibration_path(text) else text


def _reader(value: Any, base: Path) -> str:
    from mtcheck.detect.reader import names

    if value not in names():
        raise _fail(f"one of {', '.join(names())}", value)
    return str(value)


Validator = Callable[[Any, Path], Any]

# Every key a config file may hold; each validator returns the normalised value or raises Invalid.
SCHEMA: dict[str, Validator] = {
    "pivot": _pivot,
    "language": _language,
    "engine": _string,
    "models_dir": _path,
    "fail_on": _fail_on,
    "formats": _formats,
    "output": _path,
    "thresholds": lambda v, b: v,  # tables: checked by _table
    "severities": lambda v, b: v,
    "glossary": _path,
    "checks": _string_list,
    "include": _globs,
    "exclude": _globs,
    "batch_size": _positive_int,
    "beams": _positive_int,
    "max_sentences": _positive_int,
    "compute_type": _string,
    "calibration": _calibration,
    "cache": _bool,
    "cache_dir": _path,
    "follow_original": _bool,
    "ignore_robots": _bool,
    "timeout": _positive_number,
    "threads": _positive_int,
    "device": _device,
    "batch_tokens": _positive_int,
    "ray": _string,
    "reader": _reader,
}


def _threshold(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
        raise _fail("a number from 0 to 100", value)
    return float(value)


def _severity(value: Any) -> str:
    if value not in (*SEVERITIES, "off"):
        raise _fail(f"one of {', '.join(SEVERITIES)}, off", value)
    return str(value)


def _table(section: str, key: str, value: Any, label: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        prefix = f"[{section}] " if section else ""
        raise ConfigError(f"{label}: {prefix}{key}: expected a table, got {_shown(value)}")
    header = f"{section}.{key}" if section else key
    out: dict[str, Any] = {}
    for sub, item in value.items():
        where = f"{label}: [{header}] {sub}"
        if key == "thresholds" and sub not in THRESHOLD_KEYS:
            raise ConfigError(f"{where}: unknown key (expected one of {', '.join(THRESHOLD_KEYS)})")
        if key == "severities":
            from mtcheck.checks.catalog import unknown_name

            problem = unknown_name(sub)  # a typo would silently override nothing
            if problem is not None:
                raise ConfigError(f"{where}: {problem}")
        try:
            out[sub] = _threshold(item) if key == "thresholds" else _severity(item)
        except Invalid as exc:
            raise ConfigError(f"{where}: {exc}") from None
    return out


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _read_toml(path: Path, label: str) -> dict[str, Any]:
    """A config file parsed: regular, bounded, UTF-8, not nested absurdly deep; ConfigError otherwise."""
    from mtcheck.read.files import MAX_SIDE_FILE_BYTES, check_nesting, read_regular

    raw = read_regular(path, MAX_SIDE_FILE_BYTES, label, ConfigError, "config file", missing="config file not found")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{label}: not UTF-8 text (TOML files must be UTF-8)") from None
    check_nesting(text, label, ConfigError, comments=True)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{label}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{label}: nested too deeply") from None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        with pyproject.open("rb") as handle:
            head = handle.read(1024 * 1024)
    except OSError:
        return False
    # Bytes, not text: a pyproject.toml that is not UTF-8 but has a [tool.mtcheck] table is an error, not skipped.
    return b"tool.mtcheck" in head or (b"[tool]" in head and b"mtcheck" in head)


def find_config(start: Path) -> Path | None:
    """The nearest mtcheck.toml, or pyproject.toml with [tool.mtcheck], from start upwards."""
    start = Path(start).resolve()
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            data = _read_toml(pyproject, _display(pyproject))
            if isinstance(data.get("tool"), dict) and "mtcheck" in data["tool"]:
                return pyproject
    return None


def _section(path: Path, data: dict[str, Any], label: str) -> tuple[str, Any]:
    tool = data.get("tool")
    if path.name == PYPROJECT or (set(data) == {"tool"} and isinstance(tool, dict) and "mtcheck" in tool):
        if not isinstance(tool, dict) or "mtcheck" not in tool:
            raise ConfigError(f"{label}: no [tool.mtcheck] table")
        return "tool.mtcheck", tool["mtcheck"]
    return "", data


def validate(values: Mapping[str, Any], base: Path, label: str, section: str = "tool.mtcheck") -> dict[str, Any]:
    """Check every key and type; relative paths resolve against base. ConfigError on the first problem."""
    prefix = f"[{section}] " if section else ""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in SCHEMA:
            hint = ", ".join(sorted(SCHEMA))
            raise ConfigError(f"{label}: {prefix}{key}: unknown key (known keys: {hint})")
        if key in ("thresholds", "severities"):
            out[key] = _table(section, key, value, label)
            continue
        try:
            out[key] = SCHEMA[key](value, base)
        except Invalid as exc:
            raise ConfigError(f"{label}: {prefix}{key}: {exc}") from None
    return out


def load_config(path: Path) -> dict[str, Any]:
    """Read and validate a config file; paths come back resolved against the file's folder."""
    path = Path(path)
    label = _display(path)
    data = _read_toml(path, label)
    section, values = _section(path, data, label)
    if not isinstance(values, dict):
        raise ConfigError(f"{label}: [{section}] must be a table")
    return validate(values, path.resolve().parent, label, section)


def merge(config_values: Mapping[str, Any], cli_values: Mapping[str, Any]) -> dict[str, Any]:
    """Config values overridden by options given on the command line; tables merge key by key."""
    merged = dict(config_values)
    for key, value in cli_values.items():
        if value is None:
            continue
        if key in ("thresholds", "severities") and isinstance(value, Mapping):
            merged[key] = {**merged.get(key, {}), **value}
        else:
            merged[key] = value
    return merged


def apply_config(settings: Settings, config: Mapping[str, Any]) -> Settings:
    """Settings with the pipeline keys of a validated config applied (run keys are left to the CLI)."""
    changes: dict[str, Any] = {}
    simple = (
        "engine",
        "models_dir",
        "glossary",
        "batch_size",
        "beams",
        "max_sentences",
        "compute_type",
        "calibration",
        "cache",
        "cache_dir",
        "follow_original",
        "ignore_robots",
        "threads",
        "device",
        "batch_tokens",
        "ray",
        "reader",
    )
    for key in simple:
        if key in config:
            changes[key] = config[key]
    if "timeout" in config:
        changes["fetch_timeout"] = config["timeout"]
    if "pivot" in config:
        changes["pivots"] = tuple(config["pivot"])
    if "language" in config:
        changes["language"] = config["language"]
    if "checks" in config:
        changes["checks"] = tuple(config["checks"])
    if "thresholds" in config:
        changes["thresholds"] = _thresholds(settings.thresholds, config["thresholds"])
    if "severities" in config:
        merged = {**dict(settings.severities), **config["severities"]}
        changes["severities"] = tuple(sorted(merged.items()))
    return settings.with_(**changes)


def _thresholds(current: Thresholds, values: Mapping[str, float]) -> Thresholds:
    result = replace(current, **values)
    if not result.error <= result.warning <= result.awkward:
        raise ConfigError(
            "thresholds: expected error <= warning <= awkward, got "
            f"error={result.error:g}, warning={result.warning:g}, awkward={result.awkward:g}"
        )
    return result
