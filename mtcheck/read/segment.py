"""Sentence segmentation with sentencex, as (start, end) offsets into the document text."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Sequence
from functools import cache
from importlib import resources

from mtcheck import config

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_LANGUAGE = re.compile(r"[a-z]{2,3}")
# Where a long sentence is best cut, in order of preference.
_SOFT_BREAKS = (re.compile(r"[;:,\u3001\uff0c]\s"), re.compile(r"\s"))


def _language(code: str) -> str:
    """The base language code sentencex understands ("pt-BR" -> "pt"); English when unusable."""
    base = re.split(r"[-_]", (code or "").strip().lower(), maxsplit=1)[0]
    return base if _LANGUAGE.fullmatch(base) else "en"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _sentencex(language: str, chunk: str) -> list[str]:
    from sentencex import segment as sentencex_segment

    try:
        return list(sentencex_segment(language, chunk))
    except Exception:  # an unsupported language or a segmenter bug must not stop the run
        if language == "en":
            return [chunk]
        return list(sentencex_segment("en", chunk))


def _locate(chunk: str, sentence: str, cursor: int) -> int | None:
    """The end offset of `sentence` in chunk at or after cursor, or None when it cannot be found."""
    if chunk.startswith(sentence, cursor):
        return cursor + len(sentence)
    core = sentence.strip()
    if not core:
        return None
    found = chunk.find(core, cursor)
    if found >= 0:
        return found + len(core)
    # The segmenter changed whitespace or characters: anchor on the sentence's last word.
    words = core.split()
    found = chunk.find(words[-1], cursor + max(0, len(core) // 2 - 1))
    if found < 0:
        found = chunk.find(words[-1], cursor)
    return found + len(words[-1]) if found >= 0 else None


@cache
def _abbreviation_table() -> dict[str, list[str]]:
    text = resources.files("mtcheck.read").joinpath("data", "abbreviations.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def abbreviations(language: str) -> tuple[tuple[str, str], ...]:
    """(head, tail) pairs: a cut right after `head`, before text starting with `tail`, ends no sentence."""
    pairs: list[tuple[str, str]] = []
    for entry in _abbreviation_table().get(_language(language), ()):
        entry = entry.strip()
        entry = entry if entry.endswith(".") else entry + "."
        # "z. B." may be cut after "z." or after "B.": both cuts are repaired.
        pairs.extend((entry[: i + 1], entry[i + 1 :].lstrip()) for i, ch in enumerate(entry) if ch == ".")
    return tuple(pairs)


def _after_abbreviation(chunk: str, cut: int, language: str) -> bool:
    """Whether the cut falls right after an abbreviation that never ends a sentence."""
    before, after = chunk[:cut].rstrip(), chunk[cut:].lstrip()
    if not after:
        return False
    for head, tail in abbreviations(language):
        if before.endswith(head) and after.startswith(tail):
            lead = before[: -len(head)][-1:]  # "M." must not be the end of "HTML." or "U.S.M."
            if not (lead.isalnum() or lead == "."):
                return True
    return False


def _cuts(chunk: str, language: str) -> list[int]:
    cuts, cursor = [], 0
    for sentence in _sentencex(language, chunk):
        end = _locate(chunk, sentence, cursor)
        if end is not None and end > cursor:
            cuts.append(end)
            cursor = end
    if not cuts or cuts[-1] < len(chunk):
        cuts.append(len(chunk))  # nothing the segmenter skipped is lost
    return [cut for cut in cuts[:-1] if not _after_abbreviation(chunk, cut, language)] + cuts[-1:]


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) of text without the whitespace at either side (the empty span at start when all is)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_long(text: str, start: int, end: int, limit: int | None = None) -> Iterator[tuple[int, int]]:
    """Cut a span into stripped pieces of at most `limit` characters, at punctuation or spaces when possible."""
    limit = limit or config.MAX_SENTENCE_CHARS
    start, end = strip_span(text, start, end)
    while end - start > limit:
        window_end, cut = start + limit, None
        for pattern in _SOFT_BREAKS:
            # The last break in the second half of the window, so pieces stay reasonably long.
            matches = list(pattern.finditer(text, start + limit // 2, window_end))
            if matches:
                cut = matches[-1].start() + 1
                break
        if cut is None:
            cut = window_end
        piece_start, piece_end = strip_span(text, start, cut)
        if piece_end > piece_start:
            yield piece_start, piece_end
        start, end = strip_span(text, cut, end)
    if end > start:
        yield start, end


def segment(text: str, language: str, spans: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets into text, never crossing a paragraph and never over the length cap."""
    lang = _language(language)
    sentences: list[tuple[int, int]] = []
    for par_start, par_end in spans if spans is not None else _paragraphs(text):
        par_start, par_end = max(0, par_start), min(len(text), par_end)
        chunk = text[par_start:par_end]
        if not chunk.strip():
            continue
        previous = 0
        for cut in _cuts(chunk, lang):
            sentences.extend(split_long(text, par_start + previous, par_start + cut))
            previous = cut
    return sentences
