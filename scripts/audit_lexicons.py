#!/usr/bin/env python3
"""Audit the concept lexicons: entries per language and slot, thin slots, key concepts missing.

Reads every `mtcheck/detect/data/concepts/*.toml` (or the folder given) and prints

* a table of entry counts per language and slot (concept);
* **thin** slots: empty, or under half the median of the same slot in the language's group (family / script,
  `GROUPS` below), where that median is at least 2;
* **key concepts missing**, read from the entries' shape, so the check needs no word list per language:
  - `machine`: no short acronym ("ai", "ki", "ia", "ии", "yz"; an entry of at most 4 characters) or multi-word
    entry ("artificial intelligence"), i.e. no "AI" word; fewer than two entries sharing a stem of 5 characters
    or more ("automatic" / "automatically", "automatisch" / "automatisiert"), i.e. likely no adverb beside the
    adjective (not asked of scripts written without spaces, where an entry matches inside any word);
  - `done`: no entry that begins with one of the language's translate stems (the passive participle
    "translated"), or no more than one entry that does not (the other made forms: generated, produced, created);
  - `content`: fewer than 6 nouns (the generic ones: texts, content, information, descriptions, titles);
  - `deixis`: fewer than 4 entries (this, these, here, above / below, this page / site);
  - `negation`: fewer than 2 entries.

    python scripts/audit_lexicons.py                  # every lexicon, table and flags
    python scripts/audit_lexicons.py --flags-only     # only the flags
    python scripts/audit_lexicons.py --json gaps.json # machine-readable
    python scripts/audit_lexicons.py --dir some/folder
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtcheck.detect.concepts import CONCEPTS  # noqa: E402

OPTIONAL = ("hedge", "action")  # a hedge on the quality, an imperative: most languages need neither listed
FOLDER = ROOT / "mtcheck" / "detect" / "data" / "concepts"
# the concept layer's slots, less those a lexicon fills only where its language needs them
SLOTS = tuple(c for c in CONCEPTS if c not in OPTIONAL)
# Comparable languages: same family or same script and web register. A language not listed is its own group.
GROUPS: dict[str, tuple[str, ...]] = {
    "romance": ("es", "fr", "pt", "it", "ca", "ro", "gl", "oc", "la", "eo", "ht"),
    "germanic": ("en", "de", "nl", "da", "sv", "nb", "nn", "is", "fo", "af", "fy", "lb", "pcm"),
    "slavic": ("ru", "uk", "be", "bg", "mk", "sr", "pl", "cs", "sk", "sl", "hr", "bs"),
    "baltic-uralic": ("lt", "lv", "et", "fi", "hu"),
    "celtic": ("ga", "gd", "cy", "br"),
    "indic": ("hi", "bn", "mr", "ne", "pa", "gu", "as", "or", "sa", "si"),
    "dravidian": ("ta", "te", "kn", "ml"),
    "turkic": ("tr", "az", "uz", "kk", "ky", "tk", "tt", "ba"),
    "arabic-script": ("ar", "fa", "ps", "ur", "sd", "ku"),
    "semitic-other": ("he", "mt", "am", "ti"),
    "east-asian": ("zh-Hans", "zh-Hant", "ja", "ko"),
    "southeast-asian": ("th", "lo", "km", "my", "vi"),
    "austronesian": ("id", "ms", "tl", "jv", "su", "ceb", "mg", "mi", "sm", "haw"),
    "african": ("sw", "ha", "yo", "ig", "zu", "xh", "st", "tn", "sn", "ny", "rw", "so", "om", "wo", "ln"),
    "caucasus-balkan-other": ("el", "hy", "ka", "sq", "eu", "mn", "tg", "qu"),
}
THIN = 0.5  # a slot under this share of its group's median is thin
MIN_MEDIAN = 2  # ... when that median is at least this
MIN_CONTENT = 6
MIN_DEIXIS = 4
MIN_NEGATION = 2
ACRONYM = 4  # characters, "$" aside


@dataclass(frozen=True)
class Gap:
    """One flag on one language's slot."""

    language: str
    slot: str
    kind: str  # "empty", "thin" or "key"
    detail: str


def group_of(code: str) -> str:
    """The group a language is compared within (its own code when not listed)."""
    for name, members in GROUPS.items():
        if code in members:
            return name
    return code


def load(folder: Path) -> dict[str, dict[str, list[str]]]:
    """Every lexicon of the folder: code -> slot -> entries."""
    out: dict[str, dict[str, list[str]]] = {}
    for path in sorted(folder.glob("*.toml")):
        if path.name == "common.toml":
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        code = str(data.get("code", path.stem))
        out[code] = {slot: [str(w) for w in data.get(slot, [])] for slot in SLOTS}
        if not data.get("spaces", True):
            out[code]["spaces"] = []  # a marker: entries match anywhere, one form covers every inflection
    return out


