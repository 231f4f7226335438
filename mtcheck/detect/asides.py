"""Where a translate phrase stands aside from what it is said of: one item of a list, a remark in brackets in prose.

Both readings look at punctuation and word counts around the phrase, not at its words, so they hold in every
language that writes commas and brackets. The callers (the phrase rules in `matcher`, the concept layer in
`concepts`) give the text before and after the phrase in its clause, and say which words name this text (deixis,
content nouns) or a source (a language, an engine): an item or a bracket that names them is a badge on this text.
"""

from __future__ import annotations

from collections.abc import Callable

from mtcheck.detect.deferred import deferred

ITEM_WORDS = 3  # words of one list item: "NLP", "sentiment analysis", "poangličtene"
ITEM_CHARS = 40
_LETTER = deferred(r"[^\W\d_]")
# A comma between list items, in Latin, Arabic, CJK and full-width forms
_COMMAS = ",،、，"
# What opens a list: a colon, an opening bracket, a dash
_OPENERS = ":：(（[—–"
_SPACED_HYPHEN = " - "
# After the phrase: maybe its own short bracket ("machine translation (Google Translate)"), then a comma or a closing
# bracket that ends the list item
_FOLLOWS = deferred(r"[^\S\n]*(?:\([^()\n]{1,40}\)[^\S\n]*)?([,،、，)）])")
# After a closing bracket: the sentence goes on, with a word (maybe after a comma) on the same line
_GOES_ON = deferred(r"[^\S\n]*[,،]?[^\S\n]*[^\W\d_]")


def _words(text: str) -> int:
    """Words split at spaces (a word may hold combining vowel signs, which are not \\w: "सेंटिमेंट")."""
    return sum(1 for w in text.split() if _LETTER.search(w))


def list_items_before(pre: str) -> tuple[list[str], bool]:
    """The list items right before a phrase that follows a comma, last first, and whether a colon, a bracket, a dash
    or the clause's start opens the list."""
    items: list[str] = []
    rest = pre.rstrip()
    while rest and rest[-1] in _COMMAS:
        rest = rest[:-1]
        cut = max(max(rest.rfind(c) for c in _COMMAS + _OPENERS), _at_hyphen(rest))
        item = rest[cut + 1 :].strip()
        if not item or len(item) > ITEM_CHARS or not 1 <= _words(item) <= ITEM_WORDS:
            return items, False
        items.append(item)
        rest = rest[: cut + 1].rstrip()
        if not rest or rest[-1] in _OPENERS or rest.endswith(_SPACED_HYPHEN.strip()):
            return items, True
    return items, False


def _at_hyphen(text: str) -> int:
    at = text.rfind(_SPACED_HYPHEN)
    return at + 1 if at >= 0 else -1


def listed(pre: str, post: str, *, names_source: Callable[[str], bool]) -> bool:
    """The phrase is one item of a list: "Applications: sentiment analysis, machine translation, and chatbots",
    "(NLP, machine translation)", "— anglicised, czechified, machine-translated or simply …".

    Two items before it, or one and a comma or closing bracket after it, in a list that a colon, a bracket, a dash or
    the clause's start opens; no item may name this text or a source (`names_source`: "English, machine translated",
    "This text, machine translated, …" stay badges and notices)."""
    items, opened = list_items_before(pre)
    if not opened or not items or any(names_source(item) for item in items):
        return False
    return len(items) >= 2 or _FOLLOWS.match(post) is not None


def bracketed_in_prose(pre: str, post: str, *, points_here: Callable[[str], bool]) -> bool:
    """The phrase stands in brackets between words of one sentence that goes on after them: "Catalogue of reviews in
    Spanish (machine translation), search and filters", "Die Zeichenfolgen (maschinell übersetzt) sind unten
    dargestellt": the bracket qualifies the noun before it, in prose. A badge in brackets ends its title or line
    ("Italiano (traduzione automatica)", "(Translated by Google) Friendly staff"); one after a noun that points at
    this text (`points_here`: "This page (machine translated) may contain errors") is a notice."""
    opening = pre.rfind("(")
    if opening < 0 or ")" in pre[opening:] or "\n" in pre[opening:]:
        return False
    closing = post.find(")")
    if closing < 0 or "(" in post[:closing] or "\n" in post[:closing]:
        return False
    before = pre[:opening]
    line_before = before[before.rfind("\n") + 1 :]
    if not _LETTER.search(line_before) or points_here(line_before):
        return False
    return _GOES_ON.match(post, closing + 1) is not None
