"""Every finding kind and rule id mtcheck can report, read from the registries, to validate severity overrides."""

from __future__ import annotations

import difflib
import importlib
from functools import cache
from typing import Any

# Modules that make findings outside the registered checks; each names its FINDING_KIND and FINDING_RULES.
OTHER_SOURCES = ("mtcheck.checks.assemble", "mtcheck.checks.bilingual", "mtcheck.read.follow")


def _load(entry: str) -> Any:
    module_name, _, class_name = entry.partition(":")
    return getattr(importlib.import_module(module_name), class_name)


@cache
def finding_names() -> tuple[frozenset[str], frozenset[str]]:
    """(kinds, rule ids): what the article checks (CHECKS), the segment checks (SEGMENT_CHECKS) and
    OTHER_SOURCES can report. A severity override names one of them."""
    from mtcheck.checks.base import CHECKS
    from mtcheck.checks.segments.base import KIND, SEGMENT_CHECKS

    kinds, rules = {KIND}, set()
    for entry in CHECKS.values():
        check = _load(entry)
        kinds.add(check.kind)
        rules.update(check.known_rules())
    for entry in SEGMENT_CHECKS.values():
        rules.update(_load(entry).rule_ids)
    for name in OTHER_SOURCES:
        module = importlib.import_module(name)
        kinds.add(module.FINDING_KIND)
        rules.update(module.FINDING_RULES)
    return frozenset(kinds), frozenset(rules)


def unknown_name(name: str) -> str | None:
    """None for a known kind or rule id; else the one-line reason, with the closest known name if one is close."""
    kinds, rules = finding_names()
    if name in kinds or name in rules:
        return None
    known = sorted(kinds | rules)
    folded = {k.casefold(): k for k in known}
    close = difflib.get_close_matches(name.casefold(), list(folded), n=1, cutoff=0.75)
    hint = f"did you mean {folded[close[0]]!r}?" if close else "rule ids and kinds are listed in docs/findings.md"
    return f"unknown rule id or finding kind ({hint})"
