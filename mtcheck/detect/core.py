"""detect(): read a Document's visible text, comments and metadata for signs of machine translation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from mtcheck.detect import calibration, concepts, extract, keys, learned, signals
from mtcheck.detect.context import CONTEXT_CHARS, FINDING_SENTENCE_END, ITEM_SEPARATOR, SPACED_DASH, line_around
from mtcheck.detect.deferred import deferred
from mtcheck.detect.matcher import STRONG, Hit, find_hits
from mtcheck.detect.normalize import View, build_view
from mtcheck.detect.patterns import UNSPACED, might_match, shared
from mtcheck.detect.weigh import WEAK
from mtcheck.read.document import Document
from mtcheck.results import Detection, Evidence, Position, Vetoed

if TYPE_CHECKING:
    from mtcheck.detect.reader import Reader

THRESHOLD = 0.5  # machine_translated when the calibrated confidence, P(notice), reaches this (every language)
WEAK_CAP = 0.45  # weak evidence alone never reaches the threshold
MAX_EVIDENCE_TEXT = 240
MAX_NOTICES_READ = 100  # strong notices searched for an engine name and a source language
_COMMENT = deferred(r"<!--(.*?)(?:-->|\Z)", re.DOTALL)
_META_FLAG_KEY = deferred(
    r"(?:machine|auto(?:matic(?:ally)?)?|mt|ai)[-_ ]?translat\w*|translat\w*[-_ ]?(?:type|method|mode|engine|by|tool)$"
    r"|^(?:mt|auto[-_]?translate)$",
    re.IGNORECASE,
)
_META_TRUE = deferred(r"^\s*(?:true|yes|1|on|machine|auto(?:matic)?|mt|ai|\w*deepl\w*|google\w*)\s*$", re.I)
# Keys that say how a page was translated ("translation", "mt:engine", "translation-provider"): flagged
# only when the value names a machine ("machine", "automatic", "deepl"), never for a bare "true".
_META_HOW_KEY = deferred(
    r"^(?:(?:translat|tradu|übersetz|vertal|перевод)\w*(?:[-_:. ]?(?:provider|source|origin|status|kind|system|model))?"
    r"|mt[-_:.]\w+)$",
    re.I,
)
_META_MACHINE = deferred(
    r"^\s*(?:machine|machine[-_ ]translat\w*|auto(?:matic)?(?:[-_ ]translat\w*)?|automated|mt|nmt|ai|neural"
    r"|\w*deepl\w*|google(?:[-_ ]translate)?|bing|microsoft|yandex|papago|openai|chatgpt|gpt-?\w+|claude|gemini"
    r"|automati(?:que|sch|sk|co|ca)|automática|automático|maschinell|machinaal|automatyczn\w*|автоматическ\w*|машинн\w*)\s*$",
    re.I,
)
_META_PREFIX = deferred(r"^(?:data-|og:|x-|dc\.|article:|twitter:)", re.I)
# <meta name=".." content=".."> and data-* flags on elements, read from a raw string or page.
_META_TAG = deferred(r"<meta\b([^<>]*)>", re.I)
_ATTRIBUTE = deferred(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'<>]+))")
_DATA_FLAG = deferred(
    r"\bdata-((?:machine|auto(?:matic)?|mt|ai)[-_]?translat[\w-]*|mt|translation[-_]?(?:type|method|engine)?"
    r"|translated[-_]by|translation[-_](?:provider|tool|service))"
    r"\s*=\s*[\"']?([^\"'\s>]*)",
    re.I,
)
# Text that a page shows in a tooltip or reads to screen readers: <img alt>, title, aria-label.
_TEXT_ATTRIBUTE = deferred(
    r"\s(?:alt|title|aria-label|data-tooltip|data-title)\s*=\s*(?:\"([^\"<>]{3,300})\"|'([^'<>]{3,300})')", re.I
)
_TAG = deferred(r"<[A-Za-z][^<>]{0,1000}>")
_META_SOURCE_KEY = deferred(
    r"^(?:source|original|translated|from)[-_]?(?:lang(?:uage)?|locale)$|^translated[-_]from$", re.I
)
_META_URL_KEY = deferred(r"^(?:original|source|translated[-_]from|original[-_]url|source[-_]url)$", re.I)


@dataclass(frozen=True)
class _Found:
    """A hit placed in the document."""

    hit: Hit
    kind: str
    text: str
    start: int | None  # offsets into Document.text
    end: int | None
    position: Position
    view: View
    source: str  # text the view was built from
    origin: int | None  # where `source` starts in Document.text


def _position(start: int, end: int, length: int, paragraphs: tuple[tuple[int, int], ...]) -> Position:
    if paragraphs and len(paragraphs) > 3:
        first, last = paragraphs[1][1], paragraphs[-2][0]
        if start <= first or start < length * 0.1:
            return "top"
        if end >= last or end > length * 0.9:
            return "bottom"
        return "body"
    edge = max(300, int(length * 0.2))
    if start < edge:
        return "top"
    if end > length - edge:
        return "bottom"
    return "body"


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_EVIDENCE_TEXT else text[: MAX_EVIDENCE_TEXT - 1] + "…"


def _scan(source: str, origin: int | None, kind_override: str | None, position: Position | None,
          doc_length: int, paragraphs: tuple[tuple[int, int], ...]) -> list[_Found]:  # fmt: skip
    if not might_match(source):
        return []
    view = build_view(source)
    out = []
    for hit in find_hits(view):
        if _in_identifier(source, *view.span(hit.match_start, hit.match_end)):
            continue  # `machine_translated_pages`, `make_page(machine_translated=True)`: code, read by keys.py
        line = line_around(source, *view.span(hit.match_start, hit.match_end))
        if concepts.code_line(line):
            continue  # "… (carpeta simpsons_data)", "… Gibt die Texte zurück.", "[*] …": code, a docstring, a log
        s, e = view.span(hit.start, hit.end)
        while s < e and source[s].isspace():
            s += 1
        text = _clip(source[s:e]) or _clip(source[view.span(hit.match_start, hit.match_end)[0] :][:80])
        start = end = None
        if origin is not None:
            start, end = origin + s, origin + e
        pos = position or _position(start or 0, end or 0, doc_length, paragraphs)
        kind = kind_override if kind_override and hit.weight >= STRONG else hit.kind
        out.append(_Found(hit, kind, text, start, end, pos, view, source, origin))
    return out


def _in_identifier(source: str, s: int, e: int) -> bool:
    """The matched words are joined into a snake_case identifier (`auto_translated`), not written as prose."""
    inner = re.sub(r"\{[^{}]*\}", " ", source[s:e])  # a placeholder's name is not the phrase: {{ page.mt_engine }}
    joined = bool(re.search(r"[^\W_]_[^\W_]", inner))
    before = s >= 2 and source[s - 1] == "_" and source[s - 2].isalnum()
    after = e + 1 < len(source) and source[e] == "_" and source[e + 1].isalnum()
    return joined or before or after


def _comments(document: Document) -> tuple[str, ...]:
    if document.comments:
        return document.comments
    raw = document.raw or document.text
    return tuple(c.strip() for c in _COMMENT.findall(raw) if c.strip())


def _attribute_texts(raw: str) -> list[str]:
    """alt, title and aria-label texts of the tags in raw markup."""
    if "=" not in raw or "<" not in raw:
        return []
    out = []
    for tag in _TAG.finditer(raw):
        for m in _TEXT_ATTRIBUTE.finditer(tag.group(0)):
            value = (m.group(1) or m.group(2) or "").strip()
            if value and value not in out:
                out.append(value)
    return out


def _comment_position(raw: str, comment: str) -> Position:
    at = raw.find(comment[:60]) if raw else -1
    if at < 0:
        return "top"
    return _position(at, at + len(comment), len(raw), ())


def _raw_metadata(raw: str) -> dict[str, str]:
    """Metadata written into raw markup: <meta> tags and data-* translation flags on elements."""
    found: dict[str, str] = {}
    if "<meta" in raw.lower():
        for tag in _META_TAG.finditer(raw):
            attributes = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in
                          _ATTRIBUTE.finditer(tag.group(1))}  # fmt: skip
            key = attributes.get("name") or attributes.get("property") or attributes.get("http-equiv")
            if key and "content" in attributes:
                found.setdefault(key.strip().lower(), attributes["content"])
    if "data-" in raw:
        for m in _DATA_FLAG.finditer(raw):
            found.setdefault(f"data-{m.group(1).lower()}", m.group(2))
    return found


def _metadata(metadata: Mapping[str, str]) -> tuple[list[Evidence], str | None, str | None]:
    evidence: list[Evidence] = []
    source_language = url = None
    for key, value in metadata.items():
        bare = _META_PREFIX.sub("", key)
        flag = _META_FLAG_KEY.search(bare)
        if (flag and (_META_TRUE.match(value or "") or _META_MACHINE.match(value or ""))) or (
            _META_HOW_KEY.match(bare) and _META_MACHINE.match(value or "")
        ):
            evidence.append(Evidence("metadata", f"{key}: {value}", None, None, "top", None, 0.8))
        elif _META_SOURCE_KEY.match(key) and value.strip():
            source_language = value.strip()
        elif _META_URL_KEY.match(key) and value.strip().startswith("http"):
            url = value.strip()
    return evidence, source_language, url


# Read at most this far on each side of a finding for `_describes_service` (a notice's line is short).
SERVICE_REACH = 300


def _line_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The finding's line around `start`..`end`, at most SERVICE_REACH characters each side; the line's ends are
    searched for within the reach only (a page of one long line has many findings: an unbounded search from each
    made the checks below quadratic)."""
    lo = max(text.rfind("\n", max(0, start - SERVICE_REACH), start) + 1, start - SERVICE_REACH)
    hi = text.find("\n", end, end + SERVICE_REACH)
    return lo, min(len(text) if hi < 0 else hi, end + SERVICE_REACH)


