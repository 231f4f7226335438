"""Word-level alignment of an original sentence with its round trip."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cached_property, lru_cache
from typing import Literal

Op = Literal["equal", "substitute", "delete", "insert"]

# A word (letters/digits with inner apostrophes, dots or commas in numbers, hyphens), or one other symbol.
_TOKEN = re.compile(r"\w+(?:[-'’.,]\w+)*|[^\w\s]", re.UNICODE)
QUOTES = "\"'“”„‟«»‹›‘’‚`´"
_QUOTE_TABLE = str.maketrans("", "", QUOTES)


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark with its character span in the string it came from."""

    text: str
    start: int
    end: int
    norm: str

    @property
    def is_word(self) -> bool:
        return any(ch.isalnum() for ch in self.text)


@dataclass(frozen=True)
class AlignOp:
    """One aligned block: original tokens [i1, i2) against round-trip tokens [j1, j2)."""

    op: Op
    i1: int
    i2: int
    j1: int
    j2: int
    start: int  # character span in the original string (empty for insertions)
    end: int
    original: str
    roundtrip: str  # the round-trip counterpart text ("" for deletions)
    moved: bool = False  # a deletion re-inserted elsewhere (or the insertion of one): word order only

    @property
    def changes_words(self) -> bool:
        """True when the block is more than punctuation, quote, hyphen or case differences."""
        if self.moved or squash(self.original) == squash(self.roundtrip):
            return False
        return any(ch.isalnum() for ch in self.original + self.roundtrip)


@dataclass(frozen=True)
class Alignment:
    """The ops of one alignment plus both token lists."""

    original: str
    roundtrip: str
    source_tokens: tuple[Token, ...]
    target_tokens: tuple[Token, ...]
    ops: tuple[AlignOp, ...]

    @cached_property
    def token_starts(self) -> list[int]:
        return [t.start for t in self.source_tokens]

    @cached_property
    def token_ends(self) -> list[int]:
        return [t.end for t in self.source_tokens]

    @cached_property
    def token_ops(self) -> list[int]:
        """For each original token, the index of the op that holds it."""
        owner = [0] * len(self.source_tokens)
        for number, op in enumerate(self.ops):
            for k in range(op.i1, op.i2):
                owner[k] = number
        return owner

    def changed(self) -> list[AlignOp]:
        """The non-equal ops that touch words, in original order."""
        return [op for op in self.ops if op.op != "equal" and op.changes_words]

    def changed_fraction(self) -> float:
        """Share of the original's word tokens that are not kept."""
        words = [t for t in self.source_tokens if t.is_word]
        if not words:
            return 0.0
        changed = sum(
            1
            for op in self.ops
            if op.op in ("substitute", "delete") and op.changes_words
            for t in self.source_tokens[op.i1 : op.i2]
            if t.is_word
        )
        return changed / len(words)

    def counterpart(self, start: int, end: int) -> str:
        """The round-trip text aligned with the original span [start, end) ("" when dropped)."""
        picked: list[Token] = []
        # Only the tokens that overlap the span (tokens are in order and do not overlap).
        first = bisect.bisect_right(self.token_ends, start)
        last = bisect.bisect_left(self.token_starts, end)
        taken: set[int] = set()
        for k in range(first, last):
            number = self.token_ops[k]
            op = self.ops[number]
            if op.op == "equal":
                picked.append(self.target_tokens[op.j1 + k - op.i1])
            elif number not in taken:
                taken.add(number)
                picked.extend(self.target_tokens[op.j1 : op.j2])
        if not picked:
            return ""
        return self.roundtrip[min(t.start for t in picked) : max(t.end for t in picked)]


def normalise(word: str) -> str:
    """Case-folded, NFKC, quotes stripped (a bare quote mark normalises to a plain one)."""
    folded = unicodedata.normalize("NFKC", word).casefold()
    stripped = folded.translate(_QUOTE_TABLE)
    return stripped if stripped else '"'


def tokenize(text: str) -> list[Token]:
    """Words and punctuation marks with their character offsets."""
    return [Token(m.group(), m.start(), m.end(), normalise(m.group())) for m in _TOKEN.finditer(text)]


