"""Candidate terms of a document: names, acronyms, numbers with units, dates, quoted phrases, compounds."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from mtcheck.checks.align import squash
from mtcheck.checks.ruleset import function_words

KINDS = ("date", "quote", "name", "acronym", "number", "compound")
MAX_QUOTE_WORDS = 6
_QUOTED = re.compile(r"[\"“„«‹]([^\"“”„«»‹›\n]{1,80}?)[\"”“»›]|(?<![\w])‘([^‘’\n]{1,80}?)’(?!\w)")
_ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*(?![\w-])|(?<![\w-])[A-Z]{2,}(?![\w-])")
_COMPOUND = re.compile(r"(?<![\w-])\w+(?:-\w+)+(?![\w-])")
_CAP_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*")
_INITIAL = re.compile(r"(?:^|\n|[.!?:][\"'”»)]*[ \t]+|[\"“„«][ \t]*)")
_NUMBER = r"\d+(?:[.,\u00a0\u202f]\d{3})*(?:[.,]\d+)?"


@dataclass(frozen=True)
class Term:
    """A candidate term with its span in the text it was extracted from."""

    text: str
    start: int
    end: int
    kind: str  # one of KINDS

    @property
    def key(self) -> str:
        """Case, spacing and punctuation folded: what counts as the same term."""
        return squash(self.text)


@cache
def vocabulary() -> dict[str, Any]:
    """The term vocabulary data file (months, units, name connectors)."""
    path = resources.files("mtcheck.checks").joinpath("data", "terms.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    voc = vocabulary()
    months = "|".join(sorted((re.escape(m) for m in voc["months"]), key=len, reverse=True))
    units = "|".join(sorted((re.escape(u) for u in voc["units"]), key=len, reverse=True))
    prefix = "|".join(re.escape(p) for p in voc["currency_prefixes"])
    date = re.compile(
        r"(?<!\w)(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
        rf"|\d{{1,2}}\.?(?: de)? (?:{months})\b(?:,?(?: de)? \d{{4}})?"
        rf"|(?:{months}) \d{{1,2}}(?:st|nd|rd|th)?\b(?:, \d{{4}})?"
        rf"|(?:{months}) \d{{4}})(?!\w)",
        re.IGNORECASE,
    )
    number = re.compile(rf"(?<![\w.,])(?:(?:{prefix}) ?)?{_NUMBER}(?: ?(?:{units})(?![\w²³]))?(?![\w])")
    return date, number


def sentence_initials(text: str, sentence_starts: Iterable[int]) -> set[int]:
    """Offsets where a sentence (or a quotation) begins."""
    starts = {m.end() for m in _INITIAL.finditer(text)} | set(sentence_starts)
    return {s + len(text[s:]) - len(text[s:].lstrip()) for s in starts}


def _name_word(word: str) -> bool:
    """Capitalised, not all capitals, not a compound such as Stalinist-ruled (Kim Jong-un is fine)."""
    last = word.rsplit("-", 1)[-1]
    if "-" in word and last.islower() and len(last) >= 3:
        return False
    return word[0].isupper() and not word.isupper()


def contraction(word: str, stop: frozenset[str] | set[str]) -> bool:
    """A capitalised contraction of a pronoun or verb ("I'm", "It's", "We'll", "Don't"), never a name.

    `stop` holds the language's function words; "I" and the other `not_names` count as well.
    """
    voc = vocabulary()
    for mark in ("'", "’"):
        if mark not in word:
            continue
        stem, _, rest = word.partition(mark)
        rest = rest.casefold()
        if rest not in voc["contractions"]:
            return False
        folded = stem.casefold()
        if rest == "t" and folded.endswith("n"):
            return True  # Don't, Isn't, Can't, Won't
        return stem in voc["not_names"] or folded in stop
    return False


def _names(text: str, language: str, initials: set[int]) -> list[Term]:
    voc = vocabulary()
    single_ok = language not in voc["noun_capitalising"]
    # Where every noun is capitalised, "Besuch von Olaf Scholz" must not become one name.
    connectors = set(voc["name_connectors"]) if single_ok else set()
    not_names = set(voc["not_names"])
    stop = function_words(language)
    words = [m for m in _CAP_WORD.finditer(text) if not contraction(m.group(), stop)]
    known = {m.group() for m in words if m.group()[0].isupper() and m.start() not in initials}
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    pending: list[re.Match[str]] = []
    for m in words:
        word = m.group()
        gap = text[(pending or current)[-1].end() : m.start()] if current else ""
        joined = not current or (gap.strip() == "" and "\n" not in gap)
        if _name_word(word) and joined:
            current += pending + [m]
            pending = []
        elif current and word in connectors and joined and len(pending) < 2:
            pending.append(m)
        else:
            if current:
                runs.append(current)
            current = [m] if _name_word(word) else []
            pending = []
    if current:
        runs.append(current)
    terms: list[Term] = []
    for run in runs:
        if run[0].start() in initials and (run[0].group() not in known or run[0].group().casefold() in stop):
            run = run[1:]
            while run and run[0].group() in connectors:
                run = run[1:]
        if not run or (len(run) == 1 and (not single_ok or _not_a_name(run[0].group(), not_names, stop))):
            continue
        start, end = run[0].start(), run[-1].end()
        value = text[start:end]
        for suffix in ("'s", "’s"):
            if value.endswith(suffix):
                value, end = value[: -len(suffix)], end - len(suffix)
        terms.append(Term(value, start, end, "name"))
    return terms


def _not_a_name(word: str, not_names: set[str], stop: frozenset[str]) -> bool:
    """A single capitalised word that is never a name: a title, "I", or a function word ("It", "We")."""
    return word in not_names or word.casefold() in stop


def _quotes(text: str) -> list[Term]:
    terms = []
    for m in _QUOTED.finditer(text):
        group = 1 if m.group(1) is not None else 2
        inner = m.group(group)
        stripped = inner.strip(" ,.;:")
        if not stripped or len(stripped.split()) > MAX_QUOTE_WORDS:
            continue
        start = m.start(group) + inner.index(stripped)
        terms.append(Term(stripped, start, start + len(stripped), "quote"))
    return terms


def _acronyms(text: str) -> list[Term]:
    found = []
    for m in _ACRONYM.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if sum(ch.isalpha() for ch in m.group()) >= 2 and not line.isupper():
            found.append(Term(m.group(), m.start(), m.end(), "acronym"))
    return found


def extract_terms(text: str, language: str = "en", sentence_starts: Iterable[int] = ()) -> list[Term]:
    """Candidate terms of text, in order, without overlaps (the longest wins at a position)."""
    date, number = _patterns()
    initials = sentence_initials(text, sentence_starts)
    found: list[Term] = [Term(m.group(), m.start(), m.end(), "date") for m in date.finditer(text)]
    found += _quotes(text)
    found += _names(text, language, initials)
    found += _acronyms(text)
    found += [Term(m.group(), m.start(), m.end(), "number") for m in number.finditer(text)]
    found += [
        Term(m.group(), m.start(), m.end(), "compound")
        for m in _COMPOUND.finditer(text)
        if any(ch.isalpha() for ch in m.group())
    ]
    priority = {kind: k for k, kind in enumerate(KINDS)}
    found.sort(key=lambda t: (t.start, -(t.end - t.start), priority[t.kind]))
    kept: list[Term] = []
    for term in found:
        if kept and term.start < kept[-1].end:
            continue
        kept.append(term)
    return kept


def numbers_in(text: str) -> list[str]:
    """Digit groups of text with separators removed ('1,000.5' -> '10005'), for comparing numbers."""
    return [re.sub(r"\D", "", g) for g in re.findall(_NUMBER, text)]