def _describes_service(text: str, start: int | None, end: int | None) -> bool:
    """Whether the source line of a finding describes a translation service rather than this text
    (`Shared.describes_service`: an API key or a price plan, the editor's action that triggers it, a fallback path, a
    choice of engines, an arrow chaining steps, an engine glossed by what it is), with no
    deictic word pointing at this text ("This page was translated with DeepL (API key: …)" stays a notice). Read on
    the source, where an arrow is still an arrow (the matching view writes it as a separator), and on the finding's
    item of the line only (between separators: `ITEM_SEPARATOR`)."""
    if start is None or end is None:
        return False
    lo, hi = _line_window(text, start, end)
    # (the finding's item, not its neighbours, a breadcrumb's or a pager's arrows: "Home → Blog | Machine translated",
    # "Automatically translated · Next →")
    for sep in ITEM_SEPARATOR.finditer(text, lo, start + 1):
        lo = sep.end()
    after = ITEM_SEPARATOR.search(text, max(start, end - 1), hi)  # a finding may end on the space before a separator
    hi = after.start() if after else hi
    if not _service_line(text[lo:hi]):
        return False
    # the deictic word is read in the finding's sentence (reading a whole line once per finding took seconds on a long
    # line of findings)
    return not _speaks_here(_finding_sentence(text, lo, hi, start, end))


