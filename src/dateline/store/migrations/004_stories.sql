-- Stories (issue 6): near-duplicate articles (one wire story reprinted by several outlets)
-- grouped by MinHash/LSH; the raw pages articles came from; a manifest of every ingest run.

CREATE TABLE stories (
    story_id INTEGER PRIMARY KEY,
    first_article INTEGER NOT NULL,        -- rowid of the article that opened the story
    headline TEXT,                         -- the first article's headline
    num_articles INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE article_story (
    article_rowid INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
    story_id INTEGER NOT NULL REFERENCES stories(story_id),
    similarity REAL NOT NULL,              -- estimated Jaccard to the nearest article of the story (1 = opener)
    signature BLOB NOT NULL                -- the article's MinHash (uint64 array), to rebuild the LSH index
);
CREATE INDEX article_story_story ON article_story(story_id);

-- The page an article was extracted from, gzip-compressed, so extraction can be re-run.
CREATE TABLE raw_pages (
    article_rowid INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
    url TEXT,
    html_gz BLOB NOT NULL
);

-- What each ingest run read, skipped and rejected (archives, folders, feeds).
CREATE TABLE ingest_manifest (
    rowid INTEGER PRIMARY KEY,
    run_id TEXT NOT NULL,
    path TEXT,                             -- the file, archive or feed
    member TEXT,                           -- the member inside an archive, the record URI of a WARC
    status TEXT NOT NULL,                  -- read | skipped | rejected
    code TEXT,                             -- the error code of a rejected input
    detail TEXT,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX ingest_manifest_run ON ingest_manifest(run_id);

-- Inputs `dateline watch` has already handed to ingest (a file's path+size+mtime, a feed item's id).
CREATE TABLE watch_seen (
    key TEXT PRIMARY KEY,
    seen_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
