-- Events: one row per coded event of a stored article (issue 4), and its actors.
-- The full event stays in articles.record; these rows exist to query and export.
CREATE TABLE events (
    rowid INTEGER PRIMARY KEY,
    article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
    seq INTEGER NOT NULL,                  -- the event's index in the record's "events" list
    type TEXT NOT NULL,                    -- PLOVER event type
    mode TEXT,
    context TEXT,                          -- comma-separated PLOVER contexts
    cameo TEXT NOT NULL,                   -- CAMEO code, a string ("057")
    quad INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    source_codes TEXT,                     -- space-separated actor codes ("RUSGOV BLRGOV")
    target_codes TEXT,
    source_countries TEXT,                 -- space-separated ISO3 codes
    target_countries TEXT,
    event_date TEXT,                       -- earliest date of the event, else the article's date
    negated INTEGER NOT NULL DEFAULT 0,
    modality TEXT NOT NULL,
    confidence REAL NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    trigger_text TEXT,
    UNIQUE (article_rowid, seq)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_date ON events(event_date);

CREATE TABLE event_actors (
    event_rowid INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
    role TEXT NOT NULL,                    -- source | target
    name TEXT NOT NULL,
    actor TEXT,                            -- the article actor id ("a1"), if linked
    country TEXT,
    sector TEXT,
    code TEXT
);
CREATE INDEX event_actors_country ON event_actors(country, role);
CREATE INDEX event_actors_code ON event_actors(code, role);
