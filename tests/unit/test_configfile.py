"""Config files: discovery, validation of every key, precedence of the command line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from mtcheck.config import Settings, Thresholds
from mtcheck.errors import ConfigError
from mtcheck.run.configfile import SCHEMA, apply_config, find_config, load_config, merge


def write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


# (TOML lines under [tool.mtcheck], key, expected value; "{dir}" stands for the config file's folder)
VALID: list[tuple[str, str, Any]] = [
    ('pivot = "de"', "pivot", ["de"]),
    ('pivot = "de, FR"', "pivot", ["de", "fr"]),
    ('pivot = ["de", "es"]', "pivot", ["de", "es"]),
    ('language = "EN"', "language", "en"),
    ('engine = "ctranslate2"', "engine", "ctranslate2"),
    ('models_dir = "models"', "models_dir", "{dir}/models"),
    ('models_dir = "/opt/models"', "models_dir", "/opt/models"),
    ('fail_on = "warning"', "fail_on", "warning"),
    ('fail_on = "never"', "fail_on", "never"),
    ('formats = ["sarif", "junit", "sarif"]', "formats", ["sarif", "junit"]),
    ('formats = "html,json"', "formats", ["html", "json"]),
    ('output = "out/reports"', "output", "{dir}/out/reports"),
    ("thresholds = { awkward = 60, warning = 40.5 }", "thresholds", {"awkward": 60.0, "warning": 40.5}),
    (
        'severities = { MT-DOUBLED-WORD = "error", terminology_drift = "info" }',
        "severities",
        {"MT-DOUBLED-WORD": "error", "terminology_drift": "info"},
    ),  # fmt: skip
    ('glossary = "terms.csv"', "glossary", "{dir}/terms.csv"),
    ('checks = ["awkward_phrasing"]', "checks", ["awkward_phrasing"]),
    ('include = ["content/*.md"]', "include", ["content/*.md"]),
    ('exclude = ["drafts/*", "*.txt"]', "exclude", ["drafts/*", "*.txt"]),
    ("batch_size = 32", "batch_size", 32),
    ("beams = 1", "beams", 1),
    ('compute_type = "float32"', "compute_type", "float32"),
    ('calibration = "none"', "calibration", "none"),
    ("max_sentences = 500", "max_sentences", 500),
    ("cache = false", "cache", False),
    ('cache_dir = ".cache/mt"', "cache_dir", "{dir}/.cache/mt"),
    ("follow_original = false", "follow_original", False),
    ("ignore_robots = true", "ignore_robots", True),
    ("timeout = 5", "timeout", 5.0),
    ("threads = 2", "threads", 2),
    ('device = "auto"', "device", "auto"),
    ("batch_tokens = 2048", "batch_tokens", 2048),
    ('ray = "10.0.0.5:6379"', "ray", "10.0.0.5:6379"),
    ('reader = "e5"', "reader", "e5"),
    ('reader = "auto"', "reader", "auto"),
]


def test_every_schema_key_has_a_valid_case() -> None:
    assert {key for _, key, _ in VALID} == set(SCHEMA)


@pytest.mark.parametrize(("line", "key", "expected"), VALID)
def test_valid_keys_in_pyproject(tmp_path: Path, line: str, key: str, expected: Any) -> None:
    path = write(tmp_path, "pyproject.toml", f'[project]\nname = "x"\n\n[tool.mtcheck]\n{line}\n')
    value = load_config(path)[key]
    if isinstance(expected, str) and "/" in expected and key not in ("include", "exclude"):
        assert value == Path(expected.replace("{dir}", str(tmp_path.resolve())))
    else:
        assert value == expected


@pytest.mark.parametrize(("line", "key", "expected"), VALID[:6])
def test_valid_keys_in_bare_mtcheck_toml(tmp_path: Path, line: str, key: str, expected: Any) -> None:
    path = write(tmp_path, "mtcheck.toml", line + "\n")
    assert key in load_config(path)


UNKNOWN = "unknown rule id or finding kind"
SEVERITIES = "[tool.mtcheck.severities]"
# (file body, expected one-line message)
ERRORS: list[tuple[str, str]] = [
    # a severity override names a real rule id or kind, else the closest one is suggested
    (f'{SEVERITIES}\n"MT-DOUBLED-WROD" = "off"', f"{SEVERITIES} MT-DOUBLED-WROD: {UNKNOWN} (did you mean 'MT-DOUBLED-WORD'?)"),  # noqa: E501
    (f'{SEVERITIES}\n"mt-seg-tag-order" = "error"', f"mt-seg-tag-order: {UNKNOWN} (did you mean 'MT-SEG-TAG-ORDER'?)"),
    (f'{SEVERITIES}\nterminology_drfit = "info"', f"terminology_drfit: {UNKNOWN} (did you mean 'terminology_drift'?)"),
    (f'{SEVERITIES}\nMT001 = "error"', f"MT001: {UNKNOWN} (rule ids and kinds are listed in docs/findings.md)"),
    ('[tool.mtcheck]\nbeams = "four"', "pyproject.toml: [tool.mtcheck] beams: expected an integer >= 1, got 'four'"),
    ("[tool.mtcheck]\nbeams = 0", "beams: expected an integer >= 1, got 0"),
    ('[tool.mtcheck]\nreader = "bert"', "reader: expected one of auto, none, e5, static, got 'bert'"),
    ("[tool.mtcheck]\nbatch_size = true", "batch_size: expected an integer >= 1, got True"),
    ("[tool.mtcheck]\nbatch_size = 2.5", "batch_size: expected an integer >= 1, got 2.5"),
    ('[tool.mtcheck]\nbeam = 4', "[tool.mtcheck] beam: unknown key (known keys: "),
    ('[tool.mtcheck]\npivot = "german"', "pivot: expected a language code or a list of codes such as 'de' or "
     "['de', 'fr'], got 'german'"),
    ('[tool.mtcheck]\npivot = ", "', "pivot: expected a language code or a list of codes such as 'de' or "
     "['de', 'fr'], got ', '"),
    ("[tool.mtcheck]\npivot = []", "pivot: expected a language code or a list of codes such as 'de' or ['de', 'fr'], "
     "got an empty list"),
    ("[tool.mtcheck]\npivot = [1]", "pivot: expected a language code or a list of codes"),
    ('[tool.mtcheck]\nlanguage = ["en"]', "language: expected a language code such as 'en', got a list"),
    ("[tool.mtcheck]\nengine = 3", "engine: expected a non-empty string, got 3"),
    ('[tool.mtcheck]\nengine = " "', "engine: expected a non-empty string, got ' '"),
    ("[tool.mtcheck]\nmodels_dir = 1", "models_dir: expected a path (string), got 1"),
    ('[tool.mtcheck]\nfail_on = "fatal"', "fail_on: expected one of info, warning, error, never, got 'fatal'"),
    ('[tool.mtcheck]\nformats = ["pdf"]', "formats: expected a list of formats from html, json, sarif"),
    ("[tool.mtcheck]\nformats = []", "formats: expected a list of formats from html, json, sarif, junit, markdown, "
     "xliff, got an empty list"),
    ("[tool.mtcheck]\noutput = false", "output: expected a path (string), got False"),
    ("[tool.mtcheck]\nthresholds = 50", "[tool.mtcheck] thresholds: expected a table, got 50"),
    ("[tool.mtcheck.thresholds]\nawkward = 120", "[tool.mtcheck.thresholds] awkward: expected a number from 0 to 100, "
     "got 120"),
    ('[tool.mtcheck.thresholds]\nerror = "low"', "[tool.mtcheck.thresholds] error: expected a number from 0 to 100"),
    ("[tool.mtcheck.thresholds]\nbad = 3", "[tool.mtcheck.thresholds] bad: unknown key "
     "(expected one of awkward, warning, error)"),
    ('[tool.mtcheck]\nseverities = "error"', "[tool.mtcheck] severities: expected a table, got 'error'"),
    ('[tool.mtcheck.severities]\nMT-DOUBLED-WORD = "fatal"', "[tool.mtcheck.severities] MT-DOUBLED-WORD: expected one "
     "of info, warning, error, off, got 'fatal'"),
    ("[tool.mtcheck]\nglossary = []", "glossary: expected a path (string), got an empty list"),
    ('[tool.mtcheck]\nchecks = "awkward_phrasing"', "checks: expected a list of strings"),
    ('[tool.mtcheck]\ninclude = "*.md"', "include: expected a list of glob patterns (strings), got '*.md'"),
    ("[tool.mtcheck]\nexclude = [1]", "exclude: expected a list of glob patterns (strings), got a list"),
    ("[tool.mtcheck]\ncompute_type = 8", "compute_type: expected a non-empty string, got 8"),
    ('[tool.mtcheck]\ncache = "yes"', "cache: expected true or false, got 'yes'"),
    ("[tool.mtcheck]\ncache_dir = 0", "cache_dir: expected a path (string), got 0"),
    ('[tool.mtcheck]\nfollow_original = "no"', "follow_original: expected true or false, got 'no'"),
    ("[tool.mtcheck]\ntimeout = 0", "timeout: expected a number of seconds > 0, got 0"),
    ("[tool.mtcheck\n", "pyproject.toml: invalid TOML: "),
    ('[project]\nname = "x"', "pyproject.toml: no [tool.mtcheck] table"),
    ('[tool]\nmtcheck = "on"', "pyproject.toml: [tool.mtcheck] must be a table"),
]  # fmt: skip


@pytest.mark.parametrize(("body", "message"), ERRORS)
def test_errors_name_file_key_and_expected_type(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, "pyproject.toml", body + "\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    text = str(caught.value)
    assert "\n" not in text
    assert text.startswith("pyproject.toml: ")
    assert message in text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('beams = "four"', "mtcheck.toml: beams: expected an integer >= 1, got 'four'"),
        ("[thresholds]\nwarning = -1", "mtcheck.toml: [thresholds] warning: expected a number from 0 to 100, got -1"),
        ('[tool.mtcheck]\nbeams = "four"', "mtcheck.toml: [tool.mtcheck] beams: expected an integer >= 1, got 'four'"),
        ("colour = 1", "mtcheck.toml: colour: unknown key"),
    ],
)  # fmt: skip
def test_errors_in_mtcheck_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, "mtcheck.toml", body + "\n")
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_config(path)


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "mtcheck.toml")


def test_find_config_walks_upwards_and_prefers_mtcheck_toml(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert find_config(deep) is None or not str(find_config(deep)).startswith(str(tmp_path))
    pyproject = write(tmp_path / "a", "pyproject.toml", "[tool.mtcheck]\nbeams = 2\n")
    assert find_config(deep) == pyproject.resolve()
    own = write(tmp_path / "a", "mtcheck.toml", "beams = 3\n")
    assert find_config(deep) == own.resolve()
    nearer = write(tmp_path / "a" / "b", "pyproject.toml", "[tool.mtcheck.thresholds]\nawkward = 55\n")
    assert find_config(deep) == nearer.resolve()


def test_find_config_skips_pyproject_without_mtcheck_table(tmp_path: Path) -> None:
    write(tmp_path / "a", "pyproject.toml", "[tool.ruff]\nline-length = 100\n# mtcheck is not configured here\n")
    wanted = write(tmp_path, "mtcheck.toml", "beams = 2\n")
    assert find_config(tmp_path / "a") == wanted.resolve()


def test_find_config_reports_broken_pyproject_that_mentions_mtcheck(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", "[tool.mtcheck\nbeams = 2\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        find_config(tmp_path)


def test_apply_config_sets_pipeline_settings(tmp_path: Path) -> None:
    body = """
