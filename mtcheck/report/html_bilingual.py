"""The bilingual section of the HTML report: the original beside the published translation."""

from __future__ import annotations

from mtcheck.report.html_text import esc, safe_href
from mtcheck.results import Report


def bilingual_section(report: Report) -> str:
    """A table of aligned sentence pairs (omissions and additions marked); empty without --source."""
    result = report.bilingual
    if result is None:
        return ""
    sentences = report.sentences
    href, where = safe_href(result.source_path), esc(result.source_path)
    if href:  # an original fetched from the web (--follow-original): a link to it
        where = f'<a href="{href}" rel="noopener noreferrer">{where}</a>'
    rows = []
    for pair in result.pairs:
        original = " ".join(result.source_sentences[i] for i in pair.source)
        published = " ".join(
            f'<a href="#s-{j}">{j + 1}</a> {esc(sentences[j].text)}' for j in pair.target if j < len(sentences)
        )
        if not pair.target:
            status, css = "missing from the translation", "omitted"
        elif not pair.source:
            status, css = "not in the original", "added"
        else:
            status, css = f"{pair.similarity:.0f} / {pair.back_similarity:.0f}", ""
        rows.append(
            f'<tr class="{css}"><td lang="{esc(result.source_language)}">{esc(original) or "–"}</td>'
            f'<td>{published or "–"}</td><td class="num">{esc(status)}</td></tr>'
        )
    return (
        '<section id="bilingual" aria-labelledby="h-bi"><h2 id="h-bi">Original and translation</h2>'
        f'<p class="hint">The original ({where}, {esc(result.source_language)}) aligned with '
        "this translation. The last column gives chrF of the machine translation of the original against the "
        "published text, and of the back-translation against the original.</p>"
        '<div class="table-wrap"><table class="bilingual"><thead><tr><th scope="col">Original</th>'
        '<th scope="col">Translation</th><th scope="col" class="num">chrF fwd / back</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )
