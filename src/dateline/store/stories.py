"""Duplicates: one copy of each text, and reprints of one wire story grouped into a ``story``.

Exact duplicates never reach this module: the store keys articles by the hash of their
normalised text (``store.db.content_hash``), so a second copy is an ``INSERT OR IGNORE`` no-op.

Near duplicates — the same story reprinted with a new headline, a trimmed last paragraph, a
house-style edit — are found with MinHash over word 3-shingles and an LSH index
(``datasketch``). ``save_story`` runs as a store saver inside the ingest transaction: it
files the new article under the story of its most similar stored article when their
estimated Jaccard similarity reaches ``SIMILARITY``, else opens a new story. Signatures are
stored with the mapping, so the in-memory index is rebuilt from the database and candidates
are always checked against what the database really holds (a rolled-back batch leaves no
ghost behind).

``merge_events`` folds the events of a story's articles into one event per happening (same date,
dyad, CAMEO root and polarity: ``event_key``), with
``num_articles``, ``num_sources`` and every source listed — GDELT's NumArticles/NumSources,
counted over distinct articles and distinct outlets rather than raw mentions.
"""

from __future__ import annotations

import json
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import numpy as np
from datasketch import MinHash, MinHashLSH

from dateline.record import Article, Event, article_from_dict
from dateline.store.dialect import StoreConnection, inserted

NUM_PERM = 128
SHINGLE = 3
# Reprints of one story share most of their 3-shingles; different stories on the same topic
# share few. The LSH index is tuned to this threshold and candidates are then verified.
SIMILARITY = 0.5
_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    tokens = _TOKEN.findall(text.casefold())
    if len(tokens) < k:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i:i + k]).encode("utf-8") for i in range(len(tokens) - k + 1)}


def _hash32(data: bytes) -> int:
    # crc32: deterministic across processes (signatures are stored) and far cheaper than sha1
    return zlib.crc32(data)


_PROTO = MinHash(num_perm=NUM_PERM, hashfunc=_hash32)  # permutations made once, shared by all


def signature(text: str) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, hashfunc=_hash32, permutations=_PROTO.permutations, scheme=_PROTO.scheme)
    grams = shingles(text)
    if grams:
        mh.update_batch(list(grams))
    return mh


def to_blob(mh: MinHash) -> bytes:
    return np.asarray(mh.hashvalues, dtype=np.uint64).tobytes()


def from_blob(blob: bytes) -> MinHash:
    values = np.frombuffer(blob, dtype=np.uint64).astype(_PROTO.hashvalues.dtype)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=_PROTO.scheme)


def similarity(mh: MinHash, blob: bytes) -> float:
    """Estimated Jaccard similarity of a signature and a stored one (share of equal minima)."""
    other = np.frombuffer(blob, dtype=np.uint64)
    return float(np.mean(np.asarray(mh.hashvalues, dtype=np.uint64) == other))


class StoryIndex:
    """An LSH index over stored articles' signatures, keyed by article rowid."""

    def __init__(self) -> None:
        self.lsh = MinHashLSH(threshold=SIMILARITY, num_perm=NUM_PERM)

    def add(self, rowid: int, mh: MinHash) -> None:
        key = str(rowid)
        if key in self.lsh.keys:  # a rowid reused after a rolled-back batch
            self.lsh.remove(key)
        self.lsh.insert(key, mh)

    def candidates(self, mh: MinHash) -> list[int]:
        return [int(key) for key in self.lsh.query(mh)]

    @classmethod
    def load(cls, conn: StoreConnection) -> StoryIndex:
        index = cls()
        for rowid, blob in conn.execute("SELECT article_rowid, signature FROM article_story"):
            index.add(rowid, from_blob(blob))
        return index


# One index per open connection (the saver only receives the connection).
_INDEXES: dict[int, tuple[StoreConnection, StoryIndex]] = {}


def index_for(conn: StoreConnection) -> StoryIndex:
    held = _INDEXES.get(id(conn))
    if held is None or held[0] is not conn:
        held = (conn, StoryIndex.load(conn))
        _INDEXES[id(conn)] = held
    return held[1]


def nearest_story(conn: StoreConnection, mh: MinHash, index: StoryIndex) -> tuple[int | None, float]:
    """The story of the most similar stored article, verified against the database."""
    best, best_sim = None, 0.0
    keys = index.candidates(mh)
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        rows = conn.execute(
            f"SELECT story_id, signature FROM article_story WHERE article_rowid IN ({','.join('?' * len(chunk))})",
            chunk)
        for story_id, blob in rows:
            sim = similarity(mh, blob)
            if sim >= SIMILARITY and sim > best_sim:
                best, best_sim = story_id, sim
    return best, best_sim


