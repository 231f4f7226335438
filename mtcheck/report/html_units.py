"""The segments section of the HTML report for bilingual files: source beside target, with findings."""

from __future__ import annotations

from mtcheck.report.html_sentences import badge, finding_item, row_severity
from mtcheck.report.html_text import esc
from mtcheck.results import Report


def units_section(report: Report, anchors: dict[tuple[int | None, int], str]) -> str:
    """A table of every segment (unit id and line, source, target, findings); empty for articles."""
    result = report.units
    if result is None:
        return ""
    rows = []
    for unit in result.units:
        sentence = report.sentences[unit.index] if unit.index < len(report.sentences) else None
        findings = sentence.findings if sentence is not None else ()
        owner = sentence.index if sentence is not None else None
        sev = row_severity(findings)
        items = "".join(finding_item(f, anchors.get((owner, i))) for i, f in enumerate(findings))
        where = f'<span class="where">line {unit.location_line}</span>' if unit.location_line else ""
        state = f'<span class="state">{esc(unit.state)}</span>' if unit.state else ""
        skipped = '<span class="na">translate="no"</span>' if not unit.translate else ""
        notes = "".join(f'<p class="note">{esc(n)}</p>' for n in unit.notes)
        target = esc(unit.target) if unit.target is not None else '<span class="na">no target</span>'
        rows.append(
            f'<tr id="u-{unit.index}" class="row sev-{sev}"><th scope="row"><code>{esc(unit.id)}</code> {where} '
            f"{state} {skipped}</th>"
            f'<td lang="{esc(result.source_language)}">{esc(unit.source)}{notes}</td>'
            f'<td lang="{esc(result.target_language)}">{target}'
            f"{f'<ul class=findings>{items}</ul>' if items else ''}</td>"
            f'<td class="sev">{badge(sev) if sev != "none" else ""}'
            f' <a href="#s-{unit.index}" class="to-sentence">sentence {unit.index + 1}</a></td></tr>'
        )
    return (
        '<section id="units" aria-labelledby="h-units"><h2 id="h-units">Segments</h2>'
        f'<p class="hint">{esc(result.format)} file {esc(result.path)}: each segment\'s source '
        f"({esc(result.source_language)}) beside its target ({esc(result.target_language)}). Inline codes are "
        "shown as &lt;g1&gt; &lt;/g1&gt; &lt;x2/&gt;.</p>"
        '<div class="table-wrap"><table class="bilingual units"><thead><tr><th scope="col">Unit</th>'
        '<th scope="col">Source</th><th scope="col">Target and findings</th><th scope="col">Severity</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div></section>"
    )
