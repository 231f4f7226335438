"""Language identification with langdetect: seeded, bounded in cost, never raising on odd text."""

from __future__ import annotations

import re
from collections.abc import Sequence

# Longer texts are cut: langdetect's cost grows with length and a few thousand characters decide it.
MAX_DOCUMENT_CHARS = 2000
MAX_PARAGRAPH_CHARS = 250
MIN_PARAGRAPH_CHARS = 40
MAX_PARAGRAPHS = 8
# langdetect averages 7 random trials per call; paragraphs are short and many, 3 trials keep them cheap.
PARAGRAPH_TRIALS = 3
_LETTERS = re.compile(r"[^\W\d_]")
_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|`[^`]*`|<[^>]{0,300}>")
# langdetect's codes for Chinese, spelled as BCP 47 script subtags.
_CODES = {"zh-cn": "zh", "zh-tw": "zh-Hant"}

_seeded = False


def _factory() -> None:
    global _seeded
    if not _seeded:
        from langdetect import DetectorFactory

        DetectorFactory.seed = 0  # deterministic results run after run
        _seeded = True


def _clean(text: str, limit: int) -> str:
    return _NOISE.sub(" ", text[: limit * 2])[:limit]


def detect_language_probabilities(
    text: str, *, limit: int = MAX_DOCUMENT_CHARS, trials: int | None = None
) -> list[tuple[str, float]]:
    """Candidate languages with probabilities, best first; empty for text without letters."""
    sample = _clean(text, limit)
    if len(_LETTERS.findall(sample)) < 3:
        return []
    _factory()
    from langdetect import detector_factory
    from langdetect.lang_detect_exception import LangDetectException

    try:
        detector_factory.init_factory()
        detector = detector_factory._factory.create()  # what detect_langs() does, with a trial count
        if trials is not None:
            detector.n_trial = trials
        detector.append(sample)
        found = detector.get_probabilities()
    except LangDetectException:
        return []
    return [(_CODES.get(c.lang, c.lang), float(c.prob)) for c in found]


def detect_language(text: str, *, limit: int = MAX_DOCUMENT_CHARS) -> str | None:
    """The language code of `text` (e.g. "en", "zh", "zh-Hant"), or None when it cannot be told."""
    found = detect_language_probabilities(text, limit=limit)
    return found[0][0] if found else None


def split_paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """Paragraph spans separated by blank lines (for texts that come without paragraph offsets)."""
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"\S(?:.*?\S)?(?=[ \t]*\n[ \t]*\n|\s*\Z)", text, re.DOTALL):
        spans.append((m.start(), m.end()))
    return tuple(spans)


def paragraph_languages(
    text: str,
    paragraphs: Sequence[tuple[int, int]] | None = None,
    *,
    min_chars: int = MIN_PARAGRAPH_CHARS,
    max_paragraphs: int = MAX_PARAGRAPHS,
    min_probability: float = 0.8,
) -> tuple[tuple[int, int, str], ...]:
    """(start, end, language) for paragraphs long enough to tell, at most `max_paragraphs` of them."""
    spans = list(paragraphs) if paragraphs else list(split_paragraphs(text))
    candidates = [(s, e) for s, e in spans if len(_LETTERS.findall(text[s:e])) >= min_chars]
    if len(candidates) > max_paragraphs:
        # Spread the sample over the whole document: untranslated bits hide anywhere.
        step = len(candidates) / max_paragraphs
        candidates = [candidates[int(i * step)] for i in range(max_paragraphs)]
    out: list[tuple[int, int, str]] = []
    for start, end in candidates:
        found = detect_language_probabilities(text[start:end], limit=MAX_PARAGRAPH_CHARS, trials=PARAGRAPH_TRIALS)
        if found and found[0][1] >= min_probability:
            out.append((start, end, found[0][0]))
    return tuple(out)


def main_language(paragraphs: Sequence[tuple[int, int, str]]) -> str | None:
    """The language most of the text is in, by characters, from per-paragraph results."""
    sizes: dict[str, int] = {}
    for start, end, lang in paragraphs:
        sizes[lang] = sizes.get(lang, 0) + end - start
    return max(sizes, key=lambda lang: sizes[lang]) if sizes else None