def save_story(conn: StoreConnection, article_rowid: int, article: Article) -> None:
    """Store saver: file the new article under its story (or open one)."""
    index = index_for(conn)
    mh = signature(article.text)
    story_id, sim = nearest_story(conn, mh, index)
    if story_id is None:
        story_id = inserted(conn, "INSERT INTO stories (first_article, headline) VALUES (?, ?)",
                            (article_rowid, article.headline), key="story_id")
        sim = 1.0
    else:
        conn.execute("UPDATE stories SET num_articles = num_articles + 1 WHERE story_id = ?", (story_id,))
    conn.execute("INSERT INTO article_story (article_rowid, story_id, similarity, signature) VALUES (?,?,?,?)",
                 (article_rowid, story_id, round(sim, 4), to_blob(mh)))
    conn.execute("UPDATE events SET story_id = ? WHERE article_rowid = ?", (story_id, article_rowid))
    index.add(article_rowid, mh)


# -- reading stories -------------------------------------------------------------------------
def story_of(conn: StoreConnection, article_rowid: int) -> int | None:
    row = conn.execute("SELECT story_id FROM article_story WHERE article_rowid = ?", (article_rowid,)).fetchone()
    return row[0] if row else None


def story_articles(conn: StoreConnection, story_id: int) -> list[tuple[int, Article]]:
    rows = conn.execute(
        "SELECT a.rowid, a.record FROM article_story s JOIN articles a ON a.rowid = s.article_rowid "
        "WHERE s.story_id = ? ORDER BY a.rowid", (story_id,))
    return [(rowid, article_from_dict(json.loads(record))) for rowid, record in rows]


def list_stories(conn: StoreConnection, min_articles: int = 1, limit: int = 50) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT story_id, headline, num_articles, first_article FROM stories WHERE num_articles >= ? "
        "ORDER BY num_articles DESC, story_id LIMIT ?", (min_articles, limit))
    return [dict(zip(("story_id", "headline", "num_articles", "first_article"), r)) for r in rows]


# -- merging events ----------------------------------------------------------------------------
def outlet(article: Article) -> str:
    """Who published the article: its publisher, else its URL's host, else its id."""
    if article.source.publisher:
        return article.source.publisher.strip().casefold()
    if article.source.url:
        host = urlsplit(article.source.url).hostname or ""
        return host.removeprefix("www.")
    return f"article:{article.id}"


def actor_side(actors: Iterable[Any]) -> tuple[str, ...]:
    """One side of a dyad as outlets agree on it: countries rather than full actor codes (one
    outlet writes "Russia", another "the Russian Foreign Ministry": RUS vs RUSGOV), else the
    actor's code, else its name."""
    return tuple(sorted({a.country or a.code or a.name.casefold() for a in actors}))


def event_key(event: Event) -> tuple[Any, ...]:
    """Two reports are of one happening when date, dyad, CAMEO root and polarity agree."""
    day = event.date.earliest if event.date else None
    return (day, actor_side(event.source), actor_side(event.target), event.cameo[:2], event.negated)


@dataclass
class MergedEvent:
    event: Event
    articles: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    mentions: int = 0
    cameo_votes: Counter[str] = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        record = asdict(self.event)
        if self.cameo_votes:  # the code most reports give (ties: the lower code, whatever the order)
            record["cameo"] = min(self.cameo_votes, key=lambda code: (-self.cameo_votes[code], code))
        record.update(num_articles=len(self.articles), num_sources=len(self.outlets),
                      num_mentions=self.mentions, sources=self.sources)
        return record


def merge_events(articles: Iterable[tuple[Any, Article]]) -> list[dict[str, Any]]:
    """One event per happening across a story's articles, with its article and outlet counts."""
    merged: dict[tuple[Any, ...], MergedEvent] = {}
    for key, article in articles:
        who = outlet(article)
        for event in article.events:
            group = merged.get(event_key(event))
            if group is None:
                group = merged[event_key(event)] = MergedEvent(event=event)
            elif (event.confidence, group.event.cameo) > (group.event.confidence, event.cameo):
                group.event = event  # the most confident report represents the group (ties: lower code)
            group.mentions += 1
            group.cameo_votes[event.cameo] += 1
            if str(key) not in group.articles:
                group.articles.append(str(key))
                group.sources.append({"article": str(key), "id": article.id, "outlet": who,
                                      "url": article.source.url, "publisher": article.source.publisher})
            if who not in group.outlets:
                group.outlets.append(who)
    ordered = sorted(merged.values(), key=lambda g: (-len(g.articles), -g.mentions))
    return [g.to_dict() for g in ordered]


def story_events(conn: StoreConnection, story_id: int) -> list[dict[str, Any]]:
    return merge_events(story_articles(conn, story_id))
