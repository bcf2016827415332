-- Issue 11: each event's place, interval end and story; the full-text indexes declared the way
-- Datasette and sqlite-utils recognise (content="table"); views for dyadic events and speakers.

ALTER TABLE events ADD COLUMN date_latest TEXT;        -- the latest day of the event's interval
ALTER TABLE events ADD COLUMN place_name TEXT;
ALTER TABLE events ADD COLUMN place_country TEXT;      -- ISO3
ALTER TABLE events ADD COLUMN place_adm1 TEXT;         -- GeoNames admin1 code of the place
ALTER TABLE events ADD COLUMN place_precision TEXT;    -- city | adm1 | country
ALTER TABLE events ADD COLUMN lat REAL;
ALTER TABLE events ADD COLUMN lon REAL;
ALTER TABLE events ADD COLUMN geonames_id INTEGER;
ALTER TABLE events ADD COLUMN story_id INTEGER;        -- stories.story_id of the event's article

UPDATE events SET
    date_latest = json_extract(a.record, '$.events[' || events.seq || '].date.latest'),
    place_name = json_extract(a.record, '$.events[' || events.seq || '].place.name'),
    place_country = json_extract(a.record, '$.events[' || events.seq || '].place.country'),
    place_adm1 = json_extract(a.record, '$.events[' || events.seq || '].place.adm1'),
    place_precision = json_extract(a.record, '$.events[' || events.seq || '].place.precision'),
    lat = json_extract(a.record, '$.events[' || events.seq || '].place.lat'),
    lon = json_extract(a.record, '$.events[' || events.seq || '].place.lon'),
    geonames_id = json_extract(a.record, '$.events[' || events.seq || '].place.geonames_id')
FROM articles a WHERE a.rowid = events.article_rowid;
-- QuadClass by GDELT's ranges (01-05, 06-08, 09-13, 14-20); rows stored before had 06-09/10-14/15-20.
UPDATE events SET quad = CASE
    WHEN CAST(substr(cameo, 1, 2) AS INTEGER) <= 5 THEN 1
    WHEN CAST(substr(cameo, 1, 2) AS INTEGER) <= 8 THEN 2
    WHEN CAST(substr(cameo, 1, 2) AS INTEGER) <= 13 THEN 3
    ELSE 4 END;
UPDATE events SET story_id = s.story_id FROM article_story s WHERE s.article_rowid = events.article_rowid;
CREATE INDEX events_story ON events(story_id);
CREATE INDEX events_place ON events(place_country);

-- The FTS tables again, declared content="articles" / content="quotes" (double quotes: what
-- sqlite-utils' detect_fts and Datasette look for), rebuilt from their tables.
DROP TRIGGER articles_ai;
DROP TRIGGER articles_ad;
DROP TRIGGER articles_au;
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    headline, text, content="articles", content_rowid="rowid", tokenize='porter unicode61'
);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
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

DROP TRIGGER quotes_ai;
DROP TRIGGER quotes_ad;
DROP TRIGGER quotes_au;
DROP TABLE quotes_fts;
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker_name, content="quotes", content_rowid="rowid", tokenize='porter unicode61'
);
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.rowid, new.text, new.speaker_name);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name)
    VALUES ('delete', old.rowid, old.text, old.speaker_name);
END;
CREATE TRIGGER quotes_au AFTER UPDATE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name)
    VALUES ('delete', old.rowid, old.text, old.speaker_name);
    INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.rowid, new.text, new.speaker_name);
END;

-- One row per source × target actor pair of an event: who did what to whom, when and where.
CREATE VIEW dyadic_events AS
SELECT e.rowid AS event_rowid, a.id AS article_id, e.story_id, e.event_date, e.date_latest,
       e.type, e.cameo, e.quad, e.goldstein,
       s.name AS source_name, s.code AS source_code, s.country AS source_country, s.sector AS source_sector,
       t.name AS target_name, t.code AS target_code, t.country AS target_country, t.sector AS target_sector,
       e.negated, e.modality, e.confidence, e.place_name, e.place_country, e.lat, e.lon,
       e.trigger_text, a.source_url, a.publisher
FROM events e
JOIN articles a ON a.rowid = e.article_rowid
JOIN event_actors s ON s.event_rowid = e.rowid AND s.role = 'source'
JOIN event_actors t ON t.event_rowid = e.rowid AND t.role = 'target';

-- Each speaker's quotes counted: how many, in how many articles, first and last date.
CREATE VIEW quotes_by_speaker AS
SELECT coalesce(speaker_name, speaker_text) AS speaker, speaker_code, speaker_title,
       count(*) AS quotes, count(DISTINCT article_rowid) AS articles,
       min(published) AS first_published, max(published) AS last_published
FROM quotes
WHERE coalesce(speaker_name, speaker_text) IS NOT NULL
GROUP BY coalesce(speaker_name, speaker_text), speaker_code;