def _finding_sentence(text: str, lo: int, hi: int, start: int, end: int) -> str:
    """The sentence of the finding at `start`..`end` within `lo`..`hi` (its line window): from the last sentence end
    before the finding (`FINDING_SENTENCE_END`) to the first one after it, that end's mark included."""
    for stop in FINDING_SENTENCE_END.finditer(text, lo, start):
        lo = stop.end()
    after = FINDING_SENTENCE_END.search(text, end, hi)
    return text[lo : after.end() if after else hi]


# The end of a sentence, or of a clause set off by a semicolon, a colon or a dash, or by a comma in a script without
# spaces: "This article was machine translated; paste corrections below", "Machine translated — copy and paste errors
# into our form", "本页面由机器翻译生成，复制粘贴时请注明出处" (a notice, then what to do with it). Not an
# ASCII comma: a participle's clause is set off by one ("Вставьте ниже текст, переведённый машиной"); not a bracket: a
# field's label ("أدخل الوصف (مترجم تلقائياً)", enter the description (machine translated)).
_CLAUSE_END = deferred(rf"[.!?](?=\s)|[。！？;；:：，、]|{SPACED_DASH.pattern}")


def _asks_input(text: str, start: int | None, end: int | None) -> bool:
    """Whether the finding's sentence (within its line, at most SERVICE_REACH characters each side) tells the reader to
    put a text into a form ("Paste the machine-translated text below", "Вставьте ниже текст, переведённый машиной"):
    the machine translation is the form's input (`Shared.asks_input`). Read in the sentence, and in a sentence of
    several clauses in the clause that names the machine (`_input_sentence`): "This page was machine translated. Paste
    your corrections below." and "This article was machine translated; paste corrections below" are a notice and an
    invitation."""
    if start is None or end is None:
        return False
    lo, hi = _line_window(text, start, end)
    return _input_sentence(_finding_sentence(text, lo, hi, start, end))


