"""Building a run's settings: defaults, config file, command line; validation of every value."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.api import validate_settings
from mtcheck.config import Settings
from mtcheck.errors import ConfigError, InputError, UsageError
from mtcheck.run.runner import RunOptions, _filter, build_options


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"engine": "babelfish"}, "unknown engine 'babelfish'"),
        ({"threads": 0}, "threads must be at least 1"),
        ({"language": "english"}, "language 'english' is not a language code"),
        ({"pivots": ("d3",)}, "pivot 'd3' is not a language code"),
        ({"checks": ("spelling",)}, "unknown check 'spelling'"),
        ({"beams": 0}, "beams must be at least 1"),
        ({"max_sentences": 0}, "max sentences must be at least 1"),
        ({"fetch_timeout": 0.0}, "timeout must be more than 0 and at most 86400 seconds, got 0.0"),
        ({"fetch_timeout": float("inf")}, "timeout must be more than 0 and at most 86400 seconds, got inf"),
        ({"fetch_timeout": 1e12}, "timeout must be more than 0 and at most 86400 seconds"),
        ({"fetch_timeout": float("nan")}, "timeout must be more than 0 and at most 86400 seconds, got nan"),
    ],
)
def test_settings_reject_bad_values(changes: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=message) as raised:
        validate_settings(Settings(**changes))  # type: ignore[arg-type]
    # Library errors name the setting, never a command-line flag; the CLI adds its flag.
    assert "--" not in str(raised.value)
    assert raised.value.setting == next(iter(changes))


def test_language_codes_are_lower_cased() -> None:
    settings = Settings(language="EN", pivots=("DE", "Fr")).validate()
    assert settings.language == "en" and settings.pivots == ("de", "fr")


def test_command_line_wins_over_config_and_config_is_validated(tmp_path: Path) -> None:
    config = tmp_path / "mtcheck.toml"
    config.write_text('beams = 2\npivot = "fr"\nfail_on = "warning"\n[thresholds]\nawkward = 60\n', encoding="utf-8")
    settings, options = build_options({"beams": 3, "format": "HTML, json"}, config)
    assert settings.beams == 3  # the command line wins
    assert settings.pivots == ("fr",) and settings.thresholds.awkward == 60  # the config applies
    assert options.fail_on == "warning" and options.formats == ("html", "json")
    config.write_text("[thresholds]\nwarning = 70\n", encoding="utf-8")  # above awkward (50)
    with pytest.raises(ConfigError, match="error <= warning <= awkward"):
        build_options({}, config)


@pytest.mark.parametrize("pivot", ["", ",", " , "])
def test_an_empty_pivot_on_the_command_line_is_refused(tmp_path: Path, pivot: str) -> None:
    """--pivot '' must not fall back to the default pivot without a word."""
    config = tmp_path / "mtcheck.toml"
    config.write_text('pivot = "fr"\n', encoding="utf-8")
    with pytest.raises(UsageError, match="give at least one pivot language") as raised:
        build_options({"pivot": pivot}, config)
    assert raised.value.setting == "pivots"  # the CLI adds --pivot


def test_explicit_files_escape_include_exclude(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("a.txt", "b.md"):
        (folder / name).write_text("Some text.", encoding="utf-8")
    named = tmp_path / "named.txt"
    named.write_text("Some text.", encoding="utf-8")
    options = RunOptions(exclude=("*.txt",))
    kept = _filter([str(folder), str(named)], options)
    assert kept == [str(folder / "b.md"), str(named)]  # the folder is filtered, the named file is not
    with pytest.raises(InputError, match="no input documents left"):
        _filter([str(folder)], RunOptions(include=("*.html",)))


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://example.com/es/articulo.html", "https://example.com/es/articulo.html"),  # "//" kept: a URL
        ("HTTP://example.com/a", "HTTP://example.com/a"),
        ("originals/articulo.html", Path("originals/articulo.html")),
    ],
)
def test_source_is_a_url_or_a_path(tmp_path: Path, given: str, expected: object) -> None:
    settings, _ = build_options({"source": given}, None)
    assert settings.source == expected and type(settings.source) is type(expected)


def test_an_unreachable_ray_address_is_one_line_at_once() -> None:
    """Nothing listens at the address: a usage error in seconds, before Ray retries for minutes."""
    import socket

    from mtcheck.run.distributed import check_reachable

    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        port = listening.getsockname()[1]
        check_reachable(f"127.0.0.1:{port}")  # a cluster is there: no error
        check_reachable(f"ray://127.0.0.1:{port}")
    with pytest.raises(UsageError, match=rf"cannot reach the Ray cluster '127.0.0.1:{port}': ") as raised:
        check_reachable(f"127.0.0.1:{port}")  # closed now
    assert raised.value.setting == "ray" and "\n" not in str(raised.value)
    check_reachable(None)  # a local Ray: nothing to reach
