"""A sentence's risk: how many problems an editor should expect in it, from its length and its findings.

risk = words / WORDS_PER_PROBLEM + number of findings (any severity). On the MQM dev split (zh->en,
apertium round trips) the segment sum ranks segments by MQM better than length alone: Kendall tau
0.326 vs 0.286 on news, 0.186 vs 0.176 on TED (docs/findings.md, Risk score). Neither round-trip
chrF nor its distance from the document's median added to it there.

A sentence score only: summed over a document it ranks MT systems backwards (a complete translation is
longer and keeps more names, so it gets more findings), and no document score built from findings ranked
them right (docs/quality.md, "System level: why the ranking is backwards").
"""

from __future__ import annotations

import re
from dataclasses import replace

from mtcheck.results import SentenceResult

WORDS_PER_PROBLEM = 10.0
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def sentence_risk(sentence: SentenceResult) -> float:
    """Expected problems in one sentence: one per WORDS_PER_PROBLEM words plus one per finding."""
    words = len(_WORD.findall(sentence.text))
    return round(words / WORDS_PER_PROBLEM + len(sentence.findings), 2)


def with_risk(sentences: tuple[SentenceResult, ...]) -> tuple[SentenceResult, ...]:
    """The sentences with their risk set."""
    return tuple(replace(s, risk=sentence_risk(s)) for s in sentences)