def _names_data(text: str, start: int | None, end: int | None) -> bool:
    """Whether the finding's sentence (within its line, at most SERVICE_REACH characters each side) names a dataset or
    a corpus ("Bu veri seti Google Translate ile Türkçeye çevrildi", "The corpus statements were translated into
    English with GPT-4o"): it tells how data for a model was made (`Shared.names_data`), not that
    this text was machine translated; a deictic word beside the data noun does not keep it ("This dataset was machine
    translated" is about the data), one beside a content noun does ("This page about the dataset was machine
    translated", "Dieser Artikel über den Datensatz wurde maschinell übersetzt": `concepts.names_this`; review28a).
    Round 28, fp28."""
    if start is None or end is None or _closing_tag(text, start, end):
        return False
    lo, hi = _line_window(text, start, end)
    # (and in a script without spaces from its last full stop before the finding to its first one after the finding's
    # start, which `FINDING_SENTENCE_END` does not read: "本页面由机器翻译。数据集的说明见英文版。" keeps its notice)
    for stop in _UNSPACED_STOP.finditer(text, lo, start):
        lo = stop.end()
    after = _UNSPACED_STOP.search(text, start, hi)
    return _data_sentence(_finding_sentence(text, lo, after.end() if after else hi, start, min(end, hi)))


_UNSPACED_STOP = deferred(r"[。！？]")
_OPENERS, _CLOSERS, _LINE_STOPS = "(（[【", ")）]】", ".。．!！?？"
_TAG_CHARS = 24  # the longest bracketed credit read as a tag
_TAGGED_CHARS = 10  # the shortest sentence before it (a data noun alone is a heading)


def _closing_tag(text: str, start: int, end: int) -> bool:
    """Whether the finding ends in a short bracketed credit that closes its line ("…在小数据集上效果更好（谷歌翻译）。",
    "Results on the small corpus (DeepL)"): a tag on the sentence it ends, whatever that sentence talks about, so a data
    noun before it does not make it a note about data (`_names_data`). Round 28, the lead's fix after review28b; the
    sentence before the bracket must hold no translate word of its own (review28e)."""
    tail = _skip_spaces(text, end)
    if tail < len(text) and text[tail] in _LINE_STOPS:
        tail = _skip_spaces(text, tail + 1)
    if tail < len(text) and text[tail] != "\n":
        return False
    j = end
    while j > start and (text[j - 1] in _LINE_STOPS or text[j - 1] in " \t"):
        j -= 1
    if j == start or text[j - 1] not in _CLOSERS:
        return False
    opener = max(text.rfind(c, max(start, j - _TAG_CHARS), j - 1) for c in _OPENERS)
    # what the tag closes is a sentence, not a heading naming the data ("数据集（使用DeepL翻译）", "Dataset (DeepL)")
    if opener <= start or len("".join(text[start:opener].split())) < _TAGGED_CHARS:
        return False
    # and a sentence with no translate word of its own: in "The corpus was machine translated (DeepL)." or
    # "该数据集由机器翻译生成（谷歌翻译）。" the bracket names the engine of the data's translation, not a tag
    # (review28e: the tag undid fp28's data check for such sentences)
    return not concepts.has_translate_word(text[start:opener])


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t":
        i += 1
    return i


@lru_cache(maxsize=256)
def _data_sentence(sentence: str) -> bool:
    folded = unicodedata.normalize("NFKC", sentence)
    return shared().names_data(folded) and not concepts.names_this(folded)


@lru_cache(maxsize=256)
def _input_sentence(sentence: str) -> bool:
    """`Shared.asks_input` on the NFKC form of a finding's sentence, once per sentence; in a sentence of several
    clauses (`_CLAUSE_END`), in a clause that names the machine itself (the finding may span the whole sentence)."""
    common = shared()
    if not common.asks_input(unicodedata.normalize("NFKC", sentence)):
        return False
    # split before NFKC, which writes a full-width comma as an ASCII one
    clauses = [unicodedata.normalize("NFKC", c) for c in _CLAUSE_END.split(sentence) if c.strip()]
    return len(clauses) < 2 or any(common.asks_input(c) and concepts.names_machine(c) for c in clauses)


