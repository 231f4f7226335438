"""Model-free rules per language, read from data/rules/*.toml (see docs/findings.md)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from mtcheck.checks.align import align
from mtcheck.checks.base import Check, CheckContext
from mtcheck.checks.emit import make, sentence_at
from mtcheck.checks.ruleset import Rule, RuleSet, function_words, load_rules, rule_languages
from mtcheck.checks.signals import foreign_script, midsentence_capital, name_variants, repetition
from mtcheck.results import Finding

# A hit: document span and the values the rule's message may use.
Hit = tuple[int, int, dict[str, str]]

_DOUBLED = re.compile(r"(?<![\w-])([^\W\d_]+)([ \t]+)(\1)(?![\w-])", re.IGNORECASE)
_AFTER_STOP = re.compile(r"(?P<prev>[\w.]*\w)(?P<stop>[.!?])[ \t]+(?P<word>\w[\w'’-]*)")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_INNER_PUNCT = re.compile(r"[,;:()\[\]—–]|\s-\s")
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
# Quote pairs of all supported languages; a mark closes the innermost open quote when it can.
_QUOTE_PAIRS = {'"': {'"'}, "“": {"”"}, "„": {"“", "”"}, "«": {"»"}, "»": {"«"}, "‹": {"›"}, "›": {"‹"}}
_QUOTE_CLOSERS = {"”"}


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _sentences(ctx: CheckContext) -> Iterator[tuple[int, str]]:
    if ctx.sentences:
        for s in ctx.sentences:
            yield s.start, ctx.text[s.start : s.end]
    else:
        yield from _paragraphs(ctx.text)


def _pattern(rule: Rule, rs: RuleSet, ctx: CheckContext) -> Iterator[Hit]:
    assert rule.pattern is not None
    for m in rule.pattern.finditer(ctx.text):
        yield m.start(), m.end(), {"match": m.group()}


def _doubled(rule: Rule, rs: RuleSet, ctx: CheckContext) -> Iterator[Hit]:
    allowed = {e.casefold() for e in rs.param("doubled_exceptions")}
    stop = function_words(rs.language)
    for m in _DOUBLED.finditer(ctx.text):
        if f"{m.group(1)} {m.group(3)}".casefold() in allowed or _reduplicated_name(m.group(1), m.group(3), stop):
            continue
        yield m.start(), m.end(), {"match": m.group()}


def _reduplicated_name(first: str, second: str, stop: frozenset[str]) -> bool:
    """Both copies capitalised, and not a function word: a name such as Fang Fang, Bora Bora, Walla Walla.

    "The The" (a function word) and "the the" or "Was was" (a copy in lower case) stay doubled words.
    """

    def titled(word: str) -> bool:
        return word[:1].isupper() and not word.isupper()

    return titled(first) and titled(second) and first.casefold() not in stop


def _match_marks(line: str, pairs: dict[str, set[str]], closers: set[str]) -> list[tuple[int, str]]:
    """Positions of marks left without a partner (openers never closed, stray closers)."""
    stack: list[tuple[int, str]] = []
    stray: list[tuple[int, str]] = []
    for i, ch in enumerate(line):
        if stack and ch in pairs[stack[-1][1]]:
            stack.pop()
        elif ch in pairs:
            stack.append((i, ch))
        elif ch in closers:
            stray.append((i, ch))
    return sorted(stray + stack)


def _quotes(rule: Rule, rs: RuleSet, ctx: CheckContext) -> Iterator[Hit]:
    for offset, line in _paragraphs(ctx.text):
        for i, ch in _match_marks(line, _QUOTE_PAIRS, _QUOTE_CLOSERS):
            yield offset + i, offset + i + 1, {"match": ch}


def _brackets(rule: Rule, rs: RuleSet, ctx: CheckContext) -> Iterator[Hit]:
    pairs = {o: {c} for o, c in _BRACKETS.items()}
    for offset, line in _paragraphs(ctx.text):
        for i, ch in _match_marks(line, pairs, set(_BRACKETS.values())):
            yield offset + i, offset + i + 1, {"match": ch}


def _lowercase_start(rule: Rule, rs: RuleSet, ctx: CheckContext) -> Iterator[Hit]:
    abbreviations = {a.casefold() for a in rs.param("abbreviations")}
    for m in _AFTER_STOP.finditer(ctx.text):
        prev, word = m.group("prev"), m.group("word")
        if not word[0].islower() or any(ch.isupper() for ch in word[1:]):
            continue  # a capital letter, or a brand such as iPhone
        if prev.casefold() in abbreviations or any(ch.isdigit() for ch in prev) or len(prev) == 1:
            continue
        if m.group("stop") == "." and "." in prev:
            continue  # an abbreviation with inner dots: e.g., z.B.
        yield m.start("word"), m.end("word"), {"match": word}


def _long_sentence(rule: Rule, rs: RuleSet, ctx: CheckContext) -> Iterator[Hit]:
    limit = int(rule.options.get("max_words", 40))
    for offset, text in _sentences(ctx):
        words = _WORD.findall(text)
        if len(words) >= limit and not _INNER_PUNCT.search(text.strip().rstrip(".!?…")):
            stripped = text.strip()
            start = offset + text.index(stripped) if stripped else offset
            yield start, start + len(stripped), {"match": stripped[:40], "words": str(len(words))}


def _dangling(rule: Rule, rs: RuleSet, ctx: CheckContext) -> Iterator[Hit]:
    words = {w.casefold() for w in rs.param("dangling")}
    for offset, text in _sentences(ctx):
        found = list(_WORD.finditer(text))
        if found and found[-1].group().casefold() in words and not text.rstrip().endswith("?"):
            last = found[-1]
            yield offset + last.start(), offset + last.end(), {"match": last.group()}


def _leftovers(rule: Rule, rs: RuleSet, ctx: CheckContext) -> Iterator[Hit]:
    own = function_words(rs.language)
    exclude = set(rs.param("leftover_exclude"))
    allowed = {a.casefold() for a in rs.param("leftover_allowed")}
    particles = set(rs.param("name_particles"))
    names = dict(rs.params.get("language_names", {}))
    sources = [(lang, function_words(lang)) for lang in rs.param("leftover_sources")]
    tokens = list(_WORD.finditer(ctx.text))
    for k, m in enumerate(tokens):
        word = m.group()
        if not word.islower() or word in own or word in exclude:
            continue
        lang = next((code for code, words in sources if word in words), None)
        if lang is None:
            continue
        before = tokens[k - 1].group().casefold() if k else ""
        after = tokens[k + 1].group() if k + 1 < len(tokens) else ""
        if f"{before} {word}" in allowed or f"{word} {after.casefold()}" in allowed:
            continue
        if word in particles and _before_name(tokens, k, particles):
            continue
        yield m.start(), m.end(), {"match": word, "language": names.get(lang, lang)}


def _before_name(tokens: list[re.Match[str]], k: int, particles: set[str]) -> bool:
    """True when the particles starting at k lead to a capitalised word (von der Leyen)."""
    for m in tokens[k + 1 : k + 4]:
        if m.group()[:1].isupper():
            return True
        if m.group() not in particles:
            return False
    return False


KIND_RUNNERS: dict[str, Callable[[Rule, RuleSet, CheckContext], Iterable[Hit]]] = {
    "pattern": _pattern,
    "doubled_word": _doubled,
    "unbalanced_quotes": _quotes,
    "unbalanced_brackets": _brackets,
    "lowercase_start": _lowercase_start,
    "long_sentence": _long_sentence,
    "dangling_word": _dangling,
    "leftover_words": _leftovers,
    "foreign_script": foreign_script,
    "repetition": repetition,
    "name_variants": name_variants,
    "midsentence_capital": midsentence_capital,
}


# A rule stops after this many findings in one document (50 KB of "(" would otherwise be 50,000 findings,
# each rendered and aligned): the first ones say what the rest would.
MAX_FINDINGS_PER_RULE = 200


def run_rule(rule: Rule, rs: RuleSet, ctx: CheckContext) -> list[Finding]:
    """The findings of one rule on one document (at most MAX_FINDINGS_PER_RULE)."""
    found: list[Finding] = []
    for start, end, values in KIND_RUNNERS[rule.kind](rule, rs, ctx):
        if len(found) >= MAX_FINDINGS_PER_RULE:
            break
        details: dict[str, object] = {"rule_doc": rule.doc}
        if rule.suggestion:
            details["suggestion"] = rule.suggestion
        evidence = roundtrip_evidence(ctx, start, end)
        if evidence:
            details["counterparts"] = evidence
        message = rule.message.format_map(_Defaults(values))
        finding = make(
            ctx,
            kind="rule",
            rule=rule.id,
            severity=rule.severity,  # type: ignore[arg-type]
            message=message,
            start=start,
            end=end,
            details=details,
        )
        if finding is not None:
            found.append(finding)
    return found


def roundtrip_evidence(ctx: CheckContext, start: int, end: int) -> dict[str, str]:
    """What each pivot's round trip made of the span (pivot -> counterpart, "" when dropped)."""
    index = sentence_at(ctx, start)
    sentence = next((s for s in ctx.sentences if s.index == index), None)
    if sentence is None or not sentence.pivots or end > sentence.end:
        return {}
    original = ctx.text[sentence.start : sentence.end]
    local = (start - sentence.start, end - sentence.start)
    return {p.pivot_language: align(original, p.roundtrip).counterpart(*local) for p in sentence.pivots}


class _Defaults(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class LanguageRules(Check):
    """Doubled words, unbalanced marks, leftovers, calques and broken structure, per language."""

    name = "rules"
    kind = "rule"
    needs_roundtrip = False

    @classmethod
    def known_rules(cls) -> tuple[str, ...]:
        """The rule ids of every language's rule file (and the common one)."""
        ids = [rule.id for language in ("", *rule_languages()) for rule in load_rules(language).rules]
        return tuple(dict.fromkeys(ids))

    def run(self, ctx: CheckContext) -> Iterable[Finding]:
        rs = load_rules(ctx.language or "")
        found = [f for rule in rs.rules for f in run_rule(rule, rs, ctx)]
        return sorted(found, key=lambda f: (f.start or 0, f.rule or ""))
