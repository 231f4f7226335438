"""terminology_drift: terms that did not survive the round trip, or were rendered inconsistently."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from mtcheck.checks.base import Check, CheckContext
from mtcheck.checks.emit import downgrade, make, upgrade
from mtcheck.checks.term_tracking import NUMERIC, Fate, Occurrence, clusters, occurrences, similarity, term_table
from mtcheck.results import Finding, Severity, severity_rank

__all__ = ["TerminologyDrift", "term_table"]

LOST_RULE = "MT-TERM-LOST"
CHANGED_RULE = "MT-TERM-CHANGED"
INCONSISTENT_RULE = "MT-TERM-INCONSISTENT"
# What the editor should do, by term kind.
WHAT_TO_CHECK = {
    "name": "check this name",
    "acronym": "check this acronym",
    "number": "check this number",
    "date": "check this date",
    "quote": "check the quoted words",
    "compound": "check this term",
}
# A changed name at least this similar to the original is a spelling variant (info), not a new word.
VARIANT = 0.75


def fate_severity(occ: Occurrence, fate: Fate) -> Severity:
    """lost: warning; a changed number or date: warning; a changed name close to the original: info."""
    if fate.status == "lost" or occ.term.kind in NUMERIC:
        return "warning"
    if occ.term.kind == "quote" or similarity(occ.term.text, fate.became, at_least=VARIANT) >= VARIANT:
        return "info"
    return "warning"


def _drift(ctx: CheckContext, occ: Occurrence) -> Finding | None:
    drifted = [f for f in occ.fates if f.status != "kept"]
    if not drifted:
        return None
    n_pivots = len({f.pivot for f in occ.fates})
    worst = max((fate_severity(occ, f) for f in drifted), key=severity_rank)
    if n_pivots > 1:
        worst = downgrade(worst) if len(drifted) == 1 else upgrade(worst)
    primary = next((f for f in drifted if f.status == "lost"), drifted[0])
    term = occ.term.text
    parts = [f"lost via {f.pivot}" if f.status == "lost" else f"'{f.became}' via {f.pivot}" for f in drifted]
    verb = "was lost in" if all(f.status == "lost" for f in drifted) else "did not survive"
    what = WHAT_TO_CHECK.get(occ.term.kind, "check this term")
    message = f"{occ.term.kind.capitalize()} '{term}' {verb} the round trip: {'; '.join(parts)}; {what}"
    return make(
        ctx,
        kind="terminology_drift",
        rule=LOST_RULE if primary.status == "lost" else CHANGED_RULE,
        severity=worst,
        message=message,
        start=occ.term.start,
        end=occ.term.end,
        sentence=occ.sentence.index,
        details={
            "term": term,
            "term_kind": occ.term.kind,
            "status": primary.status,
            "became": primary.became,
            "pivot": primary.pivot,
            "pivots": [f.pivot for f in drifted],
            "agreement": len(drifted),
            "of_pivots": n_pivots,
            "statuses": {f.pivot: f.status for f in occ.fates},
            "renderings": {f.pivot: f.became for f in occ.fates},
        },
    )


def _inconsistent(ctx: CheckContext, occs: list[Occurrence]) -> list[Finding]:
    """Occurrences of one term whose rendering differs from the one most sentences use."""
    found: list[Finding] = []
    pivots = sorted({f.pivot for o in occs for f in o.fates})
    for pivot in pivots:
        for layer in ("pivot", "roundtrip"):
            seen: list[tuple[Occurrence, str]] = []
            for occ in occs:
                fate = next((f for f in occ.fates if f.pivot == pivot), None)
                if fate is None:
                    continue
                text = fate.pivot_rendering if layer == "pivot" else fate.became
                if text and (layer == "pivot" or fate.status == "changed"):
                    seen.append((occ, text))
            groups = clusters([text for _, text in seen])
            if len(groups) < 2:
                continue
            major = max(groups, key=len)
            counts = {g[0]: len(g) for g in groups}
            for occ, text in seen:
                if text in major:
                    continue
                where = "pivot text" if layer == "pivot" else "round trip"
                finding = make(
                    ctx,
                    kind="terminology_drift",
                    rule=INCONSISTENT_RULE,
                    severity="info",
                    message=(
                        f"'{occ.term.text}' is rendered '{text}' here but '{major[0]}' elsewhere in the "
                        f"{pivot} {where}: check that the same thing is meant"
                    ),
                    start=occ.term.start,
                    end=occ.term.end,
                    sentence=occ.sentence.index,
                    details={
                        "term": occ.term.text,
                        "term_kind": occ.term.kind,
                        "status": "inconsistent",
                        "became": text,
                        "pivot": pivot,
                        "layer": layer,
                        "renderings": counts,
                    },
                )
                if finding is not None:
                    found.append(finding)
    return found


class TerminologyDrift(Check):
    """Names, numbers, acronyms, dates, quoted phrases and compounds that drift in the round trip."""

    name = "terminology_drift"
    kind = "terminology_drift"
    rule_ids = (LOST_RULE, CHANGED_RULE, INCONSISTENT_RULE)
    needs_roundtrip = True

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        occs = occurrences(ctx)
        found = [f for occ in occs if (f := _drift(ctx, occ)) is not None]
        by_term: dict[str, list[Occurrence]] = defaultdict(list)
        for occ in occs:
            if occ.term.kind not in NUMERIC:
                by_term[occ.term.key].append(occ)
        for same in by_term.values():
            if len(same) > 1:
                found += _inconsistent(ctx, same)
        return sorted(found, key=lambda f: (f.start or 0, f.rule or ""))


term_table = term_table  # re-exported: the report's terminology table
