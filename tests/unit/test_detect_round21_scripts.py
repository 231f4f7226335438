"""Round 21 (branch rules21-cjk): readings fixed by mechanism from the misses of sets 33-34 in languages written in
non-Latin scripts (and vi, id, ms, tl); docs/detection.md, "Sets 33-34: misses by mechanism (round 21)". Every
sentence here is written for the test, none is a dev-set row; each case failed before its fix.
"""

from __future__ import annotations

import pytest

from mtcheck.detect import detect_text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("This guide was automatically translated by Claude Code.", True),  # "Code" of the assistant's name
        ("この記事はGemini Code Assistによって自動翻訳されました。", True),
        ("本文由 Claude Code 自动翻译。", True),
        ("Diese Seite wurde mit Claude Code maschinell übersetzt.", True),
        ("We translated the code with Claude from Python to Rust.", False),  # code still reads as code
        ("Claude translated the source code of this module automatically.", False),
    ],
)
def test_the_code_of_an_assistants_name_is_no_code(text: str, flagged: bool) -> None:
    assert detect_text(text).machine_translated is flagged