def _acts(text: str, start: int | None, end: int | None) -> bool:
    """Whether the finding's clause opens with the verb of a control or a feature description ("Add comment (machine
    translated)", "Shows the headlines, translated by DeepL", "Wybierz język, aby zobaczyć stronę przetłumaczoną
    automatycznie"; `Shared.acts`) or a control's noun ("Toggle for machine-translated comments"), or a verb-final
    label has the verb before the finding's bracket ("Kommentar hinzufügen (maschinell übersetzt)"): what a button or
    a program does; or a distributive quantifier stands before its translate word ("Each chapter is translated by the
    AI", "Jedes Kapitel wird …"; `Shared.distributes`): a rule a program applies to every item. The clause runs from
    the start of the finding's sentence and item of its line (`ITEM_SEPARATOR`, within SERVICE_REACH) to the finding's
    end (at most SERVICE_REACH past its start); a clause end (`_CLAUSE_END`: a colon, a semicolon, a spaced dash) before
    the finding, or inside it before its translate word, starts it anew: "Click here for the original. This page was
    machine translated." and "Wähle eine Sprache: automatisch übersetzt mit DeepL" keep their notice. A deictic word
    beside a content noun in the clause keeps it too ("Switch to the original (this page was machine translated)":
    `concepts.names_this`), and a distributive's clause that speaks of a text at hand or whose sentence holds a caveat
    ("Each entry is machine translated and may contain errors")."""
    if start is None or end is None:
        return False
    lo = _line_window(text, start, end)[0]
    for mark in _CLAUSE_OR_ITEM.finditer(text, lo, start + 1):  # (one scan: a page of one endless clause has many)
        lo = mark.end()
    # (to SERVICE_REACH past the finding's start: one finding may span a megabyte of one endless clause)
    stop = min(end, start + SERVICE_REACH)
    ruled = _ruled_clause(text[lo:stop])
    if ruled != "rule":
        return ruled == "action"
    # a distributive's rule, unless the rest of the finding's sentence warns its reader ("Every post is machine
    # translated; translations may contain errors")
    hi = text.find("\n", stop, stop + SERVICE_REACH)
    tail = text[stop : stop + SERVICE_REACH if hi < 0 else hi]
    tail = tail[: m.start()] if (m := FINDING_SENTENCE_END.search(tail)) else tail
    return not concepts.has_caveat(text[lo:stop] + tail)


# The end of a clause (`_CLAUSE_END`, sentence ends among them) or of a line's item (`ITEM_SEPARATOR`).
_CLAUSE_OR_ITEM = deferred(f"{_CLAUSE_END.pattern}|{ITEM_SEPARATOR.pattern}")


@lru_cache(maxsize=4096)  # asked for the rules' findings and the concept layer's alike: a page of lines has many
def _ruled_clause(clause: str) -> str:
    """ "action" where `Shared.acts` reads the NFKC form of a finding's clause, "rule" where `Shared.distributes` reads
    it (the words before its first translate word), once per clause; "" where neither does or the clause names this
    text (`concepts.names_this`), or a distributive's clause speaks of a text at hand (`concepts.speaks_of_a_text`)."""
    # (the part of the clause that holds the translate word, where the finding spans a colon, a dash or a line's item
    # separator, as `_acts` starts the clause after one: "Wähle eine Sprache: automatisch übersetzt mit DeepL" is read
    # from "automatisch", "Add comment · Descriptions were machine translated." from "Descriptions"; review26e)
    pieces = [p for p in _CLAUSE_OR_ITEM.split(clause) if p.strip()]
    piece = next((p for p in pieces if concepts.first_translate(p) is not None), pieces[-1] if pieces else clause)
    folded, part = unicodedata.normalize("NFKC", clause), unicodedata.normalize("NFKC", piece)
    common = shared()
    if common.acts(part):
        return "" if concepts.names_this(folded) else "action"
    # (a rule on every item, unless the clause points at a text at hand, names the language it came from or warns
    # its reader: "Every page of this manual …", "Each review below was machine translated from Japanese", "Each
    # entry is machine translated and may contain errors")
    distributes = common.distributes(concepts.before_translate(part), part.lower())
    return "rule" if distributes and not concepts.speaks_of_a_text(folded) else ""


# Read at most this far back from a finding for the opening of its paragraph (`_prompts_role`).
PROMPT_REACH = 600


def _prompts_role(text: str, start: int | None, end: int | None) -> bool:
    """Whether the finding's paragraph opens with an instruction that gives a language model a role ("You are a
    professional translator. Below is the machine translation of …", "너는 최고의 번역 전문가야 …"): a prompt in a
    program, whose machine translation is the input it is handed (`Shared.prompts_role`). Its "this text" points at
    that input, so no deictic word keeps the finding."""
    if start is None or end is None:
        return False
    # (searched back PROMPT_REACH characters only: from the text's start, once per finding, it was quadratic)
    reach = max(0, start - PROMPT_REACH)
    blank = text.rfind("\n\n", reach, start)
    if blank < 0 and reach > 0:
        return False  # the paragraph opens further back than a prompt's first sentence reaches
    return _prompt_paragraph(text[blank + 2 if blank >= 0 else 0 : end])


@lru_cache(maxsize=256)
def _prompt_paragraph(head: str) -> bool:
    return shared().prompts_role(unicodedata.normalize("NFKC", head))


