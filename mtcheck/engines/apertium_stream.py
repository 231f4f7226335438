"""Apertium's stream format: sentences in with numbered boundaries, text and unknown-word marks out."""

from __future__ import annotations

import re

# What apertium's marks mean (they prefix a word in its output).
MARKS = {
    "*": "unknown to the analyser",
    "@": "missing from the bilingual dictionary",
    "#": "could not be generated",
}
_ESCAPE = set("[]{}^$/\\<>")
_SEPARATOR = re.compile(r"\|(\d+)\|")
_TRAILING_PUNCT = ".,;:!?)]}\"'»”’…"
# A marked word ends where apertium's words end: at a blank, a format block, an escape, the next mark or
# a character that is never part of a word (`*src=*x` is the unknown words "src" and "x").
_MARKED_WORD = re.compile(r"[^\s\[\\*@#=<>(){}|\"]*")

Marks = list[tuple[str, str]]  # (mark, word) in output order


# Unicode noncharacters (U+FDD0..U+FDEF, U+xxFFFE, U+xxFFFF): apertium's stream garbles them.
_NONCHARACTERS = re.compile(
    "[\x00\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
    + "]"
)


def normalise(text: str) -> str:
    """One line per sentence: every run of whitespace (newlines included) becomes one space."""
    return " ".join(_NONCHARACTERS.sub(" ", text).split())


def _escape(sentence: str) -> str:
    out = []
    for ch in sentence:
        if ch in _ESCAPE:
            out.append("\\" + ch)
        elif ch in MARKS:
            out.append(f"[{ch}]")  # literal mark characters travel as format, never confused with marks
        else:
            out.append(ch)
    return "".join(out)


def to_stream(sentences: list[str]) -> str:
    """Apertium's stream format: each sentence ends with an inserted period `.[]` and a numbered blank."""
    return "".join(f"{_escape(s)}.[][|{i}|]\n" for i, s in enumerate(sentences))


def parse(stream: str, expected: int) -> list[tuple[str, Marks]] | None:
    """Split apertium's output into (text, marks) per sentence; None if boundaries are not 0..expected-1."""
    results: list[tuple[str, list[tuple[str, str]]]] = []
    buf: list[str] = []
    marks: Marks = []
    i, n = 0, len(stream)
    while i < n:
        ch = stream[i]
        if ch == "\\" and i + 1 < n and stream[i + 1] != "@":
            buf.append(stream[i + 1])
            i += 2
        elif ch == "\\" and i + 1 < n:
            i += 1  # apertium escapes its "@" mark; literal "@" from the input travels as format
        elif ch == "[":
            end = i + 1
            while end < n and stream[end] != "]":
                end += 2 if stream[end] == "\\" else 1
            content = re.sub(r"\\(.)", r"\1", stream[i + 1 : end])
            i = end + 1
            separator = _SEPARATOR.fullmatch(content)
            if content == "":
                _drop_inserted_period(buf)
            elif separator:
                if int(separator.group(1)) != len(results):
                    return None
                results.append((_tidy("".join(buf)), marks))
                buf, marks = [], []
            else:
                buf.append(content)
        elif ch in MARKS:
            word = _MARKED_WORD.match(stream, i + 1)
            token = word.group(0).rstrip(_TRAILING_PUNCT) if word else ""
            if token:
                marks.append((ch, token))
            i += 1
        else:
            buf.append(ch)
            i += 1
    if len(results) != expected or "".join(buf).strip():
        return None
    return results


def _drop_inserted_period(buf: list[str]) -> None:
    while buf and buf[-1] == "":
        buf.pop()
    if buf and buf[-1] == ".":
        buf.pop()


def _tidy(text: str) -> str:
    return re.sub(r"[ \t]{2,}", " ", text).strip()
