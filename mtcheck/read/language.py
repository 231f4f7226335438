"""Language identification with langdetect: seeded, bounded in cost, never raising on odd text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mtcheck.read import profile_cache

# Longer texts are cut: langdetect's cost grows with length and a few thousand characters decide it.
MAX_DOCUMENT_CHARS = 2000
MAX_PARAGRAPH_CHARS = 250
MIN_PARAGRAPH_CHARS = 40
MAX_PARAGRAPHS = 8
# langdetect averages 7 random trials per call; paragraphs are short and many, 3 trials keep them cheap.
PARAGRAPH_TRIALS = 3
_LETTERS = re.compile(r"[^\W\d_]")
_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|`[^`]*`|<[^>]{0,300}>")
# langdetect's codes for Chinese, spelled as BCP 47 script subtags.
_CODES = {"zh-cn": "zh", "zh-tw": "zh-Hant"}

# The langdetect releases whose internals _load_profiles and _fast_detector copy, checked bit for bit against
# langdetect's own code (tests/unit/test_detect_fast_paths.py). Any other release runs langdetect's own loader
# and Detector: slower, but its results are langdetect's whatever its internals became.
VERIFIED_LANGDETECT = frozenset({"1.0.9"})

_profiles: Any = None
_fast: bool | None = None


def _fast_path() -> bool:
    """Whether the installed langdetect is a release the quick loader and Detector were checked against."""
    global _fast
    if _fast is None:
        _fast = _langdetect_version() in VERIFIED_LANGDETECT
    return _fast


def _langdetect_version() -> str | None:
    """The installed langdetect's version, from the one dist-info folder beside the imported package (a short
    file), else from importlib.metadata (whose import alone costs more than the rest of a one-line run)."""
    import os

    import langdetect

    site = os.path.dirname(os.path.dirname(os.path.abspath(langdetect.__file__)))
    try:
        found = [n for n in os.listdir(site) if n.lower().startswith("langdetect-") and n.endswith(".dist-info")]
    except OSError:
        found = []
    if len(found) == 1:
        try:
            with open(os.path.join(site, found[0], "METADATA"), encoding="utf-8") as f:
                for line in f:
                    if line.startswith("Version:"):
                        return line.partition(":")[2].strip()
                    if not line.strip():  # the headers end at the first blank line
                        break
        except (OSError, UnicodeDecodeError):
            pass
    from importlib import metadata

    try:
        return metadata.version("langdetect")
    except metadata.PackageNotFoundError:
        return None


def _factory() -> Any:
    """langdetect's profiles (loaded once), as the object a Detector reads them from."""
    global _profiles
    if _profiles is None:
        from langdetect import DetectorFactory, detector_factory

        DetectorFactory.seed = 0  # deterministic results run after run
        if _fast_path():
            _profiles = _load_profiles(detector_factory.PROFILES_DIRECTORY)
        else:
            factory = DetectorFactory()
            factory.load_profile(detector_factory.PROFILES_DIRECTORY)
            _profiles = factory
    return _profiles


class _Table:
    """langdetect's n-gram -> per-language probability table, each row built the first time it is read.

    DetectorFactory.add_profile builds all 87,000 rows of 55 floats up front; a run reads a few thousand.
    Each row holds the same floats (`1.0 * count / n_words[len - 1]` at the profile's index), so every
    detection is unchanged.
    """

    def __init__(self, profiles: list[tuple[dict[str, int], list[int]]], size: int) -> None:
        self._profiles = profiles
        self._size = size
        self._known = _Known(freq for freq, _ in profiles)
        self._rows: dict[str, list[float]] = {}

    @property
    def known(self) -> _Known:
        """n-gram -> whether a profile holds it (`known[w]` is `w in` the union of the profiles' n-grams)."""
        return self._known

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._known[word]

    def __getitem__(self, word: str) -> list[float]:
        row = self._rows.get(word)
        if row is None:
            if not self._known[word]:
                raise KeyError(word)
            row = [0.0] * self._size
            if 1 <= len(word) <= 3:
                for index, (freq, n_words) in enumerate(self._profiles):
                    count = freq.get(word)
                    if count is not None:
                        row[index] = 1.0 * count / n_words[len(word) - 1]
            self._rows[word] = row
        return row


class _Known(dict[str, bool]):
    """n-gram -> whether any profile holds it, looked up the first time it is asked: the union of the 55 profiles'
    184,000 n-grams took longer to build than a run's few thousand look-ups."""

    def __init__(self, freqs: Iterable[dict[str, int]]) -> None:
        super().__init__()
        self._freqs = list(freqs)

    def __missing__(self, word: str) -> bool:
        found = self[word] = any(word in freq for freq in self._freqs)
        return found