@lru_cache(maxsize=256)
def _service_line(item: str) -> bool:
    """`Shared.describes_service` on the NFKC form of a finding's item, once per item: a page of one repeated notice
    asks it of the same item for every finding (1 MB of "This page was machine translated." took 16 s, 5 s before)."""
    return shared().describes_service(unicodedata.normalize("NFKC", item))


@lru_cache(maxsize=256)
def _speaks_here(fragment: str) -> bool:
    """`concepts.speaks_here`, once per fragment: a text of one repeated line asks it of the same fragment often."""
    return concepts.speaks_here(fragment)


# A short quoted string (a value, a caption a program shows: at most QUOTED_WORDS words) and the bracket opened right
# after it, where a finding starts: '"Liderazgo" (traducido automáticamente)', '«Speichern» (automatisch übersetzt)',
# "'Enregistrer' (traduit automatiquement)" (a single quote only at a word start: not an apostrophe),
# "「保存」（機械翻訳）".
QUOTED_WORDS = 5
_QUOTED_BEFORE = deferred(
    r"(?:[\"“”«»„]([^\"“”«»„\n]{1,60})[\"“”«»]|(?<!\w)['‘‚]([^'‘’‚\n]{1,60})['’]|[「『]([^「」『』\n]{1,60})[」』])"
    r"\s*[(\[（［]\s*$"
)
# In a script without spaces, a quoted string of at most this many characters is short: '按钮显示“保存”（机器翻译）'.
QUOTED_CHARS = 12
_WORD = deferred(r"\w")


def _labels_quoted(text: str, start: int | None) -> bool:
    """Whether a finding is a bracket right after a short quoted string: it says how that string (a value, a caption
    a program shows, a term) came about, not this text; a quoted review or sentence is longer. A quoted string that
    opens its line (nothing but marks before it: '## “Parks budget approved” (machine translated)') is the title of a
    translated text, and its bracket a badge."""
    if start is None:
        return False
    m = _QUOTED_BEFORE.search(text, max(0, start - 80), start + 1 if text[start : start + 1] in "([（［" else start)
    if m is None:
        return False
    quoted = next(g for g in m.groups() if g is not None)
    if len(quoted.split()) > QUOTED_WORDS or UNSPACED.search(quoted) and len(quoted) > QUOTED_CHARS:
        return False
    return _WORD.search(text, text.rfind("\n", 0, m.start()) + 1, m.start()) is not None


def _combine(weights: list[float]) -> float:
    strong = [w for w in weights if w >= STRONG]
    weak = [w for w in weights if w < STRONG]
    weak_or = 1.0
    for w in weak:
        weak_or *= 1 - w
    weak_or = 1 - weak_or
    if not strong:
        return round(min(weak_or, WEAK_CAP), 3)
    rest = 1.0
    for w in strong:
        rest *= 1 - w
    return round(min(1 - rest * (1 - 0.5 * weak_or), 0.99), 3)


