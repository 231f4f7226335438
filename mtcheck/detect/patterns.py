"""Loading the phrase data: one TOML file per language plus shared tables, compiled once."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

CATEGORIES = ("disclaimer", "predicate", "label", "verb", "watermark", "original", "source")
WORD_LISTS = (
    "negation",
    "negation_after",
    "hypothetical",
    "hypothetical_after",
    "aux",
    "articles",
    "continuation",
    "reporting",
    "agent",
    "means",  # instrument words before a label or engine: "by", "using", "mithilfe", "с использованием"
    "means_after",  # the same after it, in postpositional languages: "ile", "で", "으로"
    "determiners",  # an object after an active verb: "GPT-4 translated *the* prompt"
    "topic_after",  # "about" right after the phrase: "機械翻訳について", "기계 번역에 대한"
)
REGEX_LISTS = ("self", "generic", "languages", "ui", "human", "topic", "made", "apology")
# How words are told apart: "word" (regex word boundaries), "space" (scripts with combining marks,
# such as Devanagari, where only spaces and punctuation separate words), "none" (CJK, Thai).
BOUNDARY_MODES = ("word", "space", "none")
_BEFORE = {"word": r"(?<!\w)", "space": r"(?<![^\s.,;:!?()\"'\-\u0964\u0965])", "none": ""}
_AFTER = {"word": r"(?!\w)", "space": r"(?![^\s.,;:!?()\"'\-\u0964\u0965])", "none": ""}  # । ॥ end Devanagari clauses


@dataclass(frozen=True)
class Rules:
    """The compiled phrase patterns and context cues of one language."""

    code: str
    boundaries: str  # one of BOUNDARY_MODES
    triggers: tuple[str, ...]
    patterns: dict[str, re.Pattern[str]]
    cues: dict[str, re.Pattern[str] | None]


@dataclass(frozen=True)
class Shared:
    """Engines, language names and code words shared by every language."""

    engines: tuple[tuple[str, re.Pattern[str]], ...]
    engine_any: str  # one regex source matching any engine
    ai_any: str
    language_names: tuple[tuple[str, str], ...]  # (stem, code), longest stems first
    language_regex: re.Pattern[str]
    code_names: re.Pattern[str]
    code_cues: re.Pattern[str]
    person_names: re.Pattern[str]  # engine names that are also given names: "Claude"
    original_words: re.Pattern[str]  # "original", "оригинал", "原文"
    toggle_values: re.Pattern[str]  # "off", "aus", "kikapcsolva": a settings switch's value
    translation_engine: re.Pattern[str]  # engines that only translate: "DeepL", not "ChatGPT"
    possessives: re.Pattern[str]  # "our", "unsere", "наш": deixis that names the site, not this text
    alternatives: re.Pattern[str]  # "instead of", "anstatt", "en lugar de": the option not taken


@cache
def _data(name: str) -> dict[str, Any]:
    text = resources.files("mtcheck.detect").joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(text)


# A Persian/Urdu half-space (ZWNJ) between Arabic-script letters reads as a space in the view.
ZWNJ_IN_ARABIC = re.compile(r"(?<=[\u0600-\u06ff])\u200c(?=[\u0600-\u06ff])")


def spaces_match_breaks(source: str) -> str:
    """Let a literal space in a pattern also match a line break (outside character classes)."""
    out: list[str] = []
    in_class = escaped = False
    for ch in source:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif in_class:
            out.append(" \\n" if ch == " " else ch)
            in_class = ch != "]"
        elif ch == "[":
            out.append(ch)
            in_class = True
        elif ch == " ":
            out.append("[ \\n]")
        else:
            out.append(ch)
    return "".join(out)


# Scripts written without spaces: a word there may start anywhere ("我们的", "ของเรา").
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _possessives(words: list[str]) -> re.Pattern[str]:
    """Possessive words at a word start (with their endings), or anywhere in scripts written without spaces."""
    ordered = sorted(words, key=len, reverse=True)
    spaced = "|".join(re.escape(w) for w in ordered if not _UNSPACED.search(w))
    unspaced = "|".join(re.escape(w) for w in ordered if _UNSPACED.search(w))
    return re.compile(rf"(?<!\w)(?:{spaced})\w*|{unspaced}", re.IGNORECASE)


def _alternatives(words: list[str]) -> re.Pattern[str]:
    """Prepositions of a rejected alternative, at a word start ("au lieu d'une", not "Werkstatt"; anywhere in
    scripts written without spaces)."""
    ordered = sorted(words, key=len, reverse=True)
    spaced = "|".join(re.escape(w).replace("\\ ", r"\s+") for w in ordered if not _UNSPACED.search(w))
    unspaced = "|".join(re.escape(w) for w in ordered if _UNSPACED.search(w))
    return re.compile(rf"(?<!\w)(?:{spaced})(?!(?<=\w)\w)|{unspaced}", re.IGNORECASE)


@cache
def shared() -> Shared:
    """The shared tables from data/common.toml."""
    data = _data("common.toml")
    # Engine names are mostly Latin: only Latin letters and digits around them count as part of a word,
    # so "DeepLで翻訳" and "由AI翻译" still name an engine.
    engines = tuple((name, re.compile(rf"(?<![a-z0-9])(?:{rx})(?![a-z0-9])")) for name, rx in data["engines"].items())
    specific = "|".join(f"(?:{rx})" for rx in data["engines"].values())
    names = sorted(
        ((stem.lower(), code) for code, stems in data["languages"].items() for stem in stems),
        key=lambda item: -len(item[0]),
    )
    language_regex = re.compile("|".join(re.escape(stem) for stem, _ in names))
    code = data["code"]
    return Shared(
        engines=engines,
        engine_any=rf"(?<![a-z0-9])(?:{specific})(?![a-z0-9])",
        ai_any=data["engines"]["AI"],
        language_names=tuple(names),
        language_regex=language_regex,
        code_names=re.compile(rf"(?<![\w+#-])(?:{code['names']})(?![\w+#'])"),
        code_cues=re.compile(code["cues"]),
        person_names=re.compile(rf"(?:{data['person_names']})$"),
        original_words=re.compile(data["original_words"]),
        translation_engine=re.compile(
            r"(?<![a-z0-9])(?:"
            + "|".join(f"(?:{data['engines'][n]})" for n in data["translation_engines"])
            + r")(?![a-z0-9])"
        ),
        toggle_values=re.compile(rf"(?:{data['toggle_values']})(?!\w)"),
        possessives=_possessives(data["possessives"]),
        alternatives=_alternatives(data["alternatives"]),
    )


def _expand(source: str, common: Shared) -> str:
    return spaces_match_breaks(
        ZWNJ_IN_ARABIC.sub(" ", source)  # the view reads a Persian half-space as a space
        .replace("{engine}", f"(?:{common.engine_any})")
        .replace("{ai}", f"(?:{common.ai_any})")
        .replace("{language}", f"(?:{common.language_regex.pattern})")
    )


def _word_list(words: list[str], boundaries: str) -> re.Pattern[str] | None:
    if not words:
        return None
    # Longest first, so that "liest gerade" wins over "liest" where both would match.
    ordered = sorted(words, key=len, reverse=True)
    body = "|".join(spaces_match_breaks(re.escape(ZWNJ_IN_ARABIC.sub(" ", w)).replace("\\ ", " ")) for w in ordered)
    return re.compile(f"{_BEFORE[boundaries]}(?:{body}){_AFTER[boundaries]}")


def _regex_list(items: list[str], boundaries: str, common: Shared) -> re.Pattern[str] | None:
    if not items:
        return None
    body = "|".join(f"(?:{_expand(item, common)})" for item in items)
    return re.compile(f"{_BEFORE[boundaries]}(?:{body})")


def compile_rules(data: dict[str, Any]) -> Rules:
    """Compile one language's data (a parsed TOML table)."""
    common = shared()
    boundaries = str(data.get("boundaries", "word"))
    if boundaries not in BOUNDARY_MODES:
        raise ValueError(f"{data.get('code')}: boundaries must be one of {BOUNDARY_MODES}")
    patterns: dict[str, re.Pattern[str]] = {}
    for category in CATEGORIES:
        items = data.get("patterns", {}).get(category, [])
        if items:
            patterns[category] = re.compile("|".join(f"(?:{_expand(rx, common)})" for rx in items))
    context = data.get("context", {})
    cues: dict[str, re.Pattern[str] | None] = {}
    for name in WORD_LISTS:
        cues[name] = _word_list(context.get(name, []), boundaries)
    for name in REGEX_LISTS:
        cues[name] = _regex_list(context.get(name, []), boundaries, common)
    return Rules(
        code=str(data["code"]),
        boundaries=boundaries,
        triggers=tuple(t.lower() for t in data.get("triggers", [])),
        patterns=patterns,
        cues=cues,
    )


