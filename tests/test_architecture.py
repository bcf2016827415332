"""The shape of the package: imports run one way (no circles between any two modules), the rooms
are subpackages, modules stay small, and nothing is imported by a name held in a string."""

from __future__ import annotations

import ast
from pathlib import Path

import grimp

import dateline


def _cycles(graph: grimp.ImportGraph) -> list[tuple[str, ...]]:
    """Each direct import a -> b for which b also reaches a, with the way back."""
    found = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back is not None:
                found.append((importer, *back))
    return found


def test_no_import_cycles_among_dateline_modules() -> None:
    graph = grimp.build_graph("dateline")  # every import, function-level ones included
    assert len(graph.modules) > 50  # the whole package was read, not an empty graph
    assert _cycles(graph) == []


def test_a_cycle_is_seen() -> None:
    """The check itself: a graph with a circle through three modules is caught."""
    graph = grimp.ImportGraph()
    for name in ("pkg", "pkg.a", "pkg.b", "pkg.c"):
        graph.add_module(name)
    graph.add_import(importer="pkg.a", imported="pkg.b")
    graph.add_import(importer="pkg.b", imported="pkg.c")
    assert _cycles(graph) == []
    graph.add_import(importer="pkg.c", imported="pkg.a")
    assert ("pkg.a", "pkg.b", "pkg.c", "pkg.a") in _cycles(graph)


PACKAGE = Path(dateline.__file__).resolve().parent
MAX_TOP_LEVEL_MODULES = 12
MIN_SUBPACKAGES = 7
MAX_MODULE_LINES = 600


def test_the_top_level_holds_few_modules_and_the_rooms_are_packages() -> None:
    modules = sorted(p.name for p in PACKAGE.glob("*.py"))
    rooms = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert len(modules) <= MAX_TOP_LEVEL_MODULES, modules
    assert len(rooms) >= MIN_SUBPACKAGES, rooms


def test_no_module_is_over_600_lines() -> None:
    sizes = {str(p.relative_to(PACKAGE)): len(p.read_text(encoding="utf-8").splitlines())
             for p in PACKAGE.rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > MAX_MODULE_LINES} == {}


def _dynamic_imports(source: str) -> list[str]:
    """Calls that import a module named by a value: importlib.import_module, __import__."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__"):
                found.append(f"line {node.lineno}: {name}")
    return found


def test_no_string_registries() -> None:
    """Savers, commands and suites are listed as imported objects: no module is looked up by a
    name, so none can be skipped when it goes missing."""
    found = {str(p.relative_to(PACKAGE)): hits for p in PACKAGE.rglob("*.py")
             if (hits := _dynamic_imports(p.read_text(encoding="utf-8")))}
    assert found == {}
    assert _dynamic_imports("import importlib\nfor n in NAMES:\n    importlib.import_module(n)\n")