def detect(document: Document, *, language: str | None = None, reader: Reader | None = None) -> Detection:
    """Read a document for machine-translation disclaimers and language signals.

    With a `reader` (`mtcheck.detect.reader.load`), a multilingual model also reads the text: it vetoes
    notice evidence whose segment does not read as a notice and adds its own when nothing strong is left.
    """
    text = document.text
    paragraphs = document.paragraphs
    found = _scan(text, 0, None, None, len(text), paragraphs)
    raw = document.raw or ""
    for comment in _comments(document):
        at = text.find(comment)
        found += _scan(comment, at if at >= 0 else None, "html_comment", _comment_position(raw, comment),
                       len(text), paragraphs)  # fmt: skip
    for value in _attribute_texts(raw):
        found += _scan(value, None, None, _comment_position(raw, value), len(text), paragraphs)
    metadata = {**_raw_metadata(raw), **document.metadata} if raw else dict(document.metadata)
    pairs = keys.key_values(raw) if raw else {}
    for comment in _comments(document):  # `<!-- mt: yandex, en→ru -->`
        pairs = {**keys.key_values(comment), **pairs}
    meta_evidence, meta_source, meta_url = _metadata(metadata)
    meta_evidence += keys.flag_evidence(pairs, metadata)  # `machine_translated: true` in raw front matter, JSON
    for value in metadata.values():
        if isinstance(value, str) and value.strip():
            found += _scan(value, None, "metadata", "top", len(text), paragraphs)
    # Articles about machine translation mention it often; a lone badge there is a heading, not a label.
    mentions = sum(1 for f in found if f.hit.kind == "mention")
    evidence = list(meta_evidence)
    for f in found:
        weight = f.hit.weight
        kind = f.kind
        # "dịch bằng Google Translate, không cần API key", "Traducción: DeepL, Google Translate", "Capture → traduit
        # par Gemini → PDF": the line describes a translation service, not this text
        if f.hit.kind in ("disclaimer", "badge") and (
            _describes_service(text, f.start, f.end)
            or _labels_quoted(text, f.start)
            or _prompts_role(text, f.start, f.end)  # "You are a professional translator. Below is a machine …"
            or _asks_input(text, f.start, f.end)  # "Paste the machine-translated text below"
            or _names_data(text, f.start, f.end)  # "The dataset was translated into Turkish with opus-mt"
            or _acts(text, f.start, f.end)  # "Add comment (machine translated)", "Shows the news, translated by AI"
        ):
            kind, weight = "mention", 0.1
        elif f.hit.kind == "badge" and mentions >= 2:
            weight *= 0.5
        elif f.hit.kind in ("disclaimer", "badge") and f.position in ("top", "bottom") and weight < 0.95:
            weight = min(weight + 0.05, 0.95)
        evidence.append(Evidence(kind, f.text, f.start, f.end, f.position, f.hit.language, round(weight, 3)))

    if concepts.ENABLED and not any(e.weight >= STRONG for e in evidence):  # the concept layer: see concepts.py
        # a clause the phrase rules read and weighed as a mere mention keeps that reading, unless the concept reading
        # is a notice that points at this text with "this" / "above" (outside quotes): see concepts.speaks_here
        mentions_read = [f for f in found if f.hit.kind == "mention" and f.hit.category in _READ_AS_MENTION]
        read = [(f.start, f.end) for f in mentions_read if f.hit.weight < WEAK]
        # the fallback weight WEAK means the phrase rules could not tell: the concept reading decides, when it
        # points at this text (deixis, a slot, a short line naming its source language)
        unsure = [(f.start, f.end) for f in mentions_read if f.hit.weight >= WEAK]
        evidence += [
            e
            for e in _concept_evidence(document, text, paragraphs, raw, metadata)
            if (not _overlaps(e, read) or concepts.speaks_here(e.text))
            and (not _overlaps(e, unsure) or concepts.points_here(e.text))
            and not _describes_service(text, e.start, e.end)
            and not _labels_quoted(text, e.start)
            and not _prompts_role(text, e.start, e.end)
            and not _asks_input(text, e.start, e.end)
            and not _names_data(text, e.start, e.end)
            and not _acts(text, e.start, e.end)
        ]
    if learned.ENABLED and not any(e.weight >= STRONG for e in evidence):  # the fallback: see learned.py
        extras = _segment_extras(document, raw, metadata)
        evidence += learned.evidence(text, paragraphs, extras, lambda s, e: _position(s, e, len(text), paragraphs))
    vetoed: list[Vetoed] = []
    if reader is not None:
        evidence, vetoed = _read(reader, evidence, meta_evidence, document, text, paragraphs, raw, metadata)
    lang_evidence, paragraph_langs, language = signals.fragments(text, paragraphs, language)
    if language is None and metadata.get("lang"):
        language = metadata["lang"].split("-")[0].lower() or None
    evidence += lang_evidence
    score = _combine([e.weight for e in evidence])
    confidence = calibration.probability(score)  # P(notice), fitted on the dev sets: see calibration.py
    strong = [f for f in found if f.hit.weight >= STRONG]
    engine, source_language, url = _extract(document, found, strong, language)
    if confidence < THRESHOLD:
        engine = None if not strong else engine
    source_language = source_language or meta_source
    if source_language is None and confidence >= THRESHOLD:
        source_language = signals.fragment_language(lang_evidence)
    evidence.sort(key=lambda e: (e.start if e.start is not None else -1, -e.weight))
    return Detection(
        machine_translated=confidence >= THRESHOLD,
        confidence=confidence,
        language=language,
        source_language=source_language,
        original_url=url or meta_url,
        engine=engine,
        evidence=tuple(evidence),
        paragraph_languages=paragraph_langs,
        score=score,
        vetoed=tuple(vetoed),
        reader="none" if reader is None else reader.name,
    )


