"""Reading documents: formats, normalisation, offsets, metadata, comments, links and bad input."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from mtcheck import config
from mtcheck.errors import InputError
from mtcheck.read.document import Document, read_document, sniff_format
from tests.shared import shared_path

PAGE = """<!doctype html>
<html lang="de"><head>
<title>Putin &amp; Kim</title>
<meta name="description" content="Ein Staatsbesuch">
<meta property="og:locale" content="de_DE">
<script>var leak = "SCRIPT-LEAK";</script><style>p { color: red } /* STYLE-LEAK */</style>
</head><body>
<header><nav><a href="/">Startseite NAV-LEAK</a></nav></header>
<!-- Dieser Text wurde maschinell übersetzt -->
<main><article>
<header><h1>Putin reist nach Nordkorea</h1></header>
<div class="alert">Maschinell übersetzt.</div>
<p>Der Kremlchef <a href="https://example.test/putin">Wladimir
   Putin</a> wird&nbsp;am Dienstag empfangen.<script>document.write("INLINE-LEAK")</script></p>
<ul><li>Punkt <b>eins</b></li><li>Punkt zwei</li></ul>
<blockquote>Ein Zitat &bdquo;hier&ldquo;.</blockquote>
<pre><code>print("CODE-LEAK")</code></pre>
<aside>ASIDE-LEAK</aside><form><label>FORM-LEAK</label></form>
<div class="share-buttons"><a href="/x">SHARE-LEAK</a></div>
<p style="display:none">HIDDEN-LEAK</p>
</article>
<div class="note">Hinweis: dieser Artikel wurde automatisch übersetzt.</div>
</main>
<footer>FOOTER-LEAK Copyright</footer><noscript>NOSCRIPT-LEAK</noscript>
</body></html>
"""

MARKDOWN = """---
title: "Ein Titel"
lang: de
author: Jane: Doe
---
# Eine *Überschrift*

