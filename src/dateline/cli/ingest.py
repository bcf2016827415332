"""Ingest commands: what ``dateline ingest`` reads (paths, feeds, retries), ``watch``, ``stories``.

``gather_inputs`` is the one place that turns a command line into RawInputs, so ``ingest`` (in
``cli.main``) and ``watch`` read files, archives, feeds and rejected inputs the same way.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from dateline.cli.terminal import DB_HELP, echo
from dateline.ingest.feeds import PoliteFetcher, fetch_item, read_feed, retry
from dateline.ingest.files import expand_paths, read_inputs
from dateline.ingest.manifest import Manifest
from dateline.ingest.raw import DEFAULT_MAX_BYTES, RawInput, from_record
from dateline.store.db import DEFAULT_DB, Store
from dateline.store.dialect import display_name


def fetcher_from_env(max_bytes: int = DEFAULT_MAX_BYTES, timeout: float | None = None,
                     ignore_robots: bool = False) -> PoliteFetcher:
    """The fetcher for this run: the DATELINE_FETCH_* settings (docs/reliability.md), unless the
    command line says otherwise."""
    fetcher = PoliteFetcher(max_bytes=max_bytes)
    if timeout:
        fetcher.timeout = timeout
    if ignore_robots:
        fetcher.robots = False
    return fetcher


def rejected_inputs(store: Store, max_bytes: int, fetcher: PoliteFetcher) -> Iterator[RawInput]:
    """The store's rejected inputs, read again: from their payload, a feed/page fetch, or their file."""
    for row in store.rejected():
        if row["payload"]:
            try:
                obj = json.loads(row["payload"])
            except ValueError:
                obj = None
            if isinstance(obj, dict):
                again = retry(obj, max_bytes, fetcher)
                if again is not None:
                    items = list(again)
                    if obj.get("retry") == "feed" and not any(r.source.url == obj["feed"] for r in items):
                        # the feed itself was read this time; its items stand for it now
                        with store.conn:
                            store.conn.execute("DELETE FROM rejected WHERE rowid = ?", (row["rowid"],))
                    yield from items
                    continue
                if obj.get("text") is not None or obj.get("html") is not None:
                    yield from_record(obj, row["source_path"])
                    continue
        if row["source_path"]:
            path = row["source_path"].partition("!")[0]  # an archive member: re-read its archive
            yield from read_inputs([path], max_bytes)


def gather_inputs(store: Store, paths: Iterable[str], feeds: Iterable[str], fetch: bool,
                  retry_rejected: bool, max_bytes: int, manifest: Manifest | None = None,
                  fetcher: PoliteFetcher | None = None) -> Iterator[RawInput]:
    fetcher = fetcher or fetcher_from_env(max_bytes)
    if retry_rejected:
        # read them all first: re-running them rewrites the rejected table we are reading
        yield from list(rejected_inputs(store, max_bytes, fetcher))
    if paths:
        yield from read_inputs(paths, max_bytes, manifest)
    for ref in feeds:
        for raw in read_feed(ref, fetch, max_bytes, fetcher):
            if manifest is not None:
                status = "read" if raw.error is None else "rejected"
                manifest.add(ref, raw.source.url or raw.id, status,
                             raw.error.code.value if raw.error else None, raw.error.message if raw.error else None)
            yield raw


# -- watch -----------------------------------------------------------------------------------
def parse_interval(ctx: click.Context, param: click.Parameter, value: str) -> float:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", value)
    if not m:
        raise click.BadParameter(f"{value!r} is not an interval like 30s, 15m, 2h")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]


