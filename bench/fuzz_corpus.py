"""Generate a corpus of bad (and some good) inputs for mtcheck: the fuzz suite's sample and bench/fuzz_run.py.

    python bench/fuzz_corpus.py OUT_DIR [--count 1000] [--seed 15]

Writes OUT_DIR/inputs/* and OUT_DIR/manifest.json ([{"file", "kind", "good"}]). "good" inputs are
ordinary English articles (some with hostile neighbours in the same run): each must get a report.
The kinds: empty, binary, huge lines, long words, deep nesting (HTML, Markdown, brackets), control
characters, lone surrogates and invalid UTF-8 in file names, repeated notices, brackets, mixed
scripts, HTML and Markdown oddities, XSS payloads, odd encodings, noncharacters.
"""

from __future__ import annotations

import argparse
import json
import os
import random
from collections.abc import Callable
from pathlib import Path

GOOD = [
    "The city council met on Monday to discuss the renovation of the harbour bridge. The bridge was built "
    "in 1920 and has carried traffic across the river for a century. Engineers say the steel needs repair.",
    "Heavy rain flooded several streets in the old town on Saturday. Firefighters pumped water out of "
    "cellars until late in the evening, and the railway line to the coast was closed for two hours.",
    "The library opens a new reading room next week. Visitors can borrow books, use the computers and "
    "attend free workshops on local history every Thursday afternoon.",
    "This article was automatically translated from German. The school board decided to hire twelve new "
    "teachers for the coming year, according to estimates of the building authority.",
]
NOTICES = [
    "automatically translated by ",
    "This page was machine translated ",
    "Machine translation: ",
    "Translated with DeepL. ",
    "Dieser Artikel wurde automatisch übersetzt. ",
    "この記事は機械翻訳されています。",
]
XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "<svg onload=alert(3)>",
    '"><script>alert(4)</script>',
    "javascript:alert(5)",
    "<iframe src=javascript:alert(6)>",
    "</textarea><script>alert(7)</script>",
    "{{constructor.constructor('alert(8)')()}}",
    "<a href='javascript:alert(9)'>click</a>",
    "';alert(10);//",
    "<style>body{background:url(javascript:alert(11))}</style>",
    "<math><mtext></mtext><mglyph><svg><mtext><textarea><path id=x></textarea><img onerror=alert(12) src></math>",
]
SCRIPTS = ["Ελληνικά κείμενα ", "Русский текст ", "中文文本 ", "العربية ", "עברית ", "हिन्दी ", "日本語 ", "한국어 "]


