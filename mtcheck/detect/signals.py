"""Language signals: paragraphs left in another language than the document's."""

from __future__ import annotations

from collections import Counter

from mtcheck.detect.deferred import deferred
from mtcheck.results import Evidence, Position

FRAGMENT_WEIGHT = 0.1
MAX_FRAGMENTS = 5
# When this share of the paragraphs is in other languages the document is bilingual, not patchy.
BILINGUAL_SHARE = 0.4
_CODEISH = deferred(r"[{}();=<>$\\]|https?://")


def _codeish(text: str) -> bool:
    return len(_CODEISH.findall(text)) > max(3, len(text) // 40)


def _base(code: str | None) -> str:
    return (code or "").split("-")[0]


def fragments(
    text: str, paragraphs: tuple[tuple[int, int], ...], language: str | None
) -> tuple[list[Evidence], tuple[tuple[int, int, str], ...], str | None]:
    """Evidence for paragraphs in another language, each paragraph's language, the document's language.

    The document's language is the one given, else the majority of the paragraphs', else one
    langdetect call on the start of the text.
    """
    from mtcheck.read.language import detect_language, main_language, paragraph_languages

    langs = paragraph_languages(text, paragraphs or None)
    if language is None:
        language = main_language(langs) if len(langs) >= 2 else detect_language(text, limit=1000)
    if not language or not langs:
        return [], langs, language
    other = [(s, e, lang) for s, e, lang in langs if _base(lang) != _base(language)]
    other = [(s, e, lang) for s, e, lang in other if not _codeish(text[s:e])]
    if not other or len(other) / len(langs) >= BILINGUAL_SHARE and len(langs) > 1:
        return [], langs, language
    evidence = []
    for s, e, lang in other[:MAX_FRAGMENTS]:
        position: Position = "top" if s < len(text) * 0.15 else "bottom" if e > len(text) * 0.85 else "body"
        # The whole paragraph, exactly: text[start:end] == evidence.text, as for every span in mtcheck.
        evidence.append(Evidence("fragment", text[s:e], s, e, position, lang, FRAGMENT_WEIGHT))
    return evidence, langs, language


def fragment_language(evidence: list[Evidence]) -> str | None:
    """The language most fragments are in: a hint at the original's language."""
    counts = Counter(e.language for e in evidence if e.kind == "fragment" and e.language)
    return counts.most_common(1)[0][0] if counts else None
