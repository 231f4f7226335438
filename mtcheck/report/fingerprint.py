"""Stable finding fingerprints (document, rule, flagged text; never offsets), for baselines and SARIF."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import unicodedata
from collections import Counter
from pathlib import Path, PurePosixPath

from mtcheck.results import Finding, Report


def document_key(path: str) -> str:
    """The document path as stored in baselines: relative to the working directory when inside it, '/'."""
    if path in ("", "-") or re.match(r"https?://", path, re.IGNORECASE):
        return path  # stdin, or a web page: its URL is its key
    candidate = Path(path)
    if candidate.is_absolute():
        with contextlib.suppress(ValueError):
            candidate = candidate.relative_to(Path.cwd())
    text = os.path.normpath(str(candidate)).replace("\\", "/")
    return str(PurePosixPath(text))


_SURROGATE = re.compile("[\ud800-\udfff]")


def normalise_text(text: str) -> str:
    # Lone surrogates cannot be encoded; they become U+FFFD here and in the baseline file.
    return " ".join(unicodedata.normalize("NFC", _SURROGATE.sub("\ufffd", text)).split())


def flagged_text(report: Report, finding: Finding) -> str:
    """The text a finding points at: its own text, else the span in the document, else ''."""
    if finding.text:
        return finding.text
    if finding.start is not None and finding.end is not None:
        return report.document.text[finding.start : finding.end]
    return ""


def fingerprint(document: str, rule: str, text: str) -> str:
    """sha256 of (normalised document path, rule id, normalised flagged text); never offsets."""
    key = "\x1f".join((normalise_text(document_key(document)), normalise_text(rule), normalise_text(text)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def finding_fingerprint(report: Report, finding: Finding) -> str:
    """The stable fingerprint of one finding in one report."""
    return fingerprint(report.document.path, finding.rule_id, flagged_text(report, finding))


def occurrences(report: Report) -> list[tuple[Finding, str, int]]:
    """Each finding with its fingerprint and its 0-based occurrence among equal fingerprints."""
    seen: Counter[str] = Counter()
    out = []
    for finding in report.all_findings():
        fp = finding_fingerprint(report, finding)
        out.append((finding, fp, seen[fp]))
        seen[fp] += 1
    return out
