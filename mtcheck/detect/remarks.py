"""A remark on a tool's action beside a translate phrase, and a sentence that opens with what a tool does.

A notice says how this text was made; a toast ("Text successfully translated with AI"), a field's help ("Description
(translated by AI, optional)"), a plan's step ("Fallback: translate with Google Translate"), a setup note ("Translate
with the Google API (no API key needed)"), a pipeline's record ("Title translated by AI and saved", "Subtitles are
downloaded and translated") or a feature list ("Shows the picture of the day, translated by AI") says what a tool
did, does or may do. The word classes (success, option, config, stored, fetched, and the verbs that open a feature's
sentence) are closed and listed per language in `data/remarks.toml`. A remark counts only in the segment that holds
the phrase: the text between sentence ends, line breaks, pipes, bullets, semicolons and spaced dashes ("Übersetzt mit
ChatGPT – erfolgreich getestet" is a notice and a second remark). A tool's verb counts only where it opens the
sentence that holds the phrase, with no subject before it but "this" ("This page shows …" has one).
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources

from mtcheck.detect.context import WIDE_CHAR

# What ends a segment: a sentence end, a line break, a pipe, a bullet, a semicolon, a spaced dash
_CUT = re.compile(r"[.!?。！？](?=\s|$)|[\n|•·–—;；]|\s-\s")
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")


def _entry(word: str) -> str:
    """A word as a pattern: at the start of a word, the whole word with a final "$"; anywhere without spaces."""
    whole = word.endswith("$")
    word = word.removesuffix("$")
    if WIDE_CHAR.search(word) or _UNSPACED.search(word):
        return re.escape(word)
    return rf"(?<!\w){re.escape(word)}" + (r"(?!\w)" if whole else "")


@functools.cache
def _data() -> dict[str, dict[str, list[str]]]:
    text = resources.files("mtcheck.detect").joinpath("data", "remarks.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _words(*tables: str) -> list[str]:
    data = _data()
    return sorted({w for t in tables for words in data[t].values() for w in words}, key=len, reverse=True)


@functools.cache
def _remark() -> re.Pattern[str]:
    words = _words("success", "option", "config", "stored", "fetched")
    return re.compile("|".join(_entry(w) for w in words), re.IGNORECASE)


# A sentence's start: maybe a bullet, a number, an emoji or a colon-ended label's end, then maybe "this"
_OPENING = r"^[^\w]*(?:\d+[.)]\s*)?(?:(?:{this})\s+)?(?:{does})(?!\w)"


@functools.cache
def _does() -> re.Pattern[str]:
    this = "|".join(re.escape(w) for w in _words("this"))
    does = "|".join(re.escape(w) for w in _words("does"))
    return re.compile(_OPENING.format(this=this, does=does), re.IGNORECASE)


def segments(text: str) -> list[str]:
    """The segments of a text, cut at sentence ends, line breaks, pipes, bullets and spaced dashes."""
    return _CUT.split(text)


def segment_at(text: str, start: int, end: int, reach: int = 200) -> str:
    """The segment that holds [start, end) (at most `reach` characters either side)."""
    lo = max(0, start - reach)
    before = text[lo:start]
    cuts = list(_CUT.finditer(before))
    head = before[cuts[-1].end() :] if cuts else before
    after = text[end : end + reach]
    cut = _CUT.search(after)
    tail = after[: cut.start()] if cut else after
    return head + text[start:end] + tail


def remark(segment: str) -> bool:
    """Whether a segment holds a success, an option, a setup, a storage or a fetch word."""
    return _remark().search(segment) is not None


def beside(text: str, start: int, end: int) -> bool:
    """Whether the segment around the phrase at [start, end) holds a remark on a tool's action, or the sentence that
    holds it opens with what a tool does."""
    return remark(segment_at(text, start, end)) or opens_with_tool(text, start)


_SENTENCE_END = re.compile(r"[.!?。！？](?=\s)|\n")


def opens_with_tool(text: str, start: int, reach: int = 300) -> bool:
    """Whether the sentence that holds `start` opens with a tool's action; False when its start is more than `reach`
    characters back (a window's edge is no sentence's start)."""
    lo = max(0, start - reach)
    ends = list(_SENTENCE_END.finditer(text, lo, start))
    if ends:
        head = ends[-1].end()
    elif lo == 0:
        head = 0
    else:
        return False
    return tool_does(text[head : head + 120])


def tool_does(sentence: str) -> bool:
    """Whether a sentence opens with a tool's action in the third person, no subject before it ("Sends the customer
    …", "Tämä lähettää …"): a feature list or a docstring, not a notice."""
    return _does().search(sentence.lstrip()) is not None
