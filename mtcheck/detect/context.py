"""The context of a phrase in a matching view: its clause, sentence, segment and quotes."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from mtcheck.detect.deferred import deferred
from mtcheck.detect.patterns import Rules, shared

# Where a clause ends: a full stop before a space, CJK stops, paragraph breaks, separators, quotes.
# (and the Indic danda, the Urdu full stop and the Arabic question mark: "مشینی ترجمہ۔ …" is a label, then a sentence)
_HARD = deferred(
    r"[.!?;\u061f](?=[\s\"')\]]|$)|[。！？।॥۔\f\"]|'(?![^\W\d_])|(?<![^\W\d_])'|·(?![^\W\d_])|(?<![^\W\d_])·"
)
# Where a sentence ends (the Indic danda, the Urdu full stop; the reader's sentence segments too)
SENTENCE_END = deferred(r"[.!?\u061f](?=\s|$)|[。！？।॥۔\f\n]")
# Every match of _HARD and SENTENCE_END is one of these characters: only they are tried (one quick pass).
_HARD_CHARS = deferred("[.!?;\u061f。！？।॥۔\f\"'·]")
_SENTENCE_CHARS = deferred("[.!?\u061f。！？।॥۔\f\n]")
# Four more readings say where a sentence ends, each with its own marks. They disagree, and one regex for them all
# would change what is flagged (review26e), so each keeps its marks and is named for what it reads. Against
# `SENTENCE_END` (`Boundaries.sentence`: ".", "!", "?", "؟" before a space or the end; CJK, Indic and Urdu stops and
# a line or page break anywhere):
# - where the consequence after a label's connective of reason ends (`concepts._reason_caveat`, scripts without
#   spaces): any stop mark, a full stop inside a word too ("v1.2"), the full-width "．", a line break;
CONSEQUENCE_END = deferred(r"[。．.!?！？\n]")
# - whether the rest of a line beside a machine credit in brackets holds a sentence's end (`concepts._sentence_tag`,
#   one line): "!", "?", "．" and CJK stops anywhere, "." only before a space or the end ("v1.2" ends nothing);
CREDIT_SENTENCE_END = deferred(r"[。．！？!?]|\.(?:\s|$)")
# - the finding's sentence within its line window (core: `_describes_service`, `_asks_input`, `_acts`): ".", "!", "?"
#   only before a space (not at the end of the text or of the searched range), "。", "！", "？" anywhere, not "．";
FINDING_SENTENCE_END = deferred(r"[.!?](?=\s)|[。！？]")
# - the last sentence break before a phrase (`weigh._picker` keeps the words after it): ".", "!", "?", "？", "。", "؟"
#   only with the spaces after them (a CJK stop too), not "！"; the spaces are split off with the mark.
PICKER_SENTENCE_BREAK = deferred(r"[.!?？。؟]\s+")
_QUOTED = deferred(r"\"[^\"]*\"|(?<![^\W\d_])'[^']*'(?![^\W\d_])")
# Kana, CJK ideographs and hangul: the characters of Chinese, Japanese and Korean (one word is one to three).
WIDE_CHAR = deferred(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_STOP_INSIDE = deferred(r"[.!?;。！？](?:\s|$)")
_LETTERS = deferred(r"[^\W\d_]+")
_SEGMENT_CUT = deferred(r"[\n:()\[\],]|\s-\s")
# Where the words right after a phrase end: punctuation, brackets, a line break, a spaced dash.
FIRST_PART = deferred(r"[,;:()\[\]\n]|\s-\s")
INITIAL_CUT = deferred(r".*(?:[,;:()\[]|\s-\s)", re.DOTALL)
# The same cuts, searched in reversed text: the first match there is the last cut here (linear time).
_CUT_REVERSED = deferred(r"[,;:()\[]|\s-\s")
# A spaced dash (a hyphen, an en or an em dash) between two parts of a line: "Machine translation — may contain
# errors" (weigh's cut before a phrase, the concept layer's label head, core's clause end)
SPACED_DASH = deferred(r"\s[-—–]\s")
# A separator between the items of a line, a footer's or a breadcrumb's: "© 2024 Hotel Sol · Descriptions were …"
ITEM_SEPARATOR = deferred(r"\s[|·•]\s")
# A clause or sentence is read at most this far on each side of a phrase: a notice is short, and a
# page that repeats a phrase thousands of times without a full stop must not cost quadratic time.
CONTEXT_CHARS = 400
# (a key may be a hyphenated compound: "Eintrag-Vorschau-Box: …")
LABEL_PREFIX = deferred(r"^\s*(?:[^\W\d_]+(?:-[^\W\d_]+)*\s+){0,2}[^\W\d_]+(?:-[^\W\d_]+)*\s*:\s*")
# A number after a label's colon: "Machine-translated rows: {n:,}", "Auto-translated: 1,204 (41.0%)", "...: %d",
# "...: {count}" (the view reads a count placeholder as "0"). A statistic that a script prints or a dashboard
# shows, not a badge on this text: a language name or words after the colon are read as before.
NUMBER = (
    r"(?:\d[\d.,'\u00a0\u202f]*(?:\s?%)?"  # 1,204  45.2 %
    r"|%[-+ 0#]*\d*(?:\.\d+)?[dfiu]|%\(\w{1,40}\)[dfiu]"  # printf: %d, %5.1f, %(count)d
    r"|\{[^{}:\n]{1,60}:[<>^=+\- #0]*\d*[,_]?(?:\.\d+)?[bdefgnox%]?\}"  # a format spec: {n:,}, {share:.1f}
    # {count}, {len(x)}, {rows.length}
    r"|\$?\{\{?\s*(?:len\(|[\w.]*?(?:count|total|number|amount|length|size)|n\s*\}|num\b)[^{}\n]*\}?\}"
    r"|\$?\{[^{}\n]{1,40}\s[-+*/]\s[^{}\n]{1,40}\})"  # a computed value: ${done - failed}
)
# (the number may be followed by one or two words that say what it counts: "{count} segments", "1,204 strings")
_COUNTED = r"(?:[^\S\n]+[^\W\d_][\w-]*){0,2}"
_NUMBER_TAIL = (
    rf"[^\S\n]*[:：][^\S\n]*{NUMBER}{_COUNTED}(?:[^\S\n]*(?:\([^()\n]*\)?|%|/\s*{NUMBER}))*[^\S\n]*\.?[^\S\n]*(?:\n|$)"
)
# Right after a phrase: at most two words ("rows", "strings") before the colon.
# (a word may hold combining vowel signs: Thai "แล้ว", Devanagari "किए")
_TALLY_WORD = r"[^\W\d_](?:[\w-]|[\u0300-\u036f\u0900-\u0dff\u0e31-\u0e4e\u0eb1-\u0ecd\u1000-\u109f])*"
TALLY = deferred(rf"^[^\S\n]*(?:{_TALLY_WORD}(?:[^\S\n]+{_TALLY_WORD})?)?{_NUMBER_TAIL}")
# A count placeholder and the noun it counts right after the phrase, with no colon: "Automatically translated %u
# messages", "Auto-translated {count} strings" (the view reads a named count as "0"): a log or status line of a tool.
COUNT_SLOT = (
    r"(?:%(?:\d\$)?[-+ 0#]*\d*(?:ll?|z|h)?[diu]|%\(\w{1,40}\)[diu]"  # printf: %u, %ld, %(count)d
    r"|\{\{?\s*\$?(?:count|num|total|n\b)[\w.]*\s*\}\}?)"  # {count}, {{ n }}
)
COUNTED = deferred(rf"^[^\S\n]*(?:0|{COUNT_SLOT})[^\S\n]+[^\W\d_]")
# A whole line: a short label, a colon and a number.
TALLY_LINE = deferred(rf"^[^:：\n]{{1,80}}?{_NUMBER_TAIL}")
CODE_PREPOSITION = (
    r"(?<!\w)(?:from|to|into|nach|aus|von|vers|en|de|del|dal|da|para|a|van|naar|z|na|do|från|till|из|с|на|в|için|ile)\s+"
    # "from the original Go version", "from the VBScript example" (round 28, fp28): an article and "original", but
    # only before a name and a program's noun ("source", "solution", "version"): "submitted to the Assembly",
    # "forwarded to the C-suite", "from the original Swift documentation" name no code (review28a)
    r"(?:(?:the\s+)?(?:original\w*\s+)?(?=[\w+#.-]+(?:\s[23])?\s+(?i:"
    r"code|source|sources|version|versions|solution|solutions|example|examples|sample|samples|script|scripts|program|"
    r"programs|implementation|port|project|snippet|library|module|file|files|function|functions|class|tab|language"
    r")(?!\w)))?"
)


def after_last_cut(pre: str) -> str:
    """What follows the last comma, colon, bracket or spaced dash: INITIAL_CUT.sub("", pre) in linear time."""
    m = _CUT_REVERSED.search(pre[::-1])
    return pre if m is None else pre[len(pre) - m.start() :]


_FROM_LANGUAGE_WORDS = r"(?:(?<!\w)\w{1,4}\s+){0,2}"  # "from the", "aus dem", "z języka" before a language name
# A placeholder that code fills with a language's name: "{lang}", "{{language}}", "%s", "$LANG$", "%{source_locale}"
# (an i18n string: "Automatically translated from {lang}", "{lang}から自動翻訳", "s jezika {lang}").
# (the view writes "{lang}", "{{language}}", "$LANG$" as "xlanguage", and "%s" as "x": see normalize.py)
LANGUAGE_SLOT = r"(?<![a-z0-9])(?:xlanguage|x)(?![a-z0-9\u00c0-\u024f\u1e00-\u1eff])"


class _LazyLanguage:
    """A source-language phrase ("from German", "aus dem Englischen"): compiled on first use."""

    def sub(self, repl: str, text: str) -> str:
        if not names_a_language(text):
            return text  # no language name and no slot: nothing to replace (and the big pattern is not compiled)
        return _from_language().sub(repl, text)


_SLOT = deferred(LANGUAGE_SLOT)


def names_a_language(text: str) -> bool:
    """Whether a language name stem or a language slot occurs in `text`: every match of the patterns built on
    `shared().language_any` holds one (a quick test before a slow pattern, or before compiling it)."""
    return shared().language_regex.search(text) is not None or _SLOT.search(text) is not None


@functools.cache
def _from_language() -> re.Pattern[str]:
    names = shared().language_any
    names = rf"(?<!\w)(?:{names})\w*|{LANGUAGE_SLOT}\w*"
    return re.compile(rf"{_FROM_LANGUAGE_WORDS}(?:{names})(?:\s+(?:(?<!\w)\w{{1,4}}\s+)?(?:{names}))?")


FROM_LANGUAGE = _LazyLanguage()


def source_language_at(text: str) -> re.Match[str] | None:
    """A source-language phrase at the start of `text` ("fra tysk", "from the German")."""
    return _from_language().match(text)


# Also the first argument of an i18n call (`t('...')`, `$t("...")`, `gettext("...")`): a string, not an example.
_QUOTED_KEY = deferred(
    r"(?:\"[^\"\n]{1,60}\"|'[^'\n]{1,60}')\s*[:=]\s*$|\bmsg(?:id|str)\s*$"
    r"|(?<![\w.])(?:t|\$t|_|__|i18n\.t|gettext|ngettext|pgettext|translate)\(\s*$"
)
_KEY_BEFORE = deferred(r"^\s*[\w.-]+(?: [\w.-]+){0,3}\s*[:=]\s*$")
# A short key that opens its line (YAML, properties: `mt_disclaimer: "..."`): what follows is a string.
_LINE_KEY = deferred(r"^\s*[\w.-]+(?: [\w.-]+)?\s*[:=]\s*$")
LEAD = deferred(r"^[\s\-–—)\]\"'.,:;]+")


@dataclass(frozen=True)
class Context:
    pre: str  # clause text before the match
    post: str  # clause text after the match
    clause: str
    segment_words: int  # other words in the shortest segment around the match (badges)
    segment_post: str
    sentence: str
    quoted_example: bool
    sentence_pre: str  # the sentence before the match, or the 80 characters before it if longer
    span: str  # the matched text with the engine name it was joined to
    run_on: bool  # the words after the match end at a comma or bracket but the sentence goes on
    question: bool  # the sentence is a question: "What is machine translation?"
    gap: str  # for a verb joined to an engine name: the words between them
    ui_message: str = ""  # "toast" ("Translated automatically!"), "trailing" ("Paste the text here..."), or ""


_SPACED = deferred(r"\S*[^\W\d_]\S*")


def word_iter(text: str, mode: str) -> list[re.Match[str]]:
    """The words of a text as matches ("space" mode: runs of non-space characters with a letter)."""
    return list((_SPACED if mode == "space" else _LETTERS).finditer(text))


def count_words(text: str, mode: str) -> int:
    """Words in a piece of text; for scripts without spaces, two characters count as a word."""
    if mode == "none":
        letters = sum(len(w) for w in _LETTERS.findall(text))
        return (letters + 1) // 2
    return len(word_iter(text, mode))


def tail_words(text: str, n: int, mode: str) -> str:
    """The last n words of a text (2n characters in scripts without spaces)."""
    if mode == "none":
        return text[-(2 * n) :]
    words = word_iter(text, mode)
    return text[words[-n].start() :] if len(words) >= n else text


def head_words(text: str, n: int, mode: str) -> str:
    """The first n words of a text (2n + 2 characters in scripts without spaces)."""
    if mode == "none":
        return text[: 2 * n + 2]
    words = word_iter(text, mode)
    return text[: words[n - 1].end()] if len(words) >= n else text


class Boundaries:
    """Clause and sentence boundaries of a view text, for quick look-ups around a match."""

    def __init__(self, text: str) -> None:
        # [m.start() for m in _HARD.finditer(text)]: its matches are single characters, never overlapping.
        self.hard = [m.start() for m in _HARD_CHARS.finditer(text) if _HARD.match(text, m.start())]
        self.sentence = [m.start() for m in _SENTENCE_CHARS.finditer(text) if SENTENCE_END.match(text, m.start())]
        self.length = len(text)

    @staticmethod
    def _around(points: list[int], start: int, end: int, length: int) -> tuple[int, int]:
        i = bisect.bisect_left(points, start)
        left = points[i - 1] + 1 if i > 0 else 0
        j = bisect.bisect_left(points, end)
        right = points[j] if j < len(points) else length
        return left, right

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around [start, end): between hard stops (full stops, separators, quotes)."""
        return self._around(self.hard, start, end, self.length)

    def sentence_of(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around [start, end): between full stops and line breaks."""
        return self._around(self.sentence, start, end, self.length)


def build_context(text: str, bounds: Boundaries, start: int, end: int, rules: Rules, gap: str = "") -> Context:
    """The clause, segment and sentence around text[start:end], and whether it is quoted as an example."""
    full_left, full_right = bounds.clause(start, end)
    left, right = max(full_left, start - CONTEXT_CHARS), min(full_right, end + CONTEXT_CHARS)
    pre, post = text[left:start], text[end:right]
    seg_pre = _SEGMENT_CUT.split(pre)[-1]
    seg_post = _SEGMENT_CUT.split(post)[0]
    segment_words = count_words(seg_pre, rules.boundaries) + count_words(seg_post, rules.boundaries)
    s_left, s_right = bounds.sentence_of(start, end)
    s_left, s_right = max(s_left, start - CONTEXT_CHARS), min(s_right, end + CONTEXT_CHARS)
    sentence = text[s_left:s_right]
    closing = full_right + 1 if full_right + 1 < len(text) and text[full_right] in ".!?,;" else full_right
    inside_quotes = (  # "... perfect." he said
        full_left > 0 and text[full_left - 1] in "\"'" and closing < len(text) and text[closing] in "\"'"
    )
    if not inside_quotes:
        # a quotation that holds a separator, which cut the clause: 'was told "תורגם מעברית · תרגום מכונה" below it'
        # (a separator, not a full stop or a semicolon: a quoted sentence keeps the readings it had)
        q_open, q_close = text.rfind('"', s_left, start), text.find('"', end, s_right)
        quoted = q_open >= 0 and q_close >= 0 and text.count('"', s_left, q_open) % 2 == 0
        if quoted and not _STOP_INSIDE.search(text[q_open + 1 : q_close].rstrip(" .!?。！？")):
            inside_quotes, full_left = True, q_open + 1
    example = False
    if inside_quotes:
        # Quoted after "said"/"such as": an example. Quoted after a key ("notice": "...", msgstr "..."): a string.
        reporting = rules.cues["reporting"]
        line_start = text.rfind("\n", max(0, full_left - 1 - CONTEXT_CHARS), full_left - 1) + 1
        line = text[max(line_start, full_left - 80) : full_left - 1]
        if _QUOTED_KEY.search(line) or (line_start >= full_left - 80 and _LINE_KEY.search(line)):
            example = False
        elif reporting is not None and reporting.search(text[max(s_left, full_left - 40) : full_left]):
            example = True
        elif not _KEY_BEFORE.search(line):
            example = count_words(_QUOTED.sub(" ", sentence), rules.boundaries) >= 3
    # "Machine translation, like DeepL, is a useful start", "Machine translation (MT) is the use of ...":
    # a subject set off by a comma or a bracket, not a badge.
    cut = _SEGMENT_CUT.search(post)
    run_on = False
    if cut is not None and cut.group(0) in (",", "("):
        after = end + cut.end()
        if cut.group(0) == "(":
            close = text.find(")", after, max(s_right, after))
            after = close + 1 if close >= 0 else max(s_right, after)
        rest = text[after : max(s_right, after)]
        cont = rules.cues["continuation"]
        run_on = count_words(rest, rules.boundaries) > 3 and not (cont is not None and cont.match(rest.lstrip()))
    question = s_right < len(text) and text[s_right] in "?\u061f"
    before = text[min(s_left, max(0, start - 80)) : start]
    # the line around the match (a paragraph break reads as "\f"), looked for within CONTEXT_CHARS
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    line_start = max(text.rfind("\n", lo, start), text.rfind("\f", lo, start), lo - 1) + 1
    ends = [i for i in (text.find("\n", end, hi), text.find("\f", end, hi)) if i >= 0]
    line = text[line_start : min(ends) if ends else hi]
    return Context(
        pre, post, text[left:right], segment_words, seg_post, sentence, example, before, text[start:end],
        run_on, question, gap, ui_message(line, rules.boundaries),
    )  # fmt: skip


# A UI message, not a notice: a toast that confirms an action ("✨ Translated automatically!") or a placeholder or
# progress line that trails off ("Paste the machine-translated text here...", "Auto-translation started…").
TOAST_WORDS = 4
TRAILING_WORDS = 15
_TOAST_END = deferred(r"[!！]\s*$")
TRAILING_ELLIPSIS = deferred(r"(?:\.\.\.|…)\s*$")  # (also `combine`'s "end:..." feature)


def ui_message(line: str, mode: str) -> str:
    """ "toast" for a short line ending in "!", "trailing" for a placeholder or progress line ending in an ellipsis,
    else ""."""
    if TRAILING_ELLIPSIS.search(line):
        return "trailing" if count_words(line, mode) <= TRAILING_WORDS else ""
    return "toast" if _TOAST_END.search(line) and count_words(line, mode) <= TOAST_WORDS else ""


# Program identifiers on the line: "the folder simpsons_data", "MMLU_et", "desc_tr/own_tr", "get_model_name(...)".
# A line that names variables, fields or files is code, a docstring, a log line or a README's account of what a
# script does, in any language, not a notice. Placeholders are slots, not identifiers ("{source_lang}",
# "%(target_lang)s", "$LANGUAGE_NAME$"), nor keys whose value may be the notice ("mt_notice": "…", `translated_by =
# …`), nor are addresses ("…/my_page", "user_name@…"), documents a notice points to ("README_EN.md") or locale
# codes ("pt_BR", "zh_Hans", "es_419").
_HOLDER = deferred(r"\{[^{}\n]*\}|%\([^()\n]*\)|\$\w+\$|\[\[[^\]\n]*\]\]|<[^<>\n]*>|\S*(?:://|www\.|@)\S*")
_IDENTIFIER = deferred(
    r"(?<![\w{}\[\]%$:.@#<>&=?~\\-])[^\W_]+(?:_[^\W_]+)+(?![\w}\]%$@~\\-])(?![\"']?\s*[:=])"  # not a key
    r"(?!\.(?:md|markdown|txt|rst|adoc|html?|pdf|docx?|odt)\b)"  # nor a document: "see README_EN.md for the original"
)
_LOCALE = deferred(r"[^\W\d_]{2,3}_(?:[^\W\d_]{2}|[^\W\d_]{4}|\d{3})")
# camelCase used as code: a member, an index or a call ("translatedChapters[href]", "this.autoTranslate",
# "getTranslation()", "isMachineTranslated(doc)"): a lower-case head, then a capital and lower case (a head of three
# letters or more after a member's dot). Not a brand ("iPhone", "eBay"), an Irish mutation ("i bhFrainc") nor a Bantu
# class prefix ("ngesiXhosa."); a key or a quoted field name ("translatedFrom: en", 'das Feld "translatedFrom"') is
# no code either.
_KEY_AFTER = r"(?![\w.]*[\"']?\s*[:=])"  # a dotted key path before its value: "notice.machineTranslated=…"
_CAMEL = deferred(
    rf"(?<![\w@/#-])[a-z]{{2,}}[a-z0-9]*(?:[A-Z][a-z0-9]+)+(?=[\[(]|\.[a-zA-Z_]){_KEY_AFTER}"
    rf"|(?<=[a-z]\.)[a-z]{{3,}}[a-z0-9]*(?:[A-Z][a-z0-9]+)+(?![\w\"']){_KEY_AFTER}"
)
LINE_REACH = 200  # characters either side of the phrase read for identifiers (a page may be one line)


def code_identifier(line: str) -> bool:
    """Whether `line` names a program identifier (snake_case or camelCase), outside placeholders, addresses and locale
    codes."""
    camel = _CAMEL.search(line) is not None
    if "_" not in line and not camel:
        return False
    unheld = _HOLDER.sub(" ", line)
    if camel and _CAMEL.search(unheld):
        return True
    return "_" in line and any(not _LOCALE.fullmatch(m.group(0)) for m in _IDENTIFIER.finditer(unheld))


def line_around(text: str, start: int, end: int, reach: int = LINE_REACH) -> str:
    """The line that holds [start, end), at most `reach` characters either side."""
    lo = max(0, start - reach)
    lo = text.rfind("\n", lo, start) + 1 or lo  # searched within the reach only: a page may be one long line
    hi = min(len(text), end + reach)
    cut = text.find("\n", end, hi)
    return text[lo : hi if cut < 0 else cut]
