"""Bilingual mode: compare a published translation with its original, sentence by sentence."""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from typing import Any

from mtcheck.checks.ruleset import function_words
from mtcheck.checks.terms import contraction
from mtcheck.engines.base import Engine
from mtcheck.read.document import Document
from mtcheck.results import AlignedPair, BilingualResult, Finding, SentenceResult

# The findings made here (listed in mtcheck.checks.catalog, which validates severity overrides).
FINDING_KIND = "bilingual"
FINDING_RULES = (
    "MT-BILINGUAL-OMISSION",
    "MT-BILINGUAL-ADDITION",
    "MT-BILINGUAL-LOW-AGREEMENT",
    "MT-BILINGUAL-LENGTH-RATIO",
    "MT-BILINGUAL-NUMBER-MISMATCH",
    "MT-BILINGUAL-NAME-MISMATCH",
)

# Moves of the sentence aligner: (original sentences, translation sentences) taken at once.
MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))
SKIP_COST = 0.3  # an unaligned sentence costs as much as a pair this dissimilar (1 - chrF/100)
MERGE_PENALTY = 0.1
BAND = 12  # how far from the diagonal the aligner looks, in sentences
LENGTH_OUTLIER = 2.0  # a pair whose length ratio is this far from the document's median is suspicious
LOW_AGREEMENT = 30.0  # chrF both ways under this: the translation says something else
NUMBER = re.compile(r"\d+(?:[.,\u00a0 ]\d{3})*(?:[.,]\d+)?")
# A sentence of a merged pair whose machine translation is this little covered by the published text
# (chrF, and under half of its partner's coverage) was dropped, not merged.
UNCOVERED = 20.0
# An addition next to an omission at least this similar (chrF both ways) is a loose translation of it.
REPAIR_SIMILARITY = 20.0
CAPITALISED = re.compile(r"(?<![\w-])[A-Z][\w'’-]*[a-z][\w'’-]*")


def _chrf(hypothesis: str, reference: str) -> float:
    from mtcheck.checks.scoring import score_sentence

    return score_sentence(reference, hypothesis).chrf


def align(
    originals: Sequence[str], mt: Sequence[str], translations: Sequence[str], back: Sequence[str] | None = None
) -> list[AlignedPair]:
    """Dynamic-programming sentence alignment scored by chrF of MT(original) against the translation.

    Only cells near the diagonal are explored, so long documents stay linear in time.
    """
    n, m = len(originals), len(translations)
    band = BAND + abs(n - m)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    came_by: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if cost[i][j] == inf or abs(j - i * m / max(1, n)) > band:
                continue
            for di, dj in MOVES:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                if di == 0 or dj == 0:
                    step = SKIP_COST
                else:
                    hyp = " ".join(mt[i:ni])
                    ref = " ".join(translations[j:nj])
                    # chrF favours recall; the smaller of both directions also punishes surplus text.
                    similarity = min(_chrf(hyp, ref), _chrf(ref, hyp))
                    step = 1 - similarity / 100 + (MERGE_PENALTY if di + dj > 2 else 0.0)
                if cost[i][j] + step < cost[ni][nj]:
                    cost[ni][nj] = cost[i][j] + step
                    came_by[ni][nj] = (di, dj)
    pairs: list[AlignedPair] = []
    i, j = n, m
    while i > 0 or j > 0:
        move = came_by[i][j]
        assert move is not None  # every cell on the path was reached
        di, dj = move
        src, tgt = tuple(range(i - di, i)), tuple(range(j - dj, j))
        forward = " ".join(mt[i - di : i])
        similarity = _chrf(forward, " ".join(translations[j - dj : j])) if di and dj else 0.0
        back_similarity = 0.0
        if back is not None and di and dj:
            back_similarity = _chrf(" ".join(back[j - dj : j]), " ".join(originals[i - di : i]))
        pairs.append(AlignedPair(src, tgt, forward, similarity, back_similarity))
        i, j = i - di, j - dj
    return pairs[::-1]


