"""Model-free signals of machine translation, run as rule kinds (see rules.py and data/rules/*.toml).

Text in a foreign script, a phrase looping three or more times (a decoder stuck in a loop), a small
number written in digits in running prose, a name spelled two ways in one document, and a function
word capitalised in mid-sentence (two segments joined without their full stop).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from mtcheck.checks.ruleset import function_words
from mtcheck.checks.terms import sentence_initials

if TYPE_CHECKING:
    from mtcheck.checks.base import CheckContext
    from mtcheck.checks.ruleset import Rule, RuleSet

Hit = tuple[int, int, dict[str, str]]

# Scripts a Latin-script document should not contain as words (ranges of letters, not symbols).
SCRIPTS: dict[str, str] = {
    "Chinese/Japanese": "\u2e80-\u2fdf\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
    "Korean": "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af",
    "Cyrillic": "\u0400-\u04ff",
    "Greek": "\u0370-\u03ff",
    "Arabic": "\u0600-\u06ff",
    "Hebrew": "\u0590-\u05ff",
    "Thai": "\u0e00-\u0e7f",
    "Devanagari": "\u0900-\u097f",
}
_SCRIPT_RUN = {
    name: re.compile(rf"[{chars}]+(?:[\s\d·・，。、：:,.()（）-]*[{chars}]+)*") for name, chars in SCRIPTS.items()
}
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_NAME = re.compile(r"(?<![\w'’.-])[A-Z][a-z]+(?:-[a-z]+)?(?:[- ][A-Z][a-z]+(?:-[a-z]+)?)*(?![\w'’-])")


def foreign_script(rule: Rule, rs: RuleSet, ctx: CheckContext) -> Iterator[Hit]:
    """Runs of letters in a script the document's language does not use (Chinese left in English)."""
    own = rs.param("own_scripts")
    if not own:
        return  # a language without a declared script (e.g. Chinese) is not checked
    shortest = int(rule.options.get("min_letters", 1))
    for script, pattern in _SCRIPT_RUN.items():
        if script in own:
            continue
        for m in pattern.finditer(ctx.text):
            letters = sum(ch.isalpha() for ch in m.group())
            single_greek = script == "Greek" and letters < 2  # α, μ: symbols in science and units
            if letters >= shortest and not single_greek:
                yield m.start(), m.end(), {"match": m.group(), "script": script}


def repetition(rule: Rule, rs: RuleSet, ctx: CheckContext) -> Iterator[Hit]:
    """A phrase of one to eight words said three or more times in a row ('Bern, Bern, Bern')."""
    words = list(_WORD.finditer(ctx.text))
    folded = [w.group().casefold() for w in words]
    i = 0
    while i < len(words):
        found = _loop_at(folded, i)
        if found is None:
            i += 1
            continue
        size, times = found
        last = words[i + size * times - 1]
        phrase = ctx.text[words[i].start() : words[i + size - 1].end()]
        yield words[i].start(), last.end(), {"match": phrase, "phrase": phrase, "times": str(times)}
        i += size * times


def _loop_at(folded: list[str], i: int) -> tuple[int, int] | None:
    """(phrase length, repetitions) of the shortest phrase starting at i said 3+ times in a row."""
    for size in range(1, 9):
        phrase = folded[i : i + size]
        if len(phrase) < size:
            return None
        times = 1
        while folded[i + times * size : i + (times + 1) * size] == phrase:
            times += 1
        if times >= 3:
            return size, times
    return None


def _name_candidates(ctx: CheckContext) -> tuple[dict[str, list[tuple[int, int]]], set[str]]:
    """Capitalised words and runs of them, with their spans, and those that look like names wherever they stand.

    A leading function word is not part of a name ("These Chinese" -> "Chinese"). A single word seen only at
    the start of sentences may be any word ("There", "Three", "Whose"): it is a candidate but not `sure`
    unless it is also seen inside a sentence, alone or in a longer name ("President Zelensky").
    """
    stop = function_words(ctx.language or "")
    initials = sentence_initials(ctx.text, (s.start for s in ctx.sentences))
    found: dict[str, list[tuple[int, int]]] = {}
    sure: set[str] = set()
    for m in _NAME.finditer(ctx.text):
        start, name = m.start(), m.group()
        first, _, rest = name.partition(" ")
        if first.casefold() in stop:
            if not rest:
                continue
            start, name = start + len(first) + 1, rest
        found.setdefault(name, []).append((start, m.end()))
        if " " in name or start not in initials:
            sure.add(name)
        sure.update(name.split()[1:])  # "Zelensky" in "President Zelensky"
    return found, sure