@cache
def _language_files() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(file name, trigger stems) of every language file; reading them is cheap, compiling is not."""
    folder = resources.files("mtcheck.detect").joinpath("data", "languages")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".toml"))
    out = []
    for name in names:
        try:
            triggers = _triggers(name)
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"mtcheck/detect/data/languages/{name}: {exc}") from exc
        out.append((name, tuple(t.lower() for t in triggers)))
    return tuple(out)


_TABLE_HEADER = re.compile(r"^\[", re.MULTILINE)


def _triggers(name: str) -> list[str]:
    """A language file's trigger stems, read from its top-level keys only (the tables below are the big part)."""
    text = resources.files("mtcheck.detect").joinpath("data", "languages", name).read_text(encoding="utf-8")
    header = _TABLE_HEADER.search(text)
    if header is not None:
        try:
            head = tomllib.loads(text[: header.start()])
        except tomllib.TOMLDecodeError:
            head = {}
        if "triggers" in head:
            return [str(t) for t in head["triggers"]]
    return [str(t) for t in _data(f"languages/{name}").get("triggers", [])]


@cache
def rules_named(name: str) -> Rules:
    """One language's compiled rules, compiled on first use only (a run rarely needs more than a few)."""
    try:
        return compile_rules(_data(f"languages/{name}"))
    except (re.error, tomllib.TOMLDecodeError, KeyError, ValueError) as exc:
        raise ValueError(f"mtcheck/detect/data/languages/{name}: {exc}") from exc


def all_rules() -> tuple[Rules, ...]:
    """Every language's rules, in file-name order."""
    return tuple(rules_named(name) for name, _ in _language_files())


def rules_for(view_text: str) -> list[Rules]:
    """The languages whose trigger stems occur in the view (the others cannot match)."""
    return [rules_named(name) for name, triggers in _language_files() if any(t in view_text for t in triggers)]


_INVISIBLE = re.compile("[\u064b-\u065f\u0640\u00ad\u200b\u200d\u2060\ufeff]")


@cache
def _all_triggers() -> tuple[str, ...]:
    return tuple(sorted({t for _, triggers in _language_files() for t in triggers}))


def might_match(text: str) -> bool:
    """False when no language's trigger stem occurs: the (slower) matching view can be skipped."""
    import unicodedata

    folded = unicodedata.normalize("NFKC", text.replace("\u0130", "i")).lower()
    if any(t in folded for t in _all_triggers()):
        return True
    # Arabic harakat and tatweel, soft hyphens and zero-width spaces can sit inside a trigger stem.
    bare = _INVISIBLE.sub("", folded)
    return bare != folded and any(t in bare for t in _all_triggers())