def _span(tokens: tuple[Token, ...], text: str, i1: int, i2: int) -> tuple[int, int, str]:
    if i1 >= i2:
        pos = tokens[i1 - 1].end if i1 > 0 else (tokens[0].start if tokens else 0)
        return pos, pos, ""
    start, end = tokens[i1].start, tokens[i2 - 1].end
    return start, end, text[start:end]


# difflib's matcher is quadratic (worse on runs of one repeated token): longer token lists are not
# aligned word by word. A sentence reaches the aligner at most config.MAX_SENTENCE_CHARS long.
MAX_ALIGN_TOKENS = 300


def _opcodes(src: Sequence[str], tgt: Sequence[str]) -> Sequence[tuple[str, int, int, int, int]]:
    if len(src) > MAX_ALIGN_TOKENS or len(tgt) > MAX_ALIGN_TOKENS:
        # Too long to align word by word: equal or one changed block (a documented skip, not a hang).
        if list(src) == list(tgt):
            return [("equal", 0, len(src), 0, len(tgt))] if src else []
        return [("replace", 0, len(src), 0, len(tgt))]
    return SequenceMatcher(None, src, tgt, autojunk=False).get_opcodes()


@lru_cache(maxsize=1024)  # checks ask again for the same sentence, once per finding in it
def align(original: str, roundtrip: str) -> Alignment:
    """Align two strings at word level; adjacent non-equal blocks merge into one span."""
    src = tuple(tokenize(original))
    tgt = tuple(tokenize(roundtrip))
    blocks: list[list[int]] = []  # [i1, i2, j1, j2, equal?]
    for tag, i1, i2, j1, j2 in _opcodes([t.norm for t in src], [t.norm for t in tgt]):
        same = tag == "equal"
        if blocks and not same and not blocks[-1][4]:
            blocks[-1][1], blocks[-1][3] = i2, j2  # merge adjacent changes
        else:
            blocks.append([i1, i2, j1, j2, int(same)])
    ops: list[AlignOp] = []
    for i1, i2, j1, j2, equal in blocks:
        if equal:
            kind: Op = "equal"
        elif i1 == i2:
            kind = "insert"
        elif j1 == j2:
            kind = "delete"
        else:
            kind = "substitute"
        start, end, orig_text = _span(src, original, i1, i2)
        rt_text = roundtrip[tgt[j1].start : tgt[j2 - 1].end] if j1 < j2 else ""
        ops.append(AlignOp(kind, i1, i2, j1, j2, start, end, orig_text, rt_text))
    return Alignment(original, roundtrip, src, tgt, tuple(_mark_moves(ops)))


def _mark_moves(ops: list[AlignOp]) -> list[AlignOp]:
    """Flag a deleted run that reappears as an insertion elsewhere (and that insertion) as moved."""
    deleted = {squash(op.original): k for k, op in enumerate(ops) if op.op == "delete"}
    inserted = {squash(op.roundtrip): k for k, op in enumerate(ops) if op.op == "insert"}
    out = list(ops)
    for key, k in deleted.items():
        if key and key in inserted:
            out[k] = replace(out[k], moved=True)
            out[inserted[key]] = replace(out[inserted[key]], moved=True)
    return out


@lru_cache(maxsize=65536)
def squash(text: str) -> str:
    """Letters and digits only, case-folded: 'Kim Jong-un' and 'Kim Jong Un' squash alike."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def find_words(words: list[str], tokens: Sequence[Token], slack: int = 0) -> tuple[int, int] | None:
    """Token window [i, j) whose squashed text equals the squashed words (the last token may add
    up to `slack` letters, for inflections such as Korean -> Koreans), or None."""
    key = "".join(squash(w) for w in words)
    if not key:
        return None
    keys = [squash(t.text) for t in tokens]
    for i in range(len(keys)):
        if not keys[i] or not (key.startswith(keys[i]) or keys[i].startswith(key)):
            continue
        acc = ""
        for j in range(i, len(keys)):
            acc += keys[j]
            if acc == key or (acc.startswith(key) and len(acc) - len(key) <= slack):
                return i, j + 1
            if not key.startswith(acc):
                break
    return None
