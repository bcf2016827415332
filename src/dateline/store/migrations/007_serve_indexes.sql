-- Query tables for `dateline serve` (issue 15): which countries and which source→target country
-- pairs each event involves, with the columns the API filters, orders and groups on, so a dyad's
-- or a country's events come off one index range in date order instead of a sort of thousands.
-- Kept by triggers on event_actors (an event's row is written before its actors), so every
-- writer of the store fills them; the last statements backfill what is already stored.
-- event_date is '' when the event has none, so such events sort first, as NULLs do in events.

CREATE TABLE event_countries (
    event_rowid INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
    country TEXT NOT NULL,
    event_date TEXT NOT NULL,
    type TEXT NOT NULL,
    negated INTEGER NOT NULL,
    PRIMARY KEY (event_rowid, country)
) WITHOUT ROWID;
CREATE INDEX event_countries_date ON event_countries(country, event_date, event_rowid, type, negated);
CREATE INDEX event_countries_map ON event_countries(event_date, country, negated);

CREATE TABLE event_dyads (
    event_rowid INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
    source TEXT NOT NULL,                  -- a source actor's country
    target TEXT NOT NULL,                  -- a target actor's country
    event_date TEXT NOT NULL,
    cameo TEXT NOT NULL,
    goldstein REAL NOT NULL,
    negated INTEGER NOT NULL,
    PRIMARY KEY (event_rowid, source, target)
) WITHOUT ROWID;
CREATE INDEX event_dyads_pair ON event_dyads(source, target, event_date, event_rowid, cameo, goldstein, negated);

-- The event list's other orders: by type then date; by the event's actors; by CAMEO code.
CREATE INDEX events_type_date ON events(type, event_date);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX event_actors_event ON event_actors(event_rowid, role, country);
CREATE INDEX event_actors_name ON event_actors(name COLLATE NOCASE);
CREATE INDEX quotes_speaker_nocase ON quotes(speaker_name COLLATE NOCASE);
CREATE INDEX quotes_code ON quotes(speaker_code);

CREATE TRIGGER event_actors_keys AFTER INSERT ON event_actors WHEN new.country IS NOT NULL AND new.country != ''
BEGIN
    INSERT OR IGNORE INTO event_countries (event_rowid, country, event_date, type, negated)
        SELECT e.rowid, new.country, coalesce(e.event_date, ''), e.type, e.negated
        FROM events e WHERE e.rowid = new.event_rowid;
    INSERT OR IGNORE INTO event_dyads (event_rowid, source, target, event_date, cameo, goldstein, negated)
        SELECT e.rowid, new.country, o.country, coalesce(e.event_date, ''), e.cameo, e.goldstein, e.negated
        FROM events e JOIN event_actors o ON o.event_rowid = e.rowid
        WHERE e.rowid = new.event_rowid AND new.role = 'source' AND o.role = 'target'
          AND o.country IS NOT NULL AND o.country != '';
    INSERT OR IGNORE INTO event_dyads (event_rowid, source, target, event_date, cameo, goldstein, negated)
        SELECT e.rowid, o.country, new.country, coalesce(e.event_date, ''), e.cameo, e.goldstein, e.negated
        FROM events e JOIN event_actors o ON o.event_rowid = e.rowid
        WHERE e.rowid = new.event_rowid AND new.role = 'target' AND o.role = 'source'
          AND o.country IS NOT NULL AND o.country != '';
END;

INSERT OR IGNORE INTO event_countries (event_rowid, country, event_date, type, negated)
    SELECT e.rowid, a.country, coalesce(e.event_date, ''), e.type, e.negated
    FROM event_actors a JOIN events e ON e.rowid = a.event_rowid
    WHERE a.country IS NOT NULL AND a.country != '';
INSERT OR IGNORE INTO event_dyads (event_rowid, source, target, event_date, cameo, goldstein, negated)
    SELECT e.rowid, s.country, t.country, coalesce(e.event_date, ''), e.cameo, e.goldstein, e.negated
    FROM events e
    JOIN event_actors s ON s.event_rowid = e.rowid AND s.role = 'source'
    JOIN event_actors t ON t.event_rowid = e.rowid AND t.role = 'target'
    WHERE s.country IS NOT NULL AND s.country != '' AND t.country IS NOT NULL AND t.country != '';