Ein Absatz mit [einem Link](https://example.test/a "Titel") und **fett**.
Zweite Zeile.

<!-- machine translated -->

```python
print("FENCED-LEAK")
```

    INDENTED-LEAK = 1

> Ein Zitat.

- eins
- zwei

Text mit <!-- inline note --> Kommentar.
"""


def _read(tmp_path: Path, name: str, data: bytes) -> Document:
    path = tmp_path / name
    path.write_bytes(data)
    return read_document(path)


def _paragraph_texts(doc: Document) -> list[str]:
    return [doc.text[s:e] for s, e in doc.paragraphs]


def _assert_consistent(doc: Document) -> None:
    """Paragraph spans tile the text with blank lines between them; links lie inside the text."""
    assert "\n\n".join(_paragraph_texts(doc)) == doc.text
    for start, end in doc.paragraphs:
        assert 0 <= start < end <= len(doc.text)
        assert doc.text[start:end] == doc.text[start:end].strip()
    for link in doc.links:
        assert 0 <= link.start < link.end <= len(doc.text)


def test_html_main_text_without_scripts_or_boilerplate(tmp_path: Path) -> None:
    doc = _read(tmp_path, "page.html", PAGE.encode("utf-8"))
    _assert_consistent(doc)
    assert doc.format == "html"
    assert "LEAK" not in doc.text
    assert _paragraph_texts(doc) == [
        "Putin reist nach Nordkorea",
        "Maschinell übersetzt.",
        "Der Kremlchef Wladimir Putin wird am Dienstag empfangen.",
        "Punkt eins",
        "Punkt zwei",
        "Ein Zitat „hier“.",
        "Hinweis: dieser Artikel wurde automatisch übersetzt.",
    ]
    assert doc.comments == ("Dieser Text wurde maschinell übersetzt",)
    assert doc.metadata["title"] == "Putin & Kim"
    assert doc.metadata["description"] == "Ein Staatsbesuch"
    assert doc.metadata["og:locale"] == "de_DE"
    assert doc.metadata["lang"] == "de"
    assert [(doc.text[link.start : link.end], link.href) for link in doc.links] == [
        ("Wladimir Putin", "https://example.test/putin")
    ]
    assert "SCRIPT-LEAK" in doc.raw  # raw keeps the input for detectors


def test_html_full_of_script_yields_only_prose(tmp_path: Path) -> None:
    script = "<script>" + "var a = 'SCRIPT'; " * 20000 + "</script>"
    page = f"<html><head>{script}</head><body>{script}<p>Only this.</p>{script}</body></html>"
    doc = _read(tmp_path, "s.html", page.encode())
    assert doc.text == "Only this."


def test_html_without_article_uses_body_and_keeps_short_blocks(tmp_path: Path) -> None:
    page = (
        "<body><nav>Menu</nav><div>Translated automatically.</div><h2>Title</h2>"
        "<p>First line<br>second line.</p><table><tr><td>Cell</td></tr></table>"
        "<footer>Footer</footer></body>"
    )
    doc = _read(tmp_path, "p.htm", page.encode())
    _assert_consistent(doc)
    assert _paragraph_texts(doc) == ["Translated automatically.", "Title", "First line\nsecond line.", "Cell"]


@pytest.mark.parametrize(
    ("page", "text", "lang"),
    [
        (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<html xml:lang="fr"><body><p>Bonjour &eacute;t&#233;.</p></body></html>',
            "Bonjour été.",
            "fr",
        ),
        ("<p>Unclosed <b>bold <i>italic</p><p>Next", "Unclosed bold italic\n\nNext", None),
        ("<p>Before <!-- hidden --> after.</p>", "Before after.", None),
        ("<article><p>A <a href=''>b</a> c.</p></article>", "A b c.", None),
    ],
)
def test_html_edge_cases(page: str, text: str, lang: str | None) -> None:
    doc = read_document("edge.html", data=page.encode())
    _assert_consistent(doc)
    assert doc.text == text
    assert doc.metadata.get("lang") == lang
    assert doc.links == ()


@pytest.mark.parametrize(
    "page", [b"<html><body><script>x()</script><nav>Menu</nav></body></html>", b"<!-- only a comment -->"]
)
def test_html_without_prose_is_an_error(tmp_path: Path, page: bytes) -> None:
    with pytest.raises(InputError, match="no readable text"):
        _read(tmp_path, "n.html", page)


def test_markdown_prose_without_markup_or_code(tmp_path: Path) -> None:
    doc = _read(tmp_path, "a.md", MARKDOWN.encode("utf-8"))
    _assert_consistent(doc)
    assert doc.format == "markdown"
    assert "LEAK" not in doc.text and "#" not in doc.text and "**" not in doc.text and "](" not in doc.text
    assert _paragraph_texts(doc) == [
        "Eine Überschrift",
        "Ein Absatz mit einem Link und fett. Zweite Zeile.",
        "Ein Zitat.",
        "eins",
        "zwei",
        "Text mit Kommentar.",
    ]
    assert doc.metadata == {"title": "Ein Titel", "lang": "de", "author": "Jane: Doe"}
    assert doc.comments == ("machine translated", "inline note")
    assert [(doc.text[link.start : link.end], link.href) for link in doc.links] == [
        ("einem Link", "https://example.test/a")
    ]


def test_markdown_table_and_html_block(tmp_path: Path) -> None:
    text = "| Name | Wert |\n|---|---|\n| Alpha | 1 |\n\n<div class='alert'>Maschinell <b>übersetzt</b>.</div>\n"
    doc = _read(tmp_path, "t.markdown", text.encode())
    _assert_consistent(doc)
    assert _paragraph_texts(doc) == ["Name", "Wert", "Alpha", "1", "Maschinell übersetzt."]


@pytest.mark.parametrize(
    ("raw", "paragraphs"),
    [
        ("One.\n\nTwo\nstill two.\n\n\n  Three.  \n", ["One.", "Two\nstill two.", "Three."]),
        ("Title\nFirst paragraph.\nSecond paragraph.\n", ["Title", "First paragraph.", "Second paragraph."]),
        ("A hard wrapped line\nthat goes on and\non here.\n", ["A hard wrapped line\nthat goes on and\non here."]),
        ("Windows\r\n\r\nline ends\rhere.\r\n", ["Windows", "line ends\nhere."]),
        ("e\u0301t\u00e9\u00a0fini\u200b.\tOk", ["\u00e9t\u00e9 fini. Ok"]),
    ],
)
def test_plain_text_paragraphs_and_normalisation(tmp_path: Path, raw: str, paragraphs: list[str]) -> None:
    doc = _read(tmp_path, "p.txt", raw.encode("utf-8"))
    _assert_consistent(doc)
    assert doc.format == "text"
    assert _paragraph_texts(doc) == paragraphs


def test_seed_article_one_paragraph_per_line() -> None:
    seeds = sorted(shared_path("seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("no shared seed article on this machine")
    lines = [x.strip() for x in seeds[0].read_text(encoding="utf-8").splitlines() if x.strip()]
    doc = read_document(seeds[0])
    _assert_consistent(doc)
    assert _paragraph_texts(doc) == lines


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("cp1252", b"")],
)
def test_encodings_read_to_the_same_text(tmp_path: Path, encoding: str, bom: bytes) -> None:
    text = "Über die Straße\n\nDas Öl kostet 5 € – günstig."
    doc = _read(tmp_path, "e.txt", bom + text.encode(encoding))
    assert doc.text == text


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty document"),
        ("blank.txt", b"  \n\t\r\n  ", "empty document"),
        ("bom-only.txt", b"\xef\xbb\xbf\n", "empty document"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        ("nul.md", b"abc\x00def", "binary"),
        ("junk.html", bytes(range(128, 256)) * 10, "undecodable"),
    ],
)
def test_bad_input_is_a_one_line_input_error(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    with pytest.raises(InputError) as info:
        _read(tmp_path, name, data)
    text = str(info.value)
    assert text.startswith(str(tmp_path / name) + ": ") and message in text and "\n" not in text


def test_missing_and_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "missing.txt")
    monkeypatch.setattr(config, "MAX_DOCUMENT_BYTES", 100)
    with pytest.raises(InputError, match="limit"):
        _read(tmp_path, "big.txt", b"word " * 100)
    with pytest.raises(InputError, match="limit"):
        read_document("x.txt", data=b"word " * 100)


def test_five_megabyte_file_is_read(tmp_path: Path) -> None:
    paragraph = "The committee met on Tuesday and agreed on the budget. " * 20
    data = "\n\n".join([paragraph.strip()] * 4600).encode()
    assert 5_000_000 < len(data) < config.MAX_DOCUMENT_BYTES
    doc = _read(tmp_path, "big.txt", data)
    assert len(doc.paragraphs) == 4600


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        ("<div>Hi</div>", "html"),
        ("# Title\n\nSome *text*.", "markdown"),
        ("Intro\n\n- a list\n- [link](http://x.test)\n", "markdown"),
        ("Just some text.\n\nAnother paragraph, 5 * 3 = 15.", "text"),
    ],
)
def test_sniff_format(text: str, fmt: str) -> None:
    assert sniff_format(text) == fmt


def test_stdin_data_and_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"# Heading\n\nFrom *stdin*.")))
    doc = read_document("-")
    assert (doc.path, doc.name, doc.format, doc.text) == ("-", "stdin", "markdown", "Heading\n\nFrom stdin.")
    doc = read_document(tmp_path / "my article (1).html", data=b"<p>Hi there.</p>")
    assert (doc.name, doc.format, doc.text) == ("my_article_1", "html", "Hi there.")
    assert read_document("notes.unknown", data=b"<p>Sniffed.</p>").format == "html"
    assert read_document("x.md", data=b"<p>Forced.</p>", format="text").text == "<p>Forced.</p>"