def compare(
    source: Document,
    source_language: str,
    source_spans: Sequence[tuple[int, int]],
    sentences: Sequence[SentenceResult],
    language: str,
    engine: Engine,
    notices: Sequence[tuple[int, int]] = (),
) -> tuple[BilingualResult, list[Finding]]:
    """Align the original with the translation and flag omissions, additions, numbers and names.

    The original is machine translated into the translation's language, and the translation back into the
    original's (reusing the round trip's pivot text when the pivot is the original's language).
    """
    originals = [source.text[s:e] for s, e in source_spans]
    translations = [s.text for s in sentences]
    mt = engine.translate(originals, source_language, language) if originals else []
    reuse = sentences and all(s.primary is not None and s.primary.pivot_language == source_language for s in sentences)
    if reuse:
        back = [s.primary.pivot for s in sentences if s.primary is not None]
    else:
        back = engine.translate(translations, language, source_language) if translations else []
    notice = _notice_sentences(sentences, notices)
    pairs = repair(align(originals, mt, translations, back), originals, mt, translations, back)
    findings: list[Finding] = []
    ratios = [
        sum(len(translations[j]) for j in p.target) / max(1, sum(len(originals[i]) for i in p.source))
        for p in pairs
        if p.source and p.target
    ]
    median = statistics.median(ratios) if ratios else 1.0
    stop = function_words(source_language)
    for pair in pairs:
        if not pair.target:
            text = " ".join(originals[i] for i in pair.source)
            findings.append(
                Finding(
                    kind="bilingual",
                    rule="MT-BILINGUAL-OMISSION",
                    severity="error",
                    message=f"the original sentence is missing from the translation: {_short(text)!r}",
                    details={"original": text, "machine_translation": pair.forward},
                )
            )
            continue
        first, last = sentences[pair.target[0]], sentences[pair.target[-1]]
        span: dict[str, Any] = {"start": first.start, "end": last.end, "sentence": first.index}
        published = " ".join(translations[j] for j in pair.target)
        if not pair.source and all(j in notice for j in pair.target):
            continue  # the translation notice has no counterpart in the original, by nature
        if not pair.source:
            findings.append(
                Finding(
                    kind="bilingual",
                    rule="MT-BILINGUAL-ADDITION",
                    severity="warning",
                    message="this sentence has no counterpart in the original",
                    text=published,
                    **span,
                )
            )
            continue
        original = " ".join(originals[i] for i in pair.source)
        details = {
            "original": original,
            "machine_translation": pair.forward,
            "similarity": pair.similarity,
            "back_similarity": pair.back_similarity,
        }
        if pair.similarity < LOW_AGREEMENT and pair.back_similarity < LOW_AGREEMENT:
            findings.append(
                Finding(
                    kind="bilingual",
                    rule="MT-BILINGUAL-LOW-AGREEMENT",
                    severity="warning",
                    message=f"the translation and the original disagree (chrF {pair.similarity:.0f} forward, "
                    f"{pair.back_similarity:.0f} back)",
                    text=published,
                    details=details,
                    **span,
                )
            )
        ratio = len(published) / max(1, len(original))
        if ratio > median * LENGTH_OUTLIER or ratio < median / LENGTH_OUTLIER:
            findings.append(
                Finding(
                    kind="bilingual",
                    rule="MT-BILINGUAL-LENGTH-RATIO",
                    severity="warning",
                    message=f"length ratio {ratio:.2f} is far from this document's usual {median:.2f}: "
                    "something may have been added or left out",
                    text=published,
                    details=details,
                    **span,
                )
            )
        lost_numbers, added_numbers = number_changes(original, source_language, published, language)
        if lost_numbers or added_numbers:
            where = _number_sentence(pair, lost_numbers, added_numbers, mt, translations, sentences, language)
            findings.append(
                Finding(
                    kind="bilingual",
                    rule="MT-BILINGUAL-NUMBER-MISMATCH",
                    severity="error",
                    message="numbers differ from the original: "
                    + ", ".join([f"missing {n}" for n in lost_numbers] + [f"extra {n}" for n in added_numbers]),
                    text=sentences[where].text if where is not None else published,
                    details={**details, "missing": lost_numbers, "extra": added_numbers},
                    **(
                        {"start": sentences[where].start, "end": sentences[where].end, "sentence": where}
                        if where is not None
                        else span
                    ),
                )
            )
        # A name is a capitalised word the machine translation kept verbatim; the published text should too.
        names = {
            w
            for w in CAPITALISED.findall(original)
            if w in pair.forward and not original.startswith(w) and not contraction(w, stop)
        }
        missing = sorted(n for n in names if n not in published)
        if missing:
            findings.append(
                Finding(
                    kind="bilingual",
                    rule="MT-BILINGUAL-NAME-MISMATCH",
                    severity="warning",
                    message="names of the original missing from the translation: " + ", ".join(missing),
                    text=published,
                    details={**details, "missing": missing},
                    **span,
                )
            )
    result = BilingualResult(source.path, source_language, tuple(originals), tuple(pairs))
    return result, findings


def _numbers(text: str) -> list[str]:
    """Numbers with their separators removed (a coarse key; comparisons use number_changes)."""
    return [re.sub(r"\D", "", n) for n in NUMBER.findall(text)]


def number_changes(original: str, original_language: str, published: str, language: str) -> tuple[list[str], list[str]]:
    """(numbers of the original missing from the translation, numbers the translation adds), each read as its
    language writes numbers: 14,5 (es) is 14.5, not 145; 1.200 (es) is 1,200 (en), not 12.00."""
    from mtcheck.checks.numbers import compare as compare_numbers

    missing, extra = compare_numbers(original, original_language, published, language)
    return [n.text for n in missing], [n.text for n in extra]


