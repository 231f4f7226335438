"""Raw measurement of a syntactic-parser signal on the MQM dev split, before any check is built on it.

    PYTHONPATH=$PWD python bench/grammar_signal.py [--timeout 2] [--limit 100] [--max-words 40]
        [--cache /tmp/findings-grammar/lg-cache.jsonl] [--only ted] [--sample N] [--prose FILE]

Every target of ../shared/eval/mqm-dev/segments.jsonl is cut into sentences (mtcheck's segmenter);
each sentence is parsed by link-grammar's `link-parser` (Debian package `link-grammar`, English
dictionary, offline). A sentence that has no complete linkage is parsed again with null links: the
parser skips the fewest words it can ("null count") and the first linkage names them. The candidate
finding is those skipped words; variants below place the span differently and filter sentences by
null count and length. Each variant is measured with the quality harness's own yardstick
(bench/quality_eval.precision_table: overlap with any annotated error span against the same span placed
uniformly at random in the same segment, exact expectation), per dataset and on the fit and check
halves (bench/quality.split_half), plus findings per error-free segment. `--prose FILE` (one paragraph
a line) counts the same findings on correct English. Results: docs/quality.md, "Fourth round".
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from quality import default_data, split_half  # noqa: E402
from quality_eval import precision_table  # noqa: E402

from mtcheck.read.segment import segment  # noqa: E402

DATASETS = {"g23news": "news", "ted": "ted"}
CHUNK = 40  # sentences per link-parser process
MARK = re.compile(r"\[[?!~&*]\]")  # link-grammar's guess marks: unknown [?], regex [!], spell [~] ...


# ---------------------------------------------------------------- link-parser driver


def parse_sentences(
    sentences: list[str], *, timeout: float, limit: int, binary: str = "link-parser", disjuncts: bool = False
) -> list[dict[str, Any]]:
    """One result per sentence: tokens (text, start, end, null, unknown), null count, timed out, seconds."""
    results: list[dict[str, Any]] = []
    for i in range(0, len(sentences), CHUNK):
        chunk = sentences[i : i + CHUNK]
        started = time.monotonic()
        results.extend(_parse_chunk(chunk, timeout=timeout, limit=limit, binary=binary, disjuncts=disjuncts))
        spent = time.monotonic() - started
        for r in results[-len(chunk) :]:
            r.setdefault("seconds", spent / len(chunk))
    return results


def _parse_chunk(
    sentences: list[str], *, timeout: float, limit: int, binary: str, disjuncts: bool
) -> list[dict[str, Any]]:
    header = ["!graphics=1", "!echo=1", "!spell=0", f"!limit={limit}", f"!timeout={int(timeout)}", "!verbosity=1"]
    if disjuncts:
        header.append("!disjuncts=1")
    usable = [s for s in sentences if _usable(s)]
    payload = "\n".join(header + usable) + "\n"
    try:
        proc = subprocess.run(
            [binary, "en"],
            input=payload,
            capture_output=True,
            text=True,
            timeout=len(usable) * (timeout + 2) + 10,
            check=False,
        )
        out = proc.stdout
    except subprocess.TimeoutExpired:
        out = ""
    blocks = _blocks(out.splitlines(), usable)
    results = []
    for s in sentences:
        if not _usable(s) or s not in blocks:
            results.append({"status": "skipped"})
            continue
        results.append(_read_block(s, blocks[s]))
    return results


def _usable(sentence: str) -> bool:
    return bool(sentence.strip()) and sentence.lstrip()[0] not in "!%" and "\n" not in sentence


def _blocks(lines: list[str], sentences: list[str]) -> dict[str, list[str]]:
    """The output lines after each echoed sentence, up to the next one."""
    blocks: dict[str, list[str]] = {}
    want = 0
    current: list[str] | None = None
    for line in lines:
        if want < len(sentences) and line == sentences[want]:
            current = []
            blocks[sentences[want]] = current
            want += 1
            continue
        if current is not None:
            current.append(line)
    return blocks


def _read_block(sentence: str, block: list[str]) -> dict[str, Any]:
    if any(line.startswith("Timer is expired") for line in block):
        return {"status": "timeout"}
    nulls = 0
    for line in block:
        m = re.search(r"at null count (\d+)", line)
        if m:
            nulls = int(m.group(1))
    words = [line for line in block if line.startswith("LEFT-WALL")]
    if not words:
        return {"status": "no-linkage"}
    tokens = align(sentence, words[0].split()[1:])
    if tokens is None:
        return {"status": "unaligned"}
    # with !disjuncts: one line per linked word after the diagram (walls included), "word cost connectors"
    costs = []
    at = block.index(words[0])
    for line in block[at + 1 :]:
        m = re.match(r"^\s+(\S+)\s+(-?\d+\.\d+)\s", line)
        if m and m.group(1) not in ("LEFT-WALL", "RIGHT-WALL"):
            costs.append(float(m.group(2)))
    linked = [t for t in tokens if not t[3]]
    if costs and len(costs) == len(linked):
        for t, c in zip(linked, costs, strict=True):
            t.append(c)
    return {"status": "ok", "nulls": nulls, "tokens": tokens}


def align(sentence: str, shown: list[str]) -> list[list[Any]] | None:
    """Each diagram word as [text, start, end, null, unknown] in the sentence; None if one cannot be found."""
    tokens = []
    cursor = 0
    lower = sentence.lower()
    for word in shown:
        if word == "RIGHT-WALL":
            continue
        null = word.startswith("[") and word.endswith("]") and len(word) > 2
        core = word[1:-1] if null else word
        unknown = "[?]" in core
        core = MARK.sub("", core)
        found = None
        for candidate in _candidates(core):
            pos = lower.find(candidate.lower(), cursor)
            if pos >= 0 and not sentence[cursor:pos].strip():
                found = (pos, pos + len(candidate))
                break
        if found is None:
            return None
        tokens.append([sentence[found[0] : found[1]], found[0], found[1], null, unknown])
        cursor = found[1]
    return tokens


def _candidates(core: str) -> Iterable[str]:
    """The word itself, then without each subscript (`sat.v-d` -> `sat`), longest first."""
    yield core
    pos = len(core)
    while True:
        pos = core.rfind(".", 0, pos)
        if pos <= 0:
            return
        yield core[:pos]


# ---------------------------------------------------------------- data


def load_records(path: Path) -> list[dict[str, Any]]:
    records = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            records.append(
                {
                    "dataset": row["dataset"],
                    "system": row["system"],
                    "doc": row["doc"],
                    "seg_id": row["seg_id"],
                    "order": row["order"],
                    "target": row["target"],
                    "length": len(row["target"]),
                    "words": len(row["target"].split()),
                    "no_error": row["no_error"],
                    "has_major": row["has_major"],
                    "spans": [[s["start"], s["end"], s["severity"], s["category"], s["top"]] for s in row["spans"]],
                    "mapped": True,
                }
            )
    return records


def sentences_of(text: str) -> list[tuple[int, int]]:
    return segment(text, "en")


def parse_all(texts: list[str], args: argparse.Namespace) -> dict[str, dict[str, Any]]:
    """Parse every sentence of the texts (cached by settings and sentence)."""
    cache_path = Path(args.cache)
    settings = f"t{args.timeout}-l{args.limit}" + ("-d" if args.disjuncts else "")
    cache: dict[str, dict[str, Any]] = {}
    if cache_path.exists():
        for line in cache_path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row["settings"] == settings and len(row["sentence"].split()) <= args.max_parse_words:
                cache[row["sentence"]] = row["result"]
    todo = []
    for text in texts:
        for start, end in sentences_of(text):
            sentence = text[start:end]
            if sentence not in cache and len(sentence.split()) <= args.max_parse_words:
                todo.append(sentence)
    todo = list(dict.fromkeys(todo))
    if todo:
        print(f"parsing {len(todo)} sentences ({settings})", file=sys.stderr)
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        with cache_path.open("a", encoding="utf-8") as handle:
            for i in range(0, len(todo), CHUNK * 5):
                part = todo[i : i + CHUNK * 5]
                for sentence, result in zip(
                    part,
                    parse_sentences(part, timeout=args.timeout, limit=args.limit, disjuncts=args.disjuncts),
                    strict=True,
                ):
                    cache[sentence] = result
                    handle.write(json.dumps({"settings": settings, "sentence": sentence, "result": result}) + "\n")
                handle.flush()
                print(f"  {min(i + CHUNK * 5, len(todo))}/{len(todo)}", file=sys.stderr)
    return cache


# ---------------------------------------------------------------- variants

Finding = tuple[int, int]
Variant = Callable[[str, dict[str, Any]], list[Finding]]


def _content(tokens: list[list[Any]]) -> list[list[Any]]:
    return [t for t in tokens if re.search(r"\w", t[0])]


def variant(max_nulls: int, span: str, max_words: int, skip_unknown: bool = False, min_words: int = 0) -> Variant:
    def run(sentence: str, result: dict[str, Any]) -> list[Finding]:
        if result.get("status") != "ok" or not result["nulls"] or result["nulls"] > max_nulls:
            return []
        tokens = result["tokens"]
        words = len(_content(tokens))
        if words > max_words or words < min_words:
            return []
        if skip_unknown and any(t[4] for t in tokens):
            return []
        nulls = [i for i, t in enumerate(tokens) if t[3]]
        if not nulls:
            return []
        if span == "word":
            return [(tokens[i][1], tokens[i][2]) for i in nulls]
        if span == "region":
            return [(tokens[nulls[0]][1], tokens[nulls[-1]][2])]
        if span == "context":  # the skipped words with one word either side
            lo, hi = max(nulls[0] - 1, 0), min(nulls[-1] + 1, len(tokens) - 1)
            return [(tokens[lo][1], tokens[hi][2])]
        if span == "sentence":
            return [(0, len(sentence))]
        raise ValueError(span)

    return run


def costly(min_cost: float, max_words: int, span: str = "word") -> Variant:
    """A complete parse (no skipped word) that needs a costly disjunct: the costliest word(s) at or above min_cost."""

    def run(sentence: str, result: dict[str, Any]) -> list[Finding]:
        if result.get("status") != "ok" or result["nulls"]:
            return []
        tokens = result["tokens"]
        if len(_content(tokens)) > max_words or not all(len(t) > 5 for t in tokens):
            return []
        top = max(t[5] for t in tokens)
        if top < min_cost:
            return []
        chosen = [i for i, t in enumerate(tokens) if t[5] == top]
        if span == "sentence":
            return [(0, len(sentence))]
        return [(tokens[i][1], tokens[i][2]) for i in chosen[:1]]

    return run


COST_VARIANTS: dict[str, Variant] = {
    "complete parse, costliest word >= 1.0, <=40 words": costly(1.0, 40),
    "complete parse, costliest word >= 1.5, <=40 words": costly(1.5, 40),
    "complete parse, costliest word >= 2.0, <=40 words": costly(2.0, 40),
    "complete parse, costliest word >= 2.0, <=25 words": costly(2.0, 25),
    "complete parse, costliest word >= 2.0, whole sentence": costly(2.0, 40, "sentence"),
}

VARIANTS: dict[str, Variant] = {
    "null>=1, each skipped word, <=40 words": variant(99, "word", 40),
    "null>=1, skipped region, <=40 words": variant(99, "region", 40),
    "null=1, skipped word, <=40 words": variant(1, "word", 40),
    "null<=2, skipped region, <=40 words": variant(2, "region", 40),
    "null<=2, region +-1 word, <=40 words": variant(2, "context", 40),
    "null=1, skipped word, <=25 words": variant(1, "word", 25),
    "null=1, skipped word, <=15 words": variant(1, "word", 15),
    "null=1, skipped word, 8-25 words": variant(1, "word", 25, min_words=8),
    "null=1, skipped word, no unknown word, <=25 words": variant(1, "word", 25, skip_unknown=True),
    "null<=2, skipped region, no unknown word, <=25 words": variant(2, "region", 25, skip_unknown=True),
    "null>=1, whole sentence, <=40 words": variant(99, "sentence", 40),
}


def findings_for(records: list[dict[str, Any]], parsed: dict[str, dict[str, Any]], run: Variant) -> list[Any]:
    out = []
    for record in records:
        text = record["target"]
        found = []
        for start, end in sentences_of(text):
            result = parsed.get(text[start:end], {})
            for a, b in run(text[start:end], result):
                found.append(["grammar", "LG-NULL", "warning", start + a, start + b, "", text[start + a : start + b]])
        out.append(found)
    return out


def measure(records: list[dict[str, Any]], found: list[Any]) -> dict[str, Any]:
    pairs = [(r, f) for r, fs in zip(records, found, strict=True) for f in fs]
    rows = precision_table(pairs, draws=200, seed=0) if pairs else []
    head = next((row for row in rows if row["label"] in ("warning+ findings",) or row["group"] == ["warning+"]), None)
    free = [len(fs) for r, fs in zip(records, found, strict=True) if r["no_error"]]
    return {
        "n": head["n"] if head else 0,
        "precision": head["precision"] if head else float("nan"),
        "random": head["random"]["expected"] if head else float("nan"),
        "ratio": head["ratio"] if head else float("nan"),
        "boot": (head["ratio_doc_bootstrap"]["low"], head["ratio_doc_bootstrap"]["high"]) if head else None,
        "per_error_free": sum(free) / len(free) if free else float("nan"),
        "segments": len(records),
    }


# ---------------------------------------------------------------- second signal: hunspell

# whole words only: not the `th` of `20th`, nor the parts of `Jong-un` or `pre-sale`
WORD = re.compile(r"(?<![\w'-])[A-Za-z]+(?:'[A-Za-z]+)?(?![\w-])")


def word_sets(words: set[str]) -> tuple[set[str], set[str]]:
    """(words hunspell en_US rejects, words apertium's English analyser does not know)."""
    listing = "\n".join(sorted(words)) + "\n"
    rejected = subprocess.run(
        ["hunspell", "-l", "-d", "en_US"], input=listing, capture_output=True, text=True, check=True
    ).stdout.split()
    analysed = subprocess.run(
        ["lt-proc", "/usr/share/apertium/apertium-eng-spa/eng-spa.automorf.bin"],
        input=listing,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    unknown = set(re.findall(r"\^([^/$]+)/\*", analysed))
    return set(rejected), unknown


def spelling_variants() -> dict[str, Callable[[str, set[str], set[str]], list[Finding]]]:
    def make(lower_only: bool, skip_apertium: bool) -> Callable[[str, set[str], set[str]], list[Finding]]:
        def run(text: str, rejected: set[str], unknown: set[str]) -> list[Finding]:
            out = []
            for m in WORD.finditer(text):
                w = m.group()
                if w not in rejected:
                    continue
                if lower_only and not w.islower():
                    continue
                if skip_apertium and w in unknown:
                    continue
                out.append((m.start(), m.end()))
            return out

        return run

    return {
        "hunspell en_US rejects the word": make(False, False),
        "... lower-case words only": make(True, False),
        "... lower-case, apertium knows the word": make(True, True),
        "... any case, apertium knows the word": make(False, True),
    }


def spelling_main(records: list[dict[str, Any]], prose: list[str]) -> None:
    words = {w for r in records for w in WORD.findall(r["target"])} | {w for p in prose for w in WORD.findall(p)}
    rejected, unknown = word_sets(words)
    for name, run in spelling_variants().items():
        found = [
            [["spelling", "HS", "warning", a, b, "", r["target"][a:b]] for a, b in run(r["target"], rejected, unknown)]
            for r in records
        ]
        prose_hits = sum(len(run(p, rejected, unknown)) for p in prose)
        print(table_row(name, records, found, prose_hits)[0])


def table_row(
    name: str, records: list[dict[str, Any]], found: list[Any], prose_hits: int
) -> tuple[str, dict[str, Any]]:
    row: dict[str, Any] = {}
    cells = []
    for dataset in ("news", "ted"):
        for half in ("all", "fit", "check"):
            idx = [
                i
                for i, r in enumerate(records)
                if DATASETS[r["dataset"]] == dataset and (half == "all" or split_half(r) == half)
            ]
            row[f"{dataset}/{half}"] = measure([records[i] for i in idx], [found[i] for i in idx])
        cells.append(" · ".join(cell(row[f"{dataset}/{h}"]) for h in ("all", "fit", "check")))
        cells.append(f"{row[f'{dataset}/all']['per_error_free']:.3f}")
    row["prose_findings"] = prose_hits
    return f"| {name} | " + " | ".join(cells) + f" | {prose_hits} |", row


def cell(m: dict[str, Any]) -> str:
    return f"{m['n']} / {m['ratio']:.2f}x" if m["n"] else "0"


HEADER = (
    "| variant | "
    + " | ".join(f"{d}: all · fit · check | {d} per error-free" for d in ("news", "ted"))
    + " | prose findings |"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(default_data()))
    parser.add_argument("--timeout", type=int, default=2)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument(
        "--max-parse-words", type=int, default=40, help="longer sentences are not parsed (never flagged)"
    )
    parser.add_argument("--cache", default="/tmp/findings-grammar/lg-cache.jsonl")
    parser.add_argument("--only", choices=["news", "ted"], default=None)
    parser.add_argument("--sample", type=int, default=0, help="every k-th segment only (speed checks)")
    parser.add_argument("--prose", default=None, help="a file of correct English, one paragraph a line")
    parser.add_argument("--out", default=None, help="write the figures as JSON")
    parser.add_argument("--disjuncts", action="store_true", help="also read each word's disjunct cost")
    parser.add_argument("--signal", choices=["link-grammar", "hunspell"], default="link-grammar")
    args = parser.parse_args(argv)

    records = load_records(Path(args.data))
    if args.only:
        records = [r for r in records if DATASETS[r["dataset"]] == args.only]
    if args.sample:
        records = records[:: args.sample]
    texts = [r["target"] for r in records]
    prose = Path(args.prose).read_text(encoding="utf-8").splitlines() if args.prose else []
    print(HEADER)
    if args.signal == "hunspell":
        spelling_main(records, prose)
        return 0
    started = time.monotonic()
    parsed = parse_all(texts + prose, args)
    print(f"parse: {time.monotonic() - started:.1f} s", file=sys.stderr)

    statuses: dict[str, int] = defaultdict(int)
    seconds = []
    for text in texts:
        for start, end in sentences_of(text):
            result = parsed.get(text[start:end], {})
            statuses[result.get("status", "missing")] += 1
            if "seconds" in result:
                seconds.append(result["seconds"])
    print("sentences:", dict(statuses), file=sys.stderr)
    if seconds:
        seconds.sort()
        print(
            f"seconds per sentence (chunk mean): mean {sum(seconds) / len(seconds):.3f} max {seconds[-1]:.2f}",
            file=sys.stderr,
        )

    figures: dict[str, Any] = {}
    for name, run in {**VARIANTS, **(COST_VARIANTS if args.disjuncts else {})}.items():
        found = findings_for(records, parsed, run)
        prose_hits = 0
        for paragraph in prose:
            for start, end in sentences_of(paragraph):
                prose_hits += len(run(paragraph[start:end], parsed.get(paragraph[start:end], {})))
        line, figures[name] = table_row(name, records, found, prose_hits)
        print(line)
    if args.out:
        Path(args.out).write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
