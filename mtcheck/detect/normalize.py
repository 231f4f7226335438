"""A matching view of a text: lower case, plain quotes and spaces, no markup, with offsets back."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from mtcheck.detect.deferred import deferred

# Markup that is never part of a phrase: HTML comments and tags, the URL half of a Markdown link,
# GitHub alert markers, directive lines such as ".. note::" or ":::alert".
_SKIP = deferred(
    r"<!--.*?(?:-->|\Z)"
    r"|</?[A-Za-z][^<>]{0,500}>"
    r"|(?<=\])\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)"
    r"|\[![A-Za-z]+\]"
    r"|\{%-?.*?-?%\}|\{\{~?[#/^]?-?\s*(?:if|unless|each|else|end|with|range|/if|/each|/unless)\b[^{}]*\}\}"
    r"|^[ \t]*(?:\.\. [a-z-]+::|:{3,}[a-z-]*|`{3,}[^\n]*|~{3,}[^\n]*)",
    re.DOTALL | re.MULTILINE,
)
# Template placeholders read as one word, "x": "translated from ${from} to ${to}", "{{original_url}}",
# "%(site_name)s uses ...", "%s", "{lang}".
_PLACEHOLDER = deferred(
    r"\$\{[^{}\n]{1,60}\}|\{\{[^{}\n\"'()]{1,80}\}\}|%\([\w.]{1,40}\)[sdif]|%\{[\w.]{1,40}\}|%(?:\d\$)?[s@](?![A-Za-z])"
    r"|\{[^\W\d][\w.]{0,40}\}|\{ ?\$[\w.-]{1,40} ?\}"
    # a JSX or template expression that opens with a member access: "{t.content.slice(0, 80)}", "{a.b ? '…' : ''}"
    r"|\{[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)+[^{}\n]{0,80}\}"
    r"|\$[A-Za-z][A-Za-z_]{1,40}\$"  # Chrome extension messages: "$LANGUAGE_NAME$"
    # ICU `{0}`, Laravel `:lang`, `__LANG__`, `[[lang]]`
    r"|\{\d{1,2}\}|(?<![\w:]):[a-z_]{0,20}lang[a-z_0-9]{0,20}|__[A-Z_]{0,20}LANG[A-Z_]{0,20}__|\[\[\w{1,40}\]\]"
)
# A placeholder that names the engine ("{engine}", "{{ page.mt_engine }}", "{provider}") reads as "xengine",
# which common.toml lists as an engine: "Translated by {engine}" credits one.
_ENGINE_HOLDER = deferred(r"(?i)engine|provider|motor|moteur|mt_?service")
# One that names a language ("{lang}", "{ $lang }", "{мова}", "${from}") reads as "xlanguage", a language
# name in common.toml (code "und"): "Automatisk översättning från { $lang }" names its source.
_LANGUAGE_HOLDER = deferred(r"(?i)lang|locale|мов|язык|sprache|idioma|lingua|\bfrom\b|\bsrc\b|source")
# One that names a count ("{count}", "%(total)s", "{n}") reads as "0": "Auto-translated: {count}" is a statistic.
_COUNT_HOLDER = deferred(r"(?i)count|total|number|amount|length|\bnum\b|\{n\}|\(n\)|\w\s[-+*/]\s\w")  # ${a - b}
# A string literal or gettext call in a template tag is its text: {{ "Machine translated" }}, {{ _("...") }}.
_LITERAL_TAG = deferred(
    r"""\{\{-?\s*(?:_|t|trans|gettext|i18n\.t|\$t)?\(?\s*(?=["'])|(?<=["'])\s*\)?\s*(?:\|\s*\w+\s*)?-?\}\}"""
)
# A bracketed tag that opens a line ("[Machine Translation] Re: ...", "[EN] ...") reads as round brackets,
# so that it stays a unit; not a Markdown link ("[text](url)", "[text][ref]", "[ref]: url").
_LINE_TAG = deferred(r"^[ \t>*-]*(\[)(?=[^\[\]\n]*[^\W\d_]{2})[^\[\]\n]{2,40}(\])(?![(\[:])", re.MULTILINE)
# Characters that only decorate: Markdown emphasis and quoting, bullets, emoji, variation selectors.
_DROP = set("*`~#>|=^[]")
_SINGLE_QUOTES = set("\u2018\u2019\u201a\u201b\u2032\u02bc\u00b4")
_DOUBLE_QUOTES = set("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u300c\u300d\u300e\u300f\u2039\u203a")
_DASHES = set("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d")  # not U+30FC, the katakana long vowel
_ARABIC_SCRIPT = deferred(r"[\u0600-\u06ff]")
_ARABIC_ALEF = set("\u0623\u0625\u0622\u0671")
# CJK lenticular and tortoise-shell brackets around labels ("【機翻】") read as round brackets.
_OPEN_BRACKETS = set("\u3010\u3016\u3014\u3018")
_CLOSE_BRACKETS = set("\u3011\u3017\u3015\u3019")
# Block-level tags end a line: "<span>Machine translation</span><h1>Title</h1>" is two lines.
_BLOCK_TAG = deferred(
    r"</?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|header|footer|aside|section|article|nav|main|blockquote|figure"
    r"|figcaption|table|tr|td|th|br|hr|option|select|button|label|summary|details|pre|title|head|body)\b",
    re.IGNORECASE,
)
# Separators that end a clause like a full stop does.
SEPARATORS = "\u00b7\u2022\u30fb|\u2192\u2190"
PARAGRAPH = "\f"


@dataclass(frozen=True)
class View:
    """`text` is what patterns match; `origin[i]` is the index in the source of view character i.

    The offset map is kept as pieces, not one number per character: view characters `starts[k]` onwards come from
    source characters `bases[k]` onwards, one after the other (`steps[k]` 1), or all from `bases[k]` (0: a fold
    into several characters); a piece ends where the next one starts.
    """

    text: str
    starts: tuple[int, ...]
    bases: tuple[int, ...]
    steps: tuple[int, ...]
    source_length: int

    def at(self, i: int) -> int:
        """The index in the source of view character i."""
        k = bisect.bisect_right(self.starts, i) - 1
        return self.bases[k] + (i - self.starts[k]) * self.steps[k]

    @property
    def origin(self) -> tuple[int, ...]:
        """The index in the source of every view character."""
        return tuple(self.at(i) for i in range(len(self.text)))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a view span back to a span of the source text."""
        if start >= len(self.text):
            return self.source_length, self.source_length
        first = self.at(start)
        last = self.at(max(end - 1, start)) + 1
        return first, max(last, first)


@lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    """What one source character becomes in the view ('' drops it, ' ' is a space)."""
    if ch in _SINGLE_QUOTES:
        return "'"
    if ch in _DOUBLE_QUOTES:
        return '"'
    if ch in _DASHES:
        return "-"
    if ch in _OPEN_BRACKETS:
        return "("
    if ch in _CLOSE_BRACKETS:
        return ")"
    if ch in _ARABIC_ALEF:
        return "\u0627"
    if ch == "\u0130":  # Turkish dotted capital I
        return "i"
    if ch in SEPARATORS:
        return "\u00b7"
    if ch == "\u203b":  # reference mark used as a bullet in CJK notices
        return " "
    category = unicodedata.category(ch)
    if category in ("Mn", "Me") and "\u064b" <= ch <= "\u065f":  # Arabic harakat
        return ""
    if ch == "\u0640" or ch in "\ufe0e\ufe0f\u200d\u00ad\u200b\u2060\ufeff":  # tatweel, selectors, ZWJ, soft hyphen ...
        return ""
    if category == "So" or category == "Cs" or category == "Co":
        return " "
    if ch in _DROP:
        return " "
    if ch == "_":
        return " "
    folded = unicodedata.normalize("NFKC", ch).lower()
    if folded in ("\u3002", "\uff61"):
        return "."
    if folded == "\u0451":  # Russian yo is often written as ye: "переведён" = "переведен"
        return "\u0435"
    return folded


class _FoldTable(dict[int, str]):
    """str.translate table: a character to its view character where that is one visible character, else NUL.

    NUL marks what the per-character rules of build_view must read (spaces, drops, multi-character folds,
    "=", the Persian half-space); a run of text without any such character is folded in one call.
    """

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch == " ":
            folded = " "
        elif ch.isspace() or ch in "=\u200c":
            folded = "\x00"
        else:
            folded = _fold(ch)
            if len(folded) != 1 or folded.isspace():
                folded = "\x00"
        self[code] = folded
        return folded


_TABLE = _FoldTable()
# Words with single spaces between them: the stretches build_view folds whole.
_RUN = deferred(r"\S+(?: \S+)*")
# Stretches of the skip marks: 0 read, 1 skipped (markup), 2 read one by one (a placeholder, a line-tag bracket).
_MARKS = re.compile(rb"\x00+|\x01+|\x02")


# Where a match of _SKIP can start: at one of these characters (a tag or comment, a link's URL after "]", an alert
# marker, a template tag) or at the start of a line (a directive line), the character after a line break.
_SKIP_FIRST = deferred(r"[<(\[{\n]")


def skip_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_SKIP.finditer(text)`, the same ones in the same order, found by trying the pattern only where
    a match can start (see _SKIP_FIRST) instead of at every character: a long page has few such places."""
    if len(text) < _SKIP_SCAN_MIN:
        yield from _SKIP.finditer(text)
        return
    pos = 0
    for first in (0, *(c.end() if c.group() == "\n" else c.start() for c in _SKIP_FIRST.finditer(text))):
        if first < pos:
            continue
        m = _SKIP.match(text, first)
        if m is not None:
            yield m
            pos = m.end()  # never empty: every branch of _SKIP reads at least one character


_SKIP_SCAN_MIN = 2_000  # shorter texts: finditer itself


def build_view(text: str) -> View:
    """The matching view of `text` with its offset map."""
    skip = bytearray(len(text))
    breaks = []
    for m in skip_matches(text):
        skip[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        if _BLOCK_TAG.match(m.group(0)):
            breaks.append(m.start())
    out: list[str] = []
    starts: list[int] = []  # the offset map's pieces (see View)
    bases: list[int] = []
    steps: list[int] = []
    size = 0  # characters in `out`

    def mapped(source: int, count: int, step: int) -> None:
        """The next `count` view characters come from source characters `source`.. (step 1) or all from `source`."""
        nonlocal size
        if not (step and steps and steps[-1] and bases[-1] + size - starts[-1] == source):  # else: the last goes on
            starts.append(size)
            bases.append(source)
            steps.append(step)
        size += count

    holders: dict[int, str] = {}
    if "{{" in text:
        for m in _LITERAL_TAG.finditer(text):
            skip[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    if "{" in text or "%" in text or "$" in text or ":" in text or "__" in text or "[[" in text:
        for m in _PLACEHOLDER.finditer(text):
            if not skip[m.start()]:  # not inside a control tag or comment already skipped
                holders[m.start()] = m.group(0)
                skip[m.start() + 1 : m.end()] = b"\x01" * (m.end() - m.start() - 1)
    brackets = {m.start(1): "(" for m in _LINE_TAG.finditer(text)} if "[" in text else {}
    brackets.update({m.start(2): ")" for m in _LINE_TAG.finditer(text)} if brackets else {})
    for i in (*holders, *brackets):
        if not skip[i]:
            skip[i] = 2
    breaks.sort()
    pending_space = ""  # "" none, " " space, "\n" line break, "\f" paragraph
    newlines = 0

    def one(i: int) -> None:
        """The rules for one character that is not skipped."""
        nonlocal pending_space, newlines
        ch = text[i]
        if ch == "\n":
            newlines += 1
            pending_space = PARAGRAPH if newlines >= 2 else "\n"
            return
        folded = _fold(ch) if not ch.isspace() else " "
        if ch == "\u200c" and _ARABIC_SCRIPT.match(text, i - 1) and _ARABIC_SCRIPT.match(text, i + 1):
            folded = " "  # Persian/Urdu half-space: "به‌صورت" = "به صورت", "می‌شود" = "می شود"
        if i in brackets:
            folded = brackets[i]
        elif i in holders:
            folded = "x"
            if _ENGINE_HOLDER.search(holders[i]):
                folded = "xengine"
            elif _LANGUAGE_HOLDER.search(holders[i]):
                folded = "xlanguage"
            elif _COUNT_HOLDER.search(holders[i]):
                folded = "0"
        if ch == "=" and text[i - 1 : i] != "=" and text[i + 1 : i + 2] != "=":
            folded = ":"  # an assignment is a key: `notice = "..."`, `mt.banner=...` (not "==" or "====")
        if folded == "":
            return
        if folded.isspace():
            if not pending_space:
                pending_space = " "
            return
        if pending_space and out:
            out.append(pending_space)
            mapped(i - 1, 1, 1)
        pending_space, newlines = "", 0
        out.append(folded)
        if len(folded) == 1:
            mapped(i, 1, 1)
        elif i in holders:  # a placeholder's word ends where the placeholder does
            mapped(i, len(folded) - 1, 0)
            mapped(i + len(holders[i]) - 1, 1, 1)
        else:
            mapped(i, len(folded), 0)

    def read(start: int, end: int) -> None:
        """Characters start..end, none skipped or special: runs of words folded whole, the rest one by one."""
        nonlocal pending_space, newlines
        at = start
        for m in _RUN.finditer(text, start, end):
            for i in range(at, m.start()):
                one(i)
            s, e = m.span()
            folded = text[s:e].translate(_TABLE)
            if "\x00" in folded:
                for i in range(s, e):
                    one(i)
            else:  # what `one` does for each character, at once
                if pending_space and out:
                    out.append(pending_space)
                    mapped(s - 1, 1, 1)
                pending_space, newlines = "", 0
                out.append(folded)
                mapped(s, e - s, 1)
            at = e
        for i in range(at, end):
            one(i)

    for stretch in _MARKS.finditer(skip):
        start, end = stretch.span()
        mark = skip[start]
        if mark == 0:
            read(start, end)
        elif mark == 2:
            one(start)
        else:
            k = bisect.bisect_left(breaks, start)
            if k < len(breaks) and breaks[k] < end and out and pending_space != PARAGRAPH:
                pending_space, newlines = "\n", max(newlines, 1)
    return View("".join(out), tuple(starts), tuple(bases), tuple(steps), len(text))