def _number_sentence(
    pair: AlignedPair,
    missing: list[str],
    extra: list[str],
    mt: Sequence[str],
    translations: Sequence[str],
    sentences: Sequence[SentenceResult],
    language: str,
) -> int | None:
    """The translation sentence a number change belongs to: the one holding an extra number, else the one
    closest to the machine translation's words around the missing number (None: the pair's first)."""
    if len(pair.target) == 1:
        return sentences[pair.target[0]].index
    for j in pair.target:
        if any(n in translations[j] for n in extra):
            return sentences[j].index
    forward = " ".join(mt[i] for i in pair.source)
    from mtcheck.checks.numbers import extract

    values = {v for n in missing for v in _values(n)}
    around = [forward[max(0, n.start - 40) : n.end + 40] for n in extract(forward, language) if n.values & values] or [
        forward
    ]
    best = max(pair.target, key=lambda j: max(_chrf(translations[j], context) for context in around))
    return sentences[best].index


def _values(text: str) -> frozenset[float]:
    from mtcheck.checks.numbers import extract

    found = extract(text, "en")
    return found[0].values if found else frozenset()


def _notice_sentences(sentences: Sequence[SentenceResult], notices: Sequence[tuple[int, int]]) -> set[int]:
    """Positions of the translation's sentences that are mostly the translation notice."""
    found = set()
    for position, s in enumerate(sentences):
        covered = sum(max(0, min(s.end, end) - max(s.start, start)) for start, end in notices)
        if notices and covered * 2 >= max(1, s.end - s.start):
            found.add(position)
    return found


def _pair(
    source: tuple[int, ...],
    target: tuple[int, ...],
    originals: Sequence[str],
    mt: Sequence[str],
    translations: Sequence[str],
    back: Sequence[str] | None,
) -> AlignedPair:
    forward = " ".join(mt[i] for i in source)
    published = " ".join(translations[j] for j in target)
    similarity = _chrf(forward, published) if source and target else 0.0
    back_similarity = 0.0
    if back is not None and source and target:
        back_similarity = _chrf(" ".join(back[j] for j in target), " ".join(originals[i] for i in source))
    return AlignedPair(source, target, forward, similarity, back_similarity)


def repair(
    pairs: list[AlignedPair],
    originals: Sequence[str],
    mt: Sequence[str],
    translations: Sequence[str],
    back: Sequence[str] | None = None,
) -> list[AlignedPair]:
    """Undo what the aligner's merges hide: a dropped sentence absorbed into a 2:1 (or 1:2) pair becomes an
    omission (or addition) again, and an addition beside an omission that it loosely translates becomes
    their 1:1 pair, so that the numbers and names of that original are compared with the right sentence."""
    split: list[AlignedPair] = []
    for pair in pairs:
        if len(pair.source) > 1 and len(pair.target) == 1:
            published = translations[pair.target[0]]
            cover = {i: _chrf(published, mt[i]) for i in pair.source}
            best = max(cover.values())
            kept = tuple(i for i in pair.source if not (cover[i] < UNCOVERED and cover[i] < best / 2))
            if kept and len(kept) < len(pair.source):
                for i in pair.source:
                    if i not in kept:
                        split.append(_pair((i,), (), originals, mt, translations, back))
                    elif i == kept[0]:
                        split.append(_pair(kept, pair.target, originals, mt, translations, back))
                continue
        if len(pair.target) > 1 and len(pair.source) == 1:
            forward = mt[pair.source[0]]
            cover = {j: _chrf(forward, translations[j]) for j in pair.target}
            best = max(cover.values())
            kept = tuple(j for j in pair.target if not (cover[j] < UNCOVERED and cover[j] < best / 2))
            if kept and len(kept) < len(pair.target):
                for j in pair.target:
                    if j not in kept:
                        split.append(_pair((), (j,), originals, mt, translations, back))
                    elif j == kept[0]:
                        split.append(_pair(pair.source, kept, originals, mt, translations, back))
                continue
        split.append(pair)
    repaired: list[AlignedPair] = []
    for pair in split:
        last = repaired[-1] if repaired else None
        if last is not None and _loose_match(last, pair, mt, translations):
            source, target = last.source or pair.source, last.target or pair.target
            repaired[-1] = _pair(source, target, originals, mt, translations, back)
            continue
        repaired.append(pair)
    return repaired


def _loose_match(a: AlignedPair, b: AlignedPair, mt: Sequence[str], translations: Sequence[str]) -> bool:
    """An omission next to an addition (either order) whose texts are still alike."""
    if a.source and not a.target and b.target and not b.source:
        i, j = a.source, b.target
    elif a.target and not a.source and b.source and not b.target:
        i, j = b.source, a.target
    else:
        return False
    forward = " ".join(mt[k] for k in i)
    published = " ".join(translations[k] for k in j)
    return min(_chrf(forward, published), _chrf(published, forward)) >= REPAIR_SIMILARITY


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