_CAPITAL_WORD = re.compile(r"(?<![\w'’-])[A-Z][a-z]*\b(?![\w'’-])")
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Za-z'’-]*[a-z])[,;]? \Z")
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]{3,}")


def midsentence_capital(rule: Rule, rs: RuleSet, ctx: CheckContext) -> Iterator[Hit]:
    """A capitalised function word between a word ending in a small letter and a lowercase word ('a shadow
    The black hole'): two pieces joined without their full stop, or a capital letter the source's
    segmentation left in mid-sentence. Title-case lines (headlines) are skipped."""
    words = set(rs.param("capitalised_function_words"))
    for offset, line in _lines(ctx.text):
        long_words = _TITLE_WORD.findall(line)
        if long_words and sum(w[:1].isupper() for w in long_words) * 2 >= len(long_words):
            continue  # a headline in title case
        for m in _CAPITAL_WORD.finditer(line):
            word = m.group()
            preceding = _WORD_BEFORE.search(line, max(0, m.start() - 60), m.start())
            if word not in words or preceding is None:
                continue
            before = preceding.group(1)
            after = line[m.end() : m.end() + 2]
            if len(after) < 2 or after[0] != " " or not after[1].islower():
                continue  # a title or name follows ('The Who', 'The Times'), or a symbol ('After=', 'In:')
            if len(before) < 2 or before.casefold() == word.casefold():
                continue  # a bullet ('o The'), or a doubled word ('The The': MT-DOUBLED-WORD's)
            if (word, line[m.end() : m.end() + 7]) == ("All", " rights"):
                continue  # 'Copyright 2004, X, All rights reserved'
            yield offset + m.start(), offset + m.end(), {"match": word}


def _lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def name_variants(rule: Rule, rs: RuleSet, ctx: CheckContext) -> Iterator[Hit]:
    """A name spelled two ways in one document ('Zelensky' and 'Zelenskyy'): the rarer spelling is flagged.

    At least one of the two spellings must be seen as a name (inside a sentence, or several words): two
    words that only ever open sentences ("There" / "Three") are ordinary words as likely as names.
    """
    floor = float(rule.options.get("similarity", 0.8))
    shortest = int(rule.options.get("min_length", 5))
    found, sure = _name_candidates(ctx)
    counts = Counter({name: len(spots) for name, spots in found.items()})
    names = sorted(n for n in counts if len(n) >= shortest)
    flagged: set[str] = set()
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if not (a in sure or b in sure) or not _variants(a, b, floor):
                continue
            rare, usual = (a, b) if counts[a] < counts[b] or (counts[a] == counts[b] and a > b) else (b, a)
            if rare in flagged:
                continue
            flagged.add(rare)
            for start, end in found[rare]:
                yield start, end, {"match": rare, "other": usual, "times": str(counts[usual])}


def _variants(a: str, b: str, floor: float) -> bool:
    """Two spellings of one name: close, not an inflection or a longer name containing the other."""
    words_a, words_b = a.split(), b.split()
    if a.casefold() == b.casefold() or _contains(words_a, words_b) or _contains(words_b, words_a):
        return False
    if a.replace("-", " ").replace(" ", "").casefold() == b.replace("-", " ").replace(" ", "").casefold():
        return True  # Xi Jin-ping / Xi Jinping
    if a.count(" ") != b.count(" ") or a[:1] != b[:1]:
        return False
    stem_a, stem_b = a.rstrip("s"), b.rstrip("s")
    if stem_a == stem_b or a.endswith(("ian", "ese", "an")) != b.endswith(("ian", "ese", "an")):
        return False  # plurals and demonyms (Chinas / China, Korean / Korea)
    return SequenceMatcher(None, a.casefold(), b.casefold()).ratio() >= floor


def _contains(longer: list[str], shorter: list[str]) -> bool:
    """Whether the words of one name run inside another's ('Fang' in 'Fang Fang', 'Li' in 'Li Qiang')."""
    n = len(shorter)
    return len(longer) > n and any(longer[k : k + n] == shorter for k in range(len(longer) - n + 1))
