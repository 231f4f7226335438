"""Issue 12, generalisation: a concept reading that points at this text overrules a phrase-rule mention.

The gate-lift analysis of the blind misses of the real sets 4-6 (docs/detection.md, "Why the fixes did not
carry over") found the phrase rules' mention verdict to be the gate that kept most notices out on their own.
A clause whose concept reading is a notice and names this text with a deictic word ("this", "diese", "эта",
"above") outside any quotation is now flagged even where the phrase rules call it a mention; a quoted
notice, a clause without deixis and a negated one are not. All sentences here were written for this test.
"""

from __future__ import annotations

import pytest

from mtcheck.detect import concepts, detect_text

# Notices that name this text with a deictic word, but whose "into N languages" reads to the phrase rules as a
# feature description (a mention), one per language.
DEICTIC_NOTICES = [
    "This manual was machine translated into 30 languages.",
    "Questa pagina è stata tradotta automaticamente in 12 lingue.",
    "Эта страница переведена автоматически на 12 языков.",
    "Esta guía fue traducida automáticamente a 12 idiomas.",
    "Cette notice a été traduite automatiquement en 12 langues.",
]

NOT_NOTICES = [
    # the same words quoted as an example inside a sentence about a plugin
    'The plugin shows a banner saying "This page was machine translated into 12 languages" on every page.',
    "Notre extension affiche « Cette page a été traduite automatiquement en 12 langues » sur chaque page.",
    # no deixis: a generic statement about a site's articles
    "Articles are machine translated into 12 languages.",
    # negated
    "This page was not machine translated into 12 languages.",
]


@pytest.mark.parametrize("text", DEICTIC_NOTICES)
def test_deictic_notice_is_flagged_over_a_mention_reading(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    detection = detect_text(text)
    assert detection.machine_translated, detection.evidence
    assert any(e.kind == "disclaimer" and e.start == 0 for e in detection.evidence)
    # the rule is what flags it: without it the phrase rules' mention reading keeps the clause out
    monkeypatch.setattr(concepts, "speaks_here", lambda fragment: False)
    assert not detect_text(text).machine_translated


@pytest.mark.parametrize("text", DEICTIC_NOTICES)
def test_deictic_notice_is_flagged_in_every_placement(text: str) -> None:
    body = "The museum opens at nine. Tickets are sold at the door and online.\n\n" * 6
    assert detect_text(f"{text}\n\n{body}").machine_translated
    assert detect_text(f"{body}\n\n{text}").machine_translated


@pytest.mark.parametrize("text", NOT_NOTICES)
def test_quoted_generic_or_negated_clause_is_not_flagged(text: str) -> None:
    assert not detect_text(text).machine_translated


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("This manual was machine translated into 30 languages.", True),
        ('A banner reads "This manual was machine translated into 30 languages."', False),  # quoted
        ("Manuals are machine translated into 30 languages.", False),  # no deixis
        ("This manual was not machine translated.", False),  # negated: the reading scores 0
        ("This manual was written by our staff.", False),  # no translate word: no reading at all
    ],
)
def test_speaks_here(fragment: str, expected: bool) -> None:
    assert concepts.speaks_here(fragment) is expected
