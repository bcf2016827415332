-- Articles: one row per distinct content; the full contract record is kept as JSON.
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL,                      -- the input's id (or content hash when it had none)
    content_hash TEXT NOT NULL UNIQUE,     -- sha1 of the normalised text: re-ingesting is a no-op
    headline TEXT,
    text TEXT NOT NULL,
    published TEXT,
    dateline_place TEXT,
    agency TEXT,
    source_path TEXT,
    source_url TEXT,
    publisher TEXT,
    record TEXT NOT NULL,                  -- the dateline/1 record, JSON
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_id ON articles(id);
CREATE INDEX articles_published ON articles(published);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    headline, text, content='articles', content_rowid='rowid', tokenize='porter unicode61'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, headline, text) VALUES (new.rowid, new.headline, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, headline, text)
    VALUES ('delete', old.rowid, old.headline, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, headline, text)
    VALUES ('delete', old.rowid, old.headline, old.text);
    INSERT INTO articles_fts(rowid, headline, text) VALUES (new.rowid, new.headline, new.text);
END;

-- Inputs that could not be processed, with the reason, kept so they can be re-run.
CREATE TABLE rejected (
    rowid INTEGER PRIMARY KEY,
    input_id TEXT NOT NULL,
    source_path TEXT,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    payload TEXT,                          -- the input as read (JSON line or text), when we have it
    rejected_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (input_id, code)
);