def _read(reader: Reader, evidence: list[Evidence], structured: list[Evidence], document: Document, text: str,
          paragraphs: tuple[tuple[int, int], ...], raw: str,
          metadata: Mapping[str, str]) -> tuple[list[Evidence], list[Vetoed]]:  # fmt: skip
    """The evidence after the model reader (see reader.py): its veto, then its own finding."""
    from mtcheck.detect import reader as reading

    def candidates() -> list[tuple[str, int | None, int | None, Position | None]]:
        extras = _segment_extras(document, raw, metadata)
        return [(s.text, s.start, s.end, s.position) for s in learned.segments(text, paragraphs, extras)]

    return reading.read(reader, evidence, text, structured, candidates,
                        lambda s, e: _position(s, e, len(text), paragraphs), STRONG)  # fmt: skip


def _segment_extras(document: Document, raw: str, metadata: Mapping[str, str]) -> list[tuple[str, Position]]:
    """Texts outside the document's text that the learned fallback and the model reader also read as candidate
    segments: comments, attribute texts (tooltips, labels) and metadata values, each with where it stands."""
    extras = [(c, _comment_position(raw, c)) for c in _comments(document)]
    extras += [(v, _comment_position(raw, v)) for v in _attribute_texts(raw)]
    extras += [(v, "top") for v in metadata.values() if isinstance(v, str) and v.strip()]
    return extras


# Phrase categories whose "mention" verdict comes from reading the context (a quoted example, a feature
# description, a topic): the concept layer does not overrule it. A weak "translated from X" is not such a verdict.
_READ_AS_MENTION = ("disclaimer", "predicate")


def _overlaps(e: Evidence, spans: list[tuple[int | None, int | None]]) -> bool:
    if e.start is None or e.end is None:
        return False
    return any(s is not None and x is not None and s < e.end and e.start < x for s, x in spans)


def _concept_evidence(document: Document, text: str, paragraphs: tuple[tuple[int, int], ...], raw: str,
                      metadata: Mapping[str, str]) -> list[Evidence]:  # fmt: skip
    """Concept-layer evidence from the text, comments, tooltip attributes and metadata values."""

    def where(s: int, e: int) -> Position:
        return _position(s, e, len(text), paragraphs)

    out = concepts.evidence(text, 0, where)
    for comment in _comments(document):
        at = text.find(comment)
        out += concepts.evidence(comment, at if at >= 0 else None, where, None if at >= 0 else "top")
    for value in _attribute_texts(raw):
        out += concepts.evidence(value, None, where, _comment_position(raw, value))
    for value in metadata.values():
        if isinstance(value, str) and value.strip():
            out += concepts.evidence(value, None, where, "top")
    return out


def _extract(document: Document, found: list[_Found], strong: list[_Found],
             language: str | None) -> tuple[str | None, str | None, str | None]:  # fmt: skip
    engine = source_language = None
    read: set[str] = set()
    for f in strong[:MAX_NOTICES_READ]:
        if engine and source_language:
            break
        view_text = f.view.text
        # The clause and what follows it, but never more than CONTEXT_CHARS around the phrase itself.
        lo = max(f.hit.start, f.hit.match_start - CONTEXT_CHARS)
        hi = min(f.hit.end, f.hit.match_end + CONTEXT_CHARS)
        window = view_text[lo : min(len(view_text), hi + 200)]
        if window in read:  # the same notice repeated down the page says nothing new
            continue
        read.add(window)
        engine = engine or extract.engine_in(view_text[lo:hi])
        source_language = source_language or extract.stated_source_language(window, language)
    # The original's URL: a link in or right after a disclaimer, or near "read the original".
    candidates = [(link.start, link.href) for link in document.links] + extract.urls_in(document.text)
    windows = []
    for f in sorted(strong, key=lambda f: -f.hit.weight) + [f for f in found if f.hit.kind == "original"]:
        if f.start is not None and f.end is not None:
            windows.append((max(0, f.start - 150), f.end + 300))
    url = extract.original_url(candidates, windows) if windows else None
    if url is None:
        for f in strong:
            if f.origin is None:
                url = extract.original_url(extract.urls_in(f.source), [(0, len(f.source))])
                if url:
                    break
    if source_language is None and url and strong:
        inferred = extract.url_language(url)
        if inferred and inferred.split("-")[0] != (language or "").split("-")[0]:
            source_language = inferred
    return engine, source_language, url


def detect_text(text: str, *, language: str | None = None, reader: Reader | None = None) -> Detection:
    """Detection on a raw string, read both as plain text and as markup (comments, Markdown, HTML)."""
    comments = tuple(c.strip() for c in _COMMENT.findall(text) if c.strip())
    document = Document(path="<text>", name="text", text=text, raw=text, comments=comments)
    return detect(document, language=language, reader=reader)
