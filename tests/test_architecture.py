"""The shape of the package: imports run one way (no circles between any two modules)."""

from __future__ import annotations

import grimp


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
