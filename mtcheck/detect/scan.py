"""`pattern.finditer(text)` for the big phrase patterns over long texts, without trying every position.

A phrase pattern is an alternation of up to a few hundred branches; on a 1 MB page the regex engine tries
each branch at each of a million positions. Most branches hold a literal ("translat", "original", an
engine's name) at a bounded distance from their start, so a match can only start just before an
occurrence of one of them. `finditer` below finds those occurrences with str.find, tries the pattern only
there (`pattern.match`, what `search` does at each position) and yields the very matches
`pattern.finditer` yields. Patterns it cannot read that way (a branch without such a literal, a pattern
that matches the empty string, ignore-case), short texts and texts where the literals are common are
scanned the usual way. Which literal of a branch is looked for is chosen per text, by how often each
occurs in a sample of it.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache, lru_cache
from typing import Any

MIN_TEXT = 20_000  # shorter texts are scanned the usual way: the plain scan is cheap there
MAX_TRIES = 1 / 50  # positions tried, at most this share of the text's length
SAMPLE = 4_096  # characters per sampled block
SAMPLES = 8  # sampled blocks: how often a literal occurs is estimated from these
_FAR = 10_000  # a literal further than this from the start of a match does not anchor it
_MAX_PREFIXES = 64
_FIND_EACH = 8  # literals up to which each is looked for with str.find (a quick pass each) rather than by one regex
_MANY = 64  # literals in a pattern's anchors, over which the text's distinct words are worth making

Anchor = tuple[int, int, frozenset[str]]  # one of the literals starts lo..hi characters into the match
Option = tuple[Anchor, ...]  # every match holds one of these anchors


@cache
def _modules() -> tuple[Any, Any]:
    """The regex parser and its constants (private modules of `re`: ImportError where they move).

    Whatever goes wrong reading them, anchors() gives None and the pattern is scanned with finditer; a reading
    that went wrong without an error could only leave out start positions to try (each match is `pattern.match`'s), and
    tests/unit/test_detect_fast_paths.py compares the matches with finditer's on every phrase pattern.
    """
    return importlib.import_module("re._parser"), importlib.import_module("re._constants")


@cache
def _unit_codes(c: Any) -> frozenset[Any]:
    """The opcodes re._parser's getwidth counts as one character."""
    return frozenset({c.ANY, c.RANGE, c.IN, c.LITERAL, c.NOT_LITERAL, c.CATEGORY})


def _score(option: Option) -> tuple[int, int, int]:
    """How selective an option looks without a text: its shortest literal, fewest literals, narrowest range."""
    shortest = min(len(x) for _, _, literals in option for x in literals)
    count = sum(len(literals) for _, _, literals in option)
    return (shortest, -count, -max(hi - lo for lo, hi, _ in option))


def _prefixes(items: list[tuple[Any, Any]], c: Any) -> frozenset[str] | None:
    """The literal strings every match of `items` starts with (a run of literals, then a branch's), or None.

    A branch whose alternatives are literals alone is followed by what comes after it: "(?:we|i) translated" starts
    with "we translated" or "i translated", not only "we" or "i" (one letter, in most texts)."""
    k = 0
    while k < len(items) and items[k][0] is c.LITERAL:
        k += 1
    head = "".join(chr(av) for _, av in items[:k])
    whole = _literal_alternatives(items[k], c) if k < len(items) else None
    if whole is not None and len(whole) <= _MAX_PREFIXES:
        after = _prefixes(items[k + 1 :], c) or frozenset([""])
        if len(whole) * len(after) > _MAX_PREFIXES:
            after = frozenset([""])
        return frozenset(head + a + t for a in whole for t in after)
    if k < len(items) and items[k][0] is c.BRANCH:
        tails: set[str] = set()
        for alt in items[k][1][1]:
            found = _prefixes(list(alt.data), c)
            if found is None:
                return frozenset([head]) if head else None
            tails |= found
            if len(tails) > _MAX_PREFIXES:
                return frozenset([head]) if head else None
        return frozenset(head + t for t in tails)
    return frozenset([head]) if head else None


def _literal_alternatives(item: tuple[Any, Any], c: Any) -> list[str] | None:
    """The strings a branch of literals alone matches ("we|i": "we", "i"), or a set of a few characters ("[ \n]"); None
    for any other item."""
    op, av = item
    if op is c.IN:
        if len(av) > _MAX_PREFIXES or any(o is not c.LITERAL for o, _ in av):
            return None  # a range, a negation, a category: not a few characters
        return [chr(v) for _, v in av]
    if op is not c.BRANCH:
        return None
    out = []
    for alt in av[1]:
        data = list(alt.data)
        if not data or any(o is not c.LITERAL for o, _ in data):
            return None
        out.append("".join(chr(v) for _, v in data))
    return out


def _options(seq: Any, c: Any) -> list[Option]:
    """Every way of anchoring a parsed sequence (offsets from its start)."""
    parser, _ = _modules()
    options: list[Option] = []
    lo = hi = 0
    data = list(seq.data)
    for k, (op, av) in enumerate(data):
        inner: Option | None = None
        if op is c.LITERAL and (k == 0 or data[k - 1][0] is not c.LITERAL):
            found = _prefixes(data[k:], c)
            if found:
                options.append(((lo, hi, found),))
        elif op is c.BRANCH:
            inner = _branch(av[1], c)
            if _literal_alternatives((op, av), c) is not None and (found := _prefixes(data[k:], c)):
                options.append(((lo, hi, found),))  # its literals with what follows them: "we translated"
        elif op is c.IN and (k == 0 or data[k - 1][0] is not c.LITERAL) and (found := _prefixes(data[k:], c)):
            options.append(((lo, hi, found),))  # "[ \n]translated": " translated", "\ntranslated"
        elif op is c.SUBPATTERN and not av[1] and not av[2]:  # a group without flags
            inner = _best(_options(av[3], c))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = _best(_options(av[2], c))  # its first repetition starts here
        elif op is c.ATOMIC_GROUP:
            inner = _best(_options(av, c))
        if inner is not None:
            options.append(tuple((lo + a, hi + b, literals) for a, b, literals in inner))
        if op in _unit_codes(c):  # one character wide (what getwidth counts them as), without a SubPattern
            lo, hi = lo + 1, hi + 1
        else:
            w_lo, w_hi = parser.SubPattern(seq.state, [(op, av)]).getwidth()
            lo, hi = lo + int(w_lo), hi + int(w_hi)
        if hi > _FAR:
            break
    return options


def _best(options: list[Option]) -> Option | None:
    return max(options, key=_score) if options else None


def _branch(alternatives: Any, c: Any) -> Option | None:
    """Every alternative's anchors together: one of them is in any match of the branch."""
    out: list[Anchor] = []
    for alt in alternatives:
        found = _best(_options(alt, c))
        if found is None:
            return None
        out += found
    return tuple(out)


@lru_cache(maxsize=1024)
def anchors(pattern: re.Pattern[str]) -> tuple[tuple[Option, ...], ...] | None:
    """For each top-level branch of the pattern, its ways of being anchored; None where one has none."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    try:
        parser, c = _modules()
        parsed = parser.parse(pattern.pattern, pattern.flags)
        if parsed.state.flags & re.IGNORECASE or parsed.getwidth()[0] == 0:
            return None  # matches of the empty string make finditer step differently
        data = parsed.data
        alternatives = data[0][1][1] if len(data) == 1 and data[0][0] is c.BRANCH else [parsed]
        out = []
        for alt in alternatives:
            options = _options(alt, c)
            if not options:
                return None
            out.append(tuple(options))
    except Exception:  # any failure to read a pattern (or a Python whose re internals moved): the usual scan
        return None
    return tuple(out)


def required(source: str) -> tuple[tuple[frozenset[str], ...], ...] | None:
    """For each top-level alternative of a regex source, literal sets of which every match holds one string (one set
    for each way of anchoring it, as anchors() reads them); None where it cannot be read so (ignore-case, a match of
    the empty string, a source or a Python it cannot parse): such a source may match anywhere."""
    try:
        parser, c = _modules()
        parsed = parser.parse(source, 0)
        if parsed.state.flags & (re.IGNORECASE | re.VERBOSE) or parsed.getwidth()[0] == 0:
            return None
        data = parsed.data
        alternatives = data[0][1][1] if len(data) == 1 and data[0][0] is c.BRANCH else [parsed]
        return tuple(
            tuple(frozenset().union(*(literals for _, _, literals in option)) for option in _options(alt, c))
            for alt in alternatives
        )
    except Exception:  # any failure to read it: no literal is required
        return None


def _sample(text: str) -> tuple[str, float]:
    """Blocks spread over the text, and how much longer the text is than they are."""
    step = len(text) // SAMPLES
    blocks = [text[i * step : i * step + SAMPLE] for i in range(SAMPLES)]
    return "\x00".join(blocks), len(text) / (SAMPLES * SAMPLE)


def _starts(text: str, found: tuple[tuple[Option, ...], ...]) -> list[int] | None:
    """Every position a match can start at, or None when there are too many to be worth it."""
    sample, scale = _sample(text)
    # Literals in none of the text's words are left out without a count; the words cost a pass over the text, worth
    # it for a pattern with many literals or when another pattern has had them made already.
    many = sum(len(literals) for options in found for option in options for _, _, literals in option) > _MANY
    words = words_of(text) if many or _last_words[0] is text or _last_words[0] == text else ""
    seen: dict[str, int] = {}
    in_words = looked_up(words)

    def cost(option: Option) -> float:
        total = 0
        for lo, hi, literals in option:
            for x in literals:
                n = seen.get(x)
                if n is None:  # -1: not in the text (a piece of it is in none of its words), so no start from it
                    n = seen[x] = sample.count(x) if not words or all(in_words(p) for p in x.split()) else -1
                total += (n + 1) * (hi - lo + 1)
        return total * scale

    spans: dict[str, tuple[int, int]] = {}
    estimate = 0.0
    for options in found:
        best = min(options, key=cost)
        estimate += cost(best)
        for lo, hi, literals in best:
            for literal in literals:
                if seen[literal] < 0:
                    continue
                old = spans.get(literal)
                spans[literal] = (lo, hi) if old is None else (min(old[0], lo), max(old[1], hi))
    if estimate > len(text) * MAX_TRIES:
        return None
    if not spans:
        return []  # none of the anchors' literals is in the text: no match
    starts: set[int] = set()
    last = len(text)
    if len(spans) <= _FIND_EACH:  # every occurrence of each literal, overlapping ones too: the same starts as below
        for literal, (lo, hi) in spans.items():
            at = text.find(literal)
            while at >= 0:
                starts.update(range(max(0, at - hi), min(last, at - lo) + 1))
                at = text.find(literal, at + 1)
        return sorted(starts)
    lengths = sorted({len(x) for x in spans})
    finder = _finder(frozenset(spans))
    m = finder.search(text)
    while m is not None:  # every occurrence, overlapping ones too; all literals there are prefixes of the longest
        at, word = m.start(), m.group()
        for n in lengths:
            span = spans.get(word[:n]) if n <= len(word) else None
            if span is not None:
                starts.update(range(max(0, at - span[1]), min(last, at - span[0]) + 1))
        m = finder.search(text, at + 1)
    return sorted(starts)


@lru_cache(maxsize=256)
def _finder(literals: frozenset[str]) -> re.Pattern[str]:
    """One regex for a set of literals, factored by common prefixes; at each position it takes the longest."""
    tree: dict[str, Any] = {}
    for word in literals:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return re.compile(emit(tree))


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of `pattern.finditer(text)`: the same spans and groups, in the same order."""
    found = anchors(pattern) if len(text) >= MIN_TEXT else None
    starts = _starts(text, found) if found else None
    if starts is None:
        yield from pattern.finditer(text)
        return
    pos = 0
    for start in starts:
        if start < pos:
            continue
        m = pattern.match(text, start)
        if m is not None:
            yield m
            pos = m.end()  # never empty: anchors() declines patterns that can match ""


def distinct_words(text: str) -> str:
    """Each whitespace-separated token of the text once, joined by NUL characters (in no set order).

    A string without whitespace or NUL occurs in the text exactly when it occurs here: each of its occurrences
    lies inside one token. A long page repeats its words, so this is a fraction of its length.
    """
    return "\x00".join(set(text.split()))


_last_words: tuple[str, str] = ("", "")


def words_of(text: str) -> str:
    """distinct_words(text), kept for the last text asked about (a long page is asked about by every pattern, and
    its folded copies are often equal to it)."""
    global _last_words
    last = _last_words  # one read: another thread may put another text's words there meanwhile
    if last[0] is not text and last[0] != text:
        last = _last_words = (text, distinct_words(text))
    return last[1]


def looked_up(words: str) -> Callable[[str], bool]:
    """`lambda piece: piece in words`, each piece looked up once (many literals or stems share one: "we",
    "translated")."""
    found: dict[str, bool] = {}

    def in_words(piece: str) -> bool:
        answer = found.get(piece)
        if answer is None:
            answer = found[piece] = piece in words
        return answer

    return in_words


def pieces(literals: Iterable[str]) -> tuple[str, ...] | None:
    """For each literal, its longest run without whitespace or NUL (in the text whenever the literal is); None
    when a literal has none."""
    out = []
    for literal in literals:
        runs = literal.replace("\x00", " ").split()
        if not runs:
            return None
        out.append(max(runs, key=len))
    return tuple(out)