def new_inputs(store: Store, folder: str | None, feeds: Iterable[str], fetch: bool, max_bytes: int,
               fetcher: PoliteFetcher) -> tuple[list[RawInput], list[str]]:
    """What is new since the last tick: files by path+size+mtime, feed items by id."""
    from dateline.store.ingest import seen

    found: list[RawInput] = []
    keys: list[str] = []
    if folder:
        for p in expand_paths([folder]):
            try:
                st = Path(p).stat()
            except OSError:  # gone between the listing and now: the next round sees
                continue
            key = f"file:{p}:{st.st_size}:{st.st_mtime_ns}"
            if not seen(store.conn, key):
                found.extend(read_inputs([p], max_bytes))
                keys.append(key)
    for ref in feeds:
        for raw in read_feed(ref, False, max_bytes, fetcher):
            key = f"feed:{ref}:{raw.id}"
            if raw.error is not None and raw.source.url == ref:
                found.append(raw)  # the feed itself failed: reject (and retry) it, remember nothing
                continue
            if seen(store.conn, key):
                continue
            if fetch and raw.source.url:
                raw = fetch_item({"id": raw.id, "url": raw.source.url, "title": raw.title,
                                  "publisher": raw.source.publisher, "published": raw.published,
                                  "feed": ref}, fetcher, max_bytes)
            found.append(raw)
            keys.append(key)
    return found, keys


@click.command()
@click.argument("folder", required=False, type=click.Path(file_okay=False, exists=True))
@click.option("--feed", "feeds", multiple=True, metavar="URL|FILE", help="A feed to watch (repeatable).")
@click.option("--fetch", is_flag=True, help="Download each new feed item's page.")
@click.option("--every", default="15m", show_default=True, callback=parse_interval,
              help="How often to look for new inputs (30s, 15m, 2h).")
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
@click.option("--once", is_flag=True, help="Look once, ingest what is new, and exit.")
@click.option("--timeout", type=float, default=None, help="Seconds one connect or read may wait.")
@click.option("--ignore-robots", is_flag=True, help="With --fetch: do not read robots.txt ($DATELINE_ROBOTS=0).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True)
@click.option("--model", default=None, help="spaCy model package.")
def watch(folder: str | None, feeds: tuple[str, ...], fetch: bool, every: float, db: str, once: bool,
          timeout: float | None, ignore_robots: bool, max_bytes: int, model: str | None) -> None:
    """Ingest what is new in FOLDER and/or --feed URLs, again every --every."""
    from dateline.pipeline import Options, process_batch
    from dateline.store.ingest import mark_seen

    if not folder and not feeds:
        raise click.UsageError("give a FOLDER or --feed URL to watch")
    options = Options(max_bytes=max_bytes, model=model)
    fetcher = fetcher_from_env(max_bytes, timeout, ignore_robots)
    with Store(db) as store:
        while True:
            fetcher.start_run()  # each round has the run deadline to itself
            inputs, keys = new_inputs(store, folder, feeds, fetch, max_bytes, fetcher)
            if inputs:
                report = store.ingest(process_batch(inputs, options))
                echo(f"{time.strftime('%H:%M:%S')} {display_name(db)}: {report}")
            mark_seen(store.conn, keys)  # after the ingest commit: a crash re-reads, never skips
            if once:
                return
            time.sleep(every)


# -- stories ---------------------------------------------------------------------------------
@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
@click.option("--min-articles", default=2, show_default=True, help="Only stories with this many articles.")
@click.option("--limit", default=50, show_default=True)
def stories(db: str, min_articles: int, limit: int) -> None:
    """Stories: groups of near-duplicate articles (one wire story, several outlets)."""
    from dateline.store.stories import list_stories

    with Store(db) as store:
        rows = list_stories(store.conn, min_articles, limit)
    if not rows:
        echo("no stories")
    for row in rows:
        echo(f"[{row['story_id']}] {row['num_articles']} articles  {row['headline'] or ''}")


@click.command()
@click.argument("story_id", type=int)
@click.option("--db", default=DEFAULT_DB, show_default=True, help=DB_HELP)
def story(story_id: int, db: str) -> None:
    """One story's articles and its merged events (num_articles, num_sources, sources), as JSON."""
    from dateline.store.stories import outlet, story_articles, story_events

    with Store(db) as store:
        articles = story_articles(store.conn, story_id)
        if not articles:
            raise click.ClickException(f"no story {story_id} in {display_name(db)}")
        record = {"story_id": story_id,
                  "articles": [{"rowid": r, "id": a.id, "headline": a.headline, "outlet": outlet(a),
                                "url": a.source.url} for r, a in articles],
                  "events": story_events(store.conn, story_id)}
    echo(json.dumps(record, ensure_ascii=False, indent=2))


COMMANDS = [watch, stories, story]
