"""Segment checks, table-driven: a source, a target, the rule ids expected (and only those)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.checks.numbers import cjk_values, compare
from mtcheck.checks.segments import SegmentContext, run_segment_checks
from mtcheck.config import Settings
from mtcheck.read.units import InlineCode, Segment, code_char

X1 = InlineCode("x", "1", "standalone", "<x1/>")
G_OPEN, G_CLOSE = InlineCode("g", "2", "open", "<g2>"), InlineCode("g", "2", "close", "</g2>")
SC, EC = InlineCode("sc", "3", "open", "<sc3>"), InlineCode("ec", "3", "close", "</ec3>")


def _rules(
    source: str,
    target: str | None,
    pair: tuple[str, str] = ("en", "de"),
    *,
    codes: tuple[tuple[InlineCode, ...], tuple[InlineCode, ...]] = ((), ()),
    extras: dict | None = None,  # type: ignore[type-arg]
    only: tuple[str, ...] | None = None,
) -> list[str]:
    segment = Segment("u1", "u1", source, target, codes[0], codes[1])
    ctx = SegmentContext((segment,), pair[0], pair[1], Settings(), extras or {})
    return sorted(f.rule_id for f in run_segment_checks(ctx, only))


CASES = [
    # numbers (info: measured, docs/quality.md)
    ("Costs 14.5 euros.", "Kostet 145 Euro.", ("en", "de"), ["MT-SEG-NUMBER-EXTRA", "MT-SEG-NUMBER-MISSING"]),
    ("Costs 14.5 euros.", "Kostet 14,5 Euro.", ("en", "de"), []),
    ("1,200 metres.", "1.200 Meter.", ("en", "de"), []),
    ("三千人参加。", "3,000 people took part.", ("zh", "en"), []),
    ("约1.5万人。", "About 15,000 people.", ("zh", "en"), []),
    ("约1.5万人。", "About 1,500 people.", ("zh", "en"), ["MT-SEG-NUMBER-EXTRA", "MT-SEG-NUMBER-MISSING"]),
    # names and Latin tokens
    ("Buy the iPhone at NATO HQ.", "Kaufen Sie das Telefon im Hauptquartier.", ("en", "de"), ["MT-SEG-NAME"]),
    ("苹果发布iPhone。", "Apple released the iPhone.", ("zh", "en"), []),
    ("苹果发布iPhone。", "Apple released a phone.", ("zh", "en"), ["MT-SEG-NAME"]),
    # links and e-mail
    ("See https://example.org/a.", "Siehe https://example.org/a.", ("en", "de"), []),
    ("Mail help@example.org.", "Schreiben Sie uns.", ("en", "de"), ["MT-SEG-URL-MISSING"]),
    (
        "See https://example.org/a.",
        "Siehe https://example.org/b.",
        ("en", "de"),
        ["MT-SEG-URL-EXTRA", "MT-SEG-URL-MISSING"],
    ),
    # placeholders
    ("%d files of %s", "%d Dateien von %s", ("en", "de"), []),
    ("%d files of %s", "%s Dateien von %d", ("en", "de"), ["MT-SEG-PLACEHOLDER-ORDER"]),
    ("%1$s of %2$s", "%2$s von %1$s", ("en", "de"), []),
    ("Hello {name}!", "Hallo {Name}!", ("en", "de"), ["MT-SEG-PLACEHOLDER-EXTRA", "MT-SEG-PLACEHOLDER-MISSING"]),
    ("%(count)d files", "%(count)d Dateien", ("en", "de"), []),
    ("{n, plural, one {# file} other {# files}}", "{n, plural, one {# Datei} other {# Dateien}}", ("en", "de"), []),
    ("50% of users", "50 % der Nutzer", ("en", "de"), []),
    # whitespace and end punctuation
    (" Close", "Schließen", ("en", "de"), ["MT-SEG-WHITESPACE"]),
    ("Close ", "Schließen ", ("en", "de"), []),
    ("Is it open?", "Ist es offen.", ("en", "de"), ["MT-SEG-END-PUNCTUATION"]),
    ("它开着吗？", "Is it open?", ("zh", "en"), []),
    ("Done.", "Fertig  jetzt.", ("en", "de"), ["MT-SEG-DOUBLE-SPACE"]),
    # untranslated
    ("Open the file now", "Open the file now", ("en", "de"), ["MT-SEG-UNTRANSLATED"]),
    ("Open the big file now please", "Open the big file jetzt please", ("en", "de"), ["MT-SEG-UNTRANSLATED"]),
    ("Open", None, ("en", "de"), ["MT-SEG-EMPTY-TARGET"]),
    ("OK", "OK", ("en", "de"), []),
    # source script
    ("新闻发布会", "The 新闻 conference", ("zh", "en"), ["MT-SEG-SOURCE-SCRIPT"]),
    ("Новости дня.", "News of the day.", ("ru", "en"), []),
]


@pytest.mark.parametrize(("source", "target", "pair", "expected"), CASES)
def test_segment_checks(source: str, target: str | None, pair: tuple[str, str], expected: list[str]) -> None:
    skip = ("length", "consistency")  # file-level checks, tested below
    from mtcheck.checks.segments import SEGMENT_CHECKS

    assert _rules(source, target, pair, only=tuple(n for n in SEGMENT_CHECKS if n not in skip)) == expected


def test_target_in_the_source_language_is_untranslated() -> None:
    source = "The committee will publish its final report on the new railway line next spring."
    target = "The committee is going to publish the last report about the railway next year in spring."
    assert _rules(source, target, only=("untranslated",)) == ["MT-SEG-SOURCE-LANGUAGE"]


def test_inline_codes_count_order_and_pairing() -> None:
    c = [code_char(i) for i in range(4)]
    source_codes = (X1, G_OPEN, G_CLOSE)
    same = f"A{c[0]} {c[1]}b{c[2]}"
    assert _rules(same, same, codes=(source_codes, source_codes), only=("tags",)) == []
    assert _rules(same, f"A {c[0]}b{c[1]}", codes=(source_codes, (G_OPEN, G_CLOSE)), only=("tags",)) == [
        "MT-SEG-TAG-MISSING"
    ]
    reordered = f"{c[0]}b{c[1]} A{c[2]}"
    assert _rules(same, reordered, codes=(source_codes, (G_OPEN, G_CLOSE, X1)), only=("tags",)) == ["MT-SEG-TAG-ORDER"]
    # <sc3/> without its <ec3/>, and an extra <x1/>
    rules = _rules(f"{c[0]}b{c[1]}", f"{c[0]}b{c[1]}", codes=((SC, EC), (SC, X1)), only=("tags",))
    assert rules == ["MT-SEG-TAG-EXTRA", "MT-SEG-TAG-MISSING", "MT-SEG-TAG-PAIRING"]
    # the closing code before the opening one
    assert _rules(f"{c[0]}b{c[1]}", f"{c[1]}b{c[0]}", codes=((SC, EC), (SC, EC)), only=("tags",)) == [
        "MT-SEG-TAG-ORDER",
        "MT-SEG-TAG-PAIRING",
        "MT-SEG-TAG-PAIRING",
    ]


def test_inconsistency_both_ways() -> None:
    segments = (
        Segment("1", "1", "Open the file.", "Datei öffnen."),
        Segment("2", "2", "Open the file.", "Öffnen Sie die Datei."),
        Segment("3", "3", "Open the file.", "Datei öffnen."),
        Segment("4", "4", "Open a file.", "Datei öffnen."),
    )
    ctx = SegmentContext(segments, "en", "de", Settings())
    found = sorted((f.rule_id, f.details["unit"]) for f in run_segment_checks(ctx, ("consistency",)))
    assert found == [("MT-SEG-INCONSISTENT-SOURCE", "4"), ("MT-SEG-INCONSISTENT-TARGET", "2")]


def test_length_ratio_outlier() -> None:
    normal = [
        Segment(str(i), str(i), f"This is the source sentence number {i}.", f"Das ist Quellsatz Nummer {i}.")
        for i in range(40)
    ]
    long = Segment("x", "x", "A short source sentence here.", "Ein sehr langer Zielsatz, " * 6)
    ctx = SegmentContext((*normal, long), "en", "de", Settings())
    found = [(f.rule_id, f.details["unit"]) for f in run_segment_checks(ctx, ("length",))]
    assert found == [("MT-SEG-LENGTH-RATIO", "x")]


def test_glossary_pairs_say_use_x_for_y(tmp_path: Path) -> None:
    from mtcheck.checks.glossary_file import load_glossary

    path = tmp_path / "terms.csv"
    path.write_text("en,de\nbridge,Brücke\nferry,Fähre|Fährschiff\n", encoding="utf-8")
    glossary = load_glossary(path)
    extras = {"glossary": glossary}
    assert _rules("The bridge closes.", "Die Brücke schließt.", extras=extras, only=("glossary",)) == []
    assert _rules("The bridges close.", "Die Brücken schließen.", extras=extras, only=("glossary",)) == []
    segment = Segment("u1", "u1", "Take the ferry.", "Nehmen Sie das Boot.")
    found = run_segment_checks(SegmentContext((segment,), "en", "de", Settings(), extras), ("glossary",))
    assert [f.rule_id for f in found] == ["MT-SEG-GLOSSARY"]
    assert found[0].message == "use 'Fähre' or 'Fährschiff' for 'ferry' (glossary)"


def test_severity_overrides_and_off() -> None:
    segment = Segment("u1", "u1", "Mail help@example.org.", "Schreiben Sie uns.")
    settings = Settings(severities=(("MT-SEG-URL-MISSING", "warning"), ("MT-SEG-END-PUNCTUATION", "off")))
    found = run_segment_checks(SegmentContext((segment,), "en", "de", settings))
    assert [(f.rule_id, f.severity) for f in found] == [("MT-SEG-URL-MISSING", "warning")]


def test_translate_no_is_skipped() -> None:
    segment = Segment("u1", "u1", "Mail help@example.org.", "Schreiben Sie uns.", translate=False)
    assert run_segment_checks(SegmentContext((segment,), "en", "de", Settings())) == []


@pytest.mark.parametrize(
    ("run", "values"),
    [
        ("三千", {3000.0}),
        ("一万二千", {12000.0}),
        ("二〇二三", {2023.0, 2.0, 0.0, 3.0}),
        ("一万六七千", {16000.0, 17000.0}),
    ],
)
def test_cjk_numerals(run: str, values: set[float]) -> None:
    assert values <= cjk_values(run)


@pytest.mark.parametrize(
    ("source", "src", "target", "tgt", "missing", "extra"),
    [
        ("14,5 millones", "es", "145 million", "en", ["14,5"], ["145"]),
        ("1.200 metros", "es", "12.00 metres", "en", ["1.200"], ["12.00"]),
        ("1.200 metros", "es", "1,200 metres", "en", [], []),
        ("315.1亿美元", "zh", "$31.51 billion", "en", [], []),
        ("1200万至1400万", "zh", "12 to 14 million", "en", [], []),
        ("上世纪80年代", "zh", "the 1980s", "en", [], []),
        ("新冠疫情", "zh", "the COVID-19 pandemic", "en", [], []),
        ("3名学生", "zh", "three students", "en", [], []),
        ("2023年3月5日", "zh", "March 5, 2023", "en", [], []),
        ("3 000 km", "fr", "3,000 km", "en", [], []),
    ],
)
def test_numbers_by_value(source: str, src: str, target: str, tgt: str, missing: list[str], extra: list[str]) -> None:
    lost, added = compare(source, src, target, tgt)
    assert ([n.text for n in lost], [n.text for n in added]) == (missing, extra)
