"""Numbers in two languages compared by value: locale-aware separators, scale words, CJK numerals."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Languages that write a decimal comma (14,5) and group thousands with dots or spaces (1.200 / 1 200).
_COMMA_LANGUAGES = "af az be bg bs ca cs da de el es et eu fi fo fr gl hr hu hy id is it ka kk ky lt lv mk mn nb nl"
DECIMAL_COMMA = frozenset(f"{_COMMA_LANGUAGES} nn no pl pt ro ru sk sl sq sr sv tr uk uz vi".split(" "))
_GROUP_SEPS = ".,\u00a0\u202f '’"
NUMBER = re.compile(
    r"(?<![\d.,])(?:\d{1,3}(?P<sep>[.,\u00a0\u202f '’])\d{3}(?:(?P=sep)\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!\d)"
)
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")  # ，and 。 are punctuation, not separators
SCALES = {
    "hundred": 100, "hundreds": 100, "thousand": 1e3, "thousands": 1e3, "k": 1e3, "mil": 1e3, "mille": 1e3,
    "tausend": 1e3, "million": 1e6, "millions": 1e6, "mln": 1e6, "m": 1e6, "mio": 1e6, "millionen": 1e6,
    "millón": 1e6, "millones": 1e6, "milioni": 1e6, "milione": 1e6, "milhões": 1e6, "milhão": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9,
    "milliard": 1e9, "milliards": 1e9, "miliardi": 1e9, "trillion": 1e12, "trillions": 1e12,
    "百": 100, "千": 1e3, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12, "만": 1e4, "억": 1e8, "천": 1e3,
}  # fmt: skip
_SCALE_AFTER = re.compile(r"\s?(?:[余多几来來]?(?P<cjk>[百千万萬亿億兆만억천])|(?P<word>[A-Za-zÀ-ÿ]+)\b)")
# "12 to 14 million", "4-6 billion": the first number of a range shares the scale of the second.
_RANGE = re.compile(r"\s*(?:to|-|–|—|~|and|or|至|到|bis|a|à)\s*$", re.IGNORECASE)
# A number glued to letters (COVID-19, G20, F-35, Hwasong-17) is part of a name: it may match, never counts.
_NAME_BEFORE = re.compile(r"[A-Za-z]-?$")
# A list number at the start ("1. ", "2) ", "3、"): translations often drop or restyle it.
_LIST_NUMBER = re.compile(r"\s*\d{1,2}\s*[.)、．]\s")
# Words that stand for numbers: they may match a digit on the other side but are never reported missing.
WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9,
    "dozen": 12, "twice": 2, "double": 2, "half": 0.5, "first": 1, "second": 2, "third": 3, "fourth": 4,
    "twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "tenfold": 10, "hundredfold": 100,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "single": 1, "once": 1,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "huit": 8, "neuf": 9, "dix": 10,
}  # fmt: skip
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)?")
_WORD_KEYS = frozenset(WORDS) | frozenset(SCALES)
CJK_DIGITS = dict(zip("零〇一二两兩三四五六七八九", (0, 0, 1, 2, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
CJK_PAIRS = {"双": 2, "雙": 2}  # "double", "a pair of"
CJK_UNITS = {"十": 10, "百": 100, "千": 1000}
CJK_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_CJK_RUN = re.compile(r"[零〇一二两兩双雙三四五六七八九十百千万萬亿億]+")
# Runs that read as numerals but are words ("must", "in case", "very").
_HAS_CJK = re.compile(r"[\u3000-\u9fff\uac00-\ud7af]")
CJK_WORDS = ("千万", "万一", "十分", "万万", "一一", "千千万万", "万千", "百万富翁", "一二", "十一五", "十二五", "九九")
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th|er|e|º|ª|°)?\b", re.IGNORECASE)


@dataclass(frozen=True)
class Number:
    """A number found in a text: its span, the values it may stand for, and whether it is a word."""

    text: str
    start: int
    end: int
    values: frozenset[float]
    soft: bool = False  # a number word or a CJK numeral: may match, never reported missing or extra

    def matches(self, other: Number) -> bool:
        return bool(self.values & other.values)


def _round(value: float) -> float:
    return float(f"{value:.9g}")  # 315.1 x 1e8 and 31.51 x 1e9 must compare equal


def _token_values(token: str, sep: str | None, language: str) -> set[float]:
    """The value of a digit token as the language writes numbers (1.200 is 1200 in es, 1.2 in en)."""
    comma_decimal = language in DECIMAL_COMMA
    values: set[float] = set()
    if sep is not None:
        groups = re.split(r"[.,\u00a0\u202f '’]", token)
        integer_part = token
        decimal = ""
        # the grouped part ends where a different separator introduces decimals
        match = re.match(rf"(\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+)(?:([.,])(\d+))?$", token)
        if match:
            integer_part, decimal = match.group(1), match.group(3) or ""
        grouped = float(integer_part.replace(sep, "") + ("." + decimal if decimal else ""))
        # 1.200 or 1,200: the language decides whether the separator is a decimal mark
        if len(groups) == 2 and not decimal and sep in ".," and (sep == ",") == comma_decimal:
            return {_round(float(token.replace(sep, ".")))}
        values.add(grouped)
        return {_round(v) for v in values}
    if "," in token or "." in token:
        mark = "," if "," in token else "."
        whole, frac = token.split(mark, 1)
        if (mark == ",") == comma_decimal or len(frac) != 3:
            values.add(float(f"{whole}.{frac}"))
        else:
            values.add(float(whole + frac))
        return {_round(v) for v in values}
    return {_round(float(token))}


def cjk_values(text: str) -> set[float]:
    """What a run of CJK numerals may stand for: 三千 -> 3000; 二〇二三 -> 2023 (digit by digit, as years are
    written); 一万六七千 (sixteen or seventeen thousand) -> both; 三四 -> 34, 3 or 4."""
    values: set[float] = set()
    if len(text) == 1:  # one character: 百人 (a hundred people), 第一 (first), 双 (double)
        single = CJK_DIGITS.get(text) or CJK_PAIRS.get(text) or CJK_UNITS.get(text) or CJK_BIG.get(text)
        return {float(single)} if single is not None else set()
    if not any(ch in CJK_UNITS or ch in CJK_BIG for ch in text):
        digits = "".join(str(CJK_DIGITS[ch]) for ch in text if ch in CJK_DIGITS)
        if len(digits) == len(text):
            values.add(float(digits))
            values.update(float(d) for d in digits)
        return values
    value = cjk_numeral(text)
    if value is not None:
        return {value}
    for i in range(len(text) - 1):  # two digits in a row: an approximation, "six or seven thousand"
        if text[i] in CJK_DIGITS and text[i + 1] in CJK_DIGITS:
            for variant in (text[:i] + text[i + 1 :], text[: i + 1] + text[i + 2 :]):
                found = cjk_numeral(variant)
                if found is not None:
                    values.add(found)
    return values


def cjk_numeral(text: str) -> float | None:
    """三千 -> 3000, 一万二千 -> 12000, 二十五 -> 25; None when the run is not one number (三四, 五六十)."""
    total, section, digit = 0, 0, None
    previous_digit = False
    for ch in text:
        if ch in CJK_DIGITS:
            if previous_digit:
                return None  # two digits in a row: a range or a list, not a number
            digit, previous_digit = CJK_DIGITS[ch], True
        elif ch in CJK_UNITS:
            section += (digit if digit is not None else 1) * CJK_UNITS[ch]
            digit, previous_digit = None, False
        elif ch in CJK_BIG:
            section += digit or 0
            total += (section or 1) * CJK_BIG[ch]
            section, digit, previous_digit = 0, None, False
        else:
            return None
    return float(total + section + (digit or 0))


def extract(text: str, language: str) -> list[Number]:
    """Every number in text: digits (read as the language writes them), scale words, number words, CJK numerals."""
    base = language.split("-")[0].lower()
    scan = text.translate(_FULLWIDTH)
    found: list[Number] = []
    scales: list[float | None] = []
    listed = _LIST_NUMBER.match(scan)
    for m in NUMBER.finditer(scan):
        soft = bool(_NAME_BEFORE.search(scan[max(0, m.start() - 2) : m.start()])) or (
            listed is not None and m.end() <= listed.end()
        )
        values = _token_values(m.group(), m.group("sep"), base)
        end = m.end()
        scale = _SCALE_AFTER.match(scan, end)
        factor = None
        if scale:
            word = (scale.group("cjk") or scale.group("word") or "").lower()
            if word in SCALES and (scale.group("cjk") or len(word) > 1 or scan[end : end + 1] != " "):
                factor = SCALES[word]
                values |= {_round(v * factor) for v in values}
        if m.group().isdigit() and len(m.group()) == 4 and 1900 <= int(m.group()) < 2100:
            values.add(float(int(m.group()) % 100))  # the 1980s: 80年代, '80s
        found.append(Number(m.group(), m.start(), m.end(), frozenset(values), soft=soft))
        scales.append(factor)
    for k in range(len(found) - 1):
        first, second, factor = found[k], found[k + 1], scales[k + 1]
        if factor and scales[k] is None and _RANGE.search(scan[first.end : second.start]):
            found[k] = Number(
                first.text, first.start, first.end, first.values | {_round(v * factor) for v in first.values}
            )
    for m in _CJK_RUN.finditer(scan) if _HAS_CJK.search(scan) else ():
        run = m.group()
        if any(word in run for word in CJK_WORDS):
            continue
        values = cjk_values(run)
        scale = _SCALE_AFTER.match(scan, m.end())
        if values and scale and scale.group("cjk"):
            values |= {v * SCALES[scale.group("cjk")] for v in values}
        if values:
            found.append(Number(run, m.start(), m.end(), frozenset(_round(v) for v in values), soft=True))
    words = _WORD.findall(scan)
    lowered = {w.lower() for w in words}
    if lowered.isdisjoint(_WORD_KEYS) and not any("-" in w for w in lowered):
        return sorted(found, key=lambda n: n.start)
    for m in _WORD.finditer(scan):
        word = m.group().lower()
        value = WORDS.get(word)
        if value is None and "-" in word:
            tens, _, unit = word.partition("-")
            if tens in WORDS and unit in WORDS and WORDS[tens] >= 20 and WORDS[unit] < 10:
                value = WORDS[tens] + WORDS[unit]
        if value is not None:
            values = {float(value)}
            scale = _SCALE_AFTER.match(scan, m.end())
            word = (scale.group("word") or "").lower() if scale else ""
            if word in SCALES and len(word) > 1:
                values.add(value * SCALES[word])
            found.append(Number(m.group(), m.start(), m.end(), frozenset(_round(v) for v in values), soft=True))
    return sorted(found, key=lambda n: n.start)


def compare(source: str, source_language: str, target: str, target_language: str) -> tuple[list[Number], list[Number]]:
    """(source numbers missing from the target, target numbers not in the source).

    A number counts as present when any number on the other side may stand for the same value (how often
    is not compared: a figure repeated or summarised is not an error); number words and CJK numerals may
    match but are never reported themselves.
    """
    src = extract(source, source_language)
    tgt = extract(target, target_language)
    return _unmatched(src, tgt), _unmatched(tgt, src)


def _unmatched(side: Iterable[Number], other: list[Number]) -> list[Number]:
    values = frozenset(v for o in other for v in o.values)
    return [n for n in side if not n.soft and not n.values & values]
