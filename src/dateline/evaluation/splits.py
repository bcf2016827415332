"""The fixed tune/check split of every development set, and the digest that pins a set.

Split: the set's document ids (page keys for the HTML set) are sorted as strings; the documents
at even positions of that order (0, 2, 4, …) are the **tune** half, the odd ones the **check**
half. Errors are read on tune only; a change is kept when check holds or improves. The split
depends on the ids alone, so it is the same in every checkout, for every suite, and a reader can
rebuild it in one line (``sorted(ids)[0::2]``).

Digest: sha256 over the set's files, taken in sorted path order, each as its path relative to
the data folder, a NUL, its bytes and a NUL (a folder stands for every file under it). A set whose
digest differs from the one pinned in ``baseline.json`` has changed: its floors no longer apply.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

HALVES = ("tune", "check")


def half_of_ids(ids: Iterable[str]) -> dict[str, str]:
    """``{id: "tune" | "check"}`` by the parity of the id's position in sorted order."""
    return {doc_id: HALVES[i % 2] for i, doc_id in enumerate(sorted(set(ids)))}


def split_rows(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The rows of each half, each half in the rows' own order (the order the scorers read)."""
    half = half_of_ids(str(r["id"]) for r in rows)
    return {name: [r for r in rows if half[str(r["id"])] == name] for name in HALVES}


def files_of(data_dir: Path, paths: Iterable[str]) -> list[Path]:
    found: list[Path] = []
    for rel in paths:
        path = data_dir / rel
        found.extend(sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path])
    return sorted(found)


def digest(data_dir: Path, paths: Iterable[str]) -> str:
    sha = hashlib.sha256()
    for path in files_of(data_dir, paths):
        sha.update(path.relative_to(data_dir).as_posix().encode("utf-8") + b"\0")
        sha.update(path.read_bytes() + b"\0")
    return sha.hexdigest()
