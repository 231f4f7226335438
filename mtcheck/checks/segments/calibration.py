"""Severities of the article checks on bilingual files, as measured (docs/quality-bilingual.md).

On segments (no engine, MQM zh->en), only checks whose warning+ findings overlap annotated errors at
least twice as often as randomly placed spans, over at least MIN_FINDINGS findings, stay warning+.
A user's own severity for a rule (config `severities`) always wins over this table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from mtcheck.results import SentenceResult, Severity

MIN_FINDINGS = 10
FILE_SEVERITIES: dict[str, Severity] = {
    "MT-DOUBLED-WORD": "info",  # 1.71x random, 17 findings
    "MT-UNBALANCED-BRACKETS": "info",  # 1.83x, 2 findings
    "MT-LOWERCASE-START": "info",  # 2.65x but 8 findings
}


def calibrate(sentences: tuple[SentenceResult, ...], user: Mapping[str, str]) -> tuple[SentenceResult, ...]:
    """Findings of the article checks with the file-mode severities, unless the user set the rule's own."""
    table = {rule: sev for rule, sev in FILE_SEVERITIES.items() if rule not in user}
    if not table:
        return sentences
    return tuple(
        replace(
            s,
            findings=tuple(
                replace(f, severity=table[f.rule_id]) if f.rule_id in table and f.kind != user.get(f.kind) else f
                for f in s.findings
            ),
        )
        if any(f.rule_id in table for f in s.findings)
        else s
        for s in sentences
    )
