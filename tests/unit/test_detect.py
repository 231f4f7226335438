"""detect(): evidence and offsets, positions, extraction, comments, metadata, confidence, renderings."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from mtcheck.detect import THRESHOLD, calibration, detect, detect_text, detection_to_dict, render_summary
from mtcheck.detect.normalize import build_view
from mtcheck.read.document import Document, Link

BODY = (
    "The city council met on Tuesday to discuss the new budget for public transport. "
    "Several members asked for more buses on the night lines and for cheaper monthly tickets. "
) * 4


def doc(text: str, **fields: object) -> Document:
    return Document(path="a.md", name="a", text=text, raw=fields.pop("raw", text), **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "engine"),
    [
        ("This article was automatically translated from Japanese to English by ChatGPT.", "ChatGPT"),
        ("Note: this page has been translated using Google-Translate.", "Google Translate"),
        ("Translated with DeepL Translator (free version), www.deepl.com", "DeepL"),
        ("This page was machine translated with GPT-4o.", "GPT-4o"),
        ("Dieser Beitrag wurde mit DeepL aus dem Englischen übersetzt.", "DeepL"),
        ("Bu dosya ChatGPT tarafından otomatik olarak çevrilmiştir.", "ChatGPT"),
        ("本页内容已由 AI 自动翻译。", "AI"),
        ("This article was machine translated.", None),
    ],
)
def test_engine_is_named(text: str, engine: str | None) -> None:
    assert detect_text(text).engine == engine


def test_engine_in_quotes_is_named() -> None:
    d = detect_text("Переведено сервисом «Яндекс Переводчик»")
    assert d.machine_translated and d.engine == "Yandex Translate"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("This article was automatically translated from Japanese to English by ChatGPT.", "ja"),
        ("Dieser Artikel wurde automatisch aus dem Englischen übersetzt.", "en"),
        ("Cette page a été traduite automatiquement depuis l'anglais.", "en"),
        ("Este problema conocido ha sido traducido automáticamente del inglés.", "en"),
        ("Ten dokument został przetłumaczony maszynowo z języka angielskiego.", "en"),
        ("Эта статья была переведена автоматически с английского.", "en"),
        ("この記事は英語から機械翻訳されています。", "en"),
        ("Dokumen ini diterjemahkan secara otomatis dari bahasa Inggris.", "en"),
        ("This article was machine translated.", None),
    ],
)
def test_source_language_is_read_from_the_disclaimer(text: str, source: str | None) -> None:
    assert detect_text(text).source_language == source


def test_original_url_and_inferred_source_language_come_from_the_link() -> None:
    text = "This article has been automatically translated.\nThe original article is [here](https://example.jp/ja/posts/42)."
    d = detect_text(text)
    assert d.original_url == "https://example.jp/ja/posts/42"
    assert d.source_language == "ja"


def test_original_url_from_document_links_skips_anchors_and_translators() -> None:
    text = "This article was machine translated by DeepL. Disclaimer. Read the original here.\n\n" + BODY
    start = text.index("Disclaimer")
    here = text.index("here")
    links = (Link(start, start + 10, "#mt-disclaimer"), Link(here, here + 4, "https://lemonde.fr/article/1"))
    d = detect(doc(text, links=links), language="en")
    assert d.original_url == "https://lemonde.fr/article/1"
    assert d.source_language == "fr"


def test_evidence_offsets_point_at_the_disclaimer_in_the_text() -> None:
    disclaimer = "This article was machine translated from German."
    text = BODY + "\n\n" + disclaimer
    d = detect(doc(text), language="en")
    best = max(d.evidence, key=lambda e: e.weight)
    assert best.start is not None and best.end is not None
    assert text[best.start : best.end].startswith("This article was machine translated")
    assert best.position == "bottom"
    assert best.kind == "disclaimer"


def test_offsets_survive_markup_and_wide_characters() -> None:
    text = "<p>Intro ＡＢＣ</p>\n> **This  page** was\nauto‑translated."
    d = detect_text(text)
    best = max(d.evidence, key=lambda e: e.weight)
    assert best.start is not None and best.end is not None
    assert "auto‑translated" in text[best.start : best.end]


def test_concept_evidence_offsets_point_into_the_text() -> None:
    text = "Intro paragraph about bridges.\n\nQuesta pagina è stata tradotta da { $a } a { $b }\n"
    detection = detect_text(text)
    found = [e for e in detection.evidence if e.weight >= 0.5]
    assert found and found[0].start is not None and found[0].end is not None
    assert text[found[0].start : found[0].end].startswith("Questa pagina")


def test_placeholders_do_not_reach_the_evidence_offsets() -> None:
    text = "Intro.\n\nThis article was translated from ${from} to ${to} by a translation engine."
    d = detect_text(text)
    strong = [e for e in d.evidence if e.weight >= 0.5]
    assert strong and strong[0].start is not None and strong[0].end is not None
    assert text[strong[0].start : strong[0].end].startswith("This article was translated from ${from}")


@pytest.mark.parametrize(
    ("where", "position"),
    [("top", "top"), ("bottom", "bottom"), ("middle", "body")],
)
def test_position_of_a_banner(where: str, position: str) -> None:
    banner = "This post was automatically translated."
    paragraphs = [BODY] * 6
    index = {"top": 0, "bottom": len(paragraphs), "middle": 3}[where]
    paragraphs.insert(index, banner)
    text = "\n\n".join(paragraphs)
    d = detect(doc(text), language="en")
    hit = next(e for e in d.evidence if e.kind == "disclaimer")
    assert hit.position == position


def test_full_disclaimer_at_the_top_is_stronger_than_a_badge_in_the_body() -> None:
    top = detect(doc("This article was machine translated from German.\n\n" + BODY * 2), language="en")
    badge = detect(doc(BODY + "\n\nMachine translation\n\n" + BODY), language="en")
    mention = detect(doc(BODY + " Many sites use machine translation for their archives. " + BODY), language="en")
    assert top.confidence > badge.confidence > mention.confidence
    assert top.machine_translated and badge.machine_translated and not mention.machine_translated


def test_hidden_disclaimer_in_a_comment_is_found() -> None:
    text = "<p>Body of the article.</p>"
    d = detect(doc(text, raw="<!-- This article was automatically translated by DeepL -->" + text,
                   comments=("This article was automatically translated by DeepL",)), language="en")  # fmt: skip
    assert d.machine_translated
    assert d.evidence[0].kind == "html_comment"
    assert d.engine == "DeepL"


def test_comment_in_a_raw_string_is_found_and_located() -> None:
    text = "<!-- machine translated by DeepL -->\n<p>Hello world, this is the article.</p>"
    d = detect_text(text)
    ev = next(e for e in d.evidence if e.kind == "html_comment")
    assert ev.start is not None and "machine translated" in text[ev.start : ev.end]


@pytest.mark.parametrize(
    ("metadata", "flagged"),
    [
        ({"machine_translated": "true"}, True),
        ({"auto-translated": "yes"}, True),
        ({"translation_engine": "deepl"}, True),
        ({"description": "Automatisch übersetzt aus dem Englischen."}, True),
        ({"title": "Machine translation in 2024: a review", "description": "How MT is used by newsrooms."}, False),
        ({"machine_translated": "false"}, False),
    ],
)
def test_metadata(metadata: dict[str, str], flagged: bool) -> None:
    d = detect(doc(BODY, metadata=metadata), language="en")
    assert d.machine_translated is flagged


def test_article_about_machine_translation_is_not_flagged_even_with_a_heading() -> None:
    text = "\n\n".join([
        "Machine translation",
        "Machine translation systems such as DeepL or Google Translate now handle dozens of languages.",
        "Researchers compare machine-translated text with human translations to measure quality.",
        "Many publishers use machine translation for archives, but editors still review the output.",
        BODY,
    ])  # fmt: skip
    assert not detect(doc(text), language="en").machine_translated


def test_untranslated_fragment_is_reported() -> None:
    german = (
        "Die Stadtverwaltung hat am Dienstag beschlossen, die Preise für Monatskarten im nächsten Jahr "
        "deutlich zu senken und mehr Busse in den Nachtstunden fahren zu lassen."
    )
    text = "\n\n".join([BODY, BODY, german, BODY, BODY])
    d = detect(doc(text))
    assert d.language == "en"
    frags = [e for e in d.evidence if e.kind == "fragment"]
    assert len(frags) == 1 and frags[0].language == "de"
    assert text[frags[0].start : frags[0].end] == german
    assert not d.machine_translated  # a fragment alone is weak evidence
    assert any(lang == "de" for _, _, lang in d.paragraph_languages)


def test_fragment_suggests_the_source_language_when_flagged() -> None:
    german = (
        "Die Stadtverwaltung hat am Dienstag beschlossen, die Preise für Monatskarten im nächsten Jahr "
        "deutlich zu senken und mehr Busse in den Nachtstunden fahren zu lassen."
    )
    text = "\n\n".join(["Auto-translated", BODY, german, BODY, BODY])
    d = detect(doc(text))
    assert d.machine_translated and d.source_language == "de"


def test_detection_to_dict_has_the_documented_keys() -> None:
    d = detect_text("This article was automatically translated from Japanese by ChatGPT.")
    row = detection_to_dict(d, "a.md")
    assert set(row) >= {"path", "machine_translated", "confidence", "language", "source_language",
                        "original_url", "engine", "evidence"}  # fmt: skip
    assert row["path"] == "a.md" and row["machine_translated"] is True and row["engine"] == "ChatGPT"
    ev = row["evidence"][0]
    assert set(ev) >= {"kind", "text", "start", "end", "position"}
    assert ev["position"] in ("top", "body", "bottom")
    json.dumps(row)


def test_render_summary() -> None:
    yes = render_summary("a.md", detect_text("This article was machine translated by DeepL from German."))
    no = render_summary("b.md", detect_text("A plain article about the weather in spring, written by hand."))
    assert yes.startswith("a.md: machine translated") and "DeepL" in yes and "from de" in yes
    assert len(yes.splitlines()) == 2
    assert no.startswith("b.md: no sign of machine translation")


def test_matching_view_maps_back_to_the_source() -> None:
    source = "A “Quoted” ＴＥＸＴ\nwith <b>markup</b> and [a link](http://x.y)."
    view = build_view(source)
    assert view.text == 'a "quoted" text\nwith markup and a link .'
    start = view.text.index("markup")
    s, e = view.span(start, start + len("markup"))
    assert source[s:e] == "markup"
    s, e = view.span(view.text.index("text"), view.text.index("text") + 4)
    assert source[s:e] == "ＴＥＸＴ"


def test_detect_imports_no_heavy_libraries() -> None:
    # nor the learned combinator of the round-16 study (mtcheck.detect.combine): detect() does not use it
    code = (
        "import sys\n"
        "from mtcheck.detect import detect_text\n"
        "detect_text('This article was machine translated.')\n"
        "detect_text('<html><body><p>Hello</p><footer>Automatically translated</footer></body></html>')\n"
        "bad = [m for m in ('torch', 'transformers', 'ctranslate2', 'mtcheck.detect.combine') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_empty_and_numeric_text() -> None:
    for text in ("", "   ", "12345 678", "!!!"):
        d = detect_text(text)
        # no evidence: a score of 0, and the calibrated confidence of the lowest bin, under the threshold
        assert not d.machine_translated and d.score == 0.0
        assert d.confidence == calibration.probability(0.0) < THRESHOLD


def test_long_fragment_evidence_spans_exactly_its_text() -> None:
    from mtcheck.read.document import Document

    english = "The bridge closes in March and the ferry starts in February. " * 6
    german = "Die Brücke wird im März geschlossen und die Stadt plant eine Fähre zwischen den Ufern. " * 4
    text = f"{english.strip()}\n\n{german.strip()}\n\n{english.strip()}"
    paragraphs, pos = [], 0
    for part in text.split("\n\n"):
        start = text.index(part, pos)
        paragraphs.append((start, start + len(part)))
        pos = start + len(part)
    detection = detect(Document(path="x", name="x", text=text, paragraphs=tuple(paragraphs)))
    fragments = [e for e in detection.evidence if e.kind == "fragment"]
    assert fragments and fragments[0].language == "de"
    for e in fragments:
        assert e.start is not None and e.end is not None
        assert text[e.start : e.end] == e.text
