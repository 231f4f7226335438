"""Regexes compiled on first use (perf27): importing detection compiles few, and what is deferred compiles once."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from mtcheck.detect import concepts
from mtcheck.detect.deferred import Deferred, deferred

# Counts the regexes compiled while `mtcheck detect`'s modules are imported, in a fresh interpreter.
PROBE = """
import re._compiler as compiler
count = 0
original = compiler.compile
def counting(*args, **kwargs):
    global count
    count += 1
    return original(*args, **kwargs)
compiler.compile = counting
import mtcheck.detect, mtcheck.detect.page, mtcheck.run.runner
print(count)
"""
# Importing them compiled 193 regexes at 1e82cfc (of which a page uses about 60); now the module-level patterns of
# mtcheck.detect are deferred and what is left is other packages' and mtcheck.read's (26).
MAX_AT_IMPORT = 40


def test_importing_detection_compiles_few_regexes() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120)
    assert int(done.stdout.strip()) <= MAX_AT_IMPORT


def test_a_deferred_pattern_compiles_once_and_matches_as_compiled() -> None:
    source = r"(?<!\w)(translat\w*)"
    pattern = deferred(source, re.IGNORECASE)
    assert isinstance(pattern, Deferred) and not pattern.is_compiled
    assert pattern.pattern == source and not pattern.is_compiled  # the source is read without compiling
    text = "Translated by a machine; the translator's note"
    compiled = re.compile(source, re.IGNORECASE)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    first = pattern.compiled()
    assert pattern.is_compiled and pattern.flags == compiled.flags and pattern.groups == 1
    assert pattern.sub("x", text) == compiled.sub("x", text) and pattern.compiled() is first


def test_module_level_detection_patterns_are_deferred() -> None:
    from mtcheck.detect import context, core, normalize

    for module in (concepts, context, core, normalize):
        found = [v for v in vars(module).values() if isinstance(v, Deferred)]
        assert len(found) >= 10, module.__name__


def test_a_lexicon_compiles_a_concept_when_it_is_first_read(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = re.compile

    def counting(source: str, flags: int = 0) -> re.Pattern[str]:
        calls.append(source)
        return original(source, flags)

    i = concepts.languages().index("en")
    concepts._fold("Warm")  # its own deferred patterns, compiled now
    concepts._lexicon.cache_clear()
    monkeypatch.setattr(re, "compile", counting)
    try:
        lexicon = concepts._lexicon(i)
        assert calls == []  # no concept compiled yet
        but = lexicon.patterns["but"]
        assert but is not None and len(calls) == 1
        assert lexicon.patterns["but"] is but and len(calls) == 1  # compiled once
        assert list(lexicon.patterns) == list(concepts.CONCEPTS) and len(lexicon.patterns) == len(concepts.CONCEPTS)
        with pytest.raises(KeyError):
            lexicon.patterns["no such concept"]
    finally:
        concepts._lexicon.cache_clear()


def test_a_few_literals_give_the_same_starts_by_str_find_as_by_one_regex(monkeypatch: pytest.MonkeyPatch) -> None:
    # scan._starts looks for up to _FIND_EACH literals with str.find (perf27): the same start positions, overlapping
    # occurrences and literals that are prefixes of others included, as the trie regex it uses for more literals.
    from mtcheck.detect import scan

    pattern = re.compile(r"(?:ab|abcd)c\w{0,3}|h(?:ref=|ttp)\S+")
    found = scan.anchors(pattern)
    assert found is not None
    filler = "the quiet river runs along the old town wall. " * 60
    text = "".join(filler + piece for piece in ("abcdc x", "abcabcdcc", "href=y http://z", "habc", "ab")) * 20
    assert len(text) >= scan.MIN_TEXT
    monkeypatch.setattr(scan, "_FIND_EACH", 1000)
    by_find = scan._starts(text, found)
    monkeypatch.setattr(scan, "_FIND_EACH", 0)
    assert by_find and by_find == scan._starts(text, found)
    monkeypatch.setattr(scan, "_FIND_EACH", 1000)
    spans = [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in scan.finditer(pattern, text)] == spans

    # A literal that overlaps itself (second read of perf27): "abab" in "ababab1" occurs at 0 and at 2, and the match
    # starts at 2; a search that went on after the end of an occurrence would miss it.
    overlapping = re.compile(r"abab\d")
    assert scan.anchors(overlapping) == ((((0, 0, frozenset({"abab"})),),),)
    text = (filler + "ababab1") * 20
    assert [m.span() for m in scan.finditer(overlapping, text)] == [m.span() for m in overlapping.finditer(text)] != []


# `re`'s own functions take a str or a compiled pattern: `re.search(P, text)` with P deferred raises TypeError (and
# mypy does not see it: deferred() is typed as the pattern). Second read of perf27: every such call in mtcheck/ is
# found here, P a module's name or an attribute of an imported module (`re.sub(context.SPACED_DASH, ...)`).
_RE_FUNCTIONS = frozenset({"search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "compile"})


def _deferred_passed_to_re(source: str, namespace: dict[str, object]) -> list[str]:
    """`re.<function>(X, ...)` calls in `source` whose pattern X is a Deferred in `namespace` (a module's globals)."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        function = node.func
        if not (isinstance(function.value, ast.Name) and function.value.id == "re" and function.attr in _RE_FUNCTIONS):
            continue
        args = node.args[:1] + [k.value for k in node.keywords if k.arg == "pattern"]
        for pattern in args:
            arg, names = pattern, []
            while isinstance(arg, ast.Attribute):
                names.insert(0, arg.attr)
                arg = arg.value
            if not isinstance(arg, ast.Name):
                continue
            value: object = namespace.get(arg.id)
            for name in names:
                value = getattr(value, name, None)
            if isinstance(value, Deferred):
                found.append(f"line {node.lineno}: re.{function.attr}({ast.unparse(pattern)}, ...)")
    return found


def test_the_guard_finds_a_deferred_pattern_passed_to_re() -> None:
    from mtcheck.detect import context

    namespace = {"re": re, "P": deferred("x"), "context": context, "S": "x"}
    source = "re.search(P, t)\nre.sub(pattern=context.SPACED_DASH, repl='', string=t)\nP.search(t)\nre.search(S, t)\n"
    assert _deferred_passed_to_re(source, namespace) == [
        "line 1: re.search(P, ...)",
        "line 2: re.sub(context.SPACED_DASH, ...)",
    ]


def test_no_deferred_pattern_is_passed_to_re_functions() -> None:
    import importlib
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    found = []
    for path in sorted((root / "mtcheck").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if "re." not in source or path.name == "__main__.py":
            continue
        name = ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
        try:
            module = importlib.import_module(name)
        except ImportError:  # an optional dependency (torch, ray) missing: its module cannot hold a detect pattern
            continue
        found += [f"{name} {hit}" for hit in _deferred_passed_to_re(source, vars(module))]
    assert found == []
