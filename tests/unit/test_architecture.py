"""The house rules of docs/architecture.md, checked on the real import graph.

Layers and forbidden imports are import-linter contracts in pyproject.toml; circles are found here on
the same graph (grimp, import-linter's engine), so a new circle fails the suite with its modules named.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "mtcheck"


def test_import_linter_contracts_are_kept() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; lint_imports_command()"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout
    assert done.stdout.count(" KEPT") >= 5  # the contracts ran


def _cycles(graph: grimp.ImportGraph, skip: frozenset[str] = frozenset()) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    modules = sorted(m for m in graph.modules if m.startswith("mtcheck.") and m not in skip)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in modules:
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in modules:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_circles() -> None:
    # Imports made only for type checking never run, so they cannot make a circle at run time.
    graph = grimp.build_graph("mtcheck", exclude_type_checking_imports=True)
    assert len(graph.modules) > 100  # the whole package was read
    # The package root only re-exports the public face lazily; it is nobody's dependency.
    assert _cycles(graph, skip=frozenset({"mtcheck"})) == []


def test_cycle_finder_finds_a_circle() -> None:
    graph = grimp.ImportGraph()
    for name in ("mtcheck.a", "mtcheck.b", "mtcheck.c"):
        graph.add_module(name)
    graph.add_import(importer="mtcheck.a", imported="mtcheck.b")
    graph.add_import(importer="mtcheck.b", imported="mtcheck.a")
    graph.add_import(importer="mtcheck.b", imported="mtcheck.c")
    assert _cycles(graph) == [["mtcheck.a", "mtcheck.b"]]


def test_top_level_holds_at_most_eight_modules() -> None:
    modules = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(modules) <= 8, modules


def test_every_name_of_mtcheck_results_resolves_and_the_reports_come_from_report_results() -> None:
    import subprocess
    import sys

    import mtcheck.report_results
    import mtcheck.results

    for name in mtcheck.results.__all__:
        assert getattr(mtcheck.results, name) is not None
    assert set(mtcheck.report_results.__dict__) & set(mtcheck.results.__all__) == mtcheck.results._REPORT_RESULTS
    for name in mtcheck.results._REPORT_RESULTS:
        assert getattr(mtcheck.results, name) is getattr(mtcheck.report_results, name)
    # importing mtcheck.results alone does not build the report's dataclasses
    code = "import sys, mtcheck.results; print('mtcheck.report_results' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"