def _article(rng: random.Random, sentences: int = 6) -> str:
    return " ".join(rng.choice(GOOD) for _ in range(max(1, sentences // 3)))


def _kinds(rng: random.Random) -> list[tuple[str, str, bool, Callable[[], bytes]]]:
    """(kind, suffix, good, make) for one input."""
    art = _article(rng)
    xss = rng.choice(XSS)
    return [
        ("good-txt", ".txt", True, lambda: "\n".join(rng.sample(GOOD, 3)).encode()),
        ("good-md", ".md", True, lambda: f"# Harbour news\n\n{art}\n\n- one item\n- two items\n".encode()),
        (
            "good-html",
            ".html",
            True,
            lambda: f"<html><body><article><h1>News</h1><p>{art}</p></article></body></html>".encode(),
        ),
        ("empty", ".txt", False, lambda: b""),
        ("whitespace", ".txt", False, lambda: b" \n\t\r\n" * rng.randint(1, 50)),
        ("binary-random", ".txt", False, lambda: rng.randbytes(rng.randint(1, 4096))),
        ("binary-png", ".md", False, lambda: b"\x89PNG\r\n\x1a\n" + rng.randbytes(200)),
        ("nul-bytes", ".txt", False, lambda: b"text\x00" * rng.randint(1, 500)),
        ("huge-line", ".txt", False, lambda: ("word " * rng.randint(2_000, 40_000)).encode()),
        ("long-word", ".txt", False, lambda: ("x" * rng.randint(1_000, 200_000)).encode()),
        ("deep-html", ".html", False, lambda: ("<div>" * rng.randint(100, 20_000) + art).encode()),
        ("deep-md-quote", ".md", False, lambda: ("> " * rng.randint(50, 5_000) + art).encode()),
        (
            "deep-md-list",
            ".md",
            False,
            lambda: "".join("  " * i + "- item\n" for i in range(rng.randint(50, 800))).encode(),
        ),
        ("brackets", ".txt", False, lambda: rng.choice("([{<\"'").encode() * rng.randint(100, 60_000)),
        (
            "brackets-mixed",
            ".txt",
            False,
            lambda: "".join(rng.choice("()[]{} a") for _ in range(rng.randint(100, 30_000))).encode(),
        ),
        (
            "control-chars",
            ".txt",
            False,
            lambda: "".join(chr(rng.randint(0, 31)) + rng.choice(GOOD)[:20] for _ in range(50)).encode(),
        ),
        ("noncharacters", ".txt", False, lambda: (art + " \ufffe \uffff \U0010ffff \ufdd0 " + art).encode()),
        ("repeated-notice", ".txt", False, lambda: (rng.choice(NOTICES) * rng.randint(10, 3_000)).encode()),
        (
            "repeated-notice-lines",
            ".txt",
            False,
            lambda: ((rng.choice(NOTICES) + "\n") * rng.randint(10, 2_000)).encode(),
        ),
        (
            "mixed-scripts",
            ".txt",
            False,
            lambda: "".join(rng.choice(SCRIPTS) for _ in range(rng.randint(5, 500))).encode(),
        ),
        ("rtl-bidi", ".txt", False, lambda: ("\u202e" + art + "\u202d\u2066" + art).encode()),
        ("html-unclosed", ".html", False, lambda: f"<html><body><p>{art}<div><span><table><tr><td>{art}".encode()),
        ("html-comments", ".html", False, lambda: f"<!-- machine translated --><p>{art}</p><!-- unclosed".encode()),
        ("html-cdata", ".html", False, lambda: f"<![CDATA[{art}]]><p>{art}</p><?xml-stylesheet x?>".encode()),
        (
            "html-entities",
            ".html",
            False,
            lambda: ("&amp;&#x0;&#xD800;&#99999999;&bogus;" * 200 + f"<p>{art}</p>").encode(),
        ),
        ("html-script-only", ".html", False, lambda: b"<script>var a = '" + b"x" * 5000 + b"';</script>"),
        (
            "md-oddities",
            ".md",
            False,
            lambda: f"---\ntitle: [unclosed\n---\n```\n{art}\n\n| a | b |\n|---|\n[x](javascript:alert(1))\n".encode(),
        ),
        ("md-front-matter-only", ".md", False, lambda: b"---\ntitle: x\n---\n"),
        ("xss-txt", ".txt", False, lambda: f"{art} {xss} {art}".encode()),
        ("xss-md", ".md", False, lambda: f"# {xss}\n\n{art} [{xss}](javascript:alert(1)) {xss}\n".encode()),
        (
            "xss-html",
            ".html",
            False,
            lambda: f"<p>{art} &lt;script&gt;alert(1)&lt;/script&gt; {xss}</p><p title='{xss}'>{art}</p>".encode(),
        ),
        ("utf16", ".txt", False, lambda: art.encode("utf-16")),
        ("latin1", ".txt", False, lambda: (art + " café naïve").encode("latin-1", "replace")),
        ("bom-garbage", ".txt", False, lambda: b"\xef\xbb\xbf" + rng.randbytes(300)),
        ("crlf-cr", ".txt", False, lambda: art.replace(". ", ".\r").encode() + b"\r\n\r\n" + art.encode()),
        ("many-paragraphs", ".txt", False, lambda: ("Short line.\n\n" * rng.randint(100, 4_000)).encode()),
        (
            "digits",
            ".txt",
            False,
            lambda: " ".join(str(rng.randint(0, 10**9)) for _ in range(rng.randint(10, 5_000))).encode(),
        ),
        ("emoji", ".txt", False, lambda: ("😀🚀🇩🇪 👨‍👩‍👧 " * rng.randint(10, 2_000) + art).encode()),
    ]


def _name(rng: random.Random, index: int, kind: str, suffix: str) -> bytes:
    """Mostly plain names; some long, some with invalid UTF-8 bytes (lone surrogates once decoded)."""
    roll = rng.random()
    if roll < 0.05:
        return f"{index:04d}-{kind}-".encode() + b"caf\xe9-\xff\xfe" + suffix.encode()
    if roll < 0.10:
        return f"{index:04d}-{'n' * 150}-{kind}".encode()[:200] + suffix.encode()
    if roll < 0.13:
        return f"{index:04d}-{kind}-<script>alert(1)<\\script>".encode() + suffix.encode()
    return f"{index:04d}-{kind}{suffix}".encode()


def generate(out: Path, count: int = 1000, seed: int = 15) -> list[dict[str, object]]:
    """Write count inputs under out/inputs and out/manifest.json; returns the manifest."""
    rng = random.Random(seed)
    inputs = out / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    manifest = []
    for index in range(count):
        kinds = _kinds(rng)
        # About one input in eight is a good article, the rest are hostile.
        kind, suffix, good, make = kinds[rng.randrange(3)] if index % 8 == 0 else rng.choice(kinds[3:])
        name = _name(rng, index, kind, suffix)
        path = os.path.join(os.fsencode(inputs), name.replace(b"/", b"_"))
        with open(path, "wb") as handle:
            handle.write(make())
        manifest.append({"file": os.fsdecode(path), "kind": kind, "good": good})
    # Names with lone surrogates cannot be JSON-encoded as UTF-8: store them escaped.
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=True), encoding="utf-8")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    manifest = generate(args.out, args.count, args.seed)
    print(f"{len(manifest)} inputs ({sum(1 for m in manifest if m['good'])} good) in {args.out / 'inputs'}")


if __name__ == "__main__":
    main()
