"""The check protocol and registry: one module per kind of finding."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from mtcheck.config import Settings
from mtcheck.errors import UsageError
from mtcheck.results import Finding, SentenceResult

# name -> "module:Class"; add a check by adding a module and a line here.
CHECKS: dict[str, str] = {
    "awkward_phrasing": "mtcheck.checks.awkward:AwkwardPhrasing",
    "terminology_drift": "mtcheck.checks.terminology:TerminologyDrift",
    "rules": "mtcheck.checks.rules:LanguageRules",
    "glossary": "mtcheck.checks.glossary:GlossaryCheck",
    "improbable_tokens": "mtcheck.checks.improbable:ImprobableTokens",
}


@dataclass(frozen=True)
class CheckContext:
    """What a check may look at. Sentences carry their round trips (empty pivots without an engine)."""

    text: str  # the normalised document text all offsets index into
    language: str
    sentences: tuple[SentenceResult, ...]
    settings: Settings
    extras: Mapping[str, Any] = field(default_factory=dict)  # e.g. glossary, source document


class Check:
    """A named producer of findings. Subclasses set name and implement run()."""

    name: ClassVar[str] = ""
    kind: ClassVar[str] = ""  # the kind of its findings
    rule_ids: ClassVar[tuple[str, ...]] = ()  # every rule id its findings may carry
    needs_roundtrip: ClassVar[bool] = True

    @classmethod
    def known_rules(cls) -> tuple[str, ...]:
        """Every rule id this check may report (a data-driven check reads its data)."""
        return cls.rule_ids

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        raise NotImplementedError


def validate_checks(names: Iterable[str] | None) -> None:
    """A UsageError naming the choices when a name is not a registered check."""
    for name in names or ():
        if name not in CHECKS:
            known = ", ".join(sorted(CHECKS))
            raise UsageError(f"unknown check {name!r}; choose from: {known}", setting="checks")


def load_checks(names: Iterable[str] | None = None) -> list[Check]:
    """Instantiate the named checks (all registered ones when names is None)."""
    chosen = list(CHECKS) if names is None else list(names)
    validate_checks(chosen)
    checks: list[Check] = []
    for name in chosen:
        module_name, _, class_name = CHECKS[name].partition(":")
        checks.append(getattr(importlib.import_module(module_name), class_name)())
    return checks
