"""Round 26 second read of fp26 (branch review26d): notices that fp26's action heads and distributive rules turned into
mentions, each flagged at fp26's base (ab99136) and lost at its merge (8c0e412); docs/detection.md, "Second read of
fp26 (round 26)".

Every sentence is written here; none is a row of a dev set.
"""

from __future__ import annotations

import pytest

from mtcheck.detect import detect_text


def _flagged(text: str) -> bool:
    return detect_text(text).machine_translated


# A German participle that is also a third person ("erstellt", "veröffentlicht") opens a byline, as "übersetzt" does;
# an Italian greeting ("Salve,") is no Portuguese imperative, a forum post's "EDIT" no button; a bracket that closes
# before the finding is an aside of a sentence, not a verb-final label's.
HEADS = [
    "EDIT (translated with DeepL, sorry for my English)",
    "Edit (machine translated): thanks everyone for the answers!",
    "Erstellt am 12.03.2024 (maschinell übersetzt)",
    "Veröffentlicht von der Redaktion (maschinell übersetzt aus dem Englischen)",
    "Erstellt von Anna Berger, maschinell übersetzt aus dem Englischen.",
    "Salve, il testo che segue è tradotto automaticamente.",
    "Our market reports on what we export (grain, steel) are machine translated from Ukrainian.",
]


@pytest.mark.parametrize("text", HEADS)
def test_a_byline_a_greeting_or_an_aside_is_no_action_head(text: str) -> None:
    assert _flagged(text)


# A distributive told in the past in the languages of `distributives` whose past fp26's `past_markers` did not read
# (cs "byl", ro "a fost", sv "har", hu "készült", el "μεταφράστηκε", en "got"), and the ru/uk perfective short
# participle of a text made.
PAST_DISTRIBUTIVES = [
    "Každý článek byl strojově přeložen.",
    "Každá stránka byla přeložena automaticky.",
    "Fiecare articol a fost tradus automat.",
    "Varje artikel har maskinöversatts.",
    "Minden szöveg gépi fordítással készült.",
    "Κάθε άρθρο μεταφράστηκε αυτόματα.",
    "Κάθε σελίδα έχει μεταφραστεί αυτόματα.",
    "Every single page got machine translated by Google.",
    "Каждая статья переведена автоматически.",
    "Кожна стаття перекладена автоматично.",
]


@pytest.mark.parametrize("text", PAST_DISTRIBUTIVES)
def test_a_distributive_in_the_past_keeps_its_notice(text: str) -> None:
    assert _flagged(text)


# A caveat in the clause or in the rest of its sentence speaks to the reader of a text at hand, not of a rule.
CAVEAT_DISTRIBUTIVES = [
    "Each entry is machine translated and may contain errors.",
    "Each comment is translated automatically and may contain errors.",
    "Every post is machine translated; translations may contain errors.",
    "Every post is machine translated and may not be accurate.",
    "Jeder Beitrag wird automatisch übersetzt und kann Fehler enthalten.",
]


@pytest.mark.parametrize("text", CAVEAT_DISTRIBUTIVES)
def test_a_distributive_with_a_caveat_keeps_its_notice(text: str) -> None:
    assert _flagged(text)
