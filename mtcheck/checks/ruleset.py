"""Loading the data-driven rules (data/rules/*.toml) and the function-word lists."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from mtcheck.results import SEVERITIES

KINDS = (
    "pattern",
    "doubled_word",
    "unbalanced_quotes",
    "unbalanced_brackets",
    "lowercase_start",
    "long_sentence",
    "leftover_words",
    "dangling_word",
    "foreign_script",
    "repetition",
    "name_variants",
    "midsentence_capital",
)
_REQUIRED = ("id", "kind", "severity", "message", "doc", "example", "ok")


@dataclass(frozen=True)
class Rule:
    """One rule as the data file defines it."""

    id: str
    kind: str
    severity: str
    message: str
    doc: str
    example: str  # text the rule must flag
    ok: str  # similar text the rule must not flag
    language: str  # "common" or a language code
    pattern: re.Pattern[str] | None = None
    suggestion: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RuleSet:
    """The rules that apply to one document language, with that language's parameters."""

    language: str
    rules: tuple[Rule, ...]
    params: Mapping[str, Any]

    def param(self, name: str) -> list[str]:
        """A list parameter from the language file ([] when absent)."""
        return list(self.params.get(name, []))


def _data(*parts: str) -> Any:
    return resources.files("mtcheck.checks").joinpath("data", *parts)


def _parse_rule(raw: Mapping[str, Any], language: str, origin: str) -> Rule:
    missing = [key for key in _REQUIRED if key not in raw]
    if missing:
        raise ValueError(f"{origin}: rule {raw.get('id', '?')} lacks {', '.join(missing)}")
    if raw["kind"] not in KINDS:
        raise ValueError(f"{origin}: rule {raw['id']} has unknown kind {raw['kind']!r}")
    if raw["severity"] not in SEVERITIES:
        raise ValueError(f"{origin}: rule {raw['id']} has unknown severity {raw['severity']!r}")
    pattern = None
    if raw["kind"] == "pattern":
        flags = 0 if raw.get("case_sensitive") else re.IGNORECASE
        pattern = re.compile(raw["pattern"], flags)
    known = set(_REQUIRED) | {"pattern", "suggestion", "case_sensitive"}
    return Rule(
        id=raw["id"],
        kind=raw["kind"],
        severity=raw["severity"],
        message=raw["message"],
        doc=raw["doc"],
        example=raw["example"],
        ok=raw["ok"],
        language=language,
        pattern=pattern,
        suggestion=raw.get("suggestion"),
        options={k: v for k, v in raw.items() if k not in known},
    )


def _load_file(name: str) -> dict[str, Any]:
    path = _data("rules", f"{name}.toml")
    if not path.is_file():
        return {}
    return tomllib.loads(path.read_text(encoding="utf-8"))


def rule_languages() -> list[str]:
    """Languages with their own rule file."""
    names = [p.name[:-5] for p in _data("rules").iterdir() if p.name.endswith(".toml")]
    return sorted(n for n in names if n != "common")


@cache
def load_rules(language: str) -> RuleSet:
    """The common rules plus the rules of the language file (if there is one)."""
    common = _load_file("common")
    own = _load_file(language) if language.isalpha() else {}
    rules = [_parse_rule(r, "common", "common.toml") for r in common.get("rule", [])]
    rules += [_parse_rule(r, language, f"{language}.toml") for r in own.get("rule", [])]
    return RuleSet(language, tuple(rules), dict(own.get("params", {})))


@cache
def function_words(language: str) -> frozenset[str]:
    """The language's function words (empty for a language without a list)."""
    path = _data("function_words", f"{language}.txt")
    if not language.isalpha() or not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
