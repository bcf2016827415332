"""Duplicates: exact copies stored once, reprints grouped into one story, events merged."""

from __future__ import annotations

from dateline.record import Article, Event, EventActor, EventDate, Offsets, Source, TextSpan
from dateline.store.db import Store
from dateline.store.stories import merge_events, story_of
from ingest_helpers import GOOD, GOOD_TOO

REPRINT = GOOD.replace("on Tuesday", "on Tuesday, May 4,").replace("by a fifth", "by 20 percent")
REPRINT_TOO = GOOD + " The quota will be reviewed in the autumn."


def plain(id_: str, text: str, publisher: str | None = None) -> Article:
    return Article(id=id_, text=text, source=Source(publisher=publisher))


def test_reprints_share_a_story_and_other_stories_do_not(db_path):
    with Store(db_path) as store:
        report = store.ingest([plain("a", GOOD), plain("b", GOOD_TOO), plain("c", REPRINT),
                               plain("d", REPRINT_TOO), plain("e", GOOD + "  ")])
        assert (report.stored, report.duplicates) == (4, 1)  # "e" is an exact copy of "a"
        rowid = {r["id"]: r["rowid"] for r in store.conn.execute("SELECT rowid, id FROM articles")}
        stories = {k: story_of(store.conn, v) for k, v in rowid.items()}
    assert stories["a"] == stories["c"] == stories["d"]
    assert stories["b"] != stories["a"]


def test_story_index_survives_reopening_the_store(db_path):
    with Store(db_path) as store:
        store.ingest([plain("a", GOOD)])
    with Store(db_path) as store:
        store.ingest([plain("c", REPRINT)])
        rows = store.conn.execute("SELECT story_id, num_articles FROM stories").fetchall()
    assert [tuple(r) for r in rows] == [(1, 2)]


def _event(cameo: str, source: str, target: str, day: str, confidence: float = 0.5) -> Event:
    return Event(type="AGREE", cameo=cameo, quad=1, goldstein=3.0,
                 source=[EventActor(name=source, country=source[:3].upper())],
                 target=[EventActor(name=target, country=target[:3].upper())],
                 sentence=Offsets(0, 10), trigger=TextSpan("agreed", 0, 6),
                 date=EventDate(text=None, earliest=day, latest=day), confidence=confidence)


def test_events_of_a_story_merge_with_article_and_source_counts():
    a = plain("a", GOOD, "Wire One")
    a.events = [_event("057", "Norway", "Russia", "2021-05-04")]
    b = plain("b", REPRINT, "Daily Two")
    b.events = [_event("057", "Norway", "Russia", "2021-05-04", 0.9), _event("054", "Norway", "Russia", "2021-05-04")]
    c = plain("c", REPRINT_TOO, "wire one")  # same outlet as "a", written differently
    c.events = [_event("057", "Norway", "Russia", "2021-05-04"), _event("057", "Norway", "Sweden", "2021-05-04")]
    merged = merge_events([(1, a), (2, b), (3, c)])
    top = merged[0]
    assert (top["num_articles"], top["num_sources"], top["num_mentions"]) == (3, 2, 4)
    assert top["cameo"] == "057" and top["confidence"] == 0.9
    assert [s["outlet"] for s in top["sources"]] == ["wire one", "daily two", "wire one"]
    sweden = [m for m in merged if m["target"][0]["country"] == "SWE"]
    assert sweden and sweden[0]["num_articles"] == 1