class _CachedTable(_Table):
    """_Table over the profiles read from profile_cache: the same rows, from each n-gram's (index, count) pairs."""

    def __init__(self, counts: profile_cache.Profiles, n_words: list[list[int]], size: int) -> None:
        self._counts = counts
        self._n_words = n_words
        self._size = size
        self._known = _CachedKnown(counts)
        self._rows = {}

    def __getitem__(self, word: str) -> list[float]:
        row = self._rows.get(word)
        if row is None:
            pairs = self._counts.counts(word)
            if pairs is None and not dict.get(self._known, word):
                raise KeyError(word)
            row = [0.0] * self._size  # all zero for an n-gram only a crafted file held, found out after it was read
            pairs = pairs or ()
            if 1 <= len(word) <= 3:
                n_words = self._n_words
                for i in range(0, len(pairs), 2):
                    index = pairs[i]
                    row[index] = 1.0 * pairs[i + 1] / n_words[index][len(word) - 1]
            self._rows[word] = row
        return row


class _CachedKnown(_Known):
    """_Known over the profiles read from profile_cache."""

    def __init__(self, counts: profile_cache.Profiles) -> None:
        dict.__init__(self)
        self._counts = counts

    def __missing__(self, word: str) -> bool:
        found = self[word] = self._counts.counts(word) is not None
        return found


def _load_profiles(folder: str) -> Any:
    """What DetectorFactory.load_profile(folder) gives a Detector: the languages, the table, the seed.

    The same files in the same (os.listdir) order and the same indices as langdetect's own loader. The profiles
    come from mtcheck's copy of them (read/profile_cache.py) when it matches the installed ones; otherwise they
    are parsed from langdetect's JSON, and the copy is written for the next run.
    """
    import os
    from types import SimpleNamespace

    from langdetect import DetectorFactory
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException

    from mtcheck.read import profile_cache

    names = os.listdir(folder)
    if not names:
        raise LangDetectException(ErrorCode.NeedLoadProfileError, "Not found profile: " + folder)
    version = _langdetect_version()
    cached = profile_cache.read(folder, names, version, lambda: _parse_profiles(folder, names)[1])
    if cached is not None:
        cached_languages, n_words, counts = cached
        return SimpleNamespace(word_lang_prob_map=_CachedTable(counts, n_words, len(names)),
                               langlist=cached_languages, seed=DetectorFactory.seed)  # fmt: skip
    languages, profiles = _parse_profiles(folder, names)
    profile_cache.write(folder, names, version, languages, profiles)
    return SimpleNamespace(word_lang_prob_map=_Table(profiles, len(names)), langlist=languages,
                           seed=DetectorFactory.seed)  # fmt: skip


