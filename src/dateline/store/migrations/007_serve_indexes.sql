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

-- The event list ordered by type then date; look-ups of an event's actors, by event and by name.
CREATE INDEX events_type_date ON events(type, event_date);
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

-- A dyad's events per period (day, week starting Monday, month), QuadClass and negation,
-- summed as they are stored, so a series reads a few rows per period however many events there
-- are. Two views of each pair: directed (a = source, b = target) and undirected (a <= b; an event
-- coded both ways is counted once). QuadClass is GDELT's, from the CAMEO root (01–05, 06–08,
-- 09–13, 14–20). Events without a calendar date are left out.
CREATE TABLE dyad_periods (
    interval TEXT NOT NULL,                -- day | week | month
    directed INTEGER NOT NULL,
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    period TEXT NOT NULL,                  -- 2025-02-10 | 2025-02-10 (its Monday) | 2025-02
    quad INTEGER NOT NULL,
    negated INTEGER NOT NULL,
    events INTEGER NOT NULL,
    goldstein_sum REAL NOT NULL,
    PRIMARY KEY (interval, directed, a, b, period, quad, negated)
) WITHOUT ROWID;

CREATE TRIGGER event_dyads_periods AFTER INSERT ON event_dyads
BEGIN
    INSERT INTO dyad_periods
    SELECT p.interval, v.directed, v.a, v.b, p.period,
           CASE WHEN new.cameo < '06' THEN 1 WHEN new.cameo < '09' THEN 2 WHEN new.cameo < '14' THEN 3 ELSE 4 END,
           new.negated, 1, new.goldstein
    FROM (SELECT 'day' AS interval, date(substr(new.event_date, 1, 10)) AS period
          UNION ALL SELECT 'week', date(substr(new.event_date, 1, 10), 'weekday 0', '-6 days')
          UNION ALL SELECT 'month', substr(date(substr(new.event_date, 1, 10)), 1, 7)) AS p,
         (SELECT 1 AS directed, new.source AS a, new.target AS b
          UNION ALL SELECT 0, min(new.source, new.target), max(new.source, new.target)
          WHERE new.source = new.target OR NOT EXISTS (SELECT 1 FROM event_dyads x WHERE
              x.event_rowid = new.event_rowid AND x.source = new.target AND x.target = new.source)) AS v
    WHERE p.period IS NOT NULL
    ON CONFLICT DO UPDATE SET events = events + 1, goldstein_sum = goldstein_sum + excluded.goldstein_sum;
END;

CREATE TRIGGER event_dyads_periods_gone AFTER DELETE ON event_dyads
BEGIN
    UPDATE dyad_periods SET events = events - 1, goldstein_sum = goldstein_sum - old.goldstein
    WHERE quad = CASE WHEN old.cameo < '06' THEN 1 WHEN old.cameo < '09' THEN 2 WHEN old.cameo < '14' THEN 3 ELSE 4 END
      AND negated = old.negated
      AND ((interval = 'day' AND period = date(substr(old.event_date, 1, 10)))
        OR (interval = 'week' AND period = date(substr(old.event_date, 1, 10), 'weekday 0', '-6 days'))
        OR (interval = 'month' AND period = substr(date(substr(old.event_date, 1, 10)), 1, 7)))
      AND ((directed = 1 AND a = old.source AND b = old.target)
        OR (directed = 0 AND a = min(old.source, old.target) AND b = max(old.source, old.target)
            AND (old.source = old.target OR NOT EXISTS (SELECT 1 FROM event_dyads x WHERE
                x.event_rowid = old.event_rowid AND x.source = old.target AND x.target = old.source))));
    DELETE FROM dyad_periods WHERE events <= 0 AND a IN (old.source, old.target) AND b IN (old.source, old.target);
END;

INSERT INTO dyad_periods
    SELECT interval, directed, a, b, period, quad, negated, count(*), sum(goldstein)
    FROM (SELECT i.interval, v.directed, v.a, v.b, v.negated, v.goldstein,
                 CASE i.interval WHEN 'day' THEN date(substr(v.event_date, 1, 10))
                                 WHEN 'week' THEN date(substr(v.event_date, 1, 10), 'weekday 0', '-6 days')
                                 ELSE substr(date(substr(v.event_date, 1, 10)), 1, 7) END AS period,
                 CASE WHEN v.cameo < '06' THEN 1 WHEN v.cameo < '09' THEN 2 WHEN v.cameo < '14' THEN 3 ELSE 4 END AS quad
          FROM (SELECT 1 AS directed, source AS a, target AS b, event_date, cameo, negated, goldstein
                FROM event_dyads
                UNION ALL
                SELECT 0, min(d.source, d.target), max(d.source, d.target), d.event_date, d.cameo, d.negated,
                       d.goldstein
                FROM event_dyads d
                -- an event coded both ways: its a <= b row is the one counted
                WHERE d.source <= d.target OR NOT EXISTS (SELECT 1 FROM event_dyads x WHERE
                    x.event_rowid = d.event_rowid AND x.source = d.target AND x.target = d.source)) AS v
          CROSS JOIN (SELECT 'day' AS interval UNION ALL SELECT 'week' UNION ALL SELECT 'month') AS i)
    WHERE period IS NOT NULL
    GROUP BY interval, directed, a, b, period, quad, negated;