pivot = ["de", "fr"]
language = "en"
engine = "ctranslate2"
models_dir = "m"
glossary = "g.csv"
checks = ["awkward_phrasing"]
batch_size = 8
beams = 2
compute_type = "float32"
cache = false
cache_dir = "c"
fail_on = "warning"
[thresholds]
awkward = 60
[severities]
MT-DOUBLED-WORD = "error"
"""
    config = load_config(write(tmp_path, "mtcheck.toml", body))
    base = Settings(severities=(("MT-LONG-SENTENCE", "info"),))
    settings = apply_config(base, config)
    root = tmp_path.resolve()
    assert settings.pivots == ("de", "fr") and settings.language == "en"
    assert settings.engine == "ctranslate2" and settings.compute_type == "float32"
    assert (
        settings.models_dir == root / "m" and settings.glossary == root / "g.csv" and settings.cache_dir == root / "c"
    )
    assert settings.checks == ("awkward_phrasing",)
    assert (settings.batch_size, settings.beams, settings.cache) == (8, 2, False)
    assert settings.thresholds == Thresholds(awkward=60.0)
    assert dict(settings.severities) == {"MT-DOUBLED-WORD": "error", "MT-LONG-SENTENCE": "info"}


def test_apply_config_rejects_thresholds_out_of_order() -> None:
    with pytest.raises(ConfigError, match="error <= warning <= awkward"):
        apply_config(Settings(), {"thresholds": {"warning": 70.0}})


def test_apply_config_with_empty_config_changes_nothing() -> None:
    assert apply_config(Settings(), {}) == Settings()


@pytest.mark.parametrize(
    ("config", "cli", "expected"),
    [
        ({"beams": 2}, {}, {"beams": 2}),
        ({"beams": 2}, {"beams": 5}, {"beams": 5}),
        ({"beams": 2}, {"beams": None}, {"beams": 2}),
        ({"fail_on": "warning"}, {"fail_on": "error", "pivot": "es"}, {"fail_on": "error", "pivot": "es"}),
        ({"severities": {"A": "info", "B": "info"}}, {"severities": {"B": "error"}},
         {"severities": {"A": "info", "B": "error"}}),
        ({"thresholds": {"awkward": 60.0}}, {"thresholds": {"error": 10.0}},
         {"thresholds": {"awkward": 60.0, "error": 10.0}}),
        ({"cache": True}, {"cache": False}, {"cache": False}),
    ],
)  # fmt: skip
def test_merge_gives_the_command_line_precedence(
    config: dict[str, Any], cli: dict[str, Any], expected: dict[str, Any]
) -> None:
    assert merge(config, cli) == expected


def test_every_key_is_documented() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "configuration.md").read_text(encoding="utf-8")
    table_keys = set(re.findall(r"^\| \[`([a-z_]+)`\]", doc, re.M))
    assert table_keys == set(SCHEMA)
    for key in SCHEMA:
        assert re.search(rf"^### `{key}`", doc, re.M) or key in ("include", "exclude"), key
    for key in ("awkward", "warning", "error"):
        assert f"`{key}`" in doc


# -- severity overrides name a real rule id or kind ---------------------------------------------------------


def test_every_rule_id_and_kind_the_checks_report_is_a_valid_severity_key(tmp_path: Path) -> None:
    """The known names come from the registries: every rule id in the code and the rule files, every kind."""
    from mtcheck.checks.catalog import finding_names
    from mtcheck.checks.ruleset import load_rules, rule_languages
    from tests.unit.test_docs import rule_ids_in_code

    kinds, rules = finding_names()
    in_code = rule_ids_in_code()
    families = {i for i in in_code if any(r.startswith(i + "-") for r in rules)}  # MT-SEG-TAG for MT-SEG-TAG-*
    assert in_code - families <= rules
    assert {r.id for language in rule_languages() for r in load_rules(language).rules} <= rules
    assert {"awkward_phrasing", "terminology_drift", "glossary", "rule", "improbable_tokens", "segment"} <= kinds
    assert {"unknown_word", "bilingual", "original"} <= kinds
    body = "[severities]\n" + "\n".join(f'"{name}" = "info"' for name in sorted(kinds | rules)) + "\n"
    assert len(load_config(write(tmp_path, "mtcheck.toml", body))["severities"]) == len(kinds | rules)


def test_documented_severity_examples_are_valid(tmp_path: Path) -> None:
    """The [severities] examples of the docs name real rules and kinds."""
    root = Path(__file__).resolve().parents[2]
    tables = []
    for doc in [root / "README.md", *sorted((root / "docs").glob("*.md"))]:
        for block in re.findall(r"```toml\n(.*?)```", doc.read_text(encoding="utf-8"), re.DOTALL):
            if "severities]" in block:
                tables.append(block)
    assert tables  # the scan itself works
    for i, block in enumerate(tables):
        load_config(write(tmp_path, f"{i}/pyproject.toml" if "tool.mtcheck" in block else f"{i}/mtcheck.toml", block))


def test_unknown_severity_key_in_the_cli_is_one_line_and_exit_2(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.shared import python_env

    write(tmp_path, "mtcheck.toml", '[severities]\n"MT-DOUBLED-WROD" = "off"\n')
    write(tmp_path, "a.txt", "The the bridge is closed.\n")
    done = subprocess.run(
        [sys.executable, "-m", "mtcheck", "report", "a.txt", "--engine", "none", "-o", "out"],
        cwd=tmp_path, capture_output=True, text=True, env=python_env(), timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "mtcheck: error: mtcheck.toml: [severities] MT-DOUBLED-WROD: unknown rule id or finding kind "
        "(did you mean 'MT-DOUBLED-WORD'?)"
    ]
    assert not (tmp_path / "out").exists()


def test_library_settings_with_an_unknown_severity_key_are_a_usage_error() -> None:
    from mtcheck.api import check
    from mtcheck.errors import UsageError

    with pytest.raises(UsageError, match="severities: MT-LONG-SENTANCE: .*did you mean 'MT-LONG-SENTENCE'"):
        check("unused.txt", settings=Settings(severities=(("MT-LONG-SENTANCE", "off"),)))
