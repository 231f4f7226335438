"""Docs match the code: every rule id the code can emit has a section in docs/findings.md."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RULE_ID = re.compile(r'"((?:MT|EN|DE|FR|ES)-[A-Z0-9-]+)"')


def rule_ids_in_code() -> set[str]:
    ids: set[str] = set()
    for path in (ROOT / "mtcheck").rglob("*.py"):
        ids.update(RULE_ID.findall(path.read_text(encoding="utf-8")))
    return ids


def test_every_rule_id_in_code_is_documented() -> None:
    doc = (ROOT / "docs" / "findings.md").read_text(encoding="utf-8")
    ids = rule_ids_in_code()
    assert len(ids) >= 15  # the scan itself works
    missing = sorted(i for i in ids if f"`{i}`" not in doc)
    assert missing == []


def test_rule_ids_in_ci_and_readme_examples_are_real_rules() -> None:
    """The annotation and baseline examples of docs/ci.md and the README name rules that exist."""
    doc = (ROOT / "docs" / "findings.md").read_text(encoding="utf-8")
    example = re.compile(r'title=mtcheck (\S+) \(|"rule": "([^"]+)"')
    named = set()
    for name in ("docs/ci.md", "README.md"):
        for m in example.finditer((ROOT / name).read_text(encoding="utf-8")):
            named.add(m.group(1) or m.group(2))
    assert len(named) >= 2  # the scan itself works
    assert sorted(i for i in named if f"`{i}`" not in doc) == []


def test_ci_doc_lists_every_format() -> None:
    """docs/ci.md's --format list and its outputs table name every format the code accepts."""
    from mtcheck.run.configfile import FORMAT_CHOICES

    doc = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    listed = re.search(r"`--format` takes a comma list of any of `([a-z,]+)`", doc)
    assert listed is not None and set(listed.group(1).split(",")) == set(FORMAT_CHOICES)
    table = {m.group(1) for m in re.finditer(r"^\| `[^`]+` \| `([a-z]+)` \|", doc, re.MULTILINE)}
    assert table == set(FORMAT_CHOICES)