def _parse_profiles(folder: str, names: list[str]) -> tuple[list[str], list[tuple[dict[str, int], list[int]]]]:
    """The languages and (freq, n_words) of the JSON profiles `names` in `folder`, as langdetect's loader reads them."""
    import json
    import os

    from langdetect.lang_detect_exception import ErrorCode, LangDetectException

    languages: list[str] = []
    profiles: list[tuple[dict[str, int], list[int]]] = []
    for name in names:
        path = os.path.join(folder, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if data.get("name") in languages:
            raise LangDetectException(ErrorCode.DuplicateLangError, "Duplicate the same language profile.")
        languages.append(data.get("name"))
        profiles.append((data.get("freq") or {}, data.get("n_words")))
    return languages, profiles


class _Normal(dict[int, str]):
    """str.translate table: langdetect's NGram.normalize per character (NUL where it gives more than one)."""

    def __missing__(self, code: int) -> str:
        from langdetect.utils.ngram import NGram

        folded = NGram.normalize(chr(code))
        self[code] = folded if len(folded) == 1 and folded != "\x00" else "\x00"
        return self[code]


class _Upper(dict[int, str]):
    """str.translate table: "U" for an upper-case character, "." for any other."""

    def __missing__(self, code: int) -> str:
        self[code] = "U" if chr(code).isupper() else "."
        return self[code]


_NORMAL = _Normal()
_UPPER = _Upper()
_SPACES = re.compile(" {2,}")


def _fast_detector() -> Any:
    """langdetect's Detector with its loops written for speed; its results are the original's, bit for bit.

    `append` collapses runs of spaces with one regex; `_extract_ngrams` keeps NGram.add_char's rules (capital
    words skipped, a space resets the buffer) over the text normalised with one str.translate;
    `_detect_block` draws the same random numbers in the same order and does the same float operations on
    each language's probability in the same order, five updates per list comprehension (the original
    checks convergence every fifth update).
    """
    global _FastDetector
    if _FastDetector is not None:
        return _FastDetector
    from langdetect.detector import Detector
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException
    from langdetect.utils.ngram import NGram

    class FastDetector(Detector):  # type: ignore[misc]
        def append(self, text: str) -> None:
            text = NGram.normalize_vi(self.MAIL_RE.sub(" ", self.URL_RE.sub(" ", text)))
            self.text += _SPACES.sub(" ", text[: self.max_text_length])  # a run of spaces kept as one

        def _extract_ngrams(self) -> list[str]:
            text = self.text.translate(_NORMAL)
            if "\x00" in text:  # a character langdetect normalises to more than one: its own loop
                return list(super()._extract_ngrams())
            upper = text.translate(_UPPER)
            table = self.word_lang_prob_map
            has: Any = table.known.__getitem__ if isinstance(table, _Table) else table.__contains__  # membership
            result: list[str] = []
            append = result.append
            pos, size = 0, len(text)
            for word in text.split(" "):
                # NGram.add_char after a space: the buffer holds up to 3 of " " + word; an upper-case letter
                # after another adds nothing; the space after the word ends it ("d " and "rd ").
                k = len(word)
                if k:
                    padded = " " + word + " "
                    caps = upper[pos : pos + k]
                    skip = {j for j in range(2, k + 1) if caps[j - 2 : j] == "UU"} if "UU" in caps else ()
                    for j in range(1, k + 1):
                        if j in skip:
                            continue
                        g = padded[j]
                        if has(g):
                            append(g)
                        g = padded[j - 1 : j + 1]
                        if has(g):
                            append(g)
                        if j >= 2:
                            g = padded[j - 2 : j + 1]
                            if has(g):
                                append(g)
                    if pos + k < size:
                        g = padded[k : k + 2]
                        if has(g):
                            append(g)
                        g = padded[k - 1 : k + 2]
                        if has(g):
                            append(g)
                pos += k + 1
            return result

        def _detect_block(self) -> None:
            self.cleaning_text()
            ngrams = self._extract_ngrams()
            if not ngrams:
                raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
            table = self.word_lang_prob_map
            self.langprob = [0.0] * len(self.langlist)
            self.random.seed(self.seed)
            choice, gauss = self.random.choice, self.random.gauss
            for _ in range(self.n_trial):
                prob = self._init_probability()
                alpha = self.alpha + gauss(0.0, 1.0) * self.ALPHA_WIDTH
                w = alpha / self.BASE_FREQ
                # Update 0, then updates 1-5, 6-10, ...: the original normalises and checks convergence when
                # i % 5 == 0. Its normalised values p / total are divided out at the next update (or at the
                # end); the largest of them is max(p) / total, since division by a positive number keeps order.
                prob = [p * (w + q) for p, q in zip(prob, table[choice(ngrams)], strict=False)]
                total = sum(prob)
                i = 0
                while not (max(prob) / total > self.CONV_THRESHOLD or i >= self.ITERATION_LIMIT):
                    r1, r2, r3 = table[choice(ngrams)], table[choice(ngrams)], table[choice(ngrams)]
                    r4, r5 = table[choice(ngrams)], table[choice(ngrams)]
                    prob = [  # evaluated left to right: one update after the other, as the original does
                        p / total * (w + q1) * (w + q2) * (w + q3) * (w + q4) * (w + q5)
                        for p, q1, q2, q3, q4, q5 in zip(prob, r1, r2, r3, r4, r5, strict=False)
                    ]
                    i += 5
                    total = sum(prob)
                prob = [p / total for p in prob]
                for j in range(len(self.langprob)):
                    self.langprob[j] += prob[j] / self.n_trial

    _FastDetector = FastDetector
    return FastDetector


_FastDetector: Any = None


def _detector() -> Any:
    """The Detector class to run: the quick one on a checked langdetect release, langdetect's own on any other."""
    if _fast_path():
        return _fast_detector()
    from langdetect.detector import Detector

    return Detector


def _clean(text: str, limit: int) -> str:
    return _NOISE.sub(" ", text[: limit * 2])[:limit]


def detect_language_probabilities(
    text: str, *, limit: int = MAX_DOCUMENT_CHARS, trials: int | None = None
) -> list[tuple[str, float]]:
    """Candidate languages with probabilities, best first; empty for text without letters."""
    sample = _clean(text, limit)
    if len(_LETTERS.findall(sample)) < 3:
        return []
    return list(_probabilities(sample, trials))


@lru_cache(maxsize=4096)  # seeded: the same sample always gives the same answer (pages repeat paragraphs)
def _probabilities(sample: str, trials: int | None) -> tuple[tuple[str, float], ...]:
    factory = _factory()
    from langdetect.lang_detect_exception import LangDetectException

    try:
        detector = _detector()(factory)  # what detect_langs() does, with a trial count
        if trials is not None:
            detector.n_trial = trials
        detector.append(sample)
        found = detector.get_probabilities()
    except LangDetectException:
        return ()
    return tuple((_CODES.get(c.lang, c.lang), float(c.prob)) for c in found)


def detect_language(text: str, *, limit: int = MAX_DOCUMENT_CHARS) -> str | None:
    """The language code of `text` (e.g. "en", "zh", "zh-Hant"), or None when it cannot be told."""
    found = detect_language_probabilities(text, limit=limit)
    return found[0][0] if found else None


# Where a paragraph can end: after a non-space character, before a blank line.
_PARAGRAPH_END = re.compile(r"(?<=\S)[ \t]*\n[ \t]*\n")
_NON_SPACE = re.compile(r"\S")


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def paragraph_ends(text: str) -> list[int]:
    """`[m.start() for m in _PARAGRAPH_END.finditer(text)]`, from the blank lines (a regex that starts with a
    look-behind is tried at every character; this one starts with a line break): each match is the spaces and tabs
    before a blank line's first line break, after a non-space character."""
    out = []
    for m in _BLANK_LINE.finditer(text):
        start = m.start()
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        if start > 0 and not text[start - 1].isspace():
            out.append(start)
    return out


def split_paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """Paragraph spans separated by blank lines (for texts that come without paragraph offsets).

    The spans of `re.finditer(r"\\S(?:.*?\\S)?(?=[ \\t]*\\n[ \\t]*\\n|\\s*\\Z)", text, re.DOTALL)`: each starts at
    a non-space character and ends at the first place after its second character where a paragraph can
    end (or at the text's last non-space character), found here from the blank lines instead of trying
    every character.
    """
    ends = paragraph_ends(text)
    last = len(text.rstrip())
    if last and (not ends or ends[-1] < last):
        ends.append(last)
    spans: list[tuple[int, int]] = []
    k = 0
    m = _NON_SPACE.search(text)
    while m is not None:
        start = m.start()
        while k < len(ends) and ends[k] < start + 2:  # the greedy `(?:.*?\S)?` takes a second character if it can
            k += 1
        end = ends[k] if k < len(ends) else start + 1
        spans.append((start, end))
        m = _NON_SPACE.search(text, end)
    return tuple(spans)


def _has_letters(text: str, start: int, end: int, count: int) -> bool:
    """Whether text[start:end] holds at least `count` letters (one regex call: anything else, then a letter,
    `count` times; `[\\W\\d_]` is exactly what `_LETTERS` does not match)."""
    return _letters(count).match(text, start, end) is not None


@lru_cache(maxsize=8)
def _letters(count: int) -> re.Pattern[str]:
    return re.compile(rf"(?:[\W\d_]*[^\W\d_]){{{count}}}")


def paragraph_languages(
    text: str,
    paragraphs: Sequence[tuple[int, int]] | None = None,
    *,
    min_chars: int = MIN_PARAGRAPH_CHARS,
    max_paragraphs: int = MAX_PARAGRAPHS,
    min_probability: float = 0.8,
) -> tuple[tuple[int, int, str], ...]:
    """(start, end, language) for paragraphs long enough to tell, at most `max_paragraphs` of them."""
    spans = list(paragraphs) if paragraphs else list(split_paragraphs(text))
    candidates = [(s, e) for s, e in spans if _has_letters(text, s, e, min_chars)]
    if len(candidates) > max_paragraphs:
        # Spread the sample over the whole document: untranslated bits hide anywhere.
        step = len(candidates) / max_paragraphs
        candidates = [candidates[int(i * step)] for i in range(max_paragraphs)]
    out: list[tuple[int, int, str]] = []
    for start, end in candidates:
        found = detect_language_probabilities(text[start:end], limit=MAX_PARAGRAPH_CHARS, trials=PARAGRAPH_TRIALS)
        if found and found[0][1] >= min_probability:
            out.append((start, end, found[0][0]))
    return tuple(out)


def main_language(paragraphs: Sequence[tuple[int, int, str]]) -> str | None:
    """The language most of the text is in, by characters, from per-paragraph results."""
    sizes: dict[str, int] = {}
    for start, end, lang in paragraphs:
        sizes[lang] = sizes.get(lang, 0) + end - start
    return max(sizes, key=lambda lang: sizes[lang]) if sizes else None