def _bare(entry: str) -> str:
    return entry.removesuffix("$").strip()


def key_gaps(code: str, lexicon: dict[str, list[str]]) -> list[Gap]:
    """Key concepts a lexicon seems to lack, read from the shape of its entries."""
    gaps: list[Gap] = []
    machine = [_bare(w) for w in lexicon["machine"]]
    if machine and not any(len(w) <= ACRONYM or " " in w for w in machine):
        gaps.append(Gap(code, "machine", "key", "no AI word (no acronym, no multi-word entry)"))
    stems = [w for w in machine if len(w) >= 5]
    shared = any(a != b and a[:5] == b[:5] for i, a in enumerate(stems) for b in stems[i + 1 :])
    if machine and not shared and "spaces" not in lexicon:
        gaps.append(Gap(code, "machine", "key", "no pair of forms of one stem (automatic / automatically)"))
    translate = [_bare(w) for w in lexicon["translate"]]
    done = [_bare(w) for w in lexicon["done"]]
    participles = [w for w in done if any(w.startswith(t) for t in translate)]
    if translate and not participles:
        detail = "no translated-participle form (no done entry starts with a translate stem)"
        gaps.append(Gap(code, "done", "key", detail))
    if len(done) - len(participles) <= 1:
        gaps.append(Gap(code, "done", "key", "no other made forms (generated / produced / created)"))
    if len(lexicon["content"]) < MIN_CONTENT:
        detail = f"under {MIN_CONTENT} nouns (texts / content / information / descriptions)"
        gaps.append(Gap(code, "content", "key", detail))
    if len(lexicon["deixis"]) < MIN_DEIXIS:
        gaps.append(Gap(code, "deixis", "key", f"under {MIN_DEIXIS} entries (this / here / above / below)"))
    if len(lexicon["negation"]) < MIN_NEGATION:
        gaps.append(Gap(code, "negation", "key", f"under {MIN_NEGATION} entries"))
    return gaps


def audit(lexicons: dict[str, dict[str, list[str]]]) -> list[Gap]:
    """Empty and thin slots against the language's group, then key concepts missing."""
    gaps: list[Gap] = []
    members: dict[str, list[str]] = {}
    for code in lexicons:
        members.setdefault(group_of(code), []).append(code)
    for code, lexicon in lexicons.items():
        peers = [p for p in members[group_of(code)] if p != code]
        for slot in SLOTS:
            n = len(lexicon[slot])
            median = statistics.median(len(lexicons[p][slot]) for p in peers) if peers else 0
            if n == 0 and (median >= 1 or slot in ("translate", "done", "machine", "content", "deixis", "negation")):
                gaps.append(Gap(code, slot, "empty", f"empty (group median {median:g})"))
            elif median >= MIN_MEDIAN and n < THIN * median:
                gaps.append(Gap(code, slot, "thin", f"{n} entries, group median {median:g}"))
        gaps.extend(key_gaps(code, lexicon))
    return gaps


def table(lexicons: dict[str, dict[str, list[str]]]) -> str:
    """Entry counts, one line per language."""
    head = "| language | group | " + " | ".join(SLOTS) + " |"
    rule = "| --- | --- |" + " ---: |" * len(SLOTS)
    lines = [head, rule]
    for code, lexicon in lexicons.items():
        lines.append(f"| {code} | {group_of(code)} | " + " | ".join(str(len(lexicon[s])) for s in SLOTS) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=FOLDER, help="folder of concept lexicons")
    parser.add_argument("--json", type=Path, help="write counts and flags here")
    parser.add_argument("--flags-only", action="store_true", help="print only the flags")
    args = parser.parse_args(argv)
    if not args.dir.is_dir():
        print(f"error: not a folder: {args.dir}", file=sys.stderr)
        return 2
    lexicons = load(args.dir)
    gaps = audit(lexicons)
    if not args.flags_only:
        print(table(lexicons))
        print()
    by_kind: dict[str, int] = {}
    for gap in gaps:
        by_kind[gap.kind] = by_kind.get(gap.kind, 0) + 1
        print(f"{gap.language:8} {gap.slot:10} {gap.kind:6} {gap.detail}")
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items()))
    print(f"\n{len(lexicons)} lexicons, {len(gaps)} flags: {kinds}")
    if args.json:
        counts = {code: {s: len(lex[s]) for s in SLOTS} for code, lex in lexicons.items()}
        payload = {"counts": counts, "gaps": [asdict(g) for g in gaps]}
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
