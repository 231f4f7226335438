"""The concept layer: one language-independent combinator over small per-language concept lexicons.

Where the phrase rules found nothing strong, each clause or badge-sized fragment of the text is read for
concepts instead of phrases: a translate word (any language in data/concepts/), a "was translated / made"
form, a machine / automatic / AI / engine marker, placeholders that stand for a language or an engine
(`%{language}`, `{ $fromLanguage }`, `{provider}`, `%s`), words naming the text itself (content nouns and
deixis), negation, topic or setting cues, and the fragment's container (an admonition, a `*Warning:` key)
and position. The weights below are calibrated on the harvested dev sets (docs/detection.md).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from importlib import resources
from typing import Any

from mtcheck.detect import asides, scan
from mtcheck.detect.context import (
    CODE_PREPOSITION,
    CONSEQUENCE_END,
    COUNTED,
    CREDIT_SENTENCE_END,
    ITEM_SEPARATOR,
    LINE_REACH,
    SPACED_DASH,
    TALLY_LINE,
    WIDE_CHAR,
    after_last_cut,
    code_identifier,
    line_around,
    ui_message,
)
from mtcheck.detect.deferred import deferred
from mtcheck.detect.patterns import shared
from mtcheck.results import Evidence, Position

ENABLED = True  # tests and the eval script may switch the layer off to compare
CONCEPTS = (
    "translate",
    "done",
    "machine",
    "content",
    "deixis",
    "negation",
    "topic",
    "human",
    "caveat",
    "future",
    "copula",
    "qualifier",
    "hedge",
    "action",
    "agent",
    "reason",
    "link",
    "predicative",
    "article",
    "contains",
    "others",
    "by",
    "comitative",
    "instrumental",
    "contrast",
    "not_only",
    "but",
    "manner",
    "more",
    "question",
    "theme",
    "habitual",
    "definite",
    "review",
    "unreviewed",
    "unreviewed_after",
    "when",
    "of",
    "output",
    "source",
    "source_after",
    "target",
    "self_used",
    "perfect",
    "disclaims",
    "final",
    "and",
    "tag",
    "because",
    "because_before",
    "purpose",
    "quality",
    "version",
    "genitive",
    "label_caveat",
    "need",
    "tag_object",
    "false_translate",
    "heading_feature",
    "condition",
)
_CONCEPT_SET = frozenset(CONCEPTS)
# read by their own rules, not as plain cues
_READ_APART = frozenset(CONCEPTS) - {
    "done",
    "machine",
    "content",
    "deixis",
    "negation",
    "topic",
    "human",
    "caveat",
    "habitual",
}
MAX_FRAGMENT = 600  # characters; longer sentences are cut (a notice is short)
MAX_FRAGMENTS = 2000  # fragments holding a translate word, per document
# Weights of the combinator (one set for every language): see docs/detection.md, "Concept layer".
BASE = 0.30  # a translate word and a "was translated / made" form
MACHINE = 0.25
SLOT = 0.15
SECOND_SLOT = 0.05
SELF = 0.10
CONTAINER = 0.10
EDGE = 0.05
TOPIC = -0.35
HUMAN_ONLY = -0.25
QUESTION = -0.35
FUTURE = -0.35  # "will be translated automatically", "can translate", "to translate": a feature, not this text
FUTURE_REACH = 30  # characters between a future / modal marker and the translate word it governs
FIRE = 0.5  # the least score that becomes evidence
CAP = 0.9

_POSITIVE = frozenset({"done", "machine", "content", "deixis", "caveat"})
# read in the language that explains the fragment best: Italian "mai" ("never") is Romanian "de mai sus" ("above")
_OWN_LANGUAGE = frozenset({"topic", "human", "negation"})
# lines; sentences (a full stop after an Indic vowel sign too, "છે. "; a question mark whatever comes before it,
# "हैं? ", but not an admonition's "???"; Indic, Urdu, Armenian, Ethiopic, Khmer and Burmese full stops)
_SPLIT = deferred(r"\n|(?<=[\w\u0900-\u0dff)\]}\"'][.!?])\s+|(?<=[^\s?!][?!؟])\s+|(?<=[。！？।॥۔։።፧។။])")
_PLACEHOLDER = deferred(
    r"\{\{[^{}\n]{1,60}\}\}|\{\s*\$?[\w.-]{1,40}\s*\}|%\{\w{1,40}\}|%\(\w{1,40}\)[sd]|%\d?\$?[sd@]|\$\{\w{1,40}\}"
    r"|<ph\b[^<>]{0,80}>|\[\[\w{1,40}\]\]|\$[a-z][a-z_]{1,40}\$"  # last: Chrome extension messages, `$LANGUAGE_NAME$`
    # ICU `{0}`, Laravel `:lang`, `__LANG__`
    r"|\{\d{1,2}\}|(?<![\w:]):[a-z_]{0,20}lang[a-z_0-9]{0,20}|__[a-z_]{0,20}lang[a-z_]{0,20}__"
)
# A placeholder for a person, a count or a date cannot stand for the engine or the language.
_NOT_A_SLOT = deferred(
    r"author|user|(?<!language_)(?<!lang_)name|count|date|time|num|size|length|total|code|message|error|status|url|link"
    r"|\bid\b|\bn\b"
)
# A slot named for the tool: "by %{translator}", "using {provider}".
_TOOL_SLOT = deferred(r"translator|provider|engine|service|tool|model|motor|moteur")
# An admonition or details title: MkDocs `??? info "..."`, `!!! note "..."`, pymdownx `/// details | ...`, `:::tip ...`.
_TITLE = deferred(r"^\s*(?:!!!|\?\?\?\+?|///|:::)\s*\w*")
_CONTAINER = deferred(
    r"^\s*(?:!!!|\?\?\?\+?|///|:::|>|\[!\w+\]|<aside\b|\.\. \w+::|\{%\s*(?:hint|alert|note)|[\w.-]*(?:warning|notice"
    r"|disclaimer|banner|notification)\w*\s*[:=])",
    re.IGNORECASE,
)
# Source code around the words: a call with a string, an arrow function, a checkbox line.
# (a line that ends by closing a call, "… fn(x)" or "… fn(g(x));": a name right before its bracket; not a sentence that
# ends with a remark in brackets, "… translated with DeepL (version 2)", whose bracket follows a space)
_CODE = deferred(r"\w\(\s*[\"'`]|=>|\w\((?:[^()]|\([^()]*\))*\);?\s*$|^\s*[-*]?\s*\[[ x]\]\s")
# ... but a short label in brackets after a name or a slot is no call: "{lang} (machine translation)", "Español
# (traducción automática)"
_BRACKETED_LABEL = deferred(r"(?:[^()\n]{1,40}\s)?\([^()\n]{1,60}\)\s*")
# Markup around a badge: a link after the text starts its last part ("<small>…</small> <a …>Show original</a>"),
# and the tags are no words of it (`<ph …>` is a placeholder, kept)
_LINK_START = deferred(r"(?:</\w+>\s*)?<a\b[^<>\n]{0,200}>")
_TAG = deferred(r"<(?!ph\b)/?[a-zA-Z][^<>\n]{0,200}>")
BRACKETED_WORDS = 8
# (a model tier after the name is the engine: "Claude Opus 5", "Gemini Pro")
_PERSON = deferred(
    r"\b(Claude|Marian|Gemini|Bard|Aria|Grok)\s+"
    r"(?!(?:Opus|Sonnet|Haiku|Instant|Pro|Flash|Ultra|Nano|Advanced|Mini|Turbo|Code)\b)[A-ZÀ-Þ][a-zà-ÿ]+"
)
# An engine's name with a case ending or a noun-class prefix: Czech "Googlem", Finnish "Googlen", Georgian
# "Google-ის", Zulu and Xhosa "nguGoogle"
# (a case ending is written in the name's own alphabet: "DeepL訳", "Google翻訳)" hold the name and a word of a script
# without spaces written onto it, not an inflection of it)
_INFLECTED_ENGINE = deferred(
    r"(?<![^\W\d_])(?:ngu|yi-?|ku-)?(google|deepl|yandex|papago|chatgpt|gemini|copilot)"
    r"(?:-?(?:(?![\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])[^\W\d_]){1,3})?"
    r"(?![^\W\d_])"
)
_QUESTION = deferred(r"[?？;]\s*[\"')\]]*\s*$")
# A short label that ends in a colon, where a language name is added after it ("Translated to: " + name).
_OPEN_END = deferred(r"[:：៖]\s*$")
OPEN_END_WORDS = 6
_LEAD_JUNK = deferred(r"^[\W_]+")
_CLAUSE_REST = deferred(r"[\s.!।॥]*")  # nothing but the clause's end
_LABEL = deferred(r"^[^\W\d_]+(?::|\s+[—–|-])\s*")
SOURCED_WORDS = 8
BADGE_WORDS = 6
GENERIC_AI = "AI"  # the engine table's entry for AI named in general (common.toml)
BARE_WORDS = 3  # a bare label: "Machine translation", "Traduction automatique", "Дəзгаһ тәржемәһе"
# The last part of a badge after a separator ("·", "|", "•", a spaced dash): "… · Show original", "… | 원문 보기"
_TAIL = deferred(r"\s*(?:[·•|｜]|\s[-–—]\s)\s*([^·•|｜\n]{1,40})$")
TAIL_WORDS = 4


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or unicodedata.category(ch) in ("Mn", "Mc")  # combining vowel signs too


def _blank(text: str, start: int, end: int) -> str:
    """The text with start..end blanked out (same length, so offsets hold)."""
    return text[:start] + " " * (end - start) + text[end:]


def _as_spaces(m: re.Match[str]) -> str:
    """A match blanked out (same length): the replacement of a `sub` that keeps offsets."""
    return " " * len(m.group(0))


@dataclass(frozen=True)
class Matcher:
    """One concept of one language: a trie regex of its entries, word edges checked on each match."""

    regex: re.Pattern[str]
    whole: frozenset[str]  # entries that must end at a word edge
    spaces: bool
    prefixes: frozenset[str] = frozenset()  # proclitics that may stand before an entry in the same word
    # written with "$" in a lexicon whose words are not spaced: still a word of its own where the text has spaces
    # (Korean "이$", "this", is not the subject particle of "상품이")
    edged: frozenset[str] = frozenset()

    def search(self, text: str) -> bool:
        """Whether an entry occurs: at a word start (and end, for whole words) where words are spaced."""
        return next(self.spans(text), None) is not None

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """Where the entries occur, as `search` reads them (overlapping matches included)."""
        pos = 0
        while (m := self.regex.search(text, pos)) is not None:
            s, e = m.span()
            pos = s + 1  # overlapping: "mīkini unuhi ʻia" must still find "unuhi ʻia"
            if not self.spaces:
                inside = s and _word_char(text[s - 1]) or e < len(text) and _word_char(text[e])
                if _canon(m.group(0)) in self.edged and inside:
                    continue
                yield s, e
                continue
            if s and _word_char(text[s - 1]) and not _after_proclitic(text, s, self.prefixes):
                continue
            if _canon(m.group(0)) in self.whole and e < len(text) and _word_char(text[e]):
                continue
            yield s, e

    def strip(self, text: str) -> str:
        """The text with every entry blanked out (same length), so other concepts do not read inside it."""
        return self.regex.sub(_as_spaces, text)


@dataclass(frozen=True)
class Lexicon:
    """One language's concepts, compiled."""

    code: str
    spaces: bool
    patterns: Mapping[str, Matcher | None]  # concept -> its matcher, compiled on first read (_Matchers)
    future_after: bool = False  # verb-final languages: the future / modal marker follows the translate word
    zero_copula: bool = False  # "this is X" needs no verb (Bengali "এটি ... মেশিন অনুবাদ।"): a clause end is the copula


_NAMES = ("deixis", "content")  # the concepts that name a text: "this", "page"


def _holds(lexicon: Lexicon, text: str, kinds: tuple[str, ...]) -> bool:
    """Whether the text holds an entry of one of the lexicon's concepts `kinds` (as `Matcher.search` reads it)."""
    return any((p := lexicon.patterns[c]) is not None and p.search(text) for c in kinds)


def _stripped(lexicon: Lexicon, text: str, kinds: tuple[str, ...]) -> str:
    """The text with the entries of the lexicon's concepts `kinds` blanked out, one concept after the other."""
    for concept in kinds:
        if (matcher := lexicon.patterns[concept]) is not None:
            text = matcher.strip(text)
    return text


def _matcher(words: list[str], spaces: bool, prefixes: frozenset[str] = frozenset()) -> Matcher | None:
    entries = {_fold(w.rstrip("$")): w.endswith("$") or len(w.rstrip("$")) <= 2 for w in words if w.strip("$ ")}
    if not entries:
        return None
    regex = re.compile(_trie(sorted(entries, key=len, reverse=True)).replace("\\ ", "\\s+"))
    marked = (w for w in words if w.endswith("$") and w != "$")
    edged = frozenset() if spaces else frozenset(_canon(_fold(w.rstrip("$"))) for w in marked)
    return Matcher(regex, frozenset(_canon(w) for w, whole in entries.items() if whole), spaces, prefixes, edged)


MAX_PROCLITICS = 3  # "וכשה", "وبال": conjunction, preposition, article


def _proclitics(items: list[str]) -> frozenset[str]:
    """Every sequence of up to MAX_PROCLITICS of a lexicon's proclitics ("ו", "ב", "ה" -> "וב", "בה", "ובה")."""
    out = {""}
    for _ in range(MAX_PROCLITICS):
        out |= {p + _canon(_fold(q)) for p in out for q in items}
    return frozenset(out - {""})


def _after_proclitic(text: str, start: int, prefixes: frozenset[str]) -> bool:
    """Whether the word holding `start` begins with proclitics only up to it: Hebrew "לתרגם", "בבינה", Arabic
    "للترجمة", Amharic "በAI" (the entry is read as the word it is)."""
    if not prefixes:
        return False
    begin = start
    while begin and _word_char(text[begin - 1]):
        begin -= 1
    return _canon(text[begin:start]) in prefixes


# Letters written two ways in the Arabic script: Arabic yeh, alef maksura and kaf beside the Persian yeh and keheh that
# Pashto, Persian, Urdu and Sindhi use ("ماشيني" is "ماشینی"). An entry matches either spelling; `_canon` names both.
_SPELLINGS = {"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"}
_CANON = str.maketrans(_SPELLINGS)
_SAME = {canon: [canon, *(k for k, v in _SPELLINGS.items() if v == canon)] for canon in set(_SPELLINGS.values())}
_EITHER = {ch: "[" + "".join(same) + "]" for same in _SAME.values() for ch in same}


def _canon(text: str) -> str:
    """One spelling for the letters the Arabic script writes two ways (same length)."""
    return text.translate(_CANON)


def _trie(words: list[str]) -> str:
    """A regex alternation factored by common prefixes, so hundreds of stems cost one pass."""
    tree: dict[str, dict] = {}
    for word in words:
        word = _canon(word)
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts, end = [], "" in node
        for ch in sorted(k for k in node if k):
            alts.append(_EITHER.get(ch, re.escape(ch)) + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return emit(tree)


def _data_files() -> Iterator[tuple[str, str]]:
    folder = resources.files("mtcheck.detect").joinpath("data", "concepts")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            yield entry.name, entry.read_text(encoding="utf-8")


# The keys a run reads from every lexicon file (to find which lexicons a text needs); the rest is read from the
# files of those lexicons only.
_HEAD_KEYS = deferred(r"^(?:code|spaces|translate|future_after|prefixes|zero_copula)[ \t]*=[^\n]*$", re.MULTILINE)


class _Words(Mapping[str, list[str]]):
    """concept -> entries of one lexicon file: "translate" and "prefixes" from the file's head, the others parsed
    on first read."""

    def __init__(self, text: str, translate: list[str], prefixes: list[str], zero_copula: bool = False) -> None:
        self.text = text
        self.zero_copula = zero_copula
        self._head = {"translate": translate, "prefixes": prefixes}
        self._all: dict[str, list[str]] | None = None

    def _full(self) -> dict[str, list[str]]:
        if self._all is None:
            data = tomllib.loads(self.text)
            self._all = {concept: _spelled([str(w) for w in data.get(concept, [])], data) for concept in CONCEPTS}
        return self._all

    def __getitem__(self, concept: str) -> list[str]:
        head = self._head.get(concept)
        return head if head is not None else self._full()[concept]

    def __iter__(self) -> Iterator[str]:
        return iter((*CONCEPTS, "prefixes"))

    def __len__(self) -> int:
        return len(CONCEPTS) + 1


def _spelled(entries: list[str], data: dict[str, Any]) -> list[str]:
    """The entries and, where the file has an `ascii_spellings` table (German: "ü" = "ue"), each entry also as it is
    written without those letters ("nicht geprüft" as "nicht geprueft", in code comments and ASCII-only files)."""
    table = data.get("ascii_spellings")
    if not isinstance(table, dict) or not table:
        return entries
    swap = str.maketrans({str(k): str(v) for k, v in table.items()})
    return entries + [a for w in entries if (a := w.translate(swap)) != w and a not in entries]


def _head(text: str) -> dict[str, Any]:
    """code, spaces, translate, future_after and prefixes of a lexicon file: from their own lines when each is on
    one line (a file of plain `key = value` lines, as every shipped one is), else from the whole file."""
    if not re.search(r"^[ \t]*\[", text, re.MULTILINE):  # no tables
        try:
            head = tomllib.loads("\n".join(m.group(0) for m in _HEAD_KEYS.finditer(text)))
        except tomllib.TOMLDecodeError:  # a value over several lines
            head = {}
        if "code" in head and "translate" in head:
            return head
    return tomllib.loads(text)


@cache
def _lexicon_data() -> tuple[tuple[str, bool, _Words, bool], ...]:
    """(code, spaces, concept -> entries, future_after) of every file in data/concepts/. Each file is read once;
    only its head is parsed until a text needs that lexicon's other concepts."""
    out = []
    for _, text in _data_files():
        data = _head(text)
        words = _Words(
            text,
            [str(w) for w in data.get("translate", [])],
            [str(w) for w in data.get("prefixes", [])],
            bool(data.get("zero_copula", False)),
        )
        out.append((str(data["code"]), bool(data.get("spaces", True)), words, bool(data.get("future_after", False))))
    return tuple(out)


_KEY_LINE = "^{}[ \t]*="


@cache
def _sets(i: int, key: str) -> bool:
    """Whether the i-th lexicon file sets an optional `key` ("comitative", "contrast", "but"), read from its text
    without compiling the lexicon (most do not: a rule that needs the key skips them)."""
    return re.search(_KEY_LINE.format(key), _lexicon_data()[i][2].text, re.MULTILINE) is not None


@cache
def _lexicon(i: int) -> Lexicon:
    """The i-th lexicon, compiled on first use: a text rarely holds the translate words of more than a few."""
    code, spaces, words, future_after = _lexicon_data()[i]
    prefixes = _prefix_set(i)
    return Lexicon(code, spaces, _Matchers(words, spaces, prefixes), future_after, words.zero_copula)


class _Matchers(Mapping[str, "Matcher | None"]):
    """One lexicon's concept -> Matcher, each compiled the first time it is read: a text that needs a lexicon reads a
    few of its 58 concepts (an English page, "but" and some ten others)."""

    def __init__(self, words: Mapping[str, list[str]], spaces: bool, prefixes: frozenset[str]) -> None:
        self._words = words
        self._spaces = spaces
        self._prefixes = prefixes
        self._compiled: dict[str, Matcher | None] = {}

    def __getitem__(self, concept: str) -> Matcher | None:
        try:
            return self._compiled[concept]
        except KeyError:
            if concept not in _CONCEPT_SET:
                raise
        matcher = self._compiled[concept] = _matcher(self._words[concept], self._spaces, self._prefixes)
        return matcher

    def __iter__(self) -> Iterator[str]:
        return iter(CONCEPTS)

    def __len__(self) -> int:
        return len(CONCEPTS)


@cache
def _prefix_set(i: int) -> frozenset[str]:
    """The i-th lexicon's proclitic sequences (`prefixes` in its file: Hebrew, Arabic, Amharic)."""
    return _proclitics(_lexicon_data()[i][2]["prefixes"])


class _Compiled:
    """lexicons()[i] without compiling the others."""

    def __getitem__(self, i: int) -> Lexicon:
        return _lexicon(i)


_COMPILED = _Compiled()


def lexicons() -> tuple[Lexicon, ...]:
    """Every concept lexicon in data/concepts/, compiled (once)."""
    return tuple(_lexicon(i) for i in range(len(_lexicon_data())))


@cache
def _translate_index() -> tuple[re.Pattern[str], dict[str, tuple[int, ...]]]:
    """One trie regex over every translate stem, and which lexicons own each stem."""
    owners: dict[str, list[int]] = {}
    for i, (_, _, words, _) in enumerate(_lexicon_data()):
        for word in _stems(words["translate"]):
            owners.setdefault(_canon(word), []).append(i)
    regex = re.compile(_trie(sorted(owners, key=len, reverse=True)))
    return regex, {k: tuple(v) for k, v in owners.items()}


def _stems(words: list[str]) -> tuple[str, ...]:
    return tuple(_fold(w.rstrip("$")) for w in words)


@cache
def _code_translation() -> re.Pattern[str]:
    """Translation between programming languages: "from Rust to Go", "into Lean"."""
    return re.compile(CODE_PREPOSITION + f"(?:{shared().code_names.pattern})")


@cache
def _engine_any() -> re.Pattern[str]:
    return re.compile(shared().engine_any)


def languages() -> tuple[str, ...]:
    """The codes of the concept lexicons."""
    return tuple(code for code, _, _, _ in _lexicon_data())


@dataclass(frozen=True)
class Reading:
    """What the combinator found in one fragment."""

    score: float
    language: str
    concepts: frozenset[str]
    slots: int


# Malayalam's chillu letters in their older spelling, consonant + virama + joiner ("വിവര്‍ത്തനം" for "വിവർത്തനം");
# any other zero-width joiner only shapes the letters ("යන්ත්‍ර" is written with it or without): both read without it
_CHILLUS = {"ണ": "ൺ", "ന": "ൻ", "ര": "ർ", "ല": "ൽ", "ള": "ൾ", "ക": "ൿ"}
_JOINED = deferred("([" + "".join(_CHILLUS) + "])\u0d4d\u200d|\u200d")
# Optional vowel marks, dropped as the phrase rules' view drops them: Arabic harakat, the superscript alef and
# tatweel ("مُترجمة" is "مترجمة"), Hebrew points and cantillation.
_VOWEL_MARKS = deferred(r"[\u064b-\u065f\u0670\u0640\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]")


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).lower().replace("\u00ad", "").replace("\u200b", "")
    if "\u200d" in folded:
        folded = _unjoined(folded)[0]
    # Turkish "İ" lowers to "i" and a combining dot: "İngilizceden" is read as "ingilizceden"
    return _VOWEL_MARKS.sub("", folded).replace("i\u0307", "i")


