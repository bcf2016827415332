"""What `dateline export` reads: stores written by `dateline ingest` (an SQLite file or a
``postgresql://`` URL), and JSON Lines records
written by `dateline extract` (plain or gzipped, or standard input).

Anything else is a ``DatelineError`` with a catalogue code — E107 a path that cannot be read,
E110 a file that is neither, E104 a line that is not a record — which the command prints and
exits 2 on, never a traceback. Both kinds of input come out as stories (lists of ``Item``):
a store's own stories, or, for records, reprints grouped the way the store groups them
(MinHash over word 3-shingles, ``store.stories``), the records taken in content-hash order so
the grouping does not depend on the order of the lines.
"""

from __future__ import annotations

import gzip
import io
import json
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from dateline.errors import Code, DatelineError
from dateline.output.happenings import Item
from dateline.record import Article, article_from_dict
from dateline.store import stories
from dateline.store.db import Store, content_hash
from dateline.store.dialect import is_postgres_url, stream

SQLITE_MAGIC = b"SQLite format 3\x00"
GZIP_MAGIC = b"\x1f\x8b"


def kind_of(path: str) -> str:
    """"store" or "records" for a path we can export from; raises E107/E110 otherwise."""
    if path == "-":
        return "records"
    if is_postgres_url(path):
        return "store"
    p = Path(path)
    if not p.exists():
        raise DatelineError(Code.UNREADABLE, f"{path}: no such file")
    if p.is_dir():
        raise DatelineError(Code.UNSUPPORTED, f"{path}: a folder; give a store or JSON Lines records")
    try:
        with p.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
            if head.startswith(GZIP_MAGIC):
                fh.seek(0)
                with gzip.open(fh) as inner:
                    head = inner.read(64)
    except (OSError, EOFError) as exc:
        raise DatelineError(Code.UNREADABLE, f"{path}: {exc}") from None
    if head == SQLITE_MAGIC:
        return "store"
    if head.lstrip()[:1] == b"{" or (not head.strip() and p.stat().st_size == 0):
        return "records"
    raise DatelineError(Code.UNSUPPORTED, f"{path}: neither a dateline store nor JSON Lines records")


def _lines(path: str) -> IO[str]:
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace") \
            if hasattr(sys.stdin, "buffer") else sys.stdin
    with open(path, "rb") as fh:
        gzipped = fh.read(2) == GZIP_MAGIC
    if gzipped:
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace")  # noqa: SIM115 - closed by the caller


def read_records(path: str) -> Iterator[Item]:
    """The articles of an extract output file; error records are skipped (they have no events)."""
    stream = _lines(path)
    try:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError("not a JSON object")
                if record.get("error"):
                    continue
                article = article_from_dict(record)
                _check(article)
                item = Item(article, content_hash(article.text))
            except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
                raise DatelineError(Code.BAD_JSON, f"{path}:{number}: not a dateline record ({exc})") from None
            yield item
    except (OSError, EOFError) as exc:
        raise DatelineError(Code.UNREADABLE, f"{path}: {exc}") from None
    finally:
        if stream is not sys.stdin:
            stream.close()


def _check(article: Article) -> None:
    """What the exporters rely on: a text, CAMEO codes of digits, integer offsets."""
    if not isinstance(article.text, str):
        raise TypeError("text is not a string")
    for event in article.events:
        if not (isinstance(event.cameo, str) and event.cameo.isdigit() and 2 <= len(event.cameo) <= 4):
            raise ValueError(f"CAMEO code {event.cameo!r}")
        offsets = (event.sentence.start, event.sentence.end, event.trigger.start, event.trigger.end)
        if not all(isinstance(n, int) and not isinstance(n, bool) for n in offsets):
            raise TypeError("offsets are not integers")
        if not isinstance(event.goldstein, int | float) or not isinstance(event.confidence, int | float):
            raise TypeError("goldstein or confidence is not a number")


def group_records(items: Iterable[Item]) -> list[list[Item]]:
    """Reprints of one story grouped as the store groups them, independent of input order."""
    unique = {item.content_hash: item for item in items}  # exact copies are one article, as in a store
    index = stories.StoryIndex()
    signatures: dict[int, bytes] = {}
    groups: list[list[Item]] = []
    story_of: dict[int, int] = {}
    for n, key in enumerate(sorted(unique)):
        item = unique[key]
        mh = stories.signature(item.article.text)
        best, best_sim = None, 0.0
        for other in index.candidates(mh):
            sim = stories.similarity(mh, signatures[other])
            if sim >= stories.SIMILARITY and sim > best_sim:
                best, best_sim = story_of[other], sim
        if best is None:
            best = len(groups)
            groups.append([])
        groups[best].append(item)
        story_of[n] = best
        signatures[n] = stories.to_blob(mh)
        index.add(n, mh)
    return groups


def read_store(path: str) -> Iterator[list[Item]]:
    """A store's stories, one at a time (an article outside any story is a story of its own).
    Another program's SQLite file is refused (E110), never given our tables; an older store of
    ours is brought up to date by its migrations, as any opening does."""
    if is_postgres_url(path):
        yield from _stories_of(Store(path))  # a server that cannot be reached: E107 from the store
        return
    try:
        probe = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in probe.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        raise DatelineError(Code.UNREADABLE, f"{path}: {exc}") from None
    if not {"articles", "schema_migrations"} <= tables:
        raise DatelineError(Code.UNSUPPORTED, f"{path}: an SQLite file, but not a dateline store")
    try:
        store = Store(path)
    except sqlite3.DatabaseError as exc:
        raise DatelineError(Code.UNREADABLE, f"{path}: {exc}") from None
    yield from _stories_of(store)


def _stories_of(store: Store) -> Iterator[list[Item]]:
    with store:
        rows = stream(
            store.conn,
            "SELECT a.record, a.content_hash, a.ingested_at, s.story_id FROM articles a "
            "LEFT JOIN article_story s ON s.article_rowid = a.rowid "
            "ORDER BY s.story_id IS NULL, s.story_id, a.rowid")
        current: list[Item] = []
        current_story: object = object()
        for record, digest, added, story_id in rows:
            item = Item(article_from_dict(json.loads(record)), digest, added)
            if story_id is None or story_id != current_story:
                if current:
                    yield current
                current, current_story = [], story_id
            current.append(item)
        if current:
            yield current


def read_stories(paths: Iterable[str]) -> Iterator[list[Item]]:
    """Every input's stories: stores as they are, all the records together, grouped."""
    records: list[Item] = []
    kinds = [(path, kind_of(path)) for path in paths]  # every path checked before any output
    for path, kind in kinds:
        if kind == "store":
            yield from read_store(path)
        else:
            records.extend(read_records(path))
    if records:
        yield from group_records(records)
