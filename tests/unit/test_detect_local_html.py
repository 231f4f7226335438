"""Local HTML files: a notice in the boilerplate the main text leaves out (a footer, a banner) is found."""

from __future__ import annotations

from pathlib import Path

from mtcheck.detect.page import detect_document
from mtcheck.read.document import read_document
from mtcheck.run.runner import run_detect

ARTICLE = (
    "<main><h1>Die Stadt und der Fluss</h1><p>Die Stadt liegt am Fluss und hat eine lange Geschichte. Viele "
    "Menschen besuchen im Sommer die alte Brücke und die Märkte am Ufer.</p><p>Im Winter ist es ruhig, aber "
    "die Cafés bleiben offen und die Museen zeigen neue Ausstellungen.</p></main>"
)
NOTICE = "Dieser Artikel wurde maschinell übersetzt. Den Originalartikel finden Sie hier."


def _page(tmp_path: Path, body: str, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_text(f"<html><head><title>Die Stadt</title></head><body>{body}</body></html>", encoding="utf-8")
    return path


def test_a_footer_notice_is_found_and_placed_at_the_bottom(tmp_path: Path) -> None:
    path = _page(tmp_path, f"<nav><a href='/'>Start</a></nav>{ARTICLE}<footer><p>{NOTICE}</p></footer>")
    document = read_document(path)
    assert "maschinell" not in document.text  # the footer is not the article's prose
    detection = detect_document(document).detection
    assert detection.machine_translated
    notice = [e for e in detection.evidence if "maschinell" in e.text]
    assert notice and notice[0].position == "bottom"
    assert notice[0].start is None  # not in the main text, so no offsets into it


def test_a_banner_above_the_article_is_at_the_top(tmp_path: Path) -> None:
    path = _page(tmp_path, f"<div role='banner'><p>{NOTICE}</p></div>{ARTICLE}")
    detection = detect_document(read_document(path)).detection
    assert detection.machine_translated
    assert [e.position for e in detection.evidence if "maschinell" in e.text] == ["top"]


def test_hidden_boilerplate_is_not_read(tmp_path: Path) -> None:
    hidden = (
        f"<footer style='display:none'><p>{NOTICE}</p></footer>"
        f"<aside hidden><p>{NOTICE}</p></aside>"
        f"<footer><script>var notice = '{NOTICE}';</script><p>Impressum</p></footer>"
    )
    path = _page(tmp_path, ARTICLE + hidden)
    assert not detect_document(read_document(path)).detection.machine_translated


def test_the_detect_command_reads_footers_of_local_files(tmp_path: Path) -> None:
    with_notice = _page(tmp_path, f"{ARTICLE}<footer><p>{NOTICE}</p></footer>", "a.html")
    without = _page(tmp_path, f"{ARTICLE}<footer><p>Impressum · Datenschutz</p></footer>", "b.html")
    outcome = run_detect([str(with_notice), str(without)])
    verdicts = {Path(path).name: d.machine_translated for path, d in outcome.results}
    assert verdicts == {"a.html": True, "b.html": False}