def _unjoined(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without zero-width joiners (`_JOINED`), and where each shift of its offsets begins: (offset in the
    new text, characters removed before it)."""
    parts: list[str] = []
    shifts: list[tuple[int, int]] = []
    pos = removed = 0
    for m in _JOINED.finditer(text):
        parts += [text[pos : m.start()], _CHILLUS[m.group(1)] if m.group(1) else ""]
        removed += m.end() - m.start() - (1 if m.group(1) else 0)
        pos = m.end()
        shifts.append((m.end() - removed, removed))
    return "".join(parts) + text[pos:], shifts


def _owners(folded: str) -> list[int]:
    """Lexicons whose translate stem occurs in the text (at a word start, or inside a compound when long)."""
    regex, owners = _translate_index()
    found: list[int] = []
    data = _lexicon_data()
    pos = 0
    while (m := regex.search(folded, pos)) is not None:
        match, start = m.group(0), m.start()
        pos = start + 1  # overlapping stems: "diterjemahake" holds "diterjemah" (id) and "terjemah" (jv)
        at_start = start == 0 or not _word_char(folded[start - 1])
        for k in range(len(match), 0, -1):  # every stem the match begins with: "translate" (pcm), "translat" (en)
            for i in owners.get(_canon(match[:k]), ()):
                prefixed = not at_start and _after_proclitic(folded, start, _prefix_set(i))
                if (not data[i][1] or at_start or k >= 5 or prefixed) and i not in found:
                    found.append(i)
    return found


def _first_translate(folded: str) -> int | None:
    """Where the first translate stem that some lexicon reads there begins (as `_owners` reads them)."""
    regex, owners = _translate_index()
    data = _lexicon_data()
    for m in regex.finditer(folded):
        match, start = m.group(0), m.start()
        at_start = start == 0 or not _word_char(folded[start - 1])
        for k in range(len(match), 0, -1):
            if any(not data[i][1] or at_start or k >= 5 for i in owners.get(_canon(match[:k]), ())):
                return start
    return None


def _future(lexicon: Lexicon, folded: str) -> bool:
    """A future or modal marker governing a translate word: before it, or after it in verb-final languages.

    "will be translated automatically", "ترجمہ ہو جائے گا"; not "was translated and will be reviewed".
    """
    marker = lexicon.patterns["future"]
    if marker is None:
        return False
    regex, _ = _translate_index()
    for m in regex.finditer(folded):
        lo, hi = (m.end(), m.end() + FUTURE_REACH) if lexicon.future_after else (m.start() - FUTURE_REACH, m.start())
        window = folded[max(0, lo) : max(0, hi)]
        if window and marker.search(window):
            return True
    return False


@cache
def _by_code() -> dict[str, int]:
    return {code: i for i, (code, _, _, _) in enumerate(_lexicon_data())}


def future_follows(code: str, text: str) -> bool:
    """Whether `text` (the words right after a phrase) holds a future or modal marker of a verb-final language.

    The phrase rules read "স্বয়ংক্রিয়ভাবে অনূদিত হবে" ("will be translated automatically") or "अनुवादित होंगे"
    with this: a feature that will translate, not a text that was translated.
    """
    i = _by_code().get(code)
    # Not in scripts written without spaces: there a marker matches inside any verb (Korean "됩니다" is also the
    # present of "제공됩니다", "is provided"), and the phrase rules of ja and ko read their own modal cues.
    if i is None or not _lexicon_data()[i][3] or not _lexicon_data()[i][1]:
        return False
    marker = _lexicon(i).patterns["future"]
    return marker is not None and marker.search(_fold(text))


def future_precedes(code: str, text: str) -> bool:
    """Whether `text` (the last words before a phrase) holds a future or modal marker of a language that puts it
    before the verb: "… จะถูกแปลอัตโนมัติ", "will be automatically translated", "sera traduite" (a feature)."""
    i = _by_code().get(code)
    if i is None or _lexicon_data()[i][3]:
        return False  # verb-final languages: `future_follows`
    marker = _lexicon(i).patterns["future"]
    return marker is not None and marker.search(_fold(text))


def for_the_reader(code: str, text: str) -> bool:
    """Whether `text` translates into the reader's language ("in Ihre Sprache") or states an obligation ("müssen
    geprüft werden") without a deictic word of language `code` (or of the lexicons that own its translate words)
    pointing at this text: a feature, a setting or a rule."""
    folded = _fold(text)
    if not _general(folded):
        return False
    codes = [i] if (i := _by_code().get(code)) is not None else []
    lexicons = [_lexicon(i) for i in codes + _owners(folded)]
    return not any(_points(lex, folded) or _status_head(lex, folded) for lex in lexicons)


def _general(folded: str) -> bool:
    """ "into your language", "must be reviewed": what a feature does or a rule says about such texts."""
    common = shared()
    return bool(common.reader_languages.search(folded) or common.obligations.search(folded))


SETTING_WORDS = 2


def setting_word(code: str, text: str) -> bool:
    """Whether a short text (a label's value after its colon) is a topic or setting cue of language `code`:
    "Einstellungen", "activer", "settings" (the concept lexicon's `topic` words)."""
    return len(text.split()) <= SETTING_WORDS and cue_word(code, "topic", text)


def cue_word(code: str, concept: str, text: str) -> bool:
    """Whether `text` holds a word of one concept of language `code` ("prevoditelj", a translator, is `human`)."""
    i = _by_code().get(code)
    if i is None or not text.strip():
        return False
    matcher = _lexicon(i).patterns[concept]
    return matcher is not None and matcher.search(_fold(text.strip()))


def without_machine_words(code: str, text: str, owner_text: str = "") -> str:
    """`text` (folded) with the machine markers blanked out ("automatically", "машинно"): those of language `code`
    and of the lexicons that own the translate words of `owner_text` (a phrase file may cover several scripts)."""
    folded = _fold(text)
    codes = [i] if (i := _by_code().get(code)) is not None else []
    for i in codes + _owners(_fold(owner_text)):
        machine = _lexicon(i).patterns["machine"]
        if machine is not None:  # the whole word: "automatically" goes with its stem "automatic"
            folded = re.sub(machine.regex.pattern + r"\w*", _as_spaces, folded)
    return folded


def read_by(code: str, text: str) -> list[str]:
    """The languages that read a clause: the phrase rules' `code` and the lexicons that own its translate words."""
    return [code, *(_lexicon_data()[i][0] for i in _owners(_fold(text)))]


def contrasts(code: str, text: str) -> bool:
    """Whether `text` holds the marker of "not X but Y" of language `code` ("ではなく", "아니라"; not "not only …
    but also": "だけでなく", "뿐만 아니라"): a phrase across it joins the negated half to the other."""
    i = _by_code().get(code)
    if i is None or not text.strip() or not _sets(i, "contrast"):
        return False
    contrast, also = (_lexicon(i).patterns[c] for c in ("contrast", "not_only"))
    folded = _fold(text)
    return contrast is not None and contrast.search(also.strip(folded) if also is not None else folded)


def after_but(code: str, text: str) -> str:
    """`text` (folded) from the end of its last `but` marker of language `code` on, or all of it: the negation of X
    in "not X but Y" (or "not only X but also Y") negates nothing after the marker ("The plugin does not store the
    original but the …"), as the concept layer reads it (`_without_negated_before`)."""
    folded = _fold(text)
    i = _by_code().get(code)
    if i is None or not _sets(i, "but"):
        return folded
    but = _lexicon(i).patterns["but"]
    last = max((e for _, e in but.spans(folded)), default=0) if but is not None else 0
    return folded[last:]


def negated_half(code: str, pre: str, match: str, post: str) -> bool:
    """Whether every machine word or engine name of a phrase (`match`, in its clause `pre` + `match` + `post`) stands
    in the negated half of "not X but Y" (`_without_contrasted`): "この記事は機械翻訳されたものではなく、…", "この記事は
    DeepLではなく、翻訳者が翻訳しました"; not "この記事は人間ではなく、機械翻訳で…"."""
    i = _by_code().get(code)
    if i is None or not _sets(i, "contrast"):
        return False
    head, body = _fold(pre), _fold(match)
    if not cue_word(code, "contrast", f"{body}{_fold(post)}"):
        return False
    lexicon = _lexicon(i)
    clause = _without_contrasted(f"{head}{body}{_fold(post)}", [i])
    machine = ("machine",)
    return _names_agent(lexicon, body, machine) and not _names_agent(
        lexicon, clause[len(head) : len(head) + len(body)], machine
    )


def comitative_object(code: str, text: str) -> bool:
    """Whether `text` ends in a comitative phrase of language `code` whose noun is in the instrumental: "сравнён с
    языковой моделью" ("compared with a language model"; `_without_comitative`)."""
    i = _by_code().get(code)
    if i is None or not text.strip():
        return False
    folded = _fold(text.rstrip())
    blanked = _without_comitative(folded, [i])
    return blanked != folded and not blanked[-1:].strip()


def _predicate(lexicon: Lexicon, folded: str) -> bool:
    """A copula right before a machine marker: the making stated as a property of the text.

    "Translations are machine-made", "Překlady jsou strojové", "此语言为机器翻译"; not "Machine translation is
    useful" (the machine word comes before the copula).
    """
    copula, machine = lexicon.patterns["copula"], lexicon.patterns["machine"]
    if copula is None or machine is None:
        return False
    for m in copula.regex.finditer(folded):
        s, e = m.span()
        if lexicon.spaces and (s and _word_char(folded[s - 1]) or e < len(folded) and _word_char(folded[e])):
            continue
        rest = folded[e:].lstrip()
        if rest and machine.regex.match(rest):
            at = len(folded) - len(rest)
            if not lexicon.spaces and any(
                s2 == at and _modifies_other(lexicon, folded, e2) for s2, e2 in _unspaced_labels(lexicon, folded)
            ):
                continue  # "这是机器翻译的常见问题": the label qualifies the predicate noun after it
            # a compound that goes on past its translate stem is another noun: "on konekäännösohjelmistojen vertailu"
            word = w.group(0) if lexicon.spaces and (w := _WORD.match(rest)) else ""
            translate = lexicon.patterns["translate"]
            if word and translate and translate.regex.search(word) and not _machine_compound(lexicon, word):
                continue
            return True
    return False


AGENT_GAP = 24  # characters between a passive's agent marker and its translate word: "由 ChatGPT 翻译"
# What may stand between them: the agent itself, written in Latin letters ("ChatGPT", `hugo-ai-translator`), a slot,
# brackets and marks; engine names are blanked out before this reading. Machine words and language names are taken
# out first; any other word of the script ("由志愿者翻译", by volunteers) is a human agent or another clause.
_AGENT_FILLER = deferred(r"[\sa-z0-9._\-`'\"()（）\[\]【】«»<>{}$/:@+&]*")


def _agent_passive(lexicon: Lexicon, folded: str) -> bool:
    """ "由 ChatGPT 翻译", "由英文自动翻译", "被 AI 翻译": in a script without spaces whose passive names its agent
    with a marker before it (the lexicon's `agent` class), the marker, then a machine word, an engine, a slot or a
    source language, then the translate word, states the making (the "was translated by" of English)."""
    agent, translate, machine = (lexicon.patterns[c] for c in ("agent", "translate", "machine"))
    manner = lexicon.patterns["manner"]  # "由 Codex 重新翻译": an adverb of the verb ("again", "fully") after the agent
    if lexicon.spaces or agent is None or translate is None:
        return False
    for m in agent.regex.finditer(folded):
        t = translate.regex.search(folded, m.end(), m.end() + AGENT_GAP + 4)
        if t is None or t.start() - m.end() > AGENT_GAP:
            continue
        gap = folded[m.end() : t.start()]  # (all spaces where an engine's name was blanked out)
        rest = shared().language_regex.sub(" ", machine.strip(gap) if machine is not None else gap)
        rest = manner.strip(rest) if manner is not None else rest
        if gap and _AGENT_FILLER.fullmatch(rest):
            return True
    return False


COMITATIVE_WORDS = 1  # words between "с" ("with") and the instrumental noun it governs: "с нашей моделью"


def _without_comitative(folded: str, owners: list[int]) -> str:
    """The fragment with each comitative phrase blanked out (same length): "сравнён с моделью", "порівняно з
    моделлю" ("compared with a model"). Russian and Ukrainian name a passive's agent in the instrumental
    ("переведён моделью", "by a model"; the lexicon's `instrumental` nouns, also `machine` words); after the
    preposition "с" / "з" (`comitative`) the same case is a companion or an object, not the agent. A word between
    them that names a language is the "from" of the other case ("с английского моделью": "from English by a
    model"), so the noun is the agent there."""
    names = shared().language_regex
    for i in owners:
        if not _sets(i, "comitative"):
            continue
        lexicon = _lexicon(i)
        preposition, noun = lexicon.patterns["comitative"], lexicon.patterns["instrumental"]
        if preposition is None or noun is None or not noun.search(folded):
            continue
        words = _words(folded)
        texts = [folded[s:e] for s, e in words]
        for k, word in enumerate(texts):
            if not _is(noun, word):
                continue
            for j in range(max(0, k - 1 - COMITATIVE_WORDS), k):
                between = texts[j + 1 : k]
                if _is(preposition, texts[j]) and not any(names.match(w) for w in between):
                    lo, hi = words[j][0], words[k][1]
                    folded = _blank(folded, lo, hi)
                    break
    return folded


_CONTRAST_OPEN = deferred(r"[,;:、，；：]")  # where the negated half of "not X but Y" may start


def _blank_machine(lexicon: Lexicon, half: str) -> str:
    """`half` with its machine words, engine names and human words blanked out (same length)."""
    half = _stripped(lexicon, half, ("machine", "human"))
    if _engine_any().search(half):
        for _, pattern in shared().engines:
            half = pattern.sub(_as_spaces, half)
    return half


def _without_negated_before(lexicon: Lexicon, folded: str) -> str:
    """ "This article was translated not by a human but by DeepL", "本文不是人工翻译，而是由机器翻译生成的": where the
    negation stands before X and the lexicon's `but` marker ("but", "sondern", "而是") before Y, the negation and the
    machine, engine and human words from it to the marker are blanked out (same length), so that Y is read as it
    stands; only where every negation of the fragment (outside a caveat or a hedge: "not reviewed") precedes the
    marker. "Not only X" (`not_only`) is blanked first, with or without its "but also": its "not" negates nothing
    ("本文不仅是机器翻译，而且…")."""
    but, negation = lexicon.patterns["but"], lexicon.patterns["negation"]
    if but is None or negation is None:
        return folded
    if (also := lexicon.patterns["not_only"]) is not None:
        folded = also.strip(folded)  # with or without its "but also": "本文不仅是机器翻译，而且…"
    markers = list(but.spans(folded))
    if not markers:
        return folded
    plain = _stripped(lexicon, folded, ("caveat", "hedge"))
    negations = list(negation.spans(plain))
    marker = next((m for m in markers if negations and m[0] > negations[0][0]), None)
    if marker is None or any(e > marker[0] for _, e in negations):
        return folded
    start, end = negations[0][0], marker[1]
    half = _blank_machine(lexicon, folded[start:end])
    for s, e in negations:
        half = _blank(half, s - start, e - start)
    return folded[:start] + half + folded[end:]


def _without_contrasted(folded: str, owners: list[int]) -> str:
    """The fragment with the machine words, engine names and human words of a negated half blanked out (same
    length): "この記事は機械翻訳ではなく、人間が翻訳しました", "이 글은 기계 번역이 아니라 사람이 번역했습니다" ("not
    machine translation but a person translated it"). The lexicon's `contrast` marker ("ではなく", "아니라") negates
    what stands before it in its clause (after a comma, the marker before or a `reason` or `link` copula), not
    what follows ("人間ではなく、AIが翻訳しました" is a notice), and only where what follows names who translated
    (a machine or human word, an engine): "機械翻訳のため正確ではなく、誤りを含む場合があります" ("is not
    accurate, and may contain errors") is a negated predicate that goes on. "Not only X but also Y" (`not_only`:
    "だけでなく", "뿐만 아니라") negates nothing."""
    for i in owners:
        if not _sets(i, "contrast") and not _sets(i, "but"):
            continue
        lexicon = _lexicon(i)
        folded = _without_negated_before(lexicon, folded)
        contrast = lexicon.patterns["contrast"]
        if contrast is None:
            continue
        also = lexicon.patterns["not_only"]
        plain = also.strip(folded) if also is not None else folded
        joins = [lexicon.patterns[c] for c in ("reason", "link")]
        after = 0  # the end of the marker before: "AではなくBではなく、C"
        markers = list(contrast.spans(plain))
        for n, (end, past) in enumerate(markers):
            start = max((m.end() for m in _CONTRAST_OPEN.finditer(plain, after, end)), default=after)
            # a linking or reason copula ends an earlier clause: "機械翻訳であり公式の翻訳ではなく…"
            start += max((e for j in joins if j is not None for _, e in j.spans(plain[start:end])), default=0)
            # Y names who translated ("…ではなく、人間が翻訳しました"); else the marker is a negated predicate that
            # goes on ("機械翻訳のため正確ではなく、誤りを含む場合があります": "is not accurate, and …")
            if _names_agent(lexicon, plain[past : markers[n + 1][0] if n + 1 < len(markers) else len(plain)]):
                half = _blank_machine(lexicon, folded[start:end])
                folded = folded[:start] + half + folded[end:]
            after = past
    return folded


def _names_agent(lexicon: Lexicon, text: str, kinds: tuple[str, ...] = ("machine", "human")) -> bool:
    """Whether `text` names who or what translated: a word of the `kinds` concepts (machine, human) or an engine."""
    return _holds(lexicon, text, kinds) or bool(_engine_any().search(text))


@lru_cache(maxsize=64)
def _words(folded: str) -> tuple[tuple[int, int], ...]:
    """The words of a folded fragment (runs of word characters, hyphens and apostrophes inside), as offsets (read
    once per fragment, however many lexicons own its translate word)."""
    out: list[tuple[int, int]] = []
    start = None
    for k, ch in enumerate(folded):
        inner = ch in "-'’\u0674" and start is not None
        if _word_char(ch) or inner:
            start = k if start is None else start
        elif start is not None:
            out.append((start, k))
            start = None
    if start is not None:
        out.append((start, len(folded)))
    return tuple(out)


def _is(matcher: Matcher | None, word: str) -> bool:
    """Whether one word is an entry of the matcher (at its start; a whole-word entry must be all of it)."""
    if matcher is None:
        return False
    m = matcher.regex.match(word)
    return m is not None and (m.end() == len(word) or _canon(m.group(0)) not in matcher.whole)


ENGINE_MARK = "\x00"  # where `read` took a named engine out of the fragment (one character, as the space in `folded`)


@cache
def _engine_at() -> re.Pattern[str]:
    """An engine in `marked` text: its mark, or a short name left as a word ("AI", "KI")."""
    return re.compile(rf"{ENGINE_MARK}|(?:{shared().engine_any})")


# a clause break after a notice's own clause: a comma, a semicolon, an opening bracket (a dash or a coordinator is
# read per language: `Shared.second_predicate`)
_LATER_CLAUSE = deferred(r"[,;(]\s")


def _negated_later(lexicon: Lexicon, folded: str, marked: str) -> bool:
    """Every negation of the fragment stands in a later clause than its notice, a caveat on who checked it: the
    translate word and the machine word or engine come first, a clause break (a comma, a semicolon, a bracket, a dash
    or a coordinator) follows them, and the clause after it names a person (a `human` word: a translator, a native
    speaker) but no machine and no engine ("Esta tradución foi feita cun modelo de IA e non foi revisada por un
    falante nativo", "… traduites automatiquement, mais pas relues par un traducteur professionnel"). Not "Translated
    by a human, not by a machine" (the machine is in the negated clause), nor "…, API kanpokoak erabili gabe" ("without
    using external APIs": no person), which the caveat lists would have read had they held the phrasing. `marked`:
    the fragment as `folded` before its caveats were blanked, each engine name in it replaced by one `ENGINE_MARK`
    (offsets as in `folded`; "… com o Google Tradutor e não foi revista por um falante nativo")."""
    negation, machine, human = (lexicon.patterns[c] for c in ("negation", "machine", "human"))
    if negation is None or human is None or not lexicon.spaces:
        return False
    first = _first_translate(folded)
    negations = [s for s, _ in negation.spans(folded)]
    if first is None or not negations or negations[0] < first:
        return False
    said = folded[: negations[0]]
    machines = [e for _, e in machine.spans(said)] if machine is not None else []
    engines = [m.end() for m in _engine_at().finditer(marked[: negations[0]])]
    if not machines and not engines:
        return False
    notice_end = max(min([*machines, *engines]), first)
    cuts = [m.end() for m in _LATER_CLAUSE.finditer(said, notice_end)]
    cuts += [m.end() for m in shared().second_predicate((lexicon.code,)).finditer(said, notice_end)]
    if not cuts:
        return False
    rest = folded[min(cuts) :]
    if machine is not None and machine.search(rest) or _engine_at().search(marked[min(cuts) :]):
        return False
    return human.search(rest)


NAMED_LANGUAGE_WORDS = 2  # words between a negation and the language name it restricts: "не на китайском", "not in"


def _restricts_language(lexicon: Lexicon, folded: str) -> bool:
    """Every negation of the fragment restricts a language name, not the clause: "non-Chinese content", "Content not
    in English", "Контент не на китайском языке", "Nội dung không phải tiếng Trung", "المحتوى غير الصيني" (the
    content is narrowed to the pages in other languages; what is said of it is not negated). Not "not translated
    into English" or "not machine translated from English": a translate or machine word before the name."""
    negation, machine, copula = (lexicon.patterns[c] for c in ("negation", "machine", "copula"))
    if negation is None:
        return False
    names, stems = shared().language_regex, _translate_index()[0]

    def words(between: str) -> int:  # "ne sont pas en": the other half of the negation and a copula do not count
        return sum(1 for w in between.split() if not _is(negation, w) and not _is(copula, w))

    def blank(m: re.Match[str]) -> str:
        rest = folded[m.end() : m.end() + 30]
        name = names.search(rest)
        if name is None:
            return m.group(0)
        between, at = rest[: name.start()], m.end() + name.start()
        if lexicon.spaces and (words(between) > NAMED_LANGUAGE_WORDS or at and _word_char(folded[at - 1])):
            return m.group(0)
        if not lexicon.spaces and len(between.strip()) > 2:
            return m.group(0)
        if stems.search(between) or machine is not None and machine.search(between):
            return m.group(0)
        return _as_spaces(m)

    return not negation.search(negation.regex.sub(blank, folded))


REVIEW_REACH = 10  # characters (scripts without spaces) between a negation of review and its review word
REVIEW_WORDS = 4  # words, where they are spaced: "chưa được người bản ngữ kiểm tra" ("not yet checked by a native")
REVIEW_TAIL = 6  # characters after it to the clause's end: a verb ending ("않았습니다"), no predicate of its own
REVIEW_TAIL_WORDS = 1
_PHRASE_MARK = deferred(r"[,，、;；:：。.!?！？()（）\[\]【】]")


def _unreviewed(lexicon: Lexicon, folded: str) -> list[tuple[int, int]]:
    """Spans from a negation of review (`unreviewed`: "未经", "尚未", "chưa được"; `unreviewed_after`, only after
    the review word: "받지 않", "ていません") to the review word it governs (`review`: "审核", "校對", "kiểm tra",
    "검수"), in one clause and near, with or without the reviewer named between: "未经母语者审核", "尚未人工校對",
    "人間による検証は未実施", "원어민의 교정을 받지 않았습니다" ("not reviewed by a native speaker"). The caveat lists
    hold such phrases only as fixed strings. Only after the first translate word and where it closes its clause: said
    of the label or text already named, not a relative clause before the label nor a subject of more
    ("未经审核的机器翻译不应发布", "unreviewed MT …")."""
    negation, after, review, when = (lexicon.patterns[c] for c in ("unreviewed", "unreviewed_after", "review", "when"))
    first = _first_translate(folded)
    if negation is None and after is None or review is None or first is None:
        return []
    # a negation written after the verb it negates (ko 하지 않, ja ていません) governs a review word only before it:
    # "자동 번역을 사용하지 않았으며 원어민이 검수했습니다" negates the machine translation, not the review after it
    negations = [(ns, ne, False) for ns, ne in (negation.spans(folded) if negation is not None else ())]
    negations += [(ns, ne, True) for ns, ne in (after.spans(folded) if after is not None else ())]
    out = []
    for rs, re_ in review.spans(folded):
        for ns, ne, only_after in negations:
            if only_after and ne <= rs:
                continue
            s, e = (ne, rs) if ne <= rs else (re_, ns)
            if e < s:
                continue
            between = folded[s:e]
            if _PHRASE_MARK.search(between):
                continue
            if len(between.split()) > REVIEW_WORDS if lexicon.spaces else len(between.strip()) > REVIEW_REACH:
                continue
            start, end = min(ns, rs), max(ne, re_)
            tail = _PHRASE_MARK.split(folded[end:], maxsplit=1)[0]
            if start < first or (len(tail.split()) > REVIEW_TAIL_WORDS if lexicon.spaces else len(tail) > REVIEW_TAIL):
                continue  # a relative clause on the label ("未经审核的机器翻译…"), or more said after it ("… thường")
            clause = _PHRASE_MARK.split(folded[:start])[-1] + folded[start:end] + tail
            if when is not None and when.search(clause):
                continue  # a rule's condition: "译文尚未审核时不显示", "khi chưa được kiểm tra" ("while not reviewed")
            out.append((start, end))
    return out


def _reason_caveat(lexicon: Lexicon, folded: str) -> list[tuple[int, int]]:
    """ "(It is) machine translation, so …": a bare label that opens its clause, a connective of reason right after
    it (`because`: "のため", "이므로") or before it (`because_before`: "由于是", "因为是"), and a clause of
    consequence that judges this text's wording or sends the reader to its original (`quality`: "不正確",
    "원문과 다를", "与原文不一致") and names no feature (`topic`) nor a person (`human`). The connective and the
    consequence, to the sentence's end, are a caveat whatever negation they hold: "機械翻訳のため正確でない
    箇所があります", "AI 번역이기 때문에 정확하지 않은 부분이 있습니다". Not a purpose ("機械翻訳のための
    データ", `purpose`) nor a need ("機械翻訳のため、GPUが必要です": no quality word); the label's subject may
    only be dropped or name this text (deixis, a content noun). Returns the spans to blank (the connective and
    the consequence, not the label), none where there is no such reading (or the lexicon's words are
    spaced)."""
    after, before, quality = (lexicon.patterns[c] for c in ("because", "because_before", "quality"))
    if lexicon.spaces or quality is None or after is None and before is None:
        return []
    purpose = lexicon.patterns["purpose"]
    for start, end in _unspaced_labels(lexicon, folded):
        at = end + (folded[end : end + 1] == " ")
        spans: list[tuple[int, int]] = []
        # (the connective is glued to the label: a spaced ko "이어서" is "continuing": "기계 번역 이어서 하기")
        if after is not None and (m := after.regex.match(folded, end)) is not None:
            if purpose is None or purpose.regex.match(folded, end) is None:
                spans, subject = [(end, m.end())], folded[:start]
        elif before is not None and (m := _PHRASE_MARK.match(folded, at)) is not None:
            opening = [b for b in before.regex.finditer(folded, 0, start) if not folded[b.end() : start].strip()]
            if opening:
                spans, subject = [opening[-1].span()], folded[: opening[-1].start()]
        if not spans or m is None:
            continue
        subject = _LEAD_JUNK.sub("", subject).strip()
        if subject and not _holds(lexicon, subject, _NAMES):
            continue
        stop = CONSEQUENCE_END.search(folded, m.end())
        consequence = folded[m.end() : stop.start() if stop is not None else len(folded)]
        # (nor one that goes on past a clause mark: "機械翻訳なので完璧ではありませんが、初稿としては有用です" argues
        # about something else, as `_label_ends` reads a caveat)
        goes_on = _CLAUSE_GOES_ON.search(consequence.lstrip(" ,，、"))
        # (a person in it makes it a workflow, not a caveat: "機械翻訳なので、ネイティブが原文と…レビューします")
        if _judges(lexicon, consequence) and not goes_on and not _holds(lexicon, consequence, ("topic", "human")):
            return [*spans, (m.end(), m.end() + len(consequence))]
    return []


NEED_REACH = 10  # characters from a quality word to a word of need that makes it a requirement


def _judges(lexicon: Lexicon, consequence: str) -> bool:
    """Whether a consequence judges this text's wording: a `quality` word with no word of `need` right after it
    ("正確でない箇所があります", not "正確な翻訳が必要な場合は弊社の…", "정확도가 중요한 계약서는", an offer of
    another service where accuracy is needed; review26a)."""
    quality, need = lexicon.patterns["quality"], lexicon.patterns["need"]
    if quality is None:
        return False
    return any(
        need is None or need.regex.search(consequence, e, e + NEED_REACH) is None for _, e in quality.spans(consequence)
    )


def _nominal(lexicon: Lexicon, folded: str) -> bool:
    """ "This is a machine translation": a deictic subject and a copula next to the noun phrase machine +
    translation, before it ("Is aistriúchán meaisín é an comhad seo") or after it in verb-final languages
    ("این صفحه ترجمهٴ ماشینی است", "हा … यांत्रिक अनुवाद आहे"), or the clause's end where "is" needs no verb
    (Bengali "এটি … মেশিন অনুবাদ।"). Not "Machine translation is useful" (no copula next to it, no "this")."""
    machine, copula, deixis = (lexicon.patterns[c] for c in ("machine", "copula", "deixis"))
    if not lexicon.spaces:
        return _nominal_unspaced(lexicon, folded) is not None
    if _postposed(lexicon, folded):
        return True
    if machine is None or deixis is None:
        return False
    if not deixis.search(folded) and not _other_versions(folded) and not _others(lexicon, folded):
        return False
    words = _words(folded)
    texts = [folded[s:e] for s, e in words]
    for k, word in enumerate(texts):
        if _machine_compound(lexicon, word):  # "Tegemist on masintõlkega", "Dies ist eine Maschinenübersetzung"
            if not lexicon.future_after and k > 0 and _is(copula, texts[k - 1]):
                return True
            if lexicon.future_after and k + 1 < len(texts) and _is(copula, texts[k + 1]):
                return True
        if not _is(lexicon.patterns["translate"], word):  # its own stem: Finnish "vertailu" is no Dutch "vertal-"
            continue
        for lo, hi in ((k - 1, k), (k, k + 1)):  # machine + translation, translation + machine
            if lo < 0 or hi >= len(texts) or not _is(machine, texts[hi if lo == k else lo]):
                continue
            # the copula after the noun phrase in verb-final languages, before it elsewhere ("Machine
            # translation is available" is a subject, not a predicate)
            if lexicon.future_after and hi + 1 < len(texts) and _is(copula, texts[hi + 1]):
                return True
            if not lexicon.future_after and lo > 0 and _is(copula, texts[lo - 1]):
                return True
            if lexicon.zero_copula and _CLAUSE_REST.fullmatch(folded, words[hi][1]):
                return True
    return False


_CLAUSE_OPEN = deferred(r"(?:^|[,;:()\[\]–—،؛]|\s-\s|\.\s)\s*")


def _postposed(lexicon: Lexicon, folded: str) -> bool:
    """ "Перевод автоматический", "Переклад машинний", "الترجمة آلية": where the present copula is dropped, a machine
    word right after the translate noun that opens a clause (maybe after "this") is its predicate, "the translation
    is automatic"; the attributive order is the other one (Russian "автоматический перевод") or agrees in
    definiteness (Arabic "الترجمة الآلية"; "ترجمة آلية", both indefinite, is the label). The lexicon's `predicative`
    lists the forms that read so (whole words); where it has an `article`, the noun must carry it."""
    predicative, translate, deixis, article = (
        lexicon.patterns[c] for c in ("predicative", "translate", "deixis", "article")
    )
    if predicative is None or translate is None:
        return False
    words = _words(folded)
    for k, (s, e) in enumerate(words):
        if k + 1 >= len(words) or not translate.search(folded[s:e]):
            continue
        if not _is(predicative, folded[words[k + 1][0] : words[k + 1][1]]):
            continue
        if article is not None and article.regex.match(folded, s) is None:
            continue  # "ترجمة آلية": an indefinite noun and its adjective, the label
        before = [folded[a:b] for a, b in words[:k] if a >= _clause_start(folded, s)]
        if all(_is(deixis, w) for w in before) and folded[e : words[k + 1][0]].strip() == "":
            return True
    return False


def _contains(lexicon: Lexicon, folded: str) -> bool:
    """ "この説明文は機械翻訳を含みます", "이 안내문에는 기계 번역이 포함되어 있습니다": "contains
    (machine) translation" is made of the text only where a content noun before it names the text;
    "このツールは機械翻訳を含みます", "이 요금제에는 기계 번역이 포함되어 있습니다" ("this plan includes
    machine translation") say what a product offers."""
    contains, content = lexicon.patterns["contains"], lexicon.patterns["content"]
    if contains is None or content is None:
        return False
    return any(content.search(folded[:start]) for start, _ in contains.spans(folded))


def _clause_start(folded: str, at: int) -> int:
    """Where the clause holding offset `at` opens (after the last clause mark before it)."""
    start = 0
    for m in _CLAUSE_OPEN.finditer(folded, 0, at):
        start = m.end()
    return start


_ONLY_SLOTS = deferred(r"\bxslot\b|[^\w]+")  # what is left of a subject made of slots and marks
LABEL_GAP = 3  # characters between a copula and the label in scripts without spaces: "是机器翻译", "เป็นการแปลอัตโนมัติ"


def _unspaced_labels(lexicon: Lexicon, folded: str) -> Iterator[tuple[int, int]]:
    """Where a machine word and a translate word stand side by side (either order, a space at most between them) in a
    script without spaces: "機械翻訳", "기계 번역", "机器翻译", "แปลอัตโนมัติ"."""
    machine, translate = lexicon.patterns["machine"], lexicon.patterns["translate"]
    if machine is None or translate is None:
        return
    by = lexicon.patterns["by"]
    for first, second in ((machine, translate), (translate, machine)):
        for m in first.regex.finditer(folded):
            gap = len(folded[m.end() :]) - len(folded[m.end() :].lstrip(" "))
            if gap <= 1 and (t := second.regex.match(folded, m.end() + gap)) is not None:
                yield m.start(), t.end()
            # "AI による翻訳", "機械支援による翻訳": the machine as the agent of the translate noun, joined by the
            # lexicon's `by` postposition (verb-final scripts; the agent comes first)
            elif first is machine and gap <= 1 and by is not None and (b := by.regex.match(folded, m.end() + gap)):
                after = b.end() + (folded[b.end() : b.end() + 1] == " ")
                if (t := translate.regex.match(folded, after)) is not None:
                    yield m.start(), t.end()
    for word in translate.regex.finditer(folded):  # one word that is both: "机翻", "機翻" (machine-translate)
        if (both := machine.regex.match(folded, word.start())) is not None and both.end() >= word.end():
            yield word.start(), both.end()


ASIDE_CHARS = 30  # "機械翻訳（Claude 訳）です": the longest aside in brackets between a label and its copula


def _past_aside(folded: str, at: int) -> int:
    """Where the copula may stand after a label: past an aside in brackets right after it ("機械翻訳（DeepL）です",
    "기계 번역(Google)입니다"), which names the engine or the source, not the predicate."""
    if folded[at : at + 1] != "(":
        return at
    close = folded.find(")", at, at + ASIDE_CHARS + 2)
    if close < 0 or _ASIDE_BREAK.search(folded, at, close):
        return at
    return close + 1 + (folded[close + 1 : close + 2] == " ")


_ASIDE_BREAK = deferred(r"[.!?。！？,，、;；\n]")


def _theme(lexicon: Lexicon, before: str) -> str:
    """The clause's own subject before a relative clause (a caveat on the label, blanked out, ends `before`): up to
    its last topic particle (the lexicon's `theme`: ja は, ko 은/는), "" where there is none. The relative clause
    has a subject of its own, marked otherwise ("人が", "사람이"): "사람이 검토하지 않은 기계 번역입니다" drops the
    clause's subject, "문제는 사람이 검토하지 않은 기계 번역입니다" ("the problem is …") keeps one."""
    theme = lexicon.patterns["theme"]
    ends = [e for _, e in theme.spans(before)] if theme is not None else []
    return before[: ends[-1]] if ends else ""


def _nominal_unspaced(lexicon: Lexicon, folded: str, caveat_end: int = 0) -> str | None:
    """ "これは機械翻訳です", "한국어 설명은 기계 번역입니다", "此页面为机器翻译": in a script without spaces,
    the label (a machine word beside a translate word) is the predicate of a copula next to it (after it where the
    verb comes last, before it elsewhere). Returns the subject before it ("" where the clause drops it, as a status
    sentence does: "기계 번역입니다." "(This) is machine translation."), or None; a subject must name the text
    (deixis, a content noun, the site's other language versions) or be dropped. Not "機械翻訳は便利です" (the
    label is the subject). A copula that links a reason to the rest ("機械翻訳のため、", "자동 번역이므로", the
    lexicon's `reason` class) needs a subject that names the text: "機械翻訳なので、精度は期待できません" says why,
    of no text. A caveat that ends right before the label (blanked out, ending at `caveat_end`) is a relative clause
    on it, with its own subject: "사람이 검토하지 않은 기계 번역입니다" ("machine translation no person has reviewed")
    drops the label's subject; the clause's subject is what stands before it up to a topic particle (`_theme`)."""
    copula, reason = lexicon.patterns["copula"], lexicon.patterns["reason"]
    if copula is None:
        return None
    by = lexicon.patterns["by"]
    for start, end in _unspaced_labels(lexicon, folded):
        versioned = False  # a version noun after the label: "a machine-translated version" names this text by deixis
        # (an agent joined by `by` needs a subject that names the text: "本書は AI による翻訳です"; with the subject
        # dropped, "AI による翻訳です。" is as often a tool's message on the text it just made)
        linking = by is not None and by.regex.search(folded, start, end) is not None
        if lexicon.future_after:
            at = _past_aside(folded, end + (folded[end : end + 1] == " "))
            # "…の自動翻訳版です", "…의 기계 번역본입니다": a version noun written onto the label is the predicate's
            # head ("the machine-translated version"), and a genitive before the label names what it is a version
            # of, not the clause's subject (that stands before a topic particle, or is dropped) (round 26, cjk26)
            version = lexicon.patterns["version"]
            v = version.regex.match(folded, at) if version is not None else None
            if v is not None and copula.regex.match(folded, v.end()) is not None:
                at, versioned = v.end(), True
                genitive = lexicon.patterns["genitive"]
                head = folded[:start].rstrip()
                if genitive is not None and any(e == len(head) for _, e in genitive.spans(head)):
                    start = len(_theme(lexicon, head))
            if copula.regex.match(folded, at) is None:
                if reason is None or reason.regex.match(folded, at) is None:
                    continue
                linking = True
            subject = folded[:start]
            if 0 < caveat_end <= start and not folded[caveat_end:start].strip():
                subject = _theme(lexicon, folded[:caveat_end].rstrip())
        else:
            cop = [c for c in copula.regex.finditer(folded, max(0, start - LABEL_GAP - 4), start)]
            cop = [c for c in cop if 0 <= start - c.end() <= LABEL_GAP]
            if not cop:
                continue
            subject = folded[: cop[-1].start()]
            if _modifies_other(lexicon, folded, end):
                continue  # "这是机器翻译的常见问题": the label qualifies another noun, the predicate
        subject = _LEAD_JUNK.sub("", subject).strip()
        key = _LABEL.match(subject)
        if key is not None and _first_translate(key.group(0)) is not None:
            continue  # "번역: 사용자 콘텐츠의 기계 번역입니다": a feature list's entry for "Translation", not a status
        subject = subject[key.end() :].strip() if key is not None else subject  # "주의: 기계 번역입니다"
        # "AI 자동 번역입니다", "{engine} 자동 번역입니다": machine words or a tool slot before the label modify it
        # (an engine's name is blanked out before this reading); they are no subject
        machine = lexicon.patterns["machine"]
        if machine is not None and not _ONLY_SLOTS.sub("", machine.strip(subject)).strip():
            subject = ""
        if not subject and linking:
            continue
        if not subject or _other_versions(folded) or _others(lexicon, folded):
            return subject
        # ("페이지는 AI 번역본이다", a page named without deixis, may be any site's: "the page is an AI version")
        if versioned and _deictic_head(lexicon, subject):
            return subject
        if not versioned and _holds(lexicon, subject, _NAMES):
            return subject
    return None


_IDEOGRAPH = deferred(r"[\u3400-\u9fff\uf900-\ufaff]")
_HANGUL = deferred(r"[\uac00-\ud7af]")


def _deictic_head(lexicon: Lexicon, subject: str) -> bool:
    """With a version noun on the label, the subject names this text only by a deictic word that heads it: not one
    inside a compound ("日本語版は", "基本プランは": 本 after an ideograph) nor one before a genitive ("このアプリの
    日本語版は", "이 게임의 한국어 자막은": a version of another work's) (review26a)."""
    deixis, genitive = lexicon.patterns["deixis"], lexicon.patterns["genitive"]
    if deixis is None:
        return False
    # (a genitive with a Hangul syllable after it is inside a word: "이 회의록은", "these minutes")
    genitives = [] if genitive is None else [g for _, g in genitive.spans(subject) if not _HANGUL.match(subject, g)]
    for s, e in deixis.spans(subject):
        if s and _IDEOGRAPH.match(subject[s - 1]):
            continue
        if not any(g > e for g in genitives):
            return True
    return False


def _modifies_other(lexicon: Lexicon, folded: str, end: int) -> bool:
    """The label that ends at `end` is joined by the lexicon's `of` particle (zh 的, 之) to a noun after it that names
    no text (neither `content` nor `output`: "机器翻译的常见问题", "the common problems of machine translation", "機器
    翻譯的發展歷史"); "机器翻译的版本", "机器翻译的结果" name the text still, and so does a sentence-final particle
    after 的 (`final`: "这是机器翻译的哦"). A conjunction after the label (`and`: 与, 和) makes it one of two nouns that
    qualify another, unless a 的-phrase after them names the text."""
    of, conjunction = lexicon.patterns["of"], lexicon.patterns["and"]
    at = _past_aside(folded, end + (folded[end : end + 1] == " "))
    names = [p for p in (lexicon.patterns[c] for c in ("content", "output")) if p is not None]
    if of is not None and conjunction is not None and (m := conjunction.regex.match(folded, at)) is not None:
        # "以下是机器翻译与人工翻译的对比": the label is one of two nouns that qualify another; a 的-phrase that
        # names the text after the pair keeps it ("这是机器翻译和人工校对的结果"; review25a)
        phrase = _PHRASE_MARK.split(folded[m.end() :], maxsplit=1)[0]
        return not any(any(p.regex.match(phrase, o.end()) for p in names) for o in of.regex.finditer(phrase))
    if of is None or (m := of.regex.match(folded, at)) is None:
        return False
    rest = _PHRASE_MARK.split(folded[m.end() :], maxsplit=1)[0].strip()
    final = lexicon.patterns["final"]
    if final is not None:
        rest = final.strip(rest).strip()  # "这是机器翻译的哦": a sentence-final particle, no noun after the label
    return bool(rest) and not any(p.regex.match(rest) for p in names)


def _label_ends(lexicon: Lexicon, folded: str, end: int, caveat_end: int = 0) -> bool:
    """The label that ends at `end` ends its phrase: a mark or the text's end follows it, or a copula that links it
    to the next clause ("機械翻訳のため、…", "자동 번역이라 …", "機械翻訳であり、…": the lexicon's `reason` and `link`),
    where that clause closes the sentence: "(It is) machine translation, so it may contain errors" is the badge and
    its caveat, as "Machine translation, may contain errors" is; "機械翻訳なので、誤訳があるかもしれませんが、…" ("may
    be wrong, but …") goes on to argue about something else. Only a clause mark after the caveat (which ends at
    `caveat_end`) goes on: "機械翻訳のため、一部、誤りが含まれ…" ("in parts, …") is still the caveat's clause."""
    if end == len(folded) or not _word_char(folded[end]):
        return True
    at = end + (folded[end : end + 1] == " ")
    for concept in ("reason", "link"):
        matcher = lexicon.patterns[concept]
        if matcher is not None and (m := matcher.regex.match(folded, at)) is not None:
            after = m.end() + len(folded[m.end() :]) - len(folded[m.end() :].lstrip(" ,，、"))  # "なので、"
            return _CLAUSE_GOES_ON.search(folded, max(after, caveat_end)) is None
    return False


_CLAUSE_GOES_ON = deferred(r"[,，、;；]\s*\w")


EXCEPT_REACH = 25  # characters between "other than" and the language name it excepts


def _other_versions(folded: str) -> bool:
    """The subject names the site's other language versions: "other than" beside a language name ("Los idiomas
    distintos al japonés", "all languages except English")."""
    common = shared()
    for m in common.except_words.finditer(folded):
        if common.language_regex.search(folded, max(0, m.start() - EXCEPT_REACH), m.end() + EXCEPT_REACH):
            return True
    return False


def _others(lexicon: Lexicon, folded: str) -> bool:
    """The subject names the site's other language versions: "The other languages are machine translated",
    "Οι άλλες γλώσσες …", "다른 언어는 …" (the lexicon's `others`). Only before the first translate word: after it the
    words are the target ("translated into other languages"), a feature, not a status of this text."""
    others = lexicon.patterns["others"]
    first = _first_translate(folded)
    if others is None or first is None:
        return False
    for m in others.regex.finditer(folded, 0, first):
        # the subject opens its clause ("per le altre lingue …" is a prepositional phrase) and is no key ("les autres
        # langues : …" lists sources)
        opens = not folded[: m.start()].strip() or folded[: m.start()].rstrip()[-1] in ",;:()–—*-"
        if opens and others.search(folded[m.start() : first]) and not folded[m.end() :].lstrip().startswith(":"):
            return not _of_a_tool(lexicon, folded[m.end() : first])
    return False


# "Other languages (machine translation)", "… [machine translation]", "…【機械翻訳】": a heading, a bracket after it,
# and nothing else (the head is taken greedily up to the only opening bracket: linear on any input)
_NO_BRACKET = r"[^()\[\]【】]"
_HEADED_BRACKET = deferred(
    rf"({_NO_BRACKET}*)(?:\(({_NO_BRACKET}+)\)|\[({_NO_BRACKET}+)\]|【({_NO_BRACKET}+)】)[\s.:]*"
)


_LETTER = deferred(r"[^\W\d_]")


def _key_label(lexicon: Lexicon, folded: str) -> bool:
    """An engine's name (blanked out) is the whole key of a line whose value is a bare label and its caveat (blanked
    out too): "Google Translate: automatic translation may contain errors", not "Pros and cons of Google Translate:
    machine translation may contain errors" (a review's heading, the caveat on machine translation in general). In a
    script without spaces the label opens the value and ends its phrase (`_label_ends`: "DeepL：機械翻訳のため、
    誤りを含む可能性があります", "DeepL: 기계 번역, 오류가 있을 수 있습니다")."""
    key, colon, rest = folded.partition(":")
    if not colon or _LETTER.search(key):
        return False
    if lexicon.spaces:
        return _label_words(lexicon, " ".join(rest.split()).strip(" .,;!-–—"))
    rest = rest.lstrip()
    return any(s == 0 and _label_ends(lexicon, rest, e) for s, e in _unspaced_labels(lexicon, rest))


def _others_label(lexicon: Lexicon, folded: str) -> bool:
    """A heading that is nothing but the site's other language versions (the lexicon's `others`, or `more`: "More
    languages", read only here) with a bare label in brackets after it: "Other languages (machine translation)",
    "Inne języki (tłumaczenie automatyczne)", the menu that opens the site in its machine-translated versions. A
    language name before the bracket ("English (machine translation)") is a picker entry, left to the phrase rules."""
    shape = _HEADED_BRACKET.fullmatch(_LEAD_JUNK.sub("", folded.strip(), count=1))
    if shape is None:
        return False
    head = shape.group(1).rstrip().rstrip(" :-–—")
    heads = (m for c in ("others", "more") if (m := lexicon.patterns[c]) is not None)
    whole = any(s == 0 and e == len(head) for m in heads for s, e in m.spans(head))
    return whole and _label_words(lexicon, next(g for g in shape.groups()[1:] if g is not None))


def _of_a_tool(lexicon: Lexicon, between: str) -> bool:
    """The other languages are a tool's: a tool or product noun (`tools` in common.toml) qualifies the subject and
    no content noun or deictic word names this text: "The other languages of the app are machine translated", "Die
    anderen Sprachen der App …" (its interface), not "… of this site", "… der Dokumentation". The noun follows a
    preposition or an article: a word right after the subject that only begins like one ("apparently", "both") is
    no qualifier."""
    if not any(_WORD.search(between, 0, m.start()) for m in shared().tools.finditer(between)):
        return False
    return not _holds(lexicon, between, ("content", "deixis"))


_WORD = deferred(r"[\w'-]+")
COMPOUND_TAIL = 5  # letters after the translate stem in a compound noun: case and number endings ("-tõlkega", "-ung")


def _machine_compound(lexicon: Lexicon, word: str) -> bool:
    """One word that is the noun phrase machine + translation: "masintõlkega", "konekäännös", "maskinöversättning"
    (not "konekäännösohjelmistojen", a longer noun, nor "konekääntäjä", the translator)."""
    machine, translate, human = (lexicon.patterns[c] for c in ("machine", "translate", "human"))
    m = machine.regex.match(word) if machine is not None else None
    if m is None or translate is None or m.end() >= len(word):
        return False
    if human is not None and human.regex.match(word[m.end() :].lstrip("-")):
        return False  # "konekääntäjä", "Maschinenübersetzer": the translator (a tool), not a translation
    t = translate.regex.search(word, m.end())
    return t is not None and t.start() <= m.end() + 2 and len(word) - t.end() <= COMPOUND_TAIL


@cache
def _phrase_languages() -> frozenset[str]:
    """Codes of the languages that have a phrase-rule file (data/languages/): their rules read bare labels."""
    folder = resources.files("mtcheck.detect").joinpath("data", "languages")
    return frozenset(p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml"))


def _action_first(lexicon: Lexicon, folded: str) -> int:
    """Where the imperative or infinitive of "translate" (the lexicon's `action` words) that opens the line ends, maybe
    after one machine word ("Translate automatically", "Otomatik çevir", "Awtomatikong isalin"); 0 if none does."""
    action, machine = lexicon.patterns["action"], lexicon.patterns["machine"]
    if action is None or not lexicon.spaces:
        return 0
    words = _words(folded)[:2]
    lead = _LEAD_JUNK.match(folded)
    if not words or words[0][0] != (lead.end() if lead else 0):
        return 0
    texts = [folded[s:e] for s, e in words]
    if _is(action, texts[0]):
        return words[0][1]
    return words[1][1] if len(words) == 2 and _is(machine, texts[0]) and _is(action, texts[1]) else 0


def _done_after(lexicon: Lexicon, folded: str, end: int) -> bool:
    """A made form after the opening action word: "Translate automatically" has none, "Vertaal, gegenereer …" has."""
    done = lexicon.patterns["done"]
    return done is not None and done.search(folded[end:])


def _reads_label(lexicon: Lexicon, folded: str) -> bool:
    """Whether a language with phrase rules reads this label itself: its machine word is in it."""
    machine = lexicon.patterns["machine"]
    return lexicon.code in _phrase_languages() and machine is not None and machine.search(folded)


def _label_kind(machine: Matcher, stems: re.Pattern[str], word: str) -> str:
    """One word of a bare label: "m" a machine word, "t" a translate word, "-" a short link, "x" anything else.

    A word is also read without an elided link ("bw'imashini", "n'imashini") or a proclitic ("የማሽን"), and a
    translate stem may stand inside it after a noun-class prefix ("Nsụgharị", "Ubusemuzi")."""
    forms = [word, word.rsplit("'", 1)[-1], word.rsplit("-", 1)[-1]]
    forms += [word[len(p) :] for p in machine.prefixes if word.startswith(p)]
    if any(f and _is(machine, f) for f in forms):
        return "m"
    if any(stems.match(f) for f in forms if f) or any(len(m.group(0)) >= 5 for m in stems.finditer(word)):
        return "t"
    return "-" if len(word) <= 2 else "x"


def _bare_label(lexicon: Lexicon, folded: str) -> bool:
    """A line that is nothing but a machine word and a translate word: a badge ("စက်ဘာသာပြန်", "Машинный перевод").

    Read only in languages without phrase rules, which read such labels (and weigh them as headings where an article
    discusses machine translation) everywhere else.
    """
    return lexicon.code not in _phrase_languages() and _label_words(lexicon, folded)


def _label_words(lexicon: Lexicon, folded: str) -> bool:
    """Whether the line is nothing but a machine word and a translate word (and short links): "Machine translation"."""
    machine = lexicon.patterns["machine"]
    if machine is None or not machine.search(folded):
        return False
    stems = _translate_index()[0]
    if not lexicon.spaces:  # (a language slot before it is the language the label is on: "{lang} (စက်ဘာသာပြန်)")
        folded = re.sub(r"^\W*xslot\b", " ", folded).strip(" ()[]（）【】")
        return not any(_word_char(ch) for ch in stems.sub(" ", machine.strip(folded))) and len(folded) <= 5 * BARE_WORDS
    # a machine entry of several words is one word of the label ("akpaghị aka", "toos ah")
    spaced = [m for m in machine.regex.finditer(folded) if " " in m.group(0).strip()]
    for m in spaced:
        folded = _blank(folded, m.start(), m.end())
    words = [folded[s:e] for s, e in _words(folded)]
    # every word a machine or translate word (inflected: "Автоматтык котормо"), or a short link ("ya", "de"); a
    # language slot or name before it is the language the label is on ("{lang} (fassarar na'ura)", "Hausa — …")
    named = [w for w in words if w == "xslot" or shared().language_regex.match(w)]
    # a qualifier of the label is no other word ("Unofficial machine translation", "Inoffizielle maschinelle …")
    qualifier = lexicon.patterns["qualifier"]
    named += [w for w in words if w not in named and qualifier is not None and qualifier.regex.match(w)]
    kinds = [_label_kind(machine, stems, w) for w in words]
    kinds = ["-" if w in named else k for w, k in zip(words, kinds, strict=True)]
    # one word that is machine + translation is both ("Masjienvertaling", "Maskinoversættelse")
    kinds += ["t" for w, k in zip(words, kinds, strict=True) if k == "m" and _machine_compound(lexicon, w)]
    kinds += ["m"] * len(spaced)
    return len(kinds) - len(named) <= BARE_WORDS and "x" not in kinds and "m" in kinds and "t" in kinds


_LABEL_MARKS = ("-", "–", "—", ":", ";", ",", "|", "(", "/")  # what may stand between a label and its caveat
_UNOFFICIAL = deferred(r"off?ici|uffici")  # "non officielle", "no oficial", "não oficial", "non ufficiale"


def _disclaimed(lexicon: Lexicon, folded: str) -> list[tuple[int, int]]:
    """Where a legal-status caveat (the lexicon's `disclaims`: "not legal advice", "keine Rechtsberatung", "non
    officielle") stands right after a bare label, with a dash, colon or comma between (and earlier caveats of the
    kind: "Traduction automatique non officielle — pas un avis juridique"). Only an "unofficial" word may follow the
    label with nothing between ("Traducción automática no oficial"): a caveat that is a clause of its own right after
    the noun is the sentence's predicate ("Machine translation is not legal advice", "La traducción automática no es
    asesoramiento legal", "Strojový překlad není právní rada": general talk)."""
    disclaims = lexicon.patterns["disclaims"]
    if disclaims is None:
        return []
    spans: list[tuple[int, int]] = []
    blanked = folded
    for s, e in disclaims.spans(folded):
        head = _LEAD_JUNK.sub("", blanked[:s], count=1).rstrip()
        if not head.endswith(_LABEL_MARKS) and not _UNOFFICIAL.search(folded, s, e):
            continue
        head = head.rstrip("-–—:;,").strip()
        if head and _label_words(lexicon, head):
            spans.append((s, e))
            blanked = _blank(blanked, s, e)
    return spans


def _beside_label(lexicon: Lexicon, tail: Matcher, folded: str) -> bool:
    """A `label_caveat` beside a bare label: the line is nothing else ("AI თარგმანი, თქვენი მოხერხებულობისთვის"), or
    the label and the caveat make the line's head before a dash, whatever follows ("सुविधाका लागि स्वचालित अनुवाद —
    कानुनी रूपमा … मान्य हुन्छ", "Машин орчуулга — алдаатай байж болно, …")."""
    bare = tail.strip(folded)
    if _label_words(lexicon, _LEAD_JUNK.sub("", bare.strip(), count=1)):
        return True
    dash = SPACED_DASH.search(folded)
    first = next(tail.spans(folded), None)
    if dash is None or first is None or not _label_words(lexicon, _LEAD_JUNK.sub("", bare[: dash.start()], count=1)):
        return False
    return first[0] < dash.start() or not folded[dash.end() : first[0]].strip()


def _label_head(lexicon: Lexicon, folded: str) -> bool:
    """The line opens with a bare label (a machine word and a translate word, up to BARE_WORDS words) and goes on
    without a copula or a negation ("Machine translation from English to Japanese is hard" is a sentence about it,
    "মেশিন অনুবাদ নয় — …" says "not machine translation")."""
    words = _words(folded)
    for n in range(2, min(BARE_WORDS, len(words) - 1) + 1):
        if _label_words(lexicon, folded[: words[n - 1][1]]):
            rest = folded[words[n - 1][1] :]
            return lexicon.spaces and not _holds(lexicon, rest, ("copula", "negation"))
    return False


STATUS_OTHER_WORDS = 2  # "Strojovo preložené v tomto zariadení": words a status line's concepts may leave unexplained


def _unexplained(lexicon: Lexicon, folded: str) -> int:
    """Words (of more than three letters) that no concept of the lexicon, language name or slot explains: a status
    line has few ("Automatically translated on this device"); "Automatically translated landing pages
    convert badly" is a sentence about other texts."""
    if not lexicon.spaces:
        return 0
    rest = _stripped(lexicon, folded, ("done", "machine", "content", "deixis", "qualifier", "caveat", "human"))
    rest = shared().language_regex.sub(" ", _translate_index()[0].sub(" ", rest))
    words = [rest[s:e] for s, e in _words(rest)]
    return sum(1 for w in words if len(w) > 3 and w != "xslot" and not w.isdigit())


def _compound_done(lexicon: Lexicon, folded: str) -> bool:
    """A made form written onto a machine word in one compound: "maskinoversatt", "maskinassisterad"."""
    machine, done = lexicon.patterns["machine"], lexicon.patterns["done"]
    if not lexicon.spaces or machine is None or done is None:
        return False
    for s, e in _words(folded):
        word = folded[s:e]
        m = machine.regex.match(word)
        if m is None or m.end() >= len(word) - 2:
            continue
        if done.regex.match(word[m.end() :].lstrip("-")) is not None:
            return True
    return False


def _made_by_machine(folded: str) -> list[int]:
    """Lexicons that find both a "made" form and a machine marker: the fragment's language when it has no
    translate word ("automatisch erzeugt unter Verwendung von DeepL")."""
    out = []
    for i in range(len(_lexicon_data())):
        done, machine = _lexicon(i).patterns["done"], _lexicon(i).patterns["machine"]
        if done is not None and machine is not None and done.search(folded) and machine.search(folded):
            out.append(i)
    return out


def first_translate(text: str) -> int | None:
    """Where the first translate word that a lexicon reads starts in the folded text; None when there is none."""
    return _first_translate(_fold(text))


def before_translate(text: str) -> str:
    """The folded text before its first translate word that a lexicon reads (all of it when none does)."""
    folded = _fold(text)
    at = _first_translate(folded)
    return folded if at is None else folded[:at]


def speaks_of_a_text(text: str) -> bool:
    """Whether, in a lexicon that owns the text's translate words, the text names this text (`_names_this`: "this
    page"), reads a deictic word ("this", "ce", "hier"; `_points`) or the language the translation came from ("from
    Japanese", "del inglés"; `_from_source`): it speaks of a text at hand ("Each review below was machine translated
    from Japanese"), not of a rule. Folded and read for its owners once: a page of distributive lines asks per line."""
    folded = _fold(text)
    owners = _owners(folded)
    if _names_this(folded, owners):
        return True
    if any(_points(_lexicon(i), folded) for i in owners):
        return True
    # (a language's name is looked for once, not once per owner: `_from_source` reads none without one)
    return bool(shared().language_regex.search(folded)) and any(_from_source(_lexicon(i), folded) for i in owners)


def has_caveat(text: str) -> bool:
    """Whether a lexicon that owns the text's translate words reads a caveat in it ("may contain errors")."""
    folded = _fold(text)
    return _caveated(folded, _owners(folded))


def has_translate_word(text: str) -> bool:
    """Whether a translate stem of any lexicon occurs in the text (at a word start where words are spaced)."""
    return bool(_owners(_fold(text)))


def shown_tail(fragment: str) -> int | None:
    """Where a trailing "Show original" link begins ("Automatically translated from {lang} · Show original",
    "機械翻訳 | 原文を表示"): a short last part after a separator that names the original; None if there is none."""
    m = _TAIL.search(fragment)
    if m is None or not fragment[: m.start()].strip():
        return None
    tail = _fold(m.group(1))
    if len(tail.split()) > TAIL_WORDS or not shared().shown_original.search(tail):
        return None
    return m.start()


def _counted_after(folded: str) -> bool:
    """A count placeholder and its noun within two words after the translate word: "… translated %u messages"."""
    words = folded.split(maxsplit=3)
    return any(COUNTED.match(" ".join(words[k:])) is not None for k in (1, 2) if k < len(words))


def _slot_word(holder: str) -> str:
    """What a placeholder reads as: a slot for a language or an engine, or a number ("{count}", "%d")."""
    return " xnum " if _NOT_A_SLOT.search(holder) else " xslot "


@cache
def _language_word() -> re.Pattern[str]:
    """A language name and the rest of its word, with the word after it ("inglés", "italiano", "inglise keelest")."""
    return re.compile(rf"(?<![^\W\d_])(?:{shared().language_any})[^\W\d_]*(?:\s+[^\W\d_]+)?")


# one or two short words between a `source` preposition and the name: an article ("aus dem", "from the"), or one
# elided before it ("depuis l'anglais")
_SOURCE_GAP = deferred(r"\s*(?:[^\W\d_]{1,4}(?:\s+|['’]))?(?:[^\W\d_]{1,4}\s+)?")
# where a clause ends after a word (a source language's name, a made form): a stop, a comma, a bracket (a dash or a
# coordinator: `second_predicate`)
_CLAUSE_STOP = deferred(r"[,;:.!?()\[\]]")
SOURCE_TAIL_WORDS = 1  # words of the source's clause after its name that the lexicon may leave unexplained


def _source_closes(lex: Lexicon, folded: str, end: int) -> bool:
    """Whether the source language's clause ends after its name (`end`), or goes on only with the made form, what
    made the text, or one other word: "… from German.", "… do inglês pelo mesmo modelo local", "… aus dem Deutschen
    übersetzt (…)", "Del inglés fueron traducidas …"; not where a target or the sentence's own verb follows ("… from
    English to the visitor's language", "Texts machine translated from Finnish tend to lose their idioms", "…
    dall'inglese in un riquadro"): there the made form describes texts that the sentence speaks about."""
    tail = _CLAUSE_STOP.split(folded[end:], maxsplit=1)[0]
    tail = shared().second_predicate((lex.code,)).split(tail, maxsplit=1)[0]
    if shared().agents.match(tail.lstrip()) or _first_translate(tail) is not None:
        return True  # "… pelo mesmo modelo", "Del inglés fueron traducidas …": the made form's own clause
    return _unexplained(lex, tail) <= SOURCE_TAIL_WORDS


def _from_source(lex: Lexicon, folded: str) -> bool:
    """Whether the fragment names the language a translation came from: a `source` preposition right before a language
    name ("from Russian", "del inglés", "dall'italiano", "aus dem Deutschen", "z angielskiego"), or a `source_after`
    case ending or postposition on it ("angolból", "englannista", "inglise keelest"); not a target ("into English"),
    nor a pair of languages, nor in a sentence on what often happens ("Handbücher werden oft … aus dem … übersetzt")."""
    source, after = lex.patterns["source"], lex.patterns["source_after"]
    if source is None and after is None or shared().language_regex.search(folded) is None:
        return False
    if shared().frequency.search(folded):
        return False  # "Handbücher werden oft maschinell aus dem Chinesischen übersetzt": what happens in general
    names = _language_word()
    if source is not None:
        for s, e in source.spans(folded):
            # "in una lingua diversa dall'italiano", "other than English": the site's other versions, not a source
            if any(m.end() >= e - 1 for m in shared().except_words.finditer(folded, max(0, s - 20), e)):
                continue
            gap = _SOURCE_GAP.match(folded, e)
            name = names.match(folded, gap.end() if gap is not None else e) or names.match(folded, e)
            first = name.start() + len(name.group(0).split()[0]) if name is not None else -1
            if name is not None and not _paired(folded, first) and _source_closes(lex, folded, first):
                return True
    if after is not None:
        for m in names.finditer(folded):
            if any(after.regex.fullmatch(w, k) for w in m.group(0).split() for k in range(len(w))):
                first = m.start() + len(m.group(0).split()[0])
                return not _paired(folded, first) and _source_closes(lex, folded, first)
    return False


PAIR_REACH = 40  # characters after a source language in which a target language makes the two a pair


def _paired(folded: str, end: int) -> bool:
    """A second language name right after the source ("de l'anglais au français", "din turca in romana"): a pair of
    languages describes what a program or a process does, where a notice on the translated text names its source
    only (its target is the language it is written in)."""
    return shared().language_regex.search(folded, end, end + PAIR_REACH) is not None


def _habit_target(lex: Lexicon, folded: str) -> bool:
    """A `target` preposition after the habitual verb ("… översätts automatiskt till valt språk", "… oversættes
    automatisk til simulatoren"): what a program turns the text into, each time, a feature; a notice on a page
    need not name the language it is written in, but may ("Sidan översätts automatiskt med Google Översätt till
    svenska", "… til dansk": the lexicon's own language is the page's, not a reader's choice)."""
    target, habitual = lex.patterns["target"], lex.patterns["habitual"]
    if target is None or habitual is None:
        return False
    verb = next(habitual.spans(folded), None)
    return verb is not None and any(
        s >= verb[1] and _language_code(folded[e:].lstrip()) != lex.code for s, e in target.spans(folded)
    )


def _language_code(text: str) -> str | None:
    """The code of the language whose name opens the text ("svenska …": sv), if one does."""
    return next((code for stem, code in shared().language_names if text.startswith(stem)), None)


HABIT_OTHER_WORDS = 1  # words a notice in the habitual passive may leave unexplained ("med hjälp av AI")


def _definite_subject(lex: Lexicon, folded: str) -> bool:
    """Whether a definite page or text noun ("sidan", "indholdet") stands right before the habitual verb, its subject
    ("Sidan översätts …"; not "Siden 2010 oversettes …", where "siden" is "since")."""
    definite, habitual = lex.patterns["definite"], lex.patterns["habitual"]
    if definite is None or habitual is None:
        return False
    verbs = {s for s, _ in habitual.spans(folded)}
    return any(folded[e : e + 1] == " " and e + 1 in verbs for _, e in definite.spans(folded))


def _listed_caveat(lexicon: Lexicon, folded: str) -> list[tuple[int, int]]:
    """Where the lexicon's `caveat` entries stand ("may contain errors", "for your convenience", "the English version
    prevails"), every match of its regex, where one is read as `Matcher.search` reads it; none where none is."""
    caveat = lexicon.patterns["caveat"]
    if caveat is None or not caveat.search(folded):
        return []
    return [m.span() for m in caveat.regex.finditer(folded)]


def _label_caveat(lexicon: Lexicon, folded: str) -> list[tuple[int, int]]:
    """Where the lexicon's `label_caveat` entries stand, every match of its regex, where one stands beside a bare label
    (`_beside_label`: "Машин орчуулга — алдаатай байж болно", "স্বয়ংক্রিয় অনুবাদ — এখনো পর্যালোচিত নয়"); none
    elsewhere ("… may contain errors" in a sentence about machine translation says nothing of this text)."""
    tail = lexicon.patterns["label_caveat"]
    if tail is None or not tail.search(folded) or not _beside_label(lexicon, tail, folded):
        return []
    return [m.span() for m in tail.regex.finditer(folded)]


@dataclass(frozen=True)
class _Caveat:
    """One kind of caveat that `read` blanks out of a fragment before it reads the other concepts."""

    spans: Callable[[Lexicon, str], list[tuple[int, int]]]  # where it stands, read by one owner's lexicon
    alone: bool = False  # read only where no kind before it was: the caveat makes a bare label a badge (`labelled`)
    names: bool = False  # a deictic word or a content noun inside it still names this text


# The caveats, read in this order, each kind on the fragment with the kinds before it blanked out (for every owner
# before the next kind): a caveat says the text was made by the translation it warns about, and once blanked its "may"
# or "not" reads as neither a hedge nor a negation. The order changes what is read (round 27, `refactor27`, each swap
# tried on every row text of tests/data alone):
# - a label, a connective of reason and a consequence (`_reason_caveat`, scripts without spaces) before the lists,
#   whose entries ("不正確な") would take the consequence's quality word: "機械翻訳のため不正確な場合があります。" is
#   flagged, and missed the other way round (6 rows change);
# - a legal-status caveat right after a bare label (`_disclaimed`) before the lists: it reads the label before it as
#   written, so a list entry between them ("Maschinelle Übersetzung, ohne Gewähr, keine Rechtsberatung") leaves the
#   label not bare and the "keine" a negation (no row changes; that sentence would be flagged the other way round);
# - `label_caveat` only where none of the kinds before it was read (`alone`);
# - a negation that governs a review word (`_unreviewed`) after the lists: a list entry after the review word is
#   blanked first and no longer counts as more said after it ("Dịch máy, chưa được người bản ngữ kiểm tra có thể chứa
#   lỗi" is flagged, and missed the other way round; 2 rows change their weight). No lexicon has both `unreviewed`
#   and `label_caveat`: their order changes no row, but a review caveat read first would keep a `label_caveat` unread.
_CAVEATS = (
    _Caveat(_reason_caveat, names=True),
    _Caveat(_disclaimed),
    _Caveat(_listed_caveat),
    _Caveat(_label_caveat, alone=True),
    _Caveat(_unreviewed),
)


def read(fragment: str, *, label: bool = False) -> Reading | None:
    """Weigh the concepts in one clause or badge; None when there is no translate word at all. `label`: the fragment
    opens with a bare label ("Machine translation.") and goes on with the sentence after it."""
    if "<" in fragment:
        fragment = _TAG.sub(" ", _LINK_START.sub(" · ", fragment)).strip()
    # "[例: 英語はDeepLで翻訳した段階です]", "Beispiel: Dieser Text wurde …": a sample answer in a form or a template
    sample = _fold(fragment)
    at = _first_translate(sample)
    if at is not None and shared().opens_example(sample[:at]):
        return None
    # "Translated successfully with AI!", "با موفقیت ترجمه شد": a program's status message, with no dash between
    # (`Shared.reports_success`); not where a deictic word points at this text ("Diese Seite wurde erfolgreich
    # maschinell übersetzt", as for a toast)
    if (
        at is not None
        and shared().reports_success(sample[:at], sample[at:], [_lexicon_data()[i][0] for i in _owners(sample)])
        and not any(_deixis(_lexicon(i), sample) for i in _owners(sample))
    ):
        return None
    # "Full translation of the interface into many languages (translated by Google)": a status in brackets at the
    # end of a line is a badge on it, read apart from the description it stands after
    if (inner := _tail_status(fragment)) is not None:
        return inner
    # "This README was translated by running npx <tool> -l all": a command line is a program, the machine; it reads
    # as the engine placeholder, not as code nor as words of the sentence ("translator-agent" is no English)
    # (a program whose name says it translates: "npx build-i18n" after "translated strings" is the build)
    if _RUNNER_HINT.search(fragment):
        fragment = _COMMAND.sub(_translating_command, fragment)
    # 'logger.warning("日本語訳は機械翻訳であり、…。")', 'warnings.warn("This output was machine translated.")': a
    # warning call's message is shown to whoever runs the program, a sentence of its own, not a script's label
    if (call := _WARNING_CALL.match(fragment)) is not None:
        fragment = fragment[call.end() :].rstrip().rstrip(";").rstrip().rstrip(")").rstrip("\"'`")
    # "… · Show original": the link is read apart, as evidence that the rest is a badge on this text
    cut = shown_tail(fragment)
    shown = cut is not None
    fragment = fragment[:cut] if cut is not None else fragment
    folded = _fold(fragment)
    common = shared()
    unheld = _PLACEHOLDER.sub(" xslot ", folded)  # "%(lang)s (…)": the placeholder's brackets are no call
    bracketed = _BRACKETED_LABEL.fullmatch(unheld) and len(unheld.split()) <= BRACKETED_WORDS
    code = _CODE.search(unheld) and not bracketed
    # "其他语言（机器翻译）": a heading of the other languages with a label in brackets is no call, spaced or not
    code = code and not any(_others_label(_lexicon(i), unheld) for i in _owners(unheld))
    if common.code_cue(folded) or code or _code_translation().search(folded):
        return None  # code, or translation between programming languages
    if TALLY_LINE.match(fragment):
        return None  # "Automatically translated: %d", "Machine-translated rows: {n:,}": a statistic, not a badge
    if (at := _first_translate(folded)) is not None and _counted_after(folded[at:]):
        return None  # "Automatically translated %u messages": a count and its noun after the verb, a log line
    if _quoted_term(fragment):
        return None  # 'remove any "machine translation" smell from this text': the term is mentioned, not used
    holders = [m for m in _PLACEHOLDER.findall(folded) if not _NOT_A_SLOT.search(m)]
    slots = len(holders)
    tool_slot = any(_TOOL_SLOT.search(m) for m in holders)
    folded = _PLACEHOLDER.sub(lambda m: _slot_word(m.group(0)), folded)  # "%{translator}": a slot, not "translator"
    folded = _INFLECTED_ENGINE.sub(r"\1", folded)  # "Googlem", "Googlen", "nguGoogle": the engine's name
    # "Текст переведён человеком, сравнён с моделью": "with a model" is an object, not the agent (nor its engine)
    folded = _without_comitative(folded, owned := _owners(folded))
    # "この記事は機械翻訳ではなく、人間が翻訳しました": the machine of the negated half of "not X but Y" is no claim
    folded = _without_contrasted(folded, owned)
    before = folded  # the words as written, before engine names are taken out
    marked = folded  # the same with each engine name as one `ENGINE_MARK`: offsets as in `folded`
    serviced = folded  # the same with an engine's service name as `SERVICE_MARK`, any other name as `ENGINE_MARK`
    engine = heading = product = False
    engine_at: int | None = None  # where the first named engine starts in the words as written
    person = _PERSON.search(fragment)  # "traduit par Claude Gauthier": a translator, not the engine
    for name, pattern in common.engines if _engine_any().search(folded) else ():
        if person and name.lower().startswith(person.group(1).lower()):
            continue
        if (m := pattern.search(folded)) is not None:
            engine = True
            if name != GENERIC_AI and (b := pattern.search(before)) is not None:
                engine_at = b.start() if engine_at is None else min(engine_at, b.start())
            product = product or name != GENERIC_AI  # "AI", "בינה מלאכותית": what made it, never a product's name
            if folded[m.end() : m.end() + 2].strip().startswith(":"):
                heading = True  # "Cloud Translation API: integrates text translation ...": a product's title
            # "Google Translate" names an engine, it is not the verb; short names ("AI", "IA") stay as words
            folded = pattern.sub(lambda m: " " if len(m.group(0)) > 3 else m.group(0), folded)
            marked = pattern.sub(lambda m: ENGINE_MARK if len(m.group(0)) > 3 else m.group(0), marked)
            # "谷歌翻译", "DeepL翻訳", "구글 번역": the engine's name and a translate noun, a service that translates
            serviced = pattern.sub(partial(_service_mark, name), serviced)
    # "generated by Google Translate": the only translate word is in the engine's name; it still says which
    # lexicons read the fragment.
    owners = _owners(folded) or (_owners(before) if engine else [])
    # "Automatically generated using DeepL": no translate word, but an engine that does nothing else
    tool = engine and bool(common.translation_engine.search(before))
    if not owners and tool:
        owners = _made_by_machine(folded)
    if not owners:
        return None
    # 'A reader was told "תורגם מעברית · תרגום מכונה" under a sentence …': a lexicon whose translate words all stand in
    # quotes, inside a sentence written in other words, reads a quoted string, not this text
    if _QUOTED.search(fragment) is not None:
        outside = _fold(_QUOTED.sub(" ", fragment))
        # (in scripts without spaces, counted in characters: '在说明旁加上“机翻，仅供参考”的标记')
        if len(outside.split()) >= QUOTING_WORDS or len(WIDE_CHAR.findall(outside)) >= QUOTING_CHARS:
            kept = set(_owners(outside))
            owners = [i for i in owners if i in kept]
            if not owners:
                return None
    # "... instead of one page that is machine translated": the translation is the option not taken
    first = _first_translate(folded)
    if first is not None and common.alternatives.search(after_last_cut(folded[:first])):
        return None
    # "… better than machine-translated ones": the translation is one side of a comparison
    if first is not None and common.comparisons.search(" ".join(folded[:first].split()[-3:])):
        return None
    # "Die Zeichenfolgen (maschinell übersetzt) sind unten dargestellt": a bracket that qualifies a noun in prose
    if first is not None and asides.bracketed_in_prose(
        folded[:first], folded[first:], points_here=lambda text: any(_deixis(_lexicon(i), text) for i in owners)
    ):
        return None
    # "Machine translation is a process in which …": a definition of the term, not a notice on this text
    if _defines_folded(before, owners):
        return None
    # "… shows a banner saying that this page was machine translated": a notice reported, not shown
    # (a sign's meaning that names this text is its notice: "The 🌐 icon means that this page was machine translated")
    rep = common.reported.search(folded)
    if (
        rep is not None
        and _first_translate(folded[rep.end() :]) is not None
        and not (rep.group("verb") and _names_this(folded[rep.end() :], owners))
    ):
        return None
    lex = _COMPILED  # only the owners' lexicons are compiled
    found: set[str] = {"translate"}
    # A caveat ("may contain errors", "for your convenience", "the English version prevails") is read first and
    # blanked out, so that its "may" or "not" reads as neither a hedge nor a negation.
    caveat_end = 0  # where the last caveat ends: "一部、誤りが含まれ…" has its comma before it, inside its clause
    labelled = False  # a `label_caveat` was read: the line is a bare label and its caveat, a badge
    for kind in _CAVEATS:  # in their order: see `_CAVEATS`
        for i in owners:
            if kind.alone and "caveat" in found:
                break
            for s, e in kind.spans(lex[i], folded):
                found.add("caveat")
                # (what it points at stays read: "…のため、この記事には誤りが…" names this text)
                if kind.names:
                    found |= {c for c in _NAMES if (p := lex[i].patterns[c]) is not None and p.search(folded[s:e])}
                labelled = labelled or kind.alone
                caveat_end = max(caveat_end, e)
                folded = _blank(folded, s, e)
    # A hedge on the quality ("may not be perfect", "möglicherweise nicht korrekt") is blanked too: its "not" is no
    # negation; unlike a caveat it is no made form ("Machine translations may not be perfect" says nothing of this
    # text), so the clause still needs its own.
    for i in owners:
        hedge = lex[i].patterns["hedge"]
        if hedge is not None and hedge.search(folded):
            folded = hedge.strip(folded)
    # Thai "… หรือไม่" ("… or not?"): a question particle is no negation; it asks about the fragment where it closes
    # it, about a later sentence where words follow it ("พบข้อผิดพลาดหรือไม่ เปิด PR ได้เลย", "found an error? open a PR")
    asks = False
    for i in owners:
        question = lex[i].patterns["question"]
        if question is not None and question.search(folded):
            asks = asks or any(not folded[e:].strip(" .!?") for _, e in question.spans(folded))
            folded = question.strip(folded)
    if any(lex[i].spaces for i in owners):
        folded = _without_reader_text(folded, [lex[i] for i in owners])
    best, best_count, cues = owners[0], (-1, -1), set()
    for i in owners:
        plain = (c for c in CONCEPTS if c not in _READ_APART)
        own = {c for c in plain if (cm := lex[i].patterns[c]) is not None and cm.search(folded)}
        own |= {"future"} if _future(lex[i], folded) else set()
        own |= (
            {"done"} if _predicate(lex[i], folded) or _nominal(lex[i], folded) or _contains(lex[i], folded) else set()
        )
        # (read where the engine is still named too: "由 DeepL 翻译" is one engine name, "DeepL 翻译", after 由)
        passive = _agent_passive(lex[i], folded) or _agent_passive(lex[i], before)
        own |= {"done"} if "done" not in own and passive else set()
        own |= {"done"} if "done" not in own and _compound_done(lex[i], folded) else set()
        if "negation" in own and _restricts_language(lex[i], folded):
            own.discard("negation")  # "Non-Chinese content is machine translated": the content is narrowed
        if "negation" in own and _negated_later(lex[i], folded, marked):
            own.discard("negation")  # "… automatisk oversatt av Google, noe som ikke er optimalt": a later clause's
        found |= own - _OWN_LANGUAGE
        count = (len(own & _POSITIVE), len(own))
        if count > best_count:  # the language is the lexicon that explains most of the fragment
            best, best_count, cues = i, count, own & _OWN_LANGUAGE
    # Topic and human cues are read in that language only: Portuguese "se" ("if") is Spanish "se traduce".
    found |= cues
    spaced = "deixis" in found and lex[best].spaces
    untooled = _without_tool_deixis(folded, lex[best].patterns["machine"]) if spaced else folded
    if untooled != folded and not any(_deixis(lex[i], untooled) for i in owners):
        found.discard("deixis")  # "Tämä laajennus näyttää …", "This extension shows …": "this" points at the tool
    # "Aistrigh go huathoibríoch", "Humusha ngokuzenzakalelayo", "Auto translate": a button or a setting that
    # opens with its imperative, not a status of this text
    # (in any lexicon that reads the line: Dutch "Vertaal met DeepL" is a button, the same word an Afrikaans participle)
    acted = [end for i in owners if (end := _action_first(lex[i], folded))]
    if not slots and acted and not _done_after(lex[best], folded, max(acted)):
        return Reading(0.0, lex[best].code, frozenset(found | {"action"}), slots)
    # "Preveo Google", "Aistrithe ag Google", "Google ne ya fassara": a short status line of the making and its
    # engine names the engine as the agent, not as a product
    # (or a status head that names its engine early, then goes on with a remark: "Traduit avec ChatGPT parce que …")
    # (not a quoted status: '"(Translated by Google)" がついたレビュー' mentions the string)
    early = (
        engine_at is not None
        and _short(before[:engine_at], lex[best].spaces, SOURCED_WORDS - 1)
        and not _QUOTES.search(fragment)
    )
    agent = (
        "done" in found
        and (_short(fragment, lex[best].spaces, BADGE_WORDS) or early)
        and _leads(lex[best], before, made=True)
    )
    # "Traducido con <Name>", "<Name> ile çevrildi": a short status line whose named instrument is a tool
    instrument = (
        "done" in found
        and not engine
        and "machine" not in found
        and lex[best].spaces
        and _short(fragment, True, BADGE_WORDS)
        and _named_instrument(fragment, lex[best].code in _CAPITALISED_NOUNS)
        and (_leads(lex[best], before, made=True) or not _leads(lex[best], before))
    )
    if instrument:
        found |= {"machine", "sourced"}
    # "Google Translate: automatic translation may contain errors": the engine is the key of a notice, a bare label
    # and its caveat, not a product's title ("Google Translate: translates text into 100 languages")
    if heading and "caveat" in found and _key_label(lex[best], folded):
        heading = False
    if heading or product and not (found & {"machine", "content", "deixis"}) and not agent:
        found.add("topic")  # an engine named as a product, not as the tool that made this text
    if _tool_agent(folded, lex[best].spaces) and not _points(lex[best], folded):
        found.add("topic")  # "Notre système traduit automatiquement du contenu …": what a tool does
    if _conditioned(lex[best], folded):
        found.add("topic")  # "영어 탭을 클릭하면 자동 번역된 내용이 채워집니다": what a program does when, a rule
    if _general(folded) and not _points(lex[best], folded) and not _status_head(lex[best], before):
        found.add("topic")  # "Customer messages are translated into your language", "… must be reviewed": general
    if _glossed(fragment):
        found.add("topic")  # "… fassarar na'ura (machine translation)": a term glossed in another language
    message = ui_message(fragment.strip(), "space" if lex[best].spaces else "none")
    if message == "trailing" or message == "toast" and "deixis" not in found:
        found.add("topic")  # a toast ("Перекладено автоматично!") or a placeholder ("… текстийг энд оруулна уу...")
    if engine or tool_slot:
        found.add("machine")
    # "Translated to: " (+ a language name added by code): the colon ends a status label, a slot for the language
    if (
        not slots
        and "done" in found
        and _OPEN_END.search(fragment)
        and _short(fragment, lex[best].spaces)
        and _open_slot(lex[best], fragment)
    ):
        slots = 1
    badge = label or bool(_TITLE.search(fragment)) and len(fragment.split()) <= 12  # `??? info "Machine translation"`
    # (not where any lexicon that reads the words has phrase rules: "Translate automatically" is English, not Pidgin)
    # (a lexicon with phrase rules counts only where it reads the machine word too: "Traduzzjoni awtomatika" is
    # Maltese, whose "tradu" stem Italian and French share, but whose "awtomatika" neither reads)
    if not badge and not any(_reads_label(lex[i], folded) for i in owners):
        badge = _bare_label(lex[best], _LEAD_JUNK.sub("", folded.strip(), count=1))
    # "Masjienvertaling, nog nie nagegaan nie": a bare label whose caveat (blanked above) follows it is a badge in
    # every language; the phrase rules read the label alone, not with its caveat
    if not badge and "caveat" in found:
        badge = labelled or _label_words(lex[best], _LEAD_JUNK.sub("", folded.strip(), count=1))
    # A caveat says the text was made by the translation it warns about: "AI translations can contain errors".
    # ("{lang}から翻訳 · 原文を表示": a language slot and a "Show original" link make a translate noun a status)
    # "J'ai utilisé DeepL pour traduire ce texte", "I used Google Translate for this post": the writer's own use of
    # a machine, on a text that deixis points at, made it ("… to translate my emails" names another text)
    # (any owner's lexicon: a short Portuguese sentence may read best as Spanish; "this trip", "este proyecto" point
    # at no text)
    used = "done" not in found and "deixis" in found and ("machine" in found or engine)
    if used and any(_self_used(lex[i], folded) for i in dict.fromkeys([best, *owners])):
        found.add("done")
    made = "done" in found or slots >= 2 or (badge and "machine" in found) or "caveat" in found or shown and slots > 0
    names_self = bool({"content", "deixis"} & found) or slots > 0 or badge  # not "machine-translated menus"
    # "The other languages are machine translated", "Οι άλλες γλώσσες είναι μηχανικά μεταφρασμένες": the subject is
    # the site's other language versions
    if any(_others(lex[i], folded) for i in owners):
        names_self = True
        found.add("others")
    if not (made and names_self) and "machine" in found and any(_others_label(lex[i], folded) for i in owners):
        names_self = made = True
        found.add("others")
    # "Contenuti tradotti automaticamente dall'italiano", "Karteninhalte wurden maschinell aus dem Deutschen übersetzt":
    # a made form by a machine that names the language it came from speaks of a text at hand, whatever noun is its
    # subject (a feature names the languages it translates into, not from: "… automatically into 30 languages")
    if "done" in found and "machine" in found and any(_from_source(lex[i], folded) for i in owners):
        names_self = True
        found.add("sourced")
    # "Les descriptions ont été traduites automatiquement", "Le altre 23 lingue sono state tradotte automaticamente",
    # "Os significados foram traduzidos automaticamente": a short subject that opens its clause and a completed passive
    # (`perfect`: "were", "have been", "ont été", "sono state", "foram") of a machine's translation report what was done
    # to the texts at hand, whatever noun names them; a feature says what is done each time ("are translated",
    # "will be translated"), and a relative clause qualifies a noun ("articles that were machine translated")
    perfect = None
    if "done" in found and "machine" in found:
        perfect = next((h for i in owners if (h := _perfect_subject(lex[i], folded)) is not None), None)
    if perfect is not None:
        names_self = True
        found.add("perfect")
        # "Many of our 254 languages have been machine translated", "alle 45 sprog er maskinoversat": a subject that
        # names languages names the site's language versions, as "the other languages" does (`others`)
        if common.tongues.search(perfect):
            found.add("others")
    # "Automatically translated from English.": a short status line made by a machine that names its source
    short = _short(fragment, lex[best].spaces, SOURCED_WORDS)
    sourced = "machine" in found and short and _leads(lex[best], before)
    if sourced and bool(common.language_regex.search(folded)):
        names_self = True
        found.add("sourced")
        # "Machine translation of the English guide", "ترجمة آلية للدليل الإنجليزي": a bare label opens the line that
        # names its source, the badge of this text (the phrase rules read "Machine translation from German" so)
        made = made or _label_head(lex[best], _LEAD_JUNK.sub("", folded.strip(), count=1))
    # "Automatically translated.", "Translated automatically by <engine>": a bare status badge, nothing but the
    # making, the machine and maybe the engine; or a status line that carries a caveat about the text it stands on
    # ("Translated by machine (<engine>), not yet reviewed by native speakers")
    if (
        "done" in found
        and "machine" in found
        and (_short(_without_conjuncts(lex[best], fragment), lex[best].spaces, BADGE_WORDS) or "caveat" in found)
        and _leads(lex[best], before, agent=True)
        and ("caveat" in found or _unexplained(lex[best], _without_conjuncts(lex[best], folded)) <= STATUS_OTHER_WORDS)
    ):
        names_self = True
        found.add("sourced")
    # "기계 번역입니다.", "機械翻訳です。": in a script without spaces, the label and its copula with the subject
    # dropped is a status sentence on this text, as "Machine translation." is a badge
    subject = _nominal_unspaced(lex[best], folded, caveat_end) if "machine" in found and not lex[best].spaces else None
    # "本文为谷歌翻译。", "以上為google翻譯", "아래는 구글 번역입니다.": an engine's service name (its name and a
    # translate noun) as the predicate is read as the machine label is (round 28, miss28)
    # (any owner's lexicon: traditional "以上為google翻譯" reads best as simplified Chinese, whose copula is "为")
    if subject is None and SERVICE_MARK in serviced and not lex[best].spaces and len(serviced) == len(folded):
        for i in dict.fromkeys([best, *owners]):
            # (only where no machine label of its own stands: "Google翻訳は機械翻訳のため…" has the service as subject)
            if lex[i].spaces or next(_unspaced_labels(lex[i], folded), None) is not None:
                continue
            named = _nominal_unspaced(lex[i], _service_as_label(i, folded, serviced))
            if named is not None and _headed_by_text(lex[i], named):
                subject = named
                break
    if subject is not None:
        names_self = made = True  # (a subject is kept only where it names this text or its other versions)
        found |= {"sourced"} if not subject else set()
    # "机器翻译，仅供参考", "（含机翻，仅供参考）", "自動翻訳のため参考情報です": in a script without spaces, the label
    # (a machine word beside a translate word) with a caveat on the text that carries them is a badge on this text,
    # as "Machine translation, for reference only" is; the label ends its phrase ("机器翻译系统可能包含偏见": a system)
    # (not a label quoted in a sentence about it: '在译文上标注“机翻，仅供参考”', "mark the translation with '…'")
    if (
        "caveat" in found
        and "machine" in found
        and not lex[best].spaces
        and any(_label_ends(lex[best], folded, e, caveat_end) for _, e in _unspaced_labels(lex[best], folded))
        and not _QUOTED.search(fragment)
    ):
        names_self = True
    # "Automatically translated from {lang} · Show original": a status string that links to its original
    status = ("done" in found or slots > 0) and ("machine" in found or slots)
    if shown and status and short:
        names_self = True
        found.add("sourced")
    if tool and "done" in found and short and _leads(lex[best], before, made=True):
        names_self = True  # a badge: the making, the machine and the engine, nothing else
        found.add("sourced")
    names_self = names_self or instrument
    if agent and early and "machine" in found and _leads(lex[best], before, agent=True):
        names_self = True  # "Traduit avec ChatGPT parce que …": a status head with its engine, then a remark
        found.add("sourced")
    if "negation" in found or not made or not names_self or not ({"machine"} & found or slots):
        return Reading(0.0, lex[best].code, frozenset(found), slots)
    score = BASE if "done" in found or badge or shown else BASE - 0.05
    score += MACHINE if "machine" in found else 0.0
    score += (SLOT if slots else 0.0) + (SECOND_SLOT if slots > 1 else 0.0)
    score += SELF if {"content", "deixis"} & found else 0.0
    score += CONTAINER if _CONTAINER.search(fragment) else 0.0
    score += TOPIC if "topic" in found else 0.0
    # "Artiklar översätts automatiskt": a present passive of habit says what a program does each time, a feature,
    # unless a deictic word points at this text ("Denna sida översätts automatiskt av Google Översätt") or the
    # sentence carries a caveat on the text, which no feature description does ("Artikeln översätts automatiskt och
    # kan innehålla fel"), or the subject right before the verb is the page or text itself, named by the definite
    # article that these languages suffix, and the engine is named ("Sidan översätts automatiskt med Google Translate",
    # "Sidan översätts automatiskt med AI"; "Texten översätts automatiskt till valt språk" stays a feature, and so does
    # a definite subject whose verb names where it goes: "Texten översätts med DeepL till valt språk", `target`)
    habit = "habitual" in found and not {"topic", "deixis", "caveat"} & found
    itself = engine and _definite_subject(lex[best], folded) and not _habit_target(lex[best], folded)
    # (not where the sentence goes on with when or for whom: "Inlägget översätts automatiskt med AI när du klickar på
    # knappen", "… hver natt", "… för besökare från andra länder": what a program does each time, a feature)
    itself = itself and _unexplained(lex[best], folded) <= HABIT_OTHER_WORDS
    score += TOPIC if habit and not itself else 0.0
    score += HUMAN_ONLY if "human" in found and "machine" not in found else 0.0
    score += QUESTION if _QUESTION.search(fragment) or asks else 0.0
    score += FUTURE if "future" in found else 0.0
    return Reading(round(score, 3), lex[best].code, frozenset(found), slots)


_WARNING_CALL = deferred(r"\s*(?:[\w$]+\.)*(?:warn|warning|notice)\(\s*[\"'`](?=[^\"'`]*[.!。！]\s*(?:[\"'`]|$))")
_RUNNER_HINT = deferred(r"npx|bunx|pnpx|dlx|pipx|uvx|deno")
# A package runner and the program it runs, with its options ("bunx translator-agent -s README.md -l all")
_COMMAND = deferred(
    r"(?<!\S)(?:bunx|npx|pnpx|pnpm dlx|yarn dlx|pipx run|uvx|deno run)\s+([@\w./:-]+)"
    r"(?:\s+-{1,2}[a-zA-Z][\w-]*(?:[\s=](?!-)[\w./@:*,-]+)?)*"
)


def _translating_command(m: re.Match[str]) -> str:
    program = m.group(1).replace("-", " ").replace("_", " ")
    return " xengine " if has_translate_word(program) or _engine_any().search(program.lower()) else m.group(0)


_TAIL_BRACKET = deferred(r"\s\(([^()\n]{3,60})\)[\s.。]*$")
_NAME_WORD = deferred(r"[\W\d_]*[A-ZÀ-ÞΑ-ΩА-Я][\w.'’-]*[\W]*$|[\w.-]*\d[\w.-]*$")
_EDGE_JUNK = deferred(r"^[\W_]+|[\s.!:;,…]+$")
NAME_WORDS = 4
_PLAIN_NOUN = deferred(r"[A-ZÄÖÜ][a-zäöüß]+[.,]?")
# Lexicons of languages that write every noun with a capital letter
_CAPITALISED_NOUNS = frozenset({"de", "lb"})


def _is_name(words: list[str]) -> bool:
    """One to four words, each written as a name ("Neno", "World Revolution News", "GPT-4"), not a platform where
    people translate ("Translated using Weblate", "Übersetzt mit Crowdin")."""
    if not 0 < len(words) <= NAME_WORDS or not all(_NAME_WORD.match(w) for w in words):
        return False
    return not shared().platforms.search(" ".join(words))


def _tail_status(fragment: str) -> Reading | None:
    """The reading of a status line in brackets at the end of a longer line ("… (traduit par Google)"), if it is
    one."""
    if not fragment.rstrip(" \t\n.。").endswith(")"):
        return None
    tail = _TAIL_BRACKET.search(fragment)
    if tail is None or not fragment[: tail.start()].strip() or not has_translate_word(tail.group(1)):
        return None
    # (it credits the engine: "(automatically translated into 11 languages)" after a line is what a feature does)
    if not _engine_any().search(_fold(tail.group(1))):
        return None
    inner = read(tail.group(1))
    return inner if inner is not None and inner.score > 0 and "sourced" in inner.concepts else None


# "…要求を処理します。(Google翻訳)", "(DeepL 翻訳) これは…ですか？": an engine's credit in brackets at an edge of a line
# whose rest is a sentence (round 26, cjk26)
_OPEN_TAG = "(（【["
_CLOSE_TAG = ")）】]"
_TAG_BODY = r"[^()（）【】\[\]\n]{1,24}"
_LEADING_TAG = deferred(rf"[(（【\[]({_TAG_BODY})[)）】\]]\s*(.+)", re.DOTALL)
# (matched from the line's last opening bracket: a lazy "(.+?)\s*" before it retried every space of a long run)
_TRAILING_TAG = deferred(rf"[(（【\[]({_TAG_BODY})[)）】\]]\s*+([。.:：]?)\s*+")
TAG_REST = 10  # letters the line holds outside the bracket: a sentence, not a title, a button or a list item
TAG_SCORE = BASE + MACHINE + SELF


def _bare_tag(body: str) -> Lexicon | None:
    """The lexicon of a bracket that holds nothing but a machine's credit: an engine's name and maybe a translate
    word ("谷歌翻译", "DeepL 翻訳", "파파고 번역"), or a machine word and a translate word ("机翻", "機械翻訳"), with
    the lexicon's `by` and `tag` words ("DeepLによる翻訳", "部分機器翻譯", "Google 번역 제공"); None for anything more
    ("구글 번역기를 돌려보니 …", "AI 翻譯失敗", "非机器翻译")."""
    folded = _fold(body).strip()
    owners = [i for i in _owners(folded) if not _lexicon(i).spaces]
    if not owners:
        return None
    engine = False
    for _, pattern in shared().engines if _engine_any().search(folded) else ():
        folded, n = pattern.subn(" ", folded)
        engine = engine or n > 0
    for i in owners:
        lexicon = _lexicon(i)
        rest = folded
        machine = False
        for concept in ("machine", "translate", "by", "tag"):
            if (matcher := lexicon.patterns[concept]) is not None:
                machine = machine or concept == "machine" and matcher.search(rest)
                rest = matcher.regex.sub(" ", rest)
        if (engine or machine) and not _LETTER.search(rest):
            return lexicon
    return None


def _sentence_tag(text: str, s: int, e: int) -> Reading | None:
    """A bare machine credit in brackets (`_bare_tag`) that opens or closes its line, where the rest of the line is a
    sentence (it ends one, or its end mark follows the bracket, or a colon does where the credit leads in a quotation)
    holding no translate word and no engine of its own: "…を処理するよう要求します。(Google翻訳)", "(파파고 번역) 이
    연구는 …입니다.", "…可能性があります（DeepL翻訳）。", "看到了这么一段话（谷歌翻译）：". Not a title, a button or a
    list item ("新增餐點 (AI自動翻譯)", "OpenAI GPT (AI翻訳)", "[AI翻訳]をクリックしてください": a particle glued to a
    leading bracket, `tag_object`), nor a bracket that glosses a translate word before it ("영문 → 한국어 번역 (구글
    번역)")."""
    lo = max(0, s - LINE_REACH)
    lo = text.rfind("\n", lo, s) + 1 or lo
    hi = text.find("\n", e, min(len(text), e + LINE_REACH))
    hi = len(text) if hi < 0 and len(text) <= e + LINE_REACH else hi
    if hi < 0 or lo > 0 and text[lo - 1] != "\n":
        return None  # the line's edges lie beyond the reach: not read (a page may be one long line)
    line = text[lo:hi].strip()
    if not line or (line[0] not in _OPEN_TAG and line.rstrip("。.:： ")[-1:] not in _CLOSE_TAG):
        return None
    for leading, body, rest, mark in _tag_parts(line):
        if body not in text[s:e] or (lexicon := _bare_tag(body)) is None:
            continue
        folded = _fold(rest)
        # "[AI翻訳]をクリックしてください", "【机器翻译】按钮位于…": a particle or a control's noun glued to the
        # bracket makes it a noun of the sentence, a button's label, not a credit (review26a)
        glued = lexicon.patterns["tag_object"]
        if leading and not mark and glued is not None and glued.regex.match(folded) is not None:
            continue
        # ("申し訳ございません。（自動翻訳）": 申し訳, "apology", holds the stem 訳 and translates nothing; review26a)
        for i in _owners(folded):
            if (unrelated := _lexicon(i).patterns["false_translate"]) is not None:
                folded = unrelated.regex.sub(" ", folded)
        if _owners(folded) or _engine_any().search(folded):
            continue
        if not leading and not mark and _headed_credit(lexicon, body, folded):
            return Reading(TAG_SCORE, lexicon.code, frozenset({"machine", "translate", "tag"}), 0)
        if _letters("".join(ch for ch in rest if _word_char(ch))) < TAG_REST:
            continue
        # (a trailing credit may stand before its sentence's own end: "…可能性があります（DeepL翻訳）。"; review26a)
        ends = bool(CREDIT_SENTENCE_END.search(rest)) if leading else bool(CREDIT_SENTENCE_END.search(rest[-1:] + " "))
        if ends or not leading and mark in (":", "：", "。", "."):
            return Reading(TAG_SCORE, lexicon.code, frozenset({"machine", "translate", "tag"}), 0)
    return None


HEADING_WORDS = 4  # words of a heading before an engine's credit ("Overview (DeepL翻訳)", "Predicate (구글번역)")
HEADING_LETTERS = 30
HEADING_NAME_LETTERS = 3  # letters a heading needs to name a section: "No.1", "v1.2.0" are a rank and a version
_LISTED = deferred(r"[/|,，、;；·]")  # engines listed in one bracket: a choice ("(Google翻訳 / DeepL翻訳)")
# a letter of a script written without spaces (Han, kana, Hangul): the script of the credits `_bare_tag` reads
_UNSPACED_LETTER = deferred(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_WORD_LETTER = deferred(r"[^\W\d_]")


def _headed_credit(lexicon: Lexicon, body: str, rest: str) -> bool:
    """A short heading closed by a bracket that credits one named engine (round 28, miss28): "Overview (DeepL翻訳)",
    "Predicate (구글번역)", "英文 (google翻譯)" name the translation the heading's section is. The engine must be a
    product (not the generic "AI": "新增餐點 (AI自動翻譯)" is a button), alone in its bracket, and the heading (`rest`,
    folded) a few words that name no program feature: no topic or setting cue, no control's noun, no word for
    "language" (the bracket's lexicon `heading_feature`: "언어 선택 (Google 번역)", "다국어 지원 (구글 번역)" say which
    engine a feature uses).

    The heading is kept from the source, in another script than the credit's ("Overview", "Predicate"), or it names a
    language, alone or with a version noun, a link to that version ("英文", "英文版"): a heading in the credit's own
    script reads as much as a product's, its section about the engine ("料金 (Google翻訳)", "장점 (구글 번역)",
    "优点 (谷歌翻译)": pricing, merits, one section per engine in a comparison or a plugin's README), and is not read
    (review28b). Nor is a field with its value ("評価: ★★★★☆", "Fix: timeout"), a rank or a version ("No.1",
    "v1.2.0")."""
    folded_body = _fold(body)
    if _LISTED.search(folded_body) or not any(
        name != GENERIC_AI and pattern.search(folded_body) for name, pattern in shared().engines
    ):
        return False
    if CREDIT_SENTENCE_END.search(rest[-1:] + " ") or ":" in rest or "：" in rest:
        return False  # a sentence or a lead-in, read by `_sentence_tag`'s own rule; a field and its value
    if len(rest.split()) > HEADING_WORDS or _letters(rest) > HEADING_LETTERS or not _letters(rest):
        return False
    if _UNSPACED_LETTER.search(rest):
        if not _language_heading(lexicon, rest.strip()):
            return False
    elif len(_WORD_LETTER.findall(rest)) < HEADING_NAME_LETTERS:
        return False
    return not any(
        (matcher := lexicon.patterns[concept]) is not None and matcher.search(rest)
        for concept in ("topic", "tag_object", "heading_feature")
    )


def _language_heading(lexicon: Lexicon, heading: str) -> bool:
    """A heading in a script without spaces that is a language's name alone or with the lexicon's version noun
    ("英文", "英文版", "영어판"): a link to that version of the text, not a feature of a program ("日本語対応",
    "中文字体", "英語学習": a word glued after the name; review28b)."""
    name = shared().language_regex.match(heading)
    if name is None:
        return False
    rest = heading[name.end() :].strip()
    version = lexicon.patterns["version"]
    return not rest or version is not None and version.regex.fullmatch(rest) is not None


def _tag_parts(line: str) -> list[tuple[bool, str, str, str]]:
    """(leading, bracket body, rest of the line, mark) for a bracket that opens the line (the mark: the space after
    it, "" where the rest is glued to it) and one that closes it (the mark: a sentence mark or a colon after it)."""
    out = []
    if (m := _LEADING_TAG.fullmatch(line)) is not None:
        out.append((True, m.group(1), m.group(2), line[m.end(1) + 1 : m.start(2)]))
    at = max(line.rfind(c) for c in _OPEN_TAG)
    if at > 0 and (m := _TRAILING_TAG.fullmatch(line, at)) is not None:
        out.append((False, m.group(1), line[:at].rstrip(), m.group(2)))
    return out


def _named_instrument(fragment: str, nouns_capitalised: bool = False) -> bool:
    """A status line that ends with its instrument, a name after "with" / "using" ("Traducido con Neno",
    "Μεταφράστηκε με το Neno"), or that opens with the name before a postposition ("Neno ile çevrildi"). A person
    translates "by", so "Translated by Maria" is no instrument."""
    words = _EDGE_JUNK.sub("", fragment).split()
    before, after = shared().instruments
    for i, word in enumerate(words[1:], 1):
        if word.lower() in before:
            rest = words[i + 1 :]
            if rest and len(rest) > 1 and len(rest[0]) <= 3 and rest[0].islower():
                rest = rest[1:]  # an article: "με το", "con il"
            # (German writes every noun with a capital: "mit Freunden" is no name, "mit DeepL-Pro" or "mit GPT-4" is)
            return _is_name(rest) and not (nouns_capitalised and all(_PLAIN_NOUN.fullmatch(w) for w in rest))
    for i, word in enumerate(words[1:-1], 1):
        if word.lower() in after:
            return _is_name(words[:i]) and len(words) - i - 1 <= 2
    return False


# A short quotation holding the translate word, inside a sentence that goes on around it.
_QUOTED = deferred(r"[\"“„«「『]([^\"“”„«»「」『』\n]{1,60})[\"”“»」』]")
QUOTED_TERM_WORDS = 4
QUOTING_WORDS = 6  # words outside the quotes: a sentence that quotes a string, not a badge with a quoted name
QUOTING_CHARS = 8  # the same outside quotes in Chinese, Japanese or Korean, in characters (a word is one to three)
_GLOSS = deferred(r"\(([^()\n]{2,40})\)")


def _quoted_term(fragment: str) -> bool:
    """The only translate words are in a short quoted term within longer prose: a term being talked about."""
    quoted = [m for m in _QUOTED.finditer(fragment) if has_translate_word(m.group(1))]
    if not quoted or any(len(m.group(1).split()) > QUOTED_TERM_WORDS for m in quoted):
        return False
    rest = _QUOTED.sub(" ", fragment)
    before = fragment[: quoted[0].start()]
    return not has_translate_word(rest) and len(before.split()) >= 2 and len(rest.split()) >= 6


def _glossed(fragment: str) -> bool:
    """A translate word right before brackets that hold a translate word: "机器翻译 (machine translation)"."""
    for m in _GLOSS.finditer(fragment):
        head = " ".join(fragment[: m.start()].split()[-3:])
        if head and has_translate_word(m.group(1)) and has_translate_word(head):
            return True
    return False


TOOL_GAP = 1  # words between a tool noun and its translate verb ("system automatically translates")


SERVICE_MARK = "\x01"  # where `read` took an engine's service name ("谷歌翻译", "DeepL翻訳") out of the fragment


def _service_mark(name: str, found: re.Match[str]) -> str:
    """What `read` writes for an engine's name in `serviced`: `SERVICE_MARK` where it names the service, with its
    translate noun, `ENGINE_MARK` for any other name of more than three letters, the name itself for a short one."""
    if len(found.group(0)) <= 3:
        return found.group(0)
    return SERVICE_MARK if name != GENERIC_AI and has_translate_word(found.group(0)) else ENGINE_MARK


def _service_as_label(i: int, folded: str, serviced: str) -> str:
    """`folded` with each engine's service name (a `SERVICE_MARK` in `serviced`, same offsets) written as the i-th
    lexicon's machine label: "ai" and its first translate word."""
    label = "ai" + _lexicon_data()[i][2]["translate"][0]
    return "".join(label if ch == SERVICE_MARK else folded[at] for at, ch in enumerate(serviced))


def _headed_by_text(lexicon: Lexicon, subject: str) -> bool:
    """Whether a service name's subject is headed by a word that names the text: after its last genitive (ja の, ko
    의, zh 的) stands deixis, a content noun or the translate noun ("以下の本文", "この記事の翻訳"), not another
    thing of this text's program ("这个插件的后端", "이 앱의 백엔드", "本插件使用的": what the tool uses is the
    service; review28b). A subject with no genitive, or none, is read as `_nominal_unspaced` read it."""
    genitive = lexicon.patterns["genitive"]
    if not subject or genitive is None:
        return True
    # (a genitive with a Hangul syllable after it is inside a word: "회의록")
    ends = [e for _, e in genitive.spans(subject) if not _HANGUL.match(subject, e)]
    if not ends:
        return True
    head = subject[ends[-1] :].strip()
    translate = lexicon.patterns["translate"]
    return _holds(lexicon, head, _NAMES) or translate is not None and translate.regex.fullmatch(head) is not None


def _conditioned(lexicon: Lexicon, folded: str) -> bool:
    """A conditional verb ending (the lexicon's `condition`: Korean "클릭하면", "수신하면", "when … is clicked") in the
    clause before its first translate word: the sentence says what a program does when something happens, a rule,
    not a status of this text (round 28, miss28)."""
    condition = lexicon.patterns["condition"]
    at = _first_translate(folded)
    if condition is None or at is None:
        return False
    start = _clause_start(folded, at)
    ends = [e for _, e in condition.spans(folded[start:at])]
    # "시간이 되면 직접 번역하겠지만 이 글은 구글 번역으로 번역했습니다": the ending closes its clause; a subject that
    # names this text after it opens the main clause, a status of this text (review28b)
    return bool(ends) and not _deixis_content(lexicon, folded[start + ends[-1] : at])


def _deixis_content(lexicon: Lexicon, folded: str) -> bool:
    """A deictic word right before a content noun in the lexicon's words ("이 글은", "본 문서는")."""
    deixis, content = lexicon.patterns["deixis"], lexicon.patterns["content"]
    if deixis is None or content is None:
        return False
    nouns = [s for s, _ in content.spans(folded)]
    return any(not folded[_word_end(folded, e) : s].strip() for _, e in deixis.spans(folded) for s in nouns if s >= e)


def _tool_agent(folded: str, spaces: bool) -> bool:
    """A tool or product noun right before a translate word, with no copula between: the tool as the subject of an
    active verb ("Our system translates", "L'outil traduit", "Die App übersetzt automatisch"), not the text."""
    if not spaces:
        return False
    regex = _translate_index()[0]
    for m in shared().tools.finditer(folded):
        rest = folded[m.end() :].split(maxsplit=TOOL_GAP + 1)
        for word in rest[: TOOL_GAP + 1]:
            if regex.match(word):
                return True
    return False


def _deixis(lexicon: Lexicon, folded: str) -> bool:
    deixis = lexicon.patterns["deixis"]
    return deixis is not None and deixis.search(folded)


def _without_tool_deixis(folded: str, machine: Matcher | None = None) -> str:
    """The fragment with the deixis that points elsewhere blanked: the word right before a tool noun ("this" in "this
    extension shows …") or a time noun ("Deze week lanceerde …", "this year", "bu hafta"), and a possessive right
    before or after a machine word ("our AI", "unserer KI", "AI kami": the owner of the tool, not this text)."""
    words = _words(folded)
    common = shared()
    out = folded
    for k in range(1, len(words)):
        word = folded[words[k][0] : words[k][1]]
        if common.tools.fullmatch(word) or common.times.fullmatch(word):
            short = k >= 2 and words[k - 1][1] - words[k - 1][0] <= 2  # "ez a bővítmény": an article between
            s, e = words[k - 2 if short else k - 1][0], words[k - 1][1]
            out = _blank(out, s, e)
    if machine is not None:
        for k, (s, e) in enumerate(words):
            if not common.possessives.fullmatch(folded[s:e]):
                continue
            near = [words[j] for j in (k - 1, k + 1) if 0 <= j < len(words)]
            if any(_is(machine, folded[a:b]) for a, b in near):
                out = _blank(out, s, e)
    return out


def _without_reader_text(folded: str, lexicons: list[Lexicon]) -> str:
    """The fragment with the reader's own text blanked: a second-person possessive and the content noun or deixis
    beside it ("your messages", "Ihre Dokumente", "உங்கள் இந்த உரையாடல்", "pesan Anda"): what a feature or a policy
    does with the reader's text, not a notice on this one ("into your language" names no text and stays)."""
    yours = shared().yours
    if not yours.search(folded):
        return folded
    words = _words(folded)
    out = folded
    for k, (s, e) in enumerate(words):
        if not yours.fullmatch(folded[s:e]):
            continue
        near = [words[j] for j in range(k - 2, k + 3) if j != k and 0 <= j < len(words)]
        hits = [(a, b) for a, b in near for lex in lexicons
                if _is(lex.patterns["content"], folded[a:b]) or _is(lex.patterns["deixis"], folded[a:b])]  # fmt: skip
        for a, b in hits + ([(s, e)] if hits else []):
            out = _blank(out, a, b)
    return out


_WORD_REST = deferred(r"\w*")


def _word_end(text: str, pos: int) -> int:
    """Where the word that `pos` stands in ends."""
    m = _WORD_REST.match(text, pos)
    return m.end() if m else pos


def names_this(text: str) -> bool:
    """Whether the text names this text: a deictic word right beside a content noun ("this page", "esta página",
    "halaman ini"), in a lexicon that owns its translate words (`_names_this`)."""
    folded = _fold(text)
    return _names_this(folded, _owners(folded))


def _names_this(folded: str, owners: list[int]) -> bool:
    """A deictic word right beside a content noun in the folded text, either order ("this page", "pagina aceasta"), or
    with the lexicon's article between them where a demonstrative takes one ("ezt az oldalt", "αυτή η σελίδα"): not a
    deictic pronoun ("unverified indică faptul că aceasta este o traducere automată", "dette er oversat")."""
    for i in owners:
        lex = _lexicon(i)
        deixis, content, article = lex.patterns["deixis"], lex.patterns["content"], lex.patterns["article"]
        if deixis is None or content is None:
            continue
        # (each to its word's end: "данн" is the stem of "данная страница")
        nouns = [(s, _word_end(folded, e)) for s, e in content.spans(folded)]
        for ds, de in deixis.spans(folded):
            de = _word_end(folded, de)
            # the noun right after the deictic word ("this page") or right before it ("halaman ini")
            for cs, ce in nouns:
                gap = (folded[de:cs] if cs >= de else folded[ce:ds] if ce <= ds else "x").strip()
                if not gap or (cs >= de and " " not in gap and _is(article, gap)):
                    return True
    return False


def _points(lexicon: Lexicon, folded: str) -> bool:
    """A deictic word that is not a possessive: "this", "ce", "hier" (not "our", "notre")."""
    deixis = lexicon.patterns["deixis"]
    return deixis is not None and deixis.search(shared().possessives.sub(_as_spaces, folded))


def _open_slot(lexicon: Lexicon, fragment: str) -> bool:
    """The label before the colon ends in its verb or a preposition ("Translated to:", "Traducido por:"), not in a
    noun that already names the agent ("Este proyecto fue traducido por voluntarios:" introduces a list of names)."""
    words = _fold(_OPEN_END.sub("", fragment)).split()
    if not words or not lexicon.spaces:
        return True
    if len(words[-1].strip(".,;!'\"()[]")) <= 4:
        return True
    # the verb may stand one word back, before an auxiliary: "വിവര്‍ത്തനം ചെയ്തു:", "übersetzt worden:"
    tail = " ".join(words[-2:])
    done, machine = lexicon.patterns["done"], lexicon.patterns["machine"]
    return bool(
        _translate_index()[0].search(tail)
        or (done is not None and done.search(tail))
        or (machine is not None and machine.search(tail))
    )


_HEAD_CUT = deferred(r"[,;:(–—]|\s-\s")
STATUS_HEAD_WORDS = 3


def _status_head(lexicon: Lexicon, folded: str) -> bool:
    """A status that opens the line and ends at a comma or a dash ("Machine translated, needs review"): the words
    after it are a remark on this text."""
    cut = _HEAD_CUT.search(folded)
    head = folded[: cut.start()] if cut is not None else ""
    return bool(head.strip()) and _short(head, lexicon.spaces, STATUS_HEAD_WORDS) and _leads(lexicon, head)


def _short(fragment: str, spaces: bool, words: int = 0) -> bool:
    words = words or OPEN_END_WORDS
    if spaces:  # (a dash or a bullet standing alone is no word)
        return sum(1 for w in fragment.split() if any(_word_char(ch) for ch in w)) <= words
    # letters, not code points: Khmer, Thai, Burmese and Lao write vowel signs and subscripts as combining marks
    return _letters(fragment.strip()) <= 5 * words


def _letters(text: str) -> int:
    """Characters of a text that are not combining marks ("បកប្រែ" is four letters and two signs)."""
    return sum(1 for ch in text if unicodedata.category(ch) not in ("Mn", "Mc"))


def _leads(lexicon: Lexicon, folded: str, made: bool = False, agent: bool = False) -> bool:
    """The fragment opens with its translate or machine word (or, with `made`, its "made" form: "Généré
    automatiquement avec DeepL"): a status line with no subject of its own."""
    head = _LEAD_JUNK.sub("", folded, count=1)
    qualifier = lexicon.patterns["qualifier"]
    # "Unverified machine translated text", "Teilweise von KI übersetzt": one qualifier may open the line
    # "Hausa — fassarar na'ura, …", "Nóta: …": one word as a label (the page's language, "Note")
    label = _LABEL.match(head)
    head = head[label.end() :] if label is not None else head
    # "Collected and automatically translated by …", "Tổng hợp & dịch tự động bởi …": coordinated participles
    # open the status line; the line leads only where its translate word is itself a made form
    conjoined = _conjoined_head(lexicon, head)
    head = conjoined if conjoined is not None else head
    for _ in range(2):  # "Teilweise von KI übersetzt": a qualifier and an agent's preposition
        q = qualifier.regex.match(head) if qualifier is not None else None
        if q is None or q.end() >= len(head) or _word_char(head[q.end()]):
            break
        head = _LEAD_JUNK.sub("", head[q.end() :], count=1)
    machine, done = lexicon.patterns["machine"], lexicon.patterns["done"]
    if conjoined is not None:  # (the machine word may stand before it: "… and automatically translated")
        # ("auto-translated" is a made form whole, not "auto-" and the rest of a word)
        m = machine.regex.match(head) if machine is not None and (done is None or not done.regex.match(head)) else None
        tail = head[_word_end(head, m.end()) :] if m is not None else head  # "automatic|ally"
        head = _LEAD_JUNK.sub("", tail, count=1)
        made_form = done.regex.match(head) if done is not None else None
        # (not an attribute: "Updated and automatically translated strings are now cached" has a copula after it)
        return made_form is not None and not _copula_soon(lexicon, head[made_form.end() :])
    # "由 ChatGPT 翻译", "由英文自动翻译": a passive that opens with its agent marker (a script without spaces)
    agent_marker = lexicon.patterns["agent"]
    if agent_marker is not None and agent_marker.regex.match(head) and _agent_passive(lexicon, head):
        return True
    # "Magyarból készült gépi fordítás", "İngilizceden makine çevirisi": head-final languages may open the status
    # with its source, a language name with a case ending on it ("from Hungarian"); the making may follow it
    if lexicon.spaces and (source := shared().language_regex.match(head)) is not None and source.end() < len(head):
        words = _words(head)
        if words and words[0][0] == 0 and words[0][1] > source.end():
            head = _LEAD_JUNK.sub("", head[words[0][1] :], count=1)
            made = True
    if made and done is not None and done.regex.match(head):
        return True
    stems = _translate_index()[0]
    # "Google ne ya fassara", "Google ló túmọ̀ rẹ̀": a named engine leads as the agent (not "AI", a common noun) and
    # the translate word follows, after at most two particles ("Google penalizes machine-translated pages" is not)
    # (after a one- or two-letter article, "A Google fordította", or a proclitic, "በGoogle የተተረጎመ")
    article = re.match(r"[^\W\d_]{1,2}\s+", head)
    proclitic = next((p for p in sorted(machine.prefixes if machine else (), key=len) if head.startswith(p)), "")
    starts = {0, article.end() if article else 0, len(proclitic)}
    for name, pattern in shared().engines if made or agent else ():
        if name == GENERIC_AI:
            continue
        for start in sorted(starts):
            if (m := pattern.match(head, start)) is None:
                continue
            rest = head[m.end() :].split()
            while rest and len(rest[0]) <= 3 and len(head[m.end() :].split()) - len(rest) < 2:
                rest = rest[1:]
            if rest and (stems.match(" ".join(rest)) or done is not None and done.regex.match(" ".join(rest))):
                return True
    if stems.match(head) or (machine is not None and machine.regex.match(head)):
        return True
    # the translate word may carry its prefixes: a noun-class or subject concord ("Kuhunyushwe ngomshini",
    # "Byahinduwe n'imashini", "Iguqulelwe"), or stand after a one- or two-letter particle ("E ranotswe", "A túmọ̀")
    words = _words(head)
    if not lexicon.spaces or not words or words[0][0] != 0:
        return False
    first = head[: words[0][1]]
    if len(first) <= 2 and len(words) > 1:
        return bool(stems.match(head, words[1][0]))
    return any(len(m.group(0)) >= 5 for m in stems.finditer(first))


_CONJUNCT = r"[^\W\d_]+(?:\s+[^\W\d_]+){0,2}"  # up to three words (Vietnamese: "tổng hợp", "được trích xuất")


@cache
def _conjuncts(code: str) -> re.Pattern[str]:
    """One to three short conjuncts and the language's coordinator (or "&", "+") before a line's last predicate."""
    words = shared().coordinators(code)
    joined = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    coordinator = rf"(?:[&+]|{joined})" if joined else r"[&+]"
    return re.compile(rf"{_CONJUNCT}(?:\s*,\s*{_CONJUNCT}){{0,2}}\s*,?\s+{coordinator}\s+", re.IGNORECASE)


def _conjoined_head(lexicon: Lexicon, head: str) -> str | None:
    """The rest of a line after coordinated conjuncts that open it ("Filtreret og oversat af AI" → "oversat af
    AI"), or None where none open it."""
    if not lexicon.spaces:
        return None
    m = _conjuncts(lexicon.code).match(head)
    return head[m.end() :] if m is not None and m.end() < len(head) else None


def _without_conjuncts(lexicon: Lexicon, folded: str) -> str:
    """A status line without the coordinated conjuncts that open it (its other words are the line's own)."""
    head = _LEAD_JUNK.sub("", folded, count=1)
    return _conjoined_head(lexicon, head) or folded


def _copula_soon(lexicon: Lexicon, rest: str) -> bool:
    """A copula within the three words after a made form, in its clause ("… translated strings are cached")."""
    copula = lexicon.patterns["copula"]
    cut = _CLAUSE_STOP.search(rest)
    rest = rest[: cut.start()] if cut is not None else rest
    return any(_is(copula, rest[a:b]) for a, b in _words(rest)[:3])


def _self_used(lexicon: Lexicon, folded: str) -> bool:
    """A first-person active "used" (`self_used`: "I used", "j'ai utilisé", "utilicé") in the fragment, and a deictic
    word of the same language beside a content noun ("this post", "ce texte", "the text above"; not "this trip")."""
    used, deixis, content = (lexicon.patterns[k] for k in ("self_used", "deixis", "content"))
    if used is None or used.regex.search(folded) is None:
        return False
    words = _words(folded)
    for k, (s, e) in enumerate(words):
        if _is(deixis, folded[s:e]):
            near = [words[j] for j in range(k - 2, k + 3) if j != k and 0 <= j < len(words)]
            if any(_is(content, folded[a:b]) for a, b in near):
                return True
    return False


PERFECT_SUBJECT_WORDS = 8  # words of a subject before its completed passive: "Les messages des voyageurs et des hôtes"
PERFECT_GAP_WORDS = 2  # words between the auxiliary and the translate word: "ont été automatiquement", "were all"
_PERFECT_CLAUSE = deferred(r"[,;:()\[\]—–]|\s-\s")
_TALLIED = deferred(r":\s*\d")
# a release's number ("… were machine translated in v2.3", "2.4.1: …"): a changelog's item, not the page's notice
_VERSIONED = deferred(r"(?<![\w.])(?:v\d+(?:\.\d+)+|\d+\.\d+\.\d+)(?!\w)")
# a count that opens the subject ("12 strings were auto-translated", "240 Strings wurden …"): a program's tally
_COUNT = deferred(r"\d[\d.,]*")


CONVERTED_OBJECT_WORDS = 4  # words after "into" that name what a text was turned into: "de nieuwe velden"


def _converted(after: str) -> bool:
    """Whether the words after a made form turn it into something that is no language (`into_words` then no language
    name, language noun or "your language" within four words): "… vertaald naar de nieuwe velden", "… oversat til
    arabertal" (`_names_language`), "… translated into Fahrenheit"; a translation goes into a language ("… al
    neerlandés", "… til dansk", "… into 8 languages")."""
    words = after.split()
    common = shared()
    for k, w in enumerate(words[:PERFECT_GAP_WORDS]):
        if w in common.into_words:
            obj = " ".join(words[k + 1 : k + 1 + CONVERTED_OBJECT_WORDS])
            return not (_names_language(obj) or common.tongues.search(obj) or common.reader_languages.search(obj))
    return False


LANGUAGE_ENDING = 3  # letters after a language name's stem in its own word: "angol|ra", "deutsch|e", "polsk|i"


def _names_language(words: str) -> bool:
    """Whether a word of `words` is a language's name: its stem at the word start and an ending of three letters at
    most ("al neerlandés", "til dansk"), not a compound the name only qualifies ("til arabertal", Arabic numerals)."""
    for m in shared().language_regex.finditer(words):
        if m.start() and _word_char(words[m.start() - 1]):
            continue
        if _word_end(words, m.end()) - m.end() <= LANGUAGE_ENDING:
            return True
    return False


def _perfect_subject(lexicon: Lexicon, folded: str) -> str | None:
    """A completed passive (the lexicon's `perfect`) right before the first translate word (up to two words between:
    an adverb, a machine word), which is itself a made form (a participle: "traduites", "konekäännetty"; not a noun,
    "on konekäännös", "is machine translation"), after a subject of one to eight words that opens the fragment (after a
    note label at most): "Les descriptions ont été traduites", "Todos los campos fueron traducidos", "Many of our 254
    languages have been machine translated". The subject, or None. Not where the subject holds a relative pronoun or a
    complementizer (`relatives` in common.toml: "articles that were …", "I read that they were …"), nor the reader's
    files ("Your documents have been …", a tool's output) or someone else's ("Their manuals were …", "Leurs
    manuels …": another site), nor a subject opened by a count ("12 strings were …", a log), nor a changelog's item (a
    release number: "… in v2.3"), nor where a frequency word makes it a remark on what
    happens ("… are often machine translated") or the machine is ours ("… using our AI", a product's boast)."""
    perfect, done = lexicon.patterns["perfect"], lexicon.patterns["done"]
    first = _first_translate(folded)
    if perfect is None or done is None or first is None:
        return None
    if _TALLIED.search(folded, first) or shared().frequency.search(folded):
        return None  # "Die Dateien wurden automatisch übersetzt: 42 von 50": a program's count, a log line
    if _VERSIONED.search(folded):
        return None  # "Product descriptions were machine translated in v2.3": a changelog's item
    if shared().possessives.search(folded, first):
        return None  # "Jutaan kata telah diterjemahkan menggunakan AI kami": our own machine, a product
    start = max(folded.rfind(" ", 0, first), folded.rfind("\n", 0, first)) + 1  # the translate word's
    end = _word_end(folded, first)
    if not any(s < end and e > start for s, e in done.spans(folded)) and not done.regex.match(folded, first):
        return None  # (a compound's made form: "maskinoversat", the stem inside it)
    if _converted(folded[end:]):
        return None  # "De gegevens zijn automatisch vertaald naar de nieuwe velden": a conversion, not a translation
    for s, e in perfect.spans(folded[:first]):
        if len(folded[e:first].split()) > PERFECT_GAP_WORDS or _PERFECT_CLAUSE.search(folded, e, first):
            continue
        # the subject opens the fragment, after a note label at most ("Hinweis: Die Kommentare wurden …"); a clause
        # before it sets the scene elsewhere ("Chez Amazon, les avis ont été …", "Grâce à notre outil, vos …")
        head = _LEAD_JUNK.sub("", folded[:s], count=1)
        label = shared().note_label.match(head)
        head = head[label.end() :] if label is not None else head
        words = head.split()
        if _PERFECT_CLAUSE.search(head) or not 1 <= len(words) <= PERFECT_SUBJECT_WORDS:
            continue
        if any(w in shared().relatives for w in words) or shared().yours.search(head) or shared().theirs.search(head):
            continue  # "Texts that were …", "Your files have been …", "Leurs manuels ont été …": not the texts at hand
        # "12 strings were auto-translated": a tally (a count of languages is the site's versions); the subject is
        # what follows a footer's last separator ("© 2024 Hotel Sol · Descriptions were …" opens with no count)
        own = ITEM_SEPARATOR.split(head)[-1].split()
        if own and _COUNT.fullmatch(own[0]) and not (shared().tongues.search(head) or _names_language(head)):
            continue
        return head
    return None


def points_here(fragment: str) -> bool:
    """Whether a fragment's reading points at this text: deixis ("above", "this"), a slot, a short sourced line, or
    a caveat about the text's quality or review ("Names are machine-translated and not yet reviewed").

    A generic noun ("articles", "strings") is not enough where the phrase rules could not tell a notice from a
    remark ("Please stop accepting machine translated articles"), unless a note label opens the line and the engine
    is named ("Note: … translated by DeepL").
    """
    reading = read(fragment)
    if reading is None:
        return False
    # "Catatan: Sinopsis diterjemahkan secara otomatis oleh Google Translate": a note label opens the page's remark
    # about itself, naming the engine that made it ("Note: translated subtitles are available" is a feature)
    noted = reading.score > 0 and shared().note_label.match(fragment) is not None
    noted = noted and _engine_any().search(_fold(fragment)) is not None
    # "…, originál je uveden pod nimi", "the original is shown below": the line points at the original of this text
    original = reading.score > 0 and _original_clause(_fold(fragment))
    return noted or original or bool({"deixis", "sourced", "caveat", "perfect"} & reading.concepts) or reading.slots > 0


_CLAUSE_CUT = deferred(r"[,;:–—]")


def _original_clause(folded: str) -> bool:
    """A later clause of the line opens with the original as its subject ("…, originál je uveden pod nimi", "; the
    original is below"), not a phrase that only names one ("with a link to the English original")."""
    return any(
        shared().original_words.search(" ".join(part.split()[:2])) is not None for part in _CLAUSE_CUT.split(folded)[1:]
    )


# Quotation marks: a clause that quotes a notice ('a banner such as "This page was ..."') does not speak for itself.
_QUOTES = deferred(r"[\"“”„«»「」『』‘’]|(?<!\w)'|'(?!\w)")


DEFINED_WORDS = 5  # words of a defined term: "MT (машинний переклад)", "Google Translate", "Automatic translation"
DEFINED_CHARS = 12  # its characters in scripts written without spaces: "机器翻译", "Google翻译"


def defines(clause: str) -> bool:
    """Whether a clause defines machine translation or an engine: it opens with a short subject that names the
    translation or the engine, and no text of its own (no deixis, no content noun, no made form), followed by the
    copula of a definition in a language that reads the clause ("Machine translation is a process in which …",
    "Машинний переклад — це процес …", "Tłumacz Google to darmowy system …", "机器翻译是一种技术"). A definition
    speaks of the term, never of this text; "This page is a machine translation" has its subject elsewhere, and a
    caveat in the clause ("Automatic translation is an aid and may contain errors") keeps it a notice."""
    return _defines(clause)


@lru_cache(maxsize=4096)  # the phrase rules ask once per hit, and a clause may hold several
def _defines(clause: str) -> bool:
    folded = _fold(_LEAD_JUNK.sub("", clause))
    owners = _owners(folded)
    if not owners and _engine_any().search(folded):
        owners = _made_by_machine(folded)
    return _defines_folded(folded, owners)


_SUBJECT_BREAK = deferred(r"\s[—–-]\s|[;；|]")  # a clause break: a spaced dash, a semicolon, a bar
# a pair of spaced dashes around an aside is no break: "Machine translation — or MT — is …" is still one subject
_DASH_ASIDE = deferred(r"\s[—–-]\s[^—–;；|]*?\s[—–-](?=\s|$)")


def _defines_folded(folded: str, owners: list[int]) -> bool:
    """`defines` on a folded clause whose translate words' lexicons are known."""
    folded = _LEAD_JUNK.sub("", folded)
    copulas = shared().definitions
    data = _lexicon_data()
    for i in owners:
        code = data[i][0]
        pattern = copulas.get(code)
        if pattern is None or (m := pattern.search(folded)) is None:
            continue
        subject = folded[: m.start()].strip(" —–-:,")
        if not subject or (len(subject.split()) > DEFINED_WORDS if data[i][1] else len(subject) > DEFINED_CHARS):
            continue
        if _SUBJECT_BREAK.search(_DASH_ASIDE.sub(" ", folded[: m.start()]).strip(" —–-:,")):
            continue  # "Maskinöversatt av Claude — originalet är ett klick bort": the copula is a later clause's
        if _first_translate(subject) is None and not _engine_any().search(subject):
            continue
        lex = _lexicon(i)
        # the term itself ("traduction", "перевод") is no content noun here: its other words are read
        rest = " ".join(w for w in subject.split() if _first_translate(w) is None) if data[i][1] else subject
        if _holds(lex, rest, ("deixis", "content", "done")):
            continue
        return not _caveated(folded, owners)
    return False


def _caveated(folded: str, owners: list[int]) -> bool:
    """A caveat of one of the owners' lexicons in the folded text."""
    return any((p := _lexicon(j).patterns["caveat"]) is not None and p.search(folded) for j in owners)


def speaks_here(fragment: str) -> bool:
    """Whether a fragment's reading is a notice pointing at this text with a deictic word outside any quotation.

    "Bu sayfa, … tarafından otomatik olarak çevrilmiştir", "Η παραπάνω περιγραφή … μεταφράστηκε αυτόματα": the
    phrase rules may read such a clause as a mention (a feature, a question nearby); a notice that says "this" or
    "above" about a text made by a machine is one, whatever the phrase rules' context cues said.
    """
    if _QUOTES.search(fragment):
        return False
    # "our" names the site's texts in general, not this one: only a pointing word counts
    reading = read(shared().possessives.sub(_as_spaces, fragment))
    # a status in brackets after a description ("… in many languages (translated by Google)") is a badge on it
    if reading is None or reading.score <= 0:
        return False
    # ("The other languages are machine translated": the subject points at the site's other versions, as "this" does)
    return bool({"deixis", "others"} & reading.concepts) or _tail_status(fragment) is not None


def names_machine(text: str) -> bool:
    """Whether the text names a machine: a machine / automatic / AI word of a lexicon that owns its translate words,
    a named engine or tool, or a placeholder for a language or an engine ("{ $fromLanguage }", "%{provider}").

    A human translator's credit ("Traduit de l'allemand par Julien Moreau") names none: the model reader adds a
    segment only where one is named (docs/detection.md, "A model reader").
    """
    folded = _fold(text)
    if any(not _NOT_A_SLOT.search(m) for m in _PLACEHOLDER.findall(folded)):
        return True
    if _engine_any().search(folded) and any(p.search(folded) for _, p in shared().engines):
        return True
    for i in _owners(folded):
        machine = _lexicon(i).patterns["machine"]
        if machine is not None and machine.search(folded):
            return True
    return any(r is not None and ("machine" in r.concepts or r.slots > 0) for _, _, r in _readings(text))


def ui_action(text: str) -> bool:
    """Whether a clause of the text opens with its translate imperative, a button or a setting ("Auto translate",
    "Traduci automaticamente i post"), as the concept layer reads it (the `action` concept)."""
    return any(r is not None and "action" in r.concepts for _, _, r in _readings(text))


@lru_cache(maxsize=256)
def _readings(text: str) -> tuple[tuple[int, int, Reading | None], ...]:
    """Each fragment of the text with its reading: the model reader's add step asks `names_machine`, `ui_action` and
    `negated` about the same segment, one after the other, and each would read it again."""
    return tuple((s, e, read(text[s:e])) for s, e in fragments(text))


NEGATION_REACH = 5  # words between a negation and what it negates: "n'a pas été traduit", "no ha sido traducido"
NEGATION_REACH_AFTER = 2  # the same after it, in verb-final languages: "एआई द्वारा नहीं किया", "번역이 아닙니다"
NEGATION_CHARS = 4  # the same in characters where words are not spaced: "没有使用机器翻译", "翻訳ではありません"
_CLAUSE_MARK = deferred(r"[,;:()\[\]،؛、，；：（）—–]|\s-\s")


def negated(text: str) -> bool:
    """Whether a clause of the text says that it was NOT machine translated, as the concept layer reads it: a clause
    with a machine word (or a named engine) whose negation stands just before its first translate word, a machine
    word or a made form, or in a verb-final language just after one, with no clause mark between ("This page is not
    machine translated", "هذه المقالة لم تُترجم آلياً", "इस लेख का अनुवाद एआई द्वारा नहीं किया गया"). Not the "not" of a
    caveat or a hedge (read apart first), nor one that narrows a language name, nor one about something else in the
    clause ("Machine translated, not reviewed", "… mais pas par un traducteur")."""
    for s, e, reading in _readings(text):
        if reading is None or "negation" not in reading.concepts or "machine" not in reading.concepts:
            continue
        if _negates(_lexicon(_by_code()[reading.language]), text[s:e]):
            return True
    return False


def _negates(lexicon: Lexicon, fragment: str) -> bool:
    """Whether a negation of the lexicon stands near the fragment's claim (see `negated`)."""
    negation, machine = lexicon.patterns["negation"], lexicon.patterns["machine"]
    if negation is None:
        return False
    folded = _stripped(lexicon, _fold(fragment), ("caveat", "hedge"))  # their "not" is read apart, as `read` does
    regex, _ = _translate_index()
    translate = [m.span() for m in regex.finditer(folded)]
    machines = list(machine.spans(folded)) if machine is not None else []
    if _engine_any().search(folded):
        machines += [m.span() for _, p in shared().engines for m in p.finditer(folded)]
    made = lexicon.patterns["done"]
    done = list(made.spans(folded)) if made is not None else []
    # the first translate word is the clause's claim (a later one may be another's: "… but not by a translator"); a
    # made form negates it too ("n'a pas été faite par une IA")
    targets = machines + done + translate[:1]
    after = translate + machines

    def near(between: str, reach: int) -> bool:
        if _CLAUSE_MARK.search(between):
            return False
        if lexicon.spaces:
            return len(between.split()) <= reach
        return len("".join(between.split())) <= NEGATION_CHARS

    for ns, ne in negation.spans(folded):
        if any(ts <= ns < te or ns <= ts < ne for ts, te in translate + machines):
            return True  # the negation is the word itself: Turkish "çevrilmemiş"
        if any(ne <= ts and near(folded[ne:ts], NEGATION_REACH) for ts, _ in targets):
            return True
        if lexicon.future_after and any(te <= ns and near(folded[te:ns], NEGATION_REACH_AFTER) for _, te in after):
            return True
    return False


# Cues that make a short line with a machine word something other than a badge on this text: a setting or a topic,
# a button, a feature ("will be translated"), a negation, a human translator.
_NOT_A_BADGE = frozenset({"topic", "action", "future", "negation", "human"})


def machine_badge(text: str, words: int) -> bool:
    """Whether the text is a badge-sized status line (at most `words` words, five letters a word in scripts without
    spaces, not counting a trailing "Show original" link) that the concept layer reads as a machine word or a named
    engine beside a made form of a translate word or with such a link, and with no setting, topic, button, future,
    negation or human cue: "自動翻訳 · 原文を表示", "Samodejno prevedeno", "مترجم تلقائياً" (the model reader does not
    veto these: docs/detection.md, "Round 21")."""
    readings = []
    for s, e in fragments(text):
        if not has_translate_word(text[s:e]) and not _engine_any().search(_fold(text[s:e])):
            continue
        reading = read(text[s:e])
        if reading is None:  # code, a definition, a quoted term, a count: not a badge
            return False
        readings.append(reading)
    if not readings or any(r.concepts & _NOT_A_BADGE for r in readings):
        return False
    if not any("machine" in r.concepts for r in readings):
        return False
    # the badge without its "Show original" link ("自動翻訳 · 原文を表示" is a badge of two words and a link)
    cuts = [(s, e, shown_tail(text[s:e])) for s, e in fragments(text)]
    if not any("done" in r.concepts for r in readings) and all(cut is None for _, _, cut in cuts):
        return False
    badge = " ".join(text[s : e if cut is None else s + cut] for s, e, cut in cuts)
    return _short(badge, _lexicon(_by_code()[readings[0].language]).spaces, words)


def fragments(text: str) -> list[tuple[int, int]]:
    """Clause- and badge-sized pieces of the text (offsets): lines, then sentences within a line."""
    out = []
    start = 0
    for m in _SPLIT.finditer(text):
        if m.start() > start:
            out.append((start, min(m.start(), start + MAX_FRAGMENT)))
        start = m.end()
    if start < len(text):
        out.append((start, min(len(text), start + MAX_FRAGMENT)))
    return out


def _candidates(text: str) -> list[tuple[int, int, int]]:
    """The fragments that hold a translate stem: one pass of the stem trie over the whole text; each with the end of
    the fragment after it on the same or the next line (its own end where there is none)."""
    regex, _ = _translate_index()
    folded = text.replace("\u0130", "I").lower()  # same length as the text, so offsets hold
    shifts: list[tuple[int, int]] = []
    if "\u200d" in folded:  # (stems are read without joiners; their offsets are mapped back)
        folded, shifts = _unjoined(folded)
    stems = [] if _without_stems(folded) else [m.start() for m in regex.finditer(folded)]
    hits = sorted(stems + _tool_hits(folded))
    if shifts:
        begins = [a for a, _ in shifts]
        hits = [h + (shifts[j][1] if (j := bisect_right(begins, h) - 1) >= 0 else 0) for h in hits]
    if not hits:
        return []
    pieces = fragments(text)
    starts = [s for s, _ in pieces]
    chosen: list[tuple[int, int, int]] = []
    for at in hits:
        i = bisect_right(starts, at) - 1
        if i >= 0 and pieces[i][0] <= at < pieces[i][1] and (not chosen or chosen[-1][:2] != pieces[i]):
            s, e = pieces[i]
            nxt = pieces[i + 1][1] if i + 1 < len(pieces) and text.count("\n", e, pieces[i + 1][0]) <= 1 else e
            chosen.append((s, e, nxt))
    return chosen[:MAX_FRAGMENTS]


@cache
def _spaced_stem_pieces() -> tuple[str, ...] | None:
    """The longest piece without spaces of each translate stem that has spaces (None if a stem has no piece)."""
    return scan.pieces(stem for stem in _translate_index()[1] if stem != "".join(stem.split()))


def _without_stems(folded: str) -> bool:
    """True when a long text holds no translate stem, told from its distinct words (a page repeats them): a stem
    without spaces would be inside one of them, a stem with spaces has its longest piece inside one. False
    means: look in the text itself."""
    if len(folded) < scan.MIN_TEXT:
        return False
    spaced = _spaced_stem_pieces()
    if spaced is None:
        return False
    words = _canon(scan.words_of(folded))
    return _translate_index()[0].search(words) is None and not any(piece in words for piece in spaced)


def _tool_hits(folded: str) -> list[int]:
    """Where an engine that only translates is named ("DeepL"): a badge may have no translate word."""
    # scan.finditer: the same matches as finditer, trying only the places near an engine's name on a long text
    return [m.start() for m in scan.finditer(shared().translation_engine, folded)]


def _with_caveat(text: str, s: int, e: int, nxt: int, reading: Reading) -> tuple[Reading, int]:
    """A bare label whose caveat is the next sentence ("自动翻译。如有疑问，以法语版本为准。", "Machine translation.
    It may contain errors."): read with that sentence, the label is a notice; anything else keeps its own reading."""
    i = _by_code().get(reading.language)
    label = _LEAD_JUNK.sub("", _fold(text[s:e]).strip(), count=1).rstrip(".。։!:： ")
    if i is None or not _label_words(_lexicon(i), label):
        return reading, e
    joined = read(text[s:nxt], label=True)
    if joined is None or joined.score <= 0 or "caveat" not in joined.concepts:
        return reading, e
    return joined, nxt


def code_line(line: str) -> bool:
    """The line around a notice is code, a docstring, a log line or a struck-out item: a program identifier
    ("simpsons_data"), a sentence that opens with "returns" ("Gibt … zurück"), a log prefix or time stamp ("[*] …"),
    a cross mark that opens it ("❌ …", a "don't" of a list), a comment tag or a route ("ACTION: …", "TODO: …"), a
    field declared with its type and a comment ("summaryJa String? // DeepL訳")."""
    common = shared()
    return code_identifier(line) or bool(
        common.docstring.search(line)
        or common.log_line.search(line)
        or common.crossed.search(line)
        or common.comment_tag.search(line)
        or common.declaration.search(line)
    )


def _reported(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of `spans` (sorted, not overlapping) lies within start..end."""
    i = bisect_right(spans, (start, -1))
    return i < len(spans) and spans[i][1] <= end


def evidence(text: str, origin: int | None, position: Callable[[int, int], Position],
             fixed: Position | None = None) -> list[Evidence]:  # fmt: skip
    """Concept evidence for every fragment of `text` that scores at least FIRE (offsets from `origin`)."""
    out: list[Evidence] = []
    if not text:
        return out
    reports: list[tuple[int, int]] | None = None  # the success words' spans, found once per text when first asked
    for s, e, nxt in _candidates(text):
        piece = text[s:e].strip()
        if len(piece) < 4:
            continue
        line = line_around(text, s, e)
        if code_line(line):
            continue  # "… (carpeta simpsons_data)", "… Gibt die Texte zurück.", "[*] …": code, a docstring, a log
        reading = read(text[s:e])
        if (reading is None or reading.score <= 0) and (tagged := _sentence_tag(text, s, e)) is not None:
            reading = tagged
        if reading is not None and reading.score <= 0 and nxt > e:
            reading, e = _with_caveat(text, s, e, nxt, reading)
            piece = text[s:e].strip()
        if reading is None or reading.score <= 0:
            continue
        if "perfect" in reading.concepts:
            # "Projekt zapisany pomyślnie! Etykiety zostały przetłumaczone …": a program's report, a toast (the words
            # are found once per text: a search from the line's start for each finding is quadratic on one long line)
            reports = [m.span() for m in shared().success_word.finditer(text)] if reports is None else reports
            if _reported(reports, text.rfind("\n", 0, s) + 1, s):
                continue
        start = end = None
        if origin is not None:
            start, end = origin + s, origin + e
        where = fixed or position(start if start is not None else s, end if end is not None else e)
        score = reading.score + (EDGE if where in ("top", "bottom") else 0.0)
        if score < FIRE:
            continue
        out.append(Evidence("disclaimer", " ".join(piece.split())[:240], start, end, where, reading.language,
                            round(min(score, CAP), 3)))  # fmt: skip
    return out
