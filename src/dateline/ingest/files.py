"""Reading inputs: the paths of a command line (files, folders, standard input) → RawInputs.

A folder is every file below it in sorted path order; each file is read by what it is — an
archive (``archives``), a feed (``feeds``) or a document or JSON Lines file (``formats``).
Nothing here raises on bad input: a file that cannot be read becomes a RawInput with an
``error``, so the batch goes on and the store can keep what was rejected for a re-run.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.errors import Code, DatelineError
from dateline.ingest.archives import is_archive, read_archive
from dateline.ingest.feeds import FEED_SUFFIXES, read_feed_file
from dateline.ingest.formats import HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES, read_jsonl, read_stream
from dateline.ingest.manifest import Manifest
from dateline.ingest.raw import DEFAULT_MAX_BYTES, RawInput, content_id, from_bytes, from_record, payload_of
from dateline.record import Source

__all__ = ["read_inputs", "read_file", "expand_paths",
           # the raw-input names callers imported from here before ``raw`` was its own module
           "DEFAULT_MAX_BYTES", "RawInput", "content_id", "from_bytes", "from_record", "payload_of"]


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, manifest: Manifest | None = None) -> Iterator[RawInput]:
    """One file → its RawInputs (one per article; JSON Lines, archives and feeds give many).
    ``manifest`` (if given) is where an archive lists the members it skips."""
    name = path.name.lower()
    spath = str(path)
    if is_archive(name):
        yield from read_archive(path, max_bytes, manifest)
        return
    if name.endswith(FEED_SUFFIXES):
        yield from read_feed_file(path, max_bytes)
        return
    try:
        if not name.endswith(JSONL_SUFFIXES):
            # Whole documents are rejected from their size on disk, before any byte is read.
            size = path.stat().st_size
            if size > max_bytes and name.endswith(TEXT_SUFFIXES + HTML_SUFFIXES):
                yield RawInput(id=content_id(spath), source=Source(path=spath),
                               error=DatelineError(Code.TOO_LARGE, f"{spath}: {size} bytes"))
                return
        with open(path, "rb") as fh:
            yield from read_stream(fh, name, spath, max_bytes)
    except OSError as exc:
        yield RawInput(id=content_id(spath), source=Source(path=spath),
                       error=DatelineError(Code.UNREADABLE, f"{spath}: {exc}"))


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Folders become every file below them, in sorted path order; '-' stays as stdin."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            yield from (str(f) for f in sorted(path.rglob("*")) if f.is_file() and not f.name.startswith("."))
        else:
            yield p


def read_inputs(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES,
                manifest: Manifest | None = None) -> Iterator[RawInput]:
    """Every input named on a command line, in order; ``manifest`` (if given) lists each one."""
    for raw in _read_all(paths, max_bytes, manifest):
        if manifest is not None:
            path, _, member = (raw.source.path or "").partition("!")
            where = member or raw.source.url
            if raw.error is None:
                manifest.add(path or None, where or None, "read")
            else:
                manifest.add(path or None, where or None, "rejected", raw.error.code.value,
                             raw.error.message)
        yield raw


def _read_all(paths: Iterable[str], max_bytes: int, manifest: Manifest | None) -> Iterator[RawInput]:
    for p in expand_paths(paths):
        if p == "-":
            yield from read_jsonl(sys.stdin.buffer, None, max_bytes)
        elif not Path(p).exists():
            yield RawInput(id=content_id(p), source=Source(path=p),
                           error=DatelineError(Code.UNREADABLE, f"{p}: no such file"))
        else:
            yield from read_file(Path(p), max_bytes, manifest)
